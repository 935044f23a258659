-- Demo data of surveys, polls and votes on drafts (issue 12), loaded
-- after demo.sql: a survey of the Ministry of Health using every kind of
-- question, in two sections, the second shown only to those who visited
-- a health centre (a condition), with responses through both branches;
-- demo.sql's open poll shows its results to voters after voting, its
-- closed poll is published with its report; a vote on the draft attached
-- to the first open consultation.  The aggregates the results pages read
-- are computed at the end from the answers (the programs keep them up to
-- date as responses arrive).
SET @now = UTC_TIMESTAMP();
SET @moh = (SELECT id FROM entities WHERE slug = 'moh');
SET @sup = (SELECT id FROM users WHERE email = 'supervisor@moh.sharek.test');
SET @co = (SELECT id FROM users WHERE email = 'coordinator@moh.sharek.test');
SET @liaison = (SELECT id FROM users WHERE email = 'liaison@moh.sharek.test');
SET @cit = (SELECT id FROM users WHERE email = 'citizen@sharek.test');
SET @cit2 = (SELECT id FROM users WHERE email = 'citizen2@sharek.test');
SET @cit3 = (SELECT id FROM users WHERE email = 'citizen3@sharek.test');
SET @res = (SELECT id FROM users WHERE email = 'resident@sharek.test');

-- Shown but unanswered questions of demo.sql's responses (no condition
-- there: every question was shown).
INSERT INTO answers (response_id, question_id)
SELECT r.id, q.id FROM responses r JOIN questions q ON q.activity_id = r.activity_id
 WHERE NOT EXISTS (SELECT 1 FROM answers x WHERE x.response_id = r.id AND x.question_id = q.id);

-- The survey.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, target_group_size, created_at, updated_at) VALUES
 ('survey', @moh, @sup, 'public', 'open', 'استبيان تجربة المراجعين في مراكز الرعاية الصحية الأولية',
  'Survey of patients'' experience in primary health care centres',
  'تسعى وزارة الصحة إلى معرفة تجربة المواطنين مع مراكز الرعاية الصحية الأولية لتحسين الخدمة: أسئلة قصيرة في قسمين.',
  'The Ministry of Health wants to learn how citizens experience primary health care centres, to improve the service: short questions in two sections.',
  @now - INTERVAL 5 DAY, @now + INTERVAL 28 DAY, @now + INTERVAL 28 DAY,
  @now + INTERVAL 50 DAY, @now + INTERVAL 60 DAY, 5000, @now - INTERVAL 10 DAY, @now - INTERVAL 5 DAY);
SET @sv = LAST_INSERT_ID();
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @sv, id FROM sectors WHERE slug = 'health';
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@sv, @now - INTERVAL 9 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@sv, @now - INTERVAL 8 DAY, @co, 'coordinator', 'submitted', 'approved', NULL),
 (@sv, @now - INTERVAL 7 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@sv, @now - INTERVAL 5 DAY, NULL, 'system', 'scheduled', 'open', NULL);
INSERT INTO question_sections (activity_id, position, title_ar, title_en, intro_ar, intro_en) VALUES
 (@sv, 1, 'عنك', 'About you', 'أسئلة عامة.', 'General questions.');
SET @sec1 = LAST_INSERT_ID();
INSERT INTO question_sections (activity_id, position, title_ar, title_en, intro_ar, intro_en) VALUES
 (@sv, 2, 'زيارتك الأخيرة', 'Your last visit', 'عن آخر زيارة لمركز صحي.', 'About your last visit to a health centre.');
SET @sec2 = LAST_INSERT_ID();

INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec1, 1, 'yesno', 'هل زرت مركزاً صحياً خلال السنة الماضية؟', 'Did you visit a health centre in the past year?', 1);
SET @qy = LAST_INSERT_ID();
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required, num_min, num_max) VALUES
 (@sv, @sec1, 2, 'number', 'كم عمرك؟', 'How old are you?', 1, 16, 110);
SET @qn = LAST_INSERT_ID();
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec1, 3, 'text', 'في أي مدينة تسكن؟', 'Which town do you live in?', 0);
SET @qt = LAST_INSERT_ID();
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec2, 1, 'date', 'متى كانت زيارتك الأخيرة؟', 'When was your last visit?', 0);
SET @qd = LAST_INSERT_ID();
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec2, 2, 'single', 'ما سبب الزيارة؟', 'Why did you go?', 1);
SET @qs = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@qs, 1, 'مرض مفاجئ', 'Sudden illness'), (@qs, 2, 'مراجعة دورية', 'Regular check-up'), (@qs, 3, 'تطعيم', 'Vaccination');
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required, min_choices, max_choices) VALUES
 (@sv, @sec2, 3, 'multiple', 'ما الخدمات التي تلقيتها؟ (اختر واحدة إلى ثلاث)', 'Which services did you receive? (choose one to three)', 1, 1, 3);
SET @qm = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@qm, 1, 'فحص طبيب', 'A doctor''s examination'), (@qm, 2, 'مختبر', 'Laboratory'), (@qm, 3, 'صيدلية', 'Pharmacy'), (@qm, 4, 'أشعة', 'X-ray');
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required, scale_min, scale_max,
  low_label_ar, low_label_en, high_label_ar, high_label_en) VALUES
 (@sv, @sec2, 4, 'scale', 'ما مدى رضاك عن الزيارة؟', 'How satisfied were you with the visit?', 1, 1, 5,
  'غير راضٍ', 'Not satisfied', 'راضٍ جداً', 'Very satisfied');
SET @qc = LAST_INSERT_ID();
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec2, 5, 'ranking', 'رتّب ما يهمك أكثر', 'Rank what matters most to you', 1);
SET @qr = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@qr, 1, 'مدة الانتظار', 'Waiting time'), (@qr, 2, 'لطف الموظفين', 'Kind staff'), (@qr, 3, 'توفر الدواء', 'Medicine available');
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec2, 6, 'matrix', 'قيّم ما يلي', 'Rate the following', 1);
SET @qx = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@qx, 1, 'ضعيف', 'Poor'), (@qx, 2, 'مقبول', 'Fair'), (@qx, 3, 'جيد', 'Good');
INSERT INTO question_rows (question_id, position, label_ar, label_en) VALUES
 (@qx, 1, 'النظافة', 'Cleanliness'), (@qx, 2, 'المواعيد', 'Appointments');
INSERT INTO questions (activity_id, section_id, position, kind, text_ar, text_en, required) VALUES
 (@sv, @sec2, 7, 'longtext', 'ما الذي تقترح تحسينه؟', 'What would you improve?', 0);
SET @ql = LAST_INSERT_ID();
-- The second section only after a visit; the town too (on the same
-- page: static/survey.js shows it as "yes" is chosen).
INSERT INTO question_conditions (activity_id, section_id, source_id, op, value) VALUES
 (@sv, @sec2, @qy, 'eq', 'yes');
INSERT INTO question_conditions (activity_id, question_id, source_id, op, value) VALUES
 (@sv, @qt, @qy, 'eq', 'yes');

SET @o = (SELECT id FROM question_options WHERE question_id = @qs AND position = 2);
-- Three responses: two visited (both sections), one did not (the town
-- and the second section were not shown).
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@sv, @cit, UNHEX(SHA2(CONCAT('sharek-voter-', @sv, '-', @cit), 256)), @now - INTERVAL 4 DAY);
SET @r = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, row_id, option_id, value, text) VALUES
 (@r, @qy, NULL, NULL, 1, NULL), (@r, @qn, NULL, NULL, 34, NULL), (@r, @qt, NULL, NULL, NULL, 'إربد'),
 (@r, @qd, NULL, NULL, NULL, DATE_FORMAT(@now - INTERVAL 20 DAY, '%Y-%m-%d')),
 (@r, @qs, NULL, @o, NULL, NULL),
 (@r, @qm, NULL, (SELECT id FROM question_options WHERE question_id = @qm AND position = 1), NULL, NULL),
 (@r, @qm, NULL, (SELECT id FROM question_options WHERE question_id = @qm AND position = 3), NULL, NULL),
 (@r, @qc, NULL, NULL, 4, NULL),
 (@r, @qr, NULL, (SELECT id FROM question_options WHERE question_id = @qr AND position = 1), 1, NULL),
 (@r, @qr, NULL, (SELECT id FROM question_options WHERE question_id = @qr AND position = 3), 2, NULL),
 (@r, @qr, NULL, (SELECT id FROM question_options WHERE question_id = @qr AND position = 2), 3, NULL),
 (@r, @qx, (SELECT id FROM question_rows WHERE question_id = @qx AND position = 1), (SELECT id FROM question_options WHERE question_id = @qx AND position = 3), NULL, NULL),
 (@r, @qx, (SELECT id FROM question_rows WHERE question_id = @qx AND position = 2), (SELECT id FROM question_options WHERE question_id = @qx AND position = 1), NULL, NULL),
 (@r, @ql, NULL, NULL, NULL, 'مواعيد مسائية للعاملين.');
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@sv, @cit2, UNHEX(SHA2(CONCAT('sharek-voter-', @sv, '-', @cit2), 256)), @now - INTERVAL 3 DAY);
SET @r = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, row_id, option_id, value, text) VALUES
 (@r, @qy, NULL, NULL, 1, NULL), (@r, @qn, NULL, NULL, 61, NULL), (@r, @qt, NULL, NULL, NULL, NULL),
 (@r, @qd, NULL, NULL, NULL, NULL),
 (@r, @qs, NULL, (SELECT id FROM question_options WHERE question_id = @qs AND position = 1), NULL, NULL),
 (@r, @qm, NULL, (SELECT id FROM question_options WHERE question_id = @qm AND position = 1), NULL, NULL),
 (@r, @qc, NULL, NULL, 2, NULL),
 (@r, @qr, NULL, (SELECT id FROM question_options WHERE question_id = @qr AND position = 3), 1, NULL),
 (@r, @qr, NULL, (SELECT id FROM question_options WHERE question_id = @qr AND position = 1), 2, NULL),
 (@r, @qr, NULL, (SELECT id FROM question_options WHERE question_id = @qr AND position = 2), 3, NULL),
 (@r, @qx, (SELECT id FROM question_rows WHERE question_id = @qx AND position = 1), (SELECT id FROM question_options WHERE question_id = @qx AND position = 2), NULL, NULL),
 (@r, @qx, (SELECT id FROM question_rows WHERE question_id = @qx AND position = 2), (SELECT id FROM question_options WHERE question_id = @qx AND position = 2), NULL, NULL),
 (@r, @ql, NULL, NULL, NULL, NULL);
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@sv, @res, UNHEX(SHA2(CONCAT('sharek-voter-', @sv, '-', @res), 256)), @now - INTERVAL 1 DAY);
SET @r = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, row_id, option_id, value, text) VALUES
 (@r, @qy, NULL, NULL, 0, NULL), (@r, @qn, NULL, NULL, 27, NULL);
UPDATE activities SET participants = 3 WHERE id = @sv;
-- The town answered is approved by the supervisor (migration 0022: free
-- texts are listed publicly after moderation, like comments).
UPDATE answers x JOIN responses r ON r.id = x.response_id
   SET x.text_status = 'approved', x.text_moderated_by = @sup,
       x.text_moderated_at = @now - INTERVAL 3 DAY
 WHERE r.activity_id = @sv AND x.text IS NOT NULL;

-- demo.sql's open poll: results to voters after voting; its closed one
-- (published) is sealed — shown now, since it closed.
INSERT INTO poll_settings (activity_id, results)
SELECT a.id, 'after_vote' FROM activities a WHERE a.kind = 'poll' AND a.state = 'open';
INSERT INTO poll_settings (activity_id, results)
SELECT a.id, 'sealed' FROM activities a WHERE a.kind = 'poll' AND a.state = 'published';

-- A vote on the draft of the first open public consultation of the
-- Ministry of Health.
SET @c1 = (SELECT MIN(id) FROM activities WHERE kind = 'consultation' AND entity_id = @moh AND state = 'open' AND audience = 'public');
INSERT INTO activity_votes (activity_id, question_ar, question_en, created_by, created_at) VALUES
 (@c1, 'هل تؤيد إقرار مسودة النظام بصيغتها الحالية؟', 'Do you support adopting the draft regulation as it stands?', @sup, @now - INTERVAL 9 DAY);
INSERT INTO draft_votes (activity_id, user_id, voter_key, choice, reason, at) VALUES
 (@c1, @cit2, UNHEX(SHA2(CONCAT('sharek-vote-', @c1, '-', @cit2), 256)), 'for', NULL, @now - INTERVAL 6 DAY),
 (@c1, @cit3, UNHEX(SHA2(CONCAT('sharek-vote-', @c1, '-', @cit3), 256)), 'against', 'تحتاج العيادات الصغيرة إلى مهلة أطول لتوفيق أوضاعها.', @now - INTERVAL 4 DAY),
 (@c1, @res, UNHEX(SHA2(CONCAT('sharek-vote-', @c1, '-', @res), 256)), 'abstain', NULL, @now - INTERVAL 2 DAY);
UPDATE activity_votes v SET
  votes_for = (SELECT COUNT(*) FROM draft_votes d WHERE d.activity_id = v.activity_id AND d.choice = 'for'),
  votes_against = (SELECT COUNT(*) FROM draft_votes d WHERE d.activity_id = v.activity_id AND d.choice = 'against'),
  votes_abstain = (SELECT COUNT(*) FROM draft_votes d WHERE d.activity_id = v.activity_id AND d.choice = 'abstain');

-- The aggregates, from every answer of the demo (as survey_counts_apply
-- and survey_stats_apply keep them).
INSERT INTO answer_counts (question_id, row_key, opt_key, value, n)
SELECT x.question_id, x.row_key, x.opt_key, COALESCE(x.value, 0), COUNT(*)
  FROM answers x WHERE x.option_id IS NOT NULL OR x.value IS NOT NULL
 GROUP BY x.question_id, x.row_key, x.opt_key, COALESCE(x.value, 0);
INSERT INTO question_stats (question_id, shown, answered, selections)
SELECT y.question_id, COUNT(*), SUM(y.answered), SUM(y.selections)
  FROM (SELECT x.question_id, x.response_id,
               MAX(x.option_id IS NOT NULL OR x.value IS NOT NULL OR x.text IS NOT NULL) AS answered,
               SUM(x.option_id IS NOT NULL) AS selections
          FROM answers x GROUP BY x.question_id, x.response_id) y
 GROUP BY y.question_id;
