"""The extension race (issue 9, item 6): simultaneous extensions of one
open consultation must not pass the cap of Tawasul art. 11-ج together.

An open consultation of the Ministry of Health with a 40-day original
period already extended by 30 days (10 left) gets N extensions of 6 days
at once, each from its own thread with its own form nonce, all as the
liaison officer.  To make the race certain rather than lucky, the test
holds the activity's row lock from its own database session while the
requests arrive, and lets go only once every staff worker is waiting on
it: code that read the row without locking it would have the waiting
workers decide on the same stale total and grant two (42 days of 40,
the issue's case; checked against a build without FOR UPDATE).  Then:
the total added time never exceeds the original period, exactly the one
extension that fits was granted (recorded, audited, the closing date
moved by exactly that), and every refused one got a 422 saying how many
days are left, in the user's language."""
import configparser
import os
import select
import subprocess
import sys
import threading
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, SQL, sql, sql1, hidden_fields

t = Tap()
N = 10                       # simultaneous requests
DAYS = 6                     # each asks for this many days
PERIOD = 40                  # the original period, in days
DONE = 30                    # already extended by
LEFT = PERIOD - DONE         # 10 days: room for one of them (the issue's
GRANT = LEFT // DAYS         # case: two at once made 42 days of 40)
REST = LEFT - GRANT * DAYS   # the days left after it: 4

moh = sql1("SELECT id FROM entities WHERE slug='moh'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
sql("INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, "
    "title_ar, title_en, summary_ar, summary_en, objectives_ar, objectives_en, doc_kind, "
    "publish_at, original_closes_at, closes_at, extended_seconds, results_due_at, "
    "final_publication_at, version, created_at, updated_at) VALUES "
    "('consultation', %s, %s, 'public', 0, 'open', 'مسودة لاختبار سباق التمديد', "
    "'Extension race draft', 'ملخص', 'Summary', 'أهداف', 'Objectives', 'articles', "
    "UTC_TIMESTAMP() - INTERVAL 20 DAY, "
    "UTC_TIMESTAMP() - INTERVAL 20 DAY + INTERVAL %d DAY, "
    "UTC_TIMESTAMP() - INTERVAL 20 DAY + INTERVAL %d DAY, %d, "
    "UTC_TIMESTAMP() + INTERVAL 80 DAY, UTC_TIMESTAMP() + INTERVAL 90 DAY, 1, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (moh, author, PERIOD, PERIOD + DONE, DONE * 86400))
aid = sql1("SELECT MAX(id) FROM activities WHERE title_en='Extension race draft'")
closes0 = sql1("SELECT UNIX_TIMESTAMP(closes_at) FROM activities WHERE id=%s" % aid)
page = "/staff/activities/%s" % aid
action = page + "/extend"

liaison = Client()
t.eq(liaison.login("liaison@moh.sharek.test", prefix="/staff").status, 303,
     "the liaison officer signs in")
r = liaison.get(page)
t.ok(r.status == 200 and "الأيام المتاحة: %d" % LEFT in r.text,
     "the page says %d days are left" % LEFT)

# One client per thread, each with the liaison officer's session and a
# form (nonce) of its own.
forms = []
for i in range(N):
    c = Client()
    for ck in liaison.jar:
        c.jar.set_cookie(ck)
    hidden = hidden_fields(c.get(page).text, action)
    forms.append((c, hidden))
nonces = {h.get("nonce") for _, h in forms}
t.ok(len(nonces) == N and None not in nonces, "%d forms, each with its own nonce" % N)

# The staff program's workers: how many requests can be in the database
# at once.
conf = configparser.ConfigParser(strict=False, inline_comment_prefixes=(";", "#"))
conf.read(os.environ.get("SHAREK_CONF", ""))
workers = int(os.environ.get("WORKERS") or conf.get("workers", "staff", fallback="2"))
waiting = min(N, workers)

# Hold the row lock from a session of our own (--unbuffered: each
# result comes back as soon as its statement ran).  Every wait below is
# bounded, so a broken run fails instead of hanging.
lock = subprocess.Popen(SQL.split() + ["--unbuffered"], stdin=subprocess.PIPE,
                        stdout=subprocess.PIPE, stderr=subprocess.DEVNULL, text=True)


def lock_line(timeout=30):
    ready, _, _ = select.select([lock.stdout], [], [], timeout)
    return lock.stdout.readline().strip() if ready else None


lock.stdin.write("SET SESSION innodb_lock_wait_timeout = 120;\nBEGIN;\n"
                 "SELECT id FROM activities WHERE id = %s FOR UPDATE;\n" % aid)
lock.stdin.flush()
t.eq(lock_line(), aid, "the test holds the activity's row lock")

results = [None] * N


def fire(i):
    c, hidden = forms[i]
    data = dict(hidden)
    data.update({"days": str(DAYS), "reason_ar": "طلبت جهات عدة مهلة إضافية رقم %d" % i})
    results[i] = c.post(action, data)


threads = [threading.Thread(target=fire, args=(i,)) for i in range(N)]
for th in threads:
    th.start()


def lock_waits():
    return int(sql1("SELECT COUNT(*) FROM information_schema.innodb_trx "
                    "WHERE trx_state = 'LOCK WAIT'"))


# Every worker is blocked on our lock (a condition, not a delay: the
# loop ends as soon as they are; 60 s only bounds a broken run).
deadline = time.monotonic() + 60
while lock_waits() < waiting and time.monotonic() < deadline:
    time.sleep(0.05)
t.eq(lock_waits(), waiting, "all %d staff workers wait on the row at once" % waiting)
lock.stdin.write("COMMIT;\n")
lock.stdin.close()
try:
    lock.wait(30)
except subprocess.TimeoutExpired:
    lock.kill()
for th in threads:
    th.join(60)
t.ok(all(res is not None for res in results), "every request was answered")

statuses = sorted(res.status for res in results if res is not None)
granted = [res for res in results if res is not None and res.status == 303]
refused = [res for res in results if res is not None and res.status != 303]
ext = int(sql1("SELECT extended_seconds FROM activities WHERE id=%s" % aid))
t.ok(ext <= PERIOD * 86400, "the total added time stays within the original period "
     "(%d of %d days)" % (ext // 86400, PERIOD), statuses)
t.eq(ext, (DONE + GRANT * DAYS) * 86400, "every extension that fitted was granted")
t.eq(len(granted), GRANT, "%d of %d extensions granted" % (GRANT, N))
t.eq(sql1("SELECT COUNT(*) FROM extensions WHERE activity_id=%s" % aid), str(GRANT),
     "one extensions row for each")
t.eq(sql1("SELECT SUM(added_seconds) FROM extensions WHERE activity_id=%s" % aid),
     str(GRANT * DAYS * 86400), "adding up to the time added on the activity")
t.eq(int(sql1("SELECT UNIX_TIMESTAMP(closes_at) FROM activities WHERE id=%s" % aid)) - int(closes0),
     GRANT * DAYS * 86400, "the closing date moved by exactly that much")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='activity.extend' AND object_id=%s" % aid),
     str(GRANT), "each granted extension audited, no refused one")
t.ok(len(refused) == N - GRANT and all(res.status in (409, 422) for res in refused),
     "the others were refused with 409 or 422", statuses)
t.ok(all("لا يجوز أن يتجاوز مجموع التمديدات المدة الأصلية: %d يوماً إضافياً كحد أقصى" % REST
         in res.text for res in refused),
     "each refusal states the cap and the %d days left, in Arabic" % REST)
r = liaison.get(page)
t.ok(r.status == 200, "the activity's page still opens")

# The same race in English: the message in the user's language.
sql("UPDATE activities SET extended_seconds = %d WHERE id=%s" % ((PERIOD - 1) * 86400, aid))
en = Client()
for ck in liaison.jar:
    en.jar.set_cookie(ck)
en.get("/staff/lang/en?next=/staff/")
r = en.submit(page, action, {"days": "3", "reason_ar": "مهلة إضافية أخرى"})
t.eq(r.status, 422, "an extension past the cap is a 422")
t.ok("at most 1 more days" in r.text, "saying in English how many days are left")
sys.exit(t.done())
