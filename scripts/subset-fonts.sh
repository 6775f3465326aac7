#!/usr/bin/env bash
# Cuts the Simplified Chinese faces of Noto Sans CJK (regular and bold, from
# Debian's fonts-noto-cjk) down to the characters the window needs and writes
# them to assets/fonts, where the program embeds them (assets/fonts.go):
# printable ASCII and Latin-1, general punctuation, arrows, numbered and
# geometric signs, CJK punctuation, full-width forms, every character of
# GB 2312, and every CJK character in the repository's own texts (the
# window's words, help pages, rules and keywords). A character outside them
# is drawn from a system font by Fyne's fallback.
#
# Why: the whole face is 16 MB of CFF that Fyne parses at every start (some
# 0.5 s and 60 MB); this cut is 3 MB. Run it again after adding Chinese text
# the window shows: TestFaceCoversTheWindow names a character it lacks.
# Needs fonts-noto-cjk and python3-fonttools (scripts/install-deps.sh does not
# install them: the program and its tests use the committed files).
set -euo pipefail
cd "$(dirname "$0")/.."
ttc_dir=${NOTO_CJK_DIR:-/usr/share/fonts/opentype/noto}
py=/usr/bin/python3 # Debian's, which has fontTools
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT

git ls-files ':(glob)ui/**' ':(glob)cmd/prepub/*.go' ':(glob)review/*.go' ':(glob)index/*.go' 'assets/*.toml' 'assets/translations/*' \
  ':!:*_test.go' ':!:*.png' | xargs cat > "$tmp/texts"
"$py" - "$tmp/texts" > "$tmp/chars" <<'PY'
import sys
chars = set()
for lo, hi in [(0x20, 0x7e), (0xa0, 0x17f), (0x2000, 0x206f), (0x2100, 0x21ff),
               (0x2460, 0x24ff), (0x2500, 0x257f), (0x25a0, 0x26ff), (0x3000, 0x303f), (0xff00, 0xffef)]:
    chars.update(map(chr, range(lo, hi + 1)))
for a in range(0xa1, 0xf8):
    for b in range(0xa1, 0xff):
        try:
            chars.add(bytes([a, b]).decode("gb2312"))
        except UnicodeDecodeError:
            pass
text = open(sys.argv[1], encoding="utf-8", errors="ignore").read()
chars.update(c for c in text if 0x2e80 <= ord(c) <= 0x9fff or 0xf900 <= ord(c) <= 0xfaff or 0xff00 <= ord(c) <= 0xffef)
sys.stdout.write("".join(sorted(chars)))
PY
for weight in Regular Bold; do
  # face 2 of the collection is Noto Sans CJK SC
  "$py" -m fontTools.subset "$ttc_dir/NotoSansCJK-$weight.ttc" --font-number=2 \
    --text-file="$tmp/chars" --no-hinting --name-IDs='*' --name-languages='*' \
    --output-file="assets/fonts/NotoSansCJKsc-$weight.otf"
done
{
  "$py" -c 'import sys; from fontTools.ttLib import TTFont; print(TTFont(sys.argv[1])["name"].getDebugName(0))' assets/fonts/NotoSansCJKsc-Regular.otf
  echo
  awk '/^ SIL OPEN FONT LICENSE/ {on = 1} /^License: GPL/ {on = 0} on' /usr/share/doc/fonts-noto-cjk/copyright | sed 's/^ //; s/^\.$//'
} > assets/fonts/OFL.txt
ls -l assets/fonts
