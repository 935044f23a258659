/*
 * workflow.h — moving an activity through its lifecycle in the database
 * (domain.md §4): every transition is checked against activity_next(),
 * written with its workflow_events row (who, role, when, reason) in one
 * transaction, and the scheduled ones are done by sharekctl tick.
 */
#ifndef SHAREK_WORKFLOW_H
#define SHAREK_WORKFLOW_H

#include "activity.h"
#include "calendar.h"

struct db;
struct arena;
struct actor;

enum wf_result {
	WF_OK,
	WF_NOT_FOUND,
	WF_FORBIDDEN,		/* not allowed from this state for this role */
	WF_REASON_NEEDED,
	WF_INCOMPLETE,		/* mandatory fields or dates missing/invalid */
	WF_CLOSED,		/* no longer open: takes no extension or
				   response */
	WF_OVER_CAP,		/* extensions past the original period */
	WF_DECIDED,		/* a correction no longer pending */
	WF_NOT_YET,		/* the alternate liaison officer before the
				   hand-over (art. 6-ب, handover.h) */
	WF_ERROR
};

/* The texts of an activity a correction changes while it is open (art.
 * 7-ز, 8-د); strings belong to the caller. */
struct act_texts {
	const char	*title_ar, *title_en;
	const char	*summary_ar, *summary_en;
	const char	*objectives_ar, *objectives_en;
	const char	*announcements_ar, *announcements_en;
};

/* Where a correction stands (activity_versions.status). */
enum act_version_status {
	AVS_PENDING,		/* waits for the liaison officer */
	AVS_APPROVED,		/* published, numbered */
	AVS_REJECTED,		/* with the liaison officer's reason */
	AVS_SUPERSEDED,		/* replaced by a newer one while pending */
	AVS__MAX
};
/* Names as stored and label msgids, by enum. */
extern const char *const act_version_status_names[AVS__MAX + 1];
extern const char *const act_version_status_labels[AVS__MAX];
/* The status named s, AVS__MAX for an unknown or NULL one. */
enum act_version_status workflow_version_status(const char *s);

/* Applies event to activity id as actor (role from actor->role), inside
 * the caller's transaction.  On WF_INCOMPLETE *problem names what is
 * missing (a msgid).  WF_NOT_YET for the alternate liaison officer on
 * a final approval or a report's publication not yet handed over.  The activity's entity must already have been
 * checked against the actor's permissions by the caller. */
enum wf_result	workflow_apply(struct db *, struct arena *, unsigned long long id,
		    enum act_event, const struct actor *, const char *reason,
		    const char **problem);
/* Locks activity id in the caller's transaction, for a change that its
 * state must still allow when it is written (the page read it before
 * the transaction began): WF_OK with *state, WF_NOT_FOUND, WF_ERROR. */
enum wf_result	workflow_lock(struct db *, struct arena *,
		    unsigned long long id, enum act_state *state);
/* Art. 11-ج: extends open activity id by days (its closing, results and
 * final publication dates move with it), with the public reasons,
 * recorded and audited, inside the caller's transaction.  WF_OK;
 * WF_NOT_FOUND; WF_CLOSED when it is not open; WF_OVER_CAP when all
 * extensions together would pass the original period (*left_days gets
 * the days still allowed); WF_ERROR. */
enum wf_result	workflow_extend(struct db *, struct arena *,
		    unsigned long long id, long long days,
		    const char *reason_ar, const char *reason_en,
		    const struct actor *, long long *left_days);
/* Art. 7-ز, 8-د: a correction of open activity id by actor, with its
 * reason, waits for the liaison officer: a pending version holding the
 * texts (replacing one still pending), the entity's liaison officers
 * told in their language, audited — inside the caller's transaction.
 * The activity's published texts do not change.  WF_OK; WF_NOT_FOUND;
 * WF_CLOSED when it is not open; WF_ERROR. */
enum wf_result	workflow_correct(struct db *, struct arena *,
		    unsigned long long id, const struct act_texts *,
		    const char *reason, const struct actor *);
/* The liaison officer's decision on correction vid of activity id (the
 * caller checked ACT_ACTIVITY_APPROVE on its entity), inside the caller's
 * transaction: approve publishes its texts as the activity's next
 * version (search index too), reject records reason; the correction's
 * author is told in his language, audited.  WF_OK; WF_NOT_FOUND when
 * vid is not a correction of id; WF_DECIDED when it is no longer
 * pending; WF_CLOSED when the activity is no longer open;
 * WF_REASON_NEEDED for a rejection without a reason; WF_ERROR. */
enum wf_result	workflow_correction_decide(struct db *, struct arena *,
		    unsigned long long id, unsigned long long vid,
		    int approve, const char *reason, const struct actor *);
/* Art. 7-ح: stores (or replaces) the consolidated response of entity
 * to activity id, audited, inside the caller's transaction.  WF_OK;
 * WF_NOT_FOUND when the activity is not addressed to the entity;
 * WF_CLOSED once it is no longer open; WF_NOT_YET for the entity's
 * alternate liaison officer before the response was handed over;
 * WF_ERROR. */
enum wf_result	workflow_respond(struct db *, struct arena *,
		    unsigned long long id, unsigned long long entity,
		    const char *body, const struct actor *);
/* Opens scheduled activities whose time came and closes open ones whose
 * closing time passed, WF_TICK_BATCH of each per run; returns the
 * number changed or -1. */
#define WF_TICK_BATCH	500
int		workflow_tick(struct db *, struct arena *);
/* Loads the weekend and holidays from settings/holidays. 0 or -1. */
int		calendar_load(struct db *, struct arena *, struct calendar *);
/* The mandatory-field check of art. 9-أ for submission; NULL when
 * complete, else the msgid of the first problem. */
const char	*workflow_incomplete(struct db *, struct arena *,
		    unsigned long long id);

struct dbres;
/* Queues msg (a msgid: {1} the activity's title, {2} the base URL, {3}
 * its id, {4} reason) to every recipient row of res (shape wf_recipient:
 * wf_notify_role, wf_notify_author, wf_notify_user), each in his own
 * language, inside the caller's transaction; -1 when res is NULL or on
 * error.  The report's steps (report.c) tell with it too. */
int		 workflow_tell(struct db *, struct arena *, struct dbres *res,
		    unsigned long long id, const char *msg, const char *reason);

/* The text of a message in its recipient's language (lang as stored
 * for the user): en when lang is English and en is not empty, else ar
 * ("" for NULL).  Returns one of its arguments. */
const char	*workflow_pick(const char *lang, const char *ar,
		    const char *en);
/* s between FIRST STRONG ISOLATE and POP DIRECTIONAL ISOLATE (U+2068,
 * U+2069), for a plain-text mail: a title, name or reason written in one
 * direction keeps its order inside a sentence of the other.  In the
 * arena; "" for NULL or empty. */
const char	*workflow_isolate(struct arena *, const char *s);

/* Recomputes activities.search_text (textnorm_stems of titles and
 * summaries) for every activity; returns the number indexed or -1.
 * `sharekctl migrate` runs it each time, `sharekctl reindex` alone. */
int		workflow_reindex(struct db *, struct arena *);
/* The same for one activity's texts. */
int		workflow_index_one(struct db *, struct arena *,
		    unsigned long long id, const char *title_ar,
		    const char *title_en, const char *summary_ar,
		    const char *summary_en);

#endif
