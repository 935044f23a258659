/*
 * authpage.h — the sign-in and sign-out pages, shared by the three
 * programs (each mounts them under its own prefix).
 */
#ifndef SHAREK_AUTHPAGE_H
#define SHAREK_AUTHPAGE_H

#include "http.h"

extern const struct param	authpage_login_params[];
extern const int		authpage_login_nparams;
extern const struct param	authpage_next_params[];
extern const int		authpage_next_nparams;

int	authpage_login_form(struct req *);
int	authpage_login(struct req *);
int	authpage_logout(struct req *);

#define AUTHPAGE_ROUTES \
	{ "GET", "/login", authpage_login_form, 0, authpage_next_params, \
	    1, 0 }, \
	{ "POST", "/login", authpage_login, 0, authpage_login_params, \
	    3, 0 }, \
	{ "POST", "/logout", authpage_logout, 0, NULL, 0, 0 }

#endif
