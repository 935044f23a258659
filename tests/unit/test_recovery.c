/*
 * test_recovery.c — recovery codes: ten distinct codes of the right
 * shape, forgiving input, hashes bound to key and user, constant-time
 * lookup, and one use each (modelled as the pages do it: only unused
 * rows are looked at, and a used one is marked).
 */
#include <string.h>

#include "recovery.h"
#include "t.h"

#define ALPHABET	"0123456789abcdefghjkmnpqrstvwxyz"

/* "xxxxx-xxxxx" of the alphabet. */
static int
well_formed(const char *s)
{
	int	 i;

	if (strlen(s) != RECOVERY_TEXT_LEN || s[5] != '-')
		return 0;
	for (i = 0; i < RECOVERY_TEXT_LEN; i++)
		if (i != 5 && strchr(ALPHABET, s[i]) == NULL)
			return 0;
	return 1;
}

/* The stored rows of one user, as the pages SELECT them. */
struct row {
	unsigned char	 hash[RECOVERY_HASH_LEN];
	int		 used;
};

/* Signing in with a recovery code: look only at unused rows, mark the
 * one found.  1 accepted, 0 refused. */
static int
use_code(const unsigned char *key, unsigned long long uid, struct row *rows,
    int n, const char *typed)
{
	unsigned char	 unused[RECOVERY_COUNT][RECOVERY_HASH_LEN];
	int		 map[RECOVERY_COUNT], i, k = 0, found;

	for (i = 0; i < n; i++)
		if (!rows[i].used) {
			memcpy(unused[k], rows[i].hash, RECOVERY_HASH_LEN);
			map[k++] = i;
		}
	found = recovery_find(key, uid, typed,
	    (const unsigned char (*)[RECOVERY_HASH_LEN])unused, (size_t)k);
	if (found < 0)
		return 0;
	rows[map[found]].used = 1;
	return 1;
}

int
main(void)
{
	unsigned char		 key[RECOVERY_KEY_LEN], key2[RECOVERY_KEY_LEN];
	unsigned char		 h1[RECOVERY_HASH_LEN], h2[RECOVERY_HASH_LEN];
	unsigned char		 hashes[RECOVERY_COUNT][RECOVERY_HASH_LEN];
	struct recovery_code	 c[RECOVERY_COUNT], more[RECOVERY_COUNT];
	struct row		 rows[RECOVERY_COUNT];
	char			 canon[RECOVERY_CHARS + 1], typed[400];
	int			 i, j, ok, seen[256], round;
	const unsigned char (*hs)[RECOVERY_HASH_LEN] =
	    (const unsigned char (*)[RECOVERY_HASH_LEN])hashes;

	memset(key, 0x11, sizeof(key));
	memset(key2, 0x22, sizeof(key2));

	/* Ten codes, each well formed, all distinct, hashes matching. */
	t_eq_int(recovery_make(key, 42, c), 0, "ten codes made");
	ok = 1;
	for (i = 0; i < RECOVERY_COUNT; i++)
		if (!well_formed(c[i].text))
			ok = 0;
	t_ok(ok, "every code is xxxxx-xxxxx of the unambiguous alphabet "
	    "(e.g. %s)", c[0].text);
	ok = 1;
	for (i = 0; i < RECOVERY_COUNT; i++)
		for (j = 0; j < i; j++)
			if (strcmp(c[i].text, c[j].text) == 0 ||
			    memcmp(c[i].hash, c[j].hash, RECOVERY_HASH_LEN) == 0)
				ok = 0;
	t_ok(ok, "ten distinct codes and hashes");
	ok = 1;
	for (i = 0; i < RECOVERY_COUNT; i++)
		if (recovery_hash(key, 42, c[i].text, h1) != 0 ||
		    memcmp(h1, c[i].hash, RECOVERY_HASH_LEN) != 0)
			ok = 0;
	t_ok(ok, "each stored hash is the hash of its text");
	t_eq_int(recovery_make(key, 42, more), 0, "a second set");
	t_ok(strcmp(more[0].text, c[0].text) != 0, "a second set differs");

	/* Every symbol turns up, never i, l, o or u. */
	memset(seen, 0, sizeof(seen));
	for (round = 0; round < 100; round++) {
		recovery_make(key, 1, more);
		for (i = 0; i < RECOVERY_COUNT; i++)
			for (j = 0; j < RECOVERY_TEXT_LEN; j++)
				seen[(unsigned char)more[i].text[j]]++;
	}
	ok = 1;
	for (i = 0; ALPHABET[i] != '\0'; i++)
		if (seen[(unsigned char)ALPHABET[i]] == 0)
			ok = 0;
	t_ok(ok, "all 32 symbols appear in 10,000");
	t_ok(seen['i'] + seen['l'] + seen['o'] + seen['u'] == 0,
	    "no i, l, o or u");

	/* Normalisation. */
	t_ok(recovery_normalise("k3m9q-z7d2x", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "canonical: dash dropped");
	t_ok(recovery_normalise("K3M9Q-Z7D2X", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "upper case");
	t_ok(recovery_normalise("  k3m9q z7d2x\t", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "spaces and a tab");
	t_ok(recovery_normalise("k3m9qz7d2x", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "no separator");
	t_ok(recovery_normalise("k3m-9qz-7d2x", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "dashes anywhere");
	t_ok(recovery_normalise("k3m9q\xe2\x80\x93z7d2x", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "an en dash (pasted)");
	t_ok(recovery_normalise("k3m9q\xc2\xa0z7d2x", canon) == 0 &&
	    strcmp(canon, "k3m9qz7d2x") == 0, "a no-break space (pasted)");
	t_ok(recovery_normalise("IL0O1-abcde", canon) == 0 &&
	    strcmp(canon, "11001abcde") == 0,
	    "I and L read as 1, O as 0");
	t_eq_int(recovery_normalise("k3m9q-z7d2u", canon), -1, "u refused");
	t_eq_int(recovery_normalise("k3m9q-z7d2", canon), -1, "nine refused");
	t_eq_int(recovery_normalise("k3m9q-z7d2xx", canon), -1,
	    "eleven refused");
	t_eq_int(recovery_normalise("k3m9q-z7d2x!", canon), -1,
	    "punctuation refused");
	t_eq_int(recovery_normalise("k3m9q.z7d2x", canon), -1, "a dot refused");
	t_eq_int(recovery_normalise("", canon), -1, "empty refused");
	t_eq_int(recovery_normalise(NULL, canon), -1, "NULL refused");
	t_eq_int(recovery_normalise("\xd9\xa3m9q-z7d2xx", canon), -1,
	    "non-ASCII refused");

	/* Hashes: forgiving forms hash alike; bound to user and key. */
	recovery_hash(key, 42, "k3m9q-z7d2x", h1);
	t_ok(recovery_hash(key, 42, " K3M9Q Z7D2X ", h2) == 0 &&
	    memcmp(h1, h2, sizeof(h1)) == 0, "typed forms hash alike");
	t_ok(recovery_hash(key, 42, "k3m9q-z7d21", h2) == 0 &&
	    recovery_hash(key, 42, "k3m9q-z7d2l", h1) == 0 &&
	    memcmp(h1, h2, sizeof(h1)) == 0, "l hashes as 1");
	recovery_hash(key, 42, "k3m9q-z7d2x", h1);
	recovery_hash(key, 43, "k3m9q-z7d2x", h2);
	t_ok(memcmp(h1, h2, sizeof(h1)) != 0, "another user, another hash");
	recovery_hash(key2, 42, "k3m9q-z7d2x", h2);
	t_ok(memcmp(h1, h2, sizeof(h1)) != 0, "another key, another hash");
	t_eq_int(recovery_hash(key, 42, "nope", h2), -1,
	    "no hash for what cannot be a code");

	/* Finding. */
	for (i = 0; i < RECOVERY_COUNT; i++)
		memcpy(hashes[i], c[i].hash, RECOVERY_HASH_LEN);
	t_eq_int(recovery_find(key, 42, c[7].text, hs, RECOVERY_COUNT), 7,
	    "found at its index");
	snprintf(typed, sizeof(typed), " %.5s %.5s ", c[3].text, c[3].text + 6);
	for (i = 0; typed[i] != '\0'; i++)
		if (typed[i] >= 'a' && typed[i] <= 'z')
			typed[i] = (char)(typed[i] - 'a' + 'A');
	t_eq_int(recovery_find(key, 42, typed, hs, RECOVERY_COUNT), 3,
	    "found as typed: upper case, spaces");
	t_eq_int(recovery_find(key, 43, c[7].text, hs, RECOVERY_COUNT), -1,
	    "not for another user");
	t_eq_int(recovery_find(key2, 42, c[7].text, hs, RECOVERY_COUNT), -1,
	    "not with another key");
	t_eq_int(recovery_find(key, 42, more[0].text, hs, RECOVERY_COUNT), -1,
	    "a code of another set is not found");
	t_eq_int(recovery_find(key, 42, "garbage", hs, RECOVERY_COUNT), -1,
	    "garbage is not found");
	t_eq_int(recovery_find(key, 42, c[0].text, hs, 0), -1,
	    "no rows, nothing found");

	/* Used once. */
	for (i = 0; i < RECOVERY_COUNT; i++) {
		memcpy(rows[i].hash, c[i].hash, RECOVERY_HASH_LEN);
		rows[i].used = 0;
	}
	t_ok(use_code(key, 42, rows, RECOVERY_COUNT, c[4].text) &&
	    rows[4].used, "a code signs in once and is marked used");
	t_ok(!use_code(key, 42, rows, RECOVERY_COUNT, c[4].text),
	    "the same code again is refused");
	t_ok(!use_code(key, 42, rows, RECOVERY_COUNT, "C4-SAME"),
	    "garbage refused");
	ok = 1;
	for (i = 0; i < RECOVERY_COUNT; i++)
		if (i != 4 && !use_code(key, 42, rows, RECOVERY_COUNT,
		    c[i].text))
			ok = 0;
	t_ok(ok, "the other nine still work, once each");
	ok = 1;
	for (i = 0; i < RECOVERY_COUNT; i++)
		if (use_code(key, 42, rows, RECOVERY_COUNT, c[i].text))
			ok = 0;
	t_ok(ok, "all ten spent: none works again");
	return t_done();
}
