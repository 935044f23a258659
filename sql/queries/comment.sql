-- The comment record (struct comment, fcgi/domain/comment.h) and the
-- rules of a new comment (comment_submit, fcgi/domain/comment.c).
-- Every statement that returns comments selects
--
--   SELECT /*@comment_columns*/ FROM comments c /*@comment_joins*/
--
-- under "-- shape: comment", and comment_fill() is the one function that
-- reads them.

-- fragment: comment_columns
c.id, c.activity_id, c.article_id, c.user_id, c.body, c.status,
       c.received_at, c.moderation_due_at, c.entity_position,
       c.entity_reply_ar, c.entity_reply_en,
       cu.kind AS author_kind, cu.full_name AS author_name,
       cu.org_name AS author_org,
       cu.deleted_at IS NOT NULL OR cu.id IS NULL AS author_gone,
       car.number_label AS article_label,
       cmr.label_ar AS reject_reason_ar, cmr.label_en AS reject_reason_en,
       ca.title_ar AS activity_title_ar, ca.title_en AS activity_title_en

-- fragment: comment_joins
  JOIN activities ca ON ca.id = c.activity_id
  LEFT JOIN users cu ON cu.id = c.user_id
  LEFT JOIN articles car ON car.id = c.article_id
  LEFT JOIN moderation_reasons cmr ON cmr.id = c.reject_reason_id

-- name: comment_article_ok
-- Whether :article is an article of :activity's document.
-- param: article u, activity u
SELECT COUNT(*) AS n FROM articles WHERE id = :article AND activity_id = :activity;

-- name: comment_duplicate
-- The same text by the same user on the same article (0: the whole
-- document) within :minutes.
-- param: user u, activity u, article u, hash b, minutes i
SELECT COUNT(*) AS n FROM comments
 WHERE user_id = :user AND activity_id = :activity AND article_id <=> NULLIF(:article, 0)
   AND body_hash = :hash
   AND received_at > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE;

-- name: comment_rate_user
-- The user's comments within the last :minutes, counted up to :cap (the
-- limit): a range of index comments_user_recent (user_id, received_at)
-- read newest first and cut at :cap rows, so one check reads at most
-- :cap index entries however many comments the table or the window
-- holds.  retry_seconds: when the :cap-th newest leaves the window, i.e.
-- when the next comment would be taken.
-- param: user u, minutes i, cap i
-- shape: comment_rate
SELECT COUNT(*) AS n,
       COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                MIN(w.received_at) + INTERVAL :minutes MINUTE), 0) AS retry_seconds
  FROM (SELECT received_at FROM comments
         WHERE user_id = :user
           AND received_at > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE
         ORDER BY received_at DESC LIMIT :cap) w;

-- name: comment_rate_ip
-- The same for one client address (index comments_ip_recent (ip,
-- received_at)): a campaign behind one address reads :cap entries.
-- Measured (ANALYZE) with 100,000 comments of one address in the
-- window: the uncut count read 100,000 rows in 189 ms (the per-user one
-- 104 ms), this one 1,000 rows in 0.5 ms (the per-user one 10 in 0.05).
-- param: ip s, minutes i, cap i
-- shape: comment_rate
SELECT COUNT(*) AS n,
       COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                MIN(w.received_at) + INTERVAL :minutes MINUTE), 0) AS retry_seconds
  FROM (SELECT received_at FROM comments
         WHERE ip = :ip
           AND received_at > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE
         ORDER BY received_at DESC LIMIT :cap) w;

-- name: comment_first_by_user
-- Comments the user already made on the activity (0: a new participant).
-- param: activity u, user u
SELECT COUNT(*) AS n FROM comments WHERE activity_id = :activity AND user_id = :user;

-- name: comment_insert
-- :article 0: on the whole document.  :due_unix: the moderation
-- deadline (the connection's time zone is UTC).
-- param: activity u, article u, user u, body s, hash b, due_unix i, ip s
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash,
                      status, received_at, moderation_due_at, ip)
VALUES (:activity, NULLIF(:article, 0), :user, :body, :hash, 'pending', UTC_TIMESTAMP(),
        FROM_UNIXTIME(:due_unix), :ip);

-- name: comment_count_pending
-- The counters the pages show, in the same transaction (:first is 1 for
-- the user's first comment on the activity).
-- param: first i, activity u
UPDATE activities SET comments_pending = comments_pending + 1,
       participants = participants + :first
 WHERE id = :activity;
