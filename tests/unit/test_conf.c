/*
 * test_conf.c — the INI reader: sections, comments, inline comments
 * (a bug once took "; comment" after an empty value as the value),
 * errors, and environment overrides.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "t.h"

int
main(void)
{
	struct arena	*a = arena_new(4096);
	char		*err = NULL;
	const char	*ini =
	    "; a comment\n# another\n[app]\nenv = test   ; inline\n"
	    "base_url = http://127.0.0.1:8080\n\n[mail]\n"
	    "command =                  ; empty: files under var/mail\n"
	    "from = Sharek <no-reply@x>;not a comment\n"
	    "[limits]\nbody_max = 1048576\nflag = yes\nbad = 12x\n"
	    "[app]\nenv = production\n";

	t_ok(conf_parse(a, ini, &err) == 0, "a configuration parses");
	t_eq_str(conf_get("mail", "command", "?"), "",
	    "an empty value followed by a comment is empty");
	t_eq_str(conf_get("mail", "from", "?"),
	    "Sharek <no-reply@x>;not a comment",
	    "a ';' without a blank before it belongs to the value");
	t_eq_str(conf_get("app", "base_url", "?"), "http://127.0.0.1:8080",
	    "values keep their colons");
	t_eq_str(conf_get("app", "env", "?"), "production",
	    "the last definition wins");
	t_ok(conf_production(), "production is recognised");
	t_eq_int(conf_int("limits", "body_max", 0), 1048576, "integers");
	t_eq_int(conf_int("limits", "bad", 7), 7,
	    "a malformed integer gives the default");
	t_ok(conf_bool("limits", "flag", 0), "booleans");
	t_eq_str(conf_get("nope", "nothing", "dflt"), "dflt",
	    "missing keys give the default");
	setenv("SHAREK_LIMITS_BODY_MAX", "42", 1);
	t_eq_int(conf_int("limits", "body_max", 0), 42,
	    "SHAREK_<SECTION>_<KEY> overrides the file");
	unsetenv("SHAREK_LIMITS_BODY_MAX");
	t_ok(conf_parse(a, "[app\nx=1\n", &err) == -1 && strstr(err,
	    "line 1") != NULL, "a broken section names its line");
	t_ok(conf_parse(a, "[s]\njust words\n", &err) == -1 &&
	    strstr(err, "line 2") != NULL, "a line without '=' names its line");
	t_ok(conf_parse(a, "[s]\n = value\n", &err) == -1, "an empty key");
	arena_free(a);
	return t_done();
}
