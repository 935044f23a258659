/*
 * page_me.c — "My participation" and the account's own settings.
 *
 * GET  /me               welcome; my comments (moderation state, the
 *                        agency's position and reply), my survey answers
 *                        and votes, my requests.  View public/me.
 * GET  /me/profile       saved; the form (view public/profile)
 * POST /me/profile       full_name, mobile, lang, org_name, org_reg_no
 *                        → 303 /me/profile?saved=1, or the form 422
 * POST /me/delete        password → personal data erased, contributions
 *                        kept anonymised, signed out → 303 /me/deleted;
 *                        a wrong password: the form 422; throttled as
 *                        sign-in is, its failures counted with those of
 *                        sign-in (session.h): the form 429
 * POST /me/password     current, new_password, new_password2 → the
 *                        password changed, every other session of the
 *                        account ended → 303 /me/profile?password=1;
 *                        a wrong present password, a weak or mistyped
 *                        new one: the form 422 (429 throttled, as
 *                        POST /me/delete)
 * GET  /me/deleted      what the deletion did (view public/message);
 *                        anyone (the account is gone).
 * Permission: the signed-in user, for their own account only; staff
 * accounts are not erased here (403).
 */
#include <string.h>

#include "account.h"
#include "activity.h"
#include "arena.h"
#include "comment.h"
#include "db.h"
#include "http.h"
#include "perm.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"

/* Windows of "My participation" (sql/queries/account.sql). */
#define ME_SHOWN	50

static const char *const langs[] = { "ar", "en", NULL };

const struct param me_params[MEK__MAX] = {
	[MEK_WELCOME] = { .name = "welcome", .type = PT_BOOL },
};
const struct param me_profile_params[PROF__MAX] = {
	[PROF_FULL_NAME] = { .name = "full_name", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200, .label = N_("Full name") },
	[PROF_MOBILE] = { .name = "mobile", .type = PT_PHONE, .flags = P_REQ,
	    .label = N_("Mobile number") },
	[PROF_LANG] = { .name = "lang", .type = PT_ENUM, .flags = P_REQ,
	    .choices = langs, .label = N_("Preferred language") },
	[PROF_ORG_NAME] = { .name = "org_name", .type = PT_STR, .flags = P_NAME,
	    .min = 2,
	    .max = 200, .label = N_("Name of the organisation") },
	[PROF_ORG_REG_NO] = { .name = "org_reg_no", .type = PT_STR, .min = 1,
	    .max = 64, .label = N_("Registration number") },
	[PROF_SAVED] = { .name = "saved", .type = PT_BOOL, .flags = P_QUERY },
};
const struct param me_profile_form_params[PFORM__MAX] = {
	[PFORM_SAVED] = { .name = "saved", .type = PT_BOOL },
	[PFORM_PASSWORD] = { .name = "password", .type = PT_BOOL },
};
const struct param me_password_params[PWD__MAX] = {
	[PWD_CURRENT] = { .name = "current", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 1, .max = 1024,
	    .label = N_("Your present password") },
	[PWD_PASSWORD] = { .name = "new_password", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 10, .max = 1024,
	    .label = N_("New password") },
	[PWD_PASSWORD2] = { .name = "new_password2", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 1, .max = 1024,
	    .label = N_("Password again") },
};
const struct param me_delete_params[DEL__MAX] = {
	[DEL_PASSWORD] = { .name = "password", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 1, .max = 1024,
	    .label = N_("Your password, to confirm") },
};

int
page_me(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct comment	 c;
	unsigned long long uid = r->sess->user_id;
	enum act_kind	 k;

	vm_str(m, "title", tr(r, "My participation"));
	vm_bool(m, "welcome", http_arg_int(r, MEK_WELCOME, 0));
	if ((res = db_query(r->db, r->a, SQL_ME_COMMENTS, DB_ARGS(
	    DB_U(user, uid), DB_I(limit, ME_SHOWN)))) == NULL)
		return 500;
	l = vm_list(m, "comments");
	while (dbres_next(res)) {
		comment_fill(&c, res);
		it = vm_push(l);
		vm_str(it, "status", c.status < CMS__MAX ?
		    comment_status_names[c.status] : "");
		vm_str(it, "status_label", present_comment_status(r, &c));
		vm_bool(it, "pending", c.status == CMS_PENDING);
		vm_str(it, "body", c.body);
		vm_str(it, "received", present_date(r, c.received_at));
		vm_str(it, "position", present_position(r, &c));
		vm_str(it, "reply", present_pick(r, c.reply_ar, c.reply_en));
		vm_strf(it, "activity_id", "%llu", c.activity_id);
		vm_str(it, "activity", present_pick(r, c.activity_title_ar,
		    c.activity_title_en));
		vm_str(it, "article", c.article_label);
		vm_str(it, "reject_reason", present_pick(r,
		    c.reject_reason_ar, c.reject_reason_en));
	}
	if ((res = db_query(r->db, r->a, SQL_ME_RESPONSES, DB_ARGS(
	    DB_U(user, uid), DB_I(limit, ME_SHOWN)))) == NULL)
		return 500;
	l = vm_list(m, "responses");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "submitted", present_date(r, dbres_time(res,
		    ME_RESPONSES_SUBMITTED_AT)));
		vm_str(it, "activity_id", dbres_str(res,
		    ME_RESPONSES_ACTIVITY_ID));
		/* Answers are to surveys and votes to polls. */
		k = activity_kind(dbres_str(res, ME_RESPONSES_KIND));
		vm_str(it, "kind", present_label(r, act_kind_labels, AK__MAX,
		    k == AK_POLL ? AK_POLL : AK_SURVEY));
		vm_str(it, "activity", present_pick(r,
		    dbres_str(res, ME_RESPONSES_TITLE_AR),
		    dbres_str(res, ME_RESPONSES_TITLE_EN)));
	}
	if ((res = db_query(r->db, r->a, SQL_ME_REQUESTS, DB_ARGS(
	    DB_U(user, uid), DB_I(limit, ME_SHOWN)))) == NULL)
		return 500;
	l = vm_list(m, "requests");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "ref", dbres_str(res, ME_REQUESTS_REF_NO));
		vm_str(it, "state", dbres_str(res, ME_REQUESTS_STATE));
		vm_str(it, "created", present_date(r, dbres_time(res,
		    ME_REQUESTS_CREATED_AT)));
		vm_str(it, "subject", dbres_str(res, ME_REQUESTS_SUBJECT));
		vm_str(it, "type", present_pick(r,
		    dbres_str(res, ME_REQUESTS_TYPE_NAME_AR),
		    dbres_str(res, ME_REQUESTS_TYPE_NAME_EN)));
	}
	return http_render(r, "public/me", m);
}

/* The profile form of the account in row res (account_get).  With
 * stored set, the fields show the stored values (first display);
 * otherwise what was posted, kept as typed with its messages, under
 * status. */
static int
show_profile(struct req *r, struct dbres *res, int stored, int saved,
    int status)
{
	struct val	*m = http_model(r), *f;
	const char	*lang;

	vm_str(m, "title", tr(r, "My account"));
	/* The stored values are of fields the route does not declare when
	 * shown (GET /me/profile, POST /me/delete), so the form model,
	 * filled last, leaves them be. */
	f = vm_child(m, "f");
	if (stored) {
		vm_str(vm_child(f, "full_name"), "value",
		    dbres_str(res, ACCOUNT_GET_FULL_NAME));
		vm_str(vm_child(f, "mobile"), "value",
		    dbres_str(res, ACCOUNT_GET_MOBILE));
		vm_str(vm_child(f, "lang"), "value",
		    dbres_str(res, ACCOUNT_GET_LANG));
		vm_str(vm_child(f, "org_name"), "value",
		    dbres_str(res, ACCOUNT_GET_ORG_NAME));
		vm_str(vm_child(f, "org_reg_no"), "value",
		    dbres_str(res, ACCOUNT_GET_ORG_REG_NO));
		lang = dbres_str(res, ACCOUNT_GET_LANG);
	} else
		lang = http_arg(r, PROF_LANG) != NULL ?
		    http_arg(r, PROF_LANG)->s : NULL;
	/* Which account and which fields it has, whatever was posted. */
	vm_str(m, "email", dbres_str(res, ACCOUNT_GET_EMAIL));
	vm_bool(m, "is_org", account_kind(dbres_str(res, ACCOUNT_GET_KIND))
	    == UK_ORGANISATION);
	vm_bool(m, "lang_ar", lang == NULL || strcmp(lang, "en") != 0);
	vm_bool(m, "saved", saved);
	/* After a password change (POST /me/password's redirect). */
	vm_bool(m, "password_changed", r->route->params ==
	    me_profile_form_params && http_arg_int(r, PFORM_PASSWORD, 0));
	if (status != 0)
		return http_form_again(r, "public/profile", m, status);
	http_form_model(r, m);
	return http_render(r, "public/profile", m);
}

/* The signed-in user's account row, or NULL (a database error). */
static struct dbres *
account_get(struct req *r)
{
	struct dbres	*res = db_query(r->db, r->a, SQL_ACCOUNT_GET,
	    DB_ARGS(DB_U(id, r->sess->user_id)));

	return res != NULL && dbres_next(res) ? res : NULL;
}

int
page_profile_form(struct req *r)
{
	struct dbres	*res = account_get(r);

	if (res == NULL)
		return 500;
	return show_profile(r, res, 1, http_arg_int(r, PFORM_SAVED, 0) != 0,
	    0);
}

static enum outcome
profile_tx(struct req *r, void *arg)
{
	int		 org = *(int *)arg;

	return db_exec(r->db, SQL_ACCOUNT_UPDATE, DB_ARGS(
	    DB_S(full_name, http_arg_str(r, PROF_FULL_NAME)),
	    DB_S(org_name, org ? http_arg_str(r, PROF_ORG_NAME) : NULL),
	    DB_S(org_reg_no, org ? http_arg_str(r, PROF_ORG_REG_NO) : NULL),
	    DB_S(contact_person, org ? http_arg_str(r, PROF_FULL_NAME) :
	    NULL),
	    DB_S(mobile, http_arg_str(r, PROF_MOBILE)),
	    DB_S(lang, http_arg_str(r, PROF_LANG)),
	    DB_U(id, r->sess->user_id))) < 0 ? OUT_ERROR : OUT_OK;
}

int
page_profile(struct req *r)
{
	struct dbres	*res;
	int		 org;

	if ((res = account_get(r)) == NULL)
		return 500;
	org = account_kind(dbres_str(res, ACCOUNT_GET_KIND)) ==
	    UK_ORGANISATION;
	if (org && http_arg_str(r, PROF_ORG_NAME) == NULL &&
	    http_arg(r, PROF_ORG_NAME)->err == NULL)
		http_arg_error(r, PROF_ORG_NAME, "Enter the name of the "
		    "organisation.");
	if (r->nerr > 0)
		return show_profile(r, res, 0,
		    http_arg_int(r, PROF_SAVED, 0) != 0, 422);
	if (http_form_tx(r, profile_tx, &org, NULL, NULL) != OUT_OK)
		return 500;
	/* The language chosen applies at once. */
	http_cookie_set(r, "lang", http_arg_str(r, PROF_LANG), 365L * 86400);
	return http_redirect(r, 303, "/me/profile?saved=1");
}

static enum outcome
delete_tx(struct req *r, void *arg)
{
	unsigned long long uid = *(unsigned long long *)arg;

	if (db_exec(r->db, SQL_ACCOUNT_ANONYMISE_COMMENTS,
	    DB_ARGS(DB_U(user, uid))) < 0 ||
	    db_exec(r->db, SQL_ACCOUNT_ANONYMISE_RESPONSES,
	    DB_ARGS(DB_U(user, uid))) < 0 ||
	    db_exec(r->db, SQL_VOTE_ANONYMISE,
	    DB_ARGS(DB_U(user, uid))) < 0 ||
	    db_exec(r->db, SQL_ACCOUNT_TOKENS_DELETE,
	    DB_ARGS(DB_U(user, uid))) < 0 ||
	    db_exec(r->db, SQL_SESSION_DELETE_USER,
	    DB_ARGS(DB_U(user_id, uid))) < 0 ||
	    db_exec(r->db, SQL_ACCOUNT_ERASE, DB_ARGS(DB_U(id, uid))) != 1)
		return OUT_ERROR;
	return OUT_OK;
}

/* The signed-in citizen's password, typed in field k to confirm what
 * they ask (res: their account row): 0 when it is theirs, else the
 * profile drawn again with the reason (422, 429 when throttled) or 503.
 * A stolen session must not become a way to guess the password: the
 * attempts are throttled and counted with those of sign-in. */
static int
password_confirmed(struct req *r, struct dbres *res, int k)
{
	const char	*email = r->sess->email;
	long		 wait;
	int		 rc;

	if ((wait = session_throttle_wait(r, email)) == -1)
		return 500;
	if (wait > 0) {
		http_arg_error(r, k, session_throttle_message(r, wait));
		return show_profile(r, res, 1, 0, 429);
	}
	rc = http_arg_str(r, k) == NULL ? -1 :
	    auth_verify(dbres_str(res, ACCOUNT_GET_PASSWORD_HASH),
	    http_arg_str(r, k));
	if (rc == 1)
		return 503;
	session_password_attempt(r, email, rc == 0);
	if (rc != 0) {
		http_arg_error(r, k, "The password is not correct.");
		return show_profile(r, res, 1, 0, 422);
	}
	return 0;
}

int
page_delete(struct req *r)
{
	struct dbres	*res;
	unsigned long long uid = r->sess->user_id;
	int		 rc;

	if ((res = account_get(r)) == NULL)
		return 500;
	/* Staff accounts are deactivated, not erased. */
	if (perm_role_find(r->sess->role) != ROLE_CITIZEN)
		return 403;
	if ((rc = password_confirmed(r, res, DEL_PASSWORD)) != 0)
		return rc;
	if (http_form_tx(r, delete_tx, &uid, NULL, NULL) != OUT_OK)
		return 500;
	r->sess = NULL;
	http_cookie_set(r, SESSION_COOKIE, "", 0);
	return http_redirect(r, 303, "/me/deleted");
}

int
page_me_deleted(struct req *r)
{
	return present_message(r, N_("Your account is deleted"), N_("Your "
	    "name, e-mail address and mobile number are erased and you are "
	    "signed out. What you contributed stays, without your name, as "
	    "part of the public record of the consultations."));
}

struct password_change {
	const char	*hash;
};

static enum outcome
password_tx(struct req *r, void *arg)
{
	const struct password_change *p = arg;

	/* Whoever held the old password is signed out everywhere else;
	 * this session stays. */
	if (db_exec(r->db, SQL_USER_SET_PASSWORD_HASH, DB_ARGS(
	    DB_S(hash, p->hash), DB_U(id, r->sess->user_id))) != 1 ||
	    db_exec(r->db, SQL_SESSION_DELETE_OTHERS, DB_ARGS(
	    DB_U(user_id, r->sess->user_id), DB_B(token_hash,
	    r->sess->token_hash, sizeof(r->sess->token_hash)))) < 0)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_password(struct req *r)
{
	struct dbres	*res;
	struct password_change p;
	char		 hash[128];
	const char	*words[3] = { r->sess->email, r->sess->name, NULL };
	int		 rc;

	if ((res = account_get(r)) == NULL)
		return 500;
	if (perm_role_find(r->sess->role) != ROLE_CITIZEN)
		return 403;
	/* Every problem of the new one at once, the present one last (it
	 * costs a hash and counts as an attempt). */
	check_strength(r, PWD_PASSWORD, words);
	check_password2(r, PWD_PASSWORD, PWD_PASSWORD2);
	if (r->nerr > 0)
		return show_profile(r, res, 1, 0, 422);
	if ((rc = password_confirmed(r, res, PWD_CURRENT)) != 0)
		return rc;
	if ((rc = auth_hash(http_arg_str(r, PWD_PASSWORD), hash)) != 0)
		return rc == 1 ? 503 : 500;
	p.hash = hash;
	if (http_form_tx(r, password_tx, &p, NULL, NULL) != OUT_OK)
		return 500;
	return http_redirect(r, 303, "/me/profile?password=1#password");
}
