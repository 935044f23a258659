"""Government entities and staff accounts (issue 4): the ministry admin
creates an entity and a sub-department and names its liaison officer and
alternate (invited by e-mail to choose a password); the liaison officer
creates a coordinator and a supervisor of the entity, deactivates one
(sessions ended, sign-in refused, history kept) and reactivates it, and
cannot touch another entity; forms keep what was typed; every staff write
is in the audit log, which the ministry browses, filters and exports as
CSV; the working-day calendar."""
import csv
import html.parser
import io
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to, link_in

t = Tap()


def count(table, where="1"):
    return int(sql1("SELECT COUNT(*) FROM %s WHERE %s" % (table, where)))


class Form(html.parser.HTMLParser):
    """Values and selections of the form posting to action."""

    def __init__(self, action):
        super().__init__()
        self.action, self.inside, self.sel = action, False, None
        self.values, self.selected, self.msgs, self.seen = {}, {}, [], False
        self._msg = False

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.inside = a.get("action", "") == self.action
            self.seen = self.seen or self.inside
        elif not self.inside:
            return
        elif tag == "input" and a.get("type") not in ("hidden", "checkbox", "radio"):
            self.values[a.get("name")] = a.get("value")
        elif tag == "select":
            self.sel = a.get("name")
        elif tag == "option" and self.sel and "selected" in a:
            self.selected[self.sel] = a.get("value")
        elif tag == "p" and a.get("class") == "msg":
            self._msg = True

    def handle_data(self, data):
        if self._msg:
            self.msgs.append(data)
            self._msg = False

    def handle_endtag(self, tag):
        if tag == "form":
            self.inside = False
        elif tag == "select":
            self.sel = None


def form(text, action):
    p = Form(action)
    p.feed(text)
    return p


def audit(action, where="1"):
    return count("audit_log", "action='%s' AND %s" % (action, where))


def invite_link(addr):
    tick()
    m = mails_to(addr)
    return link_in(m[-1], "/reset") if m else None


admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
admin.get("/staff/lang/en?next=/staff/")  # names in English below
t.eq(admin.get("/staff/entities").status, 200, "the entities page")
admin_id = sql1("SELECT id FROM users WHERE email='admin@sharek.test'")
modee = sql1("SELECT id FROM entities WHERE slug='modee'")

# ---- entities ---------------------------------------------------------------
ent = {"name_ar": "وزارة النقل", "name_en": "Ministry of Transport", "kind": "ministry",
       "slug": "mot", "sectors": ["5"], "contact_email": "info@mot.example.org",
       "sg_name": "م. زيد", "sg_email": "sg@mot.example.org", "sg_mobile": "0790000100",
       "minister_name": "د. رنا", "minister_email": "minister@mot.example.org",
       "minister_mobile": "0790000200"}
r = admin.submit("/staff/entities/new", "/staff/entities/new", ent)
t.eq(r.status, 303, "an entity is created")
eid = sql1("SELECT id FROM entities WHERE slug='mot'")
t.ok(eid is not None, "stored")
t.eq(r.header("Location"), "/staff/entities/%s" % eid, "and its page shown")
t.eq(sql("SELECT name_ar, name_en, kind, parent_id IS NULL, sg_mobile, minister_email, active "
         "FROM entities WHERE id=%s" % eid),
     [["وزارة النقل", "Ministry of Transport", "ministry", "1", "0790000100", "minister@mot.example.org", "1"]],
     "with what was entered")
t.eq(sql("SELECT sector_id FROM entity_sectors WHERE entity_id=%s" % eid), [["5"]], "and its sector")
t.eq(audit("entity.create", "object_id=%s AND user_id=%s AND role='admin'" % (eid, admin_id)), 1,
     "audit log: entity.create by the admin")
n = count("entities")
r = admin.submit("/staff/entities/new", "/staff/entities/new", dict(ent, name_en="Dup"))
t.eq(r.status, 422, "a second entity with the same short name is refused")
f = form(r.text, "/staff/entities/new")
t.eq((f.values.get("name_en"), f.values.get("slug"), f.selected.get("kind")), ("Dup", "mot", "ministry"),
     "the form comes back with what was typed")
t.ok(any("already uses this short name" in m for m in f.msgs), "and says why")
r = admin.submit("/staff/entities/new", "/staff/entities/new", dict(ent, slug="Bad Slug", name_en="Bad"))
t.eq(r.status, 422, "a short name with spaces or capitals is refused")
t.eq(count("entities"), n, "nothing stored")

r = admin.submit("/staff/entities/new", "/staff/entities/new",
                 dict(ent, slug="mot-roads", name_ar="مديرية الطرق", name_en="Roads Directorate",
                      kind="department", parent_id=eid))
t.eq(r.status, 303, "a sub-department is created")
sub = sql1("SELECT id FROM entities WHERE slug='mot-roads'")
t.eq(sql1("SELECT parent_id FROM entities WHERE id=%s" % sub), eid, "under its parent")
r = admin.get("/staff/entities/%s" % sub)
t.ok(r.status == 200 and 'href="/staff/entities/%s"' % eid in r.text and "Ministry of Transport" in r.text,
     "its page says what it is part of")
r = admin.get("/staff/entities")
t.ok(r.text.find("Roads Directorate") > r.text.find("Ministry of Transport") > 0,
     "the list shows it under its parent")
r = admin.submit("/staff/entities/%s/edit" % eid, "/staff/entities/%s/edit" % eid,
                 dict(ent, parent_id=sub))
t.eq(r.status, 422, "an entity cannot be placed under its own sub-department")
t.eq(sql1("SELECT parent_id IS NULL FROM entities WHERE id=%s" % eid), "1", "unchanged")

# ---- the liaison officer and the alternate -------------------------------------
page = "/staff/entities/%s" % eid
r = admin.submit(page, page + "/liaison", {"which": "alternate", "full_name": "منى الخطيب",
                                            "email": "not-an-email", "mobile": "0791110001"})
t.eq(r.status, 422, "naming a liaison officer with a bad e-mail is refused")
f = form(r.text, page + "/liaison")
t.eq((f.selected.get("which"), f.values.get("full_name"), f.values.get("email"), f.values.get("mobile")),
     ("alternate", "منى الخطيب", "not-an-email", "0791110001"),
     "the form keeps what was typed, the alternate still chosen")
t.ok(any("valid e-mail" in m for m in f.msgs), "with the message next to the field")
t.eq(count("users", "email='not-an-email'"), 0, "nothing stored")

r = admin.submit(page, page + "/liaison", {"which": "primary", "full_name": "عمر الناصر",
                                            "email": "liaison@mot.example.org", "mobile": "0791110000"})
t.eq(r.status, 303, "the admin names the liaison officer")
r = admin.submit(page, page + "/liaison", {"which": "alternate", "full_name": "منى الخطيب",
                                            "email": "alternate@mot.example.org", "mobile": "0791110001"})
t.eq(r.status, 303, "and the alternate")
row = sql("SELECT l.email, l.role, l.entity_id, l.kind, a.email, a.role, a.entity_id FROM entities e "
          "JOIN users l ON l.id=e.liaison_user_id JOIN users a ON a.id=e.alternate_user_id WHERE e.id=%s" % eid)
t.eq(row, [["liaison@mot.example.org", "liaison", eid, "staff", "alternate@mot.example.org", "liaison", eid]],
     "both are recorded on the entity, as liaison officers of it")
lid = sql1("SELECT id FROM users WHERE email='liaison@mot.example.org'")
alt = sql1("SELECT id FROM users WHERE email='alternate@mot.example.org'")
t.eq(sql1("SELECT password_hash IS NULL FROM users WHERE id=%s" % lid), "1", "with no password yet")
t.eq(audit("entity.liaison", "object_id=%s" % lid), 1, "audit log: entity.liaison")
t.eq(audit("entity.alternate", "object_id=%s" % alt), 1, "audit log: entity.alternate")
tok = invite_link("liaison@mot.example.org")
t.ok(tok is not None, "the liaison officer is invited by e-mail with a set-password link")
t.ok(invite_link("alternate@mot.example.org") is not None, "so is the alternate")
PW = "cedar-window-harbour-5"
li = Client(lang="en")
t.eq(li.login("liaison@mot.example.org", PW, prefix="/staff").status, 422,
     "no sign-in before choosing a password")
r = li.get("/reset?t=" + str(tok))
# Issue 9 (item 15): the token goes into a cookie, the form is at /reset.
t.eq((r.status, r.header("Location")), (303, "/reset"), "the invitation's link is taken")
t.eq(li.get("/reset").status, 200, "the invitation opens the set-password form")
r = li.submit("/reset", "/reset", {"password": PW, "password2": PW})
t.eq(r.status, 303, "and the liaison officer chooses a password")
t.eq(li.login("liaison@mot.example.org", PW, prefix="/staff").status, 303,
     "then signs in to the back office")
li.get("/staff/lang/en?next=/staff/")
r = li.get(page)
t.ok(r.status == 200 and 'action="%s/staff"' % page in r.text, "and sees the new-staff form of the entity")
t.ok('action="%s/liaison"' % page not in r.text, "but not the liaison form (the ministry's)")

# ---- coordinators and supervisors -------------------------------------------------
n = count("users")
r = li.submit(page, page + "/staff", {"role": "coordinator", "full_name": "سارة",
                                       "email": "coord@mot.example.org", "mobile": "12"})
t.eq(r.status, 422, "a bad mobile number is refused")
f = form(r.text, page + "/staff")
t.eq((f.selected.get("role"), f.values.get("full_name"), f.values.get("email"), f.values.get("mobile")),
     ("coordinator", "سارة", "coord@mot.example.org", "12"),
     "the form keeps what was typed, the coordinator role still chosen")
t.eq(count("users"), n, "nothing stored")
r = li.submit(page, page + "/staff", {"role": "coordinator", "full_name": "سارة",
                                       "email": "coord@mot.example.org", "mobile": "0792220000"})
t.eq(r.status, 303, "the liaison officer creates a coordinator (art. 7-هـ)")
r = li.submit(page, page + "/staff", {"role": "supervisor", "full_name": "خالد",
                                       "email": "sup@mot.example.org", "mobile": "0792220001"})
t.eq(r.status, 303, "and a supervisor")
t.eq(sql("SELECT email, role, kind, active, created_by FROM users WHERE entity_id=%s ORDER BY email" % eid),
     [["alternate@mot.example.org", "liaison", "staff", "1", admin_id],
      ["coord@mot.example.org", "coordinator", "staff", "1", lid],
      ["liaison@mot.example.org", "liaison", "staff", "1", admin_id],
      ["sup@mot.example.org", "supervisor", "staff", "1", lid]], "with their roles, and who created them")
coord_id = sql1("SELECT id FROM users WHERE email='coord@mot.example.org'")
sup_id = sql1("SELECT id FROM users WHERE email='sup@mot.example.org'")
t.eq(audit("user.create", "object_id IN (%s, %s) AND user_id=%s AND entity_id=%s" % (coord_id, sup_id, lid, eid)),
     2, "audit log: user.create, twice, by the liaison officer")
t.ok(invite_link("coord@mot.example.org") is not None, "the coordinator is invited")
stok = invite_link("sup@mot.example.org")
t.ok(stok is not None, "and the supervisor")

n, na = count("users"), count("audit_log")
r = li.submit(page, page + "/staff", {"role": "supervisor", "full_name": "مكرر",
                                       "email": "sup@mot.example.org", "mobile": "0792220002"})
t.eq(r.status, 422, "an e-mail already in use is refused")
f = form(r.text, page + "/staff")
t.ok(any("already belongs to another account" in m for m in f.msgs), "with a message on the e-mail", f.msgs)
t.eq((f.values.get("full_name"), f.values.get("email")), ("مكرر", "sup@mot.example.org"), "and the values kept")
r = li.submit(page, page + "/staff", {"role": "coordinator", "full_name": "مواطن",
                                       "email": "citizen@sharek.test", "mobile": "0792220003"})
t.eq(r.status, 422, "so is a citizen's e-mail")
t.eq((count("users"), count("audit_log")), (n, na), "nothing created, nothing audited")
t.eq(sql1("SELECT role FROM users WHERE email='citizen@sharek.test'"), "citizen", "the citizen stays a citizen")

moe = sql1("SELECT id FROM entities WHERE slug='moe'")
n, na = count("users"), count("audit_log")
_, hidden = li.form(page, page + "/staff")
r = li.post("/staff/entities/%s/staff" % moe, dict(hidden, role="supervisor", full_name="دخيل",
                                                  email="intruder@mot.example.org", mobile="0790000000"))
t.eq(r.status, 403, "a liaison officer cannot create staff in another entity")
r = li.post("/staff/entities/%s/staff" % sub, dict(li.form(page, page + "/staff")[1], role="supervisor",
                                                  full_name="دخيل", email="intruder@mot.example.org",
                                                  mobile="0790000000"))
t.eq(r.status, 403, "nor in a sub-department (its own liaison officer's job)")
t.eq((count("users"), count("audit_log")), (n, na), "and nothing is created or audited")
moe_sup = sql1("SELECT id FROM users WHERE email='supervisor@moe.sharek.test'")
r = li.post("/staff/users/%s/deactivate" % moe_sup, li.form(page, page + "/staff")[1])
t.eq(r.status, 403, "nor deactivate someone of another entity")
t.eq(sql1("SELECT active FROM users WHERE id=%s" % moe_sup), "1", "who stays active")
r = li.post("/staff/users/%s/deactivate" % alt, li.form(page, page + "/staff")[1])
t.eq(r.status, 403, "nor the alternate liaison officer (named by the ministry)")
r = li.post("/staff/users/%s/deactivate" % lid, li.form(page, page + "/staff")[1])
t.eq(r.status, 403, "nor himself")
t.eq(count("users", "id IN (%s, %s) AND active=1" % (alt, lid)), 2, "both stay active")

# ---- deactivate and reactivate ------------------------------------------------------
s = Client(lang="en")
s.get("/reset?t=" + str(stok))
s.submit("/reset", "/reset", {"password": "maple-lantern-river-6", "password2": "maple-lantern-river-6"})
t.eq(s.login("sup@mot.example.org", "maple-lantern-river-6", prefix="/staff").status, 303,
     "the supervisor signs in")
t.eq(s.get("/staff/").status, 200, "and works")
t.eq(count("sessions", "user_id=%s" % sup_id), 1, "(one session)")
r = li.get(page)
t.ok('action="/staff/users/%s/deactivate"' % sup_id in r.text, "the entity page offers to deactivate the supervisor")
r = li.submit(page, "/staff/users/%s/deactivate" % sup_id, {})
t.eq(r.status, 303, "the liaison officer deactivates the supervisor")
t.eq(sql1("SELECT active FROM users WHERE id=%s" % sup_id), "0", "deactivated, not deleted")
t.eq(count("sessions", "user_id=%s" % sup_id), 0, "the supervisor's sessions are deleted")
r = s.get("/staff/")
t.ok(r.status == 303 and "/staff/login" in (r.header("Location") or ""), "and end at once")
r = Client(lang="en").login("sup@mot.example.org", "maple-lantern-river-6", prefix="/staff")
t.eq(r.status, 422, "a deactivated account cannot sign in")
t.eq(sql("SELECT email, full_name, role, entity_id FROM users WHERE id=%s" % sup_id),
     [["sup@mot.example.org", "خالد", "supervisor", eid]], "the history is kept: the account row stays")
t.eq(audit("user.create", "object_id=%s" % sup_id), 1, "with its audit trail")
r = li.get(page)
t.ok("خالد" in r.text and 'action="/staff/users/%s/activate"' % sup_id in r.text and "Deactivated" in r.text,
     "the entity page lists the account as deactivated, with a way back")
t.eq(audit("user.deactivate", "object_id=%s AND user_id=%s AND role='liaison' AND entity_id=%s" % (sup_id, lid, eid)),
     1, "audit log: user.deactivate by the liaison officer, in the entity")
r = li.submit(page, "/staff/users/%s/activate" % sup_id, {})
t.eq(r.status, 303, "and reactivates")
t.eq(sql1("SELECT active FROM users WHERE id=%s" % sup_id), "1", "active again")
t.eq(audit("user.activate", "object_id=%s" % sup_id), 1, "audit log: user.activate")
t.eq(Client().login("sup@mot.example.org", "maple-lantern-river-6", prefix="/staff").status, 303,
     "who can sign in again")

# The ministry answers for liaison officers.
r = admin.submit(page, "/staff/users/%s/deactivate" % alt, {})
t.eq(r.status, 303, "the admin may deactivate a liaison officer")
t.eq(sql1("SELECT active FROM users WHERE id=%s" % alt), "0", "done")
r = admin.submit(page, "/staff/users/%s/activate" % alt, {})
t.eq(sql1("SELECT active FROM users WHERE id=%s" % alt), "1", "and undone")
r = admin.post("/staff/users/%s/deactivate" % admin_id, admin.form(page, page + "/liaison")[1])
t.eq(r.status, 403, "but not himself")

# ---- holidays ---------------------------------------------------------------------
na = count("audit_log")
r = admin.submit("/staff/holidays", "/staff/holidays",
                 {"day": "2027-02-08", "name_ar": "عطلة اختبار", "name_en": "Test holiday"})
t.eq(r.status, 303, "the admin adds a holiday")
t.eq(sql("SELECT name_ar, name_en FROM holidays WHERE day='2027-02-08'"), [["عطلة اختبار", "Test holiday"]], "stored")
t.ok("Test holiday" in admin.get("/staff/holidays").text, "and listed")
t.eq(audit("holiday.set", "summary LIKE '2027-02-08%%' AND user_id=%s" % admin_id), 1, "audit log: holiday.set")
r = admin.submit("/staff/holidays", "/staff/holidays", {"day": "2027-02-30", "name_ar": "يوم", "name_en": "Day x"})
t.eq(r.status, 422, "an impossible date is refused")
f = form(r.text, "/staff/holidays")
t.eq((f.values.get("day"), f.values.get("name_en")), ("2027-02-30", "Day x"), "with what was typed kept")
t.eq(count("holidays", "name_en='Day x'"), 0, "nothing stored")
r = admin.submit("/staff/holidays", "/staff/holidays/delete", {"day": "2027-02-08"})
t.eq(r.status, 303, "and removes it")
t.eq(count("holidays", "day='2027-02-08'"), 0, "gone")
t.eq(audit("holiday.delete", "summary='2027-02-08'"), 1, "audit log: holiday.delete")
r = admin.submit("/staff/holidays", "/staff/holidays/delete", {"day": "2027-02-09"})
t.eq(r.status, 404, "removing a day that is not a holiday finds nothing to remove (404)")
t.eq(audit("holiday.delete", "summary='2027-02-09'"), 0, "and leaves no false trace in the audit log")
wk = sql1("SELECT value FROM settings WHERE name='weekend_days'")
r = admin.submit("/staff/holidays", "/staff/holidays/weekend", {"days": ["5", "6"]})
t.eq(r.status, 303, "the weekend is saved")
t.eq(sql1("SELECT value FROM settings WHERE name='weekend_days'"), "5,6", "as Friday and Saturday")
r = admin.submit("/staff/holidays", "/staff/holidays/weekend", {"days": [str(d) for d in range(7)]})
t.eq(r.status, 422, "a week without a working day is refused")
t.eq(sql1("SELECT value FROM settings WHERE name='weekend_days'"), "5,6", "unchanged")
t.eq(audit("calendar.weekend", "summary='5,6'"), 1, "audit log: calendar.weekend")
t.eq(count("audit_log") - na, 3, "three calendar writes, three audit rows (none for refusals)")

# ---- the outbox ---------------------------------------------------------------------
r = admin.get("/staff/outbox")
t.ok(r.status == 200 and "sent: " in r.text, "the admin sees the delivery counters")

# ---- the audit log --------------------------------------------------------------------
acts = {row[0] for row in sql("SELECT DISTINCT action FROM audit_log")}
for a in ("entity.create", "entity.liaison", "entity.alternate", "user.create",
          "user.deactivate", "user.activate", "holiday.set", "holiday.delete", "calendar.weekend"):
    t.ok(a in acts, "audit log has %s" % a)
t.eq(sql1("SELECT CONCAT(role, '|', entity_id, '|', ip) FROM audit_log WHERE action='user.deactivate' "
          "AND object_id=%s" % sup_id), "liaison|%s|127.0.0.1" % eid, "with the actor's role, entity and address")
r = admin.get("/staff/audit?action=user.create")
t.eq(r.status, 200, "the admin browses the audit log")
body = r.text.split("<tbody>")[1] if "<tbody>" in r.text else ""
t.ok("coord@mot.example.org" in body and "sup@mot.example.org" in body, "filtered by action: the rows")
t.ok("entity.create" not in body and "holiday.set" not in body, "and only those")
r = admin.get("/staff/audit?action=user.create&user=liaison@mot.example.org")
body = r.text.split("<tbody>")[1] if "<tbody>" in r.text else ""
t.eq(body.count("<tr>"), 2, "filtered by who did it")
r = admin.get("/staff/audit.csv?action=user.create")
t.eq(r.status, 200, "and exports it")
t.ok((r.header("Content-Type") or "").startswith("text/csv"), "as CSV")
t.ok("attachment" in (r.header("Content-Disposition") or ""), "to download")
rows = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
t.eq(rows[0] if rows else None, ["id", "at_utc", "role", "action", "object_type", "object_id", "summary",
                                 "ip", "user", "email", "entity_ar", "entity_en"], "with a header row")
t.eq(len(rows) - 1, audit("user.create"), "and every matching row")
t.ok(all(x[3] == "user.create" for x in rows[1:]), "only those")
t.ok(any(x[5] == sup_id and x[9] == "liaison@mot.example.org" and x[11] == "Ministry of Transport"
         for x in rows[1:]), "with who did it and where")
r = admin.get("/staff/audit.csv?action=holiday.set")
rows = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
t.ok(len(rows) >= 2 and rows[1][3] == "holiday.set" and rows[1][6].startswith("2027-02-08"),
     "another action, another export")

# A liaison officer sees only the own entity, whatever the filters.
r = li.get("/staff/audit")
body = r.text.split("<tbody>")[1] if "<tbody>" in r.text else ""
t.ok(r.status == 200 and "user.create" in body, "a liaison officer browses the own entity's log")
t.ok("entity.liaison" in body, "including what the ministry did to the entity (naming its liaison officer)")
t.ok("holiday.set" not in body and "calendar.weekend" not in body,
     "and nothing of the ministry's own business")
r = li.get("/staff/audit.csv?entity=%s" % modee)
rows = list(csv.reader(io.StringIO(r.raw.decode("utf-8-sig"))))
t.ok(r.status == 200 and all(x[11] == "Ministry of Transport" for x in rows[1:]) and len(rows) > 1,
     "even when the export asks for another entity")
r = li.get("/staff/audit?entity=%s&from=not-a-date" % modee)
t.eq(r.status, 422, "a bad filter is a 422")
body = r.text.split("<tbody>")[1] if "<tbody>" in r.text else ""
t.ok("holiday.set" not in body and "calendar.weekend" not in body,
     "which still shows nothing of other entities")
r = li.get("/staff/audit?user=not-an-email")
body = r.text.split("<tbody>")[1] if "<tbody>" in r.text else ""
t.ok(r.status == 422 and "holiday.set" not in body, "nor with another bad filter")
sys.exit(t.done())
