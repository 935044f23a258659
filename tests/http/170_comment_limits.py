"""The comment write path's rate limits (issue 17): they are [limits]
settings, the per-account one does the work (the per-address one is high
by default, so a campaign behind one address is not cut off at 30), and a
comment over the limit comes back as the form with its text kept, a
message in the reader's language saying when to try again, and
Retry-After; nothing is stored.  The statements behind them read a range
of an index cut at the limit, never the whole comments table."""
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

# ---- the checks read an index range cut at the limit, not the table --------
for q, key in (("ip = '127.0.0.1'", "comments_ip_recent"),
               ("user_id = %s" % uid, "comments_user_recent")):
    plan = sql("EXPLAIN SELECT COUNT(*) FROM (SELECT received_at FROM comments WHERE %s AND "
               "received_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE "
               "ORDER BY received_at DESC LIMIT 10) w" % q)
    row = [p for p in plan if p[2] == "comments"]
    t.ok(row and row[0][5] == key and row[0][3] == "range",
         "the limit on %s reads a range of %s" % (q.split()[0], key), plan)

# Leave the stack as found: the test's comments out of every window.
sql("UPDATE comments SET received_at = received_at - INTERVAL 11 MINUTE WHERE user_id=%s" % uid)
t.done()
