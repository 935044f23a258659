/*
 * page_dashboard.c — the public KPI dashboard of the complaints system
 * (domain.md §5, Bekhedmetkom; issue 14).
 *
 * GET /complaints/dashboard   dash_params: period (week, month,
 *     quarter, year — the current one — or dates), from and to (the
 *     days, both included, for dates), entity (0 or absent: every
 *     entity; else the entity with its sub-departments).  Anyone; no
 *     sign-in.  View complaints/dashboard: every figure of the glossary
 *     (kpi.h) with its definition, the distributions by type, axis,
 *     priority and rating as charts with their tables (chart.h), the
 *     monthly trend of the last 12 months, the top 10 entities and the
 *     top 10 liaison officers (by public role) ranked by the Wilson
 *     lower bound with a minimum number of requests, and the entities
 *     answering 2 % or more late.  400 with the message at the field
 *     (and the current month shown) for bad dates.
 * Reads the summary tables only (kpi_cube, kpi_reply, kpi_handler): a
 * fixed number of statements, each reading the rows of one scope (every
 * entity, or the entity with its sub-departments: migration 0025) over
 * the period's whole months and end days, so their rows depend on the
 * period, the types, axes and reply-time buckets, never on the number
 * of requests (the rankings read one scope per top-level entity).
 * Bench data (requests.bench) is never counted.  Nothing personal.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "chart.h"
#include "complaints.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "kpi.h"
#include "present.h"
#include "sql_gen.h"
#include "vm.h"

/* The dashboard's periods: kpi.h's and a range of dates. */
static const char *const dash_period_names[] = {
	"week", "month", "quarter", "year", "dates", NULL
};
static const char *const dash_period_labels[] = {
	N_("This week"), N_("This month"), N_("This quarter"),
	N_("This year"), N_("Between two dates"), NULL
};
#define DASH_DATES	KP__MAX
/* The longest range of dates: ten years of days. */
#define DASH_MAX_DAYS	3660

const struct param dash_params[DASH__MAX] = {
	[DASH_PERIOD] = { .name = "period", .type = PT_ENUM,
	    .choices = dash_period_names, .choice_labels = dash_period_labels,
	    .label = N_("Period") },
	[DASH_FROM] = { .name = "from", .type = PT_DATE, .label = N_("From") },
	[DASH_TO] = { .name = "to", .type = PT_DATE, .label = N_("To") },
	[DASH_ENTITY] = { .name = "entity", .type = PT_INT, .min = 0,
	    .max = 1LL << 62, .label = N_("Government entity") },
};

/* A share in per mille as "12.5" ("—" for none). */
static const char *
dash_pct(struct req *r, long long pm)
{
	if (pm < 0)
		return "—";
	return arena_printf(r->a, "%lld.%lld", pm / 10, pm % 10);
}

/* A duration as "5 hours" / "3.5 days". */
static const char *
dash_duration(struct req *r, long long s)
{
	if (s < 0)
		return "—";
	if (s < 86400)
		return i18n_subst(r->a, tr(r, "{1} hours"), arena_printf(r->a,
		    "%lld.%lld", s / 3600, s % 3600 * 10 / 3600), NULL);
	return i18n_subst(r->a, tr(r, "{1} days"), arena_printf(r->a,
	    "%lld.%lld", s / 86400, s % 86400 * 10 / 86400), NULL);
}

/* The median from its bucket: "within 5 hours", "within 3 days". */
static const char *
dash_median(struct req *r, int b)
{
	long long	 up;

	if (b < 0)
		return "—";
	if ((up = kpi_bucket_upper(b)) < 0)
		return tr(r, "60 days or more");
	if (up <= 86400)
		return i18n_subst(r->a, tr(r, "within {1} hours"),
		    arena_printf(r->a, "%lld", up / 3600), NULL);
	return i18n_subst(r->a, tr(r, "within {1} days"),
	    arena_printf(r->a, "%lld", up / 86400), NULL);
}

/* One figure of the glossary with its value and definition. */
static void
dash_figure(struct req *r, struct val *l, enum kpi_figure f,
    const char *value)
{
	struct val	*it = vm_push(l);

	vm_str(it, "code", kpi_defs[f].code);
	vm_str(it, "label", tr(r, kpi_defs[f].label));
	vm_str(it, "value", value);
	vm_str(it, "definition", tr(r, kpi_defs[f].definition));
}

/* The names of the types and axes, by id. */
struct dash_name {
	char		 dim;	/* 't' or 'a' */
	long long	 id;
	const char	*name;
};

static const char *
dash_name_of(const struct dash_name *n, int nn, char dim, long long id,
    struct req *r)
{
	int	 i;

	for (i = 0; i < nn; i++)
		if (n[i].dim == dim && n[i].id == id)
			return n[i].name;
	return dim == 'a' && id == 0 ? tr(r, "Not classified yet") : "?";
}

/* The period chosen, or the current month (with *bad set) when its
 * dates are not usable. */
static void
dash_period(struct req *r, time_t now, time_t *from, time_t *to)
{
	const struct pval *pv = http_arg(r, DASH_PERIOD);
	const struct pval *f = http_arg(r, DASH_FROM), *t = http_arg(r, DASH_TO);
	int		 p = pv != NULL && pv->set ? (int)pv->i : KP_MONTH;

	if (p == DASH_DATES) {
		if (f == NULL || !f->set) {
			if (f == NULL || f->err == NULL)
				http_arg_error(r, DASH_FROM, "Give the first "
				    "day of the period.");
		} else if (t == NULL || !t->set) {
			if (t == NULL || t->err == NULL)
				http_arg_error(r, DASH_TO, "Give the last "
				    "day of the period.");
		} else if (t->t < f->t)
			http_arg_error(r, DASH_TO, "The last day is before "
			    "the first.");
		else if ((t->t - f->t) / 86400 >= DASH_MAX_DAYS)
			http_arg_error(r, DASH_TO, "A period is at most ten "
			    "years long.");
		else {
			*from = f->t;
			*to = t->t + 86400;
			return;
		}
		p = KP_MONTH;
	}
	kpi_period_of((enum kpi_period)p, now, from, to);
}

/* Ranked rows. */
struct dash_rank {
	struct kpi_counts c;
	long long	 score;
	const char	*name, *role;
};

static int
dash_rank_cmp(const void *a, const void *b)
{
	const struct dash_rank *x = a, *y = b;

	if (x->score != y->score)
		return x->score < y->score ? 1 : -1;
	if (x->c.received != y->c.received)
		return x->c.received < y->c.received ? 1 : -1;
	return strcmp(x->name, y->name);
}

static void
dash_rank_model(struct req *r, struct val *l, struct dash_rank *v, int n)
{
	struct val	*it;
	int		 i;

	qsort(v, (size_t)n, sizeof(*v), dash_rank_cmp);
	for (i = 0; i < n && i < KPI_RANK_TOP; i++) {
		it = vm_push(l);
		vm_int(it, "rank", i + 1);
		vm_str(it, "name", v[i].name);
		if (v[i].role != NULL)
			vm_str(it, "role", v[i].role);
		vm_int(it, "n", v[i].c.received);
		vm_int(it, "in_time", v[i].c.in_time);
		vm_str(it, "in_time_pct", dash_pct(r, kpi_permille(
		    v[i].c.in_time, v[i].c.received)));
		vm_str(it, "score", dash_pct(r, v[i].score));
	}
}

int
page_dashboard(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct kpi_span	 s;
	struct kpi_counts tot, c;
	struct dash_name *names;
	struct dash_rank *rk;
	struct {
		int		 k;	/* dims[k] */
		struct kpi_counts c;
	}		*drows;
	struct chart_bar *bars;
	const char	*dims[3] = { "type", "axis", "priority" };
	const char	*cur, **ent_labels, **ent_values, **ent_names;
	time_t		 now = time(NULL), from, to, tfrom, tto;
	unsigned long long entity = (unsigned long long)http_arg_int(r,
	    DASH_ENTITY, 0);
	long long	 hist[KPI_BUCKETS];
	int		 nn = 0, n, i, k, nent, nrk, unranked, status = 200;
	int		 ndrows = 0;

	vm_str(m, "title", tr(r, "Complaints and requests dashboard"));
	dash_period(r, now, &from, &to);
	if (r->nerr > 0)
		status = 400;
	kpi_span_of(from, to, &s);
	vm_str(m, "from_date", present_date(r, from));
	vm_str(m, "to_date", present_date(r, to - 86400));

	/* The form: the period and the entity. */
	{
		const struct pval *pv = http_arg(r, DASH_PERIOD);

		present_choices(r, m, "periods", dash_period_names,
		    dash_period_labels, KP__MAX + 1, pv != NULL && pv->set ?
		    dash_period_names[pv->i] : "month");
	}
	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_KPI_ENTITY_NAMES, DB_NOARGS)) ==
	    NULL)
		return 500;
	n = dbres_rows(res);
	ent_values = arena_alloc(r->a, sizeof(*ent_values) * (size_t)(n + 2));
	ent_labels = arena_alloc(r->a, sizeof(*ent_labels) * (size_t)(n + 2));
	ent_names = arena_alloc(r->a, sizeof(*ent_names) * (size_t)(n + 2));
	ent_values[0] = "0";
	ent_labels[0] = N_("Every entity");
	k = 1;
	cur = arena_printf(r->a, "%llu", entity);
	while (dbres_next(res)) {
		const char *nm = present_pick(r,
		    dbres_str(res, KPI_ENTITY_NAMES_NAME_AR),
		    dbres_str(res, KPI_ENTITY_NAMES_NAME_EN));

		ent_values[k] = arena_printf(r->a, "%llu",
		    dbres_u(res, KPI_ENTITY_NAMES_ID));
		/* Sub-departments under their entity. */
		ent_names[k] = nm;
		ent_labels[k] = dbres_isnull(res, KPI_ENTITY_NAMES_PARENT_ID) ?
		    nm : arena_printf(r->a, "— %s", nm);
		if (entity != 0 && dbres_u(res, KPI_ENTITY_NAMES_ID) == entity)
			vm_str(m, "entity_name", nm);
		k++;
	}
	nent = k;
	/* present_choices translates labels: entity names are data, so the
	 * list is built here. */
	l = vm_list(m, "entities");
	for (i = 0; i < nent; i++) {
		it = vm_push(l);
		vm_str(it, "value", ent_values[i]);
		vm_str(it, "label", i == 0 ? tr(r, ent_labels[0]) :
		    ent_labels[i]);
		vm_bool(it, "selected", strcmp(ent_values[i], cur) == 0);
	}
	vm_bool(m, "all_entities", entity == 0);

	/* The totals and the breakdowns, in one statement: the totals
	 * (dim 'all') here, the breakdowns' rows kept for their charts. */
	if ((res = db_query(r->db, r->a, SQL_KPI_DIMS, DB_ARGS(
	    DB_S(d0, s.d0), DB_S(d1, s.d1), DB_S(m0, s.m0), DB_S(m1, s.m1),
	    DB_U(entity, entity)))) == NULL)
		return 500;
	memset(&tot, 0, sizeof(tot));
	drows = arena_alloc(r->a, sizeof(*drows) * (size_t)(dbres_rows(res) +
	    1));
	while (dbres_next(res)) {
		const char *dim = dbres_str(res, KPI_COUNTS_DIM);

		if (strcmp(dim, "all") == 0) {
			kpi_fill(res, &tot);
			continue;
		}
		for (k = 0; k < 3; k++)
			if (strcmp(dim, dims[k]) == 0)
				break;
		if (k == 3)
			continue;
		drows[ndrows].k = k;
		kpi_fill(res, &drows[ndrows].c);
		ndrows++;
	}
	memset(hist, 0, sizeof(hist));
	if ((res = db_query(r->db, r->a, SQL_KPI_REPLY_HIST, DB_ARGS(
	    DB_S(d0, s.d0), DB_S(d1, s.d1), DB_S(m0, s.m0), DB_S(m1, s.m1),
	    DB_U(entity, entity)))) == NULL)
		return 500;
	while (dbres_next(res)) {
		long long b = dbres_int(res, KPI_REPLY_HIST_BUCKET);

		if (b >= 0 && b < KPI_BUCKETS)
			hist[b] = dbres_int(res, KPI_REPLY_HIST_N);
	}
	l = vm_list(m, "figures");
	dash_figure(r, l, KF_RECEIVED, arena_printf(r->a, "%lld",
	    tot.received));
	dash_figure(r, l, KF_LATE, arena_printf(r->a, "%s%%",
	    dash_pct(r, kpi_value(KF_LATE, &tot))));
	dash_figure(r, l, KF_RESPONDED, arena_printf(r->a, "%s%%",
	    dash_pct(r, kpi_value(KF_RESPONDED, &tot))));
	dash_figure(r, l, KF_CLOSED, arena_printf(r->a, "%s%%",
	    dash_pct(r, kpi_value(KF_CLOSED, &tot))));
	{
		long long v = kpi_value(KF_SATISFACTION, &tot);

		dash_figure(r, l, KF_SATISFACTION, v < 0 ? "—" :
		    i18n_subst(r->a, tr(r, "{1} of 5 ({2} ratings)"),
		    arena_printf(r->a, "%lld.%02lld", v / 100, v % 100),
		    arena_printf(r->a, "%lld", kpi_rated(&tot)), NULL));
	}
	dash_figure(r, l, KF_REPLY_AVG, dash_duration(r,
	    kpi_value(KF_REPLY_AVG, &tot)));
	dash_figure(r, l, KF_REPLY_MEDIAN, dash_median(r, kpi_median(hist)));
	dash_figure(r, l, KF_REOPENED, arena_printf(r->a, "%lld",
	    tot.reopened));
	dash_figure(r, l, KF_ESCALATED, arena_printf(r->a, "%lld",
	    tot.escalated));
	vm_str(m, "rank_rule", tr(r, kpi_defs[KF_RANK].definition));

	/* The satisfaction distribution. */
	bars = arena_alloc(r->a, sizeof(*bars) * 100);
	for (i = 0; i < 5; i++) {
		bars[i].label = i18n_subst(r->a, tr(r, "{1} stars"),
		    arena_printf(r->a, "%d", i + 1), NULL);
		bars[i].value = tot.rated[i];
	}
	chart_model(r, m, "c_rating", "c-rating", tr(r, "Ratings of the "
	    "replies"), NULL, bars, 5, 0);

	/* Type, axis and priority. */
	if ((res = db_query(r->db, r->a, SQL_KPI_DIM_NAMES, DB_NOARGS)) ==
	    NULL)
		return 500;
	names = arena_alloc(r->a, sizeof(*names) * (size_t)(dbres_rows(res) +
	    1));
	while (dbres_next(res)) {
		names[nn].dim = dbres_str(res, KPI_DIM_NAMES_DIM)[0] == 't' ?
		    't' : 'a';
		names[nn].id = dbres_int(res, KPI_DIM_NAMES_ID);
		names[nn].name = present_pick(r,
		    dbres_str(res, KPI_DIM_NAMES_NAME_AR),
		    dbres_str(res, KPI_DIM_NAMES_NAME_EN));
		nn++;
	}
	for (k = 0; k < 3; k++) {
		static const char *const keys[3] = { "c_type", "c_axis",
		    "c_priority" };
		static const char *const ids[3] = { "c-type", "c-axis",
		    "c-priority" };
		static const char *const titles[3] = {
		    N_("Requests by type"), N_("Requests by axis"),
		    N_("Requests by priority") };
		struct val *tl;

		tl = vm_list(m, arena_printf(r->a, "%s_rows", keys[k]));
		n = 0;
		for (i = 0; i < ndrows && n < 100; i++) {
			if (drows[i].k != k)
				continue;
			c = drows[i].c;
			if (k == 2)
				bars[n].label = present_label(r,
				    request_priority_labels, RP__MAX,
				    (int)c.key - 1);
			else
				bars[n].label = dash_name_of(names, nn,
				    k == 0 ? 't' : 'a', c.key, r);
			bars[n].value = c.received;
			it = vm_push(tl);
			vm_str(it, "label", bars[n].label);
			vm_int(it, "received", c.received);
			vm_str(it, "late_pct", dash_pct(r, kpi_value(KF_LATE,
			    &c)));
			vm_str(it, "responded_pct", dash_pct(r,
			    kpi_value(KF_RESPONDED, &c)));
			vm_str(it, "closed_pct", dash_pct(r,
			    kpi_value(KF_CLOSED, &c)));
			n++;
		}
		chart_model(r, m, keys[k], ids[k], tr(r, titles[k]), NULL,
		    bars, n, 0);
	}

	/* The monthly trend: the 12 months up to the period's end. */
	{
		struct tm tm;
		struct kpi_span ts;
		time_t last = to - 1;

		gmtime_r(&last, &tm);
		tm.tm_mday = 1;
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		tm.tm_mon++;
		tto = timegm(&tm);
		tm.tm_mon -= 12;
		tfrom = timegm(&tm);
		kpi_span_of(tfrom, tto, &ts);
		if ((res = db_query(r->db, r->a, SQL_KPI_TREND, DB_ARGS(
		    DB_S(m0, ts.m0), DB_S(m1, ts.m1),
		    DB_U(entity, entity)))) == NULL)
			return 500;
		n = 0;
		while (dbres_next(res) && n < 12) {
			kpi_fill(res, &c);
			bars[n].label = arena_printf(r->a, "%04lld-%02lld",
			    c.key / 100, c.key % 100);
			bars[n].value = c.received;
			n++;
		}
		chart_model(r, m, "c_trend", "c-trend", tr(r, "Requests "
		    "received month by month"), NULL, bars, n, 0);
	}

	/* Rankings of entities and the ones late 2 % or more. */
	if ((res = db_query(r->db, r->a, SQL_KPI_BY_ENTITY, DB_ARGS(
	    DB_S(d0, s.d0), DB_S(d1, s.d1), DB_S(m0, s.m0), DB_S(m1, s.m1),
	    DB_U(entity, entity)))) == NULL)
		return 500;
	n = dbres_rows(res);
	rk = arena_alloc(r->a, sizeof(*rk) * (size_t)(n + 1));
	nrk = unranked = 0;
	l = vm_list(m, "late_entities");
	while (dbres_next(res)) {
		const char *nm = "?";

		kpi_fill(res, &c);
		/* The entity's name from the list read above. */
		for (i = 1; i < nent; i++)
			if (strtoll(ent_values[i], NULL, 10) == c.key)
				nm = ent_names[i];
		if (kpi_permille(c.late, c.received) >= KPI_LATE_WARN_PERMILLE) {
			it = vm_push(l);
			vm_str(it, "name", nm);
			vm_int(it, "received", c.received);
			vm_int(it, "late", c.late);
			vm_str(it, "late_pct", dash_pct(r, kpi_permille(c.late,
			    c.received)));
		}
		if ((rk[nrk].score = kpi_value(KF_RANK, &c)) < 0) {
			unranked++;
			continue;
		}
		rk[nrk].c = c;
		rk[nrk].name = nm;
		rk[nrk].role = NULL;
		nrk++;
	}
	dash_rank_model(r, vm_list(m, "rank_entities"), rk, nrk);
	vm_bool(m, "has_rank_entities", nrk > 0);
	vm_bool(m, "has_late", vm_truthy(l));
	vm_int(m, "unranked_entities", unranked);
	vm_int(m, "rank_min", KPI_RANK_MIN);
	vm_str(m, "late_rule", i18n_subst(r->a, tr(r, "Entities with {1}% or "
	    "more of their requests answered late are written to by the "
	    "ministry."), dash_pct(r, KPI_LATE_WARN_PERMILLE), NULL));

	/* Liaison officers, by their public role. */
	if ((res = db_query(r->db, r->a, SQL_KPI_OFFICERS, DB_ARGS(
	    DB_S(d0, s.d0), DB_S(d1, s.d1), DB_S(m0, s.m0), DB_S(m1, s.m1),
	    DB_U(entity, entity)))) == NULL)
		return 500;
	n = dbres_rows(res);
	rk = arena_alloc(r->a, sizeof(*rk) * (size_t)(n + 1));
	nrk = unranked = 0;
	while (dbres_next(res)) {
		memset(&rk[nrk], 0, sizeof(rk[nrk]));
		rk[nrk].c.received = dbres_int(res, KPI_OFFICERS_ANSWERED);
		rk[nrk].c.in_time = dbres_int(res,
		    KPI_OFFICERS_ANSWERED_IN_TIME);
		if (rk[nrk].c.received < KPI_RANK_MIN) {
			unranked++;
			continue;
		}
		rk[nrk].score = kpi_wilson_permille(rk[nrk].c.in_time,
		    rk[nrk].c.received);
		rk[nrk].name = present_pick(r,
		    dbres_str(res, KPI_OFFICERS_NAME_AR),
		    dbres_str(res, KPI_OFFICERS_NAME_EN));
		rk[nrk].role = tr(r, dbres_int(res, KPI_OFFICERS_IS_PRIMARY) ?
		    "Liaison officer" : "Alternate liaison officer");
		nrk++;
	}
	dash_rank_model(r, vm_list(m, "rank_officers"), rk, nrk);
	vm_bool(m, "has_rank_officers", nrk > 0);
	vm_int(m, "unranked_officers", unranked);

	if (status != 200)
		r->status = status;
	return http_render(r, "complaints/dashboard", m);
}
