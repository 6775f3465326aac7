#!/usr/bin/env bash
# Builds the Windows installer of the desktop app with Debian's makensis
# (packaging/nsis/prepub.nsi: Start-menu entry, uninstaller, "用公文发布前审查检查" on the
# right-click menu of .docx, .doc, .wps, .pdf and .ofd files), and prepubctl for Windows,
# into OUT (default dist/):
#   prepub-setup_VERSION_amd64.exe     the installer (prepub.exe cross-compiled with mingw-w64)
#   prepubctl_VERSION_windows_amd64.exe the command line and office server, a bare program
# Usage: scripts/package-nsis.sh [-o OUT]   (VERSION may be set, else scripts/version.sh)
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist
while getopts o: opt; do
  case $opt in
    o) out=$OPTARG ;;
    *) echo "usage: $0 [-o OUT]" >&2; exit 64 ;;
  esac
done
GO=${GO:-go}
command -v "$GO" >/dev/null || GO=/usr/local/go/bin/go
for tool in makensis x86_64-w64-mingw32-gcc; do
  command -v "$tool" >/dev/null || { echo "package-nsis: $tool is missing (scripts/install-deps.sh dist)" >&2; exit 1; }
done
version=$(bash scripts/version.sh)
# Windows wants four numbers: 0.1.0+git58.29e0ece is 0.1.0.58
IFS=. read -r a b c _ <<<"${version%%+*}.0.0.0"
n=$(sed -n 's/.*+git\([0-9]*\).*/\1/p' <<<"$version")
numversion="${a:-0}.${b:-0}.${c:-0}.${n:-0}"
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

start=$SECONDS
CGO_ENABLED=1 CC=x86_64-w64-mingw32-gcc GOOS=windows GOARCH=amd64 "$GO" build -trimpath \
  -ldflags "-H=windowsgui -s -w -X main.version=$version" -o "$tmp/prepub.exe" ./cmd/prepub
"$GO" run packaging/nsis/mkico.go assets/icon.png "$tmp/prepub.ico"
setup="$out/prepub-setup_${version}_amd64.exe"
makensis -V2 -INPUTCHARSET UTF8 -DVERSION="$version" -DNUMVERSION="$numversion" \
  -DSRCDIR="$tmp" -DOUTFILE="$(realpath "$out")/$(basename "$setup")" packaging/nsis/prepub.nsi
echo "package-nsis: $setup ($(du -h "$setup" | cut -f1)) in $((SECONDS - start)) s"

start=$SECONDS
CGO_ENABLED=0 GOOS=windows GOARCH=amd64 "$GO" build -trimpath -ldflags "-s -w -X main.version=$version" \
  -o "$out/prepubctl_${version}_windows_amd64.exe" ./cmd/prepubctl
echo "package-nsis: $out/prepubctl_${version}_windows_amd64.exe ($(du -h "$out/prepubctl_${version}_windows_amd64.exe" | cut -f1)) in $((SECONDS - start)) s"
