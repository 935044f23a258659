"""Comment moderation (Tawasul art. 9-ب): the deadline is three working
days after receipt, skipping the weekend and public holidays; the
supervisor's queue, the coordinator's view of every queue, publish and
reject (with a published principle) in bulk, counters, overdue marks,
what the author sees, and the audit trail."""
import datetime
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, counts, sql, sql1

t = Tap()
act = sql1("SELECT id FROM activities WHERE title_en LIKE 'Draft Regulation on Licensing%'")
art = sql1("SELECT id FROM articles WHERE activity_id=%s ORDER BY position LIMIT 1" % act)
page = "/consultations/" + act

# Make the deadline cross the two next working days as holidays: with the
# weekend in between or after, three working days span a weekend too.
weekend = {int(d) for d in sql1("SELECT value FROM settings WHERE name='weekend_days'").split(",") if d}
holidays = {row[0] for row in sql("SELECT day FROM holidays")}
local_now = datetime.datetime.utcnow() + datetime.timedelta(hours=3)


def working(day):
    return (day.isoweekday() % 7) not in weekend and day.isoformat() not in holidays


d = local_now.date()
added = []
while len(added) < 2:
    d += datetime.timedelta(days=1)
    if working(d):
        added.append(d.isoformat())
for day in added:
    sql("INSERT IGNORE INTO holidays (day, name_ar, name_en) VALUES ('%s', 'عطلة اختبار', 'Test holiday')" % day)
    holidays.add(day)

cit = Client()
cit.login("citizen@sharek.test")
body = "تعليق للإشراف رقم 1"
r = cit.submit(page, page + "/comments", {"body": body, "article": art})
t.eq(r.status, 303, "a citizen comments")
cid, received, due = sql("SELECT id, received_at, moderation_due_at FROM comments WHERE body='%s'" % body)[0]
rec = datetime.datetime.strptime(received, "%Y-%m-%d %H:%M:%S")
day, n = (rec + datetime.timedelta(hours=3)).date(), 0
while n < 3:
    day += datetime.timedelta(days=1)
    if working(day):
        n += 1
want = datetime.datetime.combine(day, (rec + datetime.timedelta(hours=3)).time()) - datetime.timedelta(hours=3)
t.eq(due, want.strftime("%Y-%m-%d %H:%M:%S"),
     "the deadline is 3 working days later, skipping the weekend and the holidays %s" % added)
span = (datetime.datetime.strptime(due, "%Y-%m-%d %H:%M:%S") - rec).days
t.ok(span >= 5, "which is %d calendar days here" % span)

sup = Client()
sup.login("supervisor@moh.sharek.test", prefix="/staff")
r = sup.get("/staff/moderation")
t.eq(r.status, 200, "the supervisor opens the queue")
t.ok(body in r.text, "the comment is in the author's queue")
other = Client()
other.login("supervisor@moe.sharek.test", prefix="/staff")
t.ok(body not in other.get("/staff/moderation").text, "not in another entity's queue")
coord = Client()
coord.login("coordinator@moh.sharek.test", prefix="/staff")
t.ok(body in coord.get("/staff/moderation").text, "the coordinator sees the supervisors' queues (art. 8-هـ)")
t.ok(body not in Client().get(page).text, "not public while pending")

# Overdue.
sql("UPDATE comments SET moderation_due_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE id=%s" % cid)
r = sup.get("/staff/moderation?overdue=1")
t.ok(body in r.text and '<strong class="overdue">متأخر</strong>' in r.text, "an overdue comment is marked in words")
r = sup.get("/staff/")
t.ok('<strong class="overdue">' in r.text, "and counted on the dashboard")

# Reject without a reason, then with one.
_, hidden = sup.form("/staff/moderation", "/staff/moderation")
r = sup.post("/staff/moderation", {"csrf": hidden["csrf"], "ids": cid, "action": "reject"})
t.eq(r.status, 422, "rejecting needs a moderation principle")
t.eq(sql1("SELECT status FROM comments WHERE id=%s" % cid), "pending", "nothing changed")
reason = sql1("SELECT id FROM moderation_reasons WHERE code='off_topic'")
pending0 = counts(act)[0]
r = sup.post("/staff/moderation", {"csrf": hidden["csrf"], "ids": cid, "action": "reject", "reason": reason})
t.eq(r.status, 303, "rejected with a reason")
t.eq(sql("SELECT status, reject_reason_id FROM comments WHERE id=%s" % cid), [["rejected", reason]], "stored")
t.eq(counts(act)[0], pending0 - 1, "pending counter down")
t.ok(int(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='citizen@sharek.test' "
              "AND body LIKE '%%خارج موضوع الاستشارة%%'")) == 1,
     "the author is told, with the principle")
r = cit.get("/me")
t.ok(body in r.text and "لم يُنشر" in r.text, "the author sees it was not published")
t.ok("خارج موضوع الاستشارة" in r.text, "with the principle it did not meet")

# Bulk publish.
ids = []
for i in range(3):
    b = "تعليق جماعي %d" % i
    cit.submit(page, page + "/comments", {"body": b, "article": art})
    ids.append(sql1("SELECT id FROM comments WHERE body='%s'" % b))
pub0 = int(sql1("SELECT comments_published FROM activities WHERE id=%s" % act))
apub0 = int(sql1("SELECT comments_published FROM articles WHERE id=%s" % art))
_, hidden = coord.form("/staff/moderation", "/staff/moderation")
r = coord.post("/staff/moderation", {"csrf": hidden["csrf"], "ids": ids + [cid], "action": "publish"})
t.eq(r.status, 303, "the coordinator publishes three at once")
t.ok("done=3" in r.header("Location") and "skipped=1" in r.header("Location"),
     "the already moderated one is left alone and reported")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE status='published' AND id IN (%s)" % ",".join(ids)), "3", "published")
t.eq(int(sql1("SELECT comments_published FROM activities WHERE id=%s" % act)), pub0 + 3,
     "the activity counter follows")
t.eq(int(sql1("SELECT comments_published FROM articles WHERE id=%s" % art)), apub0 + 3,
     "and the article's")
r = Client().get(page)
t.ok("تعليق جماعي 0" in r.text, "published comments are public")
n = sql1("SELECT COUNT(*) FROM audit_log WHERE action IN ('comment.publish','comment.reject')")
t.ok(int(n) >= 4, "every decision is in the audit log")
r = other.post("/staff/moderation", {"csrf": other.form("/staff/moderation", "/staff/moderation")[1]["csrf"],
                                      "ids": ids[0], "action": "reject", "reason": reason})
t.ok("skipped=1" in (r.header("Location") or ""), "another entity's supervisor cannot touch them")
sys.exit(t.done())
