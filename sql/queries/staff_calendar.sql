-- The working-day calendar (fcgi/staff/page_calendar.c, domain calendar).

-- name: holidays_list
SELECT day, name_ar, name_en FROM holidays
 WHERE day >= ? ORDER BY day;

-- name: holidays_all
SELECT day FROM holidays ORDER BY day;

-- name: holiday_insert
INSERT INTO holidays (day, name_ar, name_en) VALUES (?, ?, ?)
ON DUPLICATE KEY UPDATE name_ar = VALUES(name_ar), name_en = VALUES(name_en);

-- name: holiday_delete
DELETE FROM holidays WHERE day = ?;

-- name: setting_get
SELECT value FROM settings WHERE name = ?;

-- name: setting_set
INSERT INTO settings (name, value) VALUES (?, ?)
ON DUPLICATE KEY UPDATE value = VALUES(value);

-- name: outbox_problems
SELECT id, channel, recipient, subject, status, attempts, last_error,
       created_at, next_attempt_at
  FROM outbox
 WHERE status = 'failed' OR (status = 'pending' AND attempts > 0)
 ORDER BY id DESC LIMIT 200;

-- name: outbox_counts
SELECT status, COUNT(*) AS n FROM outbox GROUP BY status;
