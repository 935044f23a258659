"""Issue 11: the analysis report is due on the 20th working day after
closing (Tawasul art. 9-ج), on the working-day calendar (weekend days and
holidays are data).  An activity whose report is late is marked publicly,
with the working days late, on its page, on its results page and in the
list; the ministry's "reports due" agrees.  The deadline here crosses
weekends and a holiday, and the flag appears exactly on the first working
day after the due day: with the holiday in the interval it is not late
yet, without it, one working day late."""
import datetime
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick

t = Tap()
# Today (local, UTC+3) is a working day for this test: the weekend is
# moved to the two days after today for its duration.
old_weekend = sql1("SELECT value FROM settings WHERE name='weekend_days'")
now_local = datetime.datetime.utcnow() + datetime.timedelta(hours=3)
today = now_local.date()
dow = today.isoweekday() % 7                    # 0 = Sunday, as the setting
weekend = {(dow + 1) % 7, (dow + 2) % 7}
sql("UPDATE settings SET value='%s' WHERE name='weekend_days'" % ",".join(str(d) for d in sorted(weekend)))
today_holiday = sql("SELECT day, name_ar, name_en FROM holidays WHERE day='%s'" % today.isoformat())
sql("DELETE FROM holidays WHERE day='%s'" % today.isoformat())
holidays = {r[0] for r in sql("SELECT day FROM holidays")}


def working(d):
    return (d.isoweekday() % 7) not in weekend and d.isoformat() not in holidays


# The due day Y: the last working day before today; the closing day C:
# exactly 20 working days in (C, Y].
y = today - datetime.timedelta(days=1)
while not working(y):
    y -= datetime.timedelta(days=1)
d, n = y, 0
while True:
    if working(d):
        n += 1
        if n == 20:
            break
    d -= datetime.timedelta(days=1)
c = d - datetime.timedelta(days=1)
span = [c + datetime.timedelta(days=i) for i in range(1, (y - c).days + 1)]
t.ok(any(not working(x) for x in span), "the 20 working days cross a weekend (%s → %s)" % (c, y))
# A holiday on a working day inside the interval.
h = [x for x in span if working(x)][10]

ent = sql1("SELECT id FROM entities WHERE slug='moh'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
closes_utc = datetime.datetime.combine(c, datetime.time(10, 0)) - datetime.timedelta(hours=3)
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en, "
    "publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) "
    "VALUES ('consultation', %s, %s, 'public', 'analysis', 'استشارة متأخرة 101', 'Late consultation 101', 'ملخص', "
    "'Summary', '%s' - INTERVAL 40 DAY, '%s', '%s', '%s' + INTERVAL 20 DAY, '%s' + INTERVAL 30 DAY, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % ((ent, author) + (closes_utc.strftime("%Y-%m-%d %H:%M:%S"),) * 5))
act = sql1("SELECT id FROM activities WHERE title_en='Late consultation 101'")
page = "/consultations/%s" % act
try:
    sql("INSERT INTO holidays (day, name_ar, name_en) VALUES ('%s', 'عطلة 101', 'Holiday 101')" % h)
    tick()
    due = sql1("SELECT report_due_at FROM activities WHERE id=%s" % act)
    t.eq(due[:10], today.isoformat(), "with the holiday %s the report is due today" % h)
    t.eq(sql1("SELECT report_days_late FROM activities WHERE id=%s" % act), "0", "not late")
    r = Client().get(page + "/results")
    t.eq(r.status, 200, "the results page answers while the report is prepared")
    t.ok("النتائج قيد الإعداد" in r.text and 'class="overdue"' not in r.text, "in preparation, no overdue mark")
    t.ok('class="overdue"' not in Client().get(page).text, "none on its page")

    sql("DELETE FROM holidays WHERE day='%s'" % h)
    tick()
    t.eq(sql1("SELECT report_due_at FROM activities WHERE id=%s" % act)[:10], y.isoformat(),
         "without the holiday it was due on %s" % y)
    t.eq(sql1("SELECT report_days_late FROM activities WHERE id=%s" % act), "1", "one working day late today")
    r = Client().get(page + "/results")
    t.ok(re.search(r'class="overdue">[^<]*: يوم عمل واحد تأخير<', r.text) is not None,
         "its results page says 1 working day late (in Arabic's words for one)")
    t.ok(re.search(r'class="overdue">[^<]*: 1 working day late<', Client(lang="en").get(page + "/results").text)
         is not None, "in English too")
    t.ok(re.search(r'class="overdue">[^<]*: يوم عمل واحد تأخير<', Client().get(page).text) is not None,
         "and its page")
    lst = Client().get("/consultations?state=closed").text
    card = re.search(r'<li class="card">(?:(?!</li>).)*?/consultations/%s"(?:(?!</li>).)*</li>' % act, lst, re.S)
    t.ok(card is not None and 'class="overdue"' in card.group(0), "and its card in the list")

    sup = Client()
    sup.login("supervisor@moh.sharek.test", prefix="/staff")
    item = re.search(r'<li><a href="/staff/activities/%s/report">(?:(?!</li>).)*</li>' % act, sup.get("/staff/").text, re.S)
    t.ok(item is not None and re.search(r'class="overdue">[^<]*: 1 ', item.group(0)) is not None,
         "the entity's dashboard lists the report due, 1 working day late")

    admin = Client()
    admin.login("admin@sharek.test", prefix="/staff")
    r = admin.get("/staff/oversight?show=reports")
    row = re.search(r'<tr>(?:(?!</tr>).)*/staff/activities/%s"(?:(?!</tr>).)*</tr>' % act, r.text, re.S)
    t.ok(row is not None and 'class="overdue"' in row.group(0), "the ministry's reports due mark it late too")
    late = int(sql1("SELECT COUNT(*) FROM activities WHERE state IN ('closed', 'analysis') AND report_days_late > 0"))
    m = re.search(r'/staff/oversight\?show=reports">[^<]*</a>: <strong>\d+</strong> \([^:]*: (\d+)\)', admin.get("/staff/").text)
    t.ok(m is not None and int(m.group(1)) == late, "and the dashboard counts the same late reports (%d)" % late)
finally:
    sql("DELETE FROM holidays WHERE day='%s'" % h)
    sql("UPDATE settings SET value='%s' WHERE name='weekend_days'" % old_weekend)
    for day, ar, en in today_holiday:
        sql("INSERT IGNORE INTO holidays (day, name_ar, name_en) VALUES ('%s', '%s', '%s')" % (day, ar, en))
    sql("UPDATE activities SET state='withdrawn' WHERE id=%s" % act)
    tick()
t.done()
