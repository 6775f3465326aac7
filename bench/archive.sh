#!/usr/bin/env bash
# Builds an archive of 100,000 drafts varied from the corpus texts (once; kept
# in bench/out/archive), then measures in one run: the search index build
# rate, search latency p50/p95 over a fixed query list beside rg -l over the
# same texts written as files, with the ratio, and the annual report's time.
# Needs ripgrep (scripts/install-deps.sh bench). N=10000 bash bench/archive.sh for a quick run;
# bash bench/archive.sh -rebuild=false measures without rebuilding the index.
set -euo pipefail
cd "$(dirname "$0")/.."
go run ./bench/archivebench -n "${N:-100000}" -archive "bench/out/archive-${N:-100000}" -corpus "${CORPUS:-../shared/corpus}" "$@"
