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
--   user_n         the user's comments within the last :minutes, counted
--                  up to the limit (:cap_user): a range of
--                  comments_user_recent (user_id, received_at) read
--                  newest first and cut at the limit, so the check reads
--                  at most the limit's index entries however many
--                  comments the table or the window holds;
--   ip_n           the address's comments in the last :minutes minutes
--                  (the minute now and the :minutes - 1 before it) from
--                  its counts, comment_rate (migration 0035): at most 16
--                  rows a minute whatever the campaign behind it;
--   *_retry_seconds when the next comment would be taken: for the user,
--                  when the limit-th newest leaves the window; for the
--                  address, when its oldest counted minute does;
--   first_comment  1 for the user's first comment on the activity (the
--                  counter of participants), by the same (user_id,
--                  activity_id, …) index;
--   has_articles   the activity has a document split into articles (a
--                  survey or poll takes comments only on a document).
-- The address was counted from the comments (an index of 0002 read up to
-- the limit, 1,000): during a campaign behind one address each of those
-- entries was new and cost a look-up in the clustered index too, 12.6 ms
-- of every POST in make bench's 17-comments.
-- param: user u, activity u, article u, hash b, dup_minutes i, minutes i, ip s, cap_user i
SELECT :article = 0 OR EXISTS (SELECT 1 FROM articles
         WHERE id = :article AND activity_id = :activity) AS article_ok,
       EXISTS (SELECT 1 FROM comments
         WHERE user_id = :user AND activity_id = :activity
           AND body_hash = :hash AND article_id <=> NULLIF(:article, 0)
           AND received_at > UTC_TIMESTAMP() - INTERVAL :dup_minutes MINUTE) AS duplicate,
       ru.n AS user_n, ru.retry_seconds AS user_retry_seconds,
       ri.n AS ip_n, ri.retry_seconds AS ip_retry_seconds,
       NOT EXISTS (SELECT 1 FROM comments
         WHERE user_id = :user AND activity_id = :activity) AS first_comment,
       EXISTS (SELECT 1 FROM articles
         WHERE activity_id = :activity) AS has_articles
  FROM (SELECT COUNT(*) AS n,
               COALESCE(TIMESTAMPDIFF(SECOND, UTC_TIMESTAMP(),
                        MIN(w.received_at) + INTERVAL :minutes MINUTE), 0) AS retry_seconds
          FROM (SELECT received_at FROM comments
                 WHERE user_id = :user
                   AND received_at > UTC_TIMESTAMP() - INTERVAL :minutes MINUTE
                 ORDER BY received_at DESC LIMIT :cap_user) w) ru
 CROSS JOIN
       (SELECT COALESCE(SUM(n), 0) AS n,
               GREATEST(COALESCE(CAST(MIN(minute) AS SIGNED) + :minutes, 0) * 60
                        - CAST(UNIX_TIMESTAMP() AS SIGNED), 0) AS retry_seconds
          FROM comment_rate
         WHERE ip = :ip
           AND minute > UNIX_TIMESTAMP() DIV 60 - :minutes) ri;

-- name: comment_rate_purge
-- The address counts of comment_guard past any window (a day at most,
-- COMMENT_RATE_MAX_MINUTES), by the tick.
DELETE FROM comment_rate WHERE minute < UNIX_TIMESTAMP() DIV 60 - 1440 LIMIT 10000;

-- name: comment_store
-- The new comment's writes, in one round trip (the procedure of
-- sql/migrations/0037_band_cap.sql): the counters (:first is 1 for the
-- user's first comment on the activity), which find the activity still
-- open as it is now (closed since the page read it: error DB_ER_SIGNAL,
-- nothing kept), the comment as pending (:article 0: on the whole
-- document; :due_unix: the moderation deadline), its fingerprint and
-- group (:grp 0: a group of its own; :bands: the band keys,
-- analysis_group_pack, but those of the bands in :full, an_group_find).
-- param: activity u, article u, user u, body s, hash b, due_unix i, ip s, first i, norm b, sig b, grp u, kind s, bands b, full u
CALL comment_store(:activity, :article, :user, :body, :hash, :due_unix, :ip,
                   :first, :norm, :sig, :grp, :kind, :bands, :full);
