"""The open-data distributions (issue 15): a consultation's CSV, JSON and
XML hold the same comments, positions and counts as its public results
page; no commenter's name, e-mail or phone is in any distribution of any
dataset; CSV is RFC 4180 and exact (no value altered), JSON typed; the
data dictionary describes every column in Arabic and English; streamed
(no Content-Length), HEAD without rows, ?modified_since= keeps the rows
changed since then.  The data is made here."""
import csv
import html
import io
import json
import re
import sys
import xml.etree.ElementTree as ET
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, URL

t = Tap()
c = Client()
en = Client(lang="en")
TAG = "T131"


def q(s):
    return s.replace("\\", "\\\\").replace("'", "\\'")


# ---- data: a published consultation with comments from every kind of author -------------
for tbl in ("comments", "reports"):
    sql("DELETE x FROM %s x JOIN activities a ON a.id = x.activity_id WHERE a.title_en = '%s results'" % (tbl, TAG))
sql("DELETE FROM activities WHERE title_en = '%s results'" % TAG)
sql("DELETE FROM users WHERE email LIKE '%%@t131.sharek.test'")
sql("""INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar,
  summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at,
  final_publication_at, comments_published, participants, created_at, updated_at)
SELECT kind, entity_id, author_id, 'public', 'published', 'نتائج للاختبار', '%s results', summary_ar,
  summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at,
  final_publication_at, 0, 0, created_at, UTC_TIMESTAMP()
  FROM activities WHERE title_en = 'Policy on reducing plastic bags'""" % TAG)
aid = sql1("SELECT id FROM activities WHERE title_en = '%s results'" % TAG)
sql("INSERT INTO articles (activity_id, position, number_label, title_ar, body_ar) VALUES "
    "(%s, 1, 'المادة 1', 'عنوان', 'نص')" % aid)
art = sql1("SELECT id FROM articles WHERE activity_id = %s" % aid)
PEOPLE = [  # kind, e-mail, full name, org name, mobile
    ("person", "walid@t131.sharek.test", "وليد فراس الزعبي", None, "+962790131001"),
    ("organisation", "assoc@t131.sharek.test", "رنا كمال", "جمعية الاختبار للتنمية", "+96265131002"),
    ("person", "gone@t131.sharek.test", "مستخدم محذوف", None, "+962790131003"),
]
uids = []
for kind, email, name, org, mobile in PEOPLE:
    sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, org_name, "
        "contact_person, mobile, lang, role, created_at, updated_at) VALUES ('%s', '%s', UTC_TIMESTAMP(), "
        "'x', '%s', %s, %s, '%s', 'ar', 'citizen', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (kind, email, q(name), "'%s'" % q(org) if org else "NULL", "'%s'" % q(name) if org else "NULL",
           mobile))
    uids.append(sql1("SELECT id FROM users WHERE email = '%s'" % email))
# The third deleted its account: personal fields erased, the row kept.
sql("UPDATE users SET deleted_at = UTC_TIMESTAMP(), active = 0, email = NULL, full_name = '', mobile = NULL "
    "WHERE id = %s" % uids[2])
BODIES = [  # user, body, position, reply_ar, reply_en
    (uids[0], 'تعليق، فيه فاصلة و"اقتباس"\nوسطر ثانٍ', "accepted", "قُبل", "Accepted, thanks"),
    (uids[1], "=SUM(A1:A9) ليس صيغة بل نص", "partially", "قُبل جزئياً", "Partly"),
    (uids[1], "-5 درجات في الشتاء", "rejected", "لم يُقبل", None),
    (uids[2], "تعليق من حساب حُذف", "noted", None, None),
    ("NULL", "تعليق بلا حساب", None, None, None),
]
for i, (u, body, pos, rar, ren) in enumerate(BODIES):
    sql("INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, "
        "moderation_due_at, moderated_at, entity_position, entity_reply_ar, entity_reply_en, position_at) VALUES "
        "(%s, %s, %s, '%s', '', 'published', UTC_TIMESTAMP() - INTERVAL %d DAY, UTC_TIMESTAMP(), "
        "UTC_TIMESTAMP() - INTERVAL %d DAY, %s, %s, %s, %s)"
        % (aid, art if i % 2 == 0 else "NULL", u, q(body), 20 - i, 19 - i,
           "'%s'" % pos if pos else "NULL", "'%s'" % q(rar) if rar else "NULL",
           "'%s'" % q(ren) if ren else "NULL", "UTC_TIMESTAMP() - INTERVAL 10 DAY" if pos else "NULL"))
# Not published: never exported.
sql("INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at) VALUES "
    "(%s, %s, 'تعليق مرفوض لا يُصدَّر', '', 'rejected', UTC_TIMESTAMP(), UTC_TIMESTAMP()),"
    "(%s, %s, 'تعليق ينتظر الإشراف', '', 'pending', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (aid, uids[0], aid, uids[0]))
sql("UPDATE activities SET comments_published = %d, participants = 4 WHERE id = %s" % (len(BODIES), aid))
sql("INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, published_at, created_at, "
    "updated_at) VALUES (%s, 'published', 4, 'ملخص', 'Summary', UTC_TIMESTAMP() - INTERVAL 1 DAY, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % aid)
# Campaign groups (migration 0013): each comment alone, but the last two
# in nearly the same words; a theme of the analysis on the first.
sql("UPDATE comments SET group_id = id WHERE activity_id = %s" % aid)
last2 = [x[0] for x in sql("SELECT id FROM comments WHERE activity_id = %s AND status = 'published' "
                           "ORDER BY id DESC LIMIT 2" % aid)]
sql("UPDATE comments SET group_id = %s, group_kind = 'near' WHERE id IN (%s, %s)" % (last2[1], last2[0], last2[1]))
rep = sql1("SELECT id FROM reports WHERE activity_id = %s" % aid)
sql("INSERT INTO report_topics (report_id, position, kind, title_ar, title_en) VALUES "
    "(%s, 1, 'added', 'محور البدائل', 'Alternatives'), (%s, 2, 'added', 'محور الرقابة', 'Enforcement')"
    % (rep, rep))
first = sql1("SELECT MIN(id) FROM comments WHERE activity_id = %s AND status = 'published'" % aid)
sql("INSERT INTO comment_topics (comment_id, topic_id) SELECT %s, id FROM report_topics WHERE report_id = %s"
    % (first, rep))
slug = "consultation-%s" % aid
want = sql("SELECT id, body, COALESCE(entity_position, '') FROM comments WHERE activity_id = %s "
           "AND status = 'published' ORDER BY id" % aid)
want = [(a, b.replace("\\n", "\n"), p) for a, b, p in want]  # mariadb -B writes a new line as \n
t.eq(len(want), len(BODIES), "%d published comments made" % len(want))

# ---- CSV --------------------------------------------------------------------------------------
r = c.get("/opendata/datasets/%s.csv" % slug)
t.eq(r.status, 200, "GET %s.csv" % slug)
t.eq(r.header("Content-Type"), "text/csv; charset=utf-8; header=present", "as CSV in UTF-8 with a header row")
t.ok(r.header("Content-Length") is None, "streamed: no Content-Length")
rows = list(csv.DictReader(io.StringIO(r.raw.decode("utf-8"), newline="")))
t.ok(r.raw.endswith(b"\r\n") and r.raw.count(b"\r\n") == len(rows) + 1,
     "each record ends with CRLF, a new line inside a quoted field stays as typed (RFC 4180)")
schema = json.loads(c.get("/opendata/datasets/%s.schema.json" % slug).raw)
cols = [x["name"] for x in schema["tableSchema"]["columns"]]
t.eq(list(rows[0].keys()) if rows else None, cols, "the header row is the data dictionary's columns, in order")
t.eq([(int(x["id"]), x["body"], x["position"]) for x in rows], [(int(a), b, p) for a, b, p in want],
     "the CSV has every published comment, text exact (quotes, commas, new lines, = and - kept), and its position")
t.eq([x["author_type"] for x in rows], ["natural_person", "legal_person", "legal_person", "natural_person",
                                        "unknown"],
     "each author is a type: natural or legal person, unknown without an account")
t.ok(rows and rows[0]["reply_en"] == "Accepted, thanks" and rows[0]["article"] == "المادة 1",
     "with the entity's reply and the article")
t.ok(rows and rows[0]["themes_ar"] == "محور البدائل | محور الرقابة" and rows[0]["themes_en"] ==
     "Alternatives | Enforcement" and rows[1]["themes_en"] == "", "and the themes of the analysis, in both languages")
t.eq([x["group_id"] for x in rows][-2:], [str(last2[1])] * 2, "and its campaign group")

# ---- the public results page shows the same ---------------------------------------------------
page = en.get("/consultations/%s" % aid).text
shown = {int(m.group(1)): (html.unescape(m.group(2)), html.unescape(m.group(3) or ""))
         for m in re.finditer(r'<div class="card comment" id="c(\d+)">.*?<p dir="auto">(.*?)</p>\s*'
                              r'(?:<div class="position"><p>[^<]*<strong>(.*?)</strong>)?', page, re.S)}
LABELS = {"accepted": "Accepted", "partially": "Partly accepted", "rejected": "Not accepted", "noted": "Noted",
          "": ""}
t.eq(shown, {int(x["id"]): (x["body"], LABELS[x["position"]]) for x in rows},
     "the results page shows the same comments with the same positions")
m = re.search(r"Published comments \((\d+)\)", page)
t.eq(int(m.group(1)) if m else None, len(rows), "and the same count")

# The results page (issue 11): every comment and the entity's position,
# each campaign group once with its size.
page = en.get("/consultations/%s/results" % aid).text
groups = {}
for x in rows:
    groups.setdefault(x["group_id"], []).append(x)
shown = {int(m.group(1)): (int(m.group(2) or 1), html.unescape(m.group(3)), m.group(4) or "")
         for m in re.finditer(r'<li class="card comment" id="c(\d+)">.*?(?:<span class="group-size">(\d+)</span>.*?)?'
                              r'<p class="body" dir="auto">(.*?)</p>\s*(?:<p class="position pos-([a-z_]+)")?',
                              page, re.S)}
t.eq(shown, {int(g[0]["id"]): (len(g), g[0]["body"], g[0]["position"]) for g in groups.values()},
     "the results page shows the same comments, positions and group sizes, each group once")

# ---- JSON and XML: the same rows ------------------------------------------------------------
r = c.get("/opendata/datasets/%s.json" % slug)
t.eq(r.header("Content-Type"), "application/json; charset=utf-8", "JSON")
data = json.loads(r.raw)
t.eq([{k: ("" if v is None else str(v)) for k, v in o.items()} for o in data], rows,
     "the JSON has the same rows as the CSV")
t.ok(isinstance(data[0]["id"], int) and data[-1]["position"] is None and data[1]["article_id"] is None,
     "numbers as numbers, empty values as null")
r = c.get("/opendata/datasets/%s.xml" % slug)
t.eq(r.header("Content-Type"), "application/xml; charset=utf-8", "XML")
doc = ET.fromstring(r.raw)
xrows = [{k: (e.findtext(k) or "") for k in cols} for e in doc.findall("comment")]
t.eq(xrows, rows, "the XML has the same rows")

# ---- streaming, HEAD, modified_since ------------------------------------------------------------
h = c.request("HEAD", "/opendata/datasets/%s.csv" % slug)
t.ok(h.status == 200 and h.raw == b"" and h.header("Content-Type") == "text/csv; charset=utf-8; header=present",
     "HEAD: the headers, no rows")
t.ok("schema.json" in (c.get("/opendata/datasets/%s.csv" % slug).header("Link") or ""),
     "the data dictionary is linked (rel=describedby)")
sql("UPDATE comments SET position_at = UTC_TIMESTAMP() + INTERVAL 1 DAY WHERE id = %s" % want[2][0])
since = sql1("SELECT DATE_FORMAT(UTC_TIMESTAMP() + INTERVAL 12 HOUR, '%Y-%m-%dT%H:%i:%sZ')")
r = c.get("/opendata/datasets/%s.csv?modified_since=%s" % (slug, since))
got = [int(x["id"]) for x in csv.DictReader(io.StringIO(r.raw.decode("utf-8"), newline=""))]
t.eq(got, [int(want[2][0])], "modified_since keeps the rows changed since then")
day = since[:10]
r = c.get("/opendata/datasets/%s.json?modified_since=%s" % (slug, day))
t.ok(r.status == 200 and [o["id"] for o in json.loads(r.raw)] == [int(want[2][0])], "a date alone works too")
r = c.get("/opendata/datasets/%s.csv?modified_since=yesterday" % slug)
t.eq(r.status, 400, "a bad date is a 400")
t.ok("modified_since</code>:" in r.text, "whose page names the parameter and says what is wrong")
r = Client(lang="en").get("/opendata/datasets/complaints-monthly.csv?modified_since=%s" % day)
t.ok(r.status == 400 and "This dataset cannot be filtered by date." in r.text,
     "a dataset that cannot be filtered by date says so (in the reader's language)", r.status)
poll = sql1("SELECT a.id FROM activities a JOIN reports r ON r.activity_id = a.id WHERE a.kind = 'poll' "
            "AND a.state = 'published' AND r.published_at IS NOT NULL AND a.audience = 'public' LIMIT 1")
if poll:
    t.eq(c.get("/opendata/datasets/poll-%s.csv?modified_since=%s" % (poll, day)).status, 400,
         "a dataset that cannot say when a row changed refuses modified_since")
t.eq(c.get("/opendata/datasets/consultation-999999999.csv").status, 404, "an unknown dataset is 404")
draft = sql1("SELECT id FROM activities WHERE state = 'draft' LIMIT 1")
t.eq(c.get("/opendata/datasets/consultation-%s.json" % draft).status, 404, "a draft is no dataset")

# ---- the data dictionary ------------------------------------------------------------------------
desc = {x["name"]: {d["@language"]: d["@value"] for d in x["dc:description"]} for x in
        schema["tableSchema"]["columns"]}
t.ok(all(set(v) == {"ar", "en"} and v["ar"] != v["en"] for v in desc.values()),
     "every column's meaning is in Arabic and English")
t.ok(all(x.get("datatype") in ("integer", "string", "datetime", "gYearMonth")
         for x in schema["tableSchema"]["columns"]), "with its type")
t.eq(schema.get("url"), "%s/opendata/datasets/%s.csv" % (URL, slug), "the dictionary names its CSV")

# ---- the monthly complaint statistics: kpi_daily summed, never a request -------------------
r = c.get("/opendata/datasets/complaints-monthly.csv")
crow = list(csv.DictReader(io.StringIO(r.raw.decode("utf-8"), newline="")))
want_c = sql("SELECT DATE_FORMAT(k.day, '%Y-%m'), e.slug, t.code, COALESCE(x.code, ''), SUM(k.received), "
             "SUM(k.late), SUM(k.reopened) FROM kpi_daily k JOIN entities e ON e.id = k.entity_id "
             "JOIN request_types t ON t.id = k.type_id LEFT JOIN request_axes x ON x.id = k.axis_id "
             "GROUP BY 1, e.id, t.id, k.axis_id ORDER BY 1, e.id, t.id, k.axis_id")
t.ok(len(want_c) > 0 and [[x["month"], x["entity"], x["type"], x["axis"], x["received"], x["late"], x["reopened"]]
                          for x in crow] == [list(w) for w in want_c],
     "complaints-monthly: one row per month, entity, type and axis, the sums of kpi_daily (%d rows)" % len(crow))
refs = [x[0] for x in sql("SELECT ref_no FROM requests WHERE ref_no IS NOT NULL")]
t.ok(refs and not any(ref in r.text for ref in refs), "no request's reference number in it")

# ---- no personal data in any distribution of any dataset ---------------------------------------
secrets = [s for p in PEOPLE for s in (p[1], p[2], p[3], p[4]) if s]
for email, name, org, mobile in sql("SELECT DISTINCT u.email, u.full_name, COALESCE(u.org_name, ''), "
                                    "COALESCE(u.mobile, '') FROM comments c JOIN users u ON u.id = c.user_id "
                                    "WHERE u.email IS NOT NULL"):
    secrets += [s for s in (email, name, org, mobile) if s and s != "NULL"]
slugs = re.findall(r'/opendata/datasets/([a-z0-9-]+)\.csv', c.get("/opendata?per_page=1000").text)
t.ok(slug in slugs and "activities" in slugs and "complaints-monthly" in slugs,
     "the open-data page lists %d datasets, this one too" % len(slugs))
leaks = []
for s in slugs:
    for ext in ("csv", "json", "xml"):
        body = c.get("/opendata/datasets/%s.%s" % (s, ext)).raw.decode("utf-8")
        for secret in secrets:
            if secret in body or (ext == "json" and json.dumps(secret)[1:-1] in body):
                leaks.append("%s.%s: %s" % (s, ext, secret))
t.ok(not leaks and len(secrets) > 10, "no name, e-mail or phone of a commenter in any of the %d files (%d checked)"
     % (3 * len(slugs), len(secrets)), "\n".join(leaks[:10]))

for tbl in ("comments", "reports", "articles"):
    sql("DELETE FROM %s WHERE activity_id = %s" % (tbl, aid))
sql("DELETE FROM activities WHERE id = %s" % aid)
sql("DELETE FROM users WHERE id IN (%s)" % ",".join(uids))
sys.exit(t.done())
