/*
 * multipart.h — a streaming (push) parser of multipart/form-data
 * (RFC 7578 / RFC 2046), so uploads go to disk as they arrive: memory is
 * constant in the size of the parts (a header line and the boundary are
 * all it buffers).
 */
#ifndef SHAREK_MULTIPART_H
#define SHAREK_MULTIPART_H

#include <stddef.h>

struct arena;
struct multipart;

struct mp_callbacks {
	/* A part begins; filename and ctype are NULL when absent.  -1
	 * aborts. */
	int	(*part_begin)(void *arg, const char *name,
		    const char *filename, const char *ctype);
	/* Part data; called any number of times per part. */
	int	(*part_data)(void *arg, const char *data, size_t n);
	int	(*part_end)(void *arg);
};

#define MP_MAXLINE	8192
#define MP_MAXHEADERS	64
#define MP_MAXPARTS	1000

/* The boundary of a Content-Type into out; -1 if missing or invalid. */
int		 multipart_boundary(const char *ctype, char *out, size_t outsz);
/* A parser owned by the arena. */
struct multipart *multipart_new(struct arena *, const char *boundary,
		    const struct mp_callbacks *, void *arg);
/* Feeds the next bytes (any split); 0, or -1 on an error. */
int		 multipart_feed(struct multipart *, const char *, size_t);
/* 0 when the closing boundary was seen, -1 (truncated) otherwise. */
int		 multipart_finish(struct multipart *);
/* Why it failed, in English for the logs. */
const char	*multipart_error(const struct multipart *);

#endif
