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
#include "utf8.h"

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
	size_t	 i;

	if (id == NULL)
		id = "";
	/* nginx's $request_id is hex; keep it a single token whatever
	 * comes. */
	for (i = 0; id[i] != '\0' && i + 1 < sizeof(log_reqid); i++)
		log_reqid[i] = (id[i] >= '0' && id[i] <= '9') ||
		    (id[i] >= 'a' && id[i] <= 'z') ||
		    (id[i] >= 'A' && id[i] <= 'Z') || id[i] == '-' ?
		    id[i] : '_';
	log_reqid[i] = '\0';
}

size_t
log_escape(char *out, size_t outsz, const char *in, size_t n)
{
	static const char hex[] = "0123456789abcdef";
	size_t		 i = 0, o = 0, k, w;
	long		 cp;
	char		 e[8];

	if (outsz == 0)
		return 0;
	while (i < n) {
		cp = utf8_next(in + i, n - i, &k);
		if (cp < 0 || cp < 0x20 || cp == 0x7f) {
			/* A control byte, or one that is not UTF-8. */
			e[0] = '\\';
			e[1] = 'x';
			e[2] = hex[(unsigned char)in[i] >> 4];
			e[3] = hex[(unsigned char)in[i] & 15];
			w = 4;
		} else if ((cp >= 0x80 && cp <= 0x9f) || utf8_invisible(cp)) {
			/* All of them are below U+10000. */
			e[0] = '\\';
			e[1] = 'u';
			e[2] = hex[(cp >> 12) & 15];
			e[3] = hex[(cp >> 8) & 15];
			e[4] = hex[(cp >> 4) & 15];
			e[5] = hex[cp & 15];
			w = 6;
		} else if (cp == '\\') {
			e[0] = e[1] = '\\';
			w = 2;
		} else {
			if (o + k >= outsz)
				break;
			memcpy(out + o, in + i, k);
			o += k;
			i += k;
			continue;
		}
		if (o + w >= outsz)
			break;
		memcpy(out + o, e, w);
		o += w;
		i += k;
	}
	out[o] = '\0';
	return o;
}

static void
log_emit(const char *level, const char *fmt, va_list ap, const char *suffix)
{
	char		 ts[32], msg[2048], esc[4 * sizeof(msg) + 16];
	time_t		 now = time(NULL);
	struct tm	 tm;
	int		 n;

	gmtime_r(&now, &tm);
	strftime(ts, sizeof(ts), "%Y-%m-%dT%H:%M:%SZ", &tm);
	n = vsnprintf(msg, sizeof(msg), fmt, ap);
	if (n < 0)
		n = 0;
	if ((size_t)n >= sizeof(msg))
		n = (int)sizeof(msg) - 1;
	log_escape(esc, sizeof(esc), msg, (size_t)n);
	fprintf(stderr, "%s %s[%d] %s%s%s %s%s%s\n", ts, log_prog,
	    (int)getpid(), level, log_reqid[0] ? " req=" : "", log_reqid,
	    esc, (size_t)n == sizeof(msg) - 1 ? "…" : "",
	    suffix ? suffix : "");
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
