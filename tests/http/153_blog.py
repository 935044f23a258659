"""The entity blog (issue 16; Oman's guide: an article every three
months): a supervisor drafts an article in Arabic and English, errors at
their fields with the text kept; a draft is never public; a supervisor
cannot publish it (403, nothing changed); the liaison officer returns it
with a reason, then publishes it; it is then listed publicly (all, per
entity, ?entity=) and in the Atom feeds, which feedparser reads."""
import re
import sys
import feedparser
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
other = sql1("SELECT slug FROM entities WHERE slug <> 'moh' AND parent_id IS NULL ORDER BY id LIMIT 1")

sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
r, h = sup.form("/staff/blog/new", "/staff/blog/new")
t.eq(r.status, 200, "the new article's form")
r = sup.post("/staff/blog/new", dict(h, title_ar="", title_en="Blog 153 en", body_ar="", body_en="Body 153"))
t.eq(r.status, 422, "an article without its Arabic title and text is refused")
t.ok('id="e-title_ar"' in r.text and 'id="e-body_ar"' in r.text, "the messages are at the two fields")
t.ok('value="Blog 153 en"' in r.text and "Body 153</textarea>" in r.text, "what was typed is kept")
t.eq(sql1("SELECT COUNT(*) FROM blog_posts WHERE title_en='Blog 153 en'"), "0", "nothing stored")

r = sup.post("/staff/blog/new", dict(h, title_ar="مقالة 153", title_en="Blog 153 en",
                                     summary_ar="ملخص 153", summary_en="Summary <153>",
                                     body_ar="نص المقالة 153", body_en="Body 153"))
t.eq(r.status, 303, "the draft is saved")
pid = sql1("SELECT id FROM blog_posts WHERE title_en='Blog 153 en'")
t.ok(pid is not None and r.header("Location").endswith("/staff/blog/%s" % pid), "to the article's page")
t.eq(sql1("SELECT published_at IS NULL FROM blog_posts WHERE id=%s" % pid), "1", "it is a draft")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='blog.draft' AND object_id=%s" % pid), "1",
     "the draft is audited")
r = sup.get("/staff/blog")
t.ok(re.search(r'data-post="%s" data-state="draft"' % pid, r.text) is not None, "listed for staff as a draft")

anon = Client(lang="en")
t.eq(anon.get("/blog/%s" % pid).status, 404, "a draft is not public")
t.ok("Blog 153 en" not in anon.get("/blog").text, "nor listed")
t.ok("Blog 153 en" not in anon.get("/feeds/blog.atom").text, "nor in the feed")

r, h = sup.form("/staff/blog/%s" % pid)
t.ok('action="/staff/blog/%s/publish"' % pid not in r.text, "a supervisor gets no publish form")
r = sup.post("/staff/blog/%s/publish" % pid, h)
t.eq(r.status, 403, "a supervisor cannot publish")
t.eq(sql1("SELECT published_at IS NULL FROM blog_posts WHERE id=%s" % pid), "1", "nothing changed")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='blog.publish' AND object_id=%s" % pid), "0",
     "nothing audited")

li = Client()
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "the liaison officer signs in")
r, h = li.form("/staff/blog/%s" % pid, "/return")
t.ok('action="/staff/blog/%s/publish"' % pid in r.text, "the liaison officer gets the publish form")
r = li.post("/staff/blog/%s/return" % pid, dict(h, reason=""))
t.eq(r.status, 422, "a return without a reason is refused")
t.ok('id="e-reason"' in r.text, "the message is at the reason")
r = li.post("/staff/blog/%s/return" % pid, dict(h, reason="أضف الأرقام"))
t.eq(r.status, 303, "returned with a reason")
r = sup.get("/staff/blog/%s" % pid)
t.ok('id="return-reason"' in r.text and "أضف الأرقام" in r.text, "the author reads the reason")
t.ok('data-state="returned"' in r.text, "the article is returned")
t.eq(anon.get("/blog/%s" % pid).status, 404, "a returned draft is not public either")

r, h = sup.form("/staff/blog/%s" % pid, "/staff/blog/%s" % pid)
t.ok("نص المقالة 153</textarea>" in r.text, "the edit form holds the stored text")
r = sup.post("/staff/blog/%s" % pid, dict(h, title_ar="مقالة 153", title_en="Blog 153 en", summary_ar="ملخص 153",
                                        summary_en="Summary <153>", body_ar="", body_en="Body 153 edited"))
t.eq(r.status, 422, "an edit emptying the Arabic text is refused")
t.ok('id="e-body_ar"' in r.text and "Body 153 edited</textarea>" in r.text, "at its field, the typed text kept")
t.eq(sql1("SELECT body_en FROM blog_posts WHERE id=%s" % pid), "Body 153", "nothing changed")
r = sup.post("/staff/blog/%s" % pid, dict(h, title_ar="مقالة 153", title_en="Blog 153 en", summary_ar="ملخص 153",
                                        summary_en="Summary <153>", body_ar="نص المقالة 153 مع الأرقام",
                                        body_en="Body 153 with figures"))
t.eq(r.status, 303, "the returned draft is edited")
t.eq(sql1("SELECT body_en FROM blog_posts WHERE id=%s" % pid), "Body 153 with figures", "and stored")
t.ok('data-state="draft"' in sup.get("/staff/blog/%s" % pid).text, "back to a draft for review")

r, h = li.form("/staff/blog/%s" % pid, "/publish")
r = li.post("/staff/blog/%s/publish" % pid, h)
t.eq(r.status, 303, "the liaison officer publishes it")
t.eq(sql1("SELECT published_at IS NOT NULL FROM blog_posts WHERE id=%s" % pid), "1", "it is published")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='blog.publish' AND object_id=%s" % pid), "1",
     "the publication is audited")
r, h = sup.form("/staff/blog/%s" % pid)
t.ok('name="title_ar"' not in r.text, "a published article is no longer editable")
at = sql1("SELECT published_at FROM blog_posts WHERE id=%s" % pid)
r, h = li.form("/staff/blog/%s" % pid)
t.eq(li.post("/staff/blog/%s/publish" % pid, h).status, 409, "publishing it again is a conflict")
t.eq(sql1("SELECT published_at FROM blog_posts WHERE id=%s" % pid), at, "its date unchanged")
moe = Client()
t.eq(moe.login("supervisor@moe.sharek.test", prefix="/staff").status, 303, "another entity's supervisor signs in")
t.eq(moe.get("/staff/blog/%s" % pid).status, 404, "who does not see this entity's article in staff")
t.ok('data-post="%s"' % pid not in moe.get("/staff/blog").text, "nor in the staff list")

r = anon.get("/blog/%s" % pid)
t.eq(r.status, 200, "the article is public")
t.ok("Body 153 with figures" in r.text and 'dir="auto"' in r.text, "its text, isolated")
t.ok('href="/feeds/blog.atom?entity=moh"' in r.text, "its entity's feed is announced")
r = anon.get("/blog")
t.ok('data-post="%s"' % pid in r.text, "listed on /blog")
t.ok('href="/feeds/blog.atom"' in r.text, "the blog's feed is announced")
first = re.findall(r'data-post="(\d+)"', r.text)
t.eq(first[0] if first else None, str(pid), "newest first")
t.ok('data-post="%s"' % pid in anon.get("/entities/moh/blog").text, "listed on the entity's blog")
t.ok('data-post="%s"' % pid in anon.get("/blog?entity=moh").text, "and with ?entity=moh")
if other:
    t.ok('data-post="%s"' % pid not in anon.get("/blog?entity=%s" % other).text, "not under another entity")
t.eq(anon.get("/blog?entity=no-such-entity").status, 404, "an unknown entity is a 404")
t.eq(anon.get("/entities/no-such-entity/blog").status, 404, "on its blog path too")

# Keyset pages: 21 older articles of an entity of its own, 20 a page, none twice.
sql("INSERT INTO entities (slug, name_ar, name_en, kind, created_at, updated_at) VALUES "
    "('blog153', 'جهة 153', 'Entity 153', 'ministry', UTC_TIMESTAMP(), UTC_TIMESTAMP())")
e153 = sql1("SELECT id FROM entities WHERE slug='blog153'")
for i in range(21):
    sql("INSERT INTO blog_posts (entity_id, author_id, title_ar, body_ar, published_at, created_at, updated_at) "
        "SELECT %s, id, 'مقالة قديمة %d', 'نص', UTC_TIMESTAMP() - INTERVAL %d DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP() "
        "FROM users WHERE email='liaison@moh.sharek.test'" % (e153, i, 400 + i))
r = anon.get("/entities/blog153/blog")
page1 = re.findall(r'data-post="(\d+)"', r.text)
t.eq(len(page1), 20, "20 articles on the first page")
more = re.search(r'href="(/entities/blog153/blog\?before=\d+)"', r.text)
t.ok(more is not None, "a link to the older ones")
page2 = re.findall(r'data-post="(\d+)"', anon.get(more.group(1).replace("&amp;", "&")).text) if more else []
t.eq(len(page2), 1, "the 21st on the second page")
t.eq(set(page1) & set(page2), set(), "none twice")
r = anon.get("/blog?entity=blog153")
more = re.search(r'href="(/blog\?entity=blog153&amp;before=\d+)"', r.text)
t.ok(more is not None, "the filtered list's link keeps its filter")
if more:
    t.eq(re.findall(r'data-post="(\d+)"', anon.get(more.group(1).replace("&amp;", "&")).text), page2,
         "and leads to the same older page")
# The entity and its articles go again: other tests count entities and articles.
sql("DELETE FROM blog_posts WHERE entity_id=%s" % e153)
sql("DELETE FROM entities WHERE id=%s" % e153)

for path in ("/feeds/blog.atom", "/feeds/blog.atom?entity=moh"):
    r = anon.get(path)
    t.eq(r.status, 200, path)
    t.ok(r.header("Content-Type").startswith("application/atom+xml"), "served as Atom")
    f = feedparser.parse(r.raw)
    t.eq(f.bozo, 0, "feedparser reads %s without complaint" % path)
    e = [x for x in f.entries if x.link.endswith("/blog/%s" % pid)]
    t.eq(len(e), 1, "the article is in %s" % path)
    if e:
        t.eq(e[0].title, "Blog 153 en", "its English title")
        t.eq(e[0].summary, "Summary <153>", "its summary as typed")
        t.ok(e[0].id.startswith("tag:") and e[0].id.endswith(":blog-%s" % pid), "a tag URI id")
if other:
    f = feedparser.parse(anon.get("/feeds/blog.atom?entity=%s" % other).raw)
    t.eq([x for x in f.entries if x.link.endswith("/blog/%s" % pid)], [], "not in another entity's feed")
t.eq(anon.get("/feeds/blog.atom?entity=no-such-entity").status, 404, "an unknown entity's feed is a 404")
t.done()
