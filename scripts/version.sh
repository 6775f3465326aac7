#!/usr/bin/env bash
# Prints the version that the packages carry and `--version` shows: $VERSION when
# set, else cmd/prepub/FyneApp.toml's, with the commit count and hash in a git
# checkout (0.1.0+git412.29e0ece: a valid Debian version, rising with each commit).
set -euo pipefail
cd "$(dirname "$0")/.."
if [ -n "${VERSION:-}" ]; then echo "$VERSION"; exit 0; fi
v=$(sed -n 's/^ *Version *= *"\(.*\)"/\1/p' cmd/prepub/FyneApp.toml)
if n=$(git rev-list --count HEAD 2>/dev/null) && h=$(git rev-parse --short=7 HEAD 2>/dev/null); then
  v="$v+git$n.$h"
fi
echo "$v"
