-- Open data (fcgi/domain/opendata.c, fcgi/public/page_opendata.c): the
-- DCAT-AP catalog's datasets and the rows of their distributions.
--
-- A result dataset is one activity whose report was published: public
-- audience, published — or withdrawn after its report was published,
-- which stays in the catalog marked withdrawn (adms:status) so that
-- harvesting portals do not silently delete it.  The catalog lists the
-- listed ones only (never the unlisted bench data, whose files answer
-- by their address as its pages do).  Every such statement selects
--
--   SELECT /*@od_result_columns*/ FROM reports r /*@od_result_joins*/
--    WHERE /*@od_result_where*/
--
-- under "-- shape: od_result", and opendata_fill() reads them, with the
-- size of each distribution as last generated (od_sizes, migration 0026;
-- NULL until one was written whole).

-- fragment: od_result_columns
a.id, a.kind, a.state, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       a.publish_at, a.closes_at, a.comments_published, /*@activity_participants*/ AS participants,
       r.participants_count, r.summary_ar AS report_summary_ar,
       r.summary_en AS report_summary_en, r.published_at,
       GREATEST(a.updated_at, COALESCE(r.updated_at, r.published_at), r.published_at) AS modified_at,
       e.id AS entity_id, e.slug AS entity_slug, e.name_ar AS entity_name_ar,
       e.name_en AS entity_name_en, e.contact_email AS entity_email,
       (SELECT s.bytes FROM od_sizes s WHERE s.format = 'csv'
           AND s.dataset = CONCAT(a.kind, '-', a.id)) AS csv_bytes,
       (SELECT s.bytes FROM od_sizes s WHERE s.format = 'json'
           AND s.dataset = CONCAT(a.kind, '-', a.id)) AS json_bytes,
       (SELECT s.bytes FROM od_sizes s WHERE s.format = 'xml'
           AND s.dataset = CONCAT(a.kind, '-', a.id)) AS xml_bytes

-- fragment: od_result_joins
  JOIN activities a ON a.id = r.activity_id
  JOIN entities e ON e.id = a.entity_id

-- fragment: od_result_where
a.audience = 'public'
   AND a.state IN ('published', 'withdrawn') AND r.published_at IS NOT NULL

-- name: od_results_page
-- One page of the catalog's result datasets, oldest first (a dataset
-- keeps its place, so a harvester paging through sees each once).  The
-- catalog's pages are numbered (Hydra), hence OFFSET: it is bounded by
-- the number of published results, which stays small.
-- param: limit i, offset i
-- shape: od_result
SELECT /*@od_result_columns*/
  FROM reports r /*@od_result_joins*/
 WHERE /*@od_result_where*/ AND a.unlisted = 0
 ORDER BY a.id
 LIMIT :limit OFFSET :offset;

-- name: od_result_get
-- One result dataset by its activity (distributions, data dictionary).
-- param: activity u
-- shape: od_result
SELECT /*@od_result_columns*/
  FROM reports r /*@od_result_joins*/
 WHERE /*@od_result_where*/ AND a.id = :activity;

-- name: od_catalog_stats
-- The catalog at a glance, in one statement: how many result datasets,
-- when the newest of them changed, and the register's and the complaint
-- statistics' span and last change (validators, temporal coverage); the
-- distributions' sizes in short (how many, their sum: the catalog's ETag
-- changes when one is first known or changes, not at every download).
-- param: none
SELECT (SELECT COUNT(*) FROM reports r /*@od_result_joins*/
         WHERE /*@od_result_where*/ AND a.unlisted = 0) AS results,
       (SELECT MAX(GREATEST(a.updated_at, COALESCE(r.updated_at, r.published_at), r.published_at))
          FROM reports r /*@od_result_joins*/
         WHERE /*@od_result_where*/ AND a.unlisted = 0) AS results_modified,
       (SELECT MIN(a.publish_at) FROM listed_activities a
         WHERE a.audience = 'public' AND a.unlisted = 0) AS register_start,
       (SELECT MAX(a.updated_at) FROM listed_activities a
         WHERE a.audience = 'public' AND a.unlisted = 0) AS register_modified,
       (SELECT COUNT(*) FROM listed_activities a
         WHERE a.audience = 'public' AND a.unlisted = 0) AS register_rows,
       (SELECT MIN(k.day) FROM kpi_daily k) AS complaints_start,
       (SELECT MAX(k.day) FROM kpi_daily k) AS complaints_end,
       (SELECT COUNT(DISTINCT DATE_FORMAT(k.day, '%Y-%m'), k.entity_id,
               k.type_id, k.axis_id) FROM kpi_daily k) AS complaints_rows,
       (SELECT e.slug FROM entities e WHERE e.is_operator = 1
         ORDER BY e.id LIMIT 1) AS operator_slug,
       (SELECT e.name_ar FROM entities e WHERE e.is_operator = 1
         ORDER BY e.id LIMIT 1) AS operator_name_ar,
       (SELECT e.name_en FROM entities e WHERE e.is_operator = 1
         ORDER BY e.id LIMIT 1) AS operator_name_en,
       (SELECT e.contact_email FROM entities e WHERE e.is_operator = 1
         ORDER BY e.id LIMIT 1) AS operator_email,
       (SELECT CONCAT(COUNT(*), '-', COALESCE(SUM(s.bytes), 0))
          FROM od_sizes s) AS sizes;

-- name: od_comments
-- Distribution rows of a consultation's comments dataset, streamed in id
-- order: every published comment with the entity's position and reply,
-- its campaign group and the analysis' themes it was given (migration
-- 0013; a few per comment, through the primary key of comment_topics):
-- the Arabic titles, CHAR(31), the English ones, in one look-up a row
-- (the export writes them as two columns; a join of the grouped themes
-- would sort the whole result instead of streaming it in id order), and
-- only when the consultation's report has themes at all (the EXISTS is
-- not correlated: run once, so a consultation without an analysis
-- costs no look-up a row).  The times are sent as the text of their
-- DATETIME ("2026-11-30 10:00:00", CAST: the server's own conversion),
-- written RFC 3339 by the export: DATE_FORMAT took a seventh of the
-- server's time, and a DATETIME sent binary is formatted by the client
-- library with sprintf, a third of the worker's.  The author is only a
-- type — a natural or a legal person (Tawasul art. 2) — never a name or
-- a contact; "unknown" once the account is gone.  :since (NULL: all)
-- keeps the comments changed since then.
-- param: activity u, since s
SELECT c.id, c.article_id, car.number_label AS article,
       CAST(c.received_at AS CHAR) AS received_at,
       CASE cu.kind WHEN 'organisation' THEN 'legal_person'
                    WHEN 'person' THEN 'natural_person'
                    WHEN 'staff' THEN 'natural_person'
                    ELSE 'unknown' END AS author_type,
       c.body, c.entity_position AS position, c.duplicate_of,
       c.entity_reply_ar AS reply_ar, c.entity_reply_en AS reply_en,
       c.group_id,
       CASE WHEN EXISTS (SELECT 1 FROM reports rp
                          JOIN report_topics rt ON rt.report_id = rp.id
                         WHERE rp.activity_id = :activity)
            THEN (SELECT CONCAT(GROUP_CONCAT(t.title_ar ORDER BY t.position, t.id
                                             SEPARATOR ' | '),
                                CHAR(31),
                                GROUP_CONCAT(COALESCE(t.title_en, t.title_ar)
                                             ORDER BY t.position, t.id SEPARATOR ' | '))
                    FROM comment_topics ct JOIN report_topics t ON t.id = ct.topic_id
                   WHERE ct.comment_id = c.id) END AS themes,
       CAST(GREATEST(c.received_at, COALESCE(c.moderated_at, c.received_at),
                COALESCE(c.position_at, c.received_at)) AS CHAR) AS modified_at
  FROM comments c
  LEFT JOIN users cu ON cu.id = c.user_id
  LEFT JOIN articles car ON car.id = c.article_id
 WHERE c.activity_id = :activity AND c.status = 'published'
   AND (:since IS NULL OR GREATEST(c.received_at,
            COALESCE(c.moderated_at, c.received_at),
            COALESCE(c.position_at, c.received_at)) >= :since)
 ORDER BY c.id;

-- fragment: od_value_stats
-- Per question of :activity answered by a value (scale, number): the
-- mean and the median of its answers as the results page shows them
-- (survey_mean100, survey_median2: hundredths rounded half away from
-- zero, "3.25"; a half, "3" or "3.5"), from the answer counts alone
-- (opt_key 0: the value answered).  No row for a question nobody
-- answered.
SELECT w.question_id,
       CONCAT(IF(w.m100 < 0, '-', ''), ABS(w.m100) DIV 100, '.',
              LPAD(ABS(w.m100) MOD 100, 2, '0')) AS mean,
       IF(w.med2 MOD 2 = 0, CONCAT(w.med2 DIV 2),
          CONCAT(IF(w.med2 < 0, '-', ''), ABS(w.med2) DIV 2, '.5')) AS median
  FROM (SELECT v.question_id,
               (MAX(v.vsum) * 200 + IF(MAX(v.vsum) >= 0, MAX(v.tot),
                -MAX(v.tot))) DIV (2 * MAX(v.tot)) AS m100,
               MIN(IF(v.cum > (v.tot - 1) DIV 2, v.value, NULL)) +
               MIN(IF(v.cum > v.tot DIV 2, v.value, NULL)) AS med2
          FROM (SELECT c.question_id, c.value,
                       SUM(c.n) OVER (PARTITION BY c.question_id
                                      ORDER BY c.value) AS cum,
                       SUM(c.n) OVER (PARTITION BY c.question_id) AS tot,
                       SUM(c.value * c.n) OVER (PARTITION BY c.question_id)
                         AS vsum
                  FROM answer_counts c
                  JOIN questions cq ON cq.id = c.question_id
                 WHERE cq.activity_id = :activity
                   AND cq.kind IN ('scale', 'number')
                   AND c.opt_key = 0 AND c.n > 0) v
         GROUP BY v.question_id) w

-- name: od_options
-- Distribution rows of a survey's or poll's results, as its public
-- results page shows them (survey_results.c).  Every fixed answer of
-- every question with its votes — the answer counts the survey keeps
-- (answer_counts, migration 0014: every matrix row and value of the
-- option summed; of a ranking, the first places, as the results page
-- counts them), or the option's own counter where there are none (the
-- activities before it) — and how many answered the question
-- (question_stats).  The questions answered by a value, each value a
-- row with no option, labelled and placed as on the page: yes/no its
-- two answers (:yes_ar … :no_en, the catalogue's words for the page's
-- "Yes" and "No"), a scale every point from its minimum to its maximum
-- (20 at most: k counts 0 to 19) with the labels of its ends, a number
-- every value answered; scale and number with the mean and the median
-- of the page.
-- Then each free-text answer once moderation approved it (migration
-- 0022: text_status, as the results page shows them), one row each
-- with its text and no option; a pending or rejected one is never in
-- it.  In the order of the form (survey_questions).
-- param: activity u, yes_ar s, yes_en s, no_ar s, no_en s
SELECT q.id AS question_id, s.position AS section_position,
       q.position AS question_position, q.kind,
       q.text_ar AS question_ar, q.text_en AS question_en,
       o.id AS option_id, o.position AS option_position,
       o.label_ar AS option_ar, o.label_en AS option_en,
       COALESCE((SELECT SUM(ac.n) FROM answer_counts ac
                  WHERE ac.question_id = q.id AND ac.opt_key = o.id
                    AND (q.kind <> 'ranking' OR ac.value = 1)),
                o.votes) AS votes,
       (SELECT st.answered FROM question_stats st
         WHERE st.question_id = q.id) AS answered,
       NULL AS value, NULL AS mean, NULL AS median,
       NULL AS text
  FROM questions q
  JOIN question_options o ON o.question_id = q.id
  LEFT JOIN question_sections s ON s.id = q.section_id
 WHERE q.activity_id = :activity AND q.kind <> 'text'
UNION ALL
SELECT q.id, s.position, q.position, q.kind, q.text_ar, q.text_en,
       NULL, y.pos, IF(y.yes = 1, :yes_ar, :no_ar),
       IF(y.yes = 1, :yes_en, :no_en),
       (SELECT COALESCE(SUM(ac.n), 0) FROM answer_counts ac
         WHERE ac.question_id = q.id AND ac.opt_key = 0 AND ac.n > 0
           AND (ac.value <> 0) = (y.yes = 1)),
       (SELECT st.answered FROM question_stats st WHERE st.question_id = q.id),
       y.yes, NULL, NULL, NULL
  FROM questions q
  JOIN (SELECT 1 AS pos, 1 AS yes UNION ALL SELECT 2, 0) y
  LEFT JOIN question_sections s ON s.id = q.section_id
 WHERE q.activity_id = :activity AND q.kind = 'yesno'
UNION ALL
SELECT q.id, s.position, q.position, q.kind, q.text_ar, q.text_en,
       NULL, k.seq + 1,
       CONCAT(COALESCE(q.scale_min, 1) + k.seq,
              CASE WHEN k.seq = 0 AND COALESCE(NULLIF(q.low_label_ar, ''),
                        q.low_label_en, '') <> ''
                   THEN CONCAT(' (', COALESCE(NULLIF(q.low_label_ar, ''),
                        q.low_label_en), ')')
                   WHEN k.seq > 0 AND COALESCE(q.scale_min, 1) + k.seq =
                        COALESCE(q.scale_max, 5) AND COALESCE(NULLIF(
                        q.high_label_ar, ''), q.high_label_en, '') <> ''
                   THEN CONCAT(' (', COALESCE(NULLIF(q.high_label_ar, ''),
                        q.high_label_en), ')')
                   ELSE '' END),
       CONCAT(COALESCE(q.scale_min, 1) + k.seq,
              CASE WHEN k.seq = 0 AND COALESCE(NULLIF(q.low_label_en, ''),
                        NULLIF(q.low_label_ar, ''), '') <> ''
                   THEN CONCAT(' (', COALESCE(NULLIF(q.low_label_en, ''),
                        q.low_label_ar), ')')
                   WHEN k.seq > 0 AND COALESCE(q.scale_min, 1) + k.seq =
                        COALESCE(q.scale_max, 5) AND COALESCE(NULLIF(
                        q.high_label_en, ''), NULLIF(q.high_label_ar, ''),
                        '') <> ''
                   THEN CONCAT(' (', COALESCE(NULLIF(q.high_label_en, ''),
                        q.high_label_ar), ')')
                   ELSE '' END),
       (SELECT COALESCE(SUM(ac.n), 0) FROM answer_counts ac
         WHERE ac.question_id = q.id AND ac.opt_key = 0 AND ac.n > 0
           AND ac.value = COALESCE(q.scale_min, 1) + k.seq),
       (SELECT st.answered FROM question_stats st WHERE st.question_id = q.id),
       COALESCE(q.scale_min, 1) + k.seq, m.mean, m.median, NULL
  FROM questions q
  JOIN (SELECT u.d + t.d AS seq
          FROM (SELECT 0 AS d UNION ALL SELECT 1 UNION ALL SELECT 2
                UNION ALL SELECT 3 UNION ALL SELECT 4) u
         CROSS JOIN (SELECT 0 AS d UNION ALL SELECT 5 UNION ALL SELECT 10
                UNION ALL SELECT 15) t) k
    ON COALESCE(q.scale_min, 1) + k.seq <= COALESCE(q.scale_max, 5)
  LEFT JOIN question_sections s ON s.id = q.section_id
  LEFT JOIN (/*@od_value_stats*/) m ON m.question_id = q.id
 WHERE q.activity_id = :activity AND q.kind = 'scale'
UNION ALL
SELECT q.id, s.position, q.position, q.kind, q.text_ar, q.text_en,
       NULL, ROW_NUMBER() OVER (PARTITION BY q.id ORDER BY ac.value),
       CONCAT(ac.value), CONCAT(ac.value), ac.n,
       (SELECT st.answered FROM question_stats st WHERE st.question_id = q.id),
       ac.value, m.mean, m.median, NULL
  FROM questions q
  JOIN answer_counts ac ON ac.question_id = q.id AND ac.opt_key = 0
   AND ac.n > 0
  LEFT JOIN question_sections s ON s.id = q.section_id
  LEFT JOIN (/*@od_value_stats*/) m ON m.question_id = q.id
 WHERE q.activity_id = :activity AND q.kind = 'number'
UNION ALL
SELECT q.id, s.position, q.position, q.kind, q.text_ar, q.text_en,
       NULL, NULL, NULL, NULL, NULL,
       (SELECT st.answered FROM question_stats st WHERE st.question_id = q.id),
       NULL, NULL, NULL, x.text
  FROM answers x
  JOIN questions q ON q.id = x.question_id
  LEFT JOIN question_sections s ON s.id = q.section_id
 WHERE q.activity_id = :activity AND x.text IS NOT NULL AND x.text <> ''
   AND x.text_status = 'approved'
 ORDER BY section_position IS NOT NULL, section_position, question_position,
       question_id, option_position, option_id, text;

-- name: od_register
-- Distribution rows of the register of every public consultation,
-- survey and poll (listed ones: never drafts, restricted, inter-agency
-- or bench data), streamed in id order; :base makes each page's
-- address.  :since (NULL: all) keeps the ones changed since then.
-- param: base s, since s
SELECT a.id, a.kind, a.state, e.id AS entity_id, e.slug AS entity,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       DATE_FORMAT(a.publish_at, '%Y-%m-%dT%H:%i:%sZ') AS publish_at,
       DATE_FORMAT(a.closes_at, '%Y-%m-%dT%H:%i:%sZ') AS closes_at,
       a.comments_published, /*@activity_participants*/ AS participants,
       DATE_FORMAT(r.published_at, '%Y-%m-%dT%H:%i:%sZ') AS results_published_at,
       CONCAT(:base, '/consultations/', a.id) AS url,
       DATE_FORMAT(a.updated_at, '%Y-%m-%dT%H:%i:%sZ') AS modified_at
  FROM listed_activities a
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN reports r ON r.activity_id = a.id AND r.published_at IS NOT NULL
 WHERE a.audience = 'public' AND a.unlisted = 0
   AND (:since IS NULL OR a.updated_at >= :since)
 ORDER BY a.id;

-- name: od_complaints
-- Distribution rows of the monthly complaint statistics: kpi_daily
-- (aggregates only, never a request) summed by month of receipt, entity,
-- request type and axis (0: not classified yet).
-- param: none
SELECT DATE_FORMAT(k.day, '%Y-%m') AS month, e.id AS entity_id,
       e.slug AS entity, e.name_ar AS entity_name_ar,
       e.name_en AS entity_name_en, t.code AS type,
       COALESCE(x.code, '') AS axis,
       SUM(k.received) AS received, SUM(k.answered) AS answered,
       SUM(k.answered_in_time) AS answered_in_time, SUM(k.late) AS late,
       SUM(k.closed) AS closed, SUM(k.reopened) AS reopened,
       SUM(k.escalated) AS escalated, SUM(k.ratings_count) AS ratings,
       SUM(k.ratings_sum) AS ratings_sum,
       SUM(k.reply_seconds_sum) AS reply_seconds_sum
  FROM kpi_daily k
  JOIN entities e ON e.id = k.entity_id
  JOIN request_types t ON t.id = k.type_id
  LEFT JOIN request_axes x ON x.id = k.axis_id
 GROUP BY DATE_FORMAT(k.day, '%Y-%m'), e.id, t.id, k.axis_id
 ORDER BY month, e.id, t.id, k.axis_id;

-- name: od_sizes_get
-- The size of each distribution of a dataset as last generated (the
-- aggregates; a result's come with its row, od_result_columns).
-- param: dataset s
SELECT s.format, s.bytes
  FROM od_sizes s
 WHERE s.dataset = :dataset;

-- name: od_size_put
-- A distribution was written whole (every row, not HEAD, not
-- ?modified_since=): its size as generated, for dcat:byteSize.
-- param: dataset s, format s, bytes i, rows i
INSERT INTO od_sizes (dataset, format, bytes, row_count, generated_at)
VALUES (:dataset, :format, :bytes, :rows, UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE bytes = VALUES(bytes), row_count = VALUES(row_count),
       generated_at = VALUES(generated_at);
