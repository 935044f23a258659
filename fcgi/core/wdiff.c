/*
 * wdiff.c — see wdiff.h.  The texts are cut into words (the whitespace
 * before a word belongs to it), each word gets a number (equal words,
 * whitespace included, equal numbers), and the shortest edit script
 * over the two number sequences is found by Myers' O(ND) algorithm in
 * its linear-space form: find the middle snake of the edit graph from
 * both ends, recurse on the two halves (as GNU diff does, without its
 * "too expensive" shortcut, so the script is always a shortest one).
 * Memory is linear in the number of words; all of it is arena memory.
 */
#include <limits.h>
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "vm.h"
#include "wdiff.h"

struct word {
	const char	*p;
	size_t		 len;
};

struct ctx {
	const int	*x, *y;		/* word numbers of old and new */
	char		*xdel, *yins;	/* flags: deleted / inserted */
	int		*fd, *bd;	/* forward / backward V, by diagonal */
};

/* The length of the whitespace character at p, 0 when p is not one:
 * ASCII whitespace, no-break space, the Unicode spaces U+2000–U+200A,
 * line and paragraph separators, U+202F, U+205F and U+3000. */
static size_t
space_len(const unsigned char *p)
{
	if (*p == ' ' || (*p >= '\t' && *p <= '\r'))
		return 1;
	if (p[0] == 0xc2 && p[1] == 0xa0)
		return 2;
	if (p[0] == 0xe2 && p[1] == 0x80 && ((p[2] >= 0x80 && p[2] <= 0x8a) ||
	    p[2] == 0xa8 || p[2] == 0xa9 || p[2] == 0xaf))
		return 3;
	if (p[0] == 0xe2 && p[1] == 0x81 && p[2] == 0x9f)
		return 3;
	if (p[0] == 0xe3 && p[1] == 0x80 && p[2] == 0x80)
		return 3;
	return 0;
}

/* The words of s: whitespace then non-whitespace; trailing whitespace
 * is a word of its own.  Counts them first when w is NULL. */
static int
split(const char *s, struct word *w)
{
	const unsigned char	*p = (const unsigned char *)s, *start;
	size_t			 k;
	int			 n = 0;

	while (*p != '\0') {
		start = p;
		while (*p != '\0' && (k = space_len(p)) > 0)
			p += k;
		while (*p != '\0' && space_len(p) == 0)
			p++;
		if (w != NULL) {
			w[n].p = (const char *)start;
			w[n].len = (size_t)(p - start);
		}
		n++;
	}
	return n;
}

static uint64_t
hash(const struct word *w)
{
	uint64_t	 h = 14695981039346656037ULL;	/* FNV-1a */
	size_t		 i;

	for (i = 0; i < w->len; i++) {
		h ^= (unsigned char)w->p[i];
		h *= 1099511628211ULL;
	}
	return h;
}

/* Numbers the n words of w (old then new) so that equal words get
 * equal numbers (*nid of them); open addressing over a table twice as
 * large. */
static int *
number(struct arena *a, const struct word *w, int n, int *nid)
{
	size_t		 size = 16, i;
	int		*slot, *id, next = 0, k;
	uint64_t	*h;

	while (size < (size_t)n * 2)
		size *= 2;
	slot = arena_alloc(a, size * sizeof(*slot));
	memset(slot, 0xff, size * sizeof(*slot));	/* -1: empty */
	id = arena_alloc(a, ((size_t)n + 1) * sizeof(*id));
	h = arena_alloc(a, ((size_t)n + 1) * sizeof(*h));
	for (k = 0; k < n; k++) {
		h[k] = hash(&w[k]);
		for (i = h[k] & (size - 1); slot[i] != -1; i = (i + 1) &
		    (size - 1))
			if (h[slot[i]] == h[k] && w[slot[i]].len == w[k].len &&
			    memcmp(w[slot[i]].p, w[k].p, w[k].len) == 0)
				break;
		if (slot[i] == -1) {
			slot[i] = k;
			id[k] = next++;
		} else
			id[k] = id[slot[i]];
	}
	*nid = next;
	return id;
}

/* The middle snake of x[xoff, xlim) against y[yoff, ylim), both
 * non-empty and differing at both ends: where a shortest script crosses
 * the middle of its length. */
static void
middle(struct ctx *c, int xoff, int xlim, int yoff, int ylim, int *xmid,
    int *ymid)
{
	int	*fd = c->fd, *bd = c->bd;
	int	 dmin = xoff - ylim, dmax = xlim - yoff;
	int	 fmid = xoff - yoff, bmid = xlim - ylim;
	int	 fmin = fmid, fmax = fmid, bmin = bmid, bmax = bmid;
	int	 odd = (fmid - bmid) & 1;
	int	 d, x, y, lo, hi;

	fd[fmid] = xoff;
	bd[bmid] = xlim;
	for (;;) {
		/* One more step forward on every diagonal in reach. */
		if (fmin > dmin)
			fd[--fmin - 1] = -1;
		else
			++fmin;
		if (fmax < dmax)
			fd[++fmax + 1] = -1;
		else
			--fmax;
		for (d = fmax; d >= fmin; d -= 2) {
			lo = fd[d - 1];
			hi = fd[d + 1];
			x = lo >= hi ? lo + 1 : hi;
			y = x - d;
			while (x < xlim && y < ylim && c->x[x] == c->y[y]) {
				x++;
				y++;
			}
			fd[d] = x;
			if (odd && bmin <= d && d <= bmax && bd[d] <= x) {
				*xmid = x;
				*ymid = y;
				return;
			}
		}
		/* One more step backward. */
		if (bmin > dmin)
			bd[--bmin - 1] = INT_MAX;
		else
			++bmin;
		if (bmax < dmax)
			bd[++bmax + 1] = INT_MAX;
		else
			--bmax;
		for (d = bmax; d >= bmin; d -= 2) {
			lo = bd[d - 1];
			hi = bd[d + 1];
			x = lo < hi ? lo : hi - 1;
			y = x - d;
			while (x > xoff && y > yoff &&
			    c->x[x - 1] == c->y[y - 1]) {
				x--;
				y--;
			}
			bd[d] = x;
			if (!odd && fmin <= d && d <= fmax && x <= fd[d]) {
				*xmid = x;
				*ymid = y;
				return;
			}
		}
	}
}

/* Marks the words of a shortest script from x[xoff, xlim) to
 * y[yoff, ylim). */
static void
compare(struct ctx *c, int xoff, int xlim, int yoff, int ylim)
{
	int	 xmid, ymid;

	for (;;) {
		while (xoff < xlim && yoff < ylim && c->x[xoff] == c->y[yoff]) {
			xoff++;
			yoff++;
		}
		while (xlim > xoff && ylim > yoff &&
		    c->x[xlim - 1] == c->y[ylim - 1]) {
			xlim--;
			ylim--;
		}
		if (xoff == xlim) {
			if (yoff < ylim)
				memset(c->yins + yoff, 1, (size_t)(ylim - yoff));
			return;
		}
		if (yoff == ylim) {
			memset(c->xdel + xoff, 1, (size_t)(xlim - xoff));
			return;
		}
		middle(c, xoff, xlim, yoff, ylim, &xmid, &ymid);
		compare(c, xoff, xmid, yoff, ymid);
		/* The second half in the loop, not a second call. */
		xoff = xmid;
		yoff = ymid;
	}
}

/* Appends text to the spans, merged into the last one of the same op
 * (the words of one op in one text are contiguous). */
static void
emit(struct wdiff_span *s, size_t *n, enum wdiff_op op, const char *p,
    size_t len)
{
	if (len == 0)
		return;
	if (*n > 0 && s[*n - 1].op == op &&
	    s[*n - 1].text + s[*n - 1].len == p) {
		s[*n - 1].len += len;
		return;
	}
	s[*n].op = op;
	s[*n].text = p;
	s[*n].len = len;
	(*n)++;
}

struct wdiff_span *
wdiff(struct arena *a, const char *old, const char *new_, size_t *n)
{
	struct wdiff_span	*s;
	struct word		*w;
	struct ctx		 c;
	int			 nx, ny, i, j, *id, *v, nid, kx, ky;
	int			*rx, *ry, *mx, *my;
	char			*xdel, *yins, *inx, *iny;

	if (old == NULL)
		old = "";
	if (new_ == NULL)
		new_ = "";
	*n = 0;
	nx = split(old, NULL);
	ny = split(new_, NULL);
	s = arena_alloc(a, ((size_t)nx + (size_t)ny + 2) * sizeof(*s));
	if (strcmp(old, new_) == 0) {
		emit(s, n, WD_SAME, new_, strlen(new_));
		return s;
	}
	if (nx + ny > WDIFF_MAX_WORDS) {
		emit(s, n, WD_DEL, old, strlen(old));
		emit(s, n, WD_INS, new_, strlen(new_));
		return s;
	}
	w = arena_alloc(a, ((size_t)nx + (size_t)ny + 1) * sizeof(*w));
	split(old, w);
	split(new_, w + nx);
	id = number(a, w, nx + ny, &nid);
	xdel = arena_zalloc(a, (size_t)nx + 1);
	yins = arena_zalloc(a, (size_t)ny + 1);
	/* A word that only one text has is an edit in every shortest
	 * script, and leaving it out changes no common subsequence: Myers
	 * runs on the other words only, which keeps a rewrite fast. */
	inx = arena_zalloc(a, (size_t)nid + 1);
	iny = arena_zalloc(a, (size_t)nid + 1);
	for (i = 0; i < nx; i++)
		inx[id[i]] = 1;
	for (j = 0; j < ny; j++)
		iny[id[nx + j]] = 1;
	rx = arena_alloc(a, ((size_t)nx + 1) * sizeof(*rx));
	mx = arena_alloc(a, ((size_t)nx + 1) * sizeof(*mx));
	ry = arena_alloc(a, ((size_t)ny + 1) * sizeof(*ry));
	my = arena_alloc(a, ((size_t)ny + 1) * sizeof(*my));
	for (i = 0, kx = 0; i < nx; i++) {
		if (iny[id[i]]) {
			rx[kx] = id[i];
			mx[kx++] = i;
		} else
			xdel[i] = 1;
	}
	for (j = 0, ky = 0; j < ny; j++) {
		if (inx[id[nx + j]]) {
			ry[ky] = id[nx + j];
			my[ky++] = j;
		} else
			yins[j] = 1;
	}
	c.x = rx;
	c.y = ry;
	c.xdel = arena_zalloc(a, (size_t)kx + 1);
	c.yins = arena_zalloc(a, (size_t)ky + 1);
	/* Diagonals run from -ky - 1 to kx + 1. */
	v = arena_alloc(a, 2 * ((size_t)kx + (size_t)ky + 3) * sizeof(*v));
	c.fd = v + ky + 1;
	c.bd = v + (kx + ky + 3) + ky + 1;
	compare(&c, 0, kx, 0, ky);
	for (i = 0; i < kx; i++)
		if (c.xdel[i])
			xdel[mx[i]] = 1;
	for (j = 0; j < ky; j++)
		if (c.yins[j])
			yins[my[j]] = 1;

	/* Reading order: at each change, what goes before what comes. */
	for (i = 0, j = 0; i < nx || j < ny;) {
		if (i < nx && xdel[i]) {
			emit(s, n, WD_DEL, w[i].p, w[i].len);
			i++;
		} else if (j < ny && yins[j]) {
			emit(s, n, WD_INS, w[nx + j].p, w[nx + j].len);
			j++;
		} else if (i < nx && j < ny) {
			emit(s, n, WD_SAME, w[nx + j].p, w[nx + j].len);
			i++;
			j++;
		} else
			break;	/* not reached: the script covers both */
	}
	return s;
}

int
wdiff_changed(const char *old, const char *new_)
{
	return strcmp(old != NULL ? old : "", new_ != NULL ? new_ : "") != 0;
}

void
wdiff_model(struct arena *a, struct val *model, const char *key,
    const char *old, const char *new_)
{
	static const char *const ops[] = { "same", "del", "ins" };
	struct wdiff_span	*s;
	struct val		*d, *list, *it;
	size_t			 n, i;

	d = vm_child(model, key);
	vm_bool(d, "changed", wdiff_changed(old, new_));
	list = vm_list(d, "spans");
	s = wdiff(a, old, new_, &n);
	for (i = 0; i < n; i++) {
		it = vm_push(list);
		vm_str(it, "text", arena_strndup(a, s[i].text, s[i].len));
		vm_bool(it, ops[s[i].op], 1);
	}
}
