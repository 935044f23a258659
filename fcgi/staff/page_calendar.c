/*
 * page_calendar.c — the working-day calendar: public holidays and the
 * weekend, which every deadline counts on (moderation 3 working days,
 * report 20, SLA matrix).
 *
 * GET  /staff/holidays          the holidays from last year on
 * POST /staff/holidays          day, name_ar, name_en, weekend → 303
 * POST /staff/holidays/delete   day → 303
 * GET  /staff/outbox            message delivery: counts by status and
 *                               the messages that failed
 *                               (ACT_OUTBOX_VIEW; view staff/outbox)
 * Permission: ACT_CALENDAR_MANAGE (ministry admin).  Audited.
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"

#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

const struct param holiday_params[] = {
	{ "day", PT_DATE, P_REQ, 0, 0, NULL, NULL },
	{ "name_ar", PT_STR, P_REQ, 2, 200, NULL, NULL },
	{ "name_en", PT_STR, P_REQ, 2, 200, NULL, NULL },
};
const struct param weekend_params[] = {
	{ "days", PT_INT, P_MULTI, 0, 6, NULL, NULL },
};
const struct param holiday_del_params[] = {
	{ "day", PT_DATE, P_REQ, 0, 0, NULL, NULL },
};

static const char *const daynames[] = { N_("Sunday"), N_("Monday"),
    N_("Tuesday"), N_("Wednesday"), N_("Thursday"), N_("Friday"),
    N_("Saturday") };

int
page_holidays(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	time_t		 now = time(NULL) - 365 * 86400;
	struct tm	 tm;
	char		 since[16];
	const char	*wk;
	int		 d;

	gmtime_r(&now, &tm);
	strftime(since, sizeof(since), "%Y-01-01", &tm);
	vm_str(m, "title", tr(r, "Working days and holidays"));
	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_HOLIDAYS_LIST, "s", since))
	    == NULL)
		return 500;
	l = vm_list(m, "holidays");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "day", dbres_str(res, 0));
		vm_str(it, "name", staff_pick(r, dbres_str(res, 1),
		    dbres_str(res, 2)));
	}
	res = db_query(r->db, r->a, SQL_SETTING_GET, "s", "weekend_days");
	wk = res != NULL && dbres_next(res) ? dbres_str(res, 0) : "5,6";
	l = vm_list(m, "weekend");
	for (d = 0; d < 7; d++)
		if (strchr(wk, '0' + d) != NULL)
			vm_str(vm_push(l), "name", tr(r, daynames[d]));
	l = vm_list(m, "days");
	for (d = 0; d < 7; d++) {
		it = vm_push(l);
		vm_int(it, "d", d);
		vm_str(it, "name", tr(r, daynames[d]));
		vm_bool(it, "off", strchr(wk, '0' + d) != NULL);
	}
	return http_render(r, "staff/holidays", m);
}

struct hol {
	struct req	*r;
	int		 del;
};

static int
holiday_tx(struct db *db, void *arg)
{
	struct hol	*h = arg;
	struct req	*r = h->r;
	long long	 n;

	if (h->del)
		n = db_exec(db, SQL_HOLIDAY_DELETE, "s", http_str(r, "day"));
	else
		n = db_exec(db, SQL_HOLIDAY_INSERT, "sss", http_str(r, "day"),
		    http_str(r, "name_ar"), http_str(r, "name_en"));
	if (n < 0)
		return -1;
	/* Removing a day that is not a holiday changes nothing: nothing to
	 * put in the log the ministry reports from. */
	if (h->del && n == 0)
		return 0;
	return audit_record(db, staff_actor(r), h->del ? "holiday.delete" :
	    "holiday.set", "holiday", 0, h->del ? http_str(r, "day") :
	    arena_printf(r->a, "%s %s / %s", http_str(r, "day"),
	    http_str(r, "name_ar"), http_str(r, "name_en")));
}

int
page_holiday_add(struct req *r)
{
	struct hol	 h = { r, 0 };

	if (r->nerr > 0) {
		r->status = 422;
		return page_holidays(r);
	}
	if (db_tx(r->db, holiday_tx, &h) != 0)
		return 500;
	return http_redirect(r, 303, "/staff/holidays");
}

int
page_holiday_delete(struct req *r)
{
	struct hol	 h = { r, 1 };

	if (r->nerr > 0)
		return 400;
	if (db_tx(r->db, holiday_tx, &h) != 0)
		return 500;
	return http_redirect(r, 303, "/staff/holidays");
}

int
page_outbox(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;

	vm_str(m, "title", tr(r, "Message delivery"));
	if ((res = db_query(r->db, r->a, SQL_OUTBOX_COUNTS, "")) == NULL)
		return 500;
	l = vm_list(m, "counts");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "status", dbres_str(res, 0));
		vm_str(it, "count", dbres_str(res, 1));
	}
	if ((res = db_query(r->db, r->a, SQL_OUTBOX_PROBLEMS, "")) == NULL)
		return 500;
	l = vm_list(m, "problems");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, 0));
		vm_str(it, "channel", dbres_str(res, 1));
		vm_str(it, "recipient", dbres_str(res, 2));
		vm_str(it, "subject", dbres_str(res, 3));
		vm_str(it, "status", dbres_str(res, 4));
		vm_str(it, "attempts", dbres_str(res, 5));
		vm_str(it, "error", dbres_str(res, 6));
		vm_str(it, "created", dbres_str(res, 7));
		vm_str(it, "next", dbres_str(res, 8));
	}
	return http_render(r, "staff/outbox", m);
}

/*
 * POST /staff/holidays/weekend   days (repeatable, 0 = Sunday … 6)
 * The weekend of the deployment's calendar; at least one working day.
 */
int
page_weekend(struct req *r)
{
	const struct pval *p = http_param(r, "days");
	char		 wk[16];
	size_t		 n = 0;
	int		 d, k, on;
	struct actor	*who = staff_actor(r);

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
	if (r->nerr > 0 || n == 13) {
		http_field_error(r, "days", "Keep at least one working day in "
		    "the week.");
		r->status = 422;
		return page_holidays(r);
	}
	if (db_begin(r->db) == -1)
		return 500;
	if (db_exec(r->db, SQL_SETTING_SET, "ss", "weekend_days", wk) < 0 ||
	    audit_record(r->db, who, "calendar.weekend", "setting", 0, wk)
	    == -1) {
		db_rollback(r->db);
		return 500;
	}
	if (db_commit(r->db) == -1)
		return 500;
	return http_redirect(r, 303, "/staff/holidays");
}
