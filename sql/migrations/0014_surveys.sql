-- Sharek schema, part 14: surveys, polls and votes on draft laws
-- (issue 12; Tawasul art. 2, Jordan OGP commitment 2).  Additive only:
-- the demo's questions, options, responses and answers stay valid.
--
-- A survey is sections of questions; a question or a section may carry
-- conditions on the answer to an earlier question (literal comparison).
-- Answers are one row per chosen option (matrix: per row; ranking: the
-- option and its position in value), or a value (scale, number, yes/no:
-- 1/0), or a text (short and long text, date as YYYY-MM-DD).  A question
-- shown to a respondent but left unanswered has one empty row, so the
-- export tells "not shown" (no row) from "not answered".
-- The aggregates the results page reads are kept in the writing
-- transaction (answer_counts, question_stats, activity_votes' counters),
-- never recomputed from the answers per page view.

CREATE TABLE question_sections (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  title_ar VARCHAR(300) NOT NULL, title_en VARCHAR(300) NULL,
  intro_ar TEXT NULL, intro_en TEXT NULL,
  KEY question_sections_order (activity_id, position),
  CONSTRAINT fk_question_sections_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- text is the short text; min_choices/max_choices bound a multiple
-- choice; num_min/num_max a number; the scale's ends carry labels.
ALTER TABLE questions
  MODIFY kind ENUM('single','multiple','text','scale','longtext','number',
                   'date','yesno','ranking','matrix') NOT NULL,
  ADD COLUMN section_id BIGINT UNSIGNED NULL AFTER activity_id,
  ADD COLUMN min_choices SMALLINT NULL,
  ADD COLUMN max_choices SMALLINT NULL,
  ADD COLUMN num_min INT NULL,
  ADD COLUMN num_max INT NULL,
  ADD COLUMN low_label_ar VARCHAR(200) NULL,
  ADD COLUMN low_label_en VARCHAR(200) NULL,
  ADD COLUMN high_label_ar VARCHAR(200) NULL,
  ADD COLUMN high_label_en VARCHAR(200) NULL,
  ADD KEY questions_section (section_id),
  ADD CONSTRAINT fk_questions_section FOREIGN KEY (section_id)
    REFERENCES question_sections (id),
  ADD CONSTRAINT ck_questions_choices CHECK (min_choices IS NULL OR
      max_choices IS NULL OR min_choices <= max_choices),
  ADD CONSTRAINT ck_questions_range CHECK (num_min IS NULL OR
      num_max IS NULL OR num_min < num_max);

-- The rows of a matrix (each answered with one of the question's options).
CREATE TABLE question_rows (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  question_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  label_ar VARCHAR(500) NOT NULL, label_en VARCHAR(500) NULL,
  KEY question_rows_order (question_id, position),
  CONSTRAINT fk_question_rows_question FOREIGN KEY (question_id)
    REFERENCES questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Show a question (question_id) or a section (section_id) only when the
-- answer to an earlier question (source_id) equals / does not equal /
-- contains value (an option id for choices, yes|no, a number, a text).
-- Every condition of a target must hold.  A source with conditions on
-- it cannot be deleted (the foreign key has no cascade; the builder says
-- why first).
CREATE TABLE question_conditions (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  question_id BIGINT UNSIGNED NULL,
  section_id BIGINT UNSIGNED NULL,
  source_id BIGINT UNSIGNED NOT NULL,
  op ENUM('eq','ne','contains') NOT NULL,
  value VARCHAR(500) NOT NULL,
  KEY question_conditions_activity (activity_id),
  KEY question_conditions_source (source_id),
  CONSTRAINT ck_question_conditions_one CHECK ((question_id IS NULL) <> (section_id IS NULL)),
  CONSTRAINT fk_question_conditions_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE,
  CONSTRAINT fk_question_conditions_question FOREIGN KEY (question_id)
    REFERENCES questions (id) ON DELETE CASCADE,
  CONSTRAINT fk_question_conditions_section FOREIGN KEY (section_id)
    REFERENCES question_sections (id) ON DELETE CASCADE,
  CONSTRAINT fk_question_conditions_source FOREIGN KEY (source_id)
    REFERENCES questions (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Whether a poll's results are shown to voters after voting or sealed
-- until closing (surveys: after closing).  No row: after voting.
CREATE TABLE poll_settings (
  activity_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  results ENUM('after_vote','sealed') NOT NULL DEFAULT 'after_vote',
  CONSTRAINT fk_poll_settings_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A response changed while open: the latest counts, the change is kept.
ALTER TABLE responses
  ADD COLUMN updated_at DATETIME NULL,
  ADD COLUMN changes INT UNSIGNED NOT NULL DEFAULT 0;

CREATE TABLE response_changes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  response_id BIGINT UNSIGNED NOT NULL,
  activity_id BIGINT UNSIGNED NOT NULL,
  at DATETIME NOT NULL,
  KEY response_changes_response (response_id, at),
  CONSTRAINT fk_response_changes_response FOREIGN KEY (response_id)
    REFERENCES responses (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Answers: a matrix row, wider numbers, one row per (question, row,
-- option) of a response (the empty row of "shown, not answered" too).
ALTER TABLE answers
  ADD COLUMN row_id BIGINT UNSIGNED NULL AFTER question_id,
  MODIFY value INT NULL,
  ADD COLUMN row_key BIGINT UNSIGNED AS (COALESCE(row_id, 0)) STORED,
  ADD COLUMN opt_key BIGINT UNSIGNED AS (COALESCE(option_id, 0)) STORED,
  DROP KEY answers_once,
  ADD UNIQUE KEY answers_once (response_id, question_id, row_key, opt_key),
  ADD KEY answers_row (row_id),
  ADD CONSTRAINT fk_answers_row FOREIGN KEY (row_id) REFERENCES question_rows (id);

-- The distribution of answers: per question, matrix row (0), option (0)
-- and value (0; the scale or number value, yes = 1 / no = 0, a ranking's
-- position): n answers.  Means and medians come from it.
CREATE TABLE answer_counts (
  question_id BIGINT UNSIGNED NOT NULL,
  row_key BIGINT UNSIGNED NOT NULL,
  opt_key BIGINT UNSIGNED NOT NULL,
  value INT NOT NULL,
  n INT NOT NULL DEFAULT 0,
  PRIMARY KEY (question_id, row_key, opt_key, value),
  CONSTRAINT fk_answer_counts_question FOREIGN KEY (question_id)
    REFERENCES questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Per question: responses it was shown to, responses that answered it,
-- and the selections made (multiple choice: counts add up to it).
CREATE TABLE question_stats (
  question_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  shown INT NOT NULL DEFAULT 0,
  answered INT NOT NULL DEFAULT 0,
  selections INT NOT NULL DEFAULT 0,
  CONSTRAINT fk_question_stats_question FOREIGN KEY (question_id)
    REFERENCES questions (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- A vote on a draft (for / against / abstain, an optional reason)
-- attached to a consultation, with its counters; one vote per account.
CREATE TABLE activity_votes (
  activity_id BIGINT UNSIGNED NOT NULL PRIMARY KEY,
  question_ar VARCHAR(500) NOT NULL, question_en VARCHAR(500) NULL,
  votes_for INT NOT NULL DEFAULT 0,
  votes_against INT NOT NULL DEFAULT 0,
  votes_abstain INT NOT NULL DEFAULT 0,
  created_by BIGINT UNSIGNED NULL,
  created_at DATETIME NOT NULL,
  CONSTRAINT fk_activity_votes_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE,
  CONSTRAINT fk_activity_votes_by FOREIGN KEY (created_by) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

CREATE TABLE draft_votes (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  user_id BIGINT UNSIGNED NULL,
  voter_key BINARY(32) NOT NULL,
  choice ENUM('for','against','abstain') NOT NULL,
  reason TEXT NULL,
  at DATETIME NOT NULL,
  updated_at DATETIME NULL,
  changes INT UNSIGNED NOT NULL DEFAULT 0,
  UNIQUE KEY draft_votes_once (activity_id, voter_key),
  UNIQUE KEY draft_votes_user (activity_id, user_id),
  KEY draft_votes_user_id (user_id),
  CONSTRAINT fk_draft_votes_activity FOREIGN KEY (activity_id)
    REFERENCES activity_votes (activity_id) ON DELETE CASCADE,
  CONSTRAINT fk_draft_votes_user FOREIGN KEY (user_id) REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
