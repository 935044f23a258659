/*
 * http.c — see http.h.  The request loop (app_run over FastCGI), one
 * request's set-up (http_serve) and the dispatcher: route, session,
 * login, origin, body, declared parameters, CSRF token, permission,
 * handler.  The request harness (http_serve_mem) runs the same code from
 * memory for the unit tests.  The only file that knows FCGX.
 */
#include <fcntl.h>
#include <signal.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <unistd.h>

#include <fastcgi.h>
#include <fcgiapp.h>
#include <sodium.h>

#include "arena.h"
#include "asset.h"
#include "buf.h"
#include "cache.h"
#include "conf.h"
#include "cookie.h"
#include "db.h"
#include "http.h"
#include "http_int.h"
#include "i18n.h"
#include "log.h"
#include "session.h"
#include "sql_gen.h"
#include "tmpl.h"
#include "urlenc.h"

static const char	*http_baseurl = "";
static volatile sig_atomic_t http_stop;

const char *
http_base_url(void)
{
	return http_baseurl;
}

void
http_configure(void)
{
	http_baseurl = conf_get("app", "base_url", "http://127.0.0.1:8080");
}

const char *
http_env(const struct req *r, const char *name)
{
	char *const	*e;
	size_t		 n = strlen(name);

	if (r->io == NULL || r->io->envp == NULL)
		return NULL;
	for (e = r->io->envp; *e != NULL; e++)
		if (strncmp(*e, name, n) == 0 && (*e)[n] == '=')
			return *e + n + 1;
	return NULL;
}

/* Appends a decoded path to b percent-encoded as a query value, with
 * its slashes left as they are (readable, and what the login page's
 * next= expects). */
static void
http_url_path(struct buf *b, const char *path)
{
	const char	*p, *q;

	for (p = path; *p != '\0'; p = q) {
		for (q = p; *q != '\0' && *q != '/'; q++)
			;
		buf_url(b, p, (size_t)(q - p));
		if (*q == '/')
			buf_addc(b, *q++);
	}
}

/* 1 when some route of this program matches path with method (NULL:
 * any method). */
static int
http_has_route(struct req *r, const char *path, const char *method)
{
	int	 i;

	for (i = 0; i < r->app->nroutes; i++)
		if ((method == NULL ||
		    strcmp(r->app->routes[i].method, method) == 0) &&
		    http_match(r, r->app->routes[i].pattern, path))
			return 1;
	return 0;
}

/* The language link of a page drawn by a POST (a form sent back with
 * its errors) carries that POST's path: following it would answer 405.
 * Such a next goes to the GET page of the same path, else the nearest
 * parent path that has one, else the program's home. Any other next
 * is kept as it is. Returned memory is the request arena's. */
static const char *
http_lang_next(struct req *r, const char *next)
{
	const char	*prefix = r->app->prefix, *path, *slash;
	size_t		 plen = strlen(prefix), n;

	if (next == NULL || next[0] != '/')
		return next;
	n = strcspn(next, "?#");
	if (plen > 0 && (strncmp(next, prefix, plen) != 0 ||
	    (next[plen] != '/' && plen != n)))
		return next;
	path = plen == n ? "/" : arena_strndup(r->a, next + plen, n - plen);
	if (!http_has_route(r, path, NULL) || http_has_route(r, path, "GET"))
		return next;
	while ((slash = strrchr(path, '/')) != NULL && slash > path) {
		path = arena_strndup(r->a, path, (size_t)(slash - path));
		if (http_has_route(r, path, "GET"))
			return arena_printf(r->a, "%s%s", prefix, path);
	}
	return arena_printf(r->a, "%s/", prefix);
}

/* Language switch, built into every program:
 * GET <prefix>/lang/{ar|en}?next=/path — keeps the choice in a cookie;
 * a next that is not a safe local path goes to "/" (http_redirect), a
 * next that only a POST answers to its GET page (http_lang_next). */
static int
http_lang_switch(struct req *r)
{
	const char	*to = r->path + 6, *next = kv_get(r->qs, "next");

	if (!i18n_supported(to))
		return http_error(r, 404);
	http_cookie_set(r, "lang", to, 365L * 86400);
	r->lang = to;
	return http_redirect(r, 303, http_lang_next(r, next));
}

int
http_dispatch(struct req *r)
{
	const struct app *app = r->app;
	int		 i, allowed = 0, rc;
	struct kv	*pairs = NULL;
	struct http_mpstate st;
	char		 allow[64] = "";
	int		 away = 0;

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
	/* Without a database (the request harness) everyone is
	 * anonymous. */
	if (r->db != NULL) {
		session_load(r);
		/* The database is away: the page says so (503), and a
		 * form comes back as it was sent (http_unavailable). */
		away = db_away(r->db);
	}
	if (r->sess != NULL && http_cookie(r, "lang") == NULL &&
	    r->sess->user_lang != NULL && i18n_supported(r->sess->user_lang))
		r->lang = strcmp(r->sess->user_lang, "en") == 0 ? "en" : "ar";
	if ((r->route->flags & R_LOGIN) && r->sess == NULL && !away) {
		struct buf next;
		if (r->is_post)
			return http_error(r, 403);
		/* The path as nginx decoded it, encoded again for the
		 * query (only '/' left as is). */
		buf_init(&next, r->a);
		buf_printf(&next, "%s/login?next=", app->prefix);
		http_url_path(&next, r->fullpath);
		return http_redirect(r, 303, next.data);
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
	if (away) {
		http_unlink_uploads(&st);
		return http_unavailable(r, pairs, st.files != NULL);
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
	if (rc >= 500 && !r->streaming && r->db != NULL && db_away(r->db)) {
		http_unlink_uploads(&st);
		rc = http_unavailable(r, pairs, st.files != NULL);
	}
	if (rc >= 400 && r->body.len == 0 && !r->streaming)
		rc = http_error(r, rc);
	/* The files were written before anything was decided: they stay
	 * only when the handler stored them (http.h, struct upload). */
	if (!r->committed || rc >= 400)
		http_unlink_uploads(&st);
	return rc;
}

/* SIGTERM/SIGINT are blocked while a request is served (a busy worker
 * finishes it) and let in only around FCGX_Accept_r: there the handler
 * interrupts a blocked accept (no SA_RESTART, FCGI_FAIL_ACCEPT_ON_INTR)
 * and, for a signal that lands just before accept is entered, puts
 * /dev/null on the listen descriptor so that accept fails at once.  An
 * idle worker thus exits within a second of a stop. */
static int		 http_nullfd = -1;

static void
http_sigterm(int sig)
{
	(void)sig;
	http_stop = 1;
	FCGX_ShutdownPending();
	if (http_nullfd != -1)
		dup2(http_nullfd, FCGI_LISTENSOCK_FILENO);
}

/* Accepts the next request unless a stop was asked for: 1, or 0 to
 * stop. */
static int
http_accept(FCGX_Request *f, const sigset_t *term)
{
	int	 rc = -1;

	sigprocmask(SIG_UNBLOCK, term, NULL);
	if (!http_stop)
		rc = FCGX_Accept_r(f);
	sigprocmask(SIG_BLOCK, term, NULL);
	return rc >= 0 && !http_stop;
}

void
http_serve(const struct app *app, struct req *r, const struct http_io *io,
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
	r->io = io;
	buf_init(&r->hdrs, a);
	buf_init(&r->body, a);
	if (db != NULL)
		db_count_reset(db);
	cache_request();

	if ((v = http_env(r, "REQUEST_ID")) != NULL && *v)
		snprintf(r->reqid, sizeof(r->reqid), "%.20s", v);
	else {
		randombytes_buf(raw, sizeof(raw));
		sodium_bin2hex(r->reqid, sizeof(r->reqid), raw, sizeof(raw));
	}
	log_set_reqid(r->reqid);
	r->method = http_env(r, "REQUEST_METHOD");
	if (r->method == NULL)
		r->method = "GET";
	r->head = strcmp(r->method, "HEAD") == 0;
	r->is_post = strcmp(r->method, "POST") == 0;
	uri = http_env(r, "DOCUMENT_URI");
	if (uri == NULL) {
		uri = http_env(r, "REQUEST_URI");
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
	r->query = http_env(r, "QUERY_STRING");
	r->ctype = http_env(r, "CONTENT_TYPE");
	r->host = http_env(r, "HTTP_HOST");
	r->origin = http_env(r, "HTTP_ORIGIN");
	r->referer = http_env(r, "HTTP_REFERER");
	r->remote = http_env(r, "REMOTE_ADDR");
	if (r->remote == NULL)
		r->remote = "";
	r->user_agent = http_env(r, "HTTP_USER_AGENT");
	r->accept_lang = http_env(r, "HTTP_ACCEPT_LANGUAGE");
	v = http_env(r, "CONTENT_LENGTH");
	r->clen = v != NULL && *v ? strtoll(v, NULL, 10) : 0;

	v = http_env(r, "HTTP_COOKIE");
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
		http_page_keep(r);
		http_security_headers(r);
		http_send_headers(r, 1);
		if (!r->head && r->status != 304 && r->status != 204)
			io->write(io->ctx, r->body.data, (int)r->body.len);
	} else if (rc >= 400 || rc < 0) {
		/* The handler failed after "200" went out: what was sent
		 * must not pass for the whole (http.h, http_stream). */
		r->aborted = 1;
		r->status = rc > 0 ? rc : 500;
	}
	log_info("%s %s %d %dq%s", r->method, r->fullpath, r->status,
	    db != NULL ? db_count(db) : 0, r->aborted ? " cut" : "");
	log_set_reqid(NULL);
}

/* ---- FastCGI ------------------------------------------------------ */

static int
http_fcgx_read(void *ctx, char *p, int n)
{
	FCGX_Request	*f = ctx;

	return FCGX_GetStr(p, n, f->in);
}

static int
http_fcgx_write(void *ctx, const char *p, int n)
{
	FCGX_Request	*f = ctx;

	return FCGX_PutStr(p, n, f->out);
}

int
app_run(const struct app *app, int argc, char *argv[])
{
	struct arena	*life, *a;
	const char	*path, *root, *user, *pw;
	char		*err = NULL, key[64], rerr[512];
	struct db	*db;
	FCGX_Request	 f;
	struct req	 r;
	struct sigaction sa;
	sigset_t	 term;
	struct http_io	 io;

	(void)argc;
	(void)argv;
	log_init(app->name);
	/* A table error stops the program before it serves. */
	if (http_routes_check(app->routes, app->nroutes, rerr,
	    sizeof(rerr)) == -1)
		fatalx("routes of %s: %s", app->name, rerr);
	life = arena_new(1 << 16);
	path = getenv("SHAREK_CONF");
	if (path == NULL)
		fatalx("SHAREK_CONF is not set (path to sharek.ini)");
	if (conf_load(life, path, &err) == -1)
		fatalx("configuration: %s", err);
	http_configure();
	root = conf_get("app", "root", ".");
	if (i18n_load_root(life, root, &err) == -1)
		fatalx("catalogues: %s", err);
	if (tmpl_load_dir(life, arena_printf(life, "%s/views", root),
	    &err) == -1)
		fatalx("templates: %s", err);
	if (asset_load(life, arena_printf(life, "%s/static", root),
	    &err) == -1)
		fatalx("static files: %s", err);
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

	sigemptyset(&term);
	sigaddset(&term, SIGTERM);
	sigaddset(&term, SIGINT);
	sigprocmask(SIG_BLOCK, &term, NULL);
	http_nullfd = open("/dev/null", O_RDONLY | O_CLOEXEC);
	memset(&sa, 0, sizeof(sa));
	sa.sa_handler = http_sigterm;
	sa.sa_flags = 0;		/* no SA_RESTART: accept is cut */
	sigaction(SIGTERM, &sa, NULL);
	sigaction(SIGINT, &sa, NULL);
	signal(SIGPIPE, SIG_IGN);

	if (FCGX_Init() != 0)
		fatalx("FCGX_Init failed");
	FCGX_InitRequest(&f, 0, FCGI_FAIL_ACCEPT_ON_INTR);
	a = arena_new(1 << 16);
	log_info("ready");
	memset(&io, 0, sizeof(io));
	io.read = http_fcgx_read;
	io.write = http_fcgx_write;
	io.ctx = &f;
	while (http_accept(&f, &term)) {
		io.envp = f.envp;
		http_serve(app, &r, &io, db, a);
		if (r.aborted) {
			/* What was written goes out, then the connection
			 * closes without FCGI_END_REQUEST: nginx (with
			 * fastcgi_keep_conn, see conf/) takes that for a
			 * truncated response and breaks the transfer to
			 * the client.  The next Accept opens a new one. */
			FCGX_FFlush(f.out);
			FCGX_Free(&f, 1);
		} else
			FCGX_Finish_r(&f);
		arena_reset(a);
	}
	log_info("stopping");
	db_close(db);
	arena_free(a);
	arena_free(life);
	return 0;
}

/* ---- the request harness ------------------------------------------ */

struct http_mem {
	const char	*body;
	size_t		 len, off;
	struct buf	*out;
};

static int
http_mem_read(void *ctx, char *p, int n)
{
	struct http_mem	*m = ctx;
	size_t		 k = m->len - m->off;

	if (n <= 0)
		return 0;
	if (k > (size_t)n)
		k = (size_t)n;
	memcpy(p, m->body + m->off, k);
	m->off += k;
	return (int)k;
}

static int
http_mem_write(void *ctx, const char *p, int n)
{
	struct http_mem	*m = ctx;

	if (n > 0)
		buf_add(m->out, p, (size_t)n);
	return n;
}

int
http_serve_mem(const struct app *app, struct db *db, struct arena *a,
    char *const env[], const char *body, size_t len, struct buf *out)
{
	struct http_mem	 m;
	struct http_io	 io;
	struct req	 r;

	http_configure();
	memset(&m, 0, sizeof(m));
	m.body = body != NULL ? body : "";
	m.len = body != NULL ? len : 0;
	m.out = out;
	memset(&io, 0, sizeof(io));
	io.envp = env;
	io.read = http_mem_read;
	io.write = http_mem_write;
	io.ctx = &m;
	http_serve(app, &r, &io, db, a);
	return r.status;
}
