/*
 * audit.h — the append-only audit log of staff actions (domain.md §4:
 * "every step is recorded (who, when, what changed) — the ministry
 * reports on it").  The database account of the programs may INSERT and
 * SELECT audit_log but never UPDATE or DELETE it.
 */
#ifndef SHAREK_AUDIT_H
#define SHAREK_AUDIT_H

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

#endif
