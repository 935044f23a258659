/*
 * authpage.h — the sign-in and sign-out pages, shared by the three
 * programs (each mounts them under its own prefix).
 */
#ifndef SHAREK_AUTHPAGE_H
#define SHAREK_AUTHPAGE_H

#include "http.h"

enum authpage_next_key {
	AUTHPAGE_NEXT_NEXT,
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

#define AUTHPAGE_ROUTES \
	{ "GET", "/login", authpage_login_form, 0, \
	    PARAMS(authpage_next_params), 0 }, \
	{ "POST", "/login", authpage_login, 0, \
	    PARAMS(authpage_login_params), 0 }, \
	{ "POST", "/logout", authpage_logout, 0, NULL, 0, 0 }

#endif
