"""Hashed static addresses (issue 17): every page links its stylesheet,
icon and scripts by a content hash (/static/sharek.<hash>.css, computed
at start-up from the file: the first 10 hex digits of its 16-byte
BLAKE2b), which nginx serves with a one-year immutable Cache-Control;
the plain address still works, cached briefly."""
import hashlib
import os
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap

t = Tap()
ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))


def digest(name):
    with open(os.path.join(ROOT, "static", name), "rb") as f:
        return hashlib.blake2b(f.read(), digest_size=16).hexdigest()[:10]


c = Client(lang="en")
seen = {}
for path in ("/", "/login", "/staff/login", "/complaints/"):
    text = c.get(path).text
    for url in re.findall(r'(?:href|src)="(/static/[^"]+)"', text):
        seen.setdefault(url, path)
    t.ok(re.search(r'href="/static/sharek\.[0-9a-f]{10}\.css"', text),
         "%s links the stylesheet by its hash" % path)
    t.ok(re.search(r'src="/static/forms\.[0-9a-f]{10}\.js"', text),
         "%s links forms.js by its hash" % path)
    t.ok('"/static/sharek.css"' not in text and '"/static/forms.js"' not in text,
         "%s links no plain static address" % path)
t.ok(seen, "static files are linked", seen)
for url, page in sorted(seen.items()):
    m = re.fullmatch(r"/static/(.+)\.([0-9a-f]{10})(\.[A-Za-z0-9]+)", url)
    t.ok(m is not None, "%s (on %s) has a hash" % (url, page))
    if not m:
        continue
    name = m.group(1) + m.group(3)
    t.eq(m.group(2), digest(name), "%s: the hash is that of static/%s" % (url, name))
    r = c.get(url)
    t.eq(r.status, 200, "%s is served" % url)
    with open(os.path.join(ROOT, "static", name), "rb") as f:
        t.ok(r.raw == f.read(), "%s is static/%s" % (url, name))
    t.eq(r.header("Cache-Control"), "public, max-age=31536000, immutable",
         "%s is cached for a year, immutable" % url)
    plain = c.get("/static/" + name)
    t.eq(plain.status, 200, "the plain /static/%s still works" % name)
    t.ok(plain.raw == r.raw, "with the same bytes")
    cc = plain.header("Cache-Control") or ""
    m2 = re.search(r"max-age=(\d+)", cc)
    t.ok(m2 is not None and int(m2.group(1)) <= 86400 and "immutable" not in cc,
         "cached briefly (%s)" % cc)
r = Client(lang="en").get("/consultations/1/survey")
for url in re.findall(r'src="(/static/survey[^"]*)"', r.text):
    t.ok(re.fullmatch(r"/static/survey\.[0-9a-f]{10}\.js", url), "the survey page's script by hash (%s)" % url)
sys.exit(t.done())
