-- Feeds (fcgi/public/page_feeds.c).  The newly opened activities are
-- feed_activities (consultations_public.sql); these are the results and
-- what page autodiscovery needs.

-- name: feeds_results
-- Newly published results (public audience only), newest first, with
-- the same optional filters as the activities' feed: entity (with its
-- sub-departments; 0: any), sector (0: any), kind (NULL: any).  Not
-- paged: a window of the latest :limit entries that readers poll.
-- param: entity u, sector u, kind s, limit i
SELECT a.id, a.kind, a.title_ar, a.title_en, r.summary_ar, r.summary_en,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       r.published_at, GREATEST(r.published_at, COALESCE(r.updated_at, r.published_at)) AS updated_at
  FROM reports r
  JOIN listed_activities a ON a.id = r.activity_id
  JOIN entities e ON e.id = a.entity_id
 WHERE a.audience = 'public' AND a.state = 'published'
   AND r.published_at IS NOT NULL
   AND (:entity = 0 OR a.entity_id = :entity OR e.parent_id = :entity)
   AND (:sector = 0 OR EXISTS (SELECT 1 FROM activity_sectors s
                                WHERE s.activity_id = a.id
                                  AND s.sector_id = :sector))
   AND (:kind IS NULL OR a.kind = :kind)
 ORDER BY r.published_at DESC, a.id DESC
 LIMIT :limit;
