-- Issue 17: a campaign's band keys stop growing once they can no longer
-- change a group.
--
-- A comment's campaign group is decided by the ANALYSIS_CANDIDATES (8)
-- oldest earlier comments that share one of its 20 band keys
-- (an_group_find): of any key, only its first 9 entries (8, and the
-- comment itself when it is fingerprinted again) can ever be among them.
-- Every comment of a campaign still wrote all its 20 keys, so the keys a
-- campaign shares held one entry per comment (12,904 for one key of the
-- bench data's consultation, 350,140 entries for its 100,000 comments),
-- and the look-up needed one sub-query a key (21 in a UNION, 1.8 ms of a
-- POST with one client, the most expensive statement of a comment) to
-- read only their first entries.  Now a key keeps its first 9 entries
-- (ANALYSIS_KEY_KEEP): the look-up (an_group_keys) reads the keys'
-- entries and tells which of the comment's keys are full, and the store
-- writes only the others, none for a campaign's comment whose keys are
-- all taken.  The look-up is one range
-- read of at most 20 x 9 entries (a few more when comments are stored at
-- the same moment), and the table grows with the distinct texts, not
-- with the comments.  The candidates are the same as before: the oldest
-- 8 entries of all the keys together are among each key's oldest 9.
--
-- p_full: the bands whose key already holds 9 entries (bit i for band
-- i); 0 for a comment the look-up found no entry for.

-- The entries beyond the 9 oldest of each key, which no look-up reads.
DELETE b FROM comment_bands b
  JOIN (SELECT activity_id, band, hash, comment_id,
               ROW_NUMBER() OVER (PARTITION BY activity_id, band, hash
                                  ORDER BY comment_id) AS r
          FROM comment_bands) x
    USING (activity_id, band, hash, comment_id)
 WHERE x.r > 9;

DROP PROCEDURE comment_bands_store;
-- A campaign's comment whose keys are all full writes none, and runs no
-- statement for them.
CREATE PROCEDURE comment_bands_store(IN p_activity BIGINT UNSIGNED,
    IN p_id BIGINT UNSIGNED, IN p_bands VARBINARY(160), IN p_full INT UNSIGNED)
BEGIN
  IF p_full <> (1 << (LENGTH(p_bands) DIV 8)) - 1 THEN
    INSERT IGNORE INTO comment_bands (activity_id, band, hash, comment_id)
    WITH RECURSIVE n (i) AS (SELECT 0 UNION ALL SELECT i + 1 FROM n WHERE i < 19)
    SELECT p_activity, i,
           CAST(CONV(HEX(SUBSTRING(p_bands, i * 8 + 1, 8)), 16, 10) AS UNSIGNED),
           p_id
      FROM n WHERE i * 8 < LENGTH(p_bands) AND (p_full >> i) & 1 = 0;
  END IF;
END;

DROP PROCEDURE comment_fp_store;
CREATE PROCEDURE comment_fp_store(IN p_activity BIGINT UNSIGNED,
    IN p_id BIGINT UNSIGNED, IN p_norm BINARY(32), IN p_sig VARBINARY(512),
    IN p_grp BIGINT UNSIGNED, IN p_kind VARCHAR(8), IN p_bands VARBINARY(160),
    IN p_full INT UNSIGNED)
BEGIN
  UPDATE comments SET norm_hash = p_norm, minhash = p_sig,
         group_id = COALESCE(NULLIF(p_grp, 0), id), group_kind = p_kind
   WHERE id = p_id;
  CALL comment_bands_store(p_activity, p_id, p_bands, p_full);
END;

-- As 0035's, with p_full.
DROP PROCEDURE comment_store;
CREATE PROCEDURE comment_store(IN p_activity BIGINT UNSIGNED,
    IN p_article BIGINT UNSIGNED, IN p_user BIGINT UNSIGNED, IN p_body TEXT,
    IN p_hash BINARY(32), IN p_due BIGINT, IN p_ip VARCHAR(45),
    IN p_first INT, IN p_norm BINARY(32), IN p_sig VARBINARY(512),
    IN p_grp BIGINT UNSIGNED, IN p_kind VARCHAR(8), IN p_bands VARBINARY(160),
    IN p_full INT UNSIGNED)
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
  CALL comment_bands_store(p_activity, v_id, p_bands, p_full);
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
