"""Helpers for Sharek's black-box HTTP tests (standard library only).

Tests run under /usr/bin/python3 against the stack that tests/run
started: $SHAREK_URL (nginx), $SHAREK_SQL (mariadb client command),
$SHAREK_VAR (the stack's var dir: mail/ and sms/ outboxes).
"""
import base64
import fcntl
import hashlib
import hmac
import html.parser
import http.client
import http.cookiejar
import json
import os
import re
import secrets
import socket
import struct
import subprocess
import sys
import time
import urllib.error
import urllib.parse
import urllib.request
import uuid

URL = os.environ.get("SHAREK_URL", "http://127.0.0.1:8080")
VAR = os.environ.get("SHAREK_VAR", "var")
SQL = os.environ.get("SHAREK_SQL", "mariadb -N -B sharek")
DEMO_PASSWORD = "sharek-demo-2026"


class Tap:
    """TAP output: one line per check; done() gives the exit status."""

    def __init__(self):
        self.n = 0
        self.failed = 0

    def ok(self, cond, desc, detail=None):
        self.n += 1
        print(("ok" if cond else "not ok") + " %d - %s" % (self.n, desc))
        if not cond:
            self.failed += 1
            if detail is not None:
                for line in str(detail).splitlines()[:30]:
                    print("#   " + line)
        sys.stdout.flush()
        return cond

    def eq(self, got, want, desc):
        return self.ok(got == want, desc, "got  %r\nwant %r" % (got, want))

    def done(self):
        print("1..%d" % self.n)
        return 1 if self.failed else 0


class NoRedirect(urllib.request.HTTPRedirectHandler):
    def redirect_request(self, *args, **kwargs):
        return None


class Response:
    def __init__(self, status, headers, body):
        self.status = status
        self.headers = headers
        self.raw = body
        self.text = body.decode("utf-8", "replace")

    def header(self, name):
        return self.headers.get(name)

    def __repr__(self):
        return "<%d %s>" % (self.status, self.text[:200])


class Client:
    """A browser-like client with its own cookie jar.  Redirects are not
    followed unless follow=True; POSTs carry a same-origin Origin.  Its
    requests pass nginx's anonymous page cache (X-Sharek-Nocache, test
    and development only), so a test sees what it just changed at once;
    cache=True reads through the cache as a browser does (test 172)."""

    def __init__(self, lang=None, cache=False):
        self.jar = http.cookiejar.CookieJar()
        self.opener = urllib.request.build_opener(
            urllib.request.HTTPCookieProcessor(self.jar), NoRedirect())
        self.lang = lang
        self.cache = cache

    def request(self, method, path, data=None, headers=None, follow=False):
        h = {"User-Agent": "sharek-tests"}
        if self.lang:
            h["Accept-Language"] = self.lang
        if not self.cache:
            h["X-Sharek-Nocache"] = "1"
        if method == "POST":
            h["Origin"] = URL
        h.update(headers or {})
        req = urllib.request.Request(URL + path, data=data, headers=h,
                                     method=method)
        try:
            with self.opener.open(req, timeout=30) as r:
                resp = Response(r.status, r.headers, r.read())
        except urllib.error.HTTPError as e:
            resp = Response(e.code, e.headers, e.read())
        if follow and resp.status in (301, 302, 303) and resp.header("Location"):
            loc = resp.header("Location")
            if loc.startswith(URL):
                loc = loc[len(URL):]
            return self.request("GET", loc, follow=True)
        return resp

    def get(self, path, **kw):
        return self.request("GET", path, **kw)

    def post(self, path, fields, headers=None, follow=False):
        body = urllib.parse.urlencode(fields, doseq=True).encode()
        h = {"Content-Type": "application/x-www-form-urlencoded"}
        h.update(headers or {})
        return self.request("POST", path, data=body, headers=h, follow=follow)

    def post_multipart(self, path, fields, files, headers=None):
        """files: {name: (filename, bytes, content_type)}"""
        boundary = "----sharek" + uuid.uuid4().hex
        parts = []
        for k, vs in fields.items():
            for v in (vs if isinstance(vs, list) else [vs]):
                parts.append(("--%s\r\nContent-Disposition: form-data; "
                              "name=\"%s\"\r\n\r\n" % (boundary, k)).encode()
                             + str(v).encode() + b"\r\n")
        for k, (fn, data, ct) in files.items():
            parts.append(("--%s\r\nContent-Disposition: form-data; name=\"%s\"; "
                          "filename=\"%s\"\r\nContent-Type: %s\r\n\r\n"
                          % (boundary, k, fn, ct)).encode() + data + b"\r\n")
        body = b"".join(parts) + ("--%s--\r\n" % boundary).encode()
        h = {"Content-Type": "multipart/form-data; boundary=" + boundary}
        h.update(headers or {})
        return self.request("POST", path, data=body, headers=h)

    def form(self, path, form_action=None):
        """GETs a page and returns (response, hidden fields of its first form
        whose action ends with form_action, or the first form)."""
        r = self.get(path)
        return r, hidden_fields(r.text, form_action)

    def submit(self, page, action, fields, follow=False):
        """Loads page, takes the hidden fields (csrf, nonce…) of the form
        posting to action, adds fields, posts."""
        _, hidden = self.form(page, action)
        data = dict(hidden)
        data.update(fields)
        return self.post(action, data, follow=follow)

    def cookie(self, name):
        for c in self.jar:
            if c.name == name:
                return c.value
        return None

    def login(self, email, password=DEMO_PASSWORD, prefix="", factor=True):
        """Signs in.  A staff account's second factor is given on the way
        (factor=False stops after the password): the code computed from
        the secret this run enrolled (factor_state), or, when the account
        must enrol, the enrolment itself.  Returns the answer of the last
        step that signed in (303), or the first one that failed."""
        r = self.submit(prefix + "/login", prefix + "/login",
                        {"email": email, "password": password})
        if not factor or r.status != 303:
            return r
        loc = _local(r.header("Location"))
        if loc.startswith(FACTOR_CODE):
            return self.factor_code(email, loc)
        if loc.startswith(FACTOR_ENROL):
            e = self.factor_enrol(email, loc)
            return r if e.status == 200 and getattr(e, "codes", None) else e
        return r

    def factor_code(self, email, page):
        """Types the next unused TOTP code of email's enrolled secret on
        the code page (page: its path with next=)."""
        st = factor_state(email)
        if not st:
            return Response(599, {}, b"no TOTP secret enrolled by the tests for " + email.encode())
        step = factor_step(st["last_step"])
        r = self.submit(page, FACTOR_CODE, {"code": totp(st["secret"], step=step)})
        if r.status == 303:
            factor_save(email, last_step=step)
        return r

    def factor_enrol(self, email, page):
        """Enrols from the enrolment page: begins, reads the key shown as
        text, types its code.  The answer (200: the recovery codes page)
        carries .secret and .codes; both are kept for later sign-ins."""
        r = self.get(page)
        if 'action="%s/start"' % FACTOR_ENROL in r.text and 'id="totp-secret"' not in r.text:
            r = self.post(FACTOR_ENROL + "/start", hidden_fields(r.text, FACTOR_ENROL + "/start"))
            if r.status != 303:
                return r
            page = _local(r.header("Location"))
            r = self.get(page)
        secret = enrol_secret(r.text)
        if not secret:
            return r
        step = factor_step(0)
        data = dict(hidden_fields(r.text, FACTOR_ENROL))
        data["code"] = totp(secret, step=step)
        r = self.post(FACTOR_ENROL, data)
        r.secret = secret
        r.codes = recovery_codes(r.text) if r.status == 200 else []
        if r.codes:
            factor_save(email, secret=secret, last_step=step, codes=r.codes)
        return r


# ---- the second factor of staff (issue 9) --------------------------------------
FACTOR_CODE = "/staff/login/code"
FACTOR_ENROL = "/staff/2fa/enrol"
FACTOR_FILE = os.path.join(VAR, "test-totp.json")


def _local(loc):
    loc = loc or ""
    return loc[len(URL):] if loc.startswith(URL) else loc


def totp(secret, t=None, step=None):
    """RFC 6238 with the standard library: HMAC-SHA-1 over the 30-second
    step, dynamic truncation, six digits.  secret: base32, spaces and
    case ignored."""
    key = secret.replace(" ", "").upper()
    key = base64.b32decode(key + "=" * (-len(key) % 8))
    if step is None:
        step = int((time.time() if t is None else t) // 30)
    mac = hmac.new(key, struct.pack(">Q", step), hashlib.sha1).digest()
    off = mac[-1] & 0x0F
    return "%06d" % ((struct.unpack(">I", mac[off:off + 4])[0] & 0x7FFFFFFF) % 1000000)


def factor_step(last):
    """A step whose code the server accepts now (it takes the steps now-1,
    now and now+1) and that is after last (a spent step is a replay):
    the earliest such, waiting for the next step when all three are
    spent.  now-1 only well inside the current step, so it is still in
    the server's window when the request arrives."""
    while True:
        now = time.time()
        cur = int(now // 30)
        cands = ([cur - 1] if now % 30 < 20 else []) + [cur, cur + 1]
        for s in cands:
            if s > last:
                return s
        time.sleep((cur + 1) * 30 - now + 0.2)


def _factor_file(update=None):
    with open(FACTOR_FILE, "a+", encoding="utf-8") as f:
        fcntl.flock(f, fcntl.LOCK_EX)
        f.seek(0)
        text = f.read()
        data = json.loads(text) if text.strip() else {}
        if update is not None:
            update(data)
            f.seek(0)
            f.truncate()
            json.dump(data, f)
        return data


def factor_state(email):
    """{secret, last_step, codes} of email as this test run enrolled it,
    or None.  A secret the browser tests enrolled ($VAR/totp/EMAIL, as
    tests/browser/lib.mjs keeps it) serves too."""
    st = _factor_file().get(email)
    if st is None and os.path.isfile(os.path.join(VAR, "totp", email)):
        with open(os.path.join(VAR, "totp", email), encoding="utf-8") as f:
            st = {"secret": f.read().strip(), "last_step": int(time.time() // 30), "codes": []}
    return st


def factor_save(email, **kw):
    def up(data):
        data.setdefault(email, {"secret": None, "last_step": 0, "codes": []}).update(kw)
    _factor_file(up)
    if kw.get("secret"):
        # Where the browser tests look for it.
        os.makedirs(os.path.join(VAR, "totp"), exist_ok=True)
        with open(os.path.join(VAR, "totp", email), "w", encoding="utf-8") as f:
            f.write(kw["secret"] + "\n")


def factor_forget(email):
    _factor_file(lambda data: data.pop(email, None))
    if os.path.isfile(os.path.join(VAR, "totp", email)):
        os.unlink(os.path.join(VAR, "totp", email))


def enrol_secret(text):
    """The key the enrolment page shows as text (grouped base32)."""
    m = re.search(r'id="totp-secret"[^>]*>([A-Z2-7 ]+)<', text)
    return m.group(1).replace(" ", "") if m else None


def recovery_codes(text):
    m = re.search(r'<ol class="recovery-codes"[^>]*>(.*?)</ol>', text, re.S)
    return re.findall(r"<code>([0-9a-z-]+)</code>", m.group(1)) if m else []


class _Forms(html.parser.HTMLParser):
    def __init__(self):
        super().__init__()
        self.forms = []

    def handle_starttag(self, tag, attrs):
        a = dict(attrs)
        if tag == "form":
            self.forms.append({"action": a.get("action", ""), "hidden": {}})
        elif tag == "input" and self.forms and a.get("type") == "hidden":
            self.forms[-1]["hidden"][a.get("name")] = a.get("value", "")


def hidden_fields(text, action=None):
    p = _Forms()
    p.feed(text)
    # A search form (method GET) may share the action: prefer the one
    # that carries a CSRF token.
    found = [f for f in p.forms if action is None or f["action"].endswith(action)]
    for f in found:
        if "csrf" in f["hidden"]:
            return f["hidden"]
    return found[0]["hidden"] if found else {}


def sql(query):
    """Runs a query with the admin account; rows as lists of strings."""
    out = subprocess.run(SQL.split() + ["-e", query], capture_output=True,
                         text=True, check=True).stdout
    return [line.split("\t") for line in out.splitlines()]


def sql1(query):
    rows = sql(query)
    return rows[0][0] if rows else None


def counts(activity):
    """Activity's (comments awaiting moderation, participants) as its pages
    count them: its row's own count plus its shards (activity_counts,
    migration 0032)."""
    row = sql("SELECT a.comments_pending + COALESCE((SELECT SUM(x.pending) FROM activity_counts x "
              "WHERE x.activity_id = a.id), 0), a.participants + COALESCE((SELECT SUM(x.participants) "
              "FROM activity_counts x WHERE x.activity_id = a.id), 0) FROM activities a WHERE a.id = %s"
              % activity)[0]
    return int(row[0]), int(row[1])


def mails_to(addr):
    """Every message file under var/mail addressed to addr, oldest first."""
    d = os.path.join(VAR, "mail")
    found = []
    if not os.path.isdir(d):
        return found
    for name in sorted(os.listdir(d), key=lambda n: int(n.split(".")[0]) if n.split(".")[0].isdigit() else 0):
        if not name.endswith(".eml"):
            continue
        with open(os.path.join(d, name), encoding="utf-8") as f:
            text = f.read()
        if re.search(r"^To: %s$" % re.escape(addr), text, re.M):
            found.append(text)
    return found


def tick(env=None):
    """Runs sharekctl tick once (delivers the outbox, opens, closes);
    env adds variables (e.g. SHAREK_MAIL_COMMAND)."""
    root = os.environ.get("SHAREK_ROOT", ".")
    build = os.environ.get("SHAREK_BUILD", "build")
    e = dict(os.environ)
    e.update(env or {})
    return subprocess.run([os.path.join(root, build, "bin/sharekctl"), "tick"],
                          capture_output=True, text=True, env=e)


def link_in(text, path):
    m = re.search(re.escape(URL) + re.escape(path) + r"\?t=([A-Za-z0-9_-]{43})", text)
    return m.group(1) if m else None


def raw(request_bytes, half_close=False):
    """Sends bytes to nginx as they are (no client-side quoting or
    framing); returns the whole answer, headers and body.  half_close
    ends the sending side at once, so a request that announces a body
    it never sends is answered without nginx waiting for one."""
    u = urllib.parse.urlparse(URL)
    s = socket.create_connection((u.hostname, u.port), timeout=30)
    s.sendall(request_bytes)
    if half_close:
        s.shutdown(socket.SHUT_WR)
    out = b""
    while True:
        chunk = s.recv(65536)
        if not chunk:
            break
        out += chunk
    s.close()
    return out


def new_citizen(t, c, email, password, name, mobile):
    """Registers a person through /register, verifies the address with
    the link mailed (a tick delivers it) and signs c in; each step a
    check of Tap t.  Returns the user's id."""
    r = c.submit("/register", "/register", {
        "kind": "person", "full_name": name, "email": email, "mobile": mobile,
        "password": password, "password2": password, "accept": "1", "lang": "en"})
    t.eq(r.status, 303, "a citizen registers")
    tick()
    tok = link_in((mails_to(email) or [""])[-1], "/verify")
    c.get("/verify?t=" + str(tok))
    t.eq(c.submit("/verify", "/verify", {}).status, 303, "verifies the address")
    t.eq(c.login(email, password).status, 303, "and signs in")
    return sql1("SELECT id FROM users WHERE email='%s'" % email)


def translation(msgid, lang="ar"):
    """The translation of msgid in views/locale/LANG.po of the tree
    under test (msgid itself when it has none), as the programs and
    sharekctl read it."""
    path = os.path.join(os.environ.get("SHAREK_ROOT", "."), "views", "locale", lang + ".po")
    unq = lambda s: re.sub(r'\\(.)', lambda m: {"n": "\n", "t": "\t"}.get(m.group(1), m.group(1)), s)
    with open(path, encoding="utf-8") as f:
        text = f.read()
    for m in re.finditer(r'^msgid "(.*)"\nmsgstr "(.*)"$', text, re.M):
        if unq(m.group(1)) == msgid and m.group(2):
            return unq(m.group(2))
    return msgid


def file_request(t, c, fields, what="a request is sent"):
    """Files a request through /complaints/new as signed-in client c
    (fields: type, entity, axis, subject, body), checking the 303 with
    Tap t.  Returns (reference number, request id)."""
    _, hidden = c.form("/complaints/new", "/complaints/new")
    r = c.post_multipart("/complaints/new", dict(hidden, **fields), {})
    t.eq(r.status, 303, what)
    m = re.search(r"ref=([^&]+)", r.header("Location") or "")
    ref = m.group(1) if m else ""
    return ref, sql1("SELECT id FROM requests WHERE ref_no='%s'" % ref)


def workers(prog):
    """The worker pids of program prog of the stack (the children of its
    multiwatch, whose pid is in run/PROG.pid)."""
    with open(os.path.join(VAR, "run", prog + ".pid")) as f:
        mw = f.read().strip()
    out = subprocess.run(["pgrep", "-P", mw], capture_output=True, text=True).stdout
    return sorted(int(p) for p in out.split())


def page_round(t, client, path, n, **kw):
    """n GETs of path (enough to meet every public worker, issue 17's
    worker copies): (bodies, statement counts, how many were the copy);
    a status but 200 fails t."""
    rs = [client.get(path, **kw) for _ in range(n)]
    for r in rs:
        if r.status != 200:
            t.ok(False, "GET %s answered 200" % path, r.status)
    return ([r.text for r in rs], [int(r.header("X-Sharek-Queries") or 99) for r in rs],
            sum(r.header("X-Sharek-Reused") == "1" for r in rs))


def across_closing(activity, draw, before, after, ahead=10, tries=5, notes=None):
    """The clock alone (issue 17's worker copies end at an activity's
    closing): sets activity's closes_at `ahead` seconds from now, draws
    (draw() -> bodies) before and after it, with no write between.  A
    round that did not end well before the closing (a loaded machine)
    tells nothing and is tried again, and so is one during which the
    stack's tick wrote to the activity.  Returns (every body drawn before
    passes before(), every body after passes after()); notes (a list)
    gets what each attempt saw, for a failure's diagnostic."""
    def gen():
        return sql1("SELECT COALESCE(MAX(gen), 0) FROM generations WHERE name = 'activity:%s'"
                    % activity)
    ok_before, ok_after = None, False
    for _ in range(tries):
        sql("UPDATE activities SET closes_at = UTC_TIMESTAMP() + INTERVAL %d SECOND WHERE id = %s"
            % (ahead, activity))
        set_at = time.time()      # closes_at is whole seconds: ahead-1 to ahead from here
        g = gen()
        bodies = draw()
        took = time.time() - set_at
        if took > ahead - 1.5:
            if notes is not None:
                notes.append("a round took %.1f s: again" % took)
            continue
        ok_before = all(map(before, bodies))
        if not ok_before:
            if notes is not None:
                notes.append("before the closing (%.1f s in), %d of %d bodies failed"
                             % (took, sum(not before(b) for b in bodies), len(bodies)))
            break
        time.sleep(max(0.0, set_at + ahead + 0.5 - time.time()))
        bodies = draw()
        if gen() != g:
            if notes is not None:
                notes.append("the tick wrote meanwhile: again")
            continue
        ok_after = all(map(after, bodies))
        break
    return ok_before, ok_after


def alive(pid):
    """True while process pid exists (reaped: gone)."""
    try:
        os.kill(pid, 0)
        return True
    except ProcessLookupError:
        return False


def session_citizens(tag, n):
    """n citizens (tag.i@example.org, English) each with a session of an
    hour, made by SQL as make bench makes them (a session row is the
    BLAKE2b of its 43-character token, fcgi/core/auth.c): [(id, token)]."""
    out = []
    for i in range(n):
        email = "%s.%d@example.org" % (tag, i)
        sql("INSERT INTO users (kind, email, email_verified_at, full_name, lang, role, created_at, "
            "updated_at) VALUES ('person', '%s', UTC_TIMESTAMP(), 'مشارك %d', 'en', 'citizen', "
            "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (email, i))
        tok = secrets.token_urlsafe(32)
        h = hashlib.blake2b(tok.encode(), digest_size=32).hexdigest()
        sql("INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) "
            "SELECT UNHEX('%s'), id, UTC_TIMESTAMP(), UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 HOUR "
            "FROM users WHERE email = '%s'" % (h, email))
        out.append((sql1("SELECT id FROM users WHERE email = '%s'" % email), tok))
    return out


def session_request(tok, method, path, body=None):
    """One request with session tok on its own connection (so threads can
    share nothing): (status, Location, X-Sharek-Queries, body)."""
    u = urllib.parse.urlsplit(URL)
    c = http.client.HTTPConnection(u.hostname, u.port, timeout=30)
    h = {"Cookie": "sk_session=" + tok, "Accept-Language": "en", "User-Agent": "sharek-tests"}
    if body is not None:
        h["Content-Type"] = "application/x-www-form-urlencoded"
        h["Origin"] = URL
    c.request(method, path, body=body, headers=h)
    r = c.getresponse()
    data = r.read().decode("utf-8", "replace")
    c.close()
    return r.status, r.getheader("Location") or "", r.getheader("X-Sharek-Queries"), data


def post_comment(tok, page, text, article=0):
    """The comment form of consultation page read with session tok, then
    text posted with its token and nonce: (status, Location,
    X-Sharek-Queries of the POST); the form not found: (its status, "",
    None)."""
    st, _, _, body = session_request(tok, "GET", page)
    csrf = re.search(r'name="csrf" value="([0-9a-f]+)"', body)
    nonce = re.search(r'name="nonce" value="([0-9a-f]+)"', body)
    if st != 200 or not csrf or not nonce:
        return st, "", None
    st, loc, q, _ = session_request(tok, "POST", page + "/comments", urllib.parse.urlencode(
        {"csrf": csrf.group(1), "nonce": nonce.group(1), "article": str(article), "body": text}))
    return st, loc, q
