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
 *                           signs in, 303 /me; or 410 (view public/message)
 * GET  /forgot, POST /forgot   email → the same "sent" page always
 * GET  /forgot/sent         "check your e-mail" (view public/message)
 * GET  /reset?t=TOKEN       the form (view public/reset), or 410
 * POST /reset               t, password, password2 → 303 /login?reset=1
 * Permission: anyone.  Links are 256-bit tokens stored hashed; a verify
 * link lasts 72 hours, a reset link one hour, and each works once.
 */
#include <string.h>

#include "account.h"
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
/* What a one-time link is for (tokens.purpose). */
#define PURPOSE_VERIFY	"verify_email"
#define PURPOSE_RESET	"reset_password"

static const char *const langs[] = { "ar", "en", NULL };

const struct param account_register_params[REG__MAX] = {
	[REG_KIND] = { .name = "kind", .type = PT_ENUM, .flags = P_REQ,
	    .choices = user_kind_public_names },
	[REG_FULL_NAME] = { .name = "full_name", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200 },
	[REG_ORG_NAME] = { .name = "org_name", .type = PT_STR, .flags = P_NAME,
	    .min = 2,
	    .max = 200, .label = N_("Name of the organisation") },
	[REG_ORG_REG_NO] = { .name = "org_reg_no", .type = PT_STR, .min = 1,
	    .max = 64, .label = N_("Registration number") },
	[REG_EMAIL] = { .name = "email", .type = PT_EMAIL, .flags = P_REQ,
	    .max = 254, .label = N_("E-mail address") },
	[REG_MOBILE] = { .name = "mobile", .type = PT_PHONE, .flags = P_REQ,
	    .label = N_("Mobile number") },
	[REG_PASSWORD] = { .name = "password", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 10, .max = 1024 },
	[REG_PASSWORD2] = { .name = "password2", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 1, .max = 1024,
	    .label = N_("Password again") },
	[REG_LANG] = { .name = "lang", .type = PT_ENUM, .choices = langs,
	    .label = N_("Language of messages") },
	[REG_ACCEPT] = { .name = "accept", .type = PT_BOOL, .flags = P_REQ },
};

const struct param account_link_params[LINK__MAX] = {
	[LINK_T] = { .name = "t", .type = PT_STR, .flags = P_REQ, .min = 43,
	    .max = 43 },
};
const struct param account_forgot_params[FORGOT__MAX] = {
	[FORGOT_EMAIL] = { .name = "email", .type = PT_EMAIL, .flags = P_REQ,
	    .max = 254, .label = N_("E-mail address") },
};
const struct param account_reset_params[RESET__MAX] = {
	[RESET_T] = { .name = "t", .type = PT_STR, .flags = P_REQ, .min = 43,
	    .max = 43 },
	[RESET_PASSWORD] = { .name = "password", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 10, .max = 1024 },
	[RESET_PASSWORD2] = { .name = "password2", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 1, .max = 1024,
	    .label = N_("Password again") },
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
	if (db_exec(r->db, SQL_TOKEN_VOID_USER, DB_ARGS(DB_U(user, uid),
	    DB_S(purpose, purpose))) < 0 ||
	    db_exec(r->db, SQL_TOKEN_INSERT, DB_ARGS(DB_B(hash, h, sizeof(h)),
	    DB_U(user, uid), DB_S(purpose, purpose),
	    DB_I(minutes, minutes))) != 1)
		return NULL;
	return tok;
}

/* Flags a second password (key k2) that differs from the first (k1).
 * Compared as typed, even when the first is itself invalid (too
 * short…), so every problem is reported at once. */
static void
check_password2(struct req *r, int k1, int k2)
{
	const struct pval *p1 = http_arg(r, k1);
	const struct pval *p2 = http_arg(r, k2);

	if (p1 == NULL || p2 == NULL || !p1->present || !p2->set ||
	    p1->s == NULL)
		return;
	if (strcmp(p1->s, p2->s) != 0)
		http_arg_error(r, k2, "The two passwords are not the same.");
}

/* Messages go out in the addressee's language, not the sender's. */
static const char *
in(const char *lang, const char *msgid)
{
	return i18n_get(lang, msgid);
}

/* The register form; on GET /register the route declares no field, so
 * nothing is chosen yet. */
static int
show_register(struct req *r, int status)
{
	struct val	*m = http_model(r);
	const struct pval *k = http_arg(r, REG_KIND);
	const struct pval *l = http_arg(r, REG_LANG);

	vm_str(m, "title", tr(r, "Create an account"));
	vm_bool(m, "is_org", k != NULL && k->set && k->i == UK_ORGANISATION);
	vm_bool(m, "is_en", strcmp(l != NULL && l->set ? langs[l->i] :
	    r->lang, "en") == 0);
	if (status != 0)
		return http_form_again(r, "public/register", m, status);
	http_form_model(r, m);
	return http_render(r, "public/register", m);
}

int
page_register_form(struct req *r)
{
	if (r->sess != NULL)
		return http_redirect(r, 303, "/me");
	return show_register(r, 0);
}

static enum outcome
register_tx(struct req *r, void *arg)
{
	const char	*hash = arg;
	const char	*email = http_arg_str(r, REG_EMAIL), *lang, *tok;
	int		 org = http_arg_int(r, REG_KIND, UK_PERSON) ==
			    UK_ORGANISATION;
	unsigned long long uid;
	struct dbres	*res;

	lang = http_arg_str(r, REG_LANG) ? http_arg_str(r, REG_LANG) :
	    r->lang;
	res = db_query(r->db, r->a, SQL_ACCOUNT_BY_EMAIL,
	    DB_ARGS(DB_S(email, email)));
	if (res == NULL)
		return OUT_ERROR;
	if (dbres_next(res)) {
		/* Tell the owner of the address, not the visitor. */
		const char *olang = dbres_str(res, ACCOUNT_BY_EMAIL_LANG);

		return outbox_email(r->db, email, in(olang, "Your Sharek "
		    "account"), i18n_subst(r->a, in(olang, "Someone tried "
		    "to create a Sharek account with this e-mail address, "
		    "which already has one.\n\nIf it was you, sign in at "
		    "{1}/login or set a new password at {1}/forgot.\n\nIf it "
		    "was not you, you can ignore this message."),
		    http_base_url(), NULL)) == 0 ? OUT_OK : OUT_ERROR;
	}
	if (db_exec(r->db, SQL_ACCOUNT_INSERT, DB_ARGS(
	    DB_S(kind, user_kind_names[org ? UK_ORGANISATION : UK_PERSON]),
	    DB_S(email, email), DB_S(password_hash, hash),
	    DB_S(full_name, http_arg_str(r, REG_FULL_NAME)),
	    DB_S(org_name, org ? http_arg_str(r, REG_ORG_NAME) : NULL),
	    DB_S(org_reg_no, org ? http_arg_str(r, REG_ORG_REG_NO) : NULL),
	    DB_S(contact_person, org ? http_arg_str(r, REG_FULL_NAME) : NULL),
	    DB_S(mobile, http_arg_str(r, REG_MOBILE)),
	    DB_S(lang, lang))) != 1)
		return OUT_ERROR;
	uid = db_insert_id(r->db);
	if ((tok = account_token(r, uid, PURPOSE_VERIFY, VERIFY_MINUTES))
	    == NULL)
		return OUT_ERROR;
	return outbox_email(r->db, email, in(lang, "Confirm your e-mail "
	    "address"), i18n_subst(r->a, in(lang, "Welcome to Sharek.\n\n"
	    "To confirm your e-mail address and activate your account, open "
	    "this link within 72 hours:\n\n{1}/verify?t={2}\n\nIf you did not "
	    "create an account, you can ignore this message."),
	    http_base_url(), tok, NULL)) == 0 ? OUT_OK : OUT_ERROR;
}

int
page_register(struct req *r)
{
	char		 hash[128];
	int		 rc;

	if (http_arg_int(r, REG_KIND, UK_PERSON) == UK_ORGANISATION) {
		if (http_arg_str(r, REG_ORG_NAME) == NULL &&
		    http_arg(r, REG_ORG_NAME)->err == NULL)
			http_arg_error(r, REG_ORG_NAME, "Enter the name of "
			    "the organisation.");
		if (http_arg_str(r, REG_ORG_REG_NO) == NULL &&
		    http_arg(r, REG_ORG_REG_NO)->err == NULL)
			http_arg_error(r, REG_ORG_REG_NO, "Enter the "
			    "registration number of the organisation.");
	}
	check_password2(r, REG_PASSWORD, REG_PASSWORD2);
	if (http_arg(r, REG_ACCEPT)->set && !http_arg_int(r, REG_ACCEPT, 0))
		http_arg_error(r, REG_ACCEPT, "You must accept the "
		    "participation charter to take part.");
	if (r->nerr > 0)
		return show_register(r, 422);
	rc = auth_hash(http_arg_str(r, REG_PASSWORD), hash);
	if (rc != 0)
		return rc == 1 ? 503 : 500;
	/* New, existing or a double submit: the same answer. */
	switch (http_form_tx(r, register_tx, hash, "/register/sent", NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/register/sent");
	default:
		return 500;
	}
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

/* A one-time link being used: its hash, and the account it is for. */
struct link {
	unsigned char		 h[32];
	unsigned long long	 uid;
	const char		*password_hash;	/* reset: the new one */
};

/* Uses the link (purpose) in the transaction: OUT_NOTFOUND when it is
 * not (or no longer) usable. */
static enum outcome
link_use(struct req *r, struct link *k, const char *purpose)
{
	struct dbres	*res;

	res = db_query(r->db, r->a, SQL_TOKEN_GET, DB_ARGS(
	    DB_B(hash, k->h, sizeof(k->h)), DB_S(purpose, purpose)));
	if (res == NULL)
		return OUT_ERROR;
	if (!dbres_next(res))
		return OUT_NOTFOUND;
	k->uid = dbres_u(res, TOKEN_GET_USER_ID);
	/* Another request used it meanwhile. */
	if (db_exec(r->db, SQL_TOKEN_USE, DB_ARGS(DB_B(hash, k->h,
	    sizeof(k->h)))) != 1)
		return OUT_NOTFOUND;
	return OUT_OK;
}

static enum outcome
verify_tx(struct req *r, void *arg)
{
	struct link	*k = arg;
	enum outcome	 o;

	if ((o = link_use(r, k, PURPOSE_VERIFY)) != OUT_OK)
		return o;
	if (db_exec(r->db, SQL_ACCOUNT_VERIFY, DB_ARGS(DB_U(id, k->uid))) < 0)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_verify(struct req *r)
{
	struct link	 k;

	if (r->nerr > 0)
		return link_invalid(r);
	memset(&k, 0, sizeof(k));
	auth_token_hash(http_arg_str(r, LINK_T), k.h);
	switch (http_form_tx(r, verify_tx, &k, NULL, NULL)) {
	case OUT_OK:
		break;
	case OUT_NOTFOUND:
		return link_invalid(r);
	default:
		return 500;
	}
	if (session_start(r, k.uid) == -1)
		return 500;
	return http_redirect(r, 303, "/me?welcome=1");
}

static int
show_forgot(struct req *r, int status)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Forgot your password?"));
	if (status != 0)
		return http_form_again(r, "public/forgot", m, status);
	http_form_model(r, m);
	return http_render(r, "public/forgot", m);
}

int
page_forgot_form(struct req *r)
{
	return show_forgot(r, 0);
}

static enum outcome
forgot_tx(struct req *r, void *arg)
{
	struct dbres	*res;
	const char	*tok, *lang, *email = http_arg_str(r, FORGOT_EMAIL);

	(void)arg;
	res = db_query(r->db, r->a, SQL_ACCOUNT_BY_EMAIL,
	    DB_ARGS(DB_S(email, email)));
	if (res == NULL)
		return OUT_ERROR;
	/* No such account, or a deactivated one: the same answer. */
	if (!dbres_next(res) || dbres_int(res, ACCOUNT_BY_EMAIL_ACTIVE) == 0)
		return OUT_OK;
	lang = dbres_str(res, ACCOUNT_BY_EMAIL_LANG);
	tok = account_token(r, dbres_u(res, ACCOUNT_BY_EMAIL_ID),
	    PURPOSE_RESET, RESET_MINUTES);
	if (tok == NULL)
		return OUT_ERROR;
	return outbox_email(r->db, email, in(lang, "Set a new "
	    "password"), i18n_subst(r->a, in(lang, "To set a new password "
	    "for your Sharek account, open this link within one hour:\n\n"
	    "{1}/reset?t={2}\n\nThe link works once. If you did not ask for "
	    "it, ignore this message: your password stays the same."),
	    http_base_url(), tok, NULL)) == 0 ? OUT_OK : OUT_ERROR;
}

int
page_forgot(struct req *r)
{
	if (r->nerr > 0)
		return show_forgot(r, 422);
	switch (http_form_tx(r, forgot_tx, NULL, "/forgot/sent", NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/forgot/sent");
	default:
		return 500;
	}
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

/* The reset form for the link's token (as sent: it goes back in a
 * hidden field), drawn again under status when not 0. */
static int
show_reset(struct req *r, const char *token, int status)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Set a new password"));
	vm_str(m, "token", token);
	if (status != 0)
		return http_form_again(r, "public/reset", m, status);
	http_form_model(r, m);
	return http_render(r, "public/reset", m);
}

/* Whether token is a usable link of purpose (not using it). */
static int
token_ok(struct req *r, const char *token, const char *purpose)
{
	unsigned char	 h[32];
	struct dbres	*res;

	if (token == NULL)
		return 0;
	auth_token_hash(token, h);
	res = db_query(r->db, r->a, SQL_TOKEN_GET, DB_ARGS(
	    DB_B(hash, h, sizeof(h)), DB_S(purpose, purpose)));
	return res != NULL && dbres_next(res);
}

int
page_reset_form(struct req *r)
{
	if (!token_ok(r, http_arg_str(r, LINK_T), PURPOSE_RESET))
		return link_invalid(r);
	return show_reset(r, http_arg(r, LINK_T)->s, 0);
}

static enum outcome
reset_tx(struct req *r, void *arg)
{
	struct link	*k = arg;
	enum outcome	 o;

	if ((o = link_use(r, k, PURPOSE_RESET)) != OUT_OK)
		return o;
	if (db_exec(r->db, SQL_USER_SET_PASSWORD_HASH, DB_ARGS(
	    DB_S(hash, k->password_hash), DB_U(id, k->uid))) != 1)
		return OUT_ERROR;
	/* Opening the link proves the address. */
	if (db_exec(r->db, SQL_ACCOUNT_VERIFY, DB_ARGS(DB_U(id, k->uid))) < 0)
		return OUT_ERROR;
	/* Whoever held the old password is signed out everywhere. */
	return db_exec(r->db, SQL_SESSION_DELETE_USER,
	    DB_ARGS(DB_U(user_id, k->uid))) < 0 ? OUT_ERROR : OUT_OK;
}

int
page_reset(struct req *r)
{
	char		 hash[128];
	struct link	 k;
	int		 rc;

	if (http_arg(r, RESET_T)->err != NULL)
		return link_invalid(r);
	check_password2(r, RESET_PASSWORD, RESET_PASSWORD2);
	if (r->nerr > 0)
		return show_reset(r, http_arg(r, RESET_T)->s, 422);
	if ((rc = auth_hash(http_arg_str(r, RESET_PASSWORD), hash)) != 0)
		return rc == 1 ? 503 : 500;
	memset(&k, 0, sizeof(k));
	auth_token_hash(http_arg_str(r, RESET_T), k.h);
	k.password_hash = hash;
	switch (http_form_tx(r, reset_tx, &k, NULL, NULL)) {
	case OUT_OK:
		return http_redirect(r, 303, "/login?reset=1");
	case OUT_NOTFOUND:
		return link_invalid(r);
	default:
		return 500;
	}
}
