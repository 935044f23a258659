/*
 * entity.c — see entity.h.
 */
#include <string.h>

#include "db.h"
#include "entity.h"
#include "names.h"
#include "sql_gen.h"

/* Marks label msgids for scripts/update-po. */
#ifndef N_
#define N_(s)	(s)
#endif

const char *const entity_kind_names[EK__MAX + 1] = {
	"ministry", "department", "institution", "authority", "council",
	"municipality", "company", NULL
};
const char *const entity_kind_labels[EK__MAX] = {
	N_("Ministry"), N_("Department"), N_("Public institution"),
	N_("Authority"), N_("Council"), N_("Municipality"),
	N_("Government-owned company")
};

enum entity_kind
entity_kind(const char *s)
{
	return (enum entity_kind)names_find(entity_kind_names, EK__MAX, s);
}

/* The one reader of the columns of entity_get. */
static void
entity_fill(struct entity *e, const struct dbres *res)
{
	memset(e, 0, sizeof(*e));
	e->id = dbres_u(res, ENTITY_GET_ID);
	e->parent_id = dbres_u(res, ENTITY_GET_PARENT_ID);
	e->kind_name = dbres_str(res, ENTITY_GET_KIND);
	e->kind = entity_kind(e->kind_name);
	e->name_ar = dbres_str(res, ENTITY_GET_NAME_AR);
	e->name_en = dbres_str(res, ENTITY_GET_NAME_EN);
	e->slug = dbres_str(res, ENTITY_GET_SLUG);
	e->is_operator = dbres_int(res, ENTITY_GET_IS_OPERATOR) != 0;
	e->contact_email = dbres_str(res, ENTITY_GET_CONTACT_EMAIL);
	e->sg_name = dbres_str(res, ENTITY_GET_SG_NAME);
	e->sg_email = dbres_str(res, ENTITY_GET_SG_EMAIL);
	e->sg_mobile = dbres_str(res, ENTITY_GET_SG_MOBILE);
	e->minister_name = dbres_str(res, ENTITY_GET_MINISTER_NAME);
	e->minister_email = dbres_str(res, ENTITY_GET_MINISTER_EMAIL);
	e->minister_mobile = dbres_str(res, ENTITY_GET_MINISTER_MOBILE);
	e->liaison_user_id = dbres_u(res, ENTITY_GET_LIAISON_USER_ID);
	e->alternate_user_id = dbres_u(res, ENTITY_GET_ALTERNATE_USER_ID);
	e->active = dbres_int(res, ENTITY_GET_ACTIVE) != 0;
	e->parent_name_ar = dbres_str(res, ENTITY_GET_PARENT_NAME_AR);
	e->parent_name_en = dbres_str(res, ENTITY_GET_PARENT_NAME_EN);
}

int
entity_get(struct db *db, struct arena *a, unsigned long long id,
    struct entity *e)
{
	struct dbres	*res;

	res = db_query(db, a, SQL_ENTITY_GET, DB_ARGS(DB_U(id, id)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	entity_fill(e, res);
	return 1;
}

int
entity_ancestors(struct db *db, struct arena *a, unsigned long long id,
    unsigned long long up[ENTITY_DEPTH])
{
	struct dbres	*res;

	memset(up, 0, sizeof(up[0]) * ENTITY_DEPTH);
	res = db_query(db, a, SQL_ENTITY_ANCESTORS, DB_ARGS(DB_U(id, id)));
	if (res == NULL)
		return -1;
	if (dbres_next(res)) {
		up[0] = dbres_u(res, ENTITY_ANCESTORS_PARENT_ID);
		up[1] = dbres_u(res, ENTITY_ANCESTORS_GRANDPARENT_ID);
		up[2] = dbres_u(res, ENTITY_ANCESTORS_GREAT_GRANDPARENT_ID);
	}
	return 0;
}

int
entity_slug_ok(const char *s)
{
	const char	*p;

	for (p = s; *p; p++)
		if (!((*p >= 'a' && *p <= 'z') || (*p >= '0' && *p <= '9') ||
		    *p == '-'))
			return 0;
	return 1;
}

int
entity_slug_taken(struct db *db, struct arena *a, const char *slug,
    unsigned long long eid)
{
	struct dbres	*res;

	res = db_query(db, a, SQL_ENTITY_SLUG_TAKEN, DB_ARGS(DB_S(slug, slug),
	    DB_U(id, eid)));
	if (res == NULL)
		return -1;
	return dbres_next(res) && dbres_int(res, ENTITY_SLUG_TAKEN_N) > 0;
}

enum entity_parent
entity_check_parent(struct db *db, struct arena *a, unsigned long long eid,
    unsigned long long parent)
{
	struct entity	 p;
	unsigned long long up[ENTITY_DEPTH];
	int		 i;

	switch (entity_get(db, a, parent, &p)) {
	case 1:
		break;
	case 0:
		return EP_MISSING;
	default:
		return EP_ERROR;
	}
	if (eid == 0)
		return EP_OK;
	if (parent == eid)
		return EP_CYCLE;
	/* Below eid: eid is one of the parent's ancestors. */
	if (entity_ancestors(db, a, parent, up) == -1)
		return EP_ERROR;
	for (i = 0; i < ENTITY_DEPTH; i++)
		if (up[i] == eid)
			return EP_CYCLE;
	return EP_OK;
}

int
entity_may_name_liaison(enum role role, unsigned long long user_eid,
    unsigned long long eid)
{
	return role != ROLE_CITIZEN && user_eid == eid;
}

const char *
entity_kind_under(enum entity_kind kind, enum entity_kind parent)
{
	if (parent == EK__MAX)
		return NULL;
	if (kind == EK_MINISTRY)
		return N_("A ministry is a main entity: it cannot be placed "
		    "under another entity.");
	if (parent != EK_MINISTRY && kind != EK_DEPARTMENT)
		return N_("Only a department can be placed under an entity "
		    "that is not a ministry.");
	return NULL;
}

enum entity_kind
entity_kind_default(enum entity_kind parent)
{
	return parent == EK__MAX ? EK__MAX : EK_DEPARTMENT;
}
