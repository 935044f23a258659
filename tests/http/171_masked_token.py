"""BREACH-safe compression (issue 17): the CSRF token of every form is the
client's secret masked with a fresh random pad on every response (pad ‖
pad XOR secret), so two responses never carry the same value and every
one validates; a forged or another client's value is refused; HTML pages,
feeds and exports are gzip-compressed for a client that accepts it, and
decompress to the page."""
import gzip
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, hidden_fields

t = Tap()


def token(c, path, action):
    r = c.get(path)
    return hidden_fields(r.text, action).get("csrf")


def unmask(tok):
    b = bytes.fromhex(tok)
    half = len(b) // 2
    return bytes(x ^ y for x, y in zip(b[:half], b[half:]))


for prog, path in (("public", "/login"), ("staff", "/staff/login"),
                   ("complaints", "/complaints/login")):
    c = Client(lang="en")
    a = token(c, path, path)
    b = token(c, path, path)
    t.ok(a and b and re.fullmatch(r"[0-9a-f]{64}", a) and re.fullmatch(r"[0-9a-f]{64}", b),
         "%s: each response carries a token" % prog, (a, b))
    if not (a and b):
        continue
    t.ok(a != b, "%s: two GETs give different token values" % prog, (a, b))
    t.ok(a[:32] != b[:32] and a[32:] != b[32:], "%s: neither half repeats" % prog)
    t.eq(unmask(a), unmask(b), "%s: both unmask to the same secret" % prog)
    for name, tok in (("first", a), ("second", b)):
        r = c.post(path, {"csrf": tok, "email": "", "password": ""})
        t.ok(r.status != 403, "%s: the %s token validates (%d)" % (prog, name, r.status), r)
    # Forged: one digit of the masked secret changed; a made-up value;
    # another client's token with this client's cookie.
    forged = a[:40] + ("0" if a[40] != "0" else "1") + a[41:]
    t.eq(c.post(path, {"csrf": forged, "email": "", "password": ""}).status, 403,
         "%s: a forged token is refused" % prog)
    t.eq(c.post(path, {"csrf": "ab" * 32, "email": "", "password": ""}).status, 403,
         "%s: a made-up token is refused" % prog)
    other = token(Client(lang="en"), path, path)
    t.eq(c.post(path, {"csrf": other, "email": "", "password": ""}).status, 403,
         "%s: another client's token is refused" % prog)

# A signed-in client's forms: masked afresh, and taken.
cit = Client(lang="en")
t.eq(cit.login("citizen@sharek.test").status, 303, "the citizen signs in")
a, b = token(cit, "/me", "/logout"), token(cit, "/me", "/logout")
t.ok(a and b and a != b and unmask(a) == unmask(b),
     "a signed-in page's token differs on every response, the same secret", (a, b))
t.eq(cit.post("/logout", {"csrf": a[:40] + ("0" if a[40] != "0" else "1") + a[41:]}).status,
     403, "a forged token does not sign the citizen out")
t.eq(cit.post("/logout", {"csrf": b}).status, 303, "a masked one does")

# ---- compression --------------------------------------------------------------
GZ = {"Accept-Encoding": "gzip"}
for path, kind in (("/", "text/html"), ("/login", "text/html"), ("/staff/login", "text/html"),
                   ("/complaints/", "text/html"), ("/feeds/results.rss", "xml"),
                   ("/opendata/catalog.ttl", "turtle")):
    c = Client(lang="en")
    r = c.get(path, headers=GZ)
    t.eq(r.status, 200, "%s answers" % path)
    t.eq(r.header("Content-Encoding"), "gzip", "%s is gzip-compressed" % path)
    t.ok("Accept-Encoding" in (r.header("Vary") or ""), "%s varies on Accept-Encoding" % path,
         r.header("Vary"))
    try:
        body = gzip.decompress(r.raw).decode("utf-8")
    except Exception as e:  # noqa: BLE001 — the failure is the finding
        body = ""
        t.ok(False, "%s decompresses" % path, repr(e))
    t.ok(kind in (r.header("Content-Type") or ""), "%s is %s" % (path, kind), r.header("Content-Type"))
    plain = c.get(path)
    t.ok(plain.header("Content-Encoding") is None, "%s uncompressed without Accept-Encoding" % path)
    # The same page but for the per-response values (tokens, nonces).
    norm = lambda s: re.sub(r'name="(csrf|nonce)" value="[0-9a-f]+"', "", s)
    t.ok(body and norm(body) == norm(plain.text), "%s decompresses to the page" % path,
         (len(body), len(plain.text)))
t.done()
