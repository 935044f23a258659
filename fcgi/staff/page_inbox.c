/*
 * page_inbox.c — restricted and inter-agency consultations addressed to
 * the user's entity; its liaison officer returns the entity's
 * consolidated response through the portal (Tawasul art. 7-ح).
 *
 * GET  /staff/inbox        the list, open ones first, responded or not
 * GET  /staff/inbox/{id}   the consultation and the response form
 * POST /staff/inbox/{id}   body → 303; updatable while the consultation
 *                          is open (409 after closing)
 * Permission: ACT_TARGET_RESPOND (liaison officers).  An entity that is
 * not a target gets 404: the consultation's existence is not revealed.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

const struct param inbox_params[] = {
	{ "body", PT_TEXT, P_REQ, 10, 20000, NULL, NULL },
};

int
page_inbox(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	unsigned long long eid = r->sess->entity_id;

	vm_str(m, "title", tr(r, "Consultations addressed to the entity"));
	if ((res = db_query(r->db, r->a, SQL_INBOX_LIST, "uu", eid, eid))
	    == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "title", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		vm_bool(it, "interagency", strcmp(dbres_str(res, 3),
		    "interagency") == 0);
		vm_bool(it, "open", strcmp(dbres_str(res, 4), "open") == 0);
		vm_str(it, "closes", staff_time(r, dbres_str(res, 5)));
		vm_str(it, "from", staff_pick(r, dbres_str(res, 6),
		    dbres_str(res, 7)));
		vm_str(it, "responded", staff_time(r, dbres_str(res, 8)));
	}
	return http_render(r, "staff/inbox", m);
}

static int
inbox_show(struct req *r, struct dbres *a)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const struct pval *b = http_param(r, "body");

	vm_str(m, "id", dbres_str(a, 0));
	vm_str(m, "title", staff_pick(r, dbres_str(a, 1), dbres_str(a, 2)));
	vm_str(m, "summary", staff_pick(r, dbres_str(a, 3), dbres_str(a, 4)));
	vm_bool(m, "interagency", strcmp(dbres_str(a, 5), "interagency") == 0);
	vm_bool(m, "open", strcmp(dbres_str(a, 6), "open") == 0);
	vm_str(m, "closes", staff_time(r, dbres_str(a, 7)));
	vm_str(m, "from", staff_pick(r, dbres_str(a, 8), dbres_str(a, 9)));
	vm_str(m, "response", dbres_str(a, 10));
	vm_str(m, "responded", staff_time(r, dbres_str(a, 11)));
	vm_str(m, "responder", dbres_str(a, 12));
	if ((res = db_query(r->db, r->a, SQL_CONSULT_ARTICLES, "i",
	    r->segi[0])) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "number", dbres_str(res, 1));
		vm_str(it, "heading", staff_pick(r, dbres_str(res, 2),
		    dbres_str(res, 3)));
		vm_str(it, "body", staff_pick(r, dbres_str(res, 4),
		    dbres_str(res, 5)));
	}
	http_form_model(r, m);
	/* The stored response fills the form the first time. */
	if (b == NULL || !b->present)
		vm_str(vm_child(vm_child(m, "f"), "body"), "value",
		    dbres_str(a, 10));
	return http_render(r, "staff/inbox_item", m);
}

static int
inbox_load(struct req *r, struct dbres **a)
{
	unsigned long long eid = r->sess->entity_id;

	*a = db_query(r->db, r->a, SQL_INBOX_GET, "uui", eid, eid,
	    r->segi[0]);
	if (*a == NULL)
		return 500;
	return dbres_next(*a) ? 0 : 404;
}

int
page_inbox_item(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = inbox_load(r, &a)) != 0)
		return rc;
	return inbox_show(r, a);
}

static int
respond_tx(struct db *db, void *arg)
{
	struct req	*r = arg;

	if (db_exec(db, SQL_INBOX_RESPOND, "iusu", r->segi[0],
	    r->sess->entity_id, http_str(r, "body"), r->sess->user_id) < 1)
		return -1;
	return audit_record(db, staff_actor(r), "activity.response",
	    "activity", (unsigned long long)r->segi[0], arena_printf(r->a,
	    "response of entity %llu", r->sess->entity_id));
}

int
page_inbox_respond(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = inbox_load(r, &a)) != 0)
		return rc;
	if (strcmp(dbres_str(a, 6), "open") != 0) {
		http_field_error(r, "body", "The consultation is closed: the "
		    "response can no longer be changed.");
		r->status = 409;
		return inbox_show(r, a);
	}
	if (r->nerr > 0) {
		r->status = 422;
		return inbox_show(r, a);
	}
	if (db_tx(r->db, respond_tx, r) != 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->a, "/staff/inbox/%lld",
	    r->segi[0]));
}
