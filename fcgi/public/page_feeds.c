/*
 * page_feeds.c — Atom (RFC 4287) and RSS 2.0 feeds of newly opened
 * consultations, surveys and polls, and of newly published results, for
 * subscribers and other sites (domain.md §7).  Written with libxml2's
 * xmlTextWriter streamed to the response, never with templates.
 *
 * GET /feeds/activities.atom   entity, sector, kind, lang
 * GET /feeds/activities.rss    the same as RSS 2.0
 * GET /feeds/results.atom      newly published results; the same filters
 * GET /feeds/results.rss       the same as RSS 2.0
 * Anyone; public activities only (feeds are read anonymously).  The
 * filters combine (entity with its sub-departments, sector, kind); lang
 * chooses the language of the texts (else the reader's).
 * Ids are tag URIs (RFC 4151) that never change with the address the
 * portal is reached at or the filters: tag:HOST,DATE:activity-ID for a
 * new activity, tag:HOST,DATE:results-ID for its results (HOST from
 * base_url, DATE [feeds] tag_date, default 2026); RSS guids are the same
 * (isPermaLink="false").
 *
 * Every public page announces the feeds matching what it shows
 * (feeds_decorate, <link rel="alternate"> in views/partials/head): the
 * list of consultations its filters' feeds, an activity's page its
 * entity's feeds, any other page the portal's.
 * Conditional GET: ETag/Last-Modified from the newest entry.  The feed's
 * own link is the feed's path and the declared parameters as validated
 * (present_query): an undeclared key or a byte that is not UTF-8 never
 * reaches the XML, and a bad filter is a 400 before any is written.
 *
 * RSS readers take <title> and <description> as HTML (RSS 2.0 leaves it
 * open and they all do), so those are written as HTML text — escaped for
 * HTML, then for XML: a summary typed with "<script>" reaches the reader
 * as "&lt;script&gt;", which it shows as typed.  Atom says type="text"
 * and carries the text once escaped.
 */
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "activity.h"
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

#define FEED_ENTRIES	50	/* the window a feed shows */

static const char *const langs[] = { "ar", "en", NULL };

const struct param feed_params[FP__MAX] = {
	[FP_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1,
	    .max = 1LL << 40 },
	[FP_SECTOR] = { .name = "sector", .type = PT_INT, .min = 1,
	    .max = 1LL << 30 },
	[FP_KIND] = { .name = "kind", .type = PT_ENUM,
	    .choices = act_kind_names },
	[FP_LANG] = { .name = "lang", .type = PT_ENUM, .choices = langs },
};

/* One entry of either feed. */
struct entry {
	unsigned long long	 id;
	enum act_kind		 kind;
	const char		*title;
	const char		*summary;
	const char		*who;		/* the entity */
	time_t			 published;
	time_t			 updated;
};

/* The entries of the feed asked for, in the request's language. */
static int
feed_entries(struct req *r, int results, struct entry **out, int *n)
{
	struct dbres	*res;
	struct activity	 a;
	struct entry	*e;
	const struct pval *kind = http_arg(r, FP_KIND);

	if (results)
		res = db_query(r->db, r->a, SQL_FEEDS_RESULTS, DB_ARGS(
		    DB_U(entity, http_arg_int(r, FP_ENTITY, 0)),
		    DB_U(sector, http_arg_int(r, FP_SECTOR, 0)),
		    DB_S(kind, kind->set ? act_kind_names[kind->i] : NULL),
		    DB_I(limit, FEED_ENTRIES)));
	else
		res = db_query(r->db, r->a, SQL_FEED_ACTIVITIES, DB_ARGS(
		    DB_U(entity, http_arg_int(r, FP_ENTITY, 0)),
		    DB_U(sector, http_arg_int(r, FP_SECTOR, 0)),
		    DB_S(kind, kind->set ? act_kind_names[kind->i] : NULL),
		    DB_I(limit, FEED_ENTRIES)));
	if (res == NULL)
		return -1;
	*out = e = arena_zalloc(r->a, sizeof(*e) * (size_t)(dbres_rows(res) +
	    1));
	*n = 0;
	while (dbres_next(res)) {
		if (results) {
			e->id = dbres_u(res, FEEDS_RESULTS_ID);
			e->kind = activity_kind(dbres_str(res,
			    FEEDS_RESULTS_KIND));
			e->title = present_pick(r,
			    dbres_str(res, FEEDS_RESULTS_TITLE_AR),
			    dbres_str(res, FEEDS_RESULTS_TITLE_EN));
			e->summary = present_pick(r,
			    dbres_str(res, FEEDS_RESULTS_SUMMARY_AR),
			    dbres_str(res, FEEDS_RESULTS_SUMMARY_EN));
			e->who = present_pick(r,
			    dbres_str(res, FEEDS_RESULTS_ENTITY_NAME_AR),
			    dbres_str(res, FEEDS_RESULTS_ENTITY_NAME_EN));
			e->published = dbres_time(res,
			    FEEDS_RESULTS_PUBLISHED_AT);
			e->updated = dbres_time(res,
			    FEEDS_RESULTS_UPDATED_AT);
		} else {
			activity_fill(&a, res);
			e->id = a.id;
			e->kind = a.kind;
			e->title = present_pick(r, a.title_ar, a.title_en);
			e->summary = present_pick(r, a.summary_ar,
			    a.summary_en);
			e->who = present_pick(r, a.entity_name_ar,
			    a.entity_name_en);
			e->published = a.publish_at;
			e->updated = a.updated_at;
		}
		if (e->kind >= AK__MAX)
			e->kind = AK_CONSULTATION;
		e++;
		(*n)++;
	}
	return 0;
}

/* Text as HTML text, for an RSS element a reader takes as HTML (the
 * XML writer escapes it again).  Arena-owned; NULL stays NULL. */
static const char *
feed_html(struct req *r, const char *s)
{
	struct buf	 b;

	if (s == NULL)
		return NULL;
	buf_init(&b, r->a);
	buf_adds(&b, "");
	buf_html(&b, s, strlen(s));
	return b.data;
}

static const char *const feed_files[2][2] = {
	{ "activities.atom", "activities.rss" },
	{ "results.atom", "results.rss" },
};

static int
feed(struct req *r, int results, int rss)
{
	xmlTextWriterPtr w;
	const char	*base = http_base_url(), *self, *title, *tag, *q;
	const char	*idtag, *list;
	struct entry	*ents;
	time_t		 newest = 0;
	struct buf	 etag;
	int		 i, n;

	if (r->nerr > 0)
		return 400;
	/* The feed's language is the request's (lang=, or the reader's). */
	if (http_arg(r, FP_LANG)->set)
		r->lang = langs[http_arg(r, FP_LANG)->i];
	if (feed_entries(r, results, &ents, &n) == -1)
		return 500;
	/* The validator: a hash of the language and the entries. */
	buf_init(&etag, r->a);
	buf_printf(&etag, "%s|%d", r->lang, rss);
	for (i = 0; i < n; i++) {
		if (ents[i].updated > newest)
			newest = ents[i].updated;
		buf_printf(&etag, "|%llu@%lld", ents[i].id,
		    (long long)ents[i].updated);
	}
	{
		unsigned char h[16];
		char hex[33];
		crypto_generichash(h, sizeof(h), (unsigned char *)etag.data,
		    etag.len, NULL, 0);
		sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
		tag = arena_printf(r->a, "\"%s\"", hex);
	}
	/* Readers poll: answer 304 when nothing changed. */
	if (http_fresh(r, tag, newest))
		return 304;

	title = tr(r, results ? "Sharek — published results" :
	    "Sharek — new consultations, surveys and polls");
	q = present_query(r, -1);
	self = arena_printf(r->a, "%s/feeds/%s%s%s", base,
	    feed_files[results][rss], *q ? "?" : "", q);
	/* The page that lists what the feed shows: its filters but lang. */
	q = present_query(r, FP_LANG);
	list = arena_printf(r->a, "%s/consultations%s%s%s", base, *q ? "?" : "",
	    q, results ? (*q ? "&state=results" : "?state=results") : "");
	idtag = present_feed_tag(r);
	if (rss) {
		if ((w = xmlw_begin(r, "application/rss+xml; charset=utf-8"))
		    == NULL)
			return 500;
		xmlTextWriterStartElement(w, BAD_CAST "rss");
		xmlTextWriterWriteAttribute(w, BAD_CAST "version",
		    BAD_CAST "2.0");
		xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns:atom",
		    BAD_CAST "http://www.w3.org/2005/Atom");
		xmlTextWriterStartElement(w, BAD_CAST "channel");
		xmlw_elem(w, "title", feed_html(r, title));
		xmlw_elem(w, "link", list);
		xmlw_elem(w, "description", feed_html(r, title));
		xmlw_elem(w, "language", r->lang);
		xmlTextWriterStartElement(w, BAD_CAST "atom:link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST self);
		xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "self");
		xmlTextWriterWriteAttribute(w, BAD_CAST "type",
		    BAD_CAST "application/rss+xml");
		xmlTextWriterEndElement(w);
		if (newest)
			xmlw_elem(w, "lastBuildDate", present_feed_date(r, newest, 1));
	} else {
		if ((w = xmlw_begin(r, "application/atom+xml; charset=utf-8"))
		    == NULL)
			return 500;
		xmlTextWriterStartElement(w, BAD_CAST "feed");
		xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
		    BAD_CAST "http://www.w3.org/2005/Atom");
		xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang",
		    BAD_CAST r->lang);
		q = present_query(r, FP_LANG);
		xmlw_elem(w, "id", arena_printf(r->a, "%sfeeds/%s%s%s%s",
		    idtag, results ? "results" : "activities", *q ? "?" : "",
		    q, http_arg(r, FP_LANG)->set ? arena_printf(r->a,
		    "%slang=%s", *q ? "&" : "?", r->lang) : ""));
		xmlw_elem(w, "title", title);
		xmlw_elem(w, "updated", present_feed_date(r, newest ? newest :
		    time(NULL), 0));
		xmlTextWriterStartElement(w, BAD_CAST "link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "self");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST self);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST list);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "author");
		xmlw_elem(w, "name", tr(r, "Sharek"));
		xmlTextWriterEndElement(w);
	}
	for (i = 0; i < n; i++) {
		const struct entry *e = &ents[i];
		const char *url = arena_printf(r->a, "%s/consultations/%llu",
		    base, e->id);
		const char *kind = act_kind_names[e->kind];
		const char *id = arena_printf(r->a, "%s%s-%llu", idtag,
		    results ? "results" : "activity", e->id);

		if (rss) {
			xmlTextWriterStartElement(w, BAD_CAST "item");
			xmlw_elem(w, "title", feed_html(r, e->title));
			xmlw_elem(w, "link", url);
			xmlTextWriterStartElement(w, BAD_CAST "guid");
			xmlTextWriterWriteAttribute(w, BAD_CAST "isPermaLink",
			    BAD_CAST "false");
			xmlTextWriterWriteString(w, BAD_CAST id);
			xmlTextWriterEndElement(w);
			xmlw_elem(w, "description", feed_html(r, e->summary));
			xmlw_elem(w, "category", kind);
			xmlw_elem(w, "pubDate", present_feed_date(r, e->published, 1));
			xmlTextWriterEndElement(w);
			continue;
		}
		xmlTextWriterStartElement(w, BAD_CAST "entry");
		xmlw_elem(w, "id", id);
		xmlw_elem(w, "title", e->title);
		xmlTextWriterStartElement(w, BAD_CAST "link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST url);
		xmlTextWriterEndElement(w);
		xmlw_elem(w, "published", present_feed_date(r, e->published, 0));
		xmlw_elem(w, "updated", present_feed_date(r, e->updated ? e->updated :
		    e->published, 0));
		xmlTextWriterStartElement(w, BAD_CAST "author");
		xmlw_elem(w, "name", e->who);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "category");
		xmlTextWriterWriteAttribute(w, BAD_CAST "term", BAD_CAST kind);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "summary");
		xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "text");
		xmlTextWriterWriteString(w, BAD_CAST e->summary);
		xmlTextWriterEndElement(w);
		xmlTextWriterEndElement(w);
	}
	if (rss)
		xmlTextWriterEndElement(w);	/* channel */
	xmlTextWriterEndElement(w);
	return xmlw_end(w) == 0 ? 200 : 500;
}

int
page_feed_activities_atom(struct req *r)
{
	return feed(r, 0, 0);
}

int
page_feed_activities_rss(struct req *r)
{
	return feed(r, 0, 1);
}

int
page_feed_results_atom(struct req *r)
{
	return feed(r, 1, 0);
}

int
page_feed_results_rss(struct req *r)
{
	return feed(r, 1, 1);
}

/* One <link rel="alternate"> of views/partials/head. */
static void
feeds_link(struct req *r, struct val *l, int results, int rss,
    const char *q, int filtered)
{
	struct val	*it = vm_push(l);
	const char	*title;

	vm_str(it, "type", rss ? "application/rss+xml" :
	    "application/atom+xml");
	vm_strf(it, "href", "/feeds/%s%s%s", feed_files[results][rss],
	    *q ? "?" : "", q);
	title = results ? (filtered ? tr(r, "Published results shown here") :
	    tr(r, "Published results")) : (filtered ?
	    tr(r, "New consultations, surveys and polls shown here") :
	    tr(r, "New consultations, surveys and polls"));
	vm_strf(it, "title", "%s (%s)", title, rss ? "RSS" : "Atom");
}

/* m["feeds"]: those of the filters q first ("" for none), then the
 * portal's own. */
static void
feeds_list(struct req *r, struct val *m, const char *q)
{
	struct val	*l = vm_list(m, "feeds");
	int		 results, rss;

	for (results = 0; results < 2; results++)
		for (rss = 0; rss < 2; rss++)
			feeds_link(r, l, results, rss, q, *q != '\0');
	if (*q != '\0')
		for (results = 0; results < 2; results++)
			for (rss = 0; rss < 2; rss++)
				feeds_link(r, l, results, rss, "", 0);
}

/* The feeds of a page (app.decorate, every page of sharek-public): the
 * list of consultations announces the feeds of its filters, every page
 * the portal's own.  An activity's page announces its entity's once it
 * has read the activity (feeds_activity): no statement of its own. */
void
feeds_decorate(struct req *r, struct val *m)
{
	struct buf	 q;

	buf_init(&q, r->a);
	buf_adds(&q, "");
	if (r->route != NULL && r->route->params == consult_list_params) {
		const struct pval *k = http_arg(r, CL_KIND);
		if (http_arg(r, CL_ENTITY)->set)
			buf_printf(&q, "entity=%lld",
			    http_arg_int(r, CL_ENTITY, 0));
		if (http_arg(r, CL_SECTOR)->set)
			buf_printf(&q, "%ssector=%lld", q.len ? "&" : "",
			    http_arg_int(r, CL_SECTOR, 0));
		if (k->set && k->i >= 0 && k->i < AK__MAX)
			buf_printf(&q, "%skind=%s", q.len ? "&" : "",
			    act_kind_names[k->i]);
	} else if (r->route != NULL && r->nseg == 1 &&
	    strcmp(r->route->pattern, "/consultations/{id}") == 0)
		return;
	feeds_list(r, m, q.data);
}

void
feeds_activity(struct req *r, struct val *m, const struct activity *a)
{
	/* The entity's feeds list public activities only. */
	feeds_list(r, m, a->audience == AA_PUBLIC ? arena_printf(r->a,
	    "entity=%llu", a->entity_id) : "");
}
