/*
 * test_kpi.c — the complaints figures of fcgi/domain/kpi.c: shares with
 * nothing to divide by, the Wilson lower bound (a single quick reply
 * never outranks a large, mostly timely entity; the bound grows with n
 * towards the rate), the minimum for ranking, the reply-time buckets and
 * the median over them, the split of a period into whole months and
 * edge days, the week/month/quarter/year periods, and every glossary
 * entry with a code, a label and a definition.
 */
#include <string.h>
#include <time.h>

#include "kpi.h"
#include "t.h"

static time_t
day(int y, int m, int d)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	return timegm(&tm);
}

int
main(void)
{
	struct kpi_counts c;
	struct kpi_span	 s;
	long long	 h[KPI_BUCKETS];
	time_t		 f, to;
	char		 txt[32];
	int		 i, ok;

	/* Shares. */
	t_eq_int(kpi_permille(1, 3), 333, "1 of 3 is 33.3%");
	t_eq_int(kpi_permille(2, 3), 667, "2 of 3 rounds to 66.7%");
	t_eq_int(kpi_permille(5, 0), -1, "nothing to divide by: no value");
	memset(&c, 0, sizeof(c));
	t_eq_int(kpi_value(KF_LATE, &c), -1, "no request: no late share");
	t_eq_int(kpi_value(KF_SATISFACTION, &c), -1, "no rating: no satisfaction");
	t_eq_str(kpi_text(KF_LATE, &c, txt, sizeof(txt)), "", "and no text");
	c.received = 40;
	c.late = 1;
	c.answered = 30;
	c.in_time = 29;
	c.reply_seconds = 30 * 7200;
	c.rated[4] = 3;		/* three 5s */
	c.rated[0] = 1;		/* one 1 */
	t_eq_str(kpi_text(KF_LATE, &c, txt, sizeof(txt)), "2.5", "1 of 40 late: 2.5");
	t_ok(kpi_permille(c.late, c.received) >= KPI_LATE_WARN_PERMILLE, "2.5%% is at or above the 2%% line");
	t_eq_str(kpi_text(KF_RESPONDED, &c, txt, sizeof(txt)), "75.0", "30 of 40 responded");
	t_eq_str(kpi_text(KF_SATISFACTION, &c, txt, sizeof(txt)), "4.00", "(5+5+5+1)/4 = 4.00");
	t_eq_str(kpi_text(KF_REPLY_AVG, &c, txt, sizeof(txt)), "2.0", "2 hours on average");

	/* Wilson. */
	t_eq_int(kpi_wilson_permille(0, 0), 0, "no requests: 0");
	t_ok(kpi_wilson_permille(1, 1) < kpi_wilson_permille(90, 100), "1 of 1 ranks below 90 of 100");
	t_ok(kpi_wilson_permille(1, 1) < 250, "1 of 1 is at most about 20%% at 95%%");
	t_ok(kpi_wilson_permille(500, 1000) > 460 && kpi_wilson_permille(500, 1000) < 500,
	    "500 of 1000: just under 50%%");
	for (ok = 1, i = 2; i < 2000; i *= 2)
		ok &= kpi_wilson_permille(i * 9 / 10, i) >= kpi_wilson_permille(i / 2 * 9 / 10, i / 2);
	t_ok(ok, "at the same rate the bound grows with the number of requests");
	for (ok = 1, i = 1; i <= 200; i++)
		ok &= kpi_wilson_permille(i, i) <= 1000 && kpi_wilson_permille(0, i) == 0;
	t_ok(ok, "between 0 and 100%%");
	c.received = KPI_RANK_MIN - 1;
	c.in_time = c.received;
	t_eq_int(kpi_value(KF_RANK, &c), -1, "fewer than the minimum: not ranked");
	c.received = KPI_RANK_MIN;
	t_ok(kpi_value(KF_RANK, &c) > 0, "the minimum: ranked");

	/* Buckets and the median. */
	t_eq_int(kpi_bucket(0), 0, "a reply at once: the first hour");
	t_eq_int(kpi_bucket(3599), 0, "59 minutes: the first hour");
	t_eq_int(kpi_bucket(3600), 1, "an hour: the second");
	t_eq_int(kpi_bucket(86399), 23, "just under a day: the 24th hour");
	t_eq_int(kpi_bucket(86400), 24, "a day: 1 to 2 days");
	t_eq_int(kpi_bucket(100 * 86400LL), KPI_BUCKETS - 1, "100 days: sixty or more");
	for (ok = 1, i = 0; i < 90 * 86400; i += 1800)
		ok &= kpi_bucket_upper(kpi_bucket(i)) < 0 || kpi_bucket_upper(kpi_bucket(i)) > i;
	t_ok(ok, "every time is within its bucket's upper bound");
	memset(h, 0, sizeof(h));
	t_eq_int(kpi_median(h), -1, "no reply: no median");
	h[1] = 2;
	h[30] = 1;
	t_eq_int(kpi_median(h), 1, "2 replies in the second hour, 1 later: the second hour");
	h[30] = 3;
	t_eq_int(kpi_median(h), 30, "2 early and 3 late: the late bucket");

	/* Spans and periods. */
	kpi_span_of(day(2026, 10, 20), day(2026, 12, 2), &s);
	t_eq_str(s.m0, "2026-11-01", "whole months from November");
	t_eq_str(s.m1, "2026-12-01", "to December (excluded)");
	t_eq_str(s.d0, "2026-10-20", "days from 20 October");
	t_eq_str(s.d1, "2026-12-02", "and to 2 December (excluded)");
	kpi_span_of(day(2026, 11, 3), day(2026, 11, 20), &s);
	t_ok(strcmp(s.m0, s.m1) == 0 && strcmp(s.m0, "2026-11-20") == 0, "inside one month: no whole month");
	kpi_span_of(day(2026, 11, 1), day(2026, 12, 1), &s);
	t_ok(strcmp(s.m0, "2026-11-01") == 0 && strcmp(s.m1, "2026-12-01") == 0, "a whole month is a month row");
	kpi_period_of(KP_WEEK, day(2026, 12, 3) + 3600, &f, &to);	/* a Thursday */
	t_ok(f == day(2026, 11, 29) && to == day(2026, 12, 6), "the week from Sunday");
	kpi_period_of(KP_QUARTER, day(2026, 11, 15), &f, &to);
	t_ok(f == day(2026, 10, 1) && to == day(2027, 1, 1), "the fourth quarter");
	kpi_period_of(KP_YEAR, day(2026, 2, 28), &f, &to);
	t_ok(f == day(2026, 1, 1) && to == day(2027, 1, 1), "the year");
	kpi_period_of(KP_MONTH, day(2026, 12, 31), &f, &to);
	t_ok(f == day(2026, 12, 1) && to == day(2027, 1, 1), "December to January");

	for (ok = 1, i = 0; i < KF__MAX; i++)
		ok &= kpi_defs[i].code != NULL && kpi_defs[i].label != NULL &&
		    kpi_defs[i].definition != NULL && strlen(kpi_defs[i].definition) > 20;
	t_ok(ok, "every figure has a code, a label and a definition");
	return t_done();
}
