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

#endif
