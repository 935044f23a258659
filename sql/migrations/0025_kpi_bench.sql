-- Sharek schema, part 25: the KPI summaries at national scale, and
-- requests made for `make bench` only, kept out of every figure and
-- answer (issue 14).  Additive only.
--
-- Scopes.  kpi_cube and kpi_reply count each request once for every
-- scope it is in: entity_id 0 (every entity), its entity, and each
-- entity above it (the parent, the grandparent).  A dashboard of every
-- entity then reads the rows of scope 0 and an entity's (with its
-- sub-departments) the rows of that scope, each a contiguous range of
-- the new primary keys (grain, dim, entity_id, start, …): the rows read
-- depend on the length of the period and the breakdown's keys only,
-- never on the number of requests nor of entities (the ranking of the
-- top-level entities reads the period's rows of every scope through
-- kpi_cube_span: entities × days, never requests).  kpi_handler stays
-- per handling entity (the liaison officers' ranking).  A request's
-- scopes are those of the entity tree when it is counted; kpi_rebuild()
-- counts every request again after the tree changes.
--
-- requests.bench = 1 marks the 1,000,000 requests scripts/bench-data
-- requests makes on a running stack so that the dashboard and Open311
-- are measured at national scale; nothing in the portal sets it.  As
-- activities.unlisted does for consultations, it keeps them out of what
-- the public sees: the dashboard, the periodic reports and Open311 read
-- bench = 0 only.  Their summary rows are kept beside the real ones with
-- bench = 1 as the last part of each summary key, so the dashboard's
-- statements read past them (its cost is measured at the size the bench
-- makes) and count none of them.  Open311's list index leads with bench,
-- as its answers never include them.
ALTER TABLE requests
  ADD COLUMN bench TINYINT(1) NOT NULL DEFAULT 0,
  DROP KEY requests_open311_list,
  ADD KEY requests_open311_list (bench, confidential, created_at, id);

ALTER TABLE kpi_cube
  ADD COLUMN bench TINYINT(1) NOT NULL DEFAULT 0,
  DROP PRIMARY KEY,
  DROP KEY kpi_cube_entity,
  ADD PRIMARY KEY (grain, dim, entity_id, start, key_id, bench),
  ADD KEY kpi_cube_span (grain, dim, start, entity_id);

ALTER TABLE kpi_reply
  ADD COLUMN bench TINYINT(1) NOT NULL DEFAULT 0,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (grain, entity_id, start, bucket, bench);

ALTER TABLE kpi_handler
  ADD COLUMN bench TINYINT(1) NOT NULL DEFAULT 0,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (grain, start, entity_id, user_id, bench);

-- kpi_rebuild() as in 0018, each request's rows in each of its scopes
-- (kpi_cube, kpi_reply) and under its bench flag.
DROP PROCEDURE IF EXISTS kpi_rebuild;
CREATE PROCEDURE kpi_rebuild()
BEGIN
  DELETE FROM kpi_cube;
  DELETE FROM kpi_reply;
  DELETE FROM kpi_handler;
  INSERT INTO kpi_cube (grain, start, entity_id, dim, key_id, bench,
         received, answered, answered_in_time, late, closed, reopened,
         escalated, reply_seconds_sum, rated_1, rated_2, rated_3, rated_4,
         rated_5)
  SELECT g.grain, IF(g.grain = 'day', DATE(q.created_at),
           DATE_FORMAT(q.created_at, '%Y-%m-01')),
         CASE s.lvl WHEN 0 THEN 0 WHEN 1 THEN q.entity_id WHEN 2 THEN e.parent_id
           ELSE p.parent_id END, d.dim,
         CASE d.dim WHEN 'all' THEN 0 WHEN 'type' THEN q.type_id
           WHEN 'axis' THEN COALESCE(q.axis_id, 0)
           ELSE FIELD(q.priority, 'critical', 'high', 'medium', 'low') END,
         q.bench,
         COUNT(*), SUM(q.first_answered_at IS NOT NULL),
         SUM(COALESCE(q.first_answered_at IS NOT NULL AND q.sla_met = 1, 0)),
         SUM(COALESCE(q.sla_met = 0, 0)), SUM(q.closed_at IS NOT NULL),
         SUM(q.reopened_count), SUM(q.escalation_level > 0),
         SUM(COALESCE(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at), 0)),
         SUM(COALESCE(q.rating = 1, 0)), SUM(COALESCE(q.rating = 2, 0)),
         SUM(COALESCE(q.rating = 3, 0)), SUM(COALESCE(q.rating = 4, 0)),
         SUM(COALESCE(q.rating = 5, 0))
    FROM requests q
    LEFT JOIN entities e ON e.id = q.entity_id
    LEFT JOIN entities p ON p.id = e.parent_id
    JOIN (SELECT 0 AS lvl UNION ALL SELECT 1 UNION ALL SELECT 2
          UNION ALL SELECT 3) s
      ON s.lvl < 2 OR (s.lvl = 2 AND e.parent_id IS NOT NULL)
         OR (s.lvl = 3 AND p.parent_id IS NOT NULL)
   CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
   CROSS JOIN (SELECT 'all' AS dim UNION ALL SELECT 'type'
               UNION ALL SELECT 'axis' UNION ALL SELECT 'priority') d
   GROUP BY 1, 2, 3, 4, 5, 6;
  INSERT INTO kpi_reply (grain, start, entity_id, bucket, bench, n)
  SELECT g.grain, IF(g.grain = 'day', DATE(q.created_at),
           DATE_FORMAT(q.created_at, '%Y-%m-01')),
         CASE s.lvl WHEN 0 THEN 0 WHEN 1 THEN q.entity_id WHEN 2 THEN e.parent_id
           ELSE p.parent_id END,
         IF(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at) < 86400,
            GREATEST(0, TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at)) DIV 3600,
            LEAST(83, 23 + TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at) DIV 86400)),
         q.bench, COUNT(*)
    FROM requests q
    LEFT JOIN entities e ON e.id = q.entity_id
    LEFT JOIN entities p ON p.id = e.parent_id
    JOIN (SELECT 0 AS lvl UNION ALL SELECT 1 UNION ALL SELECT 2
          UNION ALL SELECT 3) s
      ON s.lvl < 2 OR (s.lvl = 2 AND e.parent_id IS NOT NULL)
         OR (s.lvl = 3 AND p.parent_id IS NOT NULL)
   CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
   WHERE q.first_answered_at IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5;
  INSERT INTO kpi_handler (grain, start, entity_id, user_id, bench, answered,
         answered_in_time)
  SELECT g.grain, IF(g.grain = 'day', DATE(q.created_at),
           DATE_FORMAT(q.created_at, '%Y-%m-01')), q.entity_id, q.handled_by,
         q.bench, COUNT(*), SUM(COALESCE(q.sla_met = 1, 0))
    FROM requests q
   CROSS JOIN (SELECT 'day' AS grain UNION ALL SELECT 'month') g
   WHERE q.first_answered_at IS NOT NULL AND q.handled_by IS NOT NULL
   GROUP BY 1, 2, 3, 4, 5;
END;
