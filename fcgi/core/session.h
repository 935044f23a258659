/*
 * session.h — sessions kept in MariaDB (stateless workers), sign-in with
 * login throttling, and CSRF tokens.  The secrets underneath (password
 * hashes, tokens, MACs) are auth.h, which knows nothing of requests.
 *
 * A session token is 256 random bits sent as the cookie "sk_session";
 * only its BLAKE2b hash is stored.  A new token is issued at every
 * login and the row is deleted at logout.  CSRF tokens are a keyed
 * hash of the session token (or, before login, of a random "sk_anon"
 * cookie) under the deployment's secret key, so they need no storage.
 */
#ifndef SHAREK_SESSION_H
#define SHAREK_SESSION_H

#include <stddef.h>

#include "auth.h"

struct req;

/* The signed-in user of a request (req->sess); arena-owned. */
struct session {
	unsigned long long	 user_id;
	const char		*email;
	const char		*name;
	const char		*role;	/* citizen, admin, liaison, … */
	unsigned long long	 entity_id;
	const char		*user_lang;
	unsigned char		 token_hash[32];
};

#define SESSION_COOKIE	"sk_session"
#define ANON_COOKIE	"sk_anon"

enum login_result {
	LOGIN_OK,
	LOGIN_BAD,		/* wrong e-mail or password (never says which) */
	LOGIN_THROTTLED,	/* too many failures: 429 */
	LOGIN_UNVERIFIED,	/* e-mail not verified yet */
	LOGIN_BUSY,		/* too many password hashes at once: 503 */
	LOGIN_ERROR
};

/* Process start-up: auth_init() (libsodium, the secret key file, the
 * hash limit). */
int		 session_init(void);
/* Loads req->sess from the cookie (NULL when absent or expired).  Needs
 * req->db; the dispatcher skips it when there is none. */
void		 session_load(struct req *);
/* Checks credentials, records the attempt, and on success issues a new
 * session (deleting the old one) and sets the cookie. */
enum login_result session_login(struct req *, const char *email,
		    const char *password);
/* Starts a session for a user without a password check (after e-mail
 * verification).  0 or -1. */
int		 session_start(struct req *, unsigned long long user_id);
/* Deletes the session row and clears the cookie. */
void		 session_logout(struct req *);
/* The CSRF token for this client (arena-owned); sets sk_anon if needed. */
const char	*session_csrf(struct req *);
/* Constant-time check of a submitted token. */
int		 session_csrf_ok(struct req *, const char *token);

#endif
