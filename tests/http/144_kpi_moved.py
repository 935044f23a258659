"""An entity moved under another parent on the staff entity form (issue
14; migration 0034): its requests and those of its sub-departments
leave the dashboard view of the entity it was under and count in the one
it is under now at once, with no kpi_rebuild(); the summary rows of the
scopes involved are those kpi_rebuild() counts, and the view of every
entity, the entity's own and its department's do not change."""
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1
import html
import re

t = Tap()
tag = "%x" % int(time.time() * 1000)
n16 = int(tag, 16)
base = time.time() - 3600
ts = lambda secs: time.strftime("%Y-%m-%d %H:%M:%S", time.gmtime(secs))
day = time.strftime("%Y-%m-%d", time.gmtime(base))


def entity(kind, slug, name, parent):
    sql("INSERT INTO entities (kind, parent_id, name_ar, name_en, slug, created_at, updated_at) "
        "VALUES ('%s', %s, 'جهة النقل %s %d', '%s %s', '%s', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
        % (kind, parent or "NULL", slug[:2], n16, name, tag, slug))
    return sql1("SELECT id FROM entities WHERE slug='%s'" % slug)


ma = entity("ministry", "ma-" + tag, "Move Ministry A", None)
mb = entity("ministry", "mb-" + tag, "Move Ministry B", None)
inst = entity("institution", "mi-" + tag, "Move Institution", ma)
dept = entity("department", "md-" + tag, "Move Department", inst)
types = dict(sql("SELECT code, id FROM request_types"))
axes = dict(sql("SELECT code, id FROM request_axes"))
# Two requests of the institution, three of its department; three of the
# five answered (in the reply-time summary too), one of them late.
for i, (e, answered, late) in enumerate([(inst, True, False), (inst, False, False), (dept, True, True),
                                         (dept, True, False), (dept, False, False)]):
    fa = "'%s'" % ts(base + 600 * (i + 1)) if answered else "NULL"
    sql("INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, confidential, subject, "
        "body, state, due_at, first_answered_at, answered_at, sla_met, created_at, updated_at) VALUES "
        "('M%s%d', %s, %s, 'medium', %s, 'web', 0, 'kpi', 'kpi move', '%s', '%s', %s, %s, %s, '%s', '%s')" % (
            tag[-9:], i, types["complaint"], axes["time"], e, "answered" if answered else "classified",
            ts(time.time() + 30 * 86400), fa, fa, ("0" if late else "1") if answered else "NULL",
            ts(base), ts(base)))
sql("CALL kpi_rebuild()")   # rows written behind the programs' back are counted again

anon = Client(lang="en")


def figures(entity=None):
    r = anon.get("/complaints/dashboard?period=dates&from=%s&to=%s%s"
                 % (day, day, "&entity=%s" % entity if entity else ""))
    return {m.group(1): html.unescape(m.group(2)) for m in
            re.finditer(r'<dd class="value" data-code="([a-z_]+)">([^<]*)</dd>', r.text)}


def received(entity=None):
    return int(figures(entity).get("received") or 0)


every = received()
t.eq(received(ma), 5, "ministry A's view counts its institution's and department's requests")
t.eq(received(mb), 0, "ministry B's view has none of them")

scopes = (ma, mb, inst, dept)


def rows():
    ids = ",".join(str(x) for x in scopes)
    return (sql("SELECT grain, start, entity_id, dim, key_id, bench, received, answered, answered_in_time, "
                "late, reply_seconds_sum FROM kpi_cube WHERE entity_id IN (%s) AND received > 0 "
                "ORDER BY 1, 2, 3, 4, 5, 6" % ids),
            sql("SELECT grain, start, entity_id, bucket, bench, n FROM kpi_reply WHERE entity_id IN (%s) "
                "AND n > 0 ORDER BY 1, 2, 3, 4, 5" % ids))


admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
edit = "/staff/entities/%s/edit" % inst
r = admin.submit(edit, edit, {"name_ar": "جهة النقل mi %d" % n16, "name_en": "Move Institution " + tag,
                              "kind": "institution", "parent_id": mb, "slug": "mi-" + tag, "sectors": []})
t.eq(r.status, 303, "the institution is moved under ministry B on its edit form")
t.eq(sql1("SELECT parent_id FROM entities WHERE id = %s" % inst), mb, "stored under ministry B")

t.eq(received(mb), 5, "ministry B's view counts its requests and its department's at once")
t.eq(received(ma), 0, "ministry A's view no longer does")
t.eq(received(inst), 5, "the institution's own view is unchanged")
t.eq(received(dept), 3, "and so is its department's")
t.eq(received(), every, "the view of every entity counts them once, as before")
f = figures(mb)
t.eq(f.get("responded_pct"), "60.0%", "ministry B's other figures are the moved requests' too (3 of 5 responded)")

moved = rows()
sql("CALL kpi_rebuild()")
t.ok(moved == rows(), "the summary rows of the scopes involved are those kpi_rebuild() counts",
     "moved: %r\nrebuilt: %r" % (moved, rows()))

# The department alone moved straight under ministry A (a change made
# outside the form): both ministries' scopes follow.
sql("UPDATE entities SET parent_id = %s WHERE id = %s" % (ma, dept))
t.eq(received(ma), 3, "the department moved under ministry A: A's view counts its three requests")
t.eq(received(mb), 2, "B's view keeps the institution's two")
t.eq(received(inst), 2, "and so does the institution's")
moved = rows()
sql("CALL kpi_rebuild()")
t.ok(moved == rows(), "again the rows kpi_rebuild() counts", "moved: %r\nrebuilt: %r" % (moved, rows()))

sql("DELETE FROM requests WHERE ref_no LIKE 'M%s%%'" % tag[-9:])
sql("CALL kpi_rebuild()")
t.done()
