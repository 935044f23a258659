/*
 * log.h — one line per event on stderr (spawn-fcgi sends it to the
 * program's log file), prefixed with time, program and request id.
 *
 * A message often carries what a request sent (a path, an address, a
 * header), so it is escaped before it is written (log_escape): whatever
 * a client sends, one event is one line, and nothing in it can pass for
 * another line or reorder what a terminal shows.
 */
#ifndef SHAREK_LOG_H
#define SHAREK_LOG_H

#include <stddef.h>

void	log_init(const char *program);
/* Copies in[0..n) to out (outsz bytes, always NUL-terminated) with
 * every byte that could break or disguise a log line escaped: C0
 * controls (CR, LF, tab, ESC, …) and DEL as \x0a, bytes that are not
 * valid UTF-8 as \xff, C1 controls, the line and paragraph separators
 * U+2028/2029 and the bidirectional and zero-width characters
 * (utf8_invisible) as \u2028, and the backslash itself as \\ (so an
 * escape in the log is always ours).  Returns the bytes written; a
 * sequence that does not fit whole is left out with what follows. */
size_t	log_escape(char *out, size_t outsz, const char *in, size_t n);
/* The request id of the request being served, or NULL between requests. */
void	log_set_reqid(const char *);
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Like log_warnx with strerror(errno) appended. */
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Start-up failures only: logs and exits 1. */
void	fatalx(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
