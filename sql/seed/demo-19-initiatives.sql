-- Demo data for citizen initiatives (issue 19, migration 0031): one of
-- each state.  demo.sql has three (collecting supports at the Greater
-- Amman Municipality, answered by the Ministry of Health, awaiting
-- admission at the Ministry of Environment); here they get their dates,
-- thresholds and a paper batch, and a draft, a refused one, one whose
-- threshold was reached and one closed below it are added.
SET @now = UTC_TIMESTAMP();
SET @gam = (SELECT id FROM entities WHERE slug = 'gam');
SET @moh = (SELECT id FROM entities WHERE slug = 'moh');
SET @cit = (SELECT id FROM users WHERE email = 'citizen@sharek.test');
SET @cit2 = (SELECT id FROM users WHERE email = 'citizen2@sharek.test');
SET @cit3 = (SELECT id FROM users WHERE email = 'citizen3@sharek.test');
SET @cit4 = (SELECT id FROM users WHERE email = 'citizen4@sharek.test');
SET @res = (SELECT id FROM users WHERE email = 'resident@sharek.test');
SET @ngo = (SELECT id FROM users WHERE email = 'ngo@sharek.test');
SET @ligam = (SELECT id FROM users WHERE email = 'liaison@gam.sharek.test');
SET @supgam = (SELECT id FROM users WHERE email = 'supervisor@gam.sharek.test');
SET @limoh = (SELECT id FROM users WHERE email = 'liaison@moh.sharek.test');

-- The Ministry of Health sets its own rules; the others keep the defaults.
INSERT INTO initiative_rules (entity_id, admit_days, support_days, threshold, answer_days, updated_at)
VALUES (@moh, 10, 60, 5, 15, @now - INTERVAL 100 DAY);

SET @park = (SELECT id FROM initiatives WHERE author_id = @cit2 AND state = 'published' ORDER BY id LIMIT 1);
UPDATE initiatives SET ask = 'تخصيص قطعة الأرض لحديقة حي وتجهيزها بالألعاب والممرات.', category = 'environment',
       submitted_at = @now - INTERVAL 40 DAY, admit_due_at = @now - INTERVAL 26 DAY,
       supports_open_at = @now - INTERVAL 38 DAY, supports_close_at = @now + INTERVAL 52 DAY,
       threshold = 50, paper_supports = 12
 WHERE id = @park;
INSERT INTO initiative_paper_batches (initiative_id, batch, supports, entered_by, at)
VALUES (@park, 'مكتب منطقة نزال — الأسبوع الأول', 12, @supgam, @now - INTERVAL 20 DAY);

SET @app = (SELECT id FROM initiatives WHERE author_id = @cit AND state = 'adopted' ORDER BY id LIMIT 1);
UPDATE initiatives SET ask = 'إطلاق تطبيق موحد لحجز مواعيد المراكز الصحية مع تذكير برسالة نصية.', category = 'health',
       submitted_at = @now - INTERVAL 90 DAY, admit_due_at = @now - INTERVAL 76 DAY,
       supports_open_at = @now - INTERVAL 88 DAY, supports_close_at = @now - INTERVAL 28 DAY,
       threshold = 5, reached_at = @now - INTERVAL 50 DAY, answer_due_at = @now - INTERVAL 29 DAY,
       replied_by = @limoh, state = 'answered', outcome = 'adopted'
 WHERE id = @app;

UPDATE initiatives SET ask = 'Collection boxes for e-waste in public schools, emptied by licensed recyclers.',
       category = 'environment', admit_due_at = @now + INTERVAL 12 DAY
 WHERE state = 'pending' AND author_id = @res AND admit_due_at IS NULL;

INSERT INTO initiatives (entity_id, author_id, title, body, ask, category, lang, state, created_at, updated_at,
  submitted_at, admit_due_at, moderated_by, moderated_at, refuse_reason, supports_open_at, supports_close_at,
  threshold, paper_supports, reached_at, answer_due_at) VALUES
 (@moh, @cit3, 'عيادات متنقلة للقرى البعيدة',
  'سكان القرى البعيدة يقطعون مسافات طويلة للوصول إلى أقرب مركز صحي؛ نقترح عيادات متنقلة تزور كل قرية مرة في الأسبوع.',
  'تسيير عيادة متنقلة أسبوعية لكل قرية تبعد أكثر من 20 كم عن أقرب مركز صحي.', 'health', 'ar', 'draft',
  @now - INTERVAL 1 DAY, @now - INTERVAL 1 DAY, NULL, NULL, NULL, NULL, NULL, NULL, NULL, 0, 0, NULL, NULL),
 (@gam, @cit4, 'منع وقوف السيارات على الأرصفة في وسط البلد',
  'الأرصفة في وسط البلد مشغولة بالسيارات فيضطر المشاة إلى السير في الشارع.',
  'مخالفة الوقوف على الأرصفة ووضع حواجز تمنعه.', 'transport', 'ar', 'rejected',
  @now - INTERVAL 30 DAY, @now - INTERVAL 25 DAY, @now - INTERVAL 30 DAY, @now - INTERVAL 16 DAY, @ligam,
  @now - INTERVAL 25 DAY,
  'المخالفات المرورية من اختصاص إدارة السير لا الأمانة؛ أحلنا المقترح إليها، ويمكن توجيه المبادرة إليها مباشرة.',
  NULL, NULL, 0, 0, NULL, NULL),
 (@moh, @ngo, 'ممرات لذوي الإعاقة في المستشفيات الحكومية',
  'كثير من المستشفيات الحكومية بلا ممرات أو مصاعد صالحة لمستخدمي الكراسي المتحركة.',
  'تجهيز مدخل ومصعد صالحين لمستخدمي الكراسي المتحركة في كل مستشفى حكومي خلال عام.', 'health', 'ar', 'threshold',
  @now - INTERVAL 45 DAY, @now - INTERVAL 3 DAY, @now - INTERVAL 45 DAY, @now - INTERVAL 31 DAY, @limoh,
  @now - INTERVAL 43 DAY, NULL, @now - INTERVAL 43 DAY, @now + INTERVAL 17 DAY, 5, 2,
  @now - INTERVAL 3 DAY, @now + INTERVAL 18 DAY),
 (@moh, @res, 'Evening hours at primary health centres',
  'Working people cannot reach primary health centres before they close at 2 pm.',
  'Keep one primary health centre per district open until 8 pm.', 'health', 'en', 'closed',
  @now - INTERVAL 120 DAY, @now - INTERVAL 58 DAY, @now - INTERVAL 120 DAY, @now - INTERVAL 106 DAY, @limoh,
  @now - INTERVAL 118 DAY, NULL, @now - INTERVAL 118 DAY, @now - INTERVAL 58 DAY, 5, 0, NULL, NULL);

SET @ramps = (SELECT id FROM initiatives WHERE author_id = @ngo AND state = 'threshold' ORDER BY id DESC LIMIT 1);
SET @evening = (SELECT id FROM initiatives WHERE author_id = @res AND state = 'closed' ORDER BY id DESC LIMIT 1);
SET @mobile = (SELECT id FROM initiatives WHERE author_id = @cit3 AND state = 'draft' ORDER BY id DESC LIMIT 1);
INSERT INTO initiative_supports (initiative_id, user_id, at) VALUES
 (@ramps, @cit, @now - INTERVAL 40 DAY), (@ramps, @cit2, @now - INTERVAL 30 DAY),
 (@ramps, @cit4, @now - INTERVAL 3 DAY), (@evening, @cit2, @now - INTERVAL 100 DAY);
INSERT INTO initiative_paper_batches (initiative_id, batch, supports, entered_by, at)
SELECT @ramps, 'Friends of Patients society, sheets 1–2', 2, u.id, @now - INTERVAL 5 DAY
  FROM users u WHERE u.email = 'supervisor@moh.sharek.test';
INSERT INTO initiative_promoters (initiative_id, email, confirmed_at) VALUES
 (@mobile, 'citizen4@sharek.test', NULL),
 (@ramps, 'company@sharek.test', @now - INTERVAL 44 DAY);
UPDATE initiatives i SET supporters = (SELECT COUNT(*) FROM initiative_supports s WHERE s.initiative_id = i.id)
 WHERE i.id IN (@ramps, @evening);
