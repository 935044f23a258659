/*
 * plan.h — the annual participation plan of an entity (issue 16; the
 * Oman plan's table, Tawasul art. 7-ب): its items' statuses and the one
 * rule that flags an item not started in its quarter, shared by the
 * entity's public page and the liaison officer's staff page.
 */
#ifndef SHAREK_PLAN_H
#define SHAREK_PLAN_H

#include <time.h>

enum plan_status { PS_PLANNED, PS_RUNNING, PS_DONE, PS_CANCELLED, PS__MAX };

/* plan_items.status names (NULL-terminated) and their msgids. */
extern const char *const plan_status_names[PS__MAX + 1];
extern const char *const plan_status_labels[PS__MAX];

/* The year and quarter (1–4) of local time t (UTC + the portal's
 * offset, already added by the caller). */
void	plan_quarter_of(time_t local, int *year, int *quarter);
/* 1 when the item of year/quarter with status (enum plan_status, -1
 * unknown) is still planned or running without a published activity
 * (started 0) although its quarter has begun by year y, quarter q. */
int	plan_item_not_started(int year, int quarter, int status, int started,
	    int y, int q);

#endif
