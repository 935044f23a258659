/*
 * textnorm.c — see textnorm.h.
 */
#include <ctype.h>
#include <string.h>

#include "arena.h"
#include "textnorm.h"

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
