-- The front page of sharek-public.  Columns follow present_activities().

-- name: home_open
-- shape: activity_card
SELECT a.id, a.kind, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       e.name_ar, e.name_en, a.publish_at, a.closes_at, a.urgent,
       a.comments_published, a.state,
       UNIX_TIMESTAMP(a.closes_at) AS closes_unix
  FROM activities a JOIN entities e ON e.id = a.entity_id
 WHERE a.state = 'open' AND a.audience = 'public'
 ORDER BY a.publish_at DESC, a.id DESC
 LIMIT 6;

-- name: home_closing
-- shape: activity_card
SELECT a.id, a.kind, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       e.name_ar, e.name_en, a.publish_at, a.closes_at, a.urgent,
       a.comments_published, a.state,
       UNIX_TIMESTAMP(a.closes_at) AS closes_unix
  FROM activities a JOIN entities e ON e.id = a.entity_id
 WHERE a.state = 'open' AND a.audience = 'public'
   AND a.closes_at < UTC_TIMESTAMP() + INTERVAL 7 DAY
 ORDER BY a.closes_at, a.id
 LIMIT 5;

-- name: home_results
-- shape: activity_card
SELECT a.id, a.kind, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       e.name_ar, e.name_en, a.publish_at, a.closes_at, a.urgent,
       a.comments_published, a.state,
       UNIX_TIMESTAMP(a.closes_at) AS closes_unix
  FROM activities a JOIN entities e ON e.id = a.entity_id
 WHERE a.state = 'published' AND a.audience = 'public'
 ORDER BY a.final_publication_at DESC, a.id DESC
 LIMIT 5;
