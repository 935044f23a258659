"""Participatory budgets before the vote (issue 19): during the proposals
phase a signed-in citizen proposes a project (a bad cost refused at its
field with everything kept, nothing stored); staff list their budgets
with the projects to review, add a project of their own (audited) and
review each — feasible or not, a public reason (required) and a corrected
cost —, audited, shown on the public page and mailed to the citizen who
proposed it; once the proposals phase is over a proposal is refused
(409, nothing stored), and once voting has opened so is a review."""
import datetime
import os
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, mails_to, sql, sql1, tick

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
RUN = "%d%d" % (os.getpid(), int(datetime.datetime.utcnow().timestamp()))
CITIZEN = "bud163-%s@sharek.test" % RUN
sql("INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, lang, role, created_at, updated_at) "
    "SELECT 'person', '%s', UTC_TIMESTAMP(), password_hash, 'Citizen 163', 'en', 'citizen', UTC_TIMESTAMP(), "
    "UTC_TIMESTAMP() FROM users WHERE email='citizen@sharek.test'" % CITIZEN)
sql("INSERT INTO budgets (entity_id, state, title_ar, title_en, total_amount, currency, votes_per_user, opens_at, "
    "closes_at, proposals_close_at, ballot_rule, method, created_at) VALUES (%s, 'open', 'موازنة 163', "
    "'Budget 163', 80000.000, 'JOD', 1, UTC_TIMESTAMP() + INTERVAL 10 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 5 DAY, 'knapsack', 'greedy', UTC_TIMESTAMP())" % moh)
bid = sql1("SELECT id FROM budgets WHERE title_en='Budget 163' ORDER BY id DESC LIMIT 1")
P = "/budgets/%s" % bid
S = "/staff/budgets/%s" % bid

anon = Client(lang="en")
r = anon.get(P)
t.eq(r.status, 200, "the budget in its proposals phase")
t.ok('id="propose"' in r.text and "/login?next=/budgets/%s" % bid in r.text, "anyone is asked to sign in to propose")

cit = Client(lang="en")
t.eq(cit.login(CITIZEN).status, 303, "a citizen signs in")
r, h = cit.form(P, P + "/propose")
t.ok('action="%s/propose"' % P in r.text, "the proposal form")
bad = dict(h, title="Shade sails 163", description="Shade sails over the playground of the 163 school.",
           cost="a lot", location="School 163")
r = cit.post(P + "/propose", bad)
t.eq(r.status, 422, "a cost that is not an amount is refused")
t.ok('id="e-cost"' in r.text and 'value="Shade sails 163"' in r.text and "the 163 school.</textarea>" in r.text,
     "at its field, everything typed kept")
t.eq(sql1("SELECT COUNT(*) FROM budget_projects WHERE budget_id=%s" % bid), "0", "nothing stored")
r = cit.post(P + "/propose", dict(bad, cost="12,500.250"))
t.eq(r.status, 303, "the project is proposed")
pid = sql1("SELECT id FROM budget_projects WHERE budget_id=%s AND title_en='Shade sails 163'" % bid)
t.ok(pid is not None, "stored in the proposer's language")
t.eq(sql("SELECT CAST(cost AS CHAR), p.location, u.email FROM budget_projects p JOIN users u ON u.id = p.proposed_by "
         "WHERE p.id=%s" % pid), [["12500.250", "School 163", CITIZEN]], "with its cost, place and proposer")
t.ok('id="proposed"' in cit.get(P + "?proposed=1").text, "the citizen is told it is received")

sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
r = sup.get("/staff/budgets")
t.eq(r.status, 200, "the staff list of budgets")
t.ok(re.search(r'data-budget="%s"[^>]*>.*?<td class="to-review">1</td>' % bid, r.text, re.S) is not None,
     "the budget is listed with its one project to review")
r, h = sup.form(S, S + "/projects")
t.ok('action="%s/review"' % S in r.text, "the review form")
r = sup.post(S + "/projects", dict(h, title_ar="إنارة 163", title_en="Lights 163", cost="0"))
t.eq(r.status, 422, "a staff project without a cost above zero is refused")
t.ok('id="e-cost"' in r.text and 'value="إنارة 163"' in r.text, "at its field, the title kept")
r = sup.post(S + "/projects", dict(h, title_ar="إنارة 163", title_en="Lights 163", cost="9000"))
t.eq(r.status, 303, "staff add a project")
sid = sql1("SELECT id FROM budget_projects WHERE budget_id=%s AND title_en='Lights 163'" % bid)
t.eq(sql1("SELECT proposed_by IS NULL FROM budget_projects WHERE id=%s" % sid), "1", "as staff")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='budget.project_add' AND object_id=%s" % sid), "1",
     "audited")

r, hs = sup.form(S, S + "/review")
r = sup.post(S + "/review", dict(hs, review_project=pid, feasible="no", review_reason="", review_cost="15000"))
t.eq(r.status, 422, "a review without its public reason is refused")
t.ok('id="e-review_reason"' in r.text and 'value="15000"' in r.text, "at its field, the corrected cost kept")
t.eq(sql1("SELECT review_reason IS NULL FROM budget_projects WHERE id=%s" % pid), "1", "nothing stored")
WHY = "The playground belongs to a private school, 163."
r = sup.post(S + "/review", dict(hs, review_project=pid, feasible="no", review_reason=WHY, review_cost="15000"))
t.eq(r.status, 303, "the project is reviewed: not feasible")
t.eq(sql("SELECT feasible, review_reason, CAST(cost AS CHAR) FROM budget_projects WHERE id=%s" % pid),
     [["0", WHY, "15000.000"]], "with its public reason and corrected cost")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='budget.review' AND object_id=%s" % pid), "1", "audited")
r = sup.post(S + "/review", dict(hs, nonce=os.urandom(16).hex(), review_project=sid, feasible="yes", review_reason="Checked with the works "
                                 "department, 163.", review_cost="9500"))
t.eq(r.status, 303, "the staff project is reviewed: feasible")
r = anon.get(P)
t.ok(WHY in r.text and "Not feasible" in r.text, "the public page shows the review and its reason")
tick()
got = [m for m in mails_to(CITIZEN) if "did not pass the technical review" in m and WHY in m]
t.ok(got and "/budgets/%s" % bid in got[-1], "the proposer is mailed the review with its reason")

sql("UPDATE budgets SET proposals_close_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % bid)
r = cit.post(P + "/propose", dict(bad, nonce=os.urandom(16).hex(), cost="100"))
t.eq(r.status, 409, "after the proposals phase a proposal is refused")
t.eq(sql1("SELECT COUNT(*) FROM budget_projects WHERE budget_id=%s" % bid), "2", "nothing stored")
sql("UPDATE budgets SET opens_at = UTC_TIMESTAMP() - INTERVAL 1 MINUTE WHERE id=%s" % bid)
r = sup.post(S + "/review", dict(hs, nonce=os.urandom(16).hex(), review_project=pid, feasible="yes",
                                 review_reason="Changed our mind, 163.", review_cost="15000"))
t.eq(r.status, 409, "once voting has opened a review is refused")
t.eq(sql1("SELECT feasible FROM budget_projects WHERE id=%s" % pid), "0", "nothing changed")

sql("DELETE FROM budget_projects WHERE budget_id=%s" % bid)
sql("DELETE FROM budgets WHERE id=%s" % bid)
t.done()
