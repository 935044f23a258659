/*
 * page_audit.c — the audit log of staff actions, for the ministry's
 * reports (domain.md §4).
 *
 * GET /staff/audit       entity, action, user (e-mail), from, to (dates),
 *                        before (id, keyset paging).  View staff/audit.
 * GET /staff/audit.csv   the same filters, every matching row, streamed.
 * Permission: ACT_AUDIT_VIEW — the ministry admin sees every entity, a
 * liaison officer only the own entity (the filter is forced).
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"

#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

const struct param audit_params[] = {
	{ "entity", PT_INT, 0, 1, 1LL << 40, NULL, NULL },
	{ "action", PT_STR, 0, 1, 64, NULL, NULL },
	{ "user", PT_EMAIL, 0, 0, 254, NULL, NULL },
	{ "from", PT_DATE, 0, 0, 0, NULL, NULL },
	{ "to", PT_DATE, 0, 0, 0, NULL, NULL },
	{ "before", PT_INT, 0, 1, 1LL << 62, NULL, NULL },
};
const int audit_nparams = sizeof(audit_params) / sizeof(audit_params[0]);

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
		f->entity = http_str(r, "entity") ? arena_printf(r->a,
		    "%lld", http_int(r, "entity", 0)) : NULL;
		f->action = http_str(r, "action");
		f->user = http_str(r, "user");
		f->from = http_str(r, "from");
		f->to = http_str(r, "to");
	}
	if (!perm_allows(perm_role(r->sess->role), ACT_AUDIT_VIEW,
	    SCOPE_OTHER))
		f->entity = arena_printf(r->a, "%llu", r->sess->entity_id);
}

int
page_audit(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct filt	 f;
	int		 n = 0;
	const char	*last = NULL;
	struct buf	 next;

	if (r->nerr > 0)
		r->status = 422;
	audit_filters(r, &f, r->nerr == 0);
	vm_str(m, "title", tr(r, "Audit log"));
	http_form_model(r, m);
	vm_bool(m, "all_entities", perm_allows(perm_role(r->sess->role),
	    ACT_AUDIT_VIEW, SCOPE_OTHER));
	res = db_query(r->db, r->a, SQL_AUDIT_PAGE, "ssssssssssi",
	    f.entity, f.entity, f.action, f.action, f.user, f.user, f.from,
	    f.from, f.to, f.to, http_int(r, "before", 1LL << 62));
	if (res == NULL)
		return 500;
	l = vm_list(m, "rows");
	while (dbres_next(res)) {
		if (++n > 50) {
			vm_bool(m, "more", 1);
			break;
		}
		it = vm_push(l);
		last = dbres_str(res, 0);
		vm_str(it, "id", last);
		vm_str(it, "at", dbres_str(res, 1));
		vm_str(it, "role", dbres_str(res, 2));
		vm_str(it, "action", dbres_str(res, 3));
		vm_strf(it, "object", "%s %s", dbres_str(res, 4),
		    dbres_str(res, 5) ? dbres_str(res, 5) : "");
		vm_str(it, "summary", dbres_str(res, 6));
		vm_str(it, "ip", dbres_str(res, 7));
		vm_str(it, "who", dbres_str(res, 8) ? dbres_str(res, 8) :
		    tr(r, "the system"));
		vm_str(it, "email", dbres_str(res, 9));
		vm_str(it, "entity", staff_pick(r, dbres_str(res, 10),
		    dbres_str(res, 11)));
	}
	/* The query string of the current filters, for paging and CSV. */
	buf_init(&next, r->a);
	{
		static const char *keys[] = { "entity", "action", "user",
		    "from", "to" };
		size_t i;
		for (i = 0; i < 5; i++) {
			const struct pval *p = http_param(r, keys[i]);
			if (p == NULL || !p->set)
				continue;
			buf_printf(&next, "%s=", keys[i]);
			buf_url(&next, p->s, strlen(p->s));
			buf_addc(&next, '&');
		}
	}
	vm_str(m, "filters", next.data);
	if (last != NULL)
		vm_str(m, "last", last);
	if ((res = db_query(r->db, r->a, SQL_AUDIT_ACTIONS, "")) == NULL)
		return 500;
	l = vm_list(m, "actions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "name", dbres_str(res, 0));
		vm_bool(it, "selected", f.action != NULL &&
		    strcmp(f.action, dbres_str(res, 0)) == 0);
	}
	return http_render(r, "staff/audit", m);
}

int
page_audit_csv(struct req *r)
{
	struct dbres	*res;
	struct filt	 f;
	struct buf	 line;
	int		 i, rc;

	if (r->nerr > 0)
		return 400;
	audit_filters(r, &f, 1);
	res = db_stream(r->db, r->a, SQL_AUDIT_EXPORT, "ssssssssss",
	    f.entity, f.entity, f.action, f.action, f.user, f.user, f.from,
	    f.from, f.to, f.to);
	if (res == NULL)
		return 500;
	http_header(r, "Content-Disposition",
	    "attachment; filename=\"sharek-audit.csv\"");
	http_stream(r, "text/csv; charset=utf-8");
	buf_init(&line, r->a);
	/* A BOM so spreadsheet programs read the Arabic as UTF-8. */
	buf_adds(&line, "\xEF\xBB\xBFid,at_utc,role,action,object_type,"
	    "object_id,summary,ip,user,email,entity_ar,entity_en\r\n");
	http_write(r, line.data, line.len);
	while ((rc = dbres_next(res)) == 1) {
		buf_reset(&line);
		for (i = 0; i < 12; i++) {
			const char *v = dbres_str(res, i);
			if (i > 0)
				buf_addc(&line, ',');
			if (v != NULL)
				buf_csv(&line, v, dbres_len(res, i));
		}
		buf_adds(&line, "\r\n");
		http_write(r, line.data, line.len);
	}
	dbres_close(res);
	return 200;
}
