"""`sharekctl tick` on many hosts at once (issue 18, item 5): two tick
processes started at the same instant, 20 times over, each time with a
new late request.  Each late request is escalated once (one level-1
record, one event on its timeline, one audit row), both ticks succeed,
and every message queued meanwhile is delivered exactly once: the
delivery command (a sink that keeps one file per delivery, named after
$SHAREK_OUTBOX_ID) and the stack's own minute tick (files under
var/mail and var/sms) together got each message once, and it is marked
sent.  The jobs' leases are left free."""
import datetime
import os
import re
import subprocess
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import VAR, Client, Tap, sql, sql1

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
CTL = os.path.join(ROOT, os.environ.get("SHAREK_BUILD", "build"), "bin/sharekctl")
SINK = os.path.join(VAR, "tmp", "182-sink")
os.makedirs(SINK, exist_ok=True)
# One file per delivery, whichever process made it.
CMD = 'f=$(mktemp "%s/$SHAREK_OUTBOX_ID.XXXXXX") && cat > "$f"' % SINK
# The ticks queue every escalation notice: the secretary-general gets
# more than the hourly cap of one recipient ([mail] max_per_recipient_hour)
# in this test and in 121.
ENV = dict(os.environ, SHAREK_MAIL_COMMAND=CMD, SHAREK_SMS_COMMAND=CMD,
           SHAREK_MAIL_MAX_PER_RECIPIENT_HOUR="100000")
ROUNDS = 20

moh = sql1("SELECT id FROM entities WHERE slug='moh'")
axis = sql1("SELECT id FROM request_axes WHERE code='time'")
complaint = sql1("SELECT id FROM request_types WHERE code='complaint'")
first = int(sql1("SELECT COALESCE(MAX(id), 0) FROM outbox")) + 1


def two_ticks(when):
    """Two ticks started together; their exit codes."""
    args = [CTL, "tick"] + (["--now=" + when.strftime("%Y-%m-%dT%H:%M:%S")] if when else [])
    procs = [subprocess.Popen(args, stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True, env=ENV)
             for _ in range(2)]
    return [p.communicate() and p.returncode for p in procs]


cit = Client()
t.eq(cit.login("citizen@sharek.test", prefix="/complaints").status, 303, "the demo citizen signs in")
codes, once, ids = [], [], []
for i in range(ROUNDS):
    _, hidden = cit.form("/complaints/new", "/complaints/new")
    r = cit.post_multipart("/complaints/new", dict(
        hidden, type=complaint, entity=moh, axis=axis, subject="",
        body="طلب رقم %d لاختبار تشغيل المهام المجدولة على خادمين في آن واحد." % i), {})
    m = re.search(r"ref=([^&]+)", r.header("Location") or "")
    if not t.ok(r.status == 303 and m, "request %d is sent" % (i + 1), r.status):
        continue
    rid = sql1("SELECT id FROM requests WHERE ref_no='%s'" % m.group(1))
    ids.append(rid)
    due = datetime.datetime.strptime(sql1("SELECT due_at FROM requests WHERE id=%s" % rid),
                                     "%Y-%m-%d %H:%M:%S")
    codes.append(two_ticks(due + datetime.timedelta(hours=1)))
    once.append([sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s AND level=1" % rid),
                 sql1("SELECT COUNT(*) FROM request_events WHERE request_id=%s AND kind='escalation'" % rid),
                 sql1("SELECT COUNT(*) FROM audit_log WHERE action='request.escalate' AND object_id=%s" % rid),
                 sql1("SELECT escalation_level FROM requests WHERE id=%s" % rid)])

t.eq(len(ids), ROUNDS, "%d late requests" % ROUNDS)
t.ok(all(c == [0, 0] for c in codes), "both ticks of every pair succeed", codes)
t.ok(all(o == ["1", "1", "1", "1"] for o in once),
     "each late request escalated once: one level-1 record, one timeline event, one audit row",
     [(rid, o) for rid, o in zip(ids, once) if o != ["1", "1", "1", "1"]])

# The rest of the outbox, by two ticks at once again (now).
t.eq(two_ticks(None), [0, 0], "two more ticks at once deliver the rest")
rows = sql("SELECT id, channel, status FROM outbox WHERE id >= %d ORDER BY id" % first)
t.ok(len(rows) >= 2 * ROUNDS, "the escalations queued their e-mails and SMS (%d messages)" % len(rows))


def deliveries(oid, channel):
    n = len([f for f in os.listdir(SINK) if f.split(".")[0] == oid])
    own = os.path.join(VAR, "mail", oid + ".eml") if channel == "email" else \
        os.path.join(VAR, "sms", oid + ".txt")
    return n + (1 if os.path.exists(own) else 0)


bad = [(oid, ch, st, deliveries(oid, ch)) for oid, ch, st in rows
       if st != "sent" or deliveries(oid, ch) != 1]
t.ok(not bad, "every message delivered exactly once and marked sent", bad[:10])
t.eq(sql("SELECT COUNT(*) FROM tick_claims WHERE claimed_by IS NOT NULL"), [["0"]],
     "no job is left claimed")
t.eq(sql("SELECT COUNT(*) FROM outbox WHERE claimed_by IS NOT NULL AND status <> 'pending'"), [["0"]],
     "no message that was sent keeps a claim")
sys.exit(t.done())
