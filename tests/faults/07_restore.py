"""The restore drill (issue 18): scripts/backup --physical takes a backup
of the running stack under a write load (the logical dump and the
physical hot backup of mariadb-backup, the uploads, the key); both are
restored, each into a fresh data directory with a MariaDB of its own,
as README.md "Backups" says; each restore has every table's rows
between the counts before and after the backup, every comment and
request acknowledged before the backup began (the latest acknowledged
comment among them), and the backup's checksums and key are right."""
import glob
import os
import subprocess
import sys
import time
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import VAR, Tap, sql  # noqa: E402

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", os.path.abspath(os.path.join(os.path.dirname(__file__), "../..")))
FVAR = os.environ["FAULTS_VAR"]
TABLES = ("comments", "requests", "users", "activities", "audit_log")


def counts(run):
    return [int(run("SELECT COUNT(*) FROM %s" % tb)[0][0]) for tb in TABLES]


def server(d):
    """Starts a MariaDB of its own on data directory d/data; returns its
    query function."""
    sock = os.path.join(d, "mysqld.sock")
    subprocess.Popen(["setsid", "mariadbd", "--no-defaults", "--datadir=" + os.path.join(d, "data"),
                      "--socket=" + sock, "--skip-networking", "--pid-file=" + os.path.join(d, "mariadb.pid"),
                      "--log-error=" + os.path.join(d, "mariadb.err"), "--user=" + os.environ.get("USER", "root"),
                      "--innodb-buffer-pool-size=32M", "--character-set-server=utf8mb4",
                      "--collation-server=utf8mb4_unicode_ci"],
                     stdin=subprocess.DEVNULL, stdout=subprocess.DEVNULL, stderr=subprocess.DEVNULL)
    for _ in range(120):
        if subprocess.run(["mariadb-admin", "--no-defaults", "--socket=" + sock, "ping"],
                          capture_output=True).returncode == 0:
            break
        time.sleep(0.5)

    def run(query):
        out = subprocess.run(["mariadb", "--no-defaults", "--socket=" + sock, "-N", "-B", "sharek", "-e", query],
                             capture_output=True, text=True, check=True).stdout
        return [line.split("\t") for line in out.splitlines()]
    run.sock = sock
    return run


def shutdown(run):
    subprocess.run(["mariadb-admin", "--no-defaults", "--socket=" + run.sock, "shutdown"], capture_output=True)


ld = load.Load(users=10, threads=4).setup()
ld.start()
t.ok(ld.wait_acks(20, timeout=60), "the load is writing")
with ld.lock:
    before_acks = list(ld.acked)
before = counts(sql)
r = subprocess.run(["bash", os.path.join(ROOT, "scripts/backup"), "--physical", os.path.join(FVAR, "backups")],
                   capture_output=True, text=True, env=dict(os.environ, SHAREK_CONF=os.path.join(VAR, "sharek.ini")))
t.ok(r.returncode == 0, "scripts/backup --physical under load", (r.stdout + r.stderr)[-2000:])
during = ld.wait_acks(5, timeout=30)
ld.stop()
after = counts(sql)
t.ok(during, "the site kept taking writes while it was backed up")
s = ld.stats()
t.eq(s["lost"], 0, "no acknowledged write is lost on the stack")

dirs = glob.glob(os.path.join(FVAR, "backups", "sharek-*"))
t.eq(len(dirs), 1, "one backup directory (no .partial left)")
bk = dirs[0] if dirs else FVAR
t.eq(sorted(os.listdir(bk)), ["SHA256SUMS", "database.sql.gz", "physical.tar.gz", "secret.key", "sharek.ini",
                              "uploads.tar.gz"], "with the dump, the physical backup, the uploads, the key, the configuration")
t.eq(subprocess.run(["sha256sum", "-c", "--quiet", "SHA256SUMS"], cwd=bk, capture_output=True).returncode, 0,
     "sha256sum -c SHA256SUMS passes")
with open(os.path.join(bk, "secret.key"), "rb") as a, open(os.path.join(VAR, "secret.key"), "rb") as b:
    t.ok(a.read() == b.read(), "the complainants' key is the stack's")
comments = [text for kind, text, _ in before_acks if kind == "comment"]
latest = comments[-1] if comments else None


def check(name, run):
    got = counts(run)
    t.ok(all(b <= g <= a for b, g, a in zip(before, got, after)),
         "%s: the rows of %s between the counts before and after the backup (%s <= %s <= %s)"
         % (name, ", ".join(TABLES), before, got, after))
    stored = ld.stored(run)
    missing = [a for a in before_acks if a not in stored]
    t.eq(missing, [], "%s: every write acknowledged before the backup began is there (%d)" % (name, len(before_acks)))
    t.ok(latest is not None and run("SELECT COUNT(*) FROM comments WHERE body = '%s'" % latest) == [["1"]],
         "%s: the latest acknowledged comment is there" % name)


# Logical: a new data directory, the dump loaded into it.
d = os.path.join(FVAR, "restore-logical")
os.makedirs(d)
r = subprocess.run(["mariadb-install-db", "--no-defaults", "--datadir=" + os.path.join(d, "data"),
                    "--user=" + os.environ.get("USER", "root"), "--auth-root-authentication-method=socket",
                    "--skip-test-db"], capture_output=True, text=True)
t.ok(r.returncode == 0, "a fresh data directory", r.stderr[-1000:])
lg = server(d)
r = subprocess.run("gunzip < %s/database.sql.gz | mariadb --no-defaults --socket=%s" % (bk, lg.sock), shell=True,
                   capture_output=True, text=True)
t.ok(r.returncode == 0, "the dump loads into it", r.stderr[-1000:])
try:
    check("logical", lg)
finally:
    shutdown(lg)

# Physical: the prepared backup unpacked as the data directory.
d = os.path.join(FVAR, "restore-physical")
os.makedirs(os.path.join(d, "data"))
r = subprocess.run(["tar", "-C", os.path.join(d, "data"), "-xzf", os.path.join(bk, "physical.tar.gz")],
                   capture_output=True, text=True)
t.ok(r.returncode == 0, "the physical backup unpacks into an empty data directory", r.stderr)
ph = server(d)
try:
    check("physical", ph)
finally:
    shutdown(ph)
sys.exit(t.done())
