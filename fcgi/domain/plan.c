/*
 * plan.c — the annual participation plan's statuses and its "not
 * started in its quarter" rule (plan.h).
 */
#include <time.h>

#include "plan.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const plan_status_names[PS__MAX + 1] = {
	"planned", "running", "done", "cancelled", NULL
};
const char *const plan_status_labels[PS__MAX] = {
	N_("Planned"), N_("Running"), N_("Done"), N_("Cancelled")
};

void
plan_quarter_of(time_t local, int *year, int *quarter)
{
	struct tm	 tm;

	gmtime_r(&local, &tm);
	*year = tm.tm_year + 1900;
	*quarter = tm.tm_mon / 3 + 1;
}

int
plan_item_not_started(int year, int quarter, int status, int started,
    int y, int q)
{
	if (started || status < 0 || status > PS_RUNNING)
		return 0;
	return year < y || (year == y && quarter <= q);
}
