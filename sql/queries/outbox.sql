-- The outbox of e-mail and SMS (fcgi/core/outbox.c).

-- name: outbox_insert
-- param: channel s, recipient s, subject s, body s
INSERT INTO outbox (channel, recipient, subject, body, created_at,
                    next_attempt_at, attempts, status)
VALUES (:channel, :recipient, :subject, :body, UTC_TIMESTAMP(),
        UTC_TIMESTAMP(), 0, 'pending');

-- name: outbox_due
-- A batch of what is due (:limit = OUTBOX_BATCH); the next tick takes
-- the rest.
-- param: limit i
SELECT id, channel, recipient, subject, body, attempts
  FROM outbox
 WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()
 ORDER BY next_attempt_at, id
 LIMIT :limit;

-- name: outbox_lease
-- param: id u
UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 10 MINUTE
 WHERE id = :id AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP();

-- name: outbox_sent
-- param: id u
UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(),
       attempts = attempts + 1, last_error = NULL
 WHERE id = :id;

-- name: outbox_retry
-- param: minutes i, error s, id u
UPDATE outbox SET attempts = attempts + 1,
       next_attempt_at = UTC_TIMESTAMP() + INTERVAL :minutes MINUTE,
       last_error = :error
 WHERE id = :id;

-- name: outbox_failed
-- param: error s, id u
UPDATE outbox SET status = 'failed', attempts = attempts + 1,
       last_error = :error
 WHERE id = :id;

-- name: rate_limit_hit
-- Counts one hit on a counter (0007_rate_limits.sql): a new row, one
-- more in its window, or a new window when the last one has passed.
-- The row stays locked until the caller's transaction ends.  Both
-- assignments test the old window_start, so their order does not
-- matter.
-- param: key_hash b, minutes i
INSERT INTO rate_limits (key_hash, window_start, hits)
VALUES (:key_hash, UTC_TIMESTAMP(), 1)
ON DUPLICATE KEY UPDATE
  hits = IF(window_start > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE,
            hits + 1, 1),
  window_start = IF(window_start > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE,
                    window_start, UTC_TIMESTAMP());

-- name: rate_limit_get
-- A counter's hits in its current window of :minutes (none when it has
-- passed) and the seconds left in it.
-- param: key_hash b, minutes i
SELECT hits,
       TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                     window_start + INTERVAL :minutes MINUTE) AS left_seconds
  FROM rate_limits
 WHERE key_hash = :key_hash
   AND window_start > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE;

-- name: rate_limit_purge
DELETE FROM rate_limits WHERE window_start < UTC_TIMESTAMP() - INTERVAL 1 DAY LIMIT 10000;
