"""Issue 17, the read path without nginx's cache: each public worker keeps
the whole page of a consultation it drew for an anonymous reader and, while
nothing the page shows has changed, answers with it after one statement
(the generations, consult_gens).  Anything that changes the page is seen
on the very next request by every worker, whoever made the change: the
activity's row, a comment published or taken back, a commenter's new
name, an article, the entity's name; the clock alone too (the closing
passing turns the page to closed with no write at all).  The home page and
the list of consultations are kept the same way, under the activities'
generation.  A signed-in
visitor, or any request with a session cookie, never gets the copy; each
language and each declared parameter has its own, an undeclared one
shares it.  The trigger that bumps an activity's generation names every
column of activities but its two comment counters, so a column added
later cannot be forgotten."""
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, across_closing, page_round, sql, sql1, workers

t = Tap()
N = 4 * max(2, len(workers("public")))   # enough requests to meet every worker

# A consultation of our own, open for 10 minutes, unlisted (in no list or
# feed), with two articles and one published comment of a citizen.
tag = "k178-%d" % int(time.time() * 1000)
sql("""
INSERT INTO activities (kind, entity_id, author_id, audience, unlisted, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, created_at, updated_at)
SELECT 'consultation', e.id, u.id, 'public', 1, 'open', 'استشارة %(t)s', 'Consultation %(t)s',
  'ملخص', 'Summary', 'أهداف', 'Objectives', UTC_TIMESTAMP() - INTERVAL 1 DAY,
  UTC_TIMESTAMP() + INTERVAL 10 MINUTE, UTC_TIMESTAMP() + INTERVAL 10 MINUTE,
  UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM entities e JOIN users u ON u.entity_id = e.id AND u.role = 'supervisor'
 WHERE e.slug = 'moh' LIMIT 1""" % {"t": tag})
act = sql1("SELECT id FROM activities WHERE title_en = 'Consultation %s'" % tag)
sql("""INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en)
VALUES (%s, 1, '1', 'المادة الأولى', 'Article one', 'نص أول', 'First text %s'),
       (%s, 2, '2', 'المادة الثانية', 'Article two', 'نص ثان', 'Second text')""" % (act, tag, act))
art = sql1("SELECT id FROM articles WHERE activity_id = %s AND position = 1" % act)
citizen = sql1("SELECT id FROM users WHERE email = 'citizen@sharek.test'")
old_name = sql1("SELECT full_name FROM users WHERE id = %s" % citizen)
sql("""INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at,
  moderation_due_at, ip) VALUES
  (%s, %s, %s, 'Published remark %s', UNHEX(SHA2('a%s', 256)), 'published', UTC_TIMESTAMP(),
   UTC_TIMESTAMP() + INTERVAL 3 DAY, '127.0.0.1'),
  (%s, %s, %s, 'Pending remark %s', UNHEX(SHA2('b%s', 256)), 'pending', UTC_TIMESTAMP(),
   UTC_TIMESTAMP() + INTERVAL 3 DAY, '127.0.0.1')""" % (act, art, citizen, tag, tag, act, art, citizen, tag, tag))
pending = sql1("SELECT id FROM comments WHERE body = 'Pending remark %s'" % tag)
page = "/consultations/%s" % act
anon = Client(lang="en")          # past nginx's cache (X-Sharek-Nocache)


def round_(path=page, client=anon, **kw):
    """N requests: (bodies, statement counts, how many were the copy)."""
    return page_round(t, client, path, N, **kw)


def every(bodies, pred):
    return all(pred(b) for b in bodies)


# ---- one statement, the same page ------------------------------------------------
first = anon.get(page)
t.eq(first.status, 200, "the consultation answers")
bodies, counts, reused = round_()
t.ok(max(counts[-N // 2:]) == 1, "once every worker drew it, an anonymous reader's page runs "
     "1 statement (%s)" % counts, counts)
t.ok(reused >= N // 2, "and is the worker's copy (%d of %d)" % (reused, N))
t.ok(every(bodies, lambda b: b == first.text), "and is the page as drawn the first time, byte for byte")
t.ok("Published remark %s" % tag in first.text and "Pending remark" not in first.text,
     "it shows the published comment, not the pending one")

# ---- a change is seen on the very next request, by every worker ---------------------
sql("UPDATE activities SET title_en = 'Consultation %s renamed' WHERE id = %s" % (tag, act))
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "Consultation %s renamed" % tag in b),
     "the activity renamed: every next request shows the new title")

sql("UPDATE comments SET status = 'published' WHERE id = %s" % pending)
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "Pending remark %s" % tag in b),
     "a comment published: shown on every next request")
sql("UPDATE comments SET status = 'rejected' WHERE id = %s" % pending)
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "Pending remark %s" % tag not in b),
     "the same comment taken back: gone from every next request")

sql("UPDATE comments SET entity_position = 'accepted', entity_reply_en = 'Our reply %s' WHERE body = 'Published remark %s'" % (tag, tag))
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "Our reply %s" % tag in b),
     "the agency's reply to a published comment: shown on every next request")

sql("UPDATE users SET full_name = 'Renamed %s' WHERE id = %s" % (tag, citizen))
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "Renamed %s" % tag in b),
     "the commenter renamed: every next request shows the new name")
sql("UPDATE users SET full_name = '%s' WHERE id = %s" % (old_name.replace("'", "''"), citizen))

sql("UPDATE articles SET body_en = 'First text %s edited' WHERE id = %s" % (tag, art))
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "First text %s edited" % tag in b),
     "an article edited: shown on every next request")

ent = sql1("SELECT entity_id FROM activities WHERE id = %s" % act)
ent_name = sql1("SELECT name_en FROM entities WHERE id = %s" % ent)
sql("UPDATE entities SET name_en = 'Ministry %s' WHERE id = %s" % (tag, ent))
bodies, _, _ = round_()
t.ok(every(bodies, lambda b: "Ministry %s" % tag in b),
     "the entity renamed: every next request shows the new name")
sql("UPDATE entities SET name_en = '%s' WHERE id = %s" % (ent_name.replace("'", "''"), ent))

# ---- the clock alone -----------------------------------------------------------------
notes = []
still_open, closed_by_clock = across_closing(
    act, lambda: round_()[0], lambda b: "badge state-open" in b,
    lambda b: "badge state-closed" in b and "Closed on" in b, notes=notes)
t.ok(still_open, "a consultation closing in a few seconds is shown open until then", notes)
t.ok(closed_by_clock, "its closing passing, with no write to the database, every next request "
     "shows it closed (the copy ends at the closing)")

# ---- never for a session; per language and declared parameter --------------------------
cit = Client(lang="en")
t.eq(cit.login("citizen@sharek.test").status, 303, "the citizen signs in")
sql("UPDATE activities SET closes_at = UTC_TIMESTAMP() + INTERVAL 10 MINUTE WHERE id = %s" % act)
bodies, counts, reused = round_(client=cit)
t.ok(reused == 0 and min(counts) > 1, "a signed-in reader's page is drawn for them every time "
     "(%s statements)" % counts, counts)
t.ok(every(bodies, lambda b: 'name="csrf"' in b), "with their own form and token")
bodies, counts, reused = round_(headers={"Cookie": "sk_session=not-a-session"})
t.eq(reused, 0, "a request with a session cookie, even a stale one, never gets the copy")

ar = Client(lang="ar")
bodies, counts, reused = round_(client=ar)
t.ok(every(bodies, lambda b: 'lang="ar"' in b[:300]) and reused >= N // 2,
     "the Arabic page has its own copy, in Arabic (%d of %d)" % (reused, N))
bodies, counts, reused = round_(path=page + "?article=%s" % art)
t.ok(every(bodies, lambda b: "Article one" in b and b != first.text) and reused >= N // 2,
     "a declared parameter (one article's thread) has its own copy (%d of %d)" % (reused, N))
plain = round_()[0][0]              # every worker has the plain copy
bodies, counts, reused = round_(path=page + "?k178=x")
t.ok(every(bodies, lambda b: b == plain) and reused == N,
     "an undeclared parameter, which the page ignores, shares the plain copy (%d of %d)" % (reused, N))

# ---- the lists: the home page and /consultations ----------------------------------------
# A listed consultation of our own, the newest: first on the home page's
# open list and on /consultations, whatever other tests made.
sql("""
INSERT INTO activities (kind, entity_id, author_id, audience, unlisted, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, created_at, updated_at)
SELECT 'consultation', e.id, u.id, 'public', 0, 'open', 'مدرجة %(t)s', 'Listed %(t)s',
  'ملخص', 'Summary', 'أهداف', 'Objectives', UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 10 DAY,
  UTC_TIMESTAMP() + INTERVAL 10 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY,
  UTC_TIMESTAMP(), UTC_TIMESTAMP()
  FROM entities e JOIN users u ON u.entity_id = e.id AND u.role = 'supervisor'
 WHERE e.slug = 'moh' LIMIT 1""" % {"t": tag})
listed = sql1("SELECT id FROM activities WHERE title_en = 'Listed %s'" % tag)
title = "Listed %s" % tag
for path in ("/", "/consultations", "/consultations?state=open"):
    bodies, counts, reused = round_(path=path)
    t.ok(reused >= N // 2 and max(counts[-N // 2:]) == 1 and every(bodies, lambda b: title in b),
         "%s: the worker's copy after one statement, with the new consultation (%d of %d; %s)"
         % (path, reused, N, counts), counts)
sql("UPDATE activities SET title_en = 'Licensing %s' WHERE id = %s" % (tag, listed))
for path in ("/", "/consultations", "/consultations?state=open"):
    bodies, _, _ = round_(path=path)
    t.ok(every(bodies, lambda b: "Licensing %s" % tag in b),
         "%s: an activity renamed is shown renamed on every next request" % path)
sql("UPDATE activities SET title_en = '%s' WHERE id = %s" % (title.replace("'", "''"), listed))
bodies, _, _ = round_(path="/consultations")
t.ok(every(bodies, lambda b: "Licensing %s" % tag not in b and title in b),
     "and back: every next request shows the old title")
bodies, counts, reused = round_(path="/", client=cit)
t.ok(reused == 0 and every(bodies, lambda b: "/logout" in b or "Sign out" in b),
     "a signed-in reader's home page is theirs, never the copy")

# ---- the trigger's columns -----------------------------------------------------------
body = sql1("SELECT ACTION_STATEMENT FROM information_schema.TRIGGERS "
            "WHERE TRIGGER_SCHEMA = DATABASE() AND TRIGGER_NAME = 'gen_activities_upd'")
cols = sql("SELECT COLUMN_NAME FROM information_schema.COLUMNS WHERE TABLE_SCHEMA = DATABASE() "
           "AND TABLE_NAME = 'activities'")
cols = [c[0] for c in cols]
missing = [c for c in cols if c not in ("comments_pending", "participants")
           and ("OLD.%s <=> NEW.%s" % (c, c)) not in (body or "")]
t.ok(body is not None and not missing, "gen_activities_upd compares every column of activities "
     "but its two comment counters (missing: %s)" % missing, missing)

# Clean up: our activities and their rows.
sql("DELETE FROM comments WHERE activity_id = %s" % act)
sql("DELETE FROM articles WHERE activity_id = %s" % act)
for a in (act, listed):
    try:
        sql("DELETE FROM activities WHERE id = %s" % a)
    except Exception:
        pass
t.done()
