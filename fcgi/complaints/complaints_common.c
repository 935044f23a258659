/*
 * complaints_common.c — see complaints.h.
 */
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "calendar.h"
#include "complaints.h"
#include "db.h"
#include "i18n.h"
#include "names.h"
#include "outbox.h"
#include "present.h"
#include "session.h"
#include "sql_gen.h"
#include "vm.h"
#include "workflow.h"

void
complaints_fill(struct dbres *res, struct creq *q)
{
	memset(q, 0, sizeof(*q));
	q->id = dbres_u(res, REQUEST_ROW_ID);
	q->ref = dbres_str(res, REQUEST_ROW_REF_NO);
	q->type_id = dbres_u(res, REQUEST_ROW_TYPE_ID);
	q->type_code = dbres_str(res, REQUEST_ROW_TYPE_CODE);
	q->type_ar = dbres_str(res, REQUEST_ROW_TYPE_NAME_AR);
	q->type_en = dbres_str(res, REQUEST_ROW_TYPE_NAME_EN);
	q->axis_id = dbres_u(res, REQUEST_ROW_AXIS_ID);
	q->axis_ar = dbres_str(res, REQUEST_ROW_AXIS_NAME_AR);
	q->axis_en = dbres_str(res, REQUEST_ROW_AXIS_NAME_EN);
	q->priority = dbres_str(res, REQUEST_ROW_PRIORITY);
	q->entity_id = dbres_u(res, REQUEST_ROW_ENTITY_ID);
	q->entity_ar = dbres_str(res, REQUEST_ROW_ENTITY_NAME_AR);
	q->entity_en = dbres_str(res, REQUEST_ROW_ENTITY_NAME_EN);
	q->entity_parent = dbres_u(res, REQUEST_ROW_ENTITY_PARENT_ID);
	q->entity_grandparent = dbres_u(res, REQUEST_ROW_ENTITY_GRANDPARENT_ID);
	q->unit = dbres_str(res, REQUEST_ROW_UNIT);
	q->unit_entity_id = dbres_u(res, REQUEST_ROW_UNIT_ENTITY_ID);
	q->handled_by = dbres_u(res, REQUEST_ROW_HANDLED_BY);
	q->requester_id = dbres_u(res, REQUEST_ROW_REQUESTER_ID);
	q->confidential = (int)dbres_int(res, REQUEST_ROW_CONFIDENTIAL);
	q->subject = dbres_str(res, REQUEST_ROW_SUBJECT);
	q->body = dbres_str(res, REQUEST_ROW_BODY);
	q->enc = (const unsigned char *)dbres_str(res,
	    REQUEST_ROW_REQUESTER_ENC);
	q->enclen = dbres_len(res, REQUEST_ROW_REQUESTER_ENC);
	q->nonce = (const unsigned char *)dbres_str(res,
	    REQUEST_ROW_REQUESTER_NONCE);
	q->noncelen = dbres_len(res, REQUEST_ROW_REQUESTER_NONCE);
	q->anonymous = (int)dbres_int(res, REQUEST_ROW_ANONYMOUS);
	q->state = request_state(dbres_str(res, REQUEST_ROW_STATE));
	q->due_at = dbres_str(res, REQUEST_ROW_DUE_AT);
	q->solve_due_at = dbres_str(res, REQUEST_ROW_SOLVE_DUE_AT);
	q->reply_limit = (int)dbres_int(res, REQUEST_ROW_REPLY_LIMIT);
	q->reply_unit = dbres_str(res, REQUEST_ROW_REPLY_UNIT);
	q->escalation_level = (int)dbres_int(res,
	    REQUEST_ROW_ESCALATION_LEVEL);
	q->answered_at = dbres_str(res, REQUEST_ROW_ANSWERED_AT);
	q->closed_at = dbres_str(res, REQUEST_ROW_CLOSED_AT);
	q->rating = (int)dbres_int(res, REQUEST_ROW_RATING);
	q->rating_comment = dbres_str(res, REQUEST_ROW_RATING_COMMENT);
	q->rated_at = dbres_str(res, REQUEST_ROW_RATED_AT);
	q->reopened_count = (int)dbres_int(res, REQUEST_ROW_REOPENED_COUNT);
	q->reopened_at = dbres_str(res, REQUEST_ROW_REOPENED_AT);
	q->created_at = dbres_str(res, REQUEST_ROW_CREATED_AT);
	q->channel = dbres_str(res, REQUEST_ROW_CHANNEL);
}

int
complaints_load(struct req *r, unsigned long long id, int lock,
    struct creq *q)
{
	struct dbres	*res;

	res = db_query(r->db, r->a, lock ? SQL_COMPLAINTS_REQUEST_LOCK :
	    SQL_COMPLAINTS_REQUEST_BY_ID, DB_ARGS(DB_U(id, id)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	complaints_fill(res, q);
	return 1;
}

int
complaints_in_ops(const struct creq *q)
{
	return q->reopened_count > 0 || q->escalation_level == 2;
}

int
complaints_may(struct req *r, const struct creq *q, enum request_step step)
{
	enum role	 role;
	enum scope	 scope;
	unsigned long long mine;

	if (r->sess == NULL)
		return 0;
	role = perm_role(r->sess->role);
	mine = r->sess->entity_id;
	if (q->entity_id == mine)
		scope = SCOPE_OWN;
	else if (mine != 0 && (q->entity_parent == mine ||
	    q->entity_grandparent == mine))
		scope = SCOPE_SUB;
	else
		scope = SCOPE_OTHER;
	if (step != RS_REASSIGN && perm_allows(role, ACT_REQUEST_HANDLE,
	    scope))
		return 1;
	return perm_allows(role, ACT_REQUEST_OVERSEE, scope) &&
	    complaints_in_ops(q);
}

struct actor *
complaints_actor(struct req *r, unsigned long long entity)
{
	struct actor	*a = arena_zalloc(r->a, sizeof(*a));

	a->user_id = r->sess ? r->sess->user_id : 0;
	a->role = r->sess ? r->sess->role : "citizen";
	a->entity_id = entity;
	a->ip = r->remote;
	return a;
}

const struct calendar *
complaints_calendar(struct req *r)
{
	struct calendar	*c = arena_zalloc(r->a, sizeof(*c));

	return calendar_load(r->db, r->a, c) == 0 ? c : NULL;
}

const char *
complaints_sqltime(struct req *r, time_t t)
{
	struct tm	 tm;
	char		*s = arena_alloc(r->a, 20);

	gmtime_r(&t, &tm);
	strftime(s, 20, "%Y-%m-%d %H:%M:%S", &tm);
	return s;
}

const char *
complaints_due(struct req *r, time_t now, const char *type_code, const char *priority,
    unsigned long long axis, int *limit, const char **unit,
    const char **solve)
{
	const struct calendar *c = complaints_calendar(r);
	struct dbres	*res;
	enum request_unit u = RU_DAYS;
	int		 reply = REQUEST_PORTAL_DAYS, fix = REQUEST_PORTAL_DAYS;

	if (c == NULL)
		return NULL;
	if (type_code == NULL || strcmp(type_code, "portal") != 0) {
		res = db_query(r->db, r->a, SQL_COMPLAINTS_SLA_GET, DB_ARGS(
		    DB_S(priority, priority), DB_U(axis, axis)));
		if (res == NULL || !dbres_next(res))
			return NULL;
		reply = (int)dbres_int(res, COMPLAINTS_SLA_GET_REPLY_WORKING_DAYS);
		fix = (int)dbres_int(res, COMPLAINTS_SLA_GET_SOLVE_WORKING_DAYS);
		u = (enum request_unit)names_find(request_unit_names, RU__MAX,
		    dbres_str(res, COMPLAINTS_SLA_GET_UNIT));
		if (u >= RU__MAX)
			u = RU_DAYS;
	}
	*limit = reply;
	*unit = request_unit_names[u];
	*solve = complaints_sqltime(r, request_deadline(c, now, fix, u));
	return complaints_sqltime(r, request_deadline(c, now, reply, u));
}

int
complaints_event(struct req *r, unsigned long long id, const char *kind,
    const char *from, const char *to, int pub, const char *body)
{
	return db_exec(r->db, SQL_REQUEST_EVENT_INSERT, DB_ARGS(
	    DB_U(request, id), DB_NULL(at),
	    DB_U(actor, r->sess ? r->sess->user_id : 0),
	    DB_S(role, r->sess ? r->sess->role : "anonymous"),
	    DB_S(kind, kind), DB_S(from_state, from), DB_S(to_state, to),
	    DB_I(public, pub), DB_S(body, body))) == 1 ? 0 : -1;
}

int
complaints_tell(struct req *r, const struct creq *q, const char *subject,
    const char *body, const char *due)
{
	struct dbres	*res;
	const char	*lang, *email, *mobile, *text, *url;

	if (q->requester_id == 0)
		return 0;
	res = db_query(r->db, r->a, SQL_COMPLAINTS_USER_CONTACT, DB_ARGS(
	    DB_U(id, q->requester_id)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	lang = dbres_str(res, COMPLAINTS_USER_CONTACT_LANG);
	email = dbres_str(res, COMPLAINTS_USER_CONTACT_EMAIL);
	mobile = dbres_str(res, COMPLAINTS_USER_CONTACT_MOBILE);
	url = arena_printf(r->a, "%s/complaints/track?ref=%s",
	    http_base_url(), q->ref);
	text = i18n_subst(r->a, i18n_get(lang, body), q->ref,
	    due ? due : "", url, NULL);
	if (email != NULL && *email != '\0' && outbox_email(r->db, email,
	    i18n_subst(r->a, i18n_get(lang, subject), q->ref, NULL),
	    text) == -1)
		return -1;
	if (mobile != NULL && *mobile != '\0' && outbox_sms(r->db, mobile,
	    text) == -1)
		return -1;
	return 0;
}

/* The timeline's words for a step. */
static const char *
complaints_step_label(const char *kind, const char *to)
{
	enum request_state s;

	if (strcmp(kind, "note") == 0)
		return N_("Internal note");
	if (strcmp(kind, "reply") == 0)
		return N_("Reply");
	if (strcmp(kind, "escalation") == 0)
		return N_("Escalated");
	if (strcmp(kind, "rating") == 0)
		return N_("Rating");
	if (strcmp(kind, "assign") == 0)
		return N_("Reassigned to another entity");
	if (to != NULL && (s = request_state(to)) < RQ__MAX)
		return request_state_labels[s];
	return N_("Step");
}

int
complaints_show(struct req *r, struct val *m, const struct creq *q, int all)
{
	struct val	*l, *it;
	struct dbres	*res;
	enum request_priority p;

	vm_strf(m, "id", "%llu", q->id);
	vm_str(m, "ref", q->ref);
	vm_str(m, "subject", q->subject);
	vm_str(m, "body", q->body);
	vm_str(m, "type", present_pick(r, q->type_ar, q->type_en));
	vm_str(m, "entity", present_pick(r, q->entity_ar, q->entity_en));
	if (q->axis_ar != NULL)
		vm_str(m, "axis", present_pick(r, q->axis_ar, q->axis_en));
	vm_str(m, "state", present_label(r, request_state_labels, RQ__MAX,
	    q->state));
	vm_str(m, "state_name", q->state < RQ__MAX ?
	    request_state_names[q->state] : "");
	p = (enum request_priority)names_find(request_priority_names, RP__MAX,
	    q->priority);
	vm_str(m, "priority", present_label(r, request_priority_labels,
	    RP__MAX, p));
	vm_str(m, "received", present_sqldatetime(r, q->created_at));
	vm_str(m, "due", present_sqldatetime(r, q->due_at));
	vm_bool(m, "late", request_open_state(q->state) &&
	    db_parse_time(q->due_at) < time(NULL));
	vm_bool(m, "confidential", q->confidential);
	vm_bool(m, "anonymous", q->anonymous);
	if (q->rating > 0) {
		vm_int(m, "rating", q->rating);
		vm_str(m, "rating_comment", q->rating_comment);
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_EVENTS, DB_ARGS(
	    DB_U(request, q->id), DB_I(all, all ? 1 : 0)))) == NULL)
		return 500;
	l = vm_list(m, "events");
	while (dbres_next(res)) {
		const char *kind = dbres_str(res, COMPLAINTS_EVENTS_KIND);
		const char *body = dbres_str(res, COMPLAINTS_EVENTS_BODY);
		const char *role = dbres_str(res, COMPLAINTS_EVENTS_ROLE);

		it = vm_push(l);
		vm_str(it, "at", present_sqldatetime(r,
		    dbres_str(res, COMPLAINTS_EVENTS_AT)));
		vm_str(it, "what", tr(r, complaints_step_label(kind,
		    dbres_str(res, COMPLAINTS_EVENTS_TO_STATE))));
		/* The tick's steps (role system) hold a msgid: each reader
		 * reads it in their language.  Older ones hold both
		 * languages, which tr leaves as they are. */
		if (body != NULL && role != NULL && strcmp(role, "system") == 0)
			body = tr(r, body);
		vm_str(it, "body", body);
		vm_bool(it, "internal", !dbres_int(res,
		    COMPLAINTS_EVENTS_PUBLIC));
		if (all)
			vm_str(it, "actor", dbres_str(res,
			    COMPLAINTS_EVENTS_ACTOR_NAME));
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ATTACHMENTS, DB_ARGS(
	    DB_U(request, q->id)))) == NULL)
		return 500;
	l = vm_list(m, "attachments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "name", dbres_str(res,
		    COMPLAINTS_ATTACHMENTS_ORIGINAL_NAME));
		vm_str(it, "stored", dbres_str(res,
		    COMPLAINTS_ATTACHMENTS_STORED_NAME));
		vm_str(it, "size", present_size(r, dbres_int(res,
		    COMPLAINTS_ATTACHMENTS_SIZE)));
	}
	return 0;
}
