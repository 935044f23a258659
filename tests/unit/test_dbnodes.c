/*
 * test_dbnodes.c — the database side of issue 18 that needs no server:
 * [db] nodes as F's cluster writes it (db_nodes_parse), what a
 * transaction does after each error (db_tx_next: re-run, resolve an
 * unknown COMMIT, or fail) and which errors mean "the database is away"
 * (a 503, db_err_away).
 */
#include <errmsg.h>

#include "db.h"
#include "t.h"

static void
test_nodes(void)
{
	struct db_node	 n[DB_MAXNODES];
	char		 err[256];
	int		 k;

	k = db_nodes_parse("127.0.0.1:3311, 127.0.0.1:3312, "
	    "/abs/path/mysqld.sock", n, DB_MAXNODES, err, sizeof(err));
	t_eq_int(k, 3, "three nodes in the cluster's syntax");
	t_eq_str(n[0].host, "127.0.0.1", "node 1: its host");
	t_eq_int(n[0].port, 3311, "node 1: its port");
	t_eq_str(n[0].socket, "", "node 1: no socket");
	t_eq_int(n[1].port, 3312, "node 2: its port, in the order given");
	t_eq_str(n[2].socket, "/abs/path/mysqld.sock", "node 3: a socket path");
	t_eq_str(n[2].host, "", "node 3: no host");

	k = db_nodes_parse("db1.example:3306", n, DB_MAXNODES, err,
	    sizeof(err));
	t_ok(k == 1 && strcmp(n[0].host, "db1.example") == 0 &&
	    n[0].port == 3306, "one node by name");
	k = db_nodes_parse("[::1]:3307,\t/run/m.sock ", n, DB_MAXNODES, err,
	    sizeof(err));
	t_ok(k == 2 && strcmp(n[0].host, "::1") == 0 && n[0].port == 3307 &&
	    strcmp(n[1].socket, "/run/m.sock") == 0,
	    "an IPv6 address in brackets; blanks and tabs around entries");

	t_eq_int(db_nodes_parse("127.0.0.1", n, DB_MAXNODES, err,
	    sizeof(err)), -1, "a host without a port is refused");
	t_ok(strstr(err, "127.0.0.1") != NULL, "naming the entry (%s)", err);
	t_eq_int(db_nodes_parse("127.0.0.1:0", n, DB_MAXNODES, err,
	    sizeof(err)), -1, "port 0 is refused");
	t_eq_int(db_nodes_parse("127.0.0.1:65536", n, DB_MAXNODES, err,
	    sizeof(err)), -1, "a port above 65535 is refused");
	t_eq_int(db_nodes_parse("127.0.0.1:33x", n, DB_MAXNODES, err,
	    sizeof(err)), -1, "a port with letters is refused");
	t_eq_int(db_nodes_parse("run/mysqld.sock", n, DB_MAXNODES, err,
	    sizeof(err)), -1, "a relative socket path is refused");
	t_eq_int(db_nodes_parse("a:1,,b:2", n, DB_MAXNODES, err,
	    sizeof(err)), -1, "an empty entry is refused");
	t_eq_int(db_nodes_parse("a:1,", n, DB_MAXNODES, err, sizeof(err)),
	    -1, "a trailing comma is refused");
	t_eq_int(db_nodes_parse("a:1,b:2,c:3", n, 2, err, sizeof(err)), -1,
	    "more nodes than room is refused");
}

static void
test_tx_next(void)
{
	t_eq_int(db_tx_next(DB_ER_DEADLOCK, 1), DB_TX_RETRY,
	    "1213 at COMMIT (Galera certification conflict): run it again");
	t_eq_int(db_tx_next(DB_ER_DEADLOCK, 0), DB_TX_RETRY,
	    "1213 mid-transaction: run it again");
	t_eq_int(db_tx_next(DB_ER_LOCK_WAIT, 0), DB_TX_RETRY,
	    "1205 mid-transaction: run it again");
	t_eq_int(db_tx_next(CR_SERVER_LOST, 1), DB_TX_UNKNOWN,
	    "connection lost during COMMIT: outcome unknown, to be checked");
	t_eq_int(db_tx_next(CR_SERVER_GONE_ERROR, 1), DB_TX_UNKNOWN,
	    "server gone at COMMIT: outcome unknown");
	t_eq_int(db_tx_next(1047, 1), DB_TX_UNKNOWN,
	    "node left the cluster at COMMIT: outcome unknown");
	t_eq_int(db_tx_next(CR_SERVER_LOST, 0), DB_TX_RETRY,
	    "connection lost before COMMIT: rolled back, run it again");
	t_eq_int(db_tx_next(1047, 0), DB_TX_RETRY,
	    "node not ready before COMMIT: run it again elsewhere");
	t_eq_int(db_tx_next(DB_ER_DUP_ENTRY, 0), DB_TX_FAIL,
	    "a duplicate key is no reason to run it again");
	t_eq_int(db_tx_next(0, 0), DB_TX_FAIL,
	    "a failure that is not the database's: no retry");
}

static void
test_away(void)
{
	t_ok(db_err_away(CR_CONNECTION_ERROR), "no socket: away");
	t_ok(db_err_away(CR_CONN_HOST_ERROR), "refused / timed out: away");
	t_ok(db_err_away(CR_SERVER_GONE_ERROR), "server gone: away");
	t_ok(db_err_away(CR_SERVER_LOST), "connection lost: away");
	t_ok(db_err_away(1047), "WSREP not prepared: away");
	t_ok(db_err_away(1053), "server shutting down: away");
	t_ok(!db_err_away(DB_ER_DUP_ENTRY), "a duplicate key is not away");
	t_ok(!db_err_away(1064), "an SQL syntax error is not away (500)");
	t_ok(!db_err_away(0), "no error is not away");
}

int
main(void)
{
	test_nodes();
	test_tx_next();
	test_away();
	return t_done();
}
