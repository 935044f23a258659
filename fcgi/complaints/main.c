/*
 * sharek-complaints — the central complaints and requests system
 * (Bekhedmetkom): inquiries, complaints, suggestions, compliments and
 * violation reports, the public KPI dashboard and Open311.  Mounted at
 * /complaints/.
 */
#include "authpage.h"
#include "complaints.h"
#include "http.h"

static const struct route routes[] = {
	{ "GET", "/", page_home, 0, NULL, 0, 0 },
	AUTHPAGE_ROUTES,
};

static const struct app app = {
	.name = "complaints",
	.prefix = "/complaints",
	.layout = "layout/complaints",
	.db_account = "complaints",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
};

int
main(int argc, char *argv[])
{
	return app_run(&app, argc, argv);
}
