/*
 * totp.h — time-based one-time passwords (RFC 6238) for the staff's
 * second factor, on liboath.  Secrets are 160 bits (RFC 4226 §4), steps
 * 30 seconds, codes six digits, HMAC-SHA-1: the defaults of every
 * authenticator app, so an app that ignores the URI's parameters still
 * computes the same codes.
 *
 * Knows nothing of HTTP, sessions or the database: the caller keeps the
 * sealed secret and the last accepted step (user_totp, migration 0006)
 * and passes the key, so this links into sharekctl as well.
 */
#ifndef SHAREK_TOTP_H
#define SHAREK_TOTP_H

#include <stddef.h>
#include <time.h>

struct arena;

#define TOTP_SECRET_LEN	20	/* bytes: 160 bits */
#define TOTP_STEP	30	/* seconds */
#define TOTP_DIGITS	6
#define TOTP_WINDOW	1	/* steps accepted either side of now */
#define TOTP_ISSUER	"Sharek"
#define TOTP_KEY_LEN	32	/* crypto_secretbox_KEYBYTES */
#define TOTP_NONCE_LEN	24	/* crypto_secretbox_NONCEBYTES */
#define TOTP_SEALED_LEN	(TOTP_SECRET_LEN + 16)	/* + crypto_secretbox_MACBYTES */

/* A new random secret (libsodium randombytes).  0 or -1 (logged). */
int		 totp_secret_new(unsigned char secret[TOTP_SECRET_LEN]);

/* RFC 4648 base32 of a secret, upper case, without '=' padding (the
 * form otpauth:// URIs carry).  Arena-owned; NULL only if liboath
 * fails (logged). */
char		*totp_base32(struct arena *, const unsigned char *secret,
		    size_t len);
/* The same in groups of four separated by spaces, for typing the
 * secret by hand ("GEZD GNBV …"; apps ignore the spaces). */
char		*totp_base32_grouped(struct arena *,
		    const unsigned char *secret, size_t len);
/* Base32 text (case, spaces allowed) back to bytes in out[cap];
 * *outlen gets the length.  0, or -1 when invalid or longer than cap. */
int		 totp_base32_decode(const char *text, unsigned char *out,
		    size_t cap, size_t *outlen);

/* The otpauth://totp/ URI for an authenticator app (Google's Key Uri
 * Format): label "Sharek:<account>" and the issuer parameter, every
 * part percent-encoded, algorithm, digits and period spelt out.
 * account is the user's e-mail address.  Arena-owned; NULL only if
 * liboath fails (logged). */
char		*totp_uri(struct arena *, const char *account,
		    const unsigned char *secret, size_t len);

/* The step number of a time: floor(t / 30), RFC 6238's T. */
long long	 totp_step(time_t t);
/* The code of the step holding t with the given number of digits (6
 * for users; the RFC's test vectors use 8) into out[digits + 1].
 * 0 or -1 (logged). */
int		 totp_code(const unsigned char *secret, size_t len, time_t t,
		    unsigned digits, char *out);
/* Checks a code typed by the user against the steps now-1, now and
 * now+1 (clock drift and typing time).  Spaces are ignored and
 * Arabic-Indic digits read as digits; the comparison is constant-time.
 * Returns 0 when it matches a step after last_step, with that step in
 * *matched_step — the caller stores it as the new last step, with an
 * UPDATE … WHERE last_step < :step so two workers cannot both accept
 * the same code; 1 when it matches a step ≤ last_step (a replay: the
 * caller refuses it as a wrong code); -1 when it matches no step or is
 * not six digits.  last_step is 0 for a secret never used. */
int		 totp_verify(const unsigned char *secret, size_t len,
		    const char *code, time_t now, long long last_step,
		    long long *matched_step);

/* Encryption at rest: the secret sealed with crypto_secretbox under a
 * key derived from the caller's 32-byte key and user_id (crypto_kdf),
 * so a sealed secret copied to another user's row does not open.  A
 * fresh random nonce goes to nonce[]; store both.  0 or -1 (logged). */
int		 totp_seal(const unsigned char key[TOTP_KEY_LEN],
		    unsigned long long user_id,
		    const unsigned char secret[TOTP_SECRET_LEN],
		    unsigned char sealed[TOTP_SEALED_LEN],
		    unsigned char nonce[TOTP_NONCE_LEN]);
/* The reverse into secret[]: 0, or -1 when the length is wrong or the
 * box does not open (wrong key, user or tampering; logged). */
int		 totp_open(const unsigned char key[TOTP_KEY_LEN],
		    unsigned long long user_id, const unsigned char *sealed,
		    size_t sealed_len, const unsigned char nonce[TOTP_NONCE_LEN],
		    unsigned char secret[TOTP_SECRET_LEN]);

#endif
