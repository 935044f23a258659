-- The moderation queue (fcgi/staff/page_moderation.c, fcgi/domain/
-- moderation.c).  A supervisor moderates the comments on the activities
-- he authored; coordinators and liaison officers see every queue of the
-- entity (art. 8-هـ): :all is 1 for them, and :user is the moderator.

-- name: mod_queue
-- The pending comments, oldest deadline first; keyset on (deadline, id)
-- after comment :after (0: from the start), :limit rows (MOD_PAGE_SIZE +
-- 1, the extra row says there is more).  :activity 0: every activity.
-- param: entity u, all i, user u, activity u, overdue i, after u, limit i
SELECT c.id AS comment_id, c.body, c.received_at, c.moderation_due_at,
       c.moderation_due_at < UTC_TIMESTAMP() AS overdue,
       a.id AS activity_id, a.title_ar, a.title_en, ar.number_label,
       IF(u.kind = 'organisation', u.org_name, u.full_name) AS author_name,
       au.full_name AS owner_name
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
  JOIN users au ON au.id = a.author_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN users u ON u.id = c.user_id
 WHERE c.status = 'pending' AND a.entity_id = :entity
   AND (:all = 1 OR a.author_id = :user)
   AND (:activity = 0 OR a.id = :activity)
   AND (:overdue = 0 OR c.moderation_due_at < UTC_TIMESTAMP())
   AND (:after = 0 OR (c.moderation_due_at, c.id) >
        ((SELECT x.moderation_due_at FROM comments x WHERE x.id = :after),
         :after))
 ORDER BY c.moderation_due_at, c.id
 LIMIT :limit;

-- name: mod_counts
-- The counts the queue's heading says, for the list as filtered
-- (mod_queue's :activity and :overdue), so they match what is listed.
-- param: entity u, all i, user u, activity u, overdue i
SELECT COUNT(*) AS pending,
       COALESCE(SUM(c.moderation_due_at < UTC_TIMESTAMP()), 0) AS overdue
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE c.status = 'pending' AND a.entity_id = :entity
   AND (:all = 1 OR a.author_id = :user)
   AND (:activity = 0 OR a.id = :activity)
   AND (:overdue = 0 OR c.moderation_due_at < UTC_TIMESTAMP());

-- name: mod_reasons
-- The published moderation principles: the ministry's short list.
-- param: none
SELECT id, label_ar, label_en FROM moderation_reasons
 WHERE active = 1 ORDER BY id;

-- name: mod_reason_ok
-- param: id i
SELECT COUNT(*) AS n FROM moderation_reasons WHERE id = :id AND active = 1;

-- name: mod_comment_lock
-- A comment the user may moderate, still pending.
-- param: id u, entity u, all i, user u
SELECT c.id, c.activity_id, c.article_id
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE c.id = :id AND c.status = 'pending' AND a.entity_id = :entity
   AND (:all = 1 OR a.author_id = :user)
   FOR UPDATE;

-- name: mod_publish
-- param: user u, id u
UPDATE comments SET status = 'published', moderated_at = UTC_TIMESTAMP(),
       moderated_by = :user
 WHERE id = :id AND status = 'pending';

-- name: mod_reject
-- param: user u, reason i, id u
UPDATE comments SET status = 'rejected', moderated_at = UTC_TIMESTAMP(),
       moderated_by = :user, reject_reason_id = :reason
 WHERE id = :id AND status = 'pending';

-- name: mod_count_published
-- param: id u
UPDATE activities SET comments_published = comments_published + 1
 WHERE id = :id;

-- name: mod_count_decided
-- One comment of activity :id less awaiting moderation: in the shard
-- of the moderator :user (activity_pending, sql/queries/activity.sql).
-- param: id u, user u
INSERT INTO activity_counts (activity_id, shard, pending)
VALUES (:id, :user % 16, -1)
ON DUPLICATE KEY UPDATE pending = pending - 1;

-- name: mod_count_article
-- param: id u
UPDATE articles SET comments_published = comments_published + 1
 WHERE id = :id;

-- name: mod_activities
-- The activities with comments waiting, for the filter: one entry per
-- activity of the entity open to comments at the moment, tens at most.
-- param: entity u, all i, user u
SELECT DISTINCT a.id, a.title_ar, a.title_en
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE c.status = 'pending' AND a.entity_id = :entity
   AND (:all = 1 OR a.author_id = :user)
 ORDER BY a.id DESC;

-- name: mod_commenter
-- param: id u
SELECT u.email, u.lang, a.id AS activity_id, a.title_ar, a.title_en,
       mr.label_ar AS reason_ar, mr.label_en AS reason_en, c.body
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
  JOIN users u ON u.id = c.user_id
  LEFT JOIN moderation_reasons mr ON mr.id = c.reject_reason_id
 WHERE c.id = :id AND u.active = 1 AND u.email IS NOT NULL;
