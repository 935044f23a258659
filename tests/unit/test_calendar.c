/*
 * test_calendar.c — working days: weekends, holidays, and the deadlines
 * built on them (moderation 3, report 20 working days).
 */
#include <string.h>
#include <time.h>

#include "calendar.h"
#include "t.h"

/* Local (UTC+3) civil time → UTC time_t. */
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
	struct calendar	 c;

	calendar_init(&c);
	/* 2026-11-19 is a Thursday. */
	t_ok(calendar_is_workday(&c, calendar_day(at(2026, 11, 19, 10))),
	    "Thursday works");
	t_ok(!calendar_is_workday(&c, calendar_day(at(2026, 11, 20, 10))),
	    "Friday is off by default");
	t_ok(!calendar_is_workday(&c, calendar_day(at(2026, 11, 21, 10))),
	    "Saturday is off by default");
	t_ok(calendar_is_workday(&c, calendar_day(at(2026, 11, 22, 10))),
	    "Sunday works");
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 19, 10), 3),
	    at(2026, 11, 24, 10),
	    "Thursday + 3 working days crosses the weekend to Tuesday");
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 22, 10), 3),
	    at(2026, 11, 25, 10), "Sunday + 3 is Wednesday");
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 20, 10), 1),
	    at(2026, 11, 22, 10), "received on Friday: Sunday is day 1");
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 19, 10), 0),
	    at(2026, 11, 19, 10), "0 working days is the same moment");
	/* 23:30 local on Thursday is Thursday, though UTC says 20:30. */
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 19, 23), 1),
	    at(2026, 11, 22, 23), "late evening counts as the local day");
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 20, 2), 1),
	    at(2026, 11, 22, 2),
	    "after local midnight it is already Friday (UTC still Thursday)");

	t_ok(calendar_add_holiday(&c, "2026-11-23") == 0, "add a holiday");
	t_ok(calendar_add_holiday(&c, "2026-11-24") == 0, "add another");
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 19, 10), 3),
	    at(2026, 11, 26, 10),
	    "weekend and two holidays: Thursday + 3 is next Thursday");
	t_eq_int(calendar_workdays_between(&c, at(2026, 11, 19, 10),
	    at(2026, 11, 26, 9)), 3, "working days between");
	t_ok(calendar_add_holiday(&c, "2026-13-01") == -1,
	    "a bad month is refused");
	t_ok(calendar_add_holiday(&c, "2026-1-1") == -1,
	    "a short date is refused");

	/* Twenty working days for the analysis report. */
	calendar_init(&c);
	t_eq_int(calendar_add_workdays(&c, at(2026, 11, 1, 12), 20),
	    at(2026, 11, 29, 12), "20 working days are four weeks");

	t_ok(calendar_set_weekend(&c, "0") == 0, "weekend Sunday only");
	t_ok(calendar_is_workday(&c, calendar_day(at(2026, 11, 20, 10))),
	    "then Friday works");
	t_ok(calendar_set_weekend(&c, "0,1,2,3,4,5,6") == -1,
	    "a week with no working day is refused");
	t_ok(calendar_set_weekend(&c, "5,7") == -1, "day 7 is refused");
	t_ok(calendar_set_weekend(&c, "5;6") == -1, "bad separator");
	t_ok(calendar_set_weekend(&c, "") == 0, "no weekend at all is allowed");
	return t_done();
}
