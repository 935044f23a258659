/*
 * test_totp.c — TOTP codes against RFC 6238's test vectors, the ±1
 * step window, replays, malformed codes, base32, the otpauth:// URI and
 * sealing the secret at rest.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "totp.h"
#include "t.h"

/* RFC 6238 appendix B: the SHA-1 seed is the ASCII "1234567890" twice. */
static const unsigned char rfc_secret[] = "12345678901234567890";
static const struct {
	long long	 t;
	long long	 step;
	const char	*code;
} rfc[] = {
	{ 59LL, 0x1LL, "94287082" },
	{ 1111111109LL, 0x23523ECLL, "07081804" },
	{ 1111111111LL, 0x23523EDLL, "14050471" },
	{ 1234567890LL, 0x273EF07LL, "89005924" },
	{ 2000000000LL, 0x3F940AALL, "69279037" },
	{ 20000000000LL, 0x27BC86AALL, "65353130" },
};

/* The six-digit code of step s, for building inputs. */
static const char *
code_at(const unsigned char *secret, long long s)
{
	static char	 out[TOTP_DIGITS + 1];

	if (totp_code(secret, TOTP_SECRET_LEN, (time_t)(s * TOTP_STEP),
	    TOTP_DIGITS, out) == -1)
		return "";
	return out;
}

/* A six-digit string that is the code of none of the steps s-2 … s+2. */
static void
wrong_code(const unsigned char *secret, long long s, char out[7])
{
	int	 n, d, clash;

	for (n = 0; n < 1000000; n++) {
		snprintf(out, 7, "%06d", n);
		clash = 0;
		for (d = -2; d <= 2; d++)
			if (strcmp(code_at(secret, s + d), out) == 0)
				clash = 1;
		if (!clash)
			return;
	}
}

/* The code with every digit written in Arabic-Indic (U+0660–0669). */
static void
arabic_digits(const char *code, char *out)
{
	for (; *code != '\0'; code++) {
		*out++ = (char)0xd9;
		*out++ = (char)(0xa0 + (*code - '0'));
	}
	*out = '\0';
}

int
main(void)
{
	struct arena	*a = arena_new(4096);
	unsigned char	 secret[TOTP_SECRET_LEN], other[TOTP_SECRET_LEN];
	unsigned char	 back[TOTP_SECRET_LEN + 8], key[TOTP_KEY_LEN];
	unsigned char	 sealed[TOTP_SEALED_LEN], nonce[TOTP_NONCE_LEN];
	unsigned char	 nonce2[TOTP_NONCE_LEN];
	char		 out[16], bad[7], spaced[16], arabic[32];
	const char	*c, *uri;
	long long	 now, matched;
	size_t		 i, n;
	time_t		 t;
	int		 rc;

	/* RFC 6238 appendix B, SHA-1 rows, eight digits as printed. */
	for (i = 0; i < sizeof(rfc) / sizeof(rfc[0]); i++) {
		rc = totp_code(rfc_secret, 20, (time_t)rfc[i].t, 8, out);
		t_ok(rc == 0 && strcmp(out, rfc[i].code) == 0,
		    "RFC 6238 B: t=%lld gives %s (got %s)", rfc[i].t,
		    rfc[i].code, rc == 0 ? out : "error");
		t_eq_int(totp_step((time_t)rfc[i].t), rfc[i].step,
		    "RFC 6238 B: step of t");
	}
	/* Six digits are the same truncation, mod 10^6. */
	t_ok(totp_code(rfc_secret, 20, 59, 6, out) == 0 &&
	    strcmp(out, "287082") == 0, "six digits are the last six of eight");

	/* The window: now-1, now, now+1 in; two steps away out. */
	t = 1111111111;
	now = totp_step(t);
	rc = totp_verify(rfc_secret, 20, "050471", t, 0, &matched);
	t_ok(rc == 0 && matched == now, "current step accepted, step returned");
	matched = 0;
	c = code_at(rfc_secret, now - 1);
	rc = totp_verify(rfc_secret, 20, c, t, 0, &matched);
	t_ok(rc == 0 && matched == now - 1, "previous step accepted (drift)");
	c = code_at(rfc_secret, now + 1);
	rc = totp_verify(rfc_secret, 20, c, t, 0, &matched);
	t_ok(rc == 0 && matched == now + 1, "next step accepted (drift)");
	c = code_at(rfc_secret, now - 2);
	t_eq_int(totp_verify(rfc_secret, 20, c, t, 0, &matched), -1,
	    "two steps old refused");
	c = code_at(rfc_secret, now + 2);
	t_eq_int(totp_verify(rfc_secret, 20, c, t, 0, &matched), -1,
	    "two steps ahead refused");
	/* Step boundaries: the last second of a step and the first of the
	 * next both still reach the code of the step in between. */
	c = code_at(rfc_secret, now);
	t_eq_int(totp_verify(rfc_secret, 20, c, (time_t)(now * 30 + 59), 0,
	    &matched), 0, "code of step s at the end of step s+1");
	t_eq_int(totp_verify(rfc_secret, 20, c, (time_t)(now * 30 + 60), 0,
	    &matched), -1, "code of step s refused in step s+2");

	/* Replays: a step at or before the last accepted one. */
	t_eq_int(totp_verify(rfc_secret, 20, "050471", t, now, &matched), 1,
	    "same code again: replay");
	t_eq_int(totp_verify(rfc_secret, 20, "050471", t, now + 1, &matched), 1,
	    "code of a step before the last accepted: replay");
	c = code_at(rfc_secret, now - 1);
	t_eq_int(totp_verify(rfc_secret, 20, c, t, now - 1, &matched), 1,
	    "previous step's code after it was used: replay");
	matched = 0;
	t_ok(totp_verify(rfc_secret, 20, "050471", t, now - 1, &matched) == 0 &&
	    matched == now, "a later step after the last accepted one passes");

	/* Malformed and wrong codes. */
	wrong_code(rfc_secret, now, bad);
	t_eq_int(totp_verify(rfc_secret, 20, bad, t, 0, &matched), -1,
	    "wrong code refused");
	t_eq_int(totp_verify(rfc_secret, 20, "05047", t, 0, &matched), -1,
	    "five digits refused");
	t_eq_int(totp_verify(rfc_secret, 20, "0504710", t, 0, &matched), -1,
	    "seven digits refused");
	t_eq_int(totp_verify(rfc_secret, 20, "14050471", t, 0, &matched), -1,
	    "the eight-digit code refused");
	t_eq_int(totp_verify(rfc_secret, 20, "05o471", t, 0, &matched), -1,
	    "a letter refused");
	t_eq_int(totp_verify(rfc_secret, 20, "", t, 0, &matched), -1,
	    "empty refused");
	t_eq_int(totp_verify(rfc_secret, 20, NULL, t, 0, &matched), -1,
	    "NULL refused");
	t_eq_int(totp_verify(rfc_secret, 0, "050471", t, 0, &matched), -1,
	    "empty secret refused");
	t_eq_int(totp_verify(rfc_secret, 20, "050 471", t, 0, &matched), 0,
	    "spaces as apps show them");
	t_eq_int(totp_verify(rfc_secret, 20, " 050-471 ", t, 0, &matched), 0,
	    "a dash and surrounding spaces");
	arabic_digits("050471", arabic);
	t_eq_int(totp_verify(rfc_secret, 20, arabic, t, 0, &matched), 0,
	    "Arabic-Indic digits");
	t_eq_int(totp_verify(rfc_secret, 20, "\xdb\xb0" "50471", t, 0,
	    &matched), 0, "an Extended Arabic-Indic digit");
	t_eq_int(totp_verify(rfc_secret, 20, "\xd9" "50471", t, 0, &matched),
	    -1, "a truncated UTF-8 sequence refused");

	/* New secrets: the right size, random, and working. */
	t_eq_int(totp_secret_new(secret), 0, "new secret");
	t_eq_int(totp_secret_new(other), 0, "another secret");
	t_ok(memcmp(secret, other, sizeof(secret)) != 0,
	    "two secrets differ");
	t = 1767225600;		/* 2026-01-01 */
	c = code_at(secret, totp_step(t));
	snprintf(spaced, sizeof(spaced), "%.3s %s", c, c + 3);
	t_ok(totp_verify(secret, sizeof(secret), spaced, t, 0, &matched) == 0 &&
	    matched == totp_step(t), "a new secret's code verifies");

	/* Base32. */
	t_eq_str(totp_base32(a, rfc_secret, 20),
	    "GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", "base32 of the RFC secret");
	t_eq_str(totp_base32_grouped(a, rfc_secret, 20),
	    "GEZD GNBV GY3T QOJQ GEZD GNBV GY3T QOJQ", "grouped for typing");
	t_eq_int((long long)strlen(totp_base32(a, secret, sizeof(secret))), 32,
	    "160 bits are 32 characters, no padding");
	t_ok(totp_base32_decode(totp_base32(a, secret, sizeof(secret)), back,
	    sizeof(back), &n) == 0 && n == sizeof(secret) &&
	    memcmp(back, secret, n) == 0, "base32 round trip");
	t_ok(totp_base32_decode("gezd gnbv gy3t qojq gezd gnbv gy3t qojq",
	    back, sizeof(back), &n) == 0 && n == 20 &&
	    memcmp(back, rfc_secret, 20) == 0,
	    "decode: lower case and spaces as typed");
	t_eq_int(totp_base32_decode("GEZ1", back, sizeof(back), &n), -1,
	    "decode: '1' is not base32");
	t_eq_int(totp_base32_decode("GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ", back,
	    10, &n), -1, "decode: longer than the room refused");

	/* The URI: label and issuer percent-encoded, parameters spelt out. */
	uri = totp_uri(a, "alice+2fa@example.org", rfc_secret, 20);
	t_eq_str(uri, "otpauth://totp/Sharek:alice%2B2fa%40example.org"
	    "?secret=GEZDGNBVGY3TQOJQGEZDGNBVGY3TQOJQ&issuer=Sharek"
	    "&algorithm=SHA1&digits=6&period=30", "otpauth URI");
	uri = totp_uri(a, "a b:c/d?e&f#\xd8\xb9", rfc_secret, 20);
	t_ok(uri != NULL && strstr(uri, "Sharek:a%20b%3Ac%2Fd%3Fe%26f%23%D8%B9"
	    "?secret=") != NULL, "URI: space, colon, slash, ?, &, # and UTF-8 "
	    "in the label encoded");

	/* Sealing at rest. */
	memset(key, 7, sizeof(key));
	t_eq_int(totp_seal(key, 42, secret, sealed, nonce), 0, "seal");
	t_ok(memcmp(sealed, secret, sizeof(secret)) != 0,
	    "sealed text is not the secret");
	memset(back, 0, sizeof(back));
	t_ok(totp_open(key, 42, sealed, sizeof(sealed), nonce, back) == 0 &&
	    memcmp(back, secret, sizeof(secret)) == 0, "open round trip");
	t_eq_int(totp_open(key, 43, sealed, sizeof(sealed), nonce, back), -1,
	    "another user's row does not open");
	key[0] ^= 1;
	t_eq_int(totp_open(key, 42, sealed, sizeof(sealed), nonce, back), -1,
	    "another key does not open");
	key[0] ^= 1;
	sealed[3] ^= 0x80;
	t_eq_int(totp_open(key, 42, sealed, sizeof(sealed), nonce, back), -1,
	    "tampered box refused");
	sealed[3] ^= 0x80;
	t_eq_int(totp_open(key, 42, sealed, sizeof(sealed) - 1, nonce, back),
	    -1, "short box refused");
	t_eq_int(totp_seal(key, 42, secret, sealed, nonce2), 0, "seal again");
	t_ok(memcmp(nonce, nonce2, sizeof(nonce)) != 0,
	    "each seal has a fresh nonce");

	arena_free(a);
	return t_done();
}
