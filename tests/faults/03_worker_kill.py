"""Fault test 3 (issue 18): kill -9 a FastCGI worker under write load.
multiwatch starts a new worker in its place (as many workers as before,
the killed pid gone); only the request the killed worker had in flight
fails (at most one failed answer per kill); every acknowledged comment
and request is stored."""
import os
import signal
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import VAR, Tap  # noqa: E402

t = Tap()


def workers(prog):
    """The pids of prog's workers: the children of its multiwatch."""
    with open(os.path.join(VAR, "run", prog + ".pid")) as f:
        mw = f.read().strip()
    out = subprocess.run(["pgrep", "-P", mw], capture_output=True, text=True).stdout
    return sorted(int(p) for p in out.split())


ld = load.Load(users=12, threads=4).setup()
ld.start()
t.ok(ld.wait_acks(10, timeout=60), "the load is writing (10 acknowledgements)")
kills = 0
for prog in ("public", "complaints"):
    before = workers(prog)
    t.ok(len(before) >= 1, "sharek-%s has workers (%s)" % (prog, before))
    if not before:
        continue
    victim = before[0]
    os.kill(victim, signal.SIGKILL)
    kills += 1
    after = []
    for _ in range(100):
        after = workers(prog)
        if len(after) == len(before) and victim not in after:
            break
        time.sleep(0.1)
    t.ok(len(after) == len(before) and victim not in after,
         "multiwatch replaced the killed sharek-%s worker %d (%s -> %s)" % (prog, victim, before, after))
    t.ok(ld.wait_acks(10, timeout=60), "writes go on after the kill")
ld.stop()
s = ld.stats()
t.ok(s["acknowledged"] >= 20, "writes were acknowledged (%d)" % s["acknowledged"])
t.eq(s["lost"], 0, "no acknowledged write is lost")
t.ok(ld.failures() <= kills, "only the killed workers' requests in flight failed (%d failed answers, %d kills)"
     % (ld.failures(), kills))
sys.exit(t.done())
