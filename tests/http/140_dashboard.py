"""The public KPI dashboard (issue 14): every figure checked against
counts this test computes from the requests it creates, in two entities
of its own — received, % late, % responded, % closed, satisfaction and
its distribution, average and median time to reply, per type and axis —
over a range that takes whole months from the month rows and the days
around them from the day rows; the summary tables kept in the writing
transaction (a request sent through /complaints/new counts at once); the
ranking's minimum rule (one request answered in time is not ranked); the
2 % late list; bad dates refused at their field; nothing personal; a
sub-department's requests counted in its own view, its entity's and every
entity's once (the summaries' scopes, migration 0025)."""
import html
import re
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick

t = Tap()
tag = "%x" % int(time.time() * 1000)
now = time.gmtime()
today = time.strftime("%Y-%m-%d", now)

def entity(slug, name):
    sql("INSERT INTO entities (kind, name_ar, name_en, slug, created_at, updated_at) "
        "VALUES ('authority', 'هيئة %s', '%s', '%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (("المؤشرات" if "KPI" in name else "الصغيرة") + " " + str(int(tag, 16)), name, slug))
    return sql1("SELECT id FROM entities WHERE slug='%s'" % slug)

ex = entity("kx-" + tag, "KPI Authority " + tag)
ey = entity("ky-" + tag, "Tiny Authority " + tag)
types = dict(sql("SELECT code, id FROM request_types"))
axes = dict(sql("SELECT code, id FROM request_axes"))

# ---- one request through the form: counted in the same transaction ---------
cit = Client()
t.eq(cit.login("citizen@sharek.test", prefix="/complaints").status, 303, "a citizen signs in")
_, hidden = cit.form("/complaints/new", "/complaints/new")
r = cit.post_multipart("/complaints/new", dict(hidden, type=types["inquiry"], entity=ex, axis=axes["time"],
                        subject="", body="سؤال عن مواعيد الخدمة في الهيئة، أرجو الرد."), {})
t.eq(r.status, 303, "a request is sent to the test's entity")

anon = Client(lang="en")
def figures(query):
    r = anon.get("/complaints/dashboard?" + query)
    vals = {m.group(1): html.unescape(m.group(2)) for m in
            re.finditer(r'<dd class="value" data-code="([a-z_]+)">([^<]*)</dd>', r.text)}
    return r, vals

r, f = figures("period=dates&from=%s&to=%s&entity=%s" % (today, today, ex))
t.eq(r.status, 200, "the dashboard answers anonymously")
t.eq(f.get("received"), "1", "the request sent counts at once (no tick, no rebuild)")
t.eq(f.get("responded_pct"), "0.0%", "not responded yet")

# ---- requests with known outcomes, some in whole months before -------------
day = 86400
ts = lambda secs: time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(secs))
base = time.time() - 3600
mon = time.gmtime(base)
# The first day of the month two months back: a range with whole months.
y, m_ = mon.tm_year, mon.tm_mon - 2
if m_ <= 0:
    y, m_ = y - 1, m_ + 12
old = time.mktime((y, m_, 10, 12, 0, 0, 0, 0, 0)) - time.timezone
rows = []
for i in range(30):
    created = old + i * day if i < 12 else base - (i - 12) * 600
    ty = ["complaint", "suggestion", "inquiry"][i % 3]
    ax = ["time", "procedures", "quality"][i % 3 if i % 5 else 1]
    answered = i % 4 != 0
    reply = [1800, 7200, 30000, 90000, 200000][i % 5] if answered else None
    late = answered and i % 7 == 0
    closed = answered and i % 2 == 0
    rating = [None, 5, 4, 1, 3, 2][i % 6] if answered else None
    rows.append(dict(created=created, ty=ty, ax=ax, answered=answered, reply=reply, late=late,
                     closed=closed, rating=rating))
for i, q in enumerate(rows):
    fa = "'%s'" % ts(q["created"] + q["reply"]) if q["answered"] else "NULL"
    sql("INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, confidential, subject, body, "
        "state, due_at, first_answered_at, answered_at, sla_met, closed_at, rating, created_at, updated_at) VALUES "
        "('T%s%02d', %s, %s, '%s', %s, 'web', 0, 'kpi', 'kpi test', '%s', '%s', %s, %s, %s, %s, %s, '%s', '%s')" % (
            tag[-9:], i, types[q["ty"]], axes[q["ax"]], ["high", "medium", "low"][i % 3], ex,
            "closed" if q["closed"] else ("answered" if q["answered"] else "classified"),
            ts(time.time() + 30 * day), fa, fa,
            ("0" if q["late"] else "1") if q["answered"] else "NULL",
            "'%s'" % ts(q["created"] + q["reply"] + 60) if q["closed"] else "NULL",
            q["rating"] if q["rating"] else "NULL", ts(q["created"]), ts(q["created"])))
# One request of the tiny entity, answered in time within a minute.
sql("INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, confidential, subject, body, "
    "state, due_at, first_answered_at, answered_at, sla_met, created_at, updated_at) VALUES "
    "('U%s', %s, %s, 'medium', %s, 'web', 0, 'kpi', 'kpi', 'answered', '%s', '%s', '%s', 1, '%s', '%s')" % (
        tag[-9:], types["complaint"], axes["time"], ey, ts(time.time() + 30 * day), ts(base + 60), ts(base + 60),
        ts(base), ts(base)))
sql("CALL kpi_rebuild()")   # rows written behind the programs' back are counted again

web = 1  # the request sent through the form: received, not answered
n = len(rows) + web
ans = [q for q in rows if q["answered"]]
rated = [q["rating"] for q in rows if q["rating"]]
pct = lambda a, b: "%.1f%%" % (int((a * 1000 + b // 2) // b) / 10.0)
start = time.strftime("%Y-%m-%d", time.gmtime(old - 9 * day))
r, f = figures("period=dates&from=%s&to=%s&entity=%s" % (start, today, ex))
t.eq(r.status, 200, "a range over whole months and days")
t.eq(f.get("received"), str(n), "received")
t.eq(f.get("late_pct"), pct(sum(q["late"] for q in rows), n), "% answered late")
t.eq(f.get("responded_pct"), pct(len(ans), n), "% responded")
t.eq(f.get("closed_pct"), pct(sum(q["closed"] for q in rows), n), "% closed")
mean = (sum(rated) * 100 + len(rated) // 2) // len(rated)
t.ok(f.get("satisfaction", "").startswith("%d.%02d" % (mean // 100, mean % 100)) and
     str(len(rated)) in f.get("satisfaction", ""), "average satisfaction and the number of ratings", f.get("satisfaction"))
avg = (sum(q["reply"] for q in ans) + len(ans) // 2) // len(ans)
want = ("%d.%d" % (avg // 3600, avg % 3600 * 10 // 3600)) if avg < day else ("%d.%d" % (avg // day, avg % day * 10 // day))
t.ok(want in f.get("reply_avg_hours", ""), "average time to reply", (want, f.get("reply_avg_hours")))
med = sorted(q["reply"] for q in ans)[(len(ans) + 1) // 2 - 1]
bucket_up = (med // 3600 + 1) if med < day else (med // day + 1)
t.ok(str(bucket_up) in f.get("reply_median_hours", ""), "median time to reply (to its hour or day)",
     (med, f.get("reply_median_hours")))
for k in range(1, 6):
    t.ok(re.search(r"<bdi>%d [^<]*</bdi></th>\s*<td>%d</td>" % (k, rated.count(k)), r.text) is not None,
         "ratings of %d stars in the table: %d" % (k, rated.count(k)))
# By type and by axis, in the tables under the charts.
names = {c: nm for c, nm in sql("SELECT code, name_en FROM request_types")}
for ty in ("complaint", "suggestion", "inquiry"):
    cnt = sum(q["ty"] == ty for q in rows) + (1 if ty == "inquiry" else 0)
    lt = sum(q["ty"] == ty and q["late"] for q in rows)
    m = re.search(r'<table id="t-type">.*?</table>', r.text, re.S)
    row = re.search(r"<bdi>%s</bdi></th><td>(\d+)</td><td>([^<]*)</td>" % re.escape(html.escape(names[ty], False)),
                    m.group(0) if m else "")
    t.ok(row and row.group(1) == str(cnt) and row.group(2) + "%" == pct(lt, cnt),
         "type %s: %d received, %s late" % (ty, cnt, pct(lt, cnt)), row and row.groups())
anames = {c: nm for c, nm in sql("SELECT code, name_en FROM request_axes")}
for ax in ("time", "procedures", "quality"):
    cnt = sum(q["ax"] == ax for q in rows) + (1 if ax == "time" else 0)
    m = re.search(r'<table id="t-axis">.*?</table>', r.text, re.S)
    row = re.search(r"<bdi>%s</bdi></th><td>(\d+)</td>" % re.escape(html.escape(anames[ax], False)),
                    m.group(0) if m else "")
    t.ok(row and row.group(1) == str(cnt), "axis %s: %d received" % (ax, cnt), row and row.groups())
t.ok('<svg class="bars"' in r.text and "<title" in r.text and "<desc" in r.text, "charts are SVG with a title and a description")
t.ok("Wilson" in r.text and "20" in re.search(r'id="rank-rule">([^<]*)', r.text).group(1), "the ranking rule is stated on the page")

# ---- rankings and the 2 % list, across every entity -------------------------
r, f = figures("period=dates&from=%s&to=%s" % (start, today))
m = re.search(r'<table id="t-rank-entities">.*?</table>', r.text, re.S)
ranked = m.group(0) if m else ""
t.ok("KPI Authority " + tag in ranked, "the entity with %d requests is ranked" % n)
t.ok("Tiny Authority " + tag not in ranked, "one request answered in a minute is not ranked (minimum %d)" % 20)
m = re.search(r'<table id="t-late">.*?</table>', r.text, re.S)
late_pm = (sum(q["late"] for q in rows) * 1000 + n // 2) // n
t.eq(("KPI Authority " + tag) in (m.group(0) if m else ""), late_pm >= 20, "listed among the entities 2% or more late")
t.ok("Tiny Authority " + tag not in (m.group(0) if m else ""), "the tiny entity, never late, is not")
t.ok("citizen@sharek.test" not in r.text and "kpi test" not in r.text, "nothing personal or written by a requester")

# ---- the current periods and bad input ---------------------------------------
for p in ("week", "month", "quarter", "year"):
    t.eq(anon.get("/complaints/dashboard?period=" + p).status, 200, "this " + p)
r = anon.get("/complaints/dashboard?period=dates&from=%s&to=2020-01-01" % today)
t.eq(r.status, 400, "the last day before the first: 400")
t.ok('id="e-to"' in r.text and "2020-01-01" in r.text, "said at the field, the date typed kept")
r = anon.get("/complaints/dashboard?period=dates&from=yesterday")
t.eq(r.status, 400, "a date that is not one: 400")
t.ok('id="e-from"' in r.text and "yesterday" in r.text, "said at its field, kept")
r = Client(lang="ar").get("/complaints/dashboard")
t.ok("لوحة مؤشرات الشكاوى والطلبات" in r.text and "نسبة الرد المتأخر" in r.text, "in Arabic")

# ---- the periodic reports sharekctl tick writes ------------------------------
tick()
prev = time.gmtime(time.mktime((now.tm_year, now.tm_mon, 1, 0, 0, 0, 0, 0, 0)) - time.timezone - day)
pstart = "%04d-%02d-01" % (prev.tm_year, prev.tm_mon)
t.eq(sql1("SELECT COUNT(*) FROM kpi_reports WHERE period='month' AND start='%s' AND entity_id=0" % pstart), "1",
     "the tick wrote last month's report for the whole")
want_prev = sum(1 for q in rows if time.strftime("%Y-%m", time.gmtime(q["created"])) == pstart[:7])
got = sql1("SELECT COALESCE(SUM(w.received), 0) FROM kpi_reports p JOIN kpi_report_rows w ON w.report_id = p.id "
           "WHERE p.period='month' AND p.start='%s' AND p.entity_id=%s AND w.dim='all'" % (pstart, ex))
t.eq(got, str(want_prev) if want_prev else got, "the entity's report counts its requests of that month")
tick()
t.eq(sql1("SELECT COUNT(*) FROM kpi_reports WHERE period='month' AND start='%s' AND entity_id=0" % pstart), "1",
     "a second tick writes it once")

# ---- a sub-department's requests count in its entity's scope ---------------
# The summaries count each request in every scope it is in (every entity,
# its entity, the entities above it): each view reads its own scope.
span = "period=dates&from=%s&to=%s" % (start, today)
def received(q):
    return int(figures(q)[1].get("received") or 0)
before_x, before_all = received(span + "&entity=%s" % ex), received(span)
sql("INSERT INTO entities (kind, parent_id, name_ar, name_en, slug, created_at, updated_at) "
    "VALUES ('department', %s, 'قسم المؤشرات %d', 'KPI Department %s', 'kz-%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (ex, int(tag, 16), tag, tag))
ez = sql1("SELECT id FROM entities WHERE slug='kz-%s'" % tag)
for i in range(2):
    sql("INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, confidential, subject, body, "
        "state, due_at, created_at, updated_at) VALUES ('V%s%d', %s, %s, 'low', %s, 'web', 0, 'kpi', 'kpi', "
        "'classified', '%s', '%s', '%s')" % (tag[-9:], i, types["complaint"], axes["time"], ez,
                                            ts(time.time() + 30 * day), ts(base), ts(base)))
sql("CALL kpi_rebuild()")
t.eq(received(span + "&entity=%s" % ez), 2, "a sub-department's view counts its own requests")
t.eq(received(span + "&entity=%s" % ex), before_x + 2, "its entity's view counts them with the entity's own")
t.eq(received(span), before_all + 2, "and the view of every entity counts them once")
t.eq(received(span + "&entity=%s" % ey), 1, "another entity's view does not")

sql("DELETE FROM requests WHERE ref_no LIKE 'T%s%%' OR ref_no = 'U%s' OR ref_no LIKE 'V%s%%'"
    % (tag[-9:], tag[-9:], tag[-9:]))
sql("CALL kpi_rebuild()")
t.done()
