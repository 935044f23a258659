"""Participatory budgets for staff (issue 19): the staff tally and the
public results are the same numbers; paper ballots entered in a batch
are counted separately and in the totals; an override of a result is
refused without a public reason (at its field, the choice kept), and
with one it is shown on the public page and audited."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, hidden_fields, sql, sql1

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
sql("INSERT INTO budgets (entity_id, state, title_ar, title_en, total_amount, votes_per_user, opens_at, closes_at, "
    "ballot_rule, method, created_at) VALUES (%s, 'closed', 'موازنة 161', 'Budget 161', 50000.000, 1, "
    "UTC_TIMESTAMP() - INTERVAL 9 DAY, UTC_TIMESTAMP() - INTERVAL 1 DAY, 'knapsack', 'greedy', UTC_TIMESTAMP())" % moh)
bid = sql1("SELECT id FROM budgets WHERE title_en='Budget 161'")
for i, c in enumerate([30000, 30000]):
    sql("INSERT INTO budget_projects (budget_id, position, title_ar, cost) VALUES (%s, %d, 'مشروع %d', %d)"
        % (bid, i + 1, i + 1, c))
PID = [x[0] for x in sql("SELECT id FROM budget_projects WHERE budget_id=%s ORDER BY position" % bid)]
sql("INSERT INTO budget_votes (budget_id, project_id, user_id, at) SELECT %s, %s, id, UTC_TIMESTAMP() FROM users "
    "WHERE email='citizen@sharek.test'" % (bid, PID[0]))
sql("INSERT INTO budget_ballots (budget_id, user_id, at) SELECT %s, id, UTC_TIMESTAMP() FROM users "
    "WHERE email='citizen@sharek.test'" % bid)
S = "/staff/budgets/%s" % bid


def rows(text):
    return {p: (int(v), f) for p, v, f in re.findall(
        r'<tr data-project="(\d+)"[^>]*>.*?<td class="votes">(\d+)</td>.*?<td class="funded">([^<]*)', text, re.S)}


sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
r, h = sup.form(S, S + "/paper")
t.eq(r.status, 200, "the staff tally")
t.ok('action="%s/override"' % S not in r.text, "a supervisor gets no override form")
r = sup.post(S + "/paper", dict(h, batch="صندوق 1", copies="3", project=[PID[1]]))
t.eq(r.status, 303, "three paper ballots for project 2")
r = sup.get(S)
t.ok(re.search(r'id="ballots-total">4<', r.text) is not None, "4 ballots: 1 online and 3 on paper")
staff_rows = rows(r.text)
t.eq(staff_rows[PID[1]][0], 3, "project 2 has its 3 paper votes")
pub = Client().get("/budgets/%s" % bid)
t.ok(re.search(r'id="ballots-total">4<', pub.text) is not None, "the public page counts the same ballots")
t.eq({p: v for p, (v, _) in rows(pub.text).items()}, {p: v for p, (v, _) in staff_rows.items()},
     "and the same votes per project")
t.ok("Yes" in staff_rows[PID[1]][1] or "نعم" in staff_rows[PID[1]][1], "project 2 wins by votes")
t.eq(sup.post(S + "/override", dict(h, project=PID[0], won="yes", reason="x")).status, 403,
     "a supervisor may not override")

li = Client()
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "the liaison officer signs in")
r, h = li.form(S, S + "/override")
t.ok('action="%s/override"' % S in r.text, "the liaison officer gets the override form")
r = li.post(S + "/override", dict(h, project=PID[0], won="yes", reason=""))
t.eq(r.status, 422, "an override without a reason is refused")
t.ok('id="e-reason"' in r.text, "the message is at the reason")
t.ok(re.search(r'<option value="yes" selected', r.text) is not None, "the chosen result is kept")
t.eq(sql1("SELECT override_won IS NULL FROM budget_projects WHERE id=%s" % PID[0]), "1", "nothing changed")
REASON = "قرار المجلس البلدي بتمويل المشروع من بند الطوارئ"
r = li.post(S + "/override", dict(h, project=PID[0], won="yes", reason=REASON))
t.eq(r.status, 303, "with a public reason it is saved")
pub = Client().get("/budgets/%s" % bid)
t.ok(REASON in pub.text, "the reason is on the public results")
t.ok("Yes" in rows(pub.text)[PID[0]][1] or "نعم" in rows(pub.text)[PID[0]][1], "and project 1 is funded")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='budget.override' AND object_id=%s" % PID[0]), "1",
     "the override is audited")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='budget.paper' AND object_id=%s" % bid), "1",
     "and so is the paper batch")
t.done()
