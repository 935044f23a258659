/*
 * test_form.c — the form-and-transaction flow without MariaDB:
 * http_form_tx's outcomes through a stand-in for db_tx that keeps
 * db_tx's contract (0 commits, -1 rolls back and is retried after a
 * deadlock, >0 rolls back and comes back as is) and a stand-in for the
 * nonce claim; and http_form_again drawing a form with its values,
 * messages and status.  The claim against real MariaDB (a unique key on
 * the nonce) is covered by the HTTP tests of the forms that use it.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "http.h"
#include "http_int.h"
#include "t.h"
#include "tmpl.h"
#include "vm.h"

static struct arena	*a;

/* What the stand-ins saw. */
static int	 commits, rollbacks, attempts, claims, calls;
static int	 deadlock_once;		/* the next -1 is a deadlock */
static int	 claim_rc;
static const char *claim_prev;
static const char *claimed_url;

static int
fake_tx(struct db *db, int (*fn)(struct db *, void *), void *arg)
{
	int	 rc, attempt;

	for (attempt = 0; attempt < 4; attempt++) {
		attempts++;
		rc = fn(db, arg);
		if (rc == 0) {
			commits++;
			return 0;
		}
		rollbacks++;
		if (rc > 0)
			return rc;
		if (!deadlock_once)
			return -1;
		deadlock_once = 0;
	}
	return -1;
}

static int
fake_claim(struct req *r, const char *url, const char **prev)
{
	(void)r;
	claims++;
	claimed_url = url;
	*prev = claim_rc == 1 ? claim_prev : NULL;
	return claim_rc;
}

struct step {
	enum outcome	 out[4];	/* what fn returns, call by call */
	int		 deadlock;	/* the first OUT_ERROR is a deadlock */
};

static enum outcome
tx_fn(struct req *r, void *arg)
{
	struct step	*s = arg;

	(void)r;
	return s->out[calls++];
}

static void
reset(void)
{
	commits = rollbacks = attempts = claims = calls = 0;
	deadlock_once = 0;
	claim_rc = 0;
	claim_prev = NULL;
	claimed_url = NULL;
}

static void
test_tx(void)
{
	struct req	 r;
	struct step	 s;
	const char	*prev = "untouched";
	enum outcome	 o;
	static const struct {
		enum outcome	 fn;
		const char	*name;
	} passthrough[] = {
		{ OUT_CONFLICT, "OUT_CONFLICT" },
		{ OUT_INVALID, "OUT_INVALID" },
		{ OUT_NOTFOUND, "OUT_NOTFOUND" },
		{ OUT_FORBIDDEN, "OUT_FORBIDDEN" },
		{ OUT_DUPLICATE, "OUT_DUPLICATE from fn (a unique key)" },
	};
	size_t		 i;
	int		(*real_tx)(struct db *, int (*)(struct db *, void *),
			    void *);
	int		(*real_claim)(struct req *, const char *,
			    const char **);

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.lang = "en";
	real_tx = http_form_tx_run;
	real_claim = http_form_claim;
	http_form_tx_run = fake_tx;
	http_form_claim = fake_claim;

	reset();
	memset(&s, 0, sizeof(s));
	s.out[0] = OUT_OK;
	o = http_form_tx(&r, tx_fn, &s, "/done/1", &prev);
	t_ok(o == OUT_OK && commits == 1 && rollbacks == 0 && calls == 1,
	    "OUT_OK commits once");
	t_ok(claims == 1 && claimed_url != NULL &&
	    strcmp(claimed_url, "/done/1") == 0,
	    "the nonce is claimed with the result URL, in the transaction");
	t_ok(prev == NULL, "*prev_url is NULL when the form is new");

	reset();
	claim_rc = 1;
	claim_prev = "/done/first";
	o = http_form_tx(&r, tx_fn, &s, "/done/2", &prev);
	t_ok(o == OUT_DUPLICATE && calls == 0 && commits == 0 &&
	    rollbacks == 1, "a nonce claimed before: OUT_DUPLICATE, fn never "
	    "runs, nothing is committed");
	t_eq_str(prev, "/done/first",
	    "OUT_DUPLICATE gives the URL recorded the first time");

	reset();
	claim_rc = 1;
	o = http_form_tx(&r, tx_fn, &s, "/done/2", NULL);
	t_ok(o == OUT_DUPLICATE, "prev_url may be NULL");

	reset();
	claim_rc = -1;
	o = http_form_tx(&r, tx_fn, &s, "/x", &prev);
	t_ok(o == OUT_ERROR && calls == 0 && commits == 0,
	    "a failed claim: OUT_ERROR without calling fn");

	for (i = 0; i < sizeof(passthrough) / sizeof(passthrough[0]); i++) {
		reset();
		s.out[0] = passthrough[i].fn;
		o = http_form_tx(&r, tx_fn, &s, "/x", &prev);
		t_ok(o == passthrough[i].fn && commits == 0 &&
		    rollbacks == 1 && attempts == 1,
		    "%s rolls back and comes back as is", passthrough[i].name);
	}
	t_ok(prev == NULL, "no previous URL unless the nonce was claimed");

	reset();
	s.out[0] = OUT_ERROR;
	o = http_form_tx(&r, tx_fn, &s, "/x", &prev);
	t_ok(o == OUT_ERROR && commits == 0 && attempts == 1,
	    "OUT_ERROR rolls back");

	reset();
	deadlock_once = 1;
	s.out[0] = OUT_ERROR;
	s.out[1] = OUT_OK;
	o = http_form_tx(&r, tx_fn, &s, "/x", &prev);
	t_ok(o == OUT_OK && attempts == 2 && claims == 2 && calls == 2 &&
	    commits == 1,
	    "after a deadlock the whole function runs again, claim first");

	http_form_tx_run = real_tx;
	http_form_claim = real_claim;
}

/* Sets the URL of the item it made, as a create form's function does. */
static enum outcome
made_fn(struct req *r, void *arg)
{
	(void)r;
	*(const char **)arg = "/items/7";
	return OUT_OK;
}

/* http_form_submit(_to): a form handler's answer to each outcome. */
static void
test_submit(void)
{
	struct req	 r;
	struct step	 s;
	const char	*to = NULL;
	int		 rc;
	size_t		 i;
	int		(*real_tx)(struct db *, int (*)(struct db *, void *),
			    void *) = http_form_tx_run;
	int		(*real_claim)(struct req *, const char *,
			    const char **) = http_form_claim;
	static const struct {
		enum outcome	 out;
		int		 status;
	} statuses[] = {
		{ OUT_CONFLICT, 409 }, { OUT_INVALID, 422 },
		{ OUT_NOTFOUND, 404 }, { OUT_FORBIDDEN, 403 },
		{ OUT_ERROR, 500 },
	};

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.lang = "en";
	buf_init(&r.hdrs, a);
	http_form_tx_run = fake_tx;
	http_form_claim = fake_claim;

	reset();
	memset(&s, 0, sizeof(s));
	s.out[0] = OUT_OK;
	rc = http_form_submit(&r, tx_fn, &s, "/items/3");
	t_ok(rc == 303 && commits == 1 &&
	    strstr(r.hdrs.data, "Location: /items/3\r\n") != NULL,
	    "OUT_OK: committed, 303 to the URL given");

	/* A second submit: 303 to the URL recorded the first time, or to
	 * the URL given when none was. */
	for (i = 0; i < 2; i++) {
		reset();
		buf_reset(&r.hdrs);
		claim_rc = 1;
		claim_prev = i == 0 ? "/items/3#first" : NULL;
		rc = http_form_submit(&r, tx_fn, &s, "/items/3");
		t_ok(rc == 303 && calls == 0 && strstr(r.hdrs.data, i == 0 ?
		    "Location: /items/3#first\r\n" :
		    "Location: /items/3\r\n") != NULL,
		    "a second submit (%s URL recorded): 303, fn not run",
		    i == 0 ? "a" : "no");
	}

	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		reset();
		buf_reset(&r.hdrs);
		s.out[0] = statuses[i].out;
		rc = http_form_submit(&r, tx_fn, &s, "/items/3");
		t_ok(rc == statuses[i].status && commits == 0 &&
		    r.hdrs.len == 0, "outcome %d: status %d, nothing "
		    "committed, no redirect", (int)statuses[i].out,
		    statuses[i].status);
	}
	t_ok(http_form_redraw(409) && http_form_redraw(422) &&
	    !http_form_redraw(303) && !http_form_redraw(500) &&
	    !http_form_redraw(404), "the form is drawn again for 409 and 422 "
	    "only");

	reset();
	buf_reset(&r.hdrs);
	rc = http_form_submit_to(&r, made_fn, &to, "/items", &to);
	t_ok(rc == 303 && claimed_url != NULL &&
	    strcmp(claimed_url, "/items") == 0 &&
	    strstr(r.hdrs.data, "Location: /items/7\r\n") != NULL,
	    "http_form_submit_to: the list URL recorded, 303 to what fn set");

	http_form_tx_run = real_tx;
	http_form_claim = real_claim;
}

static int
noop(struct req *r)
{
	(void)r;
	return 200;
}

enum { F_TITLE, F_BODY, F__MAX };
static const struct param fparams[F__MAX] = {
	[F_TITLE] = { .name = "title", .type = PT_STR, .flags = P_REQ },
	[F_BODY] = { .name = "body", .type = PT_TEXT },
};
static const struct route froute = { "POST", "/f", noop, 0,
	PARAMS(fparams), 0 };
static const struct app fapp = { .name = "t", .prefix = "", .layout =
	"none" };

static void
test_again(void)
{
	struct req	 r;
	struct val	*m;
	char		*err = NULL;
	struct tmpl	*t;
	int		 rc;

	t = tmpl_parse(a, "t/form", "[{{f.title.value}}|{{f.title.error}}|"
	    "{{f.body.value}}|{{status_note}}|{{#has_errors}}E{{/has_errors}}"
	    "]", &err);
	tmpl_register(t);
	t_ok(t != NULL && tmpl_link(a, &err) == 0, "a form template");

	memset(&r, 0, sizeof(r));
	r.a = a;
	r.lang = "en";
	r.app = &fapp;
	r.route = &froute;
	r.fullpath = "/f";
	buf_init(&r.hdrs, a);
	buf_init(&r.body, a);
	r.pv = arena_zalloc(a, sizeof(struct pval) * (F__MAX + 2));
	r.pv[F_TITLE].present = 1;
	r.pv[F_TITLE].s = "Water <3";
	r.pv[F_BODY].present = r.pv[F_BODY].set = 1;
	r.pv[F_BODY].s = "text";
	http_arg_error(&r, F_TITLE, "This title is taken.");
	m = vm_obj(a);
	vm_str(m, "status_note", "kept");
	rc = http_form_again(&r, "t/form", m, 409);
	t_eq_int(rc, 409, "http_form_again returns the given status");
	t_eq_int(r.status, 409, "... and sets it");
	t_eq_str(r.body.data, "[Water &lt;3|This title is taken.|text|kept|E]",
	    "the form comes back with every value, its message and the "
	    "model the handler filled");

	buf_reset(&r.body);
	r.status = 0;
	rc = http_form_again(&r, "t/form", NULL, 422);
	t_ok(rc == 422 && strstr(r.body.data, "Water &lt;3") != NULL,
	    "a NULL model becomes the page model");
}

int
main(void)
{
	a = arena_new(1 << 16);
	test_tx();
	test_submit();
	test_again();
	tmpl_clear();
	arena_free(a);
	return t_done();
}
