/*
 * http_param.c — declared input: every value a handler sees was
 * declared by its route and checked here (UTF-8, control characters,
 * length in characters, numbers, dates, e-mail, phone, choices,
 * validators); undeclared keys are dropped.  A bad value keeps what can
 * be shown and gets a message in the user's language, so the form can
 * be drawn again with nothing typed lost (http_form_model).
 */
#include <ctype.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "buf.h"
#include "http.h"
#include "http_int.h"
#include "i18n.h"
#include "urlenc.h"
#include "utf8.h"
#include "vm.h"

const char *
http_cookie(const struct req *r, const char *name)
{
	return kv_get(r->cookies, name);
}

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

static void
http_pv_error(struct req *r, struct pval *p, const char *msgid)
{
	if (p == NULL)
		return;
	if (p->err == NULL)
		r->nerr++;
	p->err = tr(r, msgid);
	p->set = 0;
}

void
http_field_error(struct req *r, const char *name, const char *msgid)
{
	http_pv_error(r, (struct pval *)http_param(r, name), msgid);
}

const struct pval *
http_arg(const struct req *r, int key)
{
	if (r->route == NULL || r->pv == NULL || key < 0 ||
	    key >= r->route->nparams)
		return NULL;
	return &r->pv[key];
}

const char *
http_arg_str(const struct req *r, int key)
{
	const struct pval *p = http_arg(r, key);

	return p != NULL && p->set ? p->s : NULL;
}

long long
http_arg_int(const struct req *r, int key, long long def)
{
	const struct pval *p = http_arg(r, key);

	return p != NULL && p->set ? p->i : def;
}

void
http_arg_error(struct req *r, int key, const char *msgid)
{
	http_pv_error(r, (struct pval *)http_arg(r, key), msgid);
}

/* Whether the summary list errs has an error of field name. */
static int
http_listed(const struct val *errs, const char *name)
{
	const struct val *it, *f;

	for (it = errs->items; it != NULL; it = it->next)
		if ((f = vm_get(it, "field")) != NULL && f->t == V_STR &&
		    strcmp(f->s, name) == 0)
			return 1;
	return 0;
}

void
http_form_model(struct req *r, struct val *m)
{
	struct val	*f = vm_child(m, "f"), *e, *errs;
	int		 i;

	if (r->route == NULL)
		return;
	/* A page may call it twice (a form drawn by its page, then again
	 * by http_form_again), and may list errors of its own: a field's
	 * error is listed once. */
	errs = vm_list(m, "errors");
	for (i = 0; i < r->route->nparams; i++) {
		const struct param *p = &r->route->params[i];
		struct pval *v = &r->pv[i];

		e = vm_child(f, p->name);
		if (v->present && !(p->flags & P_SECRET) && v->s != NULL)
			vm_str(e, "value", v->s);
		if (v->err != NULL && !http_listed(errs, p->name)) {
			struct val *it = vm_push(errs);
			const char *lb = p->label != NULL ? tr(r, p->label) :
			    NULL;

			vm_str(e, "error", v->err);
			vm_str(it, "field", p->name);
			/* The summary names the field (once: a required
			 * field's message names it already). */
			vm_str(it, "message", lb == NULL || strncmp(v->err,
			    lb, strlen(lb)) == 0 ? v->err : i18n_subst(r->a,
			    "{1}: {2}", lb, v->err, NULL));
		}
		if (p->type == PT_BOOL && v->set && v->i)
			vm_bool(e, "checked", 1);
		if (p->flags & P_MULTI) {
			struct val *l = vm_list_empty(e, "values");
			int k;
			for (k = 0; k < v->nvals; k++)
				vm_str(vm_push(l), "value", v->vals[k]);
		}
	}
	vm_bool(m, "has_errors", r->nerr > 0);
}

const char *
http_msgf(struct req *r, const char *msgid, long long a, long long b)
{
	return i18n_subst(r->a, tr(r, msgid), arena_printf(r->a, "%lld", a),
	    arena_printf(r->a, "%lld", b), NULL);
}

/* The message of a required field left empty: it names the field when
 * the param has a label, since the error summary lists messages away
 * from their fields. Arena-owned. */
static const char *
http_required(struct req *r, const struct param *p)
{
	if (p->label == NULL)
		return tr(r, "This field is required.");
	return i18n_subst(r->a, tr(r, "{1}: this field is required."),
	    tr(r, p->label), NULL);
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

/* 1 when s holds only white space: ASCII blanks and line breaks, the
 * no-break space (U+00A0) and the ideographic space (U+3000). */
static int
http_blank(const char *s)
{
	const unsigned char *p = (const unsigned char *)s;

	while (*p != '\0') {
		if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
			p++;
		else if (p[0] == 0xc2 && p[1] == 0xa0)
			p += 2;
		else if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
			p += 3;
		else
			return 0;
	}
	return 1;
}

int
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

int
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

/* A phone number without its separators into out (at least n + 1
 * bytes): an optional leading +, then digits, with spaces, hyphens and
 * parentheses anywhere.  The count of digits (7 to 15), or -1. */
static int
http_phone(const char *s, size_t n, char *out)
{
	char	*w = out;
	size_t	 i;
	int	 digits = 0;

	for (i = 0; i < n; i++) {
		if (s[i] == ' ' || s[i] == '-' || s[i] == '(' || s[i] == ')')
			continue;
		if (s[i] == '+' && w == out) {
			*w++ = '+';
			continue;
		}
		if (!isdigit((unsigned char)s[i])) {
			*w = '\0';
			return -1;
		}
		*w++ = s[i];
		digits++;
	}
	*w = '\0';
	return digits < 7 || digits > 15 ? -1 : digits;
}

int
http_valid_phone(const char *s, size_t len)
{
	char	 buf[64];

	/* Fifteen digits and their separators fit; more cannot be one. */
	if (len >= sizeof(buf))
		return -1;
	return http_phone(s, len, buf) == -1 ? -1 : 0;
}

int
http_valid_slug(const char *s, size_t len)
{
	size_t	 i;

	if (len == 0 || !((s[0] >= 'a' && s[0] <= 'z') ||
	    (s[0] >= '0' && s[0] <= '9')))
		return -1;
	for (i = 1; i < len; i++)
		if (!((s[i] >= 'a' && s[i] <= 'z') ||
		    (s[i] >= '0' && s[i] <= '9') || s[i] == '-' ||
		    s[i] == '_'))
			return -1;
	return 0;
}

int
http_valid_url(const char *s, size_t len)
{
	size_t		 i, host, port = 0;
	unsigned char	 c;

	if (len > 7 && strncasecmp(s, "http://", 7) == 0)
		i = 7;
	else if (len > 8 && strncasecmp(s, "https://", 8) == 0)
		i = 8;
	else
		return -1;
	/* The host: a name or IPv4 address and an optional port.  No
	 * user:password@ (a classic way to disguise where a link goes). */
	for (host = i; i < len && s[i] != '/' && s[i] != '?' && s[i] != '#';
	    i++) {
		c = (unsigned char)s[i];
		if (c == ':' && port == 0 && i > host) {
			port = i + 1;
			continue;
		}
		if (port != 0 ? !isdigit(c) : !(isalnum(c) || c == '.' ||
		    c == '-'))
			return -1;
	}
	if (i == host || s[host] == '.' || s[host] == '-' ||
	    (port != 0 && (i == port || i - port > 5)))
		return -1;
	for (; i < len; i++) {
		c = (unsigned char)s[i];
		if (c <= 0x20 || c == 0x7f || c == '\\' || c == '<' ||
		    c == '>' || c == '"')
			return -1;
	}
	return 0;
}

int
http_valid_name(const char *s, size_t len)
{
	size_t	 k;

	if (utf8_check_text(s, len, 0) == -1 ||
	    utf8_find_invisible(s, len, &k) != len)
		return -1;
	return 0;
}

/* A copy of valid UTF-8 without its invisible characters
 * (utf8_invisible). */
static const char *
http_unhide(struct req *r, const char *s, size_t n)
{
	struct buf	 b;
	size_t		 at, k;

	buf_init(&b, r->a);
	while ((at = utf8_find_invisible(s, n, &k)) < n) {
		buf_add(&b, s, at);
		s += at + k;
		n -= at + k;
	}
	buf_add(&b, s, n);
	return b.data != NULL ? b.data : "";
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
void
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
	if ((p->flags & P_NAME) && p->type == PT_STR &&
	    http_valid_name(v->s, v->len) == -1) {
		/* Shown again without them: sending it again is enough. */
		v->s = http_unhide(r, v->s, v->len);
		v->len = strlen(v->s);
		v->err = tr(r, "Contains invisible formatting characters "
		    "(direction marks or zero-width spaces), which are not "
		    "allowed in names and titles. They have been removed "
		    "below: check the text and send it again.");
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
		/* Only spaces and line breaks is nothing written: a blank
		 * comment or answer is refused as an empty one is. */
		if (http_blank(v->s)) {
			v->s = "";
			v->len = 0;
		}
	}
	if (p->type == PT_PHONE || p->type == PT_INT || p->type == PT_DATE ||
	    p->type == PT_DATETIME)
		/* ٠٧٩١٢٣٤٥٦٧ and ۲۰۲۶-۰۳-۰۱ as typed on an Arabic keyboard:
		 * the handler (and the database) see ASCII digits. */
		v->len = utf8_ascii_digits((char *)v->s, v->len);
	if (v->len == 0) {
		if (p->flags & P_REQ)
			v->err = http_required(r, p);
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
		copy = arena_alloc(r->a, v->len + 1);
		if (http_phone(v->s, strlen(v->s), copy) == -1) {
			v->err = tr(r, "Enter a valid phone number "
			    "(7 to 15 digits).");
			return;
		}
		v->s = copy;
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
	if (p->valid != NULL && p->valid(v->s, strlen(v->s)) != 0) {
		v->err = tr(r, "This value is not valid.");
		return;
	}
	v->set = 1;
}
/* Fills r->pv from the pairs; undeclared keys are dropped here. */
void
http_params(struct req *r, struct kv *pairs, struct kv *query,
    struct http_mpstate *st)
{
	const struct route *rt = r->route;
	int		 i, np = rt->nparams;
	struct kv	*k;
	static const struct param implicit[] = {
		{ .name = "nonce", .type = PT_STR, .min = 32, .max = 32 },
		{ .name = "csrf", .type = PT_STR, .min = 64, .max = 64 },
	};

	r->pv = arena_zalloc(r->a, sizeof(struct pval) * (size_t)(np + 2));
	for (i = 0; i < np + 2; i++) {
		const struct param *p = i < np ? &rt->params[i] :
		    &implicit[i - np];
		struct pval *v = &r->pv[i];
		struct kv *src = pairs;
		int pass;

		if (p->type == PT_FILE) {
			struct http_file *f;
			for (f = st->files; f != NULL; f = f->next)
				if (strcmp(f->name, p->name) == 0)
					break;
			v->present = f != NULL;
			if (f == NULL) {
				if (p->flags & P_REQ)
					v->err = tr(r, "Choose a file.");
			} else if (f->u->nospace) {
				v->err = tr(r, "The file could not be saved: "
				    "the server has no room for it now. "
				    "Everything else you typed is kept: try "
				    "again later, or send the form without the "
				    "file.");
			} else if (f->u->badname) {
				v->err = tr(r, "The file name is not valid "
				    "text (UTF-8) or contains control or "
				    "invisible characters. Rename the file and "
				    "choose it again.");
				unlink(f->u->path);
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
			v->err = http_required(r, p);
		if (!v->present && p->type == PT_BOOL) {
			v->set = 1;
			v->i = 0;
		}
		if (v->err != NULL && i < np)
			r->nerr++;
	}
}
