/*
 * page_new.c — submitting a request (domain.md §5; Tawasul art. 5-د).
 *
 * GET  /complaints/new      new_form_params: q (finds entities by name,
 *                           Arabic normalised) → the form.  Signed in.
 *                           View complaints/new.
 * POST /complaints/new      new_params: type, entity, axis, subject,
 *                           body, location, file1, file2 (image or PDF,
 *                           typed by content, 5 MB) → 303
 *                           /complaints/track?ref=…&new=1; 422 with
 *                           everything typed kept (unknown entity, type
 *                           or axis, empty description, refused file).
 *                           Signed in.
 * GET  /complaints/report   the anonymous violation report form.
 *                           Anyone.  View complaints/new (anonymous).
 * POST /complaints/report   report_params (the same without the type) →
 *                           200 complaints/submitted with the tracking
 *                           code, shown this once; 422 as above.
 * The requester's name, contact and the location typed are sealed
 * (crypto_secretbox) before they reach the database.  The reference
 * number and the expected reply date go on screen and, for an account,
 * by e-mail (and SMS when the account has a mobile) through the outbox.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "complaints.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "session.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "utf8.h"
#include "vm.h"

#define NEW_FILE_MAX	(5 << 20)
/* Reference numbers drawn before giving up on a collision. */
#define NEW_REF_TRIES	5

#define NEW_COMMON_PARAMS \
	[NEW_ENTITY] = { .name = "entity", .type = PT_INT, \
	    .min = 1, .max = 1LL << 62, .label = N_("Government entity") }, \
	[NEW_AXIS] = { .name = "axis", .type = PT_INT, .flags = P_REQ, \
	    .min = 1, .max = 1000, .label = N_("What it is about") }, \
	[NEW_SUBJECT] = { .name = "subject", .type = PT_STR, \
	    .flags = P_NAME, .max = 300, .label = N_("Subject"), \
	    .hint = N_("Optional: a few words.  Left empty, the start of " \
	    "the description is used.") }, \
	[NEW_BODY] = { .name = "body", .type = PT_TEXT, .flags = P_REQ, \
	    .min = 10, .max = 10000, .label = N_("Description") }, \
	[NEW_LOCATION] = { .name = "location", .type = PT_STR, .max = 300, \
	    .label = N_("Location"), .hint = N_("Optional: a place name or " \
	    "coordinates. Only the entity handling the request can read " \
	    "it.") }, \
	[NEW_FILE1] = { .name = "file1", .type = PT_FILE, \
	    .max = NEW_FILE_MAX, .accept = "pdf,png,jpeg", \
	    .label = N_("Attachment"), .hint = N_("Optional: an image (PNG, " \
	    "JPEG) or a PDF, at most 5 MB.") }, \
	[NEW_FILE2] = { .name = "file2", .type = PT_FILE, \
	    .max = NEW_FILE_MAX, .accept = "pdf,png,jpeg", \
	    .label = N_("Another attachment") }

const struct param new_params[NEW__MAX] = {
	[NEW_TYPE] = { .name = "type", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 1000, .label = N_("Type of request") },
	NEW_COMMON_PARAMS,
};

/* The anonymous form has no type: it is a violation report. */
const struct param report_params[NEW__MAX] = {
	[NEW_TYPE] = { .name = "type", .type = PT_INT, .min = 1, .max = 1000 },
	NEW_COMMON_PARAMS,
};

const struct param new_form_params[NEWF__MAX] = {
	[NEWF_Q] = { .name = "q", .type = PT_STR, .max = 100,
	    .label = N_("Find an entity") },
};

/* Marks the select v (model f[name]) as one and gives it choices. */
static struct val *
new_select(struct req *r, struct val *m, const char *name)
{
	struct val	*f = vm_child(vm_child(m, "f"), name);

	struct val	*l, *it;

	vm_bool(f, "is_number", 0);
	vm_bool(f, "is_select", 1);
	/* A required select starts with an empty choice (HTML). */
	l = vm_list(f, "choices");
	it = vm_push(l);
	vm_str(it, "value", "");
	vm_str(it, "label", tr(r, "Choose…"));
	return l;
}

static void
new_choice(struct req *r, struct val *l, unsigned long long id,
    const char *ar, const char *en, long long current)
{
	struct val	*it = vm_push(l);

	vm_strf(it, "value", "%llu", id);
	vm_str(it, "label", present_pick(r, ar, en));
	vm_bool(it, "selected", current > 0 &&
	    (unsigned long long)current == id);
}

/* Whether an entity's names contain the normalised query nq. */
static int
new_matches(struct req *r, const char *nq, const char *ar, const char *en)
{
	if (nq == NULL || *nq == '\0')
		return 1;
	return strstr(textnorm(r->a, ar, strlen(ar)), nq) != NULL ||
	    (en != NULL && strstr(textnorm(r->a, en, strlen(en)), nq) != NULL);
}

/* The form, with what was typed kept; status 200 or the refusal's. */
static int
new_show(struct req *r, int anonymous, int status)
{
	struct val	*m = http_model(r), *l, *g = NULL;
	struct dbres	*res;
	const char	*q = NULL, *nq = NULL, *pname = NULL;
	unsigned long long pid = 0;
	long long	 cur;
	int		 n = 0;

	vm_str(m, "title", anonymous ? tr(r, "Report a violation "
	    "anonymously") : tr(r, "Submit a request"));
	vm_bool(m, "anonymous", anonymous);
	vm_str(m, "action", anonymous ? "/complaints/report" :
	    "/complaints/new");
	if (r->is_post)
		present_fields(r, m);
	else if (anonymous)
		present_form(r, m, PARAMS(report_params));
	else {
		q = http_arg_str(r, NEWF_Q);
		present_form(r, m, PARAMS(new_params));
	}
	if (q != NULL && *q != '\0') {
		vm_str(m, "q", q);
		nq = textnorm(r->a, q, strlen(q));
	}
	if (!anonymous) {
		if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_FORM_TYPES,
		    DB_NOARGS)) == NULL)
			return 500;
		l = new_select(r, m, "type");
		cur = r->is_post ? http_arg_int(r, NEW_TYPE, 0) : 0;
		while (dbres_next(res))
			new_choice(r, l, dbres_u(res, COMPLAINTS_FORM_TYPES_ID),
			    dbres_str(res, COMPLAINTS_FORM_TYPES_NAME_AR),
			    dbres_str(res, COMPLAINTS_FORM_TYPES_NAME_EN), cur);
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_AXES, DB_NOARGS)) ==
	    NULL)
		return 500;
	l = new_select(r, m, "axis");
	cur = r->is_post ? http_arg_int(r, NEW_AXIS, 0) : 0;
	while (dbres_next(res))
		new_choice(r, l, dbres_u(res, COMPLAINTS_AXES_ID),
		    dbres_str(res, COMPLAINTS_AXES_NAME_AR),
		    dbres_str(res, COMPLAINTS_AXES_NAME_EN), cur);
	/* The entity tree: each main entity a group of itself and its
	 * sub-departments. */
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ENTITIES,
	    DB_NOARGS)) == NULL)
		return 500;
	l = vm_list(m, "groups");
	cur = r->is_post ? http_arg_int(r, NEW_ENTITY, 0) : 0;
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, COMPLAINTS_ENTITIES_ID);
		unsigned long long parent = dbres_u(res,
		    COMPLAINTS_ENTITIES_PARENT_ID);
		const char *ar = dbres_str(res, COMPLAINTS_ENTITIES_NAME_AR);
		const char *en = dbres_str(res, COMPLAINTS_ENTITIES_NAME_EN);

		if (parent == 0) {
			pid = id;
			pname = present_pick(r, ar, en);
			g = NULL;
		}
		if (!new_matches(r, nq, ar, en) && (cur <= 0 ||
		    (unsigned long long)cur != id))
			continue;
		if (g == NULL || parent != pid) {
			g = vm_push(l);
			vm_str(g, "label", parent == 0 || parent == pid ?
			    pname : present_pick(r, ar, en));
		}
		new_choice(r, vm_list(g, "entities"), id, ar, en, cur);
		n++;
	}
	vm_bool(m, "no_entity", n == 0);
	r->status = status;
	return http_render(r, "complaints/new", m);
}

int
page_new_form(struct req *r)
{
	return new_show(r, 0, 200);
}

int
page_report_form(struct req *r)
{
	http_nostore(r);
	return new_show(r, 1, 200);
}

/* The one submission of a request (complaints.h), for this form and
 * for Open311 (page_open311.c). */
enum outcome
complaints_submit_tx(struct req *r, void *arg)
{
	struct newreq	*n = arg;
	struct requester p;
	struct dbres	*res;
	struct creq	 q;
	const char	*type_code = "violation", *unit, *solve, *subject;
	const char	*body = http_arg_str(r, NEW_BODY);
	const char	*loc = http_arg_str(r, NEW_LOCATION);
	unsigned long long type = 0, entity, axis, uid;
	unsigned char	 nonce[24], code_hash[32], *ct = NULL;
	size_t		 ctlen = 0;
	int		 limit, confidential = 0, found = 0, i, k;
	long long	 ins = -1;
	int		 files[2] = { NEW_FILE1, NEW_FILE2 };

	uid = n->anonymous || n->who != NULL ? 0 : r->sess->user_id;
	entity = n->entity != 0 ? n->entity :
	    (unsigned long long)http_arg_int(r, NEW_ENTITY, 0);
	axis = n->axis != 0 ? n->axis :
	    (unsigned long long)http_arg_int(r, NEW_AXIS, 0);
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_FORM_TYPES,
	    DB_NOARGS)) == NULL)
		return OUT_ERROR;
	while (dbres_next(res)) {
		const char *code = dbres_str(res, COMPLAINTS_FORM_TYPES_CODE);

		if (n->anonymous ? strcmp(code, "violation") == 0 :
		    dbres_u(res, COMPLAINTS_FORM_TYPES_ID) ==
		    (n->type != 0 ? n->type :
		    (unsigned long long)http_arg_int(r, NEW_TYPE, 0))) {
			type = dbres_u(res, COMPLAINTS_FORM_TYPES_ID);
			type_code = code;
			confidential = (int)dbres_int(res,
			    COMPLAINTS_FORM_TYPES_CONFIDENTIAL_DEFAULT);
		}
	}
	if (type == 0)
		http_arg_error(r, NEW_TYPE, "Choose the type of request from "
		    "the list.");
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_AXES, DB_NOARGS)) ==
	    NULL)
		return OUT_ERROR;
	while (dbres_next(res))
		if (dbres_u(res, COMPLAINTS_AXES_ID) == axis)
			found = 1;
	if (!found)
		http_arg_error(r, NEW_AXIS, "Choose what the request is about "
		    "from the list.");
	/* About the portal: the ministry that runs it (art. 5-ط). */
	if (strcmp(type_code, "portal") == 0) {
		if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_OPERATOR,
		    DB_NOARGS)) == NULL)
			return OUT_ERROR;
		if (dbres_next(res))
			entity = dbres_u(res, COMPLAINTS_OPERATOR_ID);
	}
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ENTITY_GET, DB_ARGS(
	    DB_U(id, entity)))) == NULL)
		return OUT_ERROR;
	/* Not needed about the portal: the operator ministry answers. */
	if (!dbres_next(res) || !dbres_int(res, COMPLAINTS_ENTITY_GET_ACTIVE))
		http_arg_error(r, NEW_ENTITY, "Choose the government entity "
		    "from the list.");
	if (r->nerr > 0)
		return OUT_INVALID;
	if ((n->due = complaints_due(r, time(NULL), type_code, "medium", axis, &limit,
	    &unit, &solve)) == NULL)
		return OUT_ERROR;
	/* The requester as the account says, and the place typed. */
	memset(&p, 0, sizeof(p));
	p.location = loc != NULL && *loc != '\0' ? loc : NULL;
	if (uid != 0) {
		if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_USER_CONTACT,
		    DB_ARGS(DB_U(id, uid)))) == NULL)
			return OUT_ERROR;
		if (dbres_next(res)) {
			p.name = dbres_str(res, COMPLAINTS_USER_CONTACT_ORG_NAME);
			if (p.name == NULL)
				p.name = dbres_str(res,
				    COMPLAINTS_USER_CONTACT_FULL_NAME);
			p.email = dbres_str(res, COMPLAINTS_USER_CONTACT_EMAIL);
			p.mobile = dbres_str(res,
			    COMPLAINTS_USER_CONTACT_MOBILE);
		}
	}
	if (n->who != NULL) {	/* Open311: as the client sent it */
		p.name = n->who->name;
		p.email = n->who->email;
		p.mobile = n->who->mobile;
		if (p.location == NULL)
			p.location = n->who->location;
	}
	if ((p.name != NULL || p.location != NULL) && request_seal(r->a,
	    auth_key(), &p, nonce, &ct, &ctlen) == -1)
		return OUT_ERROR;
	subject = http_arg_str(r, NEW_SUBJECT);
	if (subject == NULL || *subject == '\0') {
		k = (int)utf8_prefix(body, strlen(body), 80);
		subject = arena_strndup(r->a, body, (size_t)k);
		for (char *s = (char *)subject; *s; s++)
			if (*s == '\n' || *s == '\r' || *s == '\t')
				*s = ' ';
	}
	for (i = 0; i < NEW_REF_TRIES; i++) {
		n->ref = request_ref_new(r->a);
		if (n->anonymous)
			n->code = request_code_new(r->a, code_hash);
		ins = db_exec(r->db, SQL_COMPLAINTS_REQUEST_INSERT, DB_ARGS(
		    DB_S(ref, n->ref), DB_U(type, type), DB_U(axis, axis),
		    DB_U(entity, entity), DB_U(requester, uid),
		    DB_I(confidential, confidential), DB_S(subject, subject),
		    DB_S(body, body), DB_B(enc, ct, ctlen),
		    DB_B(nonce, nonce, ct != NULL ? sizeof(nonce) : 0),
		    DB_B(tracking, code_hash, n->anonymous ? 32 : 0),
		    DB_S(due, n->due), DB_S(solve, solve),
		    DB_I(limit, limit), DB_S(unit, unit)));
		if (ins == 1 || db_errno(r->db) != DB_ER_DUP_ENTRY)
			break;
	}
	if (ins != 1)
		return OUT_ERROR;
	memset(&q, 0, sizeof(q));
	q.id = db_insert_id(r->db);
	q.ref = n->ref;
	q.requester_id = uid;
	for (i = 0; i < 2; i++) {
		const struct pval *f = http_arg(r, files[i]);

		if (f == NULL || !f->set || f->file == NULL)
			continue;
		if (db_exec(r->db, SQL_COMPLAINTS_UPLOAD_INSERT, DB_ARGS(
		    DB_S(stored_name, f->file->stored_name),
		    DB_S(original_name, f->file->orig_name),
		    DB_S(mime, f->file->mime), DB_U(size, f->file->size),
		    DB_B(sha256, f->file->sha256, sizeof(f->file->sha256)),
		    DB_U(by, uid))) != 1 ||
		    db_exec(r->db, SQL_COMPLAINTS_ATTACHMENT_INSERT, DB_ARGS(
		    DB_U(request, q.id), DB_U(upload,
		    db_insert_id(r->db)))) != 1)
			return OUT_ERROR;
	}
	if (complaints_event(r, q.id, "state", NULL, "received", 1, NULL) ==
	    -1 || request_kpi(r->db, q.id, 1) == -1)
		return OUT_ERROR;
	if (complaints_tell(r, &q, N_("Sharek: your request {1} was "
	    "received"), N_("Your request was received.  Its reference "
	    "number is {1}; the expected reply date is {2}.  Follow it "
	    "here:\n\n{3}"), present_sqldatetime(r, n->due)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
new_post(struct req *r, int anonymous)
{
	struct newreq	 n;
	struct val	*m;
	const char	*url, *prev;

	if (r->nerr > 0)
		return new_show(r, anonymous, 422);
	memset(&n, 0, sizeof(n));
	n.anonymous = anonymous;
	url = anonymous ? "/complaints/report?sent=1" : NULL;
	/* The URL to remember is known only once the number is drawn: a
	 * double submit of an account's form goes to its list. */
	switch (http_form_tx(r, complaints_submit_tx, &n, anonymous ? url :
	    "/complaints/mine", &prev)) {
	case OUT_OK:
		break;
	case OUT_DUPLICATE:
		if (anonymous) {
			m = http_model(r);
			vm_str(m, "title", tr(r, "Report already sent"));
			vm_bool(m, "duplicate", 1);
			http_nostore(r);
			return http_render(r, "complaints/submitted", m);
		}
		return http_redirect(r, 303, prev ? prev : "/complaints/mine");
	case OUT_INVALID:
		return new_show(r, anonymous, 422);
	default:
		return 500;
	}
	if (!anonymous)
		return http_redirect(r, 303, arena_printf(r->a,
		    "/complaints/track?ref=%s&new=1", n.ref));
	/* The code is shown this once and never stored. */
	http_nostore(r);
	m = http_model(r);
	vm_str(m, "title", tr(r, "Your report was received"));
	vm_str(m, "ref", n.ref);
	vm_str(m, "code", n.code);
	vm_str(m, "due", present_sqldatetime(r, n.due));
	return http_render(r, "complaints/submitted", m);
}

int
page_new(struct req *r)
{
	return new_post(r, 0);
}

int
page_report(struct req *r)
{
	return new_post(r, 1);
}
