-- Sharek schema, part 2: participation — consultations, surveys, polls,
-- their analysis reports, and the Oman guide's collaboration axis.
--
-- 0001_core.sql created the first version of every table and is already
-- applied on existing databases, so it is never edited: this file only
-- adds (columns, keys, constraints, reference rows).  sql/SCHEMA.md
-- describes the resulting tables.  InnoDB, utf8mb4, DATETIMEs in UTC.

-- ---------------------------------------------------------------------
-- Reference data: the sectors an activity concerns (art. 9-أ-5).  Ids 1–7
-- are fixed (the demo data and the tests name them); INSERT IGNORE keeps
-- databases that got them from an earlier demo seed as they are.
INSERT IGNORE INTO sectors (id, slug, name_ar, name_en) VALUES
 (1, 'health', 'الصحة', 'Health'),
 (2, 'education', 'التعليم', 'Education'),
 (3, 'environment', 'البيئة', 'Environment'),
 (4, 'digital', 'الاقتصاد الرقمي', 'Digital economy'),
 (5, 'transport', 'النقل', 'Transport'),
 (6, 'social', 'الحماية الاجتماعية', 'Social protection'),
 (7, 'local', 'الإدارة المحلية', 'Local administration'),
 (8, 'water', 'المياه والري', 'Water and irrigation'),
 (9, 'energy', 'الطاقة والثروة المعدنية', 'Energy and mineral resources'),
 (10, 'economy', 'الاقتصاد والاستثمار', 'Economy and investment'),
 (11, 'labour', 'العمل والتشغيل', 'Labour and employment'),
 (12, 'justice', 'العدل والتشريع', 'Justice and legislation'),
 (13, 'agriculture', 'الزراعة', 'Agriculture'),
 (14, 'tourism', 'السياحة والآثار', 'Tourism and antiquities'),
 (15, 'public_sector', 'تطوير القطاع العام', 'Public sector development'),
 (16, 'youth', 'الشباب والثقافة', 'Youth and culture');

-- More published moderation principles (art. 8-هـ, 9-ب).
INSERT INTO moderation_reasons (code, label_ar, label_en) VALUES
 ('illegal', 'يخالف التشريعات النافذة أو يدعو إلى مخالفتها', 'Breaks the law in force or calls for breaking it'),
 ('impersonation', 'انتحال صفة شخص أو جهة', 'Impersonates a person or an organisation'),
 ('unintelligible', 'غير مفهوم أو بلا مضمون', 'Unintelligible or without content');

-- ---------------------------------------------------------------------
-- Accounts and entities.
-- Every staff account belongs to an entity (the ministry admin to the
-- ministry); who created an account is kept (art. 7-هـ).
ALTER TABLE users
  ADD CONSTRAINT ck_users_lang CHECK (lang IN ('ar', 'en')),
  ADD CONSTRAINT ck_users_staff_entity CHECK (role = 'citizen' OR entity_id IS NOT NULL),
  ADD KEY users_created_by (created_by),
  ADD CONSTRAINT fk_users_created_by FOREIGN KEY (created_by) REFERENCES users (id) ON DELETE SET NULL;

-- A government-owned company counts when the state holds ≥ 50 % (art. 2).
ALTER TABLE entities
  ADD COLUMN gov_share_pct DECIMAL(5,2) NULL AFTER kind,
  ADD CONSTRAINT ck_entities_gov_share CHECK (gov_share_pct IS NULL OR gov_share_pct BETWEEN 50 AND 100),
  ADD KEY entities_active (active, parent_id);

-- ---------------------------------------------------------------------
-- Activities.  Periods in days are derived, never stored twice: the
-- approved period (art. 11-أ/ب) and the extensions granted (art. 11-ج,
-- capped at the approved period; reasons are in `extensions`).
ALTER TABLE activities
  ADD COLUMN target_group_size INT UNSIGNED NULL AFTER participants,
  ADD COLUMN original_period_days INT
      AS (TIMESTAMPDIFF(DAY, publish_at, original_closes_at)) VIRTUAL,
  ADD COLUMN extended_days INT AS (extended_seconds DIV 86400) VIRTUAL,
  ADD KEY activities_state_publish (state, publish_at),
  ADD KEY activities_state_results (state, results_due_at),
  ADD KEY activities_kind (kind, state, id),
  ADD KEY activities_audience (audience, state, id);

-- A target is exactly one entity or one user group; the generated key
-- lets INSERT IGNORE refuse the same target twice (NULLs never collide
-- in the 0001 unique key).
ALTER TABLE activity_targets
  ADD COLUMN target_key VARCHAR(24)
      AS (IF(entity_id IS NOT NULL, CONCAT('e', entity_id), CONCAT('g', group_id))) PERSISTENT,
  ADD CONSTRAINT ck_activity_targets_one CHECK ((entity_id IS NULL) <> (group_id IS NULL)),
  ADD UNIQUE KEY activity_targets_once (activity_id, target_key);

ALTER TABLE extensions
  ADD COLUMN added_days INT AS (added_seconds DIV 86400) VIRTUAL,
  ADD CONSTRAINT ck_extensions_positive CHECK (added_seconds > 0),
  ADD KEY extensions_granted_by (granted_by),
  ADD CONSTRAINT fk_extensions_granted_by FOREIGN KEY (granted_by) REFERENCES users (id);

ALTER TABLE workflow_events
  ADD KEY workflow_events_actor (actor_id, at),
  ADD KEY workflow_events_at (at),
  ADD CONSTRAINT fk_workflow_events_actor FOREIGN KEY (actor_id) REFERENCES users (id);

ALTER TABLE activity_versions
  ADD KEY activity_versions_author (author_id),
  ADD CONSTRAINT fk_activity_versions_author FOREIGN KEY (author_id) REFERENCES users (id);

ALTER TABLE attachments
  ADD KEY attachments_upload (upload_id);

ALTER TABLE uploads
  ADD KEY uploads_sha256 (sha256);

-- ---------------------------------------------------------------------
-- Comments.  Rate limits look at recent comments of a user or an address;
-- the analysis records who set the entity's position and when (9-ج-3).
ALTER TABLE comments
  ADD COLUMN position_by BIGINT UNSIGNED NULL AFTER entity_reply_en,
  ADD COLUMN position_at DATETIME NULL AFTER position_by,
  ADD KEY comments_user_recent (user_id, received_at),
  ADD KEY comments_ip_recent (ip, received_at),
  ADD KEY comments_position (activity_id, entity_position),
  ADD KEY comments_moderated_by (moderated_by),
  ADD KEY comments_position_by (position_by),
  ADD CONSTRAINT fk_comments_moderated_by FOREIGN KEY (moderated_by) REFERENCES users (id),
  ADD CONSTRAINT fk_comments_position_by FOREIGN KEY (position_by) REFERENCES users (id);

ALTER TABLE agency_responses
  ADD KEY agency_responses_entity (entity_id, submitted_at),
  ADD KEY agency_responses_by (submitted_by),
  ADD CONSTRAINT fk_agency_responses_by FOREIGN KEY (submitted_by) REFERENCES users (id);

-- ---------------------------------------------------------------------
-- Analysis reports (art. 9-ج/د/هـ, 8-و): drafted by the supervisor,
-- reviewed by the coordinator, approved by the liaison officer, published.
-- Survey and poll reports add the trends and their alignment with the
-- government's direction; every report says how the results were used.
ALTER TABLE reports
  ADD COLUMN state ENUM('draft','submitted','returned','reviewed','approved',
                        'published') NOT NULL DEFAULT 'draft' AFTER activity_id,
  ADD COLUMN trends_ar MEDIUMTEXT NULL AFTER usage_en,
  ADD COLUMN trends_en MEDIUMTEXT NULL AFTER trends_ar,
  ADD COLUMN alignment_ar MEDIUMTEXT NULL AFTER trends_en,
  ADD COLUMN alignment_en MEDIUMTEXT NULL AFTER alignment_ar,
  ADD COLUMN return_reason TEXT NULL AFTER alignment_en,
  ADD COLUMN created_at DATETIME NULL,
  ADD COLUMN updated_at DATETIME NULL,
  ADD KEY reports_state (state),
  ADD KEY reports_published (published_at),
  ADD KEY reports_submitted_by (submitted_by),
  ADD KEY reports_reviewed_by (reviewed_by),
  ADD KEY reports_approved_by (approved_by),
  ADD CONSTRAINT fk_reports_submitted_by FOREIGN KEY (submitted_by) REFERENCES users (id),
  ADD CONSTRAINT fk_reports_reviewed_by FOREIGN KEY (reviewed_by) REFERENCES users (id),
  ADD CONSTRAINT fk_reports_approved_by FOREIGN KEY (approved_by) REFERENCES users (id);

-- Reports written before the state column existed.
UPDATE reports SET state = IF(published_at IS NOT NULL, 'published',
                           IF(approved_at IS NOT NULL, 'approved',
                           IF(submitted_at IS NOT NULL, 'submitted', 'draft')));

-- The axes offered, and how many contributions each drew (9-ج-2).
ALTER TABLE report_topics
  ADD COLUMN position INT NOT NULL DEFAULT 0 AFTER report_id,
  ADD COLUMN summary_ar TEXT NULL,
  ADD COLUMN summary_en TEXT NULL,
  ADD KEY report_topics_order (report_id, position);

-- ---------------------------------------------------------------------
-- Surveys and polls.  One response per voter (voter_key survives account
-- deletion; user_id is then NULL), one per form nonce (double submit).
ALTER TABLE questions
  ADD COLUMN scale_min TINYINT NULL AFTER required,
  ADD COLUMN scale_max TINYINT NULL AFTER scale_min,
  ADD CONSTRAINT ck_questions_scale CHECK (kind <> 'scale' OR
      (scale_min IS NOT NULL AND scale_max IS NOT NULL AND scale_min < scale_max));

ALTER TABLE responses
  ADD COLUMN nonce BINARY(16) NULL AFTER voter_key,
  ADD UNIQUE KEY responses_nonce (nonce),
  ADD UNIQUE KEY responses_user_once (activity_id, user_id),
  ADD KEY responses_recent (activity_id, submitted_at);

ALTER TABLE answers
  ADD COLUMN value SMALLINT NULL AFTER option_id,
  ADD UNIQUE KEY answers_once (response_id, question_id, option_id);

-- ---------------------------------------------------------------------
-- Collaboration axis (Oman plan and guide): citizen initiatives,
-- participatory budgeting, the entity blog, the participation charter.
-- Initiatives are written by citizens in their own language; the entity
-- answers in both.
ALTER TABLE initiatives
  ADD COLUMN lang CHAR(2) NOT NULL DEFAULT 'ar' AFTER body,
  ADD COLUMN sector_id INT UNSIGNED NULL AFTER entity_id,
  ADD COLUMN moderated_by BIGINT UNSIGNED NULL,
  ADD COLUMN moderated_at DATETIME NULL,
  ADD COLUMN reject_reason_id INT UNSIGNED NULL,
  ADD COLUMN entity_reply_ar TEXT NULL,
  ADD COLUMN entity_reply_en TEXT NULL,
  ADD COLUMN replied_at DATETIME NULL,
  ADD COLUMN updated_at DATETIME NULL,
  ADD KEY initiatives_entity (entity_id, state, id),
  ADD KEY initiatives_support (state, supporters),
  ADD KEY initiatives_sector (sector_id),
  ADD KEY initiatives_moderated_by (moderated_by),
  ADD KEY initiatives_reason (reject_reason_id),
  ADD CONSTRAINT fk_initiatives_sector FOREIGN KEY (sector_id) REFERENCES sectors (id),
  ADD CONSTRAINT fk_initiatives_moderated_by FOREIGN KEY (moderated_by) REFERENCES users (id),
  ADD CONSTRAINT fk_initiatives_reason FOREIGN KEY (reject_reason_id) REFERENCES moderation_reasons (id);

ALTER TABLE initiative_supports
  ADD KEY initiative_supports_user (user_id, at);

ALTER TABLE budgets
  ADD COLUMN state ENUM('draft','open','closed','published') NOT NULL DEFAULT 'draft' AFTER entity_id,
  ADD COLUMN description_ar TEXT NULL AFTER title_en,
  ADD COLUMN description_en TEXT NULL AFTER description_ar,
  ADD COLUMN results_published_at DATETIME NULL,
  ADD COLUMN created_by BIGINT UNSIGNED NULL,
  ADD COLUMN created_at DATETIME NULL,
  ADD CONSTRAINT ck_budgets_period CHECK (closes_at > opens_at),
  ADD CONSTRAINT ck_budgets_votes CHECK (votes_per_user >= 1),
  ADD KEY budgets_state (state, closes_at),
  ADD KEY budgets_created_by (created_by),
  ADD CONSTRAINT fk_budgets_created_by FOREIGN KEY (created_by) REFERENCES users (id);

ALTER TABLE budget_projects
  ADD COLUMN position INT NOT NULL DEFAULT 0 AFTER budget_id,
  ADD COLUMN description_ar TEXT NULL AFTER title_en,
  ADD COLUMN description_en TEXT NULL AFTER description_ar,
  ADD COLUMN selected TINYINT(1) NOT NULL DEFAULT 0,
  ADD KEY budget_projects_order (budget_id, position);

-- budget_id lets "votes of this user in this budget" (votes_per_user)
-- be one indexed count.
ALTER TABLE budget_votes
  ADD COLUMN budget_id BIGINT UNSIGNED NOT NULL FIRST,
  ADD KEY budget_votes_user (budget_id, user_id),
  ADD CONSTRAINT fk_budget_votes_budget FOREIGN KEY (budget_id) REFERENCES budgets (id);

ALTER TABLE blog_posts
  ADD COLUMN summary_ar TEXT NULL AFTER title_en,
  ADD COLUMN summary_en TEXT NULL AFTER summary_ar,
  ADD COLUMN created_at DATETIME NULL,
  ADD COLUMN updated_at DATETIME NULL,
  ADD KEY blog_posts_published (published_at),
  ADD KEY blog_posts_author (author_id),
  ADD CONSTRAINT fk_blog_posts_author FOREIGN KEY (author_id) REFERENCES users (id);

-- The charter's parts, as the Oman guide lists them.
ALTER TABLE charters
  ADD COLUMN channels_ar TEXT NULL, ADD COLUMN channels_en TEXT NULL,
  ADD COLUMN activities_ar TEXT NULL, ADD COLUMN activities_en TEXT NULL,
  ADD COLUMN commitments_ar TEXT NULL, ADD COLUMN commitments_en TEXT NULL,
  ADD COLUMN data_policy_ar TEXT NULL, ADD COLUMN data_policy_en TEXT NULL,
  ADD COLUMN expectations_ar TEXT NULL, ADD COLUMN expectations_en TEXT NULL,
  ADD COLUMN published_at DATETIME NULL,
  ADD COLUMN updated_by BIGINT UNSIGNED NULL,
  ADD KEY charters_updated_by (updated_by),
  ADD CONSTRAINT fk_charters_updated_by FOREIGN KEY (updated_by) REFERENCES users (id);
