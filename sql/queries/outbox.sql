-- The outbox of e-mail and SMS (fcgi/core/outbox.c).

-- name: outbox_insert
INSERT INTO outbox (channel, recipient, subject, body, created_at,
                    next_attempt_at, attempts, status)
VALUES (?, ?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP(), 0, 'pending');

-- name: outbox_due
SELECT id, channel, recipient, subject, body, attempts
  FROM outbox
 WHERE status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP()
 ORDER BY next_attempt_at, id
 LIMIT ?;

-- name: outbox_lease
UPDATE outbox SET next_attempt_at = UTC_TIMESTAMP() + INTERVAL 10 MINUTE
 WHERE id = ? AND status = 'pending' AND next_attempt_at <= UTC_TIMESTAMP();

-- name: outbox_sent
UPDATE outbox SET status = 'sent', sent_at = UTC_TIMESTAMP(),
       attempts = attempts + 1, last_error = NULL
 WHERE id = ?;

-- name: outbox_retry
UPDATE outbox SET attempts = attempts + 1,
       next_attempt_at = UTC_TIMESTAMP() + INTERVAL ? MINUTE, last_error = ?
 WHERE id = ?;

-- name: outbox_failed
UPDATE outbox SET status = 'failed', attempts = attempts + 1, last_error = ?
 WHERE id = ?;
