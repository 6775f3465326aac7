#!/usr/bin/env bash
# Rebuilds producers/: the same short notice written by real PDF producers, so
# the PDF tests read what each of them really emits (font kinds, encodings,
# ToUnicode maps or none, encryption, image-only pages, Form XObjects and
# annotations). Two texts:
#   MARKED  "机密★20年" on the first line, then the title and two paragraphs;
#   CLEAN   the same notice with no marking and none of 秘密/机密/绝密.
# Files written (each under 100 KB, CJK fonts subset where the producer embeds):
#   chromium_{marked,clean}.pdf      chromium --headless --print-to-pdf, Noto CJK
#                                    (CFF-based: Skia writes them as Type 3 fonts)
#   chromium_ttf_{marked,clean}.pdf  the same with AR PL UMing CN, a TrueType
#                                    font: Skia writes a CID TrueType subset
#   cairo_{marked,clean}.pdf         pango-view --output, "Noto Serif CJK SC"
#   ghostscript_{marked,clean}.pdf   gs -sDEVICE=pdfwrite re-save of chromium_*
#   libreoffice_{marked,clean}.pdf   soffice --convert-to pdf of a .txt
#   wkhtmltopdf_{marked,clean}.pdf   wkhtmltopdf of the HTML page
#   xelatex_{marked,clean}.pdf       xelatex with ctex, else xeCJK, else fontspec
#   reportlab_cid_{marked,clean}.pdf reportlab, STSong-Light (not embedded)
#   reportlab_ttf_{marked,clean}.pdf reportlab, AR PL UMing (uming.ttc) embedded
#   enc_{rc4_40,rc4_128,aes_128,aes_256}_marked.pdf
#                                    qpdf of libreoffice_marked.pdf, owner
#                                    password "owner" only (no user password)
#   enc_userpw_marked.pdf            qpdf aes-256, user "secret", owner "owner"
#   scan_marked.pdf                  libreoffice_marked.pdf page 1 at 100 dpi
#                                    (pdftoppm JPEG) wrapped by gs viewjpeg.ps:
#                                    one image, no fonts, no text
#   xobject_annot_marked.pdf         reportlab: body in the page content,
#                                    "机密★20年" only inside a Form XObject, and
#                                    a Text annotation "内部资料 注意保密"
# and README.md, a table of what pdffonts/pdftotext say about each.
# Needs: chromium, pango1.0-tools, ghostscript, libreoffice-writer-nogui,
# wkhtmltopdf, texlive-xetex (+ texlive-lang-chinese for ctex), python3-reportlab,
# qpdf, poppler-utils, fonts-noto-cjk, fonts-arphic-uming.
# Usage: review/extract/testdata/make_pdfs.sh   (from anywhere)
set -euo pipefail
here=$(cd "$(dirname "$0")" && pwd)
out="$here/producers"
tmp=$(mktemp -d)
trap 'rm -rf "$tmp"' EXIT
for t in chromium pango-view gs soffice wkhtmltopdf xelatex kpsewhich qpdf \
  pdftoppm pdftotext pdffonts pdfinfo fc-list; do
  command -v "$t" >/dev/null || { echo "make_pdfs: $t is missing" >&2; exit 1; }
done
mkdir -p "$out"
# Debian's reportlab lives in the system python, not in a pyenv one.
py=/usr/bin/python3
[ -x "$py" ] || py=python3

marking='机密★20年'
title='关于做好政务公开工作的通知'
salute='各区人民政府，市政府各委、办、局：'
para1='为深入贯彻落实党中央、国务院关于全面推进政务公开工作的决策部署，进一步提升政府工作透明度，保障人民群众的知情权、参与权和监督权，现就做好本年度政务公开工作有关事项通知如下。'
para2='各单位要坚持以公开为常态、不公开为例外，及时更新政府信息主动公开目录，认真做好重要政策解读和社会关切回应工作。请于每季度最后一个月的二十日前，将工作落实情况书面报送市政府办公厅。'
sender='市人民政府办公厅'
export marking title salute para1 para2 sender

# text: marked|clean -> the notice as plain lines (marking only when marked).
text() {
  [ "$1" = marked ] && printf '%s\n\n' "$marking"
  printf '%s\n\n%s\n%s\n%s\n\n%s\n' "$title" "$salute" "$para1" "$para2" "$sender"
}

# html: marked|clean [FONT] -> an HTML page in FONT, by default a Noto CJK face.
html() {
  local face=${2:-'"Noto Serif CJK SC", "Noto Sans CJK SC"'} mface=${2:-'"Noto Sans CJK SC"'}
  cat <<EOF
<!DOCTYPE html>
<html lang="zh-CN"><head><meta charset="utf-8"><title>$title</title>
<style>
@page { size: A4; margin: 25mm; }
body { font-family: $face, serif; font-size: 16px; line-height: 1.8; }
.mark { font-family: $mface, sans-serif; font-size: 16px; }
h1 { font-size: 22px; text-align: center; font-weight: normal; }
p.body { text-indent: 2em; margin: 0; }
p.sender { text-align: right; }
</style></head><body>
EOF
  [ "$1" = marked ] && printf '<p class="mark">%s</p>\n' "$marking"
  cat <<EOF
<h1>$title</h1>
<p>$salute</p>
<p class="body">$para1</p>
<p class="body">$para2</p>
<p class="sender">$sender</p>
</body></html>
EOF
}

for k in marked clean; do
  text "$k" >"$tmp/$k.txt"
  html "$k" >"$tmp/$k.html"
  html "$k" '"AR PL UMing CN"' >"$tmp/${k}_ttf.html"
done

# chromium: headless print of the HTML page (Skia/PDF). --no-pdf-header-footer
# keeps the date, title and file URL off the page.
for k in marked clean; do
  for v in "" _ttf; do
    chromium --headless --no-sandbox --disable-gpu --no-first-run \
      --disable-background-networking --disable-component-update --disable-sync \
      --user-data-dir="$(mktemp -d -p "$tmp")" --no-pdf-header-footer \
      --print-to-pdf="$out/chromium${v}_$k.pdf" "file://$tmp/$k$v.html" >/dev/null 2>&1
  done
done

# cairo: pango-view renders the text file through cairo's PDF surface.
for k in marked clean; do
  pango-view -q --font="Noto Serif CJK SC 12" --width=450 --wrap=char \
    --margin=60 --output="$out/cairo_$k.pdf" "$tmp/$k.txt"
done

# ghostscript: pdfwrite re-save of chromium's file.
for k in marked clean; do
  gs -q -dNOPAUSE -dBATCH -dSAFER -sDEVICE=pdfwrite \
    -sOutputFile="$out/ghostscript_$k.pdf" "$out/chromium_$k.pdf"
done

# libreoffice: Writer reads the UTF-8 text file and exports PDF.
for k in marked clean; do
  cp "$tmp/$k.txt" "$tmp/libreoffice_$k.txt"
  soffice -env:UserInstallation="file://$tmp/lo-profile" --headless \
    --infilter='Text (encoded):UTF8,LF,Noto Serif CJK SC,zh-CN' \
    --convert-to pdf --outdir "$tmp" "$tmp/libreoffice_$k.txt" >/dev/null 2>&1
  cp "$tmp/libreoffice_$k.pdf" "$out/libreoffice_$k.pdf"
done

# wkhtmltopdf: Qt WebKit print of the same HTML page.
for k in marked clean; do
  QT_QPA_PLATFORM=offscreen wkhtmltopdf -q --enable-local-file-access \
    -s A4 "$tmp/$k.html" "$out/wkhtmltopdf_$k.pdf" >/dev/null 2>&1 || true
  [ -s "$out/wkhtmltopdf_$k.pdf" ] || { echo "wkhtmltopdf failed" >&2; exit 1; }
done

# xelatex: ctex (its Linux default Fandol font set) if present, else xeCJK
# with Noto Serif CJK SC, else bare fontspec with XeTeX's CJK line breaking.
# ★ is declared a CJK character, else xeCJK sets it in Latin Modern, which
# lacks it. xeCJK puts glue between CJK and Latin: pdftotext reads "★ 20 年".
if kpsewhich ctexart.cls >/dev/null 2>&1; then
  texhead='\documentclass[UTF8,fontset=fandol]{ctexart}\xeCJKDeclareCharClass{CJK}{"2605}'
  xelatex_setup='ctexart (fontset=fandol)'
elif kpsewhich xeCJK.sty >/dev/null 2>&1; then
  texhead='\documentclass{article}\usepackage{xeCJK}\setCJKmainfont{Noto Serif CJK SC}\xeCJKDeclareCharClass{CJK}{"2605}'
  xelatex_setup='xeCJK, \setCJKmainfont{Noto Serif CJK SC}'
else
  texhead='\documentclass{article}\usepackage{fontspec}\setmainfont{Noto Serif CJK SC}\XeTeXlinebreaklocale "zh"\XeTeXlinebreakskip=0pt plus 1pt'
  xelatex_setup='fontspec only, \setmainfont{Noto Serif CJK SC}, \XeTeXlinebreaklocale "zh"'
fi
for k in marked clean; do
  {
    printf '%s\n\\usepackage[a4paper,margin=25mm]{geometry}\n\\pagestyle{empty}\n\\begin{document}\n' "$texhead"
    [ "$k" = marked ] && printf '\\noindent %s\n\n' "$marking"
    printf '\\begin{center}\\Large %s\\end{center}\n\n\\noindent %s\n\n%s\n\n%s\n\n\\begin{flushright}%s\\end{flushright}\n\\end{document}\n' \
      "$title" "$salute" "$para1" "$para2" "$sender"
  } >"$tmp/xelatex_$k.tex"
  (cd "$tmp" && xelatex -interaction=nonstopmode -halt-on-error "xelatex_$k.tex" >/dev/null)
  cp "$tmp/xelatex_$k.pdf" "$out/xelatex_$k.pdf"
done

# scan: page 1 of LibreOffice's file as a 100 dpi JPEG, wrapped by Ghostscript
# into an A4 page (viewjpeg.ps fits the image to the page; the JPEG passes
# through): what a scanner's PDF holds, one image and no fonts.
pdftoppm -r 100 -gray -jpeg -jpegopt quality=80 -singlefile -f 1 -l 1 \
  "$out/libreoffice_marked.pdf" "$tmp/scan"
gs -q -dNOPAUSE -dBATCH -dSAFER --permit-file-read="$tmp/" -sDEVICE=pdfwrite \
  -sPAPERSIZE=a4 -dFIXEDMEDIA -sOutputFile="$out/scan_marked.pdf" \
  viewjpeg.ps -c "($tmp/scan.jpg) viewJPEG showpage"

# reportlab: built-in CID font (not embedded), embedded TrueType, and the
# Form XObject + annotation file.
uming=$(fc-list -f '%{file}\n' 'AR PL UMing CN' | head -n1)
[ -n "$uming" ] || uming=/usr/share/fonts/truetype/arphic/uming.ttc
OUT="$out" UMING="$uming" "$py" - <<'EOF'
import os
from reportlab.lib.pagesizes import A4
from reportlab.pdfgen import canvas
from reportlab.pdfbase import pdfmetrics
from reportlab.pdfbase.cidfonts import UnicodeCIDFont
from reportlab.pdfbase.ttfonts import TTFont

out = os.environ["OUT"]
E = os.environ
pdfmetrics.registerFont(UnicodeCIDFont("STSong-Light"))
pdfmetrics.registerFont(TTFont("UMing", E["UMING"], subfontIndex=0))

def wrap(s, n=30):
    return [s[i:i + n] for i in range(0, len(s), n)]

def body(c, font, y, marked, mark_in_form=False):
    W, H = A4
    if marked and not mark_in_form:
        c.setFont(font, 12); c.drawString(72, y, E["marking"]); y -= 36
    elif marked:
        y -= 36
    c.setFont(font, 18); c.drawCentredString(W / 2, y, E["title"]); y -= 36
    c.setFont(font, 12); c.drawString(72, y, E["salute"]); y -= 22
    for p in (E["para1"], E["para2"]):
        for i, line in enumerate(wrap(("\u3000\u3000" + p), 36)):
            c.drawString(72, y, line); y -= 20
    y -= 20
    c.drawRightString(W - 72, y, E["sender"])

for font, name in (("STSong-Light", "reportlab_cid"), ("UMing", "reportlab_ttf")):
    for k in ("marked", "clean"):
        c = canvas.Canvas(os.path.join(out, f"{name}_{k}.pdf"), pagesize=A4, invariant=1)
        c.setTitle(E["title"])
        body(c, font, A4[1] - 72, k == "marked")
        c.showPage(); c.save()

# Marking only inside a Form XObject, plus a Text annotation.
c = canvas.Canvas(os.path.join(out, "xobject_annot_marked.pdf"), pagesize=A4, invariant=1)
c.setTitle(E["title"])
c.beginForm("marking")
c.setFont("UMing", 12); c.drawString(72, A4[1] - 72, E["marking"])
c.endForm()
c.doForm("marking")
body(c, "UMing", A4[1] - 72, True, mark_in_form=True)
c.textAnnotation("内部资料 注意保密", Rect=(400, 760, 520, 800), relative=0)
c.showPage(); c.save()
EOF

# qpdf: owner-password-only encryption in four strengths, one with a user
# password. RC4 needs --allow-weak-crypto with qpdf 11.
src="$out/libreoffice_marked.pdf"
qpdf --allow-weak-crypto --encrypt "" owner 40 -- "$src" "$out/enc_rc4_40_marked.pdf"
qpdf --allow-weak-crypto --encrypt "" owner 128 --use-aes=n -- "$src" "$out/enc_rc4_128_marked.pdf"
qpdf --encrypt "" owner 128 --use-aes=y -- "$src" "$out/enc_aes_128_marked.pdf"
qpdf --encrypt "" owner 256 -- "$src" "$out/enc_aes_256_marked.pdf"
qpdf --encrypt secret owner 256 -- "$src" "$out/enc_userpw_marked.pdf"

# README.md: what poppler says about each file.
{
  echo "# producers/"
  echo
  echo "Made by \`../make_pdfs.sh\` on $(date -u +%Y-%m-%d); do not edit by hand."
  echo "The same short notice from each producer: \`*_marked.pdf\` starts with"
  echo "\"$marking\", \`*_clean.pdf\` has no marking and none of 秘密/机密/绝密."
  echo "Encrypted files: owner password \`owner\`, no user password, except"
  echo "\`enc_userpw_marked.pdf\` (user password \`secret\`)."
  echo "xelatex: $xelatex_setup. reportlab_ttf and xobject_annot: $(basename "$uming") subfont 0 (AR PL UMing CN)."
  echo
  echo "fonts: pdffonts' rows as name: type / encoding / emb / uni (subset tags"
  echo "dropped, equal rows counted). pdftotext: what \`pdftotext -enc UTF-8\` (with"
  echo "\`-opw owner\`, or \`-upw secret\`) shows of the marking line, \"-\" when"
  echo "nothing of it is found. han: Han characters in pdftotext's text (the"
  echo "notice has 200 marked, 197 clean); radicals: Kangxi/CJK radicals"
  echo "(U+2E80-2FDF) in it, which a font's ToUnicode gave instead of the ideograph"
  echo "(⼯ U+2F2F for 工, ⺠ U+2EE0 for 民: NFKC folds most of them back)."
  echo
  echo "| file | producer (version) | fonts | pdftotext | han | radicals | bytes |"
  echo "| --- | --- | --- | --- | --- | --- | --- |"
  for f in "$out"/*.pdf; do
    b=$(basename "$f")
    pw=()
    case "$b" in enc_userpw*) pw=(-upw secret) ;; enc_*) pw=(-opw owner) ;; esac
    prod=$(pdfinfo "${pw[@]}" "$f" 2>/dev/null | sed -n 's/^Producer: *//p')
    crea=$(pdfinfo "${pw[@]}" "$f" 2>/dev/null | sed -n 's/^Creator: *//p')
    case "$crea" in Mozilla/*HeadlessChrome/*) crea="HeadlessChrome/${crea##*HeadlessChrome/}"; crea=${crea%% *} ;; esac
    [ -n "$crea" ] && [ "$crea" != "$prod" ] && prod="$prod; creator: $crea"
    fonts=$(pdffonts "${pw[@]}" "$f" 2>/dev/null | tail -n +3 |
      awk '{n=NF; t=""; for(i=2;i<=n-6;i++) t=t (t==""?"":" ") $i; nm=$1; sub(/^[A-Z][A-Z][A-Z][A-Z][A-Z][A-Z]\+/, "", nm);
            print nm ": " t " / " $(n-5) " / " $(n-4) " / " $(n-2)}' |
      sort | uniq -c | awk '{c=$1; $1=""; sub(/^ /, ""); printf "%s%s%s", (NR>1?"; ":""), $0, (c>1?" ×" c:"")}')
    [ -n "$fonts" ] || fonts="(none)"
    txt=$(pdftotext "${pw[@]}" -enc UTF-8 "$f" - 2>/dev/null || true)
    seen=$(printf '%s\n' "$txt" | grep -m1 -E '机.*密|20 *年' || true)
    [ -n "$seen" ] || seen=-
    counts=$(printf '%s' "$txt" | "$py" -c 'import re, sys
s = sys.stdin.read()
print(len(re.findall("[\u3400-\u4DBF\u4E00-\u9FFF\uF900-\uFAFF\U00020000-\U0002FA1F]", s)),
      len(re.findall("[\u2E80-\u2FDF]", s)), sep=" | ")')
    size=$(stat -c %s "$f")
    echo "| $b | ${prod:-?} | $fonts | $seen | $counts | $size |"
  done
  cat <<'NOTES'

Notes (as seen with the versions above):
- chromium with Noto CJK (CFF outlines in a .ttc): Skia cannot subset CFF and
  writes every glyph as a Type 3 font (dozens of them, each with a ToUnicode
  map); hence the size. With a TrueType font (chromium_ttf) it writes one
  CID TrueType Identity-H subset.
- ghostscript re-saves chromium's Type 3 fonts and rebuilds their ToUnicode
  maps wrongly for some glyphs: 为 comes out as "~", 、 as "1", 。 as "2",
  主 is lost, and several ideographs come out as Kangxi radicals. The marking
  line still reads right.
- wkhtmltopdf (Qt) maps glyphs shared by an ideograph and a Kangxi radical to
  the radical (工 -> ⼯, 人 -> ⼈, 民 -> ⺠, 一 -> ⼀ ...); its font has no subset
  tag although the program is a subset.
- LibreOffice embeds Noto Serif CJK as a Type 1 (CFF converted, "Builtin"
  encoding) font named after the .ttc's first face (JP) whatever face was
  asked for; it and xelatex lay out "20" apart from the Han around it, so
  pdftotext reads "机密★20 年" / "机密★ 20 年".
- xelatex (xdvipdfmx) writes FandolSong as CID-keyed CFF (Adobe-GB1) without
  a ToUnicode map: pdftotext decodes it through the Adobe-GB1 collection.
- reportlab_cid: STSong-Light is neither embedded nor mapped (UniGB-UCS2-H
  CMap); reportlab_ttf: the TrueType subset is a simple font whose codes are
  not WinAnsi whatever pdffonts says; only its ToUnicode map gives the text.
  reportlab always lists an unused Helvetica.
- xobject_annot_marked.pdf: "机密★20年" is only inside the Form XObject
  /FormXob.marking; the Text annotation's /Contents (UTF-16BE) is
  "内部资料 注意保密" and has no appearance stream, so pdftotext does not show it.
- enc_userpw_marked.pdf: pdftotext without -upw fails ("Incorrect password");
  the owner-password-only files read without any password.
- scan_marked.pdf: one 827x1170 JPEG image, no fonts, no text.
NOTES
} >"$out/README.md"
echo "wrote $(ls "$out"/*.pdf | wc -l) PDFs, $(du -sh "$out" | cut -f1) in $out" >&2
