-- The KPI summary tables (migration 0018; fcgi/domain/kpi.c): one
-- request's contribution kept in the writing transaction, and what the
-- dashboard, the periodic reports and the open data read.

-- fragment: kpi_request_row
-- One request's rows in kpi_cube, from its stored columns only (as
-- request_kpi_row for kpi_daily): two grains × four breakdowns × its
-- scopes (lvl 0 every entity, entity_id 0; 1 its entity; 2 and 3 the
-- entities above it), under its bench flag (a bench request's rows are
-- never read as figures).  The view kpi_request_rows (migration 0034)
-- defines them, for kpi_rebuild() too; read for one request it is
-- merged, requests by its primary key.
SELECT x.grain, x.start, x.entity_id, x.lvl, x.dim, x.bench, x.key_id,
       x.answered, x.answered_in_time, x.late, x.closed, x.reopened,
       x.escalated, x.reply_seconds, x.r1, x.r2, x.r3, x.r4, x.r5, x.bucket,
       x.handled_by, x.met
  FROM kpi_request_rows x
 WHERE x.request_id = :id

-- name: kpi_cube_add
-- param: id u
INSERT INTO kpi_cube (grain, start, entity_id, dim, key_id, bench,
       received, answered, answered_in_time, late, closed, reopened,
       escalated, reply_seconds_sum, rated_1, rated_2, rated_3, rated_4,
       rated_5)
SELECT x.grain, x.start, x.entity_id, x.dim, x.key_id, x.bench, 1, x.answered,
       x.answered_in_time, x.late, x.closed, x.reopened, x.escalated,
       x.reply_seconds, x.r1, x.r2, x.r3, x.r4, x.r5
  FROM (/*@kpi_request_row*/) x
ON DUPLICATE KEY UPDATE received = kpi_cube.received + 1,
       answered = kpi_cube.answered + x.answered,
       answered_in_time = kpi_cube.answered_in_time + x.answered_in_time,
       late = kpi_cube.late + x.late,
       closed = kpi_cube.closed + x.closed,
       reopened = kpi_cube.reopened + x.reopened,
       escalated = kpi_cube.escalated + x.escalated,
       reply_seconds_sum = kpi_cube.reply_seconds_sum + x.reply_seconds,
       rated_1 = kpi_cube.rated_1 + x.r1, rated_2 = kpi_cube.rated_2 + x.r2,
       rated_3 = kpi_cube.rated_3 + x.r3, rated_4 = kpi_cube.rated_4 + x.r4,
       rated_5 = kpi_cube.rated_5 + x.r5;

-- name: kpi_cube_sub
-- The contribution taken out again (never below 0).
-- param: id u
UPDATE kpi_cube k
  JOIN (/*@kpi_request_row*/) x
    ON x.grain = k.grain AND x.start = k.start AND x.entity_id = k.entity_id
   AND x.dim = k.dim AND x.key_id = k.key_id AND x.bench = k.bench
   SET k.received = k.received - LEAST(k.received, 1),
       k.answered = k.answered - LEAST(k.answered, x.answered),
       k.answered_in_time = k.answered_in_time - LEAST(k.answered_in_time, x.answered_in_time),
       k.late = k.late - LEAST(k.late, x.late),
       k.closed = k.closed - LEAST(k.closed, x.closed),
       k.reopened = k.reopened - LEAST(k.reopened, x.reopened),
       k.escalated = k.escalated - LEAST(k.escalated, x.escalated),
       k.reply_seconds_sum = k.reply_seconds_sum - LEAST(k.reply_seconds_sum, x.reply_seconds),
       k.rated_1 = k.rated_1 - LEAST(k.rated_1, x.r1),
       k.rated_2 = k.rated_2 - LEAST(k.rated_2, x.r2),
       k.rated_3 = k.rated_3 - LEAST(k.rated_3, x.r3),
       k.rated_4 = k.rated_4 - LEAST(k.rated_4, x.r4),
       k.rated_5 = k.rated_5 - LEAST(k.rated_5, x.r5);

-- name: kpi_reply_add
-- The time to the first reply, once per grain and scope.
-- param: id u
INSERT INTO kpi_reply (grain, start, entity_id, bucket, bench, n)
SELECT x.grain, x.start, x.entity_id, x.bucket, x.bench, 1
  FROM (/*@kpi_request_row*/) x
 WHERE x.dim = 'all' AND x.answered
ON DUPLICATE KEY UPDATE n = kpi_reply.n + 1;

-- name: kpi_reply_sub
-- param: id u
UPDATE kpi_reply k
  JOIN (/*@kpi_request_row*/) x
    ON x.grain = k.grain AND x.start = k.start AND x.entity_id = k.entity_id
   AND x.bucket = k.bucket AND x.bench = k.bench AND x.dim = 'all'
   AND x.answered
   SET k.n = k.n - LEAST(k.n, 1);

-- name: kpi_handler_add
-- Answered requests per member of staff who handled them, under the
-- request's own entity (scope level 1).
-- param: id u
INSERT INTO kpi_handler (grain, start, entity_id, user_id, bench,
       answered, answered_in_time)
SELECT x.grain, x.start, x.entity_id, x.handled_by, x.bench, 1, x.met
  FROM (/*@kpi_request_row*/) x
 WHERE x.dim = 'all' AND x.lvl = 1 AND x.answered AND x.handled_by IS NOT NULL
ON DUPLICATE KEY UPDATE answered = kpi_handler.answered + 1,
       answered_in_time = kpi_handler.answered_in_time + x.met;

-- name: kpi_handler_sub
-- param: id u
UPDATE kpi_handler k
  JOIN (/*@kpi_request_row*/) x
    ON x.grain = k.grain AND x.start = k.start AND x.entity_id = k.entity_id
   AND x.handled_by = k.user_id AND x.bench = k.bench AND x.dim = 'all'
   AND x.lvl = 1 AND x.answered
   SET k.answered = k.answered - LEAST(k.answered, 1),
       k.answered_in_time = k.answered_in_time - LEAST(k.answered_in_time, x.met);

-- fragment: kpi_span
-- The summary rows c of a period [:d0, :d1): its whole months
-- [:m0, :m1) from the month rows, the days before and after them from
-- the day rows (kpi_span_of in fcgi/domain/kpi.c; m0 = m1 = d1 when no
-- whole month is in it); never the bench's rows (migration 0025).
c.bench = 0 AND ((c.grain = 'month' AND c.start >= :m0 AND c.start < :m1)
 OR (c.grain = 'day' AND ((c.start >= :d0 AND c.start < :m0)
                          OR (c.start >= :m1 AND c.start < :d1))))

-- fragment: kpi_entity
-- The rows of a scope of kpi_cube or kpi_reply: every entity (:entity
-- 0), or :entity with its sub-departments (migration 0025); one range
-- of their primary keys.
c.entity_id = :entity

-- fragment: kpi_subtree
-- kpi_handler's rows (per handling entity) of every entity (:entity
-- 0), or of :entity with its sub-departments two levels down.
(:entity = 0 OR c.entity_id IN (
   SELECT e.id FROM entities e LEFT JOIN entities p ON p.id = e.parent_id
    WHERE e.id = :entity OR e.parent_id = :entity OR p.parent_id = :entity))

-- name: kpi_dims
-- shape: kpi_counts
-- The counters of a period in one statement: the totals (dim 'all',
-- key_id 0) and the breakdowns by type, axis and priority, one row per
-- key that has requests, in that order (the enum's); dim says which.
-- param: d0 s, d1 s, m0 s, m1 s, entity u
SELECT c.key_id, SUM(c.received) AS received, SUM(c.answered) AS answered,
       SUM(c.answered_in_time) AS answered_in_time, SUM(c.late) AS late,
       SUM(c.closed) AS closed, SUM(c.reopened) AS reopened,
       SUM(c.escalated) AS escalated, SUM(c.reply_seconds_sum) AS reply_seconds_sum,
       SUM(c.rated_1) AS rated_1, SUM(c.rated_2) AS rated_2,
       SUM(c.rated_3) AS rated_3, SUM(c.rated_4) AS rated_4,
       SUM(c.rated_5) AS rated_5, c.dim
  FROM kpi_cube c
 WHERE c.dim IN ('all', 'type', 'axis', 'priority') AND /*@kpi_span*/
   AND /*@kpi_entity*/
 GROUP BY c.dim, c.key_id
HAVING SUM(c.received) > 0
 ORDER BY c.dim, c.key_id;

-- name: kpi_trend
-- shape: kpi_counts
-- The counters month by month over [:m0, :m1).
-- param: m0 s, m1 s, entity u
SELECT DATE_FORMAT(c.start, '%Y%m') + 0 AS key_id, SUM(c.received) AS received,
       SUM(c.answered) AS answered, SUM(c.answered_in_time) AS answered_in_time,
       SUM(c.late) AS late, SUM(c.closed) AS closed, SUM(c.reopened) AS reopened,
       SUM(c.escalated) AS escalated, SUM(c.reply_seconds_sum) AS reply_seconds_sum,
       SUM(c.rated_1) AS rated_1, SUM(c.rated_2) AS rated_2,
       SUM(c.rated_3) AS rated_3, SUM(c.rated_4) AS rated_4,
       SUM(c.rated_5) AS rated_5, 'all' AS dim
  FROM kpi_cube c
 WHERE c.grain = 'month' AND c.dim = 'all' AND c.bench = 0
   AND c.start >= :m0
   AND c.start < :m1 AND /*@kpi_entity*/
 GROUP BY c.start
 ORDER BY c.start;

-- name: kpi_by_entity
-- shape: kpi_counts
-- The counters of a period per top-level entity (its scope: its
-- sub-departments' requests counted with it), or of :entity alone;
-- key_id the entity.
-- param: d0 s, d1 s, m0 s, m1 s, entity u
SELECT c.entity_id AS key_id, SUM(c.received) AS received,
       SUM(c.answered) AS answered, SUM(c.answered_in_time) AS answered_in_time,
       SUM(c.late) AS late, SUM(c.closed) AS closed, SUM(c.reopened) AS reopened,
       SUM(c.escalated) AS escalated, SUM(c.reply_seconds_sum) AS reply_seconds_sum,
       SUM(c.rated_1) AS rated_1, SUM(c.rated_2) AS rated_2,
       SUM(c.rated_3) AS rated_3, SUM(c.rated_4) AS rated_4,
       SUM(c.rated_5) AS rated_5, 'all' AS dim
  FROM kpi_cube c
  JOIN entities e ON e.id = c.entity_id
 WHERE c.dim = 'all' AND /*@kpi_span*/
   AND (e.id = :entity OR (:entity = 0 AND e.parent_id IS NULL))
 GROUP BY c.entity_id
HAVING SUM(c.received) > 0;

-- name: kpi_reply_hist
-- The histogram of times to the first reply over a period.
-- param: d0 s, d1 s, m0 s, m1 s, entity u
SELECT c.bucket, SUM(c.n) AS n
  FROM kpi_reply c
 WHERE /*@kpi_span*/ AND /*@kpi_entity*/
 GROUP BY c.bucket
HAVING SUM(c.n) > 0
 ORDER BY c.bucket;

-- name: kpi_officers
-- Requests answered over a period by each entity's liaison officers as
-- they are named now (primary or alternate), by their public role:
-- the entity and which of the two, never the person.
-- param: d0 s, d1 s, m0 s, m1 s, entity u
SELECT o.id AS entity_id, o.name_ar, o.name_en,
       o.liaison_user_id = c.user_id AS is_primary,
       SUM(c.answered) AS answered, SUM(c.answered_in_time) AS answered_in_time
  FROM kpi_handler c
  JOIN entities o ON o.liaison_user_id = c.user_id OR o.alternate_user_id = c.user_id
 WHERE /*@kpi_span*/ AND /*@kpi_subtree*/
 GROUP BY o.id, o.name_ar, o.name_en, is_primary
HAVING SUM(c.answered) > 0;

-- name: kpi_entity_names
-- The entities the dashboard offers: top-level ones and their
-- sub-departments, in tree order.
SELECT e.id, e.parent_id, e.name_ar, e.name_en
  FROM entities e
 WHERE e.active = 1
 ORDER BY COALESCE(e.parent_id, e.id), e.parent_id IS NOT NULL, e.name_en, e.id;

-- name: kpi_dim_names
-- The names of the types and axes the breakdowns show.
SELECT 'type' AS dim, t.id, t.name_ar, t.name_en, t.position
  FROM request_types t
UNION ALL
SELECT 'axis', a.id, a.name_ar, a.name_en, a.position
  FROM request_axes a
 ORDER BY 1, 5, 2;

-- name: kpi_report_exists
-- Whether the reports of a period are written (the whole's is written
-- last, in the same transaction as the entities').
-- param: period s, start s
SELECT COUNT(*) AS n FROM kpi_reports
 WHERE period = :period AND start = :start AND entity_id = 0;

-- name: kpi_report_entities
-- The top-level entities a periodic report is written for.
SELECT e.id FROM entities e WHERE e.parent_id IS NULL ORDER BY e.id;

-- name: kpi_report_insert
-- param: period s, start s, end s, entity u
INSERT IGNORE INTO kpi_reports (period, start, end, entity_id, generated_at)
VALUES (:period, :start, :end, :entity, UTC_TIMESTAMP());

-- name: kpi_report_rows_insert
-- The report's figures as they are now: the totals and every
-- breakdown.
-- param: report u, d0 s, d1 s, m0 s, m1 s, entity u
INSERT INTO kpi_report_rows (report_id, dim, key_id, received, answered,
       answered_in_time, late, closed, reopened, escalated,
       reply_seconds_sum, rated_1, rated_2, rated_3, rated_4, rated_5)
SELECT :report, c.dim, c.key_id, SUM(c.received), SUM(c.answered),
       SUM(c.answered_in_time), SUM(c.late), SUM(c.closed), SUM(c.reopened),
       SUM(c.escalated), SUM(c.reply_seconds_sum), SUM(c.rated_1),
       SUM(c.rated_2), SUM(c.rated_3), SUM(c.rated_4), SUM(c.rated_5)
  FROM kpi_cube c
 WHERE /*@kpi_span*/ AND /*@kpi_entity*/
 GROUP BY c.dim, c.key_id;

-- name: kpi_report_all_row
-- A report always has its totals row, even with no request.
-- param: report u
INSERT IGNORE INTO kpi_report_rows (report_id, dim, key_id)
VALUES (:report, 'all', 0);

-- fragment: kpi_report_columns
p.id, p.period, p.start, p.end, p.entity_id, p.generated_at,
       e.name_ar AS entity_ar, e.name_en AS entity_en
  FROM kpi_reports p LEFT JOIN entities e ON e.id = p.entity_id

-- name: kpi_report_list
-- The periodic reports, newest first, of one kind (:period '': all).
-- param: period s
-- shape: kpi_report
SELECT /*@kpi_report_columns*/
 WHERE (:period = '' OR p.period = :period)
 ORDER BY p.start DESC, p.period, p.entity_id
 LIMIT 400;

-- name: kpi_report_get
-- param: id u
-- shape: kpi_report
SELECT /*@kpi_report_columns*/ WHERE p.id = :id;

-- name: kpi_report_dim
-- A report's rows of one breakdown (:dim 'all': its totals).
-- param: report u, dim s
-- shape: kpi_counts
SELECT w.key_id, w.received, w.answered, w.answered_in_time, w.late,
       w.closed, w.reopened, w.escalated, w.reply_seconds_sum,
       w.rated_1, w.rated_2, w.rated_3, w.rated_4, w.rated_5, w.dim
  FROM kpi_report_rows w
 WHERE w.report_id = :report AND w.dim = :dim
 ORDER BY w.key_id;
