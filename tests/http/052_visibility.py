"""Who sees an activity outside the back office, decided in two places
that must agree: in C, activity_visible() on one activity (its page, its
files, a comment on it), and in SQL, the views listed_activities and
activity_readers (the list /consultations, the feeds).  For every state
x audience x reader (anonymous, a citizen addressed or not by a group,
staff of an entity addressed), one probe activity is set to that case
and every place is asked; each must answer exactly as the rule says:
a public state (open and after, never drafts, scheduled or withdrawn),
and a public audience or a restricted one addressed to the reader;
inter-agency never."""
import os
import sys
import uuid
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, VAR, sql, sql1

t = Tap()

STATES = ["draft", "submitted", "returned", "approved", "scheduled", "open",
          "closed", "analysis", "report_submitted", "report_approved",
          "published", "withdrawn"]
PUBLIC_STATES = {"open", "closed", "analysis", "report_submitted",
                 "report_approved", "published"}
AUDIENCES = ["public", "restricted", "interagency"]


def rule(state, audience, target):
    """The visibility rule of domain.md §4 (activity_visible)."""
    if state not in PUBLIC_STATES:
        return False
    return audience == "public" or (audience == "restricted" and target)


# The readers: who is addressed comes from activity_targets.
anon = Client()
member = Client()       # citizen3: a member of the demo group
t.eq(member.login("citizen3@sharek.test").status, 303, "a group member signs in")
other = Client()        # citizen4: in no group, no entity
t.eq(other.login("citizen4@sharek.test").status, 303, "a citizen outside the group signs in")
moe = Client()          # staff of an addressed entity, on the public site
t.eq(moe.login("coordinator@moe.sharek.test", prefix="/staff").status, 303,
     "staff of another entity sign in")
READERS = [("anonymous", anon, False), ("a citizen not addressed", other, False),
           ("a member of an addressed group", member, True),
           ("staff of an addressed entity", moe, True)]
uid = {name: sql1("SELECT id FROM users WHERE email='%s'" % e) for name, e in [
    ("anonymous", None), ("a citizen not addressed", "citizen4@sharek.test"),
    ("a member of an addressed group", "citizen3@sharek.test"),
    ("staff of an addressed entity", "coordinator@moe.sharek.test")] if e}
uid["anonymous"] = "0"

# The probe: a moh activity addressed (when restricted) to the demo group
# and to moe, with a PDF document, the newest of all so that it comes
# first in the list and in the feed.
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
moe_id = sql1("SELECT id FROM entities WHERE slug='moe'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
grp = sql1("SELECT id FROM user_groups WHERE name_en='Patient associations and carers'")
stored = uuid.uuid4().hex
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"
with open(os.path.join(VAR, "uploads", stored), "wb") as f:
    f.write(PDF)
os.chmod(os.path.join(VAR, "uploads", stored), 0o644)
sql("INSERT INTO uploads (stored_name, original_name, mime, size, sha256, uploaded_by, created_at) "
    "VALUES ('%s', 'probe.pdf', 'application/pdf', %d, UNHEX(SHA2('probe', 256)), %s, UTC_TIMESTAMP())"
    % (stored, len(PDF), author))
upload = sql1("SELECT id FROM uploads WHERE stored_name='%s'" % stored)
title = "مسبار الظهور " + stored[:8]
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, "
    "summary_ar, doc_kind, document_upload_id, publish_at, closes_at, original_closes_at, "
    "results_due_at, final_publication_at, created_at, updated_at) VALUES ('consultation', %s, %s, "
    "'public', 'draft', '%s', 'Visibility probe', 'مسبار', 'pdf', %s, UTC_TIMESTAMP(), "
    "UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 60 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, UTC_TIMESTAMP(), "
    "UTC_TIMESTAMP())" % (moh, author, title, upload))
aid = sql1("SELECT id FROM activities WHERE title_ar='%s'" % title)
t.ok(aid is not None, "a probe activity is created")
sql("INSERT INTO activity_targets (activity_id, group_id) VALUES (%s, %s)" % (aid, grp))
sql("INSERT INTO activity_targets (activity_id, entity_id) VALUES (%s, %s)" % (aid, moe_id))
t.eq(sql1("SELECT COUNT(*) FROM activity_readers WHERE activity_id=%s AND user_id IN (%s, %s)"
          % (aid, uid["a member of an addressed group"], uid["staff of an addressed entity"])),
     "2", "activity_readers names the group member and the entity's staff")
t.eq(sql1("SELECT COUNT(*) FROM activity_readers WHERE activity_id=%s AND user_id=%s"
          % (aid, uid["a citizen not addressed"])), "0", "and not the citizen outside them")

page = "/consultations/" + aid
link = 'href="/consultations/%s"' % aid
mismatches = []


def check(what, got, want, case):
    if got != want:
        mismatches.append("%s: %s (got %s, want %s)" % (case, what, got, want))


for state in STATES:
    for audience in AUDIENCES:
        sql("UPDATE activities SET state='%s', audience='%s' WHERE id=%s" % (state, audience, aid))
        for name, c, target in READERS:
            want = rule(state, audience, target)
            case = "%s, %s, %s" % (state, audience, name)
            # SQL alone: the views, as the list statements use them.
            in_views = sql1("SELECT COUNT(*) FROM listed_activities a WHERE a.id=%s AND "
                            "(a.audience='public' OR EXISTS (SELECT 1 FROM activity_readers r "
                            "WHERE r.activity_id=a.id AND r.user_id=%s))" % (aid, uid[name])) == "1"
            check("the views", in_views, want, case)
            # C: the page and the file ask activity_visible().
            check("its page", c.get(page).status == 200, want, case)
            check("its document", c.get("/files/" + stored).status == 200, want, case)
            # SQL: the list (newest first: the probe is on the first page).
            check("the list", link in c.get("/consultations").text, want, case)
        # The feeds are read anonymously: public audience only.
        want = rule(state, audience, False)
        feed = anon.get("/feeds/activities.atom").text
        # Atom links an entry by <link href="…"/> (its id is a tag URI).
        check("the Atom feed", '/consultations/%s"' % aid in feed, want,
              "%s, %s, feed" % (state, audience))
        rss = anon.get("/feeds/activities.rss").text
        check("the RSS feed", "/consultations/%s<" % aid in rss, want,
              "%s, %s, feed" % (state, audience))

n = len(STATES) * len(AUDIENCES)
t.ok(not mismatches, "%d states x audiences x %d readers: the views, the page, the document "
     "and the list agree with the rule, and the feeds for anonymous readers"
     % (n, len(READERS)), "\n".join(mismatches))

# A comment follows the same rule (comment_submit), and needs the open state.
_, hidden = member.form("/", "/logout")
csrf = hidden.get("csrf", "")
_, hidden = other.form("/", "/logout")
csrf_other = hidden.get("csrf", "")
sql("UPDATE activities SET state='open', audience='restricted' WHERE id=%s" % aid)
r = other.post(page + "/comments", {"csrf": csrf_other, "body": "تعليق من خارج المجموعة"})
t.eq(r.status, 404, "a comment by a reader not addressed: 404, as the page")
r = member.post(page + "/comments", {"csrf": csrf, "body": "تعليق عضو في المجموعة على المسبار"})
t.eq(r.status, 303, "a comment by an addressed reader on an open one is received")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid), "1", "and stored")
sql("UPDATE activities SET state='closed' WHERE id=%s" % aid)
r = member.post(page + "/comments", {"csrf": csrf, "body": "تعليق بعد الإغلاق"})
t.eq(r.status, 409, "visible but closed: 409")
sql("UPDATE activities SET state='open', audience='interagency' WHERE id=%s" % aid)
r = member.post(page + "/comments", {"csrf": csrf, "body": "تعليق على استشارة بين الجهات"})
t.eq(r.status, 404, "inter-agency, even to an addressed reader: 404")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s" % aid), "1", "nothing more stored")

# Leave nothing behind for the tests that follow.
sql("DELETE FROM comments WHERE activity_id=%s" % aid)
sql("DELETE FROM activities WHERE id=%s" % aid)
sql("DELETE FROM uploads WHERE id=%s" % upload)
os.unlink(os.path.join(VAR, "uploads", stored))
t.eq(sql1("SELECT COUNT(*) FROM activities WHERE id=%s" % aid), "0", "the probe is removed")
sys.exit(t.done())
