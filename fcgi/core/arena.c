/*
 * arena.c — region allocator, see arena.h.
 */
#include <stdint.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"

struct chunk {
	struct chunk	*next;
	size_t		 size;
	size_t		 used;
	max_align_t	 data[];
};

struct arena {
	struct chunk	*head;
	struct chunk	*first;
	size_t		 chunksz;
	size_t		 total;
};

static struct chunk *
chunk_new(size_t size)
{
	struct chunk	*c;

	c = malloc(sizeof(*c) + size);
	if (c == NULL)
		abort();
	c->next = NULL;
	c->size = size;
	c->used = 0;
	return c;
}

struct arena *
arena_new(size_t chunk)
{
	struct arena	*a;

	if (chunk < 1024)
		chunk = 1024;
	a = calloc(1, sizeof(*a));
	if (a == NULL)
		abort();
	a->chunksz = chunk;
	a->first = a->head = chunk_new(chunk);
	a->total = chunk;
	return a;
}

void
arena_reset(struct arena *a)
{
	struct chunk	*c, *next;

	for (c = a->head; c != a->first; c = next) {
		next = c->next;
		free(c);
	}
	a->head = a->first;
	a->first->used = 0;
	a->first->next = NULL;
	a->total = a->first->size;
}

void
arena_free(struct arena *a)
{
	if (a == NULL)
		return;
	arena_reset(a);
	free(a->first);
	free(a);
}

size_t
arena_size(const struct arena *a)
{
	return a->total;
}

void *
arena_alloc(struct arena *a, size_t n)
{
	struct chunk	*c;
	size_t		 al = sizeof(max_align_t), need, sz;
	char		*p;

	if (n > SIZE_MAX - al)
		abort();
	need = (n + al - 1) & ~(al - 1);
	if (need == 0)
		need = al;
	c = a->head;
	if (c->size - c->used < need) {
		sz = need > a->chunksz ? need : a->chunksz;
		c = chunk_new(sz);
		c->next = a->head;
		a->head = c;
		a->total += sz;
	}
	p = (char *)c->data + c->used;
	c->used += need;
	return p;
}

void *
arena_zalloc(struct arena *a, size_t n)
{
	void	*p = arena_alloc(a, n);

	memset(p, 0, n);
	return p;
}

char *
arena_strndup(struct arena *a, const char *s, size_t n)
{
	char	*p;

	/* Like strndup: at most n bytes, never past a NUL. */
	n = strnlen(s, n);
	p = arena_alloc(a, n + 1);

	if (n > 0)
		memcpy(p, s, n);
	p[n] = '\0';
	return p;
}

char *
arena_strdup(struct arena *a, const char *s)
{
	if (s == NULL)
		return NULL;
	return arena_strndup(a, s, strlen(s));
}

char *
arena_vprintf(struct arena *a, const char *fmt, va_list ap)
{
	va_list	 ap2;
	int	 n;
	char	*p;

	va_copy(ap2, ap);
	n = vsnprintf(NULL, 0, fmt, ap2);
	va_end(ap2);
	if (n < 0)
		abort();
	p = arena_alloc(a, (size_t)n + 1);
	vsnprintf(p, (size_t)n + 1, fmt, ap);
	return p;
}

char *
arena_printf(struct arena *a, const char *fmt, ...)
{
	va_list	 ap;
	char	*p;

	va_start(ap, fmt);
	p = arena_vprintf(a, fmt, ap);
	va_end(ap);
	return p;
}
