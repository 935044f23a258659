/*
 * test_parsers.c — UTF-8, urlencoded, cookies and streaming multipart at
 * their boundaries: empty, exactly the limit, one over, invalid and
 * overlong UTF-8, NUL, CR/LF, quoted boundaries, missing final boundary,
 * truncated bodies, and the same body split at every byte.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "cookie.h"
#include "multipart.h"
#include "t.h"
#include "urlenc.h"
#include "utf8.h"

static struct arena *a;

/* Multipart: collects parts as "name|filename|data;" */
struct coll {
	char	 out[65536];
	size_t	 n;
};

static int
c_begin(void *arg, const char *name, const char *fn, const char *ct)
{
	struct coll *c = arg;

	(void)ct;
	c->n += (size_t)snprintf(c->out + c->n, sizeof(c->out) - c->n, "%s|%s|",
	    name, fn ? fn : "-");
	return 0;
}

static int
c_data(void *arg, const char *p, size_t n)
{
	struct coll *c = arg;

	if (c->n + n < sizeof(c->out)) {
		memcpy(c->out + c->n, p, n);
		c->n += n;
	}
	return 0;
}

static int
c_end(void *arg)
{
	struct coll *c = arg;

	if (c->n + 1 < sizeof(c->out))
		c->out[c->n++] = ';';
	c->out[c->n] = '\0';
	return 0;
}

static const struct mp_callbacks cb = { c_begin, c_data, c_end };

/* Feeds body in chunks of size step (0: all at once); returns the
 * collected parts or "ERROR:<why>" / "TRUNCATED". */
static const char *
mp(const char *boundary, const char *body, size_t len, size_t step)
{
	static struct coll c;
	struct multipart *m;
	size_t		 i, k;

	memset(&c, 0, sizeof(c));
	m = multipart_new(a, boundary, &cb, &c);
	if (step == 0)
		step = len ? len : 1;
	for (i = 0; i < len; i += k) {
		k = len - i < step ? len - i : step;
		if (multipart_feed(m, body + i, k) == -1)
			return arena_printf(a, "ERROR:%s", multipart_error(m));
	}
	if (multipart_finish(m) == -1)
		return "TRUNCATED";
	return arena_strdup(a, c.out);
}

static void
test_utf8(void)
{
	static const struct { const char *s; size_t n; int valid; const char *what; } v[] = {
		{ "", 0, 1, "empty" },
		{ "abc", 3, 1, "ASCII" },
		{ "\xd8\xb4\xd8\xa7\xd8\xb1\xd9\x83", 8, 1, "Arabic" },
		{ "\xf0\x9f\x98\x80", 4, 1, "emoji (4 bytes)" },
		{ "\xc0\x80", 2, 0, "overlong NUL C0 80" },
		{ "\xc1\xbf", 2, 0, "overlong C1 BF" },
		{ "\xe0\x80\x80", 3, 0, "overlong E0 80 80" },
		{ "\xe0\x9f\xbf", 3, 0, "overlong E0 9F BF" },
		{ "\xf0\x80\x80\x80", 4, 0, "overlong F0 80 80 80" },
		{ "\xed\xa0\x80", 3, 0, "surrogate ED A0 80" },
		{ "\xf4\x90\x80\x80", 4, 0, "above U+10FFFF" },
		{ "\xf5\x80\x80\x80", 4, 0, "F5 lead byte" },
		{ "\x80", 1, 0, "lone continuation" },
		{ "\xe2\x82", 2, 0, "truncated sequence" },
		{ "\xef\xbf\xbf", 3, 1, "U+FFFF is valid" },
		{ "\xf4\x8f\xbf\xbf", 4, 1, "U+10FFFF is valid" },
	};
	size_t	 i;

	for (i = 0; i < sizeof(v) / sizeof(v[0]); i++)
		t_ok(utf8_valid(v[i].s, v[i].n) == v[i].valid, "utf8: %s",
		    v[i].what);
	t_ok(utf8_check_text("a\0b", 3, 1) == -1, "utf8: NUL refused even in "
	    "multi-line text");
	t_ok(utf8_check_text("a\nb", 3, 0) == -1, "utf8: LF refused in one line");
	t_ok(utf8_check_text("a\r\nb\tc", 6, 1) == 0, "utf8: CR LF TAB in "
	    "multi-line text");
	t_ok(utf8_check_text("\x7f", 1, 1) == -1, "utf8: DEL refused");
	t_ok(utf8_check_text("\xc2\x85", 2, 1) == -1, "utf8: C1 control refused");
	t_ok(utf8_check_text("\xc2\xa0", 2, 0) == 0, "utf8: no-break space ok");
	t_eq_int((long long)utf8_len("\xd8\xb4\xd8\xa7x", 5), 3,
	    "utf8: length in characters");
}

static void
test_urlenc(void)
{
	struct kv	*kv;
	char		*out;
	size_t		 n;
	char		 big[4096];
	int		 i;

	t_ok(urlenc_parse(a, "", 0, &kv, 10) == 0 && kv == NULL,
	    "urlenc: empty body");
	t_ok(urlenc_parse(a, "a=1&&b=&c", 9, &kv, 10) == 0, "urlenc: parses");
	t_ok(kv && !strcmp(kv->key, "a") && !strcmp(kv->val, "1") &&
	    kv->next && !strcmp(kv->next->key, "b") && kv->next->vlen == 0 &&
	    kv->next->next && !strcmp(kv->next->next->key, "c") &&
	    kv->next->next->next == NULL, "urlenc: empty pairs skipped, "
	    "keys without '=' kept, order kept");
	t_ok(urlenc_parse(a, "q=a+b%20c%2B", 12, &kv, 10) == 0 &&
	    !strcmp(kv->val, "a b c+"), "urlenc: '+' and %%20 are spaces, "
	    "%%2B is a plus");
	t_ok(urlenc_parse(a, "q=%", 3, &kv, 10) == -1, "urlenc: lone '%%'");
	t_ok(urlenc_parse(a, "q=%4", 4, &kv, 10) == -1, "urlenc: short '%%4'");
	t_ok(urlenc_parse(a, "q=%zz", 5, &kv, 10) == -1, "urlenc: '%%zz'");
	t_ok(urlenc_decode(a, "a%00b", 5, 1, &out, &n) == 0 && n == 3 &&
	    out[1] == '\0', "urlenc: %%00 decodes to a NUL the caller sees");
	big[0] = '\0';
	for (i = 0; i < 10; i++)
		strcat(big, "k=v&");
	t_ok(urlenc_parse(a, big, strlen(big), &kv, 10) == 0,
	    "urlenc: exactly the pair limit");
	strcat(big, "k=v");
	t_ok(urlenc_parse(a, big, strlen(big), &kv, 10) == -1,
	    "urlenc: one pair over the limit");
	t_ok(urlenc_name_ok("title_ar") && urlenc_name_ok("a-b1") &&
	    !urlenc_name_ok("Title") && !urlenc_name_ok("1a") &&
	    !urlenc_name_ok("") && !urlenc_name_ok("a b"),
	    "urlenc: parameter names follow [a-z][a-z0-9_-]*");
	urlenc_parse(a, "k=v&k=w", 7, &kv, 10);
	t_eq_str(kv_get(kv, "k"), "v", "urlenc: kv_get finds the first");
}

static void
test_cookie(void)
{
	struct kv	*kv;

	t_ok(cookie_parse(a, "", &kv, 10) == 0 && kv == NULL, "cookie: empty");
	t_ok(cookie_parse(a, " a=1 ;b=\"x y\";  c= ; junk; d=4", &kv, 10) == 0,
	    "cookie: parses");
	t_eq_str(kv_get(kv, "a"), "1", "cookie: spaces trimmed");
	t_eq_str(kv_get(kv, "b"), "x y", "cookie: quoted value unquoted");
	t_eq_str(kv_get(kv, "c"), "", "cookie: empty value");
	t_eq_str(kv_get(kv, "d"), "4", "cookie: an item without '=' skipped");
	t_ok(cookie_parse(a, "a=1\r\nSet-Cookie: x=2; e=5", &kv, 10) == 0 &&
	    kv_get(kv, "a") == NULL && !strcmp(kv_get(kv, "e"), "5"),
	    "cookie: a value with CR LF is dropped");
	t_ok(cookie_parse(a, "bad name=1; ok=2", &kv, 10) == 0 &&
	    kv_get(kv, "bad name") == NULL && kv_get(kv, "ok") != NULL,
	    "cookie: names must be tokens");
	t_ok(cookie_parse(a, "a=1;b=2;c=3", &kv, 3) == 0,
	    "cookie: exactly the limit");
	t_ok(cookie_parse(a, "a=1;b=2;c=3;d=4", &kv, 3) == -1,
	    "cookie: one over the limit");
}

static void
test_multipart(void)
{
	char		 b[80];
	const char	*body, *want, *got;
	size_t		 len, step;
	int		 same = 1, i;
	char		*many;

	t_ok(multipart_boundary("multipart/form-data; boundary=abc", b,
	    sizeof(b)) == 0 && !strcmp(b, "abc"), "multipart: boundary");
	t_ok(multipart_boundary("multipart/form-data; BOUNDARY=\"a;b c\"", b,
	    sizeof(b)) == 0 && !strcmp(b, "a;b c"),
	    "multipart: quoted boundary with ';' and a space");
	t_ok(multipart_boundary("multipart/form-data", b, sizeof(b)) == -1,
	    "multipart: missing boundary");
	memset(b, 'x', 70);
	b[70] = '\0';
	t_ok(multipart_boundary(arena_printf(a, "multipart/form-data; "
	    "boundary=%s", b), b, sizeof(b)) == 0, "multipart: 70 characters");
	t_ok(multipart_boundary("multipart/form-data; boundary="
	    "xxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxxx",
	    b, sizeof(b)) == -1, "multipart: 71 characters refused");

	body = "preamble\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"t\"\r\n\r\nhello\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"f\"; filename=\"a;b \\\"q\\\".pdf\"\r\nContent-Type: "
	    "application/pdf\r\n\r\n%PDF\r\n--XyZnot\r\n-\r\n--XyZ--\r\nepilogue";
	want = "t|-|hello;f|a;b \"q\".pdf|%PDF\r\n--XyZnot\r\n-;";
	len = strlen(body);
	got = mp("XyZ", body, len, 0);
	t_eq_str(got, want, "multipart: parts, quoted filename, boundary-like "
	    "data, preamble and epilogue");
	for (step = 1; step <= len; step++)
		if (strcmp(mp("XyZ", body, len, step), want) != 0)
			same = 0;
	t_ok(same, "multipart: identical whatever the chunk size (1..%zu)",
	    len);
	t_eq_str(mp("XyZ", body, len - 12, 0), "TRUNCATED",
	    "multipart: missing final boundary");
	t_eq_str(mp("XyZ", body, 40, 0), "TRUNCATED", "multipart: truncated "
	    "in the middle of a part");
	t_ok(strncmp(mp("XyZ", "--XyZ\r\nContent-Type: text/plain\r\n\r\nx\r\n"
	    "--XyZ--\r\n", 44, 0), "ERROR", 5) == 0,
	    "multipart: a part without a name is an error");
	t_ok(strncmp(mp("XyZ", "--XyZ\r\nno colon here\r\n\r\nx\r\n--XyZ--\r\n",
	    37, 0), "ERROR", 5) == 0, "multipart: a malformed header line");
	{
		/* A header line of exactly the limit and one over. */
		char *h = arena_alloc(a, MP_MAXLINE + 200);
		size_t pre = strlen("--XyZ\r\nX-Pad: ");
		memcpy(h, "--XyZ\r\nX-Pad: ", pre);
		memset(h + pre, 'p', MP_MAXLINE - 7);
		strcpy(h + pre + MP_MAXLINE - 7, "\r\nContent-Disposition: "
		    "form-data; name=\"a\"\r\n\r\nv\r\n--XyZ--\r\n");
		t_eq_str(mp("XyZ", h, strlen(h), 0), "a|-|v;",
		    "multipart: a header line at the limit");
		memmove(h + pre + 1, h + pre, strlen(h + pre) + 1);
		h[pre] = 'p';
		t_ok(strncmp(mp("XyZ", h, strlen(h), 0), "ERROR", 5) == 0,
		    "multipart: one byte over the header limit");
	}
	many = arena_alloc(a, 200000);
	many[0] = '\0';
	len = 0;
	for (i = 0; i < MP_MAXPARTS; i++)
		len += (size_t)sprintf(many + len, "--B\r\nContent-Disposition: "
		    "form-data; name=\"p\"\r\n\r\nv\r\n");
	strcpy(many + len, "--B--\r\n");
	t_ok(strncmp(mp("B", many, strlen(many), 0), "ERROR", 5) != 0,
	    "multipart: exactly %d parts", MP_MAXPARTS);
	len += (size_t)sprintf(many + len, "--B\r\nContent-Disposition: "
	    "form-data; name=\"p\"\r\n\r\nv\r\n");
	strcpy(many + len, "--B--\r\n");
	t_ok(strncmp(mp("B", many, strlen(many), 0), "ERROR", 5) == 0,
	    "multipart: one part over the limit");
	body = "--XyZ\r\nContent-Disposition: form-data; name=\"e\""
	    "\r\n\r\n\r\n--XyZ--";
	t_eq_str(mp("XyZ", body, strlen(body), 0), "e|-|;", "multipart: an "
	    "empty part, no CRLF after the closing boundary");
	body = "--XyZ \t\r\nContent-Disposition: form-data; name=\"p\""
	    "\r\n\r\nv\r\n--XyZ--\r\n";
	t_eq_str(mp("XyZ", body, strlen(body), 1), "p|-|v;", "multipart: "
	    "transport padding after a boundary");
}

int
main(void)
{
	a = arena_new(1 << 16);
	test_utf8();
	test_urlenc();
	test_cookie();
	test_multipart();
	arena_free(a);
	return t_done();
}
