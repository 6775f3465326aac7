#!/usr/bin/env bash
# Prints the sign-off sheet of the test fixture (a draft taken through the real
# desk to its decision) and renders its first page to docs/sheet.png, so a
# person can look at the layout. Needs a Chinese TrueType font and pdftoppm
# (poppler-utils). Usage: scripts/sheet-example.sh [OUT.png]
set -euo pipefail
cd "$(dirname "$0")/.."
export PATH="$PATH:/usr/local/go/bin"
out=${1:-docs/sheet.png}
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
PREPUB_SHEET_OUT="$tmp" go test -count=1 -run 'TestSheetDecided$' ./paperwork >/dev/null
pdf="$tmp/TestSheetDecided.pdf"
[ -s "$pdf" ] || { echo "sheet-example: no sheet printed (is a Chinese TrueType font installed?)" >&2; exit 1; }
pdftoppm -png -r 80 -singlefile "$pdf" "${out%.png}"
echo "$out"
