-- Issue 17: a comment's write path that does not grow with a campaign.
--
-- The limit per client address counted the address's comments in the
-- window from the index comments_ip_recent (ip, received_at), newest
-- first and cut at the limit: with the limit high by default (a NAT
-- address may be a whole campaign, [limits] comment_per_address 1000)
-- every comment of a campaign behind one address read up to 1,000 index
-- entries, each one just written by another comment and so looked up in
-- the clustered index as well (12.6 ms of a POST, 1,229 rows, in
-- make bench's 17-comments).  The address's comments are now counted
-- where they are written: one row per address, minute and shard, the
-- shard the account's (user id modulo 16, as activity_counts of 0032),
-- so that the comments of one address do not queue on one row.  The
-- limit reads the window's rows, at most 16 a minute of the window
-- (comment_guard); comment_store adds one.  Rows older than a day are
-- purged by the tick (comment_rate_purge; the window is at most a day,
-- COMMENT_RATE_MAX_MINUTES).  An erased account's comments keep no
-- address (account.sql); these counts name no account.  The kernel's
-- rate_limits (0007) keep one row per key: every comment from the
-- address would wait there for the one before it to commit.
CREATE TABLE comment_rate (
  ip VARCHAR(45) NOT NULL,
  minute INT UNSIGNED NOT NULL,          -- UNIX_TIMESTAMP() DIV 60
  shard TINYINT UNSIGNED NOT NULL,       -- user id modulo 16
  n INT UNSIGNED NOT NULL,
  PRIMARY KEY (ip, minute, shard),
  KEY comment_rate_minute (minute)
) ENGINE=InnoDB;

-- The windows still open when this runs, counted once from the comments.
INSERT INTO comment_rate (ip, minute, shard, n)
SELECT ip, UNIX_TIMESTAMP(received_at) DIV 60, COALESCE(user_id, 0) % 16, COUNT(*)
  FROM comments
 WHERE ip IS NOT NULL AND received_at > UTC_TIMESTAMP() - INTERVAL 1 DAY
 GROUP BY ip, UNIX_TIMESTAMP(received_at) DIV 60, COALESCE(user_id, 0) % 16;

-- Nothing else reads comments by address.
ALTER TABLE comments DROP KEY comments_ip_recent;

-- A comment's band keys in one statement rather than twenty (0032 had a
-- loop of single-row inserts), for a new comment and for the reindex.
CREATE PROCEDURE comment_bands_store(IN p_activity BIGINT UNSIGNED,
    IN p_id BIGINT UNSIGNED, IN p_bands VARBINARY(160))
  INSERT IGNORE INTO comment_bands (activity_id, band, hash, comment_id)
  WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
  SELECT p_activity, i,
         CAST(CONV(HEX(SUBSTRING(p_bands, i * 8 + 1, 8)), 16, 10) AS UNSIGNED),
         p_id
    FROM n WHERE i * 8 < LENGTH(p_bands);

-- The fingerprint of a comment already stored (sharekctl reindex).
DROP PROCEDURE comment_fp_store;
CREATE PROCEDURE comment_fp_store(IN p_activity BIGINT UNSIGNED,
    IN p_id BIGINT UNSIGNED, IN p_norm BINARY(32), IN p_sig VARBINARY(512),
    IN p_grp BIGINT UNSIGNED, IN p_kind VARCHAR(8), IN p_bands VARBINARY(160))
BEGIN
  UPDATE comments SET norm_hash = p_norm, minhash = p_sig,
         group_id = COALESCE(NULLIF(p_grp, 0), id), group_kind = p_kind
   WHERE id = p_id;
  CALL comment_bands_store(p_activity, p_id, p_bands);
END;

-- The comment's writes (0032): the comment is inserted with its
-- fingerprint and group, so that a campaign's comment, which joins a
-- group, is written once (0032 inserted it, then changed four of its
-- columns and three of its indexes); only a comment that starts its own
-- group is then given its own id as the group's.  And its count for the
-- address's limit.
DROP PROCEDURE comment_store;
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
                        status, received_at, moderation_due_at, ip,
                        norm_hash, minhash, group_id, group_kind)
  VALUES (p_activity, NULLIF(p_article, 0), p_user, p_body, p_hash, 'pending',
          UTC_TIMESTAMP(), FROM_UNIXTIME(p_due), p_ip,
          p_norm, p_sig, NULLIF(p_grp, 0), p_kind);
  SET v_id = LAST_INSERT_ID();
  IF p_grp = 0 THEN
    UPDATE comments SET group_id = v_id WHERE id = v_id;
  END IF;
  CALL comment_bands_store(p_activity, v_id, p_bands);
  -- Last: the shards' rows are held only from here to the commit, and
  -- both are the account's shard, so the comments that wait for each
  -- other are the same for both.
  IF p_ip IS NOT NULL THEN
    INSERT INTO comment_rate (ip, minute, shard, n)
    VALUES (p_ip, UNIX_TIMESTAMP() DIV 60, p_user % 16, 1)
    ON DUPLICATE KEY UPDATE n = n + 1;
  END IF;
  INSERT INTO activity_counts (activity_id, shard, pending, participants)
  VALUES (p_activity, p_user % 16, 1, p_first)
  ON DUPLICATE KEY UPDATE pending = pending + 1,
                          participants = participants + p_first;
END;

-- The calendar a comment's moderation deadline is counted on (the
-- weekend days of settings, the holidays of 0027) is read from each
-- worker's cache under the site's generation (calendar_load): settings,
-- which only the calendar page writes, move it too.
CREATE TRIGGER gen_settings_ins AFTER INSERT ON settings FOR EACH ROW
  CALL gen_bump('site');

CREATE TRIGGER gen_settings_upd AFTER UPDATE ON settings FOR EACH ROW
  CALL gen_bump('site');

CREATE TRIGGER gen_settings_del AFTER DELETE ON settings FOR EACH ROW
  CALL gen_bump('site');
