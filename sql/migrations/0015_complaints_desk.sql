-- Sharek schema, part 15: the complaints and requests system at work
-- (issue 13; domain.md §5, Bekhedmetkom; Tawasul art. 5-د and 5-ط).
-- Additive only.
--
-- The central operations room of the ministry is a role of its own: it
-- studies every reopened request and every level-2 escalation, of any
-- entity, and may reassign, reply and close (fcgi/domain/perm.c).
ALTER TABLE users
  MODIFY role ENUM('citizen','admin','liaison','coordinator','supervisor',
                   'operations') NOT NULL DEFAULT 'citizen';

-- "About the portal": routed to the ministry that runs it, answered
-- within 5 working days whatever the matrix says (art. 5-ط).
INSERT INTO request_types (code, name_ar, name_en, active, confidential_default, position)
VALUES ('portal', 'بخصوص البوابة نفسها', 'About the portal', 1, 0, 90);

-- The time-frame matrix gives a limit in working days or in working
-- hours (hours that fall on working days: fcgi/domain/request.c); the
-- two amounts keep their old column names and are counted in unit.
-- Critical requests are answered within hours.
ALTER TABLE sla_matrix
  ADD COLUMN unit ENUM('days','hours') NOT NULL DEFAULT 'days',
  ADD COLUMN updated_at DATETIME NULL,
  ADD COLUMN updated_by BIGINT UNSIGNED NULL,
  ADD CONSTRAINT fk_sla_matrix_updated_by FOREIGN KEY (updated_by) REFERENCES users (id);
UPDATE sla_matrix SET unit = 'hours', reply_working_days = 8, solve_working_days = 24
 WHERE priority = 'critical';

-- A request keeps the limit it was given when it got its due date
-- (reply_limit in reply_unit): editing the matrix later changes no
-- classified request.  first_answered_at and sla_met (1: the first
-- reply came by due_at; 0: it came late, or the request was escalated)
-- are what the KPI dashboard counts (issue 14).  unit_entity_id is the
-- sub-department the request was forwarded to (unit keeps its name as
-- it was).  tracking_hash: SHA-256 of the normalised tracking code of
-- an anonymous report (the code itself is shown once, never stored).
ALTER TABLE requests
  ADD COLUMN tracking_hash BINARY(32) NULL AFTER requester_nonce,
  ADD COLUMN unit_entity_id BIGINT UNSIGNED NULL AFTER unit,
  ADD COLUMN reply_limit INT NULL AFTER solve_due_at,
  ADD COLUMN reply_unit ENUM('days','hours') NULL AFTER reply_limit,
  ADD COLUMN first_answered_at DATETIME NULL AFTER answered_at,
  ADD COLUMN sla_met TINYINT(1) NULL AFTER first_answered_at,
  ADD UNIQUE KEY requests_tracking (tracking_hash),
  ADD KEY requests_ops (state, escalation_level, reopened_count, id),
  ADD KEY requests_unit (unit_entity_id),
  ADD CONSTRAINT fk_requests_unit_entity FOREIGN KEY (unit_entity_id) REFERENCES entities (id),
  ADD CONSTRAINT ck_requests_anonymous CHECK (tracking_hash IS NULL OR requester_id IS NULL);

-- Every step of a request is an event; reassignment by the operations
-- room and attachments are steps too.
ALTER TABLE request_events
  MODIFY kind ENUM('state','note','reply','escalation','rating','assign') NOT NULL;
