"""Issue 11, the whole journey of an analysis report (Tawasul art. 9-ج/د,
8-و): a consultation closes and enters analysis; the supervisor gives the
entity's position on one comment, on a selection (bulk), on a group of
identical comments and on a group of near-identical ones (answered once
for all); the report and the final document (an article changed, one
removed, one added); a return with a reason; the coordinator's and the
liaison officer's approvals; publication.  Then the public results: the
statistics equal what this test counts from what it submitted, the
difference view shows exactly the articles that changed, and every
commenter's e-mail is in the outbox exactly once with the positions on
that person's own comments."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick

t = Tap()
ent = sql1("SELECT id FROM entities WHERE slug='moh'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")

# A public consultation of the Ministry of Health, open, with three articles.
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, "
    "summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, "
    "final_publication_at, created_at, updated_at) VALUES ('consultation', %s, %s, 'public', 'open', "
    "'مسودة نظام التحليل 100', 'Analysis draft 100', 'ملخص', 'Summary', 'هدف أول\nهدف ثان', "
    "'First aim\nSecond aim', UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() + INTERVAL 1 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 20 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (ent, author))
act = sql1("SELECT id FROM activities WHERE title_en='Analysis draft 100'")
arts = []
for pos, (ar, en) in enumerate([("تنشر الوزارة المعايير قبل النفاذ بتسعين يوما.", "The Ministry publishes the standards ninety days ahead."),
                                ("تفرض غرامة على كل مخالفة.", "A fine is imposed on every breach."),
                                ("يعمل بهذا النظام من تاريخ نشره.", "This regulation applies from its publication.")], 1):
    sql("INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) "
        "VALUES (%s, %d, 'المادة %d', 'عنوان %d', 'Heading %d', '%s', '%s')" % (act, pos, pos, pos, pos, ar, en))
    arts.append(sql1("SELECT id FROM articles WHERE activity_id=%s AND position=%d" % (act, pos)))
page = "/consultations/%s" % act

# Commenters: people in Arabic and English, and an organisation.
people = [("a100@sharek.test", "person", "ar"), ("b100@sharek.test", "person", "en"),
          ("c100@sharek.test", "person", "ar"), ("d100@sharek.test", "person", "ar"),
          ("e100@sharek.test", "person", "en"), ("org100@sharek.test", "organisation", "ar")]
for email, kind, lang in people:
    sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, org_name, lang, role, "
        "active, created_at, updated_at) SELECT '%s', '%s', UTC_TIMESTAMP(), password_hash, 'مشارك %s', %s, "
        "'%s', 'citizen', 1, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE email='citizen@sharek.test'"
        % (kind, email, email[:4], "'جمعية الاختبار'" if kind == "organisation" else "NULL", lang))

template = ("نطالب الوزارة بتمديد مهلة التسعين يوما إلى مئة وثمانين يوما للعيادات الصغيرة في المحافظات "
            "لأن تجهيزها يحتاج وقتا أطول وكلفة أعلى من المستشفيات الكبيرة في عمان والزرقاء واربد")
submitted = [
    # (who, article index or None, text)
    ("a100@sharek.test", 0, "اقترح نشر المعايير على الموقع الالكتروني قبل النفاذ بوقت كاف."),
    ("b100@sharek.test", 1, "الغرامة يجب ان تتدرج حسب حجم المخالفة!!"),
    ("c100@sharek.test", 1, "  الغرامة  يجب أن تتدرج، حسب حجم المخالفة.  "),      # identical after normalisation
    ("d100@sharek.test", 0, template),
    ("e100@sharek.test", 0, template.replace("الصغيرة", "الصغرى")),              # one word changed
    ("org100@sharek.test", None, "نرحب بالمسودة ونقترح اشراك النقابات في اللجان."),
    ("a100@sharek.test", 2, "تعليق مسيء لا يلتزم بالمبادئ"),                     # will be rejected
]
cids = []
for email, art, text in submitted:
    c = Client()
    c.login(email)
    r = c.submit(page, page + "/comments", {"body": text, "article": arts[art] if art is not None else 0})
    t.eq(r.status, 303, "%s comments" % email)
    cids.append(sql1("SELECT MAX(id) FROM comments WHERE activity_id=%s" % act))

groups = sql("SELECT id, group_id, IFNULL(group_kind, '') FROM comments WHERE activity_id=%s ORDER BY id" % act)
g = {row[0]: (row[1], row[2]) for row in groups}
t.eq(g[cids[2]], (cids[1], "exact"), "the same text after normalisation joins the first one's group (exact)")
t.eq(g[cids[4]], (cids[3], "near"), "a template with one word changed joins its group (near)")
t.ok(all(g[c][0] == c for c in (cids[0], cids[1], cids[3], cids[5], cids[6])), "the others are groups of their own")
t.ok(int(sql1("SELECT COUNT(*) FROM comment_bands WHERE comment_id=%s" % cids[0])) == 20,
     "each comment's 20 band keys are stored with it")

# Moderation: six published, the offensive one not.
sup = Client()
sup.login("supervisor@moh.sharek.test", prefix="/staff")
_, hidden = sup.form("/staff/moderation", "/staff/moderation")
r = sup.post("/staff/moderation", {"csrf": hidden["csrf"], "ids": cids[:6], "action": "publish"})
t.eq(r.status, 303, "six comments are published")
reason = sql1("SELECT id FROM moderation_reasons WHERE active=1 ORDER BY id LIMIT 1")
_, hidden = sup.form("/staff/moderation", "/staff/moderation")
sup.post("/staff/moderation", {"csrf": hidden["csrf"], "ids": cids[6], "action": "reject", "reason": reason})
t.eq(sql1("SELECT status FROM comments WHERE id=%s" % cids[6]), "rejected", "one is not published")

# Closing: the tick closes it and the analysis starts.
sql("UPDATE activities SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % act)
tick()
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "analysis", "once closed it enters analysis")
t.eq(sql1("SELECT COUNT(*) FROM workflow_events WHERE activity_id=%s AND to_state='analysis' AND role='system'" % act),
     "1", "recorded as the system's step")
rep = sql1("SELECT id FROM reports WHERE activity_id=%s" % act)
t.ok(rep is not None, "its report is made")
t.eq(sql1("SELECT COUNT(*) FROM report_articles WHERE report_id=%s" % rep), "3",
     "the final document starts as a copy of the three articles")
t.eq(sql1("SELECT GROUP_CONCAT(kind ORDER BY kind) FROM report_topics WHERE report_id=%s" % rep),
     "article,article,article,objective,objective", "themes: the articles and each line of the objectives")
t.ok(sql1("SELECT report_due_at IS NOT NULL FROM activities WHERE id=%s" % act) == "1",
     "the report's deadline is set")

ws = "/staff/activities/%s/analysis" % act
r = sup.get(ws)
t.eq(r.status, 200, "the supervisor opens the analysis workspace")
t.ok('id="g%s"' % cids[1] in r.text and 'id="g%s"' % cids[2] not in r.text,
     "the identical pair is shown once")
t.ok("تعليقات متطابقة: 2" in r.text, "with its count")
t.ok('id="g%s"' % cids[3] in r.text and 'id="g%s"' % cids[4] not in r.text and "شبه متطابقة: 2" in r.text,
     "the near-identical pair too")
t.ok(cids[6] not in re.findall(r'id="g(\d+)"', r.text), "the rejected comment is not in the analysis")

_, hidden = sup.form(ws, ws)
# A refusal without its reason keeps what was typed.
r = sup.post(ws, {"csrf": hidden["csrf"], "nonce": hidden["nonce"], "ids": cids[0], "position": "rejected",
                  "reply_en": "kept text 100"})
t.eq(r.status, 422, "not accepted needs a reason")
t.ok('id="e-reply_ar"' in r.text and "kept text 100" in r.text, "said at the reply field, the input kept")
t.ok(re.search(r'name="ids" value="%s"[^>]*checked' % cids[0], r.text) is not None, "the selection kept")
t.eq(sql1("SELECT entity_position IS NULL FROM comments WHERE id=%s" % cids[0]), "1", "nothing written")

def answer(ids, position, reply_ar, reply_en="", dup=None, themes=()):
    _, h = sup.form(ws, ws)
    f = {"csrf": h["csrf"], "nonce": h["nonce"], "ids": ids, "position": position, "reply_ar": reply_ar,
         "reply_en": reply_en}
    if dup:
        f["duplicate_of"] = dup
    if themes:
        f["themes"] = list(themes)
    return sup.post(ws, f)

theme1 = sql1("SELECT id FROM report_topics WHERE report_id=%s AND article_id=%s" % (rep, arts[0]))
r = answer(cids[0], "accepted", "سننشر المعايير قبل النفاذ بستة أشهر.", "We will publish them six months ahead.",
           themes=[theme1])
t.eq(r.status, 303, "a single position")
r = answer(cids[1], "partially", "ستتدرج الغرامة على ثلاث فئات.")
t.eq(r.status, 303, "a group of identical comments answered once")
t.eq(sql("SELECT entity_position FROM comments WHERE id IN (%s, %s)" % (cids[1], cids[2])), [["partially"], ["partially"]],
     "both comments of the group have the position")
r = answer([cids[3], cids[5]], "noted", "سُجلت الملاحظة.")
t.eq(r.status, 303, "a bulk position on a selection")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s AND entity_position='noted'" % act), "3",
     "the near-identical group (2) and the organisation's comment")
r = answer(cids[5], "duplicate", "", dup=99999999)
t.eq(r.status, 422, "a duplicate must name a comment of this consultation")
r = answer(cids[5], "duplicate", "", dup=cids[0])
t.eq(r.status, 303, "a duplicate of a comment with its own position")
r = answer(cids[0], "duplicate", "", dup=cids[5])
t.eq(r.status, 422, "two comments cannot be duplicates of each other: the one named is itself a duplicate")
t.ok('id="e-duplicate_of"' in r.text, "said at the field")
t.eq(sql1("SELECT entity_position FROM comments WHERE id=%s" % cids[0]), "accepted", "its position kept")
r = answer(cids[5], "rejected", "لا يتعلق بالمسودة بل بقانون آخر.")
t.eq(r.status, 303, "the organisation's comment: not accepted, with the reason")

# The report and its final document.
rp = "/staff/activities/%s/report" % act
r = sup.get(rp)
t.eq(r.status, 200, "the report page")
_, h = sup.form(rp, rp + "/workflow")
r = sup.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "submit"})
t.eq(r.status, 422, "no submission without the summary")
_, h = sup.form(rp, rp)
r = sup.post(rp, {"csrf": h["csrf"], "nonce": h["nonce"], "summary_ar": "شارك ستة أشخاص.",
                  "summary_en": "Six people took part.", "usage_ar": "عُدلت المادة الأولى.", "usage_en": "Article 1 changed."})
t.eq(r.status, 303, "the report's texts are saved")
ra = sql("SELECT id, article_id FROM report_articles WHERE report_id=%s ORDER BY position" % rep)

def save_article(raid, fields):
    _, h = sup.form(rp, "%s/articles/%s" % (rp, raid))
    f = {"csrf": h["csrf"], "nonce": h["nonce"]}
    f.update(fields)
    return sup.post("%s/articles/%s" % (rp, raid), f)

r = save_article(ra[0][0], {"number_label": "المادة 1", "title_ar": "عنوان 1", "title_en": "Heading 1",
                            "body_ar": "تنشر الوزارة المعايير قبل النفاذ بستة أشهر.",
                            "body_en": "The Ministry publishes the standards six months ahead."})
t.eq(r.status, 303, "article 1 is changed")
r = save_article(ra[1][0], {"number_label": "المادة 2", "title_ar": "", "body_ar": ""})
t.eq(r.status, 422, "an article needs its heading and text")
r = save_article(ra[1][0], {"number_label": "المادة 2", "title_ar": "عنوان 2", "title_en": "Heading 2",
                            "body_ar": "تفرض غرامة على كل مخالفة.", "body_en": "A fine is imposed on every breach.",
                            "removed": "1"})
t.eq(r.status, 303, "article 2 is removed")
r = save_article(ra[2][0], {"number_label": "المادة 3", "title_ar": "عنوان 3", "title_en": "Heading 3",
                            "body_ar": "يعمل بهذا النظام من تاريخ نشره.",
                            "body_en": "This regulation applies from its publication."})
t.eq(r.status, 303, "article 3 saved unchanged")
_, h = sup.form(rp, rp + "/articles")
r = sup.post(rp + "/articles", {"csrf": h["csrf"], "nonce": h["nonce"], "number_label": "المادة 4",
                                "title_ar": "التدرج", "title_en": "Steps", "body_ar": "تتدرج الغرامات على ثلاث فئات.",
                                "body_en": "Fines come in three steps."})
t.eq(r.status, 303, "an article is added")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_, h = sup.form(rp, rp + "/document")
r = sup.post_multipart(rp + "/document", {"csrf": h["csrf"], "nonce": h["nonce"]},
                       {"file": ("not.pdf", b"plain text, not a PDF", "application/pdf")})
t.ok(r.status in (400, 422), "the final document must be a PDF (%d)" % r.status)
r = sup.post_multipart(rp + "/document", {"csrf": h["csrf"], "nonce": h["nonce"]},
                       {"file": ("النظام النهائي.pdf", PDF, "application/pdf")})
t.eq(r.status, 303, "the final document is also given as a new PDF")
pdf = sql1("SELECT u.stored_name FROM reports r JOIN uploads u ON u.id = r.final_document_upload_id WHERE r.id=%s" % rep)
t.ok(pdf is not None, "stored with the report")
t.eq(Client().get("/files/%s" % pdf).status, 404, "not public before publication")
t.eq(sql("SELECT status FROM report_articles WHERE report_id=%s ORDER BY position, id" % rep),
     [["changed"], ["removed"], ["unchanged"], ["added"]], "each article's status is derived")

_, h = sup.form(rp, rp + "/workflow")
r = sup.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "submit"})
t.eq(r.status, 303, "the supervisor submits the report")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "report_submitted", "to the coordinator")
t.ok(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='coordinator@moh.sharek.test' AND body LIKE '%%/staff/activities/%s/report%%'" % act) == "1",
     "who is told by e-mail")

coord = Client()
coord.login("coordinator@moh.sharek.test", prefix="/staff")
t.ok(re.search(r'href="/staff/activities/%s"><bdi>Analysis draft 100|href="/staff/activities/%s"><bdi>مسودة نظام التحليل 100' % (act, act),
               coord.get("/staff/").text) is not None, "the report waits for the coordinator on the dashboard")
_, h = coord.form(rp, rp + "/workflow")
r = coord.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "return", "reason": ""})
t.eq(r.status, 422, "a return needs its reason")
r = coord.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "return",
                                  "reason": "أضيفوا عدد المشاركين من المحافظات."})
t.eq(r.status, 303, "the coordinator returns it with a reason")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "analysis", "back in analysis")
t.ok("أضيفوا عدد المشاركين من المحافظات." in sup.get(rp).text, "the supervisor reads the reason")
t.ok(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='supervisor@moh.sharek.test' AND body LIKE '%%أضيفوا عدد المشاركين%%'") == "1",
     "and is told by e-mail")
_, h = sup.form(rp, rp + "/workflow")
sup.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "submit"})
_, h = coord.form(rp, rp + "/workflow")
r = coord.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "publish"})
t.eq(r.status, 403, "the coordinator cannot publish")
r = coord.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "approve"})
t.eq(r.status, 303, "the coordinator approves (art. 8-و)")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "report_approved", "to the liaison officer")

before = int(sql1("SELECT COALESCE(MAX(id), 0) FROM outbox"))
li = Client()
li.login("liaison@moh.sharek.test", prefix="/staff")
_, h = li.form(rp, rp + "/workflow")
r = li.post(rp + "/workflow", {"csrf": h["csrf"], "nonce": h["nonce"], "event": "publish"})
t.eq(r.status, 303, "the liaison officer publishes")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "published", "published")
t.eq(sql1("SELECT state FROM reports WHERE id=%s" % rep), "published", "the report too")
t.ok(all("Report due" not in b and "موعد التقرير" not in b for b in (li.get(rp).text, li.get(ws).text)),
     "once published, its pages no longer show a report due date")
steps = sql("SELECT from_state, to_state, role FROM workflow_events WHERE activity_id=%s ORDER BY id" % act)
t.eq([s[1] for s in steps], ["closed", "analysis", "report_submitted", "analysis", "report_submitted", "report_approved", "published"],
     "every step in the chain is recorded")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE object_type='activity' AND object_id=%s AND action LIKE 'activity.%%'" % act),
     "5", "and audited")

# Every commenter told once, with their own positions.
mails = sql("SELECT recipient, subject, REPLACE(body, '\\n', ' ') FROM outbox WHERE id > %d "
            "AND body LIKE '%%/consultations/%s/results%%'" % (before, act))
by = {}
for rcpt, subj, body in mails:
    by.setdefault(rcpt, []).append((subj, body))
t.eq(sorted(by), sorted(p[0] for p in people), "every commenter gets an e-mail")
t.ok(all(len(v) == 1 for v in by.values()), "exactly one each")
a_mail = by["a100@sharek.test"][0]
t.ok("مقبول" in a_mail[1] and "لم يُنشر" in a_mail[1] and "سننشر المعايير" in a_mail[1],
     "in Arabic: accepted with the reply, and the comment not published")
b_mail = by["b100@sharek.test"][0]
t.ok("Partly accepted" in b_mail[1] and "published" in b_mail[0], "in English for an English reader, the subject says what happened")
t.ok("Noted" in by["e100@sharek.test"][0][1], "a near-identical comment's author reads the group's position")

# The public results.
pub = Client()
r = pub.get(page + "/results")
t.eq(r.status, 200, "the results page is public")
def fig(name):
    m = re.search(r'id="n-%s">(\d+)<' % name, r.text)
    return int(m.group(1)) if m else None
# What this test sent: the counts it expects.
kinds = {email: kind for email, kind, _ in people}
who = {email for email, _, _ in submitted}
rejected = {cids[6]}
campaigns = [{cids[1], cids[2]}, {cids[3], cids[4]}]          # as designed above
t.eq(fig("participants"), len(who), "participants: the accounts that commented")
t.eq(fig("legal"), sum(kinds[e] == "organisation" for e in who), "legal persons")
t.eq(fig("natural"), sum(kinds[e] == "person" for e in who), "natural persons")
t.eq(fig("received"), len(submitted), "comments received")
t.eq(fig("published"), len(submitted) - len(rejected), "published")
t.eq(fig("rejected"), len(rejected), "not published")
t.eq(fig("groups"), len(campaigns), "campaign groups")
t.eq(fig("grouped"), sum(len(c) for c in campaigns), "the comments in them")
pos = {}
for c, p in sql("SELECT id, entity_position FROM comments WHERE activity_id=%s AND status='published'" % act):
    pos[p] = pos.get(p, 0) + 1
table = re.search(r'<table id="chart-position-table">.*?</table>', r.text, re.S)
rows = dict((lbl, int(n)) for lbl, n in re.findall(r'<th scope="row"><bdi>([^<]*)</bdi></th><td>(\d+)</td>', table.group(0))) if table else {}
labels = {"accepted": "مقبول", "partially": "مقبول جزئياً", "noted": "أُخذ بالعلم", "rejected": "غير مقبول"}
t.eq(rows, {labels[k]: v for k, v in pos.items()}, "the chart's table by position: %s" % pos)
t.ok("<svg" in r.text and "<title" in r.text and "<table" in r.text, "charts drawn in SVG with a table")
changed = re.findall(r'<section class="final-article status-(\w+)" id="fa-(\d+)">(.*?)</section>', r.text, re.S)
t.eq([c[0] for c in changed], ["changed", "removed", "unchanged", "added"], "the final document article by article")
t.ok("<ins>" in changed[0][2] and "<del>" in changed[0][2], "the changed article shows its word changes")
t.ok(all("<ins>" not in c[2] and "wdiff" not in c[2] for c in changed[1:]), "no difference view for the others")
t.ok("position=adopted" in changed[0][2], "the changed article links to the comments that led to it")
r2 = pub.get(page + "/results?article=%s&position=adopted" % arts[0])
t.ok('id="c%s"' % cids[0] in r2.text and 'id="c%s"' % cids[3] not in r2.text, "which are the accepted ones on it")
t.ok(all('id="c%s"' % c in r.text for c in (cids[0], cids[1], cids[3], cids[5])) and 'id="c%s"' % cids[2] not in r.text,
     "every comment with its position, a group once")
t.ok('href="/files/%s"' % pdf in r.text, "the PDF final document is linked")
t.eq(pub.get("/files/%s" % pdf).status, 200, "and served once published")
t.ok(pub.get(page).status == 200 and "/results" in pub.get(page).text, "linked from the consultation's page")
t.ok(page + "/results" in pub.get("/results").text, "listed on /results")
t.done()
