-- The moderation queue (fcgi/staff/page_moderation.c).  A supervisor
-- moderates the comments on the activities he authored; coordinators
-- and liaison officers see every queue of the entity (art. 8-هـ).

-- name: mod_queue
SELECT c.id, c.body, c.received_at, c.moderation_due_at,
       c.moderation_due_at < UTC_TIMESTAMP(), a.id, a.title_ar, a.title_en,
       ar.number_label, u.full_name, u.org_name, u.kind, au.full_name
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
  JOIN users au ON au.id = a.author_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN users u ON u.id = c.user_id
 WHERE c.status = 'pending' AND a.entity_id = ?
   AND (? = 1 OR a.author_id = ?)
   AND (? IS NULL OR a.id = ?)
   AND (? = 0 OR c.moderation_due_at < UTC_TIMESTAMP())
 ORDER BY c.moderation_due_at, c.id
 LIMIT 200;

-- name: mod_counts
SELECT COUNT(*), COALESCE(SUM(c.moderation_due_at < UTC_TIMESTAMP()), 0)
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE c.status = 'pending' AND a.entity_id = ? AND (? = 1 OR a.author_id = ?);

-- name: mod_reasons
SELECT id, label_ar, label_en FROM moderation_reasons WHERE active = 1 ORDER BY id;

-- name: mod_reason_ok
SELECT COUNT(*) FROM moderation_reasons WHERE id = ? AND active = 1;

-- name: mod_comment_lock
-- A comment the user may moderate, still pending.
SELECT c.id, c.activity_id, c.article_id
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE c.id = ? AND c.status = 'pending' AND a.entity_id = ?
   AND (? = 1 OR a.author_id = ?)
   FOR UPDATE;

-- name: mod_publish
UPDATE comments SET status = 'published', moderated_at = UTC_TIMESTAMP(),
       moderated_by = ?
 WHERE id = ? AND status = 'pending';

-- name: mod_reject
UPDATE comments SET status = 'rejected', moderated_at = UTC_TIMESTAMP(),
       moderated_by = ?, reject_reason_id = ?
 WHERE id = ? AND status = 'pending';

-- name: mod_count_published
UPDATE activities SET comments_pending = comments_pending - 1,
       comments_published = comments_published + 1
 WHERE id = ?;

-- name: mod_count_rejected
UPDATE activities SET comments_pending = comments_pending - 1 WHERE id = ?;

-- name: mod_count_article
UPDATE articles SET comments_published = comments_published + 1 WHERE id = ?;

-- name: mod_activities
SELECT DISTINCT a.id, a.title_ar, a.title_en
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE c.status = 'pending' AND a.entity_id = ? AND (? = 1 OR a.author_id = ?)
 ORDER BY a.id DESC;

-- name: mod_commenter
SELECT u.email, u.lang, a.id, a.title_ar, a.title_en, mr.label_ar, mr.label_en
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
  JOIN users u ON u.id = c.user_id
  LEFT JOIN moderation_reasons mr ON mr.id = c.reject_reason_id
 WHERE c.id = ? AND u.active = 1 AND u.email IS NOT NULL;
