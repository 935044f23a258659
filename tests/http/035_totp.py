"""A second factor for staff (issue 9; OWASP ASVS 5.0 V6.3): TOTP (RFC
6238) with ten one-time recovery codes.

A liaison officer (who must have one) is taken to enrolment after the
password and can open nothing else in /staff/ until done; the enrolment
page shows the QR code as inline SVG (valid XML) and the key as text; the
first code turns it on and shows ten recovery codes once.  Then: sign-in
with password and code, the same code again refused (replay), a wrong
code refused and counted, too many wrong codes throttled (429), a
recovery code good once, a password typed at /login or /complaints/login
giving no /staff/ page without the code, and `sharekctl user reset-2fa`
forcing a new enrolment, audited.  A coordinator (offered, not forced)
turns it on and off again with a code.  The central operations room of
complaints must have one too: its password at /complaints/login sends it
to the enrolment, and the complaints system opens once it is done.  The codes are computed here from
the key the page shows (RFC 6238 in the standard library:
sharek.totp)."""
import base64
import hashlib
import os
import re
import subprocess
import sys
import time
import urllib.parse
import xml.etree.ElementTree as ET
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import (FACTOR_CODE, FACTOR_ENROL, Client, Tap, enrol_secret, factor_step, hidden_fields,
                    recovery_codes, sql, sql1, totp)

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
BUILD = os.environ.get("SHAREK_BUILD", "build")
CTL = os.path.join(ROOT, BUILD, "bin/sharekctl")
PW = "Quiet-Harbour-Lantern-2026"
LIAISON = "totp.liaison@moh.example.org"
COORD = "totp.coord@moh.example.org"


def ctl(*args):
    env = dict(os.environ, SHAREK_PASSWORD=PW)
    return subprocess.run([CTL] + list(args), capture_output=True, text=True, env=env)


def local(r):
    loc = r.header("Location") or ""
    return loc[len(os.environ.get("SHAREK_URL", "")):] if loc.startswith("http") else loc


def calm_step():
    """The current step, at least 10 s before it ends (so a code of it and
    its replay both arrive inside it)."""
    while time.time() % 30 >= 20:
        time.sleep(30 - time.time() % 30 + 0.2)
    return int(time.time() // 30)


def attempts_key(email):
    # session.c: BLAKE2b-256 of "factor:" and the e-mail address.
    return hashlib.blake2b(b"factor:" + email.encode(), digest_size=32).hexdigest()


def failures(email):
    return int(sql1("SELECT COUNT(*) FROM login_attempts WHERE email_hash=UNHEX('%s') AND success=0"
                    % attempts_key(email)))


def audit(action, uid):
    return int(sql1("SELECT COUNT(*) FROM audit_log WHERE action='%s' AND object_id=%s" % (action, uid)))


def english():
    """A client that reads the pages in English (the accounts' language
    is Arabic, which a signed-in page follows unless a cookie says)."""
    c = Client(lang="en")
    c.get("/staff/lang/en?next=/staff/")
    return c


def code_page(c, email, prefix="/staff", nxt=None):
    """Password only: the answer (a 303 to the code or enrolment page)."""
    page = prefix + "/login" + ("?next=" + urllib.parse.quote(nxt) if nxt else "")
    return c.submit(page, prefix + "/login", {"email": email, "password": PW})


def type_code(c, page, code):
    return c.submit(page, FACTOR_CODE, {"code": code})


t.eq(ctl("user", "create", LIAISON, "ضابط ارتباط تجريبي", "liaison", "moh").returncode, 0,
     "(a liaison officer of moh, by sharekctl)")
t.eq(ctl("user", "create", COORD, "منسق تجريبي", "coordinator", "moh").returncode, 0, "(and a coordinator)")
uid = sql1("SELECT id FROM users WHERE email='%s'" % LIAISON)
cid = sql1("SELECT id FROM users WHERE email='%s'" % COORD)

# ---- enrolment is forced on a liaison officer -----------------------------------------
c = english()
r = code_page(c, LIAISON)
t.ok(r.status == 303 and local(r).startswith(FACTOR_ENROL + "?next="),
     "after the password, a liaison officer is sent to enrolment", r.header("Location"))
enrol = local(r)
for path in ("/staff/", "/staff/entities", "/staff/audit", "/staff/2fa"):
    r = c.get(path)
    t.ok(r.status == 303 and "/staff/login" in (r.header("Location") or ""),
         "  … and cannot open %s before enrolling (got %d)" % (path, r.status))
r = c.get("/staff/login")
t.ok(r.status == 303 and local(r).startswith(FACTOR_ENROL), "  … the sign-in page sends him back to enrolment")
_, h = c.form(enrol, FACTOR_ENROL + "/start")
r = c.post("/staff/holidays", dict(h, day="2031-05-01", name_ar="عطلة", name_en="Holiday"))
t.eq(r.status, 403, "  … and cannot post a staff form")
t.eq(sql1("SELECT COUNT(*) FROM holidays WHERE day='2031-05-01'"), "0", "  … nothing written")

r = c.get(enrol)
t.ok(r.status == 200 and 'action="%s/start"' % FACTOR_ENROL in r.text and "<svg" not in r.text,
     "the enrolment page first explains and offers to begin")
r = c.post(FACTOR_ENROL + "/start", hidden_fields(r.text, FACTOR_ENROL + "/start"))
t.ok(r.status == 303 and local(r).startswith(FACTOR_ENROL), "beginning makes a key", r)
r = c.get(local(r))
t.eq(r.status, 200, "the enrolment page with the key")
t.ok("no-store" in (r.header("Cache-Control") or ""), "  … never cached (it shows a secret)")
m = re.search(r"<svg\b.*?</svg>", r.text, re.S)
t.ok(m is not None, "  … a QR code drawn as inline SVG")
try:
    svg = ET.fromstring(m.group(0) if m else "")
    t.ok(svg.tag == "{http://www.w3.org/2000/svg}svg" and svg.get("role") == "img" and svg.get("aria-label")
         and len(list(svg)) >= 2, "  … valid XML: an <svg> with role=img, a label and its shapes")
except ET.ParseError as e:
    t.ok(False, "  … valid XML", e)
secret = enrol_secret(r.text)
t.ok(secret is not None and len(secret) == 32, "  … and the key as text (160 bits, base32)", secret)
t.ok(re.search(r'id="totp-secret"[^>]*>([A-Z2-7]{4} ){7}[A-Z2-7]{4}<', r.text),
     "  … in groups of four for typing by hand")
t.eq(sql("SELECT enabled_at IS NULL, last_step FROM user_totp WHERE user_id=%s" % uid), [["1", "0"]],
     "the key is stored (sealed), not yet enabled")
sealed = sql1("SELECT HEX(secret_enc) FROM user_totp WHERE user_id=%s" % uid) or ""
t.ok(secret is not None and len(sealed) == 72 and base64.b32decode(secret).hex().upper() not in sealed,
     "  … sealed (secretbox: 20 bytes and a 16-byte tag), not in clear")

form = hidden_fields(r.text, FACTOR_ENROL)
r = c.post(FACTOR_ENROL, dict(form, code="000000" if totp(secret) != "000000" else "111111"))
t.eq(r.status, 422, "a wrong first code is refused")
t.ok("This code is not correct" in r.text and 'id="totp-secret"' in r.text,
     "  … with a message, and the key still shown")
t.eq(sql1("SELECT enabled_at IS NULL FROM user_totp WHERE user_id=%s" % uid), "1", "  … and nothing enabled")

step0 = calm_step() - 1  # the enrolment's code: the step before now (in the window)
r = c.post(FACTOR_ENROL, dict(form, code=totp(secret, step=step0)))
t.eq(r.status, 200, "the code computed from the key turns it on")
codes = recovery_codes(r.text)
t.ok(len(codes) == 10 and len(set(codes)) == 10 and all(re.fullmatch(r"[0-9a-z]{5}-[0-9a-z]{5}", x) for x in codes),
     "  … and ten recovery codes are shown", codes)
t.ok("shown only this once" in r.text, "  … with a note to keep them")
t.ok("no-store" in (r.header("Cache-Control") or ""), "  … never cached")
t.eq(sql("SELECT enabled_at IS NOT NULL, last_step FROM user_totp WHERE user_id=%s" % uid),
     [["1", str(step0)]], "enabled, the code's step spent")
t.eq(sql1("SELECT COUNT(*) FROM recovery_codes WHERE user_id=%s AND used_at IS NULL" % uid), "10",
     "ten recovery codes stored")
t.eq(sql1("SELECT COUNT(*) FROM recovery_codes WHERE user_id=%s AND LENGTH(code_hash)=32 AND code_hash NOT IN (%s)"
          % (uid, ", ".join("'%s', '%s'" % (x, x.replace("-", "")) for x in codes))), "10",
     "  … as 32-byte hashes, not as typed")
t.eq(audit("user.2fa_enable", uid), 1, "audit log: user.2fa_enable")
t.eq(c.get("/staff/").status, 200, "the back office opens")
t.eq(sql1("SELECT COUNT(*) FROM sessions WHERE user_id=%s AND second_factor_at IS NOT NULL" % uid), "1",
     "  … the session is marked: second factor done")
r = c.get("/staff/2fa")
t.ok(r.status == 200 and "Two-step verification is on." in r.text and 'action="/staff/2fa/disable"' not in r.text,
     "his page says it is on, with no way to turn it off (his role must have it)")
_, h = c.form("/staff/2fa", "/logout")
t.eq(c.post("/staff/2fa/disable", dict(h, code=totp(secret))).status, 403, "  … and a POST to turn it off is refused")
t.eq(c.post("/staff/logout", h).status, 303, "he signs out")

# ---- sign-in with password and code ---------------------------------------------------------
c = english()
r = code_page(c, LIAISON, nxt="/staff/audit")
t.ok(r.status == 303 and local(r).startswith(FACTOR_CODE + "?next="), "the password leads to the code page")
page = local(r)
half = c.cookie("sk_session")
r = c.get("/staff/")
t.ok(r.status == 303 and "/staff/login" in (r.header("Location") or ""), "  … and opens nothing else yet")
r = c.get(page)
t.ok(r.status == 200 and 'name="code"' in r.text, "the code page asks for the code")

n = failures(LIAISON)
r = type_code(c, page, "123456" if totp(secret) != "123456" else "654321")
t.eq(r.status, 422, "a wrong code is refused")
t.ok("This code is not correct" in r.text, "  … with a message in the user's language")
t.eq(failures(LIAISON), n + 1, "  … and counted with the sign-in attempts")
t.eq(c.get("/staff/").status, 303, "  … still nothing opens")

step1 = calm_step()
code1 = totp(secret, step=step1)
r = type_code(c, page, code1)
t.ok(r.status == 303 and local(r) == "/staff/audit", "the right code signs in, to where he was going",
     r.header("Location"))
t.eq(c.get("/staff/audit").status, 200, "  … the back office opens")
t.ok(c.cookie("sk_session") not in (None, half), "  … on a new session token, not the one of the password")
t.eq(sql1("SELECT last_step FROM user_totp WHERE user_id=%s" % uid), str(step1), "  … the step is spent")

other = english()
r = code_page(other, LIAISON)
r = type_code(other, local(r), code1)
t.eq(r.status, 422, "the same code again is refused (replay, within its window)")
t.ok(r.status != 303 and other.get("/staff/").status == 303, "  … and signs nobody in")

# ---- recovery codes ---------------------------------------------------------------------------
rc = english()
r = code_page(rc, LIAISON)
r = type_code(rc, local(r), codes[3].upper().replace("-", " "))
t.eq(r.status, 303, "a recovery code signs in instead of a code (case, dashes and spaces forgiven)")
t.eq(rc.get("/staff/").status, 200, "  … the back office opens")
t.eq(sql1("SELECT COUNT(*) FROM recovery_codes WHERE user_id=%s AND used_at IS NOT NULL" % uid), "1",
     "  … that code is spent")
t.eq(audit("user.2fa_recovery", uid), 1, "  … audit log: user.2fa_recovery")
again = english()
r = code_page(again, LIAISON)
r = type_code(again, local(r), codes[3])
t.eq(r.status, 422, "the same recovery code does not work twice")
t.ok("recovery code is not correct or has been used" in r.text, "  … and says so")

# ---- throttling ---------------------------------------------------------------------------------
def since_good(email):
    """Wrong codes since the account's last good one (session.c counts those)."""
    k = attempts_key(email)
    return int(sql1("SELECT COUNT(*) FROM login_attempts f WHERE f.email_hash=UNHEX('%s') AND f.success=0 "
                    "AND f.id > COALESCE((SELECT MAX(s.id) FROM login_attempts s WHERE s.email_hash=UNHEX('%s') "
                    "AND s.success=1), 0)" % (k, k)))


def age(email, minutes):
    sql("UPDATE login_attempts SET at = at - INTERVAL %d MINUTE WHERE email_hash=UNHEX('%s')"
        % (minutes, attempts_key(email)))


def wrong(i):
    return "%06d" % ((int(code1) + 1 + i) % 1000000)


tc = english()
r = code_page(tc, LIAISON)
page = local(r)
last = None
for i in range(8):
    last = type_code(tc, page, wrong(i))
    if last.status == 429:
        break
t.eq(last.status, 429, "after five wrong codes since the last good one: 429")
t.ok(re.search(r"Too many wrong codes\. Please wait 15 minutes", last.text), "  … with a message saying how long",
     re.sub(r"\s+", " ", last.text)[-1500:])
t.eq(since_good(LIAISON), 5, "  … five failures counted")
good = factor_step(step1)
r = type_code(tc, page, totp(secret, step=good))
t.eq(r.status, 429, "  … even the right code waits")
age(LIAISON, 16)
r = type_code(tc, page, wrong(10))
t.eq(r.status, 422, "after 15 minutes one more code may be tried (wrong again)")
r = type_code(tc, page, totp(secret, step=good))
t.eq(r.status, 429, "  … and the wait after a sixth failure is longer")
m = re.search(r"Please wait (\d+) minutes", r.text)
t.ok(m and 25 < int(m.group(1)) <= 30, "  … 30 minutes", m and m.group(0))
age(LIAISON, 16)
t.eq(type_code(tc, page, totp(secret, step=good)).status, 429, "  … still after 16")
age(LIAISON, 15)
r = type_code(tc, page, totp(secret, step=good))
t.eq(r.status, 303, "after 30 minutes the right code works again")
last_step = good
t.eq(since_good(LIAISON), 0, "  … and a good code clears the count")
t.ok(int(sql1("SELECT COUNT(*) FROM login_attempts WHERE email_hash=UNHEX('%s') AND success=1"
              % attempts_key(LIAISON))) >= 1, "  … successes are recorded too")

# ---- a password typed elsewhere opens no /staff/ page ---------------------------------------------
for prefix in ("", "/complaints"):
    p = english()
    r = code_page(p, LIAISON, prefix=prefix)
    first = local(r)
    t.ok(r.status == 303 and first.startswith(FACTOR_CODE + "?next="),
         "a password at %s/login sends a staff member to the code" % prefix, r.header("Location"))
    tok = p.cookie("sk_session")
    t.ok(tok is not None and len(tok) == 43, "  … with a session cookie (Path=/)")
    for path in ("/staff/", "/staff/entities", "/staff/2fa"):
        r = p.get(path)
        t.ok(r.status == 303 and "/staff/login" in (r.header("Location") or ""),
             "  … which opens no %s page (got %d)" % (path, r.status))
    r = p.get(prefix + "/login")
    t.ok(r.status == 303 and local(r).startswith(FACTOR_CODE), "  … its sign-in form sends to the code again")
    if prefix == "":
        r = p.get("/me")
        t.ok(r.status != 200 or "totp.liaison" not in r.text, "  … and the public site does not treat it as signed in")
        # The code finishes the sign-in begun there.
        t.eq(urllib.parse.parse_qs(urllib.parse.urlparse(first).query).get("next"), ["/"],
             "  … keeping where it was going")
        last_step = factor_step(last_step)
        r = type_code(p, first, totp(secret, step=last_step))
        t.ok(r.status == 303 and local(r) == "/", "  … the code finishes it, back to the public site", r)
        t.eq(p.get("/staff/").status, 200, "  … and the back office opens")

# ---- sharekctl user reset-2fa ------------------------------------------------------------------------
signed = english()
r = code_page(signed, LIAISON)
last_step = factor_step(last_step)
t.eq(type_code(signed, local(r), totp(secret, step=last_step)).status, 303, "(signed in with a code)")
t.ok(ctl("user", "reset-2fa", "nobody@example.org").returncode != 0, "reset-2fa of an unknown account fails")
res = ctl("user", "reset-2fa", LIAISON)
t.ok(res.returncode == 0, "sharekctl user reset-2fa", res.stderr)
t.eq(sql1("SELECT COUNT(*) FROM user_totp WHERE user_id=%s" % uid), "0", "  … removes the secret")
t.eq(sql1("SELECT COUNT(*) FROM recovery_codes WHERE user_id=%s" % uid), "0", "  … and the recovery codes")
t.eq(sql1("SELECT COUNT(*) FROM sessions WHERE user_id=%s" % uid), "0", "  … and ends the sessions")
t.eq(signed.get("/staff/").status, 303, "  … at once")
t.eq(sql("SELECT role, user_id IS NULL FROM audit_log WHERE action='user.2fa_reset' AND object_id=%s" % uid),
     [["operator", "1"]], "  … audit log: user.2fa_reset by the operator")
r = code_page(english(), LIAISON)
t.ok(r.status == 303 and local(r).startswith(FACTOR_ENROL), "the next sign-in enrols again")

# ---- a coordinator may turn it on, and off again with a code ----------------------------------------
co = english()
r = code_page(co, COORD)
t.ok(r.status == 303 and local(r) == "/staff/", "a coordinator signs in with the password alone")
r = co.get("/staff/2fa")
t.ok(r.status == 200 and "Two-step verification is off." in r.text and 'href="/staff/2fa/enrol"' in r.text,
     "his page offers to turn it on")
r = co.get(FACTOR_ENROL)
r = co.post(FACTOR_ENROL + "/start", hidden_fields(r.text, FACTOR_ENROL + "/start"))
t.eq(r.status, 303, "he begins")
t.eq(code_page(Client(), COORD).header("Location"), "/staff/", "  … an enrolment not finished asks nothing at sign-in")
r = co.get(local(r))
csecret = enrol_secret(r.text)
cstep = factor_step(0)
r = co.post(FACTOR_ENROL, dict(hidden_fields(r.text, FACTOR_ENROL), code=totp(csecret, step=cstep)))
ccodes = recovery_codes(r.text)
t.ok(r.status == 200 and len(ccodes) == 10, "  … and turns it on with a first code")
t.eq(co.get("/staff/").status, 200, "  … his session goes on")
co2 = Client(lang="ar")
r = code_page(co2, COORD)
t.ok(r.status == 303 and local(r).startswith(FACTOR_CODE), "from now on his sign-in asks for a code")
cpage = local(r)
r = co2.get(cpage)
t.ok('lang="ar"' in r.text and "اكتب الرمز" in r.text, "  … in Arabic by default")
cstep = factor_step(cstep)
arabic = totp(csecret, step=cstep).translate(str.maketrans("0123456789", "٠١٢٣٤٥٦٧٨٩"))
r = type_code(co2, cpage, arabic)
t.eq(r.status, 303, "  … typed in Arabic-Indic digits too")
r = co2.submit("/staff/2fa", "/staff/2fa/disable", {"code": "999999" if totp(csecret) != "999999" else "888888"})
t.eq(r.status, 422, "turning it off with a wrong code is refused")
t.ok("هذا الرمز غير صحيح" in r.text, "  … with a message (in Arabic)")
t.eq(sql1("SELECT enabled_at IS NOT NULL FROM user_totp WHERE user_id=%s" % cid), "1", "  … and it stays on")
t.eq(co2.submit("/staff/2fa", "/staff/2fa/disable", {}).status, 422, "  … so is turning it off without a code")
r = co2.submit("/staff/2fa", "/staff/2fa/disable", {"code": ccodes[0]})
t.ok(r.status == 303 and local(r) == "/staff/2fa", "a recovery code turns it off")
t.eq(sql1("SELECT enabled_at IS NULL FROM user_totp WHERE user_id=%s" % cid), "1", "  … off")
t.eq(sql1("SELECT COUNT(*) FROM recovery_codes WHERE user_id=%s" % cid), "0", "  … the recovery codes gone")
t.eq(audit("user.2fa_disable", cid), 1, "  … audit log: user.2fa_disable")
t.eq(code_page(Client(), COORD).header("Location"), "/staff/", "the next sign-in asks no code")

# ---- the operations room must have one, as the administrator and the liaison officers ----
OPS = "totp.ops@moh.example.org"
t.eq(ctl("user", "create", OPS, "غرفة العمليات التجريبية", "operations", "moh").returncode, 0,
     "(an account of the operations room, by sharekctl)")
oc = english()
r = code_page(oc, OPS, prefix="/complaints", nxt="/complaints/desk")
t.ok(r.status == 303 and local(r) == FACTOR_ENROL + "?next=" + urllib.parse.quote("/complaints/desk", safe=""),
     "after the password at /complaints/login, the operations room is sent to enrolment, to come back after",
     r.header("Location"))
enrol = local(r)
r = oc.get("/complaints/desk")
t.ok(r.status == 303 and "/complaints/login" in (r.header("Location") or ""),
     "  … and opens nothing of the complaints system before enrolling", (r.status, r.header("Location")))
t.eq(oc.get(enrol).status, 200, "  … but its enrolment page opens")
r = oc.factor_enrol(OPS, enrol)
t.ok(r.status == 200 and len(getattr(r, "codes", [])) == 10, "  … where it enrols and gets its recovery codes", r.status)
t.ok('href="/complaints/desk"' in r.text, "  … and goes on to where it was going")
t.eq(oc.get("/complaints/desk").status, 200, "  … which now opens")
t.eq(sql1("SELECT COUNT(*) FROM user_totp u JOIN users s ON s.id = u.user_id WHERE s.email = '%s' "
          "AND u.enabled_at IS NOT NULL" % OPS), "1", "  … with its second factor on")

sql("UPDATE login_attempts SET at = at - INTERVAL 16 MINUTE WHERE email_hash IN (UNHEX('%s'), UNHEX('%s'))"
    % (attempts_key(LIAISON), attempts_key(COORD)))
sys.exit(t.done())
