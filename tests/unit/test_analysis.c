/*
 * test_analysis.c — the fingerprints of comments (analysis.h): identical
 * after normalisation gives the same hash, a template with a word or two
 * changed stays above the configured threshold and shares a band key
 * (so the indexed look-up finds it), unrelated texts do not; the report's
 * deadline of 20 working days across a weekend and a holiday.
 */
#include <string.h>
#include <time.h>

#include "analysis.h"
#include "arena.h"
#include "calendar.h"
#include "t.h"

static struct arena *a;

static int
shares_band(const struct fingerprint *x, const struct fingerprint *y)
{
	int	 i;

	for (i = 0; i < ANALYSIS_BANDS; i++)
		if (x->band[i] == y->band[i])
			return 1;
	return 0;
}

int
main(void)
{
	static const char base[] = "نطالب الوزارة بتمديد مهلة التسعين يوما "
	    "إلى مئة وثمانين يوما للعيادات الصغيرة في المحافظات لأن تجهيزها "
	    "يحتاج وقتا أطول وكلفة أعلى من المستشفيات الكبيرة";
	struct fingerprint f1, f2, f3, f4, f5;
	struct calendar	 cal;
	struct tm	 tm;
	time_t		 closes, due;
	double		 s;

	a = arena_new(1 << 16);
	analysis_fingerprint_text(a, base, &f1);
	analysis_fingerprint_text(a, "  نطالب الوزارة، بتمديد مهلة التسعين "
	    "يوماً إلى مئة وثمانين يوما للعيادات الصغيرة في المحافظات!! لأن "
	    "تجهيزها يحتاج وقتا أطول وكلفة أعلى من المستشفيات الكبيرة.", &f2);
	t_ok(memcmp(f1.norm_hash, f2.norm_hash, 32) == 0, "punctuation, "
	    "spacing and tanween do not change the normalised hash");
	t_ok(analysis_similarity(f1.sig, f2.sig) == 1.0, "identical texts "
	    "have identical signatures");
	analysis_fingerprint_text(a, "نطالب الوزارة بتمديد مهلة التسعين يوما "
	    "إلى مئة وثمانين يوما للعيادات الصغرى في المحافظات لأن تجهيزها "
	    "يحتاج وقتا أطول وكلفة أعلى من المستشفيات الكبيرة", &f3);
	s = analysis_similarity(f1.sig, f3.sig);
	t_ok(memcmp(f1.norm_hash, f3.norm_hash, 32) != 0, "one word changed: "
	    "not identical");
	t_ok(s >= ANALYSIS_THRESHOLD, "but near-identical (%.2f)", s);
	t_ok(shares_band(&f1, &f3), "and found by a shared band key");
	analysis_fingerprint_text(a, "أقترح نشر المعايير على الموقع "
	    "الإلكتروني قبل النفاذ بوقت كاف حتى تستعد العيادات", &f4);
	s = analysis_similarity(f1.sig, f4.sig);
	t_ok(s < ANALYSIS_THRESHOLD, "an unrelated comment is not (%.2f)", s);
	analysis_fingerprint_text(a, "!!!", &f5);
	t_eq_int(f5.words, 0, "a text without words has nothing to compare");
	analysis_fingerprint_text(a, "موافق", &f4);
	analysis_fingerprint_text(a, "موافق.", &f5);
	t_ok(f4.words == 1 && analysis_similarity(f4.sig, f5.sig) == 1.0,
	    "a one-word comment is its own shingle");

	/* Closing on Thursday 2026-01-01 10:00 local (07:00 UTC), Friday and
	 * Saturday off: the 20th working day is Thursday the 29th, or Sunday
	 * 2026-02-01 with a holiday on Tuesday the 6th. */
	calendar_init(&cal);
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = 126;
	tm.tm_mon = 0;
	tm.tm_mday = 1;
	tm.tm_hour = 7;
	closes = timegm(&tm);
	due = analysis_report_due(&cal, closes);
	t_eq_int(calendar_day(due) - calendar_day(closes), 28,
	    "due 28 calendar days after closing across four weekends");
	t_eq_int(analysis_days_late(&cal, due, due + 86400), 0,
	    "not late on the Friday after (a weekend day)");
	t_eq_int(analysis_days_late(&cal, due, due + 3 * 86400), 1,
	    "one working day late on the Sunday");
	calendar_add_holiday(&cal, "2026-01-06");
	due = analysis_report_due(&cal, closes);
	t_eq_int(calendar_day(due) - calendar_day(closes), 31,
	    "a holiday in between moves it to Sunday 1 February");
	t_eq_int(analysis_days_late(&cal, due, due + 3600), 0,
	    "not late on the due day itself");
	t_eq_int(analysis_days_late(&cal, due, due + 86400), 1,
	    "one working day late on the Monday");
	t_eq_int(analysis_days_late(&cal, due, due + 5 * 86400), 4,
	    "four on the Friday after (the weekend adds none)");
	t_eq_int(analysis_days_late(&cal, due, due + 7 * 86400), 5,
	    "five on the next Sunday");
	arena_free(a);
	return t_done();
}
