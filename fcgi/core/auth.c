/*
 * auth.c — see auth.h.
 */
#include <fcntl.h>
#include <stdio.h>
#include <string.h>
#include <sys/file.h>
#include <unistd.h>

#include <sodium.h>

#include "arena.h"
#include "auth.h"
#include "conf.h"
#include "log.h"

static unsigned char	 auth_secret[32];
/* The cap on concurrent password hashes: one lock file per slot under
 * var/run, taken with flock() — released by the kernel even when a
 * worker dies in the middle of a hash, so a slot can never leak. */
#define PWHASH_MAXSLOTS	16
static int		 pwhash_fd[PWHASH_MAXSLOTS];
static int		 pwhash_nslots;
static int		 pwhash_held = -1;

int
auth_init(void)
{
	const char	*path;
	FILE		*f;
	char		 name[512];
	long		 cap;

	if (sodium_init() < 0) {
		log_warnx("%s: sodium_init failed", __func__);
		return -1;
	}
	path = conf_get("app", "secret_key_file", NULL);
	if (path == NULL || (f = fopen(path, "rb")) == NULL) {
		log_warnx("%s: secret key file %s unreadable", __func__,
		    path ? path : "(unset)");
		return -1;
	}
	if (fread(auth_secret, 1, sizeof(auth_secret), f) !=
	    sizeof(auth_secret)) {
		fclose(f);
		log_warnx("%s: secret key file %s is shorter than 32 bytes",
		    __func__, path);
		return -1;
	}
	fclose(f);
	/* Argon2id takes 64 MiB a hash: bound how many run at once on this
	 * host, whatever the number of workers. */
	cap = conf_int("limits", "pwhash_concurrent", 2);
	if (cap < 1)
		cap = 1;
	if (cap > PWHASH_MAXSLOTS)
		cap = PWHASH_MAXSLOTS;
	for (pwhash_nslots = 0; pwhash_nslots < cap; pwhash_nslots++) {
		snprintf(name, sizeof(name), "%s/run/pwhash.%d.lock",
		    conf_get("app", "var", "var"), pwhash_nslots);
		pwhash_fd[pwhash_nslots] = open(name, O_RDWR | O_CREAT |
		    O_CLOEXEC, 0600);
		if (pwhash_fd[pwhash_nslots] == -1) {
			log_warn("%s: %s (no cap on hashes)", __func__, name);
			pwhash_nslots = 0;
			break;
		}
	}
	return 0;
}

const unsigned char *
auth_key(void)
{
	return auth_secret;
}

static int
auth_slot(void)
{
	int	 i, tries;

	if (pwhash_nslots == 0)
		return 0;
	/* Up to five seconds for a free slot, then "busy" (503). */
	for (tries = 0; tries < 100; tries++) {
		for (i = 0; i < pwhash_nslots; i++)
			if (flock(pwhash_fd[i], LOCK_EX | LOCK_NB) == 0) {
				pwhash_held = i;
				return 0;
			}
		usleep(50000);
	}
	return -1;
}

static void
auth_unslot(void)
{
	if (pwhash_held >= 0)
		flock(pwhash_fd[pwhash_held], LOCK_UN);
	pwhash_held = -1;
}

int
auth_hash(const char *password, char out[128])
{
	int	 rc;

	if (auth_slot() == -1)
		return 1;
	rc = crypto_pwhash_str(out, password, strlen(password),
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE);
	auth_unslot();
	return rc == 0 ? 0 : -1;
}

int
auth_verify(const char *hash, const char *password)
{
	int	 rc;

	if (hash == NULL || *hash == '\0')
		return -1;
	if (auth_slot() == -1)
		return 1;
	rc = crypto_pwhash_str_verify(hash, password, strlen(password));
	auth_unslot();
	return rc == 0 ? 0 : -1;
}

int
auth_needs_rehash(const char *hash)
{
	return crypto_pwhash_str_needs_rehash(hash,
	    crypto_pwhash_OPSLIMIT_INTERACTIVE,
	    crypto_pwhash_MEMLIMIT_INTERACTIVE) != 0;
}

char *
auth_token(struct arena *a, unsigned char raw[32])
{
	size_t	 n = sodium_base64_ENCODED_LEN(32,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	char	*s = arena_alloc(a, n);

	randombytes_buf(raw, 32);
	sodium_bin2base64(s, n, raw, 32,
	    sodium_base64_VARIANT_URLSAFE_NO_PADDING);
	return s;
}

void
auth_token_hash(const char *token, unsigned char out[32])
{
	crypto_generichash(out, 32, (const unsigned char *)token,
	    strlen(token), NULL, 0);
}

char *
auth_mac(struct arena *a, const char *purpose, const char *msg)
{
	crypto_generichash_state st;
	unsigned char		 mac[32];
	char			*hex = arena_alloc(a, 65);

	crypto_generichash_init(&st, auth_secret, sizeof(auth_secret), 32);
	crypto_generichash_update(&st, (const unsigned char *)purpose,
	    strlen(purpose) + 1);
	crypto_generichash_update(&st, (const unsigned char *)msg,
	    strlen(msg));
	crypto_generichash_final(&st, mac, sizeof(mac));
	sodium_bin2hex(hex, 65, mac, sizeof(mac));
	return hex;
}
