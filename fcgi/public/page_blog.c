/*
 * page_blog.c — the entities' blog, public side (issue 16; Oman's guide:
 * an article every three months).  Only published articles (published_at
 * set and past) are ever shown; a draft is a 404.
 *
 * GET /blog                   blog_list_params: entity (a slug), before
 *                             (keyset: older than that article); every
 *                             published article, newest first, 20 a page.
 *                             View public/blog.
 * GET /entities/{slug}/blog   the same for one entity (404 if unknown).
 * GET /blog/{id}              one article.  View public/blog_post.
 * GET /feeds/blog.atom        blog_feed_params: entity (a slug); the
 *                             latest 50 articles as Atom (RFC 4287) on
 *                             the kernel's xmlw, ids tag URIs (RFC 4151)
 *                             tag:HOST,DATE:blog-ID as page_feeds.c's.
 * Anyone.  Each blog page announces its feed (autodiscovery) beside the
 * portal's.  Titles, summaries and bodies are user text: isolated.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "sql_gen.h"
#include "vm.h"
#include "xmlw.h"

#define BLOG_SHOWN	20
#define BLOG_FEED_ENTRIES	50

const struct param blog_list_params[BLL__MAX] = {
	[BLL_ENTITY] = { .name = "entity", .type = PT_STR, .min = 1,
	    .max = 40, .label = N_("Entity") },
	[BLL_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = 1LL << 50 },
};

const struct param blog_feed_params[BLF__MAX] = {
	[BLF_ENTITY] = { .name = "entity", .type = PT_STR, .min = 1,
	    .max = 40 },
};

/* The entity's slug the request is about (the path's or ?entity=), or
 * NULL for every entity. */
static const char *
blog_slug(struct req *r, int key)
{
	if (r->nseg > 0 && strstr(r->route->pattern, "/entities/") != NULL)
		return r->seg[0];
	return http_arg_str(r, key);
}

/* The name of entity slug in the request's language into *name (NULL
 * for every entity): 0, 404 when there is no such entity, 500. */
static int
blog_entity(struct req *r, const char *slug, const char **name)
{
	struct dbres	*res;

	*name = NULL;
	if (slug == NULL)
		return 0;
	if ((res = db_query(r->db, r->a, SQL_BLOG_ENTITY_NAME, DB_ARGS(
	    DB_S(slug, slug)))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	*name = present_pick(r, dbres_str(res, BLOG_ENTITY_NAME_NAME_AR),
	    dbres_str(res, BLOG_ENTITY_NAME_NAME_EN));
	return 0;
}

/* Autodiscovery: the blog's feed (the entity's when filtered). */
static void
blog_feed_link(struct req *r, struct val *m, const char *slug)
{
	struct val	*it = vm_push(vm_list(m, "feeds"));
	const char	*href = slug != NULL ? arena_printf(r->a,
	    "/feeds/blog.atom?entity=%s", slug) : "/feeds/blog.atom";

	vm_str(it, "type", "application/atom+xml");
	vm_str(it, "href", href);
	vm_strf(it, "title", "%s (Atom)", slug != NULL ?
	    tr(r, "Blog articles shown here") : tr(r, "Blog articles"));
	vm_str(m, "feed", href);
}

int
page_blog(struct req *r)
{
	struct val	*m, *l, *it;
	struct dbres	*res;
	const char	*slug, *name;
	unsigned long long last = 0;
	int		 n = 0, rc;

	present_cacheable(r);
	if (r->nerr > 0)
		return 400;
	m = http_model(r);
	slug = blog_slug(r, BLL_ENTITY);
	if ((rc = blog_entity(r, slug, &name)) != 0)
		return rc;
	vm_str(m, "entity", name);
	vm_str(m, "entity_slug", slug);
	if ((res = db_query(r->db, r->a, SQL_BLOG_PUBLIC_LIST, DB_ARGS(
	    DB_S(entity, slug), DB_U(before, http_arg_int(r, BLL_BEFORE, 0)),
	    DB_I(limit, BLOG_SHOWN + 1)))) == NULL)
		return 500;
	l = vm_list(m, "posts");
	while (dbres_next(res) && n < BLOG_SHOWN) {
		it = vm_push(l);
		last = dbres_u(res, BLOG_PUBLIC_LIST_ID);
		vm_strf(it, "id", "%llu", last);
		vm_str(it, "title", present_pick(r, dbres_str(res,
		    BLOG_PUBLIC_LIST_TITLE_AR), dbres_str(res,
		    BLOG_PUBLIC_LIST_TITLE_EN)));
		vm_str(it, "summary", present_pick(r, dbres_str(res,
		    BLOG_PUBLIC_LIST_SUMMARY_AR), dbres_str(res,
		    BLOG_PUBLIC_LIST_SUMMARY_EN)));
		vm_str(it, "who", present_pick(r, dbres_str(res,
		    BLOG_PUBLIC_LIST_ENTITY_NAME_AR), dbres_str(res,
		    BLOG_PUBLIC_LIST_ENTITY_NAME_EN)));
		vm_str(it, "who_slug", dbres_str(res,
		    BLOG_PUBLIC_LIST_ENTITY_SLUG));
		vm_str(it, "date", present_date(r, dbres_time(res,
		    BLOG_PUBLIC_LIST_PUBLISHED_AT)));
		n++;
	}
	if (dbres_rows(res) > BLOG_SHOWN)
		vm_strf(m, "more", "%s?%s%s%sbefore=%llu", slug != NULL &&
		    r->nseg > 0 ? arena_printf(r->a, "/entities/%s/blog",
		    slug) : "/blog", slug != NULL && r->nseg == 0 ?
		    "entity=" : "", slug != NULL && r->nseg == 0 ? slug : "",
		    slug != NULL && r->nseg == 0 ? "&" : "", last);
	blog_feed_link(r, m, slug);
	return http_render(r, "public/blog", m);
}

int
page_blog_post(struct req *r)
{
	struct val	*m = http_model(r);
	struct dbres	*res;
	const char	*slug;

	present_cacheable(r);
	if ((res = db_query(r->db, r->a, SQL_BLOG_PUBLIC_GET, DB_ARGS(
	    DB_U(id, r->segi[0])))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	slug = dbres_str(res, BLOG_PUBLIC_GET_ENTITY_SLUG);
	vm_strf(m, "id", "%llu", (unsigned long long)dbres_u(res,
	    BLOG_PUBLIC_GET_ID));
	vm_str(m, "title", present_pick(r, dbres_str(res,
	    BLOG_PUBLIC_GET_TITLE_AR), dbres_str(res,
	    BLOG_PUBLIC_GET_TITLE_EN)));
	vm_str(m, "summary", present_pick(r, dbres_str(res,
	    BLOG_PUBLIC_GET_SUMMARY_AR), dbres_str(res,
	    BLOG_PUBLIC_GET_SUMMARY_EN)));
	vm_str(m, "body", present_pick(r, dbres_str(res,
	    BLOG_PUBLIC_GET_BODY_AR), dbres_str(res, BLOG_PUBLIC_GET_BODY_EN)));
	vm_str(m, "who", present_pick(r, dbres_str(res,
	    BLOG_PUBLIC_GET_ENTITY_NAME_AR), dbres_str(res,
	    BLOG_PUBLIC_GET_ENTITY_NAME_EN)));
	vm_str(m, "who_slug", slug);
	vm_str(m, "date", present_date(r, dbres_time(res,
	    BLOG_PUBLIC_GET_PUBLISHED_AT)));
	blog_feed_link(r, m, slug);
	return http_render(r, "public/blog_post", m);
}

int
page_blog_feed(struct req *r)
{
	struct dbres	*res;
	xmlTextWriterPtr w;
	const char	*base = http_base_url(), *slug, *tag, *title, *s, *name;
	time_t		 newest = 0, t;
	int		 rc;

	if (r->nerr > 0)
		return 400;
	slug = http_arg_str(r, BLF_ENTITY);
	if ((rc = blog_entity(r, slug, &name)) != 0)
		return rc;
	if ((res = db_query(r->db, r->a, SQL_BLOG_PUBLIC_LIST, DB_ARGS(
	    DB_S(entity, slug), DB_U(before, 0),
	    DB_I(limit, BLOG_FEED_ENTRIES)))) == NULL)
		return 500;
	while (dbres_next(res))
		if ((t = dbres_time(res, BLOG_PUBLIC_LIST_UPDATED_AT)) > newest)
			newest = t;
	dbres_rewind(res);
	tag = present_feed_tag(r);
	title = slug != NULL ? arena_printf(r->a, "%s — %s",
	    tr(r, "Blog articles"), name) :
	    tr(r, "Sharek — blog articles of the entities");
	if ((w = xmlw_begin(r, "application/atom+xml; charset=utf-8")) == NULL)
		return 500;
	xmlTextWriterStartElement(w, BAD_CAST "feed");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
	    BAD_CAST "http://www.w3.org/2005/Atom");
	xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang", BAD_CAST r->lang);
	xmlw_elem(w, "id", arena_printf(r->a, "%sfeeds/blog%s%s", tag,
	    slug != NULL ? "?entity=" : "", slug != NULL ? slug : ""));
	xmlw_elem(w, "title", title);
	xmlw_elem(w, "updated", present_feed_date(r, newest ? newest : time(NULL), 0));
	xmlw_link(w, "self", arena_printf(r->a, "%s/feeds/blog.atom%s%s",
	    base, slug != NULL ? "?entity=" : "", slug != NULL ? slug : ""));
	xmlw_link(w, NULL, slug != NULL ? arena_printf(r->a,
	    "%s/entities/%s/blog", base, slug) : arena_printf(r->a, "%s/blog",
	    base));
	xmlTextWriterStartElement(w, BAD_CAST "author");
	xmlw_elem(w, "name", tr(r, "Sharek"));
	xmlTextWriterEndElement(w);
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, BLOG_PUBLIC_LIST_ID);

		t = dbres_time(res, BLOG_PUBLIC_LIST_PUBLISHED_AT);
		xmlTextWriterStartElement(w, BAD_CAST "entry");
		xmlw_elem(w, "id", arena_printf(r->a, "%sblog-%llu", tag, id));
		xmlw_elem(w, "title", present_pick(r, dbres_str(res,
		    BLOG_PUBLIC_LIST_TITLE_AR), dbres_str(res,
		    BLOG_PUBLIC_LIST_TITLE_EN)));
		xmlw_link(w, NULL, arena_printf(r->a, "%s/blog/%llu", base,
		    id));
		xmlw_elem(w, "published", present_feed_date(r, t, 0));
		xmlw_elem(w, "updated", present_feed_date(r, dbres_isnull(res,
		    BLOG_PUBLIC_LIST_UPDATED_AT) ? t : dbres_time(res,
		    BLOG_PUBLIC_LIST_UPDATED_AT), 0));
		xmlTextWriterStartElement(w, BAD_CAST "author");
		xmlw_elem(w, "name", present_pick(r, dbres_str(res,
		    BLOG_PUBLIC_LIST_ENTITY_NAME_AR), dbres_str(res,
		    BLOG_PUBLIC_LIST_ENTITY_NAME_EN)));
		xmlTextWriterEndElement(w);
		s = present_pick(r, dbres_str(res, BLOG_PUBLIC_LIST_SUMMARY_AR),
		    dbres_str(res, BLOG_PUBLIC_LIST_SUMMARY_EN));
		if (s != NULL) {
			xmlTextWriterStartElement(w, BAD_CAST "summary");
			xmlTextWriterWriteAttribute(w, BAD_CAST "type",
			    BAD_CAST "text");
			xmlTextWriterWriteString(w, BAD_CAST s);
			xmlTextWriterEndElement(w);
		}
		xmlTextWriterEndElement(w);
	}
	xmlTextWriterEndElement(w);
	return xmlw_end(w) == 0 ? 200 : 500;
}
