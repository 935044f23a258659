#!/bin/bash
# sourced by scripts/bench (not run by itself)
# Worker memory (issue 17): each public worker's resident memory at the
# start and after MEMORY_REQUESTS (1,000,000) requests spread over the
# pages a reader goes through — the home page, the list of
# consultations, an open consultation, the activities' feed — by wrk at
# CONNECTIONS (tests/bench/status.lua paths: every request reaches a
# worker, none is answered by the page cache).  Goals: growth under 1 MB and at
# most 20 MB per worker; the workers must be the same processes after
# (no restart hides a leak).  A million requests take about an hour at
# 250 a second: MEMORY_REQUESTS=100000 for a shorter look.
#   BENCH_PARTS="17-memory" make bench TARGETS=/     (or a plain make bench)
case " ${BENCH_PARTS:-} " in *" 17-memory "*) run_memory=1 ;; *) run_memory=${BENCH_DATA:-} ;; esac
if [ -n "$run_memory" ]; then
	m_count=${MEMORY_REQUESTS:-1000000}
	m_aid=$(mariadb --no-defaults --socket="$RUN/mysqld.sock" -N -B sharek -e "
SELECT id FROM activities WHERE kind = 'consultation' AND audience = 'public' AND state = 'open'
   AND unlisted = 0 ORDER BY id LIMIT 1")
	[ -n "$m_aid" ] || die "17-memory: no open public consultation"
	m_paths=(/ /consultations "/consultations/$m_aid" /feeds/activities.atom)
	for p in "${m_paths[@]}"; do
		code=$(curl -sS -o /dev/null -w '%{http_code}' "$BASE$p") || die "cannot fetch $BASE$p"
		[ "$code" = 200 ] || die "17-memory: $p answered $code"
	done
	m_round() {	# duration → appends "ANSWERED NON200 SECONDS" to $TMP.rounds
		wrk -t"$THREADS" -c"$CONNS" -d"$1" -s "$ROOT/tests/bench/status.lua" "$BASE" -- \
		    paths "${m_paths[@]}" >"$TMP" 2>&1 &
		WRK_PID=$!
		wait "$WRK_PID" || { cat "$TMP" >&2; die "wrk failed on the memory run"; }
		WRK_PID=
		awk '$1 == "status" { n += $3; if ($2 != 200) m += $3 }
		    $1 == "timeouts" { s = $6 } END { print n + 0, m + 0, s + 0 }' "$TMP" >>"$TMP.rounds"
	}
	# Warm: every worker has served every page (first use of the
	# connection, the templates, the caches).
	m_round 3s
	: >"$TMP.rounds"
	m_before=$(worker_rss public)
	m_answered=0
	while [ "$m_answered" -lt "$m_count" ]; do
		m_round 20s
		m_answered=$(awk '{n += $1} END {print n + 0}' "$TMP.rounds")
	done
	m_after=$(worker_rss public)
	read -r m_non200 m_secs < <(awk '{m += $2; s += $3} END {print m + 0, s + 0}' "$TMP.rounds")
	rm -f "$TMP.rounds"
	echo "==> worker memory: $m_answered requests in $m_secs s over ${m_paths[*]} ($m_non200 not 200), wrk -t$THREADS -c$CONNS in rounds of 20 s"
	awk 'NR == FNR { b[$1] = $2; next }
	    { if ($1 in b) { d = $2 - b[$1]
	        printf "worker %s: %d kB at start, %d kB after (%+d kB; goal: growth < 1024 kB, at most 20480 kB)\n", $1, b[$1], $2, d
	        if (d >= 1024 || $2 > 20480) bad++ }
	      else { printf "worker %s: new (restarted during the run)\n", $1; bad++ } }
	    END { exit bad > 0 }' <(printf '%s\n' "$m_before") <(printf '%s\n' "$m_after") ||
		die "17-memory: a worker grew, is too large or was restarted (see above)"
	[ "$m_non200" -eq 0 ] || die "17-memory: $m_non200 requests were not answered 200"
fi
