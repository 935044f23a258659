/*
 * test_hardening.c — what issue 9 found in the kernel, through the
 * dispatcher (harness.h): log lines escaped so a request writes one line
 * whatever it sends; upload names checked as UTF-8 and cut on a
 * character boundary; the files of a request kept only when a form
 * transaction stored them; names and titles (P_NAME) without invisible
 * formatting characters; redirects always with a safe Location;
 * Cache-Control: no-store for a session; a stream that fails in the
 * middle cut instead of ended.
 */
#include <dirent.h>
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <unistd.h>

#include "harness.h"
#include "t.h"
#include "urlenc.h"
#include "utf8.h"

/* ---- log_escape ----------------------------------------------------- */

static void
test_log_escape(void)
{
	static const struct {
		const char	*in, *want;
	} cases[] = {
		{ "GET /consultations 200", "GET /consultations 200" },
		{ "a\nb", "a\\x0ab" },
		{ "a\r\nb", "a\\x0d\\x0ab" },
		{ "tab\there", "tab\\x09here" },
		{ "esc\x1b[31mred", "esc\\x1b[31mred" },
		{ "del\x7f", "del\\x7f" },
		{ "nul\x01", "nul\\x01" },
		{ "bad\xff\xfe", "bad\\xff\\xfe" },
		{ "trunc\xd8", "trunc\\xd8" },
		{ "overlong\xc0\xaf", "overlong\\xc0\\xaf" },
		{ "nel\xc2\x85", "nel\\u0085" },
		{ "ls\xe2\x80\xa8ps\xe2\x80\xa9", "ls\\u2028ps\\u2029" },
		{ "rlo\xe2\x80\xae", "rlo\\u202e" },
		{ "zw\xe2\x80\x8b", "zw\\u200b" },
		{ "bom\xef\xbb\xbf", "bom\\ufeff" },
		{ "back\\x0a", "back\\\\x0a" },
		{ "عربي مقبول", "عربي مقبول" },
		{ "", "" },
	};
	char	 out[256];
	size_t	 i, n;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		log_escape(out, sizeof(out), cases[i].in, strlen(cases[i].in));
		t_eq_str(out, cases[i].want, cases[i].want);
	}
	n = log_escape(out, 6, "ab\ncd", 5);
	t_ok(n == 2 && strcmp(out, "ab") == 0,
	    "an escape that does not fit whole is left out");
	n = log_escape(out, 4, "abc\xd9\x85", 5);
	t_ok(n == 3 && strcmp(out, "abc") == 0,
	    "so is a character that does not fit whole");
}

/* ---- UTF-8 helpers ---------------------------------------------------- */

static void
test_utf8(void)
{
	const char	*ar = "تقرير";	/* 5 characters, 10 bytes */
	size_t		 k;

	t_eq_int((long long)utf8_prefix(ar, 10, 255), 10,
	    "utf8_prefix: what fits is kept whole");
	t_eq_int((long long)utf8_prefix(ar, 10, 5), 4,
	    "utf8_prefix: a cut inside a character moves back to its start");
	t_eq_int((long long)utf8_prefix(ar, 10, 6), 6,
	    "utf8_prefix: a cut on a boundary stays");
	t_eq_int((long long)utf8_prefix("a\xf0\x9f\x98\x80", 5, 4), 1,
	    "utf8_prefix: a four-byte character is not split either");
	t_eq_int((long long)utf8_prefix(ar, 10, 0), 0, "utf8_prefix: 0");
	t_ok(utf8_invisible(0x202e) && utf8_invisible(0x202a) &&
	    utf8_invisible(0x2066) && utf8_invisible(0x2069) &&
	    utf8_invisible(0x200b) && utf8_invisible(0x200f) &&
	    utf8_invisible(0xfeff) && utf8_invisible(0x061c) &&
	    utf8_invisible(0x2028) && utf8_invisible(0x2029),
	    "bidi controls, zero-width characters and separators are "
	    "invisible");
	t_ok(!utf8_invisible('a') && !utf8_invisible(0x0627) &&
	    !utf8_invisible(0x2010) && !utf8_invisible(0x2030) &&
	    !utf8_invisible(0x206a) && !utf8_invisible(0xfefe),
	    "letters and their neighbours are not");
	t_eq_int((long long)utf8_find_invisible("ab\xe2\x80\x8f" "c", 6, &k),
	    2, "utf8_find_invisible: the offset of the first");
	t_eq_int((long long)k, 3, "utf8_find_invisible: and its length");
	t_eq_int((long long)utf8_find_invisible(ar, 10, &k), 10,
	    "utf8_find_invisible: n when there is none");
	t_ok(http_valid_name("ليلى أحمد", strlen("ليلى أحمد")) == 0,
	    "http_valid_name: an Arabic name");
	t_ok(http_valid_name("ليلى\xe2\x80\xae", 11) == -1 &&
	    http_valid_name("a\x01", 2) == -1 &&
	    http_valid_name("a\xff", 2) == -1 &&
	    http_valid_name("a\tb", 3) == -1,
	    "http_valid_name: refuses RLO, control characters, invalid "
	    "UTF-8, tabs");
}

/* ---- requests --------------------------------------------------------- */

enum { N_TITLE, N_NOTE, N__MAX };
static const struct param name_params[N__MAX] = {
	[N_TITLE] = { .name = "title", .type = PT_STR, .flags = P_NAME },
	[N_NOTE] = { .name = "note", .type = PT_STR },
};
enum { U_TITLE, U_DOC, U__MAX };
static const struct param upload_params[U__MAX] = {
	[U_TITLE] = { .name = "title", .type = PT_STR },
	[U_DOC] = { .name = "doc", .type = PT_FILE, .max = 100000,
	    .accept = "pdf" },
};

static int
h_echo(struct req *r)
{
	struct buf	 b;
	int		 i;

	buf_init(&b, r->a);
	for (i = 0; i < r->route->nparams; i++) {
		const struct pval *v = http_arg(r, i);
		buf_printf(&b, "%s:set=%d:s=[%s]:err=%s\n",
		    r->route->params[i].name, v->set, v->s ? v->s : "-",
		    v->err ? v->err : "-");
		if (v->file != NULL)
			buf_printf(&b, "name=[%s]\n", v->file->orig_name);
	}
	buf_printf(&b, "nerr=%d\n", r->nerr);
	http_write(r, b.data, b.len);
	return r->nerr > 0 ? 422 : 200;
}

/* A form transaction without MariaDB (http_form_tx's seams). */
static int
h_tx_run(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	return fn(db, arg);
}

static int
h_claim(struct req *r, const char *url, const char **prev)
{
	(void)r;
	(void)url;
	*prev = NULL;
	return 0;
}

static enum outcome
h_store(struct req *r, void *arg)
{
	(void)r;
	return *(enum outcome *)arg;
}

/* Stores (or not) what was uploaded, then answers with the status the
 * query names: /store?o=ok&s=303. */
static int
h_upload(struct req *r)
{
	const char	*o = kv_get(r->qs, "o"), *s = kv_get(r->qs, "s");
	enum outcome	 out = OUT_OK;

	if (o != NULL && strcmp(o, "invalid") == 0)
		out = OUT_INVALID;
	if (o != NULL)
		(void)http_form_tx(r, h_store, &out, "/done", NULL);
	if (strcmp(s, "303") == 0)
		return http_redirect(r, 303, "/done");
	/* (A form shown again has a body; a bare 4xx is an error page.) */
	if (strcmp(s, "422") == 0 || strcmp(s, "200") == 0)
		http_write(r, "form", 4);
	return atoi(s);
}

static int
h_cache(struct req *r)
{
	const char	*n = kv_get(r->qs, "nostore");

	http_header(r, "Cache-Control", "private, max-age=3600");
	if (n != NULL)
		http_nostore(r);
	http_write(r, "x", 1);
	return 200;
}

static int
h_go(struct req *r)
{
	return http_redirect(r, 303, kv_get(r->qs, "to"));
}

static int
h_stream(struct req *r)
{
	const char	*fail = kv_get(r->qs, "fail");

	http_stream(r, "text/csv; charset=utf-8");
	http_write(r, "a,b\r\n1,2\r\n", 10);
	return fail != NULL ? 500 : 200;
}

static int
h_home(struct req *r)
{
	http_write(r, "home", 4);
	return 200;
}

static const struct route routes[] = {
	{ "GET", "/", h_home, 0, NULL, 0, 0 },
	{ "POST", "/name", h_echo, 0, PARAMS(name_params), R_NOCSRF },
	{ "POST", "/upload", h_echo, 0, PARAMS(upload_params),
	    R_NOCSRF | R_UPLOAD },
	{ "POST", "/store", h_upload, 0, PARAMS(upload_params),
	    R_NOCSRF | R_UPLOAD },
	{ "GET", "/cache", h_cache, 0, NULL, 0, 0 },
	{ "GET", "/go", h_go, 0, NULL, 0, 0 },
	{ "GET", "/export.csv", h_stream, 0, NULL, 0, 0 },
	{ "GET", "/secret/{id}", h_home, 0, NULL, 0, R_LOGIN },
};

static const struct app app = {
	.name = "test",
	.prefix = "",
	.layout = "layout/none",
	.db_account = "test",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
};

/* Files in var/uploads. */
static int
h_files(void)
{
	char		 path[300];
	DIR		*d;
	struct dirent	*e;
	int		 n = 0;

	snprintf(path, sizeof(path), "%s/uploads", h_var);
	if ((d = opendir(path)) == NULL)
		return -1;
	while ((e = readdir(d)) != NULL)
		if (e->d_name[0] != '.')
			n++;
	closedir(d);
	return n;
}

static const char *
mp(const char *filename, size_t *len)
{
	struct buf	 b;

	buf_init(&b, h_life);
	buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"title\"\r\n\r\nعنوان\r\n");
	buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; name=\"doc\"; "
	    "filename=\"");
	buf_adds(&b, filename);
	buf_adds(&b, "\"\r\nContent-Type: application/pdf\r\n\r\n"
	    "%PDF-1.4\n%%EOF\n\r\n--XyZ--\r\n");
	*len = b.len;
	return b.data;
}

static void
test_upload_names(void)
{
	struct hres	 res;
	const char	*ct = "multipart/form-data; boundary=XyZ", *body;
	struct buf	 name, want;
	size_t		 len, i;
	static const char *const bad[] = { "a\xff.pdf", "\x80.pdf",
	    "\xc0\xaf.pdf", "a\x01.pdf", "cod\xe2\x80\xae" "fdp.exe",
	    "a\xe2\x80\x8b.pdf" };

	buf_init(&name, h_life);
	for (i = 0; i < 60; i++)
		buf_adds(&name, "تقرير");	/* 600 bytes */
	body = mp(name.data, &len);
	h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
	/* 255 bytes is 127 two-byte letters and one byte over. */
	buf_init(&want, h_life);
	buf_adds(&want, "name=[");
	buf_add(&want, name.data, 254);
	buf_adds(&want, "]\n");
	t_ok(res.status == 200 && h_has(&res, want.data),
	    "a 600-byte Arabic name is cut to 254 bytes, not inside a "
	    "letter");
	if (!h_has(&res, want.data))
		printf("#   %.400s\n", res.body);
	buf_adds(&name, ".pdf");
	body = mp(name.data, &len);
	h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
	buf_reset(&want);
	buf_adds(&want, "name=[");
	buf_add(&want, name.data, 250);
	buf_adds(&want, ".pdf]\n");
	t_ok(res.status == 200 && h_has(&res, want.data),
	    "with an extension, the extension is kept: 250 + 4 bytes");
	if (!h_has(&res, want.data))
		printf("#   %.400s\n", res.body);
	body = mp("قصير.pdf", &len);
	h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
	t_ok(h_has(&res, "name=[قصير.pdf]"), "a short name is kept whole");
	for (i = 0; i < sizeof(bad) / sizeof(bad[0]); i++) {
		body = mp(bad[i], &len);
		h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
		t_ok(res.status == 422 && h_has(&res, "doc:set=0") &&
		    h_has(&res, "The file name is not valid text") &&
		    h_has(&res, "title:set=1:s=[عنوان]"),
		    "a file name with bad bytes (#%zu) is refused with a "
		    "message, the other fields kept", i);
	}
	t_eq_int(h_files(), 0, "none of those left a file");
}

static void
test_upload_kept(void)
{
	struct hres	 res;
	const char	*ct = "multipart/form-data; boundary=XyZ", *body;
	size_t		 len, i;
	static const struct {
		const char	*uri;
		int		 status, kept;
		const char	*what;
	} cases[] = {
		{ "/store?o=ok&s=303", 303, 1, "stored, then 303: kept" },
		{ "/store?o=ok&s=201", 201, 1, "stored, then 201: kept" },
		{ "/store?s=303", 303, 0, "303 without storing: removed" },
		{ "/store?s=200", 200, 0, "a form shown again (200): removed" },
		{ "/store?s=404", 404, 0, "404 decided by the handler: removed" },
		{ "/store?s=409", 409, 0, "409: removed" },
		{ "/store?s=422", 422, 0, "422: removed" },
		{ "/store?s=403", 403, 0, "403: removed" },
		{ "/store?s=500", 500, 0, "500: removed" },
		{ "/store?o=invalid&s=422", 422, 0,
		    "a transaction that refused the input: removed" },
		{ "/store?o=ok&s=409", 409, 0,
		    "stored but answered with an error: removed" },
	};

	http_form_tx_run = h_tx_run;
	http_form_claim = h_claim;
	body = mp("report.pdf", &len);
	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		int before = h_files();
		h_req(&app, "POST", cases[i].uri, NULL, ct, body, len, &res);
		t_ok(res.status == cases[i].status &&
		    h_files() - before == cases[i].kept, "upload, %s",
		    cases[i].what);
		if (res.status != cases[i].status)
			printf("#   got %d\n", res.status);
	}
}

static void
test_names(void)
{
	struct hres	 res;
	const char	*ok = "title=%D9%84%D9%8A%D9%84%D9%89&note=x";

	h_req(&app, "POST", "/name", NULL,
	    "application/x-www-form-urlencoded", ok, strlen(ok), &res);
	t_ok(res.status == 200 && h_has(&res, "title:set=1:s=[ليلى]"),
	    "P_NAME: a plain name passes");
	{
		static const char *const enc[] = { "%E2%80%AE", "%E2%80%AA",
		    "%E2%81%A6", "%E2%81%A9", "%E2%80%8B", "%E2%80%8D",
		    "%E2%80%8F", "%EF%BB%BF", "%D8%9C", "%E2%80%A8" };
		size_t i;
		for (i = 0; i < sizeof(enc) / sizeof(enc[0]); i++) {
			char *b = arena_printf(h_life, "title=%%D9%%84%s%%D9%%8A"
			    "&note=a%sb", enc[i], enc[i]);
			h_req(&app, "POST", "/name", NULL,
			    "application/x-www-form-urlencoded", b, strlen(b),
			    &res);
			t_ok(res.status == 422 && h_has(&res,
			    "title:set=0:s=[لي]:err=Contains invisible") &&
			    h_has(&res, "nerr=1"),
			    "P_NAME: %s refused, the value shown without it; "
			    "a field without P_NAME is not checked", enc[i]);
		}
	}
}

static void
test_redirects(void)
{
	struct hres	 res;
	static const struct {
		const char	*uri, *location;
	} cases[] = {
		{ "/lang/en?next=%09", "/" },
		{ "/lang/en?next=/%09/evil.example", "/" },
		{ "/lang/en?next=/a%0d", "/" },
		{ "/lang/en?next=/a%0d%0aSet-Cookie:%20x=1", "/" },
		{ "/lang/en?next=//evil.example", "/" },
		{ "/lang/en?next=/%5cevil.example", "/" },
		{ "/lang/en?next=/a%5cb", "/" },
		{ "/lang/en?next=/a%20b%22", "/a%20b%22" },
		{ "/lang/en?next=/a%7f", "/" },
		{ "/lang/en?next=/a%ff", "/" },
		{ "/lang/en?next=https://evil.example/", "/" },
		{ "/lang/en", "/" },
		{ "/lang/en?next=/consultations?q=1", "/consultations?q=1" },
		{ "/lang/en?next=/%D8%B4", "/%D8%B4" },
		{ "/go?to=/%0a", "/" },
		{ "/go?to=/ok", "/ok" },
	};
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		h_get(&app, cases[i].uri, NULL, &res);
		t_ok(res.status == 303 && h_header(&res, "Location") != NULL &&
		    strcmp(h_header(&res, "Location"), cases[i].location) == 0,
		    "%s: 303 to %s", cases[i].uri, cases[i].location);
		if (h_header(&res, "Location") == NULL ||
		    strcmp(h_header(&res, "Location"), cases[i].location) != 0)
			printf("#   %d %s\n", res.status,
			    h_header(&res, "Location") ?
			    h_header(&res, "Location") : "(no Location)");
	}
	{
		char *const env[] = { "REQUEST_METHOD=GET",
		    "DOCUMENT_URI=/secret/7", "QUERY_STRING=",
		    "HTTP_HOST=" H_HOST, NULL };
		struct buf out;
		buf_init(&out, h_a);
		http_serve_mem(&app, NULL, h_a, env, NULL, 0, &out);
		t_ok(strstr(out.data, "Location: /login?next=/secret/7\r\n")
		    != NULL, "the login redirect keeps the path readable");
	}
}

static void
test_cache(void)
{
	struct hres	 res;
	const char	*cookie[] = { "HTTP_COOKIE=sk_session=whatever", NULL };
	const char	*cc;

	h_get(&app, "/cache", NULL, &res);
	t_eq_str(h_header(&res, "Cache-Control"), "private, max-age=3600",
	    "anonymous: the handler's Cache-Control stays");
	h_get(&app, "/cache?nostore=1", NULL, &res);
	t_eq_str(h_header(&res, "Cache-Control"), "no-store",
	    "http_nostore: no-store instead");
	h_get(&app, "/cache", cookie, &res);
	cc = strstr(res.head, "Cache-Control");
	t_ok(cc != NULL && strcmp(h_header(&res, "Cache-Control"),
	    "no-store") == 0 && strstr(cc + 1, "Cache-Control") == NULL,
	    "a request with a session cookie: only Cache-Control: no-store");
	h_get(&app, "/nope", cookie, &res);
	t_ok(res.status == 404 && h_header(&res, "Cache-Control") != NULL &&
	    strcmp(h_header(&res, "Cache-Control"), "no-store") == 0,
	    "its error pages too");
	h_get(&app, "/export.csv", cookie, &res);
	t_eq_str(h_header(&res, "Cache-Control"), "no-store",
	    "and a streamed export");
}

/* One request with our own I/O, to see req.aborted. */
static int
h_serve(const char *uri, struct req *r, struct buf *out)
{
	char		*env[6];
	struct http_io	 io;
	const char	*q = strchr(uri, '?');

	env[0] = "REQUEST_METHOD=GET";
	env[1] = arena_printf(h_a, "DOCUMENT_URI=%.*s", q ? (int)(q - uri) :
	    (int)strlen(uri), uri);
	env[2] = arena_printf(h_a, "QUERY_STRING=%s", q ? q + 1 : "");
	env[3] = "HTTP_HOST=" H_HOST;
	env[4] = NULL;
	memset(&io, 0, sizeof(io));
	io.envp = env;
	io.write = h_write;
	io.read = h_read;
	{
		static struct h_io m;
		memset(&m, 0, sizeof(m));
		m.body = "";
		m.out = out;
		io.ctx = &m;
		http_serve(&app, r, &io, NULL, h_a);
	}
	return r->status;
}

static void
test_stream(void)
{
	struct req	 r;
	struct buf	 out;

	arena_reset(h_a);
	buf_init(&out, h_a);
	h_serve("/export.csv", &r, &out);
	t_ok(!r.aborted && strstr(out.data, "Status: 200") != NULL &&
	    strstr(out.data, "1,2\r\n") != NULL, "a stream that ends well is "
	    "not cut");
	arena_reset(h_a);
	buf_init(&out, h_a);
	h_serve("/export.csv?fail=1", &r, &out);
	t_ok(r.aborted && r.status == 500, "a stream whose handler fails "
	    "after it began is cut (req.aborted, logged as 500)");
	t_ok(strstr(out.data, "Something went wrong") == NULL,
	    "  and nothing is appended to what was sent");
}

/* The program log of one request, from stderr. */
static const char *
h_logged(const char *uri, const char *const *hdrs)
{
	struct hres	 res;
	char		 path[300], *text;
	int		 fd, saved;
	FILE		*f;
	long		 n;

	snprintf(path, sizeof(path), "%s/log.txt", h_var);
	fflush(stderr);
	saved = dup(2);
	fd = open(path, O_WRONLY | O_CREAT | O_TRUNC, 0600);
	dup2(fd, 2);
	close(fd);
	h_get(&app, uri, hdrs, &res);
	fflush(stderr);
	dup2(saved, 2);
	close(saved);
	if ((f = fopen(path, "rb")) == NULL)
		return "";
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	rewind(f);
	text = arena_alloc(h_life, (size_t)n + 1);
	text[fread(text, 1, (size_t)n, f)] = '\0';
	fclose(f);
	return text;
}

static void
test_log_lines(void)
{
	/* As nginx hands them over: decoded. */
	static const char *const paths[] = { "/x\nforged 200",
	    "/x\r\n2026-01-01T00:00:00Z forged", "/x\t\x1b\x7f",
	    "/x\xe2\x80\xa8y", "/x\xc2\x85y", "/x\xff" };
	const char	*text;
	size_t		 i;
	int		 lines;

	for (i = 0; i < sizeof(paths) / sizeof(paths[0]); i++) {
		const char *p;
		text = h_logged(paths[i], NULL);
		for (lines = 0, p = text; *p; p++)
			lines += *p == '\n';
		t_ok(lines == 1 && strchr(text, '\r') == NULL &&
		    strstr(text, "\xe2\x80\xa8") == NULL &&
		    strstr(text, " GET /x") != NULL,
		    "GET path #%zu: one log line, nothing raw in it", i);
		if (lines != 1)
			printf("#   %s", text);
	}
	text = h_logged("/x\ny", NULL);
	t_ok(strstr(text, "GET /x\\x0ay 404") != NULL,
	    "the path is logged with \\x0a");
	{
		const char *hdrs[] = { "REQUEST_ID=abc\n123", NULL };
		text = h_logged("/", hdrs);
		t_ok(strstr(text, "req=abc_123 ") != NULL,
		    "a request id is one token whatever comes");
	}
}

int
main(void)
{
	harness_init("[limits]\nbody_max = 4096\nupload_max = 400000\n");
	test_log_escape();
	test_utf8();
	test_upload_names();
	test_upload_kept();
	test_names();
	test_redirects();
	test_cache();
	test_stream();
	test_log_lines();
	return t_done();
}
