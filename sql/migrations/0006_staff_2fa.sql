-- Sharek schema, part 6: a second factor for staff (issue 9; OWASP ASVS
-- 5.0 V6.3) — TOTP (RFC 6238) and one-time recovery codes.  Additive
-- only.
--
-- Tables of their own, not columns of users: the public program reads
-- and writes users (citizens register and edit their accounts) and must
-- never read a staff member's secret; only the accounts that sign staff
-- in are granted these (grants.sql).  The C side is fcgi/core/totp.c and
-- fcgi/core/recovery.c; the key comes from outside the database.

-- One row per user who has started enrolment.  secret_enc is the 160-bit
-- secret sealed by totp_seal() — crypto_secretbox under a key derived
-- from the deployment key and user_id, so a row copied to another user
-- does not open (36 bytes today) — and secret_nonce its 24-byte nonce.
-- enabled_at stays NULL until the user has typed a first good code;
-- sign-in asks for a code only once it is set.  last_step is the 30-s
-- step of the last accepted code (0: none yet): a code of that step or
-- an earlier one is a replay, and a code is accepted with
--   UPDATE user_totp SET last_step = :step
--    WHERE user_id = :id AND last_step < :step
-- and one row changed, so two workers cannot both accept the same code.
-- Enrolling again writes a new secret and resets enabled_at and
-- last_step; an operator's reset (sharekctl user reset-2fa, audited)
-- deletes the row and the user's recovery codes.
CREATE TABLE user_totp (
  user_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  secret_enc VARBINARY(64) NOT NULL,
  secret_nonce BINARY(24) NOT NULL,
  created_at DATETIME NOT NULL,
  enabled_at DATETIME NULL,
  last_step BIGINT NOT NULL DEFAULT 0,
  CONSTRAINT fk_user_totp_user FOREIGN KEY (user_id) REFERENCES users (id),
  CONSTRAINT ck_user_totp_step CHECK (last_step >= 0)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Ten one-time codes per enrolled user, for a lost authenticator.
-- code_hash is recovery_hash(): BLAKE2b-256 keyed with a key outside the
-- database, over the user id and the code.  Not argon2id: the codes are
-- random (50 bits each), not chosen by a person, so without the key a
-- dump of this table is worth nothing and a slow hash would add only
-- cost at sign-in.  Sign-in reads the user's unused rows, finds the code
-- (recovery_find, constant time) and spends it with
--   UPDATE recovery_codes SET used_at = :now
--    WHERE id = :id AND used_at IS NULL
-- accepting only when one row changed.  A new set replaces the old one
-- (DELETE the user's rows, INSERT ten).  The unique key starts with
-- user_id, so it also serves "the user's unused codes".
CREATE TABLE recovery_codes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  code_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  UNIQUE KEY uq_recovery_codes_user_hash (user_id, code_hash),
  CONSTRAINT fk_recovery_codes_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
