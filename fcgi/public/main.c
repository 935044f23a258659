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
};

static const struct app app = {
	.name = "public",
	.prefix = "",
	.layout = "layout/public",
	.db_account = "public",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
};

int
main(int argc, char *argv[])
{
	return app_run(&app, argc, argv);
}
