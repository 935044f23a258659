/*
 * page_entities.c — government entities, their liaison officers and
 * their staff accounts (domain.md §1; Tawasul art. 5, 6, 7-هـ).
 *
 * GET  /staff/entities              list: the ministry sees all, others
 *                                   their entity and its sub-departments
 * GET  /staff/entities/new          form       } ministry admin only
 * POST /staff/entities/new          entity_params → 303 /staff/entities/ID
 * GET  /staff/entities/{id}         details, liaison officers, staff
 * GET  /staff/entities/{id}/edit    form       } ministry admin only
 * POST /staff/entities/{id}/edit    entity_params
 * POST /staff/entities/{id}/liaison which (primary|alternate), email,
 *                                   full_name, mobile — ministry admin
 *                                   names the liaison officer (art. 5-ب)
 * POST /staff/entities/{id}/staff   role (coordinator|supervisor), email,
 *                                   full_name, mobile — the entity's
 *                                   liaison officer (art. 7-هـ)
 * POST /staff/users/{id}/deactivate, /staff/users/{id}/activate
 * Every write is in the audit log.  New accounts get an invitation link
 * to choose their password.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const kinds[] = { "ministry", "department",
    "institution", "authority", "council", "municipality", "company",
    NULL };
static const char *const kind_labels[] = { N_("Ministry"),
    N_("Department"), N_("Public institution"), N_("Authority"),
    N_("Council"), N_("Municipality"), N_("Government-owned company") };
static const char *const whichs[] = { "primary", "alternate", NULL };
static const char *const staff_roles[] = { "coordinator", "supervisor",
    NULL };

const struct param entity_params[] = {
	{ "name_ar", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "name_en", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "kind", PT_ENUM, P_REQ, 0, 0, kinds, NULL },
	{ "parent_id", PT_INT, 0, 0, 1LL << 40, NULL, NULL },
	{ "slug", PT_STR, P_REQ, 2, 40, NULL, NULL },
	{ "sectors", PT_INT, P_MULTI, 1, 1000000, NULL, NULL },
	{ "contact_email", PT_EMAIL, 0, 0, 254, NULL, NULL },
	{ "sg_name", PT_STR, 0, 2, 200, NULL, NULL },
	{ "sg_email", PT_EMAIL, 0, 0, 254, NULL, NULL },
	{ "sg_mobile", PT_PHONE, 0, 0, 0, NULL, NULL },
	{ "minister_name", PT_STR, 0, 2, 200, NULL, NULL },
	{ "minister_email", PT_EMAIL, 0, 0, 254, NULL, NULL },
	{ "minister_mobile", PT_PHONE, 0, 0, 0, NULL, NULL },
};
const int entity_nparams = sizeof(entity_params) / sizeof(entity_params[0]);

const struct param liaison_params[] = {
	{ "which", PT_ENUM, P_REQ, 0, 0, whichs, NULL },
	{ "email", PT_EMAIL, P_REQ, 0, 254, NULL, NULL },
	{ "full_name", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "mobile", PT_PHONE, P_REQ, 0, 0, NULL, NULL },
};

const struct param staffnew_params[] = {
	{ "role", PT_ENUM, P_REQ, 0, 0, staff_roles, NULL },
	{ "email", PT_EMAIL, P_REQ, 0, 254, NULL, NULL },
	{ "full_name", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "mobile", PT_PHONE, P_REQ, 0, 0, NULL, NULL },
};

static const char *
kind_label(struct req *r, const char *k)
{
	int	 i;

	for (i = 0; kinds[i] != NULL; i++)
		if (strcmp(kinds[i], k) == 0)
			return tr(r, kind_labels[i]);
	return k;
}

static const char *
role_label(struct req *r, const char *role)
{
	if (strcmp(role, "admin") == 0)
		return tr(r, "Ministry administrator");
	if (strcmp(role, "liaison") == 0)
		return tr(r, "Liaison officer");
	if (strcmp(role, "coordinator") == 0)
		return tr(r, "Coordinator");
	if (strcmp(role, "supervisor") == 0)
		return tr(r, "Supervisor");
	return role;
}

int
page_entities(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	enum role	 me = perm_role(r->sess->role);
	int		 all = perm_allows(me, ACT_ENTITY_VIEW, SCOPE_OTHER);
	int		 subs = perm_allows(me, ACT_ENTITY_VIEW, SCOPE_SUB);

	vm_str(m, "title", tr(r, "Government entities"));
	vm_bool(m, "can_create", perm_allows(me, ACT_ENTITY_MANAGE,
	    SCOPE_OTHER));
	if ((res = db_query(r->db, r->a, SQL_ENTITY_LIST, "")) == NULL)
		return 500;
	l = vm_list(m, "entities");
	while (dbres_next(res)) {
		unsigned long long id = (unsigned long long)dbres_int(res, 0);
		unsigned long long parent =
		    (unsigned long long)dbres_int(res, 1);

		/* Scope by the parent link already in the row: no query
		 * per entity.  Only what the role may open is listed. */
		if (!all && id != r->sess->entity_id &&
		    (!subs || parent != r->sess->entity_id))
			continue;
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_bool(it, "is_sub", parent != 0);
		vm_str(it, "kind", kind_label(r, dbres_str(res, 2)));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 3),
		    dbres_str(res, 4)));
		vm_bool(it, "inactive", !dbres_int(res, 6));
		vm_str(it, "liaison", dbres_str(res, 7));
		vm_str(it, "alternate", dbres_str(res, 8));
		vm_str(it, "staff", dbres_str(res, 9));
	}
	return http_render(r, "staff/entities", m);
}

/* Fills the form model: sectors with checks, kinds, parents. */
static int
entity_form_model(struct req *r, struct val *m, unsigned long long eid,
    const char *cur_kind, unsigned long long cur_parent)
{
	struct dbres	*res;
	struct val	*l, *it;
	const struct pval *sec = http_param(r, "sectors");
	int		 i, k;

	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_ENTITY_SECTORS_OF, "u", eid))
	    == NULL)
		return -1;
	l = vm_list(m, "sectors");
	while (dbres_next(res)) {
		int on = (int)dbres_int(res, 3);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		if (sec != NULL && sec->present) {
			on = 0;
			for (k = 0; k < sec->nvals; k++)
				if (strcmp(sec->vals[k], dbres_str(res, 0)) == 0)
					on = 1;
		}
		vm_bool(it, "checked", on);
	}
	l = vm_list(m, "kinds");
	for (i = 0; kinds[i] != NULL; i++) {
		it = vm_push(l);
		vm_str(it, "value", kinds[i]);
		vm_str(it, "label", tr(r, kind_labels[i]));
		vm_bool(it, "selected", cur_kind != NULL &&
		    strcmp(cur_kind, kinds[i]) == 0);
	}
	if ((res = db_query(r->db, r->a, SQL_ENTITY_LIST, "")) == NULL)
		return -1;
	l = vm_list(m, "parents");
	while (dbres_next(res)) {
		if ((unsigned long long)dbres_int(res, 0) == eid)
			continue;
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 3),
		    dbres_str(res, 4)));
		vm_bool(it, "selected", (unsigned long long)dbres_int(res, 0)
		    == cur_parent);
	}
	return 0;
}

static int
show_entity_form(struct req *r, unsigned long long eid)
{
	struct val	*m = http_model(r);
	const struct pval *k = http_param(r, "kind");
	const struct pval *p = http_param(r, "parent_id");

	vm_str(m, "title", eid ? tr(r, "Edit the entity") :
	    tr(r, "New government entity"));
	vm_str(m, "action", eid ? arena_printf(r->a,
	    "/staff/entities/%llu/edit", eid) : "/staff/entities/new");
	if (entity_form_model(r, m, eid, k && k->present ? k->s : NULL,
	    p && p->set ? (unsigned long long)p->i : 0) == -1)
		return 500;
	return http_render(r, "staff/entity_form", m);
}

int
page_entity_new_form(struct req *r)
{
	return show_entity_form(r, 0);
}

/* Checks what the declarations cannot: slug syntax and uniqueness, and
 * a parent that exists and is not the entity itself or below it. */
static void
entity_validate(struct req *r, unsigned long long eid)
{
	const char	*slug = http_str(r, "slug"), *p;
	struct dbres	*res;
	long long	 parent = http_int(r, "parent_id", 0);

	if (slug != NULL) {
		for (p = slug; *p; p++)
			if (!((*p >= 'a' && *p <= 'z') ||
			    (*p >= '0' && *p <= '9') || *p == '-'))
				break;
		if (*p != '\0')
			http_field_error(r, "slug", "Use lower-case Latin "
			    "letters, digits and hyphens only.");
		else {
			res = db_query(r->db, r->a, SQL_ENTITY_SLUG_TAKEN,
			    "su", slug, eid);
			if (res != NULL && dbres_next(res) &&
			    dbres_int(res, 0) > 0)
				http_field_error(r, "slug", "Another entity "
				    "already uses this short name.");
		}
	}
	if (parent > 0) {
		res = db_query(r->db, r->a, SQL_ENTITY_GET, "i", parent);
		if (res == NULL || !dbres_next(res))
			http_field_error(r, "parent_id", "Choose an existing "
			    "entity.");
		else if (eid != 0) {
			res = db_query(r->db, r->a, SQL_ENTITY_ANCESTORS, "i",
			    parent);
			if ((unsigned long long)parent == eid ||
			    (res != NULL && dbres_next(res) &&
			    ((unsigned long long)dbres_int(res, 0) == eid ||
			    (unsigned long long)dbres_int(res, 1) == eid ||
			    (unsigned long long)dbres_int(res, 2) == eid)))
				http_field_error(r, "parent_id", "An entity "
				    "cannot be placed under itself.");
		}
	}
}

struct entsave {
	struct req		*r;
	unsigned long long	 eid;
};

static int
entity_save_tx(struct db *db, void *arg)
{
	struct entsave	*s = arg;
	struct req	*r = s->r;
	const struct pval *sec = http_param(r, "sectors");
	const char	*prev;
	int		 i, rc, created = s->eid == 0;
	long long	 n;

	if (s->eid == 0) {
		if ((rc = http_nonce_claim(r, NULL, &prev)) != 0)
			return rc == 1 ? 1 : -1;
		n = db_exec(db, SQL_ENTITY_INSERT, "isssssssssss",
		    http_int(r, "parent_id", 0),
		    kinds[http_int(r, "kind", 0)], http_str(r, "name_ar"),
		    http_str(r, "name_en"), http_str(r, "slug"),
		    http_str(r, "contact_email"), http_str(r, "sg_name"),
		    http_str(r, "sg_email"), http_str(r, "sg_mobile"),
		    http_str(r, "minister_name"),
		    http_str(r, "minister_email"),
		    http_str(r, "minister_mobile"));
		if (n != 1)
			return -1;
		s->eid = db_insert_id(db);
	} else if (db_exec(db, SQL_ENTITY_UPDATE, "isssssssssssu",
	    http_int(r, "parent_id", 0), kinds[http_int(r, "kind", 0)],
	    http_str(r, "name_ar"), http_str(r, "name_en"),
	    http_str(r, "slug"), http_str(r, "contact_email"),
	    http_str(r, "sg_name"), http_str(r, "sg_email"),
	    http_str(r, "sg_mobile"), http_str(r, "minister_name"),
	    http_str(r, "minister_email"), http_str(r, "minister_mobile"),
	    s->eid) < 0)
		return -1;
	if (db_exec(db, SQL_ENTITY_SECTORS_CLEAR, "u", s->eid) < 0)
		return -1;
	for (i = 0; sec != NULL && i < sec->nvals; i++)
		if (db_exec(db, SQL_ENTITY_SECTOR_ADD, "us", s->eid,
		    sec->vals[i]) < 0)
			return -1;
	return audit_record(db, staff_actor_for(r, s->eid), created ?
	    "entity.create" :
	    "entity.update", "entity", s->eid, arena_printf(r->a,
	    "%s / %s (%s)", http_str(r, "name_ar"), http_str(r, "name_en"),
	    http_str(r, "slug")));
}

static int
entity_save(struct req *r, unsigned long long eid)
{
	struct entsave	 s;
	int		 rc;

	entity_validate(r, eid);
	if (r->nerr > 0) {
		r->status = 422;
		return show_entity_form(r, eid);
	}
	s.r = r;
	s.eid = eid;
	rc = db_tx(r->db, entity_save_tx, &s);
	if (rc < 0)
		return 500;
	if (rc > 0)	/* a double submit: the first one did it */
		return http_redirect(r, 303, "/staff/entities");
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/entities/%llu", s.eid));
}

int
page_entity_new(struct req *r)
{
	return entity_save(r, 0);
}

/* Loads entity {id}; 0 with the row, or an HTTP status. */
static int
entity_load(struct req *r, struct dbres **res)
{
	*res = db_query(r->db, r->a, SQL_ENTITY_GET, "i", r->segi[0]);
	if (*res == NULL)
		return 500;
	if (!dbres_next(*res))
		return 404;
	return 0;
}

/* The entity page carries two forms with the same field names (name a
 * liaison officer, create a staff account).  After a refused POST only
 * the form that was sent gets the values typed and the messages, and its
 * controls take the "f-" ids the error summary links to. */
static void
entity_forms_model(struct req *r, struct val *m)
{
	static const char *const keys[] = { "full_name", "email", "mobile",
	    "which", "role" };
	const struct val *f = vm_get(m, "f");
	struct val	*dst = NULL, *from, *to, *v;
	size_t		 i;

	vm_str(m, "lp", "l");
	vm_str(m, "sp", "s");
	if (r->route == NULL || !r->is_post || f == NULL)
		return;
	if (r->route->params == liaison_params) {
		dst = vm_child(m, "lf");
		vm_str(m, "lp", "f");
		vm_bool(m, "which_alt", http_int(r, "which", 0) == 1);
	} else if (r->route->params == staffnew_params) {
		dst = vm_child(m, "sf");
		vm_str(m, "sp", "f");
		vm_bool(m, "role_coord", http_int(r, "role", 1) == 0);
	} else
		return;
	for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
		if ((from = vm_get(f, keys[i])) == NULL)
			continue;
		to = vm_child(dst, keys[i]);
		if ((v = vm_get(from, "value")) != NULL && v->s != NULL)
			vm_str(to, "value", v->s);
		if ((v = vm_get(from, "error")) != NULL && v->s != NULL)
			vm_str(to, "error", v->s);
	}
}

int
page_entity(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*e, *res;
	unsigned long long eid = (unsigned long long)r->segi[0];
	int		 rc;
	enum role	 me = perm_role(r->sess->role);
	enum scope	 sc;

	if ((rc = entity_load(r, &e)) != 0)
		return rc;
	sc = staff_scope(r, eid);
	if (!perm_allows(me, ACT_ENTITY_VIEW, sc))
		return 403;
	vm_str(m, "id", dbres_str(e, 0));
	vm_str(m, "title", staff_pick(r, dbres_str(e, 3), dbres_str(e, 4)));
	vm_str(m, "name_ar", dbres_str(e, 3));
	vm_str(m, "name_en", dbres_str(e, 4));
	vm_str(m, "kind", kind_label(r, dbres_str(e, 2)));
	vm_str(m, "slug", dbres_str(e, 5));
	vm_str(m, "parent", staff_pick(r, dbres_str(e, 17), dbres_str(e, 18)));
	vm_str(m, "parent_id", dbres_str(e, 1));
	vm_str(m, "contact_email", dbres_str(e, 7));
	vm_str(m, "sg_name", dbres_str(e, 8));
	vm_str(m, "sg_email", dbres_str(e, 9));
	vm_str(m, "sg_mobile", dbres_str(e, 10));
	vm_str(m, "minister_name", dbres_str(e, 11));
	vm_str(m, "minister_email", dbres_str(e, 12));
	vm_str(m, "minister_mobile", dbres_str(e, 13));
	vm_bool(m, "can_edit", perm_allows(me, ACT_ENTITY_MANAGE, sc));
	vm_bool(m, "can_staff", perm_allows(me, ACT_STAFF_ACCOUNTS, sc));
	if ((res = db_query(r->db, r->a, SQL_ENTITY_STAFF, "u", eid)) == NULL)
		return 500;
	l = vm_list(m, "staff");
	while (dbres_next(res)) {
		unsigned long long uid = (unsigned long long)dbres_int(res, 0);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", dbres_str(res, 1));
		vm_str(it, "email", dbres_str(res, 2));
		vm_str(it, "role", role_label(r, dbres_str(res, 3)));
		if (uid == (unsigned long long)dbres_int(e, 14))
			vm_str(it, "role", tr(r, "Liaison officer (primary)"));
		if (uid == (unsigned long long)dbres_int(e, 15))
			vm_str(it, "role", tr(r, "Liaison officer "
			    "(alternate)"));
		vm_bool(it, "active", dbres_int(res, 4));
		vm_bool(it, "invited", !dbres_int(res, 6));
		/* Who may switch this account on or off. */
		vm_bool(it, "manageable", uid != r->sess->user_id &&
		    ((strcmp(dbres_str(res, 3), "liaison") == 0 &&
		    perm_allows(me, ACT_ENTITY_MANAGE, sc)) ||
		    ((strcmp(dbres_str(res, 3), "coordinator") == 0 ||
		    strcmp(dbres_str(res, 3), "supervisor") == 0) &&
		    perm_allows(me, ACT_STAFF_ACCOUNTS, sc))));
	}
	http_form_model(r, m);
	entity_forms_model(r, m);
	return http_render(r, "staff/entity", m);
}

int
page_entity_edit_form(struct req *r)
{
	struct val	*m;
	struct dbres	*e;
	int		 rc;
	unsigned long long eid = (unsigned long long)r->segi[0];

	if ((rc = entity_load(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_ENTITY_MANAGE, eid))
		return 403;
	m = http_model(r);
	vm_str(m, "title", tr(r, "Edit the entity"));
	vm_str(m, "action", arena_printf(r->a, "/staff/entities/%llu/edit",
	    eid));
	if (entity_form_model(r, m, eid, dbres_str(e, 2),
	    (unsigned long long)dbres_int(e, 1)) == -1)
		return 500;
	{
		struct val *f = vm_child(m, "f");
		static const struct { const char *k; int col; } map[] = {
			{ "name_ar", 3 }, { "name_en", 4 }, { "slug", 5 },
			{ "contact_email", 7 }, { "sg_name", 8 },
			{ "sg_email", 9 }, { "sg_mobile", 10 },
			{ "minister_name", 11 }, { "minister_email", 12 },
			{ "minister_mobile", 13 },
		};
		size_t i;
		for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			vm_str(vm_child(f, map[i].k), "value",
			    dbres_str(e, map[i].col));
	}
	return http_render(r, "staff/entity_form", m);
}

int
page_entity_edit(struct req *r)
{
	struct dbres	*e;
	int		 rc;

	if ((rc = entity_load(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_ENTITY_MANAGE, (unsigned long long)r->segi[0]))
		return 403;
	return entity_save(r, (unsigned long long)r->segi[0]);
}

struct newstaff {
	struct req		*r;
	unsigned long long	 eid;
	const char		*role;	/* liaison, coordinator, supervisor */
	int			 alternate;
	int			 conflict;
};

static int
newstaff_tx(struct db *db, void *arg)
{
	struct newstaff	*s = arg;
	struct req	*r = s->r;
	struct dbres	*res;
	unsigned long long uid;
	const char	*email = http_str(r, "email"), *prev;
	int		 rc, isnew = 0;

	if ((rc = http_nonce_claim(r, NULL, &prev)) != 0)
		return rc == 1 ? 1 : -1;
	res = db_query(db, r->a, SQL_STAFF_USER_BY_EMAIL, "s", email);
	if (res == NULL)
		return -1;
	if (dbres_next(res)) {
		uid = (unsigned long long)dbres_int(res, 0);
		/* An existing account may become the liaison officer only
		 * if it is staff of this very entity already. */
		if (strcmp(s->role, "liaison") != 0 ||
		    (unsigned long long)dbres_int(res, 2) != s->eid ||
		    strcmp(dbres_str(res, 1), "citizen") == 0) {
			s->conflict = 1;
			return 2;
		}
		if (db_exec(db, SQL_STAFF_USER_MAKE_LIAISON, "uu", s->eid,
		    uid) < 0)
			return -1;
	} else {
		if (db_exec(db, SQL_STAFF_USER_INSERT, "sssssuu", email,
		    http_str(r, "full_name"), http_str(r, "mobile"), "ar",
		    s->role, s->eid, r->sess->user_id) != 1)
			return -1;
		uid = db_insert_id(db);
		isnew = 1;
	}
	if (strcmp(s->role, "liaison") == 0 && db_exec(db, s->alternate ?
	    SQL_ENTITY_SET_ALTERNATE : SQL_ENTITY_SET_LIAISON, "uu", uid,
	    s->eid) < 0)
		return -1;
	if (isnew && staff_invite(r, uid, email, "ar") == -1)
		return -1;
	return audit_record(db, staff_actor_for(r, s->eid),
	    strcmp(s->role, "liaison") ==
	    0 ? (s->alternate ? "entity.alternate" : "entity.liaison") :
	    "user.create", "user", uid, arena_printf(r->a, "%s <%s> as %s of "
	    "entity %llu", http_str(r, "full_name"), email, s->alternate ?
	    "alternate liaison" : s->role, s->eid));
}

static int
newstaff(struct req *r, const char *role, int alternate)
{
	struct newstaff	 s;
	int		 rc;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.eid = (unsigned long long)r->segi[0];
	s.role = role;
	s.alternate = alternate;
	if (r->nerr > 0) {
		r->status = 422;
		return page_entity(r);
	}
	rc = db_tx(r->db, newstaff_tx, &s);
	if (rc < 0)
		return 500;
	if (s.conflict) {
		http_field_error(r, "email", "This e-mail address already "
		    "belongs to another account.");
		r->status = 422;
		return page_entity(r);
	}
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/entities/%llu", s.eid));
}

int
page_entity_liaison(struct req *r)
{
	struct dbres	*e;
	int		 rc;

	if ((rc = entity_load(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_ENTITY_MANAGE, (unsigned long long)r->segi[0]))
		return 403;
	return newstaff(r, "liaison", http_int(r, "which", 0) == 1);
}

int
page_entity_staff(struct req *r)
{
	struct dbres	*e;
	int		 rc;

	if ((rc = entity_load(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_STAFF_ACCOUNTS, (unsigned long long)r->segi[0]))
		return 403;
	return newstaff(r, http_int(r, "role", 1) == 0 ? "coordinator" :
	    "supervisor", 0);
}

struct setactive {
	struct req	*r;
	unsigned long long eid;
	int		 on;
	unsigned long long uid;
	const char	*label;
};

static int
setactive_tx(struct db *db, void *arg)
{
	struct setactive *s = arg;

	if (db_exec(db, SQL_STAFF_USER_SET_ACTIVE, "iu", (long long)s->on,
	    s->uid) < 0)
		return -1;
	if (!s->on && db_exec(db, SQL_SESSION_DELETE_USER, "u", s->uid) < 0)
		return -1;
	return audit_record(db, staff_actor_for(s->r, s->eid), s->on ?
	    "user.activate" :
	    "user.deactivate", "user", s->uid, s->label);
}

static int
set_active(struct req *r, int on)
{
	struct dbres	*u;
	struct setactive s;
	const char	*role;
	unsigned long long eid;
	enum action	 need;

	u = db_query(r->db, r->a, SQL_STAFF_USER_GET, "i", r->segi[0]);
	if (u == NULL)
		return 500;
	if (!dbres_next(u))
		return 404;
	role = dbres_str(u, 1);
	eid = (unsigned long long)dbres_int(u, 2);
	/* Liaison officers answer to the ministry, the rest to them. */
	need = strcmp(role, "liaison") == 0 || strcmp(role, "admin") == 0 ?
	    ACT_ENTITY_MANAGE : ACT_STAFF_ACCOUNTS;
	if ((unsigned long long)dbres_int(u, 0) == r->sess->user_id ||
	    strcmp(role, "admin") == 0 || !staff_may(r, need, eid))
		return 403;
	s.r = r;
	s.eid = eid;
	s.on = on;
	s.uid = (unsigned long long)dbres_int(u, 0);
	s.label = arena_printf(r->a, "%s <%s>", dbres_str(u, 4),
	    dbres_str(u, 5));
	if (db_tx(r->db, setactive_tx, &s) != 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/entities/%llu", eid));
}

int
page_user_deactivate(struct req *r)
{
	return set_active(r, 0);
}

int
page_user_activate(struct req *r)
{
	return set_active(r, 1);
}
