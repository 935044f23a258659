"""The analysis report of a survey or a poll (QA finding 3; Tawasul art.
9-ج, 9-هـ): its statistics are its respondents, not the comment
statistics (a survey has no comments); and it goes up the chain only once
it states, in Arabic, how the results were used, their trends and their
alignment with the government's direction, besides its summary — each
missing text marked at its field, in the reader's language.  English
texts stay optional, as for consultations."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
citizens = [i for (i,) in sql("SELECT id FROM users WHERE kind IN ('person', 'organisation') ORDER BY id LIMIT 3")]
t.ok(len(citizens) == 3, "three citizens to respond")


def activity(kind, title, n):
    """A survey or poll of the Ministry of Health in analysis, with n
    responses and its report started."""
    sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, "
        "summary_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, "
        "participants, created_at, updated_at) VALUES ('%s', %s, %s, 'public', 'analysis', '%s ع', '%s', "
        "'ملخص', 'Summary', UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, "
        "UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 20 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, "
        "%d, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (kind, moh, author, title, title, n))
    i = sql1("SELECT MAX(id) FROM activities WHERE title_en='%s'" % title)
    for u in citizens[:n]:
        sql("INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES "
            "(%s, %s, UNHEX(SHA2('t114-%s-%s', 256)), UTC_TIMESTAMP() - INTERVAL 10 DAY)" % (i, u, i, u))
    sql("INSERT INTO reports (activity_id, state, created_at, updated_at) "
        "VALUES (%s, 'draft', UTC_TIMESTAMP(), UTC_TIMESTAMP())" % i)
    return i


survey = activity("survey", "T114 survey report", 3)
poll = activity("poll", "T114 poll report", 2)

sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
sup.get("/staff/lang/en?next=/staff/")
ar = Client()
ar.login("supervisor@moh.sharek.test", prefix="/staff")
ar.get("/staff/lang/ar?next=/staff/")

TEXTS = {"usage_ar": "استُخدمت النتائج في ترتيب أولويات البرنامج.",
         "trends_ar": "يفضّل أغلب المشاركين الزيارات المنزلية.",
         "alignment_ar": "تتوافق النتائج مع الاستراتيجية الوطنية للصحة."}

for kind, aid, n in (("survey", survey, 3), ("poll", poll, 2)):
    page = "/staff/activities/%s/report" % aid
    r = sup.get(page)
    t.eq(r.status, 200, "the %s's report page opens" % kind)
    t.ok(re.search(r"Participants: <strong>%d</strong>" % n, r.text) is not None,
         "it shows the %s's %d participants (its respondents)" % (kind, n), r.text[:200])
    t.ok("Comments received" not in r.text, "not the comment statistics")
    t.ok('href="/staff/activities/%s/results"' % aid in r.text, "and links to the results of each question")

    # Only the Arabic summary: the submission is refused, each text marked.
    r = sup.submit(page, page, {"summary_ar": "ملخص تقرير %s" % kind})
    t.eq(r.status, 303, "the summary alone is saved (a draft may be incomplete)")
    r = sup.submit(page, page + "/workflow", {"event": "submit"})
    t.eq(r.status, 422, "but the %s's report cannot be submitted with only a summary" % kind)
    t.eq(sql1("SELECT state FROM activities WHERE id=%s" % aid), "analysis", "it stays in analysis")
    for f, msg in (("usage_ar", "how the results were used"), ("trends_ar", "trends of the results"),
                   ("alignment_ar", "align with the government")):
        t.ok(msg in r.text, "the page says what is missing: %s" % f)
        t.ok(re.search(r'id="f-%s"[^>]*aria-invalid="true"' % f, r.text) is not None, "marked at the field %s" % f)
        t.ok('href="#f-%s"' % f in r.text, "and listed above, linked to %s" % f)
    t.ok('id="f-summary_ar" name="summary_ar" dir="auto" rows="6">' in r.text, "the summary, given, is not marked")
    r = ar.submit(page, page + "/workflow", {"event": "submit"})
    t.eq(r.status, 422, "refused for an Arabic reader too")
    t.ok("اذكر بالعربية اتجاهات النتائج" in r.text, "with the messages in Arabic")

    # With the Arabic texts (English optional) it goes to the coordinator.
    fields = dict(TEXTS)
    fields["summary_ar"] = "ملخص تقرير %s" % kind
    r = sup.submit(page, page, fields)
    t.eq(r.status, 303, "the texts are saved")
    r = sup.submit(page, page + "/workflow", {"event": "submit"})
    t.eq(r.status, 303, "then the %s's report is submitted" % kind)
    t.eq(sql1("SELECT state FROM activities WHERE id=%s" % aid), "report_submitted", "to the coordinator")
    t.eq(sql1("SELECT participants_count FROM reports WHERE activity_id=%s" % aid), str(n),
         "the report records its %d participants" % n)
t.done()
