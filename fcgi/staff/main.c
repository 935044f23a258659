/*
 * sharek-staff — the back office of government staff: the ministry
 * admin, liaison officers, coordinators and supervisors.  Mounted at
 * /staff/.  Every page needs a staff account; what each role may do is
 * the permission matrix of fcgi/domain/perm.c.
 */
#include <string.h>

#include "authpage.h"
#include "http.h"
#include "perm.h"
#include "staff.h"

static const struct route routes[] = {
	{ "GET", "/", page_dashboard, ACT_STAFF_HOME, NULL, 0, R_LOGIN },
	AUTHPAGE_ROUTES,
};

static int
authorize(struct req *r, int action)
{
	if (r->sess == NULL)
		return -1;
	return perm_role_may(perm_role(r->sess->role), action) ? 0 : -1;
}

static const struct app app = {
	.name = "staff",
	.prefix = "/staff",
	.layout = "layout/staff",
	.db_account = "staff",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.authorize = authorize,
};

int
main(int argc, char *argv[])
{
	return app_run(&app, argc, argv);
}
