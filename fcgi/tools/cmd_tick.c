/*
 * cmd_tick.c — `sharekctl tick`: the scheduled work, run every minute by
 * the stack (or a systemd timer in production).  Each job is idempotent
 * and bounded, so a late or doubled tick is harmless.
 */
#include <stdio.h>

#include "analysis.h"
#include "compliance.h"
#include "db.h"
#include "handover.h"
#include "initiative.h"
#include "kpi.h"
#include "outbox.h"
#include "request.h"
#include "workflow.h"
#include "sql_gen.h"
#include "tool.h"

int
cmd_tick(struct tool *t, int argc, char **argv)
{
	long long	 n;
	int		 failed = 0, bad = 0;

	(void)argc;
	(void)argv;
	/* Open and close first: their notices go out in this same tick. */
	if ((n = workflow_tick(t->db, t->a)) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld consultations opened or closed\n", n);
	/* Art. 9-ج: closed ones enter analysis; every report owed keeps its
	 * deadline and days late current (analysis_tick). */
	if ((n = analysis_tick(t->db, t->a)) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld analyses started or deadlines updated\n",
		    n);
	/* Art. 6-ب, before delivery: the alternate's e-mail goes out in
	 * this tick. */
	if ((n = handover_tick(t->db, t->a)) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld waits handed over to alternate liaison "
		    "officers\n", n);
	/* Late requests: level 1, then level 2, each once (request.h). */
	if (request_tick(t->db, t->a, request_tick_now(argc, argv)) < 0)
		failed = 1;
	if (kpi_tick(t->db, t->a, request_tick_now(argc, argv)) < 0)	/* periodic reports (kpi.h) */
		failed = 1;
	if (compliance_remind(t->db, t->a, request_tick_now(argc, argv)) < 0)	/* quota reminders (compliance.h) */
		failed = 1;
	if (initiative_tick(t->db, t->a, request_tick_now(argc, argv)) < 0)	/* initiatives: periods ended, answers late (initiative.h) */
		failed = 1;
	if ((n = db_exec(t->db, SQL_SESSION_PURGE, DB_NOARGS)) < 0)
		failed = 1;
	else if (n > 0)
		printf("tick: %lld expired sessions removed\n", n);
	if (db_exec(t->db, SQL_NONCE_PURGE, DB_NOARGS) < 0 ||
	    db_exec(t->db, SQL_LOGIN_ATTEMPTS_PURGE, DB_NOARGS) < 0 ||
	    db_exec(t->db, SQL_RATE_LIMIT_PURGE, DB_NOARGS) < 0)
		failed = 1;
	if (sweep_uploads(t) < 0)	/* orphan files (cmd_sweep.c) */
		failed = 1;
	n = outbox_deliver(t->db, t->a, &bad);
	if (n < 0)
		failed = 1;
	else if (n > 0 || bad > 0)
		printf("tick: %lld messages delivered, %d failed for good\n",
		    n, bad);
	return failed;
}
