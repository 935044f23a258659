/*
 * cookie.h — the Cookie request header (RFC 6265, leniently).
 */
#ifndef SHAREK_COOKIE_H
#define SHAREK_COOKIE_H

#include <stddef.h>

#include "urlenc.h"

struct arena;

/* Parses "a=1; b=\"x y\"" into an arena-owned list in header order.
 * Items without '=', with names that are not tokens, or with control
 * characters in the value are skipped.  -1 when more than max items. */
int	cookie_parse(struct arena *, const char *header, struct kv **out,
	    size_t max);

#endif
