-- The second factor of staff accounts (issue 9): TOTP secrets sealed by
-- totp_seal (fcgi/core/totp.h), one-time recovery codes
-- (fcgi/core/recovery.h), the session's mark and the attempts'
-- throttling.  Only sharek-staff reads the secrets (grants.sql); the
-- other programs see whether TOTP is enabled through session_get.

-- name: factor_get
-- The user's TOTP row: the sealed secret, whether enrolment is complete,
-- the step of the last accepted code.
-- param: user_id u
SELECT secret_enc, secret_nonce, enabled_at IS NOT NULL AS enabled,
       last_step, UNIX_TIMESTAMP(enabled_at) AS enabled_unix
  FROM user_totp WHERE user_id = :user_id;

-- name: factor_restart
-- A new secret for an enrolment not finished (the row of an enabled
-- factor is never replaced: turning it off comes first).
-- param: user_id u, secret b, nonce b
UPDATE user_totp
   SET secret_enc = :secret, secret_nonce = :nonce,
       created_at = UTC_TIMESTAMP(), last_step = 0
 WHERE user_id = :user_id AND enabled_at IS NULL;

-- name: factor_insert
-- The first enrolment of a user (the primary key refuses a second row).
-- param: user_id u, secret b, nonce b
INSERT INTO user_totp (user_id, secret_enc, secret_nonce, created_at,
                       enabled_at, last_step)
VALUES (:user_id, :secret, :nonce, UTC_TIMESTAMP(), NULL, 0);

-- name: factor_enable
-- Enrolment done: the first good code turns the factor on, and its step
-- is spent (a replay of it at sign-in is refused).
-- param: user_id u, step i
UPDATE user_totp SET enabled_at = UTC_TIMESTAMP(), last_step = :step
 WHERE user_id = :user_id AND enabled_at IS NULL AND last_step < :step;

-- name: factor_step
-- Accepts a code of an enabled factor: one changed row, or the step was
-- spent already (a replay, or another worker accepted it first).
-- param: user_id u, step i
UPDATE user_totp SET last_step = :step
 WHERE user_id = :user_id AND enabled_at IS NOT NULL
   AND last_step < :step;

-- name: factor_disable
-- Turns the factor off (the staff account may not DELETE the row; the
-- next enrolment writes a new secret over it).
-- param: user_id u
UPDATE user_totp SET enabled_at = NULL
 WHERE user_id = :user_id AND enabled_at IS NOT NULL;

-- name: recovery_delete_user
-- param: user_id u
DELETE FROM recovery_codes WHERE user_id = :user_id;

-- name: recovery_insert
-- param: user_id u, hash b
INSERT INTO recovery_codes (user_id, code_hash, created_at)
VALUES (:user_id, :hash, UTC_TIMESTAMP());

-- name: recovery_unused
-- The user's unused codes: at most RECOVERY_COUNT (ten), so not paged.
-- param: user_id u
SELECT id, code_hash FROM recovery_codes
 WHERE user_id = :user_id AND used_at IS NULL ORDER BY id;

-- name: recovery_spend
-- A code works once: one changed row, or it was spent already.
-- param: id u, user_id u
UPDATE recovery_codes SET used_at = UTC_TIMESTAMP()
 WHERE id = :id AND user_id = :user_id AND used_at IS NULL;

-- name: session_factor_done
-- The mark that makes a session signed in for an account with a second
-- factor (migration 0008).
-- param: token_hash b
UPDATE sessions SET second_factor_at = UTC_TIMESTAMP()
 WHERE token_hash = :token_hash;

-- name: factor_attempt_insert
-- One code typed at sign-in, enrolment or turning the factor off, kept
-- with the passwords' attempts (login_attempts) under a key of its own
-- (session.c: a hash of "factor:" and the account's e-mail), so wrong
-- codes never count against the password and the other way round, while
-- the address's failures count both.
-- param: key_hash b, ip s, success i
INSERT INTO login_attempts (email_hash, ip, success, at)
VALUES (:key_hash, :ip, :success, UTC_TIMESTAMP());

-- name: factor_failures
-- Wrong codes of one account since its last good code (by id: times
-- are whole seconds), within a day, and the seconds since the latest of
-- them (session_factor_throttled).
-- param: key_hash b
SELECT COUNT(*) AS failures,
       TIMESTAMPDIFF(SECOND, MAX(f.at), UTC_TIMESTAMP()) AS since_last
  FROM login_attempts f
 WHERE f.email_hash = :key_hash AND f.success = 0
   AND f.at > UTC_TIMESTAMP() - INTERVAL 1 DAY
   AND f.id > COALESCE((SELECT MAX(s.id) FROM login_attempts s
                         WHERE s.email_hash = :key_hash AND s.success = 1),
                       0);

-- name: factor_tool_user
-- sharekctl user reset-2fa: the account of an e-mail address.
-- param: email s
SELECT id, role, entity_id FROM users
 WHERE email = :email AND deleted_at IS NULL;

-- name: factor_tool_delete
-- sharekctl user reset-2fa: the secret goes (the admin account may
-- DELETE; the staff account only turns a factor off).
-- param: user_id u
DELETE FROM user_totp WHERE user_id = :user_id;
