#!/usr/bin/env bash
# Builds prepub's .deb packages with dpkg-deb from a staging tree (no debhelper),
# into OUT (default dist/), and runs lintian on each when it is installed
# (an error fails; warnings are shown):
#   prepubctl_VERSION_ARCH.deb  prepubctl and the office server (prepub-server.service),
#                               pure Go (CGO_ENABLED=0): amd64, arm64, loong64
#   prepub_VERSION_ARCH.deb     the desktop app (cgo, X11/GL): amd64 and arm64, both linked
#                               by `zig cc` (scripts/zig.sh) against glibc 2.28's symbols, so
#                               that it runs on UOS 20 and Kylin V10 and not only on this
#                               Debian; arm64 against the arm64 X11/GL libraries installed
#                               through multiarch (scripts/install-deps.sh dist); a program
#                               that needs a newer glibc symbol fails the build
# Usage: scripts/package-deb.sh [-o OUT] [TARGET...]
#   TARGET: prepubctl:ARCH or prepub:ARCH; none or "all": every package above.
# VERSION (else scripts/version.sh), DEB_MAINTAINER, DEB_XZ_LEVEL (xz level, default 6;
# 1 packs a 43 MB program in 4 s instead of 25 s, 13.6 MB instead of 12) and PREPUB_CACHE
# (Zig and its cache, default ~/.cache/prepub) may be set.
set -euo pipefail
cd "$(dirname "$0")/.."
out=dist
while getopts o: opt; do
  case $opt in
    o) out=$OPTARG ;;
    *) echo "usage: $0 [-o OUT] [prepubctl:ARCH|prepub:ARCH|all]..." >&2; exit 64 ;;
  esac
done
shift $((OPTIND - 1))
targets=("$@")
if [ ${#targets[@]} -eq 0 ] || [ "${targets[0]}" = all ]; then
  targets=(prepubctl:amd64 prepubctl:arm64 prepubctl:loong64 prepub:amd64 prepub:arm64)
fi
GO=${GO:-go}
command -v "$GO" >/dev/null || GO=/usr/local/go/bin/go
version=$(bash scripts/version.sh)
maintainer=${DEB_MAINTAINER:-"prepub maintainers <prepub@example.org>"}
cache=${PREPUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/prepub}
glibc_floor=2.28 # UOS 20 and Kylin V10 (Debian 10 based): glibc 2.28
mkdir -p "$out"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

# stage_common PKG ROOT: the control files, the documentation and the modes every package needs.
stage_common() {
  local pkg=$1 root=$2 arch=$3 shlibs=${4:-}
  install -d "$root/usr/share/doc/$pkg" "$root/usr/share/lintian/overrides"
  install -m 0644 packaging/deb/copyright "$root/usr/share/doc/$pkg/copyright"
  install -m 0644 "packaging/deb/$pkg/lintian-overrides" "$root/usr/share/lintian/overrides/$pkg"
  printf '%s (%s) unstable; urgency=medium\n\n  * Built from commit %s.\n\n -- %s  %s\n' \
    "$pkg" "$version" "$(git rev-parse --short HEAD 2>/dev/null || echo unknown)" "$maintainer" \
    "$(date -R -d "@$(git log -1 --format=%ct 2>/dev/null || date +%s)")" |
    gzip -9n >"$root/usr/share/doc/$pkg/changelog.gz"
  find "$root" -type d -exec chmod 0755 {} +
  install -d "$root/DEBIAN"
  local size
  size=$(du -sk --apparent-size --exclude=DEBIAN "$root" | cut -f1)
  sed -e "s|@VERSION@|$version|" -e "s|@ARCH@|$arch|" -e "s|@MAINTAINER@|$maintainer|" \
    -e "s|@SIZE@|$size|" -e "s|@SHLIBS@|$shlibs|" "packaging/deb/$pkg/control" >"$root/DEBIAN/control"
  for f in conffiles; do
    [ -f "packaging/deb/$pkg/$f" ] && install -m 0644 "packaging/deb/$pkg/$f" "$root/DEBIAN/$f"
  done
  for f in postinst prerm postrm; do
    [ -f "packaging/deb/$pkg/$f" ] && install -m 0755 "packaging/deb/$pkg/$f" "$root/DEBIAN/$f"
  done
  # md5sums of every file but the configuration files, as dh_md5sums writes them
  (cd "$root" && find . -path ./DEBIAN -prune -o -path ./etc -prune -o -type f -printf '%P\0' |
    LC_ALL=C sort -z | xargs -0 md5sum) >"$root/DEBIAN/md5sums"
  chmod 0644 "$root/DEBIAN/md5sums"
}

# build_deb ROOT FILE: pack the staging tree, owned by root, and lint it.
build_deb() {
  local root=$1 deb=$2
  dpkg-deb --root-owner-group -Zxz -z"${DEB_XZ_LEVEL:-6}" --build "$root" "$deb" >/dev/null
  echo "package-deb: $deb ($(du -h "$deb" | cut -f1))"
  if command -v lintian >/dev/null; then
    local rc=0 suppress=()
    # Debian 12's lintian does not know loong64 (dpkg does): it calls the LoongArch program foreign
    [[ $deb == *_loong64.deb ]] && suppress=(--suppress-tags binary-from-other-architecture,unknown-architecture)
    lintian --fail-on error "${suppress[@]}" "$deb" >"$tmp/lintian.out" 2>&1 || rc=$?
    grep -v "running with root privileges" "$tmp/lintian.out" | sed 's/^/  lintian: /' >&2 || true
    [ "$rc" -eq 0 ] || { echo "package-deb: lintian found errors in $deb" >&2; return 1; }
  fi
}

prepubctl_deb() {
  local arch=$1 root=$tmp/prepubctl_$1
  install -d "$root/usr/bin" "$root/lib/systemd/system" "$root/etc/prepub" "$root/usr/share/man/man1"
  CGO_ENABLED=0 GOOS=linux GOARCH=$arch "$GO" build -trimpath -ldflags "-s -w -X main.version=$version" \
    -o "$root/usr/bin/prepubctl" ./cmd/prepubctl
  install -m 0644 packaging/systemd/prepub-server.service "$root/lib/systemd/system/"
  install -m 0644 packaging/deb/prepubctl/server.env "$root/etc/prepub/server.env"
  sed "s|@VERSION@|$version|" packaging/deb/prepubctl/prepubctl.1 | gzip -9n >"$root/usr/share/man/man1/prepubctl.1.gz"
  stage_common prepubctl "$root" "$arch"
  build_deb "$root" "$out/prepubctl_${version}_${arch}.deb"
}

# glibc_ceiling PROGRAM: the newest glibc symbol version the program needs (readelf reads any architecture).
glibc_ceiling() {
  readelf -W --dyn-syms "$1" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1
}

prepub_deb() {
  local arch=$1 root=$tmp/prepub_$1 triplet zig
  case $arch in
    amd64) triplet=x86_64-linux-gnu ;;
    arm64) triplet=aarch64-linux-gnu ;;
    *) echo "package-deb: the desktop app is built for amd64 and arm64, not $arch" >&2; return 64 ;;
  esac
  zig=$(bash scripts/zig.sh)
  # Zig brings glibc 2.28's headers and link stubs (libc, libm, libdl, libpthread...); the X11/GL
  # headers come from /usr/include after Zig's own, and the libraries GLFW links from a folder
  # of links to the multiarch ones alone, so that no header or library of this Debian's glibc is
  # used. The folder is in the cache, not in $tmp: the compiler command is part of Go's cache key.
  local libs=$cache/zig-libs/$triplet
  mkdir -p "$libs" "$cache/zig-cache"
  for l in GL X11 Xrandr Xxf86vm Xi Xcursor Xinerama; do ln -sfn "/usr/lib/$triplet/lib$l.so" "$libs/lib$l.so"; done
  install -d "$root/usr/bin" "$root/usr/share/applications" "$root/usr/share/icons/hicolor/256x256/apps" \
    "$root/usr/share/mime/packages" "$root/usr/share/man/man1"
  # --strip-all: Zig's linker leaves the C parts' symbols and debug sections that Go's -s -w do not reach
  ZIG_GLOBAL_CACHE_DIR=$cache/zig-cache ZIG_LOCAL_CACHE_DIR=$cache/zig-cache \
    CGO_ENABLED=1 CC="$zig cc -target $triplet.$glibc_floor -idirafter /usr/include -L$libs" GOOS=linux GOARCH=$arch \
    PKG_CONFIG_LIBDIR=/usr/lib/$triplet/pkgconfig:/usr/share/pkgconfig \
    "$GO" build -trimpath -buildmode=pie -ldflags "-s -w -X main.version=$version -extldflags=-Wl,--strip-all" \
    -o "$root/usr/bin/prepub" ./cmd/prepub
  local ceiling
  ceiling=$(glibc_ceiling "$root/usr/bin/prepub")
  if [ "$(printf '%s\n' "$ceiling" "$glibc_floor" | sort -V | tail -1)" != "$glibc_floor" ]; then
    echo "package-deb: prepub for $arch needs GLIBC_$ceiling, newer than $glibc_floor (UOS 20, Kylin V10)" >&2
    return 1
  fi
  echo "package-deb: prepub for $arch needs at most GLIBC_$ceiling"
  install -m 0644 packaging/deb/prepub/cn.gov.prepub.desktop "$root/usr/share/applications/"
  install -m 0644 assets/icon.png "$root/usr/share/icons/hicolor/256x256/apps/cn.gov.prepub.png"
  install -m 0644 packaging/deb/prepub/prepub-mime.xml "$root/usr/share/mime/packages/prepub.xml"
  sed "s|@VERSION@|$version|" packaging/deb/prepub/prepub.1 | gzip -9n >"$root/usr/share/man/man1/prepub.1.gz"
  # the shared libraries the program links, as package dependencies, for the target architecture;
  # the X11 extension libraries GLFW loads at run time (dlopen) are in packaging/deb/prepub/control
  mkdir -p "$tmp/shlibs/debian"
  printf 'Source: prepub\n\nPackage: prepub\nArchitecture: any\n' >"$tmp/shlibs/debian/control"
  local shlibs
  shlibs=$(cd "$tmp/shlibs" && DEB_HOST_ARCH=$arch DEB_HOST_MULTIARCH=$triplet \
    dpkg-shlibdeps -O -l"/usr/lib/$triplet" "-e$root/usr/bin/prepub" 2>/dev/null | sed -n 's/^shlibs:Depends=//p')
  if [ -z "$shlibs" ]; then
    echo "package-deb: dpkg-shlibdeps found no libraries for $arch (are the $arch X11/GL libraries installed?)" >&2
    return 1
  fi
  # Debian 12's symbols file asks libc6 2.34 for sysconf, because 2.34's headers pass it new constants;
  # the program was compiled against 2.28's headers and the check above holds its symbols to 2.28
  shlibs=$(sed "s/libc6 (>= [^)]*)/libc6 (>= $glibc_floor)/" <<<"$shlibs")
  stage_common prepub "$root" "$arch" "$shlibs"
  build_deb "$root" "$out/prepub_${version}_${arch}.deb"
}

for t in "${targets[@]}"; do
  start=$SECONDS
  case $t in
    prepubctl:*) prepubctl_deb "${t#*:}" ;;
    prepub:*) prepub_deb "${t#*:}" ;;
    *) echo "package-deb: unknown target $t" >&2; exit 64 ;;
  esac
  echo "package-deb: $t built in $((SECONDS - start)) s"
done
