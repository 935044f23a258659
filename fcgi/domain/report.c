/*
 * report.c — see report.h.
 */
#include <string.h>

#include "analysis.h"
#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "comment.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "names.h"
#include "outbox.h"
#include "report.h"
#include "sql_gen.h"
#include "wdiff.h"

#ifndef N_
#define N_(s)	(s)
#endif

/* Characters of a comment quoted in the e-mail to its author. */
#define REPORT_QUOTE_CHARS	120

const char *const report_event_names[RE__MAX + 1] = {
	[RE_SUBMIT] = "submit", [RE_APPROVE] = "approve",
	[RE_PUBLISH] = "publish", [RE_RETURN] = "return", [RE__MAX] = NULL
};
const enum act_event report_event_ids[RE__MAX] = {
	[RE_SUBMIT] = AE_SUBMIT_REPORT, [RE_APPROVE] = AE_APPROVE_REPORT,
	[RE_PUBLISH] = AE_PUBLISH_REPORT, [RE_RETURN] = AE_RETURN
};

const char *const final_status_names[FS__MAX + 1] = {
	"unchanged", "changed", "added", "removed", NULL
};
const char *const final_status_labels[FS__MAX] = {
	N_("Unchanged"), N_("Changed"), N_("Added"), N_("Removed")
};

enum final_status
report_final_status(const char *s)
{
	return (enum final_status)names_find(final_status_names, FS__MAX, s);
}

static const char *
nz(const char *s)
{
	return s != NULL && *s != '\0' ? s : NULL;
}

/* The activity locked and in analysis: WF_OK, else the reason. */
static enum wf_result
in_analysis(struct db *db, struct arena *a, unsigned long long activity)
{
	enum act_state	 st;
	enum wf_result	 rc;

	if ((rc = workflow_lock(db, a, activity, &st)) != WF_OK)
		return rc;
	return st == AS_ANALYSIS ? WF_OK : WF_CLOSED;
}

enum wf_result
report_save(struct db *db, struct arena *a, unsigned long long activity,
    const struct report_texts *t, const struct actor *who)
{
	enum wf_result	 rc;

	if ((rc = in_analysis(db, a, activity)) != WF_OK)
		return rc;
	if (db_exec(db, SQL_RP_SAVE, DB_ARGS(
	    DB_S(summary_ar, nz(t->summary_ar)),
	    DB_S(summary_en, nz(t->summary_en)),
	    DB_S(usage_ar, nz(t->usage_ar)), DB_S(usage_en, nz(t->usage_en)),
	    DB_S(trends_ar, nz(t->trends_ar)),
	    DB_S(trends_en, nz(t->trends_en)),
	    DB_S(alignment_ar, nz(t->alignment_ar)),
	    DB_S(alignment_en, nz(t->alignment_en)),
	    DB_U(activity, activity))) < 0)
		return WF_ERROR;
	if (audit_record(db, who, "report.save", "activity", activity,
	    "report texts") == -1)
		return WF_ERROR;
	return WF_OK;
}

enum wf_result
report_article_save(struct db *db, struct arena *a,
    unsigned long long activity, unsigned long long raid,
    const struct final_article *f, const struct actor *who)
{
	struct dbres	*res;
	enum final_status st;
	enum wf_result	 rc;

	if ((rc = in_analysis(db, a, activity)) != WF_OK)
		return rc;
	if (raid == 0) {
		if (db_exec(db, SQL_RP_ARTICLE_INSERT, DB_ARGS(
		    DB_S(label, f->label ? f->label : ""),
		    DB_S(title_ar, f->title_ar ? f->title_ar : ""),
		    DB_S(title_en, nz(f->title_en)),
		    DB_S(body_ar, f->body_ar ? f->body_ar : ""),
		    DB_S(body_en, nz(f->body_en)),
		    DB_U(activity, activity))) != 1)
			return WF_ERROR;
		return audit_record(db, who, "report.article.add", "activity",
		    activity, f->title_ar) == -1 ? WF_ERROR : WF_OK;
	}
	res = db_query(db, a, SQL_RP_ARTICLE_LOCK, DB_ARGS(DB_U(id, raid),
	    DB_U(activity, activity)));
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	if (dbres_isnull(res, RP_ARTICLE_LOCK_ARTICLE_ID))
		st = f->removed ? FS_REMOVED : FS_ADDED;
	else if (f->removed)
		st = FS_REMOVED;
	else if (wdiff_changed(dbres_str(res, RP_ARTICLE_LOCK_OLD_TITLE_AR),
	    f->title_ar) || wdiff_changed(dbres_str(res,
	    RP_ARTICLE_LOCK_OLD_BODY_AR), f->body_ar) ||
	    wdiff_changed(dbres_str(res, RP_ARTICLE_LOCK_OLD_TITLE_EN),
	    f->title_en) || wdiff_changed(dbres_str(res,
	    RP_ARTICLE_LOCK_OLD_BODY_EN), f->body_en))
		st = FS_CHANGED;
	else
		st = FS_UNCHANGED;
	if (db_exec(db, SQL_RP_ARTICLE_UPDATE, DB_ARGS(
	    DB_S(label, f->label ? f->label : ""),
	    DB_S(title_ar, f->title_ar ? f->title_ar : ""),
	    DB_S(title_en, nz(f->title_en)),
	    DB_S(body_ar, f->body_ar ? f->body_ar : ""),
	    DB_S(body_en, nz(f->body_en)),
	    DB_S(status, final_status_names[st]), DB_U(id, raid))) < 0)
		return WF_ERROR;
	if (audit_record(db, who, "report.article", "activity", activity,
	    arena_printf(a, "article %llu: %s", raid,
	    final_status_names[st])) == -1)
		return WF_ERROR;
	return WF_OK;
}

enum wf_result
report_set_document(struct db *db, struct arena *a,
    unsigned long long activity, const char *stored, const char *name,
    const char *mime, unsigned long long size, const unsigned char *sha256,
    const struct actor *who)
{
	enum wf_result	 rc;

	if ((rc = in_analysis(db, a, activity)) != WF_OK)
		return rc;
	if (db_exec(db, SQL_UPLOAD_INSERT, DB_ARGS(
	    DB_S(stored_name, stored), DB_S(original_name, name),
	    DB_S(mime, mime), DB_U(size, size), DB_B(sha256, sha256, 32),
	    DB_U(uploaded_by, who->user_id))) != 1 ||
	    db_exec(db, SQL_RP_SET_DOCUMENT, DB_ARGS(
	    DB_U(upload, db_insert_id(db)), DB_U(activity, activity))) != 1)
		return WF_ERROR;
	if (audit_record(db, who, "report.document", "activity", activity,
	    name) == -1)
		return WF_ERROR;
	return WF_OK;
}

const char *const report_field_names[RF__MAX] = {
	[RF_SUMMARY_AR] = "summary_ar", [RF_USAGE_AR] = "usage_ar",
	[RF_TRENDS_AR] = "trends_ar", [RF_ALIGNMENT_AR] = "alignment_ar"
};

const char *const report_field_missing[RF__MAX] = {
	[RF_SUMMARY_AR] = N_("Write the summary in Arabic: the "
	    "participation and the main results."),
	[RF_USAGE_AR] = N_("Say in Arabic how the results were used "
	    "(art. 9-e)."),
	[RF_TRENDS_AR] = N_("Give the trends of the results in Arabic "
	    "(art. 9-e)."),
	[RF_ALIGNMENT_AR] = N_("Say in Arabic how the results align with "
	    "the government's direction (art. 9-e)."),
};

int
report_missing(struct db *db, struct arena *a, unsigned long long activity,
    unsigned *missing)
{
	static const int cols[RF__MAX] = {
		[RF_SUMMARY_AR] = RP_MISSING_SUMMARY_AR,
		[RF_USAGE_AR] = RP_MISSING_USAGE_AR,
		[RF_TRENDS_AR] = RP_MISSING_TRENDS_AR,
		[RF_ALIGNMENT_AR] = RP_MISSING_ALIGNMENT_AR
	};
	struct dbres	*res;
	int		 i;

	*missing = 0;
	res = db_query(db, a, SQL_RP_MISSING, DB_ARGS(
	    DB_U(activity, activity)));
	if (res == NULL)
		return -1;
	if (dbres_next(res))
		for (i = 0; i < RF__MAX; i++)
			if (dbres_int(res, cols[i]) != 0)
				*missing |= 1u << i;
	return 0;
}

enum wf_result
report_step(struct db *db, struct arena *a, unsigned long long activity,
    enum report_event ev, const struct actor *who, const char *reason,
    const char **problem, long long *unanswered)
{
	static const char *const rstate[RE__MAX] = {
		[RE_SUBMIT] = "submitted", [RE_APPROVE] = "reviewed",
		[RE_PUBLISH] = "published", [RE_RETURN] = "returned"
	};
	enum wf_result	 rc;
	enum act_state	 st;
	struct dbres	*res;
	long long	 n;
	unsigned long long to;
	unsigned	 missing;
	const char	*msg = NULL;

	*problem = NULL;
	*unanswered = 0;
	if ((rc = workflow_lock(db, a, activity, &st)) != WF_OK)
		return rc;
	if (ev == RE_SUBMIT && st == AS_ANALYSIS) {
		n = analysis_count(db_query(db, a, SQL_AN_UNANSWERED, DB_ARGS(
		    DB_U(activity, activity))));
		if (n < 0)
			return WF_ERROR;
		if (n > 0) {
			*unanswered = n;
			*problem = N_("The entity's position is required on "
			    "every published comment: {1} have none yet.");
			return WF_INCOMPLETE;
		}
		if (report_missing(db, a, activity, &missing) == -1)
			return WF_ERROR;
		if (missing == 1u << RF_SUMMARY_AR) {
			*problem = N_("Write the report's summary in Arabic "
			    "first.");
			return WF_INCOMPLETE;
		}
		if (missing != 0) {
			*problem = N_("The report is not complete: write the "
			    "texts marked below in Arabic, then submit it "
			    "again.");
			return WF_INCOMPLETE;
		}
	}
	rc = workflow_apply(db, a, activity, report_event_ids[ev], who,
	    reason, problem);
	if (rc != WF_OK)
		return rc;
	if (db_exec(db, SQL_RP_STEP, DB_ARGS(DB_S(state, rstate[ev]),
	    DB_U(user, who->user_id), DB_S(reason, reason),
	    DB_U(activity, activity))) < 0)
		return WF_ERROR;
	if ((ev == RE_SUBMIT || ev == RE_PUBLISH) &&
	    analysis_stats_refresh(db, a, activity) == -1)
		return WF_ERROR;
	switch (ev) {
	case RE_SUBMIT:
		msg = N_("An analysis report was submitted for your review:"
		    "\n\n{1}\n\n{2}/staff/activities/{3}/report");
		res = db_query(db, a, SQL_WF_NOTIFY_ROLE, DB_ARGS(
		    DB_S(role, perm_role_name(ROLE_COORDINATOR)),
		    DB_I(primary_first, 0), DB_U(id, activity)));
		break;
	case RE_APPROVE:
		msg = N_("An analysis report awaits your final approval and "
		    "publication:\n\n{1}\n\n{2}/staff/activities/{3}/report");
		res = db_query(db, a, SQL_WF_NOTIFY_ROLE, DB_ARGS(
		    DB_S(role, perm_role_name(ROLE_LIAISON)),
		    DB_I(primary_first, 1), DB_U(id, activity)));
		break;
	case RE_RETURN:
		msg = N_("The analysis report was returned for changes:\n\n"
		    "{1}\n\nReason: {4}\n\n{2}/staff/activities/{3}/report");
		if ((res = db_query(db, a, SQL_RP_SUBMITTER, DB_ARGS(
		    DB_U(activity, activity)))) == NULL)
			return WF_ERROR;
		to = dbres_next(res) ? dbres_u(res, RP_SUBMITTER_USER_ID) : 0;
		res = db_query(db, a, SQL_WF_NOTIFY_USER, DB_ARGS(
		    DB_U(user, to), DB_U(id, activity)));
		break;
	default:
		res = NULL;
		break;
	}
	if (msg != NULL && workflow_tell(db, a, res, activity, msg,
	    reason) == -1)
		return WF_ERROR;
	if (ev == RE_PUBLISH && report_tell_commenters(db, a, activity) < 0)
		return WF_ERROR;
	return WF_OK;
}

/* The first REPORT_QUOTE_CHARS characters of s, with "…" when cut. */
static const char *
quote(struct arena *a, const char *s)
{
	size_t		 i = 0;
	int		 chars = 0;

	if (s == NULL)
		return "";
	while (s[i] != '\0' && chars < REPORT_QUOTE_CHARS) {
		i++;
		while (((unsigned char)s[i] & 0xc0) == 0x80)
			i++;
		chars++;
	}
	if (s[i] == '\0')
		return s;
	return arena_printf(a, "%.*s…", (int)i, s);
}

/* Queues the e-mail of one person: buf holds the lines of the person's
 * comments. */
static int
tell_one(struct db *db, struct arena *a, const char *email, const char *lang,
    const char *title, unsigned long long activity, struct buf *lines)
{
	const char	*base = conf_get("app", "base_url", "");

	buf_addc(lines, '\0');
	return outbox_email(db, email, i18n_subst(a, i18n_get(lang,
	    "Sharek: the results of a consultation you took part in are "
	    "published"), NULL), i18n_subst(a, i18n_get(lang,
	    "The results of this consultation are now published, with the "
	    "entity's position on every comment:\n\n{1}\n\nYour comments and "
	    "the entity's position on each:\n\n{2}\nThe full results and the "
	    "final document: {3}/consultations/{4}/results"), title,
	    lines->data, base, arena_printf(a, "%llu", activity), NULL)) ==
	    -1 ? -1 : 0;
}

int
report_tell_commenters(struct db *db, struct arena *a,
    unsigned long long activity)
{
	struct dbres	*res;
	struct buf	 lines;
	unsigned long long user = 0, u;
	const char	*email = NULL, *lang = NULL, *title = NULL, *what;
	const char	*reply, *label;
	enum comment_position pos;
	int		 n = 0;

	res = db_query(db, a, SQL_RP_COMMENTERS, DB_ARGS(
	    DB_U(activity, activity)));
	if (res == NULL)
		return -1;
	buf_init(&lines, a);
	while (dbres_next(res)) {
		u = dbres_u(res, RP_COMMENTERS_USER_ID);
		if (u != user) {
			if (user != 0) {
				if (tell_one(db, a, email, lang, title,
				    activity, &lines) == -1)
					return -1;
				n++;
			}
			user = u;
			email = dbres_str(res, RP_COMMENTERS_EMAIL);
			lang = dbres_str(res, RP_COMMENTERS_LANG);
			title = workflow_pick(lang, dbres_str(res,
			    RP_COMMENTERS_TITLE_AR), dbres_str(res,
			    RP_COMMENTERS_TITLE_EN));
			buf_init(&lines, a);
		}
		pos = comment_position(dbres_str(res,
		    RP_COMMENTERS_ENTITY_POSITION));
		if (comment_status(dbres_str(res, RP_COMMENTERS_STATUS)) !=
		    CMS_PUBLISHED)
			what = i18n_get(lang, "Not published (it did not meet "
			    "the moderation principles)");
		else if (pos == CPOS__MAX)
			what = i18n_get(lang, "No position given");
		else
			what = i18n_get(lang, comment_position_labels[pos]);
		label = dbres_str(res, RP_COMMENTERS_NUMBER_LABEL);
		reply = workflow_pick(lang, dbres_str(res,
		    RP_COMMENTERS_ENTITY_REPLY_AR), dbres_str(res,
		    RP_COMMENTERS_ENTITY_REPLY_EN));
		buf_printf(&lines, "- «%s»%s%s\n  %s: %s\n", quote(a,
		    dbres_str(res, RP_COMMENTERS_BODY)), label ? " — " : "",
		    label ? label : "", i18n_get(lang, "The entity's position"),
		    what);
		if (*reply != '\0')
			buf_printf(&lines, "  %s: %s\n", i18n_get(lang,
			    "The entity's reply"), reply);
		buf_addc(&lines, '\n');
	}
	if (user != 0) {
		if (tell_one(db, a, email, lang, title, activity, &lines) == -1)
			return -1;
		n++;
	}
	return n;
}
