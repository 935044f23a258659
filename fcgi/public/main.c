/*
 * sharek-public — the citizens' site: consultations, surveys, polls,
 * results, feeds and open data.  Mounted at /.
 *
 * The routes table is the site map; each handler lives in page_<name>.c
 * and draws views/public/<name>.html.
 */
#include "authpage.h"
#include "http.h"
#include "public.h"

static const struct route routes[] = {
	{ "GET", "/", page_home, 0, NULL, 0, 0 },
	AUTHPAGE_ROUTES,

	/* Consultations, surveys, polls (page_consultations.c). */
	{ "GET", "/consultations", page_consultations, 0,
	    PARAMS(consult_list_params), 0 },
	{ "GET", "/consultations/{id}", page_consultation, 0,
	    PARAMS(consult_show_params), 0 },
	{ "POST", "/consultations/{id}/comments", page_comment, 0,
	    PARAMS(comment_params), R_LOGIN },
	/* Surveys, polls, votes on drafts (page_survey.c). */
	{ "GET", "/consultations/{id}/survey", page_survey_form, 0,
	    PARAMS(survey_show_params), 0 },
	{ "POST", "/consultations/{id}/survey", page_survey, 0,
	    PARAMS(survey_params), R_LOGIN },
	{ "GET", "/consultations/{id}/survey/results", page_survey_results, 0,
	    PARAMS(sv_results_params), 0 },
	{ "POST", "/consultations/{id}/vote", page_vote, 0,
	    PARAMS(vote_params), R_LOGIN },
	/* Published results (page_results.c). */
	{ "GET", "/consultations/{id}/results", page_results, 0,
	    PARAMS(results_params), 0 },
	{ "GET", "/results", page_results_list, 0,
	    PARAMS(results_list_params), 0 },
	{ "GET", "/files/{name:slug}", page_file, 0, NULL, 0, 0 },
	{ "GET", "/principles", page_principles, 0, NULL, 0, 0 },
	/* The participation charter (page_charter.c). */
	{ "GET", "/charter", page_charter, 0, NULL, 0, 0 },
	/* The entities' pages (page_entities.c, issue 16). */
	{ "GET", "/entities", page_entities, 0, NULL, 0, 0 },
	{ "GET", "/entities/{slug:slug}", page_entity, 0, NULL, 0, 0 },
	/* Participatory budgets (page_budgets.c, issue 19). */
	{ "GET", "/budgets", page_budgets, 0, PARAMS(budget_list_params), 0 },
	{ "GET", "/budgets/{id}", page_budget, 0, PARAMS(budget_show_params),
	    0 },
	{ "POST", "/budgets/{id}/ballot", page_budget_ballot, 0,
	    PARAMS(budget_ballot_params), R_LOGIN },
	{ "POST", "/budgets/{id}/propose", page_budget_propose, 0,
	    PARAMS(budget_propose_params), R_LOGIN },
	/* Citizen initiatives (page_initiatives.c, issue 19). */
	{ "GET", "/initiatives", page_initiatives, 0, PARAMS(ini_list_params),
	    0 },
	{ "GET", "/initiatives/new", page_initiative_new, 0,
	    PARAMS(ini_new_params), R_LOGIN },
	{ "POST", "/initiatives/new", page_initiative_create, 0,
	    PARAMS(ini_new_params), R_LOGIN },
	{ "GET", "/initiatives/{id}", page_initiative, 0, NULL, 0, 0 },
	{ "POST", "/initiatives/{id}/support", page_initiative_support, 0,
	    NULL, 0, R_LOGIN },
	{ "POST", "/initiatives/{id}/submit", page_initiative_submit, 0,
	    NULL, 0, R_LOGIN },
	{ "GET", "/initiatives/{id}/confirm", page_initiative_confirm_form, 0,
	    PARAMS(ini_confirm_params), 0 },
	{ "POST", "/initiatives/{id}/confirm", page_initiative_confirm, 0,
	    PARAMS(ini_confirm_params), 0 },
	{ "GET", "/feeds/initiatives.atom", page_initiatives_feed, 0, NULL, 0,
	    0 },
	/* The entities' blog (page_blog.c, issue 16). */
	{ "GET", "/blog", page_blog, 0, PARAMS(blog_list_params), 0 },
	{ "GET", "/blog/{id}", page_blog_post, 0, NULL, 0, 0 },
	{ "GET", "/entities/{slug:slug}/blog", page_blog, 0,
	    PARAMS(blog_list_params), 0 },
	{ "GET", "/feeds/blog.atom", page_blog_feed, 0,
	    PARAMS(blog_feed_params), 0 },

	/* Feeds (page_feeds.c). */
	{ "GET", "/feeds/activities.atom", page_feed_activities_atom, 0,
	    PARAMS(feed_params), 0 },
	{ "GET", "/feeds/activities.rss", page_feed_activities_rss, 0,
	    PARAMS(feed_params), 0 },
	{ "GET", "/feeds/results.atom", page_feed_results_atom, 0,
	    PARAMS(feed_params), 0 },
	{ "GET", "/feeds/results.rss", page_feed_results_rss, 0,
	    PARAMS(feed_params), 0 },

	/* Open data: the DCAT-AP catalog, distributions (page_opendata.c). */
	{ "GET", "/opendata", page_opendata, 0, PARAMS(od_catalog_params), 0 },
	{ "GET", "/opendata/catalog", page_od_catalog, 0,
	    PARAMS(od_catalog_params), 0 },
	{ "GET", "/opendata/catalog.ttl", page_od_catalog_ttl, 0,
	    PARAMS(od_catalog_params), 0 },
	{ "GET", "/opendata/catalog.rdf", page_od_catalog_rdf, 0,
	    PARAMS(od_catalog_params), 0 },
	{ "GET", "/opendata/publishers/{slug:slug}", page_od_publisher, 0,
	    NULL, 0, 0 },
	{ "GET", "/opendata/datasets/{slug:slug}", page_od_dataset, 0, NULL,
	    0, 0 },
	{ "GET", "/opendata/datasets/{slug:slug}.csv", page_od_csv, 0,
	    PARAMS(od_dist_params), 0 },
	{ "GET", "/opendata/datasets/{slug:slug}.json", page_od_json, 0,
	    PARAMS(od_dist_params), 0 },
	{ "GET", "/opendata/datasets/{slug:slug}.xml", page_od_xml, 0,
	    PARAMS(od_dist_params), 0 },
	{ "GET", "/opendata/datasets/{slug:slug}.schema.json", page_od_schema,
	    0, NULL, 0, 0 },

	/* Accounts (page_account.c, page_me.c). */
	{ "GET", "/register", page_register_form, 0, NULL, 0, 0 },
	{ "POST", "/register", page_register, 0,
	    PARAMS(account_register_params), 0 },
	{ "GET", "/register/sent", page_register_sent, 0, NULL, 0, 0 },
	{ "GET", "/verify", page_verify, 0, PARAMS(account_link_params), 0 },
	{ "POST", "/verify", page_verify_confirm, 0, NULL, 0, 0 },
	{ "GET", "/verify/done", page_verify_done, 0, NULL, 0, 0 },
	{ "GET", "/forgot", page_forgot_form, 0, NULL, 0, 0 },
	{ "POST", "/forgot", page_forgot, 0, PARAMS(account_forgot_params),
	    0 },
	{ "GET", "/forgot/sent", page_forgot_sent, 0, NULL, 0, 0 },
	{ "GET", "/reset", page_reset_form, 0, PARAMS(account_link_params),
	    0 },
	{ "POST", "/reset", page_reset, 0, PARAMS(account_reset_params), 0 },
	{ "GET", "/me", page_me, 0, PARAMS(me_params), R_LOGIN },
	{ "GET", "/me/profile", page_profile_form, 0,
	    PARAMS(me_profile_form_params), R_LOGIN },
	{ "POST", "/me/profile", page_profile, 0, PARAMS(me_profile_params),
	    R_LOGIN },
	{ "POST", "/me/delete", page_delete, 0, PARAMS(me_delete_params),
	    R_LOGIN },
	{ "POST", "/me/password", page_password, 0,
	    PARAMS(me_password_params), R_LOGIN },
	{ "GET", "/me/deleted", page_me_deleted, 0, NULL, 0, 0 },
};

static const struct app app = {
	.name = "public",
	.prefix = "",
	.layout = "layout/public",
	.db_account = "public",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	/* The feeds each page announces (page_feeds.c). */
	.decorate = feeds_decorate,
};

int
main(int argc, char *argv[])
{
	return app_run(&app, argc, argv);
}
