/*
 * page_plan.c — the entity's annual participation plan, kept by its
 * liaison officer (issue 16; the Oman plan's table, Tawasul art. 7-ب).
 *
 * GET  /staff/plan        this year's plan of the signed-in officer's
 *                         entity: every item (quarter, topic, target
 *                         group and size, channel, tools, status, the
 *                         linked activity), those not started by their
 *                         quarter flagged (plan_item_not_started, the
 *                         public page's rule), and the form to add one.
 *                         Staff of the entity (ACT_ACTIVITY_VIEW).
 * POST /staff/plan        plan_item_params → 303 /staff/plan; the plan
 *                         of the year is created (published) with its
 *                         first item.  Audited (plan.item_add).
 * GET  /staff/plan/{id}   the item's edit form, its stored values.
 * POST /staff/plan/{id}   plan_item_params → 303; audited
 *                         (plan.item_edit); 404 for an item of another
 *                         entity or year.
 * Writing: the liaison officer (ACT_ACTIVITY_APPROVE).  Bad input (an
 * activity of another entity too) is 422 at its field, everything typed
 * kept.  The public sees the plan on /entities/{slug}.
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "names.h"
#include "plan.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const quarter_names[] = { "1", "2", "3", "4", NULL };
static const char *const quarter_labels[] = {
	N_("First quarter"), N_("Second quarter"), N_("Third quarter"),
	N_("Fourth quarter")
};

const struct param plan_item_params[PLAN_ITEM__MAX] = {
	[PLAN_ITEM_TOPIC] = { .name = "topic", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 3, .max = 300,
	    .label = N_("Topic in Arabic") },
	[PLAN_ITEM_TOPIC_EN] = { .name = "topic_en", .type = PT_STR,
	    .flags = P_NAME, .max = 300, .label = N_("Topic in English") },
	[PLAN_ITEM_GROUP] = { .name = "target_group", .type = PT_STR,
	    .flags = P_REQ, .min = 2, .max = 300,
	    .label = N_("Target group") },
	[PLAN_ITEM_SIZE] = { .name = "size", .type = PT_INT, .min = 1,
	    .max = 100000000, .label = N_("Size of the target group"),
	    .hint = N_("The number of people; the participation rate is "
	    "measured against it.") },
	[PLAN_ITEM_CHANNEL] = { .name = "channel", .type = PT_STR,
	    .flags = P_REQ, .min = 2, .max = 100, .label = N_("Channel") },
	[PLAN_ITEM_TOOLS] = { .name = "tools", .type = PT_STR,
	    .flags = P_REQ, .min = 2, .max = 300,
	    .label = N_("Participation tools") },
	/* Not required: a select always sends one (the first when none). */
	[PLAN_ITEM_QUARTER] = { .name = "quarter", .type = PT_ENUM,
	    .choices = quarter_names,
	    .choice_labels = quarter_labels, .label = N_("Quarter") },
	[PLAN_ITEM_STATUS] = { .name = "status", .type = PT_ENUM,
	    .choices = plan_status_names, .choice_labels = plan_status_labels,
	    .label = N_("Status") },
	[PLAN_ITEM_ACTIVITY] = { .name = "activity", .type = PT_INT,
	    .min = 1, .max = 999999999999LL, .label = N_("Activity number"),
	    .hint = N_("The number of the entity's activity that carries out "
	    "this item, once there is one.") },
};

static int
plan_year(void)
{
	int	 y, q;

	plan_quarter_of(time(NULL) + i18n_tz(), &y, &q);
	return y;
}

/* The plan's items and the form (action url). */
static int
plan_model(struct req *r, struct val *m, const char *action)
{
	struct dbres	*res;
	struct val	*l, *it;
	int		 y, q;

	plan_quarter_of(time(NULL) + i18n_tz(), &y, &q);
	vm_str(m, "title", tr(r, "Annual participation plan"));
	vm_strf(m, "year", "%d", y);
	vm_str(m, "action", action);
	vm_bool(m, "may_edit", staff_may(r, ACT_ACTIVITY_APPROVE,
	    r->sess->entity_id));
	if ((res = db_query(r->db, r->a, SQL_PLAN_ITEMS_STAFF, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_I(year, y)))) == NULL)
		return -1;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		int quarter = (int)dbres_int(res, PLAN_ITEMS_STAFF_QUARTER);
		const char *st = dbres_str(res, PLAN_ITEMS_STAFF_ACTIVITY_STATE);
		int k = names_find(plan_status_names, PS__MAX,
		    dbres_str(res, PLAN_ITEMS_STAFF_STATUS));
		int started = st != NULL &&
		    activity_state_public(activity_state(st));

		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, PLAN_ITEMS_STAFF_ID));
		vm_strf(it, "quarter", "%d", quarter);
		vm_str(it, "topic", present_pick(r,
		    dbres_str(res, PLAN_ITEMS_STAFF_TOPIC),
		    dbres_str(res, PLAN_ITEMS_STAFF_TOPIC_EN)));
		vm_str(it, "target_group", dbres_str(res,
		    PLAN_ITEMS_STAFF_TARGET_GROUP));
		vm_str(it, "size", dbres_str(res,
		    PLAN_ITEMS_STAFF_TARGET_GROUP_SIZE));
		vm_str(it, "channel", dbres_str(res, PLAN_ITEMS_STAFF_CHANNEL));
		vm_str(it, "tools", dbres_str(res, PLAN_ITEMS_STAFF_TOOLS));
		vm_str(it, "status", present_label(r, plan_status_labels,
		    PS__MAX, k));
		vm_str(it, "activity_id", dbres_str(res,
		    PLAN_ITEMS_STAFF_ACTIVITY_ID));
		vm_bool(it, "not_started", plan_item_not_started(y, quarter,
		    k, started, y, q));
	}
	present_form(r, m, PARAMS(plan_item_params));
	return 0;
}

int
page_plan(struct req *r)
{
	struct val	*m = http_model(r);

	if (plan_model(r, m, "/staff/plan") == -1)
		return 500;
	return http_render(r, "staff/plan", m);
}

int
page_plan_item_form(struct req *r)
{
	struct val	*m = http_model(r), *f;
	struct dbres	*res;
	const char	*st, *qs;

	if ((res = db_query(r->db, r->a, SQL_PLAN_ITEM_GET, DB_ARGS(
	    DB_U(id, r->segi[0]), DB_U(entity, r->sess->entity_id),
	    DB_I(year, plan_year())))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	if (plan_model(r, m, arena_printf(r->a, "/staff/plan/%lld",
	    (long long)r->segi[0])) == -1)
		return 500;
	vm_bool(m, "editing", 1);
	/* The stored values in the fields; the choices selected. */
	f = vm_child(m, "f");
	vm_str(vm_child(f, "topic"), "value", dbres_str(res,
	    PLAN_ITEM_GET_TOPIC));
	vm_str(vm_child(f, "topic_en"), "value", dbres_str(res,
	    PLAN_ITEM_GET_TOPIC_EN));
	vm_str(vm_child(f, "target_group"), "value", dbres_str(res,
	    PLAN_ITEM_GET_TARGET_GROUP));
	vm_str(vm_child(f, "size"), "value", dbres_str(res,
	    PLAN_ITEM_GET_TARGET_GROUP_SIZE));
	vm_str(vm_child(f, "channel"), "value", dbres_str(res,
	    PLAN_ITEM_GET_CHANNEL));
	vm_str(vm_child(f, "tools"), "value", dbres_str(res,
	    PLAN_ITEM_GET_TOOLS));
	vm_str(vm_child(f, "activity"), "value", dbres_str(res,
	    PLAN_ITEM_GET_ACTIVITY_ID));
	qs = dbres_str(res, PLAN_ITEM_GET_QUARTER);
	st = dbres_str(res, PLAN_ITEM_GET_STATUS);
	present_choices(r, vm_child(f, "quarter"), "choices", quarter_names,
	    quarter_labels, 4, qs);
	present_choices(r, vm_child(f, "status"), "choices",
	    plan_status_names, plan_status_labels, PS__MAX, st);
	return http_render(r, "staff/plan", m);
}

struct plan_save {
	unsigned long long id;	/* 0: a new item */
};

static enum outcome
plan_save_tx(struct req *r, void *arg)
{
	struct plan_save *s = arg;
	unsigned long long eid = r->sess->entity_id, act, plan;
	long long	 size = http_arg_int(r, PLAN_ITEM_SIZE, 0), n;
	const char	*quarter = quarter_names[http_arg_int(r,
	    PLAN_ITEM_QUARTER, 0)];
	const char	*status = plan_status_names[http_arg_int(r,
	    PLAN_ITEM_STATUS, 0)];
	int		 year = plan_year();
	struct dbres	*res;

	act = (unsigned long long)http_arg_int(r, PLAN_ITEM_ACTIVITY, 0);
	if (act != 0) {
		if ((res = db_query(r->db, r->a, SQL_PLAN_ACTIVITY_OF, DB_ARGS(
		    DB_U(id, act), DB_U(entity, eid)))) == NULL)
			return OUT_ERROR;
		if (!dbres_next(res)) {
			http_arg_error(r, PLAN_ITEM_ACTIVITY,
			    N_("There is no activity of your entity with "
			    "this number."));
			return OUT_INVALID;
		}
	}
	if (s->id == 0) {
		if (db_exec(r->db, SQL_PLAN_ENSURE, DB_ARGS(DB_U(entity, eid),
		    DB_I(year, year), DB_U(by, r->sess->user_id))) < 0)
			return OUT_ERROR;
		plan = db_insert_id(r->db);
		if (db_exec(r->db, SQL_PLAN_ITEM_INSERT, DB_ARGS(
		    DB_U(plan, plan),
		    DB_S(topic, http_arg_str(r, PLAN_ITEM_TOPIC)),
		    DB_S(topic_en, http_arg_str(r, PLAN_ITEM_TOPIC_EN)),
		    DB_S(target_group, http_arg_str(r, PLAN_ITEM_GROUP)),
		    DB_U(size, size),
		    DB_S(channel, http_arg_str(r, PLAN_ITEM_CHANNEL)),
		    DB_S(tools, http_arg_str(r, PLAN_ITEM_TOOLS)),
		    DB_I(quarter, quarter[0] - '0'), DB_S(status, status),
		    DB_U(activity, act))) != 1)
			return OUT_ERROR;
		/* Not into s->id: run again after a deadlock
		 * (http_form_tx), the form still adds an item. */
		if (audit_record(r->db, staff_actor(r), "plan.item_add",
		    "plan_item", db_insert_id(r->db),
		    http_arg_str(r, PLAN_ITEM_TOPIC)) == -1)
			return OUT_ERROR;
		return OUT_OK;
	}
	if ((n = db_exec(r->db, SQL_PLAN_ITEM_UPDATE, DB_ARGS(
	    DB_U(id, s->id), DB_U(entity, eid), DB_I(year, year),
	    DB_S(topic, http_arg_str(r, PLAN_ITEM_TOPIC)),
	    DB_S(topic_en, http_arg_str(r, PLAN_ITEM_TOPIC_EN)),
	    DB_S(target_group, http_arg_str(r, PLAN_ITEM_GROUP)),
	    DB_U(size, size),
	    DB_S(channel, http_arg_str(r, PLAN_ITEM_CHANNEL)),
	    DB_S(tools, http_arg_str(r, PLAN_ITEM_TOOLS)),
	    DB_I(quarter, quarter[0] - '0'), DB_S(status, status),
	    DB_U(activity, act)))) < 0)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), "plan.item_edit",
	    "plan_item", s->id, http_arg_str(r, PLAN_ITEM_TOPIC)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
plan_save(struct req *r, unsigned long long id, const char *action)
{
	struct val	*m = http_model(r);
	struct plan_save s = { id };
	const char	*prev;

	if (plan_model(r, m, action) == -1)
		return 500;
	vm_bool(m, "editing", id != 0);
	if (r->nerr > 0)
		return http_form_again(r, "staff/plan", m, 422);
	switch (http_form_tx(r, plan_save_tx, &s, "/staff/plan", &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, "/staff/plan");
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev ? prev : "/staff/plan");
	case OUT_INVALID:
		return http_form_again(r, "staff/plan", m, 422);
	default:
		return 500;
	}
}

int
page_plan_item_add(struct req *r)
{
	return plan_save(r, 0, "/staff/plan");
}

int
page_plan_item_edit(struct req *r)
{
	struct dbres	*res;

	if ((res = db_query(r->db, r->a, SQL_PLAN_ITEM_GET, DB_ARGS(
	    DB_U(id, r->segi[0]), DB_U(entity, r->sess->entity_id),
	    DB_I(year, plan_year())))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	return plan_save(r, (unsigned long long)r->segi[0],
	    arena_printf(r->a, "/staff/plan/%lld", (long long)r->segi[0]));
}
