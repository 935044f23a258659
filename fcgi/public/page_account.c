/*
 * page_account.c — citizens' accounts: natural and legal persons.
 *
 * GET  /register            form (view public/register)
 * POST /register            kind, full_name, org_name, org_reg_no,
 *                           email, mobile, password, password2, lang,
 *                           accept → 303 /register/sent, or the form 422
 * GET  /register/sent       "check your e-mail" (same answer whether the
 *                           address was new or not: nothing is revealed)
 * GET  /verify?t=TOKEN      one-time link from the e-mail: verifies,
 *                           signs in, 303 /me; or view public/link_invalid
 * GET  /forgot, POST /forgot   email → the same "sent" page always
 * GET  /forgot/sent         "check your e-mail" (view public/message)
 * GET  /reset?t=TOKEN, POST /reset   t, password, password2 → 303 /login
 * Permission: anyone.  Links are 256-bit tokens stored hashed; a verify
 * link lasts 72 hours, a reset link one hour, and each works once.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "public.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"

#define VERIFY_MINUTES	(72 * 60)
#define RESET_MINUTES	60

static const char *const kinds[] = { "person", "organisation", NULL };
static const char *const langs[] = { "ar", "en", NULL };

const struct param account_register_params[] = {
	{ "kind", PT_ENUM, P_REQ, 0, 0, kinds, NULL },
	{ "full_name", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "org_name", PT_STR, 0, 2, 200, NULL, NULL },
	{ "org_reg_no", PT_STR, 0, 1, 64, NULL, NULL },
	{ "email", PT_EMAIL, P_REQ, 0, 254, NULL, NULL },
	{ "mobile", PT_PHONE, P_REQ, 0, 0, NULL, NULL },
	{ "password", PT_STR, P_REQ | P_SECRET, 10, 1024, NULL, NULL },
	{ "password2", PT_STR, P_REQ | P_SECRET, 1, 1024, NULL, NULL },
	{ "lang", PT_ENUM, 0, 0, 0, langs, NULL },
	{ "accept", PT_BOOL, P_REQ, 0, 0, NULL, NULL },
};
const int account_register_nparams = 10;

const struct param account_token_params[] = {
	{ "t", PT_STR, P_REQ, 43, 43, NULL, NULL },
};
const struct param account_forgot_params[] = {
	{ "email", PT_EMAIL, P_REQ, 0, 254, NULL, NULL },
};
const struct param account_reset_params[] = {
	{ "t", PT_STR, P_REQ, 43, 43, NULL, NULL },
	{ "password", PT_STR, P_REQ | P_SECRET, 10, 1024, NULL, NULL },
	{ "password2", PT_STR, P_REQ | P_SECRET, 1, 1024, NULL, NULL },
};

/* Issues a one-time link token of purpose for uid; the token text is
 * arena-owned.  Earlier unused links of that purpose stop working. */
static const char *
account_token(struct req *r, unsigned long long uid, const char *purpose,
    long long minutes)
{
	unsigned char	 raw[32], h[32];
	char		*tok = auth_token(r->a, raw);

	auth_token_hash(tok, h);
	if (db_exec(r->db, SQL_TOKEN_VOID_USER, "us", uid, purpose) < 0 ||
	    db_exec(r->db, SQL_TOKEN_INSERT, "busi", h, sizeof(h), uid,
	    purpose, minutes) != 1)
		return NULL;
	return tok;
}

/* Flags a second password that differs from the first.  Compared as
 * typed, even when the first is itself invalid (too short…), so every
 * problem is reported at once. */
static void
check_password2(struct req *r)
{
	const struct pval *p1 = http_param(r, "password");
	const struct pval *p2 = http_param(r, "password2");

	if (p1 == NULL || p2 == NULL || !p1->present || !p2->set ||
	    p1->s == NULL)
		return;
	if (strcmp(p1->s, p2->s) != 0)
		http_field_error(r, "password2", "The two passwords are not "
		    "the same.");
}

/* Messages go out in the addressee's language, not the sender's. */
static const char *
in(const char *lang, const char *msgid)
{
	return i18n_get(lang, msgid);
}

static int
show_register(struct req *r)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Create an account"));
	http_form_model(r, m);
	{
		const struct pval *k = http_param(r, "kind");
		const struct pval *l = http_param(r, "lang");
		vm_bool(m, "is_org", k != NULL && k->set && k->i == 1);
		vm_bool(m, "is_en", l != NULL && l->set ? l->i == 1 :
		    strcmp(r->lang, "en") == 0);
	}
	return http_render(r, "public/register", m);
}

int
page_register_form(struct req *r)
{
	if (r->sess != NULL)
		return http_redirect(r, 303, "/me");
	return show_register(r);
}

struct reg {
	struct req	*r;
	const char	*hash;
	int		 existed;
};

static int
register_tx(struct db *db, void *arg)
{
	struct reg	*g = arg;
	struct req	*r = g->r;
	const char	*email = http_str(r, "email"), *lang, *tok, *prev;
	int		 org = http_int(r, "kind", 0) == 1;
	unsigned long long uid;
	struct dbres	*res;
	int		 rc;

	(void)db;
	if ((rc = http_nonce_claim(r, "/register/sent", &prev)) != 0)
		return rc == 1 ? 1 : -1;
	lang = http_str(r, "lang") ? http_str(r, "lang") : r->lang;
	res = db_query(r->db, r->a, SQL_ACCOUNT_BY_EMAIL, "s", email);
	if (res == NULL)
		return -1;
	if (dbres_next(res)) {
		/* Tell the owner of the address, not the visitor. */
		const char *olang = dbres_str(res, 2);
		g->existed = 1;
		return outbox_email(r->db, email, in(olang, "Your Sharek "
		    "account"), i18n_subst(r->a, in(olang, "Someone tried "
		    "to create a Sharek account with this e-mail address, "
		    "which already has one.\n\nIf it was you, sign in at "
		    "{1}/login or set a new password at {1}/forgot.\n\nIf it "
		    "was not you, you can ignore this message."),
		    http_base_url(), NULL));
	}
	if (db_exec(r->db, SQL_ACCOUNT_INSERT, "sssssssss",
	    org ? "organisation" : "person", email, g->hash,
	    http_str(r, "full_name"), org ? http_str(r, "org_name") : NULL,
	    org ? http_str(r, "org_reg_no") : NULL,
	    org ? http_str(r, "full_name") : NULL, http_str(r, "mobile"),
	    lang) != 1)
		return -1;
	uid = (unsigned long long)db_insert_id(r->db);
	if ((tok = account_token(r, uid, "verify_email", VERIFY_MINUTES))
	    == NULL)
		return -1;
	return outbox_email(r->db, email, in(lang, "Confirm your e-mail "
	    "address"), i18n_subst(r->a, in(lang, "Welcome to Sharek.\n\n"
	    "To confirm your e-mail address and activate your account, open "
	    "this link within 72 hours:\n\n{1}/verify?t={2}\n\nIf you did not "
	    "create an account, you can ignore this message."),
	    http_base_url(), tok, NULL));
}

int
page_register(struct req *r)
{
	const char	*pw = http_str(r, "password");
	char		 hash[128];
	struct reg	 g;
	int		 rc;

	if (http_int(r, "kind", 0) == 1) {
		if (http_str(r, "org_name") == NULL &&
		    http_param(r, "org_name")->err == NULL)
			http_field_error(r, "org_name", "Enter the name of "
			    "the organisation.");
		if (http_str(r, "org_reg_no") == NULL &&
		    http_param(r, "org_reg_no")->err == NULL)
			http_field_error(r, "org_reg_no", "Enter the "
			    "registration number of the organisation.");
	}
	check_password2(r);
	if (http_param(r, "accept")->set && !http_int(r, "accept", 0))
		http_field_error(r, "accept", "You must accept the "
		    "participation charter to take part.");
	if (r->nerr > 0) {
		r->status = 422;
		return show_register(r);
	}
	rc = auth_hash(pw, hash);
	if (rc != 0)
		return rc == 1 ? 503 : 500;
	memset(&g, 0, sizeof(g));
	g.r = r;
	g.hash = hash;
	rc = db_tx(r->db, register_tx, &g);
	if (rc < 0)
		return 500;
	/* New, existing or a double submit: the same answer. */
	return http_redirect(r, 303, "/register/sent");
}

int
page_register_sent(struct req *r)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Check your e-mail"));
	vm_str(m, "message", tr(r, "We sent a message to the address you "
	    "gave. Open the link in it within 72 hours to activate your "
	    "account."));
	return http_render(r, "public/message", m);
}

static int
link_invalid(struct req *r)
{
	struct val	*m = http_model(r);

	r->status = 410;
	vm_str(m, "title", tr(r, "This link does not work"));
	vm_str(m, "message", tr(r, "The link has expired, has already been "
	    "used, or was copied incompletely. You can ask for a new one."));
	vm_bool(m, "offer_reset", 1);
	return http_render(r, "public/message", m);
}

struct verify {
	struct req		*r;
	unsigned char		 h[32];
	unsigned long long	 uid;
};

static int
verify_tx(struct db *db, void *arg)
{
	struct verify	*v = arg;
	struct dbres	*res;

	res = db_query(db, v->r->a, SQL_TOKEN_GET, "bs", v->h, sizeof(v->h),
	    "verify_email");
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 1;
	v->uid = (unsigned long long)dbres_int(res, 0);
	if (db_exec(db, SQL_TOKEN_USE, "b", v->h, sizeof(v->h)) != 1)
		return 1;
	if (db_exec(db, SQL_ACCOUNT_VERIFY, "u", v->uid) < 0)
		return -1;
	return 0;
}

int
page_verify(struct req *r)
{
	struct verify	 v;
	int		 rc;

	if (r->nerr > 0)
		return link_invalid(r);
	memset(&v, 0, sizeof(v));
	v.r = r;
	auth_token_hash(http_str(r, "t"), v.h);
	rc = db_tx(r->db, verify_tx, &v);
	if (rc < 0)
		return 500;
	if (rc > 0)
		return link_invalid(r);
	if (session_start(r, v.uid) == -1)
		return 500;
	return http_redirect(r, 303, "/me?welcome=1");
}

static int
show_forgot(struct req *r)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Forgot your password?"));
	http_form_model(r, m);
	return http_render(r, "public/forgot", m);
}

int
page_forgot_form(struct req *r)
{
	return show_forgot(r);
}

static int
forgot_tx(struct db *db, void *arg)
{
	struct req	*r = arg;
	struct dbres	*res;
	const char	*tok, *lang, *prev;
	int		 rc;

	if ((rc = http_nonce_claim(r, "/forgot/sent", &prev)) != 0)
		return rc == 1 ? 1 : -1;
	res = db_query(db, r->a, SQL_ACCOUNT_BY_EMAIL, "s",
	    http_str(r, "email"));
	if (res == NULL)
		return -1;
	if (!dbres_next(res) || dbres_int(res, 4) == 0)
		return 0;
	lang = dbres_str(res, 2);
	tok = account_token(r, (unsigned long long)dbres_int(res, 0),
	    "reset_password", RESET_MINUTES);
	if (tok == NULL)
		return -1;
	return outbox_email(db, http_str(r, "email"), in(lang, "Set a new "
	    "password"), i18n_subst(r->a, in(lang, "To set a new password "
	    "for your Sharek account, open this link within one hour:\n\n"
	    "{1}/reset?t={2}\n\nThe link works once. If you did not ask for "
	    "it, ignore this message: your password stays the same."),
	    http_base_url(), tok, NULL));
}

int
page_forgot(struct req *r)
{
	if (r->nerr > 0) {
		r->status = 422;
		return show_forgot(r);
	}
	if (db_tx(r->db, forgot_tx, r) < 0)
		return 500;
	return http_redirect(r, 303, "/forgot/sent");
}

int
page_forgot_sent(struct req *r)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Check your e-mail"));
	vm_str(m, "message", tr(r, "If an account exists for that address, "
	    "we sent it a link to set a new password. The link works once, "
	    "within one hour."));
	return http_render(r, "public/message", m);
}

static int
show_reset(struct req *r)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Set a new password"));
	vm_str(m, "token", http_param(r, "t")->s);
	http_form_model(r, m);
	return http_render(r, "public/reset", m);
}

static int
token_ok(struct req *r, const char *purpose)
{
	unsigned char	 h[32];
	struct dbres	*res;

	if (http_str(r, "t") == NULL)
		return 0;
	auth_token_hash(http_str(r, "t"), h);
	res = db_query(r->db, r->a, SQL_TOKEN_GET, "bs", h, sizeof(h),
	    purpose);
	return res != NULL && dbres_next(res);
}

int
page_reset_form(struct req *r)
{
	if (!token_ok(r, "reset_password"))
		return link_invalid(r);
	return show_reset(r);
}

struct reset {
	struct req	*r;
	const char	*hash;
};

static int
reset_tx(struct db *db, void *arg)
{
	struct reset	*s = arg;
	unsigned char	 h[32];
	struct dbres	*res;
	unsigned long long uid;

	auth_token_hash(http_str(s->r, "t"), h);
	res = db_query(db, s->r->a, SQL_TOKEN_GET, "bs", h, sizeof(h),
	    "reset_password");
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 1;
	uid = (unsigned long long)dbres_int(res, 0);
	if (db_exec(db, SQL_TOKEN_USE, "b", h, sizeof(h)) != 1)
		return 1;
	if (db_exec(db, SQL_USER_SET_PASSWORD_HASH, "su", s->hash, uid) != 1)
		return -1;
	/* Opening the link proves the address. */
	if (db_exec(db, SQL_ACCOUNT_VERIFY, "u", uid) < 0)
		return -1;
	/* Whoever held the old password is signed out everywhere. */
	return db_exec(db, SQL_SESSION_DELETE_USER, "u", uid) < 0 ? -1 : 0;
}

int
page_reset(struct req *r)
{
	const char	*pw = http_str(r, "password");
	char		 hash[128];
	struct reset	 s;
	int		 rc;

	if (http_param(r, "t")->err != NULL)
		return link_invalid(r);
	check_password2(r);
	if (r->nerr > 0) {
		r->status = 422;
		return show_reset(r);
	}
	if ((rc = auth_hash(pw, hash)) != 0)
		return rc == 1 ? 503 : 500;
	s.r = r;
	s.hash = hash;
	rc = db_tx(r->db, reset_tx, &s);
	if (rc < 0)
		return 500;
	if (rc > 0)
		return link_invalid(r);
	return http_redirect(r, 303, "/login?reset=1");
}
