/*
 * page_calendar.c — the working-day calendar: public holidays and the
 * weekend, which every deadline counts on (moderation 3 working days,
 * report 20, SLA matrix); and the delivery of the outbox.
 *
 * GET  /staff/holidays          the holidays from last year on and the
 *                               weekend (view staff/holidays);
 *                               holidays_page_params: removed,
 *                               removed_name (the notice after a
 *                               removal, which each row asks to confirm
 *                               first: a <details> step, no JavaScript)
 * POST /staff/holidays          holiday_params: day, name_ar, name_en
 *                               → 303 /staff/holidays (422: form again,
 *                               also for a day that is already a holiday)
 * POST /staff/holidays/delete   holiday_del_params: day → 303
 *                               /staff/holidays?removed=…&removed_name=…
 *                               (400; 404 when the day is not a holiday)
 * POST /staff/holidays/weekend  weekend_params: days (repeatable,
 *                               0 = Sunday … 6) → 303; at least one
 *                               working day (422)
 * Permission: ACT_CALENDAR_MANAGE (ministry admin).  Audited.
 *
 * GET  /staff/outbox            outbox_params: before (id, keyset
 *                               paging).  Message delivery: counts by
 *                               status and the messages that failed or
 *                               are retried (ACT_OUTBOX_VIEW; view
 *                               staff/outbox)
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "calendar.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* Messages per page of the outbox's problems. */
#define OUTBOX_PAGE_SIZE	200

const struct param holiday_params[HOLIDAY__MAX] = {
	[HOLIDAY_DAY] = { .name = "day", .type = PT_DATE, .flags = P_REQ },
	[HOLIDAY_NAME_AR] = { .name = "name_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200 },
	[HOLIDAY_NAME_EN] = { .name = "name_en", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200 },
};
const struct param holiday_del_params[HOLIDAY_DEL__MAX] = {
	[HOLIDAY_DEL_DAY] = { .name = "day", .type = PT_DATE,
	    .flags = P_REQ },
};
const struct param holidays_page_params[HOLIDAYS_PAGE__MAX] = {
	[HOLIDAYS_REMOVED] = { .name = "removed", .type = PT_DATE },
	[HOLIDAYS_REMOVED_NAME] = { .name = "removed_name", .type = PT_STR,
	    .flags = P_NAME, .max = 200 },
};
const struct param weekend_params[WEEKEND__MAX] = {
	[WEEKEND_DAYS] = { .name = "days", .type = PT_INT, .flags = P_MULTI,
	    .min = 0, .max = 6 },
};
const struct param outbox_params[OUTBOX_PAGE__MAX] = {
	[OUTBOX_PAGE_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};

static const char *const daynames[7] = { N_("Sunday"), N_("Monday"),
    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday") };

/* The page's model without the form's fields. */
static int
holidays_model(struct req *r, struct val *m)
{
	struct val	*l, *it;
	struct dbres	*res;
	struct calendar	 cal;
	time_t		 now = time(NULL) - 365 * 86400;
	struct tm	 tm;
	char		 since[16];
	int		 d;

	gmtime_r(&now, &tm);
	strftime(since, sizeof(since), "%Y-01-01", &tm);
	vm_str(m, "title", tr(r, "Working days and holidays"));
	if ((res = db_query(r->db, r->a, SQL_HOLIDAYS_LIST,
	    DB_ARGS(DB_S(since, since)))) == NULL)
		return -1;
	l = vm_list(m, "holidays");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "day", dbres_str(res, HOLIDAYS_LIST_DAY));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, HOLIDAYS_LIST_NAME_AR),
		    dbres_str(res, HOLIDAYS_LIST_NAME_EN)));
	}
	/* The weekend as the calendar of every deadline reads it. */
	calendar_init(&cal);
	res = db_query(r->db, r->a, SQL_SETTING_GET,
	    DB_ARGS(DB_S(name, "weekend_days")));
	if (res != NULL && dbres_next(res))
		calendar_set_weekend(&cal, dbres_str(res, SETTING_GET_VALUE));
	l = vm_list(m, "weekend");
	for (d = 0; d < 7; d++)
		if (cal.weekend & (1u << d))
			vm_str(vm_push(l), "name", tr(r, daynames[d]));
	l = vm_list(m, "days");
	for (d = 0; d < 7; d++) {
		it = vm_push(l);
		vm_int(it, "d", d);
		vm_str(it, "name", tr(r, daynames[d]));
		vm_bool(it, "off", (cal.weekend & (1u << d)) != 0);
	}
	return 0;
}

int
page_holidays(struct req *r)
{
	struct val	*m = http_model(r);

	if (holidays_model(r, m) == -1)
		return 500;
	/* The notice after a removal (what the redirect named). */
	if (r->nerr == 0 && http_arg_str(r, HOLIDAYS_REMOVED) != NULL) {
		vm_str(m, "removed", http_arg_str(r, HOLIDAYS_REMOVED));
		if (http_arg_str(r, HOLIDAYS_REMOVED_NAME) != NULL)
			vm_str(m, "removed_name",
			    http_arg_str(r, HOLIDAYS_REMOVED_NAME));
	}
	return http_render(r, "staff/holidays", m);
}

/* s percent-encoded for a query string (arena-owned). */
static const char *
query_escape(struct req *r, const char *s)
{
	static const char hex[] = "0123456789ABCDEF";
	size_t		 n = strlen(s), i, o = 0;
	char		*out = arena_alloc(r->a, 3 * n + 1);

	for (i = 0; i < n; i++) {
		unsigned char c = (unsigned char)s[i];

		if ((c >= 'a' && c <= 'z') || (c >= 'A' && c <= 'Z') ||
		    (c >= '0' && c <= '9') || c == '-' || c == '_' ||
		    c == '.') {
			out[o++] = (char)c;
			continue;
		}
		out[o++] = '%';
		out[o++] = hex[c >> 4];
		out[o++] = hex[c & 15];
	}
	out[o] = '\0';
	return out;
}

/* The page again after a refused POST, with the input kept. */
static int
holidays_again(struct req *r, int status)
{
	struct val	*m = http_model(r);

	if (holidays_model(r, m) == -1)
		return 500;
	return http_form_again(r, "staff/holidays", m, status);
}

struct hol {
	const char	*day;
	const char	*name_ar;	/* NULL: delete the day */
	const char	*name_en;
};

static enum outcome
holiday_tx(struct req *r, void *arg)
{
	struct hol	*h = arg;
	long long	 n;

	if (h->name_ar == NULL)
		n = db_exec(r->db, SQL_HOLIDAY_DELETE,
		    DB_ARGS(DB_S(day, h->day)));
	else {
		n = db_exec(r->db, SQL_HOLIDAY_INSERT, DB_ARGS(
		    DB_S(day, h->day), DB_S(name_ar, h->name_ar),
		    DB_S(name_en, h->name_en)));
		/* A day already a holiday is refused, not overwritten. */
		if (n < 0 && db_errno(r->db) == DB_ER_DUP_ENTRY) {
			http_arg_error(r, HOLIDAY_DAY, "This day is already "
			    "a holiday: remove it first to rename it.");
			return OUT_INVALID;
		}
	}
	if (n < 0)
		return OUT_ERROR;
	/* Removing a day that is not a holiday: nothing was there to
	 * remove (404), and nothing goes in the log the ministry reports
	 * from. */
	if (h->name_ar == NULL && n == 0)
		return OUT_NOTFOUND;
	if (audit_record(r->db, staff_actor(r), h->name_ar == NULL ?
	    "holiday.delete" : "holiday.set", "holiday", 0,
	    h->name_ar == NULL ? h->day : arena_printf(r->a, "%s %s / %s",
	    h->day, h->name_ar, h->name_en)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

/* Runs the change and answers the form. */
static int
holiday_change(struct req *r, struct hol *h)
{
	const char	*url = "/staff/holidays", *prev = NULL;
	struct dbres	*res;

	/* After a removal the list says what was removed: the name is
	 * read first, for the URL the form's nonce remembers. */
	if (h->name_ar == NULL) {
		if ((res = db_query(r->db, r->a, SQL_HOLIDAY_GET,
		    DB_ARGS(DB_S(day, h->day)))) == NULL)
			return 500;
		url = arena_printf(r->a, "/staff/holidays?removed=%s", h->day);
		if (dbres_next(res))
			url = arena_printf(r->a, "%s&removed_name=%s", url,
			    query_escape(r, present_pick(r,
			    dbres_str(res, HOLIDAY_GET_NAME_AR),
			    dbres_str(res, HOLIDAY_GET_NAME_EN))));
	}
	switch (http_form_tx(r, holiday_tx, h, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	case OUT_INVALID:
		return holidays_again(r, 422);
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}

int
page_holiday_add(struct req *r)
{
	struct hol	 h;

	if (r->nerr > 0)
		return holidays_again(r, 422);
	h.day = http_arg_str(r, HOLIDAY_DAY);
	h.name_ar = http_arg_str(r, HOLIDAY_NAME_AR);
	h.name_en = http_arg_str(r, HOLIDAY_NAME_EN);
	return holiday_change(r, &h);
}

int
page_holiday_delete(struct req *r)
{
	struct hol	 h;

	if (r->nerr > 0)
		return 400;
	h.day = http_arg_str(r, HOLIDAY_DEL_DAY);
	h.name_ar = h.name_en = NULL;
	return holiday_change(r, &h);
}

int
page_outbox(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	const char	*last = NULL;
	int		 n = 0;

	vm_str(m, "title", tr(r, "Message delivery"));
	if ((res = db_query(r->db, r->a, SQL_OUTBOX_COUNTS, DB_NOARGS)) ==
	    NULL)
		return 500;
	l = vm_list(m, "counts");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "status", dbres_str(res, OUTBOX_COUNTS_STATUS));
		vm_str(it, "count", dbres_str(res, OUTBOX_COUNTS_N));
	}
	res = db_query(r->db, r->a, SQL_OUTBOX_PROBLEMS, DB_ARGS(
	    DB_I(before, http_arg_int(r, OUTBOX_PAGE_BEFORE, 1LL << 62)),
	    DB_I(limit, OUTBOX_PAGE_SIZE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "problems");
	while (dbres_next(res)) {
		if (++n > OUTBOX_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		it = vm_push(l);
		last = dbres_str(res, OUTBOX_PROBLEMS_ID);
		vm_str(it, "id", last);
		vm_str(it, "channel", dbres_str(res, OUTBOX_PROBLEMS_CHANNEL));
		vm_str(it, "recipient",
		    dbres_str(res, OUTBOX_PROBLEMS_RECIPIENT));
		vm_str(it, "subject", dbres_str(res, OUTBOX_PROBLEMS_SUBJECT));
		vm_str(it, "status", dbres_str(res, OUTBOX_PROBLEMS_STATUS));
		vm_str(it, "attempts",
		    dbres_str(res, OUTBOX_PROBLEMS_ATTEMPTS));
		vm_str(it, "error", dbres_str(res, OUTBOX_PROBLEMS_LAST_ERROR));
		vm_str(it, "created",
		    dbres_str(res, OUTBOX_PROBLEMS_CREATED_AT));
		vm_str(it, "next",
		    dbres_str(res, OUTBOX_PROBLEMS_NEXT_ATTEMPT_AT));
	}
	if (last != NULL)
		vm_str(m, "last", last);
	return http_render(r, "staff/outbox", m);
}

static enum outcome
weekend_tx(struct req *r, void *arg)
{
	const char	*wk = arg;

	if (db_exec(r->db, SQL_SETTING_SET, DB_ARGS(
	    DB_S(name, "weekend_days"), DB_S(value, wk))) < 0 ||
	    audit_record(r->db, staff_actor(r), "calendar.weekend", "setting",
	    0, wk) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_weekend(struct req *r)
{
	const struct pval *p = http_arg(r, WEEKEND_DAYS);
	struct calendar	 cal;
	char		 wk[16];
	size_t		 n = 0;
	int		 d, k, on;

	/* "5,6": the days sent, in week order, each once. */
	for (d = 0; d < 7; d++) {
		on = 0;
		for (k = 0; p != NULL && k < p->nvals; k++)
			if (strtol(p->vals[k], NULL, 10) == d)
				on = 1;
		if (!on)
			continue;
		if (n > 0)
			wk[n++] = ',';
		wk[n++] = (char)('0' + d);
	}
	wk[n] = '\0';
	/* The calendar refuses a week without a working day. */
	calendar_init(&cal);
	if (r->nerr > 0 || calendar_set_weekend(&cal, wk) == -1) {
		http_arg_error(r, WEEKEND_DAYS, "Keep at least one working day "
		    "in the week.");
		return holidays_again(r, 422);
	}
	switch (http_form_tx(r, weekend_tx, wk, "/staff/holidays", NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/staff/holidays");
	default:
		return 500;
	}
}
