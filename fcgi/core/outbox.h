/*
 * outbox.h — every e-mail and SMS is a row of the outbox, written in the
 * same transaction as the event that caused it; `sharekctl tick`
 * delivers them (outbox_deliver) with retries and back-off.
 *
 * Delivery: [mail] command / [sms] command receive the message on
 * standard input (sendmail -t style for mail: headers then body; for SMS
 * the recipient is the first argument… see conf/sharek.ini.in).  With no
 * command (development and tests) each message becomes a file under
 * var/mail/ or var/sms/ named after its id, so a retried delivery never
 * makes two.
 */
#ifndef SHAREK_OUTBOX_H
#define SHAREK_OUTBOX_H

struct db;
struct arena;

/* Queues a message: 0 queued, 1 not queued because the recipient had
 * its OUTBOX_MAX_PER_HOUR already this hour ([mail]
 * max_per_recipient_hour; logged), -1 error.  Whatever causes it — a
 * visitor typing an address into a form, a workflow notice — one
 * address gets no more than that, so a flood through any page ends
 * here.  Call inside the caller's transaction (the recipient's counter
 * stays locked until it ends, and a rollback uncounts the message). */
int	outbox_email(struct db *, const char *to, const char *subject,
	    const char *body);
int	outbox_sms(struct db *, const char *to, const char *body);
#define OUTBOX_MAX_PER_HOUR	10

/*
 * Counters of what visitors make the portal do (rate_limits,
 * sql/migrations/0007_rate_limits.sql), for the forms that send mail to
 * a typed address and for the cap above.  key names the purpose and the
 * value ("forgot:email:x@y", "forgot:ip:192.0.2.1"); only its hash is
 * stored.  A window lasts OUTBOX_LIMIT_MINUTES from its first hit.
 *
 * outbox_limit_hit counts one hit and returns the hits of the current
 * window, this one included, with the seconds left in the window in
 * *left; call it inside the caller's transaction (concurrent hits on
 * one key wait for each other; a rollback uncounts the hit).
 * outbox_limit_peek returns the hits so far without counting (0 when
 * the window has passed), e.g. before costly work.  Both -1 on error.
 */
#define OUTBOX_LIMIT_MINUTES	60
long long outbox_limit_hit(struct db *, struct arena *, const char *key,
	    long *left);
long long outbox_limit_peek(struct db *, struct arena *, const char *key,
	    long *left);
/* Delivers what is due; returns the number delivered, or -1.  *failed
 * gets the number that failed for good this time. */
int	outbox_deliver(struct db *, struct arena *, int *failed);

#endif
