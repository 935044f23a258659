#!/bin/bash
# sourced by scripts/bench (not run by itself)
# The complaints KPI dashboard and Open311 at national scale (issue 14):
# with 1,000,000 requests in the database (scripts/bench-data requests,
# made once and marked as bench data, so no page shows them), the
# dashboard and Open311's list with the filters a client uses, each as a
# ratio to the baseline, then the dashboard's server time over
# sequential fetches (curl's time to the first byte over loopback: nginx,
# FastCGI and the page, an upper bound of the program's own time) with
# its goal beside it: under 20 ms.  With the bench data (BENCH_DATA),
# alone with BENCH_DASHBOARD=1, or when BENCH_PARTS names it.
case " ${BENCH_PARTS:-} " in *" 14-dashboard "*) BENCH_DASHBOARD=${BENCH_DASHBOARD:-1} ;; esac
if [ -n "${BENCH_DATA:-}" ] || [ -n "${BENCH_DASHBOARD:-}" ]; then
	echo "==> preparing 1,000,000 complaints and requests (scripts/bench-data requests)"
	VAR=$VAR bash "$ROOT/scripts/bench-data" requests >/dev/null ||
		die "scripts/bench-data requests failed"
	code=$(curl -sS "$BASE/open311/v2/services.json" |
	    sed -n 's/^[^"]*"service_code":"\([^"]*\)".*/\1/p; s/^\[{"service_code":"\([^"]*\)".*/\1/p' | head -1)
	[ -n "$code" ] || die "no service_code in $BASE/open311/v2/services.json"
	d0=$(date -u -d '-30 days' +%Y-%m-%dT00:00:00Z)
	d1=$(date -u +%Y-%m-%dT23:59:59Z)
	echo "==> the dashboard and Open311 (ratio = sharek r/s ÷ baseline r/s)"
	printf '%-64s %8s %4s %10s %10s %7s %10s\n' target bytes sql "sharek r/s" "base r/s" ratio "sharek p99"
	for t in /complaints/dashboard "/complaints/dashboard?period=year" \
	    "/complaints/dashboard?period=week" \
	    "/open311/v2/requests.json" \
	    "/open311/v2/requests.json?status=open&service_code=$code" \
	    "/open311/v2/requests.json?start_date=$d0&end_date=$d1&status=closed"; do
		got=$(curl -sS -D "$TMP" -o /dev/null -w '%{http_code} %{size_download}' "$BASE$t") ||
			die "cannot fetch $BASE$t"
		read -r st size <<<"$got"
		[ "$st" = 200 ] || die "$BASE$t answered $st"
		q=$(tr -d '\r' < "$TMP" | awk -F': *' 'tolower($1) == "x-sharek-queries" {print $2}')
		start_baseline "$size" "$(workers_for "$t")"
		run_wrk "$BASE$t"
		s_rps=$RPS s_p99=$P99
		run_wrk "$BASE/__baseline"
		stop_baseline
		printf '%-64s %8s %4s %10s %10s %7s %10s\n' "$t" "$size" "${q:--}" "$s_rps" "$RPS" \
		    "$(awk -v a="$s_rps" -v b="$RPS" 'BEGIN { if (b > 0) printf "%.3f", a / b; else print "?" }')" "$s_p99"
	done
	echo "==> the dashboard's server time, 50 sequential fetches each (goal: under 20 ms)"
	ttfb() {	# path label goal_ms → one line
		for _ in 1 2 3 4 5; do curl -sS -o /dev/null "$BASE$1"; done
		for _ in $(seq 1 50); do
			curl -sS -o /dev/null -w '%{time_starttransfer}\n' "$BASE$1"
		done | sort -n | awk -v t="$2" -v g="$3" '{ v[NR] = $1 * 1000 }
		    END { m = v[int((NR + 1) / 2)]; p = v[int(NR * 0.9)]
		        printf "%-40s median %5.1f ms, p90 %5.1f ms, max %5.1f ms", t, m, p, v[NR]
		        if (g > 0) printf " (goal: median under %d ms) %s", g, (m < g ? "ok" : "OVER")
		        printf "\n" }'
	}
	for t in /complaints/dashboard "/complaints/dashboard?period=year" "/complaints/dashboard?period=week"; do
		ttfb "$t" "$t" 20
	done
	# The same through nginx and FastCGI to a program that does nothing:
	# what of the figures above is the machine's, not the page's.
	start_baseline 18148 "$(workers_for /complaints/dashboard)"
	ttfb /__baseline "baseline (18,148 bytes, no work)" 0
	stop_baseline
	n=$(mariadb --no-defaults --socket="$VAR/run/mysqld.sock" -N -B sharek -e \
	    "SELECT CONCAT(COUNT(*), ' requests, ', SUM(bench), ' of them bench data') FROM requests")
	echo "(in the database: $n)"
fi
