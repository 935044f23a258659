/*
 * page_me.c — "My participation" and the account's own settings.
 *
 * GET  /me               my comments (moderation state, the agency's
 *                        position and reply), my survey answers and
 *                        votes, my requests.  View public/me.
 * GET  /me/profile       form; POST /me/profile full_name, mobile, lang,
 *                        org_name, org_reg_no → 303 /me/profile?saved=1
 * POST /me/delete        password → personal data erased, contributions
 *                        kept anonymised, signed out → 303 /?deleted=1
 * Permission: the signed-in user, for their own account only.
 */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "present_public.h"
#include "public.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"

static const char *const langs[] = { "ar", "en", NULL };

const struct param me_params[] = {
	{ "welcome", PT_BOOL, 0, 0, 0, NULL, NULL, NULL },
};
const struct param me_profile_params[] = {
	{ "full_name", PT_STR, P_REQ, 2, 200, NULL, NULL, NULL },
	{ "mobile", PT_PHONE, P_REQ, 0, 0, NULL, NULL, NULL },
	{ "lang", PT_ENUM, P_REQ, 0, 0, langs, NULL, NULL },
	{ "org_name", PT_STR, 0, 2, 200, NULL, NULL, NULL },
	{ "org_reg_no", PT_STR, 0, 1, 64, NULL, NULL, NULL },
	{ "saved", PT_BOOL, P_QUERY, 0, 0, NULL, NULL, NULL },
};
const struct param me_delete_params[] = {
	{ "password", PT_STR, P_REQ | P_SECRET, 1, 1024, NULL, NULL, NULL },
};

static const char *
status_label(struct req *r, const char *s)
{
	if (s == NULL)
		return "";
	if (strcmp(s, "pending") == 0)
		return tr(r, "Waiting for moderation");
	if (strcmp(s, "published") == 0)
		return tr(r, "Published");
	if (strcmp(s, "rejected") == 0)
		return tr(r, "Not published");
	return s;
}

int
page_me(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	long long	 uid = (long long)r->sess->user_id;

	vm_str(m, "title", tr(r, "My participation"));
	vm_bool(m, "welcome", http_int(r, "welcome", 0));
	if ((res = db_query(r->db, r->a, SQL_ME_COMMENTS, "i", uid)) == NULL)
		return 500;
	l = vm_list(m, "comments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "status", dbres_str(res, 1));
		vm_str(it, "status_label", status_label(r, dbres_str(res, 1)));
		vm_bool(it, "pending", strcmp(dbres_str(res, 1), "pending")
		    == 0);
		vm_str(it, "body", dbres_str(res, 2));
		vm_str(it, "received", present_sqldate(r, dbres_str(res, 3)));
		vm_str(it, "position", present_position(r, dbres_str(res, 4)));
		vm_str(it, "reply", present_pick(r, dbres_str(res, 5),
		    dbres_str(res, 6)));
		vm_str(it, "activity_id", dbres_str(res, 7));
		vm_str(it, "activity", present_pick(r, dbres_str(res, 8),
		    dbres_str(res, 9)));
		vm_str(it, "article", dbres_str(res, 10));
		vm_str(it, "reject_reason", present_pick(r, dbres_str(res, 11),
		    dbres_str(res, 12)));
	}
	if ((res = db_query(r->db, r->a, SQL_ME_RESPONSES, "i", uid)) == NULL)
		return 500;
	l = vm_list(m, "responses");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "submitted", present_sqldate(r, dbres_str(res, 1)));
		vm_str(it, "activity_id", dbres_str(res, 2));
		vm_str(it, "kind", tr(r, strcmp(dbres_str(res, 3), "poll") == 0 ?
		    N_("Poll") : N_("Survey")));
		vm_str(it, "activity", present_pick(r, dbres_str(res, 4),
		    dbres_str(res, 5)));
	}
	if ((res = db_query(r->db, r->a, SQL_ME_REQUESTS, "i", uid)) == NULL)
		return 500;
	l = vm_list(m, "requests");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "ref", dbres_str(res, 1));
		vm_str(it, "state", dbres_str(res, 2));
		vm_str(it, "created", present_sqldate(r, dbres_str(res, 3)));
		vm_str(it, "subject", dbres_str(res, 4));
		vm_str(it, "type", present_pick(r, dbres_str(res, 5),
		    dbres_str(res, 6)));
	}
	return http_render(r, "public/me", m);
}

/* The profile form of the account in row res (account_get).  With
 * stored set, the fields show the stored values (first display);
 * otherwise what was posted, kept as typed with its messages. */
static int
show_profile(struct req *r, struct dbres *res, int stored)
{
	struct val	*m = http_model(r), *f, *lang;

	vm_str(m, "title", tr(r, "My account"));
	http_form_model(r, m);
	f = vm_child(m, "f");
	if (stored) {
		vm_str(vm_child(f, "full_name"), "value", dbres_str(res, 3));
		vm_str(vm_child(f, "mobile"), "value", dbres_str(res, 7));
		vm_str(vm_child(f, "lang"), "value", dbres_str(res, 8));
		vm_str(vm_child(f, "org_name"), "value", dbres_str(res, 4));
		vm_str(vm_child(f, "org_reg_no"), "value", dbres_str(res, 5));
	}
	/* Which account and which fields it has, whatever was posted. */
	vm_str(m, "email", dbres_str(res, 2));
	vm_bool(m, "is_org", strcmp(dbres_str(res, 1), "organisation") == 0);
	lang = vm_get(vm_child(f, "lang"), "value");
	vm_bool(m, "lang_ar", lang == NULL || lang->s == NULL ||
	    strcmp(lang->s, "en") != 0);
	vm_bool(m, "saved", http_int(r, "saved", 0));
	return http_render(r, "public/profile", m);
}

int
page_profile_form(struct req *r)
{
	struct dbres	*res = db_query(r->db, r->a, SQL_ACCOUNT_GET, "u",
	    r->sess->user_id);

	if (res == NULL || !dbres_next(res))
		return 500;
	return show_profile(r, res, 1);
}

int
page_profile(struct req *r)
{
	struct dbres	*res;
	int		 org;

	res = db_query(r->db, r->a, SQL_ACCOUNT_GET, "u", r->sess->user_id);
	if (res == NULL || !dbres_next(res))
		return 500;
	org = strcmp(dbres_str(res, 1), "organisation") == 0;
	if (org && http_str(r, "org_name") == NULL &&
	    http_param(r, "org_name")->err == NULL)
		http_field_error(r, "org_name", "Enter the name of the "
		    "organisation.");
	if (r->nerr > 0) {
		r->status = 422;
		return show_profile(r, res, 0);
	}
	if (db_exec(r->db, SQL_ACCOUNT_UPDATE, "ssssssu",
	    http_str(r, "full_name"), org ? http_str(r, "org_name") : NULL,
	    org ? http_str(r, "org_reg_no") : NULL,
	    org ? http_str(r, "full_name") : NULL, http_str(r, "mobile"),
	    http_str(r, "lang"), r->sess->user_id) < 0)
		return 500;
	/* The language chosen applies at once. */
	http_cookie_set(r, "lang", http_str(r, "lang"), 365L * 86400);
	return http_redirect(r, 303, "/me/profile?saved=1");
}

static int
delete_tx(struct db *db, void *arg)
{
	unsigned long long uid = *(unsigned long long *)arg;

	if (db_exec(db, SQL_ACCOUNT_ANONYMISE_COMMENTS, "u", uid) < 0 ||
	    db_exec(db, SQL_ACCOUNT_ANONYMISE_RESPONSES, "u", uid) < 0 ||
	    db_exec(db, SQL_ACCOUNT_TOKENS_DELETE, "u", uid) < 0 ||
	    db_exec(db, SQL_SESSION_DELETE_USER, "u", uid) < 0 ||
	    db_exec(db, SQL_ACCOUNT_ERASE, "u", uid) != 1)
		return -1;
	return 0;
}

int
page_delete(struct req *r)
{
	struct dbres	*res;
	unsigned long long uid = r->sess->user_id;
	int		 rc;

	res = db_query(r->db, r->a, SQL_ACCOUNT_GET, "u", uid);
	if (res == NULL || !dbres_next(res))
		return 500;
	if (strcmp(r->sess->role, "citizen") != 0)
		return 403;	/* staff accounts are deactivated, not erased */
	rc = http_str(r, "password") == NULL ? -1 :
	    auth_verify(dbres_str(res, 10), http_str(r, "password"));
	if (rc == 1)
		return 503;
	if (rc != 0) {
		http_field_error(r, "password", "The password is not "
		    "correct.");
		r->status = 422;
		return show_profile(r, res, 1);
	}
	if (db_tx(r->db, delete_tx, &uid) != 0)
		return 500;
	r->sess = NULL;
	http_cookie_set(r, SESSION_COOKIE, "", 0);
	return http_redirect(r, 303, "/?deleted=1");
}
