/*
 * report.h — the analysis report of an activity (Tawasul art. 9-ج/د/هـ,
 * 8-و), whatever its kind (consultation, survey, poll): its texts, the
 * final document article by article, and its way through the review
 * chain.  The chain is the activity's own (workflow_apply: AS_ANALYSIS →
 * AE_SUBMIT_REPORT → AS_REPORT_SUBMITTED → AE_APPROVE_REPORT (the
 * coordinator, 8-و) → AS_REPORT_APPROVED → AE_PUBLISH_REPORT (the liaison
 * officer) → AS_PUBLISHED; AE_RETURN with a reason from either back to
 * AS_ANALYSIS); report_step adds the report's side of each step (who and
 * when in reports, the statistics, the notices).  A survey's or poll's
 * report takes the same steps; its own numbers are the survey code's.
 */
#ifndef SHAREK_REPORT_H
#define SHAREK_REPORT_H

#include "activity.h"
#include "workflow.h"

struct arena;
struct db;
struct actor;

/* The steps a member of staff takes from the report's page. */
enum report_event { RE_SUBMIT, RE_APPROVE, RE_PUBLISH, RE_RETURN, RE__MAX };
extern const char *const report_event_names[RE__MAX + 1];
/* The activity's event of each. */
extern const enum act_event report_event_ids[RE__MAX];

/* What the report says in both languages (NULL or "" for none): the
 * summary (statistics and main themes, 9-ج), how the results were used;
 * for surveys and polls the trends and their alignment with the
 * government's direction (9-هـ). */
struct report_texts {
	const char	*summary_ar, *summary_en;
	const char	*usage_ar, *usage_en;
	const char	*trends_ar, *trends_en;
	const char	*alignment_ar, *alignment_en;
};

/* The texts a report must have before it is submitted (report_missing):
 * the Arabic summary; for a survey or poll also how the results were
 * used, their trends and their alignment, in Arabic (art. 9-هـ). */
enum report_field { RF_SUMMARY_AR, RF_USAGE_AR, RF_TRENDS_AR,
	RF_ALIGNMENT_AR, RF__MAX };
/* The form fields (report_texts' names) and the message (msgid) of each
 * one missing, by enum. */
extern const char *const report_field_names[RF__MAX];
extern const char *const report_field_missing[RF__MAX];
/* Sets *missing to the bits (1 << enum report_field) of what the report
 * of activity still lacks: 0 (also for no report) or -1 on error. */
int	 report_missing(struct db *, struct arena *,
	    unsigned long long activity, unsigned *missing);

/* One article of the final document as the supervisor sends it. */
struct final_article {
	const char	*label;
	const char	*title_ar, *title_en;
	const char	*body_ar, *body_en;
	int		 removed;	/* left out of the final document */
};

/* Where an article of the final document stands against the consulted
 * one (report_articles.status). */
enum final_status { FS_UNCHANGED, FS_CHANGED, FS_ADDED, FS_REMOVED,
	FS__MAX };
extern const char *const final_status_names[FS__MAX + 1];
extern const char *const final_status_labels[FS__MAX];
enum final_status report_final_status(const char *);

/* Saves the texts of activity's report, in analysis, audited, inside the
 * caller's transaction: WF_OK, WF_NOT_FOUND, WF_CLOSED (not in
 * analysis), WF_ERROR. */
enum wf_result report_save(struct db *, struct arena *,
	    unsigned long long activity, const struct report_texts *,
	    const struct actor *);
/* Saves article raid of the final document (its status derived from
 * the consulted text), or adds one when raid is 0; in analysis only,
 * audited, inside the caller's transaction.  WF_OK, WF_NOT_FOUND,
 * WF_CLOSED, WF_ERROR. */
enum wf_result report_article_save(struct db *, struct arena *,
	    unsigned long long activity, unsigned long long raid,
	    const struct final_article *, const struct actor *);

/* The final document as a new PDF, a file the kernel already stored
 * under var/uploads: stored is its server name, name the one it was
 * sent with, sha256 its 32-byte hash.  Its uploads row and the report's
 * link to it, in analysis only, audited, inside the caller's
 * transaction.  WF_OK, WF_NOT_FOUND, WF_CLOSED, WF_ERROR. */
enum wf_result report_set_document(struct db *, struct arena *,
	    unsigned long long activity, const char *stored,
	    const char *name, const char *mime, unsigned long long size,
	    const unsigned char *sha256, const struct actor *);

/* A step of the review chain for activity's report, inside the caller's
 * transaction: the activity's transition (workflow_apply: state, role,
 * reason, workflow_events, audit), the report's state and who/when, the
 * statistics recomputed at submission and publication, and the notices:
 * the coordinators at submission, the liaison officers at the
 * coordinator's approval, the submitter at a return, every commenter at
 * publication (report_tell_commenters).  Submission needs the summary
 * in Arabic and a position on every published comment: WF_INCOMPLETE
 * with *problem (a msgid; {1} is *unanswered, the comments without
 * one).  Otherwise as workflow_apply. */
enum wf_result report_step(struct db *, struct arena *,
	    unsigned long long activity, enum report_event,
	    const struct actor *, const char *reason, const char **problem,
	    long long *unanswered);
/* One e-mail to each person who commented on activity, in the person's
 * language: what happened (the results are published), the entity's
 * position and reply on each of the person's own comments (or that it
 * was not published), the link to the results.  Inside the caller's
 * transaction; the number queued or -1. */
int	 report_tell_commenters(struct db *, struct arena *,
	    unsigned long long activity);

#endif
