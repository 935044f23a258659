/*
 * session.c — see session.h.
 */
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "buf.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "http_int.h"
#include "i18n.h"
#include "session.h"
#include "sql_gen.h"

/*
 * Password throttling (issue 9, items 9 and 10).  Failures count per
 * account and client address — the pair — since the pair's last
 * success, for a day: LOGIN_FREE_FAILURES are free, then the next try
 * waits LOGIN_FIRST_WAIT after the last failure, the one after twice
 * that, up to LOGIN_MAX_WAIT.  A guesser at one address gets five tries,
 * two more in the next 45 minutes, then one an hour, while the owner
 * elsewhere signs in as usual: no one can lock an account from outside.
 * An address also has a cap across accounts, so it cannot try one
 * password on many accounts instead.
 */
#define LOGIN_FREE_FAILURES	5
#define LOGIN_FIRST_WAIT	(15 * 60)	/* seconds */
#define LOGIN_MAX_WAIT		(60 * 60)
#define LOGIN_MAX_PER_ADDRESS	30	/* failures per 15 minutes */
/*
 * Wrong second-factor codes, per account (one who types them has the
 * password already) since its last good code, for a day: the first
 * FACTOR_FREE_FAILURES are free, then the next try waits
 * FACTOR_FIRST_WAIT after the last failure, the one after twice that,
 * up to FACTOR_MAX_WAIT — some thirty tries a day, each with three
 * codes in a million to be right.
 */
#define FACTOR_FREE_FAILURES	5
#define FACTOR_FIRST_WAIT	(15 * 60)	/* seconds */
#define FACTOR_MAX_WAIT		(60 * 60)

int
session_init(void)
{
	return auth_init();
}

/* The one reader of session_get's columns. */
static struct session *
session_fill(struct arena *a, const struct dbres *res,
    const unsigned char h[32])
{
	struct session	*s = arena_zalloc(a, sizeof(*s));

	s->user_id = dbres_u(res, SESSION_GET_USER_ID);
	s->email = dbres_str(res, SESSION_GET_EMAIL);
	s->name = dbres_str(res, SESSION_GET_FULL_NAME);
	s->role = dbres_str(res, SESSION_GET_ROLE);
	s->entity_id = dbres_u(res, SESSION_GET_ENTITY_ID);
	s->user_lang = dbres_str(res, SESSION_GET_LANG);
	memcpy(s->token_hash, h, 32);
	s->factor_enabled = dbres_int(res, SESSION_GET_FACTOR_ENABLED) != 0;
	s->factor_required = dbres_int(res, SESSION_GET_FACTOR_REQUIRED) != 0;
	/* A mark without TOTP on (an operator's reset since) counts for
	 * nothing: the role that must have it enrols again. */
	if (s->factor_enabled)
		s->factor = dbres_int(res, SESSION_GET_FACTOR_DONE) ?
		    SESSION_FACTOR_OK : SESSION_FACTOR_CODE;
	else
		s->factor = s->factor_required ? SESSION_FACTOR_ENROL :
		    SESSION_FACTOR_OK;
	return s;
}

void
session_load(struct req *r)
{
	const char	*tok = http_cookie(r, SESSION_COOKIE);
	unsigned char	 h[32];
	struct dbres	*res;
	struct session	*s;

	r->sess = NULL;
	if (r->db == NULL || tok == NULL || strlen(tok) != 43)
		return;
	auth_token_hash(tok, h);
	res = db_query(r->db, r->a, SQL_SESSION_GET, DB_ARGS(
	    DB_B(token_hash, h, sizeof(h)),
	    DB_I(idle_minutes, conf_int("session", "idle_minutes", 120))));
	if (res == NULL || !dbres_next(res))
		return;
	s = session_fill(r->a, res, h);
	/* Half signed in: only the pages that finish (or abandon) signing
	 * in see the session; everywhere else the request is anonymous. */
	if (s->factor != SESSION_FACTOR_OK &&
	    (r->route == NULL || !(r->route->flags & R_FACTOR)))
		return;
	/* Sliding idle expiry without a write on every request. */
	if (dbres_int(res, SESSION_GET_IDLE_SECONDS) >= 60)
		db_exec(r->db, SQL_SESSION_TOUCH, DB_ARGS(
		    DB_B(token_hash, h, sizeof(h))));
	r->sess = s;
}

static void
session_cookie(struct req *r, const char *value, long maxage)
{
	http_cookie_set(r, SESSION_COOKIE, value, maxage);
}

int
session_start(struct req *r, unsigned long long uid)
{
	unsigned char	 raw[32], h[32];
	char		*tok;
	long		 hours = conf_int("session", "absolute_hours", 12);

	if (r->sess != NULL)
		db_exec(r->db, SQL_SESSION_DELETE, DB_ARGS(
		    DB_B(token_hash, r->sess->token_hash,
		    sizeof(r->sess->token_hash))));
	tok = auth_token(r->a, raw);
	auth_token_hash(tok, h);
	if (db_exec(r->db, SQL_SESSION_INSERT, DB_ARGS(
	    DB_B(token_hash, h, sizeof(h)), DB_U(user_id, uid),
	    DB_I(hours, hours), DB_S(ip, r->remote ? r->remote : ""),
	    DB_S(user_agent, r->user_agent ?
	    arena_strndup(r->a, r->user_agent, 250) : ""))) == -1)
		return -1;
	session_cookie(r, tok, hours * 3600);
	/* The rest of this request acts as the new user. */
	{
		struct dbres *res = db_query(r->db, r->a, SQL_SESSION_GET,
		    DB_ARGS(DB_B(token_hash, h, sizeof(h)),
		    DB_I(idle_minutes, 1440)));
		if (res != NULL && dbres_next(res))
			r->sess = session_fill(r->a, res, h);
	}
	r->csrf = NULL;
	r->anon = NULL;
	r->csrf = auth_mac(r->a, "csrf", tok);
	return 0;
}

/* Records one sign-in attempt for throttling. */
static void
session_attempt(struct req *r, const unsigned char eh[32], int success)
{
	db_exec(r->db, SQL_LOGIN_ATTEMPT_INSERT, DB_ARGS(
	    DB_B(email_hash, eh, 32), DB_S(ip, r->remote ? r->remote : ""),
	    DB_I(success, success)));
}

/* The key of an account's password attempts: the hash of its e-mail
 * address (as typed at sign-in, lower-cased by PT_EMAIL). */
static void
session_email_hash(const char *email, unsigned char eh[32])
{
	crypto_generichash(eh, 32, (const unsigned char *)email,
	    strlen(email), NULL, 0);
}

long
session_throttle_wait(struct req *r, const char *email)
{
	unsigned char	 eh[32];
	struct dbres	*res;
	long long	 n, wait, since;

	if (email == NULL)
		return 0;
	session_email_hash(email, eh);
	res = db_query(r->db, r->a, SQL_LOGIN_FAILURES_PAIR, DB_ARGS(
	    DB_B(email_hash, eh, sizeof(eh)),
	    DB_S(ip, r->remote ? r->remote : "")));
	if (res == NULL)
		return -1;
	if (dbres_next(res) && (n = dbres_int(res,
	    LOGIN_FAILURES_PAIR_FAILURES)) >= LOGIN_FREE_FAILURES) {
		for (wait = LOGIN_FIRST_WAIT; n > LOGIN_FREE_FAILURES &&
		    wait < LOGIN_MAX_WAIT; n--)
			wait *= 2;
		if (wait > LOGIN_MAX_WAIT)
			wait = LOGIN_MAX_WAIT;
		since = dbres_int(res, LOGIN_FAILURES_PAIR_SINCE_LAST);
		if (since < wait)
			return (long)(wait - (since > 0 ? since : 0));
	}
	res = db_query(r->db, r->a, SQL_LOGIN_FAILURES_IP, DB_ARGS(
	    DB_S(ip, r->remote ? r->remote : "")));
	if (res == NULL)
		return -1;
	if (dbres_next(res) && dbres_int(res, LOGIN_FAILURES_IP_FAILURES) >=
	    LOGIN_MAX_PER_ADDRESS) {
		wait = dbres_int(res, LOGIN_FAILURES_IP_FREES_IN);
		return wait > 0 ? (long)wait : 1;
	}
	return 0;
}

const char *
session_throttle_message(struct req *r, long wait)
{
	/* Whole minutes, rounded up: never "wait 0 minutes". */
	long		 min = wait > 0 ? (wait + 59) / 60 : 1;

	return i18n_subst(r->a, tr(r, "Too many failed attempts. Please "
	    "wait {1} minutes and try again."), arena_printf(r->a, "%ld",
	    min), NULL);
}

void
session_password_attempt(struct req *r, const char *email, int success)
{
	unsigned char	 eh[32];

	session_email_hash(email, eh);
	session_attempt(r, eh, success);
}

enum login_result
session_login(struct req *r, const char *email, const char *password)
{
	unsigned char	 eh[32];
	struct dbres	*res;
	const char	*hash;
	unsigned long long uid;
	int		 rc, verified, active;
	long		 wait;
	char		 newhash[128];

	session_email_hash(email, eh);
	if ((wait = session_throttle_wait(r, email)) != 0)
		return wait < 0 ? LOGIN_ERROR : LOGIN_THROTTLED;

	res = db_query(r->db, r->a, SQL_USER_LOGIN_GET, DB_ARGS(
	    DB_S(email, email)));
	if (res == NULL)
		return LOGIN_ERROR;
	if (!dbres_next(res)) {
		/* Same work for an unknown address: no timing oracle, and
		 * the same "busy" when no hash slot is free (else a 503
		 * would tell a known address from an unknown one). */
		if (auth_verify("$argon2id$v=19$m=65536,t=2,p=1$"
		    "c29tZXNhbHRzb21lc2FsdA$"
		    "bm90YXJlYWxoYXNoYnV0bG9va3NsaWtlb25lMTIzNA",
		    password) == 1)
			return LOGIN_BUSY;
		session_attempt(r, eh, 0);
		return LOGIN_BAD;
	}
	uid = dbres_u(res, USER_LOGIN_GET_ID);
	hash = dbres_str(res, USER_LOGIN_GET_PASSWORD_HASH);
	active = (int)dbres_int(res, USER_LOGIN_GET_ACTIVE);
	verified = (int)dbres_int(res, USER_LOGIN_GET_VERIFIED);
	rc = auth_verify(hash, password);
	if (rc == 1)
		return LOGIN_BUSY;
	if (rc == -1 || !active) {
		session_attempt(r, eh, 0);
		return LOGIN_BAD;
	}
	if (!verified)
		return LOGIN_UNVERIFIED;
	session_attempt(r, eh, 1);
	if (auth_needs_rehash(hash) && auth_hash(password, newhash) == 0)
		db_exec(r->db, SQL_USER_SET_PASSWORD_HASH, DB_ARGS(
		    DB_S(hash, newhash), DB_U(id, uid)));
	if (session_start(r, uid) == -1)
		return LOGIN_ERROR;
	return LOGIN_OK;
}

int
session_factor_done(struct req *r)
{
	if (r->sess == NULL || session_start(r, r->sess->user_id) == -1 ||
	    r->sess == NULL)
		return -1;
	if (db_exec(r->db, SQL_SESSION_FACTOR_DONE, DB_ARGS(
	    DB_B(token_hash, r->sess->token_hash,
	    sizeof(r->sess->token_hash)))) != 1)
		return -1;
	r->sess->factor = SESSION_FACTOR_OK;
	return 0;
}

/* The key of an account's code attempts in login_attempts: not the
 * password's (the hash of the e-mail alone). */
static void
session_factor_key(const struct req *r, unsigned char kh[32])
{
	crypto_generichash_state st;

	crypto_generichash_init(&st, NULL, 0, 32);
	crypto_generichash_update(&st, (const unsigned char *)"factor:", 7);
	crypto_generichash_update(&st, (const unsigned char *)r->sess->email,
	    strlen(r->sess->email));
	crypto_generichash_final(&st, kh, 32);
}

long
session_factor_throttled(struct req *r)
{
	unsigned char	 kh[32];
	struct dbres	*res;
	long long	 n, wait, since;

	if (r->sess == NULL || r->sess->email == NULL)
		return -1;
	session_factor_key(r, kh);
	res = db_query(r->db, r->a, SQL_FACTOR_FAILURES, DB_ARGS(
	    DB_B(key_hash, kh, sizeof(kh))));
	if (res == NULL)
		return -1;
	if (!dbres_next(res) || (n = dbres_int(res,
	    FACTOR_FAILURES_FAILURES)) < FACTOR_FREE_FAILURES)
		return 0;
	for (wait = FACTOR_FIRST_WAIT; n > FACTOR_FREE_FAILURES &&
	    wait < FACTOR_MAX_WAIT; n--)
		wait *= 2;
	if (wait > FACTOR_MAX_WAIT)
		wait = FACTOR_MAX_WAIT;
	since = dbres_int(res, FACTOR_FAILURES_SINCE_LAST);
	return since < wait ? (long)(wait - (since > 0 ? since : 0)) : 0;
}

void
session_factor_attempt(struct req *r, int success)
{
	unsigned char	 kh[32];

	if (r->sess == NULL || r->sess->email == NULL)
		return;
	session_factor_key(r, kh);
	db_exec(r->db, SQL_FACTOR_ATTEMPT_INSERT, DB_ARGS(
	    DB_B(key_hash, kh, sizeof(kh)), DB_S(ip, r->remote),
	    DB_I(success, success)));
}

void
session_link_set(struct req *r, const char *name, const char *path,
    const char *token)
{
	struct buf	 b;

	/* Not http_cookie_set: this one is Strict and scoped to its page,
	 * so it goes to no other page of the site and to no request that
	 * another site starts. */
	buf_init(&b, r->a);
	buf_printf(&b, "%s=%s; Path=%s; HttpOnly; SameSite=Strict", name,
	    token[0] != '\0' ? token : "", path);
	buf_printf(&b, "; Max-Age=%d", token[0] != '\0' ?
	    SESSION_LINK_SECONDS : 0);
	if (conf_bool("app", "secure_cookies", 0) ||
	    http_env(r, "HTTPS") != NULL)
		buf_adds(&b, "; Secure");
	http_header(r, "Set-Cookie", b.data);
	/* What a token opens is personal. */
	http_nostore(r);
}

const char *
session_link_get(const struct req *r, const char *name)
{
	const char	*tok = http_cookie(r, name);

	return tok != NULL && strlen(tok) == 43 ? tok : NULL;
}

void
session_logout(struct req *r)
{
	if (r->sess != NULL)
		db_exec(r->db, SQL_SESSION_DELETE, DB_ARGS(
		    DB_B(token_hash, r->sess->token_hash,
		    sizeof(r->sess->token_hash))));
	r->sess = NULL;
	session_cookie(r, "", 0);
}

/*
 * The client's CSRF secret: the first CSRF_SECRET bytes of the keyed
 * MAC of its session (or anonymous) cookie, kept in r->csrf as hex.
 * Every form gets it masked with a fresh random pad (BREACH: a page
 * compressed with a secret that repeats in it leaks the secret byte by
 * byte; a value that differs on every response gives nothing to match):
 * hex(pad ‖ pad XOR secret), CSRF_SECRET * 4 hex digits, the 64 the
 * field declares.
 */
#define CSRF_SECRET	16

static const char *
csrf_secret(struct req *r)
{
	const char	*tok;
	unsigned char	 raw[32];

	if (r->csrf != NULL)
		return r->csrf;
	tok = http_cookie(r, SESSION_COOKIE);
	if (r->sess == NULL || tok == NULL) {
		tok = r->anon != NULL ? r->anon : http_cookie(r, ANON_COOKIE);
		if (tok == NULL || strlen(tok) != 43) {
			tok = auth_token(r->a, raw);
			/* Sent only with a page that shows a token
			 * (http_resp.c, http_page_cache): a page without a
			 * form sets no cookie and may be cached. */
			r->anon_new = 1;
		}
		r->anon = (char *)tok;
	}
	r->csrf = auth_mac(r->a, "csrf", tok);
	return r->csrf;
}

const char *
session_csrf(struct req *r)
{
	unsigned char	 sec[CSRF_SECRET], out[2 * CSRF_SECRET];
	char		*hex;
	size_t		 i;

	if (sodium_hex2bin(sec, sizeof(sec), csrf_secret(r), 2 * CSRF_SECRET,
	    NULL, NULL, NULL) != 0)
		return "";
	randombytes_buf(out, CSRF_SECRET);
	for (i = 0; i < CSRF_SECRET; i++)
		out[CSRF_SECRET + i] = out[i] ^ sec[i];
	hex = arena_alloc(r->a, 4 * CSRF_SECRET + 1);
	sodium_bin2hex(hex, 4 * CSRF_SECRET + 1, out, sizeof(out));
	sodium_memzero(sec, sizeof(sec));
	return hex;
}

int
session_csrf_ok(struct req *r, const char *token)
{
	const char	*tok, *want;
	unsigned char	 in[2 * CSRF_SECRET], sec[CSRF_SECRET];
	size_t		 i, len;

	if (token == NULL || strlen(token) != 4 * CSRF_SECRET)
		return 0;
	tok = http_cookie(r, SESSION_COOKIE);
	if (r->sess == NULL || tok == NULL)
		tok = http_cookie(r, ANON_COOKIE);
	if (tok == NULL)
		return 0;
	want = auth_mac(r->a, "csrf", tok);
	if (sodium_hex2bin(in, sizeof(in), token, 4 * CSRF_SECRET, NULL, &len,
	    NULL) != 0 || len != sizeof(in) ||
	    sodium_hex2bin(sec, sizeof(sec), want, 2 * CSRF_SECRET, NULL, NULL,
	    NULL) != 0)
		return 0;
	/* Unmasked in place: the second half XOR the pad. */
	for (i = 0; i < CSRF_SECRET; i++)
		in[CSRF_SECRET + i] ^= in[i];
	return sodium_memcmp(in + CSRF_SECRET, sec, CSRF_SECRET) == 0;
}
