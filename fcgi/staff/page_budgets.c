/*
 * page_budgets.c — participatory budgets, staff side (issue 19).
 *
 * GET  /staff/budgets/{id}            the budget's tally — the same
 *                                     budget_count as the public page, so
 *                                     the totals are the same numbers —
 *                                     with the override and paper forms.
 *                                     Staff of the budget's entity and
 *                                     above (ACT_ACTIVITY_VIEW).
 *                                     View staff/budget.
 * POST /staff/budgets/{id}/override   budget_override_params: project,
 *                                     won (yes | no | rule), reason (a
 *                                     public reason, required unless
 *                                     back to the rule) → 303; audited
 *                                     (budget.override).  The liaison
 *                                     officer (ACT_ACTIVITY_APPROVE).
 * POST /staff/budgets/{id}/paper      budget_paper_params: batch, copies,
 *                                     project (repeated) → 303; one row
 *                                     of a batch of identical paper
 *                                     ballots, audited (budget.paper).
 *                                     Staff who draft (ACT_ACTIVITY_DRAFT).
 * GET  /staff/budgets                the budgets of the user's entity
 *                                     (every entity for the ministry),
 *                                     with their phases and the projects
 *                                     still to review (ACT_ACTIVITY_VIEW).
 *                                     View staff/budgets.
 * POST /staff/budgets/{id}/projects   budget_project_params: a project
 *                                     added by staff before voting opens
 *                                     (ACT_ACTIVITY_DRAFT), audited
 *                                     (budget.project_add); 409 once
 *                                     voting has opened.
 * POST /staff/budgets/{id}/review     budget_review_params:
 *                                     review_project, feasible (yes |
 *                                     no), review_reason (public,
 *                                     required), review_cost (corrected)
 *                                     → 303; before voting opens
 *                                     (ACT_ACTIVITY_DRAFT), audited
 *                                     (budget.review); the citizen who
 *                                     proposed it is mailed.
 * GET  /staff/budgets/new            the form of a new budget
 *                                     (ACT_ACTIVITY_DRAFT, an entity's
 *                                     staff).  View staff/budget_form.
 * POST /staff/budgets/new            budget_new_params → 303
 *                                     /staff/budgets/{id}/chain: a draft
 *                                     of the user's entity, never public,
 *                                     audited (budget.draft).  Dates in
 *                                     order (proposals, voting opens,
 *                                     closes), approval with its N.
 * GET  /staff/budgets/{id}/chain      the budget's rules and where it
 *                                     stands in the review chain of the
 *                                     consultations, with the step the
 *                                     reader may take.  View
 *                                     staff/budget_chain.
 * POST /staff/budgets/{id}/chain      budget_chain_params: event (submit
 *                                     | forward | return | approve),
 *                                     reason (a return's, required):
 *                                     activity_next decides as for a
 *                                     consultation, audited; the liaison
 *                                     officer's approval opens it.  403
 *                                     for a step the role may not take
 *                                     on its entity, 409 from its state.
 * Bad input: 422 at its field, everything typed kept.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "budget.h"
#include "db.h"
#include "http.h"
#include "names.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const override_names[] = { "yes", "no", "rule", NULL };
static const char *const override_labels[] = {
	N_("Funded"), N_("Not funded"), N_("As the rule decides"),
};

const struct param budget_override_params[BO__MAX] = {
	[BO_PROJECT] = { .name = "project", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 999999999999LL, .label = N_("Project") },
	/* A select always sends one of its values: not marked required
	 * (Nu: a required select's first option must be a placeholder);
	 * absent, it means "as the rule decides". */
	[BO_WON] = { .name = "won", .type = PT_ENUM,
	    .choices = override_names, .choice_labels = override_labels,
	    .label = N_("Result") },
	[BO_REASON] = { .name = "reason", .type = PT_TEXT, .max = 2000,
	    .label = N_("Public reason"),
	    .hint = N_("Shown on the results page beside the project.") },
};

static const char *const rule_names[] = { "knapsack", "approval", NULL };
static const char *const rule_labels[] = {
	N_("Knapsack: projects whose costs fit in the budget"),
	N_("Approval: up to N projects"),
};
static const char *const method_names[] = { "greedy", "mes", NULL };
static const char *const method_labels[] = {
	N_("Greedy by votes"), N_("Method of Equal Shares"),
};
static const char *const chain_names[] = {
	"submit", "forward", "return", "approve", NULL
};
static const char *const chain_labels[] = {
	N_("Submit it to the coordinator"), N_("Forward it to the liaison officer"),
	N_("Return it to its author"), N_("Approve and open it"),
};
static const enum act_event chain_events[] = {
	AE_SUBMIT, AE_FORWARD, AE_RETURN, AE_APPROVE
};

const struct param budget_new_params[BN__MAX] = {
	[BN_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 3, .max = 300,
	    .label = N_("Title in Arabic") },
	[BN_TITLE_EN] = { .name = "title_en", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 3, .max = 300,
	    .label = N_("Title in English") },
	[BN_DESCRIPTION_AR] = { .name = "description_ar", .type = PT_TEXT,
	    .max = 5000, .label = N_("Description in Arabic") },
	[BN_DESCRIPTION_EN] = { .name = "description_en", .type = PT_TEXT,
	    .max = 5000, .label = N_("Description in English") },
	[BN_TOTAL] = { .name = "total", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 24, .label = N_("Total amount") },
	[BN_CURRENCY] = { .name = "currency", .type = PT_STR, .flags = P_REQ,
	    .min = 3, .max = 3, .label = N_("Currency"),
	    .hint = N_("Three capital letters, e.g. JOD or OMR.") },
	[BN_AREA_AR] = { .name = "area_ar", .type = PT_STR, .max = 200,
	    .label = N_("Area or sector in Arabic") },
	[BN_AREA_EN] = { .name = "area_en", .type = PT_STR, .max = 200,
	    .label = N_("Area or sector in English") },
	[BN_PROPOSALS] = { .name = "proposals_close_at", .type = PT_DATETIME,
	    .flags = P_REQ, .label = N_("Proposals until") },
	[BN_OPENS] = { .name = "opens_at", .type = PT_DATETIME,
	    .flags = P_REQ, .label = N_("Voting opens"),
	    .hint = N_("The technical review runs from the end of the "
	    "proposals until then.") },
	[BN_CLOSES] = { .name = "closes_at", .type = PT_DATETIME,
	    .flags = P_REQ, .label = N_("Voting closes") },
	[BN_RULE] = { .name = "ballot_rule", .type = PT_ENUM,
	    .choices = rule_names, .choice_labels = rule_labels,
	    .label = N_("How to vote") },
	[BN_MAX] = { .name = "max_projects", .type = PT_INT, .max = 1000,
	    .label = N_("At most this many projects (0: no limit)") },
	[BN_MIN] = { .name = "min_projects", .type = PT_INT, .max = 1000,
	    .label = N_("At least this many projects (0: none)") },
	[BN_SHARE] = { .name = "min_share_pct", .type = PT_INT, .max = 100,
	    .label = N_("Minimum share of the budget to spend, %") },
	[BN_METHOD] = { .name = "method", .type = PT_ENUM,
	    .choices = method_names, .choice_labels = method_labels,
	    .label = N_("How winners are chosen") },
};

const struct param budget_chain_params[BC__MAX] = {
	[BC_EVENT] = { .name = "event", .type = PT_ENUM, .flags = P_REQ,
	    .choices = chain_names },
	[BC_REASON] = { .name = "reason", .type = PT_TEXT, .max = 3000,
	    .label = N_("Reason for returning it"),
	    .hint = N_("The author reads it with the budget.") },
};

static const char *const feasible_names[] = { "yes", "no", NULL };
static const char *const feasible_labels[] = {
	N_("Feasible"), N_("Not feasible"),
};

const struct param budget_project_params[BPR__MAX] = {
	[BPR_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 3, .max = 300,
	    .label = N_("Title in Arabic") },
	[BPR_TITLE_EN] = { .name = "title_en", .type = PT_STR,
	    .flags = P_NAME, .max = 300, .label = N_("Title in English") },
	[BPR_DESCRIPTION_AR] = { .name = "description_ar", .type = PT_TEXT,
	    .max = 5000, .label = N_("Description in Arabic") },
	[BPR_DESCRIPTION_EN] = { .name = "description_en", .type = PT_TEXT,
	    .max = 5000, .label = N_("Description in English") },
	[BPR_COST] = { .name = "cost", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 24, .label = N_("Estimated cost"),
	    .hint = N_("In the budget's currency, e.g. 12500 or 12,500.250.") },
	[BPR_LOCATION] = { .name = "location", .type = PT_STR, .max = 300,
	    .label = N_("Location") },
};

const struct param budget_review_params[BRV__MAX] = {
	[BRV_PROJECT] = { .name = "review_project", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 999999999999LL, .label = N_("Project") },
	[BRV_FEASIBLE] = { .name = "feasible", .type = PT_ENUM,
	    .choices = feasible_names, .choice_labels = feasible_labels,
	    .label = N_("Technical review") },
	[BRV_REASON] = { .name = "review_reason", .type = PT_TEXT, .flags = P_REQ,
	    .min = 5, .max = 2000, .label = N_("Public reason"),
	    .hint = N_("Shown with the project and sent to whoever proposed "
	    "it.") },
	[BRV_COST] = { .name = "review_cost", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 24, .label = N_("Corrected cost") },
};

const struct param budget_paper_params[BP__MAX] = {
	[BP_BATCH] = { .name = "batch", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 100, .label = N_("Batch") },
	[BP_COPIES] = { .name = "copies", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 100000, .label = N_("Identical ballots") },
	[BP_PROJECT] = { .name = "project", .type = PT_INT, .flags = P_MULTI,
	    .min = 1, .max = 999999999999LL, .label = N_("Projects selected") },
};

static int
staff_budget(struct req *r, struct budget *b, enum action need)
{
	switch (budget_load(r->db, r->a, r->segi[0], time(NULL), b)) {
	case 0:
		break;
	case 1:
		return 404;
	default:
		return 500;
	}
	return staff_may_item(r, need, b->entity_id);
}

static int
budget_page(struct req *r, struct budget *b, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*p = b->projects;
	char		 buf[32];
	int		 i = 0;

	vm_str(m, "title", present_pick(r, dbres_str(b->res,
	    BUDGET_GET_TITLE_AR), dbres_str(b->res, BUDGET_GET_TITLE_EN)));
	vm_strf(m, "id", "%llu", (unsigned long long)b->id);
	if (budget_count(r->db, r->a, b) == -1)
		return 500;
	vm_int(m, "online", b->t.ballots_online);
	vm_int(m, "paper", b->t.ballots_paper);
	vm_int(m, "ballots", b->t.ballots_online + b->t.ballots_paper);
	vm_str(m, "spent", bud_format_amount(b->t.spent, buf, sizeof(buf)));
	vm_bool(m, "may_override", staff_may(r, ACT_ACTIVITY_APPROVE,
	    b->entity_id));
	vm_bool(m, "may_paper", staff_may(r, ACT_ACTIVITY_DRAFT,
	    b->entity_id));
	l = vm_list(m, "projects");
	dbres_rewind(p);
	while (dbres_next(p)) {
		it = vm_push(l);
		vm_strf(it, "pid", "%llu", (unsigned long long)b->t.p[i].id);
		vm_str(it, "title", present_pick(r, dbres_str(p,
		    BUDGET_PROJECTS_TITLE_AR), dbres_str(p,
		    BUDGET_PROJECTS_TITLE_EN)));
		vm_str(it, "cost", bud_format_amount(b->t.p[i].cost, buf,
		    sizeof(buf)));
		vm_int(it, "online", b->t.online[i]);
		vm_int(it, "paper", b->t.paper[i]);
		vm_int(it, "votes", b->t.p[i].votes);
		vm_bool(it, "won", b->t.p[i].won);
		vm_bool(it, "computed", b->t.computed[i]);
		vm_str(it, "override_reason", dbres_str(p,
		    BUDGET_PROJECTS_OVERRIDE_REASON));
		vm_bool(it, "feasible", b->feasible[i]);
		vm_str(it, "review_reason", dbres_str(p,
		    BUDGET_PROJECTS_REVIEW_REASON));
		i++;
	}
	vm_bool(m, "may_review", b->reviewing && staff_may(r,
	    ACT_ACTIVITY_DRAFT, b->entity_id));
	present_form(r, m, PARAMS(budget_override_params));
	present_form(r, m, PARAMS(budget_paper_params));
	present_form(r, m, PARAMS(budget_project_params));
	present_form(r, m, PARAMS(budget_review_params));
	return http_form_page(r, "staff/budget", m, status);
}

int
page_staff_budget(struct req *r)
{
	struct budget	 b;
	int		 rc = staff_budget(r, &b, ACT_ACTIVITY_VIEW);

	return rc != 0 ? rc : budget_page(r, &b, 200);
}

static int
project_index(const struct budget *b, unsigned long long id)
{
	for (int i = 0; i < b->t.np; i++)
		if (b->t.p[i].id == id)
			return i;
	return -1;
}

/* Marks field key unless id is one of the budget's projects (and no
 * field is marked yet). */
static void
project_check(struct req *r, const struct budget *b, int key,
    unsigned long long id)
{
	if (r->nerr == 0 && project_index(b, id) < 0)
		http_arg_error(r, key, N_("Choose projects of this budget."));
}

/* The last step of the budget page's forms: the page again with the
 * fields marked (422), else fn in the form flow, back to the page (303)
 * or the page again (409, 422). */
static int
budget_submit(struct req *r, struct budget *b,
    enum outcome (*fn)(struct req *, void *), void *arg)
{
	int	 rc;

	if (r->nerr > 0)
		return budget_page(r, b, 422);
	rc = http_form_submit(r, fn, arg, arena_printf(r->a,
	    "/staff/budgets/%llu", (unsigned long long)b->id));
	return http_form_redraw(rc) ? budget_page(r, b, rc) : rc;
}

static enum outcome
override_tx(struct req *r, void *arg)
{
	struct budget	*b = arg;
	long long	 won = http_arg_int(r, BO_WON, 2);
	const char	*reason = won == 2 ? NULL : http_arg_str(r, BO_REASON);
	unsigned long long pid = http_arg_int(r, BO_PROJECT, 0);

	if (db_exec(r->db, SQL_BUDGET_OVERRIDE, DB_ARGS(DB_U(budget, b->id),
	    DB_U(project, pid), DB_I(won, won == 0), DB_I(rule, won == 2),
	    DB_S(reason, reason))) < 0)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, b->entity_id),
	    "budget.override", "budget_project", pid, arena_printf(r->a,
	    "%s: %s", override_names[won], reason != NULL ? reason : ""))
	    == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_staff_budget_override(struct req *r)
{
	struct budget	 b;
	int		 rc;

	if ((rc = staff_budget(r, &b, ACT_ACTIVITY_APPROVE)) != 0)
		return rc;
	project_check(r, &b, BO_PROJECT, http_arg_int(r, BO_PROJECT, 0));
	if (r->nerr == 0 && http_arg_int(r, BO_WON, 2) != 2 &&
	    http_arg_str(r, BO_REASON) == NULL)
		http_arg_error(r, BO_REASON, N_("Give the public reason for changing the result."));
	return budget_submit(r, &b, override_tx, &b);
}

static enum outcome
paper_tx(struct req *r, void *arg)
{
	struct budget	*b = arg;
	const struct pval *v = http_arg(r, BP_PROJECT);
	unsigned long long id;

	if (db_exec(r->db, SQL_BUDGET_PAPER_ADD, DB_ARGS(DB_U(budget, b->id),
	    DB_S(batch, http_arg_str(r, BP_BATCH)), DB_U(copies,
	    http_arg_int(r, BP_COPIES, 1)), DB_U(by, r->sess->user_id))) != 1)
		return OUT_ERROR;
	id = db_insert_id(r->db);
	for (int k = 0; v != NULL && k < v->nvals; k++)
		if (db_exec(r->db, SQL_BUDGET_PAPER_CHOICE, DB_ARGS(
		    DB_U(ballot, id), DB_U(project, strtoull(v->vals[k],
		    NULL, 10)), DB_U(budget, b->id))) < 0)
			return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, b->entity_id),
	    "budget.paper", "budget", b->id, arena_printf(r->a, "%s × %lld",
	    http_arg_str(r, BP_BATCH), http_arg_int(r, BP_COPIES, 1))) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_staff_budget_paper(struct req *r)
{
	struct budget	 b;
	const struct pval *v;
	int		 rc;

	if ((rc = staff_budget(r, &b, ACT_ACTIVITY_DRAFT)) != 0)
		return rc;
	v = http_arg(r, BP_PROJECT);
	for (int k = 0; r->nerr == 0 && v != NULL && k < v->nvals; k++)
		project_check(r, &b, BP_PROJECT, strtoull(v->vals[k], NULL,
		    10));
	return budget_submit(r, &b, paper_tx, &b);
}

int
page_staff_budgets(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	enum bud_state	 st;

	vm_str(m, "title", tr(r, "Participatory budgets"));
	if ((res = db_query(r->db, r->a, SQL_BUDGET_STAFF_LIST, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_I(all,
	    perm_role(r->sess->role) == ROLE_ADMIN)))) == NULL)
		return 500;
	l = vm_list(m, "budgets");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, BUDGET_STAFF_LIST_ID));
		vm_str(it, "title", present_pick(r, dbres_str(res,
		    BUDGET_STAFF_LIST_TITLE_AR), dbres_str(res,
		    BUDGET_STAFF_LIST_TITLE_EN)));
		vm_str(it, "entity", present_pick(r, dbres_str(res,
		    BUDGET_STAFF_LIST_ENTITY_AR), dbres_str(res,
		    BUDGET_STAFF_LIST_ENTITY_EN)));
		st = budget_state(dbres_str(res, BUDGET_STAFF_LIST_STATE));
		vm_str(it, "state", dbres_str(res, BUDGET_STAFF_LIST_STATE));
		vm_str(it, "state_label", present_label(r, budget_state_labels,
		    BST__MAX, st));
		vm_bool(it, "draft", st == BST_DRAFT);
		vm_str(it, "proposals", present_sqldate(r, dbres_str(res,
		    BUDGET_STAFF_LIST_PROPOSALS_CLOSE_AT)));
		vm_str(it, "opens", present_sqldate(r, dbres_str(res,
		    BUDGET_STAFF_LIST_OPENS_AT)));
		vm_str(it, "closes", present_sqldate(r, dbres_str(res,
		    BUDGET_STAFF_LIST_CLOSES_AT)));
		vm_str(it, "projects", dbres_str(res,
		    BUDGET_STAFF_LIST_PROJECTS));
		vm_str(it, "to_review", dbres_str(res,
		    BUDGET_STAFF_LIST_TO_REVIEW));
	}
	vm_bool(m, "any", l->count > 0);
	vm_bool(m, "may_draft", r->sess->entity_id != 0 && staff_may(r,
	    ACT_ACTIVITY_DRAFT, r->sess->entity_id));
	return http_render(r, "staff/budgets", m);
}

/* The cost typed into field key, in minor units, or -1 with the field
 * marked. */
static int64_t
cost_sent(struct req *r, int key)
{
	const char	*msgid;
	int64_t		 v;

	if (r->nerr > 0)
		return -1;
	if ((v = bud_parse_cost(http_arg_str(r, key), &msgid)) < 0)
		http_arg_error(r, key, msgid);
	return v;
}

struct project_write {
	struct budget	*b;
	int64_t		 cost;
};

static enum outcome
project_tx(struct req *r, void *arg)
{
	struct project_write *w = arg;

	if (db_exec(r->db, SQL_BUDGET_PROJECT_ADD, DB_ARGS(
	    DB_U(budget, w->b->id),
	    DB_S(title_ar, http_arg_str(r, BPR_TITLE_AR)),
	    DB_S(title_en, http_arg_str(r, BPR_TITLE_EN)),
	    DB_S(description_ar, http_arg_str(r, BPR_DESCRIPTION_AR)),
	    DB_S(description_en, http_arg_str(r, BPR_DESCRIPTION_EN)),
	    DB_I(cost, w->cost), DB_S(location, http_arg_str(r, BPR_LOCATION)),
	    DB_U(by, 0))) != 1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, w->b->entity_id),
	    "budget.project_add", "budget_project", db_insert_id(r->db),
	    http_arg_str(r, BPR_TITLE_AR)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}


static enum outcome
review_tx(struct req *r, void *arg)
{
	struct project_write *w = arg;

	switch (budget_review(r->db, r->a, staff_actor_for(r,
	    w->b->entity_id), w->b, http_arg_int(r, BRV_PROJECT, 0),
	    http_arg_int(r, BRV_FEASIBLE, 0) == 0,
	    http_arg_str(r, BRV_REASON), w->cost)) {
	case 1:
		return OUT_OK;
	case 0:
		http_arg_error(r, BRV_PROJECT,
		    N_("Choose projects of this budget."));
		return OUT_INVALID;
	default:
		return OUT_ERROR;
	}
}

/* The two project forms of the technical review, before voting opens:
 * a project added (project_tx) or reviewed (review_tx: one of the
 * budget's projects), each with the cost typed into cost_key. */
static int
project_submit(struct req *r, int review, int cost_key,
    enum outcome (*fn)(struct req *, void *))
{
	struct budget	 b;
	struct project_write w = { &b, 0 };
	int		 rc;

	if ((rc = staff_budget(r, &b, ACT_ACTIVITY_DRAFT)) != 0)
		return rc;
	if (!b.reviewing)
		return budget_page(r, &b, 409);
	if (review)
		project_check(r, &b, BRV_PROJECT, http_arg_int(r, BRV_PROJECT,
		    0));
	w.cost = cost_sent(r, cost_key);
	return budget_submit(r, &b, fn, &w);
}

int
page_staff_budget_project(struct req *r)
{
	return project_submit(r, 0, BPR_COST, project_tx);
}

int
page_staff_budget_review(struct req *r)
{
	return project_submit(r, 1, BRV_COST, review_tx);
}

static int
new_page(struct req *r, int status)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "New budget"));
	present_form(r, m, PARAMS(budget_new_params));
	return http_form_page(r, "staff/budget_form", m, status);
}

int
page_staff_budget_new(struct req *r)
{
	if (r->sess->entity_id == 0 || !staff_may(r, ACT_ACTIVITY_DRAFT,
	    r->sess->entity_id))
		return 403;
	return new_page(r, 200);
}

struct budget_new {
	int64_t		 total;
	const char	*url;
};

static enum outcome
budget_new_tx(struct req *r, void *arg)
{
	struct budget_new *n = arg;
	const struct pval *rule = http_arg(r, BN_RULE),
	    *method = http_arg(r, BN_METHOD);
	unsigned long long id;

	if (db_exec(r->db, SQL_BUDGET_CREATE, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_U(by, r->sess->user_id),
	    DB_S(title_ar, http_arg_str(r, BN_TITLE_AR)),
	    DB_S(title_en, http_arg_str(r, BN_TITLE_EN)),
	    DB_S(description_ar, http_arg_str(r, BN_DESCRIPTION_AR)),
	    DB_S(description_en, http_arg_str(r, BN_DESCRIPTION_EN)),
	    DB_I(total, n->total),
	    DB_S(currency, http_arg_str(r, BN_CURRENCY)),
	    DB_S(area_ar, http_arg_str(r, BN_AREA_AR)),
	    DB_S(area_en, http_arg_str(r, BN_AREA_EN)),
	    DB_S(ballot_rule, rule_names[rule->set ? rule->i : 0]),
	    DB_S(method, method_names[method->set ? method->i : 0]),
	    DB_I(min_projects, http_arg_int(r, BN_MIN, 0)),
	    DB_I(max_projects, http_arg_int(r, BN_MAX, 0)),
	    DB_I(min_share_pct, http_arg_int(r, BN_SHARE, 0)),
	    DB_I(proposals_unix, http_arg(r, BN_PROPOSALS)->t),
	    DB_I(opens_unix, http_arg(r, BN_OPENS)->t),
	    DB_I(closes_unix, http_arg(r, BN_CLOSES)->t))) != 1)
		return OUT_ERROR;
	id = db_insert_id(r->db);
	n->url = arena_printf(r->a, "/staff/budgets/%llu/chain", id);
	return audit_record(r->db, staff_actor(r), "budget.draft", "budget",
	    id, http_arg_str(r, BN_TITLE_AR)) == -1 ? OUT_ERROR : OUT_OK;
}

int
page_staff_budget_create(struct req *r)
{
	struct budget_new n = { 0, "/staff/budgets" };
	const char	*cur;
	int		 k;

	if (r->sess->entity_id == 0 || !staff_may(r, ACT_ACTIVITY_DRAFT,
	    r->sess->entity_id))
		return 403;
	if (r->nerr == 0)
		n.total = cost_sent(r, BN_TOTAL);
	cur = http_arg_str(r, BN_CURRENCY);
	for (k = 0; r->nerr == 0 && cur != NULL && k < 3; k++)
		if (cur[k] < 'A' || cur[k] > 'Z')
			http_arg_error(r, BN_CURRENCY, N_("Three capital "
			    "letters, e.g. JOD or OMR."));
	if (r->nerr == 0 && http_arg(r, BN_OPENS)->t <=
	    http_arg(r, BN_PROPOSALS)->t)
		http_arg_error(r, BN_OPENS, N_("Voting opens after the "
		    "proposals close (the technical review is between)."));
	if (r->nerr == 0 && http_arg(r, BN_CLOSES)->t <=
	    http_arg(r, BN_OPENS)->t)
		http_arg_error(r, BN_CLOSES, N_("Voting closes after it "
		    "opens."));
	if (r->nerr == 0 && http_arg(r, BN_RULE)->set &&
	    http_arg(r, BN_RULE)->i == 1 && http_arg_int(r, BN_MAX, 0) < 1)
		http_arg_error(r, BN_MAX, N_("An approval vote needs the "
		    "number of projects a voter may choose."));
	if (r->nerr == 0 && http_arg_int(r, BN_MAX, 0) > 0 &&
	    http_arg_int(r, BN_MIN, 0) > http_arg_int(r, BN_MAX, 0))
		http_arg_error(r, BN_MIN, N_("At least cannot be more than at "
		    "most."));
	if (r->nerr > 0)
		return new_page(r, 422);
	return http_form_submit_to(r, budget_new_tx, &n, "/staff/budgets",
	    &n.url);
}

/* The action a step needs on the budget's entity. */
static enum action
chain_need(enum act_event e, enum act_state from)
{
	if (e == AE_SUBMIT)
		return ACT_ACTIVITY_DRAFT;
	if (e == AE_FORWARD || (e == AE_RETURN && from == AS_SUBMITTED))
		return ACT_ACTIVITY_REVIEW;
	return ACT_ACTIVITY_APPROVE;
}

struct chain {
	struct dbres	*res;
	uint64_t	 id, entity;
	const char	*from;
};

/* Loads budget {id} with its chain: 0, 404 (missing, out of sight),
 * 500. */
static int
chain_load(struct req *r, struct chain *c)
{
	if ((c->res = db_query(r->db, r->a, SQL_BUDGET_DRAFT_GET, DB_ARGS(
	    DB_U(id, r->segi[0])))) == NULL)
		return 500;
	if (!dbres_next(c->res))
		return 404;
	c->id = dbres_u(c->res, BUDGET_DRAFT_GET_ID);
	c->entity = dbres_u(c->res, BUDGET_DRAFT_GET_ENTITY_ID);
	c->from = dbres_str(c->res, BUDGET_DRAFT_GET_REVIEW_STATE);
	return staff_may(r, ACT_ACTIVITY_VIEW, c->entity) ? 0 : 404;
}

static int
chain_page(struct req *r, struct chain *c, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res = c->res;
	enum role	 role = perm_role(r->sess->role);
	enum act_state	 from = activity_state(c->from);
	char		 buf[32];
	int		 k, rule, method;

	vm_strf(m, "id", "%llu", (unsigned long long)c->id);
	vm_str(m, "title", present_pick(r, dbres_str(res,
	    BUDGET_DRAFT_GET_TITLE_AR), dbres_str(res,
	    BUDGET_DRAFT_GET_TITLE_EN)));
	vm_str(m, "entity", present_pick(r, dbres_str(res,
	    BUDGET_DRAFT_GET_ENTITY_AR), dbres_str(res,
	    BUDGET_DRAFT_GET_ENTITY_EN)));
	vm_str(m, "description", present_pick(r, dbres_str(res,
	    BUDGET_DRAFT_GET_DESCRIPTION_AR), dbres_str(res,
	    BUDGET_DRAFT_GET_DESCRIPTION_EN)));
	vm_str(m, "area", present_pick(r, dbres_str(res,
	    BUDGET_DRAFT_GET_AREA_AR), dbres_str(res,
	    BUDGET_DRAFT_GET_AREA_EN)));
	vm_strf(m, "total", "%s %s", bud_format_amount(dbres_int(res,
	    BUDGET_DRAFT_GET_TOTAL_MINOR), buf, sizeof(buf)), dbres_str(res,
	    BUDGET_DRAFT_GET_CURRENCY));
	rule = names_find(rule_names, 2, dbres_str(res,
	    BUDGET_DRAFT_GET_BALLOT_RULE));
	method = names_find(method_names, 2, dbres_str(res,
	    BUDGET_DRAFT_GET_METHOD));
	vm_str(m, "rule", present_label(r, rule_labels, 2, rule));
	vm_str(m, "method", present_label(r, method_labels, 2, method));
	vm_str(m, "max_projects", dbres_str(res, BUDGET_DRAFT_GET_MAX_PROJECTS));
	vm_str(m, "min_projects", dbres_str(res, BUDGET_DRAFT_GET_MIN_PROJECTS));
	vm_str(m, "min_share_pct", dbres_str(res,
	    BUDGET_DRAFT_GET_MIN_SHARE_PCT));
	vm_str(m, "proposals", present_sqldatetime(r, dbres_str(res,
	    BUDGET_DRAFT_GET_PROPOSALS_CLOSE_AT)));
	vm_str(m, "opens", present_sqldatetime(r, dbres_str(res,
	    BUDGET_DRAFT_GET_OPENS_AT)));
	vm_str(m, "closes", present_sqldatetime(r, dbres_str(res,
	    BUDGET_DRAFT_GET_CLOSES_AT)));
	vm_str(m, "chain", c->from);
	vm_str(m, "chain_label", present_label(r, act_state_labels, AS__MAX,
	    from));
	vm_str(m, "return_reason", from == AS_RETURNED ? dbres_str(res,
	    BUDGET_DRAFT_GET_RETURN_REASON) : NULL);
	vm_bool(m, "public", strcmp(dbres_str(res, BUDGET_DRAFT_GET_STATE),
	    "draft") != 0);
	vm_bool(m, "conflict", status == 409);
	l = vm_list(m, "steps");
	for (k = 0; k < 4; k++) {
		if (budget_chain_next(c->from, chain_events[k], role) ==
		    AS__MAX || !staff_may(r, chain_need(chain_events[k],
		    from), c->entity))
			continue;
		it = vm_push(l);
		vm_str(it, "event", chain_names[k]);
		vm_str(it, "label", tr(r, chain_labels[k]));
		vm_bool(it, "is_return", chain_events[k] == AE_RETURN);
	}
	present_form(r, m, PARAMS(budget_chain_params));
	return http_form_page(r, "staff/budget_chain", m, status);
}

int
page_staff_budget_chain_show(struct req *r)
{
	struct chain	 c;
	int		 rc = chain_load(r, &c);

	return rc != 0 ? rc : chain_page(r, &c, 200);
}

static enum outcome
chain_tx(struct req *r, void *arg)
{
	struct chain	*c = arg;
	enum act_event	 e = chain_events[http_arg_int(r, BC_EVENT, 0)];

	switch (budget_chain(r->db, r->a, staff_actor_for(r, c->entity),
	    perm_role(r->sess->role), c->id, c->from, e,
	    http_arg_str(r, BC_REASON))) {
	case 1:
		return OUT_OK;
	case 0:
		return OUT_CONFLICT;
	default:
		return OUT_ERROR;
	}
}

int
page_staff_budget_chain(struct req *r)
{
	struct chain	 c;
	enum act_event	 e;
	int		 rc;

	if ((rc = chain_load(r, &c)) != 0)
		return rc;
	if (r->nerr > 0)
		return chain_page(r, &c, 422);
	e = chain_events[http_arg_int(r, BC_EVENT, 0)];
	if (!staff_may(r, chain_need(e, activity_state(c.from)), c.entity))
		return 403;
	if (e == AE_RETURN && http_arg_str(r, BC_REASON) == NULL) {
		http_arg_error(r, BC_REASON, N_("Give the reason for returning "
		    "it."));
		return chain_page(r, &c, 422);
	}
	rc = http_form_submit(r, chain_tx, &c, arena_printf(r->a,
	    "/staff/budgets/%llu/chain", (unsigned long long)c.id));
	return http_form_redraw(rc) ? chain_page(r, &c, rc) : rc;
}
