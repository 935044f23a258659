/*
 * handover.c — see handover.h.
 */
#include <string.h>
#include <time.h>

#include "arena.h"
#include "audit.h"
#include "calendar.h"
#include "conf.h"
#include "db.h"
#include "handover.h"
#include "i18n.h"
#include "log.h"
#include "outbox.h"
#include "sql_gen.h"
#include "workflow.h"

/* Marks msgids for scripts/update-po. */
#ifndef N_
#define N_(s)	(s)
#endif

/* What waits, by liaison_handovers.kind: the e-mail's subject and body
 * (msgids; {1} the activity's title, {2} the base URL, {3} its id) and
 * the words of the history and the audit log. */
static const struct {
	const char	*kind;
	const char	*subject, *body;
	const char	*what;		/* history reason, audit summary */
} handover_kinds[] = {
	{ "approval",
	  N_("Sharek: an approval has passed to you as alternate liaison "
	     "officer"),
	  N_("The consultation \"{1}\" has waited 2 working days for the "
	     "final approval of the primary liaison officer.  As alternate "
	     "liaison officer of the entity (Tawasul art. 6-b), the "
	     "decision is now yours:\n\n{2}/staff/activities/{3}"),
	  N_("Final approval handed over to the alternate liaison officer "
	     "after 2 working days (art. 6-b)") },
	{ "publication",
	  N_("Sharek: a report publication has passed to you as alternate "
	     "liaison officer"),
	  N_("The analysis report of \"{1}\" has waited 2 working days for "
	     "its publication by the primary liaison officer.  As alternate "
	     "liaison officer of the entity (Tawasul art. 6-b), it is now "
	     "yours to publish:\n\n{2}/staff/activities/{3}"),
	  N_("Publication of the report handed over to the alternate "
	     "liaison officer after 2 working days (art. 6-b)") },
	{ "response",
	  N_("Sharek: an inter-agency response has passed to you as "
	     "alternate liaison officer"),
	  N_("The inter-agency consultation \"{1}\" has waited 2 working "
	     "days for your entity's response from the primary liaison "
	     "officer.  As alternate liaison officer (Tawasul art. 6-b), it "
	     "is now yours to send:\n\n{2}/staff/activities/{3}"),
	  N_("Inter-agency response handed over to the alternate liaison "
	     "officer after 2 working days (art. 6-b)") },
};
#define NKINDS	(sizeof(handover_kinds) / sizeof(handover_kinds[0]))

const char handover_not_yet[] = N_("The primary liaison officer has 2 working days to act on this first: it passes to you, as alternate liaison officer, only once they have not (Tawasul art. 6-b).");

static const char *const handover_kind_names[HK__MAX] = {
	[HK_APPROVAL] = "approval", [HK_PUBLICATION] = "publication",
	[HK_RESPONSE] = "response"
};

int
handover_waiting(struct db *db, struct arena *a, unsigned long long activity,
    unsigned long long entity, unsigned long long user, enum handover_kind k)
{
	struct dbres	*res;

	res = db_query(db, a, SQL_HANDOVER_WAITING, DB_ARGS(
	    DB_U(activity, activity), DB_U(entity, entity), DB_U(user, user),
	    DB_S(kind, handover_kind_names[k])));
	if (res == NULL)
		return -1;
	return dbres_next(res) && dbres_int(res, COUNT_N) > 0;
}

int
handover_is_due(const struct calendar *c, time_t since, time_t now)
{
	return since != 0 && calendar_workdays_between(c, since, now) >=
	    HANDOVER_WORKDAYS;
}

/* One wait to hand over: the row of handover_due. */
struct wait {
	struct arena		*a;
	unsigned long long	 activity, entity, from, to;
	const char		*kind, *state, *since;
	const char		*title_ar, *title_en;
	const char		*email, *lang, *name;
	int			 k;		/* index in handover_kinds */
	int			 done;		/* out: handed over now */
};

static int
handover_one_tx(struct db *db, void *arg)
{
	struct wait	*w = arg;
	struct actor	 sys = { 0, "system", w->entity, NULL };
	const char	*base = conf_get("app", "base_url", "");
	const char	*title = workflow_isolate(w->a, workflow_pick(w->lang,
	    w->title_ar, w->title_en));
	long long	 n;

	w->done = 0;
	n = db_exec(db, SQL_HANDOVER_INSERT, DB_ARGS(
	    DB_U(activity, w->activity), DB_U(entity, w->entity),
	    DB_S(kind, w->kind), DB_S(since, w->since),
	    DB_U(from_user, w->from), DB_U(to_user, w->to)));
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;	/* another tick took it */
	if (db_exec(db, SQL_HANDOVER_EVENT, DB_ARGS(
	    DB_U(activity, w->activity), DB_S(state, w->state),
	    DB_S(reason, arena_printf(w->a, "%s / %s: %s",
	    i18n_get("ar", handover_kinds[w->k].what),
	    handover_kinds[w->k].what, w->name)))) != 1)
		return -1;
	if (audit_record(db, &sys, "activity.handover", "activity",
	    w->activity, arena_printf(w->a, "%s: %s (user %llu)",
	    handover_kinds[w->k].what, w->name, w->to)) == -1)
		return -1;
	if (outbox_email(db, w->email, i18n_get(w->lang,
	    handover_kinds[w->k].subject), i18n_subst(w->a,
	    i18n_get(w->lang, handover_kinds[w->k].body), title, base,
	    arena_printf(w->a, "%llu", w->activity), NULL)) == -1)
		return -1;
	w->done = 1;
	return 0;
}

int
handover_tick(struct db *db, struct arena *a)
{
	struct calendar	*cal = arena_zalloc(a, sizeof(*cal));
	struct dbres	*res;
	struct wait	 w;
	time_t		 now = time(NULL);
	size_t		 k;
	int		 n = 0;

	if (calendar_load(db, a, cal) == -1)
		return -1;
	/* 2 working days are at least 2 calendar days: the query leaves
	 * out what cannot be due, the calendar decides the rest. */
	res = db_query(db, a, SQL_HANDOVER_DUE, DB_ARGS(
	    DB_I(min_days, HANDOVER_WORKDAYS), DB_I(limit, HANDOVER_BATCH)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		if (!handover_is_due(cal, dbres_time(res, HANDOVER_DUE_SINCE),
		    now))
			continue;
		memset(&w, 0, sizeof(w));
		w.a = a;
		w.activity = dbres_u(res, HANDOVER_DUE_ACTIVITY_ID);
		w.entity = dbres_u(res, HANDOVER_DUE_ENTITY_ID);
		w.from = dbres_u(res, HANDOVER_DUE_LIAISON_USER_ID);
		w.to = dbres_u(res, HANDOVER_DUE_ALTERNATE_USER_ID);
		w.kind = dbres_str(res, HANDOVER_DUE_KIND);
		w.state = dbres_str(res, HANDOVER_DUE_STATE);
		w.since = dbres_str(res, HANDOVER_DUE_SINCE);
		w.title_ar = dbres_str(res, HANDOVER_DUE_TITLE_AR);
		w.title_en = dbres_str(res, HANDOVER_DUE_TITLE_EN);
		w.email = dbres_str(res, HANDOVER_DUE_ALTERNATE_EMAIL);
		w.lang = dbres_str(res, HANDOVER_DUE_ALTERNATE_LANG);
		w.name = dbres_str(res, HANDOVER_DUE_ALTERNATE_NAME);
		w.k = -1;
		for (k = 0; k < NKINDS; k++)
			if (strcmp(w.kind, handover_kinds[k].kind) == 0)
				w.k = (int)k;
		if (w.k < 0 || w.from == w.to)
			continue;
		if (db_tx(db, handover_one_tx, &w) != 0) {
			log_warnx("%s: activity %llu, entity %llu not handed "
			    "over", __func__, w.activity, w.entity);
			return -1;
		}
		n += w.done;
	}
	return n;
}
