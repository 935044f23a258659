/*
 * compliance.c — the compliance report's counting (compliance.h).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "analysis.h"
#include "arena.h"
#include "calendar.h"
#include "comment.h"
#include "compliance.h"
#include "db.h"
#include "i18n.h"
#include "kpi.h"
#include "kpi_participation.h"
#include "log.h"
#include "outbox.h"
#include "sql_gen.h"
#include "workflow.h"

#ifndef N_
#define N_(s)	(s)
#endif

const struct cmp_def cmp_defs[CF__MAX] = {
	[CF_CONSULTATIONS] = { "consultations", N_("Consultations opened"),
	    N_("Consultations published in the period (opened to "
	    "participants), whatever became of them afterwards."), 0 },
	[CF_SURVEYS] = { "surveys", N_("Surveys opened"),
	    N_("Surveys published in the period."), 0 },
	[CF_POLLS] = { "polls", N_("Polls opened"),
	    N_("Polls published in the period."), 0 },
	[CF_PUBLIC] = { "public", N_("Open to everyone"),
	    N_("Activities published in the period open to every user."), 0 },
	[CF_RESTRICTED] = { "restricted", N_("Restricted"),
	    N_("Activities published in the period addressed to named "
	    "entities or groups of users."), 0 },
	[CF_INTERAGENCY] = { "interagency", N_("Inter-agency"),
	    N_("Consultations published in the period between government "
	    "entities only."), 0 },
	[CF_MOD_ON_TIME_PCT] = { "moderated_on_time_pct",
	    N_("Comments moderated on time"),
	    N_("Share of the comments received in the period that were "
	    "moderated within 3 working days of receipt (art. 9-b), on the "
	    "calendar's weekend days and holidays; a comment still waiting "
	    "after its deadline counts as late, one still within it is not "
	    "counted yet."), 1 },
	[CF_MOD_LATE] = { "moderated_late", N_("Comments moderated late"),
	    N_("Comments received in the period moderated after their "
	    "deadline of 3 working days, or still waiting past it."), 0 },
	[CF_MOD_LATE_MAX] = { "moderated_late_max_days",
	    N_("Most working days late (moderation)"),
	    N_("The most working days any of those comments was moderated "
	    "after its deadline (or has waited past it)."), 0 },
	[CF_REP_ON_TIME_PCT] = { "reports_on_time_pct",
	    N_("Reports published on time"),
	    N_("Share of the activities closed in the period whose analysis "
	    "report was published within 20 working days of closing (art. "
	    "9-c); one without a report past that deadline counts as late, "
	    "one still within it is not counted yet."), 1 },
	[CF_REP_LATE] = { "reports_late", N_("Reports late"),
	    N_("Activities closed in the period whose report was published "
	    "after its deadline of 20 working days, or is still owed past "
	    "it."), 0 },
	[CF_REP_LATE_MAX] = { "reports_late_max_days",
	    N_("Most working days late (reports)"),
	    N_("The most working days any of those reports came (or is) "
	    "after its deadline."), 0 },
	[CF_SHORT] = { "short_period", N_("Opened for less than the minimum"),
	    N_("Activities published in the period whose approved period "
	    "was shorter than a month, or two weeks for an urgent one (art. "
	    "11-a/b).  There should be none: submission refuses them."), 0 },
	[CF_EXTENDED] = { "extended", N_("Extended"),
	    N_("Activities given an extension in the period."), 0 },
	[CF_EXT_OVER] = { "extended_over_cap",
	    N_("Extended beyond the original period"),
	    N_("Of the activities extended in the period, those whose added "
	    "time exceeds their original period (art. 11-c).  There should "
	    "be none."), 0 },
	[CF_MONTHS_NO_POLL] = { "months_without_poll",
	    N_("Months without a poll"),
	    N_("Whole months of the period, already ended, in which the "
	    "entity published no poll (at least one a month is expected)."),
	    0 },
	[CF_QUARTERS_NO_BLOG] = { "quarters_without_blog",
	    N_("Quarters without a blog article"),
	    N_("Whole quarters of the period, already ended, in which the "
	    "entity published no blog article (at least one every three "
	    "months is expected)."), 0 },
	[CF_NO_LIAISON] = { "no_liaison", N_("Without a liaison officer"),
	    N_("Entities that have no primary liaison officer named now "
	    "(art. 6)."), 0 },
	[CF_NO_ALTERNATE] = { "no_alternate",
	    N_("Without an alternate liaison officer"),
	    N_("Entities that have no alternate liaison officer named now "
	    "(art. 6-b)."), 0 },
	[CF_REQ_LATE] = { "requests_late", N_("Requests answered late"),
	    N_("Complaints and requests received in the period that missed "
	    "their expected reply date (the complaints system's figure "
	    "'Answered late', as a count)."), 0 },
	[CF_INI_LATE] = { "initiative_answers_late",
	    N_("Initiative answers late"),
	    N_("Citizen initiatives that reached their threshold and whose "
	    "answer fell due in the period (the entity's working days after "
	    "the threshold was reached) but was published after that date, "
	    "or is still owed past it."), 0 },
	[CF_INI_LATE_MAX] = { "initiative_answers_late_max_days",
	    N_("Most working days late (initiative answers)"),
	    N_("The most working days any of those answers came (or is) "
	    "after its due date."), 0 },
};

long long
compliance_value(enum cmp_figure f, const struct cmp_counts *c)
{
	const long long *n = c->n;

	switch (f) {
	case CF_CONSULTATIONS:	return n[CC_CONSULTATIONS];
	case CF_SURVEYS:	return n[CC_SURVEYS];
	case CF_POLLS:		return n[CC_POLLS];
	case CF_PUBLIC:		return n[CC_PUBLIC];
	case CF_RESTRICTED:	return n[CC_RESTRICTED];
	case CF_INTERAGENCY:	return n[CC_INTERAGENCY];
	case CF_MOD_ON_TIME_PCT:
		return kpi_permille(n[CC_MOD_ON_TIME],
		    n[CC_MOD_ON_TIME] + n[CC_MOD_LATE]);
	case CF_MOD_LATE:	return n[CC_MOD_LATE];
	case CF_MOD_LATE_MAX:	return n[CC_MOD_LATE_MAX];
	case CF_REP_ON_TIME_PCT:
		return kpi_permille(n[CC_REP_ON_TIME],
		    n[CC_REP_ON_TIME] + n[CC_REP_LATE]);
	case CF_REP_LATE:	return n[CC_REP_LATE];
	case CF_REP_LATE_MAX:	return n[CC_REP_LATE_MAX];
	case CF_SHORT:		return n[CC_SHORT];
	case CF_EXTENDED:	return n[CC_EXTENDED];
	case CF_EXT_OVER:	return n[CC_EXT_OVER];
	case CF_MONTHS_NO_POLL:	return n[CC_MONTHS_NO_POLL];
	case CF_QUARTERS_NO_BLOG: return n[CC_QUARTERS_NO_BLOG];
	case CF_NO_LIAISON:	return n[CC_NO_LIAISON];
	case CF_NO_ALTERNATE:	return n[CC_NO_ALTERNATE];
	case CF_REQ_LATE:	return n[CC_REQ_LATE];
	case CF_INI_LATE:	return n[CC_INI_LATE];
	case CF_INI_LATE_MAX:	return n[CC_INI_LATE_MAX];
	default:		return -1;
	}
}

int
compliance_figure(const char *code)
{
	int	 f;

	if (code == NULL)
		return -1;
	for (f = 0; f < CF__MAX; f++)
		if (strcmp(cmp_defs[f].code, code) == 0)
			return f;
	return -1;
}

void
compliance_add(struct cmp_counts *a, const struct cmp_counts *b)
{
	int	 i;

	for (i = 0; i < CC__MAX; i++) {
		if (i == CC_KINDS)
			a->n[i] |= b->n[i];
		else if (i == CC_MOD_LATE_MAX || i == CC_REP_LATE_MAX ||
		    i == CC_INI_LATE_MAX) {
			if (b->n[i] > a->n[i])
				a->n[i] = b->n[i];
		} else
			a->n[i] += b->n[i];
	}
}

/* The working state of one computation. */
struct cmp_ctx {
	struct cmp_report *rep;
	struct arena	*a;
	struct calendar	*cal;
	unsigned long long *eids;	/* every active entity, by id */
	int		*eidx;		/* → its index in rep->entities, -1 */
	int		 neids;
	unsigned char	*want_in;	/* by report index: in want's tree */
	int		 want;
	/* The report's activities, by id, and their items (want). */
	unsigned long long *aids;
	struct cmp_item	*aitems;
	int		 naids;
	/* The initiative answers behind the figure asked (want). */
	struct cmp_item	*iitems;
	int		 niitems;
	/* Whole months and quarters of the period, ended by now. */
	int		 nmonths, nquarters;
	int		 y0, m0, qy0, q0;	/* first month / quarter */
	unsigned char	*poll_month;	/* [entity * nmonths + i] */
	unsigned char	*blog_quarter;	/* [entity * nquarters + i] */
};

static int
cmp_ull(const void *a, const void *b)
{
	unsigned long long x = *(const unsigned long long *)a,
	    y = *(const unsigned long long *)b;

	return x < y ? -1 : x > y;
}

static int
find(const unsigned long long *v, int n, unsigned long long id)
{
	const unsigned long long *p;

	if (n == 0)
		return -1;
	p = bsearch(&id, v, (size_t)n, sizeof(*v), cmp_ull);
	return p == NULL ? -1 : (int)(p - v);
}

/* The report index of entity id, or -1 (not in the report). */
static int
ent(const struct cmp_ctx *x, unsigned long long id)
{
	int	 i = find(x->eids, x->neids, id);

	return i < 0 ? -1 : x->eidx[i];
}

/* The local civil year, month (1–12) and the UTC time of local midnight
 * on the first of a month. */
static void
local_ym(time_t t, int *y, int *m)
{
	time_t		 l = t + i18n_tz();
	struct tm	 tm;

	gmtime_r(&l, &tm);
	*y = tm.tm_year + 1900;
	*m = tm.tm_mon + 1;
}

static time_t
month_start(int y, int m)
{
	struct tm	 tm;

	while (m > 12) {
		m -= 12;
		y++;
	}
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = 1;
	return timegm(&tm) - i18n_tz();
}

/* Months and quarters wholly inside the period and ended by now. */
static void
periods(struct cmp_ctx *x)
{
	struct cmp_report *r = x->rep;
	time_t		 end = r->t1 < r->now ? r->t1 : r->now;
	int		 y, m;

	local_ym(r->t0, &y, &m);
	if (month_start(y, m) < r->t0)
		m++;
	if (m > 12) {
		m = 1;
		y++;
	}
	x->y0 = y;
	x->m0 = m;
	x->nmonths = 0;
	while (x->nmonths < 1200 && month_start(y, m + x->nmonths + 1) <= end)
		x->nmonths++;
	/* Quarters start in months 1, 4, 7, 10. */
	while ((m - 1) % 3 != 0) {
		if (++m > 12) {
			m = 1;
			y++;
		}
	}
	x->qy0 = y;
	x->q0 = (m - 1) / 3 + 1;
	x->nquarters = 0;
	while (x->nquarters < 400 &&
	    month_start(y, m + 3 * (x->nquarters + 1)) <= end)
		x->nquarters++;
}

/* The month index of t in the period's months, or -1. */
static int
month_of(const struct cmp_ctx *x, time_t t)
{
	int	 y, m, i;

	local_ym(t, &y, &m);
	i = (y - x->y0) * 12 + (m - x->m0);
	return i >= 0 && i < x->nmonths ? i : -1;
}

static int
quarter_of(const struct cmp_ctx *x, time_t t)
{
	int	 y, m, i;

	local_ym(t, &y, &m);
	i = (y - x->qy0) * 4 + ((m - 1) / 3 + 1 - x->q0);
	return i >= 0 && i < x->nquarters ? i : -1;
}

/* The item of activity id for the figure asked (NULL: none asked, or
 * the activity is not of want's tree). */
static struct cmp_item *
aitem(struct cmp_ctx *x, unsigned long long id, int e)
{
	int	 i;

	if (x->want < 0 || e < 0 || !x->want_in[e])
		return NULL;
	if ((i = find(x->aids, x->naids, id)) < 0)
		return NULL;
	return &x->aitems[i];
}

/* Lists it behind the figure asked, adding late (n), on time (ok) and
 * the most days late. */
static void
mark(struct cmp_item *it, long long n, long long ok, long long days,
    int flag)
{
	if (it == NULL)
		return;
	it->n += n;
	it->ok += ok;
	if (days > it->days)
		it->days = days;
	it->flag |= flag;
	it->listed = 1;
}

static void
maxin(long long *v, long long d)
{
	if (d > *v)
		*v = d;
}

/* Working days late of something due at due and done at done (0: not
 * yet), counted into n[0] on time, n[1] late, n[2] the most days late,
 * n[3] waiting (the CC_*_ON_TIME … _WAITING run): -1 still waiting
 * within its deadline, 0 on time, else the days late (a moment after
 * the deadline on its last working day is one). */
static long long
lateness(const struct calendar *cal, time_t due, time_t done, time_t now,
    long long *n)
{
	long long	 late;

	if (done == 0 && now <= due) {
		n[3]++;
		return -1;
	}
	late = analysis_days_late(cal, due, done != 0 ? done : now);
	if (late == 0 && (done != 0 ? done : now) > due)
		late = 1;
	if (late == 0)
		n[0]++;
	else {
		n[1]++;
		maxin(&n[2], late);
	}
	return late;
}

/* Orders the entities parent before children (depth first, by id). */
static int
tree_order(struct cmp_ctx *x, struct cmp_entity *all, int n,
    unsigned long long root)
{
	struct cmp_report *r = x->rep;
	int		*stack, sp = 0, i, k = 0;

	r->entities = arena_alloc(x->a, sizeof(*r->entities) * (size_t)(n + 1));
	stack = arena_alloc(x->a, sizeof(int) * (size_t)(n + 1));
	/* Roots: the asked entity, or every entity without an active
	 * parent; pushed in reverse so the smallest id comes first. */
	for (i = n - 1; i >= 0; i--) {
		if (root != 0 ? all[i].id == root :
		    (all[i].parent_id == 0 ||
		    find(x->eids, x->neids, all[i].parent_id) < 0)) {
			all[i].depth = 0;
			stack[sp++] = i;
		}
	}
	while (sp > 0 && k < n) {
		int j = stack[--sp];

		x->eidx[j] = k;
		r->entities[k++] = all[j];
		for (i = n - 1; i >= 0; i--)
			if (all[i].parent_id == all[j].id && x->eidx[i] < 0 &&
			    sp < n) {
				all[i].depth = all[j].depth + 1;
				stack[sp++] = i;
			}
	}
	r->nentities = k;
	return 0;
}

static int
load_entities(struct cmp_ctx *x, struct db *db, unsigned long long root)
{
	struct dbres	*res;
	struct cmp_entity *all;
	int		 n, i;

	if ((res = db_query(db, x->a, SQL_COMPLIANCE_ENTITIES, DB_NOARGS)) ==
	    NULL)
		return -1;
	n = dbres_rows(res);
	all = arena_alloc(x->a, sizeof(*all) * (size_t)(n + 1));
	x->eids = arena_alloc(x->a, sizeof(*x->eids) * (size_t)(n + 1));
	x->eidx = arena_alloc(x->a, sizeof(int) * (size_t)(n + 1));
	memset(all, 0, sizeof(*all) * (size_t)(n + 1));
	for (i = 0; dbres_next(res) && i < n; i++) {
		all[i].id = dbres_u(res, COMPLIANCE_ENTITIES_ID);
		all[i].parent_id = dbres_u(res, COMPLIANCE_ENTITIES_PARENT_ID);
		all[i].name_ar = dbres_str(res, COMPLIANCE_ENTITIES_NAME_AR);
		all[i].name_en = dbres_str(res, COMPLIANCE_ENTITIES_NAME_EN);
		all[i].slug = dbres_str(res, COMPLIANCE_ENTITIES_SLUG);
		all[i].own.n[CC_ENTITIES] = 1;
		all[i].own.n[CC_NO_LIAISON] = !dbres_int(res,
		    COMPLIANCE_ENTITIES_HAS_LIAISON);
		all[i].own.n[CC_NO_ALTERNATE] = !dbres_int(res,
		    COMPLIANCE_ENTITIES_HAS_ALTERNATE);
		x->eids[i] = all[i].id;
		x->eidx[i] = -1;
	}
	x->neids = i;
	tree_order(x, all, i, root);
	/* eidx now maps the id order to the report order. */
	return 0;
}

static int
load_activities(struct cmp_ctx *x, struct db *db)
{
	struct cmp_report *r = x->rep;
	struct dbres	*res;
	int		 n, i = 0;

	res = db_query(db, x->a, SQL_COMPLIANCE_ACTIVITIES, DB_ARGS(
	    DB_I(t0, r->t0), DB_I(t1, r->t1)));
	if (res == NULL)
		return -1;
	n = dbres_rows(res);
	x->aids = arena_alloc(x->a, sizeof(*x->aids) * (size_t)(n + 1));
	x->aitems = arena_alloc(x->a, sizeof(*x->aitems) * (size_t)(n + 1));
	memset(x->aitems, 0, sizeof(*x->aitems) * (size_t)(n + 1));
	while (dbres_next(res) && i < n) {
		int e = ent(x, dbres_u(res, COMPLIANCE_ACTIVITIES_ENTITY_ID));
		struct cmp_item *it = &x->aitems[i];
		struct cmp_counts *c;
		enum act_kind k = activity_kind(dbres_str(res,
		    COMPLIANCE_ACTIVITIES_KIND));
		enum act_audience aud = activity_audience(dbres_str(res,
		    COMPLIANCE_ACTIVITIES_AUDIENCE));
		enum act_state st = activity_state(dbres_str(res,
		    COMPLIANCE_ACTIVITIES_STATE));
		time_t pub = dbres_time(res, COMPLIANCE_ACTIVITIES_PUBLISH_AT);
		time_t closes = dbres_time(res, COMPLIANCE_ACTIVITIES_CLOSES_AT);
		time_t orig = dbres_time(res,
		    COMPLIANCE_ACTIVITIES_ORIGINAL_CLOSES_AT);
		long long ext = dbres_int(res,
		    COMPLIANCE_ACTIVITIES_EXTENDED_SECONDS);
		time_t rpub = dbres_time(res,
		    COMPLIANCE_ACTIVITIES_REPORT_PUBLISHED_AT);
		int in = e >= 0 && x->want >= 0 && x->want_in[e];
		int w = x->want;

		x->aids[i] = dbres_u(res, COMPLIANCE_ACTIVITIES_ID);
		it->activity_id = x->aids[i];
		it->entity_id = dbres_u(res, COMPLIANCE_ACTIVITIES_ENTITY_ID);
		it->title_ar = dbres_str(res, COMPLIANCE_ACTIVITIES_TITLE_AR);
		it->title_en = dbres_str(res, COMPLIANCE_ACTIVITIES_TITLE_EN);
		i++;
		if (e < 0)
			continue;
		c = &r->entities[e].own;
		if (orig == 0)
			orig = closes - (time_t)ext;
		if (dbres_int(res, COMPLIANCE_ACTIVITIES_OPENED)) {
			int pm;

			if (k == AK_CONSULTATION)
				c->n[CC_CONSULTATIONS]++;
			else if (k == AK_SURVEY)
				c->n[CC_SURVEYS]++;
			else if (k == AK_POLL)
				c->n[CC_POLLS]++;
			if (k < AK__MAX)
				c->n[CC_KINDS] |= 1LL << k;
			if (aud == AA_PUBLIC)
				c->n[CC_PUBLIC]++;
			else if (aud == AA_RESTRICTED)
				c->n[CC_RESTRICTED]++;
			else
				c->n[CC_INTERAGENCY]++;
			if (in && ((w == CF_CONSULTATIONS && k == AK_CONSULTATION)
			    || (w == CF_SURVEYS && k == AK_SURVEY) ||
			    (w == CF_POLLS && k == AK_POLL) ||
			    (w == CF_PUBLIC && aud == AA_PUBLIC) ||
			    (w == CF_RESTRICTED && aud == AA_RESTRICTED) ||
			    (w == CF_INTERAGENCY && aud == AA_INTERAGENCY)))
				mark(it, 0, 0, 0, 0);
			if (orig < activity_earliest_close(pub,
			    (int)dbres_int(res, COMPLIANCE_ACTIVITIES_URGENT))) {
				c->n[CC_SHORT]++;
				if (in && w == CF_SHORT)
					mark(it, 0, 0, (orig - pub) / 86400, 0);
			}
			if (!dbres_isnull(res,
			    COMPLIANCE_ACTIVITIES_TARGET_GROUP_SIZE) &&
			    dbres_int(res,
			    COMPLIANCE_ACTIVITIES_TARGET_GROUP_SIZE) > 0) {
				c->n[CC_PARTICIPANTS] += dbres_int(res,
				    COMPLIANCE_ACTIVITIES_PARTICIPANTS);
				c->n[CC_TARGET_SIZE] += dbres_int(res,
				    COMPLIANCE_ACTIVITIES_TARGET_GROUP_SIZE);
			}
			if (k == AK_POLL && (pm = month_of(x, pub)) >= 0)
				x->poll_month[e * x->nmonths + pm] = 1;
		}
		if (dbres_int(res, COMPLIANCE_ACTIVITIES_EXTENSIONS) > 0) {
			int ok = activity_extension_ok(pub, orig, 0, ext) ||
			    ext == 0;

			c->n[CC_EXTENDED]++;
			if (!ok)
				c->n[CC_EXT_OVER]++;
			if (in && (w == CF_EXTENDED ||
			    (w == CF_EXT_OVER && !ok)))
				mark(it, dbres_int(res,
				    COMPLIANCE_ACTIVITIES_EXTENSIONS), 0,
				    ext / 86400, ok);
		}
		if (dbres_int(res, COMPLIANCE_ACTIVITIES_FINISHED) &&
		    st != AS_WITHDRAWN) {
			long long late = lateness(x->cal,
			    analysis_report_due(x->cal, closes), rpub, r->now,
			    &c->n[CC_REP_ON_TIME]);

			c->n[CC_FINISHED]++;
			if (rpub != 0) {
				c->n[CC_FINISHED_PUBLISHED]++;
				c->n[CC_REPORTS_PUBLISHED]++;
				c->n[CC_RESULTS_USED] += dbres_int(res,
				    COMPLIANCE_ACTIVITIES_RESULTS_USED);
			}
			if (in && late >= 0 && (w == CF_REP_ON_TIME_PCT ||
			    ((w == CF_REP_LATE || w == CF_REP_LATE_MAX) &&
			    late > 0)))
				mark(it, late > 0, late == 0, late, 0);
		}
	}
	x->naids = i;
	return 0;
}

static int
load_comments(struct cmp_ctx *x, struct db *db)
{
	struct cmp_report *r = x->rep;
	struct dbres	*res;
	int		 rc;

	res = db_stream(db, x->a, SQL_COMPLIANCE_COMMENTS, DB_ARGS(
	    DB_I(t0, r->t0), DB_I(t1, r->t1)));
	if (res == NULL)
		return -1;
	while ((rc = dbres_next(res)) == 1) {
		int e = ent(x, dbres_u(res, COMPLIANCE_COMMENTS_ENTITY_ID));
		struct cmp_counts *c;
		time_t got = dbres_time(res, COMPLIANCE_COMMENTS_RECEIVED_AT);
		time_t done = dbres_time(res, COMPLIANCE_COMMENTS_MODERATED_AT);
		const char *pos = dbres_str(res,
		    COMPLIANCE_COMMENTS_ENTITY_POSITION);
		long long late;
		int w = x->want;

		if (e < 0)
			continue;
		c = &r->entities[e].own;
		late = lateness(x->cal, calendar_add_workdays(x->cal, got,
		    COMMENT_MODERATION_DAYS), done, r->now,
		    &c->n[CC_MOD_ON_TIME]);
		/* An activity behind a moderation figure shows all its
		 * comments of the period, on time and late. */
		if (late >= 0 && (w == CF_MOD_ON_TIME_PCT || w == CF_MOD_LATE ||
		    w == CF_MOD_LATE_MAX)) {
			struct cmp_item *it = aitem(x, dbres_u(res,
			    COMPLIANCE_COMMENTS_ACTIVITY_ID), e);
			int was = it != NULL && it->listed;

			mark(it, late > 0, late == 0, late, 0);
			if (it != NULL && w != CF_MOD_ON_TIME_PCT)
				it->listed = was || it->n > 0;
		}
		if (pos != NULL && strcmp(pos, "duplicate") != 0) {
			c->n[CC_POS_TOTAL]++;
			if (strcmp(pos, "accepted") == 0 ||
			    strcmp(pos, "partially") == 0)
				c->n[CC_POS_ACCEPTED]++;
		}
	}
	dbres_close(res);
	return rc == -1 ? -1 : 0;
}

static int
load_blog_requests(struct cmp_ctx *x, struct db *db)
{
	struct cmp_report *r = x->rep;
	struct dbres	*res;
	char		 d0[16], d1[16];
	time_t		 l0 = r->t0 + i18n_tz(), l1 = r->t1 + i18n_tz();
	struct tm	 tm;

	if ((res = db_query(db, x->a, SQL_COMPLIANCE_BLOG, DB_ARGS(
	    DB_I(t0, r->t0), DB_I(t1, r->t1)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		int e = ent(x, dbres_u(res, COMPLIANCE_BLOG_ENTITY_ID));
		int q = quarter_of(x, dbres_time(res,
		    COMPLIANCE_BLOG_PUBLISHED_AT));

		if (e >= 0 && q >= 0)
			x->blog_quarter[e * x->nquarters + q] = 1;
	}
	gmtime_r(&l0, &tm);
	strftime(d0, sizeof(d0), "%Y-%m-%d", &tm);
	gmtime_r(&l1, &tm);
	strftime(d1, sizeof(d1), "%Y-%m-%d", &tm);
	if ((res = db_query(db, x->a, SQL_COMPLIANCE_REQUESTS, DB_ARGS(
	    DB_S(d0, d0), DB_S(d1, d1)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		int e = ent(x, dbres_u(res, COMPLIANCE_REQUESTS_ENTITY_ID));

		if (e < 0)
			continue;
		r->entities[e].own.n[CC_REQ_RECEIVED] += dbres_int(res,
		    COMPLIANCE_REQUESTS_RECEIVED);
		r->entities[e].own.n[CC_REQ_LATE] += dbres_int(res,
		    COMPLIANCE_REQUESTS_LATE);
	}
	return 0;
}

/* Citizen initiatives whose answer fell due in the period: on time,
 * late (published after the due date, or still owed past it) or still
 * within it. */
static int
load_initiatives(struct cmp_ctx *x, struct db *db)
{
	struct cmp_report *r = x->rep;
	struct dbres	*res;
	int		 n, w = x->want;

	if ((res = db_query(db, x->a, SQL_COMPLIANCE_INITIATIVES, DB_ARGS(
	    DB_I(t0, r->t0), DB_I(t1, r->t1)))) == NULL)
		return -1;
	n = dbres_rows(res);
	x->iitems = arena_alloc(x->a, sizeof(*x->iitems) * (size_t)(n + 1));
	memset(x->iitems, 0, sizeof(*x->iitems) * (size_t)(n + 1));
	while (dbres_next(res) && x->niitems < n) {
		int e = ent(x, dbres_u(res, COMPLIANCE_INITIATIVES_ENTITY_ID));
		long long late;
		struct cmp_item *it;

		if (e < 0)
			continue;
		late = lateness(x->cal, dbres_time(res,
		    COMPLIANCE_INITIATIVES_ANSWER_DUE_AT), dbres_time(res,
		    COMPLIANCE_INITIATIVES_REPLIED_AT), r->now,
		    &r->entities[e].own.n[CC_INI_ON_TIME]);
		if (late <= 0 || (w != CF_INI_LATE && w != CF_INI_LATE_MAX) ||
		    !x->want_in[e])
			continue;
		it = &x->iitems[x->niitems++];
		it->initiative_id = dbres_u(res, COMPLIANCE_INITIATIVES_ID);
		it->entity_id = r->entities[e].id;
		it->title_ar = it->title_en = dbres_str(res,
		    COMPLIANCE_INITIATIVES_TITLE);
		it->flag = dbres_isnull(res, COMPLIANCE_INITIATIVES_REPLIED_AT);
		mark(it, 1, 0, late, 0);
	}
	return 0;
}

/* Plan items whose quarter lies wholly inside the period: due; done
 * when the activity they are linked to was published. */
static int
load_plan(struct cmp_ctx *x, struct db *db)
{
	struct cmp_report *r = x->rep;
	struct dbres	*res;
	int		 y0, y1, m;

	local_ym(r->t0, &y0, &m);
	local_ym(r->t1 - 1, &y1, &m);
	if ((res = db_query(db, x->a, SQL_COMPLIANCE_PLAN, DB_ARGS(
	    DB_I(y0, y0), DB_I(y1, y1)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		int e = ent(x, dbres_u(res, COMPLIANCE_PLAN_ENTITY_ID));
		int y = (int)dbres_int(res, COMPLIANCE_PLAN_YEAR);
		int q = (int)dbres_int(res, COMPLIANCE_PLAN_QUARTER);
		const char *st = dbres_str(res, COMPLIANCE_PLAN_ACTIVITY_STATE);
		time_t qs = month_start(y, 3 * (q - 1) + 1),
		    qe = month_start(y, 3 * q + 1);

		if (e < 0 || qs < r->t0 || qe > r->t1)
			continue;
		r->entities[e].own.n[CC_PLAN_DUE]++;
		if (st != NULL && activity_state_public(activity_state(st)))
			r->entities[e].own.n[CC_PLAN_DONE]++;
	}
	return 0;
}

/* The KPI targets the plans set: a percentage in per mille. */
static int
load_targets(struct cmp_ctx *x, struct db *db)
{
	struct cmp_report *r = x->rep;
	struct dbres	*res;
	int		 y0, y1, m, e, k;

	for (e = 0; e < r->nentities; e++)
		for (k = 0; k < CMP_MAX_KPIS; k++)
			r->entities[e].targets[k] = -1;
	local_ym(r->t0, &y0, &m);
	local_ym(r->t1 - 1, &y1, &m);
	if ((res = db_query(db, x->a, SQL_COMPLIANCE_TARGETS, DB_ARGS(
	    DB_I(y0, y0), DB_I(y1, y1)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *t = dbres_str(res, COMPLIANCE_TARGETS_TARGET);

		e = ent(x, dbres_u(res, COMPLIANCE_TARGETS_ENTITY_ID));
		k = kpi_participation_code(dbres_str(res,
		    COMPLIANCE_TARGETS_CODE));
		if (e < 0 || k < 0 || t == NULL)
			continue;
		r->entities[e].targets[k] = kpp_defs[k].percent ?
		    (long long)(strtod(t, NULL) * 10 + 0.5) :
		    (long long)(strtod(t, NULL) + 0.5);
	}
	return 0;
}

/* Months and quarters without, and the items of those figures and of
 * the entities' own. */
static void
finish(struct cmp_ctx *x)
{
	struct cmp_report *r = x->rep;
	int		 e, i, k;

	for (e = 0; e < r->nentities; e++) {
		struct cmp_entity *en = &r->entities[e];
		int in = x->want >= 0 && x->want_in[e];

		en->own.n[CC_MONTHS] = x->nmonths;
		en->own.n[CC_QUARTERS] = x->nquarters;
		for (i = 0; i < x->nmonths; i++) {
			if (x->poll_month[e * x->nmonths + i])
				continue;
			en->own.n[CC_MONTHS_NO_POLL]++;
			if (in && x->want == CF_MONTHS_NO_POLL) {
				struct cmp_item *it = &r->items[r->nitems++];
				int m = x->m0 - 1 + i;

				it->entity_id = en->id;
				snprintf(it->label, sizeof(it->label),
				    "%04d-%02d", x->y0 + m / 12, m % 12 + 1);
			}
		}
		for (i = 0; i < x->nquarters; i++) {
			if (x->blog_quarter[e * x->nquarters + i])
				continue;
			en->own.n[CC_QUARTERS_NO_BLOG]++;
			if (in && x->want == CF_QUARTERS_NO_BLOG) {
				struct cmp_item *it = &r->items[r->nitems++];
				int q = x->q0 - 1 + i;

				it->entity_id = en->id;
				snprintf(it->label, sizeof(it->label),
				    "%04d-Q%d", x->qy0 + q / 4, q % 4 + 1);
			}
		}
		if (in && ((x->want == CF_NO_LIAISON &&
		    en->own.n[CC_NO_LIAISON]) || (x->want == CF_NO_ALTERNATE &&
		    en->own.n[CC_NO_ALTERNATE]) || (x->want == CF_REQ_LATE &&
		    en->own.n[CC_REQ_LATE] > 0))) {
			struct cmp_item *it = &r->items[r->nitems++];

			it->entity_id = en->id;
			it->n = en->own.n[CC_REQ_LATE];
		}
	}
	for (k = 0; k < x->naids; k++)
		if (x->aitems[k].listed)
			r->items[r->nitems++] = x->aitems[k];
	for (k = 0; k < x->niitems; k++)
		r->items[r->nitems++] = x->iitems[k];
	/* The trees, from the deepest up: a parent comes before its
	 * children, so walking backwards adds each finished subtree. */
	for (e = 0; e < r->nentities; e++)
		r->entities[e].tree = r->entities[e].own;
	for (e = r->nentities - 1; e >= 0; e--) {
		int p = ent(x, r->entities[e].parent_id);

		if (r->entities[e].depth > 0 && p >= 0) {
			compliance_add(&r->entities[p].tree,
			    &r->entities[e].tree);
			r->entities[p].nchildren++;
		}
	}
	memset(&r->all, 0, sizeof(r->all));
	for (e = 0; e < r->nentities; e++)
		if (r->entities[e].depth == 0)
			compliance_add(&r->all, &r->entities[e].tree);
}

int
compliance_compute(struct db *db, struct arena *a, time_t t0, time_t t1,
    time_t now, unsigned long long root, int want,
    unsigned long long want_entity, int want_tree, struct cmp_report *r)
{
	struct cmp_ctx	 x;
	int		 e, nmax;

	memset(r, 0, sizeof(*r));
	memset(&x, 0, sizeof(x));
	r->t0 = t0;
	r->t1 = t1;
	r->now = now;
	x.rep = r;
	x.a = a;
	x.want = want;
	x.cal = arena_alloc(a, sizeof(*x.cal));
	if (calendar_load(db, a, x.cal) == -1)
		return -1;
	if (load_entities(&x, db, root) == -1)
		return -1;
	periods(&x);
	x.want_in = arena_alloc(a, (size_t)r->nentities + 1);
	memset(x.want_in, 0, (size_t)r->nentities + 1);
	/* want's tree: the entity and everything below it (parents come
	 * first in tree order). */
	for (e = 0; e < r->nentities; e++) {
		int p = ent(&x, r->entities[e].parent_id);

		x.want_in[e] = want_entity == 0 ||
		    r->entities[e].id == want_entity ||
		    (want_tree && r->entities[e].depth > 0 && p >= 0 &&
		    x.want_in[p]);
	}
	x.poll_month = arena_alloc(a, (size_t)(r->nentities * x.nmonths) + 1);
	memset(x.poll_month, 0, (size_t)(r->nentities * x.nmonths) + 1);
	x.blog_quarter = arena_alloc(a,
	    (size_t)(r->nentities * x.nquarters) + 1);
	memset(x.blog_quarter, 0, (size_t)(r->nentities * x.nquarters) + 1);
	if (load_activities(&x, db) == -1 || load_comments(&x, db) == -1 ||
	    load_blog_requests(&x, db) == -1 || load_plan(&x, db) == -1 ||
	    load_targets(&x, db) == -1 || load_initiatives(&x, db) == -1) {
		log_warnx("%s: a statement failed", __func__);
		return -1;
	}
	nmax = x.naids + x.niitems +
	    r->nentities * (x.nmonths + x.nquarters + 1) + 1;
	r->items = arena_alloc(a, sizeof(*r->items) * (size_t)nmax);
	memset(r->items, 0, sizeof(*r->items) * (size_t)nmax);
	finish(&x);
	return 0;
}

/* One reminder: claims its key and queues the mail in one transaction. */
struct remind {
	struct arena	*a;
	const char	*kind, *period, *to, *subject, *body;
	unsigned long long entity;
	int		 sent;
};

static int
remind_tx(struct db *db, void *arg)
{
	struct remind	*m = arg;
	int		 n;

	n = db_exec(db, SQL_COMPLIANCE_REMIND_CLAIM, DB_ARGS(
	    DB_S(kind, m->kind), DB_S(period, m->period),
	    DB_U(entity, m->entity)));
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;	/* sent already */
	if (outbox_email(db, m->to, m->subject, m->body) < 0)
		return -1;
	m->sent = 1;
	return 0;
}

int
compliance_remind(struct db *db, struct arena *a, time_t now)
{
	struct dbres	*res;
	int		 y, mo, qm, sent = 0;
	time_t		 m0, m1, q0, q1;
	char		 month[32], quarter[32];

	local_ym(now, &y, &mo);
	qm = (mo - 1) / 3 * 3 + 1;
	m0 = month_start(y, mo);
	m1 = month_start(y, mo + 1);
	q0 = month_start(y, qm);
	q1 = month_start(y, qm + 3);
	snprintf(month, sizeof(month), "%04d-%02d", y, mo);
	snprintf(quarter, sizeof(quarter), "%04d-Q%d", y, (mo - 1) / 3 + 1);
	if (m1 - now > (time_t)CMP_REMIND_DAYS * 86400 &&
	    q1 - now > (time_t)CMP_REMIND_DAYS * 86400)
		return 0;
	if ((res = db_query(db, a, SQL_COMPLIANCE_REMIND_ENTITIES, DB_ARGS(
	    DB_I(m0, m0), DB_I(m1, m1), DB_I(q0, q0), DB_I(q1, q1)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *lang = dbres_str(res, COMPLIANCE_REMIND_ENTITIES_LANG);
		const char *name;
		struct remind	 m;
		int		 k;

		if (lang == NULL || !i18n_supported(lang))
			lang = "ar";
		name = strcmp(lang, "en") == 0 && dbres_str(res,
		    COMPLIANCE_REMIND_ENTITIES_NAME_EN) != NULL ?
		    dbres_str(res, COMPLIANCE_REMIND_ENTITIES_NAME_EN) :
		    dbres_str(res, COMPLIANCE_REMIND_ENTITIES_NAME_AR);
		for (k = 0; k < 2; k++) {
			memset(&m, 0, sizeof(m));
			m.a = a;
			m.entity = dbres_u(res, COMPLIANCE_REMIND_ENTITIES_ID);
			m.to = dbres_str(res, COMPLIANCE_REMIND_ENTITIES_EMAIL);
			if (k == 0) {
				if (m1 - now > (time_t)CMP_REMIND_DAYS * 86400 ||
				    dbres_int(res,
				    COMPLIANCE_REMIND_ENTITIES_POLLS) > 0)
					continue;
				m.kind = "poll";
				m.period = month;
				m.subject = i18n_subst(a, i18n_get(lang,
				    N_("{1}: no poll this month yet")), name,
				    NULL);
				m.body = i18n_subst(a, i18n_get(lang,
				    N_("The month {1} ends in a few days and {2} "
				    "has published no poll in it.  The guide for "
				    "digital participation expects at least one "
				    "poll a month on the portal.")), month, name,
				    NULL);
			} else {
				if (q1 - now > (time_t)CMP_REMIND_DAYS * 86400 ||
				    dbres_int(res,
				    COMPLIANCE_REMIND_ENTITIES_POSTS) > 0)
					continue;
				m.kind = "blog";
				m.period = quarter;
				m.subject = i18n_subst(a, i18n_get(lang,
				    N_("{1}: no blog article this quarter yet")),
				    name, NULL);
				m.body = i18n_subst(a, i18n_get(lang,
				    N_("The quarter {1} ends in a few days and {2} "
				    "has published no blog article in it.  The "
				    "guide for digital participation expects at "
				    "least one article every three months.")),
				    quarter, name, NULL);
			}
			if (m.to == NULL || db_tx(db, remind_tx, &m) != 0) {
				log_warnx("%s: entity %llu: not queued", __func__,
				    m.entity);
				continue;
			}
			sent += m.sent;
		}
	}
	return sent;
}
