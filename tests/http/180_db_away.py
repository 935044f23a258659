"""The database away (issue 18): with the stack's MariaDB shut down every
page is a 503 with Retry-After, in the reader's language (not a 500), and
a comment posted meanwhile comes back as that page with its text kept, in
a form that posts the same fields (same nonce and CSRF token) to the same
address; once MariaDB is back (no restart of the programs) pressing it
stores the comment, and pressing it again stores nothing more.  An API
client (Open311, GET and POST, JSON and XML) gets the 503 with
Retry-After as the spec's error list in its format, not the page."""
import html.parser
import json
import os
import shutil
import subprocess
import sys
import time
import xml.etree.ElementTree as ET
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, VAR, hidden_fields, new_citizen, sql1

ROOT = os.environ.get("SHAREK_ROOT", ".")
VNU = os.environ.get("VNU_JAR") or "/usr/local/lib/node_modules/vnu-jar/build/dist/vnu.jar"
PAGES = {}
SOCK = os.path.join(VAR, "run", "mysqld.sock")
t = Tap()


class KeptForm(html.parser.HTMLParser):
    """The form of class kept-form: its action and every field it sends
    (hidden and text inputs, textareas), in order."""

    def __init__(self):
        super().__init__()
        self.action, self.fields, self.inside, self.area = None, [], False, None

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form" and "kept-form" in (a.get("class") or ""):
            self.inside, self.action = True, a.get("action")
        elif self.inside and tag == "input" and a.get("name"):
            self.fields.append([a["name"], a.get("value", "")])
        elif self.inside and tag == "textarea":
            self.area = [a.get("name"), ""]
            self.fields.append(self.area)

    def handle_data(self, data):
        if self.area is not None:
            self.area[1] += data

    def handle_endtag(self, tag):
        if tag == "textarea" and self.area is not None:
            # The newline right after <textarea> is not part of the value.
            if self.area[1].startswith("\n"):
                self.area[1] = self.area[1][1:]
            self.area = None
        elif tag == "form":
            self.inside = False


def kept(text):
    p = KeptForm()
    p.feed(text)
    return p.action, [tuple(f) for f in p.fields]


def db_stop():
    subprocess.run(["mariadb-admin", "--no-defaults", "--socket=" + SOCK, "shutdown"],
                   capture_output=True)
    for _ in range(80):
        if not os.path.exists(SOCK):
            return True
        time.sleep(0.25)
    return False


def db_start():
    """scripts/stack start: starts what is not running (only MariaDB)."""
    out = subprocess.run(["bash", os.path.join(ROOT, "scripts/stack"), "start"],
                         capture_output=True, text=True)
    return out.returncode == 0


# ---- a citizen and the comment form, while the database is there -----------
c = Client(lang="en")
new_citizen(t, c, "away.%d@example.org" % int(time.time() * 1000), "correct-horse-18",
            "ليلى الساعدي", "0791112244")
aid = sql1("SELECT id FROM activities WHERE kind='consultation' AND audience='public' "
           "AND state='open' AND closes_at > UTC_TIMESTAMP() + INTERVAL 1 DAY "
           "ORDER BY id LIMIT 1")
page, action = "/consultations/%s" % aid, "/consultations/%s/comments" % aid
r = c.get(page)
hidden = hidden_fields(r.text, action)
t.ok("nonce" in hidden and "csrf" in hidden, "the comment form carries a nonce and a CSRF token")
BODY = ("رأيي في المادة الثالثة: <b>لا</b> & \"نعم\"\n\n"
        "Second paragraph, with </textarea><script>x()</script> in it. %d" % time.time())

# ---- the database goes away ---------------------------------------------------
t.ok(db_stop(), "the stack's MariaDB is shut down")
try:
    for lang, title in (("ar", "الخدمة غير متاحة مؤقتًا"), ("en", "Temporarily unavailable")):
        r = Client(lang=lang).get("/consultations")
        t.eq(r.status, 503, "GET /consultations is a 503 (%s), not a 500" % lang)
        t.ok((r.header("Retry-After") or "").isdigit(), "with Retry-After (%s)" % lang,
             r.header("Retry-After"))
        t.ok(title in r.text and ('lang="%s"' % lang) in r.text,
             "and a page in the reader's language (%s)" % lang)
        PAGES["503-get-%s" % lang] = r.raw
    t.eq(Client(lang="en").get("/complaints/").status, 503, "the complaints program too")

    # An API client (Open311) gets the spec's error list in the format it
    # asked for, not the HTML page.
    api = Client(lang="en")
    for method, fmt in (("GET", "json"), ("GET", "xml"), ("POST", "json"), ("POST", "xml")):
        path = "/open311/v2/requests.%s" % fmt
        r = api.get(path + "?status=open") if method == "GET" else \
            api.post(path, {"api_key": "k" * 48, "service_code": "complaint-procedures",
                            "description": "انقطاع المياه منذ الصباح", "lat": "31.95", "long": "35.91"})
        what = "Open311 %s %s during the outage" % (method, path)
        t.eq(r.status, 503, what + ": 503")
        t.ok((r.header("Retry-After") or "").isdigit(), "  … with Retry-After", r.header("Retry-After"))
        ctype = (r.header("Content-Type") or "").lower()
        if fmt == "json":
            try:
                body = json.loads(r.text)
            except ValueError:
                body = None
            t.eq(ctype, "application/json; charset=utf-8", "  … in JSON")
            t.ok(isinstance(body, list) and len(body) == 1 and body[0].get("code") == 503
                 and "unavailable" in (body[0].get("description") or ""),
                 "  … the error list [{code: 503, description}]", r.text[:300])
        else:
            try:
                doc = ET.fromstring(r.raw)
            except ET.ParseError:
                doc = None
            t.eq(ctype, "text/xml; charset=utf-8", "  … in XML")
            t.ok(doc is not None and doc.tag == "errors" and doc.findtext("error/code") == "503"
                 and "unavailable" in (doc.findtext("error/description") or ""),
                 "  … the errors document, error code 503 with a description", r.text[:300])
        t.ok("<html" not in r.text, "  … and no HTML page")

    fields = dict(hidden)
    fields["body"] = BODY
    r = c.post(action, fields)
    t.eq(r.status, 503, "the comment posted meanwhile is a 503")
    t.ok((r.header("Retry-After") or "").isdigit(), "with Retry-After")
    t.ok("Temporarily unavailable" in r.text, "in English, the reader's language")
    t.ok("&lt;/textarea&gt;&lt;script&gt;x()" in r.text and "<script>x()" not in r.text
         and "رأيي في المادة الثالثة" in r.text, "the text is on the page, escaped")
    PAGES["503-kept-form"] = r.raw
    act, got = kept(r.text)
    t.eq(act, action, "in a form that posts to the same address")
    got_d = dict(got)
    t.eq(got_d.get("body"), BODY, "the text kept exactly (a textarea)")
    t.eq((got_d.get("nonce"), got_d.get("csrf")), (hidden["nonce"], hidden["csrf"]),
         "with the same nonce and CSRF token")
    t.eq(sorted(got_d), sorted(fields), "and every field that was sent, nothing else")
finally:
    t.ok(db_start(), "MariaDB is started again (the programs are not restarted)")

for _ in range(40):
    if Client().get("/").status == 200:
        break
    time.sleep(0.25)
t.eq(Client().get("/consultations").status, 200, "the pages are served again by the same workers")


def stored():
    return int(sql1("SELECT COUNT(*) FROM comments WHERE body = '%s'"
                    % BODY.replace("\\", "\\\\").replace("'", "''")))


t.eq(stored(), 0, "nothing was stored during the outage")
r = c.post(act, got)
t.eq(r.status, 303, "pressing the kept form once the database is back: stored (303)")
t.eq(stored(), 1, "the comment is stored once")
r = c.post(act, got)
t.eq(r.status, 303, "pressing it again is the same answer")
t.eq(stored(), 1, "and stores nothing more (the nonce)")

# ---- the pages pass the Nu HTML checker (as 095 checks every route) ---------
d = os.path.join(VAR, "tmp", "180-pages")
os.makedirs(d, exist_ok=True)
for name, body in PAGES.items():
    with open(os.path.join(d, name + ".html"), "wb") as f:
        f.write(body)
if t.ok(os.path.isfile(VNU) and shutil.which("java"), "the Nu HTML checker is installed"):
    out = subprocess.run(["java", "-jar", VNU, "--errors-only", "--skip-non-html", d],
                         capture_output=True, text=True)
    t.ok(out.returncode == 0 and not out.stderr.strip(),
         "the 503 pages (with and without the kept form) have no Nu errors", out.stderr[:2000])
sys.exit(t.done())
