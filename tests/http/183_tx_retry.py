"""A transaction that loses a deadlock is run again whole and applied
once (issue 18, item 2; what a Galera certification conflict, error 1213,
looks like to the program).  A second session takes the consultation's
row, the comment POST's transaction claims its form nonce and stops on
that row, then the second session asks for the nonce's row: a deadlock,
and InnoDB rolls back the lighter transaction, the POST's.  The program
runs it again from the start (nonce claim included) once the other
session ends: the answer is the success redirect, the comment is stored
once, the log says it ran it again, and a second press is a duplicate
that stores nothing."""
import os
import subprocess
import sys
import threading
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import SQL, VAR, Client, Tap, hidden_fields, sql, sql1

t = Tap()
LOG = os.path.join(VAR, "log", "public.log")


class Session:
    """One mariadb client session kept open (statements sent one by one,
    each answered before the next)."""

    def __init__(self):
        self.p = subprocess.Popen(SQL.split() + ["--unbuffered"], stdin=subprocess.PIPE,
                                  stdout=subprocess.PIPE, stderr=subprocess.STDOUT, text=True)
        self.n = 0

    def run(self, stmt):
        self.n += 1
        mark = "done-%d" % self.n
        self.p.stdin.write(stmt.rstrip(";") + ";\nSELECT '%s';\n" % mark)
        self.p.stdin.flush()
        out = []
        for line in self.p.stdout:
            if line.strip() == mark:
                return out
            out.append(line.rstrip("\n"))
        return out

    def close(self):
        self.p.stdin.close()
        self.p.wait(10)


def lock_wait(timeout=15.0):
    """Waits (at most timeout seconds) until a statement has run for over
    half a second: the request got as far as the row the other session
    holds, and waits for it.  (INNODB_TRX does not always say LOCK WAIT
    for a statement inside a procedure, and the process list names the
    procedure's definer as its user.)"""
    end = time.time() + timeout
    while time.time() < end:
        if int(sql1("SELECT COUNT(*) FROM information_schema.PROCESSLIST WHERE ID <> CONNECTION_ID() "
                    "AND COMMAND IN ('Query', 'Execute') AND TIME_MS > 500")):
            return True
        time.sleep(0.05)
    return False


# A citizen of its own (the demo citizen's recent comments in the other
# tests would count against its limit of comments in a window).
sql("INSERT IGNORE INTO users (kind, email, email_verified_at, password_hash, full_name, lang, role, created_at, "
    "updated_at) SELECT 'person', 't183@sharek.test', UTC_TIMESTAMP(), password_hash, 'مشارك 183', 'en', "
    "'citizen', UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE email='citizen@sharek.test'")
c = Client(lang="en")
t.eq(c.login("t183@sharek.test").status, 303, "a citizen signs in")
aid = sql1("SELECT id FROM activities WHERE kind='consultation' AND audience='public' "
           "AND state='open' AND closes_at > UTC_TIMESTAMP() + INTERVAL 1 DAY ORDER BY id LIMIT 1")
page, action = "/consultations/%s" % aid, "/consultations/%s/comments" % aid
fields = dict(hidden_fields(c.get(page).text, action))
BODY = "تعليق أعيد تشغيل معاملته بعد تعارض، رقم %d." % (time.time() * 1000)
fields["body"] = BODY
log_before = os.path.getsize(LOG)

s = Session()
s.run("SET SESSION innodb_lock_wait_timeout = 20")
s.run("START TRANSACTION")
# Weight: InnoDB rolls back the transaction that changed fewer rows.
s.run("INSERT INTO login_attempts (email_hash, ip, success, at) "
      "SELECT NULL, '192.0.2.183', 0, UTC_TIMESTAMP() FROM seq_1_to_300")
s.run("SELECT id FROM activities WHERE id = %s FOR UPDATE" % aid)

answer = {}


def post():
    answer["r"] = c.post(action, fields)


th = threading.Thread(target=post)
th.start()
t.ok(lock_wait() and th.is_alive(), "the comment's transaction waits for the consultation's row")
got = s.run("SELECT HEX(nonce) FROM form_nonces WHERE nonce = UNHEX('%s') FOR UPDATE" % fields["nonce"])
lock_wait()         # the POST runs again from the start and waits for us
s.run("ROLLBACK")
s.close()
th.join(30)
r = answer.get("r")
t.ok(r is not None and r.status == 303, "the answer is the success redirect (303)",
     r.status if r is not None else None)
t.ok(not any("ERROR" in line for line in got),
     "the other session got the nonce's row: the POST was the deadlock's victim", got)
with open(LOG, encoding="utf-8", errors="replace") as f:
    f.seek(log_before)
    log = f.read()
t.ok("Deadlock" in log and "running it again" in log, "the program logged that it ran it again")


def stored():
    return int(sql1("SELECT COUNT(*) FROM comments WHERE body = '%s'" % BODY))


t.eq(stored(), 1, "the comment is stored once")
t.eq(sql1("SELECT COUNT(*) FROM form_nonces WHERE nonce = UNHEX('%s')" % fields["nonce"]), "1",
     "its nonce claimed once")
t.eq(sql1("SELECT COUNT(*) FROM login_attempts WHERE ip = '192.0.2.183'"), "0",
     "the other session's rows are rolled back")
r = c.post(action, fields)
t.eq(r.status, 303, "pressing again is the same answer")
t.eq(stored(), 1, "and stores nothing more")

# ---- a new activity's form, run again after its insert ------------------------
# The staff form's transaction inserts the activity, then writes its texts,
# lists, search text and audit entry.  The other session holds the end of the
# audit log (a gap lock), so the form stops there, after its insert; asked for
# the form's nonce, the other session makes the deadlock and the form is its
# victim.  Run again, it must insert again (the first insert's id was rolled
# back with it), not edit an activity that no longer exists.
sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
form = "/staff/activities/new"
sfields = dict(hidden_fields(sup.get(form).text, form))
TITLE = "استشارة أعيد تشغيل معاملتها %d" % (time.time() * 1000)
sfields.update({"kind": "consultation", "audience": "public", "title_ar": TITLE})
log_before = os.path.getsize(os.path.join(VAR, "log", "staff.log"))
s = Session()
s.run("SET SESSION innodb_lock_wait_timeout = 20")
s.run("START TRANSACTION")
s.run("INSERT INTO login_attempts (email_hash, ip, success, at) "
      "SELECT NULL, '192.0.2.184', 0, UTC_TIMESTAMP() FROM seq_1_to_300")
s.run("SELECT id FROM audit_log WHERE id > (SELECT MAX(id) FROM audit_log) FOR UPDATE")
answer = {}


def save():
    answer["r"] = sup.post(form, sfields)


th = threading.Thread(target=save)
th.start()
t.ok(lock_wait() and th.is_alive(), "the form's transaction waits after its insert")
got = s.run("SELECT HEX(nonce) FROM form_nonces WHERE nonce = UNHEX('%s') FOR UPDATE" % sfields["nonce"])
lock_wait()
s.run("ROLLBACK")
s.close()
th.join(30)
r = answer.get("r")
loc = (r.header("Location") or "") if r is not None else ""
t.ok(r is not None and r.status == 303 and "?saved=1" in loc,
     "the answer is the new activity's page (303 ?saved=1)", (r.status if r else None, loc))
t.ok(not any("ERROR" in line for line in got), "the form was the deadlock's victim", got)
with open(os.path.join(VAR, "log", "staff.log"), encoding="utf-8", errors="replace") as f:
    f.seek(log_before)
    t.ok("running it again" in f.read(), "the program ran it again")
new_id = loc.split("?")[0].rsplit("/", 1)[-1]
t.eq(sql1("SELECT COUNT(*) FROM activities WHERE title_ar = '%s'" % TITLE), "1", "the activity is stored once")
t.eq(sql1("SELECT title_ar FROM activities WHERE id = %s" % (new_id if new_id.isdigit() else 0)), TITLE,
     "and its page is that activity's")
sql("DELETE FROM activities WHERE title_ar = '%s'" % TITLE)
sys.exit(t.done())
