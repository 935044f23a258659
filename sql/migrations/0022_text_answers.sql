-- Issue 12: free-text answers of surveys are listed publicly only after
-- moderation, like comments (Tawasul art. 9-ب): each answer carrying a
-- text has a moderation status; a rejection names the published
-- principle it does not meet, and who decided and when are kept.
-- Answers without a text keep 'pending', never read.
ALTER TABLE answers
  ADD COLUMN text_status ENUM('pending','approved','rejected') NOT NULL
    DEFAULT 'pending',
  ADD COLUMN text_reason_id INT UNSIGNED NULL,
  ADD COLUMN text_moderated_by BIGINT UNSIGNED NULL,
  ADD COLUMN text_moderated_at DATETIME NULL,
  ADD KEY answers_text_status (text_status, id),
  ADD CONSTRAINT fk_answers_text_reason FOREIGN KEY (text_reason_id)
    REFERENCES moderation_reasons (id),
  ADD CONSTRAINT fk_answers_text_mod FOREIGN KEY (text_moderated_by)
    REFERENCES users (id);
