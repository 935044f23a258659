/*
 * kpi_participation.c — the participation KPIs' glossary and computation
 * (kpi_participation.h).
 */
#include <string.h>

#include "kpi.h"
#include "kpi_participation.h"

#ifndef N_
#define N_(s)	(s)
#endif

const struct cmp_def kpp_defs[KPP__MAX] = {
	[KPP_EXECUTED] = { "plan_executed", N_("Planned activities executed"),
	    N_("Items of the entity's annual participation plan whose quarter "
	    "lies in the period and whose activity was published, against "
	    "the items planned for those quarters."), 0 },
	[KPP_PARTICIPATION] = { "participation_rate", N_("Participation rate"),
	    N_("Participants of the activities published in the period "
	    "(distinct commenters and respondents) divided by the size of "
	    "the target group, over the activities that give one."), 1 },
	[KPP_ACCEPTED] = { "contributions_accepted_pct",
	    N_("Contributions accepted"),
	    N_("Share of the comments received in the period that have the "
	    "entity's position which were accepted or partly accepted "
	    "(duplicates of another comment left out)."), 1 },
	[KPP_RESULTS] = { "results_published_pct",
	    N_("Finished activities with published results"),
	    N_("Share of the activities closed in the period (withdrawn ones "
	    "left out) whose results report is published.  Target: 100 %."),
	    1 },
	[KPP_IMPLEMENTED] = { "input_used_pct",
	    N_("Results used in decisions"),
	    N_("Share of the published reports of activities closed in the "
	    "period that say how the results were used (the report's 'How "
	    "the results were used')."), 1 },
	[KPP_TOOLS] = { "tools_used", N_("Diversity of tools"),
	    N_("How many of the three tools — consultation, survey, poll — "
	    "the activities published in the period used.  Target: 3."), 0 },
};

static long long
popcount(long long v)
{
	long long	 n = 0;

	for (; v != 0; v &= v - 1)
		n++;
	return n;
}

void
kpi_participation(enum kpi_part k, const struct cmp_counts *c,
    long long plan_target, struct kpp_value *v)
{
	const long long *n = c->n;
	long long	 def = -1;

	switch (k) {
	case KPP_EXECUTED:
		v->actual = n[CC_PLAN_DONE];
		def = n[CC_PLAN_DUE];
		break;
	case KPP_PARTICIPATION:
		v->actual = kpi_permille(n[CC_PARTICIPANTS],
		    n[CC_TARGET_SIZE]);
		break;
	case KPP_ACCEPTED:
		v->actual = kpi_permille(n[CC_POS_ACCEPTED],
		    n[CC_POS_TOTAL]);
		break;
	case KPP_RESULTS:
		v->actual = kpi_permille(n[CC_FINISHED_PUBLISHED],
		    n[CC_FINISHED]);
		def = 1000;
		break;
	case KPP_IMPLEMENTED:
		v->actual = kpi_permille(n[CC_RESULTS_USED],
		    n[CC_REPORTS_PUBLISHED]);
		break;
	case KPP_TOOLS:
	default:
		v->actual = popcount(n[CC_KINDS]);
		def = 3;
		break;
	}
	v->target = plan_target >= 0 ? plan_target : def;
	v->gap = v->target >= 0 && v->actual >= 0 ? v->target - v->actual :
	    -1;
	if (k == KPP_EXECUTED && v->target <= 0)
		v->gap = v->target < 0 ? -1 : v->gap;
}

int
kpi_participation_code(const char *code)
{
	int	 k;

	if (code == NULL)
		return -1;
	for (k = 0; k < KPP__MAX; k++)
		if (strcmp(kpp_defs[k].code, code) == 0)
			return k;
	return -1;
}
_Static_assert(KPP__MAX <= CMP_MAX_KPIS, "room for every KPI target");
