/*
 * fuzz_urlenc.c — urlencoded bodies: never crash, and every parsed pair
 * encoded again with buf_url decodes back to itself.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "urlenc.h"
#include "utf8.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct kv	*kv, *k2;
	struct buf	 b;

	if (a == NULL)
		a = arena_new(1 << 16);
	if (urlenc_parse(a, (const char *)data, size, &kv, 1000) == 0) {
		buf_init(&b, a);
		for (struct kv *k = kv; k != NULL; k = k->next) {
			buf_url(&b, k->key, strlen(k->key));
			buf_addc(&b, '=');
			buf_url(&b, k->val, k->vlen);
			buf_addc(&b, '&');
			(void)utf8_check_text(k->val, k->vlen, 1);
		}
		if (urlenc_parse(a, b.data, b.len, &k2, 1000) != 0)
			abort();
		for (struct kv *k = kv; k != NULL; k = k->next, k2 = k2->next) {
			/* Keys with a NUL are cut at it by strlen above. */
			if (k2 == NULL || k->vlen != k2->vlen ||
			    memcmp(k->val, k2->val, k->vlen) != 0)
				abort();
		}
	}
	arena_reset(a);
	return 0;
}
