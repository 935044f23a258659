/*
 * sharekctl — the operators' tool: migrations, demo data, scheduled work,
 * accounts.  Reads SHAREK_CONF like the FastCGI programs, and connects
 * with the [db] admin account.
 *
 *   sharekctl migrate                 apply sql/migrations and sql/grants.sql
 *   sharekctl seed-demo [--if-empty]  load demo data (never in production)
 *   sharekctl tick                    scheduled work, once
 *   sharekctl user create|deactivate|reset-password|reset-2fa …
 *   sharekctl admin create EMAIL NAME  first ministry admin
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "sql_gen.h"
#include "tool.h"

static const struct {
	const char	*name;
	int		(*fn)(struct tool *, int, char **);
	const char	*help;
} cmds[] = {
	{ "migrate", cmd_migrate, "apply pending migrations and grants" },
	{ "seed-demo", cmd_seed_demo, "load demo data [--if-empty]" },
	{ "tick", cmd_tick, "run scheduled work once" },
	{ "sweep-uploads", cmd_sweep_uploads,
	    "remove upload files no row names (tick does)" },
	{ "user", cmd_user, "create|deactivate|reset-password|reset-2fa" },
	{ "admin", cmd_admin, "create EMAIL NAME — first ministry admin" },
	{ "reindex", cmd_reindex, "rebuild the search text of activities" },
};

static void
usage(void)
{
	size_t	 i;

	fprintf(stderr, "usage: sharekctl COMMAND [ARGS]\n");
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++)
		fprintf(stderr, "  %-10s %s\n", cmds[i].name, cmds[i].help);
}

char *
tool_slurp(struct tool *t, const char *path)
{
	FILE	*f;
	long	 n;
	char	*s;

	if ((f = fopen(path, "r")) == NULL) {
		fprintf(stderr, "sharekctl: cannot open %s\n", path);
		return NULL;
	}
	fseek(f, 0, SEEK_END);
	n = ftell(f);
	fseek(f, 0, SEEK_SET);
	s = arena_alloc(t->a, (size_t)n + 1);
	n = (long)fread(s, 1, (size_t)n, f);
	s[n] = '\0';
	fclose(f);
	return s;
}

char *
tool_replace(struct arena *a, const char *s, const char *from, const char *to)
{
	size_t		 fl = strlen(from), tl = strlen(to), n = 0;
	const char	*p;
	char		*out, *w;

	for (p = s; (p = strstr(p, from)) != NULL; p += fl)
		n++;
	out = arena_alloc(a, strlen(s) + n * tl + 1);
	for (w = out; (p = strstr(s, from)) != NULL; s = p + fl) {
		memcpy(w, s, (size_t)(p - s));
		w += p - s;
		memcpy(w, to, tl);
		w += tl;
	}
	strcpy(w, s);
	return out;
}

struct db *
tool_admin_db(int with_db)
{
	struct db	*db;

	db = db_open(conf_get("db", "admin_user", "root"),
	    conf_get("db", "admin_password", ""), with_db ? 1 : 2);
	if (db_connect(db) == -1) {
		fprintf(stderr, "sharekctl: cannot connect to MariaDB as %s "
		    "(socket %s): %s\n  hint: is the database running? "
		    "(make run starts it)\n", conf_get("db", "admin_user",
		    "root"), conf_get("db", "socket", "?"), db_error(db));
		db_close(db);
		return NULL;
	}
	return db;
}

int
main(int argc, char *argv[])
{
	struct tool	 t;
	const char	*path;
	char		*err = NULL;
	size_t		 i;
	int		 rc;

	log_init("sharekctl");
	if (argc < 2) {
		usage();
		return 2;
	}
	memset(&t, 0, sizeof(t));
	t.a = arena_new(1 << 16);
	if ((path = getenv("SHAREK_CONF")) == NULL) {
		fprintf(stderr, "sharekctl: SHAREK_CONF is not set (path to "
		    "sharek.ini; make run writes var/sharek.ini)\n");
		return 2;
	}
	if (conf_load(t.a, path, &err) == -1) {
		fprintf(stderr, "sharekctl: %s\n", err);
		return 2;
	}
	t.root = conf_get("app", "root", ".");
	/* The tick's mail, SMS and timeline steps are translated as the
	 * programs' pages are: without the catalogues every Arabic text
	 * would be its English msgid. */
	if (i18n_load_root(t.a, t.root, &err) == -1) {
		fprintf(stderr, "sharekctl: catalogues: %s\n", err);
		return 2;
	}
	sql_gen_register();
	for (i = 0; i < sizeof(cmds) / sizeof(cmds[0]); i++) {
		if (strcmp(cmds[i].name, argv[1]) != 0)
			continue;
		if (strcmp(argv[1], "migrate") != 0) {
			if (auth_init() == -1)
				return 1;
			if ((t.db = tool_admin_db(1)) == NULL)
				return 1;
		}
		rc = cmds[i].fn(&t, argc - 1, argv + 1);
		db_close(t.db);
		arena_free(t.a);
		return rc;
	}
	usage();
	return 2;
}
