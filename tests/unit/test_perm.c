/*
 * test_perm.c — the permission matrix against the rules of Tawasul
 * art. 5–10 (domain.md §1).
 */
#include "perm.h"
#include "t.h"

int
main(void)
{
	int	 a;

	t_eq_int(perm_role("liaison"), ROLE_LIAISON, "role names parse");
	t_eq_int(perm_role("root"), ROLE_CITIZEN,
	    "unknown roles get nothing");
	t_eq_int(perm_role(NULL), ROLE_CITIZEN, "no role gets nothing");
	for (a = 1; a < ACT__MAX; a++)
		t_ok(!perm_role_may(ROLE_CITIZEN, a),
		    "citizens may not %s", perm_action_name(a));
	t_ok(perm_allows(ROLE_ADMIN, ACT_ENTITY_MANAGE, SCOPE_OTHER),
	    "the ministry manages every entity (art. 5)");
	t_ok(!perm_role_may(ROLE_LIAISON, ACT_ENTITY_MANAGE),
	    "a liaison officer does not create entities");
	t_ok(perm_allows(ROLE_LIAISON, ACT_STAFF_ACCOUNTS, SCOPE_OWN),
	    "the liaison officer creates the entity's staff (7-هـ)");
	t_ok(!perm_allows(ROLE_LIAISON, ACT_STAFF_ACCOUNTS, SCOPE_OTHER),
	    "but not another entity's");
	t_ok(!perm_role_may(ROLE_COORDINATOR, ACT_STAFF_ACCOUNTS),
	    "a coordinator creates no accounts");
	t_ok(perm_allows(ROLE_LIAISON, ACT_ACTIVITY_APPROVE, SCOPE_OWN),
	    "the liaison officer approves and publishes (7-ز)");
	t_ok(!perm_role_may(ROLE_COORDINATOR, ACT_ACTIVITY_APPROVE),
	    "a coordinator cannot publish");
	t_ok(!perm_role_may(ROLE_SUPERVISOR, ACT_ACTIVITY_APPROVE),
	    "a supervisor cannot publish");
	t_ok(perm_allows(ROLE_COORDINATOR, ACT_ACTIVITY_REVIEW, SCOPE_OWN),
	    "the coordinator reviews (8-ب)");
	t_ok(!perm_role_may(ROLE_SUPERVISOR, ACT_ACTIVITY_REVIEW),
	    "a supervisor does not review own drafts");
	t_ok(perm_allows(ROLE_COORDINATOR, ACT_ACTIVITY_DRAFT, SCOPE_OWN),
	    "a coordinator may draft as supervisor (art. 10)");
	t_ok(perm_allows(ROLE_SUPERVISOR, ACT_MODERATE, SCOPE_OWN),
	    "the supervisor moderates (9-ب)");
	t_ok(!perm_role_may(ROLE_SUPERVISOR, ACT_MODERATE_ALL),
	    "a supervisor sees only own queues");
	t_ok(perm_allows(ROLE_COORDINATOR, ACT_MODERATE_ALL, SCOPE_OWN),
	    "the coordinator sees the supervisors' queues (8-هـ)");
	t_ok(perm_allows(ROLE_LIAISON, ACT_ACTIVITY_EXTEND, SCOPE_OWN),
	    "the liaison officer extends (11-ج)");
	t_ok(!perm_role_may(ROLE_SUPERVISOR, ACT_ACTIVITY_EXTEND),
	    "a supervisor cannot extend");
	t_ok(perm_allows(ROLE_LIAISON, ACT_TARGET_RESPOND, SCOPE_OWN),
	    "the liaison officer answers for a target entity (7-ح)");
	t_ok(perm_allows(ROLE_LIAISON, ACT_REPORT_APPROVE, SCOPE_OWN) &&
	    perm_allows(ROLE_COORDINATOR, ACT_REPORT_REVIEW, SCOPE_OWN) &&
	    perm_allows(ROLE_SUPERVISOR, ACT_REPORT_DRAFT, SCOPE_OWN),
	    "report chain supervisor → coordinator → liaison (8-و, 9-ج)");
	t_ok(!perm_allows(ROLE_SUPERVISOR, ACT_ACTIVITY_VIEW, SCOPE_OTHER),
	    "nobody but the ministry sees other entities' drafts");
	t_ok(perm_allows(ROLE_ADMIN, ACT_AUDIT_VIEW, SCOPE_OTHER) &&
	    !perm_allows(ROLE_LIAISON, ACT_AUDIT_VIEW, SCOPE_OTHER),
	    "the audit log: ministry all, liaison own");
	t_eq_int(perm_role("operations"), ROLE_OPERATIONS,
	    "the operations room is a role");
	t_ok(perm_allows(ROLE_OPERATIONS, ACT_REQUEST_OVERSEE, SCOPE_OTHER),
	    "the operations room studies requests of every entity (§5)");
	t_ok(!perm_role_may(ROLE_OPERATIONS, ACT_REQUEST_HANDLE) &&
	    !perm_role_may(ROLE_OPERATIONS, ACT_STAFF_HOME),
	    "but is no entity's desk and has no back office");
	t_ok(!perm_role_may(ROLE_LIAISON, ACT_REQUEST_OVERSEE),
	    "a liaison officer is not the operations room");
	t_ok(perm_allows(ROLE_LIAISON, ACT_REQUEST_HANDLE, SCOPE_OWN) &&
	    !perm_allows(ROLE_LIAISON, ACT_REQUEST_HANDLE, SCOPE_OTHER),
	    "the liaison officer handles the entity's requests, no other's");
	t_ok(!perm_role_may(ROLE_COORDINATOR, ACT_REQUEST_HANDLE) &&
	    !perm_role_may(ROLE_SUPERVISOR, ACT_REQUEST_HANDLE),
	    "coordinators and supervisors do not read requests");
	t_ok(perm_allows(ROLE_ADMIN, ACT_SLA_MANAGE, SCOPE_OTHER) &&
	    !perm_role_may(ROLE_LIAISON, ACT_SLA_MANAGE) &&
	    !perm_role_may(ROLE_OPERATIONS, ACT_SLA_MANAGE),
	    "only the ministry admin keeps the time-frame matrix");
	for (a = ROLE_ADMIN; a < ROLE__MAX; a++)
		t_ok(perm_allows((enum role)a, ACT_OWN_FACTOR, SCOPE_OWN),
		    "a %s manages its own second factor (the operations "
		    "room too, which has no back office)",
		    perm_role_name((enum role)a));
	t_ok(!perm_allows(ROLE_OPERATIONS, ACT_OWN_FACTOR, SCOPE_OTHER),
	    "but nobody another's");
	t_ok(!perm_allows(ROLE_ADMIN, ACT_NONE, SCOPE_OWN),
	    "ACT_NONE is never allowed");
	t_ok(!perm_allows(ROLE__MAX, ACT_STAFF_HOME, SCOPE_OWN),
	    "out-of-range roles are refused");
	return t_done();
}
