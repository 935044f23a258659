/*
 * perm.c — the permission matrix, see perm.h.
 */
#include <string.h>

#include "perm.h"
#include "names.h"

/* Marks label msgids for scripts/update-po. */
#ifndef N_
#define N_(s)	(s)
#endif

/* Bits per scope: O own entity, S sub-departments, X other entities. */
#define O	(1u << SCOPE_OWN)
#define S	(1u << SCOPE_SUB)
#define X	(1u << SCOPE_OTHER)

static const unsigned matrix[ROLE__MAX][ACT__MAX] = {
	[ROLE_CITIZEN] = { 0 },
	[ROLE_ADMIN] = {
		[ACT_STAFF_HOME] = O | S | X,
		[ACT_ENTITY_VIEW] = O | S | X,
		[ACT_ENTITY_MANAGE] = O | S | X,
		[ACT_AUDIT_VIEW] = O | S | X,
		[ACT_CALENDAR_MANAGE] = O | S | X,
		[ACT_OUTBOX_VIEW] = O | S | X,
		[ACT_ACTIVITY_VIEW] = O | S | X,
		[ACT_KPI_VIEW] = O | S | X,
		/* The ministry runs its own consultations like any entity. */
		[ACT_STAFF_ACCOUNTS] = O,
		[ACT_REQUEST_HANDLE] = O,
		[ACT_SLA_MANAGE] = O | S | X,
		[ACT_OWN_FACTOR] = O,
	},
	[ROLE_LIAISON] = {
		[ACT_STAFF_HOME] = O,
		[ACT_ENTITY_VIEW] = O | S,
		[ACT_STAFF_ACCOUNTS] = O,
		[ACT_AUDIT_VIEW] = O,
		[ACT_ACTIVITY_VIEW] = O | S,
		[ACT_ACTIVITY_APPROVE] = O,
		[ACT_ACTIVITY_EXTEND] = O,
		[ACT_MODERATE] = O,
		[ACT_MODERATE_ALL] = O,
		[ACT_TARGET_RESPOND] = O,
		[ACT_REPORT_APPROVE] = O,
		[ACT_REQUEST_HANDLE] = O | S,
		[ACT_KPI_VIEW] = O | S,
		[ACT_GROUPS_MANAGE] = O,
		[ACT_OWN_FACTOR] = O,
	},
	[ROLE_COORDINATOR] = {
		[ACT_STAFF_HOME] = O,
		[ACT_ENTITY_VIEW] = O,
		[ACT_ACTIVITY_VIEW] = O,
		/* Art. 10: may act as supervisor in special cases. */
		[ACT_ACTIVITY_DRAFT] = O,
		[ACT_ACTIVITY_REVIEW] = O,
		[ACT_MODERATE] = O,
		[ACT_MODERATE_ALL] = O,
		[ACT_REPORT_DRAFT] = O,
		[ACT_REPORT_REVIEW] = O,
		[ACT_KPI_VIEW] = O,
		[ACT_GROUPS_MANAGE] = O,
		[ACT_OWN_FACTOR] = O,
	},
	[ROLE_SUPERVISOR] = {
		[ACT_STAFF_HOME] = O,
		[ACT_ENTITY_VIEW] = O,
		[ACT_ACTIVITY_VIEW] = O,
		[ACT_ACTIVITY_DRAFT] = O,
		[ACT_MODERATE] = O,
		[ACT_REPORT_DRAFT] = O,
		[ACT_OWN_FACTOR] = O,
	},
	/* The operations room answers for no entity of its own: it sees
	 * the requests of every entity that were reopened or escalated to
	 * level 2 (complaints_may decides which).  It has no back office
	 * but its second factor, which it must have (session_get). */
	[ROLE_OPERATIONS] = {
		[ACT_REQUEST_OVERSEE] = O | S | X,
		[ACT_OWN_FACTOR] = O,
	},
};

static const char *const role_names[ROLE__MAX] = {
	"citizen", "admin", "liaison", "coordinator", "supervisor",
	"operations"
};

const char *const perm_role_labels[ROLE__MAX] = {
	[ROLE_CITIZEN] = N_("Citizen"),
	[ROLE_ADMIN] = N_("Ministry administrator"),
	[ROLE_LIAISON] = N_("Liaison officer"),
	[ROLE_COORDINATOR] = N_("Coordinator"),
	[ROLE_SUPERVISOR] = N_("Supervisor"),
	[ROLE_OPERATIONS] = N_("Operations room"),
};

static const char *const action_names[ACT__MAX] = {
	"none", "staff_home", "entity_view", "entity_manage",
	"staff_accounts", "audit_view", "calendar_manage", "outbox_view",
	"activity_view", "activity_draft", "activity_review",
	"activity_approve", "activity_extend", "moderate", "moderate_all",
	"target_respond", "report_draft", "report_review", "report_approve",
	"request_handle", "kpi_view", "groups_manage", "request_oversee",
	"sla_manage", "own_factor"
};

enum role
perm_role_find(const char *s)
{
	return (enum role)names_find(role_names, ROLE__MAX, s);
}

enum role
perm_role(const char *s)
{
	enum role	 r = perm_role_find(s);

	return r < ROLE__MAX ? r : ROLE_CITIZEN;
}

enum action
perm_account_action(enum role r)
{
	switch (r) {
	case ROLE_LIAISON:
		return ACT_ENTITY_MANAGE;
	case ROLE_COORDINATOR:
	case ROLE_SUPERVISOR:
		return ACT_STAFF_ACCOUNTS;
	default:
		return ACT_NONE;
	}
}

const char *
perm_role_name(enum role r)
{
	return r < ROLE__MAX ? role_names[r] : "citizen";
}

const char *
perm_action_name(enum action a)
{
	return a < ACT__MAX ? action_names[a] : "none";
}

int
perm_allows(enum role r, enum action a, enum scope s)
{
	if (r >= ROLE__MAX || a >= ACT__MAX || a == ACT_NONE ||
	    s >= SCOPE__MAX)
		return 0;
	return (matrix[r][a] & (1u << s)) != 0;
}

int
perm_role_may(enum role r, enum action a)
{
	if (r >= ROLE__MAX || a >= ACT__MAX || a == ACT_NONE)
		return 0;
	return matrix[r][a] != 0;
}
