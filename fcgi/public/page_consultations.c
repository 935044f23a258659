/*
 * page_consultations.c — consultations, surveys and polls for citizens.
 *
 * GET  /consultations          entity, sector, kind, state (open|closed|
 *                              results), q (Arabic-normalised search),
 *                              before (keyset).  View public/consultations.
 * GET  /consultations/{id}     every field of Tawasul art. 9-أ, the
 *                              timeline, the document article by article
 *                              with comment counts, attachments, links,
 *                              extensions, published comments (before,
 *                              article), the reader's own pending ones.
 *                              A constant number of statements.
 * POST /consultations/{id}/comments   body (≤ 5000), article → 303
 *                              Signed-in users; pending until moderated
 *                              (3 working days, art. 9-ب).  The same text
 *                              on the same article within 10 minutes
 *                              stores nothing new; rate limits per user
 *                              and per address answer 429.
 * Restricted consultations are visible to their targets only;
 * inter-agency ones never (404).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "calendar.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "vm.h"
#include "workflow.h"

#define COMMENT_MAX		5000
#define RATE_USER_10MIN		10
#define RATE_IP_10MIN		30

static const char *const kinds[] = { "consultation", "survey", "poll", NULL };
static const char *const states[] = { "open", "closed", "results", NULL };
static const char *const audiences[] = { "public", "restricted", NULL };

const struct param consult_list_params[] = {
	{ "entity", PT_INT, 0, 1, 1LL << 40, NULL, NULL, NULL },
	{ "sector", PT_INT, 0, 1, 1LL << 30, NULL, NULL, NULL },
	{ "kind", PT_ENUM, 0, 0, 0, kinds, NULL, NULL },
	{ "state", PT_ENUM, 0, 0, 0, states, NULL, NULL },
	{ "q", PT_STR, 0, 0, 200, NULL, NULL, NULL },
	{ "before", PT_INT, 0, 1, 1LL << 62, NULL, NULL, NULL },
	{ "audience", PT_ENUM, 0, 0, 0, audiences, NULL, NULL },
};
const int consult_list_nparams = 7;

const struct param consult_show_params[] = {
	{ "before", PT_INT, 0, 1, 1LL << 62, NULL, NULL, NULL },
	{ "article", PT_INT, 0, 1, 1LL << 62, NULL, NULL, NULL },
	{ "posted", PT_BOOL, 0, 0, 0, NULL, NULL, NULL },
	{ "dup", PT_BOOL, 0, 0, 0, NULL, NULL, NULL },
};
const int consult_show_nparams = 4;

const struct param comment_params[] = {
	{ "body", PT_TEXT, P_REQ, 1, COMMENT_MAX, NULL, NULL, NULL },
	{ "article", PT_INT, 0, 0, 1LL << 62, NULL, NULL, NULL },
};
const int comment_nparams = 2;

/* Who the reader is, for restricted audiences. */
static void
reader(struct req *r, long long *entity, long long *user)
{
	*entity = r->sess ? (long long)r->sess->entity_id : -1;
	*user = r->sess ? (long long)r->sess->user_id : -1;
	if (*entity == 0)
		*entity = -1;
}

int
page_consultations(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	long long	 ent, usr, last = 0;
	const char	*entity, *sector, *kind, *state, *q = NULL;
	int		 n = 0;
	struct buf	 qs;

	vm_str(m, "title", tr(r, "Consultations, surveys and polls"));
	http_form_model(r, m);
	if (r->nerr > 0)
		r->status = 400;
	reader(r, &ent, &usr);
	entity = http_str(r, "entity");
	sector = http_str(r, "sector");
	kind = http_str(r, "kind");
	state = http_str(r, "state");
	if (http_str(r, "q") != NULL) {
		q = textnorm(r->a, http_str(r, "q"), strlen(http_str(r, "q")));
		if (*q == '\0')
			q = NULL;
	}
	res = db_query(r->db, r->a, SQL_CONSULT_LIST, "iisssssssssssssssi",
	    ent, usr, entity, entity, entity, sector, sector, kind, kind,
	    http_str(r, "audience"), http_str(r, "audience"),
	    state, state, state, state, q, q,
	    http_int(r, "before", 1LL << 62));
	if (res == NULL)
		return 500;
	l = vm_list(m, "items");
	vm_bool(m, "more", present_activities_page(r, l, res, 20, &last));
	vm_bool(m, "empty", l->count == 0);
	/* The filters as a query string, for the next page. */
	buf_init(&qs, r->a);
	{
		static const char *keys[] = { "entity", "sector", "kind",
		    "state", "q", "audience" };
		size_t i;
		for (i = 0; i < sizeof(keys) / sizeof(keys[0]); i++) {
			const char *v = http_str(r, keys[i]);
			if (v == NULL)
				continue;
			buf_printf(&qs, "%s=", keys[i]);
			buf_url(&qs, v, strlen(v));
			buf_addc(&qs, '&');
		}
	}
	vm_str(m, "filters", qs.data);
	vm_int(m, "last", last);
	if ((res = db_query(r->db, r->a, SQL_CONSULT_FILTER_ENTITIES, ""))
	    == NULL)
		return 500;
	l = vm_list(m, "entities");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", present_pick(r, dbres_str(res, 1), dbres_str(res, 2)));
		vm_bool(it, "sub", !dbres_isnull(res, 3));
		vm_bool(it, "selected", entity != NULL &&
		    strcmp(entity, dbres_str(res, 0)) == 0);
	}
	if ((res = db_query(r->db, r->a, SQL_CONSULT_FILTER_SECTORS, ""))
	    == NULL)
		return 500;
	l = vm_list(m, "sectors");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", present_pick(r, dbres_str(res, 1), dbres_str(res, 2)));
		vm_bool(it, "selected", sector != NULL &&
		    strcmp(sector, dbres_str(res, 0)) == 0);
	}
	vm_bool(m, "kind_consultation", kind && !strcmp(kind, "consultation"));
	vm_bool(m, "kind_survey", kind && !strcmp(kind, "survey"));
	vm_bool(m, "kind_poll", kind && !strcmp(kind, "poll"));
	vm_bool(m, "state_open", state && !strcmp(state, "open"));
	vm_bool(m, "state_closed", state && !strcmp(state, "closed"));
	vm_bool(m, "state_results", state && !strcmp(state, "results"));
	vm_bool(m, "aud_public", http_str(r, "audience") &&
	    !strcmp(http_str(r, "audience"), "public"));
	vm_bool(m, "aud_restricted", http_str(r, "audience") &&
	    !strcmp(http_str(r, "audience"), "restricted"));
	(void)n;
	return http_render(r, "public/consultations", m);
}

static const char *
state_label(struct req *r, const char *s)
{
	if (strcmp(s, "open") == 0)
		return tr(r, "Open for comments");
	if (strcmp(s, "published") == 0)
		return tr(r, "Results published");
	if (strcmp(s, "closed") == 0)
		return tr(r, "Closed");
	return tr(r, "Closed — results in preparation");
}

static const char *
sizetext(struct req *r, const char *bytes)
{
	long long	 n = bytes ? strtoll(bytes, NULL, 10) : 0;

	if (n >= 1 << 20)
		return arena_printf(r->a, "%.1f MB", (double)n / (1 << 20));
	return arena_printf(r->a, "%lld KB", (n + 1023) / 1024);
}

/* Loads activity {id} if the reader may see it: 0, or 404/500. */
static int
consult_load(struct req *r, struct dbres **out)
{
	struct dbres	*a;
	long long	 ent, usr;
	const char	*st, *aud;

	reader(r, &ent, &usr);
	a = db_query(r->db, r->a, SQL_CONSULT_GET, "iii", ent, usr,
	    r->segi[0]);
	if (a == NULL)
		return 500;
	if (!dbres_next(a))
		return 404;
	st = dbres_str(a, 5);
	aud = dbres_str(a, 3);
	if (strcmp(st, "open") != 0 && strcmp(st, "closed") != 0 &&
	    strcmp(st, "analysis") != 0 && strcmp(st, "report_submitted") != 0
	    && strcmp(st, "report_approved") != 0 &&
	    strcmp(st, "published") != 0)
		return 404;
	/* Not even a hint that it exists. */
	if (strcmp(aud, "interagency") == 0)
		return 404;
	if (strcmp(aud, "restricted") == 0 && !dbres_int(a, 30))
		return 404;
	*out = a;
	return 0;
}

static int
show_consultation(struct req *r, struct dbres *a)
{
	struct val	*m = http_model(r), *l, *it, *tl;
	struct dbres	*res;
	long long	 id = r->segi[0], last = 0;
	const char	*art = http_str(r, "article");
	int		 n = 0, open;

	open = strcmp(dbres_str(a, 5), "open") == 0;
	vm_str(m, "id", dbres_str(a, 0));
	vm_str(m, "title", present_pick(r, dbres_str(a, 6), dbres_str(a, 7)));
	vm_str(m, "title_ar", dbres_str(a, 6));
	vm_str(m, "title_en", dbres_str(a, 7));
	vm_str(m, "summary", present_pick(r, dbres_str(a, 8), dbres_str(a, 9)));
	vm_str(m, "objectives", present_pick(r, dbres_str(a, 10), dbres_str(a, 11)));
	vm_str(m, "announcements", present_pick(r, dbres_str(a, 12),
	    dbres_str(a, 13)));
	vm_str(m, "kind_label", tr(r, strcmp(dbres_str(a, 1), "survey") == 0 ?
	    N_("Survey") : strcmp(dbres_str(a, 1), "poll") == 0 ? N_("Poll") :
	    N_("Consultation")));
	vm_bool(m, "restricted", strcmp(dbres_str(a, 3), "restricted") == 0);
	vm_bool(m, "urgent", dbres_int(a, 4));
	vm_str(m, "state", dbres_str(a, 5));
	vm_str(m, "state_label", state_label(r, dbres_str(a, 5)));
	vm_bool(m, "open", open);
	vm_bool(m, "is_pdf", strcmp(dbres_str(a, 14), "pdf") == 0 &&
	    !dbres_isnull(a, 15));
	vm_str(m, "pdf_name", dbres_str(a, 26));
	vm_str(m, "pdf_size", sizetext(r, dbres_str(a, 27)));
	vm_str(m, "entity", present_pick(r, dbres_str(a, 24), dbres_str(a, 25)));
	vm_str(m, "comments", dbres_str(a, 21));
	vm_str(m, "participants", dbres_str(a, 22));
	vm_str(m, "version", dbres_str(a, 23));
	if (open) {
		long long left = (dbres_int(a, 28) - (long long)time(NULL)) /
		    86400;
		vm_int(m, "days_left", left < 0 ? 0 : left);
	}
	/* The timeline of domain.md §3 item 6–7. */
	tl = vm_list(m, "timeline");
	{
		static const struct { int col; const char *label; } steps[] = {
			{ 16, N_("Published") },
			{ 17, N_("Closes") },
			{ 19, N_("Analysis results due") },
			{ 20, N_("Final publication due") },
		};
		size_t i;
		time_t now = time(NULL);
		for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
			const char *v = dbres_str(a, steps[i].col);
			struct tm tm;
			if (v == NULL)
				continue;
			memset(&tm, 0, sizeof(tm));
			strptime(v, "%Y-%m-%d %H:%M:%S", &tm);
			it = vm_push(tl);
			vm_str(it, "label", tr(r, steps[i].label));
			vm_str(it, "date", present_sqldate(r, v));
			vm_str(it, "iso", arena_printf(r->a, "%.10s", v));
			vm_bool(it, "past", timegm(&tm) <= now);
		}
	}
	if (dbres_int(a, 29) > 0) {
		vm_bool(m, "extended", 1);
		vm_str(m, "original_close", present_sqldate(r, dbres_str(a, 18)));
	}

	if ((res = db_query(r->db, r->a, SQL_CONSULT_SECTORS, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "sectors");
	while (dbres_next(res))
		vm_str(vm_push(l), "name", present_pick(r, dbres_str(res, 0),
		    dbres_str(res, 1)));

	if ((res = db_query(r->db, r->a, SQL_CONSULT_ARTICLES, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "aid", dbres_str(res, 0));
		vm_str(it, "number", dbres_str(res, 1));
		vm_str(it, "heading", present_pick(r, dbres_str(res, 2),
		    dbres_str(res, 3)));
		vm_str(it, "body", present_pick(r, dbres_str(res, 4), dbres_str(res, 5)));
		vm_str(it, "count", dbres_str(res, 6));
		vm_bool(it, "selected", art != NULL &&
		    strcmp(art, dbres_str(res, 0)) == 0);
	}
	vm_bool(m, "has_articles", l->count > 0);

	if ((res = db_query(r->db, r->a, SQL_CONSULT_ATTACHMENTS, "i", id))
	    == NULL)
		return 500;
	l = vm_list(m, "attachments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "title", present_pick(r, dbres_str(res, 0), dbres_str(res, 1)));
		vm_str(it, "file", dbres_str(res, 2));
		vm_str(it, "size", sizetext(r, dbres_str(res, 4)));
	}
	if ((res = db_query(r->db, r->a, SQL_CONSULT_LINKS, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "links");
	while (dbres_next(res)) {
		const char *url = dbres_str(res, 2);
		it = vm_push(l);
		vm_str(it, "title", present_pick(r, dbres_str(res, 0), dbres_str(res, 1)));
		/* Only web links are links; anything else is shown as text. */
		if (strncmp(url, "https://", 8) == 0 ||
		    strncmp(url, "http://", 7) == 0 || url[0] == '/')
			vm_str(it, "url", url);
		else
			vm_str(it, "text", url);
	}
	/* What citizens see changes only through dated versions. */
	if ((res = db_query(r->db, r->a, SQL_CONSULT_VERSIONS, "i", id))
	    == NULL)
		return 500;
	l = vm_list(m, "versions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "v", dbres_str(res, 0));
		vm_str(it, "at", present_sqldate(r, dbres_str(res, 1)));
		vm_str(it, "reason", dbres_str(res, 2));
	}
	vm_bool(m, "has_versions", l->count > 0);
	if ((res = db_query(r->db, r->a, SQL_CONSULT_EXTENSIONS, "i", id))
	    == NULL)
		return 500;
	l = vm_list(m, "extensions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_int(it, "days", dbres_int(res, 0) / 86400);
		vm_str(it, "until", present_sqldate(r, dbres_str(res, 1)));
		vm_str(it, "reason", present_pick(r, dbres_str(res, 2), dbres_str(res, 3)));
		vm_str(it, "granted", present_sqldate(r, dbres_str(res, 4)));
	}

	res = db_query(r->db, r->a, SQL_CONSULT_COMMENTS, "iiss", id,
	    http_int(r, "before", 1LL << 62), art, art);
	if (res == NULL)
		return 500;
	l = vm_list(m, "published");
	while (dbres_next(res)) {
		if (++n > 20) {
			vm_bool(m, "more_comments", 1);
			break;
		}
		last = dbres_int(res, 0);
		it = vm_push(l);
		vm_str(it, "cid", dbres_str(res, 0));
		vm_str(it, "body", dbres_str(res, 2));
		vm_str(it, "received", present_sqldate(r, dbres_str(res, 3)));
		vm_str(it, "position", present_position(r, dbres_str(res, 4)));
		vm_str(it, "reply", present_pick(r, dbres_str(res, 5), dbres_str(res, 6)));
		if (dbres_int(res, 10))
			vm_str(it, "author", tr(r, "A former participant"));
		else if (dbres_str(res, 7) != NULL &&
		    strcmp(dbres_str(res, 7), "organisation") == 0)
			vm_str(it, "author", dbres_str(res, 9));
		else
			vm_str(it, "author", dbres_str(res, 8));
		vm_str(it, "article", dbres_str(res, 11));
	}
	vm_int(m, "last_comment", last);
	vm_str(m, "article_filter", art);

	if (r->sess != NULL) {
		res = db_query(r->db, r->a, SQL_CONSULT_MY_COMMENTS, "iu", id,
		    r->sess->user_id);
		if (res == NULL)
			return 500;
		l = vm_list(m, "mine");
		while (dbres_next(res)) {
			it = vm_push(l);
			vm_str(it, "body", dbres_str(res, 2));
			vm_str(it, "received", present_sqldate(r,
			    dbres_str(res, 3)));
			vm_bool(it, "pending", strcmp(dbres_str(res, 4),
			    "pending") == 0);
			vm_str(it, "article", dbres_str(res, 5));
			vm_str(it, "reason", present_pick(r, dbres_str(res, 6),
			    dbres_str(res, 7)));
		}
	}
	if (strcmp(dbres_str(a, 5), "published") == 0) {
		res = db_query(r->db, r->a, SQL_CONSULT_REPORT, "i", id);
		if (res == NULL)
			return 500;
		if (dbres_next(res)) {
			it = vm_child(m, "report");
			vm_str(it, "participants", dbres_str(res, 0));
			vm_str(it, "summary", present_pick(r, dbres_str(res, 1),
			    dbres_str(res, 2)));
			vm_str(it, "usage", present_pick(r, dbres_str(res, 3),
			    dbres_str(res, 4)));
			vm_str(it, "published", present_sqldate(r,
			    dbres_str(res, 5)));
		}
	}
	vm_bool(m, "posted", http_int(r, "posted", 0));
	vm_bool(m, "dup", http_int(r, "dup", 0));
	vm_int(m, "comment_max", COMMENT_MAX);
	http_form_model(r, m);
	return http_render(r, "public/consultation", m);
}

int
page_consultation(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = consult_load(r, &a)) != 0)
		return rc;
	return show_consultation(r, a);
}

struct newcomment {
	struct req	*r;
	int		 dup;
	int		 limited;
	int		 closed;
	int		 badarticle;
	const char	*due;
};

static int
comment_tx(struct db *db, void *arg)
{
	struct newcomment *c = arg;
	struct req	*r = c->r;
	struct dbres	*res;
	long long	 id = r->segi[0], ent, usr, art;
	unsigned char	 h[32];
	const char	*body = http_str(r, "body"), *prev;
	int		 rc, first;

	if ((rc = http_nonce_claim(r, NULL, &prev)) != 0) {
		c->dup = 1;
		return rc == 1 ? 1 : -1;
	}
	reader(r, &ent, &usr);
	res = db_query(db, r->a, SQL_COMMENT_ACTIVITY, "iii", ent, usr, id);
	if (res == NULL)
		return -1;
	if (!dbres_next(res) || strcmp(dbres_str(res, 0), "open") != 0 ||
	    strcmp(dbres_str(res, 1), "interagency") == 0 ||
	    (strcmp(dbres_str(res, 1), "restricted") == 0 &&
	    !dbres_int(res, 3))) {
		c->closed = 1;
		return 1;
	}
	art = http_int(r, "article", 0);
	if (art > 0) {
		res = db_query(db, r->a, SQL_COMMENT_ARTICLE_OK, "ii", art, id);
		if (res == NULL)
			return -1;
		if (!dbres_next(res) || dbres_int(res, 0) == 0) {
			c->badarticle = 1;
			return 1;
		}
	}
	crypto_generichash(h, sizeof(h), (const unsigned char *)body,
	    strlen(body), NULL, 0);
	res = db_query(db, r->a, SQL_COMMENT_DUPLICATE, "uisb",
	    r->sess->user_id, id, art > 0 ? arena_printf(r->a, "%lld", art) :
	    NULL, h, sizeof(h));
	if (res == NULL)
		return -1;
	if (dbres_next(res) && dbres_int(res, 0) > 0) {
		c->dup = 1;
		return 1;
	}
	res = db_query(db, r->a, SQL_COMMENT_RATE_USER, "u", r->sess->user_id);
	if (res == NULL)
		return -1;
	if (dbres_next(res) && dbres_int(res, 0) >= RATE_USER_10MIN) {
		c->limited = 1;
		return 1;
	}
	res = db_query(db, r->a, SQL_COMMENT_RATE_IP, "s", r->remote);
	if (res == NULL)
		return -1;
	if (dbres_next(res) && dbres_int(res, 0) >= RATE_IP_10MIN) {
		c->limited = 1;
		return 1;
	}
	res = db_query(db, r->a, SQL_COMMENT_FIRST_BY_USER, "iu", id,
	    r->sess->user_id);
	if (res == NULL || !dbres_next(res))
		return -1;
	first = dbres_int(res, 0) == 0;
	if (db_exec(db, SQL_COMMENT_INSERT, "iiusbss", id, art,
	    r->sess->user_id, body, h, sizeof(h), c->due, r->remote) != 1)
		return -1;
	if (db_exec(db, SQL_COMMENT_COUNT_PENDING, "ii", (long long)first,
	    id) != 1)
		return -1;
	return 0;
}

int
page_comment(struct req *r)
{
	struct dbres	*a;
	struct newcomment c;
	struct calendar	*cal;
	time_t		 due;
	struct tm	 tm;
	char		 buf[32];
	int		 rc;

	if ((rc = consult_load(r, &a)) != 0)
		return rc;
	if (r->nerr > 0) {
		r->status = 422;
		return show_consultation(r, a);
	}
	/* Moderation is due 3 working days after receipt (art. 9-ب). */
	cal = arena_alloc(r->a, sizeof(*cal));
	if (calendar_load(r->db, r->a, cal) == -1)
		return 500;
	due = calendar_add_workdays(cal, time(NULL), 3);
	gmtime_r(&due, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	memset(&c, 0, sizeof(c));
	c.r = r;
	c.due = buf;
	rc = db_tx(r->db, comment_tx, &c);
	if (rc < 0)
		return 500;
	if (c.limited)
		return 429;
	if (c.closed) {
		http_field_error(r, "body", "This consultation is not open "
		    "for comments.");
		r->status = 409;
		return show_consultation(r, a);
	}
	if (c.badarticle) {
		http_field_error(r, "article", "Choose an article of this "
		    "document.");
		r->status = 422;
		return show_consultation(r, a);
	}
	return http_redirect(r, 303, arena_printf(r->a,
	    "/consultations/%lld?%s#mine", r->segi[0], c.dup ? "dup=1" :
	    "posted=1"));
}

/*
 * GET /files/{name}   a document or attachment of a visible activity.
 * nginx sends the bytes (X-Accel-Redirect to an internal location), so
 * a worker is not tied up by a slow download.
 */
int
page_file(struct req *r)
{
	struct dbres	*res;
	long long	 ent, usr;
	const char	*st, *aud, *name, *p;
	struct buf	 cd;

	reader(r, &ent, &usr);
	res = db_query(r->db, r->a, SQL_FILE_GET, "iis", ent, usr, r->seg[0]);
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	st = dbres_str(res, 4);
	aud = dbres_str(res, 5);
	if (strcmp(aud, "interagency") == 0 || (strcmp(aud, "restricted") == 0
	    && !dbres_int(res, 6)) || strcmp(st, "draft") == 0 ||
	    strcmp(st, "submitted") == 0 || strcmp(st, "returned") == 0 ||
	    strcmp(st, "approved") == 0 || strcmp(st, "scheduled") == 0 ||
	    strcmp(st, "withdrawn") == 0)
		return 404;
	/* RFC 6266 / 5987: the original name, percent-encoded UTF-8. */
	name = dbres_str(res, 1);
	buf_init(&cd, r->a);
	buf_adds(&cd, "inline; filename=\"document.pdf\"; filename*=UTF-8''");
	buf_url(&cd, name, strlen(name));
	for (p = dbres_str(res, 0); *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 404;
	http_header(r, "Content-Disposition", cd.data);
	http_header(r, "X-Accel-Redirect", arena_printf(r->a,
	    "/_uploads/%s", dbres_str(res, 0)));
	http_header(r, "Cache-Control", "private, max-age=3600");
	r->ctype_out = dbres_str(res, 2);
	r->status = 200;
	return 200;
}

/*
 * GET /principles   the published moderation principles (art. 9-ب):
 * what a comment must respect to be published.  Anyone.
 */
int
page_principles(struct req *r)
{
	struct val	*m = http_model(r), *l;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Moderation principles"));
	if ((res = db_query(r->db, r->a, SQL_PRINCIPLES_LIST, "")) == NULL)
		return 500;
	l = vm_list(m, "principles");
	while (dbres_next(res))
		vm_str(vm_push(l), "label", present_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
	return http_render(r, "public/principles", m);
}
