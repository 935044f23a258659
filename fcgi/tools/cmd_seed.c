/*
 * cmd_seed.c — `sharekctl seed-demo [--if-empty]`: loads sql/seed/demo.sql
 * and then every sql/seed/demo-*.sql in name order (one file per part of
 * the portal: results, surveys, complaints…), with every demo account's
 * password set to sharek-demo-2026.  Refused when the configuration says
 * production.
 */
#include <glob.h>
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "sql_gen.h"
#include "tool.h"
#include "workflow.h"

#define DEMO_PASSWORD	"sharek-demo-2026"

/* Runs one seed script, @PWHASH@ replaced by hash: 0, or -1 said. */
static int
seed_file(struct tool *t, const char *path, const char *hash)
{
	char	*sql, *err = NULL;

	if ((sql = tool_slurp(t, path)) == NULL)
		return -1;
	sql = tool_replace(t->a, sql, "@PWHASH@", hash);
	if (db_script(t->db, sql, &err, t->a) == -1) {
		fprintf(stderr, "sharekctl: %s: %s\n", path, err);
		return -1;
	}
	return 0;
}

int
cmd_seed_demo(struct tool *t, int argc, char **argv)
{
	struct dbres	*res;
	glob_t		 g;
	size_t		 i;
	char		 hash[128];
	int		 rc = 0, ifempty = argc > 1 && strcmp(argv[1], "--if-empty") == 0;

	if (conf_production()) {
		fprintf(stderr, "sharekctl: seed-demo refused: [app] env is "
		    "production (demo accounts share a known password)\n");
		return 1;
	}
	res = db_query(t->db, t->a, SQL_USERS_COUNT, DB_NOARGS);
	if (res == NULL) {
		fprintf(stderr, "sharekctl: %s\n  hint: run sharekctl migrate "
		    "first\n", db_error(t->db));
		return 1;
	}
	if (dbres_next(res) && dbres_int(res, USERS_COUNT_N) > 0) {
		if (ifempty) {
			printf("seed-demo: database already has users, "
			    "nothing loaded\n");
			return 0;
		}
		fprintf(stderr, "sharekctl: seed-demo: the database already "
		    "has users; use a fresh database\n");
		return 1;
	}
	if (auth_hash(DEMO_PASSWORD, hash) != 0) {
		fprintf(stderr, "sharekctl: cannot hash the demo password\n");
		return 1;
	}
	if (seed_file(t, arena_printf(t->a, "%s/sql/seed/demo.sql", t->root),
	    hash) != 0)
		return 1;
	/* glob() sorts its matches: demo-11-… before demo-12-…. */
	if (glob(arena_printf(t->a, "%s/sql/seed/demo-*.sql", t->root), 0,
	    NULL, &g) == 0) {
		for (i = 0; i < g.gl_pathc; i++)
			if ((rc = seed_file(t, g.gl_pathv[i], hash)) != 0)
				break;
		globfree(&g);
		if (rc != 0)
			return 1;
	}
	if (workflow_reindex(t->db, t->a) < 0) {
		fprintf(stderr, "sharekctl: search index: %s\n",
		    db_error(t->db));
		return 1;
	}
	printf("seed-demo: demo data loaded\n");
	return 0;
}

/* `sharekctl reindex`: after an import or a change of textnorm(). */
int
cmd_reindex(struct tool *t, int argc, char **argv)
{
	int	 n;

	(void)argc;
	(void)argv;
	if ((n = workflow_reindex(t->db, t->a)) < 0) {
		fprintf(stderr, "sharekctl: reindex: %s\n", db_error(t->db));
		return 1;
	}
	printf("reindex: %d activities\n", n);
	return 0;
}
