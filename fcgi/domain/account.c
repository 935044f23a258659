/*
 * account.c — see account.h.
 */
#include <string.h>

#include "account.h"

const char *const user_kind_names[UK__MAX + 1] = {
	"person", "organisation", "staff", NULL
};
const char *const user_kind_public_names[UK_STAFF + 1] = {
	"person", "organisation", NULL
};

enum user_kind
account_kind(const char *s)
{
	int	 i;

	for (i = 0; s != NULL && i < UK__MAX; i++)
		if (strcmp(s, user_kind_names[i]) == 0)
			return (enum user_kind)i;
	return UK__MAX;
}
