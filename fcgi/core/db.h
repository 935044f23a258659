/*
 * db.h — MariaDB through named, prepared statements.
 *
 * Statements live in sql/queries/NAME.sql, one per "-- name: foo_bar"
 * header; scripts/gen-queries turns them into an enum (SQL_FOO_BAR) and
 * a text table that the program hands to db_statements().  Each is
 * prepared once per connection, on first use.  There is no way to run
 * SQL assembled from strings, except db_script() for migration files.
 *
 * Bind formats (one character per '?'):
 *   i  long long        u  unsigned long long
 *   s  const char *     (NULL binds SQL NULL)
 *   b  const void *, size_t   (binary)
 *   n  SQL NULL (takes no argument)
 * Every column of a result is read as text sized from the data.
 */
#ifndef SHAREK_DB_H
#define SHAREK_DB_H

#include <stddef.h>

struct arena;
struct db;
struct dbres;

#define DB_ER_DUP_ENTRY		1062
#define DB_ER_DEADLOCK		1213
#define DB_ER_LOCK_WAIT		1205

/* The program's statement table (texts and names, both SQL__MAX long). */
void		 db_statements(const char *const *texts,
		    const char *const *names, int n);
/* A connection with the given account; owned by the caller (db_close).
 * Connects lazily; multi=1 allows db_script (sharekctl only). */
struct db	*db_open(const char *user, const char *password, int multi);
void		 db_close(struct db *);
int		 db_connect(struct db *);
/* Statements run since the last reset (the query counter of a page). */
int		 db_count(const struct db *);
void		 db_count_reset(struct db *);

/* Runs a statement that returns no rows; returns affected rows or -1. */
long long	 db_exec(struct db *, int stmt, const char *fmt, ...);
unsigned long long db_insert_id(const struct db *);
/* Server error number of the last failure (0 when none). */
unsigned	 db_errno(const struct db *);

/* Runs a query and reads every row into the arena; NULL on error.
 * The result is owned by the arena. */
struct dbres	*db_query(struct db *, struct arena *, int stmt,
		    const char *fmt, ...);
/* Streams rows one at a time in constant memory (exports): call
 * dbres_next until it returns 0, then dbres_close. Values are valid until
 * the next dbres_next. */
struct dbres	*db_stream(struct db *, struct arena *, int stmt,
		    const char *fmt, ...);
void		 dbres_close(struct dbres *);

/* Moves to the next row: 1, or 0 at the end (or -1 on a stream error). */
int		 dbres_next(struct dbres *);
int		 dbres_rows(const struct dbres *);	/* not for streams */
/* Back before the first row (not for streams). */
void		 dbres_rewind(struct dbres *);
int		 dbres_cols(const struct dbres *);
/* Column values of the current row. str: NULL for SQL NULL. */
const char	*dbres_str(const struct dbres *, int col);
size_t		 dbres_len(const struct dbres *, int col);
long long	 dbres_int(const struct dbres *, int col);
int		 dbres_isnull(const struct dbres *, int col);
/* Convenience: the first column of the first row (NULL when none). */
const char	*dbres_first(struct dbres *);

/* Transactions.  db_tx runs fn(db, arg) inside one and retries the whole
 * function on deadlock or lock-wait timeout; fn returns 0 to commit, -1
 * to roll back, or a positive value (rolled back, returned as is). */
int		 db_begin(struct db *);
int		 db_commit(struct db *);
int		 db_rollback(struct db *);
int		 db_tx(struct db *, int (*fn)(struct db *, void *), void *);

/* Runs a multi-statement script (migrations, seed); -1 with a message. */
int		 db_script(struct db *, const char *text, char **err,
		    struct arena *);
/* The last error text for logs (never shown to users). */
const char	*db_error(const struct db *);

#endif
