/*
 * harness.h — feeds requests straight to the dispatcher, without nginx,
 * FastCGI or MariaDB (kcgi's regress/ style), for the unit tests.
 *
 *	harness_init("[limits]\nbody_max = 4096\n");
 *	h_get(&app, "/c/42?x=1", NULL, &res);
 *	h_post(&app, "/c/42", hdrs, "application/x-www-form-urlencoded",
 *	    "a=1&csrf=…", len, &res);
 *
 * The configuration is a throwaway one (a temporary var/ with uploads/
 * and run/, a fresh secret key) plus what the test adds; no database, so
 * every request is anonymous.  Bodies can be read in pieces of any size
 * (h_chunk) to split multipart bodies at every boundary.
 */
#ifndef SHAREK_HARNESS_H
#define SHAREK_HARNESS_H

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <sys/stat.h>
#include <unistd.h>

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "conf.h"
#include "http.h"
#include "http_int.h"
#include "log.h"

#define H_BASE	"http://sharek.test"
#define H_HOST	"sharek.test"

struct hres {
	int		 status;
	const char	*head;		/* "Status: …\r\n…\r\n" */
	const char	*body;
	size_t		 bodylen;
};

static struct arena	*h_life, *h_a;
static char		 h_var[256];
static size_t		 h_chunkmax = 1 << 20;	/* bytes per read() */
static char		 h_anon[64];		/* sk_anon cookie */
static const char	*h_csrf;		/* its token */

/* Reads the body in pieces of at most n bytes (1: byte by byte). */
static void __attribute__((unused))
h_chunk(size_t n)
{
	h_chunkmax = n > 0 ? n : 1;
}

static void __attribute__((unused))
harness_cleanup(void)
{
	char	 cmd[600];

	if (h_var[0] != '\0') {
		snprintf(cmd, sizeof(cmd), "rm -rf '%s'", h_var);
		if (system(cmd) != 0)
			fprintf(stderr, "harness: cannot remove %s\n", h_var);
	}
}

/* Sets up the kernel for requests; extra is more INI text (may be
 * NULL).  Exits on failure: nothing can be tested without it. */
static void __attribute__((unused))
harness_init(const char *extra)
{
	char		 path[400], *err = NULL, *ini;
	unsigned char	 key[32], raw[32];
	FILE		*f;
	const char	*tok;

	log_init("test");
	h_life = arena_new(1 << 16);
	h_a = arena_new(1 << 16);
	snprintf(h_var, sizeof(h_var), "/tmp/sharek-unit.XXXXXX");
	if (mkdtemp(h_var) == NULL) {
		perror("mkdtemp");
		exit(2);
	}
	atexit(harness_cleanup);
	snprintf(path, sizeof(path), "%s/uploads", h_var);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/run", h_var);
	mkdir(path, 0700);
	snprintf(path, sizeof(path), "%s/secret.key", h_var);
	memset(key, 7, sizeof(key));
	if ((f = fopen(path, "wb")) == NULL || fwrite(key, 1, sizeof(key),
	    f) != sizeof(key) || fclose(f) != 0) {
		perror(path);
		exit(2);
	}
	ini = arena_printf(h_life, "[app]\nbase_url = %s\nvar = %s\n"
	    "secret_key_file = %s\n%s\n", H_BASE, h_var, path,
	    extra ? extra : "");
	if (conf_parse(h_life, ini, &err) == -1) {
		fprintf(stderr, "harness: %s\n", err);
		exit(2);
	}
	if (auth_init() == -1) {
		fprintf(stderr, "harness: auth_init failed\n");
		exit(2);
	}
	http_configure();
	/* An anonymous visitor's CSRF cookie and its token. */
	tok = auth_token(h_life, raw);
	snprintf(h_anon, sizeof(h_anon), "%s", tok);
	/* Masked as session_csrf() masks it (pad ‖ pad XOR secret, the
	 * secret being the MAC's first 16 bytes), with a pad of zeros. */
	h_csrf = arena_printf(h_life, "%032d%.32s", 0,
	    auth_mac(h_life, "csrf", h_anon));
}

struct h_io {
	const char	*body;
	size_t		 len, off;
	struct buf	*out;
};

static int
h_read(void *ctx, char *p, int n)
{
	struct h_io	*m = ctx;
	size_t		 k = m->len - m->off;

	if (n <= 0)
		return 0;
	if (k > (size_t)n)
		k = (size_t)n;
	if (k > h_chunkmax)
		k = h_chunkmax;
	memcpy(p, m->body + m->off, k);
	m->off += k;
	return (int)k;
}

static int
h_write(void *ctx, const char *p, int n)
{
	struct h_io	*m = ctx;

	buf_add(m->out, p, (size_t)n);
	return n;
}

/* Splits a captured response. */
static void
h_split(struct buf *out, struct hres *res)
{
	char	*sep = strstr(out->data, "\r\n\r\n");

	res->status = 0;
	sscanf(out->data, "Status: %d", &res->status);
	if (sep == NULL) {
		res->head = out->data;
		res->body = "";
		res->bodylen = 0;
		return;
	}
	res->head = arena_strndup(h_a, out->data,
	    (size_t)(sep - out->data) + 2);
	res->body = sep + 4;
	res->bodylen = out->len - (size_t)(sep + 4 - out->data);
}

/*
 * One request.  uri is "/path?query"; hdrs more "KEY=VALUE" variables
 * (HTTP_ORIGIN=…, HTTP_COOKIE=…), NULL-terminated, may be NULL.  The
 * response is valid until the next request (the request arena is reset
 * first).
 */
static int __attribute__((unused))
h_req(const struct app *app, const char *method, const char *uri,
    const char *const *hdrs, const char *ctype, const char *body,
    size_t len, struct hres *res)
{
	const char	*env[64], *q;
	struct buf	*out;
	struct http_io	 io;
	struct h_io	 m;
	struct req	 r;
	int		 n = 0;

	arena_reset(h_a);
	out = arena_zalloc(h_a, sizeof(*out));
	buf_init(out, h_a);
	env[n++] = arena_printf(h_a, "REQUEST_METHOD=%s", method);
	q = strchr(uri, '?');
	env[n++] = arena_printf(h_a, "DOCUMENT_URI=%.*s", q ? (int)(q - uri) :
	    (int)strlen(uri), uri);
	env[n++] = arena_printf(h_a, "QUERY_STRING=%s", q ? q + 1 : "");
	env[n++] = "HTTP_HOST=" H_HOST;
	env[n++] = "REMOTE_ADDR=127.0.0.1";
	if (ctype != NULL)
		env[n++] = arena_printf(h_a, "CONTENT_TYPE=%s", ctype);
	if (body != NULL)
		env[n++] = arena_printf(h_a, "CONTENT_LENGTH=%zu", len);
	for (; hdrs != NULL && *hdrs != NULL && n < 62; hdrs++)
		env[n++] = *hdrs;
	env[n] = NULL;
	memset(&m, 0, sizeof(m));
	m.body = body ? body : "";
	m.len = body ? len : 0;
	m.out = out;
	memset(&io, 0, sizeof(io));
	io.envp = (char *const *)env;
	io.read = h_read;
	io.write = h_write;
	io.ctx = &m;
	http_serve(app, &r, &io, NULL, h_a);
	h_split(out, res);
	return res->status;
}

static int __attribute__((unused))
h_get(const struct app *app, const char *uri, const char *const *hdrs,
    struct hres *res)
{
	return h_req(app, "GET", uri, hdrs, NULL, NULL, 0, res);
}

/* A same-origin form POST with the anonymous visitor's cookie and CSRF
 * token appended to the urlencoded body. */
static int __attribute__((unused))
h_form(const struct app *app, const char *uri, const char *form,
    struct hres *res)
{
	const char	*hdrs[] = { "HTTP_ORIGIN=" H_BASE, NULL, NULL };
	char		*body;

	hdrs[1] = arena_printf(h_life, "HTTP_COOKIE=sk_anon=%s", h_anon);
	body = arena_printf(h_life, "%s%scsrf=%s", form, *form ? "&" : "",
	    h_csrf);
	return h_req(app, "POST", uri, hdrs,
	    "application/x-www-form-urlencoded", body, strlen(body), res);
}

/* The value of a response header (first one), arena-owned, or NULL. */
static const char * __attribute__((unused))
h_header(const struct hres *res, const char *name)
{
	const char	*p = res->head;
	size_t		 n = strlen(name);

	while ((p = strstr(p, "\r\n")) != NULL) {
		p += 2;
		if (strncasecmp(p, name, n) == 0 && p[n] == ':') {
			const char *v = p + n + 1, *e;
			while (*v == ' ')
				v++;
			e = strstr(v, "\r\n");
			return arena_strndup(h_a, v, e ? (size_t)(e - v) :
			    strlen(v));
		}
	}
	return NULL;
}

/* 1 when the body contains s. */
static int __attribute__((unused))
h_has(const struct hres *res, const char *s)
{
	return res->body != NULL && strstr(res->body, s) != NULL;
}

#endif
