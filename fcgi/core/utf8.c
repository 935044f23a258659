/*
 * utf8.c — see utf8.h.
 */
#include "utf8.h"

/* Decodes one sequence at s (n bytes left): the code point, or -1 for an
 * invalid one; *len gets its length. */
static long
utf8_decode(const unsigned char *s, size_t n, size_t *len)
{
	unsigned char	 c = s[0];
	long		 cp;
	size_t		 need, i;

	if (c < 0x80) {
		*len = 1;
		return c;
	}
	if (c >= 0xc2 && c <= 0xdf) {
		need = 2;
		cp = c & 0x1f;
	} else if (c >= 0xe0 && c <= 0xef) {
		need = 3;
		cp = c & 0x0f;
	} else if (c >= 0xf0 && c <= 0xf4) {
		need = 4;
		cp = c & 0x07;
	} else
		return -1;	/* 80–C1 (stray, overlong 2-byte), F5–FF */
	if (n < need)
		return -1;
	for (i = 1; i < need; i++) {
		if ((s[i] & 0xc0) != 0x80)
			return -1;
		cp = (cp << 6) | (s[i] & 0x3f);
	}
	if ((need == 3 && cp < 0x800) || (need == 4 && cp < 0x10000) ||
	    cp > 0x10ffff || (cp >= 0xd800 && cp <= 0xdfff))
		return -1;
	*len = need;
	return cp;
}

long
utf8_next(const char *s, size_t n, size_t *len)
{
	long	 cp;

	*len = 1;
	if (n == 0)
		return -1;
	cp = utf8_decode((const unsigned char *)s, n, len);
	if (cp < 0)
		*len = 1;
	return cp;
}

int
utf8_valid(const char *s, size_t n)
{
	size_t	 i = 0, len;

	while (i < n) {
		if (utf8_decode((const unsigned char *)s + i, n - i, &len) < 0)
			return 0;
		i += len;
	}
	return 1;
}

int
utf8_check_text(const char *s, size_t n, int multiline)
{
	size_t	 i = 0, len;
	long	 cp;

	while (i < n) {
		cp = utf8_decode((const unsigned char *)s + i, n - i, &len);
		if (cp < 0)
			return -1;
		if (cp < 0x20 || cp == 0x7f || (cp >= 0x80 && cp <= 0x9f)) {
			if (!multiline || (cp != '\n' && cp != '\r' &&
			    cp != '\t'))
				return -1;
		}
		i += len;
	}
	return 0;
}

size_t
utf8_len(const char *s, size_t n)
{
	size_t	 i, count = 0;

	for (i = 0; i < n; i++)
		if (((unsigned char)s[i] & 0xc0) != 0x80)
			count++;
	return count;
}

size_t
utf8_prefix(const char *s, size_t n, size_t max)
{
	if (n <= max)
		return n;
	/* Back over continuation bytes to the start of the character that
	 * does not fit whole. */
	while (max > 0 && ((unsigned char)s[max] & 0xc0) == 0x80)
		max--;
	return max;
}

int
utf8_invisible(long cp)
{
	return cp == 0x061c || (cp >= 0x200b && cp <= 0x200f) ||
	    (cp >= 0x2028 && cp <= 0x202e) || cp == 0x2060 ||
	    (cp >= 0x2066 && cp <= 0x2069) || cp == 0xfeff;
}

size_t
utf8_find_invisible(const char *s, size_t n, size_t *len)
{
	size_t	 i = 0, k;
	long	 cp;

	while (i < n) {
		cp = utf8_next(s + i, n - i, &k);
		if (cp >= 0 && utf8_invisible(cp)) {
			*len = k;
			return i;
		}
		i += k;
	}
	*len = 0;
	return n;
}

size_t
utf8_ascii_digits(char *s, size_t n)
{
	unsigned char	*p = (unsigned char *)s;
	size_t		 i, w = 0;

	for (i = 0; i < n; i++) {
		/* ٠–٩ are D9 A0–A9, ۰–۹ are DB B0–B9. */
		if (i + 1 < n && p[i] == 0xd9 && p[i + 1] >= 0xa0 &&
		    p[i + 1] <= 0xa9) {
			p[w++] = (unsigned char)('0' + (p[i + 1] - 0xa0));
			i++;
		} else if (i + 1 < n && p[i] == 0xdb && p[i + 1] >= 0xb0 &&
		    p[i + 1] <= 0xb9) {
			p[w++] = (unsigned char)('0' + (p[i + 1] - 0xb0));
			i++;
		} else
			p[w++] = p[i];
	}
	p[w] = '\0';
	return w;
}
