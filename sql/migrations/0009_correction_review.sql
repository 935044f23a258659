-- Sharek schema, part 9: corrections of an open activity are reviewed
-- (issue 9, item 2; Tawasul art. 7-ز, 8-د).  Additive only.
--
-- A supervisor's or coordinator's change of the title, summary,
-- objectives or announcements of an open consultation is a pending row
-- of activity_versions holding the proposed texts; the activity keeps
-- its published ones until the entity's liaison officer approves it
-- (fcgi/domain/workflow.c, workflow_correct and
-- workflow_correction_decide).  Approval copies the texts to the
-- activity and numbers the version (activities.version + 1); a
-- rejection keeps its reason for the author; a new correction replaces
-- one still pending (superseded).  The public site lists approved rows
-- only.  Rows from before this migration were published at once: they
-- are approved, with their number.

ALTER TABLE activity_versions
  -- NULL until approved: only published versions are numbered.
  MODIFY version INT UNSIGNED NULL,
  ADD COLUMN status ENUM('pending', 'approved', 'rejected', 'superseded')
    NOT NULL DEFAULT 'approved' AFTER version,
  -- The proposed texts (NULL in rows from before: their text is in
  -- snapshot only).
  ADD COLUMN title_ar VARCHAR(300) NULL,
  ADD COLUMN title_en VARCHAR(300) NULL,
  ADD COLUMN summary_ar TEXT NULL,
  ADD COLUMN summary_en TEXT NULL,
  ADD COLUMN objectives_ar TEXT NULL,
  ADD COLUMN objectives_en TEXT NULL,
  ADD COLUMN announcements_ar TEXT NULL,
  ADD COLUMN announcements_en TEXT NULL,
  -- Who decided and when (approved, rejected; superseded: when).
  ADD COLUMN decided_by BIGINT UNSIGNED NULL,
  ADD COLUMN decided_at DATETIME NULL,
  ADD COLUMN decision_reason TEXT NULL,
  -- At most one pending correction per activity.
  ADD COLUMN pending_of BIGINT UNSIGNED
    AS (IF(status = 'pending', activity_id, NULL)) PERSISTENT,
  ADD UNIQUE KEY activity_versions_one_pending (pending_of),
  ADD KEY activity_versions_decided_by (decided_by),
  ADD CONSTRAINT fk_activity_versions_decided_by
    FOREIGN KEY (decided_by) REFERENCES users (id);
