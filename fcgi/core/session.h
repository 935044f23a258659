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

/*
 * The second factor of staff (issue 9).  A session of an account with
 * TOTP enabled, or whose role must have it (session_get says which:
 * the ministry's administrators, the liaison officers and the central
 * operations room of complaints), counts as signed
 * in only once a code was typed in it (sessions.second_factor_at).
 * Until then it is a half sign-in: session_load gives it only to routes
 * marked R_FACTOR (the sign-in, sign-out and second-factor pages) and
 * leaves every other request of every program anonymous, so a password
 * typed at /login or /complaints/login opens nothing under /staff/.
 */
enum session_factor {
	SESSION_FACTOR_OK,	/* nothing owed: signed in */
	SESSION_FACTOR_CODE,	/* TOTP on: a code must be typed */
	SESSION_FACTOR_ENROL	/* the role must have TOTP: enrol first */
};

/* The signed-in user of a request (req->sess); arena-owned. */
struct session {
	unsigned long long	 user_id;
	const char		*email;
	const char		*name;
	const char		*role;	/* citizen, admin, liaison, … */
	unsigned long long	 entity_id;
	const char		*user_lang;
	unsigned char		 token_hash[32];
	int			 factor_enabled;	/* TOTP is on */
	int			 factor_required;	/* the role must have it */
	enum session_factor	 factor;	/* what the session still owes */
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
/* Loads req->sess from the cookie (NULL when absent or expired, or when
 * the session owes its second factor and the route is not R_FACTOR).
 * Needs req->db and req->route; the dispatcher skips it when there is
 * no database. */
void		 session_load(struct req *);
/* Checks credentials, records the attempt, and on success issues a new
 * session (deleting the old one) and sets the cookie. */
enum login_result session_login(struct req *, const char *email,
		    const char *password);
/* Starts a session for a user whose password was checked (a new token;
 * the request's old session row is deleted).  Never from a link: a
 * GET must not sign anyone in (login CSRF).  0 or -1. */
int		 session_start(struct req *, unsigned long long user_id);
/* The second factor was given: a new session (token rotated) marked as
 * done, for the rest of this request too.  0 or -1. */
int		 session_factor_done(struct req *);
/* Wrong codes of the signed-in account are throttled like passwords
 * (login_attempts, under a key of their own; growing waits after five
 * since the last good code): the seconds to wait before another code
 * may be tried (429), 0 when one may be now, -1 on error. */
long		 session_factor_throttled(struct req *);
/* Records one typed code of the signed-in account. */
void		 session_factor_attempt(struct req *, int success);
/*
 * Password throttling, for sign-in and for every other page that asks
 * for a password (POST /me/delete): failures count per account and
 * client address, with waits that grow after the first five, and per
 * address across accounts (session.c says how much).
 * session_throttle_wait: the seconds this client must wait before
 * trying a password for email (0: it may try now; -1: error).
 * session_throttle_message: "Too many failed attempts. Please wait N
 * minutes…" for such a wait, translated (arena-owned).
 * session_password_attempt: records one password tried for email.
 */
long		 session_throttle_wait(struct req *, const char *email);
const char	*session_throttle_message(struct req *, long wait);
void		 session_password_attempt(struct req *, const char *email,
		    int success);

/*
 * One-time links (password reset, e-mail verification, a staff
 * invitation) carry a token in the URL of an e-mail.  The page that
 * receives one exchanges it at once for this cookie and sends the
 * browser on to its bare path (303), so the token is not left in the
 * address bar, the history, a Referer or the log line of a later
 * request.  HttpOnly, SameSite=Strict, Path=path, SESSION_LINK_SECONDS.
 * session_link_set with token "" clears it; every response that sets it
 * is no-store.  session_link_get: the cookie's token, or NULL.
 */
#define SESSION_LINK_SECONDS	(30 * 60)
void		 session_link_set(struct req *, const char *name,
		    const char *path, const char *token);
const char	*session_link_get(const struct req *, const char *name);
/* Deletes the session row and clears the cookie. */
void		 session_logout(struct req *);
/* The CSRF token for this client (arena-owned); sets sk_anon if needed.
 * Masked with a fresh random pad on every call (BREACH-safe under
 * compression): each form's value differs, every one validates. */
const char	*session_csrf(struct req *);
/* Constant-time check of a submitted (masked) token. */
int		 session_csrf_ok(struct req *, const char *token);

#endif
