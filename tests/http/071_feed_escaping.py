"""Feeds against hostile text and hostile URLs (issue 9, items 7 and 8).

RSS readers treat <title> and <description> as HTML, so a summary typed
with markup must reach them as text: after XML parsing, no '<' is left
(it arrives as &lt;, which an HTML consumer shows as a character).  Atom
says type="text" and carries the text as it is.  The feed's own link is
built from the declared, validated parameters only: undeclared keys and
bytes that are not UTF-8 never reach the XML, which stays well-formed."""
import re
import socket
import sys
import urllib.parse
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
import feedparser
import lxml.etree
from sharek import Client, Tap, sql, sql1, URL

t = Tap()
c = Client()
HOSTILE_AR = "ملخص <script>alert(1)</script> <img src=x onerror=alert(2)> <b>غامق</b> & ما بعده"
HOSTILE_EN = "Summary <script>alert(1)</script> <img src=x onerror=alert(2)> <b>bold</b> & more"
TITLE_AR = "عنوان <i>مائل</i> <script>alert(3)</script>"
TITLE_EN = "Title <i>italic</i> <script>alert(3)</script>"
aid = sql1("SELECT id FROM activities WHERE audience='public' AND state='open' ORDER BY id LIMIT 1")
saved = sql("SELECT title_ar, title_en, summary_ar, summary_en FROM activities WHERE id=%s" % aid)[0]


def q(s):
    return s.replace("\\", "\\\\").replace("'", "\\'")


sql("UPDATE activities SET title_ar='%s', title_en='%s', summary_ar='%s', summary_en='%s', "
    "updated_at=UTC_TIMESTAMP() WHERE id=%s" % (q(TITLE_AR), q(TITLE_EN), q(HOSTILE_AR), q(HOSTILE_EN), aid))
link = "%s/consultations/%s" % (URL, aid)


def strict(raw):
    """The document parsed by libxml2 (lxml) without recovery, or None."""
    try:
        return lxml.etree.fromstring(raw, lxml.etree.XMLParser(recover=False, resolve_entities=False))
    except lxml.etree.XMLSyntaxError:
        return None


# ---- 7. RSS: titles and descriptions are text for an HTML consumer ----------------------
for lang, title, summary in (("ar", TITLE_AR, HOSTILE_AR), ("en", TITLE_EN, HOSTILE_EN)):
    r = c.get("/feeds/activities.rss?lang=" + lang)
    doc = strict(r.raw)
    t.ok(r.status == 200 and doc is not None, "RSS (%s) is well-formed for libxml2" % lang, r)
    items = [i for i in (doc.findall("channel/item") if doc is not None else [])
             if i.findtext("link") == link]
    t.eq(len(items), 1, "the activity is in the RSS feed (%s)" % lang)
    it = items[0] if items else None
    desc = it.findtext("description") if it is not None else None
    ttl = it.findtext("title") if it is not None else None
    t.ok(desc is not None and "<" not in desc, "libxml2: no '<' left in the description (%s)" % lang, desc)
    t.ok(ttl is not None and "<" not in ttl, "libxml2: nor in the title (%s)" % lang, ttl)
    esc = summary.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
    t.ok(desc is not None and esc in desc,
         "the description is the summary as HTML text (an HTML reader shows it as typed)", desc)
    t.ok(ttl is not None and title.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;") in ttl,
         "and so is the title", ttl)
    chan = doc.find("channel") if doc is not None else None
    t.ok(chan is not None and all("<" not in (chan.findtext(k) or "") for k in ("title", "description")),
         "the channel's own title and description too")
    f = feedparser.parse(r.raw)
    e = [x for x in f.entries if x.get("link") == link]
    t.ok(f.bozo == 0 and len(e) == 1, "feedparser reads it (%s)" % lang, f.get("bozo_exception"))
    if e:
        t.ok("<" not in e[0].summary and "&lt;script&gt;" in e[0].summary,
             "feedparser: the script is text, no markup left in the summary (%s)" % lang, e[0].summary)
        t.ok("<" not in e[0].title, "feedparser: no markup in the title (%s)" % lang, e[0].title)
    else:
        t.ok(False, "feedparser: the summary (%s)" % lang)
        t.ok(False, "feedparser: the title (%s)" % lang)

# Atom says type="text": the text as typed, nothing for a reader to run.
r = c.get("/feeds/activities.atom?lang=en")
f = feedparser.parse(r.raw)
e = [x for x in f.entries if x.get("link") == link]
t.ok(strict(r.raw) is not None and len(e) == 1, "the Atom feed is well-formed and has the activity")
if e:
    t.eq((e[0].summary_detail.type, e[0].title_detail.type), ("text/plain", "text/plain"),
         "Atom: summary and title are declared text")
    t.ok("<script>" not in r.text and "&lt;script&gt;" in r.text, "escaped once in the XML")

# ---- 8. the feed's own link: declared, validated parameters only ------------------------
def self_href(raw):
    doc = strict(raw)
    if doc is None:
        return None
    ns = {"a": "http://www.w3.org/2005/Atom"}
    el = doc.find("channel/a:link[@rel='self']", ns) if doc.tag == "rss" else doc.find("a:link[@rel='self']", ns)
    return el.get("href") if el is not None else None


def raw_get(target):
    """GET with the request target sent byte for byte (no client-side quoting)."""
    u = urllib.parse.urlparse(URL)
    s = socket.create_connection((u.hostname, u.port), timeout=30)
    s.sendall(b"GET " + target + b" HTTP/1.1\r\nHost: " + u.netloc.encode() +
              b"\r\nConnection: close\r\n\r\n")
    data = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        data += chunk
    s.close()
    head, _, body = data.partition(b"\r\n\r\n")
    status = int(head.split(b" ", 2)[1])
    if b"transfer-encoding: chunked" in head.lower():
        out, rest = b"", body
        while rest:
            size, _, rest = rest.partition(b"\r\n")
            n = int(size.split(b";")[0], 16)
            if n == 0:
                break
            out, rest = out + rest[:n], rest[n + 2:]
        body = out
    return status, body


for feed in ("activities.atom", "activities.rss", "results.atom", "results.rss"):
    base = "%s/feeds/%s" % (URL, feed)
    cases = [(b"?x=%ff", base), (b"?x=%ff&kind=poll", base + "?kind=poll"),
             (b"?%ff=1", base), (b"?x=%00%0a%3c%26", base), (b"?x=\xff\xfe", base),
             (b"?x=%ef%bf%bf&lang=en", base + "?lang=en"), (b"?x=%c0%80", base),
             (b"?kind=poll&x=\"><script>", base + "?kind=poll"),
             (b"?entity=&sector=", base)]
    if feed.startswith("results"):
        # The same filters as the activities' feeds, and lang.
        cases += [(b"?x=%ff&lang=ar", base + "?lang=ar")]
    for target, want in cases:
        status, body = raw_get(("/feeds/%s" % feed).encode() + target)
        doc = strict(body)
        ok = status == 200 and doc is not None
        t.ok(ok, "%s%s: well-formed XML" % (feed, target.decode("latin-1")), "%d %r" % (status, body[:300]))
        t.eq(self_href(body) if ok else None, want,
             "%s%s: the self link has only what was declared and valid" % (feed, target.decode("latin-1")))

# A declared filter with a bad value is refused, not copied.
for feed in (b"activities.atom", b"results.rss"):
    for target in (b"?kind=%ff", b"?kind=\xff", b"?entity=1%00", b"?lang=zz"):
        status, body = raw_get(b"/feeds/" + feed + target)
        t.ok(status == 400 and b"\xff" not in body and b"zz" not in body.split(b"<main", 1)[-1],
             "%s%s: a bad filter is a 400 that does not echo it" % (feed.decode(), target.decode("latin-1")),
             "%d %r" % (status, body[:200]))

sql("UPDATE activities SET title_ar='%s', title_en='%s', summary_ar='%s', summary_en='%s' WHERE id=%s"
    % tuple([q(x) for x in saved] + [aid]))
sys.exit(t.done())
