#!/usr/bin/env bash
# Times prepub's secrecy scan beside the tools a user would otherwise reach
# for, on the same inputs in one run, and prints ratios (peer time ÷ prepub
# time: above 1 means prepub is faster).
#   1. keyword scan over ~100 MB of corpus text: prepubctl scan vs rg -ob
#   2. open-to-verdict on a ~100-page .docx: prepubctl scan vs pandoc -t plain | rg -ob
#   3. open-to-verdict on the same draft as PDF (LibreOffice): prepubctl scan vs pdftotext | rg -ob
#   4. the same PDF restricted by an owner password (qpdf, AES-256), which the second
#      engine (PDFium) reads: prepubctl scan vs pdftotext | rg -ob
#   5. the same draft as .doc (LibreOffice): prepubctl scan vs catdoc | rg -ob
# Needs: scripts/install-deps.sh bench (ripgrep, hyperfine, pandoc, poppler-utils, qpdf, catdoc, LibreOffice).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=${BENCH_OUT:-bench/out}
mb=${BENCH_MB:-100}
runs=${BENCH_RUNS:-10}
mkdir -p "$out"
corpus=${CORPUS:-../shared/corpus}

go build -o "$out/prepubctl" ./cmd/prepubctl
[ -s "$out/corpus.txt" ] || go run ./bench/gendocs -kind text -mb "$mb" -corpus "$corpus" -out "$out/corpus.txt"
[ -s "$out/draft.docx" ] || go run ./bench/gendocs -kind docx -pages 100 -corpus "$corpus" -out "$out/draft.docx"
[ -s "$out/draft.pdf" ] || libreoffice --headless --convert-to pdf --outdir "$out" "$out/draft.docx" >/dev/null 2>&1
[ -s "$out/draft.doc" ] || libreoffice --headless --convert-to doc --outdir "$out" "$out/draft.docx" >/dev/null 2>&1
[ -s "$out/draft-owner.pdf" ] || qpdf --encrypt "" owner 256 -- "$out/draft.pdf" "$out/draft-owner.pdf"

# The same keyword set for both sides: every term of the embedded keyword file plus the level words.
grep -E '^terms = ' assets/keywords.toml | grep -oE '"[^"]+"' | tr -d '"' > "$out/keywords.txt"
printf '绝密\n机密\n秘密\n' >> "$out/keywords.txt"
echo "keywords: $(wc -l < "$out/keywords.txt"); text: $(du -m "$out/corpus.txt" | cut -f1) MB; PDF pages: $(pdfinfo "$out/draft.pdf" | awk '/^Pages/{print $2}')"

# ratio NAME PEER_CMD PREPUB_CMD: runs both with hyperfine and prints peer/prepub.
ratio() {
  local name=$1 peer=$2 ours=$3
  hyperfine -i -N -w 2 -r "$runs" --export-csv "$out/$name.csv" -n peer "$peer" -n prepub "$ours" >/dev/null 2>&1 ||
    hyperfine -i -w 2 -r "$runs" --export-csv "$out/$name.csv" -n peer "$peer" -n prepub "$ours" >/dev/null
  awk -F, -v name="$name" 'NR>1{m[$1]=$2} END{printf "%-16s peer %7.1f ms   prepub %7.1f ms   ratio (peer/prepub) %.2f\n", name, m["peer"]*1000, m["prepub"]*1000, m["peer"]/m["prepub"]}' "$out/$name.csv"
}

kw="$out/keywords.txt"
# The text is past the 8 MB and 5,000-finding limits a draft is held to: raise them, so prepub scans it all.
ratio scan-text "rg -ob -F -f $kw $out/corpus.txt" "$out/prepubctl scan --json --max-text $((mb * 2)) --max-findings 100000 $out/corpus.txt"
ratio verdict-docx "bash -c 'pandoc -t plain $out/draft.docx | rg -ob -F -f $kw'" "$out/prepubctl scan --json $out/draft.docx"
ratio verdict-pdf "bash -c 'pdftotext $out/draft.pdf - | rg -ob -F -f $kw'" "$out/prepubctl scan --json $out/draft.pdf"
ratio verdict-pdfium "bash -c 'pdftotext $out/draft-owner.pdf - | rg -ob -F -f $kw'" "$out/prepubctl scan --json $out/draft-owner.pdf"
ratio verdict-doc "bash -c 'catdoc -d utf-8 $out/draft.doc | rg -ob -F -f $kw'" "$out/prepubctl scan --json $out/draft.doc"
echo "prepubctl binary: $(du -h "$out/prepubctl" | cut -f1)"
