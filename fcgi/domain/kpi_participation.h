/*
 * kpi_participation.h — the participation KPIs of the Oman plan and guide
 * (domain.md §6): target, actual and gap, per entity and overall, from
 * the counters of the compliance report (compliance.h) — the same
 * period, the same activities, one definition per figure, beside the
 * complaints figures of kpi.h in the glossary.
 */
#ifndef SHAREK_KPI_PARTICIPATION_H
#define SHAREK_KPI_PARTICIPATION_H

#include "compliance.h"

enum kpi_part {
	KPP_EXECUTED,		/* plan items executed (count) */
	KPP_PARTICIPATION,	/* participants ÷ target group (%) */
	KPP_ACCEPTED,		/* contributions accepted (%) */
	KPP_RESULTS,		/* finished with results published (%) */
	KPP_IMPLEMENTED,	/* reports saying how results were used (%) */
	KPP_TOOLS,		/* kinds of activity used, of 3 */
	KPP__MAX
};
extern const struct cmp_def kpp_defs[KPP__MAX];

/* One KPI's numbers: values in per mille for a percentage, else a
 * count; -1 for none (no target set, nothing to divide by). */
struct kpp_value {
	long long	 target, actual, gap;	/* gap = target − actual */
};
/* The KPI k of counts c against the plan's target (-1: the KPI's
 * default — 100 % of results published, the 3 kinds of activity, the
 * plan items due — else none). */
void		 kpi_participation(enum kpi_part k, const struct cmp_counts *c,
		    long long plan_target, struct kpp_value *);
/* The KPI of a plan_kpis.code, or -1. */
int		 kpi_participation_code(const char *);

#endif
