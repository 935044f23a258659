/*
 * page_initiatives.c — citizen initiatives, staff side (issue 19;
 * fcgi/domain/initiative.h).
 *
 * GET  /staff/initiatives               the initiatives addressed to the
 *                                       user's entity (every entity for
 *                                       the ministry), by state, with
 *                                       their due dates and days late;
 *                                       the entity's rules and, for its
 *                                       liaison officer, their form
 *                                       (ACT_ACTIVITY_VIEW).
 *                                       View staff/initiatives.
 * POST /staff/initiatives/rules         ini_rules_params: the entity's
 *                                       admit days, support days,
 *                                       threshold, answer days (the
 *                                       liaison officer,
 *                                       ACT_ACTIVITY_APPROVE), audited
 *                                       (initiative.rules).
 * GET  /staff/initiatives/{id}          the initiative with its
 *                                       supports and paper batches, and
 *                                       the forms its state allows.
 *                                       View staff/initiative.
 * POST /staff/initiatives/{id}/admit    the liaison officer admits it
 *                                       (ACT_ACTIVITY_APPROVE; anyone
 *                                       else 403, nothing changed).
 * POST /staff/initiatives/{id}/refuse   ini_refuse_params: reason
 *                                       (required, public).
 * POST /staff/initiatives/{id}/paper    ini_paper_params: batch, supports
 *                                       (ACT_ACTIVITY_DRAFT: the entity's
 *                                       staff), while collecting.
 * POST /staff/initiatives/{id}/answer   ini_answer_params: the answer in
 *                                       Arabic (required) and English,
 *                                       outcome; once the threshold is
 *                                       reached (ACT_ACTIVITY_APPROVE).
 * Every decision is audited in its transaction.  Bad input: 422 at its
 * field, everything typed kept; a decision the state no longer allows:
 * 409.  An initiative of an entity out of sight: 404.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "initiative.h"
#include "names.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

const struct param ini_rules_params[IR__MAX] = {
	[IR_ADMIT] = { .name = "admit_days", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 60, .label = N_("Working days to admit or refuse") },
	[IR_SUPPORT] = { .name = "support_days", .type = PT_INT,
	    .flags = P_REQ, .min = 7, .max = 365,
	    .label = N_("Days of the support period") },
	[IR_THRESHOLD] = { .name = "threshold", .type = PT_INT,
	    .flags = P_REQ, .min = 1, .max = 10000000,
	    .label = N_("Supports that oblige an answer") },
	[IR_ANSWER] = { .name = "answer_days", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 120, .label = N_("Working days to answer") },
};

const struct param ini_refuse_params[IRF__MAX] = {
	[IRF_REASON] = { .name = "reason", .type = PT_TEXT, .flags = P_REQ,
	    .min = 10, .max = 3000, .label = N_("Public reason"),
	    .hint = N_("Published with the initiative and sent to its "
	    "promoters.") },
};

const struct param ini_paper_params[IP__MAX] = {
	[IP_BATCH] = { .name = "batch", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 1, .max = 100,
	    .label = N_("Batch"),
	    .hint = N_("How the sheets are filed, e.g. \"Irbid office, "
	    "week 12\".") },
	[IP_SUPPORTS] = { .name = "supports", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 1000000, .label = N_("Signatures checked") },
};

const struct param ini_answer_params[IA__MAX] = {
	[IA_REPLY_AR] = { .name = "reply_ar", .type = PT_TEXT, .flags = P_REQ,
	    .min = 10, .max = 10000, .label = N_("Answer in Arabic") },
	[IA_REPLY_EN] = { .name = "reply_en", .type = PT_TEXT, .max = 10000,
	    .label = N_("Answer in English") },
	[IA_OUTCOME] = { .name = "outcome", .type = PT_ENUM,
	    .choices = ini_outcome_names, .choice_labels = ini_outcome_labels,
	    .label = N_("Outcome") },
};

static void
rules_model(struct req *r, struct val *m, const struct ini_rules *ru)
{
	struct val	*f = vm_child(m, "f"), *e;

	vm_int(m, "admit_days", ru->admit_days);
	vm_int(m, "support_days", ru->support_days);
	vm_int(m, "threshold", ru->threshold);
	vm_int(m, "answer_days", ru->answer_days);
	vm_bool(m, "custom", ru->custom);
	if (r->route->params == ini_rules_params)
		return;	/* the values typed stay */
	e = vm_child(f, "admit_days");
	vm_strf(e, "value", "%d", ru->admit_days);
	e = vm_child(f, "support_days");
	vm_strf(e, "value", "%d", ru->support_days);
	e = vm_child(f, "threshold");
	vm_strf(e, "value", "%d", ru->threshold);
	e = vm_child(f, "answer_days");
	vm_strf(e, "value", "%d", ru->answer_days);
}

static int
list_page(struct req *r, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct initiative ini;
	struct ini_rules ru;
	int		 all = perm_role(r->sess->role) == ROLE_ADMIN;

	vm_str(m, "title", tr(r, "Citizen initiatives"));
	if ((res = db_query(r->db, r->a, SQL_INI_STAFF_LIST, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_I(all, all)))) == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		initiative_fill(res, &ini);
		it = vm_push(l);
		vm_strf(it, "id", "%llu", ini.id);
		vm_str(it, "title", ini.title);
		vm_str(it, "entity", present_pick(r, ini.entity_name_ar,
		    ini.entity_name_en));
		vm_str(it, "state", ini_state_names[ini.state]);
		vm_str(it, "state_label", present_label(r, ini_state_labels,
		    INI__MAX, ini.state));
		vm_strf(it, "supports", "%lld / %lld", initiative_total(&ini),
		    ini.threshold);
		vm_str(it, "due", present_date(r, ini.state == INI_PENDING ?
		    ini.admit_due : ini.state == INI_PUBLISHED ?
		    ini.supports_close : ini.state == INI_THRESHOLD ?
		    ini.answer_due : 0));
		vm_bool(it, "overdue", (ini.state == INI_PENDING &&
		    ini.admit_due != 0 && ini.admit_due < time(NULL)) ||
		    (ini.state == INI_THRESHOLD && ini.days_late > 0));
		if (ini.state == INI_THRESHOLD && ini.days_late > 0)
			vm_int(it, "days_late", ini.days_late);
	}
	vm_bool(m, "any", l->count > 0);
	if (r->sess->entity_id != 0) {
		if (initiative_rules(r->db, r->a, r->sess->entity_id, &ru) ==
		    -1)
			return 500;
		vm_bool(m, "has_rules", 1);
		vm_bool(m, "may_rules", staff_may(r, ACT_ACTIVITY_APPROVE,
		    r->sess->entity_id));
		present_form(r, m, PARAMS(ini_rules_params));
		rules_model(r, m, &ru);
	}
	return http_form_page(r, "staff/initiatives", m, status);
}

int
page_staff_initiatives(struct req *r)
{
	return list_page(r, 200);
}

static enum outcome
rules_tx(struct req *r, void *arg)
{
	(void)arg;
	if (db_exec(r->db, SQL_INI_RULES_SET, DB_ARGS(
	    DB_U(entity, r->sess->entity_id),
	    DB_I(admit, http_arg_int(r, IR_ADMIT, 0)),
	    DB_I(support, http_arg_int(r, IR_SUPPORT, 0)),
	    DB_I(threshold, http_arg_int(r, IR_THRESHOLD, 0)),
	    DB_I(answer, http_arg_int(r, IR_ANSWER, 0)))) < 0)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), "initiative.rules",
	    "entity", r->sess->entity_id, arena_printf(r->a,
	    "%lld/%lld/%lld/%lld", http_arg_int(r, IR_ADMIT, 0),
	    http_arg_int(r, IR_SUPPORT, 0), http_arg_int(r, IR_THRESHOLD, 0),
	    http_arg_int(r, IR_ANSWER, 0))) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_staff_initiative_rules(struct req *r)
{
	const char	*prev;

	if (r->sess->entity_id == 0 || !staff_may(r, ACT_ACTIVITY_APPROVE,
	    r->sess->entity_id))
		return 403;
	if (r->nerr > 0)
		return list_page(r, 422);
	switch (http_form_tx(r, rules_tx, NULL, "/staff/initiatives",
	    &prev)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/staff/initiatives");
	default:
		return 500;
	}
}

/* Loads initiative {id}: 0, 404 (missing, a draft, out of sight), 403
 * without need on its entity, 500. */
static int
ini_load(struct req *r, enum action need, struct initiative *ini)
{
	switch (initiative_load(r->db, r->a, r->segi[0], ini)) {
	case 0:
		break;
	case 1:
		return 404;
	default:
		return 500;
	}
	if (ini->state == INI_DRAFT)
		return 404;
	return staff_may_item(r, need, ini->entity_id);
}

static int
show_page(struct req *r, struct initiative *ini, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	int		 cat = names_find(ini_category_names, INI_CATEGORIES,
	    ini->category);
	int		 approve = staff_may(r, ACT_ACTIVITY_APPROVE,
	    ini->entity_id);

	vm_strf(m, "id", "%llu", ini->id);
	vm_str(m, "heading", ini->title);
	vm_strf(m, "title", "%s %llu", tr(r, "Citizen initiative"), ini->id);
	vm_str(m, "body", ini->body);
	vm_str(m, "ask", ini->ask);
	vm_str(m, "category", cat < INI_CATEGORIES ?
	    tr(r, ini_category_labels[cat]) : NULL);
	vm_str(m, "author", ini->author_name);
	vm_str(m, "entity", present_pick(r, ini->entity_name_ar,
	    ini->entity_name_en));
	vm_str(m, "state", ini_state_names[ini->state]);
	vm_str(m, "state_label", present_label(r, ini_state_labels, INI__MAX,
	    ini->state));
	vm_str(m, "submitted", present_datetime(r, ini->submitted));
	vm_str(m, "admit_due", present_date(r, ini->admit_due));
	vm_str(m, "closes", present_date(r, ini->supports_close));
	vm_str(m, "reached", present_datetime(r, ini->reached));
	vm_str(m, "answer_due", present_date(r, ini->answer_due));
	if (ini->days_late > 0 && ini->state == INI_THRESHOLD)
		vm_int(m, "days_late", ini->days_late);
	vm_str(m, "refuse_reason", ini->refuse_reason);
	vm_str(m, "reply_ar", ini->reply_ar);
	vm_str(m, "reply_en", ini->reply_en);
	vm_str(m, "outcome", ini->outcome >= 0 ? tr(r,
	    ini_outcome_labels[ini->outcome]) : NULL);
	vm_int(m, "online", ini->supporters);
	vm_int(m, "paper", ini->paper);
	vm_int(m, "total", initiative_total(ini));
	vm_int(m, "threshold", ini->threshold);
	vm_bool(m, "public", initiative_public(ini->state));
	vm_bool(m, "may_decide", approve && ini->state == INI_PENDING);
	vm_bool(m, "may_paper", ini->state == INI_PUBLISHED &&
	    staff_may(r, ACT_ACTIVITY_DRAFT, ini->entity_id));
	vm_bool(m, "may_answer", approve && ini->state == INI_THRESHOLD);
	vm_bool(m, "conflict", status == 409);
	if ((res = db_query(r->db, r->a, SQL_INI_PAPER_LIST, DB_ARGS(
	    DB_U(id, ini->id)))) == NULL)
		return 500;
	l = vm_list(m, "batches");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "batch", dbres_str(res, INI_PAPER_LIST_BATCH));
		vm_str(it, "supports", dbres_str(res, INI_PAPER_LIST_SUPPORTS));
		vm_str(it, "by", dbres_str(res, INI_PAPER_LIST_ENTERED_BY));
		vm_str(it, "at", present_datetime(r, dbres_time(res,
		    INI_PAPER_LIST_AT)));
	}
	if ((res = db_query(r->db, r->a, SQL_INI_PROMOTERS, DB_ARGS(
	    DB_U(id, ini->id)))) == NULL)
		return 500;
	l = vm_list(m, "promoters");
	while (dbres_next(res)) {
		if (dbres_isnull(res, INI_PROMOTERS_CONFIRMED_AT))
			continue;
		it = vm_push(l);
		vm_str(it, "name", dbres_str(res, INI_PROMOTERS_FULL_NAME));
		vm_str(it, "email", dbres_str(res, INI_PROMOTERS_EMAIL));
	}
	present_form(r, m, PARAMS(ini_refuse_params));
	present_form(r, m, PARAMS(ini_paper_params));
	present_form(r, m, PARAMS(ini_answer_params));
	return http_form_page(r, "staff/initiative", m, status);
}

int
page_staff_initiative(struct req *r)
{
	struct initiative ini;
	int		 rc;

	if ((rc = ini_load(r, ACT_ACTIVITY_VIEW, &ini)) != 0)
		return rc;
	return show_page(r, &ini, 200);
}

enum ini_op { OP_ADMIT, OP_REFUSE, OP_PAPER, OP_ANSWER };
struct ini_write {
	struct initiative	*ini;
	enum ini_op		 op;
};

static enum outcome
write_tx(struct req *r, void *arg)
{
	struct ini_write *w = arg;
	struct actor	*who = staff_actor_for(r, w->ini->entity_id);
	int		 n;

	switch (w->op) {
	case OP_ADMIT:
		n = initiative_admit(r->db, r->a, who, w->ini, time(NULL));
		break;
	case OP_REFUSE:
		n = initiative_refuse(r->db, r->a, who, w->ini,
		    http_arg_str(r, IRF_REASON));
		break;
	case OP_PAPER:
		n = initiative_paper(r->db, r->a, who, w->ini,
		    http_arg_str(r, IP_BATCH),
		    (int)http_arg_int(r, IP_SUPPORTS, 0), time(NULL));
		break;
	default:
		n = initiative_answer(r->db, r->a, who, w->ini,
		    http_arg_str(r, IA_REPLY_AR), http_arg_str(r, IA_REPLY_EN),
		    (enum ini_outcome)http_arg_int(r, IA_OUTCOME, 0));
		break;
	}
	return n < 0 ? OUT_ERROR : n == 0 ? OUT_CONFLICT : OUT_OK;
}

static int
ini_write(struct req *r, enum ini_op op, enum action need)
{
	struct initiative ini;
	struct ini_write w = { &ini, op };
	int		 rc;

	if ((rc = ini_load(r, need, &ini)) != 0)
		return rc;
	if (op == OP_ANSWER && r->nerr == 0 && !http_arg(r, IA_OUTCOME)->set)
		http_arg_error(r, IA_OUTCOME, N_("Choose the outcome."));
	if (r->nerr > 0)
		return show_page(r, &ini, 422);
	rc = http_form_submit(r, write_tx, &w, arena_printf(r->a,
	    "/staff/initiatives/%llu", ini.id));
	return http_form_redraw(rc) ? show_page(r, &ini, rc) : rc;
}

int
page_staff_initiative_admit(struct req *r)
{
	return ini_write(r, OP_ADMIT, ACT_ACTIVITY_APPROVE);
}

int
page_staff_initiative_refuse(struct req *r)
{
	return ini_write(r, OP_REFUSE, ACT_ACTIVITY_APPROVE);
}

int
page_staff_initiative_paper(struct req *r)
{
	return ini_write(r, OP_PAPER, ACT_ACTIVITY_DRAFT);
}

int
page_staff_initiative_answer(struct req *r)
{
	return ini_write(r, OP_ANSWER, ACT_ACTIVITY_APPROVE);
}
