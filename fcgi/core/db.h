/*
 * db.h — MariaDB through named, prepared statements.
 *
 * Statements live in sql/queries/NAME.sql, one per "-- name: foo_bar"
 * header; scripts/gen-queries turns them into an enum (SQL_FOO_BAR), a
 * column enum per statement (FOO_BAR_TITLE_AR … FOO_BAR__MAX) and a
 * table of struct db_stmt that the program hands to db_statements().
 * Each is prepared once per connection, on first use, and its result
 * columns are checked then against the generated names.  There is no way
 * to run SQL assembled from strings, except db_script() for migrations.
 *
 * Parameters are named (":entity" in the SQL, typed on its "-- param:"
 * line) and bound by name, each once however often the SQL uses it:
 *
 *	res = db_query(db, a, SQL_CONSULT_GET, DB_ARGS(
 *	    DB_U(id, id), DB_I(reader_entity, ent), DB_S(q, text)));
 *
 *   DB_I  long long          DB_U  unsigned long long
 *   DB_S  const char * (NULL binds SQL NULL)
 *   DB_B  const void *, size_t (binary)
 *   DB_NULL  SQL NULL for a parameter of any type
 * A statement without parameters takes DB_NOARGS.  A missing, unknown,
 * repeated or mistyped name is refused (logged, -1/NULL) and
 * scripts/check-binds finds it at build time.  Every column of a result
 * is read as text sized from the data.
 */
#ifndef SHAREK_DB_H
#define SHAREK_DB_H

#include <stddef.h>
#include <time.h>

struct arena;
struct db;
struct dbres;

#define DB_ER_DUP_ENTRY		1062
#define DB_ER_DEADLOCK		1213
#define DB_ER_LOCK_WAIT		1205
#define DB_ER_SIGNAL		1644	/* a procedure's own error (SIGNAL) */

/* One named statement, as scripts/gen-queries emits it. */
struct db_stmt {
	const char		*name;
	const char		*text;		/* with '?' placeholders */
	int			 nparam;
	const char *const	*params;	/* declared names */
	const char		*ptypes;	/* one of "iusb" each */
	int			 nbind;		/* '?' in the text */
	const unsigned char	*bindmap;	/* per '?', its parameter */
	int			 ncol;
	const char *const	*cols;		/* result column names */
};

/* One named value for a statement's parameter (see DB_ARGS). */
struct dbarg {
	const char	*name;		/* NULL ends the list */
	char		 type;		/* i u s b, or n for SQL NULL */
	long long	 i;
	const void	*p;
	size_t		 len;
};

#define DB_I(n, v)	{ #n, 'i', (long long)(v), NULL, 0 }
#define DB_U(n, v)	{ #n, 'u', (long long)(unsigned long long)(v), NULL, 0 }
#define DB_S(n, v)	{ #n, 's', 0, (const char *)(v), 0 }
#define DB_B(n, v, l)	{ #n, 'b', 0, (v), (l) }
#define DB_NULL(n)	{ #n, 'n', 0, NULL, 0 }
#define DB_ARGS(...)	((const struct dbarg[]){ __VA_ARGS__, { NULL, 0, 0, NULL, 0 } })
#define DB_NOARGS	((const struct dbarg *)NULL)

/*
 * Database nodes ([db] nodes, conf/sharek.ini.in): a comma-separated
 * list of host:port (TCP; [v6]:port) or absolute socket paths, this
 * host's own node first:
 *	nodes = 127.0.0.1:3311, 127.0.0.1:3312, /var/run/mysqld/mysqld.sock
 * Without it, [db] socket (or host and port) is the one node.  A
 * connection goes to the first node that answers and is ready (Galera's
 * wsrep_ready is not OFF); a refused or lost connection or a node that
 * is not ready moves it to the next, round-robin, without a restart.
 * Timeouts: [db] connect_timeout (seconds, default 2), read_timeout and
 * write_timeout (default 60).
 */
#define DB_MAXNODES	16
struct db_node {
	char		 host[256];	/* TCP host, or "" */
	unsigned	 port;
	char		 socket[256];	/* absolute path, or "" */
};
/* Parses a nodes list into out (at most max); the count, or -1 with a
 * message in err for an entry that is empty, a relative path, or has
 * no valid port. */
int		 db_nodes_parse(const char *spec, struct db_node *out,
		    int max, char *err, size_t errlen);

/* The program's statement table (SQL__MAX long). */
void		 db_statements(const struct db_stmt *, int n);
/* A connection with the given account; owned by the caller (db_close).
 * Connects lazily; multi=1 allows db_script (sharekctl only). */
struct db	*db_open(const char *user, const char *password, int multi);
void		 db_close(struct db *);
int		 db_connect(struct db *);
/* Statements run since the last reset (the query counter of a page). */
int		 db_count(const struct db *);
void		 db_count_reset(struct db *);

/* Runs a statement that returns no rows; returns affected rows or -1. */
long long	 db_exec(struct db *, int stmt, const struct dbarg *);
unsigned long long db_insert_id(const struct db *);
/* Server error number of the last failure (0 when none). */
unsigned	 db_errno(const struct db *);
/* 1 when the last failure says the database is away rather than that
 * the statement failed: no node answered, the connection was lost, the
 * node is not ready (Galera 1047) or full.  The kernel answers such a
 * request 503 (http_unavailable), not 500.  db_count_reset (each
 * request) forgets the last failure. */
int		 db_away(const struct db *);
int		 db_err_away(unsigned err);

/* Runs a query and reads every row into the arena; NULL on error.
 * The result is owned by the arena. */
struct dbres	*db_query(struct db *, struct arena *, int stmt,
		    const struct dbarg *);
/* Streams rows one at a time in constant memory (exports): call
 * dbres_next until it returns 0, then dbres_close. Values are valid until
 * the next dbres_next. */
struct dbres	*db_stream(struct db *, struct arena *, int stmt,
		    const struct dbarg *);
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
unsigned long long dbres_u(const struct dbres *, int col);
int		 dbres_isnull(const struct dbres *, int col);
/* A DATETIME/TIMESTAMP column ("2026-11-22 10:00:00", UTC) as time_t;
 * 0 for NULL or a value that is not one.  The only SQL time parser. */
time_t		 dbres_time(const struct dbres *, int col);
/* The same for a string (other sources of SQL times, e.g. audit). */
time_t		 db_parse_time(const char *);
/* Convenience: the first column of the first row (NULL when none). */
const char	*dbres_first(struct dbres *);

/* Transactions.  db_tx runs fn(db, arg) inside one and retries the whole
 * function on deadlock or lock-wait timeout; fn returns 0 to commit, -1
 * to roll back, or a positive value (rolled back, returned as is). */
int		 db_begin(struct db *);
int		 db_commit(struct db *);
int		 db_rollback(struct db *);
int		 db_tx(struct db *, int (*fn)(struct db *, void *), void *);
/* db_tx that also re-runs fn after a Galera certification conflict
 * (1213 at COMMIT) or a lost connection or node before COMMIT (on the
 * next node), and resolves a COMMIT whose outcome is unknown (the
 * connection went during it) by asking done(db, arg): 1 it is stored
 * (db_tx_checked returns 0), 0 it is not (fn runs again), -1 cannot
 * tell (-1).  Without done (db_tx) an unknown outcome is -1. */
int		 db_tx_checked(struct db *, int (*fn)(struct db *, void *),
		    int (*done)(struct db *, void *), void *);
#define DB_TX_ATTEMPTS	5
/* What db_tx_checked does after err (at COMMIT or before it). */
enum db_txnext { DB_TX_RETRY, DB_TX_UNKNOWN, DB_TX_FAIL };
enum db_txnext	 db_tx_next(unsigned err, int at_commit);

/* Runs a multi-statement script (migrations, seed); -1 with a message. */
int		 db_script(struct db *, const char *text, char **err,
		    struct arena *);
/* The last error text for logs (never shown to users). */
const char	*db_error(const struct db *);

#endif
