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
	[BO_WON] = { .name = "won", .type = PT_ENUM, .flags = P_REQ,
	    .choices = override_names, .choice_labels = override_labels,
	    .label = N_("Result") },
	[BO_REASON] = { .name = "reason", .type = PT_TEXT, .max = 2000,
	    .label = N_("Public reason"),
	    .hint = N_("Shown on the results page beside the project.") },
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
	if (!staff_may(r, ACT_ACTIVITY_VIEW, b->entity_id))
		return 404;
	if (need != ACT_ACTIVITY_VIEW && !staff_may(r, need, b->entity_id))
		return 403;
	return 0;
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
		i++;
	}
	present_form(r, m, PARAMS(budget_override_params));
	present_form(r, m, PARAMS(budget_paper_params));
	if (status != 200)
		return http_form_again(r, "staff/budget", m, status);
	return http_render(r, "staff/budget", m);
}

int
page_staff_budget(struct req *r)
{
	struct budget	 b;
	int		 rc;

	if ((rc = staff_budget(r, &b, ACT_ACTIVITY_VIEW)) != 0)
		return rc;
	return budget_page(r, &b, 200);
}

static int
project_index(const struct budget *b, unsigned long long id)
{
	for (int i = 0; i < b->t.np; i++)
		if (b->t.p[i].id == id)
			return i;
	return -1;
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
	const char	*url, *prev;
	int		 rc;

	if ((rc = staff_budget(r, &b, ACT_ACTIVITY_APPROVE)) != 0)
		return rc;
	if (r->nerr == 0 && project_index(&b, http_arg_int(r, BO_PROJECT,
	    0)) < 0)
		http_arg_error(r, BO_PROJECT,
		    N_("Choose projects of this budget."));
	if (r->nerr == 0 && http_arg_int(r, BO_WON, 2) != 2 &&
	    http_arg_str(r, BO_REASON) == NULL)
		http_arg_error(r, BO_REASON, N_("Give the public reason for changing the result."));
	if (r->nerr > 0)
		return budget_page(r, &b, 422);
	url = arena_printf(r->a, "/staff/budgets/%llu",
	    (unsigned long long)b.id);
	switch (http_form_tx(r, override_tx, &b, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	default:
		return 500;
	}
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
	const char	*url, *prev;
	int		 rc;

	if ((rc = staff_budget(r, &b, ACT_ACTIVITY_DRAFT)) != 0)
		return rc;
	v = http_arg(r, BP_PROJECT);
	for (int k = 0; r->nerr == 0 && v != NULL && k < v->nvals; k++)
		if (project_index(&b, strtoull(v->vals[k], NULL, 10)) < 0)
			http_arg_error(r, BP_PROJECT,
			    N_("Choose projects of this budget."));
	if (r->nerr > 0)
		return budget_page(r, &b, 422);
	url = arena_printf(r->a, "/staff/budgets/%llu",
	    (unsigned long long)b.id);
	switch (http_form_tx(r, paper_tx, &b, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	default:
		return 500;
	}
}
