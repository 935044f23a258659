/*
 * t.h — a tiny TAP producer for the unit tests: one "ok N - text" or
 * "not ok N - text" line per check, the plan at the end, and the exit
 * status of the program (t_done()).
 */
#ifndef SHAREK_T_H
#define SHAREK_T_H

#include <stdarg.h>
#include <stdio.h>
#include <string.h>

static int t_n, t_failed;

static int __attribute__((format(printf, 2, 3), unused))
t_ok(int cond, const char *fmt, ...)
{
	va_list	 ap;

	t_n++;
	printf("%sok %d - ", cond ? "" : "not ", t_n);
	va_start(ap, fmt);
	vprintf(fmt, ap);
	va_end(ap);
	printf("\n");
	if (!cond)
		t_failed++;
	fflush(stdout);
	return cond;
}

static int __attribute__((unused))
t_eq_int(long long got, long long want, const char *what)
{
	int	 ok = got == want;

	t_ok(ok, "%s", what);
	if (!ok)
		printf("#   got %lld, want %lld\n", got, want);
	return ok;
}

static int __attribute__((unused))
t_eq_str(const char *got, const char *want, const char *what)
{
	int	 ok = got != NULL && want != NULL && strcmp(got, want) == 0;

	t_ok(ok, "%s", what);
	if (!ok)
		printf("#   got  \"%s\"\n#   want \"%s\"\n",
		    got ? got : "(null)", want ? want : "(null)");
	return ok;
}

static int __attribute__((unused))
t_done(void)
{
	printf("1..%d\n", t_n);
	return t_failed > 0;
}

#endif
