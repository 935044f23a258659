/*
 * test_wdiff.c — the word-level difference: the spans of typical edits
 * (a word replaced, words added at either end, whitespace, Arabic), the
 * fallback for long texts, and, over many random texts, that the spans
 * give back both texts exactly, are merged, put a deletion before its
 * insertion and are a shortest script (checked against an LCS table);
 * then the partial that draws them (views/partials/wdiff).
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "i18n.h"
#include "t.h"
#include "tmpl.h"
#include "vm.h"
#include "wdiff.h"

static struct arena *a;

/* The spans as "=kept|-gone|+new|" for comparing. */
static const char *
show(const char *old, const char *new_)
{
	struct wdiff_span	*s;
	struct buf		 b;
	size_t			 n, i;

	s = wdiff(a, old, new_, &n);
	buf_init(&b, a);
	for (i = 0; i < n; i++)
		buf_printf(&b, "%c%.*s|", "=-+"[s[i].op], (int)s[i].len,
		    s[i].text);
	return b.data;
}

/* Words of the text as wdiff counts them (whitespace before a word
 * belongs to it): ASCII whitespace only in the random texts. */
static int
words(const char *p, size_t len)
{
	size_t	 i = 0;
	int	 n = 0;

	while (i < len) {
		while (i < len && strchr(" \n\t", p[i]) != NULL)
			i++;
		while (i < len && strchr(" \n\t", p[i]) == NULL)
			i++;
		n++;
	}
	return n;
}

/* Longest common subsequence of two word lists. */
static int
lcs(char **x, int nx, char **y, int ny)
{
	int	*t = calloc((size_t)(nx + 1) * (size_t)(ny + 1), sizeof(int));
	int	 i, j, r;

	for (i = nx - 1; i >= 0; i--)
		for (j = ny - 1; j >= 0; j--)
			t[i * (ny + 1) + j] = strcmp(x[i], y[j]) == 0 ?
			    t[(i + 1) * (ny + 1) + j + 1] + 1 :
			    t[(i + 1) * (ny + 1) + j] > t[i * (ny + 1) + j + 1] ?
			    t[(i + 1) * (ny + 1) + j] : t[i * (ny + 1) + j + 1];
	r = t[0];
	free(t);
	return r;
}

/* A random text of n words from a small vocabulary (so that many
 * match), each with its whitespace before it. */
static char *
randtext(char **w, int n)
{
	static const char *const voc[] = { "a", "b", "c", "d", "وزارة",
	    "الصحة", "e", "f" };
	static const char *const sp[] = { " ", " ", " ", "  ", "\n" };
	struct buf	 b;
	int		 i;

	buf_init(&b, a);
	if (n > 0 && rand() % 3 == 0)
		buf_adds(&b, sp[rand() % 5]);	/* leading whitespace */
	for (i = 0; i < n; i++) {
		if (i > 0)
			buf_adds(&b, sp[rand() % 5]);
		buf_adds(&b, voc[rand() % 8]);
	}
	if (n > 0 && rand() % 4 == 0)
		buf_adds(&b, " ");		/* trailing whitespace */
	/* The words as wdiff sees them, whitespace included. */
	{
		const char	*p = b.data;
		int		 k = 0;
		size_t		 i0;

		while (*p != '\0') {
			i0 = strspn(p, " \n");
			i0 += strcspn(p + i0, " \n");
			w[k++] = arena_strndup(a, p, i0);
			p += i0;
		}
		w[k] = NULL;
	}
	return b.data;
}

static int
count(char **w)
{
	int	 n = 0;

	while (w[n] != NULL)
		n++;
	return n;
}

/* Checks one pair; 0 and a diagnostic when something is wrong. */
static int
property(const char *old, const char *new_, char **wx, char **wy)
{
	struct wdiff_span	*s;
	struct buf		 ob, nb;
	size_t			 n, i;
	int			 edits = 0, want;

	s = wdiff(a, old, new_, &n);
	buf_init(&ob, a);
	buf_init(&nb, a);
	for (i = 0; i < n; i++) {
		if (s[i].len == 0)
			return printf("# empty span\n"), 0;
		if (i > 0 && s[i].op == s[i - 1].op)
			return printf("# unmerged spans\n"), 0;
		if (i > 0 && s[i].op == WD_DEL && s[i - 1].op == WD_INS)
			return printf("# insertion before deletion\n"), 0;
		if (s[i].op != WD_INS)
			buf_add(&ob, s[i].text, s[i].len);
		if (s[i].op != WD_DEL)
			buf_add(&nb, s[i].text, s[i].len);
		if (s[i].op != WD_SAME)
			edits += words(s[i].text, s[i].len);
	}
	if (strcmp(ob.data, old) != 0 || strcmp(nb.data, new_) != 0)
		return printf("# spans do not give back\n#  [%s]\n#  [%s]\n",
		    old, new_), 0;
	want = count(wx) + count(wy) - 2 * lcs(wx, count(wx), wy, count(wy));
	if (edits != want)
		return printf("# %d words edited, shortest is %d\n#  [%s]\n"
		    "#  [%s]\n", edits, want, old, new_), 0;
	return 1;
}

static const char *
render(const char *old, const char *new_, const char *lang)
{
	const struct tmpl	*t = tmpl_find("partials/wdiff");
	struct val		*m = vm_obj(a);
	struct buf		 b;

	wdiff_model(a, m, "d", old, new_);
	buf_init(&b, a);
	if (t != NULL)
		tmpl_render(&b, t, vm_get(m, "d"), lang);
	return b.data;
}

int
main(void)
{
	struct wdiff_span	*s;
	struct buf		 big, big2;
	struct val		*m, *d;
	char			*err = NULL, **wx, **wy;
	const char		*x, *y, *h;
	size_t			 n;
	int			 i, ok;

	a = arena_new(1 << 16);

	t_eq_str(show("the same text", "the same text"), "=the same text|",
	    "identical texts are one kept span");
	s = wdiff(a, "", "", &n);
	t_eq_int((long long)n, 0, "two empty texts: no spans");
	t_eq_str(show(NULL, "new words"), "+new words|",
	    "from nothing (NULL) to a text: one insertion");
	t_eq_str(show("old words", ""), "-old words|",
	    "from a text to nothing: one deletion");
	t_eq_str(show("the quick brown fox", "the quick red fox"),
	    "=the quick|- brown|+ red|= fox|",
	    "a word replaced in the middle: deletion, then insertion");
	t_eq_str(show("one two three four", "one three four"),
	    "=one|- two|= three four|", "a word removed");
	t_eq_str(show("تعديل المادة الخامسة من القانون",
	    "تعديل المادة السادسة من القانون"),
	    "=تعديل المادة|- الخامسة|+ السادسة|= من القانون|",
	    "Arabic words, whole letters, never a byte of one");
	t_eq_str(show("world peace", "hello world peace"),
	    "-world|+hello world|= peace|",
	    "insertion at the start (the first word has no whitespace, so "
	    "it changes too)");
	t_eq_str(show("a b", "a b c d"), "=a b|+ c d|",
	    "insertion at the end");
	t_eq_str(show("a b c", "a  b c"), "=a|- b|+  b|= c|",
	    "a whitespace-only change is a change of the word after it");
	t_eq_str(show("a b", "a\nb"), "=a|- b|+\nb|",
	    "a line break for a space");
	t_eq_str(show("a\xc2\xa0" "b", "a b"), "=a|-\xc2\xa0" "b|+ b|",
	    "a no-break space is whitespace too");
	t_eq_str(show("x ", "x"), "=x|- |",
	    "trailing whitespace is a word of its own");
	t_ok(!wdiff_changed(NULL, "") && !wdiff_changed("a b", "a b") &&
	    wdiff_changed("a b", "a  b") && wdiff_changed(NULL, "x"),
	    "wdiff_changed: NULL is \"\", whitespace counts");

	/* More than WDIFF_MAX_WORDS words: all deleted, all inserted. */
	buf_init(&big, a);
	buf_init(&big2, a);
	for (i = 0; i < WDIFF_MAX_WORDS / 2 + 1; i++) {
		buf_printf(&big, "w%d ", i);
		buf_printf(&big2, "w%d ", i + (i == 5000));
	}
	s = wdiff(a, big.data, big2.data, &n);
	t_ok(n == 2 && s[0].op == WD_DEL && s[0].len == big.len &&
	    s[1].op == WD_INS && s[1].len == big2.len &&
	    s[0].text == big.data && s[1].text == big2.data,
	    "past WDIFF_MAX_WORDS words: one deletion and one insertion");
	s = wdiff(a, big.data, big.data, &n);
	t_ok(n == 1 && s[0].op == WD_SAME, "a long text unchanged is kept");
	/* Just under the limit it still diffs word by word. */
	buf_reset(&big);
	buf_reset(&big2);
	for (i = 0; i < WDIFF_MAX_WORDS / 2 - 1; i++) {
		buf_printf(&big, "w%d ", i);
		if (i == 5000)
			buf_adds(&big2, "x5000 ");
		else
			buf_printf(&big2, "w%d ", i);
	}
	s = wdiff(a, big.data, big2.data, &n);
	t_ok(n == 4 && s[1].op == WD_DEL && strncmp(s[1].text, " w5000",
	    s[1].len) == 0 && s[2].op == WD_INS &&
	    strncmp(s[2].text, " x5000", s[2].len) == 0,
	    "under the limit, one word replaced in a long text is found");

	/* The property, over random texts. */
	srand(20261201);
	wx = arena_alloc(a, 64 * sizeof(*wx));
	wy = arena_alloc(a, 64 * sizeof(*wy));
	ok = 1;
	for (i = 0; i < 3000 && ok; i++) {
		x = randtext(wx, rand() % 25);
		y = rand() % 4 == 0 ? x : randtext(wy, rand() % 25);
		if (y == x)
			memcpy(wy, wx, 64 * sizeof(*wx));
		ok = property(x, y, wx, wy);
		if (i % 200 == 0)
			arena_reset(a), wx = arena_alloc(a, 64 * sizeof(*wx)),
			    wy = arena_alloc(a, 64 * sizeof(*wy));
	}
	t_ok(ok, "3000 random pairs: the spans give both texts back, merged, "
	    "deletion first, and a shortest script");

	/* The model and the partial. */
	if (tmpl_load_dir(a, "views", &err) == -1 ||
	    i18n_load(a, "views/locale", &err) == -1) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	m = vm_obj(a);
	wdiff_model(a, m, "d", "same", "same");
	d = vm_get(m, "d");
	t_ok(d != NULL && !vm_truthy(vm_get(d, "changed")) &&
	    vm_get(d, "spans")->count == 1, "the model: unchanged, one span");
	h = render("pay <5> & \"go\"", "pay <6> & \"go\"", "en");
	t_eq_str(h, "<span class=\"wdiff\" dir=\"auto\">pay"
	    "<del><span class=\"visually-hidden\">deleted: </span> &lt;5&gt;"
	    "<span class=\"visually-hidden\"> end of deletion</span></del>"
	    "<ins><span class=\"visually-hidden\">inserted: </span> &lt;6&gt;"
	    "<span class=\"visually-hidden\"> end of insertion</span></ins>"
	    " &amp; &quot;go&quot;</span>",
	    "the partial: <del> then <ins>, said in words, text escaped, "
	    "direction by content");
	h = render("أ ب", "أ ج", "ar");
	t_ok(strstr(h, "<del><span class=\"visually-hidden\">محذوف: </span> ب")
	    != NULL && strstr(h, "<ins><span class=\"visually-hidden\">مضاف: "
	    "</span> ج") != NULL, "in Arabic the change is said in Arabic");
	arena_free(a);
	return t_done();
}
