"""Fault test 1 (issue 18): kill -9 a Galera node under write load.
Starts the local cluster (scripts/cluster: three nodes, hosts a and b,
nginx) under $FAULTS_VAR, writes comments and requests through nginx,
kills node1 (host a's own node) with SIGKILL: writes go on through the
others (host a moves to its next [db] nodes entry); every acknowledged
comment and request is then stored on every node; node1 rejoins by IST
(not a full SST) and has the same rows as the others (counts and table
checksums of the load's tables)."""
import os
import socket
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import Tap  # noqa: E402

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", os.path.abspath(os.path.join(os.path.dirname(__file__), "../..")))
FVAR = os.environ["FAULTS_VAR"]
CVAR = os.path.join(FVAR, "cluster")
s = socket.socket()
s.bind(("127.0.0.1", 0))
PORT = s.getsockname()[1]
s.close()
ENV = dict(os.environ, VAR=FVAR, PORT=str(PORT), WORKERS="2")


def cluster(*args, check=True):
    r = subprocess.run(["bash", os.path.join(ROOT, "scripts/cluster")] + list(args), env=ENV,
                       capture_output=True, text=True)
    if check and r.returncode != 0:
        print("# scripts/cluster %s failed:\n%s" % (" ".join(args), (r.stdout + r.stderr)[-3000:]))
    return r


def node_sql(n):
    sock = os.path.join(CVAR, "node%d" % n, "mysqld.sock")

    def run(query):
        out = subprocess.run(["mariadb", "--no-defaults", "--socket=" + sock, "-N", "-B", "sharek", "-e", query],
                             capture_output=True, text=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines()]
    return run


def status(n, var):
    try:
        rows = node_sql(n)("SHOW GLOBAL STATUS LIKE '%s'" % var)
        return rows[0][1] if rows else None
    except subprocess.CalledProcessError:
        return None


def log_size(n):
    p = os.path.join(CVAR, "log", "node%d.err" % n)
    return os.path.getsize(p) if os.path.exists(p) else 0


try:
    r = cluster("start")
    t.ok(r.returncode == 0 and "smoke check" in r.stdout, "scripts/cluster start: three nodes, two hosts, nginx")
    if r.returncode != 0:
        sys.exit(t.done())
    t.eq([status(n, "wsrep_cluster_size") for n in (1, 2, 3)], ["3", "3", "3"], "every node sees a cluster of 3")

    ld = load.Load(users=16, threads=6, url="http://127.0.0.1:%d" % PORT, sql=node_sql(2)).setup()
    ld.start()
    t.ok(ld.wait_acks(20, timeout=90), "the load writes through both hosts (20 acknowledgements)")
    before_kill = ld.failures()
    size1 = log_size(1)
    r = cluster("node-kill", "1")
    t.ok(r.returncode == 0, "node1 killed with SIGKILL")
    for _ in range(40):
        if status(2, "wsrep_cluster_size") == "2":
            break
        time.sleep(0.25)
    t.eq(status(2, "wsrep_cluster_size"), "2", "the others go on as a cluster of 2")
    t.ok(ld.wait_acks(20, timeout=90), "writes go on with node1 down (20 more acknowledgements)")
    # Once host a moved to its next node, nothing fails any more.
    time.sleep(2)
    mark = ld.snapshot()
    ld.wait_acks(20, timeout=90)
    window = {k: v - mark.get(k, 0) for k, v in ld.snapshot().items()}
    t.eq(ld.failures(mark), 0, "after the failover no write fails (%s)" % ", ".join(
        "%s: %d" % kv for kv in sorted(window.items()) if kv[1]))

    r = cluster("node-start", "1")
    t.ok(r.returncode == 0, "node1 restarted and Synced again", r.stdout[-800:] + r.stderr[-800:])
    with open(os.path.join(CVAR, "log", "node1.err"), encoding="utf-8", errors="replace") as f:
        f.seek(size1)
        rejoin = f.read()
    t.ok("IST received" in rejoin or "Receiving IST" in rejoin,
         "node1 caught up by IST", "\n".join(l for l in rejoin.splitlines() if "IST" in l or "SST" in l)[-1500:])
    t.ok("Running IST" in rejoin and "Receiving IST:" in rejoin,
         "without a full copy: the state transfer script ran IST only")
    t.ok(ld.wait_acks(10, timeout=90), "writes go on with node1 back")
    ld.stop()

    # Every node has applied everything (ticks may still write: retry).
    for _ in range(40):
        seqnos = [status(n, "wsrep_last_committed") for n in (1, 2, 3)]
        if len(set(seqnos)) == 1 and seqnos[0]:
            break
        time.sleep(0.25)
    t.eq(len(set(seqnos)), 1, "every node at the same position (%s)" % seqnos)
    got = {}
    for n in (1, 2, 3):
        st = ld.stats(sql=node_sql(n), label="node%d" % n)
        got[n] = st
        t.eq(st["lost"], 0, "node%d: no acknowledged write is lost" % n)
    t.ok(got[2]["acknowledged"] >= 50, "writes were acknowledged (%d)" % got[2]["acknowledged"])
    query = ("SELECT (SELECT COUNT(*) FROM comments), (SELECT COUNT(*) FROM requests), "
             "(SELECT COUNT(*) FROM users)")
    counts = [node_sql(n)(query)[0] for n in (1, 2, 3)]
    t.ok(counts[0] == counts[1] == counts[2], "the same counts of comments, requests, users on every node (%s)" % counts)
    sums = [node_sql(n)("CHECKSUM TABLE comments, requests, users") for n in (1, 2, 3)]
    t.ok(sums[0] == sums[1] == sums[2], "the same table checksums on every node", sums)
    print("# answers that were not an acknowledgement: %d before the kill, %d in all" % (before_kill, ld.failures()))
finally:
    cluster("stop", check=False)
sys.exit(t.done())
