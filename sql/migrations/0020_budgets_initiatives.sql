-- Sharek schema, part 20: participatory budgeting (issue 19; domain.md
-- §2, the collaboration axis).  Additive only.
--
-- A budget's rules: how a voter selects (ballot_rule: 'knapsack' — the
-- selected costs fit in the total; 'approval' — at most max_projects),
-- how winners are computed (method: 'greedy' by votes within the total,
-- or 'mes', the Method of Equal Shares completed by greedy; see
-- fcgi/domain/budget.h), optional bounds, and a minimum of votes for a
-- project to win.  Money is DECIMAL(15,3); the code counts in minor
-- units (1/1000).  Phases: proposals until proposals_close_at, technical
-- review until opens_at, voting opens_at … closes_at, then results.
ALTER TABLE budgets
  ADD COLUMN currency CHAR(3) NOT NULL DEFAULT 'JOD' AFTER total_amount,
  ADD COLUMN area_ar VARCHAR(200) NULL AFTER currency,
  ADD COLUMN area_en VARCHAR(200) NULL AFTER area_ar,
  ADD COLUMN ballot_rule ENUM('knapsack','approval') NOT NULL DEFAULT 'knapsack',
  ADD COLUMN method ENUM('greedy','mes') NOT NULL DEFAULT 'greedy',
  ADD COLUMN min_projects INT NOT NULL DEFAULT 0,
  ADD COLUMN max_projects INT NOT NULL DEFAULT 0,
  ADD COLUMN min_share_pct INT NOT NULL DEFAULT 0,
  ADD COLUMN min_votes INT NOT NULL DEFAULT 0,
  ADD COLUMN proposals_close_at DATETIME NULL,
  ADD CONSTRAINT ck_budgets_bounds CHECK (min_projects >= 0 AND max_projects >= 0
    AND min_share_pct BETWEEN 0 AND 100 AND min_votes >= 0);

-- A project's technical review (feasible or not, with a public reason
-- and a corrected cost), who proposed it, where, and a staff override of
-- the computed result (override_won) with its public reason.
ALTER TABLE budget_projects
  ADD COLUMN location VARCHAR(300) NULL,
  ADD COLUMN proposed_by BIGINT UNSIGNED NULL,
  ADD COLUMN feasible TINYINT(1) NOT NULL DEFAULT 1,
  ADD COLUMN review_reason TEXT NULL,
  ADD COLUMN override_won TINYINT(1) NULL,
  ADD COLUMN override_reason TEXT NULL,
  ADD CONSTRAINT fk_budget_projects_proposed_by FOREIGN KEY (proposed_by) REFERENCES users (id);

-- One ballot per account and budget (the unique key), replaced whole
-- while voting is open; its selections stay in budget_votes.
CREATE TABLE budget_ballots (
  budget_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  changes INT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (budget_id, user_id),
  CONSTRAINT fk_budget_ballots_budget FOREIGN KEY (budget_id) REFERENCES budgets (id),
  CONSTRAINT fk_budget_ballots_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Paper ballots entered by staff in batches: one row per distinct
-- selection with its number of copies, its projects beside it.
CREATE TABLE budget_paper_ballots (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  budget_id BIGINT UNSIGNED NOT NULL,
  batch VARCHAR(100) NOT NULL,
  copies INT UNSIGNED NOT NULL,
  entered_by BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY budget_paper_ballots_budget (budget_id, id),
  CONSTRAINT ck_budget_paper_copies CHECK (copies >= 1),
  CONSTRAINT fk_budget_paper_budget FOREIGN KEY (budget_id) REFERENCES budgets (id),
  CONSTRAINT fk_budget_paper_by FOREIGN KEY (entered_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE budget_paper_choices (
  ballot_id BIGINT UNSIGNED NOT NULL,
  project_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (ballot_id, project_id),
  CONSTRAINT fk_budget_paper_choices_ballot FOREIGN KEY (ballot_id) REFERENCES budget_paper_ballots (id) ON DELETE CASCADE,
  CONSTRAINT fk_budget_paper_choices_project FOREIGN KEY (project_id) REFERENCES budget_projects (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

