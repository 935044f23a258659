/*
 * request.h — the rules of complaints and requests (domain.md §5,
 * Bekhedmetkom; Tawasul art. 5-د, 5-ط): reference numbers and tracking
 * codes, the time-frame matrix on the working-day calendar, the states
 * of a request and the steps that move it, ratings that reopen, the
 * two-level escalation run by sharekctl tick, and the sealing of the
 * requester's personal data.
 *
 * Reference numbers ("SH-7K3MQ-9QX2P") are a Crockford base32 body of
 * REQUEST_REF_BODY random symbols (45 bits: no sequential id in it,
 * nothing to enumerate) and one check symbol of the same alphabet by
 * Damm's algorithm over GF(32) (x∘y = 2x + y), which catches every
 * single mistyped symbol and every swap of two adjacent ones.  Typing
 * is forgiving: case, blanks and hyphens do not matter, I and L read as
 * 1 and O as 0 (Crockford).
 */
#ifndef SHAREK_REQUEST_H
#define SHAREK_REQUEST_H

#include <stddef.h>
#include <time.h>

struct arena;
struct calendar;
struct db;

#define REQUEST_REF_PREFIX	"SH"
#define REQUEST_REF_BODY	9		/* random symbols */
#define REQUEST_REF_LEN		15		/* "SH-XXXXX-XXXXX" + NUL */
#define REQUEST_CODE_SYMBOLS	20		/* tracking code: 100 bits */
#define REQUEST_CODE_LEN	25		/* "XXXX-XXXX-…" + NUL */

/* Art. 5-ط: a request about the portal is answered within 5 working
 * days, by the ministry that runs it. */
#define REQUEST_PORTAL_DAYS	5
/* Requests looked at per tick for each escalation level. */
#define REQUEST_TICK_BATCH	500

enum request_state {
	RQ_RECEIVED,
	RQ_CLASSIFIED,
	RQ_FORWARDED,
	RQ_ANSWERED,
	RQ_CLOSED,
	RQ_REOPENED,
	RQ_REJECTED,
	RQ__MAX
};
/* The stored names (requests.state) and their msgids, by state. */
extern const char *const request_state_names[RQ__MAX];
extern const char *const request_state_labels[RQ__MAX];
/* The state named s; RQ__MAX for none. */
enum request_state request_state(const char *s);

/* What the handling desk (and the requester, RS_RATE) does. */
enum request_step {
	RS_CLASSIFY,	/* correct type and axis, set the priority */
	RS_FORWARD,	/* to a sub-department of the entity */
	RS_NOTE,	/* internal note, never shown to the requester */
	RS_REPLY,	/* public reply */
	RS_CLOSE,
	RS_REASSIGN,	/* operations room: to another entity */
	RS_RATE,	/* the requester rates the reply */
	RS__MAX
};
/* Whether step may be taken in state s. */
int		 request_step_allowed(enum request_state s, enum request_step);
/* The state after step in state s (s itself when the step moves
 * nothing, e.g. a note); for RS_RATE see request_rating_reopens. */
enum request_state request_step_to(enum request_state s, enum request_step);
/* Open: the clock of its due date runs (late ones escalate). */
int		 request_open_state(enum request_state);
/* A rating of stars (1–5) below 2 reopens the request and sends it to
 * the operations room. */
int		 request_rating_reopens(int stars);

/* Priorities (requests.priority, sla_matrix.priority), most urgent
 * first, and their msgids. */
enum request_priority { RP_CRITICAL, RP_HIGH, RP_MEDIUM, RP_LOW, RP__MAX };
extern const char *const request_priority_names[RP__MAX];
extern const char *const request_priority_labels[RP__MAX];

/* The unit of a limit of the matrix (sla_matrix.unit). */
enum request_unit { RU_DAYS, RU_HOURS, RU__MAX };
extern const char *const request_unit_names[RU__MAX];
extern const char *const request_unit_labels[RU__MAX];

/*
 * The due date of a limit counted from t on calendar c: n working days
 * (the same time on the n-th working day after t's), or n working hours
 * (hours that fall on working days; a weekend or holiday stops the
 * clock).  n ≥ 0.
 */
time_t		 request_deadline(const struct calendar *c, time_t t, int n,
		    enum request_unit);

/*
 * Reference numbers.  request_ref_new: a fresh one (arena-owned).
 * request_ref_parse: the canonical form of what was typed into out, or
 * REF_MALFORMED (not the right symbols or length) / REF_BADCHECK (a
 * symbol mistyped: the check fails).
 */
enum request_ref { REF_OK, REF_MALFORMED, REF_BADCHECK };
char		*request_ref_new(struct arena *);
enum request_ref request_ref_parse(const char *s, char out[REQUEST_REF_LEN]);
/* The check symbol's value (0–31) of body values v[0..n), each 0–31. */
int		 request_damm(const unsigned char *v, size_t n);
/* The Crockford value (0–31) of symbol ch, or -1. */
int		 request_symbol(int ch);

/*
 * Tracking codes of anonymous reports: request_code_new gives a fresh
 * code to show once (arena-owned) and its hash to store;
 * request_code_hash the hash of a typed code (normalised as reference
 * numbers are): 0, or -1 when it cannot be a code.
 */
char		*request_code_new(struct arena *, unsigned char hash[32]);
int		 request_code_hash(const char *s, unsigned char hash[32]);

/*
 * The requester's personal data, sealed with crypto_secretbox under the
 * deployment key (auth_key()) before it reaches the database.
 */
struct requester {
	const char	*name;
	const char	*email;
	const char	*mobile;
	const char	*location;	/* place name or coordinates */
};
/* Seals p: *ct (arena-owned, *ctlen bytes) and nonce.  0 or -1. */
int		 request_seal(struct arena *, const unsigned char key[32],
		    const struct requester *p, unsigned char nonce[24],
		    unsigned char **ct, size_t *ctlen);
/* Opens what request_seal made into p (arena-owned strings).  0, or -1
 * when it does not open (another key, altered data). */
int		 request_unseal(struct arena *, const unsigned char key[32],
		    const unsigned char *ct, size_t ctlen,
		    const unsigned char *nonce, struct requester *p);

/*
 * Escalation (domain.md §5): an open request past its due date goes to
 * level 1 (the entity's secretary-general); still open level2_days
 * working days after level 1, to level 2 (the minister of the sector).
 * request_escalation_level: the level a request at level (0, 1) should
 * now be at, on calendar c.
 */
int		 request_escalation_level(const struct calendar *c, int level,
		    time_t due, time_t level1_at, time_t now, int level2_days);
/* Escalates what is due at now (each level exactly once per cycle, even
 * with two ticks at once: a unique key decides), telling the official
 * by e-mail and SMS and recording it on the timeline and in the audit
 * log; returns the number escalated, or -1 (logged). */
int		 request_tick(struct db *, struct arena *, time_t now);
/* The time sharekctl tick runs for: --now=YYYY-MM-DDTHH:MM[:SS] (UTC)
 * among args, else the clock; (time_t)-1 for a malformed one. */
time_t		 request_tick_now(int argc, char **argv);

/* Adds (sign 1) or removes (sign -1) request id's contribution to the
 * KPI aggregates (kpi_daily, and kpi.h's summary tables): call with -1 before changing a request
 * and 1 after, in the same transaction.  0 or -1. */
int		 request_kpi(struct db *, unsigned long long id, int sign);

#endif
