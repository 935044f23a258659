/*
 * db.c — see db.h.
 */
#include <errno.h>
#include <stdbool.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <strings.h>
#include <unistd.h>

#include <mysql.h>
#include <errmsg.h>

#include "arena.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "sql_gen.h"

#define DB_MAXPARAM	64	/* values bound to one statement (an_group_keys: 25) */
#define DB_INITBUF	256

static const struct db_stmt	*db_stmts;
static int			 db_nstmt;

/* The nodes, read from the configuration on the first db_open. */
static struct db_node		 db_nodes[DB_MAXNODES];
static int			 db_nnodes;

struct db {
	MYSQL		*my;
	int		 node;		/* index into db_nodes: current or
					   next to try */
	MYSQL_STMT	**stmt;		/* prepared on first use */
	char		*user;
	char		*password;
	int		 multi;
	int		 count;
	int		 intx;
	int		 txfail;	/* a statement of the transaction
					   lost it (deadlock, connection) */
	unsigned	 err;
	char		 errmsg[512];
};

struct dbrow {
	char		**v;
	size_t		 *len;
};

struct dbres {
	struct arena	*a;
	int		 ncol;
	int		 nrow;
	int		 cur;		/* -1 before the first row */
	struct dbrow	*rows;
	/* Streams only. */
	struct db	*db;
	MYSQL_STMT	*st;
	struct arena	*rowarena;
	struct dbrow	 row;
	MYSQL_BIND	*bind;
	unsigned long	*lens;
	my_bool		*nulls;
	my_bool		*errs;
};

void
db_statements(const struct db_stmt *stmts, int n)
{
	db_stmts = stmts;
	db_nstmt = n;
}

int
db_nodes_parse(const char *spec, struct db_node *out, int max, char *err,
    size_t errlen)
{
	const char	*p = spec, *e, *colon;
	char		 ent[512], *end;
	size_t		 n;
	long		 port;
	int		 count = 0;

	err[0] = '\0';
	for (;;) {
		while (*p == ' ' || *p == '\t')
			p++;
		e = strchr(p, ',');
		n = e != NULL ? (size_t)(e - p) : strlen(p);
		while (n > 0 && (p[n - 1] == ' ' || p[n - 1] == '\t'))
			n--;
		if (n == 0 || n >= sizeof(ent)) {
			snprintf(err, errlen, "node %d is %s", count + 1,
			    n == 0 ? "empty" : "too long");
			return -1;
		}
		if (count == max) {
			snprintf(err, errlen, "more than %d nodes", max);
			return -1;
		}
		memcpy(ent, p, n);
		ent[n] = '\0';
		memset(&out[count], 0, sizeof(out[count]));
		if (ent[0] == '/') {
			if (n >= sizeof(out[count].socket)) {
				snprintf(err, errlen, "node %d: path too long",
				    count + 1);
				return -1;
			}
			memcpy(out[count].socket, ent, n + 1);
		} else {
			if (ent[0] == '[') {
				end = strchr(ent, ']');
				colon = end != NULL && end[1] == ':' ? end + 1 :
				    NULL;
			} else
				colon = strrchr(ent, ':');
			if (colon == NULL || colon == ent ||
			    strchr(ent, '/') != NULL) {
				snprintf(err, errlen, "node %d (%s): not "
				    "host:port or an absolute socket path",
				    count + 1, ent);
				return -1;
			}
			errno = 0;
			port = strtol(colon + 1, &end, 10);
			if (errno != 0 || end == colon + 1 || *end != '\0' ||
			    port < 1 || port > 65535) {
				snprintf(err, errlen, "node %d (%s): bad port",
				    count + 1, ent);
				return -1;
			}
			n = (size_t)(colon - ent);
			if (ent[0] == '[') {
				n -= 2;
				memcpy(out[count].host, ent + 1, n);
			} else
				memcpy(out[count].host, ent, n);
			out[count].host[n] = '\0';
			out[count].port = (unsigned)port;
		}
		count++;
		if (e == NULL)
			return count;
		p = e + 1;
	}
}

/* The nodes of the configuration: [db] nodes, else [db] socket or host
 * and port as the one node. */
static void
db_nodes_load(void)
{
	const char	*spec = conf_get("db", "nodes", NULL);
	const char	*sock = conf_get("db", "socket", NULL);
	const char	*host = conf_get("db", "host", NULL);
	char		 err[256];

	if (db_nnodes > 0)
		return;
	if (spec != NULL && *spec != '\0') {
		db_nnodes = db_nodes_parse(spec, db_nodes, DB_MAXNODES, err,
		    sizeof(err));
		if (db_nnodes == -1)
			fatalx("[db] nodes: %s", err);
		return;
	}
	memset(&db_nodes[0], 0, sizeof(db_nodes[0]));
	if (sock != NULL && *sock != '\0')
		snprintf(db_nodes[0].socket, sizeof(db_nodes[0].socket),
		    "%s", sock);
	if (host != NULL && *host != '\0')
		snprintf(db_nodes[0].host, sizeof(db_nodes[0].host), "%s",
		    host);
	db_nodes[0].port = (unsigned)conf_int("db", "port", 0);
	db_nnodes = 1;
}

struct db *
db_open(const char *user, const char *password, int multi)
{
	struct db	*db;

	db_nodes_load();

	db = calloc(1, sizeof(*db));
	if (db == NULL)
		abort();
	db->stmt = calloc((size_t)db_nstmt + 1, sizeof(MYSQL_STMT *));
	if (db->stmt == NULL)
		abort();
	db->user = strdup(user ? user : "");
	db->password = strdup(password ? password : "");
	db->multi = multi;
	return db;
}

static void
db_disconnect(struct db *db)
{
	int	 i;

	for (i = 0; i < db_nstmt; i++)
		if (db->stmt[i] != NULL) {
			mysql_stmt_close(db->stmt[i]);
			db->stmt[i] = NULL;
		}
	if (db->my != NULL)
		mysql_close(db->my);
	db->my = NULL;
	db->intx = 0;
}

/* The connection is lost or its node is not ready: drop it, and the
 * next connect starts at the next node. */
static void
db_failover(struct db *db)
{
	db_disconnect(db);
	if (db_nnodes > 1)
		db->node = (db->node + 1) % db_nnodes;
}

/* The error means: try elsewhere (the connection is gone, or the node
 * left the cluster). */
static int db_lost(unsigned);
static int
db_moveon(unsigned err)
{
	return db_lost(err) || err == 1047;
}

void
db_close(struct db *db)
{
	if (db == NULL)
		return;
	db_disconnect(db);
	free(db->user);
	free(db->password);
	free(db->stmt);
	free(db);
}

static void
db_seterr(struct db *db, unsigned err, const char *msg)
{
	db->err = err;
	snprintf(db->errmsg, sizeof(db->errmsg), "%s", msg);
}

static MYSQL_STMT *db_prepare(struct db *, int);
static struct dbres *db_query_st(struct db *, struct arena *, int,
    MYSQL_STMT *);

/* 1 when the connected node serves (a Galera node whose wsrep_ready is
 * ON; a server that is no cluster node, wsrep_on OFF, always serves), 0
 * when not, -1 when the question itself failed.  The named statement
 * db_wsrep_ready, prepared and executed once on this connection, with
 * no retry elsewhere (its caller is the connect that would retry) and
 * not counted among the request's statements. */
static int
db_node_ready(struct db *db)
{
	struct arena	*a;
	struct dbres	*res;
	MYSQL_STMT	*st;
	const char	*v;
	int		 ready;

	if ((st = db_prepare(db, SQL_DB_WSREP_READY)) == NULL)
		return -1;
	if (mysql_stmt_execute(st) != 0) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		return -1;
	}
	a = arena_new(1024);
	if ((res = db_query_st(db, a, SQL_DB_WSREP_READY, st)) == NULL)
		ready = -1;
	else
		ready = dbres_next(res) == 1 && (v = dbres_str(res,
		    DB_WSREP_READY_WSREP_READY)) != NULL &&
		    strcasecmp(v, "ON") == 0;
	arena_free(a);
	return ready;
}

/* Connects to node i; 0, or -1 with the error set. */
static int
db_connect_node(struct db *db, int i)
{
	const struct db_node *nd = &db_nodes[i];
	const char	*name = conf_get("db", "name", "sharek");
	unsigned long	 flags = db->multi ? CLIENT_MULTI_STATEMENTS : 0;
	my_bool		 no = 0;
	unsigned	 ct, rt, wt;
	int		 ready;

	ct = (unsigned)conf_int("db", "connect_timeout", 2);
	rt = (unsigned)conf_int("db", "read_timeout", 60);
	wt = (unsigned)conf_int("db", "write_timeout", 60);
	if ((db->my = mysql_init(NULL)) == NULL)
		abort();
	mysql_options(db->my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(db->my, MYSQL_OPT_RECONNECT, &no);
	mysql_options(db->my, MYSQL_OPT_CONNECT_TIMEOUT, &ct);
	mysql_options(db->my, MYSQL_OPT_READ_TIMEOUT, &rt);
	mysql_options(db->my, MYSQL_OPT_WRITE_TIMEOUT, &wt);
	mysql_options(db->my, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	if (mysql_real_connect(db->my, nd->host[0] ? nd->host : NULL,
	    db->user, db->password, db->multi == 2 ? NULL : name, nd->port,
	    nd->socket[0] ? nd->socket : NULL, flags) == NULL) {
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
		ready = -1;
	} else if ((ready = db_node_ready(db)) == 0)
		db_seterr(db, 1047, "node not ready (wsrep_ready OFF)");
	if (ready == 1)
		return 0;
	if (db_nnodes > 1 && nd->socket[0])
		log_warnx("%s: node %d (%s): %s", __func__, i + 1,
		    nd->socket, db->errmsg);
	else if (db_nnodes > 1)
		log_warnx("%s: node %d (%s:%u): %s", __func__, i + 1,
		    nd->host, nd->port, db->errmsg);
	db_disconnect(db);	/* and the statement prepared on it */
	return -1;
}

int
db_connect(struct db *db)
{
	int	 k, i;

	if (db->my != NULL)
		return 0;
	/* From the current node on, each once. */
	for (k = 0; k < db_nnodes; k++) {
		i = (db->node + k) % db_nnodes;
		if (db_connect_node(db, i) == 0) {
			db->node = i;
			return 0;
		}
	}
	if (db_nnodes > 0)
		db->node = (db->node + 1) % db_nnodes;
	log_warnx("%s: %s", __func__, db->errmsg);
	return -1;
}

int
db_count(const struct db *db)
{
	return db->count;
}

void
db_count_reset(struct db *db)
{
	db->count = 0;
	db->err = 0;
}

unsigned
db_errno(const struct db *db)
{
	return db->err;
}

const char *
db_error(const struct db *db)
{
	return db->errmsg;
}

unsigned long long
db_insert_id(const struct db *db)
{
	return db->my ? mysql_insert_id(db->my) : 0;
}

static int
db_lost(unsigned err)
{
	return err == CR_SERVER_GONE_ERROR || err == CR_SERVER_LOST ||
	    err == 1927 /* ER_CONNECTION_KILLED */ || err == 4031;
}

int
db_err_away(unsigned err)
{
	switch (err) {
	case CR_CONNECTION_ERROR:	/* 2002: no socket */
	case CR_CONN_HOST_ERROR:	/* 2003: refused, timed out */
	case CR_UNKNOWN_HOST:
	case CR_SERVER_GONE_ERROR:
	case CR_SERVER_LOST:
	case CR_SERVER_LOST_EXTENDED:
	case 1040:	/* ER_CON_COUNT_ERROR: too many connections */
	case 1047:	/* WSREP has not yet prepared node */
	case 1053:	/* ER_SERVER_SHUTDOWN */
	case 1927:	/* ER_CONNECTION_KILLED */
	case 4031:	/* disconnected by the server (idle) */
		return 1;
	default:
		return 0;
	}
}

int
db_away(const struct db *db)
{
	return db_err_away(db->err);
}

/* The result columns must be the generated names, in order, so that the
 * column enums of sql_gen.h mean what they say.  Once per connection. */
static int
db_checkcols(struct db *db, int id, MYSQL_STMT *st)
{
	const struct db_stmt	*d = &db_stmts[id];
	MYSQL_RES		*meta;
	MYSQL_FIELD		*f;
	unsigned		 n, i;
	int			 rc = 0;

	if ((meta = mysql_stmt_result_metadata(st)) == NULL) {
		if (d->ncol == 0)
			return 0;
		db_seterr(db, 0, "statement returns no columns");
		log_warnx("%s: %s: %d columns expected, none returned",
		    __func__, d->name, d->ncol);
		return -1;
	}
	n = mysql_num_fields(meta);
	f = mysql_fetch_fields(meta);
	if ((int)n != d->ncol) {
		log_warnx("%s: %s: %u columns returned, %d generated",
		    __func__, d->name, n, d->ncol);
		rc = -1;
	}
	for (i = 0; rc == 0 && i < n; i++)
		if (strcmp(f[i].name, d->cols[i]) != 0) {
			log_warnx("%s: %s: column %u is %s, generated %s",
			    __func__, d->name, i, f[i].name, d->cols[i]);
			rc = -1;
		}
	mysql_free_result(meta);
	if (rc == -1)
		db_seterr(db, 0, "result columns differ from sql_gen.h");
	return rc;
}

static MYSQL_STMT *
db_prepare(struct db *db, int id)
{
	MYSQL_STMT	*st;

	if (id < 0 || id >= db_nstmt) {
		db_seterr(db, 0, "no such statement");
		return NULL;
	}
	if (db_connect(db) == -1)
		return NULL;
	if (db->stmt[id] != NULL)
		return db->stmt[id];
	if ((st = mysql_stmt_init(db->my)) == NULL)
		abort();
	if (mysql_stmt_prepare(st, db_stmts[id].text, strlen(db_stmts[id].text)) != 0) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		log_warnx("%s: %s: %s", __func__, db_stmts[id].name, db->errmsg);
		mysql_stmt_close(st);
		return NULL;
	}
	if (db_checkcols(db, id, st) == -1) {
		mysql_stmt_close(st);
		return NULL;
	}
	db->stmt[id] = st;
	return st;
}

struct bindargs {
	MYSQL_BIND	 b[DB_MAXPARAM];
	long long	 ll[DB_MAXPARAM];
	unsigned long	 len[DB_MAXPARAM];
	my_bool		 isnull[DB_MAXPARAM];
	int		 n;
};

/* One value into bind slot b (its storage in ba at index k). */
static void
db_bindone(struct bindargs *ba, int k, MYSQL_BIND *b, char type,
    long long ll, const void *p, size_t len)
{
	switch (type) {
	case 'i':
	case 'u':
		ba->ll[k] = ll;
		b->buffer_type = MYSQL_TYPE_LONGLONG;
		b->buffer = &ba->ll[k];
		b->is_unsigned = type == 'u';
		break;
	case 's':
		b->buffer_type = MYSQL_TYPE_STRING;
		if (p == NULL) {
			ba->isnull[k] = 1;
			b->is_null = &ba->isnull[k];
			break;
		}
		b->buffer = (void *)p;
		ba->len[k] = strlen(p);
		b->buffer_length = ba->len[k];
		b->length = &ba->len[k];
		break;
	case 'b':
		b->buffer_type = MYSQL_TYPE_BLOB;
		b->buffer = (void *)p;
		ba->len[k] = len;
		b->buffer_length = len;
		b->length = &ba->len[k];
		break;
	default:
		b->buffer_type = MYSQL_TYPE_NULL;
		break;
	}
}

/* Named values → one bind per '?' through the statement's map.  Every
 * declared parameter must be given exactly once, with its type (or
 * DB_NULL), and nothing else. */
static int
db_collect(struct bindargs *ba, int id, const struct dbarg *args)
{
	const struct db_stmt	*d = &db_stmts[id];
	const struct dbarg	*given[DB_MAXPARAM];
	const struct dbarg	*a;
	int			 k, p;

	memset(ba, 0, sizeof(*ba));
	if (d->nparam > DB_MAXPARAM ||
	    d->nbind > DB_MAXPARAM) {
		log_warnx("%s: %s: not a named statement", __func__, d->name);
		return -1;
	}
	memset(given, 0, sizeof(given));
	for (a = args; a != NULL && a->name != NULL; a++) {
		for (p = 0; p < d->nparam; p++)
			if (strcmp(d->params[p], a->name) == 0)
				break;
		if (p == d->nparam) {
			log_warnx("%s: %s: no parameter :%s", __func__,
			    d->name, a->name);
			return -1;
		}
		if (given[p] != NULL) {
			log_warnx("%s: %s: :%s given twice", __func__,
			    d->name, a->name);
			return -1;
		}
		if (a->type != 'n' && a->type != d->ptypes[p]) {
			log_warnx("%s: %s: :%s is of type %c, given %c",
			    __func__, d->name, a->name, d->ptypes[p], a->type);
			return -1;
		}
		given[p] = a;
	}
	for (p = 0; p < d->nparam; p++)
		if (given[p] == NULL) {
			log_warnx("%s: %s: :%s not given", __func__, d->name,
			    d->params[p]);
			return -1;
		}
	for (k = 0; k < d->nbind; k++) {
		a = given[d->bindmap[k]];
		db_bindone(ba, k, &ba->b[k], a->type, a->i, a->p, a->len);
	}
	ba->n = d->nbind;
	return 0;
}

/* Executes statement id with the bound values; reconnects once when the
 * server went away outside a transaction. */
static MYSQL_STMT *
db_run(struct db *db, int id, struct bindargs *ba)
{
	MYSQL_STMT	*st;
	int		 attempt;

	for (attempt = 0; attempt <= db_nnodes; attempt++) {
		if (db->intx && db->txfail) {
			/* The transaction is gone (deadlock, lost
			 * connection): nothing more runs in its place, and
			 * the error that ended it stays. */
			return NULL;
		}
		db->err = 0;
		if ((st = db_prepare(db, id)) == NULL) {
			/* Lost while preparing: elsewhere at once outside
			 * a transaction.  Inside one, every statement fails
			 * until it ends (COMMIT or ROLLBACK moves on, and
			 * db_tx runs it again): nothing of it may run on a
			 * new connection outside the transaction. */
			if (db_moveon(db->err) && db->my != NULL &&
			    !db->intx) {
				db_failover(db);
				continue;
			}
			return NULL;
		}
		if ((int)mysql_stmt_param_count(st) != ba->n) {
			db_seterr(db, 0, "parameter count mismatch");
			log_warnx("%s: %s: %d parameters given, %lu expected",
			    __func__, db_stmts[id].name, ba->n,
			    mysql_stmt_param_count(st));
			return NULL;
		}
		if (ba->n > 0 && mysql_stmt_bind_param(st, ba->b) != 0) {
			db_seterr(db, mysql_stmt_errno(st),
			    mysql_stmt_error(st));
			return NULL;
		}
		db->count++;
		if (mysql_stmt_execute(st) == 0)
			return st;
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		if (db->intx && (db->err == DB_ER_DEADLOCK ||
		    db_moveon(db->err)))
			db->txfail = 1;
		if (db_moveon(db->err) && !db->intx) {
			log_warnx("%s: %s: %s, reconnecting", __func__,
			    db_stmts[id].name, db->errmsg);
			db_failover(db);
			continue;
		}
		/* A duplicate, or a procedure's answer (SIGNAL), is the
		 * caller's to read, not a fault. */
		if (db->err != DB_ER_DUP_ENTRY && db->err != DB_ER_SIGNAL)
			log_warnx("%s: %s: %s", __func__, db_stmts[id].name,
			    db->errmsg);
		return NULL;
	}
	return NULL;
}

/* The statement id, checked, with its values bound into ba. */
static int
db_bindnamed(struct db *db, int id, const struct dbarg *args,
    struct bindargs *ba)
{
	if (id < 0 || id >= db_nstmt) {
		db_seterr(db, 0, "no such statement");
		return -1;
	}
	if (db_collect(ba, id, args) == -1) {
		db_seterr(db, 0, "bad parameters");
		return -1;
	}
	return 0;
}

static long long
db_exec_st(MYSQL_STMT *st)
{
	long long	 n;

	if (st == NULL)
		return -1;
	n = (long long)mysql_stmt_affected_rows(st);
	/* A statement that returns rows by mistake must not wedge the
	 * connection. */
	if (mysql_stmt_field_count(st) > 0)
		mysql_stmt_free_result(st);
	return n;
}

long long
db_exec(struct db *db, int id, const struct dbarg *args)
{
	struct bindargs	 ba;

	if (db_bindnamed(db, id, args, &ba) == -1)
		return -1;
	return db_exec_st(db_run(db, id, &ba));
}

/* Binds result buffers for st; the arrays live in arena a. */
static int
db_bindres(struct dbres *r, struct arena *a, MYSQL_STMT *st)
{
	int	 i;

	r->ncol = (int)mysql_stmt_field_count(st);
	r->bind = arena_zalloc(a, sizeof(MYSQL_BIND) * (size_t)(r->ncol + 1));
	r->lens = arena_zalloc(a, sizeof(unsigned long) * (size_t)(r->ncol + 1));
	r->nulls = arena_zalloc(a, sizeof(my_bool) * (size_t)(r->ncol + 1));
	r->errs = arena_zalloc(a, sizeof(my_bool) * (size_t)(r->ncol + 1));
	for (i = 0; i < r->ncol; i++) {
		r->bind[i].buffer_type = MYSQL_TYPE_STRING;
		r->bind[i].buffer = arena_alloc(a, DB_INITBUF);
		r->bind[i].buffer_length = DB_INITBUF;
		r->bind[i].length = &r->lens[i];
		r->bind[i].is_null = &r->nulls[i];
		r->bind[i].error = &r->errs[i];
	}
	if (r->ncol > 0 && mysql_stmt_bind_result(st, r->bind) != 0)
		return -1;
	return 0;
}

/* Fetches one row into row (values in arena a); 1, 0 at end, -1 error. */
static int
db_fetchrow(struct dbres *r, MYSQL_STMT *st, struct arena *a,
    struct dbrow *row)
{
	int	 rc, i;

	rc = mysql_stmt_fetch(st);
	if (rc == MYSQL_NO_DATA)
		return 0;
	if (rc == 1)
		return -1;
	row->v = arena_alloc(a, sizeof(char *) * (size_t)(r->ncol + 1));
	row->len = arena_alloc(a, sizeof(size_t) * (size_t)(r->ncol + 1));
	for (i = 0; i < r->ncol; i++) {
		if (r->nulls[i]) {
			row->v[i] = NULL;
			row->len[i] = 0;
			continue;
		}
		row->len[i] = r->lens[i];
		row->v[i] = arena_alloc(a, r->lens[i] + 1);
		if (r->lens[i] <= DB_INITBUF) {
			memcpy(row->v[i], r->bind[i].buffer, r->lens[i]);
		} else {
			/* Truncated: read the whole value at its size. */
			MYSQL_BIND	 b;
			unsigned long	 l = 0;

			memset(&b, 0, sizeof(b));
			b.buffer_type = MYSQL_TYPE_STRING;
			b.buffer = row->v[i];
			b.buffer_length = r->lens[i] + 1;
			b.length = &l;
			if (mysql_stmt_fetch_column(st, &b, (unsigned)i, 0)
			    != 0)
				return -1;
		}
		row->v[i][row->len[i]] = '\0';
	}
	return 1;
}

static struct dbres *
db_query_st(struct db *db, struct arena *a, int id, MYSQL_STMT *st)
{
	struct dbres	*r;
	int		 cap = 16, rc;

	if (st == NULL)
		return NULL;
	r = arena_zalloc(a, sizeof(*r));
	r->a = a;
	r->cur = -1;
	if (db_bindres(r, a, st) == -1 || mysql_stmt_store_result(st) != 0) {
		db_seterr(db, mysql_stmt_errno(st), mysql_stmt_error(st));
		log_warnx("%s: %s: %s", __func__, db_stmts[id].name, db->errmsg);
		mysql_stmt_free_result(st);
		return NULL;
	}
	r->rows = arena_alloc(a, sizeof(struct dbrow) * (size_t)cap);
	for (;;) {
		if (r->nrow == cap) {
			struct dbrow *nr = arena_alloc(a,
			    sizeof(struct dbrow) * (size_t)cap * 2);
			memcpy(nr, r->rows, sizeof(struct dbrow) * (size_t)cap);
			r->rows = nr;
			cap *= 2;
		}
		rc = db_fetchrow(r, st, a, &r->rows[r->nrow]);
		if (rc == 0)
			break;
		if (rc == -1) {
			db_seterr(db, mysql_stmt_errno(st),
			    mysql_stmt_error(st));
			log_warnx("%s: %s: fetch: %s", __func__, db_stmts[id].name,
			    db->errmsg);
			mysql_stmt_free_result(st);
			return NULL;
		}
		r->nrow++;
	}
	mysql_stmt_free_result(st);
	return r;
}

struct dbres *
db_query(struct db *db, struct arena *a, int id, const struct dbarg *args)
{
	struct bindargs	 ba;

	if (db_bindnamed(db, id, args, &ba) == -1)
		return NULL;
	return db_query_st(db, a, id, db_run(db, id, &ba));
}

static struct dbres *
db_stream_st(struct db *db, struct arena *a, MYSQL_STMT *st)
{
	struct dbres	*r;

	if (st == NULL)
		return NULL;
	r = arena_zalloc(a, sizeof(*r));
	r->a = a;
	r->db = db;
	r->st = st;
	r->cur = -1;
	r->rowarena = arena_new(16384);
	if (db_bindres(r, a, st) == -1) {
		mysql_stmt_free_result(st);
		arena_free(r->rowarena);
		return NULL;
	}
	return r;
}

struct dbres *
db_stream(struct db *db, struct arena *a, int id, const struct dbarg *args)
{
	struct bindargs	 ba;

	if (db_bindnamed(db, id, args, &ba) == -1)
		return NULL;
	return db_stream_st(db, a, db_run(db, id, &ba));
}

void
dbres_close(struct dbres *r)
{
	if (r == NULL || r->st == NULL)
		return;
	mysql_stmt_free_result(r->st);
	arena_free(r->rowarena);
	r->st = NULL;
	r->rowarena = NULL;
}

int
dbres_next(struct dbres *r)
{
	int	 rc;

	if (r == NULL)
		return 0;
	if (r->st != NULL) {
		arena_reset(r->rowarena);
		rc = db_fetchrow(r, r->st, r->rowarena, &r->row);
		if (rc == 1)
			r->cur = 0;
		else if (rc == -1)
			log_warnx("%s: %s", __func__,
			    mysql_stmt_error(r->st));
		return rc;
	}
	if (r->cur + 1 >= r->nrow)
		return 0;
	r->cur++;
	return 1;
}

static const struct dbrow *
dbres_row(const struct dbres *r)
{
	if (r->st != NULL || r->rowarena != NULL)
		return &r->row;
	if (r->cur < 0 || r->cur >= r->nrow)
		return NULL;
	return &r->rows[r->cur];
}

int
dbres_rows(const struct dbres *r)
{
	return r->nrow;
}

void
dbres_rewind(struct dbres *r)
{
	if (r->st == NULL)
		r->cur = -1;
}

int
dbres_cols(const struct dbres *r)
{
	return r->ncol;
}

const char *
dbres_str(const struct dbres *r, int col)
{
	const struct dbrow *row = dbres_row(r);

	if (row == NULL || col < 0 || col >= r->ncol)
		return NULL;
	return row->v[col];
}

size_t
dbres_len(const struct dbres *r, int col)
{
	const struct dbrow *row = dbres_row(r);

	if (row == NULL || col < 0 || col >= r->ncol)
		return 0;
	return row->len[col];
}

long long
dbres_int(const struct dbres *r, int col)
{
	const char	*s = dbres_str(r, col);

	return s == NULL ? 0 : strtoll(s, NULL, 10);
}

unsigned long long
dbres_u(const struct dbres *r, int col)
{
	const char	*s = dbres_str(r, col);

	return s == NULL ? 0 : strtoull(s, NULL, 10);
}

time_t
db_parse_time(const char *s)
{
	struct tm	 tm;
	int		 y, mo, d, h = 0, mi = 0, sec = 0, n;

	if (s == NULL)
		return 0;
	n = sscanf(s, "%4d-%2d-%2d%*[ T]%2d:%2d:%2d", &y, &mo, &d, &h, &mi,
	    &sec);
	if (n != 3 && n < 5)
		return 0;
	if (mo < 1 || mo > 12 || d < 1 || d > 31 || h > 23 || mi > 59 ||
	    sec > 60)
		return 0;
	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = mo - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	tm.tm_min = mi;
	tm.tm_sec = sec;
	return timegm(&tm);
}

time_t
dbres_time(const struct dbres *r, int col)
{
	return db_parse_time(dbres_str(r, col));
}

int
dbres_isnull(const struct dbres *r, int col)
{
	return dbres_str(r, col) == NULL;
}

const char *
dbres_first(struct dbres *r)
{
	if (r == NULL || r->nrow == 0 || r->ncol == 0)
		return NULL;
	r->cur = 0;
	return r->rows[0].v[0];
}

static int
db_simple(struct db *db, const char *sql)
{
	if (db_connect(db) == -1)
		return -1;
	db->count++;
	if (mysql_real_query(db->my, sql, strlen(sql)) != 0) {
		db_seterr(db, mysql_errno(db->my), mysql_error(db->my));
		log_warnx("%s: %s: %s", __func__, sql, db->errmsg);
		if (db_moveon(db->err))
			db_failover(db);
		return -1;
	}
	return 0;
}

int
db_begin(struct db *db)
{
	db->txfail = 0;
	if (db_simple(db, "START TRANSACTION") == -1)
		return -1;
	db->intx = 1;
	return 0;
}

int
db_commit(struct db *db)
{
	int	 rc;

	/* A transaction that lost its connection or was rolled back by
	 * a deadlock cannot commit what it did (its statements failed
	 * since): it fails with the error that broke it. */
	if (db->txfail) {
		unsigned err = db->err;
		db_rollback(db);
		db->err = err;
		return -1;
	}
	rc = db_simple(db, "COMMIT");
	db->intx = 0;
	return rc;
}

int
db_rollback(struct db *db)
{
	int	 rc;
	unsigned err = db->err;

	db->txfail = 0;
	if (db->my == NULL) {
		db->intx = 0;
		return -1;
	}
	rc = db_simple(db, "ROLLBACK");
	db->intx = 0;
	/* The error that made the caller roll back is the one to see. */
	if (err != 0)
		db->err = err;
	return rc;
}

enum db_txnext
db_tx_next(unsigned err, int at_commit)
{
	if (err == DB_ER_DEADLOCK || err == DB_ER_LOCK_WAIT)
		return DB_TX_RETRY;	/* Galera certification: 1213 */
	if (at_commit && (db_lost(err) || err == 1047))
		return DB_TX_UNKNOWN;	/* may or may not have committed */
	if (db_moveon(err))
		return DB_TX_RETRY;	/* never reached COMMIT: rolled back */
	return DB_TX_FAIL;
}

int
db_tx_checked(struct db *db, int (*fn)(struct db *, void *),
    int (*done)(struct db *, void *), void *arg)
{
	int	 attempt, rc, d;
	enum db_txnext next;

	for (attempt = 0; attempt < DB_TX_ATTEMPTS; attempt++) {
		if (db_begin(db) == -1) {
			/* Lost, or no node answered: from scratch on the
			 * next node, once per node. */
			if (db_moveon(db->err) && attempt < db_nnodes)
				continue;
			return -1;
		}
		rc = fn(db, arg);
		if (rc == 0) {
			int broken = db->txfail;	/* COMMIT not sent */
			if (db_commit(db) == 0)
				return 0;
			next = db_tx_next(db->err, !broken);
		} else {
			db_rollback(db);
			if (rc > 0)
				return rc;
			next = db_tx_next(db->err, 0);
		}
		if (next == DB_TX_UNKNOWN) {
			/* The connection went during COMMIT: ask the
			 * database (on whichever node answers) whether it
			 * is there, never guess. */
			log_warnx("%s: commit outcome unknown (%s), checking",
			    __func__, db->errmsg);
			d = done != NULL ? done(db, arg) : -1;
			if (d == 1) {
				log_warnx("%s: it was committed", __func__);
				return 0;
			}
			if (d != 0) {
				log_warnx("%s: cannot tell whether it was "
				    "committed", __func__);
				return -1;
			}
			log_warnx("%s: it was not committed, running it "
			    "again", __func__);
		} else if (next != DB_TX_RETRY)
			return -1;
		else
			log_warnx("%s: %s, running it again (%d)", __func__,
			    db->errmsg, attempt + 1);
		usleep(2000u << attempt);
	}
	return -1;
}

int
db_tx(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	return db_tx_checked(db, fn, NULL, arg);
}

int
db_script(struct db *db, const char *text, char **err, struct arena *a)
{
	int	 rc, n = 0;

	if (db_connect(db) == -1) {
		*err = arena_printf(a, "connect: %s", db->errmsg);
		return -1;
	}
	if (mysql_real_query(db->my, text, strlen(text)) != 0) {
		*err = arena_printf(a, "statement 1: %s", mysql_error(db->my));
		return -1;
	}
	do {
		MYSQL_RES *res = mysql_store_result(db->my);
		if (res != NULL)
			mysql_free_result(res);
		n++;
		rc = mysql_next_result(db->my);
		if (rc > 0) {
			*err = arena_printf(a, "statement %d: %s", n + 1,
			    mysql_error(db->my));
			return -1;
		}
	} while (rc == 0);
	return 0;
}
