/*
 * totp.c — see totp.h.
 */
#include <stdlib.h>
#include <string.h>

#include <oath.h>
#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "log.h"
#include "totp.h"

_Static_assert(TOTP_KEY_LEN == crypto_secretbox_KEYBYTES &&
    TOTP_KEY_LEN == crypto_kdf_KEYBYTES, "TOTP_KEY_LEN");
_Static_assert(TOTP_NONCE_LEN == crypto_secretbox_NONCEBYTES,
    "TOTP_NONCE_LEN");
_Static_assert(TOTP_SEALED_LEN == TOTP_SECRET_LEN +
    crypto_secretbox_MACBYTES, "TOTP_SEALED_LEN");

/* crypto_kdf context: exactly 8 characters, this use only. */
#define TOTP_KDF_CONTEXT	"totpseal"

static int	 totp_ready;

/* liboath wants oath_init() before anything else; the workers are
 * single-threaded, so a flag is enough.  libsodium the same (it is
 * idempotent). */
static int
totp_init(void)
{
	int	 rc;

	if (totp_ready)
		return 0;
	if ((rc = oath_init()) != OATH_OK) {
		log_warnx("%s: oath_init: %s", __func__, oath_strerror(rc));
		return -1;
	}
	if (sodium_init() < 0) {
		log_warnx("%s: sodium_init failed", __func__);
		return -1;
	}
	totp_ready = 1;
	return 0;
}

int
totp_secret_new(unsigned char secret[TOTP_SECRET_LEN])
{
	if (totp_init() == -1)
		return -1;
	randombytes_buf(secret, TOTP_SECRET_LEN);
	return 0;
}

char *
totp_base32(struct arena *a, const unsigned char *secret, size_t len)
{
	char	*out, *s;
	size_t	 outlen;
	int	 rc;

	if (totp_init() == -1)
		return NULL;
	rc = oath_base32_encode((const char *)secret, len, &out, &outlen);
	if (rc != OATH_OK) {
		log_warnx("%s: %s", __func__, oath_strerror(rc));
		return NULL;
	}
	/* Key URIs carry the secret unpadded; 20 bytes need none anyway. */
	while (outlen > 0 && out[outlen - 1] == '=')
		outlen--;
	s = arena_strndup(a, out, outlen);
	sodium_memzero(out, outlen);
	free(out);
	return s;
}

char *
totp_base32_grouped(struct arena *a, const unsigned char *secret,
    size_t len)
{
	struct buf	 b;
	const char	*s;
	size_t		 i;

	if ((s = totp_base32(a, secret, len)) == NULL)
		return NULL;
	buf_init(&b, a);
	for (i = 0; s[i] != '\0'; i++) {
		if (i > 0 && i % 4 == 0)
			buf_addc(&b, ' ');
		buf_addc(&b, s[i]);
	}
	return b.data;
}

int
totp_base32_decode(const char *text, unsigned char *out, size_t cap,
    size_t *outlen)
{
	char	*bin;
	size_t	 n;
	int	 rc;

	if (totp_init() == -1)
		return -1;
	rc = oath_base32_decode(text, strlen(text), &bin, &n);
	if (rc != OATH_OK)
		return -1;
	if (n > cap) {
		sodium_memzero(bin, n);
		free(bin);
		return -1;
	}
	memcpy(out, bin, n);
	sodium_memzero(bin, n);
	free(bin);
	*outlen = n;
	return 0;
}

char *
totp_uri(struct arena *a, const char *account, const unsigned char *secret,
    size_t len)
{
	struct buf	 b;
	const char	*b32;

	if ((b32 = totp_base32(a, secret, len)) == NULL)
		return NULL;
	/* The colon between issuer and account stays literal, as the Key
	 * Uri Format shows it; a colon inside either part is encoded, so
	 * an app splits the label at the right place. */
	buf_init(&b, a);
	buf_adds(&b, "otpauth://totp/");
	buf_url(&b, TOTP_ISSUER, strlen(TOTP_ISSUER));
	buf_addc(&b, ':');
	buf_url(&b, account, strlen(account));
	buf_adds(&b, "?secret=");
	buf_adds(&b, b32);
	buf_adds(&b, "&issuer=");
	buf_url(&b, TOTP_ISSUER, strlen(TOTP_ISSUER));
	buf_printf(&b, "&algorithm=SHA1&digits=%d&period=%d", TOTP_DIGITS,
	    TOTP_STEP);
	return b.data;
}

long long
totp_step(time_t t)
{
	return (long long)(t / TOTP_STEP);
}

int
totp_code(const unsigned char *secret, size_t len, time_t t,
    unsigned digits, char *out)
{
	int	 rc;

	if (totp_init() == -1)
		return -1;
	rc = oath_totp_generate((const char *)secret, len, t, TOTP_STEP,
	    OATH_TOTP_DEFAULT_START_TIME, digits, out);
	if (rc != OATH_OK) {
		log_warnx("%s: %s", __func__, oath_strerror(rc));
		return -1;
	}
	return 0;
}

/* The typed code as six ASCII digits in out[]: spaces and dashes (apps
 * show "123 456") are skipped, Arabic-Indic and Extended Arabic-Indic
 * digits (U+0660–0669, U+06F0–06F9, what an Arabic keyboard types) read
 * as 0–9.  0, or -1 for anything else or another length. */
static int
totp_normalise(const char *code, char out[TOTP_DIGITS + 1])
{
	const unsigned char	*s = (const unsigned char *)code;
	size_t			 n = 0;
	int			 d;

	while (*s != '\0') {
		if (*s == ' ' || *s == '\t' || *s == '-') {
			s++;
			continue;
		}
		if (*s >= '0' && *s <= '9') {
			d = *s - '0';
			s++;
		} else if (s[0] == 0xd9 && s[1] >= 0xa0 && s[1] <= 0xa9) {
			d = s[1] - 0xa0;
			s += 2;
		} else if (s[0] == 0xdb && s[1] >= 0xb0 && s[1] <= 0xb9) {
			d = s[1] - 0xb0;
			s += 2;
		} else if (s[0] == 0xc2 && s[1] == 0xa0) {
			s += 2;		/* no-break space, from a paste */
			continue;
		} else
			return -1;
		if (n == TOTP_DIGITS)
			return -1;
		out[n++] = (char)('0' + d);
	}
	if (n != TOTP_DIGITS)
		return -1;
	out[n] = '\0';
	return 0;
}

/* liboath calls this with each candidate code of the window; 0 means
 * equal.  sodium_memcmp so the time taken says nothing of how many
 * leading digits were right. */
static int
totp_cmp(void *handle, const char *candidate)
{
	const char	*typed = handle;

	if (strlen(candidate) != TOTP_DIGITS)
		return 1;
	return sodium_memcmp(typed, candidate, TOTP_DIGITS) == 0 ? 0 : 1;
}

int
totp_verify(const unsigned char *secret, size_t len, const char *code,
    time_t now, long long last_step, long long *matched_step)
{
	char		 typed[TOTP_DIGITS + 1];
	int		 rc, pos;
	uint64_t	 counter;

	if (len == 0 || code == NULL || totp_normalise(code, typed) == -1)
		return -1;
	if (totp_init() == -1)
		return -1;
	rc = oath_totp_validate3_callback((const char *)secret, len, now,
	    TOTP_STEP, OATH_TOTP_DEFAULT_START_TIME, TOTP_DIGITS, TOTP_WINDOW,
	    &pos, &counter, totp_cmp, typed);
	if (rc == OATH_INVALID_OTP)
		return -1;
	if (rc < 0) {
		log_warnx("%s: %s", __func__, oath_strerror(rc));
		return -1;
	}
	/* A code is good once: the step it belongs to, or any earlier one,
	 * was accepted already — someone saw it over a shoulder or in a
	 * phishing proxy and is using it again within its 90 seconds. */
	if ((long long)counter <= last_step)
		return 1;
	*matched_step = (long long)counter;
	return 0;
}

int
totp_seal(const unsigned char key[TOTP_KEY_LEN], unsigned long long user_id,
    const unsigned char secret[TOTP_SECRET_LEN],
    unsigned char sealed[TOTP_SEALED_LEN], unsigned char nonce[TOTP_NONCE_LEN])
{
	unsigned char	 sub[crypto_secretbox_KEYBYTES];

	if (totp_init() == -1)
		return -1;
	if (crypto_kdf_derive_from_key(sub, sizeof(sub), user_id,
	    TOTP_KDF_CONTEXT, key) != 0) {
		log_warnx("%s: crypto_kdf_derive_from_key failed", __func__);
		return -1;
	}
	randombytes_buf(nonce, TOTP_NONCE_LEN);
	crypto_secretbox_easy(sealed, secret, TOTP_SECRET_LEN, nonce, sub);
	sodium_memzero(sub, sizeof(sub));
	return 0;
}

int
totp_open(const unsigned char key[TOTP_KEY_LEN], unsigned long long user_id,
    const unsigned char *sealed, size_t sealed_len,
    const unsigned char nonce[TOTP_NONCE_LEN],
    unsigned char secret[TOTP_SECRET_LEN])
{
	unsigned char	 sub[crypto_secretbox_KEYBYTES];
	int		 rc;

	if (sealed_len != TOTP_SEALED_LEN) {
		log_warnx("%s: user %llu: sealed secret of %zu bytes", __func__,
		    user_id, sealed_len);
		return -1;
	}
	if (totp_init() == -1)
		return -1;
	if (crypto_kdf_derive_from_key(sub, sizeof(sub), user_id,
	    TOTP_KDF_CONTEXT, key) != 0) {
		log_warnx("%s: crypto_kdf_derive_from_key failed", __func__);
		return -1;
	}
	rc = crypto_secretbox_open_easy(secret, sealed, sealed_len, nonce, sub);
	sodium_memzero(sub, sizeof(sub));
	if (rc != 0) {
		log_warnx("%s: user %llu: the secret does not open", __func__,
		    user_id);
		return -1;
	}
	return 0;
}
