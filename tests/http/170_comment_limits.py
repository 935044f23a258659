"""The comment write path's rate limits (issue 17): they are [limits]
settings, the per-account one does the work (the per-address one is high
by default, so a campaign behind one address is not cut off at 30), and a
comment over the limit comes back as the form with its text kept, a
message in the reader's language saying when to try again, and
Retry-After; nothing is stored.  The per-account limit reads a range of an
index cut at the limit, the per-address one the address's counts a minute
(comment_rate): never the comments of a campaign behind the address."""
import configparser
import os
import re
import sys
import time
import html
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to, link_in, VAR

t = Tap()


def limit(key, default):
    """The stack's [limits] setting (its generated sharek.ini)."""
    c = configparser.ConfigParser(inline_comment_prefixes=(";",))
    c.read(os.path.join(VAR, "sharek.ini"))
    return int(c.get("limits", key, fallback=str(default)).strip() or default)


PER_ACCOUNT = limit("comment_per_account", 10)
PER_ADDRESS = limit("comment_per_address", 1000)
t.ok(PER_ADDRESS > 30, "the per-address limit is high by default (%d)" % PER_ADDRESS)
t.ok(PER_ACCOUNT < PER_ADDRESS, "the per-account limit does the work (%d)" % PER_ACCOUNT)

# ---- a new citizen, so no earlier test's comments count ----------------------
EMAIL = "limits.%d@example.org" % int(time.time() * 1000)
PW = "correct-horse-17"
c = Client(lang="en")
r = c.submit("/register", "/register", {
    "kind": "person", "full_name": "سلمى الحديد", "email": EMAIL, "mobile": "0791112233",
    "password": PW, "password2": PW, "accept": "1", "lang": "en"})
t.eq(r.status, 303, "a citizen registers")
tick()
tok = link_in((mails_to(EMAIL) or [""])[-1], "/verify")
c.get("/verify?t=" + str(tok))
t.eq(c.submit("/verify", "/verify", {}).status, 303, "verifies the address")
t.eq(c.login(EMAIL, PW).status, 303, "and signs in")
uid = sql1("SELECT id FROM users WHERE email='%s'" % EMAIL)

aid = sql1("SELECT id FROM activities WHERE kind='consultation' AND audience='public' "
           "AND state='open' AND closes_at > UTC_TIMESTAMP() + INTERVAL 1 DAY "
           "ORDER BY id LIMIT 1")
t.ok(aid is not None, "an open public consultation of the demo data")
page = "/consultations/%s" % aid
action = page + "/comments"


def stored():
    return int(sql1("SELECT COUNT(*) FROM comments WHERE user_id=%s" % uid))


# ---- up to the limit every comment is taken ---------------------------------
for i in range(PER_ACCOUNT):
    r = c.submit(page, action, {"body": "Comment %d on the rules of the limits." % i})
    if r.status != 303:
        break
t.eq(r.status, 303, "the first %d comments are taken" % PER_ACCOUNT)
t.eq(stored(), PER_ACCOUNT, "and stored")

# ---- one more: 429, the form again with the text kept ------------------------
TEXT = "نص التعليق الذي تجاوز الحد <يجب> أن يبقى & لا يضيع"
r = c.submit(page, action, {"body": TEXT})
t.eq(r.status, 429, "the comment over the limit is refused with 429")
ra = r.header("Retry-After") or ""
t.ok(ra.isdigit() and 1 <= int(ra) <= 10 * 60, "with Retry-After in seconds within the window", ra)
m = re.search(r'<textarea id="f-body"[^>]*>(.*?)</textarea>', r.text, re.S)
t.ok(m is not None and html.unescape(m.group(1)) == TEXT, "the form comes back with the text kept",
     m.group(1) if m else r.text[:300])
t.ok('aria-invalid="true"' in (m.group(0) if m else ""), "the field marked in error")
mins = str((int(ra) + 59) // 60) if ra.isdigit() else "?"
t.ok("You have sent many comments in a short time" in r.text and
     "please wait %s minutes" % mins in r.text, "saying when to try again", r.text[:0])
t.ok('<form method="post" action="%s"' % action in r.text and 'name="nonce"' in r.text,
     "with a fresh form to send it again")
t.eq(stored(), PER_ACCOUNT, "nothing stored")

# The same in Arabic: the account's language is the page's.
sql("UPDATE users SET lang='ar' WHERE id=%s" % uid)
c2 = Client(lang="ar")
c2.login(EMAIL, PW)
r = c2.submit(page, action, {"body": TEXT})
t.eq(r.status, 429, "in Arabic too")
t.ok("أرسلتَ تعليقات كثيرة في وقت قصير" in r.text, "the message in Arabic", r.text[:0])
t.ok(TEXT in html.unescape(r.text), "and the text kept")

# ---- the window passes: taken again -----------------------------------------
sql("UPDATE comments SET received_at = received_at - INTERVAL 11 MINUTE WHERE user_id=%s" % uid)
r = c2.submit(page, action, {"body": TEXT})
t.eq(r.status, 303, "once the window has passed the same text is taken")
t.eq(stored(), PER_ACCOUNT + 1, "and stored")

# ---- the address's limit: its counts a minute, whatever the campaign ---------
# The comments above were counted for this address in comment_rate (one row
# a minute and account shard): a campaign behind one NAT address reads those
# rows, never its comments.
ip_now = int(sql1("SELECT COALESCE(SUM(n), 0) FROM comment_rate WHERE ip = '127.0.0.1' "
                  "AND minute > UNIX_TIMESTAMP() DIV 60 - 10"))
t.ok(ip_now >= PER_ACCOUNT + 1, "the address's comments are counted where they are written", ip_now)
t.ok(int(sql1("SELECT COUNT(*) FROM comment_rate WHERE ip = '127.0.0.1' AND minute = "
              "UNIX_TIMESTAMP() DIV 60 AND shard = %s %% 16" % uid) or 0) <= 1,
     "one row a minute for the account's shard")
# A second citizen on the same address, the address at its limit (the count
# of other comments made up by SQL as a campaign would make it): refused with
# the address's message and Retry-After, the text kept, nothing stored.
EMAIL2 = "limits2.%d@example.org" % int(time.time() * 1000)
uid2 = None
c3 = Client(lang="en")
r = c3.submit("/register", "/register", {
    "kind": "person", "full_name": "مازن العلي", "email": EMAIL2, "mobile": "0791112234",
    "password": PW, "password2": PW, "accept": "1", "lang": "en"})
tick()
tok = link_in((mails_to(EMAIL2) or [""])[-1], "/verify")
c3.get("/verify?t=" + str(tok))
c3.submit("/verify", "/verify", {})
t.eq(c3.login(EMAIL2, PW).status, 303, "a second citizen signs in from the same address")
uid2 = sql1("SELECT id FROM users WHERE email='%s'" % EMAIL2)
shard = (int(uid2) + 1) % 16    # another account's shard
sql("INSERT INTO comment_rate (ip, minute, shard, n) VALUES ('127.0.0.1', "
    "UNIX_TIMESTAMP() DIV 60 - 3, %d, %d) ON DUPLICATE KEY UPDATE n = n + %d"
    % (shard, PER_ADDRESS, PER_ADDRESS))
try:
    TEXT2 = "Comment from a campaign behind one address."
    r = c3.submit(page, action, {"body": TEXT2})
    t.eq(r.status, 429, "the address over its limit: 429")
    ra = r.header("Retry-After") or ""
    t.ok(ra.isdigit() and 1 <= int(ra) <= 7 * 60,
         "Retry-After: when its oldest counted minute leaves the window (7 minutes at most)", ra)
    t.ok("Many comments came from your connection in a short time" in r.text and
         TEXT2 in html.unescape(r.text), "the address's message, the text kept", r.text[:0])
    t.eq(int(sql1("SELECT COUNT(*) FROM comments WHERE user_id=%s" % uid2)), 0, "nothing stored")
finally:
    sql("UPDATE comment_rate SET n = n - %d WHERE ip = '127.0.0.1' AND minute = "
        "UNIX_TIMESTAMP() DIV 60 - 3 AND shard = %d" % (PER_ADDRESS, shard))
    sql("DELETE FROM comment_rate WHERE n = 0")
r = c3.submit(page, action, {"body": TEXT2})
t.eq(r.status, 303, "below the limit again: taken")
t.eq(int(sql1("SELECT COUNT(*) FROM comments WHERE user_id=%s" % uid2)), 1, "and stored")

# ---- the checks read ranges cut at the limit or of the counts, never the table
plan = sql("EXPLAIN SELECT COUNT(*) FROM (SELECT received_at FROM comments WHERE user_id = %s AND "
           "received_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE "
           "ORDER BY received_at DESC LIMIT 10) w" % uid)
row = [p for p in plan if p[2] == "comments"]
t.ok(row and row[0][5] == "comments_user_recent" and row[0][3] == "range",
     "the limit on user_id reads a range of comments_user_recent", plan)
plan = sql("EXPLAIN SELECT SUM(n) FROM comment_rate WHERE ip = '127.0.0.1' "
           "AND minute > UNIX_TIMESTAMP() DIV 60 - 10")
t.ok(plan and plan[0][5] == "PRIMARY" and plan[0][3] == "range",
     "the limit on the address reads a range of its counts' primary key", plan)

# Leave the stack as found: the test's comments out of every window.
sql("UPDATE comments SET received_at = received_at - INTERVAL 11 MINUTE WHERE user_id IN (%s, %s)"
    % (uid, uid2))
sql("DELETE FROM comment_rate WHERE ip = '127.0.0.1'")
t.done()
