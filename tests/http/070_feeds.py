"""Feeds for subscribers and other sites (domain.md §7): Atom and RSS of
newly opened consultations, surveys and polls, filtered by entity, sector
and kind; published results; conditional GET so readers can poll."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
import feedparser
import xml.dom.minidom
from sharek import Client, Tap, sql, sql1, URL

t = Tap()
c = Client()
r = c.get("/feeds/activities.atom")
t.eq(r.status, 200, "the Atom feed answers")
t.ok((r.header("Content-Type") or "").startswith("application/atom+xml"), "as Atom")
try:
    xml.dom.minidom.parseString(r.raw)
    wellformed = True
except Exception as e:
    wellformed = False
t.ok(wellformed, "well-formed XML")
f = feedparser.parse(r.raw)
t.eq(f.bozo, 0, "feedparser reads it without complaint")
t.eq(f.version, "atom10", "as Atom 1.0")
titles = [e.title for e in f.entries]
opened = sql("SELECT title_ar FROM activities WHERE audience='public' AND state='open'")
t.ok(all(row[0] in titles for row in opened), "every open public activity is in it")
hidden = sql("SELECT title_ar FROM activities WHERE audience<>'public' OR state IN ('draft','submitted')")
t.ok(not any(row[0] in titles for row in hidden), "no draft, restricted or inter-agency one")
e = f.entries[0]
t.ok(e.link.startswith(URL + "/consultations/"), "entries link to the consultation page")
t.ok(e.get("published") and e.get("updated") and e.get("id"), "with id, published and updated")
t.ok(f.feed.get("updated"), "the feed has its updated date")

en = feedparser.parse(c.get("/feeds/activities.atom?lang=en").raw)
t.ok(any("Draft Regulation on Licensing" in x.title for x in en.entries), "English titles with lang=en")

polls = feedparser.parse(c.get("/feeds/activities.atom?kind=poll").raw)
t.ok(len(polls.entries) >= 1 and all(x.tags[0].term == "poll" for x in polls.entries),
     "filtered by kind")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
byent = feedparser.parse(c.get("/feeds/activities.atom?entity=" + moh).raw)
moh_titles = [row[0] for row in sql(
    "SELECT a.title_ar FROM activities a JOIN entities e ON e.id=a.entity_id "
    "WHERE (e.id=%s OR e.parent_id=%s) AND a.audience='public' AND a.state NOT IN "
    "('draft','submitted','returned','approved','scheduled','withdrawn')" % (moh, moh))]
t.eq(sorted(x.title for x in byent.entries), sorted(moh_titles), "filtered by entity")
t.eq(c.get("/feeds/activities.atom?kind=bogus").status, 400, "a bad filter is a 400")

r = c.get("/feeds/activities.rss")
t.eq(r.status, 200, "the RSS feed answers")
rss = feedparser.parse(r.raw)
t.eq(rss.version, "rss20", "as RSS 2.0")
t.eq(len(rss.entries), len(f.entries), "with the same items")

etag = c.get("/feeds/activities.atom").header("ETag")
t.ok(etag, "an ETag is sent")
r = c.get("/feeds/activities.atom", headers={"If-None-Match": etag})
t.eq(r.status, 304, "an unchanged feed answers 304")
t.eq(r.raw, b"", "without a body")

res = feedparser.parse(c.get("/feeds/results.atom").raw)
t.ok(any("الأكياس البلاستيكية" in x.title for x in res.entries), "published results have their feed")
page = c.get("/")
t.ok('type="application/atom+xml"' in page.text, "pages announce the feed")
sys.exit(t.done())
