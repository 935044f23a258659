/*
 * test_arena.c — the region allocator: alignment, large blocks, reset,
 * and strndup semantics (a bug once read past a short string).
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "t.h"

int
main(void)
{
	struct arena	*a = arena_new(1024);
	char		*p, *big;
	size_t		 before;
	int		 i, aligned = 1;

	for (i = 1; i < 100; i++) {
		p = arena_alloc(a, (size_t)i);
		if ((uintptr_t)p % _Alignof(max_align_t) != 0)
			aligned = 0;
		memset(p, 'x', (size_t)i);
	}
	t_ok(aligned, "every allocation is aligned for any type");
	big = arena_alloc(a, 100000);
	memset(big, 1, 100000);
	t_ok(arena_size(a) >= 100000, "a block larger than a chunk is served");
	t_eq_str(arena_strndup(a, "abc", 250), "abc",
	    "strndup stops at the NUL, not at n");
	t_eq_str(arena_strndup(a, "abcdef", 3), "abc", "and at n");
	t_eq_str(arena_strndup(a, "", 0), "", "empty");
	t_eq_str(arena_printf(a, "%s-%d", "x", 42), "x-42", "printf");
	p = arena_zalloc(a, 64);
	for (i = 0; i < 64 && p[i] == 0; i++)
		;
	t_eq_int(i, 64, "zalloc zeroes");
	before = arena_size(a);
	arena_reset(a);
	t_ok(arena_size(a) < before && arena_size(a) >= 1024,
	    "reset keeps only the first chunk");
	p = arena_strdup(a, "after reset");
	t_eq_str(p, "after reset", "usable after reset");
	t_ok(arena_strdup(a, NULL) == NULL, "strdup(NULL) is NULL");
	arena_free(a);
	return t_done();
}
