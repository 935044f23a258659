/*
 * page_dashboard.c — the first page a member of staff sees.
 *
 * GET /staff/   no parameters; any staff role (ACT_STAFF_HOME).
 * View: staff/dashboard.  The entity, what waits for the user in the
 * review chain, its activities by state, and the moderation queue with
 * overdue comments (art. 9-ب: 3 working days).  For the ministry admin
 * (who sees every entity), counts across every entity in one statement:
 * overdue moderation, activities waiting for approval, analysis reports
 * owed, entities without a liaison officer — each linking to its list.
 *
 * GET /staff/oversight   oversight_params: show (overdue | reports |
 *                        liaison) → that list across every entity, the
 *                        first OVERSIGHT_SHOWN (view staff/oversight).
 *                        Only for a role that sees every entity's
 *                        activities (403).  Waiting for approval links to
 *                        /staff/activities?state=approved.
 */
#include <string.h>

#include "activity.h"
#include "arena.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* Items of "waiting for you" shown; the list of activities has them
 * all. */
#define WAITING_SHOWN	50
/* Rows of an oversight list. */
#define OVERSIGHT_SHOWN	200

static const char *const oversight_names[] = {
	"overdue", "reports", "liaison", NULL
};
enum { OV_OVERDUE, OV_REPORTS, OV_LIAISON, OV__MAX };

const struct param oversight_params[OVERSIGHT__MAX] = {
	[OVERSIGHT_SHOW] = { .name = "show", .type = PT_ENUM,
	    .flags = P_REQ, .choices = oversight_names },
};

/* The dashboard's words for the states (shorter than the activity
 * page's), by enum act_state. */
static const char *const dash_state_labels[AS__MAX] = {
	[AS_DRAFT] = N_("Draft"),
	[AS_SUBMITTED] = N_("Submitted for review"),
	[AS_RETURNED] = N_("Returned"),
	[AS_APPROVED] = N_("Forwarded to the liaison officer"),
	[AS_SCHEDULED] = N_("Scheduled"),
	[AS_OPEN] = N_("Open"),
	[AS_CLOSED] = N_("Closed"),
	[AS_ANALYSIS] = N_("In analysis"),
	[AS_REPORT_SUBMITTED] = N_("Report submitted"),
	[AS_REPORT_APPROVED] = N_("Report approved"),
	[AS_PUBLISHED] = N_("Published"),
	[AS_WITHDRAWN] = N_("Withdrawn"),
};

/* What the user is to do with an activity waiting in that state. */
static const char *
waiting_what(enum act_state st)
{
	switch (st) {
	case AS_SUBMITTED:
		return N_("Review it and forward it or return it");
	case AS_APPROVED:
		return N_("Approve it for publication or return it");
	case AS_REPORT_APPROVED:
		return N_("Give the report its final approval and publish it");
	case AS_REPORT_SUBMITTED:
		return N_("Review the analysis report and approve it or return "
		    "it");
	case AS_OPEN:
		return N_("Send the entity's response to this inter-agency "
		    "consultation");
	default:
		return N_("Returned to you: correct it and submit it again");
	}
}

int
page_dashboard(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	unsigned long long eid = r->sess->entity_id;
	enum role	 role = perm_role(r->sess->role);
	enum act_state	 st;
	int		 n = 0;

	vm_str(m, "title", tr(r, "Dashboard"));
	vm_str(m, "role_label", present_label(r, perm_role_labels, ROLE__MAX,
	    role));
	if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_ENTITY,
	    DB_ARGS(DB_U(entity, eid)))) == NULL)
		return 500;
	if (dbres_next(res))
		vm_str(m, "entity", present_pick(r,
		    dbres_str(res, STAFF_DASH_ENTITY_NAME_AR),
		    dbres_str(res, STAFF_DASH_ENTITY_NAME_EN)));
	if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_COUNTS,
	    DB_ARGS(DB_U(entity, eid)))) == NULL)
		return 500;
	l = vm_list(m, "states");
	while (dbres_next(res)) {
		const char *name = dbres_str(res, STAFF_DASH_COUNTS_STATE);
		st = activity_state(name);
		it = vm_push(l);
		vm_str(it, "label", st < AS__MAX ? present_label(r,
		    dash_state_labels, AS__MAX, st) : name);
		vm_str(it, "count", dbres_str(res, STAFF_DASH_COUNTS_N));
	}
	vm_bool(m, "has_states", l->count > 0);
	/* The ministry's view across every entity. */
	if (perm_allows(role, ACT_ACTIVITY_VIEW, SCOPE_OTHER)) {
		if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_MINISTRY,
		    DB_NOARGS)) == NULL)
			return 500;
		if (dbres_next(res)) {
			it = vm_child(m, "ministry");
			vm_str(it, "overdue", dbres_str(res,
			    STAFF_DASH_MINISTRY_OVERDUE));
			vm_str(it, "approval", dbres_str(res,
			    STAFF_DASH_MINISTRY_APPROVAL));
			vm_str(it, "reports", dbres_str(res,
			    STAFF_DASH_MINISTRY_REPORTS));
			vm_str(it, "reports_late", dbres_str(res,
			    STAFF_DASH_MINISTRY_REPORTS_LATE));
			vm_str(it, "no_liaison", dbres_str(res,
			    STAFF_DASH_MINISTRY_NO_LIAISON));
		}
	}
	if ((res = db_query(r->db, r->a, SQL_STAFF_DASH_MODERATION,
	    DB_ARGS(DB_U(entity, eid)))) == NULL)
		return 500;
	if (dbres_next(res)) {
		vm_str(m, "pending", dbres_str(res,
		    STAFF_DASH_MODERATION_PENDING));
		vm_str(m, "overdue", dbres_str(res,
		    STAFF_DASH_MODERATION_OVERDUE) ? dbres_str(res,
		    STAFF_DASH_MODERATION_OVERDUE) : "0");
		vm_bool(m, "has_overdue", dbres_int(res,
		    STAFF_DASH_MODERATION_OVERDUE) > 0);
	}
	res = db_query(r->db, r->a, SQL_STAFF_DASH_WAITING, DB_ARGS(
	    DB_U(entity, eid), DB_S(role, perm_role_name(role)),
	    DB_U(user, r->sess->user_id), DB_I(limit, WAITING_SHOWN + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "waiting");
	while (dbres_next(res)) {
		if (++n > WAITING_SHOWN) {
			vm_bool(m, "waiting_more", 1);
			break;
		}
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, STAFF_DASH_WAITING_ID));
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, STAFF_DASH_WAITING_TITLE_AR),
		    dbres_str(res, STAFF_DASH_WAITING_TITLE_EN)));
		vm_str(it, "what", tr(r, waiting_what(activity_state(
		    dbres_str(res, STAFF_DASH_WAITING_STATE)))));
		vm_bool(it, "handed_over", dbres_int(res,
		    STAFF_DASH_WAITING_HANDED_OVER));
	}
	/* Art. 9-ج: the entity's reports owed, late ones first, with the
	 * working days late the public sees (issue 11). */
	res = db_query(r->db, r->a, SQL_STAFF_DASH_REPORTS, DB_ARGS(
	    DB_U(entity, eid), DB_I(limit, WAITING_SHOWN + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "reports_owed");
	n = 0;
	while (dbres_next(res)) {
		if (++n > WAITING_SHOWN) {
			vm_bool(m, "reports_more", 1);
			break;
		}
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, STAFF_DASH_REPORTS_ID));
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, STAFF_DASH_REPORTS_TITLE_AR),
		    dbres_str(res, STAFF_DASH_REPORTS_TITLE_EN)));
		st = activity_state(dbres_str(res, STAFF_DASH_REPORTS_STATE));
		vm_str(it, "state", st < AS__MAX ? present_label(r,
		    dash_state_labels, AS__MAX, st) : "");
		if (!dbres_isnull(res, STAFF_DASH_REPORTS_REPORT_DUE_AT))
			vm_str(it, "due", present_date(r, dbres_time(res,
			    STAFF_DASH_REPORTS_REPORT_DUE_AT)));
		if (dbres_int(res, STAFF_DASH_REPORTS_REPORT_DAYS_LATE) > 0)
			vm_str(it, "days_late", dbres_str(res,
			    STAFF_DASH_REPORTS_REPORT_DAYS_LATE));
	}
	return http_render(r, "staff/dashboard", m);
}

/* An activity row of an oversight list: its title, entity and the
 * deadline column due (UTC). */
static void
oversight_activity(struct req *r, struct val *it, struct dbres *res,
    int id, int tar, int ten, int eid, int ear, int een, int due)
{
	vm_str(it, "id", dbres_str(res, id));
	vm_str(it, "title", present_pick(r, dbres_str(res, tar),
	    dbres_str(res, ten)));
	vm_str(it, "entity_id", dbres_str(res, eid));
	vm_str(it, "entity", present_pick(r, dbres_str(res, ear),
	    dbres_str(res, een)));
	vm_str(it, "due", present_datetime(r, dbres_time(res, due)));
}

int
page_oversight(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	int		 show, n = 0;
	static const int stmts[OV__MAX] = { SQL_STAFF_OVERSIGHT_OVERDUE,
	    SQL_STAFF_OVERSIGHT_REPORTS, SQL_STAFF_OVERSIGHT_NO_LIAISON };
	static const char *const titles[OV__MAX] = {
		N_("Comments past their moderation deadline"),
		N_("Analysis reports due"),
		N_("Entities without a liaison officer")
	};

	if (!perm_allows(perm_role(r->sess->role), ACT_ACTIVITY_VIEW,
	    SCOPE_OTHER))
		return 403;
	if (r->nerr > 0)
		return 400;
	show = (int)http_arg_int(r, OVERSIGHT_SHOW, 0);
	if (show < 0 || show >= OV__MAX)
		return 400;
	vm_str(m, "title", tr(r, titles[show]));
	vm_bool(m, oversight_names[show], 1);
	if ((res = db_query(r->db, r->a, stmts[show],
	    DB_ARGS(DB_I(limit, OVERSIGHT_SHOWN + 1)))) == NULL)
		return 500;
	l = vm_list(m, "rows");
	while (dbres_next(res)) {
		if (++n > OVERSIGHT_SHOWN) {
			vm_bool(m, "more", 1);
			break;
		}
		it = vm_push(l);
		switch (show) {
		case OV_OVERDUE:
			oversight_activity(r, it, res,
			    STAFF_OVERSIGHT_OVERDUE_ID,
			    STAFF_OVERSIGHT_OVERDUE_TITLE_AR,
			    STAFF_OVERSIGHT_OVERDUE_TITLE_EN,
			    STAFF_OVERSIGHT_OVERDUE_ENTITY_ID,
			    STAFF_OVERSIGHT_OVERDUE_ENTITY_AR,
			    STAFF_OVERSIGHT_OVERDUE_ENTITY_EN,
			    STAFF_OVERSIGHT_OVERDUE_DUE);
			vm_str(it, "n", dbres_str(res,
			    STAFF_OVERSIGHT_OVERDUE_N));
			break;
		case OV_REPORTS:
			oversight_activity(r, it, res,
			    STAFF_OVERSIGHT_REPORTS_ID,
			    STAFF_OVERSIGHT_REPORTS_TITLE_AR,
			    STAFF_OVERSIGHT_REPORTS_TITLE_EN,
			    STAFF_OVERSIGHT_REPORTS_ENTITY_ID,
			    STAFF_OVERSIGHT_REPORTS_ENTITY_AR,
			    STAFF_OVERSIGHT_REPORTS_ENTITY_EN,
			    STAFF_OVERSIGHT_REPORTS_DUE);
			vm_bool(it, "late", dbres_int(res,
			    STAFF_OVERSIGHT_REPORTS_LATE) != 0);
			break;
		default:
			vm_str(it, "entity_id", dbres_str(res,
			    STAFF_OVERSIGHT_NO_LIAISON_ID));
			vm_str(it, "entity", present_pick(r,
			    dbres_str(res, STAFF_OVERSIGHT_NO_LIAISON_NAME_AR),
			    dbres_str(res, STAFF_OVERSIGHT_NO_LIAISON_NAME_EN)));
			vm_str(it, "parent", present_pick(r,
			    dbres_str(res, STAFF_OVERSIGHT_NO_LIAISON_PARENT_AR),
			    dbres_str(res,
			    STAFF_OVERSIGHT_NO_LIAISON_PARENT_EN)));
			break;
		}
	}
	return http_render(r, "staff/oversight", m);
}
