/*
 * page_track.c — the requester follows a request (domain.md §5): its
 * timeline (received, classified, forwarded, replied, closed, reopened,
 * escalated — never the internal notes or who handled it) and, after a
 * reply, the rating.
 *
 * GET  /complaints/mine         the signed-in user's requests.  View
 *                               complaints/mine.
 * GET  /complaints/track        track_params: ref (a reference number;
 *                               its check symbol is verified), new →
 *                               the request of the signed-in user
 *                               (complaints/request), or the look-up
 *                               form with a message: 422 mistyped, 404
 *                               none of yours, 429 throttled like logins.
 * POST /complaints/track/rate   rate_params: ref, stars (1–5), comment →
 *                               303 back; a rating below 2 reopens the
 *                               request for the operations room and
 *                               tells the entity.  404 for a request not
 *                               the user's, 409 before a reply or once
 *                               rated, 422 stars outside 1–5.
 * GET  /complaints/follow       the tracking-code form.  Anyone.  View
 *                               complaints/follow.
 * POST /complaints/follow       follow_params: code → the anonymous
 *                               report's timeline (no-store), or the form
 *                               again: 404 wrong code, 429 throttled.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "complaints.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "present.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"

#define MINE_LIMIT	100
/* The throttling keys of the two look-ups (login_attempts, as
 * passwords are counted: session.h). */
#define TRACK_KEY	"complaints:reference"
#define FOLLOW_KEY	"complaints:tracking-code"

const struct param track_params[TRACK__MAX] = {
	[TRACK_REF] = { .name = "ref", .type = PT_STR, .max = 40,
	    .label = N_("Reference number"),
	    .hint = N_("As in your acknowledgement, e.g. SH-7K3MQ-9QX2P.") },
	[TRACK_NEW] = { .name = "new", .type = PT_BOOL },
};

const struct param rate_params[RATE__MAX] = {
	[RATE_REF] = { .name = "ref", .type = PT_STR, .flags = P_REQ,
	    .max = 40 },
	[RATE_STARS] = { .name = "stars", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 5, .label = N_("Your rating (1 to 5 stars)") },
	[RATE_COMMENT] = { .name = "comment", .type = PT_TEXT, .max = 2000,
	    .label = N_("Comment"), .hint = N_("Optional.  A rating below 2 "
	    "reopens the request: say what is missing.") },
};

const struct param follow_params[FOLLOW__MAX] = {
	[FOLLOW_CODE] = { .name = "code", .type = PT_STR, .flags = P_REQ |
	    P_SECRET, .max = 40, .label = N_("Tracking code"),
	    .hint = N_("The code shown once when the report was sent.") },
};

int
page_mine(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "My requests"));
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_MINE, DB_ARGS(
	    DB_U(user, r->sess->user_id), DB_I(limit, MINE_LIMIT)))) == NULL)
		return 500;
	l = vm_list(m, "requests");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "ref", dbres_str(res, COMPLAINTS_MINE_REF_NO));
		vm_str(it, "subject", dbres_str(res, COMPLAINTS_MINE_SUBJECT));
		vm_str(it, "state", present_label(r, request_state_labels,
		    RQ__MAX, request_state(dbres_str(res,
		    COMPLAINTS_MINE_STATE))));
		vm_str(it, "type", present_pick(r,
		    dbres_str(res, COMPLAINTS_MINE_TYPE_NAME_AR),
		    dbres_str(res, COMPLAINTS_MINE_TYPE_NAME_EN)));
		vm_str(it, "entity", present_pick(r,
		    dbres_str(res, COMPLAINTS_MINE_ENTITY_NAME_AR),
		    dbres_str(res, COMPLAINTS_MINE_ENTITY_NAME_EN)));
		vm_str(it, "received", present_sqldatetime(r,
		    dbres_str(res, COMPLAINTS_MINE_CREATED_AT)));
		vm_str(it, "due", present_sqldatetime(r,
		    dbres_str(res, COMPLAINTS_MINE_DUE_AT)));
	}
	return http_render(r, "complaints/mine", m);
}

/* The look-up form again, with the message at its field. */
static int
track_form(struct req *r, int key, const char *msg, int status)
{
	struct val	*m = http_model(r);

	if (msg != NULL)
		http_arg_error(r, key, msg);
	vm_str(m, "title", tr(r, "Follow a request"));
	present_form(r, m, PARAMS(track_params));
	r->status = status;
	return http_render(r, "complaints/track", m);
}

/* Whether the requester may rate q now: after a reply, once per reply. */
static int
track_ratable(const struct creq *q)
{
	return request_step_allowed(q->state, RS_RATE) &&
	    q->answered_at != NULL && (q->rated_at == NULL ||
	    strcmp(q->rated_at, q->answered_at) < 0);
}

/* The request as its requester sees it; status 200 or a refusal's. */
static int
track_show(struct req *r, const struct creq *q, int status)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Your request"));
	if (complaints_show(r, m, q, 0) != 0)
		return 500;
	if (!q->anonymous && track_ratable(q)) {
		vm_bool(m, "ratable", 1);
		present_form(r, m, PARAMS(rate_params));
	}
	if (r->route->params == track_params &&
	    http_arg_int(r, TRACK_NEW, 0))
		vm_bool(m, "new", 1);
	r->status = status;
	return http_render(r, "complaints/request", m);
}

/* The signed-in user's request by the reference number typed as
 * parameter key: 1 found (q), else the status of the answer drawn. */
static int
track_find(struct req *r, int key, struct creq *q, int *status)
{
	char		 ref[REQUEST_REF_LEN];
	struct dbres	*res;
	long		 wait;

	switch (request_ref_parse(http_arg_str(r, key), ref)) {
	case REF_MALFORMED:
		*status = track_form(r, key, N_("This is not a reference number: "
		    "it looks like SH-7K3MQ-9QX2P."), 422);
		return 0;
	case REF_BADCHECK:
		*status = track_form(r, key, N_("This reference number has a "
		    "mistyped character: check it against your "
		    "acknowledgement."), 422);
		return 0;
	default:
		break;
	}
	if ((wait = session_throttle_wait(r, TRACK_KEY)) != 0) {
		*status = wait < 0 ? 500 : track_form(r, key,
		    session_throttle_message(r, wait), 429);
		return 0;
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_REQUEST_BY_REF,
	    DB_ARGS(DB_S(ref, ref), DB_U(user, r->sess->user_id)))) == NULL) {
		*status = 500;
		return 0;
	}
	if (!dbres_next(res)) {
		session_password_attempt(r, TRACK_KEY, 0);
		*status = track_form(r, key, N_("None of your requests has this "
		    "reference number."), 404);
		return 0;
	}
	complaints_fill(res, q);
	return 1;
}

int
page_track(struct req *r)
{
	struct creq	 q;
	const char	*ref = http_arg_str(r, TRACK_REF);
	int		 status;

	if (ref == NULL || *ref == '\0')
		return track_form(r, TRACK_REF, NULL, 200);
	if (!track_find(r, TRACK_REF, &q, &status))
		return status;
	return track_show(r, &q, 200);
}

static enum outcome
rate_tx(struct req *r, void *arg)
{
	const struct creq *found = arg;
	struct creq	 q;
	struct dbres	*res;
	const char	*due = NULL, *unit, *solve, *comment;
	int		 stars = (int)http_arg_int(r, RATE_STARS, 0), reopen, limit;

	if (complaints_load(r, found->id, 1, &q) != 1)
		return OUT_ERROR;
	if (q.requester_id != r->sess->user_id)
		return OUT_NOTFOUND;
	if (!track_ratable(&q))
		return OUT_CONFLICT;
	comment = http_arg_str(r, RATE_COMMENT);
	if (comment != NULL && *comment == '\0')
		comment = NULL;
	reopen = request_rating_reopens(stars);
	if (reopen && (due = complaints_due(r, time(NULL), q.type_code, q.priority,
	    q.axis_id, &limit, &unit, &solve)) == NULL)
		return OUT_ERROR;
	if (request_kpi(r->db, q.id, -1) == -1 ||
	    db_exec(r->db, SQL_COMPLAINTS_RATE, DB_ARGS(DB_U(id, q.id),
	    DB_I(rating, stars), DB_S(comment, comment),
	    DB_I(reopen, reopen), DB_S(due, due))) != 1 ||
	    request_kpi(r->db, q.id, 1) == -1)
		return OUT_ERROR;
	if (complaints_event(r, q.id, "rating", NULL, NULL, 1,
	    arena_printf(r->a, "%d/5%s%s", stars, comment ? ": " : "",
	    comment ? comment : "")) == -1)
		return OUT_ERROR;
	if (!reopen)
		return OUT_OK;
	if (complaints_event(r, q.id, "state", request_state_names[q.state],
	    "reopened", 1, comment) == -1)
		return OUT_ERROR;
	/* The entity is told; the operations room sees it in its list. */
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ENTITY_LIAISONS,
	    DB_ARGS(DB_U(entity, q.entity_id)))) == NULL)
		return OUT_ERROR;
	while (dbres_next(res)) {
		const char *lang = dbres_str(res,
		    COMPLAINTS_ENTITY_LIAISONS_LANG);

		if (outbox_email(r->db, dbres_str(res,
		    COMPLAINTS_ENTITY_LIAISONS_EMAIL), i18n_subst(r->a,
		    i18n_get(lang, "Sharek: request {1} was reopened"), q.ref,
		    NULL), i18n_subst(r->a, i18n_get(lang, "The requester "
		    "rated the reply to request {1} {2}/5, so it is reopened "
		    "and studied by the central operations room.  The "
		    "requester's comment:\n\n{3}\n\n{4}"), q.ref,
		    arena_printf(r->a, "%d", stars), comment ? comment : "-",
		    arena_printf(r->a, "%s/complaints/desk/requests/%llu",
		    http_base_url(), q.id), NULL)) == -1)
			return OUT_ERROR;
	}
	return audit_record(r->db, complaints_actor(r, q.entity_id),
	    "request.reopen", "request", q.id, arena_printf(r->a,
	    "rated %d/5", stars)) == -1 ? OUT_ERROR : OUT_OK;
}

int
page_rate(struct req *r)
{
	struct creq	 q;
	const char	*url, *prev;
	int		 status;

	if (!track_find(r, RATE_REF, &q, &status))
		return status;
	if (r->nerr > 0)
		return track_show(r, &q, 422);
	url = arena_printf(r->a, "/complaints/track?ref=%s", q.ref);
	switch (http_form_tx(r, rate_tx, &q, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev ? prev : url);
	case OUT_NOTFOUND:
		return 404;
	case OUT_CONFLICT:
		http_arg_error(r, RATE_STARS, "This reply has been rated "
		    "already, or there is no reply to rate yet.");
		return track_show(r, &q, 409);
	default:
		return 500;
	}
}

static int
follow_form(struct req *r, const char *msg, int status)
{
	struct val	*m = http_model(r);

	http_nostore(r);
	if (msg != NULL)
		http_arg_error(r, FOLLOW_CODE, msg);
	vm_str(m, "title", tr(r, "Follow an anonymous report"));
	present_form(r, m, PARAMS(follow_params));
	r->status = status;
	return http_render(r, "complaints/follow", m);
}

int
page_follow_form(struct req *r)
{
	return follow_form(r, NULL, 200);
}

int
page_follow(struct req *r)
{
	unsigned char	 h[32];
	struct dbres	*res;
	struct creq	 q;
	long		 wait;

	if (r->nerr > 0)
		return follow_form(r, NULL, 422);
	if ((wait = session_throttle_wait(r, FOLLOW_KEY)) != 0)
		return wait < 0 ? 500 : follow_form(r,
		    session_throttle_message(r, wait), 429);
	if (request_code_hash(http_arg_str(r, FOLLOW_CODE), h) == -1) {
		session_password_attempt(r, FOLLOW_KEY, 0);
		return follow_form(r, N_("This is not a tracking code: it has 20 "
		    "letters and digits in groups of four."), 422);
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_REQUEST_BY_CODE,
	    DB_ARGS(DB_B(hash, h, sizeof(h))))) == NULL)
		return 500;
	if (!dbres_next(res)) {
		session_password_attempt(r, FOLLOW_KEY, 0);
		return follow_form(r, N_("No report has this tracking code.  Check "
		    "it and try again."), 404);
	}
	complaints_fill(res, &q);
	http_nostore(r);
	return track_show(r, &q, 200);
}
