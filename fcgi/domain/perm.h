/*
 * perm.h — who may do what: one matrix, role × action × scope, used by
 * every staff page and by sharekctl (domain.md §1, Tawasul art. 5–10).
 *
 * Scope is where the object lives relative to the actor's entity: the
 * entity itself, one of its sub-departments (the minister sees the whole
 * sector, Bekhedmetkom), or any other entity.  The ministry admin acts
 * on every entity.
 */
#ifndef SHAREK_PERM_H
#define SHAREK_PERM_H

enum role {
	ROLE_CITIZEN,
	ROLE_ADMIN,		/* ministry (portal operator) */
	ROLE_LIAISON,		/* primary or alternate liaison officer */
	ROLE_COORDINATOR,
	ROLE_SUPERVISOR,
	ROLE_OPERATIONS,	/* the ministry's central operations room
				   (complaints: reopened requests, level-2
				   escalations; domain.md §5) */
	ROLE__MAX
};

enum action {
	ACT_NONE,
	ACT_STAFF_HOME,		/* the back office at all */
	ACT_ENTITY_VIEW,
	ACT_ENTITY_MANAGE,	/* create/edit entities, name liaisons (5) */
	ACT_STAFF_ACCOUNTS,	/* create/deactivate coordinators and
				   supervisors (7-هـ) */
	ACT_AUDIT_VIEW,
	ACT_CALENDAR_MANAGE,	/* holidays, weekend */
	ACT_OUTBOX_VIEW,	/* delivery failures */
	ACT_ACTIVITY_VIEW,
	ACT_ACTIVITY_DRAFT,	/* create/edit drafts (9, 10) */
	ACT_ACTIVITY_REVIEW,	/* forward or return (8-ب, 8-د) */
	ACT_ACTIVITY_APPROVE,	/* approve and publish, or return (7-ز) */
	ACT_ACTIVITY_EXTEND,	/* extension (11-ج) */
	ACT_MODERATE,		/* moderate comments (9-ب) */
	ACT_MODERATE_ALL,	/* see every supervisor's queue (8-هـ) */
	ACT_TARGET_RESPOND,	/* consolidated response of a target
				   entity (7-ح) */
	ACT_REPORT_DRAFT,	/* analysis report (9-ج) */
	ACT_REPORT_REVIEW,	/* coordinator review (8-و) */
	ACT_REPORT_APPROVE,	/* final approval and publication (8-و) */
	ACT_REQUEST_HANDLE,	/* classify, forward, reply to requests */
	ACT_KPI_VIEW,
	ACT_GROUPS_MANAGE,	/* categories of users for restricted
				   audiences (art. 2) */
	ACT_REQUEST_OVERSEE,	/* the operations room: reopened and
				   level-2 requests of every entity;
				   reassign, reply, close */
	ACT_SLA_MANAGE,		/* the time-frame matrix and the
				   escalation officials of each entity */
	ACT_OWN_FACTOR,		/* one's own second factor: enrol, see,
				   turn off (/staff/2fa, issue 9) */
	ACT__MAX
};

enum scope {
	SCOPE_OWN,
	SCOPE_SUB,
	SCOPE_OTHER,
	SCOPE__MAX
};

/* The role a stored name gives; unknown or NULL: ROLE_CITIZEN, who may
 * do nothing in the back office. */
enum role	 perm_role(const char *);
/* The role named s, or ROLE__MAX when s names none (input to check,
 * such as sharekctl's ROLE argument). */
enum role	 perm_role_find(const char *);
const char	*perm_role_name(enum role);
/* Msgids of the roles as the staff pages name them, by enum role. */
extern const char *const perm_role_labels[ROLE__MAX];
/* The action that switches an account of this role on or off, or
 * ACT_NONE when no one may here: liaison officers answer to the
 * ministry (ACT_ENTITY_MANAGE, art. 5-ب), coordinators and supervisors
 * to their liaison officer (ACT_STAFF_ACCOUNTS, 7-هـ); the ministry's
 * administrators and citizens are not managed from an entity. */
enum action	 perm_account_action(enum role);
int		 perm_allows(enum role, enum action, enum scope);
/* True when the role may do the action in at least one scope. */
int		 perm_role_may(enum role, enum action);
const char	*perm_action_name(enum action);

#endif
