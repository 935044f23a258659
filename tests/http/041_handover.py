"""The alternate liaison officer takes over (issue 10; Tawasul art. 6-ب):
a final approval, a report's publication and an inter-agency response
that have waited on an entity's primary liaison officer for 2 working
days pass, at `sharekctl tick`, to the alternate: it appears on the
alternate's dashboard, the alternate gets an e-mail saying what passed,
the activity's history and the audit log record the hand-over; a fresh
wait does not pass, and a second tick hands nothing over twice."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to

t = Tap()
PRIMARY, ALTERNATE = "primary@hov.example.org", "alternate@hov.example.org"

# An entity of its own with its two liaison officers (signing in with the
# demo password), so no other test's items wait on them.
sql("INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, active, created_at, updated_at) "
    "VALUES ('authority', 'هيئة التسليم', 'Hand-over Authority', 'hov', 0, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())")
ent = sql1("SELECT id FROM entities WHERE slug='hov'")
for email, name, lang in ((PRIMARY, "رنا الأساسية", "ar"), (ALTERNATE, "Sam Alternate", "en")):
    sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, mobile, lang, role, "
        "entity_id, active, created_at, updated_at) SELECT 'staff', '%s', UTC_TIMESTAMP(), password_hash, "
        "'%s', '+962790000041', '%s', 'liaison', %s, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users "
        "WHERE email='liaison@moh.sharek.test'" % (email, name, lang, ent))
pid = sql1("SELECT id FROM users WHERE email='%s'" % PRIMARY)
aid = sql1("SELECT id FROM users WHERE email='%s'" % ALTERNATE)
sql("UPDATE entities SET liaison_user_id=%s, alternate_user_id=%s WHERE id=%s" % (pid, aid, ent))
# The author of its activities, of its own too: the returns below mail
# the author, and the outbox takes 10 messages an hour per recipient.
sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, mobile, lang, role, "
    "entity_id, active, created_at, updated_at) SELECT 'staff', 'author@hov.example.org', UTC_TIMESTAMP(), "
    "password_hash, 'كاتب التسليم', '+962790000042', 'ar', 'supervisor', %s, 1, UTC_TIMESTAMP(), "
    "UTC_TIMESTAMP() FROM users WHERE email='supervisor@moh.sharek.test'" % ent)
author = sql1("SELECT id FROM users WHERE email='author@hov.example.org'")


def activity(title, state, audience="public", entity=ent):
    sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, "
        "publish_at, closes_at, original_closes_at, created_at, updated_at) VALUES ('consultation', %s, %s, "
        "'%s', '%s', '%s', '%s', UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 60 DAY, "
        "UTC_TIMESTAMP() + INTERVAL 60 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (entity, author, audience, state, title + " ع", title))
    i = sql1("SELECT MAX(id) FROM activities WHERE title_en='%s'" % title)
    frm = {"approved": "submitted", "report_approved": "report_submitted", "open": "scheduled"}[state]
    sql("INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state) "
        "VALUES (%s, UTC_TIMESTAMP(), NULL, 'system', '%s', '%s')" % (i, frm, state))
    return i


def age(i, days):
    """Moves the activity's wait back by days."""
    sql("UPDATE workflow_events SET at = at - INTERVAL %d DAY WHERE activity_id=%s" % (days, i))
    sql("UPDATE activities SET updated_at = updated_at - INTERVAL %d DAY WHERE id=%s" % (days, i))


old = activity("Handover approval", "approved")
rep = activity("Handover report", "report_approved")
fresh = activity("Handover fresh", "approved")
moe = sql1("SELECT id FROM entities WHERE slug='moe'")
ia = activity("Handover interagency", "open", "interagency", moe)
sql("INSERT INTO activity_targets (activity_id, entity_id) VALUES (%s, %s)" % (ia, ent))
for i in (old, rep, ia):
    age(i, 10)   # 10 calendar days: more than 2 working days whatever the weekend

alt = Client(lang="en")
t.eq(alt.login(ALTERNATE, prefix="/staff").status, 303, "the alternate liaison officer signs in")
alt.get("/staff/lang/en?next=/staff/")
r = alt.get("/staff/")
t.ok("Handover approval" not in r.text and "Handover interagency" not in r.text,
     "before the hand-over, the alternate's dashboard does not list what waits on the primary")
pri = Client(lang="en")
t.eq(pri.login(PRIMARY, prefix="/staff").status, 303, "the primary signs in")
pri.get("/staff/lang/en?next=/staff/")
r = pri.get("/staff/")
t.ok("Handover approval" in r.text and "Handover report" in r.text, "the primary's dashboard lists the waits")

# QA finding 4: before the hand-over the alternate may not act on what
# waits on the primary (409/403 with the reason, in their language).
NOT_YET = "The primary liaison officer has 2 working days to act on this first"


def step(c, page, action, fields):
    """Posts a step the page may not offer (its button hidden): the
    session's CSRF token from the sign-out form."""
    _, h = c.form(page, "/logout")
    d = {"csrf": h.get("csrf", "")}
    d.update(fields)
    return c.post(action, d)


r = alt.get("/staff/activities/%s" % old)
t.ok(NOT_YET in r.text, "the alternate's page of the approval says it waits on the primary")
t.ok('value="approve"' not in r.text, "and offers no approval button")
for i, what in ((old, "a final approval"), (fresh, "a fresh approval")):
    page = "/staff/activities/%s" % i
    r = step(alt, page, page + "/workflow", {"event": "approve"})
    t.eq(r.status, 409, "the alternate cannot give %s before the hand-over" % what)
    t.ok(NOT_YET in r.text, "and is told why", r.text[:300])
    t.eq(sql1("SELECT state FROM activities WHERE id=%s" % i), "approved", "the state is unchanged")
sql("INSERT INTO reports (activity_id, state, summary_ar, summary_en, created_at, updated_at) VALUES "
    "(%s, 'reviewed', 'ملخص التقرير', 'The report', UTC_TIMESTAMP(), UTC_TIMESTAMP())" % rep)
page = "/staff/activities/%s/report" % rep
r = step(alt, page, page + "/workflow", {"event": "publish"})
t.eq(r.status, 409, "nor publish the report before the hand-over")
t.ok(NOT_YET in r.text, "and is told why")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % rep), "report_approved", "the report stays approved")
page = "/staff/inbox/%s" % ia
r = alt.get(page)
t.ok(r.status == 200 and NOT_YET in r.text and 'name="body"' not in r.text,
     "the inbox item says the response waits on the primary, without the form")
r = step(alt, page, page, {"body": "رد الجهة على الاستشارة بين الجهات قبل التسليم"})
t.eq(r.status, 403, "nor send the inter-agency response before the hand-over")
t.ok(NOT_YET in r.text and "رد الجهة على الاستشارة" in r.text, "told why, the text kept")
t.eq(sql1("SELECT COUNT(*) FROM agency_responses WHERE activity_id=%s" % ia), "0", "nothing stored")
ar = Client()
ar.login(ALTERNATE, prefix="/staff")
ar.get("/staff/lang/ar?next=/staff/")
page = "/staff/activities/%s" % fresh
r = step(ar, page, page + "/workflow", {"event": "return", "reason": "سبب الإعادة"})
t.eq(r.status, 409, "nor return it")
t.ok("لضابط الارتباط الرئيسي يوما عمل" in r.text, "the reason in Arabic for an Arabic reader")

mails_before = len(mails_to(ALTERNATE))
p = tick()
t.eq(p.returncode, 0, "sharekctl tick runs")
t.ok("handed over" in p.stdout, "and says it handed waits over", p.stdout + p.stderr)

r = alt.get("/staff/")
t.ok("Handover approval" in r.text, "the approval now shows on the alternate's dashboard")
t.ok("Handover report" in r.text, "so does the report to publish")
t.ok("Handover interagency" in r.text, "and the inter-agency response")
t.ok("Passed to you as alternate liaison officer" in r.text, "marked as passed to them")
t.ok("Handover fresh" not in r.text, "a wait of less than 2 working days stays with the primary")

m = mails_to(ALTERNATE)[mails_before:]
t.eq(len(m), 3, "the alternate got one e-mail per hand-over")
t.ok(any("Handover approval" in x and "/staff/activities/%s" % old in x for x in m),
     "the e-mail names the activity and links to it")
t.ok(any("approval has passed to you" in x for x in m), "its subject says what happened")
t.eq(sql1("SELECT COUNT(*) FROM liaison_handovers WHERE to_user_id=%s" % aid), "3", "three hand-overs recorded")
t.eq(sql1("SELECT COUNT(*) FROM workflow_events WHERE activity_id=%s AND role='system' AND from_state='approved' "
          "AND to_state='approved' AND reason LIKE '%%alternate%%'" % old), "1",
     "the hand-over is on the activity's history")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='activity.handover' AND object_type='activity' "
          "AND object_id IN (%s, %s, %s)" % (old, rep, ia)), "3", "and in the audit log")
r = alt.get("/staff/activities/%s" % old)
t.ok(r.status == 200 and "alternate liaison officer" in r.text, "the history shows it on the activity page")

p = tick()
t.eq(sql1("SELECT COUNT(*) FROM liaison_handovers WHERE to_user_id=%s" % aid), "3", "a second tick hands nothing over twice")
t.eq(len(mails_to(ALTERNATE)) - mails_before, 3, "nor mails twice")
# The hand-over's own history row (approved → approved) begins no new
# wait: days later the same wait does not pass again.
for i in (old, rep, ia):
    sql("UPDATE workflow_events SET at = at - INTERVAL 5 DAY WHERE activity_id=%s AND role='system' "
        "AND from_state = to_state" % i)
p = tick()
t.eq(sql1("SELECT COUNT(*) FROM liaison_handovers WHERE to_user_id=%s" % aid), "3",
     "5 days after the hand-over the same waits are not handed over again")
t.eq(len(mails_to(ALTERNATE)) - mails_before, 3, "nor mailed again")

# Once handed over, the alternate acts; what was not handed over still waits.
page = "/staff/inbox/%s" % ia
r = alt.submit(page, page, {"body": "رد الجهة على الاستشارة بين الجهات بعد التسليم"})
t.eq(r.status, 303, "after the hand-over the alternate sends the inter-agency response")
page = "/staff/activities/%s/report" % rep
r = alt.submit(page, page + "/workflow", {"event": "return", "reason": "needs a table"})
t.eq(r.status, 303, "and acts on the report handed over")
page = "/staff/activities/%s" % old
t.ok('value="approve"' in alt.get(page).text, "the approval handed over is offered to the alternate")
r = alt.submit(page, page + "/workflow", {"event": "return", "reason": "needs the annex"})
t.eq(r.status, 303, "and on the approval handed over")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % old), "returned", "which is returned")
page = "/staff/activities/%s" % fresh
t.eq(step(alt, page, page + "/workflow", {"event": "approve"}).status, 409, "the fresh wait is still the primary's")
sql("DELETE FROM agency_responses WHERE activity_id=%s AND entity_id=%s" % (ia, ent))

# Without an active primary the alternate acts at once, and sees it.
sql("UPDATE users SET active=0 WHERE id=%s" % pid)
t.ok("Handover fresh" in alt.get("/staff/").text, "without an active primary the fresh wait is the alternate's")
page = "/staff/activities/%s" % fresh
r = alt.submit(page, page + "/workflow", {"event": "return", "reason": "the primary is away"})
t.eq(r.status, 303, "and the alternate acts on it at once")
sql("UPDATE users SET active=1 WHERE id=%s" % pid)

# Once the entity responded, the inter-agency item leaves the dashboard.
sql("INSERT INTO agency_responses (activity_id, entity_id, body, submitted_by, submitted_at) "
    "VALUES (%s, %s, 'رد', %s, UTC_TIMESTAMP())" % (ia, ent, aid))
t.ok("Handover interagency" not in alt.get("/staff/").text, "an answered response leaves the alternate's dashboard")
t.done()
