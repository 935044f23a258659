-- Sharek schema, part 1: accounts, entities, sessions, outbox, audit,
-- calendar, and the participation activities (consultations, surveys,
-- polls) with their articles, comments, moderation and results; the
-- complaints system; oversight.  InnoDB, utf8mb4, UTC DATETIMEs.
-- Counters shown on pages are columns kept by the application in the
-- same transaction as the rows they count.

CREATE TABLE sectors (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  slug VARCHAR(40) NOT NULL UNIQUE,
  name_ar VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE entities (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  parent_id BIGINT UNSIGNED NULL,
  kind ENUM('ministry','department','institution','authority','council',
            'municipality','company') NOT NULL,
  name_ar VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL,
  slug VARCHAR(40) NOT NULL UNIQUE,
  is_operator TINYINT(1) NOT NULL DEFAULT 0,
  contact_email VARCHAR(254) NULL,
  sg_name VARCHAR(200) NULL, sg_email VARCHAR(254) NULL, sg_mobile VARCHAR(32) NULL,
  minister_name VARCHAR(200) NULL, minister_email VARCHAR(254) NULL,
  minister_mobile VARCHAR(32) NULL,
  liaison_user_id BIGINT UNSIGNED NULL,
  alternate_user_id BIGINT UNSIGNED NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY (parent_id),
  CONSTRAINT fk_entity_parent FOREIGN KEY (parent_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE entity_sectors (
  entity_id BIGINT UNSIGNED NOT NULL,
  sector_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (entity_id, sector_id),
  KEY (sector_id),
  FOREIGN KEY (entity_id) REFERENCES entities (id) ON DELETE CASCADE,
  FOREIGN KEY (sector_id) REFERENCES sectors (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE users (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('person','organisation','staff') NOT NULL,
  email VARCHAR(254) NULL UNIQUE,
  email_verified_at DATETIME NULL,
  password_hash VARCHAR(255) NULL,
  full_name VARCHAR(200) NOT NULL DEFAULT '',
  org_name VARCHAR(200) NULL,
  org_reg_no VARCHAR(64) NULL,
  contact_person VARCHAR(200) NULL,
  mobile VARCHAR(32) NULL,
  lang CHAR(2) NOT NULL DEFAULT 'ar',
  role ENUM('citizen','admin','liaison','coordinator','supervisor') NOT NULL DEFAULT 'citizen',
  entity_id BIGINT UNSIGNED NULL,
  active TINYINT(1) NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  deleted_at DATETIME NULL,
  created_by BIGINT UNSIGNED NULL,
  KEY (entity_id, role),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE entities
  ADD CONSTRAINT fk_entity_liaison FOREIGN KEY (liaison_user_id) REFERENCES users (id),
  ADD CONSTRAINT fk_entity_alternate FOREIGN KEY (alternate_user_id) REFERENCES users (id);

CREATE TABLE user_groups (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NOT NULL,
  name_ar VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL,
  created_at DATETIME NOT NULL,
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE user_group_members (
  group_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (group_id, user_id),
  KEY (user_id),
  FOREIGN KEY (group_id) REFERENCES user_groups (id) ON DELETE CASCADE,
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE sessions (
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  created_at DATETIME NOT NULL,
  last_seen_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  ip VARCHAR(45) NULL,
  user_agent VARCHAR(255) NULL,
  KEY (user_id),
  KEY (expires_at),
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE login_attempts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  email_hash BINARY(32) NULL,
  ip VARCHAR(45) NOT NULL,
  success TINYINT(1) NOT NULL,
  at DATETIME NOT NULL,
  KEY (email_hash, at),
  KEY (ip, at),
  KEY (at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE form_nonces (
  nonce BINARY(16) NOT NULL PRIMARY KEY,
  used_at DATETIME NOT NULL,
  user_id BIGINT UNSIGNED NULL,
  result_url VARCHAR(255) NULL,
  KEY (used_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE tokens (
  token_hash BINARY(32) NOT NULL PRIMARY KEY,
  user_id BIGINT UNSIGNED NOT NULL,
  purpose ENUM('verify_email','reset_password') NOT NULL,
  created_at DATETIME NOT NULL,
  expires_at DATETIME NOT NULL,
  used_at DATETIME NULL,
  KEY (user_id, purpose),
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE outbox (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  channel ENUM('email','sms') NOT NULL,
  recipient VARCHAR(254) NOT NULL,
  subject VARCHAR(255) NULL,
  body MEDIUMTEXT NOT NULL,
  created_at DATETIME NOT NULL,
  next_attempt_at DATETIME NOT NULL,
  attempts INT NOT NULL DEFAULT 0,
  sent_at DATETIME NULL,
  last_error VARCHAR(500) NULL,
  status ENUM('pending','sent','failed') NOT NULL DEFAULT 'pending',
  KEY (status, next_attempt_at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE audit_log (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  at DATETIME(3) NOT NULL,
  user_id BIGINT UNSIGNED NULL,
  role VARCHAR(20) NOT NULL,
  entity_id BIGINT UNSIGNED NULL,
  action VARCHAR(64) NOT NULL,
  object_type VARCHAR(32) NOT NULL,
  object_id BIGINT UNSIGNED NULL,
  summary VARCHAR(1000) NOT NULL DEFAULT '',
  ip VARCHAR(45) NULL,
  KEY (at), KEY (entity_id, at), KEY (user_id, at), KEY (action, at)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE holidays (
  day DATE NOT NULL PRIMARY KEY,
  name_ar VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE settings (
  name VARCHAR(64) NOT NULL PRIMARY KEY,
  value VARCHAR(1000) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO settings (name, value) VALUES ('weekend_days', '5,6');

CREATE TABLE uploads (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  stored_name CHAR(32) NOT NULL UNIQUE,
  original_name VARCHAR(255) NOT NULL,
  mime VARCHAR(100) NOT NULL,
  size BIGINT UNSIGNED NOT NULL,
  sha256 BINARY(32) NOT NULL,
  uploaded_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  FOREIGN KEY (uploaded_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Consultations, surveys and polls share one table: the same lifecycle,
-- dates, audience and review chain (Tawasul art. 2, 9, 11).
CREATE TABLE activities (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  kind ENUM('consultation','survey','poll') NOT NULL DEFAULT 'consultation',
  entity_id BIGINT UNSIGNED NOT NULL,
  author_id BIGINT UNSIGNED NOT NULL,
  audience ENUM('public','restricted','interagency') NOT NULL DEFAULT 'public',
  urgent TINYINT(1) NOT NULL DEFAULT 0,
  state ENUM('draft','submitted','returned','approved','scheduled','open',
             'closed','analysis','report_submitted','report_approved',
             'published','withdrawn') NOT NULL DEFAULT 'draft',
  title_ar VARCHAR(300) NOT NULL DEFAULT '',
  title_en VARCHAR(300) NOT NULL DEFAULT '',
  summary_ar TEXT NULL, summary_en TEXT NULL,
  objectives_ar TEXT NULL, objectives_en TEXT NULL,
  announcements_ar TEXT NULL, announcements_en TEXT NULL,
  doc_kind ENUM('articles','pdf') NOT NULL DEFAULT 'articles',
  document_upload_id BIGINT UNSIGNED NULL,
  publish_at DATETIME NULL,
  closes_at DATETIME NULL,            -- effective, extensions included
  original_closes_at DATETIME NULL,   -- as approved (art. 11-ج cap)
  results_due_at DATETIME NULL,
  final_publication_at DATETIME NULL,
  extended_seconds BIGINT NOT NULL DEFAULT 0,
  return_reason TEXT NULL,
  search_text TEXT NULL,              -- textnorm() of titles and summaries
  comments_published INT UNSIGNED NOT NULL DEFAULT 0,
  comments_pending INT UNSIGNED NOT NULL DEFAULT 0,
  participants INT UNSIGNED NOT NULL DEFAULT 0,
  version INT UNSIGNED NOT NULL DEFAULT 1,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY (state, audience, publish_at),
  KEY (state, closes_at),
  KEY (entity_id, state),
  FOREIGN KEY (entity_id) REFERENCES entities (id),
  FOREIGN KEY (author_id) REFERENCES users (id),
  FOREIGN KEY (document_upload_id) REFERENCES uploads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_sectors (
  activity_id BIGINT UNSIGNED NOT NULL,
  sector_id INT UNSIGNED NOT NULL,
  PRIMARY KEY (activity_id, sector_id),
  KEY (sector_id),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE,
  FOREIGN KEY (sector_id) REFERENCES sectors (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Restricted and inter-agency audiences: target entities or user groups.
CREATE TABLE activity_targets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  entity_id BIGINT UNSIGNED NULL,
  group_id BIGINT UNSIGNED NULL,
  UNIQUE KEY (activity_id, entity_id, group_id),
  KEY (entity_id), KEY (group_id),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE,
  FOREIGN KEY (entity_id) REFERENCES entities (id),
  FOREIGN KEY (group_id) REFERENCES user_groups (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE articles (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  number_label VARCHAR(40) NOT NULL DEFAULT '',
  title_ar VARCHAR(300) NOT NULL DEFAULT '',
  title_en VARCHAR(300) NULL,
  body_ar MEDIUMTEXT NOT NULL,
  body_en MEDIUMTEXT NULL,
  comments_published INT UNSIGNED NOT NULL DEFAULT 0,
  KEY (activity_id, position),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE attachments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  upload_id BIGINT UNSIGNED NOT NULL,
  title_ar VARCHAR(300) NOT NULL,
  title_en VARCHAR(300) NULL,
  created_at DATETIME NOT NULL,
  KEY (activity_id),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE,
  FOREIGN KEY (upload_id) REFERENCES uploads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE activity_links (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  title_ar VARCHAR(300) NOT NULL,
  title_en VARCHAR(300) NULL,
  url VARCHAR(1000) NOT NULL,
  KEY (activity_id),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What citizens see changes only through a recorded, dated version.
CREATE TABLE activity_versions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  version INT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  author_id BIGINT UNSIGNED NULL,
  reason TEXT NOT NULL,
  snapshot MEDIUMTEXT NOT NULL,
  UNIQUE KEY (activity_id, version),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE workflow_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  actor_id BIGINT UNSIGNED NULL,       -- NULL: the system (tick)
  role VARCHAR(20) NOT NULL,
  from_state VARCHAR(20) NOT NULL,
  to_state VARCHAR(20) NOT NULL,
  reason TEXT NULL,
  KEY (activity_id, id),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE extensions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  added_seconds BIGINT NOT NULL,
  new_closes_at DATETIME NOT NULL,
  reason_ar TEXT NOT NULL,
  reason_en TEXT NULL,
  granted_by BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY (activity_id),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The published moderation principles (art. 9-ب).
CREATE TABLE moderation_reasons (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(40) NOT NULL UNIQUE,
  label_ar VARCHAR(300) NOT NULL,
  label_en VARCHAR(300) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO moderation_reasons (code, label_ar, label_en) VALUES
 ('offensive', 'لغة مسيئة أو تشهير', 'Offensive language or defamation'),
 ('personal_data', 'يتضمن بيانات شخصية', 'Contains personal data'),
 ('off_topic', 'خارج موضوع الاستشارة', 'Not about the consultation'),
 ('advertising', 'إعلان أو ترويج تجاري', 'Advertising or commercial promotion'),
 ('duplicate', 'مكرر', 'Duplicate'),
 ('hate', 'يحض على الكراهية أو العنف', 'Incites hatred or violence');

CREATE TABLE comments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  article_id BIGINT UNSIGNED NULL,
  user_id BIGINT UNSIGNED NULL,
  body TEXT NOT NULL,
  body_hash BINARY(32) NOT NULL,
  status ENUM('pending','published','rejected') NOT NULL DEFAULT 'pending',
  received_at DATETIME NOT NULL,
  moderation_due_at DATETIME NOT NULL,
  moderated_at DATETIME NULL,
  moderated_by BIGINT UNSIGNED NULL,
  reject_reason_id INT UNSIGNED NULL,
  entity_position ENUM('accepted','partially','rejected','noted') NULL,
  entity_reply_ar TEXT NULL,
  entity_reply_en TEXT NULL,
  ip VARCHAR(45) NULL,
  KEY (activity_id, status, id),
  KEY (article_id, status, id),
  KEY (user_id, id),
  KEY (status, moderation_due_at),
  KEY (user_id, activity_id, body_hash),
  FOREIGN KEY (activity_id) REFERENCES activities (id),
  FOREIGN KEY (article_id) REFERENCES articles (id),
  FOREIGN KEY (user_id) REFERENCES users (id),
  FOREIGN KEY (reject_reason_id) REFERENCES moderation_reasons (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The consolidated response of a target entity (art. 7-ح).
CREATE TABLE agency_responses (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  body TEXT NOT NULL,
  submitted_by BIGINT UNSIGNED NOT NULL,
  submitted_at DATETIME NOT NULL,
  UNIQUE KEY (activity_id, entity_id),
  FOREIGN KEY (activity_id) REFERENCES activities (id),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Analysis report (art. 9-ج, 9-د, 9-هـ).
CREATE TABLE reports (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL UNIQUE,
  participants_count INT UNSIGNED NOT NULL DEFAULT 0,
  summary_ar MEDIUMTEXT NULL, summary_en MEDIUMTEXT NULL,
  usage_ar MEDIUMTEXT NULL, usage_en MEDIUMTEXT NULL,
  final_document_upload_id BIGINT UNSIGNED NULL,
  submitted_by BIGINT UNSIGNED NULL, submitted_at DATETIME NULL,
  reviewed_by BIGINT UNSIGNED NULL, reviewed_at DATETIME NULL,
  approved_by BIGINT UNSIGNED NULL, approved_at DATETIME NULL,
  published_at DATETIME NULL,
  FOREIGN KEY (activity_id) REFERENCES activities (id),
  FOREIGN KEY (final_document_upload_id) REFERENCES uploads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE report_topics (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT UNSIGNED NOT NULL,
  title_ar VARCHAR(300) NOT NULL, title_en VARCHAR(300) NULL,
  covered TINYINT(1) NOT NULL DEFAULT 1,
  contributions INT UNSIGNED NOT NULL DEFAULT 0,
  FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Surveys and polls.
CREATE TABLE questions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  kind ENUM('single','multiple','text','scale') NOT NULL,
  text_ar TEXT NOT NULL, text_en TEXT NULL,
  required TINYINT(1) NOT NULL DEFAULT 1,
  KEY (activity_id, position),
  FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE question_options (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  question_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  label_ar VARCHAR(500) NOT NULL, label_en VARCHAR(500) NULL,
  votes INT UNSIGNED NOT NULL DEFAULT 0,
  KEY (question_id, position),
  FOREIGN KEY (question_id) REFERENCES questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE responses (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NULL,
  voter_key BINARY(32) NOT NULL,     -- keeps "one response each" after anonymisation
  submitted_at DATETIME NOT NULL,
  UNIQUE KEY (activity_id, voter_key),
  KEY (user_id, id),
  FOREIGN KEY (activity_id) REFERENCES activities (id),
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE answers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  response_id BIGINT UNSIGNED NOT NULL,
  question_id BIGINT UNSIGNED NOT NULL,
  option_id BIGINT UNSIGNED NULL,
  text TEXT NULL,
  KEY (response_id), KEY (question_id, option_id),
  FOREIGN KEY (response_id) REFERENCES responses (id) ON DELETE CASCADE,
  FOREIGN KEY (question_id) REFERENCES questions (id),
  FOREIGN KEY (option_id) REFERENCES question_options (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Collaboration axis (Oman): initiatives, participatory budgeting, blog,
-- charter, annual participation plan.
CREATE TABLE initiatives (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NULL,
  author_id BIGINT UNSIGNED NULL,
  title VARCHAR(300) NOT NULL,
  body TEXT NOT NULL,
  state ENUM('pending','published','rejected','adopted','closed') NOT NULL DEFAULT 'pending',
  supporters INT UNSIGNED NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  KEY (state, id),
  FOREIGN KEY (entity_id) REFERENCES entities (id),
  FOREIGN KEY (author_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE initiative_supports (
  initiative_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  PRIMARY KEY (initiative_id, user_id),
  FOREIGN KEY (initiative_id) REFERENCES initiatives (id),
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budgets (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NOT NULL,
  title_ar VARCHAR(300) NOT NULL, title_en VARCHAR(300) NULL,
  total_amount DECIMAL(15,3) NOT NULL,
  votes_per_user INT NOT NULL DEFAULT 3,
  opens_at DATETIME NOT NULL, closes_at DATETIME NOT NULL,
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_projects (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  budget_id BIGINT UNSIGNED NOT NULL,
  title_ar VARCHAR(300) NOT NULL, title_en VARCHAR(300) NULL,
  cost DECIMAL(15,3) NOT NULL,
  votes INT UNSIGNED NOT NULL DEFAULT 0,
  FOREIGN KEY (budget_id) REFERENCES budgets (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_votes (
  project_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  PRIMARY KEY (project_id, user_id),
  FOREIGN KEY (project_id) REFERENCES budget_projects (id),
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE blog_posts (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NOT NULL,
  author_id BIGINT UNSIGNED NOT NULL,
  title_ar VARCHAR(300) NOT NULL, title_en VARCHAR(300) NULL,
  body_ar MEDIUMTEXT NOT NULL, body_en MEDIUMTEXT NULL,
  published_at DATETIME NULL,
  KEY (entity_id, published_at),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE charters (
  entity_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  body_ar MEDIUMTEXT NOT NULL, body_en MEDIUMTEXT NULL,
  updated_at DATETIME NOT NULL,
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE participation_plans (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NOT NULL,
  year SMALLINT NOT NULL,
  UNIQUE KEY (entity_id, year),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE plan_items (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  plan_id BIGINT UNSIGNED NOT NULL,
  topic VARCHAR(300) NOT NULL,
  target_group VARCHAR(300) NOT NULL,
  channel VARCHAR(100) NOT NULL,
  tools VARCHAR(300) NOT NULL,
  quarter TINYINT NOT NULL,
  status ENUM('planned','running','done','cancelled') NOT NULL DEFAULT 'planned',
  activity_id BIGINT UNSIGNED NULL,
  FOREIGN KEY (plan_id) REFERENCES participation_plans (id) ON DELETE CASCADE,
  FOREIGN KEY (activity_id) REFERENCES activities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Complaints and requests (Bekhedmetkom; domain.md §5).
CREATE TABLE request_types (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(30) NOT NULL UNIQUE,
  name_ar VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL,
  active TINYINT(1) NOT NULL DEFAULT 1
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO request_types (code, name_ar, name_en, active) VALUES
 ('inquiry', 'استفسار (اسأل الحكومة)', 'Inquiry (ask the government)', 1),
 ('complaint', 'شكوى', 'Complaint', 1),
 ('suggestion', 'اقتراح', 'Suggestion', 1),
 ('compliment', 'إشادة', 'Compliment', 1),
 ('violation', 'الإبلاغ عن مخالفة', 'Reporting a violation', 1),
 ('human_rights', 'الإبلاغ عن انتهاك لحقوق الإنسان', 'Reporting a human-rights violation', 0),
 ('grievance', 'تظلّم', 'Grievance', 0);

CREATE TABLE request_axes (
  id INT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  code VARCHAR(30) NOT NULL UNIQUE,
  name_ar VARCHAR(200) NOT NULL,
  name_en VARCHAR(200) NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO request_axes (code, name_ar, name_en) VALUES
 ('time', 'وقت الحصول على الخدمة', 'Time to obtain the service'),
 ('procedures', 'الإجراءات والأساليب', 'Procedures and methods'),
 ('behaviour', 'سلوك الموظف', 'Employee behaviour'),
 ('environment', 'بيئة تقديم الخدمة', 'Service delivery environment'),
 ('quality', 'جودة مخرجات الخدمة', 'Quality of the service output');

CREATE TABLE priorities (
  code ENUM('critical','high','medium','low') NOT NULL PRIMARY KEY,
  name_ar VARCHAR(100) NOT NULL,
  name_en VARCHAR(100) NOT NULL,
  rank_order TINYINT NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO priorities VALUES
 ('critical', 'حرجة', 'Critical', 1), ('high', 'عالية', 'High', 2),
 ('medium', 'متوسطة', 'Medium', 3), ('low', 'منخفضة', 'Low', 4);

-- The time-frame matrix: priority × axis → working days.
CREATE TABLE sla_matrix (
  priority ENUM('critical','high','medium','low') NOT NULL,
  axis_id INT UNSIGNED NOT NULL,
  reply_working_days INT NOT NULL,
  solve_working_days INT NOT NULL,
  PRIMARY KEY (priority, axis_id),
  FOREIGN KEY (axis_id) REFERENCES request_axes (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

INSERT INTO sla_matrix (priority, axis_id, reply_working_days, solve_working_days)
SELECT p.code, a.id,
       CASE p.code WHEN 'critical' THEN 1 WHEN 'high' THEN 3 WHEN 'medium' THEN 5 ELSE 10 END,
       CASE p.code WHEN 'critical' THEN 3 WHEN 'high' THEN 7 WHEN 'medium' THEN 14 ELSE 21 END
  FROM priorities p CROSS JOIN request_axes a;

CREATE TABLE requests (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  ref_no VARCHAR(20) NOT NULL UNIQUE,
  type_id INT UNSIGNED NOT NULL,
  axis_id INT UNSIGNED NULL,
  priority ENUM('critical','high','medium','low') NOT NULL DEFAULT 'medium',
  entity_id BIGINT UNSIGNED NOT NULL,
  unit VARCHAR(200) NULL,
  channel ENUM('web','mobile','call_centre','chatbot','open311') NOT NULL DEFAULT 'web',
  requester_id BIGINT UNSIGNED NULL,
  confidential TINYINT(1) NOT NULL DEFAULT 0,
  subject VARCHAR(300) NOT NULL,
  body TEXT NOT NULL,
  requester_enc VARBINARY(2048) NULL,   -- crypto_secretbox of contact data
  requester_nonce BINARY(24) NULL,
  lat DECIMAL(9,6) NULL, lng DECIMAL(9,6) NULL, address VARCHAR(300) NULL,
  state ENUM('received','classified','forwarded','answered','closed',
             'reopened','rejected') NOT NULL DEFAULT 'received',
  due_at DATETIME NOT NULL,
  escalation_level TINYINT NOT NULL DEFAULT 0,
  escalated_at1 DATETIME NULL, escalated_at2 DATETIME NULL,
  answered_at DATETIME NULL,
  closed_at DATETIME NULL,
  rating TINYINT NULL,
  rating_comment TEXT NULL,
  reopened_count INT NOT NULL DEFAULT 0,
  created_at DATETIME NOT NULL,
  updated_at DATETIME NOT NULL,
  KEY (entity_id, state, id),
  KEY (state, due_at),
  KEY (requester_id, id),
  KEY (created_at),
  FOREIGN KEY (type_id) REFERENCES request_types (id),
  FOREIGN KEY (axis_id) REFERENCES request_axes (id),
  FOREIGN KEY (entity_id) REFERENCES entities (id),
  FOREIGN KEY (requester_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE request_events (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  actor_id BIGINT UNSIGNED NULL,
  kind ENUM('state','note','reply','escalation','rating') NOT NULL,
  from_state VARCHAR(20) NULL, to_state VARCHAR(20) NULL,
  public TINYINT(1) NOT NULL DEFAULT 0,
  body TEXT NULL,
  KEY (request_id, id),
  FOREIGN KEY (request_id) REFERENCES requests (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE request_attachments (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id BIGINT UNSIGNED NOT NULL,
  upload_id BIGINT UNSIGNED NOT NULL,
  FOREIGN KEY (request_id) REFERENCES requests (id),
  FOREIGN KEY (upload_id) REFERENCES uploads (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE open311_services (
  service_code VARCHAR(40) NOT NULL PRIMARY KEY,
  type_id INT UNSIGNED NOT NULL,
  axis_id INT UNSIGNED NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  name_ar VARCHAR(200) NOT NULL, name_en VARCHAR(200) NOT NULL,
  FOREIGN KEY (type_id) REFERENCES request_types (id),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Aggregates for the KPI dashboards, kept by the application.
CREATE TABLE kpi_daily (
  day DATE NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  type_id INT UNSIGNED NOT NULL,
  received INT UNSIGNED NOT NULL DEFAULT 0,
  answered INT UNSIGNED NOT NULL DEFAULT 0,
  answered_in_time INT UNSIGNED NOT NULL DEFAULT 0,
  late INT UNSIGNED NOT NULL DEFAULT 0,
  closed INT UNSIGNED NOT NULL DEFAULT 0,
  ratings_sum INT UNSIGNED NOT NULL DEFAULT 0,
  ratings_count INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (day, entity_id, type_id),
  KEY (entity_id, day)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Oversight: complaints about the portal (art. 5-ط, 5 working days),
-- monthly planned consultations asked of units (art. 7-ب), compliance.
CREATE TABLE portal_complaints (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  user_id BIGINT UNSIGNED NULL,
  entity_id BIGINT UNSIGNED NULL,
  body TEXT NOT NULL,
  received_at DATETIME NOT NULL,
  due_at DATETIME NOT NULL,
  answered_at DATETIME NULL,
  answer TEXT NULL,
  FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE liaison_requests (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NOT NULL,
  month DATE NOT NULL,
  asked_at DATETIME NOT NULL,
  answered_at DATETIME NULL,
  planned TEXT NULL,
  UNIQUE KEY (entity_id, month),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE compliance_snapshots (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  entity_id BIGINT UNSIGNED NOT NULL,
  period_start DATE NOT NULL,
  period_end DATE NOT NULL,
  activities INT NOT NULL, polls INT NOT NULL,
  late_moderations INT NOT NULL, late_reports INT NOT NULL,
  results_published_pct DECIMAL(5,2) NOT NULL,
  created_at DATETIME NOT NULL,
  UNIQUE KEY (entity_id, period_start, period_end),
  FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
