/*
 * page_entities.c — government entities, their liaison officers and
 * their staff accounts (domain.md §1; Tawasul art. 5, 6, 7-هـ).
 *
 * GET  /staff/entities              list: the ministry sees all, others
 *                                   their entity and its sub-departments
 *                                   (view staff/entities)
 * GET  /staff/entities/new          form (view staff/entity_form)  } ministry
 * POST /staff/entities/new          entity_params → 303             } admin
 *                                   /staff/entities/ID (422: form)  } only
 * GET  /staff/entities/{id}         details, liaison officers, staff
 *                                   (view staff/entity)
 * GET  /staff/entities/{id}/edit    form       } ministry admin only
 * POST /staff/entities/{id}/edit    entity_params → 303 (422: form)
 * POST /staff/entities/{id}/liaison liaison_params: which (primary|
 *                                   alternate), email, full_name, mobile
 *                                   — ministry admin names the liaison
 *                                   officer (art. 5-ب)
 * POST /staff/entities/{id}/staff   staffnew_params: role (coordinator|
 *                                   supervisor), email, full_name, mobile
 *                                   — the entity's liaison officer
 *                                   (art. 7-هـ); both 303, or 422 with
 *                                   the entity page and the form kept
 * POST /staff/users/{id}/deactivate, /staff/users/{id}/activate
 *                                   → 303 the entity; who may is
 *                                   perm_account_action() (403)
 * Permissions: the routes' actions, then the scope of the entity
 * (staff_may).  Every write is in the audit log.  New accounts get an
 * invitation link to choose their password.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "entity.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* The liaison form's "which", and the role each choice of the new-staff
 * form creates. */
static const char *const whichs[] = { "primary", "alternate", NULL };
#define WHICH_ALTERNATE	1
static const char *const staff_roles[] = { "coordinator", "supervisor",
    NULL };
static const enum role staff_role_of[] = { ROLE_COORDINATOR,
    ROLE_SUPERVISOR };
/* The labels of the two liaison roles, by WHICH_ALTERNATE. */
static const char *const liaison_labels[2] = {
	N_("Liaison officer (primary)"), N_("Liaison officer (alternate)")
};

const struct param entity_params[ENT__MAX] = {
	[ENT_NAME_AR] = { .name = "name_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME,
	    .min = 2, .max = 200 },
	[ENT_NAME_EN] = { .name = "name_en", .type = PT_STR,
	    .flags = P_REQ | P_NAME,
	    .min = 2, .max = 200 },
	[ENT_KIND] = { .name = "kind", .type = PT_ENUM, .flags = P_REQ,
	    .choices = entity_kind_names,
	    .choice_labels = entity_kind_labels },
	[ENT_PARENT_ID] = { .name = "parent_id", .type = PT_INT,
	    .max = 1LL << 40 },
	[ENT_SLUG] = { .name = "slug", .type = PT_STR, .flags = P_REQ,
	    .min = 2, .max = 40 },
	[ENT_SECTORS] = { .name = "sectors", .type = PT_INT,
	    .flags = P_MULTI, .min = 1, .max = 1000000 },
	[ENT_CONTACT_EMAIL] = { .name = "contact_email", .type = PT_EMAIL,
	    .max = 254 },
	[ENT_SG_NAME] = { .name = "sg_name", .type = PT_STR, .flags = P_NAME,
	    .min = 2,
	    .max = 200 },
	[ENT_SG_EMAIL] = { .name = "sg_email", .type = PT_EMAIL, .max = 254 },
	[ENT_SG_MOBILE] = { .name = "sg_mobile", .type = PT_PHONE },
	[ENT_MINISTER_NAME] = { .name = "minister_name", .type = PT_STR,
	    .flags = P_NAME, .min = 2, .max = 200 },
	[ENT_MINISTER_EMAIL] = { .name = "minister_email", .type = PT_EMAIL,
	    .max = 254 },
	[ENT_MINISTER_MOBILE] = { .name = "minister_mobile",
	    .type = PT_PHONE },
};

const struct param liaison_params[LIAISON__MAX] = {
	[LIAISON_WHICH] = { .name = "which", .type = PT_ENUM, .flags = P_REQ,
	    .choices = whichs },
	[LIAISON_EMAIL] = { .name = "email", .type = PT_EMAIL,
	    .flags = P_REQ, .max = 254 },
	[LIAISON_FULL_NAME] = { .name = "full_name", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200 },
	[LIAISON_MOBILE] = { .name = "mobile", .type = PT_PHONE,
	    .flags = P_REQ },
};

const struct param staffnew_params[STAFFNEW__MAX] = {
	[STAFFNEW_ROLE] = { .name = "role", .type = PT_ENUM, .flags = P_REQ,
	    .choices = staff_roles },
	[STAFFNEW_EMAIL] = { .name = "email", .type = PT_EMAIL,
	    .flags = P_REQ, .max = 254 },
	[STAFFNEW_FULL_NAME] = { .name = "full_name", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200 },
	[STAFFNEW_MOBILE] = { .name = "mobile", .type = PT_PHONE,
	    .flags = P_REQ },
};

/* The label of a stored kind (itself when unknown). */
static const char *
kind_label(struct req *r, const char *stored)
{
	enum entity_kind k = entity_kind(stored);

	return k < EK__MAX ? present_label(r, entity_kind_labels, EK__MAX, k) :
	    stored;
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
	if ((res = db_query(r->db, r->a, SQL_ENTITY_LIST, DB_NOARGS)) == NULL)
		return 500;
	l = vm_list(m, "entities");
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, ENTITY_LIST_ID);
		unsigned long long parent = dbres_u(res, ENTITY_LIST_PARENT_ID);

		/* Scope by the parent link already in the row: no query
		 * per entity.  Only what the role may open is listed. */
		if (!all && id != r->sess->entity_id &&
		    (!subs || parent != r->sess->entity_id))
			continue;
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ENTITY_LIST_ID));
		vm_bool(it, "is_sub", parent != 0);
		vm_str(it, "kind", kind_label(r, dbres_str(res,
		    ENTITY_LIST_KIND)));
		vm_str(it, "name", present_pick(r, dbres_str(res,
		    ENTITY_LIST_NAME_AR), dbres_str(res, ENTITY_LIST_NAME_EN)));
		vm_bool(it, "inactive", !dbres_int(res, ENTITY_LIST_ACTIVE));
		vm_str(it, "liaison", dbres_str(res, ENTITY_LIST_LIAISON_NAME));
		vm_str(it, "alternate", dbres_str(res,
		    ENTITY_LIST_ALTERNATE_NAME));
		vm_str(it, "staff", dbres_str(res, ENTITY_LIST_STAFF_COUNT));
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
	const struct pval *sec = http_arg(r, ENT_SECTORS);
	int		 k;

	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_ENTITY_SECTORS_OF,
	    DB_ARGS(DB_U(entity, eid)))) == NULL)
		return -1;
	l = vm_list(m, "sectors");
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, ENTITY_SECTORS_OF_ID);
		int on = dbres_int(res, ENTITY_SECTORS_OF_CHOSEN) != 0;

		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ENTITY_SECTORS_OF_ID));
		vm_str(it, "name", present_pick(r, dbres_str(res,
		    ENTITY_SECTORS_OF_NAME_AR), dbres_str(res,
		    ENTITY_SECTORS_OF_NAME_EN)));
		/* After a refused POST, what was ticked then. */
		if (sec != NULL && sec->present) {
			on = 0;
			for (k = 0; k < sec->nvals; k++)
				if (strtoull(sec->vals[k], NULL, 10) == id)
					on = 1;
		}
		vm_bool(it, "checked", on);
	}
	present_choices(r, m, "kinds", entity_kind_names, entity_kind_labels,
	    EK__MAX, cur_kind);
	if ((res = db_query(r->db, r->a, SQL_ENTITY_LIST, DB_NOARGS)) == NULL)
		return -1;
	l = vm_list(m, "parents");
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, ENTITY_LIST_ID);

		if (id == eid)
			continue;
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ENTITY_LIST_ID));
		vm_str(it, "name", present_pick(r, dbres_str(res,
		    ENTITY_LIST_NAME_AR), dbres_str(res, ENTITY_LIST_NAME_EN)));
		vm_bool(it, "selected", id == cur_parent);
	}
	return 0;
}

/* The entity form with what was sent (a new entity, or a refused POST)
 * under status. */
static int
entity_form_show(struct req *r, unsigned long long eid, int status,
    const char *kind, unsigned long long parent)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", eid ? tr(r, "Edit the entity") :
	    tr(r, "New government entity"));
	vm_str(m, "action", eid ? arena_printf(r->a,
	    "/staff/entities/%llu/edit", eid) : "/staff/entities/new");
	if (entity_form_model(r, m, eid, kind, parent) == -1)
		return 500;
	r->status = status;
	return http_render(r, "staff/entity_form", m);
}

static int
show_entity_form(struct req *r, unsigned long long eid, int status)
{
	const struct pval *k = http_arg(r, ENT_KIND);
	const struct pval *p = http_arg(r, ENT_PARENT_ID);

	return entity_form_show(r, eid, status, k && k->present ? k->s : NULL,
	    p && p->set ? (unsigned long long)p->i : 0);
}

const struct param entity_new_params[ENT_NEW__MAX] = {
	[ENT_NEW_PARENT_ID] = { .name = "parent_id", .type = PT_INT,
	    .min = 1, .max = 1LL << 40 },
};

/* GET /staff/entities/new[?parent_id=…]: with a parent chosen (the
 * parent's page links here), the kind starts as that parent's default
 * for what stands under it (a department). */
int
page_entity_new_form(struct req *r)
{
	struct entity	 pe;
	long long	 parent = r->nerr == 0 ?
			    http_arg_int(r, ENT_NEW_PARENT_ID, 0) : 0;
	enum entity_kind def;

	if (parent > 0) {
		switch (entity_get(r->db, r->a, (unsigned long long)parent,
		    &pe)) {
		case 1:
			break;
		case 0:
			parent = 0;
			break;
		default:
			return 500;
		}
	}
	def = entity_kind_default(parent > 0 ? pe.kind : EK__MAX);
	return entity_form_show(r, 0, 200, def == EK__MAX ? NULL :
	    entity_kind_names[def], (unsigned long long)(parent > 0 ?
	    parent : 0));
}

/* Checks what the declarations cannot (entity.h): the short name's
 * syntax and uniqueness, and a parent that exists and is not the entity
 * itself or below it.  0, or -1 on a database error. */
static int
entity_validate(struct req *r, unsigned long long eid)
{
	const char	*slug = http_arg_str(r, ENT_SLUG), *why;
	long long	 parent = http_arg_int(r, ENT_PARENT_ID, 0);
	struct entity	 pe;

	if (slug != NULL) {
		if (!entity_slug_ok(slug))
			http_arg_error(r, ENT_SLUG, "Use lower-case Latin "
			    "letters, digits and hyphens only.");
		else if (entity_slug_taken(r->db, r->a, slug, eid) == 1)
			http_arg_error(r, ENT_SLUG, "Another entity already "
			    "uses this short name.");
	}
	if (parent > 0)
		switch (entity_check_parent(r->db, r->a, eid,
		    (unsigned long long)parent)) {
		case EP_OK:
			if (entity_get(r->db, r->a, (unsigned long long)parent,
			    &pe) != 1)
				return -1;
			/* The kinds that may stand under this parent. */
			if (http_arg_str(r, ENT_KIND) != NULL &&
			    (why = entity_kind_under(entity_kind(
			    http_arg_str(r, ENT_KIND)), pe.kind)) != NULL)
				http_arg_error(r, ENT_KIND, why);
			break;
		case EP_MISSING:
			http_arg_error(r, ENT_PARENT_ID, "Choose an existing "
			    "entity.");
			break;
		case EP_CYCLE:
			http_arg_error(r, ENT_PARENT_ID, "An entity cannot be "
			    "placed under itself.");
			break;
		default:
			return -1;
		}
	return 0;
}

struct entsave {
	unsigned long long	 edit;	/* the entity edited; 0: a new one */
	unsigned long long	 eid;	/* out: the entity saved */
};

static enum outcome
entity_save_tx(struct req *r, void *arg)
{
	struct entsave	*s = arg;
	const struct pval *sec = http_arg(r, ENT_SECTORS);
	unsigned long long parent_id =
	    (unsigned long long)http_arg_int(r, ENT_PARENT_ID, 0);
	const char	*kind = entity_kind_names[http_arg_int(r, ENT_KIND, 0)];
	const char	*name_ar = http_arg_str(r, ENT_NAME_AR);
	const char	*name_en = http_arg_str(r, ENT_NAME_EN);
	const char	*slug = http_arg_str(r, ENT_SLUG);
	const char	*contact_email = http_arg_str(r, ENT_CONTACT_EMAIL);
	const char	*sg_name = http_arg_str(r, ENT_SG_NAME);
	const char	*sg_email = http_arg_str(r, ENT_SG_EMAIL);
	const char	*sg_mobile = http_arg_str(r, ENT_SG_MOBILE);
	const char	*minister_name = http_arg_str(r, ENT_MINISTER_NAME);
	const char	*minister_email = http_arg_str(r, ENT_MINISTER_EMAIL);
	const char	*minister_mobile = http_arg_str(r,
	    ENT_MINISTER_MOBILE);
	unsigned long long id = s->edit;
	struct dbres	*res;
	int		 i;

	if (id == 0) {
		if (db_exec(r->db, SQL_ENTITY_INSERT, DB_ARGS(
		    DB_U(parent_id, parent_id), DB_S(kind, kind),
		    DB_S(name_ar, name_ar), DB_S(name_en, name_en),
		    DB_S(slug, slug), DB_S(contact_email, contact_email),
		    DB_S(sg_name, sg_name), DB_S(sg_email, sg_email),
		    DB_S(sg_mobile, sg_mobile),
		    DB_S(minister_name, minister_name),
		    DB_S(minister_email, minister_email),
		    DB_S(minister_mobile, minister_mobile))) != 1)
			return OUT_ERROR;
		id = db_insert_id(r->db);
	} else if ((res = db_query(r->db, r->a, SQL_ENTITY_LOCK,
	    DB_ARGS(DB_U(id, id)))) == NULL)
		return OUT_ERROR;
	else if (!dbres_next(res))
		return OUT_NOTFOUND;
	else if (db_exec(r->db, SQL_ENTITY_UPDATE, DB_ARGS(DB_U(id, id),
	    DB_U(parent_id, parent_id), DB_S(kind, kind),
	    DB_S(name_ar, name_ar), DB_S(name_en, name_en), DB_S(slug, slug),
	    DB_S(contact_email, contact_email), DB_S(sg_name, sg_name),
	    DB_S(sg_email, sg_email), DB_S(sg_mobile, sg_mobile),
	    DB_S(minister_name, minister_name),
	    DB_S(minister_email, minister_email),
	    DB_S(minister_mobile, minister_mobile))) < 0)
		return OUT_ERROR;
	if (db_exec(r->db, SQL_ENTITY_SECTORS_CLEAR,
	    DB_ARGS(DB_U(entity, id))) < 0)
		return OUT_ERROR;
	for (i = 0; sec != NULL && i < sec->nvals; i++)
		if (db_exec(r->db, SQL_ENTITY_SECTOR_ADD, DB_ARGS(
		    DB_U(entity, id), DB_S(sector, sec->vals[i]))) < 0)
			return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, id), s->edit == 0 ?
	    "entity.create" : "entity.update", "entity", id,
	    arena_printf(r->a, "%s / %s (%s)", name_ar, name_en, slug)) == -1)
		return OUT_ERROR;
	s->eid = id;
	return OUT_OK;
}

static int
entity_save(struct req *r, unsigned long long eid)
{
	struct entsave	 s;
	const char	*url = NULL, *prev;

	if (entity_validate(r, eid) == -1)
		return 500;
	if (r->nerr > 0)
		return show_entity_form(r, eid, 422);
	s.edit = eid;
	s.eid = 0;
	/* A new entity's address is known only after the insert: a double
	 * submit of the new-entity form lands on the list. */
	if (eid != 0)
		url = arena_printf(r->a, "/staff/entities/%llu", eid);
	switch (http_form_tx(r, entity_save_tx, &s, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, arena_printf(r->a,
		    "/staff/entities/%llu", s.eid));
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev ? prev : "/staff/entities");
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

int
page_entity_new(struct req *r)
{
	return entity_save(r, 0);
}

/* Loads entity {id}: 0, or an HTTP status. */
static int
entity_fetch(struct req *r, struct entity *e)
{
	switch (entity_get(r->db, r->a, (unsigned long long)r->segi[0], e)) {
	case 1:
		return 0;
	case 0:
		return 404;
	default:
		return 500;
	}
}

/* The entity page carries two forms with the same field names (name a
 * liaison officer, create a staff account).  After a refused POST only
 * the form that was sent gets the values typed and the messages, and its
 * controls take the "f-" ids the error summary links to. */
static void
entity_forms_model(struct req *r, struct val *m)
{
	const struct val *f = vm_get(m, "f");
	struct val	*dst = NULL, *from, *to, *v;
	int		 i;

	vm_str(m, "lp", "l");
	vm_str(m, "sp", "s");
	if (r->route == NULL || !r->is_post || f == NULL)
		return;
	if (r->route->params == liaison_params) {
		dst = vm_child(m, "lf");
		vm_str(m, "lp", "f");
		vm_bool(m, "which_alt", http_arg_int(r, LIAISON_WHICH, 0) ==
		    WHICH_ALTERNATE);
	} else if (r->route->params == staffnew_params) {
		dst = vm_child(m, "sf");
		vm_str(m, "sp", "f");
		vm_bool(m, "role_coord", http_arg_int(r, STAFFNEW_ROLE, 1) ==
		    0);
	} else
		return;
	for (i = 0; i < r->route->nparams; i++) {
		const char *name = r->route->params[i].name;
		if ((from = vm_get(f, name)) == NULL)
			continue;
		to = vm_child(dst, name);
		if ((v = vm_get(from, "value")) != NULL && v->s != NULL)
			vm_str(to, "value", v->s);
		if ((v = vm_get(from, "error")) != NULL && v->s != NULL)
			vm_str(to, "error", v->s);
	}
}

/* The entity page under status (200, or 422 after a refused form). */
static int
entity_show(struct req *r, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct entity	 e;
	struct dbres	*res;
	int		 rc;
	enum role	 me = perm_role(r->sess->role);
	enum scope	 sc;

	if ((rc = entity_fetch(r, &e)) != 0)
		return rc;
	sc = staff_scope(r, e.id);
	if (!perm_allows(me, ACT_ENTITY_VIEW, sc))
		return 403;
	vm_strf(m, "id", "%llu", e.id);
	vm_str(m, "title", present_pick(r, e.name_ar, e.name_en));
	vm_str(m, "name_ar", e.name_ar);
	vm_str(m, "name_en", e.name_en);
	vm_str(m, "kind", kind_label(r, e.kind_name));
	vm_str(m, "slug", e.slug);
	vm_str(m, "parent", present_pick(r, e.parent_name_ar,
	    e.parent_name_en));
	/* Only what the reader may open is linked (QA finding 9): the
	 * parent of the reader's own entity lies outside it, that of a
	 * sub-department is the reader's entity or under it; sub-
	 * departments are always under it. */
	if (e.parent_id != 0 && perm_allows(me, ACT_ENTITY_VIEW,
	    sc == SCOPE_OTHER || sc == SCOPE_OWN ? SCOPE_OTHER :
	    e.parent_id == r->sess->entity_id ? SCOPE_OWN : SCOPE_SUB))
		vm_strf(m, "parent_id", "%llu", e.parent_id);
	vm_bool(m, "link_children", perm_allows(me, ACT_ENTITY_VIEW,
	    sc == SCOPE_OTHER ? SCOPE_OTHER : SCOPE_SUB));
	vm_str(m, "contact_email", e.contact_email);
	vm_str(m, "sg_name", e.sg_name);
	vm_str(m, "sg_email", e.sg_email);
	vm_str(m, "sg_mobile", e.sg_mobile);
	vm_str(m, "minister_name", e.minister_name);
	vm_str(m, "minister_email", e.minister_email);
	vm_str(m, "minister_mobile", e.minister_mobile);
	vm_bool(m, "can_edit", perm_allows(me, ACT_ENTITY_MANAGE, sc));
	vm_bool(m, "can_staff", perm_allows(me, ACT_STAFF_ACCOUNTS, sc));
	vm_bool(m, "can_add_sub", perm_role_may(me, ACT_ENTITY_MANAGE));
	/* Its sub-departments and its sectors. */
	if ((res = db_query(r->db, r->a, SQL_ENTITY_CHILDREN,
	    DB_ARGS(DB_U(parent, e.id)))) == NULL)
		return 500;
	l = vm_list(m, "children");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ENTITY_CHILDREN_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, ENTITY_CHILDREN_NAME_AR),
		    dbres_str(res, ENTITY_CHILDREN_NAME_EN)));
		vm_str(it, "kind", kind_label(r,
		    dbres_str(res, ENTITY_CHILDREN_KIND)));
		vm_bool(it, "inactive",
		    dbres_int(res, ENTITY_CHILDREN_ACTIVE) == 0);
		vm_bool(m, "has_children", 1);
	}
	if ((res = db_query(r->db, r->a, SQL_ENTITY_SECTORS_CHOSEN,
	    DB_ARGS(DB_U(entity, e.id)))) == NULL)
		return 500;
	l = vm_list(m, "entity_sectors");
	while (dbres_next(res))
		vm_str(vm_push(l), "name", present_pick(r,
		    dbres_str(res, ENTITY_SECTORS_CHOSEN_NAME_AR),
		    dbres_str(res, ENTITY_SECTORS_CHOSEN_NAME_EN)));
	if ((res = db_query(r->db, r->a, SQL_ENTITY_STAFF,
	    DB_ARGS(DB_U(entity, e.id)))) == NULL)
		return 500;
	l = vm_list(m, "staff");
	while (dbres_next(res)) {
		unsigned long long uid = dbres_u(res, ENTITY_STAFF_ID);
		enum role role = perm_role(dbres_str(res, ENTITY_STAFF_ROLE));
		enum action need = perm_account_action(role);

		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ENTITY_STAFF_ID));
		vm_str(it, "name", dbres_str(res, ENTITY_STAFF_FULL_NAME));
		vm_str(it, "email", dbres_str(res, ENTITY_STAFF_EMAIL));
		vm_str(it, "role", present_label(r, perm_role_labels,
		    ROLE__MAX, role));
		if (uid == e.liaison_user_id)
			vm_str(it, "role", tr(r, liaison_labels[0]));
		if (uid == e.alternate_user_id)
			vm_str(it, "role", tr(r, liaison_labels[1]));
		vm_bool(it, "active", dbres_int(res, ENTITY_STAFF_ACTIVE));
		vm_bool(it, "invited", !dbres_int(res, ENTITY_STAFF_VERIFIED));
		/* Who may switch this account on or off. */
		vm_bool(it, "manageable", uid != r->sess->user_id &&
		    need != ACT_NONE && perm_allows(me, need, sc));
	}
	http_form_model(r, m);
	entity_forms_model(r, m);
	r->status = status;
	return http_render(r, "staff/entity", m);
}

int
page_entity(struct req *r)
{
	return entity_show(r, 200);
}

int
page_entity_edit_form(struct req *r)
{
	struct val	*m, *f;
	struct entity	 e;
	int		 rc, k;

	if ((rc = entity_fetch(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_ENTITY_MANAGE, e.id))
		return 403;
	m = http_model(r);
	vm_str(m, "title", tr(r, "Edit the entity"));
	vm_str(m, "action", arena_printf(r->a, "/staff/entities/%llu/edit",
	    e.id));
	if (entity_form_model(r, m, e.id, e.kind_name, e.parent_id) == -1)
		return 500;
	{
		/* The stored values in the fields (kind, parent and
		 * sectors are choices, drawn above). */
		const char *const val[ENT__MAX] = {
			[ENT_NAME_AR] = e.name_ar,
			[ENT_NAME_EN] = e.name_en,
			[ENT_SLUG] = e.slug,
			[ENT_CONTACT_EMAIL] = e.contact_email,
			[ENT_SG_NAME] = e.sg_name,
			[ENT_SG_EMAIL] = e.sg_email,
			[ENT_SG_MOBILE] = e.sg_mobile,
			[ENT_MINISTER_NAME] = e.minister_name,
			[ENT_MINISTER_EMAIL] = e.minister_email,
			[ENT_MINISTER_MOBILE] = e.minister_mobile,
		};
		f = vm_child(m, "f");
		for (k = 0; k < ENT__MAX; k++)
			if (val[k] != NULL)
				vm_str(vm_child(f, entity_params[k].name),
				    "value", val[k]);
	}
	return http_render(r, "staff/entity_form", m);
}

int
page_entity_edit(struct req *r)
{
	struct entity	 e;
	int		 rc;

	if ((rc = entity_fetch(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_ENTITY_MANAGE, e.id))
		return 403;
	return entity_save(r, e.id);
}

struct newstaff {
	unsigned long long	 eid;
	enum role		 role;	/* liaison, coordinator, supervisor */
	int			 alternate;	/* the alternate liaison */
	const char		*email, *full_name, *mobile;
	int			 email_key;	/* the form's e-mail field */
};

/* Tells prev, replaced as liaison officer (alternate: of that role) of
 * the entity, in their language: 0 or -1. */
static int
liaison_replaced_mail(struct req *r, unsigned long long prev, int alternate,
    const char *ent_ar, const char *ent_en, const char *newname)
{
	struct dbres	*u;
	const char	*lang, *ent;

	if ((u = db_query(r->db, r->a, SQL_STAFF_USER_CONTACT,
	    DB_ARGS(DB_U(id, prev)))) == NULL)
		return -1;
	if (!dbres_next(u))
		return 0;
	lang = dbres_str(u, STAFF_USER_CONTACT_LANG);
	ent = (lang && strcmp(lang, "en") == 0 && ent_en && *ent_en) ?
	    ent_en : ent_ar;
	return outbox_email(r->db, dbres_str(u, STAFF_USER_CONTACT_EMAIL),
	    i18n_subst(r->a, i18n_get(lang, "Replaced as {1}: {2}"),
	    i18n_get(lang, liaison_labels[alternate]), ent, NULL),
	    i18n_subst(r->a, i18n_get(lang, "The ministry has named {1} as "
	    "{2} of {3} on Sharek, in place of you.\n\nYour account stays "
	    "open as a coordinator of the entity, without the liaison "
	    "officer's approvals.  If this is a mistake, contact the "
	    "ministry."), newname, i18n_get(lang, liaison_labels[alternate]),
	    ent, NULL));
}

/* Art. 6-ب: uid becomes the entity's primary (or alternate) liaison
 * officer.  Whoever held that role is replaced: no longer a liaison
 * officer (users.role), told by e-mail, audited; when uid held the
 * other role, that one falls vacant (one person cannot be both).
 * entities.liaison_user_id / alternate_user_id are the record (their
 * unique keys, migration 0010). */
static enum outcome
liaison_name(struct req *r, struct newstaff *s, unsigned long long uid,
    const struct dbres *ent)
{
	unsigned long long lia = dbres_u(ent, ENTITY_LIAISONS_LOCK_LIAISON_USER_ID);
	unsigned long long alt = dbres_u(ent,
	    ENTITY_LIAISONS_LOCK_ALTERNATE_USER_ID);
	unsigned long long prev = s->alternate ? alt : lia;
	unsigned long long other = s->alternate ? lia : alt;
	const char	*ent_ar = dbres_str(ent, ENTITY_LIAISONS_LOCK_NAME_AR);
	const char	*ent_en = dbres_str(ent, ENTITY_LIAISONS_LOCK_NAME_EN);

	if (other == uid && db_exec(r->db, s->alternate ?
	    SQL_ENTITY_SET_LIAISON : SQL_ENTITY_SET_ALTERNATE, DB_ARGS(
	    DB_NULL(user), DB_U(entity, s->eid))) < 0)
		return OUT_ERROR;
	if (db_exec(r->db, s->alternate ? SQL_ENTITY_SET_ALTERNATE :
	    SQL_ENTITY_SET_LIAISON, DB_ARGS(DB_U(user, uid),
	    DB_U(entity, s->eid))) < 0)
		return OUT_ERROR;
	if (prev == 0 || prev == uid)
		return OUT_OK;
	if (db_exec(r->db, SQL_STAFF_USER_DEMOTE_LIAISON,
	    DB_ARGS(DB_U(id, prev))) < 0)
		return OUT_ERROR;
	if (liaison_replaced_mail(r, prev, s->alternate, ent_ar, ent_en,
	    s->full_name) == -1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, s->eid), s->alternate ?
	    "entity.alternate_replaced" : "entity.liaison_replaced", "user",
	    prev, arena_printf(r->a, "replaced by %s <%s> in entity %llu",
	    s->full_name, s->email, s->eid)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static enum outcome
newstaff_tx(struct req *r, void *arg)
{
	struct newstaff	*s = arg;
	struct dbres	*res, *ent;
	unsigned long long uid;
	enum outcome	 out;
	int		 isnew = 0;

	if ((ent = db_query(r->db, r->a, SQL_ENTITY_LIAISONS_LOCK,
	    DB_ARGS(DB_U(id, s->eid)))) == NULL)
		return OUT_ERROR;
	if (!dbres_next(ent))
		return OUT_NOTFOUND;
	res = db_query(r->db, r->a, SQL_STAFF_USER_BY_EMAIL,
	    DB_ARGS(DB_S(email, s->email)));
	if (res == NULL)
		return OUT_ERROR;
	if (dbres_next(res)) {
		uid = dbres_u(res, STAFF_USER_BY_EMAIL_ID);
		if (s->role != ROLE_LIAISON || !entity_may_name_liaison(
		    perm_role(dbres_str(res, STAFF_USER_BY_EMAIL_ROLE)),
		    dbres_u(res, STAFF_USER_BY_EMAIL_ENTITY_ID), s->eid)) {
			http_arg_error(r, s->email_key, "This e-mail address "
			    "already belongs to another account.");
			return OUT_INVALID;
		}
		if (db_exec(r->db, SQL_STAFF_USER_MAKE_LIAISON, DB_ARGS(
		    DB_U(entity, s->eid), DB_U(id, uid))) < 0)
			return OUT_ERROR;
	} else {
		if (db_exec(r->db, SQL_STAFF_USER_INSERT, DB_ARGS(
		    DB_S(email, s->email), DB_S(full_name, s->full_name),
		    DB_S(mobile, s->mobile), DB_S(lang, "ar"),
		    DB_S(role, perm_role_name(s->role)),
		    DB_U(entity, s->eid),
		    DB_U(created_by, r->sess->user_id))) != 1)
			return OUT_ERROR;
		uid = db_insert_id(r->db);
		isnew = 1;
	}
	if (s->role == ROLE_LIAISON &&
	    (out = liaison_name(r, s, uid, ent)) != OUT_OK)
		return out;
	if (isnew && staff_invite(r, uid, s->email, "ar",
	    dbres_str(ent, ENTITY_LIAISONS_LOCK_NAME_AR),
	    dbres_str(ent, ENTITY_LIAISONS_LOCK_NAME_EN),
	    s->role == ROLE_LIAISON ? liaison_labels[s->alternate] :
	    perm_role_labels[s->role]) == -1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, s->eid),
	    s->role != ROLE_LIAISON ? "user.create" : s->alternate ?
	    "entity.alternate" : "entity.liaison", "user", uid,
	    arena_printf(r->a, "%s <%s> as %s of entity %llu", s->full_name,
	    s->email, s->alternate ? "alternate liaison" :
	    perm_role_name(s->role), s->eid)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
newstaff(struct req *r, struct newstaff *s)
{
	const char	*url;

	if (r->nerr > 0)
		return entity_show(r, 422);
	url = arena_printf(r->a, "/staff/entities/%llu", s->eid);
	switch (http_form_tx(r, newstaff_tx, s, url, NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, url);
	case OUT_INVALID:
		return entity_show(r, 422);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

int
page_entity_liaison(struct req *r)
{
	struct entity	 e;
	struct newstaff	 s;
	int		 rc;

	if ((rc = entity_fetch(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_ENTITY_MANAGE, e.id))
		return 403;
	memset(&s, 0, sizeof(s));
	s.eid = e.id;
	s.role = ROLE_LIAISON;
	s.alternate = http_arg_int(r, LIAISON_WHICH, 0) == WHICH_ALTERNATE;
	s.email = http_arg_str(r, LIAISON_EMAIL);
	s.full_name = http_arg_str(r, LIAISON_FULL_NAME);
	s.mobile = http_arg_str(r, LIAISON_MOBILE);
	s.email_key = LIAISON_EMAIL;
	return newstaff(r, &s);
}

int
page_entity_staff(struct req *r)
{
	struct entity	 e;
	struct newstaff	 s;
	int		 rc;

	if ((rc = entity_fetch(r, &e)) != 0)
		return rc;
	if (!staff_may(r, ACT_STAFF_ACCOUNTS, e.id))
		return 403;
	memset(&s, 0, sizeof(s));
	s.eid = e.id;
	s.role = staff_role_of[http_arg_int(r, STAFFNEW_ROLE, 1)];
	s.email = http_arg_str(r, STAFFNEW_EMAIL);
	s.full_name = http_arg_str(r, STAFFNEW_FULL_NAME);
	s.mobile = http_arg_str(r, STAFFNEW_MOBILE);
	s.email_key = STAFFNEW_EMAIL;
	return newstaff(r, &s);
}

struct setactive {
	unsigned long long eid;
	int		 on;
	unsigned long long uid;
	const char	*label;
};

static enum outcome
setactive_tx(struct req *r, void *arg)
{
	struct setactive *s = arg;
	struct dbres	*res;

	/* Found, not changed, rows count: switching on an account that is
	 * on already is still the decision recorded. */
	if ((res = db_query(r->db, r->a, SQL_STAFF_USER_LOCK,
	    DB_ARGS(DB_U(id, s->uid)))) == NULL)
		return OUT_ERROR;
	if (!dbres_next(res))
		return OUT_NOTFOUND;
	if (db_exec(r->db, SQL_STAFF_USER_SET_ACTIVE, DB_ARGS(
	    DB_I(active, s->on), DB_U(id, s->uid))) < 0)
		return OUT_ERROR;
	/* A deactivated account is signed out everywhere at once. */
	if (!s->on && db_exec(r->db, SQL_SESSION_DELETE_USER, DB_ARGS(
	    DB_U(user_id, s->uid))) < 0)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor_for(r, s->eid), s->on ?
	    "user.activate" : "user.deactivate", "user", s->uid, s->label) ==
	    -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
set_active(struct req *r, int on)
{
	struct dbres	*u;
	struct setactive s;
	enum action	 need;
	const char	*url;

	u = db_query(r->db, r->a, SQL_STAFF_USER_GET,
	    DB_ARGS(DB_U(id, r->segi[0])));
	if (u == NULL)
		return 500;
	if (!dbres_next(u))
		return 404;
	s.eid = dbres_u(u, STAFF_USER_GET_ENTITY_ID);
	s.on = on;
	s.uid = dbres_u(u, STAFF_USER_GET_ID);
	s.label = arena_printf(r->a, "%s <%s>", dbres_str(u,
	    STAFF_USER_GET_FULL_NAME), dbres_str(u, STAFF_USER_GET_EMAIL));
	need = perm_account_action(perm_role(dbres_str(u,
	    STAFF_USER_GET_ROLE)));
	if (s.uid == r->sess->user_id || need == ACT_NONE ||
	    !staff_may(r, need, s.eid))
		return 403;
	url = arena_printf(r->a, "/staff/entities/%llu", s.eid);
	switch (http_form_tx(r, setactive_tx, &s, url, NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, url);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
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
