/*
 * authpage.h — the sign-in and sign-out pages, shared by the three
 * programs (each mounts them under its own prefix).
 */
#ifndef SHAREK_AUTHPAGE_H
#define SHAREK_AUTHPAGE_H

#include "http.h"

/*
 * The pages that finish a staff member's sign-in with the second factor
 * (session.h): typing a code, and enrolling when the role must have one.
 * They are sharek-staff's (fcgi/staff/page_2fa.c), the only program whose
 * database account may read the secrets, so a staff member who typed the
 * password at /login or /complaints/login is sent there too.
 */
#define AUTHPAGE_FACTOR_CODE	"/staff/login/code"
#define AUTHPAGE_FACTOR_ENROL	"/staff/2fa/enrol"

enum authpage_next_key {
	AUTHPAGE_NEXT_NEXT,
	AUTHPAGE_NEXT_OUT,	/* after a logout: say so */
	AUTHPAGE_NEXT__MAX
};
extern const struct param	authpage_next_params[AUTHPAGE_NEXT__MAX];

enum authpage_login_key {
	AUTHPAGE_LOGIN_EMAIL,
	AUTHPAGE_LOGIN_PASSWORD,
	AUTHPAGE_LOGIN_NEXT,
	AUTHPAGE_LOGIN__MAX
};
extern const struct param	authpage_login_params[AUTHPAGE_LOGIN__MAX];

int	authpage_login_form(struct req *);
int	authpage_login(struct req *);
int	authpage_logout(struct req *);

/* A local path to go back to (a "next" value as sent), or the program's
 * home when it is not one.  Arena-owned or s itself. */
const char	*authpage_local(struct req *, const char *next);
/* Where a half-signed-in session goes next (AUTHPAGE_FACTOR_CODE or
 * _ENROL, with next= the local path to end at), or NULL when the
 * session owes nothing.  Arena-owned. */
const char	*authpage_factor_url(struct req *, const char *next);

/* The sign-in pages see a session that still owes its second factor
 * (R_FACTOR): signing in again replaces it, signing out deletes it, and
 * the form sends it on to the code. */
#define AUTHPAGE_ROUTES \
	{ "GET", "/login", authpage_login_form, 0, \
	    PARAMS(authpage_next_params), R_FACTOR }, \
	{ "POST", "/login", authpage_login, 0, \
	    PARAMS(authpage_login_params), R_FACTOR }, \
	{ "POST", "/logout", authpage_logout, 0, NULL, 0, R_FACTOR }

#endif
