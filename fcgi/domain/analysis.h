/*
 * analysis.h — the analysis of a closed activity (Tawasul art. 9-ج):
 * campaign groups of identical and near-identical comments, fingerprinted
 * when a comment is stored; the entity's position and themes for a
 * selection of groups; the statistics, computed by the system into
 * report_stats; the report's deadline of 20 working days after closing,
 * kept current by `sharekctl tick`.  The report itself (its texts, the
 * final document, the review chain, publication) is report.h.
 *
 * Similarity (issue 11): a comment's text is normalised by textnorm()
 * (the search normalisation: hamza forms, taa marbuta, diacritics,
 * digits, case; any run of spaces and punctuation is one space).  Two
 * comments are identical when the SHA-256 of that text is equal.  They
 * are near-identical when the Jaccard similarity of their sets of word
 * bigrams, estimated by a MinHash signature of ANALYSIS_MINHASH minima,
 * is at least [analysis] near_threshold (default 0.6; one changed word
 * in a template of 25 changes two of its 24 bigrams: 0.85).  Candidates
 * are found by locality-sensitive hashing: ANALYSIS_BANDS bands of
 * ANALYSIS_ROWS minima, each hashed to a key in the indexed table
 * comment_bands, so storing a comment costs one indexed look-up and at
 * most ANALYSIS_CANDIDATES signature comparisons, whatever the number of
 * comments.  A comment joins the group of the first candidate that
 * passes (groups are keyed by their first comment's id).  A key keeps
 * its first ANALYSIS_KEY_KEEP entries only, so the look-up reads at most
 * ANALYSIS_BANDS x ANALYSIS_KEY_KEEP entries and the table grows with
 * the distinct texts, not with a campaign's comments.
 */
#ifndef SHAREK_ANALYSIS_H
#define SHAREK_ANALYSIS_H

#include <stdint.h>
#include <time.h>

#include "comment.h"

struct arena;
struct db;
struct actor;
struct calendar;

#define ANALYSIS_BANDS		20
#define ANALYSIS_ROWS		3
#define ANALYSIS_MINHASH	(ANALYSIS_BANDS * ANALYSIS_ROWS)
#define ANALYSIS_CANDIDATES	8
/* The entries a band key keeps (migration 0037): the candidates, and the
 * comment itself when it is fingerprinted again; no later entry can be
 * among a comment's ANALYSIS_CANDIDATES oldest. */
#define ANALYSIS_KEY_KEEP	(ANALYSIS_CANDIDATES + 1)
#define ANALYSIS_THRESHOLD	0.6	/* [analysis] near_threshold */
#define ANALYSIS_GROUPS_KEPT	100	/* largest groups in the statistics */
#define ANALYSIS_INDEX_BATCH	500
#define ANALYSIS_TICK_BATCH	200
#define ANALYSIS_OWED_MAX	10000	/* reports owed at once, all entities */

/* The fingerprint of one text. */
struct fingerprint {
	unsigned char	 norm_hash[32];	/* of textnorm(text) */
	uint32_t	 sig[ANALYSIS_MINHASH];	/* UINT32_MAX: no word */
	uint64_t	 band[ANALYSIS_BANDS];
	int		 words;		/* 0: nothing to compare */
};

/* Computes the fingerprint of text (temporary memory from a). */
void	 analysis_fingerprint_text(struct arena *, const char *text,
	    struct fingerprint *);
/* The estimated Jaccard similarity of two signatures, 0..1. */
double	 analysis_similarity(const uint32_t *, const uint32_t *);
/* The configured threshold of near-identical comments. */
double	 analysis_threshold(void);

/* A text's fingerprint and the group it joins (analysis_group_find). */
struct analysis_group {
	struct fingerprint fp;
	unsigned long long grp;		/* 0: a group of its own */
	const char	*kind;		/* "exact", "near" or NULL */
	unsigned long long full;	/* bit i: band i's key is full (0037) */
};

/* Fingerprints comment id of activity (its body) and puts it in its
 * group: the same normalised text as an earlier comment (exact), else
 * the first candidate at least as similar as the threshold (near), else
 * a group of its own — inside the caller's transaction.  0 or -1.  It is
 * analysis_group_find then analysis_group_store. */
int	 analysis_fingerprint(struct db *, struct arena *,
	    unsigned long long activity, unsigned long long id,
	    const char *body);
/* The first half, which only reads: body's fingerprint and the group
 * of the earlier comments of activity (id, 0 for one not yet stored, is
 * not one of them) it joins.  comment_submit runs it before it takes the
 * activity's row, so that the searching is not done one comment at a
 * time.  Two statements at most: the keys' entries, then the candidates
 * (none when no key has an entry).  0 or -1. */
int	 analysis_group_find(struct db *, struct arena *,
	    unsigned long long activity, unsigned long long id,
	    const char *body, struct analysis_group *);
/* A found group's fingerprint as the database keeps it: the signature
 * and the band keys (8 bytes each, big-endian; none for a text with no
 * word), for the procedures comment_fp_store and comment_store. */
struct analysis_packed {
	unsigned char	 sig[4 * ANALYSIS_MINHASH];
	unsigned char	 bands[8 * ANALYSIS_BANDS];
	size_t		 nbands;	/* bytes of bands */
};
void	 analysis_group_pack(const struct analysis_group *,
	    struct analysis_packed *);
/* The second: stores comment id's fingerprint and group.  0 or -1. */
int	 analysis_group_store(struct db *, unsigned long long activity,
	    unsigned long long id, const struct analysis_group *);
/* Fingerprints every comment stored before fingerprints existed, the
 * oldest first; returns how many, or -1.  Run by `sharekctl reindex`
 * (and migrate, seed-demo) through workflow_reindex. */
int	 analysis_reindex(struct db *, struct arena *);

/* The entity's position on a selection of groups. */
struct position_input {
	enum comment_position	 position;
	const char		*reply_ar, *reply_en;
	unsigned long long	 duplicate_of;	/* CPOS_DUPLICATE */
	const unsigned long long *topics;	/* themes; replace the old */
	int			 ntopics;
};

/* The position filter of the comment lists (staff and public): each
 * position by its enum, then AN_FILTER_NONE (not yet answered) and
 * AN_FILTER_ADOPTED (accepted or partly accepted: the comments that led
 * to a change) — the names an_groups_page's :position takes; labels
 * (msgids) by the same index. */
#define AN_FILTER_NONE		CPOS__MAX
#define AN_FILTER_ADOPTED	(CPOS__MAX + 1)
#define AN_FILTER__MAX		(CPOS__MAX + 2)
extern const char *const analysis_filter_names[AN_FILTER__MAX + 1];
extern const char *const analysis_filter_labels[AN_FILTER__MAX];

/* What is wrong with a position before it is written (each names one
 * field of the form). */
enum position_problem {
	PP_OK,
	PP_REASON_NEEDED,	/* not accepted: the reply is the reason */
	PP_REPLY_NEEDED,	/* the Arabic reply */
	PP_DUPLICATE_NEEDED,	/* a duplicate names the comment */
};
enum position_problem analysis_position_check(const struct position_input *);

enum an_result {
	AN_OK,
	AN_NOT_FOUND,
	AN_NOT_ANALYSIS,	/* positions only while in analysis */
	AN_BAD_DUPLICATE,	/* not a published comment of the activity,
				   or one of the selection */
	AN_BAD_TOPIC,
	AN_ERROR
};

/* Sets the position, replies and themes of every published comment of
 * each group in groups[0..n) of activity (a group is answered once for
 * all its members), records who and when, recomputes the statistics and
 * audits — inside the caller's transaction.  *changed gets the number of
 * comments changed.  The activity must be in analysis. */
enum an_result analysis_set_positions(struct db *, struct arena *,
	    unsigned long long activity, const unsigned long long *groups,
	    int n, const struct position_input *, const struct actor *,
	    long long *changed);
/* Adds a theme of the supervisor's to activity's report, in analysis. */
enum an_result analysis_add_topic(struct db *, struct arena *,
	    unsigned long long activity, const char *title_ar,
	    const char *title_en, const struct actor *);

/* Makes what the analysis of activity works on, once: the report row,
 * the themes (one per article and per line of the objectives), the
 * final document as a copy of the consulted articles, the statistics.
 * Inside the caller's transaction; 0 or -1. */
int	 analysis_start(struct db *, struct arena *, unsigned long long activity);
/* Recomputes the statistics of activity (report_stats, the report's
 * topics' contributions and participants_count).  0 or -1. */
int	 analysis_stats_refresh(struct db *, struct arena *,
	    unsigned long long activity);
/* The n of a one-row statement of shape "count" (sql/queries/analysis.sql,
 * report.sql): 0 without a row, -1 when res is NULL (an error). */
struct dbres;
long long analysis_count(struct dbres *);

/* The statistics of an activity as the pages draw them (report_stats,
 * one statement), labels already in lang; arena-owned. */
#include "chart.h"
struct an_stats {
	long long		 participants, natural, legal, former;
	long long		 received, published, rejected, pending;
	long long		 groups, grouped;	/* campaign groups */
	struct chart_bar	*articles, *topics, *positions, *sizes;
	unsigned long long	*article_ids, *topic_ids, *group_ids;
	int			 narticles, ntopics, npositions, nsizes;
	int			 computed;	/* 0: never computed yet */
};
int	 analysis_stats_load(struct db *, struct arena *,
	    unsigned long long activity, const char *lang, struct an_stats *);

/* Art. 9-ج: the report is due on the 20th working day after closing
 * (ACT_RESULTS_WORKDAYS), at the time of day it closed; it is late on
 * each working day after that day (0: not late). */
time_t	 analysis_report_due(const struct calendar *, time_t closes_at);
int	 analysis_days_late(const struct calendar *, time_t due, time_t now);

/* The scheduled work: starts the analysis of closed activities (the
 * system's AE_START_ANALYSIS, then analysis_start), makes the report of
 * those in analysis that have none, and keeps every owed report's
 * deadline and days late current on the calendar as it is now.  Returns
 * the number of activities changed, or -1. */
int	 analysis_tick(struct db *, struct arena *);

#endif
