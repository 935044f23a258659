"""The open-data catalog national portals harvest (issue 15): DCAT-AP 3.0.1
in Turtle and RDF/XML, valid against the official SHACL shapes (first, a
middle and the last page, both serialisations, zero violations), parsed
by rdflib; Hydra paging followed to the end counts every dataset exactly
once; content negotiation, HEAD, ETag/Last-Modified/304; a withdrawn
result stays, marked withdrawn.  The data it pages through is made here."""
import json
import os
import subprocess
import re
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
import rdflib
import rdflib.compare
from rdflib.namespace import RDF, DCTERMS, DCAT, FOAF
from sharek import Client, Tap, sql, sql1, URL, VAR

ROOT = os.path.abspath(os.path.join(os.path.dirname(__file__), "..", ".."))
SHAPES = os.path.join(ROOT, "..", "shared", "data", "dcat-ap-3.0.1")
VALIDATE = os.path.join(ROOT, "tests", "opendata", "validate.mjs")
HYDRA = rdflib.Namespace("http://www.w3.org/ns/hydra/core#")
ADMS = rdflib.Namespace("http://www.w3.org/ns/adms#")
VCARD = rdflib.Namespace("http://www.w3.org/2006/vcard/ns#")
SKOS = rdflib.Namespace("http://www.w3.org/2004/02/skos/core#")
WITHDRAWN = rdflib.URIRef("http://publications.europa.eu/resource/authority/distribution-status/WITHDRAWN")

t = Tap()
c = Client()

# ---- data: published results of every kind, one withdrawn afterwards ---------------
TAG = "T130"
sql("DELETE r FROM reports r JOIN activities a ON a.id = r.activity_id WHERE a.title_en LIKE '%s %%'" % TAG)
sql("DELETE FROM activities WHERE title_en LIKE '%s %%'" % TAG)
made = []
for i, kind in enumerate(["consultation"] * 5 + ["survey", "poll"]):
    sql("""INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en,
      summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
      results_due_at, final_publication_at, created_at, updated_at)
    SELECT '%s', entity_id, author_id, 'public', 'published', 'نتائج "تجريبية" %d', '%s %d "quoted" \\\\ <b>',
      summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
      results_due_at, final_publication_at, created_at, UTC_TIMESTAMP()
      FROM activities WHERE title_en = 'Policy on reducing plastic bags'""" % (kind, i, TAG, i))
    aid = sql1("SELECT MAX(id) FROM activities WHERE title_en LIKE '%s %d %%'" % (TAG, i))
    sql("INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, published_at, "
        "created_at, updated_at) VALUES (%s, 'published', 3, 'ملخص\nبسطرين', 'Summary\twith a tab', "
        "UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())" % aid)
    made.append((kind, aid))
# Not in the catalog: an unpublished report, a restricted activity, the bench's unlisted data.
sql("""INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar,
  summary_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at,
  updated_at) SELECT 'consultation', entity_id, author_id, 'restricted', 'published', 'مقيدة', '%s hidden',
  summary_ar, summary_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at,
  created_at, updated_at FROM activities WHERE title_en = 'Policy on reducing plastic bags'""" % TAG)
hidden = sql1("SELECT id FROM activities WHERE title_en = '%s hidden'" % TAG)
sql("INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, published_at) "
    "VALUES (%s, 'published', 1, 'x', 'x', UTC_TIMESTAMP())" % hidden)
unlisted_kind, unlisted_id = made[3]
sql("UPDATE activities SET unlisted = 1 WHERE id = %s" % unlisted_id)
withdrawn_kind, withdrawn_id = made[2]
sql("UPDATE activities SET state = 'withdrawn', updated_at = UTC_TIMESTAMP() WHERE id = %s" % withdrawn_id)

expected = {"activities", "complaints-monthly"} | {
    "%s-%s" % (k, i) for k, i in sql(
        "SELECT a.kind, a.id FROM reports r JOIN activities a ON a.id = r.activity_id "
        "WHERE a.audience = 'public' AND a.unlisted = 0 AND a.state IN ('published', 'withdrawn') "
        "AND r.published_at IS NOT NULL")}
t.ok(len(expected) >= 9 and "%s-%s" % (withdrawn_kind, withdrawn_id) in expected
     and "consultation-%s" % hidden not in expected and "%s-%s" % (unlisted_kind, unlisted_id) not in expected,
     "%d datasets expected in the catalog" % len(expected))
t.eq(c.get("/opendata/datasets/%s-%s.csv" % (unlisted_kind, unlisted_id)).status, 200,
     "an unlisted result is not in the catalog, but its file answers by its address")
t.eq(c.get("/opendata/datasets/consultation-%s.csv" % hidden).status, 404, "a restricted one's does not")


def graph(raw, fmt):
    g = rdflib.Graph()
    g.parse(data=raw, format=fmt)
    return g


def datasets(g):
    return {str(s) for s in g.subjects(RDF.type, DCAT.Dataset)}


def slug(uri):
    return uri.rsplit("/", 1)[-1]


# ---- the first page, whole: both serialisations ----------------------------------------
r = c.get("/opendata/catalog.ttl")
t.eq(r.status, 200, "GET /opendata/catalog.ttl")
t.eq(r.header("Content-Type"), "text/turtle; charset=utf-8", "as Turtle in UTF-8")
ttl = graph(r.raw, "turtle")
x = c.get("/opendata/catalog.rdf")
t.eq(x.header("Content-Type"), "application/rdf+xml; charset=utf-8", "RDF/XML in UTF-8")
rdfx = graph(x.raw, "xml")
t.ok(len(ttl) > 100 and len(ttl) == len(rdfx), "rdflib parses both (%d and %d triples)" % (len(ttl), len(rdfx)))
# The same graph but for the page's own address (catalog.ttl?page= / catalog.rdf?page=).
rdfx_as_ttl = rdflib.Graph()
for tr in rdfx:
    rdfx_as_ttl.add(tuple(rdflib.URIRef(str(x).replace("/opendata/catalog.rdf?", "/opendata/catalog.ttl?"))
                          if isinstance(x, rdflib.URIRef) else x for x in tr))
t.ok(rdflib.compare.isomorphic(ttl, rdfx_as_ttl), "Turtle and RDF/XML are the same graph")
t.eq({slug(u) for u in datasets(ttl)}, expected, "every published result and both aggregates, nothing else")

cat = rdflib.URIRef(URL + "/opendata/catalog")
t.ok((cat, RDF.type, DCAT.Catalog) in ttl, "the catalog has its own URI")
for s, p, o in ttl:
    for term in (s, p, o):
        if isinstance(term, rdflib.URIRef) and str(term).startswith("http://127.0.0.1") and \
                not str(term).startswith(URL):
            t.ok(False, "an absolute URI outside base_url: %s" % term)
uris = [str(term) for tr in ttl for term in tr if isinstance(term, rdflib.URIRef)]
t.ok(all(u.startswith(("http://", "https://", "mailto:")) for u in uris), "every URI is absolute")

# Every text in both languages, on every Catalog, Dataset, Distribution and Agent.
TEXTS = [DCTERMS.title, DCTERMS.description, FOAF.name, VCARD.fn, SKOS.prefLabel, DCAT.keyword]
bad = []
for s in set(ttl.subjects()):
    for p in TEXTS:
        langs = [o.language for o in ttl.objects(s, p)]
        if langs and (sorted(set(langs)) != ["ar", "en"]):
            bad.append("%s %s %s" % (s, p, langs))
t.ok(not bad, "every title, description, name, label and keyword has @ar and @en", "\n".join(bad[:10]))
arabic = [str(o) for o in ttl.objects(cat, DCTERMS.title) if o.language == "ar"]
t.ok(arabic and any("\u0600" <= ch <= "\u06ff" for ch in arabic[0]), "the Arabic title is Arabic", arabic)

dists = set(ttl.subjects(RDF.type, DCAT.Distribution))
t.eq(len(dists), 3 * len(expected), "three distributions a dataset, each with its own URI")
missing = []
for d in dists:
    for p in (DCAT.accessURL, DCTERMS.format, DCAT.mediaType, DCTERMS.license, DCTERMS.conformsTo):
        if ttl.value(d, p) is None:
            missing.append("%s %s" % (d, p))
t.ok(not missing, "every distribution has access URL, format, media type, licence, data dictionary",
     "\n".join(missing[:10]))
t.eq({str(o) for o in ttl.objects(None, DCTERMS.license)}, {"https://creativecommons.org/licenses/by/4.0/"},
     "the licence is CC BY 4.0 by default")
for ds in datasets(ttl):
    d = rdflib.URIRef(ds)
    need = [DCTERMS.publisher, DCAT.contactPoint, DCTERMS.issued, DCTERMS.modified, DCTERMS.language,
            DCAT.theme, DCAT.keyword, DCTERMS.spatial, DCAT.landingPage, DCAT.distribution]
    lack = [p for p in need if ttl.value(d, p) is None]
    if lack:
        t.ok(False, "%s lacks %s" % (ds, lack))
pubs = set(ttl.objects(None, DCTERMS.publisher))
t.ok(pubs and all((p, RDF.type, FOAF.Agent) in ttl and ttl.value(p, FOAF.name) for p in pubs),
     "every publisher is a foaf:Agent with a foaf:name")

# Withdrawn: still there, marked, and no longer served.
wd = rdflib.URIRef("%s/opendata/datasets/%s-%s" % (URL, withdrawn_kind, withdrawn_id))
t.ok((wd, ADMS.status, WITHDRAWN) in ttl, "a withdrawn result stays in the catalog, adms:status withdrawn")
wdists = list(ttl.objects(wd, DCAT.distribution))
t.ok(wdists and all((d, ADMS.status, WITHDRAWN) in ttl and ttl.value(d, DCAT.downloadURL) is None
                    for d in wdists), "its distributions are withdrawn, with no download URL")
t.eq(c.get("/opendata/datasets/%s-%s.csv" % (withdrawn_kind, withdrawn_id)).status, 410,
     "its file answers 410 Gone")

# ---- paging: follow hydra:next to the end ------------------------------------------------
PER = 3
for fmt, ext in (("turtle", "ttl"), ("xml", "rdf")):
    seen, pages, url, total = [], [], "%s/opendata/catalog.%s?per_page=%d" % (URL, ext, PER), None
    while url and len(pages) < 50:
        r = c.get(url[len(URL):])
        g = graph(r.raw, fmt)
        pages.append((url, r.raw))
        seen += sorted(slug(u) for u in datasets(g))
        view = g.value(predicate=RDF.type, object=HYDRA.PagedCollection, any=True)
        nxt, old = g.value(view, HYDRA.next), g.value(view, HYDRA.nextPage)
        if str(nxt) != str(old):
            t.ok(False, "%s: hydra:next and hydra:nextPage differ" % url)
        for cur, dep in ((HYDRA.first, HYDRA.firstPage), (HYDRA.last, HYDRA.lastPage),
                         (HYDRA.previous, HYDRA.previousPage)):
            if str(g.value(view, cur)) != str(g.value(view, dep)):
                t.ok(False, "%s: %s and %s differ" % (url, cur, dep))
        total = int(g.value(view, HYDRA.totalItems))
        per = int(g.value(view, HYDRA.itemsPerPage))
        url = str(nxt) if nxt is not None else None
    t.eq(sorted(seen), sorted(expected), "%s: following hydra:next reaches every dataset exactly once" % ext)
    t.eq((total, per), (len(expected), PER), "%s: totalItems and itemsPerPage" % ext)
    t.eq(len(pages), (len(expected) + PER - 1) // PER, "%s: %d pages, the last without next" % (ext, len(pages)))
    first = graph(pages[0][1], fmt)
    view = first.value(predicate=RDF.type, object=HYDRA.PagedCollection, any=True)
    t.eq(str(first.value(view, HYDRA.last)), pages[-1][0], "%s: hydra:last is the last page followed" % ext)
    t.ok(first.value(view, HYDRA.previous) is None, "%s: the first page has no previous" % ext)
    if ext == "ttl":
        ttl_pages = pages
    else:
        rdf_pages = pages

past = c.get("/opendata/catalog.ttl?per_page=%d&page=%d" % (PER, len(ttl_pages) + 1))
g = graph(past.raw, "turtle")
view = g.value(predicate=RDF.type, object=HYDRA.PagedCollection, any=True)
t.ok(past.status == 200 and not datasets(g) and g.value(view, HYDRA.next) is None,
     "a page past the last is empty, never a repeat, and has no next")
t.eq(c.get("/opendata/catalog.ttl?page=0").status, 400, "page=0 is refused")
# Every publisher's IRI in the catalog dereferences: 303 to its page.
pubs = sorted(set(re.findall(r"<(%s/opendata/publishers/[a-z0-9-]+)>" % re.escape(URL),
                             c.get("/opendata/catalog.ttl").text)))
t.ok(len(pubs) >= 2, "the catalog names its publishers (%d)" % len(pubs))
bad = []
for p in pubs:
    r1 = c.get(p[len(URL):])
    loc = r1.header("Location") or ""
    if r1.status != 303 or c.get(loc[len(URL):] if loc.startswith(URL) else loc).status != 200:
        bad.append((p, r1.status, loc))
t.eq(bad, [], "every publisher IRI is a 303 to a page that answers 200")

# ---- SHACL: first, a middle and the last page, Turtle and RDF/XML, and the whole one ---
tmp = tempfile.mkdtemp(prefix="catalog.", dir=VAR if os.path.isdir(VAR) else None)
files = []
for name, raw in [("whole.ttl", c.get("/opendata/catalog.ttl").raw),
                  ("whole.rdf", c.get("/opendata/catalog.rdf").raw)] + \
        [("%s-%d.%s" % ("page", i + 1, ext), pages_[i][1])
         for ext, pages_ in (("ttl", ttl_pages), ("rdf", rdf_pages))
         for i in sorted({0, len(pages_) // 2, len(pages_) - 1})] + \
        [("past.ttl", past.raw)]:
    path = os.path.join(tmp, name)
    with open(path, "wb") as f:
        f.write(raw)
    files.append(path)
proc = subprocess.run(["node", VALIDATE, SHAPES] + files, capture_output=True, text=True, timeout=120)
reports = [json.loads(line) for line in proc.stdout.splitlines() if line.startswith("{")]
t.eq(len(reports), len(files), "the SHACL validator (rdf-validate-shacl) ran on %d documents" % len(files))
for rep in reports:
    name = os.path.basename(rep["file"])
    t.ok(rep.get("conforms") is True and rep.get("triples", 0) > 20,
         "%s conforms to the DCAT-AP 3.0.1 shapes (%s triples, %d violations)"
         % (name, rep.get("triples"), len(rep.get("violations", []))),
         json.dumps(rep.get("violations", [])[:5] or rep.get("error"), ensure_ascii=False, indent=1))
if all(rep.get("conforms") for rep in reports) and len(reports) == len(files):
    subprocess.run(["rm", "-rf", tmp])

# The validator is not a formality: a catalog without titles does not pass.
broken = os.path.join(VAR if os.path.isdir(VAR) else "/tmp", "broken-catalog.ttl")
g = graph(c.get("/opendata/catalog.ttl").raw, "turtle")
g.remove((None, DCTERMS.title, None))
g.serialize(destination=broken, format="turtle")
proc = subprocess.run(["node", VALIDATE, SHAPES, broken], capture_output=True, text=True, timeout=60)
rep = json.loads(proc.stdout.splitlines()[-1]) if proc.stdout.strip() else {}
t.ok(rep.get("conforms") is False and len(rep.get("violations", [])) > 0,
     "the same catalog without its titles has violations (%d)" % len(rep.get("violations", [])))
os.unlink(broken)

# A deployment without an operator entity: the portal publishes the catalog, still named.
ops = [x[0] for x in sql("SELECT id FROM entities WHERE is_operator = 1")]
sql("UPDATE entities SET is_operator = 0")
g = graph(c.get("/opendata/catalog.ttl").raw, "turtle")
sql("UPDATE entities SET is_operator = 1 WHERE id IN (%s)" % ",".join(ops))
pub = g.value(cat, DCTERMS.publisher)
t.ok(pub is not None and sorted(n.language for n in g.objects(pub, FOAF.name)) == ["ar", "en"],
     "without an operator entity the catalog's publisher still has its names")

# ---- HTTP: negotiation, HEAD, validators --------------------------------------------------
r = c.get("/opendata/catalog", headers={"Accept": "application/rdf+xml"})
t.ok(r.status == 200 and r.header("Content-Type").startswith("application/rdf+xml")
     and "Accept" in (r.header("Vary") or ""), "/opendata/catalog gives RDF/XML to who asks (Vary: Accept)")
r = c.get("/opendata/catalog", headers={"Accept": "text/turtle;q=0.9, application/rdf+xml;q=0.5"})
t.ok(r.header("Content-Type").startswith("text/turtle"), "and Turtle by q-values")
r = c.get("/opendata/catalog", headers={"Accept": "text/html,application/xhtml+xml,*/*;q=0.8"})
t.ok(r.status == 303 and r.header("Location").endswith("/opendata"), "a browser is sent to the page for people")
r = c.get("/opendata/catalog", headers={"Accept": "*/*"})
t.ok(r.status == 200 and r.header("Content-Type").startswith("text/turtle"), "Turtle for */*")

get = c.get("/opendata/catalog.ttl")
head = c.request("HEAD", "/opendata/catalog.ttl")
t.ok(head.status == 200 and head.raw == b"", "HEAD answers without a body")
t.eq([head.header(h) for h in ("Content-Type", "ETag", "Last-Modified")],
     [get.header(h) for h in ("Content-Type", "ETag", "Last-Modified")],
     "HEAD has the headers of GET (type, ETag, Last-Modified)")
r = c.get("/opendata/catalog.ttl", headers={"If-None-Match": get.header("ETag")})
t.ok(r.status == 304 and r.raw == b"", "an unchanged catalog answers 304 to If-None-Match")
r = c.get("/opendata/catalog.rdf", headers={"If-Modified-Since": get.header("Last-Modified")})
t.eq(r.status, 304, "and to If-Modified-Since")
t.ok(c.get("/opendata/catalog.rdf").header("ETag") != get.header("ETag"), "each serialisation has its own ETag")
sql("UPDATE activities SET updated_at = UTC_TIMESTAMP() + INTERVAL 1 MINUTE WHERE id = %s" % made[0][1])
r = c.get("/opendata/catalog.ttl", headers={"If-None-Match": get.header("ETag")})
t.eq(r.status, 200, "a changed result changes the ETag")

r = c.get("/opendata/datasets/%s-%s" % made[0])
t.ok(r.status == 303 and r.header("Location").endswith("/consultations/%s" % made[0][1]),
     "a dataset's URI leads to its results page")
t.eq(c.get("/opendata/datasets/poll-%s" % made[0][1]).status, 404, "a dataset named with the wrong kind is 404")

# ---- the page for people --------------------------------------------------------------------
r = c.get("/opendata")
t.ok(r.status == 200 and URL + "/opendata/catalog.ttl" in r.text and "CC BY 4.0" in r.text
     and "/opendata/datasets/activities.csv" in r.text and "schema.json" in r.text,
     "/opendata lists the datasets, their formats, the licence and the catalog's address")

# Clean up: the later tests see the demo data as it was.
sql("DELETE r FROM reports r JOIN activities a ON a.id = r.activity_id WHERE a.title_en LIKE '%s %%'" % TAG)
sql("DELETE FROM activities WHERE title_en LIKE '%s %%'" % TAG)
sys.exit(t.done())
