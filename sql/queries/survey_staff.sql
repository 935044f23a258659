-- The survey builder of the back office (issue 12): sections, questions
-- with their options and matrix rows, conditions, the poll's results
-- mode, the vote attached to a consultation.  The activity is locked
-- first in each transaction (workflow_lock) and must still be editable.

-- name: sv_section_insert
-- param: activity u, title_ar s, title_en s, intro_ar s, intro_en s
INSERT INTO question_sections (activity_id, position, title_ar, title_en,
                               intro_ar, intro_en)
SELECT :activity, COALESCE(MAX(s.position), 0) + 1, :title_ar, :title_en,
       :intro_ar, :intro_en
  FROM question_sections s WHERE s.activity_id = :activity;

-- name: sv_section_questions
-- param: id u, activity u
SELECT s.id, (SELECT COUNT(*) FROM questions q WHERE q.section_id = s.id)
         AS questions
  FROM question_sections s WHERE s.id = :id AND s.activity_id = :activity;

-- name: sv_section_delete
-- param: id u, activity u
DELETE FROM question_sections WHERE id = :id AND activity_id = :activity;

-- name: sv_question_insert
-- At the end of its section (0: the questions outside sections).  The
-- bounds are kept for the kinds they belong to only.
-- param: activity u, section u, kind s, text_ar s, text_en s, required i, scale_max i, min_choices i, max_choices i, num_min i, num_max i, low_ar s, low_en s, high_ar s, high_en s
INSERT INTO questions (activity_id, section_id, position, kind, text_ar,
                       text_en, required, scale_min, scale_max, min_choices,
                       max_choices, num_min, num_max, low_label_ar,
                       low_label_en, high_label_ar, high_label_en)
SELECT :activity, NULLIF(:section, 0), COALESCE(MAX(q.position), 0) + 1,
       :kind, :text_ar, :text_en, :required,
       IF(:kind = 'scale', 1, NULL), IF(:kind = 'scale', :scale_max, NULL),
       IF(:kind = 'multiple', NULLIF(:min_choices, 0), NULL),
       IF(:kind = 'multiple', NULLIF(:max_choices, 0), NULL),
       IF(:kind = 'number', :num_min, NULL),
       IF(:kind = 'number', :num_max, NULL),
       :low_ar, :low_en, :high_ar, :high_en
  FROM questions q
 WHERE q.activity_id = :activity AND q.section_id <=> NULLIF(:section, 0);

-- name: sv_option_insert
-- param: question u, position i, label_ar s, label_en s
INSERT INTO question_options (question_id, position, label_ar, label_en)
VALUES (:question, :position, :label_ar, :label_en);

-- name: sv_row_insert
-- param: question u, position i, label_ar s, label_en s
INSERT INTO question_rows (question_id, position, label_ar, label_en)
VALUES (:question, :position, :label_ar, :label_en);

-- name: sv_question_lock
-- The question, if it is one of the activity's, and what depends on it.
-- param: id u, activity u
SELECT q.id, q.position, q.section_id,
       (SELECT COUNT(*) FROM question_conditions c WHERE c.source_id = q.id)
         AS dependents,
       (SELECT COUNT(*) FROM answers x WHERE x.question_id = q.id)
         AS answers
  FROM questions q WHERE q.id = :id AND q.activity_id = :activity
   FOR UPDATE;

-- name: sv_question_delete
-- param: id u, activity u
DELETE FROM questions WHERE id = :id AND activity_id = :activity;

-- name: sv_question_neighbour
-- The question just before (dir -1) or after (dir 1) in the same section.
-- param: id u, activity u, dir i
SELECT n.id AS neighbour_id, n.position AS neighbour_position,
       q.position AS own_position
  FROM questions q
  JOIN questions n ON n.activity_id = q.activity_id
                  AND n.section_id <=> q.section_id
                  AND ((:dir < 0 AND n.position < q.position) OR
                       (:dir > 0 AND n.position > q.position))
 WHERE q.id = :id AND q.activity_id = :activity
 ORDER BY CASE WHEN :dir < 0 THEN -n.position ELSE n.position END
 LIMIT 1;

-- name: sv_question_set_position
-- param: id u, position i
UPDATE questions SET position = :position WHERE id = :id;

-- name: sv_condition_insert
-- param: activity u, question u, section u, source u, op s, value s
INSERT INTO question_conditions (activity_id, question_id, section_id,
                                 source_id, op, value)
VALUES (:activity, NULLIF(:question, 0), NULLIF(:section, 0), :source, :op,
        :value);

-- name: sv_condition_delete
-- param: id u, activity u
DELETE FROM question_conditions WHERE id = :id AND activity_id = :activity;

-- name: sv_vote_attached
-- param: activity u
SELECT v.question_ar, v.question_en, v.votes_for, v.votes_against,
       v.votes_abstain
  FROM activity_votes v WHERE v.activity_id = :activity;

-- name: sv_question_update
-- The texts of a question (its kind, options and rows stay: conditions
-- and answers refer to them).
-- param: id u, activity u, text_ar s, text_en s, required i
UPDATE questions SET text_ar = :text_ar, text_en = :text_en,
       required = :required
 WHERE id = :id AND activity_id = :activity;

-- name: sv_option_relabel
-- param: question u, position i, label_ar s, label_en s
UPDATE question_options SET label_ar = :label_ar, label_en = :label_en
 WHERE question_id = :question AND position = :position;

-- name: sv_row_relabel
-- param: question u, position i, label_ar s, label_en s
UPDATE question_rows SET label_ar = :label_ar, label_en = :label_en
 WHERE question_id = :question AND position = :position;
