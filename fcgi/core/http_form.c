/*
 * http_form.c — the form-and-transaction flow: a form's one-time nonce
 * claimed in the same transaction as its writes, transaction functions
 * that return an outcome, and one way to show a form again.
 */
#include <string.h>

#include <sodium.h>

#include "db.h"
#include "http.h"
#include "http_int.h"
#include "log.h"
#include "session.h"
#include "sql_gen.h"

int
http_nonce_claim(struct req *r, const char *result_url, const char **prev)
{
	const char	*hex = http_str(r, "nonce");
	unsigned char	 raw[16];
	struct dbres	*res;
	size_t		 n;

	*prev = NULL;
	/* A form without a nonce (an API client) is not deduplicated. */
	if (hex == NULL)
		return 0;
	if (sodium_hex2bin(raw, sizeof(raw), hex, strlen(hex), NULL, &n,
	    NULL) != 0 || n != sizeof(raw))
		return 0;
	if (db_exec(r->db, SQL_NONCE_CLAIM, DB_ARGS(
	    DB_B(nonce, raw, sizeof(raw)),
	    DB_U(user_id, r->sess ? r->sess->user_id : 0),
	    DB_S(result_url, result_url))) == 1)
		return 0;
	if (db_errno(r->db) != DB_ER_DUP_ENTRY)
		return -1;
	res = db_query(r->db, r->a, SQL_NONCE_RESULT, DB_ARGS(
	    DB_B(nonce, raw, sizeof(raw))));
	if (res != NULL && dbres_next(res))
		*prev = dbres_str(res, NONCE_RESULT_RESULT_URL);
	return 1;
}

struct http_formtx {
	struct req	*r;
	enum outcome	(*fn)(struct req *, void *);
	void		*arg;
	const char	*url;
	const char	*prev;
	enum outcome	 out;
};

/* After a COMMIT whose outcome is unknown: 1 when the form's nonce is
 * claimed (the transaction that claims it is the one that committed:
 * a nonce claimed before makes the transaction OUT_DUPLICATE, which
 * never commits), 0 when not, -1 when it cannot be told (no nonce, or
 * no database to ask). */
int
http_nonce_stored(struct req *r)
{
	const char	*hex = http_str(r, "nonce");
	unsigned char	 raw[16];
	struct dbres	*res;
	size_t		 n;

	if (hex == NULL || sodium_hex2bin(raw, sizeof(raw), hex, strlen(hex),
	    NULL, &n, NULL) != 0 || n != sizeof(raw))
		return -1;
	res = db_query(r->db, r->a, SQL_NONCE_RESULT, DB_ARGS(
	    DB_B(nonce, raw, sizeof(raw))));
	if (res == NULL)
		return -1;
	return dbres_rows(res) > 0;
}

static int
http_form_done(struct db *db, void *arg)
{
	struct http_formtx *t = arg;

	(void)db;
	return http_nonce_stored(t->r);
}

/* db_tx with the unknown outcome of a COMMIT resolved by the nonce. */
int
http_form_db_tx(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	return db_tx_checked(db, fn, http_form_done, arg);
}

int	(*http_form_tx_run)(struct db *, int (*)(struct db *, void *),
	    void *) = http_form_db_tx;
int	(*http_form_claim)(struct req *, const char *, const char **) =
	    http_nonce_claim;

/* db_tx's side: 0 commits, -1 rolls back (and lets db_tx retry after a
 * deadlock), a positive outcome rolls back and comes back as is. */
static int
http_form_tx_fn(struct db *db, void *arg)
{
	struct http_formtx *t = arg;

	(void)db;
	t->prev = NULL;
	switch (http_form_claim(t->r, t->url, &t->prev)) {
	case 0:
		break;
	case 1:
		t->out = OUT_DUPLICATE;
		return (int)OUT_DUPLICATE;
	default:
		t->out = OUT_ERROR;
		return -1;
	}
	t->out = t->fn(t->r, t->arg);
	switch (t->out) {
	case OUT_OK:
		return 0;
	case OUT_ERROR:
		return -1;
	default:
		return (int)t->out;
	}
}

enum outcome
http_form_tx(struct req *r, enum outcome (*fn)(struct req *, void *),
    void *arg, const char *result_url, const char **prev_url)
{
	struct http_formtx t;
	int		 rc;

	memset(&t, 0, sizeof(t));
	t.r = r;
	t.fn = fn;
	t.arg = arg;
	t.url = result_url;
	t.out = OUT_ERROR;
	if (prev_url != NULL)
		*prev_url = NULL;
	if (r->db == NULL && http_form_tx_run == http_form_db_tx) {
		log_warnx("%s: no database", __func__);
		return OUT_ERROR;
	}
	rc = http_form_tx_run(r->db, http_form_tx_fn, &t);
	if (rc == 0) {
		/* What the request uploaded is now stored: keep it. */
		r->committed = 1;
		return OUT_OK;
	}
	if (rc < 0 || rc > (int)OUT_ERROR)
		return OUT_ERROR;
	if (rc == (int)OUT_DUPLICATE && prev_url != NULL)
		*prev_url = t.prev;
	return (enum outcome)rc;
}

int
http_form_again(struct req *r, const char *tmpl, struct val *m, int status)
{
	if (m == NULL)
		m = http_model(r);
	http_form_model(r, m);
	r->status = status;
	return http_render(r, tmpl, m);
}

int
http_form_page(struct req *r, const char *tmpl, struct val *m, int status)
{
	if (status != 200)
		return http_form_again(r, tmpl, m, status);
	return http_render(r, tmpl, m);
}

int
http_form_submit(struct req *r, enum outcome (*fn)(struct req *, void *),
    void *arg, const char *url)
{
	return http_form_submit_to(r, fn, arg, url, &url);
}

int
http_form_submit_to(struct req *r, enum outcome (*fn)(struct req *, void *),
    void *arg, const char *url, const char *const *to)
{
	const char	*prev;

	switch (http_form_tx(r, fn, arg, url, &prev)) {
	case OUT_OK:
		return http_redirect(r, 303, *to != NULL ? *to : url);
	case OUT_DUPLICATE:
		return http_redirect(r, 303, prev != NULL ? prev : url);
	case OUT_CONFLICT:
		return 409;
	case OUT_INVALID:
		return 422;
	case OUT_NOTFOUND:
		return 404;
	case OUT_FORBIDDEN:
		return 403;
	default:
		return 500;
	}
}
