/*
 * page_dashboard.c — the first page a member of staff sees.
 *
 * GET /staff/   no parameters; any staff role (ACT_STAFF_HOME).
 * View: staff/dashboard.  The entity, its activities by state, and the
 * moderation queue with overdue comments (art. 9-ب: 3 working days).
 */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "http.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const states[] = {
	"draft", "submitted", "returned", "approved", "scheduled", "open",
	"closed", "analysis", "report_submitted", "report_approved",
	"published", "withdrawn", NULL
};

static const char *const state_labels[] = {
	"Draft", "Submitted for review", "Returned", "Approved", "Scheduled",
	"Open", "Closed", "In analysis", "Report submitted",
	"Report approved", "Published", "Withdrawn"
};

int
page_dashboard(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	long long	 eid = (long long)r->sess->entity_id;
	int		 i;

	vm_str(m, "title", tr(r, "Dashboard"));
	vm_str(m, "role_label", tr(r, strcmp(r->sess->role, "admin") == 0 ?
	    "Ministry administrator" : strcmp(r->sess->role, "liaison") == 0 ?
	    "Liaison officer" : strcmp(r->sess->role, "coordinator") == 0 ?
	    "Coordinator" : "Supervisor"));
	if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_ENTITY, "i", eid))
	    == NULL)
		return 500;
	if (dbres_next(res))
		vm_str(m, "entity", strcmp(r->lang, "en") == 0 ?
		    dbres_str(res, 1) : dbres_str(res, 0));
	if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_COUNTS, "i", eid))
	    == NULL)
		return 500;
	l = vm_list(m, "states");
	while (dbres_next(res)) {
		for (i = 0; states[i] != NULL; i++)
			if (strcmp(states[i], dbres_str(res, 0)) == 0)
				break;
		it = vm_push(l);
		vm_str(it, "label", states[i] ? tr(r, state_labels[i]) :
		    dbres_str(res, 0));
		vm_str(it, "count", dbres_str(res, 1));
	}
	vm_bool(m, "has_states", l->count > 0);
	if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_MODERATION, "i", eid))
	    == NULL)
		return 500;
	if (dbres_next(res)) {
		vm_str(m, "pending", dbres_str(res, 0));
		vm_str(m, "overdue", dbres_str(res, 1) ? dbres_str(res, 1) :
		    "0");
		vm_bool(m, "has_overdue", dbres_int(res, 1) > 0);
	}
	res = db_query(r->db, r->a, SQL_STAFF_DASH_WAITING, "isusus", eid,
	    r->sess->role, r->sess->user_id, r->sess->role, r->sess->user_id,
	    r->sess->role);
	if (res == NULL)
		return 500;
	l = vm_list(m, "waiting");
	while (dbres_next(res)) {
		const char *st = dbres_str(res, 3);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "title", strcmp(r->lang, "en") == 0 &&
		    dbres_str(res, 2)[0] ? dbres_str(res, 2) : dbres_str(res, 1));
		vm_str(it, "what", tr(r, strcmp(st, "submitted") == 0 ?
		    N_("Review it and forward it or return it") :
		    strcmp(st, "approved") == 0 ?
		    N_("Approve it for publication or return it") :
		    N_("Returned to you: correct it and submit it again")));
	}
	return http_render(r, "staff/dashboard", m);
}
