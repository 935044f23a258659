"""Corrections of an open consultation are reviewed (issue 9, item 2;
Tawasul art. 7-ز, 8-د): a supervisor's or coordinator's change of the
title, summary, objectives or announcements of an open consultation is a
pending version; the public page, the feeds and the search keep the
published text until the entity's liaison officer approves it from the
activity's staff page.  The liaison officer is told of the correction and
the author of the decision, each by e-mail in their own language; a
rejection needs a reason; a new correction replaces one still pending;
a correction cannot be decided twice, nor after the consultation closed;
only the liaison officer of the entity decides."""
import sys
import urllib.parse
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()


def last_outbox():
    return int(sql1("SELECT COALESCE(MAX(id), 0) FROM outbox"))


def post(c, path, fields):
    """A POST with the client's CSRF token (taken from the sign-out form),
    for a form the page does not offer him."""
    data = {"csrf": c.form("/staff/", "/logout")[1].get("csrf", "")}
    data.update(fields)
    return c.post(path, data)


def mails(after, to, like):
    return int(sql1("SELECT COUNT(*) FROM outbox WHERE id > %d AND recipient='%s' AND body LIKE '%%%s%%'"
                    % (after, to, like)))


moh = sql1("SELECT id FROM entities WHERE slug='moh'")
sup_id = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
# The liaison officer reads English, the supervisor Arabic.
sql("UPDATE users SET lang='en' WHERE email='liaison@moh.sharek.test'")
sql("UPDATE users SET lang='ar' WHERE email='supervisor@moh.sharek.test'")

OLD = {"title_ar": "مسودة تعليمات ترخيص الصيدليات للاختبار 064",
       "title_en": "Draft pharmacy licensing instructions (test 064)",
       "summary_ar": "ملخص منشور أصلي.", "summary_en": "The published summary.",
       "objectives_ar": "أهداف منشورة.", "objectives_en": "Published objectives.",
       "announcements_ar": "إعلان منشور.", "announcements_en": "Published announcement."}
cols = ", ".join(OLD)
vals = ", ".join("'%s'" % v for v in OLD.values())
sql("INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, %s, doc_kind, "
    "publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, version, "
    "created_at, updated_at) VALUES ('consultation', %s, %s, 'public', 0, 'open', %s, 'articles', "
    "UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 80 DAY, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (cols, moh, sup_id, vals))
aid = sql1("SELECT MAX(id) FROM activities WHERE title_en='%s'" % OLD["title_en"])
sql("INSERT INTO activity_sectors (activity_id, sector_id) VALUES (%s, 1)" % aid)
# The published text is what the search index holds.
sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
coord = Client()
coord.login("coordinator@moh.sharek.test", prefix="/staff")
liaison = Client()
t.eq(liaison.login("liaison@moh.sharek.test", prefix="/staff").status, 303,
     "the liaison officer signs in")
liaison.get("/staff/lang/en?next=/staff/")
other_li = Client()
other_li.login("liaison@moe.sharek.test", prefix="/staff")

page = "/staff/activities/%s" % aid
edit = page + "/edit"
public = "/consultations/%s" % aid
NEW = {"title_ar": "مسودة تعليمات ترخيص الصيدليات المعدلة للاختبار 064",
       "title_en": "Corrected pharmacy licensing instructions (test 064)",
       "summary_ar": "ملخص مصحح يذكر الزعفران.", "summary_en": "A corrected summary naming saffron.",
       "objectives_ar": "أهداف مصححة.", "objectives_en": "Corrected objectives.",
       "announcements_ar": "إعلان مصحح.", "announcements_en": "Corrected announcement."}
REASON = "تصحيح خطأ في الملخص"

# ---- a correction is proposed: nothing public changes -------------------------
r = sup.get(edit)
t.eq(r.status, 200, "the author opens the correction form of the open consultation")
t.ok(OLD["summary_en"] in r.text, "holding the published text")
out0 = last_outbox()
r = sup.submit(edit, edit, dict(NEW, audience="public"))
t.eq(r.status, 422, "a correction needs its reason")
t.ok(NEW["summary_en"] in r.text, "and the text typed is kept")
r = sup.submit(edit, edit, dict(NEW, audience="public", reason=REASON))
t.eq(r.status, 303, "with a reason the correction is taken")
t.eq(sql("SELECT title_en, summary_en, announcements_en, version FROM activities WHERE id=%s" % aid),
     [[OLD["title_en"], OLD["summary_en"], OLD["announcements_en"], "1"]],
     "the consultation keeps its published texts and version")
t.eq(sql("SELECT status, version IS NULL, reason, title_en, summary_en FROM activity_versions "
         "WHERE activity_id=%s" % aid),
     [["pending", "1", REASON, NEW["title_en"], NEW["summary_en"]]],
     "the correction is a pending version (no number yet) with its texts")
r = Client().get(public)
t.eq(r.status, 200, "the public page opens")
t.ok(OLD["title_ar"] in r.text and OLD["summary_ar"] in r.text and OLD["announcements_ar"] in r.text,
     "showing the published text")
t.ok(NEW["summary_ar"] not in r.text and REASON not in r.text and "الزعفران" not in r.text,
     "and nothing of the correction, nor its reason")
r = Client(lang="en").get(public)
t.ok(OLD["summary_en"] in r.text and NEW["summary_en"] not in r.text, "in English too")
r = Client().get("/consultations?q=" + urllib.parse.quote("الزعفران"))
t.ok("/consultations/%s\"" % aid not in r.text, "the search does not find the unpublished word")
t.eq(mails(out0, "liaison@moh.sharek.test", "/staff/activities/%s" % aid), 1,
     "the liaison officer is told, with the link")
t.eq(mails(out0, "liaison@moh.sharek.test", "awaits your approval"), 1, "in English, his language")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='activity.correction' AND object_id=%s" % aid), "1",
     "the proposal is audited")

r = sup.get(page)
t.ok("awaits" in r.text or "بانتظار" in r.text, "the author's page says the correction awaits approval")
t.ok('/corrections/' not in r.text, "without a decision form for him")
r = liaison.get(page)
t.ok(r.status == 200 and NEW["summary_en"] in r.text and REASON in r.text,
     "the liaison officer sees the proposed text and its reason")
t.ok(OLD["summary_en"] in r.text, "beside the published one")
vid = sql1("SELECT id FROM activity_versions WHERE activity_id=%s AND status='pending'" % aid)
decide = page + "/corrections/%s" % vid
t.ok('action="%s"' % decide in r.text, "with the forms to approve or reject it")

# ---- who may decide ------------------------------------------------------------
t.eq(post(sup, decide, {"decision": "approve"}).status, 403, "the supervisor cannot approve")
t.eq(post(coord, decide, {"decision": "approve"}).status, 403, "nor the coordinator")
t.eq(post(other_li, decide, {"decision": "approve"}).status, 404,
     "another entity's liaison officer does not even see it")
t.eq(sql1("SELECT status FROM activity_versions WHERE id=%s" % vid), "pending", "still pending")

# ---- a rejection needs a reason, and tells the author --------------------------
r = liaison.submit(page, decide, {"decision": "reject"})
t.eq(r.status, 422, "a rejection without a reason is refused")
t.ok("reason" in r.text.lower(), "saying a reason is needed, in English")
out1 = last_outbox()
NOTE = "The summary must keep the licensing fees."
r = liaison.submit(page, decide, {"decision": "reject", "decision_reason": NOTE})
t.eq(r.status, 303, "the liaison officer rejects it with a reason")
t.eq(sql("SELECT status, version IS NULL, decision_reason FROM activity_versions WHERE id=%s" % vid),
     [["rejected", "1", NOTE]], "recorded as rejected, with the reason")
t.eq(sql1("SELECT summary_en FROM activities WHERE id=%s" % aid), OLD["summary_en"], "nothing published")
t.eq(mails(out1, "supervisor@moh.sharek.test", NOTE), 1, "the author is told why")
t.eq(mails(out1, "supervisor@moh.sharek.test", "لم يُعتمد"), 1, "in Arabic, her language")
t.ok(NOTE in sup.get(page).text, "and sees it on the page")
r = post(liaison, decide, {"decision": "approve"})
t.eq(r.status, 409, "a decided correction cannot be approved afterwards")
t.ok("decided already" in r.text, "saying so")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='activity.correction.reject' AND object_id=%s"
          % aid), "1", "the rejection is audited")

# ---- a new correction replaces one still pending -------------------------------
r = sup.submit(edit, edit, dict(NEW, audience="public", summary_en="A first try.", reason="محاولة أولى"))
t.eq(r.status, 303, "a new correction")
r = sup.get(edit)
t.ok("A first try." in r.text, "the form starts from the pending correction")
r = sup.submit(edit, edit, dict(NEW, audience="public", reason=REASON))
t.eq(r.status, 303, "and another one")
t.eq(sql("SELECT status, summary_en FROM activity_versions WHERE activity_id=%s ORDER BY id" % aid),
     [["rejected", NEW["summary_en"]], ["superseded", "A first try."], ["pending", NEW["summary_en"]]],
     "the one still pending gives way to the new one")
vid = sql1("SELECT id FROM activity_versions WHERE activity_id=%s AND status='pending'" % aid)
decide = page + "/corrections/%s" % vid
old = page + "/corrections/%s" % sql1("SELECT id FROM activity_versions WHERE activity_id=%s AND "
                                      "status='superseded'" % aid)
t.eq(post(liaison, old, {"decision": "approve"}).status, 409, "a replaced one cannot be approved")
t.eq(post(liaison, page + "/corrections/999999999", {"decision": "approve"}).status, 404,
     "a correction that does not exist is not found")

# ---- approval publishes it as the next version ----------------------------------
out2 = last_outbox()
r = liaison.submit(page, decide, {"decision": "approve"})
t.eq(r.status, 303, "the liaison officer approves it")
t.eq(sql("SELECT title_en, summary_en, objectives_en, announcements_en, version FROM activities "
         "WHERE id=%s" % aid),
     [[NEW["title_en"], NEW["summary_en"], NEW["objectives_en"], NEW["announcements_en"], "2"]],
     "its texts are now the consultation's, as version 2")
t.eq(sql("SELECT status, version, decided_by IS NOT NULL FROM activity_versions WHERE id=%s" % vid),
     [["approved", "2", "1"]], "the version is numbered and its decision recorded")
r = Client().get(public)
t.ok(NEW["title_ar"] in r.text and NEW["summary_ar"] in r.text and NEW["announcements_ar"] in r.text,
     "the public page shows the corrected text")
t.ok(REASON in r.text, "with the reason of the correction")
t.ok("محاولة أولى" not in r.text and NOTE not in r.text, "but nothing of the refused or replaced ones")
r = Client().get("/consultations?q=" + urllib.parse.quote("الزعفران"))
t.ok("/consultations/%s\"" % aid in r.text, "the search finds the published word now")
t.eq(mails(out2, "supervisor@moh.sharek.test", "/staff/activities/%s" % aid), 1,
     "the author is told of the approval")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='activity.version' AND object_id=%s" % aid), "1",
     "the approval is audited")
t.eq(post(liaison, decide, {"decision": "reject", "decision_reason": "late"}).status, 409,
     "an approved correction cannot be rejected afterwards")

# ---- not after the consultation closed -----------------------------------------
r = sup.submit(edit, edit, dict(NEW, audience="public", summary_en="Too late.", reason="متأخر"))
t.eq(r.status, 303, "a last correction")
vid = sql1("SELECT id FROM activity_versions WHERE activity_id=%s AND status='pending'" % aid)
sql("UPDATE activities SET state='closed' WHERE id=%s" % aid)
r = post(liaison, page + "/corrections/%s" % vid, {"decision": "approve"})
t.eq(r.status, 409, "cannot be approved once the consultation closed")
t.ok("no longer open" in r.text, "saying so")
t.eq(sql1("SELECT summary_en FROM activities WHERE id=%s" % aid), NEW["summary_en"], "nothing changed")
sql("UPDATE users SET lang='ar' WHERE email='liaison@moh.sharek.test'")
# Open again with its correction pending, so that 095_html checks the
# page with the decision forms too.
sql("UPDATE activities SET state='open' WHERE id=%s" % aid)
r = liaison.get(page)
t.ok(r.status == 200 and "/corrections/%s" % vid in r.text, "the pending correction on the page")
sys.exit(t.done())
