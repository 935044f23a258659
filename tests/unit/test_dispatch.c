/*
 * test_dispatch.c — whole requests through the dispatcher (harness.h):
 * route matching (404, 405 with Allow, HEAD, {id} digits only,
 * {x:slug}, {x:ref}), undeclared keys dropped, GET query vs POST body
 * (P_QUERY), same-origin and CSRF (missing or foreign Origin, foreign
 * Referer, Sec-Fetch-Site cross-site, missing or wrong token → 403),
 * login and permission, body limits (413) and types (415), the
 * response headers, and multipart bodies read in pieces of every size.
 */
#include <stdio.h>
#include <string.h>

#include "harness.h"
#include "t.h"

static const char *const colours[] = { "red", "green", NULL };

enum { E_Q, E_N, E_TAG, E_FROM, E__MAX };
static const struct param echo_params[E__MAX] = {
	[E_Q] = { .name = "q", .type = PT_STR, .max = 10 },
	[E_N] = { .name = "n", .type = PT_INT, .min = 1, .max = 100 },
	[E_TAG] = { .name = "tag", .type = PT_ENUM, .flags = P_MULTI,
	    .choices = colours },
	[E_FROM] = { .name = "from", .type = PT_STR, .flags = P_QUERY },
};

enum { U_TITLE, U_DOC, U__MAX };
static const struct param upload_params[U__MAX] = {
	[U_TITLE] = { .name = "title", .type = PT_STR, .flags = P_REQ },
	[U_DOC] = { .name = "doc", .type = PT_FILE, .flags = P_REQ,
	    .max = 1000, .accept = "pdf" },
};

static int
h_home(struct req *r)
{
	http_write(r, "home", 4);
	return 200;
}

static int
h_seg(struct req *r)
{
	char	 b[200];
	int	 n = snprintf(b, sizeof(b), "seg=%s segi=%lld nseg=%d",
	    r->nseg ? r->seg[0] : "-", r->nseg ? r->segi[0] : -1, r->nseg);

	http_write(r, b, (size_t)n);
	return 200;
}

/* Every declared value as the handler sees it. */
static int
h_echo(struct req *r)
{
	struct buf	 b;
	int		 i, k;

	buf_init(&b, r->a);
	for (i = 0; i < r->route->nparams; i++) {
		const struct pval *v = http_arg(r, i);
		buf_printf(&b, "%s:set=%d:s=%s:i=%lld:err=%s",
		    r->route->params[i].name, v->set, v->s ? v->s : "-", v->i,
		    v->err ? v->err : "-");
		for (k = 0; k < v->nvals; k++)
			buf_printf(&b, ":v=%s", v->vals[k]);
		if (v->file != NULL)
			buf_printf(&b, ":size=%zu:mime=%s:name=%s",
			    v->file->size, v->file->mime ? v->file->mime : "-",
			    v->file->orig_name);
		buf_adds(&b, "\n");
	}
	buf_printf(&b, "nerr=%d\n", r->nerr);
	buf_printf(&b, "evil=%s\n", http_param(r, "evil") == NULL ?
	    "dropped" : "SEEN");
	http_write(r, b.data, b.len);
	return 200;
}

static int
h_authz(struct req *r, int perm)
{
	(void)r;
	return perm == 7 ? -1 : 0;
}

static const struct route routes[] = {
	{ "GET", "/", h_home, 0, NULL, 0, 0 },
	{ "GET", "/c/{id}", h_seg, 0, NULL, 0, 0 },
	{ "POST", "/c/{id}", h_echo, 0, PARAMS(echo_params), 0 },
	{ "GET", "/f/{name:slug}", h_seg, 0, NULL, 0, 0 },
	{ "GET", "/r/{ref:ref}.json", h_seg, 0, NULL, 0, 0 },
	{ "GET", "/echo", h_echo, 0, PARAMS(echo_params), 0 },
	{ "POST", "/echo", h_echo, 0, PARAMS(echo_params), 0 },
	{ "POST", "/api", h_echo, 0, PARAMS(echo_params), R_NOCSRF },
	{ "POST", "/raw", h_home, 0, NULL, 0, R_NOCSRF | R_RAWBODY },
	{ "POST", "/upload", h_echo, 0, PARAMS(upload_params),
	    R_NOCSRF | R_UPLOAD },
	{ "POST", "/noupload", h_echo, 0, PARAMS(upload_params), R_NOCSRF },
	{ "GET", "/secret", h_home, 0, NULL, 0, R_LOGIN },
	{ "POST", "/secret", h_home, 0, NULL, 0, R_LOGIN },
	{ "GET", "/staffonly", h_home, 7, NULL, 0, 0 },
};

static const struct app app = {
	.name = "test",
	.prefix = "",
	.layout = "layout/none",
	.db_account = "test",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.authorize = h_authz,
};

static const struct app app_prefixed = {
	.name = "test",
	.prefix = "/staff",
	.layout = "layout/none",
	.db_account = "test",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
};

static void
test_routes(void)
{
	struct hres	 res;
	static const struct {
		const char	*method, *uri;
		int		 status;
		const char	*body;	/* contained, or NULL */
	} cases[] = {
		{ "GET", "/", 200, "home" },
		{ "GET", "/nope", 404, NULL },
		{ "GET", "", 404, NULL },
		{ "GET", "/c/42", 200, "seg=42 segi=42 nseg=1" },
		{ "GET", "/c/007", 200, "segi=7" },
		{ "GET", "/c/abc", 404, NULL },
		{ "GET", "/c/4a", 404, NULL },
		{ "GET", "/c/-1", 404, NULL },
		{ "GET", "/c/", 404, NULL },
		{ "GET", "/c/42/", 404, NULL },
		{ "GET", "/c/42/x", 404, NULL },
		{ "GET", "/c/1234567890123456789012345678901234567890123456789"
		    "012345678901234", 200, "nseg=1" },
		{ "GET", "/c/1234567890123456789012345678901234567890123456789"
		    "0123456789012345", 404, NULL },
		{ "GET", "/f/a-b_c1", 200, "seg=a-b_c1 segi=0" },
		{ "GET", "/f/ABC", 404, NULL },
		{ "GET", "/r/SH-GJBE9-eb84f.json", 200,
		    "seg=SH-GJBE9-eb84f segi=0" },
		{ "GET", "/r/SH.GJBE9.json", 404, NULL },
		{ "GET", "/r/SH%20X.json", 404, NULL },
		{ "GET", "/f/a.b", 404, NULL },
		{ "GET", "/f/a%2fb", 404, NULL },
		{ "GET", "/f/", 404, NULL },
		{ "GET", "/F/a", 404, NULL },
		{ "POST", "/nope", 404, NULL },
		{ "PUT", "/", 405, NULL },
		{ "DELETE", "/c/1", 405, NULL },
		{ "OPTIONS", "/", 405, NULL },
		{ "POST", "/", 405, NULL },
	};
	size_t		 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		h_req(&app, cases[i].method, cases[i].uri, NULL, NULL, NULL, 0,
		    &res);
		t_ok(res.status == cases[i].status && (cases[i].body == NULL ||
		    h_has(&res, cases[i].body)), "%s %s → %d", cases[i].method,
		    cases[i].uri, cases[i].status);
		if (res.status != cases[i].status)
			printf("#   got %d: %.200s\n", res.status, res.body);
	}

	h_req(&app, "POST", "/", NULL, NULL, NULL, 0, &res);
	t_eq_str(h_header(&res, "Allow"), "GET",
	    "405 for a known path names the methods it takes (Allow)");
	h_req(&app, "PUT", "/", NULL, NULL, NULL, 0, &res);
	t_eq_str(h_header(&res, "Allow"), "GET, HEAD, POST",
	    "405 for an unknown method names the three we take");

	h_req(&app, "HEAD", "/", NULL, NULL, NULL, 0, &res);
	t_ok(res.status == 200 && res.bodylen == 0,
	    "HEAD runs the GET route and sends no body");
	h_req(&app, "HEAD", "/nope", NULL, NULL, NULL, 0, &res);
	t_ok(res.status == 404 && res.bodylen == 0,
	    "HEAD of a missing page: 404 without a body");

	h_get(&app_prefixed, "/staff/c/5", NULL, &res);
	t_ok(res.status == 200 && h_has(&res, "segi=5"),
	    "routes match below the program's prefix");
	h_get(&app_prefixed, "/staff", NULL, &res);
	t_ok(res.status == 200 && h_has(&res, "home"),
	    "the bare prefix is its home page");

	h_get(&app, "/", NULL, &res);
	t_ok(h_header(&res, "Content-Security-Policy") != NULL &&
	    strstr(h_header(&res, "Content-Security-Policy"),
	    "frame-ancestors 'none'") != NULL,
	    "every response has the Content-Security-Policy");
	t_eq_str(h_header(&res, "X-Content-Type-Options"), "nosniff",
	    "X-Content-Type-Options: nosniff");
	t_eq_str(h_header(&res, "X-Frame-Options"), "DENY",
	    "X-Frame-Options: DENY");
	t_eq_str(h_header(&res, "Content-Length"), "4",
	    "Content-Length of a buffered body");
	t_ok(h_header(&res, "X-Request-Id") != NULL &&
	    strlen(h_header(&res, "X-Request-Id")) == 16,
	    "a request id is made when nginx gives none");
	{
		const char *hd[] = { "REQUEST_ID=abc123", NULL };
		h_get(&app, "/", hd, &res);
		t_eq_str(h_header(&res, "X-Request-Id"), "abc123",
		    "nginx's request id is kept");
	}
}

static void
test_input(void)
{
	struct hres	 res;

	h_get(&app, "/echo?q=hello&n=5&evil=1&tag=red&tag=green", NULL, &res);
	t_ok(res.status == 200 && h_has(&res, "q:set=1:s=hello") &&
	    h_has(&res, "n:set=1:s=5:i=5") &&
	    h_has(&res, ":v=red:v=green") && h_has(&res, "nerr=0"),
	    "GET: declared values reach the handler typed");
	t_ok(h_has(&res, "evil=dropped"), "GET: undeclared keys are dropped");

	h_get(&app, "/echo?n=500&q=01234567890&tag=blue", NULL, &res);
	t_ok(res.status == 200 && h_has(&res, "nerr=3") &&
	    h_has(&res, "n:set=0:s=500") &&
	    h_has(&res, "Enter a number from 1 to 100.") &&
	    h_has(&res, "Too long: at most 10 characters (you entered 11).") &&
	    h_has(&res, "Choose one of the options."),
	    "bad values reach the handler unset, kept and explained");

	h_get(&app, "/echo?q=%zz", NULL, &res);
	t_eq_int(res.status, 400, "a query that does not decode: 400");
	h_get(&app, "/echo?q=%E2%82", NULL, &res);
	t_ok(res.status == 200 && h_has(&res,
	    "Contains characters that are not allowed."),
	    "invalid UTF-8 in the query is refused per field");

	h_form(&app, "/echo?q=fromquery&from=query", "n=7&evil=2", &res);
	t_ok(res.status == 200 && h_has(&res, "q:set=0:s=-") &&
	    h_has(&res, "from:set=1:s=query") && h_has(&res, "i=7") &&
	    h_has(&res, "evil=dropped"),
	    "POST reads the body, and the query only for P_QUERY fields");

	h_form(&app, "/c/9", "q=x", &res);
	t_ok(res.status == 200 && h_has(&res, "q:set=1:s=x"),
	    "a POST route with a {capture} and a body");
}

static void
test_origin(void)
{
	struct hres	 res;
	const char	*cookie = arena_printf(h_life, "HTTP_COOKIE=sk_anon=%s",
	    h_anon);
	const char	*good = arena_printf(h_life, "q=a&csrf=%s", h_csrf);
	const char	*bad = "q=a&csrf="
	    "0000000000000000000000000000000000000000000000000000000000000000";
	const char	*ct = "application/x-www-form-urlencoded";
	size_t		 i;
	static const struct {
		const char	*origin, *referer, *sfs;
		int		 status;
		const char	*what;
	} cases[] = {
		{ H_BASE, NULL, NULL, 200, "Origin is the base URL" },
		{ "http://" H_HOST, NULL, NULL, 200, "Origin is this Host" },
		{ NULL, NULL, NULL, 200,
		    "no Origin and no Referer: the token decides" },
		{ NULL, H_BASE "/echo", NULL, 200, "Referer below the base" },
		{ NULL, H_BASE, NULL, 200, "Referer is the base" },
		{ H_BASE, NULL, "same-origin", 200, "Sec-Fetch-Site same-origin" },
		{ "https://evil.example", NULL, NULL, 403, "foreign Origin" },
		{ H_BASE ".evil.example", NULL, NULL, 403,
		    "Origin that only starts like ours" },
		{ "https://" H_HOST, NULL, NULL, 403,
		    "Origin with another scheme than the request's" },
		{ NULL, "https://evil.example/x", NULL, 403, "foreign Referer" },
		{ NULL, H_BASE ".evil.example/", NULL, 403,
		    "Referer that only starts like ours" },
		{ "null", "https://evil.example/", NULL, 403,
		    "Origin null falls back to a foreign Referer" },
		{ H_BASE, NULL, "cross-site", 403, "Sec-Fetch-Site cross-site" },
		{ NULL, NULL, "cross-site", 403,
		    "Sec-Fetch-Site cross-site without Origin" },
	};

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const char *hd[5];
		int n = 0;
		hd[n++] = cookie;
		if (cases[i].origin)
			hd[n++] = arena_printf(h_life, "HTTP_ORIGIN=%s",
			    cases[i].origin);
		if (cases[i].referer)
			hd[n++] = arena_printf(h_life, "HTTP_REFERER=%s",
			    cases[i].referer);
		if (cases[i].sfs)
			hd[n++] = arena_printf(h_life,
			    "HTTP_SEC_FETCH_SITE=%s", cases[i].sfs);
		hd[n] = NULL;
		h_req(&app, "POST", "/echo", hd, ct, good, strlen(good), &res);
		t_eq_int(res.status, cases[i].status, cases[i].what);
	}
	{
		const char *hd[] = { "HTTP_ORIGIN=" H_BASE, cookie, NULL };
		const char *nocookie[] = { "HTTP_ORIGIN=" H_BASE, NULL };
		h_req(&app, "POST", "/echo", hd, ct, "q=a", 3, &res);
		t_eq_int(res.status, 403, "no CSRF token: 403");
		h_req(&app, "POST", "/echo", hd, ct, bad, strlen(bad), &res);
		t_eq_int(res.status, 403, "a wrong CSRF token: 403");
		h_req(&app, "POST", "/echo", nocookie, ct, good, strlen(good),
		    &res);
		t_eq_int(res.status, 403, "a token without its cookie: 403");
		h_req(&app, "POST", "/echo?csrf=x", hd, ct, "q=a", 3, &res);
		t_eq_int(res.status, 403,
		    "a token in the query string does not count");
	}
	{
		const char *foreign[] = { "HTTP_ORIGIN=https://evil.example",
		    NULL };
		h_req(&app, "POST", "/api", foreign, ct, "q=a", 3, &res);
		t_eq_int(res.status, 200,
		    "an R_NOCSRF route takes a POST from anywhere (APIs)");
	}
}

static void
test_access(void)
{
	struct hres	 res;

	h_get(&app, "/secret", NULL, &res);
	t_ok(res.status == 303 && h_header(&res, "Location") != NULL &&
	    strcmp(h_header(&res, "Location"), "/login?next=/secret") == 0,
	    "R_LOGIN: GET while anonymous goes to the sign-in page");
	h_form(&app, "/secret", "", &res);
	t_eq_int(res.status, 403, "R_LOGIN: POST while anonymous is refused");
	h_get(&app, "/staffonly", NULL, &res);
	t_eq_int(res.status, 404,
	    "a route app.authorize refuses is not found for the anonymous");
	h_get(&app, "/", NULL, &res);
	t_ok(h_header(&res, "Set-Cookie") == NULL,
	    "a page without a form sets no cookie");
}

static void
test_bodies(void)
{
	struct hres	 res;
	char		*big;
	const char	*hd[] = { "HTTP_ORIGIN=" H_BASE, NULL };

	big = arena_alloc(h_life, 5000);
	memset(big, 'a', 4999);
	big[4999] = '\0';
	memcpy(big, "q=", 2);
	h_req(&app, "POST", "/api", hd, "application/x-www-form-urlencoded",
	    big, 4097, &res);
	t_eq_int(res.status, 413, "a body over [limits] body_max: 413");
	h_req(&app, "POST", "/api", hd, "application/x-www-form-urlencoded",
	    big, 4096, &res);
	t_eq_int(res.status, 200, "a body of exactly body_max is read");
	h_req(&app, "POST", "/api", hd, "text/plain", "q=a", 3, &res);
	t_eq_int(res.status, 415, "a form POST that is not urlencoded: 415");
	h_req(&app, "POST", "/raw", hd, "application/json", "{}", 2, &res);
	t_eq_int(res.status, 200, "R_RAWBODY takes any type");
	{
		const char *lie[] = { "HTTP_ORIGIN=" H_BASE,
		    "CONTENT_LENGTH=10", NULL };
		h_req(&app, "POST", "/api", lie,
		    "application/x-www-form-urlencoded", NULL, 0, &res);
		t_eq_int(res.status, 400,
		    "a body shorter than its Content-Length: 400");
	}
}

static const char *
mp_body(const char *title, const char *filename, const char *data,
    size_t datalen, size_t *len)
{
	struct buf	 b;

	buf_init(&b, h_life);
	buf_adds(&b, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"title\"\r\n\r\n");
	buf_adds(&b, title);
	buf_adds(&b, "\r\n--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"evil\"\r\n\r\nx\r\n");
	buf_printf(&b, "--XyZ\r\nContent-Disposition: form-data; "
	    "name=\"doc\"; filename=\"%s\"\r\nContent-Type: "
	    "application/octet-stream\r\n\r\n", filename);
	buf_add(&b, data, datalen);
	buf_adds(&b, "\r\n--XyZ--\r\n");
	*len = b.len;
	return b.data;
}

static void
test_multipart(void)
{
	struct hres	 res;
	const char	*ct = "multipart/form-data; boundary=XyZ";
	const char	*body;
	size_t		 len, chunks[] = { 1, 2, 3, 7, 64, 1 << 20 }, i;
	const char	 pdf[] = "%PDF-1.4\n\x01\x02 binary \r\n--XyZ no\r\n";
	char		*a = arena_printf(h_life, "عنوان");

	body = mp_body(a, "report.pdf", pdf, sizeof(pdf) - 1, &len);
	for (i = 0; i < sizeof(chunks) / sizeof(chunks[0]); i++) {
		char want[200];
		h_chunk(chunks[i]);
		h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
		snprintf(want, sizeof(want), "doc:set=1:s=report.pdf:i=0:err=-"
		    ":size=%zu:mime=application/pdf", sizeof(pdf) - 1);
		t_ok(res.status == 200 && h_has(&res, "title:set=1:s=عنوان") &&
		    h_has(&res, want) && h_has(&res, "evil=dropped") &&
		    h_has(&res, "nerr=0"),
		    "multipart read %zu byte(s) at a time: fields and file",
		    chunks[i]);
		if (res.status != 200 || !h_has(&res, want))
			printf("#   %d %.300s\n", res.status, res.body);
	}
	h_chunk(1 << 20);

	body = mp_body("t", "x.png", "\x89PNG\r\n\x1a\n....", 12, &len);
	h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
	t_ok(res.status == 200 && h_has(&res,
	    "This type of file is not accepted.") && h_has(&res, "nerr=1"),
	    "a file of a type the field does not accept (sniffed, not "
	    "named)");
	body = mp_body("t", "fake.pdf", "GIF89a", 6, &len);
	h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
	t_ok(res.status == 200 && h_has(&res,
	    "This type of file is not accepted."),
	    "a file named .pdf that is not a PDF is refused");
	{
		char big[1100];
		memcpy(big, "%PDF-", 5);
		memset(big + 5, 'x', sizeof(big) - 5);
		body = mp_body("t", "big.pdf", big, sizeof(big), &len);
		h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
		t_ok(res.status == 200 && h_has(&res, "The file is too large"),
		    "a file over the field's max is refused per field");
	}
	body = mp_body("t", "", "", 0, &len);
	h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
	t_ok(res.status == 200 && h_has(&res, "Choose a file."),
	    "an empty file input is no file (required: a message)");

	body = mp_body("t", "report.pdf", pdf, sizeof(pdf) - 1, &len);
	h_req(&app, "POST", "/noupload", NULL, ct, body, len, &res);
	t_ok(res.status == 200 && h_has(&res, "title:set=1:s=t") &&
	    h_has(&res, "Choose a file."),
	    "a route without R_UPLOAD stores no file");

	h_req(&app, "POST", "/upload", NULL, ct, body, len - 5, &res);
	t_eq_int(res.status, 400, "a truncated multipart body: 400");
	h_req(&app, "POST", "/upload", NULL,
	    "multipart/form-data; boundary=Other", body, len, &res);
	t_eq_int(res.status, 400, "a body with another boundary: 400");
	h_req(&app, "POST", "/upload", NULL, "multipart/form-data", body, len,
	    &res);
	t_eq_int(res.status, 400, "multipart without a boundary: 400");
	{
		/* One text field over HTTP_FIELDMAX inside an upload body. */
		size_t n = HTTP_FIELDMAX + 10;
		char *t = arena_alloc(h_life, n + 1);
		memset(t, 'a', n);
		t[n] = '\0';
		body = mp_body(t, "r.pdf", pdf, sizeof(pdf) - 1, &len);
		h_req(&app, "POST", "/upload", NULL, ct, body, len, &res);
		t_eq_int(res.status, 413,
		    "a multipart text field over 256 KiB: 413");
	}
}

static void
test_serve_mem(void)
{
	struct buf	 out;
	struct arena	*a = arena_new(4096);
	char *const	 env[] = { "REQUEST_METHOD=GET", "DOCUMENT_URI=/c/3",
	    "HTTP_HOST=" H_HOST, NULL };

	buf_init(&out, a);
	t_eq_int(http_serve_mem(&app, NULL, a, env, NULL, 0, &out), 200,
	    "http_serve_mem answers from memory");
	t_ok(strncmp(out.data, "Status: 200 OK\r\n", 16) == 0 &&
	    strstr(out.data, "\r\n\r\nseg=3 segi=3") != NULL,
	    "http_serve_mem captures the status line, headers and body");
	arena_free(a);
}

int
main(void)
{
	harness_init("[limits]\nbody_max = 4096\nupload_max = 400000\n");
	test_routes();
	test_input();
	test_origin();
	test_access();
	test_bodies();
	test_multipart();
	test_serve_mem();
	return t_done();
}
