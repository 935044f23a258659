/*
 * activity.h — the rules of consultations, surveys and polls that do not
 * need the database: states and the workflow (domain.md §4), the date
 * rules of Tawasul art. 9-أ and 11, and extensions (art. 11-ج).
 */
#ifndef SHAREK_ACTIVITY_H
#define SHAREK_ACTIVITY_H

#include <time.h>

#include "perm.h"

enum act_state {
	AS_DRAFT,
	AS_SUBMITTED,		/* with the coordinator */
	AS_RETURNED,		/* back to the author, with a reason */
	AS_APPROVED,		/* forwarded by the coordinator to the liaison */
	AS_SCHEDULED,		/* approved by the liaison, waits for publish_at */
	AS_OPEN,
	AS_CLOSED,
	AS_ANALYSIS,
	AS_REPORT_SUBMITTED,
	AS_REPORT_APPROVED,
	AS_PUBLISHED,
	AS_WITHDRAWN,
	AS__MAX
};

enum act_event {
	AE_SUBMIT,		/* author → coordinator */
	AE_RETURN,		/* coordinator or liaison → author (reason) */
	AE_FORWARD,		/* coordinator → liaison */
	AE_APPROVE,		/* liaison: publish at publish_at */
	AE_OPEN,		/* tick at publish_at */
	AE_CLOSE,		/* tick at closes_at */
	AE_START_ANALYSIS,
	AE_SUBMIT_REPORT,
	AE_APPROVE_REPORT,	/* coordinator review passed */
	AE_PUBLISH_REPORT,	/* liaison's final approval (8-و) */
	AE_WITHDRAW,
	AE__MAX
};

enum act_kind {
	AK_CONSULTATION,
	AK_SURVEY,
	AK_POLL,
	AK__MAX
};

enum act_audience {
	AA_PUBLIC,
	AA_RESTRICTED,		/* named entities or groups of users */
	AA_INTERAGENCY,		/* government entities only, never public */
	AA__MAX
};

/* Names as stored (NULL-terminated, so they serve as PT_ENUM choices)
 * and label msgids, indexed by the enums. */
extern const char *const act_state_names[AS__MAX + 1];
extern const char *const act_state_labels[AS__MAX];
extern const char *const act_kind_names[AK__MAX + 1];
extern const char *const act_kind_labels[AK__MAX];
extern const char *const act_audience_names[AA__MAX + 1];
extern const char *const act_audience_labels[AA__MAX];
/* The audiences as the staff form explains them. */
extern const char *const act_audience_descriptions[AA__MAX];

/* Parsers: the enum, or FOO__MAX for an unknown or NULL string. */
enum act_state	 activity_state(const char *);
const char	*activity_state_name(enum act_state);
enum act_kind	 activity_kind(const char *);
enum act_audience activity_audience(const char *);
/* The states in which an activity is shown outside the back office
 * (open and after, never drafts, scheduled or withdrawn).  The same set
 * is the view listed_activities (sql/migrations/0005_visibility.sql). */
int		 activity_state_public(enum act_state);

/* The phase a citizen sees of a published activity: open, closed (and
 * results in preparation), or results published — the state filter of
 * /consultations.  Names (NULL-terminated: PT_ENUM choices) and label
 * msgids by enum (the states of each phase: consult_list). */
enum act_phase {
	AP_OPEN,
	AP_CLOSED,
	AP_RESULTS,
	AP__MAX
};
extern const char *const act_phase_names[AP__MAX + 1];
extern const char *const act_phase_labels[AP__MAX];
/* The state as the public pages name it (label msgids by enum act_state;
 * NULL for states never shown there). */
extern const char *const act_state_public_labels[AS__MAX];

struct dbres;

/*
 * One activity as every page and feed sees it: the row shape "activity"
 * of sql/queries/activity.sql.  Strings point into the result (arena).
 */
struct activity {
	unsigned long long	 id;
	enum act_kind		 kind;
	unsigned long long	 entity_id;
	unsigned long long	 author_id;
	enum act_audience	 audience;
	int			 urgent;	/* art. 11-ب: 14 days */
	enum act_state		 state;
	const char		*title_ar, *title_en;
	const char		*summary_ar, *summary_en;
	const char		*objectives_ar, *objectives_en;
	const char		*announcements_ar, *announcements_en;
	int			 doc_pdf;	/* a PDF rather than articles */
	unsigned long long	 document_upload_id;	/* 0: none */
	time_t			 publish_at;
	time_t			 closes_at;
	time_t			 original_closes_at;	/* 0 until approved */
	time_t			 results_due_at;
	time_t			 final_publication_at;
	long long		 extended_seconds;	/* art. 11-ج, in total */
	const char		*return_reason;
	long long		 version;
	long long		 comments_pending;
	long long		 comments_published;
	long long		 participants;
	time_t			 updated_at;
	const char		*entity_name_ar, *entity_name_en;
	const char		*entity_slug;
	unsigned long long	 entity_parent_id;	/* 0: top level */
	const char		*author_name;
	const char		*document_stored_name;	/* NULL: no file */
	const char		*document_name;
	long long		 document_size;
	/* Art. 9-ج (analysis_tick): the report's legal deadline (0 before
	 * closing) and the working days it is late (0: not late). */
	time_t			 report_due_at;
	long long		 report_days_late;
	int			 reader_is_target;	/* of a restricted one */
};

/* Fills a from the current row of a statement of shape "activity". */
void		 activity_fill(struct activity *, const struct dbres *);
/* Whether the reader the statement asked about (reader_is_target) may
 * see a outside the back office: a public state, and a public audience
 * or a restricted one addressed to the reader; inter-agency never. */
int		 activity_visible(const struct activity *);
/* Open for contributions now (state open and before the closing time). */
int		 activity_is_open(const struct activity *, time_t now);
/* Whether a takes comments: a consultation always; a survey or a poll
 * only on a document it carries (a PDF, or articles: has_articles). */
int		 activity_takes_comments(const struct activity *,
		    int has_articles);
/* The state after event, or AS__MAX when the event is not allowed from
 * that state for that role (ROLE__MAX means the system: tick). */
enum act_state	 activity_next(enum act_state, enum act_event, enum role);
/* Whether a reason is mandatory for the event (returns). */
int		 activity_event_needs_reason(enum act_event);

#define ACT_MIN_DAYS_URGENT	14

/* One calendar month after t (art. 11-أ), same local time; the 31st of
 * a month goes to the last day of the next. */
time_t	activity_add_month(time_t);
/* Earliest allowed closing moment for a publication moment. */
time_t	activity_earliest_close(time_t publish, int urgent);

/* Dates of domain.md §3 item 6–7. */
struct act_dates {
	time_t	 publish;
	time_t	 closes;
	time_t	 results_due;
	time_t	 final_due;
};

enum date_problem {
	DP_OK,
	DP_PUBLISH_PAST,	/* publication before now */
	DP_PERIOD_SHORT,	/* closes before earliest close */
	DP_RESULTS_BEFORE_CLOSE,
	DP_FINAL_BEFORE_RESULTS,
	DP_MISSING
};

/* Checks the dates at submission; now is the submission time. */
enum date_problem activity_check_dates(const struct act_dates *, int urgent,
		    time_t now);

/* The date rules, each about one field, all checked at once (a draft is
 * saved with its problems shown; submission refuses them). */
enum date_rule {
	DR_PUBLISH_PAST,	/* publish_at: before now */
	DR_PERIOD_SHORT,	/* closes_at: before the earliest close (11-أ/ب) */
	DR_RESULTS_BEFORE_CLOSE,	/* results_due_at: not after closing */
	DR_RESULTS_TOO_LATE,	/* results_due_at: > 20 working days (9-ج) */
	DR_FINAL_BEFORE_RESULTS,	/* final_publication_at */
	DR__MAX
};
#define ACT_RESULTS_WORKDAYS	20

struct calendar;
/* Bit (1u << rule) set for each rule broken; a rule whose dates are not
 * all given is not checked.  cal NULL skips DR_RESULTS_TOO_LATE. */
unsigned activity_date_rules(const struct act_dates *, int urgent,
	    time_t now, const struct calendar *cal);

/* Art. 11-ج: the total added time must not exceed the original period.
 * Returns 1 when adding add_secs is allowed. */
int	activity_extension_ok(time_t publish, time_t original_close,
	    long long already_added_secs, long long add_secs);
/* The seconds extensions may still add under that cap (0 when none
 * may, or before approval fixed the original closing time). */
long long activity_extension_left(time_t publish, time_t original_close,
	    long long already_added_secs);

/* Whether its author may still change everything: a draft, or one
 * returned to him.  An open one takes only corrected texts, as a new
 * version (activity_versionable). */
int	activity_editable(enum act_state);
int	activity_versionable(enum act_state);

#endif
