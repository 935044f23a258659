-- Sharek schema, part 34: one definition of the rows a request counts
-- for in the KPI summary tables, and a moved entity's scopes counted
-- again at once (issue 14).
--
-- kpi_request_rows is what kpi_request_row of sql/queries/kpi.sql was
-- for one request, for every request: its rows in kpi_cube, two grains
-- × four breakdowns × its scopes (lvl 0 every entity, entity_id 0; 1
-- its entity; 2 and 3 the entities above it, migration 0025), under its
-- bench flag, with what kpi_reply and kpi_handler take from it
-- (bucket, handled_by, met).  The statements that keep the summaries in
-- the writing transaction read it for one request (request_id = :id:
-- the view is merged, requests by its primary key) and kpi_rebuild()
-- sums it over every request, so a request is counted the same way in
-- both.
CREATE OR REPLACE SQL SECURITY INVOKER VIEW kpi_request_rows AS
SELECT q.id AS request_id, q.entity_id AS request_entity, g.grain,
       IF(g.grain = 'day', DATE(q.created_at),
         DATE_FORMAT(q.created_at, '%Y-%m-01')) AS start,
       CASE s.lvl WHEN 0 THEN 0 WHEN 1 THEN q.entity_id WHEN 2 THEN e.parent_id
         ELSE p.parent_id END AS entity_id, s.lvl, d.dim, q.bench,
       CASE d.dim WHEN 'all' THEN 0 WHEN 'type' THEN q.type_id
         WHEN 'axis' THEN COALESCE(q.axis_id, 0)
         ELSE FIELD(q.priority, 'critical', 'high', 'medium', 'low') END
         AS key_id,
       q.first_answered_at IS NOT NULL AS answered,
       COALESCE(q.first_answered_at IS NOT NULL AND q.sla_met = 1, 0)
         AS answered_in_time,
       COALESCE(q.sla_met = 0, 0) AS late,
       q.closed_at IS NOT NULL AS closed, q.reopened_count AS reopened,
       q.escalation_level > 0 AS escalated,
       COALESCE(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at), 0)
         AS reply_seconds,
       COALESCE(q.rating = 1, 0) AS r1, COALESCE(q.rating = 2, 0) AS r2,
       COALESCE(q.rating = 3, 0) AS r3, COALESCE(q.rating = 4, 0) AS r4,
       COALESCE(q.rating = 5, 0) AS r5,
       IF(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at) < 86400,
          GREATEST(0, TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at)) DIV 3600,
          LEAST(83, 23 + TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at) DIV 86400))
         AS bucket,
       q.handled_by, COALESCE(q.sla_met = 1, 0) AS met
  FROM requests q
  LEFT JOIN entities e ON e.id = q.entity_id
  LEFT JOIN entities p ON p.id = e.parent_id
  JOIN (SELECT 0 AS lvl UNION ALL SELECT 1 UNION ALL SELECT 2
        UNION ALL SELECT 3) s
    ON s.lvl < 2 OR (s.lvl = 2 AND e.parent_id IS NOT NULL)
       OR (s.lvl = 3 AND p.parent_id IS NOT NULL)
 CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
 CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'type'
             UNION ALL SELECT 'axis' UNION ALL SELECT 'priority') d;

-- kpi_count(scope) adds to kpi_cube and kpi_reply the rows of one scope
-- (an entity's: the requests of it and of the entities two levels below
-- it, read through requests' entity index), or of every scope (NULL),
-- summed over the requests as kpi_cube_add and kpi_reply_add add them
-- one by one.  The scope's rows must not be there yet.
CREATE OR REPLACE PROCEDURE kpi_count(IN p_scope BIGINT UNSIGNED)
BEGIN
  INSERT INTO kpi_cube (grain, start, entity_id, dim, key_id, bench,
         received, answered, answered_in_time, late, closed, reopened,
         escalated, reply_seconds_sum, rated_1, rated_2, rated_3, rated_4,
         rated_5)
  SELECT x.grain, x.start, x.entity_id, x.dim, x.key_id, x.bench, COUNT(*),
         SUM(x.answered), SUM(x.answered_in_time), SUM(x.late),
         SUM(x.closed), SUM(x.reopened), SUM(x.escalated),
         SUM(x.reply_seconds), SUM(x.r1), SUM(x.r2), SUM(x.r3), SUM(x.r4),
         SUM(x.r5)
    FROM kpi_request_rows x
   WHERE p_scope IS NULL OR (x.lvl > 0 AND x.entity_id = p_scope
         AND x.request_entity IN (SELECT t.id FROM entities t
             LEFT JOIN entities u ON u.id = t.parent_id
             WHERE t.id = p_scope OR t.parent_id = p_scope
                OR u.parent_id = p_scope))
   GROUP BY x.grain, x.start, x.entity_id, x.dim, x.key_id, x.bench;
  INSERT INTO kpi_reply (grain, start, entity_id, bucket, bench, n)
  SELECT x.grain, x.start, x.entity_id, x.bucket, x.bench, COUNT(*)
    FROM kpi_request_rows x
   WHERE x.dim = 'all' AND x.answered
     AND (p_scope IS NULL OR (x.lvl > 0 AND x.entity_id = p_scope
         AND x.request_entity IN (SELECT t.id FROM entities t
             LEFT JOIN entities u ON u.id = t.parent_id
             WHERE t.id = p_scope OR t.parent_id = p_scope
                OR u.parent_id = p_scope)))
   GROUP BY x.grain, x.start, x.entity_id, x.bucket, x.bench;
END;

-- kpi_rebuild() as in 0025: every request counted again, now from
-- kpi_request_rows.
CREATE OR REPLACE PROCEDURE kpi_rebuild()
BEGIN
  DELETE FROM kpi_cube;
  DELETE FROM kpi_reply;
  DELETE FROM kpi_handler;
  CALL kpi_count(NULL);
  INSERT INTO kpi_handler (grain, start, entity_id, user_id, bench, answered,
         answered_in_time)
  SELECT x.grain, x.start, x.entity_id, x.handled_by, x.bench, COUNT(*),
         SUM(x.met)
    FROM kpi_request_rows x
   WHERE x.dim = 'all' AND x.lvl = 1 AND x.answered
     AND x.handled_by IS NOT NULL
   GROUP BY x.grain, x.start, x.entity_id, x.handled_by, x.bench;
END;

-- kpi_rescope(scope): one entity's scope counted again from the tree as
-- it is (nothing for NULL).
CREATE OR REPLACE PROCEDURE kpi_rescope(IN p_scope BIGINT UNSIGNED)
BEGIN
  IF p_scope IS NOT NULL THEN
    DELETE FROM kpi_cube WHERE grain IN ('day', 'month')
       AND dim IN ('all', 'type', 'axis', 'priority') AND entity_id = p_scope;
    DELETE FROM kpi_reply WHERE grain IN ('day', 'month')
       AND entity_id = p_scope;
    CALL kpi_count(p_scope);
  END IF;
END;

-- An entity moved under another parent (or to the top): its requests
-- and those below it leave the scopes of the entities that were above
-- it and enter those of the ones above it now, in the same transaction.
-- Only those scopes change (its own, its sub-departments' and every
-- entity's stay), so they alone are counted again: the old and the new
-- parent and grandparent.  kpi_handler is per handling entity and does
-- not change.  Apply it with the programs stopped, or restart them
-- after (scripts/stack start migrates first): a connection that had the
-- staff program's entity_update prepared before the trigger existed
-- fails it afterwards (MariaDB 10.11: "Table 'sharek.kpi_cube' doesn't
-- exist", seen with any new trigger on entities) until it reconnects.
DROP TRIGGER IF EXISTS kpi_entity_moved;
CREATE TRIGGER kpi_entity_moved AFTER UPDATE ON entities FOR EACH ROW
BEGIN
  IF NOT (OLD.parent_id <=> NEW.parent_id) THEN
    CALL kpi_rescope(OLD.parent_id);
    CALL kpi_rescope((SELECT a.parent_id FROM entities a
                       WHERE a.id = OLD.parent_id));
    CALL kpi_rescope(NEW.parent_id);
    CALL kpi_rescope((SELECT a.parent_id FROM entities a
                       WHERE a.id = NEW.parent_id));
  END IF;
END;
