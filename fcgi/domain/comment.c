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

/* The retry-after of a limit reached: the seconds until the next comment
 * would be taken (column col of comment_guard), at least 1. */
static void
comment_retry(const struct comment_input *in, const struct dbres *res,
    int col)
{
	if (in->retry_after == NULL)
		return;
	*in->retry_after = (long)dbres_int(res, col);
	if (*in->retry_after < 1)
		*in->retry_after = 1;
}

enum comment_outcome
comment_submit(struct db *db, struct arena *a, const struct comment_input *in)
{
	struct calendar	*cal;
	struct dbres	*res;
	struct analysis_group grp;
	struct analysis_packed packed;
	unsigned char	 h[32];
	time_t		 due;
	int		 minutes, cap_user, cap_ip, first;

	/* Visible to this user and open, as the page read it; that it is
	 * still open is checked again, atomically, by the counters'
	 * update at the end. */
	if (in->activity == NULL || !activity_visible(in->activity))
		return CO_NOT_VISIBLE;
	if (!activity_is_open(in->activity, in->now))
		return CO_NOT_OPEN;

	minutes = in->window_minutes > 0 ? in->window_minutes :
	    COMMENT_RATE_MINUTES;
	if (minutes > COMMENT_RATE_MAX_MINUTES)
		minutes = COMMENT_RATE_MAX_MINUTES;
	cap_user = in->per_user > 0 ? in->per_user : COMMENT_RATE_USER;
	cap_ip = in->per_address > 0 ? in->per_address : COMMENT_RATE_ADDRESS;
	crypto_generichash(h, sizeof(h), (const unsigned char *)in->body,
	    strlen(in->body), NULL, 0);
	/* The article, the duplicate guard, both rate limits and whether
	 * it is the user's first comment here: one statement. */
	res = db_query(db, a, SQL_COMMENT_GUARD, DB_ARGS(
	    DB_U(user, in->user_id), DB_U(activity, in->activity->id),
	    DB_U(article, in->article_id), DB_B(hash, h, sizeof(h)),
	    DB_I(dup_minutes, COMMENT_RATE_MINUTES), DB_I(minutes, minutes),
	    DB_S(ip, in->address), DB_I(cap_user, cap_user)));
	if (res == NULL || !dbres_next(res))
		return CO_ERROR;
	if (!dbres_int(res, COMMENT_GUARD_ARTICLE_OK))
		return CO_BAD_ARTICLE;
	if (!activity_takes_comments(in->activity,
	    dbres_int(res, COMMENT_GUARD_HAS_ARTICLES) != 0))
		return CO_NO_DOCUMENT;
	if (dbres_int(res, COMMENT_GUARD_DUPLICATE))
		return CO_DUPLICATE;
	if (dbres_int(res, COMMENT_GUARD_USER_N) >= cap_user) {
		comment_retry(in, res, COMMENT_GUARD_USER_RETRY_SECONDS);
		return CO_RATE_USER;
	}
	if (dbres_int(res, COMMENT_GUARD_IP_N) >= cap_ip) {
		comment_retry(in, res, COMMENT_GUARD_IP_RETRY_SECONDS);
		return CO_RATE_ADDRESS;
	}
	first = dbres_int(res, COMMENT_GUARD_FIRST_COMMENT) != 0;

	/* Moderation is due 3 working days after receipt (art. 9-ب). */
	cal = arena_alloc(a, sizeof(*cal));
	if (calendar_load(db, a, cal) == -1)
		return CO_ERROR;
	due = calendar_add_workdays(cal, in->now, COMMENT_MODERATION_DAYS);
	/* Its campaign group (analysis.h) is looked for before the row is
	 * taken: the search then runs for many comments at once, and only
	 * the writes queue on the activity's row. */
	if (analysis_group_find(db, a, in->activity->id, 0, in->body,
	    &grp) == -1)
		return CO_ERROR;

	/* The writes, in one round trip (comment_store): the counters
	 * first, which also find the activity still open now (closed since
	 * the page read it: nothing kept); they hold the activity's row to
	 * the commit, so every other comment on it waits that long (InnoDB
	 * releases it at commit, before the flush, so commits still
	 * group). */
	analysis_group_pack(&grp, &packed);
	if (db_exec(db, SQL_COMMENT_STORE, DB_ARGS(
	    DB_U(activity, in->activity->id), DB_U(article, in->article_id),
	    DB_U(user, in->user_id), DB_S(body, in->body),
	    DB_B(hash, h, sizeof(h)), DB_I(due_unix, due),
	    DB_S(ip, in->address), DB_I(first, first),
	    DB_B(norm, grp.fp.norm_hash, sizeof(grp.fp.norm_hash)),
	    DB_B(sig, packed.sig, sizeof(packed.sig)), DB_U(grp, grp.grp),
	    DB_S(kind, grp.kind), DB_B(bands, packed.bands,
	    packed.nbands), DB_U(full, grp.full))) < 0 && db_errno(db) != 0)
		/* (A CALL's count of rows is its last statement's: only
		 * the error says it failed.) */
		return db_errno(db) == DB_ER_SIGNAL ? CO_NOT_OPEN : CO_ERROR;
	return CO_OK;
}
