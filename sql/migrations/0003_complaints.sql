-- Sharek schema, part 3: complaints and requests (Bekhedmetkom model,
-- domain.md §5; Tawasul art. 5-د).  Adds to the tables 0001 created:
-- deadlines for the reply and the solution, who handles a request, the
-- two-level escalation record, yearly reference numbers, Open311 service
-- details, and KPI aggregates by axis.  Additive only.

-- Reports of violations are confidential by default (they encourage
-- reporting corruption); so are the planned human-rights reports.
ALTER TABLE request_types
  ADD COLUMN confidential_default TINYINT(1) NOT NULL DEFAULT 0,
  ADD COLUMN position INT NOT NULL DEFAULT 0;

UPDATE request_types SET confidential_default = 1
 WHERE code IN ('violation', 'human_rights');
UPDATE request_types SET position = id;

ALTER TABLE request_axes
  ADD COLUMN position INT NOT NULL DEFAULT 0;

UPDATE request_axes SET position = id;

-- The time-frame matrix: the reply never comes after the solution.
ALTER TABLE sla_matrix
  ADD CONSTRAINT ck_sla_order CHECK (reply_working_days >= 1 AND solve_working_days >= reply_working_days);

-- ---------------------------------------------------------------------
-- Requests.  requester_enc is crypto_secretbox(contact data) with the key
-- outside the database; enc and nonce are both set or both NULL.
-- due_at is the reply deadline from sla_matrix, solve_due_at the
-- solution deadline; escalation_level 1 = secretary-general told,
-- 2 = minister told.
ALTER TABLE requests
  ADD COLUMN open311_service_code VARCHAR(40) NULL AFTER channel,
  ADD COLUMN handled_by BIGINT UNSIGNED NULL AFTER unit,
  ADD COLUMN solve_due_at DATETIME NULL AFTER due_at,
  ADD COLUMN classified_at DATETIME NULL AFTER escalated_at2,
  ADD COLUMN forwarded_at DATETIME NULL AFTER classified_at,
  ADD COLUMN rated_at DATETIME NULL AFTER rating_comment,
  ADD COLUMN reopened_at DATETIME NULL AFTER reopened_count,
  ADD COLUMN reject_reason VARCHAR(500) NULL AFTER reopened_at,
  ADD CONSTRAINT ck_requests_rating CHECK (rating IS NULL OR rating BETWEEN 1 AND 5),
  ADD CONSTRAINT ck_requests_escalation CHECK (escalation_level BETWEEN 0 AND 2),
  ADD CONSTRAINT ck_requests_enc CHECK ((requester_enc IS NULL) = (requester_nonce IS NULL)),
  ADD KEY requests_escalation (state, escalation_level, due_at),
  ADD KEY requests_entity_day (entity_id, created_at),
  ADD KEY requests_type_day (type_id, created_at),
  ADD KEY requests_handler (handled_by, state, id),
  ADD KEY requests_open311 (open311_service_code),
  ADD KEY requests_rating (rating, state),
  ADD CONSTRAINT fk_requests_handled_by FOREIGN KEY (handled_by) REFERENCES users (id),
  ADD CONSTRAINT fk_requests_open311 FOREIGN KEY (open311_service_code)
      REFERENCES open311_services (service_code);

-- History of a request: state changes, internal notes, public replies,
-- escalations, ratings.  public = 1 rows are shown to the requester.
ALTER TABLE request_events
  ADD COLUMN role VARCHAR(20) NULL AFTER actor_id,
  ADD KEY request_events_actor (actor_id, at),
  ADD CONSTRAINT fk_request_events_actor FOREIGN KEY (actor_id) REFERENCES users (id);

-- One row per escalation; (request, cycle, level) is unique so a tick run
-- twice escalates once.  cycle = requests.reopened_count at the time, so
-- a reopened request can be escalated again.  The contact written is the
-- official's as it was when told.
CREATE TABLE request_escalations (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  request_id BIGINT UNSIGNED NOT NULL,
  cycle INT UNSIGNED NOT NULL DEFAULT 0,
  level TINYINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  notified_name VARCHAR(200) NULL,
  notified_email VARCHAR(254) NULL,
  notified_mobile VARCHAR(32) NULL,
  UNIQUE KEY request_escalations_once (request_id, cycle, level),
  KEY request_escalations_entity (entity_id, at),
  KEY request_escalations_at (at),
  CONSTRAINT ck_request_escalations_level CHECK (level IN (1, 2)),
  CONSTRAINT fk_request_escalations_request FOREIGN KEY (request_id) REFERENCES requests (id),
  CONSTRAINT fk_request_escalations_entity FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Reference numbers SH-YYYY-NNNNNN, numbered per year without LOCK TABLES:
--   INSERT INTO request_ref_counters (year, last_no) VALUES (?, LAST_INSERT_ID(1))
--   ON DUPLICATE KEY UPDATE last_no = LAST_INSERT_ID(last_no + 1);
--   then LAST_INSERT_ID() is this request's number, in the same transaction.
CREATE TABLE request_ref_counters (
  year SMALLINT UNSIGNED NOT NULL PRIMARY KEY,
  last_no INT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE request_attachments
  ADD COLUMN created_at DATETIME NULL,
  ADD UNIQUE KEY request_attachments_once (request_id, upload_id);

-- Open311 GeoReport v2 service list: each service code is a request type
-- (and axis) of an entity.
ALTER TABLE open311_services
  ADD COLUMN description_ar TEXT NULL,
  ADD COLUMN description_en TEXT NULL,
  ADD COLUMN group_ar VARCHAR(100) NULL,
  ADD COLUMN group_en VARCHAR(100) NULL,
  ADD COLUMN keywords VARCHAR(300) NULL,
  ADD COLUMN active TINYINT(1) NOT NULL DEFAULT 1,
  ADD KEY open311_services_axis (axis_id),
  ADD KEY open311_services_active (active, service_code),
  ADD CONSTRAINT fk_open311_services_axis FOREIGN KEY (axis_id) REFERENCES request_axes (id);

-- ---------------------------------------------------------------------
-- KPI aggregates, per UTC day of receipt × entity × type × axis (axis 0:
-- not classified yet; classification moves the request's counts from axis
-- 0 to its axis).  Each row counts that day's requests as they progress:
-- received, answered, answered in time, late (answered late or still
-- open past due_at), closed, reopened, escalated, the sum of reply times
-- and of ratings.  The public dashboard reads these, never requests.
ALTER TABLE kpi_daily
  ADD COLUMN axis_id INT UNSIGNED NOT NULL DEFAULT 0 AFTER type_id,
  ADD COLUMN reopened INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN escalated INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN reply_seconds_sum BIGINT UNSIGNED NOT NULL DEFAULT 0,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (day, entity_id, type_id, axis_id),
  ADD KEY kpi_daily_type (type_id, day),
  ADD CONSTRAINT fk_kpi_daily_entity FOREIGN KEY (entity_id) REFERENCES entities (id),
  ADD CONSTRAINT fk_kpi_daily_type FOREIGN KEY (type_id) REFERENCES request_types (id);

-- Level 2 (the minister) is told this many working days after level 1.
INSERT INTO settings (name, value) VALUES
 ('escalation_level2_working_days', '2'),
 ('request_ref_prefix', 'SH');
