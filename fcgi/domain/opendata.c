/*
 * opendata.c — see opendata.h.
 */
#include <stdlib.h>
#include <string.h>

#include "activity.h"
#include "arena.h"
#include "db.h"
#include "i18n.h"
#include "log.h"
#include "opendata.h"
#include "sql_gen.h"

#define N_(s)	(s)

const char *const od_format_names[ODF__MAX] = {
	[ODF_CSV] = "csv",
	[ODF_JSON] = "json",
	[ODF_XML] = "xml",
};

const char *const od_type_names[ODT__MAX] = {
	[ODT_INT] = "integer",
	[ODT_STR] = "string",
	[ODT_DATETIME] = "datetime",
	[ODT_MONTH] = "gYearMonth",
	[ODT_DECIMAL] = "decimal",
};

/* In the statements' column order (a column added to a statement
 * without its meaning here fails test_opendata); .src is the statement's
 * column, by its generated name, .part a half of it (opendata.h).  The
 * comments' themes come in one column and are written as two. */
static const struct od_col comment_cols[] = {
	{ "id", ODT_INT,
	    N_("Number of the comment, unique on the portal"),
	    OD_COMMENTS_ID, 0 },
	{ "article_id", ODT_INT,
	    N_("Number of the article commented on; empty for the whole document"),
	    OD_COMMENTS_ARTICLE_ID, 0 },
	{ "article", ODT_STR,
	    N_("Label of the article commented on, as the document numbers it"),
	    OD_COMMENTS_ARTICLE, 0 },
	{ "received_at", ODT_DATETIME,
	    N_("When the comment was received (UTC)"),
	    OD_COMMENTS_RECEIVED_AT, 0 },
	{ "author_type", ODT_STR,
	    N_("Who wrote it: natural_person, legal_person, or unknown once the account was deleted; never a name or a contact"),
	    OD_COMMENTS_AUTHOR_TYPE, 0 },
	{ "body", ODT_STR,
	    N_("The comment as published after moderation"),
	    OD_COMMENTS_BODY, 0 },
	{ "position", ODT_STR,
	    N_("The entity's position on the comment: accepted, partially, rejected, noted, out_of_scope or duplicate; empty when none was given"),
	    OD_COMMENTS_POSITION, 0 },
	{ "duplicate_of", ODT_INT,
	    N_("For a comment answered as a duplicate: the number of the comment it repeats"),
	    OD_COMMENTS_DUPLICATE_OF, 0 },
	{ "reply_ar", ODT_STR,
	    N_("The entity's reply in Arabic"),
	    OD_COMMENTS_REPLY_AR, 0 },
	{ "reply_en", ODT_STR,
	    N_("The entity's reply in English"),
	    OD_COMMENTS_REPLY_EN, 0 },
	{ "group_id", ODT_INT,
	    N_("Campaign group: the number of the first comment in the same or nearly the same words (its own number for a comment alone)"),
	    OD_COMMENTS_GROUP_ID, 0 },
	{ "themes_ar", ODT_STR,
	    N_("The themes of the analysis the comment was given, in Arabic, separated by \" | \""),
	    OD_COMMENTS_THEMES, 1 },
	{ "themes_en", ODT_STR,
	    N_("The themes of the analysis the comment was given, in English, separated by \" | \""),
	    OD_COMMENTS_THEMES, 2 },
	{ "modified_at", ODT_DATETIME,
	    N_("When the row last changed: received, moderated or given a position (UTC)"),
	    OD_COMMENTS_MODIFIED_AT, 0 },
};

static const struct od_col option_cols[OD_OPTIONS__MAX] = {
	[OD_OPTIONS_QUESTION_ID] = { "question_id", ODT_INT,
	    N_("Number of the question, unique on the portal"),
	    OD_OPTIONS_QUESTION_ID },
	[OD_OPTIONS_SECTION_POSITION] = { "section_position", ODT_INT,
	    N_("Place of the question's section in the form; empty for a question outside the sections"),
	    OD_OPTIONS_SECTION_POSITION },
	[OD_OPTIONS_QUESTION_POSITION] = { "question_position", ODT_INT,
	    N_("Place of the question in its section"),
	    OD_OPTIONS_QUESTION_POSITION },
	[OD_OPTIONS_KIND] = { "kind", ODT_STR,
	    N_("Kind of question: single, multiple, ranking, matrix, answered by a value (yesno, scale, number), or in free text (text, longtext, date)"),
	    OD_OPTIONS_KIND },
	[OD_OPTIONS_QUESTION_AR] = { "question_ar", ODT_STR,
	    N_("The question in Arabic"),
	    OD_OPTIONS_QUESTION_AR },
	[OD_OPTIONS_QUESTION_EN] = { "question_en", ODT_STR,
	    N_("The question in English"),
	    OD_OPTIONS_QUESTION_EN },
	[OD_OPTIONS_OPTION_ID] = { "option_id", ODT_INT,
	    N_("Number of the answer, unique on the portal"),
	    OD_OPTIONS_OPTION_ID },
	[OD_OPTIONS_OPTION_POSITION] = { "option_position", ODT_INT,
	    N_("Place of the answer under its question"),
	    OD_OPTIONS_OPTION_POSITION },
	[OD_OPTIONS_OPTION_AR] = { "option_ar", ODT_STR,
	    N_("The answer in Arabic (of a question answered by a value: the value as the results page labels it)"),
	    OD_OPTIONS_OPTION_AR },
	[OD_OPTIONS_OPTION_EN] = { "option_en", ODT_STR,
	    N_("The answer in English (of a question answered by a value: the value as the results page labels it)"),
	    OD_OPTIONS_OPTION_EN },
	[OD_OPTIONS_VOTES] = { "votes", ODT_INT,
	    N_("How many participants chose this answer (of a ranking: how many put it first; of a matrix: in every row; of a question answered by a value: how many answered that value)"),
	    OD_OPTIONS_VOTES },
	[OD_OPTIONS_ANSWERED] = { "answered", ODT_INT,
	    N_("How many participants answered the question; empty for results kept before the answers were counted"),
	    OD_OPTIONS_ANSWERED },
	[OD_OPTIONS_VALUE] = { "value", ODT_INT,
	    N_("The value answered, for a question answered by a value: yes 1, no 0, a point of a scale, a number; empty on the other rows"),
	    OD_OPTIONS_VALUE },
	[OD_OPTIONS_MEAN] = { "mean", ODT_DECIMAL,
	    N_("Of a scale or number question, on each of its rows: the mean of the values answered, to two decimals, as the results page shows it; empty when nobody answered"),
	    OD_OPTIONS_MEAN },
	[OD_OPTIONS_MEDIAN] = { "median", ODT_DECIMAL,
	    N_("Of a scale or number question, on each of its rows: the median of the values answered, as the results page shows it; empty when nobody answered"),
	    OD_OPTIONS_MEDIAN },
	[OD_OPTIONS_TEXT] = { "text", ODT_STR,
	    N_("A free-text answer, published after moderation (one row each, without an answer number or votes); empty on the rows of fixed answers"),
	    OD_OPTIONS_TEXT },
};

static const struct od_col register_cols[OD_REGISTER__MAX] = {
	[OD_REGISTER_ID] = { "id", ODT_INT,
	    N_("Number of the activity, unique on the portal"),
	    OD_REGISTER_ID },
	[OD_REGISTER_KIND] = { "kind", ODT_STR,
	    N_("Kind of activity: consultation, survey or poll"),
	    OD_REGISTER_KIND },
	[OD_REGISTER_STATE] = { "state", ODT_STR,
	    N_("Stage: open, closed, analysis, report_submitted, report_approved or published"),
	    OD_REGISTER_STATE },
	[OD_REGISTER_ENTITY_ID] = { "entity_id", ODT_INT,
	    N_("Number of the government entity that runs it"),
	    OD_REGISTER_ENTITY_ID },
	[OD_REGISTER_ENTITY] = { "entity", ODT_STR,
	    N_("Short name (slug) of the government entity"),
	    OD_REGISTER_ENTITY },
	[OD_REGISTER_ENTITY_NAME_AR] = { "entity_name_ar", ODT_STR,
	    N_("Name of the government entity in Arabic"),
	    OD_REGISTER_ENTITY_NAME_AR },
	[OD_REGISTER_ENTITY_NAME_EN] = { "entity_name_en", ODT_STR,
	    N_("Name of the government entity in English"),
	    OD_REGISTER_ENTITY_NAME_EN },
	[OD_REGISTER_TITLE_AR] = { "title_ar", ODT_STR,
	    N_("Title in Arabic"),
	    OD_REGISTER_TITLE_AR },
	[OD_REGISTER_TITLE_EN] = { "title_en", ODT_STR,
	    N_("Title in English"),
	    OD_REGISTER_TITLE_EN },
	[OD_REGISTER_SUMMARY_AR] = { "summary_ar", ODT_STR,
	    N_("Summary in Arabic"),
	    OD_REGISTER_SUMMARY_AR },
	[OD_REGISTER_SUMMARY_EN] = { "summary_en", ODT_STR,
	    N_("Summary in English"),
	    OD_REGISTER_SUMMARY_EN },
	[OD_REGISTER_PUBLISH_AT] = { "publish_at", ODT_DATETIME,
	    N_("When it was published (UTC)"),
	    OD_REGISTER_PUBLISH_AT },
	[OD_REGISTER_CLOSES_AT] = { "closes_at", ODT_DATETIME,
	    N_("When it closes or closed (UTC)"),
	    OD_REGISTER_CLOSES_AT },
	[OD_REGISTER_COMMENTS_PUBLISHED] = { "comments_published", ODT_INT,
	    N_("Number of published comments"),
	    OD_REGISTER_COMMENTS_PUBLISHED },
	[OD_REGISTER_PARTICIPANTS] = { "participants", ODT_INT,
	    N_("Number of participants"),
	    OD_REGISTER_PARTICIPANTS },
	[OD_REGISTER_RESULTS_PUBLISHED_AT] = { "results_published_at",
	    ODT_DATETIME, N_("When its results were published (UTC); empty before"),
	    OD_REGISTER_RESULTS_PUBLISHED_AT },
	[OD_REGISTER_URL] = { "url", ODT_STR,
	    N_("Address of its page on the portal"),
	    OD_REGISTER_URL },
	[OD_REGISTER_MODIFIED_AT] = { "modified_at", ODT_DATETIME,
	    N_("When the row last changed (UTC)"),
	    OD_REGISTER_MODIFIED_AT },
};

static const struct od_col complaint_cols[OD_COMPLAINTS__MAX] = {
	[OD_COMPLAINTS_MONTH] = { "month", ODT_MONTH,
	    N_("Month the requests were received (UTC)"),
	    OD_COMPLAINTS_MONTH },
	[OD_COMPLAINTS_ENTITY_ID] = { "entity_id", ODT_INT,
	    N_("Number of the government entity that received them"),
	    OD_COMPLAINTS_ENTITY_ID },
	[OD_COMPLAINTS_ENTITY] = { "entity", ODT_STR,
	    N_("Short name (slug) of the government entity"),
	    OD_COMPLAINTS_ENTITY },
	[OD_COMPLAINTS_ENTITY_NAME_AR] = { "entity_name_ar", ODT_STR,
	    N_("Name of the government entity in Arabic"),
	    OD_COMPLAINTS_ENTITY_NAME_AR },
	[OD_COMPLAINTS_ENTITY_NAME_EN] = { "entity_name_en", ODT_STR,
	    N_("Name of the government entity in English"),
	    OD_COMPLAINTS_ENTITY_NAME_EN },
	[OD_COMPLAINTS_TYPE] = { "type", ODT_STR,
	    N_("Type of request: inquiry, complaint, suggestion, compliment, violation, or portal (about the portal itself)"),
	    OD_COMPLAINTS_TYPE },
	[OD_COMPLAINTS_AXIS] = { "axis", ODT_STR,
	    N_("What the requests are about (axis); empty when not classified yet"),
	    OD_COMPLAINTS_AXIS },
	[OD_COMPLAINTS_RECEIVED] = { "received", ODT_INT,
	    N_("Requests received"),
	    OD_COMPLAINTS_RECEIVED },
	[OD_COMPLAINTS_ANSWERED] = { "answered", ODT_INT,
	    N_("Requests answered"),
	    OD_COMPLAINTS_ANSWERED },
	[OD_COMPLAINTS_ANSWERED_IN_TIME] = { "answered_in_time", ODT_INT,
	    N_("Requests answered within the reply deadline"),
	    OD_COMPLAINTS_ANSWERED_IN_TIME },
	[OD_COMPLAINTS_LATE] = { "late", ODT_INT,
	    N_("Requests answered late or still late"),
	    OD_COMPLAINTS_LATE },
	[OD_COMPLAINTS_CLOSED] = { "closed", ODT_INT,
	    N_("Requests closed"),
	    OD_COMPLAINTS_CLOSED },
	[OD_COMPLAINTS_REOPENED] = { "reopened", ODT_INT,
	    N_("Requests reopened after a rating below 2"),
	    OD_COMPLAINTS_REOPENED },
	[OD_COMPLAINTS_ESCALATED] = { "escalated", ODT_INT,
	    N_("Requests escalated for being late"),
	    OD_COMPLAINTS_ESCALATED },
	[OD_COMPLAINTS_RATINGS] = { "ratings", ODT_INT,
	    N_("Number of ratings given by requesters"),
	    OD_COMPLAINTS_RATINGS },
	[OD_COMPLAINTS_RATINGS_SUM] = { "ratings_sum", ODT_INT,
	    N_("Sum of the ratings (1 to 5 stars); divided by ratings, the mean rating"),
	    OD_COMPLAINTS_RATINGS_SUM },
	[OD_COMPLAINTS_REPLY_SECONDS_SUM] = { "reply_seconds_sum", ODT_INT,
	    N_("Sum of the reply times in seconds; divided by answered, the mean reply time"),
	    OD_COMPLAINTS_REPLY_SECONDS_SUM },
};

const struct od_table od_tables[OD__MAX] = {
	[OD_REGISTER] = { SQL_OD_REGISTER, register_cols, OD_REGISTER__MAX,
	    "activity", 1 },
	[OD_COMPLAINTS] = { SQL_OD_COMPLAINTS, complaint_cols,
	    OD_COMPLAINTS__MAX, "month", 0 },
	[OD_COMMENTS] = { SQL_OD_COMMENTS, comment_cols,
	    sizeof(comment_cols) / sizeof(comment_cols[0]), "comment", 1 },
	[OD_OPTIONS] = { SQL_OD_OPTIONS, option_cols, OD_OPTIONS__MAX,
	    "answer", 0 },
};

/* Both languages of a msgid with {1} filled in each (NULL: none). */
static void
od_text(struct arena *a, const char *msgid, const char *ar1,
    const char *en1, const char **ar, const char **en)
{
	*ar = i18n_subst(a, i18n_get("ar", msgid), ar1, NULL);
	*en = i18n_subst(a, i18n_get("en", msgid), en1, NULL);
}

static long long
od_int(const char *s)
{
	return s != NULL ? strtoll(s, NULL, 10) : 0;
}

static void
od_nosizes(struct od_dataset *d)
{
	int	 f;

	for (f = 0; f < ODF__MAX; f++)
		d->bytes[f] = -1;
}

/* The sizes of an aggregate's distributions; 0 or -1. */
static int
od_sizes(struct db *db, struct arena *a, struct od_dataset *d)
{
	struct dbres	*res;
	const char	*fmt;
	int		 f;

	od_nosizes(d);
	res = db_query(db, a, SQL_OD_SIZES_GET, DB_ARGS(DB_S(dataset,
	    d->slug)));
	if (res == NULL)
		return -1;
	while (dbres_next(res) == 1) {
		fmt = dbres_str(res, OD_SIZES_GET_FORMAT);
		for (f = 0; f < ODF__MAX; f++)
			if (fmt != NULL && strcmp(fmt, od_format_names[f]) == 0)
				d->bytes[f] = dbres_int(res,
				    OD_SIZES_GET_BYTES);
	}
	return 0;
}

/* The aggregates, from od_catalog_stats. */
static void
od_aggregate(struct arena *a, struct dbres *st, enum od_kind k,
    struct od_dataset *d)
{
	memset(d, 0, sizeof(*d));
	od_nosizes(d);
	d->kind = k;
	d->participants = -1;
	d->periodic = 1;
	d->pub_slug = dbres_str(st, OD_CATALOG_STATS_OPERATOR_SLUG);
	d->pub_ar = dbres_str(st, OD_CATALOG_STATS_OPERATOR_NAME_AR);
	d->pub_en = dbres_str(st, OD_CATALOG_STATS_OPERATOR_NAME_EN);
	d->pub_email = dbres_str(st, OD_CATALOG_STATS_OPERATOR_EMAIL);
	if (k == OD_REGISTER) {
		d->slug = "activities";
		od_text(a, N_("Register of public consultations, surveys and polls"),
		    NULL, NULL, &d->title_ar, &d->title_en);
		od_text(a, N_("Every public consultation, survey and poll published on Sharek, with its government entity, dates, stage and the number of comments and participants."),
		    NULL, NULL, &d->desc_ar, &d->desc_en);
		od_text(a, N_("public consultation"), NULL, NULL,
		    &d->keyword_ar, &d->keyword_en);
		d->issued = d->start = dbres_time(st,
		    OD_CATALOG_STATS_REGISTER_START);
		d->modified = dbres_time(st,
		    OD_CATALOG_STATS_REGISTER_MODIFIED);
		d->rows = od_int(dbres_str(st,
		    OD_CATALOG_STATS_REGISTER_ROWS));
	} else {
		d->slug = "complaints-monthly";
		od_text(a, N_("Monthly statistics of complaints and requests"),
		    NULL, NULL, &d->title_ar, &d->title_en);
		od_text(a, N_("Requests received by the government entities through the complaints system, counted by month, entity, request type and axis: answered, in time, late, closed, reopened, escalated, ratings and reply times. Aggregates only, never a request."),
		    NULL, NULL, &d->desc_ar, &d->desc_en);
		od_text(a, N_("complaints"), NULL, NULL, &d->keyword_ar,
		    &d->keyword_en);
		d->issued = d->start = db_parse_time(arena_printf(a,
		    "%s 00:00:00", dbres_str(st,
		    OD_CATALOG_STATS_COMPLAINTS_START) ?
		    dbres_str(st, OD_CATALOG_STATS_COMPLAINTS_START) : ""));
		d->modified = d->end = db_parse_time(arena_printf(a,
		    "%s 00:00:00", dbres_str(st,
		    OD_CATALOG_STATS_COMPLAINTS_END) ?
		    dbres_str(st, OD_CATALOG_STATS_COMPLAINTS_END) : ""));
		d->rows = od_int(dbres_str(st,
		    OD_CATALOG_STATS_COMPLAINTS_ROWS));
	}
}

/* One result dataset from a row of shape od_result. */
static void
opendata_fill(struct arena *a, struct dbres *res, struct od_dataset *d)
{
	const char	*tar = dbres_str(res, OD_RESULT_TITLE_AR);
	const char	*ten = dbres_str(res, OD_RESULT_TITLE_EN);
	const char	*sar = dbres_str(res, OD_RESULT_REPORT_SUMMARY_AR);
	const char	*sen = dbres_str(res, OD_RESULT_REPORT_SUMMARY_EN);
	enum act_kind	 k = activity_kind(dbres_str(res, OD_RESULT_KIND));

	memset(d, 0, sizeof(*d));
	if (k >= AK__MAX)
		k = AK_CONSULTATION;
	d->kind = k == AK_CONSULTATION ? OD_COMMENTS : OD_OPTIONS;
	d->activity = dbres_u(res, OD_RESULT_ID);
	d->act_kind = act_kind_names[k];
	d->slug = arena_printf(a, "%s-%llu", d->act_kind, d->activity);
	od_text(a, k == AK_CONSULTATION ?
	    N_("Comments and the entity's positions: {1}") :
	    N_("Results: {1}"), tar, ten, &d->title_ar, &d->title_en);
	if (sar == NULL || *sar == '\0')
		sar = dbres_str(res, OD_RESULT_SUMMARY_AR);
	if (sen == NULL || *sen == '\0')
		sen = dbres_str(res, OD_RESULT_SUMMARY_EN);
	od_text(a, k == AK_CONSULTATION ?
	    N_("Every published comment on the consultation, with the article it is on, its author's type (natural or legal person, never a name), the entity's position and reply, its campaign group and themes. {1}") :
	    N_("Every fixed answer of every question with the number of participants who chose it, and every free-text answer published after moderation. {1}"),
	    sar ? sar : "", sen ? sen : "", &d->desc_ar, &d->desc_en);
	od_text(a, act_kind_labels[k], NULL, NULL, &d->keyword_ar,
	    &d->keyword_en);
	d->pub_slug = dbres_str(res, OD_RESULT_ENTITY_SLUG);
	d->pub_ar = dbres_str(res, OD_RESULT_ENTITY_NAME_AR);
	d->pub_en = dbres_str(res, OD_RESULT_ENTITY_NAME_EN);
	d->pub_email = dbres_str(res, OD_RESULT_ENTITY_EMAIL);
	d->issued = dbres_time(res, OD_RESULT_PUBLISHED_AT);
	d->modified = dbres_time(res, OD_RESULT_MODIFIED_AT);
	d->start = dbres_time(res, OD_RESULT_PUBLISH_AT);
	d->end = dbres_time(res, OD_RESULT_CLOSES_AT);
	d->rows = k == AK_CONSULTATION ? od_int(dbres_str(res,
	    OD_RESULT_COMMENTS_PUBLISHED)) : -1;
	d->participants = dbres_isnull(res, OD_RESULT_PARTICIPANTS_COUNT) ?
	    od_int(dbres_str(res, OD_RESULT_PARTICIPANTS)) :
	    od_int(dbres_str(res, OD_RESULT_PARTICIPANTS_COUNT));
	d->bytes[ODF_CSV] = dbres_isnull(res, OD_RESULT_CSV_BYTES) ? -1 :
	    dbres_int(res, OD_RESULT_CSV_BYTES);
	d->bytes[ODF_JSON] = dbres_isnull(res, OD_RESULT_JSON_BYTES) ? -1 :
	    dbres_int(res, OD_RESULT_JSON_BYTES);
	d->bytes[ODF_XML] = dbres_isnull(res, OD_RESULT_XML_BYTES) ? -1 :
	    dbres_int(res, OD_RESULT_XML_BYTES);
	d->withdrawn = strcmp(dbres_str(res, OD_RESULT_STATE),
	    act_state_names[AS_WITHDRAWN]) == 0;
}

static struct dbres *
od_stats(struct db *db, struct arena *a)
{
	struct dbres	*st;

	if ((st = db_query(db, a, SQL_OD_CATALOG_STATS, DB_NOARGS)) == NULL ||
	    !dbres_next(st))
		return NULL;
	return st;
}

int
opendata_catalog(struct db *db, struct arena *a, long long page, int per,
    struct od_catalog *c)
{
	struct dbres	*st, *res;
	long long	 start, off, i;
	time_t		 t;
	int		 k;

	memset(c, 0, sizeof(*c));
	if ((st = od_stats(db, a)) == NULL)
		return -1;
	c->total = OD_AGGREGATES + od_int(dbres_str(st,
	    OD_CATALOG_STATS_RESULTS));
	c->op_slug = dbres_str(st, OD_CATALOG_STATS_OPERATOR_SLUG);
	c->op_ar = dbres_str(st, OD_CATALOG_STATS_OPERATOR_NAME_AR);
	c->op_en = dbres_str(st, OD_CATALOG_STATS_OPERATOR_NAME_EN);
	c->op_email = dbres_str(st, OD_CATALOG_STATS_OPERATOR_EMAIL);
	c->sizes = dbres_str(st, OD_CATALOG_STATS_SIZES);
	c->ds = arena_zalloc(a, sizeof(*c->ds) * (size_t)(per + 1));
	start = (page - 1) * per;
	/* The aggregates hold the first places. */
	for (k = 0; k < OD_AGGREGATES; k++) {
		struct od_dataset d;
		od_aggregate(a, st, (enum od_kind)k, &d);
		if (d.modified > c->modified)
			c->modified = d.modified;
		if (c->issued == 0 || (d.issued > 0 && d.issued < c->issued))
			c->issued = d.issued;
		if (k >= start && k < start + per) {
			if (od_sizes(db, a, &d) == -1)
				return -1;
			c->ds[c->n++] = d;
		}
	}
	t = dbres_time(st, OD_CATALOG_STATS_RESULTS_MODIFIED);
	if (t > c->modified)
		c->modified = t;
	if (start + per <= OD_AGGREGATES || start >= c->total)
		return 0;
	off = start > OD_AGGREGATES ? start - OD_AGGREGATES : 0;
	res = db_query(db, a, SQL_OD_RESULTS_PAGE, DB_ARGS(
	    DB_I(limit, per - c->n), DB_I(offset, off)));
	if (res == NULL)
		return -1;
	for (i = 0; dbres_next(res) && c->n < per; i++)
		opendata_fill(a, res, &c->ds[c->n++]);
	return 0;
}

int
opendata_find(struct db *db, struct arena *a, const char *slug,
    struct od_dataset *d)
{
	struct dbres		*res;
	const char		*dash;
	char			*end;
	unsigned long long	 id;
	size_t			 n;

	if (strcmp(slug, "activities") == 0 ||
	    strcmp(slug, "complaints-monthly") == 0) {
		if ((res = od_stats(db, a)) == NULL)
			return -1;
		od_aggregate(a, res, slug[0] == 'a' ? OD_REGISTER :
		    OD_COMPLAINTS, d);
		return od_sizes(db, a, d) == -1 ? -1 : 1;
	}
	if ((dash = strrchr(slug, '-')) == NULL || dash[1] < '1' ||
	    dash[1] > '9')
		return 0;
	id = strtoull(dash + 1, &end, 10);
	if (*end != '\0')
		return 0;
	res = db_query(db, a, SQL_OD_RESULT_GET, DB_ARGS(DB_U(activity, id)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	opendata_fill(a, res, d);
	/* The name must be the dataset's own: consultation-5, not poll-5. */
	n = (size_t)(dash - slug);
	if (strlen(d->act_kind) != n || strncmp(d->act_kind, slug, n) != 0)
		return 0;
	return 1;
}

int
opendata_sized(struct db *db, const char *slug, enum od_format f,
    long long bytes, long long rows)
{
	return db_exec(db, SQL_OD_SIZE_PUT, DB_ARGS(DB_S(dataset, slug),
	    DB_S(format, od_format_names[f]), DB_I(bytes, bytes),
	    DB_I(rows, rows))) == -1 ? -1 : 0;
}
