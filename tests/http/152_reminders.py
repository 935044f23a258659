"""Quota reminders (issue 16): sharekctl tick writes an entity's liaison
officer when a month is about to end without a poll and when a quarter is
about to end without a blog article — each once per month or quarter by
its unique key, however many ticks run — and not when the entity has one
or the end is not near."""
import os
import subprocess
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Tap, mails_to, sql, sql1

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
BUILD = os.environ.get("SHAREK_BUILD", "build")


def tick(now):
    return subprocess.run([os.path.join(ROOT, BUILD, "bin/sharekctl"), "tick", "--now=" + now],
                          capture_output=True, text=True)


addr = "liaison@quota.sharek.test"
sql("INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, active, created_at, updated_at) VALUES "
    "('council', 'مجلس الحصص', 'Quota council', 'quota-council', 0, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP())")
e = sql1("SELECT id FROM entities WHERE slug='quota-council'")
sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, lang, role, entity_id, active, "
    "created_at, updated_at) VALUES ('staff', '%s', UTC_TIMESTAMP(), 'x', 'ضابط الحصص', 'en', 'liaison', %s, 1, "
    "UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (addr, e))
u = sql1("SELECT id FROM users WHERE email='%s'" % addr)
sql("UPDATE entities SET liaison_user_id=%s WHERE id=%s" % (u, e))


def subjects():
    out = []
    for m in mails_to(addr):
        for line in m.splitlines():
            if line.startswith("Subject:"):
                out.append(line)
    return out


t.eq(tick("2027-03-10T09:00").returncode, 0, "a tick in the middle of the month")
t.eq(subjects(), [], "writes nothing: the month's end is not near")
t.eq(tick("2027-03-29T09:00").returncode, 0, "a tick two days before the end of March (and of the quarter)")
s = subjects()
t.eq(len(s), 2, "two reminders")
t.ok(any("no poll this month" in x for x in s) and any("no blog article this quarter" in x for x in s),
     "one for the poll, one for the blog article", s)
tick("2027-03-30T09:00")
tick("2027-03-31T09:00")
t.eq(len(subjects()), 2, "later ticks of the same month send nothing more")
t.eq(sql1("SELECT COUNT(*) FROM quota_reminders WHERE entity_id=%s" % e), "2", "each claimed once by its key")

# April: a poll scheduled in the month, so no poll reminder; the quarter's end is not near
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, publish_at, closes_at, "
    "created_at, updated_at) VALUES ('poll', %s, %s, 'public', 'scheduled', 'استطلاع نيسان', 'April poll', "
    "'2027-04-05 09:00:00', '2027-05-10 09:00:00', UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (e, u))
tick("2027-04-28T09:00")
t.eq(len(subjects()), 2, "a month with a poll and a quarter far from its end: nothing")
# June: no poll in June, a blog article in the quarter
sql("INSERT INTO blog_posts (entity_id, author_id, title_ar, body_ar, published_at) VALUES "
    "(%s, %s, 'مقال', 'نص', '2027-05-02 09:00:00')" % (e, u))
tick("2027-06-28T09:00")
s = subjects()
t.eq(len(s), 3, "June: one more")
t.ok("no poll this month" in s[-1], "for the poll only: the quarter had its article", s)

sql("DELETE FROM activities WHERE entity_id=%s" % e)
sql("DELETE FROM blog_posts WHERE entity_id=%s" % e)
sql("DELETE FROM quota_reminders WHERE entity_id=%s" % e)
sql("UPDATE entities SET liaison_user_id=NULL, active=0 WHERE id=%s" % e)
sql("UPDATE users SET active=0 WHERE id=%s" % u)
t.done()
