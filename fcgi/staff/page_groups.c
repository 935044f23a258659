/*
 * page_groups.c — categories and groups of users (e.g. "licensed
 * pharmacists", "parents' councils") that a restricted consultation can
 * be addressed to (Tawasul art. 2).
 *
 * GET  /staff/groups                         the entity's groups
 * POST /staff/groups                         name_ar, name_en → 303
 * GET  /staff/groups/{id}                    members
 * POST /staff/groups/{id}/members            email → 303 (422 unknown)
 * POST /staff/groups/{id}/members/{uid}/delete
 * Permission: ACT_GROUPS_MANAGE (liaison officer, coordinator), own
 * entity only.  Audited.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

const struct param group_params[] = {
	{ "name_ar", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "name_en", PT_STR, P_REQ, 2, 200, NULL, NULL },
};
const struct param member_params[] = {
	{ "email", PT_EMAIL, P_REQ, 0, 254, NULL, NULL },
};

int
page_groups(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Groups of users"));
	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_GROUPS_OF_ENTITY, "u",
	    r->sess->entity_id)) == NULL)
		return 500;
	l = vm_list(m, "groups");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		vm_str(it, "members", dbres_str(res, 3));
	}
	return http_render(r, "staff/groups", m);
}

static int
group_add_tx(struct db *db, void *arg)
{
	struct req	*r = arg;
	const char	*prev;
	int		 rc;

	if ((rc = http_nonce_claim(r, NULL, &prev)) != 0)
		return rc == 1 ? 1 : -1;
	if (db_exec(db, SQL_GROUP_INSERT, "uss", r->sess->entity_id,
	    http_str(r, "name_ar"), http_str(r, "name_en")) != 1)
		return -1;
	return audit_record(db, staff_actor(r), "group.create", "group",
	    db_insert_id(db), http_str(r, "name_ar"));
}

int
page_group_add(struct req *r)
{
	if (r->nerr > 0) {
		r->status = 422;
		return page_groups(r);
	}
	if (db_tx(r->db, group_add_tx, r) < 0)
		return 500;
	return http_redirect(r, 303, "/staff/groups");
}

/* Group {id} of the user's own entity: 0, or 404. */
static int
group_load(struct req *r, struct dbres **g)
{
	*g = db_query(r->db, r->a, SQL_GROUP_GET, "i", r->segi[0]);
	if (*g == NULL)
		return 500;
	if (!dbres_next(*g) ||
	    (unsigned long long)dbres_int(*g, 1) != r->sess->entity_id)
		return 404;
	return 0;
}

int
page_group(struct req *r)
{
	struct val	*m, *l, *it;
	struct dbres	*g, *res;
	int		 rc;

	if ((rc = group_load(r, &g)) != 0)
		return rc;
	m = http_model(r);
	vm_str(m, "id", dbres_str(g, 0));
	vm_str(m, "title", staff_pick(r, dbres_str(g, 2), dbres_str(g, 3)));
	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_GROUP_MEMBERS, "i", r->segi[0]))
	    == NULL)
		return 500;
	l = vm_list(m, "members");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "uid", dbres_str(res, 0));
		vm_str(it, "name", dbres_str(res, 3) != NULL &&
		    strcmp(dbres_str(res, 3), "organisation") == 0 ?
		    dbres_str(res, 4) : dbres_str(res, 1));
		vm_str(it, "email", dbres_str(res, 2));
	}
	return http_render(r, "staff/group", m);
}

struct memop {
	struct req	*r;
	int		 remove;
	int		 unknown;
};

static int
member_tx(struct db *db, void *arg)
{
	struct memop	*o = arg;
	struct req	*r = o->r;
	struct dbres	*res;
	long long	 uid;

	if (o->remove)
		uid = r->segi[1];
	else {
		res = db_query(db, r->a, SQL_GROUP_USER_BY_EMAIL, "s",
		    http_str(r, "email"));
		if (res == NULL)
			return -1;
		if (!dbres_next(res)) {
			o->unknown = 1;
			return 2;
		}
		uid = dbres_int(res, 0);
	}
	if (db_exec(db, o->remove ? SQL_GROUP_MEMBER_REMOVE :
	    SQL_GROUP_MEMBER_ADD, "ii", r->segi[0], uid) < 0)
		return -1;
	return audit_record(db, staff_actor(r), o->remove ? "group.remove" :
	    "group.add", "group", (unsigned long long)r->segi[0],
	    arena_printf(r->a, "user %lld", uid));
}

static int
member_op(struct req *r, int remove)
{
	struct dbres	*g;
	struct memop	 o;
	int		 rc;

	if ((rc = group_load(r, &g)) != 0)
		return rc;
	if (r->nerr > 0) {
		r->status = 422;
		return page_group(r);
	}
	o.r = r;
	o.remove = remove;
	o.unknown = 0;
	if (db_tx(r->db, member_tx, &o) < 0)
		return 500;
	if (o.unknown) {
		/* Staff may say that an address has no account: they add
		 * known people to groups. */
		http_field_error(r, "email", "No active account has this "
		    "e-mail address.");
		r->status = 422;
		return page_group(r);
	}
	return http_redirect(r, 303, arena_printf(r->a, "/staff/groups/%lld",
	    r->segi[0]));
}

int
page_group_member_add(struct req *r)
{
	return member_op(r, 0);
}

int
page_group_member_remove(struct req *r)
{
	return member_op(r, 1);
}
