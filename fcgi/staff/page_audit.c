/*
 * page_audit.c — the audit log of staff actions, for the ministry's
 * reports (domain.md §4).
 *
 * GET /staff/audit       audit_params: entity, action, user (e-mail),
 *                        from, to (dates), before (id, keyset paging).
 *                        View staff/audit; 422 with the form kept when a
 *                        filter is invalid.
 * GET /staff/audit.csv   audit_csv_params: the same filters, every
 *                        matching row, streamed (400 on a bad filter).
 * Permission: ACT_AUDIT_VIEW — the ministry admin sees every entity, a
 * liaison officer only the own entity (the filter is forced).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* Rows per page of the log. */
#define AUDIT_PAGE_SIZE	50

/* The filters, shared by the page and the export (same keys). */
#define AUDIT_FILTER_PARAMS \
	[AUDIT_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1, \
	    .max = 1LL << 40 }, \
	[AUDIT_ACTION] = { .name = "action", .type = PT_STR, .min = 1, \
	    .max = 64 }, \
	[AUDIT_USER] = { .name = "user", .type = PT_EMAIL, .max = 254 }, \
	[AUDIT_FROM] = { .name = "from", .type = PT_DATE }, \
	[AUDIT_TO] = { .name = "to", .type = PT_DATE }

const struct param audit_params[AUDIT__MAX] = {
	AUDIT_FILTER_PARAMS,
	[AUDIT_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};
const struct param audit_csv_params[AUDIT_FILTER__MAX] = {
	AUDIT_FILTER_PARAMS,
};

struct filt {
	const char	*entity;
	const char	*action;
	const char	*user;
	const char	*from;
	const char	*to;
};

/* The filters of the request; with typed unset (a filter was invalid),
 * none of them.  Either way, outside the ministry the own entity only:
 * the scope is never left to the input. */
static void
audit_filters(struct req *r, struct filt *f, int typed)
{
	memset(f, 0, sizeof(*f));
	if (typed) {
		f->entity = http_arg_str(r, AUDIT_ENTITY) ? arena_printf(r->a,
		    "%lld", http_arg_int(r, AUDIT_ENTITY, 0)) : NULL;
		f->action = http_arg_str(r, AUDIT_ACTION);
		f->user = http_arg_str(r, AUDIT_USER);
		f->from = http_arg_str(r, AUDIT_FROM);
		f->to = http_arg_str(r, AUDIT_TO);
	}
	if (!perm_allows(perm_role(r->sess->role), ACT_AUDIT_VIEW,
	    SCOPE_OTHER))
		f->entity = arena_printf(r->a, "%llu", r->sess->entity_id);
}

/* The object an entry names, and the page showing it where there is
 * one: object (the text), href (NULL: none). */
static void
audit_object(struct val *it, const char *type,
    const char *id, const char *article_activity)
{
	static const struct { const char *type, *path; } pages[] = {
		{ "activity", "/staff/activities/" },
		{ "entity", "/staff/entities/" },
		{ "group", "/staff/groups/" },
		{ "request", "/complaints/desk/requests/" },
	};
	size_t		 i;

	vm_strf(it, "object", "%s %s", type ? type : "", id ? id : "");
	if (type == NULL || id == NULL || strcmp(id, "0") == 0)
		return;
	for (i = 0; i < sizeof(pages) / sizeof(pages[0]); i++)
		if (strcmp(type, pages[i].type) == 0)
			vm_strf(it, "href", "%s%s", pages[i].path, id);
	/* An article: on its activity's page. */
	if (strcmp(type, "article") == 0 && article_activity != NULL)
		vm_strf(it, "href", "/staff/activities/%s#article-%s",
		    article_activity, id);
}

/* An action's name in the reader's language (none for one this build
 * does not know), and its code. */
static void
audit_action_model(struct req *r, struct val *it, const char *action)
{
	enum audit_action k = audit_action(action);

	if (k != AU__MAX)
		vm_str(it, "action", tr(r, audit_action_labels[k]));
	/* The code too: what the export and the filter hold. */
	vm_str(it, "code", action);
}

/* What an edit changed, field by field: changes [{ field, before,
 * after }]. */
static void
audit_details_model(struct req *r, struct val *it, const char *details)
{
	struct audit_change *ch;
	struct val	*l, *c;
	size_t		 n, i;

	if ((ch = audit_changes(r->a, details, &n)) == NULL)
		return;
	l = vm_list(it, "changes");
	for (i = 0; i < n; i++) {
		c = vm_push(l);
		vm_str(c, "field", tr(r, ch[i].field));
		vm_str(c, "before", ch[i].before);
		vm_str(c, "after", ch[i].after);
	}
}

/* The entity filter's choices (the ministry admin's: every entity),
 * the current one selected. */
static int
audit_entity_choices(struct req *r, struct val *m, const char *current)
{
	struct dbres	*res;
	const char	**names, **labels;
	int		 n = 0, cap = 16;

	if ((res = db_query(r->db, r->a, SQL_AUDIT_ENTITIES, DB_NOARGS)) ==
	    NULL)
		return -1;
	names = arena_alloc(r->a, sizeof(*names) * (size_t)cap);
	labels = arena_alloc(r->a, sizeof(*labels) * (size_t)cap);
	while (dbres_next(res)) {
		if (n == cap) {
			const char **nn, **nl;

			cap *= 2;
			nn = arena_alloc(r->a, sizeof(*nn) * (size_t)cap);
			nl = arena_alloc(r->a, sizeof(*nl) * (size_t)cap);
			memcpy(nn, names, sizeof(*nn) * (size_t)n);
			memcpy(nl, labels, sizeof(*nl) * (size_t)n);
			names = nn;
			labels = nl;
		}
		names[n] = dbres_str(res, AUDIT_ENTITIES_ID);
		labels[n] = present_pick(r, dbres_str(res, AUDIT_ENTITIES_NAME_AR),
		    dbres_str(res, AUDIT_ENTITIES_NAME_EN));
		n++;
	}
	present_choices(r, m, "entities", names, labels, n, current);
	return 0;
}

int
page_audit(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct filt	 f;
	int		 n = 0, k;
	enum role	 role;
	const char	*last = NULL;
	struct buf	 next;

	if (r->nerr > 0)
		r->status = 422;
	audit_filters(r, &f, r->nerr == 0);
	vm_str(m, "title", tr(r, "Audit log"));
	http_form_model(r, m);
	vm_bool(m, "all_entities", perm_allows(perm_role(r->sess->role),
	    ACT_AUDIT_VIEW, SCOPE_OTHER));
	if (perm_allows(perm_role(r->sess->role), ACT_AUDIT_VIEW,
	    SCOPE_OTHER) && audit_entity_choices(r, m, f.entity) == -1)
		return 500;
	res = db_query(r->db, r->a, SQL_AUDIT_PAGE, DB_ARGS(
	    DB_S(entity, f.entity), DB_S(action, f.action),
	    DB_S(user, f.user), DB_S(from, f.from), DB_S(to, f.to),
	    DB_I(before, http_arg_int(r, AUDIT_BEFORE, 1LL << 62)),
	    DB_I(limit, AUDIT_PAGE_SIZE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "rows");
	while (dbres_next(res)) {
		if (++n > AUDIT_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		it = vm_push(l);
		last = dbres_str(res, AUDIT_PAGE_ID);
		vm_str(it, "id", last);
		vm_str(it, "at", present_datetime(r,
		    dbres_time(res, AUDIT_PAGE_AT_UTC)));
		role = perm_role(dbres_str(res, AUDIT_PAGE_ROLE));
		vm_str(it, "role", role != ROLE__MAX ? present_label(r,
		    perm_role_labels, ROLE__MAX, (int)role) : NULL);
		audit_action_model(r, it, dbres_str(res, AUDIT_PAGE_ACTION));
		audit_object(it, dbres_str(res, AUDIT_PAGE_OBJECT_TYPE),
		    dbres_str(res, AUDIT_PAGE_OBJECT_ID),
		    dbres_str(res, AUDIT_PAGE_ARTICLE_ACTIVITY));
		audit_details_model(r, it, dbres_str(res, AUDIT_PAGE_DETAILS));
		vm_str(it, "summary", dbres_str(res, AUDIT_PAGE_SUMMARY));
		vm_str(it, "ip", dbres_str(res, AUDIT_PAGE_IP));
		vm_str(it, "who", dbres_str(res, AUDIT_PAGE_USER) ?
		    dbres_str(res, AUDIT_PAGE_USER) : tr(r, "the system"));
		vm_str(it, "email", dbres_str(res, AUDIT_PAGE_EMAIL));
		vm_str(it, "entity", present_pick(r,
		    dbres_str(res, AUDIT_PAGE_ENTITY_AR),
		    dbres_str(res, AUDIT_PAGE_ENTITY_EN)));
	}
	/* The query string of the current filters, for paging and CSV. */
	buf_init(&next, r->a);
	for (k = 0; k < AUDIT_FILTER__MAX; k++) {
		const struct pval *p = http_arg(r, k);
		if (p == NULL || !p->set)
			continue;
		buf_printf(&next, "%s=", audit_params[k].name);
		buf_url(&next, p->s, strlen(p->s));
		buf_addc(&next, '&');
	}
	vm_str(m, "filters", next.data);
	if (last != NULL)
		vm_str(m, "last", last);
	if ((res = db_query(r->db, r->a, SQL_AUDIT_ACTIONS, DB_NOARGS)) ==
	    NULL)
		return 500;
	l = vm_list(m, "actions");
	while (dbres_next(res)) {
		const char *action = dbres_str(res, AUDIT_ACTIONS_ACTION);
		enum audit_action ak = audit_action(action);

		it = vm_push(l);
		vm_str(it, "name", action);
		/* The label; a code this build does not know as it is. */
		vm_str(it, "label", ak != AU__MAX ?
		    tr(r, audit_action_labels[ak]) : action);
		vm_bool(it, "selected", f.action != NULL &&
		    strcmp(f.action, action) == 0);
	}
	return http_render(r, "staff/audit", m);
}

int
page_audit_csv(struct req *r)
{
	const struct db_stmt *st = &sql_stmts[SQL_AUDIT_EXPORT];
	struct dbres	*res;
	struct filt	 f;
	struct buf	 line;
	int		 col, rc;

	if (r->nerr > 0)
		return 400;
	audit_filters(r, &f, 1);
	res = db_stream(r->db, r->a, SQL_AUDIT_EXPORT, DB_ARGS(
	    DB_S(entity, f.entity), DB_S(action, f.action),
	    DB_S(user, f.user), DB_S(from, f.from), DB_S(to, f.to)));
	if (res == NULL)
		return 500;
	http_header(r, "Content-Disposition",
	    "attachment; filename=\"sharek-audit.csv\"");
	http_stream(r, "text/csv; charset=utf-8");
	buf_init(&line, r->a);
	/* A BOM so spreadsheet programs read the Arabic as UTF-8; the
	 * header line is the statement's column names (shape audit_row),
	 * and every row gives every column in that order. */
	buf_adds(&line, "\xEF\xBB\xBF");
	for (col = 0; col < AUDIT_ROW__MAX; col++)
		buf_printf(&line, "%s%s", col > 0 ? "," : "", st->cols[col]);
	buf_adds(&line, "\r\n");
	http_write(r, line.data, line.len);
	while ((rc = dbres_next(res)) == 1) {
		buf_reset(&line);
		for (col = 0; col < AUDIT_ROW__MAX; col++) {
			const char *v = dbres_str(res, col);
			if (col > 0)
				buf_addc(&line, ',');
			if (v != NULL)
				buf_csv(&line, v, dbres_len(res, col));
		}
		buf_adds(&line, "\r\n");
		http_write(r, line.data, line.len);
	}
	dbres_close(res);
	/* A failure in the middle: the kernel cuts the response. */
	return rc == -1 ? 500 : 200;
}
