/*
 * auth.h — secrets without requests: password hashes (argon2id, with a
 * cap on how many run at once on this host), random tokens and their
 * hashes, keyed MACs, and the deployment's secret key.
 *
 * Knows nothing of HTTP or FastCGI, so sharekctl can hash a password
 * without linking the request kernel (tests/run checks it with nm).
 */
#ifndef SHAREK_AUTH_H
#define SHAREK_AUTH_H

#include <stddef.h>

struct arena;

/* Process start-up: libsodium, the secret key file ([app]
 * secret_key_file), the hash cap ([limits] pwhash_concurrent, lock files
 * under [app] var/run).  0 or -1 (logged). */
int		 auth_init(void);
/* Argon2id (libsodium interactive limits) into out[128]; 0, -1, or 1
 * when the concurrency cap was reached. */
int		 auth_hash(const char *password, char out[128]);
/* 0 match, -1 no match, 1 busy. */
int		 auth_verify(const char *hash, const char *password);
int		 auth_needs_rehash(const char *hash);
/* 32 random bytes as base64url (arena-owned); raw bytes to raw[32]. */
char		*auth_token(struct arena *, unsigned char raw[32]);
/* BLAKE2b-256 of a token string. */
void		 auth_token_hash(const char *token, unsigned char out[32]);
/* A keyed MAC with the deployment key, hex (arena-owned). */
char		*auth_mac(struct arena *, const char *purpose, const char *msg);
/* The deployment's 32-byte secret key (for secretbox of personal data);
 * static storage, valid after auth_init. */
const unsigned char *auth_key(void);

#endif
