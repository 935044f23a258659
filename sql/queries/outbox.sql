-- The outbox of e-mail and SMS (fcgi/core/outbox.c).

-- name: outbox_insert
-- param: channel s, recipient s, subject s, body s
INSERT INTO outbox (channel, recipient, subject, body, created_at,
                    next_attempt_at, attempts, status)
VALUES (:channel, :recipient, :subject, :body, UTC_TIMESTAMP(),
        UTC_TIMESTAMP(), 0, 'pending');

-- name: outbox_due
-- A batch of what is due and not claimed by another delivery (:limit =
-- OUTBOX_BATCH); the next tick takes the rest.
-- param: limit i
SELECT id, channel, recipient, subject, body, attempts
  FROM outbox
 WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()
   AND (claimed_until IS NULL OR claimed_until < UTC_TIMESTAMP())
 ORDER BY next_attempt_at, id
 LIMIT :limit;

-- name: outbox_claimers
-- The deliveries that hold claims on messages not sent yet (a claim of
-- a process that is gone is released by outbox_unclaim).
SELECT DISTINCT claimed_by FROM outbox
 WHERE status = 'pending' AND claimed_by IS NOT NULL;

-- name: outbox_unclaim
-- param: who s
UPDATE outbox SET claimed_by = NULL, claimed_until = NULL
 WHERE status = 'pending' AND claimed_by = :who;

-- name: outbox_lease
-- Claims one message for this delivery (:me, host:pid) for :seconds:
-- one row affected, it is ours to send; none, another has it.
-- param: me s, seconds i, id u
UPDATE outbox SET claimed_by = :me,
       claimed_until = UTC_TIMESTAMP() + INTERVAL :seconds SECOND
 WHERE id = :id AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()
   AND (claimed_until IS NULL OR claimed_until < UTC_TIMESTAMP());

-- name: outbox_sent
-- Marked sent by the delivery that claimed it, the claim cleared in the
-- same statement.
-- param: id u, me s
UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(),
       attempts = attempts + 1, last_error = NULL,
       claimed_by = NULL, claimed_until = NULL
 WHERE id = :id AND claimed_by = :me;

-- name: outbox_retry
-- param: minutes i, error s, id u, me s
UPDATE outbox SET attempts = attempts + 1,
       next_attempt_at = UTC_TIMESTAMP() + INTERVAL :minutes MINUTE,
       last_error = :error, claimed_by = NULL, claimed_until = NULL
 WHERE id = :id AND claimed_by = :me;

-- name: outbox_failed
-- param: error s, id u, me s
UPDATE outbox SET status = 'failed', attempts = attempts + 1,
       last_error = :error, claimed_by = NULL, claimed_until = NULL
 WHERE id = :id AND claimed_by = :me;

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
