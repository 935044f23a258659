/*
 * session.h — sessions kept in MariaDB (stateless workers), passwords,
 * login throttling and CSRF tokens.
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

struct req;
struct arena;

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

/* Process start-up: libsodium, the secret key file, the hash limit. */
int		 session_init(void);
/* Loads req->sess from the cookie (NULL when absent or expired). */
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

/* Argon2id (libsodium interactive limits) into out[128]; 0, -1, or 1
 * when the concurrency cap was reached. */
int		 auth_hash(const char *password, char out[128]);
/* 0 match, -1 no match, 1 busy. */
int		 auth_verify(const char *hash, const char *password);
int		 auth_needs_rehash(const char *hash);
/* 32 random bytes as base64url (arena-owned); raw bytes to raw[32]. */
char		*auth_token(struct arena *, unsigned char raw[32]);
/* BLAKE2b-256 of a token string. */
void		 auth_token_hash(const char *token, unsigned char out[32]);
/* A keyed MAC with the deployment key, hex (arena-owned). */
char		*auth_mac(struct arena *, const char *purpose, const char *msg);
/* The deployment's 32-byte secret key (for secretbox of personal data). */
const unsigned char *auth_key(void);

#endif
