/*
 * survey.c — the pure rules of surveys and polls (survey.h): conditions,
 * visibility, answers, aggregates.  No database, no HTTP.
 */
#include <limits.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include <time.h>

#include "activity.h"
#include "arena.h"
#include "audit.h"
#include "db.h"
#include "names.h"
#include "sql_gen.h"
#include "survey.h"
#include "utf8.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const q_kind_names[QK__MAX + 1] = {
	[QK_SINGLE] = "single", [QK_MULTIPLE] = "multiple",
	[QK_TEXT] = "text", [QK_SCALE] = "scale",
	[QK_LONGTEXT] = "longtext", [QK_NUMBER] = "number",
	[QK_DATE] = "date", [QK_YESNO] = "yesno", [QK_RANKING] = "ranking",
	[QK_MATRIX] = "matrix", NULL
};
const char *const q_kind_labels[QK__MAX] = {
	[QK_SINGLE] = N_("Single choice"),
	[QK_MULTIPLE] = N_("Multiple choice"),
	[QK_TEXT] = N_("Short text"),
	[QK_SCALE] = N_("Scale"),
	[QK_LONGTEXT] = N_("Long text"),
	[QK_NUMBER] = N_("Number"),
	[QK_DATE] = N_("Date"),
	[QK_YESNO] = N_("Yes or no"),
	[QK_RANKING] = N_("Ranking"),
	[QK_MATRIX] = N_("Matrix"),
};
const char *const cond_op_names[SC__MAX + 1] = {
	[SC_EQ] = "eq", [SC_NE] = "ne", [SC_CONTAINS] = "contains", NULL
};
const char *const cond_op_labels[SC__MAX] = {
	[SC_EQ] = N_("equals"),
	[SC_NE] = N_("does not equal"),
	[SC_CONTAINS] = N_("contains"),
};
const char *const cond_problem_msgs[CP__MAX] = {
	[CP_OK] = NULL,
	[CP_SELF] = N_("A question cannot depend on its own answer."),
	[CP_NO_SOURCE] = N_("Choose a question of this survey."),
	[CP_LATER] = N_("A condition can only depend on an earlier "
	    "question."),
	[CP_CYCLE] = N_("This condition would make a cycle: the questions "
	    "would depend on each other."),
	[CP_BAD_VALUE] = N_("This value cannot be an answer to that "
	    "question."),
	[CP_BAD_OP] = N_("“Contains” applies only to a multiple choice or "
	    "a text."),
	[CP_BAD_SOURCE] = N_("A ranking or a matrix cannot be the source of "
	    "a condition."),
};
const char *const answer_problem_msgs[AN__MAX] = {
	[AN_OK] = NULL,
	[AN_REQUIRED] = N_("This question is required."),
	[AN_ONE] = N_("Give one answer."),
	[AN_OPTION] = N_("Choose one of the answers offered."),
	[AN_TOO_FEW] = N_("Choose at least {1}."),
	[AN_TOO_MANY] = N_("Choose at most {1}."),
	[AN_TOO_LONG] = N_("At most {1} characters."),
	[AN_RANGE] = N_("Give a number from {1} to {2}."),
	[AN_NUMBER] = N_("Give a whole number."),
	[AN_DATE] = N_("Give a date (year, month, day)."),
	[AN_YESNO] = N_("Answer yes or no."),
	[AN_RANK] = N_("Give each item a different position, from 1 to "
	    "{1}."),
	[AN_ROWS] = N_("Answer every row."),
};

const char *const qdef_problem_msgs[QD__MAX] = {
	[QD_OK] = NULL,
	[QD_KIND] = N_("Choose the kind of question."),
	[QD_OPTIONS] = N_("Give from 2 to 50 answers, one a line."),
	[QD_OPTIONS_EN] = N_("Give as many English answers as Arabic ones, "
	    "in the same order, or none."),
	[QD_ROWS] = N_("A matrix needs from 1 to 30 rows, one a line."),
	[QD_ROWS_EN] = N_("Give as many English rows as Arabic ones, in the "
	    "same order, or none."),
	[QD_SCALE] = N_("A scale goes from 1 to 5 or from 1 to 10."),
	[QD_RANGE] = N_("The smallest number must be below the largest."),
	[QD_CHOICES] = N_("The selections must lie between 0 and the number "
	    "of answers, the minimum not above the maximum."),
};

enum q_kind
survey_kind(const char *s)
{
	return (enum q_kind)names_find(q_kind_names, QK__MAX, s);
}

enum cond_op
survey_op(const char *s)
{
	return (enum cond_op)names_find(cond_op_names, SC__MAX, s);
}

int
survey_kind_has_options(enum q_kind k)
{
	return k == QK_SINGLE || k == QK_MULTIPLE || k == QK_RANKING ||
	    k == QK_MATRIX;
}

int
survey_int(const char *in, long long *out)
{
	char		 buf[64], *end, *s = buf;
	size_t		 n;
	long long	 v;

	/* ٣٠ and ۳۰ as typed on an Arabic keyboard read as 30, as every
	 * number field of the portal reads them (utf8_ascii_digits); the
	 * spaces around it are not part of it. */
	if (in == NULL || (n = strlen(in)) >= sizeof(buf))
		return -1;
	memcpy(buf, in, n + 1);
	n = utf8_ascii_digits(buf, n);
	while (n > 0 && (buf[n - 1] == ' ' || buf[n - 1] == '\t'))
		buf[--n] = '\0';
	while (*s == ' ' || *s == '\t')
		s++;
	if (*s == '\0' || strlen(s) > 18)
		return -1;
	if (!(*s == '-' || *s == '+' || (*s >= '0' && *s <= '9')))
		return -1;
	v = strtoll(s, &end, 10);
	if (*end != '\0' || end == s || ((*s == '-' || *s == '+') &&
	    end == s + 1))
		return -1;
	*out = v;
	return 0;
}

static int
survey_id(const char *s, size_t n, unsigned long long *out)
{
	unsigned long long v = 0;
	size_t		 i;

	if (n == 0 || n > 19)
		return -1;
	for (i = 0; i < n; i++) {
		if (s[i] < '0' || s[i] > '9')
			return -1;
		v = v * 10 + (unsigned)(s[i] - '0');
	}
	*out = v;
	return 0;
}

int
survey_pair(const char *s, unsigned long long *a, unsigned long long *b)
{
	const char	*colon;

	if (s == NULL || (colon = strchr(s, ':')) == NULL)
		return -1;
	if (survey_id(s, (size_t)(colon - s), a) == -1 ||
	    survey_id(colon + 1, strlen(colon + 1), b) == -1)
		return -1;
	return 0;
}

int
survey_index(const struct survey *s, unsigned long long id)
{
	int	 i;

	for (i = 0; i < s->nq; i++)
		if (s->q[i].id == id)
			return i;
	return -1;
}

static int
section_index(const struct survey *s, unsigned long long id)
{
	int	 i;

	for (i = 0; id != 0 && i < s->nsec; i++)
		if (s->sec[i] == id)
			return i;
	return -1;
}

static int
has_option(const struct sv_question *q, unsigned long long id)
{
	int	 i;

	for (i = 0; i < q->nopt; i++)
		if (q->opt[i] == id)
			return 1;
	return 0;
}

static int
blank(const char *v)
{
	if (v == NULL)
		return 1;
	while (*v == ' ' || *v == '\t' || *v == '\r' || *v == '\n')
		v++;
	return *v == '\0';
}

int
survey_answered(const struct sv_answer *a)
{
	int	 i;

	for (i = 0; a != NULL && i < a->n; i++)
		if (!blank(a->v[i]))
			return 1;
	return 0;
}

/* The problem of a condition's operator and value for its source. */
static enum cond_problem
cond_value_ok(const struct sv_question *src, const struct sv_cond *c)
{
	unsigned long long id;
	long long	 v;

	if (src->kind == QK_RANKING || src->kind == QK_MATRIX)
		return CP_BAD_SOURCE;
	if (c->op >= SC__MAX)
		return CP_BAD_VALUE;
	if (c->op == SC_CONTAINS && src->kind != QK_MULTIPLE &&
	    src->kind != QK_TEXT && src->kind != QK_LONGTEXT)
		return CP_BAD_OP;
	if (blank(c->value))
		return CP_BAD_VALUE;
	switch (src->kind) {
	case QK_SINGLE:
	case QK_MULTIPLE:
		if (survey_id(c->value, strlen(c->value), &id) == -1 ||
		    !has_option(src, id))
			return CP_BAD_VALUE;
		return CP_OK;
	case QK_YESNO:
		return strcmp(c->value, "yes") == 0 ||
		    strcmp(c->value, "no") == 0 ? CP_OK : CP_BAD_VALUE;
	case QK_SCALE:
	case QK_NUMBER:
		if (survey_int(c->value, &v) == -1 || v < src->lo ||
		    v > src->hi)
			return CP_BAD_VALUE;
		return CP_OK;
	default:
		return CP_OK;
	}
}

/*
 * The graph: nodes are the questions (0..nq-1) and the sections
 * (nq..nq+nsec-1); a condition is an edge from its source to its target,
 * and a section has an edge to each of its questions (hiding it hides
 * them).  A cycle is found by depth-first search.
 */
struct graph {
	const struct survey	*s;
	const struct sv_cond	*extra;		/* the condition being added */
	unsigned char		*mark;		/* 0 new, 1 on path, 2 done */
};

static int
node_of(const struct survey *s, const struct sv_cond *c)
{
	int	 i;

	if (c->question_id != 0)
		return survey_index(s, c->question_id);
	i = section_index(s, c->section_id);
	return i < 0 ? -1 : s->nq + i;
}

static int
graph_cyclic(struct graph *g, int n)
{
	const struct survey *s = g->s;
	int		 i, t;

	if (g->mark[n] == 1)
		return 1;
	if (g->mark[n] == 2)
		return 0;
	g->mark[n] = 1;
	if (n >= s->nq) {
		for (i = 0; i < s->nq; i++)
			if (s->q[i].section_id == s->sec[n - s->nq] &&
			    graph_cyclic(g, i))
				return 1;
	} else {
		for (i = 0; i <= s->nc; i++) {
			const struct sv_cond *c = i < s->nc ? &s->c[i] :
			    g->extra;
			if (c == NULL || c->source_id != s->q[n].id)
				continue;
			if ((t = node_of(s, c)) >= 0 && graph_cyclic(g, t))
				return 1;
		}
	}
	g->mark[n] = 2;
	return 0;
}

static int
survey_cyclic(const struct survey *s, const struct sv_cond *extra)
{
	unsigned char	 mark[SV_MAXQ + SV_MAXQ];
	struct graph	 g;
	int		 n;

	if (s->nq + s->nsec > (int)sizeof(mark))
		return 1;
	memset(mark, 0, sizeof(mark));
	g.s = s;
	g.extra = extra;
	g.mark = mark;
	for (n = 0; n < s->nq + s->nsec; n++)
		if (graph_cyclic(&g, n))
			return 1;
	return 0;
}

/* The checks of one condition that need no graph search. */
static enum cond_problem
cond_local(const struct survey *s, const struct sv_cond *c)
{
	int	 si;

	if (c->question_id != 0 && c->question_id == c->source_id)
		return CP_SELF;
	if ((si = survey_index(s, c->source_id)) < 0)
		return CP_NO_SOURCE;
	if (node_of(s, c) < 0)
		return CP_NO_SOURCE;
	if (c->section_id != 0 && s->q[si].section_id == c->section_id)
		return CP_SELF;
	return CP_OK;
}

static enum cond_problem
cond_order(const struct survey *s, const struct sv_cond *c)
{
	int	 si = survey_index(s, c->source_id), ti;

	if (c->question_id != 0) {
		ti = survey_index(s, c->question_id);
		return si < ti ? CP_OK : CP_LATER;
	}
	ti = section_index(s, c->section_id);
	return section_index(s, s->q[si].section_id) < ti ? CP_OK : CP_LATER;
}

enum cond_problem
survey_check_cond(const struct survey *s, const struct sv_cond *c)
{
	enum cond_problem p;

	if ((p = cond_local(s, c)) != CP_OK)
		return p;
	if (survey_cyclic(s, c))
		return CP_CYCLE;
	if ((p = cond_order(s, c)) != CP_OK)
		return p;
	return cond_value_ok(&s->q[survey_index(s, c->source_id)], c);
}

enum cond_problem
survey_check_graph(const struct survey *s, int *at)
{
	enum cond_problem p;
	int		 i;

	for (i = 0; i < s->nc; i++) {
		if ((p = cond_local(s, &s->c[i])) != CP_OK)
			goto bad;
	}
	if (survey_cyclic(s, NULL)) {
		i = 0;
		p = CP_CYCLE;
		goto bad;
	}
	for (i = 0; i < s->nc; i++) {
		if ((p = cond_order(s, &s->c[i])) != CP_OK ||
		    (p = cond_value_ok(&s->q[survey_index(s,
		    s->c[i].source_id)], &s->c[i])) != CP_OK)
			goto bad;
	}
	return CP_OK;
bad:
	if (at != NULL)
		*at = i;
	return p;
}

/* Whether the source's answer equals the literal value: numbers as
 * numbers (07 is 7), everything else byte for byte. */
static int
cond_equal(const struct sv_question *src, const char *got,
    const char *value)
{
	long long	 a, b;

	if (src->kind == QK_SCALE || src->kind == QK_NUMBER)
		return survey_int(got, &a) == 0 &&
		    survey_int(value, &b) == 0 && a == b;
	return strcmp(got, value) == 0;
}

int
survey_cond_holds(const struct sv_question *src, const struct sv_cond *c,
    const struct sv_answer *a)
{
	int	 i, n = 0, eq = 0, has = 0;

	if (!survey_answered(a))
		return 0;
	for (i = 0; i < a->n; i++) {
		if (blank(a->v[i]))
			continue;
		n++;
		if (cond_equal(src, a->v[i], c->value))
			has = 1;
		if (c->op == SC_CONTAINS && (src->kind == QK_TEXT ||
		    src->kind == QK_LONGTEXT) && strstr(a->v[i],
		    c->value) != NULL)
			has = 1;
	}
	eq = n == 1 && has;
	switch (c->op) {
	case SC_EQ:
		return eq;
	case SC_NE:
		return !eq;
	case SC_CONTAINS:
		return has;
	default:
		return 0;
	}
}

void
survey_visible(const struct survey *s, const struct sv_answer *ans,
    int *vis)
{
	int	 i, k, si;

	for (i = 0; i < s->nq; i++) {
		vis[i] = 1;
		for (k = 0; k < s->nc && vis[i]; k++) {
			const struct sv_cond *c = &s->c[k];
			if (!(c->question_id == s->q[i].id ||
			    (c->section_id != 0 && c->section_id ==
			    s->q[i].section_id)))
				continue;
			si = survey_index(s, c->source_id);
			/* Sources come first (checked on save); one that
			 * does not, or is hidden, counts as unanswered. */
			if (si < 0 || si >= i || !vis[si] ||
			    !survey_cond_holds(&s->q[si], c, &ans[si]))
				vis[i] = 0;
		}
	}
}

static enum answer_problem
check_number(const char *v, long long lo, long long hi, long long *a1,
    long long *a2)
{
	long long	 x;

	if (survey_int(v, &x) == -1)
		return AN_NUMBER;
	if (x < lo || x > hi) {
		*a1 = lo;
		*a2 = hi;
		return AN_RANGE;
	}
	return AN_OK;
}

static int
leap(long long y)
{
	return (y % 4 == 0 && y % 100 != 0) || y % 400 == 0;
}

static int
date_ok(const char *v)
{
	static const int mdays[12] = { 31, 28, 31, 30, 31, 30, 31, 31, 30,
	    31, 30, 31 };
	long long	 y, m, d;
	int		 i;

	if (strlen(v) != 10 || v[4] != '-' || v[7] != '-')
		return 0;
	for (i = 0; i < 10; i++)
		if (i != 4 && i != 7 && (v[i] < '0' || v[i] > '9'))
			return 0;
	y = atoll(v);
	m = atoll(v + 5);
	d = atoll(v + 8);
	if (y < 1900 || y > 2200 || m < 1 || m > 12 || d < 1)
		return 0;
	return d <= mdays[m - 1] + (m == 2 && leap(y));
}

enum answer_problem
survey_check_answer(const struct sv_question *q, const struct sv_answer *a,
    long long *a1, long long *a2)
{
	const char	*vals[SV_MAXOPT + SV_MAXROWS];
	unsigned long long x, y, seen[SV_MAXOPT + SV_MAXROWS];
	int		 n = 0, i, k, used[SV_MAXOPT + 1];
	size_t		 len;

	*a1 = *a2 = 0;
	for (i = 0; a != NULL && i < a->n; i++)
		if (!blank(a->v[i])) {
			if (n == (int)(sizeof(vals) / sizeof(vals[0])))
				return AN_TOO_MANY;
			vals[n++] = a->v[i];
		}
	if (n == 0)
		return q->required ? AN_REQUIRED : AN_OK;
	switch (q->kind) {
	case QK_SINGLE:
		if (n > 1)
			return AN_ONE;
		return survey_id(vals[0], strlen(vals[0]), &x) == 0 &&
		    has_option(q, x) ? AN_OK : AN_OPTION;
	case QK_MULTIPLE:
		for (i = 0; i < n; i++) {
			if (survey_id(vals[i], strlen(vals[i]), &x) == -1 ||
			    !has_option(q, x))
				return AN_OPTION;
			for (k = 0; k < i; k++)
				if (seen[k] == x)
					return AN_OPTION;
			seen[i] = x;
		}
		if (q->lo > 0 && n < q->lo) {
			*a1 = q->lo;
			return AN_TOO_FEW;
		}
		if (q->hi > 0 && n > q->hi) {
			*a1 = q->hi;
			return AN_TOO_MANY;
		}
		return AN_OK;
	case QK_TEXT:
	case QK_LONGTEXT:
		if (n > 1)
			return AN_ONE;
		len = utf8_len(vals[0], strlen(vals[0]));
		*a1 = q->kind == QK_TEXT ? SV_TEXT_MAX : SV_LONGTEXT_MAX;
		return (long long)len > *a1 ? AN_TOO_LONG : AN_OK;
	case QK_SCALE:
	case QK_NUMBER:
		if (n > 1)
			return AN_ONE;
		return check_number(vals[0], q->lo, q->hi, a1, a2);
	case QK_DATE:
		if (n > 1)
			return AN_ONE;
		return date_ok(vals[0]) ? AN_OK : AN_DATE;
	case QK_YESNO:
		if (n > 1)
			return AN_ONE;
		return strcmp(vals[0], "yes") == 0 ||
		    strcmp(vals[0], "no") == 0 ? AN_OK : AN_YESNO;
	case QK_RANKING:
		/* Every option once, positions 1..nopt each once. */
		*a1 = q->nopt;
		if (n != q->nopt || q->nopt > SV_MAXOPT)
			return AN_RANK;
		memset(used, 0, sizeof(used));
		for (i = 0; i < n; i++) {
			if (survey_pair(vals[i], &x, &y) == -1 ||
			    !has_option(q, x))
				return AN_OPTION;
			if (y < 1 || y > (unsigned long long)q->nopt ||
			    used[y])
				return AN_RANK;
			used[y] = 1;
			for (k = 0; k < i; k++)
				if (seen[k] == x)
					return AN_RANK;
			seen[i] = x;
		}
		return AN_OK;
	case QK_MATRIX:
		for (i = 0; i < n; i++) {
			if (survey_pair(vals[i], &x, &y) == -1 ||
			    !has_option(q, y))
				return AN_OPTION;
			for (k = 0; k < q->nrows && q->rows[k] != x; k++)
				;
			if (k == q->nrows)
				return AN_OPTION;
			for (k = 0; k < i; k++)
				if (seen[k] == x)
					return AN_ROWS;
			seen[i] = x;
		}
		/* Begun is finished: a matrix is answered row by row. */
		return n == q->nrows ? AN_OK : AN_ROWS;
	default:
		return AN_OPTION;
	}
}

long long
survey_mean100(const long long *v, const long long *n, int count)
{
	long long	 sum = 0, tot = 0, q;
	int		 i;

	for (i = 0; i < count; i++) {
		sum += v[i] * n[i];
		tot += n[i];
	}
	if (tot == 0)
		return 0;
	/* Rounded half away from zero. */
	q = (sum * 200 + (sum >= 0 ? tot : -tot)) / (2 * tot);
	return q;
}

/* The value at 0-based rank k of the distribution. */
static long long
rank_value(const long long *v, const long long *n, int count, long long k)
{
	int	 i;

	for (i = 0; i < count; i++) {
		if (k < n[i])
			return v[i];
		k -= n[i];
	}
	return count > 0 ? v[count - 1] : 0;
}

long long
survey_median2(const long long *v, const long long *n, int count)
{
	long long	 tot = 0;
	int		 i;

	for (i = 0; i < count; i++)
		tot += n[i];
	if (tot == 0)
		return 0;
	return rank_value(v, n, count, (tot - 1) / 2) +
	    rank_value(v, n, count, tot / 2);
}

long long
survey_permille(long long part, long long whole)
{
	if (whole <= 0)
		return 0;
	if (part > whole)
		part = whole;	/* never over 100 % */
	return (part * 1000 + whole / 2) / whole;
}

/* ------------------------------------------------------------------ */
/* The database side. */

const char *const vote_choice_names[VC__MAX + 1] = {
	[VC_FOR] = "for", [VC_AGAINST] = "against", [VC_ABSTAIN] = "abstain",
	NULL
};
const char *const vote_choice_labels[VC__MAX] = {
	[VC_FOR] = N_("For"),
	[VC_AGAINST] = N_("Against"),
	[VC_ABSTAIN] = N_("Abstain"),
};

const char *const text_status_names[TS__MAX + 1] = {
	[TS_PENDING] = "pending", [TS_APPROVED] = "approved",
	[TS_REJECTED] = "rejected", NULL
};
const char *const text_status_labels[TS__MAX] = {
	[TS_PENDING] = N_("Waiting for moderation"),
	[TS_APPROVED] = N_("Published"),
	[TS_REJECTED] = N_("Not published"),
};

enum text_status
survey_text_status(const char *s)
{
	return (enum text_status)names_find(text_status_names, TS__MAX, s);
}

static long long
col_int(const struct dbres *res, int col, long long def)
{
	return dbres_isnull(res, col) ? def : dbres_int(res, col);
}

/* Reads options (rows: is_rows) of every question into per-question
 * arrays: ids into q[i].opt / q[i].rows, labels into qi[i].opt / row. */
static int
load_children(struct db *db, struct arena *a, unsigned long long id,
    struct survey_def *d, int is_rows)
{
	struct dbres	*res;
	int		*count, *fill, i, n = d->s.nq;
	unsigned long long **ids;
	struct sv_text	**lab;

	res = db_query(db, a, is_rows ? SQL_SURVEY_ROWS : SQL_SURVEY_OPTIONS,
	    DB_ARGS(DB_U(activity, id)));
	if (res == NULL)
		return -1;
	count = arena_zalloc(a, sizeof(int) * (size_t)(n + 1));
	fill = arena_zalloc(a, sizeof(int) * (size_t)(n + 1));
	ids = arena_zalloc(a, sizeof(*ids) * (size_t)(n + 1));
	lab = arena_zalloc(a, sizeof(*lab) * (size_t)(n + 1));
	/* The columns of both statements are in the same order. */
	while (dbres_next(res))
		if ((i = survey_index(&d->s, dbres_u(res,
		    SURVEY_OPTIONS_QUESTION_ID))) >= 0)
			count[i]++;
	for (i = 0; i < n; i++) {
		ids[i] = arena_zalloc(a, sizeof(**ids) * (size_t)(count[i] + 1));
		lab[i] = arena_zalloc(a, sizeof(**lab) * (size_t)(count[i] + 1));
	}
	dbres_rewind(res);
	while (dbres_next(res)) {
		if ((i = survey_index(&d->s, dbres_u(res,
		    SURVEY_OPTIONS_QUESTION_ID))) < 0)
			continue;
		ids[i][fill[i]] = dbres_u(res, SURVEY_OPTIONS_ID);
		lab[i][fill[i]].ar = dbres_str(res, SURVEY_OPTIONS_LABEL_AR);
		lab[i][fill[i]].en = dbres_str(res, SURVEY_OPTIONS_LABEL_EN);
		fill[i]++;
	}
	for (i = 0; i < n; i++) {
		if (is_rows) {
			d->q[i].nrows = count[i];
			d->q[i].rows = ids[i];
			d->qi[i].row = lab[i];
		} else {
			d->q[i].nopt = count[i];
			d->q[i].opt = ids[i];
			d->qi[i].opt = lab[i];
		}
	}
	return 0;
}

int
survey_load(struct db *db, struct arena *a, unsigned long long id,
    struct survey_def *d)
{
	struct dbres	*res;
	unsigned long long *sec;
	int		 i, k, n;

	memset(d, 0, sizeof(*d));
	if ((res = db_query(db, a, SQL_SURVEY_SECTIONS, DB_ARGS(
	    DB_U(activity, id)))) == NULL)
		return -1;
	n = dbres_rows(res);
	sec = arena_zalloc(a, sizeof(*sec) * (size_t)(n + 1));
	d->sec_title = arena_zalloc(a, sizeof(struct sv_text) * (size_t)(n + 1));
	d->sec_intro = arena_zalloc(a, sizeof(struct sv_text) * (size_t)(n + 1));
	for (i = 0; dbres_next(res); i++) {
		sec[i] = dbres_u(res, SURVEY_SECTIONS_ID);
		d->sec_title[i].ar = dbres_str(res, SURVEY_SECTIONS_TITLE_AR);
		d->sec_title[i].en = dbres_str(res, SURVEY_SECTIONS_TITLE_EN);
		d->sec_intro[i].ar = dbres_str(res, SURVEY_SECTIONS_INTRO_AR);
		d->sec_intro[i].en = dbres_str(res, SURVEY_SECTIONS_INTRO_EN);
	}
	d->s.nsec = n;
	d->s.sec = sec;

	if ((res = db_query(db, a, SQL_SURVEY_QUESTIONS, DB_ARGS(
	    DB_U(activity, id)))) == NULL)
		return -1;
	n = dbres_rows(res);
	d->q = arena_zalloc(a, sizeof(*d->q) * (size_t)(n + 1));
	d->qi = arena_zalloc(a, sizeof(*d->qi) * (size_t)(n + 1));
	for (i = 0; dbres_next(res); i++) {
		struct sv_question *q = &d->q[i];
		struct sv_qinfo *qi = &d->qi[i];

		q->id = dbres_u(res, SURVEY_QUESTIONS_ID);
		q->section_id = dbres_u(res, SURVEY_QUESTIONS_SECTION_ID);
		q->kind = survey_kind(dbres_str(res, SURVEY_QUESTIONS_KIND));
		q->required = dbres_int(res, SURVEY_QUESTIONS_REQUIRED) != 0;
		switch (q->kind) {
		case QK_SCALE:
			q->lo = col_int(res, SURVEY_QUESTIONS_SCALE_MIN, 1);
			q->hi = col_int(res, SURVEY_QUESTIONS_SCALE_MAX, 5);
			break;
		case QK_NUMBER:
			q->lo = col_int(res, SURVEY_QUESTIONS_NUM_MIN, 0);
			q->hi = col_int(res, SURVEY_QUESTIONS_NUM_MAX,
			    1000000000);
			break;
		case QK_MULTIPLE:
			q->lo = col_int(res, SURVEY_QUESTIONS_MIN_CHOICES, 0);
			q->hi = col_int(res, SURVEY_QUESTIONS_MAX_CHOICES, 0);
			break;
		default:
			break;
		}
		qi->text.ar = dbres_str(res, SURVEY_QUESTIONS_TEXT_AR);
		qi->text.en = dbres_str(res, SURVEY_QUESTIONS_TEXT_EN);
		qi->low.ar = dbres_str(res, SURVEY_QUESTIONS_LOW_LABEL_AR);
		qi->low.en = dbres_str(res, SURVEY_QUESTIONS_LOW_LABEL_EN);
		qi->high.ar = dbres_str(res, SURVEY_QUESTIONS_HIGH_LABEL_AR);
		qi->high.en = dbres_str(res, SURVEY_QUESTIONS_HIGH_LABEL_EN);
		qi->position = (int)dbres_int(res, SURVEY_QUESTIONS_POSITION);
		qi->section = -1;
		for (k = 0; k < d->s.nsec; k++)
			if (sec[k] == q->section_id)
				qi->section = k;
	}
	d->s.nq = n;
	d->s.q = d->q;
	if (load_children(db, a, id, d, 0) == -1 ||
	    load_children(db, a, id, d, 1) == -1)
		return -1;

	if ((res = db_query(db, a, SQL_SURVEY_CONDITIONS, DB_ARGS(
	    DB_U(activity, id)))) == NULL)
		return -1;
	n = dbres_rows(res);
	d->c = arena_zalloc(a, sizeof(*d->c) * (size_t)(n + 1));
	d->cond_id = arena_zalloc(a, sizeof(*d->cond_id) * (size_t)(n + 1));
	for (i = 0; dbres_next(res); i++) {
		d->cond_id[i] = dbres_u(res, SURVEY_CONDITIONS_ID);
		d->c[i].question_id = dbres_u(res,
		    SURVEY_CONDITIONS_QUESTION_ID);
		d->c[i].section_id = dbres_u(res, SURVEY_CONDITIONS_SECTION_ID);
		d->c[i].source_id = dbres_u(res, SURVEY_CONDITIONS_SOURCE_ID);
		d->c[i].op = survey_op(dbres_str(res, SURVEY_CONDITIONS_OP));
		d->c[i].value = dbres_str(res, SURVEY_CONDITIONS_VALUE);
	}
	d->s.nc = n;
	d->s.c = d->c;
	return 0;
}

/* One answer row. */
static int
answer_row(struct db *db, unsigned long long resp, unsigned long long q,
    unsigned long long row, unsigned long long opt, int has_value,
    long long value, const char *text)
{
	return db_exec(db, SQL_SURVEY_ANSWER_INSERT, DB_ARGS(
	    DB_U(response, resp), DB_U(question, q), DB_U(row, row),
	    DB_U(option, opt), DB_I(has_value, has_value),
	    DB_I(value, value), DB_S(text, text))) == 1 ? 0 : -1;
}

/* The rows of question q's answer a (shown and answered). */
static int
answer_rows(struct db *db, unsigned long long resp,
    const struct sv_question *q, const struct sv_answer *a)
{
	unsigned long long x, y;
	long long	 v;
	int		 i;

	for (i = 0; i < a->n; i++) {
		const char *s = a->v[i];
		if (blank(s))
			continue;
		switch (q->kind) {
		case QK_SINGLE:
		case QK_MULTIPLE:
			if (survey_id(s, strlen(s), &x) == -1 ||
			    answer_row(db, resp, q->id, 0, x, 0, 0, NULL) == -1)
				return -1;
			break;
		case QK_RANKING:
		case QK_MATRIX:
			if (survey_pair(s, &x, &y) == -1)
				return -1;
			if (q->kind == QK_RANKING ? answer_row(db, resp, q->id,
			    0, x, 1, (long long)y, NULL) : answer_row(db, resp,
			    q->id, x, y, 0, 0, NULL) == -1)
				return -1;
			break;
		case QK_SCALE:
		case QK_NUMBER:
			if (survey_int(s, &v) == -1 || answer_row(db, resp,
			    q->id, 0, 0, 1, v, NULL) == -1)
				return -1;
			break;
		case QK_YESNO:
			if (answer_row(db, resp, q->id, 0, 0, 1,
			    strcmp(s, "yes") == 0, NULL) == -1)
				return -1;
			break;
		default:
			if (answer_row(db, resp, q->id, 0, 0, 0, 0, s) == -1)
				return -1;
			break;
		}
	}
	return 0;
}

static int
survey_apply(struct db *db, unsigned long long resp, long long sign)
{
	if (db_exec(db, SQL_SURVEY_COUNTS_APPLY, DB_ARGS(
	    DB_U(response, resp), DB_I(sign, sign))) < 0 ||
	    db_exec(db, SQL_SURVEY_STATS_APPLY, DB_ARGS(
	    DB_U(response, resp), DB_I(sign, sign))) < 0)
		return -1;
	return 0;
}

/* Whether the activity whose state row res is takes answers now. */
static int
open_now(const struct dbres *res, int state_col, int closes_col)
{
	time_t	 closes = dbres_time(res, closes_col);

	return activity_state(dbres_str(res, state_col)) == AS_OPEN &&
	    (closes == 0 || closes > time(NULL));
}

enum sv_result
survey_submit(struct db *db, struct arena *a, unsigned long long id,
    unsigned long long user, const struct survey_def *d,
    const struct sv_answer *ans, const int *vis)
{
	struct dbres	*res;
	unsigned long long resp;
	int		 i, changed = 0;

	if ((res = db_query(db, a, SQL_SURVEY_OPEN_CHECK, DB_ARGS(
	    DB_U(activity, id)))) == NULL)
		return SV_ERROR;
	if (!dbres_next(res))
		return SV_NOT_FOUND;
	if (!open_now(res, SURVEY_OPEN_CHECK_STATE,
	    SURVEY_OPEN_CHECK_CLOSES_AT))
		return SV_NOT_OPEN;
	if ((res = db_query(db, a, SQL_SURVEY_MY_RESPONSE, DB_ARGS(
	    DB_U(activity, id), DB_U(user, user)))) == NULL)
		return SV_ERROR;
	if (dbres_next(res)) {
		/* A change while open: the earlier answers leave the
		 * aggregates, the new ones replace them. */
		resp = dbres_u(res, SURVEY_MY_RESPONSE_ID);
		changed = 1;
		if (survey_apply(db, resp, -1) == -1 ||
		    db_exec(db, SQL_SURVEY_ANSWERS_DELETE, DB_ARGS(
		    DB_U(response, resp))) < 0 ||
		    db_exec(db, SQL_SURVEY_RESPONSE_CHANGED, DB_ARGS(
		    DB_U(id, resp))) != 1 ||
		    db_exec(db, SQL_SURVEY_CHANGE_INSERT, DB_ARGS(
		    DB_U(response, resp), DB_U(activity, id))) != 1)
			return SV_ERROR;
	} else {
		if (db_exec(db, SQL_SURVEY_RESPONSE_INSERT, DB_ARGS(
		    DB_U(activity, id), DB_U(user, user))) != 1)
			return SV_ERROR;
		resp = db_insert_id(db);
		if (db_exec(db, SQL_SURVEY_PARTICIPANT_ADD, DB_ARGS(
		    DB_U(activity, id), DB_U(user, user))) < 1)
			return SV_ERROR;
	}
	for (i = 0; i < d->s.nq; i++) {
		if (!vis[i])
			continue;	/* hidden: its answer is discarded */
		if (!survey_answered(&ans[i])) {
			if (answer_row(db, resp, d->q[i].id, 0, 0, 0, 0,
			    NULL) == -1)
				return SV_ERROR;
		} else if (answer_rows(db, resp, &d->q[i], &ans[i]) == -1)
			return SV_ERROR;
	}
	if (survey_apply(db, resp, 1) == -1)
		return SV_ERROR;
	return changed ? SV_CHANGED : SV_OK;
}

enum sv_result
poll_vote(struct db *db, struct arena *a, unsigned long long id,
    unsigned long long user, enum vote_choice choice, const char *reason)
{
	struct dbres	*res;
	const char	*old = NULL, *ch = vote_choice_names[choice];
	unsigned long long vid = 0;

	if (choice >= VC__MAX)
		return SV_ERROR;
	if ((res = db_query(db, a, SQL_VOTE_LOCK, DB_ARGS(
	    DB_U(activity, id)))) == NULL)
		return SV_ERROR;
	if (!dbres_next(res))
		return SV_NOT_FOUND;
	if (!open_now(res, VOTE_LOCK_STATE, VOTE_LOCK_CLOSES_AT))
		return SV_NOT_OPEN;
	if ((res = db_query(db, a, SQL_VOTE_MINE, DB_ARGS(
	    DB_U(activity, id), DB_U(user, user)))) == NULL)
		return SV_ERROR;
	if (dbres_next(res)) {
		vid = dbres_u(res, VOTE_MINE_ID);
		old = dbres_str(res, VOTE_MINE_CHOICE);
		if (db_exec(db, SQL_VOTE_UPDATE, DB_ARGS(DB_U(id, vid),
		    DB_S(choice, ch), DB_S(reason, reason))) < 0)
			return SV_ERROR;
	} else if (db_exec(db, SQL_VOTE_INSERT, DB_ARGS(DB_U(activity, id),
	    DB_U(user, user), DB_S(choice, ch), DB_S(reason, reason))) != 1)
		return SV_ERROR;
	if (db_exec(db, SQL_VOTE_COUNT, DB_ARGS(DB_U(activity, id),
	    DB_S(choice, ch), DB_S(old, old))) != 1)
		return SV_ERROR;
	return vid != 0 ? SV_CHANGED : SV_OK;
}

enum qdef_problem
survey_check_qdef(const struct qdef *d)
{
	int	 opts = survey_kind_has_options(d->kind);

	if (d->kind >= QK__MAX)
		return QD_KIND;
	if (opts && (d->nopt < 2 || d->nopt > SV_MAXOPT))
		return QD_OPTIONS;
	if (opts && d->nopt_en != 0 && d->nopt_en != d->nopt)
		return QD_OPTIONS_EN;
	if (d->kind == QK_MATRIX && (d->nrows < 1 || d->nrows > SV_MAXROWS))
		return QD_ROWS;
	if (d->kind == QK_MATRIX && d->nrows_en != 0 &&
	    d->nrows_en != d->nrows)
		return QD_ROWS_EN;
	if (d->kind == QK_SCALE && d->scale_max != 5 && d->scale_max != 10)
		return QD_SCALE;
	if (d->kind == QK_NUMBER && !(d->num_min < d->num_max))
		return QD_RANGE;
	if (d->kind == QK_MULTIPLE && (d->min_choices < 0 ||
	    d->max_choices < 0 || d->max_choices > d->nopt ||
	    d->min_choices > d->nopt || (d->max_choices > 0 &&
	    d->min_choices > d->max_choices)))
		return QD_CHOICES;
	return QD_OK;
}

/* a and b equal, ignoring ASCII case and the blanks around them. */
static int
label_same(const char *a, const char *b)
{
	size_t	 na, nb;

	while (*a == ' ' || *a == '\t')
		a++;
	while (*b == ' ' || *b == '\t')
		b++;
	for (na = strlen(a); na > 0 && (a[na - 1] == ' ' ||
	    a[na - 1] == '\t'); na--)
		;
	for (nb = strlen(b); nb > 0 && (b[nb - 1] == ' ' ||
	    b[nb - 1] == '\t'); nb--)
		;
	return na == nb && strncasecmp(a, b, na) == 0;
}

const char *
survey_repeated(const char *const *v, int n)
{
	for (int i = 1; i < n; i++)
		for (int j = 0; j < i; j++)
			if (v[i] != NULL && v[j] != NULL &&
			    label_same(v[i], v[j]))
				return v[i];
	return NULL;
}

int
survey_text_decide(struct db *db, const struct actor *who,
    unsigned long long activity, unsigned long long user, int reject,
    long long reason, const unsigned long long *ids, int n, int *done,
    int *skipped)
{
	char		 summary[40];
	int		 i, rc;

	*done = *skipped = 0;
	for (i = 0; i < n; i++) {
		if (reject)
			rc = db_exec(db, SQL_SURVEY_TEXT_DECIDE, DB_ARGS(
			    DB_S(status, text_status_names[TS_REJECTED]),
			    DB_I(reason, reason),
			    DB_U(user, user), DB_U(id, ids[i]),
			    DB_U(activity, activity)));
		else
			rc = db_exec(db, SQL_SURVEY_TEXT_DECIDE, DB_ARGS(
			    DB_S(status, text_status_names[TS_APPROVED]),
			    DB_NULL(reason),
			    DB_U(user, user), DB_U(id, ids[i]),
			    DB_U(activity, activity)));
		if (rc < 0)
			return -1;
		if (rc == 0) {
			/* Not pending, or not this activity's: left alone. */
			(*skipped)++;
			continue;
		}
		snprintf(summary, sizeof(summary), "activity %llu", activity);
		if (audit_record(db, who, reject ? "answer.reject" :
		    "answer.approve", "answer", ids[i], summary) == -1)
			return -1;
		(*done)++;
	}
	return 0;
}
