/*
 * test_request.c — the rules of complaints and requests (domain.md §5):
 * reference numbers whose check symbol catches every single mistyped
 * symbol and every swap of two adjacent ones, tracking codes, due dates
 * in working days and working hours, the steps each state allows,
 * ratings that reopen, the two escalation levels, the sealing of the
 * requester's data.
 */
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "calendar.h"
#include "i18n.h"
#include "request.h"
#include "t.h"

static const char symbols[] = "0123456789ABCDEFGHJKMNPQRSTVWXYZ";

/* Local (UTC+3) civil time → UTC time_t. */
static time_t
at(int y, int m, int d, int h)
{
	struct tm	 tm;

	memset(&tm, 0, sizeof(tm));
	tm.tm_year = y - 1900;
	tm.tm_mon = m - 1;
	tm.tm_mday = d;
	tm.tm_hour = h;
	return timegm(&tm) - CAL_TZ_OFFSET;
}

/* The positions of the symbols of a canonical reference ("SH-" and the
 * hyphen skipped). */
static const int pos[REQUEST_REF_BODY + 1] = { 3, 4, 5, 6, 7, 9, 10, 11,
	12, 13 };

static void
test_refs(struct arena *a)
{
	char		 out[REQUEST_REF_LEN], bad[REQUEST_REF_LEN];
	const char	*ref = NULL;
	int		 i, k, s, ok = 1, caught = 1, swaps = 1, n;

	for (i = 0; i < 200; i++) {
		ref = request_ref_new(a);
		if (strlen(ref) != 14 || strncmp(ref, "SH-", 3) != 0 ||
		    ref[8] != '-' || request_ref_parse(ref, out) != REF_OK ||
		    strcmp(out, ref) != 0)
			ok = 0;
	}
	t_ok(ok, "200 new reference numbers are SH-XXXXX-XXXXX and check");
	t_ok(strcmp(request_ref_new(a), request_ref_new(a)) != 0,
	    "two new numbers differ (random, not sequential)");
	/* Every single substitution, at every position. */
	for (k = 0, n = 0; k < REQUEST_REF_BODY + 1; k++)
		for (s = 0; s < 32; s++) {
			strcpy(bad, ref);
			if (bad[pos[k]] == symbols[s])
				continue;
			bad[pos[k]] = symbols[s];
			n++;
			if (request_ref_parse(bad, out) != REF_BADCHECK)
				caught = 0;
		}
	t_ok(caught && n == 310, "each of the %d single mistyped symbols is "
	    "refused by the check", n);
	/* Every swap of two adjacent, different symbols (across the
	 * hyphen too), on many numbers. */
	for (i = 0, n = 0; i < 200; i++) {
		ref = request_ref_new(a);
		for (k = 0; k < REQUEST_REF_BODY; k++) {
			strcpy(bad, ref);
			if (bad[pos[k]] == bad[pos[k + 1]])
				continue;
			bad[pos[k]] = ref[pos[k + 1]];
			bad[pos[k + 1]] = ref[pos[k]];
			n++;
			if (request_ref_parse(bad, out) != REF_BADCHECK)
				swaps = 0;
		}
	}
	t_ok(swaps && n > 1000, "each of %d adjacent swaps is refused", n);
	/* Forgiving typing. */
	strcpy(bad, ref);
	for (k = 0; bad[k]; k++)
		if (bad[k] >= 'A' && bad[k] <= 'Z')
			bad[k] = (char)(bad[k] - 'A' + 'a');
	t_ok(request_ref_parse(bad, out) == REF_OK && strcmp(out, ref) == 0,
	    "lower case reads the same");
	t_ok(request_ref_parse(ref + 3, out) == REF_OK &&
	    strcmp(out, ref) == 0, "the prefix may be left out");
	t_eq_int(request_ref_parse("SH-00000-00000", out), REF_OK,
	    "all zeros check (0 ∘ 0 = 0)");
	t_eq_int(request_ref_parse("SH-OOOOO-ooooo", out), REF_OK,
	    "O reads as 0 (Crockford)");
	t_eq_str(out, "SH-00000-00000", "and is written 0");
	t_eq_int(request_ref_parse("SH-00000-0000", out), REF_MALFORMED,
	    "a symbol short is not a number");
	t_eq_int(request_ref_parse("SH-00000-0000U", out), REF_MALFORMED,
	    "U is not a symbol");
	t_ok(request_ref_parse("SH-2026-000001", out) != REF_OK,
	    "the old sequential form is not a number");
	t_eq_int(request_ref_parse(NULL, out), REF_MALFORMED, "NULL");
	t_eq_int(request_symbol('L'), 1, "L reads as 1");
	t_eq_int(request_symbol('i'), 1, "i reads as 1");
	t_eq_int(request_symbol('U'), -1, "U is none");
}

static void
test_codes(struct arena *a)
{
	unsigned char	 h[32], h2[32];
	char		*code = request_code_new(a, h), low[64];
	int		 k, j;

	t_eq_int((long long)strlen(code), 24, "tracking code: 20 symbols "
	    "in groups of four");
	t_ok(request_code_hash(code, h2) == 0 && memcmp(h, h2, 32) == 0,
	    "its hash is the one given to store");
	for (k = 0, j = 0; code[k]; k++)
		if (code[k] != '-')
			low[j++] = (char)(code[k] >= 'A' && code[k] <= 'Z' ?
			    code[k] - 'A' + 'a' : code[k]);
	low[j] = '\0';
	t_ok(request_code_hash(low, h2) == 0 && memcmp(h, h2, 32) == 0,
	    "lower case without hyphens gives the same hash");
	low[0] = low[0] == '0' ? '1' : '0';
	t_ok(request_code_hash(low, h2) == 0 && memcmp(h, h2, 32) != 0,
	    "another code, another hash");
	t_eq_int(request_code_hash("ABCD-EFGH", h2), -1, "too short");
	t_eq_int(request_code_hash(NULL, h2), -1, "NULL");
	t_ok(strcmp(request_code_new(a, h2), code) != 0, "codes are random");
}

static void
test_seal(struct arena *a)
{
	unsigned char	 key[32], other[32], nonce[24], *ct;
	size_t		 n;
	struct requester p = { "أحمد الخوالدة", "citizen@sharek.test",
	    "+962792222001", "عمّان - الصويفية" }, o;

	randombytes_buf(key, sizeof(key));
	randombytes_buf(other, sizeof(other));
	t_ok(request_seal(a, key, &p, nonce, &ct, &n) == 0, "seal");
	t_ok(memmem(ct, n, "citizen@", 8) == NULL &&
	    memmem(ct, n, p.name, strlen(p.name)) == NULL,
	    "the sealed bytes do not contain the e-mail or the name");
	t_ok(request_unseal(a, key, ct, n, nonce, &o) == 0 &&
	    strcmp(o.name, p.name) == 0 && strcmp(o.email, p.email) == 0 &&
	    strcmp(o.mobile, p.mobile) == 0 &&
	    strcmp(o.location, p.location) == 0, "opens with the key");
	t_eq_int(request_unseal(a, other, ct, n, nonce, &o), -1,
	    "not with another key");
	ct[0] ^= 1;
	t_eq_int(request_unseal(a, key, ct, n, nonce, &o), -1,
	    "not once altered");
	p.email = NULL;
	p.name = NULL;
	request_seal(a, key, &p, nonce, &ct, &n);
	t_ok(request_unseal(a, key, ct, n, nonce, &o) == 0 && o.name == NULL &&
	    o.email == NULL && strcmp(o.location, p.location) == 0,
	    "fields left out come back NULL (an anonymous report's place)");
}

static void
test_deadlines(void)
{
	struct calendar	 c;

	calendar_init(&c);	/* Friday and Saturday off */
	/* 2026-12-03 is a Thursday. */
	t_eq_int(request_deadline(&c, at(2026, 12, 3, 10), 1, RU_DAYS),
	    at(2026, 12, 6, 10), "1 working day from Thursday: Sunday");
	t_eq_int(request_deadline(&c, at(2026, 12, 3, 10), 5, RU_DAYS),
	    at(2026, 12, 10, 10), "5 working days: next Thursday");
	t_eq_int(request_deadline(&c, at(2026, 12, 3, 10), 8, RU_HOURS),
	    at(2026, 12, 3, 18), "8 working hours within Thursday");
	t_eq_int(request_deadline(&c, at(2026, 12, 3, 20), 8, RU_HOURS),
	    at(2026, 12, 6, 4), "8 working hours from Thursday 20:00: the "
	    "weekend stops the clock (Sunday 04:00)");
	t_eq_int(request_deadline(&c, at(2026, 12, 4, 12), 2, RU_HOURS),
	    at(2026, 12, 6, 2), "hours from a Friday start on Sunday");
	calendar_add_holiday(&c, "2026-12-06");
	t_eq_int(request_deadline(&c, at(2026, 12, 3, 10), 1, RU_DAYS),
	    at(2026, 12, 7, 10), "a holiday is skipped (holidays are data)");
	t_eq_int(request_deadline(&c, at(2026, 12, 3, 10), 0, RU_HOURS),
	    at(2026, 12, 3, 10), "0 hours: the time itself");
}

static void
test_steps(void)
{
	t_eq_int(request_state("reopened"), RQ_REOPENED, "state names parse");
	t_eq_int(request_state("x"), RQ__MAX, "unknown state");
	t_ok(request_step_allowed(RQ_RECEIVED, RS_CLASSIFY),
	    "a received request is classified");
	t_ok(!request_step_allowed(RQ_RECEIVED, RS_FORWARD),
	    "but not forwarded before it is classified");
	t_ok(!request_step_allowed(RQ_RECEIVED, RS_REPLY),
	    "nor replied to before it is classified");
	t_ok(request_step_allowed(RQ_FORWARDED, RS_REPLY), "forwarded: reply");
	t_ok(request_step_allowed(RQ_ANSWERED, RS_CLOSE), "replied: close");
	t_ok(!request_step_allowed(RQ_CLOSED, RS_CLOSE), "closed stays closed");
	t_ok(!request_step_allowed(RQ_CLOSED, RS_REPLY), "no reply once closed");
	t_ok(request_step_allowed(RQ_CLOSED, RS_NOTE), "notes at any time");
	t_ok(request_step_allowed(RQ_ANSWERED, RS_RATE), "a reply is rated");
	t_ok(!request_step_allowed(RQ_FORWARDED, RS_RATE),
	    "nothing to rate before a reply");
	t_ok(request_step_allowed(RQ_REOPENED, RS_REASSIGN),
	    "a reopened request can be reassigned");
	t_eq_int(request_step_to(RQ_RECEIVED, RS_CLASSIFY), RQ_CLASSIFIED,
	    "classify: classified");
	t_eq_int(request_step_to(RQ_FORWARDED, RS_CLASSIFY), RQ_FORWARDED,
	    "reclassifying a forwarded request keeps it forwarded");
	t_eq_int(request_step_to(RQ_REOPENED, RS_REPLY), RQ_ANSWERED,
	    "reply: replied");
	t_ok(request_rating_reopens(1), "1 star reopens");
	t_ok(!request_rating_reopens(2), "2 stars do not (below 2 only)");
	t_ok(request_open_state(RQ_REOPENED) && !request_open_state(RQ_ANSWERED),
	    "the clock runs on reopened requests, not on replied ones");
}

static void
test_escalation(void)
{
	struct calendar	 c;
	time_t		 due = at(2026, 12, 2, 10), l1 = at(2026, 12, 3, 10);
	char		*argv[3] = { "tick", "--now=2026-12-10T07:30", NULL };
	char		*bad[3] = { "tick", "--now=tomorrow", NULL };
	char		*none[2] = { "tick", NULL };

	calendar_init(&c);
	t_eq_int(request_escalation_level(&c, 0, due, 0, due - 60, 2), 0,
	    "not late: no escalation");
	t_eq_int(request_escalation_level(&c, 0, due, 0, due + 60, 2), 1,
	    "late: level 1");
	t_eq_int(request_escalation_level(&c, 1, due, l1, at(2026, 12, 6, 12),
	    2), 1, "one working day after level 1: still level 1");
	t_eq_int(request_escalation_level(&c, 1, due, l1, at(2026, 12, 7, 12),
	    2), 2, "two working days after level 1 (weekend skipped): level 2");
	t_eq_int(request_escalation_level(&c, 2, due, l1, at(2027, 1, 1, 0),
	    2), 2, "level 2 is the last");
	t_eq_int(request_tick_now(2, argv), at(2026, 12, 10, 10) + 30 * 60,
	    "--now is read as UTC");
	t_eq_int(request_tick_now(2, bad), -1, "a malformed --now is refused");
	t_ok(request_tick_now(1, none) - time(NULL) <= 1,
	    "without --now, the clock");
}

int
main(void)
{
	struct arena	*a = arena_new(1 << 16);

	if (sodium_init() < 0)
		return 1;
	i18n_set_tz(3 * 3600);
	test_refs(a);
	test_codes(a);
	test_seal(a);
	test_deadlines();
	test_steps();
	test_escalation();
	arena_free(a);
	return t_done();
}
