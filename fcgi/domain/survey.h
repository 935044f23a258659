/*
 * survey.h — the rules of surveys and polls (issue 12; Tawasul art. 2):
 * question kinds, the condition graph (validated on save: only earlier
 * questions, no self-reference, no cycle), which questions a respondent
 * is shown given the answers (evaluated by the server, a hidden source
 * counting as unanswered), the validation of each answer, and the
 * aggregates of a results page (mean, median, average position).
 * Pure functions here; the database side is in survey_db.c.
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
	AP_OK,
	AP_REQUIRED,
	AP_ONE,			/* more than one value */
	AP_OPTION,		/* not one of the options */
	AP_TOO_FEW,		/* fewer selections than the minimum ({1}) */
	AP_TOO_MANY,		/* more than the maximum ({1}) */
	AP_TOO_LONG,		/* more characters than allowed ({1}) */
	AP_RANGE,		/* a number outside [{1}, {2}] */
	AP_NUMBER,		/* not a whole number */
	AP_DATE,		/* not a date */
	AP_YESNO,
	AP_RANK,		/* positions not 1..n, each once */
	AP_ROWS,		/* a matrix row unanswered or twice */
	AP__MAX
};
/* Message msgids by enum answer_problem ({1}, {2}: survey_check_answer's
 * *a1, *a2). */
extern const char *const answer_problem_msgs[AP__MAX];
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

#endif
