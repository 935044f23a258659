-- plan.sql — the liaison officer's annual participation plan and
-- versioned participation charter (issue 16; staff/page_plan.c,
-- staff/page_entity_charter.c).

-- name: plan_items_staff
-- The items of the entity's plan of :year, with the state of the
-- activity each links to (the public page's rule flags them).
-- param: entity u, year i
SELECT i.id, i.quarter, i.topic, i.topic_en, i.target_group,
       i.target_group_size, i.channel, i.tools, i.status, i.activity_id,
       a.state AS activity_state, p.state AS plan_state
  FROM participation_plans p
  JOIN plan_items i ON i.plan_id = p.id
  LEFT JOIN activities a ON a.id = i.activity_id
 WHERE p.entity_id = :entity AND p.year = :year
 ORDER BY i.quarter, i.position, i.id;

-- name: plan_item_get
-- One item of the entity's plan of :year (the edit form).
-- param: id u, entity u, year i
SELECT i.id, i.quarter, i.topic, i.topic_en, i.target_group,
       i.target_group_size, i.channel, i.tools, i.status, i.activity_id
  FROM plan_items i
  JOIN participation_plans p ON p.id = i.plan_id
 WHERE i.id = :id AND p.entity_id = :entity AND p.year = :year;

-- name: plan_ensure
-- The entity's plan of :year, created published by its liaison officer
-- when it has none; LAST_INSERT_ID() is its id either way.
-- param: entity u, year i, by u
INSERT INTO participation_plans (entity_id, year, state, approved_by,
       approved_at, created_at)
VALUES (:entity, :year, 'published', :by, UTC_TIMESTAMP(), UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE id = LAST_INSERT_ID(id);

-- name: plan_activity_of
-- An activity of the entity (an item may link only to its own).
-- param: id u, entity u
SELECT a.id FROM activities a WHERE a.id = :id AND a.entity_id = :entity;

-- name: plan_item_insert
-- An item at the end of its plan; a size or activity of 0 is none.
-- param: plan u, topic s, topic_en s, target_group s, size u, channel s, tools s, quarter i, status s, activity u
INSERT INTO plan_items (plan_id, position, topic, topic_en, target_group,
       target_group_size, channel, tools, quarter, status, activity_id)
SELECT :plan, COALESCE(MAX(x.position), 0) + 1, :topic,
       NULLIF(:topic_en, ''),
       :target_group, NULLIF(:size, 0), :channel, :tools, :quarter, :status,
       NULLIF(:activity, 0)
  FROM plan_items x WHERE x.plan_id = :plan;

-- name: plan_item_update
-- param: id u, entity u, year i, topic s, topic_en s, target_group s, size u, channel s, tools s, quarter i, status s, activity u
UPDATE plan_items i
  JOIN participation_plans p ON p.id = i.plan_id
   SET i.topic = :topic, i.topic_en = NULLIF(:topic_en, ''),
       i.target_group = :target_group, i.target_group_size = NULLIF(:size, 0),
       i.channel = :channel, i.tools = :tools, i.quarter = :quarter,
       i.status = :status, i.activity_id = NULLIF(:activity, 0)
 WHERE i.id = :id AND p.entity_id = :entity AND p.year = :year;

-- name: charter_versions
-- Every version of the entity's charter, newest first.
-- param: entity u
SELECT c.version, c.published_at, c.body_ar, c.body_en, c.channels_ar,
       c.channels_en, c.activities_ar, c.activities_en, c.commitments_ar,
       c.commitments_en, c.data_policy_ar, c.data_policy_en,
       c.expectations_ar, c.expectations_en, u.full_name AS by_name
  FROM charters c
  LEFT JOIN users u ON u.id = c.updated_by
 WHERE c.entity_id = :entity
 ORDER BY c.version DESC;

-- name: charter_publish
-- A new version of the entity's charter, in force now.
-- param: entity u, body_ar s, body_en s, channels_ar s, channels_en s, activities_ar s, activities_en s, commitments_ar s, commitments_en s, data_policy_ar s, data_policy_en s, expectations_ar s, expectations_en s, by u
INSERT INTO charters (entity_id, version, body_ar, body_en, channels_ar,
       channels_en, activities_ar, activities_en, commitments_ar,
       commitments_en, data_policy_ar, data_policy_en, expectations_ar,
       expectations_en, published_at, updated_at, updated_by)
SELECT :entity, COALESCE(MAX(x.version), 0) + 1, :body_ar, NULLIF(:body_en, ''),
       :channels_ar, NULLIF(:channels_en, ''), :activities_ar, NULLIF(:activities_en, ''),
       :commitments_ar, NULLIF(:commitments_en, ''), :data_policy_ar,
       NULLIF(:data_policy_en, ''), :expectations_ar, NULLIF(:expectations_en, ''),
       UTC_TIMESTAMP(), UTC_TIMESTAMP(), :by
  FROM charters x WHERE x.entity_id = :entity;
