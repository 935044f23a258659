"""The outbox (issue 4): every e-mail is queued with the event that
caused it and delivered by sharekctl tick through the configured command
(or as files); a failing command is retried with back-off, then marked
failed where the ministry sees it; nothing is lost or sent twice."""
import os
import sys
import tempfile
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick, mails_to

t = Tap()
tick()                                   # deliver what earlier tests queued
ADDR = "outbox.test@example.org"
r = Client().submit("/forgot", "/forgot", {"email": "citizen@sharek.test"})
sql("UPDATE outbox SET recipient='%s' WHERE status='pending'" % ADDR)
oid = sql1("SELECT MAX(id) FROM outbox WHERE recipient='%s'" % ADDR)
t.ok(oid is not None, "a message is queued")

tk = tick({"SHAREK_MAIL_COMMAND": "false"})
row = sql("SELECT status, attempts, last_error IS NOT NULL, next_attempt_at > UTC_TIMESTAMP() "
          "FROM outbox WHERE id=%s" % oid)[0]
t.eq(row, ["pending", "1", "1", "1"], "a failing command: kept, error recorded, retried later")
t.eq(len(mails_to(ADDR)), 0, "and nothing written as a file")
tick({"SHAREK_MAIL_COMMAND": "false"})
t.eq(sql1("SELECT attempts FROM outbox WHERE id=%s" % oid), "1", "not retried before its time (back-off)")

# The stack's own minute tick delivers due messages as files: when it takes
# this one between the update and the failing tick (status 'sent'), the
# eighth attempt is set up again — never more than three times.
for _ in range(3):
    sql("UPDATE outbox SET status='pending', attempts=7, next_attempt_at=UTC_TIMESTAMP() "
        "WHERE id=%s" % oid)
    tick({"SHAREK_MAIL_COMMAND": "false"})
    if sql1("SELECT status FROM outbox WHERE id=%s" % oid) != "sent":
        break
t.eq(sql1("SELECT status FROM outbox WHERE id=%s" % oid), "failed", "after eight attempts it is failed")
admin = Client()
admin.login("admin@sharek.test", prefix="/staff")
r = admin.get("/staff/outbox")
t.ok(r.status == 200 and ADDR in r.text, "the ministry sees the failure")
t.eq(Client().get("/staff/outbox").status, 303, "and nobody else")

# A working command gets the whole message once.
sql("UPDATE outbox SET status='pending', attempts=0, next_attempt_at=UTC_TIMESTAMP() WHERE id=%s" % oid)
out = tempfile.mktemp(prefix="sharek-mail-")
cmd = "cat >> %s" % out
tick({"SHAREK_MAIL_COMMAND": cmd})
tick({"SHAREK_MAIL_COMMAND": cmd})
text = open(out, encoding="utf-8").read() if os.path.exists(out) else ""
t.eq(text.count("To: %s" % ADDR), 1, "the command gets the message once")
t.ok("/reset?t=" in text and "Content-Type: text/plain; charset=UTF-8" in text, "headers and body")
t.eq(sql1("SELECT status FROM outbox WHERE id=%s" % oid), "sent", "marked sent")
os.path.exists(out) and os.unlink(out)
sys.exit(t.done())
