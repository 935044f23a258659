/*
 * workflow.c — see workflow.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "conf.h"
#include "audit.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "workflow.h"

#define N_(s)	(s)

int
calendar_load(struct db *db, struct arena *a, struct calendar *c)
{
	struct dbres	*res;

	calendar_init(c);
	res = db_query(db, a, SQL_SETTING_GET, "s", "weekend_days");
	if (res == NULL)
		return -1;
	if (dbres_next(res) && calendar_set_weekend(c, dbres_str(res, 0)) == -1)
		log_warnx("%s: bad weekend_days setting, using Friday and "
		    "Saturday", __func__);
	if ((res = db_query(db, a, SQL_HOLIDAYS_ALL, "")) == NULL)
		return -1;
	while (dbres_next(res))
		calendar_add_holiday(c, dbres_str(res, 0));
	return 0;
}

static time_t
sqltime(const char *s)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	if (s == NULL || strptime(s, "%Y-%m-%d %H:%M:%S", &tm) == NULL)
		return 0;
	return timegm(&tm);
}

const char *
workflow_incomplete(struct db *db, struct arena *a, unsigned long long id)
{
	struct dbres	*res;
	struct act_dates d;
	int		 urgent;

	res = db_query(db, a, SQL_WF_CHECK, "u", id);
	if (res == NULL || !dbres_next(res))
		return N_("The consultation cannot be read.");
	/* Columns: title_ar, title_en, summary_ar, summary_en,
	 * objectives_ar, objectives_en, audience, urgent, publish_at,
	 * closes_at, results_due_at, final_publication_at, doc_kind,
	 * document_upload_id, articles, sectors, targets, kind. */
	if (!dbres_str(res, 0)[0] || !dbres_str(res, 1)[0])
		return N_("A title in Arabic and in English is required.");
	if (dbres_isnull(res, 2) || !dbres_str(res, 2)[0] ||
	    dbres_isnull(res, 3) || !dbres_str(res, 3)[0])
		return N_("A summary in Arabic and in English is required.");
	if (strcmp(dbres_str(res, 6), "public") == 0 &&
	    strcmp(dbres_str(res, 17), "consultation") == 0 &&
	    (dbres_isnull(res, 4) || !dbres_str(res, 4)[0] ||
	    dbres_isnull(res, 5) || !dbres_str(res, 5)[0]))
		return N_("A public consultation needs its objectives in "
		    "Arabic and in English.");
	if (strcmp(dbres_str(res, 17), "consultation") == 0) {
		if (strcmp(dbres_str(res, 12), "pdf") == 0 ?
		    dbres_isnull(res, 13) : dbres_int(res, 14) == 0)
			return N_("The document is missing: upload it as a "
			    "PDF or add its articles.");
	}
	if (dbres_int(res, 15) == 0)
		return N_("Choose the sectors concerned.");
	if (strcmp(dbres_str(res, 6), "public") != 0 &&
	    dbres_int(res, 16) == 0)
		return N_("A restricted or inter-agency consultation needs "
		    "its target entities or groups.");
	urgent = (int)dbres_int(res, 7);
	d.publish = sqltime(dbres_str(res, 8));
	d.closes = sqltime(dbres_str(res, 9));
	d.results_due = sqltime(dbres_str(res, 10));
	d.final_due = sqltime(dbres_str(res, 11));
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

/* Tells the next people in the chain, in their own language. */
static int
workflow_notify(struct db *db, struct arena *a, unsigned long long id,
    enum act_state to, const char *reason)
{
	struct dbres	*res;
	const char	*role = NULL, *msg;
	const char	*base = conf_get("app", "base_url", "");

	switch (to) {
	case AS_SUBMITTED:
		role = "coordinator";
		msg = N_("A consultation was submitted for your review:\n\n"
		    "{1}\n\n{2}/staff/activities/{3}");
		break;
	case AS_APPROVED:
		role = "liaison";
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
	if (role != NULL)
		res = db_query(db, a, SQL_WF_NOTIFY_ROLE, "su", role, id);
	else
		res = db_query(db, a, SQL_WF_NOTIFY_AUTHOR, "u", id);
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *lang = dbres_str(res, 1);
		const char *title = strcmp(lang, "en") == 0 &&
		    dbres_str(res, 3)[0] ? dbres_str(res, 3) :
		    dbres_str(res, 2);
		if (outbox_email(db, dbres_str(res, 0), i18n_get(lang,
		    "Sharek: a consultation needs your attention"),
		    i18n_subst(a, i18n_get(lang, msg), title, base,
		    arena_printf(a, "%llu", id), reason ? reason : "",
		    NULL)) == -1)
			return -1;
	}
	return 0;
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
	res = db_query(db, a, SQL_WF_STATE_LOCK, "u", id);
	if (res == NULL)
		return WF_ERROR;
	if (!dbres_next(res))
		return WF_NOT_FOUND;
	from = activity_state(dbres_str(res, 0));
	if (from == AS__MAX)
		return WF_ERROR;
	to = activity_next(from, ev, role);
	if (to == AS__MAX)
		return WF_FORBIDDEN;
	if (activity_event_needs_reason(ev) && (reason == NULL ||
	    reason[0] == '\0'))
		return WF_REASON_NEEDED;
	if (ev == AE_SUBMIT || ev == AE_APPROVE) {
		/* Checked again at approval: dates may have passed. */
		if ((*problem = workflow_incomplete(db, a, id)) != NULL)
			return WF_INCOMPLETE;
	}
	if (db_exec(db, SQL_WF_SET_STATE, "ssu", activity_state_name(to),
	    ev == AE_RETURN ? reason : NULL, id) != 1)
		return WF_ERROR;
	if (ev == AE_APPROVE && db_exec(db, SQL_WF_FIX_ORIGINAL, "u", id) < 0)
		return WF_ERROR;
	if (db_exec(db, SQL_WF_EVENT, "uussss", id, who->user_id,
	    who->user_id ? who->role : "system", activity_state_name(from),
	    activity_state_name(to), reason) != 1)
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

int
workflow_tick(struct db *db, struct arena *a)
{
	struct dbres	*res;
	struct actor	 sys = { 0, "system", 0, NULL };
	int		 n = 0, pass;
	const char	*problem;

	for (pass = 0; pass < 2; pass++) {
		res = db_query(db, a, pass == 0 ? SQL_WF_DUE_OPEN :
		    SQL_WF_DUE_CLOSE, "");
		if (res == NULL)
			return -1;
		while (dbres_next(res)) {
			unsigned long long id =
			    (unsigned long long)dbres_int(res, 0);
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
	char	*all, *norm;

	all = arena_printf(a, "%s %s %s %s", tar ? tar : "", ten ? ten : "",
	    sar ? sar : "", sen ? sen : "");
	norm = textnorm(a, all, strlen(all));
	return db_exec(db, SQL_ACTIVITY_SET_SEARCH, "su", norm, id) < 0 ?
	    -1 : 0;
}

int
workflow_reindex(struct db *db, struct arena *a)
{
	struct dbres	*res;
	long long	 after = 0;
	int		 n = 0, rows;

	do {
		res = db_query(db, a, SQL_ACTIVITIES_FOR_INDEX, "i", after);
		if (res == NULL)
			return -1;
		rows = 0;
		while (dbres_next(res)) {
			after = dbres_int(res, 0);
			if (workflow_index_one(db, a,
			    (unsigned long long)after, dbres_str(res, 1),
			    dbres_str(res, 2), dbres_str(res, 3),
			    dbres_str(res, 4)) == -1)
				return -1;
			rows++;
			n++;
		}
	} while (rows == 500);
	return n;
}
