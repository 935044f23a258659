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

/* Queues a message; 0 or -1.  Call inside the caller's transaction. */
int	outbox_email(struct db *, const char *to, const char *subject,
	    const char *body);
int	outbox_sms(struct db *, const char *to, const char *body);
/* Delivers what is due; returns the number delivered, or -1.  *failed
 * gets the number that failed for good this time. */
int	outbox_deliver(struct db *, struct arena *, int *failed);

#endif
