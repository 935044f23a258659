/*
 * fuzz_multipart.c — the streaming multipart parser: never crash, and
 * the parts are the same whatever the chunking (sizes taken from the
 * first input byte).
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "multipart.h"

static int
fz_begin(void *arg, const char *n, const char *f, const char *c)
{
	struct buf *b = arg;

	buf_printf(b, "[%s|%s|%s]", n, f ? f : "-", c ? c : "-");
	return 0;
}

static int
fz_data(void *arg, const char *p, size_t n)
{
	buf_add(arg, p, n);
	return 0;
}

static int
fz_end(void *arg)
{
	buf_addc(arg, ';');
	return 0;
}

static const struct mp_callbacks cb = { fz_begin, fz_data, fz_end };

static int
run(struct arena *a, const char *body, size_t n, size_t step, struct buf *out)
{
	struct multipart *m = multipart_new(a, "fZz", &cb, out);
	size_t		 i, k;

	for (i = 0; i < n; i += k) {
		k = n - i < step ? n - i : step;
		if (multipart_feed(m, body + i, k) == -1)
			return -1;
	}
	return multipart_finish(m);
}

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct buf	 one, many;
	int		 r1, r2;
	size_t		 step;

	if (size < 1)
		return 0;
	if (a == NULL)
		a = arena_new(1 << 16);
	step = data[0] % 17 + 1;
	buf_init(&one, a);
	buf_init(&many, a);
	r1 = run(a, (const char *)data + 1, size - 1, size, &one);
	r2 = run(a, (const char *)data + 1, size - 1, step, &many);
	if (r1 != r2 || (r1 == 0 && (one.len != many.len ||
	    memcmp(one.data, many.data, one.len) != 0)))
		abort();
	arena_reset(a);
	return 0;
}
