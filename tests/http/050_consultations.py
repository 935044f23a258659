"""Consultations from draft to close (issue 5): the review chain with a
return and its reason, the date rules of Tawasul art. 11, opening and
closing by sharekctl tick, comments (pending until moderated, the
duplicate guard, the 5,000-character limit), the extension cap, search
with Arabic normalisation, and a constant number of statements on the
consultation page whatever the number of comments."""
import datetime
import re
import sys
import urllib.parse
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, counts, sql, sql1, tick

t = Tap()
LOCAL = datetime.timedelta(hours=3)          # the forms take Amman time


def local(dt):
    return (dt + LOCAL).strftime("%Y-%m-%dT%H:%M")


now = datetime.datetime.utcnow().replace(second=0, microsecond=0)
sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303,
     "the supervisor signs in")
coord = Client()
coord.login("coordinator@moh.sharek.test", prefix="/staff")
liaison = Client()
liaison.login("liaison@moh.sharek.test", prefix="/staff")
citizen = Client()
t.eq(citizen.login("citizen@sharek.test").status, 303, "the citizen signs in")

pub = now + datetime.timedelta(minutes=30)
form = {
    "kind": "consultation", "audience": "public",
    "title_ar": "مسودة تعليمات سلامة الأغذية المدرسية",
    "title_en": "Draft instructions on school food safety",
    "summary_ar": "تنظيم المقاصف المدرسية.", "summary_en": "Rules for school canteens.",
    "objectives_ar": "حماية صحة الطلبة.", "objectives_en": "Protect pupils' health.",
    "sectors": ["1"], "doc_kind": "articles",
    "publish_at": local(pub),
    # One month minus one day: too short (art. 11-أ).
    "closes_at": local(pub + datetime.timedelta(days=27)),
    "results_due_at": local(pub + datetime.timedelta(days=60)),
    "final_publication_at": local(pub + datetime.timedelta(days=70)),
}
r = sup.submit("/staff/activities/new", "/staff/activities/new", form)
t.eq(r.status, 303, "a draft is created")
page = r.header("Location").split("?")[0]
aid = page.rsplit("/", 1)[1]
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % aid), "draft", "in state draft")

r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 422, "submission without a document is refused")
t.ok("articles" in r.text, "saying the document is missing")
r = sup.submit(page, page + "/articles", {"number_label": "1", "title_ar": "النطاق",
                                          "body_ar": "تسري هذه التعليمات على جميع المقاصف المدرسية."})
t.eq(r.status, 303, "an article is added")
sup.submit(page, page + "/articles", {"number_label": "2", "title_ar": "الرقابة",
                                      "body_ar": "تتولى مديرية الصحة المدرسية الرقابة."})
# Supporting documents: checked by content, not by name.
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_, hidden = sup.form(page, page + "/attachments")
r = sup.post_multipart(page + "/attachments", {"csrf": hidden.get("csrf", ""), "title_ar": "دراسة الأثر"},
                       {"file": ("study.pdf", PDF, "application/pdf")})
t.eq(r.status, 303, "a PDF attachment is uploaded")
stored = sql1("SELECT u.stored_name FROM attachments x JOIN uploads u ON u.id = x.upload_id WHERE x.activity_id=%s" % aid)
t.ok(stored is not None and len(stored) == 32, "stored under a server-generated name")
r = sup.post_multipart(page + "/attachments", {"csrf": hidden.get("csrf", ""), "title_ar": "صورة"},
                       {"file": ("fake.pdf", b"GIF89a not a pdf at all", "application/pdf")})
t.eq(r.status, 422, "a file named .pdf that is not a PDF is refused")
t.ok("هذا النوع من الملفات غير مقبول." in r.text, "with a message")
t.eq(int(sql1("SELECT COUNT(*) FROM attachments WHERE activity_id=%s" % aid)), 1, "and nothing stored")
t.eq(Client().get("/files/" + (stored or "x")).status, 404, "attachments of a draft are not public")

r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 422, "a closing date under one month is refused (art. 11-أ)")
t.ok("تبقى الاستشارة مفتوحة شهراً على الأقل من تاريخ نشرها." in r.text, "with the rule stated", r.text[-2000:])
r = sup.get(page + "/edit")
t.ok("أقرب موعد إغلاق مسموح" in r.text,
     "the form shows the earliest allowed closing date")

# Urgent: two weeks are enough (art. 11-ب).
urgent = dict(form, urgent="1", closes_at=local(pub + datetime.timedelta(days=14, minutes=1)))
r = sup.submit(page + "/edit", page + "/edit", urgent)
t.eq(r.status, 303, "the draft is saved as urgent")
short = dict(urgent, closes_at=local(pub + datetime.timedelta(days=13)))
sup.submit(page + "/edit", page + "/edit", short)
r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 422, "urgent: under two weeks is refused (art. 11-ب)")
sup.submit(page + "/edit", page + "/edit", dict(form, closes_at=local(pub + datetime.timedelta(days=31))))
r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 303, "with a full month it is submitted to the coordinator")
t.ok(page in coord.get("/staff/").text, "it waits on the coordinator's dashboard")

r = liaison.submit(page, page + "/workflow", {"event": "approve"})
t.eq(r.status, 403, "the liaison officer cannot approve before the coordinator's review")
r = coord.submit(page, page + "/workflow", {"event": "return", "reason": ""})
t.eq(r.status, 422, "a return needs a reason")
reason = "أضيفوا مادة عن العقوبات"
r = coord.submit(page, page + "/workflow", {"event": "return", "reason": reason})
t.eq(r.status, 303, "the coordinator returns it with a reason")
r = sup.get(page)
t.ok(reason in r.text, "the author sees why it came back")
t.eq(sql1("SELECT reason FROM workflow_events WHERE activity_id=%s AND to_state='returned'" % aid),
     reason, "the return is recorded with its reason")
sup.submit(page, page + "/articles", {"number_label": "3", "title_ar": "العقوبات",
                                      "body_ar": "يعاقب المخالف وفق التشريعات النافذة."})
t.eq(sup.submit(page, page + "/workflow", {"event": "submit"}).status, 303, "resubmitted")
t.eq(coord.submit(page, page + "/workflow", {"event": "forward"}).status, 303,
     "the coordinator forwards it to the liaison officer")
t.eq(sup.submit(page, page + "/workflow", {"event": "approve"}).status, 403,
     "a supervisor cannot approve")
t.eq(liaison.submit(page, page + "/workflow", {"event": "approve"}).status, 303,
     "the liaison officer approves")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % aid), "scheduled", "it is scheduled")
t.ok(int(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='coordinator@moh.sharek.test'")) >= 2,
     "the coordinator was told of each submission")
t.ok(int(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='liaison@moh.sharek.test' "
              "AND body LIKE '%%/staff/activities/%s%%'" % aid)) >= 1,
     "the liaison officer was told it awaits approval")
t.ok(int(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='supervisor@moh.sharek.test' "
              "AND body LIKE '%%أضيفوا مادة عن العقوبات%%'")) == 1,
     "the author was told of the return, with its reason")
events = [row[0] for row in sql("SELECT to_state FROM workflow_events WHERE activity_id=%s ORDER BY id" % aid)]
t.eq(events, ["submitted", "returned", "submitted", "approved", "scheduled"],
     "every transition is recorded in order")
t.eq(Client().get("/consultations/" + aid).status, 404, "not public before its publication date")

# Time passes: the publication moment arrives; the tick opens it.
sql("UPDATE activities SET publish_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % aid)
tk = tick()
t.ok(tk.returncode == 0, "sharekctl tick runs", tk.stderr)
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % aid), "open", "the tick opened it")
t.eq(sql1("SELECT role FROM workflow_events WHERE activity_id=%s AND to_state='open'" % aid),
     "system", "opened by the system")
r = Client().get("/consultations/" + aid)
t.eq(r.status, 200, "the consultation is public")
t.ok("العقوبات" in r.text, "with its articles")
art = sql1("SELECT id FROM articles WHERE activity_id=%s ORDER BY position LIMIT 1" % aid)
t.ok('id="article-%s"' % art in r.text, "article by article")
r = Client().get("/files/" + (stored or "x"))
t.eq(r.status, 200, "its attachment downloads once it is public")
t.ok(r.raw == PDF and (r.header("Content-Type") or "").startswith("application/pdf"),
     "the same bytes, as a PDF")

# A correction while open: a recorded, dated new version, shown publicly.
edit = "/staff/activities/%s/edit" % aid
r = sup.submit(edit, edit, {"title_ar": form["title_ar"], "title_en": form["title_en"],
                            "summary_ar": "تنظيم المقاصف المدرسية وبيع الأغذية.",
                            "summary_en": form["summary_en"], "objectives_ar": form["objectives_ar"],
                            "objectives_en": form["objectives_en"], "audience": "public"})
t.eq(r.status, 422, "an edit of an open consultation needs the reason")
r = sup.submit(edit, edit, {"title_ar": form["title_ar"], "title_en": form["title_en"],
                            "summary_ar": "تنظيم المقاصف المدرسية وبيع الأغذية.",
                            "summary_en": form["summary_en"], "objectives_ar": form["objectives_ar"],
                            "objectives_en": form["objectives_en"], "audience": "public",
                            "reason": "توضيح نطاق التعليمات"})
t.eq(r.status, 303, "with a reason it goes to the liaison officer")
# (Issue 9, item 2: public only once the liaison officer approves it.)
t.ok("وبيع الأغذية" not in Client().get("/consultations/" + aid).text, "not public before approval")
vid = sql1("SELECT id FROM activity_versions WHERE activity_id=%s AND status='pending'" % aid)
t.eq(liaison.submit("/staff/activities/%s" % aid, "/staff/activities/%s/corrections/%s" % (aid, vid),
                    {"decision": "approve"}).status, 303, "the liaison officer approves it")
t.eq(sql("SELECT version, reason FROM activity_versions WHERE activity_id=%s" % aid),
     [["2", "توضيح نطاق التعليمات"]], "the version is recorded with its reason")
r = Client().get("/consultations/" + aid)
t.ok("وبيع الأغذية" in r.text and "توضيح نطاق التعليمات" in r.text,
     "citizens see the new text and why it changed")

# Search with Arabic normalisation: hamza, taa marbuta, diacritics, tatweel.
r = Client().get("/consultations?q=" + urllib.parse.quote("الاغذيه المدرسيـه"))
t.ok("/consultations/%s\"" % aid in r.text, "found by a search without hamza or taa marbuta")
r = Client().get("/consultations?q=%D9%85%D9%8E%D8%B3%D9%92%D9%88%D9%8E%D8%AF%D9%8E%D8%A9")
t.ok("/consultations/%s\"" % aid in r.text, "found by a search with diacritics")

r = Client(lang="en").get("/principles")
t.ok(r.status == 200 and "Offensive language" in r.text, "the moderation principles are published")

# Comments.
cpage = "/consultations/" + aid
r = Client().post(cpage + "/comments", {"body": "x"})
t.eq(r.status, 403, "an anonymous comment is refused")
body = "أقترح أن تشمل التعليمات المقاصف في رياض الأطفال."
before = int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid))
r = citizen.submit(cpage, cpage + "/comments", {"body": body, "article": art})
t.eq(r.status, 303, "a citizen comments on an article")
t.eq(int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid)), before + 1, "one row")
t.eq(sql1("SELECT status FROM comments WHERE activity_id=%s ORDER BY id DESC LIMIT 1" % aid),
     "pending", "pending until moderated")
r = citizen.get(cpage)
t.ok(body in r.text and "بانتظار المراجعة" in r.text.split('id="mine"')[1].split("</section>")[0],
     "its author sees it as pending")
r = Client().get(cpage)
t.ok(body not in r.text, "others do not see it before moderation")
r = citizen.submit(cpage, cpage + "/comments", {"body": body, "article": art})
t.eq(r.status, 303, "the same text again is answered normally")
t.ok("dup=1" in (r.header("Location") or ""), "with a notice that nothing new was stored")
t.eq(int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid)), before + 1,
     "the duplicate stored nothing")
r = citizen.submit(cpage, cpage + "/comments", {"body": body})
t.eq(r.status, 303, "the same text on the whole document is a different comment")
t.eq(int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid)), before + 2, "stored")
r = citizen.submit(cpage, cpage + "/comments", {"body": "ب" * 5001})
t.eq(r.status, 422, "5,001 characters are refused")
t.ok("ب" * 5001 in r.text, "and the text comes back, nothing lost")
n_before = int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid))
r = citizen.submit(cpage, cpage + "/comments", {"body": "  \r\n\t \u00a0\n  "})
t.eq(r.status, 422, "a comment of only spaces and line breaks is refused")
t.ok('id="e-body"' in r.text or 'href="#f-body"' in r.text, "at its field, as an empty one")
t.eq(int(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid)), n_before, "and nothing is stored")
r = citizen.submit(cpage, cpage + "/comments", {"body": "ج" * 5000})
t.eq(r.status, 303, "exactly 5,000 characters are accepted")
r = citizen.submit(cpage, cpage + "/comments", {"body": "مادة غريبة", "article": "999999"})
t.eq(r.status, 422, "an article of another document is refused")
due = sql1("SELECT TIMESTAMPDIFF(HOUR, received_at, moderation_due_at) FROM comments "
           "WHERE activity_id=%s ORDER BY id DESC LIMIT 1" % aid)
t.ok(int(due) >= 72, "moderation is due three working days later (%s h)" % due)
t.eq(counts(aid)[0], 3, "the pending counter follows in the same transaction")

# Extension: the added time may not exceed the original period (11-ج).
period = int(sql1("SELECT TIMESTAMPDIFF(DAY, publish_at, original_closes_at) FROM activities WHERE id=%s" % aid))
r = liaison.submit(cpage.replace("/consultations", "/staff/activities"),
                   "/staff/activities/%s/extend" % aid,
                   {"days": str(period + 1), "reason_ar": "طلب عدد من الجمعيات مهلة إضافية"})
t.eq(r.status, 422, "an extension longer than the original period is refused")
t.ok("original period" in r.text or "المدة الأصلية" in r.text, "with the rule stated")
r = liaison.submit("/staff/activities/%s" % aid, "/staff/activities/%s/extend" % aid,
                   {"days": "0", "reason_ar": "سبب"})
summary = re.search(r'id="form-errors".*?</ul>', r.text, re.S)
summary = summary.group(0) if summary else ""
t.ok(r.status == 422 and ("Days to add:" in summary or "عدد الأيام المضافة:" in summary)
     and ("Public reason in Arabic:" in summary or "السبب المعلن بالعربية:" in summary),
     "the error summary names each field it is about", summary)
r = liaison.submit("/staff/activities/%s" % aid, "/staff/activities/%s/extend" % aid,
                   {"days": "7", "reason_ar": "طلب عدد من الجمعيات مهلة إضافية",
                    "reason_en": "Several associations asked for more time"})
t.eq(r.status, 303, "a 7-day extension is granted")
r = liaison.submit("/staff/activities/%s" % aid, "/staff/activities/%s/extend" % aid,
                   {"days": str(period - 7 + 1), "reason_ar": "تمديد ثان"})
t.eq(r.status, 422, "extensions add up against the cap")
r = liaison.submit("/staff/activities/%s" % aid, "/staff/activities/%s/extend" % aid,
                   {"days": str(period - 7), "reason_ar": "تمديد ثان"})
t.eq(r.status, 303, "up to exactly the original period in total")
t.eq(sup.submit("/staff/activities/%s" % aid, "/staff/activities/%s/extend" % aid,
                {"days": "1", "reason_ar": "تمديد"}).status, 403, "a supervisor cannot extend")
r = Client(lang="en").get(cpage)
t.ok("Several associations asked for more time" in r.text, "the reason is shown publicly")
t.ok("Extended by 7 days, until" in r.text and "مُدِّدت بمقدار 7 أيام، حتى" in Client(lang="ar").get(cpage).text,
     "with its days counted in each language's grammar (7 أيام)")

# A constant number of statements whatever the number of comments,
# once every worker has read what it keeps (fcgi/core/cache.h): the
# last of a dozen requests.


def queries():
    return [Client().get(cpage).header("X-Sharek-Queries") for _ in range(12)][-1]


q1 = queries()
sql("INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at) "
    "SELECT %s, NULL, CONCAT('تعليق ', seq), UNHEX(SHA2(seq, 256)), 'published', UTC_TIMESTAMP(), UTC_TIMESTAMP() "
    "FROM seq_1_to_300" % aid)
q2 = queries()
t.ok(q1 is not None and q1 == q2, "the page issues %s statements with 0 and 300 comments (%s)" % (q1, q2))
r = Client().get(cpage)
t.eq(len(re.findall(r'class="card comment"', r.text)), 20, "published comments come 20 a page")
m = re.search(r'before=(\d+)', r.text)
t.ok(m is not None, "with a link to older ones (keyset)")
if m:
    r2 = Client().get(cpage + "?before=" + m.group(1))
    t.eq(len(re.findall(r'class="card comment"', r2.text)), 20, "the next page has 20 more")

# Closing: the tick closes it at its closing time.
sql("UPDATE activities SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % aid)
t.eq(tick().returncode, 0, "tick runs again")
# Closed, and its analysis may start at once (this tick's or the stack's
# own minute tick): either way it no longer takes comments.
t.ok(sql1("SELECT state FROM activities WHERE id=%s" % aid) in ("closed", "analysis"), "the tick closed it")
# The form is gone from the closed page; a stale form still posts.
_, hidden = citizen.form(cpage, "/logout")
r = citizen.post(cpage + "/comments", {"csrf": hidden.get("csrf", ""), "body": "متأخر"})
t.eq(r.status, 409, "no comment after closing")
t.ok("متأخر" in r.text, "the text comes back with the reason")
t.eq(int(sql1("SELECT COUNT(*) FROM audit_log WHERE object_type='activity' AND object_id=%s" % aid)) >= 8,
     True, "the staff actions are in the audit log")

sys.exit(t.done())
