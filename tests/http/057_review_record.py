"""Review screens show the whole record (issue 10): every field of an
activity in Arabic and English side by side (title, summary, objectives,
announcements, sectors, audience, dates, links — a link's title in each
language), every article in both languages, the document and the
attachments opening in the browser, and what changed since the last
return: a return takes a snapshot of the record (migration 0012) and the
next reviewer sees a word-level difference per field and per article,
an article added or removed since said so."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()

moh = sql1("SELECT id FROM entities WHERE slug='moh'")
sup_id = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
F = {"title_ar": "مسودة تعليمات المختبرات الطبية للاختبار 057",
     "title_en": "Draft medical laboratory instructions (test 057)",
     "summary_ar": "ملخص التعليمات قبل الإعادة.", "summary_en": "The summary before the return mentions cardamom.",
     "objectives_ar": "أهداف التعليمات بالعربية.", "objectives_en": "The objectives in English.",
     "announcements_ar": "إعلان بالعربية.", "announcements_en": "An announcement in English."}
cols = ", ".join(F)
vals = ", ".join("'%s'" % v for v in F.values())
sql("INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, %s, doc_kind, "
    "publish_at, closes_at, results_due_at, final_publication_at, created_at, updated_at) "
    "VALUES ('consultation', %s, %s, 'public', 0, 'submitted', %s, 'articles', "
    "UTC_TIMESTAMP() + INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 50 DAY, UTC_TIMESTAMP() + INTERVAL 60 DAY, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (cols, moh, sup_id, vals))
aid = sql1("SELECT MAX(id) FROM activities WHERE title_en='%s'" % F["title_en"])
sql("INSERT INTO activity_sectors (activity_id, sector_id) VALUES (%s, 1)" % aid)
sector_ar, sector_en = sql("SELECT name_ar, name_en FROM sectors WHERE id = 1")[0]
sql("INSERT INTO activity_links (activity_id, title_ar, title_en, url) VALUES "
    "(%s, 'دليل المختبرات', 'Laboratory guide', 'https://example.org/labs')" % aid)
sql("INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES "
    "(%s, 1, '1', 'النطاق', 'Scope', 'تسري هذه التعليمات على المختبرات الطبية الخاصة.', "
    "'These instructions apply to private medical laboratories.'), "
    "(%s, 2, '2', 'الترخيص', 'Licensing', 'يشترط الترخيص المسبق.', 'A prior licence is required.')"
    % (aid, aid))
art1, art2 = [row[0] for row in sql("SELECT id FROM articles WHERE activity_id=%s ORDER BY position" % aid)]

sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
coord = Client()
t.eq(coord.login("coordinator@moh.sharek.test", prefix="/staff").status, 303, "the coordinator signs in")
coord.get("/staff/lang/en?next=/staff/")
page = "/staff/activities/%s" % aid


def rows(html):
    """The record's rows: label -> the row's HTML."""
    body = html.split('id="record"', 1)[1].split("</table>", 1)[0] if 'id="record"' in html else ""
    return {re.sub(r"<[^>]+>", "", m.group(1)).strip(): m.group(0)
            for m in re.finditer(r'<tr[^>]*><th scope="row">(.*?)</th>.*?</tr>', body, re.S)}


# ---- the whole record, both languages side by side --------------------------
r = coord.get(page)
t.eq(r.status, 200, "the coordinator opens the submitted consultation")
rec = rows(r.text)
for label, key in (("Title", "title"), ("Summary", "summary"), ("Objectives", "objectives"),
                   ("Announcements", "announcements")):
    row = next((v for k, v in rec.items() if k.startswith(label)), "")
    t.ok(F[key + "_ar"] in row and F[key + "_en"] in row
         and re.search(r'<td lang="ar" dir="rtl">.*%s' % re.escape(F[key + "_ar"]), row, re.S)
         and re.search(r'<td lang="en" dir="ltr">.*%s' % re.escape(F[key + "_en"]), row, re.S),
         "%s: the Arabic and the English side by side, each in its own language" % label, row[:300])
sec = next((v for k, v in rec.items() if k.startswith("Sectors concerned")), "")
t.ok(sector_ar in sec and sector_en in sec, "the sectors in both languages", sec[:300])
lnk = next((v for k, v in rec.items() if k.startswith("Related links")), "")
t.ok("دليل المختبرات" in lnk and "Laboratory guide" in lnk, "a link's title in each language", lnk[:300])
t.ok('<a href="https://example.org/labs" rel="noopener" dir="auto">Laboratory guide</a>' in r.text,
     "the link itself, titled in the reader's language")
t.ok(any(k.startswith("Audience") for k in rec) and "Public: everyone" in r.text, "the audience")
for label in ("Publication", "Closing", "Analysis results due", "Final publication due"):
    row = next((v for k, v in rec.items() if k.startswith(label)), "")
    t.ok(re.search(r"\d{1,2}:\d{2}", row) is not None, "the date: %s, with its time" % label, row[:200])
for body in ("تسري هذه التعليمات على المختبرات الطبية الخاصة.",
             "These instructions apply to private medical laboratories.",
             "يشترط الترخيص المسبق.", "A prior licence is required."):
    t.ok(body in r.text, "every article in both languages: %s" % body)
t.ok('id="since-return"' not in r.text and "<del>" not in r.text,
     "never returned: no difference shown")

# ---- a return keeps what the record was ---------------------------------------
REASON = "Name the laboratories concerned"
r = coord.submit(page, page + "/workflow", {"event": "return", "reason": REASON})
t.eq(r.status, 303, "the coordinator returns it with a reason")
snap = sql("SELECT s.id, s.summary_en, s.sectors_en, s.links_en, w.to_state, w.reason "
           "FROM activity_snapshots s JOIN workflow_events w ON w.id = s.event_id "
           "WHERE s.activity_id=%s" % aid)
t.eq(len(snap), 1, "the return took one snapshot, tied to its history row")
if snap:
    t.ok(snap[0][1] == F["summary_en"] and snap[0][4] == "returned" and snap[0][5] == REASON,
         "holding the texts as returned", snap[0])
    t.ok(sector_en in snap[0][2] and "Laboratory guide" in snap[0][3], "the sectors and the links", snap[0])
    t.eq(int(sql1("SELECT COUNT(*) FROM activity_snapshot_articles WHERE snapshot_id=%s" % snap[0][0])), 2,
         "and every article")

# ---- the author changes things ------------------------------------------------
sql("UPDATE activities SET summary_en = 'The summary after the return mentions saffron.' WHERE id=%s" % aid)
r = sup.submit(page, page + "/articles/%s" % art1, {
    "number_label": "1", "title_ar": "النطاق", "title_en": "Scope",
    "body_ar": "تسري هذه التعليمات على المختبرات الطبية الخاصة والحكومية.",
    "body_en": "These instructions apply to private medical laboratories."})
t.eq(r.status, 303, "the supervisor edits article 1")
r = sup.submit(page, page + "/articles/%s/delete" % art2, {})
t.eq(r.status, 303, "deletes article 2")
r = sup.submit(page, page + "/articles", {"number_label": "3", "title_ar": "العقوبات",
                                          "body_ar": "يعاقب المخالف وفق القانون.", "title_en": "",
                                          "body_en": ""})
t.eq(r.status, 303, "and adds article 3")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
_, hidden = sup.form(page, page + "/attachments")
r = sup.post_multipart(page + "/attachments", dict(hidden, title_ar="قائمة المختبرات", title_en="List of laboratories"),
                       {"file": ("مختبرات.pdf", PDF, "application/pdf")})
t.eq(r.status, 303, "attaches a PDF")
r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 303, "and submits it again")

# ---- the next review: what changed since the return ---------------------------
r = coord.get(page)
t.eq(r.status, 200, "the coordinator opens it again")
t.ok('id="since-return"' in r.text, "a notice says it was returned and what changed since", r.text[:0])
rec = rows(r.text)
summ = next((v for k, v in rec.items() if k.startswith("Summary")), "")
t.ok(re.search(r"<del>.*before.*</del>", summ, re.S) and re.search(r"<ins>.*after.*</ins>", summ, re.S)
     and "changed" in summ, "the summary's difference: the removed and the added words", summ[:600])
t.ok(re.search(r"<del>.*cardamom.*</del>", summ, re.S) and re.search(r"<ins>.*saffron.*</ins>", summ, re.S),
     "word by word")
title = next((v for k, v in rec.items() if k.startswith("Title")), "")
t.ok("<del>" not in title and "<ins>" not in title and "changed" not in title,
     "an unchanged field shows no difference", title[:300])
a1 = re.search(r'<div class="card article-review differs" id="article-%s">.*?</div>\s*</div>\s*</div>' % art1,
               r.text, re.S)
t.ok(a1 is not None and re.search(r"<ins>.*والحكومية.*</ins>", a1.group(0), re.S) is not None,
     "the edited article shows its difference", a1.group(0)[:500] if a1 else r.text[-3000:])
t.ok(re.search(r'class="card article-review[^"]*"[^>]*>\s*<h3>[^\n]*added since the return', r.text) is not None
     and "يعاقب المخالف وفق القانون." in r.text, "the new article says it was added")
t.ok(re.search(r'article-review removed">.*?removed since the return.*?<del>.*?يشترط الترخيص المسبق', r.text, re.S)
     is not None, "the deleted article is shown as removed, its text struck through")

# ---- the document and attachments open in the browser -------------------------
stored = sql1("SELECT u.stored_name FROM attachments x JOIN uploads u ON u.id = x.upload_id "
              "WHERE x.activity_id=%s" % aid)
t.ok(stored and '/staff/activities/%s/files/%s' % (aid, stored) in r.text, "the attachment is a link")
f = coord.get("/staff/activities/%s/files/%s" % (aid, stored))
t.eq(f.status, 200, "which the reviewer opens")
t.ok((f.header("Content-Disposition") or "").startswith("inline;")
     and (f.header("Content-Type") or "").startswith("application/pdf") and f.raw.startswith(b"%PDF"),
     "in the browser, as a PDF", f.header("Content-Disposition"))
other = sql1("SELECT a.id FROM activities a WHERE a.entity_id=%s AND a.id<>%s LIMIT 1" % (moh, aid))
t.eq(coord.get("/staff/activities/%s/files/%s" % (other, stored)).status, 404,
     "an upload is reached only through its own activity")
outsider = Client()
outsider.login("supervisor@moe.sharek.test", prefix="/staff")
t.eq(outsider.get("/staff/activities/%s/files/%s" % (aid, stored)).status, 404,
     "and only by who may see it")

# ---- links typed with both titles ----------------------------------------------
sql("UPDATE activities SET state='returned' WHERE id=%s" % aid)
r, hidden = sup.form(page + "/edit", page + "/edit")
form = dict(hidden)
form.update({k: v for k, v in F.items()})
form.update({"audience": "public", "sectors": "1", "doc_kind": "articles",
             "links": "دليل المختبرات | Laboratory guide | https://example.org/labs\nالقانون | https://example.org/law"})
r = sup.post(page + "/edit", form)
t.eq(r.status, 303, "the form takes links with a title in each language")
t.eq(sql("SELECT title_ar, COALESCE(title_en, '-'), url FROM activity_links WHERE activity_id=%s ORDER BY id" % aid),
     [["دليل المختبرات", "Laboratory guide", "https://example.org/labs"], ["القانون", "-", "https://example.org/law"]],
     "stored in both languages (one title: the English left empty)")
r = sup.get(page + "/edit")
t.ok("دليل المختبرات | Laboratory guide | https://example.org/labs" in r.text
     and "القانون | https://example.org/law" in r.text, "and shown again as typed")
# Nothing left waiting on anyone's dashboard for later tests.
sql("UPDATE activities SET state='withdrawn' WHERE id=%s" % aid)
t.done()
