/*
 * urlenc.h — application/x-www-form-urlencoded and query strings, and
 * the key/value list every parser returns.
 */
#ifndef SHAREK_URLENC_H
#define SHAREK_URLENC_H

#include <stddef.h>

struct arena;

struct kv {
	char		*key;
	char		*val;
	size_t		 vlen;
	struct kv	*next;
};

/* Percent-decodes s[0..n) into *out (arena-owned, NUL-terminated; the
 * value may contain NUL: see *outlen).  -1 on a malformed escape. */
int		 urlenc_decode(struct arena *, const char *s, size_t n,
		    int plus_is_space, char **out, size_t *outlen);
/* Parses a=1&b=2 in input order; empty pairs are skipped, a key without
 * '=' has an empty value.  -1 on a malformed escape or more than
 * maxpairs pairs.  The list is arena-owned. */
int		 urlenc_parse(struct arena *, const char *s, size_t n,
		    struct kv **out, size_t maxpairs);
/* Fossil's rule for parameter names: [a-z][a-z0-9_-]*, at most 64. */
int		 urlenc_name_ok(const char *);
/* The first value of key, or NULL. */
const char	*kv_get(const struct kv *, const char *key);

#endif
