/*
 * comment.h — comments on a consultation's document (Tawasul art. 9-ب):
 * the comment record, its moderation states and the agency's positions
 * as enums, and the rules of a new comment (comment_submit): the
 * activity open and visible to the commenter, the article one of its
 * document's, the duplicate guard, the rate limits, the moderation
 * deadline of three working days, and the counters the pages show.
 */
#ifndef SHAREK_COMMENT_H
#define SHAREK_COMMENT_H

#include <time.h>

struct activity;
struct arena;
struct db;
struct dbres;

#define COMMENT_MAX_CHARS	5000	/* art. 9-ب: one comment */
/* The window of the duplicate guard (the same text again stores
 * nothing) and of the rate limits. */
#define COMMENT_RATE_MINUTES	10
#define COMMENT_RATE_MAX_MINUTES 1440	/* the longest window (a day): the
					   tick purges older address counts */
#define COMMENT_RATE_USER	10	/* comments per user in the window */
#define COMMENT_RATE_ADDRESS	1000	/* per client address: high, as one
					   NAT address may be a whole campaign;
					   the per-account limit does the work */
#define COMMENT_MODERATION_DAYS	3	/* working days to moderate */

enum comment_status {
	CMS_PENDING,		/* waiting for moderation */
	CMS_PUBLISHED,
	CMS_REJECTED,		/* with a moderation principle */
	CMS__MAX
};

/* The agency's position on a comment (entity_position). */
enum comment_position {
	CPOS_ACCEPTED,
	CPOS_PARTIALLY,
	CPOS_REJECTED,
	CPOS_NOTED,
	CPOS_OUT_OF_SCOPE,	/* issue 11 (migration 0013) */
	CPOS_DUPLICATE,		/* of another comment (duplicate_of) */
	CPOS__MAX		/* none given yet */
};

/* Names as stored (NULL-terminated) and label msgids, by the enums. */
extern const char *const comment_status_names[CMS__MAX + 1];
extern const char *const comment_status_labels[CMS__MAX];
extern const char *const comment_position_names[CPOS__MAX + 1];
extern const char *const comment_position_labels[CPOS__MAX];

/* Parsers: the enum, or FOO__MAX for an unknown or NULL string. */
enum comment_status	 comment_status(const char *);
enum comment_position	 comment_position(const char *);

/*
 * One comment as the pages see it: the row shape "comment" of
 * sql/queries/comment.sql.  Strings point into the result (arena).
 */
struct comment {
	unsigned long long	 id;
	unsigned long long	 activity_id;
	unsigned long long	 article_id;	/* 0: the whole document */
	unsigned long long	 user_id;	/* 0: erased account */
	const char		*body;
	enum comment_status	 status;
	time_t			 received_at;
	time_t			 moderation_due_at;
	enum comment_position	 position;	/* CPOS__MAX: none */
	const char		*reply_ar, *reply_en;	/* the agency's */
	int			 author_org;	/* a legal person */
	const char		*author_name;	/* the person's name */
	const char		*author_org_name;
	int			 author_gone;	/* account deleted */
	const char		*article_label;	/* NULL: whole document */
	const char		*reject_reason_ar, *reject_reason_en;
	const char		*activity_title_ar, *activity_title_en;
};

/* Fills c from the current row of a statement of shape "comment". */
void		 comment_fill(struct comment *, const struct dbres *);

/* A new comment, as the commenter sent it. */
struct comment_input {
	unsigned long long	 user_id;	/* the signed-in commenter */
	/* The activity as the page loaded it for this user (activity.h):
	 * its visibility and open state decide; that it is still open is
	 * checked again as the comment is stored. */
	const struct activity	*activity;
	unsigned long long	 article_id;	/* 0: the whole document */
	const char		*body;		/* checked for length already */
	const char		*address;	/* the client's address */
	time_t			 now;
	/* The rate limits ([limits] comment_window minutes,
	 * comment_per_account, comment_per_address; 0: the defaults
	 * below).  On CO_RATE_*, *retry_after (when not NULL) gets the
	 * seconds until the next comment would be taken. */
	int			 window_minutes, per_user, per_address;
	long			*retry_after;
};

enum comment_outcome {
	CO_OK,			/* stored, pending moderation */
	CO_DUPLICATE,		/* the same text within 10 minutes: nothing
				   stored */
	CO_NOT_OPEN,		/* not (or no longer) open for comments */
	CO_NOT_VISIBLE,		/* no such activity, or not for this user */
	CO_BAD_ARTICLE,		/* not an article of this document */
	CO_NO_DOCUMENT,		/* a survey or poll with no document: it is
				   answered through its questions */
	CO_RATE_USER,		/* too many comments by this user lately */
	CO_RATE_ADDRESS,	/* too many from this address lately */
	CO_ERROR		/* database failure (logged) */
};

/* Applies the rules to a new comment and, when they pass, stores it as
 * pending with its moderation deadline and updates the activity's
 * counters — inside the caller's transaction, which should be rolled
 * back on any outcome but CO_OK.  Temporary memory comes from a.
 * Statements: one reading every check (comment_guard), the calendar,
 * the search for its campaign group (analysis_group_find), then the
 * counters (which also find the activity still open: the activity's row
 * is held from here to the commit), the insert and its group
 * (analysis_group_store). */
enum comment_outcome comment_submit(struct db *, struct arena *,
		    const struct comment_input *);

#endif
