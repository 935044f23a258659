/*
 * buf.c — growable buffers and escaping writers, see buf.h.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"

void
buf_init(struct buf *b, struct arena *a)
{
	b->a = a;
	b->cap = 256;
	b->data = arena_alloc(a, b->cap);
	b->data[0] = '\0';
	b->len = 0;
}

void
buf_reset(struct buf *b)
{
	b->len = 0;
	b->data[0] = '\0';
}

static void
buf_grow(struct buf *b, size_t need)
{
	size_t	 cap;
	char	*p;

	if (b->len + need + 1 <= b->cap)
		return;
	cap = b->cap * 2;
	while (cap < b->len + need + 1)
		cap *= 2;
	p = arena_alloc(b->a, cap);
	memcpy(p, b->data, b->len + 1);
	b->data = p;
	b->cap = cap;
}

void
buf_add(struct buf *b, const void *p, size_t n)
{
	if (n == 0)
		return;
	buf_grow(b, n);
	memcpy(b->data + b->len, p, n);
	b->len += n;
	b->data[b->len] = '\0';
}

void
buf_adds(struct buf *b, const char *s)
{
	if (s != NULL)
		buf_add(b, s, strlen(s));
}

void
buf_addc(struct buf *b, char c)
{
	buf_add(b, &c, 1);
}

void
buf_vprintf(struct buf *b, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;

	va_copy(ap2, ap);
	n = vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		abort();
	if ((size_t)n >= b->cap - b->len) {
		buf_grow(b, (size_t)n);
		vsnprintf(b->data + b->len, b->cap - b->len, fmt, ap);
	}
	b->len += (size_t)n;
}

void
buf_printf(struct buf *b, const char *fmt, ...)
{
	va_list	 ap;

	va_start(ap, fmt);
	buf_vprintf(b, fmt, ap);
	va_end(ap);
}

void
buf_html(struct buf *b, const char *s, size_t n)
{
	size_t	 i, start = 0;
	const char *rep;

	for (i = 0; i < n; i++) {
		switch (s[i]) {
		case '&': rep = "&amp;"; break;
		case '<': rep = "&lt;"; break;
		case '>': rep = "&gt;"; break;
		case '"': rep = "&quot;"; break;
		case '\'': rep = "&#39;"; break;
		default: continue;
		}
		buf_add(b, s + start, i - start);
		buf_adds(b, rep);
		start = i + 1;
	}
	buf_add(b, s + start, n - start);
}

void
buf_url(struct buf *b, const char *s, size_t n)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t		 i;
	unsigned char	 c;
	char		 e[3];

	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.' || c == '~') {
			buf_addc(b, (char)c);
			continue;
		}
		e[0] = '%';
		e[1] = hex[c >> 4];
		e[2] = hex[c & 15];
		buf_add(b, e, 3);
	}
}

void
buf_csv(struct buf *b, const char *s, size_t n)
{
	size_t	 i;
	int	 quote = 0;

	for (i = 0; i < n; i++)
		if (s[i] == ',' || s[i] == '"' || s[i] == '\n' ||
		    s[i] == '\r')
			quote = 1;
	/* Spreadsheets execute cells starting with these: keep them text. */
	if (n > 0 && strchr("=+-@\t\r", s[0]) != NULL)
		quote = 2;
	if (!quote) {
		buf_add(b, s, n);
		return;
	}
	buf_addc(b, '"');
	if (quote == 2)
		buf_addc(b, '\'');
	for (i = 0; i < n; i++) {
		if (s[i] == '"')
			buf_addc(b, '"');
		buf_addc(b, s[i]);
	}
	buf_addc(b, '"');
}

void
buf_json(struct buf *b, const char *s, size_t n)
{
	size_t		 i;
	unsigned char	 c;

	buf_addc(b, '"');
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		switch (c) {
		case '"': buf_adds(b, "\\\""); break;
		case '\\': buf_adds(b, "\\\\"); break;
		case '\n': buf_adds(b, "\\n"); break;
		case '\r': buf_adds(b, "\\r"); break;
		case '\t': buf_adds(b, "\\t"); break;
		case '<': buf_adds(b, "\\u003c"); break;
		case '>': buf_adds(b, "\\u003e"); break;
		case '&': buf_adds(b, "\\u0026"); break;
		default:
			if (c < 0x20)
				buf_printf(b, "\\u%04x", c);
			else
				buf_addc(b, (char)c);
		}
	}
	buf_addc(b, '"');
}
