/*
 * cmd_migrate.c — `sharekctl migrate`: creates the database when
 * missing, applies sql/migrations/NNNN_*.sql in order (each once,
 * recorded in schema_migrations), rebuilds the search text of every
 * activity (workflow_reindex), then sql/grants.sql with the configured
 * account names and passwords.  Idempotent.
 */
#include <dirent.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "conf.h"
#include "db.h"
#include "sql_gen.h"
#include "tool.h"
#include "workflow.h"

static int
name_ok(const char *s)
{
	if (*s == '\0' || strlen(s) > 64)
		return 0;
	for (; *s; s++)
		if (!((*s >= 'a' && *s <= 'z') || (*s >= '0' && *s <= '9') ||
		    *s == '_'))
			return 0;
	return 1;
}

static int
cmp_str(const void *a, const void *b)
{
	return strcmp(*(char *const *)a, *(char *const *)b);
}

static int
grants(struct tool *t)
{
	static const char *acct[] = { "PUBLIC", "STAFF", "COMPLAINTS" };
	char		*sql, *err = NULL, key[64], ph[64];
	const char	*v;
	size_t		 i;

	if ((sql = tool_slurp(t, arena_printf(t->a, "%s/sql/grants.sql",
	    t->root))) == NULL)
		return -1;
	sql = tool_replace(t->a, sql, "@DB@", conf_get("db", "name",
	    "sharek"));
	for (i = 0; i < 3; i++) {
		char lower[16];
		size_t k;
		for (k = 0; acct[i][k]; k++)
			lower[k] = (char)(acct[i][k] - 'A' + 'a');
		lower[k] = '\0';
		snprintf(key, sizeof(key), "%s_user", lower);
		v = conf_get("db", key, NULL);
		if (v == NULL || !name_ok(v)) {
			fprintf(stderr, "sharekctl: [db] %s missing or not "
			    "[a-z0-9_]\n", key);
			return -1;
		}
		snprintf(ph, sizeof(ph), "@%s_USER@", acct[i]);
		sql = tool_replace(t->a, sql, ph, v);
		snprintf(key, sizeof(key), "%s_password", lower);
		v = conf_get("db", key, "");
		if (strchr(v, '\'') != NULL || strchr(v, '\\') != NULL) {
			fprintf(stderr, "sharekctl: [db] %s must not contain "
			    "quotes or backslashes\n", key);
			return -1;
		}
		snprintf(ph, sizeof(ph), "@%s_PASSWORD@", acct[i]);
		sql = tool_replace(t->a, sql, ph, v);
	}
	if (db_script(t->db, sql, &err, t->a) == -1) {
		fprintf(stderr, "sharekctl: sql/grants.sql: %s\n", err);
		return -1;
	}
	printf("grants: three accounts up to date\n");
	return 0;
}

int
cmd_migrate(struct tool *t, int argc, char **argv)
{
	const char	*name = conf_get("db", "name", "sharek");
	struct db	*db;
	char		*err = NULL, *dir, *sql, **files = NULL;
	DIR		*d;
	struct dirent	*de;
	size_t		 n = 0, cap = 0, i;
	int		 applied = 0, indexed;
	struct dbres	*res;

	(void)argc;
	(void)argv;
	if (!name_ok(name)) {
		fprintf(stderr, "sharekctl: [db] name must be [a-z0-9_]\n");
		return 1;
	}
	if ((db = tool_admin_db(0)) == NULL)
		return 1;
	if (db_script(db, arena_printf(t->a, "CREATE DATABASE IF NOT EXISTS "
	    "`%s` CHARACTER SET utf8mb4 COLLATE utf8mb4_unicode_ci", name),
	    &err, t->a) == -1) {
		fprintf(stderr, "sharekctl: create database: %s\n", err);
		db_close(db);
		return 1;
	}
	db_close(db);
	if ((t->db = tool_admin_db(1)) == NULL)
		return 1;
	if (db_exec(t->db, SQL_MIGRATIONS_TABLE, DB_NOARGS) == -1) {
		fprintf(stderr, "sharekctl: schema_migrations: %s\n",
		    db_error(t->db));
		return 1;
	}
	dir = arena_printf(t->a, "%s/sql/migrations", t->root);
	if ((d = opendir(dir)) == NULL) {
		fprintf(stderr, "sharekctl: cannot open %s\n", dir);
		return 1;
	}
	while ((de = readdir(d)) != NULL) {
		size_t l = strlen(de->d_name);
		if (l < 9 || strcmp(de->d_name + l - 4, ".sql") != 0 ||
		    de->d_name[0] < '0' || de->d_name[0] > '9')
			continue;
		if (n == cap) {
			char **nf;
			cap = cap ? cap * 2 : 16;
			nf = arena_alloc(t->a, cap * sizeof(char *));
			if (n)
				memcpy(nf, files, n * sizeof(char *));
			files = nf;
		}
		files[n++] = arena_strdup(t->a, de->d_name);
	}
	closedir(d);
	if (n > 0)
		qsort(files, n, sizeof(char *), cmp_str);
	for (i = 0; i < n; i++) {
		long long version = strtoll(files[i], NULL, 10);

		res = db_query(t->db, t->a, SQL_MIGRATION_APPLIED,
		    DB_ARGS(DB_I(version, version)));
		if (res == NULL)
			return 1;
		if (dbres_next(res) && dbres_int(res, MIGRATION_APPLIED_N) > 0)
			continue;
		sql = tool_slurp(t, arena_printf(t->a, "%s/%s", dir,
		    files[i]));
		if (sql == NULL)
			return 1;
		printf("applying %s\n", files[i]);
		fflush(stdout);
		if (db_script(t->db, sql, &err, t->a) == -1) {
			fprintf(stderr, "sharekctl: %s: %s\n  hint: DDL is not "
			    "transactional; fix the file and check what was "
			    "created before running migrate again\n",
			    files[i], err);
			return 1;
		}
		if (db_exec(t->db, SQL_MIGRATION_RECORD, DB_ARGS(
		    DB_I(version, version), DB_S(name, files[i]))) == -1)
			return 1;
		applied++;
	}
	printf("migrations: %d applied, %zu in total\n", applied, n);
	/* The search text is derived data (textnorm_stems): rebuilt at every
	 * migrate, so a release that changes the stemming reaches the
	 * activities already stored (scripts/stack migrates at each start). */
	if ((indexed = workflow_reindex(t->db, t->a)) < 0) {
		fprintf(stderr, "sharekctl: search index: %s\n",
		    db_error(t->db));
		return 1;
	}
	printf("search index: %d activities\n", indexed);
	if (grants(t) == -1)
		return 1;
	return 0;
}
