/*
 * kpi.c — the glossary of the complaints figures and their computation
 * (kpi.h).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "db.h"
#include "i18n.h"
#include "kpi.h"
#include "log.h"
#include "sql_gen.h"

#ifndef N_
#define N_(s)	(s)
#endif

const struct kpi_def kpi_defs[KF__MAX] = {
	[KF_RECEIVED] = { "received", N_("Requests received"),
	    N_("Requests received in the period, counted on the day they "
	    "were received, of every type and channel; anonymous violation "
	    "reports included.") },
	[KF_LATE] = { "late_pct", N_("Answered late"),
	    N_("Share of the requests received that missed their expected "
	    "reply date: the first reply came after it, or the request was "
	    "still unanswered when it passed and was escalated.") },
	[KF_RESPONDED] = { "responded_pct", N_("Responded"),
	    N_("Share of the requests received that have had a first reply, "
	    "whenever it came.") },
	[KF_CLOSED] = { "closed_pct", N_("Closed"),
	    N_("Share of the requests received that are closed: the entity "
	    "finished handling them.") },
	[KF_SATISFACTION] = { "satisfaction", N_("Average satisfaction"),
	    N_("Mean of the requesters' ratings of the reply, from 1 to 5 "
	    "stars, over the requests that were rated.  A rating below 2 "
	    "reopens the request.") },
	[KF_REPLY_AVG] = { "reply_avg_hours", N_("Average time to reply"),
	    N_("Mean time from receipt to the first reply, over the requests "
	    "answered, in calendar time.") },
	[KF_REPLY_MEDIAN] = { "reply_median_hours", N_("Median time to reply"),
	    N_("Half of the requests answered had their first reply within "
	    "this time (to the hour under a day, to the day beyond).") },
	[KF_REOPENED] = { "reopened", N_("Reopened"),
	    N_("Times requests were reopened after a rating below 2.") },
	[KF_ESCALATED] = { "escalated", N_("Escalated"),
	    N_("Requests escalated to the secretary-general for being "
	    "late.") },
	[KF_RANK] = { "rank_score", N_("Ranking score"),
	    N_("Entities and liaison officers are ranked by the share of "
	    "their requests answered in time, taken at the lower bound of "
	    "its 95% Wilson interval: the fewer the requests, the lower the "
	    "bound, so one quick reply cannot top the table.  Only those "
	    "with at least 20 requests in the period are ranked.") },
};

const char *const kpi_period_names[KP__MAX] = {
	"week", "month", "quarter", "year"
};
const char *const kpi_period_labels[KP__MAX] = {
	N_("Week"), N_("Month"), N_("Quarter"), N_("Year")
};

void
kpi_fill(struct dbres *res, struct kpi_counts *c)
{
	memset(c, 0, sizeof(*c));
	c->key = dbres_int(res, KPI_COUNTS_KEY_ID);
	c->received = dbres_int(res, KPI_COUNTS_RECEIVED);
	c->answered = dbres_int(res, KPI_COUNTS_ANSWERED);
	c->in_time = dbres_int(res, KPI_COUNTS_ANSWERED_IN_TIME);
	c->late = dbres_int(res, KPI_COUNTS_LATE);
	c->closed = dbres_int(res, KPI_COUNTS_CLOSED);
	c->reopened = dbres_int(res, KPI_COUNTS_REOPENED);
	c->escalated = dbres_int(res, KPI_COUNTS_ESCALATED);
	c->reply_seconds = dbres_int(res, KPI_COUNTS_REPLY_SECONDS_SUM);
	c->rated[0] = dbres_int(res, KPI_COUNTS_RATED_1);
	c->rated[1] = dbres_int(res, KPI_COUNTS_RATED_2);
	c->rated[2] = dbres_int(res, KPI_COUNTS_RATED_3);
	c->rated[3] = dbres_int(res, KPI_COUNTS_RATED_4);
	c->rated[4] = dbres_int(res, KPI_COUNTS_RATED_5);
}

void
kpi_add(struct kpi_counts *a, const struct kpi_counts *b)
{
	int	 i;

	a->received += b->received;
	a->answered += b->answered;
	a->in_time += b->in_time;
	a->late += b->late;
	a->closed += b->closed;
	a->reopened += b->reopened;
	a->escalated += b->escalated;
	a->reply_seconds += b->reply_seconds;
	for (i = 0; i < 5; i++)
		a->rated[i] += b->rated[i];
}

long long
kpi_permille(long long num, long long den)
{
	if (den <= 0)
		return -1;
	return (num * 1000 + den / 2) / den;
}

long long
kpi_rated(const struct kpi_counts *c)
{
	return c->rated[0] + c->rated[1] + c->rated[2] + c->rated[3] +
	    c->rated[4];
}

/* The square root by Newton's method (the programs do not link libm). */
static double
kpi_sqrt(double x)
{
	double	 r = x > 1 ? x : 1;
	int	 i;

	if (x <= 0)
		return 0;
	for (i = 0; i < 60; i++)
		r = (r + x / r) / 2;
	return r;
}

long long
kpi_wilson_permille(long long k, long long n)
{
	const double	 z = 1.959964;
	double		 p, den, centre, margin;

	if (n <= 0)
		return 0;
	p = (double)k / (double)n;
	den = 1 + z * z / (double)n;
	centre = p + z * z / (2.0 * (double)n);
	margin = z * kpi_sqrt(p * (1 - p) / (double)n +
	    z * z / (4.0 * (double)n * (double)n));
	return (long long)((centre - margin) / den * 1000 + 0.5);
}

long long
kpi_value(enum kpi_figure f, const struct kpi_counts *c)
{
	long long	 n, sum;
	int		 i;

	switch (f) {
	case KF_RECEIVED:
		return c->received;
	case KF_LATE:
		return kpi_permille(c->late, c->received);
	case KF_RESPONDED:
		return kpi_permille(c->answered, c->received);
	case KF_CLOSED:
		return kpi_permille(c->closed, c->received);
	case KF_SATISFACTION:
		if ((n = kpi_rated(c)) == 0)
			return -1;
		for (sum = 0, i = 0; i < 5; i++)
			sum += c->rated[i] * (i + 1);
		return (sum * 100 + n / 2) / n;
	case KF_REPLY_AVG:
		if (c->answered == 0)
			return -1;
		return (c->reply_seconds + c->answered / 2) / c->answered;
	case KF_REOPENED:
		return c->reopened;
	case KF_ESCALATED:
		return c->escalated;
	case KF_RANK:
		if (c->received < KPI_RANK_MIN)
			return -1;
		return kpi_wilson_permille(c->in_time, c->received);
	default:
		return -1;
	}
}

char *
kpi_text(enum kpi_figure f, const struct kpi_counts *c, char *out, size_t n)
{
	long long	 v = kpi_value(f, c);

	if (v < 0)
		snprintf(out, n, "%s", "");
	else if (f == KF_LATE || f == KF_RESPONDED || f == KF_CLOSED ||
	    f == KF_RANK)
		snprintf(out, n, "%lld.%lld", v / 10, v % 10);
	else if (f == KF_SATISFACTION)
		snprintf(out, n, "%lld.%02lld", v / 100, v % 100);
	else if (f == KF_REPLY_AVG)
		snprintf(out, n, "%lld.%lld", v / 3600, v % 3600 * 10 / 3600);
	else
		snprintf(out, n, "%lld", v);
	return out;
}

int
kpi_bucket(long long s)
{
	if (s < 0)
		s = 0;
	if (s < 86400)
		return (int)(s / 3600);
	return s / 86400 + 23 < KPI_BUCKETS - 1 ? (int)(s / 86400 + 23) :
	    KPI_BUCKETS - 1;
}

long long
kpi_bucket_upper(int b)
{
	if (b < 24)
		return (long long)(b + 1) * 3600;
	if (b < KPI_BUCKETS - 1)
		return (long long)(b - 22) * 86400;
	return -1;
}

int
kpi_median(const long long *h)
{
	long long	 n = 0, seen = 0;
	int		 b;

	for (b = 0; b < KPI_BUCKETS; b++)
		n += h[b];
	if (n == 0)
		return -1;
	for (b = 0; b < KPI_BUCKETS; b++)
		if ((seen += h[b]) * 2 >= n)
			return b;
	return KPI_BUCKETS - 1;
}

static void
kpi_day(time_t t, char out[11])
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	strftime(out, 11, "%Y-%m-%d", &tm);
}

void
kpi_span_of(time_t from, time_t to, struct kpi_span *s)
{
	struct tm	 a, b;
	time_t		 m0, m1;

	gmtime_r(&from, &a);
	gmtime_r(&to, &b);
	/* The first month starting on or after from. */
	if (a.tm_mday != 1 || a.tm_hour != 0 || a.tm_min != 0 ||
	    a.tm_sec != 0)
		a.tm_mon++;
	a.tm_mday = 1;
	a.tm_hour = a.tm_min = a.tm_sec = 0;
	m0 = timegm(&a);
	/* The last month starting on or before to. */
	b.tm_mday = 1;
	b.tm_hour = b.tm_min = b.tm_sec = 0;
	m1 = timegm(&b);
	if (m0 >= m1)
		m0 = m1 = to;
	kpi_day(from, s->d0);
	kpi_day(to, s->d1);
	kpi_day(m0, s->m0);
	kpi_day(m1, s->m1);
}

void
kpi_period_of(enum kpi_period p, time_t t, time_t *from, time_t *to)
{
	struct tm	 tm;

	gmtime_r(&t, &tm);
	tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
	switch (p) {
	case KP_WEEK:
		tm.tm_mday -= tm.tm_wday;	/* back to Sunday */
		*from = timegm(&tm);
		tm.tm_mday += 7;
		break;
	case KP_MONTH:
		tm.tm_mday = 1;
		*from = timegm(&tm);
		tm.tm_mon++;
		break;
	case KP_QUARTER:
		tm.tm_mday = 1;
		tm.tm_mon -= tm.tm_mon % 3;
		*from = timegm(&tm);
		tm.tm_mon += 3;
		break;
	default:
		tm.tm_mday = 1;
		tm.tm_mon = 0;
		*from = timegm(&tm);
		tm.tm_year++;
		break;
	}
	*to = timegm(&tm);
}

int
kpi_request(struct db *db, unsigned long long id, int sign)
{
	static const int add[] = { SQL_KPI_CUBE_ADD, SQL_KPI_REPLY_ADD,
	    SQL_KPI_HANDLER_ADD };
	static const int sub[] = { SQL_KPI_CUBE_SUB, SQL_KPI_REPLY_SUB,
	    SQL_KPI_HANDLER_SUB };
	size_t		 i;

	for (i = 0; i < sizeof(add) / sizeof(add[0]); i++)
		if (db_exec(db, sign > 0 ? add[i] : sub[i],
		    DB_ARGS(DB_U(id, id))) < 0)
			return -1;
	return 0;
}

/* One period's reports, in one transaction. */
struct kpi_job {
	struct arena	*a;
	enum kpi_period	 p;
	time_t		 from, to;
	int		 written;
};

static int
kpi_report_one(struct db *db, const struct kpi_job *j, const struct kpi_span *s,
    unsigned long long entity)
{
	unsigned long long	 id;

	if (db_exec(db, SQL_KPI_REPORT_INSERT, DB_ARGS(
	    DB_S(period, kpi_period_names[j->p]), DB_S(start, s->d0),
	    DB_S(end, s->d1), DB_U(entity, entity))) != 1)
		return -1;
	id = db_insert_id(db);
	if (db_exec(db, SQL_KPI_REPORT_ROWS_INSERT, DB_ARGS(DB_U(report, id),
	    DB_S(d0, s->d0), DB_S(d1, s->d1), DB_S(m0, s->m0),
	    DB_S(m1, s->m1), DB_U(entity, entity))) < 0 ||
	    db_exec(db, SQL_KPI_REPORT_ALL_ROW, DB_ARGS(DB_U(report, id))) < 0)
		return -1;
	return 0;
}

static int
kpi_period_tx(struct db *db, void *arg)
{
	struct kpi_job		*j = arg;
	struct kpi_span		 s;
	struct dbres		*res;
	unsigned long long	 ids[1024];
	int			 n = 0, i;

	kpi_span_of(j->from, j->to, &s);
	j->written = 0;
	if ((res = db_query(db, j->a, SQL_KPI_REPORT_EXISTS, DB_ARGS(
	    DB_S(period, kpi_period_names[j->p]), DB_S(start, s.d0)))) == NULL)
		return -1;
	if (dbres_next(res) && dbres_int(res, KPI_REPORT_EXISTS_N) > 0)
		return 0;
	if ((res = db_query(db, j->a, SQL_KPI_REPORT_ENTITIES, DB_NOARGS)) ==
	    NULL)
		return -1;
	while (dbres_next(res) && n < (int)(sizeof(ids) / sizeof(ids[0])))
		ids[n++] = dbres_u(res, KPI_REPORT_ENTITIES_ID);
	for (i = 0; i < n; i++)
		if (kpi_report_one(db, j, &s, ids[i]) == -1)
			return -1;
	/* The whole last: its row says the period is done. */
	if (kpi_report_one(db, j, &s, 0) == -1)
		return -1;
	j->written = n + 1;
	return 0;
}

int
kpi_tick(struct db *db, struct arena *a, time_t now)
{
	struct kpi_job	 j;
	time_t		 from, to;
	int		 p, back, total = 0;

	j.a = a;
	for (p = 0; p < KP__MAX; p++) {
		kpi_period_of((enum kpi_period)p, now, &from, &to);
		/* The last two ended periods, the older first. */
		for (back = 2; back >= 1; back--) {
			time_t t = from;
			int k;

			for (k = 0; k < back; k++) {
				kpi_period_of((enum kpi_period)p, t - 1, &j.from,
				    &j.to);
				t = j.from;
			}
			j.p = (enum kpi_period)p;
			if (db_tx(db, kpi_period_tx, &j) != 0) {
				log_warnx("%s: the %s reports from %lld not "
				    "written", __func__, kpi_period_names[p],
				    (long long)j.from);
				return -1;
			}
			total += j.written;
		}
	}
	return total;
}
