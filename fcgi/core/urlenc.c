/*
 * urlenc.c — see urlenc.h.
 */
#include <string.h>

#include "arena.h"
#include "urlenc.h"

static int
hexval(int c)
{
	if (c >= '0' && c <= '9')
		return c - '0';
	if (c >= 'a' && c <= 'f')
		return c - 'a' + 10;
	if (c >= 'A' && c <= 'F')
		return c - 'A' + 10;
	return -1;
}

int
urlenc_decode(struct arena *a, const char *s, size_t n, int plus_is_space,
    char **out, size_t *outlen)
{
	char	*d = arena_alloc(a, n + 1);
	size_t	 i, j = 0;
	int	 h, l;

	for (i = 0; i < n; i++) {
		if (s[i] == '%') {
			if (i + 2 >= n)
				return -1;
			h = hexval((unsigned char)s[i + 1]);
			l = hexval((unsigned char)s[i + 2]);
			if (h < 0 || l < 0)
				return -1;
			d[j++] = (char)(h << 4 | l);
			i += 2;
		} else if (s[i] == '+' && plus_is_space)
			d[j++] = ' ';
		else
			d[j++] = s[i];
	}
	d[j] = '\0';
	*out = d;
	if (outlen != NULL)
		*outlen = j;
	return 0;
}

int
urlenc_parse(struct arena *a, const char *s, size_t n, struct kv **out,
    size_t maxpairs)
{
	struct kv	*head = NULL, **tail = &head, *kv;
	size_t		 i = 0, start, end, eq, count = 0, klen;
	char		*key;

	*out = NULL;
	while (i <= n) {
		start = i;
		while (i < n && s[i] != '&')
			i++;
		end = i;
		i++;
		if (end == start)
			continue;
		if (++count > maxpairs)
			return -1;
		for (eq = start; eq < end && s[eq] != '='; eq++)
			;
		kv = arena_zalloc(a, sizeof(*kv));
		if (urlenc_decode(a, s + start, eq - start, 1, &key, &klen)
		    == -1)
			return -1;
		kv->key = key;
		if (eq < end) {
			if (urlenc_decode(a, s + eq + 1, end - eq - 1, 1,
			    &kv->val, &kv->vlen) == -1)
				return -1;
		} else {
			kv->val = arena_strdup(a, "");
			kv->vlen = 0;
		}
		*tail = kv;
		tail = &kv->next;
	}
	*out = head;
	return 0;
}

int
urlenc_name_ok(const char *k)
{
	size_t	 i;

	if (k == NULL || !(k[0] >= 'a' && k[0] <= 'z'))
		return 0;
	for (i = 1; k[i] != '\0'; i++) {
		if (i >= 64)
			return 0;
		if (!((k[i] >= 'a' && k[i] <= 'z') ||
		    (k[i] >= '0' && k[i] <= '9') || k[i] == '_' ||
		    k[i] == '-'))
			return 0;
	}
	return 1;
}

const char *
kv_get(const struct kv *kv, const char *key)
{
	for (; kv != NULL; kv = kv->next)
		if (strcmp(kv->key, key) == 0)
			return kv->val;
	return NULL;
}
