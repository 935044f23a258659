-- Demo data for participatory budgeting (issue 19): the Zahran budget of
-- demo.sql votes by knapsack and computes winners by the Method of Equal
-- Shares; its votes predate ballots, so each voter gets one; a fifth
-- project failed the technical review, with its public reason.
SET @bud = (SELECT id FROM budgets WHERE title_en = 'Zahran district participatory budget 2026');
UPDATE budgets SET ballot_rule = 'knapsack', method = 'mes',
       area_ar = 'منطقة زهران', area_en = 'Zahran district',
       proposals_close_at = opens_at - INTERVAL 3 DAY
 WHERE id = @bud;
INSERT IGNORE INTO budget_ballots (budget_id, user_id, at)
SELECT budget_id, user_id, MIN(at) FROM budget_votes WHERE budget_id = @bud
 GROUP BY budget_id, user_id;
INSERT INTO budget_projects (budget_id, position, title_ar, title_en, description_ar, description_en,
  cost, location, feasible, review_reason)
VALUES (@bud, 5, 'جسر مشاة فوق شارع زهران', 'Footbridge over Zahran Street',
  'جسر مشاة قرب المدارس.', 'A footbridge near the schools.', 400000.000, 'شارع زهران', 0,
  'الكلفة المصححة 400 ألف دينار تتجاوز الموازنة كلها.');

-- A closed budget with its results: approval of up to two projects,
-- winners by votes; one paper batch.
INSERT INTO budgets (entity_id, state, title_ar, title_en, description_ar, description_en, total_amount, votes_per_user,
  opens_at, closes_at, created_by, created_at, ballot_rule, method, max_projects, area_ar, area_en)
SELECT entity_id, 'closed', 'الموازنة التشاركية لمنطقة زهران 2025', 'Zahran district participatory budget 2025',
  'مشاريع اختارها سكان منطقة زهران في 2025.', 'Projects Zahran residents chose in 2025.', 100000.000, 2,
  NOW() - INTERVAL 400 DAY, NOW() - INTERVAL 370 DAY, created_by, NOW() - INTERVAL 410 DAY, 'approval', 'greedy', 2,
  'منطقة زهران', 'Zahran district'
  FROM budgets WHERE id = @bud;
SET @bud25 = LAST_INSERT_ID();
INSERT INTO budget_projects (budget_id, position, title_ar, title_en, cost) VALUES
 (@bud25, 1, 'صيانة ملاعب المدارس', 'School playground repairs', 40000.000),
 (@bud25, 2, 'أشجار على شارع زهران', 'Trees along Zahran Street', 30000.000),
 (@bud25, 3, 'مكتبة الحي', 'Neighbourhood library', 70000.000);
INSERT INTO budget_votes (budget_id, project_id, user_id, at)
SELECT @bud25, p.id, u.id, NOW() - INTERVAL 380 DAY
  FROM budget_projects p JOIN users u ON u.email IN ('citizen@sharek.test', 'citizen2@sharek.test', 'citizen3@sharek.test')
 WHERE p.budget_id = @bud25 AND p.position IN (1, 2);
INSERT INTO budget_ballots (budget_id, user_id, at)
SELECT DISTINCT @bud25, user_id, NOW() - INTERVAL 380 DAY FROM budget_votes WHERE budget_id = @bud25;
INSERT INTO budget_paper_ballots (budget_id, batch, copies, entered_by, at)
SELECT @bud25, 'صندوق البلدية 1', 5, created_by, NOW() - INTERVAL 369 DAY FROM budgets WHERE id = @bud25;
INSERT INTO budget_paper_choices (ballot_id, project_id)
SELECT LAST_INSERT_ID(), id FROM budget_projects WHERE budget_id = @bud25 AND position = 3;

-- A budget of the Ministry of Health in its proposals phase: a citizen's
-- project awaiting review, and one the ministry added and reviewed.
INSERT INTO budgets (entity_id, state, title_ar, title_en, description_ar, description_en, total_amount, votes_per_user,
  opens_at, closes_at, proposals_close_at, created_by, created_at, ballot_rule, method, area_ar, area_en)
SELECT e.id, 'open', 'موازنة المراكز الصحية في الزرقاء 2027', 'Zarqa health centres budget 2027',
  'تقترحون مشاريع لتحسين المراكز الصحية في الزرقاء، وتراجعها الوزارة قبل التصويت.',
  'Propose projects to improve the health centres of Zarqa; the ministry reviews them before the vote.',
  150000.000, 1, UTC_TIMESTAMP() + INTERVAL 20 DAY, UTC_TIMESTAMP() + INTERVAL 50 DAY,
  UTC_TIMESTAMP() + INTERVAL 10 DAY, u.id, UTC_TIMESTAMP() - INTERVAL 5 DAY, 'knapsack', 'greedy',
  'محافظة الزرقاء', 'Zarqa governorate'
  FROM entities e JOIN users u ON u.email = 'liaison@moh.sharek.test' WHERE e.slug = 'moh';
SET @bud27 = LAST_INSERT_ID();
INSERT INTO budget_projects (budget_id, position, title_ar, title_en, description_ar, description_en, cost, location,
  proposed_by, feasible, review_reason)
SELECT @bud27, 1, 'مظلات لانتظار المرضى', NULL, 'مظلات ومقاعد أمام مدخل المركز الصحي الشامل.', NULL, 18000.000,
  'مركز صحي الزرقاء الشامل', id, 1, NULL FROM users WHERE email = 'citizen2@sharek.test';
INSERT INTO budget_projects (budget_id, position, title_ar, title_en, description_ar, description_en, cost, location,
  feasible, review_reason) VALUES
 (@bud27, 2, 'ألواح شمسية لمركز الرصيفة', 'Solar panels for the Russeifa centre', NULL, NULL, 42000.000, 'الرصيفة', 1,
  'راجعتها مديرية الأبنية: السطح يحتمل الألواح، والكلفة المصححة تشمل التركيب.');

-- A draft budget of the Ministry of Health in the review chain: returned
-- by the coordinator with a reason to its author.
INSERT INTO budgets (entity_id, state, review_state, return_reason, title_ar, title_en, description_ar, description_en,
  total_amount, votes_per_user, opens_at, closes_at, proposals_close_at, created_by, created_at, ballot_rule, method,
  max_projects, area_ar, area_en)
SELECT e.id, 'draft', 'returned', 'حدّد المراكز الصحية المشمولة في المحافظة قبل إرسالها.',
  'موازنة المراكز الصحية في إربد 2027', 'Irbid health centres budget 2027', NULL, NULL, 120000.000, 2,
  UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, u.id,
  UTC_TIMESTAMP() - INTERVAL 2 DAY, 'approval', 'greedy', 2, 'محافظة إربد', 'Irbid governorate'
  FROM entities e JOIN users u ON u.email = 'supervisor@moh.sharek.test' WHERE e.slug = 'moh';
