"""The lean comment POST (issue 17): a comment is stored with a bounded
number of statements, the activity's counters move by exactly what was
stored (pending by each comment, participants by each new commenter),
and citizens commenting on the same consultation at the same moment all
get their comments stored — none fails or deadlocks (the insert's foreign
key and the counters' update once locked the activity's row in opposite
orders).  The citizens and their sessions are made by SQL, as the bench
makes them (a session row is the BLAKE2b of its token)."""
import subprocess
import sys
import threading
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Tap, counts, session_citizens, sql, sql1
from sharek import post_comment as post_page_comment

t = Tap()
RUN = int(time.time() * 1000)
N = 6          # citizens at the same moment
EACH = 4       # comments each

aid = sql1("SELECT id FROM activities WHERE kind='consultation' AND audience='public' "
           "AND state='open' AND closes_at > UTC_TIMESTAMP() + INTERVAL 1 DAY ORDER BY id LIMIT 1")
t.ok(aid is not None, "an open public consultation of the demo data")
page = "/consultations/%s" % aid

made = session_citizens("write.%d" % RUN, N)
uids = [uid for uid, _ in made]
tokens = [tok for _, tok in made]
t.eq(len(uids), N, "%d citizens with a session each" % N)


def post_comment(tok, text):
    return post_page_comment(tok, page, text)


def counters():
    return list(counts(aid))


# ---- one comment: stored, counted, in a bounded number of statements ---------
p0, n0 = counters()
st, loc, q = post_comment(tokens[0], "First comment of run %d on the draft." % RUN)
t.ok(st == 303 and "posted=1" in loc, "a comment is taken (303 to ?posted=1)", (st, loc))
t.ok(q is not None and q.isdigit() and int(q) <= 11,
     "its POST ran at most 11 statements, the worker's cache still cold (%s)" % q)
p1, n1 = counters()
t.eq((p1 - p0, n1 - n0), (1, 1), "pending +1, participants +1 (a new commenter)")
st, loc, q = post_comment(tokens[0], "Second comment of run %d on the draft." % RUN)
t.ok(st == 303 and "posted=1" in loc, "the same citizen's second comment is taken", (st, loc))
p2, n2 = counters()
t.eq((p2 - p1, n2 - n1), (1, 0), "pending +1, participants unchanged (not a new commenter)")

# ---- the same citizens at the same moment ------------------------------------
results = []
lock = threading.Lock()
start = threading.Barrier(N)


def citizen(i):
    start.wait()
    for k in range(EACH):
        st, loc, _ = post_comment(tokens[i], "Run %d: citizen %d, comment %d, together." % (RUN, i, k))
        with lock:
            results.append((st, "posted=1" in loc))


threads = [threading.Thread(target=citizen, args=(i,)) for i in range(N)]
for th in threads:
    th.start()
for th in threads:
    th.join()
taken = sum(1 for st, ok in results if st == 303 and ok)
t.ok(taken == N * EACH, "all %d comments sent at the same moment are taken" % (N * EACH),
     (taken, sorted(set(st for st, _ in results))))
stored = int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s AND user_id IN (%s)"
                  % (aid, ",".join(map(str, uids)))))
t.eq(stored, N * EACH + 2, "and stored, each once")
p3, n3 = counters()
t.eq((p3 - p2, n3 - n2), (N * EACH, N - 1),
     "the counters moved by exactly that: pending by each comment, participants by each new commenter")

# ---- the deadline's calendar is each worker's, yet a change is seen at once ---
# Every worker has posted comments above, so each keeps the calendar under
# the site's generation (calendar_load); a holiday or a weekend changed now
# moves the very next comment's moderation deadline (3 working days).
def due_days(text):
    return float(sql1("SELECT (UNIX_TIMESTAMP(moderation_due_at) - UNIX_TIMESTAMP()) / 86400 "
                      "FROM comments WHERE body = '%s'" % text))


def due_round(label, ok):
    """Four comments (two a worker, mostly): ok(days to the deadline) of each."""
    got = []
    for k in range(4):
        text = "Run %d: %s, %d." % (RUN, label, k)
        st, _, _ = post_comment(tokens[k % N], text)
        got.append(st == 303 and ok(due_days(text)))
    return got


sql("INSERT IGNORE INTO holidays (day, name_ar, name_en) SELECT CURDATE() + INTERVAL seq DAY, "
    "'عطلة الاختبار 177', 'Test 177 holiday' FROM seq_0_to_20")
t.eq(due_round("after the holidays were added", lambda d: d > 20), [True] * 4,
     "three weeks of new holidays put every next comment's deadline after them")
sql("DELETE FROM holidays WHERE name_en = 'Test 177 holiday'")
weekend = sql1("SELECT value FROM settings WHERE name = 'weekend_days'")
sql("INSERT INTO settings (name, value) VALUES ('weekend_days', '0,1,2,3,4,5') "
    "ON DUPLICATE KEY UPDATE value = '0,1,2,3,4,5'")
try:
    t.eq(due_round("a six-day weekend", lambda d: d > 13), [True] * 4,
         "a six-day weekend makes three working days three weeks")
finally:
    if weekend is None:
        sql("DELETE FROM settings WHERE name = 'weekend_days'")
    else:
        sql("UPDATE settings SET value = '%s' WHERE name = 'weekend_days'" % weekend)
t.eq(due_round("the calendar as it was", lambda d: d < 8), [True] * 4,
     "and back as it was on the next comment")

# The writes' procedure itself: an activity closed since the page read it
# keeps nothing — the call fails with the procedure's own error, no row,
# the counters as they were.
p4, n4 = counters()
sql("UPDATE activities SET state = 'closed' WHERE id=%s" % aid)
try:
    sql("CALL comment_store(%s, 0, %s, 'After the closing', UNHEX(SHA2('k177', 256)), "
        "UNIX_TIMESTAMP() + 86400, '127.0.0.1', 1, UNHEX(SHA2('k177', 256)), '', 0, NULL, '', 0)"
        % (aid, uids[0]))
    refused = ""
except subprocess.CalledProcessError as e:
    refused = e.stderr
t.ok("1644" in refused and "not open" in refused,
     "comment_store on an activity closed since the page read it refuses (SIGNAL 45000)", refused)
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s AND body='After the closing'" % aid), "0",
     "and keeps no comment")
t.eq(tuple(counters()), (p4, n4), "nor moves the counters")
sql("UPDATE activities SET state = 'open' WHERE id=%s" % aid)

# Leave the stack as found: the run's comments out of the counters and
# every window, the sessions gone.
sql("INSERT INTO activity_counts (activity_id, shard, pending, participants) VALUES (%s, 0, -%d, -%d) "
    "ON DUPLICATE KEY UPDATE pending = pending - %d, participants = participants - %d"
    % (aid, N * EACH + 14, N, N * EACH + 14, N))
sql("DELETE FROM comments WHERE activity_id=%s AND user_id IN (%s)" % (aid, ",".join(map(str, uids))))
sql("DELETE FROM sessions WHERE user_id IN (%s)" % ",".join(map(str, uids)))
t.done()
