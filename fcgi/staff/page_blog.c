/*
 * page_blog.c — the entity blog, staff side (issue 16; Oman's guide: an
 * article every three months).
 *
 * GET  /staff/blog               the entity's articles with their state
 *                                (ACT_ACTIVITY_VIEW).  View staff/blog.
 * GET  /staff/blog/new           the form of a new article
 *                                (ACT_ACTIVITY_DRAFT).  staff/blog_form.
 * POST /staff/blog/new           blog_params → 303 /staff/blog/{id};
 *                                a draft of the signed-in user's entity,
 *                                audited (blog.draft).
 * GET  /staff/blog/{id}          the article: its form while a draft,
 *                                the publish and return forms for the
 *                                liaison officer (ACT_ACTIVITY_APPROVE).
 * POST /staff/blog/{id}          blog_params: the draft edited (a
 *                                published article is not), audited
 *                                (blog.edit); back to a draft if it had
 *                                been returned.
 * POST /staff/blog/{id}/publish  the liaison officer publishes the
 *                                draft (403 for anyone else, nothing
 *                                changed), audited (blog.publish).
 * POST /staff/blog/{id}/return   blog_return_params: reason (required),
 *                                audited (blog.return).
 * Bad input: 422 at its field, everything typed kept.  An article of an
 * entity out of the user's sight is a 404.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "blog.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

const struct param blog_params[BLOG__MAX_KEY] = {
	[BLOG_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ, .min = 1, .max = 300, .label = N_("Title in Arabic") },
	[BLOG_TITLE_EN] = { .name = "title_en", .type = PT_STR, .max = 300,
	    .label = N_("Title in English") },
	[BLOG_SUMMARY_AR] = { .name = "summary_ar", .type = PT_TEXT,
	    .max = 1000, .label = N_("Summary in Arabic"),
	    .hint = N_("Shown in the lists and the feeds.") },
	[BLOG_SUMMARY_EN] = { .name = "summary_en", .type = PT_TEXT,
	    .max = 1000, .label = N_("Summary in English") },
	[BLOG_BODY_AR] = { .name = "body_ar", .type = PT_TEXT,
	    .flags = P_REQ, .min = 1, .max = 100000,
	    .label = N_("Text in Arabic") },
	[BLOG_BODY_EN] = { .name = "body_en", .type = PT_TEXT, .max = 100000,
	    .label = N_("Text in English") },
};

const struct param blog_return_params[BLOG_RETURN__MAX] = {
	[BLOG_RETURN_REASON] = { .name = "reason", .type = PT_TEXT,
	    .flags = P_REQ, .min = 1, .max = 2000,
	    .label = N_("Reason for returning it"),
	    .hint = N_("The author reads it with the article.") },
};

/* One article as staff see it. */
struct post {
	unsigned long long	 id, entity_id;
	struct dbres		*res;
	enum blog_state		 state;
};

/* Loads article {id}: 0, 404 (missing or out of sight), 403 without
 * need on its entity, 500. */
static int
post_load(struct req *r, enum action need, struct post *p)
{
	memset(p, 0, sizeof(*p));
	p->res = db_query(r->db, r->a, SQL_BLOG_GET, DB_ARGS(DB_U(id,
	    r->segi[0])));
	if (p->res == NULL)
		return 500;
	if (!dbres_next(p->res))
		return 404;
	p->id = dbres_u(p->res, BLOG_GET_ID);
	p->entity_id = dbres_u(p->res, BLOG_GET_ENTITY_ID);
	p->state = blog_state(dbres_time(p->res, BLOG_GET_PUBLISHED_AT),
	    dbres_time(p->res, BLOG_GET_RETURNED_AT));
	return staff_may_item(r, need, p->entity_id);
}

int
page_staff_blog(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	enum blog_state	 st;

	res = db_query(r->db, r->a, SQL_BLOG_STAFF_LIST, DB_ARGS(
	    DB_U(entity, r->sess->entity_id)));
	if (res == NULL)
		return 500;
	vm_bool(m, "may_draft", staff_may(r, ACT_ACTIVITY_DRAFT,
	    r->sess->entity_id) && r->sess->entity_id != 0);
	l = vm_list(m, "posts");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_strf(it, "id", "%llu", (unsigned long long)dbres_u(res,
		    BLOG_STAFF_LIST_ID));
		vm_str(it, "title", present_pick(r, dbres_str(res,
		    BLOG_STAFF_LIST_TITLE_AR), dbres_str(res,
		    BLOG_STAFF_LIST_TITLE_EN)));
		st = blog_state(dbres_time(res, BLOG_STAFF_LIST_PUBLISHED_AT),
		    dbres_time(res, BLOG_STAFF_LIST_RETURNED_AT));
		vm_str(it, "state", blog_state_names[st]);
		vm_str(it, "state_label", tr(r, blog_state_labels[st]));
		vm_str(it, "date", present_datetime(r, st == BLOG_PUBLISHED ?
		    dbres_time(res, BLOG_STAFF_LIST_PUBLISHED_AT) :
		    dbres_time(res, BLOG_STAFF_LIST_UPDATED_AT)));
	}
	vm_bool(m, "any", dbres_rows(res) > 0);
	return http_render(r, "staff/blog", m);
}

static int
new_page(struct req *r, int status)
{
	struct val	*m = http_model(r);

	vm_str(m, "action", "/staff/blog/new");
	vm_bool(m, "editable", 1);
	present_form(r, m, PARAMS(blog_params));
	return http_form_page(r, "staff/blog_form", m, status);
}

int
page_staff_blog_new(struct req *r)
{
	if (r->sess->entity_id == 0 || !staff_may(r, ACT_ACTIVITY_DRAFT,
	    r->sess->entity_id))
		return 403;
	return new_page(r, 200);
}

static enum outcome
create_tx(struct req *r, void *arg)
{
	const char	**url = arg;
	unsigned long long id;

	if (db_exec(r->db, SQL_BLOG_INSERT, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_U(author, r->sess->user_id),
	    DB_S(title_ar, http_arg_str(r, BLOG_TITLE_AR)),
	    DB_S(title_en, http_arg_str(r, BLOG_TITLE_EN)),
	    DB_S(summary_ar, http_arg_str(r, BLOG_SUMMARY_AR)),
	    DB_S(summary_en, http_arg_str(r, BLOG_SUMMARY_EN)),
	    DB_S(body_ar, http_arg_str(r, BLOG_BODY_AR)),
	    DB_S(body_en, http_arg_str(r, BLOG_BODY_EN)))) != 1)
		return OUT_ERROR;
	id = db_insert_id(r->db);
	*url = arena_printf(r->a, "/staff/blog/%llu", id);
	if (audit_record(r->db, staff_actor(r), "blog.draft", "blog_post",
	    id, http_arg_str(r, BLOG_TITLE_AR)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_staff_blog_create(struct req *r)
{
	const char	*url = "/staff/blog";

	if (r->sess->entity_id == 0 || !staff_may(r, ACT_ACTIVITY_DRAFT,
	    r->sess->entity_id))
		return 403;
	if (r->nerr > 0)
		return new_page(r, 422);
	return http_form_submit_to(r, create_tx, &url, "/staff/blog", &url);
}

static int
post_page(struct req *r, struct post *p, int status)
{
	struct val	*m = http_model(r), *f;
	struct dbres	*res = p->res;

	vm_strf(m, "id", "%llu", p->id);
	vm_strf(m, "action", "/staff/blog/%llu", p->id);
	vm_str(m, "title", present_pick(r, dbres_str(res, BLOG_GET_TITLE_AR),
	    dbres_str(res, BLOG_GET_TITLE_EN)));
	vm_str(m, "state", blog_state_names[p->state]);
	vm_str(m, "state_label", tr(r, blog_state_labels[p->state]));
	vm_str(m, "return_reason", p->state == BLOG_RETURNED ?
	    dbres_str(res, BLOG_GET_RETURN_REASON) : NULL);
	vm_bool(m, "published", p->state == BLOG_PUBLISHED);
	vm_bool(m, "editable", p->state != BLOG_PUBLISHED &&
	    staff_may(r, ACT_ACTIVITY_DRAFT, p->entity_id));
	vm_bool(m, "may_publish", p->state != BLOG_PUBLISHED &&
	    staff_may(r, ACT_ACTIVITY_APPROVE, p->entity_id));
	vm_str(m, "body_ar", dbres_str(res, BLOG_GET_BODY_AR));
	vm_str(m, "body_en", dbres_str(res, BLOG_GET_BODY_EN));
	present_form(r, m, PARAMS(blog_params));
	present_form(r, m, PARAMS(blog_return_params));
	if (r->route->params != blog_params) {
		/* The stored text in the edit form (typed text on a 422). */
		f = vm_child(m, "f");
		vm_str(vm_child(f, "title_ar"), "value", dbres_str(res,
		    BLOG_GET_TITLE_AR));
		vm_str(vm_child(f, "title_en"), "value", dbres_str(res,
		    BLOG_GET_TITLE_EN));
		vm_str(vm_child(f, "summary_ar"), "value", dbres_str(res,
		    BLOG_GET_SUMMARY_AR));
		vm_str(vm_child(f, "summary_en"), "value", dbres_str(res,
		    BLOG_GET_SUMMARY_EN));
		vm_str(vm_child(f, "body_ar"), "value", dbres_str(res,
		    BLOG_GET_BODY_AR));
		vm_str(vm_child(f, "body_en"), "value", dbres_str(res,
		    BLOG_GET_BODY_EN));
	}
	return http_form_page(r, "staff/blog_form", m, status);
}

int
page_staff_blog_show(struct req *r)
{
	struct post	 p;
	int		 rc;

	if ((rc = post_load(r, ACT_ACTIVITY_VIEW, &p)) != 0)
		return rc;
	return post_page(r, &p, 200);
}

/* The three writes on an article, in the form's transaction. */
enum blog_op { OP_EDIT, OP_PUBLISH, OP_RETURN };
struct blog_write {
	struct post	*p;
	enum blog_op	 op;
};

static enum outcome
write_tx(struct req *r, void *arg)
{
	struct blog_write *w = arg;
	const char	*what, *details;
	int		 n;

	switch (w->op) {
	case OP_EDIT:
		n = db_exec(r->db, SQL_BLOG_UPDATE, DB_ARGS(DB_U(id, w->p->id),
		    DB_S(title_ar, http_arg_str(r, BLOG_TITLE_AR)),
		    DB_S(title_en, http_arg_str(r, BLOG_TITLE_EN)),
		    DB_S(summary_ar, http_arg_str(r, BLOG_SUMMARY_AR)),
		    DB_S(summary_en, http_arg_str(r, BLOG_SUMMARY_EN)),
		    DB_S(body_ar, http_arg_str(r, BLOG_BODY_AR)),
		    DB_S(body_en, http_arg_str(r, BLOG_BODY_EN))));
		what = "blog.edit";
		details = http_arg_str(r, BLOG_TITLE_AR);
		break;
	case OP_PUBLISH:
		n = db_exec(r->db, SQL_BLOG_PUBLISH, DB_ARGS(DB_U(id,
		    w->p->id), DB_U(by, r->sess->user_id)));
		what = "blog.publish";
		details = "";
		break;
	default:
		n = db_exec(r->db, SQL_BLOG_RETURN, DB_ARGS(DB_U(id, w->p->id),
		    DB_S(reason, http_arg_str(r, BLOG_RETURN_REASON))));
		what = "blog.return";
		details = http_arg_str(r, BLOG_RETURN_REASON);
		break;
	}
	if (n < 0)
		return OUT_ERROR;
	if (n == 0)
		return OUT_CONFLICT;	/* published meanwhile */
	if (audit_record(r->db, staff_actor_for(r, w->p->entity_id), what,
	    "blog_post", w->p->id, details) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
post_write(struct req *r, enum blog_op op, enum action need)
{
	struct post	 p;
	struct blog_write w = { &p, op };
	int		 rc;

	if ((rc = post_load(r, need, &p)) != 0)
		return rc;
	if (p.state == BLOG_PUBLISHED)
		return 409;
	if (r->nerr > 0)
		return post_page(r, &p, 422);
	/* Published meanwhile (409): a bare 409, as above. */
	return http_form_submit(r, write_tx, &w, arena_printf(r->a,
	    "/staff/blog/%llu", p.id));
}

int
page_staff_blog_save(struct req *r)
{
	return post_write(r, OP_EDIT, ACT_ACTIVITY_DRAFT);
}

int
page_staff_blog_publish(struct req *r)
{
	return post_write(r, OP_PUBLISH, ACT_ACTIVITY_APPROVE);
}

int
page_staff_blog_return(struct req *r)
{
	return post_write(r, OP_RETURN, ACT_ACTIVITY_APPROVE);
}
