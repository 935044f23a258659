/*
 * present.c — see present.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "vm.h"

const char *
present_pick(const struct req *r, const char *ar, const char *en)
{
	if (strcmp(r->lang, "en") == 0 && en != NULL && *en)
		return en;
	if (ar != NULL && *ar)
		return ar;
	return en != NULL ? en : "";
}

const char *
present_date(const struct req *r, time_t t)
{
	struct buf	 b;

	if (t == 0)
		return "";
	buf_init(&b, r->a);
	i18n_date(&b, r->lang, t);
	return b.data;
}

const char *
present_datetime(const struct req *r, time_t t)
{
	struct buf	 b;

	if (t == 0)
		return "";
	buf_init(&b, r->a);
	i18n_datetime_tz(&b, r->lang, t);
	return b.data;
}

const char *
present_sqldate(const struct req *r, const char *sqltime)
{
	return present_date(r, db_parse_time(sqltime));
}

const char *
present_sqldatetime(const struct req *r, const char *sqltime)
{
	return present_datetime(r, db_parse_time(sqltime));
}

const char *
present_input_datetime(const struct req *r, time_t t)
{
	struct tm	 tm;
	time_t		 l = t + i18n_tz();

	if (t == 0)
		return "";
	gmtime_r(&l, &tm);
	return arena_printf(r->a, "%04d-%02d-%02dT%02d:%02d",
	    tm.tm_year + 1900, tm.tm_mon + 1, tm.tm_mday, tm.tm_hour,
	    tm.tm_min);
}

const char *
present_size(const struct req *r, long long n)
{
	if (n >= 1 << 20)
		return i18n_subst(r->a, tr(r, "{1} MB"),
		    arena_printf(r->a, "%.1f", (double)n / (1 << 20)), NULL);
	return i18n_subst(r->a, tr(r, "{1} KB"),
	    arena_printf(r->a, "%lld", (n + 1023) / 1024), NULL);
}

const char *
present_count(const struct req *r, const char *one, const char *other,
    long long n)
{
	return i18n_subst(r->a, i18n_nget(r->lang, one, other, n),
	    arena_printf(r->a, "%lld", n), NULL);
}

const char *
present_label(const struct req *r, const char *const *labels, int n, int i)
{
	if (labels == NULL || i < 0 || i >= n || labels[i] == NULL)
		return "";
	return tr(r, labels[i]);
}

void
present_choices(const struct req *r, struct val *m, const char *key,
    const char *const *names, const char *const *labels, int n,
    const char *current)
{
	struct val	*l = vm_list(m, key), *it;
	int		 i;

	for (i = 0; i < n; i++) {
		if (names[i] == NULL)
			continue;
		it = vm_push(l);
		vm_str(it, "value", names[i]);
		vm_str(it, "label", present_label(r, labels, n, i));
		vm_bool(it, "selected", current != NULL &&
		    strcmp(current, names[i]) == 0);
	}
}

static const struct pval present_empty;

void
present_fields(struct req *r, struct val *m)
{
	if (r->route == NULL) {
		http_form_model(r, m);
		return;
	}
	present_form(r, m, r->route->params, r->route->nparams);
}

void
present_form(struct req *r, struct val *m, const struct param *t, int n)
{
	struct val	*f, *e, *l, *it;
	int		 i, k, mine;

	http_form_model(r, m);
	mine = r->route != NULL && r->route->params == t && r->pv != NULL;
	f = vm_child(m, "f");
	for (i = 0; i < n; i++) {
		const struct param	*p = &t[i];
		const struct pval	*v = mine ? &r->pv[i] : &present_empty;

		e = vm_child(f, p->name);
		vm_str(e, "name", p->name);
		vm_strf(e, "id", "f-%s", p->name);
		vm_strf(e, "error_id", "e-%s", p->name);
		if (p->label != NULL)
			vm_str(e, "label", tr(r, p->label));
		if (p->hint != NULL) {
			vm_str(e, "hint", tr(r, p->hint));
			vm_strf(e, "hint_id", "h-%s", p->name);
		}
		vm_bool(e, "required", (p->flags & P_REQ) != 0);
		if (p->autocomplete != NULL)
			vm_str(e, "autocomplete", p->autocomplete);
		if (p->max > 0 && (p->type == PT_STR || p->type == PT_TEXT ||
		    p->type == PT_EMAIL || p->type == PT_PHONE))
			vm_int(e, "maxlength", p->max);
		switch (p->type) {
		case PT_TEXT:
			vm_bool(e, "is_textarea", 1);
			break;
		case PT_INT:
			vm_bool(e, "is_number", 1);
			break;
		case PT_EMAIL:
			vm_bool(e, "is_email", 1);
			break;
		case PT_PHONE:
			vm_bool(e, "is_tel", 1);
			break;
		case PT_DATE:
			vm_bool(e, "is_date", 1);
			break;
		case PT_DATETIME:
			vm_bool(e, "is_datetime", 1);
			break;
		case PT_BOOL:
			vm_bool(e, "is_checkbox", 1);
			break;
		case PT_FILE:
			vm_bool(e, "is_file", 1);
			if (p->accept != NULL)
				vm_str(e, "accept", p->accept);
			break;
		case PT_ENUM:
			vm_bool(e, "is_select", 1);
			l = vm_list(e, "choices");
			for (k = 0; p->choices != NULL && p->choices[k] != NULL;
			    k++) {
				it = vm_push(l);
				vm_str(it, "value", p->choices[k]);
				vm_str(it, "label", p->choice_labels != NULL ?
				    tr(r, p->choice_labels[k]) :
				    p->choices[k]);
				vm_bool(it, "selected", v->present &&
				    v->s != NULL &&
				    strcmp(v->s, p->choices[k]) == 0);
			}
			break;
		default:
			if (p->flags & P_SECRET)
				vm_bool(e, "is_password", 1);
			else
				vm_bool(e, "is_text", 1);
			break;
		}
	}
}
