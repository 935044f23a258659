"""A survey's and a poll's open data are their public results (issue 15):
the CSV and JSON distributions of survey-N and poll-N hold the same
questions, the same answers and the same counts (votes, answered) as
/consultations/N/survey/results in Arabic and English — the questions
answered by a value too (a scale, yes/no, a number: each value a row
labelled as on the page, with the page's mean and median) — and the
same free-text answers: only those moderation approved.  Each distribution
written whole has its size in the catalog (dcat:byteSize,
xsd:nonNegativeInteger) equal to the bytes served, and /opendata shows
it.  The data is made here."""
import csv
import html
import io
import json
import os
import re
import subprocess
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
import rdflib
from rdflib.namespace import DCAT, XSD
from sharek import Client, Tap, sql, sql1, URL, VAR

t = Tap()
ar, en = Client(lang="ar"), Client(lang="en")
TAG = "T132"


def cleanup():
    for tbl in ("answer_counts", "question_stats"):
        sql("DELETE x FROM %s x JOIN questions q ON q.id = x.question_id JOIN activities a ON a.id = q.activity_id "
            "WHERE a.title_en LIKE '%s %%'" % (tbl, TAG))
    sql("DELETE x FROM answers x JOIN responses r ON r.id = x.response_id JOIN activities a ON a.id = r.activity_id "
        "WHERE a.title_en LIKE '%s %%'" % TAG)
    for tbl in ("responses", "reports", "questions", "question_sections", "poll_settings"):
        sql("DELETE x FROM %s x JOIN activities a ON a.id = x.activity_id WHERE a.title_en LIKE '%s %%'" % (tbl, TAG))
    sql("DELETE FROM activities WHERE title_en LIKE '%s %%'" % TAG)


cleanup()
users = [x[0] for x in sql("SELECT id FROM users WHERE role = 'citizen' AND deleted_at IS NULL ORDER BY id LIMIT 5")]
t.ok(len(users) >= 4, "%d citizens to answer" % len(users))


def make(kind, questions):
    """A published survey or poll: questions [(kind, ar, en, [(ar, en)…], {column: value})], answers
    [[per question: option positions (1-based), a text, ("v", value) or None]] per respondent."""
    sql("""INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar,
      summary_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at,
      updated_at)
    SELECT '%s', entity_id, author_id, 'public', 'published', 'نتائج %s للاختبار', '%s %s', summary_ar,
      summary_en, UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 10 DAY,
      UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() + INTERVAL 5 DAY, UTC_TIMESTAMP() + INTERVAL 20 DAY,
      UTC_TIMESTAMP() - INTERVAL 50 DAY, UTC_TIMESTAMP()
      FROM activities WHERE title_en = 'Policy on reducing plastic bags'""" % (kind, kind, TAG, kind))
    aid = sql1("SELECT id FROM activities WHERE title_en = '%s %s'" % (TAG, kind))
    if kind == "poll":
        sql("INSERT INTO poll_settings (activity_id, results) VALUES (%s, 'after_vote')" % aid)
    sql("INSERT INTO question_sections (activity_id, position, title_ar, title_en) VALUES "
        "(%s, 1, 'القسم', 'Section')" % aid)
    sec = sql1("SELECT id FROM question_sections WHERE activity_id = %s" % aid)
    qids = []
    for pos, (qk, qar, qen, opts, *more) in enumerate(questions, 1):
        extra = more[0] if more else {}
        sql("INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required%s) VALUES "
            "(%s, %s, %d, '%s', '%s', '%s', 0%s)" % ("".join(", " + k for k in extra), aid, sec, pos, qk, qar, qen,
                                                   "".join(", '%s'" % v for v in extra.values())))
        qid = sql1("SELECT id FROM questions WHERE activity_id = %s AND position = %d" % (aid, pos))
        for op, (oar, oen) in enumerate(opts, 1):
            sql("INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES "
                "(%s, %d, '%s', '%s')" % (qid, op, oar, oen))
        qids.append(qid)
    return aid, qids


def answer(aid, qids, sheets):
    for uid, sheet in zip(users, sheets):
        sql("INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES "
            "(%s, %s, UNHEX(SHA2(CONCAT('t132-', %s, '-', %s), 256)), UTC_TIMESTAMP() - INTERVAL 20 DAY)"
            % (aid, uid, aid, uid))
        rid = sql1("SELECT id FROM responses WHERE activity_id = %s AND user_id = %s" % (aid, uid))
        for qid, got in zip(qids, sheet):
            if got is None:
                continue
            if isinstance(got, tuple):
                sql("INSERT INTO answers (response_id, question_id, value) VALUES (%s, %s, %d)" % (rid, qid, got[1]))
                continue
            if isinstance(got, str):
                sql("INSERT INTO answers (response_id, question_id, text) VALUES (%s, %s, '%s')" % (rid, qid, got))
                continue
            for p in got:
                sql("INSERT INTO answers (response_id, question_id, option_id) SELECT %s, %s, id "
                    "FROM question_options WHERE question_id = %s AND position = %d" % (rid, qid, qid, p))
        # The aggregates as a response keeps them (survey_counts_apply, survey_stats_apply).
        sql("INSERT INTO answer_counts (question_id, row_key, opt_key, value, n) "
            "SELECT x.question_id, x.row_key, x.opt_key, COALESCE(x.value, 0), COUNT(*) FROM answers x "
            "WHERE x.response_id = %s AND (x.option_id IS NOT NULL OR x.value IS NOT NULL) "
            "GROUP BY x.question_id, x.row_key, x.opt_key, COALESCE(x.value, 0) "
            "ON DUPLICATE KEY UPDATE n = n + VALUES(n)" % rid)
        sql("INSERT INTO question_stats (question_id, shown, answered, selections) "
            "SELECT x.question_id, 1, MAX(x.option_id IS NOT NULL OR x.value IS NOT NULL OR x.text IS NOT NULL), "
            "SUM(x.option_id IS NOT NULL) FROM answers x WHERE x.response_id = %s GROUP BY x.question_id "
            "ON DUPLICATE KEY UPDATE shown = shown + VALUES(shown), answered = answered + VALUES(answered), "
            "selections = selections + VALUES(selections)" % rid)
    sql("INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, published_at, "
        "created_at, updated_at) VALUES (%s, 'published', %d, 'ملخص', 'Summary', UTC_TIMESTAMP() - INTERVAL 1 DAY, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (aid, len(sheets)))


SECRET = "نص حر سري لا يصدر"
survey, sq = make("survey", [
    ("single", "ما وسيلة تنقلك؟", "How do you travel?", [("حافلة", "Bus"), ("سيارة", "Car"), ("مشياً", "On foot")]),
    ("multiple", "ما الذي يهمك؟", "What matters to you?",
     [("السعر", "Price"), ("الوقت", "Time"), ("الراحة، والأمان", "Comfort, and safety")]),
    ("text", "ملاحظات أخرى", "Other remarks", []),
    ("scale", "ما مدى رضاك عن الخدمة؟", "How satisfied are you with the service?", [],
     dict(scale_min=1, scale_max=5, low_label_ar="غير راضٍ", low_label_en="Not satisfied",
          high_label_ar="راضٍ جداً", high_label_en="Very satisfied")),
    ("yesno", "هل تستخدم النقل العام؟", "Do you use public transport?", []),
    ("number", "كم رحلة تقوم بها في الأسبوع؟", "How many trips do you make a week?", []),
])
PUBLISHED = "نص منشور بعد الإشراف، بفاصلة"
answer(survey, sq, [[[1], [1, 2], PUBLISHED, ("v", 1), ("v", 1), ("v", 3)],
                    [[1], [3], SECRET, ("v", 4), ("v", 1), ("v", 10)],
                    [[3], [1, 2, 3], SECRET + " 2", ("v", 5), ("v", 0), ("v", 3)],
                    [[2], [], SECRET + " 3", ("v", 5), None, ("v", 7)]])
# Moderation (migration 0022): one approved, one rejected, the others pending.
sql("UPDATE answers SET text_status = 'approved' WHERE question_id = %s AND text = '%s'" % (sq[2], PUBLISHED))
sql("UPDATE answers SET text_status = 'rejected' WHERE question_id = %s AND text = '%s'" % (sq[2], SECRET))
poll, pq = make("poll", [("single", "هل تؤيد؟", "Do you agree?", [("نعم", "Yes"), ("لا", "No"), ("لا أدري", "Not sure")])])
answer(poll, pq, [[[1]], [[1]], [[2]], [[1]]])


def page_results(client, aid):
    """{question text: (answered, {option label: count})} from the results page."""
    r = client.get("/consultations/%s/survey/results" % aid)
    out = {}
    means.clear()
    for m in re.finditer(r'<section class="question-result" id="result-q(\d+)".*?</section>', r.text, re.S):
        sec = m.group(0)
        title = html.unescape(re.search(r"<h3[^>]*><bdi>(.*?)</bdi></h3>", sec, re.S).group(1))
        answered = int(re.search(r'<span class="answered">(\d+)</span>', sec).group(1))
        body = re.search(r"<tbody>(.*?)</tbody>", sec, re.S)
        counts = {html.unescape(a): int(b) for a, b in re.findall(
            r'<tr><th scope="row"><bdi>(.*?)</bdi></th><td>(\d+)</td>', body.group(1) if body else "")}
        out[title] = (answered, counts)
        stats = re.search(r'<strong class="mean">([^<]*)</strong>.*?<strong class="median">([^<]*)</strong>', sec, re.S)
        if stats:
            means[title] = stats.groups()
    return r.status, out


means = {}          # {question text: (mean, median)} as the page last read showed them


def data_results(rows, lang):
    """The same from the rows of a distribution."""
    out = {}
    for x in rows:
        if x["text"]:
            continue
        q = out.setdefault(x["question_" + lang], (int(x["answered"] or 0), {}))
        q[1][x["option_" + lang]] = int(x["votes"])
    return out


for kind, aid, nq in (("survey", survey, 5), ("poll", poll, 1)):
    slug = "%s-%s" % (kind, aid)
    r = en.get("/opendata/datasets/%s.csv" % slug)
    t.eq(r.status, 200, "GET %s.csv" % slug)
    crows = list(csv.DictReader(io.StringIO(r.raw.decode("utf-8"), newline="")))
    jr = en.get("/opendata/datasets/%s.json" % slug)
    jraw = json.loads(jr.raw)
    # The decimals (mean, median) are JSON numbers: "4.00" in the CSV is 4.0 there.
    dec = lambda k, v: float(v) if k in ("mean", "median") and v not in (None, "") else ("" if v is None else str(v))
    jrows = [{k: dec(k, v) for k, v in o.items()} for o in jraw]
    t.eq(jrows, [{k: dec(k, v) for k, v in o.items()} for o in crows], "%s: the JSON has the rows of the CSV" % kind)
    t.ok(all(isinstance(o["mean"], (int, float)) for o in jraw if o["mean"] is not None) and
         all(isinstance(o["value"], int) for o in jraw if o["value"] is not None),
         "%s: with the values and decimals as JSON numbers" % kind)
    t.ok(not any(SECRET in f.raw.decode("utf-8") for f in (r, jr)),
         "%s: no free-text answer pending or rejected in the files" % kind)
    texts = [(x["question_en"], x["text"], x["option_id"], x["votes"]) for x in crows if x["text"]]
    t.eq(texts, [("Other remarks", PUBLISHED, "", "")] if kind == "survey" else [],
         "%s: the approved free-text answer is a row of its own, without option or votes" % kind)
    for lang, client in (("en", en), ("ar", ar)):
        status, shown = page_results(client, aid)
        t.eq(status, 200, "%s: the public results page (%s)" % (kind, lang))
        # The free-text question has no counts, on the page or in the data.
        texts = [k for k, (_, c) in shown.items() if not c]
        shown = {k: v for k, v in shown.items() if v[1]}
        data = data_results(crows, lang)
        t.ok(len(texts) == (1 if kind == "survey" else 0) and not set(texts) & set(data),
             "%s: the free-text question is on the page without counts, not among the counted (%s)" % (kind, lang),
             texts)
        if kind == "survey":
            page = client.get("/consultations/%s/survey/results" % aid).text
            published = [html.unescape(x) for x in re.findall(r'<ul class="texts"><li dir="auto">(.*?)</li>', page)]
            t.eq(published, [x["text"] for x in crows if x["text"]],
                 "survey: the page publishes the same free-text answers as the data (%s)" % lang)
        t.ok(len(shown) == nq and all(sum(c.values()) > 0 for _, c in shown.values()),
             "%s: the page shows %d questions with counts (%s)" % (kind, nq, lang), shown)
        t.eq(data, shown, "%s: the same questions, answers and counts in the data as on the page (%s)" % (kind, lang))
        dstats = {x["question_" + lang]: (x["mean"], x["median"]) for x in crows if x["mean"]}
        t.eq(dstats, means, "%s: the same means and medians in the data as on the page (%s)" % (kind, lang))

# The expected numbers themselves, not only their agreement.
_, shown = page_results(en, survey)
t.eq(shown.get("How do you travel?"), (4, {"Bus": 2, "Car": 1, "On foot": 1}), "the single-choice counts")
t.eq(shown.get("What matters to you?"), (3, {"Price": 2, "Time": 2, "Comfort, and safety": 2}),
     "the multiple-choice counts (answered by 3 of 4, one answer with a comma)")
t.eq(shown.get("How satisfied are you with the service?"),
     (4, {"1 (Not satisfied)": 1, "2": 0, "3": 0, "4": 1, "5 (Very satisfied)": 2}),
     "the scale's counts: every point, its ends labelled")
t.eq(means.get("How satisfied are you with the service?"), ("3.75", "4.5"), "the scale's mean and median")
t.eq(shown.get("Do you use public transport?"), (3, {"Yes": 2, "No": 1}), "the yes/no counts (answered by 3)")
t.eq((shown.get("How many trips do you make a week?"), means.get("How many trips do you make a week?")),
     ((4, {"3": 2, "7": 1, "10": 1}), ("5.75", "5")), "the number's counts, mean and median")
_, shown = page_results(ar, survey)
t.eq(shown.get("هل تستخدم النقل العام؟"), (3, {"نعم": 2, "لا": 1}), "the yes/no counts in Arabic")
t.eq(shown.get("ما مدى رضاك عن الخدمة؟", (0, {}))[1].get("5 (راضٍ جداً)"), 2, "the scale's end labelled in Arabic")
rows = list(csv.DictReader(io.StringIO(en.get("/opendata/datasets/survey-%s.csv" % survey).raw.decode("utf-8"),
                                       newline="")))
t.eq([(x["value"], x["option_position"], x["option_id"]) for x in rows if x["kind"] == "yesno"],
     [("1", "1", ""), ("0", "2", "")], "yes/no: its two values in the page's order, without an option number")

# ---- dcat:byteSize: the size of each file as last written whole -----------------------------------
tag = en.get("/opendata/catalog.ttl?per_page=1000").header("ETag")
sizes = {}
for ext in ("csv", "json", "xml"):
    sizes[ext] = len(en.get("/opendata/datasets/survey-%s.%s" % (survey, ext)).raw)
en.get("/opendata/datasets/poll-%s.csv" % poll)
t.eq(en.request("HEAD", "/opendata/datasets/poll-%s.xml" % poll).status, 200, "HEAD of a file not yet written")
r = en.get("/opendata/catalog.ttl?per_page=1000", headers={"If-None-Match": tag})
t.eq(r.status, 200, "a size newly known changes the catalog's ETag (no 304 for the copy without it)")
g = rdflib.Graph()
g.parse(data=r.raw, format="turtle")
base = "%s/opendata/datasets/survey-%s" % (URL, survey)
got = {ext: g.value(rdflib.URIRef("%s#%s" % (base, ext)), DCAT.byteSize) for ext in sizes}
t.eq({k: (int(v), v.datatype) if v is not None else None for k, v in got.items()},
     {k: (v, XSD.nonNegativeInteger) for k, v in sizes.items()},
     "each distribution served whole has dcat:byteSize, the bytes served, as xsd:nonNegativeInteger")
# With its sizes the catalog still conforms to the shapes, in both serialisations.
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
tmp = tempfile.mkdtemp(prefix="catalog132.", dir=VAR if os.path.isdir(VAR) else None)
files = []
for ext in ("ttl", "rdf"):
    files.append(os.path.join(tmp, "sized.%s" % ext))
    with open(files[-1], "wb") as f:
        f.write(en.get("/opendata/catalog.%s?per_page=1000" % ext).raw)
proc = subprocess.run(["node", os.path.join(ROOT, "tests", "opendata", "validate.mjs"),
                       os.path.join(ROOT, "..", "shared", "data", "dcat-ap-3.0.1")] + files,
                      capture_output=True, text=True, timeout=120)
reports = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
t.ok(len(reports) == 2 and all(rep.get("conforms") is True for rep in reports),
     "the catalog with dcat:byteSize conforms to the DCAT-AP 3.0.1 shapes (Turtle and RDF/XML)",
     json.dumps([rep.get("violations", [])[:3] or rep.get("error") for rep in reports], ensure_ascii=False)
     or proc.stderr)
subprocess.run(["rm", "-rf", tmp])
pb = "%s/opendata/datasets/poll-%s" % (URL, poll)
t.ok(g.value(rdflib.URIRef(pb + "#csv"), DCAT.byteSize) is not None
     and g.value(rdflib.URIRef(pb + "#xml"), DCAT.byteSize) is None,
     "a HEAD writes no file, so it gives no size")
page = en.get("/opendata?per_page=1000").text
card = re.search(r'<li class="card" id="survey-%s">.*?</li>' % survey, page, re.S)
t.ok(card and card.group(0).count('class="muted"') == 3, "/opendata shows the size of each of its files")
# A file cut short by modified_since says nothing of the whole one's size.
before = sql1("SELECT bytes FROM od_sizes WHERE dataset = 'activities' AND format = 'csv'")
whole = len(en.get("/opendata/datasets/activities.csv").raw)
en.get("/opendata/datasets/activities.csv?modified_since=2999-01-01")
t.eq(sql1("SELECT bytes FROM od_sizes WHERE dataset = 'activities' AND format = 'csv'"), str(whole),
     "the size is the whole file's, not a filtered one's (was %s)" % before)

cleanup()
sql("DELETE FROM od_sizes WHERE dataset IN ('survey-%s', 'poll-%s')" % (survey, poll))
sys.exit(t.done())
