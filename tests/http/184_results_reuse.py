"""Issue 17, the two slowest public pages: a consultation's published
results (/consultations/N/results) and a survey's results
(/consultations/N/survey/results) are kept whole by each public worker for
an anonymous reader and answered after one statement (results_gens: the
generations and the survey's response writes), whatever the number of
responses.  Everything that changes them shows on the very next request:
a survey answer through the form (new or changed) and responses made by
SQL (their triggers count them: the page shows exactly as many responses
as there are), an approved text answer; a report's summary, an entity's
reply, the final document, a new theme.  A signed-in reader never gets
the copy."""
import re
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, across_closing, hidden_fields, page_round, sql, sql1, workers

t = Tap()
N = 4 * max(2, len(workers("public")))   # enough requests to meet every worker
tag = "r184-%d" % int(time.time() * 1000)
anon = Client(lang="en")          # past nginx's cache (X-Sharek-Nocache)


def round_(path, client=anon):
    return page_round(t, client, path, N)


def every(bodies, pred):
    return all(map(pred, bodies))


def responses_shown(body):
    m = re.search(r'<strong class="responses">(\d+)</strong>', body)
    return int(m.group(1)) if m else None


def activity(kind, state, title, closes):
    sql("""
INSERT INTO activities (kind, entity_id, author_id, audience, unlisted, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, created_at, updated_at)
SELECT '%s', e.id, u.id, 'public', 1, '%s', 'نشاط %s', '%s', 'ملخص', 'Summary', 'أهداف', 'Objectives',
  UTC_TIMESTAMP() - INTERVAL 40 DAY, %s, %s, UTC_TIMESTAMP() + INTERVAL 20 DAY,
  UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM entities e JOIN users u ON u.entity_id = e.id AND u.role = 'supervisor'
 WHERE e.slug = 'moh' LIMIT 1""" % (kind, state, tag, title, closes, closes))
    return sql1("SELECT id FROM activities WHERE title_en = '%s'" % title)


# ==== a survey's results ==============================================================
sv = activity("survey", "open", "Survey %s" % tag, "UTC_TIMESTAMP() + INTERVAL 10 MINUTE")
sql("INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) "
    "VALUES (%s, 1, 'single', 'سؤال', 'Which one %s', 1)" % (sv, tag))
q1 = sql1("SELECT id FROM questions WHERE activity_id = %s AND position = 1" % sv)
sql("INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES "
    "(%s, 1, 'أ', 'Alpha'), (%s, 2, 'ب', 'Beta'), (%s, 3, 'ج', 'Gamma')" % (q1, q1, q1))
opts = [sql1("SELECT id FROM question_options WHERE question_id = %s AND position = %d" % (q1, p))
        for p in (1, 2, 3)]
sql("INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) "
    "VALUES (%s, 2, 'text', 'رأيك', 'Your view %s', 0)" % (sv, tag))
q2 = sql1("SELECT id FROM questions WHERE activity_id = %s AND position = 2" % sv)
SR = "/consultations/%s/survey/results" % sv
S = "/consultations/%s/survey" % sv


def gen(a):
    return sql1("SELECT COALESCE(MAX(gen), 0) FROM generations WHERE name = 'activity:%s'" % a)


first = anon.get(SR)
t.eq(first.status, 200, "an open survey's results page answers")
t.ok(responses_shown(first.text) is None and "shown after closing" in first.text,
     "without a number while it is open")
bodies, counts, reused = round_(SR)
t.ok(reused >= N // 2 and max(counts[-N // 2:]) == 1,
     "an anonymous reader's survey results are the worker's copy after 1 statement (%d of %d; %s)"
     % (reused, N, counts), counts)


def answer(client, option, text=""):
    r = client.get(S)
    h = hidden_fields(r.text, S)
    f = dict(h, page="0", go="submit")
    f["a0"] = option
    if text:
        f["a1"] = text
    return client.post(S, f)


cit = Client(lang="en")
t.eq(cit.login("citizen@sharek.test").status, 303, "a citizen signs in")
cit2 = Client(lang="en")
t.eq(cit2.login("citizen2@sharek.test").status, 303, "another citizen signs in")
g = gen(sv)
r = answer(cit, opts[0])
t.ok(r.status == 303 and "saved=1" in (r.header("Location") or ""), "the survey is answered through its form")
nxt = anon.get(SR)
t.ok(nxt.header("X-Sharek-Reused") != "1", "the very next anonymous request is drawn again: the answer "
     "moved the page's stamp")
t.eq(gen(sv), g, "without bumping the activity's generation (the consultation page's copy stays)")
round_(SR)
r = answer(cit, opts[1])
t.ok(r.status == 303 and "changed=1" in (r.header("Location") or ""), "and the answer changed")
t.ok(anon.get(SR).header("X-Sharek-Reused") != "1", "a changed answer moves the stamp too")
r = answer(cit2, opts[1])
t.eq(r.status, 303, "a second citizen answers")

# The clock alone: the closing passing shows the results with no write
# (the copy ends at the closing).
notes = []
hidden, by_clock = across_closing(sv, lambda: round_(SR)[0],
                                  lambda b: responses_shown(b) is None,
                                  lambda b: responses_shown(b) == 2, notes=notes)
t.ok(hidden, "a survey closing in a few seconds shows no number until then", notes)
t.ok(by_clock, "its closing passing, with no write, every next request shows its 2 responses")

# Closed: the results are shown.
sql("UPDATE activities SET state = 'closed', closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE, "
    "original_closes_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id = %s" % sv)
bodies, counts, reused = round_(SR)
t.ok(every(bodies, lambda b: responses_shown(b) == 2),
     "closed: every request shows the 2 responses made through the form (%s)"
     % sorted(set(responses_shown(b) for b in bodies)))
t.ok(reused >= N // 2 and max(counts[-N // 2:]) == 1,
     "as the worker's copy after 1 statement (%d of %d; %s)" % (reused, N, counts), counts)
t.ok(every(bodies, lambda b: re.search(r"Beta.{0,400}?>2<", b, re.S) is not None),
     "the changed answer counted once, for its new option")

# A response made by SQL (as tests, seeds and scripts do): counted by
# its trigger, shown on every next request, the activity's generation
# unchanged.
g = gen(sv)
key = "t184-%s" % tag
sql("INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) "
    "VALUES (%s, NULL, UNHEX(SHA2('%s', 256)), UTC_TIMESTAMP())" % (sv, key))
rid = sql1("SELECT id FROM responses WHERE voter_key = UNHEX(SHA2('%s', 256))" % key)
sql("INSERT INTO answers (response_id, question_id, option_id) VALUES (%s, %s, %s)" % (rid, q1, opts[2]))
sql("INSERT INTO answers (response_id, question_id, text) VALUES (%s, %s, 'Plain words %s')" % (rid, q2, tag))
sql("INSERT INTO answer_counts (question_id, row_key, opt_key, value, n) VALUES (%s, 0, %s, 0, 1) "
    "ON DUPLICATE KEY UPDATE n = n + 1" % (q1, opts[2]))
t.eq(gen(sv), g, "a response made by SQL bumps no generation")
bodies, counts, reused = round_(SR)
t.ok(every(bodies, lambda b: responses_shown(b) == 3),
     "a response made by SQL: every next request shows 3 (%s)" % sorted(set(responses_shown(b) for b in bodies)))
t.eq(str(responses_shown(bodies[-1])), sql1("SELECT COUNT(*) FROM responses WHERE activity_id = %s" % sv),
     "the number shown is the number of responses")
t.ok(every(bodies, lambda b: "Plain words %s" % tag not in b), "its text answer waits for moderation")
sql("UPDATE answers SET text_status = 'approved' WHERE response_id = %s AND question_id = %s" % (rid, q2))
bodies, _, _ = round_(SR)
t.ok(every(bodies, lambda b: "Plain words %s" % tag in b), "approved: shown on every next request")
sql("DELETE FROM responses WHERE id = %s" % rid)
sql("UPDATE answer_counts SET n = n - 1 WHERE question_id = %s AND opt_key = %s" % (q1, opts[2]))
bodies, _, _ = round_(SR)
t.ok(every(bodies, lambda b: responses_shown(b) == 2 and "Plain words %s" % tag not in b),
     "a response deleted: every next request shows 2 again, without its text")
sql("UPDATE questions SET text_en = 'Which one %s now' WHERE id = %s" % (tag, q1))
bodies, _, _ = round_(SR)
t.ok(every(bodies, lambda b: "Which one %s now" % tag in b), "a question's text edited: shown on every next request")

bodies, counts, reused = round_(SR, client=cit)
t.ok(reused == 0 and min(counts) > 1, "a signed-in reader's survey results are drawn for them every time (%s)"
     % counts, counts)
bodies, counts, reused = round_(SR, client=Client(lang="ar"))
t.ok(reused >= N // 2 and every(bodies, lambda b: 'lang="ar"' in b[:300]),
     "the Arabic page has its own copy (%d of %d)" % (reused, N))

# ==== a consultation's published results ==============================================
co = activity("consultation", "published", "Results %s" % tag, "UTC_TIMESTAMP() - INTERVAL 20 DAY")
sql("INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES "
    "(%s, 1, '1', 'المادة', 'Article one', 'نص', 'Consulted words')" % co)
art = sql1("SELECT id FROM articles WHERE activity_id = %s" % co)
sql("INSERT INTO reports (activity_id, state, summary_ar, summary_en, usage_ar, usage_en, published_at, "
    "created_at, updated_at) VALUES (%s, 'published', 'ملخص', 'Summary %s', 'استخدام', 'Usage', "
    "UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (co, tag))
rep = sql1("SELECT id FROM reports WHERE activity_id = %s" % co)
sql("INSERT INTO report_articles (report_id, article_id, position, number_label, title_ar, title_en, "
    "body_ar, body_en, status) VALUES (%s, %s, 1, '1', 'المادة', 'Article one', 'نص', "
    "'Consulted words amended', 'changed')" % (rep, art))
citizen = sql1("SELECT id FROM users WHERE email = 'citizen@sharek.test'")
sql("INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, "
    "moderation_due_at, entity_position, entity_reply_en) VALUES (%s, %s, %s, 'A remark %s', "
    "UNHEX(SHA2('c%s', 256)), 'published', UTC_TIMESTAMP() - INTERVAL 30 DAY, "
    "UTC_TIMESTAMP() - INTERVAL 27 DAY, 'noted', 'First reply %s')" % (co, art, citizen, tag, tag, tag))
sql("UPDATE comments SET group_id = id WHERE activity_id = %s" % co)
R = "/consultations/%s/results" % co

first = anon.get(R)
t.eq(first.status, 200, "the published results answer")
t.ok("Summary %s" % tag in first.text and "First reply %s" % tag in first.text,
     "with the report's summary and the entity's reply")
bodies, counts, reused = round_(R)
t.ok(reused >= N // 2 and max(counts[-N // 2:]) == 1,
     "an anonymous reader's results are the worker's copy after 1 statement (%d of %d; %s)"
     % (reused, N, counts), counts)
t.ok(every(bodies[-N // 2:], lambda b: b == bodies[-1]), "the same page each time")

sql("UPDATE reports SET summary_en = 'Summary %s revised' WHERE id = %s" % (tag, rep))
bodies, _, _ = round_(R)
t.ok(every(bodies, lambda b: "Summary %s revised" % tag in b), "the report's summary revised: on every next request")
sql("UPDATE comments SET entity_position = 'accepted', entity_reply_en = 'Second reply %s' "
    "WHERE activity_id = %s" % (tag, co))
bodies, _, _ = round_(R)
t.ok(every(bodies, lambda b: "Second reply %s" % tag in b and "First reply" not in b),
     "the entity's position and reply changed: on every next request")
sql("UPDATE report_articles SET body_en = 'Consulted words amended twice%s' WHERE report_id = %s"
    % (tag.replace("-", ""), rep))
bodies, _, _ = round_(R)
t.ok(every(bodies, lambda b: "twice%s" % tag.replace("-", "") in b),
     "the final document's article changed: on every next request")
sql("INSERT INTO report_topics (report_id, position, kind, title_ar, title_en, covered, contributions) "
    "VALUES (%s, 1, 'added', 'محور', 'Theme %s', 0, 0)" % (rep, tag))
bodies, _, _ = round_(R)
t.ok(every(bodies, lambda b: "Theme %s" % tag in b), "a theme added: on every next request")

bodies, counts, reused = round_(R, client=cit)
t.ok(reused == 0 and min(counts) > 1, "a signed-in reader's results are drawn for them every time (%s)"
     % counts, counts)
bodies, counts, reused = round_(R + "?position=accepted")
t.ok(reused >= N // 2 and every(bodies, lambda b: "Second reply %s" % tag in b),
     "a filter has its own copy (%d of %d)" % (reused, N))
rs = [anon.get(R, headers={"Cookie": "sk_session=not-a-session"}) for _ in range(N)]
reused_cookie = sum(x.header("X-Sharek-Reused") == "1" for x in rs)
t.eq(reused_cookie, 0, "a request with a session cookie, even a stale one, never gets the copy")

# Clean up: our activities and their rows.
for q in ("DELETE FROM responses WHERE activity_id = %s" % sv,
          "DELETE FROM questions WHERE activity_id = %s" % sv,
          "DELETE FROM comments WHERE activity_id = %s" % co,
          "DELETE FROM reports WHERE activity_id = %s" % co,
          "DELETE FROM articles WHERE activity_id = %s" % co):
    try:
        sql(q)
    except Exception:
        pass
for a in (sv, co):
    try:
        sql("DELETE FROM activities WHERE id = %s" % a)
    except Exception:
        pass
t.done()
