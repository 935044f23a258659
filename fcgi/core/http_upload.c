/*
 * http_upload.c — request bodies: urlencoded forms, raw bodies for
 * APIs, and streaming multipart with files written to var/uploads as
 * they arrive (size limits, SHA-256, type sniffed from the content,
 * never trusted from the client).
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "http.h"
#include "http_int.h"
#include "log.h"
#include "multipart.h"
#include "urlenc.h"
#include "utf8.h"

const char *
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

int
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

/* Reads n bytes of the body, as FCGX_GetStr does: fewer only at its
 * end. */
static int
http_read_all(struct req *r, char *p, int n)
{
	int	 got = 0, k;

	while (got < n && (k = r->io->read(r->io->ctx, p + got, n - got)) > 0)
		got += k;
	return got;
}

/* An upload's name cut to HTTP_UPNAMEMAX bytes where the column ends,
 * never inside a character, and with its extension kept (".pdf": the
 * name a download is saved under). */
static char *
http_upload_name(struct req *r, const char *s, size_t n)
{
	const char	*dot = strrchr(s, '.');
	size_t		 ext = dot != NULL ? n - (size_t)(dot - s) : 0;

	if (n <= HTTP_UPNAMEMAX)
		return arena_strndup(r->a, s, n);
	if (ext > 16 || ext == n)
		ext = 0;
	return arena_printf(r->a, "%.*s%s",
	    (int)utf8_prefix(s, n - ext, HTTP_UPNAMEMAX - ext),
	    s, ext > 0 ? dot : "");
}

int
http_mp_begin(void *arg, const char *name, const char *filename,
    const char *ctype)
{
	struct http_mpstate *st = arg;
	struct req	*r = st->r;
	unsigned char	 raw[16];
	char		 hex[33];
	const char	*dir;
	size_t		 n;

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
		/* The name is the client's: checked like a name (refused
		 * with a message by http_params, the body still read). */
		n = strlen(filename);
		st->up->badname = http_valid_name(filename, n) == -1;
		st->up->orig_name = st->up->badname ? arena_strdup(r->a, "") :
		    http_upload_name(r, filename, n);
		st->upname = arena_strdup(r->a, name);
		st->fd = open(st->up->path, O_WRONLY | O_CREAT | O_EXCL, 0640);
		if (st->fd == -1) {
			log_warn("%s: %s", __func__, st->up->path);
			st->up->nospace = 1;
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

int
http_mp_data(void *arg, const char *data, size_t n)
{
	struct http_mpstate *st = arg;

	if (st->up != NULL) {
		if (st->up->size + n > st->upmax) {
			st->toolarge = 1;
			return -1;
		}
		if (st->up->nospace)
			return 0;
		if (write(st->fd, data, n) != (ssize_t)n) {
			/* The disk is full (or failing): no part of the file
			 * stays; the rest of the body is read so the form
			 * comes back with its text and a message at the
			 * field (http_params). */
			log_warn("%s: write %s", __func__, st->up->path);
			close(st->fd);
			st->fd = -1;
			unlink(st->up->path);
			st->up->nospace = 1;
			return 0;
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

int
http_mp_end(void *arg)
{
	struct http_mpstate *st = arg;
	struct http_file *f;

	if (st->up != NULL) {
		if (st->fd != -1)
			close(st->fd);
		st->fd = -1;
		crypto_hash_sha256_final(&st->sha, st->up->sha256);
		st->up->mime = st->up->nospace ? NULL : http_sniff(st->up);
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

void
http_unlink_uploads(struct http_mpstate *st)
{
	struct http_file *f;

	if (st->up != NULL) {
		if (st->fd != -1)
			close(st->fd);
		unlink(st->up->path);
	}
	for (f = st->files; f != NULL; f = f->next)
		unlink(f->u->path);
}

/* Reads and parses the body; returns 0 or an HTTP status. */
int
http_body(struct req *r, struct kv **fields, struct http_mpstate *st)
{
	long long	 max;
	char		 boundary[80], chunk[16384];
	int		 n;
	struct multipart *mp;
	static const struct mp_callbacks cb = { http_mp_begin,
	    http_mp_data, http_mp_end };

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
			n = r->io->read(r->io->ctx, chunk,
			    left < (long long)sizeof(chunk) ? (int)left :
			    (int)sizeof(chunk));
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
	n = http_read_all(r, r->rawbody, (int)r->clen);
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
