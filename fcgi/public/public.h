/*
 * public.h — page handlers of sharek-public and their declared
 * parameters (the routes table in main.c points at both).  Each page
 * group's keys are an enum ending in __MAX that sizes its table; the
 * handlers read values by key (http_arg*).
 */
#ifndef SHAREK_PUBLIC_H
#define SHAREK_PUBLIC_H

#include "http.h"
#include "session.h"

int	page_home(struct req *);

/* page_account.c */
enum register_key {
	REG_KIND, REG_FULL_NAME, REG_ORG_NAME, REG_ORG_REG_NO, REG_EMAIL,
	REG_MOBILE, REG_PASSWORD, REG_PASSWORD2, REG_LANG, REG_ACCEPT,
	REG__MAX
};
/* A one-time link: GET /verify and GET /reset (t only as the link is
 * opened; the bare page reads the token from its cookie). */
enum link_key { LINK_T, LINK__MAX };
enum forgot_key { FORGOT_EMAIL, FORGOT__MAX };
enum reset_key { RESET_PASSWORD, RESET_PASSWORD2, RESET__MAX };
extern const struct param account_register_params[REG__MAX];
extern const struct param account_link_params[LINK__MAX];
extern const struct param account_forgot_params[FORGOT__MAX];
extern const struct param account_reset_params[RESET__MAX];
int	page_register_form(struct req *);
int	page_register(struct req *);
int	page_register_sent(struct req *);
int	page_verify(struct req *);
int	page_verify_confirm(struct req *);
int	page_verify_done(struct req *);
int	page_forgot_form(struct req *);
int	page_forgot(struct req *);
int	page_forgot_sent(struct req *);
int	page_reset_form(struct req *);
int	page_reset(struct req *);

/* page_me.c */
enum me_key { MEK_WELCOME, MEK__MAX };
enum profile_key {
	PROF_FULL_NAME, PROF_MOBILE, PROF_LANG, PROF_ORG_NAME,
	PROF_ORG_REG_NO, PROF_SAVED, PROF__MAX
};
/* GET /me/profile: only the notice after saving. */
enum profile_form_key { PFORM_SAVED, PFORM__MAX };
enum delete_key { DEL_PASSWORD, DEL__MAX };
extern const struct param me_params[MEK__MAX];
extern const struct param me_profile_params[PROF__MAX];
extern const struct param me_profile_form_params[PFORM__MAX];
extern const struct param me_delete_params[DEL__MAX];
int	page_me(struct req *);
int	page_profile_form(struct req *);
int	page_profile(struct req *);
int	page_delete(struct req *);

/* page_consultations.c */
enum consult_list_key {
	CL_ENTITY, CL_SECTOR, CL_KIND, CL_STATE, CL_Q, CL_BEFORE,
	CL_AUDIENCE, CL__MAX
};
enum consult_show_key {
	CSH_BEFORE, CSH_ARTICLE, CSH_POSTED, CSH_DUP, CSH__MAX
};
enum comment_key { CF_BODY, CF_ARTICLE, CF__MAX };
extern const struct param consult_list_params[CL__MAX];
extern const struct param consult_show_params[CSH__MAX];
extern const struct param comment_params[CF__MAX];
int	page_consultations(struct req *);
int	page_consultation(struct req *);
int	page_comment(struct req *);
int	page_file(struct req *);
int	page_principles(struct req *);

/* page_charter.c */
int	page_charter(struct req *);

/* page_feeds.c */
enum feed_key { FP_ENTITY, FP_SECTOR, FP_KIND, FP_LANG, FP__MAX };
extern const struct param feed_params[FP__MAX];
int	page_feed_activities_atom(struct req *);
int	page_feed_activities_rss(struct req *);
int	page_feed_results_atom(struct req *);

#endif
