/*
 * page_moderation.c — comment moderation within three working days of
 * receipt (Tawasul art. 9-ب), by the published moderation principles.
 *
 * GET  /staff/moderation   mod_params: activity, overdue (filters), after
 *                          (comment id, keyset paging), done, rejected,
 *                          skipped (the notice after a decision) → the
 *                          queue, oldest deadline first, overdue ones
 *                          marked.  View staff/moderation.
 * POST /staff/moderation   mod_post_params: ids (repeatable), action
 *                          (publish|reject), reason (for reject) → 303
 *                          /staff/moderation?done=…&rejected=…&skipped=…;
 *                          422 with the queue when no comment or no
 *                          principle was chosen.
 * Permission: ACT_MODERATE; a supervisor sees the activities he
 * authored, coordinators and liaison officers every queue of the entity
 * (ACT_MODERATE_ALL, art. 8-هـ).  The rules and the decisions are
 * fcgi/domain/moderation.c: bulk actions in one transaction, the
 * counters moved with them, every decision audited.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "http.h"
#include "moderation.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* Comments per page of the queue. */
#define MOD_PAGE_SIZE	200

const struct param mod_params[MODQ__MAX] = {
	[MODQ_ACTIVITY] = { .name = "activity", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
	[MODQ_OVERDUE] = { .name = "overdue", .type = PT_BOOL },
	[MODQ_AFTER] = { .name = "after", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
	[MODQ_DONE] = { .name = "done", .type = PT_INT, .flags = P_QUERY,
	    .max = 1000000 },
	[MODQ_REJECTED] = { .name = "rejected", .type = PT_INT,
	    .flags = P_QUERY, .max = 1000000 },
	[MODQ_SKIPPED] = { .name = "skipped", .type = PT_INT,
	    .flags = P_QUERY, .max = 1000000 },
};
const struct param mod_post_params[MODP__MAX] = {
	[MODP_IDS] = { .name = "ids", .type = PT_INT, .flags = P_MULTI,
	    .min = 1, .max = 1LL << 62 },
	[MODP_ACTION] = { .name = "action", .type = PT_ENUM, .flags = P_REQ,
	    .choices = mod_action_names },
	[MODP_REASON] = { .name = "reason", .type = PT_INT, .min = 1,
	    .max = 1000000 },
};

/* What the queue shows: the filters of GET, none after a refused POST. */
struct modview {
	unsigned long long	 activity;	/* 0: every activity */
	int			 overdue;
	unsigned long long	 after;		/* 0: from the start */
	const char		*done, *rejected, *skipped;	/* notice */
};

static struct moderator
mod_who(struct req *r)
{
	struct moderator m;

	memset(&m, 0, sizeof(m));
	m.actor = staff_actor(r);
	m.user_id = r->sess->user_id;
	m.entity_id = r->sess->entity_id;
	m.all = moderation_sees_all(perm_role(r->sess->role));
	return m;
}

int
mod_reasons_model(struct req *r, struct val *m, long long chosen)
{
	struct dbres	*res;
	struct val	*l, *it;

	if ((res = db_query(r->db, r->a, SQL_MOD_REASONS, DB_NOARGS)) == NULL)
		return -1;
	l = vm_list(m, "reasons");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, MOD_REASONS_ID));
		vm_bool(it, "selected", chosen != 0 &&
		    dbres_int(res, MOD_REASONS_ID) == chosen);
		vm_str(it, "label", present_pick(r,
		    dbres_str(res, MOD_REASONS_LABEL_AR),
		    dbres_str(res, MOD_REASONS_LABEL_EN)));
	}
	return 0;
}

static int
mod_show(struct req *r, const struct modview *v)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct moderator who = mod_who(r);
	unsigned long long last = 0;
	int		 n = 0, k;
	const char	*name;
	const struct pval *ids = NULL;
	long long	 chosen = 0;

	vm_str(m, "title", tr(r, "Moderation"));
	vm_bool(m, "all", who.all);
	res = db_query(r->db, r->a, SQL_MOD_QUEUE, DB_ARGS(
	    DB_U(entity, who.entity_id), DB_I(all, who.all),
	    DB_U(user, who.user_id),
	    DB_U(activity, v->activity),
	    DB_I(overdue, v->overdue), DB_U(after, v->after),
	    DB_I(limit, MOD_PAGE_SIZE + 1)));
	if (res == NULL)
		return 500;
	/* After a refused POST, what was ticked and chosen stays so. */
	if (r->route != NULL && r->route->handler == page_moderate) {
		ids = http_arg(r, MODP_IDS);
		if (http_arg_int(r, MODP_ACTION, MA_PUBLISH) == MA_REJECT)
			vm_bool(m, "reject_chosen", 1);
		chosen = http_arg_int(r, MODP_REASON, 0);
	}
	l = vm_list(m, "comments");
	while (dbres_next(res)) {
		if (++n > MOD_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		last = dbres_u(res, MOD_QUEUE_COMMENT_ID);
		it = vm_push(l);
		vm_str(it, "cid", dbres_str(res, MOD_QUEUE_COMMENT_ID));
		for (k = 0; ids != NULL && k < ids->nvals; k++)
			if (strtoull(ids->vals[k], NULL, 10) == last)
				vm_bool(it, "checked", 1);
		vm_str(it, "body", dbres_str(res, MOD_QUEUE_BODY));
		vm_str(it, "received", present_sqldatetime(r,
		    dbres_str(res, MOD_QUEUE_RECEIVED_AT)));
		vm_str(it, "due", present_sqldatetime(r,
		    dbres_str(res, MOD_QUEUE_MODERATION_DUE_AT)));
		vm_bool(it, "overdue", dbres_int(res, MOD_QUEUE_OVERDUE));
		vm_str(it, "aid", dbres_str(res, MOD_QUEUE_ACTIVITY_ID));
		vm_str(it, "activity", present_pick(r,
		    dbres_str(res, MOD_QUEUE_TITLE_AR),
		    dbres_str(res, MOD_QUEUE_TITLE_EN)));
		vm_str(it, "article", dbres_str(res, MOD_QUEUE_NUMBER_LABEL));
		name = dbres_str(res, MOD_QUEUE_AUTHOR_NAME);
		vm_str(it, "author", name != NULL ? name :
		    tr(r, "A former participant"));
		vm_str(it, "owner", dbres_str(res, MOD_QUEUE_OWNER_NAME));
	}
	vm_strf(m, "last", "%llu", last);
	/* The heading's counts: of the list as filtered. */
	if ((res = db_query(r->db, r->a, SQL_MOD_COUNTS, DB_ARGS(
	    DB_U(entity, who.entity_id), DB_I(all, who.all),
	    DB_U(user, who.user_id), DB_U(activity, v->activity),
	    DB_I(overdue, v->overdue)))) == NULL)
		return 500;
	if (dbres_next(res)) {
		vm_str(m, "pending", dbres_str(res, MOD_COUNTS_PENDING));
		vm_str(m, "overdue_count", dbres_str(res, MOD_COUNTS_OVERDUE));
	}
	if (mod_reasons_model(r, m, chosen) == -1)
		return 500;
	if ((res = db_query(r->db, r->a, SQL_MOD_ACTIVITIES, DB_ARGS(
	    DB_U(entity, who.entity_id), DB_I(all, who.all),
	    DB_U(user, who.user_id)))) == NULL)
		return 500;
	l = vm_list(m, "activities");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, MOD_ACTIVITIES_ID));
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, MOD_ACTIVITIES_TITLE_AR),
		    dbres_str(res, MOD_ACTIVITIES_TITLE_EN)));
		vm_bool(it, "selected", v->activity != 0 &&
		    dbres_u(res, MOD_ACTIVITIES_ID) == v->activity);
	}
	vm_bool(m, "overdue_only", v->overdue);
	if (v->activity != 0)
		vm_strf(m, "activity_filter", "%llu", v->activity);
	if (v->done != NULL) {
		vm_bool(m, "notice", 1);
		vm_str(m, "n_done", v->done);
		vm_str(m, "n_rejected", v->rejected);
		vm_str(m, "n_skipped", v->skipped);
	}
	http_form_model(r, m);
	return http_render(r, "staff/moderation", m);
}

int
page_moderation(struct req *r)
{
	struct modview	 v;

	memset(&v, 0, sizeof(v));
	v.activity = (unsigned long long)http_arg_int(r, MODQ_ACTIVITY, 0);
	v.overdue = http_arg_int(r, MODQ_OVERDUE, 0) != 0;
	v.after = (unsigned long long)http_arg_int(r, MODQ_AFTER, 0);
	v.done = http_arg_str(r, MODQ_DONE);
	v.rejected = http_arg_str(r, MODQ_REJECTED);
	if (http_arg_int(r, MODQ_SKIPPED, 0) > 0)
		v.skipped = http_arg_str(r, MODQ_SKIPPED);
	return mod_show(r, &v);
}

struct modop {
	struct moderator	 who;
	enum mod_action		 act;
	long long		 reason;
	unsigned long long	*ids;
	int			 n;
	int			 done;
	int			 skipped;
};

static enum outcome
mod_tx(struct req *r, void *arg)
{
	struct modop	*o = arg;

	if (moderation_decide(r->db, r->a, &o->who, o->act, o->reason,
	    http_base_url(), o->ids, o->n, &o->done, &o->skipped) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_moderate(struct req *r)
{
	struct modop	 o;
	struct modview	 none;
	const struct pval *ids = http_arg(r, MODP_IDS);
	int		 i, ok;

	memset(&o, 0, sizeof(o));
	memset(&none, 0, sizeof(none));
	o.who = mod_who(r);
	o.act = (enum mod_action)http_arg_int(r, MODP_ACTION, MA_PUBLISH);
	o.reason = http_arg_int(r, MODP_REASON, 0);
	if (ids == NULL || ids->nvals == 0)
		http_arg_error(r, MODP_IDS, "Choose at least one comment.");
	if (o.act == MA_REJECT) {
		if ((ok = moderation_reason_ok(r->db, r->a, o.reason)) == -1)
			return 500;
		if (!ok)
			http_arg_error(r, MODP_REASON, "Choose the moderation "
			    "principle the comment does not meet.");
	}
	if (r->nerr > 0) {
		r->status = 422;
		return mod_show(r, &none);
	}
	o.n = ids->nvals;
	o.ids = arena_alloc(r->a, sizeof(*o.ids) * (size_t)o.n);
	for (i = 0; i < o.n; i++)
		o.ids[i] = strtoull(ids->vals[i], NULL, 10);
	switch (http_form_tx(r, mod_tx, &o, NULL, NULL)) {
	case OUT_OK:
		break;
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/staff/moderation");
	default:
		return 500;
	}
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/moderation?done=%d&rejected=%d&skipped=%d",
	    o.act == MA_REJECT ? 0 : o.done, o.act == MA_REJECT ? o.done : 0,
	    o.skipped));
}
