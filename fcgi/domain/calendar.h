/*
 * calendar.h — working days (domain.md §4: moderation within 3 working
 * days, analysis report within 20, alternate liaison after 2, portal
 * complaints within 5, SLA deadlines).  Weekend days and public holidays
 * are data: settings.weekend_days and the holidays table.  Days are
 * civil days in the deployment's time zone (UTC+3, no DST).
 */
#ifndef SHAREK_CALENDAR_H
#define SHAREK_CALENDAR_H

#include <time.h>

/* The deployment's zone: one setting, kept by i18n (i18n_set_tz). */
#include "i18n.h"
#define CAL_TZ_OFFSET	(i18n_tz())
#define CAL_MAXHOLIDAYS	512

struct calendar {
	unsigned	 weekend;	/* bit d set: weekday d (0 = Sunday) off */
	long		 holidays[CAL_MAXHOLIDAYS];	/* civil day numbers, sorted */
	int		 nholidays;
};

/* Default Jordanian week: Friday and Saturday off, no holidays. */
void	calendar_init(struct calendar *);
/* "5,6" → Friday and Saturday; -1 on a malformed list (cal unchanged). */
int	calendar_set_weekend(struct calendar *, const char *);
/* Adds a holiday given as "YYYY-MM-DD"; -1 if malformed or full. */
int	calendar_add_holiday(struct calendar *, const char *);
/* The civil day number (days since 1970-01-01 local) of a UTC time. */
long	calendar_day(time_t);
int	calendar_is_workday(const struct calendar *, long day);
/* The same time of day on the n-th working day after t's day (n ≥ 0;
 * n = 0 gives t itself). */
time_t	calendar_add_workdays(const struct calendar *, time_t t, int n);
/* Working days strictly after from's day up to and including to's day. */
int	calendar_workdays_between(const struct calendar *, time_t from,
	    time_t to);

#endif
