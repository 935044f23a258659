/*
 * moderation.h — the moderation of comments (Tawasul art. 9-ب, 8-هـ):
 * who moderates which comments, the published principles a rejection
 * names, and the decisions, made in bulk in one transaction with the
 * counters moved and the commenter told.
 */
#ifndef SHAREK_MODERATION_H
#define SHAREK_MODERATION_H

#include "perm.h"

struct actor;
struct arena;
struct db;

enum mod_action {
	MA_PUBLISH,
	MA_REJECT,		/* names the principle it does not meet */
	MA__MAX
};

/* Names as forms send them (NULL-terminated: PT_ENUM choices). */
extern const char *const mod_action_names[MA__MAX + 1];

/* Who moderates: a supervisor the comments on the activities he
 * authored, coordinators and liaison officers every queue of their
 * entity (all). */
struct moderator {
	const struct actor	*actor;		/* for the audit log */
	unsigned long long	 user_id;
	unsigned long long	 entity_id;
	int			 all;
};

/* Whether a member of staff in this role sees every queue of the
 * entity (ACT_MODERATE_ALL). */
int		 moderation_sees_all(enum role);
/* 1 when reason is an active published moderation principle, 0 when
 * not, -1 on a database error. */
int		 moderation_reason_ok(struct db *, struct arena *,
		    long long reason);
/*
 * Publishes or rejects (with reason, checked by the caller) each of the
 * n comments ids, inside the caller's transaction: a comment the
 * moderator may not moderate, or already moderated, is left alone and
 * counted in *skipped; the others are decided, the activity's and the
 * article's counters moved, the commenter told in his language (links
 * under base_url), each decision audited, and counted in *done.  0, or
 * -1 on a database error (logged; the caller rolls back).
 */
int		 moderation_decide(struct db *, struct arena *,
		    const struct moderator *, enum mod_action,
		    long long reason, const char *base_url,
		    const unsigned long long *ids, int n, int *done,
		    int *skipped);

#endif
