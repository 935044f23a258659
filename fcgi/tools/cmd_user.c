/*
 * cmd_user.c — operators' account commands.
 *
 *   sharekctl admin create EMAIL NAME   first ministry admin (password
 *                                       read from SHAREK_PASSWORD or stdin)
 *   sharekctl user create EMAIL "NAME" ROLE [ENTITY-SLUG]
 *                                       ROLE: citizen, liaison, coordinator,
 *                                       supervisor (password as below)
 *   sharekctl user deactivate EMAIL
 *   sharekctl user reset-password EMAIL (new password from
 *                                       SHAREK_PASSWORD or stdin)
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "db.h"
#include "sql_gen.h"
#include "tool.h"

static const char *
read_password(struct tool *t)
{
	const char	*env = getenv("SHAREK_PASSWORD");
	char		 line[512];
	size_t		 n;

	if (env != NULL)
		return env;
	fprintf(stderr, "password: ");
	if (fgets(line, sizeof(line), stdin) == NULL)
		return NULL;
	n = strlen(line);
	while (n > 0 && (line[n - 1] == '\n' || line[n - 1] == '\r'))
		line[--n] = '\0';
	return arena_strdup(t->a, line);
}

static int
set_password(struct tool *t, const char *email)
{
	const char	*pw = read_password(t);
	char		 hash[128];
	long long	 n;

	if (pw == NULL || strlen(pw) < 10) {
		fprintf(stderr, "sharekctl: the password must have at least "
		    "10 characters\n");
		return 1;
	}
	if (auth_hash(pw, hash) != 0) {
		fprintf(stderr, "sharekctl: cannot hash the password\n");
		return 1;
	}
	n = db_exec(t->db, SQL_TOOL_USER_PASSWORD, "ss", hash, email);
	if (n != 1) {
		fprintf(stderr, "sharekctl: no account %s\n", email);
		return 1;
	}
	db_exec(t->db, SQL_TOOL_USER_SESSIONS_END, "s", email);
	db_exec(t->db, SQL_TOOL_AUDIT, "isus", 0LL, "user.password", 0ULL,
	    arena_printf(t->a, "%s by sharekctl", email));
	printf("password of %s changed, sessions ended\n", email);
	return 0;
}

static int
user_create(struct tool *t, int argc, char **argv)
{
	static const char *roles[] = { "citizen", "liaison", "coordinator",
	    "supervisor", NULL };
	struct dbres	*res;
	long long	 eid = 0;
	const char	*pw, *role = argv[4];
	char		 hash[128];
	int		 i;

	for (i = 0; roles[i] != NULL; i++)
		if (strcmp(roles[i], role) == 0)
			break;
	if (roles[i] == NULL) {
		fprintf(stderr, "sharekctl: ROLE must be citizen, liaison, "
		    "coordinator or supervisor (the ministry admin: sharekctl "
		    "admin create)\n");
		return 2;
	}
	if (strcmp(role, "citizen") != 0) {
		if (argc < 6) {
			fprintf(stderr, "sharekctl: staff accounts need the "
			    "entity's short name\n");
			return 2;
		}
		res = db_query(t->db, t->a, SQL_TOOL_ENTITY_BY_SLUG, "s",
		    argv[5]);
		if (res == NULL || !dbres_next(res)) {
			fprintf(stderr, "sharekctl: no entity %s\n", argv[5]);
			return 1;
		}
		eid = dbres_int(res, 0);
	}
	if (strchr(argv[2], '@') == NULL) {
		fprintf(stderr, "sharekctl: %s is not an e-mail address\n",
		    argv[2]);
		return 2;
	}
	pw = read_password(t);
	if (pw == NULL || strlen(pw) < 10) {
		fprintf(stderr, "sharekctl: the password must have at least "
		    "10 characters\n");
		return 1;
	}
	if (auth_hash(pw, hash) != 0)
		return 1;
	if (db_exec(t->db, SQL_TOOL_USER_CREATE, "ssssss", strcmp(role,
	    "citizen") == 0 ? "person" : "staff", argv[2], hash, argv[3], role,
	    arena_printf(t->a, "%lld", eid)) != 1) {
		fprintf(stderr, "sharekctl: cannot create %s: %s\n", argv[2],
		    db_errno(t->db) == DB_ER_DUP_ENTRY ?
		    "the e-mail is already registered" : db_error(t->db));
		return 1;
	}
	db_exec(t->db, SQL_TOOL_AUDIT, "isus", eid, "user.create",
	    (unsigned long long)db_insert_id(t->db), arena_printf(t->a,
	    "%s <%s> as %s by sharekctl", argv[3], argv[2], role));
	printf("%s created (%s)\n", argv[2], role);
	return 0;
}

int
cmd_user(struct tool *t, int argc, char **argv)
{
	if (argc >= 5 && strcmp(argv[1], "create") == 0)
		return user_create(t, argc, argv);
	if (argc == 3 && strcmp(argv[1], "deactivate") == 0) {
		if (db_exec(t->db, SQL_TOOL_USER_DEACTIVATE, "s", argv[2])
		    != 1) {
			fprintf(stderr, "sharekctl: no active account %s\n",
			    argv[2]);
			return 1;
		}
		db_exec(t->db, SQL_TOOL_USER_SESSIONS_END, "s", argv[2]);
		db_exec(t->db, SQL_TOOL_AUDIT, "isus", 0LL, "user.deactivate",
		    0ULL, arena_printf(t->a, "%s by sharekctl", argv[2]));
		printf("%s deactivated (history kept)\n", argv[2]);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "reset-password") == 0)
		return set_password(t, argv[2]);
	fprintf(stderr, "usage: sharekctl user create EMAIL \"NAME\" ROLE "
	    "[ENTITY-SLUG]\n"
	    "       sharekctl user deactivate EMAIL\n"
	    "       sharekctl user reset-password EMAIL\n"
	    "(passwords from SHAREK_PASSWORD or standard input; the first "
	    "ministry admin: sharekctl admin create)\n");
	return 2;
}

int
cmd_admin(struct tool *t, int argc, char **argv)
{
	struct dbres	*res;
	const char	*pw;
	char		 hash[128];

	if (argc != 4 || strcmp(argv[1], "create") != 0) {
		fprintf(stderr, "usage: sharekctl admin create EMAIL \"FULL "
		    "NAME\"  (password from SHAREK_PASSWORD or stdin)\n");
		return 2;
	}
	res = db_query(t->db, t->a, SQL_TOOL_OPERATOR_ENTITY, "");
	if (res == NULL || !dbres_next(res)) {
		fprintf(stderr, "sharekctl: no operator entity (the ministry "
		    "running the portal); migrations create it\n");
		return 1;
	}
	pw = read_password(t);
	if (pw == NULL || strlen(pw) < 10) {
		fprintf(stderr, "sharekctl: the password must have at least "
		    "10 characters\n");
		return 1;
	}
	if (auth_hash(pw, hash) != 0)
		return 1;
	if (db_exec(t->db, SQL_TOOL_ADMIN_CREATE, "sssi", argv[2], hash,
	    argv[3], dbres_int(res, 0)) != 1) {
		fprintf(stderr, "sharekctl: cannot create %s: %s\n", argv[2],
		    db_errno(t->db) == DB_ER_DUP_ENTRY ?
		    "the e-mail is already registered" : db_error(t->db));
		return 1;
	}
	printf("ministry admin %s created\n", argv[2]);
	return 0;
}
