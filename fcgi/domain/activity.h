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

enum act_state	 activity_state(const char *);
const char	*activity_state_name(enum act_state);
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

/* Art. 11-ج: the total added time must not exceed the original period.
 * Returns 1 when adding add_secs is allowed. */
int	activity_extension_ok(time_t publish, time_t original_close,
	    long long already_added_secs, long long add_secs);

#endif
