"""The stack answers through nginx: each program at its own prefix, the
security headers on every page, Arabic by default, static files."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap

t = Tap()
c = Client()

r = c.get("/")
t.eq(r.status, 200, "GET / answers 200")
t.eq(r.header("Content-Type"), "text/html; charset=utf-8", "as UTF-8 HTML")
t.ok('lang="ar"' in r.text and 'dir="rtl"' in r.text,
     "the home page is Arabic, right to left by default")
for h in ("Content-Security-Policy", "X-Content-Type-Options",
          "Referrer-Policy"):
    t.ok(r.header(h), "header %s is set" % h)
t.ok("frame-ancestors 'none'" in (r.header("Content-Security-Policy") or ""),
     "the CSP forbids framing")
t.ok("'unsafe-inline'" not in (r.header("Content-Security-Policy") or ""),
     "the CSP allows no inline script")
t.eq(r.header("X-Content-Type-Options"), "nosniff", "nosniff")

r = c.get("/staff/")
t.ok(r.status in (302, 303) and "/staff/login" in (r.header("Location") or ""),
     "/staff/ sends an anonymous visitor to the staff sign-in", r)
r = c.get("/staff/login")
t.ok(r.status == 200 and 'action="/staff/login"' in r.text,
     "the staff program answers /staff/login with its own form")
t.ok("site-head staff" in r.text, "in the staff layout")
r = c.get("/complaints/")
t.ok(r.status == 200 and "site-head complaints" in r.text,
     "/complaints/ is answered by the complaints program")
r = c.get("/staff")
t.eq(r.status, 301, "/staff redirects to /staff/")

r = c.get("/static/sharek.css")
t.eq(r.status, 200, "static CSS is served")
t.ok((r.header("Content-Type") or "").startswith("text/css"), "as text/css")

r = c.get("/no/such/page")
t.eq(r.status, 404, "an unknown path is 404")
t.ok('lang="ar"' in r.text and "<h1>" in r.text,
     "with an HTML error page in Arabic")
t.ok(r.header("Content-Security-Policy"), "error pages carry the CSP too")

en = Client(lang="en-GB,en;q=0.9")
r = en.get("/no/such/page")
t.ok('lang="en"' in r.text and 'dir="ltr"' in r.text,
     "Accept-Language: en gives the English page")

r = c.get("/lang/en?next=/")
t.eq(r.status, 303, "the language switch redirects")
r = c.get("/")
t.ok('lang="en"' in r.text, "and the choice is kept in a cookie")

r = c.request("PUT", "/")
t.eq(r.status, 405, "an unknown method is 405")
r = c.request("HEAD", "/")
t.ok(r.status == 200 and r.raw == b"", "HEAD answers without a body")

sys.exit(t.done())
