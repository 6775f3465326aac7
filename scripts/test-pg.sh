#!/usr/bin/env bash
# Runs a command beside a throwaway PostgreSQL cluster: initdb in a temporary
# folder, started on a free loopback port, PREPUB_TEST_PG set to its URL,
# stopped and removed when the command ends. Usage: scripts/test-pg.sh go test ./...
set -euo pipefail
bin=$(ls -d /usr/lib/postgresql/*/bin 2>/dev/null | sort -V | tail -1 || true)
if [ -z "$bin" ] || [ ! -x "$bin/initdb" ]; then
  echo "prepub: PostgreSQL server not installed (scripts/install-deps.sh test installs it)" >&2
  exit 1
fi
dir=$(mktemp -d /tmp/prepub-pg.XXXXXX)
as=()
if [ "$(id -u)" = 0 ]; then
  # PostgreSQL will not run as root, so the cluster runs as postgres, who must be able to
  # reach its programs: a root folder closed to others (mode 700) is opened to traversal.
  if ! runuser -u postgres -- "$bin/initdb" --version >/dev/null 2>&1; then
    echo "prepub: the postgres user cannot run $bin/initdb; allowing others to traverse / ($(stat -c %a /))" >&2
    chmod o+x /
  fi
  chown postgres "$dir"
  as=(runuser -u postgres --)
fi
port=$(( 20000 + RANDOM % 30000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
stop() {
  "${as[@]}" "$bin/pg_ctl" -D "$dir/data" -m immediate stop >/dev/null 2>&1 || true
  rm -rf "$dir"
}
trap stop EXIT
"${as[@]}" "$bin/initdb" -D "$dir/data" -A trust -U prepub -E UTF8 --locale=C.UTF-8 >/dev/null
"${as[@]}" "$bin/pg_ctl" -D "$dir/data" -l "$dir/log" -w \
  -o "-p $port -k $dir -c listen_addresses=127.0.0.1 -c max_connections=200" start >/dev/null
export PREPUB_TEST_PG="postgres://prepub@127.0.0.1:$port/postgres?sslmode=disable"
"$@"
