/*
 * survey_results.c — the per-question results of a survey or a poll, a
 * self-contained section (model["survey_results"], partial
 * views/public/survey_results.html) that the results page of
 * /consultations/{id}/results, this program's survey results page and
 * the staff results page (which compiles this file into sharek-staff)
 * draw.  The numbers come from the aggregates the responses keep up to
 * date (answer_counts, question_stats): a constant number of statements
 * whatever the number of responses.  Charts by chart_model (chart.h).
 * Multiple choice: percentages of the respondents, counts adding up to
 * the selections; completion is answered ÷ shown, never over 100 %.
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "chart.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "public.h"
#include "sql_gen.h"
#include "survey.h"
#include "vm.h"

#define TEXTS_SHOWN	20	/* approved free-text answers a page */
#define VALUES_CHARTED	40	/* distinct numbers drawn as bars */

int
survey_results_allowed(const struct activity *a, int sealed, int responded,
    int staff)
{
	int	 closed = a->state >= AS_CLOSED && a->state != AS_WITHDRAWN;

	if (a->state == AS_OPEN && a->closes_at != 0 &&
	    a->closes_at <= time(NULL))
		closed = 1;
	if (sealed)
		return closed;
	if (staff || closed)
		return 1;
	return a->kind == AK_POLL && responded;
}

/* One question's counts, gathered from the distribution rows. */
struct qres {
	long long	 shown, answered, selections;
	long long	*opt;		/* per option (single, multiple, ranking
					   first places) */
	long long	*cell;		/* matrix: row × option */
	long long	*rank_sum;	/* ranking: sum of positions per option */
	long long	*rank_n;
	long long	*val, *valn;	/* scale, number, yes/no: value → n */
	int		 nval;
};

/* "3.25" from hundredths; "1.5" from halves. */
static const char *
hundredths(struct arena *a, long long v)
{
	const char	*sign = v < 0 ? "-" : "";

	if (v < 0)
		v = -v;
	return arena_printf(a, "%s%lld.%02lld", sign, v / 100, v % 100);
}

static const char *
halves(struct arena *a, long long v)
{
	if (v % 2 == 0)
		return arena_printf(a, "%lld", v / 2);
	return arena_printf(a, "%s%lld.5", v < 0 ? "-" : "",
	    (v < 0 ? -v : v) / 2);
}

static const char *
permille(struct arena *a, long long p)
{
	return arena_printf(a, "%lld.%lld", p / 10, p % 10);
}

static int
opt_index(const struct sv_question *q, unsigned long long id)
{
	int	 k;

	for (k = 0; k < q->nopt; k++)
		if (q->opt[k] == id)
			return k;
	return -1;
}

static int
row_index(const struct sv_question *q, unsigned long long id)
{
	int	 k;

	for (k = 0; k < q->nrows; k++)
		if (q->rows[k] == id)
			return k;
	return -1;
}

/* Reads the distribution of every question into res[] (two passes:
 * counting value rows, then filling). */
static int
gather(struct req *r, const struct survey_def *d, unsigned long long act,
    struct qres *qr)
{
	struct dbres	*res;
	int		 i, o, w, *fill;

	for (i = 0; i < d->s.nq; i++) {
		const struct sv_question *q = &d->q[i];
		qr[i].opt = arena_zalloc(r->a, sizeof(long long) *
		    (size_t)(q->nopt + 1));
		qr[i].rank_sum = arena_zalloc(r->a, sizeof(long long) *
		    (size_t)(q->nopt + 1));
		qr[i].rank_n = arena_zalloc(r->a, sizeof(long long) *
		    (size_t)(q->nopt + 1));
		qr[i].cell = arena_zalloc(r->a, sizeof(long long) *
		    (size_t)(q->nopt * q->nrows + 1));
	}
	res = db_query(r->db, r->a, SQL_SURVEY_COUNTS, DB_ARGS(
	    DB_U(activity, act)));
	if (res == NULL)
		return -1;
	while (dbres_next(res))
		if ((i = survey_index(&d->s, dbres_u(res,
		    SURVEY_COUNTS_QUESTION_ID))) >= 0 &&
		    dbres_u(res, SURVEY_COUNTS_OPT_KEY) == 0)
			qr[i].nval++;
	fill = arena_zalloc(r->a, sizeof(int) * (size_t)(d->s.nq + 1));
	for (i = 0; i < d->s.nq; i++) {
		qr[i].val = arena_zalloc(r->a, sizeof(long long) *
		    (size_t)(qr[i].nval + 1));
		qr[i].valn = arena_zalloc(r->a, sizeof(long long) *
		    (size_t)(qr[i].nval + 1));
	}
	dbres_rewind(res);
	while (dbres_next(res)) {
		long long n = dbres_int(res, SURVEY_COUNTS_N);
		long long v = dbres_int(res, SURVEY_COUNTS_VALUE);
		const struct sv_question *q;

		if ((i = survey_index(&d->s, dbres_u(res,
		    SURVEY_COUNTS_QUESTION_ID))) < 0)
			continue;
		q = &d->q[i];
		o = opt_index(q, dbres_u(res, SURVEY_COUNTS_OPT_KEY));
		if (dbres_u(res, SURVEY_COUNTS_OPT_KEY) == 0) {
			/* Rows come sorted by value. */
			qr[i].val[fill[i]] = v;
			qr[i].valn[fill[i]++] = n;
		} else if (o < 0)
			continue;
		else if (q->kind == QK_MATRIX) {
			w = row_index(q, dbres_u(res, SURVEY_COUNTS_ROW_KEY));
			if (w >= 0)
				qr[i].cell[w * q->nopt + o] += n;
		} else if (q->kind == QK_RANKING) {
			qr[i].rank_sum[o] += v * n;
			qr[i].rank_n[o] += n;
			if (v == 1)
				qr[i].opt[o] += n;
		} else
			qr[i].opt[o] += n;
	}
	res = db_query(r->db, r->a, SQL_SURVEY_STATS, DB_ARGS(
	    DB_U(activity, act)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		if ((i = survey_index(&d->s, dbres_u(res,
		    SURVEY_STATS_QUESTION_ID))) < 0)
			continue;
		qr[i].shown = dbres_int(res, SURVEY_STATS_SHOWN);
		qr[i].answered = dbres_int(res, SURVEY_STATS_ANSWERED);
		qr[i].selections = dbres_int(res, SURVEY_STATS_SELECTIONS);
	}
	return 0;
}

/* Bars of the options of question i with counts c (stride 1). */
static void
option_chart(struct req *r, struct val *it, const struct survey_def *d,
    int i, const long long *c, const char *id, const char *title,
    long long total)
{
	const struct sv_question *q = &d->q[i];
	struct chart_bar *bars = arena_zalloc(r->a, sizeof(*bars) *
	    (size_t)(q->nopt + 1));
	int		 k;

	for (k = 0; k < q->nopt; k++) {
		bars[k].label = present_pick(r, d->qi[i].opt[k].ar,
		    d->qi[i].opt[k].en);
		bars[k].value = c[k];
	}
	chart_model(r, it, "chart", id, title, NULL, bars, q->nopt, total);
}

/* Mean, median and the distribution of values. */
static void
value_model(struct req *r, struct val *it, const struct survey_def *d,
    int i, const struct qres *qr, const char *id, const char *title)
{
	const struct sv_question *q = &d->q[i];
	struct chart_bar *bars;
	long long	 tot = 0;
	int		 k, n = 0;

	for (k = 0; k < qr->nval; k++)
		tot += qr->valn[k];
	vm_bool(it, "has_stats", tot > 0);
	vm_str(it, "mean", hundredths(r->a, survey_mean100(qr->val, qr->valn,
	    qr->nval)));
	vm_str(it, "median", halves(r->a, survey_median2(qr->val, qr->valn,
	    qr->nval)));
	if (q->kind == QK_SCALE) {
		/* Every point of the scale, answered or not. */
		long long v;
		bars = arena_zalloc(r->a, sizeof(*bars) * (size_t)(q->hi -
		    q->lo + 2));
		for (v = q->lo; v <= q->hi && n < 20; v++, n++) {
			const char *end = v == q->lo ? present_pick(r,
			    d->qi[i].low.ar, d->qi[i].low.en) : v == q->hi ?
			    present_pick(r, d->qi[i].high.ar, d->qi[i].high.en) :
			    "";
			bars[n].label = end[0] != '\0' ? arena_printf(r->a,
			    "%lld (%s)", v, end) : arena_printf(r->a, "%lld",
			    v);
			for (k = 0; k < qr->nval; k++)
				if (qr->val[k] == v)
					bars[n].value = qr->valn[k];
		}
	} else if (qr->nval <= VALUES_CHARTED) {
		bars = arena_zalloc(r->a, sizeof(*bars) * (size_t)(qr->nval +
		    1));
		for (k = 0; k < qr->nval; k++, n++) {
			bars[n].label = arena_printf(r->a, "%lld", qr->val[k]);
			bars[n].value = qr->valn[k];
		}
	} else
		return;	/* too many distinct numbers: mean and median */
	chart_model(r, it, "chart", id, title, NULL, bars, n, tot);
}

static void
question_result(struct req *r, struct val *it, const struct survey_def *d,
    int i, const struct qres *qr)
{
	const struct sv_question *q = &d->q[i];
	const char	*text = present_pick(r, d->qi[i].text.ar,
	    d->qi[i].text.en);
	const char	*id = arena_printf(r->a, "chart-q%llu", q->id);
	struct val	*l, *o;
	int		 k, w;

	vm_strf(it, "qid", "%llu", q->id);
	vm_str(it, "text", text);
	vm_str(it, "kind_label", present_label(r, q_kind_labels, QK__MAX,
	    (int)q->kind));
	vm_int(it, "shown", qr->shown);
	vm_int(it, "answered", qr->answered);
	vm_str(it, "completion", permille(r->a, survey_permille(qr->answered,
	    qr->shown)));
	switch (q->kind) {
	case QK_SINGLE:
		option_chart(r, it, d, i, qr->opt, id, text, qr->answered);
		break;
	case QK_MULTIPLE:
		/* Percent of respondents; the counts add up to the
		 * selections, never to combinations. */
		vm_int(it, "selections", qr->selections);
		vm_bool(it, "is_multiple", 1);
		option_chart(r, it, d, i, qr->opt, id, text, qr->answered);
		break;
	case QK_YESNO: {
		struct chart_bar bars[2] = {
			{ tr(r, "Yes"), 0 }, { tr(r, "No"), 0 }
		};
		for (k = 0; k < qr->nval; k++)
			bars[qr->val[k] ? 0 : 1].value += qr->valn[k];
		chart_model(r, it, "chart", id, text, NULL, bars, 2,
		    qr->answered);
		break;
	}
	case QK_SCALE:
	case QK_NUMBER:
		value_model(r, it, d, i, qr, id, text);
		break;
	case QK_RANKING:
		l = vm_list(it, "ranks");
		vm_bool(it, "is_ranking", 1);
		for (k = 0; k < q->nopt; k++) {
			o = vm_push(l);
			vm_str(o, "label", present_pick(r, d->qi[i].opt[k].ar,
			    d->qi[i].opt[k].en));
			vm_str(o, "average", qr->rank_n[k] > 0 ? hundredths(
			    r->a, (qr->rank_sum[k] * 200 + qr->rank_n[k]) /
			    (2 * qr->rank_n[k])) : "–");
			vm_int(o, "first", qr->opt[k]);
		}
		option_chart(r, it, d, i, qr->opt, id, arena_printf(r->a,
		    "%s — %s", text, tr(r, "ranked first")), qr->answered);
		break;
	case QK_MATRIX:
		l = vm_list(it, "rows");
		vm_bool(it, "is_matrix", 1);
		for (w = 0; w < q->nrows; w++) {
			const char *row = present_pick(r, d->qi[i].row[w].ar,
			    d->qi[i].row[w].en);
			o = vm_push(l);
			vm_str(o, "label", row);
			option_chart(r, o, d, i, qr->cell + w * q->nopt,
			    arena_printf(r->a, "%s-r%llu", id, q->rows[w]),
			    arena_printf(r->a, "%s — %s", text, row),
			    qr->answered);
		}
		break;
	default:
		vm_bool(it, "is_text", 1);
		break;
	}
}

int
survey_results_section(struct req *r, struct val *m,
    const struct activity *a, int staff)
{
	return survey_results_section_at(r, m, a, staff, 0);
}

int
survey_results_section_at(struct req *r, struct val *m,
    const struct activity *a, int staff, unsigned long long before)
{
	unsigned long long last_id = 0;
	struct val	*sr = vm_child(m, "survey_results"), *l, *it;
	struct survey_def d;
	struct qres	*qr;
	struct dbres	*res;
	int		 i, sealed = 0, responded = 0;
	long long	 responses = 0;

	res = db_query(r->db, r->a, SQL_SURVEY_SETTINGS, DB_ARGS(
	    DB_U(activity, a->id), DB_U(user, r->sess != NULL && !staff ?
	    r->sess->user_id : 0)));
	if (res == NULL)
		return -1;
	if (dbres_next(res)) {
		sealed = a->kind == AK_POLL && strcmp(dbres_str(res,
		    SURVEY_SETTINGS_RESULTS), "sealed") == 0;
		responded = dbres_int(res, SURVEY_SETTINGS_RESPONDED) != 0;
		responses = dbres_int(res, SURVEY_SETTINGS_RESPONSES);
	}
	vm_bool(sr, "is_poll", a->kind == AK_POLL);
	vm_bool(sr, "staff", staff);
	if (!survey_results_allowed(a, sealed, responded, staff)) {
		/* Not a number before it may be shown: not even the count
		 * of responses. */
		vm_bool(sr, "hidden", 1);
		vm_bool(sr, "sealed", sealed);
		vm_bool(sr, "after_vote", a->kind == AK_POLL && !sealed);
		return 0;
	}
	vm_bool(sr, "shown", 1);
	vm_int(sr, "responses", responses);
	if (survey_load(r->db, r->a, a->id, &d) == -1)
		return -1;
	qr = arena_zalloc(r->a, sizeof(*qr) * (size_t)(d.s.nq + 1));
	if (gather(r, &d, a->id, qr) == -1)
		return -1;
	l = vm_list(sr, "questions");
	for (i = 0; i < d.s.nq; i++) {
		it = vm_push(l);
		question_result(r, it, &d, i, &qr[i]);
	}
	if (staff)
		return 0;	/* staff: every text with its status, below */
	/* The approved free texts, newest first, each under its question,
	 * a page of TEXTS_SHOWN from answer :before (keyset). */
	{
		struct val **texts = arena_zalloc(r->a, sizeof(*texts) *
		    (size_t)(d.s.nq + 1));
		int n = 0;
		for (i = 0, it = l->items; it != NULL && i < d.s.nq;
		    i++, it = it->next)
			texts[i] = it;
		res = db_query(r->db, r->a, SQL_SURVEY_TEXTS, DB_ARGS(
		    DB_U(activity, a->id), DB_I(staff, 0), DB_U(before, before),
		    DB_I(limit, TEXTS_SHOWN + 1)));
		if (res == NULL)
			return -1;
		while (dbres_next(res)) {
			if (++n > TEXTS_SHOWN) {
				vm_strf(sr, "texts_more", "/consultations/%llu/"
				    "survey/results?before=%llu", a->id,
				    last_id);
				break;
			}
			last_id = dbres_u(res, SURVEY_TEXTS_ID);
			i = survey_index(&d.s, dbres_u(res,
			    SURVEY_TEXTS_QUESTION_ID));
			if (i < 0 || texts[i] == NULL)
				continue;
			vm_str(vm_push(vm_list(texts[i], "texts")), "text",
			    dbres_str(res, SURVEY_TEXTS_TEXT));
			vm_bool(texts[i], "has_texts", 1);
		}
	}
	return 0;
}
