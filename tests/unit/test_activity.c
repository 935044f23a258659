/*
 * test_activity.c — Tawasul art. 11 periods and the review chain.
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "calendar.h"
#include "t.h"

static time_t
at(int y, int m, int d, int h)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	return timegm(&tm) - CAL_TZ_OFFSET;
}

int
main(void)
{
	struct act_dates d;
	time_t		 now = at(2026, 11, 22, 9);

	t_eq_int(activity_add_month(at(2026, 11, 22, 10)),
	    at(2026, 12, 22, 10), "one month later, same time");
	t_eq_int(activity_add_month(at(2026, 1, 31, 10)), at(2026, 2, 28, 10),
	    "31 January + 1 month = 28 February");
	t_eq_int(activity_add_month(at(2028, 1, 31, 10)), at(2028, 2, 29, 10),
	    "leap year: 29 February");
	t_eq_int(activity_add_month(at(2026, 12, 15, 0)), at(2027, 1, 15, 0),
	    "December rolls into January");
	t_eq_int(activity_earliest_close(at(2026, 12, 1, 9), 1),
	    at(2026, 12, 15, 9), "urgent: two weeks (art. 11-ب)");

	d.publish = at(2026, 12, 1, 9);
	d.closes = at(2027, 1, 1, 9);
	d.results_due = at(2027, 1, 20, 9);
	d.final_due = at(2027, 2, 1, 9);
	t_eq_int(activity_check_dates(&d, 0, now), DP_OK,
	    "exactly one month is enough (art. 11-أ)");
	d.closes = at(2027, 1, 1, 8);
	t_eq_int(activity_check_dates(&d, 0, now), DP_PERIOD_SHORT,
	    "one hour short of a month is refused");
	t_eq_int(activity_check_dates(&d, 1, now), DP_OK,
	    "but fine for an urgent one");
	d.closes = at(2026, 12, 15, 8);
	t_eq_int(activity_check_dates(&d, 1, now), DP_PERIOD_SHORT,
	    "urgent: under two weeks is refused");
	d.closes = at(2027, 1, 1, 9);
	d.results_due = d.closes;
	t_eq_int(activity_check_dates(&d, 0, now), DP_RESULTS_BEFORE_CLOSE,
	    "results are due after closing");
	d.results_due = at(2027, 1, 20, 9);
	d.final_due = at(2027, 1, 19, 9);
	t_eq_int(activity_check_dates(&d, 0, now), DP_FINAL_BEFORE_RESULTS,
	    "final publication after the results");
	d.final_due = at(2027, 2, 1, 9);
	d.publish = at(2026, 11, 1, 9);
	t_eq_int(activity_check_dates(&d, 0, now), DP_PUBLISH_PAST,
	    "publication in the past is refused");
	d.publish = 0;
	t_eq_int(activity_check_dates(&d, 0, now), DP_MISSING,
	    "missing dates");

	/* Extension: 30-day original period. */
	t_ok(activity_extension_ok(at(2026, 12, 1, 0), at(2026, 12, 31, 0), 0,
	    30LL * 86400), "adding the whole original period is allowed");
	t_ok(!activity_extension_ok(at(2026, 12, 1, 0), at(2026, 12, 31, 0), 0,
	    30LL * 86400 + 1), "one second more is refused (art. 11-ج)");
	t_ok(!activity_extension_ok(at(2026, 12, 1, 0), at(2026, 12, 31, 0),
	    20LL * 86400, 11LL * 86400),
	    "extensions add up against the cap");
	t_ok(activity_extension_ok(at(2026, 12, 1, 0), at(2026, 12, 31, 0),
	    20LL * 86400, 10LL * 86400), "up to the cap in total");
	t_ok(!activity_extension_ok(at(2026, 12, 1, 0), at(2026, 12, 31, 0), 0,
	    0), "a zero extension is refused");

	t_eq_int(activity_next(AS_DRAFT, AE_SUBMIT, ROLE_SUPERVISOR),
	    AS_SUBMITTED, "supervisor submits a draft");
	t_eq_int(activity_next(AS_DRAFT, AE_APPROVE, ROLE_LIAISON), AS__MAX,
	    "a draft cannot be approved before review");
	t_eq_int(activity_next(AS_SUBMITTED, AE_RETURN, ROLE_COORDINATOR),
	    AS_RETURNED, "coordinator returns");
	t_eq_int(activity_next(AS_RETURNED, AE_SUBMIT, ROLE_SUPERVISOR),
	    AS_SUBMITTED, "resubmitted after a return");
	t_eq_int(activity_next(AS_SUBMITTED, AE_FORWARD, ROLE_SUPERVISOR),
	    AS__MAX, "a supervisor cannot forward own work");
	t_eq_int(activity_next(AS_SUBMITTED, AE_FORWARD, ROLE_COORDINATOR),
	    AS_APPROVED, "coordinator forwards to the liaison (8-د)");
	t_eq_int(activity_next(AS_APPROVED, AE_APPROVE, ROLE_COORDINATOR),
	    AS__MAX, "a coordinator cannot publish");
	t_eq_int(activity_next(AS_APPROVED, AE_APPROVE, ROLE_LIAISON),
	    AS_SCHEDULED, "the liaison approves (7-ز)");
	t_eq_int(activity_next(AS_APPROVED, AE_RETURN, ROLE_LIAISON),
	    AS_RETURNED, "or returns with a reason");
	t_eq_int(activity_next(AS_SCHEDULED, AE_OPEN, ROLE_LIAISON), AS__MAX,
	    "nobody opens by hand: the tick does");
	t_eq_int(activity_next(AS_SCHEDULED, AE_OPEN, ROLE__MAX), AS_OPEN,
	    "tick opens");
	t_eq_int(activity_next(AS_OPEN, AE_CLOSE, ROLE__MAX), AS_CLOSED,
	    "tick closes");
	t_eq_int(activity_next(AS_ANALYSIS, AE_SUBMIT_REPORT, ROLE_SUPERVISOR),
	    AS_REPORT_SUBMITTED, "report drafted (9-ج)");
	t_eq_int(activity_next(AS_REPORT_SUBMITTED, AE_APPROVE_REPORT,
	    ROLE_COORDINATOR), AS_REPORT_APPROVED, "coordinator reviews");
	t_eq_int(activity_next(AS_REPORT_APPROVED, AE_PUBLISH_REPORT,
	    ROLE_LIAISON), AS_PUBLISHED, "liaison publishes (8-و)");
	t_ok(activity_event_needs_reason(AE_RETURN),
	    "a return needs a reason");
	t_eq_int(activity_state("open"), AS_OPEN, "state names parse");
	t_eq_int(activity_state("bogus"), AS__MAX, "unknown state");
	return t_done();
}
