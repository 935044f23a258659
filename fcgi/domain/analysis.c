/*
 * analysis.c — see analysis.h.
 */
#include <stddef.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "activity.h"
#include "analysis.h"
#include "arena.h"
#include "audit.h"
#include "calendar.h"
#include "conf.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "sql_gen.h"
#include "textnorm.h"
#include "workflow.h"

#ifndef N_
#define N_(s)	(s)
#endif

const char *const analysis_filter_names[AN_FILTER__MAX + 1] = {
	[CPOS_ACCEPTED] = "accepted", [CPOS_PARTIALLY] = "partially",
	[CPOS_REJECTED] = "rejected", [CPOS_NOTED] = "noted",
	[CPOS_OUT_OF_SCOPE] = "out_of_scope", [CPOS_DUPLICATE] = "duplicate",
	[AN_FILTER_NONE] = "none", [AN_FILTER_ADOPTED] = "adopted",
	[AN_FILTER__MAX] = NULL
};
const char *const analysis_filter_labels[AN_FILTER__MAX] = {
	[CPOS_ACCEPTED] = N_("Accepted"),
	[CPOS_PARTIALLY] = N_("Partly accepted"),
	[CPOS_REJECTED] = N_("Not accepted"), [CPOS_NOTED] = N_("Noted"),
	[CPOS_OUT_OF_SCOPE] = N_("Out of scope"),
	[CPOS_DUPLICATE] = N_("Duplicate of another comment"),
	[AN_FILTER_NONE] = N_("Not yet answered"),
	[AN_FILTER_ADOPTED] = N_("Accepted or partly accepted")
};

/* 64-bit FNV-1a. */
static uint64_t
fnv(const void *p, size_t n, uint64_t h)
{
	const unsigned char *s = p;

	while (n-- > 0) {
		h ^= *s++;
		h *= 0x100000001b3ULL;
	}
	return h;
}
#define FNV_START	0xcbf29ce484222325ULL

/* A well-mixed 64-bit permutation (splitmix64's finaliser). */
static uint64_t
mix(uint64_t x)
{
	x += 0x9e3779b97f4a7c15ULL;
	x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
	x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
	return x ^ (x >> 31);
}

/* Folds shingle hash x into the signature's minima. */
static void
sig_add(uint32_t *sig, uint64_t x)
{
	uint32_t v;
	int	 i;

	for (i = 0; i < ANALYSIS_MINHASH; i++) {
		v = (uint32_t)(mix(x ^ mix((uint64_t)i + 1)) >> 32);
		if (v < sig[i])
			sig[i] = v;
	}
}

void
analysis_fingerprint_text(struct arena *a, const char *text,
    struct fingerprint *fp)
{
	char		*norm = textnorm(a, text ? text : "", text ?
	    strlen(text) : 0);
	const char	*w0 = NULL, *w1, *p;
	size_t		 l0 = 0, l1;
	uint64_t	 h;
	int		 i, j;

	memset(fp, 0, sizeof(*fp));
	crypto_generichash(fp->norm_hash, sizeof(fp->norm_hash),
	    (const unsigned char *)norm, strlen(norm), NULL, 0);
	for (i = 0; i < ANALYSIS_MINHASH; i++)
		fp->sig[i] = UINT32_MAX;
	/* Word bigrams of the normalised text (words are separated by one
	 * space); a text of one word is its own shingle. */
	for (p = norm; *p != '\0'; ) {
		w1 = p;
		while (*p != '\0' && *p != ' ')
			p++;
		l1 = (size_t)(p - w1);
		while (*p == ' ')
			p++;
		if (l1 == 0)
			continue;
		fp->words++;
		if (w0 != NULL) {
			h = fnv(w0, l0, FNV_START);
			h = fnv(" ", 1, h);
			h = fnv(w1, l1, h);
			sig_add(fp->sig, h);
		}
		w0 = w1;
		l0 = l1;
	}
	if (fp->words == 1)
		sig_add(fp->sig, fnv(w0, l0, FNV_START));
	for (i = 0; i < ANALYSIS_BANDS; i++) {
		h = fnv(&i, sizeof(i), FNV_START);
		for (j = 0; j < ANALYSIS_ROWS; j++)
			h = fnv(&fp->sig[i * ANALYSIS_ROWS + j],
			    sizeof(uint32_t), h);
		/* BIGINT UNSIGNED, but kept below 2^63 for every client. */
		fp->band[i] = h >> 1;
	}
}

double
analysis_similarity(const uint32_t *x, const uint32_t *y)
{
	int	 i, same = 0;

	for (i = 0; i < ANALYSIS_MINHASH; i++)
		if (x[i] == y[i])
			same++;
	return (double)same / ANALYSIS_MINHASH;
}

double
analysis_threshold(void)
{
	const char	*s = conf_get("analysis", "near_threshold", NULL);
	double		 t;
	char		*end;

	if (s == NULL)
		return ANALYSIS_THRESHOLD;
	t = strtod(s, &end);
	if (end == s || t <= 0 || t > 1) {
		log_warnx("%s: bad [analysis] near_threshold, using %.2f",
		    __func__, ANALYSIS_THRESHOLD);
		return ANALYSIS_THRESHOLD;
	}
	return t;
}

/* The signature as stored: little-endian 32-bit minima. */
static void
sig_pack(const uint32_t *sig, unsigned char *out)
{
	int	 i;

	for (i = 0; i < ANALYSIS_MINHASH; i++) {
		out[4 * i] = (unsigned char)sig[i];
		out[4 * i + 1] = (unsigned char)(sig[i] >> 8);
		out[4 * i + 2] = (unsigned char)(sig[i] >> 16);
		out[4 * i + 3] = (unsigned char)(sig[i] >> 24);
	}
}

static int
sig_unpack(const unsigned char *in, size_t len, uint32_t *sig)
{
	int	 i;

	if (in == NULL || len != 4 * ANALYSIS_MINHASH)
		return -1;
	for (i = 0; i < ANALYSIS_MINHASH; i++)
		sig[i] = (uint32_t)in[4 * i] | (uint32_t)in[4 * i + 1] << 8 |
		    (uint32_t)in[4 * i + 2] << 16 |
		    (uint32_t)in[4 * i + 3] << 24;
	return 0;
}

int
analysis_fingerprint(struct db *db, struct arena *a,
    unsigned long long activity, unsigned long long id, const char *body)
{
	struct analysis_group g;

	if (analysis_group_find(db, a, activity, id, body, &g) == -1)
		return -1;
	return analysis_group_store(db, activity, id, &g);
}

/* Adds id to the oldest n (at most ANALYSIS_CANDIDATES) of ids, kept in
 * ascending order without repeats. */
static void
group_oldest(unsigned long long *ids, int *n, unsigned long long id)
{
	int	 i, j;

	for (i = 0; i < *n && ids[i] < id; i++)
		;
	if ((i < *n && ids[i] == id) || i == ANALYSIS_CANDIDATES)
		return;
	if (*n < ANALYSIS_CANDIDATES)
		(*n)++;
	for (j = *n - 1; j > i; j--)
		ids[j] = ids[j - 1];
	ids[i] = id;
}

int
analysis_group_find(struct db *db, struct arena *a,
    unsigned long long activity, unsigned long long id, const char *body,
    struct analysis_group *g)
{
	struct fingerprint *fp = &g->fp;
	struct dbres	*res;
	uint32_t	 other[ANALYSIS_MINHASH];
	unsigned long long ids[ANALYSIS_CANDIDATES], exact = 0;
	int		 per_band[ANALYSIS_BANDS] = { 0 };
	int		 i, n = 0, band;
	double		 t = analysis_threshold();

	g->grp = 0;
	g->kind = NULL;
	g->full = 0;
	analysis_fingerprint_text(a, body, fp);
	/* The same normalised text, and the entries of the band keys (one
	 * statement, an_group_keys): the oldest of them are the
	 * candidates, and a key with ANALYSIS_KEY_KEEP entries is full. */
	res = db_query(db, a, SQL_AN_GROUP_KEYS, DB_ARGS(
	    DB_U(activity, activity),
	    DB_B(hash, fp->norm_hash, sizeof(fp->norm_hash)), DB_U(id, id),
	    DB_U(b0, fp->band[0]),
	    DB_U(b1, fp->band[1]),
	    DB_U(b2, fp->band[2]),
	    DB_U(b3, fp->band[3]),
	    DB_U(b4, fp->band[4]),
	    DB_U(b5, fp->band[5]),
	    DB_U(b6, fp->band[6]),
	    DB_U(b7, fp->band[7]),
	    DB_U(b8, fp->band[8]),
	    DB_U(b9, fp->band[9]),
	    DB_U(b10, fp->band[10]),
	    DB_U(b11, fp->band[11]),
	    DB_U(b12, fp->band[12]),
	    DB_U(b13, fp->band[13]),
	    DB_U(b14, fp->band[14]),
	    DB_U(b15, fp->band[15]),
	    DB_U(b16, fp->band[16]),
	    DB_U(b17, fp->band[17]),
	    DB_U(b18, fp->band[18]),
	    DB_U(b19, fp->band[19])));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		band = (int)dbres_int(res, AN_GROUP_KEYS_BAND);
		if (band < 0) {
			exact = dbres_u(res, AN_GROUP_KEYS_COMMENT_ID);
			continue;
		}
		if (band >= ANALYSIS_BANDS)
			continue;
		if (++per_band[band] == ANALYSIS_KEY_KEEP)
			g->full |= 1ULL << band;
		group_oldest(ids, &n, dbres_u(res, AN_GROUP_KEYS_COMMENT_ID));
	}
	if (exact == 0 && n == 0)
		return 0;
	for (i = n; i < ANALYSIS_CANDIDATES; i++)
		ids[i] = 0;
	res = db_query(db, a, SQL_AN_GROUP_CANDIDATES, DB_ARGS(
	    DB_B(hash, fp->norm_hash, sizeof(fp->norm_hash)),
	    DB_U(c0, exact), DB_U(c1, ids[0]), DB_U(c2, ids[1]),
	    DB_U(c3, ids[2]), DB_U(c4, ids[3]), DB_U(c5, ids[4]),
	    DB_U(c6, ids[5]), DB_U(c7, ids[6]), DB_U(c8, ids[7])));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		if (dbres_int(res, AN_GROUP_CANDIDATES_EXACT)) {
			g->grp = dbres_u(res, AN_GROUP_CANDIDATES_GROUP_ID);
			g->kind = "exact";
			break;
		}
		/* A text with no word is only ever the same text. */
		if (fp->words == 0 || sig_unpack((const unsigned char *)
		    dbres_str(res, AN_GROUP_CANDIDATES_MINHASH), dbres_len(res,
		    AN_GROUP_CANDIDATES_MINHASH), other) == -1)
			continue;
		if (analysis_similarity(fp->sig, other) >= t) {
			g->grp = dbres_u(res, AN_GROUP_CANDIDATES_GROUP_ID);
			g->kind = "near";
			break;
		}
	}
	return 0;
}

void
analysis_group_pack(const struct analysis_group *g, struct analysis_packed *p)
{
	int	 i, k;

	sig_pack(g->fp.sig, p->sig);
	p->nbands = 0;
	if (g->fp.words == 0)
		return;
	for (i = 0; i < ANALYSIS_BANDS; i++)
		for (k = 0; k < 8; k++)
			p->bands[p->nbands++] =
			    (unsigned char)(g->fp.band[i] >> (8 * (7 - k)));
}

int
analysis_group_store(struct db *db, unsigned long long activity,
    unsigned long long id, const struct analysis_group *g)
{
	struct analysis_packed p;

	analysis_group_pack(g, &p);
	if (db_exec(db, SQL_AN_FP_STORE, DB_ARGS(DB_U(activity, activity),
	    DB_U(id, id), DB_B(hash, g->fp.norm_hash, sizeof(g->fp.norm_hash)),
	    DB_B(sig, p.sig, sizeof(p.sig)), DB_U(grp, g->grp),
	    DB_S(kind, g->kind), DB_B(bands, p.bands, p.nbands),
	    DB_U(full, g->full))) < 0 &&
	    db_errno(db) != 0)
		return -1;
	return 0;
}

static int	analysis_pending(struct db *, struct arena *, int);

int
analysis_reindex(struct db *db, struct arena *a)
{
	struct arena	*b;
	struct dbres	*res;
	unsigned long long after = 0;
	int		 n = 0, rows;

	/* Each batch in an arena of its own, let go before the next, and
	 * read on from the last id: an import of millions of comments is
	 * fingerprinted in flat memory and one pass over the table (each
	 * batch read from the start again, 823,500 comments took 2.6 GB
	 * and over 20 minutes of sharekctl migrate). */
	b = arena_new(64 * 1024);
	do {
		arena_reset(b);
		res = db_query(db, b, SQL_AN_UNINDEXED, DB_ARGS(
		    DB_U(after, after), DB_I(limit, ANALYSIS_INDEX_BATCH)));
		if (res == NULL) {
			arena_free(b);
			return -1;
		}
		rows = 0;
		while (dbres_next(res)) {
			after = dbres_u(res, AN_UNINDEXED_ID);
			if (analysis_fingerprint(db, b,
			    dbres_u(res, AN_UNINDEXED_ACTIVITY_ID), after,
			    dbres_str(res, AN_UNINDEXED_BODY)) == -1) {
				arena_free(b);
				return -1;
			}
			rows++;
			n++;
		}
	} while (rows == ANALYSIS_INDEX_BATCH);
	arena_free(b);
	/* Reports made by an import or the demo seed get their parts and
	 * statistics now rather than at the next tick. */
	if (analysis_pending(db, a, 0) < 0)
		return -1;
	return n;
}

enum position_problem
analysis_position_check(const struct position_input *in)
{
	int	 blank = in->reply_ar == NULL || in->reply_ar[0] == '\0';

	if (in->position == CPOS_DUPLICATE)
		return in->duplicate_of == 0 ? PP_DUPLICATE_NEEDED : PP_OK;
	if (in->position == CPOS_REJECTED && blank)
		return PP_REASON_NEEDED;
	return blank ? PP_REPLY_NEEDED : PP_OK;
}

long long
analysis_count(struct dbres *res)
{
	if (res == NULL)
		return -1;
	return dbres_next(res) ? dbres_int(res, COUNT_N) : 0;
}

enum an_result
analysis_set_positions(struct db *db, struct arena *a,
    unsigned long long activity, const unsigned long long *groups, int n,
    const struct position_input *in, const struct actor *who,
    long long *changed)
{
	enum act_state	 st;
	long long	 k;
	int		 i, j;

	*changed = 0;
	switch (workflow_lock(db, a, activity, &st)) {
	case WF_OK:
		break;
	case WF_NOT_FOUND:
		return AN_NOT_FOUND;
	default:
		return AN_ERROR;
	}
	if (st != AS_ANALYSIS)
		return AN_NOT_ANALYSIS;
	if (in->position == CPOS_DUPLICATE) {
		k = analysis_count(db_query(db, a, SQL_AN_COMMENT_OF, DB_ARGS(
		    DB_U(id, in->duplicate_of), DB_U(activity, activity))));
		if (k < 0)
			return AN_ERROR;
		if (k == 0)
			return AN_BAD_DUPLICATE;
		for (i = 0; i < n; i++)
			if (groups[i] == in->duplicate_of)
				return AN_BAD_DUPLICATE;
	}
	for (j = 0; j < in->ntopics; j++) {
		k = analysis_count(db_query(db, a, SQL_AN_TOPIC_OF, DB_ARGS(
		    DB_U(topic, in->topics[j]), DB_U(activity, activity))));
		if (k < 0)
			return AN_ERROR;
		if (k == 0)
			return AN_BAD_TOPIC;
	}
	for (i = 0; i < n; i++) {
		k = db_exec(db, SQL_AN_POSITION_SET, DB_ARGS(
		    DB_S(position, comment_position_names[in->position]),
		    DB_S(reply_ar, in->reply_ar && *in->reply_ar ?
		    in->reply_ar : NULL),
		    DB_S(reply_en, in->reply_en && *in->reply_en ?
		    in->reply_en : NULL),
		    DB_U(dup, in->position == CPOS_DUPLICATE ?
		    in->duplicate_of : 0),
		    DB_U(user, who->user_id), DB_U(activity, activity),
		    DB_U(grp, groups[i])));
		if (k < 0)
			return AN_ERROR;
		*changed += k;
		if (db_exec(db, SQL_AN_TOPICS_CLEAR, DB_ARGS(
		    DB_U(activity, activity), DB_U(grp, groups[i]))) < 0)
			return AN_ERROR;
		for (j = 0; j < in->ntopics; j++)
			if (db_exec(db, SQL_AN_TOPIC_ADD, DB_ARGS(
			    DB_U(topic, in->topics[j]),
			    DB_U(activity, activity),
			    DB_U(grp, groups[i]))) < 0)
				return AN_ERROR;
	}
	if (analysis_stats_refresh(db, a, activity) == -1)
		return AN_ERROR;
	if (audit_record(db, who, "analysis.position", "activity", activity,
	    arena_printf(a, "%s: %d groups, %lld comments",
	    comment_position_names[in->position], n, *changed)) == -1)
		return AN_ERROR;
	return AN_OK;
}

enum an_result
analysis_add_topic(struct db *db, struct arena *a, unsigned long long activity,
    const char *title_ar, const char *title_en, const struct actor *who)
{
	enum act_state	 st;

	switch (workflow_lock(db, a, activity, &st)) {
	case WF_OK:
		break;
	case WF_NOT_FOUND:
		return AN_NOT_FOUND;
	default:
		return AN_ERROR;
	}
	if (st != AS_ANALYSIS)
		return AN_NOT_ANALYSIS;
	if (db_exec(db, SQL_AN_TOPIC_INSERT, DB_ARGS(DB_U(activity, activity),
	    DB_S(kind, "added"), DB_S(title_ar, title_ar),
	    DB_S(title_en, title_en ? title_en : ""))) != 1)
		return AN_ERROR;
	if (audit_record(db, who, "analysis.theme", "activity", activity,
	    title_ar) == -1)
		return AN_ERROR;
	return AN_OK;
}

/* The next line of *s (NULL at the end), trimmed; advances *s. */
static char *
next_line(struct arena *a, const char **s)
{
	const char	*p = *s, *e;

	while (p != NULL && *p != '\0') {
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		*s = *e ? e + 1 : e;
		while (p < e && (*p == ' ' || *p == '\t' || *p == '\r' ||
		    *p == '-' || *p == '*'))
			p++;
		while (e > p && (e[-1] == ' ' || e[-1] == '\t' ||
		    e[-1] == '\r'))
			e--;
		if (e > p)
			return arena_strndup(a, p, (size_t)(e - p > 300 ? 300 :
			    e - p));
		p = *s;
	}
	*s = p;
	return NULL;
}

int
analysis_start(struct db *db, struct arena *a, unsigned long long activity)
{
	struct dbres	*res;
	const char	*ar, *en;
	char		*lar, *len;
	long long	 n;

	if (db_exec(db, SQL_AN_REPORT_CREATE, DB_ARGS(
	    DB_U(activity, activity))) < 0 ||
	    db_exec(db, SQL_AN_TOPICS_FROM_ARTICLES, DB_ARGS(
	    DB_U(activity, activity))) < 0 ||
	    db_exec(db, SQL_AN_FINAL_FROM_ARTICLES, DB_ARGS(
	    DB_U(activity, activity))) < 0)
		return -1;
	/* One theme per line of the objectives, Arabic and English lines
	 * paired in order. */
	n = analysis_count(db_query(db, a, SQL_AN_TOPICS_OBJECTIVES, DB_ARGS(
	    DB_U(activity, activity))));
	if (n < 0)
		return -1;
	if (n == 0) {
		res = db_query(db, a, SQL_AN_ACTIVITY_OBJECTIVES, DB_ARGS(
		    DB_U(activity, activity)));
		if (res == NULL)
			return -1;
		if (dbres_next(res)) {
			ar = dbres_str(res, AN_ACTIVITY_OBJECTIVES_OBJECTIVES_AR);
			en = dbres_str(res, AN_ACTIVITY_OBJECTIVES_OBJECTIVES_EN);
			while ((lar = next_line(a, &ar)) != NULL) {
				len = next_line(a, &en);
				if (db_exec(db, SQL_AN_TOPIC_INSERT, DB_ARGS(
				    DB_U(activity, activity),
				    DB_S(kind, "objective"),
				    DB_S(title_ar, lar),
				    DB_S(title_en, len ? len : ""))) < 0)
					return -1;
			}
		}
	}
	return analysis_stats_refresh(db, a, activity);
}

int
analysis_stats_refresh(struct db *db, struct arena *a,
    unsigned long long activity)
{
	static const int steps[] = {
		SQL_AN_STATS_CLEAR, SQL_AN_STATS_COUNTS, SQL_AN_STATS_GROUPS,
		SQL_AN_STATS_ARTICLES, SQL_AN_STATS_POSITIONS,
		SQL_AN_STATS_TOPICS
	};
	size_t		 i;

	(void)a;
	for (i = 0; i < sizeof(steps) / sizeof(steps[0]); i++)
		if (db_exec(db, steps[i], DB_ARGS(
		    DB_U(activity, activity))) < 0)
			return -1;
	if (db_exec(db, SQL_AN_STATS_GROUP_SIZES, DB_ARGS(
	    DB_U(activity, activity), DB_I(limit, ANALYSIS_GROUPS_KEPT))) < 0 ||
	    db_exec(db, SQL_AN_STATS_TOPICS_REPORT, DB_ARGS(
	    DB_U(activity, activity))) < 0 ||
	    db_exec(db, SQL_AN_STATS_DONE, DB_ARGS(
	    DB_U(activity, activity))) < 0 ||
	    db_exec(db, SQL_AN_STATS_RESPONDENTS, DB_ARGS(
	    DB_U(activity, activity))) < 0)
		return -1;
	return 0;
}

time_t
analysis_report_due(const struct calendar *cal, time_t closes_at)
{
	return calendar_add_workdays(cal, closes_at, ACT_RESULTS_WORKDAYS);
}

int
analysis_days_late(const struct calendar *cal, time_t due, time_t now)
{
	if (now <= due)
		return 0;
	return calendar_workdays_between(cal, due, now);
}

/* Starts what is pending: with close set, the analysis of closed
 * activities (the system's AE_START_ANALYSIS); always, the report and
 * statistics of activities in analysis or after that have none yet.
 * Each in its own transaction; the number done, or -1. */
static int
analysis_pending(struct db *db, struct arena *a, int close)
{
	struct dbres	*res;
	struct actor	 sys = { 0, "system", 0, NULL };
	const char	*problem;
	int		 n = 0, ok;

	res = db_query(db, a, SQL_AN_TICK_START, DB_ARGS(
	    DB_I(limit, ANALYSIS_TICK_BATCH)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		unsigned long long id = dbres_u(res, AN_TICK_START_ID);
		enum act_state st = activity_state(dbres_str(res,
		    AN_TICK_START_STATE));

		if (st == AS_CLOSED && !close)
			continue;
		if (db_begin(db) == -1)
			return -1;
		ok = (st != AS_CLOSED || workflow_apply(db, a, id,
		    AE_START_ANALYSIS, &sys, NULL, &problem) == WF_OK) &&
		    (st == AS_PUBLISHED || st == AS_REPORT_SUBMITTED ||
		    st == AS_REPORT_APPROVED ?
		    analysis_stats_refresh(db, a, id) :
		    analysis_start(db, a, id)) == 0;
		if (ok) {
			if (db_commit(db) == -1)
				return -1;
			n++;
		} else
			db_rollback(db);
	}
	return n;
}

int
analysis_tick(struct db *db, struct arena *a)
{
	struct dbres	*res;
	struct calendar	*cal;
	time_t		 now = time(NULL), due;
	int		 n, late;

	/* The analysis starts when the consultation closes; a report made
	 * before this code (no statistics yet) gets its parts too. */
	if ((n = analysis_pending(db, a, 1)) < 0)
		return -1;

	cal = arena_alloc(a, sizeof(*cal));
	if (calendar_load(db, a, cal) == -1)
		return -1;
	res = db_query(db, a, SQL_AN_TICK_OWED, DB_ARGS(
	    DB_I(limit, ANALYSIS_OWED_MAX)));
	if (res == NULL)
		return -1;
	while (dbres_next(res)) {
		due = analysis_report_due(cal, dbres_time(res,
		    AN_TICK_OWED_CLOSES_AT));
		late = analysis_days_late(cal, due, now);
		if (!dbres_isnull(res, AN_TICK_OWED_REPORT_DUE_AT) &&
		    dbres_time(res, AN_TICK_OWED_REPORT_DUE_AT) == due &&
		    dbres_int(res, AN_TICK_OWED_REPORT_DAYS_LATE) == late)
			continue;
		if (db_exec(db, SQL_AN_DEADLINE_SET, DB_ARGS(
		    DB_I(due_unix, due), DB_I(late, late),
		    DB_U(id, dbres_u(res, AN_TICK_OWED_ID)))) < 0)
			return -1;
		n++;
	}
	return n;
}

int
analysis_stats_load(struct db *db, struct arena *a, unsigned long long activity,
    const char *lang, struct an_stats *st)
{
	static const struct { const char *name; size_t off; } counts[] = {
		{ "participants", offsetof(struct an_stats, participants) },
		{ "natural", offsetof(struct an_stats, natural) },
		{ "legal", offsetof(struct an_stats, legal) },
		{ "former", offsetof(struct an_stats, former) },
		{ "received", offsetof(struct an_stats, received) },
		{ "published", offsetof(struct an_stats, published) },
		{ "rejected", offsetof(struct an_stats, rejected) },
		{ "pending", offsetof(struct an_stats, pending) },
		{ "groups", offsetof(struct an_stats, groups) },
		{ "grouped", offsetof(struct an_stats, grouped) },
	};
	struct dbres	*res;
	const char	*dim, *name, *label;
	struct chart_bar *b;
	long long	 v;
	int		 rows, pos;
	size_t		 i;

	memset(st, 0, sizeof(*st));
	res = db_query(db, a, SQL_AN_STATS_GET, DB_ARGS(
	    DB_U(activity, activity)));
	if (res == NULL)
		return -1;
	rows = dbres_rows(res) + 1;
	st->articles = arena_zalloc(a, sizeof(*b) * (size_t)rows);
	st->topics = arena_zalloc(a, sizeof(*b) * (size_t)rows);
	st->positions = arena_zalloc(a, sizeof(*b) * (CPOS__MAX + 1));
	st->sizes = arena_zalloc(a, sizeof(*b) * (size_t)rows);
	st->article_ids = arena_zalloc(a, sizeof(*st->article_ids) *
	    (size_t)rows);
	st->topic_ids = arena_zalloc(a, sizeof(*st->topic_ids) * (size_t)rows);
	st->group_ids = arena_zalloc(a, sizeof(*st->group_ids) * (size_t)rows);
	while (dbres_next(res)) {
		st->computed = 1;
		dim = dbres_str(res, AN_STATS_GET_DIM);
		name = dbres_str(res, AN_STATS_GET_NAME);
		v = dbres_int(res, AN_STATS_GET_N);
		if (strcmp(dim, "count") == 0) {
			for (i = 0; i < sizeof(counts) / sizeof(counts[0]); i++)
				if (strcmp(name, counts[i].name) == 0)
					*(long long *)((char *)st +
					    counts[i].off) = v;
		} else if (strcmp(dim, "article") == 0) {
			b = &st->articles[st->narticles];
			st->article_ids[st->narticles++] = dbres_u(res,
			    AN_STATS_GET_REF);
			label = workflow_pick(lang, dbres_str(res,
			    AN_STATS_GET_ARTICLE_AR), dbres_str(res,
			    AN_STATS_GET_ARTICLE_EN));
			b->label = dbres_u(res, AN_STATS_GET_REF) == 0 ?
			    i18n_get(lang, "The whole document") :
			    arena_printf(a, "%s %s", dbres_str(res,
			    AN_STATS_GET_NUMBER_LABEL) ? dbres_str(res,
			    AN_STATS_GET_NUMBER_LABEL) : "", label);
			b->value = v;
		} else if (strcmp(dim, "topic") == 0) {
			b = &st->topics[st->ntopics];
			st->topic_ids[st->ntopics++] = dbres_u(res,
			    AN_STATS_GET_REF);
			b->label = workflow_pick(lang, dbres_str(res,
			    AN_STATS_GET_TOPIC_AR), dbres_str(res,
			    AN_STATS_GET_TOPIC_EN));
			b->value = v;
		} else if (strcmp(dim, "position") == 0) {
			pos = comment_position(name);
			b = &st->positions[st->npositions++];
			b->label = i18n_get(lang, pos == CPOS__MAX ?
			    "Not yet answered" : comment_position_labels[pos]);
			b->value = v;
		} else if (strcmp(dim, "group") == 0) {
			b = &st->sizes[st->nsizes];
			st->group_ids[st->nsizes++] = dbres_u(res,
			    AN_STATS_GET_REF);
			b->label = dbres_str(res, AN_STATS_GET_GROUP_BODY);
			b->value = v;
		}
	}
	return 0;
}
