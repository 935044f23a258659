"""A reopened request keeps the due date of its reopening (QA finding 1):
a reply rated 1 star reopens the request with a new due date and a new
escalation cycle; the operations room's classify step during its study
counts the matrix's limit from the reopening, not from the original
receipt, so the request is not late at once and the tick escalates
nothing."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, file_request, hidden_fields, sql, sql1, tick

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
axis = sql1("SELECT id FROM request_axes WHERE code='procedures'")
complaint = sql1("SELECT id FROM request_types WHERE code='complaint'")
sql("DELETE FROM rate_limits")  # the hour's mail allowance, whatever ran before

cit = Client()
cit.login("citizen@sharek.test", prefix="/complaints")
ref, rid = file_request(t, cit, dict(type=complaint, entity=moh, axis=axis, subject="دواء غير متوفر",
                                     body="لم يتوفر دواء الأنسولين في المركز الصحي منذ أسبوعين."))
# Received a month ago: a due date counted from the receipt is long past.
sql("UPDATE requests SET created_at = UTC_TIMESTAMP() - INTERVAL 30 DAY WHERE id=%s" % rid)
page = "/complaints/desk/requests/%s" % rid


def step(c, name, **kw):
    return c.post(page, dict(hidden_fields(c.get(page).text, page), step=name, **kw))


li = Client()
li.login("liaison@moh.sharek.test", prefix="/complaints")
t.eq(step(li, "classify", type=complaint, axis=axis, priority="critical").status, 303, "the desk classifies it")
t.eq(step(li, "reply", reply="وصلت شحنة الأنسولين إلى المركز.").status, 303, "and replies")
hidden = hidden_fields(cit.get("/complaints/track?ref=" + ref).text, "/complaints/track/rate")
t.eq(cit.post("/complaints/track/rate", dict(hidden, stars="1", comment="ما زال الدواء غير متوفر")).status, 303,
     "the requester rates the reply 1 star")
row = sql("SELECT state, escalation_level, due_at > UTC_TIMESTAMP(), reopened_at IS NOT NULL "
          "FROM requests WHERE id=%s" % rid)[0]
t.eq(row, ["reopened", "0", "1", "1"], "reopened with a due date ahead and a new escalation cycle")

ops = Client()
t.eq(ops.login("ops@sharek.test", prefix="/complaints").status, 303, "the operations room signs in")
t.eq(step(ops, "classify", type=complaint, axis=axis, priority="critical").status, 303,
     "and classifies the reopened request")
due = sql1("SELECT due_at FROM requests WHERE id=%s" % rid)
reopened = sql1("SELECT reopened_at FROM requests WHERE id=%s" % rid)
t.eq(sql1("SELECT due_at > UTC_TIMESTAMP() FROM requests WHERE id=%s" % rid), "1",
     "the due date is still ahead (%s, reopened %s)" % (due, reopened))
t.ok(due > reopened, "counted from the reopening", [due, reopened])
r = ops.get(page)
t.ok('class="badge late"' not in r.text, "the desk does not show it late")
r = cit.get("/complaints/track?ref=" + ref)
t.ok('class="badge late"' not in r.text, "nor does the requester's page")
before = sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s" % rid)
p = tick()
t.eq(p.returncode, 0, "the tick runs")
t.eq(sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s" % rid), before,
     "and escalates nothing")
t.eq(sql1("SELECT escalation_level FROM requests WHERE id=%s" % rid), "0", "the request stays at level 0")
sys.exit(t.done())
