/*
 * textnorm.h — text normalisation for search in Arabic and English:
 * users type أحكام, احكام or إحكام for the same word, with or without
 * diacritics and tatweel.  Both the stored search text and the query go
 * through the same function.
 */
#ifndef SHAREK_TEXTNORM_H
#define SHAREK_TEXTNORM_H

#include <stddef.h>

struct arena;

/* Arena-owned, NUL-terminated normalised copy of s[0..n):
 *   alef with hamza/madda/wasla → bare alef; taa marbuta → haa;
 *   alef maqsura → yaa; harakat, shadda, sukun, dagger alef and tatweel
 *   removed; Arabic-Indic digits → ASCII; Latin lower-cased; any run of
 *   spaces, punctuation or control characters → one space; trimmed. */
char	*textnorm(struct arena *, const char *s, size_t n);

#endif
