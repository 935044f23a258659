/*
 * public.h — page handlers of sharek-public and their declared
 * parameters (the routes table in main.c points at both).
 */
#ifndef SHAREK_PUBLIC_H
#define SHAREK_PUBLIC_H

#include "http.h"
#include "session.h"

int	page_home(struct req *);

/* page_account.c */
extern const struct param account_register_params[];
extern const int account_register_nparams;
extern const struct param account_token_params[];
extern const struct param account_forgot_params[];
extern const struct param account_reset_params[];
int	page_register_form(struct req *);
int	page_register(struct req *);
int	page_register_sent(struct req *);
int	page_verify(struct req *);
int	page_forgot_form(struct req *);
int	page_forgot(struct req *);
int	page_forgot_sent(struct req *);
int	page_reset_form(struct req *);
int	page_reset(struct req *);

/* page_me.c */
extern const struct param me_params[];
extern const struct param me_profile_params[];
extern const struct param me_delete_params[];
int	page_me(struct req *);
int	page_profile_form(struct req *);
int	page_profile(struct req *);
int	page_delete(struct req *);

/* page_consultations.c */
extern const struct param consult_list_params[];
extern const int consult_list_nparams;
extern const struct param consult_show_params[];
extern const int consult_show_nparams;
extern const struct param comment_params[];
extern const int comment_nparams;
int	page_consultations(struct req *);
int	page_consultation(struct req *);
int	page_comment(struct req *);
int	page_file(struct req *);
int	page_principles(struct req *);

/* page_feeds.c */
extern const struct param feed_params[];
extern const int feed_nparams;
int	page_feed_activities_atom(struct req *);
int	page_feed_activities_rss(struct req *);
int	page_feed_results_atom(struct req *);

#endif
