/*
 * buf.h — growable byte buffers living in an arena, and the escaping
 * writers used by every output path (one per context, as cgit does).
 */
#ifndef SHAREK_BUF_H
#define SHAREK_BUF_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

struct buf {
	struct arena	*a;
	char		*data;	/* always NUL-terminated */
	size_t		 len;
	size_t		 cap;
};

void	buf_init(struct buf *, struct arena *);
void	buf_reset(struct buf *);
void	buf_add(struct buf *, const void *, size_t);
void	buf_adds(struct buf *, const char *);
void	buf_addc(struct buf *, char);
void	buf_printf(struct buf *, const char *, ...)
	    __attribute__((format(printf, 2, 3)));
void	buf_vprintf(struct buf *, const char *, va_list)
	    __attribute__((format(printf, 2, 0)));

/* HTML text and quoted attribute values: & < > " ' are escaped. */
void	buf_html(struct buf *, const char *, size_t);
/* A URL component: everything but unreserved characters is %-encoded. */
void	buf_url(struct buf *, const char *, size_t);
/* A CSV field (RFC 4180), quoted when needed; formula prefixes neutralised. */
void	buf_csv(struct buf *, const char *, size_t);
/* A JSON string with its quotes. */
void	buf_json(struct buf *, const char *, size_t);

#endif
