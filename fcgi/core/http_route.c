/*
 * http_route.c — which route a request is for: pattern matching with
 * checked captures ({x} digits, {x:slug}, {x:ref}), the same-origin
 * rule for POSTs, and the start-up check of every route table (a table error
 * stops the program before it serves).
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "http_int.h"

/* Fossil's rule: a POST must come from our own pages. */
int
http_same_origin(struct req *r)
{
	const char	*sfs = http_env(r, "HTTP_SEC_FETCH_SITE");
	const char	*base = http_base_url();
	char		*hostorigin;

	if (sfs != NULL && strcmp(sfs, "cross-site") == 0)
		return 0;
	hostorigin = r->host ? arena_printf(r->a, "%s://%s",
	    http_env(r, "HTTPS") ? "https" : "http", r->host) :
	    NULL;
	if (r->origin != NULL && strcmp(r->origin, "null") != 0) {
		if (strcmp(r->origin, base) == 0)
			return 1;
		return hostorigin != NULL && strcmp(r->origin, hostorigin) == 0;
	}
	if (r->referer != NULL) {
		size_t n = strlen(base);
		if (strncmp(r->referer, base, n) == 0 &&
		    (r->referer[n] == '/' || r->referer[n] == '\0'))
			return 1;
		n = hostorigin ? strlen(hostorigin) : 0;
		return hostorigin != NULL &&
		    strncmp(r->referer, hostorigin, n) == 0 &&
		    (r->referer[n] == '/' || r->referer[n] == '\0');
	}
	/* No Origin and no Referer: the CSRF token decides. */
	return 1;
}

/* ---- routing ------------------------------------------------------ */

int
http_segment_ok(const char *s, size_t n, enum http_cap cap)
{
	size_t	 i;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			continue;
		if (cap != HC_DIGITS && ((s[i] >= 'a' && s[i] <= 'z') ||
		    s[i] == '-' || s[i] == '_'))
			continue;
		if (cap == HC_REF && s[i] >= 'A' && s[i] <= 'Z')
			continue;
		return 0;
	}
	return 1;
}

/* The kind of the capture "{…}" that starts at p and closes at close. */
static enum http_cap
http_cap_of(const char *p, const char *close)
{
	size_t	 n = (size_t)(close - p);

	if (memmem(p, n, ":slug", 5) != NULL)
		return HC_SLUG;
	if (memmem(p, n, ":ref", 4) != NULL)
		return HC_REF;
	return HC_DIGITS;
}

int
http_match(struct req *r, const char *pattern, const char *path)
{
	const char	*p = pattern, *s = path;

	r->nseg = 0;
	while (*p && *s) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			const char *e = strchr(s, '/');
			enum http_cap cap;
			size_t n;

			if (close == NULL)
				return 0;
			cap = http_cap_of(p, close);
			if (e == NULL)
				e = s + strlen(s);
			/* "{x:slug}.csv": the capture ends where the suffix
			 * starts (neither a slug nor digits hold a dot). */
			if (close[1] == '.') {
				const char *dot = memchr(s, '.', (size_t)(e - s));
				if (dot == NULL)
					return 0;
				e = dot;
			}
			n = (size_t)(e - s);
			if (!http_segment_ok(s, n, cap) ||
			    r->nseg >= HTTP_MAXSEG)
				return 0;
			r->seg[r->nseg] = arena_strndup(r->a, s, n);
			r->segi[r->nseg] = cap != HC_DIGITS ? 0 :
			    strtoll(r->seg[r->nseg], NULL, 10);
			r->nseg++;
			p = close + 1;
			s = e;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *p == '\0' && *s == '\0';
}

/* ---- start-up checks of route tables ----------------------------- */

static int
http_name_ok(const char *s)
{
	if (s == NULL || !(*s >= 'a' && *s <= 'z'))
		return 0;
	for (s++; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_' || *s == '-'))
			return 0;
	return 1;
}

/* Checks the syntax of a pattern and writes its shape (captures without
 * their names: "/c/{}", "/f/{:slug}") to shape, for the duplicate check.
 * 0 or -1 with the reason in why. */
static int
http_pattern_check(const char *pat, char *shape, size_t shapelen,
    const char **why)
{
	const char	*p, *close, *colon;
	size_t		 w = 0, n;
	int		 nseg = 0;
	char		 name[64];

#define PUT(s, len) do {						\
	if (w + (len) >= shapelen) {					\
		*why = "too long";					\
		return -1;						\
	}								\
	memcpy(shape + w, (s), (len));					\
	w += (len);							\
} while (0)
	if (pat == NULL || pat[0] != '/') {
		*why = "does not start with /";
		return -1;
	}
	for (p = pat; *p; ) {
		if (*p == '{') {
			/* A capture is a whole segment: /{x}/ or /{x} at
			 * the end, since it reads up to the next slash, or
			 * a segment's name before a suffix: /{x:slug}.csv. */
			if (p[-1] != '/') {
				*why = "a {capture} must start a segment";
				return -1;
			}
			if ((close = strchr(p, '}')) == NULL) {
				*why = "{ without }";
				return -1;
			}
			if (close[1] != '/' && close[1] != '\0' &&
			    close[1] != '.') {
				*why = "a {capture} must end its segment "
				    "(or be followed by a .suffix)";
				return -1;
			}
			n = (size_t)(close - p - 1);
			colon = memchr(p + 1, ':', n);
			if (colon != NULL) {
				if (!((size_t)(close - colon - 1) == 4 &&
				    strncmp(colon + 1, "slug", 4) == 0) &&
				    !((size_t)(close - colon - 1) == 3 &&
				    strncmp(colon + 1, "ref", 3) == 0)) {
					*why = "the capture types are :slug and "
					    ":ref";
					return -1;
				}
				n = (size_t)(colon - p - 1);
			}
			if (n == 0 || n >= sizeof(name)) {
				*why = "a {capture} needs a name";
				return -1;
			}
			memcpy(name, p + 1, n);
			name[n] = '\0';
			if (!http_name_ok(name) || strchr(name, '-') != NULL) {
				*why = "a capture name must match "
				    "[a-z][a-z0-9_]*";
				return -1;
			}
			if (memchr(p + 1, '{', n) != NULL) {
				*why = "nested {";
				return -1;
			}
			if (++nseg > HTTP_MAXSEG) {
				*why = "too many {captures}";
				return -1;
			}
			/* A :ref matches every :slug: the same shape. */
			if (colon != NULL)
				PUT("{:slug}", 7);
			else
				PUT("{}", 2);
			p = close + 1;
			continue;
		}
		if (*p == '}') {
			*why = "} without {";
			return -1;
		}
		if (*p == '/' && p[1] == '/') {
			*why = "an empty segment (//)";
			return -1;
		}
		/* What nginx hands us as DOCUMENT_URI, decoded: no query,
		 * fragment, percent or blank in a pattern. */
		if ((unsigned char)*p <= 0x20 || *p == '?' || *p == '#' ||
		    *p == '%' || *p == '\\' || (unsigned char)*p >= 0x7f) {
			*why = "a character that cannot be matched";
			return -1;
		}
		PUT(p, 1);
		p++;
	}
	shape[w] = '\0';
	return 0;
#undef PUT
}

int
http_routes_check(const struct route *rt, int n, char *err, size_t errlen)
{
	int		 i, j, k;
	const char	*why = NULL;
	char		 (*shape)[256];

	err[0] = '\0';
	if (n < 0 || (n > 0 && rt == NULL)) {
		snprintf(err, errlen, "no route table");
		return -1;
	}
	if ((shape = calloc((size_t)n + 1, sizeof(*shape))) == NULL) {
		snprintf(err, errlen, "out of memory");
		return -1;
	}
	for (i = 0; i < n; i++) {
		const struct route *r = &rt[i];
		const char *pat = r->pattern ? r->pattern : "(null)";
		const char *m = r->method ? r->method : "(null)";

		if (strcmp(m, "GET") != 0 && strcmp(m, "POST") != 0) {
			snprintf(err, errlen, "route %d (%s %s): method is "
			    "not GET or POST", i, m, pat);
			goto fail;
		}
		if (http_pattern_check(r->pattern, shape[i], sizeof(shape[i]),
		    &why) == -1) {
			snprintf(err, errlen, "route %d (%s %s): bad pattern: "
			    "%s", i, m, pat, why);
			goto fail;
		}
		if (r->handler == NULL) {
			snprintf(err, errlen, "route %d (%s %s): no handler",
			    i, m, pat);
			goto fail;
		}
		if (r->nparams < 0 || (r->nparams > 0 && r->params == NULL)) {
			snprintf(err, errlen, "route %d (%s %s): %d parameters "
			    "but no table", i, m, pat, r->nparams);
			goto fail;
		}
		for (j = 0; j < i; j++)
			if (strcmp(rt[j].method, m) == 0 &&
			    strcmp(shape[j], shape[i]) == 0) {
				snprintf(err, errlen, "route %d (%s %s): the same "
				    "method and pattern as route %d (%s)", i,
				    m, pat, j, rt[j].pattern);
				goto fail;
			}
		for (j = 0; j < r->nparams; j++) {
			const struct param *p = &r->params[j];

			if (!http_name_ok(p->name)) {
				snprintf(err, errlen, "route %d (%s %s): "
				    "parameter %d: name \"%s\" does not match "
				    "[a-z][a-z0-9_-]*", i, m, pat, j,
				    p->name ? p->name : "(null)");
				goto fail;
			}
			if ((int)p->type < 0 || p->type >= PT__MAX) {
				snprintf(err, errlen, "route %d (%s %s): "
				    "parameter %s: no such type", i, m, pat,
				    p->name);
				goto fail;
			}
			if (p->type == PT_ENUM && (p->choices == NULL ||
			    p->choices[0] == NULL)) {
				snprintf(err, errlen, "route %d (%s %s): "
				    "parameter %s: PT_ENUM without choices", i,
				    m, pat, p->name);
				goto fail;
			}
			for (k = 0; k < j; k++)
				if (strcmp(r->params[k].name, p->name) == 0) {
					snprintf(err, errlen, "route %d (%s %s): "
					    "parameter %s declared twice", i, m,
					    pat, p->name);
					goto fail;
				}
		}
	}
	free(shape);
	return 0;
fail:
	free(shape);
	return -1;
}
