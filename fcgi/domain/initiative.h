/*
 * initiative.h — citizen initiatives (issue 19; domain.md §2, the Oman
 * plan's collaboration axis: citizens propose community projects).
 *
 * A signed-in user drafts an initiative addressed to an entity, with
 * co-promoters who confirm through a signed link sent by e-mail, and
 * submits it.  The entity's liaison officer (ACT_ACTIVITY_APPROVE)
 * admits it or refuses it with a public reason within admit_days
 * working days.  An admitted initiative collects supports — one per
 * account, and paper supports entered by staff in batches — for
 * support_days calendar days; reaching the threshold obliges the entity
 * to answer within answer_days working days (initiative_tick keeps the
 * days late current), and the answer and its outcome are published.
 * Each entity may set the four numbers (initiative_rules); otherwise
 * the INI_DEFAULT_* below apply.  Promoters, and for the answer the
 * supporters too, are told through the outbox in their language.
 */
#ifndef SHAREK_INITIATIVE_H
#define SHAREK_INITIATIVE_H

#include <time.h>

struct actor;
struct arena;
struct calendar;
struct db;
struct dbres;

enum ini_state {
	INI_DRAFT,	/* co-promoters asked; the author submits */
	INI_PENDING,	/* submitted: to admit or refuse by admit_due */
	INI_PUBLISHED,	/* admitted: collecting supports until close */
	INI_REJECTED,	/* refused, with a public reason */
	INI_THRESHOLD,	/* threshold reached: answer owed by answer_due */
	INI_ANSWERED,	/* the entity's answer and outcome published */
	INI_CLOSED,	/* the period ended below the threshold */
	INI__MAX
};
/* "draft", "pending", "published", "rejected", "threshold", "answered",
 * "closed", NULL: the stored names. */
extern const char *const ini_state_names[INI__MAX + 1];
extern const char *const ini_state_labels[INI__MAX];	/* msgids */

enum ini_outcome { IO_ADOPTED, IO_PARTLY, IO_DECLINED, IO__MAX };
extern const char *const ini_outcome_names[IO__MAX + 1];
extern const char *const ini_outcome_labels[IO__MAX];

#define INI_CATEGORIES	8
extern const char *const ini_category_names[INI_CATEGORIES + 1];
extern const char *const ini_category_labels[INI_CATEGORIES];

#define INI_DEFAULT_ADMIT_DAYS		10	/* working days */
#define INI_DEFAULT_SUPPORT_DAYS	90	/* calendar days */
#define INI_DEFAULT_THRESHOLD		500
#define INI_DEFAULT_ANSWER_DAYS		20	/* working days */
#define INI_MAX_PROMOTERS		5

struct ini_rules {
	int	 admit_days, support_days, threshold, answer_days;
	int	 custom;	/* the entity set them (else the defaults) */
};

/* One initiative as stored (shape "initiative" of initiative.sql).  The
 * strings belong to the result they were read from. */
struct initiative {
	unsigned long long	 id, entity_id, author_id;
	const char		*title, *body, *ask, *category, *lang;
	enum ini_state		 state;
	long long		 supporters;	/* online */
	long long		 paper;		/* entered by staff */
	long long		 threshold;	/* 0 before admission */
	time_t			 created, submitted, admit_due, decided;
	time_t			 supports_open, supports_close, reached;
	time_t			 answer_due, replied;	/* 0: none */
	int			 days_late;	/* of the answer owed */
	const char		*refuse_reason, *reply_ar, *reply_en;
	int			 outcome;	/* enum ini_outcome, -1 none */
	const char		*entity_slug, *entity_name_ar, *entity_name_en;
	const char		*author_name;
};

/* The state named s; INI__MAX for an unknown name. */
enum ini_state	 initiative_state(const char *s);
/* Whether anyone may read it (every state past its admission). */
int		 initiative_public(enum ini_state);
/* Reads the current row of a result of shape "initiative". */
void		 initiative_fill(const struct dbres *, struct initiative *);
/* Loads initiative id into *ini: 0, 1 when there is none, -1 error. */
int		 initiative_load(struct db *, struct arena *,
		    unsigned long long id, struct initiative *);
/* The rules of entity (the defaults where it has set none): 0 or -1. */
int		 initiative_rules(struct db *, struct arena *,
		    unsigned long long entity, struct ini_rules *);

/* Pure rules, for the pages and the unit test. */
/* Supports that count toward the threshold: online and paper. */
long long	 initiative_total(const struct initiative *);
/* The share of the threshold reached, 0–100 (0 without a threshold). */
int		 initiative_progress(long long total, long long threshold);
/* When the liaison officer must have decided: admit_days working days
 * after submitted, on calendar c. */
time_t		 initiative_admit_due(const struct calendar *, time_t submitted,
		    const struct ini_rules *);
/* When the answer is due: answer_days working days after reached. */
time_t		 initiative_answer_due(const struct calendar *, time_t reached,
		    const struct ini_rules *);
/* Working days an answer due at due is late at now (0 when not late). */
int		 initiative_days_late(const struct calendar *, time_t due,
		    time_t now);

/*
 * Writes.  Each runs inside the caller's transaction (http_form_tx or
 * the tick) and writes its audit record and its mails there too.  They
 * return 1 done, 0 not possible in the initiative's state (nothing
 * written), -1 error.
 */
/* A draft or a new initiative goes to the entity (admit_due set). */
int		 initiative_submit(struct db *, struct arena *,
		    const struct initiative *, time_t now);
/* One support of user: 1 stored, 0 already supported (stored once),
 * 2 not collecting supports; the threshold is checked in the same
 * transaction. */
int		 initiative_support(struct db *, struct arena *,
		    const struct initiative *, unsigned long long user,
		    time_t now);
/* A batch of n paper supports entered by actor (audited
 * initiative.paper), then the threshold checked. */
int		 initiative_paper(struct db *, struct arena *,
		    const struct actor *, const struct initiative *,
		    const char *batch, int n, time_t now);
/* The liaison officer's decision (audited initiative.admit /
 * initiative.refuse); promoters told. */
int		 initiative_admit(struct db *, struct arena *,
		    const struct actor *, const struct initiative *,
		    time_t now);
int		 initiative_refuse(struct db *, struct arena *,
		    const struct actor *, const struct initiative *,
		    const char *reason);
/* The entity's answer and outcome (audited initiative.answer); the
 * promoters and the supporters told. */
int		 initiative_answer(struct db *, struct arena *,
		    const struct actor *, const struct initiative *,
		    const char *reply_ar, const char *reply_en,
		    enum ini_outcome);
/* Asks email to confirm as co-promoter: stores the name and queues the
 * signed link (initiative_promoter_sig).  0 or -1. */
int		 initiative_invite(struct db *, struct arena *,
		    const struct initiative *, const char *email,
		    const char *author_name);
/* The signature of a co-promoter's link (hex, arena-owned). */
const char	*initiative_promoter_sig(struct arena *, unsigned long long id,
		    const char *email);
/* The co-promoter of initiative id whose link carries sig (their
 * address, arena-owned), or NULL for none (or an error). */
const char	*initiative_promoter_find(struct db *, struct arena *,
		    unsigned long long id, const char *sig);

/* `sharekctl tick`: closes the support periods that ended below the
 * threshold (promoters told) and keeps the days late of every answer
 * owed current.  The number of rows changed, or -1. */
long long	 initiative_tick(struct db *, struct arena *, time_t now);

#endif
