"""The web kernel as a client sees it (issue 3): CSRF and same-origin
checks, body size limits, declared input with per-field messages and
nothing typed lost, escaping of every echoed value, sessions rotated at
login and deleted at logout, strict UTF-8, double-submit protection,
error pages in both languages.  Every refused write is checked in the
database too: nothing stored."""
import hashlib
import html.parser
import http.cookiejar
import re
import sys
import urllib.parse
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, URL, DEMO_PASSWORD

t = Tap()


def count(table, where="1"):
    return int(sql1("SELECT COUNT(*) FROM %s WHERE %s" % (table, where)))


def state():
    """What a refused registration must not change."""
    return (count("users"), count("outbox"), count("form_nonces"), count("tokens"))


class Inputs(html.parser.HTMLParser):
    """The controls of the form posting to action: name -> attributes."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.inputs, self.options = action, False, {}, {}
        self.select = None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action", "").endswith(self.action)
        elif not self.inside:
            return
        elif tag == "input":
            key = a.get("name")
            if a.get("type") == "radio":
                key = "%s=%s" % (a.get("name"), a.get("value"))
            self.inputs.setdefault(key, a)
        elif tag == "select":
            self.select = a.get("name")
        elif tag == "option" and self.select:
            self.options.setdefault(self.select, {})[a.get("value")] = "selected" in a

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.select = None


def inputs(text, action="/register"):
    p = Inputs(action)
    p.feed(text)
    return p


def messages(text):
    """Field -> the messages shown next to it (id="e-<field>")."""
    found = {}
    for field, msg in re.findall(r'<p class="msg" id="e-([a-z0-9_]+)">([^<]*)</p>', text):
        found.setdefault(field, []).append(msg)
    return found


def h1(text):
    m = re.search(r"<h1>(.*?)</h1>", text, re.S)
    return m.group(1).strip() if m else None


def raw_post(client, path, pairs):
    """Posts exactly these (already percent-encoded) pairs."""
    body = "&".join("%s=%s" % kv for kv in pairs)
    return client.request("POST", path, data=body.encode(),
                          headers={"Content-Type": "application/x-www-form-urlencoded"})


def set_cookie(client, name, value):
    client.jar.set_cookie(http.cookiejar.Cookie(
        0, name, value, None, False, "127.0.0.1", False, False, "/", True,
        False, None, False, None, None, {}))


def token_rows(token):
    h = hashlib.blake2b(token.encode(), digest_size=32).hexdigest().upper()
    return count("sessions", "HEX(token_hash) = '%s'" % h)


good = {"kind": "person", "full_name": "ليلى", "email": "kernel1@example.org",
        "mobile": "+962 79 123 4567", "password": "amber-kettle-orbit-1",
        "password2": "amber-kettle-orbit-1", "accept": "1", "lang": "ar"}

# ---- CSRF and same origin -------------------------------------------------
c = Client()
c.get("/register")
before = state()
r = c.post("/register", good)
t.eq(r.status, 403, "a POST without a CSRF token is refused")
t.eq(state(), before, "and nothing is written (users, outbox, nonces, tokens)")
t.ok(h1(r.text) and 'lang="ar"' in r.text and "403" in r.text,
     "the refusal is the HTML error page, in Arabic by default", r)
r = c.post("/register", dict(good, csrf="0" * 64))
t.eq(r.status, 403, "a wrong CSRF token is refused")
r = c.post("/register", dict(good, csrf="0" * 63))
t.eq(r.status, 403, "a malformed CSRF token is refused")
other = Client()
_, theirs = other.form("/register", "/register")
r = c.post("/register", dict(good, **theirs))
t.eq(r.status, 403, "another visitor's token does not work with my cookie")
_, hidden = c.form("/register", "/register")
r = c.post("/register?csrf=" + hidden["csrf"], dict(good, nonce=hidden["nonce"]))
t.eq(r.status, 403, "a token in the query string does not count")
r = c.post("/register", dict(good, **hidden), headers={"Origin": "http://evil.example"})
t.eq(r.status, 403, "a POST from another origin is refused, even with the right token")
r = c.post("/register", dict(good, **hidden), headers={"Origin": URL + ".evil.example"})
t.eq(r.status, 403, "an origin that merely starts like ours is refused")
r = c.post("/register", dict(good, **hidden), headers={"Sec-Fetch-Site": "cross-site"})
t.eq(r.status, 403, "a cross-site fetch is refused")
r = c.request("POST", "/register", data=urllib.parse.urlencode(dict(good, **hidden)).encode(),
              headers={"Content-Type": "application/x-www-form-urlencoded", "Origin": "",
                       "Referer": "http://evil.example/page"})
t.eq(r.status, 403, "without Origin, a foreign Referer is refused")
t.eq(state(), before, "none of these wrote anything")
en = Client(lang="en")
r = en.post("/register", good)
t.ok(r.status == 403 and 'lang="en"' in r.text and h1(r.text) == "Not allowed",
     "the refusal in English with Accept-Language: en", r)
# Login is a state change too (login CSRF).
lc = Client()
lc.get("/login")
r = lc.post("/login", {"email": "citizen@sharek.test", "password": DEMO_PASSWORD})
t.eq(r.status, 403, "a login POST without a token is refused")
t.eq(lc.cookie("sk_session"), None, "and opens no session")

# ---- size limits: the application answers 413 itself ----------------------
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, full_name="x" * (1024 * 1024 + 10), **hidden))
t.eq(r.status, 413, "a urlencoded body over 1 MiB is refused with 413")
t.ok((r.header("Content-Type") or "").startswith("text/html") and h1(r.text)
     and 'lang="ar"' in r.text and "413" in r.text, "with the HTML error page", r)
t.eq(state(), before, "nothing stored")
_, h2 = en.form("/register", "/register")
r = en.post("/register", dict(good, full_name="x" * (1024 * 1024 + 10), **h2))
t.ok(r.status == 413 and h1(r.text) == "Too large", "413 page in English", r)
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, full_name="ب" * 201, **hidden))
t.eq(r.status, 422, "a field over its declared length (not the body) is a 422")
t.ok(len(messages(r.text).get("full_name", [])) == 1, "with a message on that field")

# ---- declared input: 422, every value kept, one message per field ----------
bad = {"kind": "organisation", "full_name": "<script>alert(1)</script>",
       "org_name": "جمعية 'النور'", "org_reg_no": "12/3",
       "email": "not-an-email", "mobile": "12", "password": "short",
       "password2": "different", "lang": "en", "extra_unknown": "ignored"}
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(bad, **hidden))
t.eq(r.status, 422, "invalid fields give 422 with the form again")
f = inputs(r.text)
for k in ("full_name", "org_name", "org_reg_no", "email", "mobile"):
    t.eq(f.inputs.get(k, {}).get("value"), bad[k], "the %s typed is kept" % k)
t.ok("value" not in f.inputs.get("password", {}) and "value" not in f.inputs.get("password2", {}),
     "passwords are never echoed")
t.ok('value="short"' not in r.text and "different" not in r.text, "not anywhere in the page")
t.ok("checked" in f.inputs.get("kind=organisation", {}) and "checked" not in f.inputs.get("kind=person", {}),
     "the kind chosen stays chosen")
t.eq(f.options.get("lang"), {"ar": False, "en": True}, "the language chosen stays selected")
t.ok("checked" not in f.inputs.get("accept", {"checked": 1}), "the charter box stays unticked")
msgs = messages(r.text)
t.eq(sorted(msgs), ["accept", "email", "mobile", "password", "password2"],
     "a message for each invalid field: bad e-mail, short password, different "
     "second password, bad mobile, charter not accepted")
t.ok(all(len(v) == 1 for v in msgs.values()), "exactly one message per field")
t.eq(len(re.findall(r'<li><a href="#f-', r.text)), 5, "and a summary linking to each")
t.ok("extra_unknown" not in r.text and "ignored" not in r.text, "an undeclared field is dropped")
t.eq(state(), before, "nothing stored")
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, password2="amber-kettle-orbit-2", **hidden))
t.ok(r.status == 422 and sorted(messages(r.text)) == ["password2"],
     "two different (valid) passwords: one message, on the second", messages(r.text))
_, h2 = en.form("/register", "/register")
r = en.post("/register", dict(bad, **h2))
m = messages(r.text)
t.ok(m.get("email") == ["Enter a valid e-mail address."] and
     m.get("password2") == ["The two passwords are not the same."],
     "messages in the user's language (English)", m)

# ---- escaping: every echoed field, three payloads ---------------------------
echoed = ("full_name", "org_name", "org_reg_no", "email", "mobile")
for payload in ("<script>alert(1)</script>", "\"><img src=x onerror=alert(1)>",
                "' onmouseover='alert(1)' x='"):
    _, hidden = c.form("/register", "/register")
    fields = dict(good, kind="organisation", **hidden)
    for k in echoed:
        fields[k] = payload
    r = c.post("/register", fields)
    t.eq(r.status, 422, "payload %r: invalid e-mail and mobile, the form again" % payload)
    t.ok(payload not in r.text, "payload %r never comes back raw" % payload)
    f = inputs(r.text)
    t.eq([f.inputs.get(k, {}).get("value") for k in echoed], [payload] * 5,
         "payload %r comes back in all five fields, intact as text" % payload)
    esc = payload.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") \
        .replace('"', "&quot;").replace("'", "&#39;")
    t.eq(r.text.count('value="%s"' % esc), 5, "payload %r escaped for the attribute, quotes included" % payload)
r = c.get("/login?next=" + urllib.parse.quote("/\"><script>alert(1)</script>"))
t.ok(r.status == 200 and "<script>alert(1)" not in r.text, "the login form's next= is escaped")
_, hidden = c.form("/login", "/login")
r = c.post("/login", dict(hidden, email="\"><img src=x onerror=alert(1)>", password="x"))
t.ok(r.status == 422 and "<img src=x" not in r.text, "the e-mail echoed by the login form is escaped")

# ---- strict UTF-8 and control characters ------------------------------------
pairs = [("kind", "person"), ("full_name", "abc"), ("email", "u8@example.org"),
         ("mobile", "0791234567"), ("password", "amber-kettle-orbit-1"),
         ("password2", "amber-kettle-orbit-1"), ("accept", "1")]
cases = [("full_name", "%C0%80abc", "an overlong UTF-8 sequence (%C0%80)"),
         ("full_name", "%ED%A0%80abc", "a UTF-16 surrogate (%ED%A0%80)"),
         ("full_name", "%FF%FEabc", "bytes that are never UTF-8"),
         ("email", "a%C0%80@example.org", "%C0%80 in the e-mail"),
         ("full_name", "ab%00c", "a NUL in a one-line field"),
         ("mobile", "079%00123456", "a NUL in the mobile number"),
         ("password", "a-long-pass%00word", "a NUL in the password (the second one then differs)"),
         ("full_name", "ab%0D%0Acd", "a line break in a one-line field"),
         ("full_name", "ab%1Bcd", "an escape character")]
before = state()
for field, value, what in cases:
    _, hidden = c.form("/register", "/register")
    body = [("csrf", hidden["csrf"]), ("nonce", hidden["nonce"])] + \
        [(k, value if k == field else urllib.parse.quote(v)) for k, v in pairs]
    r = raw_post(c, "/register", body)
    m = messages(r.text)
    want = [field, "password2"] if field == "password" else [field]
    t.ok(r.status == 422 and list(m) == want, "%s: 422 with a message on %s" % (what, " and ".join(want)),
         "%d %r" % (r.status, m))
    echo = inputs(r.text).inputs.get(field, {}).get("value") or ""
    t.ok(not re.search("[\x00-\x1f\x7f-\x9f\ufffd]", echo) and "\x00" not in r.text,
         "%s: no bad byte comes back in the field" % what, repr(echo))
_, hidden = c.form("/register", "/register")
r = raw_post(c, "/register", [("csrf", hidden["csrf"])] + pairs + [("x", "%zz")])
t.eq(r.status, 400, "a malformed percent escape is a 400 page")
t.eq(state(), before, "none of these stored anything")
t.eq(c.get("/register").status, 200, "and the worker still answers (no crash)")

# ---- undeclared input is ignored ----------------------------------------------
r = c.get("/consultations?unknown_param=1&zzz=%3Cscript%3E")
t.eq(r.status, 200, "an undeclared query parameter is ignored")
t.ok("zzz" not in r.text and "<script>" not in r.text.split("<main", 1)[-1], "and never reaches the page")
_, hidden = c.form("/register", "/register")
r = c.post("/register", dict(good, email="mass@example.org", role="admin", entity_id="1",
                             email_verified_at="2026-01-01", active="1", **hidden))
t.eq(r.status, 303, "a registration with extra fields goes through")
t.eq(sql("SELECT role, entity_id IS NULL, email_verified_at IS NULL, kind FROM users "
         "WHERE email='mass@example.org'"), [["citizen", "1", "1", "person"]],
     "undeclared fields (role=admin, entity_id, email_verified_at) change nothing")

# ---- double submit: the same form (same nonce) stores one account ----------
_, hidden = c.form("/register", "/register")
form = dict(good, email="once@example.org", **hidden)
o0 = count("outbox", "recipient='once@example.org'")
r1 = c.post("/register", form)
r2 = c.post("/register", form)
t.ok(r1.status == 303 and r2.status == 303, "both submits are answered")
t.eq(r2.header("Location"), r1.header("Location"), "with the same page")
t.eq(count("users", "email='once@example.org'"), 1, "one account only")
t.eq(count("outbox", "recipient='once@example.org'") - o0, 1, "one e-mail only")
_, hidden = c.form("/forgot", "/forgot")
o0 = count("outbox", "recipient='citizen@sharek.test'")
c.post("/forgot", dict(hidden, email="citizen@sharek.test"))
c.post("/forgot", dict(hidden, email="citizen@sharek.test"))
t.eq(count("outbox", "recipient='citizen@sharek.test'") - o0, 1, "a double-submitted reset request sends one link")

# ---- sessions ------------------------------------------------------------------
s = Client()
n0 = count("sessions")
s.get("/login")
s.get("/")
anon = s.cookie("sk_anon")
t.ok(anon and len(anon) == 43, "a visitor gets an anonymous CSRF cookie")
t.eq(s.cookie("sk_session"), None, "but no session before login")
t.eq(count("sessions"), n0, "and no session row")
planted = "P" * 43
set_cookie(s, "sk_session", planted)
t.eq(s.get("/me").status, 303, "a made-up session token opens nothing")
r = s.login("citizen@sharek.test")
t.eq(r.status, 303, "login")
tok1 = s.cookie("sk_session")
t.ok(tok1 and len(tok1) == 43 and tok1 != planted, "a new 256-bit token, not the one planted before login")
sc = [h for h in r.headers.get_all("Set-Cookie") if h.startswith("sk_session=")]
t.ok(sc and "HttpOnly" in sc[0] and "SameSite=Lax" in sc[0] and "Path=/" in sc[0],
     "HttpOnly, SameSite=Lax, Path=/", sc)
t.eq(token_rows(tok1), 1, "the session row holds a hash of the token")
t.eq(count("sessions", "token_hash = '%s'" % tok1), 0, "never the token itself")
t.eq(s.get("/me").status, 200, "the session works")
r = s.post("/me/profile", {"csrf": "ab" * 32, "full_name": "x y", "mobile": "0791234567", "lang": "ar"})
t.eq(r.status, 403, "a signed-in POST with a foreign token is refused")
# Sign in again (as someone else) while holding tok1: the token rotates.
_, hidden = s.form("/me", "/logout")
r = s.post("/login", dict(hidden, email="citizen2@sharek.test", password=DEMO_PASSWORD))
t.eq(r.status, 303, "signing in while signed in")
tok2 = s.cookie("sk_session")
t.ok(tok2 and tok2 != tok1, "issues a new token")
t.eq(token_rows(tok1), 0, "the previous session row is deleted")
old = Client()
set_cookie(old, "sk_session", tok1)
r = old.get("/me")
t.ok(r.status == 303 and "/login" in (r.header("Location") or ""), "the token held before no longer works")
t.eq(s.get("/me").status, 200, "the new one does")
_, hidden = s.form("/me", "/logout")
r = s.post("/logout", {})
t.eq(r.status, 403, "logout without a token is refused (no forced sign-out)")
t.eq(token_rows(tok2), 1, "and the session stays")
before = count("sessions")
r = s.post("/logout", hidden)
t.eq(r.status, 303, "logout")
t.eq(count("sessions"), before - 1, "deletes one session row")
t.eq(token_rows(tok2), 0, "this one")
sc = [h for h in r.headers.get_all("Set-Cookie") if h.startswith("sk_session=")]
t.ok(sc and "Max-Age=0" in sc[0], "and clears the cookie", sc)
t.eq(s.get("/me").status, 303, "signed out")
replay = Client()
set_cookie(replay, "sk_session", tok2)
t.eq(replay.get("/me").status, 303, "a copy of the logged-out token opens nothing")

# Sessions end after 2 hours idle and 12 hours in all.
for col, when, what in (("last_seen_at", "121 MINUTE", "idle for over two hours"),
                        ("expires_at", "1 SECOND", "past its absolute expiry")):
    x = Client()
    x.login("citizen@sharek.test")
    tok = x.cookie("sk_session") or ""
    t.eq(x.get("/me").status, 200, "(a fresh session works)")
    sql("UPDATE sessions SET %s = UTC_TIMESTAMP() - INTERVAL %s WHERE HEX(token_hash) = '%s'"
        % (col, when, hashlib.blake2b(tok.encode(), digest_size=32).hexdigest().upper()))
    t.eq(x.get("/me").status, 303, "a session %s opens nothing" % what)

# ---- error pages in both languages ---------------------------------------------
ar, en = Client(), Client(lang="en-GB,en;q=0.9")
for path, method, status, title in (("/nothing-here", "GET", 404, "Page not found"),
                                    ("/register", "PUT", 405, "Method not allowed"),
                                    ("/consultations?x=%zz", "GET", 400, "Bad request"),
                                    ("/register", "POST", 403, "Not allowed"),
                                    ("/verify?t=" + "A" * 43, "GET", 410, "This link does not work")):
    r = en.request(method, path, data=b"" if method == "POST" else None,
                   headers={"Content-Type": "application/x-www-form-urlencoded"} if method == "POST" else None)
    t.ok(r.status == status and 'lang="en"' in r.text and 'dir="ltr"' in r.text and h1(r.text) == title,
         "%d page in English: %s" % (status, title), "%d %r" % (r.status, h1(r.text)))
    t.ok("SQL" not in r.text and "mysql" not in r.text.lower() and ".c:" not in r.text,
         "%d page shows no trace" % status)
    r = ar.request(method, path, data=b"" if method == "POST" else None,
                   headers={"Content-Type": "application/x-www-form-urlencoded"} if method == "POST" else None)
    # (The Arabic catalogue is not translated yet: only the frame is checked.)
    t.ok(r.status == status and 'lang="ar"' in r.text and 'dir="rtl"' in r.text and h1(r.text),
         "%d page in the Arabic frame by default" % status, "%d %r" % (r.status, h1(r.text)))
sys.exit(t.done())
