#!/bin/bash
# sourced by scripts/bench (not run by itself)
# Durable comments per second (issue 17): COMMENT_USERS (200) distinct
# signed-in citizens post comments on an unlisted open consultation as
# fast as they can over CONNECTIONS connections, each POST with its own
# fresh form (wrk, tests/bench/comments.lua: GET the page, then POST the
# comment with its masked CSRF token and one-time nonce).  Every
# acknowledged comment (303 to ?posted=1) is committed: the stack's
# MariaDB runs with innodb_flush_log_at_trx_commit=1 (its default;
# scripts/stack passes --no-defaults and does not change it), checked
# here.  Beside it the baseline: the same comment row inserted and
# committed through the same MariaDB by a minimal client at the same
# concurrency (tests/bench/comment_baseline.c), one autocommit INSERT
# after another.  Goal: a ratio of at least 0.5.  Then the same client
# with as many statements a row as a comment ran (primary-key reads, then
# the INSERT, one transaction): what the statement count costs the
# server by itself, apart from HTTP, sessions and pages.  Then the CPU
# time a comment cost each part, and the ceiling of the ratio on this
# machine whatever the program does (two requests to a FastCGI worker
# that does nothing, and the baseline's row).
#
# The users and their sessions are made by SQL (as tests/http/lib does
# not need a password hash for a session: a session row is the BLAKE2b
# of its 43-character token, fcgi/core/auth.c), the users without a password (no one
# can sign in as them).  For the run the public program is restarted
# with as many workers as connections (a worker waits for its commit's
# flush, so the number of comments in flight is the number of workers)
# and the comment limits lifted (SHAREK_LIMITS_*: one address, 127.0.0.1,
# and 200 accounts would otherwise reach them); afterwards it is
# restarted as the stack had it.  The bench's comments are deleted
# afterwards, so no moderation queue fills up.  It also prints InnoDB's
# row lock waits: a comment holds the shard of its account's counts
# (activity_counts, migration 0032) until its commit, so comments of
# accounts in the same shard wait for each other.
#   BENCH_PARTS="17-comments" make bench TARGETS=/     (or a plain make bench)
#   env: COMMENT_USERS (200)
case " ${BENCH_PARTS:-} " in *" 17-comments "*) run_comments=1 ;; *) run_comments=${BENCH_DATA:-} ;; esac
if [ -n "$run_comments" ]; then
	[ -x "$BIN/sharek-comment-baseline" ] || die "no $BIN/sharek-comment-baseline (hint: make build)"
	C_SQL="mariadb --no-defaults --socket=$RUN/mysqld.sock -N -B sharek"
	c_users=${COMMENT_USERS:-200}
	c_conns=$CONNS
	case "$DURATION" in
	*ms) die "17-comments: DURATION in seconds or minutes" ;;
	*s) c_secs=${DURATION%s} ;;
	*m) c_secs=$((${DURATION%m} * 60)) ;;
	*) c_secs=$DURATION ;;
	esac
	flush=$($C_SQL -e "SELECT @@innodb_flush_log_at_trx_commit")
	[ "$flush" = 1 ] || die "17-comments: the server's innodb_flush_log_at_trx_commit is $flush, not 1: comments would not be durable"

	# The consultation commented on, and the one of the baseline's rows.
	c_activity() {	# tag → id (made once, unlisted, open)
		local id
		id=$($C_SQL -e "SELECT id FROM activities WHERE title_en = 'Benchmark comments $1'")
		if [ -z "$id" ]; then
			$C_SQL -e "
INSERT INTO activities (kind, entity_id, author_id, audience, unlisted, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, created_at, updated_at)
SELECT 'consultation', e.id, u.id, 'public', 1, 'open', 'استشارة لقياس التعليقات $1', 'Benchmark comments $1',
  'ملخص', 'Summary', 'أهداف', 'Objectives', UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 3650 DAY,
  UTC_TIMESTAMP() + INTERVAL 3650 DAY, UTC_TIMESTAMP() + INTERVAL 3670 DAY, UTC_TIMESTAMP() + INTERVAL 3680 DAY,
  UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM entities e JOIN users u ON u.entity_id = e.id AND u.role = 'supervisor'
 WHERE e.slug = 'moh' LIMIT 1;
SET @a = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, body_ar)
SELECT @a, seq, seq, CONCAT('المادة ', seq), REPEAT('نص المادة. ', 40) FROM seq_1_to_12;"
			id=$($C_SQL -e "SELECT id FROM activities WHERE title_en = 'Benchmark comments $1'")
		fi
		echo "$id"
	}
	c_page_id=$(c_activity posts)
	c_base_id=$(c_activity baseline)
	c_clean() {
		$C_SQL -e "DELETE FROM comments WHERE activity_id IN ($c_page_id, $c_base_id);
UPDATE activities SET comments_pending = 0, participants = 0 WHERE id IN ($c_page_id, $c_base_id);
DELETE FROM activity_counts WHERE activity_id IN ($c_page_id, $c_base_id);
DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email LIKE 'bench.commenter.%@bench.invalid';"
	}
	# The users (once) and a fresh session each.
	$C_SQL -e "
INSERT IGNORE INTO users (kind, email, email_verified_at, full_name, lang, role, created_at, updated_at)
SELECT 'person', CONCAT('bench.commenter.', seq, '@bench.invalid'), UTC_TIMESTAMP(),
       CONCAT('مشارك القياس ', seq), 'en', 'citizen', UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM seq_1_to_$c_users;"
	c_clean
	/usr/bin/python3 - "$TMP.tokens" "$TMP.sessions.sql" "$c_users" <<'PY'
import hashlib, secrets, sys
tokens, sqlf, n = sys.argv[1], sys.argv[2], int(sys.argv[3])
with open(tokens, "w") as t, open(sqlf, "w") as s:
    s.write("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES\n")
    rows = []
    for i in range(1, n + 1):
        tok = secrets.token_urlsafe(32)  # 43 characters, as session.c issues them
        t.write(tok + "\n")
        h = hashlib.blake2b(tok.encode(), digest_size=32).hexdigest()
        rows.append("(UNHEX('%s'), (SELECT id FROM users WHERE email = 'bench.commenter.%d@bench.invalid'), "
                    "UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 DAY)" % (h, i))
    s.write(",\n".join(rows) + ";\n")
PY
	$C_SQL < "$TMP.sessions.sql"

	# The public program with $c_conns workers and the limits lifted.
	c_public() {	# workers, then env assignments for the workers
		local n=$1 pid
		shift
		pid=$(cat "$RUN/public.pid" 2>/dev/null || true)
		if [ -n "$pid" ] && kill -TERM "$pid" 2>/dev/null; then
			for _ in $(seq 1 50); do kill -0 "$pid" 2>/dev/null || break; sleep 0.1; done
		fi
		rm -f "$RUN/public.sock"
		env SHAREK_CONF="$CONF" "$@" setsid spawn-fcgi -n -s "$RUN/public.sock" -M 0660 -- \
		    /usr/bin/multiwatch -f "$n" -- "$BIN/sharek-public" \
		    </dev/null >>"$VAR/log/public.log" 2>&1 &
		echo $! > "$RUN/public.pid"
		for _ in $(seq 1 50); do
			curl -fsS -o /dev/null "$BASE/consultations/$c_page_id" 2>/dev/null && return
			sleep 0.1
		done
		die "17-comments: the public program did not come back"
	}
	c_workers=$(workers_for /)
	c_public "$c_conns" SHAREK_LIMITS_COMMENT_PER_ACCOUNT=1000000000 \
	    SHAREK_LIMITS_COMMENT_PER_ADDRESS=1000000000
	c_before=$($C_SQL -e "SELECT COUNT(*) FROM comments WHERE activity_id = $c_page_id")
	c_locks() {	# row lock waits and their total milliseconds, server-wide
		$C_SQL -e "SELECT SUM(IF(VARIABLE_NAME = 'INNODB_ROW_LOCK_WAITS', VARIABLE_VALUE, 0)),
       SUM(IF(VARIABLE_NAME = 'INNODB_ROW_LOCK_TIME', VARIABLE_VALUE, 0))
  FROM information_schema.GLOBAL_STATUS
 WHERE VARIABLE_NAME IN ('INNODB_ROW_LOCK_WAITS', 'INNODB_ROW_LOCK_TIME')"
	}
	read -r c_w0 c_t0 < <(c_locks)
	# The CPU time each part spends on the comments (cputicks): the
	# database, the public workers, nginx.
	c_dbpid=$(cat "$RUN/mariadb.pid" 2>/dev/null || true)
	c_wpids=$(pgrep -P "$(cat "$RUN/public.pid" 2>/dev/null || echo 0)" 2>/dev/null || true)
	c_ngpid=$(cat "$RUN/nginx.pid" 2>/dev/null || true)
	c_ngpids="$c_ngpid $(pgrep -P "${c_ngpid:-0}" 2>/dev/null || true)"
	c_cpu0="$(cputicks $c_dbpid) $(cputicks $c_wpids) $(cputicks $c_ngpids)"
	wrk -t"$c_conns" -c"$c_conns" -d"$DURATION" -s "$ROOT/tests/bench/comments.lua" "$BASE" -- \
	    "$TMP.tokens" "/consultations/$c_page_id" "$c_conns" "$BASE" >"$TMP" 2>&1 &
	WRK_PID=$!
	wait "$WRK_PID" || { cat "$TMP" >&2; c_public "$c_workers"; die "wrk failed on the comments"; }
	WRK_PID=
	c_cpu1="$(cputicks $c_dbpid) $(cputicks $c_wpids) $(cputicks $c_ngpids)"
	c_after=$($C_SQL -e "SELECT COUNT(*) FROM comments WHERE activity_id = $c_page_id")
	read -r c_w1 c_t1 < <(c_locks)
	c_public "$c_workers"
	read -r _ c_posted _ c_dup _ c_failed _ c_took < <(grep '^posted ' "$TMP")
	[ -n "${c_posted:-}" ] || { cat "$TMP" >&2; c_clean; die "17-comments: wrk printed no count"; }
	c_stored=$((c_after - c_before))

	c_pw=$(sed -n '/^\[db\]/,/^\[/s/^public_password *= *\([^ ;]*\).*/\1/p' "$CONF" | head -1)
	c_uid=$($C_SQL -e "SELECT id FROM users WHERE email = 'bench.commenter.1@bench.invalid'")
	c_bdb0=$(cputicks $c_dbpid)
	c_base=$(BENCH_DB_PASSWORD=$c_pw "$BIN/sharek-comment-baseline" "$RUN/mysqld.sock" \
	    sharek_public sharek "$c_base_id" "$c_uid" "$c_conns" "$c_secs") ||
		{ c_clean; die "the comment baseline failed"; }
	c_bdb1=$(cputicks $c_dbpid)
	# The yardstick of the statement count alone: as many statements a
	# row as a comment ran (X-Sharek-Queries of its GET and POST, when
	# the stack reports them), through the same client.
	read -r _ _ c_getq _ c_postq < <(grep '^statements ' "$TMP") || true
	c_reads=$(awk -v g="${c_getq:-0}" -v p="${c_postq:-0}" \
	    'BEGIN { n = int(g + p + 0.5) - 1; print (n > 0 ? n : 0) }')
	if [ "$c_reads" -gt 0 ]; then
		c_floor=$(BENCH_DB_PASSWORD=$c_pw "$BIN/sharek-comment-baseline" \
		    "$RUN/mysqld.sock" sharek_public sharek "$c_base_id" "$c_uid" \
		    "$c_conns" "$c_secs" "$c_reads") ||
			{ c_clean; die "the comment baseline with reads failed"; }
	fi
	# The ceiling of the ratio on this machine, whatever the program
	# does: a comment is at least two requests through nginx to a
	# FastCGI worker (the form's GET, the POST) and the baseline's row.
	# With the FastCGI baseline (no work, the form page's size) at R
	# requests a second and the row at B a second on the same cores, a
	# comment takes at least 2/R + 1/B of them: at most 1 / (2B/R + 1)
	# of the baseline.
	c_size=$(curl -sS -o /dev/null -w '%{size_download}' \
	    -H "Cookie: sk_session=$(head -1 "$TMP.tokens")" "$BASE/consultations/$c_page_id") ||
		{ c_clean; die "cannot fetch the comment form"; }
	c_clean
	rm -f "$TMP.tokens" "$TMP.sessions.sql"
	db_quiet
	start_baseline "$c_size" "$c_conns"
	run_wrk "$BASE/__baseline"
	c_frps_http=$RPS
	stop_baseline

	echo "==> durable comments per second (innodb_flush_log_at_trx_commit=$flush): $c_users users over $c_conns connections, GET form + POST, $c_conns public workers, limits lifted"
	c_brps=$(printf '%s\n' "$c_base" | awk '{print $(NF-1)}')
	awk -v p="$c_posted" -v s="$c_took" -v b="$c_brps" -v st="$c_stored" -v d="$c_dup" -v f="$c_failed" \
	    -v line="$c_base" 'BEGIN {
		r = (s > 0 ? p / s : 0)
		printf "sharek: %d comments acknowledged in %.2f s (%d stored, %d duplicates, %d failed): %.1f comments/s\n", p, s, st, d, f, r
		printf "baseline (same row, autocommit INSERT, %s): %.1f rows/s\n", line, b
		printf "ratio %.3f (goal >= 0.5)\n", (b > 0 ? r / b : 0)
	}'
	echo "row lock waits during the run: $((c_w1 - c_w0)), $((c_t1 - c_t0)) ms waited in all (InnoDB, server-wide)"
	# Where a comment's time goes, against the baseline's row.
	c_brows=$(printf '%s\n' "$c_base" | awk '{ for (i = 1; i < NF; i++) if ($(i + 1) == "rows") { print $i; exit } }')
	awk -v c0="$c_cpu0" -v c1="$c_cpu1" -v p="$c_posted" -v hz="$HZ" \
	    -v b="$((c_bdb1 - c_bdb0))" -v br="${c_brows:-0}" 'BEGIN {
		split(c0, x); split(c1, y)
		if (p > 0)
			printf "CPU time a comment cost (user + system): MariaDB %.2f ms, the public workers %.2f ms, nginx %.2f ms", \
			    (y[1] - x[1]) * 1000 / hz / p, (y[2] - x[2]) * 1000 / hz / p, (y[3] - x[3]) * 1000 / hz / p
		if (br > 0)
			printf "; a baseline row: MariaDB %.3f ms", b * 1000 / hz / br
		printf "\n"
	}'
	[ -z "${c_getq:-}" ] ||
		echo "statements a comment ran, on average: the form's GET $c_getq, the POST $c_postq (the baseline: 1)"
	if [ -n "${c_floor:-}" ]; then
		c_frps=$(printf '%s\n' "$c_floor" | awk '{print $(NF-1)}')
		awk -v p="$c_posted" -v s="$c_took" -v b="$c_brps" -v f="$c_frps" -v k="$c_reads" 'BEGIN {
			r = (s > 0 ? p / s : 0)
			printf "the same row after %d primary-key reads in its transaction (a comment'"'"'s %d statements, no HTTP): %.1f rows/s, %.3f of the baseline; sharek %.3f of that\n", k, k + 1, f, (b > 0 ? f / b : 0), (f > 0 ? r / f : 0)
		}'
	fi
	awk -v b="$c_brps" -v h="$c_frps_http" -v s="$c_size" 'BEGIN {
		if (b > 0 && h > 0)
			printf "the ceiling here: two requests to a FastCGI worker that does nothing (%d bytes: %.1f r/s) and the baseline row: at most %.1f comments/s, ratio %.3f\n", s, h, 1 / (2 / h + 1 / b), 1 / (2 * b / h + 1)
	}'
	[ "$c_failed" -eq 0 ] || die "17-comments: $c_failed comment requests failed"
	[ "$c_stored" -ge "$c_posted" ] || die "17-comments: $c_posted acknowledged but only $c_stored stored"
fi
