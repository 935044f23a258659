-- The complaints system's front page (fcgi/complaints/page_home.c).

-- name: complaints_types
-- Not paged: the request types are the system's fixed list (inquiry,
-- complaint, suggestion, compliment, violation report … from the
-- migrations), a handful of rows.
SELECT code, name_ar, name_en FROM request_types WHERE active = 1 ORDER BY id;

-- name: complaints_kpi_30d
-- Received, answered, late (answered after the deadline or still open
-- past it) and the average rating, over 30 days; never the requests
-- scripts/bench-data makes (requests.bench, migration 0025).
SELECT COUNT(*) AS received,
       COALESCE(SUM(answered_at IS NOT NULL), 0) AS answered,
       COALESCE(SUM((answered_at IS NOT NULL AND answered_at > due_at)
                 OR (answered_at IS NULL AND due_at < UTC_TIMESTAMP())), 0)
         AS late,
       ROUND(AVG(rating), 1) AS rating
  FROM requests
 WHERE created_at >= UTC_TIMESTAMP() - INTERVAL 30 DAY AND bench = 0;
