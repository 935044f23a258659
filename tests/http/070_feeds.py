"""Feeds for subscribers and other sites (domain.md §7): Atom and RSS of
newly opened consultations, surveys and polls, filtered by entity, sector
and kind; published results; conditional GET so readers can poll."""
import re
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

# ---- results in RSS, the filters on every feed, combined -----------------------------------
r = c.get("/feeds/results.rss")
rr = feedparser.parse(r.raw)
t.ok(r.status == 200 and r.header("Content-Type").startswith("application/rss+xml") and rr.version == "rss20"
     and rr.bozo == 0, "the results have an RSS feed too")
t.eq([x.id for x in rr.entries], [x.id for x in res.entries], "with the same items as the Atom one")

sector = sql1("SELECT s.sector_id FROM activity_sectors s JOIN activities a ON a.id = s.activity_id "
              "WHERE a.audience = 'public' AND a.state = 'published' ORDER BY a.id LIMIT 1")
env = sql1("SELECT a.entity_id FROM activities a JOIN reports r ON r.activity_id = a.id "
           "WHERE a.audience = 'public' AND a.state = 'published' AND r.published_at IS NOT NULL LIMIT 1")
LISTED = ("'open','closed','analysis','report_submitted','report_approved','published'")


def expected(results, entity=None, sector_=None, kind=None):
    cond = ["a.audience = 'public'", "a.unlisted = 0"]
    cond.append("a.state = 'published' AND r.published_at IS NOT NULL" if results else "a.state IN (%s)" % LISTED)
    if entity:
        cond.append("(a.entity_id = %s OR e.parent_id = %s)" % (entity, entity))
    if sector_:
        cond.append("EXISTS (SELECT 1 FROM activity_sectors s WHERE s.activity_id = a.id AND s.sector_id = %s)"
                    % sector_)
    if kind:
        cond.append("a.kind = '%s'" % kind)
    return sorted(int(x[0]) for x in sql(
        "SELECT a.id FROM activities a JOIN entities e ON e.id = a.entity_id %s WHERE %s"
        % ("JOIN reports r ON r.activity_id = a.id" if results else "", " AND ".join(cond))))


FILTERS = [{}, {"entity": moh}, {"entity": env}, {"sector": sector}, {"kind": "consultation"},
           {"kind": "poll"}, {"entity": env, "kind": "consultation"},
           {"entity": env, "sector": sector, "kind": "consultation"}, {"entity": moh, "kind": "survey"}]
ids = {}
for feed in ("activities.atom", "activities.rss", "results.atom", "results.rss"):
    results = feed.startswith("results")
    for f in FILTERS:
        for lang in (None, "en"):
            qs = "&".join("%s=%s" % kv for kv in list(f.items()) + ([("lang", lang)] if lang else []))
            r = c.get("/feeds/%s%s" % (feed, "?" + qs if qs else ""))
            p = feedparser.parse(r.raw)
            what = "%s?%s" % (feed, qs)
            t.ok(r.status == 200 and p.bozo == 0, "%s: feedparser reads it, no bozo" % what,
                 p.get("bozo_exception"))
            got = sorted(int(x.link.rsplit("/", 1)[-1]) for x in p.entries)
            t.eq(got, expected(results, f.get("entity"), f.get("sector"), f.get("kind")),
                 "%s: exactly the items the filters select" % what)
            for x in p.entries:
                ids.setdefault((results, x.link), set()).add(x.id)
host = URL.split("://", 1)[1].split(":", 1)[0].split("/", 1)[0]
t.ok(ids and all(len(v) == 1 for v in ids.values()),
     "an item keeps its id in Atom and RSS, in both languages, whatever the filters")
t.ok(all(next(iter(v)).startswith("tag:%s,2026:%s-" % (host, "results" if k[0] else "activity"))
         for k, v in ids.items()), "ids are tag URIs (RFC 4151) of the portal's host")
t.eq(len({next(iter(v)) for v in ids.values()}), len(ids), "and unique")

# ---- autodiscovery: each page announces the feeds of what it shows ------------------------
def alternates(path):
    text = c.get(path).text
    return re.findall(r'<link rel="alternate" type="application/(atom|rss)\+xml" href="([^"]+)"', text)


home = alternates("/")
t.ok({h for _, h in home} >= {"/feeds/activities.atom", "/feeds/activities.rss", "/feeds/results.atom",
                              "/feeds/results.rss"}, "the home page announces the portal's four feeds")
lst = alternates("/consultations?entity=%s&kind=poll" % moh)
t.ok(("atom", "/feeds/activities.atom?entity=%s&amp;kind=poll" % moh) in lst
     and ("rss", "/feeds/results.rss?entity=%s&amp;kind=poll" % moh) in lst,
     "a filtered list announces the feeds of its filters", lst)
act = sql1("SELECT id FROM activities WHERE title_en = 'Policy on reducing plastic bags'")
ent = sql1("SELECT entity_id FROM activities WHERE id = %s" % act)
t.ok(("atom", "/feeds/activities.atom?entity=%s" % ent) in alternates("/consultations/%s" % act),
     "an activity's page announces its entity's feed")
sys.exit(t.done())
