/*
 * page_consultations.c — consultations, surveys and polls for citizens.
 *
 * GET  /consultations          entity, sector, kind, state (open|closed|
 *                              results), q (Arabic-normalised search),
 *                              audience, before (keyset).  Anyone.  View
 *                              public/consultations.
 * GET  /consultations/{id}     every field of Tawasul art. 9-أ, the
 *                              timeline, the document article by article
 *                              with comment counts, attachments, links,
 *                              extensions, published comments (before,
 *                              article: that article's thread, its count
 *                              in the heading and its choice in the
 *                              comment form — "Comment on this article"
 *                              links ?article=ID#comment-form), the
 *                              reader's own pending ones;
 *                              posted, dup (notices after a comment).
 *                              Anyone who may see it (activity_visible).
 *                              A constant number of statements.  View
 *                              public/consultation.
 * POST /consultations/{id}/comments   body (≤ 5000), article → 303
 *                              /consultations/{id}?posted=1#mine.
 *                              Signed-in users; the rules are
 *                              comment_submit() (fcgi/domain/comment.c):
 *                              pending until moderated (3 working days,
 *                              art. 9-ب); the same text on the same
 *                              article within 10 minutes stores nothing
 *                              new (?dup=1); rate limits per user and per
 *                              address answer 429; not open 409, another
 *                              document's article 422 (the page again).
 * Restricted consultations are visible to their targets only;
 * inter-agency ones never (404).
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "buf.h"
#include "cache.h"
#include "comment.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "vm.h"

#define LIST_PAGE	20	/* activities a page of /consultations */
#define COMMENTS_PAGE	20	/* published comments a page */
#define MINE_SHOWN	20	/* the reader's own unpublished comments */
#define VERSIONS_SHOWN	20	/* corrections in the notice */
#define KEYSET_END	(1LL << 62)	/* "before" of the first page */

/* The audiences a citizen may filter by (inter-agency ones are never
 * shown): names by enum act_audience, and what the filter calls them. */
static const char *const listed_audiences[AA_RESTRICTED + 2] = {
	[AA_PUBLIC] = "public", [AA_RESTRICTED] = "restricted", NULL
};
static const char *const audience_filter_labels[AA__MAX] = {
	[AA_PUBLIC] = N_("Public"),
	[AA_RESTRICTED] = N_("Addressed to me or my organisation"),
};

const struct param consult_list_params[CL__MAX] = {
	[CL_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1,
	    .max = 1LL << 40, .label = N_("Government entity") },
	[CL_SECTOR] = { .name = "sector", .type = PT_INT, .min = 1,
	    .max = 1LL << 30, .label = N_("Sector") },
	[CL_KIND] = { .name = "kind", .type = PT_ENUM,
	    .choices = act_kind_names, .choice_labels = act_kind_labels,
	    .label = N_("Kind") },
	[CL_STATE] = { .name = "state", .type = PT_ENUM,
	    .choices = act_phase_names, .choice_labels = act_phase_labels,
	    .label = N_("State") },
	[CL_Q] = { .name = "q", .type = PT_STR, .max = 200,
	    .label = N_("Search") },
	[CL_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = KEYSET_END },
	[CL_AUDIENCE] = { .name = "audience", .type = PT_ENUM,
	    .choices = listed_audiences,
	    .choice_labels = audience_filter_labels, .label = N_("Audience") },
};

const struct param consult_show_params[CSH__MAX] = {
	[CSH_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = KEYSET_END },
	[CSH_ARTICLE] = { .name = "article", .type = PT_INT, .min = 1,
	    .max = KEYSET_END },
	[CSH_POSTED] = { .name = "posted", .type = PT_BOOL },
	[CSH_DUP] = { .name = "dup", .type = PT_BOOL },
};

const struct param comment_params[CF__MAX] = {
	[CF_BODY] = { .name = "body", .type = PT_TEXT, .flags = P_REQ,
	    .min = 1, .max = COMMENT_MAX_CHARS,
	    .label = N_("Comment (up to 5,000 characters)") },
	[CF_ARTICLE] = { .name = "article", .type = PT_INT, .min = 0,
	    .max = KEYSET_END, .label = N_("On") },
};

/* The signed-in reader, for restricted audiences (0: anonymous). */
static unsigned long long
reader(const struct req *r)
{
	return r->sess != NULL ? r->sess->user_id : 0;
}

/* The value of an enum parameter as its name, or NULL when absent. */
static const char *
choice(const struct req *r, int key)
{
	const struct pval *v = http_arg(r, key);

	if (v == NULL || !v->set)
		return NULL;
	return r->route->params[key].choices[v->i];
}

int
page_consultations(struct req *r)
{
	struct val	*m = http_model(r), *l;
	struct dbres	*res;
	unsigned long long last = 0;
	long long	 entity, sector;
	const char	*q = NULL, *filters;

	vm_str(m, "title", tr(r, "Consultations, surveys and polls"));
	present_cacheable(r);
	if (r->nerr == 0) {
		switch (present_list_reuse(r)) {
		case 1:
			return 200;
		case -1:
			return 500;
		}
	}
	http_form_model(r, m);
	if (r->nerr > 0)
		r->status = 400;
	entity = http_arg_int(r, CL_ENTITY, 0);
	sector = http_arg_int(r, CL_SECTOR, 0);
	if (http_arg_str(r, CL_Q) != NULL) {
		q = textnorm_query(r->a, http_arg_str(r, CL_Q),
		    strlen(http_arg_str(r, CL_Q)));
		if (*q == '\0')
			q = NULL;
	}
	res = db_query(r->db, r->a, SQL_CONSULT_LIST, DB_ARGS(
	    DB_U(reader, reader(r)), DB_U(entity, entity),
	    DB_U(sector, sector), DB_S(kind, choice(r, CL_KIND)),
	    DB_S(audience, choice(r, CL_AUDIENCE)),
	    DB_S(state, choice(r, CL_STATE)), DB_S(q, q),
	    DB_U(before, http_arg_int(r, CL_BEFORE, KEYSET_END)),
	    DB_I(limit, LIST_PAGE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "items");
	vm_bool(m, "more", present_activities_page(r, l, res, LIST_PAGE,
	    &last));
	vm_bool(m, "empty", l->count == 0);
	/* The filters for the next page: declared values only. */
	filters = present_query(r, CL_BEFORE);
	vm_str(m, "filters", *filters ? arena_printf(r->a, "%s&", filters) :
	    "");
	vm_strf(m, "last", "%llu", last);

	if (present_filter_choices(r, m, entity, sector) == -1)
		return 500;
	present_choices(r, m, "kinds", act_kind_names, act_kind_labels,
	    AK__MAX, choice(r, CL_KIND));
	present_choices(r, m, "phases", act_phase_names, act_phase_labels,
	    AP__MAX, choice(r, CL_STATE));
	present_choices(r, m, "audiences", listed_audiences,
	    audience_filter_labels, AA_RESTRICTED + 1,
	    choice(r, CL_AUDIENCE));
	return http_render(r, "public/consultations", m);
}

int
consult_activity_cached(struct req *r, unsigned long long site,
    unsigned long long gen, struct activity *a)
{
	struct dbres	*res;

	cache_use(arena_printf(r->a, "activity:%lld", r->segi[0]), site, gen);
	if ((res = cache_query(r->db, r->a, SQL_CONSULT_ACTIVITY,
	    DB_ARGS(DB_U(id, r->segi[0])))) == NULL)
		return 500;
	/* Not even a hint that an invisible one exists. */
	if (!dbres_next(res))
		return 404;
	activity_fill(a, res);
	return 0;
}

/* Loads activity {id} into a if the reader may see it: 0, or 404/500.
 * The activity from the worker's cache, which it sets to the
 * activity's generations (cache_use), and in
 * *stamp everything the page shows besides the request and the clock
 * (consult_gens). */
static int
consult_load_page(struct req *r, struct activity *a, const char **stamp)
{
	struct dbres	*res, *t;
	unsigned long long site, gen;
	long long	 participants;
	int		 rc;

	res = db_query(r->db, r->a, SQL_CONSULT_GENS, DB_ARGS(
	    DB_U(id, r->segi[0])));
	if (res == NULL)
		return 500;
	/* Not even a hint that an invisible one exists. */
	if (!dbres_next(res))
		return 404;
	site = dbres_u(res, CONSULT_GENS_SITE_GEN);
	gen = dbres_u(res, CONSULT_GENS_ACTIVITY_GEN);
	participants = dbres_int(res, CONSULT_GENS_PARTICIPANTS);
	if ((rc = consult_activity_cached(r, site, gen, a)) != 0)
		return rc;
	a->participants = participants;
	if (a->audience == AA_RESTRICTED && reader(r) != 0) {
		if ((t = db_query(r->db, r->a, SQL_CONSULT_READER_IS_TARGET,
		    DB_ARGS(DB_U(id, a->id), DB_U(reader, reader(r))))) ==
		    NULL)
			return 500;
		a->reader_is_target = dbres_next(t) &&
		    dbres_int(t, CONSULT_READER_IS_TARGET_READER_IS_TARGET) != 0;
	}
	if (!activity_visible(a))
		return 404;
	*stamp = arena_printf(r->a, "%llu.%llu.%lld", site, gen,
	    participants);
	return 0;
}

/* The first instant after now at which the clock alone changes the
 * page of a: one of its dates passing (open → closed, the timeline's
 * steps), else [cache] worker_page_seconds (60) from now, which bounds
 * how long "n days left" and today's date may be a step behind. */
static time_t
consult_until(const struct activity *a, time_t now)
{
	const time_t	 t[] = { a->publish_at, a->closes_at,
	    a->results_due_at, a->final_publication_at, a->report_due_at };
	time_t		 until = now + conf_int("cache", "worker_page_seconds",
	    60);
	size_t		 i;

	for (i = 0; i < sizeof(t) / sizeof(t[0]); i++)
		if (t[i] > now && t[i] < until)
			until = t[i];
	return until;
}

/* What the page shows besides the activity: the comments' page and
 * article, and the notices after a comment. */
struct show {
	long long	 before;	/* keyset of published comments */
	long long	 article;	/* 0: comments on every article */
	int		 posted, dup;
};

/* The UTC day of t as YYYY-MM-DD (the datetime of a <time>). */
static const char *
isoday(struct req *r, time_t t)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	return arena_printf(r->a, "%04d-%02d-%02d", tm.tm_year + 1900,
	    tm.tm_mon + 1, tm.tm_mday);
}

/* Draws the page of activity a; status 0 for a plain view, or the
 * status of a comment form shown again (409, 422). */
static int
show_consultation(struct req *r, const struct activity *a,
    const struct show *sh, int status)
{
	struct val	*m = http_model(r), *l, *it, *tl;
	struct dbres	*res;
	struct comment	 c;
	unsigned long long id = a->id, last = 0;
	time_t		 now = time(NULL);
	int		 n = 0, open;
	size_t		 i;
	const struct { time_t t; const char *label; } steps[] = {
		{ a->publish_at, N_("Published") },
		{ a->closes_at, N_("Closes") },
		{ a->results_due_at, N_("Analysis results due") },
		{ a->final_publication_at, N_("Final publication due") },
	};

	/* What changes rarely (articles and their counts, attachments,
	 * links, corrections, extensions, sectors, the report, the
	 * published comments) comes from this worker's cache while the
	 * activity's generation stands (fcgi/core/cache.h, read with the
	 * activity by consult_load_page): one statement for an anonymous
	 * reader when the worker has it all. */
	feeds_activity(r, m, a);
	open = activity_is_open(a, now);
	vm_strf(m, "id", "%llu", id);
	vm_str(m, "title", present_pick(r, a->title_ar, a->title_en));
	vm_str(m, "title_ar", a->title_ar);
	vm_str(m, "title_en", a->title_en);
	vm_str(m, "summary", present_pick(r, a->summary_ar, a->summary_en));
	vm_str(m, "objectives", present_pick(r, a->objectives_ar,
	    a->objectives_en));
	vm_str(m, "announcements", present_pick(r, a->announcements_ar,
	    a->announcements_en));
	vm_str(m, "kind_label", present_label(r, act_kind_labels, AK__MAX,
	    a->kind < AK__MAX ? (int)a->kind : AK_CONSULTATION));
	vm_bool(m, "restricted", a->audience == AA_RESTRICTED);
	vm_bool(m, "urgent", a->urgent);
	vm_bool(m, "open", open);
	present_closing(r, m, a, now);
	vm_bool(m, "is_pdf", a->doc_pdf && a->document_upload_id != 0);
	vm_str(m, "pdf_name", a->document_stored_name);
	vm_str(m, "pdf_size", present_size(r, a->document_size));
	vm_str(m, "entity", present_pick(r, a->entity_name_ar,
	    a->entity_name_en));
	vm_int(m, "comments", a->comments_published);
	vm_int(m, "participants", a->participants);
	vm_int(m, "version", a->version);
	/* The timeline of domain.md §3 item 6–7. */
	tl = vm_list(m, "timeline");
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++) {
		if (steps[i].t == 0)
			continue;
		it = vm_push(tl);
		/* The closing's hour matters (comments until then). */
		if (i == 1) {
			vm_str(it, "label", tr(r, a->closes_at <= now ?
			    "Closed on" : steps[i].label));
			vm_str(it, "date", present_datetime(r, steps[i].t));
		} else {
			vm_str(it, "label", tr(r, steps[i].label));
			vm_str(it, "date", present_date(r, steps[i].t));
		}
		vm_str(it, "iso", isoday(r, steps[i].t));
		vm_bool(it, "past", steps[i].t <= now);
	}
	if (a->extended_seconds > 0) {
		vm_bool(m, "extended", 1);
		vm_str(m, "original_close", present_date(r,
		    a->original_closes_at));
	}

	if ((res = cache_query(r->db, r->a, SQL_CONSULT_SECTORS,
	    DB_ARGS(DB_U(activity, id)))) == NULL)
		return 500;
	l = vm_list(m, "sectors");
	while (dbres_next(res))
		vm_str(vm_push(l), "name", present_pick(r,
		    dbres_str(res, CONSULT_SECTORS_NAME_AR),
		    dbres_str(res, CONSULT_SECTORS_NAME_EN)));
	vm_bool(m, "has_sectors", l->count > 0);

	if ((res = cache_query(r->db, r->a, SQL_CONSULT_ARTICLES,
	    DB_ARGS(DB_U(activity, id)))) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "aid", dbres_str(res, CONSULT_ARTICLES_ID));
		vm_str(it, "number", dbres_str(res,
		    CONSULT_ARTICLES_NUMBER_LABEL));
		vm_str(it, "heading", present_pick(r,
		    dbres_str(res, CONSULT_ARTICLES_TITLE_AR),
		    dbres_str(res, CONSULT_ARTICLES_TITLE_EN)));
		vm_str(it, "body", present_pick(r,
		    dbres_str(res, CONSULT_ARTICLES_BODY_AR),
		    dbres_str(res, CONSULT_ARTICLES_BODY_EN)));
		vm_str(it, "count", dbres_str(res,
		    CONSULT_ARTICLES_COMMENTS_PUBLISHED));
		if (sh->article > 0 && (unsigned long long)sh->article ==
		    dbres_u(res, CONSULT_ARTICLES_ID)) {
			/* The form's choice and the heading's count follow
			 * the article whose thread or form was asked for. */
			vm_bool(it, "selected", 1);
			vm_str(m, "article_count", dbres_str(res,
			    CONSULT_ARTICLES_COMMENTS_PUBLISHED));
			vm_str(m, "article_label", dbres_str(res,
			    CONSULT_ARTICLES_NUMBER_LABEL));
		}
	}
	vm_bool(m, "has_articles", l->count > 0);

	if ((res = cache_query(r->db, r->a, SQL_CONSULT_ATTACHMENTS,
	    DB_ARGS(DB_U(activity, id)))) == NULL)
		return 500;
	l = vm_list(m, "attachments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, CONSULT_ATTACHMENTS_TITLE_AR),
		    dbres_str(res, CONSULT_ATTACHMENTS_TITLE_EN)));
		vm_str(it, "file", dbres_str(res,
		    CONSULT_ATTACHMENTS_STORED_NAME));
		vm_str(it, "size", present_size(r, dbres_int(res,
		    CONSULT_ATTACHMENTS_SIZE)));
	}
	if ((res = cache_query(r->db, r->a, SQL_CONSULT_LINKS,
	    DB_ARGS(DB_U(activity, id)))) == NULL)
		return 500;
	l = vm_list(m, "links");
	while (dbres_next(res)) {
		const char *url = dbres_str(res, CONSULT_LINKS_URL);

		it = vm_push(l);
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, CONSULT_LINKS_TITLE_AR),
		    dbres_str(res, CONSULT_LINKS_TITLE_EN)));
		/* Only web links are links; anything else is shown as text. */
		if (strncmp(url, "https://", 8) == 0 ||
		    strncmp(url, "http://", 7) == 0 || url[0] == '/')
			vm_str(it, "url", url);
		else
			vm_str(it, "text", url);
	}
	/* What citizens see changes only through dated versions. */
	if ((res = cache_query(r->db, r->a, SQL_CONSULT_VERSIONS, DB_ARGS(
	    DB_U(activity, id), DB_I(limit, VERSIONS_SHOWN)))) == NULL)
		return 500;
	l = vm_list(m, "versions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "v", dbres_str(res, CONSULT_VERSIONS_VERSION));
		vm_str(it, "at", present_date(r, dbres_time(res,
		    CONSULT_VERSIONS_AT)));
		vm_str(it, "reason", dbres_str(res, CONSULT_VERSIONS_REASON));
	}
	vm_bool(m, "has_versions", l->count > 0);
	/* A survey or poll without a document shows no empty document
	 * section and takes no comments (activity_takes_comments). */
	vm_bool(m, "has_document", vm_truthy(vm_get(m, "has_articles")) ||
	    vm_truthy(vm_get(m, "is_pdf")) ||
	    vm_get(m, "attachments")->count > 0 ||
	    vm_get(m, "links")->count > 0);
	vm_bool(m, "takes_comments", activity_takes_comments(a,
	    vm_truthy(vm_get(m, "has_articles"))));
	if ((res = cache_query(r->db, r->a, SQL_CONSULT_EXTENSIONS,
	    DB_ARGS(DB_U(activity, id)))) == NULL)
		return 500;
	l = vm_list(m, "extensions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "extended_by", present_count(r, "Extended by {1} day, "
		    "until", "Extended by {1} days, until", dbres_int(res,
		    CONSULT_EXTENSIONS_ADDED_SECONDS) / 86400));
		vm_str(it, "until", present_date(r, dbres_time(res,
		    CONSULT_EXTENSIONS_NEW_CLOSES_AT)));
		vm_str(it, "reason", present_pick(r,
		    dbres_str(res, CONSULT_EXTENSIONS_REASON_AR),
		    dbres_str(res, CONSULT_EXTENSIONS_REASON_EN)));
		vm_str(it, "granted", present_date(r, dbres_time(res,
		    CONSULT_EXTENSIONS_AT)));
	}

	res = cache_query(r->db, r->a, SQL_CONSULT_COMMENTS, DB_ARGS(
	    DB_U(activity, id), DB_U(before, sh->before),
	    DB_U(article, sh->article), DB_I(limit, COMMENTS_PAGE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "published");
	while (dbres_next(res)) {
		if (++n > COMMENTS_PAGE) {
			vm_bool(m, "more_comments", 1);
			break;
		}
		comment_fill(&c, res);
		last = c.id;
		it = vm_push(l);
		vm_strf(it, "cid", "%llu", c.id);
		vm_str(it, "body", c.body);
		vm_str(it, "received", present_date(r, c.received_at));
		vm_str(it, "position", present_position(r, &c));
		vm_str(it, "reply", present_pick(r, c.reply_ar, c.reply_en));
		if (c.author_gone)
			vm_str(it, "author", tr(r, "A former participant"));
		else if (c.author_org)
			vm_str(it, "author", c.author_org_name);
		else
			vm_str(it, "author", c.author_name);
		vm_str(it, "article", c.article_label);
	}
	vm_strf(m, "last_comment", "%llu", last);
	if (sh->article > 0)
		vm_int(m, "article_filter", sh->article);

	if (r->sess != NULL) {
		res = db_query(r->db, r->a, SQL_CONSULT_MY_COMMENTS, DB_ARGS(
		    DB_U(activity, id), DB_U(user, r->sess->user_id),
		    DB_I(limit, MINE_SHOWN)));
		if (res == NULL)
			return 500;
		l = vm_list(m, "mine");
		while (dbres_next(res)) {
			comment_fill(&c, res);
			it = vm_push(l);
			vm_str(it, "body", c.body);
			vm_str(it, "received", present_date(r, c.received_at));
			vm_bool(it, "pending", c.status == CMS_PENDING);
			vm_str(it, "article", c.article_label);
			vm_str(it, "reason", present_pick(r, c.reject_reason_ar,
			    c.reject_reason_en));
		}
	}
	if (a->state == AS_PUBLISHED) {
		res = cache_query(r->db, r->a, SQL_CONSULT_REPORT,
		    DB_ARGS(DB_U(activity, id)));
		if (res == NULL)
			return 500;
		if (dbres_next(res)) {
			it = vm_child(m, "report");
			vm_str(it, "participants", dbres_str(res,
			    CONSULT_REPORT_PARTICIPANTS_COUNT));
			vm_str(it, "summary", present_pick(r,
			    dbres_str(res, CONSULT_REPORT_SUMMARY_AR),
			    dbres_str(res, CONSULT_REPORT_SUMMARY_EN)));
			vm_str(it, "usage", present_pick(r,
			    dbres_str(res, CONSULT_REPORT_USAGE_AR),
			    dbres_str(res, CONSULT_REPORT_USAGE_EN)));
			vm_str(it, "published", present_date(r, dbres_time(res,
			    CONSULT_REPORT_PUBLISHED_AT)));
		}
	}
	/* A survey's or poll's questions, a vote on the draft (issue 12,
	 * page_survey.c). */
	vm_bool(m, "is_survey", a->kind == AK_SURVEY || a->kind == AK_POLL);
	if (survey_vote_model(r, m, a) == -1)
		return 500;
	vm_bool(m, "posted", sh->posted);
	vm_bool(m, "dup", sh->dup);
	vm_int(m, "comment_max", COMMENT_MAX_CHARS);
	if (status != 0)
		return http_form_again(r, "public/consultation", m, status);
	http_form_model(r, m);
	return http_render(r, "public/consultation", m);
}

int
page_consultation(struct req *r)
{
	struct activity	 a;
	struct show	 sh;
	const char	*stamp;
	int		 rc;

	if ((rc = consult_load_page(r, &a, &stamp)) != 0)
		return rc;
	sh.before = http_arg_int(r, CSH_BEFORE, KEYSET_END);
	sh.article = http_arg_int(r, CSH_ARTICLE, 0);
	sh.posted = http_arg_int(r, CSH_POSTED, 0) != 0;
	sh.dup = http_arg_int(r, CSH_DUP, 0) != 0;
	present_cacheable(r);
	/* An anonymous reader's page as this worker last drew it, when
	 * nothing it shows has changed since (issue 17). */
	if (http_page_reuse(r, stamp, consult_until(&a, time(NULL))))
		return 200;
	return show_consultation(r, &a, &sh, 0);
}

/* The comment's transaction: the domain's outcome as the form's.  The
 * fields it concerns are marked here, for the page drawn again. */
static enum outcome
comment_tx(struct req *r, void *arg)
{
	const struct comment_input *in = arg;
	enum comment_outcome co;

	switch ((co = comment_submit(r->db, r->a, in))) {
	case CO_OK:
		return OUT_OK;
	case CO_DUPLICATE:
		/* Like a second submission of the form: nothing stored. */
		return OUT_DUPLICATE;
	case CO_NOT_OPEN:
		http_arg_error(r, CF_BODY, "This consultation is not open "
		    "for comments.");
		return OUT_CONFLICT;
	case CO_NOT_VISIBLE:
		return OUT_NOTFOUND;
	case CO_BAD_ARTICLE:
		http_arg_error(r, CF_ARTICLE, "Choose an article of this "
		    "document.");
		return OUT_INVALID;
	case CO_NO_DOCUMENT:
		http_arg_error(r, CF_BODY, "This is answered through its "
		    "questions: it has no document to comment on.");
		return OUT_CONFLICT;
	case CO_RATE_USER:
	case CO_RATE_ADDRESS:
		/* Not now: the form again with the text kept, saying when
		 * (the page answers 429 with Retry-After). */
		http_arg_error(r, CF_BODY, i18n_subst(r->a, co ==
		    CO_RATE_USER ? tr(r, "You have sent many comments in a "
		    "short time. Your text is kept: please wait {1} minutes "
		    "and send it again.") : tr(r, "Many comments came from "
		    "your connection in a short time. Your text is kept: "
		    "please wait {1} minutes and send it again."),
		    arena_printf(r->a, "%ld", (*in->retry_after + 59) / 60),
		    NULL));
		return OUT_FORBIDDEN;
	default:
		return OUT_ERROR;
	}
}

/* The page with the comment form again under status, the text kept;
 * the comments shown are those of the article chosen, when it is one
 * of this document's. */
static int
comment_again(struct req *r, const struct activity *a, int status)
{
	struct show	 sh;

	memset(&sh, 0, sizeof(sh));
	sh.before = KEYSET_END;
	sh.article = http_arg_int(r, CF_ARTICLE, 0);
	return show_consultation(r, a, &sh, status);
}

int
page_comment(struct req *r)
{
	struct activity	 a;
	struct comment_input in;
	const char	*stamp;
	long		 retry = 60;
	int		 rc;

	/* As the page reads it: from the worker's cache under its
	 * generations, which also serve the calendar of the deadline
	 * (comment_submit); comment_store finds it still open. */
	if ((rc = consult_load_page(r, &a, &stamp)) != 0)
		return rc;
	if (r->nerr > 0)
		return comment_again(r, &a, 422);
	memset(&in, 0, sizeof(in));
	in.user_id = r->sess->user_id;
	in.activity = &a;
	in.article_id = (unsigned long long)http_arg_int(r, CF_ARTICLE, 0);
	in.body = http_arg_str(r, CF_BODY);
	in.address = r->remote;
	in.now = time(NULL);
	in.window_minutes = conf_int("limits", "comment_window", 0);
	in.per_user = conf_int("limits", "comment_per_account", 0);
	in.per_address = conf_int("limits", "comment_per_address", 0);
	in.retry_after = &retry;
	switch (http_form_tx(r, comment_tx, &in, NULL, NULL)) {
	case OUT_OK:
		return http_redirect(r, 303, arena_printf(r->a,
		    "/consultations/%llu?posted=1#mine", a.id));
	case OUT_DUPLICATE:
		return http_redirect(r, 303, arena_printf(r->a,
		    "/consultations/%llu?dup=1#mine", a.id));
	case OUT_CONFLICT:
		return comment_again(r, &a, 409);
	case OUT_INVALID:
		return comment_again(r, &a, 422);
	case OUT_NOTFOUND:
		return 404;
	case OUT_FORBIDDEN:
		http_header(r, "Retry-After", arena_printf(r->a, "%ld",
		    retry));
		return comment_again(r, &a, 429);
	default:
		return 500;
	}
}

/*
 * GET /files/{name}   a document or attachment of a visible activity
 * (activity_visible, as its page).  nginx sends the bytes
 * (X-Accel-Redirect to an internal location), so a worker is not tied
 * up by a slow download.  Anyone who may see the activity.
 */
int
page_file(struct req *r)
{
	struct dbres	*res;
	struct activity	 a;
	const char	*name, *stored, *mime, *p;
	struct buf	 cd;

	res = db_query(r->db, r->a, SQL_FILE_GET,
	    DB_ARGS(DB_S(name, r->seg[0])));
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	stored = dbres_str(res, FILE_GET_STORED_NAME);
	name = dbres_str(res, FILE_GET_ORIGINAL_NAME);
	mime = dbres_str(res, FILE_GET_MIME);
	res = db_query(r->db, r->a, SQL_ACTIVITY_BY_ID, DB_ARGS(
	    DB_U(id, dbres_u(res, FILE_GET_ACTIVITY_ID)),
	    DB_U(reader, reader(r))));
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	activity_fill(&a, res);
	if (!activity_visible(&a))
		return 404;
	/* RFC 6266 / 5987: the original name, percent-encoded UTF-8. */
	buf_init(&cd, r->a);
	buf_adds(&cd, "inline; filename=\"document.pdf\"; filename*=UTF-8''");
	buf_url(&cd, name, strlen(name));
	for (p = stored; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 404;
	http_header(r, "Content-Disposition", cd.data);
	http_header(r, "X-Accel-Redirect", arena_printf(r->a,
	    "/_uploads/%s", stored));
	http_header(r, "Cache-Control", "private, max-age=3600");
	r->ctype_out = mime;
	r->status = 200;
	return 200;
}

/*
 * GET /principles   the published moderation principles (art. 9-ب):
 * what a comment must respect to be published.  Anyone.  View
 * public/principles.
 */
int
page_principles(struct req *r)
{
	struct val	*m = http_model(r), *l;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Moderation principles"));
	present_cacheable(r);
	if ((res = db_query(r->db, r->a, SQL_PRINCIPLES_LIST, DB_NOARGS))
	    == NULL)
		return 500;
	l = vm_list(m, "principles");
	while (dbres_next(res))
		vm_str(vm_push(l), "label", present_pick(r,
		    dbres_str(res, PRINCIPLES_LIST_LABEL_AR),
		    dbres_str(res, PRINCIPLES_LIST_LABEL_EN)));
	return http_render(r, "public/principles", m);
}
