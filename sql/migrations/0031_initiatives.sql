-- Sharek schema, part 31: citizen initiatives end to end (issue 19;
-- domain.md §2, the collaboration axis).
--
-- States (fcgi/domain/initiative.h): draft (the author waits for the
-- co-promoters' confirmations) → pending (submitted; the entity's
-- liaison officer admits or refuses it by admit_due_at, working days)
-- → published (admitted, collecting supports until supports_close_at)
-- or rejected (refuse_reason is public) → threshold (supports reached
-- the threshold at reached_at; the entity owes its answer by
-- answer_due_at) or closed (the period ended below the threshold) →
-- answered (entity_reply_ar/en and outcome published at replied_at).
-- The old 'adopted' is an answer whose outcome is 'adopted': rows are
-- moved to 'answered' (the name stays in the list for older seed data,
-- which sql/seed/demo-19-initiatives.sql moves the same way).
ALTER TABLE initiatives
  MODIFY COLUMN state ENUM('draft','pending','published','rejected','adopted',
    'threshold','answered','closed') NOT NULL DEFAULT 'pending';
UPDATE initiatives SET state = 'answered' WHERE state = 'adopted';
ALTER TABLE initiatives
  ADD COLUMN ask TEXT NULL AFTER body,
  ADD COLUMN category VARCHAR(40) NULL AFTER ask,
  ADD COLUMN submitted_at DATETIME NULL,
  ADD COLUMN admit_due_at DATETIME NULL,
  ADD COLUMN refuse_reason TEXT NULL,
  ADD COLUMN supports_open_at DATETIME NULL,
  ADD COLUMN supports_close_at DATETIME NULL,
  ADD COLUMN threshold INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN paper_supports INT UNSIGNED NOT NULL DEFAULT 0,
  ADD COLUMN reached_at DATETIME NULL,
  ADD COLUMN answer_due_at DATETIME NULL,
  ADD COLUMN answer_days_late INT NOT NULL DEFAULT 0,
  ADD COLUMN outcome ENUM('adopted','partly','declined') NULL,
  ADD COLUMN replied_by BIGINT UNSIGNED NULL,
  ADD KEY initiatives_due (state, answer_due_at),
  ADD KEY initiatives_close (state, supports_close_at),
  ADD CONSTRAINT fk_initiatives_replied_by FOREIGN KEY (replied_by) REFERENCES users (id);
UPDATE initiatives SET outcome = 'adopted' WHERE state = 'answered' AND outcome IS NULL;
UPDATE initiatives SET submitted_at = created_at WHERE state <> 'draft' AND submitted_at IS NULL;

-- An entity's rules for the initiatives addressed to it; an entity
-- without a row has the defaults of initiative.h (INI_DEFAULT_*).
CREATE TABLE initiative_rules (
  entity_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  admit_days INT UNSIGNED NOT NULL,	-- working days to admit or refuse
  support_days INT UNSIGNED NOT NULL,	-- calendar days of the support period
  threshold INT UNSIGNED NOT NULL,	-- supports (online + paper) that oblige an answer
  answer_days INT UNSIGNED NOT NULL,	-- working days to answer once reached
  updated_at DATETIME NOT NULL,
  CONSTRAINT ck_initiative_rules CHECK (admit_days >= 1 AND support_days >= 1
    AND threshold >= 1 AND answer_days >= 1),
  CONSTRAINT fk_initiative_rules_entity FOREIGN KEY (entity_id) REFERENCES entities (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Co-promoters named by the author; each confirms through a signed link
-- sent by e-mail (auth_mac of the initiative and the address).
CREATE TABLE initiative_promoters (
  initiative_id BIGINT UNSIGNED NOT NULL,
  email VARCHAR(254) NOT NULL,
  confirmed_at DATETIME NULL,
  PRIMARY KEY (initiative_id, email),
  CONSTRAINT fk_initiative_promoters_initiative FOREIGN KEY (initiative_id) REFERENCES initiatives (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Paper supports entered by staff in batches (counted in
-- initiatives.paper_supports in the same transaction).
CREATE TABLE initiative_paper_batches (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  initiative_id BIGINT UNSIGNED NOT NULL,
  batch VARCHAR(100) NOT NULL,
  supports INT UNSIGNED NOT NULL,
  entered_by BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY initiative_paper_initiative (initiative_id, id),
  CONSTRAINT ck_initiative_paper CHECK (supports >= 1),
  CONSTRAINT fk_initiative_paper_initiative FOREIGN KEY (initiative_id) REFERENCES initiatives (id),
  CONSTRAINT fk_initiative_paper_by FOREIGN KEY (entered_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A budget is opened by its entity through the review chain of the
-- consultations (activity_next, fcgi/domain/activity.h): a supervisor
-- drafts it (budgets.state 'draft', never public), submits it to the
-- coordinator, who forwards it to the liaison officer or returns it with
-- a reason; the liaison officer's approval makes it 'open' (public, its
-- phases by their dates).  review_state holds the chain's state by the
-- names of activity states; budgets made before this are past it.
ALTER TABLE budgets
  ADD COLUMN review_state VARCHAR(20) NOT NULL DEFAULT 'scheduled',
  ADD COLUMN return_reason TEXT NULL;
