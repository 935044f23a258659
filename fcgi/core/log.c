/*
 * log.c — see log.h.
 */
#include <errno.h>
#include <stdarg.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "log.h"

static const char	*log_prog = "sharek";
static char		 log_reqid[40];

void
log_init(const char *program)
{
	log_prog = program;
}

void
log_set_reqid(const char *id)
{
	if (id == NULL)
		log_reqid[0] = '\0';
	else
		snprintf(log_reqid, sizeof(log_reqid), "%s", id);
}

static void
log_emit(const char *level, const char *fmt, va_list ap, const char *suffix)
{
	char		 ts[32], msg[2048];
	time_t		 now = time(NULL);
	struct tm	 tm;

	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	vsnprintf(msg, sizeof(msg), fmt, ap);
	fprintf(stderr, "%s %s[%d] %s%s%s%s%s%s\n", ts, log_prog,
	    (int)getpid(), level, log_reqid[0] ? " req=" : "", log_reqid,
	    " ", msg, suffix ? suffix : "");
	fflush(stderr);
}

void
log_info(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit("info", fmt, ap, NULL);
	va_end(ap);
}

void
log_warnx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit("warn", fmt, ap, NULL);
	va_end(ap);
}

void
log_warn(const char *fmt, ...)
{
	va_list	 ap;
	char	 sfx[256];

	snprintf(sfx, sizeof(sfx), ": %s", strerror(errno));
	va_start(ap, fmt);
	log_emit("warn", fmt, ap, sfx);
	va_end(ap);
}

void
fatalx(const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	log_emit("fatal", fmt, ap, NULL);
	va_end(ap);
	exit(1);
}
