/*
 * page_desk.c — the request handling desk (domain.md §5): each entity's
 * liaison officer (or the alternate) receives, classifies, forwards to
 * a sub-department, notes, replies and closes; the central operations
 * room studies every reopened request and every level-2 escalation and
 * may reassign, reply and close.  Every step is on the timeline with
 * its actor and time, and in the audit log.
 *
 * GET  /complaints/desk                desk_list_params: done (closed and
 *                                      rejected ones), after (keyset
 *                                      paging by due date) → the inbox with
 *                                      due dates, late ones marked; the
 *                                      operations room's list for that
 *                                      role.  View complaints/desk.
 * GET  /complaints/desk/requests/{id}  the request, its requester (the
 *                                      sealed data opened), timeline,
 *                                      escalations and the forms of the
 *                                      steps allowed.  View
 *                                      complaints/desk_request.
 * POST /complaints/desk/requests/{id}  desk_params: step (classify,
 *                                      forward, note, reply, close,
 *                                      reassign) and its fields → 303
 *                                      back; 409 a step the state does
 *                                      not allow, 422 a field refused
 *                                      (everything typed kept).
 * GET  /complaints/desk/requests/{id}/files/{name:slug}  an attachment
 *                                      of the request, sent by nginx
 *                                      (X-Accel-Redirect), private.
 * Permission: ACT_REQUEST_HANDLE (the entity's desk, its
 * sub-departments' too) or ACT_REQUEST_OVERSEE (the operations room);
 * a request outside both is 404, as if it did not exist.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "buf.h"
#include "complaints.h"
#include "db.h"
#include "http.h"
#include "names.h"
#include "present.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"

/* Requests per page of the desk's lists. */
#define DESK_PAGE	50

static const char *const step_names[] = {
	"classify", "forward", "note", "reply", "close", "reassign", NULL
};
static const enum request_step step_ids[] = {
	RS_CLASSIFY, RS_FORWARD, RS_NOTE, RS_REPLY, RS_CLOSE, RS_REASSIGN
};
static const char *const priority_choices[] = {
	"critical", "high", "medium", "low", NULL
};

const struct param desk_list_params[DESKL__MAX] = {
	[DESKL_DONE] = { .name = "done", .type = PT_BOOL },
	[DESKL_AFTER] = { .name = "after", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};

const struct param desk_params[DESK__MAX] = {
	[DESK_STEP] = { .name = "step", .type = PT_ENUM, .flags = P_REQ,
	    .choices = step_names },
	[DESK_TYPE] = { .name = "type", .type = PT_INT, .min = 1,
	    .max = 1000, .label = N_("Type of request") },
	[DESK_AXIS] = { .name = "axis", .type = PT_INT, .min = 1,
	    .max = 1000, .label = N_("What it is about") },
	[DESK_PRIORITY] = { .name = "priority", .type = PT_ENUM,
	    .choices = priority_choices, .label = N_("Priority"),
	    .choice_labels = request_priority_labels },
	[DESK_UNIT] = { .name = "unit", .type = PT_INT, .min = 1,
	    .max = 1LL << 62, .label = N_("Sub-department") },
	[DESK_NOTE] = { .name = "note", .type = PT_TEXT, .max = 10000,
	    .label = N_("Internal note"),
	    .hint = N_("Never shown to the requester.") },
	[DESK_REPLY] = { .name = "reply", .type = PT_TEXT, .max = 20000,
	    .label = N_("Reply to the requester") },
	[DESK_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1,
	    .max = 1LL << 62, .label = N_("Entity") },
};

/* Whether the signed-in user is the operations room (or has its
 * rights). */
static int
desk_is_ops(struct req *r)
{
	return perm_role_may(perm_role(r->sess->role), ACT_REQUEST_OVERSEE);
}

int
page_desk(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	enum request_state s;
	unsigned long long after, last = 0;
	int		 ops = desk_is_ops(r), done, n = 0;

	done = (int)http_arg_int(r, DESKL_DONE, 0);
	vm_str(m, "title", ops ? tr(r, "Central operations room") :
	    tr(r, "Request handling desk"));
	vm_bool(m, "ops", ops);
	vm_bool(m, "done", done);
	vm_bool(m, "sla", perm_role_may(perm_role(r->sess->role),
	    ACT_SLA_MANAGE));
	after = (unsigned long long)http_arg_int(r, DESKL_AFTER, 0);
	if (ops)
		res = db_query(r->db, r->a, SQL_COMPLAINTS_OPS_LIST, DB_ARGS(
		    DB_U(after, after), DB_I(limit, DESK_PAGE + 1)));
	else
		res = db_query(r->db, r->a, SQL_COMPLAINTS_DESK_LIST, DB_ARGS(
		    DB_U(entity, r->sess->entity_id), DB_I(done, done),
		    DB_U(after, after), DB_I(limit, DESK_PAGE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "requests");
	while (dbres_next(res)) {
		if (++n > DESK_PAGE) {
			vm_strf(m, "next", "%llu", last);
			break;
		}
		last = dbres_u(res, DESK_ROW_ID);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, DESK_ROW_ID));
		vm_str(it, "ref", dbres_str(res, DESK_ROW_REF_NO));
		vm_str(it, "subject", dbres_str(res, DESK_ROW_SUBJECT));
		s = request_state(dbres_str(res, DESK_ROW_STATE));
		vm_str(it, "state", present_label(r, request_state_labels,
		    RQ__MAX, s));
		vm_str(it, "priority", present_label(r,
		    request_priority_labels, RP__MAX, names_find(
		    request_priority_names, RP__MAX,
		    dbres_str(res, DESK_ROW_PRIORITY))));
		vm_str(it, "type", present_pick(r,
		    dbres_str(res, DESK_ROW_TYPE_NAME_AR),
		    dbres_str(res, DESK_ROW_TYPE_NAME_EN)));
		vm_str(it, "entity", present_pick(r,
		    dbres_str(res, DESK_ROW_ENTITY_NAME_AR),
		    dbres_str(res, DESK_ROW_ENTITY_NAME_EN)));
		vm_str(it, "due", present_sqldatetime(r,
		    dbres_str(res, DESK_ROW_DUE_AT)));
		vm_str(it, "received", present_sqldatetime(r,
		    dbres_str(res, DESK_ROW_CREATED_AT)));
		vm_bool(it, "late", dbres_int(res, DESK_ROW_LATE) != 0);
		vm_int(it, "level", dbres_int(res, DESK_ROW_ESCALATION_LEVEL));
		vm_bool(it, "escalated", dbres_int(res,
		    DESK_ROW_ESCALATION_LEVEL) > 0);
		vm_bool(it, "reopened", dbres_int(res,
		    DESK_ROW_REOPENED_COUNT) > 0);
		vm_bool(it, "confidential", dbres_int(res,
		    DESK_ROW_CONFIDENTIAL) != 0);
	}
	vm_bool(m, "empty", n == 0);
	return http_render(r, "complaints/desk", m);
}

/* A <select> of the model: f[name].choices from a result's id and
 * names, the current value selected. */
static void
desk_choices(struct req *r, struct val *m, const char *name,
    struct dbres *res, int id_col, int ar_col, int en_col,
    unsigned long long current)
{
	struct val	*l = vm_list(vm_child(vm_child(m, "f"), name),
	    "choices"), *it;

	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "value", dbres_str(res, id_col));
		vm_str(it, "label", present_pick(r, dbres_str(res, ar_col),
		    dbres_str(res, en_col)));
		vm_bool(it, "selected", dbres_u(res, id_col) == current);
	}
}

/* The value of an integer select: the one sent, else def. */
static unsigned long long
desk_current(struct req *r, int key, unsigned long long def)
{
	return r->is_post && http_arg(r, key) != NULL &&
	    http_arg(r, key)->set ? (unsigned long long)http_arg_int(r, key, 0) :
	    def;
}

/* The request page; status 200 or a refusal's. */
static int
desk_show(struct req *r, const struct creq *q, int status)
{
	struct val	*m = http_model(r), *rq, *l, *it;
	struct dbres	*res;
	struct requester p;
	int		 i;

	vm_str(m, "title", q->ref);
	if (complaints_show(r, m, q, 1) != 0)
		return 500;
	if (q->unit != NULL)
		vm_str(m, "unit", q->unit);
	/* The requester, opened for this desk only. */
	rq = vm_child(m, "requester");
	if (q->enc != NULL && request_unseal(r->a, auth_key(), q->enc,
	    q->enclen, q->nonce, &p) == 0) {
		vm_bool(rq, "known", 1);
		vm_str(rq, "name", p.name);
		vm_str(rq, "email", p.email);
		vm_str(rq, "mobile", p.mobile);
		vm_str(rq, "location", p.location);
	} else if (q->enc != NULL)
		vm_bool(rq, "sealed", 1);
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ESCALATIONS, DB_ARGS(
	    DB_U(request, q->id)))) == NULL)
		return 500;
	l = vm_list(m, "escalations");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "level", dbres_str(res, COMPLAINTS_ESCALATIONS_LEVEL));
		vm_str(it, "at", present_sqldatetime(r,
		    dbres_str(res, COMPLAINTS_ESCALATIONS_AT)));
		vm_str(it, "name", dbres_str(res,
		    COMPLAINTS_ESCALATIONS_NOTIFIED_NAME));
	}
	present_fields(r, m);
	if (!r->is_post)
		present_form(r, m, PARAMS(desk_params));
	for (i = 0; step_names[i] != NULL; i++)
		vm_bool(m, arena_printf(r->a, "may_%s", step_names[i]),
		    request_step_allowed(q->state, step_ids[i]) &&
		    complaints_may(r, q, step_ids[i]));
	/* The selects: current values from the request unless sent. */
	vm_bool(vm_child(vm_child(m, "f"), "type"), "is_number", 0);
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_FORM_TYPES,
	    DB_NOARGS)) == NULL)
		return 500;
	desk_choices(r, m, "type", res, COMPLAINTS_FORM_TYPES_ID,
	    COMPLAINTS_FORM_TYPES_NAME_AR, COMPLAINTS_FORM_TYPES_NAME_EN,
	    desk_current(r, DESK_TYPE, q->type_id));
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_AXES, DB_NOARGS)) ==
	    NULL)
		return 500;
	desk_choices(r, m, "axis", res, COMPLAINTS_AXES_ID,
	    COMPLAINTS_AXES_NAME_AR, COMPLAINTS_AXES_NAME_EN,
	    desk_current(r, DESK_AXIS, q->axis_id));
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_SUBUNITS, DB_ARGS(
	    DB_U(entity, q->entity_id)))) == NULL)
		return 500;
	vm_bool(m, "has_units", dbres_rows(res) > 0);
	desk_choices(r, m, "unit", res, COMPLAINTS_SUBUNITS_ID,
	    COMPLAINTS_SUBUNITS_NAME_AR, COMPLAINTS_SUBUNITS_NAME_EN,
	    desk_current(r, DESK_UNIT, q->unit_entity_id));
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ENTITIES,
	    DB_NOARGS)) == NULL)
		return 500;
	desk_choices(r, m, "entity", res, COMPLAINTS_ENTITIES_ID,
	    COMPLAINTS_ENTITIES_NAME_AR, COMPLAINTS_ENTITIES_NAME_EN,
	    desk_current(r, DESK_ENTITY, q->entity_id));
	if (!r->is_post)
		present_choices(r, m, "priorities", request_priority_names,
		    request_priority_labels, RP__MAX, q->priority);
	else
		present_choices(r, m, "priorities", request_priority_names,
		    request_priority_labels, RP__MAX,
		    http_arg_str(r, DESK_PRIORITY));
	r->status = status;
	return http_render(r, "complaints/desk_request", m);
}

/* Request {id} when the user's desk may see it: 0 or a status. */
static int
desk_load(struct req *r, struct creq *q)
{
	switch (complaints_load(r, (unsigned long long)r->segi[0], 0, q)) {
	case 1:
		return complaints_may(r, q, RS_NOTE) ? 0 : 404;
	case 0:
		return 404;
	default:
		return 500;
	}
}

int
page_desk_request(struct req *r)
{
	struct creq	 q;
	int		 rc;

	if ((rc = desk_load(r, &q)) != 0)
		return rc;
	return desk_show(r, &q, 200);
}

/* A text field a step needs. */
static const char *
desk_text(struct req *r, int key, const char *msgid)
{
	const char	*s = http_arg_str(r, key);

	if (s == NULL || *s == '\0') {
		http_arg_error(r, key, msgid);
		return NULL;
	}
	return s;
}

/* Whether id is a row of res (first column id_col). */
static int
desk_has(struct dbres *res, int id_col, unsigned long long id)
{
	dbres_rewind(res);
	while (dbres_next(res))
		if (dbres_u(res, id_col) == id)
			return 1;
	return 0;
}

static enum outcome
desk_classify(struct req *r, const struct creq *q)
{
	struct dbres	*types, *axes;
	unsigned long long type = (unsigned long long)http_arg_int(r,
	    DESK_TYPE, 0), axis = (unsigned long long)http_arg_int(r,
	    DESK_AXIS, 0);
	const char	*prio = http_arg_str(r, DESK_PRIORITY), *code = NULL;
	const char	*due, *unit, *solve;
	int		 limit;

	if ((types = db_query(r->db, r->a, SQL_COMPLAINTS_FORM_TYPES,
	    DB_NOARGS)) == NULL || (axes = db_query(r->db, r->a,
	    SQL_COMPLAINTS_AXES, DB_NOARGS)) == NULL)
		return OUT_ERROR;
	while (dbres_next(types))
		if (dbres_u(types, COMPLAINTS_FORM_TYPES_ID) == type)
			code = dbres_str(types, COMPLAINTS_FORM_TYPES_CODE);
	if (code == NULL)
		http_arg_error(r, DESK_TYPE, "Choose the type of request from "
		    "the list.");
	if (!desk_has(axes, COMPLAINTS_AXES_ID, axis))
		http_arg_error(r, DESK_AXIS, "Choose what the request is about "
		    "from the list.");
	if (prio == NULL || !http_arg(r, DESK_PRIORITY)->set)
		http_arg_error(r, DESK_PRIORITY, "Choose the priority.");
	if (r->nerr > 0)
		return OUT_INVALID;
	/* The limit of the matrix as it is now, from the receipt — or, once
	 * a poor rating reopened the request, from its latest reopening:
	 * the reopening gave it a new due date and escalation cycle
	 * (complaints_rate), which the study of the reopened request must
	 * not take back to the original receipt. */
	if ((due = complaints_due(r, db_parse_time(q->reopened_at != NULL ?
	    q->reopened_at : q->created_at), code, prio, axis, &limit, &unit,
	    &solve)) == NULL)
		return OUT_ERROR;
	if (request_kpi(r->db, q->id, -1) == -1 ||
	    db_exec(r->db, SQL_COMPLAINTS_CLASSIFY, DB_ARGS(DB_U(id, q->id),
	    DB_U(type, type), DB_U(axis, axis), DB_S(priority, prio),
	    DB_S(due, due), DB_S(solve, solve), DB_I(limit, limit),
	    DB_S(unit, unit), DB_S(state, request_state_names[
	    request_step_to(q->state, RS_CLASSIFY)]),
	    DB_U(by, r->sess->user_id))) != 1 ||
	    request_kpi(r->db, q->id, 1) == -1)
		return OUT_ERROR;
	if (complaints_event(r, q->id, "state", request_state_names[q->state],
	    "classified", 1, NULL) == -1)
		return OUT_ERROR;
	return audit_record(r->db, complaints_actor(r, q->entity_id),
	    "request.classify", "request", q->id, arena_printf(r->a,
	    "type %llu, axis %llu, %s, due %s", type, axis, prio, due)) ==
	    -1 ? OUT_ERROR : OUT_OK;
}

static enum outcome
desk_forward(struct req *r, const struct creq *q)
{
	struct dbres	*res;
	unsigned long long sub = (unsigned long long)http_arg_int(r,
	    DESK_UNIT, 0);
	const char	*name = NULL;

	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_SUBUNITS, DB_ARGS(
	    DB_U(entity, q->entity_id)))) == NULL)
		return OUT_ERROR;
	while (dbres_next(res))
		if (dbres_u(res, COMPLAINTS_SUBUNITS_ID) == sub)
			name = dbres_str(res, COMPLAINTS_SUBUNITS_NAME_AR);
	if (name == NULL) {
		http_arg_error(r, DESK_UNIT, "Choose a sub-department of the "
		    "entity from the list.");
		return OUT_INVALID;
	}
	if (db_exec(r->db, SQL_COMPLAINTS_FORWARD, DB_ARGS(DB_U(id, q->id),
	    DB_U(unit_entity, sub), DB_S(unit, name),
	    DB_U(by, r->sess->user_id))) != 1 ||
	    complaints_event(r, q->id, "state", request_state_names[q->state],
	    "forwarded", 1, NULL) == -1 ||
	    complaints_event(r, q->id, "note", NULL, NULL, 0, name) == -1)
		return OUT_ERROR;
	return audit_record(r->db, complaints_actor(r, q->entity_id),
	    "request.forward", "request", q->id, name) == -1 ? OUT_ERROR :
	    OUT_OK;
}

static enum outcome
desk_reply(struct req *r, const struct creq *q)
{
	const char	*body = desk_text(r, DESK_REPLY, N_("Write the reply."));

	if (body == NULL)
		return OUT_INVALID;
	if (request_kpi(r->db, q->id, -1) == -1 ||
	    db_exec(r->db, SQL_COMPLAINTS_REPLY, DB_ARGS(DB_U(id, q->id),
	    DB_U(by, r->sess->user_id))) != 1 ||
	    request_kpi(r->db, q->id, 1) == -1 ||
	    complaints_event(r, q->id, "reply", request_state_names[q->state],
	    "answered", 1, body) == -1)
		return OUT_ERROR;
	if (complaints_tell(r, q, N_("Sharek: a reply to your request {1}"),
	    N_("Your request {1} has a reply.  Read it, and rate it, "
	    "here:\n\n{3}"), NULL) == -1)
		return OUT_ERROR;
	return audit_record(r->db, complaints_actor(r, q->entity_id),
	    "request.reply", "request", q->id, NULL) == -1 ? OUT_ERROR :
	    OUT_OK;
}

static enum outcome
desk_close(struct req *r, const struct creq *q)
{
	if (request_kpi(r->db, q->id, -1) == -1 ||
	    db_exec(r->db, SQL_COMPLAINTS_CLOSE, DB_ARGS(DB_U(id, q->id),
	    DB_U(by, r->sess->user_id))) != 1 ||
	    request_kpi(r->db, q->id, 1) == -1 ||
	    complaints_event(r, q->id, "state", request_state_names[q->state],
	    "closed", 1, NULL) == -1)
		return OUT_ERROR;
	return audit_record(r->db, complaints_actor(r, q->entity_id),
	    "request.close", "request", q->id, NULL) == -1 ? OUT_ERROR :
	    OUT_OK;
}

static enum outcome
desk_reassign(struct req *r, const struct creq *q)
{
	struct dbres	*res;
	unsigned long long to = (unsigned long long)http_arg_int(r,
	    DESK_ENTITY, 0);

	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ENTITY_GET, DB_ARGS(
	    DB_U(id, to)))) == NULL)
		return OUT_ERROR;
	if (!dbres_next(res) || !dbres_int(res, COMPLAINTS_ENTITY_GET_ACTIVE) ||
	    to == q->entity_id) {
		http_arg_error(r, DESK_ENTITY, "Choose another entity from the "
		    "list.");
		return OUT_INVALID;
	}
	if (request_kpi(r->db, q->id, -1) == -1 ||
	    db_exec(r->db, SQL_COMPLAINTS_REASSIGN, DB_ARGS(DB_U(id, q->id),
	    DB_U(entity, to))) != 1 ||
	    request_kpi(r->db, q->id, 1) == -1 ||
	    complaints_event(r, q->id, "assign", request_state_names[q->state],
	    "received", 0, dbres_str(res, COMPLAINTS_ENTITY_GET_NAME_AR)) == -1)
		return OUT_ERROR;
	return audit_record(r->db, complaints_actor(r, to),
	    "request.reassign", "request", q->id, arena_printf(r->a,
	    "from entity %llu to %llu", q->entity_id, to)) == -1 ?
	    OUT_ERROR : OUT_OK;
}

static enum outcome
desk_tx(struct req *r, void *arg)
{
	enum request_step step = *(enum request_step *)arg;
	struct creq	 q;
	const char	*note;

	switch (complaints_load(r, (unsigned long long)r->segi[0], 1, &q)) {
	case 1:
		break;
	case 0:
		return OUT_NOTFOUND;
	default:
		return OUT_ERROR;
	}
	if (!complaints_may(r, &q, RS_NOTE))
		return OUT_NOTFOUND;
	if (!complaints_may(r, &q, step))
		return OUT_FORBIDDEN;
	if (!request_step_allowed(q.state, step))
		return OUT_CONFLICT;
	switch (step) {
	case RS_CLASSIFY:
		return desk_classify(r, &q);
	case RS_FORWARD:
		return desk_forward(r, &q);
	case RS_NOTE:
		if ((note = desk_text(r, DESK_NOTE, N_("Write the note."))) == NULL)
			return OUT_INVALID;
		if (complaints_event(r, q.id, "note", NULL, NULL, 0, note) ==
		    -1)
			return OUT_ERROR;
		return audit_record(r->db, complaints_actor(r, q.entity_id),
		    "request.note", "request", q.id, NULL) == -1 ?
		    OUT_ERROR : OUT_OK;
	case RS_REPLY:
		return desk_reply(r, &q);
	case RS_CLOSE:
		return desk_close(r, &q);
	case RS_REASSIGN:
		return desk_reassign(r, &q);
	default:
		return OUT_FORBIDDEN;
	}
}

int
page_desk_step(struct req *r)
{
	struct creq	 q;
	enum request_step step;
	const char	*url;
	int		 rc;

	if ((rc = desk_load(r, &q)) != 0)
		return rc;
	if (r->nerr > 0)
		return desk_show(r, &q, 422);
	step = step_ids[http_arg_int(r, DESK_STEP, 0)];
	url = arena_printf(r->a, "/complaints/desk/requests/%llu", q.id);
	rc = http_form_submit(r, desk_tx, &step, url);
	if (rc == 409)
		http_arg_error(r, DESK_STEP, "This step is not possible in the "
		    "request's current state.");
	return http_form_redraw(rc) ? desk_show(r, &q, rc) : rc;
}

int
page_desk_file(struct req *r)
{
	struct creq	 q;
	struct dbres	*res;
	struct buf	 cd;
	const char	*stored, *p;
	int		 rc;

	if ((rc = desk_load(r, &q)) != 0)
		return rc;
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ATTACHMENT_FILE,
	    DB_ARGS(DB_U(request, q.id), DB_S(name, r->seg[1])))) == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	/* Stored names are the kernel's hex: nothing else reaches nginx. */
	stored = dbres_str(res, COMPLAINTS_ATTACHMENT_FILE_STORED_NAME);
	for (p = stored; *p != '\0'; p++)
		if (strchr("0123456789abcdef", *p) == NULL)
			return 404;
	buf_init(&cd, r->a);
	buf_adds(&cd, "attachment; filename=\"attachment\"; "
	    "filename*=UTF-8''");
	buf_url(&cd, dbres_str(res, COMPLAINTS_ATTACHMENT_FILE_ORIGINAL_NAME),
	    dbres_len(res, COMPLAINTS_ATTACHMENT_FILE_ORIGINAL_NAME));
	http_header(r, "Content-Disposition", cd.data);
	http_header(r, "X-Accel-Redirect", arena_printf(r->a, "/_uploads/%s",
	    stored));
	r->ctype_out = dbres_str(res, COMPLAINTS_ATTACHMENT_FILE_MIME);
	r->status = 200;
	return 200;
}
