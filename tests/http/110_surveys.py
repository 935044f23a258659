"""Surveys (issue 12, Done when): a supervisor builds a survey with every
kind of question in two sections and conditions (two on one source
question, a cycle, a self-reference and a later source refused, a source
that cannot be deleted), it goes through the review chain like a
consultation and opens; citizens answer it page by page without
JavaScript (Back and Next keep every answer, a message at each question
in error, nothing typed lost), take both branches of a condition (the
hidden answers discarded), send a second response and a double post (one
stored), change an answer while open (the change recorded); every
aggregate is checked against numbers this test computes itself, the
results page runs the same number of statements with 3 or 40 responses,
and the CSV has its fixed columns and the codes of "not shown" and "not
answered"."""
import csv
import datetime
import io
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, hidden_fields, sql, sql1, tick

t = Tap()
LOCAL = datetime.timedelta(hours=3)


def local(dt):
    return (dt + LOCAL).strftime("%Y-%m-%dT%H:%M")


now = datetime.datetime.utcnow().replace(second=0, microsecond=0)
sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
coord = Client()
coord.login("coordinator@moh.sharek.test", prefix="/staff")
liaison = Client()
liaison.login("liaison@moh.sharek.test", prefix="/staff")

pub = now + datetime.timedelta(minutes=30)
r = sup.submit("/staff/activities/new", "/staff/activities/new", {
    "kind": "survey", "audience": "public",
    "title_ar": "استبيان خدمات البلدية التجريبي", "title_en": "Test survey of municipal services",
    "summary_ar": "أسئلة عن الخدمات.", "summary_en": "Questions about services.",
    "sectors": ["1"], "doc_kind": "articles",
    "publish_at": local(pub), "closes_at": local(pub + datetime.timedelta(days=32)),
    "results_due_at": local(pub + datetime.timedelta(days=40)),
    "final_publication_at": local(pub + datetime.timedelta(days=50)),
})
t.eq(r.status, 303, "a survey draft is created")
act = r.header("Location").split("?")[0].rsplit("/", 1)[1]
B = "/staff/activities/%s/questions" % act
t.eq(sup.get(B).status, 200, "its question builder opens")

# Two sections: each is a page.
for title in ("عنك", "الخدمات"):
    t.eq(sup.submit(B, "/staff/activities/%s/sections" % act, {"title_ar": title}).status, 303,
         "section %s added" % title)
s1, s2 = [row[0] for row in sql("SELECT id FROM question_sections WHERE activity_id=%s ORDER BY position" % act)]


def add(section, kind, text, **kw):
    f = {"section": section, "kind": kind, "text_ar": text, "text_en": "EN " + text, "required": "1"}
    f.update(kw)
    if f.get("required") is None:
        del f["required"]
    return sup.submit(B, "/staff/activities/%s/questions" % act, f)


r = add(s1, "single", "سؤال بخيار واحد فقط", options_ar="وحيد")
t.eq(r.status, 422, "a single choice with one answer is refused")
t.ok("Give from 2 to 50 answers" in r.text or "أدخل من 2 إلى 50 إجابة" in r.text,
     "saying how many answers it needs")
t.ok("سؤال بخيار واحد فقط" in r.text, "the question typed is kept")

qs = [
    (s1, "yesno", "هل زرت البلدية؟", {}),
    (s1, "single", "أي مكتب؟", {"options_ar": "الشمال\nالجنوب\nالوسط", "options_en": "North\nSouth\nCentre"}),
    (s1, "multiple", "ما الخدمات؟", {"options_ar": "رخص\nنظافة\nطرق", "min_choices": "1", "max_choices": "2"}),
    (s2, "text", "اسم الحي", {"required": None}),
    (s2, "longtext", "اقتراحاتك", {"required": None}),
    (s2, "scale", "رضاك العام", {"scale_max": "5", "low_ar": "سيئ", "high_ar": "ممتاز"}),
    (s2, "number", "كم مرة زرتها؟", {"num_min": "0", "num_max": "100"}),
    (s2, "date", "تاريخ آخر زيارة", {"required": None}),
    (s2, "ranking", "رتب الأولويات", {"options_ar": "سرعة\nلطف\nوضوح"}),
    (s2, "matrix", "قيّم", {"options_ar": "ضعيف\nجيد\nممتاز", "rows_ar": "النظافة\nالمواعيد"}),
]
for sec, kind, text, kw in qs:
    t.eq(add(sec, kind, text, **kw).status, 303, "a %s question is added" % kind)
Q = [row[0] for row in sql("SELECT q.id FROM questions q JOIN question_sections s ON s.id=q.section_id "
                            "WHERE q.activity_id=%s ORDER BY s.position, q.position" % act)]
t.eq(len(Q), 10, "ten questions of every kind")
t.eq(sql1("SELECT COUNT(DISTINCT kind) FROM questions WHERE activity_id=%s" % act), "10", "ten kinds")
opt = {}
for q in Q:
    opt[q] = [row[0] for row in sql("SELECT id FROM question_options WHERE question_id=%s ORDER BY position" % q)]
rows = [row[0] for row in sql("SELECT id FROM question_rows WHERE question_id=%s ORDER BY position" % Q[9])]
t.eq(len(rows), 2, "the matrix has its two rows")

C = "/staff/activities/%s/conditions" % act
# Section 2 only after a visit; question 3 only when the office is neither
# North nor South: two conditions on one source question.
t.eq(sup.submit(B, C, {"target": "s" + s2, "source": Q[0], "op": "eq", "value": "yes"}).status, 303,
     "a section's condition is saved")
t.eq(sup.submit(B, C, {"target": "q" + Q[2], "source": Q[1], "op": "ne", "value_option": opt[Q[1]][0]}).status, 303,
     "a first condition on question 2")
t.eq(sup.submit(B, C, {"target": "q" + Q[2], "source": Q[1], "op": "ne", "value_option": opt[Q[1]][1]}).status, 303,
     "a second condition on the same source")
t.eq(sql1("SELECT COUNT(*) FROM question_conditions WHERE question_id=%s AND source_id=%s" % (Q[2], Q[1])), "2",
     "both conditions on one source are kept")
r = sup.submit(B, C, {"target": "q" + Q[1], "source": Q[2], "op": "contains", "value_option": opt[Q[2]][0]})
t.eq(r.status, 422, "a condition making a cycle is refused")
t.ok("would make a cycle" in r.text or "هذا الشرط يصنع حلقة" in r.text, "saying it would make a cycle")
r = sup.submit(B, C, {"target": "q" + Q[1], "source": Q[1], "op": "eq", "value_option": opt[Q[1]][0]})
t.eq(r.status, 422, "a self-reference is refused")
r = sup.submit(B, C, {"target": "q" + Q[0], "source": Q[6], "op": "eq", "value": "3"})
t.eq(r.status, 422, "a condition on a later question is refused")
t.eq(sql1("SELECT COUNT(*) FROM question_conditions WHERE activity_id=%s" % act), "3", "nothing refused was stored")
r = sup.submit(B, "/staff/activities/%s/questions/%s/delete" % (act, Q[1]), {})
t.eq(r.status, 409, "the source of a condition cannot be deleted")
t.ok("a condition depends on its answer" in r.text or "يعتمد شرط على إجابته" in r.text, "with the reason")
t.eq(sql1("SELECT COUNT(*) FROM questions WHERE id=%s" % Q[1]), "1", "it is still there")

# The texts of a question are corrected; its answers keep their ids.
E = "/staff/activities/%s/questions/%s" % (act, Q[1])
r = sup.submit(B, E, {"etext_ar": "أي مكتب زرت؟", "etext_en": "Which office did you visit?", "erequired": "1",
                      "eoptions_ar": "الشمال\nالجنوب", "eoptions_en": ""})
t.eq(r.status, 422, "an edit that drops an answer is refused")
t.ok("أي مكتب زرت؟" in r.text, "the corrected text typed is kept")
t.ok(re.search(r'<details class="edit" open>', r.text), "the question's edit form is open again")
r = sup.submit(B, E, {"etext_ar": "أي مكتب زرت؟", "etext_en": "Which office did you visit?", "erequired": "1",
                      "eoptions_ar": "الشمال\nالجنوب\nالوسط", "eoptions_en": "North\nSouth\nCentre"})
t.eq(r.status, 303, "the question's texts are corrected")
t.eq(sql1("SELECT text_ar FROM questions WHERE id=%s" % Q[1]), "أي مكتب زرت؟", "stored")
t.eq([x[0] for x in sql("SELECT id FROM question_options WHERE question_id=%s ORDER BY position" % Q[1])], opt[Q[1]],
     "its answers keep their ids (the conditions on them hold)")

pv = sup.get("/staff/activities/%s/preview" % act)
t.eq(pv.status, 200, "the preview opens")
t.ok("أي مكتب زرت؟" in pv.text and "ما الخدمات؟" in pv.text, "showing the first page's questions")
t.ok("a2" in pv.text and 'type="checkbox"' in pv.text, "with the respondents' own fields")

# The review chain of consultations.
page = "/staff/activities/%s" % act
t.eq(sup.submit(page, page + "/workflow", {"event": "submit"}).status, 303, "submitted to the coordinator")
t.eq(coord.submit(page, page + "/workflow", {"event": "forward"}).status, 303, "forwarded to the liaison officer")
t.eq(liaison.submit(page, page + "/workflow", {"event": "approve"}).status, 303, "approved")
late = dict(hidden_fields(sup.get(page).text), section=s1, kind="text", text_ar="سؤال متأخر")
t.eq(sup.post("/staff/activities/%s/questions" % act, late).status, 409, "no question is added once it left the draft")
sql("UPDATE activities SET publish_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % act)
t.eq(tick().returncode, 0, "tick runs")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "open", "the survey is open")

S = "/consultations/%s/survey" % act
anon = Client()
r = anon.get(S)
t.eq(r.status, 200, "anyone sees the survey")
t.ok("/login?next=" in r.text, "and is asked to sign in to answer")

cit = Client()
t.eq(cit.login("citizen@sharek.test").status, 303, "a citizen signs in")

# Its page: answered through its questions, with no document to comment
# on: no empty document section, no comment form, and a comment posted
# all the same is refused with the text kept.
P = "/consultations/%s" % act
r = cit.get(P)
t.ok("مفتوح للإجابة" in r.text and 'id="h-doc"' not in r.text and 'action="%s/comments"' % P not in r.text,
     "the survey's page: open for answers, no empty document section, no comment form")
t.ok('href="%s"' % S in r.text, "and a link to its questions")
ch = hidden_fields(r.text, "/logout")
r = cit.post(P + "/comments", {"csrf": ch.get("csrf", ""), "body": "تعليق على استبيان"})
t.eq(r.status, 409, "a comment on the survey is refused")
t.ok("تعليق على استبيان" in r.text and "ليس له وثيقة" in r.text, "saying why, the text kept")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % act), "0", "nothing stored")
r = cit.get(S)
t.ok("هل زرت البلدية؟" in r.text and "اسم الحي" not in r.text, "page 1 shows the first section only")
h = hidden_fields(r.text, S)

# Next without the required first answer: 422, the message there, the
# office chosen still chosen.
f = dict(h, page="0", go="next", a1=opt[Q[1]][2])
r = cit.post(S, f)
t.eq(r.status, 422, "a required question left empty stops Next")
t.ok(re.search(r'id="e-q%s"' % Q[0], r.text), "the message is at that question")
t.ok(re.search(r'value="%s" checked' % opt[Q[1]][2], r.text), "the answer given is kept")

# Page 1 is drawn before its answers, its second section hidden until
# the visit is answered yes: the form it offers sends (go=submit); with
# yes, that goes on to the second section, not to errors on questions
# never shown.
f = dict(h, page="0", go="submit", a0="yes", a1=opt[Q[1]][2], a2=[opt[Q[2]][0], opt[Q[2]][1]])
r = cit.post(S, f)
t.ok(r.status == 200 and r.header("X-Sharek-Survey-Page") == "1" and 'id="e-q' not in r.text,
     "sent from page 1 with yes: on to the second section, no error", (r.status, r.header("X-Sharek-Survey-Page")))
t.eq(sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % act), "0", "nothing stored yet")
f = dict(h, page="0", go="next", a0="yes", a1=opt[Q[1]][2], a2=[opt[Q[2]][0], opt[Q[2]][1]])
r = cit.post(S, f)
t.eq(r.status, 200, "Next goes on")
t.eq(r.header("X-Sharek-Survey-Page"), "1", "to the second section (its condition holds)")
t.ok("اسم الحي" in r.text, "showing its questions")
carried = hidden_fields(r.text, S)
t.eq(carried.get("a0"), "yes", "page 1's answers are carried")

# Back keeps page 2's answers too.
f2 = dict(carried, page="1", go="back", a3="جبل عمان", a5="4")
r = cit.post(S, f2)
t.eq(r.header("X-Sharek-Survey-Page"), "0", "Back returns to page 1")
t.ok(re.search(r'value="%s" checked' % opt[Q[1]][2], r.text), "with its answers")
back = hidden_fields(r.text, S)
t.eq(back.get("a3"), "جبل عمان", "and page 2's typed answers carried")

# Submit with mistakes on page 2: every message, every value kept.
bad = dict(h, page="1", go="submit", a0="yes", a1=opt[Q[1]][2], a2=[opt[Q[2]][0], opt[Q[2]][1]],
           a3="جبل عمان", a5="9", a6="200",
           a8=["%s:1" % opt[Q[8]][0], "%s:1" % opt[Q[8]][1], "%s:3" % opt[Q[8]][2]],
           a9="%s:%s" % (rows[0], opt[Q[9]][0]))
r = cit.post(S, bad)
t.eq(r.status, 422, "invalid answers are refused")
for i in (5, 6, 8, 9):
    t.ok(re.search(r'id="e-q%s"' % Q[i], r.text), "a message at question %d" % (i + 1))
t.ok('value="جبل عمان"' in r.text, "the text typed is kept")
t.ok('value="200"' in r.text, "the number typed is kept")
t.eq(sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % act), "0", "nothing stored")

good = dict(h, page="1", go="submit", a0="yes", a1=opt[Q[1]][2], a2=[opt[Q[2]][0], opt[Q[2]][1]],
            a3="جبل عمان", a5="4", a6="١٢",
            a8=["%s:2" % opt[Q[8]][0], "%s:1" % opt[Q[8]][1], "%s:3" % opt[Q[8]][2]],
            a9="%s:%s" % (rows[0], opt[Q[9]][2]), a10="%s:%s" % (rows[1], opt[Q[9]][1]))
r = cit.post(S, good)
t.eq(r.status, 303, "the survey is answered")
t.ok("saved=1" in (r.header("Location") or ""), "and thanked (a number typed in Arabic-Indic digits, ١٢)")
r = cit.post(S, good)
t.eq(r.status, 303, "the same form posted twice")
t.eq(sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % act), "1", "stores one response")
t.eq(sql1("SELECT COUNT(*) FROM responses r JOIN answers x ON x.response_id=r.id WHERE r.activity_id=%s "
          "AND x.question_id=%s" % (act, Q[7])), "1", "an optional question left empty is 'shown, not answered'")

# The other branch: no visit, page 2 hidden; its forged answers discarded.
cit2 = Client()
cit2.login("citizen2@sharek.test")
h2 = hidden_fields(cit2.get(S).text, S)
r = cit2.post(S, dict(h2, page="0", go="next", a0="no", a1=opt[Q[1]][0], a3="حي مزور", a5="1"))
t.eq(r.status, 200, "no visit: Next")
t.ok('name="go" value="submit"' in r.text, "the first page is the last one")
r = cit2.post(S, dict(h2, page="0", go="submit", a0="no", a1=opt[Q[1]][0], a3="حي مزور", a5="1",
                      a2=opt[Q[2]][2]))
t.eq(r.status, 303, "the other branch is answered")
r2 = sql1("SELECT id FROM responses WHERE activity_id=%s AND user_id=(SELECT id FROM users WHERE email='citizen2@sharek.test')" % act)
t.eq(sql1("SELECT COUNT(*) FROM answers WHERE response_id=%s AND question_id IN (%s)" % (r2, ",".join(Q[3:]))), "0",
     "the hidden section's answers are discarded")
t.eq(sql1("SELECT COUNT(*) FROM answers WHERE response_id=%s AND question_id=%s" % (r2, Q[2])), "0",
     "a question hidden by two conditions on one source is discarded too")

# A third respondent, then the first one changes an answer while open.
cit3 = Client()
cit3.login("citizen3@sharek.test")
h3 = hidden_fields(cit3.get(S).text, S)
r = cit3.post(S, dict(h3, page="1", go="submit", a0="yes", a1=opt[Q[1]][2], a2=opt[Q[2]][1], a5="2", a6="3",
                      a8=["%s:1" % opt[Q[8]][0], "%s:2" % opt[Q[8]][1], "%s:3" % opt[Q[8]][2]],
                      a9="%s:%s" % (rows[0], opt[Q[9]][0]), a10="%s:%s" % (rows[1], opt[Q[9]][1])))
t.eq(r.status, 303, "a third response")
r = cit.get(S)
t.ok(re.search(r'value="%s" checked' % opt[Q[1]][2], r.text), "the form starts from one's stored answers")
hc = hidden_fields(r.text, S)
changed = dict(good)
changed.update(csrf=hc["csrf"], nonce=hc["nonce"], page="1", go="submit", a5="5")
r = cit.post(S, changed)
t.eq(r.status, 303, "the first citizen changes the scale answer")
t.ok("changed=1" in (r.header("Location") or ""), "told it replaced the earlier one")
t.eq(sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % act), "3", "still one response each")
r1 = sql1("SELECT id FROM responses WHERE activity_id=%s AND user_id=(SELECT id FROM users WHERE email='citizen@sharek.test')" % act)
t.eq(sql1("SELECT changes FROM responses WHERE id=%s" % r1), "1", "the change is counted")
t.eq(sql1("SELECT COUNT(*) FROM response_changes WHERE response_id=%s" % r1), "1", "and recorded")

# Every aggregate against what this test sent: scale 5 (changed), 2;
# multiple: c1 {o0,o1}, c3 {o1}; the single: c1 o2, c2 o0, c3 o2.
R = "/staff/activities/%s/results" % act
res = sup.get(R)
t.eq(res.status, 200, "the staff results page")


def section_of(q):
    m = re.search(r'<section class="question-result" id="result-q%s".*?</section>' % q, res.text, re.S)
    return m.group(0) if m else ""


def cells(q):
    return re.findall(r'<tr><th scope="row"><bdi>([^<]*)</bdi></th><td>(\d+)</td><td>([\d.]+)%</td></tr>', section_of(q))


t.ok('<strong class="responses">3</strong>' in res.text, "3 responses")
single = cells(Q[1])
t.eq([c[1] for c in single], ["1", "0", "2"], "single choice: counts per option")
t.eq([c[2] for c in single], ["33.3", "0.0", "66.7"], "and percentages of the 3 who answered")
multi = cells(Q[2])
t.eq([c[1] for c in multi], ["1", "2", "0"], "multiple choice: counts per option, not per combination")
t.ok('<span class="selections">3</span>' in section_of(Q[2]), "adding up to the 3 selections")
t.eq([c[2] for c in multi], ["50.0", "100.0", "0.0"], "percentages of the 2 respondents shown it")
t.ok('<span class="answered">2</span> ' in section_of(Q[2]) and '<span class="shown">2</span>' in section_of(Q[2]),
     "answered by 2 of the 2 who saw it")
scale = section_of(Q[5])
t.ok('<strong class="mean">3.50</strong>' in scale, "scale mean (5 + 2) / 2")
t.ok('<strong class="median">3.5</strong>' in scale, "scale median")
t.ok('<strong class="mean">7.50</strong>' in section_of(Q[6]), "number mean (12 + 3) / 2")
avg = re.findall(r'<td class="average">([^<]*)</td>', section_of(Q[8]))
t.eq(avg, ["1.50", "1.50", "3.00"], "ranking: average positions")
for q in Q:
    sh = int(sql1("SELECT COALESCE(MAX(shown),0) FROM question_stats WHERE question_id=%s" % q))
    an = int(sql1("SELECT COALESCE(MAX(answered),0) FROM question_stats WHERE question_id=%s" % q))
    t.ok(an <= sh <= 3, "question %s: answered %d ≤ shown %d ≤ responses" % (q, an, sh))
comp = re.findall(r'<span class="completion">([\d.]+)</span>', res.text)
t.ok(comp and all(float(c) <= 100 for c in comp), "no completion over 100 %")
t.eq(sql1("SELECT COALESCE(SUM(n),0) FROM answer_counts WHERE question_id=%s" % Q[2]),
     sql1("SELECT COUNT(*) FROM answers WHERE question_id=%s AND option_id IS NOT NULL" % Q[2]),
     "the kept counts equal a count of the answers")

# The same number of statements with many more responses.
q_few = res.header("X-Sharek-Queries")
sql("INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) "
    "SELECT %s, NULL, UNHEX(SHA2(CONCAT('t110-', seq), 256)), UTC_TIMESTAMP() FROM seq_1_to_37" % act)
sql("INSERT INTO answers (response_id, question_id, option_id) SELECT r.id, %s, %s FROM responses r "
    "WHERE r.activity_id=%s AND r.user_id IS NULL" % (Q[1], opt[Q[1]][1], act))
sql("INSERT INTO answer_counts (question_id, row_key, opt_key, value, n) VALUES (%s, 0, %s, 0, 37) "
    "ON DUPLICATE KEY UPDATE n = n + 37" % (Q[1], opt[Q[1]][1]))
res2 = sup.get(R)
t.ok('<strong class="responses">40</strong>' in res2.text, "40 responses now")
t.eq(res2.header("X-Sharek-Queries"), q_few, "the results page runs the same number of statements")
pub_few = cit.get(S).header("X-Sharek-Queries")
t.ok(pub_few is not None, "the survey page counts its statements too")

# The anonymised export: fixed columns, codes.
csvr = sup.get("/staff/activities/%s/responses.csv" % act)
t.eq(csvr.status, 200, "the CSV downloads")
t.ok(csvr.header("Content-Type").startswith("text/csv"), "as text/csv")
rows_csv = list(csv.reader(io.StringIO(csvr.text)))
head = rows_csv[0]
want = (["response", "submitted_at", "q1", "q2", "q3_o1", "q3_o2", "q3_o3", "q4", "q5", "q6", "q7", "q8",
         "q9_o1", "q9_o2", "q9_o3", "q10_r1", "q10_r2"])
t.eq(head, want, "one fixed column per question, per option of a multiple choice and a ranking, per matrix row")
t.ok(all(len(x) == len(want) for x in rows_csv[1:]), "every row has them all")
t.ok(csvr.text.endswith("\r\n") and "\r\n" in csvr.text, "CRLF line ends (RFC 4180)")
byid = {x[0]: x for x in rows_csv[1:]}
t.ok(r1 in byid and r2 in byid, "the respondents' rows")
t.ok("citizen" not in csvr.text and "@" not in csvr.text, "no account in it")
c1, c2 = byid[r1], byid[r2]
t.eq(c1[2:7], ["yes", "3", "1", "1", "0"], "yes, the third office, two of three services")
t.eq(c1[8], "", "the optional long text left empty: not answered (\"\")")
t.eq(c1[11], "", "the optional date left empty: not answered")
t.eq(c1[9], "5", "the scale's latest answer")
t.eq(c1[12:15], ["2", "1", "3"], "the ranking's positions")
t.eq(c1[15:17], ["3", "2"], "each matrix row's choice")
t.eq(c2[4:7], ["N/S"] * 3, "hidden by its conditions: not shown (N/S)")
t.eq(c2[7:], ["N/S"] * 10, "the hidden section: not shown (N/S)")

t.done()
