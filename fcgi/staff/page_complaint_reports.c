/*
 * page_complaint_reports.c — the periodic reports of the complaints
 * system (issue 14; domain.md §5): weekly, monthly, quarterly and annual,
 * for the ministry (every entity) and each entity with its
 * sub-departments, written once by sharekctl tick after each period
 * (kpi_tick) and read here as they were written.
 *
 * GET /staff/complaint-reports            creport_params: period (week,
 *     month, quarter, year; absent: all) → the reports this member of
 *     staff may read, newest first.  View staff/complaint_reports.
 * GET /staff/complaint-reports/{id}       one report, printable: every
 *     figure of the glossary (kpi.h) with its definition, and the
 *     figures by type, axis and priority.  View
 *     staff/complaint_report.  404 for one not visible.
 * GET /staff/complaint-reports/{id}.csv   the same as CSV (RFC 4180,
 *     UTF-8, a header row named by the glossary's codes): one row for
 *     the totals, one per type, axis and priority.
 * Permission: ACT_KPI_VIEW; an entity's reports for the staff who see
 * that entity, the whole's for those who see every entity.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "kpi.h"
#include "present.h"
#include "request.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const creport_periods[] = {
	"week", "month", "quarter", "year", NULL
};

const struct param creport_params[CREPORT__MAX] = {
	[CREPORT_PERIOD] = { .name = "period", .type = PT_ENUM,
	    .choices = creport_periods, .choice_labels = kpi_period_labels,
	    .label = N_("Period") },
};

/* The figures of a report's rows, in the glossary's order. */
static const enum kpi_figure creport_figs[] = {
	KF_RECEIVED, KF_LATE, KF_RESPONDED, KF_CLOSED, KF_SATISFACTION,
	KF_REPLY_AVG, KF_REOPENED, KF_ESCALATED
};
#define NFIGS	(sizeof(creport_figs) / sizeof(creport_figs[0]))
static const char *const creport_dims[] = { "all", "type", "axis",
    "priority" };

struct creport {
	unsigned long long id, entity;
	const char	*period, *start, *end, *name, *generated;
};

static void
creport_fill(struct req *r, struct dbres *res, struct creport *p)
{
	p->id = dbres_u(res, KPI_REPORT_ID);
	p->entity = dbres_u(res, KPI_REPORT_ENTITY_ID);
	p->period = dbres_str(res, KPI_REPORT_PERIOD);
	p->start = dbres_str(res, KPI_REPORT_START);
	p->end = dbres_str(res, KPI_REPORT_END);
	p->generated = dbres_str(res, KPI_REPORT_GENERATED_AT);
	p->name = p->entity == 0 ? tr(r, "Every entity") : present_pick(r,
	    dbres_str(res, KPI_REPORT_ENTITY_AR),
	    dbres_str(res, KPI_REPORT_ENTITY_EN));
}

static int
creport_visible(struct req *r, const struct creport *p)
{
	return staff_may(r, ACT_KPI_VIEW, p->entity);
}

static const char *
creport_period_label(struct req *r, const char *period)
{
	int	 i;

	for (i = 0; i < KP__MAX; i++)
		if (strcmp(kpi_period_names[i], period) == 0)
			return tr(r, kpi_period_labels[i]);
	return period;
}

int
page_complaint_reports(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct creport	 p;
	const struct pval *pv = http_arg(r, CREPORT_PERIOD);
	const char	*period = pv != NULL && pv->set ?
	    creport_periods[pv->i] : "";

	vm_str(m, "title", tr(r, "Complaints reports"));
	present_choices(r, m, "periods", creport_periods, kpi_period_labels,
	    KP__MAX, period);
	if ((res = db_query(r->db, r->a, SQL_KPI_REPORT_LIST, DB_ARGS(
	    DB_S(period, period)))) == NULL)
		return 500;
	l = vm_list(m, "reports");
	while (dbres_next(res)) {
		creport_fill(r, res, &p);
		if (!creport_visible(r, &p))
			continue;
		it = vm_push(l);
		vm_int(it, "id", (long long)p.id);
		vm_str(it, "period", creport_period_label(r, p.period));
		vm_str(it, "start", p.start);
		vm_str(it, "last", present_sqldate(r, arena_printf(r->a,
		    "%s 00:00:00", p.end)));
		vm_str(it, "entity", p.name);
	}
	vm_bool(m, "has_reports", vm_truthy(l));
	return http_render(r, "staff/complaint_reports", m);
}

/* The report r->segi[0] if visible: 1, 0 not, -1 error. */
static int
creport_load(struct req *r, struct creport *p)
{
	struct dbres	*res;

	if ((res = db_query(r->db, r->a, SQL_KPI_REPORT_GET, DB_ARGS(
	    DB_U(id, r->segi[0])))) == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	creport_fill(r, res, p);
	return creport_visible(r, p);
}

/* Calls fn for each row of the report: its breakdown, label, counts. */
static int
creport_rows(struct req *r, const struct creport *p,
    void (*fn)(struct req *, void *, const char *dim, const char *label,
    const struct kpi_counts *), void *arg)
{
	struct dbres	*res, *names;
	struct kpi_counts c;
	size_t		 d;

	if ((names = db_query(r->db, r->a, SQL_KPI_DIM_NAMES, DB_NOARGS)) ==
	    NULL)
		return -1;
	for (d = 0; d < sizeof(creport_dims) / sizeof(creport_dims[0]); d++) {
		if ((res = db_query(r->db, r->a, SQL_KPI_REPORT_DIM, DB_ARGS(
		    DB_U(report, p->id), DB_S(dim, creport_dims[d])))) == NULL)
			return -1;
		while (dbres_next(res)) {
			const char *label = "";

			kpi_fill(res, &c);
			if (d == 0)
				label = tr(r, "Total");
			else if (d == 3)
				label = present_label(r, request_priority_labels,
				    RP__MAX, (int)c.key - 1);
			else if (c.key == 0)
				label = tr(r, "Not classified yet");
			else {
				dbres_rewind(names);
				while (dbres_next(names))
					if (strcmp(dbres_str(names,
					    KPI_DIM_NAMES_DIM), creport_dims[d]) ==
					    0 && dbres_int(names, KPI_DIM_NAMES_ID) ==
					    c.key)
						label = present_pick(r,
						    dbres_str(names,
						    KPI_DIM_NAMES_NAME_AR),
						    dbres_str(names,
						    KPI_DIM_NAMES_NAME_EN));
			}
			fn(r, arg, creport_dims[d], label, &c);
		}
	}
	return 0;
}

static void
creport_model_row(struct req *r, void *arg, const char *dim,
    const char *label, const struct kpi_counts *c)
{
	struct val	*m = arg, *it, *vals;
	char		 t[32];
	size_t		 i;

	it = vm_push(vm_list(m, arena_printf(r->a, "rows_%s", dim)));
	vm_str(it, "label", label);
	vals = vm_list(it, "values");
	for (i = 0; i < NFIGS; i++)
		vm_str(vm_push(vals), "v", kpi_text(creport_figs[i], c, t,
		    sizeof(t)));
}

int
page_complaint_report(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct creport	 p;
	size_t		 i;

	switch (creport_load(r, &p)) {
	case -1:
		return 500;
	case 0:
		return 404;
	}
	vm_str(m, "title", i18n_subst(r->a, tr(r, "Complaints report: {1}, "
	    "{2}"), creport_period_label(r, p.period), p.name, NULL));
	vm_int(m, "id", (long long)p.id);
	vm_str(m, "entity", p.name);
	vm_str(m, "period", creport_period_label(r, p.period));
	vm_str(m, "start", p.start);
	vm_str(m, "last", present_sqldate(r, arena_printf(r->a, "%s 00:00:00",
	    p.end)));
	vm_str(m, "generated", present_sqldatetime(r, p.generated));
	l = vm_list(m, "figures");
	for (i = 0; i < NFIGS; i++) {
		it = vm_push(l);
		vm_str(it, "label", tr(r, kpi_defs[creport_figs[i]].label));
		vm_str(it, "definition", tr(r,
		    kpi_defs[creport_figs[i]].definition));
	}
	vm_list(m, "rows_all");
	vm_list(m, "rows_type");
	vm_list(m, "rows_axis");
	vm_list(m, "rows_priority");
	if (creport_rows(r, &p, creport_model_row, m) == -1)
		return 500;
	return http_render(r, "staff/complaint_report", m);
}

static void
creport_csv_row(struct req *r, void *arg, const char *dim,
    const char *label, const struct kpi_counts *c)
{
	struct buf	*b = arg;
	char		 t[32];
	size_t		 i;

	(void)r;
	buf_csv(b, dim, strlen(dim));
	buf_printf(b, ",%lld,", c->key);
	buf_csv(b, label, strlen(label));
	for (i = 0; i < NFIGS; i++) {
		kpi_text(creport_figs[i], c, t, sizeof(t));
		buf_addc(b, ',');
		buf_csv(b, t, strlen(t));
	}
	buf_printf(b, ",%lld,%lld,%lld,%lld\r\n", c->answered, c->in_time,
	    c->late, c->closed);
}

int
page_complaint_report_csv(struct req *r)
{
	struct creport	 p;
	struct buf	 b;
	size_t		 i;

	switch (creport_load(r, &p)) {
	case -1:
		return 500;
	case 0:
		return 404;
	}
	buf_init(&b, r->a);
	buf_adds(&b, "breakdown,key,name");
	for (i = 0; i < NFIGS; i++)
		buf_printf(&b, ",%s", kpi_defs[creport_figs[i]].code);
	buf_adds(&b, ",answered,answered_in_time,late,closed\r\n");
	if (creport_rows(r, &p, creport_csv_row, &b) == -1)
		return 500;
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"complaints-%s-%s-%llu.csv\"", p.period,
	    p.start, p.entity));
	r->ctype_out = "text/csv; charset=utf-8; header=present";
	http_write(r, b.data, b.len);
	return 200;
}
