-- Consultations, surveys and polls on the public site
-- (fcgi/public/page_consultations.c).  Visible: published states only;
-- public audience, or restricted to a target the reader belongs to
-- (an entity of staff, or a user group); inter-agency never.

-- name: consult_list
SELECT a.id, a.kind, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       e.name_ar, e.name_en, a.publish_at, a.closes_at, a.urgent,
       a.comments_published, a.state, UNIX_TIMESTAMP(a.closes_at)
  FROM activities a JOIN entities e ON e.id = a.entity_id
 WHERE a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
   AND (a.audience = 'public' OR (a.audience = 'restricted' AND EXISTS (
        SELECT 1 FROM activity_targets t
         WHERE t.activity_id = a.id
           AND (t.entity_id = ? OR t.group_id IN (
                SELECT m.group_id FROM user_group_members m
                 WHERE m.user_id = ?)))))
   AND (? IS NULL OR a.entity_id = ? OR e.parent_id = ?)
   AND (? IS NULL OR EXISTS (SELECT 1 FROM activity_sectors s
                              WHERE s.activity_id = a.id AND s.sector_id = ?))
   AND (? IS NULL OR a.kind = ?)
   AND (? IS NULL OR a.audience = ?)
   AND (? IS NULL
        OR (? = 'open' AND a.state = 'open')
        OR (? = 'closed' AND a.state IN ('closed', 'analysis',
            'report_submitted', 'report_approved'))
        OR (? = 'results' AND a.state = 'published'))
   AND (? IS NULL OR a.search_text LIKE CONCAT('%', ?, '%'))
   AND a.id < ?
 ORDER BY a.id DESC
 LIMIT 21;

-- name: consult_filter_entities
SELECT id, name_ar, name_en, parent_id FROM entities WHERE active = 1
 ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, name_ar;

-- name: consult_filter_sectors
SELECT id, name_ar, name_en FROM sectors ORDER BY id;

-- name: consult_get
-- Column 30 says whether the reader (entity id, user id) is a target.
SELECT a.id, a.kind, a.entity_id, a.audience, a.urgent, a.state,
       a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       a.objectives_ar, a.objectives_en, a.announcements_ar,
       a.announcements_en, a.doc_kind, a.document_upload_id,
       a.publish_at, a.closes_at, a.original_closes_at, a.results_due_at,
       a.final_publication_at, a.comments_published, a.participants,
       a.version, e.name_ar, e.name_en, u.stored_name, u.size,
       UNIX_TIMESTAMP(a.closes_at), a.extended_seconds,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = a.id
                  AND (t.entity_id = ? OR t.group_id IN (
                       SELECT m.group_id FROM user_group_members m
                        WHERE m.user_id = ?)))
  FROM activities a
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN uploads u ON u.id = a.document_upload_id
 WHERE a.id = ?;

-- name: consult_articles
SELECT id, number_label, title_ar, title_en, body_ar, body_en,
       comments_published
  FROM articles WHERE activity_id = ? ORDER BY position, id;

-- name: consult_attachments
SELECT t.title_ar, t.title_en, u.stored_name, u.original_name, u.size, u.mime
  FROM attachments t JOIN uploads u ON u.id = t.upload_id
 WHERE t.activity_id = ? ORDER BY t.id;

-- name: consult_links
SELECT title_ar, title_en, url FROM activity_links
 WHERE activity_id = ? ORDER BY id;

-- name: consult_extensions
SELECT added_seconds, new_closes_at, reason_ar, reason_en, at
  FROM extensions WHERE activity_id = ? ORDER BY id;

-- name: consult_sectors
SELECT s.name_ar, s.name_en FROM activity_sectors x
  JOIN sectors s ON s.id = x.sector_id
 WHERE x.activity_id = ? ORDER BY s.id;

-- name: consult_comments
-- Published comments, newest first, 20 a page (keyset on id).
SELECT c.id, c.article_id, c.body, c.received_at, c.entity_position,
       c.entity_reply_ar, c.entity_reply_en, u.kind, u.full_name,
       u.org_name, u.deleted_at IS NOT NULL OR u.id IS NULL, ar.number_label
  FROM comments c
  LEFT JOIN users u ON u.id = c.user_id
  LEFT JOIN articles ar ON ar.id = c.article_id
 WHERE c.activity_id = ? AND c.status = 'published' AND c.id < ?
   AND (? IS NULL OR c.article_id = ?)
 ORDER BY c.id DESC
 LIMIT 21;

-- name: consult_my_comments
SELECT c.id, c.article_id, c.body, c.received_at, c.status,
       ar.number_label, mr.label_ar, mr.label_en
  FROM comments c
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN moderation_reasons mr ON mr.id = c.reject_reason_id
 WHERE c.activity_id = ? AND c.user_id = ? AND c.status <> 'published'
 ORDER BY c.id DESC LIMIT 20;

-- name: consult_report
SELECT participants_count, summary_ar, summary_en, usage_ar, usage_en,
       published_at
  FROM reports WHERE activity_id = ? AND published_at IS NOT NULL;

-- name: comment_activity
SELECT a.state, a.audience, a.entity_id,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = a.id
                  AND (t.entity_id = ? OR t.group_id IN (
                       SELECT m.group_id FROM user_group_members m
                        WHERE m.user_id = ?))),
       a.kind
  FROM activities a WHERE a.id = ?;

-- name: comment_article_ok
SELECT COUNT(*) FROM articles WHERE id = ? AND activity_id = ?;

-- name: comment_duplicate
SELECT COUNT(*) FROM comments
 WHERE user_id = ? AND activity_id = ? AND article_id <=> ?
   AND body_hash = ? AND received_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE;

-- name: comment_rate_user
SELECT COUNT(*) FROM comments
 WHERE user_id = ? AND received_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE;

-- name: comment_rate_ip
SELECT COUNT(*) FROM comments
 WHERE ip = ? AND received_at > UTC_TIMESTAMP() - INTERVAL 10 MINUTE;

-- name: comment_first_by_user
SELECT COUNT(*) FROM comments WHERE activity_id = ? AND user_id = ?;

-- name: comment_insert
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash,
                      status, received_at, moderation_due_at, ip)
VALUES (?, NULLIF(?, 0), ?, ?, ?, 'pending', UTC_TIMESTAMP(), ?, ?);

-- name: comment_count_pending
UPDATE activities SET comments_pending = comments_pending + 1,
       participants = participants + ?
 WHERE id = ?;

-- name: activities_for_index
SELECT id, title_ar, title_en, summary_ar, summary_en FROM activities
 WHERE id > ? ORDER BY id LIMIT 500;

-- name: activity_set_search
UPDATE activities SET search_text = ? WHERE id = ?;

-- name: file_get
-- An upload is public when it is the document or an attachment of an
-- activity the reader may see (same rules as consult_get).
SELECT u.stored_name, u.original_name, u.mime, u.size, a.state, a.audience,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = a.id
                  AND (t.entity_id = ? OR t.group_id IN (
                       SELECT m.group_id FROM user_group_members m
                        WHERE m.user_id = ?)))
  FROM uploads u
  JOIN activities a ON a.document_upload_id = u.id
       OR a.id IN (SELECT x.activity_id FROM attachments x WHERE x.upload_id = u.id)
 WHERE u.stored_name = ?
 LIMIT 1;

-- name: feed_activities
-- Newly opened public activities for Atom/RSS, newest first; optional
-- entity (with sub-departments), sector and kind.
SELECT a.id, a.kind, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       e.name_ar, e.name_en, a.publish_at, a.updated_at, a.closes_at,
       e.slug
  FROM activities a JOIN entities e ON e.id = a.entity_id
 WHERE a.audience = 'public'
   AND a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
   AND (? IS NULL OR a.entity_id = ? OR e.parent_id = ?)
   AND (? IS NULL OR EXISTS (SELECT 1 FROM activity_sectors s
                              WHERE s.activity_id = a.id AND s.sector_id = ?))
   AND (? IS NULL OR a.kind = ?)
 ORDER BY a.publish_at DESC, a.id DESC
 LIMIT 50;

-- name: feed_results
SELECT a.id, a.kind, a.title_ar, a.title_en, r.summary_ar, r.summary_en,
       e.name_ar, e.name_en, r.published_at, r.published_at AS updated_at,
       a.closes_at,
       e.slug
  FROM reports r
  JOIN activities a ON a.id = r.activity_id
  JOIN entities e ON e.id = a.entity_id
 WHERE a.audience = 'public' AND a.state = 'published'
   AND r.published_at IS NOT NULL
 ORDER BY r.published_at DESC, a.id DESC
 LIMIT 50;

-- name: consult_versions
SELECT version, at, reason FROM activity_versions
 WHERE activity_id = ? ORDER BY version DESC LIMIT 20;

-- name: principles_list
SELECT code, label_ar, label_en FROM moderation_reasons WHERE active = 1 ORDER BY id;
