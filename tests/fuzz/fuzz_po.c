/*
 * fuzz_po.c — gettext catalogues and the INI configuration: never crash.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "i18n.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	char		*err = NULL, *text;

	if (a == NULL)
		a = arena_new(1 << 16);
	text = arena_strndup(a, (const char *)data, size);
	(void)i18n_parse(a, "en", text, strlen(text), &err);
	(void)i18n_get("en", "Sign in");
	(void)conf_parse(a, text, &err);
	(void)conf_get("app", "env", NULL);
	i18n_clear();
	conf_clear();
	arena_reset(a);
	return 0;
}
