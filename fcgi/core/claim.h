/*
 * claim.h — who holds a lease on scheduled work (issue 18): the tick's
 * jobs (tick_claims, fcgi/tools/cmd_tick.c) and the outbox's messages
 * (outbox.claimed_by, outbox.c) are claimed by "host:pid" for a while.
 * A claim whose lease is past is free; so is one held by a process of
 * this host that is gone (a tick killed mid-batch), so a restarted tick
 * takes it over at once instead of waiting out the lease.
 */
#ifndef SHAREK_CLAIM_H
#define SHAREK_CLAIM_H

/* This process as a claimer: "host:pid" (static storage). */
const char	*claim_me(void);
/* 1 when holder ("host:pid") names a process of this host that no
 * longer runs; 0 otherwise (another host's, alive, or not of that
 * form).  holder may be NULL. */
int		 claim_gone(const char *holder);

#endif
