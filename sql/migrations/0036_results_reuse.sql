-- Issue 17: the public results pages (/consultations/N/results and
-- /consultations/N/survey/results) kept whole by each public worker like
-- the consultation page (http_page_reuse), after one statement
-- (results_gens, sql/queries/results.sql) that reads no more rows with
-- 100,000 responses than with one.
--
-- A survey's responses, counted where they are written.  The results
-- page counted them (COUNT(*) over the activity's responses, 38 ms at
-- 100,000) on every view.  Each response adds to the shard of its id
-- (id modulo 16, so answers arriving together do not wait on one row):
-- `responses` is how many there are, `writes` how many times a response
-- was stored, changed or deleted — a number that only grows, the stamp
-- of the results page, since each of those writes changes the results
-- (answer_counts and question_stats are written with their response,
-- in its transaction: survey_submit).  Kept by triggers, so responses
-- made by a script or by SQL count like those of the form.
CREATE TABLE response_counts (
  activity_id BIGINT UNSIGNED NOT NULL,
  shard TINYINT UNSIGNED NOT NULL,
  responses INT NOT NULL DEFAULT 0,
  writes BIGINT UNSIGNED NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, shard),
  CONSTRAINT fk_response_counts_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB;

INSERT INTO response_counts (activity_id, shard, responses, writes)
SELECT activity_id, id % 16, COUNT(*), COUNT(*)
  FROM responses GROUP BY activity_id, id % 16;

-- One response more (p_n 1), less (-1) or changed (0) in activity p_act.
CREATE PROCEDURE response_count(IN p_act BIGINT UNSIGNED,
    IN p_id BIGINT UNSIGNED, IN p_n INT)
  INSERT INTO response_counts (activity_id, shard, responses, writes)
  VALUES (p_act, p_id % 16, p_n, 1)
  ON DUPLICATE KEY UPDATE responses = responses + p_n, writes = writes + 1;

CREATE TRIGGER rc_responses_ins AFTER INSERT ON responses FOR EACH ROW
  CALL response_count(NEW.activity_id, NEW.id, 1);

CREATE TRIGGER rc_responses_upd AFTER UPDATE ON responses FOR EACH ROW
BEGIN
  IF OLD.activity_id <> NEW.activity_id THEN
    CALL response_count(OLD.activity_id, OLD.id, -1);
    CALL response_count(NEW.activity_id, NEW.id, 1);
  ELSE
    CALL response_count(NEW.activity_id, NEW.id, 0);
  END IF;
END;

CREATE TRIGGER rc_responses_del AFTER DELETE ON responses FOR EACH ROW
  CALL response_count(OLD.activity_id, OLD.id, -1);

-- A free-text answer's moderation (approved ones are on the results
-- page) or any other change of an answer already stored: its response's
-- shard moves on.  New answers come with their response (above).
CREATE TRIGGER rc_answers_upd AFTER UPDATE ON answers FOR EACH ROW
  INSERT INTO response_counts (activity_id, shard, responses, writes)
  SELECT r.activity_id, r.id % 16, 0, 1 FROM responses r
   WHERE r.id = NEW.response_id
  ON DUPLICATE KEY UPDATE writes = writes + 1;

-- What else the results pages show, under the activity's generation
-- ('activity:N', 0027; 0032 covers the activity's row, its published
-- comments with their positions and replies, their authors' names, its
-- articles and its report's row — the statistics, report_stats, are
-- recomputed whole in a transaction that ends by updating the report's
-- row, an_stats_done): a survey's questions, sections, options, rows,
-- conditions and a poll's results mode; the report's themes, its final
-- document's articles and document; the themes given to comments.
-- Staff edits, a few rows each: one bump per row.
CREATE TRIGGER gen_questions_ins AFTER INSERT ON questions FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_questions_upd AFTER UPDATE ON questions FOR EACH ROW
BEGIN
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
  IF OLD.activity_id <> NEW.activity_id THEN
    CALL gen_bump(CONCAT('activity:', OLD.activity_id));
  END IF;
END;
CREATE TRIGGER gen_questions_del AFTER DELETE ON questions FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', OLD.activity_id));

CREATE TRIGGER gen_question_sections_ins AFTER INSERT ON question_sections FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_question_sections_upd AFTER UPDATE ON question_sections FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_question_sections_del AFTER DELETE ON question_sections FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', OLD.activity_id));

CREATE TRIGGER gen_question_conditions_ins AFTER INSERT ON question_conditions FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_question_conditions_upd AFTER UPDATE ON question_conditions FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_question_conditions_del AFTER DELETE ON question_conditions FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', OLD.activity_id));

CREATE TRIGGER gen_poll_settings_ins AFTER INSERT ON poll_settings FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_poll_settings_upd AFTER UPDATE ON poll_settings FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', NEW.activity_id));
CREATE TRIGGER gen_poll_settings_del AFTER DELETE ON poll_settings FOR EACH ROW
  CALL gen_bump(CONCAT('activity:', OLD.activity_id));

-- Rows under a question, a report or a comment: the activity of theirs.
-- An option's `votes` alone changes no page (results come from
-- answer_counts), so it bumps nothing.
CREATE PROCEDURE gen_bump_question(IN p_question BIGINT UNSIGNED)
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', q.activity_id), 1 FROM questions q
   WHERE q.id = p_question
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE PROCEDURE gen_bump_report(IN p_report BIGINT UNSIGNED)
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', r.activity_id), 1 FROM reports r
   WHERE r.id = p_report
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE PROCEDURE gen_bump_comment(IN p_comment BIGINT UNSIGNED)
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', c.activity_id), 1 FROM comments c
   WHERE c.id = p_comment AND c.status = 'published'
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_question_options_ins AFTER INSERT ON question_options FOR EACH ROW
  CALL gen_bump_question(NEW.question_id);
CREATE TRIGGER gen_question_options_upd AFTER UPDATE ON question_options FOR EACH ROW
BEGIN
  IF NOT (OLD.label_ar <=> NEW.label_ar AND OLD.label_en <=> NEW.label_en
          AND OLD.position <=> NEW.position
          AND OLD.question_id <=> NEW.question_id) THEN
    CALL gen_bump_question(NEW.question_id);
  END IF;
END;
CREATE TRIGGER gen_question_options_del AFTER DELETE ON question_options FOR EACH ROW
  CALL gen_bump_question(OLD.question_id);

CREATE TRIGGER gen_question_rows_ins AFTER INSERT ON question_rows FOR EACH ROW
  CALL gen_bump_question(NEW.question_id);
CREATE TRIGGER gen_question_rows_upd AFTER UPDATE ON question_rows FOR EACH ROW
  CALL gen_bump_question(NEW.question_id);
CREATE TRIGGER gen_question_rows_del AFTER DELETE ON question_rows FOR EACH ROW
  CALL gen_bump_question(OLD.question_id);

CREATE TRIGGER gen_report_topics_ins AFTER INSERT ON report_topics FOR EACH ROW
  CALL gen_bump_report(NEW.report_id);
CREATE TRIGGER gen_report_topics_upd AFTER UPDATE ON report_topics FOR EACH ROW
  CALL gen_bump_report(NEW.report_id);
CREATE TRIGGER gen_report_topics_del AFTER DELETE ON report_topics FOR EACH ROW
  CALL gen_bump_report(OLD.report_id);

CREATE TRIGGER gen_report_articles_ins AFTER INSERT ON report_articles FOR EACH ROW
  CALL gen_bump_report(NEW.report_id);
CREATE TRIGGER gen_report_articles_upd AFTER UPDATE ON report_articles FOR EACH ROW
  CALL gen_bump_report(NEW.report_id);
CREATE TRIGGER gen_report_articles_del AFTER DELETE ON report_articles FOR EACH ROW
  CALL gen_bump_report(OLD.report_id);

CREATE TRIGGER gen_comment_topics_ins AFTER INSERT ON comment_topics FOR EACH ROW
  CALL gen_bump_comment(NEW.comment_id);
CREATE TRIGGER gen_comment_topics_del AFTER DELETE ON comment_topics FOR EACH ROW
  CALL gen_bump_comment(OLD.comment_id);

-- The report's final document: its name and size are on the page.
CREATE TRIGGER gen_uploads_report_upd AFTER UPDATE ON uploads FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', r.activity_id), 1
    FROM reports r WHERE r.final_document_upload_id = NEW.id
  ON DUPLICATE KEY UPDATE gen = gen + 1;
