"""One primary and one alternate liaison officer per entity (issue 10;
Tawasul art. 6-ب): naming a new primary (or alternate) replaces the one
who held the role — who is no longer a liaison officer, is told by
e-mail, and the replacement is audited; naming the alternate as primary
leaves the alternate's place empty; the database refuses one person in
both roles or in a role of two entities; the invitation names the entity
and the role."""
import subprocess
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to, SQL

t = Tap()
sql("INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, active, created_at, updated_at) "
    "VALUES ('council', 'مجلس الارتباط', 'Liaison Council', 'lco', 0, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())")
ent = sql1("SELECT id FROM entities WHERE slug='lco'")
page = "/staff/entities/%s" % ent

admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")


def name(which, email, full):
    return admin.submit(page, page + "/liaison", {"which": which, "full_name": full,
                                                  "email": email, "mobile": "0791110043"}).status


def officers():
    return sql("SELECT COALESCE(l.email, '-'), COALESCE(a.email, '-') FROM entities e "
               "LEFT JOIN users l ON l.id=e.liaison_user_id LEFT JOIN users a ON a.id=e.alternate_user_id "
               "WHERE e.id=%s" % ent)[0]


def role(email):
    return sql1("SELECT role FROM users WHERE email='%s'" % email)


t.eq(name("primary", "p1@lco.example.org", "ليلى الأولى"), 303, "the admin names a primary liaison officer")
t.eq(name("alternate", "a1@lco.example.org", "سامي البديل"), 303, "and an alternate")
t.eq(officers(), ["p1@lco.example.org", "a1@lco.example.org"], "both recorded on the entity")
tick()
inv = mails_to("p1@lco.example.org")
t.ok(bool(inv) and ("Liaison Council" in inv[-1] or "مجلس الارتباط" in inv[-1]), "the invitation names the entity")
t.ok(inv and ("ضابط الارتباط" in inv[-1] or "Liaison officer" in inv[-1]), "and the role")

t.eq(name("primary", "p2@lco.example.org", "مها الثانية"), 303, "a new primary is named")
t.eq(officers(), ["p2@lco.example.org", "a1@lco.example.org"], "they replace the previous one")
t.eq(role("p1@lco.example.org"), "coordinator", "who is no longer a liaison officer (same transaction)")
t.eq(role("p2@lco.example.org"), "liaison", "the new one is")
t.eq(int(sql1("SELECT COUNT(*) FROM audit_log WHERE action='entity.liaison_replaced' AND object_id="
              "(SELECT id FROM users WHERE email='p1@lco.example.org')")), 1, "the replacement is audited")
tick()
m = mails_to("p1@lco.example.org")
t.ok(len(m) >= 2 and "مها الثانية" in m[-1], "the replaced officer is told by e-mail, with who replaces them")

t.eq(name("primary", "a1@lco.example.org", "سامي البديل"), 303, "the alternate is named primary")
t.eq(officers(), ["a1@lco.example.org", "-"], "the alternate's place falls vacant (one person, one role)")
t.eq(role("p2@lco.example.org"), "coordinator", "the replaced primary keeps an account without the role")

# The database itself refuses what the rule forbids.
a1 = sql1("SELECT id FROM users WHERE email='a1@lco.example.org'")
bad = subprocess.run(SQL.split() + ["-e", "UPDATE entities SET alternate_user_id=%s WHERE id=%s" % (a1, ent)],
                     capture_output=True, text=True)
t.ok(bad.returncode != 0, "one person in both roles is refused by the database")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
bad = subprocess.run(SQL.split() + ["-e", "UPDATE entities SET liaison_user_id=%s WHERE id=%s" % (a1, moh)],
                     capture_output=True, text=True)
t.ok(bad.returncode != 0, "so is one person as liaison officer of two entities")
t.done()
