/*
 * recovery.c — see recovery.h.
 */
#include <string.h>

#include <sodium.h>

#include "log.h"
#include "recovery.h"

_Static_assert(RECOVERY_HASH_LEN >= crypto_generichash_BYTES_MIN &&
    RECOVERY_HASH_LEN <= crypto_generichash_BYTES_MAX, "RECOVERY_HASH_LEN");
_Static_assert(RECOVERY_KEY_LEN == crypto_kdf_KEYBYTES, "RECOVERY_KEY_LEN");

/* crypto_kdf context: exactly 8 characters, this use only. */
#define RECOVERY_KDF_CONTEXT	"recovery"

/* Crockford's base32: 32 symbols, so a random byte & 31 is uniform. */
static const char	 recovery_alphabet[] = "0123456789abcdefghjkmnpqrstvwxyz";

/* The canonical symbol of one typed ASCII character, or 0 if none. */
static char
recovery_symbol(unsigned char c)
{
	if (c >= 'A' && c <= 'Z')
		c = (unsigned char)(c - 'A' + 'a');
	switch (c) {
	case 'i':
	case 'l':
		return '1';
	case 'o':
		return '0';
	case 'u':
		return 0;
	}
	if ((c >= '0' && c <= '9') || (c >= 'a' && c <= 'z'))
		return (char)c;
	return 0;
}

int
recovery_normalise(const char *input, char out[RECOVERY_CHARS + 1])
{
	const unsigned char	*s = (const unsigned char *)input;
	size_t			 n = 0;
	char			 c;

	if (input == NULL)
		return -1;
	while (*s != '\0') {
		/* Separators people type or paste: space, tab, '-', '_',
		 * no-break space, the Unicode hyphens and dashes. */
		if (*s == ' ' || *s == '\t' || *s == '-' || *s == '_') {
			s++;
			continue;
		}
		if (s[0] == 0xc2 && s[1] == 0xa0) {
			s += 2;
			continue;
		}
		if (s[0] == 0xe2 && s[1] == 0x80 && s[2] >= 0x90 &&
		    s[2] <= 0x95) {
			s += 3;
			continue;
		}
		if ((c = recovery_symbol(*s)) == 0 || n == RECOVERY_CHARS)
			return -1;
		out[n++] = c;
		s++;
	}
	if (n != RECOVERY_CHARS)
		return -1;
	out[n] = '\0';
	return 0;
}

/* The hash of a canonical code: BLAKE2b keyed with a subkey of the
 * caller's key for this user (crypto_kdf) — the user binding, and the
 * deployment key can be passed as is: no other use of it (auth_mac,
 * totp_seal) ever sees this subkey. */
static void
recovery_digest(const unsigned char key[RECOVERY_KEY_LEN],
    unsigned long long user_id, const char canon[RECOVERY_CHARS],
    unsigned char hash[RECOVERY_HASH_LEN])
{
	unsigned char	 sub[crypto_generichash_KEYBYTES];

	crypto_kdf_derive_from_key(sub, sizeof(sub), user_id,
	    RECOVERY_KDF_CONTEXT, key);
	crypto_generichash(hash, RECOVERY_HASH_LEN,
	    (const unsigned char *)canon, RECOVERY_CHARS, sub, sizeof(sub));
	sodium_memzero(sub, sizeof(sub));
}

int
recovery_hash(const unsigned char key[RECOVERY_KEY_LEN],
    unsigned long long user_id, const char *input,
    unsigned char hash[RECOVERY_HASH_LEN])
{
	char	 canon[RECOVERY_CHARS + 1];

	if (recovery_normalise(input, canon) == -1)
		return -1;
	recovery_digest(key, user_id, canon, hash);
	sodium_memzero(canon, sizeof(canon));
	return 0;
}

int
recovery_make(const unsigned char key[RECOVERY_KEY_LEN],
    unsigned long long user_id, struct recovery_code codes[RECOVERY_COUNT])
{
	unsigned char	 raw[RECOVERY_CHARS];
	char		 canon[RECOVERY_CHARS];
	int		 i, j, k, dup;

	if (sodium_init() < 0) {
		log_warnx("%s: sodium_init failed", __func__);
		return -1;
	}
	for (i = 0; i < RECOVERY_COUNT; i++) {
		/* Two equal codes in 2^50 are not expected, but the table's
		 * unique key would refuse them, so draw again. */
		do {
			randombytes_buf(raw, sizeof(raw));
			for (k = 0; k < RECOVERY_CHARS; k++)
				canon[k] = recovery_alphabet[raw[k] & 31];
			recovery_digest(key, user_id, canon, codes[i].hash);
			dup = 0;
			for (j = 0; j < i; j++)
				if (memcmp(codes[j].hash, codes[i].hash,
				    RECOVERY_HASH_LEN) == 0)
					dup = 1;
		} while (dup);
		memcpy(codes[i].text, canon, 5);
		codes[i].text[5] = '-';
		memcpy(codes[i].text + 6, canon + 5, 5);
		codes[i].text[RECOVERY_TEXT_LEN] = '\0';
	}
	sodium_memzero(raw, sizeof(raw));
	sodium_memzero(canon, sizeof(canon));
	return 0;
}

int
recovery_find(const unsigned char key[RECOVERY_KEY_LEN],
    unsigned long long user_id, const char *input,
    const unsigned char (*hashes)[RECOVERY_HASH_LEN], size_t n)
{
	unsigned char	 h[RECOVERY_HASH_LEN];
	size_t		 i;
	int		 found = -1;

	if (recovery_hash(key, user_id, input, h) == -1)
		return -1;
	/* Every hash is compared, so the time says nothing of where in
	 * the list (or whether) the code is. */
	for (i = 0; i < n; i++)
		if (sodium_memcmp(h, hashes[i], RECOVERY_HASH_LEN) == 0)
			found = (int)i;
	return found;
}
