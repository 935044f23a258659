"""Fault test 6 (issue 18): stopping under load.  First every program's
multiwatch gets SIGTERM (as systemctl stop or one program's stop sends
it) while the load posts through nginx: the workers busy with a request
finish it, the idle ones leave FCGX_Accept_r, and every worker is gone
within a second.  Then, after scripts/stack start, `scripts/stack stop`
(make stop) under load: each program's workers are gone within a second
of its SIGTERM (before, idle workers waited for the KILL 10 s later).
Every acknowledged write is stored."""
import os
import signal
import subprocess
import sys
import threading
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import VAR, Tap, alive, workers  # noqa: E402

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
PROGS = ("public", "staff", "complaints")


def multiwatch(prog):
    with open(os.path.join(VAR, "run", prog + ".pid")) as f:
        return int(f.read().strip())


class Watch(threading.Thread):
    """Notes when each pid is gone (every 10 ms)."""

    def __init__(self, pids):
        super().__init__(daemon=True)
        self.pids, self.gone, self.done = set(pids), {}, threading.Event()

    def run(self):
        while not self.done.is_set() and len(self.gone) < len(self.pids):
            now = time.time()
            for p in self.pids - set(self.gone):
                if not alive(p):
                    self.gone[p] = now
            time.sleep(0.01)


def stack(cmd):
    return subprocess.run(["bash", os.path.join(ROOT, "scripts/stack"), cmd], capture_output=True, text=True)


ld = load.Load(users=8, threads=4).setup()
ld.start()
t.ok(ld.wait_acks(10, timeout=60), "the load is writing")

# ---- 1. SIGTERM to each program under load (nginx still up) -------------------
pids = {p: workers(p) for p in PROGS}
t.ok(all(len(v) >= 2 for v in pids.values()), "every program runs its workers (%s)" % pids)
w = Watch(sum(pids.values(), []))
w.start()
sent = time.time()
for p in PROGS:
    os.kill(multiwatch(p), signal.SIGTERM)
w.join(5)
w.done.set()
late = {pid: round(w.gone[pid] - sent, 2) if pid in w.gone else None
        for pid in w.pids if pid not in w.gone or w.gone[pid] - sent >= 1.0}
t.ok(not late, "every worker of the three programs gone within a second of SIGTERM (%.2f s the last)"
     % (max(w.gone.values()) - sent if w.gone else -1), late)
ld.stop()
s1 = ld.stats(label="SIGTERM under load")
t.eq(s1["lost"], 0, "no acknowledged write is lost")

# ---- 2. scripts/stack stop under load ------------------------------------------
out = stack("start")
t.eq(out.returncode, 0, "scripts/stack start brings the programs back")
ld2 = load.Load(users=8, threads=4).setup()
ld2.start()
t.ok(ld2.wait_acks(10, timeout=60), "the load is writing again")
pids = {p: workers(p) for p in PROGS}
w = Watch(sum(pids.values(), []))
w.start()
stop = subprocess.Popen(["bash", os.path.join(ROOT, "scripts/stack"), "stop"], stdout=subprocess.PIPE,
                        stderr=subprocess.STDOUT, text=True)
said = {}
for line in stop.stdout:
    for p in PROGS:
        if line.strip() == "==> stopping sharek-%s" % p:
            said[p] = time.time()
stop.wait(120)
w.join(5)
w.done.set()
ld2.stop()
t.eq(stop.returncode, 0, "scripts/stack stop ends")
t.eq(sorted(said), sorted(PROGS), "it stopped each program")
for p in PROGS:
    gone = [w.gone.get(pid) for pid in pids[p]]
    ok = p in said and all(g is not None for g in gone) and max(gone) - said[p] < 1.0
    t.ok(ok, "sharek-%s: its workers gone within a second of its stop (%s s)"
         % (p, "%.2f" % (max(gone) - said[p]) if ok or (p in said and None not in gone) else "-"))
out = stack("start")
t.eq(out.returncode, 0, "the stack starts again (to count)")
s2 = ld2.stats(label="scripts/stack stop under load")
t.eq(s2["lost"], 0, "no acknowledged write is lost")
sys.exit(t.done())
