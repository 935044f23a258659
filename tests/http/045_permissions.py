"""The permission matrix (issue 4): every staff route, as every role —
anonymous, citizen, ministry admin, and the liaison officer, coordinator
and supervisor of the Ministry of Health — on an object of their own
entity, of a sub-department and of another entity.  Refused → 403 (404
where even the existence must not leak; anonymous → sign-in) and nothing
changed in the database; allowed → the page or the form's own answer."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
ID = lambda q: sql1(q)
moh, phc, moe, modee = (ID("SELECT id FROM entities WHERE slug='%s'" % s) for s in ("moh", "moh-phc", "moe", "modee"))
act_own = ID("SELECT id FROM activities WHERE title_en='Draft instructions on mobile clinics'")
act_open = ID("SELECT id FROM activities WHERE title_en LIKE 'Draft Regulation on Licensing%'")
act_other = ID("SELECT id FROM activities WHERE title_en LIKE 'Instructions on the 2026/2027%'")
art_own = ID("SELECT id FROM articles WHERE activity_id=%s LIMIT 1" % act_open)
inter = ID("SELECT id FROM activities WHERE audience='interagency' LIMIT 1")
sup_own = ID("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
sup_other = ID("SELECT id FROM users WHERE email='supervisor@moe.sharek.test'")

ROLES = ["anon", "citizen", "admin", "liaison", "coordinator", "supervisor"]
LOGIN = {"citizen": ("citizen@sharek.test", ""), "admin": ("admin@sharek.test", "/staff"),
         "liaison": ("liaison@moh.sharek.test", "/staff"),
         "coordinator": ("coordinator@moh.sharek.test", "/staff"),
         "supervisor": ("supervisor@moh.sharek.test", "/staff")}
clients = {}
for role in ROLES:
    c = Client()
    if role != "anon":
        c.login(LOGIN[role][0], prefix=LOGIN[role][1])
    clients[role] = c
STAFF = ("admin", "liaison", "coordinator", "supervisor")


def only(*roles):
    return lambda role, scope: role in roles


def scoped(table):
    """table: role -> set of scopes allowed."""
    return lambda role, scope: scope in table.get(role, ())


ALL_SCOPES = {"own", "sub", "other"}
# (method, path template, scopes to try, allowed(role, scope), form fields)
ROUTES = [
    ("GET", "/staff/", [None], only(*STAFF), None),
    ("GET", "/staff/entities", [None], only(*STAFF), None),
    ("GET", "/staff/entities/new", [None], only("admin"), None),
    ("POST", "/staff/entities/new", [None], only("admin"), {"name_ar": ""}),
    ("GET", "/staff/entities/{e}", ["own", "sub", "other"],
     scoped({"admin": ALL_SCOPES, "liaison": {"own", "sub"}, "coordinator": {"own"},
             "supervisor": {"own"}}), None),
    ("GET", "/staff/entities/{e}/edit", ["own", "other"], scoped({"admin": ALL_SCOPES}), None),
    ("POST", "/staff/entities/{e}/edit", ["own", "other"], scoped({"admin": ALL_SCOPES}), {"name_ar": ""}),
    ("POST", "/staff/entities/{e}/liaison", ["own", "other"], scoped({"admin": ALL_SCOPES}), {"which": "x"}),
    ("POST", "/staff/entities/{e}/staff", ["own", "other"], scoped({"liaison": {"own"}}), {"role": "x"}),
    ("POST", "/staff/users/{u}/activate", ["own", "other"], scoped({"liaison": {"own"}}), {}),
    ("GET", "/staff/audit", [None], only("admin", "liaison"), None),
    ("GET", "/staff/audit.csv", [None], only("admin", "liaison"), None),
    ("GET", "/staff/holidays", [None], only("admin"), None),
    ("POST", "/staff/holidays", [None], only("admin"), {"day": "bad"}),
    ("POST", "/staff/holidays/delete", [None], only("admin"), {"day": "bad"}),
    ("POST", "/staff/holidays/weekend", [None], only("admin"), {"days": ["0", "1", "2", "3", "4", "5", "6"]}),
    ("GET", "/staff/outbox", [None], only("admin"), None),
    ("GET", "/staff/activities", [None], only(*STAFF), None),
    ("GET", "/staff/activities/new", [None], only("coordinator", "supervisor"), None),
    ("POST", "/staff/activities/new", [None], only("coordinator", "supervisor"), {"title_ar": ""}),
    ("GET", "/staff/activities/{a}", ["own", "other"],
     scoped({"admin": ALL_SCOPES, "liaison": {"own"}, "coordinator": {"own"}, "supervisor": {"own"}}), None),
    ("GET", "/staff/activities/{a}/edit", ["own", "other"],
     scoped({"coordinator": {"own"}, "supervisor": {"own"}}), None),
    ("POST", "/staff/activities/{a}/edit", ["own", "other"],
     scoped({"coordinator": {"own"}, "supervisor": {"own"}}), {"title_ar": ""}),
    ("POST", "/staff/activities/{a}/articles", ["own", "other"],
     scoped({"coordinator": {"own"}, "supervisor": {"own"}}), {"body_ar": ""}),
    ("POST", "/staff/activities/{o}/articles/{r}/move", ["own"],
     scoped({"coordinator": {"own"}, "supervisor": {"own"}}), {"dir": "x"}),
    ("POST", "/staff/activities/{a}/workflow", ["own", "other"],
     scoped({"admin": ALL_SCOPES, "liaison": {"own"}, "coordinator": {"own"}, "supervisor": {"own"}}),
     {"event": "x"}),
    ("POST", "/staff/activities/{o}/extend", ["own", "other"], scoped({"liaison": {"own"}}), {"days": "0"}),
    ("GET", "/staff/moderation", [None], only("liaison", "coordinator", "supervisor"), None),
    ("POST", "/staff/moderation", [None], only("liaison", "coordinator", "supervisor"), {"action": "x"}),
    ("GET", "/staff/inbox", [None], only("liaison"), None),
    # MoH is not a target of its own inter-agency consultation: 404.
    ("GET", "/staff/inbox/{i}", ["own"], scoped({}), None),
    ("POST", "/staff/inbox/{i}", ["own"], scoped({}), {"body": "x" * 20}),
]


def path_for(tpl, scope):
    ent = {"own": moh, "sub": phc, "other": moe}.get(scope)
    p = tpl.replace("{e}", str(ent)).replace("{u}", sup_own if scope == "own" else sup_other)
    p = p.replace("{a}", act_own if scope == "own" else act_other)
    p = p.replace("{o}", act_open if scope == "own" else act_other).replace("{r}", art_own)
    p = p.replace("{i}", inter)
    return p


def fingerprint():
    return sql("SELECT (SELECT COUNT(*) FROM users), (SELECT SUM(active) FROM users), "
               "(SELECT COUNT(*) FROM entities), (SELECT COUNT(*) FROM activities), "
               "(SELECT COUNT(*) FROM articles), (SELECT COUNT(*) FROM holidays), "
               "(SELECT value FROM settings WHERE name='weekend_days'), "
               "(SELECT COUNT(*) FROM audit_log), (SELECT COUNT(*) FROM workflow_events), "
               "(SELECT MAX(updated_at) FROM entities), (SELECT MAX(updated_at) FROM activities)")


csrf = {}
for role, c in clients.items():
    _, h = c.form("/staff/login" if role in ("anon", "citizen") else "/staff/", "/logout")
    if not h:
        _, h = c.form("/", "/logout")
    if not h:
        _, h = c.form("/register", "/register")
    csrf[role] = h.get("csrf", "")

for method, tpl, scopes, allowed, fields in ROUTES:
    for scope in scopes:
        path = path_for(tpl, scope)
        for role in ROLES:
            c = clients[role]
            before = fingerprint() if method == "POST" else None
            if method == "GET":
                r = c.get(path)
            else:
                r = c.post(path, dict(fields or {}, csrf=csrf[role]))
            where = " (%s)" % scope if scope else ""
            if role == "anon":
                want = "sign-in" if method == "GET" else "403"
                ok = (r.status == 303 and "/login" in (r.header("Location") or "")) if method == "GET" \
                    else r.status == 403
            elif allowed(role, scope):
                want = "allowed"
                ok = r.status not in (401, 403, 404) and r.status < 500
            else:
                want = "refused"
                ok = r.status in (403, 404)
            t.ok(ok, "%s %s as %s%s: %s (got %d)" % (method, tpl, role, where, want, r.status))
            if method == "POST" and want != "allowed":
                t.eq(fingerprint(), before, "  … and nothing changed")
sys.exit(t.done())
