/*
 * activity.c — see activity.h.
 */
#include <string.h>

#include "activity.h"
#include "calendar.h"

static const char *const state_names[AS__MAX] = {
	"draft", "submitted", "returned", "approved", "scheduled", "open",
	"closed", "analysis", "report_submitted", "report_approved",
	"published", "withdrawn"
};

enum act_state
activity_state(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < AS__MAX; i++)
		if (strcmp(s, state_names[i]) == 0)
			return (enum act_state)i;
	return AS__MAX;
}

const char *
activity_state_name(enum act_state s)
{
	return s < AS__MAX ? state_names[s] : "";
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

int
activity_extension_ok(time_t publish, time_t original_close,
    long long already, long long add)
{
	long long	 period = (long long)(original_close - publish);

	if (add <= 0 || already < 0 || period <= 0)
		return 0;
	return already + add <= period;
}
