/*
 * test_digits.c — Arabic-Indic (٠–٩) and Eastern Arabic-Indic (۰–۹)
 * digits: utf8_ascii_digits on its own, and http_check turning them into
 * ASCII for phones, integers, dates and date-times (never in free text),
 * so the handler and the database see 0791234567 for ٠٧٩١٢٣٤٥٦٧.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "http.h"
#include "http_int.h"
#include "t.h"
#include "utf8.h"
#include "vm.h"

static struct arena	*a;

static void
test_helper(void)
{
	static const struct {
		const char *in, *out, *what;
	} c[] = {
		{ "٠١٢٣٤٥٦٧٨٩", "0123456789", "all ten Arabic-Indic digits" },
		{ "۰۱۲۳۴۵۶۷۸۹", "0123456789",
		    "all ten Eastern Arabic-Indic digits" },
		{ "+٩٦٢ ۷۹-123", "+962 79-123", "mixed with ASCII and separators" },
		{ "سلام ١٠", "سلام 10", "Arabic letters stay as they are" },
		{ "ABC", "ABC", "ASCII untouched" },
		{ "", "", "empty" },
		{ "\xd9", "\xd9", "a lone lead byte at the end is kept" },
		{ "٪٫", "٪٫", "the Arabic percent and decimal signs stay" },
	};
	size_t	 i, n;
	char	 buf[64];

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		strcpy(buf, c[i].in);
		n = utf8_ascii_digits(buf, strlen(buf));
		t_ok(n == strlen(c[i].out) && strcmp(buf, c[i].out) == 0,
		    "utf8_ascii_digits: %s", c[i].what);
	}
}

static struct req *
newreq(void)
{
	struct req	*r = arena_zalloc(a, sizeof(*r));

	r->a = a;
	r->lang = "en";
	return r;
}

static void
test_check(void)
{
	static const struct {
		struct param	 p;
		const char	*in, *s;
		int		 set;
		long long	 i;
		const char	*what;
	} c[] = {
		{ { .name = "m", .type = PT_PHONE }, "٠٧٩١٢٣٤٥٦٧", "0791234567",
		    1, 0, "PT_PHONE: Arabic-Indic digits stored as ASCII" },
		{ { .name = "m", .type = PT_PHONE }, "+۹۶۲ ۷۹ ۱۲۳ ۴۵۶۷",
		    "+962791234567", 1, 0,
		    "PT_PHONE: Eastern Arabic-Indic with + and spaces" },
		{ { .name = "m", .type = PT_PHONE }, "٠٧٩١", NULL, 0, 0,
		    "PT_PHONE: four Arabic-Indic digits are still too few" },
		{ { .name = "n", .type = PT_INT, .min = 1, .max = 100 }, "٤٢",
		    "42", 1, 42, "PT_INT: ٤٢ is 42" },
		{ { .name = "n", .type = PT_INT, .min = 1, .max = 10 }, "۱۱",
		    NULL, 0, 0, "PT_INT: ۱۱ is 11, over the bounds" },
		{ { .name = "d", .type = PT_DATE }, "٢٠٢٦-٠٣-٠١", "2026-03-01",
		    1, 0, "PT_DATE: an Arabic-Indic date" },
		{ { .name = "d", .type = PT_DATETIME }, "۲۰۲۶-۰۳-۰۱T۰۹:۳۰",
		    "2026-03-01T09:30", 1, 0,
		    "PT_DATETIME: an Eastern Arabic-Indic date-time" },
		{ { .name = "t", .type = PT_STR }, "رقم ٤٢", "رقم ٤٢", 1, 0,
		    "PT_STR: free text keeps its digits as typed" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(c) / sizeof(c[0]); i++) {
		struct req *r = newreq();
		struct pval v;
		int ok;

		memset(&v, 0, sizeof(v));
		http_check(r, &c[i].p, &v, c[i].in, strlen(c[i].in));
		ok = v.set == c[i].set &&
		    (c[i].s == NULL || (v.s && strcmp(v.s, c[i].s) == 0)) &&
		    (c[i].i == 0 || v.i == c[i].i) &&
		    (c[i].set ? v.err == NULL : v.err != NULL);
		t_ok(ok, "%s", c[i].what);
		if (!ok)
			printf("#   set=%d s=\"%s\" i=%lld err=\"%s\"\n", v.set,
			    v.s ? v.s : "(null)", v.i, v.err ? v.err : "(null)");
	}
}

int
main(void)
{
	a = arena_new(1 << 16);
	test_helper();
	test_check();
	arena_free(a);
	return t_done();
}
