#!/usr/bin/env bash
# Times prepub's scan of a folder of mixed drafts beside the shell pipeline a user would write with the
# peers, both on every core, in one hyperfine run, and prints the ratio (peer time ÷ prepub time: above 1
# means prepub is faster).
#   peer:   find FOLDER -type f | xargs -P$(nproc) -n1: pdftotext / pandoc -t plain / catdoc / unzip -p (the
#           OFD's XML) by extension, each piped into rg -ob -F -f keywords
#   prepub: prepubctl scan --json FOLDER
# The folder (bench/gendocs -kind folder: .docx, .pdf, .ofd and .doc in turn, 1–20 pages each, from the
# corpus; the PDFs and .docs converted by LibreOffice) is built once and kept in bench/out.
# Needs: scripts/install-deps.sh bench (ripgrep, hyperfine, pandoc, poppler-utils, catdoc, unzip, LibreOffice).
set -euo pipefail
top=$(cd "$(dirname "$0")/.." && pwd)
cd "$top"
out=${BENCH_OUT:-bench/out}
n=${BENCH_FILES:-1000}
runs=${BENCH_RUNS:-5}
warmup=${BENCH_WARMUP:-1}
corpus=${CORPUS:-../shared/corpus}
dir="$out/folder-$n"
mkdir -p "$out"

go build -o "$out/prepubctl" ./cmd/prepubctl
[ -d "$dir" ] || go run ./bench/gendocs -kind folder -n "$n" -corpus "$corpus" -out "$dir"

# The same keyword set as bench/scan.sh: every term of the embedded keyword file plus the level words.
kw="$out/keywords.txt"
grep -E '^terms = ' assets/keywords.toml | grep -oE '"[^"]+"' | tr -d '"' > "$kw"
printf '绝密\n机密\n秘密\n' >> "$kw"

# What a user would run on each file: the peer that reads its format, then rg.
peer="$out/peer-one.sh"
cat > "$peer" <<'SH'
case "$2" in
*.pdf) pdftotext "$2" - ;;
*.docx) pandoc -t plain "$2" ;;
*.doc) catdoc -d utf-8 "$2" ;;
*.ofd) unzip -p "$2" '*.xml' ;;
esac | rg -ob -F -f "$1"
SH

cores=$(nproc)
echo "files: $(find "$dir" -type f | wc -l) ($(find "$dir" -type f | sed 's/.*\.//' | sort | uniq -c | awk '{printf "%s%s %s", s, $1, $2; s=", "}')), $(du -sm "$dir" | cut -f1) MB; cores: $cores; keywords: $(wc -l < "$kw")"
hyperfine -i -w "$warmup" -r "$runs" --export-csv "$out/folder.csv" \
  -n peer "find $dir -type f -print0 | xargs -0 -P$cores -n1 sh $peer $kw" \
  -n prepub "$out/prepubctl scan --json $dir" >/dev/null
awk -F, 'NR>1{m[$1]=$2} END{printf "scan-folder      peer %7.2f s   prepub %7.2f s   ratio (peer/prepub) %.2f\n", m["peer"], m["prepub"], m["peer"]/m["prepub"]}' "$out/folder.csv"
