#!/bin/bash
# sourced by scripts/bench (not run by itself)
# Overload (issue 17): OVERLOAD_CONNECTIONS (1024, four times the 256 at
# which one page already saturates the two public workers) connections
# ask for the home page for DURATION.  nginx admits what the program can
# take (limit_conn sharek_busy, conf/nginx.conf.in) and answers the rest
# at once 503 with Retry-After.  Printed: the admitted requests per
# second and the 503s (wrk, tests/bench/status.lua), the p99 of admitted
# requests as one visitor sees them during the burst (tests/bench/
# probe.py: one request after another, 200s only), worker restarts (the
# multiwatch children's pids before and after: none may change), the
# latency 1 s after the burst against before it, and a sign-in burst:
# OVERLOAD_LOGINS (256) connections posting the sign-in form (a valid
# CSRF token, an unknown address: the password is still hashed) get
# 429/503 or the program's answer, never a timeout.  wrk runs under
# nice 19: here the load comes from the same two cores as the server,
# and a refused client retries at once, so without it the load generator
# takes the CPU that the admitted requests need.
#   BENCH_PARTS="17-overload" make bench TARGETS=/     (or a plain make bench)
case " ${BENCH_PARTS:-} " in *" 17-overload "*) run_overload=1 ;; *) run_overload=${BENCH_DATA:-} ;; esac
if [ -n "$run_overload" ]; then
	o_conns=${OVERLOAD_CONNECTIONS:-1024}
	o_logins=${OVERLOAD_LOGINS:-256}
	o_kids() {	# the workers of every program: "program pid" lines
		local p
		for p in public staff complaints; do
			pgrep -P "$(cat "$RUN/$p.pid")" | sed "s/^/$p /"
		done | sort
	}
	o_count() {	# status → count, from $TMP
		awk -v s="$1" '$1 == "status" && $2 == s {n = $3} END {print n + 0}' "$TMP"
	}
	o_before_kids=$(o_kids)
	o_before=$(/usr/bin/python3 "$ROOT/tests/bench/probe.py" "$BASE/" count 20)

	/usr/bin/python3 "$ROOT/tests/bench/probe.py" "$BASE/" seconds "${DURATION%s}" >"$TMP.probe" &
	o_probe=$!
	nice -n 19 wrk -t4 -c"$o_conns" -d"$DURATION" --timeout 10s -s "$ROOT/tests/bench/status.lua" "$BASE/" >"$TMP" 2>&1 &
	WRK_PID=$!
	wait "$WRK_PID" || { cat "$TMP" >&2; die "wrk failed on the overload"; }
	WRK_PID=
	wait "$o_probe" || die "the overload probe failed"
	sleep 1
	o_after=$(/usr/bin/python3 "$ROOT/tests/bench/probe.py" "$BASE/" count 20)
	read -r _ o_timeouts _ o_errors _ o_secs < <(grep '^timeouts ' "$TMP")
	o_ok=$(o_count 200) o_503=$(o_count 503)
	o_other=$(awk '$1 == "status" && $2 != 200 && $2 != 503 {n += $3} END {print n + 0}' "$TMP")
	o_during=$(cat "$TMP.probe")
	rm -f "$TMP.probe"

	# The sign-in burst: one anonymous cookie and its form token.
	o_jar=$TMP.jar
	o_csrf=$(curl -sS -c "$o_jar" "$BASE/login" | sed -n 's/.*name="csrf" value="\([0-9a-f]*\)".*/\1/p' | head -1)
	o_anon=$(awk '$6 == "sk_anon" {print $7}' "$o_jar")
	rm -f "$o_jar"
	[ -n "$o_csrf" ] && [ -n "$o_anon" ] || die "17-overload: no sign-in form token"
	nice -n 19 wrk -t4 -c"$o_logins" -d"$DURATION" --timeout 10s -s "$ROOT/tests/bench/status.lua" "$BASE/login" -- post \
	    "csrf=$o_csrf&next=%2F&email=bench.burst%40bench.invalid&password=not-the-password-17" \
	    "sk_anon=$o_anon" "$BASE" >"$TMP" 2>&1 &
	WRK_PID=$!
	wait "$WRK_PID" || { cat "$TMP" >&2; die "wrk failed on the sign-in burst"; }
	WRK_PID=
	read -r _ l_timeouts _ l_errors _ _ < <(grep '^timeouts ' "$TMP")
	l_counts=$(awk '$1 == "status" {printf "%s%s: %d", (n++ ? ", " : ""), $2, $3}' "$TMP")
	o_after_kids=$(o_kids)
	o_restarts=$(comm -3 <(printf '%s\n' "$o_before_kids") <(printf '%s\n' "$o_after_kids") | wc -l)

	echo "==> overload: wrk -t4 -c$o_conns -d$DURATION on / (public: $(workers_for /) workers, nginx admits 32 at once)"
	awk -v ok="$o_ok" -v r="$o_503" -v o="$o_other" -v s="$o_secs" -v t="$o_timeouts" -v e="$o_errors" 'BEGIN {
		printf "admitted %.1f r/s (%d answered 200), %d answered 503 with Retry-After, %d other, %d timeouts, %d socket errors (goal: 0 timeouts)\n", (s > 0 ? ok / s : 0), ok, r, o, t, e }'
	printf '%s\n' "$o_during" | awk '{ printf "admitted p99 during the burst, one visitor: %s ms (p50 %s ms, %d admitted, %d refused; goal: bounded, < 1000 ms)\n", $12, $10, $4, $6 }'
	echo "worker restarts: $o_restarts (goal 0)"
	b50=$(printf '%s\n' "$o_before" | awk '{print $10}')
	a50=$(printf '%s\n' "$o_after" | awk '{print $10}')
	awk -v b="$b50" -v a="$a50" 'BEGIN { printf "latency 1 s after the burst: p50 %s ms, before it %s ms (goal: back to normal, at most 2x)\n", a, b }'
	echo "sign-in burst, wrk -c$o_logins -d$DURATION POST /login: $l_counts; $l_timeouts timeouts, $l_errors socket errors (goal: 429/503 or an answer, 0 timeouts)"
	[ "$o_restarts" -eq 0 ] || die "17-overload: workers were restarted under overload"
fi
