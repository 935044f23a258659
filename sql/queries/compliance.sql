-- The compliance report and the participation KPIs (issue 16;
-- fcgi/domain/compliance.c, kpi_participation.c).  Every statement reads
-- one period [:t0, :t1) given as UNIX times (the local midnights of the
-- first day and of the day after the last); the domain does the counting
-- on the working-day calendar, so the page, the CSV and the lists behind
-- each figure share one computation.  A constant number of statements
-- whatever the period.

-- name: compliance_entities
-- Every active entity, parents before their sub-departments (the domain
-- orders the tree).
SELECT e.id, e.parent_id, e.name_ar, e.name_en, e.slug,
       (e.liaison_user_id IS NOT NULL) AS has_liaison,
       (e.alternate_user_id IS NOT NULL) AS has_alternate
  FROM entities e
 WHERE e.active = 1
 ORDER BY e.id;

-- name: compliance_activities
-- The activities that ran during the period (published before its end,
-- closing after its start), past approval; opened: published inside it,
-- finished: closed inside it; the report's publication, whether it says
-- how the results were used, and the extensions granted inside it.
-- param: t0 i, t1 i
SELECT a.id, a.entity_id, a.kind, a.audience, a.urgent, a.state,
       a.title_ar, a.title_en, a.publish_at, a.closes_at,
       a.original_closes_at, a.extended_seconds, /*@activity_participants*/ AS participants,
       a.target_group_size,
       (a.publish_at >= FROM_UNIXTIME(:t0)
        AND a.publish_at < FROM_UNIXTIME(:t1)) AS opened,
       (a.closes_at >= FROM_UNIXTIME(:t0) AND a.closes_at < FROM_UNIXTIME(:t1)
        AND a.closes_at <= UTC_TIMESTAMP()) AS finished,
       r.published_at AS report_published_at,
       (r.published_at IS NOT NULL
        AND (COALESCE(r.usage_ar, '') <> '' OR COALESCE(r.usage_en, '') <> ''))
         AS results_used,
       (SELECT COUNT(*) FROM extensions x
         WHERE x.activity_id = a.id AND x.at >= FROM_UNIXTIME(:t0)
           AND x.at < FROM_UNIXTIME(:t1)) AS extensions
  FROM activities a
  LEFT JOIN reports r ON r.activity_id = a.id
 WHERE a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published', 'withdrawn')
   AND a.unlisted = 0
   AND a.publish_at IS NOT NULL AND a.closes_at IS NOT NULL
   AND a.publish_at < FROM_UNIXTIME(:t1)
   AND a.closes_at >= FROM_UNIXTIME(:t0)
 ORDER BY a.id;

-- name: compliance_comments
-- The comments received in the period, with when they were moderated and
-- the entity's position; streamed (the domain keeps counters only).
-- param: t0 i, t1 i
SELECT c.id, a.entity_id, c.activity_id, c.status, c.received_at,
       c.moderated_at, c.entity_position
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
 WHERE c.received_at >= FROM_UNIXTIME(:t0)
   AND c.received_at < FROM_UNIXTIME(:t1)
   AND a.unlisted = 0
 ORDER BY c.id;

-- name: compliance_blog
-- Blog articles published in the period.
-- param: t0 i, t1 i
SELECT b.id, b.entity_id, b.published_at
  FROM blog_posts b
 WHERE b.published_at >= FROM_UNIXTIME(:t0)
   AND b.published_at < FROM_UNIXTIME(:t1)
 ORDER BY b.id;

-- name: compliance_requests
-- Requests received in the period and those answered late, per entity,
-- from the complaints summary table (kpi_daily; UTC days).
-- param: d0 s, d1 s
SELECT k.entity_id, COALESCE(SUM(k.received), 0) AS received,
       COALESCE(SUM(k.late), 0) AS late
  FROM kpi_daily k
 WHERE k.day >= :d0 AND k.day < :d1
 GROUP BY k.entity_id
 ORDER BY k.entity_id;

-- name: compliance_plan
-- The items of the entities' annual plans for the years the period
-- touches, with the state of the activity each is linked to.
-- param: y0 i, y1 i
SELECT i.id, p.entity_id, p.year, i.quarter, i.status, i.activity_id,
       a.state AS activity_state, a.publish_at AS activity_publish_at
  FROM plan_items i
  JOIN participation_plans p ON p.id = i.plan_id
  LEFT JOIN activities a ON a.id = i.activity_id
 WHERE p.year BETWEEN :y0 AND :y1
 ORDER BY i.id;

-- name: compliance_targets
-- The KPI targets the entities' plans set for the years the period
-- touches (plan_kpis.code is a participation KPI code).
-- param: y0 i, y1 i
SELECT p.entity_id, k.code, k.target
  FROM plan_kpis k
  JOIN participation_plans p ON p.id = k.plan_id
 WHERE p.year BETWEEN :y0 AND :y1
 ORDER BY p.entity_id, p.year, k.id;

-- name: compliance_remind_entities
-- The active entities with a primary liaison officer, and how many polls
-- they published (or scheduled) in [:m0, :m1) and blog articles in
-- [:q0, :q1) (UNIX times: the month's and the quarter's local bounds).
-- param: m0 i, m1 i, q0 i, q1 i
SELECT e.id, e.name_ar, e.name_en, u.email, u.lang,
       (SELECT COUNT(*) FROM activities a
         WHERE a.entity_id = e.id AND a.kind = 'poll'
           AND a.state IN ('scheduled', 'open', 'closed', 'analysis',
                           'report_submitted', 'report_approved', 'published')
           AND a.publish_at >= FROM_UNIXTIME(:m0)
           AND a.publish_at < FROM_UNIXTIME(:m1)) AS polls,
       (SELECT COUNT(*) FROM blog_posts b
         WHERE b.entity_id = e.id AND b.published_at >= FROM_UNIXTIME(:q0)
           AND b.published_at < FROM_UNIXTIME(:q1)) AS posts
  FROM entities e
  JOIN users u ON u.id = e.liaison_user_id AND u.active = 1
 WHERE e.active = 1
 ORDER BY e.id;

-- name: compliance_remind_claim
-- param: kind s, period s, entity u
INSERT IGNORE INTO quota_reminders (kind, period, entity_id, sent_at)
VALUES (:kind, :period, :entity, UTC_TIMESTAMP());

-- name: compliance_initiatives
-- Citizen initiatives whose answer fell due in the period (set when the
-- threshold was reached), with when it was published (NULL: still
-- owed).
-- param: t0 i, t1 i
SELECT i.id, i.entity_id, i.title, i.answer_due_at, i.replied_at
  FROM initiatives i
 WHERE i.answer_due_at >= FROM_UNIXTIME(:t0)
   AND i.answer_due_at < FROM_UNIXTIME(:t1)
   AND i.state IN ('threshold', 'answered')
 ORDER BY i.answer_due_at, i.id;
