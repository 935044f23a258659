/*
 * page_2fa.c — the second factor of staff accounts (issue 9; OWASP ASVS
 * 5.0 V6.3): TOTP (RFC 6238, fcgi/core/totp.h) with ten one-time
 * recovery codes (fcgi/core/recovery.h).  Mandatory for the ministry's
 * administrators and liaison officers, offered to coordinators and
 * supervisors (session_get in sql/queries/core.sql says which).
 *
 * GET  /staff/login/code       factor_next_params: next.  The code a
 *                              half-signed-in session owes after the
 *                              password (view staff/2fa_code); others
 *                              are sent on (sign-in, enrolment, next)
 * POST /staff/login/code       factor_code_params: code (six digits, or
 *                              a recovery code), next → 303 next with a
 *                              new session marked done; 422 a wrong or
 *                              replayed code, 429 too many wrong codes
 * GET  /staff/2fa              the account's second factor: on or off,
 *                              recovery codes left, turn on / off
 *                              (view staff/2fa)
 * GET  /staff/2fa/enrol        factor_next_params: next.  Enrolment: the
 *                              first step, then the QR code, the key as
 *                              text and the field for the first code
 *                              (view staff/2fa_enrol)
 * POST /staff/2fa/enrol/start  factor_next_params: next → 303
 *                              /staff/2fa/enrol with a new key (409 when
 *                              the factor is on already)
 * POST /staff/2fa/enrol        factor_code_params: code, next → 200 the
 *                              ten recovery codes, shown once (view
 *                              staff/2fa_codes), the factor on and the
 *                              session marked done; 422 a wrong code
 *                              (the enrolment page again), 429
 * POST /staff/2fa/disable      factor_off_params: code → 303 /staff/2fa;
 *                              403 for a role that must have it
 * Permission: the code page is for a session owing its code (anyone
 * else is sent on); the others ACT_STAFF_HOME, and enrolment is open to
 * a session owing its enrolment (R_FACTOR).  Turning the factor on or
 * off and using a recovery code are audited.  Wrong codes are throttled
 * like passwords (session_factor_throttled).
 */
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "auth.h"
#include "authpage.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "qr.h"
#include "recovery.h"
#include "session.h"
#include "sql_gen.h"
#include "staff.h"
#include "totp.h"
#include "vm.h"

const struct param factor_next_params[FACTOR_NEXT__MAX] = {
	[FACTOR_NEXT_NEXT] = { .name = "next", .type = PT_STR, .max = 500 },
};
const struct param factor_code_params[FACTOR_CODE__MAX] = {
	/* A credential like the password: never echoed back. */
	[FACTOR_CODE_CODE] = { .name = "code", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .max = 40,
	    .label = N_("Code") },
	[FACTOR_CODE_NEXT] = { .name = "next", .type = PT_STR, .max = 500 },
};
const struct param factor_off_params[FACTOR_OFF__MAX] = {
	[FACTOR_OFF_CODE] = { .name = "code", .type = PT_STR,
	    .flags = P_REQ | P_SECRET, .max = 40,
	    .label = N_("Code") },
};

/* Where to end: the "next" of the route's table, a local path, or the
 * back office's home. */
static const char *
factor_next(struct req *r)
{
	const char	*n = NULL;

	if (r->route->params == factor_next_params)
		n = http_arg_str(r, FACTOR_NEXT_NEXT);
	else if (r->route->params == factor_code_params)
		n = http_arg_str(r, FACTOR_CODE_NEXT);
	return authpage_local(r, n);
}

/* A page of the factor with next= (URL-encoded); arena-owned. */
static const char *
factor_url(struct req *r, const char *page, const char *next)
{
	struct buf	 b;

	buf_init(&b, r->a);
	buf_adds(&b, page);
	buf_adds(&b, "?next=");
	buf_url(&b, next, strlen(next));
	return b.data;
}

/* The page for a request whose session is not (or no longer) owing a
 * code: sign in, enrol, or go on.  NULL when the code page applies. */
static const char *
factor_elsewhere(struct req *r)
{
	if (r->sess == NULL)
		return factor_url(r, "/staff/login", factor_next(r));
	if (r->sess->factor == SESSION_FACTOR_CODE)
		return NULL;
	if (r->sess->factor == SESSION_FACTOR_ENROL)
		return authpage_factor_url(r, factor_next(r));
	return factor_next(r);
}

/* ---- the user's TOTP row ------------------------------------------ */

struct factor_row {
	int		 found;
	int		 enabled;
	time_t		 enabled_at;
	long long	 last_step;
	unsigned char	 secret[TOTP_SECRET_LEN];
	int		 opened;	/* secret[] holds the secret */
};

/* Reads and opens the signed-in user's row.  0 (found or not), -1. */
static int
factor_load(struct req *r, struct factor_row *f)
{
	struct dbres	*res;

	memset(f, 0, sizeof(*f));
	res = db_query(r->db, r->a, SQL_FACTOR_GET, DB_ARGS(
	    DB_U(user_id, r->sess->user_id)));
	if (res == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	f->found = 1;
	f->enabled = dbres_int(res, FACTOR_GET_ENABLED) != 0;
	f->enabled_at = (time_t)dbres_int(res, FACTOR_GET_ENABLED_UNIX);
	f->last_step = dbres_int(res, FACTOR_GET_LAST_STEP);
	if (dbres_len(res, FACTOR_GET_SECRET_NONCE) == TOTP_NONCE_LEN &&
	    totp_open(auth_key(), r->sess->user_id,
	    (const unsigned char *)dbres_str(res, FACTOR_GET_SECRET_ENC),
	    dbres_len(res, FACTOR_GET_SECRET_ENC),
	    (const unsigned char *)dbres_str(res, FACTOR_GET_SECRET_NONCE),
	    f->secret) == 0)
		f->opened = 1;
	return 0;
}

/* ---- checking a code (in the caller's transaction) ---------------- */

enum factor_how {
	FACTOR_SIGNIN,		/* a code at sign-in */
	FACTOR_OFF,		/* a code to turn the factor off */
	FACTOR_ENROL		/* the first code of an enrolment */
};

struct factor_try {
	enum factor_how	 how;
	int		 key;		/* the code's key in the route's table */
	const char	*code;
	int		 recovery_used;	/* out: a recovery code was spent */
	long		 wait;		/* out: seconds to wait (throttled) */
	struct recovery_code codes[RECOVERY_COUNT];	/* FACTOR_ENROL */
};

/* A recovery code of the user, spent: OUT_OK, OUT_INVALID (none such,
 * or used), OUT_ERROR. */
static enum outcome
factor_recovery(struct req *r, const char *code)
{
	unsigned char	 hashes[RECOVERY_COUNT][RECOVERY_HASH_LEN];
	unsigned long long ids[RECOVERY_COUNT];
	struct dbres	*res;
	size_t		 n = 0;
	int		 i;
	long long	 k;

	res = db_query(r->db, r->a, SQL_RECOVERY_UNUSED, DB_ARGS(
	    DB_U(user_id, r->sess->user_id)));
	if (res == NULL)
		return OUT_ERROR;
	while (dbres_next(res) && n < RECOVERY_COUNT) {
		if (dbres_len(res, RECOVERY_UNUSED_CODE_HASH) !=
		    RECOVERY_HASH_LEN)
			continue;
		memcpy(hashes[n], dbres_str(res, RECOVERY_UNUSED_CODE_HASH),
		    RECOVERY_HASH_LEN);
		ids[n++] = dbres_u(res, RECOVERY_UNUSED_ID);
	}
	i = recovery_find(auth_key(), r->sess->user_id, code,
	    (const unsigned char (*)[RECOVERY_HASH_LEN])hashes, n);
	if (i < 0)
		return OUT_INVALID;
	/* One changed row: two workers cannot both spend it. */
	k = db_exec(r->db, SQL_RECOVERY_SPEND, DB_ARGS(DB_U(id, ids[i]),
	    DB_U(user_id, r->sess->user_id)));
	if (k < 0)
		return OUT_ERROR;
	return k == 1 ? OUT_OK : OUT_INVALID;
}

static enum outcome
factor_try_tx(struct req *r, void *arg)
{
	struct factor_try *t = arg;
	struct factor_row f;
	char		 canon[RECOVERY_CHARS + 1];
	long long	 step, k;
	enum outcome	 out;
	int		 i;

	if (factor_load(r, &f) == -1)
		return OUT_ERROR;
	/* Enrolment needs a key not yet in use; the others an enabled one. */
	if (!f.found || !f.opened || f.enabled != (t->how != FACTOR_ENROL))
		return OUT_CONFLICT;
	t->recovery_used = 0;
	if (t->how != FACTOR_ENROL &&
	    recovery_normalise(t->code, canon) == 0) {
		sodium_memzero(f.secret, sizeof(f.secret));
		if ((out = factor_recovery(r, t->code)) != OUT_OK) {
			if (out == OUT_INVALID)
				http_arg_error(r, t->key, N_("This recovery "
				    "code is not correct or has been used "
				    "already."));
			return out;
		}
		t->recovery_used = 1;
	} else {
		/* A code of a step already spent is refused like a wrong
		 * one: within its window it is a replay. */
		k = totp_verify(f.secret, sizeof(f.secret), t->code,
		    time(NULL), f.last_step, &step);
		sodium_memzero(f.secret, sizeof(f.secret));
		if (k != 0) {
			http_arg_error(r, t->key, N_("This code is not "
			    "correct. Type the six digits your app shows "
			    "now."));
			return OUT_INVALID;
		}
		k = db_exec(r->db, t->how == FACTOR_ENROL ?
		    SQL_FACTOR_ENABLE : SQL_FACTOR_STEP, DB_ARGS(
		    DB_U(user_id, r->sess->user_id), DB_I(step, step)));
		if (k < 0)
			return OUT_ERROR;
		if (k != 1) {
			http_arg_error(r, t->key, N_("This code is not "
			    "correct. Type the six digits your app shows "
			    "now."));
			return OUT_INVALID;
		}
	}
	switch (t->how) {
	case FACTOR_SIGNIN:
		if (t->recovery_used && audit_record(r->db, staff_actor(r),
		    "user.2fa_recovery", "user", r->sess->user_id,
		    arena_printf(r->a, "%s signed in with a recovery code",
		    r->sess->email)) == -1)
			return OUT_ERROR;
		return OUT_OK;
	case FACTOR_OFF:
		if (db_exec(r->db, SQL_FACTOR_DISABLE, DB_ARGS(
		    DB_U(user_id, r->sess->user_id))) != 1 ||
		    db_exec(r->db, SQL_RECOVERY_DELETE_USER, DB_ARGS(
		    DB_U(user_id, r->sess->user_id))) < 0 ||
		    audit_record(r->db, staff_actor(r), "user.2fa_disable",
		    "user", r->sess->user_id, r->sess->email) == -1)
			return OUT_ERROR;
		return OUT_OK;
	case FACTOR_ENROL:
		/* A new set replaces any old one. */
		if (db_exec(r->db, SQL_RECOVERY_DELETE_USER, DB_ARGS(
		    DB_U(user_id, r->sess->user_id))) < 0)
			return OUT_ERROR;
		for (i = 0; i < RECOVERY_COUNT; i++)
			if (db_exec(r->db, SQL_RECOVERY_INSERT, DB_ARGS(
			    DB_U(user_id, r->sess->user_id),
			    DB_B(hash, t->codes[i].hash,
			    RECOVERY_HASH_LEN))) != 1)
				return OUT_ERROR;
		if (audit_record(r->db, staff_actor(r), "user.2fa_enable",
		    "user", r->sess->user_id, r->sess->email) == -1)
			return OUT_ERROR;
		return OUT_OK;
	}
	return OUT_ERROR;
}

/* Checks the throttle, runs the check and records the attempt.  The
 * outcome; OUT_FORBIDDEN stands for "too many wrong codes" (429, with
 * the seconds to wait in t->wait). */
static enum outcome
factor_try(struct req *r, struct factor_try *t)
{
	enum outcome	 out;

	if ((t->wait = session_factor_throttled(r)) < 0)
		return OUT_ERROR;
	if (t->wait > 0)
		return OUT_FORBIDDEN;
	t->code = http_arg_str(r, t->key);
	out = http_form_tx(r, factor_try_tx, t, factor_next(r), NULL);
	if (out == OUT_OK || out == OUT_INVALID)
		session_factor_attempt(r, out == OUT_OK);
	return out;
}

/* "Too many wrong codes" with the whole minutes to wait, rounded up. */
static const char *
factor_throttled_message(struct req *r, long wait)
{
	return i18n_subst(r->a, tr(r, "Too many wrong codes. Please wait {1} "
	    "minutes and try again."), arena_printf(r->a, "%ld",
	    wait > 0 ? (wait + 59) / 60 : 1), NULL);
}

/* ---- sign-in: the code -------------------------------------------- */

/* The form's fields (values kept, a message per field) and, above them,
 * a message about the whole form (NULL: none). */
static void
factor_message(struct req *r, struct val *m, const char *message)
{
	http_form_model(r, m);
	if (message != NULL) {
		vm_str(m, "login_error", message);
		vm_bool(m, "has_errors", 1);
	}
}

static int
factor_code_show(struct req *r, int status, const char *message)
{
	struct val	*m = http_model(r);

	vm_str(m, "title", tr(r, "Two-step verification"));
	vm_str(m, "next", factor_next(r));
	factor_message(r, m, message);
	r->status = status;
	return http_render(r, "staff/2fa_code", m);
}

int
page_factor_code_form(struct req *r)
{
	const char	*to = factor_elsewhere(r);

	if (to != NULL)
		return http_redirect(r, 303, to);
	return factor_code_show(r, 200, NULL);
}

int
page_factor_code(struct req *r)
{
	struct factor_try t;
	const char	*to;

	if (r->sess == NULL)
		return 403;
	if ((to = factor_elsewhere(r)) != NULL)
		return http_redirect(r, 303, to);
	if (r->nerr > 0)
		return factor_code_show(r, 422, NULL);
	memset(&t, 0, sizeof(t));
	t.how = FACTOR_SIGNIN;
	t.key = FACTOR_CODE_CODE;
	switch (factor_try(r, &t)) {
	case OUT_OK:
		if (session_factor_done(r) == -1)
			return 500;
		return http_redirect(r, 303, factor_next(r));
	case OUT_DUPLICATE:
		return http_redirect(r, 303, factor_next(r));
	case OUT_INVALID:
		return factor_code_show(r, 422, NULL);
	case OUT_FORBIDDEN:
		return factor_code_show(r, 429, factor_throttled_message(r,
		    t.wait));
	case OUT_CONFLICT:
		/* Turned off or reset meanwhile: start again. */
		return http_redirect(r, 303, "/staff/login");
	default:
		return 500;
	}
}

/* ---- the account's page ------------------------------------------- */

static int
factor_page_show(struct req *r, int status, const char *message)
{
	struct val	*m = http_model(r);
	struct factor_row f;
	struct dbres	*res;

	if (factor_load(r, &f) == -1)
		return 500;
	sodium_memzero(f.secret, sizeof(f.secret));
	factor_message(r, m, message);
	vm_str(m, "title", tr(r, "Two-step verification"));
	vm_bool(m, "on", f.enabled);
	vm_bool(m, "required", r->sess->factor_required);
	if (f.enabled) {
		vm_str(m, "since", present_datetime(r, f.enabled_at));
		res = db_query(r->db, r->a, SQL_RECOVERY_UNUSED, DB_ARGS(
		    DB_U(user_id, r->sess->user_id)));
		if (res == NULL)
			return 500;
		vm_int(m, "codes_left", dbres_rows(res));
	}
	r->status = status;
	return http_render(r, "staff/2fa", m);
}

int
page_factor(struct req *r)
{
	return factor_page_show(r, 200, NULL);
}

/* ---- enrolment ---------------------------------------------------- */

/* The enrolment page: the first step, or the key of the enrolment begun
 * (QR code and text) with the field for the first code. */
static int
factor_enrol_show(struct req *r, int status, const char *message)
{
	struct val	*m = http_model(r);
	struct factor_row f;
	struct buf	 svg;
	const char	*uri;

	if (factor_load(r, &f) == -1)
		return 500;
	if (f.enabled)
		return http_redirect(r, 303, "/staff/2fa");
	vm_str(m, "title", tr(r, "Set up two-step verification"));
	vm_str(m, "next", factor_next(r));
	factor_message(r, m, message);
	vm_bool(m, "required", r->sess->factor_required);
	if (f.found && f.opened) {
		/* The key is a secret: never kept by a cache. */
		http_header(r, "Cache-Control", "no-store");
		uri = totp_uri(r->a, r->sess->email, f.secret,
		    sizeof(f.secret));
		buf_init(&svg, r->a);
		if (uri == NULL || qr_svg(&svg, uri, tr(r, "QR code of your "
		    "key for an authenticator app")) == -1)
			return 500;
		vm_bool(m, "begun", 1);
		vm_str(m, "qr_svg", svg.data);
		vm_str(m, "secret", totp_base32_grouped(r->a, f.secret,
		    sizeof(f.secret)));
		sodium_memzero(f.secret, sizeof(f.secret));
		vm_str(m, "account", r->sess->email);
	}
	r->status = status;
	return http_render(r, "staff/2fa_enrol", m);
}

/* A session that owes a code goes there first; one with the factor on
 * has nothing to enrol.  NULL: enrolment applies. */
static const char *
factor_enrol_elsewhere(struct req *r)
{
	if (r->sess->factor == SESSION_FACTOR_CODE)
		return authpage_factor_url(r, factor_next(r));
	if (r->sess->factor_enabled)
		return "/staff/2fa";
	return NULL;
}

int
page_factor_enrol_form(struct req *r)
{
	const char	*to = factor_enrol_elsewhere(r);

	if (to != NULL)
		return http_redirect(r, 303, to);
	return factor_enrol_show(r, 200, NULL);
}

struct factor_start {
	unsigned char	 sealed[TOTP_SEALED_LEN];
	unsigned char	 nonce[TOTP_NONCE_LEN];
};

static enum outcome
factor_start_tx(struct req *r, void *arg)
{
	struct factor_start *s = arg;
	long long	 k;

	k = db_exec(r->db, SQL_FACTOR_RESTART, DB_ARGS(
	    DB_U(user_id, r->sess->user_id),
	    DB_B(secret, s->sealed, sizeof(s->sealed)),
	    DB_B(nonce, s->nonce, sizeof(s->nonce))));
	if (k < 0)
		return OUT_ERROR;
	if (k == 1)
		return OUT_OK;
	k = db_exec(r->db, SQL_FACTOR_INSERT, DB_ARGS(
	    DB_U(user_id, r->sess->user_id),
	    DB_B(secret, s->sealed, sizeof(s->sealed)),
	    DB_B(nonce, s->nonce, sizeof(s->nonce))));
	if (k == 1)
		return OUT_OK;
	/* A row that the restart did not change is an enabled factor. */
	return db_errno(r->db) == DB_ER_DUP_ENTRY ? OUT_CONFLICT : OUT_ERROR;
}

int
page_factor_enrol_start(struct req *r)
{
	struct factor_start s;
	unsigned char	 secret[TOTP_SECRET_LEN];
	const char	*to = factor_enrol_elsewhere(r), *url;

	if (to != NULL)
		return http_redirect(r, 303, to);
	if (totp_secret_new(secret) == -1 || totp_seal(auth_key(),
	    r->sess->user_id, secret, s.sealed, s.nonce) == -1)
		return 500;
	sodium_memzero(secret, sizeof(secret));
	url = factor_url(r, AUTHPAGE_FACTOR_ENROL, factor_next(r));
	switch (http_form_tx(r, factor_start_tx, &s, url, NULL)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, url);
	case OUT_CONFLICT:
		return 409;
	default:
		return 500;
	}
}

int
page_factor_enrol(struct req *r)
{
	struct factor_try t;
	struct val	*m, *l;
	const char	*to = factor_enrol_elsewhere(r);
	int		 i;

	if (to != NULL)
		return http_redirect(r, 303, to);
	if (r->nerr > 0)
		return factor_enrol_show(r, 422, NULL);
	memset(&t, 0, sizeof(t));
	t.how = FACTOR_ENROL;
	t.key = FACTOR_CODE_CODE;
	if (recovery_make(auth_key(), r->sess->user_id, t.codes) == -1)
		return 500;
	switch (factor_try(r, &t)) {
	case OUT_OK:
		break;
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/staff/2fa");
	case OUT_INVALID:
		return factor_enrol_show(r, 422, NULL);
	case OUT_FORBIDDEN:
		return factor_enrol_show(r, 429, factor_throttled_message(r,
		    t.wait));
	case OUT_CONFLICT:
		/* Not begun (or begun again elsewhere): the first step. */
		return http_redirect(r, 303, factor_url(r,
		    AUTHPAGE_FACTOR_ENROL, factor_next(r)));
	default:
		return 500;
	}
	/* Signed in with the factor from now on, on a new token. */
	if (session_factor_done(r) == -1)
		return 500;
	m = http_model(r);
	http_header(r, "Cache-Control", "no-store");
	vm_str(m, "title", tr(r, "Your recovery codes"));
	vm_str(m, "next", factor_next(r));
	l = vm_list(m, "codes");
	for (i = 0; i < RECOVERY_COUNT; i++)
		vm_str(vm_push(l), "code", arena_strdup(r->a,
		    t.codes[i].text));
	sodium_memzero(t.codes, sizeof(t.codes));
	return http_render(r, "staff/2fa_codes", m);
}

/* ---- turning it off ----------------------------------------------- */

int
page_factor_disable(struct req *r)
{
	struct factor_try t;

	/* The ministry's administrators and liaison officers keep it; an
	 * operator resets a lost one (sharekctl user reset-2fa). */
	if (r->sess->factor_required)
		return 403;
	if (!r->sess->factor_enabled)
		return http_redirect(r, 303, "/staff/2fa");
	if (r->nerr > 0)
		return factor_page_show(r, 422, NULL);
	memset(&t, 0, sizeof(t));
	t.how = FACTOR_OFF;
	t.key = FACTOR_OFF_CODE;
	switch (factor_try(r, &t)) {
	case OUT_OK:
	case OUT_DUPLICATE:
	case OUT_CONFLICT:
		return http_redirect(r, 303, "/staff/2fa");
	case OUT_INVALID:
		return factor_page_show(r, 422, NULL);
	case OUT_FORBIDDEN:
		return factor_page_show(r, 429, factor_throttled_message(r,
		    t.wait));
	default:
		return 500;
	}
}
