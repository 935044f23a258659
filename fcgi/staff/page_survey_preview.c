/*
 * page_survey_preview.c — a survey as respondents see it, its results
 * and its anonymised export, for the staff of its entity (issue 12).
 *
 * GET /staff/activities/{id}/preview     sv_preview_params: page → that
 *                                 page drawn by the respondents' own
 *                                 renderer (every question of the page,
 *                                 the conditional ones with their "answer
 *                                 only if"), links to the other pages.
 *                                 View staff/survey_preview.
 * GET /staff/activities/{id}/results     the per-question results
 *                                 (survey_results.c), with the latest
 *                                 free-text answers.  A sealed poll shows
 *                                 no number before closing.  View
 *                                 staff/survey_results.
 * GET /staff/activities/{id}/responses.csv   one row per response
 *                                 (RFC 4180, UTF-8): response, submitted,
 *                                 then fixed columns — one per question,
 *                                 one per matrix row, one per option of a
 *                                 multiple choice (1 chosen, 0 not) and of
 *                                 a ranking (its position); "N/S" not shown,
 *                                 "" not answered.  Streamed row by row in
 *                                 constant memory.  409 for a sealed poll
 *                                 before closing.
 * ACT_ACTIVITY_VIEW on the activity's entity; a survey or poll (404).
 *
 * The renderer and the results section are the public program's: this
 * file compiles them in (one drawing for respondents and staff).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "moderation.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "survey.h"
#include "vm.h"

#include "../public/page_survey_form.c"
#include "../public/survey_results.c"

/* The not-shown and not-answered codes of the export (not shown is
 * told by the pointer: a text answer "N/S" stays an answer; a leading
 * "-" would be taken for a formula and neutralised by buf_csv). */
static const char csv_not_shown[] = "N/S";
#define CSV_NOT_ANSWERED	""

const struct param sv_preview_params[SVPV__MAX] = {
	[SVPV_PAGE] = { .name = "page", .type = PT_INT, .min = 0,
	    .max = SV_MAXQ },
};

static int
preview_load(struct req *r, struct activity *a)
{
	struct dbres	*res;

	res = db_query(r->db, r->a, SQL_ACTIVITY_BY_ID, DB_ARGS(
	    DB_U(id, r->segi[0]), DB_U(reader, 0)));
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	activity_fill(a, res);
	if (!staff_may(r, ACT_ACTIVITY_VIEW, a->entity_id) ||
	    (a->kind != AK_SURVEY && a->kind != AK_POLL))
		return 404;
	return 0;
}

int
page_survey_preview(struct req *r)
{
	struct activity	 a;
	struct survey_def d;
	struct val	*m, *l, *it;
	int		*base, *page_of, *vis, npages, page, k, rc;
	struct sv_answer *ans;

	if ((rc = preview_load(r, &a)) != 0)
		return rc;
	if (survey_load(r->db, r->a, a.id, &d) == -1)
		return 500;
	base = arena_zalloc(r->a, sizeof(int) * (size_t)(d.s.nq + 1));
	page_of = arena_zalloc(r->a, sizeof(int) * (size_t)(d.s.nq + 1));
	vis = arena_zalloc(r->a, sizeof(int) * (size_t)(d.s.nq + 1));
	ans = arena_zalloc(r->a, sizeof(*ans) * (size_t)(d.s.nq + 1));
	if (survey_slots(&d, base) == -1)
		return 500;
	survey_pages(&d, page_of, &npages);
	for (k = 0; k < d.s.nq; k++)
		vis[k] = 1;	/* every question, each with its condition */
	page = (int)http_arg_int(r, SVPV_PAGE, 0);
	if (page >= npages)
		page = 0;
	m = http_model(r);
	vm_strf(m, "id", "%llu", a.id);
	vm_str(m, "title", present_pick(r, a.title_ar, a.title_en));
	vm_str(m, "summary", present_pick(r, a.summary_ar, a.summary_en));
	vm_bool(m, "is_poll", a.kind == AK_POLL);
	survey_questions_model(r, m, &d, base, ans, vis, NULL, page_of, page);
	l = vm_list(m, "pages");
	for (k = 0; k < npages; k++) {
		it = vm_push(l);
		vm_int(it, "page", k);
		vm_int(it, "number", k + 1);
		vm_bool(it, "current", k == page);
	}
	vm_bool(m, "paged", npages > 1);
	return http_render(r, "staff/survey_preview", m);
}

#define TEXTS_STAFF	500	/* free-text answers on the staff page */

/* The staff results: the per-question results, then every free-text
 * answer with its moderation status and the form that decides them. */
static int
staff_results_show(struct req *r, const struct activity *a, int status,
    long long reason)
{
	struct val	*m, *l, *it;
	struct dbres	*res;
	struct survey_def d;
	const char	*st;
	enum text_status ts;
	int		 i;

	m = http_model(r);
	vm_strf(m, "id", "%llu", a->id);
	vm_str(m, "title", present_pick(r, a->title_ar, a->title_en));
	if (survey_results_section(r, m, a, 1) == -1)
		return 500;
	if (survey_load(r->db, r->a, a->id, &d) == -1)
		return 500;
	if ((res = db_query(r->db, r->a, SQL_SURVEY_TEXTS, DB_ARGS(
	    DB_U(activity, a->id), DB_I(staff, 1), DB_U(before, 0),
	    DB_I(limit, TEXTS_STAFF)))) == NULL)
		return 500;
	l = vm_list(m, "texts");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "xid", dbres_str(res, SURVEY_TEXTS_ID));
		vm_str(it, "text", dbres_str(res, SURVEY_TEXTS_TEXT));
		st = dbres_str(res, SURVEY_TEXTS_TEXT_STATUS);
		ts = survey_text_status(st);
		vm_str(it, "status", st);
		vm_bool(it, "pending", ts == TS_PENDING);
		vm_str(it, "status_label", present_label(r, text_status_labels,
		    TS__MAX, ts));
		if (!dbres_isnull(res, SURVEY_TEXTS_REASON_AR))
			vm_str(it, "reason", present_pick(r,
			    dbres_str(res, SURVEY_TEXTS_REASON_AR),
			    dbres_str(res, SURVEY_TEXTS_REASON_EN)));
		i = survey_index(&d.s, dbres_u(res,
		    SURVEY_TEXTS_QUESTION_ID));
		if (i >= 0)
			vm_str(it, "question", present_pick(r,
			    d.qi[i].text.ar, d.qi[i].text.en));
	}
	if (mod_reasons_model(r, m, reason) == -1)
		return 500;
	if (status == 200 && http_arg_str(r, MODQ_DONE) != NULL) {
		vm_bool(m, "notice", 1);
		vm_str(m, "n_done", http_arg_str(r, MODQ_DONE));
		vm_str(m, "n_rejected", http_arg_str(r, MODQ_REJECTED));
		if (http_arg_int(r, MODQ_SKIPPED, 0) > 0)
			vm_str(m, "n_skipped", http_arg_str(r, MODQ_SKIPPED));
	}
	r->status = status;
	http_form_model(r, m);
	return http_render(r, "staff/survey_results", m);
}

int
page_survey_staff_results(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = preview_load(r, &a)) != 0)
		return rc;
	return staff_results_show(r, &a, 200, 0);
}

struct textop {
	struct activity		 a;
	int			 reject;
	long long		 reason;
	unsigned long long	*ids;
	int			 n, done, skipped;
};

static enum outcome
text_tx(struct req *r, void *arg)
{
	struct textop	*o = arg;

	if (survey_text_decide(r->db, staff_actor(r), o->a.id,
	    r->sess->user_id, o->reject, o->reason, o->ids, o->n, &o->done,
	    &o->skipped) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

/* POST /staff/activities/{id}/answers (mod_post_params: ids, action,
 * reason): approves or rejects free-text answers, like comments. */
int
page_survey_texts_moderate(struct req *r)
{
	struct textop	 o;
	const struct pval *ids = http_arg(r, MODP_IDS);
	const char	*back;
	int		 i, ok, rc;

	memset(&o, 0, sizeof(o));
	if ((rc = preview_load(r, &o.a)) != 0)
		return rc;
	if (!staff_may(r, ACT_MODERATE, o.a.entity_id))
		return 403;
	o.reject = http_arg_int(r, MODP_ACTION, MA_PUBLISH) == MA_REJECT;
	o.reason = http_arg_int(r, MODP_REASON, 0);
	if (ids == NULL || ids->nvals == 0)
		http_arg_error(r, MODP_IDS, "Choose at least one answer.");
	if (o.reject) {
		if ((ok = moderation_reason_ok(r->db, r->a, o.reason)) == -1)
			return 500;
		if (!ok)
			http_arg_error(r, MODP_REASON, "Choose the moderation "
			    "principle the answer does not meet.");
	}
	if (r->nerr > 0)
		return staff_results_show(r, &o.a, 422, o.reason);
	o.n = ids->nvals;
	o.ids = arena_alloc(r->a, sizeof(*o.ids) * (size_t)o.n);
	for (i = 0; i < o.n; i++)
		o.ids[i] = strtoull(ids->vals[i], NULL, 10);
	back = arena_printf(r->a, "/staff/activities/%llu/results", o.a.id);
	switch (http_form_tx(r, text_tx, &o, NULL, NULL)) {
	case OUT_OK:
		break;
	case OUT_DUPLICATE:
		return http_redirect(r, 303, back);
	default:
		return 500;
	}
	return http_redirect(r, 303, arena_printf(r->a,
	    "%s?done=%d&rejected=%d&skipped=%d#h-texts", back,
	    o.reject ? 0 : o.done, o.reject ? o.done : 0, o.skipped));
}

/* The export's columns: per question its first column and how many. */
struct csvcols {
	int	*first, *n, total;
};

static void
csv_columns(struct req *r, const struct survey_def *d, struct csvcols *c,
    struct buf *head)
{
	int	 i, k, col = 0;

	c->first = arena_zalloc(r->a, sizeof(int) * (size_t)(d->s.nq + 1));
	c->n = arena_zalloc(r->a, sizeof(int) * (size_t)(d->s.nq + 1));
	buf_adds(head, "response,submitted_at");
	for (i = 0; i < d->s.nq; i++) {
		const struct sv_question *q = &d->q[i];
		c->first[i] = col;
		switch (q->kind) {
		case QK_MULTIPLE:
		case QK_RANKING:
			c->n[i] = q->nopt;
			for (k = 0; k < q->nopt; k++)
				buf_printf(head, ",q%d_o%d", i + 1, k + 1);
			break;
		case QK_MATRIX:
			c->n[i] = q->nrows;
			for (k = 0; k < q->nrows; k++)
				buf_printf(head, ",q%d_r%d", i + 1, k + 1);
			break;
		default:
			c->n[i] = 1;
			buf_printf(head, ",q%d", i + 1);
			break;
		}
		col += c->n[i];
	}
	c->total = col;
	buf_adds(head, "\r\n");
}

/* Writes one response's row: every cell "-" (not shown) unless an answer
 * row of its question came, then "" (not answered) or the value. */
static void
csv_row(struct req *r, struct arena *row, const char *resp, const char *at,
    const char *const *cells, int n)
{
	struct buf	 line;
	int		 k;

	buf_init(&line, row);
	buf_csv(&line, resp, strlen(resp));
	buf_addc(&line, ',');
	buf_csv(&line, at, strlen(at));
	for (k = 0; k < n; k++) {
		buf_addc(&line, ',');
		buf_csv(&line, cells[k], strlen(cells[k]));
	}
	buf_adds(&line, "\r\n");
	http_write(r, line.data, line.len);
}

int
page_survey_csv(struct req *r)
{
	struct activity	 a;
	struct survey_def d;
	struct csvcols	 c;
	struct buf	 head;
	struct dbres	*res, *set;
	const char	**cells, *cur = NULL, *at = "";
	int		 rc, i, k, sealed = 0;
	struct arena	*row;

	if ((rc = preview_load(r, &a)) != 0)
		return rc;
	set = db_query(r->db, r->a, SQL_SURVEY_SETTINGS, DB_ARGS(
	    DB_U(activity, a.id), DB_U(user, 0)));
	if (set == NULL)
		return 500;
	if (dbres_next(set))
		sealed = a.kind == AK_POLL && strcmp(dbres_str(set,
		    SURVEY_SETTINGS_RESULTS), "sealed") == 0;
	if (!survey_results_allowed(&a, sealed, 0, 1))
		return http_error(r, 409);
	if (survey_load(r->db, r->a, a.id, &d) == -1)
		return 500;
	buf_init(&head, r->a);
	csv_columns(r, &d, &c, &head);
	cells = arena_zalloc(r->a, sizeof(char *) * (size_t)(c.total + 1));
	res = db_stream(r->db, r->a, SQL_SURVEY_EXPORT, DB_ARGS(
	    DB_U(activity, a.id)));
	if (res == NULL)
		return 500;
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "attachment; filename=\"sharek-responses-%llu.csv\"", a.id));
	http_stream(r, "text/csv; charset=utf-8");
	http_write(r, head.data, head.len);
	/* The values of one response live in an arena of their own, reset
	 * after its row is written: constant memory for any number. */
	row = arena_new(16384);
	for (;;) {
		const char *resp;
		rc = dbres_next(res);
		if (rc < 0) {
			arena_free(row);
			dbres_close(res);
			return 500;
		}
		resp = rc > 0 ? dbres_str(res, SURVEY_EXPORT_RESPONSE_ID) :
		    NULL;
		if (cur != NULL && (resp == NULL || strcmp(resp, cur) != 0)) {
			csv_row(r, row, cur, at, cells, c.total);
			arena_reset(row);
			cur = NULL;
		}
		if (rc == 0)
			break;
		if (cur == NULL) {
			cur = arena_strdup(row, resp);
			at = arena_strdup(row, dbres_str(res,
			    SURVEY_EXPORT_SUBMITTED_AT));
			for (k = 0; k < c.total; k++)
				cells[k] = csv_not_shown;
		}
		if ((i = survey_index(&d.s, dbres_u(res,
		    SURVEY_EXPORT_QUESTION_ID))) < 0)
			continue;
		{
			const struct sv_question *q = &d.q[i];
			unsigned long long opt = dbres_u(res,
			    SURVEY_EXPORT_OPTION_ID);
			unsigned long long rowid = dbres_u(res,
			    SURVEY_EXPORT_ROW_ID);
			const char *v = dbres_str(res, SURVEY_EXPORT_VALUE);
			const char *t = dbres_str(res, SURVEY_EXPORT_TEXT);
			int f = c.first[i];

			/* Shown: every column of the question is at least
			 * "not answered" (a multiple choice answered: 0 for
			 * each option not chosen). */
			if (c.n[i] > 0 && cells[f] == csv_not_shown)
				for (k = 0; k < c.n[i]; k++)
					cells[f + k] = q->kind == QK_MULTIPLE &&
					    opt != 0 ? "0" : CSV_NOT_ANSWERED;
			switch (q->kind) {
			case QK_MULTIPLE:
				for (k = 0; k < q->nopt; k++)
					if (q->opt[k] == opt)
						cells[f + k] = "1";
				break;
			case QK_RANKING:
				for (k = 0; k < q->nopt; k++)
					if (q->opt[k] == opt && v != NULL)
						cells[f + k] = arena_strdup(row,
						    v);
				break;
			case QK_MATRIX:
				for (k = 0; k < q->nrows; k++)
					if (q->rows[k] == rowid)
						for (int o = 0; o < q->nopt;
						    o++)
							if (q->opt[o] == opt)
								cells[f + k] =
								    arena_printf(
								    row, "%d",
								    o + 1);
				break;
			case QK_SINGLE:
				for (k = 0; k < q->nopt; k++)
					if (q->opt[k] == opt)
						cells[f] = arena_printf(row,
						    "%d", k + 1);
				break;
			case QK_YESNO:
				if (v != NULL)
					cells[f] = strcmp(v, "1") == 0 ?
					    "yes" : "no";
				break;
			case QK_SCALE:
			case QK_NUMBER:
				if (v != NULL)
					cells[f] = arena_strdup(row, v);
				break;
			default:
				if (t != NULL)
					cells[f] = arena_strdup(row, t);
				break;
			}
		}
	}
	arena_free(row);
	dbres_close(res);
	return 200;
}
