/*
 * page_inbox.c — restricted and inter-agency consultations addressed to
 * the user's entity; its liaison officer returns the entity's
 * consolidated response through the portal (Tawasul art. 7-ح).
 *
 * GET  /staff/inbox        inbox_list_params: after (activity id, keyset
 *                          paging) → the list, open ones first, responded
 *                          or not, and above it the citizen initiatives
 *                          whose answer the entity owes past its due
 *                          date (to whoever may answer them).  View
 *                          staff/inbox.
 * GET  /staff/inbox/{id}   the consultation — its articles or its PDF,
 *                          and its supporting documents — and the
 *                          response form.  View staff/inbox_item.
 * GET  /staff/inbox/{id}/files/{name}  the document or an attachment of
 *                          a consultation addressed to the entity, opened
 *                          in the browser (domain.md §3 items 1 and 8);
 *                          404 for an entity it is not addressed to.
 * POST /staff/inbox/{id}   inbox_params: body → 303 /staff/inbox/{id};
 *                          updatable while the consultation is open (409
 *                          with the text kept after closing, 422 when
 *                          the body is too short or too long).
 * Permission: ACT_TARGET_RESPOND (liaison officers).  An entity that is
 * not a target gets 404: the consultation's existence is not revealed.
 */
#include <string.h>

#include "activity.h"
#include "arena.h"
#include "db.h"
#include "handover.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"
#include "workflow.h"

/* Consultations per page of the inbox. */
#define INBOX_PAGE_SIZE	50

const struct param inbox_list_params[INBOXP__MAX] = {
	[INBOXP_AFTER] = { .name = "after", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};

const struct param inbox_params[INBOX__MAX] = {
	[INBOX_BODY] = { .name = "body", .type = PT_TEXT, .flags = P_REQ,
	    .min = 10, .max = 20000, .label = N_("Response") },
};

/* The initiatives whose answer entity eid owes past its due date (the
 * list initiatives_late).  0 or -1. */
static int
inbox_initiatives(struct req *r, struct val *m, unsigned long long eid)
{
	struct val	*l, *it;
	struct dbres	*res;
	long long	 late;

	if ((res = db_query(r->db, r->a, SQL_INBOX_INITIATIVES_LATE,
	    DB_ARGS(DB_U(entity, eid)))) == NULL)
		return -1;
	l = vm_list(m, "initiatives_late");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, INBOX_INITIATIVES_LATE_ID));
		vm_str(it, "title", dbres_str(res, INBOX_INITIATIVES_LATE_TITLE));
		vm_str(it, "due", present_sqldatetime(r, dbres_str(res,
		    INBOX_INITIATIVES_LATE_ANSWER_DUE_AT)));
		late = dbres_int(res, INBOX_INITIATIVES_LATE_ANSWER_DAYS_LATE);
		if (late > 0)
			vm_str(it, "late", i18n_subst(r->a, tr(r,
			    "{1} working days late"),
			    arena_printf(r->a, "%lld", late), NULL));
	}
	vm_bool(m, "has_initiatives_late", l->count > 0);
	return 0;
}

int
page_inbox(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	unsigned long long eid = r->sess->entity_id, last = 0;
	int		 n = 0;

	vm_str(m, "title", tr(r, "Consultations addressed to the entity"));
	res = db_query(r->db, r->a, SQL_INBOX_LIST, DB_ARGS(
	    DB_U(entity, eid),
	    DB_U(after, http_arg_int(r, INBOXP_AFTER, 0)),
	    DB_I(limit, INBOX_PAGE_SIZE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		if (++n > INBOX_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		last = dbres_u(res, INBOX_LIST_ID);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, INBOX_LIST_ID));
		vm_str(it, "title", present_pick(r,
		    dbres_str(res, INBOX_LIST_TITLE_AR),
		    dbres_str(res, INBOX_LIST_TITLE_EN)));
		vm_bool(it, "interagency", activity_audience(dbres_str(res,
		    INBOX_LIST_AUDIENCE)) == AA_INTERAGENCY);
		vm_bool(it, "open", activity_state(dbres_str(res,
		    INBOX_LIST_STATE)) == AS_OPEN);
		vm_str(it, "closes", present_sqldatetime(r,
		    dbres_str(res, INBOX_LIST_CLOSES_AT)));
		vm_str(it, "from", present_pick(r,
		    dbres_str(res, INBOX_LIST_ENTITY_NAME_AR),
		    dbres_str(res, INBOX_LIST_ENTITY_NAME_EN)));
		if (!dbres_isnull(res, INBOX_LIST_RESPONDED_AT))
			vm_str(it, "responded", present_sqldatetime(r,
			    dbres_str(res, INBOX_LIST_RESPONDED_AT)));
	}
	vm_strf(m, "last", "%llu", last);
	if (staff_may(r, ACT_ACTIVITY_APPROVE, eid) &&
	    inbox_initiatives(r, m, eid) == -1)
		return 500;
	return http_render(r, "staff/inbox", m);
}

/* The consultation and the form; status 200, or the one of a refused
 * answer (the text typed is kept). */
static int
inbox_show(struct req *r, struct dbres *a, int status)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const struct pval *b = http_arg(r, INBOX_BODY);
	int		 waits;

	vm_str(m, "id", dbres_str(a, INBOX_GET_ID));
	vm_str(m, "title", present_pick(r, dbres_str(a, INBOX_GET_TITLE_AR),
	    dbres_str(a, INBOX_GET_TITLE_EN)));
	vm_str(m, "summary", present_pick(r,
	    dbres_str(a, INBOX_GET_SUMMARY_AR),
	    dbres_str(a, INBOX_GET_SUMMARY_EN)));
	vm_bool(m, "interagency", activity_audience(dbres_str(a,
	    INBOX_GET_AUDIENCE)) == AA_INTERAGENCY);
	vm_bool(m, "open", activity_state(dbres_str(a, INBOX_GET_STATE)) ==
	    AS_OPEN);
	/* Art. 6-ب: the entity's alternate answers once it is handed over;
	 * until then the page says so instead of offering the form. */
	waits = handover_waiting(r->db, r->a, dbres_u(a, INBOX_GET_ID),
	    r->sess->entity_id, r->sess->user_id, HK_RESPONSE);
	if (waits == -1)
		return 500;
	/* A refused response keeps its form and what was typed. */
	vm_bool(m, "may_respond", !waits || r->nerr > 0);
	if (waits && r->nerr == 0)	/* else the refusal says it */
		vm_str(m, "waits_on_primary", tr(r, handover_not_yet));
	vm_str(m, "closes", present_sqldatetime(r,
	    dbres_str(a, INBOX_GET_CLOSES_AT)));
	vm_str(m, "from", present_pick(r,
	    dbres_str(a, INBOX_GET_ENTITY_NAME_AR),
	    dbres_str(a, INBOX_GET_ENTITY_NAME_EN)));
	vm_str(m, "response", dbres_str(a, INBOX_GET_RESPONSE));
	if (!dbres_isnull(a, INBOX_GET_RESPONDED_AT))
		vm_str(m, "responded", present_sqldatetime(r,
		    dbres_str(a, INBOX_GET_RESPONDED_AT)));
	vm_str(m, "responder", dbres_str(a, INBOX_GET_RESPONDER_NAME));
	if ((res = db_query(r->db, r->a, SQL_ACT_ARTICLES, DB_ARGS(
	    DB_U(id, dbres_u(a, INBOX_GET_ID))))) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "number", dbres_str(res, ACT_ARTICLES_NUMBER_LABEL));
		vm_str(it, "heading", present_pick(r,
		    dbres_str(res, ACT_ARTICLES_TITLE_AR),
		    dbres_str(res, ACT_ARTICLES_TITLE_EN)));
		vm_str(it, "body", present_pick(r,
		    dbres_str(res, ACT_ARTICLES_BODY_AR),
		    dbres_str(res, ACT_ARTICLES_BODY_EN)));
	}
	vm_bool(m, "doc_pdf", strcmp(dbres_str(a, INBOX_GET_DOC_KIND),
	    "pdf") == 0);
	vm_str(m, "pdf_name", dbres_str(a, INBOX_GET_DOCUMENT_NAME));
	vm_str(m, "pdf_file", dbres_str(a, INBOX_GET_DOCUMENT_STORED_NAME));
	if (staff_attachments(r, m, dbres_u(a, INBOX_GET_ID)) == -1)
		return 500;
	http_form_model(r, m);
	/* The stored response fills the form the first time. */
	if (b == NULL || !b->present)
		vm_str(vm_child(vm_child(m, "f"), "body"), "value",
		    dbres_str(a, INBOX_GET_RESPONSE));
	r->status = status;
	return http_render(r, "staff/inbox_item", m);
}

/* The consultation {id} addressed to the user's entity: 0 or a status. */
static int
inbox_load(struct req *r, struct dbres **a)
{
	*a = db_query(r->db, r->a, SQL_INBOX_GET, DB_ARGS(
	    DB_U(entity, r->sess->entity_id), DB_U(id, r->segi[0])));
	if (*a == NULL)
		return 500;
	return dbres_next(*a) ? 0 : 404;
}

int
page_inbox_item(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = inbox_load(r, &a)) != 0)
		return rc;
	return inbox_show(r, a, 200);
}

/* What page_activity_file sends to the activity's own entity, to the
 * entity the consultation is addressed to. */
int
page_inbox_file(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = inbox_load(r, &a)) != 0)
		return rc;
	return staff_activity_file(r, dbres_u(a, INBOX_GET_ID), r->seg[1]);
}

static enum outcome
respond_tx(struct req *r, void *arg)
{
	(void)arg;
	switch (workflow_respond(r->db, r->a, (unsigned long long)r->segi[0],
	    r->sess->entity_id, http_arg_str(r, INBOX_BODY), staff_actor(r))) {
	case WF_OK:
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_CLOSED:
		return OUT_CONFLICT;	/* closed meanwhile */
	case WF_NOT_YET:
		http_arg_error(r, INBOX_BODY, handover_not_yet);
		return OUT_FORBIDDEN;
	default:
		return OUT_ERROR;
	}
}

static int
inbox_closed(struct req *r, struct dbres *a)
{
	http_arg_error(r, INBOX_BODY, "The consultation is closed: the "
	    "response can no longer be changed.");
	return inbox_show(r, a, 409);
}

int
page_inbox_respond(struct req *r)
{
	struct dbres	*a;
	const char	*url, *prev;
	int		 rc;

	if ((rc = inbox_load(r, &a)) != 0)
		return rc;
	if (activity_state(dbres_str(a, INBOX_GET_STATE)) != AS_OPEN)
		return inbox_closed(r, a);
	if (r->nerr > 0)
		return inbox_show(r, a, 422);
	url = arena_printf(r->a, "/staff/inbox/%lld", r->segi[0]);
	switch (http_form_tx(r, respond_tx, NULL, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev ? prev : url);
	case OUT_CONFLICT:
		return inbox_closed(r, a);
	case OUT_FORBIDDEN:	/* the alternate, before the hand-over */
		return inbox_show(r, a, 403);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}
