/*
 * names.c — see names.h.
 */
#include <string.h>

#include "names.h"

int
names_find(const char *const *names, int n, const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < n; i++)
		if (names[i] != NULL && strcmp(s, names[i]) == 0)
			return i;
	return n;
}
