/*
 * page_survey.c — answering surveys and polls, and votes on drafts
 * (issue 12; Tawasul art. 2, Jordan OGP commitment 2).
 *
 * GET  /consultations/{id}/survey   survey_show_params: saved, changed
 *                              (notices after a response) → the first page
 *                              of the survey, started from the reader's
 *                              stored answers (a change while open).
 *                              Anyone who may see the activity
 *                              (activity_visible: restricted ones only
 *                              their targets); a survey or poll, else 404.
 *                              View public/survey.
 * POST /consultations/{id}/survey   survey_params: page, go (next | back |
 *                              submit), a0 … (the answers of every page,
 *                              page_survey_form.c) → next / back: the
 *                              other page, every answer kept (hidden
 *                              fields), 422 with a message at each
 *                              question in error on this page; submit:
 *                              every shown question checked (422 on the
 *                              first page in error), then 303
 *                              /consultations/{id}/survey?saved=1 (or
 *                              changed=1: the reader's earlier response
 *                              replaced).  Conditions are evaluated here;
 *                              the answers of hidden questions are
 *                              discarded.  One response per account (a
 *                              unique key); a double post stores one.
 *                              Not open: 409.  Signed-in users.
 * GET  /consultations/{id}/survey/results   the per-question results
 *                              (survey_results.c) when they may be shown:
 *                              a poll after voting (or after closing when
 *                              sealed), a survey after closing; otherwise
 *                              the page says when, without a number.
 *                              An anonymous reader's is the worker's
 *                              copy while nothing it shows has changed
 *                              (results_activity: one statement).
 *                              View public/survey_results_page.
 * POST /consultations/{id}/vote     vote_params: choice (for | against |
 *                              abstain), reason → 303 /consultations/{id}
 *                              #vote; the vote attached to a consultation,
 *                              one per account, changed while open.  422
 *                              (public/survey_vote, the reason kept)
 *                              without a choice; 409 not open; 404 no vote
 *                              attached.  Signed-in users.
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "cache.h"
#include "chart.h"
#include "db.h"
#include "http.h"
#include "names.h"
#include "present.h"
#include "public.h"
#include "sql_gen.h"
#include "survey.h"
#include "vm.h"

const struct param survey_show_params[SVS__MAX] = {
	[SVS_SAVED] = { .name = "saved", .type = PT_BOOL },
	[SVS_CHANGED] = { .name = "changed", .type = PT_BOOL },
};

const struct param vote_params[VOTE__MAX] = {
	[VOTE_CHOICE] = { .name = "choice", .type = PT_ENUM, .flags = P_REQ,
	    .choices = vote_choice_names, .choice_labels = vote_choice_labels,
	    .label = N_("Your vote") },
	[VOTE_REASON] = { .name = "reason", .type = PT_TEXT, .max = 2000,
	    .label = N_("Your reason (optional)") },
};

/* Loads activity {id} if the reader may see it and it is a survey or a
 * poll (any kind when any): 0, or 404 / 500. */
static int
sv_activity(struct req *r, struct activity *a, int any)
{
	struct dbres	*res;

	res = db_query(r->db, r->a, SQL_ACTIVITY_BY_ID, DB_ARGS(
	    DB_U(id, r->segi[0]), DB_U(reader, r->sess != NULL ?
	    r->sess->user_id : 0)));
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	activity_fill(a, res);
	if (!activity_visible(a))
		return 404;
	if (!any && a->kind != AK_SURVEY && a->kind != AK_POLL)
		return 404;
	return 0;
}

/* What one drawing of the form needs. */
struct svform {
	struct activity		 a;
	struct survey_def	 d;
	int			 base[SV_MAXQ + 1];
	int			 page_of[SV_MAXQ];
	int			 vis[SV_MAXQ];
	struct sv_answer	 ans[SV_MAXQ];
	const char		*errs[SV_MAXQ];
	int			 npages;
};

static int
sv_prepare(struct req *r, struct svform *f)
{
	int	 rc;

	memset(f, 0, sizeof(*f));
	if ((rc = sv_activity(r, &f->a, 0)) != 0)
		return rc;
	if (survey_load(r->db, r->a, f->a.id, &f->d) == -1)
		return 500;
	if (f->d.s.nq > SV_MAXQ || survey_slots(&f->d, f->base) == -1)
		return 500;	/* the builder keeps surveys within both */
	survey_pages(&f->d, f->page_of, &f->npages);
	return 0;
}

/* The next (dir 1) or previous (-1) page with a question shown, from
 * page; -1 when none. */
static int
sv_step(const struct svform *f, int page, int dir)
{
	for (page += dir; page >= 0 && page < f->npages; page += dir)
		if (survey_page_shown(&f->d, f->page_of, f->vis, page))
			return page;
	return -1;
}

/* Draws page of the form under status. */
static int
sv_show(struct req *r, struct svform *f, int page, int status)
{
	struct val	*m = http_model(r);
	const struct activity *a = &f->a;
	struct dbres	*res;
	int		 open = activity_is_open(a, time(NULL)), shown, k, n;
	int		 responded, sealed;

	if (page < 0 || page >= f->npages ||
	    !survey_page_shown(&f->d, f->page_of, f->vis, page))
		page = sv_step(f, -1, 1);
	vm_strf(m, "id", "%llu", a->id);
	vm_str(m, "title", present_pick(r, a->title_ar, a->title_en));
	vm_str(m, "summary", present_pick(r, a->summary_ar, a->summary_en));
	vm_str(m, "entity", present_pick(r, a->entity_name_ar,
	    a->entity_name_en));
	vm_str(m, "kind_label", present_label(r, act_kind_labels, AK__MAX,
	    (int)a->kind));
	vm_bool(m, "is_poll", a->kind == AK_POLL);
	vm_bool(m, "open", open);
	vm_int(m, "page", page < 0 ? 0 : page);
	/* "Page 2 of 3" counts the pages shown with these answers. */
	for (k = 0, n = 0, shown = 0; k < f->npages; k++)
		if (survey_page_shown(&f->d, f->page_of, f->vis, k)) {
			n++;
			if (k <= page)
				shown = n;
		}
	vm_int(m, "page_number", shown);
	vm_int(m, "pages", n);
	vm_bool(m, "paged", n > 1);
	vm_bool(m, "has_back", page >= 0 && sv_step(f, page, -1) >= 0);
	vm_bool(m, "is_last", page < 0 || sv_step(f, page, 1) < 0);
	vm_bool(m, "saved", http_arg_int(r, SVS_SAVED, 0) != 0 &&
	    r->route->params == survey_show_params);
	vm_bool(m, "changed", http_arg_int(r, SVS_CHANGED, 0) != 0 &&
	    r->route->params == survey_show_params);
	survey_questions_model(r, m, &f->d, f->base, f->ans, f->vis, f->errs,
	    f->page_of, page);
	for (k = 0; k < f->d.s.nq; k++)
		if (f->errs[k] != NULL)
			vm_bool(m, "q_errors", 1);
	res = db_query(r->db, r->a, SQL_SURVEY_SETTINGS, DB_ARGS(
	    DB_U(activity, a->id), DB_U(user, r->sess != NULL ?
	    r->sess->user_id : 0)));
	if (res == NULL)
		return 500;
	if (dbres_next(res)) {
		responded = dbres_int(res, SURVEY_SETTINGS_RESPONDED) != 0;
		sealed = a->kind == AK_POLL && strcmp(dbres_str(res,
		    SURVEY_SETTINGS_RESULTS), "sealed") == 0;
		vm_bool(m, "responded", responded);
		vm_bool(m, "sealed", sealed);
		vm_bool(m, "results_link", survey_results_allowed(a, sealed,
		    responded, 0));
	}
	if (status != 0) {
		http_header(r, "X-Sharek-Survey-Page", arena_printf(r->a,
		    "%d", page));
		return http_form_again(r, "public/survey", m, status);
	}
	http_header(r, "X-Sharek-Survey-Page", arena_printf(r->a, "%d", page));
	return http_render(r, "public/survey", m);
}

int
page_survey_form(struct req *r)
{
	struct svform	*f = arena_alloc(r->a, sizeof(*f));
	int		 rc;

	if ((rc = sv_prepare(r, f)) != 0)
		return rc;
	if (survey_answers_stored(r, f->a.id, &f->d, f->ans) == -1)
		return 500;
	survey_visible(&f->d.s, f->ans, f->vis);
	return sv_show(r, f, -1, 0);
}

struct svsubmit {
	struct svform	*f;
	int		 changed;
};

static enum outcome
survey_tx(struct req *r, void *arg)
{
	struct svsubmit	*s = arg;

	switch (survey_submit(r->db, r->a, s->f->a.id, r->sess->user_id,
	    &s->f->d, s->f->ans, s->f->vis)) {
	case SV_OK:
		return OUT_OK;
	case SV_CHANGED:
		s->changed = 1;
		return OUT_OK;
	case SV_NOT_OPEN:
		return OUT_CONFLICT;
	case SV_NOT_FOUND:
		return OUT_NOTFOUND;
	default:
		return OUT_ERROR;
	}
}

/* Marks the questions of page (-1: every page) shown and in error; the
 * first page with an error in *first.  Returns the number. */
static int
sv_check(struct req *r, struct svform *f, int page, int *first)
{
	int	 i, n = 0;

	*first = -1;
	for (i = 0; i < f->d.s.nq; i++) {
		if (!f->vis[i] || (page >= 0 && f->page_of[i] != page))
			continue;
		if ((f->errs[i] = survey_error(r, &f->d.q[i], &f->ans[i])) !=
		    NULL) {
			if (*first < 0)
				*first = f->page_of[i];
			n++;
		}
	}
	return n;
}

int
page_survey(struct req *r)
{
	struct svform	*f = arena_alloc(r->a, sizeof(*f));
	struct svsubmit	 s;
	const char	*url, *prev;
	int		 rc, page, go, first, i, k;

	if ((rc = sv_prepare(r, f)) != 0)
		return rc;
	survey_answers_post(r, &f->d, f->base, f->ans);
	survey_visible(&f->d.s, f->ans, f->vis);
	page = (int)http_arg_int(r, SVK_PAGE, 0);
	go = (int)http_arg_int(r, SVK_GO, SVGO_NEXT);
	if (r->nerr > 0) {
		/* The kernel refused a field (too long, not text): its
		 * message at its question. */
		for (i = 0; i < f->d.s.nq; i++)
			for (k = f->base[i]; k < f->base[i + 1]; k++) {
				const struct pval *p = http_arg(r,
				    SVK_SLOT0 + k);
				if (p != NULL && p->err != NULL) {
					f->errs[i] = p->err;
					page = f->page_of[i];
				}
			}
		return sv_show(r, f, page, 422);
	}
	if (!activity_is_open(&f->a, time(NULL)))
		return sv_show(r, f, page, 409);
	/* Sent from a page that was drawn as the last, when the answers
	 * just given show a later section (its condition now holds): on
	 * to it, not a submission that would refuse questions never seen. */
	if (go != SVGO_BACK && go != SVGO_NEXT && page >= 0 &&
	    sv_step(f, page, 1) >= 0)
		go = SVGO_NEXT;
	switch (go) {
	case SVGO_BACK:
		if ((k = sv_step(f, page, -1)) >= 0)
			page = k;
		return sv_show(r, f, page, 0);
	case SVGO_NEXT:
		if (sv_check(r, f, page, &first) > 0)
			return sv_show(r, f, page, 422);
		if ((k = sv_step(f, page, 1)) >= 0)
			page = k;
		return sv_show(r, f, page, 0);
	default:
		break;
	}
	if (sv_check(r, f, -1, &first) > 0)
		return sv_show(r, f, first, 422);
	s.f = f;
	s.changed = 0;
	url = arena_printf(r->a, "/consultations/%llu/survey?saved=1",
	    f->a.id);
	switch (http_form_tx(r, survey_tx, &s, url, &prev)) {
	case OUT_OK:
		if (s.changed)
			url = arena_printf(r->a, "/consultations/%llu/survey?"
			    "changed=1", f->a.id);
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	case OUT_CONFLICT:
		return sv_show(r, f, page, 409);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

const struct param sv_results_params[SVR__MAX] = {
	[SVR_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};

int
page_survey_results(struct req *r)
{
	struct activity	 a;
	struct val	*m;
	const char	*stamp;
	int		 rc;

	if ((rc = results_activity(r, &a, &stamp)) != 0)
		return rc;
	if (a.kind != AK_SURVEY && a.kind != AK_POLL)
		return 404;
	/*
	 * An anonymous reader's page is the same for all (never whether
	 * one responded: that is a signed-in reader's, who gets no copy):
	 * the worker's copy while the stamp stands — the activity's
	 * generations and its responses' writes, which every new, changed
	 * or deleted response moves in its own transaction (0036), so the
	 * next request after an answer shows the new count.  Not a bump of
	 * the activity's generation per answer: that one row would queue
	 * every answer behind the one before and drop the consultation
	 * page's copy too; the writes are in 16 shards.  The clock: the
	 * closing (the results of an open survey are hidden until then),
	 * else [cache] worker_page_seconds.
	 */
	if (results_reuse(r, stamp))
		return 200;
	http_page_until(r, a.closes_at);
	m = http_model(r);
	vm_strf(m, "id", "%llu", a.id);
	vm_str(m, "title", present_pick(r, a.title_ar, a.title_en));
	vm_str(m, "kind_label", present_label(r, act_kind_labels, AK__MAX,
	    (int)a.kind));
	if (survey_results_section_at(r, m, &a, 0, (unsigned long long)
	    http_arg_int(r, SVR_BEFORE, 0)) == -1)
		return 500;
	return http_render(r, "public/survey_results_page", m);
}

/* The vote's form again (422, 409) with the reason kept. */
static int
vote_again(struct req *r, const struct activity *a, int status)
{
	struct val	*m = http_model(r);

	vm_strf(m, "id", "%llu", a->id);
	vm_str(m, "title", present_pick(r, a->title_ar, a->title_en));
	vm_bool(m, "not_open", status == 409);
	present_fields(r, m);
	return http_form_again(r, "public/survey_vote", m, status);
}

static enum outcome
vote_tx(struct req *r, void *arg)
{
	const struct activity *a = arg;

	switch (poll_vote(r->db, r->a, a->id, r->sess->user_id,
	    (enum vote_choice)http_arg_int(r, VOTE_CHOICE, VC__MAX),
	    http_arg_str(r, VOTE_REASON))) {
	case SV_OK:
	case SV_CHANGED:
		return OUT_OK;
	case SV_NOT_OPEN:
		return OUT_CONFLICT;
	case SV_NOT_FOUND:
		return OUT_NOTFOUND;
	default:
		return OUT_ERROR;
	}
}

int
page_vote(struct req *r)
{
	struct activity	 a;
	const char	*url, *prev;
	int		 rc;

	if ((rc = sv_activity(r, &a, 1)) != 0)
		return rc;
	if (r->nerr > 0)
		return vote_again(r, &a, 422);
	url = arena_printf(r->a, "/consultations/%llu#vote", a.id);
	switch (http_form_tx(r, vote_tx, &a, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	case OUT_CONFLICT:
		return vote_again(r, &a, 409);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

int
survey_vote_model(struct req *r, struct val *m, const struct activity *a)
{
	struct dbres	*res;
	struct val	*v;
	struct chart_bar bars[VC__MAX];
	const char	*mine, *question;
	int		 open = activity_is_open(a, time(NULL)), k;

	/* An anonymous reader's is the same for all: from the cache while
	 * the activity's generation stands (a vote, and a vote attached
	 * or removed, bumps it).  A signed-in reader's has their own
	 * choice, read only when the cache says there is a vote. */
	res = NULL;
	if (r->sess == NULL || cache_ready()) {
		res = cache_query(r->db, r->a, SQL_VOTE_GET, DB_ARGS(
		    DB_U(activity, a->id), DB_U(user, 0)));
		if (res == NULL)
			return -1;
		if (!dbres_next(res))
			return 0;	/* no vote attached */
	}
	if (r->sess != NULL) {
		res = db_query(r->db, r->a, SQL_VOTE_GET, DB_ARGS(
		    DB_U(activity, a->id), DB_U(user, r->sess->user_id)));
		if (res == NULL)
			return -1;
		if (!dbres_next(res))
			return 0;
	}
	v = vm_child(m, "vote");
	question = present_pick(r, dbres_str(res, VOTE_GET_QUESTION_AR),
	    dbres_str(res, VOTE_GET_QUESTION_EN));
	vm_str(v, "question", question);
	vm_bool(v, "open", open);
	mine = dbres_str(res, VOTE_GET_MY_CHOICE);
	vm_str(v, "reason", dbres_str(res, VOTE_GET_MY_REASON));
	if (mine != NULL)
		vm_str(v, "my_vote", present_label(r, vote_choice_labels, VC__MAX,
		    names_find(vote_choice_names, VC__MAX, mine)));
	vm_strf(v, "id", "%llu", a->id);
	{
		struct val *l = vm_list(v, "choices");
		for (k = 0; k < VC__MAX; k++) {
			struct val *c = vm_push(l);
			vm_str(c, "value", vote_choice_names[k]);
			vm_str(c, "label", tr(r, vote_choice_labels[k]));
			vm_bool(c, "checked", mine != NULL &&
			    strcmp(mine, vote_choice_names[k]) == 0);
		}
	}
	/* The counts after voting or once closed, like a poll. */
	if (mine != NULL || !open) {
		bars[VC_FOR].label = tr(r, vote_choice_labels[VC_FOR]);
		bars[VC_FOR].value = dbres_int(res, VOTE_GET_VOTES_FOR);
		bars[VC_AGAINST].label = tr(r, vote_choice_labels[VC_AGAINST]);
		bars[VC_AGAINST].value = dbres_int(res,
		    VOTE_GET_VOTES_AGAINST);
		bars[VC_ABSTAIN].label = tr(r, vote_choice_labels[VC_ABSTAIN]);
		bars[VC_ABSTAIN].value = dbres_int(res,
		    VOTE_GET_VOTES_ABSTAIN);
		chart_model(r, v, "chart", "chart-vote", question, NULL, bars,
		    VC__MAX, 0);
		vm_bool(v, "counts", 1);
	}
	return 0;
}
