-- Demo data (development only; sharekctl seed-demo refuses production).
-- Every demo account has the password sharek-demo-2026 (@PWHASH@).
-- Dates are relative to now (UTC) so the data stays realistic whenever
-- it is loaded; counters are recomputed from the rows at the end.
-- Names of people are invented.  Complainants' contact data is never
-- seeded: requests.requester_enc is written only by the application,
-- encrypted (crypto_secretbox).  Comment body_hash here is SHA-256; the
-- application uses BLAKE2b for new comments (only the duplicate guard of
-- the last ten minutes compares them).
-- Sectors, request types, axes, priorities, the SLA matrix, moderation
-- principles and settings are reference data from the migrations.

SET @now = UTC_TIMESTAMP();

-- =====================================================================
-- Government entities (art. 2): the ministry that runs the portal, and
-- entities of every kind with sub-departments.
-- =====================================================================
INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, contact_email,
  sg_name, sg_email, sg_mobile, minister_name, minister_email, minister_mobile,
  created_at, updated_at) VALUES
 ('ministry', 'وزارة الاقتصاد الرقمي والريادة', 'Ministry of Digital Economy and Entrepreneurship', 'modee', 1, 'info@modee.sharek.test',
  'م. سامر العبادي', 'sg@modee.sharek.test', '+962790000001', 'د. ليلى الحسن', 'minister@modee.sharek.test', '+962790000002', @now - INTERVAL 400 DAY, @now - INTERVAL 400 DAY);
SET @modee = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, contact_email, created_at, updated_at) VALUES
 (@modee, 'department', 'مديرية المشاركة الإلكترونية', 'E-Participation Directorate', 'modee-eparticipation', 'eparticipation@modee.sharek.test', @now - INTERVAL 400 DAY, @now - INTERVAL 400 DAY);

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('ministry', 'وزارة الصحة', 'Ministry of Health', 'moh', 'info@moh.sharek.test',
  'د. خالد المومني', 'sg@moh.sharek.test', '+962790000011', 'د. ريم الزعبي', 'minister@moh.sharek.test', '+962790000012', @now - INTERVAL 380 DAY, @now - INTERVAL 380 DAY);
SET @moh = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, contact_email, created_at, updated_at) VALUES
 (@moh, 'department', 'مديرية الرعاية الصحية الأولية', 'Directorate of Primary Health Care', 'moh-phc', 'phc@moh.sharek.test', @now - INTERVAL 380 DAY, @now - INTERVAL 380 DAY);
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, contact_email, created_at, updated_at) VALUES
 (@moh, 'department', 'مديرية ترخيص المهن والمؤسسات الصحية', 'Directorate of Licensing of Health Professions and Institutions', 'moh-licensing', 'licensing@moh.sharek.test', @now - INTERVAL 380 DAY, @now - INTERVAL 380 DAY);

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('ministry', 'وزارة التربية والتعليم', 'Ministry of Education', 'moe', 'info@moe.sharek.test',
  'د. نجوى القضاة', 'sg@moe.sharek.test', '+962790000021', 'د. عمر الخطيب', 'minister@moe.sharek.test', '+962790000022', @now - INTERVAL 370 DAY, @now - INTERVAL 370 DAY);
SET @moe = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@moe, 'department', 'إدارة المناهج والكتب المدرسية', 'Curricula and Textbooks Directorate', 'moe-curricula', @now - INTERVAL 370 DAY, @now - INTERVAL 370 DAY);

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('municipality', 'أمانة عمّان الكبرى', 'Greater Amman Municipality', 'gam', 'info@gam.sharek.test',
  'م. رائد الطراونة', 'cm@gam.sharek.test', '+962790000031', 'م. فيصل العدوان', 'mayor@gam.sharek.test', '+962790000032', @now - INTERVAL 360 DAY, @now - INTERVAL 360 DAY);
SET @gam = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@gam, 'department', 'دائرة النقل العام', 'Public Transport Department', 'gam-transport', @now - INTERVAL 360 DAY, @now - INTERVAL 360 DAY);

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('authority', 'هيئة تنظيم قطاع الاتصالات', 'Telecommunications Regulatory Commission', 'trc', 'info@trc.sharek.test',
  'م. هالة الزواهرة', 'ceo@trc.sharek.test', '+962790000041', 'د. مازن الرفاعي', 'chairman@trc.sharek.test', '+962790000042', @now - INTERVAL 350 DAY, @now - INTERVAL 350 DAY);
SET @trc = LAST_INSERT_ID();

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('ministry', 'وزارة البيئة', 'Ministry of Environment', 'moenv', 'info@moenv.sharek.test',
  'م. غدير الخصاونة', 'sg@moenv.sharek.test', '+962790000051', 'د. نبيل العتوم', 'minister@moenv.sharek.test', '+962790000052', @now - INTERVAL 340 DAY, @now - INTERVAL 340 DAY);
SET @moenv = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@moenv, 'department', 'مديرية إدارة النفايات والمواد الخطرة', 'Waste and Hazardous Substances Directorate', 'moenv-waste', @now - INTERVAL 340 DAY, @now - INTERVAL 340 DAY);

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('institution', 'المؤسسة العامة للضمان الاجتماعي', 'Social Security Corporation', 'ssc', 'info@ssc.sharek.test',
  'د. عبير الصرايرة', 'dg@ssc.sharek.test', '+962790000061', 'م. طارق النابلسي', 'chairman@ssc.sharek.test', '+962790000062', @now - INTERVAL 330 DAY, @now - INTERVAL 330 DAY);
SET @ssc = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@ssc, 'department', 'مديرية فرع شرق عمّان', 'East Amman Branch', 'ssc-east-amman', @now - INTERVAL 330 DAY, @now - INTERVAL 330 DAY);

-- A company wholly owned by the state (art. 2: ≥ 50 %).
INSERT INTO entities (kind, gov_share_pct, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('company', 100.00, 'شركة مياه الأردن (مياهنا)', 'Jordan Water Company (Miyahuna)', 'miyahuna', 'info@miyahuna.sharek.test',
  'م. أيمن الحمود', 'gm@miyahuna.sharek.test', '+962790000071', 'د. منذر الروسان', 'minister@mwi.sharek.test', '+962790000072', @now - INTERVAL 300 DAY, @now - INTERVAL 300 DAY);
SET @miyahuna = LAST_INSERT_ID();

INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('council', 'المجلس الأعلى لحقوق الأشخاص ذوي الإعاقة', 'Higher Council for the Rights of Persons with Disabilities', 'hcd', 'info@hcd.sharek.test',
  'د. مها الشريدة', 'sg@hcd.sharek.test', '+962790000081', 'د. سليم العموش', 'president@hcd.sharek.test', '+962790000082', @now - INTERVAL 290 DAY, @now - INTERVAL 290 DAY);
SET @hcd = LAST_INSERT_ID();

INSERT INTO entity_sectors (entity_id, sector_id)
SELECT e.id, s.id FROM entities e JOIN sectors s ON
  (e.slug IN ('moh', 'moh-phc', 'moh-licensing') AND s.slug = 'health') OR
  (e.slug IN ('moe', 'moe-curricula') AND s.slug = 'education') OR
  (e.slug IN ('modee', 'modee-eparticipation') AND s.slug IN ('digital', 'public_sector')) OR
  (e.slug = 'trc' AND s.slug = 'digital') OR
  (e.slug = 'gam' AND s.slug IN ('local', 'transport')) OR
  (e.slug = 'gam-transport' AND s.slug = 'transport') OR
  (e.slug IN ('moenv', 'moenv-waste') AND s.slug = 'environment') OR
  (e.slug IN ('ssc', 'ssc-east-amman') AND s.slug IN ('social', 'labour')) OR
  (e.slug = 'miyahuna' AND s.slug = 'water') OR
  (e.slug = 'hcd' AND s.slug = 'social');

-- =====================================================================
-- Accounts: staff of the ministry and of entities (liaison officer and
-- alternate, coordinator, supervisor — art. 6-ب, 7-هـ), citizens, a
-- resident, organisations (legal persons, art. 2), a deleted account.
-- =====================================================================
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, mobile, lang, role, entity_id, created_at, updated_at) VALUES
 ('staff', 'admin@sharek.test', @now - INTERVAL 400 DAY, '@PWHASH@', 'هند الرواشدة', '+962791111001', 'ar', 'admin', @modee, @now - INTERVAL 400 DAY, @now - INTERVAL 400 DAY),
 ('staff', 'liaison@moh.sharek.test', @now - INTERVAL 379 DAY, '@PWHASH@', 'محمد العزام', '+962791111002', 'ar', 'liaison', @moh, @now - INTERVAL 379 DAY, @now - INTERVAL 379 DAY),
 ('staff', 'alternate@moh.sharek.test', @now - INTERVAL 379 DAY, '@PWHASH@', 'سلمى الطراونة', '+962791111003', 'ar', 'liaison', @moh, @now - INTERVAL 379 DAY, @now - INTERVAL 379 DAY),
 ('staff', 'coordinator@moh.sharek.test', @now - INTERVAL 375 DAY, '@PWHASH@', 'رامي الشوبكي', '+962791111004', 'ar', 'coordinator', @moh, @now - INTERVAL 375 DAY, @now - INTERVAL 375 DAY),
 ('staff', 'supervisor@moh.sharek.test', @now - INTERVAL 375 DAY, '@PWHASH@', 'دانا الفايز', '+962791111005', 'ar', 'supervisor', @moh, @now - INTERVAL 375 DAY, @now - INTERVAL 375 DAY),
 ('staff', 'liaison@moe.sharek.test', @now - INTERVAL 369 DAY, '@PWHASH@', 'يوسف الحياري', '+962791111006', 'ar', 'liaison', @moe, @now - INTERVAL 369 DAY, @now - INTERVAL 369 DAY),
 ('staff', 'coordinator@moe.sharek.test', @now - INTERVAL 365 DAY, '@PWHASH@', 'أسيل النمري', '+962791111007', 'ar', 'coordinator', @moe, @now - INTERVAL 365 DAY, @now - INTERVAL 365 DAY),
 ('staff', 'supervisor@moe.sharek.test', @now - INTERVAL 365 DAY, '@PWHASH@', 'ليث الكردي', '+962791111008', 'en', 'supervisor', @moe, @now - INTERVAL 365 DAY, @now - INTERVAL 365 DAY),
 ('staff', 'liaison@gam.sharek.test', @now - INTERVAL 359 DAY, '@PWHASH@', 'عمر البشايرة', '+962791111009', 'ar', 'liaison', @gam, @now - INTERVAL 359 DAY, @now - INTERVAL 359 DAY),
 ('staff', 'coordinator@gam.sharek.test', @now - INTERVAL 355 DAY, '@PWHASH@', 'نادين الحمايدة', '+962791111010', 'ar', 'coordinator', @gam, @now - INTERVAL 355 DAY, @now - INTERVAL 355 DAY),
 ('staff', 'supervisor@gam.sharek.test', @now - INTERVAL 355 DAY, '@PWHASH@', 'زيد العمرو', '+962791111011', 'ar', 'supervisor', @gam, @now - INTERVAL 355 DAY, @now - INTERVAL 355 DAY),
 ('staff', 'liaison@trc.sharek.test', @now - INTERVAL 349 DAY, '@PWHASH@', 'معاذ الخلايلة', '+962791111012', 'ar', 'liaison', @trc, @now - INTERVAL 349 DAY, @now - INTERVAL 349 DAY),
 ('staff', 'coordinator@trc.sharek.test', @now - INTERVAL 345 DAY, '@PWHASH@', 'رشا السعودي', '+962791111013', 'en', 'coordinator', @trc, @now - INTERVAL 345 DAY, @now - INTERVAL 345 DAY),
 ('staff', 'supervisor@trc.sharek.test', @now - INTERVAL 345 DAY, '@PWHASH@', 'طارق البدور', '+962791111014', 'ar', 'supervisor', @trc, @now - INTERVAL 345 DAY, @now - INTERVAL 345 DAY),
 ('staff', 'liaison@moenv.sharek.test', @now - INTERVAL 339 DAY, '@PWHASH@', 'إيمان الدعجة', '+962791111015', 'ar', 'liaison', @moenv, @now - INTERVAL 339 DAY, @now - INTERVAL 339 DAY),
 ('staff', 'coordinator@moenv.sharek.test', @now - INTERVAL 335 DAY, '@PWHASH@', 'حسام القرعان', '+962791111016', 'ar', 'coordinator', @moenv, @now - INTERVAL 335 DAY, @now - INTERVAL 335 DAY),
 ('staff', 'supervisor@moenv.sharek.test', @now - INTERVAL 335 DAY, '@PWHASH@', 'لينا العكشة', '+962791111017', 'ar', 'supervisor', @moenv, @now - INTERVAL 335 DAY, @now - INTERVAL 335 DAY),
 ('staff', 'liaison@ssc.sharek.test', @now - INTERVAL 329 DAY, '@PWHASH@', 'منى الربضي', '+962791111018', 'ar', 'liaison', @ssc, @now - INTERVAL 329 DAY, @now - INTERVAL 329 DAY),
 ('staff', 'liaison@miyahuna.sharek.test', @now - INTERVAL 299 DAY, '@PWHASH@', 'وائل الشرمان', '+962791111019', 'ar', 'liaison', @miyahuna, @now - INTERVAL 299 DAY, @now - INTERVAL 299 DAY),
 ('person', 'citizen@sharek.test', @now - INTERVAL 200 DAY, '@PWHASH@', 'أحمد الخوالدة', '+962792222001', 'ar', 'citizen', NULL, @now - INTERVAL 200 DAY, @now - INTERVAL 200 DAY),
 ('person', 'citizen2@sharek.test', @now - INTERVAL 180 DAY, '@PWHASH@', 'فاطمة العمري', '+962792222002', 'ar', 'citizen', NULL, @now - INTERVAL 180 DAY, @now - INTERVAL 180 DAY),
 ('person', 'resident@sharek.test', @now - INTERVAL 150 DAY, '@PWHASH@', 'Sara Haddad', '+962792222003', 'en', 'citizen', NULL, @now - INTERVAL 150 DAY, @now - INTERVAL 150 DAY),
 ('person', 'citizen3@sharek.test', @now - INTERVAL 140 DAY, '@PWHASH@', 'محمود البطاينة', '+962792222004', 'ar', 'citizen', NULL, @now - INTERVAL 140 DAY, @now - INTERVAL 140 DAY),
 ('person', 'citizen4@sharek.test', @now - INTERVAL 90 DAY, '@PWHASH@', 'رهف المجالي', '+962792222005', 'ar', 'citizen', NULL, @now - INTERVAL 90 DAY, @now - INTERVAL 90 DAY);
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, org_name, org_reg_no, contact_person, mobile, lang, role, created_at, updated_at) VALUES
 ('organisation', 'ngo@sharek.test', @now - INTERVAL 160 DAY, '@PWHASH@', 'نور الصمادي', 'جمعية أصدقاء المرضى الخيرية', '2019/445', 'نور الصمادي', '+96265550001', 'ar', 'citizen', @now - INTERVAL 160 DAY, @now - INTERVAL 160 DAY),
 ('organisation', 'company@sharek.test', @now - INTERVAL 120 DAY, '@PWHASH@', 'سامي قاقيش', 'شركة البتراء للحلول البرمجية ذ.م.م', '200145872', 'سامي قاقيش', '+96265550002', 'ar', 'citizen', @now - INTERVAL 120 DAY, @now - INTERVAL 120 DAY);
-- An account deleted at its owner's request: personal data erased, the
-- row kept so its contributions keep their ids (shown anonymised).
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, lang, role, active, created_at, updated_at, deleted_at) VALUES
 ('person', NULL, NULL, NULL, '', 'ar', 'citizen', 0, @now - INTERVAL 250 DAY, @now - INTERVAL 30 DAY, @now - INTERVAL 30 DAY);

SET @admin = (SELECT id FROM users WHERE email = 'admin@sharek.test');
SET @liaison = (SELECT id FROM users WHERE email = 'liaison@moh.sharek.test');
SET @alternate = (SELECT id FROM users WHERE email = 'alternate@moh.sharek.test');
SET @coord = (SELECT id FROM users WHERE email = 'coordinator@moh.sharek.test');
SET @sup = (SELECT id FROM users WHERE email = 'supervisor@moh.sharek.test');
SET @limoe = (SELECT id FROM users WHERE email = 'liaison@moe.sharek.test');
SET @comoe = (SELECT id FROM users WHERE email = 'coordinator@moe.sharek.test');
SET @supmoe = (SELECT id FROM users WHERE email = 'supervisor@moe.sharek.test');
SET @ligam = (SELECT id FROM users WHERE email = 'liaison@gam.sharek.test');
SET @cogam = (SELECT id FROM users WHERE email = 'coordinator@gam.sharek.test');
SET @supgam = (SELECT id FROM users WHERE email = 'supervisor@gam.sharek.test');
SET @litrc = (SELECT id FROM users WHERE email = 'liaison@trc.sharek.test');
SET @cotrc = (SELECT id FROM users WHERE email = 'coordinator@trc.sharek.test');
SET @suptrc = (SELECT id FROM users WHERE email = 'supervisor@trc.sharek.test');
SET @lienv = (SELECT id FROM users WHERE email = 'liaison@moenv.sharek.test');
SET @coenv = (SELECT id FROM users WHERE email = 'coordinator@moenv.sharek.test');
SET @supenv = (SELECT id FROM users WHERE email = 'supervisor@moenv.sharek.test');
SET @lissc = (SELECT id FROM users WHERE email = 'liaison@ssc.sharek.test');
SET @liwater = (SELECT id FROM users WHERE email = 'liaison@miyahuna.sharek.test');
SET @cit = (SELECT id FROM users WHERE email = 'citizen@sharek.test');
SET @cit2 = (SELECT id FROM users WHERE email = 'citizen2@sharek.test');
SET @res = (SELECT id FROM users WHERE email = 'resident@sharek.test');
SET @cit3 = (SELECT id FROM users WHERE email = 'citizen3@sharek.test');
SET @cit4 = (SELECT id FROM users WHERE email = 'citizen4@sharek.test');
SET @ngo = (SELECT id FROM users WHERE email = 'ngo@sharek.test');
SET @company = (SELECT id FROM users WHERE email = 'company@sharek.test');

-- The ministry names the liaison officers; they create the coordinator
-- and supervisor accounts of their entity (art. 7-هـ).
UPDATE entities SET liaison_user_id = @liaison, alternate_user_id = @alternate WHERE id = @moh;
UPDATE entities SET liaison_user_id = @limoe WHERE id = @moe;
UPDATE entities SET liaison_user_id = @ligam WHERE id = @gam;
UPDATE entities SET liaison_user_id = @litrc WHERE id = @trc;
UPDATE entities SET liaison_user_id = @lienv WHERE id = @moenv;
UPDATE entities SET liaison_user_id = @lissc WHERE id = @ssc;
UPDATE entities SET liaison_user_id = @liwater WHERE id = @miyahuna;
UPDATE users SET created_by = @admin WHERE role = 'liaison';
UPDATE users u JOIN entities e ON e.id = u.entity_id
   SET u.created_by = e.liaison_user_id
 WHERE u.role IN ('coordinator', 'supervisor');

-- A group of users for restricted audiences (art. 2: "a category or
-- group of users").
INSERT INTO user_groups (entity_id, name_ar, name_en, created_at) VALUES
 (@moh, 'جمعيات المرضى ومقدمو الرعاية', 'Patient associations and carers', @now - INTERVAL 100 DAY);
SET @grp = LAST_INSERT_ID();
INSERT INTO user_group_members (group_id, user_id) VALUES (@grp, @ngo), (@grp, @cit3);

-- =====================================================================
-- The working-day calendar of Jordan (weekend Friday and Saturday is the
-- setting weekend_days = '5,6').  Dates of Hijri holidays are approximate
-- (they follow the moon sighting) and are marked so.
-- =====================================================================
INSERT INTO holidays (day, name_ar, name_en) VALUES
 ('2026-01-01', 'رأس السنة الميلادية', 'New Year''s Day'),
 ('2026-01-16', 'ذكرى الإسراء والمعراج (تقريبي)', 'Al-Isra'' wal-Mi''raj (approximate)'),
 ('2026-03-19', 'عطلة عيد الفطر (تقريبي)', 'Eid al-Fitr holiday (approximate)'),
 ('2026-03-20', 'عيد الفطر (تقريبي)', 'Eid al-Fitr (approximate)'),
 ('2026-03-21', 'عطلة عيد الفطر (تقريبي)', 'Eid al-Fitr holiday (approximate)'),
 ('2026-03-22', 'عطلة عيد الفطر (تقريبي)', 'Eid al-Fitr holiday (approximate)'),
 ('2026-05-01', 'عيد العمال', 'Labour Day'),
 ('2026-05-25', 'عيد الاستقلال', 'Independence Day'),
 ('2026-05-26', 'يوم عرفة (تقريبي)', 'Day of Arafah (approximate)'),
 ('2026-05-27', 'عيد الأضحى (تقريبي)', 'Eid al-Adha (approximate)'),
 ('2026-05-28', 'عطلة عيد الأضحى (تقريبي)', 'Eid al-Adha holiday (approximate)'),
 ('2026-05-29', 'عطلة عيد الأضحى (تقريبي)', 'Eid al-Adha holiday (approximate)'),
 ('2026-06-16', 'رأس السنة الهجرية (تقريبي)', 'Islamic New Year (approximate)'),
 ('2026-08-25', 'المولد النبوي الشريف (تقريبي)', 'Prophet''s Birthday (approximate)'),
 ('2026-12-25', 'عيد الميلاد المجيد', 'Christmas Day'),
 ('2027-01-01', 'رأس السنة الميلادية', 'New Year''s Day'),
 ('2027-01-06', 'ذكرى الإسراء والمعراج (تقريبي)', 'Al-Isra'' wal-Mi''raj (approximate)'),
 ('2027-03-09', 'عطلة عيد الفطر (تقريبي)', 'Eid al-Fitr holiday (approximate)'),
 ('2027-03-10', 'عيد الفطر (تقريبي)', 'Eid al-Fitr (approximate)'),
 ('2027-03-11', 'عطلة عيد الفطر (تقريبي)', 'Eid al-Fitr holiday (approximate)'),
 ('2027-03-12', 'عطلة عيد الفطر (تقريبي)', 'Eid al-Fitr holiday (approximate)'),
 ('2027-05-01', 'عيد العمال', 'Labour Day'),
 ('2027-05-15', 'يوم عرفة (تقريبي)', 'Day of Arafah (approximate)'),
 ('2027-05-16', 'عيد الأضحى (تقريبي)', 'Eid al-Adha (approximate)'),
 ('2027-05-17', 'عطلة عيد الأضحى (تقريبي)', 'Eid al-Adha holiday (approximate)'),
 ('2027-05-18', 'عطلة عيد الأضحى (تقريبي)', 'Eid al-Adha holiday (approximate)'),
 ('2027-05-25', 'عيد الاستقلال', 'Independence Day'),
 ('2027-06-06', 'رأس السنة الهجرية (تقريبي)', 'Islamic New Year (approximate)'),
 ('2027-08-14', 'المولد النبوي الشريف (تقريبي)', 'Prophet''s Birthday (approximate)'),
 ('2027-12-25', 'عيد الميلاد المجيد', 'Christmas Day');

-- =====================================================================
-- Consultations, surveys and polls.
-- =====================================================================

-- 1. Open public consultation of the Ministry of Health, text split into
-- articles, one month and a day (art. 11-أ), already corrected once
-- (a recorded version).  The first open public consultation: tests use it.
INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, announcements_ar, announcements_en, doc_kind,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, target_group_size,
  version, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 0, 'open',
  'مسودة نظام ترخيص المؤسسات الصحية الخاصة لسنة 2026',
  'Draft Regulation on Licensing Private Health Institutions, 2026',
  'تعرض وزارة الصحة مسودة النظام الذي يحدد شروط ترخيص المستشفيات والمراكز الطبية والعيادات الخاصة وإجراءات تجديد تراخيصها والتفتيش عليها والعقوبات المترتبة على مخالفة أحكامه، وذلك لاستطلاع آراء المواطنين ومقدمي الخدمات الصحية قبل إقراره.',
  'The Ministry of Health presents the draft regulation setting the conditions for licensing private hospitals, medical centres and clinics, renewing their licences, inspecting them and the penalties for breaches, to hear citizens and health providers before it is adopted.',
  'تبسيط إجراءات الترخيص وتحويلها إلى خدمة إلكترونية، ورفع جودة الخدمات الصحية الخاصة وسلامة المرضى، وتوحيد معايير التفتيش والرقابة.',
  'Simplify licensing and make it an online service; raise the quality of private health services and patient safety; unify inspection standards.',
  'تعقد الوزارة جلسة حوارية حول المسودة بحضور ممثلي النقابات الصحية، وتبث مباشرة على صفحاتها الرسمية.',
  'The Ministry holds a public session on the draft with the health professional associations, streamed live on its official pages.',
  'articles', @now - INTERVAL 10 DAY, @now + INTERVAL 21 DAY, @now + INTERVAL 21 DAY,
  @now + INTERVAL 50 DAY, @now + INTERVAL 70 DAY, 5000, 2, @now - INTERVAL 24 DAY, @now - INTERVAL 8 DAY);
SET @c1 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c1, 1, 'المادة 1', 'اسم النظام وبدء العمل به', 'Title and entry into force',
  'يسمى هذا النظام (نظام ترخيص المؤسسات الصحية الخاصة لسنة 2026) ويعمل به بعد تسعين يوماً من تاريخ نشره في الجريدة الرسمية.',
  'This regulation is called the Regulation on Licensing Private Health Institutions, 2026, and comes into force ninety days after its publication in the Official Gazette.'),
 (@c1, 2, 'المادة 2', 'التعريفات', 'Definitions',
  'يكون للكلمات والعبارات التالية حيثما وردت في هذا النظام المعاني المخصصة لها أدناه ما لم تدل القرينة على غير ذلك: الوزارة: وزارة الصحة. الوزير: وزير الصحة. المديرية: مديرية ترخيص المهن والمؤسسات الصحية في الوزارة. المؤسسة الصحية: المستشفى أو المركز الطبي أو العيادة أو المختبر الطبي الخاص. المدير الفني: الطبيب المرخص المسؤول عن الإشراف الفني على المؤسسة الصحية.',
  'In this regulation, unless the context requires otherwise: the Ministry: the Ministry of Health. The Minister: the Minister of Health. The Directorate: the Directorate of Licensing of Health Professions and Institutions. Health institution: a private hospital, medical centre, clinic or medical laboratory. Technical director: the licensed physician responsible for the technical supervision of the institution.'),
 (@c1, 3, 'المادة 3', 'شروط الترخيص', 'Conditions of licensing',
  'يشترط لترخيص المؤسسة الصحية ما يلي: أ- أن يستوفي المبنى معايير السلامة العامة وكودات البناء الوطنية وأن يكون مهيأً لاستخدام الأشخاص ذوي الإعاقة. ب- أن تتوافر فيها الأجهزة والمعدات والكوادر الطبية والتمريضية وفق المعايير التي تصدرها الوزارة. ج- أن يكون لها مدير فني متفرغ حاصل على ترخيص مزاولة المهنة.',
  'A health institution is licensed when: (a) its building meets public safety standards and the national building codes and is accessible to persons with disabilities; (b) it has the equipment, medical and nursing staff required by the standards the Ministry issues; (c) it has a full-time technical director holding a licence to practise.'),
 (@c1, 4, 'المادة 4', 'طلب الترخيص', 'Application',
  'يقدم طلب الترخيص إلكترونياً إلى المديرية مرفقاً به الوثائق التي تحددها التعليمات، وتبت المديرية في الطلب خلال ثلاثين يوماً من تاريخ استكمال الوثائق، وإذا رفضت الطلب وجب أن يكون قرارها معللاً.',
  'Applications are made online to the Directorate with the documents set by instructions; the Directorate decides within thirty days of the file being complete, and a refusal must state its reasons.'),
 (@c1, 5, 'المادة 5', 'مدة الترخيص وتجديده', 'Term and renewal',
  'تكون مدة الترخيص خمس سنوات قابلة للتجديد، ويقدم طلب التجديد إلكترونياً قبل انتهاء الترخيص بتسعين يوماً على الأقل.',
  'A licence lasts five years and may be renewed; renewal is requested online at least ninety days before it expires.'),
 (@c1, 6, 'المادة 6', 'التفتيش والرقابة', 'Inspection',
  'للوزارة التفتيش على المؤسسة الصحية في أي وقت للتحقق من التزامها بأحكام هذا النظام، وعلى المؤسسة تمكين المفتشين من الاطلاع على السجلات والأجهزة، مع مراعاة سرية البيانات الصحية للمرضى.',
  'The Ministry may inspect a health institution at any time to verify compliance with this regulation; the institution shall give inspectors access to its records and equipment, respecting the confidentiality of patients'' health data.'),
 (@c1, 7, 'المادة 7', 'المخالفات والعقوبات', 'Breaches and penalties',
  'مع مراعاة أي عقوبة أشد ورد النص عليها في أي تشريع آخر، للوزير في حال مخالفة المؤسسة الصحية لأحكام هذا النظام: أ- توجيه إنذار خطي لإزالة المخالفة خلال مدة يحددها. ب- إغلاق المؤسسة الصحية إغلاقاً مؤقتاً مدة لا تزيد على ثلاثين يوماً. ج- إلغاء الترخيص في حال تكرار المخالفة.',
  'Without prejudice to any harsher penalty under another law, when a health institution breaches this regulation the Minister may: (a) issue a written warning to remedy the breach within a set time; (b) close it temporarily for up to thirty days; (c) revoke the licence for a repeated breach.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c1, id FROM sectors WHERE slug = 'health';
INSERT INTO activity_links (activity_id, title_ar, title_en, url) VALUES
 (@c1, 'الموقع الإلكتروني لوزارة الصحة', 'Ministry of Health website', 'https://www.moh.gov.jo/'),
 (@c1, 'قانون الصحة العامة', 'Public Health Law', 'https://www.moh.gov.jo/Default/Ar');
INSERT INTO activity_versions (activity_id, version, at, author_id, reason, snapshot) VALUES
 (@c1, 2, @now - INTERVAL 8 DAY, @sup, 'تصحيح مدة البت في الطلب في الملخص لتطابق المادة 4 (ثلاثون يوماً).',
  'مسودة نظام ترخيص المؤسسات الصحية الخاصة لسنة 2026\nDraft Regulation on Licensing Private Health Institutions, 2026');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c1, @now - INTERVAL 20 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@c1, @now - INTERVAL 18 DAY, @coord, 'coordinator', 'submitted', 'returned', 'يرجى إضافة الأهداف باللغة الإنجليزية وربط المسودة بقطاع الصحة.'),
 (@c1, @now - INTERVAL 17 DAY, @sup, 'supervisor', 'returned', 'submitted', NULL),
 (@c1, @now - INTERVAL 16 DAY, @coord, 'coordinator', 'submitted', 'approved', NULL),
 (@c1, @now - INTERVAL 14 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@c1, @now - INTERVAL 10 DAY, NULL, 'system', 'scheduled', 'open', NULL);
SET @a1 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 1);
SET @a3 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 3);
SET @a4 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 4);
SET @a5 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 5);
SET @a6 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 6);
SET @a7 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 7);
SET @r_ad = (SELECT id FROM moderation_reasons WHERE code = 'advertising');
SET @r_pd = (SELECT id FROM moderation_reasons WHERE code = 'personal_data');
SET @r_off = (SELECT id FROM moderation_reasons WHERE code = 'offensive');
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by, reject_reason_id) VALUES
 (@c1, @a3, @cit, 'أقترح أن تنشر الوزارة معايير البناء والتجهيز على موقعها قبل نفاذ النظام بوقت كافٍ، حتى تتمكن العيادات القائمة من توفيق أوضاعها.', '', 'published', @now - INTERVAL 9 DAY, @now - INTERVAL 4 DAY, @now - INTERVAL 8 DAY, @sup, NULL),
 (@c1, NULL, @ngo, 'نرحب بالمسودة ونطلب إشراك جمعيات المرضى في لجان التفتيش، ونشر نتائج التفتيش على المؤسسات الصحية للعموم.', '', 'published', @now - INTERVAL 8 DAY, @now - INTERVAL 3 DAY, @now - INTERVAL 6 DAY, @sup, NULL),
 (@c1, @a5, @company, 'مدة التسعين يوماً للتجديد طويلة؛ نقترح ستين يوماً مع إشعار إلكتروني تلقائي قبل انتهاء الترخيص.', '', 'published', @now - INTERVAL 7 DAY, @now - INTERVAL 2 DAY, @now - INTERVAL 6 DAY, @coord, NULL),
 (@c1, @a7, @cit3, 'يجب أن تتدرج العقوبات وأن يُمنح صاحب المؤسسة حق الاعتراض على قرار الإغلاق أمام لجنة مستقلة.', '', 'published', @now - INTERVAL 6 DAY, @now - INTERVAL 1 DAY, @now - INTERVAL 5 DAY, @sup, NULL),
 (@c1, @a4, @res, 'Please publish the list of required documents in English as well; many clinics employ foreign specialists.', '', 'published', @now - INTERVAL 5 DAY, @now - INTERVAL 1 DAY, @now - INTERVAL 4 DAY, @sup, NULL),
 (@c1, @a1, NULL, 'تسعون يوماً قبل النفاذ مدة مناسبة للمستشفيات الكبيرة لكنها قصيرة للعيادات الصغيرة في المحافظات.', '', 'published', @now - INTERVAL 9 DAY, @now - INTERVAL 4 DAY, @now - INTERVAL 8 DAY, @sup, NULL),
 (@c1, @a3, @cit4, 'للتواصل معي بخصوص ترخيص عيادتي يرجى الاتصال على رقمي الشخصي المذكور.', '', 'rejected', @now - INTERVAL 4 DAY, @now + INTERVAL 1 DAY, @now - INTERVAL 3 DAY, @sup, @r_pd),
 (@c1, NULL, @company, 'احصل على استشارة ترخيص فورية مع شركتنا بخصم 30% عند التسجيل اليوم!', '', 'rejected', @now - INTERVAL 3 DAY, @now + INTERVAL 2 DAY, @now - INTERVAL 3 DAY, @sup, @r_ad),
 (@c1, @a3, @cit2, 'ما المقصود بالكوادر؟ يجب تحديد الحد الأدنى من الممرضين لكل سرير في النظام نفسه لا في التعليمات.', '', 'pending', @now - INTERVAL 1 DAY, @now + INTERVAL 3 DAY, NULL, NULL, NULL),
 (@c1, @a6, @cit3, 'أقترح إضافة بند يلزم المؤسسة بنشر أسعار الخدمات الأساسية في مكان ظاهر.', '', 'pending', @now - INTERVAL 6 HOUR, @now + INTERVAL 4 DAY, NULL, NULL, NULL);

-- 2. Urgent public consultation of the Ministry of Education: two weeks
-- (art. 11-ب).  The first open activity of the ministry: tests use it.
INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, target_group_size, created_at, updated_at) VALUES
 ('consultation', @moe, @supmoe, 'public', 1, 'open',
  'تعليمات التقويم المدرسي للعام الدراسي 2026/2027', 'Instructions on the 2026/2027 school calendar',
  'مسودة التعليمات الناظمة لمواعيد بدء الفصلين الدراسيين والعطل الرسمية والامتحانات في المدارس الحكومية والخاصة. طُرحت بصفة الاستعجال لارتباطها بموعد بدء العام الدراسي.',
  'Draft instructions on term dates, holidays and examinations in public and private schools. Put out as urgent because the school year is about to start.',
  'الاستماع إلى أولياء الأمور والمعلمين والطلبة قبل اعتماد التقويم، وتحقيق التوازن بين أيام الدراسة والعطل.',
  'Hear parents, teachers and students before the calendar is adopted, and balance school days and holidays.',
  @now - INTERVAL 5 DAY, @now + INTERVAL 9 DAY, @now + INTERVAL 9 DAY,
  @now + INTERVAL 30 DAY, @now + INTERVAL 40 DAY, 20000, @now - INTERVAL 9 DAY, @now - INTERVAL 5 DAY);
SET @c2 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c2, 1, 'المادة 1', 'بدء العام الدراسي', 'Start of the school year', 'يبدأ دوام الطلبة في الأسبوع الأخير من شهر آب، ويسبقه دوام المعلمين بأسبوع للتحضير.', 'Students start in the last week of August; teachers start one week earlier to prepare.'),
 (@c2, 2, 'المادة 2', 'الفصل الدراسي الأول', 'First term', 'يمتد الفصل الدراسي الأول ستة عشر أسبوعاً دراسياً تتخللها عطلة منتصف الفصل مدتها ثلاثة أيام.', 'The first term lasts sixteen teaching weeks with a three-day mid-term break.'),
 (@c2, 3, 'المادة 3', 'العطلة الشتوية', 'Winter break', 'تكون العطلة الشتوية أسبوعين بين الفصلين، ويجوز للوزير تمديدها في الظروف الجوية الاستثنائية.', 'The winter break lasts two weeks between the terms; the Minister may extend it in exceptional weather.'),
 (@c2, 4, 'المادة 4', 'الامتحانات', 'Examinations', 'تعقد امتحانات نهاية الفصل في الأسبوعين الأخيرين منه، ولا يجوز عقد أكثر من امتحانين في اليوم الواحد.', 'End-of-term examinations are held in the last two weeks of each term, with no more than two a day.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c2, id FROM sectors WHERE slug = 'education';
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c2, @now - INTERVAL 8 DAY, @supmoe, 'supervisor', 'draft', 'submitted', NULL),
 (@c2, @now - INTERVAL 7 DAY, @comoe, 'coordinator', 'submitted', 'approved', NULL),
 (@c2, @now - INTERVAL 6 DAY, @limoe, 'liaison', 'approved', 'scheduled', NULL),
 (@c2, @now - INTERVAL 5 DAY, NULL, 'system', 'scheduled', 'open', NULL);
SET @e3 = (SELECT id FROM articles WHERE activity_id = @c2 AND position = 3);
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by) VALUES
 (@c2, @e3, @cit2, 'نرجو أن تتزامن العطلة الشتوية في المدارس الحكومية والخاصة حتى تستطيع الأسر التخطيط.', '', 'published', @now - INTERVAL 4 DAY, @now + INTERVAL 1 DAY, @now - INTERVAL 3 DAY, @supmoe),
 (@c2, NULL, @cit, 'بدء الدوام في آب مع ارتفاع درجات الحرارة مرهق للطلبة في الأغوار؛ أقترح مراعاة المناطق الحارة.', '', 'published', @now - INTERVAL 3 DAY, @now + INTERVAL 2 DAY, @now - INTERVAL 2 DAY, @supmoe),
 (@c2, @e3, @cit4, 'أسبوعان غير كافيين، والأفضل ثلاثة أسابيع مع تقليص عطلة منتصف الفصل.', '', 'pending', @now - INTERVAL 2 HOUR, @now + INTERVAL 3 DAY, NULL, NULL);

-- 3. Open public consultation of the regulator, extended once on users'
-- request by less than its original period (art. 11-ج); closes this week.
INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, extended_seconds, created_at, updated_at) VALUES
 ('consultation', @trc, @suptrc, 'public', 0, 'open',
  'مسودة تعليمات حماية خصوصية بيانات مستخدمي خدمات الاتصالات لسنة 2026',
  'Draft Instructions on Protecting the Privacy of Telecommunications Users'' Data, 2026',
  'تحدد المسودة التزامات المرخص لهم في قطاع الاتصالات عند جمع البيانات الشخصية للمشتركين ومعالجتها وحفظها، وحقوق المشتركين في الاطلاع عليها وتصحيحها، والإبلاغ عن حوادث اختراقها.',
  'The draft sets the duties of licensed operators when collecting, processing and keeping subscribers'' personal data, subscribers'' rights to access and correct it, and the reporting of data breaches.',
  'حماية خصوصية المشتركين، وتعزيز الثقة بالخدمات الرقمية، ومواءمة التزامات المشغلين مع قانون حماية البيانات الشخصية.',
  'Protect subscribers'' privacy, build trust in digital services, and align operators'' duties with the Personal Data Protection Law.',
  @now - INTERVAL 35 DAY, @now + INTERVAL 6 DAY, @now - INTERVAL 4 DAY,
  @now + INTERVAL 36 DAY, @now + INTERVAL 56 DAY, 864000, @now - INTERVAL 45 DAY, @now - INTERVAL 6 DAY);
SET @c3 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c3, 1, 'المادة 1', 'اسم التعليمات', 'Title', 'تسمى هذه التعليمات (تعليمات حماية خصوصية بيانات مستخدمي خدمات الاتصالات لسنة 2026) ويعمل بها من تاريخ نشرها في الجريدة الرسمية.', 'These are the Instructions on Protecting the Privacy of Telecommunications Users'' Data, 2026, in force from their publication in the Official Gazette.'),
 (@c3, 2, 'المادة 2', 'التعريفات', 'Definitions', 'الهيئة: هيئة تنظيم قطاع الاتصالات. المرخص له: الشخص المرخص بتقديم خدمات الاتصالات العامة. المشترك: الشخص الطبيعي أو الاعتباري المتعاقد مع المرخص له. البيانات الشخصية: أي بيانات تتعلق بمشترك محدد أو قابل للتحديد.', 'The Commission: the Telecommunications Regulatory Commission. Licensee: a person licensed to provide public telecommunications services. Subscriber: a natural or legal person under contract with a licensee. Personal data: any data about an identified or identifiable subscriber.'),
 (@c3, 3, 'المادة 3', 'نطاق التطبيق', 'Scope', 'تسري أحكام هذه التعليمات على جميع المرخص لهم وعلى من يعالج البيانات الشخصية للمشتركين نيابة عنهم.', 'These instructions apply to all licensees and to anyone processing subscribers'' personal data on their behalf.'),
 (@c3, 4, 'المادة 4', 'موافقة المشترك', 'Consent', 'لا يجوز للمرخص له استخدام البيانات الشخصية للمشترك لأغراض تسويقية إلا بموافقته الصريحة المسبقة، وللمشترك سحب موافقته في أي وقت بالوسيلة التي منحها بها.', 'A licensee may use a subscriber''s personal data for marketing only with prior express consent, which the subscriber may withdraw at any time by the means used to give it.'),
 (@c3, 5, 'المادة 5', 'الإبلاغ عن الاختراق', 'Breach notification', 'على المرخص له إبلاغ الهيئة خلال اثنتين وسبعين ساعة من علمه بأي اختراق للبيانات الشخصية، وإبلاغ المشتركين المتأثرين دون إبطاء.', 'A licensee shall notify the Commission within seventy-two hours of learning of a personal data breach, and inform affected subscribers without delay.'),
 (@c3, 6, 'المادة 6', 'حق الاطلاع والتصحيح', 'Access and correction', 'للمشترك الحق في الاطلاع على بياناته الشخصية المحفوظة لدى المرخص له وطلب تصحيحها، وعلى المرخص له الاستجابة خلال خمسة عشر يوماً.', 'A subscriber may see the personal data a licensee holds and ask for corrections; the licensee shall respond within fifteen days.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c3, id FROM sectors WHERE slug IN ('digital', 'justice');
INSERT INTO activity_links (activity_id, title_ar, title_en, url) VALUES
 (@c3, 'الموقع الإلكتروني لهيئة تنظيم قطاع الاتصالات', 'Telecommunications Regulatory Commission website', 'https://trc.gov.jo/');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c3, @now - INTERVAL 42 DAY, @suptrc, 'supervisor', 'draft', 'submitted', NULL),
 (@c3, @now - INTERVAL 40 DAY, @cotrc, 'coordinator', 'submitted', 'approved', NULL),
 (@c3, @now - INTERVAL 38 DAY, @litrc, 'liaison', 'approved', 'scheduled', NULL),
 (@c3, @now - INTERVAL 35 DAY, NULL, 'system', 'scheduled', 'open', NULL);
INSERT INTO extensions (activity_id, added_seconds, new_closes_at, reason_ar, reason_en, granted_by, at) VALUES
 (@c3, 864000, @now + INTERVAL 6 DAY,
  'بناءً على طلب عدد من المشتركين وجمعية حماية المستهلك لإتاحة وقت كافٍ لدراسة المسودة.',
  'At the request of subscribers and the consumer protection society, to give enough time to study the draft.',
  @litrc, @now - INTERVAL 6 DAY);
SET @t4 = (SELECT id FROM articles WHERE activity_id = @c3 AND position = 4);
SET @t5 = (SELECT id FROM articles WHERE activity_id = @c3 AND position = 5);
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by) VALUES
 (@c3, @t4, @cit, 'يجب أن يكون سحب الموافقة ممكناً برسالة نصية مجانية وليس فقط عبر مراجعة الفرع.', '', 'published', @now - INTERVAL 30 DAY, @now - INTERVAL 25 DAY, @now - INTERVAL 29 DAY, @suptrc),
 (@c3, @t5, @company, 'نقترح أن تبدأ مهلة الاثنتين وسبعين ساعة من تأكد المرخص له من وقوع الاختراق لا من مجرد الاشتباه.', '', 'published', @now - INTERVAL 20 DAY, @now - INTERVAL 15 DAY, @now - INTERVAL 18 DAY, @suptrc),
 (@c3, NULL, @res, 'Good draft. Please add a right to data portability when a subscriber moves to another operator.', '', 'published', @now - INTERVAL 12 DAY, @now - INTERVAL 7 DAY, @now - INTERVAL 11 DAY, @cotrc),
 (@c3, @t4, @cit2, 'الرسائل التسويقية تصلني رغم أنني لم أوافق عليها؛ يجب فرض غرامة على كل رسالة مخالفة.', '', 'pending', @now - INTERVAL 6 DAY, @now - INTERVAL 1 DAY, NULL, NULL);

-- 4. A closed consultation in analysis: the report is being drafted
-- (due within 20 working days of closing, art. 9-ج).
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at,
  target_group_size, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 'analysis',
  'الاستراتيجية الوطنية للصحة النفسية 2026-2030', 'National Mental Health Strategy 2026-2030',
  'مسودة الاستراتيجية الوطنية للصحة النفسية ومحاورها الخمسة: التعزيز والوقاية، ودمج الخدمات في الرعاية الأولية، والموارد البشرية، والحوكمة والتمويل، والبيانات والبحث.',
  'The draft national mental health strategy and its five axes: promotion and prevention, integration into primary care, workforce, governance and financing, data and research.',
  'توسيع خدمات الصحة النفسية المجتمعية، والحد من الوصمة، وتحسين الوصول إلى العلاج في جميع المحافظات.',
  'Expand community mental health services, reduce stigma, and improve access to treatment in every governorate.',
  @now - INTERVAL 50 DAY, @now - INTERVAL 15 DAY, @now - INTERVAL 15 DAY,
  @now + INTERVAL 13 DAY, @now + INTERVAL 30 DAY, 10000, @now - INTERVAL 60 DAY, @now - INTERVAL 14 DAY);
SET @c4 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c4, 1, 'المحور الأول', 'تعزيز الصحة النفسية والوقاية', 'Promotion and prevention', 'برامج توعية في المدارس والجامعات وأماكن العمل، وخط وطني مجاني للدعم النفسي على مدار الساعة.', 'Awareness programmes in schools, universities and workplaces, and a free national support line around the clock.'),
 (@c4, 2, 'المحور الثاني', 'دمج الخدمات في الرعاية الأولية', 'Integration into primary care', 'تدريب أطباء المراكز الصحية الشاملة على الكشف المبكر عن الاضطرابات النفسية الشائعة وإحالتها.', 'Train doctors in comprehensive health centres to detect and refer common mental disorders early.'),
 (@c4, 3, 'المحور الثالث', 'الموارد البشرية', 'Workforce', 'زيادة عدد الأطباء النفسيين والأخصائيين النفسيين والاجتماعيين في القطاع العام بنسبة 40% خلال مدة الاستراتيجية.', 'Increase psychiatrists, psychologists and social workers in the public sector by 40% over the strategy.'),
 (@c4, 4, 'المحور الرابع', 'الحوكمة والتمويل', 'Governance and financing', 'إدراج خدمات الصحة النفسية في التأمين الصحي المدني وتخصيص بند مستقل لها في موازنة الوزارة.', 'Cover mental health services under civil health insurance and give them a separate line in the ministry''s budget.'),
 (@c4, 5, 'المحور الخامس', 'البيانات والبحث', 'Data and research', 'إنشاء سجل وطني لخدمات الصحة النفسية وإجراء مسح وطني كل خمس سنوات.', 'Create a national register of mental health services and run a national survey every five years.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c4, id FROM sectors WHERE slug IN ('health', 'social');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c4, @now - INTERVAL 57 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@c4, @now - INTERVAL 55 DAY, @coord, 'coordinator', 'submitted', 'approved', NULL),
 (@c4, @now - INTERVAL 53 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@c4, @now - INTERVAL 50 DAY, NULL, 'system', 'scheduled', 'open', NULL),
 (@c4, @now - INTERVAL 15 DAY, NULL, 'system', 'open', 'closed', NULL),
 (@c4, @now - INTERVAL 14 DAY, @sup, 'supervisor', 'closed', 'analysis', NULL);
SET @m1 = (SELECT id FROM articles WHERE activity_id = @c4 AND position = 1);
SET @m2 = (SELECT id FROM articles WHERE activity_id = @c4 AND position = 2);
SET @m4 = (SELECT id FROM articles WHERE activity_id = @c4 AND position = 4);
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by,
  entity_position, entity_reply_ar, entity_reply_en, position_by, position_at) VALUES
 (@c4, @m1, @cit, 'الخط الساخن فكرة ممتازة بشرط أن يرد عليه مختصون لا موظفو مركز اتصال عام.', '', 'published', @now - INTERVAL 45 DAY, @now - INTERVAL 40 DAY, @now - INTERVAL 44 DAY, @sup,
  'accepted', 'سيُشغَّل الخط بأخصائيين نفسيين مرخصين، وأضيف ذلك إلى المحور الأول.', 'The line will be staffed by licensed psychologists; this was added to the first axis.', @sup, @now - INTERVAL 5 DAY),
 (@c4, @m2, @ngo, 'نقترح أن تشمل الخدمات الأولية متابعة المرضى المزمنين نفسياً في منازلهم في المناطق النائية.', '', 'published', @now - INTERVAL 40 DAY, @now - INTERVAL 35 DAY, @now - INTERVAL 39 DAY, @sup,
  NULL, NULL, NULL, NULL, NULL),
 (@c4, @m4, @cit3, 'إدراج الصحة النفسية في التأمين خطوة ضرورية، لكن يجب أن يشمل الأدوية أيضاً.', '', 'published', @now - INTERVAL 30 DAY, @now - INTERVAL 25 DAY, @now - INTERVAL 29 DAY, @coord,
  NULL, NULL, NULL, NULL, NULL),
 (@c4, NULL, @res, 'Please include refugees and migrant workers explicitly in the target groups of the strategy.', '', 'published', @now - INTERVAL 20 DAY, @now - INTERVAL 15 DAY, @now - INTERVAL 19 DAY, @sup,
  NULL, NULL, NULL, NULL, NULL);
INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, created_at, updated_at) VALUES
 (@c4, 'draft', 4, 'مسودة تقرير التحليل قيد الإعداد.', 'The analysis report is being drafted.', @now - INTERVAL 14 DAY, @now - INTERVAL 5 DAY);

-- 5. A consultation whose final document and analysis report are
-- published, with the entity's position on every comment (art. 9-ج/د).
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at,
  target_group_size, created_at, updated_at) VALUES
 ('consultation', @moenv, @supenv, 'public', 'published',
  'سياسة الحد من استخدام الأكياس البلاستيكية أحادية الاستخدام', 'Policy on reducing plastic bags',
  'السياسة المقترحة لخفض استخدام الأكياس البلاستيكية أحادية الاستخدام في الأسواق والمحال التجارية على مراحل، وتشجيع البدائل القابلة لإعادة الاستخدام.',
  'The proposed policy to cut single-use plastic bags in markets and shops in stages and encourage reusable alternatives.',
  'حماية البيئة والحد من النفايات البلاستيكية في المكبات والأودية، وتشجيع الصناعة الوطنية للبدائل.',
  'Protect the environment, reduce plastic waste in landfills and valleys, and encourage local industry for alternatives.',
  @now - INTERVAL 120 DAY, @now - INTERVAL 85 DAY, @now - INTERVAL 85 DAY,
  @now - INTERVAL 60 DAY, @now - INTERVAL 40 DAY, 15000, @now - INTERVAL 130 DAY, @now - INTERVAL 40 DAY);
SET @c5 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c5, 1, 'البند 1', 'الهدف', 'Aim', 'خفض استهلاك الأكياس البلاستيكية أحادية الاستخدام بنسبة 50% خلال ثلاث سنوات.', 'Cut single-use plastic bag use by 50% within three years.'),
 (@c5, 2, 'البند 2', 'الحظر التدريجي', 'Phased ban', 'يحظر توزيع الأكياس المجانية في المراكز التجارية الكبرى في السنة الأولى، ثم في جميع المحال في السنة الثالثة.', 'Free bags are banned in large retailers in the first year, then in all shops by the third year.'),
 (@c5, 3, 'البند 3', 'البدائل', 'Alternatives', 'تدعم الوزارة إنتاج الأكياس القماشية والورقية محلياً بحوافز ضريبية بالتنسيق مع الجهات المعنية.', 'The Ministry supports local production of cloth and paper bags with tax incentives, with the bodies concerned.'),
 (@c5, 4, 'البند 4', 'الرقابة', 'Enforcement', 'تتولى الوزارة والبلديات الرقابة على تطبيق السياسة وتفرض المخالفات وفق نظام إدارة النفايات.', 'The Ministry and municipalities enforce the policy and fine breaches under the waste management regulation.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c5, id FROM sectors WHERE slug IN ('environment', 'economy');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c5, @now - INTERVAL 127 DAY, @supenv, 'supervisor', 'draft', 'submitted', NULL),
 (@c5, @now - INTERVAL 125 DAY, @coenv, 'coordinator', 'submitted', 'approved', NULL),
 (@c5, @now - INTERVAL 123 DAY, @lienv, 'liaison', 'approved', 'scheduled', NULL),
 (@c5, @now - INTERVAL 120 DAY, NULL, 'system', 'scheduled', 'open', NULL),
 (@c5, @now - INTERVAL 85 DAY, NULL, 'system', 'open', 'closed', NULL),
 (@c5, @now - INTERVAL 84 DAY, @supenv, 'supervisor', 'closed', 'analysis', NULL),
 (@c5, @now - INTERVAL 62 DAY, @supenv, 'supervisor', 'analysis', 'report_submitted', NULL),
 (@c5, @now - INTERVAL 58 DAY, @coenv, 'coordinator', 'report_submitted', 'report_approved', NULL),
 (@c5, @now - INTERVAL 40 DAY, @lienv, 'liaison', 'report_approved', 'published', NULL);
SET @p2 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 2);
SET @p3 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 3);
SET @p4 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 4);
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by,
  entity_position, entity_reply_ar, entity_reply_en, position_by, position_at) VALUES
 (@c5, @p3, @cit, 'يجب توفير بدائل بأسعار مناسبة قبل المنع، وإلا سيتحمل المستهلك الكلفة.', '', 'published', @now - INTERVAL 100 DAY, @now - INTERVAL 97 DAY, @now - INTERVAL 99 DAY, @supenv,
  'accepted', 'أضيفت مرحلة انتقالية مدتها ستة أشهر مع دعم البدائل المنتجة محلياً.', 'A six-month transition with support for locally made alternatives was added.', @supenv, @now - INTERVAL 70 DAY),
 (@c5, @p2, @company, 'نقترح البدء بالمراكز التجارية الكبرى والصيدليات معاً لأن استهلاكها مرتفع.', '', 'published', @now - INTERVAL 95 DAY, @now - INTERVAL 92 DAY, @now - INTERVAL 94 DAY, @supenv,
  'partially', 'شملت المرحلة الأولى المراكز التجارية الكبرى، وستُدرس الصيدليات في المراجعة السنوية.', 'The first stage covers large retailers; pharmacies will be considered at the annual review.', @supenv, @now - INTERVAL 70 DAY),
 (@c5, @p4, @cit2, 'الأفضل فرض رسوم على الأكياس بدلاً من المخالفات على أصحاب المحال الصغيرة.', '', 'published', @now - INTERVAL 92 DAY, @now - INTERVAL 89 DAY, @now - INTERVAL 91 DAY, @supenv,
  'rejected', 'فرض الرسوم يحتاج إلى تعديل تشريعي خارج نطاق هذه السياسة، وستبقى المخالفات بعد إنذار مسبق.', 'A charge needs a change in the law beyond this policy; fines stay, after a prior warning.', @coenv, @now - INTERVAL 68 DAY),
 (@c5, NULL, @ngo, 'نرحب بالسياسة ونقترح حملات توعية في المدارس بالتعاون مع وزارة التربية والتعليم.', '', 'published', @now - INTERVAL 90 DAY, @now - INTERVAL 87 DAY, @now - INTERVAL 89 DAY, @supenv,
  'noted', 'سُجل المقترح وسينفذ ضمن الخطة السنوية للتوعية البيئية.', 'Noted; it will be part of the annual environmental awareness plan.', @supenv, @now - INTERVAL 68 DAY),
 (@c5, @p2, @cit4, 'أنتم لا تفهمون شيئاً في هموم الناس!!', '', 'rejected', @now - INTERVAL 88 DAY, @now - INTERVAL 85 DAY, @now - INTERVAL 87 DAY, @supenv,
  NULL, NULL, NULL, NULL, NULL);
UPDATE comments SET reject_reason_id = @r_off WHERE activity_id = @c5 AND status = 'rejected';
INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, usage_ar, usage_en,
  submitted_by, submitted_at, reviewed_by, reviewed_at, approved_by, approved_at, published_at, created_at, updated_at) VALUES
 (@c5, 'published', 5,
  'شارك خمسة مستخدمين بخمسة تعليقات نُشر منها أربعة؛ تناولت المشاركات ثلاثة من المحاور الأربعة المعروضة، وكان أكثرها تناولاً البدائل والحظر التدريجي. قبلت الوزارة تعليقاً واحداً وقبلت آخر جزئياً ورفضت واحداً وأخذت العلم بالرابع.',
  'Five users sent five comments, four published; they covered three of the four axes offered, mostly alternatives and the phased ban. The Ministry accepted one, partly accepted one, rejected one and noted the fourth.',
  'عُدّلت السياسة بإضافة مرحلة انتقالية مدتها ستة أشهر ودعم البدائل المحلية، ونُشرت الوثيقة النهائية بعد إقرارها من مجلس الوزراء.',
  'The policy now has a six-month transition and support for local alternatives; the final document was published after Cabinet approval.',
  @supenv, @now - INTERVAL 62 DAY, @coenv, @now - INTERVAL 58 DAY, @lienv, @now - INTERVAL 45 DAY, @now - INTERVAL 40 DAY,
  @now - INTERVAL 80 DAY, @now - INTERVAL 40 DAY);
SET @rep5 = LAST_INSERT_ID();
INSERT INTO report_topics (report_id, position, title_ar, title_en, covered, contributions) VALUES
 (@rep5, 1, 'الهدف', 'Aim', 0, 0),
 (@rep5, 2, 'الحظر التدريجي', 'Phased ban', 1, 1),
 (@rep5, 3, 'البدائل', 'Alternatives', 1, 1),
 (@rep5, 4, 'الرقابة', 'Enforcement', 1, 1);

-- 6. Inter-agency consultation (art. 2): between entities only, never on
-- the public site.  The only open one: tests look it up by audience.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'interagency', 'open',
  'آلية تبادل بيانات التطعيم بين المدارس والمراكز الصحية', 'Vaccination data exchange between schools and health centres',
  'مسودة آلية لتبادل سجلات تطعيم الطلبة إلكترونياً بين وزارة الصحة ووزارة التربية والتعليم عبر منصة التبادل الحكومية.',
  'A draft mechanism for exchanging pupils'' vaccination records electronically between the two ministries through the government exchange platform.',
  @now - INTERVAL 3 DAY, @now + INTERVAL 28 DAY, @now + INTERVAL 28 DAY,
  @now + INTERVAL 60 DAY, @now + INTERVAL 70 DAY, @now - INTERVAL 7 DAY, @now - INTERVAL 3 DAY);
SET @c6 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c6, 1, '1', 'البيانات المتبادلة', 'Data exchanged', 'يقتصر التبادل على الرقم الوطني للطالب ونوع المطعوم وتاريخه والمركز الصحي.', 'Only the pupil''s national number, the vaccine, its date and the health centre are exchanged.'),
 (@c6, 2, '2', 'الصلاحيات', 'Access', 'يطلع على البيانات ممرض المدرسة ومدير المدرسة فقط، وتسجل كل عملية اطلاع.', 'Only the school nurse and the head teacher see the data; every access is logged.'),
 (@c6, 3, '3', 'مدة الحفظ', 'Retention', 'تحفظ البيانات لدى المدرسة طوال مدة تسجيل الطالب فيها ثم تحذف.', 'Schools keep the data while the pupil is enrolled, then delete it.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c6, id FROM sectors WHERE slug IN ('health', 'education');
INSERT INTO activity_targets (activity_id, entity_id) VALUES (@c6, @moe);
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c6, @now - INTERVAL 6 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@c6, @now - INTERVAL 5 DAY, @coord, 'coordinator', 'submitted', 'approved', NULL),
 (@c6, @now - INTERVAL 4 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@c6, @now - INTERVAL 3 DAY, NULL, 'system', 'scheduled', 'open', NULL);

-- 7. Restricted consultation addressed to an entity (art. 2).  The only
-- open restricted one: tests look it up by audience.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'restricted', 'open',
  'دليل الاشتراطات الصحية للمقاصف المدرسية', 'Guide to health requirements for school canteens',
  'مسودة دليل يحدد الأغذية المسموح بيعها في المقاصف المدرسية واشتراطات النظافة وسلامة الغذاء، موجهة إلى وزارة التربية والتعليم لإبداء الرأي.',
  'A draft guide on the food school canteens may sell and on hygiene and food safety, addressed to the Ministry of Education for its views.',
  'تحسين تغذية الطلبة والحد من السمنة لدى الأطفال.', 'Improve pupils'' nutrition and reduce childhood obesity.',
  @now - INTERVAL 2 DAY, @now + INTERVAL 29 DAY, @now + INTERVAL 29 DAY,
  @now + INTERVAL 60 DAY, @now + INTERVAL 70 DAY, @now - INTERVAL 6 DAY, @now - INTERVAL 2 DAY);
SET @c7 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c7, 1, '1', 'الأغذية المسموح بها', 'Permitted food', 'يسمح ببيع الفواكه والخضار الطازجة والحليب ومنتجاته قليلة الدسم والمعجنات المخبوزة.', 'Fresh fruit and vegetables, low-fat milk and dairy, and baked pastries may be sold.'),
 (@c7, 2, '2', 'الأغذية الممنوعة', 'Banned food', 'يمنع بيع مشروبات الطاقة والمشروبات الغازية ورقائق البطاطا المقلية.', 'Energy drinks, fizzy drinks and fried crisps may not be sold.'),
 (@c7, 3, '3', 'النظافة', 'Hygiene', 'يحمل العاملون في المقصف شهادات صحية سارية ويخضع المقصف لتفتيش دوري.', 'Canteen staff hold valid health certificates and canteens are inspected regularly.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c7, id FROM sectors WHERE slug IN ('health', 'education');
INSERT INTO activity_targets (activity_id, entity_id) VALUES (@c7, @moe);
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c7, @now - INTERVAL 5 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@c7, @now - INTERVAL 4 DAY, @coord, 'coordinator', 'submitted', 'approved', NULL),
 (@c7, @now - INTERVAL 3 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@c7, @now - INTERVAL 2 DAY, NULL, 'system', 'scheduled', 'open', NULL);

-- 8. A closed inter-agency consultation of the ministry with the targets'
-- consolidated responses returned through the portal (art. 7-ح).
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @modee, @admin, 'interagency', 'closed',
  'سياسة البيانات الحكومية المفتوحة المحدثة', 'Updated Government Open Data Policy',
  'مسودة تحديث سياسة البيانات الحكومية المفتوحة: مجموعات البيانات ذات الأولوية، والتراخيص المفتوحة، وجداول النشر.',
  'Draft update of the government open data policy: priority datasets, open licences and publication schedules.',
  @now - INTERVAL 40 DAY, @now - INTERVAL 2 DAY, @now - INTERVAL 2 DAY,
  @now + INTERVAL 26 DAY, @now + INTERVAL 40 DAY, @now - INTERVAL 45 DAY, @now - INTERVAL 2 DAY);
SET @c8 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c8, 1, '1', 'مجموعات البيانات ذات الأولوية', 'Priority datasets', 'تنشر كل جهة حكومية سنوياً قائمة بمجموعات بياناتها ذات الأولوية بصيغ قابلة للقراءة الآلية.', 'Each entity publishes a yearly list of its priority datasets in machine-readable formats.'),
 (@c8, 2, '2', 'الترخيص', 'Licence', 'تنشر البيانات بترخيص مفتوح يسمح بإعادة الاستخدام مع نسبتها إلى مصدرها.', 'Data is published under an open licence allowing reuse with attribution.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c8, id FROM sectors WHERE slug IN ('digital', 'public_sector');
INSERT INTO activity_targets (activity_id, entity_id) VALUES (@c8, @moh), (@c8, @ssc);
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c8, @now - INTERVAL 44 DAY, @admin, 'admin', 'draft', 'submitted', NULL),
 (@c8, @now - INTERVAL 43 DAY, @admin, 'admin', 'submitted', 'approved', NULL),
 (@c8, @now - INTERVAL 42 DAY, @admin, 'admin', 'approved', 'scheduled', NULL),
 (@c8, @now - INTERVAL 40 DAY, NULL, 'system', 'scheduled', 'open', NULL),
 (@c8, @now - INTERVAL 2 DAY, NULL, 'system', 'open', 'closed', NULL);
INSERT INTO agency_responses (activity_id, entity_id, body, submitted_by, submitted_at) VALUES
 (@c8, @moh, 'توافق وزارة الصحة على المسودة، وتقترح استثناء البيانات الصحية الفردية وإتاحة الإحصاءات المجمعة على مستوى اللواء فقط.', @liaison, @now - INTERVAL 10 DAY),
 (@c8, @ssc, 'ترى المؤسسة نشر إحصاءات المشتركين والمتقاعدين شهرياً، مع مراعاة سرية بيانات المؤمن عليهم.', @lissc, @now - INTERVAL 5 DAY);

-- 9. The workflow in progress: a draft (tests use it), a submitted one
-- waiting for the coordinator, one returned with reasons, one approved
-- and scheduled to open.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 'draft', 'مسودة تعليمات العيادات المتنقلة', 'Draft instructions on mobile clinics',
  'مسودة تعليمات ترخيص العيادات الطبية المتنقلة العاملة في المناطق النائية ومخيمات اللاجئين.',
  'Draft instructions on licensing mobile medical clinics working in remote areas and refugee camps.',
  @now - INTERVAL 2 DAY, @now - INTERVAL 1 DAY);
SET @c9 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c9, 1, 'المادة 1', 'النطاق', 'Scope', 'تسري هذه التعليمات على العيادات الطبية المحمولة على مركبات والتي تقدم خدمات الرعاية الأولية.', 'These instructions apply to vehicle-mounted clinics providing primary care.');

INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 'submitted', 'سياسة الوصفة الطبية الإلكترونية', 'Electronic prescription policy',
  'سياسة وطنية لاعتماد الوصفة الطبية الإلكترونية في المستشفيات والمراكز الصحية والصيدليات العامة والخاصة.',
  'A national policy for electronic prescriptions in public and private hospitals, health centres and pharmacies.',
  'الحد من الأخطاء الدوائية وصرف الأدوية دون وصفة، وتسهيل صرف الأدوية المزمنة.',
  'Reduce medication errors and dispensing without prescription, and make repeat medicines easier to obtain.',
  @now + INTERVAL 7 DAY, @now + INTERVAL 40 DAY, @now + INTERVAL 70 DAY, @now + INTERVAL 90 DAY,
  @now - INTERVAL 6 DAY, @now - INTERVAL 1 DAY);
SET @c10 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c10, 1, '1', 'النطاق', 'Scope', 'تطبق السياسة على جميع الوصفات الطبية الصادرة في المملكة اعتباراً من بداية العام المقبل.', 'The policy applies to all prescriptions issued in the Kingdom from the start of next year.'),
 (@c10, 2, '2', 'المنصة الوطنية', 'National platform', 'تصدر الوصفات عبر المنصة الوطنية للوصفة الإلكترونية ويتحقق منها الصيدلي بالرمز المرسل إلى المريض.', 'Prescriptions are issued on the national platform and checked by the pharmacist with the code sent to the patient.'),
 (@c10, 3, '3', 'الأدوية المزمنة', 'Repeat medicines', 'يجوز صرف الأدوية المزمنة لمدة ثلاثة أشهر بوصفة إلكترونية واحدة.', 'Repeat medicines may be dispensed for three months on one electronic prescription.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c10, id FROM sectors WHERE slug IN ('health', 'digital');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c10, @now - INTERVAL 1 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL);

INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, publish_at, closes_at, results_due_at, final_publication_at, return_reason, created_at, updated_at) VALUES
 ('consultation', @moe, @supmoe, 'public', 'returned', 'مسودة تعليمات النقل المدرسي الآمن', 'Draft instructions on safe school transport',
  'مسودة تعليمات تحدد شروط الحافلات المدرسية ومؤهلات السائقين والمرافقين.',
  'Draft instructions on school bus standards and the qualifications of drivers and escorts.',
  'رفع مستوى سلامة الطلبة في أثناء تنقلهم من المدرسة وإليها.',
  @now + INTERVAL 10 DAY, @now + INTERVAL 45 DAY, @now + INTERVAL 75 DAY, @now + INTERVAL 95 DAY,
  'يرجى إضافة الأهداف باللغة الإنجليزية وتحديد القطاعات المعنية (التعليم والنقل) قبل إعادة الرفع.',
  @now - INTERVAL 12 DAY, @now - INTERVAL 3 DAY);
SET @c11 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c11, 1, 'المادة 1', 'الحافلة المدرسية', 'School bus', 'يجب ألا يزيد عمر الحافلة المدرسية على عشر سنوات وأن تكون مزودة بأحزمة أمان لكل مقعد.', 'School buses must be at most ten years old with a seat belt on every seat.'),
 (@c11, 2, 'المادة 2', 'المرافق', 'Escort', 'يرافق كل حافلة تنقل طلبة المرحلة الأساسية الدنيا مرافق مدرب على الإسعافات الأولية.', 'Every bus carrying young pupils has an escort trained in first aid.');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c11, @now - INTERVAL 5 DAY, @supmoe, 'supervisor', 'draft', 'submitted', NULL),
 (@c11, @now - INTERVAL 3 DAY, @comoe, 'coordinator', 'submitted', 'returned',
  'يرجى إضافة الأهداف باللغة الإنجليزية وتحديد القطاعات المعنية (التعليم والنقل) قبل إعادة الرفع.');

INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at,
  created_at, updated_at) VALUES
 ('consultation', @gam, @supgam, 'public', 'scheduled', 'مسودة تعليمات تنظيم مواقف المركبات في مدينة عمّان لسنة 2026',
  'Draft Instructions on Parking in the City of Amman, 2026',
  'تنظم المسودة المواقف المدفوعة على جوانب الطرق، ومواقف الأشخاص ذوي الإعاقة، والدفع الإلكتروني لرسوم الوقوف.',
  'The draft regulates paid on-street parking, parking for persons with disabilities, and electronic payment of parking fees.',
  'تخفيف الازدحام المروري في وسط المدينة وتشجيع استخدام النقل العام.',
  'Ease traffic congestion downtown and encourage public transport.',
  @now + INTERVAL 3 DAY, @now + INTERVAL 35 DAY, @now + INTERVAL 35 DAY, @now + INTERVAL 65 DAY, @now + INTERVAL 85 DAY,
  @now - INTERVAL 15 DAY, @now - INTERVAL 2 DAY);
SET @c12 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c12, 1, 'المادة 1', 'المواقف المدفوعة', 'Paid parking', 'تحدد الأمانة الشوارع التي تخضع للوقوف المدفوع وتعلن عنها بلوحات إرشادية وعلى تطبيقها الإلكتروني.', 'The Municipality designates paid-parking streets and announces them on signs and in its app.'),
 (@c12, 2, 'المادة 2', 'مواقف الأشخاص ذوي الإعاقة', 'Accessible parking', 'تخصص نسبة لا تقل عن 5% من المواقف في كل شارع للأشخاص ذوي الإعاقة مجاناً.', 'At least 5% of spaces on every street are reserved free of charge for persons with disabilities.'),
 (@c12, 3, 'المادة 3', 'الدفع', 'Payment', 'تستوفى الرسوم إلكترونياً عبر تطبيق الأمانة أو محافظ الدفع الإلكتروني المعتمدة.', 'Fees are paid online through the Municipality''s app or approved e-wallets.'),
 (@c12, 4, 'المادة 4', 'المخالفات', 'Penalties', 'يعاقب على الوقوف دون دفع الرسوم بغرامة تحددها الأمانة، وتضاعف في موقف مخصص للأشخاص ذوي الإعاقة.', 'Parking without paying is fined; the fine doubles in a space reserved for persons with disabilities.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c12, id FROM sectors WHERE slug IN ('local', 'transport');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c12, @now - INTERVAL 8 DAY, @supgam, 'supervisor', 'draft', 'submitted', NULL),
 (@c12, @now - INTERVAL 5 DAY, @cogam, 'coordinator', 'submitted', 'approved', NULL),
 (@c12, @now - INTERVAL 2 DAY, @ligam, 'liaison', 'approved', 'scheduled', NULL);

-- 10. An open public survey (e-survey: multiple choice, scale and free
-- text) of the Greater Amman Municipality.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, target_group_size, created_at, updated_at) VALUES
 ('survey', @gam, @supgam, 'public', 'open', 'استبيان رضا مستخدمي الحافلات في عمّان', 'Amman bus users satisfaction survey',
  'ساعدنا في تحسين خدمة الحافلات وحافلات التردد السريع في عمّان بالإجابة عن أربعة أسئلة لا تستغرق أكثر من دقيقتين.',
  'Help us improve bus and bus rapid transit services in Amman by answering four questions; it takes two minutes.',
  @now - INTERVAL 7 DAY, @now + INTERVAL 25 DAY, @now + INTERVAL 25 DAY,
  @now + INTERVAL 50 DAY, @now + INTERVAL 60 DAY, 3000, @now - INTERVAL 12 DAY, @now - INTERVAL 7 DAY);
SET @s1 = LAST_INSERT_ID();
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @s1, id FROM sectors WHERE slug IN ('transport', 'local');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@s1, @now - INTERVAL 11 DAY, @supgam, 'supervisor', 'draft', 'submitted', NULL),
 (@s1, @now - INTERVAL 10 DAY, @cogam, 'coordinator', 'submitted', 'approved', NULL),
 (@s1, @now - INTERVAL 9 DAY, @ligam, 'liaison', 'approved', 'scheduled', NULL),
 (@s1, @now - INTERVAL 7 DAY, NULL, 'system', 'scheduled', 'open', NULL);
INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) VALUES
 (@s1, 1, 'single', 'كم مرة تستخدم الحافلة أسبوعياً؟', 'How often do you take the bus each week?', 1);
SET @q1 = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@q1, 1, 'يومياً', 'Daily'), (@q1, 2, 'مرات قليلة', 'A few times'), (@q1, 3, 'نادراً', 'Rarely'), (@q1, 4, 'لا أستخدمها', 'Never');
INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) VALUES
 (@s1, 2, 'multiple', 'ما أبرز المشكلات التي تواجهك؟ (يمكن اختيار أكثر من إجابة)', 'What problems do you face? (choose any)', 1);
SET @q2 = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@q2, 1, 'طول فترة الانتظار', 'Long waits'), (@q2, 2, 'الازدحام داخل الحافلة', 'Crowded buses'),
 (@q2, 3, 'عدم دقة المواعيد في التطبيق', 'Inaccurate times in the app'), (@q2, 4, 'بعد المحطات عن السكن', 'Stops far from home'),
 (@q2, 5, 'وسائل الدفع', 'Payment methods');
INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required, scale_min, scale_max) VALUES
 (@s1, 3, 'scale', 'ما مدى رضاك العام عن خدمة الحافلات؟ (1 غير راضٍ إطلاقاً - 5 راضٍ جداً)', 'Overall, how satisfied are you with the buses? (1 not at all – 5 very)', 1, 1, 5);
SET @q3 = LAST_INSERT_ID();
INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) VALUES
 (@s1, 4, 'text', 'ما الذي نحسنه أولاً؟', 'What should we improve first?', 0);
SET @q4 = LAST_INSERT_ID();
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@s1, @cit, UNHEX(SHA2(CONCAT('demo-voter-', @s1, '-', @cit), 256)), @now - INTERVAL 6 DAY);
SET @rs = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, option_id, value, text) VALUES
 (@rs, @q1, (SELECT id FROM question_options WHERE question_id = @q1 AND position = 1), NULL, NULL),
 (@rs, @q2, (SELECT id FROM question_options WHERE question_id = @q2 AND position = 1), NULL, NULL),
 (@rs, @q2, (SELECT id FROM question_options WHERE question_id = @q2 AND position = 3), NULL, NULL),
 (@rs, @q3, NULL, 2, NULL),
 (@rs, @q4, NULL, NULL, 'زيادة عدد الحافلات على خط صويلح - وسط البلد في ساعات الذروة.');
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@s1, @cit2, UNHEX(SHA2(CONCAT('demo-voter-', @s1, '-', @cit2), 256)), @now - INTERVAL 5 DAY);
SET @rs = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, option_id, value, text) VALUES
 (@rs, @q1, (SELECT id FROM question_options WHERE question_id = @q1 AND position = 2), NULL, NULL),
 (@rs, @q2, (SELECT id FROM question_options WHERE question_id = @q2 AND position = 2), NULL, NULL),
 (@rs, @q3, NULL, 3, NULL);
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@s1, @res, UNHEX(SHA2(CONCAT('demo-voter-', @s1, '-', @res), 256)), @now - INTERVAL 3 DAY);
SET @rs = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, option_id, value, text) VALUES
 (@rs, @q1, (SELECT id FROM question_options WHERE question_id = @q1 AND position = 1), NULL, NULL),
 (@rs, @q2, (SELECT id FROM question_options WHERE question_id = @q2 AND position = 5), NULL, NULL),
 (@rs, @q2, (SELECT id FROM question_options WHERE question_id = @q2 AND position = 1), NULL, NULL),
 (@rs, @q3, NULL, 4, NULL),
 (@rs, @q4, NULL, NULL, 'Accept contactless bank cards on every bus.');
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@s1, @cit3, UNHEX(SHA2(CONCAT('demo-voter-', @s1, '-', @cit3), 256)), @now - INTERVAL 1 DAY);
SET @rs = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, option_id, value, text) VALUES
 (@rs, @q1, (SELECT id FROM question_options WHERE question_id = @q1 AND position = 3), NULL, NULL),
 (@rs, @q2, (SELECT id FROM question_options WHERE question_id = @q2 AND position = 4), NULL, NULL),
 (@rs, @q3, NULL, 2, NULL);

-- 11. An open poll of the ministry (Oman guide: at least one a month).
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('poll', @modee, @admin, 'public', 'open', 'ما الخدمة الحكومية التي تريد رقمنتها أولاً؟', 'Which government service should go digital first?',
  'استطلاع الرأي الشهري للوزارة لترتيب أولويات التحول الرقمي للخدمات الحكومية.',
  'The Ministry''s monthly poll to rank the priorities of digital government services.',
  @now - INTERVAL 4 DAY, @now + INTERVAL 27 DAY, @now + INTERVAL 27 DAY,
  @now + INTERVAL 40 DAY, @now + INTERVAL 45 DAY, @now - INTERVAL 6 DAY, @now - INTERVAL 4 DAY);
SET @pl1 = LAST_INSERT_ID();
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @pl1, id FROM sectors WHERE slug IN ('digital', 'public_sector');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@pl1, @now - INTERVAL 6 DAY, @admin, 'admin', 'draft', 'submitted', NULL),
 (@pl1, @now - INTERVAL 6 DAY, @admin, 'admin', 'submitted', 'approved', NULL),
 (@pl1, @now - INTERVAL 5 DAY, @admin, 'admin', 'approved', 'scheduled', NULL),
 (@pl1, @now - INTERVAL 4 DAY, NULL, 'system', 'scheduled', 'open', NULL);
INSERT INTO questions (activity_id, position, kind, text_ar, text_en) VALUES (@pl1, 1, 'single', 'اختر خدمة واحدة', 'Choose one service');
SET @pq = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@pq, 1, 'تجديد رخصة القيادة', 'Driving licence renewal'),
 (@pq, 2, 'شهادة عدم المحكومية', 'Certificate of no criminal record'),
 (@pq, 3, 'تسجيل المركبات وترخيصها', 'Vehicle registration and licensing'),
 (@pq, 4, 'إصدار جواز السفر وتجديده', 'Passport issue and renewal');
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at)
SELECT @pl1, u.id, UNHEX(SHA2(CONCAT('demo-voter-', @pl1, '-', u.id), 256)), @now - INTERVAL (u.id % 4) DAY
  FROM users u WHERE u.id IN (@cit, @cit2, @cit3, @cit4, @ngo) ORDER BY u.id;
INSERT INTO answers (response_id, question_id, option_id)
SELECT r.id, @pq, (SELECT o.id FROM question_options o WHERE o.question_id = @pq
                    AND o.position = CASE r.user_id WHEN @cit THEN 1 WHEN @cit2 THEN 1 WHEN @cit3 THEN 3 WHEN @cit4 THEN 4 ELSE 2 END)
  FROM responses r WHERE r.activity_id = @pl1;

-- 12. Last month's poll, closed, with its published results report: the
-- trends, their alignment with the government's direction, and how they
-- were used (art. 9-هـ).
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, target_group_size, created_at, updated_at) VALUES
 ('poll', @modee, @admin, 'public', 'published', 'هل استخدمت تطبيق «سند» لإنجاز خدمة حكومية خلال الشهر الماضي؟',
  'Did you use the Sanad app for a government service last month?',
  'استطلاع الرأي الشهري حول استخدام الهوية الرقمية وتطبيق الخدمات الحكومية.',
  'The monthly poll on the use of the digital ID and the government services app.',
  @now - INTERVAL 70 DAY, @now - INTERVAL 39 DAY, @now - INTERVAL 39 DAY,
  @now - INTERVAL 25 DAY, @now - INTERVAL 20 DAY, 1000, @now - INTERVAL 72 DAY, @now - INTERVAL 20 DAY);
SET @pl2 = LAST_INSERT_ID();
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @pl2, id FROM sectors WHERE slug = 'digital';
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@pl2, @now - INTERVAL 72 DAY, @admin, 'admin', 'draft', 'submitted', NULL),
 (@pl2, @now - INTERVAL 72 DAY, @admin, 'admin', 'submitted', 'approved', NULL),
 (@pl2, @now - INTERVAL 71 DAY, @admin, 'admin', 'approved', 'scheduled', NULL),
 (@pl2, @now - INTERVAL 70 DAY, NULL, 'system', 'scheduled', 'open', NULL),
 (@pl2, @now - INTERVAL 39 DAY, NULL, 'system', 'open', 'closed', NULL),
 (@pl2, @now - INTERVAL 38 DAY, @admin, 'admin', 'closed', 'analysis', NULL),
 (@pl2, @now - INTERVAL 30 DAY, @admin, 'admin', 'analysis', 'report_submitted', NULL),
 (@pl2, @now - INTERVAL 28 DAY, @admin, 'admin', 'report_submitted', 'report_approved', NULL),
 (@pl2, @now - INTERVAL 20 DAY, @admin, 'admin', 'report_approved', 'published', NULL);
INSERT INTO questions (activity_id, position, kind, text_ar, text_en) VALUES (@pl2, 1, 'single', 'اختر إجابة واحدة', 'Choose one answer');
SET @pq2 = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@pq2, 1, 'نعم، أكثر من مرة', 'Yes, more than once'),
 (@pq2, 2, 'نعم، مرة واحدة', 'Yes, once'),
 (@pq2, 3, 'لا، لم أحتج إلى خدمة', 'No, I needed none'),
 (@pq2, 4, 'لا أعرف التطبيق', 'I do not know the app');
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at)
SELECT @pl2, u.id, UNHEX(SHA2(CONCAT('demo-voter-', @pl2, '-', u.id), 256)), @now - INTERVAL (50 + u.id % 10) DAY
  FROM users u WHERE u.id IN (@cit, @cit2, @res, @cit3, @cit4, @company) ORDER BY u.id;
INSERT INTO answers (response_id, question_id, option_id)
SELECT r.id, @pq2, (SELECT o.id FROM question_options o WHERE o.question_id = @pq2
                     AND o.position = CASE r.user_id WHEN @cit THEN 1 WHEN @cit2 THEN 2 WHEN @res THEN 1
                                                     WHEN @cit3 THEN 4 WHEN @cit4 THEN 1 ELSE 3 END)
  FROM responses r WHERE r.activity_id = @pl2;
INSERT INTO reports (activity_id, state, participants_count, summary_ar, summary_en, usage_ar, usage_en,
  trends_ar, trends_en, alignment_ar, alignment_en,
  submitted_by, submitted_at, reviewed_by, reviewed_at, approved_by, approved_at, published_at, created_at, updated_at) VALUES
 (@pl2, 'published', 6,
  'شارك ستة مستخدمين: استخدم أربعة منهم التطبيق (ثلاثة أكثر من مرة)، ولم يحتج واحد إلى خدمة، ولا يعرف واحد التطبيق.',
  'Six users took part: four used the app (three more than once), one needed no service, one did not know the app.',
  'وُجّهت حملة التعريف بالتطبيق إلى المحافظات التي ظهر فيها ضعف المعرفة به، وأُضيفت خدمتان جديدتان إلى التطبيق.',
  'The app''s awareness campaign was aimed at the governorates where it is least known, and two services were added to it.',
  'اتجاه واضح إلى استخدام التطبيق لدى من يعرفه، مع فجوة في المعرفة به لدى فئة من المستخدمين.',
  'A clear trend to use the app among those who know it, with a gap in awareness among some users.',
  'تتوافق النتائج مع توجه الحكومة إلى رقمنة الخدمات الحكومية بالكامل وتوسيع استخدام الهوية الرقمية.',
  'The results match the government''s direction to digitise all government services and widen the use of the digital ID.',
  @admin, @now - INTERVAL 30 DAY, @admin, @now - INTERVAL 28 DAY, @admin, @now - INTERVAL 22 DAY, @now - INTERVAL 20 DAY,
  @now - INTERVAL 35 DAY, @now - INTERVAL 20 DAY);

-- 13. A survey restricted to a group of users, closed (art. 2: "a
-- category or group"); only the group's members see it.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, target_group_size, created_at, updated_at) VALUES
 ('survey', @moh, @sup, 'restricted', 'closed', 'استبيان احتياجات جمعيات المرضى من خدمات الرعاية المنزلية',
  'Survey of patient associations'' needs for home care services',
  'استبيان موجه إلى جمعيات المرضى ومقدمي الرعاية لتحديد أولويات برنامج الرعاية المنزلية.',
  'A survey of patient associations and carers to set the priorities of the home care programme.',
  @now - INTERVAL 45 DAY, @now - INTERVAL 1 DAY, @now - INTERVAL 1 DAY,
  @now + INTERVAL 27 DAY, @now + INTERVAL 35 DAY, 40, @now - INTERVAL 50 DAY, @now - INTERVAL 1 DAY);
SET @s2 = LAST_INSERT_ID();
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @s2, id FROM sectors WHERE slug IN ('health', 'social');
INSERT INTO activity_targets (activity_id, group_id) VALUES (@s2, @grp);
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@s2, @now - INTERVAL 48 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@s2, @now - INTERVAL 47 DAY, @coord, 'coordinator', 'submitted', 'approved', NULL),
 (@s2, @now - INTERVAL 46 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@s2, @now - INTERVAL 45 DAY, NULL, 'system', 'scheduled', 'open', NULL),
 (@s2, @now - INTERVAL 1 DAY, NULL, 'system', 'open', 'closed', NULL);
INSERT INTO questions (activity_id, position, kind, text_ar, text_en) VALUES
 (@s2, 1, 'single', 'ما الخدمة المنزلية الأكثر حاجة لدى المرضى الذين تمثلونهم؟', 'Which home service do the patients you represent need most?');
SET @hq1 = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@hq1, 1, 'التمريض المنزلي', 'Home nursing'), (@hq1, 2, 'العلاج الطبيعي', 'Physiotherapy'), (@hq1, 3, 'توصيل الأدوية', 'Medicine delivery');
INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) VALUES
 (@s2, 2, 'text', 'ملاحظات أخرى', 'Other remarks', 0);
SET @hq2 = LAST_INSERT_ID();
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@s2, @ngo, UNHEX(SHA2(CONCAT('demo-voter-', @s2, '-', @ngo), 256)), @now - INTERVAL 30 DAY);
INSERT INTO answers (response_id, question_id, option_id, text) VALUES
 (LAST_INSERT_ID(), @hq1, (SELECT id FROM question_options WHERE question_id = @hq1 AND position = 1), NULL);
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES
 (@s2, @cit3, UNHEX(SHA2(CONCAT('demo-voter-', @s2, '-', @cit3), 256)), @now - INTERVAL 20 DAY);
SET @rs = LAST_INSERT_ID();
INSERT INTO answers (response_id, question_id, option_id, text) VALUES
 (@rs, @hq1, (SELECT id FROM question_options WHERE question_id = @hq1 AND position = 3), NULL),
 (@rs, @hq2, NULL, 'توصيل أدوية الأمراض المزمنة يوفر على كبار السن عناء المراجعة الشهرية.');

-- Restricted activities exist for their targets only; the draft and the
-- returned one have no sectors yet (what the coordinator asked for).

-- =====================================================================
-- Collaboration axis (Oman): citizen initiatives, participatory budget,
-- entity blog, participation charter.
-- =====================================================================
INSERT INTO initiatives (entity_id, sector_id, author_id, title, body, lang, state, created_at, updated_at,
  moderated_by, moderated_at, entity_reply_ar, entity_reply_en, replied_at) VALUES
 (@gam, (SELECT id FROM sectors WHERE slug = 'local'), @cit2, 'إنشاء حديقة عامة صغيرة في حي نزال',
  'في الحي قطعة أرض مملوكة للأمانة غير مستغلة منذ سنوات؛ نقترح تحويلها إلى حديقة صغيرة فيها ألعاب للأطفال وممرات للمشي، ويتطوع سكان الحي في زراعتها وصيانتها.',
  'ar', 'published', @now - INTERVAL 40 DAY, @now - INTERVAL 38 DAY, @ligam, @now - INTERVAL 38 DAY, NULL, NULL, NULL),
 (@moh, (SELECT id FROM sectors WHERE slug = 'health'), @cit, 'تطبيق موحد لمواعيد المراكز الصحية',
  'حجز موعد في المركز الصحي يتطلب الحضور المبكر والانتظار؛ نقترح حجز المواعيد عبر تطبيق موحد مع تذكير برسالة نصية.',
  'ar', 'adopted', @now - INTERVAL 90 DAY, @now - INTERVAL 20 DAY, @liaison, @now - INTERVAL 88 DAY,
  'تبنت الوزارة المبادرة وستطلق خدمة حجز المواعيد إلكترونياً في المراكز الصحية الشاملة على مراحل.',
  'The Ministry adopted the initiative and will roll out online booking in comprehensive health centres in stages.', @now - INTERVAL 20 DAY),
 (@moenv, (SELECT id FROM sectors WHERE slug = 'environment'), @res, 'E-waste collection points in schools',
  'Many households keep old phones and batteries at home. Collection boxes in public schools, emptied by licensed recyclers, would keep them out of landfills.',
  'en', 'pending', @now - INTERVAL 2 DAY, @now - INTERVAL 2 DAY, NULL, NULL, NULL, NULL, NULL);
SET @ini1 = (SELECT id FROM initiatives WHERE author_id = @cit2 ORDER BY id LIMIT 1);
SET @ini2 = (SELECT id FROM initiatives WHERE author_id = @cit ORDER BY id LIMIT 1);
INSERT INTO initiative_supports (initiative_id, user_id, at) VALUES
 (@ini1, @cit, @now - INTERVAL 35 DAY), (@ini1, @cit3, @now - INTERVAL 30 DAY), (@ini1, @cit4, @now - INTERVAL 10 DAY),
 (@ini2, @cit2, @now - INTERVAL 80 DAY), (@ini2, @ngo, @now - INTERVAL 75 DAY), (@ini2, @cit3, @now - INTERVAL 70 DAY),
 (@ini2, @res, @now - INTERVAL 60 DAY), (@ini2, @company, @now - INTERVAL 50 DAY);

INSERT INTO budgets (entity_id, state, title_ar, title_en, description_ar, description_en, total_amount, votes_per_user,
  opens_at, closes_at, created_by, created_at) VALUES
 (@gam, 'open', 'الموازنة التشاركية لمنطقة زهران 2026', 'Zahran district participatory budget 2026',
  'خصصت الأمانة مبلغ 250 ألف دينار لمشاريع يختارها سكان منطقة زهران. لكل مستخدم صوتان.',
  'The Municipality set aside JOD 250,000 for projects chosen by Zahran residents. Each user has two votes.',
  250000.000, 2, @now - INTERVAL 10 DAY, @now + INTERVAL 20 DAY, @ligam, @now - INTERVAL 15 DAY);
SET @bud = LAST_INSERT_ID();
INSERT INTO budget_projects (budget_id, position, title_ar, title_en, description_ar, description_en, cost) VALUES
 (@bud, 1, 'تأهيل أرصفة شارع الرينبو', 'Rebuild the Rainbow Street pavements', 'أرصفة مهيأة للأشخاص ذوي الإعاقة وكبار السن.', 'Pavements accessible to persons with disabilities and the elderly.', 120000.000),
 (@bud, 2, 'إنارة الحدائق العامة بالطاقة الشمسية', 'Solar lighting in public parks', 'إنارة ست حدائق بوحدات تعمل بالطاقة الشمسية.', 'Solar-powered lights in six parks.', 60000.000),
 (@bud, 3, 'مظلات ومقاعد لمحطات الحافلات', 'Shelters and benches at bus stops', 'عشرون مظلة في محطات الحافلات الرئيسية.', 'Twenty shelters at the main bus stops.', 45000.000),
 (@bud, 4, 'ملعب متعدد الأغراض للشباب', 'Multi-purpose youth court', 'ملعب مفتوح لكرة السلة والقدم الخماسية.', 'An open court for basketball and five-a-side football.', 80000.000);
INSERT INTO budget_votes (budget_id, project_id, user_id, at)
SELECT @bud, p.id, v.user_id, @now - INTERVAL v.d DAY
  FROM budget_projects p
  JOIN (SELECT @cit AS user_id, 1 AS pos, 8 AS d UNION ALL SELECT @cit, 3, 8 UNION ALL
        SELECT @cit2, 1, 6 UNION ALL SELECT @cit2, 2, 6 UNION ALL
        SELECT @cit3, 4, 3 UNION ALL SELECT @res, 3, 2) v ON v.pos = p.position
 WHERE p.budget_id = @bud;

INSERT INTO blog_posts (entity_id, author_id, title_ar, title_en, summary_ar, summary_en, body_ar, body_en, published_at, created_at, updated_at) VALUES
 (@moh, @liaison, 'ماذا فعلنا بتعليقاتكم على الاستراتيجية الوطنية للصحة النفسية؟', 'What we did with your comments on the mental health strategy',
  'خطوات تحليل التعليقات وموعد نشر التقرير.', 'How the comments are analysed and when the report comes out.',
  'أغلقت الاستشارة العامة حول الاستراتيجية الوطنية للصحة النفسية، ويعمل فريق الوزارة على تحليل التعليقات الواردة ومحور كل منها، وسننشر تقرير التحليل وموقف الوزارة من كل تعليق خلال عشرين يوم عمل من تاريخ الإغلاق.',
  'The public consultation on the national mental health strategy has closed. The Ministry''s team is analysing every comment by axis; the analysis report and the Ministry''s position on each comment will be published within twenty working days of closing.',
  @now - INTERVAL 12 DAY, @now - INTERVAL 13 DAY, @now - INTERVAL 12 DAY),
 (@moh, @sup, 'كيف تكتب تعليقاً مؤثراً على مسودة نظام؟', 'How to write a comment that counts on a draft regulation',
  'نصائح عملية للمشاركين.', 'Practical tips for participants.',
  'علّق على المادة التي تعنيك مباشرة، واقترح صياغة بديلة إن أمكن، واذكر أثر النص عليك أو على مؤسستك. التعليقات المحددة أسهل في الدراسة وأكثر حظاً في الأخذ بها.',
  'Comment on the article that concerns you, suggest alternative wording where you can, and say how the text affects you or your organisation. Specific comments are easier to study and more likely to be taken up.',
  @now - INTERVAL 70 DAY, @now - INTERVAL 71 DAY, @now - INTERVAL 70 DAY),
 (@modee, @admin, 'إطلاق البوابة الموحدة للمشاركة الإلكترونية', 'Launching the unified e-participation portal',
  'منصة واحدة لجميع الاستشارات والاستبيانات واستطلاعات الرأي الحكومية.', 'One place for every government consultation, survey and poll.',
  'تطلق وزارة الاقتصاد الرقمي والريادة البوابة الموحدة للمشاركة الإلكترونية تنفيذاً للقواعد التنفيذية لعام 2024، وتلتزم جميع الجهات الحكومية بطرح استشاراتها واستبياناتها واستطلاعات الرأي عبرها.',
  'The Ministry of Digital Economy and Entrepreneurship launches the unified e-participation portal under the 2024 executive rules; every government entity runs its consultations, surveys and polls on it.',
  @now - INTERVAL 150 DAY, @now - INTERVAL 151 DAY, @now - INTERVAL 150 DAY),
 (@gam, @ligam, 'صوّت لمشاريع منطقتك في الموازنة التشاركية', 'Vote for your district''s projects in the participatory budget',
  'التصويت مفتوح لسكان زهران.', 'Voting is open to Zahran residents.',
  'للمرة الأولى تترك الأمانة لسكان منطقة زهران اختيار المشاريع التي تنفذ في منطقتهم. اطلع على المشاريع الأربعة وصوّت لمشروعين.',
  'For the first time the Municipality lets Zahran residents choose the projects built in their district. See the four projects and vote for two.',
  @now - INTERVAL 9 DAY, @now - INTERVAL 10 DAY, @now - INTERVAL 9 DAY);

INSERT INTO charters (entity_id, body_ar, body_en, channels_ar, channels_en, activities_ar, activities_en,
  commitments_ar, commitments_en, data_policy_ar, data_policy_en, expectations_ar, expectations_en,
  published_at, updated_at, updated_by) VALUES
 (@moh,
  'ميثاق المشاركة في وزارة الصحة: نلتزم بإشراككم في إعداد التشريعات والسياسات الصحية قبل إقرارها.',
  'The Ministry of Health participation charter: we involve you in health legislation and policies before they are adopted.',
  'البوابة الموحدة للمشاركة الإلكترونية، والجلسات الحوارية في المحافظات، ومركز الاتصال.',
  'The unified e-participation portal, public sessions in the governorates, and the call centre.',
  'استشارات عامة على مسودات التشريعات، واستبيانات رضا عن الخدمات، واستطلاع رأي شهري.',
  'Public consultations on draft legislation, service satisfaction surveys, and a monthly poll.',
  'نراجع كل تعليق خلال ثلاثة أيام عمل، وننشر موقفنا من كل مقترح في تقرير خلال عشرين يوم عمل من الإغلاق.',
  'We review every comment within three working days and publish our position on every proposal within twenty working days of closing.',
  'لا ننشر بياناتكم الشخصية، ونستخدمها فقط للتواصل معكم بشأن مشاركاتكم.',
  'We never publish your personal data and use it only to contact you about your contributions.',
  'نتوقع مشاركات محترمة ومحددة وذات صلة بموضوع الاستشارة.',
  'We expect respectful, specific contributions about the subject of the consultation.',
  @now - INTERVAL 300 DAY, @now - INTERVAL 100 DAY, @liaison),
 (@modee,
  'ميثاق المشاركة في وزارة الاقتصاد الرقمي والريادة.',
  'The participation charter of the Ministry of Digital Economy and Entrepreneurship.',
  'البوابة الموحدة للمشاركة الإلكترونية ووسائل التواصل الاجتماعي الرسمية للوزارة.',
  'The unified e-participation portal and the Ministry''s official social media.',
  'استشارات حول السياسات الرقمية واستطلاع رأي شهري حول الخدمات الحكومية الرقمية.',
  'Consultations on digital policies and a monthly poll on digital government services.',
  'ننشر نتائج كل استطلاع وكيف استخدمناها.', 'We publish the results of every poll and how we used them.',
  'تعالج البيانات وفق قانون حماية البيانات الشخصية.', 'Data is processed under the Personal Data Protection Law.',
  'الالتزام بالمبادئ المنشورة للمشاركة.', 'Follow the published participation principles.',
  @now - INTERVAL 390 DAY, @now - INTERVAL 150 DAY, @admin);

-- =====================================================================
-- Oversight and measurement.
-- =====================================================================
-- The Ministry of Health's annual participation plan and its KPIs.
INSERT INTO participation_plans (entity_id, year, state, approved_by, approved_at, created_at) VALUES
 (@moh, YEAR(@now), 'published', @liaison, @now - INTERVAL 60 DAY, @now - INTERVAL 70 DAY);
SET @plan = LAST_INSERT_ID();
INSERT INTO plan_items (plan_id, position, topic, topic_en, target_group, target_group_size, channel, tools, quarter, status, activity_id, result_url) VALUES
 (@plan, 1, 'الاستراتيجية الوطنية للصحة النفسية', 'National mental health strategy', 'المواطنون والعاملون في القطاع الصحي', 10000, 'البوابة الموحدة', 'استشارة عامة، جلسة حوارية', 1, 'done', @c4, NULL),
 (@plan, 2, 'نظام ترخيص المؤسسات الصحية الخاصة', 'Regulation on licensing private health institutions', 'مقدمو الخدمات الصحية الخاصة والمواطنون', 5000, 'البوابة الموحدة', 'استشارة عامة على المواد', 2, 'running', @c1, NULL),
 (@plan, 3, 'احتياجات الرعاية المنزلية', 'Home care needs', 'جمعيات المرضى ومقدمو الرعاية', 40, 'البوابة الموحدة', 'استبيان مقيد', 2, 'done', @s2, NULL),
 (@plan, 4, 'سياسة الوصفة الطبية الإلكترونية', 'Electronic prescription policy', 'الأطباء والصيادلة والمرضى', 8000, 'البوابة الموحدة', 'استشارة عامة', 3, 'planned', @c10, NULL),
 (@plan, 5, 'رضا المراجعين عن المراكز الصحية الشاملة', 'Satisfaction with comprehensive health centres', 'مراجعو المراكز الصحية', 20000, 'البوابة الموحدة ورسائل نصية', 'استبيان', 4, 'planned', NULL, NULL);
INSERT INTO plan_kpis (plan_id, position, code, name_ar, name_en, unit, target, actual, updated_at) VALUES
 (@plan, 1, 'activities_run', 'عدد الاستشارات والاستبيانات المنفذة', 'Consultations and surveys run', 'count', 8, 5, @now - INTERVAL 1 DAY),
 (@plan, 2, 'results_published', 'نسبة الأنشطة المكتملة التي نشرت نتائجها', 'Completed activities with published results', 'percent', 100, 50, @now - INTERVAL 1 DAY),
 (@plan, 3, 'participation_rate', 'نسبة المشاركة من الفئة المستهدفة', 'Participation rate of the target group', 'percent', 5, 0.2, @now - INTERVAL 1 DAY),
 (@plan, 4, 'decisions_implemented', 'نسبة القرارات المبنية على مدخلات المواطنين التي نفذت', 'Decisions based on citizens'' input implemented', 'percent', 60, 40, @now - INTERVAL 1 DAY),
 (@plan, 5, 'polls_monthly', 'استطلاعات الرأي المنشورة (واحد شهرياً)', 'Polls published (one a month)', 'count', 12, 3, @now - INTERVAL 1 DAY);

-- The liaison officer's monthly call to the units (art. 7-ب): last
-- month's answered, this month's open.
INSERT INTO liaison_requests (entity_id, month, asked_at, asked_by, answered_at, answered_by, planned) VALUES
 (@moh, DATE_FORMAT(@now - INTERVAL 1 MONTH, '%Y-%m-01'), @now - INTERVAL 35 DAY, @liaison, @now - INTERVAL 28 DAY, @coord,
  'أفادت الوحدات بثلاثة أنشطة مخطط لها.');
SET @lr = LAST_INSERT_ID();
INSERT INTO liaison_request_items (request_id, unit_entity_id, unit_name, kind, topic_ar, topic_en, planned_month, activity_id, created_at) VALUES
 (@lr, (SELECT id FROM entities WHERE slug = 'moh-licensing'), NULL, 'consultation', 'مسودة نظام ترخيص المؤسسات الصحية الخاصة', 'Draft regulation on licensing private health institutions', DATE_FORMAT(@now - INTERVAL 1 MONTH, '%Y-%m-01'), @c1, @now - INTERVAL 28 DAY),
 (@lr, NULL, 'مديرية الصيدلة والدواء', 'consultation', 'سياسة الوصفة الطبية الإلكترونية', 'Electronic prescription policy', DATE_FORMAT(@now, '%Y-%m-01'), @c10, @now - INTERVAL 28 DAY),
 (@lr, (SELECT id FROM entities WHERE slug = 'moh-phc'), NULL, 'survey', 'رضا المراجعين عن المراكز الصحية الشاملة', 'Satisfaction with comprehensive health centres', DATE_FORMAT(@now + INTERVAL 2 MONTH, '%Y-%m-01'), NULL, @now - INTERVAL 28 DAY);
INSERT INTO liaison_requests (entity_id, month, asked_at, asked_by) VALUES
 (@moh, DATE_FORMAT(@now, '%Y-%m-01'), @now - INTERVAL 3 DAY, @liaison),
 (@moe, DATE_FORMAT(@now, '%Y-%m-01'), @now - INTERVAL 2 DAY, @limoe);

-- What the ministry reported to the Cabinet for the last full quarter.
SET @q_end = MAKEDATE(YEAR(@now), 1) + INTERVAL (QUARTER(@now) - 1) QUARTER - INTERVAL 1 DAY;
SET @q_start = MAKEDATE(YEAR(@q_end), 1) + INTERVAL (QUARTER(@q_end) - 1) QUARTER;
INSERT INTO compliance_snapshots (entity_id, period_start, period_end, consultations, surveys, activities, polls,
  comments_received, participants, late_moderations, late_reports, results_published, results_published_pct,
  blog_posts, requests_received, requests_late, liaison_named, created_at, created_by) VALUES
 (@moh, @q_start, @q_end, 2, 1, 3, 0, 46, 38, 2, 0, 1, 100.00, 1, 412, 9, 1, @q_end + INTERVAL 5 DAY, @admin),
 (@moe, @q_start, @q_end, 1, 0, 1, 0, 12, 11, 0, 1, 0, 0.00, 0, 305, 4, 1, @q_end + INTERVAL 5 DAY, @admin),
 (@gam, @q_start, @q_end, 0, 1, 1, 0, 0, 57, 0, 0, 1, 100.00, 1, 688, 21, 1, @q_end + INTERVAL 5 DAY, @admin),
 (@modee, @q_start, @q_end, 1, 0, 4, 3, 5, 140, 0, 0, 3, 75.00, 1, 0, 0, 1, @q_end + INTERVAL 5 DAY, @admin);

-- Complaints about the portal itself (art. 5-ط: five working days).
INSERT INTO portal_complaints (user_id, entity_id, category, activity_id, subject, state, body, received_at, due_at, answered_at, answered_by, answer) VALUES
 (@cit3, @moh, 'moderation', @c1, 'تأخر نشر تعليقي', 'answered',
  'أرسلت تعليقاً على مسودة نظام الترخيص ولم ينشر بعد مرور أربعة أيام.',
  @now - INTERVAL 12 DAY, @now - INTERVAL 5 DAY, @now - INTERVAL 9 DAY, @admin,
  'راجعنا الأمر مع ضابط ارتباط وزارة الصحة؛ نُشر تعليقك ونبهنا الوزارة إلى مدة المراجعة المحددة بثلاثة أيام عمل.'),
 (@res, NULL, 'accessibility', NULL, 'Screen reader and the comment form', 'received',
  'The article selector of the comment form is not announced by my screen reader on mobile.',
  @now - INTERVAL 1 DAY, @now + INTERVAL 6 DAY, NULL, NULL, NULL);

-- =====================================================================
-- Complaints and requests (Bekhedmetkom model): the five types, several
-- states, SLA deadlines, a late request escalated twice, a reply rated 1
-- and reopened.  Only non-personal fields: contact data would go,
-- encrypted, into requester_enc by the application.
-- =====================================================================
SET @t_inq = (SELECT id FROM request_types WHERE code = 'inquiry');
SET @t_cmp = (SELECT id FROM request_types WHERE code = 'complaint');
SET @t_sug = (SELECT id FROM request_types WHERE code = 'suggestion');
SET @t_thx = (SELECT id FROM request_types WHERE code = 'compliment');
SET @t_vio = (SELECT id FROM request_types WHERE code = 'violation');
SET @x_time = (SELECT id FROM request_axes WHERE code = 'time');
SET @x_proc = (SELECT id FROM request_axes WHERE code = 'procedures');
SET @x_beh = (SELECT id FROM request_axes WHERE code = 'behaviour');
SET @x_env = (SELECT id FROM request_axes WHERE code = 'environment');
SET @x_qual = (SELECT id FROM request_axes WHERE code = 'quality');

INSERT INTO open311_services (service_code, type_id, axis_id, entity_id, name_ar, name_en, description_ar, description_en, group_ar, group_en, keywords) VALUES
 ('gam-pothole', @t_cmp, @x_qual, @gam, 'حفرة أو تلف في الطريق', 'Pothole or damaged road', 'الإبلاغ عن حفرة أو هبوط في شارع تابع للأمانة.', 'Report a pothole or subsidence on a municipal street.', 'الطرق', 'Roads', 'pothole,road,asphalt'),
 ('gam-streetlight', @t_cmp, @x_env, @gam, 'عطل في إنارة الشارع', 'Street light out', 'الإبلاغ عن عمود إنارة معطل.', 'Report a street light that is out.', 'الإنارة', 'Lighting', 'light,lamp'),
 ('gam-waste', @t_cmp, @x_env, @gam, 'تراكم النفايات', 'Uncollected waste', 'الإبلاغ عن حاوية ممتلئة أو نفايات لم تجمع.', 'Report a full bin or waste not collected.', 'النظافة', 'Cleaning', 'waste,garbage,bin'),
 ('water-outage', @t_cmp, @x_qual, @miyahuna, 'انقطاع المياه', 'Water outage', 'الإبلاغ عن انقطاع المياه خارج برنامج التوزيع.', 'Report a water outage outside the supply schedule.', 'المياه', 'Water', 'water,outage'),
 ('water-leak', @t_vio, @x_qual, @miyahuna, 'تسرب أو اعتداء على خط مياه', 'Leak or illegal tap on a water main', 'الإبلاغ عن تسرب في الشبكة أو اعتداء عليها.', 'Report a leak in the network or an illegal connection.', 'المياه', 'Water', 'leak,pipe,illegal');

-- One request at a time: created_at is the base of every other date.
-- ref_no: SH-<year of receipt>-<number in that year>.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, classified_at, forwarded_at, answered_at, closed_at,
  rating, rating_comment, rated_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 24 DAY), '-000001'), @t_inq, @x_proc, 'medium', @moh, 'مديرية ترخيص المهن والمؤسسات الصحية', @liaison, 'web', @cit, 0,
  'الوثائق المطلوبة لتجديد ترخيص عيادة أسنان خاصة',
  'ما الوثائق المطلوبة لتجديد ترخيص عيادة أسنان خاصة، وهل يمكن تقديم الطلب إلكترونياً؟',
  'closed', @now - INTERVAL 17 DAY, @now - INTERVAL 10 DAY, @now - INTERVAL 24 DAY + INTERVAL 2 HOUR, @now - INTERVAL 23 DAY,
  @now - INTERVAL 20 DAY, @now - INTERVAL 18 DAY, 5, 'رد واضح وسريع، شكراً.', @now - INTERVAL 18 DAY,
  @now - INTERVAL 24 DAY, @now - INTERVAL 18 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, classified_at, forwarded_at, answered_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 20 DAY), '-000002'), @t_cmp, @x_time, 'high', @gam, 'دائرة رخص الأبنية', @ligam, 'mobile', @cit2, 0,
  'تأخر إصدار رخصة إنشاءات رغم استكمال الوثائق',
  'قدمت طلب رخصة إنشاءات لمنزل في منطقة شفا بدران واستكملت الوثائق منذ شهرين ولم تصدر الرخصة حتى الآن دون توضيح السبب.',
  'answered', @now - INTERVAL 16 DAY, @now - INTERVAL 9 DAY, @now - INTERVAL 20 DAY + INTERVAL 3 HOUR, @now - INTERVAL 19 DAY,
  @now - INTERVAL 17 DAY, @now - INTERVAL 20 DAY, @now - INTERVAL 17 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, classified_at, forwarded_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 3 DAY), '-000003'), @t_cmp, @x_beh, 'medium', @ssc, 'مديرية فرع شرق عمّان', @lissc, 'call_centre', @cit3, 0,
  'سوء معاملة من موظف في أحد فروع الضمان الاجتماعي',
  'راجعت الفرع لتحديث بيانات الاشتراك فرفض الموظف استلام الطلب وتحدث بأسلوب غير لائق أمام المراجعين.',
  'forwarded', @now + INTERVAL 4 DAY, @now + INTERVAL 15 DAY, @now - INTERVAL 3 DAY + INTERVAL 4 HOUR, @now - INTERVAL 2 DAY,
  @now - INTERVAL 3 DAY, @now - INTERVAL 2 DAY);
-- Late: past due_at without a reply, escalated to the secretary-general,
-- then to the minister (domain.md §5).
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, escalation_level, escalated_at1, escalated_at2, classified_at, forwarded_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 6 DAY), '-000004'), @t_cmp, @x_qual, 'critical', @moh, 'مديرية الرعاية الصحية الأولية', @liaison, 'web', @cit, 0,
  'نفاد دواء الإنسولين في مركز صحي شامل',
  'لم يتوفر دواء الإنسولين في صيدلية المركز الصحي الشامل في الحي منذ أسبوعين، ويضطر المرضى إلى شرائه على حسابهم.',
  'forwarded', @now - INTERVAL 5 DAY, @now - INTERVAL 1 DAY, 2, @now - INTERVAL 5 DAY, @now - INTERVAL 3 DAY,
  @now - INTERVAL 6 DAY + INTERVAL 1 HOUR, @now - INTERVAL 6 DAY + INTERVAL 2 HOUR, @now - INTERVAL 6 DAY, @now - INTERVAL 3 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, requester_id, confidential,
  subject, body, state, due_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 5 HOUR), '-000005'), @t_sug, NULL, 'low', @gam, 'chatbot', @res, 0,
  'مظلات ومقاعد في محطات الباص السريع',
  'أقترح إضافة مظلات ومقاعد في محطات الباص السريع على خط صويلح، فالانتظار صيفاً تحت الشمس مرهق لكبار السن.',
  'received', @now + INTERVAL 9 DAY, @now - INTERVAL 5 HOUR, @now - INTERVAL 5 HOUR);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, classified_at, forwarded_at, answered_at, closed_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 15 DAY), '-000006'), @t_thx, @x_qual, 'low', @moh, 'مستشفى البشير - قسم الطوارئ', @liaison, 'web', @ngo, 0,
  'شكر لكادر قسم الطوارئ',
  'نتقدم بالشكر لكادر قسم الطوارئ على سرعة الاستجابة وحسن التعامل مع أحد المرضى من كبار السن.',
  'closed', @now - INTERVAL 5 DAY, @now - INTERVAL 15 DAY + INTERVAL 1 HOUR, @now - INTERVAL 14 DAY,
  @now - INTERVAL 12 DAY, @now - INTERVAL 12 DAY, @now - INTERVAL 15 DAY, @now - INTERVAL 12 DAY);
-- A report of a violation, confidential and anonymous, with a location.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, open311_service_code, requester_id, confidential,
  subject, body, lat, lng, address, state, due_at, solve_due_at, classified_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 2 DAY), '-000007'), @t_vio, @x_qual, 'high', @miyahuna, NULL, @liwater, 'open311', 'water-leak', NULL, 1,
  'اعتداء على خط مياه رئيسي',
  'يوجد توصيل غير قانوني على خط المياه الرئيسي بجانب مشروع إنشائي، والمياه تتسرب إلى الشارع.',
  31.953900, 35.910600, 'عمّان - جبل عمّان، قرب الدوار الثالث', 'classified', @now + INTERVAL 1 DAY, @now + INTERVAL 5 DAY,
  @now - INTERVAL 1 DAY, @now - INTERVAL 2 DAY, @now - INTERVAL 1 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, open311_service_code, requester_id, confidential,
  subject, body, lat, lng, address, state, due_at, solve_due_at, classified_at, forwarded_at, answered_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 9 DAY), '-000008'), @t_cmp, @x_qual, 'high', @miyahuna, 'مديرية التوزيع - منطقة الوسط', @liwater, 'open311', 'water-outage', @cit4, 0,
  'انقطاع المياه أكثر من 48 ساعة',
  'انقطعت المياه عن الحي منذ يومين رغم أن اليوم ضمن برنامج التوزيع.',
  31.990100, 35.863200, 'عمّان - تلاع العلي', 'answered', @now - INTERVAL 6 DAY, @now - INTERVAL 2 DAY,
  @now - INTERVAL 9 DAY + INTERVAL 1 HOUR, @now - INTERVAL 9 DAY + INTERVAL 2 HOUR, @now - INTERVAL 7 DAY,
  @now - INTERVAL 9 DAY, @now - INTERVAL 7 DAY);
-- Rated 1 (below 2): studied by the central operations room, reopened.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, classified_at, forwarded_at, answered_at, rating, rating_comment, rated_at,
  reopened_count, reopened_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 18 DAY), '-000009'), @t_cmp, @x_proc, 'medium', @ssc, 'مديرية الاشتراكات', @lissc, 'web', @cit2, 0,
  'رفض احتساب فترة اشتراك سابقة',
  'لم تحتسب المؤسسة فترة عملي لدى صاحب عمل سابق رغم تقديم كشوف الرواتب، والرد السابق لم يوضح السبب.',
  'reopened', @now + INTERVAL 3 DAY, @now + INTERVAL 10 DAY, @now - INTERVAL 18 DAY + INTERVAL 2 HOUR, @now - INTERVAL 17 DAY,
  @now - INTERVAL 12 DAY, 1, 'الرد عام ولم يعالج المشكلة.', @now - INTERVAL 2 DAY,
  1, @now - INTERVAL 1 DAY, @now - INTERVAL 18 DAY, @now - INTERVAL 1 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, classified_at, forwarded_at, answered_at, closed_at, rating, rated_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 11 DAY), '-000010'), @t_inq, @x_proc, 'low', @trc, 'دائرة حماية المستهلك', @litrc, 'web', @cit4, 0,
  'نقل الرقم إلى مشغل آخر',
  'كيف أنقل رقم هاتفي الخلوي إلى مشغل آخر، وكم تستغرق العملية؟',
  'closed', @now - INTERVAL 1 DAY, @now - INTERVAL 11 DAY + INTERVAL 1 HOUR, @now - INTERVAL 10 DAY,
  @now - INTERVAL 9 DAY, @now - INTERVAL 8 DAY, 4, @now - INTERVAL 8 DAY, @now - INTERVAL 11 DAY, @now - INTERVAL 8 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, classified_at, reject_reason, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 8 DAY), '-000011'), @t_cmp, @x_env, 'medium', @moe, @limoe, 'mobile', @cit3, 0,
  'نقص التدفئة في مدرسة',
  'لا تعمل التدفئة في صفوف المدرسة منذ بداية الشتاء.',
  'rejected', @now - INTERVAL 1 DAY, @now - INTERVAL 7 DAY,
  'مكرر: الطلب نفسه مسجل سابقاً ويجري العمل عليه.', @now - INTERVAL 8 DAY, @now - INTERVAL 7 DAY);
-- A confidential report of corruption by a signed-in requester.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, classified_at, forwarded_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 4 DAY), '-000012'), @t_vio, @x_beh, 'high', @moh, 'وحدة الرقابة الداخلية', @liaison, 'web', @cit3, 1,
  'طلب مبلغ مالي مقابل تسريع معاملة',
  'طلب أحد الوسطاء مبلغاً مالياً مقابل تسريع معاملة ترخيص بحجة معرفته بموظفين في المديرية.',
  'forwarded', @now + INTERVAL 2 DAY, @now + INTERVAL 8 DAY, @now - INTERVAL 4 DAY + INTERVAL 1 HOUR, @now - INTERVAL 3 DAY,
  @now - INTERVAL 4 DAY, @now - INTERVAL 3 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, open311_service_code, requester_id, confidential,
  subject, body, lat, lng, address, state, due_at, classified_at, forwarded_at, answered_at, closed_at, rating, rated_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 14 DAY), '-000013'), @t_cmp, @x_qual, 'medium', @gam, 'دائرة الطرق', @ligam, 'open311', 'gam-pothole', @cit, 0,
  'حفرة عميقة في شارع رئيسي',
  'حفرة عميقة في منتصف الشارع تسببت بأضرار لعدد من المركبات.',
  31.956700, 35.863000, 'عمّان - الصويفية، شارع رئيسي', 'closed', @now - INTERVAL 9 DAY,
  @now - INTERVAL 14 DAY + INTERVAL 1 HOUR, @now - INTERVAL 14 DAY + INTERVAL 3 HOUR, @now - INTERVAL 10 DAY, @now - INTERVAL 9 DAY,
  4, @now - INTERVAL 9 DAY, @now - INTERVAL 14 DAY, @now - INTERVAL 9 DAY);
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, requester_id, confidential,
  subject, body, state, due_at, created_at, updated_at) VALUES
 (CONCAT('SH-', YEAR(@now - INTERVAL 1 HOUR), '-000014'), @t_inq, NULL, 'medium', @moe, 'web', @cit4, 0,
  'موعد إعلان نتائج الامتحان العام',
  'متى تعلن نتائج امتحان شهادة الدراسة الثانوية العامة للدورة الحالية؟',
  'received', @now + INTERVAL 7 DAY, @now - INTERVAL 1 HOUR, @now - INTERVAL 1 HOUR);

-- History of each request: receipt, classification, forwarding, replies
-- (public = 1: shown to the requester), internal notes, escalations,
-- ratings, reopening.
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.created_at, NULL, 'system', 'state', NULL, 'received', 1, NULL FROM requests q;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.classified_at, q.handled_by, 'liaison', 'state', 'received', 'classified', 0, NULL
  FROM requests q WHERE q.classified_at IS NOT NULL;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.forwarded_at, q.handled_by, 'liaison', 'state', 'classified', 'forwarded', 0, CONCAT('أحيل إلى: ', q.unit)
  FROM requests q WHERE q.forwarded_at IS NOT NULL;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.answered_at, q.handled_by, 'liaison', 'reply', IF(q.forwarded_at IS NULL, 'classified', 'forwarded'), 'answered', 1,
       CASE q.ref_no
         WHEN CONCAT('SH-', YEAR(@now - INTERVAL 24 DAY), '-000001') THEN 'يقدم طلب التجديد إلكترونياً عبر خدمات الوزارة الإلكترونية مرفقاً به الترخيص السابق وشهادة مزاولة المهنة السارية وتقرير الكشف الفني.'
         WHEN CONCAT('SH-', YEAR(@now - INTERVAL 20 DAY), '-000002') THEN 'تبين أن الطلب بانتظار موافقة لجنة التنظيم المحلية؛ أدرج على جدول أعمال جلستها القادمة وسيصلك إشعار بالقرار.'
         WHEN CONCAT('SH-', YEAR(@now - INTERVAL 15 DAY), '-000006') THEN 'نشكركم على رسالتكم، وقد أُبلغ كادر قسم الطوارئ بها.'
         WHEN CONCAT('SH-', YEAR(@now - INTERVAL 9 DAY), '-000008') THEN 'نتج الانقطاع عن عطل في خط التغذية الرئيسي، وقد أُصلح وعادت المياه إلى الحي.'
         WHEN CONCAT('SH-', YEAR(@now - INTERVAL 18 DAY), '-000009') THEN 'تُحتسب فترات الاشتراك وفق الكشوف المعتمدة من صاحب العمل.'
         WHEN CONCAT('SH-', YEAR(@now - INTERVAL 11 DAY), '-000010') THEN 'تقدم طلب نقل الرقم لدى المشغل الجديد مع إبراز الهوية، وتكتمل العملية خلال يوم عمل واحد.'
         ELSE 'أُصلحت الحفرة وأعيد تعبيد المقطع.'
       END
  FROM requests q WHERE q.answered_at IS NOT NULL;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.rated_at, q.requester_id, 'citizen', 'rating', NULL, NULL, 1,
       CONCAT(q.rating, '/5', IF(q.rating_comment IS NULL, '', CONCAT(': ', q.rating_comment)))
  FROM requests q WHERE q.rated_at IS NOT NULL;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.closed_at, q.handled_by, 'liaison', 'state', 'answered', 'closed', 1, NULL
  FROM requests q WHERE q.closed_at IS NOT NULL;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.reopened_at, NULL, 'system', 'state', 'answered', 'reopened', 1,
       'أعيد فتح الطلب لأن تقييم الرد أقل من 2، ويدرسه مركز العمليات المركزي.'
  FROM requests q WHERE q.reopened_at IS NOT NULL;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.updated_at, q.handled_by, 'liaison', 'state', 'classified', 'rejected', 1, q.reject_reason
  FROM requests q WHERE q.state = 'rejected';
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT q.id, q.forwarded_at + INTERVAL 1 DAY, q.handled_by, 'liaison', 'note', NULL, NULL, 0,
       'تواصلنا مع مديرية الشراء الموحد؛ الشحنة متأخرة لدى المورد.'
  FROM requests q WHERE q.escalation_level = 2;

-- The late request's two escalations (SMS and e-mail to the secretary-
-- general, then the minister of the sector).
INSERT INTO request_escalations (request_id, cycle, level, at, entity_id, notified_name, notified_email, notified_mobile)
SELECT q.id, q.reopened_count, 1, q.escalated_at1, e.id, e.sg_name, e.sg_email, e.sg_mobile
  FROM requests q JOIN entities e ON e.id = q.entity_id WHERE q.escalation_level >= 1;
INSERT INTO request_escalations (request_id, cycle, level, at, entity_id, notified_name, notified_email, notified_mobile)
SELECT q.id, q.reopened_count, 2, q.escalated_at2, e.id, e.minister_name, e.minister_email, e.minister_mobile
  FROM requests q JOIN entities e ON e.id = q.entity_id WHERE q.escalation_level >= 2;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
SELECT x.request_id, x.at, NULL, 'system', 'escalation', NULL, NULL, 0,
       CONCAT('تصعيد آلي - المستوى ', x.level, ': ', x.notified_name)
  FROM request_escalations x;

-- Yearly counters follow the numbers used.
INSERT INTO request_ref_counters (year, last_no)
SELECT CAST(SUBSTRING(ref_no, 4, 4) AS UNSIGNED), MAX(CAST(SUBSTRING(ref_no, 9) AS UNSIGNED))
  FROM requests GROUP BY CAST(SUBSTRING(ref_no, 4, 4) AS UNSIGNED);

-- =====================================================================
-- Audit trail of what the seeded staff did (workflow and moderation).
-- =====================================================================
INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type, object_id, summary, ip)
SELECT w.at, w.actor_id, w.role, u.entity_id, CONCAT('activity.', w.to_state), 'activity', w.activity_id,
       CONCAT(w.from_state, ' → ', w.to_state, IF(w.reason IS NULL, '', CONCAT(': ', w.reason))), NULL
  FROM workflow_events w JOIN users u ON u.id = w.actor_id
 ORDER BY w.at, w.id;
INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type, object_id, summary, ip)
SELECT c.moderated_at, c.moderated_by, u.role, u.entity_id,
       IF(c.status = 'published', 'comment.publish', 'comment.reject'), 'comment', c.id,
       CONCAT('activity ', c.activity_id), NULL
  FROM comments c JOIN users u ON u.id = c.moderated_by
 ORDER BY c.moderated_at, c.id;

-- =====================================================================
-- Counters agree with the rows (house rule 6: pages show counters).
-- =====================================================================
UPDATE comments SET body_hash = UNHEX(SHA2(body, 256));
UPDATE activities a SET
  comments_published = (SELECT COUNT(*) FROM comments c WHERE c.activity_id = a.id AND c.status = 'published'),
  comments_pending = (SELECT COUNT(*) FROM comments c WHERE c.activity_id = a.id AND c.status = 'pending'),
  participants = (SELECT COUNT(DISTINCT c.user_id) FROM comments c WHERE c.activity_id = a.id)
    + (SELECT COUNT(*) FROM responses r WHERE r.activity_id = a.id);
UPDATE articles ar SET comments_published =
  (SELECT COUNT(*) FROM comments c WHERE c.article_id = ar.id AND c.status = 'published');
UPDATE question_options o SET votes = (SELECT COUNT(*) FROM answers x WHERE x.option_id = o.id);
UPDATE initiatives i SET supporters = (SELECT COUNT(*) FROM initiative_supports s WHERE s.initiative_id = i.id);
UPDATE budget_projects p SET votes = (SELECT COUNT(*) FROM budget_votes v WHERE v.project_id = p.id);
UPDATE reports r JOIN activities a ON a.id = r.activity_id SET r.participants_count = a.participants;

-- KPI aggregates by day of receipt × entity × type × axis (0: not yet
-- classified), from the requests above.
INSERT INTO kpi_daily (day, entity_id, type_id, axis_id, received, answered, answered_in_time, late, closed,
  reopened, escalated, reply_seconds_sum, ratings_sum, ratings_count)
SELECT DATE(q.created_at), q.entity_id, q.type_id, COALESCE(q.axis_id, 0), COUNT(*),
       SUM(q.answered_at IS NOT NULL),
       SUM(q.answered_at IS NOT NULL AND q.answered_at <= q.due_at),
       SUM((q.answered_at IS NOT NULL AND q.answered_at > q.due_at)
           OR (q.answered_at IS NULL AND q.due_at < @now AND q.state NOT IN ('closed', 'rejected'))),
       SUM(q.state = 'closed'), SUM(q.reopened_count > 0), SUM(q.escalation_level > 0),
       COALESCE(SUM(TIMESTAMPDIFF(SECOND, q.created_at, q.answered_at)), 0),
       COALESCE(SUM(q.rating), 0), COUNT(q.rating)
  FROM requests q
 GROUP BY DATE(q.created_at), q.entity_id, q.type_id, COALESCE(q.axis_id, 0);
