"""The compliance report and the participation KPIs (issue 16): an entity
and its sub-department with activities of known timings — comments
moderated on time and late across a weekend and a holiday, a report on
time and others late, an activity opened for less than the minimum, an
extension within the cap and one beyond it, months without a poll, a
quarter without a blog article, no liaison officer, late requests, a plan
with items and a KPI target — and a short-period submission refused.
Every figure of the page, its own and with the sub-department, and every
KPI (target, actual, gap) is checked against what this test computes with
its own working-day calendar; the CSV carries the same figures; the links
lead to the activities behind them."""
import csv
import datetime as dt
import io
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
U = dt.timezone.utc
TZ = dt.timedelta(hours=3)
FROM, TO = "2025-04-01", "2025-06-30"
T0 = dt.datetime(2025, 4, 1, tzinfo=U) - TZ
T1 = dt.datetime(2025, 7, 1, tzinfo=U) - TZ
NOW = dt.datetime.now(U)
HOLIDAY = "2025-05-01"          # a Thursday, before the Friday–Saturday weekend

added_holiday = sql1("SELECT COUNT(*) FROM holidays WHERE day='%s'" % HOLIDAY) == "0"
if added_holiday:
    sql("INSERT INTO holidays (day, name_ar, name_en) VALUES ('%s', 'عيد العمال', 'Labour Day')" % HOLIDAY)

# --- the test's own calendar: weekend days and holidays as the portal keeps them
weekend = {int(d) for d in sql1("SELECT value FROM settings WHERE name='weekend_days'").split(",")}
holidays = {r[0] for r in sql("SELECT day FROM holidays")}


def lday(t_):
    return (t_ + TZ).date()


def workday(d):
    return ((d.weekday() + 1) % 7) not in weekend and d.isoformat() not in holidays


def add_workdays(t_, n):
    d = lday(t_)
    while n > 0:
        d += dt.timedelta(days=1)
        if workday(d):
            n -= 1
    return t_ + (d - lday(t_))


def workdays_between(a, b):
    d, e, n = lday(a), lday(b), 0
    while d < e:
        d += dt.timedelta(days=1)
        if workday(d):
            n += 1
    return n


def late_days(due, done):
    """Working days after the deadline; a moment late on its last day is one."""
    if done <= due:
        return 0
    return max(1, workdays_between(due, done))


def u(s):
    return dt.datetime.strptime(s, "%Y-%m-%d %H:%M").replace(tzinfo=U)


def q(s):
    return s.strftime("%Y-%m-%d %H:%M:%S")


# --- the entities: a ministry without liaison officers and its department
tag = NOW.strftime("%H%M%S")
sql("INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, active, created_at, updated_at) VALUES "
    "('ministry', 'وزارة الامتثال %s', 'Compliance ministry %s', 'cmp-e-%s', 0, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (tag, tag, tag))
E = int(sql1("SELECT id FROM entities WHERE slug='cmp-e-%s'" % tag))
sql("INSERT INTO entities (kind, parent_id, name_ar, name_en, slug, is_operator, active, created_at, updated_at) "
    "VALUES ('department', %d, 'مديرية الامتثال %s', 'Compliance directorate %s', 'cmp-d-%s', 0, 1, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (E, tag, tag, tag))
D = int(sql1("SELECT id FROM entities WHERE slug='cmp-d-%s'" % tag))
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")

# --- activities of known timings
A = {
    "a1": dict(e=E, kind="consultation", aud="public", urgent=0, state="published",
               pub="2025-04-01 09:00", orig="2025-05-08 09:00", ext=0, part=50, size=200,
               report="2025-05-20 09:00", used=1),
    "a2": dict(e=D, kind="consultation", aud="restricted", urgent=0, state="published",
               pub="2025-04-05 09:00", orig="2025-05-12 09:00", ext=0, report="2025-07-15 09:00", used=0),
    "a3": dict(e=E, kind="survey", aud="public", urgent=0, state="analysis",
               pub="2025-06-01 09:00", orig="2025-07-05 09:00", ext=10, ext_at="2025-06-25 09:00"),
    "a4": dict(e=E, kind="poll", aud="public", urgent=0, state="analysis",
               pub="2025-04-10 09:00", orig="2025-05-10 09:00", ext=0),
    "a5": dict(e=E, kind="consultation", aud="interagency", urgent=0, state="published",
               pub="2025-06-10 09:00", orig="2025-06-20 09:00", ext=0, report="2025-06-25 09:00", used=0),
    "a6": dict(e=D, kind="poll", aud="public", urgent=1, state="published",
               pub="2025-05-01 09:00", orig="2025-05-16 09:00", ext=20, ext_at="2025-05-14 09:00",
               report="2025-06-10 09:00", used=1),
}
for k, a in A.items():
    a["pub_t"], a["orig_t"] = u(a["pub"]), u(a["orig"])
    a["close_t"] = a["orig_t"] + dt.timedelta(days=a["ext"])
    sql("INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en, "
        "publish_at, closes_at, original_closes_at, extended_seconds, participants, target_group_size, "
        "created_at, updated_at) VALUES ('%s', %d, %s, '%s', %d, '%s', 'نشاط %s %s', 'Activity %s %s', "
        "'%s', '%s', '%s', %d, %d, %s, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (a["kind"], a["e"], author, a["aud"], a["urgent"], a["state"], k, tag, k, tag, q(a["pub_t"]),
           q(a["close_t"]), q(a["orig_t"]), a["ext"] * 86400, a.get("part", 0),
           a["size"] if "size" in a else "NULL"))
    a["id"] = int(sql1("SELECT id FROM activities WHERE title_en='Activity %s %s'" % (k, tag)))
    if "report" in a:
        sql("INSERT INTO reports (activity_id, state, published_at, usage_ar) VALUES (%d, 'published', '%s', %s)"
            % (a["id"], q(u(a["report"])), "'استخدمت النتائج في تعديل المسودة'" if a["used"] else "NULL"))
    if "ext_at" in a:
        sql("INSERT INTO extensions (activity_id, added_seconds, new_closes_at, reason_ar, granted_by, at) "
            "VALUES (%d, %d, '%s', 'طلب المشاركين', %s, '%s')"
            % (a["id"], a["ext"] * 86400, q(a["close_t"]), author, q(u(a["ext_at"]))))

# comments on a1: received and moderated at known moments
C = [
    # received Tuesday; Thursday is the holiday, Friday–Saturday the weekend:
    # moderated Monday morning, on time only because the holiday is not a working day
    dict(recv="2025-04-29 07:00", mod="2025-05-05 06:00", pos="accepted"),
    dict(recv="2025-04-29 07:00", mod="2025-05-07 09:00", pos="partially"),   # two working days late
    dict(recv="2025-04-02 07:00", mod="2025-04-02 10:00", pos="rejected"),    # the same day
    dict(recv="2025-04-09 07:00", mod="2025-04-15 06:00", pos=None),          # late across a weekend
]
for i, c in enumerate(C):
    sql("INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at, "
        "moderated_at, entity_position) VALUES (%d, NULL, 'تعليق %d', UNHEX(SHA2('cmp%s%d', 256)), 'published', "
        "'%s', '%s', '%s', %s)" % (A["a1"]["id"], i, tag, i, q(u(c["recv"])),
                                   q(add_workdays(u(c["recv"]), 3)), q(u(c["mod"])),
                                   "'%s'" % c["pos"] if c["pos"] else "NULL"))
    c["e"] = E

# a blog article in the second quarter for the ministry, none for the directorate
sql("INSERT INTO blog_posts (entity_id, author_id, title_ar, body_ar, published_at) VALUES "
    "(%d, %s, 'مقال الربع الثاني', 'نص المقال', '2025-05-20 09:00:00')" % (E, author))
BLOG = [dict(e=E, at=u("2025-05-20 09:00"))]
# requests from the complaints summary
REQ = [dict(e=E, day="2025-04-10", received=5, late=2), dict(e=D, day="2025-05-02", received=3, late=1)]
for r_ in REQ:
    sql("INSERT INTO kpi_daily (day, entity_id, type_id, axis_id, received, late) VALUES ('%s', %d, 1, 0, %d, %d)"
        % (r_["day"], r_["e"], r_["received"], r_["late"]))
# citizen initiatives whose answer fell due: on time, late across the
# holiday and the weekend, still owed, and one due after the period
INI = [dict(e=E, due="2025-05-06 09:00", replied="2025-05-05 10:00"),
       dict(e=E, due="2025-04-29 09:00", replied="2025-05-04 08:00"),   # two working days late
       dict(e=D, due="2025-06-15 09:00", replied=None),                 # still owed
       dict(e=E, due="2025-07-02 09:00", replied=None)]                 # due after the period
for i, n in enumerate(INI):
    sql("INSERT INTO initiatives (entity_id, title, body, lang, state, threshold, supporters, reached_at, "
        "answer_due_at, replied_at, created_at, updated_at) VALUES (%d, 'Initiative i%d %s', 'نص', 'en', '%s', 3, 3, "
        "'%s', '%s', %s, '2025-03-01 09:00:00', UTC_TIMESTAMP())"
        % (n["e"], i, tag, "answered" if n["replied"] else "threshold", q(u(n["due"]) - dt.timedelta(days=6)),
           q(u(n["due"])), "'%s'" % q(u(n["replied"])) if n["replied"] else "NULL"))
    n["id"] = int(sql1("SELECT id FROM initiatives WHERE title='Initiative i%d %s'" % (i, tag)))
# the ministry's plan for 2025: two items in the second quarter (one carried out), one in the third
sql("INSERT INTO participation_plans (entity_id, year, state, created_at) VALUES (%d, 2025, 'published', UTC_TIMESTAMP())" % E)
plan = sql1("SELECT id FROM participation_plans WHERE entity_id=%d AND year=2025" % E)
for pos, (quarter, act) in enumerate([(2, A["a3"]["id"]), (2, None), (3, None)]):
    sql("INSERT INTO plan_items (plan_id, position, topic, target_group, channel, tools, quarter, activity_id) "
        "VALUES (%s, %d, 'موضوع %d', 'الجمهور', 'البوابة', 'استشارة', %d, %s)"
        % (plan, pos, pos, quarter, act if act else "NULL"))
PLAN = [dict(q=2, done=True), dict(q=2, done=False)]       # the third quarter is outside the period
sql("INSERT INTO plan_kpis (plan_id, position, code, name_ar, name_en, unit, target) VALUES "
    "(%s, 0, 'participation_rate', 'نسبة المشاركة', 'Participation rate', 'percent', 30.00)" % plan)
PART_TARGET = 300                                            # per mille

# --- a short period is refused at submission (art. 11-أ)
sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
sup.get("/staff/lang/en?next=/staff/")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
p0 = NOW + dt.timedelta(days=2)
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en, "
    "objectives_ar, objectives_en, publish_at, closes_at, results_due_at, final_publication_at, created_at, updated_at) "
    "VALUES ('consultation', %s, %s, 'public', 'draft', 'مدة قصيرة %s', 'Short %s', 'ملخص', 'Summary', 'أهداف', "
    "'Objectives', '%s', '%s', '%s', '%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (moh, author, tag, tag, q(p0), q(p0 + dt.timedelta(days=10)), q(p0 + dt.timedelta(days=20)),
       q(p0 + dt.timedelta(days=25))))
short = sql1("SELECT id FROM activities WHERE title_en='Short %s'" % tag)
r = sup.submit("/staff/activities/%s" % short, "/staff/activities/%s/workflow" % short, {"event": "submit"})
t.eq(r.status, 422, "a consultation open for ten days is refused at submission")
t.ok("one month" in r.text, "saying the period is shorter than a month")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % short), "draft", "and it stays a draft")
sql("DELETE FROM activities WHERE id=%s" % short)

# --- what the report should say, computed here
CUR_MONTHS = ["2025-04", "2025-05", "2025-06"]


def earliest_close(a):
    if a["urgent"]:
        return a["pub_t"] + dt.timedelta(days=14)
    p = a["pub_t"]
    m = p.month + 1
    y = p.year + (m > 12)
    m = (m - 1) % 12 + 1
    return p.replace(year=y, month=m)


def expect(ents):
    acts = [a for a in A.values() if a["e"] in ents]
    opened = [a for a in acts if T0 <= a["pub_t"] < T1]
    x = {}
    x["consultations"] = sum(a["kind"] == "consultation" for a in opened)
    x["surveys"] = sum(a["kind"] == "survey" for a in opened)
    x["polls"] = sum(a["kind"] == "poll" for a in opened)
    for aud in ("public", "restricted", "interagency"):
        x[aud] = sum(a["aud"] == aud for a in opened)
    on = late = mx = 0
    acc = tot = 0
    for c in C:
        if c["e"] not in ents:
            continue
        d = late_days(add_workdays(u(c["recv"]), 3), u(c["mod"]))
        on += d == 0
        late += d > 0
        mx = max(mx, d)
        if c["pos"]:
            tot += 1
            acc += c["pos"] in ("accepted", "partially")
    x["moderated_on_time_pct"] = pct(on, on + late)
    x["moderated_late"] = str(late)
    x["moderated_late_max_days"] = str(mx)
    finished = [a for a in acts if T0 <= a["close_t"] < T1]
    ron = rlate = rmx = 0
    pub_n = used = 0
    for a in finished:
        due = add_workdays(a["close_t"], 20)
        d = late_days(due, u(a["report"]) if "report" in a else NOW)
        ron += d == 0
        rlate += d > 0
        rmx = max(rmx, d)
        if "report" in a:
            pub_n += 1
            used += a["used"]
    x["reports_on_time_pct"] = pct(ron, ron + rlate)
    x["reports_late"] = str(rlate)
    x["reports_late_max_days"] = str(rmx)
    x["short_period"] = str(sum(a["orig_t"] < earliest_close(a) for a in opened))
    ext = [a for a in acts if "ext_at" in a and T0 <= u(a["ext_at"]) < T1]
    x["extended"] = str(len(ext))
    x["extended_over_cap"] = str(sum(a["ext"] * 86400 > (a["orig_t"] - a["pub_t"]).total_seconds() for a in ext))
    nopoll = 0
    for e in ents:
        months = {(a["pub_t"] + TZ).strftime("%Y-%m") for a in opened if a["e"] == e and a["kind"] == "poll"}
        nopoll += sum(m not in months for m in CUR_MONTHS)
    x["months_without_poll"] = str(nopoll)
    x["quarters_without_blog"] = str(sum(not any(b["e"] == e for b in BLOG) for e in ents))
    x["no_liaison"] = str(len(ents))
    x["no_alternate"] = str(len(ents))
    x["requests_late"] = str(sum(r_["late"] for r_ in REQ if r_["e"] in ents))
    ilate = [late_days(u(n["due"]), u(n["replied"]) if n["replied"] else NOW)
             for n in INI if n["e"] in ents and T0 <= u(n["due"]) < T1]
    x["initiative_answers_late"] = str(sum(d > 0 for d in ilate))
    x["initiative_answers_late_max_days"] = str(max(ilate + [0]))
    for k in ("consultations", "surveys", "polls", "public", "restricted", "interagency"):
        x[k] = str(x[k])
    # KPIs: target, actual, gap
    k = {}
    due_items = PLAN if E in ents else []
    k["plan_executed"] = (len(due_items), sum(p["done"] for p in due_items))
    part = sum(a.get("part", 0) for a in opened if a.get("size"))
    size = sum(a.get("size", 0) for a in opened if a.get("size"))
    k["participation_rate"] = (PART_TARGET if ents == [E] else None, permille(part, size))
    k["contributions_accepted_pct"] = (None, permille(acc, tot))
    k["results_published_pct"] = (1000, permille(pub_n, len([a for a in finished if a["state"] != "withdrawn"])))
    k["input_used_pct"] = (None, permille(used, pub_n))
    k["tools_used"] = (3, len({a["kind"] for a in opened}))
    return x, k


def permille(n, d):
    return None if d == 0 else (n * 1000 + d // 2) // d


def pct(n, d):
    v = permille(n, d)
    return "—" if v is None else "%d.%d %%" % (v // 10, v % 10)


def kfmt(v, percent):
    if v is None:
        return "—"
    if percent:
        return "%s%d.%d %%" % ("−" if v < 0 else "", abs(v) // 10, abs(v) % 10)
    return "%s%d" % ("−" if v < 0 else "", abs(v))


KPCT = {"plan_executed": 0, "participation_rate": 1, "contributions_accepted_pct": 1,
        "results_published_pct": 1, "input_used_pct": 1, "tools_used": 0}


def kpi_expect(k):
    out = {}
    for code, (target, actual) in k.items():
        gap = None if target is None or actual is None else target - actual
        out[code] = (kfmt(target, KPCT[code]), kfmt(actual, KPCT[code]), kfmt(gap, KPCT[code]))
    return out


def figures(html):
    return {c: (h, v) for c, h, v in re.findall(
        r'<tr data-code="(\w+)"><th scope="row">[^<]*(?:<a [^>]*>[^<]*</a>)?[^<]*</th><td><a href="([^"]+)">([^<]*)</a></td></tr>', html)}


def kpis(html):
    return {c: (a, b, g) for c, a, b, g in re.findall(
        r'<tr data-code="(\w+)"><th scope="row">[^<]*(?:<a [^>]*>[^<]*</a>)?[^<]*</th><td>([^<]*)</td><td>([^<]*)</td><td>([^<]*)</td></tr>', html)}


admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
admin.get("/staff/lang/en?next=/staff/")
r = admin.get("/staff/compliance?from=%s&to=%s&entity=%d" % (FROM, TO, E))
t.eq(r.status, 200, "the compliance report of the ministry and its directorate")
page = r.text
m = re.search(r'<section class="cmp-entity" aria-labelledby="h-e%d" id="entity-%d">(.*?)</section>' % (E, E), page, re.S)
sec_e = m.group(1) if m else ""
m = re.search(r'<section class="cmp-entity cmp-sub" aria-labelledby="h-e%d" id="entity-%d">(.*?)</section>' % (D, D), page, re.S)
sec_d = m.group(1) if m else ""
own_e, tree_e = (sec_e.split('class="figures tree"') + [""])[:2]
t.ok(sec_e and sec_d and tree_e, "a section for each, the ministry's with its sub-departments")

for name, html, ents in (("the ministry", own_e, [E]), ("the directorate", sec_d, [D]),
                         ("the ministry with its directorate", tree_e, [E, D])):
    want, _ = expect(ents)
    got = {c: v for c, (h, v) in figures(html).items()}
    for code in want:
        t.eq(got.get(code), want[code], "%s: %s" % (name, code))

overall = figures(page.split('id="h-charts"')[0])
want_all, _ = expect([E, D])
t.eq({c: v for c, (h, v) in overall.items()}, want_all, "the overall figures are the tree's")

for name, html, ents in (("the ministry", sec_e, [E]), ("the directorate", sec_d, [D])):
    _, k = expect(ents)
    got = kpis(html)
    for code, want in kpi_expect(k).items():
        t.eq(got.get(code), want, "%s KPI %s: target, actual, gap" % (name, code))

def items(html):
    m = re.search(r'<ul class="cmp-items">.*?</ul>', html, re.S)
    return m.group(0) if m else html[:3000]


# --- the links lead to the activities behind each figure
figs = figures(own_e)
r = admin.get(figs["moderated_late"][0].replace("&amp;", "&"))
t.eq(r.status, 200, "the late moderations' list opens")
t.ok("Activity a1 %s" % tag in r.text and "2 on time, 2 late" in r.text and "up to 2 working days late" in r.text,
     "it names the consultation with two late comments, the most two working days late", items(r.text))
r = admin.get(figs["short_period"][0].replace("&amp;", "&"))
t.ok("Activity a5 %s" % tag in r.text and "Activity a1 %s" % tag not in r.text,
     "the activity opened for ten days is listed, no other")
r = admin.get(figures(sec_d)["extended_over_cap"][0].replace("&amp;", "&"))
t.ok("Activity a6 %s" % tag in r.text and "beyond the original period" in r.text,
     "the extension beyond the cap is listed, saying so")
r = admin.get(figures(tree_e)["reports_late"][0].replace("&amp;", "&"))
for k_ in ("a2", "a4"):
    t.ok("Activity %s %s" % (k_, tag) in r.text, "the late reports with the sub-departments include %s" % k_)
t.ok("Activity a1 %s" % tag not in r.text, "and not a report published on time")
r = admin.get(figures(tree_e)["initiative_answers_late"][0].replace("&amp;", "&"))
owed = late_days(u(INI[2]["due"]), NOW)
t.ok('<a href="/staff/initiatives/%d"><bdi>Initiative i1 %s</bdi></a>' % (INI[1]["id"], tag) in r.text
     and "answered 2 working days late" in r.text and "Initiative i2 %s" % tag in r.text
     and "still not answered, %d working days late" % owed in r.text,
     "the late initiative answers with the sub-departments: one answered 2 working days late, one still owed",
     items(r.text))
t.ok("Initiative i0 %s" % tag not in r.text and "Initiative i3 %s" % tag not in r.text,
     "not one answered on time, nor one due after the period")
admin.get("/staff/lang/ar?next=/staff/")
r = admin.get(figures(tree_e)["initiative_answers_late"][0].replace("&amp;", "&"))
t.ok("الردود المتأخرة على مبادرات المواطنين" in r.text and "رُدّ عليها متأخرة 2 أيام عمل" in r.text
     and "لم يُردّ عليها بعد، متأخرة %d أيام عمل" % owed in r.text, "in Arabic too", items(r.text))
admin.get("/staff/lang/en?next=/staff/")
r = admin.get(figs["months_without_poll"][0].replace("&amp;", "&"))
t.ok("2025-05" in items(r.text) and "2025-06" in items(r.text) and "2025-04" not in items(r.text),
     "the months without a poll are May and June", items(r.text))

# --- the CSV has the same figures
r = admin.get("/staff/compliance.csv?from=%s&to=%s&entity=%d" % (FROM, TO, E))
t.eq(r.status, 200, "the CSV downloads")
t.ok(r.header("Content-Type").startswith("text/csv"), "as text/csv")
text = r.raw.decode("utf-8")
rows = list(csv.DictReader(io.StringIO(text.lstrip("\ufeff"))))
by = {(row["entity_id"], row["scope"]): row for row in rows}
t.ok(("%d" % E, "own") in by and ("%d" % E, "tree") in by and ("%d" % D, "own") in by and ("%d" % E, "all") in by,
     "a row per entity, its tree and the whole")


def csvform(v):
    return "" if v == "—" else v.replace(" %", "").replace("−", "-")


for key, html in ((("%d" % E, "own"), own_e), (("%d" % E, "tree"), tree_e), (("%d" % D, "own"), sec_d)):
    row = by.get(key, {})
    f = figures(html)
    t.eq({c: row.get(c) for c in f}, {c: csvform(v) for c, (h, v) in f.items()},
         "the CSV row %s/%s equals the page" % key)
t.eq({c: by.get(("%d" % E, "all"), {}).get(c) for c in overall}, {c: csvform(v) for c, (h, v) in overall.items()},
     "the CSV's overall row equals the page's")
for key, html in ((("%d" % E, "own"), sec_e), (("%d" % D, "own"), sec_d)):
    row = by.get(key, {})
    for code, (a, b, g) in kpis(html).items():
        t.eq((row.get(code + "_target"), row.get(code + "_actual"), row.get(code + "_gap")),
             (csvform(a), csvform(b), csvform(g)), "CSV %s/%s KPI %s" % (key + (code,)))

# --- a bad period is said at its field, the dates kept; others' entities are not shown
r = admin.get("/staff/compliance?from=2025-06-30&to=2025-04-01")
t.eq(r.status, 422, "a period ending before it starts is refused")
t.ok('id="e-to"' in r.text and 'value="2025-04-01"' in r.text and 'value="2025-06-30"' in r.text,
     "with the message at the end date and both dates kept")
li = Client(lang="en")
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "a liaison officer signs in")
t.eq(li.get("/staff/compliance?from=%s&to=%s&entity=%d" % (FROM, TO, E)).status, 403,
     "another entity's report is forbidden to a liaison officer")
r = li.get("/staff/compliance?from=%s&to=%s" % (FROM, TO))
t.ok(r.status == 200 and ("entity-%d" % E) not in r.text, "the own report leaves other entities out")

# --- leave nothing behind for later tests and ticks
ids = ",".join(str(a["id"]) for a in A.values())
sql("DELETE FROM comment_bands WHERE comment_id IN (SELECT id FROM comments WHERE activity_id IN (%s))" % ids)
sql("DELETE FROM comments WHERE activity_id IN (%s)" % ids)
sql("DELETE FROM extensions WHERE activity_id IN (%s)" % ids)
sql("DELETE FROM plan_items WHERE plan_id=%s" % plan)
sql("DELETE FROM plan_kpis WHERE plan_id=%s" % plan)
sql("DELETE FROM participation_plans WHERE id=%s" % plan)
sql("DELETE FROM blog_posts WHERE entity_id IN (%d, %d)" % (E, D))
sql("DELETE FROM kpi_daily WHERE entity_id IN (%d, %d)" % (E, D))
sql("DELETE FROM initiatives WHERE entity_id IN (%d, %d)" % (E, D))
if added_holiday:
    sql("DELETE FROM holidays WHERE day='%s'" % HOLIDAY)
t.done()
