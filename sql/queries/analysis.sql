-- The analysis of a closed activity (fcgi/domain/analysis.c): comment
-- fingerprints and campaign groups, the entity's positions and themes,
-- the statistics, the report's deadline; the staff workspace
-- (fcgi/staff/page_analysis.c).  Migration 0013.

-- name: an_group_keys
-- What a new comment's campaign group is looked for among, in one
-- statement: the entries of its band keys (ANALYSIS_BANDS of them), one
-- row (band, comment) each, and, as band -1, the oldest earlier comment
-- with the same normalised text (:hash), if there is one.  A key
-- keeps only its first ANALYSIS_KEY_KEEP entries (migration 0037), so
-- this is one range read of at most 20 x 9 entries of the primary key
-- (activity_id, band, hash, comment_id) however many comments of a
-- campaign share the keys; a key with that many is full, and the
-- comment's entry there is not stored (comment_bands_store).  (Issue 17:
-- one sub-query a key, each cut at its first entries, cost 1.8 ms of a
-- POST, the dearest statement of a comment.)
-- param: activity u, hash b, id u, b0 u, b1 u, b2 u, b3 u, b4 u, b5 u, b6 u, b7 u, b8 u, b9 u, b10 u, b11 u, b12 u, b13 u, b14 u, b15 u, b16 u, b17 u, b18 u, b19 u
SELECT band, comment_id FROM comment_bands
  WHERE activity_id = :activity AND comment_id <> :id
    AND (band, hash) IN ((0, :b0), (1, :b1), (2, :b2), (3, :b3),
                       (4, :b4), (5, :b5), (6, :b6), (7, :b7),
                       (8, :b8), (9, :b9), (10, :b10), (11, :b11),
                       (12, :b12), (13, :b13), (14, :b14), (15, :b15),
                       (16, :b16), (17, :b17), (18, :b18), (19, :b19))
UNION ALL
(SELECT -1 AS band, id AS comment_id FROM comments
  WHERE activity_id = :activity AND norm_hash = :hash AND id <> :id
    AND group_id IS NOT NULL
  ORDER BY id LIMIT 1);

-- name: an_group_candidates
-- The candidates an_group_keys found (up to ANALYSIS_CANDIDATES + 1 ids,
-- 0 for none), whose signatures decide: the same normalised text first
-- (exact 1), then the oldest, so a group keeps its first member as its
-- key.
-- param: hash b, c0 u, c1 u, c2 u, c3 u, c4 u, c5 u, c6 u, c7 u, c8 u
SELECT id, group_id, minhash, norm_hash <=> :hash AS exact
  FROM comments
 WHERE id IN (:c0, :c1, :c2, :c3, :c4, :c5, :c6, :c7, :c8)
   AND group_id IS NOT NULL
 ORDER BY exact DESC, id;

-- name: an_fp_store
-- A comment's fingerprint and group (:grp 0: a group of its own) and its
-- band keys (:bands, analysis_group_pack) but those of the bands in
-- :full (an_group_find): the procedure comment_fp_store of
-- sql/migrations/0037_band_cap.sql.
-- param: activity u, id u, hash b, sig b, grp u, kind s, bands b, full u
CALL comment_fp_store(:activity, :id, :hash, :sig, :grp, :kind, :bands, :full);

-- name: an_unindexed
-- Comments stored before fingerprints (sharekctl reindex), :limit
-- (ANALYSIS_INDEX_BATCH) at a time after id :after, the oldest first so
-- each group keeps its first member: a range of the primary key from
-- where the last batch stopped.
-- param: after u, limit i
SELECT id, activity_id, body FROM comments
 WHERE id > :after AND norm_hash IS NULL ORDER BY id LIMIT :limit;

-- Positions (art. 9-ج-3).

-- name: an_position_set
-- One position for every published comment of group :grp.
-- param: position s, reply_ar s, reply_en s, dup u, user u, activity u, grp u
UPDATE comments SET entity_position = :position,
       entity_reply_ar = :reply_ar, entity_reply_en = :reply_en,
       duplicate_of = NULLIF(:dup, 0), position_by = :user,
       position_at = UTC_TIMESTAMP()
 WHERE activity_id = :activity AND group_id = :grp AND status = 'published';

-- name: an_topics_clear
-- param: activity u, grp u
DELETE ct FROM comment_topics ct JOIN comments c ON c.id = ct.comment_id
 WHERE c.activity_id = :activity AND c.group_id = :grp;

-- name: an_topic_add
-- param: topic u, activity u, grp u
INSERT IGNORE INTO comment_topics (comment_id, topic_id)
SELECT c.id, t.id FROM comments c
  JOIN reports r ON r.activity_id = c.activity_id
  JOIN report_topics t ON t.report_id = r.id AND t.id = :topic
 WHERE c.activity_id = :activity AND c.group_id = :grp
   AND c.status = 'published';

-- name: an_comment_of
-- Whether :id is a published comment of :activity that is not itself
-- marked a duplicate (the comment another one duplicates: the chain ends
-- at a comment with a position of its own, and two comments can never be
-- duplicates of each other).
-- param: id u, activity u
-- shape: count
SELECT COUNT(*) AS n FROM comments
 WHERE id = :id AND activity_id = :activity AND status = 'published'
   AND NOT (entity_position <=> 'duplicate');

-- name: an_topic_of
-- param: topic u, activity u
-- shape: count
SELECT COUNT(*) AS n FROM report_topics t JOIN reports r ON r.id = t.report_id
 WHERE t.id = :topic AND r.activity_id = :activity;

-- name: an_unanswered
-- Published comments still without a position (submission needs none).
-- param: activity u
-- shape: count
SELECT COUNT(*) AS n FROM comments
 WHERE activity_id = :activity AND status = 'published'
   AND entity_position IS NULL;

-- Starting the analysis: the report, its themes and the final document
-- made from the consulted articles (each statement does nothing twice).

-- name: an_report_create
-- param: activity u
INSERT IGNORE INTO reports (activity_id, state, created_at, updated_at)
VALUES (:activity, 'draft', UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: an_topics_from_articles
-- param: activity u
INSERT INTO report_topics (report_id, position, kind, article_id, title_ar,
                           title_en, covered, contributions)
SELECT r.id, x.position, 'article', x.id,
       LEFT(TRIM(CONCAT(x.number_label, ' ', x.title_ar)), 300),
       LEFT(TRIM(CONCAT(x.number_label, ' ', COALESCE(x.title_en, ''))), 300),
       0, 0
  FROM articles x JOIN reports r ON r.activity_id = x.activity_id
 WHERE x.activity_id = :activity
   AND NOT EXISTS (SELECT 1 FROM report_topics t
                    WHERE t.report_id = r.id AND t.article_id = x.id);

-- name: an_topics_objectives
-- How many objective themes the report has (made once).
-- param: activity u
-- shape: count
SELECT COUNT(*) AS n FROM report_topics t JOIN reports r ON r.id = t.report_id
 WHERE r.activity_id = :activity AND t.kind = 'objective';

-- name: an_activity_objectives
-- param: activity u
SELECT objectives_ar, objectives_en, closes_at, state FROM activities
 WHERE id = :activity;

-- name: an_topic_insert
-- param: activity u, kind s, title_ar s, title_en s
INSERT INTO report_topics (report_id, position, kind, title_ar, title_en,
                           covered, contributions)
SELECT r.id, 1000 + COUNT(t.id), :kind, :title_ar, NULLIF(:title_en, ''), 0, 0
  FROM reports r LEFT JOIN report_topics t ON t.report_id = r.id
 WHERE r.activity_id = :activity
 GROUP BY r.id;

-- name: an_final_from_articles
-- param: activity u
INSERT IGNORE INTO report_articles (report_id, article_id, position,
       number_label, title_ar, title_en, body_ar, body_en, status,
       updated_at)
SELECT r.id, x.id, x.position, x.number_label, x.title_ar, x.title_en,
       x.body_ar, x.body_en, 'unchanged', UTC_TIMESTAMP()
  FROM articles x JOIN reports r ON r.activity_id = x.activity_id
 WHERE x.activity_id = :activity;

-- The statistics (report_stats): recomputed whole, in the transaction of
-- the change that moves them.

-- name: an_stats_clear
-- param: activity u
DELETE FROM report_stats WHERE activity_id = :activity;

-- name: an_stats_counts
-- Named totals: participants (distinct accounts, and each comment of an
-- erased account), natural and legal persons, former (erased) ones,
-- comments received, published, rejected, pending.
-- param: activity u
INSERT INTO report_stats (activity_id, dim, ref, name, n)
SELECT :activity, 'count', 0, k.name,
       CASE k.name
         WHEN 'participants' THEN t.participants WHEN 'natural' THEN t.natural_n
         WHEN 'legal' THEN t.legal WHEN 'former' THEN t.former
         WHEN 'received' THEN t.received WHEN 'published' THEN t.published
         WHEN 'rejected' THEN t.rejected ELSE t.pending END
  FROM (SELECT COUNT(DISTINCT c.user_id) + COALESCE(SUM(c.user_id IS NULL), 0) AS participants,
               COUNT(DISTINCT IF(u.kind = 'organisation', c.user_id, NULL)) AS legal,
               COUNT(DISTINCT IF(u.kind <> 'organisation', c.user_id, NULL)) AS natural_n,
               COALESCE(SUM(c.user_id IS NULL), 0) AS former,
               COUNT(c.id) AS received,
               COALESCE(SUM(c.status = 'published'), 0) AS published,
               COALESCE(SUM(c.status = 'rejected'), 0) AS rejected,
               COALESCE(SUM(c.status = 'pending'), 0) AS pending
          FROM comments c LEFT JOIN users u ON u.id = c.user_id
         WHERE c.activity_id = :activity) t
  JOIN (SELECT 'participants' AS name UNION ALL SELECT 'natural'
        UNION ALL SELECT 'legal' UNION ALL SELECT 'former'
        UNION ALL SELECT 'received' UNION ALL SELECT 'published'
        UNION ALL SELECT 'rejected' UNION ALL SELECT 'pending') k;

-- name: an_stats_groups
-- Campaign groups (two or more published comments) and how many
-- comments they hold.
-- param: activity u
INSERT INTO report_stats (activity_id, dim, ref, name, n)
SELECT :activity, 'count', 0, k.name, IF(k.name = 'groups', g.groups, g.grouped)
  FROM (SELECT COUNT(*) AS groups, COALESCE(SUM(x.n), 0) AS grouped
          FROM (SELECT COUNT(*) AS n FROM comments
                 WHERE activity_id = :activity AND status = 'published'
                 GROUP BY group_id HAVING COUNT(*) > 1) x) g
  JOIN (SELECT 'groups' AS name UNION ALL SELECT 'grouped') k;

-- name: an_stats_articles
-- param: activity u
INSERT INTO report_stats (activity_id, dim, ref, name, n)
SELECT :activity, 'article', COALESCE(article_id, 0), '', COUNT(*)
  FROM comments WHERE activity_id = :activity AND status = 'published'
 GROUP BY COALESCE(article_id, 0);

-- name: an_stats_positions
-- param: activity u
INSERT INTO report_stats (activity_id, dim, ref, name, n)
SELECT :activity, 'position', 0, COALESCE(entity_position, 'none'), COUNT(*)
  FROM comments WHERE activity_id = :activity AND status = 'published'
 GROUP BY COALESCE(entity_position, 'none');

-- name: an_stats_topics
-- param: activity u
INSERT INTO report_stats (activity_id, dim, ref, name, n)
SELECT :activity, 'topic', ct.topic_id, '', COUNT(*)
  FROM comment_topics ct JOIN comments c ON c.id = ct.comment_id
 WHERE c.activity_id = :activity AND c.status = 'published'
 GROUP BY ct.topic_id;

-- name: an_stats_group_sizes
-- The largest :limit (ANALYSIS_GROUPS_KEPT) campaign groups.  A comment
-- not yet fingerprinted (no group: stored by an import before sharekctl
-- reindex) is in none; counted as a group of NULL, it failed the whole
-- statistics' transaction, which the tick then ran again every minute.
-- param: activity u, limit i
INSERT INTO report_stats (activity_id, dim, ref, name, n)
SELECT :activity, 'group', group_id, '', COUNT(*)
  FROM comments WHERE activity_id = :activity AND status = 'published'
   AND group_id IS NOT NULL
 GROUP BY group_id HAVING COUNT(*) > 1
 ORDER BY COUNT(*) DESC, group_id LIMIT :limit;

-- name: an_stats_topics_report
-- The report's topics carry their contributions (9-ج-2).
-- param: activity u
UPDATE report_topics t JOIN reports r ON r.id = t.report_id
  LEFT JOIN report_stats s ON s.activity_id = r.activity_id
       AND s.dim = 'topic' AND s.ref = t.id AND s.name = ''
   SET t.contributions = COALESCE(s.n, 0), t.covered = COALESCE(s.n, 0) > 0
 WHERE r.activity_id = :activity;

-- name: an_stats_done
-- param: activity u
UPDATE reports r
  LEFT JOIN report_stats s ON s.activity_id = r.activity_id
       AND s.dim = 'count' AND s.ref = 0 AND s.name = 'participants'
   SET r.stats_at = UTC_TIMESTAMP(), r.participants_count = COALESCE(s.n, 0)
 WHERE r.activity_id = :activity;

-- name: an_stats_respondents
-- A survey's or poll's participants are its respondents (one response
-- per account; they comment on nothing), not an_stats_done's
-- commenters.  A statement of its own, on one table: folded into
-- an_stats_done's multi-table UPDATE, reading activities there was
-- refused to the staff account (SELECT denied on generations, the table
-- of activities' triggers).
-- param: activity u
UPDATE reports r
   SET r.participants_count = (SELECT /*@activity_participants*/
                                 FROM activities a WHERE a.id = :activity)
 WHERE r.activity_id = :activity
   AND (SELECT a.kind FROM activities a WHERE a.id = :activity)
       <> 'consultation';

-- name: an_stats_get
-- Every statistic of an activity with the label of what it counts, in
-- one statement (a few hundred rows at most: articles, topics, the
-- positions, ANALYSIS_GROUPS_KEPT groups).
-- param: activity u
SELECT s.dim, s.ref, s.name, s.n, x.number_label, x.title_ar AS article_ar,
       x.title_en AS article_en, t.title_ar AS topic_ar,
       t.title_en AS topic_en, g.body AS group_body
  FROM report_stats s
  LEFT JOIN articles x ON s.dim = 'article' AND x.id = s.ref
  LEFT JOIN report_topics t ON s.dim = 'topic' AND t.id = s.ref
  LEFT JOIN comments g ON s.dim = 'group' AND g.id = s.ref
 WHERE s.activity_id = :activity
 ORDER BY s.dim, COALESCE(x.position, t.position, 0), s.n DESC, s.ref, s.name;

-- The report's deadline (analysis_tick).

-- name: an_tick_start
-- Closed activities whose analysis has not started, and those in
-- analysis whose report is not made yet (statistics never computed), a
-- batch at a time.
-- param: limit i
SELECT a.id, a.state FROM activities a
  LEFT JOIN reports r ON r.activity_id = a.id
 WHERE a.state = 'closed'
    OR (a.state = 'analysis' AND (r.id IS NULL OR r.stats_at IS NULL))
    OR (a.state IN ('report_submitted', 'report_approved', 'published')
        AND r.id IS NOT NULL AND r.stats_at IS NULL)
 ORDER BY a.id LIMIT :limit;

-- name: an_tick_owed
-- Activities whose report is owed, for their deadline.
-- param: limit i
SELECT id, closes_at, report_due_at, report_days_late FROM activities
 WHERE state IN ('closed', 'analysis', 'report_submitted', 'report_approved')
   AND closes_at IS NOT NULL
 ORDER BY id LIMIT :limit;

-- name: an_deadline_set
-- param: due_unix i, late i, id u
UPDATE activities SET report_due_at = FROM_UNIXTIME(:due_unix),
       report_days_late = :late
 WHERE id = :id;

-- The staff workspace (page_analysis.c).

-- name: an_groups_page
-- The published comments of :activity, each campaign group once with
-- its size, in group order (keyset: :after the last group of the
-- previous page); filters: :article (0 any; NULL article = the whole
-- document is -1), :position (NULL any, 'none' not yet answered,
-- 'adopted' accepted or partly accepted: the comments that led to a
-- change), :topic (0 any).  :limit is the page size plus one.  The
-- public results page reads it too (public: published comments only).
-- param: activity u, article i, position s, topic u, after u, limit i
SELECT c.id, c.group_id, g.n AS group_size, g.kind AS group_kind, c.body,
       c.entity_position, c.entity_reply_ar, c.entity_reply_en,
       c.duplicate_of, c.received_at, x.number_label,
       u.kind AS author_kind, u.full_name AS author_name,
       u.org_name AS author_org, u.deleted_at IS NOT NULL OR u.id IS NULL AS author_gone,
       (SELECT GROUP_CONCAT(ct.topic_id ORDER BY ct.topic_id)
          FROM comment_topics ct WHERE ct.comment_id = c.id) AS topic_ids
  FROM (SELECT group_id, COUNT(*) AS n, MIN(id) AS first_id,
               MAX(f.group_kind) AS kind
          FROM comments f
         WHERE f.activity_id = :activity AND f.status = 'published'
           AND f.group_id > :after
           AND (:article = 0 OR (:article = -1 AND f.article_id IS NULL)
                OR f.article_id = :article)
           AND (:position IS NULL OR COALESCE(f.entity_position, 'none') = :position
                OR (:position = 'adopted' AND f.entity_position IN ('accepted', 'partially')))
           AND (:topic = 0 OR EXISTS (SELECT 1 FROM comment_topics ft
                                       WHERE ft.comment_id = f.id
                                         AND ft.topic_id = :topic))
         GROUP BY group_id ORDER BY group_id LIMIT :limit) g
  JOIN comments c ON c.id = g.first_id
  LEFT JOIN users u ON u.id = c.user_id
  LEFT JOIN articles x ON x.id = c.article_id
 ORDER BY g.group_id;

-- name: an_topics
-- The themes of an activity's analysis (a few dozen: its articles,
-- objectives and those added).
-- param: activity u
SELECT t.id, t.kind, t.title_ar, t.title_en, t.contributions, t.covered
  FROM report_topics t JOIN reports r ON r.id = t.report_id
 WHERE r.activity_id = :activity
 ORDER BY t.kind = 'added', t.position, t.id;
