"""Fault test 5 (issue 18): the outbox delivery killed mid-batch.  A
hundred messages are due; `sharekctl tick` delivers them (one file per
message under var/mail, the stack's sink) and is killed with SIGKILL when
part of the batch is written, under the write load of the other tests.
Two ticks started at once right after take the dead tick's claims over
at once (not after the 10-minute lease) and deliver the rest: every
message is delivered exactly once — one file each, and no file written
before the kill written again — and marked sent, no claim left.  The
stack's minute tick is paused meanwhile, so that only these ticks
deliver."""
import os
import signal
import subprocess
import sys
import time
import uuid
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import VAR, Tap, sql, sql1  # noqa: E402

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
CTL = os.path.join(ROOT, os.environ.get("SHAREK_BUILD", "build"), "bin/sharekctl")
MAIL = os.path.join(VAR, "mail")
N = 100
TAG = "f5" + uuid.uuid4().hex[:8]

# The stack's own tick loop would deliver too: paused (scripts/stack start
# brings it back for the next test).
with open(os.path.join(VAR, "run", "tick.pid")) as f:
    loop = int(f.read().strip())
os.killpg(loop, signal.SIGTERM)
time.sleep(0.5)
os.makedirs(MAIL, exist_ok=True)

ld = load.Load(users=6, threads=3).setup()
ld.start()
t.ok(ld.wait_acks(5, timeout=60), "the load is writing")

first = int(sql1("SELECT COALESCE(MAX(id), 0) FROM outbox")) + 1
sql("INSERT INTO outbox (channel, recipient, subject, body, created_at, next_attempt_at, attempts, status) "
    "SELECT 'email', CONCAT('%s-', seq, '@faults.sharek.test'), 'رسالة اختبار', "
    "CONCAT('%s رسالة رقم ', seq), UTC_TIMESTAMP(), UTC_TIMESTAMP() - INTERVAL 1 HOUR, 0, 'pending' "
    "FROM seq_1_to_%d" % (TAG, TAG, N))
ids = [r[0] for r in sql("SELECT id FROM outbox WHERE body LIKE '%s %%' ORDER BY id" % TAG)]
t.eq(len(ids), N, "%d messages are due" % N)


def files():
    return {i: os.stat(os.path.join(MAIL, i + ".eml")) for i in ids
            if os.path.exists(os.path.join(MAIL, i + ".eml"))}


def state():
    """The batch as the database and the disk see it: the messages
    claimed and not sent, and which of those have their file."""
    claimed = [r[0] for r in sql("SELECT id FROM outbox WHERE id IN (%s) AND status = 'pending' "
                                 "AND claimed_by IS NOT NULL" % ",".join(ids))]
    return claimed, [i for i in claimed if os.path.exists(os.path.join(MAIL, i + ".eml"))]


# Killed mid-batch, at the worst moment if it can be caught: a message
# written but not yet marked sent (else one claimed but not written).
# The tick is stopped (SIGSTOP) at each new file to look.
killed, window, before, sent = False, None, {}, 0
for attempt in range(5):
    p = subprocess.Popen([CTL, "tick"], stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    seen, looks = 0, 0
    while p.poll() is None:
        n = len([i for i in ids if os.path.exists(os.path.join(MAIL, i + ".eml"))])
        if n > seen and n >= 5:
            seen = n
            os.kill(p.pid, signal.SIGSTOP)
            claimed, written = state()
            looks += 1
            if written or (claimed and looks > 30):
                window = "message %s written, not marked sent" % written[0] if written else \
                    "message %s claimed, not written" % claimed[0]
                os.kill(p.pid, signal.SIGKILL)
                break
            os.kill(p.pid, signal.SIGCONT)
        time.sleep(0.0005)
    p.wait()
    before = files()
    sent = int(sql1("SELECT COUNT(*) FROM outbox WHERE id IN (%s) AND status = 'sent'" % ",".join(ids)))
    if p.returncode == -signal.SIGKILL and len(before) < N:
        killed = True
        break
t.ok(killed, "the delivery was killed mid-batch (%s): %d of %d files written, %d rows marked sent"
     % (window, len(before), N, sent))
held = sql1("SELECT COUNT(*) FROM outbox WHERE id IN (%s) AND claimed_by IS NOT NULL" % ",".join(ids))
print("# claims left by the killed tick: %s message(s), outbox job %s" % (
    held, sql1("SELECT COALESCE(claimed_by, '-') FROM tick_claims WHERE job = 'outbox'")))

start = time.time()
procs = [subprocess.Popen([CTL, "tick"], stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)
         for _ in range(2)]
codes = [q.communicate() and q.returncode for q in procs]
took = time.time() - start
t.eq(codes, [0, 0], "two ticks at once after the restart succeed (%.1f s)" % took)
rows = dict(sql("SELECT id, status FROM outbox WHERE id IN (%s)" % ",".join(ids)))
after = files()
t.eq(sorted(rows.values()).count("sent"), N, "every message is marked sent, at once (not after the lease)")
t.eq(len(after), N, "every message has its one file")
rewritten = [i for i, st in before.items() if (after[i].st_ino, after[i].st_mtime_ns) != (st.st_ino, st.st_mtime_ns)]
t.ok(not rewritten, "no message written before the kill was written again (%d checked)" % len(before),
     rewritten[:10])
tmp = [f for f in os.listdir(MAIL) if f.endswith(".tmp") and f.split(".")[0] in ids]
t.ok(not tmp, "no half-written file is left", tmp)
bad = []
for i in ids:
    with open(os.path.join(MAIL, i + ".eml"), encoding="utf-8") as f:
        text = f.read()
    if "Message-ID: <outbox-%s@sharek>" % i not in text or TAG not in text:
        bad.append(i)
t.ok(not bad, "each file is its message, whole", bad[:10])
t.eq(sql1("SELECT COUNT(*) FROM outbox WHERE id IN (%s) AND claimed_by IS NOT NULL" % ",".join(ids)), "0",
     "no claim is left on them")
t.eq(sql1("SELECT COUNT(*) FROM tick_claims WHERE claimed_by IS NOT NULL"), "0", "no job is left claimed")
once = [i for i in ids if i in after and rows.get(i) == "sent" and i not in rewritten]
print("# messages: acknowledged (queued) %d, stored (delivered once, marked sent) %d, lost %d"
      % (N, len(once), N - len(once)))
ld.stop()
s = ld.stats()
t.eq(s["lost"], 0, "no acknowledged write of the load is lost")
# This test's messages are delivered: out of the stack's way.
sql("DELETE FROM outbox WHERE id IN (%s)" % ",".join(ids))
sys.exit(t.done())
