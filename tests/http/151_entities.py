"""The entities' public pages (issue 16): /entities lists every active
entity under its sector; /entities/{slug} shows the entity's open and
past public activities, its published plan with the items not started in
their quarter flagged, its current charter with its date, its blog and
its complaints figures of the last year (the complaints glossary's words)
— each checked against the database; an unknown or inactive entity is
404, and nothing restricted or inter-agency is shown."""
import datetime as dt
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
c = Client(lang="en")
c.get("/lang/en?next=/")

r = c.get("/entities")
t.eq(r.status, 200, "the directory of entities opens")
active = sql("SELECT slug, parent_id FROM entities WHERE active = 1")
links = re.findall(r'<a href="/entities/([a-z0-9-]+)">', r.text)
t.eq(sorted(links), sorted(s for s, p in active), "it links every active entity, once")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
kids = [s for s, p in active if p == moh]
m = re.search(r'<a href="/entities/moh">.*?</li></ul>', r.text, re.S)
t.ok(kids and m and all('/entities/%s"' % k in m.group(0) for k in kids),
     "the Ministry of Health's directorates are listed under it")

r = c.get("/entities/moh")
t.eq(r.status, 200, "the Ministry of Health's page opens")
page = r.text
opened = sql("SELECT id FROM listed_activities WHERE entity_id=%s AND state='open' AND audience='public'" % moh)
shown = re.findall(r'<a href="/consultations/(\d+)" dir="auto">', page.split('id="h-past"')[0])
t.eq(sorted(shown), sorted(x[0] for x in opened)[:10], "its open public activities, no other")
hidden = sql("SELECT id FROM activities WHERE entity_id=%s AND audience <> 'public'" % moh)
t.ok(all('/consultations/%s"' % h[0] not in page for h in hidden), "nothing restricted or inter-agency")
for k in kids:
    t.ok('href="/entities/%s"' % k in page, "links its sub-department %s" % k)

# the charter with its date and parts
ch = sql("SELECT channels_en, GREATEST(updated_at, published_at) FROM charters WHERE entity_id=%s" % moh)[0]
sec = re.search(r'<section aria-labelledby="h-charter">(.*?)</section>', page, re.S).group(1)
t.ok(ch[0] in sec, "the charter's channels are shown")
d = dt.datetime.strptime(ch[1], "%Y-%m-%d %H:%M:%S") + dt.timedelta(hours=3)
t.ok(("%d %s %d" % (d.day, d.strftime("%B"), d.year)) in sec, "with the date it is in force since", sec[:300])

# the plan: every item, those of a begun quarter without a published activity flagged
items = sql("SELECT i.topic_en, i.quarter, p.year, i.status, a.state FROM plan_items i "
            "JOIN participation_plans p ON p.id = i.plan_id LEFT JOIN listed_activities a ON a.id = i.activity_id "
            "AND a.audience = 'public' WHERE p.entity_id=%s AND p.state='published' AND p.year = "
            "(SELECT MAX(year) FROM participation_plans WHERE entity_id=%s AND state='published')" % (moh, moh))
plan = re.search(r'<section aria-labelledby="h-plan">(.*?)</section>', page, re.S).group(1)
now = dt.datetime.utcnow() + dt.timedelta(hours=3)
qnow = (now.month - 1) // 3 + 1
rows = re.findall(r'<tr( class="flagged")?><td>(\d)</td><td>(.*?)</td>', plan, re.S)
t.eq(len(rows), len(items), "every item of the plan is a row")
public_states = {"open", "closed", "analysis", "report_submitted", "report_approved", "published"}
for topic, quarter, year, status, state in items:
    started = state in public_states
    flag = not started and status in ("planned", "running") and (int(year), int(quarter)) <= (now.year, qnow)
    row = [x for x in rows if topic in x[2]]
    t.ok(row and bool(row[0][0]) == flag, "%s: %s" % (topic, "flagged" if flag else "not flagged"))

# the blog, the latest first
posts = sql("SELECT title_en FROM blog_posts WHERE entity_id=%s AND published_at <= UTC_TIMESTAMP() "
            "ORDER BY published_at DESC, id DESC LIMIT 5" % moh)
blog = re.search(r'<section aria-labelledby="h-blog">(.*?)</section>', page, re.S).group(1)
pos = [blog.find(p[0]) for p in posts]
t.ok(posts and all(p >= 0 for p in pos) and pos == sorted(pos), "its blog articles, the latest first")

# complaints over the last year, from the summary table
rec, late, ans = sql("SELECT COALESCE(SUM(received),0), COALESCE(SUM(late),0), COALESCE(SUM(answered),0) FROM kpi_daily "
                     "WHERE entity_id=%s AND day >= UTC_DATE() - INTERVAL 365 DAY" % moh)[0]
rec, late, ans = int(rec), int(late), int(ans)
req = re.search(r'<section aria-labelledby="h-requests">(.*?)</section>', page, re.S).group(1)


def pct(n, d):
    if d == 0:
        return "—"
    v = (n * 1000 + d // 2) // d
    return "%d.%d %%" % (v // 10, v % 10)


t.ok("<dd>%d " % rec in req, "requests received in the year: %d" % rec, req[:400])
t.ok("<dd>%s " % pct(late, rec) in req, "answered late: %s" % pct(late, rec))
t.ok("<dd>%s " % pct(ans, rec) in req, "responded: %s" % pct(ans, rec))

t.eq(c.get("/entities/no-such-entity").status, 404, "an unknown entity is 404")
sql("INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, active, created_at, updated_at) VALUES "
    "('council', 'مجلس متوقف', 'Inactive council', 'ent-inactive', 0, 0, UTC_TIMESTAMP(), UTC_TIMESTAMP())")
t.eq(c.get("/entities/ent-inactive").status, 404, "an inactive one too")
t.ok("ent-inactive" not in c.get("/entities").text, "and the directory leaves it out")
sql("DELETE FROM entities WHERE slug='ent-inactive'")

r = Client(lang="ar").get("/entities/moh")
t.ok(r.status == 200 and 'lang="ar"' in r.text and "ميثاق" in r.text, "the page in Arabic")
t.done()
