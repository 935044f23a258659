/*
 * pwcheck.c — see pwcheck.h.
 */
#include <string.h>
#include <strings.h>

#include <zxcvbn.h>

#include "pwcheck.h"

#define N_(s)	(s)

#define PWCHECK_MAXWORDS	48
#define PWCHECK_STORE		2048
/* Parts shorter than this are not words of a name ("jo", "m"). */
#define PWCHECK_MINPART		3
/* Only parts this long say "your name" in the message: "gov" or "com"
 * of an address still weaken a password in zxcvbn's sums, but a
 * refused "welcome…" should not be blamed on the user's domain. */
#define PWCHECK_NAMEPART	4

static const char *const pwcheck_msg_name = N_("This password is too easy "
    "to guess: it contains your name or e-mail address.");
static const char *const pwcheck_msg_common = N_("This password is too easy "
    "to guess: it is a common password.");
static const char *const pwcheck_msg_pattern = N_("This password is too "
    "easy to guess: it repeats characters or follows a sequence or a "
    "keyboard pattern.");
static const char *const pwcheck_msg_date = N_("This password is too easy "
    "to guess: it is a date or a year.");
static const char *const pwcheck_msg_more = N_("This password is too easy "
    "to guess: add more words or characters.");

/* The user's words, lower-cased and split, for zxcvbn's user
 * dictionary (a NULL-terminated array, as it wants). */
struct pwcheck_words {
	const char	*w[PWCHECK_MAXWORDS + 1];
	size_t		 n;
	char		 store[PWCHECK_STORE];
	size_t		 used;
};

/* Adds s[0..len) lower-cased (ASCII only: Arabic has no case), unless
 * too short, already there, or there is no room left. */
static void
pwcheck_add(struct pwcheck_words *ws, const char *s, size_t len)
{
	char	*d;
	size_t	 i;

	if (len < PWCHECK_MINPART || ws->n == PWCHECK_MAXWORDS ||
	    ws->used + len + 1 > sizeof(ws->store))
		return;
	d = ws->store + ws->used;
	for (i = 0; i < len; i++)
		d[i] = (s[i] >= 'A' && s[i] <= 'Z') ? (char)(s[i] - 'A' + 'a') :
		    s[i];
	d[len] = '\0';
	for (i = 0; i < ws->n; i++)
		if (strcmp(ws->w[i], d) == 0)
			return;
	ws->w[ws->n++] = d;
	ws->used += len + 1;
}

/* A byte of a word: ASCII letters and digits, and every byte of a
 * multibyte UTF-8 character (Arabic names are split by spaces and
 * punctuation only). */
static int
pwcheck_wordbyte(unsigned char c)
{
	return c >= 0x80 || (c >= '0' && c <= '9') ||
	    ((c | 0x20) >= 'a' && (c | 0x20) <= 'z');
}

/* One segment (a name, or one side of an e-mail's '@'): the segment,
 * each of its runs of word bytes, and the runs joined ("alice.smith" →
 * alice, smith, alicesmith: people drop the dot). */
static void
pwcheck_segment(struct pwcheck_words *ws, const char *s, size_t len)
{
	char	 joined[256];
	size_t	 i, start, jn = 0, runs = 0;

	pwcheck_add(ws, s, len);
	for (i = 0; i < len; ) {
		if (!pwcheck_wordbyte((unsigned char)s[i])) {
			i++;
			continue;
		}
		start = i;
		while (i < len && pwcheck_wordbyte((unsigned char)s[i]))
			i++;
		pwcheck_add(ws, s + start, i - start);
		if (jn + (i - start) < sizeof(joined)) {
			memcpy(joined + jn, s + start, i - start);
			jn += i - start;
		}
		runs++;
	}
	if (runs > 1)
		pwcheck_add(ws, joined, jn);
}

static void
pwcheck_expand(struct pwcheck_words *ws, const char *const *user_words)
{
	const char	*w, *at;
	size_t		 i;

	ws->n = ws->used = 0;
	for (i = 0; user_words != NULL && user_words[i] != NULL; i++) {
		w = user_words[i];
		if ((at = strchr(w, '@')) != NULL) {
			pwcheck_add(ws, w, strlen(w));
			pwcheck_segment(ws, w, (size_t)(at - w));
			pwcheck_segment(ws, at + 1, strlen(at + 1));
		} else
			pwcheck_segment(ws, w, strlen(w));
	}
	ws->w[ws->n] = NULL;
}

/* 1 if the password holds one of the user's words (case ignored). */
static int
pwcheck_has_name(const char *pw, const struct pwcheck_words *ws)
{
	size_t	 i, j, pl = strlen(pw), wl;

	for (i = 0; i < ws->n; i++) {
		wl = strlen(ws->w[i]);
		if (wl < PWCHECK_NAMEPART || wl > pl)
			continue;
		for (j = 0; j + wl <= pl; j++)
			if (strncasecmp(pw + j, ws->w[i], wl) == 0)
				return 1;
	}
	return 0;
}

/* Why zxcvbn found the password weak, from the parts it matched: the
 * kind of part that covers more than half of it ("horse staple" is two
 * words, not a common password). */
static const char *
pwcheck_reason(const char *pw, const struct pwcheck_words *ws,
    const ZxcMatch_t *info)
{
	const ZxcMatch_t	*m;
	size_t			 len = strlen(pw);
	long			 word = 0, pattern = 0, date = 0;
	int			 type;

	if (pwcheck_has_name(pw, ws))
		return pwcheck_msg_name;
	for (m = info; m != NULL; m = m->Next) {
		type = (int)m->Type & ~MULTIPLE_MATCH;
		if ((int)m->Type & MULTIPLE_MATCH) {
			pattern += m->Length;	/* "aaaa…", "abcabc" */
			continue;
		}
		switch (type) {
		case DICTIONARY_MATCH:
		case DICT_LEET_MATCH:
		case USER_MATCH:
		case USER_LEET_MATCH:
			/* One word, not several: "password123" is a
			 * common password, "ilovejordan" is too few
			 * words. */
			if (m->Length > word)
				word = m->Length;
			break;
		case REPEATS_MATCH:
		case SEQUENCE_MATCH:
		case SPATIAL_MATCH:
			pattern += m->Length;
			break;
		case DATE_MATCH:
		case YEAR_MATCH:
			date += m->Length;
			break;
		case LONG_PWD_MATCH:
			/* zxcvbn looks at the first 100 characters only
			 * and counts the rest as this: judge what it saw. */
			if ((size_t)m->Length < len)
				len -= (size_t)m->Length;
			break;
		default:
			break;
		}
	}
	if ((size_t)word * 2 > len)
		return pwcheck_msg_common;
	if ((size_t)pattern * 2 > len)
		return pwcheck_msg_pattern;
	if ((size_t)date * 2 > len)
		return pwcheck_msg_date;
	return pwcheck_msg_more;
}

int
pwcheck(const char *password, const char *const *user_words,
    const char **msgid)
{
	struct pwcheck_words	 ws;
	ZxcMatch_t		*info = NULL;
	double			 bits;

	*msgid = NULL;
	if (password == NULL || *password == '\0') {
		*msgid = pwcheck_msg_more;
		return -1;
	}
	pwcheck_expand(&ws, user_words);
	bits = ZxcvbnMatch(password, ws.w, &info);
	if (bits >= PWCHECK_MIN_BITS) {
		ZxcvbnFreeInfo(info);
		return 0;
	}
	*msgid = pwcheck_reason(password, &ws, info);
	ZxcvbnFreeInfo(info);
	return -1;
}
