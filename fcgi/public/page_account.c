/*
 * page_account.c — citizens' accounts: natural and legal persons.
 *
 * GET  /register            form (view public/register)
 * POST /register            kind, full_name, org_name, org_reg_no,
 *                           email, mobile, password, password2, lang,
 *                           accept → 303 /register/sent, or the form 422
 *                           (429: the address or the client asked too
 *                           often this hour)
 * GET  /register/sent       "check your e-mail" (same answer whether the
 *                           address was new or not: nothing is revealed)
 * GET  /verify?t=TOKEN      one-time link from the e-mail: the token goes
 *                           into a cookie, 303 /verify; or 410
 * GET  /verify              "confirm your address" with a button (view
 *                           public/message), or 410 for a spent cookie
 * POST /verify              confirms the address of the cookie's token →
 *                           303 /verify/done; never signs anyone in
 * GET  /verify/done         "confirmed: sign in" (view public/message)
 * GET  /forgot, POST /forgot   email → the same "sent" page always (429
 *                           as for /register)
 * GET  /forgot/sent         "check your e-mail" (view public/message)
 * GET  /reset?t=TOKEN       reset and staff invitation links: the token
 *                           goes into a cookie, 303 /reset; or 410
 * GET  /reset               the form (view public/reset), or 410
 * POST /reset               password, password2, the cookie's token →
 *                           303 /login?reset=1, the form 422, or 410
 * Permission: anyone.  Links are 256-bit tokens stored hashed; a verify
 * link lasts 72 hours, a reset link one hour (an invitation 72 hours),
 * and each works once.  A link's token stays in the URL for one request
 * only (session_link_set): a GET that carries it answers with the
 * cookie and a 303 to the bare path, so neither the address bar, the
 * history, a Referer nor the log line of a later request has it.
 *
 * Sending mail to a typed address is limited (issue 9): per form, each
 * address gets MAIL_PER_ADDRESS requests and each client address
 * MAIL_PER_CLIENT an hour (outbox_limit_hit, counted in the form's
 * transaction so simultaneous requests count one after the other), the
 * same whether the address has an account or not; the outbox caps the
 * rest (outbox.h).  New passwords must be hard to guess (pwcheck.h),
 * judged with the account's name, organisation and e-mail address.
 */
#include <string.h>

#include "account.h"
#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "present_public.h"
#include "public.h"
#include "pwcheck.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"

#define VERIFY_MINUTES	(72 * 60)
#define RESET_MINUTES	60
/* What a one-time link is for (tokens.purpose). */
#define PURPOSE_VERIFY	"verify_email"
#define PURPOSE_RESET	"reset_password"
/* Where a link's token waits while its form is filled (session.h). */
#define VERIFY_COOKIE	"sk_verify"
#define VERIFY_PATH	"/verify"
#define RESET_COOKIE	"sk_reset"
#define RESET_PATH	"/reset"
/* Requests per hour (OUTBOX_LIMIT_MINUTES) of a form that sends mail:
 * for one e-mail address, and from one client address (a school or an
 * office behind one address may have a class at it). */
#define MAIL_PER_ADDRESS	3
#define MAIL_PER_CLIENT		20

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

/* Optional: the bare page reads the token from its cookie. */
const struct param account_link_params[LINK__MAX] = {
	[LINK_T] = { .name = "t", .type = PT_STR, .min = 43, .max = 43 },
};
const struct param account_forgot_params[FORGOT__MAX] = {
	[FORGOT_EMAIL] = { .name = "email", .type = PT_EMAIL, .flags = P_REQ,
	    .max = 254, .label = N_("E-mail address") },
};
const struct param account_reset_params[RESET__MAX] = {
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
void
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

/* Flags a new password (key k) that is easy to guess, with the reason
 * (pwcheck.h); words: what the account is known by.  Only a password
 * that passed its own field's rules (length) is judged. */
void
check_strength(struct req *r, int k, const char *const *words)
{
	const struct pval *p = http_arg(r, k);
	const char	*why;

	if (p == NULL || !p->set)
		return;
	if (pwcheck(p->s, words, &why) == -1)
		http_arg_error(r, k, why);
}

/* A field as typed, valid or not (the user's words for pwcheck). */
static const char *
typed(struct req *r, int k)
{
	const struct pval *p = http_arg(r, k);

	return p != NULL && p->present ? p->s : NULL;
}

/* Messages go out in the addressee's language, not the sender's. */
static const char *
in(const char *lang, const char *msgid)
{
	return i18n_get(lang, msgid);
}

/* The limit's message on the e-mail field (key k), with the minutes
 * left in the window; msg is translated already. */
static void
mail_limited(struct req *r, int k, const char *msg, long left)
{
	http_arg_error(r, k, i18n_subst(r->a, msg, arena_printf(r->a, "%ld",
	    left > 0 ? (left + 59) / 60 : 1), NULL));
}

/* The limits of a form that sends mail to the address typed at key k:
 * form names the form ("register", "forgot").  count 1 counts this
 * request (in the form's transaction); 0 only looks, before costly work
 * (a request that would be over).  OUT_OK, or OUT_CONFLICT with the
 * field marked — the address, or this client, asked too often this
 * hour: the page answers 429 — or OUT_ERROR. */
static long long
mail_count(struct req *r, const char *key, int count, long *left)
{
	long long	 n;

	if (count)
		return outbox_limit_hit(r->db, r->a, key, left);
	/* What this request would make it. */
	n = outbox_limit_peek(r->db, r->a, key, left);
	return n == -1 ? -1 : n + 1;
}

static enum outcome
mail_limit(struct req *r, const char *form, int k, int count)
{
	const char	*key;
	long long	 n;
	long		 left;

	key = arena_printf(r->a, "%s:email:%s", form, http_arg_str(r, k));
	if ((n = mail_count(r, key, count, &left)) == -1)
		return OUT_ERROR;
	if (n > MAIL_PER_ADDRESS) {
		mail_limited(r, k, tr(r, "Too many requests for this e-mail "
		    "address. Please wait {1} minutes and try again."), left);
		return OUT_CONFLICT;
	}
	key = arena_printf(r->a, "%s:ip:%s", form, r->remote ? r->remote :
	    "");
	if ((n = mail_count(r, key, count, &left)) == -1)
		return OUT_ERROR;
	if (n > MAIL_PER_CLIENT) {
		mail_limited(r, k, tr(r, "Too many requests from your "
		    "connection. Please wait {1} minutes and try again."),
		    left);
		return OUT_CONFLICT;
	}
	return OUT_OK;
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
	enum outcome	 o;

	if ((o = mail_limit(r, "register", REG_EMAIL, 1)) != OUT_OK)
		return o;
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
		    http_base_url(), NULL)) == -1 ? OUT_ERROR : OUT_OK;
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
	/* Not queued when the address had its share of mail this hour:
	 * the answer is the same. */
	return outbox_email(r->db, email, in(lang, "Confirm your e-mail "
	    "address"), i18n_subst(r->a, in(lang, "Welcome to Sharek.\n\n"
	    "To confirm your e-mail address and activate your account, open "
	    "this link within 72 hours:\n\n{1}/verify?t={2}\n\nIf you did not "
	    "create an account, you can ignore this message."),
	    http_base_url(), tok, NULL)) == -1 ? OUT_ERROR : OUT_OK;
}

int
page_register(struct req *r)
{
	char		 hash[128];
	int		 rc, org, n = 0;
	const char	*words[4], *w;

	org = http_arg_int(r, REG_KIND, UK_PERSON) == UK_ORGANISATION;
	if (org) {
		if (http_arg_str(r, REG_ORG_NAME) == NULL &&
		    http_arg(r, REG_ORG_NAME)->err == NULL)
			http_arg_error(r, REG_ORG_NAME, "Enter the name of "
			    "the organisation.");
		if (http_arg_str(r, REG_ORG_REG_NO) == NULL &&
		    http_arg(r, REG_ORG_REG_NO)->err == NULL)
			http_arg_error(r, REG_ORG_REG_NO, "Enter the "
			    "registration number of the organisation.");
	}
	/* What the account will be known by, as typed. */
	if ((w = typed(r, REG_FULL_NAME)) != NULL)
		words[n++] = w;
	if ((w = typed(r, REG_EMAIL)) != NULL)
		words[n++] = w;
	if (org && (w = typed(r, REG_ORG_NAME)) != NULL)
		words[n++] = w;
	words[n] = NULL;
	check_strength(r, REG_PASSWORD, words);
	check_password2(r, REG_PASSWORD, REG_PASSWORD2);
	if (http_arg(r, REG_ACCEPT)->set && !http_arg_int(r, REG_ACCEPT, 0))
		http_arg_error(r, REG_ACCEPT, "You must accept the "
		    "participation charter to take part.");
	if (r->nerr > 0)
		return show_register(r, 422);
	/* Over the limit already: no password hash for nothing. */
	switch (mail_limit(r, "register", REG_EMAIL, 0)) {
	case OUT_OK:
		break;
	case OUT_CONFLICT:
		return show_register(r, 429);
	default:
		return 500;
	}
	rc = auth_hash(http_arg_str(r, REG_PASSWORD), hash);
	if (rc != 0)
		return rc == 1 ? 503 : 500;
	/* New, existing or a double submit: the same answer. */
	switch (http_form_tx(r, register_tx, hash, "/register/sent", NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/register/sent");
	case OUT_CONFLICT:
		return show_register(r, 429);
	default:
		return 500;
	}
}

int
page_register_sent(struct req *r)
{
	return present_message(r, N_("Check your e-mail"), N_("We sent a "
	    "message to the address you gave. Open the link in it within 72 "
	    "hours to activate your account."));
}

/* A link that does not work: 410, and its cookie (name at path, when
 * given) forgotten. */
static int
link_invalid(struct req *r, const char *cookie, const char *path)
{
	struct val	*m;

	if (cookie != NULL && http_cookie(r, cookie) != NULL)
		session_link_set(r, cookie, path, "");
	m = http_model(r);
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
	const char		*words[4];	/* name, e-mail, organisation */
	const char		*password_hash;	/* reset: the new one */
};

/* Whether token is a usable link of purpose (not using it): 1 (k, may
 * be NULL, gets the account), 0 not, -1 error. */
static int
link_find(struct req *r, const char *token, const char *purpose,
    struct link *k)
{
	unsigned char	 h[32];
	struct dbres	*res;
	int		 n = 0;

	if (token == NULL)
		return 0;
	auth_token_hash(token, h);
	res = db_query(r->db, r->a, SQL_TOKEN_GET, DB_ARGS(
	    DB_B(hash, h, sizeof(h)), DB_S(purpose, purpose)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	if (k != NULL) {
		memset(k, 0, sizeof(*k));
		memcpy(k->h, h, sizeof(h));
		k->uid = dbres_u(res, TOKEN_GET_USER_ID);
		if (!dbres_isnull(res, TOKEN_GET_FULL_NAME) &&
		    *dbres_str(res, TOKEN_GET_FULL_NAME) != '\0')
			k->words[n++] = dbres_str(res, TOKEN_GET_FULL_NAME);
		if (!dbres_isnull(res, TOKEN_GET_EMAIL))
			k->words[n++] = dbres_str(res, TOKEN_GET_EMAIL);
		if (!dbres_isnull(res, TOKEN_GET_ORG_NAME))
			k->words[n++] = dbres_str(res, TOKEN_GET_ORG_NAME);
	}
	return 1;
}

/* A GET with ?t=: a link just opened.  Its token is exchanged for the
 * cookie and the browser sent on to the bare path at once (303), or the
 * link does not work (410, no cookie).  0 when there is no t at all. */
static int
link_opened(struct req *r, const char *purpose, const char *cookie,
    const char *path)
{
	const struct pval *t = http_arg(r, LINK_T);

	if (t == NULL || !t->present)
		return 0;
	if (!t->set)
		return link_invalid(r, NULL, NULL);
	switch (link_find(r, t->s, purpose, NULL)) {
	case 1:
		break;
	case 0:
		return link_invalid(r, NULL, NULL);
	default:
		return 500;
	}
	session_link_set(r, cookie, path, t->s);
	return http_redirect(r, 303, path);
}

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

/*
 * Verification confirms an address and nothing else (login CSRF, issue
 * 9): a session is never made from a link, since anyone can mail anyone
 * the link of their own account.  The bare page does not need the
 * cookie to show its button — a browser that followed the link from
 * another site's page (webmail) does not send a Strict cookie on that
 * first redirect — and the button's POST, made from this site, does
 * send it.
 */
int
page_verify(struct req *r)
{
	struct val	*m;
	const char	*tok;
	int		 rc;

	if ((rc = link_opened(r, PURPOSE_VERIFY, VERIFY_COOKIE,
	    VERIFY_PATH)) != 0)
		return rc;
	if ((tok = session_link_get(r, VERIFY_COOKIE)) != NULL) {
		if ((rc = link_find(r, tok, PURPOSE_VERIFY, NULL)) == -1)
			return 500;
		if (rc == 0)
			return link_invalid(r, VERIFY_COOKIE, VERIFY_PATH);
	}
	http_nostore(r);
	m = http_model(r);
	vm_str(m, "title", tr(r, "Confirm your e-mail address"));
	vm_str(m, "message", tr(r, "Press the button to confirm that this "
	    "e-mail address is yours and to activate your account. Then "
	    "sign in with your e-mail address and password."));
	vm_str(m, "confirm", VERIFY_PATH);
	vm_str(m, "confirm_label", tr(r, "Confirm my e-mail address"));
	return http_render(r, "public/message", m);
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
page_verify_confirm(struct req *r)
{
	struct link	 k;
	const char	*tok = session_link_get(r, VERIFY_COOKIE);

	if (tok == NULL)
		return link_invalid(r, NULL, NULL);
	memset(&k, 0, sizeof(k));
	auth_token_hash(tok, k.h);
	switch (http_form_tx(r, verify_tx, &k, "/verify/done", NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		session_link_set(r, VERIFY_COOKIE, VERIFY_PATH, "");
		return http_redirect(r, 303, "/verify/done");
	case OUT_NOTFOUND:
		return link_invalid(r, VERIFY_COOKIE, VERIFY_PATH);
	default:
		return 500;
	}
}

int
page_verify_done(struct req *r)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Your e-mail address is confirmed"));
	vm_str(m, "message", tr(r, "Your account is active. Sign in with "
	    "your e-mail address and password to take part."));
	vm_bool(m, "offer_login", 1);
	return http_render(r, "public/message", m);
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
	enum outcome	 o;

	(void)arg;
	/* Counted whether the address has an account or not. */
	if ((o = mail_limit(r, "forgot", FORGOT_EMAIL, 1)) != OUT_OK)
		return o;
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
	    http_base_url(), tok, NULL)) == -1 ? OUT_ERROR : OUT_OK;
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
	case OUT_CONFLICT:
		return show_forgot(r, 429);
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

/* The reset form, drawn again under status when not 0.  The token is
 * not in it: the POST reads the cookie. */
static int
show_reset(struct req *r, int status)
{
	struct val	*m = http_model(r);

	http_nostore(r);
	vm_str(m, "title", tr(r, "Set a new password"));
	if (status != 0)
		return http_form_again(r, "public/reset", m, status);
	http_form_model(r, m);
	return http_render(r, "public/reset", m);
}

/* The bare form shows without the cookie, as /verify does (a Strict
 * cookie is not sent on the redirect that follows a link opened from
 * another site); the POST from it has the cookie. */
int
page_reset_form(struct req *r)
{
	const char	*tok;
	int		 rc;

	if ((rc = link_opened(r, PURPOSE_RESET, RESET_COOKIE,
	    RESET_PATH)) != 0)
		return rc;
	if ((tok = session_link_get(r, RESET_COOKIE)) != NULL) {
		if ((rc = link_find(r, tok, PURPOSE_RESET, NULL)) == -1)
			return 500;
		if (rc == 0)
			return link_invalid(r, RESET_COOKIE, RESET_PATH);
	}
	return show_reset(r, 0);
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

	/* The link first: a new password for no account is no answer. */
	switch (link_find(r, session_link_get(r, RESET_COOKIE), PURPOSE_RESET,
	    &k)) {
	case 1:
		break;
	case 0:
		return link_invalid(r, RESET_COOKIE, RESET_PATH);
	default:
		return 500;
	}
	check_strength(r, RESET_PASSWORD, k.words);
	check_password2(r, RESET_PASSWORD, RESET_PASSWORD2);
	if (r->nerr > 0)
		return show_reset(r, 422);
	if ((rc = auth_hash(http_arg_str(r, RESET_PASSWORD), hash)) != 0)
		return rc == 1 ? 503 : 500;
	k.password_hash = hash;
	switch (http_form_tx(r, reset_tx, &k, NULL, NULL)) {
	case OUT_OK:
		session_link_set(r, RESET_COOKIE, RESET_PATH, "");
		return http_redirect(r, 303, "/login?reset=1");
	case OUT_NOTFOUND:
		return link_invalid(r, RESET_COOKIE, RESET_PATH);
	default:
		return 500;
	}
}
