-- Surveys and polls (issue 12): the survey as the rules and the pages see
-- it (survey_load: five statements whatever its size), responses and
-- their aggregates kept in the writing transaction, the results and the
-- export.  fcgi/domain/survey.c is the one reader of these columns.

-- name: survey_sections
-- param: activity u
SELECT s.id, s.position, s.title_ar, s.title_en, s.intro_ar, s.intro_en
  FROM question_sections s
 WHERE s.activity_id = :activity
 ORDER BY s.position, s.id;

-- name: survey_questions
-- In the order respondents see them: questions outside any section
-- first (surveys made before sections), then section by section.
-- param: activity u
SELECT q.id, q.section_id, q.position, q.kind, q.text_ar, q.text_en,
       q.required, q.scale_min, q.scale_max, q.min_choices, q.max_choices,
       q.num_min, q.num_max, q.low_label_ar, q.low_label_en,
       q.high_label_ar, q.high_label_en
  FROM questions q
  LEFT JOIN question_sections s ON s.id = q.section_id
 WHERE q.activity_id = :activity
 ORDER BY s.id IS NOT NULL, s.position, s.id, q.position, q.id;

-- name: survey_options
-- param: activity u
SELECT o.id, o.question_id, o.position, o.label_ar, o.label_en
  FROM question_options o JOIN questions q ON q.id = o.question_id
 WHERE q.activity_id = :activity
 ORDER BY o.question_id, o.position, o.id;

-- name: survey_rows
-- param: activity u
SELECT w.id, w.question_id, w.position, w.label_ar, w.label_en
  FROM question_rows w JOIN questions q ON q.id = w.question_id
 WHERE q.activity_id = :activity
 ORDER BY w.question_id, w.position, w.id;

-- name: survey_conditions
-- param: activity u
SELECT c.id, c.question_id, c.section_id, c.source_id, c.op, c.value
  FROM question_conditions c
 WHERE c.activity_id = :activity
 ORDER BY c.id;

-- name: survey_open_check
-- The activity as a response sees it in its transaction (a share lock:
-- closing waits for the response, and the response for closing).
-- param: activity u
SELECT a.state, a.closes_at, a.kind
  FROM activities a WHERE a.id = :activity LOCK IN SHARE MODE;

-- name: survey_my_response
-- param: activity u, user u
SELECT r.id, r.submitted_at, r.changes
  FROM responses r
 WHERE r.activity_id = :activity AND r.user_id = :user
   FOR UPDATE;

-- name: survey_my_answers
-- The reader's stored answers, to start the form from them (a change).
-- param: activity u, user u
SELECT x.question_id, x.row_id, x.option_id, x.value, x.text
  FROM responses r JOIN answers x ON x.response_id = r.id
 WHERE r.activity_id = :activity AND r.user_id = :user
 ORDER BY x.id;

-- name: survey_response_insert
-- One per account by the unique keys (activity, voter_key) and
-- (activity, user_id); the voter key outlives the account.
-- param: activity u, user u
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at)
VALUES (:activity, :user,
        UNHEX(SHA2(CONCAT('sharek-voter-', :activity, '-', :user), 256)),
        UTC_TIMESTAMP());

-- name: survey_response_changed
-- param: id u
UPDATE responses SET submitted_at = UTC_TIMESTAMP(),
       updated_at = UTC_TIMESTAMP(), changes = changes + 1
 WHERE id = :id;

-- name: survey_change_insert
-- param: response u, activity u
INSERT INTO response_changes (response_id, activity_id, at)
VALUES (:response, :activity, UTC_TIMESTAMP());

-- name: survey_participant_add
-- One more participant of :activity, in the shard of :user
-- (activity_participants, sql/queries/activity.sql).
-- param: activity u, user u
INSERT INTO activity_counts (activity_id, shard, participants)
VALUES (:activity, :user % 16, 1)
ON DUPLICATE KEY UPDATE participants = participants + 1;

-- name: survey_answers_delete
-- param: response u
DELETE FROM answers WHERE response_id = :response;

-- name: survey_answer_insert
-- An answer row; all of option, value and text NULL: shown, not answered.
-- row and option 0: none; has_value 0: no value.
-- param: response u, question u, row u, option u, has_value i, value i, text s
INSERT INTO answers (response_id, question_id, row_id, option_id, value, text)
VALUES (:response, :question, NULLIF(:row, 0), NULLIF(:option, 0),
        IF(:has_value, :value, NULL), :text);

-- name: survey_counts_apply
-- Adds (sign 1) or takes away (sign -1) one response's answers to the
-- distribution: one statement, whatever the number of responses.
-- param: response u, sign i
INSERT INTO answer_counts (question_id, row_key, opt_key, value, n)
SELECT x.question_id AS question_id, x.row_key AS row_key,
       x.opt_key AS opt_key, COALESCE(x.value, 0) AS value,
       :sign * COUNT(*) AS n
  FROM answers x
 WHERE x.response_id = :response
   AND (x.option_id IS NOT NULL OR x.value IS NOT NULL)
 GROUP BY x.question_id, x.row_key, x.opt_key, COALESCE(x.value, 0)
ON DUPLICATE KEY UPDATE n = n + VALUES(n);

-- name: survey_stats_apply
-- The same for shown / answered / selections per question.
-- param: response u, sign i
INSERT INTO question_stats (question_id, shown, answered, selections)
SELECT x.question_id AS question_id, :sign AS shown,
       :sign * MAX(x.option_id IS NOT NULL OR x.value IS NOT NULL OR
                   x.text IS NOT NULL) AS answered,
       :sign * SUM(x.option_id IS NOT NULL) AS selections
  FROM answers x
 WHERE x.response_id = :response
 GROUP BY x.question_id
ON DUPLICATE KEY UPDATE shown = shown + VALUES(shown),
       answered = answered + VALUES(answered),
       selections = selections + VALUES(selections);

-- name: survey_counts
-- The distribution of every question of the activity (results page).
-- param: activity u
SELECT c.question_id, c.row_key, c.opt_key, c.value, c.n
  FROM answer_counts c JOIN questions q ON q.id = c.question_id
 WHERE q.activity_id = :activity AND c.n > 0
 ORDER BY c.question_id, c.row_key, c.opt_key, c.value;

-- name: survey_stats
-- param: activity u
SELECT s.question_id, s.shown, s.answered, s.selections
  FROM question_stats s JOIN questions q ON q.id = s.question_id
 WHERE q.activity_id = :activity;

-- fragment: survey_responses
-- The number of responses of activity a: the shards the responses'
-- triggers keep (response_counts, 0036_results_reuse.sql), 16 rows at
-- most whatever the number of responses.
COALESCE((SELECT SUM(x.responses) FROM response_counts x
           WHERE x.activity_id = a.id), 0)

-- name: survey_settings
-- The poll's results mode, the number of responses, and whether the
-- reader (0: anonymous) has responded.
-- param: activity u, user u
SELECT COALESCE((SELECT p.results FROM poll_settings p
                  WHERE p.activity_id = a.id), 'after_vote') AS results,
       /*@survey_responses*/ AS responses,
       EXISTS (SELECT 1 FROM responses r WHERE r.activity_id = a.id
                  AND r.user_id = :user) AS responded
  FROM activities a WHERE a.id = :activity;

-- name: survey_texts
-- The free-text answers of the activity, newest first, keyset on the
-- answer's id (:before 0: from the newest), :limit rows (a page + 1, the
-- extra row says there is more).  Staff (:staff 1) see every one with its
-- moderation status and the principle a rejected one does not meet; the
-- public only the approved ones (issue 12, like comments: art. 9-ب).
-- param: activity u, staff i, before u, limit i
SELECT x.id, x.question_id, x.text, x.text_status,
       mr.label_ar AS reason_ar, mr.label_en AS reason_en
  FROM answers x JOIN responses r ON r.id = x.response_id
  LEFT JOIN moderation_reasons mr ON mr.id = x.text_reason_id
 WHERE r.activity_id = :activity AND x.text IS NOT NULL AND x.text <> ''
   AND (:staff = 1 OR x.text_status = 'approved')
   AND (:before = 0 OR x.id < :before)
 ORDER BY x.id DESC
 LIMIT :limit;

-- name: survey_text_decide
-- Approves or rejects (with :reason, NULL to approve) one pending text
-- answer of the activity; 0 rows when it is not pending or not its.
-- param: status s, reason i, user u, id u, activity u
UPDATE answers x JOIN responses r ON r.id = x.response_id
   SET x.text_status = :status, x.text_reason_id = :reason,
       x.text_moderated_by = :user, x.text_moderated_at = UTC_TIMESTAMP()
 WHERE x.id = :id AND r.activity_id = :activity
   AND x.text IS NOT NULL AND x.text_status = 'pending';

-- name: survey_export
-- Every answer of every response, response by response (the CSV streams
-- it in constant memory: db_stream).
-- param: activity u
SELECT r.id AS response_id, r.submitted_at, x.question_id, x.row_id,
       x.option_id, x.value, x.text
  FROM responses r JOIN answers x ON x.response_id = r.id
 WHERE r.activity_id = :activity
 ORDER BY r.id, x.id;
