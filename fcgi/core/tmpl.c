/*
 * tmpl.c — see tmpl.h.
 */
#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

#include "arena.h"
#include "buf.h"
#include "i18n.h"
#include "log.h"
#include "tmpl.h"
#include "vm.h"

enum ntype {
	N_TEXT,
	N_VAR,
	N_URL,
	N_RAW,
	N_SECTION,
	N_INVERTED,
	N_PARTIAL,
	N_TRANS
};

struct node {
	enum ntype	 t;
	const char	*text;		/* N_TEXT, N_TRANS; name otherwise */
	size_t		 len;
	char		**path;		/* dotted name split */
	int		 npath;
	struct node	*child;		/* sections */
	struct node	*next;
	const struct tmpl *partial;
	int		 line;
};

struct tmpl {
	const char	*name;
	struct node	*root;
	struct tmpl	*next;
};

static struct tmpl	*tmpl_all;

#define TMPL_MAXDEPTH	32

static char **
tmpl_split(struct arena *a, const char *name, int *n)
{
	char	**p, *copy, *s, *dot;
	int	 cnt = 1, i = 0;

	for (s = (char *)name; *s; s++)
		if (*s == '.')
			cnt++;
	p = arena_alloc(a, sizeof(char *) * (size_t)cnt);
	copy = arena_strdup(a, name);
	if (strcmp(name, ".") == 0) {
		p[0] = copy;
		*n = 1;
		return p;
	}
	for (s = copy; s != NULL; s = dot) {
		dot = strchr(s, '.');
		if (dot != NULL)
			*dot++ = '\0';
		p[i++] = s;
	}
	*n = i;
	return p;
}

static int
tmpl_name_ok(const char *s, size_t n)
{
	size_t	 i;

	if (n == 0)
		return 0;
	if (n == 1 && s[0] == '.')
		return 1;
	for (i = 0; i < n; i++) {
		char c = s[i];
		if (!((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '_' || c == '.' ||
		    c == '-' || c == '/'))
			return 0;
	}
	return 1;
}

struct tmpl *
tmpl_parse(struct arena *a, const char *name, const char *text, char **err)
{
	struct tmpl	*t;
	struct node	*stack[TMPL_MAXDEPTH], **tailp[TMPL_MAXDEPTH];
	struct node	*root = NULL, *n;
	const char	*p = text, *open, *close, *in;
	size_t		 inlen;
	int		 depth = 0, line = 1, raw;

	t = arena_zalloc(a, sizeof(*t));
	t->name = arena_strdup(a, name);
	stack[0] = NULL;
	tailp[0] = &root;
	while (*p != '\0') {
		open = strstr(p, "{{");
		if (open == NULL)
			open = p + strlen(p);
		if (open > p) {
			n = arena_zalloc(a, sizeof(*n));
			n->t = N_TEXT;
			n->text = p;
			n->len = (size_t)(open - p);
			*tailp[depth] = n;
			tailp[depth] = &n->next;
			for (const char *q = p; q < open; q++)
				if (*q == '\n')
					line++;
		}
		if (*open == '\0')
			break;
		raw = open[2] == '{';
		in = open + (raw ? 3 : 2);
		close = strstr(in, raw ? "}}}" : "}}");
		if (close == NULL) {
			*err = arena_printf(a, "%s:%d: unclosed tag", name,
			    line);
			return NULL;
		}
		inlen = (size_t)(close - in);
		p = close + (raw ? 3 : 2);
		n = arena_zalloc(a, sizeof(*n));
		n->line = line;
		for (const char *q = in; q < close; q++)
			if (*q == '\n')
				line++;
		if (raw) {
			n->t = N_RAW;
		} else if (inlen > 0 && in[0] == '!') {
			continue;
		} else if (inlen > 0 && in[0] == '_') {
			n->t = N_TRANS;
			n->text = arena_strndup(a, in + 1, inlen - 1);
			n->len = inlen - 1;
			if (n->len == 0) {
				*err = arena_printf(a, "%s:%d: empty {{_}}",
				    name, n->line);
				return NULL;
			}
			*tailp[depth] = n;
			tailp[depth] = &n->next;
			continue;
		} else if (inlen > 0 && strchr("#^/>%", in[0]) != NULL) {
			switch (in[0]) {
			case '#': n->t = N_SECTION; break;
			case '^': n->t = N_INVERTED; break;
			case '>': n->t = N_PARTIAL; break;
			case '%': n->t = N_URL; break;
			default: n->t = -1; break;	/* close */
			}
			in++;
			inlen--;
		} else {
			n->t = N_VAR;
		}
		while (inlen > 0 && *in == ' ') {
			in++;
			inlen--;
		}
		while (inlen > 0 && in[inlen - 1] == ' ')
			inlen--;
		if (!tmpl_name_ok(in, inlen)) {
			*err = arena_printf(a, "%s:%d: bad tag name", name,
			    n->line);
			return NULL;
		}
		n->text = arena_strndup(a, in, inlen);
		n->len = inlen;
		if ((int)n->t == -1) {
			if (depth == 0 || strcmp(stack[depth]->text,
			    n->text) != 0) {
				*err = arena_printf(a, "%s:%d: unexpected "
				    "{{/%s}}", name, n->line, n->text);
				return NULL;
			}
			depth--;
			continue;
		}
		n->path = tmpl_split(a, n->text, &n->npath);
		*tailp[depth] = n;
		tailp[depth] = &n->next;
		if (n->t == N_SECTION || n->t == N_INVERTED) {
			if (depth + 1 >= TMPL_MAXDEPTH) {
				*err = arena_printf(a, "%s:%d: nested too "
				    "deep", name, n->line);
				return NULL;
			}
			depth++;
			stack[depth] = n;
			tailp[depth] = &n->child;
		}
	}
	if (depth != 0) {
		*err = arena_printf(a, "%s: {{#%s}} not closed", name,
		    stack[depth]->text);
		return NULL;
	}
	t->root = root;
	return t;
}

void
tmpl_register(struct tmpl *t)
{
	t->next = tmpl_all;
	tmpl_all = t;
}

void
tmpl_clear(void)
{
	tmpl_all = NULL;
}

const struct tmpl *
tmpl_find(const char *name)
{
	struct tmpl	*t;

	for (t = tmpl_all; t != NULL; t = t->next)
		if (strcmp(t->name, name) == 0)
			return t;
	return NULL;
}

static int
tmpl_link_nodes(struct arena *a, const struct tmpl *t, struct node *n,
    char **err)
{
	for (; n != NULL; n = n->next) {
		if (n->t == N_PARTIAL) {
			n->partial = tmpl_find(n->text);
			if (n->partial == NULL) {
				*err = arena_printf(a, "%s:%d: unknown partial "
				    "\"%s\"", t->name, n->line, n->text);
				return -1;
			}
		}
		if (n->child != NULL &&
		    tmpl_link_nodes(a, t, n->child, err) == -1)
			return -1;
	}
	return 0;
}

int
tmpl_link(struct arena *a, char **err)
{
	struct tmpl	*t;

	for (t = tmpl_all; t != NULL; t = t->next)
		if (tmpl_link_nodes(a, t, t->root, err) == -1)
			return -1;
	return 0;
}

static int
tmpl_load_rec(struct arena *a, const char *dir, const char *prefix,
    char **err)
{
	DIR		*d;
	struct dirent	*de;
	struct stat	 st;
	char		*path, *name, *text;
	size_t		 n;
	FILE		*f;
	struct tmpl	*t;

	if ((d = opendir(dir)) == NULL) {
		*err = arena_printf(a, "%s: %s", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (de->d_name[0] == '.')
			continue;
		path = arena_printf(a, "%s/%s", dir, de->d_name);
		if (stat(path, &st) == -1)
			continue;
		if (S_ISDIR(st.st_mode)) {
			if (tmpl_load_rec(a, path, arena_printf(a, "%s%s/",
			    prefix, de->d_name), err) == -1) {
				closedir(d);
				return -1;
			}
			continue;
		}
		n = strlen(de->d_name);
		if (n < 6 || strcmp(de->d_name + n - 5, ".html") != 0)
			continue;
		name = arena_printf(a, "%s%.*s", prefix, (int)(n - 5),
		    de->d_name);
		if ((f = fopen(path, "r")) == NULL) {
			*err = arena_printf(a, "%s: %s", path,
			    strerror(errno));
			closedir(d);
			return -1;
		}
		text = arena_alloc(a, (size_t)st.st_size + 1);
		n = fread(text, 1, (size_t)st.st_size, f);
		text[n] = '\0';
		fclose(f);
		if ((t = tmpl_parse(a, name, text, err)) == NULL) {
			closedir(d);
			return -1;
		}
		tmpl_register(t);
	}
	closedir(d);
	return 0;
}

int
tmpl_load_dir(struct arena *a, const char *dir, char **err)
{
	if (tmpl_load_rec(a, dir, "", err) == -1)
		return -1;
	return tmpl_link(a, err);
}

/* The context stack while rendering. */
struct rctx {
	const struct val	*stack[TMPL_MAXDEPTH * 2];
	int			 depth;
	const char		*lang;
	int			 partials;
	long			 budget;	/* nodes left to render */
};

/* Our templates never come close; a runaway (partials including each
 * other) stops here instead of eating the worker's memory. */
#define TMPL_BUDGET	2000000L

static const struct val *
tmpl_lookup(const struct rctx *r, const struct node *n)
{
	const struct val	*v = NULL;
	int			 i;

	if (n->npath == 1 && strcmp(n->path[0], ".") == 0)
		return r->stack[r->depth];
	for (i = r->depth; i >= 0; i--)
		if ((v = vm_get(r->stack[i], n->path[0])) != NULL)
			break;
	for (i = 1; v != NULL && i < n->npath; i++)
		v = vm_get(v, n->path[i]);
	return v;
}

static void
tmpl_value(struct buf *out, const struct val *v, enum ntype t)
{
	const char	*s;

	if (v == NULL)
		return;
	if (v->t == V_STR)
		s = v->s;
	else if (v->t == V_BOOL)
		s = v->b ? "1" : "";
	else
		return;
	if (t == N_RAW)
		buf_adds(out, s);
	else if (t == N_URL)
		buf_url(out, s, strlen(s));
	else
		buf_html(out, s, strlen(s));
}

static void
tmpl_nodes(struct buf *out, const struct node *n, struct rctx *r)
{
	const struct val	*v, *it;

	for (; n != NULL; n = n->next) {
		if (--r->budget < 0)
			return;
		switch (n->t) {
		case N_TEXT:
			buf_add(out, n->text, n->len);
			break;
		case N_TRANS:
			{
				const char *s = i18n_get(r->lang, n->text);
				buf_html(out, s, strlen(s));
			}
			break;
		case N_VAR:
		case N_URL:
		case N_RAW:
			tmpl_value(out, tmpl_lookup(r, n), n->t);
			break;
		case N_SECTION:
			v = tmpl_lookup(r, n);
			if (!vm_truthy(v))
				break;
			if (r->depth + 1 >= (int)(sizeof(r->stack) /
			    sizeof(r->stack[0])))
				break;
			if (v->t == V_LIST) {
				for (it = v->items; it != NULL; it = it->next) {
					r->stack[++r->depth] = it;
					tmpl_nodes(out, n->child, r);
					r->depth--;
				}
			} else if (v->t == V_OBJ) {
				r->stack[++r->depth] = v;
				tmpl_nodes(out, n->child, r);
				r->depth--;
			} else
				tmpl_nodes(out, n->child, r);
			break;
		case N_INVERTED:
			if (!vm_truthy(tmpl_lookup(r, n)))
				tmpl_nodes(out, n->child, r);
			break;
		case N_PARTIAL:
			/* Recursive partials are bounded, not refused. */
			if (n->partial != NULL && r->partials < TMPL_MAXDEPTH) {
				r->partials++;
				tmpl_nodes(out, n->partial->root, r);
				r->partials--;
			}
			break;
		}
	}
}

void
tmpl_render(struct buf *out, const struct tmpl *t, const struct val *ctx,
    const char *lang)
{
	struct rctx	 r;

	memset(&r, 0, sizeof(r));
	r.stack[0] = ctx;
	r.lang = lang;
	r.budget = TMPL_BUDGET;
	tmpl_nodes(out, t->root, &r);
	if (r.budget < 0)
		log_warnx("%s: %s: render budget exhausted", __func__, t->name);
}
