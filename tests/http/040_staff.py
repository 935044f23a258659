"""Government entities and staff accounts (issue 4): the ministry admin
creates an entity and a sub-department and names its liaison officer and
alternate; the liaison officer creates a coordinator and a supervisor,
deactivates and reactivates one; every staff write is in the audit log,
which the ministry browses, filters and exports as CSV."""
import csv
import io
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to, link_in

t = Tap()
admin = Client()
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
t.eq(admin.get("/staff/entities").status, 200, "the entities page")

ent = {"name_ar": "وزارة النقل", "name_en": "Ministry of Transport", "kind": "ministry",
       "slug": "mot", "sectors": ["5"], "contact_email": "info@mot.example.org",
       "sg_name": "م. زيد", "sg_email": "sg@mot.example.org", "sg_mobile": "0790000100",
       "minister_name": "د. رنا", "minister_email": "minister@mot.example.org",
       "minister_mobile": "0790000200"}
r = admin.submit("/staff/entities/new", "/staff/entities/new", ent)
t.eq(r.status, 303, "an entity is created")
eid = sql1("SELECT id FROM entities WHERE slug='mot'")
t.ok(eid is not None, "stored")
t.eq(sql1("SELECT COUNT(*) FROM entity_sectors WHERE entity_id=%s" % eid), "1", "with its sector")
r = admin.submit("/staff/entities/new", "/staff/entities/new", dict(ent, name_en="Dup"))
t.eq(r.status, 422, "a second entity with the same short name is refused")
t.ok('value="Dup"' in r.text, "the form comes back with what was typed")
r = admin.submit("/staff/entities/new", "/staff/entities/new",
                 dict(ent, slug="mot-roads", name_ar="مديرية الطرق", name_en="Roads Directorate",
                      kind="department", parent_id=eid))
t.eq(r.status, 303, "a sub-department is created")
t.eq(sql1("SELECT parent_id FROM entities WHERE slug='mot-roads'"), eid, "under its parent")

page = "/staff/entities/%s" % eid
r = admin.submit(page, page + "/liaison", {"which": "primary", "full_name": "عمر الناصر",
                                            "email": "liaison@mot.example.org", "mobile": "0791110000"})
t.eq(r.status, 303, "the admin names the liaison officer")
r = admin.submit(page, page + "/liaison", {"which": "alternate", "full_name": "منى الخطيب",
                                            "email": "alternate@mot.example.org", "mobile": "0791110001"})
t.eq(r.status, 303, "and the alternate")
row = sql("SELECT l.email, a.email FROM entities e JOIN users l ON l.id=e.liaison_user_id "
          "JOIN users a ON a.id=e.alternate_user_id WHERE e.id=%s" % eid)
t.eq(row, [["liaison@mot.example.org", "alternate@mot.example.org"]], "both are recorded on the entity")
tick()
inv = mails_to("liaison@mot.example.org")
tok = link_in(inv[-1] if inv else "", "/reset")
t.ok(tok is not None, "the liaison officer is invited by e-mail")
PW = "liaison-password-1"
li = Client()
r = li.submit("/reset?t=" + str(tok), "/reset", {"password": PW, "password2": PW})
t.eq(r.status, 303, "and chooses a password")
t.eq(li.login("liaison@mot.example.org", PW, prefix="/staff").status, 303,
     "then signs in to the back office")

r = li.submit(page, page + "/staff", {"role": "coordinator", "full_name": "سارة",
                                       "email": "coord@mot.example.org", "mobile": "0792220000"})
t.eq(r.status, 303, "the liaison officer creates a coordinator (art. 7-هـ)")
r = li.submit(page, page + "/staff", {"role": "supervisor", "full_name": "خالد",
                                       "email": "sup@mot.example.org", "mobile": "0792220001"})
t.eq(r.status, 303, "and a supervisor")
t.eq(sql("SELECT role FROM users WHERE entity_id=%s ORDER BY email" % eid),
     [["liaison"], ["coordinator"], ["liaison"], ["supervisor"]], "with their roles")
r = li.submit(page, page + "/staff", {"role": "supervisor", "full_name": "مكرر",
                                       "email": "sup@mot.example.org", "mobile": "0792220002"})
t.eq(r.status, 422, "an e-mail already in use is refused")
moe = sql1("SELECT id FROM entities WHERE slug='moe'")
n = sql1("SELECT COUNT(*) FROM users")
r = li.post("/staff/entities/%s/staff" % moe, dict(
    li.form(page, page + "/staff")[1], role="supervisor", full_name="x",
    email="intruder@mot.example.org", mobile="0790000000"))
t.eq(r.status, 403, "but not in another entity")
t.eq(sql1("SELECT COUNT(*) FROM users"), n, "and nothing is created there")

sup_id = sql1("SELECT id FROM users WHERE email='sup@mot.example.org'")
tick()
stok = link_in(mails_to("sup@mot.example.org")[-1], "/reset")
s = Client()
s.submit("/reset?t=" + str(stok), "/reset", {"password": "supervisor-pass-1", "password2": "supervisor-pass-1"})
t.eq(s.login("sup@mot.example.org", "supervisor-pass-1", prefix="/staff").status, 303,
     "the supervisor signs in")
r = li.submit(page, "/staff/users/%s/deactivate" % sup_id, {})
t.eq(r.status, 303, "the liaison officer deactivates the supervisor")
t.eq(sql1("SELECT active FROM users WHERE id=%s" % sup_id), "0", "deactivated, not deleted")
t.eq(s.get("/staff/").status, 303, "the supervisor's session ends at once")
t.eq(Client().login("sup@mot.example.org", "supervisor-pass-1", prefix="/staff").status, 422,
     "and cannot sign in")
r = li.submit(page, "/staff/users/%s/activate" % sup_id, {})
t.eq(r.status, 303, "and reactivates")
t.eq(Client().login("sup@mot.example.org", "supervisor-pass-1", prefix="/staff").status, 303,
     "who can sign in again")
lid = sql1("SELECT id FROM users WHERE email='liaison@mot.example.org'")
r = li.post("/staff/users/%s/deactivate" % lid, li.form(page, page + "/staff")[1])
t.eq(r.status, 403, "a liaison officer cannot deactivate himself")

# Holidays.
r = admin.submit("/staff/holidays", "/staff/holidays",
                 {"day": "2027-02-08", "name_ar": "عطلة اختبار", "name_en": "Test holiday"})
t.eq(r.status, 303, "the admin adds a holiday")
r = admin.submit("/staff/holidays", "/staff/holidays", {"day": "2027-02-30", "name_ar": "x", "name_en": "x"})
t.eq(r.status, 422, "an impossible date is refused")
r = admin.submit("/staff/holidays", "/staff/holidays/delete", {"day": "2027-02-08"})
t.eq(r.status, 303, "and removes it")
t.eq(sql1("SELECT COUNT(*) FROM holidays WHERE day='2027-02-08'"), "0", "gone")
r = admin.submit("/staff/holidays", "/staff/holidays/weekend", {"days": ["5", "6"]})
t.eq(r.status, 303, "the weekend is saved")

# The audit log.
acts = [row[0] for row in sql("SELECT DISTINCT action FROM audit_log")]
for a in ("entity.create", "entity.liaison", "entity.alternate", "user.create",
          "user.deactivate", "user.activate", "holiday.set", "holiday.delete", "calendar.weekend"):
    t.ok(a in acts, "audit log has %s" % a)
t.eq(sql1("SELECT CONCAT(role, '|', entity_id) FROM audit_log WHERE action='user.deactivate' "
          "ORDER BY id DESC LIMIT 1"), "liaison|%s" % eid, "with the actor's role and entity")
r = admin.get("/staff/audit?action=user.create")
t.eq(r.status, 200, "the admin browses the audit log")
t.ok("coord@mot.example.org" in r.text and "entity.create" not in r.text.split("<tbody>")[1],
     "filtered by action")
r = admin.get("/staff/audit.csv?action=user.create")
t.eq(r.status, 200, "and exports it")
t.ok((r.header("Content-Type") or "").startswith("text/csv"), "as CSV")
rows = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
t.eq(rows[0][:4], ["id", "at_utc", "role", "action"], "with a header row")
t.ok(len(rows) >= 3 and all(x[3] == "user.create" for x in rows[1:]), "and the matching rows")
r = li.get("/staff/audit")
t.ok(r.status == 200 and "admin@sharek.test" not in r.text, "a liaison officer sees only the own entity")
r = li.get("/staff/audit.csv?entity=%s" % moe)
t.ok("entity.create" not in r.text, "even when asking for another")
sys.exit(t.done())
