-- The staff side of consultations, surveys and polls
-- (fcgi/staff/page_activities.c).

-- name: act_list
-- The activities of an entity (NULL: every entity, for the ministry),
-- with sub-departments when asked; newest first, keyset on id.
SELECT a.id, a.kind, a.state, a.title_ar, a.title_en, a.audience, a.urgent,
       a.publish_at, a.closes_at, a.comments_pending, a.comments_published,
       e.name_ar, e.name_en, u.full_name
  FROM activities a
  JOIN entities e ON e.id = a.entity_id
  JOIN users u ON u.id = a.author_id
 WHERE (? IS NULL OR a.entity_id = ? OR (? = 1 AND e.parent_id = ?))
   AND (? IS NULL OR a.state = ?)
   AND a.id < ?
 ORDER BY a.id DESC
 LIMIT 51;

-- name: act_get
SELECT a.id, a.kind, a.entity_id, a.author_id, a.audience, a.urgent, a.state,
       a.title_ar, a.title_en, a.summary_ar, a.summary_en, a.objectives_ar,
       a.objectives_en, a.announcements_ar, a.announcements_en, a.doc_kind,
       a.document_upload_id, a.publish_at, a.closes_at, a.original_closes_at,
       a.results_due_at, a.final_publication_at, a.extended_seconds,
       a.return_reason, a.version, e.name_ar, e.name_en, u.full_name,
       a.comments_pending, a.comments_published, d.original_name,
       d.stored_name, UNIX_TIMESTAMP(a.publish_at),
       UNIX_TIMESTAMP(a.original_closes_at), UNIX_TIMESTAMP(a.closes_at)
  FROM activities a
  JOIN entities e ON e.id = a.entity_id
  JOIN users u ON u.id = a.author_id
  LEFT JOIN uploads d ON d.id = a.document_upload_id
 WHERE a.id = ?;

-- name: act_insert
INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state,
       title_ar, title_en, summary_ar, summary_en, objectives_ar,
       objectives_en, announcements_ar, announcements_en, doc_kind,
       publish_at, closes_at, results_due_at, final_publication_at,
       created_at, updated_at)
VALUES (?, ?, ?, ?, ?, 'draft', ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?,
        UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: act_update
UPDATE activities SET audience = ?, urgent = ?, title_ar = ?, title_en = ?,
       summary_ar = ?, summary_en = ?, objectives_ar = ?, objectives_en = ?,
       announcements_ar = ?, announcements_en = ?, doc_kind = ?,
       publish_at = ?, closes_at = ?, results_due_at = ?,
       final_publication_at = ?, updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: act_update_open
-- While open, only the texts change, through a recorded version.
UPDATE activities SET title_ar = ?, title_en = ?, summary_ar = ?,
       summary_en = ?, objectives_ar = ?, objectives_en = ?,
       announcements_ar = ?, announcements_en = ?, version = version + 1,
       updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: act_version_insert
INSERT INTO activity_versions (activity_id, version, at, author_id, reason,
                               snapshot)
SELECT id, version, UTC_TIMESTAMP(), ?, ?,
       CONCAT_WS('\n', title_ar, title_en, summary_ar, summary_en,
                 objectives_ar, objectives_en, announcements_ar,
                 announcements_en)
  FROM activities WHERE id = ?;

-- name: act_versions
SELECT v.version, v.at, v.reason, u.full_name
  FROM activity_versions v LEFT JOIN users u ON u.id = v.author_id
 WHERE v.activity_id = ? ORDER BY v.version DESC;

-- name: act_sectors_clear
DELETE FROM activity_sectors WHERE activity_id = ?;

-- name: act_sector_add
INSERT IGNORE INTO activity_sectors (activity_id, sector_id) VALUES (?, ?);

-- name: act_sectors_of
SELECT s.id, s.name_ar, s.name_en,
       EXISTS (SELECT 1 FROM activity_sectors x
                WHERE x.activity_id = ? AND x.sector_id = s.id)
  FROM sectors s ORDER BY s.id;

-- name: act_targets_clear
DELETE FROM activity_targets WHERE activity_id = ?;

-- name: act_target_add
INSERT IGNORE INTO activity_targets (activity_id, entity_id) VALUES (?, ?);

-- name: act_targets_of
SELECT e.id, e.name_ar, e.name_en, e.parent_id,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = ? AND t.entity_id = e.id)
  FROM entities e WHERE e.active = 1
 ORDER BY COALESCE(e.parent_id, e.id), e.parent_id IS NOT NULL, e.name_ar;

-- name: act_links_clear
DELETE FROM activity_links WHERE activity_id = ?;

-- name: act_link_add
INSERT INTO activity_links (activity_id, title_ar, title_en, url)
VALUES (?, ?, ?, ?);

-- name: act_links_of
SELECT title_ar, title_en, url FROM activity_links
 WHERE activity_id = ? ORDER BY id;

-- name: act_articles
SELECT id, position, number_label, title_ar, title_en, body_ar, body_en,
       comments_published
  FROM articles WHERE activity_id = ? ORDER BY position, id;

-- name: act_article_insert
INSERT INTO articles (activity_id, position, number_label, title_ar,
                      title_en, body_ar, body_en)
SELECT ?, COALESCE(MAX(position), 0) + 1, ?, ?, ?, ?, ?
  FROM articles WHERE activity_id = ?;

-- name: act_article_update
UPDATE articles SET number_label = ?, title_ar = ?, title_en = ?,
       body_ar = ?, body_en = ?
 WHERE id = ? AND activity_id = ?;

-- name: act_article_delete
DELETE FROM articles WHERE id = ? AND activity_id = ?
   AND comments_published = 0
   AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.article_id = articles.id);

-- name: act_article_neighbour
-- The article just before (dir = -1) or after (dir = 1) the given one.
SELECT b.id, b.position, a.position
  FROM articles a
  JOIN articles b ON b.activity_id = a.activity_id
 WHERE a.id = ? AND a.activity_id = ?
   AND ((? < 0 AND b.position < a.position) OR
        (? > 0 AND b.position > a.position))
 ORDER BY IF(? < 0, -b.position, b.position)
 LIMIT 1;

-- name: act_article_set_position
UPDATE articles SET position = ? WHERE id = ?;

-- name: act_workflow_events
SELECT w.at, w.role, w.from_state, w.to_state, w.reason, u.full_name
  FROM workflow_events w LEFT JOIN users u ON u.id = w.actor_id
 WHERE w.activity_id = ? ORDER BY w.id;

-- name: act_extensions
SELECT added_seconds, new_closes_at, reason_ar, reason_en, at
  FROM extensions WHERE activity_id = ? ORDER BY id;

-- name: act_extend
UPDATE activities SET closes_at = closes_at + INTERVAL ? SECOND,
       extended_seconds = extended_seconds + ?,
       results_due_at = results_due_at + INTERVAL ? SECOND,
       final_publication_at = final_publication_at + INTERVAL ? SECOND,
       updated_at = UTC_TIMESTAMP()
 WHERE id = ? AND state = 'open';

-- name: act_extension_insert
INSERT INTO extensions (activity_id, added_seconds, new_closes_at,
                        reason_ar, reason_en, granted_by, at)
SELECT id, ?, closes_at, ?, ?, ?, UTC_TIMESTAMP()
  FROM activities WHERE id = ?;

-- name: upload_insert
INSERT INTO uploads (stored_name, original_name, mime, size, sha256,
                     uploaded_by, created_at)
VALUES (?, ?, ?, ?, ?, ?, UTC_TIMESTAMP());

-- name: act_set_document
UPDATE activities SET document_upload_id = ?, doc_kind = 'pdf',
       updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: act_attachment_insert
INSERT INTO attachments (activity_id, upload_id, title_ar, title_en,
                         created_at)
VALUES (?, ?, ?, ?, UTC_TIMESTAMP());

-- name: act_attachments
SELECT t.id, t.title_ar, t.title_en, u.original_name, u.stored_name, u.size
  FROM attachments t JOIN uploads u ON u.id = t.upload_id
 WHERE t.activity_id = ? ORDER BY t.id;
