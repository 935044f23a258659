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
int	page_me_deleted(struct req *);
int	page_password(struct req *);
/* page_account.c: a second password (k2) that differs from the first
 * (k1), and a new password (k) easy to guess from words (pwcheck.h),
 * flagged at their fields. */
void	check_password2(struct req *, int k1, int k2);
void	check_strength(struct req *, int k, const char *const *words);
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
enum profile_form_key { PFORM_SAVED, PFORM_PASSWORD, PFORM__MAX };
enum delete_key { DEL_PASSWORD, DEL__MAX };
enum password_key { PWD_CURRENT, PWD_PASSWORD, PWD_PASSWORD2, PWD__MAX };
extern const struct param me_params[MEK__MAX];
extern const struct param me_profile_params[PROF__MAX];
extern const struct param me_profile_form_params[PFORM__MAX];
extern const struct param me_delete_params[DEL__MAX];
extern const struct param me_password_params[PWD__MAX];
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

/* page_results.c: published results (issue 11). */
enum results_key { RES_ARTICLE, RES_POSITION, RES_THEME, RES_AFTER,
	RES__MAX };
enum results_list_key { RL_ENTITY, RL_SECTOR, RL_KIND, RL_Q, RL_BEFORE,
	RL__MAX };
extern const struct param results_params[RES__MAX];
extern const struct param results_list_params[RL__MAX];
int	page_results(struct req *);
int	page_results_list(struct req *);
/* The activity of a results page (issue 17): for an anonymous reader
 * from the worker's cache after one statement (results_gens), with in
 * *stamp everything the page shows besides the request and the clock;
 * for a signed-in one read with the reader, *stamp NULL.  0, or 404 /
 * 500.  results_reuse: the page is cacheable, and 1 when the worker's
 * copy drawn under stamp answered (the handler returns 200). */
struct activity;
/* The activity {id} as its public page reads it (consult_activity,
 * reader 0), from the worker's cache, which it sets to the site's and
 * the activity's generations site and gen: 0, or 404/500. */
int	consult_activity_cached(struct req *, unsigned long long site,
	    unsigned long long gen, struct activity *);
int	results_activity(struct req *, struct activity *, const char **stamp);
int	results_reuse(struct req *, const char *stamp);

/* page_charter.c */
int	page_charter(struct req *);

/* page_feeds.c */
enum feed_key { FP_ENTITY, FP_SECTOR, FP_KIND, FP_LANG, FP__MAX };
extern const struct param feed_params[FP__MAX];
int	page_feed_activities_atom(struct req *);
int	page_feed_activities_rss(struct req *);
int	page_feed_results_atom(struct req *);
int	page_feed_results_rss(struct req *);
/* Autodiscovery: the feeds matching what a page shows (app.decorate). */
struct val;
void	feeds_decorate(struct req *, struct val *);
/* m["feeds"] of the page of activity a, which feeds_decorate leaves
 * out: its entity's (a public one's), then the portal's. */
struct activity;
void	feeds_activity(struct req *, struct val *, const struct activity *);

/* page_opendata.c */
enum od_catalog_key { ODC_PAGE, ODC_PER_PAGE, ODC__MAX };
enum od_dist_key { ODD_SINCE, ODD__MAX };
extern const struct param od_catalog_params[ODC__MAX];
extern const struct param od_dist_params[ODD__MAX];
int	page_opendata(struct req *);
int	page_od_catalog(struct req *);
int	page_od_catalog_ttl(struct req *);
int	page_od_catalog_rdf(struct req *);
int	page_od_dataset(struct req *);
int	page_od_publisher(struct req *);
int	page_od_csv(struct req *);
int	page_od_json(struct req *);
int	page_od_xml(struct req *);
int	page_od_schema(struct req *);

/* Surveys, polls, votes on drafts (page_survey.c, page_survey_form.c,
 * survey_results.c; issue 12).  The answers of a survey are the slots
 * "a0" … of survey_params (page_survey_form.c says what they hold). */
#define SV_SLOTS	200
enum survey_go { SVGO_NEXT, SVGO_BACK, SVGO_SUBMIT, SVGO__MAX };
enum survey_key { SVK_PAGE, SVK_GO, SVK_SLOT0,
	SVK__MAX = SVK_SLOT0 + SV_SLOTS };
extern const struct param survey_params[SVK__MAX];
enum survey_show_key { SVS_SAVED, SVS_CHANGED, SVS__MAX };
extern const struct param survey_show_params[SVS__MAX];
enum vote_key { VOTE_CHOICE, VOTE_REASON, VOTE__MAX };
extern const struct param vote_params[VOTE__MAX];
int	page_survey_form(struct req *);
int	page_survey(struct req *);
int	page_survey_results(struct req *);
int	page_vote(struct req *);
struct survey_def;
struct sv_answer;
struct sv_question;
struct activity;
/* The slot of each question's first field in base[0..nq] (base[nq]: the
 * total); -1 when the survey needs more than SV_SLOTS. */
int	survey_slots(const struct survey_def *, int *base);
/* The page (section) of each question, and their number. */
void	survey_pages(const struct survey_def *, int *page_of, int *npages);
/* Whether a page has a question shown. */
int	survey_page_shown(const struct survey_def *, const int *page_of,
	    const int *vis, int page);
/* The answers as sent (ans parallel to the questions, arena-owned). */
void	survey_answers_post(struct req *, const struct survey_def *,
	    const int *base, struct sv_answer *);
/* The signed-in reader's stored answers (none for anonymous); 0 or -1. */
int	survey_answers_stored(struct req *, unsigned long long activity,
	    const struct survey_def *, struct sv_answer *);
/* model["questions"] (the questions of page shown), model["carry"] (the
 * hidden fields of the others), the section's title; errs: a message
 * per question or NULL. */
void	survey_questions_model(struct req *, struct val *,
	    const struct survey_def *, const int *base,
	    const struct sv_answer *, const int *vis, const char *const *errs,
	    const int *page_of, int page);
/* The message of q's answer in the reader's language, NULL when valid. */
const char *survey_error(struct req *, const struct sv_question *,
	    const struct sv_answer *);
/* survey_results.c: model["survey_results"] = the per-question results of
 * survey or poll a (views/public/survey_results: {{>public/survey_results}}),
 * staff: also the latest free-text answers.  Nothing when the numbers may
 * not be shown yet (a sealed poll before closing): model["sealed"].
 * A constant number of statements.  0 or -1. */
int	survey_results_section(struct req *, struct val *,
	    const struct activity *, int staff);
/* The same, the approved free-text answers listed from answer before (0:
 * the newest; keyset), model["survey_results"].texts_more the next page's
 * address. */
int	survey_results_section_at(struct req *, struct val *,
	    const struct activity *, int staff, unsigned long long before);
enum sv_results_key { SVR_BEFORE, SVR__MAX };
extern const struct param sv_results_params[SVR__MAX];
/* Whether the results of a may be shown to this reader now (responded:
 * the reader has answered); sealed polls only after closing. */
int	survey_results_allowed(const struct activity *, int sealed,
	    int responded, int staff);
/* page_survey.c: model["vote"] = the vote on the draft attached to
 * consultation a (none: nothing), the reader's own vote and, once voted
 * or closed, the counts as a chart (views/public/survey_vote_box).
 * One statement.  0 or -1. */
int	survey_vote_model(struct req *, struct val *,
	    const struct activity *);

/* page_entities.c (issue 16) */
int	page_entities(struct req *);
int	page_entity(struct req *);

/* page_budgets.c: participatory budgets (issue 19) */
enum budget_list_key { BL_ENTITY, BL_STATE, BL__MAX };
extern const struct param budget_list_params[BL__MAX];
enum budget_show_key { BS_SAVED, BS_PROPOSED, BS__MAX };
extern const struct param budget_show_params[BS__MAX];
enum budget_ballot_key { BBK_PROJECT, BBK__MAX };
extern const struct param budget_ballot_params[BBK__MAX];
int	page_budgets(struct req *);
int	page_budget(struct req *);
int	page_budget_ballot(struct req *);
enum budget_propose_key { BPP_TITLE, BPP_DESCRIPTION, BPP_COST,
	BPP_LOCATION, BPP__MAX };
extern const struct param budget_propose_params[BPP__MAX];
int	page_budget_propose(struct req *);

/* page_initiatives.c: citizen initiatives (issue 19) */
enum ini_list_key { IL_ENTITY, IL_STATE, IL_BEFORE, IL__MAX };
extern const struct param ini_list_params[IL__MAX];
enum ini_new_key { INK_ENTITY, INK_TITLE, INK_BODY, INK_ASK, INK_CATEGORY,
	INK_PROMOTERS, INK__MAX };
extern const struct param ini_new_params[INK__MAX];
enum ini_confirm_key { IC_SIG, IC_DONE, IC__MAX };
extern const struct param ini_confirm_params[IC__MAX];
int	page_initiatives(struct req *);
int	page_initiative_new(struct req *);
int	page_initiative_create(struct req *);
int	page_initiative(struct req *);
int	page_initiative_support(struct req *);
int	page_initiative_submit(struct req *);
int	page_initiative_confirm_form(struct req *);
int	page_initiative_confirm(struct req *);
int	page_initiatives_feed(struct req *);

/* page_blog.c: the entities' blog (issue 16) */
enum blog_list_key { BLL_ENTITY, BLL_BEFORE, BLL__MAX };
extern const struct param blog_list_params[BLL__MAX];
enum blog_feed_key { BLF_ENTITY, BLF__MAX };
extern const struct param blog_feed_params[BLF__MAX];
int	page_blog(struct req *);
int	page_blog_post(struct req *);
int	page_blog_feed(struct req *);

#endif
