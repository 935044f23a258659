/*
 * present_public.c — see present_public.h.
 */
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "buf.h"
#include "cache.h"
#include "comment.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "present_public.h"
#include "sql_gen.h"
#include "vm.h"

const char *
present_position(struct req *r, const struct comment *c)
{
	return present_label(r, comment_position_labels, CPOS__MAX,
	    c->position);
}

const char *
present_comment_status(struct req *r, const struct comment *c)
{
	return present_label(r, comment_status_labels, CMS__MAX, c->status);
}

const char *
present_query(struct req *r, int skip)
{
	const struct param	*p;
	const struct pval	*v;
	const char		*s;
	struct buf		 q;
	int			 k;

	buf_init(&q, r->a);
	buf_adds(&q, "");
	for (k = 0; r->route != NULL && k < r->route->nparams; k++) {
		p = &r->route->params[k];
		v = http_arg(r, k);
		if (k == skip || v == NULL || !v->set || (p->flags & P_SECRET))
			continue;
		if (q.len > 0)
			buf_addc(&q, '&');
		buf_url(&q, p->name, strlen(p->name));
		buf_addc(&q, '=');
		switch (p->type) {
		case PT_INT:
			buf_printf(&q, "%lld", v->i);
			break;
		case PT_BOOL:
			buf_adds(&q, v->i ? "1" : "0");
			break;
		case PT_ENUM:
			s = p->choices[v->i];
			buf_url(&q, s, strlen(s));
			break;
		default:
			buf_url(&q, v->s, v->len);
			break;
		}
	}
	return q.data;
}

void
present_closing(struct req *r, struct val *it, const struct activity *a,
    time_t now)
{
	struct tm	 tm;
	long long	 left;
	int		 open = activity_is_open(a, now);
	/* Past its closing before the tick has closed it: closed. */
	enum act_state	 st = a->state == AS_OPEN && !open ? AS_CLOSED :
	    a->state;

	vm_str(it, "state", activity_state_name(st));
	/* A survey or poll is open for answers (its questions). */
	vm_str(it, "state_label", st == AS_OPEN && a->kind != AK_CONSULTATION ?
	    tr(r, "Open for answers") : present_label(r,
	    act_state_public_labels, AS__MAX, st));
	vm_bool(it, "is_open", open);
	if (a->closes_at == 0)
		return;
	gmtime_r(&a->closes_at, &tm);
	vm_str(it, "closes", present_datetime(r, a->closes_at));
	vm_str(it, "closes_iso", arena_printf(r->a,
	    "%04d-%02d-%02dT%02d:%02dZ", tm.tm_year + 1900, tm.tm_mon + 1,
	    tm.tm_mday, tm.tm_hour, tm.tm_min));
	if (open) {
		/* To the closing instant, not to its day: 25 hours are
		 * 2 days left; the local day's own words for the last. */
		left = ((long long)a->closes_at - (long long)now + 86399) /
		    86400;
		if (strcmp(present_date(r, now), present_date(r,
		    a->closes_at)) == 0)
			vm_bool(it, "closes_today", 1);
		else
			vm_int(it, "days_left", left);
	} else if (a->state >= AS_OPEN && a->state <= AS_PUBLISHED &&
	    a->closes_at <= now)
		vm_bool(it, "closed", 1);
	/* Art. 9-ج: the report is late (analysis_tick counts the days). */
	if (a->report_days_late > 0 && a->state >= AS_CLOSED &&
	    a->state < AS_PUBLISHED)
		vm_str(it, "report_days_late", present_count(r,
		    "{1} working day late", "{1} working days late",
		    a->report_days_late));
	if (a->state == AS_PUBLISHED)
		vm_bool(it, "has_results", 1);
}

void
present_activities(struct req *r, struct val *list, struct dbres *res)
{
	unsigned long long last;

	present_activities_page(r, list, res, 1 << 30, &last);
}

int
present_activities_page(struct req *r, struct val *list, struct dbres *res,
    int max, unsigned long long *last)
{
	struct activity	 a;
	struct val	*it;
	time_t		 now = time(NULL);
	int		 n = 0;

	*last = 0;
	while (dbres_next(res)) {
		if (n++ == max)
			return 1;
		activity_fill(&a, res);
		*last = a.id;
		it = vm_push(list);
		vm_strf(it, "id", "%llu", a.id);
		vm_str(it, "kind", act_kind_names[a.kind < AK__MAX ? a.kind :
		    AK_CONSULTATION]);
		vm_str(it, "kind_label", present_label(r, act_kind_labels,
		    AK__MAX, a.kind < AK__MAX ? a.kind : AK_CONSULTATION));
		vm_str(it, "title", present_pick(r, a.title_ar, a.title_en));
		vm_str(it, "summary", present_pick(r, a.summary_ar,
		    a.summary_en));
		vm_str(it, "entity", present_pick(r, a.entity_name_ar,
		    a.entity_name_en));
		vm_str(it, "published", present_date(r, a.publish_at));
		vm_bool(it, "urgent", a.urgent);
		vm_int(it, "comments", a.comments_published);
		present_closing(r, it, &a, now);
		http_page_until(r, a.closes_at);
	}
	return 0;
}

int
present_filter_choices(struct req *r, struct val *m, long long entity,
    long long sector)
{
	struct val	*l, *it;
	struct dbres	*res;

	/* Both lists are the site's: from this worker's cache while the
	 * site's generation stands (fcgi/core/cache.h), read once a
	 * request. */
	if (!cache_ready() && cache_begin(r->db, r->a, NULL) == -1)
		return -1;
	if ((res = cache_query(r->db, r->a, SQL_CONSULT_FILTER_ENTITIES,
	    DB_NOARGS)) == NULL)
		return -1;
	l = vm_list(m, "entities");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, CONSULT_FILTER_ENTITIES_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, CONSULT_FILTER_ENTITIES_NAME_AR),
		    dbres_str(res, CONSULT_FILTER_ENTITIES_NAME_EN)));
		vm_bool(it, "sub", !dbres_isnull(res,
		    CONSULT_FILTER_ENTITIES_PARENT_ID));
		vm_bool(it, "selected", entity != 0 && (unsigned long long)
		    entity == dbres_u(res, CONSULT_FILTER_ENTITIES_ID));
	}
	if ((res = cache_query(r->db, r->a, SQL_CONSULT_FILTER_SECTORS,
	    DB_NOARGS)) == NULL)
		return -1;
	l = vm_list(m, "sectors");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, CONSULT_FILTER_SECTORS_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, CONSULT_FILTER_SECTORS_NAME_AR),
		    dbres_str(res, CONSULT_FILTER_SECTORS_NAME_EN)));
		vm_bool(it, "selected", sector != 0 && (unsigned long long)
		    sector == dbres_u(res, CONSULT_FILTER_SECTORS_ID));
	}
	return 0;
}

int
present_list_reuse(struct req *r)
{
	/* A signed-in reader's list is theirs: no statement for it. */
	if (r->sess != NULL)
		return 0;
	if (cache_begin(r->db, r->a, "activities") == -1)
		return -1;
	return http_page_reuse(r, cache_stamp(r->a), time(NULL) +
	    conf_int("cache", "worker_page_seconds", 60));
}

void
present_cacheable(struct req *r)
{
	http_cacheable(r, (int)conf_int("cache", "page_seconds", 1));
}

const char *
present_feed_date(struct req *r, time_t t, int rss)
{
	struct tm	 tm;
	char		 buf[64];

	gmtime_r(&t, &tm);
	strftime(buf, sizeof(buf), rss ? "%a, %d %b %Y %H:%M:%S +0000" :
	    "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(r->a, buf);
}

const char *
present_feed_tag(struct req *r)
{
	const char	*base = http_base_url(), *h, *e;

	h = strstr(base, "://");
	h = h != NULL ? h + 3 : base;
	e = h + strcspn(h, ":/");
	return arena_printf(r->a, "tag:%.*s,%s:", (int)(e - h), h,
	    conf_get("feeds", "tag_date", "2026"));
}

int
present_message(struct req *r, const char *title, const char *message)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, title));
	vm_str(m, "message", tr(r, message));
	return http_render(r, "public/message", m);
}
