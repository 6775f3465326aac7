#!/usr/bin/env bash
# Rebuilds libreoffice.pdf: a 3-page draft written by gendocs from the corpus,
# turned into PDF by LibreOffice, so the PDF tests read a real producer's output
# (embedded CJK subset fonts, ToUnicode maps). Needs libreoffice-writer-nogui.
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
top=$(cd "$here/../../.." && pwd)
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
(cd "$top" && go run ./bench/gendocs -kind docx -pages 3 -corpus ../shared/corpus -out "$tmp/libreoffice.docx")
libreoffice --headless --convert-to pdf --outdir "$tmp" "$tmp/libreoffice.docx" >/dev/null
cp "$tmp/libreoffice.pdf" "$here/libreoffice.pdf"
