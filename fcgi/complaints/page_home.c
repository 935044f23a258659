/*
 * page_home.c — the complaints system's front page.
 *
 * GET /complaints/   no parameters; anyone.  View: complaints/home.
 * The five request types with what each is for, and the public figures
 * of the last 30 days (Bekhedmetkom publishes its KPIs to citizens and
 * media): received, answered on time, late, average rating.
 */
#include "arena.h"
#include "complaints.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "vm.h"

int
page_home(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Complaints and requests"));
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_TYPES, DB_NOARGS)) ==
	    NULL)
		return 500;
	l = vm_list(m, "types");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "code", dbres_str(res, COMPLAINTS_TYPES_CODE));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, COMPLAINTS_TYPES_NAME_AR),
		    dbres_str(res, COMPLAINTS_TYPES_NAME_EN)));
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_KPI_30D, DB_NOARGS)) ==
	    NULL)
		return 500;
	if (dbres_next(res)) {
		long long total = dbres_int(res, COMPLAINTS_KPI_30D_RECEIVED);
		long long answered = dbres_int(res,
		    COMPLAINTS_KPI_30D_ANSWERED);
		long long late = dbres_int(res, COMPLAINTS_KPI_30D_LATE);
		vm_int(m, "received", total);
		vm_int(m, "answered", answered);
		vm_int(m, "late", late);
		if (total > 0) {
			vm_strf(m, "answered_pct", "%lld", answered * 100 /
			    total);
			vm_strf(m, "late_pct", "%lld", late * 100 / total);
		}
		if (dbres_str(res, COMPLAINTS_KPI_30D_RATING) != NULL)
			vm_str(m, "rating", dbres_str(res,
			    COMPLAINTS_KPI_30D_RATING));
	}
	return http_render(r, "complaints/home", m);
}
