/*
 * page_moderation.c — comment moderation within three working days of
 * receipt (Tawasul art. 9-ب), by the published moderation principles.
 *
 * GET  /staff/moderation   activity, overdue → the queue, oldest deadline
 *                          first, overdue ones marked.  View
 *                          staff/moderation.
 * POST /staff/moderation   ids (repeatable), action (publish|reject),
 *                          reason (for reject) → 303 with a notice.
 * Permission: ACT_MODERATE; a supervisor sees the activities he
 * authored, coordinators and liaison officers every queue of the entity
 * (ACT_MODERATE_ALL, art. 8-هـ).  Bulk actions in one transaction, the
 * counters moved with them, every decision audited.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const actions[] = { "publish", "reject", NULL };

const struct param mod_params[] = {
	{ "activity", PT_INT, 0, 1, 1LL << 62, NULL, NULL },
	{ "overdue", PT_BOOL, 0, 0, 0, NULL, NULL },
	{ "done", PT_INT, P_QUERY, 0, 1000000, NULL, NULL },
	{ "rejected", PT_INT, P_QUERY, 0, 1000000, NULL, NULL },
	{ "skipped", PT_INT, P_QUERY, 0, 1000000, NULL, NULL },
};
const struct param mod_post_params[] = {
	{ "ids", PT_INT, P_MULTI, 1, 1LL << 62, NULL, NULL },
	{ "action", PT_ENUM, P_REQ, 0, 0, actions, NULL },
	{ "reason", PT_INT, 0, 1, 1000000, NULL, NULL },
};

/* Whether the user sees every queue of the entity. */
static long long
mod_all(struct req *r)
{
	return perm_allows(perm_role(r->sess->role), ACT_MODERATE_ALL,
	    SCOPE_OWN) ? 1 : 0;
}

int
page_moderation(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	long long	 eid = (long long)r->sess->entity_id, all = mod_all(r);
	long long	 uid = (long long)r->sess->user_id;
	const char	*act = http_str(r, "activity");

	vm_str(m, "title", tr(r, "Moderation"));
	vm_bool(m, "all", all);
	res = db_query(r->db, r->a, SQL_MOD_QUEUE, "iiissi", eid, all, uid,
	    act, act, http_int(r, "overdue", 0));
	if (res == NULL)
		return 500;
	l = vm_list(m, "comments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "cid", dbres_str(res, 0));
		vm_str(it, "body", dbres_str(res, 1));
		vm_str(it, "received", staff_time(r, dbres_str(res, 2)));
		vm_str(it, "due", staff_time(r, dbres_str(res, 3)));
		vm_bool(it, "overdue", dbres_int(res, 4));
		vm_str(it, "aid", dbres_str(res, 5));
		vm_str(it, "activity", staff_pick(r, dbres_str(res, 6),
		    dbres_str(res, 7)));
		vm_str(it, "article", dbres_str(res, 8));
		vm_str(it, "author", dbres_str(res, 11) != NULL &&
		    strcmp(dbres_str(res, 11), "organisation") == 0 ?
		    dbres_str(res, 10) : dbres_str(res, 9) ? dbres_str(res, 9) :
		    tr(r, "A former participant"));
		vm_str(it, "owner", dbres_str(res, 12));
	}
	if ((res = db_query(r->db, r->a, SQL_MOD_COUNTS, "iii", eid, all, uid))
	    == NULL)
		return 500;
	if (dbres_next(res)) {
		vm_str(m, "pending", dbres_str(res, 0));
		vm_str(m, "overdue_count", dbres_str(res, 1));
	}
	if ((res = db_query(r->db, r->a, SQL_MOD_REASONS, "")) == NULL)
		return 500;
	l = vm_list(m, "reasons");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "label", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
	}
	if ((res = db_query(r->db, r->a, SQL_MOD_ACTIVITIES, "iii", eid, all,
	    uid)) == NULL)
		return 500;
	l = vm_list(m, "activities");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "title", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		vm_bool(it, "selected", act != NULL &&
		    strcmp(act, dbres_str(res, 0)) == 0);
	}
	vm_bool(m, "overdue_only", http_int(r, "overdue", 0));
	if (http_str(r, "done") != NULL) {
		vm_bool(m, "notice", 1);
		vm_str(m, "n_done", http_str(r, "done"));
		vm_str(m, "n_rejected", http_str(r, "rejected"));
		vm_str(m, "n_skipped", http_int(r, "skipped", 0) > 0 ?
		    http_str(r, "skipped") : NULL);
	}
	http_form_model(r, m);
	return http_render(r, "staff/moderation", m);
}

static const char *const mod_subjects[] = {
	N_("Your comment is published"), N_("Your comment was not published")
};
static const char *const mod_bodies[] = {
	N_("Your comment on \"{1}\" is published:\n\n{3}/consultations/{4}"),
	N_("Your comment on \"{1}\" was not published, because it does not "
	    "meet this moderation principle: {2}\n\n{3}/consultations/{4}")
};

/* The author of the comment hears the decision, in their language. */
static int
mod_tell(struct db *db, struct req *r, long long cid, int reject)
{
	struct dbres	*res;
	const char	*lang, *title, *why;

	res = db_query(db, r->a, SQL_MOD_COMMENTER, "i", cid);
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;	/* anonymised account */
	lang = dbres_str(res, 1);
	title = strcmp(lang, "en") == 0 && dbres_str(res, 4)[0] ?
	    dbres_str(res, 4) : dbres_str(res, 3);
	why = strcmp(lang, "en") == 0 ? dbres_str(res, 6) : dbres_str(res, 5);
	return outbox_email(db, dbres_str(res, 0), i18n_get(lang,
	    mod_subjects[reject != 0]), i18n_subst(r->a, i18n_get(lang,
	    mod_bodies[reject != 0]), title, why ? why : "", http_base_url(),
	    dbres_str(res, 2), NULL));
}

struct modop {
	struct req	*r;
	int		 reject;
	int		 done;
	int		 skipped;
};

static int
mod_tx(struct db *db, void *arg)
{
	struct modop	*o = arg;
	struct req	*r = o->r;
	const struct pval *ids = http_param(r, "ids");
	long long	 eid = (long long)r->sess->entity_id, all = mod_all(r);
	long long	 uid = (long long)r->sess->user_id;
	struct dbres	*res;
	int		 i;

	o->done = o->skipped = 0;
	for (i = 0; ids != NULL && i < ids->nvals; i++) {
		long long cid = strtoll(ids->vals[i], NULL, 10);

		res = db_query(db, r->a, SQL_MOD_COMMENT_LOCK, "iiii", cid, eid,
		    all, uid);
		if (res == NULL)
			return -1;
		if (!dbres_next(res)) {
			/* Not yours, or already moderated: left alone. */
			o->skipped++;
			continue;
		}
		if (o->reject) {
			if (db_exec(db, SQL_MOD_REJECT, "iii", uid,
			    http_int(r, "reason", 0), cid) != 1 ||
			    db_exec(db, SQL_MOD_COUNT_REJECTED, "i",
			    dbres_int(res, 1)) != 1)
				return -1;
		} else {
			if (db_exec(db, SQL_MOD_PUBLISH, "ii", uid, cid) != 1 ||
			    db_exec(db, SQL_MOD_COUNT_PUBLISHED, "i",
			    dbres_int(res, 1)) != 1)
				return -1;
			if (!dbres_isnull(res, 2) && db_exec(db,
			    SQL_MOD_COUNT_ARTICLE, "i", dbres_int(res, 2)) != 1)
				return -1;
		}
		if (mod_tell(db, r, cid, o->reject) == -1)
			return -1;
		if (audit_record(db, staff_actor(r), o->reject ?
		    "comment.reject" : "comment.publish", "comment",
		    (unsigned long long)cid, arena_printf(r->a, "activity %s",
		    dbres_str(res, 1))) == -1)
			return -1;
		o->done++;
	}
	return 0;
}

int
page_moderate(struct req *r)
{
	struct modop	 o;
	struct dbres	*res;
	const struct pval *ids = http_param(r, "ids");

	memset(&o, 0, sizeof(o));
	o.r = r;
	o.reject = http_int(r, "action", 0) == 1;
	if (ids == NULL || ids->nvals == 0)
		http_field_error(r, "ids", "Choose at least one comment.");
	if (o.reject) {
		res = db_query(r->db, r->a, SQL_MOD_REASON_OK, "i",
		    http_int(r, "reason", 0));
		if (res == NULL)
			return 500;
		if (!dbres_next(res) || dbres_int(res, 0) == 0)
			http_field_error(r, "reason", "Choose the moderation "
			    "principle the comment does not meet.");
	}
	if (r->nerr > 0) {
		r->status = 422;
		return page_moderation(r);
	}
	if (db_tx(r->db, mod_tx, &o) != 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/moderation?done=%d&rejected=%d&skipped=%d",
	    o.reject ? 0 : o.done, o.reject ? o.done : 0, o.skipped));
}
