/*
 * sharek-complaints — the central complaints and requests system
 * (Bekhedmetkom): inquiries, complaints, suggestions, compliments and
 * violation reports, the handling desk of each entity and the central
 * operations room, the public KPI dashboard and Open311.  Mounted at
 * /complaints/.  Staff sign in with their staff account, requesters
 * with their citizen account (the shared sign-in pages); what each role
 * may do is the permission matrix of fcgi/domain/perm.c.
 */
#include "authpage.h"
#include "complaints.h"
#include "http.h"
#include "perm.h"
#include "session.h"
#include "vm.h"

static const struct route routes[] = {
	{ "GET", "/", page_home, 0, NULL, 0, 0 },
	{ "GET", "/dashboard", page_dashboard, 0, PARAMS(dash_params), 0 },

	/* Open311 GeoReport v2 (page_open311.c; nginx sends /open311/ here). */
	{ "GET", "/open311/v2/discovery.xml", page_o311_discovery, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/discovery.json", page_o311_discovery, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/services.xml", page_o311_services, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/services.json", page_o311_services, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/services/{code:slug}.xml", page_o311_service, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/services/{code:slug}.json", page_o311_service, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/requests.xml", page_o311_requests, 0,
	    PARAMS(o311_list_params), R_API },
	{ "GET", "/open311/v2/requests.json", page_o311_requests, 0,
	    PARAMS(o311_list_params), R_API },
	{ "GET", "/open311/v2/requests/{id:ref}.xml", page_o311_request, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/requests/{id:ref}.json", page_o311_request, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/tokens/{id:ref}.xml", page_o311_token, 0,
	    NULL, 0, R_API },
	{ "GET", "/open311/v2/tokens/{id:ref}.json", page_o311_token, 0,
	    NULL, 0, R_API },
	{ "POST", "/open311/v2/requests.xml", page_o311_post, 0,
	    PARAMS(o311_post_params), R_NOCSRF | R_API },
	{ "POST", "/open311/v2/requests.json", page_o311_post, 0,
	    PARAMS(o311_post_params), R_NOCSRF | R_API },
	AUTHPAGE_ROUTES,

	/* The requester (page_new.c, page_track.c). */
	{ "GET", "/new", page_new_form, 0, PARAMS(new_form_params), R_LOGIN },
	{ "POST", "/new", page_new, 0, PARAMS(new_params),
	    R_LOGIN | R_UPLOAD },
	{ "GET", "/report", page_report_form, 0, NULL, 0, 0 },
	{ "POST", "/report", page_report, 0, PARAMS(report_params), R_UPLOAD },
	{ "GET", "/mine", page_mine, 0, NULL, 0, R_LOGIN },
	{ "GET", "/track", page_track, 0, PARAMS(track_params), R_LOGIN },
	{ "POST", "/track/rate", page_rate, 0, PARAMS(rate_params), R_LOGIN },
	{ "GET", "/follow", page_follow_form, 0, NULL, 0, 0 },
	{ "POST", "/follow", page_follow, 0, PARAMS(follow_params), 0 },

	/* The handling desk and the operations room (page_desk.c). */
	{ "GET", "/desk", page_desk, ACT_REQUEST_HANDLE,
	    PARAMS(desk_list_params), R_LOGIN },
	{ "GET", "/desk/requests/{id}", page_desk_request, ACT_REQUEST_HANDLE,
	    NULL, 0, R_LOGIN },
	{ "POST", "/desk/requests/{id}", page_desk_step, ACT_REQUEST_HANDLE,
	    PARAMS(desk_params), R_LOGIN },
	{ "GET", "/desk/requests/{id}/files/{name:slug}", page_desk_file,
	    ACT_REQUEST_HANDLE, NULL, 0, R_LOGIN },

	/* The ministry admin (page_sla.c). */
	{ "GET", "/desk/sla", page_sla, ACT_SLA_MANAGE, NULL, 0, R_LOGIN },
	{ "POST", "/desk/sla", page_sla_save, ACT_SLA_MANAGE,
	    PARAMS(sla_params), R_LOGIN },
	{ "GET", "/desk/officials", page_officials, ACT_SLA_MANAGE, NULL, 0,
	    R_LOGIN },
	{ "POST", "/desk/officials/{id}", page_officials_save, ACT_SLA_MANAGE,
	    PARAMS(officials_params), R_LOGIN },
};

/* The desk is the entity's (ACT_REQUEST_HANDLE) or the operations
 * room's (ACT_REQUEST_OVERSEE); which request each may open is
 * complaints_may's. */
static int
authorize(struct req *r, int action)
{
	enum role	 role;

	if (action == 0)
		return 0;
	if (r->sess == NULL)
		return -1;
	role = perm_role(r->sess->role);
	if (perm_role_may(role, action))
		return 0;
	if (action == ACT_REQUEST_HANDLE &&
	    perm_role_may(role, ACT_REQUEST_OVERSEE))
		return 0;
	return -1;
}

/* The navigation shows what the signed-in user may open. */
static void
decorate(struct req *r, struct val *m)
{
	enum role	 role;

	if (r->sess == NULL)
		return;
	role = perm_role(r->sess->role);
	vm_bool(m, "nav_desk", perm_role_may(role, ACT_REQUEST_HANDLE) ||
	    perm_role_may(role, ACT_REQUEST_OVERSEE));
	vm_bool(m, "nav_sla", perm_role_may(role, ACT_SLA_MANAGE));
	vm_bool(m, "nav_requester", role == ROLE_CITIZEN);
}

static const struct app app = {
	.name = "complaints",
	.prefix = "/complaints",
	.layout = "layout/complaints",
	.db_account = "complaints",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.authorize = authorize,
	.decorate = decorate,
	.api_error = o311_api_error,
	.api_prefix = "/open311/",
};

int
main(int argc, char *argv[])
{
	return app_run(&app, argc, argv);
}
