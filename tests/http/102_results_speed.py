"""Issue 11, speed: the public results page runs a constant number of SQL
statements whatever the number of comments (X-Sharek-Queries equal with
10 and with 10,010 positioned comments), pages the comments by keyset,
and reads its statistics from the summary rows, not from the comments."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
ent = sql1("SELECT id FROM entities WHERE slug='moh'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
cit = sql1("SELECT id FROM users WHERE email='citizen@sharek.test'")
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en, "
    "publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) "
    "VALUES ('consultation', %s, %s, 'public', 'published', 'نتائج سريعة 102', 'Fast results 102', 'ملخص', 'Summary', "
    "UTC_TIMESTAMP() - INTERVAL 90 DAY, UTC_TIMESTAMP() - INTERVAL 50 DAY, UTC_TIMESTAMP() - INTERVAL 50 DAY, "
    "UTC_TIMESTAMP() - INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (ent, author))
act = sql1("SELECT id FROM activities WHERE title_en='Fast results 102'")
sql("INSERT INTO articles (activity_id, position, number_label, title_ar, body_ar) VALUES "
    "(%s, 1, '1', 'الأولى', 'نص المادة الأولى'), (%s, 2, '2', 'الثانية', 'نص المادة الثانية')" % (act, act))
art = sql1("SELECT MIN(id) FROM articles WHERE activity_id=%s" % act)
sql("INSERT INTO reports (activity_id, state, summary_ar, summary_en, published_at, created_at, updated_at) "
    "VALUES (%s, 'published', 'ملخص التقرير', 'Report summary', UTC_TIMESTAMP() - INTERVAL 20 DAY, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % act)
rep = sql1("SELECT id FROM reports WHERE activity_id=%s" % act)
sql("INSERT INTO report_articles (report_id, article_id, position, number_label, title_ar, body_ar, status) "
    "SELECT %s, id, position, number_label, title_ar, CONCAT(body_ar, ' معدلة'), 'changed' FROM articles "
    "WHERE activity_id=%s" % (rep, act))


def add(n, start):
    sql("INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, "
        "moderation_due_at, entity_position, entity_reply_ar) SELECT %s, IF(seq %% 2, %s, NULL), %s, "
        "CONCAT('تعليق رقم ', seq), UNHEX(SHA2(seq, 256)), 'published', UTC_TIMESTAMP() - INTERVAL 60 DAY, "
        "UTC_TIMESTAMP() - INTERVAL 57 DAY, ELT(1 + seq %% 4, 'accepted', 'partially', 'rejected', 'noted'), "
        "CONCAT('رد ', seq) FROM seq_%d_to_%d" % (act, art, cit, start, start + n - 1))
    sql("UPDATE comments SET group_id = id WHERE activity_id=%s AND group_id IS NULL" % act)


add(10, 1)
pages = ["/consultations/%s/results" % act,
         "/consultations/%s/results?position=accepted&article=%s" % (act, art)]
q1 = [Client().get(p).header("X-Sharek-Queries") for p in pages]
add(10000, 11)
q2 = [Client().get(p).header("X-Sharek-Queries") for p in pages]
for p, a, b in zip(pages, q1, q2):
    t.ok(a is not None and a == b, "%s: %s statements with 10 comments and %s with 10,010" % (p, a, b))
r = Client().get(pages[0])
t.eq(len(re.findall(r'class="card comment"', r.text)), 50, "comments come 50 a page")
m = re.search(r'after=(\d+)#comments', r.text)
t.ok(m is not None, "with a link to the next page (keyset)")
if m:
    r2 = Client().get(pages[0] + "?after=" + m.group(1))
    ids1 = set(re.findall(r'id="c(\d+)"', r.text))
    ids2 = set(re.findall(r'id="c(\d+)"', r2.text))
    t.ok(len(ids2) == 50 and not ids1 & ids2, "the next page has 50 others")
sql("UPDATE activities SET state='withdrawn' WHERE id=%s" % act)
t.done()
