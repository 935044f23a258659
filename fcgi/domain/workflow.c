/*
 * workflow.c — see workflow.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "arena.h"
#include "conf.h"
#include "audit.h"
#include "cache.h"
#include "db.h"
#include "handover.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "workflow.h"

#ifndef N_
#define N_(s)	(s)
#endif

/* Activities re-indexed per statement by workflow_reindex. */
#define WF_INDEX_BATCH	500

int
calendar_load(struct db *db, struct arena *a, struct calendar *c)
{
	struct dbres	*res;

	/* The site's: from the worker's cache when the request has its
	 * generations (cache.h; settings and holidays move the site's
	 * generation, migrations 0027 and 0035), else read. */
	calendar_init(c);
	res = cache_query(db, a, SQL_SETTING_GET, DB_ARGS(
	    DB_S(name, "weekend_days")));
	if (res == NULL)
		return -1;
	if (dbres_next(res) && calendar_set_weekend(c,
	    dbres_str(res, SETTING_GET_VALUE)) == -1)
		log_warnx("%s: bad weekend_days setting, using Friday and "
		    "Saturday", __func__);
	if ((res = cache_query(db, a, SQL_WF_HOLIDAYS, DB_NOARGS)) == NULL)
		return -1;
	while (dbres_next(res))
		calendar_add_holiday(c, dbres_str(res, WF_HOLIDAYS_DAY));
	return 0;
}

/* An empty or missing text. */
static int
blank(const char *s)
{
	return s == NULL || s[0] == '\0';
}

const char *
workflow_incomplete(struct db *db, struct arena *a, unsigned long long id)
{
	struct dbres	*res;
	struct act_dates d;
	enum act_kind	 kind;
	enum act_audience aud;
	int		 urgent;

	res = db_query(db, a, SQL_WF_CHECK, DB_ARGS(DB_U(id, id)));
	if (res == NULL || !dbres_next(res))
		return N_("The consultation cannot be read.");
	kind = activity_kind(dbres_str(res, WF_CHECK_KIND));
	aud = activity_audience(dbres_str(res, WF_CHECK_AUDIENCE));
	if (blank(dbres_str(res, WF_CHECK_TITLE_AR)) ||
	    blank(dbres_str(res, WF_CHECK_TITLE_EN)))
		return N_("A title in Arabic and in English is required.");
	if (blank(dbres_str(res, WF_CHECK_SUMMARY_AR)) ||
	    blank(dbres_str(res, WF_CHECK_SUMMARY_EN)))
		return N_("A summary in Arabic and in English is required.");
	if (aud == AA_PUBLIC && kind == AK_CONSULTATION &&
	    (blank(dbres_str(res, WF_CHECK_OBJECTIVES_AR)) ||
	    blank(dbres_str(res, WF_CHECK_OBJECTIVES_EN))))
		return N_("A public consultation needs its objectives in "
		    "Arabic and in English.");
	if (kind == AK_CONSULTATION) {
		if (dbres_int(res, WF_CHECK_DOC_PDF) ?
		    dbres_isnull(res, WF_CHECK_DOCUMENT_UPLOAD_ID) :
		    dbres_int(res, WF_CHECK_ARTICLES) == 0)
			return N_("The document is missing: upload it as a "
			    "PDF or add its articles.");
	}
	/* A survey or a poll needs its questions (issue 12). */
	if (kind != AK_CONSULTATION && dbres_int(res, WF_CHECK_QUESTIONS) == 0)
		return N_("Add the questions of the survey or poll first.");
	if (dbres_int(res, WF_CHECK_SECTORS) == 0)
		return N_("Choose the sectors concerned.");
	if (aud != AA_PUBLIC && dbres_int(res, WF_CHECK_TARGETS) == 0)
		return N_("A restricted or inter-agency consultation needs "
		    "its target entities or groups.");
	urgent = dbres_int(res, WF_CHECK_URGENT) != 0;
	d.publish = dbres_time(res, WF_CHECK_PUBLISH_AT);
	d.closes = dbres_time(res, WF_CHECK_CLOSES_AT);
	d.results_due = dbres_time(res, WF_CHECK_RESULTS_DUE_AT);
	d.final_due = dbres_time(res, WF_CHECK_FINAL_PUBLICATION_AT);
	switch (activity_check_dates(&d, urgent, time(NULL))) {
	case DP_OK:
		return NULL;
	case DP_MISSING:
		return N_("Publication, closing, results and final "
		    "publication dates are required.");
	case DP_PUBLISH_PAST:
		return N_("The publication date is in the past.");
	case DP_PERIOD_SHORT:
		return urgent ? N_("An urgent consultation stays open at "
		    "least two weeks.") : N_("A consultation stays open at "
		    "least one month from its publication.");
	case DP_RESULTS_BEFORE_CLOSE:
		return N_("The results date must come after the closing "
		    "date.");
	case DP_FINAL_BEFORE_RESULTS:
		return N_("The final publication date must not come before "
		    "the results date.");
	}
	return NULL;
}

const char *
workflow_isolate(struct arena *a, const char *s)
{
	if (s == NULL || *s == '\0')
		return "";
	return arena_printf(a, "\xE2\x81\xA8%s\xE2\x81\xA9", s);
}

const char *
workflow_pick(const char *lang, const char *ar, const char *en)
{
	if (lang != NULL && strcmp(lang, "en") == 0 && !blank(en))
		return en;
	return ar != NULL ? ar : "";
}

/* See workflow.h. */
int
workflow_tell(struct db *db, struct arena *a, struct dbres *res,
    unsigned long long id, const char *msg, const char *reason)
{
	/* The subject says what happened ({1}: the title), found by how
	 * the message begins; one not listed gets the general one. */
	static const struct { const char *begins, *subject; } subjects[] = {
		{ "A consultation was submitted for your review:",
		    N_("Sharek: submitted for your review: {1}") },
		{ "A consultation awaits your approval:",
		    N_("Sharek: awaiting your approval: {1}") },
		{ "Your consultation was returned to you:",
		    N_("Sharek: returned to you: {1}") },
		{ "Your consultation was approved and will be published",
		    N_("Sharek: approved for publication: {1}") },
		{ "A correction of an open consultation awaits your approval",
		    N_("Sharek: a correction awaits your approval: {1}") },
		{ "Your correction of the consultation was approved",
		    N_("Sharek: correction approved and published: {1}") },
		{ "Your correction of the consultation was not approved",
		    N_("Sharek: correction not approved: {1}") },
	};
	const char	*base = conf_get("app", "base_url", "");
	const char	*subject =
	    N_("Sharek: a consultation needs your attention");
	size_t		 k;

	if (res == NULL)
		return -1;
	for (k = 0; k < sizeof(subjects) / sizeof(subjects[0]); k++)
		if (strncmp(msg, subjects[k].begins,
		    strlen(subjects[k].begins)) == 0)
			subject = subjects[k].subject;
	while (dbres_next(res)) {
		const char *lang = dbres_str(res, WF_RECIPIENT_LANG);
		const char *title = workflow_isolate(a, workflow_pick(lang,
		    dbres_str(res, WF_RECIPIENT_TITLE_AR),
		    dbres_str(res, WF_RECIPIENT_TITLE_EN)));
		if (outbox_email(db, dbres_str(res, WF_RECIPIENT_EMAIL),
		    i18n_subst(a, i18n_get(lang, subject), title, NULL),
		    i18n_subst(a, i18n_get(lang, msg), title, base,
		    arena_printf(a, "%llu", id), workflow_isolate(a, reason),
		    NULL)) == -1)
			return -1;
	}
	return 0;
}

/* Tells the next people in the chain, in their own language. */
static int
workflow_notify(struct db *db, struct arena *a, unsigned long long id,
    enum act_state to, const char *reason)
{
	struct dbres	*res;
	enum role	 role = ROLE__MAX;	/* ROLE__MAX: the author */
	const char	*msg;

	switch (to) {
	case AS_SUBMITTED:
		role = ROLE_COORDINATOR;
		msg = N_("A consultation was submitted for your review:\n\n"
		    "{1}\n\n{2}/staff/activities/{3}");
		break;
	case AS_APPROVED:
		role = ROLE_LIAISON;
		msg = N_("A consultation awaits your approval:\n\n{1}\n\n"
		    "{2}/staff/activities/{3}");
		break;
	case AS_RETURNED:
		msg = N_("Your consultation was returned to you:\n\n{1}\n\n"
		    "Reason: {4}\n\n{2}/staff/activities/{3}");
		break;
	case AS_SCHEDULED:
		msg = N_("Your consultation was approved and will be published "
		    "on its publication date:\n\n{1}\n\n"
		    "{2}/staff/activities/{3}");
		break;
	default:
		return 0;
	}
	if (role != ROLE__MAX)
		res = db_query(db, a, SQL_WF_NOTIFY_ROLE, DB_ARGS(
		    DB_S(role, perm_role_name(role)),
		    DB_I(primary_first, role == ROLE_LIAISON), DB_U(id, id)));
	else
		res = db_query(db, a, SQL_WF_NOTIFY_AUTHOR, DB_ARGS(
		    DB_U(id, id)));
	return workflow_tell(db, a, res, id, msg, reason);
}

enum wf_result
workflow_apply(struct db *db, struct arena *a, unsigned long long id,
    enum act_event ev, const struct actor *who, const char *reason,
    const char **problem)
{
	struct dbres	*res;
	enum act_state	 from, to;
	enum role	 role = who->user_id == 0 ? ROLE__MAX :
	    perm_role(who->role);

	*problem = NULL;
	res = db_query(db, a, SQL_WF_STATE_LOCK, DB_ARGS(DB_U(id, id)));
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	from = activity_state(dbres_str(res, WF_STATE_LOCK_STATE));
	if (from == AS__MAX)
		return WF_ERROR;
	to = activity_next(from, ev, role);
	if (to == AS__MAX)
		return WF_FORBIDDEN;
	/* Art. 6-ب: the alternate acts once the primary has not, within
	 * HANDOVER_WORKDAYS (handover_tick hands the wait over). */
	if (role == ROLE_LIAISON && (from == AS_APPROVED ||
	    from == AS_REPORT_APPROVED)) {
		int w = handover_waiting(db, a, id, 0, who->user_id,
		    from == AS_APPROVED ? HK_APPROVAL : HK_PUBLICATION);
		if (w == -1)
			return WF_ERROR;
		if (w)
			return WF_NOT_YET;
	}
	if (activity_event_needs_reason(ev) && blank(reason))
		return WF_REASON_NEEDED;
	if (ev == AE_SUBMIT || ev == AE_APPROVE) {
		/* Checked again at approval: dates may have passed. */
		if ((*problem = workflow_incomplete(db, a, id)) != NULL)
			return WF_INCOMPLETE;
	}
	if (db_exec(db, SQL_WF_SET_STATE, DB_ARGS(
	    DB_S(state, activity_state_name(to)),
	    DB_S(reason, ev == AE_RETURN ? reason : NULL),
	    DB_U(id, id))) != 1)
		return WF_ERROR;
	if (ev == AE_APPROVE && db_exec(db, SQL_WF_FIX_ORIGINAL,
	    DB_ARGS(DB_U(id, id))) < 0)
		return WF_ERROR;
	if (db_exec(db, SQL_WF_EVENT, DB_ARGS(DB_U(id, id),
	    DB_U(actor, who->user_id),
	    DB_S(role, who->user_id ? who->role : "system"),
	    DB_S(from_state, activity_state_name(from)),
	    DB_S(to_state, activity_state_name(to)),
	    DB_S(reason, reason))) != 1)
		return WF_ERROR;
	if (workflow_notify(db, a, id, to, reason) == -1)
		return WF_ERROR;
	if (who->user_id != 0 && audit_record(db, who, arena_printf(a,
	    "activity.%s", activity_state_name(to)), "activity", id,
	    arena_printf(a, "%s → %s%s%s", activity_state_name(from),
	    activity_state_name(to), reason ? ": " : "", reason ? reason :
	    "")) == -1)
		return WF_ERROR;
	return WF_OK;
}

enum wf_result
workflow_lock(struct db *db, struct arena *a, unsigned long long id,
    enum act_state *state)
{
	struct dbres	*res;

	*state = AS__MAX;
	res = db_query(db, a, SQL_WF_STATE_LOCK, DB_ARGS(DB_U(id, id)));
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	*state = activity_state(dbres_str(res, WF_STATE_LOCK_STATE));
	return *state == AS__MAX ? WF_ERROR : WF_OK;
}

enum wf_result
workflow_extend(struct db *db, struct arena *a, unsigned long long id,
    long long days, const char *reason_ar, const char *reason_en,
    const struct actor *who, long long *left_days)
{
	struct dbres	*res;
	long long	 add = days * 86400, done;
	time_t		 pub, orig;

	*left_days = 0;
	res = db_query(db, a, SQL_WF_EXTENSION_LOCK, DB_ARGS(DB_U(id, id)));
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	if (activity_state(dbres_str(res, WF_EXTENSION_LOCK_STATE)) != AS_OPEN)
		return WF_CLOSED;
	pub = dbres_time(res, WF_EXTENSION_LOCK_PUBLISH_AT);
	orig = dbres_time(res, WF_EXTENSION_LOCK_ORIGINAL_CLOSES_AT);
	done = dbres_int(res, WF_EXTENSION_LOCK_EXTENDED_SECONDS);
	/* Art. 11-ج: all extensions together at most the original period. */
	if (!activity_extension_ok(pub, orig, done, add)) {
		*left_days = activity_extension_left(pub, orig, done) / 86400;
		return WF_OVER_CAP;
	}
	if (db_exec(db, SQL_WF_EXTEND, DB_ARGS(DB_I(secs, add),
	    DB_U(id, id))) != 1 ||
	    db_exec(db, SQL_WF_EXTENSION_INSERT, DB_ARGS(DB_I(secs, add),
	    DB_S(reason_ar, reason_ar), DB_S(reason_en, reason_en),
	    DB_U(granted_by, who->user_id), DB_U(id, id))) != 1)
		return WF_ERROR;
	if (audit_record(db, who, "activity.extend", "activity", id,
	    arena_printf(a, "+%lld days: %s", days, reason_ar)) == -1)
		return WF_ERROR;
	return WF_OK;
}

const char *const act_version_status_names[AVS__MAX + 1] = {
	[AVS_PENDING] = "pending",
	[AVS_APPROVED] = "approved",
	[AVS_REJECTED] = "rejected",
	[AVS_SUPERSEDED] = "superseded",
	[AVS__MAX] = NULL
};
const char *const act_version_status_labels[AVS__MAX] = {
	[AVS_PENDING] = N_("Awaiting the liaison officer's approval"),
	[AVS_APPROVED] = N_("Approved and published"),
	[AVS_REJECTED] = N_("Not approved"),
	[AVS_SUPERSEDED] = N_("Replaced by a newer correction")
};

enum act_version_status
workflow_version_status(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < AVS__MAX; i++)
		if (strcmp(s, act_version_status_names[i]) == 0)
			return (enum act_version_status)i;
	return AVS__MAX;
}

enum wf_result
workflow_correct(struct db *db, struct arena *a, unsigned long long id,
    const struct act_texts *t, const char *reason, const struct actor *who)
{
	enum act_state	 st;
	enum wf_result	 rc;

	if ((rc = workflow_lock(db, a, id, &st)) != WF_OK)
		return rc;
	if (!activity_versionable(st))
		return WF_CLOSED;
	if (blank(reason))
		return WF_REASON_NEEDED;
	if (db_exec(db, SQL_WF_CORRECTION_SUPERSEDE, DB_ARGS(DB_U(id, id))) < 0
	    || db_exec(db, SQL_WF_CORRECTION_INSERT, DB_ARGS(DB_U(id, id),
	    DB_U(author, who->user_id), DB_S(reason, reason),
	    DB_S(title_ar, t->title_ar), DB_S(title_en, t->title_en),
	    DB_S(summary_ar, t->summary_ar), DB_S(summary_en, t->summary_en),
	    DB_S(objectives_ar, t->objectives_ar),
	    DB_S(objectives_en, t->objectives_en),
	    DB_S(announcements_ar, t->announcements_ar),
	    DB_S(announcements_en, t->announcements_en))) != 1)
		return WF_ERROR;
	/* Art. 7-ز: the liaison officer publishes; until then the public
	 * sees the text as it was. */
	if (workflow_tell(db, a, db_query(db, a, SQL_WF_NOTIFY_ROLE, DB_ARGS(
	    DB_S(role, perm_role_name(ROLE_LIAISON)), DB_I(primary_first, 0),
	    DB_U(id, id))), id,
	    N_("A correction of an open consultation awaits your approval; "
	    "until you approve it the public sees the text as published:\n\n"
	    "{1}\n\nReason: {4}\n\n{2}/staff/activities/{3}"), reason) == -1)
		return WF_ERROR;
	if (audit_record(db, who, "activity.correction", "activity", id,
	    arena_printf(a, "%s — %s", t->title_ar ? t->title_ar : "",
	    reason)) == -1)
		return WF_ERROR;
	return WF_OK;
}

enum wf_result
workflow_correction_decide(struct db *db, struct arena *a,
    unsigned long long id, unsigned long long vid, int approve,
    const char *reason, const struct actor *who)
{
	struct dbres	*res;
	enum act_state	 st;
	enum wf_result	 rc;
	unsigned long long author;
	const char	*msg;

	if ((rc = workflow_lock(db, a, id, &st)) != WF_OK)
		return rc;
	res = db_query(db, a, SQL_WF_CORRECTION_LOCK, DB_ARGS(DB_U(vid, vid),
	    DB_U(id, id)));
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	if (workflow_version_status(dbres_str(res, WF_CORRECTION_LOCK_STATUS))
	    != AVS_PENDING)
		return WF_DECIDED;
	/* Closed meanwhile: its text is the one it was consulted on. */
	if (!activity_versionable(st))
		return WF_CLOSED;
	if (!approve && blank(reason))
		return WF_REASON_NEEDED;
	author = dbres_u(res, WF_CORRECTION_LOCK_AUTHOR_ID);
	if (approve) {
		if (db_exec(db, SQL_WF_CORRECTION_PUBLISH, DB_ARGS(
		    DB_U(vid, vid), DB_U(id, id))) != 1 ||
		    db_exec(db, SQL_WF_CORRECTION_APPROVE, DB_ARGS(
		    DB_U(user, who->user_id), DB_U(vid, vid),
		    DB_U(id, id))) != 1)
			return WF_ERROR;
		if (workflow_index_one(db, a, id,
		    dbres_str(res, WF_CORRECTION_LOCK_TITLE_AR),
		    dbres_str(res, WF_CORRECTION_LOCK_TITLE_EN),
		    dbres_str(res, WF_CORRECTION_LOCK_SUMMARY_AR),
		    dbres_str(res, WF_CORRECTION_LOCK_SUMMARY_EN)) == -1)
			return WF_ERROR;
		msg = N_("Your correction of the consultation was approved "
		    "and is now public:\n\n{1}\n\n{2}/staff/activities/{3}");
	} else {
		if (db_exec(db, SQL_WF_CORRECTION_REJECT, DB_ARGS(
		    DB_U(user, who->user_id), DB_S(reason, reason),
		    DB_U(vid, vid))) != 1)
			return WF_ERROR;
		msg = N_("Your correction of the consultation was not "
		    "approved; the published text stays:\n\n{1}\n\n"
		    "Reason: {4}\n\n{2}/staff/activities/{3}");
	}
	if (author != 0 && workflow_tell(db, a, db_query(db, a,
	    SQL_WF_NOTIFY_USER, DB_ARGS(DB_U(user, author), DB_U(id, id))),
	    id, msg, reason) == -1)
		return WF_ERROR;
	if (audit_record(db, who, approve ? "activity.version" :
	    "activity.correction.reject", "activity", id, arena_printf(a,
	    "correction %llu%s%s", vid, approve ? "" : ": ",
	    approve ? "" : reason)) == -1)
		return WF_ERROR;
	return WF_OK;
}

enum wf_result
workflow_respond(struct db *db, struct arena *a, unsigned long long id,
    unsigned long long entity, const char *body, const struct actor *who)
{
	struct dbres	*res;

	res = db_query(db, a, SQL_INBOX_STATE_LOCK, DB_ARGS(
	    DB_U(entity, entity), DB_U(id, id)));
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	if (activity_state(dbres_str(res, INBOX_STATE_LOCK_STATE)) != AS_OPEN)
		return WF_CLOSED;
	switch (handover_waiting(db, a, id, entity, who->user_id,
	    HK_RESPONSE)) {
	case -1:
		return WF_ERROR;
	case 1:
		return WF_NOT_YET;
	}
	/* The row is locked and found: the same text again within the
	 * second changes no row and is still a response. */
	if (db_exec(db, SQL_INBOX_RESPOND, DB_ARGS(DB_U(activity, id),
	    DB_U(entity, entity), DB_S(body, body),
	    DB_U(user, who->user_id))) < 0)
		return WF_ERROR;
	if (audit_record(db, who, "activity.response", "activity", id,
	    arena_printf(a, "response of entity %llu", entity)) == -1)
		return WF_ERROR;
	return WF_OK;
}

int
workflow_tick(struct db *db, struct arena *a)
{
	struct dbres	*res;
	struct actor	 sys = { 0, "system", 0, NULL };
	int		 n = 0, pass;
	const char	*problem;

	for (pass = 0; pass < 2; pass++) {
		res = db_query(db, a, pass == 0 ? SQL_WF_DUE_OPEN :
		    SQL_WF_DUE_CLOSE, DB_ARGS(DB_I(limit, WF_TICK_BATCH)));
		if (res == NULL)
			return -1;
		while (dbres_next(res)) {
			unsigned long long id = dbres_u(res, WF_DUE_ID);
			enum wf_result rc;

			if (db_begin(db) == -1)
				return -1;
			rc = workflow_apply(db, a, id, pass == 0 ? AE_OPEN :
			    AE_CLOSE, &sys, NULL, &problem);
			if (rc == WF_OK) {
				if (db_commit(db) == -1)
					return -1;
				n++;
			} else
				db_rollback(db);
		}
	}
	return n;
}

int
workflow_index_one(struct db *db, struct arena *a, unsigned long long id,
    const char *tar, const char *ten, const char *sar, const char *sen)
{
	char		*all;
	const char	*stems;

	all = arena_printf(a, "%s %s %s %s", tar ? tar : "", ten ? ten : "",
	    sar ? sar : "", sen ? sen : "");
	stems = textnorm_stems(a, all, strlen(all));
	return db_exec(db, SQL_WF_SET_SEARCH, DB_ARGS(DB_S(text, stems),
	    DB_U(id, id))) < 0 ? -1 : 0;
}

int
workflow_reindex(struct db *db, struct arena *a)
{
	struct arena	*b;
	struct dbres	*res;
	unsigned long long after = 0;
	int		 n = 0, rows;

	/* A batch's memory is let go before the next (flat whatever the
	 * number of activities), as analysis_reindex does. */
	b = arena_new(64 * 1024);
	do {
		arena_reset(b);
		res = db_query(db, b, SQL_WF_INDEX_BATCH, DB_ARGS(
		    DB_U(after, after), DB_I(limit, WF_INDEX_BATCH)));
		rows = 0;
		while (res != NULL && dbres_next(res)) {
			after = dbres_u(res, WF_INDEX_BATCH_ID);
			if (workflow_index_one(db, b, after,
			    dbres_str(res, WF_INDEX_BATCH_TITLE_AR),
			    dbres_str(res, WF_INDEX_BATCH_TITLE_EN),
			    dbres_str(res, WF_INDEX_BATCH_SUMMARY_AR),
			    dbres_str(res, WF_INDEX_BATCH_SUMMARY_EN)) == -1) {
				res = NULL;
				break;
			}
			rows++;
			n++;
		}
		if (res == NULL) {
			arena_free(b);
			return -1;
		}
	} while (rows == WF_INDEX_BATCH);
	arena_free(b);
	/* The comments' fingerprints (campaign groups, issue 11) of those
	 * stored before them. */
	if (analysis_reindex(db, a) < 0)
		return -1;
	return n;
}
