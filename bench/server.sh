#!/usr/bin/env bash
# 50 concurrent clients on loopback submit, review and sign drafts through the
# office server over HTTPS; prints throughput and p50/p95/p99 latency for the
# SQLite and PostgreSQL backends side by side (PostgreSQL: a throwaway cluster).
set -euo pipefail
cd "$(dirname "$0")/.."
bash scripts/install-deps.sh test
go build -o bench/out/serverbench ./bench/serverbench
bash scripts/test-pg.sh bench/out/serverbench -clients "${CLIENTS:-50}" -rounds "${ROUNDS:-10}"
