/*
 * page_activities.c — drafting consultations and taking them through the
 * review chain (Tawasul art. 7–11; domain.md §3–4).
 *
 * GET  /staff/activities                  state, before → list (ACT_ACTIVITY_VIEW)
 * GET  /staff/activities/new              form (ACT_ACTIVITY_DRAFT)
 * POST /staff/activities/new              act_params → 303 /staff/activities/ID
 * GET  /staff/activities/{id}             everything, articles, actions, history
 * GET  /staff/activities/{id}/edit        form
 * POST /staff/activities/{id}/edit        act_params (+ reason while open:
 *                                         a recorded, dated new version)
 * POST /staff/activities/{id}/articles    add an article
 * POST /staff/activities/{id}/articles/{aid}          save an article
 * POST /staff/activities/{id}/articles/{aid}/delete   (no comments yet)
 * POST /staff/activities/{id}/articles/{aid}/move     dir = up | down
 * POST /staff/activities/{id}/document    the document as a PDF (upload)
 * POST /staff/activities/{id}/attachments supporting PDF with a title
 * POST /staff/activities/{id}/workflow    event (submit, forward, return,
 *                                         approve, withdraw), reason
 * POST /staff/activities/{id}/extend      days, reason_ar, reason_en
 * Permission: the matrix of fcgi/domain/perm.c for the activity's entity.
 * Every write is audited; transitions also go to workflow_events.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "sql_gen.h"
#include "urlenc.h"
#include "staff.h"
#include "vm.h"
#include "workflow.h"

static const char *const kinds[] = { "consultation", "survey", "poll", NULL };
static const char *const audiences[] = { "public", "restricted",
    "interagency", NULL };
static const char *const dockinds[] = { "articles", "pdf", NULL };
static const char *const events[] = { "submit", "forward", "return",
    "approve", "withdraw", NULL };
static const enum act_event event_ids[] = { AE_SUBMIT, AE_FORWARD,
    AE_RETURN, AE_APPROVE, AE_WITHDRAW };
static const char *const dirs[] = { "up", "down", NULL };
static const char *const states[] = { "draft", "submitted", "returned",
    "approved", "scheduled", "open", "closed", "analysis",
    "report_submitted", "report_approved", "published", "withdrawn", NULL };
static const char *const state_labels[] = { N_("Draft"),
    N_("Submitted for review"), N_("Returned"),
    N_("Forwarded to the liaison officer"), N_("Approved, scheduled"),
    N_("Open"), N_("Closed"), N_("In analysis"), N_("Report submitted"),
    N_("Report approved"), N_("Published"), N_("Withdrawn") };

const struct param act_list_params[] = {
	{ "state", PT_ENUM, 0, 0, 0, states, NULL },
	{ "before", PT_INT, 0, 1, 1LL << 62, NULL, NULL },
};

const struct param act_params[] = {
	{ "kind", PT_ENUM, 0, 0, 0, kinds, NULL },
	{ "title_ar", PT_STR, P_REQ, 3, 300, NULL, NULL },
	{ "title_en", PT_STR, 0, 3, 300, NULL, NULL },
	{ "summary_ar", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "summary_en", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "objectives_ar", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "objectives_en", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "announcements_ar", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "announcements_en", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "sectors", PT_INT, P_MULTI, 1, 1LL << 30, NULL, NULL },
	{ "audience", PT_ENUM, P_REQ, 0, 0, audiences, NULL },
	{ "targets", PT_INT, P_MULTI, 1, 1LL << 40, NULL, NULL },
	{ "groups", PT_INT, P_MULTI, 1, 1LL << 40, NULL, NULL },
	{ "urgent", PT_BOOL, 0, 0, 0, NULL, NULL },
	{ "publish_at", PT_DATETIME, 0, 0, 0, NULL, NULL },
	{ "closes_at", PT_DATETIME, 0, 0, 0, NULL, NULL },
	{ "results_due_at", PT_DATETIME, 0, 0, 0, NULL, NULL },
	{ "final_publication_at", PT_DATETIME, 0, 0, 0, NULL, NULL },
	{ "doc_kind", PT_ENUM, 0, 0, 0, dockinds, NULL },
	{ "links", PT_TEXT, 0, 0, 5000, NULL, NULL },
	{ "reason", PT_TEXT, 0, 0, 2000, NULL, NULL },
};
const int act_nparams = sizeof(act_params) / sizeof(act_params[0]);

const struct param article_params[] = {
	{ "number_label", PT_STR, 0, 0, 40, NULL, NULL },
	{ "title_ar", PT_STR, 0, 0, 300, NULL, NULL },
	{ "title_en", PT_STR, 0, 0, 300, NULL, NULL },
	{ "body_ar", PT_TEXT, P_REQ, 1, 100000, NULL, NULL },
	{ "body_en", PT_TEXT, 0, 0, 100000, NULL, NULL },
};
const struct param move_params[] = {
	{ "dir", PT_ENUM, P_REQ, 0, 0, dirs, NULL },
};
const struct param document_params[] = {
	{ "file", PT_FILE, P_REQ, 0, 20 << 20, NULL, "pdf" },
	{ "title_ar", PT_STR, 0, 2, 300, NULL, NULL },
	{ "title_en", PT_STR, 0, 2, 300, NULL, NULL },
};
const struct param workflow_params[] = {
	{ "event", PT_ENUM, P_REQ, 0, 0, events, NULL },
	{ "reason", PT_TEXT, 0, 0, 2000, NULL, NULL },
};
const struct param extend_params[] = {
	{ "days", PT_INT, P_REQ, 1, 366, NULL, NULL },
	{ "reason_ar", PT_TEXT, P_REQ, 5, 2000, NULL, NULL },
	{ "reason_en", PT_TEXT, 0, 0, 2000, NULL, NULL },
};

static const char *
state_label(struct req *r, const char *s)
{
	int	 i;

	for (i = 0; states[i] != NULL; i++)
		if (strcmp(states[i], s) == 0)
			return tr(r, state_labels[i]);
	return s;
}

/* "2026-11-22 09:00:00" UTC → "2026-11-22T12:00" local, for inputs. */
static const char *
local_input(struct req *r, const char *sql)
{
	struct tm	 tm;
	time_t		 t;
	char		 buf[32];

	if (sql == NULL)
		return NULL;
	memset(&tm, 0, sizeof(tm));
	if (strptime(sql, "%Y-%m-%d %H:%M:%S", &tm) == NULL)
		return NULL;
	t = timegm(&tm) + CAL_TZ_OFFSET;
	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%dT%H:%M", &tm);
	return arena_strdup(r->a, buf);
}

static const char *
sql_time(struct req *r, time_t t)
{
	struct tm	 tm;
	char		 buf[32];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), "%Y-%m-%d %H:%M:%S", &tm);
	return arena_strdup(r->a, buf);
}

static const char *
shown_time(struct req *r, time_t t)
{
	struct buf	 b;

	buf_init(&b, r->a);
	i18n_datetime(&b, r->lang, t);
	return b.data;
}

/* A datetime parameter as SQL text, or NULL. */
static const char *
param_time(struct req *r, const char *name)
{
	const struct pval *p = http_param(r, name);

	return p != NULL && p->set ? sql_time(r, p->t) : NULL;
}

/* Loads activity {id} and checks the action on its entity: 0 or a
 * status. */
static int
act_load(struct req *r, enum action need, struct dbres **out)
{
	struct dbres	*a;

	a = db_query(r->db, r->a, SQL_ACT_GET, "i", r->segi[0]);
	if (a == NULL)
		return 500;
	if (!dbres_next(a))
		return 404;
	if (!staff_may(r, ACT_ACTIVITY_VIEW,
	    (unsigned long long)dbres_int(a, 2)))
		return 404;
	if (need != ACT_ACTIVITY_VIEW && !staff_may(r, need,
	    (unsigned long long)dbres_int(a, 2)))
		return 403;
	*out = a;
	return 0;
}

static int
editable(struct dbres *a)
{
	const char	*s = dbres_str(a, 6);

	return strcmp(s, "draft") == 0 || strcmp(s, "returned") == 0;
}

int
page_activities(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	enum role	 role = perm_role(r->sess->role);
	const char	*ent = NULL;
	long long	 sub = perm_allows(role, ACT_ACTIVITY_VIEW, SCOPE_SUB);
	int		 n = 0;
	long long	 last = 0;

	vm_str(m, "title", tr(r, "Consultations, surveys and polls"));
	if (!perm_allows(role, ACT_ACTIVITY_VIEW, SCOPE_OTHER))
		ent = arena_printf(r->a, "%llu", r->sess->entity_id);
	vm_bool(m, "can_create", perm_role_may(role, ACT_ACTIVITY_DRAFT));
	res = db_query(r->db, r->a, SQL_ACT_LIST, "sssissi", ent, ent,
	    ent ? "1" : "0", (long long)r->sess->entity_id * sub,
	    http_str(r, "state"), http_str(r, "state"),
	    http_int(r, "before", 1LL << 62));
	if (res == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		if (++n > 50) {
			vm_bool(m, "more", 1);
			break;
		}
		last = dbres_int(res, 0);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "kind", tr(r, strcmp(dbres_str(res, 1), "survey") ==
		    0 ? N_("Survey") : strcmp(dbres_str(res, 1), "poll") == 0 ?
		    N_("Poll") : N_("Consultation")));
		vm_str(it, "state", state_label(r, dbres_str(res, 2)));
		vm_str(it, "title", staff_pick(r, dbres_str(res, 3),
		    dbres_str(res, 4)));
		vm_bool(it, "restricted", strcmp(dbres_str(res, 5), "public"));
		vm_bool(it, "urgent", dbres_int(res, 6));
		vm_str(it, "closes", staff_time(r, dbres_str(res, 8)));
		vm_str(it, "pending", dbres_str(res, 9));
		vm_str(it, "entity", staff_pick(r, dbres_str(res, 11),
		    dbres_str(res, 12)));
		vm_str(it, "author", dbres_str(res, 13));
	}
	vm_int(m, "last", last);
	vm_str(m, "state_filter", http_str(r, "state"));
	l = vm_list(m, "states");
	for (n = 0; states[n] != NULL; n++) {
		it = vm_push(l);
		vm_str(it, "value", states[n]);
		vm_str(it, "label", tr(r, state_labels[n]));
		vm_bool(it, "selected", http_str(r, "state") != NULL &&
		    strcmp(http_str(r, "state"), states[n]) == 0);
	}
	return http_render(r, "staff/activities", m);
}

/* The form's choices: sectors and target entities, checked from the
 * submitted values, else from the stored ones. */
static int
act_form_model(struct req *r, struct val *m, long long id)
{
	struct dbres	*res;
	struct val	*l, *it;
	const struct pval *sec = http_param(r, "sectors");
	const struct pval *tgt = http_param(r, "targets");
	int		 k, on, i;
	const struct pval *ev;

	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_ACT_SECTORS_OF, "i", id)) == NULL)
		return -1;
	l = vm_list(m, "sectors");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		on = (int)dbres_int(res, 3);
		if (sec != NULL && sec->present)
			for (on = 0, k = 0; k < sec->nvals; k++)
				on |= strcmp(sec->vals[k], dbres_str(res, 0)) == 0;
		vm_bool(it, "checked", on);
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_TARGETS_OF, "i", id)) == NULL)
		return -1;
	l = vm_list(m, "targets");
	while (dbres_next(res)) {
		if ((unsigned long long)dbres_int(res, 0) == r->sess->entity_id)
			continue;
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		vm_bool(it, "sub", !dbres_isnull(res, 3));
		on = (int)dbres_int(res, 4);
		if (tgt != NULL && tgt->present)
			for (on = 0, k = 0; k < tgt->nvals; k++)
				on |= strcmp(tgt->vals[k], dbres_str(res, 0)) == 0;
		vm_bool(it, "checked", on);
	}
	{
		const struct pval *gp = http_param(r, "groups");
		if ((res = db_query(r->db, r->a, SQL_ACT_GROUP_TARGETS_OF, "iu",
		    id, r->sess->entity_id)) == NULL)
			return -1;
		l = vm_list(m, "groups");
		while (dbres_next(res)) {
			it = vm_push(l);
			vm_str(it, "id", dbres_str(res, 0));
			vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
			    dbres_str(res, 2)));
			on = (int)dbres_int(res, 3);
			if (gp != NULL && gp->present)
				for (on = 0, k = 0; k < gp->nvals; k++)
					on |= strcmp(gp->vals[k],
					    dbres_str(res, 0)) == 0;
			vm_bool(it, "checked", on);
		}
	}
	l = vm_list(m, "audiences");
	ev = http_param(r, "audience");
	for (i = 0; audiences[i] != NULL; i++) {
		static const char *const labels[] = { N_("Public: everyone"),
		    N_("Restricted: chosen entities or groups"),
		    N_("Inter-agency: government entities only") };
		it = vm_push(l);
		vm_str(it, "value", audiences[i]);
		vm_str(it, "label", tr(r, labels[i]));
		vm_bool(it, "checked", ev != NULL && ev->present ? ev->set &&
		    ev->i == i : i == 0);
	}
	return 0;
}

static int
show_form(struct req *r, long long id, struct dbres *a)
{
	struct val	*m = http_model(r), *f;
	int		 open = a != NULL && strcmp(dbres_str(a, 6), "open") == 0;

	vm_str(m, "title", id ? tr(r, "Edit the consultation") :
	    tr(r, "New consultation, survey or poll"));
	vm_str(m, "action", id ? arena_printf(r->a,
	    "/staff/activities/%lld/edit", id) : "/staff/activities/new");
	vm_bool(m, "is_new", id == 0);
	vm_bool(m, "open_edit", open);
	if (act_form_model(r, m, id) == -1)
		return 500;
	if (a != NULL && (http_param(r, "title_ar") == NULL ||
	    !http_param(r, "title_ar")->present)) {
		static const struct { const char *k; int col; } map[] = {
			{ "title_ar", 7 }, { "title_en", 8 },
			{ "summary_ar", 9 }, { "summary_en", 10 },
			{ "objectives_ar", 11 }, { "objectives_en", 12 },
			{ "announcements_ar", 13 }, { "announcements_en", 14 },
		};
		size_t i;
		f = vm_child(m, "f");
		for (i = 0; i < sizeof(map) / sizeof(map[0]); i++)
			vm_str(vm_child(f, map[i].k), "value",
			    dbres_str(a, map[i].col));
		vm_str(vm_child(f, "publish_at"), "value",
		    local_input(r, dbres_str(a, 17)));
		vm_str(vm_child(f, "closes_at"), "value",
		    local_input(r, dbres_str(a, 18)));
		vm_str(vm_child(f, "results_due_at"), "value",
		    local_input(r, dbres_str(a, 20)));
		vm_str(vm_child(f, "final_publication_at"), "value",
		    local_input(r, dbres_str(a, 21)));
		if (dbres_int(a, 5))
			vm_bool(vm_child(f, "urgent"), "checked", 1);
		vm_bool(m, "doc_pdf", strcmp(dbres_str(a, 15), "pdf") == 0);
		{
			struct val *au = vm_get(m, "audiences");
			struct val *x;
			for (x = au->items; x != NULL; x = x->next)
				vm_bool(x, "checked", strcmp(vm_get(x,
				    "value")->s, dbres_str(a, 4)) == 0);
		}
		{
			struct dbres *lk = db_query(r->db, r->a,
			    SQL_ACT_LINKS_OF, "i", id);
			struct buf b;
			buf_init(&b, r->a);
			while (lk != NULL && dbres_next(lk))
				buf_printf(&b, "%s | %s\n", dbres_str(lk, 0),
				    dbres_str(lk, 2));
			vm_str(vm_child(f, "links"), "value", b.data);
		}
	} else {
		const struct pval *dk = http_param(r, "doc_kind");
		vm_bool(m, "doc_pdf", dk != NULL && dk->set && dk->i == 1);
	}
	/* The rule, stated where the date is chosen (art. 11). */
	{
		const struct pval *p = http_param(r, "publish_at");
		const struct pval *u = http_param(r, "urgent");
		time_t pub = p != NULL && p->set ? p->t : (a != NULL &&
		    !dbres_isnull(a, 32) ? (time_t)dbres_int(a, 32) : 0);
		int urg = u != NULL && u->present ? (int)u->i :
		    (a != NULL && dbres_int(a, 5));
		if (pub > 0)
			vm_str(m, "earliest_close", shown_time(r,
			    activity_earliest_close(pub, urg)));
	}
	return http_render(r, "staff/activity_form", m);
}

int
page_activity_new_form(struct req *r)
{
	return show_form(r, 0, NULL);
}

/* Parses "title | url" lines; returns -1 (with a field error) on a bad
 * line.  Fills arrays in the arena. */
static int
parse_links(struct req *r, const char ***titles, const char ***urls, int *n)
{
	const char	*s = http_str(r, "links"), *p, *e, *bar;
	int		 cap = 32;

	*n = 0;
	*titles = arena_alloc(r->a, sizeof(char *) * (size_t)cap);
	*urls = arena_alloc(r->a, sizeof(char *) * (size_t)cap);
	for (p = s; p != NULL && *p; p = *e ? e + 1 : e) {
		char *line, *t, *u;
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		line = arena_strndup(r->a, p, (size_t)(e - p));
		if (strspn(line, " \t\r") == strlen(line))
			continue;
		bar = strchr(line, '|');
		if (bar == NULL || *n == cap) {
			http_field_error(r, "links", "Write one link per line "
			    "as: title | address.");
			return -1;
		}
		t = arena_strndup(r->a, line, (size_t)(bar - line));
		u = arena_strdup(r->a, bar + 1);
		while (*t == ' ') t++;
		while (*u == ' ') u++;
		while (*t && t[strlen(t) - 1] == ' ') t[strlen(t) - 1] = 0;
		while (*u && (u[strlen(u) - 1] == ' ' ||
		    u[strlen(u) - 1] == '\r')) u[strlen(u) - 1] = 0;
		if (*t == '\0' || (strncmp(u, "https://", 8) != 0 &&
		    strncmp(u, "http://", 7) != 0)) {
			http_field_error(r, "links", "Each link needs a title "
			    "and an address starting with https://.");
			return -1;
		}
		(*titles)[*n] = t;
		(*urls)[*n] = u;
		(*n)++;
	}
	return 0;
}

struct actsave {
	struct req	*r;
	long long	 id;
	int		 open;		/* versioned text edit */
	const char	**lt, **lu;
	int		 nl;
};

static int
act_save_tx(struct db *db, void *arg)
{
	struct actsave	*s = arg;
	struct req	*r = s->r;
	const struct pval *sec = http_param(r, "sectors");
	const struct pval *tgt = http_param(r, "targets");
	const struct pval *grp = http_param(r, "groups");
	const char	*prev, *aud = audiences[http_int(r, "audience", 0)];
	int		 i, rc;

	if (s->open) {
		if (db_exec(db, SQL_ACT_UPDATE_OPEN, "ssssssssi",
		    http_str(r, "title_ar"), http_str(r, "title_en") ?
		    http_str(r, "title_en") : "", http_str(r, "summary_ar"),
		    http_str(r, "summary_en"), http_str(r, "objectives_ar"),
		    http_str(r, "objectives_en"),
		    http_str(r, "announcements_ar"),
		    http_str(r, "announcements_en"), s->id) != 1 ||
		    db_exec(db, SQL_ACT_VERSION_INSERT, "usi",
		    r->sess->user_id, http_str(r, "reason"), s->id) != 1)
			return -1;
	} else if (s->id == 0) {
		if ((rc = http_nonce_claim(r, NULL, &prev)) != 0)
			return rc == 1 ? 1 : -1;
		if (db_exec(db, SQL_ACT_INSERT, "suusisssssssssssss",
		    kinds[http_int(r, "kind", 0)], r->sess->entity_id,
		    r->sess->user_id, aud, http_int(r, "urgent", 0),
		    http_str(r, "title_ar"), http_str(r, "title_en") ?
		    http_str(r, "title_en") : "", http_str(r, "summary_ar"),
		    http_str(r, "summary_en"), http_str(r, "objectives_ar"),
		    http_str(r, "objectives_en"),
		    http_str(r, "announcements_ar"),
		    http_str(r, "announcements_en"),
		    dockinds[http_int(r, "doc_kind", 0)],
		    param_time(r, "publish_at"), param_time(r, "closes_at"),
		    param_time(r, "results_due_at"),
		    param_time(r, "final_publication_at")) != 1)
			return -1;
		s->id = (long long)db_insert_id(db);
	} else if (db_exec(db, SQL_ACT_UPDATE, "sisssssssssssssi", aud,
	    http_int(r, "urgent", 0), http_str(r, "title_ar"),
	    http_str(r, "title_en") ? http_str(r, "title_en") : "",
	    http_str(r, "summary_ar"), http_str(r, "summary_en"),
	    http_str(r, "objectives_ar"), http_str(r, "objectives_en"),
	    http_str(r, "announcements_ar"), http_str(r, "announcements_en"),
	    dockinds[http_int(r, "doc_kind", 0)], param_time(r, "publish_at"),
	    param_time(r, "closes_at"), param_time(r, "results_due_at"),
	    param_time(r, "final_publication_at"), s->id) != 1)
		return -1;
	if (!s->open) {
		if (db_exec(db, SQL_ACT_SECTORS_CLEAR, "i", s->id) < 0 ||
		    db_exec(db, SQL_ACT_TARGETS_CLEAR, "i", s->id) < 0 ||
		    db_exec(db, SQL_ACT_LINKS_CLEAR, "i", s->id) < 0)
			return -1;
		for (i = 0; sec != NULL && i < sec->nvals; i++)
			if (db_exec(db, SQL_ACT_SECTOR_ADD, "is", s->id,
			    sec->vals[i]) < 0)
				return -1;
		for (i = 0; strcmp(aud, "public") != 0 && tgt != NULL &&
		    i < tgt->nvals; i++)
			if (db_exec(db, SQL_ACT_TARGET_ADD, "is", s->id,
			    tgt->vals[i]) < 0)
				return -1;
		/* Groups of users make sense for restricted audiences only;
		 * only the entity's own groups are taken. */
		for (i = 0; strcmp(aud, "restricted") == 0 && grp != NULL &&
		    i < grp->nvals; i++)
			if (db_exec(db, SQL_ACT_GROUP_TARGET_ADD, "isu", s->id,
			    grp->vals[i], r->sess->entity_id) < 0)
				return -1;
		for (i = 0; i < s->nl; i++)
			if (db_exec(db, SQL_ACT_LINK_ADD, "isss", s->id,
			    s->lt[i], s->lt[i], s->lu[i]) != 1)
				return -1;
	}
	if (workflow_index_one(db, r->a, (unsigned long long)s->id,
	    http_str(r, "title_ar"), http_str(r, "title_en"),
	    http_str(r, "summary_ar"), http_str(r, "summary_en")) == -1)
		return -1;
	return audit_record(db, staff_actor(r), s->open ? "activity.version" :
	    "activity.save", "activity", (unsigned long long)s->id,
	    s->open ? arena_printf(r->a, "%s — %s", http_str(r, "title_ar"),
	    http_str(r, "reason")) : http_str(r, "title_ar"));
}

static int
act_save(struct req *r, long long id, struct dbres *a)
{
	struct actsave	 s;
	int		 rc;

	memset(&s, 0, sizeof(s));
	s.r = r;
	s.id = id;
	s.open = a != NULL && strcmp(dbres_str(a, 6), "open") == 0;
	if (s.open && http_str(r, "reason") == NULL)
		http_field_error(r, "reason", "Say what changes and why: the "
		    "change is published as a new version.");
	parse_links(r, &s.lt, &s.lu, &s.nl);
	if (r->nerr > 0) {
		r->status = 422;
		return show_form(r, id, a);
	}
	rc = db_tx(r->db, act_save_tx, &s);
	if (rc < 0)
		return 500;
	if (rc > 0)
		return http_redirect(r, 303, "/staff/activities");
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/activities/%lld?saved=1", s.id));
}

int
page_activity_new(struct req *r)
{
	return act_save(r, 0, NULL);
}

int
page_activity_edit_form(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!editable(a) && strcmp(dbres_str(a, 6), "open") != 0)
		return 409;
	return show_form(r, r->segi[0], a);
}

int
page_activity_edit(struct req *r)
{
	struct dbres	*a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!editable(a) && strcmp(dbres_str(a, 6), "open") != 0)
		return 409;
	return act_save(r, r->segi[0], a);
}

int
page_activity(struct req *r)
{
	struct val	*m, *l, *it;
	struct dbres	*a, *res;
	int		 rc;
	long long	 id = r->segi[0];
	unsigned long long eid;
	const char	*state, *problem;
	enum role	 role = perm_role(r->sess->role);
	enum act_state	 st;

	if ((rc = act_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	m = http_model(r);
	eid = (unsigned long long)dbres_int(a, 2);
	state = dbres_str(a, 6);
	st = activity_state(state);
	vm_str(m, "id", dbres_str(a, 0));
	vm_str(m, "title", staff_pick(r, dbres_str(a, 7), dbres_str(a, 8)));
	vm_str(m, "title_ar", dbres_str(a, 7));
	vm_str(m, "title_en", dbres_str(a, 8));
	vm_str(m, "summary_ar", dbres_str(a, 9));
	vm_str(m, "summary_en", dbres_str(a, 10));
	vm_str(m, "objectives_ar", dbres_str(a, 11));
	vm_str(m, "objectives_en", dbres_str(a, 12));
	{
		static const char *const aud_labels[] = { N_("Public: everyone"),
		    N_("Restricted: chosen entities or groups"),
		    N_("Inter-agency: government entities only") };
		int k;
		for (k = 0; audiences[k] != NULL; k++)
			if (strcmp(audiences[k], dbres_str(a, 4)) == 0)
				vm_str(m, "audience", tr(r, aud_labels[k]));
	}
	vm_bool(m, "urgent", dbres_int(a, 5));
	vm_str(m, "state", state);
	vm_str(m, "state_label", state_label(r, state));
	vm_str(m, "entity", staff_pick(r, dbres_str(a, 25), dbres_str(a, 26)));
	vm_str(m, "author", dbres_str(a, 27));
	vm_str(m, "pending", dbres_str(a, 28));
	vm_str(m, "published", dbres_str(a, 29));
	vm_str(m, "version", dbres_str(a, 24));
	vm_str(m, "return_reason", st == AS_RETURNED ? dbres_str(a, 23) :
	    NULL);
	vm_str(m, "pdf_name", dbres_str(a, 30));
	vm_str(m, "pdf_file", dbres_str(a, 31));
	vm_bool(m, "doc_pdf", strcmp(dbres_str(a, 15), "pdf") == 0);
	vm_bool(m, "saved", kv_get(r->qs, "saved") != NULL);
	{
		static const struct { int col; const char *k; } dates[] = {
			{ 17, "publish_at" }, { 18, "closes_at" },
			{ 19, "original_closes_at" }, { 20, "results_due_at" },
			{ 21, "final_publication_at" },
		};
		size_t i;
		for (i = 0; i < sizeof(dates) / sizeof(dates[0]); i++) {
			const char *v = dbres_str(a, dates[i].col);
			struct tm tm;
			if (v == NULL)
				continue;
			memset(&tm, 0, sizeof(tm));
			strptime(v, "%Y-%m-%d %H:%M:%S", &tm);
			vm_str(m, dates[i].k, shown_time(r, timegm(&tm)));
		}
		if (!dbres_isnull(a, 32))
			vm_str(m, "earliest_close", shown_time(r,
			    activity_earliest_close((time_t)dbres_int(a, 32),
			    (int)dbres_int(a, 5))));
	}
	/* What this user may do now. */
	vm_bool(m, "can_edit", editable(a) &&
	    staff_may(r, ACT_ACTIVITY_DRAFT, eid));
	vm_bool(m, "can_version", st == AS_OPEN &&
	    staff_may(r, ACT_ACTIVITY_DRAFT, eid));
	vm_bool(m, "can_submit", activity_next(st, AE_SUBMIT, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_DRAFT, eid));
	vm_bool(m, "can_forward", activity_next(st, AE_FORWARD, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_REVIEW, eid));
	vm_bool(m, "can_approve", activity_next(st, AE_APPROVE, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_APPROVE, eid));
	vm_bool(m, "can_return", activity_next(st, AE_RETURN, role) !=
	    AS__MAX && (st == AS_SUBMITTED || st == AS_APPROVED ||
	    st == AS_SCHEDULED) && (staff_may(r, ACT_ACTIVITY_REVIEW, eid) ||
	    staff_may(r, ACT_ACTIVITY_APPROVE, eid)));
	vm_bool(m, "can_withdraw", activity_next(st, AE_WITHDRAW, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_APPROVE, eid));
	vm_bool(m, "can_extend", st == AS_OPEN &&
	    staff_may(r, ACT_ACTIVITY_EXTEND, eid));
	if (st == AS_OPEN && !dbres_isnull(a, 33)) {
		long long period = dbres_int(a, 33) - dbres_int(a, 32);
		long long left = period - dbres_int(a, 22);
		vm_int(m, "extend_left_days", left > 0 ? left / 86400 : 0);
	}
	if (editable(a) || st == AS_SUBMITTED || st == AS_APPROVED) {
		problem = workflow_incomplete(r->db, r->a,
		    (unsigned long long)id);
		if (problem != NULL)
			vm_str(m, "problem", tr(r, problem));
	}

	if ((res = db_query(r->db, r->a, SQL_ACT_ARTICLES, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "aid", dbres_str(res, 0));
		vm_str(it, "number", dbres_str(res, 2));
		vm_str(it, "heading_ar", dbres_str(res, 3));
		vm_str(it, "heading_en", dbres_str(res, 4));
		vm_str(it, "body_ar", dbres_str(res, 5));
		vm_str(it, "body_en", dbres_str(res, 6));
		vm_str(it, "count", dbres_str(res, 7));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_ATTACHMENTS, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "attachments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
		vm_str(it, "file", dbres_str(res, 4));
		vm_str(it, "original", dbres_str(res, 3));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_WORKFLOW_EVENTS, "i", id))
	    == NULL)
		return 500;
	l = vm_list(m, "history");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "at", staff_time(r, dbres_str(res, 0)));
		vm_str(it, "role", dbres_str(res, 1));
		vm_str(it, "from", state_label(r, dbres_str(res, 2)));
		vm_str(it, "to", state_label(r, dbres_str(res, 3)));
		vm_str(it, "reason", dbres_str(res, 4));
		vm_str(it, "who", dbres_str(res, 5) ? dbres_str(res, 5) :
		    tr(r, "the system"));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_EXTENSIONS, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "extensions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_int(it, "days", dbres_int(res, 0) / 86400);
		vm_str(it, "until", staff_time(r, dbres_str(res, 1)));
		vm_str(it, "reason", staff_pick(r, dbres_str(res, 2),
		    dbres_str(res, 3)));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_VERSIONS, "i", id)) == NULL)
		return 500;
	l = vm_list(m, "versions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "version", dbres_str(res, 0));
		vm_str(it, "at", staff_time(r, dbres_str(res, 1)));
		vm_str(it, "reason", dbres_str(res, 2));
		vm_str(it, "who", dbres_str(res, 3));
	}
	http_form_model(r, m);
	return http_render(r, "staff/activity", m);
}

/* Re-shows the activity with the form errors of a failed action. */
static int
act_redisplay(struct req *r, int status)
{
	r->status = status;
	return page_activity(r);
}

struct artop {
	struct req	*r;
	int		 op;	/* 0 add, 1 save, 2 delete, 3 move */
	int		 refused;
};

static int
article_tx(struct db *db, void *arg)
{
	struct artop	*o = arg;
	struct req	*r = o->r;
	long long	 id = r->segi[0], aid = r->segi[1];
	struct dbres	*res;
	long long	 n;
	const char	*prev;
	int		 rc;

	switch (o->op) {
	case 0:
		if ((rc = http_nonce_claim(r, NULL, &prev)) != 0)
			return rc == 1 ? 1 : -1;
		if (db_exec(db, SQL_ACT_ARTICLE_INSERT, "isssssi", id,
		    http_str(r, "number_label") ? http_str(r, "number_label") :
		    "", http_str(r, "title_ar") ? http_str(r, "title_ar") : "",
		    http_str(r, "title_en"), http_str(r, "body_ar"),
		    http_str(r, "body_en"), id) != 1)
			return -1;
		aid = (long long)db_insert_id(db);
		break;
	case 1:
		if (db_exec(db, SQL_ACT_ARTICLE_UPDATE, "sssssii",
		    http_str(r, "number_label") ? http_str(r, "number_label") :
		    "", http_str(r, "title_ar") ? http_str(r, "title_ar") : "",
		    http_str(r, "title_en"), http_str(r, "body_ar"),
		    http_str(r, "body_en"), aid, id) < 0)
			return -1;
		break;
	case 2:
		n = db_exec(db, SQL_ACT_ARTICLE_DELETE, "ii", aid, id);
		if (n < 0)
			return -1;
		if (n == 0) {
			o->refused = 1;
			return 2;
		}
		break;
	case 3:
		{
			long long dir = http_int(r, "dir", 0) == 0 ? -1 : 1;
			res = db_query(db, r->a, SQL_ACT_ARTICLE_NEIGHBOUR,
			    "iiiii", aid, id, dir, dir, dir);
			if (res == NULL)
				return -1;
			if (!dbres_next(res))
				return 0;	/* already first or last */
			if (db_exec(db, SQL_ACT_ARTICLE_SET_POSITION, "ii",
			    dbres_int(res, 2), dbres_int(res, 0)) < 0 ||
			    db_exec(db, SQL_ACT_ARTICLE_SET_POSITION, "ii",
			    dbres_int(res, 1), aid) < 0)
				return -1;
		}
		break;
	}
	return audit_record(db, staff_actor(r), o->op == 0 ? "article.add" :
	    o->op == 1 ? "article.save" : o->op == 2 ? "article.delete" :
	    "article.move", "article", (unsigned long long)aid,
	    arena_printf(r->a, "activity %lld", id));
}

static int
article_op(struct req *r, int op)
{
	struct dbres	*a;
	struct artop	 o;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!editable(a))
		return 409;
	if (r->nerr > 0)
		return act_redisplay(r, 422);
	o.r = r;
	o.op = op;
	o.refused = 0;
	rc = db_tx(r->db, article_tx, &o);
	if (rc < 0)
		return 500;
	if (o.refused)
		return 409;
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/activities/%lld#articles", r->segi[0]));
}

int
page_article_add(struct req *r)
{
	return article_op(r, 0);
}

int
page_article_save(struct req *r)
{
	return article_op(r, 1);
}

int
page_article_delete(struct req *r)
{
	return article_op(r, 2);
}

int
page_article_move(struct req *r)
{
	return article_op(r, 3);
}

struct docop {
	struct req	*r;
	int		 attachment;
};

static int
document_tx(struct db *db, void *arg)
{
	struct docop	*d = arg;
	struct req	*r = d->r;
	const struct upload *u = http_param(r, "file")->file;
	unsigned long long up;

	if (db_exec(db, SQL_UPLOAD_INSERT, "sssubu", u->stored_name,
	    u->orig_name, u->mime, (unsigned long long)u->size, u->sha256,
	    sizeof(u->sha256), r->sess->user_id) != 1)
		return -1;
	up = db_insert_id(db);
	if (d->attachment) {
		if (db_exec(db, SQL_ACT_ATTACHMENT_INSERT, "iuss", r->segi[0],
		    up, http_str(r, "title_ar"), http_str(r, "title_en")) != 1)
			return -1;
	} else if (db_exec(db, SQL_ACT_SET_DOCUMENT, "ui", up, r->segi[0]) != 1)
		return -1;
	return audit_record(db, staff_actor(r), d->attachment ?
	    "activity.attachment" : "activity.document", "activity",
	    (unsigned long long)r->segi[0], u->orig_name);
}

static int
document_op(struct req *r, int attachment)
{
	struct dbres	*a;
	struct docop	 d;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!editable(a))
		return 409;
	if (attachment && http_str(r, "title_ar") == NULL &&
	    http_param(r, "title_ar")->err == NULL)
		http_field_error(r, "title_ar", "Give the attachment a title "
		    "in Arabic.");
	if (r->nerr > 0)
		return act_redisplay(r, 422);
	d.r = r;
	d.attachment = attachment;
	if (db_tx(r->db, document_tx, &d) != 0)
		return 500;
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/activities/%lld#document", r->segi[0]));
}

int
page_activity_document(struct req *r)
{
	return document_op(r, 0);
}

int
page_activity_attachment(struct req *r)
{
	return document_op(r, 1);
}

struct wfop {
	struct req	*r;
	enum act_event	 ev;
	enum wf_result	 res;
	const char	*problem;
};

static int
workflow_tx(struct db *db, void *arg)
{
	struct wfop	*w = arg;

	w->res = workflow_apply(db, w->r->a, (unsigned long long)w->r->segi[0],
	    w->ev, staff_actor(w->r), http_str(w->r, "reason"), &w->problem);
	return w->res == WF_OK ? 0 : w->res == WF_ERROR ? -1 : 2;
}

int
page_activity_workflow(struct req *r)
{
	struct dbres	*a;
	struct wfop	 w;
	int		 rc;
	unsigned long long eid;
	enum action	 need;

	if ((rc = act_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	if (r->nerr > 0)
		return act_redisplay(r, 422);
	eid = (unsigned long long)dbres_int(a, 2);
	w.r = r;
	w.ev = event_ids[http_int(r, "event", 0)];
	w.problem = NULL;
	switch (w.ev) {
	case AE_SUBMIT:
		need = ACT_ACTIVITY_DRAFT;
		break;
	case AE_FORWARD:
		need = ACT_ACTIVITY_REVIEW;
		break;
	case AE_RETURN:
		need = staff_may(r, ACT_ACTIVITY_REVIEW, eid) ?
		    ACT_ACTIVITY_REVIEW : ACT_ACTIVITY_APPROVE;
		break;
	default:
		need = ACT_ACTIVITY_APPROVE;
		break;
	}
	if (!staff_may(r, need, eid))
		return 403;
	rc = db_tx(r->db, workflow_tx, &w);
	if (rc < 0)
		return 500;
	switch (w.res) {
	case WF_OK:
		return http_redirect(r, 303, arena_printf(r->a,
		    "/staff/activities/%lld", r->segi[0]));
	case WF_NOT_FOUND:
		return 404;
	case WF_FORBIDDEN:
		return 403;
	case WF_REASON_NEEDED:
		http_field_error(r, "reason", "Give the reason: the author "
		    "sees it.");
		return act_redisplay(r, 422);
	case WF_INCOMPLETE:
		http_field_error(r, "event", w.problem);
		return act_redisplay(r, 422);
	default:
		return 500;
	}
}

struct extop {
	struct req	*r;
	int		 over;
	long long	 left;
};

static int
extend_tx(struct db *db, void *arg)
{
	struct extop	*e = arg;
	struct req	*r = e->r;
	struct dbres	*a;
	long long	 add = http_int(r, "days", 0) * 86400;
	const char	*prev;
	int		 rc;

	if ((rc = http_nonce_claim(r, NULL, &prev)) != 0)
		return rc == 1 ? 1 : -1;
	a = db_query(db, r->a, SQL_ACT_GET, "i", r->segi[0]);
	if (a == NULL || !dbres_next(a))
		return -1;
	if (strcmp(dbres_str(a, 6), "open") != 0) {
		e->over = 2;
		return 2;
	}
	/* Art. 11-ج: all extensions together at most the original period. */
	if (!activity_extension_ok((time_t)dbres_int(a, 32),
	    (time_t)dbres_int(a, 33), dbres_int(a, 22), add)) {
		e->over = 1;
		e->left = (dbres_int(a, 33) - dbres_int(a, 32) -
		    dbres_int(a, 22)) / 86400;
		return 2;
	}
	if (db_exec(db, SQL_ACT_EXTEND, "iiiii", add, add, add, add,
	    r->segi[0]) != 1 ||
	    db_exec(db, SQL_ACT_EXTENSION_INSERT, "issui", add,
	    http_str(r, "reason_ar"), http_str(r, "reason_en"),
	    r->sess->user_id, r->segi[0]) != 1)
		return -1;
	return audit_record(db, staff_actor(r), "activity.extend", "activity",
	    (unsigned long long)r->segi[0], arena_printf(r->a, "+%lld days: "
	    "%s", http_int(r, "days", 0), http_str(r, "reason_ar")));
}

int
page_activity_extend(struct req *r)
{
	struct dbres	*a;
	struct extop	 e;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_EXTEND, &a)) != 0)
		return rc;
	if (r->nerr > 0)
		return act_redisplay(r, 422);
	memset(&e, 0, sizeof(e));
	e.r = r;
	rc = db_tx(r->db, extend_tx, &e);
	if (rc < 0)
		return 500;
	if (e.over == 1) {
		http_field_error(r, "days", i18n_subst(r->a, tr(r, "The "
		    "extensions together may not exceed the original period: "
		    "at most {1} more days."), arena_printf(r->a, "%lld",
		    e.left < 0 ? 0 : e.left), NULL));
		return act_redisplay(r, 422);
	}
	if (e.over == 2)
		return 409;
	return http_redirect(r, 303, arena_printf(r->a,
	    "/staff/activities/%lld", r->segi[0]));
}
