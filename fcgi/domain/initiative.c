/*
 * initiative.c — see initiative.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "calendar.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "initiative.h"
#include "names.h"
#include "outbox.h"
#include "sql_gen.h"
#include "workflow.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const ini_state_names[INI__MAX + 1] = {
	"draft", "pending", "published", "rejected", "threshold", "answered",
	"closed", NULL
};
const char *const ini_state_labels[INI__MAX] = {
	N_("Draft: co-promoters asked"), N_("Awaiting admission"),
	N_("Collecting supports"), N_("Not admitted"),
	N_("Threshold reached: answer due"), N_("Answered"),
	N_("Closed below the threshold"),
};
const char *const ini_outcome_names[IO__MAX + 1] = {
	"adopted", "partly", "declined", NULL
};
const char *const ini_outcome_labels[IO__MAX] = {
	N_("Adopted"), N_("Partly adopted"), N_("Not adopted"),
};
const char *const ini_category_names[INI_CATEGORIES + 1] = {
	"services", "environment", "health", "education", "transport",
	"culture", "economy", "other", NULL
};
const char *const ini_category_labels[INI_CATEGORIES] = {
	N_("Public services"), N_("Environment"), N_("Health"),
	N_("Education"), N_("Transport"), N_("Culture and sport"),
	N_("Economy and work"), N_("Other"),
};

/* What promoters (and supporters) hear: subject and body msgids; {1}
 * the title, {2} the portal's address, {3} the id, {4} a reason or the
 * answer.  Worded for anyone, of any gender. */
enum ini_news { IN_SUBMITTED, IN_ADMITTED, IN_REFUSED, IN_REACHED,
	IN_ANSWERED, IN_CLOSED, IN__MAX };
static const struct { const char *subject, *body; } ini_news[IN__MAX] = {
	[IN_SUBMITTED] = { N_("Sharek: initiative submitted to the entity: {1}"),
	    N_("The initiative {1} was submitted to the entity, which "
	    "decides on its admission within the stated working days.\n\n"
	    "{2}/initiatives/{3}\n") },
	[IN_ADMITTED] = { N_("Sharek: initiative admitted: {1}"),
	    N_("The initiative {1} was admitted and now collects "
	    "supports.\n\n{2}/initiatives/{3}\n") },
	[IN_REFUSED] = { N_("Sharek: initiative not admitted: {1}"),
	    N_("The initiative {1} was not admitted. The entity's reason, "
	    "published with it:\n\n{4}\n\n{2}/initiatives/{3}\n") },
	[IN_REACHED] = { N_("Sharek: initiative reached its threshold: {1}"),
	    N_("The initiative {1} reached its threshold of supports. The "
	    "entity must now answer it within the stated working days.\n\n"
	    "{2}/initiatives/{3}\n") },
	[IN_ANSWERED] = { N_("Sharek: the entity answered the initiative: {1}"),
	    N_("The entity published its answer to the initiative {1}:\n\n"
	    "{4}\n\n{2}/initiatives/{3}\n") },
	[IN_CLOSED] = { N_("Sharek: support period ended: {1}"),
	    N_("The support period of the initiative {1} ended below its "
	    "threshold.\n\n{2}/initiatives/{3}\n") },
};

enum ini_state
initiative_state(const char *s)
{
	/* "adopted" is the answered state of rows older than 0031. */
	if (s != NULL && strcmp(s, "adopted") == 0)
		return INI_ANSWERED;
	return (enum ini_state)names_find(ini_state_names, INI__MAX, s);
}

int
initiative_public(enum ini_state st)
{
	return st != INI_DRAFT && st != INI_PENDING && st != INI__MAX;
}

static time_t
opt_time(const struct dbres *res, int col)
{
	return dbres_isnull(res, col) ? 0 : dbres_time(res, col);
}

void
initiative_fill(const struct dbres *res, struct initiative *ini)
{
	memset(ini, 0, sizeof(*ini));
	ini->id = dbres_u(res, INITIATIVE_ID);
	ini->entity_id = dbres_u(res, INITIATIVE_ENTITY_ID);
	ini->author_id = dbres_u(res, INITIATIVE_AUTHOR_ID);
	ini->title = dbres_str(res, INITIATIVE_TITLE);
	ini->body = dbres_str(res, INITIATIVE_BODY);
	ini->ask = dbres_str(res, INITIATIVE_ASK);
	ini->category = dbres_str(res, INITIATIVE_CATEGORY);
	ini->lang = dbres_str(res, INITIATIVE_LANG);
	ini->state = initiative_state(dbres_str(res, INITIATIVE_STATE));
	ini->supporters = dbres_int(res, INITIATIVE_SUPPORTERS);
	ini->paper = dbres_int(res, INITIATIVE_PAPER_SUPPORTS);
	ini->threshold = dbres_int(res, INITIATIVE_THRESHOLD);
	ini->created = opt_time(res, INITIATIVE_CREATED_AT);
	ini->submitted = opt_time(res, INITIATIVE_SUBMITTED_AT);
	ini->admit_due = opt_time(res, INITIATIVE_ADMIT_DUE_AT);
	ini->decided = opt_time(res, INITIATIVE_MODERATED_AT);
	ini->supports_open = opt_time(res, INITIATIVE_SUPPORTS_OPEN_AT);
	ini->supports_close = opt_time(res, INITIATIVE_SUPPORTS_CLOSE_AT);
	ini->reached = opt_time(res, INITIATIVE_REACHED_AT);
	ini->answer_due = opt_time(res, INITIATIVE_ANSWER_DUE_AT);
	ini->days_late = (int)dbres_int(res, INITIATIVE_ANSWER_DAYS_LATE);
	ini->refuse_reason = dbres_str(res, INITIATIVE_REFUSE_REASON);
	ini->reply_ar = dbres_str(res, INITIATIVE_ENTITY_REPLY_AR);
	ini->reply_en = dbres_str(res, INITIATIVE_ENTITY_REPLY_EN);
	ini->outcome = names_find(ini_outcome_names, IO__MAX,
	    dbres_str(res, INITIATIVE_OUTCOME));
	if (ini->outcome == IO__MAX)
		ini->outcome = -1;
	ini->replied = opt_time(res, INITIATIVE_REPLIED_AT);
	ini->entity_slug = dbres_str(res, INITIATIVE_ENTITY_SLUG);
	ini->entity_name_ar = dbres_str(res, INITIATIVE_ENTITY_NAME_AR);
	ini->entity_name_en = dbres_str(res, INITIATIVE_ENTITY_NAME_EN);
	ini->author_name = dbres_str(res, INITIATIVE_AUTHOR_NAME);
}

int
initiative_load(struct db *db, struct arena *a, unsigned long long id,
    struct initiative *ini)
{
	struct dbres	*res;

	if ((res = db_query(db, a, SQL_INI_GET, DB_ARGS(DB_U(id, id)))) ==
	    NULL)
		return -1;
	if (!dbres_next(res))
		return 1;
	initiative_fill(res, ini);
	return 0;
}

int
initiative_rules(struct db *db, struct arena *a, unsigned long long entity,
    struct ini_rules *r)
{
	struct dbres	*res;

	r->admit_days = INI_DEFAULT_ADMIT_DAYS;
	r->support_days = INI_DEFAULT_SUPPORT_DAYS;
	r->threshold = INI_DEFAULT_THRESHOLD;
	r->answer_days = INI_DEFAULT_ANSWER_DAYS;
	r->custom = 0;
	if ((res = db_query(db, a, SQL_INI_RULES_GET, DB_ARGS(DB_U(entity,
	    entity)))) == NULL)
		return -1;
	if (dbres_next(res)) {
		r->admit_days = (int)dbres_int(res, INI_RULES_GET_ADMIT_DAYS);
		r->support_days = (int)dbres_int(res,
		    INI_RULES_GET_SUPPORT_DAYS);
		r->threshold = (int)dbres_int(res, INI_RULES_GET_THRESHOLD);
		r->answer_days = (int)dbres_int(res,
		    INI_RULES_GET_ANSWER_DAYS);
		r->custom = 1;
	}
	return 0;
}

long long
initiative_total(const struct initiative *ini)
{
	return ini->supporters + ini->paper;
}

int
initiative_progress(long long total, long long threshold)
{
	if (threshold <= 0 || total <= 0)
		return 0;
	if (total >= threshold)
		return 100;
	return (int)(total * 100 / threshold);
}

time_t
initiative_admit_due(const struct calendar *c, time_t submitted,
    const struct ini_rules *r)
{
	return calendar_add_workdays(c, submitted, r->admit_days);
}

time_t
initiative_answer_due(const struct calendar *c, time_t reached,
    const struct ini_rules *r)
{
	return calendar_add_workdays(c, reached, r->answer_days);
}

int
initiative_days_late(const struct calendar *c, time_t due, time_t now)
{
	if (due == 0 || now <= due)
		return 0;
	return calendar_workdays_between(c, due, now);
}

/* Tells the promoters (and with supporters the supporters) of news,
 * each in their language.  0 or -1. */
static int
initiative_tell(struct db *db, struct arena *a, const struct initiative *ini,
    enum ini_news news, const char *extra, int supporters)
{
	struct dbres	*res;
	const char	*base = conf_get("app", "base_url", "");
	const char	*title = workflow_isolate(a, ini->title);
	const char	*id = arena_printf(a, "%llu", ini->id);

	res = db_query(db, a, SQL_INI_RECIPIENTS, DB_ARGS(DB_U(id, ini->id),
	    DB_I(supporters, supporters)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *lang = dbres_str(res, INI_RECIPIENTS_LANG);

		if (outbox_email(db, dbres_str(res, INI_RECIPIENTS_EMAIL),
		    i18n_subst(a, i18n_get(lang, ini_news[news].subject),
		    title, NULL), i18n_subst(a, i18n_get(lang,
		    ini_news[news].body), title, base, id,
		    workflow_isolate(a, extra != NULL ? extra : ""), NULL)) ==
		    -1)
			return -1;
	}
	return 0;
}

int
initiative_submit(struct db *db, struct arena *a,
    const struct initiative *ini, time_t now)
{
	struct calendar	*cal = arena_alloc(a, sizeof(*cal));
	struct ini_rules rules;
	int		 n;

	if (calendar_load(db, a, cal) == -1 ||
	    initiative_rules(db, a, ini->entity_id, &rules) == -1)
		return -1;
	n = db_exec(db, SQL_INI_SUBMIT, DB_ARGS(DB_U(id, ini->id),
	    DB_I(due_unix, initiative_admit_due(cal, now, &rules))));
	if (n <= 0)
		return n;
	return initiative_tell(db, a, ini, IN_SUBMITTED, NULL, 0) == -1 ?
	    -1 : 1;
}

/* The threshold, once reached, starts the entity's answer period.  0 or
 * -1. */
static int
initiative_reach(struct db *db, struct arena *a,
    const struct initiative *ini, time_t now)
{
	struct calendar	*cal = arena_alloc(a, sizeof(*cal));
	struct ini_rules rules;
	static const struct actor system = { 0, "system", 0, "" };
	int		 n;

	if (calendar_load(db, a, cal) == -1 ||
	    initiative_rules(db, a, ini->entity_id, &rules) == -1)
		return -1;
	n = db_exec(db, SQL_INI_REACH, DB_ARGS(DB_U(id, ini->id),
	    DB_I(due_unix, initiative_answer_due(cal, now, &rules))));
	if (n < 0)
		return -1;
	if (n == 0)
		return 0;
	if (audit_record(db, &system, "initiative.threshold", "initiative",
	    ini->id, "") == -1)
		return -1;
	return initiative_tell(db, a, ini, IN_REACHED, NULL, 1);
}

int
initiative_support(struct db *db, struct arena *a,
    const struct initiative *ini, unsigned long long user, time_t now)
{
	int	 n;

	if (ini->state != INI_PUBLISHED || (ini->supports_close != 0 &&
	    now >= ini->supports_close))
		return 2;
	if ((n = db_exec(db, SQL_INI_SUPPORT_ADD, DB_ARGS(DB_U(id, ini->id),
	    DB_U(user, user)))) < 0)
		return -1;
	if (n == 0)
		return 0;
	if (db_exec(db, SQL_INI_SUPPORTS_UP, DB_ARGS(DB_U(id, ini->id))) != 1)
		return -1;
	return initiative_reach(db, a, ini, now) == -1 ? -1 : 1;
}

int
initiative_paper(struct db *db, struct arena *a, const struct actor *who,
    const struct initiative *ini, const char *batch, int n, time_t now)
{
	int	 k;

	if ((k = db_exec(db, SQL_INI_PAPER_UP, DB_ARGS(DB_U(id, ini->id),
	    DB_I(supports, n)))) <= 0)
		return k;
	if (db_exec(db, SQL_INI_PAPER_ADD, DB_ARGS(DB_U(id, ini->id),
	    DB_S(batch, batch), DB_I(supports, n), DB_U(by, who->user_id)))
	    != 1)
		return -1;
	if (audit_record(db, who, "initiative.paper", "initiative", ini->id,
	    arena_printf(a, "%s: %d", batch, n)) == -1)
		return -1;
	return initiative_reach(db, a, ini, now) == -1 ? -1 : 1;
}

int
initiative_admit(struct db *db, struct arena *a, const struct actor *who,
    const struct initiative *ini, time_t now)
{
	struct ini_rules rules;
	int		 n;

	if (initiative_rules(db, a, ini->entity_id, &rules) == -1)
		return -1;
	n = db_exec(db, SQL_INI_ADMIT, DB_ARGS(DB_U(id, ini->id),
	    DB_U(by, who->user_id),
	    DB_I(close_unix, now + (time_t)rules.support_days * 86400),
	    DB_I(threshold, rules.threshold)));
	if (n <= 0)
		return n;
	if (audit_record(db, who, "initiative.admit", "initiative", ini->id,
	    arena_printf(a, "%d/%d", rules.threshold, rules.support_days)) ==
	    -1 || initiative_tell(db, a, ini, IN_ADMITTED, NULL, 0) == -1)
		return -1;
	return 1;
}

int
initiative_refuse(struct db *db, struct arena *a, const struct actor *who,
    const struct initiative *ini, const char *reason)
{
	int	 n;

	n = db_exec(db, SQL_INI_REFUSE, DB_ARGS(DB_U(id, ini->id),
	    DB_U(by, who->user_id), DB_S(reason, reason)));
	if (n <= 0)
		return n;
	if (audit_record(db, who, "initiative.refuse", "initiative", ini->id,
	    reason) == -1 ||
	    initiative_tell(db, a, ini, IN_REFUSED, reason, 0) == -1)
		return -1;
	return 1;
}

int
initiative_answer(struct db *db, struct arena *a, const struct actor *who,
    const struct initiative *ini, const char *reply_ar, const char *reply_en,
    enum ini_outcome o)
{
	int	 n;

	n = db_exec(db, SQL_INI_ANSWER, DB_ARGS(DB_U(id, ini->id),
	    DB_U(by, who->user_id), DB_S(reply_ar, reply_ar),
	    DB_S(reply_en, reply_en), DB_S(outcome, ini_outcome_names[o])));
	if (n <= 0)
		return n;
	if (audit_record(db, who, "initiative.answer", "initiative", ini->id,
	    ini_outcome_names[o]) == -1)
		return -1;
	/* Each reads the answer in their language: Arabic first (it is
	 * required), the English beside it when given. */
	if (initiative_tell(db, a, ini, IN_ANSWERED, reply_en != NULL &&
	    *reply_en != '\0' ? arena_printf(a, "%s\n\n%s", reply_ar,
	    reply_en) : reply_ar, 1) == -1)
		return -1;
	return 1;
}

const char *
initiative_promoter_sig(struct arena *a, unsigned long long id,
    const char *email)
{
	return auth_mac(a, "initiative-promoter", arena_printf(a, "%llu\n%s",
	    id, email));
}

const char *
initiative_promoter_find(struct db *db, struct arena *a, unsigned long long id,
    const char *sig)
{
	struct dbres	*res;
	const char	*email, *want;

	if (sig == NULL || (res = db_query(db, a, SQL_INI_PROMOTERS, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return NULL;
	while (dbres_next(res)) {
		email = dbres_str(res, INI_PROMOTERS_EMAIL);
		want = initiative_promoter_sig(a, id, email);
		if (strlen(want) == strlen(sig) &&
		    sodium_memcmp(want, sig, strlen(sig)) == 0)
			return email;
	}
	return NULL;
}

int
initiative_invite(struct db *db, struct arena *a,
    const struct initiative *ini, const char *email, const char *author)
{
	static const char subject[] =
	    N_("Sharek: please confirm you co-promote the initiative {1}");
	static const char body[] =
	    N_("{4} named you as a co-promoter of the initiative {1}, "
	    "addressed to a government entity on Sharek. To confirm, open "
	    "this link and press the button:\n\n{2}\n\nIf you do not know "
	    "this initiative, ignore this message.\n");
	const char	*base = conf_get("app", "base_url", "");
	const char	*link, *lang = ini->lang;

	if (db_exec(db, SQL_INI_PROMOTER_ADD, DB_ARGS(DB_U(id, ini->id),
	    DB_S(email, email))) < 0)
		return -1;
	link = arena_printf(a, "%s/initiatives/%llu/confirm?sig=%s", base,
	    ini->id, initiative_promoter_sig(a, ini->id, email));
	return outbox_email(db, email, i18n_subst(a, i18n_get(lang, subject),
	    workflow_isolate(a, ini->title), NULL), i18n_subst(a,
	    i18n_get(lang, body), workflow_isolate(a, ini->title), link, "",
	    workflow_isolate(a, author), NULL)) == -1 ? -1 : 0;
}

long long
initiative_tick(struct db *db, struct arena *a, time_t now)
{
	struct dbres	*res;
	struct calendar	*cal = arena_alloc(a, sizeof(*cal));
	struct initiative ini;
	long long	 n = 0;
	int		 k, late;

	if ((res = db_query(db, a, SQL_INI_TICK_EXPIRED, DB_NOARGS)) == NULL)
		return -1;
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, INI_TICK_EXPIRED_ID);

		if (db_begin(db) == -1)
			return -1;
		if ((k = db_exec(db, SQL_INI_CLOSE, DB_ARGS(DB_U(id, id)))) < 0 ||
		    (k == 1 && (initiative_load(db, a, id, &ini) != 0 ||
		    initiative_tell(db, a, &ini, IN_CLOSED, NULL, 0) == -1))) {
			db_rollback(db);
			return -1;
		}
		if (db_commit(db) == -1)
			return -1;
		n += k;
	}
	if (calendar_load(db, a, cal) == -1)
		return -1;
	if ((res = db_query(db, a, SQL_INI_TICK_OWED, DB_NOARGS)) == NULL)
		return -1;
	while (dbres_next(res)) {
		late = initiative_days_late(cal, dbres_time(res,
		    INI_TICK_OWED_ANSWER_DUE_AT), now);
		if (late == dbres_int(res, INI_TICK_OWED_ANSWER_DAYS_LATE))
			continue;
		if (db_exec(db, SQL_INI_LATE_SET, DB_ARGS(DB_U(id, dbres_u(res,
		    INI_TICK_OWED_ID)), DB_I(late, late))) < 0)
			return -1;
		n++;
	}
	return n;
}
