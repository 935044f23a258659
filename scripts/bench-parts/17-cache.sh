#!/bin/bash
# sourced by scripts/bench (not run by itself)
# The read path of issue 17: a consultation page uncached (the program,
# past nginx's page cache: X-Sharek-Nocache) against the FastCGI
# baseline of the same size, with its statements per page; and cached
# (nginx's anonymous page cache) against nginx serving a static file of
# the same size from the same server (/__static_same_size).  The page is
# CACHE_TARGET, else the last consultation among the targets (BENCH_DATA's
# with 100,000 comments: its articles and a page of 20 comments), else
# /consultations/1.
cache_target=${CACHE_TARGET:-}
if [ -z "$cache_target" ]; then
	for t in "${targets[@]}"; do
		# A consultation's own page, not its results under it.
		[[ $t =~ ^/consultations/[0-9]+$ ]] && cache_target=$t
	done
fi
cache_target=${cache_target:-/consultations/1}
echo "==> the read path (issue 17): $cache_target uncached and cached"
n=$(workers_for "$cache_target")
# Every worker reads the page once, so its cache is warm (what rarely
# changes is then not read again).
for _ in $(seq 1 $((n * 4))); do
	curl -sS -o /dev/null -H "$NOCACHE" "$BASE$cache_target" || die "cannot fetch $BASE$cache_target"
done
got=$(curl -sS -D "$TMP" -o /dev/null -w '%{http_code} %{size_download}' -H "$NOCACHE" "$BASE$cache_target") ||
	die "cannot fetch $BASE$cache_target"
read -r code size <<<"$got"
[ "$code" = 200 ] || die "$BASE$cache_target answered $code"
q=$(tr -d '\r' < "$TMP" | awk -F': *' 'tolower($1) == "x-sharek-queries" {print $2}')
start_baseline "$size" "$n"
run_wrk "$BASE$cache_target" -H "$NOCACHE"
u_rps=$RPS u_p99=$P99
run_wrk "$BASE/__baseline"
b_rps=$RPS b_p99=$P99
stop_baseline
# Cached: the same page as an anonymous reader gets it; its size as
# nginx sends it, and a static file of exactly that size.
curl -sS -o /dev/null "$BASE$cache_target"
got=$(curl -sS -D "$TMP" -o /dev/null -w '%{http_code} %{size_download}' "$BASE$cache_target")
read -r code csize <<<"$got"
status=$(tr -d '\r' < "$TMP" | awk -F': *' 'tolower($1) == "x-cache-status" {print $2}')
[ "$status" = HIT ] || die "$BASE$cache_target is not served from nginx's cache (X-Cache-Status: ${status:-none})"
mkdir -p "$VAR/bench"
head -c "$csize" /dev/zero | tr '\0' 'x' > "$VAR/bench/same-size.html"
got=$(curl -sS -o /dev/null -w '%{http_code} %{size_download}' "$BASE/__static_same_size" || true)
[ "$got" = "200 $csize" ] ||
	die "$BASE/__static_same_size answered '$got', not '200 $csize' (env = production? restart the stack)"
run_wrk "$BASE$cache_target"
c_rps=$RPS c_p99=$P99
run_wrk "$BASE/__static_same_size"
f_rps=$RPS f_p99=$P99
rm -f "$VAR/bench/same-size.html"
awk -v u="$u_rps" -v b="$b_rps" -v c="$c_rps" -v f="$f_rps" -v q="${q:--}" \
    -v up="$u_p99" -v bp="$b_p99" -v cp="$c_p99" -v fp="$f_p99" -v s="$size" -v cs="$csize" 'BEGIN {
	ru = b > 0 ? u / b : 0; rc = f > 0 ? c / f : 0
	printf "uncached consultation page: %s statements per page (goal <= 3), %d bytes, %.1f r/s (p99 %s) vs baseline %.1f r/s (p99 %s): ratio %.3f (goal >= 0.35: %s)\n",
	    q, s, u, up, b, bp, ru, ru >= 0.35 ? "met" : "NOT met"
	printf "cached consultation page: %d bytes, %.1f r/s (p99 %s) vs nginx static file of the same size %.1f r/s (p99 %s): ratio %.3f (goal >= 0.5: %s)\n",
	    cs, c, cp, f, fp, rc, rc >= 0.5 ? "met" : "NOT met"
}'
