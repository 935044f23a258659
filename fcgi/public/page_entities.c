/*
 * page_entities.c — the government entities' public pages (issue 16;
 * Tawasul art. 2, Oman's guide: each entity's plan, charter and blog in
 * one place).
 *
 * GET /entities         no parameters; anyone.  View public/entities: the
 *                       directory, every active entity under its sector
 *                       (the tree of sub-departments).
 * GET /entities/{slug}  no parameters; anyone.  View public/entity: its
 *                       open and past public activities (results among
 *                       them), its latest published annual plan (items
 *                       whose quarter has begun without a published
 *                       activity flagged), its current participation
 *                       charter with its date, its latest blog articles
 *                       and its complaints over the last year (the
 *                       glossary of kpi.h).  404 for an unknown or
 *                       inactive entity.  A constant number of statements.
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "db.h"
#include "entity.h"
#include "http.h"
#include "i18n.h"
#include "kpi.h"
#include "names.h"
#include "plan.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "sql_gen.h"
#include "vm.h"

#define ENT_OPEN_SHOWN	10
#define ENT_PAST_SHOWN	10
#define ENT_BLOG_SHOWN	5
/* The complaints figures cover the last year. */
#define ENT_REQUEST_DAYS	365


/* One entity of the directory. */
struct dir_entity {
	unsigned long long id, parent_id;
	const char	*kind, *name_ar, *name_en, *slug;
};

/* The directory's rows under parent (depth first), into list. */
static void
entities_tree(struct req *r, struct val *list, const struct dir_entity *e,
    int n, unsigned long long parent, int depth)
{
	struct val	*it;
	int		 i;

	if (depth > ENTITY_DEPTH + 1)
		return;
	for (i = 0; i < n; i++) {
		if (e[i].parent_id != parent)
			continue;
		it = vm_push(list);
		vm_str(it, "slug", e[i].slug);
		vm_str(it, "name", present_pick(r, e[i].name_ar, e[i].name_en));
		vm_str(it, "kind", present_label(r, entity_kind_labels,
		    EK__MAX, entity_kind(e[i].kind)));
		entities_tree(r, vm_list(it, "children"), e, n, e[i].id,
		    depth + 1);
		vm_bool(it, "has_children",
		    vm_get(it, "children")->count > 0);
	}
}

int
page_entities(struct req *r)
{
	struct val	*m = http_model(r);
	struct dbres	*res;
	struct dir_entity *e;
	int		 n, i;

	present_cacheable(r);
	vm_str(m, "title", tr(r, "Government entities"));
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITIES_ALL, DB_NOARGS)) ==
	    NULL)
		return 500;
	n = dbres_rows(res);
	e = arena_alloc(r->a, sizeof(*e) * (size_t)(n + 1));
	for (i = 0; i < n && dbres_next(res); i++) {
		e[i].id = dbres_u(res, PUB_ENTITIES_ALL_ID);
		e[i].parent_id = dbres_u(res, PUB_ENTITIES_ALL_PARENT_ID);
		e[i].kind = dbres_str(res, PUB_ENTITIES_ALL_KIND);
		e[i].name_ar = dbres_str(res, PUB_ENTITIES_ALL_NAME_AR);
		e[i].name_en = dbres_str(res, PUB_ENTITIES_ALL_NAME_EN);
		e[i].slug = dbres_str(res, PUB_ENTITIES_ALL_SLUG);
	}
	entities_tree(r, vm_list(m, "entities"), e, i, 0, 0);
	return http_render(r, "public/entities", m);
}

/* The charter's parts in the reader's language. */
static void
entity_charter(struct req *r, struct val *m, struct dbres *res)
{
	static const struct { int ar, en; const char *title; } parts[] = {
		{ PUB_ENTITY_CHARTER_CHANNELS_AR, PUB_ENTITY_CHARTER_CHANNELS_EN,
		    N_("Channels") },
		{ PUB_ENTITY_CHARTER_ACTIVITIES_AR,
		    PUB_ENTITY_CHARTER_ACTIVITIES_EN, N_("Activities offered") },
		{ PUB_ENTITY_CHARTER_COMMITMENTS_AR,
		    PUB_ENTITY_CHARTER_COMMITMENTS_EN,
		    N_("Our commitments on your contributions") },
		{ PUB_ENTITY_CHARTER_DATA_POLICY_AR,
		    PUB_ENTITY_CHARTER_DATA_POLICY_EN, N_("Personal data") },
		{ PUB_ENTITY_CHARTER_EXPECTATIONS_AR,
		    PUB_ENTITY_CHARTER_EXPECTATIONS_EN,
		    N_("What we expect of participants") },
	};
	struct val	*c, *l, *it;
	size_t		 i;

	if (!dbres_next(res))
		return;
	c = vm_child(m, "charter");
	vm_str(c, "body", present_pick(r, dbres_str(res, PUB_ENTITY_CHARTER_BODY_AR),
	    dbres_str(res, PUB_ENTITY_CHARTER_BODY_EN)));
	vm_str(c, "date", present_date(r, dbres_time(res,
	    PUB_ENTITY_CHARTER_UPDATED_AT) > dbres_time(res,
	    PUB_ENTITY_CHARTER_PUBLISHED_AT) ? dbres_time(res,
	    PUB_ENTITY_CHARTER_UPDATED_AT) : dbres_time(res,
	    PUB_ENTITY_CHARTER_PUBLISHED_AT)));
	l = vm_list(c, "parts");
	for (i = 0; i < sizeof(parts) / sizeof(parts[0]); i++) {
		const char *text = present_pick(r, dbres_str(res, parts[i].ar),
		    dbres_str(res, parts[i].en));

		if (text == NULL || *text == '\0')
			continue;
		it = vm_push(l);
		vm_str(it, "title", tr(r, parts[i].title));
		vm_str(it, "text", text);
	}
}

/* The plan's items; one whose quarter has begun and that has no
 * published activity is flagged "not started". */
static void
entity_plan(struct req *r, struct val *m, struct dbres *res)
{
	struct val	*p = NULL, *l = NULL, *it;
	int		 y, q;

	plan_quarter_of(time(NULL) + i18n_tz(), &y, &q);
	while (dbres_next(res)) {
		int year = (int)dbres_int(res, PUB_ENTITY_PLAN_YEAR);
		int quarter = (int)dbres_int(res, PUB_ENTITY_PLAN_QUARTER);
		const char *st = dbres_str(res, PUB_ENTITY_PLAN_ACTIVITY_STATE);
		int k, started = st != NULL &&
		    activity_state_public(activity_state(st));

		if (p == NULL) {
			p = vm_child(m, "plan");
			vm_strf(p, "year", "%d", year);
			l = vm_list(p, "items");
		}
		it = vm_push(l);
		vm_strf(it, "quarter", "%d", quarter);
		vm_str(it, "topic", present_pick(r,
		    dbres_str(res, PUB_ENTITY_PLAN_TOPIC),
		    dbres_str(res, PUB_ENTITY_PLAN_TOPIC_EN)));
		vm_str(it, "target_group", dbres_str(res,
		    PUB_ENTITY_PLAN_TARGET_GROUP));
		vm_str(it, "size", dbres_str(res,
		    PUB_ENTITY_PLAN_TARGET_GROUP_SIZE));
		vm_str(it, "channel", dbres_str(res, PUB_ENTITY_PLAN_CHANNEL));
		vm_str(it, "tools", dbres_str(res, PUB_ENTITY_PLAN_TOOLS));
		k = names_find(plan_status_names, 4, dbres_str(res,
		    PUB_ENTITY_PLAN_STATUS));
		if (k >= 0 && k < 4)
			vm_str(it, "status", tr(r, plan_status_labels[k]));
		if (started)
			vm_str(it, "activity_id", dbres_str(res,
			    PUB_ENTITY_PLAN_ACTIVITY_ID));
		vm_bool(it, "not_started", plan_item_not_started(year,
		    quarter, k, started, y, q));
	}
}

int
page_entity(struct req *r)
{
	struct val	*m = http_model(r), *it, *l;
	struct dbres	*res;
	unsigned long long id, last;
	const char	*name;

	present_cacheable(r);
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_BY_SLUG,
	    DB_ARGS(DB_S(slug, r->seg[0])))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	id = dbres_u(res, PUB_ENTITY_BY_SLUG_ID);
	name = present_pick(r, dbres_str(res, PUB_ENTITY_BY_SLUG_NAME_AR),
	    dbres_str(res, PUB_ENTITY_BY_SLUG_NAME_EN));
	vm_str(m, "title", name);
	vm_str(m, "name", name);
	vm_strf(m, "id", "%llu", id);
	vm_str(m, "slug", dbres_str(res, PUB_ENTITY_BY_SLUG_SLUG));
	vm_str(m, "kind", present_label(r, entity_kind_labels, EK__MAX,
	    entity_kind(dbres_str(res, PUB_ENTITY_BY_SLUG_KIND))));
	if (dbres_str(res, PUB_ENTITY_BY_SLUG_PARENT_SLUG) != NULL) {
		it = vm_child(m, "parent");
		vm_str(it, "slug", dbres_str(res, PUB_ENTITY_BY_SLUG_PARENT_SLUG));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, PUB_ENTITY_BY_SLUG_PARENT_AR),
		    dbres_str(res, PUB_ENTITY_BY_SLUG_PARENT_EN)));
	}
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_CHILDREN,
	    DB_ARGS(DB_U(entity, id)))) == NULL)
		return 500;
	l = vm_list(m, "children");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "slug", dbres_str(res, PUB_ENTITY_CHILDREN_SLUG));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, PUB_ENTITY_CHILDREN_NAME_AR),
		    dbres_str(res, PUB_ENTITY_CHILDREN_NAME_EN)));
	}
	vm_bool(m, "has_children", l->count > 0);
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_OPEN, DB_ARGS(
	    DB_U(entity, id), DB_I(limit, ENT_OPEN_SHOWN + 1)))) == NULL)
		return 500;
	vm_bool(m, "open_more", present_activities_page(r,
	    vm_list(m, "open"), res, ENT_OPEN_SHOWN, &last));
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_PAST, DB_ARGS(
	    DB_U(entity, id), DB_I(limit, ENT_PAST_SHOWN + 1)))) == NULL)
		return 500;
	vm_bool(m, "past_more", present_activities_page(r,
	    vm_list(m, "past"), res, ENT_PAST_SHOWN, &last));
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_PLAN,
	    DB_ARGS(DB_U(entity, id)))) == NULL)
		return 500;
	entity_plan(r, m, res);
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_CHARTER,
	    DB_ARGS(DB_U(entity, id)))) == NULL)
		return 500;
	entity_charter(r, m, res);
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_BLOG, DB_ARGS(
	    DB_U(entity, id), DB_I(limit, ENT_BLOG_SHOWN)))) == NULL)
		return 500;
	l = vm_list(m, "blog");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, PUB_ENTITY_BLOG_TITLE_AR),
		    dbres_str(res, PUB_ENTITY_BLOG_TITLE_EN)));
		vm_str(it, "summary", present_pick(r,
		    dbres_str(res, PUB_ENTITY_BLOG_SUMMARY_AR),
		    dbres_str(res, PUB_ENTITY_BLOG_SUMMARY_EN)));
		vm_str(it, "date", present_date(r, dbres_time(res,
		    PUB_ENTITY_BLOG_PUBLISHED_AT)));
	}
	if ((res = db_query(r->db, r->a, SQL_PUB_ENTITY_REQUESTS, DB_ARGS(
	    DB_U(entity, id), DB_I(days, ENT_REQUEST_DAYS)))) == NULL)
		return 500;
	if (dbres_next(res)) {
		long long rec = dbres_int(res, PUB_ENTITY_REQUESTS_RECEIVED);
		long long late = kpi_permille(dbres_int(res,
		    PUB_ENTITY_REQUESTS_LATE), rec);
		long long resp = kpi_permille(dbres_int(res,
		    PUB_ENTITY_REQUESTS_ANSWERED), rec);

		it = vm_child(m, "requests");
		vm_strf(it, "received", "%lld", rec);
		vm_str(it, "received_label", tr(r, kpi_defs[KF_RECEIVED].label));
		vm_str(it, "received_def", tr(r,
		    kpi_defs[KF_RECEIVED].definition));
		vm_str(it, "late_label", tr(r, kpi_defs[KF_LATE].label));
		vm_str(it, "late_def", tr(r, kpi_defs[KF_LATE].definition));
		vm_str(it, "late", late < 0 ? "—" : arena_printf(r->a,
		    "%lld.%lld %%", late / 10, late % 10));
		vm_str(it, "responded_label", tr(r,
		    kpi_defs[KF_RESPONDED].label));
		vm_str(it, "responded_def", tr(r,
		    kpi_defs[KF_RESPONDED].definition));
		vm_str(it, "responded", resp < 0 ? "—" : arena_printf(r->a,
		    "%lld.%lld %%", resp / 10, resp % 10));
	}
	return http_render(r, "public/entity", m);
}
