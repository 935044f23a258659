/*
 * http.c — see http.h.  The request loop, routing, declared input,
 * origin and CSRF checks, uploads, and the one response writer.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <time.h>
#include <unistd.h>

#include <fcgiapp.h>
#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "cookie.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "log.h"
#include "multipart.h"
#include "session.h"
#include "sql_gen.h"
#include "tmpl.h"
#include "urlenc.h"
#include "utf8.h"
#include "vm.h"

#define HTTP_MAXPAIRS	1000
#define HTTP_FIELDMAX	(256 * 1024)	/* one text field of a multipart */

static const char	*http_baseurl = "";
static volatile sig_atomic_t http_stop;

static const char *
http_reason(int status)
{
	switch (status) {
	case 200: return "OK";
	case 201: return "Created";
	case 204: return "No Content";
	case 301: return "Moved Permanently";
	case 302: return "Found";
	case 303: return "See Other";
	case 304: return "Not Modified";
	case 400: return "Bad Request";
	case 403: return "Forbidden";
	case 404: return "Not Found";
	case 405: return "Method Not Allowed";
	case 409: return "Conflict";
	case 410: return "Gone";
	case 413: return "Payload Too Large";
	case 415: return "Unsupported Media Type";
	case 422: return "Unprocessable Content";
	case 429: return "Too Many Requests";
	case 500: return "Internal Server Error";
	case 503: return "Service Unavailable";
	default: return "Status";
	}
}

const char *
http_base_url(void)
{
	return http_baseurl;
}

const char *
tr(const struct req *r, const char *msgid)
{
	return i18n_get(r->lang, msgid);
}

const char *
http_cookie(const struct req *r, const char *name)
{
	return kv_get(r->cookies, name);
}

/* ---- response ---------------------------------------------------- */

static int
http_header_ok(const char *s)
{
	for (; *s; s++)
		if (*s == '\r' || *s == '\n' || (unsigned char)*s < 0x20)
			return 0;
	return 1;
}

void
http_header(struct req *r, const char *name, const char *value)
{
	/* Header injection is refused, not escaped. */
	if (!http_header_ok(name) || !http_header_ok(value)) {
		log_warnx("%s: control character in header %s dropped",
		    __func__, name);
		return;
	}
	buf_printf(&r->hdrs, "%s: %s\r\n", name, value);
}

void
http_cookie_set(struct req *r, const char *name, const char *value,
    long maxage)
{
	struct buf	 b;

	buf_init(&b, r->a);
	buf_printf(&b, "%s=%s; Path=/; HttpOnly; SameSite=Lax", name, value);
	if (maxage > 0)
		buf_printf(&b, "; Max-Age=%ld", maxage);
	else if (value[0] == '\0')
		buf_adds(&b, "; Max-Age=0");
	/* Secure behind HTTPS, whether configured or told by nginx. */
	if (conf_bool("app", "secure_cookies", 0) || (r->fcgx != NULL &&
	    FCGX_GetParam("HTTPS", ((FCGX_Request *)r->fcgx)->envp) != NULL))
		buf_adds(&b, "; Secure");
	http_header(r, "Set-Cookie", b.data);
}

int
http_redirect(struct req *r, int status, const char *url)
{
	/* Only local paths: no open redirect. */
	if (url == NULL || url[0] != '/' || url[1] == '/' || url[1] == '\\')
		url = "/";
	r->status = status ? status : 303;
	http_header(r, "Location", url);
	return r->status;
}

static void
http_security_headers(struct req *r)
{
	buf_adds(&r->hdrs,
	    "Content-Security-Policy: default-src 'self'; script-src 'self'; "
	    "style-src 'self'; img-src 'self' data:; font-src 'self'; "
	    "connect-src 'self'; form-action 'self'; frame-ancestors 'none'; "
	    "base-uri 'none'; object-src 'none'\r\n"
	    "X-Content-Type-Options: nosniff\r\n"
	    "Referrer-Policy: same-origin\r\n"
	    "X-Frame-Options: DENY\r\n"
	    "Permissions-Policy: camera=(), microphone=(), geolocation=()\r\n");
}

static void
http_send_headers(struct req *r, int with_length)
{
	FCGX_Request	*f = r->fcgx;
	struct buf	 h;

	buf_init(&h, r->a);
	buf_printf(&h, "Status: %d %s\r\n", r->status,
	    http_reason(r->status));
	if (r->status != 304 && r->status != 204)
		buf_printf(&h, "Content-Type: %s\r\n", r->ctype_out ?
		    r->ctype_out : "text/html; charset=utf-8");
	if (with_length && r->status != 304 && r->status != 204)
		buf_printf(&h, "Content-Length: %zu\r\n", r->body.len);
	if (conf_bool("app", "expose_query_count", 0))
		buf_printf(&h, "X-Sharek-Queries: %d\r\n", db_count(r->db));
	buf_printf(&h, "X-Request-Id: %s\r\n", r->reqid);
	buf_add(&h, r->hdrs.data, r->hdrs.len);
	buf_adds(&h, "\r\n");
	FCGX_PutStr(h.data, (int)h.len, f->out);
	r->sent_headers = 1;
}

void
http_stream(struct req *r, const char *ctype)
{
	r->ctype_out = ctype;
	r->status = 200;
	r->streaming = 1;
	http_security_headers(r);
	http_send_headers(r, 0);
}

void
http_write(struct req *r, const void *p, size_t n)
{
	FCGX_Request	*f = r->fcgx;

	if (r->head)
		return;
	if (r->streaming) {
		FCGX_PutStr(p, (int)n, f->out);
		return;
	}
	buf_add(&r->body, p, n);
}

int
http_fresh(struct req *r, const char *etag, time_t lastmod)
{
	FCGX_Request	*f = r->fcgx;
	const char	*inm = FCGX_GetParam("HTTP_IF_NONE_MATCH", f->envp);
	const char	*ims = FCGX_GetParam("HTTP_IF_MODIFIED_SINCE",
	    f->envp);
	char		 date[64];
	struct tm	 tm;

	if (etag != NULL)
		http_header(r, "ETag", etag);
	if (lastmod > 0) {
		gmtime_r(&lastmod, &tm);
		strftime(date, sizeof(date), "%a, %d %b %Y %H:%M:%S GMT",
		    &tm);
		http_header(r, "Last-Modified", date);
	}
	http_header(r, "Cache-Control", "no-cache");
	if (etag != NULL && inm != NULL)
		return strstr(inm, etag) != NULL || strcmp(inm, "*") == 0;
	if (lastmod > 0 && ims != NULL) {
		memset(&tm, 0, sizeof(tm));
		if (strptime(ims, "%a, %d %b %Y %H:%M:%S GMT", &tm) != NULL)
			return timegm(&tm) >= lastmod;
	}
	return 0;
}

const char *
http_nonce(struct req *r)
{
	unsigned char	 raw[16];
	char		*hex = arena_alloc(r->a, 33);

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(hex, 33, raw, sizeof(raw));
	return hex;
}

int
http_nonce_claim(struct req *r, const char *result_url, const char **prev)
{
	const char	*hex = http_str(r, "nonce");
	unsigned char	 raw[16];
	struct dbres	*res;
	size_t		 n;

	*prev = NULL;
	/* A form without a nonce (an API client) is not deduplicated. */
	if (hex == NULL)
		return 0;
	if (sodium_hex2bin(raw, sizeof(raw), hex, strlen(hex), NULL, &n,
	    NULL) != 0 || n != sizeof(raw))
		return 0;
	if (db_exec(r->db, SQL_NONCE_CLAIM, "bus", raw, sizeof(raw),
	    r->sess ? r->sess->user_id : 0ULL, result_url) == 1)
		return 0;
	if (db_errno(r->db) != DB_ER_DUP_ENTRY)
		return -1;
	res = db_query(r->db, r->a, SQL_NONCE_RESULT, "b", raw, sizeof(raw));
	if (res != NULL && dbres_next(res))
		*prev = dbres_str(res, 0);
	return 1;
}

/* ---- models and rendering ---------------------------------------- */

struct val *
http_model(struct req *r)
{
	struct val	*m = vm_obj(r->a), *u;
	time_t		 now = time(NULL);
	struct tm	 tm;

	gmtime_r(&now, &tm);
	vm_str(m, "lang", r->lang);
	vm_str(m, "dir", i18n_dir(r->lang));
	vm_bool(m, "is_ar", strcmp(r->lang, "ar") == 0);
	vm_str(m, "other_lang", strcmp(r->lang, "ar") == 0 ? "en" : "ar");
	vm_str(m, "other_lang_name", strcmp(r->lang, "ar") == 0 ?
	    "English" : "العربية");
	vm_str(m, "path", r->fullpath);
	vm_str(m, "prefix", r->app->prefix);
	vm_str(m, "program", r->app->name);
	vm_str(m, "reqid", r->reqid);
	vm_int(m, "year", tm.tm_year + 1900);
	vm_str(m, "csrf", session_csrf(r));
	vm_str(m, "nonce", http_nonce(r));
	if (r->sess != NULL) {
		u = vm_child(m, "user");
		vm_str(u, "name", r->sess->name);
		vm_str(u, "email", r->sess->email);
		vm_str(u, "role", r->sess->role);
		vm_int(u, "uid", (long long)r->sess->user_id);
		vm_bool(m, "is_staff", strcmp(r->sess->role, "citizen") != 0);
	}
	if (r->app->decorate != NULL)
		r->app->decorate(r, m);
	return m;
}

int
http_render(struct req *r, const char *name, struct val *m)
{
	const struct tmpl	*t = tmpl_find(name), *layout;
	struct buf		 content;

	if (t == NULL) {
		log_warnx("%s: no template %s", __func__, name);
		return http_error(r, 500);
	}
	if (r->status == 0)
		r->status = 200;
	r->ctype_out = "text/html; charset=utf-8";
	buf_init(&content, r->a);
	tmpl_render(&content, t, m, r->lang);
	layout = tmpl_find(r->app->layout);
	if (layout == NULL) {
		buf_add(&r->body, content.data, content.len);
		return r->status;
	}
	vm_str(m, "content", content.data);
	tmpl_render(&r->body, layout, m, r->lang);
	return r->status;
}

int
http_error(struct req *r, int status)
{
	struct val	*m;
	const char	*title, *msg;

	switch (status) {
	case 400:
		title = N_("Bad request");
		msg = N_("The request could not be understood. Please check what "
		    "you entered and try again.");
		break;
	case 403:
		title = N_("Not allowed");
		msg = N_("You do not have permission to do this, or the form has "
		    "expired. Go back, reload the page and try again.");
		break;
	case 404:
		title = N_("Page not found");
		msg = N_("The page you asked for does not exist or is not "
		    "available to you.");
		break;
	case 405:
		title = N_("Method not allowed");
		msg = N_("This address does not accept this kind of request.");
		break;
	case 409:
		title = N_("Not possible now");
		msg = N_("This cannot be done in the current state of the item "
		    "(it may have moved on since the page was loaded). Reload "
		    "the page to see where it stands.");
		break;
	case 410:
		title = N_("No longer available");
		msg = N_("What you asked for has expired or was already used.");
		break;
	case 415:
		title = N_("Unsupported format");
		msg = N_("The form was sent in a format this page does not "
		    "accept.");
		break;
	case 413:
		title = N_("Too large");
		msg = N_("What you sent is larger than allowed. Please send a "
		    "smaller file or a shorter text.");
		break;
	case 429:
		title = N_("Too many attempts");
		msg = N_("Too many attempts in a short time. Please wait a few "
		    "minutes and try again.");
		break;
	case 503:
		title = N_("Busy");
		msg = N_("The service is busy. Please try again in a moment.");
		break;
	default:
		status = 500;
		title = N_("Something went wrong");
		msg = N_("An unexpected error occurred. It has been logged; "
		    "please try again later.");
		break;
	}
	r->status = status;
	buf_reset(&r->body);
	m = http_model(r);
	vm_int(m, "status", status);
	vm_str(m, "title", tr(r, title));
	vm_str(m, "error_title", tr(r, title));
	vm_str(m, "error_message", tr(r, msg));
	if (tmpl_find("error") == NULL) {
		r->ctype_out = "text/plain; charset=utf-8";
		buf_adds(&r->body, tr(r, title));
		return status;
	}
	http_render(r, "error", m);
	r->status = status;
	return status;
}

/* ---- input -------------------------------------------------------- */

const struct pval *
http_param(const struct req *r, const char *name)
{
	int	 i;

	if (r->route == NULL || r->pv == NULL)
		return NULL;
	for (i = 0; i < r->route->nparams; i++)
		if (strcmp(r->route->params[i].name, name) == 0)
			return &r->pv[i];
	/* Implicit fields of every POST. */
	if (strcmp(name, "nonce") == 0)
		return &r->pv[r->route->nparams];
	if (strcmp(name, "csrf") == 0)
		return &r->pv[r->route->nparams + 1];
	return NULL;
}

const char *
http_str(const struct req *r, const char *name)
{
	const struct pval *p = http_param(r, name);

	return p != NULL && p->set ? p->s : NULL;
}

long long
http_int(const struct req *r, const char *name, long long def)
{
	const struct pval *p = http_param(r, name);

	return p != NULL && p->set ? p->i : def;
}

void
http_field_error(struct req *r, const char *name, const char *msgid)
{
	struct pval	*p = (struct pval *)http_param(r, name);

	if (p == NULL)
		return;
	if (p->err == NULL)
		r->nerr++;
	p->err = tr(r, msgid);
	p->set = 0;
}

void
http_form_model(struct req *r, struct val *m)
{
	struct val	*f = vm_child(m, "f"), *e, *errs;
	int		 i;

	if (r->route == NULL)
		return;
	errs = vm_list(m, "errors");
	for (i = 0; i < r->route->nparams; i++) {
		const struct param *p = &r->route->params[i];
		struct pval *v = &r->pv[i];

		e = vm_child(f, p->name);
		if (v->present && !(p->flags & P_SECRET) && v->s != NULL)
			vm_str(e, "value", v->s);
		if (v->err != NULL) {
			struct val *it = vm_push(errs);
			vm_str(e, "error", v->err);
			vm_str(it, "field", p->name);
			vm_str(it, "message", v->err);
		}
		if (p->type == PT_BOOL && v->set && v->i)
			vm_bool(e, "checked", 1);
		if (p->flags & P_MULTI) {
			struct val *l = vm_list(e, "values");
			int k;
			for (k = 0; k < v->nvals; k++)
				vm_str(vm_push(l), "value", v->vals[k]);
		}
	}
	vm_bool(m, "has_errors", r->nerr > 0);
}

static const char *
http_msgf(struct req *r, const char *msgid, long long a, long long b)
{
	return i18n_subst(r->a, tr(r, msgid), arena_printf(r->a, "%lld", a),
	    arena_printf(r->a, "%lld", b), NULL);
}

/* Trims surrounding blanks of a one-line value (people paste them). */
static void
http_trim(const char **s, size_t *n)
{
	while (*n > 0 && (**s == ' ' || **s == '\t')) {
		(*s)++;
		(*n)--;
	}
	while (*n > 0 && ((*s)[*n - 1] == ' ' || (*s)[*n - 1] == '\t'))
		(*n)--;
}

static int
http_email_ok(const char *s)
{
	const char	*at = strchr(s, '@'), *p, *dot;
	size_t		 n = strlen(s);

	if (at == NULL || at == s || strchr(at + 1, '@') != NULL ||
	    n > 254 || (size_t)(at - s) > 64)
		return 0;
	for (p = s; p < at; p++)
		if (!isalnum((unsigned char)*p) && strchr(".!#$%&*+/=?^_`{|}~-",
		    *p) == NULL)
			return 0;
	if (s[0] == '.' || at[-1] == '.' || strstr(s, "..") != NULL)
		return 0;
	dot = strrchr(at, '.');
	if (dot == NULL || dot == at + 1 || dot[1] == '\0')
		return 0;
	for (p = at + 1; *p; p++)
		if (!isalnum((unsigned char)*p) && *p != '-' && *p != '.')
			return 0;
	return 1;
}

static int
http_date_parse(const char *s, int withtime, time_t *out)
{
	struct tm	 tm;
	int		 y, mo, d, h = 0, mi = 0, n = 0;
	static const int mdays[] = { 31, 29, 31, 30, 31, 30, 31, 31, 30, 31,
	    30, 31 };

	if (withtime) {
		if (sscanf(s, "%4d-%2d-%2dT%2d:%2d%n", &y, &mo, &d, &h, &mi,
		    &n) != 5 || (s[n] != '\0' && strcmp(s + n, ":00") != 0))
			return -1;
	} else if (sscanf(s, "%4d-%2d-%2d%n", &y, &mo, &d, &n) != 3 ||
	    s[n] != '\0' || n != 10)
		return -1;
	if (y < 1900 || y > 2200 || mo < 1 || mo > 12 || d < 1 ||
	    d > mdays[mo - 1] || h > 23 || mi > 59 || h < 0 || mi < 0)
		return -1;
	if (mo == 2 && d == 29 && !((y % 4 == 0 && y % 100 != 0) ||
	    y % 400 == 0))
		return -1;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	*out = timegm(&tm);
	/* Times are entered in the deployment's civil time (UTC+3). */
	if (withtime)
		*out -= 3 * 3600;
	return 0;
}

static const char *
http_sniff(const struct upload *u)
{
	unsigned char	 head[8];
	int		 fd;
	ssize_t		 n;

	if ((fd = open(u->path, O_RDONLY)) == -1)
		return NULL;
	n = read(fd, head, sizeof(head));
	close(fd);
	if (n >= 5 && memcmp(head, "%PDF-", 5) == 0)
		return "application/pdf";
	if (n >= 8 && memcmp(head, "\x89PNG\r\n\x1a\n", 8) == 0)
		return "image/png";
	if (n >= 3 && memcmp(head, "\xff\xd8\xff", 3) == 0)
		return "image/jpeg";
	return NULL;
}

static int
http_accepts(const char *accept, const char *mime)
{
	const char	*sub;

	if (mime == NULL)
		return 0;
	sub = strchr(mime, '/') + 1;
	if (accept == NULL)
		accept = "pdf";
	return strstr(accept, sub) != NULL;
}

/* A copy of valid UTF-8 without its control characters (newlines and
 * tabs stay in multi-line text). */
static const char *
http_unctl(struct req *r, const char *s, size_t n, int multiline)
{
	struct buf	 b;
	size_t		 i;
	unsigned char	 c;

	buf_init(&b, r->a);
	for (i = 0; i < n; i++) {
		c = (unsigned char)s[i];
		if (c == 0xc2 && i + 1 < n && (unsigned char)s[i + 1] >= 0x80 &&
		    (unsigned char)s[i + 1] <= 0x9f) {
			i++;	/* C1 */
			continue;
		}
		if ((c < 0x20 || c == 0x7f) && !(multiline && (c == '\n' ||
		    c == '\r' || c == '\t')))
			continue;
		buf_addc(&b, (char)c);
	}
	return b.data;
}

/* Validates one value of p into v. */
static void
http_check(struct req *r, const struct param *p, struct pval *v,
    const char *raw, size_t n)
{
	long long	 max, chars;
	char		*end, *copy;

	v->present = 1;
	switch (p->type) {
	case PT_STR:
	case PT_EMAIL:
	case PT_PHONE:
	case PT_INT:
	case PT_ENUM:
	case PT_DATE:
	case PT_DATETIME:
	case PT_BOOL:
		http_trim(&raw, &n);
		break;
	default:
		break;
	}
	v->s = arena_strndup(r->a, raw, n);
	v->len = n;
	if (p->type == PT_FILE)
		return;
	if (utf8_check_text(raw, n, p->type == PT_TEXT) == -1) {
		/* Keep what can be shown, never the bad bytes: invalid UTF-8
		 * comes back empty, the rest without its control
		 * characters (the message says why it was refused). */
		v->s = utf8_valid(raw, n) ? http_unctl(r, raw, n,
		    p->type == PT_TEXT) : "";
		v->err = tr(r, "Contains characters that are not allowed.");
		return;
	}
	if (p->type == PT_TEXT) {
		/* CRLF from browsers becomes LF in storage. */
		char *w = (char *)v->s;
		const char *q;
		for (q = v->s; *q; q++)
			if (!(q[0] == '\r' && q[1] == '\n'))
				*w++ = *q;
		*w = '\0';
		v->len = (size_t)(w - v->s);
	}
	if (v->len == 0) {
		if (p->flags & P_REQ)
			v->err = tr(r, "This field is required.");
		if (p->type == PT_BOOL) {
			v->set = 1;
			v->i = 0;
		}
		return;
	}
	switch (p->type) {
	case PT_STR:
	case PT_TEXT:
		max = p->max ? p->max : (p->type == PT_STR ? 200 : 5000);
		chars = (long long)utf8_len(v->s, v->len);
		if (chars < p->min) {
			v->err = http_msgf(r, "Too short: at least {1} "
			    "characters.", p->min, 0);
			return;
		}
		if (chars > max) {
			v->err = http_msgf(r, "Too long: at most {1} "
			    "characters (you entered {2}).", max, chars);
			return;
		}
		break;
	case PT_INT:
		errno = 0;
		v->i = strtoll(v->s, &end, 10);
		if (errno != 0 || *end != '\0' || end == v->s) {
			v->err = tr(r, "Enter a whole number.");
			return;
		}
		if ((p->min != 0 || p->max != 0) &&
		    (v->i < p->min || v->i > p->max)) {
			v->err = http_msgf(r, "Enter a number from {1} to "
			    "{2}.", p->min, p->max);
			return;
		}
		break;
	case PT_ENUM:
		{
			int k;
			for (k = 0; p->choices != NULL && p->choices[k]; k++)
				if (strcmp(p->choices[k], v->s) == 0)
					break;
			if (p->choices == NULL || p->choices[k] == NULL) {
				v->err = tr(r, "Choose one of the options.");
				return;
			}
			v->i = k;
		}
		break;
	case PT_DATE:
	case PT_DATETIME:
		if (http_date_parse(v->s, p->type == PT_DATETIME, &v->t)
		    == -1) {
			v->err = tr(r, p->type == PT_DATE ?
			    "Enter a valid date (YYYY-MM-DD)." :
			    "Enter a valid date and time.");
			return;
		}
		break;
	case PT_EMAIL:
		copy = arena_strdup(r->a, v->s);
		for (end = copy; *end; end++)
			*end = (char)tolower((unsigned char)*end);
		if (!http_email_ok(copy)) {
			v->err = tr(r, "Enter a valid e-mail address.");
			return;
		}
		v->s = copy;
		break;
	case PT_PHONE:
		{
			char *w;
			const char *q;
			int digits = 0, ok = 1;
			copy = arena_alloc(r->a, v->len + 1);
			w = copy;
			for (q = v->s; *q; q++) {
				if (*q == ' ' || *q == '-' || *q == '(' ||
				    *q == ')')
					continue;
				if (*q == '+' && w == copy) {
					*w++ = '+';
					continue;
				}
				if (!isdigit((unsigned char)*q)) {
					ok = 0;
					break;
				}
				*w++ = *q;
				digits++;
			}
			*w = '\0';
			if (!ok || digits < 7 || digits > 15) {
				v->err = tr(r, "Enter a valid phone number "
				    "(7 to 15 digits).");
				return;
			}
			v->s = copy;
		}
		break;
	case PT_BOOL:
		if (strcmp(v->s, "1") == 0 || strcmp(v->s, "on") == 0 ||
		    strcmp(v->s, "true") == 0 || strcmp(v->s, "yes") == 0)
			v->i = 1;
		else if (strcmp(v->s, "0") == 0 || strcmp(v->s, "off") == 0 ||
		    strcmp(v->s, "false") == 0 || strcmp(v->s, "no") == 0)
			v->i = 0;
		else {
			v->err = tr(r, "Choose yes or no.");
			return;
		}
		break;
	default:
		break;
	}
	v->set = 1;
}

/* Upload state while a multipart body streams in. */
struct mpstate {
	struct req	*r;
	struct kv	*fields;
	struct kv	*cur;		/* text field being read */
	struct buf	 text;
	struct upload	*up;		/* file being written */
	const char	*upname;
	int		 fd;
	crypto_hash_sha256_state sha;
	size_t		 upmax;
	int		 toolarge;
	struct kvfile {
		const char	*name;
		struct upload	*u;
		struct kvfile	*next;
	}		*files;
};

static int
mp_begin(void *arg, const char *name, const char *filename,
    const char *ctype)
{
	struct mpstate	*st = arg;
	struct req	*r = st->r;
	unsigned char	 raw[16];
	char		 hex[33];
	const char	*dir;

	(void)ctype;
	if (filename != NULL && (r->route->flags & R_UPLOAD)) {
		if (filename[0] == '\0') {
			/* An empty file input: no file chosen. */
			st->cur = NULL;
			st->up = NULL;
			st->fd = -1;
			return 0;
		}
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(hex, sizeof(hex), raw, sizeof(raw));
		dir = arena_printf(r->a, "%s/uploads",
		    conf_get("app", "var", "var"));
		st->up = arena_zalloc(r->a, sizeof(*st->up));
		st->up->stored_name = arena_strdup(r->a, hex);
		st->up->path = arena_printf(r->a, "%s/%s", dir, hex);
		st->up->orig_name = arena_strndup(r->a, filename, 255);
		st->upname = arena_strdup(r->a, name);
		st->fd = open(st->up->path, O_WRONLY | O_CREAT | O_EXCL, 0640);
		if (st->fd == -1) {
			log_warn("%s: %s", __func__, st->up->path);
			return -1;
		}
		crypto_hash_sha256_init(&st->sha);
		return 0;
	}
	st->up = NULL;
	st->cur = arena_zalloc(r->a, sizeof(*st->cur));
	st->cur->key = arena_strdup(r->a, name);
	buf_init(&st->text, r->a);
	return 0;
}

static int
mp_data(void *arg, const char *data, size_t n)
{
	struct mpstate	*st = arg;

	if (st->up != NULL) {
		if (st->up->size + n > st->upmax) {
			st->toolarge = 1;
			return -1;
		}
		if (write(st->fd, data, n) != (ssize_t)n) {
			log_warn("%s: write", __func__);
			return -1;
		}
		crypto_hash_sha256_update(&st->sha,
		    (const unsigned char *)data, n);
		st->up->size += n;
		return 0;
	}
	if (st->cur == NULL)
		return 0;
	if (st->text.len + n > HTTP_FIELDMAX) {
		st->toolarge = 1;
		return -1;
	}
	buf_add(&st->text, data, n);
	return 0;
}

static int
mp_end(void *arg)
{
	struct mpstate	*st = arg;
	struct kvfile	*f;

	if (st->up != NULL) {
		close(st->fd);
		st->fd = -1;
		crypto_hash_sha256_final(&st->sha, st->up->sha256);
		st->up->mime = http_sniff(st->up);
		f = arena_zalloc(st->r->a, sizeof(*f));
		f->name = st->upname;
		f->u = st->up;
		f->next = st->files;
		st->files = f;
		st->up = NULL;
		return 0;
	}
	if (st->cur != NULL) {
		st->cur->val = st->text.data;
		st->cur->vlen = st->text.len;
		st->cur->next = st->fields;
		st->fields = st->cur;
		st->cur = NULL;
	}
	return 0;
}

static void
http_unlink_uploads(struct mpstate *st)
{
	struct kvfile	*f;

	if (st->up != NULL) {
		if (st->fd != -1)
			close(st->fd);
		unlink(st->up->path);
	}
	for (f = st->files; f != NULL; f = f->next)
		unlink(f->u->path);
}

/* Reads and parses the body; returns 0 or an HTTP status. */
static int
http_body(struct req *r, struct kv **fields, struct mpstate *st)
{
	FCGX_Request	*f = r->fcgx;
	long long	 max;
	char		 boundary[80], chunk[16384];
	int		 n;
	struct multipart *mp;
	static const struct mp_callbacks cb = { mp_begin, mp_data, mp_end };

	*fields = NULL;
	max = (r->route->flags & R_UPLOAD) ?
	    conf_int("limits", "upload_max", 20 << 20) :
	    conf_int("limits", "body_max", 1 << 20);
	if (r->clen > max)
		return 413;
	if (r->clen <= 0)
		return 0;
	if (r->ctype != NULL && strncasecmp(r->ctype, "multipart/form-data",
	    19) == 0) {
		if (multipart_boundary(r->ctype, boundary,
		    sizeof(boundary)) == -1)
			return 400;
		st->upmax = (size_t)conf_int("limits", "upload_max", 20 << 20);
		st->fd = -1;
		mp = multipart_new(r->a, boundary, &cb, st);
		long long left = r->clen;
		while (left > 0) {
			n = FCGX_GetStr(chunk, left < (long long)sizeof(chunk) ?
			    (int)left : (int)sizeof(chunk), f->in);
			if (n <= 0)
				break;
			left -= n;
			if (multipart_feed(mp, chunk, (size_t)n) == -1) {
				http_unlink_uploads(st);
				if (st->toolarge)
					return 413;
				log_warnx("%s: multipart: %s", __func__,
				    multipart_error(mp));
				return 400;
			}
		}
		if (left > 0 || multipart_finish(mp) == -1) {
			http_unlink_uploads(st);
			log_warnx("%s: multipart truncated", __func__);
			return 400;
		}
		*fields = st->fields;
		return 0;
	}
	r->rawbody = arena_alloc(r->a, (size_t)r->clen + 1);
	n = FCGX_GetStr(r->rawbody, (int)r->clen, f->in);
	if (n != r->clen)
		return 400;
	r->rawbody[n] = '\0';
	r->rawlen = (size_t)n;
	if (r->route->flags & R_RAWBODY)
		return 0;
	if (r->ctype != NULL && strncasecmp(r->ctype,
	    "application/x-www-form-urlencoded", 33) != 0)
		return 415;
	if (urlenc_parse(r->a, r->rawbody, r->rawlen, fields,
	    HTTP_MAXPAIRS) == -1)
		return 400;
	return 0;
}

/* Fills r->pv from the pairs; undeclared keys are dropped here. */
static void
http_params(struct req *r, struct kv *pairs, struct kv *query,
    struct mpstate *st)
{
	const struct route *rt = r->route;
	int		 i, np = rt->nparams;
	struct kv	*k;
	static const struct param implicit[] = {
		{ "nonce", PT_STR, 0, 32, 32, NULL, NULL },
		{ "csrf", PT_STR, 0, 64, 64, NULL, NULL },
	};

	r->pv = arena_zalloc(r->a, sizeof(struct pval) * (size_t)(np + 2));
	for (i = 0; i < np + 2; i++) {
		const struct param *p = i < np ? &rt->params[i] :
		    &implicit[i - np];
		struct pval *v = &r->pv[i];
		struct kv *src = pairs;
		int pass;

		if (p->type == PT_FILE) {
			struct kvfile *f;
			for (f = st->files; f != NULL; f = f->next)
				if (strcmp(f->name, p->name) == 0)
					break;
			v->present = f != NULL;
			if (f == NULL) {
				if (p->flags & P_REQ)
					v->err = tr(r, "Choose a file.");
			} else if (!http_accepts(p->accept, f->u->mime)) {
				v->err = tr(r, "This type of file is not "
				    "accepted.");
				unlink(f->u->path);
			} else if (p->max > 0 && (long long)f->u->size >
			    p->max) {
				v->err = http_msgf(r, "The file is too large "
				    "(at most {1} MB).", p->max >> 20, 0);
				unlink(f->u->path);
			} else if (f->u->size == 0) {
				v->err = tr(r, "The file is empty.");
				unlink(f->u->path);
			} else {
				v->file = f->u;
				v->s = f->u->orig_name;
				v->set = 1;
			}
			if (v->err != NULL)
				r->nerr++;
			continue;
		}
		/* GET reads the query; POST reads the body, and the query
		 * only for parameters declared P_QUERY. */
		for (pass = 0; pass < 2; pass++) {
			src = pass == 0 ? (r->is_post ? pairs : query) :
			    ((r->is_post && (p->flags & P_QUERY)) ? query :
			    NULL);
			for (k = src; k != NULL; k = k->next) {
				if (strcmp(k->key, p->name) != 0)
					continue;
				if (p->flags & P_MULTI) {
					const char **nv = arena_alloc(r->a,
					    sizeof(char *) *
					    (size_t)(v->nvals + 1));
					struct pval one;
					memset(&one, 0, sizeof(one));
					http_check(r, p, &one, k->val,
					    k->vlen);
					if (one.err != NULL) {
						v->err = one.err;
						v->present = 1;
						continue;
					}
					if (v->nvals > 0)
						memcpy(nv, v->vals,
						    sizeof(char *) *
						    (size_t)v->nvals);
					nv[v->nvals++] = one.s;
					v->vals = nv;
					v->present = v->set = 1;
					v->s = one.s;
					v->i = one.i;
					continue;
				}
				if (v->present)
					continue;	/* first one wins */
				http_check(r, p, v, k->val, k->vlen);
			}
		}
		if (!v->present && (p->flags & P_REQ))
			v->err = tr(r, "This field is required.");
		if (!v->present && p->type == PT_BOOL) {
			v->set = 1;
			v->i = 0;
		}
		if (v->err != NULL && i < np)
			r->nerr++;
	}
}

/* Fossil's rule: a POST must come from our own pages. */
static int
http_same_origin(struct req *r)
{
	FCGX_Request	*f = r->fcgx;
	const char	*sfs = FCGX_GetParam("HTTP_SEC_FETCH_SITE", f->envp);
	const char	*base = http_baseurl;
	char		*hostorigin;

	if (sfs != NULL && strcmp(sfs, "cross-site") == 0)
		return 0;
	hostorigin = r->host ? arena_printf(r->a, "%s://%s",
	    FCGX_GetParam("HTTPS", f->envp) ? "https" : "http", r->host) :
	    NULL;
	if (r->origin != NULL && strcmp(r->origin, "null") != 0) {
		if (strcmp(r->origin, base) == 0)
			return 1;
		return hostorigin != NULL && strcmp(r->origin, hostorigin) == 0;
	}
	if (r->referer != NULL) {
		size_t n = strlen(base);
		if (strncmp(r->referer, base, n) == 0 &&
		    (r->referer[n] == '/' || r->referer[n] == '\0'))
			return 1;
		n = hostorigin ? strlen(hostorigin) : 0;
		return hostorigin != NULL &&
		    strncmp(r->referer, hostorigin, n) == 0 &&
		    (r->referer[n] == '/' || r->referer[n] == '\0');
	}
	/* No Origin and no Referer: the CSRF token decides. */
	return 1;
}

/* ---- routing ------------------------------------------------------ */

static int
http_segment_ok(const char *s, size_t n, int slug)
{
	size_t	 i;

	if (n == 0 || n > 64)
		return 0;
	for (i = 0; i < n; i++) {
		if (isdigit((unsigned char)s[i]))
			continue;
		if (slug && ((s[i] >= 'a' && s[i] <= 'z') || s[i] == '-' ||
		    s[i] == '_'))
			continue;
		return 0;
	}
	return 1;
}

static int
http_match(struct req *r, const char *pattern, const char *path)
{
	const char	*p = pattern, *s = path;

	r->nseg = 0;
	while (*p && *s) {
		if (*p == '{') {
			const char *close = strchr(p, '}');
			int slug = close != NULL && memmem(p, (size_t)(close -
			    p), ":slug", 5) != NULL;
			const char *e = strchr(s, '/');
			size_t n;

			if (close == NULL)
				return 0;
			if (e == NULL)
				e = s + strlen(s);
			n = (size_t)(e - s);
			if (!http_segment_ok(s, n, slug) ||
			    r->nseg >= HTTP_MAXSEG)
				return 0;
			r->seg[r->nseg] = arena_strndup(r->a, s, n);
			r->segi[r->nseg] = slug ? 0 : strtoll(r->seg[r->nseg],
			    NULL, 10);
			r->nseg++;
			p = close + 1;
			s = e;
			continue;
		}
		if (*p != *s)
			return 0;
		p++;
		s++;
	}
	return *p == '\0' && *s == '\0';
}

/* Language switch, built into every program:
 * GET <prefix>/lang/{ar|en}?next=/path — keeps the choice in a cookie. */
static int
http_lang_switch(struct req *r)
{
	const char	*to = r->path + 6, *next = kv_get(r->qs, "next");

	if (!i18n_supported(to))
		return http_error(r, 404);
	http_cookie_set(r, "lang", to, 365L * 86400);
	r->lang = to;
	return http_redirect(r, 303, next);
}

static int
http_dispatch(struct req *r)
{
	const struct app *app = r->app;
	int		 i, allowed = 0, rc;
	struct kv	*pairs = NULL;
	struct mpstate	 st;
	char		 allow[64] = "";

	if (strncmp(r->path, "/lang/", 6) == 0 && !r->is_post)
		return http_lang_switch(r);
	for (i = 0; i < app->nroutes; i++) {
		const struct route *rt = &app->routes[i];
		if (!http_match(r, rt->pattern, r->path))
			continue;
		allowed = 1;
		if (strcmp(rt->method, r->method) == 0 ||
		    (r->head && strcmp(rt->method, "GET") == 0)) {
			r->route = rt;
			break;
		}
		if (strlen(allow) + strlen(rt->method) + 3 < sizeof(allow)) {
			if (allow[0])
				strcat(allow, ", ");
			strcat(allow, rt->method);
		}
	}
	if (r->route == NULL) {
		if (allowed) {
			http_header(r, "Allow", allow);
			return http_error(r, 405);
		}
		return http_error(r, 404);
	}
	session_load(r);
	if (r->sess != NULL && http_cookie(r, "lang") == NULL &&
	    r->sess->user_lang != NULL && i18n_supported(r->sess->user_lang))
		r->lang = strcmp(r->sess->user_lang, "en") == 0 ? "en" : "ar";
	if ((r->route->flags & R_LOGIN) && r->sess == NULL) {
		if (r->is_post)
			return http_error(r, 403);
		return http_redirect(r, 303, arena_printf(r->a,
		    "%s/login?next=%s", app->prefix, r->fullpath));
	}
	if (r->is_post && !(r->route->flags & R_NOCSRF) &&
	    !http_same_origin(r)) {
		log_warnx("%s: cross-origin POST refused (origin %s)",
		    __func__, r->origin ? r->origin : "-");
		return http_error(r, 403);
	}
	memset(&st, 0, sizeof(st));
	st.r = r;
	st.fd = -1;
	if (r->is_post && (rc = http_body(r, &pairs, &st)) != 0)
		return http_error(r, rc);
	/* Pairs arrive reversed from the multipart path; order matters
	 * only for P_MULTI lists, so restore it. */
	if (pairs != NULL && st.fields == pairs) {
		struct kv *prev = NULL, *k = pairs, *nx;
		while (k != NULL) {
			nx = k->next;
			k->next = prev;
			prev = k;
			k = nx;
		}
		pairs = prev;
	}
	http_params(r, pairs, r->qs, &st);
	if (r->is_post && !(r->route->flags & R_NOCSRF) &&
	    !session_csrf_ok(r, http_str(r, "csrf"))) {
		http_unlink_uploads(&st);
		log_warnx("%s: bad or missing CSRF token", __func__);
		return http_error(r, 403);
	}
	if (app->authorize != NULL && r->route->perm != 0 &&
	    app->authorize(r, r->route->perm) == -1) {
		http_unlink_uploads(&st);
		return http_error(r, r->sess == NULL ? 404 : 403);
	}
	rc = r->route->handler(r);
	if (rc >= 400 && r->body.len == 0 && !r->streaming)
		return http_error(r, rc);
	return rc;
}

static void
http_sigterm(int sig)
{
	(void)sig;
	http_stop = 1;
}

static void
http_serve(const struct app *app, struct req *r, FCGX_Request *f,
    struct db *db, struct arena *a)
{
	const char	*uri, *q, *v;
	unsigned char	 raw[8];
	int		 rc;
	size_t		 plen;

	memset(r, 0, sizeof(*r));
	r->a = a;
	r->db = db;
	r->app = app;
	r->fcgx = f;
	buf_init(&r->hdrs, a);
	buf_init(&r->body, a);
	db_count_reset(db);

	if ((v = FCGX_GetParam("REQUEST_ID", f->envp)) != NULL && *v)
		snprintf(r->reqid, sizeof(r->reqid), "%.20s", v);
	else {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(r->reqid, sizeof(r->reqid), raw, sizeof(raw));
	}
	log_set_reqid(r->reqid);
	r->method = FCGX_GetParam("REQUEST_METHOD", f->envp);
	if (r->method == NULL)
		r->method = "GET";
	r->head = strcmp(r->method, "HEAD") == 0;
	r->is_post = strcmp(r->method, "POST") == 0;
	uri = FCGX_GetParam("DOCUMENT_URI", f->envp);
	if (uri == NULL) {
		uri = FCGX_GetParam("REQUEST_URI", f->envp);
		if (uri == NULL)
			uri = "/";
		q = strchr(uri, '?');
		if (q != NULL)
			uri = arena_strndup(a, uri, (size_t)(q - uri));
	}
	r->fullpath = uri;
	plen = strlen(app->prefix);
	if (plen > 0 && strncmp(uri, app->prefix, plen) == 0)
		r->path = uri[plen] == '\0' ? "/" : uri + plen;
	else
		r->path = uri;
	r->query = FCGX_GetParam("QUERY_STRING", f->envp);
	r->ctype = FCGX_GetParam("CONTENT_TYPE", f->envp);
	r->host = FCGX_GetParam("HTTP_HOST", f->envp);
	r->origin = FCGX_GetParam("HTTP_ORIGIN", f->envp);
	r->referer = FCGX_GetParam("HTTP_REFERER", f->envp);
	r->remote = FCGX_GetParam("REMOTE_ADDR", f->envp);
	if (r->remote == NULL)
		r->remote = "";
	r->user_agent = FCGX_GetParam("HTTP_USER_AGENT", f->envp);
	r->accept_lang = FCGX_GetParam("HTTP_ACCEPT_LANGUAGE", f->envp);
	v = FCGX_GetParam("CONTENT_LENGTH", f->envp);
	r->clen = v != NULL && *v ? strtoll(v, NULL, 10) : 0;

	v = FCGX_GetParam("HTTP_COOKIE", f->envp);
	if (v != NULL)
		cookie_parse(a, v, &r->cookies, 64);
	r->lang = i18n_pick(kv_get(r->cookies, "lang"), r->accept_lang);
	if (r->query != NULL && *r->query &&
	    urlenc_parse(a, r->query, strlen(r->query), &r->qs,
	    HTTP_MAXPAIRS) == -1) {
		r->qs = NULL;
		rc = http_error(r, 400);
	} else if (!r->head && !r->is_post && strcmp(r->method, "GET") != 0) {
		http_header(r, "Allow", "GET, HEAD, POST");
		rc = http_error(r, 405);
	} else
		rc = http_dispatch(r);
	if (r->status == 0)
		r->status = rc > 0 ? rc : 500;
	if (!r->streaming) {
		http_security_headers(r);
		http_send_headers(r, 1);
		if (!r->head && r->status != 304 && r->status != 204)
			FCGX_PutStr(r->body.data, (int)r->body.len, f->out);
	}
	log_info("%s %s %d %dq", r->method, r->fullpath, r->status,
	    db_count(db));
	log_set_reqid(NULL);
}

int
app_run(const struct app *app, int argc, char *argv[])
{
	struct arena	*life, *a;
	const char	*path, *root, *user, *pw;
	char		*err = NULL, key[64];
	struct db	*db;
	FCGX_Request	 f;
	struct req	 r;
	struct sigaction sa;

	(void)argc;
	(void)argv;
	log_init(app->name);
	life = arena_new(1 << 16);
	path = getenv("SHAREK_CONF");
	if (path == NULL)
		fatalx("SHAREK_CONF is not set (path to sharek.ini)");
	if (conf_load(life, path, &err) == -1)
		fatalx("configuration: %s", err);
	http_baseurl = conf_get("app", "base_url", "http://127.0.0.1:8080");
	root = conf_get("app", "root", ".");
	if (i18n_load(life, arena_printf(life, "%s/views/locale", root),
	    &err) == -1)
		fatalx("catalogues: %s", err);
	if (tmpl_load_dir(life, arena_printf(life, "%s/views", root),
	    &err) == -1)
		fatalx("templates: %s", err);
	if (session_init() == -1)
		fatalx("sessions: cannot start (see above)");
	sql_gen_register();
	snprintf(key, sizeof(key), "%s_user", app->db_account);
	user = conf_get("db", key, NULL);
	snprintf(key, sizeof(key), "%s_password", app->db_account);
	pw = conf_get("db", key, "");
	if (user == NULL)
		fatalx("[db] %s_user is not configured", app->db_account);
	db = db_open(user, pw, 0);
	/* The database may start after us: connect on first request. */
	if (app->init != NULL && app->init() == -1)
		fatalx("%s: init failed", app->name);

	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = http_sigterm;
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0)
		fatalx("FCGX_Init failed");
	FCGX_InitRequest(&f, 0, 0);
	a = arena_new(1 << 16);
	log_info("ready");
	while (!http_stop && FCGX_Accept_r(&f) >= 0) {
		http_serve(app, &r, &f, db, a);
		FCGX_Finish_r(&f);
		arena_reset(a);
	}
	log_info("stopping");
	db_close(db);
	arena_free(a);
	arena_free(life);
	return 0;
}
