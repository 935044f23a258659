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
 *   sharekctl user reset-2fa EMAIL      removes the second factor (TOTP
 *                                       secret, recovery codes) and ends
 *                                       the sessions: the person enrols
 *                                       again at the next sign-in
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "auth.h"
#include "db.h"
#include "perm.h"
#include "pwcheck.h"
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

/* The portal's password rules for operators too: at least 10
 * characters and not guessable (zxcvbn with the person's e-mail and
 * name); says why on standard error.  1 when refused. */
static int
password_refused(const char *pw, const char *email, const char *name)
{
	const char	*words[] = { email, name, NULL };
	const char	*why = NULL;

	if (pw == NULL || strlen(pw) < 10) {
		fprintf(stderr, "sharekctl: the password must have at least "
		    "10 characters\n");
		return 1;
	}
	if (pwcheck(pw, words, &why) != 0) {
		fprintf(stderr, "sharekctl: %s\n", why != NULL ? why :
		    "This password is too easy to guess.");
		return 1;
	}
	return 0;
}

/* An operator's action in the audit log (entity and object 0: none). */
static void
tool_audit(struct tool *t, unsigned long long entity, const char *action,
    unsigned long long object_id, const char *summary)
{
	db_exec(t->db, SQL_TOOL_AUDIT, DB_ARGS(DB_U(entity, entity),
	    DB_S(action, action), DB_U(object_id, object_id),
	    DB_S(summary, summary)));
}

static int
set_password(struct tool *t, const char *email)
{
	const char	*pw = read_password(t);
	char		 hash[128];
	long long	 n;

	if (password_refused(pw, email, NULL))
		return 1;
	if (auth_hash(pw, hash) != 0) {
		fprintf(stderr, "sharekctl: cannot hash the password\n");
		return 1;
	}
	n = db_exec(t->db, SQL_TOOL_USER_PASSWORD, DB_ARGS(DB_S(hash, hash),
	    DB_S(email, email)));
	if (n != 1) {
		fprintf(stderr, "sharekctl: no account %s\n", email);
		return 1;
	}
	db_exec(t->db, SQL_TOOL_USER_SESSIONS_END,
	    DB_ARGS(DB_S(email, email)));
	tool_audit(t, 0, "user.password", 0, arena_printf(t->a,
	    "%s by sharekctl", email));
	printf("password of %s changed, sessions ended\n", email);
	return 0;
}

/* For a staff member who lost both the authenticator and the recovery
 * codes: the identity is checked by the operator, outside the portal. */
static int
reset_factor(struct tool *t, const char *email)
{
	struct dbres	*res;
	unsigned long long uid, eid;
	long long	 n, k;

	res = db_query(t->db, t->a, SQL_FACTOR_TOOL_USER,
	    DB_ARGS(DB_S(email, email)));
	if (res == NULL || !dbres_next(res)) {
		fprintf(stderr, "sharekctl: no account %s\n", email);
		return 1;
	}
	uid = dbres_u(res, FACTOR_TOOL_USER_ID);
	eid = dbres_u(res, FACTOR_TOOL_USER_ENTITY_ID);
	if ((n = db_exec(t->db, SQL_FACTOR_TOOL_DELETE,
	    DB_ARGS(DB_U(user_id, uid)))) < 0 ||
	    (k = db_exec(t->db, SQL_RECOVERY_DELETE_USER,
	    DB_ARGS(DB_U(user_id, uid)))) < 0) {
		fprintf(stderr, "sharekctl: cannot reset %s: %s\n", email,
		    db_error(t->db));
		return 1;
	}
	if (n == 0 && k == 0) {
		printf("%s has no second factor: nothing to reset\n", email);
		return 0;
	}
	/* Whoever holds a session signed in with the old factor is out. */
	db_exec(t->db, SQL_TOOL_USER_SESSIONS_END,
	    DB_ARGS(DB_S(email, email)));
	tool_audit(t, eid, "user.2fa_reset", uid, arena_printf(t->a,
	    "%s by sharekctl", email));
	printf("second factor of %s removed, sessions ended: a new one is "
	    "set up at the next sign-in\n", email);
	return 0;
}

static int
user_create(struct tool *t, int argc, char **argv)
{
	struct dbres	*res;
	unsigned long long eid = 0;
	const char	*pw;
	enum role	 role = perm_role_find(argv[4]);
	char		 hash[128];

	/* The ministry's admins are made by "admin create" only. */
	if (role == ROLE__MAX || role == ROLE_ADMIN) {
		fprintf(stderr, "sharekctl: ROLE must be citizen, liaison, "
		    "coordinator or supervisor (the ministry admin: sharekctl "
		    "admin create)\n");
		return 2;
	}
	if (role != ROLE_CITIZEN) {
		if (argc < 6) {
			fprintf(stderr, "sharekctl: staff accounts need the "
			    "entity's short name\n");
			return 2;
		}
		res = db_query(t->db, t->a, SQL_TOOL_ENTITY_BY_SLUG,
		    DB_ARGS(DB_S(slug, argv[5])));
		if (res == NULL || !dbres_next(res)) {
			fprintf(stderr, "sharekctl: no entity %s\n", argv[5]);
			return 1;
		}
		eid = dbres_u(res, TOOL_ENTITY_BY_SLUG_ID);
	}
	if (strchr(argv[2], '@') == NULL) {
		fprintf(stderr, "sharekctl: %s is not an e-mail address\n",
		    argv[2]);
		return 2;
	}
	pw = read_password(t);
	if (password_refused(pw, argv[2], argv[3]))
		return 1;
	if (auth_hash(pw, hash) != 0)
		return 1;
	if (db_exec(t->db, SQL_TOOL_USER_CREATE, DB_ARGS(
	    DB_S(kind, role == ROLE_CITIZEN ? "person" : "staff"),
	    DB_S(email, argv[2]), DB_S(hash, hash), DB_S(full_name, argv[3]),
	    DB_S(role, perm_role_name(role)), DB_U(entity, eid))) != 1) {
		fprintf(stderr, "sharekctl: cannot create %s: %s\n", argv[2],
		    db_errno(t->db) == DB_ER_DUP_ENTRY ?
		    "the e-mail is already registered" : db_error(t->db));
		return 1;
	}
	tool_audit(t, eid, "user.create", db_insert_id(t->db),
	    arena_printf(t->a, "%s <%s> as %s by sharekctl", argv[3], argv[2],
	    perm_role_name(role)));
	printf("%s created (%s)\n", argv[2], perm_role_name(role));
	return 0;
}

int
cmd_user(struct tool *t, int argc, char **argv)
{
	if (argc >= 5 && strcmp(argv[1], "create") == 0)
		return user_create(t, argc, argv);
	if (argc == 3 && strcmp(argv[1], "deactivate") == 0) {
		if (db_exec(t->db, SQL_TOOL_USER_DEACTIVATE,
		    DB_ARGS(DB_S(email, argv[2]))) != 1) {
			fprintf(stderr, "sharekctl: no active account %s\n",
			    argv[2]);
			return 1;
		}
		db_exec(t->db, SQL_TOOL_USER_SESSIONS_END,
		    DB_ARGS(DB_S(email, argv[2])));
		tool_audit(t, 0, "user.deactivate", 0, arena_printf(t->a,
		    "%s by sharekctl", argv[2]));
		printf("%s deactivated (history kept)\n", argv[2]);
		return 0;
	}
	if (argc == 3 && strcmp(argv[1], "reset-password") == 0)
		return set_password(t, argv[2]);
	if (argc == 3 && strcmp(argv[1], "reset-2fa") == 0)
		return reset_factor(t, argv[2]);
	fprintf(stderr, "usage: sharekctl user create EMAIL \"NAME\" ROLE "
	    "[ENTITY-SLUG]\n"
	    "       sharekctl user deactivate EMAIL\n"
	    "       sharekctl user reset-password EMAIL\n"
	    "       sharekctl user reset-2fa EMAIL\n"
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
	res = db_query(t->db, t->a, SQL_TOOL_OPERATOR_ENTITY, DB_NOARGS);
	if (res == NULL || !dbres_next(res)) {
		fprintf(stderr, "sharekctl: no operator entity (the ministry "
		    "running the portal); migrations create it\n");
		return 1;
	}
	pw = read_password(t);
	if (password_refused(pw, argv[2], argv[3]))
		return 1;
	if (auth_hash(pw, hash) != 0)
		return 1;
	if (db_exec(t->db, SQL_TOOL_ADMIN_CREATE, DB_ARGS(
	    DB_S(email, argv[2]), DB_S(hash, hash), DB_S(full_name, argv[3]),
	    DB_U(entity, dbres_u(res, TOOL_OPERATOR_ENTITY_ID)))) != 1) {
		fprintf(stderr, "sharekctl: cannot create %s: %s\n", argv[2],
		    db_errno(t->db) == DB_ER_DUP_ENTRY ?
		    "the e-mail is already registered" : db_error(t->db));
		return 1;
	}
	printf("ministry admin %s created\n", argv[2]);
	return 0;
}
