"""The permission matrix (issue 4): every route of fcgi/staff/main.c, as
every role — anonymous, citizen, the ministry admin, and the liaison
officer, coordinator and supervisor of the Ministry of Health (moh) — on
objects of moh, of its sub-department (moh-phc), of the ministry itself
(modee) and of another entity (moe).

The expectations are built here from the rules, not copied from
perm.c:
  * the ministry admin manages entities and names liaison officers
    anywhere, reads every audit row, runs the calendar and the outbox;
  * the liaison officer creates, deactivates and reactivates
    coordinators and supervisors of the own entity only (liaison
    officers themselves answer to the ministry), and reads the own
    entity's audit rows;
  * coordinators and supervisors have the dashboard and see their own
    entity only; the liaison officer also its sub-departments;
  * activities: viewed in the entity's scope (elsewhere 404: their
    existence does not leak), drafted by coordinators and supervisors,
    extended by the liaison officer, inter-agency responses by the
    liaison officer of a target entity.
Allowed → 200, or 303 with the write done (for activity forms, which this
test must not change, the form's own answer 409/422 after the gate);
refused → 403 (404 as above; anonymous: the sign-in page for a GET, 403
for a POST) and nothing changed in the database."""
import sys
import uuid
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick

t = Tap()
# The stack's own tick runs every minute: do its pending work (openings,
# closings, hand-overs of waits earlier tests left) now, so that it has
# nothing to write in the middle of a "nothing changed" check.
tick()
ID = sql1
E = {s: ID("SELECT id FROM entities WHERE slug='%s'" % s) for s in ("modee", "moh", "moh-phc", "moe")}
HOME = {"admin": "modee", "liaison": "moh", "coordinator": "moh", "supervisor": "moh"}
SUBS = {"modee": set(), "moh": {"moh-phc"}}


def scope(role, ent):
    if ent == HOME[role]:
        return "own"
    return "sub" if ent in SUBS[HOME[role]] else "other"


ALL = {"own", "sub", "other"}
OWN = {"own"}
# What each role may do, and where (the rules above).
RULES = {
    "home": {"admin": ALL, "liaison": OWN, "coordinator": OWN, "supervisor": OWN},
    "entity_view": {"admin": ALL, "liaison": {"own", "sub"}, "coordinator": OWN, "supervisor": OWN},
    "entity_manage": {"admin": ALL},
    "staff_accounts": {"admin": OWN, "liaison": OWN},
    "audit": {"admin": ALL, "liaison": OWN},
    "calendar": {"admin": ALL},
    "outbox": {"admin": ALL},
    "activity_view": {"admin": ALL, "liaison": {"own", "sub"}, "coordinator": OWN, "supervisor": OWN},
    "activity_draft": {"coordinator": OWN, "supervisor": OWN},
    "activity_approve": {"liaison": OWN},
    "activity_extend": {"liaison": OWN},
    "moderate": {"liaison": OWN, "coordinator": OWN, "supervisor": OWN},
    "target_respond": {"liaison": OWN},
}


def may(role, act, ent=None):
    where = RULES[act].get(role, set())
    if not where:
        return False
    return bool(where) if ent is None else scope(role, ent) in where


# ---- fixtures: accounts to switch on and off, an inter-agency consultation ----
def staff_user(email, role, ent):
    sql("INSERT INTO users (kind, email, full_name, mobile, lang, role, entity_id, active, created_at, "
        "updated_at) VALUES ('staff', '%s', 'حساب اختبار', '+962790000999', 'ar', '%s', %s, 1, "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (email, role, E[ent]))
    return ID("SELECT id FROM users WHERE email='%s'" % email)


TARGETS = {  # user id -> (entity, role) of the accounts the (de)activation routes act on
    staff_user("perm-sup@moh.example.org", "supervisor", "moh"): ("moh", "supervisor"),
    staff_user("perm-liaison@moh.example.org", "liaison", "moh"): ("moh", "liaison"),
    staff_user("perm-coord@modee.example.org", "coordinator", "modee"): ("modee", "coordinator"),
    staff_user("perm-sup@moe.example.org", "supervisor", "moe"): ("moe", "supervisor"),
}
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, "
    "summary_en, publish_at, closes_at, original_closes_at, created_at, updated_at) "
    "SELECT kind, %s, (SELECT id FROM users WHERE email='supervisor@moe.sharek.test'), 'interagency', 'open', "
    "'تجربة الصلاحيات', 'Permissions fixture', summary_ar, summary_en, publish_at, closes_at, "
    "original_closes_at, UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM activities WHERE id = "
    "(SELECT MIN(id) FROM activities WHERE audience='interagency')" % E["moe"])
inbox_own = ID("SELECT id FROM activities WHERE title_en='Permissions fixture'")
sql("INSERT INTO activity_targets (activity_id, entity_id) VALUES (%s, %s)" % (inbox_own, E["moh"]))
# moh's own inter-agency consultation: moh is its author, not a target.
inbox_other = ID("SELECT MIN(id) FROM activities WHERE audience='interagency' AND entity_id=%s" % E["moh"])
ACT = {"moh": ID("SELECT id FROM activities WHERE title_en='Draft instructions on mobile clinics'"),
       "moe": ID("SELECT id FROM activities WHERE entity_id=%s AND state='open' ORDER BY id LIMIT 1" % E["moe"])}
OPEN = {"moh": ID("SELECT id FROM activities WHERE title_en LIKE 'Draft Regulation on Licensing%'"),
        "moe": ACT["moe"]}
t.ok(all(E.values()) and all(ACT.values()) and all(OPEN.values()) and inbox_own and inbox_other,
     "the demo entities, activities and fixtures are there")
foreign_article = ID("SELECT id FROM articles WHERE activity_id=%s ORDER BY id LIMIT 1" % OPEN["moh"])

ROLES = ["anon", "citizen", "admin", "liaison", "coordinator", "supervisor"]
LOGIN = {"citizen": ("citizen@sharek.test", ""), "admin": ("admin@sharek.test", "/staff"),
         "liaison": ("liaison@moh.sharek.test", "/staff"),
         "coordinator": ("coordinator@moh.sharek.test", "/staff"),
         "supervisor": ("supervisor@moh.sharek.test", "/staff")}
clients, csrf = {}, {}
for role in ROLES:
    c = Client()
    if role != "anon":
        t.eq(c.login(*LOGIN[role][:1], prefix=LOGIN[role][1]).status, 303, "%s signs in" % role)
    clients[role] = c
    _, h = c.form("/me" if role == "citizen" else "/staff/" if role != "anon" else "/staff/login",
                  "/logout" if role != "anon" else "/staff/login")
    csrf[role] = h.get("csrf", "")
    t.ok(len(csrf[role]) == 64, "%s has a CSRF token to post with" % role)


def fingerprint():
    """Everything a staff write could change — not what the stack's own
    minute tick writes meanwhile (its hand-overs to the alternate liaison
    officer add history rows, audit rows and mail as role 'system', at any
    moment), nor outbox delivery or sessions, which every request and tick
    touch.  History and audit are append-only, so their rows by people
    are counted; every staff write that queues mail also writes one."""
    rows = sql("CHECKSUM TABLE users, entities, entity_sectors, holidays, settings, activities, "
               "articles, attachments, uploads, comments, agency_responses, activity_targets, "
               "extensions, tokens")
    rows += sql("SELECT (SELECT COUNT(*) FROM audit_log WHERE role <> 'system'), "
                "(SELECT COUNT(*) FROM workflow_events WHERE role <> 'system'), "
                "(SELECT COUNT(*) FROM form_nonces)")
    return rows


def audit_count(action):
    return int(sql1("SELECT COUNT(*) FROM audit_log WHERE action='%s'" % action))


def check(method, path, role, want, data=None, files=False, effect=None, what=""):
    """want: 200, 303, 403, 404, a tuple of statuses (the form's own answer),
    or 'login'.  effect(): True when the write happened (checked for 303)."""
    c = clients[role]
    before = fingerprint() if method == "POST" else None
    if method == "GET":
        r = c.get(path)
    elif files:
        r = c.post_multipart(path, dict(data or {}, csrf=csrf[role]), {})
    else:
        r = c.post(path, dict(data or {}, csrf=csrf[role]))
    label = "%s %s as %s%s" % (method, path, role, what)
    if want == "login":
        ok = r.status == 303 and (r.header("Location") or "").startswith("/staff/login")
        t.ok(ok, "%s: sent to sign in (got %d)" % (label, r.status))
    elif isinstance(want, tuple):
        t.ok(r.status in want, "%s: allowed, the form answers %s (got %d)" % (label, want, r.status))
    else:
        t.ok(r.status == want, "%s: %s (got %d)" % (label, {200: "allowed", 303: "allowed, done",
                                                             403: "refused", 404: "refused, hidden"}[want],
                                                      r.status))
    if method == "POST" and (want in (403, 404, "login") or isinstance(want, tuple)):
        t.eq(fingerprint(), before, "  … and nothing changed")
    if method == "POST" and want == 303 and effect is not None:
        t.ok(effect(), "  … and the write is done")
    return r


def gate(role, method, act):
    """The answer before any object is looked at, or None to go on."""
    if role == "anon":
        return "login" if method == "GET" else 403
    if role == "citizen" or not may(role, act):
        return 403
    return None


def uniq(prefix):
    return "%s-%s" % (prefix, uuid.uuid4().hex[:8])


# ---- the dashboard, sign-in, entities ------------------------------------------------
for role in ROLES:
    check("GET", "/staff/", role, gate(role, "GET", "home") or 200)
    check("GET", "/staff/login", role, 200 if role == "anon" else 303)
    check("GET", "/staff/entities", role, gate(role, "GET", "entity_view") or 200)
    check("GET", "/staff/entities/new", role, gate(role, "GET", "entity_manage") or 200)

# The list shows what the role may open, and nothing else.
for role in ("admin", "liaison", "coordinator", "supervisor"):
    text = clients[role].get("/staff/entities").text
    shown = {s for s, i in E.items() if 'href="/staff/entities/%s"' % i in text}
    t.eq(shown, {s for s in E if may(role, "entity_view", s)}, "the entities list of %s" % role)

for role in ROLES:
    slug = uniq("perm")
    data = {"name_ar": "جهة اختبار", "name_en": "Test entity", "kind": "authority", "slug": slug}
    check("POST", "/staff/entities/new", role, gate(role, "POST", "entity_manage") or 303, data,
          effect=lambda s=slug: sql1("SELECT COUNT(*) FROM entities WHERE slug='%s'" % s) == "1")

for ent in ("modee", "moh", "moh-phc", "moe"):
    for role in ROLES:
        want = gate(role, "GET", "entity_view") or (200 if may(role, "entity_view", ent) else 403)
        check("GET", "/staff/entities/%s" % E[ent], role, want, what=" (%s)" % ent)
for ent in ("moh", "moe"):
    for role in ROLES:
        want = gate(role, "GET", "entity_manage") or (200 if may(role, "entity_manage", ent) else 403)
        check("GET", "/staff/entities/%s/edit" % E[ent], role, want, what=" (%s)" % ent)


def entity_form(ent):
    """The entity's stored data as its edit form would post it."""
    cols = ["name_ar", "name_en", "kind", "parent_id", "slug", "contact_email", "sg_name", "sg_email",
            "sg_mobile", "minister_name", "minister_email", "minister_mobile"]
    row = sql("SELECT %s FROM entities WHERE id=%s" % (", ".join("IFNULL(%s, '')" % c for c in cols), E[ent]))[0]
    data = {k: v for k, v in zip(cols, row) if v != ""}
    data["sectors"] = [x[0] for x in sql("SELECT sector_id FROM entity_sectors WHERE entity_id=%s" % E[ent])]
    return data


for ent in ("moh", "moe"):
    for role in ROLES:
        data = entity_form(ent)
        n = audit_count("entity.update")
        row = sql("SELECT name_ar, name_en, slug, parent_id, liaison_user_id FROM entities WHERE id=%s" % E[ent])
        want = gate(role, "POST", "entity_manage") or (303 if may(role, "entity_manage", ent) else 403)
        check("POST", "/staff/entities/%s/edit" % E[ent], role, want, data, what=" (%s)" % ent,
              effect=lambda n=n, row=row, ent=ent: audit_count("entity.update") == n + 1 and sql(
                  "SELECT name_ar, name_en, slug, parent_id, liaison_user_id FROM entities WHERE id=%s"
                  % E[ent]) == row)

# Naming a liaison officer: the current ones again (a real write, audited, no change).
NAMED = {"moh": ("alternate", "alternate@moh.sharek.test", "entity.alternate"),
         "moe": ("primary", "liaison@moe.sharek.test", "entity.liaison")}
for ent in ("moh", "moe"):
    which, email, action = NAMED[ent]
    for role in ROLES:
        n = audit_count(action)
        data = {"which": which, "email": email, "full_name": "ضابط ارتباط", "mobile": "0790000000"}
        want = gate(role, "POST", "entity_manage") or (303 if may(role, "entity_manage", ent) else 403)
        check("POST", "/staff/entities/%s/liaison" % E[ent], role, want, data, what=" (%s)" % ent,
              effect=lambda n=n, action=action: audit_count(action) == n + 1)

for ent in ("modee", "moh", "moe"):
    for role in ROLES:
        email = "%s@%s.example.org" % (uniq("new"), ent)
        data = {"role": "coordinator", "email": email, "full_name": "منسق جديد", "mobile": "0790000001"}
        want = gate(role, "POST", "staff_accounts") or (303 if may(role, "staff_accounts", ent) else 403)
        check("POST", "/staff/entities/%s/staff" % E[ent], role, want, data, what=" (%s)" % ent,
              effect=lambda e=email, ent=ent: sql("SELECT role, entity_id FROM users WHERE email='%s'" % e)
              == [["coordinator", E[ent]]])

# Switching accounts off and on: coordinators and supervisors answer to the
# liaison officer of their entity, liaison officers to the ministry.
for uid, (ent, urole) in TARGETS.items():
    need = "entity_manage" if urole == "liaison" else "staff_accounts"
    for role in ROLES:
        want = gate(role, "POST", "staff_accounts") or (303 if may(role, need, ent) else 403)
        what = " (%s of %s)" % (urole, ent)
        check("POST", "/staff/users/%s/deactivate" % uid, role, want, what=what,
              effect=lambda uid=uid: sql1("SELECT active FROM users WHERE id=%s" % uid) == "0")
        if want == 303:
            check("POST", "/staff/users/%s/activate" % uid, role, 303, what=what,
                  effect=lambda uid=uid: sql1("SELECT active FROM users WHERE id=%s" % uid) == "1")
        else:
            sql("UPDATE users SET active=0 WHERE id=%s" % uid)
            check("POST", "/staff/users/%s/activate" % uid, role, want, what=what)
            sql("UPDATE users SET active=1 WHERE id=%s" % uid)
for role in ("admin", "liaison"):
    me = ID("SELECT id FROM users WHERE email='%s'" % LOGIN[role][0])
    check("POST", "/staff/users/%s/deactivate" % me, role, 403, what=" (himself)")

# ---- oversight: audit log, calendar, outbox ------------------------------------------
for role in ROLES:
    check("GET", "/staff/audit", role, gate(role, "GET", "audit") or 200)
    check("GET", "/staff/audit?entity=%s" % E["moe"], role, gate(role, "GET", "audit") or 200)
    check("GET", "/staff/audit.csv", role, gate(role, "GET", "audit") or 200)
    check("GET", "/staff/holidays", role, gate(role, "GET", "calendar") or 200)
    check("GET", "/staff/outbox", role, gate(role, "GET", "outbox") or 200)
r = clients["liaison"].get("/staff/audit.csv?entity=%s" % E["moe"])
ents = {line.rsplit(",", 1)[-1] for line in r.text.splitlines()[1:]}
t.ok(len(ents) >= 1 and ents <= {"Ministry of Health"}, "the liaison officer's export holds moh rows only", ents)
r = clients["admin"].get("/staff/audit.csv?entity=%s" % E["moh"])
ents = {line.rsplit(",", 1)[-1] for line in r.text.splitlines()[1:]}
t.eq(ents, {"Ministry of Health"}, "the admin exports any entity's rows (here moh's)")
r = clients["admin"].get("/staff/audit.csv")
ents = {line.rsplit(",", 1)[-1] for line in r.text.splitlines()[1:]}
t.ok({"Ministry of Health", "Ministry of Digital Economy and Entrepreneurship"} <= ents,
     "and every entity's at once", ents)

weekend = sql1("SELECT value FROM settings WHERE name='weekend_days'") or "5,6"
for i, role in enumerate(ROLES):
    day = "2031-03-%02d" % (i + 1)
    want = gate(role, "POST", "calendar") or 303
    check("POST", "/staff/holidays", role, want, {"day": day, "name_ar": "عطلة", "name_en": "Holiday"},
          effect=lambda d=day: sql1("SELECT COUNT(*) FROM holidays WHERE day='%s'" % d) == "1")
    sql("INSERT IGNORE INTO holidays (day, name_ar, name_en) VALUES ('2031-04-%02d', 'ع', 'h')" % (i + 1))
    check("POST", "/staff/holidays/delete", role, want, {"day": "2031-04-%02d" % (i + 1)},
          effect=lambda d="2031-04-%02d" % (i + 1): sql1("SELECT COUNT(*) FROM holidays WHERE day='%s'" % d) == "0")
    n = audit_count("calendar.weekend")
    check("POST", "/staff/holidays/weekend", role, want, {"days": weekend.split(",")},
          effect=lambda n=n: audit_count("calendar.weekend") == n + 1 and
          sql1("SELECT value FROM settings WHERE name='weekend_days'") == weekend)
sql("DELETE FROM holidays WHERE day BETWEEN '2031-03-01' AND '2031-04-30'")

# ---- activities (the gate only: the forms answer 409/422, nothing changes) ------------
FORM = (409, 422)
for role in ROLES:
    check("GET", "/staff/activities", role, gate(role, "GET", "activity_view") or 200)
    check("GET", "/staff/activities/new", role, gate(role, "GET", "activity_draft") or 200)
    check("POST", "/staff/activities/new", role, gate(role, "POST", "activity_draft") or FORM, {"title_ar": ""})


def on_activity(role, method, act, ent):
    g = gate(role, method, act)
    if g:
        return g
    if not may(role, "activity_view", ent):
        return 404
    return None if may(role, act, ent) else 403


for ent in ("moh", "moe"):
    a = ACT[ent]
    w = " (%s)" % ent
    for role in ROLES:
        check("GET", "/staff/activities/%s" % a, role, on_activity(role, "GET", "activity_view", ent) or 200, what=w)
        check("GET", "/staff/activities/%s/edit" % a, role, on_activity(role, "GET", "activity_draft", ent) or 200,
              what=w)
        # (Another activity's article through this one is not found: 404.)
        for path, data, files, answer in (("/edit", {"title_ar": ""}, False, FORM),
                                          ("/articles", {"body_ar": ""}, False, FORM),
                                          ("/articles/%s" % foreign_article, {"body_ar": ""}, False, FORM),
                                          ("/articles/%s/delete" % foreign_article, {}, False, (404,)),
                                          ("/articles/%s/move" % foreign_article, {"dir": "sideways"}, False,
                                           FORM),
                                          ("/document", {}, True, FORM),
                                          ("/attachments", {"title_ar": "مرفق"}, True, FORM)):
            check("POST", "/staff/activities/%s%s" % (a, path), role,
                  on_activity(role, "POST", "activity_draft", ent) or answer, data, files=files, what=w)
        # The workflow route opens to whoever sees the activity; each event
        # then needs its own right.
        check("POST", "/staff/activities/%s/workflow" % a, role,
              on_activity(role, "POST", "activity_view", ent) or FORM, {"event": "sideways"}, what=w)
        check("POST", "/staff/activities/%s/workflow" % a, role,
              on_activity(role, "POST", "activity_view", ent) or
              (FORM if may(role, "activity_draft", ent) else 403), {"event": "submit"},
              what=w + " submit")
        # (Whether an allowed approval goes through depends on the state:
        # 050 follows that; here only the refusals.)
        if not may(role, "activity_approve", ent):
            check("POST", "/staff/activities/%s/workflow" % a, role,
                  on_activity(role, "POST", "activity_view", ent) or 403, {"event": "approve"},
                  what=w + " approve")
        check("POST", "/staff/activities/%s/extend" % OPEN[ent], role,
              on_activity(role, "POST", "activity_extend", ent) or FORM, {"days": "0"}, what=w)

# ---- moderation and the inter-agency inbox ------------------------------------------
for role in ROLES:
    check("GET", "/staff/moderation", role, gate(role, "GET", "moderate") or 200)
    check("POST", "/staff/moderation", role, gate(role, "POST", "moderate") or FORM, {"action": "sideways"})
    check("GET", "/staff/inbox", role, gate(role, "GET", "target_respond") or 200)
    check("GET", "/staff/inbox/%s" % inbox_own, role, gate(role, "GET", "target_respond") or 200,
          what=" (addressed to moh)")
    check("GET", "/staff/inbox/%s" % inbox_other, role, gate(role, "GET", "target_respond") or 404,
          what=" (not addressed to moh)")
    body = "رد موحد من وزارة الصحة على المشاورة، مقدم من %s." % role
    check("POST", "/staff/inbox/%s" % inbox_own, role, gate(role, "POST", "target_respond") or 303,
          {"body": body}, what=" (addressed to moh)",
          effect=lambda b=body: sql1("SELECT body FROM agency_responses WHERE activity_id=%s AND entity_id=%s"
                                     % (inbox_own, E["moh"])) == b)
    check("POST", "/staff/inbox/%s" % inbox_other, role, gate(role, "POST", "target_respond") or 404,
          {"body": body}, what=" (not addressed to moh)")

# ---- sign out, last ---------------------------------------------------------------------
for role in ROLES:
    r = clients[role].post("/staff/logout", {"csrf": csrf[role]})
    t.eq(r.status, 303, "POST /staff/logout as %s: anyone may" % role)
    if role != "anon":
        t.eq(clients[role].get("/staff/").status, 303, "  … and %s is signed out" % role)

sql("DELETE FROM agency_responses WHERE activity_id=%s" % inbox_own)
sql("DELETE FROM activity_targets WHERE activity_id=%s" % inbox_own)
sql("DELETE FROM activities WHERE id=%s" % inbox_own)
sys.exit(t.done())
