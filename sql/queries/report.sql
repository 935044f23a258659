-- The analysis report (fcgi/domain/report.c): its texts, the final
-- document, the review chain's side of the report, the commenters told
-- at publication.  Migration 0013; the table reports is 0001/0002.

-- name: rp_get
-- param: activity u
SELECT r.id, r.state, r.summary_ar, r.summary_en, r.usage_ar, r.usage_en,
       r.trends_ar, r.trends_en, r.alignment_ar, r.alignment_en,
       r.return_reason, r.submitted_at, r.reviewed_at, r.approved_at,
       r.published_at, r.participants_count, r.final_document_upload_id,
       d.stored_name AS document_stored_name,
       d.original_name AS document_name, d.size AS document_size
  FROM reports r LEFT JOIN uploads d ON d.id = r.final_document_upload_id
 WHERE r.activity_id = :activity;

-- name: rp_save
-- param: summary_ar s, summary_en s, usage_ar s, usage_en s, trends_ar s, trends_en s, alignment_ar s, alignment_en s, activity u
UPDATE reports SET summary_ar = :summary_ar, summary_en = :summary_en,
       usage_ar = :usage_ar, usage_en = :usage_en,
       trends_ar = :trends_ar, trends_en = :trends_en,
       alignment_ar = :alignment_ar, alignment_en = :alignment_en,
       updated_at = UTC_TIMESTAMP()
 WHERE activity_id = :activity;

-- name: rp_step
-- The report's side of a step of the review chain: :state as reports
-- names it, who did it (the column of the step), the return's reason.
-- param: state s, user u, reason s, activity u
UPDATE reports SET state = :state,
       submitted_by = IF(:state = 'submitted', :user, submitted_by),
       submitted_at = IF(:state = 'submitted', UTC_TIMESTAMP(), submitted_at),
       reviewed_by = IF(:state = 'reviewed', :user, reviewed_by),
       reviewed_at = IF(:state = 'reviewed', UTC_TIMESTAMP(), reviewed_at),
       approved_by = IF(:state = 'published', :user, approved_by),
       approved_at = IF(:state = 'published', UTC_TIMESTAMP(), approved_at),
       published_at = IF(:state = 'published', UTC_TIMESTAMP(), published_at),
       return_reason = IF(:state = 'returned', :reason,
                          IF(:state = 'submitted', NULL, return_reason)),
       updated_at = UTC_TIMESTAMP()
 WHERE activity_id = :activity;

-- name: rp_missing
-- What the report of :activity still lacks before it is submitted
-- (report_missing), 1 for each text missing: the Arabic summary of
-- every report (9-ج); for a survey or poll also how the results were
-- used, their trends and their alignment with the government's
-- direction, in Arabic (9-هـ).  The English texts are optional, as for
-- consultations.  No row: no report.
-- param: activity u
SELECT TRIM(COALESCE(r.summary_ar, '')) = '' AS summary_ar,
       a.kind <> 'consultation' AND TRIM(COALESCE(r.usage_ar, '')) = ''
         AS usage_ar,
       a.kind <> 'consultation' AND TRIM(COALESCE(r.trends_ar, '')) = ''
         AS trends_ar,
       a.kind <> 'consultation'
         AND TRIM(COALESCE(r.alignment_ar, '')) = '' AS alignment_ar
  FROM reports r JOIN activities a ON a.id = r.activity_id
 WHERE r.activity_id = :activity;

-- name: rp_submitter
-- Who submitted the report (told of a return), else the activity's author.
-- param: activity u
SELECT COALESCE(r.submitted_by, a.author_id) AS user_id
  FROM activities a LEFT JOIN reports r ON r.activity_id = a.id
 WHERE a.id = :activity;

-- The final document (art. 9-د).

-- name: rp_set_document
-- The final document as a new PDF (upload :upload), beside or instead
-- of the articles.
-- param: upload u, activity u
UPDATE reports SET final_document_upload_id = :upload,
       updated_at = UTC_TIMESTAMP()
 WHERE activity_id = :activity;

-- name: rp_articles
-- Not paged: the articles of one final document beside the consulted
-- text of each, shown whole.
-- param: activity u
SELECT ra.id, ra.article_id, ra.number_label, ra.title_ar, ra.title_en,
       ra.body_ar, ra.body_en, ra.status, x.number_label AS old_label,
       x.title_ar AS old_title_ar, x.title_en AS old_title_en,
       x.body_ar AS old_body_ar, x.body_en AS old_body_en
  FROM report_articles ra JOIN reports r ON r.id = ra.report_id
  LEFT JOIN articles x ON x.id = ra.article_id
 WHERE r.activity_id = :activity
 ORDER BY ra.position, ra.id;

-- name: rp_article_lock
-- Article :id of the final document of :activity, with the consulted one.
-- param: id u, activity u
SELECT ra.article_id, x.title_ar AS old_title_ar, x.title_en AS old_title_en,
       x.body_ar AS old_body_ar, x.body_en AS old_body_en
  FROM report_articles ra JOIN reports r ON r.id = ra.report_id
  LEFT JOIN articles x ON x.id = ra.article_id
 WHERE ra.id = :id AND r.activity_id = :activity FOR UPDATE;

-- name: rp_article_update
-- param: label s, title_ar s, title_en s, body_ar s, body_en s, status s, id u
UPDATE report_articles SET number_label = :label, title_ar = :title_ar,
       title_en = :title_en, body_ar = :body_ar, body_en = :body_en,
       status = :status, updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: rp_article_insert
-- A new article, after the others.
-- param: label s, title_ar s, title_en s, body_ar s, body_en s, activity u
INSERT INTO report_articles (report_id, article_id, position, number_label,
                             title_ar, title_en, body_ar, body_en, status,
                             updated_at)
SELECT r.id, NULL, COALESCE(MAX(ra.position), 0) + 1, :label, :title_ar,
       :title_en, :body_ar, :body_en, 'added', UTC_TIMESTAMP()
  FROM reports r LEFT JOIN report_articles ra ON ra.report_id = r.id
 WHERE r.activity_id = :activity
 GROUP BY r.id;

-- name: rp_commenters
-- Everyone who commented, each of their comments with its outcome, for
-- the one e-mail each gets at publication (ordered by person).  Not
-- paged: read once, when the results are published.
-- param: activity u
SELECT c.user_id, u.email, u.lang, c.body, c.status, c.entity_position,
       c.entity_reply_ar, c.entity_reply_en, x.number_label,
       a.title_ar, a.title_en
  FROM comments c
  JOIN users u ON u.id = c.user_id
  JOIN activities a ON a.id = c.activity_id
  LEFT JOIN articles x ON x.id = c.article_id
 WHERE c.activity_id = :activity AND u.email IS NOT NULL
   AND u.deleted_at IS NULL AND u.active = 1
 ORDER BY c.user_id, c.id;
