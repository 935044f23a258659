"""Overload (issue 17): beyond what a program admits at once, nginx
answers at once with 503, Retry-After and a small static page in Arabic
and English, instead of queueing the request behind busy workers; sign-ins
(argon2 hashes) have a smaller cap of their own.  Proved with small
configured limits, not by load: a second nginx runs the stack's own
configuration (scripts/stack nginx-conf) with the caps turned down to 2
requests per program and 1 sign-in, in front of the same FastCGI
workers; requests whose bodies never finish hold the slots.  Behind
nginx, the programs' own cap on password hashes at once ([limits]
pwhash_concurrent, lock files under var/run): with every slot held
here, the staff sign-in answers its own 503 with Retry-After and the
form again with the e-mail address typed."""
import fcntl
import glob
import os
import re
import socket
import subprocess
import sys
import tempfile
import time
import urllib.error
import urllib.request
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, VAR

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", os.path.join(os.path.dirname(__file__), "..", ".."))

# ---- the stack's configuration, caps turned down, on a port of its own ------
s = socket.socket()
s.bind(("127.0.0.1", 0))
PORT = s.getsockname()[1]
s.close()
env = dict(os.environ, VAR=VAR, PORT=str(PORT))
conf = subprocess.run(["bash", os.path.join(ROOT, "scripts/stack"), "nginx-conf"],
                      env=env, capture_output=True, text=True, check=True).stdout
t.ok(re.search(r"limit_conn sharek_busy \d+;", conf) and "limit_conn sharek_signin" in conf
     and "error_page 503 /503.html;" in conf and "Retry-After" in conf,
     "the stack's nginx caps each program and sign-ins and answers its 503 with a page")
tmp = tempfile.mkdtemp(prefix="sharek-176-")
conf = re.sub(r"limit_conn sharek_busy \d+;", "limit_conn sharek_busy 2;", conf)
conf = re.sub(r"limit_conn sharek_signin \d+;", "limit_conn sharek_signin 1;", conf)
conf = re.sub(r"(?m)^pid .*;$", "pid %s/nginx.pid;" % tmp, conf)
conf = re.sub(r"(?m)^(\s*)access_log \S+", r"\1access_log %s/access.log" % tmp, conf)
with open(os.path.join(tmp, "nginx.conf"), "w") as f:
    f.write(conf)
subprocess.run(["nginx", "-c", os.path.join(tmp, "nginx.conf"), "-p", tmp + "/",
                "-e", os.path.join(tmp, "error.log")], check=True)
URL = "http://127.0.0.1:%d" % PORT


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


opener = urllib.request.build_opener(NoRedirect())


def fetch(path, data=None):
    """(status, headers, body text, seconds) of one request."""
    h = {"User-Agent": "sharek-tests", "Origin": URL}
    start = time.time()
    try:
        with opener.open(urllib.request.Request(URL + path, data=data, headers=h), timeout=10) as r:
            st, hd, body = r.status, r.headers, r.read()
    except urllib.error.HTTPError as e:
        st, hd, body = e.code, e.headers, e.read()
    return st, hd, body.decode("utf-8", "replace"), time.time() - start


def hold(method_path):
    """Opens a request whose body never finishes: it holds its slot until
    closed."""
    c = socket.create_connection(("127.0.0.1", PORT), timeout=10)
    c.sendall(("%s HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: "
               "application/x-www-form-urlencoded\r\nContent-Length: 1000\r\n\r\nbody=x"
               % method_path).encode())
    return c


for _ in range(50):
    try:
        if fetch("/")[0] == 200:
            break
    except OSError:
        time.sleep(0.1)

try:
    st, hd, body, _ = fetch("/")
    t.eq(st, 200, "the home page through the second nginx, nothing held")

    # ---- one sign-in held: the next one is refused at once --------------------
    a = hold("POST /login")
    time.sleep(0.5)
    st, hd, body, secs = fetch("/login", b"email=a%40example.org&password=x")
    t.eq(st, 503, "a second sign-in while one is in progress: 503 (the sign-in cap is 1)")
    t.ok(secs < 2, "at once, not after a wait (%.2f s)" % secs)
    ra = hd.get("Retry-After") or ""
    t.ok(ra.isdigit() and 1 <= int(ra) <= 60, "with Retry-After in seconds", ra)
    t.ok((hd.get("Content-Type") or "").startswith("text/html"), "an HTML page", hd.get("Content-Type"))
    t.ok('<html lang="ar" dir="rtl">' in body and "الخدمة مشغولة" in body,
         "in Arabic", body[:200])
    t.ok('lang="en" dir="ltr"' in body and "The service is busy" in body and
         "try again in a few seconds" in body, "and in English", body[:200])
    t.eq(hd.get("Cache-Control"), "no-store", "never kept by a cache")
    t.ok(hd.get("X-Frame-Options") == "DENY" and "default-src 'self'" in (hd.get("Content-Security-Policy") or ""),
         "with the security headers of every page")
    st, _, _, _ = fetch("/")
    t.eq(st, 200, "other pages still answer (the program has room for 2)")

    # ---- the program's cap reached: its pages are refused, not queued ---------
    b = hold("POST /consultations/1/comments")
    time.sleep(0.5)
    st, hd, body, secs = fetch("/consultations")
    t.eq(st, 503, "a third request to the public program while two are in progress: 503")
    t.ok(secs < 2 and (hd.get("Retry-After") or "").isdigit() and "The service is busy" in body,
         "at once, with Retry-After and the page (%.2f s)" % secs)
    st, _, body, _ = fetch("/static/sharek.css")
    t.eq(st, 200, "static files are not counted")
    st, _, _, _ = fetch("/staff/login")
    t.eq(st, 200, "another program has its own cap")

    # ---- released: back at once -------------------------------------------------
    a.close()
    b.close()
    time.sleep(0.3)
    st, _, _, secs = fetch("/")
    t.eq(st, 200, "once the held requests end, the pages answer again")
    st, _, body, _ = fetch("/login", b"email=a%40example.org&password=x")
    t.ok(st != 503, "and a sign-in is taken (answered by the program: %d)" % st)
finally:
    try:
        with open(os.path.join(tmp, "nginx.pid")) as f:
            os.kill(int(f.read().strip()), 15)
    except (OSError, ValueError):
        pass

# ---- the programs' own cap on password hashes: every slot held here -----------------
locks = []
for path in sorted(glob.glob(os.path.join(VAR, "run", "pwhash.*.lock"))):
    f = open(path, "r+")
    fcntl.flock(f, fcntl.LOCK_EX)
    locks.append(f)
t.ok(locks, "the hash slots' lock files (var/run/pwhash.N.lock), all held by the test", len(locks))
try:
    c = Client(lang="en")
    start = time.time()
    r = c.submit("/staff/login", "/staff/login", {"email": "admin@sharek.test", "password": "not-the-password"})
    secs = time.time() - start
    t.eq(r.status, 503, "a staff sign-in with no hash slot free: 503 (after %.1f s)" % secs)
    ra = r.header("Retry-After") or ""
    t.ok(ra.isdigit() and 1 <= int(ra) <= 30, "  … with Retry-After: a few seconds", ra)
    t.ok("The service is busy" in r.text and 'action="/staff/login"' in r.text,
         "  … on the sign-in form, which says so", r.text[-1500:])
    t.ok(re.search(r'<input[^>]*name="email"[^>]*value="admin@sharek.test"', r.text)
         or re.search(r'<input[^>]*value="admin@sharek.test"[^>]*name="email"', r.text),
         "  … with the e-mail address typed kept in its field")
    t.ok("not-the-password" not in r.text, "  … and never the password")
    r = Client(lang="en").submit("/staff/login", "/staff/login",
                                 {"email": "nobody-176@example.org", "password": "not-the-password"})
    t.ok(r.status == 503 and (r.header("Retry-After") or "").isdigit(),
         "  … the same 503 for an address that has no account (never telling the two apart)", r.status)
finally:
    for f in locks:
        f.close()
r = Client(lang="en").submit("/staff/login", "/staff/login",
                             {"email": "nobody-176@example.org", "password": "not-the-password"})
t.eq(r.status, 422, "the slots free again: the sign-in is answered (a wrong password: 422)")
t.done()
