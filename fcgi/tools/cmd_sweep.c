/*
 * cmd_sweep.c — `sharekctl sweep-uploads`, also run by every tick: the
 * files in var/uploads that no uploads row names and that are older
 * than SWEEP_AGE are removed.  The kernel removes what a failed request
 * wrote (http.c); this is for a worker killed between writing a file
 * and committing its row, and for files whose rows were deleted.  A
 * request that is still writing or about to commit is never that old,
 * so a file is looked at only after its age is known, and the names
 * are read from the database after the directory: a row committed in
 * between names a file too young to be removed anyway.
 */
#include <sys/stat.h>

#include <dirent.h>
#include <errno.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include "arena.h"
#include "conf.h"
#include "db.h"
#include "sql_gen.h"
#include "tool.h"

#define SWEEP_AGE	3600	/* seconds */

/* Only names the kernel gives uploads (32 lower-case hex digits): the
 * sweep never touches anything an operator put there. */
static int
upload_name(const char *s)
{
	size_t	 i;

	for (i = 0; s[i] != '\0'; i++)
		if (!((s[i] >= '0' && s[i] <= '9') || (s[i] >= 'a' &&
		    s[i] <= 'f')))
			return 0;
	return i == 32;
}

/* Appends s to the list (*v, *n long, room for *cap), in the arena. */
static void
push(struct arena *a, const char ***v, size_t *n, size_t *cap,
    const char *s)
{
	const char	**nv;

	if (*n == *cap) {
		*cap = *cap ? *cap * 2 : 64;
		nv = arena_alloc(a, *cap * sizeof(*nv));
		if (*n > 0)
			memcpy(nv, *v, *n * sizeof(*nv));
		*v = nv;
	}
	(*v)[(*n)++] = arena_strdup(a, s);
}

static int
cmp(const void *a, const void *b)
{
	return strcmp(*(const char *const *)a, *(const char *const *)b);
}

long long
sweep_uploads(struct tool *t)
{
	const char	*dir = arena_printf(t->a, "%s/uploads",
			    conf_get("app", "var", "var"));
	const char	*path, **old = NULL, **named = NULL, *key;
	size_t		 nold = 0, capold = 0, nnamed = 0, capnamed = 0, i;
	struct dirent	*de;
	struct dbres	*res;
	struct stat	 st;
	long long	 removed = 0;
	int		 rc;
	time_t		 cutoff = time(NULL) - SWEEP_AGE;
	DIR		*d;

	if ((d = opendir(dir)) == NULL) {
		if (errno == ENOENT)
			return 0;
		fprintf(stderr, "sharekctl: %s: %s\n", dir, strerror(errno));
		return -1;
	}
	while ((de = readdir(d)) != NULL) {
		if (!upload_name(de->d_name))
			continue;
		path = arena_printf(t->a, "%s/%s", dir, de->d_name);
		if (lstat(path, &st) == -1 || !S_ISREG(st.st_mode) ||
		    st.st_mtime > cutoff)
			continue;
		push(t->a, &old, &nold, &capold, de->d_name);
	}
	closedir(d);
	if (nold == 0)
		return 0;

	/* Every name, or nothing is removed. */
	if ((res = db_stream(t->db, t->a, SQL_UPLOAD_STORED_NAMES,
	    DB_NOARGS)) == NULL) {
		fprintf(stderr, "sharekctl: cannot read the uploads' names\n");
		return -1;
	}
	while ((rc = dbres_next(res)) == 1)
		push(t->a, &named, &nnamed, &capnamed, dbres_str(res,
		    UPLOAD_STORED_NAMES_STORED_NAME));
	dbres_close(res);
	if (rc != 0) {
		fprintf(stderr, "sharekctl: cannot read the uploads' names\n");
		return -1;
	}
	/* In C's order, whatever the column's collation. */
	if (nnamed > 0)
		qsort(named, nnamed, sizeof(*named), cmp);
	for (i = 0; i < nold; i++) {
		key = old[i];
		if (nnamed > 0 && bsearch(&key, named, nnamed, sizeof(*named),
		    cmp) != NULL)
			continue;
		path = arena_printf(t->a, "%s/%s", dir, old[i]);
		if (unlink(path) == 0)
			removed++;
		else if (errno != ENOENT)
			fprintf(stderr, "sharekctl: %s: %s\n", path,
			    strerror(errno));
	}
	if (removed > 0)
		printf("sweep: %lld orphan upload files removed\n", removed);
	return removed;
}

int
cmd_sweep_uploads(struct tool *t, int argc, char **argv)
{
	(void)argc;
	(void)argv;
	return sweep_uploads(t) < 0;
}
