"""Labels (issue 10): an inter-agency activity is labelled Inter-agency in
the staff list (never Restricted); a label with nothing after it is not
shown (Sectors concerned on a consultation without sectors; the dates of
a draft on its staff page)."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()

# ---- the staff list says Inter-agency -----------------------------------
admin = Client(lang="en")
admin.login("admin@sharek.test", prefix="/staff")
ia = sql("SELECT id FROM activities WHERE audience='interagency'")
rs = sql("SELECT id FROM activities WHERE audience='restricted'")
page = admin.get("/staff/activities").text
rows = {m.group(1): m.group(0) for m in
        re.finditer(r'<tr><td><a href="/staff/activities/(\d+)">.*?</tr>', page)}
shown = [i[0] for i in ia if i[0] in rows]
t.ok(shown, "the ministry admin's list shows inter-agency activities")
# The admin's pages are in the admin's own language (Arabic in the demo).
IA, RS = ("Inter-agency", "بين الجهات الحكومية"), ("Restricted", "مقيدة")
t.ok(shown and all(any(w in rows[i] for w in IA) and not any(w in rows[i] for w in RS)
                   for i in shown),
     "each labelled Inter-agency, not Restricted")
rshown = [i[0] for i in rs if i[0] in rows]
t.ok(all(any(w in rows[i] for w in RS) for i in rshown), "restricted ones stay Restricted")

# ---- Sectors concerned only when there are sectors -----------------------
pub = sql("SELECT a.id, (SELECT COUNT(*) FROM activity_sectors x WHERE x.activity_id=a.id) "
          "FROM activities a WHERE a.audience='public' AND a.state IN ('open','closed','analysis','published')")
c = Client(lang="en")
with_s = [i for i, n in pub if n != "0"]
t.ok(with_s and "Sectors concerned" in c.get("/consultations/" + with_s[0]).text,
     "a consultation with sectors lists them under Sectors concerned")
aid = with_s[0]
saved = sql("SELECT sector_id FROM activity_sectors WHERE activity_id=%s" % aid)
sql("DELETE FROM activity_sectors WHERE activity_id=%s" % aid)
r = c.get("/consultations/" + aid)
t.ok(r.status == 200 and "Sectors concerned" not in r.text,
     "one without sectors shows no empty 'Sectors concerned:'", r)
sql("INSERT INTO activity_sectors (activity_id, sector_id) VALUES " +
    ",".join("(%s,%s)" % (aid, s[0]) for s in saved))
t.ok("Sectors concerned" in c.get("/consultations/" + aid).text, "(sectors restored)")

# ---- a draft's staff page has no empty dates ------------------------------
d = sql1("SELECT id FROM activities WHERE publish_at IS NULL LIMIT 1")
if d is None:
    d = sql1("SELECT id FROM activities WHERE state='draft' LIMIT 1")
r = admin.get("/staff/activities/%s" % d)
t.ok(r.status == 200 and "<dd></dd>" not in r.text,
     "a staff activity page shows no label with an empty value", r)
t.done()
