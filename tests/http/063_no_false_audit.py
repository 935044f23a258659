"""No false audit rows (issue 9, item 14): a staff write whose target
does not exist — or is not where the address says, such as an article of
another activity reached through one's own draft — changes nothing,
answers 404 and leaves no row in the audit log.  The same rule for every
write by id: articles (save, delete, move), the document and the
attachments of an activity one may not edit, holidays, group members,
entities and staff accounts.

And the other side of the rule: a write that finds its target is done
and audited even when it changes no value (saving an unchanged form
twice in the same second is two saves, not an error), since MariaDB
counts only changed rows and the programs do not ask for found rows."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def last_audit():
    return int(sql1("SELECT COALESCE(MAX(id), 0) FROM audit_log"))


def csrf(c):
    return c.form("/staff/", "/logout")[1].get("csrf", "")


def post(c, path, fields=None):
    data = {"csrf": csrf(c)}
    data.update(fields or {})
    return c.post(path, data)


def refused(c, path, fields, want, what, check=None, files=None):
    """Posts; wants the status and no new audit row (and check() true)."""
    before = last_audit()
    if files:
        data = {"csrf": csrf(c)}
        data.update(fields or {})
        r = c.post_multipart(path, data, files)
    else:
        r = post(c, path, fields)
    t.eq(r.status, want, what + ": %d" % want)
    t.eq(last_audit(), before, what + ": no audit row")
    if check is not None:
        t.ok(check(), what + ": nothing changed")
    return r


moh = sql1("SELECT id FROM entities WHERE slug='moh'")
moe = sql1("SELECT id FROM entities WHERE slug='moe'")
sup_id = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
supmoe_id = sql1("SELECT id FROM users WHERE email='supervisor@moe.sharek.test'")


def draft(entity, author, title, state="draft"):
    sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, "
        "created_at, updated_at) VALUES ('consultation', %s, %s, 'public', '%s', '%s', "
        "'Test 063 activity', UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (entity, author, state, title))
    return sql1("SELECT MAX(id) FROM activities WHERE title_ar='%s'" % title)


def article(act, n, body):
    sql("INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, "
        "body_en) VALUES (%s, %d, '%d', 'مادة', 'Article', '%s', '')" % (act, n, n, body))
    return sql1("SELECT MAX(id) FROM articles WHERE activity_id=%s" % act)


mine = draft(moh, sup_id, "مسودة المشرف للاختبار 063")
other = draft(moh, sup_id, "مسودة أخرى للاختبار 063")
art1 = article(mine, 1, "نص المادة الأولى")
art2 = article(mine, 2, "نص المادة الثانية")
foreign = article(other, 1, "مادة من مسودة أخرى")

sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")


def body_of(aid):
    return sql1("SELECT CONCAT(position, ':', body_ar) FROM articles WHERE id=%s" % aid)


# ---- articles: another activity's, through one's own draft ------------------
base = "/staff/activities/%s/articles/" % mine
keep = body_of(foreign)
refused(sup, base + foreign, {"body_ar": "نص مستبدل"}, 404,
        "saving another activity's article through one's own draft",
        lambda: body_of(foreign) == keep)
refused(sup, base + foreign + "/delete", {}, 404,
        "deleting another activity's article through one's own draft",
        lambda: body_of(foreign) == keep)
refused(sup, base + foreign + "/move", {"dir": "up"}, 404,
        "moving another activity's article through one's own draft",
        lambda: body_of(foreign) == keep)
refused(sup, base + "999999999", {"body_ar": "نص"}, 404, "saving an article that does not exist")
refused(sup, base + "999999999/delete", {}, 404, "deleting an article that does not exist")
refused(sup, base + "999999999/move", {"dir": "down"}, 404, "moving an article that does not exist")

# The right address works, and is audited — also when nothing changes.
before = last_audit()
r = post(sup, base + art1, {"number_label": "1", "title_ar": "مادة", "body_ar": "نص المادة الأولى"})
t.eq(r.status, 303, "saving one's own article unchanged is a save")
r = post(sup, base + art1, {"number_label": "1", "title_ar": "مادة", "body_ar": "نص المادة الأولى"})
t.eq(r.status, 303, "and again at once (no changed row: still found, no error)")
t.eq(int(sql1("SELECT COUNT(*) FROM audit_log WHERE id > %d AND action='article.save' "
              "AND object_id=%s" % (before, art1))), 2, "both audited")
r = post(sup, base + art2 + "/move", {"dir": "up"})
t.eq(r.status, 303, "one's own article moves up")
t.eq((body_of(art2)[0], body_of(art1)[0]), ("1", "2"), "the two swapped places")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE id > %d AND action='article.move' "
          "AND object_id=%s" % (before, art2)), "1", "audited")
before = last_audit()
r = post(sup, base + art2 + "/move", {"dir": "up"})
t.eq(r.status, 303, "moving the first article up changes nothing and is no error")
t.eq(last_audit(), before, "and writes no audit row")
sql("INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, "
    "moderation_due_at) VALUES (%s, %s, NULL, 'تعليق', UNHEX(SHA2('063', 256)), 'pending', "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (mine, art1))
refused(sup, base + art1 + "/delete", {}, 409, "deleting a commented article is a conflict",
        lambda: sql1("SELECT COUNT(*) FROM articles WHERE id=%s" % art1) == "1")
r = post(sup, base + art2 + "/delete")
t.eq(r.status, 303, "an article nobody commented on is deleted")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='article.delete' AND object_id=%s" % art2),
     "1", "audited")

# ---- the document and attachments of an activity one may not edit ----------
moe_act = draft(moe, supmoe_id, "مسودة جهة أخرى للاختبار 063")
for kind in ("attachments", "document"):
    refused(sup, "/staff/activities/%s/%s" % (moe_act, kind), {"title_ar": "مرفق"}, 404,
            "a %s of another entity's activity" % kind[:-1 if kind.endswith("s") else None],
            lambda: sql1("SELECT COUNT(*) FROM attachments WHERE activity_id=%s" % moe_act) == "0"
            and sql1("SELECT document_upload_id IS NULL FROM activities WHERE id=%s" % moe_act) == "1",
            files={"file": ("x.pdf", PDF, "application/pdf")})
opened = draft(moh, sup_id, "استشارة مفتوحة للاختبار 063", state="open")
for kind in ("attachments", "document"):
    refused(sup, "/staff/activities/%s/%s" % (opened, kind), {"title_ar": "مرفق"}, 409,
            "a %s of an open consultation (not editable)" % kind,
            lambda: sql1("SELECT COUNT(*) FROM attachments WHERE activity_id=%s" % opened) == "0",
            files={"file": ("x.pdf", PDF, "application/pdf")})

# ---- holidays ----------------------------------------------------------------
admin = Client()
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
sql("DELETE FROM holidays WHERE day='2032-01-05'")
refused(admin, "/staff/holidays/delete", {"day": "2032-01-05"}, 404,
        "removing a day that is not a holiday")
sql("INSERT INTO holidays (day, name_ar, name_en) VALUES ('2032-01-05', 'عطلة', 'Holiday')")
before = last_audit()
t.eq(post(admin, "/staff/holidays/delete", {"day": "2032-01-05"}).status, 303, "removing a holiday")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE id > %d AND action='holiday.delete'" % before), "1",
     "is audited")

# ---- entities and staff accounts ---------------------------------------------
form = {"name_ar": "جهة", "name_en": "Entity", "kind": "ministry", "slug": "nowhere-063"}
refused(admin, "/staff/entities/999999999/edit", form, 404, "editing an entity that does not exist")
refused(admin, "/staff/users/999999999/deactivate", {}, 404, "deactivating an account that does not exist")
refused(admin, "/staff/users/999999999/activate", {}, 404, "activating an account that does not exist")

# ---- group members -----------------------------------------------------------
co = Client()
t.eq(co.login("coordinator@moh.sharek.test", prefix="/staff").status, 303, "the coordinator signs in")
sql("INSERT INTO user_groups (entity_id, name_ar, name_en, created_at) "
    "VALUES (%s, 'مجموعة 063', 'Group 063', UTC_TIMESTAMP())" % moh)
gid = sql1("SELECT MAX(id) FROM user_groups WHERE name_en='Group 063'")
cit = sql1("SELECT id FROM users WHERE email='citizen@sharek.test'")
refused(co, "/staff/groups/%s/members/%s/delete" % (gid, cit), {}, 404,
        "removing someone who is not a member")
sql("INSERT INTO user_group_members (group_id, user_id) VALUES (%s, %s)" % (gid, cit))
r = refused(co, "/staff/groups/%s/members" % gid, {"email": "citizen@sharek.test"}, 422,
            "adding someone who is a member already")
t.ok("already a member" in r.text or "عضو في المجموعة" in r.text, "says so")
t.ok("citizen@sharek.test" in r.text, "with the address kept")
before = last_audit()
t.eq(post(co, "/staff/groups/%s/members/%s/delete" % (gid, cit)).status, 303, "removing a member")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE id > %d AND action='group.remove'" % before), "1",
     "is audited")

# ---- the inbox: the same response twice at once is two saves, not an error --
inter = sql1("SELECT a.id FROM activities a JOIN activity_targets t ON t.activity_id = a.id "
             "WHERE a.audience='interagency' AND a.state='open' AND t.entity_id=%s LIMIT 1" % moe)
if inter is not None:
    li = Client()
    li.login("liaison@moe.sharek.test", prefix="/staff")
    text = "رد موحد للاختبار 063 على الاستشارة."
    codes = [post(li, "/staff/inbox/" + inter, {"body": text}).status for _ in range(3)]
    t.eq(codes, [303, 303, 303], "the same consolidated response sent three times at once")
sys.exit(t.done())
