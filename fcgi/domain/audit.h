/*
 * audit.h — the append-only audit log of staff actions (domain.md §4:
 * "every step is recorded (who, when, what changed) — the ministry
 * reports on it").  The database account of the programs may INSERT and
 * SELECT audit_log but never UPDATE or DELETE it.
 */
#ifndef SHAREK_AUDIT_H
#define SHAREK_AUDIT_H

#include <stddef.h>

struct arena;
struct db;

struct actor {
	unsigned long long	 user_id;	/* 0: the system (tick) */
	const char		*role;
	unsigned long long	 entity_id;	/* 0: none */
	const char		*ip;
};

/* Records one action; call it in the transaction of the change itself so
 * a change never exists without its record.  0 or -1. */
int	audit_record(struct db *, const struct actor *, const char *action,
	    const char *object_type, unsigned long long object_id,
	    const char *summary);

/* One field an edit changed: field is a label msgid (the log's reader
 * sees it in their language), before and after the values (NULL: none). */
struct audit_change {
	const char	*field;
	const char	*before, *after;
};

/* audit_record with what the edit changed: the n changes whose before
 * and after differ go to audit_log.details, one line per field,
 * "field\tbefore\tafter" with backslash, tab and line breaks escaped
 * (\\, \t, \n, \r).  0 or -1. */
int	audit_record_change(struct db *, struct arena *, const struct actor *,
	    const char *action, const char *object_type,
	    unsigned long long object_id, const char *summary,
	    const struct audit_change *, size_t n);
/* The changes in details (audit_record_change's text) as an array in the
 * arena, *n their count; NULL and 0 for none. */
struct audit_change *audit_changes(struct arena *, const char *details,
	    size_t *n);

/* The actions the programs record (audit_log.action), by name, with a
 * label for the log's reader (msgids).  Callers write the names; the
 * enum is how the log page says them. */
enum audit_action {
	AU_ACTIVITY_SAVE, AU_ACTIVITY_DOCUMENT, AU_ACTIVITY_ATTACHMENT,
	AU_ACTIVITY_SUBMITTED, AU_ACTIVITY_RETURNED, AU_ACTIVITY_APPROVED,
	AU_ACTIVITY_SCHEDULED, AU_ACTIVITY_WITHDRAWN, AU_ACTIVITY_OPEN,
	AU_ACTIVITY_CLOSED, AU_ACTIVITY_ANALYSIS,
	AU_ACTIVITY_REPORT_SUBMITTED, AU_ACTIVITY_REPORT_APPROVED,
	AU_ACTIVITY_PUBLISHED, AU_ACTIVITY_EXTEND, AU_ACTIVITY_CORRECTION,
	AU_ACTIVITY_CORRECTION_REJECT, AU_ACTIVITY_VERSION,
	AU_ACTIVITY_HANDOVER, AU_ACTIVITY_RESPONSE,
	AU_ARTICLE_ADD, AU_ARTICLE_SAVE, AU_ARTICLE_DELETE, AU_ARTICLE_MOVE,
	AU_COMMENT_PUBLISH, AU_COMMENT_REJECT,
	AU_ENTITY_CREATE, AU_ENTITY_UPDATE, AU_ENTITY_LIAISON,
	AU_ENTITY_LIAISON_REPLACED, AU_ENTITY_ALTERNATE,
	AU_ENTITY_ALTERNATE_REPLACED, AU_ENTITY_OFFICIALS,
	AU_GROUP_CREATE, AU_GROUP_ADD, AU_GROUP_REMOVE,
	AU_HOLIDAY_SET, AU_HOLIDAY_DELETE, AU_CALENDAR_WEEKEND,
	AU_USER_CREATE, AU_USER_ACTIVATE, AU_USER_DEACTIVATE,
	AU_USER_PASSWORD, AU_USER_2FA_ENABLE, AU_USER_2FA_DISABLE,
	AU_USER_2FA_RECOVERY, AU_USER_2FA_RESET,
	AU_ANALYSIS_POSITION, AU_ANALYSIS_THEME, AU_ANSWER_APPROVE,
	AU_ANSWER_REJECT, AU_APIKEY_ISSUE, AU_APIKEY_REVOKE, AU_BLOG_DRAFT,
	AU_BLOG_EDIT, AU_BLOG_PUBLISH, AU_BLOG_RETURN, AU_BUDGET_DRAFT,
	AU_BUDGET_SUBMIT, AU_BUDGET_RETURN, AU_BUDGET_FORWARD,
	AU_BUDGET_APPROVE, AU_BUDGET_PROJECT_ADD, AU_BUDGET_REVIEW,
	AU_BUDGET_PAPER, AU_BUDGET_OVERRIDE, AU_CHARTER_PUBLISH,
	AU_CONDITION_ADD, AU_CONDITION_DELETE, AU_INITIATIVE_RULES,
	AU_INITIATIVE_ADMIT, AU_INITIATIVE_REFUSE, AU_INITIATIVE_PAPER,
	AU_INITIATIVE_THRESHOLD, AU_INITIATIVE_ANSWER, AU_PLAN_ITEM_ADD,
	AU_PLAN_ITEM_EDIT, AU_POLL_RESULTS, AU_QUESTION_ADD, AU_QUESTION_EDIT,
	AU_QUESTION_DELETE, AU_QUESTION_MOVE, AU_SECTION_ADD,
	AU_SECTION_DELETE, AU_VOTE_ATTACH, AU_REPORT_SAVE, AU_REPORT_ARTICLE,
	AU_REPORT_ARTICLE_ADD, AU_REPORT_DOCUMENT, AU_REQUEST_CLASSIFY,
	AU_REQUEST_FORWARD, AU_REQUEST_REPLY, AU_REQUEST_CLOSE,
	AU_REQUEST_REASSIGN, AU_REQUEST_NOTE, AU_REQUEST_REOPEN,
	AU_REQUEST_ESCALATE,
	AU__MAX
};
extern const char *const audit_action_names[AU__MAX + 1];
extern const char *const audit_action_labels[AU__MAX];
/* The action named s, or AU__MAX for one not in the list. */
enum audit_action audit_action(const char *s);

#endif
