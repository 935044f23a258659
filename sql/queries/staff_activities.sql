-- The staff side of consultations, surveys and polls
-- (fcgi/staff/page_activities.c).  One activity is activity_by_id
-- (activity.sql) with :reader 0: staff pages decide by permission, not
-- by audience.

-- name: act_list
-- The activities of an entity (:entity 0: every entity, for the
-- ministry), with its sub-departments when :sub is 1; :state NULL for
-- any state; newest first, keyset on id (:before), :limit rows
-- (ACT_PAGE_SIZE + 1, the extra row says there is more).
-- param: entity u, sub i, state s, before i, limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM activities a /*@activity_joins*/
 WHERE (:entity = 0 OR a.entity_id = :entity
        OR (:sub = 1 AND e.parent_id = :entity))
   AND (:state IS NULL OR a.state = :state)
   AND a.id < :before
 ORDER BY a.id DESC
 LIMIT :limit;

-- name: act_insert
-- A new draft of the author's entity; act_update_texts and
-- act_update_settings then save its form like any draft's.
-- param: kind s, entity u, author u
INSERT INTO activities (kind, entity_id, author_id, state, created_at,
                        updated_at)
VALUES (:kind, :entity, :author, 'draft', UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: act_update_texts
-- The texts of draft :id.  An open one's change only through a
-- correction the liaison officer approves (wf_correction_*, workflow.sql).
-- param: title_ar s, title_en s, summary_ar s, summary_en s, objectives_ar s, objectives_en s, announcements_ar s, announcements_en s, id u
UPDATE activities SET title_ar = :title_ar, title_en = :title_en,
       summary_ar = :summary_ar, summary_en = :summary_en,
       objectives_ar = :objectives_ar, objectives_en = :objectives_en,
       announcements_ar = :announcements_ar,
       announcements_en = :announcements_en, updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: act_update_settings
-- The settings of draft :id, with its texts (act_update_texts).  The
-- times are Unix times (0: not set yet).
-- param: audience s, urgent i, doc_kind s, publish_at i, closes_at i, results_due_at i, final_publication_at i, id u
UPDATE activities SET audience = :audience, urgent = :urgent,
       doc_kind = :doc_kind,
       publish_at = FROM_UNIXTIME(NULLIF(:publish_at, 0)),
       closes_at = FROM_UNIXTIME(NULLIF(:closes_at, 0)),
       results_due_at = FROM_UNIXTIME(NULLIF(:results_due_at, 0)),
       final_publication_at = FROM_UNIXTIME(NULLIF(:final_publication_at, 0)),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: act_versions
-- Every version of one activity, newest first: each correction proposed
-- while it was open, with its reason and the liaison officer's decision
-- (migration 0009) — a handful, shown whole on its page.
-- param: id u
SELECT v.id, v.version, v.status, v.at, v.reason, v.decided_at,
       v.decision_reason, u.full_name AS author_name,
       d.full_name AS decider_name
  FROM activity_versions v
  LEFT JOIN users u ON u.id = v.author_id
  LEFT JOIN users d ON d.id = v.decided_by
 WHERE v.activity_id = :id ORDER BY v.id DESC;

-- name: act_correction_pending
-- The correction of activity :id waiting for the liaison officer (at
-- most one: the key activity_versions_one_pending).
-- param: id u
SELECT v.id, v.at, v.reason, v.author_id, u.full_name AS author_name,
       v.title_ar, v.title_en, v.summary_ar, v.summary_en, v.objectives_ar,
       v.objectives_en, v.announcements_ar, v.announcements_en
  FROM activity_versions v LEFT JOIN users u ON u.id = v.author_id
 WHERE v.activity_id = :id AND v.status = 'pending';

-- name: act_sectors_clear
-- param: id u
DELETE FROM activity_sectors WHERE activity_id = :id;

-- name: act_sector_add
-- param: id u, sector u
INSERT IGNORE INTO activity_sectors (activity_id, sector_id)
VALUES (:id, :sector);

-- name: act_sectors_of
-- Every sector, checked where activity :id concerns it (0: a new one).
-- Not paged: the sectors are the ministry's fixed list of some twenty.
-- param: id u
SELECT s.id, s.name_ar, s.name_en,
       EXISTS (SELECT 1 FROM activity_sectors x
                WHERE x.activity_id = :id AND x.sector_id = s.id) AS chosen
  FROM sectors s ORDER BY s.id;

-- name: act_targets_clear
-- param: id u
DELETE FROM activity_targets WHERE activity_id = :id;

-- name: act_target_add
-- param: id u, entity u
INSERT IGNORE INTO activity_targets (activity_id, entity_id)
VALUES (:id, :entity);

-- name: act_targets_of
-- Every active entity, checked where activity :id targets it.  Not
-- paged: the government's entities with their departments, some
-- hundreds, are the choice itself.
-- param: id u
SELECT e.id, e.name_ar, e.name_en, e.parent_id,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = :id AND t.entity_id = e.id) AS chosen
  FROM entities e WHERE e.active = 1
 ORDER BY COALESCE(e.parent_id, e.id), e.parent_id IS NOT NULL, e.name_ar;

-- name: act_links_clear
-- param: id u
DELETE FROM activity_links WHERE activity_id = :id;

-- name: act_link_add
-- A related link with its title in each language (:title_en NULL: the
-- form gave one title, shown in both).
-- param: id u, title_ar s, title_en s, url s
INSERT INTO activity_links (activity_id, title_ar, title_en, url)
VALUES (:id, :title_ar, :title_en, :url);

-- name: act_links_of
-- The related links of one activity, typed by hand in its form: a few.
-- param: id u
SELECT title_ar, title_en, url FROM activity_links
 WHERE activity_id = :id ORDER BY id;

-- name: act_articles
-- The articles of one activity, in order: the document itself, shown
-- whole (a regulation has tens of articles).
-- param: id u
SELECT id, position, number_label, title_ar, title_en, body_ar, body_en,
       comments_published
  FROM articles WHERE activity_id = :id ORDER BY position, id;

-- name: act_article_insert
-- param: activity u, number_label s, title_ar s, title_en s, body_ar s, body_en s
INSERT INTO articles (activity_id, position, number_label, title_ar,
                      title_en, body_ar, body_en)
SELECT :activity, COALESCE(MAX(position), 0) + 1, :number_label, :title_ar,
       :title_en, :body_ar, :body_en
  FROM articles WHERE activity_id = :activity;

-- name: act_article_lock
-- Article :id of activity :activity, locked for the change about to be
-- made (no row: not that activity's article — 404, never a silent
-- write).  commented: someone commented on it, so it stays; the texts
-- as they were, for the audit row of a save.
-- param: id u, activity u
SELECT r.id, r.comments_published > 0 OR EXISTS (
         SELECT 1 FROM comments c WHERE c.article_id = r.id) AS commented,
       r.number_label, r.title_ar, r.title_en, r.body_ar, r.body_en
  FROM articles r WHERE r.id = :id AND r.activity_id = :activity
   FOR UPDATE;

-- name: act_article_update
-- After act_article_lock: MariaDB counts changed rows only, so an
-- unchanged save affects none and is still a save.
-- param: number_label s, title_ar s, title_en s, body_ar s, body_en s, id u, activity u
UPDATE articles SET number_label = :number_label, title_ar = :title_ar,
       title_en = :title_en, body_ar = :body_ar, body_en = :body_en
 WHERE id = :id AND activity_id = :activity;

-- name: act_article_delete
-- Only an article nobody commented on (act_article_lock said which).
-- param: id u, activity u
DELETE FROM articles WHERE id = :id AND activity_id = :activity
   AND comments_published = 0
   AND NOT EXISTS (SELECT 1 FROM comments c WHERE c.article_id = articles.id);

-- name: act_article_neighbour
-- The article just before (:dir = -1) or after (:dir = 1) article :id.
-- param: id u, activity u, dir i
SELECT b.id AS neighbour_id, b.position AS neighbour_position,
       a.position AS own_position
  FROM articles a
  JOIN articles b ON b.activity_id = a.activity_id
 WHERE a.id = :id AND a.activity_id = :activity
   AND ((:dir < 0 AND b.position < a.position) OR
        (:dir > 0 AND b.position > a.position))
 ORDER BY IF(:dir < 0, -b.position, b.position)
 LIMIT 1
   FOR UPDATE;

-- name: act_article_set_position
-- param: position i, id u
UPDATE articles SET position = :position WHERE id = :id;

-- name: act_workflow_events
-- The history of one activity: a transition per step of its review
-- chain and lifecycle — tens at most, shown whole.
-- param: id u
SELECT w.at, w.role, w.from_state, w.to_state, w.reason,
       u.full_name AS actor_name
  FROM workflow_events w LEFT JOIN users u ON u.id = w.actor_id
 WHERE w.activity_id = :id ORDER BY w.id;

-- name: act_extensions
-- The extensions of one activity: bounded by the cap of art. 11-ج and
-- given one at a time by hand, a few.
-- param: id u
SELECT added_seconds, new_closes_at, reason_ar, reason_en, at
  FROM extensions WHERE activity_id = :id ORDER BY id;

-- name: upload_insert
-- param: stored_name s, original_name s, mime s, size u, sha256 b, uploaded_by u
INSERT INTO uploads (stored_name, original_name, mime, size, sha256,
                     uploaded_by, created_at)
VALUES (:stored_name, :original_name, :mime, :size, :sha256, :uploaded_by,
        UTC_TIMESTAMP());

-- name: act_set_document
-- param: upload u, id u
UPDATE activities SET document_upload_id = :upload, doc_kind = 'pdf',
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: act_attachment_insert
-- param: activity u, upload u, title_ar s, title_en s
INSERT INTO attachments (activity_id, upload_id, title_ar, title_en,
                         created_at)
VALUES (:activity, :upload, :title_ar, :title_en, UTC_TIMESTAMP());

-- name: act_attachments
-- The supporting documents of one activity, attached by hand: a few.
-- param: id u
SELECT t.id, t.title_ar, t.title_en, u.original_name, u.stored_name, u.size
  FROM attachments t JOIN uploads u ON u.id = t.upload_id
 WHERE t.activity_id = :id ORDER BY t.id;

-- name: act_snapshot_take
-- The record of activity :id as it is when it is returned (migration
-- 0012), in the return's transaction after its workflow_events row; the
-- sectors' names and the links as act_show writes them (act_lists).
-- param: id u, sectors_ar s, sectors_en s, links_ar s, links_en s
INSERT INTO activity_snapshots (activity_id, event_id, taken_at, title_ar,
       title_en, summary_ar, summary_en, objectives_ar, objectives_en,
       announcements_ar, announcements_en, audience, urgent, publish_at,
       closes_at, results_due_at, final_publication_at, sectors_ar,
       sectors_en, links_ar, links_en)
SELECT a.id, (SELECT MAX(w.id) FROM workflow_events w
               WHERE w.activity_id = a.id),
       UTC_TIMESTAMP(), a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       a.objectives_ar, a.objectives_en, a.announcements_ar,
       a.announcements_en, a.audience, a.urgent, a.publish_at, a.closes_at,
       a.results_due_at, a.final_publication_at, :sectors_ar, :sectors_en,
       :links_ar, :links_en
  FROM activities a WHERE a.id = :id;

-- name: act_snapshot_articles_take
-- Every article of activity :id into snapshot :snapshot.
-- param: snapshot u, id u
INSERT INTO activity_snapshot_articles (snapshot_id, article_id, position,
       number_label, title_ar, title_en, body_ar, body_en)
SELECT :snapshot, r.id, r.position, r.number_label, r.title_ar, r.title_en,
       r.body_ar, r.body_en
  FROM articles r WHERE r.activity_id = :id;

-- name: act_snapshot_last
-- The latest snapshot of activity :id: what it was at its last return.
-- param: id u
SELECT s.id, s.taken_at, s.title_ar, s.title_en, s.summary_ar,
       s.summary_en, s.objectives_ar, s.objectives_en, s.announcements_ar,
       s.announcements_en, s.audience, s.urgent, s.publish_at, s.closes_at,
       s.results_due_at, s.final_publication_at, s.sectors_ar,
       s.sectors_en, s.links_ar, s.links_en
  FROM activity_snapshots s
 WHERE s.activity_id = :id ORDER BY s.id DESC LIMIT 1;

-- name: act_snapshot_articles
-- The articles of one snapshot, in their order then: as many as the
-- activity had, shown whole like act_articles.
-- param: snapshot u
SELECT article_id, position, number_label, title_ar, title_en, body_ar,
       body_en
  FROM activity_snapshot_articles
 WHERE snapshot_id = :snapshot ORDER BY position, article_id;

-- name: act_file
-- Upload :name when it is the document or an attachment of activity
-- :id (no row otherwise: 404).
-- param: id u, name s
SELECT u.stored_name, u.original_name, u.mime
  FROM uploads u
 WHERE u.stored_name = :name
   AND (u.id = (SELECT a.document_upload_id FROM activities a
                 WHERE a.id = :id)
        OR u.id IN (SELECT t.upload_id FROM attachments t
                     WHERE t.activity_id = :id));
