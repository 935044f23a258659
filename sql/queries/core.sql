-- Kernel statements: sessions, login throttling, form nonces.

-- name: session_get
-- The signed-in user of a session token hash, unless expired (absolute
-- or idle, in minutes); idle_seconds: since it was last seen.  The
-- second factor (issue 9): whether a code was typed in this session,
-- whether the account has TOTP enabled, and whether its role must have
-- it — the ministry's administrators, the liaison officers and the
-- central operations room of complaints (the one place that rule is
-- written; the other programs may read only user_id and enabled_at of
-- user_totp).
-- param: token_hash b, idle_minutes i
SELECT s.user_id, u.email, u.full_name, u.role, u.entity_id, u.lang,
       TIMESTAMPDIFF(SECOND, s.last_seen_at, UTC_TIMESTAMP())
         AS idle_seconds,
       s.second_factor_at IS NOT NULL AS factor_done,
       t.enabled_at IS NOT NULL AS factor_enabled,
       u.role IN ('admin', 'liaison', 'operations') AS factor_required
  FROM sessions s JOIN users u ON u.id = s.user_id
       LEFT JOIN user_totp t ON t.user_id = s.user_id
 WHERE s.token_hash = :token_hash
   AND s.expires_at > UTC_TIMESTAMP()
   AND s.last_seen_at > UTC_TIMESTAMP() - INTERVAL :idle_minutes MINUTE
   AND u.active = 1 AND u.deleted_at IS NULL;

-- name: session_touch
-- param: token_hash b
UPDATE sessions SET last_seen_at = UTC_TIMESTAMP()
 WHERE token_hash = :token_hash;

-- name: session_insert
-- param: token_hash b, user_id u, hours i, ip s, user_agent s
INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at,
                      expires_at, ip, user_agent)
VALUES (:token_hash, :user_id, UTC_TIMESTAMP(), UTC_TIMESTAMP(),
        UTC_TIMESTAMP() + INTERVAL :hours HOUR, :ip, :user_agent);

-- name: session_delete
-- param: token_hash b
DELETE FROM sessions WHERE token_hash = :token_hash;

-- name: session_delete_user
-- param: user_id u
DELETE FROM sessions WHERE user_id = :user_id;

-- name: session_delete_others
-- Every session of :user_id but the one of :token_hash (a password
-- changed by its owner).
-- param: user_id u, token_hash b
DELETE FROM sessions WHERE user_id = :user_id AND token_hash <> :token_hash;

-- name: session_purge
DELETE FROM sessions WHERE expires_at < UTC_TIMESTAMP() LIMIT 10000;

-- name: user_login_get
-- param: email s
SELECT id, password_hash, active,
       email_verified_at IS NOT NULL AS verified, role
  FROM users WHERE email = :email AND deleted_at IS NULL;

-- name: user_set_password_hash
-- param: hash s, id u
UPDATE users SET password_hash = :hash, updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: login_attempt_insert
-- param: email_hash b, ip s, success i
INSERT INTO login_attempts (email_hash, ip, success, at)
VALUES (:email_hash, :ip, :success, UTC_TIMESTAMP());

-- name: login_failures_pair
-- The failures of one account (the hash of its e-mail address) from one
-- client address since the last success of that pair (by id: times
-- have whole seconds), within a day, and the seconds since the latest
-- of them (session_throttle_wait: the owner elsewhere is never locked
-- out by a guesser here).
-- param: email_hash b, ip s
SELECT COUNT(*) AS failures,
       TIMESTAMPDIFF(SECOND, MAX(f.at), UTC_TIMESTAMP()) AS since_last
  FROM login_attempts f
 WHERE f.email_hash = :email_hash AND f.ip = :ip AND f.success = 0
   AND f.at > UTC_TIMESTAMP() - INTERVAL 1 DAY
   AND f.id > COALESCE((SELECT MAX(s.id) FROM login_attempts s
                         WHERE s.email_hash = :email_hash AND s.ip = :ip
                           AND s.success = 1), 0);

-- name: login_failures_ip
-- The failures from one client address on any account in the last 15
-- minutes, and the seconds until the oldest of them leaves the window.
-- param: ip s
SELECT COUNT(*) AS failures,
       TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                     MIN(at) + INTERVAL 15 MINUTE) AS frees_in
  FROM login_attempts
 WHERE ip = :ip AND success = 0
   AND at > UTC_TIMESTAMP() - INTERVAL 15 MINUTE;

-- name: login_attempts_purge
DELETE FROM login_attempts WHERE at < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 10000;

-- name: nonce_claim
-- param: nonce b, user_id u, result_url s
INSERT INTO form_nonces (nonce, used_at, user_id, result_url)
VALUES (:nonce, UTC_TIMESTAMP(), NULLIF(:user_id, 0), :result_url);

-- name: nonce_result
-- param: nonce b
SELECT result_url FROM form_nonces WHERE nonce = :nonce;

-- name: nonce_purge
DELETE FROM form_nonces WHERE used_at < UTC_TIMESTAMP() - INTERVAL 2 DAY LIMIT 10000;

-- name: db_wsrep_ready
-- Whether the connected node serves (fcgi/core/db.c, on each connect):
-- 'ON' for a Galera node whose wsrep_ready is ON and for a server that
-- is no cluster node (wsrep_on OFF); anything else (OFF, NULL) and the
-- node is failed over.
SELECT IF(@@global.wsrep_on,
          (SELECT VARIABLE_VALUE FROM information_schema.GLOBAL_STATUS
            WHERE VARIABLE_NAME = 'WSREP_READY'),
          'ON') AS wsrep_ready;
