"""Polls (issue 12): a sealed poll shows no number before closing — not
on its page, not on its results page, not to staff, not in the CSV — and
its counts once closed; a poll whose results are shown after voting shows
them to a voter only after the vote; a double-posted vote stores one;
restricted polls only to their targets."""
import datetime
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
    "kind": "poll", "audience": "public",
    "title_ar": "استطلاع مختوم تجريبي", "title_en": "A sealed test poll",
    "summary_ar": "سؤال واحد.", "summary_en": "One question.",
    "sectors": ["1"], "doc_kind": "articles",
    "publish_at": local(pub), "closes_at": local(pub + datetime.timedelta(days=32)),
    "results_due_at": local(pub + datetime.timedelta(days=40)),
    "final_publication_at": local(pub + datetime.timedelta(days=50)),
})
t.eq(r.status, 303, "a poll draft is created")
act = r.header("Location").split("?")[0].rsplit("/", 1)[1]
B = "/staff/activities/%s/questions" % act
page = "/staff/activities/%s" % act
r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 422, "a poll without its question cannot be submitted")
t.ok("أضف أسئلة الاستبيان أو الاستطلاع أولاً" in r.text or "Add the questions" in r.text, "saying so")
r = sup.submit(B, "/staff/activities/%s/questions" % act, {
    "kind": "single", "text_ar": "ما وسيلة التنقل المفضلة؟", "required": "1",
    "options_ar": "حافلة\nسيارة\nحافلة ", "options_en": "Bus\nCar\nBus"})
t.eq(r.status, 422, "an answer given twice is refused")
t.ok('id="e-options_ar"' in r.text and r.text.count('href="#f-options_ar"') == 1,
     "at the answers' field, listed once in the summary")
t.eq(sql1("SELECT COUNT(*) FROM questions WHERE activity_id=%s" % act), "0", "no question stored")
r = sup.submit(B, "/staff/activities/%s/questions" % act, {
    "kind": "single", "text_ar": "ما وسيلة التنقل المفضلة؟", "required": "1",
    "options_ar": "حافلة\nسيارة\nمشي", "options_en": "Bus\nbus\nWalking"})
t.ok(r.status == 422 and 'id="e-options_en"' in r.text, "so is an English one (whatever its case)")
t.eq(sup.submit(B, "/staff/activities/%s/questions" % act, {
    "kind": "single", "text_ar": "ما وسيلة التنقل المفضلة؟", "required": "1",
    "options_ar": "حافلة\nسيارة\nمشي", "options_en": "Bus\nCar\nWalking"}).status, 303, "its question")
r = sup.submit(B, "/staff/activities/%s/questions" % act, {"kind": "single", "text_ar": "سؤال ثانٍ", "options_ar": "أ\nب"})
t.eq(r.status, 422, "a poll takes one question only")
t.ok("سؤال ثانٍ" in r.text, "the text typed is kept")
t.eq(sup.submit(B, "/staff/activities/%s/poll" % act, {"results": "sealed"}).status, 303, "sealed until closing")
t.eq(sql1("SELECT results FROM poll_settings WHERE activity_id=%s" % act), "sealed", "stored")
page = "/staff/activities/%s" % act
sup.submit(page, page + "/workflow", {"event": "submit"})
coord.submit(page, page + "/workflow", {"event": "forward"})
t.eq(liaison.submit(page, page + "/workflow", {"event": "approve"}).status, 303, "approved through the chain")
sql("UPDATE activities SET publish_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % act)
tick()
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % act), "open", "open")
opts = [x[0] for x in sql("SELECT o.id FROM question_options o JOIN questions q ON q.id=o.question_id "
                            "WHERE q.activity_id=%s ORDER BY o.position" % act)]

S = "/consultations/%s/survey" % act
votes = {"citizen@sharek.test": 0, "citizen2@sharek.test": 0, "citizen3@sharek.test": 2}
clients = {}
for email, k in votes.items():
    c = Client()
    c.login(email)
    clients[email] = c
    h = hidden_fields(c.get(S).text, S)
    r = c.post(S, dict(h, page="0", go="submit", a0=opts[k]))
    t.eq(r.status, 303, "%s votes" % email)
    if email == "citizen@sharek.test":
        t.eq(c.post(S, dict(h, page="0", go="submit", a0=opts[k])).status, 303, "the same vote posted twice")
t.eq(sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % act), "3", "three votes, the double post stored once")

cit = clients["citizen@sharek.test"]
for who, cl, path in (("the voter", cit, S), ("the voter", cit, S + "/results"),
                      ("anyone", Client(), S + "/results"), ("staff", sup, "/staff/activities/%s/results" % act)):
    r = cl.get(path)
    body = re.sub(r"<script.*?</script>", "", r.text, flags=re.S)
    t.ok('class="responses"' not in body and "<svg" not in body and 'class="answered"' not in body,
         "sealed: no count on %s for %s" % (path, who))
    sec = re.search(r'<section class="survey-results".*?</section>', body, re.S)
    nums = re.findall(r"\d+", re.sub(r"<[^>]*>", " ", sec.group(0))) if sec else []
    t.eq(nums, [], "no number in the results section (%s)" % path)
t.ok("sealed" in cit.get(S + "/results").text or "مختومة" in cit.get(S + "/results").text, "it says the results are sealed")
csvr = sup.get("/staff/activities/%s/responses.csv" % act)
t.eq(csvr.status, 409, "no CSV of a sealed poll before closing")
feed = Client().get("/feeds/activities.atom")
t.ok(feed.status == 200, "the feed answers")

sql("UPDATE activities SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % act)
tick()
t.ok(sql1("SELECT state FROM activities WHERE id=%s" % act) in ("closed", "analysis"), "closed")
r = Client().get(S + "/results")
t.ok('<strong class="responses">3</strong>' in r.text, "after closing: the number of votes")
cells = re.findall(r'<tr><th scope="row"><bdi>([^<]*)</bdi></th><td>(\d+)</td><td>([\d.]+)%</td></tr>', r.text)
t.eq([c[1] for c in cells], ["2", "0", "1"], "and the votes per option")
t.eq([c[2] for c in cells], ["66.7", "0.0", "33.3"], "with their percentages")
t.eq(sup.get("/staff/activities/%s/responses.csv" % act).status, 200, "the CSV once closed")

# demo.sql's open poll shows its results after voting.
pl = sql1("SELECT a.id FROM activities a JOIN poll_settings p ON p.activity_id=a.id "
          "WHERE a.kind='poll' AND a.state='open' AND p.results='after_vote' ORDER BY a.id LIMIT 1")
P = "/consultations/%s/survey" % pl
res = Client()
res.login("resident@sharek.test")
r = res.get(P + "/results")
t.ok('class="responses"' not in r.text, "before voting: no results")
before = int(sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % pl))
popt = [x[0] for x in sql("SELECT o.id FROM question_options o JOIN questions q ON q.id=o.question_id "
                            "WHERE q.activity_id=%s ORDER BY o.position" % pl)]
h = hidden_fields(res.get(P).text, P)
t.eq(res.post(P, dict(h, page="0", go="submit", a0=popt[3])).status, 303, "the resident votes")
r = res.get(P + "/results")
t.ok('<strong class="responses">%d</strong>' % (before + 1) in r.text, "after voting: the results, with the vote")
want = [sql1("SELECT COUNT(*) FROM answers WHERE option_id=%s" % o) for o in popt]
cells = re.findall(r'<tr><th scope="row"><bdi>[^<]*</bdi></th><td>(\d+)</td>', r.text)
t.eq(cells, want, "each option's count equals a count of the answers")
t.ok('href="%s/results"' % P in res.get(P).text, "the poll's page links its results")

# The published results of demo.sql's closed poll (art. 9-هـ): its report
# and, on the same page, the per-question results.
done = sql1("SELECT a.id FROM activities a JOIN reports p ON p.activity_id=a.id WHERE a.kind='poll' "
            "AND a.state='published' AND p.state='published' ORDER BY a.id LIMIT 1")
r = Client().get("/consultations/%s/results" % done)
t.eq(r.status, 200, "the published poll's results page")
n = sql1("SELECT COUNT(*) FROM responses WHERE activity_id=%s" % done)
t.ok('class="survey-results"' in r.text and '<strong class="responses">%s</strong>' % n in r.text,
     "shows the poll's per-question results with its %s votes" % n)
dopt = [x[0] for x in sql("SELECT o.id FROM question_options o JOIN questions q ON q.id=o.question_id "
                            "WHERE q.activity_id=%s ORDER BY o.position" % done)]
sec = re.search(r'<section class="survey-results".*?</section>\s*</section>', r.text, re.S)
got = re.findall(r'<tr><th scope="row"><bdi>[^<]*</bdi></th><td>(\d+)</td>', sec.group(0) if sec else "")
t.eq(got, [sql1("SELECT COUNT(*) FROM answers WHERE option_id=%s" % o) for o in dopt],
     "each option's votes as counted from the answers")

# A restricted survey is only its targets'.
rs = sql1("SELECT id FROM activities WHERE kind='survey' AND audience='restricted' ORDER BY id LIMIT 1")
t.eq(Client().get("/consultations/%s/survey" % rs).status, 404, "a restricted survey is not shown to others")
t.done()
