/*
 * request.c — see request.h.
 */
#include <ctype.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "calendar.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "kpi.h"
#include "log.h"
#include "names.h"
#include "outbox.h"
#include "request.h"
#include "sql_gen.h"
#include "workflow.h"

/* Marks msgids for scripts/update-po. */
#ifndef N_
#define N_(s)	(s)
#endif

const char *const request_state_names[RQ__MAX] = {
	"received", "classified", "forwarded", "answered", "closed",
	"reopened", "rejected"
};
/* Msgids of their own: "Received" is also the date label of a request
 * ("ورد في", received on), and the catalogues have no contexts. */
const char *const request_state_labels[RQ__MAX] = {
	[RQ_RECEIVED] = N_("New"),
	[RQ_CLASSIFIED] = N_("Classified"),
	[RQ_FORWARDED] = N_("Forwarded"),
	[RQ_ANSWERED] = N_("Replied"),
	[RQ_CLOSED] = N_("Closed"),
	[RQ_REOPENED] = N_("Reopened"),
	[RQ_REJECTED] = N_("Rejected"),
};
const char *const request_priority_names[RP__MAX] = {
	"critical", "high", "medium", "low"
};
const char *const request_priority_labels[RP__MAX] = {
	[RP_CRITICAL] = N_("Critical"),
	[RP_HIGH] = N_("High"),
	[RP_MEDIUM] = N_("Medium"),
	[RP_LOW] = N_("Low"),
};
const char *const request_unit_names[RU__MAX] = { "days", "hours" };
const char *const request_unit_labels[RU__MAX] = {
	[RU_DAYS] = N_("working days"),
	[RU_HOURS] = N_("working hours"),
};

enum request_state
request_state(const char *s)
{
	return (enum request_state)names_find(request_state_names, RQ__MAX, s);
}

int
request_open_state(enum request_state s)
{
	return s == RQ_RECEIVED || s == RQ_CLASSIFIED || s == RQ_FORWARDED ||
	    s == RQ_REOPENED;
}

int
request_step_allowed(enum request_state s, enum request_step step)
{
	switch (step) {
	case RS_CLASSIFY:
	case RS_REASSIGN:
		return request_open_state(s);
	case RS_FORWARD:
		/* Classified first: the unit needs the axis and priority. */
		return request_open_state(s) && s != RQ_RECEIVED;
	case RS_NOTE:
		return s < RQ__MAX;
	case RS_REPLY:
		return (request_open_state(s) && s != RQ_RECEIVED) ||
		    s == RQ_ANSWERED;
	case RS_CLOSE:
		return request_open_state(s) || s == RQ_ANSWERED;
	case RS_RATE:
		return s == RQ_ANSWERED || s == RQ_CLOSED;
	default:
		return 0;
	}
}

enum request_state
request_step_to(enum request_state s, enum request_step step)
{
	switch (step) {
	case RS_CLASSIFY:
		return s == RQ_RECEIVED ? RQ_CLASSIFIED : s;
	case RS_FORWARD:
		return RQ_FORWARDED;
	case RS_REPLY:
		return RQ_ANSWERED;
	case RS_CLOSE:
		return RQ_CLOSED;
	case RS_REASSIGN:
		return RQ_RECEIVED;
	case RS_RATE:
		return RQ_REOPENED;	/* when it reopens */
	default:
		return s;
	}
}

int
request_rating_reopens(int stars)
{
	return stars < 2;
}

time_t
request_deadline(const struct calendar *c, time_t t, int n,
    enum request_unit unit)
{
	long long	 left = (long long)n * 3600;
	long		 day;
	time_t		 next;
	int		 guard = 0;

	if (unit != RU_HOURS)
		return calendar_add_workdays(c, t, n);
	while (left > 0 && guard++ < 3660) {
		day = calendar_day(t);
		next = (time_t)((long long)(day + 1) * 86400 - CAL_TZ_OFFSET);
		if (calendar_is_workday(c, day)) {
			if ((long long)(next - t) >= left)
				return t + (time_t)left;
			left -= next - t;
		}
		t = next;
	}
	return t;
}

/* ---- reference numbers and tracking codes ------------------------- */

static const char crockford[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

int
request_symbol(int ch)
{
	const char	*p;

	ch = toupper((unsigned char)ch);
	if (ch == 'I' || ch == 'L')
		ch = '1';
	else if (ch == 'O')
		ch = '0';
	if (ch == '\0' || (p = strchr(crockford, ch)) == NULL)
		return -1;
	return (int)(p - crockford);
}

/* Multiplication by x in GF(2^5) modulo x^5 + x^2 + 1. */
static int
gf32_times2(int v)
{
	v <<= 1;
	return (v & 0x20) ? (v ^ 0x25) : v;
}

/* Damm's quasigroup of order 32: a∘b = 2a + b (+ is XOR).  Its rows and
 * columns are permutations (a single change is seen) and (c∘a)∘b =
 * (c∘b)∘a only when a = b (a swap is seen); the check symbol k of a
 * body ending in interim i makes i∘k = 0, i.e. k = 2i. */
int
request_damm(const unsigned char *v, size_t n)
{
	int	 i = 0;
	size_t	 k;

	for (k = 0; k < n; k++)
		i = gf32_times2(i) ^ (v[k] & 31);
	return gf32_times2(i);
}

/* The symbols of s (blanks and hyphens skipped) into v, at most max;
 * the count, or -1 on a symbol that is none or too many. */
static int
request_symbols(const char *s, unsigned char *v, int max)
{
	int	 n = 0, x;

	for (; *s != '\0'; s++) {
		if (*s == '-' || *s == ' ' || *s == '\t')
			continue;
		if ((x = request_symbol(*s)) < 0 || n == max)
			return -1;
		v[n++] = (unsigned char)x;
	}
	return n;
}

static void
request_ref_format(const unsigned char *v, char out[REQUEST_REF_LEN])
{
	snprintf(out, REQUEST_REF_LEN, "%s-%c%c%c%c%c-%c%c%c%c%c",
	    REQUEST_REF_PREFIX, crockford[v[0]], crockford[v[1]],
	    crockford[v[2]], crockford[v[3]], crockford[v[4]],
	    crockford[v[5]], crockford[v[6]], crockford[v[7]],
	    crockford[v[8]], crockford[v[9]]);
}

char *
request_ref_new(struct arena *a)
{
	unsigned char	 v[REQUEST_REF_BODY + 1];
	char		*out = arena_alloc(a, REQUEST_REF_LEN);
	int		 k;

	for (k = 0; k < REQUEST_REF_BODY; k++)
		v[k] = (unsigned char)randombytes_uniform(32);
	v[REQUEST_REF_BODY] = (unsigned char)request_damm(v, REQUEST_REF_BODY);
	request_ref_format(v, out);
	return out;
}

enum request_ref
request_ref_parse(const char *s, char out[REQUEST_REF_LEN])
{
	unsigned char	 v[REQUEST_REF_BODY + 1];
	size_t		 pl = strlen(REQUEST_REF_PREFIX);

	if (s == NULL)
		return REF_MALFORMED;
	while (*s == ' ')
		s++;
	/* The prefix may be left out. */
	if (strncasecmp(s, REQUEST_REF_PREFIX, pl) == 0 &&
	    (s[pl] == '-' || s[pl] == ' '))
		s += pl + 1;
	if (request_symbols(s, v, REQUEST_REF_BODY + 1) !=
	    REQUEST_REF_BODY + 1)
		return REF_MALFORMED;
	if (request_damm(v, REQUEST_REF_BODY + 1) != 0)
		return REF_BADCHECK;
	request_ref_format(v, out);
	return REF_OK;
}

/* The hash of a code's symbols (as values, so any spelling of one code
 * gives one hash). */
static void
request_code_digest(const unsigned char *v, unsigned char hash[32])
{
	char	 canon[REQUEST_CODE_SYMBOLS + 1];
	int	 k;

	for (k = 0; k < REQUEST_CODE_SYMBOLS; k++)
		canon[k] = crockford[v[k]];
	canon[k] = '\0';
	crypto_hash_sha256(hash, (const unsigned char *)canon,
	    REQUEST_CODE_SYMBOLS);
}

char *
request_code_new(struct arena *a, unsigned char hash[32])
{
	unsigned char	 v[REQUEST_CODE_SYMBOLS];
	char		*out = arena_alloc(a, REQUEST_CODE_LEN), *w = out;
	int		 k;

	for (k = 0; k < REQUEST_CODE_SYMBOLS; k++) {
		v[k] = (unsigned char)randombytes_uniform(32);
		if (k > 0 && k % 4 == 0)
			*w++ = '-';
		*w++ = crockford[v[k]];
	}
	*w = '\0';
	request_code_digest(v, hash);
	return out;
}

int
request_code_hash(const char *s, unsigned char hash[32])
{
	unsigned char	 v[REQUEST_CODE_SYMBOLS];

	if (s == NULL || request_symbols(s, v, REQUEST_CODE_SYMBOLS) !=
	    REQUEST_CODE_SYMBOLS)
		return -1;
	request_code_digest(v, hash);
	return 0;
}

/* ---- personal data -------------------------------------------------- */

/* Fields are joined by the unit separator, which declared input never
 * lets through (control characters are refused). */
#define SEAL_SEP	'\x1f'

int
request_seal(struct arena *a, const unsigned char key[32],
    const struct requester *p, unsigned char nonce[24], unsigned char **ct,
    size_t *ctlen)
{
	const char	*f[4] = { p->name, p->email, p->mobile, p->location };
	char		*plain;
	size_t		 n = 0, k;
	int		 i;

	for (i = 0; i < 4; i++)
		n += (f[i] ? strlen(f[i]) : 0) + 1;
	plain = arena_alloc(a, n);
	for (i = 0, k = 0; i < 4; i++) {
		if (f[i] != NULL) {
			memcpy(plain + k, f[i], strlen(f[i]));
			k += strlen(f[i]);
		}
		plain[k++] = SEAL_SEP;
	}
	k--;		/* no separator after the last */
	randombytes_buf(nonce, crypto_secretbox_NONCEBYTES);
	*ctlen = k + crypto_secretbox_MACBYTES;
	*ct = arena_alloc(a, *ctlen);
	if (crypto_secretbox_easy(*ct, (const unsigned char *)plain, k, nonce,
	    key) != 0)
		return -1;
	sodium_memzero(plain, n);
	return 0;
}

int
request_unseal(struct arena *a, const unsigned char key[32],
    const unsigned char *ct, size_t ctlen, const unsigned char *nonce,
    struct requester *p)
{
	const char	**f[4] = { &p->name, &p->email, &p->mobile,
	    &p->location };
	char		*plain, *s, *e;
	size_t		 n;
	int		 i;

	memset(p, 0, sizeof(*p));
	if (ct == NULL || nonce == NULL || ctlen < crypto_secretbox_MACBYTES)
		return -1;
	n = ctlen - crypto_secretbox_MACBYTES;
	plain = arena_alloc(a, n + 1);
	if (crypto_secretbox_open_easy((unsigned char *)plain, ct, ctlen,
	    nonce, key) != 0)
		return -1;
	plain[n] = '\0';
	for (i = 0, s = plain; i < 4 && s != NULL; i++) {
		if ((e = strchr(s, SEAL_SEP)) != NULL)
			*e++ = '\0';
		*f[i] = *s != '\0' ? s : NULL;
		s = e;
	}
	return 0;
}

/* ---- escalation ------------------------------------------------------ */

int
request_escalation_level(const struct calendar *c, int level, time_t due,
    time_t level1_at, time_t now, int level2_days)
{
	if (level <= 0)
		return due != 0 && now > due ? 1 : 0;
	if (level == 1 && level1_at != 0 &&
	    calendar_workdays_between(c, level1_at, now) >= level2_days &&
	    now > level1_at)
		return 2;
	return level;
}

time_t
request_tick_now(int argc, char **argv)
{
	struct tm	 tm;
	const char	*s;
	char		*end;
	int		 i;

	for (i = 1; i < argc; i++) {
		if (strncmp(argv[i], "--now=", 6) != 0)
			continue;
		s = argv[i] + 6;
		memset(&tm, 0, sizeof(tm));
		if ((end = strptime(s, "%Y-%m-%dT%H:%M", &tm)) == NULL)
			return (time_t)-1;
		if (*end == ':' && (end = strptime(end, ":%S", &tm)) == NULL)
			return (time_t)-1;
		if (*end == 'Z')
			end++;
		if (*end != '\0')
			return (time_t)-1;
		return timegm(&tm);
	}
	return time(NULL);
}

/* "YYYY-MM-DD HH:MM:SS" (UTC) of t, arena-owned. */
static const char *
request_sqltime(struct arena *a, time_t t)
{
	struct tm	 tm;
	char		*s = arena_alloc(a, 20);

	gmtime_r(&t, &tm);
	strftime(s, 20, "%Y-%m-%d %H:%M:%S", &tm);
	return s;
}

/* The messages of each level: subject and body (msgids; {1} the
 * reference number, {2} the entity, {3} the due date, {4} the desk's
 * address), and the words of the timeline. */
static const struct {
	const char	*subject, *body, *event;
} escalation_texts[2] = {
	{ N_("Sharek: request {1} is late (escalation level 1)"),
	  N_("Request {1} to {2} was due on {3} and has not been answered. "
	     "It is escalated to you as the entity's secretary-general "
	     "(level 1):\n\n{4}"),
	  N_("Escalated automatically to level 1 (the entity's "
	     "secretary-general): the reply is late.") },
	{ N_("Sharek: request {1} is still late (escalation level 2)"),
	  N_("Request {1} to {2} was due on {3}, was escalated to the "
	     "secretary-general and is still not answered.  It is escalated "
	     "to you as minister of the sector (level 2) and to the central "
	     "operations room:\n\n{4}"),
	  N_("Escalated automatically to level 2 (the minister of the "
	     "sector) and the central operations room.") },
};

struct late {
	struct arena		*a;
	unsigned long long	 id, entity;
	int			 cycle, level;
	const char		*ref, *now;
	time_t			 due;
	const char		*entity_ar, *entity_en;
	const char		*name, *email, *mobile;
	int			 done;
};

/* Both languages in one message, Arabic first: the officials have no
 * account, so no language of their own.  sep joins them: a blank line
 * in a body, " — " in a subject (a mail header is one line). */
static const char *
request_bilingual(struct arena *a, const char *msgid, const struct late *l,
    const char *url, const char *sep)
{
	struct buf	 ar, en;

	/* The due date as each language writes it, in the deployment's
	 * zone, as the pages show it. */
	buf_init(&ar, a);
	buf_init(&en, a);
	i18n_datetime_tz(&ar, "ar", l->due);
	i18n_datetime_tz(&en, "en", l->due);
	return arena_printf(a, "%s%s%s",
	    i18n_subst(a, i18n_get("ar", msgid), l->ref, l->entity_ar, ar.data,
	    url, NULL), sep,
	    i18n_subst(a, i18n_get("en", msgid), l->ref, l->entity_en, en.data,
	    url, NULL));
}

static int
request_escalate_tx(struct db *db, void *arg)
{
	struct late	*l = arg;
	struct actor	 sys = { 0, "system", l->entity, NULL };
	const char	*url, *body;
	long long	 n;
	int		 k = l->level - 1;

	l->done = 0;
	n = db_exec(db, SQL_REQUEST_ESCALATION_INSERT, DB_ARGS(
	    DB_U(request, l->id), DB_I(cycle, l->cycle), DB_I(level, l->level),
	    DB_S(at, l->now), DB_U(entity, l->entity), DB_S(name, l->name),
	    DB_S(email, l->email), DB_S(mobile, l->mobile)));
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;	/* the other tick took it */
	if (request_kpi(db, l->id, -1) == -1 ||
	    db_exec(db, SQL_REQUEST_ESCALATE, DB_ARGS(DB_U(id, l->id),
	    DB_I(level, l->level), DB_S(at, l->now))) != 1 ||
	    request_kpi(db, l->id, 1) == -1)
		return -1;
	/* The body is the msgid: the timeline shows a system step in its
	 * reader's language (complaints_show). */
	if (db_exec(db, SQL_REQUEST_EVENT_INSERT, DB_ARGS(
	    DB_U(request, l->id), DB_S(at, l->now), DB_NULL(actor),
	    DB_S(role, "system"), DB_S(kind, "escalation"), DB_NULL(from_state),
	    DB_NULL(to_state), DB_I(public, 1),
	    DB_S(body, escalation_texts[k].event))) != 1)
		return -1;
	if (audit_record(db, &sys, "request.escalate", "request", l->id,
	    arena_printf(l->a, "level %d: %s", l->level,
	    l->name ? l->name : "(no official named)")) == -1)
		return -1;
	url = arena_printf(l->a, "%s/complaints/desk/requests/%llu",
	    conf_get("app", "base_url", ""), l->id);
	body = request_bilingual(l->a, escalation_texts[k].body, l, url,
	    "\n\n");
	if (l->email != NULL && *l->email != '\0' && outbox_email(db,
	    l->email, request_bilingual(l->a, escalation_texts[k].subject, l,
	    url, " — "), body) == -1)
		return -1;
	if (l->mobile != NULL && *l->mobile != '\0' && outbox_sms(db,
	    l->mobile, body) == -1)
		return -1;
	if ((l->email == NULL || *l->email == '\0') &&
	    (l->mobile == NULL || *l->mobile == '\0'))
		log_warnx("%s: request %llu escalated to level %d but entity "
		    "%llu names no official", __func__, l->id, l->level,
		    l->entity);
	l->done = 1;
	return 0;
}

int
request_tick(struct db *db, struct arena *a, time_t now)
{
	struct calendar	*cal = arena_zalloc(a, sizeof(*cal));
	struct dbres	*res, *set;
	struct late	 l;
	const char	*snow;
	int		 n = 0, level, days = 2, pass;

	if (now == (time_t)-1) {
		log_warnx("%s: --now is not YYYY-MM-DDTHH:MM[:SS]", __func__);
		return -1;
	}
	if (calendar_load(db, a, cal) == -1)
		return -1;
	if ((set = db_query(db, a, SQL_SETTING_GET, DB_ARGS(
	    DB_S(name, "escalation_level2_working_days")))) == NULL)
		return -1;
	if (dbres_next(set) && dbres_int(set, SETTING_GET_VALUE) > 0)
		days = (int)dbres_int(set, SETTING_GET_VALUE);
	snow = request_sqltime(a, now);
	/* Level 2 first, so a request is not told twice in one run. */
	for (pass = 2; pass >= 1; pass--) {
		res = db_query(db, a, SQL_REQUEST_LATE, DB_ARGS(
		    DB_S(now, snow), DB_I(level, pass - 1),
		    DB_I(min_days, pass == 2 ? days : 0),
		    DB_I(limit, REQUEST_TICK_BATCH)));
		if (res == NULL)
			return -1;
		while (dbres_next(res)) {
			level = request_escalation_level(cal, pass - 1,
			    dbres_time(res, REQUEST_LATE_DUE_AT),
			    dbres_time(res, REQUEST_LATE_ESCALATED_AT1), now,
			    days);
			if (level != pass)
				continue;
			memset(&l, 0, sizeof(l));
			l.a = a;
			l.now = snow;
			l.level = level;
			l.id = dbres_u(res, REQUEST_LATE_ID);
			l.entity = dbres_u(res, REQUEST_LATE_ENTITY_ID);
			l.cycle = (int)dbres_int(res, REQUEST_LATE_CYCLE);
			l.ref = dbres_str(res, REQUEST_LATE_REF_NO);
			l.due = dbres_time(res, REQUEST_LATE_DUE_AT);
			l.entity_ar = dbres_str(res, REQUEST_LATE_ENTITY_NAME_AR);
			l.entity_en = dbres_str(res, REQUEST_LATE_ENTITY_NAME_EN);
			l.name = dbres_str(res, level == 1 ?
			    REQUEST_LATE_SG_NAME : REQUEST_LATE_MINISTER_NAME);
			l.email = dbres_str(res, level == 1 ?
			    REQUEST_LATE_SG_EMAIL : REQUEST_LATE_MINISTER_EMAIL);
			l.mobile = dbres_str(res, level == 1 ?
			    REQUEST_LATE_SG_MOBILE :
			    REQUEST_LATE_MINISTER_MOBILE);
			if (db_tx(db, request_escalate_tx, &l) != 0) {
				log_warnx("%s: request %llu not escalated",
				    __func__, l.id);
				return -1;
			}
			n += l.done;
		}
	}
	return n;
}

int
request_kpi(struct db *db, unsigned long long id, int sign)
{
	if (db_exec(db, sign > 0 ? SQL_REQUEST_KPI_ADD : SQL_REQUEST_KPI_SUB,
	    DB_ARGS(DB_U(id, id))) < 0)
		return -1;
	/* And the dashboard's summary tables (kpi.h). */
	return kpi_request(db, id, sign);
}
