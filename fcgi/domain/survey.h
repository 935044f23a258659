/*
 * survey.h — the rules of surveys and polls (issue 12; Tawasul art. 2):
 * question kinds, the condition graph (validated on save: only earlier
 * questions, no self-reference, no cycle), which questions a respondent
 * is shown given the answers (evaluated by the server, a hidden source
 * counting as unanswered), the validation of each answer, and the
 * aggregates of a results page (mean, median, average position).
 * The pure rules come first; the database side (survey_load,
 * survey_submit, poll_vote) at the end.
 */
#ifndef SHAREK_SURVEY_H
#define SHAREK_SURVEY_H

#include <stddef.h>

enum q_kind {
	QK_SINGLE,
	QK_MULTIPLE,
	QK_TEXT,		/* short text, one line */
	QK_SCALE,		/* 1–5 or 1–10, labelled ends */
	QK_LONGTEXT,
	QK_NUMBER,		/* an integer in [num_min, num_max] */
	QK_DATE,
	QK_YESNO,
	QK_RANKING,		/* every option given a distinct position */
	QK_MATRIX,		/* rows × one option per row */
	QK__MAX
};
/* Names as stored (NULL-terminated: PT_ENUM choices), label msgids. */
extern const char *const q_kind_names[QK__MAX + 1];
extern const char *const q_kind_labels[QK__MAX];
enum q_kind	 survey_kind(const char *);
/* Whether the kind takes options (choices, ranking, matrix columns). */
int		 survey_kind_has_options(enum q_kind);

enum cond_op { SC_EQ, SC_NE, SC_CONTAINS, SC__MAX };
extern const char *const cond_op_names[SC__MAX + 1];
extern const char *const cond_op_labels[SC__MAX];
enum cond_op	 survey_op(const char *);

/* Limits of the builder and of answers. */
#define SV_MAXQ		200	/* questions of one survey */
#define SV_MAXOPT	50	/* options of a question */
#define SV_MAXROWS	30	/* rows of a matrix */
#define SV_TEXT_MAX	500	/* characters of a short text answer */
#define SV_LONGTEXT_MAX	5000

/* One question as the rules see it; ids are the database's. */
struct sv_question {
	unsigned long long	 id;
	unsigned long long	 section_id;	/* 0: none */
	enum q_kind		 kind;
	int			 required;
	long long		 lo, hi;	/* scale / number range;
						   multiple: min/max
						   selections (0: none) */
	int			 nopt;
	const unsigned long long *opt;	/* option ids */
	int			 nrows;
	const unsigned long long *rows;	/* matrix row ids */
};

/* A condition: target is a question (question_id) or a section. */
struct sv_cond {
	unsigned long long	 question_id;	/* 0 for a section */
	unsigned long long	 section_id;	/* 0 for a question */
	unsigned long long	 source_id;
	enum cond_op		 op;
	const char		*value;
};

/* A survey: questions in the order respondents see them (sections in
 * order, questions in order within each), sections in order. */
struct survey {
	int			 nq;
	const struct sv_question *q;
	int			 nsec;
	const unsigned long long *sec;
	int			 nc;
	const struct sv_cond	*c;
};

/* One question's answer as sent: the values of its fields.  Single,
 * text, scale, number, date, yes/no: one value; multiple: option ids;
 * ranking: "OPTION:POSITION" each; matrix: "ROW:OPTION" each. */
struct sv_answer {
	int		 n;
	const char *const *v;
};

/* Why a condition is refused on save. */
enum cond_problem {
	CP_OK,
	CP_SELF,		/* the question depends on itself */
	CP_NO_SOURCE,		/* the source is not a question of the survey */
	CP_LATER,		/* the source does not come before the target */
	CP_CYCLE,		/* the graph would have a cycle */
	CP_BAD_VALUE,		/* the value cannot be an answer of the source */
	CP_BAD_OP,		/* "contains" on a source with one value */
	CP_BAD_SOURCE,		/* a ranking or a matrix */
	CP__MAX
};
/* Message msgids by enum cond_problem (CP_OK: NULL). */
extern const char *const cond_problem_msgs[CP__MAX];

/* Checks the whole condition graph of s; returns CP_OK or the first
 * problem, with *at the index of the condition (may be NULL). */
enum cond_problem survey_check_graph(const struct survey *, int *at);
/* Whether c can be added to s (the graph of s plus c). */
enum cond_problem survey_check_cond(const struct survey *,
		    const struct sv_cond *);
/* Index of question id in s, or -1. */
int		 survey_index(const struct survey *, unsigned long long id);

/* Which questions are shown given the answers (ans parallel to s->q):
 * vis[i] = 1 when question i's section is shown and every condition of
 * its section and of itself holds on answers of questions that are
 * themselves shown (a hidden answer never drives a later one).  A
 * condition on an unanswered source does not hold. */
void		 survey_visible(const struct survey *,
		    const struct sv_answer *ans, int *vis);
/* Whether one condition holds on the source's answer. */
int		 survey_cond_holds(const struct sv_question *src,
		    const struct sv_cond *, const struct sv_answer *);
/* Whether any value was given (blank strings are none). */
int		 survey_answered(const struct sv_answer *);

/* Why an answer is refused. */
enum answer_problem {
	AN_OK,
	AN_REQUIRED,
	AN_ONE,			/* more than one value */
	AN_OPTION,		/* not one of the options */
	AN_TOO_FEW,		/* fewer selections than the minimum ({1}) */
	AN_TOO_MANY,		/* more than the maximum ({1}) */
	AN_TOO_LONG,		/* more characters than allowed ({1}) */
	AN_RANGE,		/* a number outside [{1}, {2}] */
	AN_NUMBER,		/* not a whole number */
	AN_DATE,		/* not a date */
	AN_YESNO,
	AN_RANK,		/* positions not 1..n, each once */
	AN_ROWS,		/* a matrix row unanswered or twice */
	AN__MAX
};
/* Message msgids by enum answer_problem ({1}, {2}: survey_check_answer's
 * *a1, *a2). */
extern const char *const answer_problem_msgs[AN__MAX];
/* Checks the answer to question q (shown); *a1 and *a2 get the numbers
 * the message names. */
enum answer_problem survey_check_answer(const struct sv_question *,
		    const struct sv_answer *, long long *a1, long long *a2);

/* Parses "A:B" into two ids; 0 or -1. */
int		 survey_pair(const char *, unsigned long long *a,
		    unsigned long long *b);
/* Parses a whole number (optional sign, digits); 0 or -1. */
int		 survey_int(const char *, long long *);

/* Aggregates from a distribution: values v[i] with counts n[i] (sorted
 * by value, any order of n); the mean times 100 (rounded), and the
 * median times 2 (the mean of the two middle values when the count is
 * even, so the halves stay exact).  0 for no answers. */
long long	 survey_mean100(const long long *v, const long long *n,
		    int count);
long long	 survey_median2(const long long *v, const long long *n,
		    int count);
/* A share as a percentage with one decimal, times 10 (0..1000 when
 * part <= whole; 0 for whole 0). */
long long	 survey_permille(long long part, long long whole);


/* A question as the builder defines it (counts of the lines given). */
struct qdef {
	enum q_kind	 kind;
	int		 nopt, nopt_en;		/* options, their English labels */
	int		 nrows, nrows_en;	/* matrix rows */
	long long	 scale_max;		/* 5 or 10 (from 1) */
	long long	 num_min, num_max;
	long long	 min_choices, max_choices;	/* 0: no bound */
};
enum qdef_problem {
	QD_OK,
	QD_KIND,
	QD_OPTIONS,		/* a choice needs 2 to SV_MAXOPT options */
	QD_OPTIONS_EN,		/* as many English labels as Arabic ones */
	QD_ROWS,		/* a matrix needs 1 to SV_MAXROWS rows */
	QD_ROWS_EN,
	QD_SCALE,		/* 1–5 or 1–10 */
	QD_RANGE,		/* number: minimum below maximum */
	QD_CHOICES,		/* selections: 0 ≤ min ≤ max ≤ options */
	QD__MAX
};
extern const char *const qdef_problem_msgs[QD__MAX];
enum qdef_problem survey_check_qdef(const struct qdef *);
/* The first of n labels (an option's or a row's, one a line) that
 * repeats an earlier one, ignoring case and the spaces around it; NULL
 * when they all differ (identical answers make results unreadable). */
const char	*survey_repeated(const char *const *labels, int n);
/* Answer fields a survey may have (a question one, a matrix one per
 * row): the form's slots (public.h SV_SLOTS). */
#define SV_MAXSLOTS	200

/* ------------------------------------------------------------------ */
/* The database side. */

struct db;
struct arena;
struct dbres;

struct sv_text {
	const char	*ar, *en;
};

/* What a page shows of question i besides its rules. */
struct sv_qinfo {
	struct sv_text	 text, low, high;	/* scale ends */
	int		 section;	/* index in def->s.sec, or -1 */
	int		 position;
	const struct sv_text *opt;	/* labels, parallel to q.opt */
	const struct sv_text *row;	/* labels, parallel to q.rows */
};

/* A survey as loaded: the rules' view (s) and the texts (qi, sec_*),
 * all owned by the arena; conditions' ids parallel to s.c. */
struct survey_def {
	struct survey		 s;
	struct sv_question	*q;
	struct sv_qinfo		*qi;
	struct sv_text		*sec_title, *sec_intro;
	struct sv_cond		*c;
	unsigned long long	*cond_id;
};

/* Loads the survey of activity id (five statements): 0 or -1. */
int		 survey_load(struct db *, struct arena *, unsigned long long id,
		    struct survey_def *);

enum sv_result {
	SV_OK,
	SV_CHANGED,		/* stored, replacing the reader's earlier one */
	SV_NOT_OPEN,		/* not open (any more) */
	SV_NOT_FOUND,
	SV_ERROR
};
/* Stores user's response to activity id inside the caller's transaction:
 * the answers of the questions shown (vis), an empty row for each one
 * shown and left unanswered, nothing for the hidden ones (their answers
 * are discarded).  A second response of the same account replaces the
 * first while open (the change recorded); the aggregates follow in the
 * same transaction.  A constant number of statements per answer row,
 * whatever the number of responses. */
enum sv_result	 survey_submit(struct db *, struct arena *,
		    unsigned long long id, unsigned long long user,
		    const struct survey_def *, const struct sv_answer *,
		    const int *vis);

/* A vote on a draft attached to a consultation (activity_votes). */
enum vote_choice { VC_FOR, VC_AGAINST, VC_ABSTAIN, VC__MAX };
extern const char *const vote_choice_names[VC__MAX + 1];
extern const char *const vote_choice_labels[VC__MAX];
/* Stores (or changes, while open) user's vote on activity id, the
 * counters in the same transaction, inside the caller's transaction.
 * SV_OK, SV_CHANGED, SV_NOT_OPEN, SV_NOT_FOUND (no vote attached),
 * SV_ERROR. */
enum sv_result	 poll_vote(struct db *, struct arena *, unsigned long long id,
		    unsigned long long user, enum vote_choice,
		    const char *reason);

/* The moderation state of a free-text answer (answers.text_status), its
 * stored names and the staff's labels, by the enum. */
enum text_status { TS_PENDING, TS_APPROVED, TS_REJECTED, TS__MAX };
extern const char *const text_status_names[TS__MAX + 1];
extern const char *const text_status_labels[TS__MAX];
/* The state named s, or TS__MAX when s names none. */
enum text_status survey_text_status(const char *);

/* The moderation of free-text answers (issue 12, like comments: Tawasul
 * art. 9-ب): approves (reason 0) or rejects with the published principle
 * reason (checked by the caller, moderation_reason_ok) each of the n text
 * answers ids of activity id, inside the caller's transaction; one not
 * pending or not the activity's is counted in *skipped, the others
 * audited (answer.approve, answer.reject) and counted in *done.  0, or -1
 * on a database error. */
struct actor;
int		 survey_text_decide(struct db *, const struct actor *,
		    unsigned long long activity, unsigned long long user,
		    int reject, long long reason,
		    const unsigned long long *ids, int n, int *done,
		    int *skipped);

#endif
