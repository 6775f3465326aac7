#!/usr/bin/env bash
# Installs the office server the way an office does and checks it works:
#  1. builds this machine's prepubctl .deb (scripts/package-deb.sh; lintian: an error fails);
#  2. installs it with dpkg -i;
#  3. starts it: prepub-server.service where systemd runs as PID 1, else the unit's
#     ExecStart with the packaged /etc/prepub/server.env, as the unit's user (runuser),
#     in its working directory: what systemd would run (only the listen address is
#     changed, to a free loopback port);
#  4. creates an administrator with prepubctl users add, signs in over HTTPS on loopback,
#     trusting only the server's certificate, whose fingerprint must be the one it printed,
#     and lists the accounts with the session;
#  5. checks prepubctl --version of the installed program;
#  6. stops the server and purges the package, then removes the user "prepub" and
#     /var/lib/prepub if this test made them, and checks that nothing is left;
#  7. if `make dist` has left a desktop .deb for this machine in dist/, checks that its
#     program needs no glibc newer than 2.28 and that its Depends say libc6 (>= 2.28) or
#     older (UOS 20, Kylin V10): cheap, while the build itself stays in `make dist`.
# Needs root (dpkg), lintian, curl and openssl (scripts/install-deps.sh test).
# Usage: scripts/test-packages.sh
set -euo pipefail
cd "$(dirname "$0")/.."
if [ "$(id -u)" != 0 ]; then
  echo "test-packages: needs root to install a package" >&2
  exit 1
fi
for tool in lintian curl openssl dpkg-deb runuser; do
  command -v "$tool" >/dev/null || { echo "test-packages: $tool is missing (scripts/install-deps.sh test)" >&2; exit 1; }
done
if dpkg-query -W -f='${Status}' prepubctl 2>/dev/null | grep -q installed; then
  echo "test-packages: prepubctl is installed on this machine and the test would replace it: dpkg --purge prepubctl first" >&2
  exit 1
fi
start=$SECONDS
arch=$(dpkg --print-architecture)
version=$(bash scripts/version.sh)
unit=/lib/systemd/system/prepub-server.service
had_user=$(getent passwd prepub >/dev/null && echo yes || echo no)
had_data=$([ -e /var/lib/prepub ] && echo yes || echo no)
had_etc=$([ -e /etc/prepub ] && echo yes || echo no)
root_mode=$(stat -c %a /)
tmp=$(mktemp -d /tmp/prepub-pkg.XXXXXX)
chmod 0755 "$tmp"
systemd=no
[ "$(ps -p 1 -o comm= 2>/dev/null)" = systemd ] && [ -d /run/systemd/system ] && systemd=yes
server_pid=""
started=$(date +%s)
# log prints what the server wrote: its journal under systemd, else its output
log() {
  if [ "$systemd" = yes ]; then
    journalctl -u prepub-server.service --no-pager -o cat --since "@$started" 2>/dev/null
  else
    cat "$tmp/server.log" 2>/dev/null
  fi
}

# teardown stops the server, purges the package, removes what this test made, and
# reports anything left behind; it returns non-zero when something was.
torn=no
teardown() {
  local rc=0
  torn=yes
  if [ "$systemd" = yes ]; then
    systemctl stop prepub-server.service 2>/dev/null
  elif [ -n "$server_pid" ]; then
    kill -TERM "$server_pid" 2>/dev/null
    for _ in $(seq 50); do kill -0 "$server_pid" 2>/dev/null || break; sleep 0.1; done
    kill -KILL "$server_pid" 2>/dev/null
  fi
  if dpkg-query -W -f='${Status}' prepubctl 2>/dev/null | grep -q "ok"; then
    dpkg --purge prepubctl >"$tmp/purge.log" 2>&1 || { cat "$tmp/purge.log" >&2; rc=1; }
  fi
  [ "$had_data" = no ] && rm -rf /var/lib/prepub
  if [ "$had_user" = no ] && getent passwd prepub >/dev/null; then
    userdel prepub 2>/dev/null
    getent group prepub >/dev/null && groupdel prepub 2>/dev/null
  fi
  [ "$(stat -c %a /)" != "$root_mode" ] && chmod "$root_mode" /
  local etc=/etc/prepub
  [ "$had_etc" = yes ] && etc=/etc/prepub/server.env
  for left in $etc /var/cache/prepub /etc/systemd/system/prepub-server.service \
    /etc/systemd/system/multi-user.target.wants/prepub-server.service \
    /var/lib/systemd/deb-systemd-helper-enabled/prepub-server.service.dsh-also \
    /var/lib/systemd/deb-systemd-helper-masked/prepub-server.service; do
    if [ -e "$left" ] || [ -L "$left" ]; then
      echo "test-packages: $left is left after the package was purged" >&2
      rm -rf "$left"
      rc=1
    fi
  done
  return "$rc"
}
cleanup() {
  local rc=$?
  set +e
  [ "$torn" = no ] && { teardown || rc=1; }
  [ "$rc" != 0 ] && log 2>/dev/null | tail -40 | sed 's/^/  server: /' >&2
  rm -rf "$tmp"
  exit "$rc"
}
trap cleanup EXIT

fail() { echo "test-packages: $*" >&2; exit 1; }

# 1. build and lint
DEB_XZ_LEVEL=1 bash scripts/package-deb.sh -o "$tmp" "prepubctl:$arch" # quick: the test only installs it
deb="$tmp/prepubctl_${version}_${arch}.deb"
[ -f "$deb" ] || fail "no package $deb"
echo "test-packages: built and linted in $((SECONDS - start)) s"

# 2. install
dpkg -i "$deb" >"$tmp/install.log" 2>&1 || { cat "$tmp/install.log" >&2; fail "dpkg -i failed"; }
getent passwd prepub >/dev/null || fail "the package made no user prepub"
[ -f "$unit" ] || fail "no $unit"
if command -v systemd-analyze >/dev/null; then # the unit as systemd reads it, even where it does not run
  systemd-analyze verify --man=no "$unit" >"$tmp/verify.log" 2>&1 || true
  [ -s "$tmp/verify.log" ] && { cat "$tmp/verify.log" >&2; fail "systemd-analyze verify found problems in $unit"; }
fi
conf=$(sed -n 's/^EnvironmentFile=-\{0,1\}//p' "$unit")
[ -f "$conf" ] || fail "no configuration file $conf"

# 3. start, on a free loopback port
port=$(( 20000 + RANDOM % 30000 ))
while (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do port=$(( port + 1 )); done
sed -i "s|^PREPUB_LISTEN=.*|PREPUB_LISTEN=127.0.0.1:$port|" "$conf"
declare -A env
while IFS= read -r line; do
  case $line in '' | '#'*) continue ;; esac
  env[${line%%=*}]=${line#*=}
done <"$conf"
user=$(sed -n 's/^User=//p' "$unit")
workdir=$(sed -n 's/^WorkingDirectory=//p' "$unit")
as=(runuser -u "$user" --)
if ! "${as[@]}" /usr/bin/prepubctl --version >/dev/null 2>&1; then
  echo "test-packages: user $user cannot run /usr/bin/prepubctl; allowing others to traverse / ($(stat -c %a /))" >&2
  chmod o+x /
  "${as[@]}" /usr/bin/prepubctl --version >/dev/null 2>&1 || fail "user $user cannot run /usr/bin/prepubctl"
fi
started=$(date +%s)
if [ "$systemd" = yes ]; then
  systemctl restart prepub-server.service
else
  # ExecStart as systemd reads it: ${NAME} is one argument, the variable's value, even when empty.
  read -ra words <<<"$(sed -n 's/^ExecStart=//p' "$unit")"
  cmd=()
  for w in "${words[@]}"; do
    if [[ $w =~ ^\$\{([A-Za-z_][A-Za-z0-9_]*)\}$ ]]; then
      cmd+=("${env[${BASH_REMATCH[1]}]:-}")
    else
      cmd+=("$w")
    fi
  done
  install -d -o "$user" -g "$user" -m 0750 "$workdir" # StateDirectory=
  grep -q '^CacheDirectory=prepub$' "$unit" && install -d -o "$user" -g "$user" -m 0755 /var/cache/prepub
  mapfile -t unitenv < <(sed -n 's/^Environment=//p' "$unit")
  (cd "$workdir" && exec "${as[@]}" env -i PATH=/usr/sbin:/usr/bin:/sbin:/bin HOME="$workdir" USER="$user" LOGNAME="$user" \
    "${unitenv[@]}" "${cmd[@]}") \
    >"$tmp/server.log" 2>&1 &
  server_pid=$!
fi
fp=""
for _ in $(seq 300); do
  fp=$(log | sed -n 's/^证书指纹（SHA-256）：//p' | tail -1)
  [ -n "$fp" ] && (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null && break
  [ -n "$server_pid" ] && ! kill -0 "$server_pid" 2>/dev/null && fail "the server stopped"
  sleep 0.1
done
[ -n "$fp" ] || fail "the server printed no certificate fingerprint within 30 s"
echo "test-packages: prepub-server ($([ "$systemd" = yes ] && echo systemd || echo "ExecStart as $user")) on 127.0.0.1:$port, fingerprint ${fp:0:23}…"

# 4. an administrator, and a session over HTTPS
pw="package-test-$RANDOM$RANDOM"
echo "$pw" | (cd "$workdir" && "${as[@]}" /usr/bin/prepubctl users add --db "${env[PREPUB_DB]}" --user 测试管理员 --role admin --department 办公室 >/dev/null) ||
  fail "prepubctl users add failed"
served=$(openssl s_client -connect "127.0.0.1:$port" </dev/null 2>/dev/null | openssl x509 -noout -fingerprint -sha256 | sed 's/^.*=//')
[ "$served" = "$fp" ] || fail "the server presents certificate $served, not the $fp it printed"
crt="$workdir/server.crt"
[ -n "${env[PREPUB_TLS_CERT]:-}" ] && crt=${env[PREPUB_TLS_CERT]}
api="https://127.0.0.1:$port/api/v1"
login=$(curl -sS --max-time 20 --cacert "$crt" -H 'Content-Type: application/json' \
  -d "{\"user\":\"测试管理员\",\"password\":\"$pw\"}" "$api/login") || fail "cannot reach $api/login"
token=$(sed -n 's/.*"token":"\([^"]*\)".*/\1/p' <<<"$login")
[ -n "$token" ] || fail "sign-in refused: $login"
users=$(curl -sS --max-time 20 --cacert "$crt" -H "Authorization: Bearer $token" "$api/users") || fail "cannot list accounts"
grep -q 测试管理员 <<<"$users" || fail "the account list lacks the administrator: $users"
echo "test-packages: signed in over HTTPS as the administrator made with prepubctl users add"

# 5. the installed program's version
got=$(/usr/bin/prepubctl --version)
[ "$got" = "prepubctl $version" ] || fail "prepubctl --version says \"$got\", not \"prepubctl $version\""
echo "test-packages: $got"

# 6. stop, purge, and check that nothing is left
teardown || fail "the machine is not as it was before the test"
echo "test-packages: stopped, purged, nothing left"

# 7. the glibc floor of the desktop package make dist built last, if there is one
desktop=$(ls -t dist/prepub_*_"$arch".deb 2>/dev/null | head -1 || true)
if [ -n "$desktop" ]; then
  dpkg-deb --fsys-tarfile "$desktop" | tar -xO ./usr/bin/prepub >"$tmp/prepub"
  ceiling=$(readelf -W --dyn-syms "$tmp/prepub" | grep -o 'GLIBC_[0-9.]*' | sed 's/GLIBC_//' | sort -uV | tail -1)
  [ "$(printf '%s\n' "$ceiling" 2.28 | sort -V | tail -1)" = 2.28 ] || fail "$desktop needs GLIBC_$ceiling, newer than 2.28"
  libc=$(dpkg-deb -f "$desktop" Depends | sed -n 's/.*libc6 (>= \([0-9.]*\)).*/\1/p')
  [ -n "$libc" ] && [ "$(printf '%s\n' "$libc" 2.28 | sort -V | tail -1)" = 2.28 ] ||
    fail "$desktop depends on libc6 (>= ${libc:-?}), not 2.28 or older"
  echo "test-packages: $desktop needs GLIBC_$ceiling at most, depends on libc6 (>= $libc)"
else
  echo "test-packages: no desktop package in dist/ (make dist) whose glibc floor to check"
fi
echo "test-packages: ok in $((SECONDS - start)) s"
