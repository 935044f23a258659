-- The working-day calendar (fcgi/staff/page_calendar.c, domain calendar)
-- and the ministry's view of message delivery.

-- name: holidays_list
-- The holidays from :since on.  Not paged: a year has about fifteen
-- public holidays and the page starts at the beginning of last year.
-- param: since s
SELECT day, name_ar, name_en FROM holidays
 WHERE day >= :since ORDER BY day;

-- name: holiday_insert
-- A day that is already a holiday is refused (duplicate key), not
-- overwritten: the admin removes it first.
-- param: day s, name_ar s, name_en s
INSERT INTO holidays (day, name_ar, name_en) VALUES (:day, :name_ar, :name_en);

-- name: holiday_get
-- One holiday (the confirmation before removing it, and the notice after).
-- param: day s
SELECT day, name_ar, name_en FROM holidays WHERE day = :day;

-- name: holiday_delete
-- param: day s
DELETE FROM holidays WHERE day = :day;

-- name: setting_get
-- param: name s
SELECT value FROM settings WHERE name = :name;

-- name: setting_set
-- param: name s, value s
INSERT INTO settings (name, value) VALUES (:name, :value)
ON DUPLICATE KEY UPDATE value = VALUES(value);

-- name: outbox_problems
-- Messages that failed or are being retried, newest first, keyset-paged
-- on id (:before, :limit = OUTBOX_PAGE_SIZE + 1).
-- param: before i, limit i
SELECT id, channel, recipient, subject, status, attempts, last_error,
       created_at, next_attempt_at
  FROM outbox
 WHERE (status = 'failed' OR (status = 'pending' AND attempts > 0))
   AND id < :before
 ORDER BY id DESC LIMIT :limit;

-- name: outbox_counts
-- One row per delivery state (pending, sent, failed).
SELECT status, COUNT(*) AS n FROM outbox GROUP BY status;
