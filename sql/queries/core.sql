-- Kernel statements: sessions, login throttling, form nonces.

-- name: session_get
-- The signed-in user of a session token hash, unless expired (absolute
-- or idle, in minutes). Column 6: seconds since last seen.
SELECT s.user_id, u.email, u.full_name, u.role, u.entity_id, u.lang,
       TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP())
  FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE s.token_hash = ?
   AND s.expires_at > UTC_TIMESTAMP()
   AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL ? MINUTE
   AND u.active = 1 AND u.deleted_at IS NULL;

-- name: session_touch
UPDATE sessions SET last_seen_at = UTC_TIMESTAMP() WHERE token_hash = ?;

-- name: session_insert
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at,
                      expires_at, ip, user_agent)
VALUES (?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(),
        UTC_TIMESTAMP() + INTERVAL ? HOUR, ?, ?);

-- name: session_delete
DELETE FROM sessions WHERE token_hash = ?;

-- name: session_delete_user
DELETE FROM sessions WHERE user_id = ?;

-- name: session_purge
DELETE FROM sessions WHERE expires_at < UTC_TIMESTAMP() LIMIT 10000;

-- name: user_login_get
SELECT id, password_hash, active, email_verified_at IS NOT NULL, role
  FROM users WHERE email = ? AND deleted_at IS NULL;

-- name: user_set_password_hash
UPDATE users SET password_hash = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?;

-- name: login_attempt_insert
INSERT INTO login_attempts (email_hash, ip, success, at)
VALUES (?, ?, ?, UTC_TIMESTAMP());

-- name: login_failures_email
SELECT COUNT(*) FROM login_attempts
 WHERE email_hash = ? AND success = 0
   AND at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE;

-- name: login_failures_ip
SELECT COUNT(*) FROM login_attempts
 WHERE ip = ? AND success = 0
   AND at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE;

-- name: login_attempts_purge
DELETE FROM login_attempts WHERE at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 10000;

-- name: nonce_claim
INSERT INTO form_nonces (nonce, used_at, user_id, result_url)
VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), ?);

-- name: nonce_result
SELECT result_url FROM form_nonces WHERE nonce = ?;

-- name: nonce_purge
DELETE FROM form_nonces WHERE used_at < UTC_TIMESTAMP() - INTERVAL 2 DAY LIMIT 10000;
