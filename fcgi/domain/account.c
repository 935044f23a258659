/*
 * account.c — see account.h.
 */
#include <string.h>

#include "account.h"
#include "names.h"

const char *const user_kind_names[UK__MAX + 1] = {
	"person", "organisation", "staff", NULL
};
const char *const user_kind_public_names[UK_STAFF + 1] = {
	"person", "organisation", NULL
};

enum user_kind
account_kind(const char *s)
{
	return (enum user_kind)names_find(user_kind_names, UK__MAX, s);
}
