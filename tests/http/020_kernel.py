"""The web kernel as a client sees it (issue 3): CSRF and same-origin
checks, body size limits, declared input with per-field messages and
nothing typed lost, escaping of every echoed value, sessions rotated at
login and deleted at logout, strict UTF-8, double-submit protection."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, hidden_fields, URL

t = Tap()


def users():
    return int(sql1("SELECT COUNT(*) FROM users"))


good = {"kind": "person", "full_name": "ليلى", "email": "kernel1@example.org",
        "mobile": "+962 79 123 4567", "password": "a-long-password-1",
        "password2": "a-long-password-1", "accept": "1", "lang": "ar"}

# CSRF: without a token, with a wrong one, from another origin.
c = Client()
c.get("/register")
n = users()
r = c.post("/register", good)
t.eq(r.status, 403, "a POST without a CSRF token is refused")
t.eq(users(), n, "and nothing is written")
r = c.post("/register", dict(good, csrf="0" * 64))
t.eq(r.status, 403, "a wrong CSRF token is refused")
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, **hidden), headers={"Origin": "http://evil.example"})
t.eq(r.status, 403, "a POST from another origin is refused")
r = c.post("/register", dict(good, **hidden), headers={"Sec-Fetch-Site": "cross-site"})
t.eq(r.status, 403, "a cross-site fetch is refused")
t.eq(users(), n, "still nothing written")
other = Client()
_, theirs = other.form("/register", "/register")
r = c.post("/register", dict(good, csrf=theirs["csrf"]))
t.eq(r.status, 403, "another visitor's token does not work")
t.ok("<h1>" in r.text and 'lang="ar"' in r.text, "the refusal is an HTML page in Arabic")

# Size limits: the application answers 413 itself.
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, full_name="x" * (1024 * 1024 + 10), **hidden))
t.eq(r.status, 413, "a body over 1 MiB is refused with 413")
t.ok("<h1>" in r.text, "with the error page")

# Declared input: invalid fields come back with values kept and messages.
bad = {"kind": "person", "full_name": "<script>alert(1)</script>",
       "email": "not-an-email", "mobile": "12", "password": "short",
       "password2": "different", "lang": "ar", "extra_unknown": "ignored"}
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(bad, **hidden))
t.eq(r.status, 422, "invalid fields give 422")
t.ok('value="not-an-email"' in r.text, "the e-mail typed is kept")
t.ok('value="12"' in r.text, "the mobile typed is kept")
t.ok("&lt;script&gt;alert(1)&lt;/script&gt;" in r.text and "<script>alert(1)" not in r.text,
     "the name is kept, escaped")
t.ok("short" not in re.findall(r'name="password"[^>]*', r.text)[0],
     "passwords are never echoed")
for field in ("email", "mobile", "password", "accept"):
    t.ok('id="e-%s"' % field in r.text, "a message for %s" % field)
t.eq(len(re.findall(r'<li><a href="#f-', r.text)), 4, "and a summary listing them")
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, password2="a-long-password-2", **hidden))
t.ok(r.status == 422 and 'id="e-password2"' in r.text, "two different passwords: a message on the second")
t.eq(users(), n, "nothing stored")
en = Client(lang="en")
_, h2 = en.form("/register", "/register")
r = en.post("/register", dict(bad, **h2))
t.ok("Enter a valid e-mail address." in r.text, "messages in the user's language (English)")

# Every echoed field escapes HTML, quotes included.
payload = "\"><img src=x onerror=alert(1)>'"
_, hidden = c.form("/register", "/register")
fields = dict(good, full_name=payload, org_name=payload, org_reg_no=payload,
              email="bad" + payload, mobile=payload, kind="organisation", **hidden)
r = c.post("/register", fields)
t.eq(r.status, 422, "payloads are invalid here")
t.ok("<img src=x" not in r.text, "no payload comes back raw")
t.ok("&quot;&gt;&lt;img src=x onerror=alert(1)&gt;&#39;" in r.text, "they come back escaped")

# Strict UTF-8 and control characters.
_, hidden = c.form("/register", "/register")
body = "&".join("%s=%s" % kv for kv in [("csrf", hidden["csrf"]), ("kind", "person"),
                                         ("full_name", "%C0%80abc"), ("email", "u@example.org"),
                                         ("mobile", "0791234567"), ("password", "a-long-password-1"),
                                         ("password2", "a-long-password-1"), ("accept", "1")])
r = c.request("POST", "/register", data=body.encode(),
              headers={"Content-Type": "application/x-www-form-urlencoded"})
t.eq(r.status, 422, "an overlong UTF-8 sequence is refused with a message")
t.ok('id="e-full_name"' in r.text, "on the field concerned")
r = c.request("POST", "/register", data=body.replace("%C0%80abc", "ab%00c").encode(),
              headers={"Content-Type": "application/x-www-form-urlencoded"})
t.eq(r.status, 422, "a NUL in a one-line field is refused")
r = c.request("POST", "/register", data=body.replace("%C0%80abc", "%ED%A0%80").encode(),
              headers={"Content-Type": "application/x-www-form-urlencoded"})
t.eq(r.status, 422, "a UTF-16 surrogate is refused")
r = c.request("POST", "/register", data=(body + "&x=%zz").encode(),
              headers={"Content-Type": "application/x-www-form-urlencoded"})
t.eq(r.status, 400, "a malformed percent escape is a 400")
t.eq(users(), n, "none of these stored anything")
r = c.get("/consultations?before=abc&zzz=1")
t.eq(r.status, 400, "a malformed query value is a 400 page")
r = c.get("/consultations?unknown_param=1")
t.eq(r.status, 200, "an undeclared query parameter is ignored")

# Double submit: the same form (same nonce) twice stores one account.
_, hidden = c.form("/register", "/register")
form = dict(good, email="once@example.org", **hidden)
r1 = c.post("/register", form)
r2 = c.post("/register", form)
t.ok(r1.status == 303 and r2.status == 303, "both submits are answered")
t.eq(sql1("SELECT COUNT(*) FROM users WHERE email='once@example.org'"), "1",
     "one account only")

# Sessions: a new token at login, the row deleted at logout.
s = Client()
s.get("/login")
anon = s.cookie("sk_anon")
t.ok(anon and len(anon) == 43, "a visitor gets an anonymous CSRF cookie, not a session")
t.eq(s.cookie("sk_session"), None, "no session before login")
r = s.login("citizen@sharek.test")
t.eq(r.status, 303, "login")
tok1 = s.cookie("sk_session")
t.ok(tok1 and len(tok1) == 43, "a 256-bit session token is set")
sc = [h for h in r.headers.get_all("Set-Cookie") if h.startswith("sk_session=")][0]
t.ok("HttpOnly" in sc and "SameSite=Lax" in sc, "HttpOnly and SameSite=Lax")
t.ok(s.get("/me").status == 200, "the session works")
_, hidden = s.form("/me", "/logout")
s.post("/logout", hidden)
s.login("citizen@sharek.test")
tok2 = s.cookie("sk_session")
t.ok(tok2 and tok2 != tok1, "logging in again issues a new token")
old = Client()
old.jar.set_cookie(__import__("http.cookiejar").cookiejar.Cookie(
    0, "sk_session", tok1, None, False, "127.0.0.1", False, False, "/", True,
    False, None, False, None, None, {}))
t.eq(old.get("/me").status, 303, "the old token no longer works")
t.ok(sql1("SELECT COUNT(*) FROM sessions WHERE token_hash = UNHEX(SHA2('x',256))") == "0",
     "tokens are stored hashed (no clear token in the table)")
t.eq(old.get("/me").status, 303, "a token from before logout stays dead")
before = int(sql1("SELECT COUNT(*) FROM sessions"))
_, hidden = s.form("/me", "/logout")
r = s.post("/logout", hidden)
t.eq(r.status, 303, "logout")
t.eq(int(sql1("SELECT COUNT(*) FROM sessions")), before - 1, "the session row is deleted")
t.eq(s.get("/me").status, 303, "and the cookie no longer opens the account")

# Error pages in both languages.
r = Client(lang="en").get("/nothing-here")
t.ok(r.status == 404 and "Page not found" in r.text, "404 in English")
t.ok("SQL" not in r.text and "mysql" not in r.text.lower(), "never a trace or SQL text")
sys.exit(t.done())
