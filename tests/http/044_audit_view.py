"""The audit log page (issue 10): times in local time with the zone
(present_datetime), the entity filter a <select> of the entities (the
parameter still entity=ID), and each entry's object linked to what it
names (activity, entity, group)."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
admin.get("/staff/lang/en?next=/staff/")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
admin_id = sql1("SELECT id FROM users WHERE email='admin@sharek.test'")
sql("INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type, object_id, summary, ip) VALUES "
    "(UTC_TIMESTAMP(), %s, 'admin', %s, 'test.audit-view', 'entity', %s, 's1', '127.0.0.1'),"
    "(UTC_TIMESTAMP(), %s, 'admin', %s, 'test.audit-view', 'activity', 77, 's2', '127.0.0.1'),"
    "(UTC_TIMESTAMP(), %s, 'admin', %s, 'test.audit-view', 'group', 5, 's3', '127.0.0.1'),"
    "(UTC_TIMESTAMP(), %s, 'admin', %s, 'test.audit-view', 'holiday', 0, 's4', '127.0.0.1')"
    % ((admin_id, moh, moh) + (admin_id, moh) * 3))

r = admin.get("/staff/audit?action=test.audit-view")
t.eq(r.status, 200, "the admin browses the log")
sel = re.search(r'<select id="f-entity" name="entity">(.*?)</select>', r.text, re.S)
t.ok(sel is not None and '<option value="%s">Ministry of Health</option>' % moh in sel.group(1),
     "the entity filter is a list of the entities by name", sel and sel.group(1)[:300])
body = r.text.split("<tbody>")[1]
t.ok('<a href="/staff/entities/%s">' % moh in body, "an entity entry links to the entity")
t.ok('<a href="/staff/activities/77">' in body, "an activity entry to the activity")
t.ok('<a href="/staff/groups/5">' in body, "a group entry to the group")
t.ok("holiday 0" in body and 'href="/staff/holiday' not in body, "an object without a page stays text")
t.ok(re.search(r"UTC[+-]\d|UTC\b", body) and not re.search(r"\d{4}-\d\d-\d\d \d\d:\d\d:\d\d", body),
     "times name the zone, not raw SQL times")

r = admin.get("/staff/audit?action=test.audit-view&entity=%s" % moh)
t.ok(re.search(r'<option value="%s" selected>' % moh, r.text), "the chosen entity stays selected")
t.eq(r.text.split("<tbody>")[1].count("<tr>"), 4, "and filters by it")
other = sql1("SELECT id FROM entities WHERE slug='moe'")
r = admin.get("/staff/audit?action=test.audit-view&entity=%s" % other)
t.eq(r.text.split("<tbody>")[1].count("<tr>"), 0, "another entity: none of them")
sql("DELETE FROM audit_log WHERE action='test.audit-view'")

# The actions of the later parts of the portal (initiatives, budgets,
# complaints, surveys, the blog) are said in words in both languages,
# not as their codes.
labels = {"initiative.admit": ("Citizen initiative admitted", "قُبلت مبادرة المواطنين"),
          "budget.override": ("Budget result overridden, with a public reason", "عُدّلت نتيجة الموازنة بسبب معلن"),
          "request.escalate": ("Request escalated", "صُعّد الطلب"),
          "answer.approve": ("Free-text answer published", "نُشرت إجابة نصية"),
          "blog.publish": ("Blog article published", "نُشر مقال في المدونة")}
for action in labels:
    sql("INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type, object_id, summary, ip) VALUES "
        "(UTC_TIMESTAMP(), %s, 'admin', %s, '%s', 'entity', %s, 'labelled', '127.0.0.1')" % (admin_id, moh, action, moh))
for action, (en, ar) in labels.items():
    body = admin.get("/staff/audit?action=%s" % action).text.split("<tbody>")[1]
    t.ok("<td>%s <code" % en in body, "the log says %s as '%s'" % (action, en), body[:400])
admin.get("/staff/lang/ar?next=/staff/")
for action, (en, ar) in labels.items():
    body = admin.get("/staff/audit?action=%s" % action).text.split("<tbody>")[1]
    t.ok("<td>%s <code" % ar in body, "and in Arabic as '%s'" % ar, body[:400])
sql("DELETE FROM audit_log WHERE summary='labelled' AND action IN (%s)" % ",".join("'%s'" % a for a in labels))
t.done()
