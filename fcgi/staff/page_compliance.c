/*
 * page_compliance.c — the ministry's compliance report and the
 * participation KPIs (issue 16; fcgi/domain/compliance.c,
 * kpi_participation.c).
 *
 * GET /staff/compliance        compliance_params: from, to (dates, the
 *                              period, both days included; default the
 *                              year so far), entity (an entity and its
 *                              sub-departments; default every entity
 *                              the user may see).  View staff/compliance:
 *                              the figures overall and per entity (its own
 *                              and with its sub-departments), each linking
 *                              to what is behind it, the KPIs with target,
 *                              actual and gap, charts, the glossary.  422
 *                              with the filters kept on a bad period.
 * GET /staff/compliance.csv    the same parameters: the same figures, one
 *                              row per entity (own and tree) and overall
 *                              (RFC 4180, UTF-8 with a BOM).  400 on a bad
 *                              period.
 * GET /staff/compliance/list   compliance_list_params: the period, figure
 *                              (a glossary code), entity, tree (1: with
 *                              sub-departments) → the activities (or
 *                              initiatives, months, quarters, entities)
 *                              behind it.
 * Permission: ACT_KPI_VIEW — the ministry admin every entity, a liaison
 * officer the own entity and its sub-departments, a coordinator the own
 * entity; another entity is 403.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "compliance.h"
#include "http.h"
#include "i18n.h"
#include "kpi_participation.h"
#include "present.h"
#include "staff.h"
#include "vm.h"

/* The longest period a report covers (days). */
#define CMP_MAX_DAYS	(5 * 366)

#define CMP_FILTER_PARAMS \
	[CMP_FROM] = { .name = "from", .type = PT_DATE, .label = N_("From") }, \
	[CMP_TO] = { .name = "to", .type = PT_DATE, .label = N_("To") }, \
	[CMP_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1, \
	    .max = 1LL << 40, .label = N_("Entity") }

const struct param compliance_params[CMP__MAX] = {
	CMP_FILTER_PARAMS,
};
const struct param compliance_list_params[CMPL__MAX] = {
	CMP_FILTER_PARAMS,
	[CMPL_FIGURE] = { .name = "figure", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 64 },
	[CMPL_TREE] = { .name = "tree", .type = PT_BOOL },
};

/* The period asked, as [t0, t1) (local midnights), with the dates
 * as typed for the links; marks the fields of a bad one.  0 or -1. */
struct cmp_period {
	time_t		 t0, t1;
	const char	*from, *to;
	unsigned long long entity;	/* 0: all the user may see */
	unsigned long long root;	/* what is computed */
};

static const char *
local_date(struct req *r, time_t t)
{
	time_t		 l = t + i18n_tz();
	struct tm	 tm;
	char		 s[16];

	gmtime_r(&l, &tm);
	strftime(s, sizeof(s), "%Y-%m-%d", &tm);
	return arena_strdup(r->a, s);
}

static int
cmp_period(struct req *r, struct cmp_period *p)
{
	const struct pval *f = http_arg(r, CMP_FROM), *t = http_arg(r, CMP_TO);
	time_t		 now = time(NULL), l = now + i18n_tz();
	struct tm	 tm;

	memset(p, 0, sizeof(*p));
	gmtime_r(&l, &tm);
	if (f != NULL && f->set)
		p->t0 = f->t - i18n_tz();
	else {
		tm.tm_mon = 0;
		tm.tm_mday = 1;
		tm.tm_hour = tm.tm_min = tm.tm_sec = 0;
		p->t0 = timegm(&tm) - i18n_tz();
	}
	if (t != NULL && t->set)
		p->t1 = t->t - i18n_tz() + 86400;
	else
		p->t1 = (l / 86400 + 1) * 86400 - i18n_tz();
	if (r->nerr > 0)
		return -1;
	if (p->t1 <= p->t0) {
		http_arg_error(r, CMP_TO, N_("The end of the period must not "
		    "be before its start."));
		return -1;
	}
	if (p->t1 - p->t0 > (time_t)CMP_MAX_DAYS * 86400) {
		http_arg_error(r, CMP_TO, N_("A report covers five years at "
		    "most: choose a shorter period."));
		return -1;
	}
	p->from = local_date(r, p->t0);
	p->to = local_date(r, p->t1 - 86400);
	p->entity = (unsigned long long)http_arg_int(r, CMP_ENTITY, 0);
	/* The ministry computes what it asks; anyone else the own entity
	 * (with its sub-departments), the asked one found inside it. */
	if (perm_allows(perm_role(r->sess->role), ACT_KPI_VIEW, SCOPE_OTHER))
		p->root = p->entity;
	else
		p->root = r->sess->entity_id;
	return 0;
}

/* The entity asked inside the report, or -1 (the whole report). */
static int
cmp_find(const struct cmp_report *rep, unsigned long long id)
{
	int	 e;

	for (e = 0; e < rep->nentities; e++)
		if (rep->entities[e].id == id)
			return e;
	return -1;
}

/* A value as shown and exported: a count, a share in per mille as
 * "66.7", none as "". */
static const char *
cmp_fmt(struct req *r, long long v, int percent)
{
	if (v < 0)
		return "";
	if (percent)
		return arena_printf(r->a, "%lld.%lld", v / 10, v % 10);
	return arena_printf(r->a, "%lld", v);
}

/* The targets a plan sets for entity e (-1: none), in the KPI's unit. */
static void
cmp_targets(const struct cmp_report *rep, const struct cmp_entity *en,
    long long *t)
{
	int	 k;

	(void)rep;
	for (k = 0; k < KPP__MAX; k++)
		t[k] = -1;
	if (en == NULL)
		return;
	for (k = 0; k < KPP__MAX; k++)
		t[k] = en->targets[k];
}

/* figures [{code, label, definition, value, percent, href}] and kpis
 * [{label, definition, target, actual, gap}] of c into it. */
static void
cmp_model(struct req *r, struct val *it, const struct cmp_counts *c,
    const struct cmp_period *p, unsigned long long eid, int tree,
    const long long *targets)
{
	struct val	*l, *f;
	struct buf	 q;
	int		 k;

	buf_init(&q, r->a);
	buf_printf(&q, "from=%s&to=%s", p->from, p->to);
	if (eid != 0)
		buf_printf(&q, "&entity=%llu", eid);
	if (tree)
		buf_adds(&q, "&tree=1");
	l = vm_list(it, "figures");
	for (k = 0; k < CF__MAX; k++) {
		long long v = compliance_value(k, c);

		f = vm_push(l);
		vm_str(f, "code", cmp_defs[k].code);
		vm_str(f, "label", tr(r, cmp_defs[k].label));
		vm_str(f, "value", v < 0 ? "—" : arena_printf(r->a, "%s%s",
		    cmp_fmt(r, v, cmp_defs[k].percent),
		    cmp_defs[k].percent ? " %" : ""));
		vm_strf(f, "href", "/staff/compliance/list?figure=%s&%s",
		    cmp_defs[k].code, q.data);
	}
	l = vm_list(it, "kpis");
	for (k = 0; k < KPP__MAX; k++) {
		struct kpp_value v;
		const char *pc = kpp_defs[k].percent ? " %" : "";

		kpi_participation(k, c, targets[k], &v);
		f = vm_push(l);
		vm_str(f, "code", kpp_defs[k].code);
		vm_str(f, "label", tr(r, kpp_defs[k].label));
		vm_str(f, "target", v.target < 0 ? "—" : arena_printf(r->a,
		    "%s%s", cmp_fmt(r, v.target, kpp_defs[k].percent), pc));
		vm_str(f, "actual", v.actual < 0 ? "—" : arena_printf(r->a,
		    "%s%s", cmp_fmt(r, v.actual, kpp_defs[k].percent), pc));
		vm_str(f, "gap", v.gap < 0 && (v.target < 0 || v.actual < 0) ?
		    "—" : arena_printf(r->a, "%s%s%s", v.gap < 0 ? "−" : "",
		    cmp_fmt(r, v.gap < 0 ? -v.gap : v.gap,
		    kpp_defs[k].percent), pc));
	}
}

static void
cmp_glossary(struct req *r, struct val *m)
{
	struct val	*l = vm_list(m, "glossary"), *it;
	int		 k;

	for (k = 0; k < CF__MAX; k++) {
		it = vm_push(l);
		vm_str(it, "code", cmp_defs[k].code);
		vm_str(it, "label", tr(r, cmp_defs[k].label));
		vm_str(it, "definition", tr(r, cmp_defs[k].definition));
	}
	for (k = 0; k < KPP__MAX; k++) {
		it = vm_push(l);
		vm_str(it, "code", kpp_defs[k].code);
		vm_str(it, "label", tr(r, kpp_defs[k].label));
		vm_str(it, "definition", tr(r, kpp_defs[k].definition));
	}
}

/* The entity filter: the entities of the report by name. */
static void
cmp_entity_choices(struct req *r, struct val *m,
    const struct cmp_report *rep, unsigned long long current)
{
	struct val	*l = vm_list(m, "entities"), *it;
	int		 e;

	for (e = 0; e < rep->nentities; e++) {
		const struct cmp_entity *en = &rep->entities[e];

		it = vm_push(l);
		vm_strf(it, "value", "%llu", en->id);
		vm_str(it, "label", present_pick(r, en->name_ar, en->name_en));
		vm_int(it, "depth", en->depth);
		vm_bool(it, "selected", en->id == current);
	}
}

static int
cmp_compute(struct req *r, struct cmp_period *p, int want,
    unsigned long long want_entity, int tree, struct cmp_report *rep)
{
	if (compliance_compute(r->db, r->a, p->t0, p->t1, time(NULL), p->root,
	    want, want_entity, tree, rep) == -1)
		return 500;
	if (p->entity != 0 && cmp_find(rep, p->entity) < 0)
		return p->root == 0 ? 404 : 403;
	return 0;
}

int
page_compliance(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct cmp_report rep;
	struct cmp_period p;
	struct chart_bar bars[3];
	long long	 none[KPP__MAX];
	int		 e, rc, first;

	vm_str(m, "title", tr(r, "Compliance report"));
	http_form_model(r, m);
	if (cmp_period(r, &p) == -1) {
		r->status = r->nerr > 0 ? 422 : 400;
		http_form_model(r, m);
		return http_render(r, "staff/compliance", m);
	}
	if ((rc = cmp_compute(r, &p, -1, 0, 0, &rep)) != 0)
		return rc;
	vm_str(m, "from", p.from);
	vm_str(m, "to", p.to);
	vm_str(m, "from_shown", present_date(r, p.t0 + 12 * 3600));
	vm_str(m, "to_shown", present_date(r, p.t1 - 12 * 3600));
	vm_str(m, "query", p.entity ? arena_printf(r->a,
	    "from=%s&to=%s&entity=%llu", p.from, p.to, p.entity) :
	    arena_printf(r->a, "from=%s&to=%s", p.from, p.to));
	vm_bool(m, "many", rep.nentities > 1);
	cmp_entity_choices(r, m, &rep, p.entity);
	first = p.entity ? cmp_find(&rep, p.entity) : -1;
	for (e = 0; e < KPP__MAX; e++)
		none[e] = -1;
	/* Overall: every entity shown (the asked one with its tree). */
	it = vm_child(m, "overall");
	if (first >= 0) {
		cmp_model(r, it, &rep.entities[first].tree, &p, p.entity, 1,
		    none);
		vm_str(it, "name", present_pick(r, rep.entities[first].name_ar,
		    rep.entities[first].name_en));
	} else
		cmp_model(r, it, &rep.all, &p, 0, 1, none);
	{
		const struct cmp_counts *c = first >= 0 ?
		    &rep.entities[first].tree : &rep.all;

		bars[0].label = tr(r, "Consultations");
		bars[0].value = c->n[CC_CONSULTATIONS];
		bars[1].label = tr(r, "Surveys");
		bars[1].value = c->n[CC_SURVEYS];
		bars[2].label = tr(r, "Polls");
		bars[2].value = c->n[CC_POLLS];
		chart_model(r, m, "by_kind", "cmp-kind",
		    tr(r, "Activities opened, by kind"), NULL, bars, 3, 0);
		bars[0].label = tr(r, "Moderated on time");
		bars[0].value = c->n[CC_MOD_ON_TIME];
		bars[1].label = tr(r, "Moderated late");
		bars[1].value = c->n[CC_MOD_LATE];
		chart_model(r, m, "by_moderation", "cmp-mod",
		    tr(r, "Comments received, by moderation"), NULL, bars, 2,
		    0);
	}
	l = vm_list(m, "rows");
	for (e = first >= 0 ? first : 0; e < rep.nentities; e++) {
		const struct cmp_entity *en = &rep.entities[e];
		long long t[KPP__MAX];

		/* The asked entity's tree only: it ends at the next one
		 * no deeper than it. */
		if (first >= 0 && e > first &&
		    en->depth <= rep.entities[first].depth)
			break;
		it = vm_push(l);
		vm_strf(it, "id", "%llu", en->id);
		vm_str(it, "name", present_pick(r, en->name_ar, en->name_en));
		vm_int(it, "depth", en->depth);
		vm_bool(it, "sub", en->depth > 0);
		cmp_targets(&rep, en, t);
		cmp_model(r, it, &en->own, &p, en->id, 0, t);
		if (en->nchildren > 0) {
			struct val *tr_ = vm_child(it, "tree");

			cmp_model(r, tr_, &en->tree, &p, en->id, 1, none);
		}
	}
	cmp_glossary(r, m);
	return http_render(r, "staff/compliance", m);
}

/* One CSV row: the entity, the scope and every figure and KPI. */
static void
cmp_csv_row(struct req *r, struct buf *b, const struct cmp_entity *en,
    const char *scope, const struct cmp_counts *c, const long long *t)
{
	int	 k;

	buf_reset(b);
	if (en != NULL) {
		buf_printf(b, "%llu,", en->id);
		if (en->slug != NULL)
			buf_csv(b, en->slug, strlen(en->slug));
		buf_addc(b, ',');
		buf_csv(b, en->name_ar, strlen(en->name_ar));
		buf_addc(b, ',');
		buf_csv(b, en->name_en, strlen(en->name_en));
	} else
		buf_adds(b, ",,,");
	buf_printf(b, ",%s", scope);
	for (k = 0; k < CF__MAX; k++)
		buf_printf(b, ",%s", cmp_fmt(r, compliance_value(k, c),
		    cmp_defs[k].percent));
	for (k = 0; k < KPP__MAX; k++) {
		struct kpp_value v;
		int pc = kpp_defs[k].percent;

		kpi_participation(k, c, t[k], &v);
		buf_printf(b, ",%s,%s", cmp_fmt(r, v.target, pc),
		    cmp_fmt(r, v.actual, pc));
		if (v.target < 0 || v.actual < 0)
			buf_adds(b, ",");
		else
			buf_printf(b, ",%s%s", v.gap < 0 ? "-" : "",
			    cmp_fmt(r, v.gap < 0 ? -v.gap : v.gap, pc));
	}
	buf_adds(b, "\r\n");
	http_write(r, b->data, b->len);
}

int
page_compliance_csv(struct req *r)
{
	struct cmp_report rep;
	struct cmp_period p;
	struct buf	 b;
	long long	 none[KPP__MAX];
	int		 e, k, rc, first;

	if (cmp_period(r, &p) == -1)
		return 400;
	if ((rc = cmp_compute(r, &p, -1, 0, 0, &rep)) != 0)
		return rc;
	for (k = 0; k < KPP__MAX; k++)
		none[k] = -1;
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"sharek-compliance-%s-%s.csv\"", p.from,
	    p.to));
	http_stream(r, "text/csv; charset=utf-8");
	buf_init(&b, r->a);
	buf_adds(&b, "\xEF\xBB\xBF" "entity_id,entity_slug,entity_ar,"
	    "entity_en,scope");
	for (k = 0; k < CF__MAX; k++)
		buf_printf(&b, ",%s", cmp_defs[k].code);
	for (k = 0; k < KPP__MAX; k++)
		buf_printf(&b, ",%s_target,%s_actual,%s_gap", kpp_defs[k].code,
		    kpp_defs[k].code, kpp_defs[k].code);
	buf_adds(&b, "\r\n");
	http_write(r, b.data, b.len);
	first = p.entity ? cmp_find(&rep, p.entity) : -1;
	if (first >= 0)
		cmp_csv_row(r, &b, &rep.entities[first], "all",
		    &rep.entities[first].tree, none);
	else
		cmp_csv_row(r, &b, NULL, "all", &rep.all, none);
	for (e = first >= 0 ? first : 0; e < rep.nentities; e++) {
		const struct cmp_entity *en = &rep.entities[e];
		long long t[KPP__MAX];

		if (first >= 0 && e > first &&
		    en->depth <= rep.entities[first].depth)
			break;
		cmp_targets(&rep, en, t);
		cmp_csv_row(r, &b, en, "own", &en->own, t);
		if (en->nchildren > 0)
			cmp_csv_row(r, &b, en, "tree", &en->tree, none);
	}
	return 200;
}

int
page_compliance_list(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct cmp_report rep;
	struct cmp_period p;
	int		 fig, rc, i, e;

	if (cmp_period(r, &p) == -1)
		return 400;
	if ((fig = compliance_figure(http_arg_str(r, CMPL_FIGURE))) < 0)
		return 404;
	if ((rc = cmp_compute(r, &p, fig, p.entity,
	    (int)http_arg_int(r, CMPL_TREE, 0), &rep)) != 0)
		return rc;
	vm_str(m, "title", tr(r, cmp_defs[fig].label));
	vm_str(m, "definition", tr(r, cmp_defs[fig].definition));
	vm_str(m, "value", cmp_fmt(r, compliance_value(fig, p.entity ?
	    (http_arg_int(r, CMPL_TREE, 0) ?
	    &rep.entities[cmp_find(&rep, p.entity)].tree :
	    &rep.entities[cmp_find(&rep, p.entity)].own) : &rep.all),
	    cmp_defs[fig].percent));
	vm_bool(m, "percent", cmp_defs[fig].percent);
	vm_str(m, "from_shown", present_date(r, p.t0 + 12 * 3600));
	vm_str(m, "to_shown", present_date(r, p.t1 - 12 * 3600));
	vm_str(m, "back", p.entity ? arena_printf(r->a,
	    "/staff/compliance?from=%s&to=%s&entity=%llu", p.from, p.to,
	    p.entity) : arena_printf(r->a, "/staff/compliance?from=%s&to=%s",
	    p.from, p.to));
	if (p.entity != 0) {
		const struct cmp_entity *en =
		    &rep.entities[cmp_find(&rep, p.entity)];
		vm_str(m, "entity", present_pick(r, en->name_ar, en->name_en));
	}
	l = vm_list(m, "items");
	for (i = 0; i < rep.nitems; i++) {
		const struct cmp_item *x = &rep.items[i];

		it = vm_push(l);
		if (x->activity_id != 0) {
			vm_strf(it, "activity_id", "%llu", x->activity_id);
			vm_str(it, "title", present_pick(r, x->title_ar,
			    x->title_en));
		}
		if (x->initiative_id != 0) {
			vm_strf(it, "initiative_id", "%llu", x->initiative_id);
			vm_str(it, "title", x->title_ar);
		}
		if (x->label[0] != '\0')
			vm_str(it, "period", x->label);
		e = cmp_find(&rep, x->entity_id);
		if (e >= 0)
			vm_str(it, "entity", present_pick(r,
			    rep.entities[e].name_ar, rep.entities[e].name_en));
		vm_strf(it, "entity_id", "%llu", x->entity_id);
		switch (fig) {
		case CF_MOD_ON_TIME_PCT:
		case CF_MOD_LATE:
		case CF_MOD_LATE_MAX:
			vm_str(it, "note", i18n_subst(r->a, tr(r,
			    "{1} on time, {2} late"),
			    arena_printf(r->a, "%lld", x->ok),
			    arena_printf(r->a, "%lld", x->n), NULL));
			if (x->n > 0)
				vm_str(it, "late", i18n_subst(r->a, tr(r,
				    "up to {1} working days late"),
				    arena_printf(r->a, "%lld", x->days), NULL));
			break;
		case CF_REP_ON_TIME_PCT:
		case CF_REP_LATE:
		case CF_REP_LATE_MAX:
			vm_str(it, "note", x->n > 0 ? i18n_subst(r->a, tr(r,
			    "{1} working days late"),
			    arena_printf(r->a, "%lld", x->days), NULL) :
			    tr(r, "on time"));
			break;
		case CF_SHORT:
			vm_str(it, "note", i18n_subst(r->a, tr(r,
			    "approved period: {1} days"),
			    arena_printf(r->a, "%lld", x->days), NULL));
			break;
		case CF_EXTENDED:
		case CF_EXT_OVER:
			vm_str(it, "note", i18n_subst(r->a, x->flag ?
			    tr(r, "extended by {1} days, within the original "
			    "period") : tr(r, "extended by {1} days, beyond the "
			    "original period"),
			    arena_printf(r->a, "%lld", x->days), NULL));
			break;
		case CF_REQ_LATE:
			vm_str(it, "note", arena_printf(r->a, "%lld", x->n));
			break;
		case CF_INI_LATE:
		case CF_INI_LATE_MAX:
			vm_str(it, "note", i18n_subst(r->a, x->flag ?
			    tr(r, "still not answered, {1} working days late") :
			    tr(r, "answered {1} working days late"),
			    arena_printf(r->a, "%lld", x->days), NULL));
			break;
		default:
			break;
		}
	}
	return http_render(r, "staff/compliance_list", m);
}
