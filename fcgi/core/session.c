/*
 * session.c — see session.h.
 */
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "session.h"
#include "sql_gen.h"

#define LOGIN_MAX_PER_ACCOUNT	5	/* failures per 15 minutes */
#define LOGIN_MAX_PER_ADDRESS	30

int
session_init(void)
{
	return auth_init();
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
