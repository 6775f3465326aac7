#!/usr/bin/env bash
# Installs the Debian packages prepub needs, once: only those missing, with
# one `apt-get update` before the first install. Usage:
#   scripts/install-deps.sh build   # cgo, X11 and GL headers for Fyne, a CJK font
#   scripts/install-deps.sh test    # build + Xvfb and the peer tools the tests compare with
#   scripts/install-deps.sh bench   # test + ripgrep, hyperfine, pandoc, LibreOffice
set -euo pipefail

build=(gcc pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk)
test=("${build[@]}" xvfb poppler-utils postgresql gcc-mingw-w64-x86-64)
bench=("${test[@]}" ripgrep hyperfine pandoc qpdf catdoc libreoffice-writer-nogui)

case "${1:-build}" in
  build) want=("${build[@]}") ;;
  test)  want=("${test[@]}") ;;
  bench) want=("${bench[@]}") ;;
  *) echo "usage: $0 build|test|bench" >&2; exit 64 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "prepub: these packages are missing and this is not a Debian system: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "prepub: installing ${missing[*]}" >&2
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
