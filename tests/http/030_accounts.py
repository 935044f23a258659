"""Citizens' accounts (issue 4): register a person and an organisation,
verify by the e-mail link, log in and out, reset the password by a link
that works once and expires, edit the profile, delete the account (data
erased, contributions kept anonymised).  Errors never reveal whether an
e-mail is registered."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to, link_in

t = Tap()
EMAIL = "huda.person@example.org"
PW = "correct-horse-42"

c = Client()
r = c.submit("/register", "/register", {
    "kind": "person", "full_name": "هدى المصري", "email": EMAIL.upper(),
    "mobile": "0791234567", "password": PW, "password2": PW, "accept": "1", "lang": "ar"})
t.eq(r.status, 303, "a person registers")
t.eq(r.header("Location"), "/register/sent", "and is told to check the e-mail")
t.eq(sql1("SELECT CONCAT(kind, ' ', role, ' ', email_verified_at IS NULL) FROM users WHERE email='%s'" % EMAIL),
     "person citizen 1", "an unverified citizen account, e-mail lower-cased")
t.eq(sql1("SELECT COUNT(*) FROM outbox WHERE recipient='%s'" % EMAIL), "1",
     "the verification message is queued in the same transaction")
r = c.login(EMAIL, PW)
t.eq(r.status, 422, "login before verification is refused")
t.ok("confirm your e-mail" in r.text.lower() or "تأكيد" in r.text, "saying why")

tk = tick()
t.eq(tk.returncode, 0, "tick delivers the outbox")
mails = mails_to(EMAIL)
t.eq(len(mails), 1, "one message written under var/mail")
tok = link_in(mails[0] if mails else "", "/verify")
t.ok(tok is not None, "with a one-time link")
subj = [l for l in (mails[0] if mails else "").splitlines() if l.startswith("Subject: ")]
t.ok(len(subj) == 1 and all(ord(ch) < 128 for ch in subj[0]),
     "the subject header is 7-bit (MIME-encoded when Arabic)")
t.eq(sql1("SELECT status FROM outbox WHERE recipient='%s'" % EMAIL), "sent", "marked sent")
tick()
t.eq(len(mails_to(EMAIL)), 1, "a second tick sends nothing twice")

v = Client()
r = v.get("/verify?t=" + str(tok))
t.eq(r.status, 303, "the link verifies")
t.eq(v.get("/me").status, 200, "and signs the user in")
r = Client().get("/verify?t=" + str(tok))
t.eq(r.status, 410, "the link works once")
r = Client().get("/verify?t=" + "A" * 43)
t.eq(r.status, 410, "a made-up link does not work")

c = Client()
t.eq(c.login(EMAIL, PW).status, 303, "login after verification")
t.ok(c.get("/me").status == 200, "my participation page")
_, hidden = c.form("/me", "/logout")
t.eq(c.post("/logout", hidden).status, 303, "logout")
t.eq(c.get("/me").status, 303, "signed out")
r = Client().login(EMAIL, "wrong-password-1")
t.eq(r.status, 422, "a wrong password is refused")
r2 = Client().login("nobody-here@example.org", "wrong-password-1")
t.ok(r2.status == 422 and "not correct" in r2.text.lower() or "غير صحيح" in r2.text,
     "an unknown e-mail gets the same answer")

# Organisation.
ORG = "contact@ngo-example.org"
r = Client().submit("/register", "/register", {
    "kind": "organisation", "full_name": "سامي الحديد", "email": ORG, "mobile": "065550000",
    "password": PW, "password2": PW, "accept": "1"})
t.eq(r.status, 422, "an organisation needs its name and registration number")
r = Client().submit("/register", "/register", {
    "kind": "organisation", "full_name": "سامي الحديد", "org_name": "جمعية البيئة الخضراء",
    "org_reg_no": "2021/77", "email": ORG, "mobile": "065550000",
    "password": PW, "password2": PW, "accept": "1"})
t.eq(r.status, 303, "a legal person registers")
t.eq(sql1("SELECT CONCAT(kind, '|', org_name, '|', contact_person) FROM users WHERE email='%s'" % ORG),
     "organisation|جمعية البيئة الخضراء|سامي الحديد", "as an organisation with its contact person")

# Registering an existing address: same page, the owner is told.
before = len(mails_to(EMAIL))
r = Client().submit("/register", "/register", {
    "kind": "person", "full_name": "محتال", "email": EMAIL, "mobile": "0790000000",
    "password": "another-password-9", "password2": "another-password-9", "accept": "1"})
t.eq(r.header("Location"), "/register/sent", "an existing e-mail gets the same answer")
tick()
t.eq(len(mails_to(EMAIL)), before + 1, "and its owner gets a notice instead")
t.eq(sql1("SELECT COUNT(*) FROM users WHERE email='%s'" % EMAIL), "1", "no second account")

# Forgotten password.
r = Client().submit("/forgot", "/forgot", {"email": EMAIL})
t.eq(r.header("Location"), "/forgot/sent", "reset for an existing address")
r = Client().submit("/forgot", "/forgot", {"email": "ghost@example.org"})
t.eq(r.header("Location"), "/forgot/sent", "the same answer for an unknown address")
tick()
t.eq(len(mails_to("ghost@example.org")), 0, "the unknown address gets nothing")
tok = link_in(mails_to(EMAIL)[-1], "/reset")
t.ok(tok is not None, "the owner gets a reset link")
NEW = "brand-new-password-7"
c = Client()
r = c.get("/reset?t=" + tok)
t.eq(r.status, 200, "the reset form opens")
r = c.submit("/reset?t=" + tok, "/reset", {"password": NEW, "password2": NEW + "x"})
t.eq(r.status, 422, "mismatched passwords are refused, the link still valid")
r = c.submit("/reset?t=" + tok, "/reset", {"password": NEW, "password2": NEW})
t.eq(r.status, 303, "the new password is set")
t.eq(Client().get("/reset?t=" + tok).status, 410, "the reset link works once")
t.eq(Client().login(EMAIL, PW).status, 422, "the old password stops working")
t.eq(Client().login(EMAIL, NEW).status, 303, "the new one works")
Client().submit("/forgot", "/forgot", {"email": EMAIL})
tick()
tok2 = link_in(mails_to(EMAIL)[-1], "/reset")
sql("UPDATE tokens SET expires_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND WHERE used_at IS NULL")
t.eq(Client().get("/reset?t=" + str(tok2)).status, 410, "a reset link expires (one hour)")

# Profile and deletion.
c = Client()
c.login(EMAIL, NEW)
r = c.submit("/me/profile", "/me/profile", {"full_name": "هدى م.", "mobile": "+962 79 000 1111", "lang": "en"})
t.eq(r.status, 303, "the profile is saved")
t.eq(sql1("SELECT CONCAT(full_name, '|', mobile, '|', lang) FROM users WHERE email='%s'" % EMAIL),
     "هدى م.|+962790001111|en", "name, mobile and language stored")
t.ok('lang="en"' in c.get("/me").text, "the language applies at once")
r = c.submit("/me/profile", "/me/profile", {"full_name": "", "mobile": "x", "lang": "en"})
t.ok(r.status == 422 and 'value="x"' in r.text, "bad profile input comes back with a message")

uid = sql1("SELECT id FROM users WHERE email='%s'" % EMAIL)
act = sql1("SELECT id FROM activities WHERE state='open' AND audience='public' AND kind='consultation' ORDER BY id LIMIT 1")
r = c.submit("/consultations/" + act, "/consultations/%s/comments" % act, {"body": "تعليق قبل حذف الحساب"})
t.eq(r.status, 303, "the user comments")
r = c.get("/me")
t.ok("تعليق قبل حذف الحساب" in r.text, "my participation lists the comment with its state")
r = c.submit("/me/profile", "/me/delete", {"password": "wrong-one"})
t.eq(r.status, 422, "deletion with a wrong password is refused")
r = c.submit("/me/profile", "/me/delete", {"password": NEW})
t.eq(r.status, 303, "the account is deleted")
row = sql("SELECT email IS NULL, full_name, mobile IS NULL, deleted_at IS NOT NULL, password_hash IS NULL FROM users WHERE id=%s" % uid)[0]
t.eq(row, ["1", "", "1", "1", "1"], "personal data erased")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE body='تعليق قبل حذف الحساب' AND user_id IS NULL"), "1",
     "the comment stays, anonymised")
t.eq(c.get("/me").status, 303, "signed out")
t.eq(Client().login(EMAIL, NEW).status, 422, "the account cannot sign in any more")
sys.exit(t.done())
