/*
 * calendar.c — see calendar.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "calendar.h"

void
calendar_init(struct calendar *c)
{
	memset(c, 0, sizeof(*c));
	c->weekend = (1u << 5) | (1u << 6);
}

int
calendar_set_weekend(struct calendar *c, const char *s)
{
	unsigned	 mask = 0;
	const char	*p = s;

	while (*p) {
		if (*p < '0' || *p > '6')
			return -1;
		mask |= 1u << (*p - '0');
		p++;
		if (*p == ',')
			p++;
		else if (*p != '\0')
			return -1;
	}
	if (mask == 0x7f)
		return -1;	/* a week with no working day never ends */
	c->weekend = mask;
	return 0;
}

static long
days_from_civil(int y, int m, int d)
{
	/* Howard Hinnant's algorithm. */
	int		 era;
	unsigned	 yoe, doy, doe;

	y -= m <= 2;
	era = (y >= 0 ? y : y - 399) / 400;
	yoe = (unsigned)(y - era * 400);
	doy = (unsigned)((153 * (m + (m > 2 ? -3 : 9)) + 2) / 5 + d - 1);
	doe = yoe * 365 + yoe / 4 - yoe / 100 + doy;
	return (long)era * 146097 + (long)doe - 719468;
}

static int
cmp_long(const void *a, const void *b)
{
	long	 x = *(const long *)a, y = *(const long *)b;

	return x < y ? -1 : x > y;
}

int
calendar_add_holiday(struct calendar *c, const char *s)
{
	int	 y, m, d, n = 0;

	if (c->nholidays >= CAL_MAXHOLIDAYS)
		return -1;
	if (sscanf(s, "%4d-%2d-%2d%n", &y, &m, &d, &n) != 3 || n != 10 ||
	    m < 1 || m > 12 || d < 1 || d > 31)
		return -1;
	c->holidays[c->nholidays++] = days_from_civil(y, m, d);
	qsort(c->holidays, (size_t)c->nholidays, sizeof(long), cmp_long);
	return 0;
}

long
calendar_day(time_t t)
{
	long long	 l = (long long)t + CAL_TZ_OFFSET;

	return (long)(l >= 0 ? l / 86400 : (l - 86399) / 86400);
}

int
calendar_is_workday(const struct calendar *c, long day)
{
	int	 wd = (int)(((day % 7) + 7 + 4) % 7);	/* 1970-01-01: Thu */

	if (c->weekend & (1u << wd))
		return 0;
	return bsearch(&day, c->holidays, (size_t)c->nholidays,
	    sizeof(long), cmp_long) == NULL;
}

time_t
calendar_add_workdays(const struct calendar *c, time_t t, int n)
{
	long	 day = calendar_day(t), start = day;
	int	 guard = 0;

	while (n > 0 && guard++ < 3660) {
		day++;
		if (calendar_is_workday(c, day))
			n--;
	}
	return t + (time_t)(day - start) * 86400;
}

int
calendar_workdays_between(const struct calendar *c, time_t from, time_t to)
{
	long	 a = calendar_day(from), b = calendar_day(to), d;
	int	 n = 0;

	for (d = a + 1; d <= b; d++)
		if (calendar_is_workday(c, d))
			n++;
	return n;
}
