"""What an attacker found in the kernel and nginx (issue 9): files of a
refused upload removed (item 3), upload names checked as UTF-8 and cut
on a character boundary (4), one log line per request with control
characters escaped (5), Cache-Control: no-store on everything a session
sees (12), the tokens of /verify and /reset kept out of nginx's access
log (15, nginx's half), and the extras: /lang/…?next= with a control
character, invisible formatting characters in names and titles, nginx's
own pages and uploaded files with the security headers, a CSV export cut
in the middle seen as a broken transfer, and client addresses taken from
X-Forwarded-For only behind a configured proxy."""
import http.client
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.parse
import uuid
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, raw, sql, sql1, URL, VAR

t = Tap()
HOST, PORT = urllib.parse.urlsplit(URL).hostname, urllib.parse.urlsplit(URL).port
ROOT = os.environ.get("SHAREK_ROOT", ".")
UPLOADS = os.path.join(VAR, "uploads")
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"


def files():
    return set(os.listdir(UPLOADS))


def multipart(client, path, fields, filename, data):
    """A multipart POST whose file name is given as bytes (any bytes)."""
    boundary = "----sharek" + uuid.uuid4().hex
    parts = []
    for k, v in fields.items():
        parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"\r\n\r\n"
                      % (boundary, k)).encode() + v.encode() + b"\r\n")
    parts.append(("--%s\r\nContent-Disposition: form-data; name=\"file\"; filename=\""
                  % boundary).encode() + filename + b"\"\r\nContent-Type: application/pdf\r\n\r\n"
                 + data + b"\r\n")
    body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
    return client.request("POST", path, data=body, headers={
        "Content-Type": "multipart/form-data; boundary=" + boundary})


def headers_of(answer):
    head = answer.split(b"\r\n\r\n", 1)[0].decode("latin-1")
    found = {}
    for line in head.split("\r\n")[1:]:
        k, _, v = line.partition(":")
        found.setdefault(k.strip().lower(), []).append(v.strip())
    return head.split("\r\n")[0], found


sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "the supervisor signs in")
admin = Client()
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the administrator signs in")

# A draft of the supervisor's own, and an activity of another ministry.
r = sup.submit("/staff/activities/new", "/staff/activities/new", {
    "kind": "consultation", "audience": "public", "title_ar": "مسودة لاختبار الرفع",
    "summary_ar": "ملخص.", "objectives_ar": "أهداف.", "sectors": ["1"], "doc_kind": "articles"})
t.eq(r.status, 303, "a draft to upload to")
page = r.header("Location").split("?")[0].split("#")[0]
aid = page.rsplit("/", 1)[1]
moe_open = sql1("SELECT a.id FROM activities a JOIN entities e ON e.id = a.entity_id "
                "WHERE e.slug = 'moe' ORDER BY a.id LIMIT 1")
moh_open = sql1("SELECT a.id FROM activities a JOIN entities e ON e.id = a.entity_id "
                "WHERE e.slug = 'moh' AND a.state = 'open' ORDER BY a.id LIMIT 1")
_, hidden = sup.form(page, page + "/attachments")
csrf = hidden.get("csrf", "")

# ---- 3. a refused upload leaves no file --------------------------------------------
for what, path, fields, want in (
        ("an activity of another ministry (404)", "/staff/activities/%s/attachments" % moe_open,
         {"title_ar": "مرفق"}, 404),
        ("an activity that does not exist (404)", "/staff/activities/99999999/attachments",
         {"title_ar": "مرفق"}, 404),
        ("an open activity, not editable (409)", "/staff/activities/%s/attachments" % moh_open,
         {"title_ar": "مرفق"}, 409),
        ("an attachment without its title (422)", page + "/attachments", {}, 422),
        ("the document of another ministry's activity (404)",
         "/staff/activities/%s/document" % moe_open, {}, 404)):
    before = files()
    r = multipart(sup, path, dict(fields, csrf=csrf), b"study.pdf", PDF)
    t.eq(r.status, want, "upload to " + what)
    t.eq(files() - before, set(), "  and no file is left in var/uploads")
before = files()
r = multipart(sup, page + "/attachments", {"title_ar": "مرفق"}, b"study.pdf", PDF)
t.eq(r.status, 403, "an upload without the CSRF token: 403")
t.eq(files() - before, set(), "  and no file is left")
# A double submit: the second request's file is not kept either.
_, hidden = sup.form(page, page + "/attachments")
before = files()
form = {"csrf": hidden["csrf"], "nonce": uuid.uuid4().hex, "title_ar": "دراسة"}   # the form has none: ours
r1 = multipart(sup, page + "/attachments", form, b"study.pdf", PDF)
r2 = multipart(sup, page + "/attachments", form, b"study.pdf", PDF)
t.ok(r1.status == 303 and r2.status == 303, "the same form twice: 303 both times")
new = files() - before
stored = sql("SELECT u.stored_name FROM attachments x JOIN uploads u ON u.id = x.upload_id "
             "WHERE x.activity_id = %s" % aid)
t.eq(sorted(new), sorted(row[0] for row in stored),
     "one attachment stored, and exactly its file kept on disk")

# ---- 4. upload names ----------------------------------------------------------------
_, hidden = sup.form(page, page + "/attachments")
long_name = ("تقرير" * 40 + ".pdf").encode()      # 404 bytes, 204 characters
t.ok(len(long_name) > 255, "a long Arabic file name (%d bytes)" % len(long_name))
before = files()
r = multipart(sup, page + "/attachments", {"csrf": hidden["csrf"], "nonce": uuid.uuid4().hex,
                                            "title_ar": "اسم طويل"}, long_name, PDF)
t.eq(r.status, 303, "  is accepted (no database error, no 500)")
name = sql1("SELECT u.original_name FROM attachments x JOIN uploads u ON u.id = x.upload_id "
            "WHERE x.activity_id = %s AND x.title_ar = 'اسم طويل'" % aid)
t.ok(name is not None and len(name.encode()) <= 255 and name.endswith(".pdf") and
     long_name.decode().startswith(name[:-4]) and len(name.encode()) > 250,
     "  stored cut on a character boundary, at most 255 bytes, its extension kept", repr(name))
t.eq(len(files() - before), 1, "  with its file")
for what, bad in (("invalid UTF-8", b"report-\xff\xfe.pdf"),
                  ("a stray continuation byte", b"r\x80.pdf"),
                  ("an overlong encoding", b"\xc0\xafetc.pdf"),
                  ("a control character", b"a\x01b.pdf"),
                  ("a right-to-left override (extension spoofing)", "cod\u202efdp.exe".encode())):
    _, hidden = sup.form(page, page + "/attachments")
    before = files()
    r = multipart(sup, page + "/attachments", {"csrf": hidden["csrf"], "nonce": uuid.uuid4().hex,
                                                "title_ar": "مرفق"}, bad, PDF)
    t.eq(r.status, 422, "a file name with %s: 422" % what)
    t.ok("اسم الملف" in r.text, "  with a message", r.text[-1500:])
    t.eq(files() - before, set(), "  and no file left")
en = Client(lang="en")
en.login("supervisor@moh.sharek.test", prefix="/staff")
en.get("/staff/lang/en?next=/staff/")
_, hidden = en.form(page, page + "/attachments")
r = multipart(en, page + "/attachments", {"csrf": hidden["csrf"], "nonce": uuid.uuid4().hex,
                                         "title_ar": "مرفق"}, b"\xff.pdf", PDF)
t.ok(r.status == 422 and "file name" in r.text, "  the message in English too")

# ---- 5. log forging -------------------------------------------------------------------
log = os.path.join(VAR, "log", "public.log")
mark = uuid.uuid4().hex[:10]
for enc in ("%0a", "%0d", "%0d%0a", "%09", "%1b", "%7f", "%c2%85", "%e2%80%a8", "%e2%80%a9", "%ff"):
    Client().get("/x-%s%sFORGED-%s%%20info%%20GET%%20/%%20200" % (mark, enc, mark))
Client().get("/x-%s%%0aFORGED-%s" % (mark, mark))
with open(log, encoding="utf-8", errors="replace") as f:
    lines = [ln for ln in f if mark in ln]
t.ok(lines and not any(ln.startswith("FORGED") or "FORGED" in ln and "x-" + mark not in ln
                       for ln in lines), "no request writes a line of its own into the program log",
     "".join(lines[-12:]))
t.eq(len(lines), 11, "one line per request (11 requests, 11 lines)")
for esc in ("\\x0a", "\\x0d", "\\x09", "\\x1b", "\\x7f", "\\u0085", "\\u2028", "\\u2029", "\\xff"):
    t.ok(any(esc in ln for ln in lines), "  %s is written escaped" % esc, "".join(lines))
with open(log, "rb") as f:
    mine = [ln for ln in f.read().split(b"\n") if mark.encode() in ln]
t.ok(not any(b"\xe2\x80\xa8" in ln or b"\r" in ln or b"\t" in ln or b"\x1b" in ln for ln in mine),
     "  and no raw CR, tab, ESC or U+2028 in them")

# ---- 12. no-store on what a session sees ------------------------------------------------
cit = Client()
t.eq(cit.login("citizen@sharek.test").status, 303, "the citizen signs in")
for who, c, path in (("citizen", cit, "/"), ("citizen", cit, "/me"), ("citizen", cit, "/consultations"),
                     ("supervisor", sup, "/staff/"), ("supervisor", sup, page),
                     ("admin", admin, "/staff/audit"), ("admin", admin, "/staff/audit.csv"),
                     ("citizen", cit, "/feeds/activities.atom"),
                     ("citizen", cit, "/lang/en?next=/")):
    r = c.get(path)
    t.ok(r.status < 500 and r.header("Cache-Control") == "no-store" and
         len(r.headers.get_all("Cache-Control") or []) == 1,
         "%s %s (%d): Cache-Control: no-store" % (who, path, r.status), r.headers.get_all("Cache-Control"))
anon = Client()
r = anon.get("/consultations")
t.ok(r.status == 200 and "no-store" not in (r.header("Cache-Control") or ""),
     "an anonymous public page stays cacheable as before", r.header("Cache-Control"))
r = anon.get("/feeds/activities.atom")
t.eq(r.header("Cache-Control"), "no-cache", "an anonymous feed keeps its validators (no-cache)")
r = Client().get("/staff/login")
t.ok("no-store" not in (r.header("Cache-Control") or ""), "the anonymous sign-in page: as before")
r = cit.post("/logout", {})    # without the token: refused, but still a request with a session
t.eq(r.header("Cache-Control"), "no-store", "an error answered to a request with a session: no-store")

# ---- /lang/…?next= with a control character ---------------------------------------------
for nxt, want in (("%09", "/"), ("/%09/evil.example", "/"), ("/consultations%0d", "/"),
                  ("/%0a/x", "/"), ("//evil.example", "/"), ("/%5cevil.example", "/"),
                  ("https://evil.example/", "/"), ("/\t/evil.example", "/"),
                  ("/consultations", "/consultations"), ("/consultations?q=1", "/consultations?q=1")):
    r = Client().get("/lang/en?next=" + nxt.replace("\t", "%09"))
    t.ok(r.status == 303 and r.header("Location") == want,
         "/lang/en?next=%s: 303 to %s" % (nxt.encode("unicode_escape").decode(), want),
         "%d %r" % (r.status, r.header("Location")))
r = Client().get("/staff/lang/ar?next=%0d%0aSet-Cookie:%20x=1")
t.ok(r.status == 303 and r.header("Location") == "/" and "x=1" not in str(r.headers),
     "a header injection through next= gives a 303 to / and no header", str(r.headers))

# ---- invisible formatting characters in names and titles ---------------------------------
INVISIBLE = ["\u202e", "\u202a", "\u2066", "\u2069", "\u200b", "\u200d", "\u200f", "\ufeff"]
reg = Client()
for ch in INVISIBLE:
    r = reg.submit("/register", "/register", {
        "kind": "person", "full_name": "ليلى" + ch + "أحمد", "email": "bidi-%s@example.org" % mark,
        "mobile": "+962 79 123 4567", "password": "a-long-password-1",
        "password2": "a-long-password-1", "accept": "1", "lang": "ar"})
    t.ok(r.status == 422 and "غير مرئية" in r.text and "ليلىأحمد" in r.text,
         "register: a full name with U+%04X is refused with a message, the rest kept" % ord(ch),
         "%d %s" % (r.status, r.text[-1500:]))
t.eq(sql1("SELECT COUNT(*) FROM users WHERE email = 'bidi-%s@example.org'" % mark), "0",
     "  and no account is created")
r = Client(lang="en").submit("/register", "/register", {"kind": "person", "full_name": "Laila\u202e"})
t.ok(r.status == 422 and "invisible" in r.text, "  the message in English too")
r = reg.submit("/register", "/register", {"kind": "person", "full_name": "ليلى أحمد"})
t.ok("غير مرئية" not in r.text, "a name without them passes that check")
for who, c, form, action, fields in (
        ("an entity name", admin, "/staff/entities/new", "/staff/entities/new",
         {"name_ar": "وزارة\u200bالاختبار", "name_en": "Ministry of Tests", "kind": "ministry",
          "slug": "bidi-" + mark}),
        ("an activity title", sup, "/staff/activities/new", "/staff/activities/new",
         {"kind": "consultation", "audience": "public", "title_ar": "عنوان\u202eمقلوب",
          "summary_ar": "ملخص.", "objectives_ar": "أهداف.", "sectors": ["1"], "doc_kind": "articles"}),
        ("an article title", sup, page, page + "/articles",
         {"number_label": "1", "title_ar": "\u2067النطاق", "body_ar": "نص المادة."}),
        ("an attachment title", None, None, None, None)):
    if c is None:
        _, hidden = sup.form(page, page + "/attachments")
        r = multipart(sup, page + "/attachments", {"csrf": hidden["csrf"], "nonce": uuid.uuid4().hex,
                                                    "title_ar": "دراسة\ufeff"}, b"a.pdf", PDF)
    else:
        r = c.submit(form, action, fields)
    t.ok(r.status == 422 and "غير مرئية" in r.text, "staff: %s with an invisible character: 422" % who,
         "%d %s" % (r.status, r.text[-1200:]))
t.eq(sql1("SELECT COUNT(*) FROM entities WHERE slug = 'bidi-%s'" % mark), "0", "  nothing stored")

# ---- 15 (nginx): tokens stay out of the access log -----------------------------------------
access = os.path.join(VAR, "log", "nginx-access.log")
secret = "S3cr3t" + uuid.uuid4().hex + "XyZ"          # 41 characters, no real token
for path in ("/verify?t=%s" % secret, "/reset?t=%s" % secret, "/reset?x=1&t=%s" % secret,
             "/staff/invite?t=%s" % secret, "/consultations?token=%s" % secret):
    Client().get(path)
Client().get("/consultations?q=kept-" + mark)
Client().get("/consultations", headers={"Referer": URL + "/reset?t=" + secret})
Client().get("/consultations", headers={"Referer": URL + "/x?a=1&token=" + secret})
with open(access, encoding="utf-8", errors="replace") as f:
    text = f.read()
t.ok(secret not in text, "no token in nginx's access log (request lines, referrers)",
     "\n".join(ln for ln in text.splitlines() if secret in ln))
t.ok(re.search(r'"GET /verify HTTP/1\.1" \d+', text) and re.search(r'"GET /reset HTTP/1\.1" \d+', text),
     "  /verify and /reset are logged without their query string")
t.ok("/consultations?q=kept-" + mark in text, "  other query strings are logged as before")

# ---- nginx's own answers and uploaded files carry the security headers ------------------
def security(found, what, csp_has=None):
    csp = found.get("content-security-policy", [])
    t.ok(len(csp) == 1 and (csp_has is None or csp_has in csp[0]) and
         found.get("x-content-type-options") == ["nosniff"] and
         "frame-ancestors 'none'" in csp[0] and found.get("x-frame-options") == ["DENY"] and
         len(found.get("referrer-policy", [])) == 1,
         what + ": CSP (once, frame-ancestors 'none'), nosniff, X-Frame-Options, Referrer-Policy",
         found)


status, found = headers_of(raw(b"GET /static/no-such-file.css HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
t.ok(" 404 " in status, "nginx answers a missing static file itself (404)")
security(found, "  its error page")
status, found = headers_of(raw(b"GET / HTTP/1.1\r\nHost: a\r\nHost: b\r\nConnection: close\r\n\r\n"))
t.ok(" 400 " in status, "a malformed request: nginx's own 400")
security(found, "  its error page")
status, found = headers_of(raw(b"GET /staff HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
t.ok(" 301 " in status, "nginx's own redirect /staff → /staff/")
security(found, "  the redirect")
css = sorted(n for n in os.listdir(os.path.join(ROOT, "static")) if n.endswith(".css"))
status, found = headers_of(raw(("GET /static/%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"
                                % css[0]).encode()))
t.ok(" 200 " in status, "a static file (%s)" % css[0])
security(found, "  the static file")
status, found = headers_of(raw(b"GET / HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n"))
security(found, "a page of the program (not doubled by nginx)", "default-src 'self'")
# A file of a public activity, sent by nginx (X-Accel-Redirect).
stored = uuid.uuid4().hex
with open(os.path.join(UPLOADS, stored), "wb") as f:
    f.write(PDF)
os.chmod(os.path.join(UPLOADS, stored), 0o644)
sql("INSERT INTO uploads (stored_name, original_name, mime, size, sha256, uploaded_by, created_at) "
    "VALUES ('%s', 'probe.pdf', 'application/pdf', %d, UNHEX(SHA2('probe', 256)), NULL, UTC_TIMESTAMP())"
    % (stored, len(PDF)))
upload = sql1("SELECT id FROM uploads WHERE stored_name = '%s'" % stored)
sql("INSERT INTO attachments (activity_id, upload_id, title_ar, created_at) VALUES (%s, %s, 'ملحق', UTC_TIMESTAMP())"
    % (moh_open, upload))
answer = raw(("GET /files/%s HTTP/1.1\r\nHost: x\r\nConnection: close\r\n\r\n" % stored).encode())
status, found = headers_of(answer)
t.ok(" 200 " in status and answer.endswith(PDF), "an uploaded file is sent", status)
security(found, "  an uploaded file", "sandbox")
t.ok("default-src 'none'" in found.get("content-security-policy", [""])[0],
     "  under its own policy (default-src 'none')")
r = cit.get("/files/" + stored)
t.eq(r.header("Cache-Control"), "no-store", "  downloaded with a session: no-store")
r = Client().get("/files/" + stored)
t.ok(r.status == 200 and r.header("Cache-Control") == "private, max-age=3600",
     "  anonymously: cacheable by the browser as before", r.header("Cache-Control"))
sql("DELETE FROM attachments WHERE upload_id = %s" % upload)
sql("DELETE FROM uploads WHERE id = %s" % upload)
os.unlink(os.path.join(UPLOADS, stored))

# ---- trusted proxies -------------------------------------------------------------------------
c = Client()
c.get("/login", headers={"X-Forwarded-For": "203.0.113.7", "X-Real-IP": "203.0.113.8"})
r = c.submit("/login", "/login", {"email": "citizen@sharek.test", "password": "sharek-demo-2026"})
t.eq(r.status, 303, "sign in while claiming another address in X-Forwarded-For")
ips = sql("SELECT ip FROM sessions ORDER BY created_at DESC LIMIT 1")
t.ok(ips and ips[0][0] == "127.0.0.1",
     "  no proxy is trusted by default: the connection's own address is the client's", ips)
with tempfile.TemporaryDirectory() as d:
    env = dict(os.environ, VAR=d, PORT="18999", SHAREK_NGINX_TRUSTED_PROXIES="10.0.0.0/8 192.0.2.1")
    out = subprocess.run(["bash", os.path.join(ROOT, "scripts/stack"), "nginx-conf"], env=env,
                         capture_output=True, text=True)
    conf = out.stdout
    t.ok(out.returncode == 0 and "set_real_ip_from 10.0.0.0/8;" in conf and
         "set_real_ip_from 192.0.2.1;" in conf and "real_ip_header X-Forwarded-For;" in conf
         and "real_ip_recursive on;" in conf,
         "scripts/stack nginx-conf with trusted proxies: set_real_ip_from per proxy, X-Forwarded-For",
         out.stderr + conf[:0])
    env.pop("SHAREK_NGINX_TRUSTED_PROXIES")
    out = subprocess.run(["bash", os.path.join(ROOT, "scripts/stack"), "nginx-conf"], env=env,
                         capture_output=True, text=True)
    t.ok(out.returncode == 0 and "set_real_ip_from" not in out.stdout and "server {" in out.stdout,
         "  without: no proxy trusted", out.stderr)
    if "set_real_ip_from 10.0.0.0/8;" in conf:
        for n in ("body", "proxy", "fastcgi", "uwsgi", "scgi"):
            os.makedirs(os.path.join(d, "nginx", n), exist_ok=True)
        os.makedirs(os.path.join(d, "log"), exist_ok=True)
        os.makedirs(os.path.join(d, "run"), exist_ok=True)
        path = os.path.join(d, "nginx.conf")
        with open(path, "w") as f:
            f.write(conf)
        chk = subprocess.run(["nginx", "-t", "-q", "-c", path, "-p", d + "/",
                              "-e", os.path.join(d, "log", "e.log")], capture_output=True, text=True)
        t.ok(chk.returncode == 0, "  and nginx accepts that configuration", chk.stderr)
prod = open(os.path.join(ROOT, "conf", "nginx-production.conf")).read()
t.ok(re.search(r"#\s*set_real_ip_from ", prod) and "real_ip_header X-Forwarded-For" in prod,
     "the production configuration documents the trusted proxies (a commented example)")
t.ok("log_format sharek" in prod and "access_log" in prod and "$sharek_request" in prod,
     "  and logs with the token-free request line")

# ---- nginx's own errors in both languages ---------------------------------------------------
r = Client(lang="en").get("/static/no-such-file.css")
t.ok(r.status == 404 and 'lang="ar"' in r.text and "This file does not exist" in r.text
     and "الملف المطلوب غير موجود" in r.text, "a missing static file: a page in both languages", r.status)
u = urllib.parse.urlsplit(URL)
hc = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
hc.putrequest("POST", "/consultations/1/comments")
hc.putheader("Content-Type", "application/x-www-form-urlencoded")
hc.putheader("Content-Length", str(26 * 1024 * 1024))
hc.endheaders()
resp = hc.getresponse()
body = resp.read().decode("utf-8", "replace")
hc.close()
t.ok(resp.status == 413 and "What you sent is too large" in body and "ما أرسلته كبير جدًا" in body,
     "a request over 25 MB: nginx's 413 in both languages, saying nothing was stored", resp.status)
for conf_name in ("nginx.conf.in", "nginx-production.conf"):
    c = open(os.path.join(ROOT, "conf", conf_name)).read()
    t.ok("error_page 413 /413.html;" in c and "error_page 404 /404.html;" in c,
         "%s: both pages are nginx's answers" % conf_name)

# ---- a CSV export that fails in the middle is a broken transfer -----------------------------
# Enough rows that the export cannot be done before the client reads on
# (nginx keeps exports in memory only, so the worker waits for us), then
# the worker's database connection is killed in the middle.
sql("INSERT INTO audit_log (at, role, action, object_type, summary) "
    "SELECT UTC_TIMESTAMP(3), 'system', 'test.bulk-%s', 'test', REPEAT('x', 900) FROM seq_1_to_40000" % mark)
cookie = admin.cookie("sk_session")
s = socket.socket()
s.setsockopt(socket.SOL_SOCKET, socket.SO_RCVBUF, 4096)
s.connect((HOST, PORT))
s.settimeout(120)
conn = http.client.HTTPConnection(HOST, PORT, timeout=120)
conn.sock = s
conn.request("GET", "/staff/audit.csv?action=test.bulk-" + mark, headers={"Cookie": "sk_session=" + cookie})
resp = conn.getresponse()
t.eq(resp.status, 200, "a long export starts (200)")
first = resp.read(2000)
t.ok(first.startswith(b"\xef\xbb\xbfid,"), "  with its header line")
ids = []
for _ in range(600):                      # the statement shows while it streams
    ids = sql("SELECT id FROM information_schema.processlist WHERE user = 'sharek_staff' "
              "AND info LIKE '%%FROM audit_log l%%'")
    if ids:
        break
    time.sleep(0.05)
t.ok(ids, "the worker is in the middle of the statement")
for row in ids:
    sql("KILL CONNECTION %s" % row[0])
broken = None
got = len(first)
try:
    while True:
        chunk = resp.read(65536)
        if not chunk:
            break
        got += len(chunk)
except (http.client.IncompleteRead, ConnectionError) as e:
    broken = e
t.ok(broken is not None, "the client sees a broken transfer, not a complete 200 (%d bytes of %d)"
     % (got, 40000 * 950), "read %d bytes and a clean end" % got)
t.ok(got < 40000 * 900, "  short of the whole export")
conn.close()
sql("DELETE FROM audit_log WHERE action = 'test.bulk-%s'" % mark)
r = admin.get("/staff/audit")
t.eq(r.status, 200, "the staff program serves the next request normally")

sys.exit(t.done())
