/*
 * page_budgets.c — participatory budgets, public side (issue 19;
 * domain.md §2, the collaboration axis).
 *
 * GET  /budgets               budget_list_params: entity, state → every
 *                             budget past its draft, with its total, its
 *                             projects and its ballots (online and paper).
 *                             View public/budgets.
 * GET  /budgets/{id}          the budget, its rules, its projects (cost,
 *                             feasibility and its public reason), the
 *                             reader's ballot form while voting is open
 *                             (signed-in users) and, once voting has
 *                             closed, the results: every project's votes
 *                             online, on paper and in all, its cost, won
 *                             or not by the stated rule, overrides with
 *                             their public reason (budget_tally, the
 *                             same function as the staff page).
 *                             View public/budget.
 * POST /budgets/{id}/propose  budget_propose_params: title,
 *                             description (in the proposer's language),
 *                             cost, location → 303
 *                             /budgets/{id}?proposed=1#propose; during
 *                             the proposals phase only (409 after it).
 *                             Bad input: 422 at its field, everything
 *                             kept.  Signed-in users.
 * POST /budgets/{id}/ballot   budget_ballot_params: project (repeated) →
 *                             303 /budgets/{id}?saved=1#ballot; one
 *                             ballot per account, replaced while voting
 *                             is open.  A selection over the budget, too
 *                             many, too few or too little spent: 422 at
 *                             the projects' field with the selection and
 *                             its total kept.  409 not open.  Signed-in
 *                             users.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "budget.h"
#include "chart.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "names.h"
#include "present.h"
#include "public.h"
#include "sql_gen.h"
#include "vm.h"

/* The list's filter: the states past the draft (open: taking
 * proposals, reviewing them or voting). */
static const char *const *const bud_state_names = budget_state_names + 1;
static const char *const *const bud_state_labels = budget_state_labels + 1;

const struct param budget_list_params[BL__MAX] = {
	[BL_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1,
	    .max = 999999999999LL,
	    .label = N_("Government entity") },
	[BL_STATE] = { .name = "state", .type = PT_ENUM,
	    .choices = bud_state_names, .choice_labels = bud_state_labels,
	    .label = N_("State") },
};

const struct param budget_show_params[BS__MAX] = {
	[BS_SAVED] = { .name = "saved", .type = PT_BOOL },
	[BS_PROPOSED] = { .name = "proposed", .type = PT_BOOL },
};

const struct param budget_propose_params[BPP__MAX] = {
	[BPP_TITLE] = { .name = "title", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 3, .max = 300,
	    .label = N_("Title of the project") },
	[BPP_DESCRIPTION] = { .name = "description", .type = PT_TEXT,
	    .flags = P_REQ, .min = 10, .max = 5000,
	    .label = N_("Description"),
	    .hint = N_("What the project is and whom it serves.") },
	[BPP_COST] = { .name = "cost", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 24, .label = N_("Estimated cost"),
	    .hint = N_("In the budget's currency, e.g. 12500 or 12,500.250.") },
	[BPP_LOCATION] = { .name = "location", .type = PT_STR, .max = 300,
	    .label = N_("Location") },
};

const struct param budget_ballot_params[BBK__MAX] = {
	[BBK_PROJECT] = { .name = "project", .type = PT_INT, .flags = P_MULTI,
	    .min = 1, .max = 999999999999LL, .label = N_("Your selection") },
};

/* The currencies of the region by their ISO 4217 codes, named in the
 * reader's language (Arabic: دينار, ريال…); another code is shown as
 * it is. */
static const char *const currency_names[] = {
	N_("JOD"), N_("OMR"), N_("SAR"), N_("AED"), N_("KWD"), N_("BHD"),
	N_("QAR"), N_("EGP"), N_("USD"), N_("EUR"), NULL
};

static const char *
amount(const struct req *r, int64_t v, const char *currency)
{
	char	 buf[32];

	return arena_printf(r->a, "%s %s", bud_format_amount(v, buf,
	    sizeof(buf)), names_find(currency_names, 10, currency) < 10 ?
	    tr(r, currency) : currency);
}

/* Loads budget {id}: 0, or 404 / 500. */
static int
page_load(struct req *r, struct budget *b)
{
	switch (budget_load(r->db, r->a, r->segi[0], time(NULL), b)) {
	case 0:
		return 0;
	case 1:
		return 404;
	default:
		return 500;
	}
}

/* The selection sent (sel[i] set for project index i); the number of
 * projects selected, or -1 if one is not a feasible project of it. */
static int
selection_sent(struct req *r, const struct budget *b, int *sel)
{
	const struct pval *v = http_arg(r, BBK_PROJECT);
	int	 n = 0;

	for (int k = 0; v != NULL && k < v->nvals; k++) {
		unsigned long long id = strtoull(v->vals[k], NULL, 10);
		int	 i;

		for (i = 0; i < b->t.np; i++)
			if (b->t.p[i].id == id)
				break;
		if (i == b->t.np || !b->feasible[i])
			return -1;
		if (!sel[i])
			n++;
		sel[i] = 1;
	}
	return n;
}

static const char *
refusal_msgid(enum bud_refusal why)
{
	switch (why) {
	case BR_OVER_BUDGET:
		return N_("Your selection costs more than the budget: remove a project or choose cheaper ones.");
	case BR_TOO_MANY:
		return N_("You selected more projects than this budget allows.");
	case BR_TOO_FEW:
		return N_("You selected fewer projects than this budget asks for.");
	case BR_TOO_LITTLE:
		return N_("Your selection spends less of the budget than this budget asks for.");
	default:
		return N_("Choose projects of this budget.");
	}
}

/* The budget's page: rules, projects, ballot or results. */
static int
budget_show(struct req *r, struct budget *b, const int *sel, int status)
{
	struct val	*m = http_model(r), *l, *it, *res_m;
	struct dbres	*res = b->res, *p = b->projects;
	struct chart_bar *bars;
	const char	*title;
	int64_t		 chosen = 0;
	int		 i = 0, have_sel = sel != NULL;
	int		*mine = arena_zalloc(r->a, sizeof(int) * (b->t.np + 1));

	title = present_pick(r, dbres_str(res, BUDGET_GET_TITLE_AR),
	    dbres_str(res, BUDGET_GET_TITLE_EN));
	vm_str(m, "title", title);
	vm_strf(m, "id", "%llu", (unsigned long long)b->id);
	vm_str(m, "entity", present_pick(r, dbres_str(res,
	    BUDGET_GET_ENTITY_AR), dbres_str(res, BUDGET_GET_ENTITY_EN)));
	vm_str(m, "description", present_pick(r, dbres_str(res,
	    BUDGET_GET_DESCRIPTION_AR), dbres_str(res,
	    BUDGET_GET_DESCRIPTION_EN)));
	vm_str(m, "area", present_pick(r, dbres_str(res, BUDGET_GET_AREA_AR),
	    dbres_str(res, BUDGET_GET_AREA_EN)));
	vm_str(m, "total", amount(r, b->rules.total, b->currency));
	vm_str(m, "opens", present_datetime(r, b->opens));
	vm_str(m, "closes", present_datetime(r, b->closes));
	vm_str(m, "state", present_label(r, budget_phase_labels, BPH__MAX,
	    b->phase));
	vm_str(m, "ballot_rule", tr(r, bud_ballot_labels[b->rules.ballot]));
	vm_str(m, "method", tr(r, bud_method_labels[b->method]));
	vm_bool(m, "mes", b->method == BM_MES);
	vm_bool(m, "knapsack", b->rules.ballot == BB_KNAPSACK);
	if (b->rules.max_projects > 0)
		vm_int(m, "max_projects", b->rules.max_projects);
	if (b->rules.min_projects > 0)
		vm_int(m, "min_projects", b->rules.min_projects);
	if (b->rules.min_share_pct > 0)
		vm_int(m, "min_share_pct", b->rules.min_share_pct);
	if (b->min_votes > 0)
		vm_int(m, "min_votes", b->min_votes);
	vm_bool(m, "open", b->open);
	vm_bool(m, "ballot", b->open && r->sess != NULL);
	vm_bool(m, "saved", status == 200 && http_arg_int(r, BS_SAVED, 0));
	vm_bool(m, "proposals_open", b->proposing);
	vm_bool(m, "may_propose", b->proposing && r->sess != NULL);
	vm_str(m, "proposals_close", present_datetime(r, b->proposals_close));
	vm_bool(m, "proposed", status == 200 &&
	    r->route->params == budget_show_params &&
	    http_arg_int(r, BS_PROPOSED, 0));
	vm_bool(m, "proposals_over", status == 409 &&
	    r->route->params == budget_propose_params);
	present_form(r, m, PARAMS(budget_propose_params));
	vm_bool(m, "not_open", status == 409);

	/* The reader's ballot as stored, unless a selection was sent. */
	if (!have_sel && r->sess != NULL) {
		struct dbres *me = db_query(r->db, r->a, SQL_BUDGET_MINE,
		    DB_ARGS(DB_U(budget, b->id), DB_U(user,
		    r->sess->user_id)));

		if (me == NULL)
			return 500;
		while (dbres_next(me))
			for (int k = 0; k < b->t.np; k++)
				if (b->t.p[k].id == dbres_u(me,
				    BUDGET_MINE_PROJECT_ID))
					mine[k] = 1;
		sel = mine;
	}
	if (b->closed && budget_count(r->db, r->a, b) == -1)
		return 500;

	l = vm_list(m, "projects");
	dbres_rewind(p);
	while (dbres_next(p)) {
		it = vm_push(l);
		vm_strf(it, "pid", "%llu", (unsigned long long)b->t.p[i].id);
		vm_int(it, "position", dbres_int(p, BUDGET_PROJECTS_POSITION));
		vm_str(it, "title", present_pick(r, dbres_str(p,
		    BUDGET_PROJECTS_TITLE_AR), dbres_str(p,
		    BUDGET_PROJECTS_TITLE_EN)));
		vm_str(it, "description", present_pick(r, dbres_str(p,
		    BUDGET_PROJECTS_DESCRIPTION_AR), dbres_str(p,
		    BUDGET_PROJECTS_DESCRIPTION_EN)));
		vm_str(it, "location", dbres_str(p, BUDGET_PROJECTS_LOCATION));
		vm_str(it, "cost", amount(r, b->t.p[i].cost, b->currency));
		vm_bool(it, "feasible", b->feasible[i]);
		vm_str(it, "review_reason", dbres_str(p,
		    BUDGET_PROJECTS_REVIEW_REASON));
		vm_bool(it, "checked", sel != NULL && sel[i]);
		if (sel != NULL && sel[i])
			chosen += b->t.p[i].cost;
		if (b->closed) {
			vm_int(it, "online", b->t.online[i]);
			vm_int(it, "paper", b->t.paper[i]);
			vm_int(it, "votes", b->t.p[i].votes);
			vm_bool(it, "won", b->t.p[i].won);
			vm_bool(it, "overridden", b->t.p[i].won !=
			    b->t.computed[i]);
			vm_str(it, "override_reason", dbres_str(p,
			    BUDGET_PROJECTS_OVERRIDE_REASON));
		}
		i++;
	}
	vm_str(m, "chosen", amount(r, chosen, b->currency));
	vm_str(m, "left", amount(r, b->rules.total - chosen, b->currency));
	if (b->closed) {
		res_m = vm_child(m, "results");
		vm_int(res_m, "online", b->t.ballots_online);
		vm_int(res_m, "paper", b->t.ballots_paper);
		vm_int(res_m, "ballots", b->t.ballots_online +
		    b->t.ballots_paper);
		vm_str(res_m, "spent", amount(r, b->t.spent, b->currency));
		vm_bool(res_m, "inexact", b->t.inexact);
		bars = arena_zalloc(r->a, sizeof(*bars) * (b->t.np + 1));
		dbres_rewind(p);
		for (i = 0; dbres_next(p); i++) {
			bars[i].label = present_pick(r, dbres_str(p,
			    BUDGET_PROJECTS_TITLE_AR), dbres_str(p,
			    BUDGET_PROJECTS_TITLE_EN));
			bars[i].value = b->t.p[i].votes;
		}
		chart_model(r, res_m, "chart", "chart-budget",
		    tr(r, "Votes per project"), NULL, bars, b->t.np,
		    b->t.ballots_online + b->t.ballots_paper);
		if (vm_get(vm_get(res_m, "chart"), "has_base") != NULL)
			vm_str(vm_get(res_m, "chart"), "base_note",
			    i18n_subst(r->a, tr(r, "Percentages are of the "
			    "{1} ballots: a ballot may choose several "
			    "projects."), arena_printf(r->a, "%ld",
			    (long)(b->t.ballots_online +
			    b->t.ballots_paper)), NULL));
	}
	present_form(r, m, PARAMS(budget_ballot_params));
	return http_form_page(r, "public/budget", m, status);
}

int
page_budget(struct req *r)
{
	struct budget	 b;
	int		 rc;

	if ((rc = page_load(r, &b)) != 0)
		return rc;
	return budget_show(r, &b, NULL, 200);
}

struct ballot_tx {
	struct budget	*b;
	uint64_t	*ids;
	int		 n;
};

static enum outcome
ballot_tx(struct req *r, void *arg)
{
	struct ballot_tx *x = arg;

	switch (budget_vote(r->db, r->a, x->b->id, r->sess->user_id, x->ids,
	    x->n)) {
	case BV_OK:
	case BV_CHANGED:
		return OUT_OK;
	case BV_NOT_OPEN:
		return OUT_CONFLICT;
	default:
		return OUT_ERROR;
	}
}

int
page_budget_ballot(struct req *r)
{
	struct budget	 b;
	struct ballot_tx x;
	enum bud_refusal why;
	int64_t		*costs;
	int		*sel, n, rc, k = 0;

	if ((rc = page_load(r, &b)) != 0)
		return rc;
	sel = arena_zalloc(r->a, sizeof(int) * (b.t.np + 1));
	if (r->nerr > 0)
		return budget_show(r, &b, sel, 422);
	if ((n = selection_sent(r, &b, sel)) < 0) {
		http_arg_error(r, BBK_PROJECT, refusal_msgid(BR_UNKNOWN));
		return budget_show(r, &b, sel, 422);
	}
	if (!b.open)
		return budget_show(r, &b, sel, 409);
	costs = arena_zalloc(r->a, sizeof(*costs) * (n + 1));
	x.ids = arena_zalloc(r->a, sizeof(*x.ids) * (n + 1));
	for (int i = 0; i < b.t.np; i++)
		if (sel[i]) {
			costs[k] = b.t.p[i].cost;
			x.ids[k++] = b.t.p[i].id;
		}
	if ((why = bud_check(&b.rules, costs, n, NULL)) != BR_OK) {
		http_arg_error(r, BBK_PROJECT, refusal_msgid(why));
		return budget_show(r, &b, sel, 422);
	}
	x.b = &b;
	x.n = n;
	rc = http_form_submit(r, ballot_tx, &x, arena_printf(r->a,
	    "/budgets/%llu?saved=1#ballot", (unsigned long long)b.id));
	return http_form_redraw(rc) ? budget_show(r, &b, sel, rc) : rc;
}

int
page_budgets(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const struct pval *st = http_arg(r, BL_STATE);
	long long	 entity = http_arg_int(r, BL_ENTITY, 0);
	time_t		 now = time(NULL);

	vm_str(m, "title", tr(r, "Participatory budgets"));
	if (r->nerr > 0)
		r->status = 400;
	if ((res = db_query(r->db, r->a, SQL_BUDGET_ENTITIES, DB_NOARGS))
	    == NULL)
		return 500;
	l = vm_list(m, "entities");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, BUDGET_ENTITIES_ID));
		vm_str(it, "name", present_pick(r, dbres_str(res,
		    BUDGET_ENTITIES_NAME_AR), dbres_str(res,
		    BUDGET_ENTITIES_NAME_EN)));
		vm_bool(it, "selected", (long long)dbres_u(res,
		    BUDGET_ENTITIES_ID) == entity);
	}
	present_choices(r, m, "states", bud_state_names, bud_state_labels, 3,
	    st != NULL && st->set ? bud_state_names[st->i] : NULL);
	if ((res = db_query(r->db, r->a, SQL_BUDGET_LIST, DB_ARGS(
	    DB_U(entity, entity), DB_S(state, st != NULL && st->set ?
	    bud_state_names[st->i] : "")))) == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, BUDGET_LIST_ID));
		vm_str(it, "title", present_pick(r, dbres_str(res,
		    BUDGET_LIST_TITLE_AR), dbres_str(res,
		    BUDGET_LIST_TITLE_EN)));
		vm_str(it, "entity", present_pick(r, dbres_str(res,
		    BUDGET_LIST_ENTITY_AR), dbres_str(res,
		    BUDGET_LIST_ENTITY_EN)));
		vm_str(it, "state", present_label(r, budget_phase_labels,
		    BPH__MAX, budget_phase(budget_state(dbres_str(res,
		    BUDGET_LIST_STATE)), dbres_time(res, BUDGET_LIST_OPENS_AT),
		    dbres_time(res, BUDGET_LIST_CLOSES_AT), dbres_isnull(res,
		    BUDGET_LIST_PROPOSALS_CLOSE_AT) ? 0 : dbres_time(res,
		    BUDGET_LIST_PROPOSALS_CLOSE_AT), now)));
		vm_str(it, "total", amount(r, dbres_int(res,
		    BUDGET_LIST_TOTAL_MINOR), dbres_str(res,
		    BUDGET_LIST_CURRENCY)));
		vm_str(it, "closes", present_sqldatetime(r, dbres_str(res,
		    BUDGET_LIST_CLOSES_AT)));
		vm_str(it, "projects", dbres_str(res, BUDGET_LIST_PROJECTS));
		vm_str(it, "ballots", dbres_str(res, BUDGET_LIST_BALLOTS));
	}
	vm_bool(m, "empty", l->count == 0);
	present_fields(r, m);
	return http_render(r, "public/budgets", m);
}

struct propose {
	struct budget	*b;
	int64_t		 cost;
};

static enum outcome
propose_tx(struct req *r, void *arg)
{
	struct propose	*p = arg;
	int		 en = strcmp(r->lang, "en") == 0;

	/* In the proposer's language; the Arabic title is the one every
	 * list falls back to, so it holds the title as typed either way. */
	if (db_exec(r->db, SQL_BUDGET_PROJECT_ADD, DB_ARGS(
	    DB_U(budget, p->b->id),
	    DB_S(title_ar, http_arg_str(r, BPP_TITLE)),
	    DB_S(title_en, en ? http_arg_str(r, BPP_TITLE) : NULL),
	    DB_S(description_ar, en ? NULL : http_arg_str(r, BPP_DESCRIPTION)),
	    DB_S(description_en, en ? http_arg_str(r, BPP_DESCRIPTION) : NULL),
	    DB_I(cost, p->cost), DB_S(location, http_arg_str(r, BPP_LOCATION)),
	    DB_U(by, r->sess->user_id))) != 1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_budget_propose(struct req *r)
{
	struct budget	 b;
	struct propose	 p = { &b, 0 };
	const char	*msg;
	int		 rc;

	if ((rc = page_load(r, &b)) != 0)
		return rc;
	if (!b.proposing)
		return budget_show(r, &b, NULL, 409);
	if (r->nerr == 0 && (p.cost = bud_parse_cost(http_arg_str(r,
	    BPP_COST), &msg)) < 0)
		http_arg_error(r, BPP_COST, msg);
	if (r->nerr > 0)
		return budget_show(r, &b, NULL, 422);
	rc = http_form_submit(r, propose_tx, &p, arena_printf(r->a,
	    "/budgets/%llu?proposed=1#propose", (unsigned long long)b.id));
	return http_form_redraw(rc) ? budget_show(r, &b, NULL, rc) : rc;
}
