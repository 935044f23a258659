/*
 * page_home.c — the portal's front page.
 *
 * GET /   no parameters; anyone.  View: public/home.
 * Shows open public activities, those closing soon, and recently
 * published results; four statements whatever the data size, one when
 * the worker's copy of the page stands (present_list_reuse).
 */
#include "db.h"
#include "http.h"
#include "present_public.h"
#include "public.h"
#include "sql_gen.h"
#include "vm.h"

/* Windows of the front page (sql/queries/public_home.sql); the whole
 * lists are /consultations. */
#define HOME_OPEN_SHOWN		6
#define HOME_CLOSING_SHOWN	5
#define HOME_RESULTS_SHOWN	5

int
page_home(struct req *r)
{
	struct val	*m = http_model(r);
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Home"));
	present_cacheable(r);
	switch (present_list_reuse(r)) {
	case 1:
		return 200;
	case -1:
		return 500;
	}
	if ((res = db_query(r->db, r->a, SQL_HOME_OPEN,
	    DB_ARGS(DB_I(limit, HOME_OPEN_SHOWN)))) == NULL)
		return 500;
	present_activities(r, vm_list(m, "open"), res);
	if ((res = db_query(r->db, r->a, SQL_HOME_CLOSING,
	    DB_ARGS(DB_I(limit, HOME_CLOSING_SHOWN)))) == NULL)
		return 500;
	present_activities(r, vm_list(m, "closing"), res);
	if ((res = db_query(r->db, r->a, SQL_HOME_RESULTS,
	    DB_ARGS(DB_I(limit, HOME_RESULTS_SHOWN)))) == NULL)
		return 500;
	present_activities(r, vm_list(m, "results"), res);
	return http_render(r, "public/home", m);
}
