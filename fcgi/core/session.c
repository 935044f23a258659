/*
 * session.c — see session.h.
 */
#include <errno.h>
#include <fcntl.h>
#include <sys/file.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "arena.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "log.h"
#include "session.h"
#include "sql_gen.h"

#define LOGIN_MAX_PER_ACCOUNT	5	/* failures per 15 minutes */
#define LOGIN_MAX_PER_ADDRESS	30

static unsigned char	 session_key[32];
/* The cap on concurrent password hashes: one lock file per slot under
 * var/run, taken with flock() — released by the kernel even when a
 * worker dies in the middle of a hash, so a slot can never leak. */
#define PWHASH_MAXSLOTS	16
static int		 pwhash_fd[PWHASH_MAXSLOTS];
static int		 pwhash_nslots;
static int		 pwhash_held = -1;

int
session_init(void)
{
	const char	*path;
	FILE		*f;
	char		 name[512];
	long		 cap;

	if (sodium_init() < 0) {
		log_warnx("%s: sodium_init failed", __func__);
		return -1;
	}
	path = conf_get("app", "secret_key_file", NULL);
	if (path == NULL || (f = fopen(path, "rb")) == NULL) {
		log_warnx("%s: secret key file %s unreadable", __func__,
		    path ? path : "(unset)");
		return -1;
	}
	if (fread(session_key, 1, sizeof(session_key), f) !=
	    sizeof(session_key)) {
		fclose(f);
		log_warnx("%s: secret key file %s is shorter than 32 bytes",
		    __func__, path);
		return -1;
	}
	fclose(f);
	/* Argon2id takes 64 MiB a hash: bound how many run at once on this
	 * host, whatever the number of workers. */
	cap = conf_int("limits", "pwhash_concurrent", 2);
	if (cap < 1)
		cap = 1;
	if (cap > PWHASH_MAXSLOTS)
		cap = PWHASH_MAXSLOTS;
	for (pwhash_nslots = 0; pwhash_nslots < cap; pwhash_nslots++) {
		snprintf(name, sizeof(name), "%s/run/pwhash.%d.lock",
		    conf_get("app", "var", "var"), pwhash_nslots);
		pwhash_fd[pwhash_nslots] = open(name, O_RDWR | O_CREAT |
		    O_CLOEXEC, 0600);
		if (pwhash_fd[pwhash_nslots] == -1) {
			log_warn("%s: %s (no cap on hashes)", __func__, name);
			pwhash_nslots = 0;
			break;
		}
	}
	return 0;
}

const unsigned char *
auth_key(void)
{
	return session_key;
}

static int
auth_slot(void)
{
	int	 i, tries;

	if (pwhash_nslots == 0)
		return 0;
	/* Up to five seconds for a free slot, then "busy" (503). */
	for (tries = 0; tries < 100; tries++) {
		for (i = 0; i < pwhash_nslots; i++)
			if (flock(pwhash_fd[i], LOCK_EX | LOCK_NB) == 0) {
				pwhash_held = i;
				return 0;
			}
		usleep(50000);
	}
	return -1;
}

static void
auth_unslot(void)
{
	if (pwhash_held >= 0)
		flock(pwhash_fd[pwhash_held], LOCK_UN);
	pwhash_held = -1;
}

int
auth_hash(const char *password, char out[128])
{
	int	 rc;

	if (auth_slot() == -1)
		return 1;
	rc = crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	auth_unslot();
	return rc == 0 ? 0 : -1;
}

int
auth_verify(const char *hash, const char *password)
{
	int	 rc;

	if (hash == NULL || *hash == '\0')
		return -1;
	if (auth_slot() == -1)
		return 1;
	rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	auth_unslot();
	return rc == 0 ? 0 : -1;
}

int
auth_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

char *
auth_token(struct arena *a, unsigned char raw[32])
{
	size_t	 n = sodium_base64_ENCODED_LEN(32,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char	*s = arena_alloc(a, n);

	randombytes_buf(raw, 32);
	sodium_bin2base64(s, n, raw, 32,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return s;
}

void
auth_token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

char *
auth_mac(struct arena *a, const char *purpose, const char *msg)
{
	crypto_generichash_state st;
	unsigned char		 mac[32];
	char			*hex = arena_alloc(a, 65);

	crypto_generichash_init(&st, session_key, sizeof(session_key), 32);
	crypto_generichash_update(&st, (const unsigned char *)purpose,
	    strlen(purpose) + 1);
	crypto_generichash_update(&st, (const unsigned char *)msg,
	    strlen(msg));
	crypto_generichash_final(&st, mac, sizeof(mac));
	sodium_bin2hex(hex, 65, mac, sizeof(mac));
	return hex;
}

void
session_load(struct req *r)
{
	const char	*tok = http_cookie(r, SESSION_COOKIE);
	unsigned char	 h[32];
	struct dbres	*res;
	struct session	*s;

	r->sess = NULL;
	if (tok == NULL || strlen(tok) != 43)
		return;
	auth_token_hash(tok, h);
	res = db_query(r->db, r->a, SQL_SESSION_GET, "bi", h, sizeof(h),
	    conf_int("session", "idle_minutes", 120));
	if (res == NULL || !dbres_next(res))
		return;
	s = arena_zalloc(r->a, sizeof(*s));
	s->user_id = (unsigned long long)dbres_int(res, 0);
	s->email = dbres_str(res, 1);
	s->name = dbres_str(res, 2);
	s->role = dbres_str(res, 3);
	s->entity_id = (unsigned long long)dbres_int(res, 4);
	s->user_lang = dbres_str(res, 5);
	memcpy(s->token_hash, h, sizeof(h));
	/* Sliding idle expiry without a write on every request. */
	if (dbres_int(res, 6) >= 60)
		db_exec(r->db, SQL_SESSION_TOUCH, "b", h, sizeof(h));
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
		db_exec(r->db, SQL_SESSION_DELETE, "b", r->sess->token_hash,
		    sizeof(r->sess->token_hash));
	tok = auth_token(r->a, raw);
	auth_token_hash(tok, h);
	if (db_exec(r->db, SQL_SESSION_INSERT, "buiss", h, sizeof(h), uid,
	    (long long)hours, r->remote ? r->remote : "",
	    r->user_agent ? arena_strndup(r->a, r->user_agent, 250) : "")
	    == -1)
		return -1;
	session_cookie(r, tok, hours * 3600);
	/* The rest of this request acts as the new user. */
	{
		struct dbres *res = db_query(r->db, r->a, SQL_SESSION_GET,
		    "bi", h, sizeof(h), 1440LL);
		struct session *s;
		if (res != NULL && dbres_next(res)) {
			s = arena_zalloc(r->a, sizeof(*s));
			s->user_id = uid;
			s->email = dbres_str(res, 1);
			s->name = dbres_str(res, 2);
			s->role = dbres_str(res, 3);
			s->entity_id =
			    (unsigned long long)dbres_int(res, 4);
			s->user_lang = dbres_str(res, 5);
			memcpy(s->token_hash, h, sizeof(h));
			r->sess = s;
		}
	}
	r->csrf = NULL;
	r->anon = NULL;
	r->csrf = auth_mac(r->a, "csrf", tok);
	return 0;
}

enum login_result
session_login(struct req *r, const char *email, const char *password)
{
	unsigned char	 eh[32];
	struct dbres	*res;
	const char	*hash;
	unsigned long long uid;
	int		 rc, verified, active;
	char		 newhash[128];

	crypto_generichash(eh, sizeof(eh), (const unsigned char *)email,
	    strlen(email), NULL, 0);
	res = db_query(r->db, r->a, SQL_LOGIN_FAILURES_EMAIL, "b", eh,
	    sizeof(eh));
	if (res == NULL)
		return LOGIN_ERROR;
	if (dbres_next(res) && dbres_int(res, 0) >= LOGIN_MAX_PER_ACCOUNT)
		return LOGIN_THROTTLED;
	res = db_query(r->db, r->a, SQL_LOGIN_FAILURES_IP, "s", r->remote);
	if (res == NULL)
		return LOGIN_ERROR;
	if (dbres_next(res) && dbres_int(res, 0) >= LOGIN_MAX_PER_ADDRESS)
		return LOGIN_THROTTLED;

	res = db_query(r->db, r->a, SQL_USER_LOGIN_GET, "s", email);
	if (res == NULL)
		return LOGIN_ERROR;
	if (!dbres_next(res)) {
		/* Same work for an unknown address: no timing oracle. */
		auth_verify("$argon2id$v=19$m=65536,t=2,p=1$"
		    "c29tZXNhbHRzb21lc2FsdA$"
		    "bm90YXJlYWxoYXNoYnV0bG9va3NsaWtlb25lMTIzNA", password);
		db_exec(r->db, SQL_LOGIN_ATTEMPT_INSERT, "bsi", eh,
		    sizeof(eh), r->remote, 0LL);
		return LOGIN_BAD;
	}
	uid = (unsigned long long)dbres_int(res, 0);
	hash = dbres_str(res, 1);
	active = (int)dbres_int(res, 2);
	verified = (int)dbres_int(res, 3);
	rc = auth_verify(hash, password);
	if (rc == 1)
		return LOGIN_BUSY;
	if (rc == -1 || !active) {
		db_exec(r->db, SQL_LOGIN_ATTEMPT_INSERT, "bsi", eh,
		    sizeof(eh), r->remote, 0LL);
		return LOGIN_BAD;
	}
	if (!verified)
		return LOGIN_UNVERIFIED;
	db_exec(r->db, SQL_LOGIN_ATTEMPT_INSERT, "bsi", eh, sizeof(eh),
	    r->remote, 1LL);
	if (auth_needs_rehash(hash) && auth_hash(password, newhash) == 0)
		db_exec(r->db, SQL_USER_SET_PASSWORD_HASH, "su", newhash, uid);
	if (session_start(r, uid) == -1)
		return LOGIN_ERROR;
	return LOGIN_OK;
}

void
session_logout(struct req *r)
{
	if (r->sess != NULL)
		db_exec(r->db, SQL_SESSION_DELETE, "b", r->sess->token_hash,
		    sizeof(r->sess->token_hash));
	r->sess = NULL;
	session_cookie(r, "", 0);
}

const char *
session_csrf(struct req *r)
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
			http_cookie_set(r, ANON_COOKIE, tok, 0);
		}
		r->anon = (char *)tok;
	}
	r->csrf = auth_mac(r->a, "csrf", tok);
	return r->csrf;
}

int
session_csrf_ok(struct req *r, const char *token)
{
	const char	*tok, *want;

	if (token == NULL || strlen(token) != 64)
		return 0;
	tok = http_cookie(r, SESSION_COOKIE);
	if (r->sess == NULL || tok == NULL)
		tok = http_cookie(r, ANON_COOKIE);
	if (tok == NULL)
		return 0;
	want = auth_mac(r->a, "csrf", tok);
	return sodium_memcmp(want, token, 64) == 0;
}
