/*
 * page_survey.c — the survey builder: the questions of a survey or poll
 * (and the vote on a draft of a consultation) as pages of the activity
 * (issue 12).  The activity itself — audience, dates, urgency, extension,
 * the review chain — is page_activities.c's, the same as a consultation.
 *
 * GET  /staff/activities/{id}/questions   sections, questions (options,
 *                                  matrix rows, conditions), the forms
 *                                  below.  ACT_ACTIVITY_VIEW.  View
 *                                  staff/survey.
 * POST /staff/activities/{id}/sections            sv_section_params
 * POST /staff/activities/{id}/sections/{sid}/delete   (409 while it has
 *                                  questions)
 * POST /staff/activities/{id}/questions           sv_question_params:
 *                                  section, kind, text_ar/en, required,
 *                                  options_ar/en and rows_ar/en (one a
 *                                  line), scale_max (5 | 10) and its end
 *                                  labels, num_min/max, min/max_choices
 * POST /staff/activities/{id}/questions/{qid}   sv_edit_params: the
 *                                  texts of a question in both languages,
 *                                  required, its answers' and rows' labels
 *                                  (as many lines as it has: conditions
 *                                  and answers refer to them; 422 at the
 *                                  field otherwise, typed texts kept)
 * POST /staff/activities/{id}/questions/{qid}/delete   409 with the
 *                                  reason when a condition depends on it
 *                                  or it has answers
 * POST /staff/activities/{id}/questions/{qid}/move     move_params: dir
 *                                  (409 when a condition would then
 *                                  depend on a later question)
 * POST /staff/activities/{id}/conditions          sv_cond_params: target
 *                                  (qID | sID), source, op (eq | ne |
 *                                  contains), value_option or value —
 *                                  checked on save (survey_check_cond:
 *                                  earlier questions only, no
 *                                  self-reference, no cycle); 422 at the
 *                                  field with the reason
 * POST /staff/activities/{id}/conditions/{cid}/delete
 * POST /staff/activities/{id}/poll                sv_poll_params: results
 *                                  (after_vote | sealed)
 * POST /staff/activities/{id}/vote                sv_vote_params: attach a
 *                                  vote on the draft to a consultation
 * Writes: ACT_ACTIVITY_DRAFT on the activity's entity, only while it can
 * be edited (a draft or returned; 409 after), 303 back to the builder,
 * 422 with the page and the messages; audited.
 */
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "survey.h"
#include "vm.h"
#include "workflow.h"

static const char *const results_names[] = { "after_vote", "sealed", NULL };
static const char *const results_labels[] = {
	N_("Shown to voters after voting"),
	N_("Sealed until closing"),
};
static const char *const scale_names[] = { "5", "10", NULL };
static const char *const scale_labels[] = { N_("1 to 5"), N_("1 to 10") };

const struct param sv_section_params[SVSEC__MAX] = {
	[SVSEC_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .max = 300,
	    .label = N_("Section title in Arabic") },
	[SVSEC_TITLE_EN] = { .name = "title_en", .type = PT_STR,
	    .flags = P_NAME, .max = 300,
	    .label = N_("Section title in English") },
	[SVSEC_INTRO_AR] = { .name = "intro_ar", .type = PT_TEXT,
	    .max = 2000, .label = N_("Introduction in Arabic") },
	[SVSEC_INTRO_EN] = { .name = "intro_en", .type = PT_TEXT,
	    .max = 2000, .label = N_("Introduction in English") },
};

const struct param sv_question_params[SVQ__MAX] = {
	[SVQ_SECTION] = { .name = "section", .type = PT_INT, .min = 0,
	    .max = 1LL << 60, .label = N_("Section") },
	[SVQ_KIND] = { .name = "kind", .type = PT_ENUM, .flags = P_REQ,
	    .choices = q_kind_names, .choice_labels = q_kind_labels,
	    .label = N_("Kind of question") },
	[SVQ_TEXT_AR] = { .name = "text_ar", .type = PT_TEXT,
	    .flags = P_REQ, .max = 2000, .label = N_("Question in Arabic") },
	[SVQ_TEXT_EN] = { .name = "text_en", .type = PT_TEXT, .max = 2000,
	    .label = N_("Question in English") },
	[SVQ_REQUIRED] = { .name = "required", .type = PT_BOOL,
	    .label = N_("An answer is required") },
	[SVQ_OPTIONS_AR] = { .name = "options_ar", .type = PT_TEXT,
	    .max = 20000, .label = N_("Answers in Arabic, one a line"),
	    .hint = N_("For single and multiple choice, ranking (the items) "
	    "and matrix (the columns).") },
	[SVQ_OPTIONS_EN] = { .name = "options_en", .type = PT_TEXT,
	    .max = 20000, .label = N_("Answers in English, one a line") },
	[SVQ_ROWS_AR] = { .name = "rows_ar", .type = PT_TEXT, .max = 20000,
	    .label = N_("Matrix rows in Arabic, one a line") },
	[SVQ_ROWS_EN] = { .name = "rows_en", .type = PT_TEXT, .max = 20000,
	    .label = N_("Matrix rows in English, one a line") },
	[SVQ_SCALE_MAX] = { .name = "scale_max", .type = PT_ENUM,
	    .choices = scale_names, .choice_labels = scale_labels,
	    .label = N_("Scale") },
	[SVQ_LOW_AR] = { .name = "low_ar", .type = PT_STR, .max = 200,
	    .label = N_("Label of the lowest point in Arabic") },
	[SVQ_LOW_EN] = { .name = "low_en", .type = PT_STR, .max = 200,
	    .label = N_("Label of the lowest point in English") },
	[SVQ_HIGH_AR] = { .name = "high_ar", .type = PT_STR, .max = 200,
	    .label = N_("Label of the highest point in Arabic") },
	[SVQ_HIGH_EN] = { .name = "high_en", .type = PT_STR, .max = 200,
	    .label = N_("Label of the highest point in English") },
	[SVQ_NUM_MIN] = { .name = "num_min", .type = PT_INT,
	    .min = -1000000000, .max = 1000000000,
	    .label = N_("Smallest number") },
	[SVQ_NUM_MAX] = { .name = "num_max", .type = PT_INT,
	    .min = -1000000000, .max = 1000000000,
	    .label = N_("Largest number") },
	[SVQ_MIN_CHOICES] = { .name = "min_choices", .type = PT_INT,
	    .min = 0, .max = SV_MAXOPT, .label = N_("Fewest selections") },
	[SVQ_MAX_CHOICES] = { .name = "max_choices", .type = PT_INT,
	    .min = 0, .max = SV_MAXOPT,
	    .label = N_("Most selections (0: any)") },
};

const struct param sv_cond_params[SVC__MAX] = {
	[SVC_TARGET] = { .name = "target", .type = PT_STR, .flags = P_REQ,
	    .max = 30, .label = N_("Show") },
	[SVC_SOURCE] = { .name = "source", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 1LL << 60, .label = N_("Only when the answer to") },
	[SVC_OP] = { .name = "op", .type = PT_ENUM, .flags = P_REQ,
	    .choices = cond_op_names, .choice_labels = cond_op_labels,
	    .label = N_("Comparison") },
	[SVC_VALUE_OPTION] = { .name = "value_option", .type = PT_INT,
	    .min = 0, .max = 1LL << 60, .label = N_("The answer chosen") },
	[SVC_VALUE] = { .name = "value", .type = PT_STR, .max = 500,
	    .label = N_("Or the value (yes, no, a number, a text)") },
};

const struct param sv_poll_params[SVP__MAX] = {
	[SVP_RESULTS] = { .name = "results", .type = PT_ENUM, .flags = P_REQ,
	    .choices = results_names, .choice_labels = results_labels,
	    .label = N_("Results") },
};

const struct param sv_vote_params[SVV__MAX] = {
	[SVV_QUESTION_AR] = { .name = "question_ar", .type = PT_STR,
	    .flags = P_REQ, .max = 500,
	    .label = N_("Question of the vote in Arabic") },
	[SVV_QUESTION_EN] = { .name = "question_en", .type = PT_STR,
	    .max = 500, .label = N_("Question of the vote in English") },
};

const struct param sv_edit_params[SVE__MAX] = {
	[SVE_TEXT_AR] = { .name = "etext_ar", .type = PT_TEXT,
	    .flags = P_REQ, .max = 2000, .label = N_("Question in Arabic") },
	[SVE_TEXT_EN] = { .name = "etext_en", .type = PT_TEXT, .max = 2000,
	    .label = N_("Question in English") },
	[SVE_REQUIRED] = { .name = "erequired", .type = PT_BOOL,
	    .label = N_("An answer is required") },
	[SVE_OPTIONS_AR] = { .name = "eoptions_ar", .type = PT_TEXT,
	    .max = 20000, .label = N_("Answers in Arabic, one a line") },
	[SVE_OPTIONS_EN] = { .name = "eoptions_en", .type = PT_TEXT,
	    .max = 20000, .label = N_("Answers in English, one a line") },
	[SVE_ROWS_AR] = { .name = "erows_ar", .type = PT_TEXT, .max = 20000,
	    .label = N_("Matrix rows in Arabic, one a line") },
	[SVE_ROWS_EN] = { .name = "erows_en", .type = PT_TEXT, .max = 20000,
	    .label = N_("Matrix rows in English, one a line") },
};

static const char *
pick(struct req *r, const struct sv_text *t)
{
	return present_pick(r, t->ar, t->en);
}

/* The conditions of target (question qid or section sid) said in words,
 * with their ids for the delete buttons. */
static void
conds_model(struct req *r, struct val *it, const struct survey_def *d,
    unsigned long long qid, unsigned long long sid)
{
	struct val	*l = vm_list(it, "conds"), *c;
	int		 k, src, o;

	for (k = 0; k < d->s.nc; k++) {
		const struct sv_cond *sc = &d->c[k];
		if (qid != 0 ? sc->question_id != qid : sc->section_id != sid)
			continue;
		src = survey_index(&d->s, sc->source_id);
		c = vm_push(l);
		vm_strf(c, "cid", "%llu", d->cond_id[k]);
		vm_int(c, "source_number", src + 1);
		vm_str(c, "source", src >= 0 ? pick(r, &d->qi[src].text) : "");
		vm_str(c, "op", present_label(r, cond_op_labels, SC__MAX,
		    (int)sc->op));
		vm_str(c, "value", sc->value);
		for (o = 0; src >= 0 && o < d->q[src].nopt; o++)
			if (strtoull(sc->value, NULL, 10) == d->q[src].opt[o])
				vm_str(c, "value", pick(r, &d->qi[src].opt[o]));
		vm_bool(it, "has_conds", 1);
	}
}

/* The lines of labels (Arabic or English) of n texts, for a textarea. */
static const char *
label_lines(struct req *r, const struct sv_text *t, int n, int en)
{
	struct buf	 b;
	int		 k;

	buf_init(&b, r->a);
	for (k = 0; k < n; k++) {
		const char *v = en ? t[k].en : t[k].ar;
		buf_adds(&b, v != NULL ? v : "");
		buf_addc(&b, '\n');
	}
	return b.data;
}

/* The edit form of question i: its stored texts, or what was typed when
 * this is that form sent back. */
static void
question_edit_model(struct req *r, struct val *it, const struct survey_def *d,
    int i)
{
	const struct sv_question *q = &d->q[i];
	struct val	*e = vm_child(it, "edit");
	int		 typed = r->route->params == sv_edit_params &&
	    (unsigned long long)r->segi[1] == q->id;
	static const char *const keys[SVE__MAX] = {
		[SVE_TEXT_AR] = "text_ar", [SVE_TEXT_EN] = "text_en",
		[SVE_REQUIRED] = "required", [SVE_OPTIONS_AR] = "options_ar",
		[SVE_OPTIONS_EN] = "options_en", [SVE_ROWS_AR] = "rows_ar",
		[SVE_ROWS_EN] = "rows_en",
	};
	int		 k;

	/* Field ids: the form sent back has those the error summary
	 * links to (f-NAME); the others are unique per question. */
	vm_str(e, "idp", typed ? "f-e" : arena_printf(r->a, "q%llu-",
	    q->id));
	vm_bool(e, "has_options", q->nopt > 0);
	vm_bool(e, "has_rows", q->nrows > 0);
	if (typed) {
		vm_bool(e, "open", 1);
		for (k = 0; k < SVE__MAX; k++) {
			const struct pval *v = http_arg(r, k);
			if (k == SVE_REQUIRED)
				vm_bool(e, "required", v != NULL && v->set &&
				    v->i);
			else
				vm_str(e, keys[k], v != NULL && v->s != NULL ?
				    v->s : "");
			if (v != NULL && v->err != NULL)
				vm_str(e, arena_printf(r->a, "%s_error",
				    keys[k]), v->err);
		}
		return;
	}
	vm_str(e, "text_ar", d->qi[i].text.ar);
	vm_str(e, "text_en", d->qi[i].text.en);
	vm_bool(e, "required", q->required);
	vm_str(e, "options_ar", label_lines(r, d->qi[i].opt, q->nopt, 0));
	vm_str(e, "options_en", label_lines(r, d->qi[i].opt, q->nopt, 1));
	vm_str(e, "rows_ar", label_lines(r, d->qi[i].row, q->nrows, 0));
	vm_str(e, "rows_en", label_lines(r, d->qi[i].row, q->nrows, 1));
}

static void
question_item(struct req *r, struct val *it, const struct survey_def *d,
    int i)
{
	const struct sv_question *q = &d->q[i];
	struct val	*l;
	int		 k;

	vm_strf(it, "qid", "%llu", q->id);
	vm_int(it, "number", i + 1);
	vm_str(it, "text_ar", d->qi[i].text.ar);
	vm_str(it, "text_en", d->qi[i].text.en);
	vm_str(it, "kind_label", present_label(r, q_kind_labels, QK__MAX,
	    (int)q->kind));
	vm_bool(it, "required", q->required);
	if (q->kind == QK_SCALE || q->kind == QK_NUMBER)
		vm_str(it, "range", arena_printf(r->a, "%lld – %lld", q->lo,
		    q->hi));
	l = vm_list(it, "options");
	for (k = 0; k < q->nopt; k++) {
		struct val *o = vm_push(l);
		vm_str(o, "ar", d->qi[i].opt[k].ar);
		vm_str(o, "en", d->qi[i].opt[k].en);
	}
	l = vm_list(it, "rows");
	for (k = 0; k < q->nrows; k++) {
		struct val *o = vm_push(l);
		vm_str(o, "ar", d->qi[i].row[k].ar);
		vm_str(o, "en", d->qi[i].row[k].en);
	}
	conds_model(r, it, d, q->id, 0);
	question_edit_model(r, it, d, i);
}

/* The builder page under status (200, or 409/422 with problem said). */
static int
builder_show(struct req *r, const struct activity *a, const char *problem,
    int status)
{
	struct val	*m = http_model(r), *secs, *it, *l, *c;
	struct survey_def d;
	struct dbres	*res;
	int		 i, k, s, editable = activity_editable(a->state);
	long long	 cur_section = r->route->params == sv_question_params ?
	    http_arg_int(r, SVQ_SECTION, 0) : 0;

	if (survey_load(r->db, r->a, a->id, &d) == -1)
		return 500;
	vm_strf(m, "id", "%llu", a->id);
	vm_str(m, "title", present_pick(r, a->title_ar, a->title_en));
	vm_str(m, "state_label", present_label(r, act_state_labels, AS__MAX,
	    (int)a->state));
	vm_bool(m, "editable", editable);
	vm_bool(m, "is_poll", a->kind == AK_POLL);
	vm_bool(m, "is_consultation", a->kind == AK_CONSULTATION);
	vm_bool(m, "has_questions", a->kind != AK_CONSULTATION);
	vm_str(m, "problem", problem);
	vm_int(m, "count", d.s.nq);
	/* Questions outside any section first, then each section. */
	secs = vm_list(m, "sections");
	for (s = -1; s < d.s.nsec; s++) {
		it = NULL;
		if (s >= 0) {
			it = vm_push(secs);
			vm_strf(it, "sid", "%llu", d.s.sec[s]);
			vm_str(it, "title", pick(r, &d.sec_title[s]));
			vm_str(it, "intro", pick(r, &d.sec_intro[s]));
			vm_int(it, "page", s + 1);
			conds_model(r, it, &d, 0, d.s.sec[s]);
		}
		l = NULL;
		for (i = 0; i < d.s.nq; i++) {
			if (d.qi[i].section != s)
				continue;
			if (it == NULL) {
				it = vm_push(secs);
				vm_bool(it, "loose", 1);
			}
			if (l == NULL)
				l = vm_list(it, "questions");
			question_item(r, vm_push(l), &d, i);
		}
	}
	/* The choices of the forms. */
	l = vm_list(m, "section_choices");
	for (s = 0; s < d.s.nsec; s++) {
		c = vm_push(l);
		vm_strf(c, "value", "%llu", d.s.sec[s]);
		vm_str(c, "label", pick(r, &d.sec_title[s]));
		vm_bool(c, "selected", (unsigned long long)cur_section ==
		    d.s.sec[s] || (cur_section == 0 && s == d.s.nsec - 1));
	}
	l = vm_list(m, "targets");
	for (i = 0; i < d.s.nq; i++) {
		c = vm_push(l);
		vm_strf(c, "value", "q%llu", d.q[i].id);
		vm_str(c, "label", arena_printf(r->a, "%d. %s", i + 1,
		    pick(r, &d.qi[i].text)));
	}
	for (s = 0; s < d.s.nsec; s++) {
		c = vm_push(l);
		vm_strf(c, "value", "s%llu", d.s.sec[s]);
		vm_str(c, "label", arena_printf(r->a, "%s: %s",
		    tr(r, "Section"), pick(r, &d.sec_title[s])));
	}
	l = vm_list(m, "sources");
	it = vm_list(m, "option_choices");
	for (i = 0; i < d.s.nq; i++) {
		if (d.q[i].kind == QK_RANKING || d.q[i].kind == QK_MATRIX)
			continue;
		c = vm_push(l);
		vm_strf(c, "value", "%llu", d.q[i].id);
		vm_str(c, "label", arena_printf(r->a, "%d. %s", i + 1,
		    pick(r, &d.qi[i].text)));
		for (k = 0; k < d.q[i].nopt; k++) {
			c = vm_push(it);
			vm_strf(c, "value", "%llu", d.q[i].opt[k]);
			vm_str(c, "label", arena_printf(r->a, "%d. %s", i + 1,
			    pick(r, &d.qi[i].opt[k])));
		}
	}
	vm_bool(m, "can_condition", d.s.nq > 1);
	res = db_query(r->db, r->a, SQL_SURVEY_SETTINGS, DB_ARGS(
	    DB_U(activity, a->id), DB_U(user, 0)));
	if (res == NULL)
		return 500;
	if (dbres_next(res))
		present_choices(r, m, "results_choices", results_names,
		    results_labels, 2, dbres_str(res, SURVEY_SETTINGS_RESULTS));
	res = db_query(r->db, r->a, SQL_SV_VOTE_ATTACHED, DB_ARGS(
	    DB_U(activity, a->id)));
	if (res == NULL)
		return 500;
	if (dbres_next(res)) {
		it = vm_child(m, "vote");
		vm_str(it, "question_ar", dbres_str(res,
		    SV_VOTE_ATTACHED_QUESTION_AR));
		vm_str(it, "question_en", dbres_str(res,
		    SV_VOTE_ATTACHED_QUESTION_EN));
	}
	present_form(r, m, PARAMS(sv_section_params));
	present_form(r, m, PARAMS(sv_question_params));
	present_form(r, m, PARAMS(sv_cond_params));
	present_form(r, m, PARAMS(sv_vote_params));
	if (status != 0)
		return http_form_again(r, "staff/survey", m, status);
	return http_render(r, "staff/survey", m);
}

int
page_survey_builder(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = staff_activity_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	return builder_show(r, &a, NULL, 0);
}

/* What a builder write does, and the problem it may report. */
enum svop {
	SO_SECTION_ADD, SO_SECTION_DELETE, SO_QUESTION_ADD,
	SO_QUESTION_DELETE, SO_QUESTION_MOVE, SO_QUESTION_EDIT, SO_COND_ADD,
	SO_COND_DELETE,
	SO_POLL, SO_VOTE
};
struct svwrite {
	enum svop		 op;
	const struct activity	*a;
	const char		*problem;	/* msgid, for 409 */
};

/* The non-blank lines of a text, trimmed (arena-owned). */
static int
lines(struct req *r, const char *s, const char ***out)
{
	const char	**v;
	const char	*p, *e;
	int		 n = 0;

	v = arena_zalloc(r->a, sizeof(char *) * (SV_MAXOPT + SV_MAXROWS + 2));
	*out = v;
	for (p = s; p != NULL && *p != '\0'; p = *e ? e + 1 : e) {
		const char *b = p, *z;
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		z = e;
		while (b < z && (*b == ' ' || *b == '\t'))
			b++;
		while (z > b && (z[-1] == ' ' || z[-1] == '\t' ||
		    z[-1] == '\r'))
			z--;
		if (z == b)
			continue;
		if (n > SV_MAXOPT + SV_MAXROWS)
			return n + 1;
		v[n++] = arena_printf(r->a, "%.*s", (int)(z - b), b);
	}
	return n;
}

/* An answer or a row given twice, in Arabic (field ar) or English
 * (field en): the message at that field, 1; 0 when they all differ. */
static int
labels_repeated(struct req *r, int n, const char **v, int n_en,
    const char **v_en, int ar, int en)
{
	const char	*same;
	int		 field = ar;

	if ((same = survey_repeated(v, n)) == NULL) {
		field = en;
		same = survey_repeated(v_en, n_en);
	}
	if (same == NULL)
		return 0;
	http_arg_error(r, field, i18n_subst(r->a, tr(r, "Each line must "
	    "differ from the others: \u201c{1}\u201d is given twice."), same,
	    NULL));
	return 1;
}

static const char *
null_if_blank(const char *s)
{
	return s == NULL || *s == '\0' ? NULL : s;
}

static enum outcome
question_add(struct req *r, struct svwrite *w)
{
	const struct activity *a = w->a;
	struct survey_def d;
	struct qdef	 q;
	const char	**oar, **oen, **rar, **ren;
	unsigned long long section = (unsigned long long)http_arg_int(r,
	    SVQ_SECTION, 0), qid;
	enum qdef_problem p;
	int		 k, slots = 0, found = 0;
	long long	 smax;

	memset(&q, 0, sizeof(q));
	q.kind = (enum q_kind)http_arg_int(r, SVQ_KIND, QK__MAX);
	q.nopt = lines(r, http_arg_str(r, SVQ_OPTIONS_AR), &oar);
	q.nopt_en = lines(r, http_arg_str(r, SVQ_OPTIONS_EN), &oen);
	q.nrows = lines(r, http_arg_str(r, SVQ_ROWS_AR), &rar);
	q.nrows_en = lines(r, http_arg_str(r, SVQ_ROWS_EN), &ren);
	smax = http_arg_int(r, SVQ_SCALE_MAX, 0) == 1 ? 10 : 5;
	q.scale_max = smax;
	q.num_min = http_arg_int(r, SVQ_NUM_MIN, 0);
	q.num_max = http_arg_int(r, SVQ_NUM_MAX, 0);
	q.min_choices = http_arg_int(r, SVQ_MIN_CHOICES, 0);
	q.max_choices = http_arg_int(r, SVQ_MAX_CHOICES, 0);
	if ((p = survey_check_qdef(&q)) != QD_OK) {
		static const int field[QD__MAX] = {
			[QD_KIND] = SVQ_KIND, [QD_OPTIONS] = SVQ_OPTIONS_AR,
			[QD_OPTIONS_EN] = SVQ_OPTIONS_EN,
			[QD_ROWS] = SVQ_ROWS_AR, [QD_ROWS_EN] = SVQ_ROWS_EN,
			[QD_SCALE] = SVQ_SCALE_MAX, [QD_RANGE] = SVQ_NUM_MAX,
			[QD_CHOICES] = SVQ_MAX_CHOICES,
		};
		http_arg_error(r, field[p], qdef_problem_msgs[p]);
		return OUT_INVALID;
	}
	if (labels_repeated(r, q.nopt, oar, q.nopt_en, oen, SVQ_OPTIONS_AR,
	    SVQ_OPTIONS_EN) || labels_repeated(r, q.nrows, rar, q.nrows_en,
	    ren, SVQ_ROWS_AR, SVQ_ROWS_EN))
		return OUT_INVALID;
	if (survey_load(r->db, r->a, a->id, &d) == -1)
		return OUT_ERROR;
	/* A poll: one question with fixed answers (Tawasul art. 2). */
	if (a->kind == AK_POLL && (d.s.nq > 0 || (q.kind != QK_SINGLE &&
	    q.kind != QK_MULTIPLE))) {
		http_arg_error(r, SVQ_KIND, N_("A poll has one question, with "
		    "fixed answers: a single or a multiple choice."));
		return OUT_INVALID;
	}
	for (k = 0; k < d.s.nq; k++)
		slots += d.q[k].kind == QK_MATRIX ? d.q[k].nrows : 1;
	slots += q.kind == QK_MATRIX ? q.nrows : 1;
	if (d.s.nq >= SV_MAXQ || slots > SV_MAXSLOTS) {
		http_arg_error(r, SVQ_TEXT_AR, N_("This survey has as many "
		    "questions as it may have."));
		return OUT_INVALID;
	}
	for (k = 0; k < d.s.nsec; k++)
		if (d.s.sec[k] == section)
			found = 1;
	if (section != 0 && !found) {
		http_arg_error(r, SVQ_SECTION, N_("Choose a section of this "
		    "survey."));
		return OUT_INVALID;
	}
	if (db_exec(r->db, SQL_SV_QUESTION_INSERT, DB_ARGS(
	    DB_U(activity, a->id), DB_U(section, section),
	    DB_S(kind, q_kind_names[q.kind]),
	    DB_S(text_ar, http_arg_str(r, SVQ_TEXT_AR)),
	    DB_S(text_en, null_if_blank(http_arg_str(r, SVQ_TEXT_EN))),
	    DB_I(required, http_arg_int(r, SVQ_REQUIRED, 0) != 0),
	    DB_I(scale_max, smax), DB_I(min_choices, q.min_choices),
	    DB_I(max_choices, q.max_choices), DB_I(num_min, q.num_min),
	    DB_I(num_max, q.num_max),
	    DB_S(low_ar, null_if_blank(http_arg_str(r, SVQ_LOW_AR))),
	    DB_S(low_en, null_if_blank(http_arg_str(r, SVQ_LOW_EN))),
	    DB_S(high_ar, null_if_blank(http_arg_str(r, SVQ_HIGH_AR))),
	    DB_S(high_en, null_if_blank(http_arg_str(r, SVQ_HIGH_EN))))) != 1)
		return OUT_ERROR;
	qid = db_insert_id(r->db);
	for (k = 0; survey_kind_has_options(q.kind) && k < q.nopt; k++)
		if (db_exec(r->db, SQL_SV_OPTION_INSERT, DB_ARGS(
		    DB_U(question, qid), DB_I(position, k + 1),
		    DB_S(label_ar, oar[k]),
		    DB_S(label_en, k < q.nopt_en ? oen[k] : NULL))) != 1)
			return OUT_ERROR;
	for (k = 0; q.kind == QK_MATRIX && k < q.nrows; k++)
		if (db_exec(r->db, SQL_SV_ROW_INSERT, DB_ARGS(
		    DB_U(question, qid), DB_I(position, k + 1),
		    DB_S(label_ar, rar[k]),
		    DB_S(label_en, k < q.nrows_en ? ren[k] : NULL))) != 1)
			return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), "question.add", "question",
	    qid, arena_printf(r->a, "activity %llu, %s", a->id,
	    q_kind_names[q.kind])) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static enum outcome
question_edit(struct req *r, struct svwrite *w)
{
	struct survey_def d;
	const char	**oar, **oen, **rar, **ren;
	int		 i, k, nopt, nopt_en, nrows, nrows_en;
	unsigned long long qid = (unsigned long long)r->segi[1];
	unsigned long long act = w->a->id;

	if (survey_load(r->db, r->a, act, &d) == -1)
		return OUT_ERROR;
	if ((i = survey_index(&d.s, qid)) < 0)
		return OUT_NOTFOUND;
	nopt = lines(r, http_arg_str(r, SVE_OPTIONS_AR), &oar);
	nopt_en = lines(r, http_arg_str(r, SVE_OPTIONS_EN), &oen);
	nrows = lines(r, http_arg_str(r, SVE_ROWS_AR), &rar);
	nrows_en = lines(r, http_arg_str(r, SVE_ROWS_EN), &ren);
	/* The same answers and rows, relabelled: conditions and answers
	 * point at them. */
	if (nopt != d.q[i].nopt) {
		http_arg_error(r, SVE_OPTIONS_AR, N_("Keep one line for each "
		    "answer the question has, in the same order."));
		return OUT_INVALID;
	}
	if (nopt_en != 0 && nopt_en != nopt) {
		http_arg_error(r, SVE_OPTIONS_EN, qdef_problem_msgs[
		    QD_OPTIONS_EN]);
		return OUT_INVALID;
	}
	if (labels_repeated(r, nopt, oar, nopt_en, oen, SVE_OPTIONS_AR,
	    SVE_OPTIONS_EN) || labels_repeated(r, nrows, rar, nrows_en, ren,
	    SVE_ROWS_AR, SVE_ROWS_EN))
		return OUT_INVALID;
	if (nrows != d.q[i].nrows) {
		http_arg_error(r, SVE_ROWS_AR, N_("Keep one line for each row "
		    "the matrix has, in the same order."));
		return OUT_INVALID;
	}
	if (nrows_en != 0 && nrows_en != nrows) {
		http_arg_error(r, SVE_ROWS_EN, qdef_problem_msgs[QD_ROWS_EN]);
		return OUT_INVALID;
	}
	if (db_exec(r->db, SQL_SV_QUESTION_UPDATE, DB_ARGS(DB_U(id, qid),
	    DB_U(activity, act),
	    DB_S(text_ar, http_arg_str(r, SVE_TEXT_AR)),
	    DB_S(text_en, null_if_blank(http_arg_str(r, SVE_TEXT_EN))),
	    DB_I(required, http_arg_int(r, SVE_REQUIRED, 0) != 0))) < 0)
		return OUT_ERROR;
	for (k = 0; k < nopt; k++)
		if (db_exec(r->db, SQL_SV_OPTION_RELABEL, DB_ARGS(
		    DB_U(question, qid), DB_I(position, k + 1),
		    DB_S(label_ar, oar[k]),
		    DB_S(label_en, k < nopt_en ? oen[k] : NULL))) < 0)
			return OUT_ERROR;
	for (k = 0; k < nrows; k++)
		if (db_exec(r->db, SQL_SV_ROW_RELABEL, DB_ARGS(
		    DB_U(question, qid), DB_I(position, k + 1),
		    DB_S(label_ar, rar[k]),
		    DB_S(label_en, k < nrows_en ? ren[k] : NULL))) < 0)
			return OUT_ERROR;
	return audit_record(r->db, staff_actor(r), "question.edit",
	    "question", qid, arena_printf(r->a, "activity %llu",
	    w->a->id)) == -1 ? OUT_ERROR : OUT_OK;
}

/* The field a condition's problem is said at. */
static int
cond_field(enum cond_problem p)
{
	switch (p) {
	case CP_NO_SOURCE:
	case CP_BAD_SOURCE:
		return SVC_SOURCE;
	case CP_BAD_VALUE:
		return SVC_VALUE;
	case CP_BAD_OP:
		return SVC_OP;
	default:
		return SVC_TARGET;
	}
}

static enum outcome
cond_add(struct req *r, struct svwrite *w)
{
	struct survey_def d;
	struct sv_cond	 c;
	enum cond_problem p;
	const char	*target = http_arg_str(r, SVC_TARGET), *value;
	unsigned long long tid;
	long long	 opt = http_arg_int(r, SVC_VALUE_OPTION, 0);
	char		*end;

	memset(&c, 0, sizeof(c));
	tid = target != NULL && (target[0] == 'q' || target[0] == 's') ?
	    strtoull(target + 1, &end, 10) : 0;
	if (tid == 0 || *end != '\0') {
		http_arg_error(r, SVC_TARGET, N_("Choose a question or a "
		    "section of this survey."));
		return OUT_INVALID;
	}
	if (target[0] == 'q')
		c.question_id = tid;
	else
		c.section_id = tid;
	c.source_id = (unsigned long long)http_arg_int(r, SVC_SOURCE, 0);
	c.op = (enum cond_op)http_arg_int(r, SVC_OP, SC__MAX);
	value = opt > 0 ? arena_printf(r->a, "%lld", opt) :
	    http_arg_str(r, SVC_VALUE);
	c.value = value != NULL ? value : "";
	if (survey_load(r->db, r->a, w->a->id, &d) == -1)
		return OUT_ERROR;
	if ((p = survey_check_cond(&d.s, &c)) != CP_OK) {
		http_arg_error(r, cond_field(p), cond_problem_msgs[p]);
		return OUT_INVALID;
	}
	if (db_exec(r->db, SQL_SV_CONDITION_INSERT, DB_ARGS(
	    DB_U(activity, w->a->id), DB_U(question, c.question_id),
	    DB_U(section, c.section_id),
	    DB_U(source, c.source_id), DB_S(op, cond_op_names[c.op]),
	    DB_S(value, c.value))) != 1)
		return OUT_ERROR;
	return audit_record(r->db, staff_actor(r), "condition.add",
	    "question", c.question_id ? c.question_id : c.source_id,
	    arena_printf(r->a, "activity %llu: %s on question %llu %s %s",
	    w->a->id, target, c.source_id, cond_op_names[c.op], c.value)) ==
	    -1 ? OUT_ERROR : OUT_OK;
}

static enum outcome
question_op(struct req *r, struct svwrite *w)
{
	unsigned long long act = w->a->id, qid = (unsigned long long)r->segi[1];
	struct dbres	*res;
	struct survey_def d;
	int		 at;

	res = db_query(r->db, r->a, SQL_SV_QUESTION_LOCK, DB_ARGS(
	    DB_U(id, qid), DB_U(activity, act)));
	if (res == NULL)
		return OUT_ERROR;
	if (!dbres_next(res))
		return OUT_NOTFOUND;
	if (w->op == SO_QUESTION_DELETE) {
		if (dbres_int(res, SV_QUESTION_LOCK_DEPENDENTS) > 0) {
			w->problem = N_("This question cannot be deleted: a "
			    "condition depends on its answer. Delete that "
			    "condition first.");
			return OUT_CONFLICT;
		}
		if (dbres_int(res, SV_QUESTION_LOCK_ANSWERS) > 0) {
			w->problem = N_("This question already has answers "
			    "and cannot be deleted.");
			return OUT_CONFLICT;
		}
		if (db_exec(r->db, SQL_SV_QUESTION_DELETE, DB_ARGS(
		    DB_U(id, qid), DB_U(activity, act))) != 1)
			return OUT_ERROR;
		return audit_record(r->db, staff_actor(r), "question.delete",
		    "question", qid, arena_printf(r->a, "activity %llu",
		    act)) == -1 ? OUT_ERROR : OUT_OK;
	}
	res = db_query(r->db, r->a, SQL_SV_QUESTION_NEIGHBOUR, DB_ARGS(
	    DB_U(id, qid), DB_U(activity, act),
	    DB_I(dir, http_arg_int(r, MOVE_DIR, 0) == 0 ? -1 : 1)));
	if (res == NULL)
		return OUT_ERROR;
	if (!dbres_next(res))
		return OUT_OK;	/* already first or last */
	if (db_exec(r->db, SQL_SV_QUESTION_SET_POSITION, DB_ARGS(
	    DB_I(position, dbres_int(res,
	    SV_QUESTION_NEIGHBOUR_OWN_POSITION)),
	    DB_U(id, dbres_u(res, SV_QUESTION_NEIGHBOUR_NEIGHBOUR_ID)))) < 0 ||
	    db_exec(r->db, SQL_SV_QUESTION_SET_POSITION, DB_ARGS(
	    DB_I(position, dbres_int(res,
	    SV_QUESTION_NEIGHBOUR_NEIGHBOUR_POSITION)), DB_U(id, qid))) < 0)
		return OUT_ERROR;
	/* The order changed: every condition must still look back. */
	if (survey_load(r->db, r->a, act, &d) == -1)
		return OUT_ERROR;
	if (survey_check_graph(&d.s, &at) != CP_OK) {
		w->problem = N_("This move would put a question before the "
		    "question its condition depends on.");
		return OUT_CONFLICT;
	}
	return audit_record(r->db, staff_actor(r), "question.move",
	    "question", qid, arena_printf(r->a, "activity %llu", act)) == -1 ?
	    OUT_ERROR : OUT_OK;
}

static enum outcome
builder_tx(struct req *r, void *arg)
{
	struct svwrite	*w = arg;
	enum act_state	 st;
	struct dbres	*res;
	unsigned long long act = w->a->id;

	switch (workflow_lock(r->db, r->a, act, &st)) {
	case WF_OK:
		break;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	default:
		return OUT_ERROR;
	}
	/* The vote on a draft may be attached while the consultation is
	 * open; everything else only while the activity is editable. */
	if (!activity_editable(st) && !(w->op == SO_VOTE &&
	    activity_state_public(st))) {
		w->problem = N_("The questions can no longer be changed: the "
		    "activity has left the draft.");
		return OUT_CONFLICT;
	}
	switch (w->op) {
	case SO_SECTION_ADD:
		if (db_exec(r->db, SQL_SV_SECTION_INSERT, DB_ARGS(
		    DB_U(activity, act),
		    DB_S(title_ar, http_arg_str(r, SVSEC_TITLE_AR)),
		    DB_S(title_en, null_if_blank(http_arg_str(r,
		    SVSEC_TITLE_EN))),
		    DB_S(intro_ar, null_if_blank(http_arg_str(r,
		    SVSEC_INTRO_AR))),
		    DB_S(intro_en, null_if_blank(http_arg_str(r,
		    SVSEC_INTRO_EN))))) != 1)
			return OUT_ERROR;
		return audit_record(r->db, staff_actor(r), "section.add",
		    "activity", act, NULL) == -1 ? OUT_ERROR : OUT_OK;
	case SO_SECTION_DELETE:
		res = db_query(r->db, r->a, SQL_SV_SECTION_QUESTIONS, DB_ARGS(
		    DB_U(id, r->segi[1]), DB_U(activity, act)));
		if (res == NULL)
			return OUT_ERROR;
		if (!dbres_next(res))
			return OUT_NOTFOUND;
		if (dbres_int(res, SV_SECTION_QUESTIONS_QUESTIONS) > 0) {
			w->problem = N_("This section still has questions: "
			    "delete them first.");
			return OUT_CONFLICT;
		}
		if (db_exec(r->db, SQL_SV_SECTION_DELETE, DB_ARGS(
		    DB_U(id, r->segi[1]), DB_U(activity, act))) != 1)
			return OUT_ERROR;
		return audit_record(r->db, staff_actor(r), "section.delete",
		    "activity", act, NULL) == -1 ? OUT_ERROR : OUT_OK;
	case SO_QUESTION_ADD:
		return question_add(r, w);
	case SO_QUESTION_EDIT:
		return question_edit(r, w);
	case SO_QUESTION_DELETE:
	case SO_QUESTION_MOVE:
		return question_op(r, w);
	case SO_COND_ADD:
		return cond_add(r, w);
	case SO_COND_DELETE:
		if (db_exec(r->db, SQL_SV_CONDITION_DELETE, DB_ARGS(
		    DB_U(id, r->segi[1]), DB_U(activity, act))) != 1)
			return OUT_NOTFOUND;
		return audit_record(r->db, staff_actor(r), "condition.delete",
		    "activity", act, NULL) == -1 ? OUT_ERROR : OUT_OK;
	case SO_POLL:
		if (db_exec(r->db, SQL_POLL_RESULTS_SET, DB_ARGS(
		    DB_U(activity, act), DB_S(results, results_names[
		    http_arg_int(r, SVP_RESULTS, 0) == 1]))) < 0)
			return OUT_ERROR;
		return audit_record(r->db, staff_actor(r), "poll.results",
		    "activity", act, results_names[http_arg_int(r,
		    SVP_RESULTS, 0) == 1]) == -1 ? OUT_ERROR : OUT_OK;
	case SO_VOTE:
		if (db_exec(r->db, SQL_VOTE_ATTACH, DB_ARGS(
		    DB_U(activity, act),
		    DB_S(question_ar, http_arg_str(r, SVV_QUESTION_AR)),
		    DB_S(question_en, null_if_blank(http_arg_str(r,
		    SVV_QUESTION_EN))), DB_U(user, r->sess->user_id))) < 0)
			return OUT_ERROR;
		return audit_record(r->db, staff_actor(r), "vote.attach",
		    "activity", act, NULL) == -1 ? OUT_ERROR : OUT_OK;
	}
	return OUT_ERROR;
}

static int
builder_write(struct req *r, enum svop op)
{
	struct activity	 a;
	struct svwrite	 w;
	const char	*url, *prev;
	int		 rc;

	if ((rc = staff_activity_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (op == SO_POLL && a.kind != AK_POLL)
		return 404;
	if (op == SO_VOTE && a.kind != AK_CONSULTATION)
		return 404;
	if (r->nerr > 0)
		return builder_show(r, &a, NULL, 422);
	memset(&w, 0, sizeof(w));
	w.op = op;
	w.a = &a;
	url = arena_printf(r->a, "/staff/activities/%llu/questions", a.id);
	switch (http_form_tx(r, builder_tx, &w, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	case OUT_INVALID:
		return builder_show(r, &a, NULL, 422);
	case OUT_CONFLICT:
		return builder_show(r, &a, w.problem != NULL ?
		    tr(r, w.problem) : NULL, 409);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

int
page_survey_section_add(struct req *r)
{
	return builder_write(r, SO_SECTION_ADD);
}

int
page_survey_section_delete(struct req *r)
{
	return builder_write(r, SO_SECTION_DELETE);
}

int
page_survey_question_add(struct req *r)
{
	return builder_write(r, SO_QUESTION_ADD);
}

int
page_survey_question_edit(struct req *r)
{
	return builder_write(r, SO_QUESTION_EDIT);
}

int
page_survey_question_delete(struct req *r)
{
	return builder_write(r, SO_QUESTION_DELETE);
}

int
page_survey_question_move(struct req *r)
{
	return builder_write(r, SO_QUESTION_MOVE);
}

int
page_survey_condition_add(struct req *r)
{
	return builder_write(r, SO_COND_ADD);
}

int
page_survey_condition_delete(struct req *r)
{
	return builder_write(r, SO_COND_DELETE);
}

int
page_survey_poll(struct req *r)
{
	return builder_write(r, SO_POLL);
}

int
page_survey_vote(struct req *r)
{
	return builder_write(r, SO_VOTE);
}
