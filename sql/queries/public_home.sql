-- The front page of sharek-public (fcgi/public/page_home.c): activities
-- of shape "activity" (sql/queries/activity.sql) from listed_activities,
-- public audience only whoever reads (0 AS reader_is_target).  Not
-- paged: each list is a window of the first :limit; the whole list is
-- /consultations.

-- name: home_open
-- param: limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE a.state = 'open' AND a.audience = 'public'
 ORDER BY a.publish_at DESC, a.id DESC
 LIMIT :limit;

-- name: home_closing
-- param: limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE a.state = 'open' AND a.audience = 'public'
   AND a.closes_at < UTC_TIMESTAMP() + INTERVAL 7 DAY
 ORDER BY a.closes_at, a.id
 LIMIT :limit;

-- name: home_results
-- param: limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE a.state = 'published' AND a.audience = 'public'
 ORDER BY a.final_publication_at DESC, a.id DESC
 LIMIT :limit;
