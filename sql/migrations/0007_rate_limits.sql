-- Sharek schema, part 7: counters that cap what a visitor can make the
-- portal send (issue 9, item 1).  Additive only.
--
-- One row per counted thing: the forms that send mail to an address
-- typed by whoever posts them (POST /register and POST /forgot), counted
-- per target address and per client address, and the outbox rows queued
-- for one recipient (fcgi/core/outbox.c, whatever caused them).  key_hash
-- is BLAKE2b-256 of a purpose and the value ("forgot:email:x@y",
-- "forgot:ip:192.0.2.1", "outbox:email:x@y"), so the table holds no
-- address in clear and one statement serves every purpose.
--
-- A counter counts from window_start for its window (60 minutes): the
-- first hit after the window has passed starts it again at 1.  It is
-- written with
--   INSERT … ON DUPLICATE KEY UPDATE hits = …, window_start = …
-- in the transaction of the form or of the message, so the row lock
-- makes concurrent requests for one address count one after the other
-- (ten at once cannot all see "under the limit"), and a request that is
-- refused or rolled back counts for nothing.  Rows whose window passed a
-- day ago are purged (rate_limit_purge).
CREATE TABLE rate_limits (
  key_hash BINARY(32) NOT NULL PRIMARY KEY,
  window_start DATETIME NOT NULL,
  hits INT UNSIGNED NOT NULL,
  KEY (window_start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
