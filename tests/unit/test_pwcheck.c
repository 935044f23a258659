/*
 * test_pwcheck.c — password strength: the examples of issue 9 refused
 * with the right message, the user's own name and address refused,
 * strong passphrases and random strings accepted.
 */
#include <string.h>

#include "pwcheck.h"
#include "t.h"

#define NAME	"This password is too easy to guess: it contains your name " \
		"or e-mail address."
#define COMMON	"This password is too easy to guess: it is a common password."
#define PATTERN	"This password is too easy to guess: it repeats characters " \
		"or follows a sequence or a keyboard pattern."
#define DATE	"This password is too easy to guess: it is a date or a year."
#define MORE	"This password is too easy to guess: add more words or " \
		"characters."

static const char *const alice[] = { "Alice Smith", "alice.smith@example.org",
    NULL };
static const char *const ahmad[] = { "أحمد الخطيب", "a.khatib@moh.gov.jo",
    NULL };

/* Refused with exactly this message. */
static void
refused(const char *pw, const char *const *words, const char *want)
{
	const char	*msg = "unset";
	int		 rc;

	rc = pwcheck(pw, words, &msg);
	t_ok(rc == -1 && msg != NULL && strcmp(msg, want) == 0,
	    "refused \"%s\"", pw);
	if (rc != -1 || msg == NULL || strcmp(msg, want) != 0)
		printf("#   rc %d, message \"%s\"\n#   want \"%s\"\n", rc,
		    msg ? msg : "(null)", want);
}

static void
accepted(const char *pw, const char *const *words)
{
	const char	*msg = "unset";
	int		 rc;

	rc = pwcheck(pw, words, &msg);
	t_ok(rc == 0 && msg == NULL, "accepted \"%s\"", pw);
	if (rc != 0)
		printf("#   message \"%s\"\n", msg ? msg : "(null)");
}

int
main(void)
{
	/* Issue 9's examples. */
	refused("aaaaaaaaaa", NULL, PATTERN);
	refused("password123", NULL, COMMON);
	refused("alicesmith", alice, NAME);
	refused("alice.smith@example.org", alice, NAME);

	/* Common passwords, dressed up or not. */
	refused("Password123!", NULL, COMMON);
	refused("P@ssw0rd2024", NULL, COMMON);
	refused("iloveyou1234", NULL, COMMON);
	refused("Tr0ub4dour&3", NULL, COMMON);
	refused("qwertyuiop", NULL, COMMON);
	refused("monkey", NULL, COMMON);

	/* Patterns. */
	refused("1234567890", NULL, PATTERN);
	refused("abcdefghijkl", NULL, PATTERN);
	refused("zxcvbnm,./", NULL, PATTERN);
	refused("abcabcabcabc", NULL, PATTERN);
	refused("1111111111", NULL, PATTERN);

	/* Dates. */
	refused("19/04/1987", NULL, DATE);
	refused("1987-04-19", NULL, DATE);

	/* Too little, without one cause. */
	refused("ilovejordan2024", NULL, MORE);
	refused("horse staple", NULL, MORE);

	/* The user's own name and address, whatever the case or dressing. */
	refused("AliceSmith99", alice, NAME);
	refused("Smith2024!", alice, NAME);
	refused("alice.smith", alice, NAME);
	refused("Alice1987!", alice, NAME);
	refused("examplealice", alice, NAME);
	refused("khatib12345", ahmad, NAME);
	refused("a.khatib@moh", ahmad, NAME);
	/* The same strings are fine for someone else (names in zxcvbn's
	 * own lists aside): the user words make the difference. */
	{
		const char	*msg;

		t_ok(pwcheck("khatib-a.k-moh", ahmad, &msg) == -1,
		    "refused for its owner");
		t_ok(pwcheck("khatib-a.k-moh", alice, &msg) == 0,
		    "accepted for someone else");
	}

	/* Strong: several words, or random characters. */
	accepted("correct horse battery staple", alice);
	accepted("purple-elephant-dances", alice);
	accepted("Amman-river-2024!", alice);
	accepted("k7#Qm2!vPz", alice);
	accepted("gW9vT3rqLp8x", NULL);
	accepted("سماء زرقاء فوق عمّان", ahmad);
	/* A strong passphrase holding the name is still strong. */
	accepted("alice plants purple tomatoes daily", alice);

	/* Past the 100 characters zxcvbn examines. */
	{
		char	 as[301];

		memset(as, 'a', 300);
		as[300] = '\0';
		refused(as, NULL, PATTERN);
	}

	/* Degenerate input. */
	refused("", alice, MORE);
	{
		const char	*msg;
		static const char *const empty[] = { "", "@", "a", NULL };

		t_eq_int(pwcheck(NULL, NULL, &msg), -1, "NULL refused");
		t_ok(pwcheck("correct horse battery staple", empty, &msg) == 0,
		    "empty and short user words are ignored");
	}
	return t_done();
}
