-- The staff dashboard (fcgi/staff/page_dashboard.c).

-- name: staff_dash_entity
-- param: entity u
SELECT name_ar, name_en FROM entities WHERE id = :entity;

-- name: staff_dash_counts
-- One row per state the entity's activities are in (at most AS__MAX).
-- param: entity u
SELECT state, COUNT(*) AS n FROM activities WHERE entity_id = :entity
 GROUP BY state ORDER BY FIELD(state, 'draft', 'submitted', 'returned',
   'approved', 'scheduled', 'open', 'closed', 'analysis',
   'report_submitted', 'report_approved', 'published', 'withdrawn');

-- name: staff_dash_moderation
-- param: entity u
SELECT COUNT(*) AS pending,
       COALESCE(SUM(c.moderation_due_at < UTC_TIMESTAMP()), 0) AS overdue
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE a.entity_id = :entity AND c.status = 'pending';

-- name: staff_dash_waiting
-- What waits for this user: returned drafts for their author (supervisor),
-- submissions for coordinators; for liaison officers, forwarded
-- activities to approve and approved reports to publish — the entity's
-- alternate sees those only once they passed to them (art. 6-ب,
-- liaison_handovers) or while the entity has no active primary (as
-- handover_waiting lets them act), and the inter-agency consultations whose response
-- passed to them.  The oldest first, :limit = WAITING_SHOWN + 1; the
-- page says when there are more and links to the list of activities,
-- which pages.
-- param: entity u, role s, user u, limit i
SELECT a.id, a.title_ar, a.title_en, a.state, a.updated_at,
       (h.id IS NOT NULL) AS handed_over
  FROM activities a
  JOIN entities e ON e.id = :entity
  LEFT JOIN liaison_handovers h
    ON h.id = (SELECT MAX(h2.id) FROM liaison_handovers h2
                WHERE h2.activity_id = a.id AND h2.entity_id = :entity
                  AND h2.to_user_id = :user
                  AND h2.kind = CASE a.state WHEN 'approved' THEN 'approval'
                                WHEN 'report_approved' THEN 'publication'
                                ELSE 'response' END)
 WHERE (a.entity_id = :entity
   AND ((:role = 'supervisor' AND a.state = 'returned' AND a.author_id = :user)
     OR (:role = 'coordinator' AND (a.state IN ('submitted', 'report_submitted')
                                OR (a.state = 'returned' AND a.author_id = :user)))
     OR (:role = 'liaison' AND a.state IN ('approved', 'report_approved')
         AND (e.alternate_user_id IS NULL OR e.alternate_user_id <> :user
              OR h.id IS NOT NULL
              OR NOT EXISTS (SELECT 1 FROM users p
                              WHERE p.id = e.liaison_user_id AND p.active = 1
                                AND p.deleted_at IS NULL)))))
    OR (:role = 'liaison' AND a.state = 'open' AND a.audience = 'interagency'
        AND h.id IS NOT NULL
        AND NOT EXISTS (SELECT 1 FROM agency_responses r
                         WHERE r.activity_id = a.id AND r.entity_id = :entity))
 ORDER BY a.updated_at, a.id
 LIMIT :limit;

-- name: staff_dash_reports
-- The entity's analysis reports owed (closed, in analysis or in the
-- review chain), the latest first, then the nearest deadline, with the
-- working days late of the public mark (analysis_tick); :limit =
-- WAITING_SHOWN + 1.
-- param: entity u, limit i
SELECT a.id, a.title_ar, a.title_en, a.state, a.report_due_at,
       a.report_days_late
  FROM activities a
 WHERE a.entity_id = :entity
   AND a.state IN ('closed', 'analysis', 'report_submitted', 'report_approved')
 ORDER BY a.report_days_late DESC, a.report_due_at IS NULL, a.report_due_at, a.id
 LIMIT :limit;

-- name: staff_dash_ministry
-- The ministry admin's counts across every entity, in one statement:
-- comments past their moderation deadline, activities forwarded to a
-- liaison officer for approval, analysis reports owed (closed or in
-- analysis, the report not yet submitted) and of those past their
-- deadline, and active entities without a primary liaison officer.
SELECT (SELECT COUNT(*) FROM comments c
         WHERE c.status = 'pending'
           AND c.moderation_due_at < UTC_TIMESTAMP()) AS overdue,
       (SELECT COUNT(*) FROM activities a
         WHERE a.state = 'approved') AS approval,
       (SELECT COUNT(*) FROM activities a
         WHERE a.state IN ('closed', 'analysis')) AS reports,
       (SELECT COUNT(*) FROM activities a
         WHERE a.state IN ('closed', 'analysis')
           AND a.report_days_late > 0) AS reports_late,
       (SELECT COUNT(*) FROM entities e
         WHERE e.active = 1 AND e.liaison_user_id IS NULL) AS no_liaison;

-- name: staff_oversight_overdue
-- The activities with comments past their moderation deadline, every
-- entity, the oldest deadline first; :limit = OVERSIGHT_SHOWN + 1.
-- param: limit i
SELECT a.id, a.title_ar, a.title_en, e.id AS entity_id,
       e.name_ar AS entity_ar, e.name_en AS entity_en,
       COUNT(*) AS n, MIN(c.moderation_due_at) AS due
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
  JOIN entities e ON e.id = a.entity_id
 WHERE c.status = 'pending' AND c.moderation_due_at < UTC_TIMESTAMP()
 GROUP BY a.id, a.title_ar, a.title_en, e.id, e.name_ar, e.name_en
 ORDER BY due, a.id
 LIMIT :limit;

-- name: staff_oversight_reports
-- The analysis reports owed (closed or in analysis), every entity, the
-- nearest deadline first; :limit = OVERSIGHT_SHOWN + 1.  The deadline
-- and lateness are the legal ones the public pages show (20 working
-- days after closing, kept by analysis_tick: report_due_at,
-- report_days_late); the planned results date until the tick has run.
-- param: limit i
SELECT a.id, a.title_ar, a.title_en, e.id AS entity_id,
       e.name_ar AS entity_ar, e.name_en AS entity_en,
       COALESCE(a.report_due_at, a.results_due_at) AS due,
       (a.report_days_late > 0) AS late
  FROM activities a
  JOIN entities e ON e.id = a.entity_id
 WHERE a.state IN ('closed', 'analysis')
 ORDER BY COALESCE(a.report_due_at, a.results_due_at) IS NULL,
          COALESCE(a.report_due_at, a.results_due_at), a.id
 LIMIT :limit;

-- name: staff_oversight_no_liaison
-- Active entities without a primary liaison officer; :limit =
-- OVERSIGHT_SHOWN + 1.
-- param: limit i
SELECT e.id, e.name_ar, e.name_en, p.name_ar AS parent_ar,
       p.name_en AS parent_en
  FROM entities e
  LEFT JOIN entities p ON p.id = e.parent_id
 WHERE e.active = 1 AND e.liaison_user_id IS NULL
 ORDER BY e.name_ar, e.id
 LIMIT :limit;
