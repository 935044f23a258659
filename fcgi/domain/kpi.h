/*
 * kpi.h — the figures of the complaints and requests system (domain.md
 * §5, Bekhedmetkom): one glossary of their definitions and the one way
 * each is computed, for the public dashboard (/complaints/dashboard),
 * the periodic reports of the staff program, and the open data and
 * oversight that reuse them.
 *
 * Every figure is computed from counters of the summary tables
 * (kpi_cube, kpi_reply, kpi_handler: migrations 0018 and 0025), kept in
 * the transaction that changes a request (kpi_request) — never from the
 * requests themselves, so a page costs the same with a thousand
 * requests or ten million.  kpi_cube and kpi_reply count each request in
 * every scope it is in (every entity, its entity and those above it), so
 * a scope's figures are one range of rows whatever the number of
 * entities; bench requests (requests.bench) are counted apart and never
 * read.  A request counts in the period of the day
 * it was received (UTC).
 */
#ifndef SHAREK_KPI_H
#define SHAREK_KPI_H

#include <stddef.h>
#include <time.h>

struct arena;
struct db;
struct dbres;

/* The counters of a set of requests (shape kpi_counts of
 * sql/queries/kpi.sql). */
struct kpi_counts {
	long long	 key;		/* the breakdown's key (type, axis, …) */
	long long	 received, answered, in_time, late, closed;
	long long	 reopened, escalated, reply_seconds;
	long long	 rated[5];	/* ratings 1 to 5 */
};
/* Reads the current row of a kpi_counts result. */
void		 kpi_fill(struct dbres *, struct kpi_counts *);
/* Adds b into a (the key stays a's). */
void		 kpi_add(struct kpi_counts *a, const struct kpi_counts *b);

/* The glossary: each figure's msgid name and msgid definition, shown
 * beside it wherever it appears. */
enum kpi_figure {
	KF_RECEIVED,
	KF_LATE,		/* % answered late */
	KF_RESPONDED,		/* % responded */
	KF_CLOSED,		/* % closed */
	KF_SATISFACTION,	/* average rating, 1–5 */
	KF_REPLY_AVG,		/* average time to the first reply */
	KF_REPLY_MEDIAN,	/* median time to the first reply */
	KF_REOPENED,
	KF_ESCALATED,
	KF_RANK,		/* the score entities are ranked by */
	KF__MAX
};
struct kpi_def {
	const char	*code;		/* stable name (CSV columns, open data) */
	const char	*label;		/* msgid */
	const char	*definition;	/* msgid */
};
extern const struct kpi_def kpi_defs[KF__MAX];

/* Entities with this share of their requests answered late or more are
 * written to by the ministry (domain.md §5): 2 %. */
#define KPI_LATE_WARN_PERMILLE	20
/* Fewer requests than this in the period: not ranked. */
#define KPI_RANK_MIN		20
/* How many the rankings show. */
#define KPI_RANK_TOP		10

/* A share num/den in per mille, rounded; -1 when den is 0. */
long long	 kpi_permille(long long num, long long den);
/* The value of figure f for c: a share in per mille (KF_LATE,
 * KF_RESPONDED, KF_CLOSED, KF_RANK), hundredths of a star
 * (KF_SATISFACTION), seconds (KF_REPLY_AVG), a count (KF_RECEIVED,
 * KF_REOPENED, KF_ESCALATED); -1 when it has no value (nothing to
 * divide by).  KF_REPLY_MEDIAN needs the histogram: kpi_median. */
long long	 kpi_value(enum kpi_figure f, const struct kpi_counts *c);
/* kpi_value as plain text for tables and CSV, into out (n bytes): a
 * share as a percentage with one decimal ("12.5"), a rating with two
 * ("4.20"), a time in hours with one ("36.5"), a count as is; "" when
 * it has no value.  Returns out. */
char		*kpi_text(enum kpi_figure f, const struct kpi_counts *c,
		    char *out, size_t n);
/* The number of ratings in c. */
long long	 kpi_rated(const struct kpi_counts *c);
/* The lower bound of the 95 % Wilson score interval of k successes in
 * n, in per mille (0 for n = 0): a rate that a handful of requests
 * cannot push to the top. */
long long	 kpi_wilson_permille(long long k, long long n);

/* Times to the first reply as a histogram (kpi_reply.bucket). */
#define KPI_BUCKETS	84
/* The bucket of a reply after s seconds. */
int		 kpi_bucket(long long s);
/* The longest time in seconds bucket b stands for; -1 for the last
 * (sixty days or more). */
long long	 kpi_bucket_upper(int b);
/* The median's bucket of histogram h[KPI_BUCKETS]: the first bucket by
 * which half the replies had come; -1 when there are none. */
int		 kpi_median(const long long *h);

/* A period [from, to) of days, and the whole months inside it. */
struct kpi_span {
	char	 d0[11], d1[11];	/* YYYY-MM-DD */
	char	 m0[11], m1[11];	/* whole months; m0 = m1 = d1: none */
};
/* The span of the UTC days from (inclusive) to to (exclusive). */
void		 kpi_span_of(time_t from, time_t to, struct kpi_span *);

/* The periods of the dashboard and of the periodic reports. */
enum kpi_period { KP_WEEK, KP_MONTH, KP_QUARTER, KP_YEAR, KP__MAX };
extern const char *const kpi_period_names[KP__MAX];	/* week, month … */
extern const char *const kpi_period_labels[KP__MAX];	/* msgids */
/* The period of kind p containing the UTC day of t: [*from, *to)
 * (weeks start on Sunday, the first working day). */
void		 kpi_period_of(enum kpi_period p, time_t t, time_t *from,
		    time_t *to);

/* Adds (sign 1) or removes (sign -1) request id's contribution to the
 * summary tables; request_kpi calls it.  0 or -1. */
int		 kpi_request(struct db *, unsigned long long id, int sign);

/* Writes the periodic reports of every period that has ended by now and
 * is not written yet (the last two of each kind: a tick that did not
 * run for a while catches up), for every entity and the whole (entity
 * 0).  Returns the number written, or -1 (logged). */
int		 kpi_tick(struct db *, struct arena *, time_t now);

#endif
