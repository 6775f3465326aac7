#!/usr/bin/env bash
# Starts the desktop app under Xvfb on the 100,000-draft archive that
# bench/archive.sh builds, 5 times, and prints the time from process start to
# the first window (the app's emblem) and to the sign-in screen built, and
# the resident memory after the disclosure office has signed in and
# searched, with whether the targets are met: first window ≤ 0.5 s, memory
# ≤ 300 MB in total (the mapped index pages counted). Beside each start of
# the app it starts the peer, the least Fyne program showing Chinese
# (bench/fynewindow: its first window holds its one label), and prints the
# ratio of the sign-in screen's median to the peer's: what the app adds to
# what any Fyne window showing Chinese costs on this machine.
#
# It also times opening a 112-page draft, from the file chosen in the clerk's
# screen to the window painted, as .docx and as the same draft converted to
# PDF by LibreOffice (ui.BenchmarkOpenToShown, the test driver's software
# painter). `bash bench/desktop.sh open` runs that part alone, `starts` the
# starts alone.
set -euo pipefail
cd "$(dirname "$0")/.."

# open_to_shown prints the open-to-shown figures, split into reading (read and scan) and showing (build and paint).
open_to_shown() {
  go test ./ui -run '^$' -bench '^BenchmarkOpenToShown$' -benchtime "${OPEN_RUNS:-5}x" -count 1 2>/dev/null |
    awk '/^BenchmarkOpenToShown\// {
      split($1, n, "/"); sub(/-[0-9]+$/, "", n[2])
      for (i = 3; i < NF; i++) m[$(i+1)] = $i
      printf "open to shown, 112-page draft as %-4s: %5.0f ms (read and scanned %.0f ms, shown and painted %.0f ms)%s\n",
        n[2], m["ns/op"] / 1e6, m["read-ms/op"], m["shown-ms/op"], (m["pages"] > 0 ? sprintf("; %d PDF pages", m["pages"]) : "")
    }'
}
if [ "${1:-}" = open ]; then
  open_to_shown
  exit
fi
n=${N:-100000}
arch="bench/out/archive-$n"
[ -f "$arch/archive.db" ] || N=$n bash bench/archive.sh
go build -o bench/out/prepub ./cmd/prepub
go build -o bench/out/prepubctl ./cmd/prepubctl
go build -o bench/out/fynewindow ./bench/fynewindow
pw="bench-password"
echo "$pw" | bench/out/prepubctl users add --db "$arch/archive.db" --user 管理员 --role admin >/dev/null 2>&1 || true
echo "$pw" | bench/out/prepubctl users add --db "$arch/archive.db" --user 周公开 --role disclosure-office >/dev/null 2>&1 || true
display=":$(( 90 + RANDOM % 800 ))"
Xvfb "$display" -screen 0 1366x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb=$!
trap 'kill $xvfb' EXIT
sleep 1
out=$(mktemp)
peer=$(mktemp)
for i in 1 2 3 4 5; do
  LANG=zh_CN.UTF-8 DISPLAY="$display" XDG_CONFIG_HOME="$(mktemp -d)" bench/out/fynewindow 2>/dev/null >> "$peer"
  LANG=zh_CN.UTF-8 GOMEMLIMIT="${GOMEMLIMIT:-}" DISPLAY="$display" PREPUB_TOUR_PASSWORD="$pw" XDG_CONFIG_HOME="$(mktemp -d)" \
    bench/out/prepub --archive "$arch" --probe 周公开 2>/dev/null >> "$out"
done
median() { grep "^$1 " "$out" | awk '{print $2}' | sort -n | sed -n 3p; }
most() { grep "^$1 " "$out" | awk '{print $2}' | sort -n | tail -1; }
peer_ms=$(awk '{print $2}' "$peer" | sort -n | sed -n 3p)
echo "archive of $n drafts, 5 starts: first window median $(median first_window_ms) ms (max $(most first_window_ms)); sign-in screen median $(median signin_ms) ms (max $(most signin_ms)); the peer (one Fyne window with a line of Chinese) $peer_ms ms, ratio of the sign-in screen to it $(awk -v a="$(median signin_ms)" -v b="$peer_ms" 'BEGIN { printf "%.2f", a / b }'); resident memory after sign-in and a search: median $(median rss_mb) MB (max $(most rss_mb)), of which anonymous $(median rss_anon_mb) MB and file-backed (the program and the search index, mapped) $(median rss_file_mb) MB"
verdict() { if [ "$1" -le "$2" ]; then echo met; else echo "NOT met"; fi; }
echo "targets: first window ≤ 500 ms $(verdict "$(median first_window_ms)" 500); resident memory ≤ 300 MB $(verdict "$(median rss_mb)" 300)"
rm -f "$out" "$peer"
[ "${1:-}" = starts ] && exit
open_to_shown
