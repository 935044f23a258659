#!/bin/bash
# sourced by scripts/bench (not run by itself)
# The streamed open-data export (issue 15): a consultation's 1,000,000
# comments as CSV, in constant memory.  Rows per second, and the resident
# memory of each public worker before and after (the one that served it
# grows; the growth must stay under 5 MB).  With the bench data
# (BENCH_DATA) or alone with BENCH_EXPORT=1.
if [ -n "${BENCH_DATA:-}" ] || [ -n "${BENCH_EXPORT:-}" ]; then
	echo "==> preparing a published consultation with 1,000,000 comments (scripts/bench-data export)"
	export_path=$(VAR=$VAR bash "$ROOT/scripts/bench-data" export)
	# One warm-up request per worker, so that what is measured is not
	# the first use of a connection.
	n=$(workers_for /)
	for _ in $(seq 1 "$n"); do curl -sS -o /dev/null "$BASE${export_path}?modified_since=2999-01-01"; done
	# The CPU time the database and the public workers spend on it
	# (cputicks): rows per CPU second is what the code costs.
	dbpid=$(cat "$RUN/mariadb.pid" 2>/dev/null || true)
	wpids=$(pgrep -P "$(cat "$RUN/public.pid" 2>/dev/null || echo 0)" 2>/dev/null || true)
	db0=$(cputicks $dbpid); w0=$(cputicks $wpids)
	before=$(worker_rss)
	got=$(curl -sS -o "$TMP.csv" -w '%{http_code} %{size_download} %{time_total}' "$BASE$export_path") ||
		die "cannot fetch $BASE$export_path"
	after=$(worker_rss)
	db1=$(cputicks $dbpid); w1=$(cputicks $wpids)
	read -r code size secs <<<"$got"
	[ "$code" = 200 ] || die "$BASE$export_path answered $code"
	rows=$(($(wc -l < "$TMP.csv") - 1))
	rm -f "$TMP.csv"
	echo "==> streamed export $export_path"
	awk -v r="$rows" -v b="$size" -v s="$secs" 'BEGIN { printf "%d rows, %d bytes in %.2f s: %d rows/s (goal 200000 rows/s), %.1f MB/s\n", r, b, s, (s > 0 ? r / s : 0), (s > 0 ? b / s / 1048576 : 0) }'
	awk -v r="$rows" -v d=$((db1 - db0)) -v w=$((w1 - w0)) -v hz="$HZ" -v l="$(cut -d' ' -f1 /proc/loadavg)" -v n="$(nproc)" 'BEGIN {
	    c = (d + w) / hz
	    printf "CPU time: MariaDB %.2f s, the public worker %.2f s: %d rows per CPU second (load average %s on %d cores)\n", d / hz, w / hz, (c > 0 ? r / c : 0), l, n }'
	diff_rss() {	# prints each worker's line; the largest growth last
		awk 'NR == FNR { b[$1] = $2; next }
		    ($1 in b) { d = $2 - b[$1]; if (d > m) m = d
		        printf "worker %s: %d kB before, %d kB after (%+d kB)\n", $1, b[$1], $2, d }
		    END { print m + 0 }' <(printf '%s\n' "$before") <(printf '%s\n' "$after")
	}
	diff_rss | sed '$d'
	growth=$(diff_rss | tail -1)
	echo "resident memory growth of the worker that served it: ${growth} kB (limit 5120 kB)"
	[ "$growth" -lt 5120 ] || die "the export grew a worker by ${growth} kB: it is not streamed in constant memory"
fi
