/*
 * moderation.c — see moderation.h.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "i18n.h"
#include "moderation.h"
#include "outbox.h"
#include "sql_gen.h"
#include "workflow.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const mod_action_names[MA__MAX + 1] = {
	[MA_PUBLISH] = "publish",
	[MA_REJECT] = "reject",
	[MA__MAX] = NULL
};

static const char *const mod_subjects[MA__MAX] = {
	[MA_PUBLISH] = N_("Your comment is published"),
	[MA_REJECT] = N_("Your comment was not published")
};
static const char *const mod_bodies[MA__MAX] = {
	[MA_PUBLISH] = N_("Your comment on \"{1}\" is published:\n\n"
	    "{3}/consultations/{4}"),
	[MA_REJECT] = N_("Your comment on \"{1}\" was not published, "
	    "because it does not meet this moderation principle: {2}\n\n"
	    "The moderation principles: {3}/principles\n\n"
	    "Your comment:\n\n{5}\n\n{3}/consultations/{4}")
};

int
moderation_sees_all(enum role role)
{
	return perm_allows(role, ACT_MODERATE_ALL, SCOPE_OWN);
}

int
moderation_reason_ok(struct db *db, struct arena *a, long long reason)
{
	struct dbres	*res;

	res = db_query(db, a, SQL_MOD_REASON_OK, DB_ARGS(DB_I(id, reason)));
	if (res == NULL)
		return -1;
	return dbres_next(res) && dbres_int(res, MOD_REASON_OK_N) > 0;
}

/* The author of the comment hears the decision, in their language. */
static int
moderation_tell(struct db *db, struct arena *a, unsigned long long cid,
    enum mod_action act, const char *base)
{
	struct dbres	*res;
	const char	*lang, *title, *why;

	res = db_query(db, a, SQL_MOD_COMMENTER, DB_ARGS(DB_U(id, cid)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;	/* anonymised account */
	lang = dbres_str(res, MOD_COMMENTER_LANG);
	title = workflow_isolate(a, workflow_pick(lang,
	    dbres_str(res, MOD_COMMENTER_TITLE_AR),
	    dbres_str(res, MOD_COMMENTER_TITLE_EN)));
	/* The principle as published in the language, even if empty. */
	why = dbres_str(res, lang != NULL && strcmp(lang, "en") == 0 ?
	    MOD_COMMENTER_REASON_EN : MOD_COMMENTER_REASON_AR);
	return outbox_email(db, dbres_str(res, MOD_COMMENTER_EMAIL),
	    i18n_get(lang, mod_subjects[act]), i18n_subst(a, i18n_get(lang,
	    mod_bodies[act]), title, workflow_isolate(a, why), base,
	    dbres_str(res, MOD_COMMENTER_ACTIVITY_ID),
	    workflow_isolate(a, dbres_str(res, MOD_COMMENTER_BODY)), NULL));
}

int
moderation_decide(struct db *db, struct arena *a, const struct moderator *m,
    enum mod_action act, long long reason, const char *base,
    const unsigned long long *ids, int n, int *done, int *skipped)
{
	struct dbres	*res;
	unsigned long long aid;
	int		 i;

	*done = *skipped = 0;
	for (i = 0; i < n; i++) {
		res = db_query(db, a, SQL_MOD_COMMENT_LOCK, DB_ARGS(
		    DB_U(id, ids[i]), DB_U(entity, m->entity_id),
		    DB_I(all, m->all ? 1 : 0), DB_U(user, m->user_id)));
		if (res == NULL)
			return -1;
		if (!dbres_next(res)) {
			/* Not yours, or already moderated: left alone. */
			(*skipped)++;
			continue;
		}
		aid = dbres_u(res, MOD_COMMENT_LOCK_ACTIVITY_ID);
		if (act == MA_REJECT) {
			if (db_exec(db, SQL_MOD_REJECT, DB_ARGS(
			    DB_U(user, m->user_id), DB_I(reason, reason),
			    DB_U(id, ids[i]))) != 1 ||
			    db_exec(db, SQL_MOD_COUNT_DECIDED, DB_ARGS(
			    DB_U(id, aid), DB_U(user, m->user_id))) < 1)
				return -1;
		} else {
			if (db_exec(db, SQL_MOD_PUBLISH, DB_ARGS(
			    DB_U(user, m->user_id), DB_U(id, ids[i]))) != 1 ||
			    db_exec(db, SQL_MOD_COUNT_PUBLISHED, DB_ARGS(
			    DB_U(id, aid))) != 1 ||
			    db_exec(db, SQL_MOD_COUNT_DECIDED, DB_ARGS(
			    DB_U(id, aid), DB_U(user, m->user_id))) < 1)
				return -1;
			if (!dbres_isnull(res, MOD_COMMENT_LOCK_ARTICLE_ID) &&
			    db_exec(db, SQL_MOD_COUNT_ARTICLE, DB_ARGS(DB_U(id,
			    dbres_u(res, MOD_COMMENT_LOCK_ARTICLE_ID)))) != 1)
				return -1;
		}
		if (moderation_tell(db, a, ids[i], act, base) == -1)
			return -1;
		if (audit_record(db, m->actor, act == MA_REJECT ?
		    "comment.reject" : "comment.publish", "comment", ids[i],
		    arena_printf(a, "activity %llu", aid)) == -1)
			return -1;
		(*done)++;
	}
	return 0;
}
