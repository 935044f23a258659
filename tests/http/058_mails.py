"""E-mails say what happened (issue 10): along the review chain the
subject names the step (submitted for review, awaiting approval, returned,
approved for publication) and the activity; the activity's title and the
reason are isolated (FIRST STRONG ISOLATE … POP DIRECTIONAL ISOLATE) so an
English title or reason keeps its order inside an Arabic sentence and the
reverse; the mail telling a citizen that a comment was not published
quotes the comment, names the principle and links the published
moderation principles."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
FSI, PDI = "\u2068", "\u2069"


def last_outbox():
    return int(sql1("SELECT COALESCE(MAX(id), 0) FROM outbox"))


def mail(after, to):
    """The (subject, body) of the last message to `to` queued after id `after`."""
    rows = sql("SELECT id FROM outbox WHERE id > %d AND recipient = '%s' ORDER BY id DESC LIMIT 1"
               % (after, to))
    if not rows:
        return None, ""
    i = rows[0][0]
    return sql1("SELECT subject FROM outbox WHERE id=%s" % i), \
        sql1("SELECT REPLACE(REPLACE(body, '\\n', ' '), '\\t', ' ') FROM outbox WHERE id=%s" % i)


moh = sql1("SELECT id FROM entities WHERE slug='moh'")
sup_id = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
# The author reads Arabic, the coordinator English (as they were, again
# at the end: later tests read these accounts' mails and pages).
LANGS = sql("SELECT email, lang FROM users WHERE email IN ('supervisor@moh.sharek.test', "
            "'coordinator@moh.sharek.test', 'liaison@moh.sharek.test')")
sql("UPDATE users SET lang='ar' WHERE email='supervisor@moh.sharek.test'")
sql("UPDATE users SET lang='en' WHERE email IN ('coordinator@moh.sharek.test', 'liaison@moh.sharek.test')")
TITLE_AR = "مسودة تعليمات بنوك الدم للاختبار 058"
TITLE_EN = "Draft blood bank instructions (test 058)"
sql("INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en, "
    "summary_ar, summary_en, objectives_ar, objectives_en, doc_kind, publish_at, closes_at, results_due_at, "
    "final_publication_at, created_at, updated_at) VALUES ('consultation', %s, %s, 'public', 0, 'submitted', "
    "'%s', '%s', 'ملخص.', 'A summary.', 'أهداف.', 'Objectives.', 'articles', "
    "UTC_TIMESTAMP() + INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP() + INTERVAL 50 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 60 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (moh, sup_id, TITLE_AR, TITLE_EN))
aid = sql1("SELECT MAX(id) FROM activities WHERE title_en='%s'" % TITLE_EN)
sql("INSERT INTO activity_sectors (activity_id, sector_id) VALUES (%s, 1)" % aid)
sql("INSERT INTO articles (activity_id, position, number_label, title_ar, body_ar) "
    "VALUES (%s, 1, '1', 'النطاق', 'تسري على بنوك الدم.')" % aid)
page = "/staff/activities/%s" % aid

sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
coord = Client()
t.eq(coord.login("coordinator@moh.sharek.test", prefix="/staff").status, 303, "the coordinator signs in")
li = Client()
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "the liaison officer signs in")

# ---- returned: the author hears it, in Arabic, the English reason isolated --
REASON = "Please cite Law No. 5 of 2024"
n = last_outbox()
r = coord.submit(page, page + "/workflow", {"event": "return", "reason": REASON})
t.eq(r.status, 303, "the coordinator returns it")
subject, body = mail(n, "supervisor@moh.sharek.test")
t.ok(subject is not None and "أُعيدت إليك" in subject and TITLE_AR in subject,
     "the author's subject says it was returned, with the title", subject)
t.ok(FSI + REASON + PDI in body, "the English reason is isolated in the Arabic mail", body)
t.ok(FSI + TITLE_AR + PDI in body, "and so is the title", body)

# ---- submitted, forwarded, approved ------------------------------------------
n = last_outbox()
r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 303, "the supervisor submits it again")
subject, body = mail(n, "coordinator@moh.sharek.test")
t.ok(subject is not None and "submitted for your review" in subject and TITLE_EN in subject,
     "the coordinator's subject: submitted for review, with the title", subject)
t.ok(FSI + TITLE_EN + PDI in body, "the title isolated in the body", body)
n = last_outbox()
r = coord.submit(page, page + "/workflow", {"event": "forward"})
t.eq(r.status, 303, "the coordinator forwards it")
subject, _ = mail(n, "liaison@moh.sharek.test")
t.ok(subject is not None and "awaiting your approval" in subject, "the liaison officer's: awaiting approval",
     subject)
t.eq(mail(n, "alternate@moh.sharek.test")[0], None,
     "the alternate liaison officer is not told: the approval waits on the primary (art. 6-b)")
n = last_outbox()
r = li.submit(page, page + "/workflow", {"event": "approve"})
t.eq(r.status, 303, "the liaison officer approves it")
subject, _ = mail(n, "supervisor@moh.sharek.test")
t.ok(subject is not None and "اعتُمدت للنشر" in subject, "the author's subject: approved for publication", subject)
t.ok(sql1("SELECT COUNT(*) FROM outbox WHERE id > %d AND subject LIKE '%%needs your attention%%'" % n) == "0",
     "no step goes out under the general subject")
sql("UPDATE activities SET state='withdrawn' WHERE id=%s" % aid)

# ---- a comment not published: quoted, with the principle and its page ----------
act = sql1("SELECT id FROM activities WHERE title_en LIKE 'Draft Regulation on Licensing%'")
cit = sql1("SELECT id FROM users WHERE email='citizen@sharek.test'")
COMMENT = "تعليق للاختبار 058 عن Article 7 من النظام"
sql("INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at, ip) "
    "VALUES (%s, %s, '%s', UNHEX(SHA2('%s 058', 256)), 'pending', UTC_TIMESTAMP(), "
    "UTC_TIMESTAMP() + INTERVAL 3 DAY, '127.0.0.1')" % (act, cit, COMMENT, COMMENT))
sql("UPDATE activities SET comments_pending = comments_pending + 1 WHERE id=%s" % act)
cid = sql1("SELECT id FROM comments WHERE body='%s'" % COMMENT)
# (A principle 060 does not count mails of.)
reason = sql1("SELECT id FROM moderation_reasons WHERE code='advertising'")
n = last_outbox()
_, hidden = sup.form("/staff/moderation", "/staff/moderation")
r = sup.post("/staff/moderation", {"csrf": hidden.get("csrf", ""), "ids": cid, "action": "reject",
                                   "reason": reason})
t.eq(r.status, 303, "the supervisor does not publish it")
subject, body = mail(n, "citizen@sharek.test")
t.ok(subject is not None and "لم يُنشر" in subject, "the subject says it was not published", subject)
t.ok(FSI + COMMENT + PDI in body, "the mail quotes the comment, isolated", body)
t.ok("إعلان أو ترويج تجاري" in body and "/principles" in body,
     "names the principle and links the moderation principles", body)
for email, lang in LANGS:
    sql("UPDATE users SET lang='%s' WHERE email='%s'" % (lang, email))
t.done()
