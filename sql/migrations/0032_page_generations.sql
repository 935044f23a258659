-- Issue 17: an activity's generation ('activity:N', 0027) also covers
-- its published comments as its public page shows them, so that page can
-- be kept by each worker whole (http_page_reuse) and its first comments
-- with it, and still change on the next request after any of these:
--
--   a comment published, changed while published (the agency's position
--   and reply, its text, its article), taken back or deleted;
--   the name, organisation, kind or erasure of an account with published
--   comments (the comments show their author) or that wrote the activity;
--   any change of the activity's own row but its two comment counters
--   (below), or of its document's upload.
--
-- A comment that is only received (pending) or rejected changes no public
-- page: a campaign of new comments leaves the cached pages alone until
-- moderation publishes them.  The page's one statement (consult_gens)
-- reads the generations and the count of participants, which a new
-- participant's first comment moves; entities are the site's generation
-- (0027).  A new generation, 'activities', covers the public lists (below).

-- One generation moved on: every trigger below says it with this.
CREATE PROCEDURE gen_bump(IN p_name VARCHAR(40))
  INSERT INTO generations (name, gen) VALUES (p_name, 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_comments_ins AFTER INSERT ON comments FOR EACH ROW
BEGIN
  IF NEW.status = 'published' THEN
    CALL gen_bump(CONCAT('activity:', NEW.activity_id));
  END IF;
END;

CREATE TRIGGER gen_comments_upd AFTER UPDATE ON comments FOR EACH ROW
BEGIN
  IF OLD.status = 'published' OR NEW.status = 'published' THEN
    CALL gen_bump(CONCAT('activity:', NEW.activity_id));
    IF OLD.activity_id <> NEW.activity_id THEN
      CALL gen_bump(CONCAT('activity:', OLD.activity_id));
    END IF;
  END IF;
END;

CREATE TRIGGER gen_comments_del AFTER DELETE ON comments FOR EACH ROW
BEGIN
  IF OLD.status = 'published' THEN
    CALL gen_bump(CONCAT('activity:', OLD.activity_id));
  END IF;
END;

CREATE TRIGGER gen_users_upd AFTER UPDATE ON users FOR EACH ROW
BEGIN
  IF NOT (OLD.full_name <=> NEW.full_name AND OLD.org_name <=> NEW.org_name
          AND OLD.kind <=> NEW.kind AND OLD.deleted_at <=> NEW.deleted_at) THEN
    INSERT INTO generations (name, gen)
    SELECT CONCAT('activity:', x.id), 1
      FROM (SELECT c.activity_id AS id FROM comments c
             WHERE c.user_id = NEW.id AND c.status = 'published'
            UNION
            SELECT a.id FROM activities a WHERE a.author_id = NEW.id) x
    ON DUPLICATE KEY UPDATE gen = gen + 1;
  END IF;
END;

-- The activity's own row: every column but the two counters a new
-- comment moves (comments_pending, which no public page shows, and
-- participants, which consult_gens reads fresh).  A column added to
-- activities later must be added here: tests/http/178_page_reuse.py
-- checks that this list is every column but those two.
CREATE TRIGGER gen_activities_upd AFTER UPDATE ON activities FOR EACH ROW
BEGIN
  IF NOT (OLD.id <=> NEW.id
          AND OLD.kind <=> NEW.kind
          AND OLD.entity_id <=> NEW.entity_id
          AND OLD.author_id <=> NEW.author_id
          AND OLD.audience <=> NEW.audience
          AND OLD.urgent <=> NEW.urgent
          AND OLD.state <=> NEW.state
          AND OLD.title_ar <=> NEW.title_ar
          AND OLD.title_en <=> NEW.title_en
          AND OLD.summary_ar <=> NEW.summary_ar
          AND OLD.summary_en <=> NEW.summary_en
          AND OLD.objectives_ar <=> NEW.objectives_ar
          AND OLD.objectives_en <=> NEW.objectives_en
          AND OLD.announcements_ar <=> NEW.announcements_ar
          AND OLD.announcements_en <=> NEW.announcements_en
          AND OLD.doc_kind <=> NEW.doc_kind
          AND OLD.document_upload_id <=> NEW.document_upload_id
          AND OLD.publish_at <=> NEW.publish_at
          AND OLD.closes_at <=> NEW.closes_at
          AND OLD.original_closes_at <=> NEW.original_closes_at
          AND OLD.results_due_at <=> NEW.results_due_at
          AND OLD.final_publication_at <=> NEW.final_publication_at
          AND OLD.extended_seconds <=> NEW.extended_seconds
          AND OLD.return_reason <=> NEW.return_reason
          AND OLD.search_text <=> NEW.search_text
          AND OLD.comments_published <=> NEW.comments_published
          AND OLD.target_group_size <=> NEW.target_group_size
          AND OLD.version <=> NEW.version
          AND OLD.created_at <=> NEW.created_at
          AND OLD.updated_at <=> NEW.updated_at
          AND OLD.original_period_days <=> NEW.original_period_days
          AND OLD.extended_days <=> NEW.extended_days
          AND OLD.unlisted <=> NEW.unlisted
          AND OLD.report_due_at <=> NEW.report_due_at
          AND OLD.report_days_late <=> NEW.report_days_late) THEN
    CALL gen_bump(CONCAT('activity:', NEW.id));
    CALL gen_bump('activities');
  END IF;
END;

-- 'activities': the public lists of activities (the home page,
-- /consultations), which any activity's row, a new or deleted activity and
-- an activity's sectors (the sector filter) change.
CREATE TRIGGER gen_activities_ins AFTER INSERT ON activities FOR EACH ROW
  CALL gen_bump('activities');

CREATE TRIGGER gen_activities_del AFTER DELETE ON activities FOR EACH ROW
  CALL gen_bump('activities');

CREATE TRIGGER gen_activity_sectors_list_ins AFTER INSERT ON activity_sectors FOR EACH ROW
  CALL gen_bump('activities');

CREATE TRIGGER gen_activity_sectors_list_upd AFTER UPDATE ON activity_sectors FOR EACH ROW
  CALL gen_bump('activities');

CREATE TRIGGER gen_activity_sectors_list_del AFTER DELETE ON activity_sectors FOR EACH ROW
  CALL gen_bump('activities');

-- An activity's document: its name and size are on its page.
CREATE TRIGGER gen_uploads_upd AFTER UPDATE ON uploads FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', a.id), 1
    FROM activities a WHERE a.document_upload_id = NEW.id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- An activity's counts of comments awaiting moderation and of
-- participants, in shards: each new comment (comment_store), survey
-- answer (survey_participant_add) and moderation decision
-- (mod_count_decided) adds to the shard of its account (user id modulo
-- 16), and a count is the activity's own column plus its shards
-- (activity_pending, activity_participants: sql/queries/activity.sql).
-- One row per activity made every comment on it wait for the one before
-- it to commit: a campaign on one consultation went one comment at a
-- time.
CREATE TABLE activity_counts (
  activity_id BIGINT UNSIGNED NOT NULL,
  shard TINYINT UNSIGNED NOT NULL,
  pending INT NOT NULL DEFAULT 0,
  participants INT NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, shard),
  CONSTRAINT fk_activity_counts_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB;

-- A new comment's writes in one round trip (comment_submit, issue 17):
-- the activity found still open now (closed since the page read it:
-- SIGNAL 45000, nothing kept), the comment, its fingerprint and its
-- counts.  The search for the comment's group runs before
-- (analysis_group_find).
-- p_bands: the 20 band keys, 8 bytes each, big-endian.
CREATE PROCEDURE comment_fp_store(IN p_activity BIGINT UNSIGNED,
    IN p_id BIGINT UNSIGNED, IN p_norm BINARY(32), IN p_sig VARBINARY(512),
    IN p_grp BIGINT UNSIGNED, IN p_kind VARCHAR(8), IN p_bands VARBINARY(160))
BEGIN
  DECLARE i INT DEFAULT 0;
  UPDATE comments SET norm_hash = p_norm, minhash = p_sig,
         group_id = COALESCE(NULLIF(p_grp, 0), id), group_kind = p_kind
   WHERE id = p_id;
  WHILE i * 8 < LENGTH(p_bands) DO
    INSERT IGNORE INTO comment_bands (activity_id, band, hash, comment_id)
    VALUES (p_activity, i,
            CAST(CONV(HEX(SUBSTRING(p_bands, i * 8 + 1, 8)), 16, 10) AS UNSIGNED),
            p_id);
    SET i = i + 1;
  END WHILE;
END;

CREATE PROCEDURE comment_store(IN p_activity BIGINT UNSIGNED,
    IN p_article BIGINT UNSIGNED, IN p_user BIGINT UNSIGNED, IN p_body TEXT,
    IN p_hash BINARY(32), IN p_due BIGINT, IN p_ip VARCHAR(45),
    IN p_first INT, IN p_norm BINARY(32), IN p_sig VARBINARY(512),
    IN p_grp BIGINT UNSIGNED, IN p_kind VARCHAR(8), IN p_bands VARBINARY(160))
BEGIN
  DECLARE v_open INT;
  DECLARE v_id BIGINT UNSIGNED;
  -- Still open: shared with every other comment, while a closing waits
  -- for them (and they for it).
  SELECT COUNT(*) INTO v_open FROM activities
   WHERE id = p_activity AND state = 'open'
     AND (closes_at IS NULL OR closes_at > UTC_TIMESTAMP())
   LOCK IN SHARE MODE;
  IF v_open = 0 THEN
    SIGNAL SQLSTATE '45000' SET MESSAGE_TEXT = 'the activity is not open';
  END IF;
  INSERT INTO comments (activity_id, article_id, user_id, body, body_hash,
                        status, received_at, moderation_due_at, ip)
  VALUES (p_activity, NULLIF(p_article, 0), p_user, p_body, p_hash, 'pending',
          UTC_TIMESTAMP(), FROM_UNIXTIME(p_due), p_ip);
  SET v_id = LAST_INSERT_ID();
  CALL comment_fp_store(p_activity, v_id, p_norm, p_sig, p_grp, p_kind, p_bands);
  -- Last: the shard's row is held only from here to the commit.
  INSERT INTO activity_counts (activity_id, shard, pending, participants)
  VALUES (p_activity, p_user % 16, 1, p_first)
  ON DUPLICATE KEY UPDATE pending = pending + 1,
                          participants = participants + p_first;
END;
