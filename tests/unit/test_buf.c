/*
 * test_buf.c — buffers and the escaping writers at their boundaries.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "t.h"

static struct arena *a;

static const char *
esc(void (*fn)(struct buf *, const char *, size_t), const char *s, size_t n)
{
	struct buf	 b;

	buf_init(&b, a);
	fn(&b, s, n);
	return b.data;
}

int
main(void)
{
	struct buf	 b;
	int		 i;

	a = arena_new(1024);
	t_eq_str(esc(buf_html, "", 0), "", "html: empty");
	t_eq_str(esc(buf_html, "a<b>&\"'", 7), "a&lt;b&gt;&amp;&quot;&#39;",
	    "html: every special character");
	t_eq_str(esc(buf_html, "نص عربي", strlen("نص عربي")), "نص عربي",
	    "html: UTF-8 passes through");
	t_eq_str(esc(buf_url, "a b/ü?&=~._-", strlen("a b/ü?&=~._-")),
	    "a%20b%2F%C3%BC%3F%26%3D~._-", "url: reserved and non-ASCII");
	t_eq_str(esc(buf_url, "\0x", 2), "%00x", "url: NUL is encoded");
	t_eq_str(esc(buf_csv, "plain", 5), "plain", "csv: plain");
	t_eq_str(esc(buf_csv, "a,b", 3), "\"a,b\"", "csv: comma quoted");
	t_eq_str(esc(buf_csv, "say \"x\"", 7), "\"say \"\"x\"\"\"",
	    "csv: quotes doubled");
	t_eq_str(esc(buf_csv, "=1+1", 4), "\"'=1+1\"",
	    "csv: formula injection neutralised");
	t_eq_str(esc(buf_csv, "line\nbreak", 10), "\"line\nbreak\"",
	    "csv: newline quoted");
	t_eq_str(esc(buf_json, "a\"\\\n<\x01", 6),
	    "\"a\\\"\\\\\\n\\u003c\\u0001\"", "json: escapes and controls");

	buf_init(&b, a);
	for (i = 0; i < 10000; i++)
		buf_addc(&b, 'x');
	t_eq_int((long long)b.len, 10000, "buffer grows past many doublings");
	t_eq_int((long long)strlen(b.data), 10000, "and stays terminated");
	buf_init(&b, a);
	buf_printf(&b, "%s-%d", "abc", 42);
	buf_printf(&b, "%0300d", 7);
	t_eq_int((long long)b.len, 306, "printf appends past the capacity");
	arena_free(a);
	return t_done();
}
