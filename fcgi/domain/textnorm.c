/*
 * textnorm.c — see textnorm.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libstemmer.h>

#include "arena.h"
#include "textnorm.h"
#include "utf8.h"

static void
put_cp(char **w, unsigned long cp)
{
	char	*p = *w;

	if (cp < 0x80)
		*p++ = (char)cp;
	else if (cp < 0x800) {
		*p++ = (char)(0xc0 | (cp >> 6));
		*p++ = (char)(0x80 | (cp & 0x3f));
	} else if (cp < 0x10000) {
		*p++ = (char)(0xe0 | (cp >> 12));
		*p++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*p++ = (char)(0x80 | (cp & 0x3f));
	} else {
		*p++ = (char)(0xf0 | (cp >> 18));
		*p++ = (char)(0x80 | ((cp >> 12) & 0x3f));
		*p++ = (char)(0x80 | ((cp >> 6) & 0x3f));
		*p++ = (char)(0x80 | (cp & 0x3f));
	}
	*w = p;
}

char *
textnorm(struct arena *a, const char *s, size_t n)
{
	char		*out = arena_alloc(a, n + 1), *w = out;
	const unsigned char *p = (const unsigned char *)s, *e = p + n;
	unsigned long	 cp;
	int		 space = 1;	/* drops leading blanks */

	while (p < e) {
		/* Decode leniently: a bad byte becomes a separator. */
		if (*p < 0x80) {
			cp = *p++;
		} else if ((*p & 0xe0) == 0xc0 && p + 1 < e) {
			cp = ((unsigned long)(p[0] & 0x1f) << 6) | (p[1] & 0x3f);
			p += 2;
		} else if ((*p & 0xf0) == 0xe0 && p + 2 < e) {
			cp = ((unsigned long)(p[0] & 0x0f) << 12) |
			    ((unsigned long)(p[1] & 0x3f) << 6) | (p[2] & 0x3f);
			p += 3;
		} else if ((*p & 0xf8) == 0xf0 && p + 3 < e) {
			cp = ((unsigned long)(p[0] & 0x07) << 18) |
			    ((unsigned long)(p[1] & 0x3f) << 12) |
			    ((unsigned long)(p[2] & 0x3f) << 6) |
			    (p[3] & 0x3f);
			p += 4;
		} else {
			p++;
			cp = ' ';
		}
		switch (cp) {
		case 0x0622: case 0x0623: case 0x0625: case 0x0671:
			cp = 0x0627;	/* آ أ إ ٱ → ا */
			break;
		case 0x0629:
			cp = 0x0647;	/* ة → ه */
			break;
		case 0x0649:
			cp = 0x064a;	/* ى → ي */
			break;
		case 0x0624:
			cp = 0x0648;	/* ؤ → و */
			break;
		case 0x0626:
			cp = 0x064a;	/* ئ → ي */
			break;
		default:
			break;
		}
		if ((cp >= 0x064b && cp <= 0x065f) || cp == 0x0670 ||
		    cp == 0x0640)
			continue;	/* diacritics, dagger alef, tatweel */
		if (cp >= 0x0660 && cp <= 0x0669)
			cp = '0' + (cp - 0x0660);
		else if (cp >= 0x06f0 && cp <= 0x06f9)
			cp = '0' + (cp - 0x06f0);
		if (cp < 0x80) {
			if (isalnum((int)cp)) {
				*w++ = (char)tolower((int)cp);
				space = 0;
			} else if (!space) {
				*w++ = ' ';
				space = 1;
			}
			continue;
		}
		/* Arabic punctuation separates words too. */
		if (cp == 0x060c || cp == 0x061b || cp == 0x061f ||
		    cp == 0x066a || cp == 0x066b || cp == 0x066c ||
		    cp == 0x06d4 || (cp >= 0x2000 && cp <= 0x206f) ||
		    cp == 0x00a0 || (cp >= 0x80 && cp <= 0x9f) ||
		    cp == 0x00ab || cp == 0x00bb) {
			if (!space) {
				*w++ = ' ';
				space = 1;
			}
			continue;
		}
		put_cp(&w, cp);
		space = 0;
	}
	if (w > out && w[-1] == ' ')
		w--;
	*w = '\0';
	return out;
}

/*
 * Stemming.  The Snowball Arabic stemmer alone conflates too little for a
 * search box: it strips the article only from long words (الصحية gives
 * الصح but صحية gives صح), it reads a word without the article as a
 * possible verb (مؤسسات gives موسسا: the ت of a verb, while المؤسسات gives
 * موسس), and after the normalisation above it no longer sees the taa
 * marbuta of صحيه.  So each Arabic word is prepared first:
 *   1. the conjunction و and an article are removed (strip_prefixes),
 *      and a word of two letters is its own stem;
 *   2. a final ه is written ة again (the normalisation made them one
 *      letter; the stemmer knows ة as the feminine ending);
 *   3. the stemmer is given "ال" + word, which makes it read a noun: the
 *      words searched for are names of things (titles and summaries);
 *   4. its result is normalised again, and a leading ال still there (the
 *      stemmer keeps it on short words) is removed when two letters or
 *      more remain.
 * Measured on the singular, plural, definite and prefixed forms of 51
 * common words of consultations (مؤسسة, حافلة, وزارة, مستشفى, خدمة,
 * شركة, استشارة…): 38 groups conflate wholly (the stemmer alone: 9);
 * most of the others are broken plurals (مدرسة/مدارس, طالب/طلاب,
 * لجنة/لجان), which no light stemmer handles, and a few the stemmer
 * cuts unevenly (مواطن/المواطنين).
 */

static struct sb_stemmer *stem_ar, *stem_en;

static struct sb_stemmer *
stemmer(const char *lang)
{
	struct sb_stemmer *st;

	/* Only out of memory fails: the two algorithms are built in. */
	if ((st = sb_stemmer_new(lang, "UTF_8")) == NULL) {
		fprintf(stderr, "%s: sb_stemmer_new(%s) failed\n", __func__,
		    lang);
		abort();
	}
	return st;
}

static const char *
stem_run(struct arena *a, struct sb_stemmer *st, const char *w, size_t n)
{
	const sb_symbol	*r;

	if ((r = sb_stemmer_stem(st, (const sb_symbol *)w, (int)n)) == NULL)
		abort();	/* out of memory */
	/* The stemmer's buffer is reused by the next call: copy. */
	return arena_strndup(a, (const char *)r,
	    (size_t)sb_stemmer_length(st));
}

/* Code points of s[0..n) (s is valid UTF-8: textnorm's output). */
static size_t
cp_count(const char *s, size_t n)
{
	size_t	 i, c = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			c++;
	return c;
}

static int
starts(const char *s, const char *prefix)
{
	return strncmp(s, prefix, strlen(prefix)) == 0;
}

/* The conjunction و, when three letters or more remain (وبيع). */
static void
strip_waw(const char **w)
{
	if (starts(*w, "و") && cp_count(*w + 2, strlen(*w + 2)) >= 3)
		*w += 2;
}

/*
 * Removes from *w the prefixes that the stemmer leaves once it reads a
 * definite noun: the conjunction و when three letters or more remain
 * (وبيع, والصحة), then an article (ال بال كال فال لل) when two letters
 * or more remain, then a second ال (الآلية: the article and آلية, whose
 * alef-lam is its own) so that آلية and الآلية, ألف and الألف give one
 * stem, then و again (الوزارة as وزارة).  A word whose own letters
 * begin so (وزارة, التزام) loses them alike in every form, in the index
 * and in the query.
 */
static void
strip_prefixes(const char **w)
{
	static const char *const art[] = {
		"بال", "كال", "فال", "لل", "ال",
	};
	size_t	 i, l;

	strip_waw(w);
	for (i = 0; i < sizeof(art) / sizeof(art[0]); i++) {
		l = strlen(art[i]);
		if (starts(*w, art[i])) {
			if (cp_count(*w + l, strlen(*w + l)) >= 2)
				*w += l;
			break;
		}
	}
	if (starts(*w, "ال") && cp_count(*w + 4, strlen(*w + 4)) >= 2)
		*w += 4;
	strip_waw(w);	/* الوزارة as وزارة */
}

static const char *
stem_arabic(struct arena *a, const char *w)
{
	const char	*r, *n;
	char		*buf;
	size_t		 l;

	if (stem_ar == NULL)
		stem_ar = stemmer("arabic");
	strip_prefixes(&w);
	l = strlen(w);
	/* Two letters (في, طب, يد): nothing the stemmer could remove. */
	if (cp_count(w, l) <= 2)
		return w;
	buf = arena_alloc(a, l + 8);
	memcpy(buf, "ال", 4);
	memcpy(buf + 4, w, l + 1);
	if (memcmp(buf + 4 + l - 2, "ه", 2) == 0)
		memcpy(buf + 4 + l - 2, "ة", 2);
	r = stem_run(a, stem_ar, buf, l + 4);
	n = textnorm(a, r, strlen(r));
	if (starts(n, "ال") && cp_count(n + 4, strlen(n + 4)) >= 2)
		n += 4;
	/* Less than two letters left, or the bare article (آلية): the word
	 * itself rather than a stem that many words would share. */
	if (cp_count(n, strlen(n)) < 2 || strcmp(n, "ال") == 0 ||
	    strchr(n, ' ') != NULL)
		return w;
	return n;
}

static const char *
stem_english(struct arena *a, const char *w)
{
	const char	*r;

	if (stem_en == NULL)
		stem_en = stemmer("english");
	r = stem_run(a, stem_en, w, strlen(w));
	return *r != '\0' ? r : w;
}

/* The stem of one word of textnorm's output (no space, not empty). */
static const char *
stem_word(struct arena *a, const char *w)
{
	const unsigned char *p;
	int		 latin = 0;

	for (p = (const unsigned char *)w; *p; p++) {
		/* U+0600–U+06FF: lead bytes D8–DB. */
		if (*p >= 0xd8 && *p <= 0xdb)
			return stem_arabic(a, w);
		if (isalpha(*p))
			latin = 1;
	}
	return latin ? stem_english(a, w) : w;	/* numbers stay as typed */
}

/* Function words of a query (in textnorm's spelling), and any one-letter
 * word but a digit: left out of a query that has other words. */
static int
stopword(const char *w)
{
	static const char *const stop[] = {
		"في", "من", "الي", "علي", "عن", "مع", "او", "ثم", "ان", "قد",
		"لا", "لم", "لن", "ما", "هذا", "هذه", "ذلك", "تلك", "هو",
		"هي", "التي", "الذي", "الذين", "بين", "عند", "حول", "ضمن",
		"كل", "غير", "اي",
		"an", "and", "are", "as", "at", "be", "by", "for", "from",
		"in", "into", "is", "it", "its", "of", "on", "or", "that",
		"the", "this", "to", "with",
	};
	size_t	 i;

	if (cp_count(w, strlen(w)) == 1 && !isdigit((unsigned char)*w))
		return 1;
	for (i = 0; i < sizeof(stop) / sizeof(stop[0]); i++)
		if (strcmp(w, stop[i]) == 0)
			return 1;
	return 0;
}

static int
cmp_str(const void *x, const void *y)
{
	return strcmp(*(const char *const *)x, *(const char *const *)y);
}

/*
 * The distinct stems of s[0..n), sorted, in *out (arena-owned); returns
 * their number.  query: leave out the function words when some other
 * word is there.
 */
static size_t
stems(struct arena *a, const char *s, size_t n, int query, const char ***out)
{
	char		*norm = textnorm(a, s, n), *w, *sp;
	const char	**v;
	size_t		 nw = 1, i, k, keep;
	char		*stop;

	for (w = norm; *w; w++)
		if (*w == ' ')
			nw++;
	v = arena_alloc(a, nw * sizeof(*v));
	stop = arena_alloc(a, nw);
	k = keep = 0;
	for (w = norm; *w; w = sp) {
		if ((sp = strchr(w, ' ')) != NULL)
			*sp++ = '\0';
		else
			sp = w + strlen(w);
		stop[k] = query && stopword(w);
		keep += !stop[k];
		v[k++] = stem_word(a, w);
	}
	if (keep > 0 && keep < k) {
		for (i = keep = 0; i < k; i++)
			if (!stop[i])
				v[keep++] = v[i];
		k = keep;
	}
	qsort(v, k, sizeof(*v), cmp_str);
	for (i = keep = 0; i < k; i++)
		if (keep == 0 || strcmp(v[keep - 1], v[i]) != 0)
			v[keep++] = v[i];
	*out = v;
	return keep;
}

static const char *
join(struct arena *a, const char **v, size_t k, const char *sep)
{
	size_t	 i, len = 2, sl = strlen(sep);
	char	*out, *w;

	if (k == 0)
		return "";
	for (i = 0; i < k; i++)
		len += strlen(v[i]) + sl;
	w = out = arena_alloc(a, len + 1);
	*w++ = ' ';
	for (i = 0; i < k; i++) {
		if (i > 0) {
			memcpy(w, sep, sl);
			w += sl;
		}
		len = strlen(v[i]);
		memcpy(w, v[i], len);
		w += len;
	}
	*w++ = ' ';
	*w = '\0';
	return out;
}

const char *
textnorm_stems(struct arena *a, const char *s, size_t n)
{
	const char	**v;
	size_t		 k = stems(a, s, n, 0, &v);

	return join(a, v, k, "  ");
}

const char *
textnorm_query(struct arena *a, const char *s, size_t n)
{
	const char	**v;
	size_t		 k = stems(a, s, n, 1, &v);

	return join(a, v, k, " % ");
}

char *
textnorm_digits(struct arena *a, const char *s)
{
	char	*out;

	if (s == NULL)
		return NULL;
	out = arena_strdup(a, s);
	utf8_ascii_digits(out, strlen(out));
	return out;
}
