"""Orphan upload files are swept (issue 9, what was left): a worker
killed between writing an upload and committing its row leaves a file
no uploads row names.  `sharekctl tick` (through `sharekctl
sweep-uploads`) removes such files once they are more than an hour
old, and leaves alone a file a row names however old, a young file (a
request may still be about to commit its row) and anything in the
directory that is not an upload's name."""
import os
import secrets
import subprocess
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Tap, sql, tick, VAR

t = Tap()
UPLOADS = os.path.join(VAR, "uploads")
OLD = time.time() - 2 * 3600


def put(name, age=None):
    path = os.path.join(UPLOADS, name)
    with open(path, "wb") as f:
        f.write(b"%PDF-1.4\n%%EOF\n")
    if age is not None:
        os.utime(path, (age, age))
    return path


orphan = put(secrets.token_hex(16), OLD)
orphan2 = put(secrets.token_hex(16), time.time() - 3700)
named_name = secrets.token_hex(16)
named = put(named_name, OLD)
sql("INSERT INTO uploads (stored_name, original_name, mime, size, sha256, created_at) "
    "VALUES ('%s', 'named.pdf', 'application/pdf', 15, UNHEX(SHA2('024', 256)), "
    "UTC_TIMESTAMP() - INTERVAL 2 HOUR)" % named_name)
young = put(secrets.token_hex(16), time.time() - 600)
other = put("README-024.txt", OLD)

r = tick()
t.eq(r.returncode, 0, "sharekctl tick succeeds")
t.ok(not os.path.exists(orphan), "an orphan file two hours old is removed")
t.ok(not os.path.exists(orphan2), "an orphan file just over an hour old is removed")
t.ok(os.path.exists(named), "a file an uploads row names stays, however old")
t.ok(os.path.exists(young), "an orphan younger than an hour stays (its request may commit)")
t.ok(os.path.exists(other), "a file that is not an upload's name is never touched")

# The same through the subcommand, once the young one is old.
os.utime(young, (OLD, OLD))
root = os.environ.get("SHAREK_ROOT", ".")
build = os.environ.get("SHAREK_BUILD", "build")
r = subprocess.run([os.path.join(root, build, "bin/sharekctl"), "sweep-uploads"],
                   capture_output=True, text=True)
t.eq(r.returncode, 0, "sharekctl sweep-uploads succeeds")
t.ok(not os.path.exists(young), "sweep-uploads removes it once it is old")
t.ok(os.path.exists(named), "and still leaves the named one")
r = tick()
t.eq((r.returncode, "orphan" in r.stdout), (0, False), "a tick with nothing to sweep says nothing")

os.remove(other)
os.remove(named)
sql("DELETE FROM uploads WHERE stored_name='%s'" % named_name)
t.done()
