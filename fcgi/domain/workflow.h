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
	WF_ERROR
};

/* Applies event to activity id as actor (role from actor->role), inside
 * the caller's transaction.  On WF_INCOMPLETE *problem names what is
 * missing (a msgid).  The activity's entity must already have been
 * checked against the actor's permissions by the caller. */
enum wf_result	workflow_apply(struct db *, struct arena *, unsigned long long id,
		    enum act_event, const struct actor *, const char *reason,
		    const char **problem);
/* Opens scheduled activities whose time came and closes open ones whose
 * closing time passed; returns the number changed or -1. */
int		workflow_tick(struct db *, struct arena *);
/* Loads the weekend and holidays from settings/holidays. 0 or -1. */
int		calendar_load(struct db *, struct arena *, struct calendar *);
/* The mandatory-field check of art. 9-أ for submission; NULL when
 * complete, else the msgid of the first problem. */
const char	*workflow_incomplete(struct db *, struct arena *,
		    unsigned long long id);

/* Recomputes activities.search_text (textnorm of titles and summaries)
 * for every activity; returns the number indexed or -1. */
int		workflow_reindex(struct db *, struct arena *);
/* The same for one activity's texts. */
int		workflow_index_one(struct db *, struct arena *,
		    unsigned long long id, const char *title_ar,
		    const char *title_en, const char *summary_ar,
		    const char *summary_en);

#endif
