/*
 * page_sla.c — what the ministry admin keeps for the complaints system
 * (domain.md §5): the time-frame matrix (priority × axis → a limit in
 * working days or hours) and the officials each entity's late requests
 * are escalated to (level 1 the secretary-general, level 2 the minister
 * of the sector).  Changing the matrix never changes the due date of a
 * request already classified: requests keep the dates they were given.
 *
 * GET  /complaints/desk/sla              the matrix, one form a cell.
 *                                        View complaints/sla.
 * POST /complaints/desk/sla              sla_params: priority, axis,
 *                                        reply, solve, unit → 303 back;
 *                                        422 with the values kept.
 * GET  /complaints/desk/officials        the main entities and their
 *                                        two officials.  View
 *                                        complaints/officials.
 * POST /complaints/desk/officials/{id}   officials_params → 303 back;
 *                                        422 kept; 404 not a main entity.
 * Permission: ACT_SLA_MANAGE (the ministry admin); audited.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "complaints.h"
#include "db.h"
#include "http.h"
#include "names.h"
#include "present.h"
#include "sql_gen.h"
#include "vm.h"

static const char *const prio_choices[] = {
	"critical", "high", "medium", "low", NULL
};
static const char *const unit_choices[] = { "days", "hours", NULL };

const struct param sla_params[SLA__MAX] = {
	[SLA_PRIORITY] = { .name = "priority", .type = PT_ENUM,
	    .flags = P_REQ, .choices = prio_choices },
	[SLA_AXIS] = { .name = "axis", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 1000 },
	[SLA_REPLY] = { .name = "reply", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 999, .label = N_("Reply within") },
	[SLA_SOLVE] = { .name = "solve", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 999, .label = N_("Solve within") },
	[SLA_UNIT] = { .name = "unit", .type = PT_ENUM, .flags = P_REQ,
	    .choices = unit_choices, .choice_labels = request_unit_labels,
	    .label = N_("Unit") },
};

const struct param officials_params[OFF__MAX] = {
	[OFF_SG_NAME] = { .name = "sg_name", .type = PT_STR, .flags = P_NAME,
	    .max = 200, .label = N_("Secretary-general (level 1)") },
	[OFF_SG_EMAIL] = { .name = "sg_email", .type = PT_EMAIL,
	    .label = N_("Secretary-general's e-mail") },
	[OFF_SG_MOBILE] = { .name = "sg_mobile", .type = PT_PHONE,
	    .label = N_("Secretary-general's mobile") },
	[OFF_MINISTER_NAME] = { .name = "minister_name", .type = PT_STR,
	    .flags = P_NAME, .max = 200,
	    .label = N_("Minister of the sector (level 2)") },
	[OFF_MINISTER_EMAIL] = { .name = "minister_email", .type = PT_EMAIL,
	    .label = N_("Minister's e-mail") },
	[OFF_MINISTER_MOBILE] = { .name = "minister_mobile", .type = PT_PHONE,
	    .label = N_("Minister's mobile") },
};

/* The matrix; the cell that was sent keeps its values and messages. */
static int
sla_show(struct req *r, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const char	*sp = NULL, *unit;
	long long	 sa = 0;
	int		 sent;

	vm_str(m, "title", tr(r, "Time-frame matrix"));
	if (r->is_post) {
		sp = http_arg_str(r, SLA_PRIORITY);
		sa = http_arg_int(r, SLA_AXIS, 0);
		http_form_model(r, m);
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_SLA_MATRIX,
	    DB_NOARGS)) == NULL)
		return 500;
	l = vm_list(m, "cells");
	while (dbres_next(res)) {
		const char *prio = dbres_str(res, COMPLAINTS_SLA_MATRIX_PRIORITY);

		it = vm_push(l);
		sent = sp != NULL && strcmp(sp, prio) == 0 &&
		    sa == dbres_int(res, COMPLAINTS_SLA_MATRIX_AXIS_ID);
		vm_str(it, "priority", prio);
		vm_str(it, "priority_label", present_label(r,
		    request_priority_labels, RP__MAX,
		    names_find(request_priority_names, RP__MAX, prio)));
		vm_str(it, "axis", dbres_str(res, COMPLAINTS_SLA_MATRIX_AXIS_ID));
		vm_str(it, "axis_label", present_pick(r,
		    dbres_str(res, COMPLAINTS_SLA_MATRIX_AXIS_NAME_AR),
		    dbres_str(res, COMPLAINTS_SLA_MATRIX_AXIS_NAME_EN)));
		vm_str(it, "reply", sent ? http_arg(r, SLA_REPLY)->s :
		    dbres_str(res, COMPLAINTS_SLA_MATRIX_REPLY_WORKING_DAYS));
		vm_str(it, "solve", sent ? http_arg(r, SLA_SOLVE)->s :
		    dbres_str(res, COMPLAINTS_SLA_MATRIX_SOLVE_WORKING_DAYS));
		unit = sent && http_arg(r, SLA_UNIT)->set ?
		    http_arg(r, SLA_UNIT)->s :
		    dbres_str(res, COMPLAINTS_SLA_MATRIX_UNIT);
		present_choices(r, it, "units", request_unit_names,
		    request_unit_labels, RU__MAX, unit);
		vm_bool(it, "sent", sent);
		vm_strf(it, "key", "%s-%s", prio,
		    dbres_str(res, COMPLAINTS_SLA_MATRIX_AXIS_ID));
		if (sent) {
			vm_str(it, "reply_error", http_arg(r, SLA_REPLY)->err);
			vm_str(it, "solve_error", http_arg(r, SLA_SOLVE)->err);
		}
	}
	r->status = status;
	return http_render(r, "complaints/sla", m);
}

int
page_sla(struct req *r)
{
	return sla_show(r, 200);
}

static enum outcome
sla_tx(struct req *r, void *arg)
{
	long long	 n;

	(void)arg;
	n = db_exec(r->db, SQL_COMPLAINTS_SLA_UPDATE, DB_ARGS(
	    DB_S(priority, http_arg_str(r, SLA_PRIORITY)),
	    DB_U(axis, http_arg_int(r, SLA_AXIS, 0)),
	    DB_I(reply, http_arg_int(r, SLA_REPLY, 0)),
	    DB_I(solve, http_arg_int(r, SLA_SOLVE, 0)),
	    DB_S(unit, http_arg_str(r, SLA_UNIT)),
	    DB_U(by, r->sess->user_id)));
	if (n < 0)
		return OUT_ERROR;
	if (n == 0)
		return OUT_NOTFOUND;
	return audit_record(r->db, complaints_actor(r, r->sess->entity_id),
	    "sla.update", "sla", (unsigned long long)http_arg_int(r, SLA_AXIS,
	    0), arena_printf(r->a, "%s × axis %lld: reply %lld, solve %lld %s",
	    http_arg_str(r, SLA_PRIORITY), http_arg_int(r, SLA_AXIS, 0),
	    http_arg_int(r, SLA_REPLY, 0), http_arg_int(r, SLA_SOLVE, 0),
	    http_arg_str(r, SLA_UNIT))) == -1 ? OUT_ERROR : OUT_OK;
}

int
page_sla_save(struct req *r)
{
	const char	*prev;

	if (r->nerr == 0 && http_arg_int(r, SLA_SOLVE, 0) <
	    http_arg_int(r, SLA_REPLY, 0))
		http_arg_error(r, SLA_SOLVE, "The time to solve cannot be "
		    "shorter than the time to reply.");
	if (r->nerr > 0)
		return sla_show(r, 422);
	switch (http_form_tx(r, sla_tx, NULL, "/complaints/desk/sla", &prev)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/complaints/desk/sla");
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

/* The officials' forms; the entity that was sent keeps its values. */
static int
officials_show(struct req *r, int status)
{
	struct val	*m = http_model(r), *l, *it, *f;
	struct dbres	*res;
	int		 k, sent;
	static const int cols[OFF__MAX] = {
		COMPLAINTS_OFFICIALS_SG_NAME, COMPLAINTS_OFFICIALS_SG_EMAIL,
		COMPLAINTS_OFFICIALS_SG_MOBILE,
		COMPLAINTS_OFFICIALS_MINISTER_NAME,
		COMPLAINTS_OFFICIALS_MINISTER_EMAIL,
		COMPLAINTS_OFFICIALS_MINISTER_MOBILE,
	};

	vm_str(m, "title", tr(r, "Escalation officials"));
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_OFFICIALS,
	    DB_NOARGS)) == NULL)
		return 500;
	l = vm_list(m, "entities");
	while (dbres_next(res)) {
		it = vm_push(l);
		sent = r->is_post && r->segi[0] == dbres_int(res,
		    COMPLAINTS_OFFICIALS_ID);
		vm_str(it, "id", dbres_str(res, COMPLAINTS_OFFICIALS_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, COMPLAINTS_OFFICIALS_NAME_AR),
		    dbres_str(res, COMPLAINTS_OFFICIALS_NAME_EN)));
		if (sent)
			present_fields(r, it);
		else
			present_form(r, it, PARAMS(officials_params));
		f = vm_child(it, "f");
		for (k = 0; k < OFF__MAX; k++) {
			struct val *fv = vm_child(f, officials_params[k].name);

			/* Ids unique on the page: one form per entity. */
			vm_strf(fv, "id", "f-%s-%s", officials_params[k].name,
			    dbres_str(res, COMPLAINTS_OFFICIALS_ID));
			vm_strf(fv, "error_id", "e-%s-%s",
			    officials_params[k].name,
			    dbres_str(res, COMPLAINTS_OFFICIALS_ID));
			vm_strf(fv, "hint_id", "h-%s-%s",
			    officials_params[k].name,
			    dbres_str(res, COMPLAINTS_OFFICIALS_ID));
			if (!sent)
				vm_str(fv, "value", dbres_str(res, cols[k]));
		}
	}
	if (r->is_post)
		http_form_model(r, m);
	r->status = status;
	return http_render(r, "complaints/officials", m);
}

int
page_officials(struct req *r)
{
	return officials_show(r, 200);
}

static const char *
off_str(struct req *r, int key)
{
	const char	*s = http_arg_str(r, key);

	return s != NULL && *s != '\0' ? s : NULL;
}

static enum outcome
officials_tx(struct req *r, void *arg)
{
	long long	 n;

	(void)arg;
	n = db_exec(r->db, SQL_COMPLAINTS_OFFICIALS_UPDATE, DB_ARGS(
	    DB_U(id, r->segi[0]),
	    DB_S(sg_name, off_str(r, OFF_SG_NAME)),
	    DB_S(sg_email, off_str(r, OFF_SG_EMAIL)),
	    DB_S(sg_mobile, off_str(r, OFF_SG_MOBILE)),
	    DB_S(minister_name, off_str(r, OFF_MINISTER_NAME)),
	    DB_S(minister_email, off_str(r, OFF_MINISTER_EMAIL)),
	    DB_S(minister_mobile, off_str(r, OFF_MINISTER_MOBILE))));
	if (n < 0)
		return OUT_ERROR;
	if (n == 0)
		return OUT_NOTFOUND;
	return audit_record(r->db, complaints_actor(r,
	    (unsigned long long)r->segi[0]), "entity.officials", "entity",
	    (unsigned long long)r->segi[0], "escalation officials") == -1 ?
	    OUT_ERROR : OUT_OK;
}

int
page_officials_save(struct req *r)
{
	const char	*prev;

	if (r->nerr > 0)
		return officials_show(r, 422);
	switch (http_form_tx(r, officials_tx, NULL,
	    "/complaints/desk/officials", &prev)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/complaints/desk/officials");
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}
