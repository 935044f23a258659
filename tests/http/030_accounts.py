"""Citizens' accounts (issue 4): register a person and an organisation,
verify by the e-mail link (once, within 72 hours), log in and out, reset
the password by a link that works once and expires, edit the profile,
follow my comments and their moderation, delete the account (personal
data erased, contributions kept anonymised).  The answers never reveal
whether an e-mail address is registered."""
import hashlib
import html.parser
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to, link_in

t = Tap()
EMAIL = "huda.person@example.org"
PW = "correct-horse-42"


def count(table, where="1"):
    return int(sql1("SELECT COUNT(*) FROM %s WHERE %s" % (table, where)))


def th(token):
    """The stored form of a link token (BLAKE2b-256, hex)."""
    return hashlib.blake2b(token.encode(), digest_size=32).hexdigest().upper()


def h1(text):
    m = re.search(r"<h1>(.*?)</h1>", text, re.S)
    return m.group(1).strip() if m else None


def messages(text):
    found = {}
    for field, msg in re.findall(r'<p class="msg" id="e-([a-z0-9_]+)">([^<]*)</p>', text):
        found.setdefault(field, []).append(msg)
    return found


class Values(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.v = {}

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "input" and a.get("name") and a.get("type") not in ("hidden", "radio", "checkbox"):
            self.v.setdefault(a["name"], a.get("value"))


def values(text):
    p = Values()
    p.feed(text)
    return p.v


def register(client, **fields):
    base = {"kind": "person", "mobile": "0791234567", "password": PW, "password2": PW,
            "accept": "1", "lang": "en"}
    base.update(fields)
    return client.submit("/register", "/register", base)


def signed_in_as(client):
    """Whether the client's session opens /me."""
    return client.get("/me").status == 200


def last_link(addr, path):
    m = mails_to(addr)
    return link_in(m[-1], path) if m else None


# ---- a natural person registers --------------------------------------------
c = Client(lang="en")
r = register(c, full_name="هدى المصري", email=EMAIL.upper())
t.eq(r.status, 303, "a person registers")
t.eq(r.header("Location"), "/register/sent", "and is sent to the 'check your e-mail' page")
r = c.get("/register/sent")
t.ok(r.status == 200 and h1(r.text) == "Check your e-mail" and "72 hours" in r.text,
     "which says to open the link within 72 hours", r)
row = sql("SELECT kind, role, email_verified_at IS NULL, active, lang, mobile, password_hash "
          "FROM users WHERE email='%s'" % EMAIL)
t.eq([x[:6] for x in row], [["person", "citizen", "1", "1", "en", "0791234567"]],
     "an unverified citizen account, e-mail lower-cased, language and mobile kept")
t.ok(row and row[0][6].startswith("$argon2id$") and PW not in row[0][6], "the password is stored as an argon2id hash")
uid = sql1("SELECT id FROM users WHERE email='%s'" % EMAIL)
t.eq(count("outbox", "recipient='%s'" % EMAIL), 1, "the verification message is queued")
t.eq(count("tokens", "user_id=%s AND purpose='verify_email' AND used_at IS NULL "
           "AND expires_at BETWEEN UTC_TIMESTAMP() + INTERVAL 71 HOUR AND UTC_TIMESTAMP() + INTERVAL 73 HOUR" % uid),
     1, "with a 72-hour link")
r = Client(lang="en").login(EMAIL, PW)
t.eq(r.status, 422, "login before verification is refused")
t.ok("Please confirm your e-mail address first" in r.text, "with the verification message", r)
t.eq(count("sessions", "user_id=%s" % uid), 0, "and no session")

tk = tick()
t.eq(tk.returncode, 0, "tick delivers the outbox")
mails = mails_to(EMAIL)
t.eq(len(mails), 1, "one message written under var/mail")
tok = link_in(mails[0] if mails else "", "/verify")
t.ok(tok is not None, "with a one-time link")
t.eq(count("tokens", "token_hash=UNHEX('%s')" % th(tok or "")), 1, "the link's token is stored hashed")
t.eq(count("tokens", "token_hash='%s'" % (tok or "")), 0, "never in clear")
subj = [l for l in (mails[0] if mails else "").splitlines() if l.startswith("Subject: ")]
t.ok(len(subj) == 1 and all(ord(ch) < 128 for ch in subj[0]),
     "the subject header is 7-bit (MIME-encoded when Arabic)")
t.eq(sql1("SELECT status FROM outbox WHERE recipient='%s'" % EMAIL), "sent", "marked sent")
tick()
t.eq(len(mails_to(EMAIL)), 1, "a second tick sends nothing twice")

v = Client(lang="en")
r = v.get("/verify?t=" + str(tok))
# Issue 9 (items 13, 15): the link's token goes into a cookie and the
# address is confirmed by a POST; nobody is signed in by a link.
t.eq(r.status, 303, "the link is taken")
t.eq(r.header("Location"), "/verify", "to the page that confirms")
t.ok(not v.cookie("sk_session"), "a link signs nobody in")
r = v.submit("/verify", "/verify", {})
t.eq(r.status, 303, "the link verifies")
t.eq(r.header("Location"), "/verify/done", "and says so")
t.eq(v.login(EMAIL, PW).status, 303, "then the person signs in")
r = v.get("/me?welcome=1")
t.ok(r.status == 200 and "Your e-mail address is confirmed" in r.text, "/me welcomes the account", r)
t.ok("هدى المصري" in r.text, "and shows who is signed in")
t.eq(sql1("SELECT email_verified_at IS NOT NULL FROM users WHERE id=%s" % uid), "1", "verified in the database")
r = Client(lang="en").get("/verify?t=" + str(tok))
t.eq(r.status, 410, "the link works once: the second use is 410")
t.ok(h1(r.text) == "This link does not work" and 'href="/forgot"' in r.text,
     "with a page that offers a new link", r)
t.eq(Client().get("/verify?t=" + "A" * 43).status, 410, "a made-up link does not work")
t.eq(Client().get("/verify?t=short").status, 410, "nor a truncated one")

# A verification link expires after 72 hours.
LATE = "late.person@example.org"
register(Client(), full_name="متأخر", email=LATE)
tick()
late = last_link(LATE, "/verify")
sql("UPDATE tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE token_hash=UNHEX('%s')" % th(late or ""))
t.eq(Client().get("/verify?t=" + str(late)).status, 410, "an expired verification link is refused")
t.eq(sql1("SELECT email_verified_at IS NULL FROM users WHERE email='%s'" % LATE), "1", "and verifies nothing")

# ---- log in and out ---------------------------------------------------------
c = Client()
t.eq(c.login(EMAIL, PW).status, 303, "login after verification")
t.ok(signed_in_as(c), "my participation page opens")
_, hidden = c.form("/me", "/logout")
t.eq(c.post("/logout", hidden).status, 303, "logout")
t.eq(c.get("/me").status, 303, "signed out")
r1 = Client(lang="en").login(EMAIL, "wrong-password-1")
r2 = Client(lang="en").login("nobody-here@example.org", "wrong-password-1")
t.eq(r1.status, 422, "a wrong password is refused")
t.ok(r2.status == 422 and "The e-mail address or the password is not correct." in r1.text
     and "The e-mail address or the password is not correct." in r2.text,
     "an unknown e-mail gets the very same answer")

# ---- an organisation ----------------------------------------------------------
ORG = "contact@ngo-example.org"
r = register(Client(lang="en"), kind="organisation", full_name="سامي الحديد", email=ORG,
             mobile="065550000")
t.eq(r.status, 422, "an organisation needs its name and registration number")
t.eq(sorted(messages(r.text)), ["org_name", "org_reg_no"], "one message on each")
t.eq(values(r.text).get("full_name"), "سامي الحديد", "what was typed is kept")
r = register(Client(), kind="organisation", full_name="سامي الحديد", org_name="جمعية البيئة الخضراء",
             org_reg_no="2021/77", email=ORG, mobile="065550000")
t.eq(r.status, 303, "a legal person registers")
t.eq(r.header("Location"), "/register/sent", "to the same 'check your e-mail' page")
t.eq(sql1("SELECT CONCAT(kind, '|', org_name, '|', org_reg_no, '|', contact_person, '|', role) "
          "FROM users WHERE email='%s'" % ORG),
     "organisation|جمعية البيئة الخضراء|2021/77|سامي الحديد|citizen", "as an organisation with its contact person")
tick()
otok = last_link(ORG, "/verify")
ov = Client()
ov.get("/verify?t=" + str(otok))
t.eq(ov.submit("/verify", "/verify", {}).status, 303, "it verifies its address")
org = Client(lang="en")
t.eq(org.login(ORG, PW).status, 303, "and signs in")

# ---- registering an address that has an account --------------------------------
before = len(mails_to(EMAIL))
r = register(Client(), full_name="محتال", email=EMAIL, password="another-secret-phrase-9",
             password2="another-secret-phrase-9")
t.eq(r.header("Location"), "/register/sent", "an existing e-mail gets the same answer")
tick()
m = mails_to(EMAIL)
t.eq(len(m), before + 1, "and its owner gets a notice instead")
t.ok(bool(m) and "already has one" in m[-1] and "/forgot" in m[-1] and "/verify?t=" not in m[-1],
     "saying someone tried, with the way to reset (and no link into the account)")
t.eq(count("users", "email='%s'" % EMAIL), 1, "no second account")
t.eq(sql1("SELECT full_name FROM users WHERE email='%s'" % EMAIL), "هدى المصري", "nothing overwritten")

# ---- forgotten password --------------------------------------------------------
o_ghost = count("outbox", "recipient='ghost@example.org'")
r = Client().submit("/forgot", "/forgot", {"email": EMAIL})
t.eq(r.header("Location"), "/forgot/sent", "reset for an existing address")
r2 = Client().submit("/forgot", "/forgot", {"email": "ghost@example.org"})
t.eq(r2.header("Location"), "/forgot/sent", "the same answer for an unknown address")
a1, a2 = Client(lang="en").get("/forgot/sent"), Client(lang="en").get("/forgot/sent")
t.ok(a1.status == 200 and "If an account exists for that address" in a1.text, "one page for both")
t.eq(count("tokens", "user_id=%s AND purpose='reset_password' AND used_at IS NULL "
           "AND expires_at BETWEEN UTC_TIMESTAMP() + INTERVAL 59 MINUTE AND UTC_TIMESTAMP() + INTERVAL 61 MINUTE" % uid),
     1, "a one-hour reset link for the existing account")
tick()
t.eq(len(mails_to("ghost@example.org")), 0, "the unknown address gets nothing")
t.eq(count("outbox", "recipient='ghost@example.org'"), o_ghost, "not even queued")
tok = last_link(EMAIL, "/reset")
t.ok(tok is not None, "the owner gets a reset link")

# A session open before the reset (someone who knew the old password).
thief = Client()
t.eq(thief.login(EMAIL, PW).status, 303, "(a session opened with the old password)")
NEW = "brand-new-password-7"
c = Client(lang="en")
r = c.get("/reset?t=" + str(tok))
# Issue 9 (item 15): the token goes into a cookie, the form is at /reset.
t.eq((r.status, r.header("Location")), (303, "/reset"), "the link is taken")
t.eq(c.get("/reset").status, 200, "the reset form opens")
r = c.submit("/reset", "/reset", {"password": NEW, "password2": NEW + "x"})
t.eq(r.status, 422, "mismatched passwords are refused")
t.eq(list(messages(r.text)), ["password2"], "with a message on the second")
r = c.submit("/reset", "/reset", {"password": "short", "password2": "other"})
t.eq(sorted(messages(r.text)), ["password", "password2"], "a short one and a different one: both reported")
t.eq(c.get("/reset?t=" + str(tok)).status, 303, "the link is still valid after those")
r = c.submit("/reset", "/reset", {"password": NEW, "password2": NEW})
t.eq(r.status, 303, "the new password is set")
t.eq(r.header("Location"), "/login?reset=1", "and the user is sent to sign in")
t.eq(count("tokens", "token_hash=UNHEX('%s') AND used_at IS NOT NULL" % th(tok)), 1, "the link is used up")
t.eq(Client().get("/reset?t=" + str(tok)).status, 410, "the reset link works once")
cl = Client()
_, hidden = cl.form("/forgot", "/forgot")
r = cl.post("/reset", {"csrf": hidden["csrf"], "t": tok, "password": "third-password-3",
                       "password2": "third-password-3"})
t.eq(r.status, 410, "even posted directly")
t.eq(thief.get("/me").status, 303, "sessions opened before the reset are ended")
t.eq(count("sessions", "user_id=%s" % uid), 0, "every one of them")
t.eq(Client().login(EMAIL, PW).status, 422, "the old password stops working")
t.eq(Client().login(EMAIL, NEW).status, 303, "the new one works")

# A newer link voids the older one; a link expires after one hour.
Client().submit("/forgot", "/forgot", {"email": EMAIL})
tick()
older = last_link(EMAIL, "/reset")
Client().submit("/forgot", "/forgot", {"email": EMAIL})
tick()
newer = last_link(EMAIL, "/reset")
t.ok(older and newer and older != newer, "two requests, two links")
t.eq(Client().get("/reset?t=" + str(older)).status, 410, "asking again voids the older link")
sql("UPDATE tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE token_hash=UNHEX('%s')" % th(newer or ""))
t.eq(Client().get("/reset?t=" + str(newer)).status, 410, "a reset link expires (one hour)")
hash_before = sql1("SELECT password_hash FROM users WHERE id=%s" % uid)
cl = Client()
_, hidden = cl.form("/forgot", "/forgot")
r = cl.post("/reset", {"csrf": hidden["csrf"], "t": newer, "password": "expired-pass-1", "password2": "expired-pass-1"})
t.eq(r.status, 410, "an expired link cannot set a password either")
t.eq(sql1("SELECT password_hash FROM users WHERE id=%s" % uid), hash_before, "the password is unchanged")

# ---- profile --------------------------------------------------------------------
c = Client()
t.eq(c.login(EMAIL, NEW).status, 303, "signed in again")
r = c.get("/me/profile")
t.ok(r.status == 200 and values(r.text).get("full_name") == "هدى المصري", "the profile form shows the stored name")
r = c.submit("/me/profile", "/me/profile", {"full_name": "هدى م.", "mobile": "+962 79 000 1111", "lang": "en"})
t.eq(r.status, 303, "the profile is saved")
t.eq(sql1("SELECT CONCAT(full_name, '|', mobile, '|', lang) FROM users WHERE email='%s'" % EMAIL),
     "هدى م.|+962790001111|en", "name, mobile and language stored")
r = c.get("/me/profile?saved=1")
t.ok('lang="en"' in r.text and "Your changes are saved." in r.text, "the language applies at once")
t.eq(values(r.text).get("mobile"), "+962790001111", "the form shows the new values")
r = c.submit("/me/profile", "/me/profile", {"full_name": "x", "mobile": "not a phone", "lang": "en"})
t.eq(r.status, 422, "bad profile input is refused")
t.eq(sorted(messages(r.text)), ["full_name", "mobile"], "with a message per field")
t.eq((values(r.text).get("full_name"), values(r.text).get("mobile")), ("x", "not a phone"), "and what was typed kept")
t.ok(EMAIL in r.text, "the page still says which account it is")
t.eq(sql1("SELECT full_name FROM users WHERE email='%s'" % EMAIL), "هدى م.", "nothing stored")

# An organisation's profile keeps its own fields when re-shown.
r = org.get("/me/profile")
t.eq(values(r.text).get("org_name"), "جمعية البيئة الخضراء", "an organisation's profile shows its name")
r = org.submit("/me/profile", "/me/profile", {"full_name": "سامي الحديد", "mobile": "12", "lang": "ar",
                                             "org_name": "جمعية البيئة الخضراء والمياه", "org_reg_no": "2021/77"})
t.eq(r.status, 422, "an organisation's bad mobile is refused")
t.eq(values(r.text).get("org_name"), "جمعية البيئة الخضراء والمياه", "the organisation name typed is kept")
t.eq(values(r.text).get("org_reg_no"), "2021/77", "and its registration number")
r = org.submit("/me/profile", "/me/profile", {"full_name": "سامي الحديد", "mobile": "065550000", "lang": "ar",
                                             "org_name": "", "org_reg_no": "2021/77"})
t.eq(r.status, 422, "an organisation cannot drop its name")
t.eq(list(messages(r.text)), ["org_name"], "the message is shown next to the field")
r = org.submit("/me/profile", "/me/profile", {"full_name": "سامي الحديد", "mobile": "065550000", "lang": "ar",
                                             "org_name": "جمعية البيئة الخضراء والمياه", "org_reg_no": "2021/78"})
t.eq(r.status, 303, "an organisation updates its name")
t.eq(sql1("SELECT CONCAT(org_name, '|', org_reg_no) FROM users WHERE email='%s'" % ORG),
     "جمعية البيئة الخضراء والمياه|2021/78", "stored")

# ---- my comments and their moderation --------------------------------------------
act = sql1("SELECT id FROM activities WHERE state='open' AND audience='public' AND kind='consultation' ORDER BY id LIMIT 1")
bodies = ["تعليق أول قبل حذف الحساب", "تعليق ثان سيرفض", "تعليق ثالث ينتظر"]
for b in bodies:
    r = c.submit("/consultations/" + act, "/consultations/%s/comments" % act, {"body": b})
    t.eq(r.status, 303, "the user comments: %s" % b)
cids = [sql1("SELECT id FROM comments WHERE body='%s'" % b) for b in bodies]
r = c.get("/me")
t.ok(all(b in r.text for b in bodies), "my participation lists the comments")
t.eq(r.text.count("Waiting for moderation"), 3, "each waiting for moderation")
mod = Client()
mod.login("liaison@moh.sharek.test", prefix="/staff")
_, hidden = mod.form("/staff/moderation", "/staff/moderation")
t.eq(mod.post("/staff/moderation", dict(hidden, ids=[cids[0]], action="publish")).status, 303, "(one is published)")
_, hidden = mod.form("/staff/moderation", "/staff/moderation")
reason = sql1("SELECT id FROM moderation_reasons WHERE label_en='Not about the consultation'")
t.eq(mod.post("/staff/moderation", dict(hidden, ids=[cids[1]], action="reject", reason=reason)).status, 303,
     "(one is rejected)")
r = c.get("/me")
cards = {b: re.search(re.escape(b) + r"</p>\s*<p><strong>([^<]*)</strong>([^<]*)</p>", r.text) for b in bodies}
t.eq([(m.group(1), m.group(2).strip()) if m else None for m in cards.values()],
     [("Published", ""), ("Not published", "— Not about the consultation"), ("Waiting for moderation", "")],
     "each comment with its moderation state, and the reason of a refusal")

# ---- changing the password -----------------------------------------------------------
PWURL = "/me/password"
other = Client()
t.eq(other.login(EMAIL, NEW).status, 303, "(a second session of the account)")
hash_before = sql1("SELECT password_hash FROM users WHERE id=%s" % uid)
r = c.submit("/me/profile", PWURL, {"current": "wrong-one", "new_password": "violet-harbour-lantern-9",
                                 "new_password2": "violet-harbour-lantern-9"})
t.eq(r.status, 422, "a password change with a wrong present password is refused")
t.eq(list(messages(r.text)), ["current"], "saying so at the present password")
r = c.submit("/me/profile", PWURL, {"current": NEW, "new_password": "short", "new_password2": "other"})
t.eq(r.status, 422, "a new password too short and mistyped is refused")
t.eq(sorted(messages(r.text)), ["new_password", "new_password2"], "each problem at its field")
t.ok('value="short"' not in r.text and 'value="%s"' % NEW not in r.text, "no password is written back")
t.eq(sql1("SELECT password_hash FROM users WHERE id=%s" % uid), hash_before, "nothing changes")
NEWER = "violet-harbour-lantern-9"
r = c.submit("/me/profile", PWURL, {"current": NEW, "new_password": NEWER, "new_password2": NEWER})
t.eq(r.status, 303, "the password is changed")
t.ok("password=1" in (r.header("Location") or ""), "back to the account page")
loc = (r.header("Location") or "").split("#")[0]
page = c.get(loc).text
t.ok(any(w in page for w in ("Every other session", "الجلسات الأخرى")), "which says so", page[page.find("<h1"):][:600])
t.ok(signed_in_as(c), "this session stays signed in")
t.ok(not signed_in_as(other), "every other session of the account is signed out")
t.eq(Client().login(EMAIL, NEW).status, 422, "the old password no longer signs in")
t.eq(Client().login(EMAIL, NEWER).status, 303, "the new one does")
NEW = NEWER

# ---- deleting the account ------------------------------------------------------------
row_before = sql("SELECT * FROM users WHERE id=%s" % uid)
r = c.submit("/me/profile", "/me/delete", {"password": "wrong-one"})
t.eq(r.status, 422, "deletion with a wrong password is refused")
t.eq(list(messages(r.text)), ["password"], "saying the password is not correct")
t.eq(sql("SELECT * FROM users WHERE id=%s" % uid), row_before, "and nothing changes")
t.ok(signed_in_as(c), "still signed in")
other = Client()
other.login(EMAIL, NEW)
r = c.submit("/me/profile", "/me/delete", {"password": NEW})
t.eq(r.status, 303, "the account is deleted with the right password")
t.eq(r.header("Location"), "/me/deleted", "to a page that says what the deletion did")
r = c.get("/me/deleted")
t.ok(r.status == 200 and ("حُذف حسابك" in r.text or "Your account is deleted" in r.text)
     and 'href="/login' in r.text and 'action="/logout"' not in r.text,
     "it says the account is deleted, the reader signed out", r.status)
row = sql("SELECT email IS NULL, full_name, mobile IS NULL, deleted_at IS NOT NULL, password_hash IS NULL, "
          "active FROM users WHERE id=%s" % uid)
t.eq(row, [["1", "", "1", "1", "1", "0"]], "personal data erased (e-mail, name, mobile, password), deleted_at set")
t.eq(count("comments", "id IN (%s) AND user_id IS NULL" % ",".join(cids)), 3,
     "the comments stay, with user_id NULL")
t.eq(count("comments", "user_id=%s" % uid), 0, "none still points at the account")
t.eq(count("sessions", "user_id=%s" % uid), 0, "every session of the account ended")
t.eq(count("tokens", "user_id=%s" % uid), 0, "its links deleted")
t.eq(c.get("/me").status, 303, "signed out")
t.eq(other.get("/me").status, 303, "on every device")
t.eq(Client().login(EMAIL, NEW).status, 422, "the account cannot sign in any more")
r = register(Client(), full_name="هدى من جديد", email=EMAIL)
t.eq(r.status, 303, "the address is free to register again")
t.eq(count("users", "email='%s' AND id<>%s" % (EMAIL, uid)), 1, "as a new account")
sys.exit(t.done())
