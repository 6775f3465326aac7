#!/usr/bin/env bash
# Installs the Debian packages prepub needs, once: only those missing, with
# one `apt-get update` before the first install. Usage:
#   scripts/install-deps.sh build   # cgo, X11 and GL headers for Fyne, a CJK font
#   scripts/install-deps.sh test    # build + Xvfb and the peer tools the tests compare with
#   scripts/install-deps.sh bench   # test + ripgrep, hyperfine, pandoc, LibreOffice
#   scripts/install-deps.sh dist    # build + mingw-w64, NSIS, dpkg-dev, lintian, npm (to fetch Zig), the arm64 libraries
set -euo pipefail

build=(gcc pkg-config libgl1-mesa-dev xorg-dev fonts-noto-cjk fonts-arphic-gbsn00lp fonts-arphic-uming fonts-wqy-zenhei)
test=("${build[@]}" xvfb poppler-utils postgresql gcc-mingw-w64-x86-64 libreoffice-writer-nogui lintian curl openssl)
bench=("${test[@]}" ripgrep hyperfine pandoc qpdf catdoc)
# dist: packages (scripts/package-deb.sh, scripts/package-nsis.sh). The desktop app is linked by Zig
# (scripts/zig.sh fetches it with npm), which brings its own glibc 2.28 stubs for both architectures:
# of arm64 only the X11/GL libraries are needed, through multiarch, to link against and for dpkg-shlibdeps.
dist=("${build[@]}" gcc-mingw-w64-x86-64 nsis dpkg-dev lintian binutils
  libgl-dev:arm64 libx11-dev:arm64 libxcursor-dev:arm64 libxrandr-dev:arm64 libxinerama-dev:arm64 libxi-dev:arm64 libxxf86vm-dev:arm64 libxext-dev:arm64)

case "${1:-build}" in
  build) want=("${build[@]}") ;;
  test)  want=("${test[@]}") ;;
  bench) want=("${bench[@]}") ;;
  dist)  want=("${dist[@]}") ;;
  *) echo "usage: $0 build|test|bench|dist" >&2; exit 64 ;;
esac

missing=()
for p in "${want[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
# npm may come with a nodejs that is not Debian's: the command is what counts
[ "${1:-}" = dist ] && ! command -v npm >/dev/null && missing+=(npm)
[ ${#missing[@]} -eq 0 ] && exit 0

if ! command -v apt-get >/dev/null; then
  echo "prepub: these packages are missing and this is not a Debian system: ${missing[*]}" >&2
  exit 1
fi
sudo=""
[ "$(id -u)" -ne 0 ] && sudo="sudo"
echo "prepub: installing ${missing[*]}" >&2
if [[ " ${missing[*]}" == *:arm64* ]] && ! dpkg --print-foreign-architectures | grep -qx arm64; then
  $sudo dpkg --add-architecture arm64
fi
$sudo apt-get update -qq
DEBIAN_FRONTEND=noninteractive $sudo apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
