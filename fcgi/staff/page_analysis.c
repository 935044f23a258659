/*
 * page_analysis.c — the analysis of a closed activity and its report
 * (Tawasul art. 9-ج/د/هـ, 8-و).  The rules are fcgi/domain/analysis.c
 * (groups, positions, statistics, deadline) and report.c (texts, final
 * document, the review chain).
 *
 * GET  /staff/activities/{id}/analysis   an_view_params: article (-1:
 *          the whole document), position (a position, or none: not yet
 *          answered), theme, after (keyset: the last group shown), done
 *          (the notice after a change) → every published comment, each
 *          campaign group once with its size, its position, reply and
 *          themes; the form that answers a selection; the themes.
 *          ACT_ACTIVITY_VIEW on the entity.  View staff/analysis.
 * POST /staff/activities/{id}/analysis   an_post_params: ids (groups,
 *          repeatable), position, reply_ar, reply_en, duplicate_of,
 *          themes (repeatable) → 303 …/analysis?done=N; 422 with the
 *          page (choices kept) when nothing is chosen, a reply or reason
 *          is missing, or the duplicated comment is not one of its
 *          published comments; 409 when no longer in analysis.
 *          ACT_REPORT_DRAFT.
 * POST /staff/activities/{id}/analysis/themes   theme_params: title_ar,
 *          title_en → 303 …/analysis#themes.  ACT_REPORT_DRAFT.
 * GET  /staff/activities/{id}/report   the statistics (charts), the
 *          report's texts, the final document article by article with
 *          the changes from the consulted text, the steps of the chain
 *          this user may take.  ACT_ACTIVITY_VIEW.  View staff/report.
 * POST /staff/activities/{id}/report   report_params → 303 …/report.
 *          ACT_REPORT_DRAFT, in analysis (409 otherwise).
 * POST /staff/activities/{id}/report/articles   final_params (a new
 *          article) → 303 …/report#final.  ACT_REPORT_DRAFT.
 * POST /staff/activities/{id}/report/articles/{aid}   final_params →
 *          303 …/report#fa-{aid}; 422 with the page when the Arabic
 *          title or text is missing.  ACT_REPORT_DRAFT.
 * POST /staff/activities/{id}/report/document   final_doc_params: file
 *          (a PDF, multipart) → 303 …/report#final: the final document
 *          as a new PDF.  ACT_REPORT_DRAFT, in analysis.
 * POST /staff/activities/{id}/report/workflow   rwf_params: event
 *          (submit | approve | publish | return), reason → 303 …/report;
 *          422 when a return has no reason or the report is incomplete
 *          (positions missing, no summary); 403 for a step this role
 *          may not take.  submit: ACT_REPORT_DRAFT; approve:
 *          ACT_REPORT_REVIEW; publish: ACT_REPORT_APPROVE; return: either.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "analysis.h"
#include "arena.h"
#include "chart.h"
#include "comment.h"
#include "db.h"
#include "handover.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "report.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"
#include "wdiff.h"

#include "../public/results_stats.h"

#define AN_PAGE_SIZE	100	/* groups a page of the workspace */

const struct param an_view_params[ANV__MAX] = {
	[ANV_ARTICLE] = { .name = "article", .type = PT_INT, .min = -1,
	    .max = 1LL << 62, .label = N_("Article") },
	[ANV_POSITION] = { .name = "position", .type = PT_ENUM,
	    .choices = analysis_filter_names,
	    .choice_labels = analysis_filter_labels,
	    .label = N_("The entity's position") },
	[ANV_THEME] = { .name = "theme", .type = PT_INT, .min = 1,
	    .max = 1LL << 62, .label = N_("Theme") },
	[ANV_AFTER] = { .name = "after", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
	[ANV_DONE] = { .name = "done", .type = PT_INT, .flags = P_QUERY,
	    .max = 1LL << 40 },
};

const struct param an_post_params[ANP__MAX] = {
	[ANP_IDS] = { .name = "ids", .type = PT_INT, .flags = P_MULTI,
	    .min = 1, .max = 1LL << 62, .label = N_("Comments") },
	[ANP_POSITION] = { .name = "position", .type = PT_ENUM,
	    .flags = P_REQ, .choices = comment_position_names,
	    .choice_labels = comment_position_labels,
	    .label = N_("The entity's position") },
	[ANP_REPLY_AR] = { .name = "reply_ar", .type = PT_TEXT, .max = 5000,
	    .label = N_("Reply in Arabic") },
	[ANP_REPLY_EN] = { .name = "reply_en", .type = PT_TEXT, .max = 5000,
	    .label = N_("Reply in English (optional)") },
	[ANP_DUPLICATE_OF] = { .name = "duplicate_of", .type = PT_INT,
	    .min = 1, .max = 1LL << 62,
	    .label = N_("Number of the comment it duplicates") },
	[ANP_THEMES] = { .name = "themes", .type = PT_INT, .flags = P_MULTI,
	    .min = 1, .max = 1LL << 62, .label = N_("Themes") },
};

const struct param theme_params[THEME__MAX] = {
	[THEME_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 300,
	    .label = N_("Theme in Arabic") },
	[THEME_TITLE_EN] = { .name = "title_en", .type = PT_STR,
	    .flags = P_NAME, .max = 300, .label = N_("Theme in English") },
};

const struct param report_params[RPT__MAX] = {
	[RPT_SUMMARY_AR] = { .name = "summary_ar", .type = PT_TEXT,
	    .max = 20000, .label = N_("Summary in Arabic: participation and "
	    "the main themes") },
	[RPT_SUMMARY_EN] = { .name = "summary_en", .type = PT_TEXT,
	    .max = 20000, .label = N_("Summary in English") },
	[RPT_USAGE_AR] = { .name = "usage_ar", .type = PT_TEXT, .max = 20000,
	    .label = N_("How the results were used, in Arabic") },
	[RPT_USAGE_EN] = { .name = "usage_en", .type = PT_TEXT, .max = 20000,
	    .label = N_("How the results were used, in English") },
	[RPT_TRENDS_AR] = { .name = "trends_ar", .type = PT_TEXT,
	    .max = 20000, .label = N_("Trends, in Arabic") },
	[RPT_TRENDS_EN] = { .name = "trends_en", .type = PT_TEXT,
	    .max = 20000, .label = N_("Trends, in English") },
	[RPT_ALIGNMENT_AR] = { .name = "alignment_ar", .type = PT_TEXT,
	    .max = 20000, .label = N_("Alignment with the government's "
	    "direction, in Arabic") },
	[RPT_ALIGNMENT_EN] = { .name = "alignment_en", .type = PT_TEXT,
	    .max = 20000, .label = N_("Alignment with the government's "
	    "direction, in English") },
};

const struct param final_params[FA__MAX] = {
	[FA_NUMBER_LABEL] = { .name = "number_label", .type = PT_STR,
	    .max = 40, .label = N_("Number") },
	[FA_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ, .max = 300, .label = N_("Heading in Arabic") },
	[FA_TITLE_EN] = { .name = "title_en", .type = PT_STR, .max = 300,
	    .label = N_("Heading in English") },
	[FA_BODY_AR] = { .name = "body_ar", .type = PT_TEXT, .flags = P_REQ,
	    .max = 100000, .label = N_("Text in Arabic") },
	[FA_BODY_EN] = { .name = "body_en", .type = PT_TEXT, .max = 100000,
	    .label = N_("Text in English") },
	[FA_REMOVED] = { .name = "removed", .type = PT_BOOL,
	    .label = N_("Removed from the final document") },
};

const struct param final_doc_params[FDOC__MAX] = {
	[FDOC_FILE] = { .name = "file", .type = PT_FILE, .flags = P_REQ,
	    .max = 20 << 20, .accept = "pdf",
	    .label = N_("The final document as a PDF") },
};

const struct param rwf_params[RWF__MAX] = {
	[RWF_EVENT] = { .name = "event", .type = PT_ENUM, .flags = P_REQ,
	    .choices = report_event_names },
	[RWF_REASON] = { .name = "reason", .type = PT_TEXT, .max = 5000,
	    .label = N_("Reason for returning it") },
};

/* Whether the pair (id in vals) was sent. */
static int
sent(const struct pval *v, unsigned long long id)
{
	int	 k;

	for (k = 0; v != NULL && k < v->nvals; k++)
		if (strtoull(v->vals[k], NULL, 10) == id)
			return 1;
	return 0;
}

/* Common head of both pages: the activity, its state and deadline. */
static void
an_head(struct req *r, struct val *m, const struct activity *a)
{
	vm_strf(m, "id", "%llu", a->id);
	vm_str(m, "activity", present_pick(r, a->title_ar, a->title_en));
	vm_str(m, "state_label", present_label(r, act_state_labels, AS__MAX,
	    a->state));
	vm_bool(m, "in_analysis", a->state == AS_ANALYSIS);
	/* The deadline while the report is owed, not once it is out. */
	if (a->state == AS_PUBLISHED)
		return;
	if (a->report_due_at != 0)
		vm_str(m, "due", present_date(r, a->report_due_at));
	if (a->report_days_late > 0)
		vm_int(m, "days_late", a->report_days_late);
}

static int
an_show(struct req *r, const struct activity *a, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const struct pval *ids = NULL, *themes = NULL;
	unsigned long long last = 0, gid;
	long long	 article = http_arg_int(r, ANV_ARTICLE, 0);
	long long	 theme = http_arg_int(r, ANV_THEME, 0);
	const char	*position = NULL, *topic_ids;
	int		 n = 0, posted = r->is_post;

	if (!posted) {
		const struct pval *v = http_arg(r, ANV_POSITION);
		if (v != NULL && v->set)
			position = analysis_filter_names[v->i];
	} else {
		article = theme = 0;
		ids = http_arg(r, ANP_IDS);
		themes = http_arg(r, ANP_THEMES);
	}
	vm_str(m, "title", tr(r, "Analysis of the comments"));
	an_head(r, m, a);
	vm_bool(m, "can_answer", a->state == AS_ANALYSIS &&
	    staff_may(r, ACT_REPORT_DRAFT, a->entity_id));
	if (!posted && http_arg_int(r, ANV_DONE, -1) >= 0) {
		vm_bool(m, "notice", 1);
		vm_int(m, "n_done", http_arg_int(r, ANV_DONE, 0));
	}
	res = db_query(r->db, r->a, SQL_AN_GROUPS_PAGE, DB_ARGS(
	    DB_U(activity, a->id), DB_I(article, article),
	    DB_S(position, position), DB_U(topic, (unsigned long long)theme),
	    DB_U(after, posted ? 0 : (unsigned long long)http_arg_int(r,
	    ANV_AFTER, 0)), DB_I(limit, AN_PAGE_SIZE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "groups");
	while (dbres_next(res)) {
		enum comment_position pos;
		const char *name;

		if (++n > AN_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		gid = dbres_u(res, AN_GROUPS_PAGE_GROUP_ID);
		last = gid;
		it = vm_push(l);
		vm_strf(it, "gid", "%llu", gid);
		vm_str(it, "cid", dbres_str(res, AN_GROUPS_PAGE_ID));
		vm_bool(it, "checked", sent(ids, gid));
		vm_int(it, "size", dbres_int(res, AN_GROUPS_PAGE_GROUP_SIZE));
		vm_bool(it, "grouped", dbres_int(res,
		    AN_GROUPS_PAGE_GROUP_SIZE) > 1);
		name = dbres_str(res, AN_GROUPS_PAGE_GROUP_KIND);
		vm_bool(it, "near", name != NULL && strcmp(name, "near") == 0);
		vm_str(it, "body", dbres_str(res, AN_GROUPS_PAGE_BODY));
		vm_str(it, "article", dbres_str(res,
		    AN_GROUPS_PAGE_NUMBER_LABEL));
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
		vm_str(it, "position", pos == CPOS__MAX ?
		    tr(r, "Not yet answered") :
		    present_label(r, comment_position_labels, CPOS__MAX, pos));
		vm_bool(it, "answered", pos != CPOS__MAX);
		vm_str(it, "reply_ar", dbres_str(res,
		    AN_GROUPS_PAGE_ENTITY_REPLY_AR));
		vm_str(it, "reply_en", dbres_str(res,
		    AN_GROUPS_PAGE_ENTITY_REPLY_EN));
		vm_str(it, "duplicate_of", dbres_str(res,
		    AN_GROUPS_PAGE_DUPLICATE_OF));
		topic_ids = dbres_str(res, AN_GROUPS_PAGE_TOPIC_IDS);
		vm_str(it, "topic_ids", topic_ids);
	}
	vm_strf(m, "last", "%llu", last);
	vm_bool(m, "has_groups", l->count > 0);

	/* The filters and the form's choices. */
	if ((res = db_query(r->db, r->a, SQL_CONSULT_ARTICLES, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, CONSULT_ARTICLES_ID));
		vm_str(it, "label", arena_printf(r->a, "%s %s",
		    dbres_str(res, CONSULT_ARTICLES_NUMBER_LABEL),
		    present_pick(r, dbres_str(res, CONSULT_ARTICLES_TITLE_AR),
		    dbres_str(res, CONSULT_ARTICLES_TITLE_EN))));
		vm_bool(it, "selected", article > 0 &&
		    dbres_int(res, CONSULT_ARTICLES_ID) == article);
	}
	vm_bool(m, "whole_selected", article == -1);
	present_choices(r, m, "positions", analysis_filter_names,
	    analysis_filter_labels, AN_FILTER__MAX, position);
	if ((res = db_query(r->db, r->a, SQL_AN_TOPICS, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return 500;
	l = vm_list(m, "themes");
	while (dbres_next(res)) {
		it = vm_push(l);
		gid = dbres_u(res, AN_TOPICS_ID);
		vm_strf(it, "id", "%llu", gid);
		vm_str(it, "label", present_pick(r, dbres_str(res,
		    AN_TOPICS_TITLE_AR), dbres_str(res, AN_TOPICS_TITLE_EN)));
		vm_str(it, "count", dbres_str(res, AN_TOPICS_CONTRIBUTIONS));
		vm_bool(it, "selected", theme > 0 &&
		    (long long)gid == theme);
		vm_bool(it, "checked", sent(themes, gid));
	}
	vm_bool(m, "has_themes", l->count > 0);
	if (article != 0)
		vm_int(m, "article_filter", article);
	if (position != NULL)
		vm_str(m, "position_filter", position);
	if (theme != 0)
		vm_int(m, "theme_filter", theme);
	/* The answer form: what was sent after a refused answer, else
	 * empty. */
	if (posted && r->route->handler == page_analysis_answer)
		present_fields(r, m);
	else
		present_form(r, m, an_post_params, ANP__MAX);
	present_choices(r, m, "position_choices", comment_position_names,
	    comment_position_labels, CPOS__MAX, posted ? http_arg_str(r,
	    ANP_POSITION) != NULL ? comment_position_names[http_arg_int(r,
	    ANP_POSITION, 0)] : NULL : NULL);
	if (results_stats_model(r, m, a->id) == -1)
		return 500;
	if (status != 0) {
		r->status = status;
		return http_render(r, "staff/analysis", m);
	}
	return http_render(r, "staff/analysis", m);
}

/* The GET pages: activity {id} from state first on (never withdrawn),
 * drawn by show. */
static int
an_get(struct req *r, enum act_state first,
    int (*show)(struct req *, const struct activity *, int))
{
	struct activity	 a;
	int		 rc;

	if ((rc = staff_activity_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	if (a.state < first || a.state == AS_WITHDRAWN)
		return 404;
	return show(r, &a, 0);
}

int
page_analysis(struct req *r)
{
	return an_get(r, AS_CLOSED, an_show);
}

struct anop {
	unsigned long long	*ids;
	int			 n;
	struct position_input	 in;
	long long		 changed;
	const char		*url;	/* the analysis page */
	const char		*to;	/* it, with how many changed */
};

static enum outcome
positions_tx(struct req *r, void *arg)
{
	struct anop	*o = arg;

	switch (analysis_set_positions(r->db, r->a,
	    (unsigned long long)r->segi[0], o->ids, o->n, &o->in,
	    staff_actor(r), &o->changed)) {
	case AN_OK:
		o->to = arena_printf(r->a, "%s?done=%lld", o->url, o->changed);
		return OUT_OK;
	case AN_NOT_FOUND:
		return OUT_NOTFOUND;
	case AN_NOT_ANALYSIS:
		http_arg_error(r, ANP_POSITION, "The analysis is over: the "
		    "report went on in the review chain.");
		return OUT_CONFLICT;
	case AN_BAD_DUPLICATE:
		http_arg_error(r, ANP_DUPLICATE_OF, "Give the number of "
		    "another published comment of this consultation, one "
		    "that is not itself marked a duplicate.");
		return OUT_INVALID;
	case AN_BAD_TOPIC:
		http_arg_error(r, ANP_THEMES, "Choose themes of this "
		    "consultation.");
		return OUT_INVALID;
	default:
		return OUT_ERROR;
	}
}

/* The numbers of a repeatable integer field (arena-owned). */
static unsigned long long *
ids_of(struct req *r, int key, int *n)
{
	const struct pval *v = http_arg(r, key);
	unsigned long long *out;
	int		 i;

	*n = v != NULL ? v->nvals : 0;
	out = arena_alloc(r->a, sizeof(*out) * (size_t)(*n + 1));
	for (i = 0; i < *n; i++)
		out[i] = strtoull(v->vals[i], NULL, 10);
	return out;
}

int
page_analysis_answer(struct req *r)
{
	struct activity	 a;
	struct anop	 o;
	int		 rc, nt;

	if ((rc = staff_activity_load(r, ACT_REPORT_DRAFT, &a)) != 0)
		return rc;
	memset(&o, 0, sizeof(o));
	o.ids = ids_of(r, ANP_IDS, &o.n);
	o.in.topics = ids_of(r, ANP_THEMES, &nt);
	o.in.ntopics = nt;
	o.in.position = (enum comment_position)http_arg_int(r, ANP_POSITION,
	    CPOS__MAX);
	o.in.reply_ar = http_arg_str(r, ANP_REPLY_AR);
	o.in.reply_en = http_arg_str(r, ANP_REPLY_EN);
	o.in.duplicate_of = (unsigned long long)http_arg_int(r,
	    ANP_DUPLICATE_OF, 0);
	if (o.n == 0)
		http_arg_error(r, ANP_IDS, "Choose at least one comment.");
	if (o.in.position < CPOS__MAX) {
		switch (analysis_position_check(&o.in)) {
		case PP_REASON_NEEDED:
			http_arg_error(r, ANP_REPLY_AR, "Say why it is not "
			    "accepted: the reply in Arabic is the reason the "
			    "commenter reads.");
			break;
		case PP_REPLY_NEEDED:
			http_arg_error(r, ANP_REPLY_AR, "Write the entity's "
			    "reply in Arabic.");
			break;
		case PP_DUPLICATE_NEEDED:
			http_arg_error(r, ANP_DUPLICATE_OF, "Give the number "
			    "of the comment it duplicates.");
			break;
		default:
			break;
		}
	}
	if (r->nerr > 0)
		return an_show(r, &a, 422);
	o.url = arena_printf(r->a, "/staff/activities/%llu/analysis", a.id);
	rc = http_form_submit_to(r, positions_tx, &o, o.url, &o.to);
	if (http_form_redraw(rc))
		return an_show(r, &a, rc);
	return rc;
}

static enum outcome
theme_tx(struct req *r, void *arg)
{
	(void)arg;
	switch (analysis_add_topic(r->db, r->a, (unsigned long long)r->segi[0],
	    http_arg_str(r, THEME_TITLE_AR), http_arg_str(r, THEME_TITLE_EN),
	    staff_actor(r))) {
	case AN_OK:
		return OUT_OK;
	case AN_NOT_FOUND:
		return OUT_NOTFOUND;
	case AN_NOT_ANALYSIS:
		return OUT_CONFLICT;
	default:
		return OUT_ERROR;
	}
}

int
page_analysis_theme(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = staff_activity_load(r, ACT_REPORT_DRAFT, &a)) != 0)
		return rc;
	if (r->nerr > 0)
		return an_show(r, &a, 422);
	rc = http_form_submit(r, theme_tx, NULL, arena_printf(r->a,
	    "/staff/activities/%llu/analysis#themes", a.id));
	if (http_form_redraw(rc))
		return an_show(r, &a, rc);
	return rc;
}

/* The report page.  After a refused POST the fields of that form keep
 * what was sent (http_form_model); the other forms show what is stored. */
static int
rp_show(struct req *r, const struct activity *a, int status)
{
	struct val	*m = http_model(r), *l, *it, *t;
	struct dbres	*res;
	enum role	 role = perm_role(r->sess->role);
	enum act_state	 st = a->state;
	enum final_status fs;
	unsigned long long raid;
	int		 mine, waits;
	static const char *const cols[] = { "summary_ar", "summary_en",
	    "usage_ar", "usage_en", "trends_ar", "trends_en", "alignment_ar",
	    "alignment_en" };
	static const int colid[] = { RP_GET_SUMMARY_AR, RP_GET_SUMMARY_EN,
	    RP_GET_USAGE_AR, RP_GET_USAGE_EN, RP_GET_TRENDS_AR,
	    RP_GET_TRENDS_EN, RP_GET_ALIGNMENT_AR, RP_GET_ALIGNMENT_EN };
	size_t		 i;

	vm_str(m, "title", tr(r, "Analysis report"));
	an_head(r, m, a);
	vm_bool(m, "survey", a->kind != AK_CONSULTATION);
	if ((res = db_query(r->db, r->a, SQL_RP_GET, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	t = vm_child(m, "report");
	/* After a refused save the texts as sent (the keys follow cols). */
	mine = r->is_post && r->route->handler == page_report_save;
	for (i = 0; i < sizeof(cols) / sizeof(cols[0]); i++)
		vm_str(t, cols[i], mine ? http_arg_str(r, (int)i) :
		    dbres_str(res, colid[i]));
	vm_str(m, "return_reason", st == AS_ANALYSIS ? dbres_str(res,
	    RP_GET_RETURN_REASON) : NULL);
	if (!dbres_isnull(res, RP_GET_PUBLISHED_AT))
		vm_str(m, "published", present_date(r, dbres_time(res,
		    RP_GET_PUBLISHED_AT)));
	if (!dbres_isnull(res, RP_GET_DOCUMENT_STORED_NAME)) {
		vm_str(m, "pdf_name", dbres_str(res, RP_GET_DOCUMENT_NAME));
		vm_str(m, "pdf_size", present_size(r, dbres_int(res,
		    RP_GET_DOCUMENT_SIZE)));
	}
	vm_bool(m, "can_edit", st == AS_ANALYSIS &&
	    staff_may(r, ACT_REPORT_DRAFT, a->entity_id));
	vm_bool(m, "can_submit", activity_next(st, AE_SUBMIT_REPORT, role) !=
	    AS__MAX && staff_may(r, ACT_REPORT_DRAFT, a->entity_id));
	vm_bool(m, "can_approve", activity_next(st, AE_APPROVE_REPORT,
	    role) != AS__MAX && staff_may(r, ACT_REPORT_REVIEW,
	    a->entity_id));
	waits = staff_alternate_waits(r, a);
	if (waits && r->nerr == 0)	/* else the refusal says it */
		vm_str(m, "waits_on_primary", tr(r, handover_not_yet));
	vm_bool(m, "can_publish", !waits && activity_next(st,
	    AE_PUBLISH_REPORT, role) != AS__MAX && staff_may(r,
	    ACT_REPORT_APPROVE, a->entity_id));
	vm_bool(m, "can_return", (st == AS_REPORT_SUBMITTED &&
	    staff_may(r, ACT_REPORT_REVIEW, a->entity_id)) ||
	    (!waits && st == AS_REPORT_APPROVED && staff_may(r,
	    ACT_REPORT_APPROVE, a->entity_id)));
	vm_bool(m, "public", st == AS_PUBLISHED);

	if ((res = db_query(r->db, r->a, SQL_RP_ARTICLES, DB_ARGS(
	    DB_U(activity, a->id)))) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		raid = dbres_u(res, RP_ARTICLES_ID);
		mine = r->is_post && r->route->handler ==
		    page_report_article && r->nseg > 1 &&
		    (unsigned long long)r->segi[1] == raid;
		vm_strf(it, "aid", "%llu", raid);
		fs = report_final_status(dbres_str(res, RP_ARTICLES_STATUS));
		vm_str(it, "status", final_status_names[fs < FS__MAX ? fs :
		    FS_UNCHANGED]);
		vm_str(it, "status_label", present_label(r,
		    final_status_labels, FS__MAX, fs));
		vm_bool(it, "removed", fs == FS_REMOVED);
		vm_str(it, "label", mine ? http_arg_str(r, FA_NUMBER_LABEL) :
		    dbres_str(res, RP_ARTICLES_NUMBER_LABEL));
		vm_str(it, "title_ar", mine ? http_arg_str(r, FA_TITLE_AR) :
		    dbres_str(res, RP_ARTICLES_TITLE_AR));
		vm_str(it, "title_en", mine ? http_arg_str(r, FA_TITLE_EN) :
		    dbres_str(res, RP_ARTICLES_TITLE_EN));
		vm_str(it, "body_ar", mine ? http_arg_str(r, FA_BODY_AR) :
		    dbres_str(res, RP_ARTICLES_BODY_AR));
		vm_str(it, "body_en", mine ? http_arg_str(r, FA_BODY_EN) :
		    dbres_str(res, RP_ARTICLES_BODY_EN));
		if (mine && http_arg_str(r, FA_TITLE_AR) == NULL)
			vm_str(it, "err_title", tr(r, "Give the heading in "
			    "Arabic."));
		if (mine && http_arg_str(r, FA_BODY_AR) == NULL)
			vm_str(it, "err_body", tr(r, "Give the text in "
			    "Arabic."));
		if (fs == FS_CHANGED)
			results_final_diff(r, it, res);
	}
	vm_bool(m, "has_articles", l->count > 0);
	/* A survey's or poll's participants are its respondents (one
	 * response per account): the comment statistics are not its. */
	if (a->kind != AK_CONSULTATION)
		vm_int(vm_child(m, "responses"), "participants",
		    a->participants);
	else if (results_stats_model(r, m, a->id) == -1)
		return 500;
	/* A refused submission marks each text still missing at its
	 * field, and lists it above. */
	if (status == 422 && r->route->handler == page_report_workflow) {
		unsigned missing;

		if (report_missing(r->db, r->a, a->id, &missing) == -1)
			return 500;
		l = vm_list(m, "errors");
		for (i = 0; i < RF__MAX; i++)
			if (missing & (1u << i)) {
				const char *msg = tr(r, report_field_missing[i]);

				vm_str(t, arena_printf(r->a, "err_%s",
				    report_field_names[i]), msg);
				it = vm_push(l);
				vm_str(it, "field", report_field_names[i]);
				vm_str(it, "message", msg);
			}
	}
	if (status != 0)
		return http_form_again(r, "staff/report", m, status);
	http_form_model(r, m);
	return http_render(r, "staff/report", m);
}

int
page_report(struct req *r)
{
	return an_get(r, AS_ANALYSIS, rp_show);
}

static enum outcome
wf_outcome(struct req *r, enum wf_result rc)
{
	switch (rc) {
	case WF_OK:
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_CLOSED:
		return OUT_CONFLICT;
	case WF_FORBIDDEN:
		return OUT_FORBIDDEN;
	default:
		(void)r;
		return OUT_ERROR;
	}
}

static enum outcome
report_tx(struct req *r, void *arg)
{
	struct report_texts t;

	(void)arg;
	t.summary_ar = http_arg_str(r, RPT_SUMMARY_AR);
	t.summary_en = http_arg_str(r, RPT_SUMMARY_EN);
	t.usage_ar = http_arg_str(r, RPT_USAGE_AR);
	t.usage_en = http_arg_str(r, RPT_USAGE_EN);
	t.trends_ar = http_arg_str(r, RPT_TRENDS_AR);
	t.trends_en = http_arg_str(r, RPT_TRENDS_EN);
	t.alignment_ar = http_arg_str(r, RPT_ALIGNMENT_AR);
	t.alignment_en = http_arg_str(r, RPT_ALIGNMENT_EN);
	return wf_outcome(r, report_save(r->db, r->a,
	    (unsigned long long)r->segi[0], &t, staff_actor(r)));
}

static enum outcome
article_tx(struct req *r, void *arg)
{
	struct final_article f;

	(void)arg;
	f.label = http_arg_str(r, FA_NUMBER_LABEL);
	f.title_ar = http_arg_str(r, FA_TITLE_AR);
	f.title_en = http_arg_str(r, FA_TITLE_EN);
	f.body_ar = http_arg_str(r, FA_BODY_AR);
	f.body_en = http_arg_str(r, FA_BODY_EN);
	f.removed = http_arg_int(r, FA_REMOVED, 0) != 0;
	return wf_outcome(r, report_article_save(r->db, r->a,
	    (unsigned long long)r->segi[0], r->nseg > 1 ?
	    (unsigned long long)r->segi[1] : 0, &f, staff_actor(r)));
}

static enum outcome
document_tx(struct req *r, void *arg)
{
	const struct upload *u = arg;

	return wf_outcome(r, report_set_document(r->db, r->a,
	    (unsigned long long)r->segi[0], u->stored_name, u->orig_name,
	    u->mime, u->size, u->sha256, staff_actor(r)));
}

struct rstep {
	enum report_event	 ev;
};

static enum outcome
step_tx(struct req *r, void *arg)
{
	struct rstep	*s = arg;
	const char	*problem;
	long long	 unanswered;

	switch (report_step(r->db, r->a, (unsigned long long)r->segi[0],
	    s->ev, staff_actor(r), http_arg_str(r, RWF_REASON), &problem,
	    &unanswered)) {
	case WF_OK:
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_FORBIDDEN:
		return OUT_FORBIDDEN;
	case WF_REASON_NEEDED:
		http_arg_error(r, RWF_REASON, "Give the reason: the author "
		    "sees it.");
		return OUT_INVALID;
	case WF_INCOMPLETE:
		http_arg_error(r, RWF_EVENT, i18n_subst(r->a, tr(r, problem),
		    arena_printf(r->a, "%lld", unanswered), NULL));
		return OUT_INVALID;
	case WF_NOT_YET:
		http_arg_error(r, RWF_EVENT, handover_not_yet);
		return OUT_CONFLICT;
	default:
		return OUT_ERROR;
	}
}

/* One POST of the report page: its form's transaction, then the page. */
static int
rp_post(struct req *r, enum action need,
    enum outcome (*fn)(struct req *, void *), void *arg, const char *anchor)
{
	struct activity	 a;
	int		 rc;

	if ((rc = staff_activity_load(r, need, &a)) != 0)
		return rc;
	if (a.state < AS_ANALYSIS || a.state == AS_WITHDRAWN)
		return 404;
	if (r->nerr > 0)
		return rp_show(r, &a, 422);
	rc = http_form_submit(r, fn, arg, arena_printf(r->a,
	    "/staff/activities/%llu/report%s", a.id, anchor));
	if (http_form_redraw(rc))
		return rp_show(r, &a, rc);
	return rc;
}

int
page_report_save(struct req *r)
{
	return rp_post(r, ACT_REPORT_DRAFT, report_tx, NULL, "");
}

int
page_report_article(struct req *r)
{
	return rp_post(r, ACT_REPORT_DRAFT, article_tx, NULL,
	    r->nseg > 1 ? arena_printf(r->a, "#fa-%lld", r->segi[1]) :
	    "#final");
}

int
page_report_document(struct req *r)
{
	const struct pval *f = http_arg(r, FDOC_FILE);

	return rp_post(r, ACT_REPORT_DRAFT, document_tx, f != NULL ?
	    f->file : NULL, "#final");
}

int
page_report_workflow(struct req *r)
{
	struct rstep	 s;
	struct activity	 a;
	enum action	 need;
	int		 rc;

	s.ev = (enum report_event)http_arg_int(r, RWF_EVENT, RE_SUBMIT);
	switch (s.ev) {
	case RE_SUBMIT:
		need = ACT_REPORT_DRAFT;
		break;
	case RE_APPROVE:
		need = ACT_REPORT_REVIEW;
		break;
	case RE_PUBLISH:
		need = ACT_REPORT_APPROVE;
		break;
	default:
		if ((rc = staff_activity_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
			return rc;
		need = staff_may(r, ACT_REPORT_REVIEW, a.entity_id) ?
		    ACT_REPORT_REVIEW : ACT_REPORT_APPROVE;
		break;
	}
	return rp_post(r, need, step_tx, &s, "");
}
