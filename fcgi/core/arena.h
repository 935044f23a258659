/*
 * arena.h — region allocator.  One arena per request (reset after the
 * response), one for the process lifetime.  Memory from an arena is never
 * freed one piece at a time: the owner of the arena releases it all.
 * Out of memory aborts the process (the supervisor restarts the worker).
 */
#ifndef SHAREK_ARENA_H
#define SHAREK_ARENA_H

#include <stdarg.h>
#include <stddef.h>

struct arena;

/* Returns a new arena owned by the caller (arena_free). */
struct arena	*arena_new(size_t chunk);
void		 arena_free(struct arena *);
/* Releases everything allocated since arena_new, keeps the first chunk. */
void		 arena_reset(struct arena *);
/* Bytes currently held by the arena (for benchmarks and limits). */
size_t		 arena_size(const struct arena *);

/* All of these return memory owned by the arena. */
void		*arena_alloc(struct arena *, size_t);
void		*arena_zalloc(struct arena *, size_t);
char		*arena_strdup(struct arena *, const char *);
/* At most n bytes of s, stopping at a NUL (like strndup). */
char		*arena_strndup(struct arena *, const char *, size_t);
char		*arena_printf(struct arena *, const char *, ...)
		    __attribute__((format(printf, 2, 3)));
char		*arena_vprintf(struct arena *, const char *, va_list)
		    __attribute__((format(printf, 2, 0)));

#endif
