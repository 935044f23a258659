"""A stopped program's idle workers exit at once (issue 18, item 4): a
worker waiting in FCGX_Accept_r notices SIGTERM (before, it waited there
for the next request, so a stop waited for the KILL 10 s later).
SIGTERM goes to sharek-complaints' multiwatch, as `scripts/stack stop`
sends it, with no request coming: every worker is gone within a second
(multiwatch, which is not ours, follows in its own time), and
`scripts/stack start` brings the program back.  Under load (busy workers
finish their request first): fault test 06."""
import os
import signal
import subprocess
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, VAR, alive, workers

ROOT = os.environ.get("SHAREK_ROOT", ".")
t = Tap()


with open(os.path.join(VAR, "run", "complaints.pid")) as f:
    mw = int(f.read().strip())
before = workers("complaints")
t.ok(len(before) >= 2, "sharek-complaints runs its workers (%s)" % before)
t.eq(Client().get("/complaints/").status, 200, "and serves")

# Idle: the workers wait in FCGX_Accept_r and no request comes.
time.sleep(0.5)
sent = time.time()
os.kill(mw, signal.SIGTERM)
left, took = before, None
while time.time() - sent < 5:
    left = [p for p in before if alive(p)]
    if not left and took is None:
        took = time.time() - sent
    if not left and not alive(mw):
        break
    time.sleep(0.01)
mw_took = time.time() - sent
t.ok(not left, "every worker exited (left: %s)" % left)
t.ok(took is not None and took < 1.0, "within a second of SIGTERM (%s s)"
     % ("%.2f" % took if took is not None else "-"))
t.ok(not alive(mw), "and multiwatch after them (%.2f s)" % mw_took)

out = subprocess.run(["bash", os.path.join(ROOT, "scripts/stack"), "start"],
                     capture_output=True, text=True)
t.eq(out.returncode, 0, "scripts/stack start brings the program back")
ok = False
for _ in range(40):
    if Client().get("/complaints/").status == 200:
        ok = True
        break
    time.sleep(0.25)
t.ok(ok, "and it serves again")
sys.exit(t.done())
