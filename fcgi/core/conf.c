/*
 * conf.c — see conf.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "i18n.h"

struct conf_item {
	char			*section;
	char			*key;
	char			*value;
	struct conf_item	*next;
};

static struct conf_item	*conf_items;
static struct arena	*conf_arena;

static char *
conf_trim(char *s)
{
	char	*e;

	while (*s == ' ' || *s == '\t')
		s++;
	e = s + strlen(s);
	while (e > s && (e[-1] == ' ' || e[-1] == '\t' || e[-1] == '\r'))
		*--e = '\0';
	return s;
}

int
conf_parse(struct arena *a, const char *text, char **err)
{
	char		*copy, *line, *next, *section = "", *eq, *k, *v;
	struct conf_item *it;
	int		 lineno = 0;

	conf_arena = a;
	copy = arena_strdup(a, text);
	for (line = copy; line != NULL; line = next) {
		next = strchr(line, '\n');
		if (next != NULL)
			*next++ = '\0';
		lineno++;
		line = conf_trim(line);
		if (*line == '\0' || *line == ';' || *line == '#')
			continue;
		if (*line == '[') {
			char *e = strchr(line, ']');
			if (e == NULL || e[1] != '\0') {
				*err = arena_printf(a, "line %d: bad section",
				    lineno);
				return -1;
			}
			*e = '\0';
			section = conf_trim(line + 1);
			continue;
		}
		eq = strchr(line, '=');
		if (eq == NULL) {
			*err = arena_printf(a, "line %d: expected key = value",
			    lineno);
			return -1;
		}
		*eq = '\0';
		k = conf_trim(line);
		v = conf_trim(eq + 1);
		/* An inline comment needs a blank before it; a value that
		 * is only a comment is empty. */
		if (*v == ';')
			*v = '\0';
		{
			char *c = strstr(v, " ;");
			if (c != NULL) {
				*c = '\0';
				v = conf_trim(v);
			}
		}
		if (*k == '\0') {
			*err = arena_printf(a, "line %d: empty key", lineno);
			return -1;
		}
		it = arena_zalloc(a, sizeof(*it));
		it->section = section;
		it->key = k;
		it->value = v;
		it->next = conf_items;
		conf_items = it;
	}
	return 0;
}

int
conf_load(struct arena *a, const char *path, char **err)
{
	FILE	*f;
	char	*text;
	long	 n;

	if ((f = fopen(path, "r")) == NULL) {
		*err = arena_printf(a, "%s: cannot open", path);
		return -1;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	if (n < 0 || n > 1 << 20) {
		fclose(f);
		*err = arena_printf(a, "%s: unreadable or too large", path);
		return -1;
	}
	text = arena_alloc(a, (size_t)n + 1);
	n = (long)fread(text, 1, (size_t)n, f);
	text[n] = '\0';
	fclose(f);
	if (conf_parse(a, text, err) == -1)
		return -1;
	/* The deployment's time zone is one setting, read here for every
	 * program and sharekctl alike. */
	i18n_set_tz(conf_int("site", "utc_offset_minutes", 180) * 60);
	return 0;
}

const char *
conf_get(const char *section, const char *key, const char *def)
{
	struct conf_item	*it;
	char			 env[128], *p;
	const char		*e;

	snprintf(env, sizeof(env), "SHAREK_%s_%s", section, key);
	for (p = env; *p; p++)
		*p = (char)toupper((unsigned char)*p);
	if ((e = getenv(env)) != NULL)
		return e;
	/* Latest definition wins: the list is in reverse order. */
	for (it = conf_items; it != NULL; it = it->next)
		if (strcmp(it->section, section) == 0 &&
		    strcmp(it->key, key) == 0)
			return it->value;
	return def;
}

long
conf_int(const char *section, const char *key, long def)
{
	const char	*v = conf_get(section, key, NULL);
	char		*end;
	long		 n;

	if (v == NULL || *v == '\0')
		return def;
	n = strtol(v, &end, 10);
	return *end == '\0' ? n : def;
}

int
conf_bool(const char *section, const char *key, int def)
{
	const char	*v = conf_get(section, key, NULL);

	if (v == NULL || *v == '\0')
		return def;
	return strcmp(v, "true") == 0 || strcmp(v, "yes") == 0 ||
	    strcmp(v, "1") == 0 || strcmp(v, "on") == 0;
}

int
conf_production(void)
{
	return strcmp(conf_get("app", "env", "development"),
	    "production") == 0;
}

void
conf_clear(void)
{
	conf_items = NULL;
}
