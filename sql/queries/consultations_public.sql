-- Consultations, surveys and polls on the public site
-- (fcgi/public/page_consultations.c, page_feeds.c).  Who may see what is
-- written once: the view listed_activities (published states, never
-- inter-agency) and, for restricted ones, the reader test below on the
-- view activity_readers (sql/migrations/0005_visibility.sql); one
-- activity is decided in C by activity_visible() (activity_by_id,
-- sql/queries/activity.sql).

-- fragment: list_filters
-- The filters of the public lists (/consultations, /results) on a of
-- listed_activities joined with its entity e, after the reader test
-- (reader_is_target): :entity (with its sub-departments) and :sector
-- (0: any), :kind and :audience (NULL: any), :q the search pattern of
-- textnorm_query (NULL: none).
(:entity = 0 OR a.entity_id = :entity OR e.parent_id = :entity)
   AND (:sector = 0 OR EXISTS (SELECT 1 FROM activity_sectors s
                                    WHERE s.activity_id = a.id
                                      AND s.sector_id = :sector))
   AND (:kind IS NULL OR a.kind = :kind)
   AND (:audience IS NULL OR a.audience = :audience)
   AND (:q IS NULL OR a.search_text LIKE CONCAT('%', :q, '%'))

-- name: consult_list
-- The activities the reader may see, newest first, with the filters of
-- the page; :state is the phase of the filter (open, closed, results:
-- act_phase_names), :q the search pattern of textnorm_query (the
-- query's sorted stems joined by ' % ', matched as whole words against
-- the sorted stems of search_text: fcgi/domain/textnorm.h; NULL: no such
-- filter), :entity and :sector 0 for every one.  Keyset paging on id:
-- :limit is the page size plus one.
-- param: reader u, entity u, sector u, kind s, audience s, state s, q s, before u, limit i
-- shape: activity
SELECT /*@activity_columns*/, /*@reader_is_target*/ AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE (a.audience = 'public' OR /*@reader_is_target*/)
   AND /*@list_filters*/
   AND (:state IS NULL
        OR (:state = 'open' AND a.state = 'open')
        OR (:state = 'closed' AND a.state IN ('closed', 'analysis',
            'report_submitted', 'report_approved'))
        OR (:state = 'results' AND a.state = 'published'))
   AND a.id < :before
 ORDER BY a.id DESC
 LIMIT :limit;

-- name: consult_filter_entities
-- Not paged: the government entities and their departments, a few
-- hundred at most, all of them choices of the filter.
-- param: none
SELECT id, name_ar, name_en, parent_id FROM entities WHERE active = 1
 ORDER BY COALESCE(parent_id, id), parent_id IS NOT NULL, name_ar;

-- name: consult_filter_sectors
-- Not paged: the sectors are a fixed list of some twenty.
-- param: none
SELECT id, name_ar, name_en FROM sectors ORDER BY id;

-- name: consult_articles
-- Not paged: the articles of one document, shown whole.
-- param: activity u
SELECT id, number_label, title_ar, title_en, body_ar, body_en,
       comments_published
  FROM articles WHERE activity_id = :activity ORDER BY position, id;

-- name: consult_attachments
-- Not paged: the annexes of one activity, a handful added by its author.
-- param: activity u
SELECT t.title_ar, t.title_en, u.stored_name, u.original_name, u.size, u.mime
  FROM attachments t JOIN uploads u ON u.id = t.upload_id
 WHERE t.activity_id = :activity ORDER BY t.id;

-- name: consult_links
-- Not paged: the related links of one activity, a handful.
-- param: activity u
SELECT title_ar, title_en, url FROM activity_links
 WHERE activity_id = :activity ORDER BY id;

-- name: consult_extensions
-- Not paged: extensions add up to at most the original period
-- (art. 11-ج), so an activity has few.
-- param: activity u
SELECT added_seconds, new_closes_at, reason_ar, reason_en, at
  FROM extensions WHERE activity_id = :activity ORDER BY id;

-- name: consult_sectors
-- Not paged: the sectors an activity concerns, at most the fixed list.
-- param: activity u
SELECT s.name_ar, s.name_en FROM activity_sectors x
  JOIN sectors s ON s.id = x.sector_id
 WHERE x.activity_id = :activity ORDER BY s.id;

-- name: consult_gens
-- What a public activity page reads on every request (issue 17: when
-- nothing changed, its one statement): the generations the worker's
-- cache is read under (fcgi/core/cache.h) — the site's and the
-- activity's, which cover its row and everything it shows to an
-- anonymous reader (sql/migrations/0027_generations.sql,
-- 0032_page_generations.sql) — and the count of participants, which
-- moves with a new participant's first comment without a generation.
-- No row: no such activity.
-- param: id u
SELECT /*@activity_participants*/ AS participants, COALESCE(gs.gen, 0) AS site_gen,
       COALESCE(ga.gen, 0) AS activity_gen
  FROM activities a
  LEFT JOIN generations gs ON gs.name = 'site'
  LEFT JOIN generations ga ON ga.name = CONCAT('activity:', a.id)
 WHERE a.id = :id;

-- name: consult_activity
-- The activity of its public page, kept by the worker's cache under the
-- generations consult_gens read.  Whether the reader is a target is
-- asked apart (consult_reader_is_target), only of a restricted activity
-- with a signed-in reader: the view's subquery, prepared on every run
-- even for an anonymous reader, cost more than the rest of the
-- statement.
-- param: id u
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM activities a /*@activity_joins*/
 WHERE a.id = :id;

-- name: consult_reader_is_target
-- Whether :reader is addressed by restricted activity :id (consult_head).
-- param: id u, reader u
SELECT /*@reader_is_target*/ AS reader_is_target
  FROM activities a WHERE a.id = :id;

-- name: consult_comments
-- Published comments, newest first (keyset on id), on every article or
-- on :article only (0: every one); :limit is the page size plus one.
-- param: activity u, before u, article u, limit i
-- shape: comment
SELECT /*@comment_columns*/
  FROM comments c /*@comment_joins*/
 WHERE c.activity_id = :activity AND c.status = 'published'
   AND c.id < :before
   AND (:article = 0 OR c.article_id = :article)
 ORDER BY c.id DESC
 LIMIT :limit;

-- name: consult_my_comments
-- The reader's own comments not (or not yet) published on this activity:
-- the latest :limit; every one of them is on /me.
-- param: activity u, user u, limit i
-- shape: comment
SELECT /*@comment_columns*/
  FROM comments c /*@comment_joins*/
 WHERE c.activity_id = :activity AND c.user_id = :user
   AND c.status <> 'published'
 ORDER BY c.id DESC LIMIT :limit;

-- name: consult_report
-- param: activity u
SELECT participants_count, summary_ar, summary_en, usage_ar, usage_en,
       published_at
  FROM reports WHERE activity_id = :activity AND published_at IS NOT NULL;

-- name: file_get
-- An upload with the activity it is the document or an attachment of,
-- or the PDF final document of its published report (issue 11); the
-- page then asks activity_visible() of that activity.
-- param: name s
SELECT u.stored_name, u.original_name, u.mime, u.size, a.id AS activity_id
  FROM uploads u
  JOIN activities a ON a.document_upload_id = u.id
       OR a.id IN (SELECT x.activity_id FROM attachments x WHERE x.upload_id = u.id)
       OR a.id IN (SELECT p.activity_id FROM reports p
                    WHERE p.final_document_upload_id = u.id
                      AND p.published_at IS NOT NULL)
 WHERE u.stored_name = :name
 LIMIT 1;

-- name: feed_activities
-- Newly opened activities for Atom/RSS, newest first; optional entity
-- (with sub-departments), sector (0: any) and kind (NULL: any).  Feeds
-- are read by anonymous subscribers: public audience only.  Not paged:
-- a feed is a window of the latest :limit entries that readers poll.
-- param: entity u, sector u, kind s, limit i
-- shape: activity
SELECT /*@activity_columns*/, 0 AS reader_is_target
  FROM listed_activities a /*@activity_joins*/
 WHERE a.audience = 'public'
   AND (:entity = 0 OR a.entity_id = :entity OR e.parent_id = :entity)
   AND (:sector = 0 OR EXISTS (SELECT 1 FROM activity_sectors s
                                    WHERE s.activity_id = a.id
                                      AND s.sector_id = :sector))
   AND (:kind IS NULL OR a.kind = :kind)
 ORDER BY a.publish_at DESC, a.id DESC
 LIMIT :limit;

-- name: feed_results
-- Newly published results (public audience only), newest first.  Not
-- paged: a window of the latest :limit entries.
-- param: limit i
SELECT a.id, a.kind, a.title_ar, a.title_en, r.summary_ar, r.summary_en,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       r.published_at
  FROM reports r
  JOIN listed_activities a ON a.id = r.activity_id
  JOIN entities e ON e.id = a.entity_id
 WHERE a.audience = 'public' AND a.state = 'published'
   AND r.published_at IS NOT NULL
 ORDER BY r.published_at DESC, a.id DESC
 LIMIT :limit;

-- name: consult_versions
-- The latest :limit corrections of an activity (the notice on its
-- page); every version stays in activity_versions.  Only the approved
-- ones, dated when the liaison officer made them public (migration
-- 0009): a correction pending, rejected or replaced is never shown.
-- param: activity u, limit i
SELECT version, COALESCE(decided_at, at) AS at, reason
  FROM activity_versions
 WHERE activity_id = :activity AND status = 'approved'
 ORDER BY version DESC LIMIT :limit;

-- name: principles_list
-- Not paged: the published moderation principles, a short fixed list.
-- param: none
SELECT code, label_ar, label_en FROM moderation_reasons WHERE active = 1 ORDER BY id;
