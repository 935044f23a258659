/*
 * opendata.h — what the open-data catalog holds (domain.md §7; issue 15):
 * its datasets, in a fixed order that paging relies on, and for each the
 * table its distributions stream (columns with their types and their
 * meaning in Arabic and English, the named statement that reads them).
 *
 *   activities            the register of every public consultation,
 *                         survey and poll (aggregate);
 *   complaints-monthly    complaint statistics by month, entity, request
 *                         type and axis (aggregate, from kpi_daily);
 *   consultation-{id}     a published consultation's comments with the
 *                         entity's position and reply on each;
 *   survey-{id}, poll-{id} a published survey's or poll's results.
 *
 * The aggregates come first, then one dataset per published result,
 * oldest first, so a dataset keeps its place across pages.  A result
 * withdrawn after publication stays, marked withdrawn.  Personal data is
 * never in a table: a comment carries its author's type (natural or
 * legal person), never a name or a contact.  Nothing here knows HTTP or
 * a serialisation (page_opendata.c writes them).
 */
#ifndef SHAREK_OPENDATA_H
#define SHAREK_OPENDATA_H

#include <time.h>

struct arena;
struct db;

enum od_kind {
	OD_REGISTER,
	OD_COMPLAINTS,
	OD_COMMENTS,
	OD_OPTIONS,
	OD__MAX
};

#define OD_AGGREGATES	2	/* OD_REGISTER, OD_COMPLAINTS: first */

enum od_type {
	ODT_INT,	/* integer */
	ODT_STR,	/* text */
	ODT_DATETIME,	/* RFC 3339 UTC: 2026-11-30T10:00:00Z */
	ODT_MONTH,	/* 2026-11 */
	ODT_DECIMAL,	/* 3.25, -1.5 */
	ODT__MAX
};

/* One column: its name (the statement's, checked by test_opendata),
 * its type, its meaning as an English msgid (Arabic from ar.po), and
 * where its value is: the statement's column src, whole (part 0) or the
 * text before (1) or after (2) the CHAR(31) in it (one look-up giving
 * both languages). */
struct od_col {
	const char	*name;
	enum od_type	 type;
	const char	*desc;
	int		 src;
	int		 part;
};

struct od_table {
	int			 stmt;		/* SQL_OD_… */
	const struct od_col	*cols;
	int			 ncols;
	const char		*row;		/* XML element of a row */
	int			 since;		/* takes modified_since */
};

extern const struct od_table od_tables[OD__MAX];
/* The CSVW / Table Schema names of the types: integer, string, … */
extern const char *const od_type_names[ODT__MAX];

/* The formats of every dataset's distributions, in the catalog's order. */
enum od_format {
	ODF_CSV,
	ODF_JSON,
	ODF_XML,
	ODF__MAX
};

/* Their names: the file's extension, od_sizes.format. */
extern const char *const od_format_names[ODF__MAX];

struct od_dataset {
	enum od_kind		 kind;
	const char		*slug;
	unsigned long long	 activity;	/* results; 0 for aggregates */
	const char		*act_kind;	/* "consultation", … or NULL */
	const char		*title_ar, *title_en;
	const char		*desc_ar, *desc_en;
	const char		*keyword_ar, *keyword_en;
	/* The publisher: an entity. */
	const char		*pub_slug, *pub_ar, *pub_en, *pub_email;
	time_t			 issued, modified;
	time_t			 start, end;	/* temporal coverage; 0: open */
	long long		 rows;		/* -1: not counted */
	long long		 participants;	/* results; -1 otherwise */
	/* Each distribution's size in bytes as last generated (od_sizes,
	 * migration 0026), -1 while it has never been written whole. */
	long long		 bytes[ODF__MAX];
	int			 withdrawn;
	int			 periodic;	/* aggregates: updated as the
						   data grows */
};

struct od_catalog {
	long long		 total;		/* datasets in every page */
	time_t			 modified;	/* the newest change */
	time_t			 issued;
	const char		*op_slug, *op_ar, *op_en, *op_email;
	const char		*sizes;		/* the sizes known, in short
						   (for the validator) */
	struct od_dataset	*ds;		/* this page's */
	int			 n;
};

/* Page `page` (1-based) of `per` datasets, and the catalog's totals;
 * a page past the last has none.  Arena-owned; 0 or -1. */
int		 opendata_catalog(struct db *, struct arena *, long long page,
		    int per, struct od_catalog *);
/* The dataset named slug: 1 found, 0 none, -1 error.  Arena-owned. */
int		 opendata_find(struct db *, struct arena *, const char *slug,
		    struct od_dataset *);

/* A distribution of the dataset was written whole (every row): records
 * its size for dcat:byteSize.  0 or -1. */
int		 opendata_sized(struct db *, const char *slug, enum od_format,
		    long long bytes, long long rows);

#endif
