/*
 * page_survey_form.c — drawing a survey's questions, the one renderer
 * of the respondents' form and of the staff preview (which compiles this
 * file into sharek-staff: fcgi/staff/page_survey_preview.c), so the
 * preview is exactly what respondents see.  Views public/survey_questions
 * (the questions of one page) and the hidden fields that carry the
 * answers of the other pages (Back and Next keep every answer, without
 * JavaScript).
 *
 * Each answer has a form field "aN" (survey_params, P_MULTI): a question
 * has one slot, a matrix one per row.  Values: an option id (single,
 * multiple), "OPTION:POSITION" (ranking), "ROW:OPTION" (matrix), the
 * number, yes|no, the text or the date.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "public.h"
#include "sql_gen.h"
#include "survey.h"
#include "vm.h"

/* "a0" … "a199": the answer slots of survey_params, after the fixed
 * keys. */
#define SLOT1(n)	[SVK_SLOT0 + (n)] = { .name = "a" #n, .type = PT_TEXT, \
	.flags = P_MULTI, .max = SV_LONGTEXT_MAX },
#define SLOT10(n)	SLOT1(n##0) SLOT1(n##1) SLOT1(n##2) SLOT1(n##3) \
	SLOT1(n##4) SLOT1(n##5) SLOT1(n##6) SLOT1(n##7) SLOT1(n##8) SLOT1(n##9)

static const char *const go_names[SVGO__MAX + 1] = {
	[SVGO_NEXT] = "next", [SVGO_BACK] = "back", [SVGO_SUBMIT] = "submit",
	NULL
};

const struct param survey_params[SVK__MAX] = {
	[SVK_PAGE] = { .name = "page", .type = PT_INT, .min = 0,
	    .max = SV_MAXQ },
	[SVK_GO] = { .name = "go", .type = PT_ENUM, .choices = go_names },
	SLOT1(0) SLOT1(1) SLOT1(2) SLOT1(3) SLOT1(4) SLOT1(5) SLOT1(6)
	SLOT1(7) SLOT1(8) SLOT1(9)
	SLOT10(1) SLOT10(2) SLOT10(3) SLOT10(4) SLOT10(5) SLOT10(6)
	SLOT10(7) SLOT10(8) SLOT10(9) SLOT10(10) SLOT10(11) SLOT10(12)
	SLOT10(13) SLOT10(14) SLOT10(15) SLOT10(16) SLOT10(17) SLOT10(18)
	SLOT10(19)
};

int
survey_slots(const struct survey_def *d, int *base)
{
	int	 i, n = 0;

	for (i = 0; i < d->s.nq; i++) {
		base[i] = n;
		n += d->q[i].kind == QK_MATRIX ? (d->q[i].nrows > 0 ?
		    d->q[i].nrows : 1) : 1;
	}
	base[d->s.nq] = n;
	return n > SV_SLOTS ? -1 : n;
}

void
survey_pages(const struct survey_def *d, int *page_of, int *npages)
{
	int	 i, p = -1, last = -2;

	for (i = 0; i < d->s.nq; i++) {
		if (d->qi[i].section != last) {
			p++;
			last = d->qi[i].section;
		}
		page_of[i] = p;
	}
	*npages = p + 1;
}

int
survey_page_shown(const struct survey_def *d, const int *page_of,
    const int *vis, int page)
{
	int	 i;

	for (i = 0; i < d->s.nq; i++)
		if (page_of[i] == page && vis[i])
			return 1;
	return 0;
}

/* Appends value v to answer a (arena-grown). */
static void
answer_push(struct arena *ar, struct sv_answer *a, const char *v)
{
	const char	**nv = arena_alloc(ar, sizeof(char *) *
	    (size_t)(a->n + 1));

	if (a->n > 0)
		memcpy(nv, a->v, sizeof(char *) * (size_t)a->n);
	nv[a->n++] = v;
	a->v = nv;
}

void
survey_answers_post(struct req *r, const struct survey_def *d,
    const int *base, struct sv_answer *ans)
{
	const struct pval *p;
	int		 i, s, k;

	for (i = 0; i < d->s.nq; i++) {
		memset(&ans[i], 0, sizeof(ans[i]));
		for (s = base[i]; s < base[i + 1]; s++) {
			p = http_arg(r, SVK_SLOT0 + s);
			for (k = 0; p != NULL && k < p->nvals; k++)
				answer_push(r->a, &ans[i], p->vals[k]);
		}
	}
}

int
survey_answers_stored(struct req *r, unsigned long long act,
    const struct survey_def *d, struct sv_answer *ans)
{
	struct dbres	*res;
	const char	*v;
	int		 i;

	memset(ans, 0, sizeof(*ans) * (size_t)d->s.nq);
	if (r->sess == NULL)
		return 0;
	res = db_query(r->db, r->a, SQL_SURVEY_MY_ANSWERS, DB_ARGS(
	    DB_U(activity, act), DB_U(user, r->sess->user_id)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		if ((i = survey_index(&d->s, dbres_u(res,
		    SURVEY_MY_ANSWERS_QUESTION_ID))) < 0)
			continue;
		switch (d->q[i].kind) {
		case QK_SINGLE:
		case QK_MULTIPLE:
			v = dbres_str(res, SURVEY_MY_ANSWERS_OPTION_ID);
			break;
		case QK_RANKING:
			v = dbres_isnull(res, SURVEY_MY_ANSWERS_OPTION_ID) ?
			    NULL : arena_printf(r->a, "%s:%s", dbres_str(res,
			    SURVEY_MY_ANSWERS_OPTION_ID), dbres_str(res,
			    SURVEY_MY_ANSWERS_VALUE));
			break;
		case QK_MATRIX:
			v = dbres_isnull(res, SURVEY_MY_ANSWERS_ROW_ID) ? NULL :
			    arena_printf(r->a, "%s:%s", dbres_str(res,
			    SURVEY_MY_ANSWERS_ROW_ID), dbres_str(res,
			    SURVEY_MY_ANSWERS_OPTION_ID));
			break;
		case QK_SCALE:
		case QK_NUMBER:
			v = dbres_str(res, SURVEY_MY_ANSWERS_VALUE);
			break;
		case QK_YESNO:
			v = dbres_isnull(res, SURVEY_MY_ANSWERS_VALUE) ? NULL :
			    dbres_int(res, SURVEY_MY_ANSWERS_VALUE) ? "yes" :
			    "no";
			break;
		default:
			v = dbres_str(res, SURVEY_MY_ANSWERS_TEXT);
			break;
		}
		if (v != NULL)
			answer_push(r->a, &ans[i], arena_strdup(r->a, v));
	}
	return 0;
}

/* Whether answer a holds value v. */
static int
has_value(const struct sv_answer *a, const char *v)
{
	int	 k;

	for (k = 0; k < a->n; k++)
		if (a->v[k] != NULL && strcmp(a->v[k], v) == 0)
			return 1;
	return 0;
}

static const char *
first_value(const struct sv_answer *a)
{
	return a->n > 0 && a->v[0] != NULL ? a->v[0] : "";
}

/* The label of the value a condition compares with, as a respondent
 * reads it: an option's label, yes/no translated, else the literal. */
static const char *
cond_value_label(struct req *r, const struct survey_def *d, int src,
    const char *value)
{
	int	 k;

	for (k = 0; k < d->q[src].nopt; k++)
		if (strtoull(value, NULL, 10) == d->q[src].opt[k])
			return present_pick(r, d->qi[src].opt[k].ar,
			    d->qi[src].opt[k].en);
	if (d->q[src].kind == QK_YESNO)
		return tr(r, strcmp(value, "yes") == 0 ? "Yes" : "No");
	return value;
}

/* The conditions of question i (and of its section) said in words. */
static void
cond_model(struct req *r, struct val *it, const struct survey_def *d,
    const int *base, int i)
{
	struct val	*l = NULL, *c;
	int		 k, src;

	for (k = 0; k < d->s.nc; k++) {
		const struct sv_cond *sc = &d->c[k];
		if (sc->question_id != d->q[i].id)
			continue;
		if ((src = survey_index(&d->s, sc->source_id)) < 0)
			continue;
		if (l == NULL)
			l = vm_list(it, "conds");
		c = vm_push(l);
		vm_str(c, "source", present_pick(r, d->qi[src].text.ar,
		    d->qi[src].text.en));
		vm_str(c, "op", present_label(r, cond_op_labels, SC__MAX,
		    (int)sc->op));
		vm_str(c, "value", cond_value_label(r, d, src, sc->value));
		/* For static/survey.js: the source's field, the operator,
		 * the literal. */
		vm_strf(c, "src_name", "a%d", base[src]);
		vm_str(c, "op_name", cond_op_names[sc->op < SC__MAX ? sc->op :
		    SC_EQ]);
		vm_str(c, "raw", sc->value);
	}
	vm_bool(it, "has_conds", l != NULL);
}

/* One question's controls. */
static void
question_model(struct req *r, struct val *it, const struct survey_def *d,
    int i, int slot, const struct sv_answer *a)
{
	const struct sv_question *q = &d->q[i];
	const struct sv_qinfo *qi = &d->qi[i];
	struct val	*l, *o, *l2, *o2;
	const char	*name = arena_printf(r->a, "a%d", slot);
	long long	 v;
	int		 k, j;

	vm_strf(it, "qid", "%llu", q->id);
	vm_str(it, "name", name);
	vm_str(it, "text", present_pick(r, qi->text.ar, qi->text.en));
	vm_bool(it, "required", q->required);
	/* The model keeps the key's pointer: arena memory. */
	vm_bool(it, arena_printf(r->a, "is_%s", q_kind_names[q->kind <
	    QK__MAX ? q->kind : QK_TEXT]), 1);
	vm_str(it, "kind_label", present_label(r, q_kind_labels, QK__MAX,
	    (int)q->kind));
	switch (q->kind) {
	case QK_SINGLE:
	case QK_MULTIPLE:
		l = vm_list(it, "options");
		for (k = 0; k < q->nopt; k++) {
			const char *val = arena_printf(r->a, "%llu", q->opt[k]);
			o = vm_push(l);
			vm_str(o, "value", val);
			vm_strf(o, "oid", "%llu", q->opt[k]);
			vm_str(o, "label", present_pick(r, qi->opt[k].ar,
			    qi->opt[k].en));
			vm_bool(o, "checked", has_value(a, val));
		}
		if (q->kind == QK_MULTIPLE && (q->lo > 0 || q->hi > 0)) {
			vm_int(it, "min", q->lo);
			vm_int(it, "max", q->hi);
			vm_bool(it, "bounds", 1);
		}
		break;
	case QK_SCALE:
		l = vm_list(it, "points");
		for (v = q->lo; v <= q->hi && v - q->lo < 20; v++) {
			const char *val = arena_printf(r->a, "%lld", v);
			o = vm_push(l);
			vm_str(o, "value", val);
			vm_bool(o, "checked", has_value(a, val));
		}
		vm_str(it, "low", present_pick(r, qi->low.ar, qi->low.en));
		vm_str(it, "high", present_pick(r, qi->high.ar, qi->high.en));
		break;
	case QK_NUMBER:
		vm_int(it, "min", q->lo);
		vm_int(it, "max", q->hi);
		vm_str(it, "value", first_value(a));
		break;
	case QK_YESNO:
		vm_bool(it, "yes", has_value(a, "yes"));
		vm_bool(it, "no", has_value(a, "no"));
		break;
	case QK_RANKING:
		l = vm_list(it, "items");
		vm_int(it, "count", q->nopt);
		for (k = 0; k < q->nopt; k++) {
			o = vm_push(l);
			vm_strf(o, "oid", "%llu", q->opt[k]);
			vm_str(o, "label", present_pick(r, qi->opt[k].ar,
			    qi->opt[k].en));
			vm_str(o, "name", name);
			l2 = vm_list(o, "positions");
			for (j = 1; j <= q->nopt; j++) {
				const char *val = arena_printf(r->a,
				    "%llu:%d", q->opt[k], j);
				o2 = vm_push(l2);
				vm_str(o2, "value", val);
				vm_int(o2, "n", j);
				vm_bool(o2, "selected", has_value(a, val));
			}
		}
		break;
	case QK_MATRIX:
		l = vm_list(it, "columns");
		for (k = 0; k < q->nopt; k++)
			vm_str(vm_push(l), "label", present_pick(r,
			    qi->opt[k].ar, qi->opt[k].en));
		l = vm_list(it, "rows");
		for (j = 0; j < q->nrows; j++) {
			const char *row = present_pick(r, qi->row[j].ar,
			    qi->row[j].en);
			o = vm_push(l);
			vm_str(o, "label", row);
			vm_strf(o, "rid", "%llu", q->rows[j]);
			vm_strf(o, "name", "a%d", slot + j);
			l2 = vm_list(o, "cells");
			for (k = 0; k < q->nopt; k++) {
				const char *val = arena_printf(r->a,
				    "%llu:%llu", q->rows[j], q->opt[k]);
				o2 = vm_push(l2);
				vm_str(o2, "value", val);
				vm_strf(o2, "name", "a%d", slot + j);
				vm_str(o2, "aria", arena_printf(r->a, "%s: %s",
				    row, present_pick(r, qi->opt[k].ar,
				    qi->opt[k].en)));
				vm_bool(o2, "checked", has_value(a, val));
			}
		}
		break;
	default:
		vm_str(it, "value", first_value(a));
		vm_int(it, "maxlength", q->kind == QK_TEXT ? SV_TEXT_MAX :
		    SV_LONGTEXT_MAX);
		break;
	}
}

void
survey_questions_model(struct req *r, struct val *m,
    const struct survey_def *d, const int *base, const struct sv_answer *ans,
    const int *vis, const char *const *errs, const int *page_of, int page)
{
	struct val	*l = vm_list(m, "questions"), *h = vm_list(m, "carry"),
			*it;
	int		 i, s, k, n = 0, shown;

	for (i = 0; i < d->s.nq; i++) {
		/* On this page: what the answers so far show, and what
		 * depends on this page's own answers (the server decides
		 * again on Next; the hint says when to answer). */
		shown = page_of[i] == page && vis[i];
		for (k = 0; !shown && page_of[i] == page && k < d->s.nc; k++) {
			int src = survey_index(&d->s, d->c[k].source_id);
			if (d->c[k].question_id == d->q[i].id && src >= 0 &&
			    page_of[src] == page)
				shown = 1;
		}
		if (!shown) {
			/* Carried: every value of every slot. */
			for (k = 0; k < ans[i].n; k++) {
				it = vm_push(h);
				vm_str(it, "value", ans[i].v[k]);
				/* A matrix value goes back to its row's slot. */
				s = base[i];
				if (d->q[i].kind == QK_MATRIX) {
					unsigned long long row, opt;
					int j;
					if (survey_pair(ans[i].v[k], &row,
					    &opt) == 0)
						for (j = 0; j < d->q[i].nrows;
						    j++)
							if (d->q[i].rows[j] ==
							    row)
								s = base[i] + j;
				}
				vm_strf(it, "name", "a%d", s);
			}
			continue;
		}
		it = vm_push(l);
		n++;
		vm_int(it, "number", n);
		question_model(r, it, d, i, base[i], &ans[i]);
		cond_model(r, it, d, base, i);
		if (errs != NULL && errs[i] != NULL) {
			vm_str(it, "error", errs[i]);
			vm_bool(it, "invalid", 1);
		}
	}
	vm_bool(m, "has_questions", n > 0);
	if (page_of != NULL && d->s.nq > 0) {
		for (i = 0; i < d->s.nq && page_of[i] != page; i++)
			;
		if (i < d->s.nq && d->qi[i].section >= 0) {
			k = d->qi[i].section;
			vm_str(m, "section_title", present_pick(r,
			    d->sec_title[k].ar, d->sec_title[k].en));
			vm_str(m, "section_intro", present_pick(r,
			    d->sec_intro[k].ar, d->sec_intro[k].en));
		}
	}
}

const char *
survey_error(struct req *r, const struct sv_question *q,
    const struct sv_answer *a)
{
	enum answer_problem p;
	long long	 a1, a2;

	if ((p = survey_check_answer(q, a, &a1, &a2)) == AN_OK)
		return NULL;
	return i18n_subst(r->a, tr(r, answer_problem_msgs[p]),
	    arena_printf(r->a, "%lld", a1), arena_printf(r->a, "%lld", a2),
	    NULL);
}
