"""The workers survive a lost database connection (house rule 6:
reconnect and re-prepare): after MariaDB kills every connection of the
programs' accounts, the next requests are served normally."""
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql

t = Tap()
c = Client()
for _ in range(4):                      # warm every worker's connection
    c.get("/")
    c.get("/staff/login")
ids = [row[0] for row in sql("SELECT id FROM information_schema.processlist "
                             "WHERE user IN ('sharek_public', 'sharek_staff')")]
t.ok(len(ids) >= 1, "the programs hold database connections (%d)" % len(ids))
for i in ids:
    sql("KILL CONNECTION %s" % i)
# KILL only marks a connection: its thread ends when it next runs, which on
# a loaded machine can take a moment.  No request is sent meanwhile.
for _ in range(50):
    left = sql("SELECT COUNT(*) FROM information_schema.processlist "
               "WHERE user IN ('sharek_public', 'sharek_staff') AND id IN (%s)" % ",".join(map(str, ids)))
    if left == [["0"]]:
        break
    time.sleep(0.1)
t.eq(left, [["0"]], "all of them are killed")
ok = all(c.get("/").status == 200 for _ in range(6))
t.ok(ok, "the public pages are served again at once")
r = c.get("/consultations")
t.ok(r.status == 200 and "cards" in r.text, "with their data")
s = Client()
t.eq(s.login("supervisor@moh.sharek.test", prefix="/staff").status, 303,
     "signing in (prepared statements re-prepared) works")
sys.exit(t.done())
