/*
 * budget.c — the pure rules of participatory budgeting (budget.h):
 * counting, greedy, the Method of Equal Shares with exact rationals,
 * the checks of a ballot, amounts in minor units.  No database, no HTTP.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <time.h>

#include "arena.h"
#include "activity.h"
#include "audit.h"
#include "budget.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "outbox.h"
#include "workflow.h"
#include "names.h"
#include "sql_gen.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const bud_method_names[BM__MAX + 1] = {
	[BM_GREEDY] = "greedy", [BM_MES] = "mes", NULL
};
const char *const bud_method_labels[BM__MAX] = {
	[BM_GREEDY] = N_("Greedy by votes"),
	[BM_MES] = N_("Method of Equal Shares"),
};
const char *const bud_ballot_names[BB__MAX + 1] = {
	[BB_KNAPSACK] = "knapsack", [BB_APPROVAL] = "approval", NULL
};
const char *const bud_ballot_labels[BB__MAX] = {
	[BB_KNAPSACK] = N_("Projects that fit in the budget"),
	[BB_APPROVAL] = N_("Up to a number of projects"),
};
const char *const budget_state_names[BST__MAX + 1] = {
	[BST_DRAFT] = "draft", [BST_OPEN] = "open", [BST_CLOSED] = "closed",
	[BST_PUBLISHED] = "published", NULL
};
const char *const budget_state_labels[BST__MAX] = {
	[BST_DRAFT] = N_("Draft"), [BST_OPEN] = N_("Open"),
	[BST_CLOSED] = N_("Voting closed"),
	[BST_PUBLISHED] = N_("Results published"),
};

enum bud_state
budget_state(const char *s)
{
	return (enum bud_state)names_find(budget_state_names, BST__MAX, s);
}

const char *const budget_phase_labels[BPH__MAX] = {
	[BPH_PROPOSALS] = N_("Taking proposals"),
	[BPH_REVIEW] = N_("Projects under review"),
	[BPH_VOTING] = N_("Voting open"),
	[BPH_CLOSED] = N_("Voting closed"),
	[BPH_PUBLISHED] = N_("Results published"),
};

enum bud_phase
budget_phase(enum bud_state st, time_t opens, time_t closes,
    time_t proposals_close, time_t now)
{
	if (st == BST_PUBLISHED)
		return BPH_PUBLISHED;
	if (st != BST_OPEN || now >= closes)
		return BPH_CLOSED;
	if (now >= opens)
		return BPH_VOTING;
	return proposals_close != 0 && now < proposals_close ?
	    BPH_PROPOSALS : BPH_REVIEW;
}

void
bud_count(struct bud_project *p, int np, const struct bud_ballot_in *b,
    int nb)
{
	for (int i = 0; i < np; i++)
		p[i].votes = 0;
	for (int j = 0; j < nb; j++)
		for (int k = 0; k < b[j].n; k++)
			if (b[j].proj[k] >= 0 && b[j].proj[k] < np)
				p[b[j].proj[k]].votes += b[j].copies;
}

/* Greedy order: more votes, then lower cost, then lower number. */
static int
greedy_before(const struct bud_project *a, const struct bud_project *b)
{
	if (a->votes != b->votes)
		return a->votes > b->votes;
	if (a->cost != b->cost)
		return a->cost < b->cost;
	return a->id < b->id;
}

static int
can_win(const struct bud_project *p)
{
	return p->eligible && p->votes > 0 && p->cost >= 0;
}

/* Adds the projects not yet won, in greedy order, while they fit. */
static int64_t
greedy_fill(struct bud_project *p, int np, int64_t left)
{
	int	*ord, n = 0;
	int64_t	 spent = 0;

	if ((ord = calloc(np > 0 ? np : 1, sizeof(*ord))) == NULL)
		return 0;
	for (int i = 0; i < np; i++)
		if (can_win(&p[i]) && !p[i].won)
			ord[n++] = i;
	/* Insertion sort: small n, stable, deterministic. */
	for (int i = 1; i < n; i++) {
		int	 x = ord[i], j = i;

		while (j > 0 && greedy_before(&p[x], &p[ord[j - 1]])) {
			ord[j] = ord[j - 1];
			j--;
		}
		ord[j] = x;
	}
	for (int i = 0; i < n; i++)
		if (p[ord[i]].cost <= left) {
			p[ord[i]].won = 1;
			left -= p[ord[i]].cost;
			spent += p[ord[i]].cost;
		}
	free(ord);
	return spent;
}

int64_t
bud_greedy(struct bud_project *p, int np, int64_t budget)
{
	for (int i = 0; i < np; i++)
		p[i].won = 0;
	return greedy_fill(p, np, budget);
}

/* ---- exact rationals for the Method of Equal Shares ---------------- */

typedef __int128 i128;
struct q { i128 n, d; };	/* d > 0, reduced */

static int q_overflow;

static i128
gcd128(i128 a, i128 b)
{
	if (a < 0)
		a = -a;
	while (b != 0) {
		i128	 t = a % b;

		a = b;
		b = t < 0 ? -t : t;
	}
	return a == 0 ? 1 : a;
}

static struct q
q_make(i128 n, i128 d)
{
	struct q r;
	i128	 g;

	if (d < 0) {
		n = -n;
		d = -d;
	}
	g = gcd128(n, d);
	r.n = n / g;
	r.d = d / g;
	return r;
}

static i128
checked(int overflowed, const i128 *r)
{
	if (overflowed)
		q_overflow = 1;
	return overflowed ? 0 : *r;
}

static i128
mul(i128 a, i128 b)
{
	i128	 r;
	int	 o = __builtin_mul_overflow(a, b, &r);

	return checked(o, &r);
}

static i128
add(i128 a, i128 b)
{
	i128	 r;
	int	 o = __builtin_add_overflow(a, b, &r);

	return checked(o, &r);
}

static struct q
q_add(struct q a, struct q b)
{
	i128	 g = gcd128(a.d, b.d);

	return q_make(add(mul(a.n, b.d / g), mul(b.n, a.d / g)),
	    mul(a.d / g, b.d));
}

static struct q
q_sub(struct q a, struct q b)
{
	b.n = -b.n;
	return q_add(a, b);
}

static int
q_cmp(struct q a, struct q b)
{
	i128	 l = mul(a.n, b.d), r = mul(b.n, a.d);

	return l < r ? -1 : l > r;
}

/* A group of identical voters: one ballot and its copies. */
struct grp {
	struct q	 share;	/* each member's share left */
	long		 w;
};

static int
share_cmp(const void *a, const void *b)
{
	const struct grp *const *x = a, *const *y = b;
	int	 c = q_cmp((*x)->share, (*y)->share);

	if (c != 0)
		return c;
	return *x < *y ? -1 : *x > *y;
}

static int
supports(const struct bud_ballot_in *b, int proj)
{
	for (int k = 0; k < b->n; k++)
		if (b->proj[k] == proj)
			return 1;
	return 0;
}

/* The smallest ρ at which the supporters in sup[] (sorted by share)
 * pay cost; 0 if they cannot. */
static int
rho_of(struct grp **sup, int ns, struct q cost, struct q *rho)
{
	struct q paid = { 0, 1 }, total = { 0, 1 };
	long	 w = 0;

	for (int i = 0; i < ns; i++) {
		total = q_add(total, q_make(mul(sup[i]->share.n, sup[i]->w),
		    sup[i]->share.d));
		w += sup[i]->w;
	}
	if (q_cmp(total, cost) < 0 || w == 0)
		return 0;
	for (int i = 0; i < ns; i++) {
		struct q r = q_sub(cost, paid);

		r = q_make(r.n, mul(r.d, w));
		if (q_cmp(r, sup[i]->share) <= 0) {
			*rho = r;
			return 1;
		}
		paid = q_add(paid, q_make(mul(sup[i]->share.n, sup[i]->w),
		    sup[i]->share.d));
		w -= sup[i]->w;
	}
	return 0;	/* not reached: total ≥ cost */
}

int64_t
bud_mes(struct bud_project *p, int np, const struct bud_ballot_in *b,
    int nb, int64_t budget)
{
	struct grp	*g = NULL, **sup = NULL;
	int		*alive = NULL;
	long		 voters = 0;
	int64_t		 spent = 0;

	for (int i = 0; i < np; i++)
		p[i].won = 0;
	for (int j = 0; j < nb; j++)
		voters += b[j].copies > 0 ? b[j].copies : 0;
	if (voters == 0 || budget <= 0)
		return greedy_fill(p, np, budget);
	g = calloc(nb, sizeof(*g));
	sup = calloc(nb, sizeof(*sup));
	alive = calloc(np > 0 ? np : 1, sizeof(*alive));
	if (g == NULL || sup == NULL || alive == NULL)
		goto fail;
	q_overflow = 0;
	/* Shares are budget / voters each, exactly. */
	for (int j = 0; j < nb; j++) {
		g[j].share = q_make(budget, voters);
		g[j].w = b[j].copies > 0 ? b[j].copies : 0;
	}
	for (int i = 0; i < np; i++)
		alive[i] = can_win(&p[i]);
	for (;;) {
		int		 best = -1;
		struct q	 brho = { 0, 1 };

		for (int i = 0; i < np; i++) {
			struct q rho;
			int	 ns = 0, c;

			if (!alive[i])
				continue;
			for (int j = 0; j < nb; j++)
				if (g[j].w > 0 && supports(&b[j], i))
					sup[ns++] = &g[j];
			qsort(sup, ns, sizeof(*sup), share_cmp);
			if (!rho_of(sup, ns, q_make(p[i].cost, 1), &rho)) {
				alive[i] = 0;	/* shares only shrink */
				continue;
			}
			if (best < 0 || (c = q_cmp(rho, brho)) < 0 ||
			    (c == 0 && greedy_before(&p[i], &p[best]))) {
				best = i;
				brho = rho;
			}
		}
		if (q_overflow)
			goto fail;
		if (best < 0)
			break;
		p[best].won = 1;
		alive[best] = 0;
		spent += p[best].cost;
		for (int j = 0; j < nb; j++) {
			if (g[j].w == 0 || !supports(&b[j], best))
				continue;
			if (q_cmp(g[j].share, brho) <= 0)
				g[j].share = q_make(0, 1);
			else
				g[j].share = q_sub(g[j].share, brho);
		}
		if (q_overflow)
			goto fail;
	}
	free(g);
	free(sup);
	free(alive);
	return spent + greedy_fill(p, np, budget - spent);
fail:
	for (int i = 0; i < np; i++)
		p[i].won = 0;
	free(g);
	free(sup);
	free(alive);
	return -1;
}

enum bud_refusal
bud_check(const struct bud_rules *r, const int64_t *costs, int n,
    int64_t *sum)
{
	int64_t	 s = 0;

	for (int i = 0; i < n; i++)
		s += costs[i];
	if (sum != NULL)
		*sum = s;
	if (r->max_projects > 0 && n > r->max_projects)
		return BR_TOO_MANY;
	if (r->ballot == BB_KNAPSACK && s > r->total)
		return BR_OVER_BUDGET;
	if (n == 0)
		return BR_OK;	/* a blank ballot is always allowed */
	if (r->min_projects > 0 && n < r->min_projects)
		return BR_TOO_FEW;
	if (r->ballot == BB_KNAPSACK && r->min_share_pct > 0 &&
	    (__int128)s * 100 < (__int128)r->total * r->min_share_pct)
		return BR_TOO_LITTLE;
	return BR_OK;
}

int64_t
bud_parse_amount(const char *s)
{
	int64_t	 v = 0;
	int	 frac = -1, digits = 0;

	if (s == NULL)
		return -1;
	while (isspace((unsigned char)*s))
		s++;
	for (; *s != '\0' && !isspace((unsigned char)*s); s++) {
		if (*s == ',' && frac < 0)
			continue;
		if (*s == '.' && frac < 0) {
			frac = 0;
			continue;
		}
		if (!isdigit((unsigned char)*s) || frac >= 3 ||
		    v > 999999999999LL)
			return -1;
		v = v * 10 + (*s - '0');
		digits++;
		if (frac >= 0)
			frac++;
	}
	while (isspace((unsigned char)*s))
		s++;
	if (*s != '\0' || digits == 0)
		return -1;
	for (frac = frac < 0 ? 0 : frac; frac < 3; frac++)
		v *= 10;
	return v;
}

char *
bud_format_amount(int64_t v, char *buf, size_t sz)
{
	char	 t[32];
	int	 n, neg = v < 0;
	size_t	 k = 0;

	if (neg)
		v = -v;
	n = snprintf(t, sizeof(t), "%lld", (long long)(v / 1000));
	if (neg && k + 1 < sz)
		buf[k++] = '-';
	for (int i = 0; i < n && k + 1 < sz; i++) {
		if (i > 0 && (n - i) % 3 == 0 && k + 1 < sz)
			buf[k++] = ',';
		if (k + 1 < sz)
			buf[k++] = t[i];
	}
	if (sz > k)
		snprintf(buf + k, sz - k, ".%03lld", (long long)(v % 1000));
	return buf;
}

/* ---- the database side -------------------------------------------- */

static int
proj_index(const struct bud_tally *t, uint64_t id)
{
	for (int i = 0; i < t->np; i++)
		if (t->p[i].id == id)
			return i;
	return -1;
}

/* Reads the ballots of res (key column, project column, copies column
 * or -1) into b[]: consecutive rows of one key are one ballot. */
static int
read_ballots(struct arena *a, struct dbres *res, const struct bud_tally *t,
    int kcol, int pcol, int ccol, struct bud_ballot_in *b, int *proj,
    int *nb)
{
	unsigned long long last = 0;
	int	 n = *nb, np = 0;

	while (dbres_next(res)) {
		unsigned long long k = dbres_u(res, kcol);
		int	 i = proj_index(t, dbres_u(res, pcol));

		if (n == *nb || k != last) {
			b[n].proj = proj + np;
			b[n].n = 0;
			b[n].copies = ccol < 0 ? 1 : dbres_int(res, ccol);
			n++;
			last = k;
		}
		if (i >= 0) {
			proj[np++] = i;
			b[n - 1].n++;
		}
	}
	(void)a;
	*nb = n;
	return np;
}

int
budget_tally(struct db *db, struct arena *a, uint64_t budget, int64_t total,
    enum bud_method method, long min_votes, const int *feasible,
    const int *override, struct bud_tally *t)
{
	struct dbres		*on, *pa, *cnt;
	struct bud_ballot_in	*b;
	int			*proj, nb = 0, rows, used, first_paper;

	on = db_query(db, a, SQL_BUDGET_ONLINE, DB_ARGS(DB_U(budget, budget)));
	pa = db_query(db, a, SQL_BUDGET_PAPER, DB_ARGS(DB_U(budget, budget)));
	cnt = db_query(db, a, SQL_BUDGET_BALLOT_COUNTS,
	    DB_ARGS(DB_U(budget, budget)));
	if (on == NULL || pa == NULL || cnt == NULL || !dbres_next(cnt))
		return -1;
	t->ballots_online = dbres_int(cnt, BUDGET_BALLOT_COUNTS_ONLINE);
	t->ballots_paper = dbres_int(cnt, BUDGET_BALLOT_COUNTS_PAPER);
	rows = dbres_rows(on) + dbres_rows(pa);
	b = arena_zalloc(a, sizeof(*b) * (rows + 1));
	proj = arena_zalloc(a, sizeof(*proj) * (rows + 1));
	t->online = arena_zalloc(a, sizeof(long) * (t->np + 1));
	t->paper = arena_zalloc(a, sizeof(long) * (t->np + 1));
	t->computed = arena_zalloc(a, sizeof(int) * (t->np + 1));
	used = read_ballots(a, on, t, BUDGET_ONLINE_USER_ID,
	    BUDGET_ONLINE_PROJECT_ID, -1, b, proj, &nb);
	first_paper = nb;
	read_ballots(a, pa, t, BUDGET_PAPER_ID, BUDGET_PAPER_PROJECT_ID,
	    BUDGET_PAPER_COPIES, b, proj + used, &nb);
	bud_count(t->p, t->np, b + first_paper, nb - first_paper);
	for (int i = 0; i < t->np; i++)
		t->paper[i] = t->p[i].votes;
	bud_count(t->p, t->np, b, first_paper);
	for (int i = 0; i < t->np; i++) {
		t->online[i] = t->p[i].votes;
		t->p[i].votes += t->paper[i];
		t->p[i].eligible = feasible[i] && t->p[i].votes >= min_votes;
	}
	t->inexact = 0;
	if (method != BM_MES || bud_mes(t->p, t->np, b, nb, total) < 0) {
		t->inexact = method == BM_MES;
		bud_greedy(t->p, t->np, total);
	}
	t->spent = 0;
	for (int i = 0; i < t->np; i++) {
		t->computed[i] = t->p[i].won;
		if (override != NULL && override[i] >= 0)
			t->p[i].won = override[i];
		if (t->p[i].won)
			t->spent += t->p[i].cost;
	}
	return 0;
}

enum bud_vote
budget_vote(struct db *db, struct arena *a, uint64_t budget, uint64_t user,
    const uint64_t *projects, int n)
{
	struct dbres	*res;
	time_t		 now = time(NULL);
	long long	 k;

	res = db_query(db, a, SQL_BUDGET_LOCK, DB_ARGS(DB_U(id, budget)));
	if (res == NULL)
		return BV_ERROR;
	if (!dbres_next(res) ||
	    budget_state(dbres_str(res, BUDGET_LOCK_STATE)) != BST_OPEN ||
	    dbres_time(res, BUDGET_LOCK_OPENS_AT) > now ||
	    dbres_time(res, BUDGET_LOCK_CLOSES_AT) <= now)
		return BV_NOT_OPEN;
	if ((k = db_exec(db, SQL_BUDGET_BALLOT_PUT, DB_ARGS(DB_U(budget,
	    budget), DB_U(user, user)))) < 0)
		return BV_ERROR;
	if (db_exec(db, SQL_BUDGET_VOTES_CLEAR, DB_ARGS(DB_U(budget, budget),
	    DB_U(user, user))) < 0)
		return BV_ERROR;
	for (int i = 0; i < n; i++)
		if (db_exec(db, SQL_BUDGET_VOTE_ADD, DB_ARGS(DB_U(budget,
		    budget), DB_U(project, projects[i]), DB_U(user, user))) < 0)
			return BV_ERROR;
	/* MariaDB: 1 row inserted, 2 a duplicate updated. */
	return k == 2 ? BV_CHANGED : BV_OK;
}

int
budget_load(struct db *db, struct arena *a, uint64_t id, time_t now,
    struct budget *b)
{
	struct dbres	*res, *p;
	int		 i = 0;

	memset(b, 0, sizeof(*b));
	b->id = id;
	if ((res = db_query(db, a, SQL_BUDGET_GET,
	    DB_ARGS(DB_U(id, b->id)))) == NULL)
		return -1;
	if (!dbres_next(res))
		return 1;
	b->res = res;
	b->entity_id = dbres_u(res, BUDGET_GET_ENTITY_ID);
	b->state = dbres_str(res, BUDGET_GET_STATE);
	b->st = budget_state(b->state);
	b->currency = dbres_str(res, BUDGET_GET_CURRENCY);
	b->rules.total = dbres_int(res, BUDGET_GET_TOTAL_MINOR);
	b->rules.ballot = names_find(bud_ballot_names, BB__MAX,
	    dbres_str(res, BUDGET_GET_BALLOT_RULE));
	b->method = names_find(bud_method_names, BM__MAX,
	    dbres_str(res, BUDGET_GET_METHOD));
	if ((int)b->rules.ballot < 0 || (int)b->rules.ballot >= BB__MAX)
		b->rules.ballot = BB_KNAPSACK;
	if ((int)b->method < 0 || (int)b->method >= BM__MAX)
		b->method = BM_GREEDY;
	b->rules.min_projects = dbres_int(res, BUDGET_GET_MIN_PROJECTS);
	b->rules.max_projects = dbres_int(res, BUDGET_GET_MAX_PROJECTS);
	b->rules.min_share_pct = dbres_int(res, BUDGET_GET_MIN_SHARE_PCT);
	b->min_votes = dbres_int(res, BUDGET_GET_MIN_VOTES);
	b->opens = dbres_time(res, BUDGET_GET_OPENS_AT);
	b->closes = dbres_time(res, BUDGET_GET_CLOSES_AT);
	b->open = b->st == BST_OPEN && b->opens <= now && now < b->closes;
	b->closed = b->st != BST_OPEN || now >= b->closes;
	b->proposals_close = dbres_isnull(res, BUDGET_GET_PROPOSALS_CLOSE_AT) ?
	    0 : dbres_time(res, BUDGET_GET_PROPOSALS_CLOSE_AT);
	b->proposing = b->st == BST_OPEN && now < b->opens &&
	    b->proposals_close != 0 && now < b->proposals_close;
	b->reviewing = b->st == BST_OPEN && now < b->opens;
	b->phase = budget_phase(b->st, b->opens, b->closes,
	    b->proposals_close, now);
	if ((p = db_query(db, a, SQL_BUDGET_PROJECTS,
	    DB_ARGS(DB_U(budget, b->id)))) == NULL)
		return -1;
	b->projects = p;
	b->t.np = dbres_rows(p);
	b->t.p = arena_zalloc(a, sizeof(*b->t.p) * (b->t.np + 1));
	b->feasible = arena_zalloc(a, sizeof(int) * (b->t.np + 1));
	b->override = arena_zalloc(a, sizeof(int) * (b->t.np + 1));
	while (dbres_next(p)) {
		b->t.p[i].id = dbres_u(p, BUDGET_PROJECTS_ID);
		b->t.p[i].cost = dbres_int(p, BUDGET_PROJECTS_COST_MINOR);
		b->feasible[i] = dbres_int(p, BUDGET_PROJECTS_FEASIBLE) != 0;
		b->override[i] = dbres_isnull(p, BUDGET_PROJECTS_OVERRIDE_WON) ?
		    -1 : dbres_int(p, BUDGET_PROJECTS_OVERRIDE_WON) != 0;
		i++;
	}
	return 0;
}

int
budget_count(struct db *db, struct arena *a, struct budget *b)
{
	return budget_tally(db, a, b->id, b->rules.total, b->method,
	    b->min_votes, b->feasible, b->override, &b->t);
}

int
budget_review(struct db *db, struct arena *a, const struct actor *who,
    const struct budget *b, uint64_t project, int feasible,
    const char *reason, int64_t cost)
{
	static const char subject[] =
	    N_("Sharek: the technical review of your project: {1}");
	static const char body_yes[] =
	    N_("Your project {1} passed the technical review and will be put "
	    "to the vote at its cost of {4}. The reviewers wrote:\n\n{5}\n\n"
	    "{2}/budgets/{3}\n");
	static const char body_no[] =
	    N_("Your project {1} did not pass the technical review, so it "
	    "will not be put to the vote. The reviewers' public reason:\n\n"
	    "{5}\n\n{2}/budgets/{3}\n");
	struct dbres	*res;
	const char	*lang;
	char		 buf[32];
	int		 n;

	n = db_exec(db, SQL_BUDGET_PROJECT_REVIEW, DB_ARGS(DB_U(budget, b->id),
	    DB_U(project, project), DB_I(feasible, feasible != 0),
	    DB_S(reason, reason), DB_I(cost, cost)));
	if (n < 0)
		return -1;
	if (n == 0) {
		/* Nothing changed, or no such project: which one? */
		for (int i = 0; i < b->t.np; i++)
			if (b->t.p[i].id == project)
				return 1;
		return 0;
	}
	if (audit_record(db, who, "budget.review", "budget_project", project,
	    arena_printf(a, "%s: %s", feasible ? "feasible" : "not feasible",
	    reason)) == -1)
		return -1;
	if ((res = db_query(db, a, SQL_BUDGET_PROJECT_PROPOSER, DB_ARGS(
	    DB_U(project, project)))) == NULL)
		return -1;
	if (!dbres_next(res))
		return 1;	/* added by staff */
	lang = dbres_str(res, BUDGET_PROJECT_PROPOSER_LANG);
	return outbox_email(db, dbres_str(res, BUDGET_PROJECT_PROPOSER_EMAIL),
	    i18n_subst(a, i18n_get(lang, subject), workflow_isolate(a,
	    workflow_pick(lang, dbres_str(res, BUDGET_PROJECT_PROPOSER_TITLE_AR),
	    dbres_str(res, BUDGET_PROJECT_PROPOSER_TITLE_EN))), NULL),
	    i18n_subst(a, i18n_get(lang, feasible ? body_yes : body_no),
	    workflow_isolate(a, workflow_pick(lang, dbres_str(res,
	    BUDGET_PROJECT_PROPOSER_TITLE_AR), dbres_str(res,
	    BUDGET_PROJECT_PROPOSER_TITLE_EN))), conf_get("app", "base_url",
	    ""), arena_printf(a, "%llu", (unsigned long long)b->id),
	    arena_printf(a, "%s %s", bud_format_amount(cost, buf,
	    sizeof(buf)), b->currency), workflow_isolate(a, reason), NULL)) ==
	    -1 ? -1 : 1;
}

enum act_state
budget_chain_next(const char *from, enum act_event e, enum role role)
{
	enum act_state	 s = activity_state(from), to;

	/* The chain of the consultations up to the liaison officer's
	 * approval; a budget has no publication date to wait for, nor the
	 * later states (its phases follow its own dates). */
	if (e != AE_SUBMIT && e != AE_RETURN && e != AE_FORWARD &&
	    e != AE_APPROVE)
		return AS__MAX;
	to = activity_next(s, e, role);
	return to == AS_ANALYSIS ? AS__MAX : to;
}

int
budget_chain(struct db *db, struct arena *a, const struct actor *who,
    enum role role, uint64_t id, const char *from, enum act_event e,
    const char *reason)
{
	static const char *const what[AE__MAX] = {
		[AE_SUBMIT] = "budget.submit", [AE_RETURN] = "budget.return",
		[AE_FORWARD] = "budget.forward", [AE_APPROVE] = "budget.approve",
	};
	enum act_state	 to = budget_chain_next(from, e, role);
	int		 n;

	(void)a;
	if (to == AS__MAX)
		return 0;
	if (activity_event_needs_reason(e) && (reason == NULL ||
	    *reason == '\0'))
		return 0;
	n = db_exec(db, SQL_BUDGET_CHAIN_SET, DB_ARGS(DB_U(id, id),
	    DB_S(from, from), DB_S(to, act_state_names[to]),
	    DB_S(reason, e == AE_RETURN ? reason : NULL),
	    DB_I(open, to == AS_SCHEDULED)));
	if (n <= 0)
		return n;
	return audit_record(db, who, what[e], "budget", id, reason != NULL ?
	    reason : act_state_names[to]) == -1 ? -1 : 1;
}

int64_t
bud_parse_cost(const char *s, const char **msgid)
{
	int64_t	 v = s != NULL ? bud_parse_amount(s) : -1;

	if (v <= 0 || v > 999999999999999LL) {
		*msgid = N_("Write an amount above zero, such as 12500 or "
		    "12,500.250.");
		return -1;
	}
	return v;
}
