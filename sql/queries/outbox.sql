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
