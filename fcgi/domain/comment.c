/*
 * comment.c — see comment.h.
 */
#include <string.h>

#include <sodium.h>

#include "account.h"
#include "activity.h"
#include "analysis.h"
#include "arena.h"
#include "calendar.h"
#include "comment.h"
#include "db.h"
#include "log.h"
#include "names.h"
#include "sql_gen.h"
#include "workflow.h"

/* Marks label msgids for scripts/update-po. */
#ifndef N_
#define N_(s)	(s)
#endif

const char *const comment_status_names[CMS__MAX + 1] = {
	"pending", "published", "rejected", NULL
};
const char *const comment_status_labels[CMS__MAX] = {
	N_("Waiting for moderation"), N_("Published"), N_("Not published")
};
const char *const comment_position_names[CPOS__MAX + 1] = {
	"accepted", "partially", "rejected", "noted", "out_of_scope",
	"duplicate", NULL
};
const char *const comment_position_labels[CPOS__MAX] = {
	N_("Accepted"), N_("Partly accepted"), N_("Not accepted"), N_("Noted"),
	N_("Out of scope"), N_("Duplicate of another comment")
};

enum comment_status
comment_status(const char *s)
{
	return (enum comment_status)names_find(comment_status_names,
	    CMS__MAX, s);
}

enum comment_position
comment_position(const char *s)
{
	return (enum comment_position)names_find(comment_position_names,
	    CPOS__MAX, s);
}

void
comment_fill(struct comment *c, const struct dbres *r)
{
	memset(c, 0, sizeof(*c));
	c->id = dbres_u(r, COMMENT_ID);
	c->activity_id = dbres_u(r, COMMENT_ACTIVITY_ID);
	c->article_id = dbres_u(r, COMMENT_ARTICLE_ID);
	c->user_id = dbres_u(r, COMMENT_USER_ID);
	c->body = dbres_str(r, COMMENT_BODY);
	c->status = comment_status(dbres_str(r, COMMENT_STATUS));
	c->received_at = dbres_time(r, COMMENT_RECEIVED_AT);
	c->moderation_due_at = dbres_time(r, COMMENT_MODERATION_DUE_AT);
	c->position = comment_position(dbres_str(r, COMMENT_ENTITY_POSITION));
	c->reply_ar = dbres_str(r, COMMENT_ENTITY_REPLY_AR);
	c->reply_en = dbres_str(r, COMMENT_ENTITY_REPLY_EN);
	c->author_org = account_kind(dbres_str(r, COMMENT_AUTHOR_KIND)) ==
	    UK_ORGANISATION;
	c->author_name = dbres_str(r, COMMENT_AUTHOR_NAME);
	c->author_org_name = dbres_str(r, COMMENT_AUTHOR_ORG);
	c->author_gone = dbres_int(r, COMMENT_AUTHOR_GONE) != 0;
	c->article_label = dbres_str(r, COMMENT_ARTICLE_LABEL);
	c->reject_reason_ar = dbres_str(r, COMMENT_REJECT_REASON_AR);
	c->reject_reason_en = dbres_str(r, COMMENT_REJECT_REASON_EN);
	c->activity_title_ar = dbres_str(r, COMMENT_ACTIVITY_TITLE_AR);
	c->activity_title_en = dbres_str(r, COMMENT_ACTIVITY_TITLE_EN);
}

/* Column col of a one-row count; -1 on a database error. */
static long long
comment_count(struct dbres *res, int col)
{
	if (res == NULL)
		return -1;
	return dbres_next(res) ? dbres_int(res, col) : 0;
}

/* One rate limit (statements of shape comment_rate): 1 when the window
 * already holds limit comments (*rc CO_OK, *in->retry_after set), 1
 * with *rc CO_ERROR on failure, else 0. */
static int
comment_rate(struct db *db, struct arena *a, const struct comment_input *in,
    int id, const struct dbarg *args, long long limit,
    enum comment_outcome *rc)
{
	struct dbres	*res;

	*rc = CO_ERROR;
	if ((res = db_query(db, a, id, args)) == NULL || !dbres_next(res))
		return 1;
	*rc = CO_OK;
	if (dbres_int(res, COMMENT_RATE_N) < limit)
		return 0;
	if (in->retry_after != NULL) {
		*in->retry_after = (long)dbres_int(res,
		    COMMENT_RATE_RETRY_SECONDS);
		if (*in->retry_after < 1)
			*in->retry_after = 1;
	}
	return 1;
}

enum comment_outcome
comment_submit(struct db *db, struct arena *a, const struct comment_input *in)
{
	struct activity	 act;
	struct calendar	*cal;
	struct dbres	*res;
	unsigned char	 h[32];
	long long	 n, first;
	time_t		 due;
	int		 minutes, cap;
	enum comment_outcome rc;

	minutes = in->window_minutes > 0 ? in->window_minutes :
	    COMMENT_RATE_MINUTES;
	/* Open and visible to this user (the same test as the page). */
	res = db_query(db, a, SQL_ACTIVITY_BY_ID, DB_ARGS(
	    DB_U(id, in->activity_id), DB_U(reader, in->user_id)));
	if (res == NULL)
		return CO_ERROR;
	if (!dbres_next(res))
		return CO_NOT_VISIBLE;
	activity_fill(&act, res);
	if (!activity_visible(&act))
		return CO_NOT_VISIBLE;
	if (!activity_is_open(&act, in->now))
		return CO_NOT_OPEN;

	if (in->article_id != 0) {
		n = comment_count(db_query(db, a, SQL_COMMENT_ARTICLE_OK,
		    DB_ARGS(DB_U(article, in->article_id),
		    DB_U(activity, in->activity_id))), COMMENT_ARTICLE_OK_N);
		if (n < 0)
			return CO_ERROR;
		if (n == 0)
			return CO_BAD_ARTICLE;
	}

	crypto_generichash(h, sizeof(h), (const unsigned char *)in->body,
	    strlen(in->body), NULL, 0);
	res = db_query(db, a, SQL_COMMENT_DUPLICATE, DB_ARGS(
	    DB_U(user, in->user_id), DB_U(activity, in->activity_id),
	    DB_U(article, in->article_id), DB_B(hash, h, sizeof(h)),
	    DB_I(minutes, COMMENT_RATE_MINUTES)));
	if ((n = comment_count(res, COMMENT_DUPLICATE_N)) < 0)
		return CO_ERROR;
	if (n > 0)
		return CO_DUPLICATE;

	cap = in->per_user > 0 ? in->per_user : COMMENT_RATE_USER;
	if (comment_rate(db, a, in, SQL_COMMENT_RATE_USER, DB_ARGS(
	    DB_U(user, in->user_id), DB_I(minutes, minutes), DB_I(cap, cap)),
	    cap, &rc))
		return rc == CO_OK ? CO_RATE_USER : rc;
	cap = in->per_address > 0 ? in->per_address : COMMENT_RATE_ADDRESS;
	if (comment_rate(db, a, in, SQL_COMMENT_RATE_IP, DB_ARGS(
	    DB_S(ip, in->address), DB_I(minutes, minutes), DB_I(cap, cap)),
	    cap, &rc))
		return rc == CO_OK ? CO_RATE_ADDRESS : rc;

	/* Moderation is due 3 working days after receipt (art. 9-ب). */
	cal = arena_alloc(a, sizeof(*cal));
	if (calendar_load(db, a, cal) == -1)
		return CO_ERROR;
	due = calendar_add_workdays(cal, in->now, COMMENT_MODERATION_DAYS);

	first = comment_count(db_query(db, a, SQL_COMMENT_FIRST_BY_USER,
	    DB_ARGS(DB_U(activity, in->activity_id),
	    DB_U(user, in->user_id))), COMMENT_FIRST_BY_USER_N);
	if (first < 0)
		return CO_ERROR;
	if (db_exec(db, SQL_COMMENT_INSERT, DB_ARGS(
	    DB_U(activity, in->activity_id), DB_U(article, in->article_id),
	    DB_U(user, in->user_id), DB_S(body, in->body),
	    DB_B(hash, h, sizeof(h)), DB_I(due_unix, due),
	    DB_S(ip, in->address))) != 1) {
		log_warnx("%s: insert failed", __func__);
		return CO_ERROR;
	}
	/* Its campaign group, found as it is stored (analysis.h). */
	if (analysis_fingerprint(db, a, in->activity_id, db_insert_id(db),
	    in->body) == -1)
		return CO_ERROR;
	if (db_exec(db, SQL_COMMENT_COUNT_PENDING, DB_ARGS(
	    DB_I(first, first == 0), DB_U(activity, in->activity_id))) != 1)
		return CO_ERROR;
	return CO_OK;
}
