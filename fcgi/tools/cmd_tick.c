/*
 * cmd_tick.c — `sharekctl tick`: the scheduled work, run every minute by
 * the stack (or a systemd timer in production).  Each job is idempotent
 * and bounded, so a late or doubled tick is harmless.
 *
 * A tick may run on every host at once (issue 18): each job is claimed
 * by its row of tick_claims for as long as it runs (TICK_JOB: a lease of
 * TICK_LEASE seconds held by host:pid, migration 0029), so two ticks
 * never run one job at the same time; a tick that finds a job claimed
 * leaves it to the holder.  Within a job, each item is done once by its
 * own rows (an escalation level, a state change, a report period, a
 * reminder period, an outbox message's claim).  The upload sweep is a
 * host's own (its files) and runs on each.
 */
#include <stdio.h>

#include "analysis.h"
#include "claim.h"
#include "compliance.h"
#include "db.h"
#include "handover.h"
#include "initiative.h"
#include "kpi.h"
#include "log.h"
#include "outbox.h"
#include "request.h"
#include "workflow.h"
#include "sql_gen.h"
#include "tool.h"

#define TICK_LEASE	300	/* seconds a job is claimed for */

static int	 tick_claim_failed;

/* Claims job for this tick: 1 ours, 0 another tick's (or the database
 * failed: tick_unclaimed says which). */
static int
tick_claim(struct tool *t, const char *job)
{
	const char	*me = claim_me(), *holder;
	struct dbres	*res;
	long long	 n;

	tick_claim_failed = 0;
	if (db_exec(t->db, SQL_TICK_CLAIM_ROW, DB_ARGS(DB_S(job, job))) < 0 ||
	    (res = db_query(t->db, t->a, SQL_TICK_HOLDER, DB_ARGS(
	    DB_S(job, job)))) == NULL) {
		tick_claim_failed = 1;
		return 0;
	}
	holder = dbres_next(res) ? dbres_str(res, TICK_HOLDER_CLAIMED_BY) :
	    NULL;
	n = db_exec(t->db, SQL_TICK_CLAIM, DB_ARGS(DB_S(job, job),
	    DB_S(me, me), DB_I(seconds, TICK_LEASE),
	    DB_S(dead, claim_gone(holder) ? holder : "")));
	if (n < 0) {
		/* A Galera certification conflict: another node's tick
		 * took it at the same moment. */
		if (db_errno(t->db) == DB_ER_DEADLOCK)
			return 0;
		tick_claim_failed = 1;
		return 0;
	}
	return n == 1;
}

static long long
tick_release(struct tool *t, const char *job, long long rc)
{
	if (db_exec(t->db, SQL_TICK_RELEASE, DB_ARGS(DB_S(job, job),
	    DB_S(me, claim_me()))) != 1)
		log_warnx("%s: %s: the claim was not ours any more", __func__,
		    job);
	return rc;
}

static long long
tick_unclaimed(void)
{
	return tick_claim_failed ? -1 : 0;
}

/* Runs call (a job's count, or -1) only when this tick claims job; 0
 * when another tick holds it. */
/* The expired rows of the kernel's tables: the sessions removed, or
 * -1. */
static long long
tick_purge(struct tool *t)
{
	long long	 n;

	if ((n = db_exec(t->db, SQL_SESSION_PURGE, DB_NOARGS)) < 0 ||
	    db_exec(t->db, SQL_NONCE_PURGE, DB_NOARGS) < 0 ||
	    db_exec(t->db, SQL_LOGIN_ATTEMPTS_PURGE, DB_NOARGS) < 0 ||
	    db_exec(t->db, SQL_RATE_LIMIT_PURGE, DB_NOARGS) < 0 ||
	    db_exec(t->db, SQL_COMMENT_RATE_PURGE, DB_NOARGS) < 0)
		return -1;
	return n;
}

#define TICK_JOB(t, job, call) (tick_claim((t), (job)) ? \
	tick_release((t), (job), (long long)(call)) : tick_unclaimed())

int
cmd_tick(struct tool *t, int argc, char **argv)
{
	long long	 n;
	int		 failed = 0, bad = 0;

	(void)argc;
	(void)argv;
	/* Open and close first: their notices go out in this same tick. */
	if ((n = TICK_JOB(t, "workflow", workflow_tick(t->db, t->a))) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld consultations opened or closed\n", n);
	/* Art. 9-ج: closed ones enter analysis; every report owed keeps its
	 * deadline and days late current (analysis_tick). */
	if ((n = TICK_JOB(t, "analysis", analysis_tick(t->db, t->a))) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld analyses started or deadlines updated\n",
		    n);
	/* Art. 6-ب, before delivery: the alternate's e-mail goes out in
	 * this tick. */
	if ((n = TICK_JOB(t, "handover", handover_tick(t->db, t->a))) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld waits handed over to alternate liaison "
		    "officers\n", n);
	/* Late requests: level 1, then level 2, each once (request.h). */
	if (TICK_JOB(t, "requests", request_tick(t->db, t->a,
	    request_tick_now(argc, argv))) < 0)
		failed = 1;
	if (TICK_JOB(t, "kpi", kpi_tick(t->db, t->a,
	    request_tick_now(argc, argv))) < 0)	/* periodic reports (kpi.h) */
		failed = 1;
	if (TICK_JOB(t, "reminders", compliance_remind(t->db, t->a,
	    request_tick_now(argc, argv))) < 0)	/* quota reminders (compliance.h) */
		failed = 1;
	if (TICK_JOB(t, "initiatives", initiative_tick(t->db, t->a,
	    request_tick_now(argc, argv))) < 0)	/* initiatives: periods ended, answers late (initiative.h) */
		failed = 1;
	if ((n = TICK_JOB(t, "purge", tick_purge(t))) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld expired sessions removed\n", n);
	if (sweep_uploads(t) < 0)	/* orphan files (cmd_sweep.c) */
		failed = 1;
	n = TICK_JOB(t, "outbox", outbox_deliver(t->db, t->a, &bad));
	if (n < 0)
		failed = 1;
	else if (n > 0 || bad > 0)
		printf("tick: %lld messages delivered, %d failed for good\n",
		    n, bad);
	return failed;
}
