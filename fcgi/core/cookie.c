/*
 * cookie.c — see cookie.h.
 */
#include <string.h>

#include "arena.h"
#include "cookie.h"

static int
cookie_tokenchar(unsigned char c)
{
	if (c <= 0x20 || c >= 0x7f)
		return 0;
	return strchr("()<>@,;:\\\"/[]?={}", c) == NULL;
}

int
cookie_parse(struct arena *a, const char *h, struct kv **out, size_t max)
{
	struct kv	*head = NULL, **tail = &head, *kv;
	const char	*p = h, *ks, *ke, *vs, *ve, *end;
	size_t		 count = 0;
	int		 ok;

	*out = NULL;
	while (*p != '\0') {
		while (*p == ' ' || *p == '\t' || *p == ';')
			p++;
		if (*p == '\0')
			break;
		end = strchr(p, ';');
		if (end == NULL)
			end = p + strlen(p);
		ks = p;
		ke = memchr(p, '=', (size_t)(end - p));
		p = end;
		if (ke == NULL)
			continue;
		vs = ke + 1;
		while (ke > ks && (ke[-1] == ' ' || ke[-1] == '\t'))
			ke--;
		while (vs < end && (*vs == ' ' || *vs == '\t'))
			vs++;
		ve = end;
		while (ve > vs && (ve[-1] == ' ' || ve[-1] == '\t'))
			ve--;
		if (ve - vs >= 2 && *vs == '"' && ve[-1] == '"') {
			vs++;
			ve--;
		}
		ok = ke > ks;
		for (const char *q = ks; ok && q < ke; q++)
			ok = cookie_tokenchar((unsigned char)*q);
		for (const char *q = vs; ok && q < ve; q++)
			ok = (unsigned char)*q >= 0x20 && *q != 0x7f &&
			    *q != '"';
		if (!ok)
			continue;
		if (++count > max)
			return -1;
		kv = arena_zalloc(a, sizeof(*kv));
		kv->key = arena_strndup(a, ks, (size_t)(ke - ks));
		kv->val = arena_strndup(a, vs, (size_t)(ve - vs));
		kv->vlen = (size_t)(ve - vs);
		*tail = kv;
		tail = &kv->next;
	}
	*out = head;
	return 0;
}
