/*
 * test_i18n.c — catalogues, language negotiation, dates and numbers.
 */
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "i18n.h"
#include "t.h"

static int
parses(struct arena *a, const char *po)
{
	char	*err = NULL;

	return i18n_parse(a, "en", po, strlen(po), &err) == 0;
}

int
main(void)
{
	struct arena	*a = arena_new(1 << 16);
	struct buf	 b;
	char		*err = NULL;
	const char	*po;

	po = "msgid \"multi\"\n\"line\"\nmsgstr \"one\\n\"\n\"two\"\n"
	    "msgid \"q\"\nmsgstr \"say \\\"hi\\\"\"\n"
	    "msgid \"untranslated\"\nmsgstr \"\"\n"
	    "msgid \"plural\"\nmsgid_plural \"plurals\"\nmsgstr[0] \"p0\"\n"
	    "msgstr[1] \"p1\"\n";
	t_ok(i18n_parse(a, "ar", po, strlen(po), &err) == 0,
	    "continuation lines, escapes, plurals parse");
	t_eq_str(i18n_get("ar", "multiline"), "one\ntwo",
	    "continued strings join");
	t_eq_str(i18n_get("ar", "q"), "say \"hi\"", "escaped quotes");
	t_eq_str(i18n_get("ar", "untranslated"), "untranslated",
	    "an empty translation falls back to the id");
	t_eq_str(i18n_get("ar", "plural"), "p0", "plural keeps msgstr[0]");
	po = "msgid \"{1} day\"\nmsgid_plural \"{1} days\"\n"
	    "msgstr[0] \"z\"\nmsgstr[1] \"one\"\nmsgstr[2] \"two\"\n"
	    "msgstr[3] \"few\"\nmsgstr[4] \"many\"\nmsgstr[5] \"hundred\"\n";
	t_ok(i18n_parse(a, "ar", po, strlen(po), &err) == 0,
	    "an Arabic plural's six forms parse");
	{
		static const struct { long long n; const char *form; } f[] = {
			{ 0, "z" }, { 1, "one" }, { 2, "two" }, { 3, "few" },
			{ 10, "few" }, { 11, "many" }, { 24, "many" },
			{ 99, "many" }, { 100, "hundred" }, { 102, "hundred" },
			{ 103, "few" }, { 111, "many" },
		};
		int	 ok = 1;

		for (size_t i = 0; i < sizeof(f) / sizeof(f[0]); i++)
			if (strcmp(i18n_nget("ar", "{1} day", "{1} days",
			    f[i].n), f[i].form) != 0)
				ok = 0;
		t_ok(ok, "Arabic's form by the number: 0, 1, 2, 3-10, 11-99, "
		    "100-102 (by the last two digits)");
	}
	t_eq_str(i18n_nget("en", "{1} day", "{1} days", 1), "{1} day",
	    "English without a catalogue entry: the singular for 1");
	t_eq_str(i18n_nget("en", "{1} day", "{1} days", 24), "{1} days",
	    "and the plural otherwise");
	t_eq_str(i18n_get("xx", "q"), "q", "an unknown language gives the id");
	t_ok(!parses(a, "msgid \"unterminated\nmsgstr \"\"\n"),
	    "an unterminated string is an error");
	t_ok(!parses(a, "msgid \"a\"\nmsgstr \"\\q\"\n"),
	    "an unknown escape is an error");
	t_ok(!parses(a, "garbage line\n"), "garbage is an error");
	t_ok(parses(a, ""), "an empty catalogue is fine");
	t_ok(parses(a, "# only a comment"), "a comment without newline");

	t_eq_str(i18n_pick(NULL, NULL), "ar", "Arabic by default");
	t_eq_str(i18n_pick("en", "ar"), "en", "the cookie wins");
	t_eq_str(i18n_pick("fr", "en-GB,en;q=0.9"), "en",
	    "an unsupported cookie is ignored");
	t_eq_str(i18n_pick(NULL, "fr-FR,fr;q=0.9,en;q=0.8,ar;q=0.7"), "en",
	    "highest q among supported languages");
	t_eq_str(i18n_pick(NULL, "en;q=0.2, ar-JO;q=0.9"), "ar",
	    "regional tags count");
	t_eq_str(i18n_pick(NULL, "de, fr"), "ar",
	    "nothing supported: Arabic");
	t_eq_str(i18n_pick(NULL, "english"), "ar",
	    "a tag is not matched by prefix");
	t_eq_str(i18n_dir("ar"), "rtl", "Arabic is right to left");
	t_eq_str(i18n_dir("en"), "ltr", "English is left to right");

	buf_init(&b, a);
	i18n_date(&b, "ar", 1795305600);	/* 2026-11-22 00:00 UTC */
	t_eq_str(b.data, "22 تشرين الثاني 2026", "an Arabic date");
	buf_init(&b, a);
	i18n_date(&b, "en", 1795305600 - 3600 * 4);	/* 21st 20:00 UTC */
	t_eq_str(b.data, "21 November 2026",
	    "dates are in the deployment's zone (UTC+3)");
	buf_init(&b, a);
	i18n_datetime(&b, "en", 1795305600 + 3600 * 9 + 60 * 5);
	t_eq_str(b.data, "22 November 2026, 12:05", "date and time");
	buf_init(&b, a);
	i18n_number(&b, "en", 1234567);
	t_eq_str(b.data, "1,234,567", "English grouping");
	buf_init(&b, a);
	i18n_number(&b, "ar", -1000);
	t_eq_str(b.data, "-1٬000", "Arabic grouping");
	buf_init(&b, a);
	i18n_number(&b, "en", 999);
	t_eq_str(b.data, "999", "no separator below a thousand");
	arena_free(a);
	return t_done();
}
