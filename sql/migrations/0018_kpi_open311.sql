-- Sharek schema, part 18: the public KPI dashboard's summary tables, the
-- periodic reports, and Open311 API keys (issue 14; domain.md §5).
-- Additive only.
--
-- kpi_cube: every request counted once per grain ('day': the UTC day
-- it was received; 'month': the first day of that month) × entity ×
-- breakdown: dim 'all' (key_id 0) the totals, 'type' (key_id the type),
-- 'axis' (the axis, 0 not classified yet), 'priority' (1 critical … 4
-- low), with the counters the glossary of fcgi/domain/kpi.h defines its
-- figures from.  Kept in the writing transaction beside kpi_daily
-- (request_kpi → kpi_request: the request's contribution taken out
-- before a change and added after), so the dashboard reads whole months
-- from the month rows and only the days at either end of a period from
-- the day rows: its cost depends on the entities, types and axes and on
-- the length of the period, never on the number of requests.
CREATE TABLE kpi_cube (
  grain ENUM('day','month') NOT NULL,
  start DATE NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  dim ENUM('all','type','axis','priority') NOT NULL,
  key_id INT UNSIGNED NOT NULL DEFAULT 0,
  received INT UNSIGNED NOT NULL DEFAULT 0,
  answered INT UNSIGNED NOT NULL DEFAULT 0,
  answered_in_time INT UNSIGNED NOT NULL DEFAULT 0,
  late INT UNSIGNED NOT NULL DEFAULT 0,
  closed INT UNSIGNED NOT NULL DEFAULT 0,
  reopened INT UNSIGNED NOT NULL DEFAULT 0,
  escalated INT UNSIGNED NOT NULL DEFAULT 0,
  reply_seconds_sum BIGINT UNSIGNED NOT NULL DEFAULT 0,
  rated_1 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_2 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_3 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_4 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_5 INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, dim, start, entity_id, key_id),
  KEY kpi_cube_entity (entity_id, grain, dim, start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The time to the first reply as a histogram, for the median: bucket
-- 0–23 the hour (0: under an hour), 24–82 the day (24: 1 to 2 days,
-- …), 83 sixty days or more (kpi_reply_bucket in fcgi/domain/kpi.c).
CREATE TABLE kpi_reply (
  grain ENUM('day','month') NOT NULL,
  start DATE NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  bucket SMALLINT UNSIGNED NOT NULL,
  n INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, start, entity_id, bucket)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Requests answered per member of staff who handled them (the ranking
-- of liaison officers shows their public role, never their name).
CREATE TABLE kpi_handler (
  grain ENUM('day','month') NOT NULL,
  start DATE NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  answered INT UNSIGNED NOT NULL DEFAULT 0,
  answered_in_time INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (grain, start, entity_id, user_id),
  KEY kpi_handler_user (user_id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- kpi_rebuild() counts every request again from its stored columns (as
-- kpi_request counts one: sql/queries/kpi.sql): for the requests there
-- already are, and the demo data (sql/seed/demo-14-kpi.sql).
CREATE PROCEDURE kpi_rebuild()
BEGIN
  DELETE FROM kpi_cube;
  DELETE FROM kpi_reply;
  DELETE FROM kpi_handler;
  INSERT INTO kpi_cube (grain, start, entity_id, dim, key_id, received,
         answered, answered_in_time, late, closed, reopened, escalated,
         reply_seconds_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
  SELECT g.grain, IF(g.grain = 'day', DATE(q.created_at),
           DATE_FORMAT(q.created_at, '%Y-%m-01')), q.entity_id, d.dim,
         CASE d.dim WHEN 'all' THEN 0 WHEN 'type' THEN q.type_id
           WHEN 'axis' THEN COALESCE(q.axis_id, 0)
           ELSE FIELD(q.priority, 'critical', 'high', 'medium', 'low') END,
         COUNT(*), SUM(q.first_answered_at IS NOT NULL),
         SUM(COALESCE(q.first_answered_at IS NOT NULL AND q.sla_met = 1, 0)),
         SUM(COALESCE(q.sla_met = 0, 0)), SUM(q.closed_at IS NOT NULL),
         SUM(q.reopened_count), SUM(q.escalation_level > 0),
         SUM(COALESCE(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at), 0)),
         SUM(COALESCE(q.rating = 1, 0)), SUM(COALESCE(q.rating = 2, 0)),
         SUM(COALESCE(q.rating = 3, 0)), SUM(COALESCE(q.rating = 4, 0)),
         SUM(COALESCE(q.rating = 5, 0))
    FROM requests q
   CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
   CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'type'
               UNION ALL SELECT 'axis' UNION ALL SELECT 'priority') d
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO kpi_reply (grain, start, entity_id, bucket, n)
  SELECT g.grain, IF(g.grain = 'day', DATE(q.created_at),
           DATE_FORMAT(q.created_at, '%Y-%m-01')), q.entity_id,
         IF(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at) < 86400,
            GREATEST(0, TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at)) DIV 3600,
            LEAST(83, 23 + TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at) DIV 86400)),
         COUNT(*)
    FROM requests q
   CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
   WHERE q.first_answered_at IS NOT NULL
   GROUP BY 1, 2, 3, 4;
  INSERT INTO kpi_handler (grain, start, entity_id, user_id, answered,
         answered_in_time)
  SELECT g.grain, IF(g.grain = 'day', DATE(q.created_at),
           DATE_FORMAT(q.created_at, '%Y-%m-01')), q.entity_id, q.handled_by,
         COUNT(*), SUM(COALESCE(q.sla_met = 1, 0))
    FROM requests q
   CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
   WHERE q.first_answered_at IS NOT NULL AND q.handled_by IS NOT NULL
   GROUP BY 1, 2, 3, 4;
END;

CALL kpi_rebuild();

-- Periodic reports (weekly, monthly, quarterly, annual) for the ministry
-- (entity_id 0: every entity) and each top-level entity with its
-- sub-departments, written once by sharekctl tick after the period ends
-- (kpi_tick): the figures as they were then, never recomputed.  One row
-- per report and breakdown row: dim 'all' the totals, 'type', 'axis',
-- 'priority' one row per value (key_id the type or axis id, or the
-- priority's position 1–4).
CREATE TABLE kpi_reports (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  period ENUM('week','month','quarter','year') NOT NULL,
  start DATE NOT NULL,
  end DATE NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL DEFAULT 0,
  generated_at DATETIME NOT NULL,
  UNIQUE KEY kpi_reports_once (period, start, entity_id),
  KEY kpi_reports_entity (entity_id, period, start)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE kpi_report_rows (
  report_id BIGINT UNSIGNED NOT NULL,
  dim ENUM('all','type','axis','priority') NOT NULL,
  key_id INT UNSIGNED NOT NULL DEFAULT 0,
  received INT UNSIGNED NOT NULL DEFAULT 0,
  answered INT UNSIGNED NOT NULL DEFAULT 0,
  answered_in_time INT UNSIGNED NOT NULL DEFAULT 0,
  late INT UNSIGNED NOT NULL DEFAULT 0,
  closed INT UNSIGNED NOT NULL DEFAULT 0,
  reopened INT UNSIGNED NOT NULL DEFAULT 0,
  escalated INT UNSIGNED NOT NULL DEFAULT 0,
  reply_seconds_sum BIGINT UNSIGNED NOT NULL DEFAULT 0,
  rated_1 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_2 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_3 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_4 INT UNSIGNED NOT NULL DEFAULT 0,
  rated_5 INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (report_id, dim, key_id),
  CONSTRAINT fk_kpi_report_rows_report FOREIGN KEY (report_id) REFERENCES kpi_reports (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Open311 GeoReport v2 API keys (issue 14), issued, listed and revoked
-- by the ministry admin.  Only the SHA-256 of a key is stored (a key is
-- 32 random bytes, so no salt or slow hash is needed); prefix is its
-- first 8 characters, to tell keys apart in the list.  Each key is an
-- organisation's (an app, a call centre, a chatbot), and what it files
-- is a request of its channel with requests.api_key_id saying whose.
CREATE TABLE api_keys (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  organisation VARCHAR(200) NOT NULL,
  channel ENUM('mobile','call_centre','chatbot','open311') NOT NULL,
  prefix CHAR(8) NOT NULL,
  key_hash BINARY(32) NOT NULL,
  created_at DATETIME NOT NULL,
  created_by BIGINT UNSIGNED NULL,
  revoked_at DATETIME NULL,
  revoked_by BIGINT UNSIGNED NULL,
  last_used_at DATETIME NULL,
  UNIQUE KEY api_keys_hash (key_hash),
  KEY api_keys_list (revoked_at, id),
  CONSTRAINT fk_api_keys_created_by FOREIGN KEY (created_by) REFERENCES users (id),
  CONSTRAINT fk_api_keys_revoked_by FOREIGN KEY (revoked_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE requests
  ADD COLUMN api_key_id BIGINT UNSIGNED NULL AFTER channel,
  ADD KEY requests_open311_list (confidential, created_at, id),
  ADD CONSTRAINT fk_requests_api_key FOREIGN KEY (api_key_id) REFERENCES api_keys (id);
