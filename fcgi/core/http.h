/*
 * http.h — one request and its response, the route table, declared
 * parameters, and the one response writer.
 *
 * A program declares a static table of routes; each route declares its
 * parameters.  app_run() checks every table at start-up, accepts
 * requests over FastCGI (fcgiapp.h), matches the route, loads the
 * session, checks permission, origin and CSRF token, parses and
 * validates the declared input (undeclared keys never reach a handler)
 * and calls the handler, which fills a view model and returns a status.
 *
 * The kernel is split by concern: http.c (the request loop and the
 * dispatcher), http_route.c (route matching, table checks), http_param.c
 * (declared input), http_upload.c (request bodies, multipart, files),
 * http_resp.c (the response writer, models, rendering), http_form.c (the
 * form-and-transaction flow).  http_int.h is for them and the unit tests.
 *
 * Declared input, kcgi style: a page group names its keys in an enum
 * ending in FOO__MAX and fills a table of that size with designated
 * initializers; the route gives the table with PARAMS(), and the handler
 * reads values by key:
 *
 *	enum consult_key { CONSULT_Q, CONSULT_PAGE, CONSULT__MAX };
 *	extern const struct param consult_params[CONSULT__MAX];	(header)
 *	const struct param consult_params[CONSULT__MAX] = {
 *		[CONSULT_Q] = { .name = "q", .type = PT_STR, .max = 100 },
 *		[CONSULT_PAGE] = { .name = "page", .type = PT_INT,
 *		    .min = 1, .max = 1000 },
 *	};
 *	{ "GET", "/consultations", page_consultations, 0,
 *	    PARAMS(consult_params), 0 },				(route)
 *	http_arg_str(r, CONSULT_Q), http_arg_int(r, CONSULT_PAGE, 1)
 */
#ifndef SHAREK_HTTP_H
#define SHAREK_HTTP_H

#include <stddef.h>
#include <time.h>

#include "buf.h"

/* Marks a UI string for scripts/update-po where tr() is called later. */
#define N_(s)	(s)

struct arena;
struct db;
struct val;
struct kv;
struct req;
struct session;
struct http_io;

enum ptype {
	PT_STR,		/* one line of text */
	PT_TEXT,	/* multi-line text (\n, \t allowed) */
	PT_INT,
	PT_ENUM,
	PT_DATE,	/* YYYY-MM-DD */
	PT_DATETIME,	/* YYYY-MM-DDTHH:MM (HTML datetime-local) */
	PT_EMAIL,
	PT_PHONE,	/* +, digits, spaces, 7–15 digits */
	PT_BOOL,	/* present and "1"/"on"/"true" */
	PT_FILE,
	PT__MAX
};

#define P_REQ		0x01	/* required */
#define P_MULTI		0x02	/* may repeat (checkboxes, reorder lists) */
#define P_QUERY		0x04	/* read from the query string on POST too */
#define P_SECRET	0x08	/* never echoed back (passwords) */
/* A name or title (PT_STR): no bidirectional controls, zero-width
 * characters or line separators (utf8_invisible), which would let one
 * name pass for another on screen.  Refused with a message saying so;
 * the value comes back without them. */
#define P_NAME		0x10

struct param {
	const char		*name;
	enum ptype		 type;
	unsigned		 flags;
	long long		 min;	/* length in characters, value, or bytes */
	long long		 max;	/* 0: the type's default */
	const char *const	*choices;	/* PT_ENUM, NULL-terminated */
	const char		*accept;	/* PT_FILE: "pdf", "pdf,png,jpeg" */
	/* For forms drawn with views/partials/field (present_fields):
	 * msgids of the label and hint, and of each PT_ENUM choice
	 * (parallel to choices). */
	const char		*label;
	const char		*hint;
	const char *const	*choice_labels;
	const char		*autocomplete;	/* the input's purpose */
	/* NULL, or a check run after the type's own (the value trimmed,
	 * valid UTF-8, within bounds): 0 valid, -1 refused with "This
	 * value is not valid.".  See http_valid_* below. */
	int			(*valid)(const char *s, size_t len);
};

/* A route's parameter table and its length, from the array's own size
 * (declare it "extern const struct param foo[FOO__MAX];" in a header). */
#define PARAMS(t)	(t), (int)(sizeof(t) / sizeof((t)[0]))

/* Validators for struct param .valid (0 valid, -1 not).
 * A slug: [a-z0-9][a-z0-9_-]*, as in /files/{name:slug}. */
int		 http_valid_slug(const char *s, size_t len);
/* An absolute http:// or https:// URL with a host; no other scheme, no
 * blanks, control characters or backslashes. */
int		 http_valid_url(const char *s, size_t len);
/* A phone number as PT_PHONE takes it: an optional leading +, 7 to 15
 * digits, spaces, hyphens and parentheses between them. */
int		 http_valid_phone(const char *s, size_t len);
/* A name or title as P_NAME takes it, for names that come from
 * elsewhere than a declared field (upload file names): valid UTF-8
 * without control or invisible characters (utf8_invisible). */
int		 http_valid_name(const char *s, size_t len);

/*
 * Uploaded files are written to var/uploads while the body streams in,
 * before the handler decides anything.  The kernel keeps them only when
 * the handler stored them: a form transaction committed (http_form_tx
 * gave OUT_OK) and the answer is not an error.  Otherwise — any 4xx or
 * 5xx, whether the kernel or the handler decided it (404, 409, 422,
 * 403, …), a double submit, a form shown again — every file the request
 * wrote is removed when the handler returns.
 */
struct upload {
	char		*path;		/* absolute path under var/uploads */
	char		*stored_name;	/* server-generated */
	/* As sent, for display only: valid UTF-8 without control or
	 * invisible characters (else the field is refused with a
	 * message), cut to 255 bytes on a character boundary. */
	char		*orig_name;
	const char	*mime;		/* detected from the content */
	size_t		 size;
	unsigned char	 sha256[32];
	int		 badname;	/* orig_name refused (see above) */
	int		 nospace;	/* not written (disk full): refused with
					   a message, the rest of the body read */
};

struct pval {
	int		 set;		/* present and valid */
	int		 present;	/* sent at all (even if invalid) */
	const char	*s;		/* the value as sent (echo it back) */
	size_t		 len;
	long long	 i;		/* PT_INT, PT_BOOL, PT_ENUM (index) */
	time_t		 t;		/* PT_DATE, PT_DATETIME (UTC) */
	const char	*err;		/* message in the user's language */
	struct upload	*file;
	const char	**vals;		/* P_MULTI: every value */
	int		 nvals;
};

#define R_LOGIN		0x01	/* needs a signed-in user */
#define R_NOCSRF	0x02	/* POST without token (login is NOT one) */
#define R_UPLOAD	0x04	/* multipart with files allowed */
#define R_RAWBODY	0x08	/* handler reads req->rawbody (APIs) */
#define R_FACTOR	0x10	/* also for a session that still owes its
				   second factor (the sign-in pages;
				   session.h) */
#define R_API		0x20	/* an API: the kernel's own errors (the
				   database away, 500…) in its format,
				   app.api_error, not the HTML page */

struct route {
	const char		*method;	/* "GET" (HEAD too) or "POST" */
	const char		*pattern;	/* "/c/{id}" {x}: digits, {x:slug} */
	int			(*handler)(struct req *);
	int			 perm;		/* given to app.authorize */
	const struct param	*params;
	int			 nparams;
	unsigned		 flags;
};

struct app {
	const char		*name;		/* "public", "staff", … */
	const char		*prefix;	/* "", "/staff", "/complaints" */
	const char		*layout;	/* template of the page frame */
	const char		*db_account;	/* conf key prefix in [db] */
	const struct route	*routes;
	int			 nroutes;
	/* Decides route permissions: 0 allow, -1 forbid.  May be NULL. */
	int			(*authorize)(struct req *, int perm);
	/* Called once per process after configuration and database. */
	int			(*init)(void);
	/* Adds program-wide values (navigation) to every page's model. */
	void			(*decorate)(struct req *, struct val *);
	/* For R_API routes: writes the error status with its message (in
	 * the request's language) as the API's error document and returns
	 * the status; headers already set (Retry-After) stay.  May be
	 * NULL. */
	int			(*api_error)(struct req *, int status,
				    const char *message);
	/* Paths that start with it are the API's even when no route
	 * matches: their 404 and 405 go through api_error too, so a
	 * client asking for what does not exist reads its own format.
	 * May be NULL. */
	const char		*api_prefix;
};

#define HTTP_MAXSEG	8

struct req {
	struct arena		*a;
	struct db		*db;
	const struct app	*app;
	const struct route	*route;
	const struct http_io	*io;		/* FastCGI or the harness */

	const char		*method;
	const char		*path;		/* below the program prefix */
	const char		*fullpath;
	const char		*query;
	const char		*ctype;
	const char		*host;
	const char		*origin;
	const char		*referer;
	const char		*remote;
	const char		*user_agent;
	const char		*accept_lang;
	long long		 clen;
	int			 head;		/* HEAD: no body sent */
	int			 is_post;
	char			 reqid[24];

	struct kv		*cookies;
	/* The raw query pairs, for the kernel's parsing of the declared
	 * parameters; handlers read http_arg() instead. */
	struct kv		*qs;
	const char		*seg[HTTP_MAXSEG];	/* {…} captures */
	long long		 segi[HTTP_MAXSEG];
	int			 nseg;
	struct pval		*pv;		/* parallel to route->params */
	int			 nerr;		/* invalid fields */
	char			*rawbody;
	size_t			 rawlen;

	const char		*lang;
	struct session		*sess;		/* NULL: anonymous (session.h) */
	char			*anon;		/* anonymous CSRF cookie */
	const char		*csrf;

	/* Response. */
	int			 status;
	const char		*ctype_out;
	struct buf		 hdrs;
	struct buf		 body;
	int			 streaming;
	long long		 streamed;	/* bytes of a streamed body
						   written (http_write) */
	int			 sent_headers;
	int			 nostore;	/* http_nostore */
	int			 cacheable;	/* seconds, http_cacheable */
	/* http_page_reuse: the stamp and end of the page's own copy, and
	 * whether this response came from it. */
	const char		*page_stamp;
	time_t			 page_until;
	int			 page_reused;
	/* The per-visitor tokens the models offered (csrf, nonce): a page
	 * that shows one is never cached, and a new anonymous CSRF cookie
	 * is sent only then (session.c, anon_new). */
	const char		*tokens[4];
	int			 ntokens;
	int			 anon_new;
	int			 committed;	/* a form transaction committed */
	/* The response was cut (a stream failed): the FastCGI request
	 * ends without its end record, so nginx and the client see a
	 * broken transfer. */
	int			 aborted;
};

/* The main loop; returns only on a start-up failure (exit code). */
int		 app_run(const struct app *, int argc, char *argv[]);

/* Input, by key: the index of the parameter in the route's table (the
 * page group's enum).  NULL / def when the route has no such key or the
 * value is absent or invalid (http_arg gives the pval either way).
 * Everything returned belongs to the request (its arena). */
const struct pval *http_arg(const struct req *, int key);
const char	*http_arg_str(const struct req *, int key);
long long	 http_arg_int(const struct req *, int key, long long def);
/* Marks a field invalid with a message (msgid, translated here). */
void		 http_arg_error(struct req *, int key, const char *msgid);

/* Fills model["f"][name] = {value, error} for every declared field and
 * model["errors"] for a summary, so a form is re-rendered with every
 * value kept and a message per field (secrets are not echoed). */
void		 http_form_model(struct req *, struct val *);
const char	*http_cookie(const struct req *, const char *name);

/* Response. */
void		 http_header(struct req *, const char *name, const char *value);
void		 http_cookie_set(struct req *, const char *name,
		    const char *value, long maxage);
/* 303 (or the given status) to a path below the site root; returns it.
 * Anything but a local path ("/…", not "//…" or "/\…") without
 * control characters, blanks or backslashes goes to "/" instead, so a
 * redirect always has a Location and never leaves the site. */
int		 http_redirect(struct req *, int status, const char *url);
/* Renders views/<name>.html inside the program's layout; returns 200
 * (or the status already set, e.g. 422 for a form with errors). */
int		 http_render(struct req *, const char *tmpl, struct val *model);
/* Draws the error page for status; returns status. */
int		 http_error(struct req *, int status);
/* Conditional GET: sets ETag / Last-Modified and returns 1 when the
 * client's copy is fresh (the handler then returns 304). */
int		 http_fresh(struct req *, const char *etag, time_t lastmod);
/* Starts a streamed response (feeds, exports); then http_write.  A
 * handler that fails after this returns 500 (or any error status): the
 * status line has gone, so the kernel cuts the response instead
 * (req.aborted) — the client sees a broken transfer, never a complete
 * 200 with part of the data. */
void		 http_stream(struct req *, const char *ctype);
void		 http_write(struct req *, const void *, size_t);
/* Marks the response "Cache-Control: no-store" (personal data for a
 * request without a session, e.g. one opened by a token).  Every
 * response to a request with a session (or its cookie) gets it anyway,
 * replacing any other Cache-Control; anonymous pages keep theirs. */
void		 http_nostore(struct req *);
/* The page shows nothing specific to its visitor: nginx may keep it for
 * seconds (X-Accel-Expires) and serve it to other anonymous visitors of
 * the same address and language.  The kernel still refuses when the
 * request is not a GET or HEAD, has a session or a session cookie, when
 * the response is not a 200, sets a cookie, is no-store or shows a
 * per-visitor token (a form). */
void		 http_cacheable(struct req *, int seconds);
/* The worker's own copy of an anonymous page (issue 17), for a handler
 * that has read everything its page depends on besides the request in
 * one statement and can sum it up as stamp (generations, a digest of a
 * row): when this worker drew the page of the same method, address and
 * language under the same stamp before until (the first instant at
 * which time alone changes it), the response is that copy — 1, and
 * the handler returns 200 at once.  Otherwise 0: the handler draws the
 * page, and the kernel keeps a copy when nginx could (http_cacheable,
 * after it) and the request had no session and was a GET.  Unlike
 * nginx's copy this one is never older than the stamp. */
int		 http_page_reuse(struct req *, const char *stamp,
		    time_t until);
/* While the page is drawn: the copy being made ends at t already when
 * t is after now and before its end (a list's item closing). */
void		 http_page_until(struct req *, time_t t);
/* The request's translation of msgid. */
const char	*tr(const struct req *, const char *msgid);
/* A new model with what every page needs (lang, dir, user, csrf, …). */
struct val	*http_model(struct req *);
/* A fresh random nonce for a form (hex, arena-owned). */
const char	*http_nonce(struct req *);
/* Claims the submitted form's nonce inside the handler's transaction so
 * a double submit stores nothing twice: 0 first time, 1 already done
 * (*prev gets the result URL recorded then, may be NULL), -1 error. */
int		 http_nonce_claim(struct req *, const char *result_url,
		    const char **prev);
/* The configured public base URL ("http://127.0.0.1:8080"). */
const char	*http_base_url(void);

/*
 * One form-and-transaction flow (DESIGN.md rule 7).  A POST handler
 * checks r->nerr, then hands its writes to http_form_tx:
 *
 *	if (r->nerr > 0)
 *		return http_form_again(r, "public/x", m, 422);
 *	switch (http_form_tx(r, x_tx, &s, url, &prev)) {
 *	case OUT_OK:		return http_redirect(r, 303, url);
 *	case OUT_DUPLICATE:	return http_redirect(r, 303, prev ? prev : url);
 *	case OUT_INVALID:	return http_form_again(r, "public/x", m, 422);
 *	case OUT_CONFLICT:	return http_form_again(r, "public/x", m, 409);
 *	case OUT_NOTFOUND:	return 404;
 *	case OUT_FORBIDDEN:	return 403;
 *	default:		return 500;
 *	}
 *
 * A transaction function returns one outcome and sets nothing else for
 * its caller to decode; on OUT_INVALID it marks the fields first
 * (http_arg_error).
 */
enum outcome {
	OUT_OK,		/* done: committed */
	OUT_DUPLICATE,	/* this form was already submitted (nonce) */
	OUT_CONFLICT,	/* not possible in the item's current state: 409 */
	OUT_INVALID,	/* the input breaks a rule: fields marked, 422 */
	OUT_NOTFOUND,	/* the item does not exist or is not visible */
	OUT_FORBIDDEN,	/* the user may not do this */
	OUT_ERROR	/* database or system failure: 500, logged */
};
/* Runs fn(r, arg) in one transaction (db_tx: retried whole on deadlock).
 * First it claims the form's one-time nonce in that transaction with
 * result_url as the answer to remember; a nonce claimed before gives
 * OUT_DUPLICATE without calling fn, and *prev_url (may be NULL) gets the
 * URL recorded then (arena-owned, or NULL).  Commits only on OUT_OK;
 * every other outcome rolls back and is returned as is.  A form without
 * a nonce (API clients) is not deduplicated. */
enum outcome	 http_form_tx(struct req *,
		    enum outcome (*fn)(struct req *, void *), void *arg,
		    const char *result_url, const char **prev_url);
/* Draws a form again with every value kept and a message per field
 * (http_form_model into model, which may be NULL for a bare
 * http_model) under the given status (400, 409, 422, 429, …); returns
 * the status. */
int		 http_form_again(struct req *, const char *tmpl,
		    struct val *model, int status);
/* A form page: drawn fresh (http_render) at status 200, again
 * (http_form_again) under any other status. */
int		 http_form_page(struct req *, const char *tmpl,
		    struct val *model, int status);
/* The flow above once a handler's checks passed: http_form_tx(fn, arg)
 * with url as the result, then a 303 to url (OUT_OK) or to the URL the
 * first submission recorded (OUT_DUPLICATE).  Any other outcome gives
 * the status it means — 409 OUT_CONFLICT, 422 OUT_INVALID, 404, 403,
 * 500 — and draws nothing: the handler draws its form again for a 409
 * or 422 (http_form_redraw) or answers the status as it is. */
int		 http_form_submit(struct req *,
		    enum outcome (*fn)(struct req *, void *), void *arg,
		    const char *url);
/* The same where fn sets where OUT_OK goes (*to, e.g. the new item's
 * page) and url, the result recorded, is where a second submit goes. */
int		 http_form_submit_to(struct req *,
		    enum outcome (*fn)(struct req *, void *), void *arg,
		    const char *url, const char *const *to);
/* Whether a status of http_form_submit asks for the form again. */
#define http_form_redraw(status)	((status) == 409 || (status) == 422)

#endif
