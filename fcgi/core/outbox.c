/*
 * outbox.c — see outbox.h.
 */
#include <ctype.h>
#include <errno.h>
#include <fcntl.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <sys/wait.h>
#include <time.h>
#include <unistd.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "claim.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "names.h"
#include "outbox.h"
#include "sql_gen.h"

#define OUTBOX_BATCH		100
#define OUTBOX_MAX_ATTEMPTS	8
#define OUTBOX_LEASE_SECONDS	600	/* a message claimed for sending */

/* The channels, as the outbox table names them. */
enum outbox_channel {
	OC_EMAIL,
	OC_SMS,
	OC__MAX
};
static const char *const outbox_channels[OC__MAX] = { "email", "sms" };

static enum outbox_channel
outbox_channel(const char *s)
{
	return (enum outbox_channel)names_find(outbox_channels, OC__MAX, s);
}

static void
outbox_key(const char *key, unsigned char h[32])
{
	crypto_generichash(h, 32, (const unsigned char *)key, strlen(key),
	    NULL, 0);
}

long long
outbox_limit_hit(struct db *db, struct arena *a, const char *key,
    long *left)
{
	unsigned char	 h[32];

	outbox_key(key, h);
	if (db_exec(db, SQL_RATE_LIMIT_HIT, DB_ARGS(DB_B(key_hash, h,
	    sizeof(h)), DB_I(minutes, OUTBOX_LIMIT_MINUTES))) < 0)
		return -1;
	/* The row is there now, locked by this transaction. */
	return outbox_limit_peek(db, a, key, left);
}

long long
outbox_limit_peek(struct db *db, struct arena *a, const char *key,
    long *left)
{
	unsigned char	 h[32];
	struct dbres	*res;

	outbox_key(key, h);
	*left = 0;
	res = db_query(db, a, SQL_RATE_LIMIT_GET, DB_ARGS(DB_B(key_hash, h,
	    sizeof(h)), DB_I(minutes, OUTBOX_LIMIT_MINUTES)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	*left = (long)dbres_int(res, RATE_LIMIT_GET_LEFT_SECONDS);
	return dbres_int(res, RATE_LIMIT_GET_HITS);
}

static int
outbox_queue(struct db *db, enum outbox_channel ch, const char *to,
    const char *subject, const char *body)
{
	struct arena	*a;
	const char	*key;
	char		*p;
	long long	 n;
	long		 left;

	if (to == NULL)
		return -1;
	/* The recipient's counter, whatever the case it was typed in.  No
	 * arena comes with a message: a small one of its own. */
	a = arena_new(1024);
	key = p = arena_printf(a, "outbox:%s:%s", outbox_channels[ch], to);
	for (; *p != '\0'; p++)
		*p = (char)tolower((unsigned char)*p);
	n = outbox_limit_hit(db, a, key, &left);
	arena_free(a);
	if (n == -1)
		return -1;
	if (n > conf_int("mail", "max_per_recipient_hour",
	    OUTBOX_MAX_PER_HOUR)) {
		log_warnx("%s: %s message %lld to one recipient this hour: "
		    "not queued", __func__, outbox_channels[ch], n);
		return 1;
	}
	return db_exec(db, SQL_OUTBOX_INSERT, DB_ARGS(
	    DB_S(channel, outbox_channels[ch]), DB_S(recipient, to),
	    DB_S(subject, subject), DB_S(body, body))) == 1 ? 0 : -1;
}

int
outbox_email(struct db *db, const char *to, const char *subject,
    const char *body)
{
	return outbox_queue(db, OC_EMAIL, to, subject, body);
}

int
outbox_sms(struct db *db, const char *to, const char *body)
{
	return outbox_queue(db, OC_SMS, to, NULL, body);
}

/* Bytes of text in one RFC 2047 encoded-word: 45 encode to 60, so a
 * word with its =?UTF-8?B?…?= stays within the RFC's 75 characters. */
#define OUTBOX_WORD_BYTES	45

/* RFC 2047 for a header that may hold Arabic.  A header is one line:
 * a line break in s (a subject written on two lines) becomes one space;
 * a long text is cut between characters into several encoded-words on
 * folded lines, which a reader joins into the one line it was. */
static void
outbox_header_word(struct buf *b, const char *s)
{
	const char	*p;
	size_t		 n, elen;
	char		*enc, *one, *w;
	int		 ascii = 1;

	one = w = arena_alloc(b->a, strlen(s) + 1);
	for (p = s; *p; p++) {
		if (*p != '\r' && *p != '\n')
			*w++ = *p;
		else if (w > one && w[-1] != ' ')
			*w++ = ' ';
	}
	*w = '\0';
	for (p = one; *p; p++)
		if ((unsigned char)*p >= 0x80)
			ascii = 0;
	if (ascii) {
		buf_adds(b, one);
		return;
	}
	elen = sodium_base64_ENCODED_LEN(OUTBOX_WORD_BYTES,
	    sodium_base64_VARIANT_ORIGINAL);
	enc = arena_alloc(b->a, elen);
	for (p = one; *p; p += n) {
		n = strlen(p);
		if (n > OUTBOX_WORD_BYTES) {
			/* Not inside a UTF-8 sequence. */
			for (n = OUTBOX_WORD_BYTES; n > 1 &&
			    ((unsigned char)p[n] & 0xc0) == 0x80; n--)
				;
		}
		sodium_bin2base64(enc, elen, (const unsigned char *)p, n,
		    sodium_base64_VARIANT_ORIGINAL);
		buf_printf(b, "%s=?UTF-8?B?%s?=", p == one ? "" : "\n ", enc);
	}
}

/* 1 when the file at path holds the line "To: to" and body. */
static int
outbox_file_has(struct arena *a, const char *path, const char *to,
    const char *body)
{
	struct buf	 b;
	char		 chunk[8192];
	const char	*line;
	ssize_t		 n;
	int		 fd;

	if ((fd = open(path, O_RDONLY)) == -1)
		return 0;
	buf_init(&b, a);
	while ((n = read(fd, chunk, sizeof(chunk))) > 0)
		buf_add(&b, chunk, (size_t)n);
	close(fd);
	if (n < 0 || b.data == NULL)
		return 0;
	line = arena_printf(a, "To: %s\n", to);
	return strncmp(b.data, line, strlen(line)) == 0 &&
	    strstr(b.data, body) != NULL;
}

static int
outbox_file(struct arena *a, const char *dir, const char *id,
    const char *to, const char *body, const char *text, size_t len)
{
	char	*path, *tmp;
	int	 fd;

	mkdir(dir, 0750);
	path = arena_printf(a, "%s/%s.%s", dir, id,
	    strstr(dir, "mail") ? "eml" : "txt");
	/* There already, with this message's recipient and text: a
	 * delivery that died before it marked the row sent wrote it (the
	 * rename is atomic, so it is whole).  It is delivered; not a
	 * second time. */
	if (outbox_file_has(a, path, to, body)) {
		log_warnx("%s: %s was delivered before, not again", __func__,
		    path);
		return 0;
	}
	tmp = arena_printf(a, "%s.tmp", path);
	if ((fd = open(tmp, O_WRONLY | O_CREAT | O_TRUNC, 0640)) == -1) {
		log_warn("%s: %s", __func__, tmp);
		return -1;
	}
	if (write(fd, text, len) != (ssize_t)len || fsync(fd) == -1) {
		log_warn("%s: %s", __func__, tmp);
		close(fd);
		unlink(tmp);
		return -1;
	}
	close(fd);
	/* Atomic: a reader never sees half a message. */
	if (rename(tmp, path) == -1) {
		log_warn("%s: rename", __func__);
		return -1;
	}
	return 0;
}

/* Pipes text to a shell command; the recipient is in $SHAREK_TO and
 * the message's outbox id in $SHAREK_OUTBOX_ID, a key with which a
 * gateway can drop a message it was given before (a delivery that died
 * after the command took the message and before the row was marked
 * sent gives it again after the restart). */
static int
outbox_command(const char *cmd, const char *id, const char *to,
    const char *text, size_t len)
{
	FILE	*p;
	int	 st;

	setenv("SHAREK_TO", to, 1);
	setenv("SHAREK_OUTBOX_ID", id, 1);
	if ((p = popen(cmd, "w")) == NULL) {
		unsetenv("SHAREK_TO");
		unsetenv("SHAREK_OUTBOX_ID");
		return -1;
	}
	fwrite(text, 1, len, p);
	st = pclose(p);
	unsetenv("SHAREK_TO");
	unsetenv("SHAREK_OUTBOX_ID");
	return st == 0 ? 0 : -1;
}

int
outbox_deliver(struct db *db, struct arena *a, int *failed)
{
	struct dbres	*res;
	const char	*var = conf_get("app", "var", "var");
	const char	*me = claim_me();
	int		 sent = 0;

	*failed = 0;
	/* Claims of a delivery of this host that is gone (killed mid-
	 * batch) are free again at once. */
	if ((res = db_query(db, a, SQL_OUTBOX_CLAIMERS, DB_NOARGS)) == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *who = dbres_str(res, OUTBOX_CLAIMERS_CLAIMED_BY);
		if (claim_gone(who) && db_exec(db, SQL_OUTBOX_UNCLAIM,
		    DB_ARGS(DB_S(who, who))) > 0)
			log_warnx("%s: messages claimed by %s (gone) taken "
			    "over", __func__, who);
	}
	res = db_query(db, a, SQL_OUTBOX_DUE, DB_ARGS(
	    DB_I(limit, OUTBOX_BATCH)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *id = dbres_str(res, OUTBOX_DUE_ID);
		unsigned long long oid = dbres_u(res, OUTBOX_DUE_ID);
		const char *to = dbres_str(res, OUTBOX_DUE_RECIPIENT);
		const char *subject = dbres_str(res, OUTBOX_DUE_SUBJECT);
		const char *body = dbres_str(res, OUTBOX_DUE_BODY);
		long long attempts = dbres_int(res, OUTBOX_DUE_ATTEMPTS);
		int email = outbox_channel(dbres_str(res,
		    OUTBOX_DUE_CHANNEL)) == OC_EMAIL, rc;
		const char *cmd = conf_get(email ? "mail" : "sms", "command",
		    "");
		struct buf msg;
		char date[64];
		time_t now = time(NULL);
		struct tm tm;

		/* Claim the row so a concurrent delivery (another host)
		 * does not send it too: only the claimer sends and marks
		 * it. */
		if (db_exec(db, SQL_OUTBOX_LEASE, DB_ARGS(DB_S(me, me),
		    DB_I(seconds, OUTBOX_LEASE_SECONDS), DB_U(id, oid))) != 1)
			continue;
		buf_init(&msg, a);
		if (email) {
			gmtime_r(&now, &tm);
			strftime(date, sizeof(date),
			    "%a, %d %b %Y %H:%M:%S +0000", &tm);
			buf_printf(&msg, "To: %s\nFrom: %s\nSubject: ", to,
			    conf_get("mail", "from",
			    "Sharek <no-reply@sharek.test>"));
			outbox_header_word(&msg, subject ? subject : "");
			buf_printf(&msg, "\nDate: %s\nMessage-ID: "
			    "<outbox-%s@sharek>\nMIME-Version: 1.0\n"
			    "Content-Type: text/plain; charset=UTF-8\n"
			    "Content-Transfer-Encoding: 8bit\n\n%s\n", date,
			    id, body);
		} else
			buf_printf(&msg, "To: %s\n\n%s\n", to, body);
		if (cmd == NULL || *cmd == '\0')
			rc = outbox_file(a, arena_printf(a, "%s/%s", var,
			    email ? "mail" : "sms"), id, to, body, msg.data,
			    msg.len);
		else
			rc = outbox_command(cmd, id, to, msg.data, msg.len);
		if (rc == 0) {
			if (db_exec(db, SQL_OUTBOX_SENT, DB_ARGS(DB_U(id, oid),
			    DB_S(me, me))) != 1)
				log_warnx("%s: message %s sent, but its claim "
				    "had passed to another delivery", __func__,
				    id);
			sent++;
			continue;
		}
		/* Back-off: 1, 2, 4 … minutes; then failed for good, where
		 * the ministry sees it. */
		if (attempts + 1 >= OUTBOX_MAX_ATTEMPTS) {
			db_exec(db, SQL_OUTBOX_FAILED, DB_ARGS(
			    DB_S(error, "delivery command failed"),
			    DB_U(id, oid), DB_S(me, me)));
			(*failed)++;
		} else
			db_exec(db, SQL_OUTBOX_RETRY, DB_ARGS(
			    DB_I(minutes, 1LL << attempts),
			    DB_S(error, "delivery command failed"),
			    DB_U(id, oid), DB_S(me, me)));
	}
	return sent;
}
