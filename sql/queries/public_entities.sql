-- The entities' public pages (fcgi/public/page_entities.c, issue 16):
-- the directory of the sector → sub-department tree and each entity's
-- page with its activities, results, plan, charter, blog and complaint
-- figures.  Activities of shape "activity" from listed_activities,
-- public audience only.

-- name: pub_entities_all
-- Every active entity (the page orders the tree).
SELECT e.id, e.parent_id, e.kind, e.name_ar, e.name_en, e.slug
  FROM entities e
 WHERE e.active = 1
 ORDER BY e.id;

-- name: pub_entity_by_slug
-- param: slug s
SELECT e.id, e.kind, e.name_ar, e.name_en, e.slug,
       p.name_ar AS parent_ar, p.name_en AS parent_en, p.slug AS parent_slug
  FROM entities e
  LEFT JOIN entities p ON p.id = e.parent_id AND p.active = 1
 WHERE e.slug = :slug AND e.active = 1;

-- name: pub_entity_children
-- param: entity u
SELECT e.id, e.kind, e.name_ar, e.name_en, e.slug
  FROM entities e
 WHERE e.parent_id = :entity AND e.active = 1
 ORDER BY e.name_ar, e.id;

-- name: pub_entity_open
-- The entity's open public activities; :limit = shown + 1.
-- param: entity u, limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE a.entity_id = :entity AND a.state = 'open' AND a.audience = 'public'
 ORDER BY a.closes_at, a.id
 LIMIT :limit;

-- name: pub_entity_past
-- The entity's past public activities, the latest closed first
-- (published results among them); :limit = shown + 1.
-- param: entity u, limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE a.entity_id = :entity AND a.audience = 'public'
   AND a.state IN ('closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
 ORDER BY a.state = 'published' DESC, a.closes_at DESC, a.id DESC
 LIMIT :limit;

-- name: pub_entity_charter
-- The entity's current participation charter: its newest published
-- version (migration 0024 keeps the earlier ones).
-- param: entity u
SELECT c.body_ar, c.body_en, c.channels_ar, c.channels_en,
       c.activities_ar, c.activities_en, c.commitments_ar, c.commitments_en,
       c.data_policy_ar, c.data_policy_en, c.expectations_ar,
       c.expectations_en, c.published_at, c.updated_at
  FROM charters c
 WHERE c.entity_id = :entity AND c.published_at IS NOT NULL
 ORDER BY c.version DESC
 LIMIT 1;

-- name: pub_entity_plan
-- The items of the entity's latest published annual plan.
-- param: entity u
SELECT p.year, i.id, i.quarter, i.topic, i.topic_en, i.target_group,
       i.target_group_size, i.channel, i.tools, i.status, i.activity_id,
       a.state AS activity_state
  FROM participation_plans p
  JOIN plan_items i ON i.plan_id = p.id
  LEFT JOIN listed_activities a ON a.id = i.activity_id
       AND a.audience = 'public'
 WHERE p.entity_id = :entity AND p.state = 'published'
   AND p.year = (SELECT MAX(p2.year) FROM participation_plans p2
                  WHERE p2.entity_id = :entity AND p2.state = 'published')
 ORDER BY i.quarter, i.position, i.id;

-- name: pub_entity_blog
-- The entity's latest published blog articles; :limit = shown + 1.
-- param: entity u, limit i
SELECT b.id, b.title_ar, b.title_en, b.summary_ar, b.summary_en,
       b.published_at
  FROM blog_posts b
 WHERE b.entity_id = :entity AND b.published_at IS NOT NULL
   AND b.published_at <= UTC_TIMESTAMP()
 ORDER BY b.published_at DESC, b.id DESC
 LIMIT :limit;

-- name: pub_entity_requests
-- The entity's requests received in the last :days days and how they
-- were handled (the complaints summary, kpi_daily).
-- param: entity u, days i
SELECT COALESCE(SUM(k.received), 0) AS received,
       COALESCE(SUM(k.answered), 0) AS answered,
       COALESCE(SUM(k.late), 0) AS late,
       COALESCE(SUM(k.closed), 0) AS closed
  FROM kpi_daily k
 WHERE k.entity_id = :entity
   AND k.day >= UTC_DATE() - INTERVAL :days DAY;
