"""Participatory budgeting end to end (issue 19): a budget voted by
knapsack; a ballot over the budget refused at its field with the
selection kept; a changed ballot counted once; paper ballots counted
separately and in the totals; after closing, the winners equal what this
test computes itself from the ballots it cast, by greedy and by the
Method of Equal Shares (same ballots, both rules); the page's totals
equal a count of the stored ballots."""
import re
import sys
from fractions import Fraction
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, hidden_fields, sql, sql1

t = Tap()
ent = sql1("SELECT entity_id FROM budgets ORDER BY id LIMIT 1")
sql("INSERT INTO budgets (entity_id, state, title_ar, title_en, total_amount, votes_per_user, opens_at, closes_at, "
    "ballot_rule, method, created_at) VALUES (%s, 'open', 'موازنة الاختبار 160', 'Test budget 160', 100000.000, 1, "
    "UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 1 DAY, 'knapsack', 'greedy', UTC_TIMESTAMP())" % ent)
bid = sql1("SELECT id FROM budgets WHERE title_en='Test budget 160'")
COST = [100000, 25000, 25000, 25000, 25000, 60000]
for i, c in enumerate(COST):
    sql("INSERT INTO budget_projects (budget_id, position, title_ar, title_en, cost) VALUES (%s, %d, 'مشروع %d', "
        "'Project %d', %d.000)" % (bid, i + 1, i + 1, i + 1, c))
PID = [int(x[0]) for x in sql("SELECT id FROM budget_projects WHERE budget_id=%s ORDER BY position" % bid)]
B = "/budgets/%s" % bid
BAL = B + "/ballot"

r = Client().get("/budgets")
t.eq(r.status, 200, "the list of budgets")
t.ok(B in r.text, "lists the test budget")
r = Client().get(B)
t.ok('action="%s"' % BAL not in r.text, "no ballot form for anonymous readers")
t.ok('<p class="kind">Voting open</p>' in Client(lang="en").get(B).text, "it is shown as voting open")
t.ok("100,000.000 دينار أردني" in Client(lang="ar").get(B).text and "100,000.000 JOD" in Client(lang="en").get(B).text,
     "its amounts name the currency in the reader's language (دينار أردني, JOD)")

# Before its vote, a budget is shown in its phase: taking proposals, then
# its projects under review; never "voting open" (on its page and in the
# list, in both languages).
sql("INSERT INTO budgets (entity_id, state, title_ar, title_en, total_amount, votes_per_user, opens_at, closes_at, "
    "proposals_close_at, ballot_rule, method, created_at) VALUES (%s, 'open', 'موازنة المقترحات 160', "
    "'Proposals budget 160', 5000.000, 1, UTC_TIMESTAMP() + INTERVAL 20 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 10 DAY, 'knapsack', 'greedy', UTC_TIMESTAMP())" % ent)
pb = sql1("SELECT id FROM budgets WHERE title_en='Proposals budget 160'")


def phase_shown(lang):
    page = Client(lang=lang).get("/budgets/%s" % pb).text
    lst = Client(lang=lang).get("/budgets").text
    card = lst[lst.index('href="/budgets/%s"' % pb) - 200:lst.index('href="/budgets/%s"' % pb)]
    m1 = re.search(r'<p class="kind">([^<]*)</p>', page)
    m2 = re.findall(r'<p class="kind">([^<]*)</p>', card)
    return (m1.group(1) if m1 else None, m2[-1] if m2 else None)


t.eq(phase_shown("en"), ("Taking proposals", "Taking proposals"), "taking proposals: on its page and in the list")
t.eq(phase_shown("ar"), ("تلقي المقترحات", "تلقي المقترحات"), "in Arabic too")
sql("UPDATE budgets SET proposals_close_at = UTC_TIMESTAMP() - INTERVAL 1 HOUR WHERE id=%s" % pb)
t.eq(phase_shown("en"), ("Projects under review", "Projects under review"), "then its projects under review")
sql("DELETE FROM budgets WHERE id=%s" % pb)


def voter(n):
    email = "t160_%d@sharek.test" % n
    sql("INSERT IGNORE INTO users (kind, email, email_verified_at, password_hash, full_name, lang, role, created_at, "
        "updated_at) SELECT 'person', '%s', UTC_TIMESTAMP(), password_hash, 'ناخب %d', 'ar', 'citizen', "
        "UTC_TIMESTAMP(), UTC_TIMESTAMP() FROM users WHERE email='citizen4@sharek.test'" % (email, n))
    c = Client()
    t.eq(c.login(email).status, 303, "voter %d signs in" % n)
    return c


def vote(c, sel, status=303):
    h = hidden_fields(c.get(B).text, BAL)
    r = c.post(BAL, dict(h, project=[str(PID[i]) for i in sel]))
    return r


# Six want project 1 (the whole budget), three want the small ones, one
# wants 6 and 2.
WANT = [[0]] * 6 + [[1, 2, 3, 4]] * 3 + [[5, 1]]
voters = [voter(n) for n in range(len(WANT))]

# Over the budget: refused at the field, the selection kept.
r = vote(voters[0], [0, 1])
t.eq(r.status, 422, "a ballot of 125,000 over 100,000 is refused")
t.ok('id="f-project"' in r.text and 'id="e-project"' in r.text, "the message is at the projects' field")
for i in (0, 1):
    t.ok(re.search(r'value="%d" checked' % PID[i], r.text) is not None, "project %d stays selected" % (i + 1))
t.ok(re.search(r'value="%d" checked' % PID[2], r.text) is None, "an unselected one stays unselected")
t.ok("125,000.000" in r.text, "the running total of the selection is shown")
t.eq(sql1("SELECT COUNT(*) FROM budget_ballots WHERE budget_id=%s" % bid), "0", "nothing stored")

# Changed ballot: first only project 2, then the final choice.
t.eq(vote(voters[6], [1]).status, 303, "a voter first selects project 2")
for c, sel in zip(voters, WANT):
    t.eq(vote(c, sel).status, 303, "a ballot of %s is saved" % [s + 1 for s in sel])
uid6 = sql1("SELECT id FROM users WHERE email='t160_6@sharek.test'")
t.eq(sql1("SELECT COUNT(*) FROM budget_ballots WHERE budget_id=%s AND user_id=%s" % (bid, uid6)), "1",
     "the changed ballot is one ballot")
t.eq(sql1("SELECT changes FROM budget_ballots WHERE budget_id=%s AND user_id=%s" % (bid, uid6)), "1",
     "and its change is counted")
t.eq(sql1("SELECT COUNT(*) FROM budget_votes WHERE budget_id=%s AND user_id=%s" % (bid, uid6)), "4",
     "with the selection of the last ballot only")
h = hidden_fields(voters[9].get(B).text, BAL)
data = dict(h, project=[str(PID[5]), str(PID[1])])
t.eq(voters[9].post(BAL, data).status, 303, "a ballot posted")
t.eq(voters[9].post(BAL, data).status, 303, "the same form posted again")
t.eq(sql1("SELECT COUNT(*) FROM budget_votes WHERE budget_id=%s AND user_id=(SELECT id FROM users WHERE "
          "email='t160_9@sharek.test')" % bid), "2", "stores one ballot")

# Paper ballots: 2 copies of {6}, entered by staff (a batch).
staff = sql1("SELECT id FROM users WHERE role <> 'citizen' ORDER BY id LIMIT 1")
sql("INSERT INTO budget_paper_ballots (budget_id, batch, copies, entered_by, at) VALUES (%s, 'P1', 2, %s, "
    "UTC_TIMESTAMP())" % (bid, staff))
pb = sql1("SELECT MAX(id) FROM budget_paper_ballots WHERE budget_id=%s" % bid)
sql("INSERT INTO budget_paper_choices (ballot_id, project_id) VALUES (%s, %d)" % (pb, PID[5]))
BALLOTS = [(list(s), 1) for s in WANT] + [([5], 2)]

# Close voting (a form loaded while open, posted after).
late = hidden_fields(voters[1].get(B).text, BAL)
sql("UPDATE budgets SET closes_at = UTC_TIMESTAMP() - INTERVAL 1 SECOND, opens_at = UTC_TIMESTAMP() - INTERVAL 2 DAY "
    "WHERE id=%s" % bid)
r = voters[1].post(BAL, dict(late, project=[str(PID[1])]))
t.eq(r.status, 409, "no ballot once voting has closed")
t.eq(sql1("SELECT COUNT(*) FROM budget_votes WHERE budget_id=%s AND user_id=(SELECT id FROM users WHERE "
          "email='t160_1@sharek.test')" % bid), "1", "the stored ballot is unchanged")


def votes_of():
    v = [0] * len(COST)
    for sel, k in BALLOTS:
        for i in sel:
            v[i] += k
    return v


def order(v):
    return sorted(range(len(COST)), key=lambda i: (-v[i], COST[i], PID[i]))


def greedy(v, left, won):
    for i in order(v):
        if i not in won and v[i] > 0 and COST[i] <= left:
            won.add(i)
            left -= COST[i]
    return won


def mes(v, total):
    n = sum(k for _, k in BALLOTS)
    share = [Fraction(total, n)] * len(BALLOTS)
    won, alive = set(), set(i for i in range(len(COST)) if v[i] > 0)
    while True:
        best = None
        for i in sorted(alive):
            sup = sorted((share[j], k, j) for j, (sel, k) in enumerate(BALLOTS) if i in sel and k > 0)
            if sum(s * k for s, k, _ in sup) < COST[i]:
                alive.discard(i)
                continue
            paid, w = Fraction(0), sum(k for _, k, _ in sup)
            for s, k, _ in sup:
                rho = (COST[i] - paid) / w
                if rho <= s:
                    break
                paid += s * k
                w -= k
            key = (rho, -v[i], COST[i], PID[i])
            if best is None or key < best[0]:
                best = (key, i)
        if best is None:
            break
        rho, i = best[0][0], best[1]
        won.add(i)
        alive.discard(i)
        for j, (sel, k) in enumerate(BALLOTS):
            if i in sel:
                share[j] = max(Fraction(0), share[j] - rho)
    return greedy(v, total - sum(COST[i] for i in won), won)


def page_results():
    r = Client().get(B)
    rows = re.findall(r'<tr data-project="(\d+)"[^>]*>.*?<td class="votes">(\d+)</td>.*?<td class="funded">(\w+)',
                      r.text, re.S)
    got = {int(p): (int(v), f) for p, v, f in rows}
    total = re.search(r'id="ballots-total">(\d+)<', r.text)
    return r, got, int(total.group(1)) if total else None


v = votes_of()
r, got, total = page_results()
t.eq(r.status, 200, "the results page")
t.eq([got.get(p, (None,))[0] for p in PID], v, "every project's votes, online and paper together")
t.eq(total, 12, "ten online ballots and two paper copies")
t.eq(total, int(sql1("SELECT COUNT(*) FROM budget_ballots WHERE budget_id=%s" % bid))
     + int(sql1("SELECT SUM(copies) FROM budget_paper_ballots WHERE budget_id=%s" % bid)),
     "the page's total is a count of the stored ballots")
# The chart of votes: its table's total is the sum of the votes (a ballot
# chooses several projects), and it says its percentages are of the
# ballots, each project's share of them.
tbl = r.text[r.text.index('id="chart-budget-table"'):]
tbl = tbl[:tbl.index("</table>")]
foot = re.search(r"<tfoot>.*?<td>(\d+)</td>", tbl, re.S)
t.eq(int(foot.group(1)) if foot else None, sum(v), "the chart's total is the sum of the votes (%d)" % sum(v))
t.ok(re.search(r'class="note chart-base">[^<]*\b12\b[^<]*ballots',
               Client(lang="en").get(B).text) is not None,
     "and it says its percentages are of the 12 ballots")
pcs = [float(x) for x in re.findall(r"<td>\d+</td><td>([\d.]+)%</td>", tbl)]
t.ok(len(pcs) == len(PID) and all(abs(pc - 100.0 * n / 12) < 0.06 for pc, n in zip(pcs, v)),
     "each project's percentage is its votes over the ballots (%s)" % pcs, pcs)

want = greedy(v, 100000, set())
t.eq(sorted(i for i, p in enumerate(PID) if got.get(p, (0, ""))[1] in ("Yes", "نعم")), sorted(want),
     "greedy: the winners this test computes (%s)" % sorted(i + 1 for i in want))

sql("UPDATE budgets SET method='mes' WHERE id=%s" % bid)
r, got, total = page_results()
want_mes = mes(v, 100000)
t.eq(sorted(i for i, p in enumerate(PID) if got.get(p, (0, ""))[1] in ("Yes", "نعم")), sorted(want_mes),
     "equal shares: the winners this test computes (%s)" % sorted(i + 1 for i in want_mes))
t.ok(want != want_mes, "the two rules choose differently on these ballots")
r2, got2, _ = page_results()
t.eq(got2, got, "the same ballots give the same winners again")
t.done()
