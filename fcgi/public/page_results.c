/*
 * page_results.c — what became of the contributions (Tawasul art. 9-ج/د/هـ).
 *
 * GET /consultations/{id}/results   results_params: article (-1: the
 *          whole document), position (a position, or adopted: accepted
 *          or partly accepted, the comments that led to a change), theme,
 *          after (keyset: the last campaign group shown).  Once the
 *          report is published: its summary and how the results were
 *          used, the statistics as SVG charts with the same numbers in
 *          tables (chart.h), the final document article by article with
 *          the words changed from the consulted text (<del>/<ins>,
 *          wdiff.h) and each changed article's link to the comments
 *          that led to it, then every published comment with the
 *          entity's position and reply, each campaign group once with its
 *          size.  Before that: the results are in preparation, with the
 *          deadline (20 working days after closing) and, once it has
 *          passed, the working days late.  Anyone who may see the
 *          activity (activity_visible), closed or after; 404 otherwise.
 *          A constant number of statements whatever the number of
 *          comments; for an anonymous reader the worker's copy of the
 *          page after one statement while nothing it shows has changed
 *          (results_activity).  View public/results.
 * GET /results   results_list_params: entity, sector, kind, q, audience
 *          (the filters of /consultations), before (keyset:
 *          "PUBLISHED_UNIX.ID" of the last one shown) →
 *          every published outcome, the latest published first.  Anyone.
 *          View public/results_list.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "analysis.h"
#include "arena.h"
#include "chart.h"
#include "comment.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "report.h"
#include "results_stats.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "vm.h"
#include "wdiff.h"

#define RESULTS_PAGE	50	/* campaign groups a page */
#define LIST_PAGE	20	/* outcomes a page of /results */
#define KEYSET_END	(1LL << 62)

/* The keyset of /results: "PUBLISHED_UNIX.ID" of the last one shown. */
static int
keyset(const char *s, long long *t, unsigned long long *id)
{
	char	 c;

	return s != NULL && sscanf(s, "%lld.%llu%c", t, id, &c) == 2 ? 0 : -1;
}

static int
valid_keyset(const char *s, size_t len)
{
	long long	 t;
	unsigned long long id;

	(void)len;
	return keyset(s, &t, &id);
}

const struct param results_params[RES__MAX] = {
	[RES_ARTICLE] = { .name = "article", .type = PT_INT, .min = -1,
	    .max = KEYSET_END, .label = N_("Article") },
	[RES_POSITION] = { .name = "position", .type = PT_ENUM,
	    .choices = analysis_filter_names,
	    .choice_labels = analysis_filter_labels,
	    .label = N_("The entity's position") },
	[RES_THEME] = { .name = "theme", .type = PT_INT, .min = 1,
	    .max = KEYSET_END, .label = N_("Theme") },
	[RES_AFTER] = { .name = "after", .type = PT_INT, .min = 1,
	    .max = KEYSET_END },
};

const struct param results_list_params[RL__MAX] = {
	[RL_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1,
	    .max = 1LL << 40, .label = N_("Government entity") },
	[RL_SECTOR] = { .name = "sector", .type = PT_INT, .min = 1,
	    .max = 1LL << 30, .label = N_("Sector") },
	[RL_KIND] = { .name = "kind", .type = PT_ENUM,
	    .choices = act_kind_names, .choice_labels = act_kind_labels,
	    .label = N_("Kind") },
	[RL_Q] = { .name = "q", .type = PT_STR, .max = 200,
	    .label = N_("Search") },
	[RL_BEFORE] = { .name = "before", .type = PT_STR, .max = 48,
	    .valid = valid_keyset },
};

/* The published comments, each campaign group once (the comment that
 * started it, its size, the entity's position and reply). */
static int
results_comments(struct req *r, struct val *m, const struct activity *a)
{
	struct val	*l, *it;
	struct dbres	*res;
	const struct pval *v = http_arg(r, RES_POSITION);
	const char	*position = v != NULL && v->set ?
	    analysis_filter_names[v->i] : NULL, *name;
	long long	 article = http_arg_int(r, RES_ARTICLE, 0);
	long long	 theme = http_arg_int(r, RES_THEME, 0);
	unsigned long long last = 0;
	enum comment_position pos;
	int		 n = 0;

	res = db_query(r->db, r->a, SQL_AN_GROUPS_PAGE, DB_ARGS(
	    DB_U(activity, a->id), DB_I(article, article),
	    DB_S(position, position), DB_U(topic, (unsigned long long)theme),
	    DB_U(after, (unsigned long long)http_arg_int(r, RES_AFTER, 0)),
	    DB_I(limit, RESULTS_PAGE + 1)));
	if (res == NULL)
		return -1;
	l = vm_list(m, "comments");
	while (dbres_next(res)) {
		if (++n > RESULTS_PAGE) {
			vm_bool(m, "more", 1);
			break;
		}
		last = dbres_u(res, AN_GROUPS_PAGE_GROUP_ID);
		it = vm_push(l);
		vm_str(it, "cid", dbres_str(res, AN_GROUPS_PAGE_ID));
		vm_str(it, "body", dbres_str(res, AN_GROUPS_PAGE_BODY));
		vm_int(it, "size", dbres_int(res, AN_GROUPS_PAGE_GROUP_SIZE));
		vm_bool(it, "grouped", dbres_int(res,
		    AN_GROUPS_PAGE_GROUP_SIZE) > 1);
		vm_str(it, "article", dbres_str(res,
		    AN_GROUPS_PAGE_NUMBER_LABEL));
		vm_str(it, "received", present_date(r, dbres_time(res,
		    AN_GROUPS_PAGE_RECEIVED_AT)));
		name = dbres_int(res, AN_GROUPS_PAGE_AUTHOR_GONE) ? NULL :
		    strcmp(dbres_str(res, AN_GROUPS_PAGE_AUTHOR_KIND) ?
		    dbres_str(res, AN_GROUPS_PAGE_AUTHOR_KIND) : "",
		    "organisation") == 0 ? dbres_str(res,
		    AN_GROUPS_PAGE_AUTHOR_ORG) : dbres_str(res,
		    AN_GROUPS_PAGE_AUTHOR_NAME);
		vm_str(it, "author", name != NULL ? name :
		    tr(r, "A former participant"));
		pos = comment_position(dbres_str(res,
		    AN_GROUPS_PAGE_ENTITY_POSITION));
		if (pos != CPOS__MAX) {
			vm_str(it, "position", present_label(r,
			    comment_position_labels, CPOS__MAX, pos));
			vm_str(it, "pos", comment_position_names[pos]);
		}
		vm_str(it, "reply", present_pick(r, dbres_str(res,
		    AN_GROUPS_PAGE_ENTITY_REPLY_AR), dbres_str(res,
		    AN_GROUPS_PAGE_ENTITY_REPLY_EN)));
		vm_str(it, "duplicate_of", dbres_str(res,
		    AN_GROUPS_PAGE_DUPLICATE_OF));
	}
	vm_bool(m, "no_comments", l->count == 0);
	vm_strf(m, "last", "%llu", last);
	name = present_query(r, RES_AFTER);
	vm_str(m, "filters", *name ? arena_printf(r->a, "%s&", name) : "");
	present_choices(r, m, "positions", analysis_filter_names,
	    analysis_filter_labels, AN_FILTER__MAX, position);
	vm_bool(m, "whole_selected", article == -1);
	if ((res = db_query(r->db, r->a, SQL_CONSULT_ARTICLES, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return -1;
	l = vm_list(m, "filter_articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, CONSULT_ARTICLES_ID));
		vm_str(it, "label", arena_printf(r->a, "%s %s",
		    dbres_str(res, CONSULT_ARTICLES_NUMBER_LABEL),
		    present_pick(r, dbres_str(res, CONSULT_ARTICLES_TITLE_AR),
		    dbres_str(res, CONSULT_ARTICLES_TITLE_EN))));
		vm_bool(it, "selected", dbres_int(res, CONSULT_ARTICLES_ID) ==
		    article);
	}
	if ((res = db_query(r->db, r->a, SQL_AN_TOPICS, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return -1;
	l = vm_list(m, "themes");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, AN_TOPICS_ID));
		vm_str(it, "label", present_pick(r, dbres_str(res,
		    AN_TOPICS_TITLE_AR), dbres_str(res, AN_TOPICS_TITLE_EN)));
		vm_bool(it, "selected", dbres_int(res, AN_TOPICS_ID) == theme);
	}
	return 0;
}

/* The final document: each article with its status and, when changed,
 * the words changed; a changed one links to the comments behind it. */
static int
results_final(struct req *r, struct val *m, const struct activity *a)
{
	struct val	*l, *it;
	struct dbres	*res;
	enum final_status fs;
	int		 changed = 0;

	if ((res = db_query(r->db, r->a, SQL_RP_ARTICLES, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return -1;
	l = vm_list(m, "final");
	while (dbres_next(res)) {
		it = vm_push(l);
		fs = report_final_status(dbres_str(res, RP_ARTICLES_STATUS));
		if (fs == FS__MAX)
			fs = FS_UNCHANGED;
		vm_str(it, "aid", dbres_str(res, RP_ARTICLES_ID));
		vm_str(it, "status", final_status_names[fs]);
		vm_str(it, "status_label", present_label(r,
		    final_status_labels, FS__MAX, fs));
		vm_str(it, "label", dbres_str(res, RP_ARTICLES_NUMBER_LABEL));
		vm_bool(it, "is_changed", fs == FS_CHANGED);
		vm_bool(it, "is_removed", fs == FS_REMOVED);
		vm_bool(it, "is_added", fs == FS_ADDED);
		if (fs != FS_UNCHANGED)
			changed++;
		if (fs == FS_CHANGED) {
			results_final_diff(r, it, res);
			vm_str(it, "article_id", dbres_str(res,
			    RP_ARTICLES_ARTICLE_ID));
		} else {
			vm_str(it, "title", present_pick(r, dbres_str(res,
			    RP_ARTICLES_TITLE_AR), dbres_str(res,
			    RP_ARTICLES_TITLE_EN)));
			vm_str(it, "text", present_pick(r, dbres_str(res,
			    RP_ARTICLES_BODY_AR), dbres_str(res,
			    RP_ARTICLES_BODY_EN)));
		}
	}
	vm_bool(m, "has_final", l->count > 0);
	vm_int(m, "final_changes", changed);
	return 0;
}

int
results_activity(struct req *r, struct activity *a, const char **stamp)
{
	struct dbres	*res;
	unsigned long long site, gen, writes;
	int		 rc;

	*stamp = NULL;
	if (r->sess != NULL) {
		res = db_query(r->db, r->a, SQL_ACTIVITY_BY_ID, DB_ARGS(
		    DB_U(id, r->segi[0]), DB_U(reader, r->sess->user_id)));
		if (res == NULL)
			return 500;
		/* Not even a hint that an invisible one exists. */
		if (!dbres_next(res))
			return 404;
		activity_fill(a, res);
	} else {
		res = db_query(r->db, r->a, SQL_RESULTS_GENS, DB_ARGS(
		    DB_U(id, r->segi[0])));
		if (res == NULL)
			return 500;
		if (!dbres_next(res))
			return 404;
		site = dbres_u(res, RESULTS_GENS_SITE_GEN);
		gen = dbres_u(res, RESULTS_GENS_ACTIVITY_GEN);
		writes = dbres_u(res, RESULTS_GENS_RESPONSE_WRITES);
		*stamp = arena_printf(r->a, "%llu.%llu.%llu", site, gen,
		    writes);
		/* The public page's activity: reader 0. */
		if ((rc = consult_activity_cached(r, site, gen, a)) != 0)
			return rc;
	}
	if (!activity_visible(a))
		return 404;
	return 0;
}

int
results_reuse(struct req *r, const char *stamp)
{
	present_cacheable(r);
	return stamp != NULL && http_page_reuse(r, stamp, time(NULL) +
	    conf_int("cache", "worker_page_seconds", 60));
}

int
page_results(struct req *r)
{
	struct val	*m = http_model(r), *t;
	struct dbres	*res;
	struct activity	 a;
	const char	*stamp;
	int		 rc;

	if ((rc = results_activity(r, &a, &stamp)) != 0)
		return rc;
	if (a.state < AS_CLOSED || a.state == AS_WITHDRAWN)
		return 404;
	/* Everything the page shows moves the stamp but the clock, which
	 * changes nothing here (the report's lateness is its row's) but
	 * the day's date of the layout: [cache] worker_page_seconds. */
	if (results_reuse(r, stamp))
		return 200;
	if (r->nerr > 0)
		r->status = 400;
	vm_strf(m, "id", "%llu", a.id);
	vm_str(m, "activity", present_pick(r, a.title_ar, a.title_en));
	vm_str(m, "title", arena_printf(r->a, "%s — %s", tr(r, "Results"),
	    present_pick(r, a.title_ar, a.title_en)));
	vm_str(m, "entity", present_pick(r, a.entity_name_ar,
	    a.entity_name_en));
	vm_str(m, "kind_label", present_label(r, act_kind_labels, AK__MAX,
	    a.kind));
	if (a.closes_at != 0)
		vm_str(m, "closed_on", present_date(r, a.closes_at));
	if (a.state != AS_PUBLISHED) {
		vm_bool(m, "preparing", 1);
		if (a.report_due_at != 0)
			vm_str(m, "due", present_date(r, a.report_due_at));
		if (a.report_days_late > 0)
			vm_str(m, "days_late", present_count(r,
			    "{1} working day late", "{1} working days late",
			    a.report_days_late));
		return http_render(r, "public/results", m);
	}
	res = db_query(r->db, r->a, SQL_RES_REPORT, DB_ARGS(
	    DB_U(activity, a.id)));
	if (res == NULL)
		return 500;
	if (dbres_next(res)) {
		t = vm_child(m, "report");
		vm_str(t, "summary", present_pick(r, dbres_str(res,
		    RES_REPORT_SUMMARY_AR), dbres_str(res,
		    RES_REPORT_SUMMARY_EN)));
		vm_str(t, "usage", present_pick(r, dbres_str(res,
		    RES_REPORT_USAGE_AR), dbres_str(res, RES_REPORT_USAGE_EN)));
		vm_str(t, "trends", present_pick(r, dbres_str(res,
		    RES_REPORT_TRENDS_AR), dbres_str(res,
		    RES_REPORT_TRENDS_EN)));
		vm_str(t, "alignment", present_pick(r, dbres_str(res,
		    RES_REPORT_ALIGNMENT_AR), dbres_str(res,
		    RES_REPORT_ALIGNMENT_EN)));
		vm_str(t, "published", present_date(r, dbres_time(res,
		    RES_REPORT_PUBLISHED_AT)));
		if (!dbres_isnull(res, RES_REPORT_DOCUMENT_STORED_NAME)) {
			vm_str(t, "pdf", dbres_str(res,
			    RES_REPORT_DOCUMENT_STORED_NAME));
			vm_str(t, "pdf_name", dbres_str(res,
			    RES_REPORT_DOCUMENT_NAME));
			vm_str(t, "pdf_size", present_size(r, dbres_int(res,
			    RES_REPORT_DOCUMENT_SIZE)));
		}
	}
	if (results_stats_model(r, m, a.id) == -1)
		return 500;
	/*
	 * The section of the activity's kind goes here, one call each:
	 * a consultation's final document and its comments with the
	 * entity's positions; a survey's or poll's per-question results
	 * (issue 12: survey_results_section(r, m, &a), drawn by
	 * {{>public/survey_results}} in views/public/results.html).
	 */
	if ((a.kind == AK_SURVEY || a.kind == AK_POLL) &&
	    survey_results_section(r, m, &a, 0) == -1)
		return 500;
	if (a.kind == AK_CONSULTATION) {
		vm_bool(m, "consultation", 1);
		if (results_final(r, m, &a) == -1 ||
		    results_comments(r, m, &a) == -1)
			return 500;
	}
	return http_render(r, "public/results", m);
}

int
page_results_list(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const struct pval *v;
	const char	*q = NULL, *filters;
	long long	 entity = http_arg_int(r, RL_ENTITY, 0);
	long long	 sector = http_arg_int(r, RL_SECTOR, 0);
	long long	 last_t = 0, before_t = KEYSET_END;
	unsigned long long last = 0, before = KEYSET_END;
	int		 n = 0;

	present_cacheable(r);
	vm_str(m, "title", tr(r, "Every published result"));
	if (r->nerr > 0)
		r->status = 400;
	if (http_arg_str(r, RL_Q) != NULL) {
		q = textnorm_query(r->a, http_arg_str(r, RL_Q),
		    strlen(http_arg_str(r, RL_Q)));
		if (*q == '\0')
			q = NULL;
	}
	if (keyset(http_arg_str(r, RL_BEFORE), &before_t, &before) == -1) {
		before_t = KEYSET_END;
		before = KEYSET_END;
	}
	v = http_arg(r, RL_KIND);
	res = db_query(r->db, r->a, SQL_RES_LIST, DB_ARGS(
	    DB_U(reader, r->sess != NULL ? r->sess->user_id : 0),
	    DB_U(entity, entity), DB_U(sector, sector),
	    DB_S(kind, v != NULL && v->set ? act_kind_names[v->i] : NULL),
	    DB_S(audience, NULL), DB_S(q, q),
	    DB_I(before_t, before_t), DB_U(before, before),
	    DB_I(limit, LIST_PAGE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		if (++n > LIST_PAGE) {
			vm_bool(m, "more", 1);
			break;
		}
		it = vm_push(l);
		last = dbres_u(res, RES_LIST_ID);
		last_t = dbres_int(res, RES_LIST_PUBLISHED_UNIX);
		vm_strf(it, "id", "%llu", last);
		vm_str(it, "kind_label", present_label(r, act_kind_labels,
		    AK__MAX, activity_kind(dbres_str(res, RES_LIST_KIND))));
		vm_str(it, "title", present_pick(r, dbres_str(res,
		    RES_LIST_TITLE_AR), dbres_str(res, RES_LIST_TITLE_EN)));
		vm_str(it, "summary", present_pick(r, dbres_str(res,
		    RES_LIST_SUMMARY_AR), dbres_str(res, RES_LIST_SUMMARY_EN)));
		vm_str(it, "entity", present_pick(r, dbres_str(res,
		    RES_LIST_ENTITY_AR), dbres_str(res, RES_LIST_ENTITY_EN)));
		vm_str(it, "published", present_date(r, (time_t)last_t));
		vm_str(it, "participants", dbres_str(res,
		    RES_LIST_PARTICIPANTS_COUNT));
		vm_str(it, "comments", dbres_str(res,
		    RES_LIST_COMMENTS_PUBLISHED));
	}
	vm_bool(m, "empty", l->count == 0);
	filters = present_query(r, RL_BEFORE);
	vm_str(m, "filters", *filters ? arena_printf(r->a, "%s&", filters) :
	    "");
	vm_strf(m, "last", "%lld.%llu", last_t, last);
	if (present_filter_choices(r, m, entity, sector) == -1)
		return 500;
	present_choices(r, m, "kinds", act_kind_names, act_kind_labels,
	    AK__MAX, v != NULL && v->set ? act_kind_names[v->i] : NULL);
	http_form_model(r, m);
	return http_render(r, "public/results_list", m);
}
