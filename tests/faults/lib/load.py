"""A write load for the fault tests (tests/faults/NN_*): many distinct
signed-in citizens posting comments on an open consultation (each post a
GET of the page for its own form tokens, then the POST), signed-in
complaint requests (/complaints/new) and anonymous violation reports
(/complaints/report), from several threads.  Every write the portal
acknowledged is recorded with what identifies it: a comment by its text,
unique per post; a request by its reference number and its text, unique
too; an anonymous report by its text.  stats(sql) then says how many
were acknowledged, how many of those are stored, and how many are lost.

    sys.path.insert(0, ".../tests/faults/lib")
    import load
    ld = load.Load(users=24, threads=6)
    ld.setup()                 # accounts (SQL) and sign-ins (HTTP)
    ld.start()                 # the threads begin posting
    ...                        # the fault
    ld.stop()                  # waits for the threads
    s = ld.stats()             # {'acknowledged': n, 'stored': n, 'lost': n, ...}

The portal and the database are those of tests/http/lib/sharek.py
($SHAREK_URL, $SHAREK_SQL); Load(url=…) and stats(sql=…) name others
(another nginx, another Galera node).  The run is bounded: stop() or
max_seconds (default 300) ends every thread.
"""
import os
import re
import sys
import threading
import time
import uuid

sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "../../http/lib"))
import sharek  # noqa: E402
from sharek import Client, hidden_fields  # noqa: E402

REF = re.compile(r"SH-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}")
CODE = re.compile(r'id="tracking-code"[^>]*>([0-9A-Z-]{24})<')
EMAIL = "load%d@load.sharek.test"


def q(s):
    """A string literal for the SQL helpers (the load's own values only)."""
    return "'" + s.replace("\\", "\\\\").replace("'", "''") + "'"


class Load:
    def __init__(self, users=24, threads=6, url=None, sql=None, mix=(6, 3, 1),
                 pause=0.0, max_seconds=300):
        """users: citizen accounts load1…loadN; threads: posting threads
        (each owns users // threads of them); mix: the weights of comment,
        signed-in request and anonymous report; pause: seconds between two
        writes of a thread."""
        self.url = url or sharek.URL
        self.sql = sql or sharek.sql
        self.nusers = users
        self.nthreads = max(1, min(threads, users))
        self.mix = mix
        self.pause = pause
        self.max_seconds = max_seconds
        self.tag = "ld" + uuid.uuid4().hex[:8]
        self.lock = threading.Lock()
        self.acked = []          # (kind, text, ref)
        self.statuses = {}       # "kind status" -> count
        self.first_error = None
        self.kept503 = 0         # 503 answers that kept the text sent
        self.lost503 = []        # (kind, text) of those that did not
        self.seq = 0
        self._stop = threading.Event()
        self._threads = []
        self.t0 = None

    # ---- setup ----------------------------------------------------------
    def setup(self):
        """Creates the accounts if missing (the demo citizen's password),
        finds the open consultation and the request's type, entity and
        axis, and signs every account in at / and at /complaints."""
        sharek.URL = self.url
        self.sql("INSERT IGNORE INTO users (kind, email, email_verified_at, password_hash, full_name, "
                 "mobile, lang, role, created_at, updated_at) "
                 "SELECT 'person', CONCAT('load', s.seq, '@load.sharek.test'), UTC_TIMESTAMP(), c.password_hash, "
                 "CONCAT('مواطن الحمل ', s.seq), CONCAT('+9627900', LPAD(s.seq, 5, '0')), 'ar', 'citizen', "
                 "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM seq_1_to_%d s JOIN users c "
                 "ON c.email = 'citizen@sharek.test'" % self.nusers)
        rows = self.sql("SELECT id FROM activities WHERE kind='consultation' AND state='open' "
                        "AND audience='public' AND closes_at > UTC_TIMESTAMP() + INTERVAL 1 DAY "
                        "ORDER BY id LIMIT 1")
        if not rows:
            raise RuntimeError("no open public consultation to comment on")
        self.cpage = "/consultations/" + rows[0][0]
        one = lambda query: self.sql(query)[0][0]
        self.rtype = one("SELECT id FROM request_types WHERE code='complaint'")
        self.violation_entity = one("SELECT id FROM entities WHERE slug='gam'")
        self.entity = one("SELECT id FROM entities WHERE slug='moh'")
        self.axis = one("SELECT id FROM request_axes WHERE code='procedures'")
        self.users = []
        for i in range(1, self.nusers + 1):
            pub, comp = Client(), Client()
            for c, prefix in ((pub, ""), (comp, "/complaints")):
                r = c.login(EMAIL % i, prefix=prefix)
                if r.status != 303:
                    raise RuntimeError("load%d could not sign in at %s/login: %r" % (i, prefix, r))
            self.users.append((i, pub, comp))
        return self

    # ---- the writes -----------------------------------------------------
    def _next(self):
        with self.lock:
            self.seq += 1
            return self.seq

    def _count(self, kind, status, exc=None):
        with self.lock:
            k = "%s %s" % (kind, status)
            self.statuses[k] = self.statuses.get(k, 0) + 1
            if exc is not None and self.first_error is None:
                self.first_error = "%s: %r" % (kind, exc)

    def _answered(self, kind, r, text):
        """Counts the answer to a POST; a 503 (the database away) must
        come back with the text that was sent (self.kept503 / lost503)."""
        self._count(kind, r.status)
        if r.status == 503:
            with self.lock:
                if text in r.text:
                    self.kept503 += 1
                else:
                    self.lost503.append((kind, text))

    def _ack(self, kind, text, ref=None):
        with self.lock:
            self.acked.append((kind, text, ref))

    def comment(self, user):
        i, pub, _ = user
        text = "تعليق تحت الحمل %s-%d من المستخدم %d." % (self.tag, self._next(), i)
        page = pub.get(self.cpage)
        if page.status != 200:
            return self._count("comment", "GET %d" % page.status)
        r = pub.post(self.cpage + "/comments", dict(hidden_fields(page.text, self.cpage + "/comments"), body=text))
        self._answered("comment", r, text)
        if r.status == 303 and "dup=1" not in (r.header("Location") or ""):
            self._ack("comment", text)

    def request(self, user):
        i, _, comp = user
        text = "طلب تحت الحمل %s-%d: تأخر في إنجاز المعاملة للمستخدم %d." % (self.tag, self._next(), i)
        page = comp.get("/complaints/new")
        if page.status != 200:
            return self._count("request", "GET %d" % page.status)
        fields = dict(hidden_fields(page.text, "/complaints/new"), type=self.rtype, entity=self.entity,
                      axis=self.axis, subject="", body=text)
        r = comp.post_multipart("/complaints/new", fields, {})
        self._answered("request", r, text)
        m = REF.search(r.header("Location") or "")
        if r.status in (201, 303) and m:
            self._ack("request", text, m.group(0))

    def report(self, user):
        anon = Client()
        text = "بلاغ تحت الحمل %s-%d: طلب مبلغ دون إيصال." % (self.tag, self._next())
        page = anon.get("/complaints/report")
        if page.status != 200:
            return self._count("report", "GET %d" % page.status)
        fields = dict(hidden_fields(page.text, "/complaints/report"), entity=self.violation_entity,
                      axis=self.axis, subject="", body=text)
        r = anon.post_multipart("/complaints/report", fields, {})
        self._answered("report", r, text)
        # Acknowledged: the page that shows the tracking code, once.
        if r.status == 200 and CODE.search(r.text):
            self._ack("report", text)

    def _run(self, mine):
        ops = [self.comment] * self.mix[0] + [self.request] * self.mix[1] + [self.report] * self.mix[2]
        n = 0
        deadline = self.t0 + self.max_seconds
        while not self._stop.is_set() and time.time() < deadline:
            user = mine[n % len(mine)]
            op = ops[n % len(ops)]
            n += 1
            try:
                op(user)
            except Exception as e:   # refused, reset, timed out: not acknowledged
                self._count(op.__name__, "error", e)
                time.sleep(0.05)
            if self.pause:
                time.sleep(self.pause)

    def start(self):
        self.t0 = time.time()
        self._stop.clear()
        for k in range(self.nthreads):
            mine = self.users[k::self.nthreads]
            th = threading.Thread(target=self._run, args=(mine,), daemon=True)
            th.start()
            self._threads.append(th)
        return self

    def stop(self):
        self._stop.set()
        for th in self._threads:
            th.join(60)
        self._threads = []
        self.seconds = time.time() - (self.t0 or time.time())
        return self

    ACKS = ("comment 303", "request 303", "request 201", "report 200")

    def failures(self, since=None):
        """Answers that were not an acknowledgement (errors, 5xx, and a
        403 or a sign-in redirect when the portal lost a session), since
        the snapshot of self.statuses given, or in all."""
        with self.lock:
            now = dict(self.statuses)
        since = since or {}
        return sum(n - since.get(k, 0) for k, n in now.items() if k not in self.ACKS)

    def snapshot(self):
        with self.lock:
            return dict(self.statuses)

    def acknowledged(self):
        with self.lock:
            return len(self.acked)

    def wait_acks(self, n, timeout=60):
        """Waits until at least n more writes were acknowledged (True) or
        timeout seconds passed (False)."""
        want = self.acknowledged() + n
        end = time.time() + timeout
        while time.time() < end:
            if self.acknowledged() >= want:
                return True
            time.sleep(0.1)
        return False

    # ---- the count ------------------------------------------------------
    def stored(self, sql=None):
        """The load's comments and requests in the database behind sql:
        a set of (kind, text, ref)."""
        sql = sql or self.sql
        like = q("%" + self.tag + "-%")
        found = set()
        for (body,) in sql("SELECT body FROM comments WHERE body LIKE %s" % like):
            found.add(("comment", body, None))
        for body, ref, anon in sql("SELECT body, ref_no, requester_id IS NULL FROM requests "
                                   "WHERE body LIKE %s" % like):
            found.add(("report", body, None) if anon == "1" else ("request", body, ref))
        return found

    def stats(self, sql=None, label=None):
        """Prints and returns acknowledged, stored (of those acknowledged)
        and lost; also the writes stored without an acknowledgement (an
        answer lost on the way: allowed) and the answers by status."""
        stored = self.stored(sql)
        with self.lock:
            acked = set(self.acked)
            statuses = dict(self.statuses)
        lost = sorted(acked - stored)
        s = {"acknowledged": len(acked), "stored": len(acked & stored), "lost": len(lost),
             "unacknowledged_stored": len(stored - acked), "statuses": statuses,
             "kept503": self.kept503, "lost503": len(self.lost503),
             "lost_items": lost[:10]}
        print("# %sacknowledged %d, stored %d, lost %d (stored without an acknowledgement: %d)"
              % (label + ": " if label else "", s["acknowledged"], s["stored"], s["lost"],
                 s["unacknowledged_stored"]))
        print("# answers: " + ", ".join("%s: %d" % kv for kv in sorted(statuses.items())))
        if self.kept503 or self.lost503:
            print("# 503 answers: %d kept the text sent, %d did not" % (self.kept503, len(self.lost503)))
        if self.first_error:
            print("# first error: " + self.first_error[:200])
        for item in s["lost_items"]:
            print("# lost: %r" % (item,))
        sys.stdout.flush()
        return s
