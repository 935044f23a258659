"""Fault test 2 (issue 18): the whole database (the single-node stack's
MariaDB) is shut down and started again under write load.  The programs
recover by themselves (the same worker processes before and after, no
restart); during the outage every answer that is not an acknowledgement
is a 503, none a 500; a comment posted during the outage comes back as
the 503 page with its text kept in a form that, pressed once the
database is back, stores it once; every acknowledged comment and request
is stored."""
import os
import re
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import VAR, Client, Tap, hidden_fields, new_citizen, sql1, workers  # noqa: E402

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
SOCK = os.path.join(VAR, "run", "mysqld.sock")
OUTAGE = 5      # seconds the database is away


def all_workers():
    return sorted(sum((workers(p) for p in ("public", "staff", "complaints")), []))


def kept(text):
    """The fields of the kept form (hidden inputs and the textarea)."""
    fields = dict(re.findall(r'<input type="hidden" name="([^"]+)" value="([^"]*)">', text))
    m = re.search(r'<textarea[^>]* name="body"[^>]*>\n(.*?)</textarea>', text, re.S)
    if m:
        fields["body"] = m.group(1)
    for k, v in list(fields.items()):
        fields[k] = v.replace("&quot;", '"').replace("&#39;", "'").replace("&lt;", "<") \
            .replace("&gt;", ">").replace("&amp;", "&")
    return fields


# Our own citizen, for the form posted during the outage.
me = Client(lang="ar")
new_citizen(t, me, "fault2.%d@example.org" % int(time.time() * 1000), "correct-horse-02",
            "سعاد المصري", "0791112202")
ld = load.Load(users=12, threads=4).setup()
page, action = ld.cpage, ld.cpage + "/comments"
form = dict(hidden_fields(me.get(page).text, action))
BODY = "تعليقي أثناء انقطاع قاعدة البيانات: <المادة 4> & \"الفقرة ب\" %d" % time.time()

ld.start()
t.ok(ld.wait_acks(15, timeout=60), "the load is writing (15 acknowledgements)")
before = all_workers()
snap = ld.snapshot()
down = subprocess.run(["mariadb-admin", "--no-defaults", "--socket=" + SOCK, "shutdown"],
                      capture_output=True, text=True)
t.eq(down.returncode, 0, "MariaDB is shut down under load")
time.sleep(1)
r = me.post(action, dict(form, body=BODY))
t.eq(r.status, 503, "a comment posted during the outage: 503")
t.ok(r.header("Retry-After"), "with Retry-After")
t.ok("الخدمة غير متاحة مؤقتًا" in r.text, "in the reader's language (Arabic)")
k = kept(r.text)
t.eq(k.get("body"), BODY, "its text kept in the form")
t.eq((k.get("nonce"), k.get("csrf")), (form["nonce"], form["csrf"]), "with its nonce and CSRF token")
time.sleep(OUTAGE - 1)
# Only the server, as a restart of the database is (scripts/stack start
# would also run migrate, which grants the accounts' privileges again).
up = subprocess.run(["bash", "-c", 'source "$1/scripts/stack" && start_db', "-", ROOT],
                    capture_output=True, text=True)
t.ok(up.returncode == 0, "MariaDB is started again (the server alone)", up.stdout + up.stderr)
outage = ld.snapshot()
t.ok(ld.wait_acks(15, timeout=60), "writes go on by themselves after the restart")
ld.stop()
t.eq(all_workers(), before, "the same worker processes served before and after (no restart)")

during = {k: n - snap.get(k, 0) for k, n in outage.items() if n - snap.get(k, 0) > 0}
bad = {k: n for k, n in during.items() if k not in load.Load.ACKS and "503" not in k}
t.ok(not bad, "every answer during the outage that was not an acknowledgement was a 503", (during, bad))
t.ok(any("503" in k for k in during), "and the load did meet the outage (%s)" % during)
s = ld.stats()
t.eq(s["lost"], 0, "no acknowledged write is lost")

r = me.post(action, k)
t.eq(r.status, 303, "the kept form pressed once the database is back: stored (303)")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE body = '%s'"
          % BODY.replace("\\", "\\\\").replace("'", "''")), "1", "the comment is stored once")
sys.exit(t.done())
