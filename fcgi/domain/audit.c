/*
 * audit.c — see audit.h.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "log.h"
#include "names.h"
#include "sql_gen.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const audit_action_names[AU__MAX + 1] = {
	[AU_ACTIVITY_SAVE] = "activity.save",
	[AU_ACTIVITY_DOCUMENT] = "activity.document",
	[AU_ACTIVITY_ATTACHMENT] = "activity.attachment",
	[AU_ACTIVITY_SUBMITTED] = "activity.submitted",
	[AU_ACTIVITY_RETURNED] = "activity.returned",
	[AU_ACTIVITY_APPROVED] = "activity.approved",
	[AU_ACTIVITY_SCHEDULED] = "activity.scheduled",
	[AU_ACTIVITY_WITHDRAWN] = "activity.withdrawn",
	[AU_ACTIVITY_OPEN] = "activity.open",
	[AU_ACTIVITY_CLOSED] = "activity.closed",
	[AU_ACTIVITY_ANALYSIS] = "activity.analysis",
	[AU_ACTIVITY_REPORT_SUBMITTED] = "activity.report_submitted",
	[AU_ACTIVITY_REPORT_APPROVED] = "activity.report_approved",
	[AU_ACTIVITY_PUBLISHED] = "activity.published",
	[AU_ACTIVITY_EXTEND] = "activity.extend",
	[AU_ACTIVITY_CORRECTION] = "activity.correction",
	[AU_ACTIVITY_CORRECTION_REJECT] = "activity.correction.reject",
	[AU_ACTIVITY_VERSION] = "activity.version",
	[AU_ACTIVITY_HANDOVER] = "activity.handover",
	[AU_ACTIVITY_RESPONSE] = "activity.response",
	[AU_ARTICLE_ADD] = "article.add",
	[AU_ARTICLE_SAVE] = "article.save",
	[AU_ARTICLE_DELETE] = "article.delete",
	[AU_ARTICLE_MOVE] = "article.move",
	[AU_COMMENT_PUBLISH] = "comment.publish",
	[AU_COMMENT_REJECT] = "comment.reject",
	[AU_ENTITY_CREATE] = "entity.create",
	[AU_ENTITY_UPDATE] = "entity.update",
	[AU_ENTITY_LIAISON] = "entity.liaison",
	[AU_ENTITY_LIAISON_REPLACED] = "entity.liaison_replaced",
	[AU_ENTITY_ALTERNATE] = "entity.alternate",
	[AU_ENTITY_ALTERNATE_REPLACED] = "entity.alternate_replaced",
	[AU_ENTITY_OFFICIALS] = "entity.officials",
	[AU_GROUP_CREATE] = "group.create",
	[AU_GROUP_ADD] = "group.add",
	[AU_GROUP_REMOVE] = "group.remove",
	[AU_HOLIDAY_SET] = "holiday.set",
	[AU_HOLIDAY_DELETE] = "holiday.delete",
	[AU_CALENDAR_WEEKEND] = "calendar.weekend",
	[AU_USER_CREATE] = "user.create",
	[AU_USER_ACTIVATE] = "user.activate",
	[AU_USER_DEACTIVATE] = "user.deactivate",
	[AU_USER_PASSWORD] = "user.password",
	[AU_USER_2FA_ENABLE] = "user.2fa_enable",
	[AU_USER_2FA_DISABLE] = "user.2fa_disable",
	[AU_USER_2FA_RECOVERY] = "user.2fa_recovery",
	[AU_USER_2FA_RESET] = "user.2fa_reset",
	[AU_ANALYSIS_POSITION] = "analysis.position",
	[AU_ANALYSIS_THEME] = "analysis.theme",
	[AU_ANSWER_APPROVE] = "answer.approve",
	[AU_ANSWER_REJECT] = "answer.reject",
	[AU_APIKEY_ISSUE] = "apikey.issue",
	[AU_APIKEY_REVOKE] = "apikey.revoke",
	[AU_BLOG_DRAFT] = "blog.draft",
	[AU_BLOG_EDIT] = "blog.edit",
	[AU_BLOG_PUBLISH] = "blog.publish",
	[AU_BLOG_RETURN] = "blog.return",
	[AU_BUDGET_DRAFT] = "budget.draft",
	[AU_BUDGET_SUBMIT] = "budget.submit",
	[AU_BUDGET_RETURN] = "budget.return",
	[AU_BUDGET_FORWARD] = "budget.forward",
	[AU_BUDGET_APPROVE] = "budget.approve",
	[AU_BUDGET_PROJECT_ADD] = "budget.project_add",
	[AU_BUDGET_REVIEW] = "budget.review",
	[AU_BUDGET_PAPER] = "budget.paper",
	[AU_BUDGET_OVERRIDE] = "budget.override",
	[AU_CHARTER_PUBLISH] = "charter.publish",
	[AU_CONDITION_ADD] = "condition.add",
	[AU_CONDITION_DELETE] = "condition.delete",
	[AU_INITIATIVE_RULES] = "initiative.rules",
	[AU_INITIATIVE_ADMIT] = "initiative.admit",
	[AU_INITIATIVE_REFUSE] = "initiative.refuse",
	[AU_INITIATIVE_PAPER] = "initiative.paper",
	[AU_INITIATIVE_THRESHOLD] = "initiative.threshold",
	[AU_INITIATIVE_ANSWER] = "initiative.answer",
	[AU_PLAN_ITEM_ADD] = "plan.item_add",
	[AU_PLAN_ITEM_EDIT] = "plan.item_edit",
	[AU_POLL_RESULTS] = "poll.results",
	[AU_QUESTION_ADD] = "question.add",
	[AU_QUESTION_EDIT] = "question.edit",
	[AU_QUESTION_DELETE] = "question.delete",
	[AU_QUESTION_MOVE] = "question.move",
	[AU_SECTION_ADD] = "section.add",
	[AU_SECTION_DELETE] = "section.delete",
	[AU_VOTE_ATTACH] = "vote.attach",
	[AU_REPORT_SAVE] = "report.save",
	[AU_REPORT_ARTICLE] = "report.article",
	[AU_REPORT_ARTICLE_ADD] = "report.article.add",
	[AU_REPORT_DOCUMENT] = "report.document",
	[AU_REQUEST_CLASSIFY] = "request.classify",
	[AU_REQUEST_FORWARD] = "request.forward",
	[AU_REQUEST_REPLY] = "request.reply",
	[AU_REQUEST_CLOSE] = "request.close",
	[AU_REQUEST_REASSIGN] = "request.reassign",
	[AU_REQUEST_NOTE] = "request.note",
	[AU_REQUEST_REOPEN] = "request.reopen",
	[AU_REQUEST_ESCALATE] = "request.escalate",
	[AU__MAX] = NULL
};

const char *const audit_action_labels[AU__MAX] = {
	[AU_ACTIVITY_SAVE] = N_("Activity saved"),
	[AU_ACTIVITY_DOCUMENT] = N_("Document uploaded"),
	[AU_ACTIVITY_ATTACHMENT] = N_("Supporting document attached"),
	[AU_ACTIVITY_SUBMITTED] = N_("Submitted for review"),
	[AU_ACTIVITY_RETURNED] = N_("Returned to the author"),
	[AU_ACTIVITY_APPROVED] = N_("Forwarded to the liaison officer"),
	[AU_ACTIVITY_SCHEDULED] = N_("Approved for publication"),
	[AU_ACTIVITY_WITHDRAWN] = N_("Withdrawn"),
	[AU_ACTIVITY_OPEN] = N_("Opened for comments"),
	[AU_ACTIVITY_CLOSED] = N_("Closed"),
	[AU_ACTIVITY_ANALYSIS] = N_("Analysis started"),
	[AU_ACTIVITY_REPORT_SUBMITTED] = N_("Report submitted"),
	[AU_ACTIVITY_REPORT_APPROVED] = N_("Report approved"),
	[AU_ACTIVITY_PUBLISHED] = N_("Results published"),
	[AU_ACTIVITY_EXTEND] = N_("Comment period extended"),
	[AU_ACTIVITY_CORRECTION] = N_("Correction proposed"),
	[AU_ACTIVITY_CORRECTION_REJECT] = N_("Correction not approved"),
	[AU_ACTIVITY_VERSION] = N_("Correction approved and published"),
	[AU_ACTIVITY_HANDOVER] = N_("Handed over to the alternate liaison "
	    "officer"),
	[AU_ACTIVITY_RESPONSE] = N_("Inter-agency response sent"),
	[AU_ARTICLE_ADD] = N_("Article added"),
	[AU_ARTICLE_SAVE] = N_("Article saved"),
	[AU_ARTICLE_DELETE] = N_("Article deleted"),
	[AU_ARTICLE_MOVE] = N_("Article moved"),
	[AU_COMMENT_PUBLISH] = N_("Comment published"),
	[AU_COMMENT_REJECT] = N_("Comment not published"),
	[AU_ENTITY_CREATE] = N_("Entity created"),
	[AU_ENTITY_UPDATE] = N_("Entity updated"),
	[AU_ENTITY_LIAISON] = N_("Liaison officer named"),
	[AU_ENTITY_LIAISON_REPLACED] = N_("Liaison officer replaced"),
	[AU_ENTITY_ALTERNATE] = N_("Alternate liaison officer named"),
	[AU_ENTITY_ALTERNATE_REPLACED] = N_("Alternate liaison officer "
	    "replaced"),
	[AU_ENTITY_OFFICIALS] = N_("Entity officials updated"),
	[AU_GROUP_CREATE] = N_("Group created"),
	[AU_GROUP_ADD] = N_("Member added to a group"),
	[AU_GROUP_REMOVE] = N_("Member removed from a group"),
	[AU_HOLIDAY_SET] = N_("Holiday added"),
	[AU_HOLIDAY_DELETE] = N_("Holiday removed"),
	[AU_CALENDAR_WEEKEND] = N_("Weekend days changed"),
	[AU_USER_CREATE] = N_("Account created"),
	[AU_USER_ACTIVATE] = N_("Account activated"),
	[AU_USER_DEACTIVATE] = N_("Account deactivated"),
	[AU_USER_PASSWORD] = N_("Password set by an operator"),
	[AU_USER_2FA_ENABLE] = N_("Second factor turned on"),
	[AU_USER_2FA_DISABLE] = N_("Second factor turned off"),
	[AU_USER_2FA_RECOVERY] = N_("Recovery code used"),
	[AU_USER_2FA_RESET] = N_("Second factor reset by an operator"),
	[AU_ANALYSIS_POSITION] = N_("Agency position on a comment recorded"),
	[AU_ANALYSIS_THEME] = N_("Comment themes recorded"),
	[AU_ANSWER_APPROVE] = N_("Free-text answer published"),
	[AU_ANSWER_REJECT] = N_("Free-text answer not published"),
	[AU_APIKEY_ISSUE] = N_("Open311 API key issued"),
	[AU_APIKEY_REVOKE] = N_("Open311 API key revoked"),
	[AU_BLOG_DRAFT] = N_("Blog article drafted"),
	[AU_BLOG_EDIT] = N_("Blog article edited"),
	[AU_BLOG_PUBLISH] = N_("Blog article published"),
	[AU_BLOG_RETURN] = N_("Blog article returned to its author"),
	[AU_BUDGET_DRAFT] = N_("Participatory budget drafted"),
	[AU_BUDGET_SUBMIT] = N_("Participatory budget submitted for review"),
	[AU_BUDGET_RETURN] = N_("Participatory budget returned to its author"),
	[AU_BUDGET_FORWARD] = N_("Participatory budget forwarded to the "
	    "liaison officer"),
	[AU_BUDGET_APPROVE] = N_("Participatory budget approved"),
	[AU_BUDGET_PROJECT_ADD] = N_("Budget project added by staff"),
	[AU_BUDGET_REVIEW] = N_("Budget project reviewed"),
	[AU_BUDGET_PAPER] = N_("Paper ballots entered"),
	[AU_BUDGET_OVERRIDE] = N_("Budget result overridden, with a public "
	    "reason"),
	[AU_CHARTER_PUBLISH] = N_("Entity charter published"),
	[AU_CONDITION_ADD] = N_("Survey condition added"),
	[AU_CONDITION_DELETE] = N_("Survey condition removed"),
	[AU_INITIATIVE_RULES] = N_("Initiative rules set"),
	[AU_INITIATIVE_ADMIT] = N_("Citizen initiative admitted"),
	[AU_INITIATIVE_REFUSE] = N_("Citizen initiative refused"),
	[AU_INITIATIVE_PAPER] = N_("Paper supports entered"),
	[AU_INITIATIVE_THRESHOLD] = N_("Initiative reached its threshold"),
	[AU_INITIATIVE_ANSWER] = N_("Initiative answered"),
	[AU_PLAN_ITEM_ADD] = N_("Participation plan item added"),
	[AU_PLAN_ITEM_EDIT] = N_("Participation plan item edited"),
	[AU_POLL_RESULTS] = N_("Poll results visibility changed"),
	[AU_QUESTION_ADD] = N_("Survey question added"),
	[AU_QUESTION_EDIT] = N_("Survey question edited"),
	[AU_QUESTION_DELETE] = N_("Survey question removed"),
	[AU_QUESTION_MOVE] = N_("Survey question moved"),
	[AU_SECTION_ADD] = N_("Survey section added"),
	[AU_SECTION_DELETE] = N_("Survey section removed"),
	[AU_VOTE_ATTACH] = N_("Paper votes attached"),
	[AU_REPORT_SAVE] = N_("Analysis report saved"),
	[AU_REPORT_ARTICLE] = N_("Report article saved"),
	[AU_REPORT_ARTICLE_ADD] = N_("Report article added"),
	[AU_REPORT_DOCUMENT] = N_("Report document uploaded"),
	[AU_REQUEST_CLASSIFY] = N_("Request classified"),
	[AU_REQUEST_FORWARD] = N_("Request forwarded to another entity"),
	[AU_REQUEST_REPLY] = N_("Request answered"),
	[AU_REQUEST_CLOSE] = N_("Request closed"),
	[AU_REQUEST_REASSIGN] = N_("Request reassigned"),
	[AU_REQUEST_NOTE] = N_("Internal note added to a request"),
	[AU_REQUEST_REOPEN] = N_("Request reopened after a low rating"),
	[AU_REQUEST_ESCALATE] = N_("Request escalated"),
};

enum audit_action
audit_action(const char *s)
{
	int	 i = s != NULL ? names_find(audit_action_names, AU__MAX, s) : -1;

	return i < 0 ? AU__MAX : (enum audit_action)i;
}

/* The summary cut on a UTF-8 boundary to the column's 1000 characters'
 * worth of bytes; summaries are short by design. */
static void
audit_cut(char *out, const char *summary)
{
	size_t	 n;

	n = strlen(summary ? summary : "");
	if (n > 1000) {
		n = 1000;
		while (n > 0 && ((unsigned char)summary[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(out, summary ? summary : "", n);
	out[n] = '\0';
}

static int
audit_insert(struct db *db, const struct actor *a, const char *action,
    const char *object_type, unsigned long long object_id,
    const char *summary, const char *details)
{
	char	 sum[1001];

	audit_cut(sum, summary);
	if (db_exec(db, SQL_AUDIT_INSERT, DB_ARGS(DB_U(user, a->user_id),
	    DB_S(role, a->role ? a->role : "system"),
	    DB_U(entity, a->entity_id), DB_S(action, action),
	    DB_S(object_type, object_type), DB_U(object_id, object_id),
	    DB_S(summary, sum), DB_S(details, details),
	    DB_S(ip, a->ip ? a->ip : ""))) != 1) {
		log_warnx("%s: %s on %s %llu not recorded", __func__, action,
		    object_type, object_id);
		return -1;
	}
	return 0;
}

int
audit_record(struct db *db, const struct actor *a, const char *action,
    const char *object_type, unsigned long long object_id,
    const char *summary)
{
	return audit_insert(db, a, action, object_type, object_id, summary,
	    NULL);
}

static void
audit_escape(struct buf *b, const char *s)
{
	for (; s != NULL && *s; s++)
		switch (*s) {
		case '\\':	buf_adds(b, "\\\\"); break;
		case '\t':	buf_adds(b, "\\t"); break;
		case '\n':	buf_adds(b, "\\n"); break;
		case '\r':	buf_adds(b, "\\r"); break;
		default:	buf_addc(b, *s); break;
		}
}

int
audit_record_change(struct db *db, struct arena *ar, const struct actor *a,
    const char *action, const char *object_type,
    unsigned long long object_id, const char *summary,
    const struct audit_change *ch, size_t n)
{
	struct buf	 b;
	size_t		 i;

	buf_init(&b, ar);
	for (i = 0; i < n; i++) {
		if (strcmp(ch[i].before ? ch[i].before : "",
		    ch[i].after ? ch[i].after : "") == 0)
			continue;
		audit_escape(&b, ch[i].field);
		buf_addc(&b, '\t');
		audit_escape(&b, ch[i].before);
		buf_addc(&b, '\t');
		audit_escape(&b, ch[i].after);
		buf_addc(&b, '\n');
	}
	return audit_insert(db, a, action, object_type, object_id, summary,
	    b.len > 0 ? b.data : NULL);
}

/* One escaped part of a details line, up to a tab or the line's end;
 * *s moves past it (and its tab). */
static const char *
audit_unescape(struct arena *ar, const char **s)
{
	struct buf	 b;
	const char	*p = *s;

	buf_init(&b, ar);
	for (; *p && *p != '\t' && *p != '\n'; p++) {
		if (*p == '\\' && p[1] != '\0') {
			p++;
			buf_addc(&b, *p == 't' ? '\t' : *p == 'n' ? '\n' :
			    *p == 'r' ? '\r' : *p);
		} else
			buf_addc(&b, *p);
	}
	if (*p == '\t')
		p++;
	*s = p;
	return b.data;
}

struct audit_change *
audit_changes(struct arena *ar, const char *details, size_t *n)
{
	struct audit_change *out;
	const char	*p;
	size_t		 lines = 0, i = 0;

	*n = 0;
	if (details == NULL || *details == '\0')
		return NULL;
	for (p = details; *p; p++)
		if (*p == '\n')
			lines++;
	out = arena_alloc(ar, sizeof(*out) * (lines + 1));
	for (p = details; *p && i <= lines; i++) {
		out[i].field = audit_unescape(ar, &p);
		out[i].before = audit_unescape(ar, &p);
		out[i].after = audit_unescape(ar, &p);
		while (*p && *p != '\n')
			p++;
		if (*p == '\n')
			p++;
	}
	*n = i;
	return out;
}
