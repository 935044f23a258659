-- Sharek schema, part 4: the ministry's oversight and the measurement of
-- participation — complaints about the portal (art. 5-ط), the liaison
-- officers' monthly call for planned consultations (art. 7-ب), compliance
-- snapshots for the reports to the Cabinet (art. 5-ح), and each entity's
-- annual participation plan with its KPIs (Oman plan and guide).
-- Additive only.

-- Complaints about the portal itself: answered within 5 working days
-- (due_at), optionally about one activity.
ALTER TABLE portal_complaints
  ADD COLUMN category ENUM('technical','content','account','accessibility',
                           'moderation','other') NOT NULL DEFAULT 'other' AFTER entity_id,
  ADD COLUMN activity_id BIGINT UNSIGNED NULL AFTER category,
  ADD COLUMN subject VARCHAR(300) NULL AFTER activity_id,
  ADD COLUMN state ENUM('received','in_progress','answered','closed')
      NOT NULL DEFAULT 'received' AFTER subject,
  ADD COLUMN answered_by BIGINT UNSIGNED NULL AFTER answered_at,
  ADD KEY portal_complaints_state (state, due_at),
  ADD KEY portal_complaints_user (user_id, id),
  ADD KEY portal_complaints_entity (entity_id, received_at),
  ADD KEY portal_complaints_activity (activity_id),
  ADD KEY portal_complaints_answered_by (answered_by),
  ADD CONSTRAINT fk_portal_complaints_entity FOREIGN KEY (entity_id) REFERENCES entities (id),
  ADD CONSTRAINT fk_portal_complaints_activity FOREIGN KEY (activity_id) REFERENCES activities (id),
  ADD CONSTRAINT fk_portal_complaints_answered_by FOREIGN KEY (answered_by) REFERENCES users (id);

-- The monthly call (art. 7-ب): one per entity and month; what each unit
-- plans comes back as items, later linked to the activity created.
ALTER TABLE liaison_requests
  ADD COLUMN asked_by BIGINT UNSIGNED NULL AFTER asked_at,
  ADD COLUMN answered_by BIGINT UNSIGNED NULL AFTER answered_at,
  ADD KEY liaison_requests_month (month),
  ADD KEY liaison_requests_asked_by (asked_by),
  ADD KEY liaison_requests_answered_by (answered_by),
  ADD CONSTRAINT fk_liaison_requests_asked_by FOREIGN KEY (asked_by) REFERENCES users (id),
  ADD CONSTRAINT fk_liaison_requests_answered_by FOREIGN KEY (answered_by) REFERENCES users (id);

CREATE TABLE liaison_request_items (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id BIGINT UNSIGNED NOT NULL,
  unit_entity_id BIGINT UNSIGNED NULL,      -- a sub-department, or
  unit_name VARCHAR(200) NULL,              -- an internal unit by name
  kind ENUM('consultation','survey','poll') NOT NULL,
  topic_ar VARCHAR(300) NOT NULL,
  topic_en VARCHAR(300) NULL,
  planned_month DATE NULL,
  activity_id BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  KEY liaison_request_items_request (request_id, id),
  KEY liaison_request_items_unit (unit_entity_id),
  KEY liaison_request_items_activity (activity_id),
  CONSTRAINT ck_liaison_request_items_unit CHECK (unit_entity_id IS NOT NULL OR unit_name IS NOT NULL),
  CONSTRAINT fk_liaison_request_items_request FOREIGN KEY (request_id)
      REFERENCES liaison_requests (id) ON DELETE CASCADE,
  CONSTRAINT fk_liaison_request_items_unit FOREIGN KEY (unit_entity_id) REFERENCES entities (id),
  CONSTRAINT fk_liaison_request_items_activity FOREIGN KEY (activity_id)
      REFERENCES activities (id) ON DELETE SET NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What the ministry reported on an entity for a period (art. 5-ح): the
-- figures as they were, never recomputed.
ALTER TABLE compliance_snapshots
  ADD COLUMN consultations INT NOT NULL DEFAULT 0 AFTER period_end,
  ADD COLUMN surveys INT NOT NULL DEFAULT 0 AFTER consultations,
  ADD COLUMN comments_received INT NOT NULL DEFAULT 0 AFTER polls,
  ADD COLUMN participants INT NOT NULL DEFAULT 0 AFTER comments_received,
  ADD COLUMN results_published INT NOT NULL DEFAULT 0 AFTER late_reports,
  ADD COLUMN blog_posts INT NOT NULL DEFAULT 0 AFTER results_published_pct,
  ADD COLUMN requests_received INT NOT NULL DEFAULT 0 AFTER blog_posts,
  ADD COLUMN requests_late INT NOT NULL DEFAULT 0 AFTER requests_received,
  ADD COLUMN liaison_named TINYINT(1) NOT NULL DEFAULT 0 AFTER requests_late,
  ADD COLUMN created_by BIGINT UNSIGNED NULL AFTER created_at,
  ADD CONSTRAINT ck_compliance_period CHECK (period_end >= period_start),
  ADD CONSTRAINT ck_compliance_pct CHECK (results_published_pct BETWEEN 0 AND 100),
  ADD KEY compliance_snapshots_period (period_start, period_end),
  ADD KEY compliance_snapshots_created_by (created_by),
  ADD CONSTRAINT fk_compliance_snapshots_created_by FOREIGN KEY (created_by) REFERENCES users (id);

-- ---------------------------------------------------------------------
-- Annual participation plan (Oman plan): topic, target group, channel,
-- tools, quarter, status, link to the results; and its KPIs with target
-- and actual (the gap is target − actual, computed when shown).
ALTER TABLE participation_plans
  ADD COLUMN state ENUM('draft','approved','published') NOT NULL DEFAULT 'draft' AFTER year,
  ADD COLUMN approved_by BIGINT UNSIGNED NULL,
  ADD COLUMN approved_at DATETIME NULL,
  ADD COLUMN created_at DATETIME NULL,
  ADD KEY participation_plans_year (year, state),
  ADD KEY participation_plans_approved_by (approved_by),
  ADD CONSTRAINT fk_participation_plans_approved_by FOREIGN KEY (approved_by) REFERENCES users (id);

ALTER TABLE plan_items
  ADD COLUMN position INT NOT NULL DEFAULT 0 AFTER plan_id,
  ADD COLUMN topic_en VARCHAR(300) NULL AFTER topic,
  ADD COLUMN target_group_size INT UNSIGNED NULL AFTER target_group,
  ADD COLUMN result_url VARCHAR(1000) NULL AFTER activity_id,
  ADD CONSTRAINT ck_plan_items_quarter CHECK (quarter BETWEEN 1 AND 4),
  ADD KEY plan_items_order (plan_id, quarter, position);

CREATE TABLE plan_kpis (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL DEFAULT 0,
  code VARCHAR(40) NOT NULL,
  name_ar VARCHAR(300) NOT NULL,
  name_en VARCHAR(300) NOT NULL,
  unit ENUM('count','percent') NOT NULL DEFAULT 'count',
  target DECIMAL(10,2) NOT NULL,
  actual DECIMAL(10,2) NULL,
  updated_at DATETIME NULL,
  UNIQUE KEY plan_kpis_code (plan_id, code),
  KEY plan_kpis_order (plan_id, position),
  CONSTRAINT fk_plan_kpis_plan FOREIGN KEY (plan_id) REFERENCES participation_plans (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
