/*
 * test_http_params.c — the declared-input checks at their boundaries,
 * table-driven (http_check, http_params): PT_INT bounds and overflow,
 * dates that do not exist (2026-02-30, 29 February), date-times in the
 * deployment's zone, e-mail, phone, PT_ENUM, PT_BOOL, P_MULTI, P_REQ,
 * P_QUERY, length in characters (Arabic) not bytes, invalid UTF-8,
 * control characters, CRLF in text, validators (slug, URL, phone), the
 * accessors by key, and the form model (secrets never echoed).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "http.h"
#include "http_int.h"
#include "t.h"
#include "urlenc.h"
#include "vm.h"

static struct arena	*a;

static const char *const colours[] = { "red", "green", "blue", NULL };

/* One value through http_check. */
struct ccase {
	struct param	 p;
	const char	*in;
	int		 set;		/* expected */
	const char	*s;		/* expected value, or NULL: don't care */
	long long	 i;		/* expected i (when set) */
	const char	*err;		/* expected message, or NULL: none */
	const char	*what;
};

#define P(...)	{ __VA_ARGS__ }

static const struct ccase ccases[] = {
	/* PT_INT */
	{ P(.name = "n", .type = PT_INT, .min = 1, .max = 10), "1", 1, "1", 1,
	    NULL, "PT_INT: the minimum" },
	{ P(.name = "n", .type = PT_INT, .min = 1, .max = 10), "10", 1, "10",
	    10, NULL, "PT_INT: the maximum" },
	{ P(.name = "n", .type = PT_INT, .min = 1, .max = 10), "0", 0, "0", 0,
	    "Enter a number from 1 to 10.", "PT_INT: one under" },
	{ P(.name = "n", .type = PT_INT, .min = 1, .max = 10), "11", 0, NULL,
	    0, "Enter a number from 1 to 10.", "PT_INT: one over" },
	{ P(.name = "n", .type = PT_INT, .min = -5, .max = 5), "-5", 1, NULL,
	    -5, NULL, "PT_INT: a negative minimum" },
	{ P(.name = "n", .type = PT_INT), "-9223372036854775808", 1, NULL,
	    -9223372036854775807LL - 1, NULL,
	    "PT_INT without bounds: the smallest long long" },
	{ P(.name = "n", .type = PT_INT), "9223372036854775808", 0, NULL, 0,
	    "Enter a whole number.", "PT_INT: overflow" },
	{ P(.name = "n", .type = PT_INT), "1.5", 0, NULL, 0,
	    "Enter a whole number.", "PT_INT: a fraction" },
	{ P(.name = "n", .type = PT_INT), "12abc", 0, NULL, 0,
	    "Enter a whole number.", "PT_INT: trailing letters" },
	{ P(.name = "n", .type = PT_INT), "  42\t", 1, "42", 42, NULL,
	    "PT_INT: blanks around are trimmed" },
	{ P(.name = "n", .type = PT_INT), "", 0, "", 0, NULL,
	    "PT_INT: empty and optional is unset without a message" },
	{ P(.name = "n", .type = PT_INT, .flags = P_REQ), "  ", 0, "", 0,
	    "This field is required.", "PT_INT: blank and required" },
	{ P(.name = "n", .type = PT_INT), "٣", 1, "3", 3, NULL,
	    "PT_INT: Arabic-Indic digits are read as ASCII (test_digits.c)" },

	/* PT_DATE */
	{ P(.name = "d", .type = PT_DATE), "2026-02-28", 1, NULL, 0, NULL,
	    "PT_DATE: 28 February" },
	{ P(.name = "d", .type = PT_DATE), "2026-02-29", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: 29 February of a "
	    "common year" },
	{ P(.name = "d", .type = PT_DATE), "2028-02-29", 1, NULL, 0, NULL,
	    "PT_DATE: 29 February of a leap year" },
	{ P(.name = "d", .type = PT_DATE), "2100-02-29", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: 2100 is not leap" },
	{ P(.name = "d", .type = PT_DATE), "2000-02-29", 1, NULL, 0, NULL,
	    "PT_DATE: 2000 is leap" },
	{ P(.name = "d", .type = PT_DATE), "2026-02-30", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: 30 February" },
	{ P(.name = "d", .type = PT_DATE), "2026-04-31", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: 31 April" },
	{ P(.name = "d", .type = PT_DATE), "2026-12-31", 1, NULL, 0, NULL,
	    "PT_DATE: 31 December" },
	{ P(.name = "d", .type = PT_DATE), "2026-13-01", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: month 13" },
	{ P(.name = "d", .type = PT_DATE), "2026-00-10", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: month 0" },
	{ P(.name = "d", .type = PT_DATE), "2026-01-00", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: day 0" },
	{ P(.name = "d", .type = PT_DATE), "2026-1-05", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: one-digit month" },
	{ P(.name = "d", .type = PT_DATE), "2026-01-05x", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: trailing text" },
	{ P(.name = "d", .type = PT_DATE), "1899-12-31", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: before 1900" },
	{ P(.name = "d", .type = PT_DATE), "2200-12-31", 1, NULL, 0, NULL,
	    "PT_DATE: the last year" },
	{ P(.name = "d", .type = PT_DATE), "2201-01-01", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: after 2200" },
	{ P(.name = "d", .type = PT_DATE), "05/01/2026", 0, NULL, 0,
	    "Enter a valid date (YYYY-MM-DD).", "PT_DATE: another format" },

	/* PT_DATETIME */
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01T10:30", 1, NULL, 0,
	    NULL, "PT_DATETIME: datetime-local" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01T10:30:00", 1, NULL,
	    0, NULL, "PT_DATETIME: with :00 seconds" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01T10:30:15", 0, NULL,
	    0, "Enter a valid date and time.", "PT_DATETIME: other seconds" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01T23:59", 1, NULL, 0,
	    NULL, "PT_DATETIME: 23:59" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01T24:00", 0, NULL, 0,
	    "Enter a valid date and time.", "PT_DATETIME: 24:00" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01T10:60", 0, NULL, 0,
	    "Enter a valid date and time.", "PT_DATETIME: minute 60" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-02-30T10:00", 0, NULL, 0,
	    "Enter a valid date and time.", "PT_DATETIME: 30 February" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01 10:30", 0, NULL, 0,
	    "Enter a valid date and time.", "PT_DATETIME: a blank for T" },
	{ P(.name = "t", .type = PT_DATETIME), "2026-05-01", 0, NULL, 0,
	    "Enter a valid date and time.", "PT_DATETIME: a date alone" },

	/* PT_EMAIL */
	{ P(.name = "e", .type = PT_EMAIL), " Ali@Example.COM ", 1,
	    "ali@example.com", 0, NULL, "PT_EMAIL: trimmed and lower-cased" },
	{ P(.name = "e", .type = PT_EMAIL), "a.b+tag@mail.gov.jo", 1, NULL, 0,
	    NULL, "PT_EMAIL: dots and plus" },
	{ P(.name = "e", .type = PT_EMAIL), "a@b", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: no dot in the domain" },
	{ P(.name = "e", .type = PT_EMAIL), "a@b.", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: a final dot" },
	{ P(.name = "e", .type = PT_EMAIL), "a@.b", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: the domain starts "
	    "with a dot" },
	{ P(.name = "e", .type = PT_EMAIL), "@b.c", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: no local part" },
	{ P(.name = "e", .type = PT_EMAIL), "a@@b.c", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: two @" },
	{ P(.name = "e", .type = PT_EMAIL), ".a@b.c", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: a leading dot" },
	{ P(.name = "e", .type = PT_EMAIL), "a.@b.c", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: a dot before @" },
	{ P(.name = "e", .type = PT_EMAIL), "a..b@c.d", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: two dots" },
	{ P(.name = "e", .type = PT_EMAIL), "a b@c.d", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: a blank" },
	{ P(.name = "e", .type = PT_EMAIL), "a@b_c.d", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: _ in the domain" },
	{ P(.name = "e", .type = PT_EMAIL), "a\"b@c.d", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: a quote" },
	{ P(.name = "e", .type = PT_EMAIL), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b.c", 1, NULL, 0, NULL,
	    "PT_EMAIL: a 64-character local part" },
	{ P(.name = "e", .type = PT_EMAIL), "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa"
	    "aaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaaa@b.c", 0, NULL, 0,
	    "Enter a valid e-mail address.",
	    "PT_EMAIL: a 65-character local part" },
	{ P(.name = "e", .type = PT_EMAIL), "علي@example.com", 0, NULL, 0,
	    "Enter a valid e-mail address.", "PT_EMAIL: non-ASCII local part" },

	/* PT_PHONE */
	{ P(.name = "m", .type = PT_PHONE), "+962 (79) 123-4567", 1,
	    "+962791234567", 0, NULL, "PT_PHONE: separators dropped" },
	{ P(.name = "m", .type = PT_PHONE), "1234567", 1, "1234567", 0, NULL,
	    "PT_PHONE: 7 digits" },
	{ P(.name = "m", .type = PT_PHONE), "123456", 0, NULL, 0,
	    "Enter a valid phone number (7 to 15 digits).",
	    "PT_PHONE: 6 digits" },
	{ P(.name = "m", .type = PT_PHONE), "123456789012345", 1, NULL, 0,
	    NULL, "PT_PHONE: 15 digits" },
	{ P(.name = "m", .type = PT_PHONE), "1234567890123456", 0, NULL, 0,
	    "Enter a valid phone number (7 to 15 digits).",
	    "PT_PHONE: 16 digits" },
	{ P(.name = "m", .type = PT_PHONE), "12+34567", 0, NULL, 0,
	    "Enter a valid phone number (7 to 15 digits).",
	    "PT_PHONE: + inside" },
	{ P(.name = "m", .type = PT_PHONE), "0791x23456", 0, NULL, 0,
	    "Enter a valid phone number (7 to 15 digits).",
	    "PT_PHONE: a letter" },

	/* PT_ENUM */
	{ P(.name = "c", .type = PT_ENUM, .choices = colours), "green", 1,
	    "green", 1, NULL, "PT_ENUM: the index of the choice" },
	{ P(.name = "c", .type = PT_ENUM, .choices = colours), "Green", 0,
	    NULL, 0, "Choose one of the options.", "PT_ENUM: case matters" },
	{ P(.name = "c", .type = PT_ENUM, .choices = colours), "purple", 0,
	    NULL, 0, "Choose one of the options.", "PT_ENUM: not a choice" },
	{ P(.name = "c", .type = PT_ENUM), "red", 0, NULL, 0,
	    "Choose one of the options.", "PT_ENUM without choices takes "
	    "nothing" },

	/* PT_BOOL */
	{ P(.name = "b", .type = PT_BOOL), "on", 1, NULL, 1, NULL,
	    "PT_BOOL: on" },
	{ P(.name = "b", .type = PT_BOOL), "true", 1, NULL, 1, NULL,
	    "PT_BOOL: true" },
	{ P(.name = "b", .type = PT_BOOL), "no", 1, NULL, 0, NULL,
	    "PT_BOOL: no" },
	{ P(.name = "b", .type = PT_BOOL), "", 1, NULL, 0, NULL,
	    "PT_BOOL: empty is false" },
	{ P(.name = "b", .type = PT_BOOL), "maybe", 0, NULL, 0,
	    "Choose yes or no.", "PT_BOOL: anything else" },

	/* PT_STR and PT_TEXT: characters, not bytes */
	{ P(.name = "s", .type = PT_STR, .max = 5), "شارك", 1, "شارك", 0,
	    NULL, "PT_STR: 4 Arabic characters (8 bytes) under max 5" },
	{ P(.name = "s", .type = PT_STR, .max = 5), "مشاركة", 0, NULL, 0,
	    "Too long: at most 5 characters (you entered 6).",
	    "PT_STR: 6 Arabic characters over max 5" },
	{ P(.name = "s", .type = PT_STR, .min = 2), "ش", 0, NULL, 0,
	    "Too short: at least 2 characters.",
	    "PT_STR: 1 Arabic character under min 2" },
	{ P(.name = "s", .type = PT_STR, .min = 2), "شا", 1, NULL, 0, NULL,
	    "PT_STR: 2 Arabic characters at min 2" },
	{ P(.name = "s", .type = PT_STR, .max = 2), "👍🏽", 1, NULL, 0,
	    NULL, "PT_STR: two 4-byte characters at max 2" },
	{ P(.name = "s", .type = PT_STR), "  padded\t", 1, "padded", 0, NULL,
	    "PT_STR: trimmed" },
	{ P(.name = "s", .type = PT_TEXT), "  kept  ", 1, "  kept  ", 0, NULL,
	    "PT_TEXT: not trimmed" },
	{ P(.name = "s", .type = PT_TEXT, .flags = P_REQ), " \r\n\t\xc2\xa0\n",
	    0, "", 0, "This field is required.",
	    "PT_TEXT: only spaces and line breaks is required-empty" },
	{ P(.name = "s", .type = PT_TEXT), "  \n ", 0, "", 0, NULL,
	    "PT_TEXT: only blanks, optional: empty" },
	{ P(.name = "s", .type = PT_STR), "a\nb", 0, "ab", 0,
	    "Contains characters that are not allowed.",
	    "PT_STR: a newline is refused and not echoed" },
	{ P(.name = "s", .type = PT_STR), "a\x01" "b\x7f", 0, "ab", 0,
	    "Contains characters that are not allowed.",
	    "PT_STR: C0 controls and DEL are refused and not echoed" },
	{ P(.name = "s", .type = PT_STR), "a\xc2\x85" "b", 0, "ab", 0,
	    "Contains characters that are not allowed.",
	    "PT_STR: a C1 control (NEL) is refused and not echoed" },
	{ P(.name = "s", .type = PT_TEXT), "line 1\r\nline 2\n\tend", 1,
	    "line 1\nline 2\n\tend", 0, NULL,
	    "PT_TEXT: CRLF becomes LF; tabs stay" },
	{ P(.name = "s", .type = PT_TEXT), "x\x1b[31m", 0, "x[31m", 0,
	    "Contains characters that are not allowed.",
	    "PT_TEXT: an escape sequence is refused" },
	{ P(.name = "s", .type = PT_STR), "\xff" "abc", 0, "", 0,
	    "Contains characters that are not allowed.",
	    "invalid UTF-8 comes back empty" },
	{ P(.name = "s", .type = PT_STR), "\xc0\xaf", 0, "", 0,
	    "Contains characters that are not allowed.",
	    "an overlong encoding is invalid UTF-8" },
	{ P(.name = "s", .type = PT_STR), "\xed\xa0\x80", 0, "", 0,
	    "Contains characters that are not allowed.",
	    "a UTF-16 surrogate is invalid UTF-8" },
	{ P(.name = "s", .type = PT_STR), "\xd8", 0, "", 0,
	    "Contains characters that are not allowed.",
	    "a truncated sequence is invalid UTF-8" },

	/* Validators */
	{ P(.name = "v", .type = PT_STR, .valid = http_valid_slug),
	    "water-2026", 1, NULL, 0, NULL, "a validator that takes it" },
	{ P(.name = "v", .type = PT_STR, .valid = http_valid_slug),
	    "Water 2026", 0, "Water 2026", 0, "This value is not valid.",
	    "a validator that refuses it: kept, with a message" },
	{ P(.name = "v", .type = PT_STR, .valid = http_valid_slug), "", 0, "",
	    0, NULL, "a validator does not run on an empty optional field" },
	{ P(.name = "v", .type = PT_STR, .max = 3, .valid = http_valid_slug),
	    "abcd", 0, NULL, 0,
	    "Too long: at most 3 characters (you entered 4).",
	    "the type's own checks come first" },
	{ P(.name = "v", .type = PT_STR, .valid = http_valid_url),
	    "javascript:alert(1)", 0, NULL, 0, "This value is not valid.",
	    "a URL field refuses javascript:" },
};

static struct req *
newreq(void)
{
	struct req	*r = arena_zalloc(a, sizeof(*r));

	r->a = a;
	r->lang = "en";
	return r;
}

static void
test_check(void)
{
	size_t	 i;

	for (i = 0; i < sizeof(ccases) / sizeof(ccases[0]); i++) {
		const struct ccase *c = &ccases[i];
		struct req *r = newreq();
		struct pval v;
		int ok;

		memset(&v, 0, sizeof(v));
		http_check(r, &c->p, &v, c->in, strlen(c->in));
		ok = v.set == c->set && v.present &&
		    (c->s == NULL || (v.s != NULL && strcmp(v.s, c->s) == 0)) &&
		    (!c->set || c->i == 0 || v.i == c->i) &&
		    ((c->err == NULL && v.err == NULL) || (c->err != NULL &&
		    v.err != NULL && strcmp(c->err, v.err) == 0));
		t_ok(ok, "%s", c->what);
		if (!ok)
			printf("#   set=%d s=\"%s\" i=%lld err=\"%s\"\n", v.set,
			    v.s ? v.s : "(null)", v.i, v.err ? v.err : "(null)");
	}
}

static void
test_times(void)
{
	struct req	*r = newreq();
	struct param	 d = { .name = "d", .type = PT_DATE };
	struct param	 t = { .name = "t", .type = PT_DATETIME };
	struct pval	 v;

	memset(&v, 0, sizeof(v));
	http_check(r, &d, &v, "2026-03-01", 10);
	t_eq_int((long long)v.t, 1772323200LL,
	    "PT_DATE is midnight UTC of that day");
	memset(&v, 0, sizeof(v));
	http_check(r, &t, &v, "2026-03-01T03:00", 16);
	t_eq_int((long long)v.t, 1772323200LL,
	    "PT_DATETIME is in the deployment's civil time (UTC+3)");
}

static void
test_validators(void)
{
	static const struct {
		int		(*fn)(const char *, size_t);
		const char	*s;
		int		 want;
	} cases[] = {
		{ http_valid_slug, "a", 0 },
		{ http_valid_slug, "0-day_one", 0 },
		{ http_valid_slug, "-a", -1 },
		{ http_valid_slug, "_a", -1 },
		{ http_valid_slug, "a b", -1 },
		{ http_valid_slug, "A", -1 },
		{ http_valid_slug, "a/b", -1 },
		{ http_valid_slug, "مياه", -1 },
		{ http_valid_slug, "", -1 },
		{ http_valid_url, "http://a.gov.jo", 0 },
		{ http_valid_url, "https://a.gov.jo/x?y=1#z", 0 },
		{ http_valid_url, "HTTPS://A.GOV.JO/", 0 },
		{ http_valid_url, "https://a.gov.jo:8443/p", 0 },
		{ http_valid_url, "https://127.0.0.1/", 0 },
		{ http_valid_url, "https://a.gov.jo/مياه", 0 },
		{ http_valid_url, "ftp://a.gov.jo/", -1 },
		{ http_valid_url, "javascript:alert(1)", -1 },
		{ http_valid_url, "data:text/html,x", -1 },
		{ http_valid_url, "//a.gov.jo/", -1 },
		{ http_valid_url, "/local", -1 },
		{ http_valid_url, "http://", -1 },
		{ http_valid_url, "https:///path", -1 },
		{ http_valid_url, "https://user:pw@a.gov.jo/", -1 },
		{ http_valid_url, "https://a.gov.jo@evil.example/", -1 },
		{ http_valid_url, "https://a.gov.jo:/", -1 },
		{ http_valid_url, "https://a.gov.jo:123456/", -1 },
		{ http_valid_url, "https://a.gov.jo:80a/", -1 },
		{ http_valid_url, "https://.a.gov.jo/", -1 },
		{ http_valid_url, "https://a.gov.jo/a b", -1 },
		{ http_valid_url, "https://a.gov.jo/a\\b", -1 },
		{ http_valid_url, "https://a.gov.jo/\"><script>", -1 },
		{ http_valid_url, "https://a.gov.jo\\@evil.example", -1 },
		{ http_valid_phone, "+962 79 123 4567", 0 },
		{ http_valid_phone, "(06) 500-0000", 0 },
		{ http_valid_phone, "123456", -1 },
		{ http_valid_phone, "1234567890123456", -1 },
		{ http_valid_phone, "07x1234567", -1 },
		{ http_valid_phone, "12+3456789", -1 },
		{ http_valid_phone, "", -1 },
	};
	size_t	 i;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++)
		t_eq_int(cases[i].fn(cases[i].s, strlen(cases[i].s)),
		    cases[i].want, arena_printf(a, "%s \"%s\"",
		    cases[i].fn == http_valid_slug ? "slug" :
		    cases[i].fn == http_valid_url ? "url" : "phone",
		    cases[i].s));
	{
		char long_phone[100];
		memset(long_phone, ' ', sizeof(long_phone));
		memcpy(long_phone, "1234567", 7);
		t_eq_int(http_valid_phone(long_phone, sizeof(long_phone)), -1,
		    "phone: more than 63 bytes cannot be one");
	}
}

enum { K_NAME, K_TAGS, K_AGREE, K_PW, K_PAGE, K__MAX };
static const struct param form_params[K__MAX] = {
	[K_NAME] = { .name = "name", .type = PT_STR, .flags = P_REQ,
	    .max = 20 },
	[K_TAGS] = { .name = "tags", .type = PT_ENUM, .flags = P_MULTI,
	    .choices = colours },
	[K_AGREE] = { .name = "agree", .type = PT_BOOL },
	[K_PW] = { .name = "pw", .type = PT_STR, .flags = P_SECRET },
	[K_PAGE] = { .name = "page", .type = PT_INT, .flags = P_QUERY,
	    .min = 1, .max = 9 },
};

/* model["f"][field][key] as a string, or NULL. */
static const char *
mstr(struct val *m, const char *field, const char *key)
{
	struct val	*v = vm_get(m, "f");

	if (v != NULL)
		v = vm_get(v, field);
	if (v != NULL)
		v = vm_get(v, key);
	return v != NULL && v->t == V_STR ? v->s : NULL;
}

static int
noop(struct req *r)
{
	(void)r;
	return 200;
}

static const struct route form_route = { "POST", "/f", noop, 0,
	PARAMS(form_params), 0 };

static struct req *
parse(const char *body, const char *query, int post)
{
	struct req	*r = newreq();
	struct kv	*pairs = NULL, *q = NULL;

	r->route = &form_route;
	r->is_post = post;
	if (body != NULL)
		urlenc_parse(a, body, strlen(body), &pairs, HTTP_MAXPAIRS);
	if (query != NULL)
		urlenc_parse(a, query, strlen(query), &q, HTTP_MAXPAIRS);
	http_params(r, post ? pairs : q, q, NULL);
	return r;
}

static void
test_params(void)
{
	struct req	*r;
	const struct pval *v;
	struct val	*m;

	t_eq_int(sizeof(form_params) / sizeof(form_params[0]), K__MAX,
	    "PARAMS: the table's size is its enum's __MAX");
	t_eq_int(form_route.nparams, K__MAX,
	    "PARAMS gives the route the table's length");

	r = parse("name=Ali&name=Omar&tags=red&tags=bogus&tags=blue&pw=secret"
	    "&x=1", "page=4&name=Query", 1);
	t_eq_str(http_arg_str(r, K_NAME), "Ali", "the first of a repeated "
	    "single value wins");
	v = http_arg(r, K_TAGS);
	t_ok(v != NULL && v->nvals == 2 && strcmp(v->vals[0], "red") == 0 &&
	    strcmp(v->vals[1], "blue") == 0,
	    "P_MULTI keeps every valid value in order");
	t_eq_str(v != NULL ? v->err : NULL, "Choose one of the options.",
	    "P_MULTI: an invalid value gives the field a message");
	t_eq_int(http_arg_int(r, K_PAGE, -1), 4,
	    "P_QUERY on POST reads the query too");
	t_eq_int(http_arg_int(parse("page=3", "page=4", 1), K_PAGE, -1), 3,
	    "P_QUERY on POST: the body's value comes first");
	t_ok(http_arg(r, K_AGREE)->set && http_arg_int(r, K_AGREE, 9) == 0,
	    "an absent checkbox is a set false");
	t_ok(http_param(r, "x") == NULL, "an undeclared key has no value");
	t_ok(http_arg(r, K__MAX) == NULL && http_arg(r, -1) == NULL,
	    "http_arg outside the table is NULL");
	t_eq_int(http_arg_int(parse("page=10", NULL, 1), K_PAGE, 77), 77,
	    "http_arg_int of an invalid value gives the default");
	t_ok(http_param(r, "nonce") != NULL && http_param(r, "csrf") != NULL,
	    "nonce and csrf are implicit fields of every POST");

	r = parse("tags=red", NULL, 1);
	t_eq_str(http_arg(r, K_NAME)->err, "This field is required.",
	    "P_REQ absent: a message");
	t_eq_int(r->nerr, 1, "nerr counts invalid declared fields");
	r = parse(NULL, "name=Ali&page=2", 0);
	t_ok(http_arg_str(r, K_NAME) != NULL && http_arg_int(r, K_PAGE, 0) == 2,
	    "GET reads the query");

	r = parse("name=Ali&pw=hunter2&page=0", NULL, 1);
	t_eq_int(r->nerr, 1, "page=0 is under its minimum");
	http_arg_error(r, K_NAME, "This name is taken.");
	t_eq_int(r->nerr, 2, "http_arg_error counts the field once");
	http_arg_error(r, K_NAME, "Still taken.");
	t_eq_int(r->nerr, 2, "... however often it is called");
	t_ok(http_arg_str(r, K_NAME) == NULL,
	    "a field marked invalid is no longer set");
	http_field_error(r, "pw", "Wrong password.");
	m = vm_obj(a);
	http_form_model(r, m);
	t_eq_str(mstr(m, "name", "value"), "Ali",
	    "the form model keeps the value");
	t_eq_str(mstr(m, "name", "error"), "Still taken.",
	    "... and the last message of the field");
	t_ok(mstr(m, "pw", "value") == NULL,
	    "the form model never echoes a secret");
	t_eq_str(mstr(m, "pw", "error"), "Wrong password.",
	    "... but says what is wrong with it");
	t_eq_str(mstr(m, "page", "value"), "0",
	    "an invalid value is kept as typed");
	t_ok(vm_truthy(vm_get(m, "has_errors")) &&
	    vm_get(m, "errors")->count == 3,
	    "has_errors and one summary entry per invalid field");
}

int
main(void)
{
	a = arena_new(1 << 16);
	test_check();
	test_times();
	test_validators();
	test_params();
	arena_free(a);
	return t_done();
}
