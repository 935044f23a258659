"""Counts in headings match the filtered list (issue 10): the moderation
queue's "Waiting" and "Overdue" count the comments the list shows — all of
them, one consultation's, or the overdue ones only — not the whole queue
whatever the filter."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
sup_id = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
cit = sql1("SELECT id FROM users WHERE email='citizen@sharek.test'")
acts = []
for n in (1, 2):
    sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, doc_kind, "
        "publish_at, closes_at, created_at, updated_at) VALUES ('consultation', %s, %s, 'public', 'open', "
        "'استشارة العد %d للاختبار 059', 'Counting consultation %d (test 059)', 'articles', "
        "UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (moh, sup_id, n, n))
    acts.append(sql1("SELECT MAX(id) FROM activities WHERE title_en='Counting consultation %d (test 059)'" % n))
# Three pending comments on the first (one overdue), two on the second.
for a, k, late in ((acts[0], 1, 1), (acts[0], 2, 0), (acts[0], 3, 0), (acts[1], 4, 0), (acts[1], 5, 0)):
    sql("INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at, ip) "
        "VALUES (%s, %s, 'تعليق العد %d للاختبار 059', UNHEX(SHA2('059-%d', 256)), 'pending', UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP() %s INTERVAL 1 DAY, '127.0.0.1')" % (a, cit, k, k, "-" if late else "+"))
    sql("UPDATE activities SET comments_pending = comments_pending + 1 WHERE id=%s" % a)

sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
sup.get("/staff/lang/en?next=/staff/")


def heading(path):
    r = sup.get(path)
    m = re.search(r"Waiting: <strong>(\d+)</strong> · Overdue: <strong[^>]*>(\d+)</strong>", r.text)
    listed = len(re.findall(r'<input type="checkbox" name="ids"', r.text))
    more = "before=" in r.text or 'rel="next"' in r.text
    t.ok(m is not None, "%s: the heading gives the counts" % path, r.text[:1500] if m is None else None)
    return (int(m.group(1)), int(m.group(2))) if m else (-1, -1), listed, more


(w, o), listed, _ = heading("/staff/moderation?activity=%s" % acts[0])
t.eq((w, o, listed), (3, 1, 3), "one consultation: the heading counts its 3 comments, 1 overdue, as listed")
(w, o), listed, _ = heading("/staff/moderation?activity=%s" % acts[1])
t.eq((w, o, listed), (2, 0, 2), "the other: 2, none overdue")
(w, o), listed, _ = heading("/staff/moderation?activity=%s&overdue=1" % acts[0])
t.eq((w, o, listed), (1, 1, 1), "overdue only: the one overdue comment, counted once")
(w, o), listed, more = heading("/staff/moderation")
total = int(sql1("SELECT COUNT(*) FROM comments c JOIN activities a ON a.id = c.activity_id "
                 "WHERE c.status = 'pending' AND a.entity_id = %s AND a.author_id = %s" % (moh, sup_id)))
t.eq(w, total, "unfiltered: the whole queue")
t.ok(more or listed == w, "which is the list when it fits one page", (w, listed))

sql("DELETE FROM comments WHERE body LIKE 'تعليق العد %%للاختبار 059'")
sql("UPDATE activities SET state='withdrawn', comments_pending = 0 WHERE id IN (%s)" % ",".join(acts))
t.done()
