/*
 * fuzz_cookie.c — Cookie headers: never crash, and no value handed to
 * the program holds a control character.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct kv	*kv;
	char		*h;

	if (a == NULL)
		a = arena_new(1 << 16);
	h = arena_strndup(a, (const char *)data, size);
	if (cookie_parse(a, h, &kv, 64) == 0)
		for (; kv != NULL; kv = kv->next)
			for (size_t i = 0; i < kv->vlen; i++)
				if ((unsigned char)kv->val[i] < 0x20)
					abort();
	arena_reset(a);
	return 0;
}
