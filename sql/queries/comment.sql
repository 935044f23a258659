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

-- name: comment_guard
-- Everything comment_submit reads before it stores a comment, in one
-- statement (issue 17: one round trip where there were five):
--   article_ok     :article (0: the whole document) is one of :activity's
--                  articles (primary key);
--   duplicate      the same text by the same user on the same article
--                  within :dup_minutes (index (user_id, activity_id,
--                  body_hash) of 0001: a user's own comments there);
--   user_n, ip_n   the user's and the address's comments within the last
--                  :minutes, counted up to their limit (:cap_user,
--                  :cap_ip): a range of comments_user_recent (user_id,
--                  received_at) and comments_ip_recent (ip, received_at)
--                  read newest first and cut at the limit, so a check
--                  reads at most the limit's index entries however many
--                  comments the table or the window holds;
--   *_retry_seconds when the limit-th newest leaves the window, i.e.
--                  when the next comment would be taken;
--   first_comment  1 for the user's first comment on the activity (the
--                  counter of participants), by the same (user_id,
--                  activity_id, …) index.
-- Measured (ANALYZE) at 1,000,040 comments, 500,000 of them by one user
-- (200 in the window) and all 1,000,000 from one address (500,000 in the
-- window): the statement read 10, 1,000, 1 and 1 index entries in 1.6 ms
-- (limits 10 and 1,000).  The indexes are those of 0001 and 0002.
-- param: user u, activity u, article u, hash b, dup_minutes i, minutes i, ip s, cap_user i, cap_ip i
SELECT :article = 0 OR EXISTS (SELECT 1 FROM articles
         WHERE id = :article AND activity_id = :activity) AS article_ok,
       EXISTS (SELECT 1 FROM comments
         WHERE user_id = :user AND activity_id = :activity
           AND body_hash = :hash AND article_id <=> NULLIF(:article, 0)
           AND received_at > UTC_TIMESTAMP() - INTERVAL :dup_minutes MINUTE) AS duplicate,
       ru.n AS user_n, ru.retry_seconds AS user_retry_seconds,
       ri.n AS ip_n, ri.retry_seconds AS ip_retry_seconds,
       NOT EXISTS (SELECT 1 FROM comments
         WHERE user_id = :user AND activity_id = :activity) AS first_comment
  FROM (SELECT COUNT(*) AS n,
               COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                        MIN(w.received_at) + INTERVAL :minutes MINUTE), 0) AS retry_seconds
          FROM (SELECT received_at FROM comments
                 WHERE user_id = :user
                   AND received_at > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE
                 ORDER BY received_at DESC LIMIT :cap_user) w) ru
 CROSS JOIN
       (SELECT COUNT(*) AS n,
               COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                        MIN(w.received_at) + INTERVAL :minutes MINUTE), 0) AS retry_seconds
          FROM (SELECT received_at FROM comments
                 WHERE ip = :ip
                   AND received_at > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE
                 ORDER BY received_at DESC LIMIT :cap_ip) w) ri;

-- name: comment_store
-- The new comment's writes, in one round trip (the procedure of
-- sql/migrations/0032_page_generations.sql): the counters (:first is 1
-- for the user's first comment on the activity), which find the activity
-- still open as it is now (closed since the page read it: error
-- DB_ER_SIGNAL, nothing kept), the comment as pending (:article 0: on the
-- whole document; :due_unix: the moderation deadline), its fingerprint
-- and group (:grp 0: a group of its own; :bands: the band keys,
-- analysis_group_bands).
-- param: activity u, article u, user u, body s, hash b, due_unix i, ip s, first i, norm b, sig b, grp u, kind s, bands b
CALL comment_store(:activity, :article, :user, :body, :hash, :due_unix, :ip,
                   :first, :norm, :sig, :grp, :kind, :bands);
