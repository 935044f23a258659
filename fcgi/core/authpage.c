/*
 * authpage.c — sign in and sign out.
 *
 * GET  <prefix>/login?next=PATH   form (view auth/login)
 * POST <prefix>/login             email, password, next → 303 to next,
 *                                 or the form again (422/429/503; the
 *                                 503 of the hash cap with Retry-After)
 * POST <prefix>/logout            deletes the session → 303 to
 *                                  prefix/login?out=1 ("signed out")
 * Permission: anyone.  The answer never says whether an e-mail exists.
 * A staff account with a second factor (session.h) is sent on from a
 * correct password, and from the form while half signed in, to
 * AUTHPAGE_FACTOR_CODE or _ENROL with next= kept.
 */
#include <string.h>

#include "arena.h"
#include "authpage.h"
#include "buf.h"
#include "http.h"
#include "present.h"
#include "session.h"
#include "vm.h"

/* Seconds a sign-in refused for want of a password hash slot is told to
 * wait (Retry-After). */
#define AUTHPAGE_BUSY_RETRY	"5"

const struct param authpage_next_params[AUTHPAGE_NEXT__MAX] = {
	[AUTHPAGE_NEXT_NEXT] = { .name = "next", .type = PT_STR,
	    .max = 500 },
	[AUTHPAGE_NEXT_OUT] = { .name = "out", .type = PT_BOOL },
};

const struct param authpage_login_params[AUTHPAGE_LOGIN__MAX] = {
	[AUTHPAGE_LOGIN_EMAIL] = { .name = "email", .type = PT_EMAIL,
	    .flags = P_REQ, .max = 254, .label = N_("E-mail address"),
	    .autocomplete = "username" },
	[AUTHPAGE_LOGIN_PASSWORD] = { .name = "password", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .min = 1, .max = 1024,
	    .label = N_("Password"), .autocomplete = "current-password" },
	[AUTHPAGE_LOGIN_NEXT] = { .name = "next", .type = PT_STR,
	    .max = 500 },
};

const char *
authpage_local(struct req *r, const char *n)
{
	if (n != NULL && n[0] == '/' && n[1] != '/' && n[1] != '\\')
		return n;
	return arena_printf(r->a, "%s/", r->app->prefix);
}

/* Both tables declare "next", at their own key. */
static const char *
authpage_next(struct req *r)
{
	return authpage_local(r, http_arg_str(r, r->route->params ==
	    authpage_login_params ? AUTHPAGE_LOGIN_NEXT : AUTHPAGE_NEXT_NEXT));
}

const char *
authpage_factor_url(struct req *r, const char *next)
{
	struct buf	 b;

	if (r->sess == NULL || r->sess->factor == SESSION_FACTOR_OK)
		return NULL;
	buf_init(&b, r->a);
	buf_adds(&b, r->sess->factor == SESSION_FACTOR_ENROL ?
	    AUTHPAGE_FACTOR_ENROL : AUTHPAGE_FACTOR_CODE);
	buf_adds(&b, "?next=");
	buf_url(&b, next, strlen(next));
	return b.data;
}

static int
authpage_show(struct req *r, const char *message)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Sign in"));
	vm_str(m, "next", authpage_next(r));
	/* The same fields from the POST route's table, on the GET form too. */
	present_form(r, m, PARAMS(authpage_login_params));
	/* Accounts of citizens are made on the public site; anyone may ask
	 * for a new password there. */
	vm_bool(m, "is_public", r->app->prefix[0] == '\0');
	if (r->route->params == authpage_next_params &&
	    http_arg_int(r, AUTHPAGE_NEXT_OUT, 0))
		vm_str(m, "notice", tr(r, "You are signed out."));
	if (message != NULL) {
		vm_str(m, "login_error", message);
		vm_bool(m, "has_errors", 1);
	}
	return http_render(r, "auth/login", m);
}

int
authpage_login_form(struct req *r)
{
	const char	*f;

	if (r->sess == NULL)
		return authpage_show(r, NULL);
	f = authpage_factor_url(r, authpage_next(r));
	return http_redirect(r, 303, f != NULL ? f : authpage_next(r));
}

int
authpage_login(struct req *r)
{
	enum login_result rc;
	const char	*f;

	if (r->nerr > 0) {
		r->status = 422;
		return authpage_show(r, NULL);
	}
	rc = session_login(r, http_arg_str(r, AUTHPAGE_LOGIN_EMAIL),
	    http_arg_str(r, AUTHPAGE_LOGIN_PASSWORD));
	switch (rc) {
	case LOGIN_OK:
		/* A staff account with a second factor is not signed in
		 * yet: the code (or enrolment) comes next. */
		f = authpage_factor_url(r, authpage_next(r));
		return http_redirect(r, 303, f != NULL ? f : authpage_next(r));
	case LOGIN_BAD:
		r->status = 422;
		return authpage_show(r, tr(r, "The e-mail address or the "
		    "password is not correct."));
	case LOGIN_UNVERIFIED:
		r->status = 422;
		return authpage_show(r, tr(r, "Please confirm your e-mail "
		    "address first: open the link we sent you."));
	case LOGIN_THROTTLED:
		r->status = 429;
		return authpage_show(r, session_throttle_message(r,
		    session_throttle_wait(r, http_arg_str(r,
		    AUTHPAGE_LOGIN_EMAIL))));
	case LOGIN_BUSY:
		/* Every password hash slot stayed taken (auth.c): a moment,
		 * not the database's minute; the form keeps the address. */
		r->status = 503;
		http_header(r, "Retry-After", AUTHPAGE_BUSY_RETRY);
		return authpage_show(r, tr(r, "The service is busy. Please "
		    "try again in a moment."));
	default:
		return 500;
	}
}

int
authpage_logout(struct req *r)
{
	session_logout(r);
	/* The sign-in page says it happened (and offers to sign in again). */
	return http_redirect(r, 303, arena_printf(r->a, "%s/login?out=1",
	    r->app->prefix));
}
