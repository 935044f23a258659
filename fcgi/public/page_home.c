/*
 * page_home.c — the portal's front page.
 *
 * GET /   no parameters; anyone.  View: public/home.
 * Shows open public activities, those closing soon, and recently
 * published results; three statements whatever the data size.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "public.h"
#include "sql_gen.h"
#include "vm.h"

#include "present_public.h"

int
page_home(struct req *r)
{
	struct val	*m = http_model(r);
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Home"));
	if ((res = db_query(r->db, r->a, SQL_HOME_OPEN, "")) == NULL)
		return 500;
	present_activities(r, vm_list(m, "open"), res);
	if ((res = db_query(r->db, r->a, SQL_HOME_CLOSING, "")) == NULL)
		return 500;
	present_activities(r, vm_list(m, "closing"), res);
	if ((res = db_query(r->db, r->a, SQL_HOME_RESULTS, "")) == NULL)
		return 500;
	present_activities(r, vm_list(m, "results"), res);
	return http_render(r, "public/home", m);
}
