/*
 * recovery.h — one-time recovery codes for the staff's second factor:
 * ten per user, shown once at enrolment, each good for one sign-in
 * when the authenticator is lost.
 *
 * A code is 10 symbols of Crockford's base32 alphabet in lower case
 * (0-9 a-z without i, l, o, u), 50 random bits, shown "k3m9q-z7d2x".
 * Typing is forgiving: case, spaces and dashes do not matter, and i/l
 * read as 1, o as 0, since those are the mistakes people make copying
 * a code from paper.
 *
 * Stored hashed with crypto_generichash (BLAKE2b-256) keyed with a
 * per-user subkey (crypto_kdf) of the caller's 32-byte key — the
 * deployment key (auth_key) may be passed as is — not with
 * crypto_pwhash: the codes are random (50 bits, not a person's choice),
 * so a slow hash adds nothing a key outside the database does not; a
 * fast one lets sign-in check all ten in microseconds without taking
 * a slot of the argon2id cap; and a dump of the table without the key
 * says nothing.  The per-user subkey makes a row copied to another
 * user worthless.
 *
 * Used once: the caller SELECTs the user's unused hashes, finds the
 * typed code with recovery_find and marks it with UPDATE … SET used_at
 * WHERE id = :id AND used_at IS NULL, accepting only when one row
 * changed — two workers cannot both spend the same code.
 */
#ifndef SHAREK_RECOVERY_H
#define SHAREK_RECOVERY_H

#include <stddef.h>

#define RECOVERY_COUNT		10	/* codes per user */
#define RECOVERY_CHARS		10	/* symbols in a code */
#define RECOVERY_TEXT_LEN	11	/* "xxxxx-xxxxx", without the NUL */
#define RECOVERY_HASH_LEN	32
#define RECOVERY_KEY_LEN	32

struct recovery_code {
	char		 text[RECOVERY_TEXT_LEN + 1];	/* shown once */
	unsigned char	 hash[RECOVERY_HASH_LEN];	/* stored */
};

/* Ten distinct new codes for user_id with their hashes.  The texts are
 * secrets: show them once and never store or log them.  0 or -1
 * (logged). */
int	recovery_make(const unsigned char key[RECOVERY_KEY_LEN],
	    unsigned long long user_id, struct recovery_code codes[RECOVERY_COUNT]);
/* A typed code in its canonical form (10 symbols, lower case, no dash)
 * into out[].  0, or -1 when it cannot be a code (a wrong length, a
 * character outside the alphabet). */
int	recovery_normalise(const char *input, char out[RECOVERY_CHARS + 1]);
/* The stored hash of a typed (or canonical) code: 0, or -1 when
 * recovery_normalise refuses it. */
int	recovery_hash(const unsigned char key[RECOVERY_KEY_LEN],
	    unsigned long long user_id, const char *input,
	    unsigned char hash[RECOVERY_HASH_LEN]);
/* Which of the n stored hashes the typed code is: its index, or -1
 * (also for input that cannot be a code).  Compares with every hash
 * in constant time, whatever matches. */
int	recovery_find(const unsigned char key[RECOVERY_KEY_LEN],
	    unsigned long long user_id, const char *input,
	    const unsigned char (*hashes)[RECOVERY_HASH_LEN], size_t n);

#endif
