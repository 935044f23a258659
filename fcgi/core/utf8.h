/*
 * utf8.h — strict UTF-8 validation for everything users send.
 */
#ifndef SHAREK_UTF8_H
#define SHAREK_UTF8_H

#include <stddef.h>

/* 1 if s[0..n) is valid UTF-8: no overlong forms, no surrogates, nothing
 * above U+10FFFF, no truncated sequence or stray continuation byte. */
int	utf8_valid(const char *s, size_t n);
/* 0 when valid UTF-8 without control characters (C0 incl. NUL, DEL,
 * C1); multiline allows \n, \r and \t.  -1 otherwise. */
int	utf8_check_text(const char *s, size_t n, int multiline);
/* Code points in valid UTF-8 (for lengths in characters). */
size_t	utf8_len(const char *s, size_t n);
/* The length of the longest prefix of s[0..n) (valid UTF-8) of at most
 * max bytes that ends on a character boundary: where to cut a name that
 * must fit max bytes without splitting a character. */
size_t	utf8_prefix(const char *s, size_t n, size_t max);
/* 1 for a code point that changes how text around it is shown without
 * being seen itself: the bidirectional controls (U+061C, U+200E–200F,
 * U+202A–202E, U+2066–2069), the zero-width characters (U+200B–200D,
 * U+2060, U+FEFF) and the line and paragraph separators (U+2028–2029).
 * A name or title with one can pass for another (an RLO turns
 * "cod<RLO>fdp.exe" into "codexe.pdf" on screen). */
int	utf8_invisible(long cp);
/* The first invisible code point (utf8_invisible) in s[0..n) (valid
 * UTF-8): its offset, with its length in *len; n when there is none. */
size_t	utf8_find_invisible(const char *s, size_t n, size_t *len);
/* Decodes the sequence at s (n bytes left): the code point, or -1 when
 * it is not valid UTF-8; *len gets its length (1 for an invalid byte). */
long	utf8_next(const char *s, size_t n, size_t *len);
/* Rewrites in place the Arabic-Indic digits (U+0660–0669) and the
 * Eastern Arabic-Indic digits (U+06F0–06F9) of s[0..n) as ASCII 0–9,
 * everything else untouched; the new length (never more than n), with a
 * NUL written there.  Numbers typed on an Arabic keyboard then read as
 * numbers (http_check does this for phones, integers and dates). */
size_t	utf8_ascii_digits(char *s, size_t n);

#endif
