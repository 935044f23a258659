"""The ministry admin's dashboard (issue 10): counts across every entity
— comments past their moderation deadline, activities waiting for
approval, analysis reports due, entities without a liaison officer —
each linking to a list that shows them, in a constant number of
statements; other roles neither see them nor open the lists."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
admin.get("/staff/lang/en?next=/staff/")
moe = sql1("SELECT id FROM entities WHERE slug='moe'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")


def counts():
    body = admin.get("/staff/").text
    m = re.search(r'<section aria-labelledby="h-gov">(.*?)</section>', body, re.S)
    sec = m.group(1) if m else ""
    got = {}
    for href, n in re.findall(r'<a href="([^"]+)">[^<]*</a>: <strong>(\d+)</strong>', sec):
        got[href] = int(n)
    return got


def activity(title, state, extra_cols="", extra_vals=""):
    sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, "
        "publish_at, closes_at, original_closes_at, created_at, updated_at%s) VALUES ('consultation', %s, %s, "
        "'public', '%s', '%s ع', '%s', UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() - INTERVAL 30 DAY, "
        "UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP()%s)"
        % (extra_cols, moe, author, state, title, title, extra_vals))
    return sql1("SELECT MAX(id) FROM activities WHERE title_en='%s'" % title)


before = counts()
t.eq(sorted(before), sorted(["/staff/oversight?show=overdue", "/staff/activities?state=approved",
                             "/staff/oversight?show=reports", "/staff/oversight?show=liaison"]),
     "the admin's dashboard has the four counts, each a link")
q1 = admin.get("/staff/").header("X-Sharek-Queries")

a_ok = activity("Dash approval", "approved")
a_rep = activity("Dash report", "closed", ", results_due_at", ", UTC_TIMESTAMP() - INTERVAL 1 DAY")
a_mod = activity("Dash moderation", "open")
for i in range(3):
    sql("INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at) "
        "VALUES (%s, NULL, 'تعليق %d', UNHEX(SHA2('dash%d', 256)), 'pending', UTC_TIMESTAMP() - INTERVAL 9 DAY, "
        "UTC_TIMESTAMP() - INTERVAL 2 DAY)" % (a_mod, i, i))
sql("INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, active, created_at, updated_at) "
    "VALUES ('council', 'مجلس بلا ارتباط', 'Council without liaison', 'dash-nol', 0, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())")
nol = sql1("SELECT id FROM entities WHERE slug='dash-nol'")

after = counts()
t.eq(after.get("/staff/oversight?show=overdue", 0) - before.get("/staff/oversight?show=overdue", 0), 3,
     "three more comments past their deadline")
t.eq(after["/staff/activities?state=approved"] - before["/staff/activities?state=approved"], 1,
     "one more activity waiting for approval")
t.eq(after["/staff/oversight?show=reports"] - before["/staff/oversight?show=reports"], 1, "one more report due")
t.eq(after["/staff/oversight?show=liaison"] - before["/staff/oversight?show=liaison"], 1,
     "one more entity without a liaison officer")
q2 = admin.get("/staff/").header("X-Sharek-Queries")
t.ok(q1 is not None and q1 == q2, "a constant number of statements (%s, %s)" % (q1, q2))

r = admin.get("/staff/oversight?show=overdue")
t.ok(r.status == 200 and 'href="/staff/activities/%s"' % a_mod in r.text and "Dash moderation" in r.text,
     "the overdue list shows the activity")
t.ok('href="/staff/entities/%s"' % moe in r.text, "and its entity")
r = admin.get("/staff/oversight?show=reports")
t.ok(r.status == 200 and 'href="/staff/activities/%s"' % a_rep in r.text, "the reports list shows the report due")
r = admin.get("/staff/oversight?show=liaison")
t.ok(r.status == 200 and 'href="/staff/entities/%s"' % nol in r.text, "the entities list shows the new one")
r = admin.get("/staff/activities?state=approved")
t.ok(r.status == 200 and "Dash approval" in r.text, "the activities list shows the one waiting for approval")
t.eq(admin.get("/staff/oversight?show=nonsense").status, 400, "an unknown list is a 400")

li = Client(lang="en")
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "a liaison officer signs in")
t.ok('aria-labelledby="h-gov"' not in li.get("/staff/").text, "and has no such counts")
t.eq(li.get("/staff/oversight?show=overdue").status, 403, "nor the lists")

# Leave nothing for a later tick to close, escalate or mail about.
sql("DELETE FROM comments WHERE activity_id IN (%s, %s, %s)" % (a_ok, a_rep, a_mod))
sql("DELETE FROM activities WHERE id IN (%s, %s, %s)" % (a_ok, a_rep, a_mod))
sql("DELETE FROM entities WHERE id=%s" % nol)
t.done()
