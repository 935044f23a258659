/*
 * multipart.c — see multipart.h.
 *
 * The delimiter is CRLF "--" boundary; the body is parsed as if it began
 * with CRLF so the first boundary needs no special case.  Matching uses
 * KMP so that a delimiter split across feeds, or data that almost looks
 * like one, is handled byte-exactly.  Bare LF line ends are accepted in
 * part headers (some clients) but not in the delimiter.
 */
#include <ctype.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "multipart.h"

enum mp_state {
	MP_PREAMBLE,
	MP_AFTER,	/* just after a delimiter: "--" or CRLF */
	MP_HEADERS,
	MP_BODY,
	MP_END,
	MP_ERROR
};

struct multipart {
	struct arena			*a;
	const struct mp_callbacks	*cb;
	void				*arg;
	char				 delim[80];
	size_t				 dlen;
	size_t				 fail[80];
	size_t				 match;
	enum mp_state			 st;
	enum mp_state			 prev;		/* before MP_AFTER */
	char				 after[16];	/* bytes after a delimiter */
	size_t				 alen;
	char				 line[MP_MAXLINE + 2];
	size_t				 linelen;
	int				 nheaders;
	int				 nparts;
	char				*name;
	char				*filename;
	char				*ctype;
	char				 out[4096];
	size_t				 outlen;
	const char			*err;
};

int
multipart_boundary(const char *ct, char *out, size_t outsz)
{
	const char	*p = ct, *v;
	size_t		 n = 0;

	while ((p = strchr(p, ';')) != NULL) {
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		if (strncasecmp(p, "boundary=", 9) != 0)
			continue;
		v = p + 9;
		if (*v == '"') {
			v++;
			while (v[n] != '\0' && v[n] != '"')
				n++;
			if (v[n] != '"')
				return -1;
		} else
			while (v[n] != '\0' && v[n] != ';' && v[n] != ' ' &&
			    v[n] != '\t')
				n++;
		if (n < 1 || n > 70 || n + 1 > outsz)
			return -1;
		for (size_t i = 0; i < n; i++)
			if ((unsigned char)v[i] < 0x20 ||
			    (unsigned char)v[i] > 0x7e)
				return -1;
		memcpy(out, v, n);
		out[n] = '\0';
		/* RFC 2046: the last character may not be a space. */
		if (out[n - 1] == ' ')
			return -1;
		return 0;
	}
	return -1;
}

struct multipart *
multipart_new(struct arena *a, const char *boundary,
    const struct mp_callbacks *cb, void *arg)
{
	struct multipart *m = arena_zalloc(a, sizeof(*m));
	size_t		 i, k, bl = strlen(boundary);

	m->a = a;
	m->cb = cb;
	m->arg = arg;
	if (bl < 1 || bl > 70) {
		m->st = MP_ERROR;
		m->err = "bad boundary";
		return m;
	}
	memcpy(m->delim, "\r\n--", 4);
	memcpy(m->delim + 4, boundary, bl);
	m->dlen = bl + 4;
	/* KMP failure function. */
	m->fail[0] = 0;
	for (i = 1, k = 0; i < m->dlen; i++) {
		while (k > 0 && m->delim[i] != m->delim[k])
			k = m->fail[k - 1];
		if (m->delim[i] == m->delim[k])
			k++;
		m->fail[i] = k;
	}
	m->st = MP_PREAMBLE;
	/* As if the body began with CRLF. */
	m->match = 2;
	return m;
}

static int
mp_fail(struct multipart *m, const char *why)
{
	m->st = MP_ERROR;
	m->err = why;
	return -1;
}

static int
mp_flush(struct multipart *m)
{
	if (m->outlen == 0)
		return 0;
	if (m->st == MP_BODY && m->cb->part_data(m->arg, m->out, m->outlen)
	    == -1)
		return mp_fail(m, "part data refused");
	m->outlen = 0;
	return 0;
}

static int
mp_emit(struct multipart *m, const char *p, size_t n)
{
	if (m->st != MP_BODY)
		return 0;
	while (n > 0) {
		size_t room = sizeof(m->out) - m->outlen;
		size_t k = n < room ? n : room;
		memcpy(m->out + m->outlen, p, k);
		m->outlen += k;
		p += k;
		n -= k;
		if (m->outlen == sizeof(m->out) && mp_flush(m) == -1)
			return -1;
	}
	return 0;
}

/* One Content-Disposition parameter value, unquoted. */
static char *
mp_param(struct arena *a, const char *h, const char *want)
{
	const char	*p = h, *k;
	size_t		 wl = strlen(want), kl;
	char		*v, *w;

	while (*p) {
		/* Skip to the next parameter, outside quotes. */
		while (*p && *p != ';') {
			if (*p == '"') {
				for (p++; *p && *p != '"'; p++)
					if (*p == '\\' && p[1])
						p++;
				if (*p)
					p++;
			} else
				p++;
		}
		if (*p == '\0')
			break;
		p++;
		while (*p == ' ' || *p == '\t')
			p++;
		k = p;
		while (*p && *p != '=' && *p != ';' && *p != ' ')
			p++;
		kl = (size_t)(p - k);
		while (*p == ' ')
			p++;
		if (*p != '=')
			continue;
		p++;
		while (*p == ' ')
			p++;
		if (kl != wl || strncasecmp(k, want, wl) != 0)
			continue;
		v = w = arena_alloc(a, strlen(p) + 1);
		if (*p == '"') {
			for (p++; *p && *p != '"'; p++) {
				if (*p == '\\' && p[1])
					p++;
				*w++ = *p;
			}
		} else
			while (*p && *p != ';' && *p != ' ')
				*w++ = *p++;
		*w = '\0';
		return v;
	}
	return NULL;
}

static int
mp_header_line(struct multipart *m)
{
	char	*line = m->line, *colon, *v;

	line[m->linelen] = '\0';
	if (m->linelen > 0 && line[m->linelen - 1] == '\r')
		line[--m->linelen] = '\0';
	if (m->linelen > MP_MAXLINE)
		return mp_fail(m, "part header line too long");
	if (m->linelen == 0) {
		/* End of the part's headers. */
		if (m->name == NULL)
			return mp_fail(m, "part without a name");
		if (++m->nparts > MP_MAXPARTS)
			return mp_fail(m, "too many parts");
		if (m->cb->part_begin(m->arg, m->name, m->filename,
		    m->ctype) == -1)
			return mp_fail(m, "part refused");
		m->st = MP_BODY;
		m->match = 0;
		return 0;
	}
	if (++m->nheaders > MP_MAXHEADERS)
		return mp_fail(m, "too many part headers");
	if ((colon = strchr(line, ':')) == NULL)
		return mp_fail(m, "malformed part header");
	*colon = '\0';
	v = colon + 1;
	while (*v == ' ' || *v == '\t')
		v++;
	if (strcasecmp(line, "Content-Disposition") == 0) {
		if (strncasecmp(v, "form-data", 9) != 0)
			return mp_fail(m, "not form-data");
		m->name = mp_param(m->a, v, "name");
		m->filename = mp_param(m->a, v, "filename");
	} else if (strcasecmp(line, "Content-Type") == 0)
		m->ctype = arena_strdup(m->a, v);
	return 0;
}

/* A complete delimiter was matched: what came before it is data for
 * sure, but whether it really is a delimiter depends on what follows
 * (RFC 2046: padding then CRLF, or "--"). */
static int
mp_delimiter(struct multipart *m)
{
	if (m->st == MP_BODY && mp_flush(m) == -1)
		return -1;
	m->prev = m->st;
	m->st = MP_AFTER;
	m->alen = 0;
	m->match = 0;
	return 0;
}

/* The delimiter is confirmed: close the part it ended. */
static int
mp_confirm(struct multipart *m)
{
	if (m->prev == MP_BODY && m->cb->part_end(m->arg) == -1)
		return mp_fail(m, "part end refused");
	return 0;
}

static int	mp_byte(struct multipart *, char);

/* Not a delimiter after all ("--boundaryX"): its bytes were data. */
static int
mp_unmatch(struct multipart *m, char c)
{
	enum mp_state	 back = m->prev;
	size_t		 alen = m->alen - 1;

	m->st = back;
	m->match = 0;
	if (mp_emit(m, m->delim, m->dlen) == -1 ||
	    mp_emit(m, m->after, alen) == -1)
		return -1;
	return mp_byte(m, c);
}

static int
mp_byte(struct multipart *m, char c)
{
	size_t	 nm;

	switch (m->st) {
	case MP_PREAMBLE:
	case MP_BODY:
		for (;;) {
			if (c == m->delim[m->match]) {
				if (++m->match == m->dlen)
					return mp_delimiter(m);
				return 0;
			}
			if (m->match == 0)
				return mp_emit(m, &c, 1);
			nm = m->fail[m->match - 1];
			/* The bytes that can no longer start a delimiter
			 * were data after all. */
			if (mp_emit(m, m->delim, m->match - nm) == -1)
				return -1;
			m->match = nm;
		}
	case MP_AFTER:
		if (m->alen == sizeof(m->after))
			return mp_unmatch(m, c);
		m->after[m->alen++] = c;
		if (m->after[0] == '-') {
			if (m->alen == 1)
				return 0;
			if (c != '-')
				return mp_unmatch(m, c);
			if (mp_confirm(m) == -1)
				return -1;
			m->st = MP_END;
			return 0;
		}
		if (c == ' ' || c == '\t' || c == '\r')
			return 0;	/* transport padding, CR of CRLF */
		if (c == '\n') {
			if (mp_confirm(m) == -1)
				return -1;
			m->st = MP_HEADERS;
			m->linelen = 0;
			m->nheaders = 0;
			m->name = m->filename = m->ctype = NULL;
			return 0;
		}
		return mp_unmatch(m, c);
	case MP_HEADERS:
		if (c == '\n') {
			int rc = mp_header_line(m);
			m->linelen = 0;
			return rc;
		}
		if (m->linelen >= MP_MAXLINE + 1)
			return mp_fail(m, "part header line too long");
		m->line[m->linelen++] = c;
		return 0;
	case MP_END:
		return 0;	/* epilogue */
	case MP_ERROR:
		return -1;
	}
	return -1;
}

int
multipart_feed(struct multipart *m, const char *p, size_t n)
{
	size_t	 i;

	if (m->st == MP_ERROR)
		return -1;
	for (i = 0; i < n; i++)
		if (mp_byte(m, p[i]) == -1)
			return -1;
	/* Hand over what is certainly data at the end of each feed. */
	if (m->st == MP_BODY && mp_flush(m) == -1)
		return -1;
	return 0;
}

int
multipart_finish(struct multipart *m)
{
	if (m->st == MP_END)
		return 0;
	if (m->st != MP_ERROR)
		m->err = "truncated body: closing boundary missing";
	return -1;
}

const char *
multipart_error(const struct multipart *m)
{
	return m->err != NULL ? m->err : "no error";
}
