/*
 * handover.h — the alternate liaison officer takes over (domain.md §1;
 * Tawasul art. 6-ب): what has waited on an entity's primary liaison
 * officer for 2 working days (a final approval, the publication of a
 * report, the entity's response to an inter-agency consultation) passes
 * to the alternate, who is told by e-mail; the hand-over is on the
 * activity's history and in the audit log.  Run by sharekctl tick.
 */
#ifndef SHAREK_HANDOVER_H
#define SHAREK_HANDOVER_H

#include <time.h>

struct arena;
struct calendar;
struct db;

/* Working days a wait lasts before the alternate takes over. */
#define HANDOVER_WORKDAYS	2
/* Waits looked at per run (the oldest first; the next tick goes on). */
#define HANDOVER_BATCH		500

/* Whether a wait that began at since has lasted HANDOVER_WORKDAYS
 * working days at now, on calendar c. */
int		 handover_is_due(const struct calendar *c, time_t since,
		    time_t now);
/* Hands over every wait that is due, each in its own transaction;
 * returns the number handed over, or -1 on a database error (logged).
 * Memory from arena a. */
int		 handover_tick(struct db *, struct arena *);

/* What waits on the primary liaison officer, by liaison_handovers.kind. */
enum handover_kind {
	HK_APPROVAL,		/* the final approval of a forwarded activity */
	HK_PUBLICATION,		/* the publication of an approved report */
	HK_RESPONSE,		/* an inter-agency response of a target */
	HK__MAX
};
/* Why the alternate may not act yet (a msgid), for WF_NOT_YET. */
extern const char handover_not_yet[];
/* Whether user, as alternate liaison officer of entity (0: the entity
 * of activity), must still leave what waits on activity (kind k) to
 * the primary: 1 while the entity has an active primary and the wait
 * has not been handed over to user (art. 6-ب), else 0; -1 on a
 * database error.  Memory from arena a. */
int		 handover_waiting(struct db *, struct arena *,
		    unsigned long long activity, unsigned long long entity,
		    unsigned long long user, enum handover_kind k);

#endif
