"""Restricted consultations addressed to groups of users (Tawasul art. 2:
"a category or group of users"): the coordinator keeps the groups, the
author targets them, only members see the consultation."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
co = Client()
co.login("coordinator@moh.sharek.test", prefix="/staff")
r = co.submit("/staff/groups", "/staff/groups", {"name_ar": "الصيادلة المرخصون", "name_en": "Licensed pharmacists"})
t.eq(r.status, 303, "the coordinator creates a group")
gid = sql1("SELECT id FROM user_groups WHERE name_en='Licensed pharmacists'")
page = "/staff/groups/" + gid
r = co.submit(page, page + "/members", {"email": "nobody@example.org"})
t.eq(r.status, 422, "an address without an account is refused with a message")
t.ok("nobody@example.org" in r.text, "and kept")
r = co.submit(page, page + "/members", {"email": "citizen2@sharek.test"})
t.eq(r.status, 303, "a citizen is added")
t.eq(sql1("SELECT COUNT(*) FROM user_group_members WHERE group_id=%s" % gid), "1", "one member")
moe = Client()
moe.login("coordinator@moe.sharek.test", prefix="/staff")
t.eq(moe.get(page).status, 404, "another entity cannot see the group")
sup = Client()
sup.login("supervisor@moh.sharek.test", prefix="/staff")
t.eq(sup.get("/staff/groups").status, 403, "a supervisor does not manage groups")

# The author targets the group from the activity form.
draft = sql1("SELECT id FROM activities WHERE title_en='Draft instructions on mobile clinics'")
edit = "/staff/activities/%s/edit" % draft
r = sup.get(edit)
t.ok('name="groups" value="%s"' % gid in r.text, "the form offers the entity's groups")
r = sup.submit(edit, edit, {"title_ar": "مسودة تعليمات العيادات المتنقلة", "audience": "restricted",
                            "groups": [gid]})
t.eq(r.status, 303, "the draft is addressed to the group")
t.eq(sql1("SELECT COUNT(*) FROM activity_targets WHERE activity_id=%s AND group_id=%s" % (draft, gid)), "1",
     "the target is stored")

# Visibility of an open restricted consultation addressed to the group.
restr = sql1("SELECT id FROM activities WHERE audience='restricted' AND state='open' LIMIT 1")
sql("INSERT INTO activity_targets (activity_id, group_id) VALUES (%s, %s)" % (restr, gid))
member = Client()
member.login("citizen2@sharek.test")
t.eq(member.get("/consultations/" + restr).status, 200, "a member sees it")
t.ok("/consultations/%s\"" % restr in member.get("/consultations?audience=restricted").text,
     "listed under 'addressed to me'")
other = Client()
other.login("citizen@sharek.test")
t.eq(other.get("/consultations/" + restr).status, 404, "a non-member does not")
r = member.submit("/consultations/" + restr, "/consultations/%s/comments" % restr, {"body": "رأي عضو في المجموعة"})
t.eq(r.status, 303, "a member can comment")
r = co.submit(page, page + "/members/%s/delete" % sql1("SELECT id FROM users WHERE email='citizen2@sharek.test'"), {})
t.eq(r.status, 303, "the member is removed")
t.eq(member.get("/consultations/" + restr).status, 404, "and no longer sees it")
t.ok(int(sql1("SELECT COUNT(*) FROM audit_log WHERE action LIKE 'group.%'")) >= 3, "group changes are audited")
sys.exit(t.done())
