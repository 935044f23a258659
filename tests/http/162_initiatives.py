"""Citizen initiatives end to end (issue 19): a citizen drafts one with a
co-promoter, bad input refused at its field with everything kept; the
co-promoter confirms through the signed link of the e-mail; the author
submits it, and the entity must decide by its admission working days; a
coordinator cannot admit it (403, nothing changed); a refusal needs a
reason; the liaison officer admits it; supports are one per account (a
double support is stored once), paper supports entered in a batch count
toward the threshold and are shown apart and in the total; reaching the
threshold makes the entity's answer due on the working-day calendar —
the test computes the date itself, with a holiday it adds in between —;
a late answer is counted by the tick and flagged for staff; the answer
and its outcome are published and the promoters and supporters told;
another initiative is refused with its public reason.  The entity's
rules are set through the liaison officer's form and put back."""
import datetime
import os
import re
import sys
import feedparser
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import URL, Client, Tap, mails_to, sql, sql1, tick

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
# Three citizens of this test's own, reading their mails in English (the
# demo password; their own addresses, so no other test's mails count
# toward the outbox's hourly cap per recipient).
RUN = "%d%d" % (os.getpid(), int(datetime.datetime.utcnow().timestamp()))
AUTHOR, PROMOTER, SUPPORTER = ("ini162-%s-%s@sharek.test" % (w, RUN) for w in ("author", "promoter", "supporter"))
for email in (AUTHOR, PROMOTER, SUPPORTER):
    sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, lang, role, created_at, "
        "updated_at) SELECT 'person', '%s', UTC_TIMESTAMP(), password_hash, 'Citizen 162', 'en', 'citizen', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE email='citizen@sharek.test'" % email)
old_rules = sql("SELECT admit_days, support_days, threshold, answer_days FROM initiative_rules "
                "WHERE entity_id=%s" % moh)

# ---- the entity's rules, by its liaison officer -------------------------------------
li = Client(lang="en")
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "the liaison officer signs in")
r, h = li.form("/staff/initiatives", "/staff/initiatives/rules")
t.eq(r.status, 200, "the staff list of initiatives")
r = li.post("/staff/initiatives/rules", dict(h, admit_days="0", support_days="30", threshold="3", answer_days="4"))
t.eq(r.status, 422, "a rule out of bounds is refused")
t.ok('id="e-admit_days"' in r.text and 'value="30"' in r.text, "at its field, the other values kept")
r = li.post("/staff/initiatives/rules", dict(h, admit_days="5", support_days="30", threshold="3", answer_days="4"))
t.eq(r.status, 303, "the rules are saved")
t.eq(sql("SELECT admit_days, support_days, threshold, answer_days FROM initiative_rules WHERE entity_id=%s" % moh),
     [["5", "30", "3", "4"]], "as typed")

# ---- a draft with a co-promoter --------------------------------------------------------
cit = Client(lang="en")
t.eq(cit.login(AUTHOR).status, 303, "a citizen signs in")
r, h = cit.form("/initiatives/new", "/initiatives/new")
t.eq(r.status, 200, "the form of a new initiative")
t.ok('<option value="moh"' in r.text, "the entities to address it to")
bad = dict(h, entity="moh", title="", body="Benches and shade along the corniche walk, 162.",
           ask="Install twenty shaded benches.", category="environment", promoters=PROMOTER + "\nnot-an-address")
r = cit.post("/initiatives/new", bad)
t.eq(r.status, 422, "a title missing and a bad co-promoter address are refused")
t.ok('id="e-title"' in r.text, "the message is at the title")
t.eq(r.text.count('href="#f-title"'), 1, "the error is listed once in the summary")
t.ok("Benches and shade along the corniche walk, 162.</textarea>" in r.text and "not-an-address" in r.text,
     "what was typed is kept")
t.eq(sql1("SELECT COUNT(*) FROM initiatives WHERE body LIKE '%corniche walk, 162%'"), "0", "nothing stored")
r = cit.post("/initiatives/new", dict(bad, title="Shaded benches 162"))
t.eq(r.status, 422, "the bad address alone is refused")
t.ok('id="e-promoters"' in r.text and 'value="Shaded benches 162"' in r.text, "at its field, the title kept")

r = cit.post("/initiatives/new", dict(bad, title="Shaded benches 162", promoters=PROMOTER.upper()))
t.eq(r.status, 303, "the initiative is stored")
iid = sql1("SELECT id FROM initiatives WHERE title='Shaded benches 162'")
t.ok(iid and r.header("Location").endswith("/initiatives/%s" % iid), "to its page")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % iid), "draft", "a draft while the co-promoter is asked")
anon = Client(lang="en")
t.eq(anon.get("/initiatives/%s" % iid).status, 404, "a draft is not public")
t.ok('data-initiative="%s"' % iid in cit.get("/initiatives/%s" % iid).text, "its author sees it")

tick()
mail = (mails_to(PROMOTER) or [""])[-1]
m = re.search(re.escape(URL) + r"/initiatives/%s/confirm\?sig=([0-9a-f]+)" % iid, mail)
t.ok(m is not None, "the co-promoter gets a signed link")
sig = m.group(1) if m else "0" * 64
t.eq(anon.get("/initiatives/%s/confirm?sig=%s" % (iid, "0" * len(sig))).status, 404, "a forged link opens nothing")
r, h = anon.form("/initiatives/%s/confirm?sig=%s" % (iid, sig), "/confirm")
t.eq(r.status, 200, "the link opens the confirmation")
r = anon.post("/initiatives/%s/confirm" % iid, dict(h))
t.eq(r.status, 303, "the co-promoter confirms")
t.eq(sql1("SELECT confirmed_at IS NOT NULL FROM initiative_promoters WHERE initiative_id=%s" % iid), "1",
     "the confirmation is stored")

r, h = cit.form("/initiatives/%s" % iid, "/submit")
t.ok("<bdi>%s</bdi>: confirmed" % PROMOTER in r.text, "the author sees the confirmation")
r = cit.post("/initiatives/%s/submit" % iid, h)
t.eq(r.status, 303, "the author submits it to the entity")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % iid), "pending", "it awaits admission")

# ---- the working-day calendar, as the test reads it ------------------------------------
weekend = {int(d) for d in sql1("SELECT value FROM settings WHERE name='weekend_days'").split(",")}
holidays = {row[0] for row in sql("SELECT day FROM holidays")}


def working(d):
    return (d.isoweekday() % 7) not in weekend and d.isoformat() not in holidays


def add_workdays(start, n):
    d = start
    while n > 0:
        d += datetime.timedelta(days=1)
        if working(d):
            n -= 1
    return d


def local_day(col):
    return sql1("SELECT DATE(%s + INTERVAL 3 HOUR) FROM initiatives WHERE id=%s" % (col, iid))


submitted = datetime.date.fromisoformat(local_day("submitted_at"))
t.eq(local_day("admit_due_at"), add_workdays(submitted, 5).isoformat(),
     "admission due 5 working days after submission")

# ---- admission: only the liaison officer -----------------------------------------------
co = Client(lang="en")
t.eq(co.login("coordinator@moh.sharek.test", prefix="/staff").status, 303, "a coordinator signs in")
r, h = co.form("/staff/initiatives/%s" % iid)
t.eq(r.status, 200, "the coordinator opens it")
t.ok('/staff/initiatives/%s/admit"' % iid not in r.text, "without the admit form")
t.eq(co.post("/staff/initiatives/%s/admit" % iid, h).status, 403, "a coordinator cannot admit")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % iid), "pending", "nothing changed")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='initiative.admit' AND object_id=%s" % iid), "0",
     "nothing audited")

r, h = li.form("/staff/initiatives/%s" % iid, "/refuse")
t.ok('data-initiative="%s"' % iid in li.get("/staff/initiatives").text, "listed for the liaison officer")
r = li.post("/staff/initiatives/%s/refuse" % iid, dict(h, reason=""))
t.eq(r.status, 422, "a refusal without a reason is refused")
t.ok('id="e-reason"' in r.text, "the message is at the reason")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % iid), "pending", "still pending")
r, h = li.form("/staff/initiatives/%s" % iid, "/admit")
t.eq(li.post("/staff/initiatives/%s/admit" % iid, h).status, 303, "the liaison officer admits it")
t.eq(sql("SELECT state, threshold FROM initiatives WHERE id=%s" % iid), [["published", "3"]],
     "collecting supports toward the entity's threshold")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='initiative.admit' AND object_id=%s" % iid), "1",
     "the admission is audited")
t.eq(sql1("SELECT DATEDIFF(supports_close_at, supports_open_at) FROM initiatives WHERE id=%s" % iid), "30",
     "supports for the entity's 30 days")
r = anon.get("/initiatives/%s" % iid)
t.eq(r.status, 200, "now public")
t.ok('data-state="published"' in r.text and 'data-total="0" data-threshold="3"' in r.text,
     "with its progress: 0 of 3")

# ---- supports, online and on paper -------------------------------------------------------
c2 = Client(lang="en")
t.eq(c2.login(SUPPORTER).status, 303, "a second citizen signs in")
r, h = c2.form("/initiatives/%s" % iid, "/support")
t.eq(c2.post("/initiatives/%s/support" % iid, h).status, 303, "a support")
r = c2.get("/initiatives/%s" % iid)
t.ok('/initiatives/%s/support"' % iid not in r.text and 'id="supported"' in r.text,
     "the supporter sees it counted, no second button")
t.eq(c2.post("/initiatives/%s/support" % iid, dict(h, nonce=os.urandom(16).hex())).status, 303,
     "a second support (another form) is answered")
t.eq(sql1("SELECT COUNT(*) FROM initiative_supports WHERE initiative_id=%s" % iid), "1", "and stored once")
t.eq(sql1("SELECT supporters FROM initiatives WHERE id=%s" % iid), "1", "the counter counts it once")

sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
r, h = sup.form("/staff/initiatives/%s" % iid, "/paper")
r = sup.post("/staff/initiatives/%s/paper" % iid, dict(h, batch="Office 162", supports="0"))
t.eq(r.status, 422, "a batch of no signature is refused")
t.ok('id="e-supports"' in r.text and 'value="Office 162"' in r.text, "at its field, the batch name kept")
r = sup.post("/staff/initiatives/%s/paper" % iid, dict(h, batch="Office 162", supports="1"))
t.eq(r.status, 303, "a paper batch is entered")
t.eq(sql("SELECT supporters, paper_supports, state FROM initiatives WHERE id=%s" % iid), [["1", "1", "published"]],
     "counted apart from the online supports, below the threshold")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='initiative.paper' AND object_id=%s" % iid), "1",
     "the batch is audited")
r = anon.get("/initiatives/%s" % iid)
t.ok('data-total="2" data-threshold="3"' in r.text, "the public total counts both")
t.ok(re.search(r"online: 1 · on paper: 1", r.text) is not None, "and shows them apart")

# A holiday on the second working day from today: the answer's due date
# must step over it.
today = (datetime.datetime.utcnow() + datetime.timedelta(hours=3)).date()
hol = add_workdays(today, 2)
sql("INSERT INTO holidays (day, name_ar, name_en) VALUES ('%s', 'عطلة 162', 'Holiday 162')" % hol.isoformat())
holidays.add(hol.isoformat())

c3 = Client(lang="en")
t.eq(c3.login(PROMOTER).status, 303, "a third citizen signs in")
r, h = c3.form("/initiatives/%s" % iid, "/support")
t.eq(c3.post("/initiatives/%s/support" % iid, h).status, 303, "the support that reaches the threshold")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % iid), "threshold", "the threshold is reached")
reached = datetime.date.fromisoformat(local_day("reached_at"))
want = add_workdays(reached, 4)
t.eq(local_day("answer_due_at"), want.isoformat(),
     "the answer is due 4 working days later, over the weekend and the holiday (%s)" % hol)
t.ok(want > add_workdays(today, 3) or reached != today, "the holiday moved the date")
sql("DELETE FROM holidays WHERE day='%s'" % hol.isoformat())
r = anon.get("/initiatives/%s" % iid)
t.ok('id="answer-due"' in r.text, "the due date is public")

# Late: the tick counts the working days late, the staff list flags it.
due = sql1("SELECT answer_due_at FROM initiatives WHERE id=%s" % iid)
sql("UPDATE initiatives SET answer_due_at = UTC_TIMESTAMP() - INTERVAL 10 DAY WHERE id=%s" % iid)
tick()
late = int(sql1("SELECT answer_days_late FROM initiatives WHERE id=%s" % iid))
t.ok(late > 0, "the tick counts the answer late (%d working days)" % late)
r = li.get("/staff/initiatives")
t.ok(re.search(r'data-initiative="%s" data-state="threshold">.*?overdue' % iid, r.text, re.S) is not None,
     "the staff list flags it overdue")
# … and so do the liaison officer's inbox and the compliance report, in
# both languages (the staff pages are in Arabic first), with the working
# days late.
TITLE = "Shaded benches 162"
late_item = re.compile(r'<li data-initiative="%s"><a href="/staff/initiatives/%s"><bdi>([^<]*)</bdi></a>(.*?)</li>'
                       % (iid, iid), re.S)
li.get("/staff/lang/ar?next=/staff/inbox")
r = li.get("/staff/inbox")
m = late_item.search(r.text)
t.ok(r.status == 200 and "ردود متأخرة على مبادرات المواطنين" in r.text and m is not None, "the inbox lists the overdue answer")
t.ok(m is not None and m.group(1) == TITLE and ("متأخر %d أيام عمل" % late) in m.group(2) and "overdue" in m.group(2),
     "by its title, overdue, %d working days late" % late, m.group(0) if m else r.text[-1500:])
day = (datetime.datetime.utcnow() + datetime.timedelta(hours=3)).date()
period = "from=%s&to=%s" % ((day - datetime.timedelta(days=30)).isoformat(), day.isoformat())
fig = r'<tr data-code="initiative_answers_late"><th scope="row"><a href="#g-initiative_answers_late">([^<]*)</a></th><td><a href="([^"]+)">(\d+)</a>'
r = li.get("/staff/compliance?" + period)
m = re.search(fig, r.text)
t.ok(r.status == 200 and m is not None and m.group(1) == "الردود المتأخرة على مبادرات المواطنين" and int(m.group(3)) >= 1,
     "the compliance report counts it among the late duties", m.group(0) if m else "")
li.get("/staff/lang/en?next=/staff/")
r = li.get("/staff/inbox")
m = late_item.search(r.text)
t.ok("Initiative answers overdue" in r.text and m is not None and ("%d working days late" % late) in m.group(2),
     "in English too", m.group(0) if m else "")
r = li.get("/staff/compliance?" + period)
m = re.search(fig, r.text)
t.ok(m is not None and m.group(1) == "Initiative answers late" and 'id="g-initiative_answers_late"' in r.text,
     "the report in English, with the figure in its glossary")
r = li.get(m.group(2).replace("&amp;", "&") if m else "/staff/compliance/list?figure=initiative_answers_late&" + period)
t.eq(r.status, 200, "its list opens")
m = re.search(r'<a href="/staff/initiatives/%s"><bdi>([^<]*)</bdi></a>(.*?)</li>' % iid, r.text, re.S)
t.ok(m is not None and m.group(1) == TITLE and ("still not answered, %d working days late" % late) in m.group(2),
     "naming the initiative, still not answered, %d working days late" % late, m.group(0) if m else "")
li.get("/staff/lang/ar?next=/staff/")
sql("UPDATE initiatives SET answer_due_at = '%s', answer_days_late = 0 WHERE id=%s" % (due, iid))
r = li.get("/staff/inbox")
t.ok(r.status == 200 and late_item.search(r.text) is None, "within its due date, the inbox does not list it")

# ---- the answer ----------------------------------------------------------------------------
r, h = li.form("/staff/initiatives/%s" % iid, "/answer")
r = li.post("/staff/initiatives/%s/answer" % iid, dict(h, outcome="partly", reply_ar="", reply_en="We will do half."))
t.eq(r.status, 422, "an answer without its Arabic text is refused")
t.ok('id="e-reply_ar"' in r.text and "We will do half.</textarea>" in r.text, "at its field, the English kept")
r = li.post("/staff/initiatives/%s/answer" % iid, dict(h, outcome="partly", reply_ar="سنركب عشرة مقاعد مظللة هذا العام.",
                                                    reply_en="We will install ten shaded benches this year."))
t.eq(r.status, 303, "the liaison officer publishes the answer")
t.eq(sql("SELECT state, outcome FROM initiatives WHERE id=%s" % iid), [["answered", "partly"]], "answered")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='initiative.answer' AND object_id=%s" % iid), "1",
     "the answer is audited")
r = anon.get("/initiatives/%s" % iid)
t.ok("We will install ten shaded benches this year." in r.text and "Partly adopted" in r.text,
     "the answer and its outcome are published")
tick()
for who in (AUTHOR, PROMOTER, SUPPORTER):
    got = [x for x in mails_to(who) if "/initiatives/%s" % iid in x and "published its answer" in x]
    t.ok(got, "%s is told of the answer" % who)
t.ok(any("reached its threshold" in x for x in mails_to(AUTHOR) if "/initiatives/%s" % iid in x),
     "the author was told the threshold was reached")

# ---- the list, its filters and the feed ------------------------------------------------------
r = anon.get("/initiatives?entity=moh&state=answered")
t.ok('data-initiative="%s"' % iid in r.text, "listed under its entity and state")
t.ok('data-initiative="%s"' % iid not in anon.get("/initiatives?state=published").text, "not under another state")
t.ok('href="/feeds/initiatives.atom"' in r.text, "the list announces its feed")
f = feedparser.parse(anon.get("/feeds/initiatives.atom").text)
t.ok(not f.bozo and any(e.link.endswith("/initiatives/%s" % iid) for e in f.entries), "the Atom feed has it")

# ---- a refusal, with its public reason ------------------------------------------------------
r, h = cit.form("/initiatives/new", "/initiatives/new")
r = cit.post("/initiatives/new", dict(h, entity="moh", title="Refused 162", category="health",
                                      body="A proposal the entity will refuse, 162.", ask="Something out of its remit."))
t.eq(r.status, 303, "a second initiative, without co-promoters")
rid = sql1("SELECT id FROM initiatives WHERE title='Refused 162'")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % rid), "pending", "submitted at once")
r, h = li.form("/staff/initiatives/%s" % rid, "/refuse")
t.eq(li.post("/staff/initiatives/%s/refuse" % rid, dict(h, reason="Outside the remit of this ministry, 162.")).status, 303,
     "refused with a reason")
t.eq(sql1("SELECT state FROM initiatives WHERE id=%s" % rid), "rejected", "not admitted")
t.ok("Outside the remit of this ministry, 162." in anon.get("/initiatives/%s" % rid).text, "the reason is public")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='initiative.refuse' AND object_id=%s" % rid), "1",
     "the refusal is audited")
tick()
t.ok(any("was not admitted" in x and "this ministry, 162" in x for x in mails_to(AUTHOR)),
     "the author is told, with the reason")

# ---- clean up ---------------------------------------------------------------------------------
for i in (iid, rid):
    for tbl in ("initiative_supports", "initiative_promoters", "initiative_paper_batches"):
        sql("DELETE FROM %s WHERE initiative_id=%s" % (tbl, i))
    sql("DELETE FROM initiatives WHERE id=%s" % i)
if old_rules:
    sql("UPDATE initiative_rules SET admit_days=%s, support_days=%s, threshold=%s, answer_days=%s WHERE entity_id=%s"
        % tuple(old_rules[0] + [moh]))
else:
    sql("DELETE FROM initiative_rules WHERE entity_id=%s" % moh)
t.done()
