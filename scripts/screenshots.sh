#!/usr/bin/env bash
# Starts the built desktop app under Xvfb on a fixture archive (accounts, the
# corpus texts decided, a fixture draft with a marking and personal data),
# has it sign in as a clerk, a secrecy officer, the legal office, the deputy head, the disclosure
# office (archive search, public catalogue, annual report, re-review) and the administrator
# (accounts), in a 1024×700 window (SIZE), once in the light look and once in the dark, and
# saves a screenshot of each screen in OUT/light and OUT/dark (default OUT: a temporary folder).
# Fails if the app does not come up, a screenshot is missing or blank, or a screen shows an
# English word or an internal name (the app exits naming the screen and the word).
# Usage: scripts/screenshots.sh [OUT]
set -euo pipefail
cd "$(dirname "$0")/.."
corpus=${CORPUS:-../shared/corpus}
tmp=$(mktemp -d)
out=${1:-$tmp/shots}
size=${SIZE:-1024x700}
mkdir -p "$out"
xvfb_pid=""
cleanup() { [ -n "$xvfb_pid" ] && kill "$xvfb_pid" 2>/dev/null || true; rm -rf "$tmp"; }
trap cleanup EXIT

go build -o "$tmp/prepub" ./cmd/prepub
go build -o "$tmp/prepubctl" ./cmd/prepubctl
arch="$tmp/archive"
mkdir -p "$arch"
pw="fixture-password"
for u in "管理员 admin" "张起草 clerk" "李保密 secrecy-officer" "王法制 legal-office" "赵分管 deputy-head" "周公开 disclosure-office"; do
  set -- $u
  echo "$pw" | "$tmp/prepubctl" users add --db "$arch/archive.db" --user "$1" --role "$2" --department "县政府办" >/dev/null
done
"$tmp/prepubctl" archive add --archive "$arch" --attr public --department "县政府办" --date 2025-06-01 "$corpus"/*.txt >/dev/null
echo "关于某企业投标报价的情况说明
该企业投标报价为人民币一百万元。" >"$tmp/投标报价情况说明.txt"
"$tmp/prepubctl" archive add --archive "$arch" --attr withheld --basis third-party --reason "涉及企业商业秘密" \
  --department "县政府办" --date 2024-03-01 "$tmp/投标报价情况说明.txt" >/dev/null
go run ./bench/gendocs -kind docx -pages 2 -corpus "$corpus" -out "$tmp/关于进一步做好政务公开工作的通知.docx"

display=":$(( 90 + RANDOM % 800 ))"
Xvfb "$display" -screen 0 1366x860x24 -nolisten tcp >/dev/null 2>&1 &
xvfb_pid=$!
sleep 1
for look in light dark; do # each look on its own copy of the fixture archive
  cp -r "$arch" "$tmp/archive-$look"
  mkdir -p "$out/$look"
  LANG=zh_CN.UTF-8 XDG_CONFIG_HOME="$tmp/config-$look" HOME="$tmp" DISPLAY="$display" PREPUB_TOUR_PASSWORD="$pw" \
    timeout 240 "$tmp/prepub" --archive "$tmp/archive-$look" --tour "$out/$look" --tour-theme "$look" --tour-size "$size" \
    --tour-draft "$tmp/关于进一步做好政务公开工作的通知.docx"
  for f in clerk queue legal head search catalogue report rereview accounts; do
    bytes=$(stat -c %s "$out/$look/$f-screen.png" 2>/dev/null || echo 0)
    if [ "$bytes" -lt 20000 ]; then
      echo "screenshots: $look/$f-screen.png missing or blank ($bytes bytes)" >&2
      exit 1
    fi
  done
done
echo "screenshots: $(cd "$out" && ls light/* dark/* | tr '\n' ' ')in $out"
