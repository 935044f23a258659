"""Entities as a tree (issue 10): a parent's page lists its
sub-departments (linked) and its sectors; the kinds allowed under a
parent follow fcgi/domain/entity.c (no ministry under any entity; under
an entity that is not a ministry only a department), refused next to
the kind field; the new-entity form opened from a parent starts with
that parent chosen and the kind "department"."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
admin.get("/staff/lang/en?next=/staff/")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
ssc = sql1("SELECT id FROM entities WHERE slug='ssc'")
phc = sql1("SELECT id FROM entities WHERE slug='moh-phc'")

body = admin.get("/staff/entities/%s" % moh).text
t.ok('href="/staff/entities/%s"' % phc in body and "Directorate of Primary Health Care" in body,
     "the ministry's page links its sub-departments")
t.ok("Sub-departments" in body, "under their heading")
for (name,) in sql("SELECT s.name_en FROM entity_sectors es JOIN sectors s ON s.id=es.sector_id "
                   "WHERE es.entity_id=%s" % moh):
    t.ok(name in body, "and lists its sector %s" % name)
t.ok('href="/staff/entities/new?parent_id=%s"' % moh in body, "and offers to add a sub-department")
t.ok("No sub-departments." in admin.get("/staff/entities/%s" % phc).text,
     "a department without any says so")

# QA finding 9: no link leads to a 403.  A coordinator or a supervisor
# sees the entity's own page only: its sub-departments are named, not
# linked; the liaison officer, who may open them, gets links that work.
subs = [i for (i,) in sql("SELECT id FROM entities WHERE parent_id=%s" % moh)]
t.ok(len(subs) >= 2, "the Ministry of Health has sub-departments")
for email in ("coordinator@moh.sharek.test", "supervisor@moh.sharek.test", "liaison@moh.sharek.test"):
    c = Client(lang="en")
    c.login(email, prefix="/staff")
    c.get("/staff/lang/en?next=/staff/")
    r = c.get("/staff/entities/%s" % moh)
    t.eq(r.status, 200, "%s opens the entity's page" % email)
    t.ok("Directorate of Primary Health Care" in r.text, "%s sees the sub-departments named" % email)
    for sub in subs:
        linked = 'href="/staff/entities/%s"' % sub in r.text
        st = c.get("/staff/entities/%s" % sub).status
        t.eq(linked, st == 200, "%s: sub-department %s linked only when it opens (%d)" % (email, sub, st))
        if st == 200:
            r2 = c.get("/staff/entities/%s" % sub)
            t.ok('href="/staff/entities/%s"' % moh in r2.text, "and the sub-department links back to its parent")
    for href in re.findall(r'href="(/staff/entities/\d+)"', r.text):
        t.eq(c.get(href).status, 200, "%s: the link %s opens" % (email, href))

r = admin.get("/staff/entities/new?parent_id=%s" % ssc)
t.eq(r.status, 200, "the new-entity form opened from a parent")
t.ok(re.search(r'<option value="%s" selected>' % ssc, r.text), "has that parent chosen")
t.ok(re.search(r'<option value="department" selected>', r.text), "and starts as a department")
r = admin.get("/staff/entities/new")
t.ok(not re.search(r'<option value="department" selected>', r.text), "without a parent no kind is preset")

base = {"name_ar": "جهة تجريبية", "name_en": "Tree test", "sectors": []}


def new(**kw):
    d = dict(base)
    d.update(kw)
    return admin.submit("/staff/entities/new", "/staff/entities/new", d)


def kind_msg(text):
    m = re.search(r'<div class="field invalid">\s*<label for="f-kind">.*?</div>', text, re.S)
    return m.group(0) if m else ""


n = sql1("SELECT COUNT(*) FROM entities")
r = new(kind="ministry", parent_id=moh, slug="tree-a")
t.eq(r.status, 422, "a ministry under a ministry is refused")
t.ok("A ministry is a main entity" in kind_msg(r.text), "with the reason next to the kind field", kind_msg(r.text))
t.ok('value="tree-a"' in r.text, "the input kept")
r = new(kind="ministry", parent_id=ssc, slug="tree-b")
t.eq(r.status, 422, "a ministry under any entity is refused")
r = new(kind="authority", parent_id=ssc, slug="tree-c")
t.eq(r.status, 422, "an authority under an institution is refused")
t.ok("Only a department" in kind_msg(r.text), "and says why")
t.eq(sql1("SELECT COUNT(*) FROM entities"), n, "nothing stored")

r = new(kind="institution", parent_id=moh, slug="tree-d")
t.eq(r.status, 303, "an institution under a ministry is allowed")
r = new(kind="department", parent_id=ssc, slug="tree-e", name_en="Tree dept")
t.eq(r.status, 303, "a department under an institution is allowed")
t.eq(sql1("SELECT parent_id FROM entities WHERE slug='tree-e'"), ssc, "stored under it")
r = new(kind="ministry", slug="tree-f")
t.eq(r.status, 303, "a ministry without a parent is allowed")
t.done()
