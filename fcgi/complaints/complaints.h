/*
 * complaints.h — page handlers of sharek-complaints, their declared
 * parameters, and what the pages share (complaints_common.c).
 */
#ifndef SHAREK_COMPLAINTS_H
#define SHAREK_COMPLAINTS_H

#include <stddef.h>

#include "http.h"
#include "perm.h"
#include "request.h"
#include "session.h"

struct actor;
struct dbres;
struct val;

/* A request as the pages read it (shape request_row of
 * sql/queries/complaints.sql; complaints_fill is the one reader).
 * Strings are the request arena's; times are SQL DATETIME texts. */
struct creq {
	unsigned long long	 id, type_id, axis_id, entity_id;
	unsigned long long	 entity_parent, entity_grandparent;
	unsigned long long	 unit_entity_id, handled_by, requester_id;
	const char		*ref, *type_code, *type_ar, *type_en;
	const char		*axis_ar, *axis_en, *priority;
	const char		*entity_ar, *entity_en, *unit;
	const char		*subject, *body, *channel;
	const char		*due_at, *solve_due_at, *reply_unit;
	const char		*answered_at, *closed_at, *rated_at;
	const char		*rating_comment, *created_at;
	const char		*reopened_at;	/* NULL: never reopened */
	const unsigned char	*enc, *nonce;	/* sealed requester */
	size_t			 enclen, noncelen;
	int			 confidential, anonymous, rating;
	int			 escalation_level, reopened_count, reply_limit;
	enum request_state	 state;
};

/* complaints_common.c */
/* Reads the current row of a request_row result into q. */
void		 complaints_fill(struct dbres *, struct creq *q);
/* Loads request id (FOR UPDATE when lock): 1 found, 0 not, -1 error. */
int		 complaints_load(struct req *, unsigned long long id, int lock,
		    struct creq *q);
/* Whether the signed-in member of staff may take step on q: the desk of
 * its entity (or of a parent, two levels up), or the operations room
 * for a request it studies (reopened or escalated to level 2). */
int		 complaints_may(struct req *, const struct creq *q,
		    enum request_step step);
/* Whether q is before the operations room. */
int		 complaints_in_ops(const struct creq *q);
/* The audit actor of this request. */
struct actor	*complaints_actor(struct req *, unsigned long long entity);
/* Fills model with q as every page shows it (ref, type, entity, axis,
 * state, dates, subject, body) and its timeline: all = 1 for the desk
 * (internal notes, who did each step), 0 for the requester.  0 or 500. */
int		 complaints_show(struct req *, struct val *m,
		    const struct creq *q, int all);
/* The deployment's calendar, once per request.  NULL on error. */
const struct calendar *complaints_calendar(struct req *);
/* The due date of a limit counted from the time from (SQL text,
 * arena-owned) of the matrix for priority × axis, or of art. 5-ط for
 * the portal type; *limit and *unit get the limit applied, *solve the
 * solution deadline.  NULL on error. */
const char	*complaints_due(struct req *, time_t from, const char *type_code,
		    const char *priority, unsigned long long axis,
		    int *limit, const char **unit, const char **solve);
/* A time as SQL text (UTC), arena-owned. */
const char	*complaints_sqltime(struct req *, time_t);
/* Adds the timeline step to request q.  0 or -1. */
int		 complaints_event(struct req *, unsigned long long id,
		    const char *kind, const char *from, const char *to,
		    int pub, const char *body);
/* Queues the e-mail (and SMS when the account has a mobile) of msgid
 * subject/body ({1} reference number, {2} due date, {3} address) to
 * the requester's account; nothing for an anonymous request.  0 or
 * -1. */
int		 complaints_tell(struct req *, const struct creq *q,
		    const char *subject, const char *body, const char *due);

int	page_home(struct req *);

/* page_dashboard.c (issue 14) */
enum dash_key { DASH_PERIOD, DASH_FROM, DASH_TO, DASH_ENTITY, DASH__MAX };
extern const struct param dash_params[DASH__MAX];
int	page_dashboard(struct req *);

/* page_new.c */
enum new_key {
	NEW_TYPE, NEW_ENTITY, NEW_AXIS, NEW_SUBJECT, NEW_BODY, NEW_LOCATION,
	NEW_FILE1, NEW_FILE2, NEW__MAX
};
extern const struct param new_params[NEW__MAX];
extern const struct param report_params[NEW__MAX];
enum new_form_key { NEWF_Q, NEWF__MAX };
extern const struct param new_form_params[NEWF__MAX];
/* What a submission needs and gives back (complaints_submit_tx, the
 * transaction of http_form_tx: its input is the route's new_key
 * parameters, whatever their names). */
struct newreq {
	int		 anonymous;	/* a violation report, no account */
	/* Open311 (issue 14): the requester as the client sent it, and no
	 * account; NULL for the forms. */
	const struct requester *who;
	/* Open311: the type, entity and axis the client chose (0: read
	 * from the route's NEW_TYPE, NEW_ENTITY, NEW_AXIS). */
	unsigned long long type, entity, axis;
	const char	*ref;		/* out */
	const char	*code;		/* out: the tracking code */
	const char	*due;		/* out: SQL time */
};
enum outcome	 complaints_submit_tx(struct req *, void *newreq);
int	page_new_form(struct req *);
int	page_new(struct req *);
int	page_report_form(struct req *);
int	page_report(struct req *);

/* page_open311.c (issue 14): GET lists, and the POST whose first keys
 * are the form's (new_key) so complaints_submit_tx reads them. */
enum o311_list_key { O3L_IDS, O3L_CODE, O3L_STATUS, O3L_START, O3L_END,
	O3L_JURISDICTION, O3L__MAX };
extern const struct param o311_list_params[O3L__MAX];
enum o311_post_key { O3P_KEY = NEW__MAX, O3P_LAT, O3P_LONG, O3P_EMAIL,
	O3P_FIRST, O3P_LAST, O3P_PHONE, O3P_ACCOUNT, O3P_JURISDICTION,
	O3P__MAX };
extern const struct param o311_post_params[O3P__MAX];
int	page_o311_discovery(struct req *);
int	page_o311_services(struct req *);
int	page_o311_service(struct req *);
int	page_o311_requests(struct req *);
int	page_o311_request(struct req *);
int	page_o311_token(struct req *);
int	page_o311_post(struct req *);
/* app.api_error of the Open311 routes (R_API): the spec's error list,
 * in the format of the address (.json or .xml). */
int	o311_api_error(struct req *, int status, const char *message);

/* page_track.c */
enum track_key { TRACK_REF, TRACK_NEW, TRACK__MAX };
extern const struct param track_params[TRACK__MAX];
enum rate_key { RATE_REF, RATE_STARS, RATE_COMMENT, RATE__MAX };
extern const struct param rate_params[RATE__MAX];
enum follow_key { FOLLOW_CODE, FOLLOW__MAX };
extern const struct param follow_params[FOLLOW__MAX];
int	page_mine(struct req *);
int	page_track(struct req *);
int	page_rate(struct req *);
int	page_follow_form(struct req *);
int	page_follow(struct req *);

/* page_desk.c */
enum desk_list_key { DESKL_DONE, DESKL_AFTER, DESKL__MAX };
extern const struct param desk_list_params[DESKL__MAX];
enum desk_key {
	DESK_STEP, DESK_TYPE, DESK_AXIS, DESK_PRIORITY, DESK_UNIT,
	DESK_NOTE, DESK_REPLY, DESK_ENTITY, DESK__MAX
};
extern const struct param desk_params[DESK__MAX];
int	page_desk(struct req *);
int	page_desk_request(struct req *);
int	page_desk_step(struct req *);
int	page_desk_file(struct req *);

/* page_sla.c */
enum sla_key { SLA_PRIORITY, SLA_AXIS, SLA_REPLY, SLA_SOLVE, SLA_UNIT,
	SLA__MAX };
extern const struct param sla_params[SLA__MAX];
enum officials_key {
	OFF_SG_NAME, OFF_SG_EMAIL, OFF_SG_MOBILE, OFF_MINISTER_NAME,
	OFF_MINISTER_EMAIL, OFF_MINISTER_MOBILE, OFF__MAX
};
extern const struct param officials_params[OFF__MAX];
int	page_sla(struct req *);
int	page_sla_save(struct req *);
int	page_officials(struct req *);
int	page_officials_save(struct req *);

#endif
