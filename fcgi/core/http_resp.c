/*
 * http_resp.c — the one response writer: status, headers (security
 * headers, cookies, redirects), buffered or streamed bodies, conditional
 * GET, the page model, rendering and the error page.  Bytes leave only
 * through r->io (see http_int.h).
 */
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "asset.h"
#include "buf.h"
#include "cache.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "http_int.h"
#include "i18n.h"
#include "log.h"
#include "session.h"
#include "tmpl.h"
#include "urlenc.h"
#include "utf8.h"
#include "vm.h"

const char *
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
tr(const struct req *r, const char *msgid)
{
	return i18n_get(r->lang, msgid);
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
	if (conf_bool("app", "secure_cookies", 0) ||
	    http_env(r, "HTTPS") != NULL)
		buf_adds(&b, "; Secure");
	http_header(r, "Set-Cookie", b.data);
}

/* 1 when url is a local path that is safe as a Location: one leading
 * '/', then valid UTF-8 without control characters or backslashes.
 * Browsers drop tabs and newlines from URLs and read a backslash as
 * '/', so "/<TAB>/evil.example" would leave the site. */
static int
http_local_url(const char *url)
{
	const unsigned char *p;

	if (url == NULL || url[0] != '/' || url[1] == '/' || url[1] == '\\')
		return 0;
	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p < 0x20 || *p == 0x7f || *p == '\\')
			return 0;
	return utf8_valid(url, strlen(url));
}

int
http_redirect(struct req *r, int status, const char *url)
{
	static const char hex[] = "0123456789ABCDEF";
	struct buf	 b;
	const unsigned char *p;

	/* Only local paths: no open redirect, and always a Location. */
	if (!http_local_url(url))
		url = "/";
	buf_init(&b, r->a);
	/* What may not stand raw in a URL is percent-encoded. */
	for (p = (const unsigned char *)url; *p != '\0'; p++)
		if (*p >= 0x80 || strchr(" \"<>`{}|^", *p) != NULL) {
			buf_addc(&b, '%');
			buf_addc(&b, hex[*p >> 4]);
			buf_addc(&b, hex[*p & 15]);
		} else
			buf_addc(&b, (char)*p);
	r->status = status ? status : 303;
	http_header(r, "Location", b.data);
	return r->status;
}

void
http_nostore(struct req *r)
{
	r->nostore = 1;
}

void
http_cacheable(struct req *r, int seconds)
{
	r->cacheable = seconds;
}

/* Remembers t as a per-visitor token a model offers; returns it. */
static const char *
http_token(struct req *r, const char *t)
{
	if (r->ntokens < (int)(sizeof(r->tokens) / sizeof(r->tokens[0])))
		r->tokens[r->ntokens++] = t;
	else
		r->tokens[0] = NULL;	/* too many to follow: one unseen */
	return t;
}

/* Whether the response shows a token of the visitor (a form): a stream
 * is taken to, as its body is not known when the headers go. */
static int
http_shows_token(const struct req *r)
{
	int	 i;

	if (r->streaming)
		return r->ntokens > 0;
	for (i = 0; i < r->ntokens; i++)
		if (r->tokens[i] == NULL || (*r->tokens[i] != '\0' &&
		    memmem(r->body.data, r->body.len, r->tokens[i],
		    strlen(r->tokens[i])) != NULL))
			return 1;
	return 0;
}

/* Whether a cache may keep the response for other visitors: a page
 * that shows nothing of its visitor (no token), to a GET or HEAD without
 * a session, a 200 that sets no cookie and is not no-store. */
static int
http_page_shared(struct req *r, int token)
{
	return r->cacheable > 0 && !token && !r->nostore && r->sess == NULL &&
	    http_cookie(r, SESSION_COOKIE) == NULL && r->status == 200 &&
	    (r->head || strcmp(r->method, "GET") == 0) &&
	    (r->hdrs.data == NULL || strcasestr(r->hdrs.data,
	    "Set-Cookie:") == NULL);
}

/* The anonymous CSRF cookie goes out only with a page whose form needs
 * it; a page nginx may keep (X-Accel-Expires, http_cacheable) is one
 * that shows nothing of its visitor, and sets no cookie. */
static void
http_page_cache(struct req *r)
{
	int	 token = http_shows_token(r);

	if (r->anon_new && token && r->anon != NULL)
		http_cookie_set(r, ANON_COOKIE, r->anon, 0);
	if (http_page_shared(r, token))
		buf_printf(&r->hdrs, "X-Accel-Expires: %d\r\n",
		    r->cacheable);
}

/* The key of the worker's copy: what of the request the page depends
 * on (the handler's stamp holds the rest) — its address, language and
 * the route's declared parameters as sent, in the route's order; a key
 * the route does not declare changes nothing (the kernel drops it), so
 * it makes no other copy. */
static const char *
http_page_key(struct req *r)
{
	struct buf	 k;
	const struct pval *v;
	int		 i, j;

	buf_init(&k, r->a);
	buf_printf(&k, "%s|%s", r->lang, r->fullpath);
	for (i = 0; r->route != NULL && r->pv != NULL &&
	    i < r->route->nparams; i++) {
		v = &r->pv[i];
		if (!v->present)
			continue;
		buf_printf(&k, "|%d", i);
		if (v->nvals > 0)
			for (j = 0; j < v->nvals; j++)
				buf_printf(&k, "=%zu:%s", strlen(v->vals[j]),
				    v->vals[j]);
		else if (v->s != NULL)
			buf_printf(&k, "=%zu:%.*s", v->len, (int)v->len,
			    v->s);
	}
	return k.data;
}

int
http_page_reuse(struct req *r, const char *stamp, time_t until)
{
	struct cache_page p;

	if (r->sess != NULL || http_cookie(r, SESSION_COOKIE) != NULL ||
	    r->is_post || r->cacheable <= 0)
		return 0;
	if (!cache_page_get(http_page_key(r), stamp, time(NULL), &p)) {
		r->page_stamp = arena_strdup(r->a, stamp);
		r->page_until = until;
		return 0;
	}
	buf_add(&r->hdrs, p.hdrs, p.hdrlen);
	buf_add(&r->body, p.body, p.bodylen);
	r->ctype_out = p.ctype != NULL ? arena_strdup(r->a, p.ctype) : NULL;
	r->page_reused = 1;
	r->status = 200;
	return 1;
}

void
http_page_until(struct req *r, time_t t)
{
	if (r->page_stamp != NULL && t > time(NULL) && t < r->page_until)
		r->page_until = t;
}

void
http_page_keep(struct req *r)
{
	struct cache_page p;

	/* Only a GET has the body (HEAD's is not written). */
	if (r->page_stamp == NULL || r->page_reused || r->head ||
	    !http_page_shared(r, http_shows_token(r)))
		return;
	p.hdrs = r->hdrs.data;
	p.hdrlen = r->hdrs.len;
	p.body = r->body.data;
	p.bodylen = r->body.len;
	p.ctype = r->ctype_out;
	cache_page_put(http_page_key(r), r->page_stamp, r->page_until, &p);
}

/* A response to a request with a session must not be kept by any cache
 * (DESIGN.md §1): Cache-Control: no-store, and no other Cache-Control a
 * handler set (http_fresh's no-cache, a file's max-age). */
static void
http_cache_headers(struct req *r)
{
	struct buf	 h;
	const char	*p, *e;

	if (!r->nostore && r->sess == NULL &&
	    http_cookie(r, SESSION_COOKIE) == NULL)
		return;
	buf_init(&h, r->a);
	for (p = r->hdrs.data; p != NULL && *p != '\0'; p = e) {
		e = strstr(p, "\r\n");
		e = e != NULL ? e + 2 : p + strlen(p);
		if (strncasecmp(p, "Cache-Control:", 14) != 0)
			buf_add(&h, p, (size_t)(e - p));
	}
	buf_adds(&h, "Cache-Control: no-store\r\n");
	r->hdrs = h;
}

void
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

void
http_send_headers(struct req *r, int with_length)
{
	struct buf	 h;

	buf_init(&h, r->a);
	buf_printf(&h, "Status: %d %s\r\n", r->status,
	    http_reason(r->status));
	if (r->status != 304 && r->status != 204)
		buf_printf(&h, "Content-Type: %s\r\n", r->ctype_out ?
		    r->ctype_out : "text/html; charset=utf-8");
	if (with_length && r->status != 304 && r->status != 204)
		buf_printf(&h, "Content-Length: %zu\r\n", r->body.len);
	if (conf_bool("app", "expose_query_count", 0)) {
		buf_printf(&h, "X-Sharek-Queries: %d\r\n",
		    r->db != NULL ? db_count(r->db) : 0);
		if (r->page_reused)
			buf_adds(&h, "X-Sharek-Reused: 1\r\n");
	}
	buf_printf(&h, "X-Request-Id: %s\r\n", r->reqid);
	http_page_cache(r);
	http_cache_headers(r);
	buf_add(&h, r->hdrs.data, r->hdrs.len);
	buf_adds(&h, "\r\n");
	r->io->write(r->io->ctx, h.data, (int)h.len);
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
	if (r->head)
		return;
	if (r->streaming) {
		r->io->write(r->io->ctx, p, (int)n);
		r->streamed += (long long)n;
		return;
	}
	buf_add(&r->body, p, n);
}

int
http_fresh(struct req *r, const char *etag, time_t lastmod)
{
	const char	*inm = http_env(r, "HTTP_IF_NONE_MATCH");
	const char	*ims = http_env(r, "HTTP_IF_MODIFIED_SINCE");
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
	asset_model(m);
	vm_str(m, "csrf", http_token(r, session_csrf(r)));
	vm_str(m, "nonce", http_token(r, http_nonce(r)));
	if (r->sess != NULL) {
		u = vm_child(m, "user");
		vm_str(u, "name", r->sess->name);
		vm_str(u, "email", r->sess->email);
		vm_str(u, "role", r->sess->role);
		vm_int(u, "uid", (long long)r->sess->user_id);
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

static int	 http_error_page(struct req *, int, const char *,
		    const char *, struct val *);

int
http_error(struct req *r, int status)
{
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
	return http_error_page(r, status, title, msg, NULL);
}

/* The request is an API's (R_API, or below app.api_prefix when no
 * route matched): its errors are the API's documents. */
static int
http_is_api(const struct req *r)
{
	const char	*p = r->app->api_prefix;

	if (r->app->api_error == NULL)
		return 0;
	if (r->route != NULL)
		return (r->route->flags & R_API) != 0;
	return p != NULL && r->path != NULL &&
	    strncmp(r->path, p, strlen(p)) == 0;
}

/* The error page: the model for the error template (its title and
 * message msgids), with m's values when given. */
static int
http_error_page(struct req *r, int status, const char *title,
    const char *msg, struct val *m)
{
	r->status = status;
	buf_reset(&r->body);
	/* An API's client reads its own error format, never a page. */
	if (http_is_api(r)) {
		r->app->api_error(r, status, tr(r, msg));
		r->status = status;
		return status;
	}
	if (m == NULL)
		m = http_model(r);
	/* A request refused for its parameters says which and why (a
	 * harvester's modified_since on a dataset without dates). */
	if (status == 400 && r->nerr > 0)
		http_form_model(r, m);
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

/* The declared parameter of the route named key, or NULL. */
static const struct param *
http_route_param(const struct req *r, const char *key)
{
	int	 i;

	if (r->route == NULL)
		return NULL;
	for (i = 0; i < r->route->nparams; i++)
		if (r->route->params[i].name != NULL &&
		    strcmp(r->route->params[i].name, key) == 0)
			return &r->route->params[i];
	return NULL;
}

int
http_unavailable(struct req *r, const struct kv *pairs, int files)
{
	struct val		*m, *kept, *list, *f;
	const struct param	*p;
	const struct kv		*k;
	int			 n = 0, secret = 0;

	log_warnx("%s: database away (%s): 503", __func__,
	    r->db != NULL ? db_error(r->db) : "-");
	http_header(r, "Retry-After", HTTP_RETRY_AFTER);
	http_nostore(r);
	m = http_model(r);
	if (r->is_post && pairs != NULL) {
		kept = vm_child(m, "kept");
		vm_str(kept, "action", r->query != NULL && *r->query ?
		    arena_printf(r->a, "%s?%s", r->fullpath, r->query) :
		    r->fullpath);
		vm_bool(kept, "files", files);
		list = vm_list(kept, "fields");
		for (k = pairs; k != NULL; k = k->next) {
			p = http_route_param(r, k->key);
			if (p != NULL && (p->flags & P_SECRET)) {
				secret = 1;
				continue;
			}
			f = vm_push(list);
			vm_str(f, "name", k->key);
			vm_str(f, "value", k->val);
			if (p == NULL || p->label == NULL ||
			    (p->type != PT_TEXT && p->type != PT_STR &&
			    p->type != PT_EMAIL && p->type != PT_PHONE)) {
				vm_bool(f, "hidden", 1);
				continue;
			}
			vm_strf(f, "id", "kept-%d", ++n);
			vm_str(f, "label", tr(r, p->label));
			vm_bool(f, p->type == PT_TEXT ? "textarea" : "line",
			    1);
		}
		vm_bool(kept, "secret", secret);
	}
	return http_error_page(r, 503, N_("Temporarily unavailable"),
	    N_("The service is temporarily unavailable. Please try again in "
	    "a minute."), m);
}
