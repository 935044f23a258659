/*
 * comment_baseline.c — the yardstick of the durable comments per second
 * of `make bench` (scripts/bench-parts/17-comments.sh): the same comment
 * row the comment POST stores (sql/queries/comment.sql, comment_insert:
 * the same columns, a distinct text and hash each time), inserted and
 * committed through the same MariaDB by a minimal client on Connector/C
 * at the same concurrency — one connection per thread, one prepared
 * INSERT in autocommit, so each row is one durable commit
 * (innodb_flush_log_at_trx_commit=1 on the bench's server).
 *
 *   sharek-comment-baseline SOCKET USER DATABASE ACTIVITY USER_ID
 *                           CONNECTIONS SECONDS [READS]
 *   env: BENCH_DB_PASSWORD (the password of USER, empty by default)
 *
 * With READS > 0 each row is instead one transaction of READS primary-
 * key reads of the activity's row and then the INSERT, committed: what
 * the number of statements of a comment costs the same server by itself,
 * without HTTP, sessions or pages (the bench passes the statements a
 * comment's GET and POST ran, less one).
 *
 * Prints "N rows in S s: R rows/s" and exits 0, or names what failed
 * and exits 1.
 */
#include <pthread.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include <mysql.h>

#define MAX_CONNS	1024

static const char	*sock, *user, *pass, *dbname;
static unsigned long long activity, author;
static double		 until;
static int		 failed, reads;
static pthread_mutex_t	 mtx = PTHREAD_MUTEX_INITIALIZER;

static const char read_sql[] =
    "SELECT participants FROM activities WHERE id = ?";

static const char insert_sql[] =
    "INSERT INTO comments (activity_id, article_id, user_id, body, body_hash,"
    " status, received_at, moderation_due_at, ip)"
    " VALUES (?, NULL, ?, ?, ?, 'pending', UTC_TIMESTAMP(),"
    " UTC_TIMESTAMP() + INTERVAL 3 DAY, ?)";

struct worker {
	pthread_t	 t;
	int		 n;
	long		 rows;
};

static double
now(void)
{
	struct timespec	 ts;

	clock_gettime(CLOCK_MONOTONIC, &ts);
	return ts.tv_sec + ts.tv_nsec / 1e9;
}

static void
fail(MYSQL *my, MYSQL_STMT *st, const char *what)
{
	pthread_mutex_lock(&mtx);
	fprintf(stderr, "comment-baseline: %s: %s\n", what,
	    st != NULL ? mysql_stmt_error(st) : mysql_error(my));
	failed = 1;
	pthread_mutex_unlock(&mtx);
}

static void *
run(void *arg)
{
	struct worker	*w = arg;
	MYSQL		*my;
	MYSQL_STMT	*st = NULL, *rd = NULL;
	MYSQL_BIND	 b[5], rb[1];
	int		 k;
	char		 body[128], hash[32], ip[] = "192.0.2.1";
	unsigned long	 body_len, hash_len = sizeof(hash), ip_len;

	if ((my = mysql_init(NULL)) == NULL)
		return NULL;
	mysql_options(my, MYSQL_SET_CHARSET_NAME, "utf8mb4");
	mysql_options(my, MYSQL_INIT_COMMAND, "SET time_zone = '+00:00'");
	if (mysql_real_connect(my, NULL, user, pass, dbname, 0, sock, 0) ==
	    NULL) {
		fail(my, NULL, "connect");
		goto out;
	}
	if ((st = mysql_stmt_init(my)) == NULL ||
	    mysql_stmt_prepare(st, insert_sql, sizeof(insert_sql) - 1) != 0) {
		fail(my, st, "prepare");
		goto out;
	}
	memset(b, 0, sizeof(b));
	b[0].buffer_type = MYSQL_TYPE_LONGLONG;
	b[0].buffer = &activity;
	b[0].is_unsigned = 1;
	b[1].buffer_type = MYSQL_TYPE_LONGLONG;
	b[1].buffer = &author;
	b[1].is_unsigned = 1;
	b[2].buffer_type = MYSQL_TYPE_STRING;
	b[2].buffer = body;
	b[2].length = &body_len;
	b[3].buffer_type = MYSQL_TYPE_BLOB;
	b[3].buffer = hash;
	b[3].length = &hash_len;
	b[4].buffer_type = MYSQL_TYPE_STRING;
	b[4].buffer = ip;
	ip_len = strlen(ip);
	b[4].length = &ip_len;
	if (mysql_stmt_bind_param(st, b) != 0) {
		fail(my, st, "bind");
		goto out;
	}
	if (reads > 0) {
		memset(rb, 0, sizeof(rb));
		rb[0].buffer_type = MYSQL_TYPE_LONGLONG;
		rb[0].buffer = &activity;
		rb[0].is_unsigned = 1;
		if ((rd = mysql_stmt_init(my)) == NULL ||
		    mysql_stmt_prepare(rd, read_sql, sizeof(read_sql) - 1) !=
		    0 || mysql_stmt_bind_param(rd, rb) != 0 ||
		    mysql_autocommit(my, 0) != 0) {
			fail(my, rd, "prepare the read");
			goto out;
		}
	}
	while (now() < until) {
		for (k = 0; k < reads; k++)
			if (mysql_stmt_execute(rd) != 0 ||
			    mysql_stmt_store_result(rd) != 0 ||
			    mysql_stmt_free_result(rd) != 0) {
				fail(my, rd, "read");
				goto out;
			}
		body_len = (unsigned long)snprintf(body, sizeof(body),
		    "تعليق القياس %d-%ld على المسودة، مع بعض التفاصيل.", w->n,
		    w->rows);
		memset(hash, 0, sizeof(hash));
		memcpy(hash, &w->n, sizeof(w->n));
		memcpy(hash + sizeof(w->n), &w->rows, sizeof(w->rows));
		hash[31] = (char)(rand() & 0xff);
		if (mysql_stmt_execute(st) != 0) {
			fail(my, st, "insert");
			break;
		}
		if (reads > 0 && mysql_commit(my) != 0) {
			fail(my, NULL, "commit");
			break;
		}
		w->rows++;
	}
out:
	if (rd != NULL)
		mysql_stmt_close(rd);
	if (st != NULL)
		mysql_stmt_close(st);
	mysql_close(my);
	return NULL;
}

int
main(int argc, char *argv[])
{
	static struct worker	 w[MAX_CONNS];
	double			 start, secs;
	long			 total = 0;
	int			 conns, i;

	if (argc != 8 && argc != 9) {
		fprintf(stderr, "usage: sharek-comment-baseline SOCKET USER "
		    "DATABASE ACTIVITY USER_ID CONNECTIONS SECONDS [READS]\n");
		return 1;
	}
	reads = argc == 9 ? atoi(argv[8]) : 0;
	sock = argv[1];
	user = argv[2];
	dbname = argv[3];
	activity = strtoull(argv[4], NULL, 10);
	author = strtoull(argv[5], NULL, 10);
	conns = atoi(argv[6]);
	secs = atof(argv[7]);
	if ((pass = getenv("BENCH_DB_PASSWORD")) == NULL)
		pass = "";
	if (conns < 1 || conns > MAX_CONNS || secs <= 0 || reads < 0) {
		fprintf(stderr, "comment-baseline: 1 to %d connections, a "
		    "positive number of seconds\n", MAX_CONNS);
		return 1;
	}
	if (mysql_library_init(0, NULL, NULL) != 0)
		return 1;
	start = now();
	until = start + secs;
	for (i = 0; i < conns; i++) {
		w[i].n = i;
		if (pthread_create(&w[i].t, NULL, run, &w[i]) != 0) {
			fprintf(stderr, "comment-baseline: cannot start a "
			    "thread\n");
			return 1;
		}
	}
	for (i = 0; i < conns; i++) {
		pthread_join(w[i].t, NULL);
		total += w[i].rows;
	}
	secs = now() - start;
	mysql_library_end();
	if (failed)
		return 1;
	printf("%ld rows in %.2f s: %.1f rows/s\n", total, secs, total / secs);
	return 0;
}
