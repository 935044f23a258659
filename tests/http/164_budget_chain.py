"""An entity opens a participatory budget through the review chain of the
consultations (issue 19): a supervisor drafts it (bad dates refused at
their field with everything kept; a draft is never public), submits it;
the coordinator returns it (a reason required) and the author reads the
reason; submitted again, the coordinator forwards it; a supervisor or
the coordinator cannot approve it (403, nothing changed); the liaison
officer approves it, which opens it: public, taking proposals.  Every
step is audited."""
import datetime
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
now = datetime.datetime.utcnow() + datetime.timedelta(hours=3)   # the deployment's local time


def local(days):
    return (now + datetime.timedelta(days=days)).strftime("%Y-%m-%dT%H:%M")


sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
r, h = sup.form("/staff/budgets/new", "/staff/budgets/new")
t.eq(r.status, 200, "the form of a new budget")
form = dict(h, title_ar="موازنة 164", title_en="Budget 164", total="90,000", currency="JOD",
            area_ar="إربد", area_en="Irbid", proposals_close_at=local(3), opens_at=local(6),
            closes_at=local(5), ballot_rule="approval", max_projects="2", min_projects="0",
            min_share_pct="0", method="mes")
r = sup.post("/staff/budgets/new", form)
t.eq(r.status, 422, "voting closing before it opens is refused")
t.ok('id="e-closes_at"' in r.text and 'value="Budget 164"' in r.text and 'value="90,000"' in r.text,
     "at its field, everything typed kept")
t.eq(sql1("SELECT COUNT(*) FROM budgets WHERE title_en='Budget 164'"), "0", "nothing stored")
r = sup.post("/staff/budgets/new", dict(form, closes_at=local(20), max_projects="0"))
t.eq(r.status, 422, "an approval vote without its number of projects is refused")
t.ok('id="e-max_projects"' in r.text, "at its field")
r = sup.post("/staff/budgets/new", dict(form, closes_at=local(20)))
t.eq(r.status, 303, "the draft is saved")
bid = sql1("SELECT id FROM budgets WHERE title_en='Budget 164' ORDER BY id DESC LIMIT 1")
C = "/staff/budgets/%s/chain" % bid
t.ok(r.header("Location").endswith(C), "to its review page")
t.eq(sql("SELECT state, review_state, ballot_rule, method, max_projects, CAST(total_amount AS CHAR) FROM budgets "
         "WHERE id=%s" % bid), [["draft", "draft", "approval", "mes", "2", "90000.000"]], "a draft with its rules")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='budget.draft' AND object_id=%s" % bid), "1", "audited")
anon = Client(lang="en")
t.eq(anon.get("/budgets/%s" % bid).status, 404, "a draft is not public")
t.ok("/staff/budgets/%s/chain" % bid in sup.get("/staff/budgets").text, "the staff list links it")


def step(c, event, status=303, **kw):
    r, h = c.form(C, C)
    return c.post(C, dict(h, event=event, **kw))


t.eq(step(sup, "submit").status, 303, "the supervisor submits it")
t.eq(sql1("SELECT review_state FROM budgets WHERE id=%s" % bid), "submitted", "with the coordinator")
co = Client(lang="en")
t.eq(co.login("coordinator@moh.sharek.test", prefix="/staff").status, 303, "the coordinator signs in")
r = step(co, "return", reason="")
t.eq(r.status, 422, "a return without a reason is refused")
t.ok('id="e-reason"' in r.text, "the message is at the reason")
t.eq(step(co, "return", reason="Add the area's districts, 164.").status, 303, "returned with a reason")
r = sup.get(C)
t.ok('data-state="returned"' in r.text and "Add the area&#39;s districts, 164." in r.text,
     "the author reads the reason")
t.eq(step(sup, "submit").status, 303, "submitted again")
t.eq(step(co, "forward").status, 303, "the coordinator forwards it")
t.eq(sql1("SELECT review_state FROM budgets WHERE id=%s" % bid), "approved", "with the liaison officer")
t.eq(step(co, "approve").status, 403, "the coordinator cannot approve it")
t.eq(step(sup, "approve").status, 403, "nor can a supervisor")
t.eq(sql1("SELECT state FROM budgets WHERE id=%s" % bid), "draft", "nothing changed: still not public")
li = Client(lang="en")
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "the liaison officer signs in")
t.eq(step(li, "approve").status, 303, "the liaison officer approves it")
t.eq(sql("SELECT state, review_state FROM budgets WHERE id=%s" % bid), [["open", "scheduled"]], "it is open")
r = anon.get("/budgets/%s" % bid)
t.eq(r.status, 200, "now public")
t.ok('id="propose"' in r.text, "taking proposals")
t.eq(step(li, "approve").status, 409, "approving it twice is a conflict")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE object_type='budget' AND object_id=%s AND action IN "
          "('budget.submit', 'budget.return', 'budget.forward', 'budget.approve')" % bid), "5",
     "every step audited")
sql("DELETE FROM budgets WHERE id=%s" % bid)
t.done()
