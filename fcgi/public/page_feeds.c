/*
 * page_feeds.c — Atom (RFC 4287) and RSS 2.0 feeds of newly opened
 * consultations, surveys and polls, and of newly published results, for
 * subscribers and other sites (domain.md §7).  Written with libxml2's
 * xmlTextWriter streamed to the response, never with templates.
 *
 * GET /feeds/activities.atom   entity, sector, kind, lang
 * GET /feeds/activities.rss    the same as RSS 2.0
 * GET /feeds/results.atom      newly published results
 * Anyone.  Conditional GET: ETag/Last-Modified from the newest entry.
 */
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "public.h"
#include "sql_gen.h"
#include "xmlw.h"

static const char *const kinds[] = { "consultation", "survey", "poll", NULL };
static const char *const langs[] = { "ar", "en", NULL };

const struct param feed_params[] = {
	{ "entity", PT_INT, 0, 1, 1LL << 40, NULL, NULL },
	{ "sector", PT_INT, 0, 1, 1LL << 30, NULL, NULL },
	{ "kind", PT_ENUM, 0, 0, 0, kinds, NULL },
	{ "lang", PT_ENUM, 0, 0, 0, langs, NULL },
};
const int feed_nparams = 4;

static time_t
feed_time(const char *s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || strptime(s, "%Y-%m-%d %H:%M:%S", &tm) == NULL)
		return 0;
	return timegm(&tm);
}

/* RFC 3339 for Atom, RFC 822 for RSS. */
static const char *
feed_date(struct req *r, time_t t, int rss)
{
	struct tm	 tm;
	char		 buf[64];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), rss ? "%a, %d %b %Y %H:%M:%S +0000" :
	    "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(r->a, buf);
}

static const char *
pick(const char *lang, const char *ar, const char *en)
{
	if (strcmp(lang, "en") == 0 && en != NULL && *en)
		return en;
	return ar != NULL ? ar : "";
}

static int
feed(struct req *r, int results, int rss)
{
	struct dbres	*res;
	xmlTextWriterPtr w;
	const char	*lang = http_str(r, "lang") ? http_str(r, "lang") :
	    r->lang, *base = http_base_url(), *ent = http_str(r, "entity"),
	    *sec = http_str(r, "sector"), *kind = http_str(r, "kind");
	const char	*self, *title, *tag;
	time_t		 newest = 0;
	struct buf	 etag;

	if (r->nerr > 0)
		return 400;
	if (results)
		res = db_query(r->db, r->a, SQL_FEED_RESULTS, "");
	else
		res = db_query(r->db, r->a, SQL_FEED_ACTIVITIES, "sssssss",
		    ent, ent, ent, sec, sec, kind, kind);
	if (res == NULL)
		return 500;
	/* The validator: a hash of the language and the entries. */
	buf_init(&etag, r->a);
	buf_printf(&etag, "%s|%d", lang, rss);
	while (dbres_next(res)) {
		time_t u = feed_time(dbres_str(res, 9));
		if (u > newest)
			newest = u;
		buf_printf(&etag, "|%s@%s", dbres_str(res, 0),
		    dbres_str(res, 9));
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
	dbres_rewind(res);

	title = results ? (strcmp(lang, "en") == 0 ? "Sharek — published "
	    "results" : "شارك — النتائج المنشورة") : (strcmp(lang, "en") == 0 ?
	    "Sharek — new consultations, surveys and polls" :
	    "شارك — الاستشارات والاستبيانات واستطلاعات الرأي الجديدة");
	self = arena_printf(r->a, "%s%s%s%s", base, r->fullpath,
	    r->query && *r->query ? "?" : "", r->query ? r->query : "");
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
		xmlw_elem(w, "title", title);
		xmlw_elem(w, "link", arena_printf(r->a, "%s/consultations",
		    base));
		xmlw_elem(w, "description", title);
		xmlw_elem(w, "language", lang);
		xmlTextWriterStartElement(w, BAD_CAST "atom:link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST self);
		xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "self");
		xmlTextWriterWriteAttribute(w, BAD_CAST "type",
		    BAD_CAST "application/rss+xml");
		xmlTextWriterEndElement(w);
		if (newest)
			xmlw_elem(w, "lastBuildDate", feed_date(r, newest, 1));
	} else {
		if ((w = xmlw_begin(r, "application/atom+xml; charset=utf-8"))
		    == NULL)
			return 500;
		xmlTextWriterStartElement(w, BAD_CAST "feed");
		xmlTextWriterWriteAttribute(w, BAD_CAST "xmlns",
		    BAD_CAST "http://www.w3.org/2005/Atom");
		xmlTextWriterWriteAttribute(w, BAD_CAST "xml:lang",
		    BAD_CAST lang);
		xmlw_elem(w, "id", arena_printf(r->a, "%s/feeds/%s", base,
		    results ? "results" : "activities"));
		xmlw_elem(w, "title", title);
		xmlw_elem(w, "updated", feed_date(r, newest ? newest :
		    time(NULL), 0));
		xmlTextWriterStartElement(w, BAD_CAST "link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "rel", BAD_CAST "self");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST self);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST
		    arena_printf(r->a, "%s/consultations", base));
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "author");
		xmlw_elem(w, "name", strcmp(lang, "en") == 0 ? "Sharek" :
		    "شارك");
		xmlTextWriterEndElement(w);
	}
	while (dbres_next(res)) {
		const char *url = arena_printf(r->a, "%s/consultations/%s",
		    base, dbres_str(res, 0));
		const char *t = pick(lang, dbres_str(res, 2),
		    dbres_str(res, 3));
		const char *sum = pick(lang, dbres_str(res, 4),
		    dbres_str(res, 5));
		const char *who = pick(lang, dbres_str(res, 6),
		    dbres_str(res, 7));
		time_t pub = feed_time(dbres_str(res, 8));
		time_t upd = feed_time(dbres_str(res, 9));

		if (rss) {
			xmlTextWriterStartElement(w, BAD_CAST "item");
			xmlw_elem(w, "title", t);
			xmlw_elem(w, "link", url);
			xmlTextWriterStartElement(w, BAD_CAST "guid");
			xmlTextWriterWriteAttribute(w, BAD_CAST "isPermaLink",
			    BAD_CAST "true");
			xmlTextWriterWriteString(w, BAD_CAST url);
			xmlTextWriterEndElement(w);
			xmlw_elem(w, "description", sum);
			xmlw_elem(w, "category", dbres_str(res, 1));
			xmlw_elem(w, "pubDate", feed_date(r, pub, 1));
			xmlTextWriterEndElement(w);
			continue;
		}
		xmlTextWriterStartElement(w, BAD_CAST "entry");
		xmlw_elem(w, "id", url);
		xmlw_elem(w, "title", t);
		xmlTextWriterStartElement(w, BAD_CAST "link");
		xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST url);
		xmlTextWriterEndElement(w);
		xmlw_elem(w, "published", feed_date(r, pub, 0));
		xmlw_elem(w, "updated", feed_date(r, upd ? upd : pub, 0));
		xmlTextWriterStartElement(w, BAD_CAST "author");
		xmlw_elem(w, "name", who);
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "category");
		xmlTextWriterWriteAttribute(w, BAD_CAST "term",
		    BAD_CAST dbres_str(res, 1));
		xmlTextWriterEndElement(w);
		xmlTextWriterStartElement(w, BAD_CAST "summary");
		xmlTextWriterWriteAttribute(w, BAD_CAST "type", BAD_CAST "text");
		xmlTextWriterWriteString(w, BAD_CAST sum);
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
