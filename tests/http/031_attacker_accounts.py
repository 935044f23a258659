"""What an attacker found in the accounts (issue 9): e-mail flooding
through /forgot and /register (item 1), password guessing through
account deletion (9), lockout as a weapon (10), weak passwords (11),
login CSRF through verification links (13) and tokens left in URLs (15).

Each client here connects from a loopback address of its own
(127.0.0.2xx), so the per-address limits it runs into are its own and
no other test's."""
import concurrent.futures
import functools
import hashlib
import http.client
import re
import sys
import urllib.request
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, NoRedirect, Tap, hidden_fields, link_in, mails_to, sql, sql1, tick

t = Tap()
PW = "amber-kettle-orbit-42"     # strong enough for zxcvbn (pwcheck.h)


class SourceHandler(urllib.request.HTTPHandler):
    def __init__(self, addr):
        super().__init__()
        self.addr = addr

    def http_open(self, req):
        return self.do_open(functools.partial(http.client.HTTPConnection,
                                              source_address=(self.addr, 0)), req)


class From(Client):
    """A browser connecting from its own loopback address."""

    def __init__(self, addr, lang="en"):
        super().__init__(lang=lang)
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect(), SourceHandler(addr))


def count(table, where="1"):
    return int(sql1("SELECT COUNT(*) FROM %s WHERE %s" % (table, where)))


def messages(text):
    found = {}
    for field, msg in re.findall(r'<p class="msg" id="e-([a-z0-9_]+)">([^<]*)</p>', text):
        found.setdefault(field, []).append(msg)
    return found


def value(text, name):
    m = re.search(r'<input[^>]* name="%s"[^>]*value="([^"]*)"' % name, text)
    return m.group(1) if m else None


def set_cookies(r):
    return r.headers.get_all("Set-Cookie") or []


def outbox(addr):
    return count("outbox", "recipient='%s'" % addr)


def forgot(client, email):
    return client.submit("/forgot", "/forgot", {"email": email})


def register(client, email, password=PW, **kw):
    f = {"kind": "person", "full_name": kw.pop("full_name", "Test Person"), "email": email,
         "mobile": "0791234567", "password": password, "password2": password, "accept": "1",
         "lang": "en"}
    f.update(kw)
    return client.submit("/register", "/register", f)


def account(email, addr, name="Test Person"):
    """A verified citizen account (registered from addr)."""
    r = register(From(addr), email, full_name=name)
    sql("UPDATE users SET email_verified_at = UTC_TIMESTAMP() WHERE email='%s'" % email)
    return r.status == 303 and count("users", "email='%s' AND email_verified_at IS NOT NULL" % email) == 1


# ---- 1. e-mail flooding ---------------------------------------------------------------
VICTIM = "flood.victim@example.org"
t.ok(account(VICTIM, "127.0.0.200"), "(a victim's account)")
before = outbox(VICTIM)
a = From("127.0.0.201")
got = [forgot(a, VICTIM).status for _ in range(3)]
t.eq(got, [303, 303, 303], "three reset requests for one address are answered as usual")
r = forgot(a, VICTIM)
t.eq(r.status, 429, "the fourth within the hour is refused with 429")
t.ok('action="/forgot"' in r.text and value(r.text, "email") == VICTIM,
     "with the form again and the address typed kept", r)
t.ok(messages(r.text).get("email") and "Too many requests for this e-mail address" in messages(r.text)["email"][0],
     "and a message next to it, in English for an English reader", messages(r.text))
ar = From("127.0.0.201", lang=None)
r = forgot(ar, VICTIM)
t.ok(r.status == 429 and 'lang="ar"' in r.text and "طلبات كثيرة" in r.text,
     "in Arabic by default", r)
t.eq(outbox(VICTIM) - before, 3, "three messages queued, not five")
r = forgot(From("127.0.0.202"), VICTIM)
t.eq(r.status, 429, "the limit is on the address: another client is refused as well")
GHOST = "flood.ghost@example.org"
g = From("127.0.0.203")
got = [forgot(g, GHOST).status for _ in range(4)]
t.eq(got, [303, 303, 303, 429], "an address without an account has the very same limit (nothing revealed)")

c = From("127.0.0.204")
got = [forgot(c, "spray%d@example.org" % i).status for i in range(20)]
t.eq(got, [303] * 20, "one client may ask for twenty different addresses an hour")
r = forgot(c, "spray20@example.org")
t.eq(r.status, 429, "the twenty-first is refused")
t.ok("Too many requests from your connection" in r.text and value(r.text, "email") == "spray20@example.org",
     "saying so, with the address kept", messages(r.text))
t.eq(forgot(From("127.0.0.205"), "spray20@example.org").status, 303, "other clients are not affected")

# Registration: the same limits (an existing address only gets a notice).
REG = "flood.register@example.org"
reg = From("127.0.0.206")
got = [register(reg, REG, full_name="Nour Saleh").status for _ in range(3)]
t.eq(got, [303, 303, 303], "three registrations for one address: the account, then notices to its owner")
r = register(reg, REG, full_name="Nour Saleh")
t.eq(r.status, 429, "the fourth is refused with 429")
t.ok(value(r.text, "full_name") == "Nour Saleh" and value(r.text, "email") == REG and
     "Too many requests for this e-mail address" in r.text,
     "with the form again, what was typed kept and the message", r)
t.ok('value="%s"' % PW not in r.text, "the password is not echoed")
t.eq(outbox(REG), 3, "three messages to that address, no more")
t.eq(count("users", "email='%s'" % REG), 1, "one account")

# Ten at once (the reproduction: ten mails in half a second).
RACE = "flood.race@example.org"
t.ok(account(RACE, "127.0.0.200"), "(another account)")
before = outbox(RACE)
posts = []
for i in range(10):
    cl = From("127.0.0.%d" % (210 + i))
    _, hidden = cl.form("/forgot", "/forgot")
    posts.append((cl, dict(hidden, email=RACE)))
with concurrent.futures.ThreadPoolExecutor(10) as ex:
    got = sorted(ex.map(lambda p: p[0].post("/forgot", p[1]).status, posts))
t.eq(got, [303] * 3 + [429] * 7, "ten simultaneous requests: three go through, seven get 429")
t.eq(outbox(RACE) - before, 3, "and exactly three messages are queued")

# The outbox itself: at most ten rows per recipient an hour, whatever causes them.
CAP = "flood.cap@example.org"
t.ok(account(CAP, "127.0.0.200"), "(a third account)")
key = hashlib.blake2b(("outbox:email:" + CAP).encode(), digest_size=32).hexdigest()
sql("INSERT INTO rate_limits (key_hash, window_start, hits) VALUES (UNHEX('%s'), UTC_TIMESTAMP(), 10) "
    "ON DUPLICATE KEY UPDATE hits = 10, window_start = UTC_TIMESTAMP()" % key)
before = outbox(CAP)
r = forgot(From("127.0.0.207"), CAP)
t.eq(r.status, 303, "an address that had ten messages this hour: the form answers as usual")
t.eq(outbox(CAP), before, "but no eleventh message is queued")
sql("UPDATE rate_limits SET window_start = window_start - INTERVAL 61 MINUTE WHERE key_hash = UNHEX('%s')" % key)
r = forgot(From("127.0.0.207"), CAP)
t.ok(r.status == 303 and outbox(CAP) == before + 1, "an hour later it gets mail again")

# ---- 10. lockout as a weapon: per account and client address ----------------------------
OWNER = "lock.owner@example.org"
t.ok(account(OWNER, "127.0.0.200"), "(an account someone wants to lock)")
att = From("127.0.0.230")
got = [att.login(OWNER, "wrong-guess-%d" % i).status for i in range(5)]
t.eq(got, [422] * 5, "five wrong passwords from one address")
r = att.login(OWNER, PW)
t.eq(r.status, 429, "then that address waits, even with the right password")
t.ok("Please wait 15 minutes" in r.text, "15 minutes after the fifth failure", r)
t.eq(From("127.0.0.231").login(OWNER, PW).status, 303, "the owner at another address signs in as usual")


def age(addr, minutes):
    sql("UPDATE login_attempts SET at = at - INTERVAL %d MINUTE WHERE ip='%s'" % (minutes, addr))


age("127.0.0.230", 16)
t.eq(att.login(OWNER, "wrong-guess-6").status, 422, "after 15 minutes the guesser may try once more")
r = att.login(OWNER, "wrong-guess-7")
t.ok(r.status == 429 and "Please wait 30 minutes" in r.text, "then waits 30 minutes", r)
age("127.0.0.230", 31)
t.eq(att.login(OWNER, "wrong-guess-8").status, 422, "once more")
r = att.login(OWNER, "wrong-guess-9")
t.ok(r.status == 429 and "Please wait 60 minutes" in r.text, "then an hour", r)
age("127.0.0.230", 61)
t.eq(att.login(OWNER, "wrong-guess-10").status, 422, "once more")
r = att.login(OWNER, "wrong-guess-11")
t.ok(r.status == 429 and "Please wait 60 minutes" in r.text, "and an hour again: a few tries an hour at most", r)
t.eq(count("login_attempts", "ip='127.0.0.230' AND success=0"), 8,
     "refused tries are not counted as failures (no password was checked)")
age("127.0.0.230", 61)
t.eq(att.login(OWNER, PW).status, 303, "the right password after the wait signs in")
t.eq(From("127.0.0.230").login(OWNER, "wrong-guess-12").status, 422,
     "and a success there starts the count again")

sp = From("127.0.0.232")
for i in range(30):
    sp.login("spray-%d@example.org" % i, "wrong-password")
r = sp.login(OWNER, PW)
t.eq(r.status, 429, "thirty failures from one address on any accounts still stop that address")
t.eq(From("127.0.0.233").login(OWNER, PW).status, 303, "and only that one")

# ---- 9. password guessing through account deletion ---------------------------------------
DEL = "delete.target@example.org"
t.ok(account(DEL, "127.0.0.200"), "(an account to delete)")
d = From("127.0.0.240")
t.eq(d.login(DEL, PW).status, 303, "(signed in)")
got = [d.submit("/me/profile", "/me/delete", {"password": "wrong-guess-%d" % i}).status for i in range(5)]
t.eq(got, [422] * 5, "five wrong passwords to delete the account")
t.eq(count("login_attempts", "ip='127.0.0.240' AND success=0"), 5, "counted with the sign-in failures")
r = d.submit("/me/profile", "/me/delete", {"password": PW})
t.eq(r.status, 429, "then deletion waits like sign-in does, even with the right password")
t.ok("Please wait 15 minutes" in r.text and 'action="/me/delete"' in r.text and
     messages(r.text).get("password"), "the form again, the message next to the password", r)
t.eq(count("users", "email='%s' AND deleted_at IS NULL" % DEL), 1, "the account is still there")
t.eq(From("127.0.0.240").login(DEL, PW).status, 429, "and sign-in from that address waits too: one count")
t.eq(From("127.0.0.241").login(DEL, PW).status, 303, "the owner elsewhere is not affected")
DEL2 = "delete.second@example.org"
t.ok(account(DEL2, "127.0.0.200"), "(another one)")
d2 = From("127.0.0.242")
t.eq(d2.login(DEL2, PW).status, 303, "(signed in)")
for i in range(5):
    From("127.0.0.242").login(DEL2, "wrong-guess-%d" % i)
r = d2.submit("/me/profile", "/me/delete", {"password": PW})
t.eq(r.status, 429, "sign-in failures make deletion wait as well")

# ---- 11. weak passwords ----------------------------------------------------------------------
w = From("127.0.0.250")
cases = [("aaaaaaaaaa", "it repeats characters or follows a sequence or a keyboard pattern"),
         ("password123", "it is a common password"),
         ("rania.khoury.1", "it contains your name or e-mail address"),
         ("rkhoury-mail", "it contains your name or e-mail address")]
for pw, why in cases:
    r = register(w, "rkhoury-mail@example.org", password=pw, full_name="Rania Khoury")
    m = messages(r.text)
    t.ok(r.status == 422 and m.get("password") and why in m["password"][0] and list(m) == ["password"],
         "%r is refused at registration: %s" % (pw, why), "%d %r" % (r.status, m))
t.eq(value(r.text, "full_name"), "Rania Khoury", "with everything else kept")
r = register(From("127.0.0.250", lang=None), "rkhoury-mail@example.org", password="password123",
             full_name="Rania Khoury")
t.ok("كلمة المرور هذه سهلة التخمين" in r.text, "the message in Arabic by default", messages(r.text))
r = register(w, "org.weak@example.org", password="greenvalley2024", kind="organisation",
             full_name="Sami Haddad", org_name="Green Valley", org_reg_no="12/2")
t.ok(r.status == 422 and "it contains your name" in " ".join(messages(r.text).get("password", [])),
     "an organisation's name counts as the user's", messages(r.text))
t.eq(count("users", "email IN ('rkhoury-mail@example.org', 'org.weak@example.org')"), 0, "no account made")
r = register(w, "rkhoury-mail@example.org", password=PW, full_name="Rania Khoury")
t.eq(r.status, 303, "a passphrase is accepted")

# ---- 15. tokens leave the URL at once ---------------------------------------------------
RES = "token.reset@example.org"
t.ok(account(RES, "127.0.0.200", name="Faris Odeh"), "(an account that forgets its password)")
forgot(From("127.0.0.251"), RES)
tick()
tok = link_in((mails_to(RES) or [""])[-1], "/reset")
t.ok(tok, "a reset link by e-mail")
b = From("127.0.0.252")
r = b.get("/reset?t=" + str(tok))
t.eq(r.status, 303, "opening it answers 303")
t.eq(r.header("Location"), "/reset", "to the bare /reset: the token leaves the address bar")
ck = [c for c in set_cookies(r) if c.startswith("sk_reset=")]
t.ok(len(ck) == 1 and ck[0].startswith("sk_reset=%s;" % tok), "the token goes into a cookie", set_cookies(r))
attrs = [a.strip().lower() for a in ck[0].split(";")[1:]] if ck else []
t.ok("httponly" in attrs and "samesite=strict" in attrs and "path=/reset" in attrs,
     "HttpOnly, SameSite=Strict, for /reset only", attrs)
ages = [int(a[8:]) for a in attrs if a.startswith("max-age=")]
t.ok(ages and 0 < ages[0] <= 1800, "short-lived (half an hour at most)", attrs)
t.eq(r.header("Cache-Control"), "no-store", "and the answer is not cached")
r = b.get("/reset")
t.ok(r.status == 200 and 'action="/reset"' in r.text, "the form at the clean URL", r)
t.ok(str(tok) not in r.text, "the page does not carry the token")
t.eq(hidden_fields(r.text, "/reset").get("t"), None, "not even in a hidden field")
r = b.submit("/reset", "/reset", {"password": "aaaaaaaaaa", "password2": "aaaaaaaaaa"})
t.ok(r.status == 422 and "it repeats characters" in " ".join(messages(r.text).get("password", [])),
     "a weak new password is refused with its reason", messages(r.text))
r = b.submit("/reset", "/reset", {"password": "odeh-faris-2024", "password2": "odeh-faris-2024"})
t.ok(r.status == 422 and "it contains your name" in " ".join(messages(r.text).get("password", [])),
     "so is one made of the account's name", messages(r.text))
NEWPW = "violet-harbour-lantern-7"
r = b.submit("/reset", "/reset", {"password": NEWPW, "password2": NEWPW})
t.eq(r.status, 303, "a strong one is set, the token read from the cookie")
t.eq(r.header("Location"), "/login?reset=1", "then on to sign in")
t.ok(any(c.startswith("sk_reset=;") and "max-age=0" in c.lower() for c in set_cookies(r)),
     "and the cookie is cleared", set_cookies(r))
t.eq(From("127.0.0.253").login(RES, NEWPW).status, 303, "the new password works")
t.eq(From("127.0.0.253").get("/reset?t=" + str(tok)).status, 410, "the link is used up")
r = From("127.0.0.253").get("/reset?t=" + "B" * 43)
t.ok(r.status == 410 and not any(c.startswith("sk_reset=") for c in set_cookies(r)),
     "a made-up token: 410 and no cookie", set_cookies(r))
x = From("127.0.0.254")
x.get("/reset?t=" + str(tok))
r = x.submit("/reset", "/reset", {"password": NEWPW + "x", "password2": NEWPW + "x"})
t.eq(r.status, 410, "a used token in a cookie sets nothing either")

# ---- 13. a verification link never signs anyone in -------------------------------------------
VER = "verify.person@example.org"
register(From("127.0.0.255"), VER, full_name="Lina Verify")
tick()
vtok = link_in((mails_to(VER) or [""])[-1], "/verify")
t.ok(vtok, "a verification link by e-mail")
victim = From("127.0.0.200")
t.eq(victim.login(OWNER, PW).status, 303, "(someone is signed in as themselves)")
mine = victim.cookie("sk_session")
r = victim.get("/verify?t=" + str(vtok))
t.eq(r.status, 303, "opening an attacker's verification link answers 303")
t.eq(r.header("Location"), "/verify", "to the bare /verify")
t.ok(not any(c.startswith("sk_session=") for c in set_cookies(r)), "with no new session", set_cookies(r))
ck = [c for c in set_cookies(r) if c.startswith("sk_verify=")]
attrs = [a.strip().lower() for a in ck[0].split(";")[1:]] if ck else []
t.ok("httponly" in attrs and "samesite=strict" in attrs and "path=/verify" in attrs,
     "the token in a Strict, HttpOnly cookie for /verify", set_cookies(r))
t.eq(sql1("SELECT email_verified_at IS NULL FROM users WHERE email='%s'" % VER), "1",
     "a GET changes nothing")
r = victim.get("/verify")
t.ok(r.status == 200 and 'action="/verify"' in r.text and str(vtok) not in r.text,
     "the bare page asks to confirm with a button", r)
r = victim.submit("/verify", "/verify", {})
t.eq(r.status, 303, "confirming is a POST")
t.eq(r.header("Location"), "/verify/done", "that leads to a page saying it is done")
t.eq(sql1("SELECT email_verified_at IS NOT NULL FROM users WHERE email='%s'" % VER), "1", "the address is confirmed")
t.eq(victim.cookie("sk_session"), mine, "the visitor's own session is untouched")
r = victim.get("/me")
t.ok(r.status == 200 and "Test Person" in r.text and "Lina Verify" not in r.text,
     "and it is still their own page", r)
t.eq(count("sessions", "user_id=(SELECT id FROM users WHERE email='%s')" % VER), 0,
     "no session for the verified account")
r = From("127.0.0.255").get("/verify/done")
t.ok(r.status == 200 and "Your e-mail address is confirmed" in r.text and 'href="/login' in r.text,
     "the page asks the person to sign in", r)
t.eq(From("127.0.0.255").get("/verify?t=" + str(vtok)).status, 410, "the link works once")
t.eq(From("127.0.0.255").login(VER, PW).status, 303, "the person signs in with the password")
sys.exit(t.done())
