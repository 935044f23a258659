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
