#!/usr/bin/env bash
# Login throughput under the sign-in limiter: an attacker with CONNS parallel
# connections from one address guesses one user's password (under spacing and
# case variants of the name) while that user and another, each from its own
# address, sign in with the right password; prints the attacker's answers per
# second, how many guesses were checked against the hash (not refused 429) and
# so guesses per minute, the two users' sign-in p50/p95 under the flood against
# before it, and the server's memory. SQLite, HTTPS on loopback
# (server.BenchmarkLoginFlood). FLOOD_SECONDS defaults to 330: the limiter's
# longest delay, 5 minutes, expires once within the run. Each clock in CLOCKS
# is one run: 1 (the default) is real time; k > 1 runs the server's clock k
# times as fast, a quick look that overstates the guesses let through (see the
# benchmark). PAUSE_MS (default 250) is how long each user waits between sign-ins.
set -euo pipefail
cd "$(dirname "$0")/.."
mkdir -p bench/out
GO=${GO:-$(command -v go || echo /usr/local/go/bin/go)}
for clock in ${CLOCKS:-1}; do
	for run in $(seq "${REPEAT:-1}"); do
		echo "== server clock ×$clock, run $run: ${FLOOD_SECONDS:-330} s of flood, ${CONNS:-32} connections"
		out=bench/out/login-x$clock-$run.txt
		PREPUB_FLOOD_SECONDS=${FLOOD_SECONDS:-330} PREPUB_FLOOD_CONNS=${CONNS:-32} PREPUB_FLOOD_CLOCK=$clock \
			PREPUB_FLOOD_PAUSE_MS=${PAUSE_MS:-250} \
			"$GO" test ./server -run '^$' -bench '^BenchmarkLoginFlood$' -benchtime=1x -count=1 -timeout=30m >"$out" 2>&1 ||
			{ cat "$out"; exit 1; }
		grep -E '^(login-flood:|BenchmarkLoginFlood)' "$out" | sed 's/^login-flood: /  /'
	done
done
