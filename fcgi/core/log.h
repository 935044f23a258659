/*
 * log.h — one line per event on stderr (spawn-fcgi sends it to the
 * program's log file), prefixed with time, program and request id.
 */
#ifndef SHAREK_LOG_H
#define SHAREK_LOG_H

void	log_init(const char *program);
/* The request id of the request being served, or NULL between requests. */
void	log_set_reqid(const char *);
void	log_info(const char *, ...) __attribute__((format(printf, 1, 2)));
void	log_warnx(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Like log_warnx with strerror(errno) appended. */
void	log_warn(const char *, ...) __attribute__((format(printf, 1, 2)));
/* Start-up failures only: logs and exits 1. */
void	fatalx(const char *, ...) __attribute__((format(printf, 1, 2), noreturn));

#endif
