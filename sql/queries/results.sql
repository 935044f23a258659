-- Published results on the public site (fcgi/public/page_results.c).
-- The page also reads the statistics (an_stats_get), the comments by
-- campaign group (an_groups_page), the themes (an_topics) of
-- analysis.sql and the final document (rp_articles) of report.sql.

-- name: results_gens
-- What a results page reads on every request of an anonymous reader
-- (issue 17: when nothing changed, its one statement, and the worker's
-- copy of the page answers): the generations the worker's cache is read
-- under — the site's and the activity's, which cover its row, report,
-- statistics, final document, published comments, themes and a survey's
-- questions (0027, 0032, 0036) — and how many times a response of a
-- survey was stored, changed or deleted (its shards, response_counts),
-- since each answer changes the results without a generation: the
-- generations' rows stay out of the answers' way.  No row: no such
-- activity.
-- param: id u
SELECT COALESCE(gs.gen, 0) AS site_gen, COALESCE(ga.gen, 0) AS activity_gen,
       COALESCE((SELECT SUM(x.writes) FROM response_counts x
                  WHERE x.activity_id = a.id), 0) AS response_writes
  FROM activities a
  LEFT JOIN generations gs ON gs.name = 'site'
  LEFT JOIN generations ga ON ga.name = CONCAT('activity:', a.id)
 WHERE a.id = :id;

-- name: res_report
-- The published report of an activity.
-- param: activity u
SELECT r.summary_ar, r.summary_en, r.usage_ar, r.usage_en, r.trends_ar,
       r.trends_en, r.alignment_ar, r.alignment_en, r.published_at,
       r.participants_count, d.stored_name AS document_stored_name,
       d.original_name AS document_name, d.size AS document_size
  FROM reports r LEFT JOIN uploads d ON d.id = r.final_document_upload_id
 WHERE r.activity_id = :activity AND r.published_at IS NOT NULL;

-- name: res_list
-- Every published outcome the reader may see, the latest published
-- first, with the filters of /consultations (list_filters).  Keyset on
-- (published_at, id): :before_t (unix seconds) and :before the last of
-- the previous page; :limit is the page size plus one.
-- param: reader u, entity u, sector u, kind s, audience s, q s, before_t i, before u, limit i
SELECT a.id, a.kind, a.title_ar, a.title_en, r.summary_ar, r.summary_en,
       e.name_ar AS entity_ar, e.name_en AS entity_en,
       UNIX_TIMESTAMP(r.published_at) AS published_unix,
       r.participants_count, a.comments_published
  FROM reports r
  JOIN listed_activities a ON a.id = r.activity_id
  JOIN entities e ON e.id = a.entity_id
 WHERE a.state = 'published' AND r.published_at IS NOT NULL
   AND (a.audience = 'public' OR /*@reader_is_target*/)
   AND /*@list_filters*/
   AND (UNIX_TIMESTAMP(r.published_at) < :before_t
        OR (UNIX_TIMESTAMP(r.published_at) = :before_t AND a.id < :before))
 ORDER BY r.published_at DESC, a.id DESC
 LIMIT :limit;
