/*
 * names.h — enums stored as text: the one lookup from a stored name to
 * its enum value, for every table of names indexed by an enum (states,
 * kinds, audiences, roles, channels…).
 */
#ifndef SHAREK_NAMES_H
#define SHAREK_NAMES_H

/* The index of s among the first n entries of names, or n when s is
 * NULL or not there (the enum's FOO__MAX: "unknown"). */
int	names_find(const char *const *names, int n, const char *s);

#endif
