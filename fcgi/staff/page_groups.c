/*
 * page_groups.c — categories and groups of users (e.g. "licensed
 * pharmacists", "parents' councils") that a restricted consultation can
 * be addressed to (Tawasul art. 2).
 *
 * GET  /staff/groups                         the entity's groups (view
 *                                            staff/groups)
 * POST /staff/groups                         group_params: name_ar,
 *                                            name_en → 303 (422)
 * GET  /staff/groups/{id}                    group_page_params: after
 *                                            (member id, keyset paging);
 *                                            members (view staff/group)
 * POST /staff/groups/{id}/members            member_params: email → 303
 *                                            (422 unknown address, or
 *                                            already a member)
 * POST /staff/groups/{id}/members/{uid}/delete   → 303 (404 when not a
 *                                            member)
 * Permission: ACT_GROUPS_MANAGE (liaison officer, coordinator), own
 * entity only (404 for another's group).  Audited.
 */
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* Members per page of a group. */
#define GROUP_PAGE_SIZE	100

const struct param group_params[GROUP__MAX] = {
	[GROUP_NAME_AR] = { .name = "name_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME,
	    .min = 2, .max = 200 },
	[GROUP_NAME_EN] = { .name = "name_en", .type = PT_STR,
	    .flags = P_REQ | P_NAME,
	    .min = 2, .max = 200 },
};
const struct param member_params[MEMBER__MAX] = {
	[MEMBER_EMAIL] = { .name = "email", .type = PT_EMAIL, .flags = P_REQ,
	    .max = 254 },
};
const struct param group_page_params[GROUP_PAGE__MAX] = {
	[GROUP_PAGE_AFTER] = { .name = "after", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};

static int
groups_show(struct req *r, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Groups of users"));
	if ((res = db_query(r->db, r->a, SQL_GROUPS_OF_ENTITY,
	    DB_ARGS(DB_U(entity, r->sess->entity_id)))) == NULL)
		return 500;
	l = vm_list(m, "groups");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, GROUPS_OF_ENTITY_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, GROUPS_OF_ENTITY_NAME_AR),
		    dbres_str(res, GROUPS_OF_ENTITY_NAME_EN)));
		vm_str(it, "members", dbres_str(res, GROUPS_OF_ENTITY_MEMBERS));
	}
	return http_form_again(r, "staff/groups", m, status);
}

int
page_groups(struct req *r)
{
	return groups_show(r, 200);
}

struct group_new {
	const char	*name_ar;
	const char	*name_en;
};

static enum outcome
group_add_tx(struct req *r, void *arg)
{
	struct group_new *g = arg;

	if (db_exec(r->db, SQL_GROUP_INSERT, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_S(name_ar, g->name_ar),
	    DB_S(name_en, g->name_en))) != 1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), "group.create", "group",
	    db_insert_id(r->db), g->name_ar) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_group_add(struct req *r)
{
	struct group_new g;

	if (r->nerr > 0)
		return groups_show(r, 422);
	g.name_ar = http_arg_str(r, GROUP_NAME_AR);
	g.name_en = http_arg_str(r, GROUP_NAME_EN);
	switch (http_form_tx(r, group_add_tx, &g, "/staff/groups", NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:	/* a double submit: the first one did it */
		return http_redirect(r, 303, "/staff/groups");
	default:
		return 500;
	}
}

/* Group {id} of the user's own entity: 0, or an HTTP status (404). */
static int
group_load(struct req *r, struct dbres **g)
{
	*g = db_query(r->db, r->a, SQL_GROUP_GET,
	    DB_ARGS(DB_U(id, r->segi[0])));
	if (*g == NULL)
		return 500;
	if (!dbres_next(*g) ||
	    dbres_u(*g, GROUP_GET_ENTITY_ID) != r->sess->entity_id)
		return 404;
	return 0;
}

/* The group page from member after (0: the first), under status. */
static int
group_show(struct req *r, unsigned long long after, int status)
{
	struct val	*m, *l, *it;
	struct dbres	*g, *res;
	const char	*last = NULL;
	int		 rc, n = 0;

	if ((rc = group_load(r, &g)) != 0)
		return rc;
	m = http_model(r);
	vm_str(m, "id", dbres_str(g, GROUP_GET_ID));
	vm_str(m, "title", present_pick(r, dbres_str(g, GROUP_GET_NAME_AR),
	    dbres_str(g, GROUP_GET_NAME_EN)));
	if ((res = db_query(r->db, r->a, SQL_GROUP_MEMBERS, DB_ARGS(
	    DB_U(group, r->segi[0]), DB_U(after, after),
	    DB_I(limit, GROUP_PAGE_SIZE + 1)))) == NULL)
		return 500;
	l = vm_list(m, "members");
	while (dbres_next(res)) {
		if (++n > GROUP_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		it = vm_push(l);
		last = dbres_str(res, GROUP_MEMBERS_ID);
		vm_str(it, "uid", last);
		vm_str(it, "name", dbres_str(res, GROUP_MEMBERS_NAME));
		vm_str(it, "email", dbres_str(res, GROUP_MEMBERS_EMAIL));
	}
	if (last != NULL)
		vm_str(m, "last", last);
	return http_form_again(r, "staff/group", m, status);
}

int
page_group(struct req *r)
{
	return group_show(r, (unsigned long long)http_arg_int(r,
	    GROUP_PAGE_AFTER, 0), 200);
}

struct memop {
	int			 remove;	/* else add */
	unsigned long long	 uid;		/* remove: the member */
	const char		*email;		/* add: the account's */
	unsigned long long	 gid;
};

static enum outcome
member_tx(struct req *r, void *arg)
{
	struct memop	*o = arg;
	struct dbres	*res;
	unsigned long long uid = o->uid;
	long long	 n;

	if (!o->remove) {
		res = db_query(r->db, r->a, SQL_GROUP_USER_BY_EMAIL,
		    DB_ARGS(DB_S(email, o->email)));
		if (res == NULL)
			return OUT_ERROR;
		if (!dbres_next(res)) {
			/* Staff may learn that an address has no account:
			 * they add known people to groups. */
			http_arg_error(r, MEMBER_EMAIL, "No active account "
			    "has this e-mail address.");
			return OUT_INVALID;
		}
		uid = dbres_u(res, GROUP_USER_BY_EMAIL_ID);
	}
	n = db_exec(r->db, o->remove ? SQL_GROUP_MEMBER_REMOVE :
	    SQL_GROUP_MEMBER_ADD, DB_ARGS(DB_U(group, o->gid),
	    DB_U(user, uid)));
	if (n < 0)
		return OUT_ERROR;
	/* No row: not a member to remove (404), or already one — either
	 * way nothing changed and nothing is audited. */
	if (n == 0 && o->remove)
		return OUT_NOTFOUND;
	if (n == 0) {
		http_arg_error(r, MEMBER_EMAIL, "This account is already a "
		    "member of the group.");
		return OUT_INVALID;
	}
	if (audit_record(r->db, staff_actor(r), o->remove ?
	    "group.remove" : "group.add", "group", o->gid,
	    arena_printf(r->a, "user %llu", uid)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
member_op(struct req *r, struct memop *o)
{
	struct dbres	*g;
	const char	*url;
	int		 rc;

	if ((rc = group_load(r, &g)) != 0)
		return rc;
	if (r->nerr > 0)
		return group_show(r, 0, 422);
	o->gid = (unsigned long long)r->segi[0];
	url = arena_printf(r->a, "/staff/groups/%llu", o->gid);
	switch (http_form_tx(r, member_tx, o, url, NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, url);
	case OUT_INVALID:
		return group_show(r, 0, 422);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

int
page_group_member_add(struct req *r)
{
	struct memop	 o = { 0, 0, http_arg_str(r, MEMBER_EMAIL), 0 };

	return member_op(r, &o);
}

int
page_group_member_remove(struct req *r)
{
	struct memop	 o = { 1, (unsigned long long)r->segi[1], NULL, 0 };

	return member_op(r, &o);
}
