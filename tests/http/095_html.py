"""Every GET route of the three programs, as every role, through the Nu
HTML checker (issue 8, item 8; DESIGN.md §5): zero errors.

The routes come from the code, not from a list kept here: the routes
tables of fcgi/{public,staff,complaints}/main.c (and AUTHPAGE_ROUTES of
fcgi/core/authpage.h where a table mounts it), of which only the first
two fields of each entry are read — method and pattern — and each
program's `.prefix`.  A {placeholder} segment is filled with real ids
from the test database: several activities (one per kind × state ×
audience), entities in and out of the reader's scope, groups, the
inter-agency consultations, a file.  A role that may not open the object
gets a 403/404 page, which is HTML too and is checked like any other.
A few query strings per route open the branches their parameters
control, or are of the wrong type (400, or the form again with the input
kept).  Each role also gets the error pages of each program: an unknown
path (404) and a GET on a POST-only route (405).

Responses that are not text/html (feeds, CSV, files) are skipped by
their Content-Type, and so are redirects without a body; an answer 5xx
fails its line.  Every HTML page is written to
one directory and the checker runs once over all of them (the JVM is slow
to start); its messages are mapped back to route × role, one TAP line
each, with the first errors under a failing one.

The checker is npm's vnu-jar on Debian's Java (scripts/install-deps);
$VNU_JAR names another vnu.jar."""
import itertools
import json
import os
import re
import shutil
import subprocess
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import VAR, Client, Tap, link_in, mails_to, sql, sql1, tick

ROOT = os.environ.get("SHAREK_ROOT", os.path.join(os.path.dirname(os.path.abspath(__file__)), "../.."))
PROGRAMS = ("public", "staff", "complaints")
t = Tap()


# ---- the routes, from the code --------------------------------------------------------
def strip_comments(text):
    return re.sub(r"/\*.*?\*/|//[^\n]*", " ", text, flags=re.S)


ENTRY = re.compile(r'\{\s*"(GET|POST|PUT|PATCH|DELETE|HEAD)"\s*,\s*"([^"]*)"')


def entries(text):
    return [(m.group(1), m.group(2)) for m in ENTRY.finditer(strip_comments(text))]


def read(path):
    with open(os.path.join(ROOT, path), encoding="utf-8") as f:
        return f.read()


authpage = entries(read("fcgi/core/authpage.h"))
routes = []  # (program, method, full path pattern)
PREFIX = {}
for prog in PROGRAMS:
    src = strip_comments(read("fcgi/%s/main.c" % prog))
    m = re.search(r'\.prefix\s*=\s*"([^"]*)"', src)
    prefix = PREFIX[prog] = m.group(1) if m else ""
    table = entries(src)
    if re.search(r"\bAUTHPAGE_ROUTES\b", src):
        table += authpage
    for method, pattern in table:
        routes.append((prog, method, prefix + pattern))
gets = [r for r in routes if r[1] == "GET"]
t.ok(len({r[0] for r in gets}) == len(PROGRAMS) and len(gets) >= 20,
     "the routes tables give %d GET routes of %d programs" % (len(gets), len({r[0] for r in gets})),
     "\n".join("%s %s" % (m, p) for _, m, p in routes))


# ---- the checker ----------------------------------------------------------------------
def find_vnu():
    cands = [os.environ.get("VNU_JAR", ""),
             "/usr/local/lib/node_modules/vnu-jar/build/dist/vnu.jar",
             os.path.join(ROOT, "tests/node_modules/vnu-jar/build/dist/vnu.jar")]
    try:
        root = subprocess.run(["npm", "root", "-g"], capture_output=True, text=True,
                              timeout=20).stdout.strip()
        cands.append(os.path.join(root, "vnu-jar/build/dist/vnu.jar"))
    except (OSError, subprocess.SubprocessError):
        pass
    return next((c for c in cands if c and os.path.isfile(c)), None)


VNU = find_vnu()
JAVA = shutil.which("java")
if not t.ok(VNU and JAVA, "the Nu HTML checker is installed (vnu.jar %s, java %s)" % (VNU, JAVA),
            "run scripts/install-deps (default-jre-headless, npm vnu-jar)"):
    sys.exit(t.done())

# ---- the roles (the accounts of 045_permissions.py) -----------------------------------
ROLES = ["anon", "citizen", "admin", "liaison", "coordinator", "supervisor", "ops"]
LOGIN = {"citizen": ("citizen@sharek.test", ""), "admin": ("admin@sharek.test", "/staff"),
         "liaison": ("liaison@moh.sharek.test", "/staff"),
         "coordinator": ("coordinator@moh.sharek.test", "/staff"),
         "supervisor": ("supervisor@moh.sharek.test", "/staff"),
         "ops": ("ops@sharek.test", "/complaints")}
clients = {}
for role in ROLES:
    c = Client()
    if role != "anon":
        t.eq(c.login(LOGIN[role][0], prefix=LOGIN[role][1]).status, 303, "%s signs in" % role)
    clients[role] = c


# ---- ids for the {placeholders} -------------------------------------------------------
def col(query):
    return [row[0] for row in sql(query) if row and row[0] != "NULL"]


E = {s: sql1("SELECT id FROM entities WHERE slug='%s'" % s) for s in ("modee", "moh", "moh-phc", "moe")}
# One activity of each kind × state × audience: every branch of the
# activity templates, in and out of moh's scope.
ACTIVITIES = col("SELECT MIN(id) FROM activities GROUP BY kind, state, audience ORDER BY 1")
INTERAGENCY = col("SELECT MIN(a.id) FROM activities a LEFT JOIN activity_targets t ON t.activity_id = a.id "
                  "WHERE a.audience = 'interagency' GROUP BY a.state, a.entity_id, t.entity_id IS NULL ORDER BY 1")
GROUPS = col("SELECT MIN(id) FROM user_groups GROUP BY entity_id ORDER BY 1")
USERS = col("SELECT MIN(id) FROM users GROUP BY kind, role ORDER BY 1")
FILES = col("SELECT stored_name FROM uploads ORDER BY id LIMIT 2") + ["no-such-file"]
MISSING = "999999999"  # an id that names nothing: the 404 page
# Requests of every state and kind (anonymous, reopened, escalated), in
# and out of moh's desk and the operations room (issue 13).
REQUESTS = col("SELECT MIN(id) FROM requests GROUP BY state, entity_id = %s, tracking_hash IS NULL, "
               "escalation_level ORDER BY 1" % E["moh"])
IDS = {  # the literal segment before a placeholder -> the values to try
    "consultations": ACTIVITIES + [MISSING],
    "activities": ACTIVITIES + [MISSING],
    "entities": [v for v in E.values() if v] + [MISSING] + ["moh", "moh-phc"],  # ids (staff), slugs (public)
    "inbox": INTERAGENCY + [MISSING],
    "groups": GROUPS + [MISSING],
    "users": USERS + [MISSING],
    "files": FILES,
    "requests": REQUESTS + [MISSING],
    "officials": [v for v in E.values() if v] + [MISSING],
    "datasets": ["activities", "consultation-999999999"],  # /opendata/datasets/{slug}: 303 and 404
    "publishers": ["moh", "sharek", "no-such-entity"],  # /opendata/publishers/{slug}: 303s
    # The entity blog (issue 16): a draft (404 in public) and a published article.
    "blog": col("SELECT MIN(id) FROM blog_posts GROUP BY published_at IS NULL ORDER BY 1") + [MISSING],
    # The periodic complaints reports (issue 14): an entity's and the whole's.
    "complaint-reports": col("SELECT MIN(id) FROM kpi_reports GROUP BY entity_id = 0 ORDER BY 1") + [MISSING],
    # Participatory budgets (issue 19): a draft in the review chain, proposals, voting open, and closed with results.
    "budgets": col("SELECT MIN(id) FROM budgets GROUP BY state, closes_at < UTC_TIMESTAMP(), "
                   "opens_at > UTC_TIMESTAMP() "
                   "ORDER BY 1") + [MISSING],
    # Citizen initiatives (issue 19): one of each state (a draft is its
    # author's only; 404 for the others).
    "initiatives": col("SELECT MIN(id) FROM initiatives GROUP BY state ORDER BY 1") + [MISSING],
    # The annual plan's items (issue 16): the liaison officer's edit form.
    "plan": col("SELECT MIN(i.id) FROM plan_items i JOIN participation_plans p ON p.id = i.plan_id "
                "JOIN entities e ON e.id = p.entity_id WHERE e.slug = 'moh' AND p.year = YEAR(UTC_TIMESTAMP())")
    + [MISSING],
}
PLACEHOLDER = re.compile(r"\{[^}]*\}")

# A reset link, so that /reset shows its form and not only the 410 page.
Client().submit("/forgot", "/forgot", {"email": "citizen4@sharek.test"})
tick()
mails = mails_to("citizen4@sharek.test")
RESET = link_in(mails[-1] if mails else "", "/reset")
t.ok(RESET, "a reset link for the /reset form")
# Query strings tried beside the bare path of a route (for a route with
# ids, on the first id): the branches a parameter opens, and parameters
# of the wrong type, whose answer (400, or the form again with the input
# kept) must be valid HTML as well.  A pattern no longer in the tables is
# simply not visited.
QUERIES = {
    "/consultations": ["?kind=survey&state=open", "?state=results&audience=public", "?q=zz-nothing-matches",
                       "?before=1", "?entity=x&kind=zzz"],
    "/consultations/{id}": ["?posted=1", "?dup=1", "?before=x"],
    "/opendata": ["?page=2&per_page=1", "?page=x"],
    "/reset": ["?t=%s" % RESET, "?t=short"],
    "/verify": ["?t=" + "A" * 43],
    "/me": ["?welcome=1"],
    "/me/profile": ["?saved=1"],
    "/login": ["?next=/me", "?next=http://example.org/"],
    "/staff/login": ["?next=/staff/audit"],
    "/staff/activities": ["?state=open", "?state=draft", "?state=x", "?before=1"],
    "/staff/moderation": ["?overdue=1", "?done=3&rejected=1&skipped=1", "?activity=x"],
    "/budgets": ["?state=closed", "?entity=x"],
    "/initiatives": ["?state=threshold&entity=moh", "?state=x", "?before=1"],
    "/complaints/track": ["?ref=SH-GWV8G-PEZVQ", "?ref=x"],  # refused before a look-up: nothing throttled
    "/complaints/desk": ["?done=1"],
    "/complaints/new": ["?q=%D8%A7%D9%84%D8%B5%D8%AD%D9%87", "?q=zz-nothing"],
    "/complaints/dashboard": ["?period=year&entity=%s" % E["moh"], "?period=dates&from=2026-01-01&to=2026-12-31",
                              "?period=dates&from=x&to=2020-01-01"],
    "/staff/complaint-reports": ["?period=month", "?period=x"],
    "/staff/audit": ["?from=2020-01-01&to=2040-12-31", "?entity=%s" % E["moe"], "?before=1",
                     "?entity=x&user=x&from=x&to=y"],
    "/staff/compliance": ["?from=2026-01-01&to=2026-12-31&entity=%s" % E["moe"], "?from=2026-06-30&to=2026-01-01",
                          "?from=x&to=y"],
    "/staff/compliance/list": ["?figure=moderated_late&from=2025-01-01&to=2026-12-31",
                               "?figure=months_without_poll&entity=%s&tree=1" % E["moe"],
                               "?figure=no_liaison", "?figure=extended", "?figure=x"],
}


def expand(pattern):
    """The concrete paths of a pattern, or None when a placeholder has no
    ids here (a route this test does not know yet: it fails)."""
    segs = pattern.split("/")
    choices = []
    for i, s in enumerate(segs):
        if PLACEHOLDER.fullmatch(s):
            ids = IDS.get(segs[i - 1] if i else "")
            if not ids:
                return None
            choices.append(ids)
        else:
            choices.append([s])
    paths = ["/".join(p) for p in itertools.product(*choices)]
    return paths + [paths[0] + q for q in QUERIES.get(pattern, [])]


# ---- fetch every page -----------------------------------------------------------------
# Under the stack's var dir: tests/run keeps it (with the logs) when a
# test fails.
OUT = tempfile.mkdtemp(prefix="html.", dir=VAR if os.path.isdir(VAR) else None)
pages = {}    # file name -> (line key, path, status)
lines = []    # line keys, in TAP order
notes = {}    # line key -> what each visit gave
unknown = {}  # line key -> a pattern whose placeholder has no ids here
failed = {}   # line key -> pages that answered 5xx


def visit(key, role, path):
    r = clients[role].get(path)
    ctype = (r.header("Content-Type") or "").split(";")[0].strip().lower()
    if ctype != "text/html":
        notes[key].append("%s: %d, not HTML (%s)" % (path, r.status, ctype or "no body"))
        return
    if not r.raw and 300 <= r.status < 400:
        notes[key].append("%s: %d to %s, no body" % (path, r.status, r.header("Location")))
        return
    if r.status >= 500:
        failed.setdefault(key, []).append("%s: %d" % (path, r.status))
    name = "%04d.html" % (len(pages) + 1)
    with open(os.path.join(OUT, name), "wb") as f:
        f.write(r.raw)
    pages[name] = (key, path, r.status)
    notes[key].append("%s: %d" % (path, r.status))


for prog, _, pattern in gets:
    paths = expand(pattern)
    for role in ROLES:
        key = "GET %s as %s" % (pattern, role)
        lines.append(key)
        notes[key] = []
        if paths is None:
            unknown[key] = pattern
            continue
        for p in paths:
            visit(key, role, p)
# The error pages: an unknown path, a GET on a POST-only route.
for prog in PROGRAMS:
    wrong = [PREFIX[prog] + "/no-such-page"]
    post_only = [p for g, m, p in routes if g == prog and m == "POST" and (g, "GET", p) not in gets]
    for p in post_only[:1]:
        wrong += (expand(p) or [])[:1]
    for role in ROLES:
        key = "error pages of %s as %s" % (prog, role)
        lines.append(key)
        notes[key] = []
        for p in wrong:
            visit(key, role, p)

# ---- one run of the checker -----------------------------------------------------------
proc = subprocess.run([JAVA, "-Xss4m", "-jar", VNU, "--errors-only", "--format", "json", "--exit-zero-always",
                       OUT], capture_output=True, text=True, timeout=300)
try:
    messages = json.loads(proc.stderr or proc.stdout or "{}").get("messages", [])
except ValueError:
    messages = [{"type": "error", "message": "the checker's output is not JSON: " + proc.stderr[:500]}]
errors = {}   # line key -> ["path (status) line N: message"]
stray = []
for msg in messages:
    if msg.get("type") not in ("error", "non-document-error") and msg.get("subType") != "fatal":
        continue
    name = os.path.basename(msg.get("url", ""))
    where = pages.get(name)
    text = "%s «%s»" % (msg.get("message", ""), (msg.get("extract") or "").strip().replace("\n", " ")[:120])
    if where is None:
        stray.append(text)
        continue
    key, path, status = where
    errors.setdefault(key, []).append("%s (%d) line %s: %s" % (path, status, msg.get("lastLine", "?"), text))
t.ok(not stray and proc.returncode == 0, "the checker ran over %d pages" % len(pages),
     "\n".join(stray) + proc.stderr[-2000:])

for key in lines:
    if key in unknown:
        t.ok(False, key, "no ids for the placeholder of %s: add its collection to IDS" % unknown[key])
        continue
    errs = failed.get(key, []) + errors.get(key, [])
    n = sum(1 for v in pages.values() if v[0] == key)
    what = "%d page%s, %d error%s" % (n, "" if n == 1 else "s", len(errs), "" if len(errs) == 1 else "s")
    if n == 0:
        what = "; ".join(notes[key])
    t.ok(not errs, "%s (%s)" % (key, what),
         "\n".join(errs[:8] + (["… and %d more" % (len(errs) - 8)] if len(errs) > 8 else [])))

total = sum(len(v) for v in errors.values())
by_status = {}
for _, _, status in pages.values():
    by_status[status] = by_status.get(status, 0) + 1
print("# %d HTML pages (%s), %d errors" % (len(pages), ", ".join("%d: %d" % kv for kv in sorted(by_status.items())),
                                         total))
if total == 0:
    shutil.rmtree(OUT, ignore_errors=True)
else:
    print("# the pages are kept in %s" % OUT)
sys.exit(t.done())
