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

#endif
