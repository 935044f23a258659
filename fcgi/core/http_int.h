/*
 * http_int.h — the request kernel's insides, shared by its files
 * (http.c, http_route.c, http_param.c, http_upload.c, http_resp.c,
 * http_form.c) and reachable from the unit tests.  Handlers include
 * http.h only.
 *
 * The pieces that decide security are here on purpose, not static:
 * parameter checks, route matching, the origin check, the multipart
 * callbacks, and a harness that runs one request through the whole
 * dispatcher from an environment and a body, without FastCGI, nginx or
 * MariaDB (kcgi's regress/ style).
 */
#ifndef SHAREK_HTTP_INT_H
#define SHAREK_HTTP_INT_H

#include <stddef.h>

#include <sodium.h>

#include "http.h"

struct kv;
struct db;

#define HTTP_MAXPAIRS	1000
#define HTTP_FIELDMAX	(256 * 1024)	/* one text field of a multipart */
#define HTTP_UPNAMEMAX	255		/* bytes of an upload's name kept */

/*
 * Where a request comes from and where its response goes: FastCGI in
 * app_run, a memory buffer in http_serve_mem.  Every byte of a response
 * goes through io->write.
 */
struct http_io {
	char *const	*envp;		/* "KEY=VALUE", NULL-terminated */
	/* Up to n bytes of the body into p; bytes read, 0 at its end. */
	int		(*read)(void *ctx, char *p, int n);
	/* All n bytes of p to the client; n or -1. */
	int		(*write)(void *ctx, const char *p, int n);
	void		*ctx;
};

/* Reads what the kernel keeps of the configuration ([app] base_url);
 * after conf_load, before serving. */
void		 http_configure(void);
/* Keeps the worker's copy of the response (http_page_reuse) when it
 * may; before the security headers are added (http_serve). */
void		 http_page_keep(struct req *);
/* The request's CGI variable (nginx's fastcgi_param), or NULL. */
const char	*http_env(const struct req *, const char *name);
/* Sets one request up from io and answers it (app_run's loop body). */
void		 http_serve(const struct app *, struct req *,
		    const struct http_io *, struct db *, struct arena *);
/* Everything after the method check: lang switch, route, session,
 * login, origin, body, parameters, CSRF, permission, handler.  Returns
 * the status. */
int		 http_dispatch(struct req *);

/*
 * The request harness: runs one request through http_serve without
 * FastCGI.  env is "KEY=VALUE" strings (REQUEST_METHOD, DOCUMENT_URI,
 * QUERY_STRING, CONTENT_TYPE, CONTENT_LENGTH, HTTP_*), NULL-terminated;
 * body/len the request body.  The whole response ("Status: …" line,
 * headers, blank line, body) is appended to out.  db may be NULL: no
 * session is loaded (anonymous) and no statement runs.  Configuration
 * ([app] base_url, secret key, var) must be loaded and auth_init() done;
 * http_serve_mem calls http_configure itself;
 * templates are optional (error pages fall back to plain text).
 * Returns the response status.  Memory: a's, reset by the caller.
 * (A test that wants the body read in small pieces gives http_serve its
 * own struct http_io.)
 */
int		 http_serve_mem(const struct app *, struct db *,
		    struct arena *, char *const env[], const char *body,
		    size_t len, struct buf *out);

/* ---- routing (http_route.c) ---- */

/* What a capture holds: {x} digits, {x:slug} [a-z0-9_-], {x:ref} a
 * code read whatever its case ([A-Za-z0-9_-]: reference numbers, which
 * people copy as they see them, in capitals). */
enum http_cap { HC_DIGITS, HC_SLUG, HC_REF };
/* One path segment for a capture of kind cap; 1..64 characters. */
int		 http_segment_ok(const char *s, size_t n, enum http_cap cap);
/* 1 when path matches pattern, with the captures in r->seg/segi. */
int		 http_match(struct req *, const char *pattern,
		    const char *path);
/* Checks a route table as app_run does before it serves: parameter
 * names [a-z][a-z0-9_-]*, no name twice in one table, PT_ENUM with
 * choices, pattern syntax, GET or POST only, no method+pattern twice.
 * 0, or -1 with the first problem in err. */
int		 http_routes_check(const struct route *, int n, char *err,
		    size_t errlen);
/* Fossil's rule: 1 when a POST comes from our own pages (Origin or
 * Referer is the base URL or this host; Sec-Fetch-Site not
 * cross-site), 0 otherwise. */
int		 http_same_origin(struct req *);

/* ---- declared input (http_param.c) ---- */

/* Input by declared name, for the kernel's own fields (csrf, nonce) and
 * tests; handlers read by key (http_arg*). */
const struct pval *http_param(const struct req *, const char *name);
const char	*http_str(const struct req *, const char *name);
long long	 http_int(const struct req *, const char *name, long long def);
void		 http_field_error(struct req *, const char *name,
		    const char *msgid);

/* Validates one value of p into v (present, set, s, len, i, t, err). */
void		 http_check(struct req *, const struct param *,
		    struct pval *, const char *raw, size_t n);
struct http_mpstate;
/* Fills r->pv (route params, then the implicit nonce and csrf) from
 * the body pairs, the query pairs and the uploads; undeclared keys are
 * dropped here.  r->nerr counts invalid declared fields. */
void		 http_params(struct req *, struct kv *pairs,
		    struct kv *query, struct http_mpstate *);
/* YYYY-MM-DD, or YYYY-MM-DDTHH:MM[:00] in UTC+3, into *out; 0 or -1. */
int		 http_date_parse(const char *s, int withtime, time_t *out);
/* 1 when s (lower case) is an e-mail address we accept. */
int		 http_email_ok(const char *s);
/* msgid translated, with {1} and {2} replaced by a and b. */
const char	*http_msgf(struct req *, const char *msgid, long long a,
		    long long b);

/* ---- bodies and uploads (http_upload.c) ---- */

struct http_file {
	const char		*name;	/* the form field */
	struct upload		*u;
	struct http_file	*next;
};

/* Upload state while a multipart body streams in. */
struct http_mpstate {
	struct req	*r;
	struct kv	*fields;	/* text fields, last first */
	struct kv	*cur;		/* text field being read */
	struct buf	 text;
	struct upload	*up;		/* file being written */
	const char	*upname;
	int		 fd;
	crypto_hash_sha256_state sha;
	size_t		 upmax;
	int		 toolarge;
	struct http_file *files;
};

/* The multipart callbacks (struct mp_callbacks) over an http_mpstate:
 * text fields to st->fields (at most HTTP_FIELDMAX each), files (only on
 * R_UPLOAD routes) to var/uploads with their size, SHA-256 and sniffed
 * type.  -1 stops the parse (st->toolarge says when for size). */
int		 http_mp_begin(void *st, const char *name,
		    const char *filename, const char *ctype);
int		 http_mp_data(void *st, const char *data, size_t n);
int		 http_mp_end(void *st);
/* Reads and parses the body into *fields; 0 or an HTTP status (400,
 * 413, 415).  Uploads are removed again on failure. */
int		 http_body(struct req *, struct kv **fields,
		    struct http_mpstate *);
/* The type of an uploaded file from its first bytes (pdf, png, jpeg),
 * or NULL. */
const char	*http_sniff(const struct upload *);
/* 1 when a PT_FILE's accept list ("pdf,png") takes mime. */
int		 http_accepts(const char *accept, const char *mime);
/* Removes every file of st (an error after the body was read). */
void		 http_unlink_uploads(struct http_mpstate *);

/* ---- response (http_resp.c) ---- */

const char	*http_reason(int status);
/* The database is away (db_away): 503 with Retry-After and a page in
 * the user's language; for a POST the fields as sent (pairs, in order;
 * secrets left out) in a form that sends them again to the same URL —
 * same nonce and CSRF token, so a press once the database is back is
 * stored once.  files: the request carried files, which are not kept. */
#define HTTP_RETRY_AFTER	"10"
int		 http_unavailable(struct req *, const struct kv *pairs,
		    int files);
void		 http_security_headers(struct req *);
/* Status line and headers through r->io; with_length adds
 * Content-Length of r->body. */
void		 http_send_headers(struct req *, int with_length);

/* ---- forms (http_form.c) ---- */

/* The seams of http_form_tx, for tests without MariaDB: the transaction
 * runner (db_tx) and the nonce claim (http_nonce_claim). */
/* The default http_form_tx_run: db_tx_checked, a COMMIT of unknown
 * outcome resolved by http_nonce_stored (1 stored, 0 not, -1 cannot
 * tell). */
int		 http_form_db_tx(struct db *, int (*)(struct db *, void *),
		    void *);
int		 http_nonce_stored(struct req *);
extern int	(*http_form_tx_run)(struct db *,
		    int (*)(struct db *, void *), void *);
extern int	(*http_form_claim)(struct req *, const char *,
		    const char **);

#endif
