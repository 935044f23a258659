/*
 * activity.c — see activity.h.
 */
#include <string.h>

#include "activity.h"
#include "calendar.h"
#include "db.h"
#include "names.h"
#include "sql_gen.h"

/* Marks label msgids for scripts/update-po. */
#ifndef N_
#define N_(s)	(s)
#endif

const char *const act_state_names[AS__MAX + 1] = {
	"draft", "submitted", "returned", "approved", "scheduled", "open",
	"closed", "analysis", "report_submitted", "report_approved",
	"published", "withdrawn", NULL
};
const char *const act_state_labels[AS__MAX] = {
	[AS_DRAFT] = N_("Draft"),
	[AS_SUBMITTED] = N_("Submitted for review"),
	[AS_RETURNED] = N_("Returned"),
	[AS_APPROVED] = N_("Forwarded to the liaison officer"),
	[AS_SCHEDULED] = N_("Approved, scheduled"),
	[AS_OPEN] = N_("Open"),
	[AS_CLOSED] = N_("Closed"),
	[AS_ANALYSIS] = N_("In analysis"),
	[AS_REPORT_SUBMITTED] = N_("Report submitted"),
	[AS_REPORT_APPROVED] = N_("Report approved"),
	[AS_PUBLISHED] = N_("Published"),
	[AS_WITHDRAWN] = N_("Withdrawn"),
};
const char *const act_kind_names[AK__MAX + 1] = {
	"consultation", "survey", "poll", NULL
};
const char *const act_kind_labels[AK__MAX] = {
	N_("Consultation"), N_("Survey"), N_("Poll")
};
const char *const act_audience_names[AA__MAX + 1] = {
	"public", "restricted", "interagency", NULL
};
const char *const act_audience_labels[AA__MAX] = {
	N_("Public"), N_("Restricted"), N_("Inter-agency")
};
const char *const act_audience_descriptions[AA__MAX] = {
	[AA_PUBLIC] = N_("Public: everyone"),
	[AA_RESTRICTED] = N_("Restricted: chosen entities or groups"),
	[AA_INTERAGENCY] = N_("Inter-agency: government entities only"),
};

enum act_state
activity_state(const char *s)
{
	return (enum act_state)names_find(act_state_names, AS__MAX, s);
}

const char *
activity_state_name(enum act_state s)
{
	return s < AS__MAX ? act_state_names[s] : "";
}

enum act_kind
activity_kind(const char *s)
{
	return (enum act_kind)names_find(act_kind_names, AK__MAX, s);
}

enum act_audience
activity_audience(const char *s)
{
	return (enum act_audience)names_find(act_audience_names, AA__MAX,
	    s);
}

int
activity_state_public(enum act_state s)
{
	switch (s) {
	case AS_OPEN:
	case AS_CLOSED:
	case AS_ANALYSIS:
	case AS_REPORT_SUBMITTED:
	case AS_REPORT_APPROVED:
	case AS_PUBLISHED:
		return 1;
	default:
		return 0;
	}
}

const char *const act_phase_names[AP__MAX + 1] = {
	"open", "closed", "results", NULL
};
const char *const act_phase_labels[AP__MAX] = {
	N_("Open for comments"), N_("Closed"), N_("Results published")
};
const char *const act_state_public_labels[AS__MAX] = {
	[AS_OPEN] = N_("Open for comments"),
	[AS_CLOSED] = N_("Closed"),
	[AS_ANALYSIS] = N_("Closed — results in preparation"),
	[AS_REPORT_SUBMITTED] = N_("Closed — results in preparation"),
	[AS_REPORT_APPROVED] = N_("Closed — results in preparation"),
	[AS_PUBLISHED] = N_("Results published"),
};

void
activity_fill(struct activity *a, const struct dbres *r)
{
	memset(a, 0, sizeof(*a));
	a->id = dbres_u(r, ACTIVITY_ID);
	a->kind = activity_kind(dbres_str(r, ACTIVITY_KIND));
	a->entity_id = dbres_u(r, ACTIVITY_ENTITY_ID);
	a->author_id = dbres_u(r, ACTIVITY_AUTHOR_ID);
	a->audience = activity_audience(dbres_str(r, ACTIVITY_AUDIENCE));
	a->urgent = dbres_int(r, ACTIVITY_URGENT) != 0;
	a->state = activity_state(dbres_str(r, ACTIVITY_STATE));
	a->title_ar = dbres_str(r, ACTIVITY_TITLE_AR);
	a->title_en = dbres_str(r, ACTIVITY_TITLE_EN);
	a->summary_ar = dbres_str(r, ACTIVITY_SUMMARY_AR);
	a->summary_en = dbres_str(r, ACTIVITY_SUMMARY_EN);
	a->objectives_ar = dbres_str(r, ACTIVITY_OBJECTIVES_AR);
	a->objectives_en = dbres_str(r, ACTIVITY_OBJECTIVES_EN);
	a->announcements_ar = dbres_str(r, ACTIVITY_ANNOUNCEMENTS_AR);
	a->announcements_en = dbres_str(r, ACTIVITY_ANNOUNCEMENTS_EN);
	a->doc_pdf = dbres_str(r, ACTIVITY_DOC_KIND) != NULL &&
	    strcmp(dbres_str(r, ACTIVITY_DOC_KIND), "pdf") == 0;
	a->document_upload_id = dbres_u(r, ACTIVITY_DOCUMENT_UPLOAD_ID);
	a->publish_at = dbres_time(r, ACTIVITY_PUBLISH_AT);
	a->closes_at = dbres_time(r, ACTIVITY_CLOSES_AT);
	a->original_closes_at = dbres_time(r, ACTIVITY_ORIGINAL_CLOSES_AT);
	a->results_due_at = dbres_time(r, ACTIVITY_RESULTS_DUE_AT);
	a->final_publication_at = dbres_time(r,
	    ACTIVITY_FINAL_PUBLICATION_AT);
	a->extended_seconds = dbres_int(r, ACTIVITY_EXTENDED_SECONDS);
	a->return_reason = dbres_str(r, ACTIVITY_RETURN_REASON);
	a->version = dbres_int(r, ACTIVITY_VERSION);
	a->comments_pending = dbres_int(r, ACTIVITY_COMMENTS_PENDING);
	a->comments_published = dbres_int(r, ACTIVITY_COMMENTS_PUBLISHED);
	a->participants = dbres_int(r, ACTIVITY_PARTICIPANTS);
	a->updated_at = dbres_time(r, ACTIVITY_UPDATED_AT);
	a->entity_name_ar = dbres_str(r, ACTIVITY_ENTITY_NAME_AR);
	a->entity_name_en = dbres_str(r, ACTIVITY_ENTITY_NAME_EN);
	a->entity_slug = dbres_str(r, ACTIVITY_ENTITY_SLUG);
	a->entity_parent_id = dbres_u(r, ACTIVITY_ENTITY_PARENT_ID);
	a->author_name = dbres_str(r, ACTIVITY_AUTHOR_NAME);
	a->document_stored_name = dbres_str(r, ACTIVITY_DOCUMENT_STORED_NAME);
	a->document_name = dbres_str(r, ACTIVITY_DOCUMENT_NAME);
	a->document_size = dbres_int(r, ACTIVITY_DOCUMENT_SIZE);
	a->report_due_at = dbres_time(r, ACTIVITY_REPORT_DUE_AT);
	a->report_days_late = dbres_int(r, ACTIVITY_REPORT_DAYS_LATE);
	a->reader_is_target = dbres_int(r, ACTIVITY_READER_IS_TARGET) != 0;
}

int
activity_visible(const struct activity *a)
{
	if (!activity_state_public(a->state))
		return 0;
	if (a->audience == AA_PUBLIC)
		return 1;
	return a->audience == AA_RESTRICTED && a->reader_is_target;
}

int
activity_is_open(const struct activity *a, time_t now)
{
	return a->state == AS_OPEN && (a->closes_at == 0 || now < a->closes_at);
}

int
activity_takes_comments(const struct activity *a, int has_articles)
{
	return a->kind == AK_CONSULTATION || has_articles ||
	    (a->doc_pdf && a->document_upload_id != 0);
}

int
activity_event_needs_reason(enum act_event e)
{
	return e == AE_RETURN || e == AE_WITHDRAW;
}

enum act_state
activity_next(enum act_state s, enum act_event e, enum role r)
{
	int	 sys = r == ROLE__MAX;

	switch (e) {
	case AE_SUBMIT:
		if ((s == AS_DRAFT || s == AS_RETURNED) &&
		    perm_role_may(r, ACT_ACTIVITY_DRAFT))
			return AS_SUBMITTED;
		break;
	case AE_RETURN:
		if (s == AS_SUBMITTED && perm_role_may(r, ACT_ACTIVITY_REVIEW))
			return AS_RETURNED;
		if ((s == AS_APPROVED || s == AS_SCHEDULED) &&
		    perm_role_may(r, ACT_ACTIVITY_APPROVE))
			return AS_RETURNED;
		if (s == AS_REPORT_SUBMITTED &&
		    perm_role_may(r, ACT_REPORT_REVIEW))
			return AS_ANALYSIS;
		if (s == AS_REPORT_APPROVED &&
		    perm_role_may(r, ACT_REPORT_APPROVE))
			return AS_ANALYSIS;
		break;
	case AE_FORWARD:
		if (s == AS_SUBMITTED && perm_role_may(r, ACT_ACTIVITY_REVIEW))
			return AS_APPROVED;
		break;
	case AE_APPROVE:
		if (s == AS_APPROVED && perm_role_may(r, ACT_ACTIVITY_APPROVE))
			return AS_SCHEDULED;
		break;
	case AE_OPEN:
		if (s == AS_SCHEDULED && sys)
			return AS_OPEN;
		break;
	case AE_CLOSE:
		if (s == AS_OPEN && sys)
			return AS_CLOSED;
		break;
	case AE_START_ANALYSIS:
		if (s == AS_CLOSED && (sys ||
		    perm_role_may(r, ACT_REPORT_DRAFT)))
			return AS_ANALYSIS;
		break;
	case AE_SUBMIT_REPORT:
		if (s == AS_ANALYSIS && perm_role_may(r, ACT_REPORT_DRAFT))
			return AS_REPORT_SUBMITTED;
		break;
	case AE_APPROVE_REPORT:
		if (s == AS_REPORT_SUBMITTED &&
		    perm_role_may(r, ACT_REPORT_REVIEW))
			return AS_REPORT_APPROVED;
		break;
	case AE_PUBLISH_REPORT:
		if (s == AS_REPORT_APPROVED &&
		    perm_role_may(r, ACT_REPORT_APPROVE))
			return AS_PUBLISHED;
		break;
	case AE_WITHDRAW:
		if (s != AS_PUBLISHED && s != AS_WITHDRAWN &&
		    perm_role_may(r, ACT_ACTIVITY_APPROVE))
			return AS_WITHDRAWN;
		break;
	default:
		break;
	}
	return AS__MAX;
}

time_t
activity_add_month(time_t t)
{
	static const int mdays[] = { 31, 28, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };
	struct tm	 tm;
	time_t		 l = t + CAL_TZ_OFFSET;
	int		 y, m, last;

	gmtime_r(&l, &tm);
	y = tm.tm_year + 1900;
	m = tm.tm_mon + 1;
	if (m == 12) {
		m = 1;
		y++;
	} else
		m++;
	last = mdays[m - 1];
	if (m == 2 && ((y % 4 == 0 && y % 100 != 0) || y % 400 == 0))
		last = 29;
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	if (tm.tm_mday > last)
		tm.tm_mday = last;
	return timegm(&tm) - CAL_TZ_OFFSET;
}

time_t
activity_earliest_close(time_t publish, int urgent)
{
	if (urgent)
		return publish + (time_t)ACT_MIN_DAYS_URGENT * 86400;
	return activity_add_month(publish);
}

enum date_problem
activity_check_dates(const struct act_dates *d, int urgent, time_t now)
{
	if (d->publish == 0 || d->closes == 0 || d->results_due == 0 ||
	    d->final_due == 0)
		return DP_MISSING;
	/* A few minutes of grace for the time the form was open. */
	if (d->publish < now - 3600)
		return DP_PUBLISH_PAST;
	if (d->closes < activity_earliest_close(d->publish, urgent))
		return DP_PERIOD_SHORT;
	if (d->results_due <= d->closes)
		return DP_RESULTS_BEFORE_CLOSE;
	if (d->final_due < d->results_due)
		return DP_FINAL_BEFORE_RESULTS;
	return DP_OK;
}

unsigned
activity_date_rules(const struct act_dates *d, int urgent, time_t now,
    const struct calendar *cal)
{
	unsigned	 m = 0;

	if (d->publish != 0 && d->publish < now - 3600)
		m |= 1u << DR_PUBLISH_PAST;
	if (d->publish != 0 && d->closes != 0 &&
	    d->closes < activity_earliest_close(d->publish, urgent))
		m |= 1u << DR_PERIOD_SHORT;
	if (d->closes != 0 && d->results_due != 0) {
		if (d->results_due <= d->closes)
			m |= 1u << DR_RESULTS_BEFORE_CLOSE;
		else if (cal != NULL && calendar_workdays_between(cal,
		    d->closes, d->results_due) > ACT_RESULTS_WORKDAYS)
			m |= 1u << DR_RESULTS_TOO_LATE;
	}
	if (d->results_due != 0 && d->final_due != 0 &&
	    d->final_due < d->results_due)
		m |= 1u << DR_FINAL_BEFORE_RESULTS;
	return m;
}

int
activity_extension_ok(time_t publish, time_t original_close,
    long long already, long long add)
{
	long long	 period = (long long)(original_close - publish);

	if (add <= 0 || already < 0 || period <= 0)
		return 0;
	return already + add <= period;
}

long long
activity_extension_left(time_t publish, time_t original_close,
    long long already)
{
	long long	 period = (long long)(original_close - publish);

	if (original_close == 0 || period <= 0 || already >= period)
		return 0;
	return period - (already > 0 ? already : 0);
}

int
activity_editable(enum act_state s)
{
	return s == AS_DRAFT || s == AS_RETURNED;
}

int
activity_versionable(enum act_state s)
{
	return s == AS_OPEN;
}
