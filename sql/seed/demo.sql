-- Demo data (development only; sharekctl seed-demo refuses production).
-- Every demo account has the password sharek-demo-2026 (@PWHASH@).
-- Dates are relative to now so the data stays realistic.

INSERT INTO sectors (slug, name_ar, name_en) VALUES
 ('health', 'الصحة', 'Health'),
 ('education', 'التعليم', 'Education'),
 ('environment', 'البيئة', 'Environment'),
 ('digital', 'الاقتصاد الرقمي', 'Digital economy'),
 ('transport', 'النقل', 'Transport'),
 ('social', 'الحماية الاجتماعية', 'Social protection'),
 ('local', 'الإدارة المحلية', 'Local administration');

INSERT INTO entities (kind, name_ar, name_en, slug, is_operator, contact_email,
  sg_name, sg_email, sg_mobile, minister_name, minister_email, minister_mobile,
  created_at, updated_at) VALUES
 ('ministry', 'وزارة الاقتصاد الرقمي والريادة', 'Ministry of Digital Economy and Entrepreneurship', 'modee', 1, 'info@modee.sharek.test',
  'م. سامر العبادي', 'sg@modee.sharek.test', '+962790000001', 'د. ليلى الحسن', 'minister@modee.sharek.test', '+962790000002', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @modee = LAST_INSERT_ID();
INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, sg_mobile,
  minister_name, minister_email, minister_mobile, created_at, updated_at) VALUES
 ('ministry', 'وزارة الصحة', 'Ministry of Health', 'moh', 'info@moh.sharek.test', 'د. خالد المومني', 'sg@moh.sharek.test', '+962790000011', 'د. ريم الزعبي', 'minister@moh.sharek.test', '+962790000012', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @moh = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@moh, 'department', 'مديرية الرعاية الصحية الأولية', 'Directorate of Primary Health Care', 'moh-phc', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @moh_phc = LAST_INSERT_ID();
INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, sg_name, sg_email, minister_name, minister_email, created_at, updated_at) VALUES
 ('ministry', 'وزارة التربية والتعليم', 'Ministry of Education', 'moe', 'info@moe.sharek.test', 'د. نجوى القضاة', 'sg@moe.sharek.test', 'د. عمر الخطيب', 'minister@moe.sharek.test', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @moe = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@moe, 'department', 'إدارة المناهج والكتب المدرسية', 'Curricula and Textbooks Directorate', 'moe-curricula', UTC_TIMESTAMP(), UTC_TIMESTAMP());
INSERT INTO entities (kind, name_ar, name_en, slug, contact_email, created_at, updated_at) VALUES
 ('municipality', 'أمانة عمّان الكبرى', 'Greater Amman Municipality', 'gam', 'info@gam.sharek.test', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @gam = LAST_INSERT_ID();
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 (@gam, 'department', 'دائرة النقل العام', 'Public Transport Department', 'gam-transport', UTC_TIMESTAMP(), UTC_TIMESTAMP());
INSERT INTO entities (kind, name_ar, name_en, slug, created_at, updated_at) VALUES
 ('authority', 'هيئة تنظيم قطاع الاتصالات', 'Telecommunications Regulatory Commission', 'trc', UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('ministry', 'وزارة البيئة', 'Ministry of Environment', 'moenv', UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('institution', 'المؤسسة العامة للضمان الاجتماعي', 'Social Security Corporation', 'ssc', UTC_TIMESTAMP(), UTC_TIMESTAMP());
SET @moenv = (SELECT id FROM entities WHERE slug = 'moenv');

INSERT INTO entity_sectors (entity_id, sector_id)
SELECT e.id, s.id FROM entities e JOIN sectors s ON
  (e.slug IN ('moh','moh-phc') AND s.slug = 'health') OR
  (e.slug IN ('moe','moe-curricula') AND s.slug = 'education') OR
  (e.slug = 'modee' AND s.slug = 'digital') OR (e.slug = 'trc' AND s.slug = 'digital') OR
  (e.slug IN ('gam','gam-transport') AND s.slug IN ('local','transport')) OR
  (e.slug = 'moenv' AND s.slug = 'environment') OR (e.slug = 'ssc' AND s.slug = 'social');

INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, mobile, lang, role, entity_id, created_at, updated_at) VALUES
 ('staff', 'admin@sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'هند الرواشدة', '+962791111001', 'ar', 'admin', @modee, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'liaison@moh.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'محمد العزام', '+962791111002', 'ar', 'liaison', @moh, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'alternate@moh.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'سلمى الطراونة', '+962791111003', 'ar', 'liaison', @moh, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'coordinator@moh.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'رامي الشوبكي', '+962791111004', 'ar', 'coordinator', @moh, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'supervisor@moh.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'دانا الفايز', '+962791111005', 'ar', 'supervisor', @moh, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'liaison@moe.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'يوسف الحياري', '+962791111006', 'ar', 'liaison', @moe, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'coordinator@moe.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'أسيل النمري', '+962791111007', 'ar', 'coordinator', @moe, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('staff', 'supervisor@moe.sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'ليث الكردي', '+962791111008', 'en', 'supervisor', @moe, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('person', 'citizen@sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'أحمد الخوالدة', '+962792222001', 'ar', 'citizen', NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('person', 'citizen2@sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'فاطمة العمري', '+962792222002', 'ar', 'citizen', NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('person', 'resident@sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'Sara Haddad', '+962792222003', 'en', 'citizen', NULL, UTC_TIMESTAMP(), UTC_TIMESTAMP());
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, org_name, org_reg_no, contact_person, mobile, lang, role, created_at, updated_at) VALUES
 ('organisation', 'ngo@sharek.test', UTC_TIMESTAMP(), '@PWHASH@', 'نور الصمادي', 'جمعية أصدقاء المرضى الخيرية', '2019/445', 'نور الصمادي', '+96265550001', 'ar', 'citizen', UTC_TIMESTAMP(), UTC_TIMESTAMP());

SET @admin = (SELECT id FROM users WHERE email = 'admin@sharek.test');
SET @sup = (SELECT id FROM users WHERE email = 'supervisor@moh.sharek.test');
SET @coord = (SELECT id FROM users WHERE email = 'coordinator@moh.sharek.test');
SET @liaison = (SELECT id FROM users WHERE email = 'liaison@moh.sharek.test');
SET @supmoe = (SELECT id FROM users WHERE email = 'supervisor@moe.sharek.test');
SET @cit = (SELECT id FROM users WHERE email = 'citizen@sharek.test');
SET @cit2 = (SELECT id FROM users WHERE email = 'citizen2@sharek.test');
SET @ngo = (SELECT id FROM users WHERE email = 'ngo@sharek.test');
UPDATE entities SET liaison_user_id = @liaison,
  alternate_user_id = (SELECT id FROM users WHERE email = 'alternate@moh.sharek.test') WHERE id = @moh;
UPDATE entities SET liaison_user_id = (SELECT id FROM users WHERE email = 'liaison@moe.sharek.test') WHERE id = @moe;

INSERT INTO holidays (day, name_ar, name_en) VALUES
 ('2026-01-01', 'رأس السنة الميلادية', 'New Year''s Day'),
 ('2026-05-01', 'عيد العمال', 'Labour Day'),
 ('2026-05-25', 'عيد الاستقلال', 'Independence Day'),
 ('2026-05-26', 'عطلة عيد الأضحى (تقريبي)', 'Eid al-Adha holiday (approximate)'),
 ('2026-05-27', 'عيد الأضحى (تقريبي)', 'Eid al-Adha (approximate)'),
 ('2026-12-25', 'عيد الميلاد المجيد', 'Christmas Day'),
 ('2027-01-01', 'رأس السنة الميلادية', 'New Year''s Day'),
 ('2027-03-10', 'عيد الفطر (تقريبي)', 'Eid al-Fitr (approximate)'),
 ('2027-05-25', 'عيد الاستقلال', 'Independence Day');

-- An open public consultation of the Ministry of Health, with articles.
INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, doc_kind, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 0, 'open',
  'مسودة نظام ترخيص المؤسسات الصحية الخاصة لسنة 2026',
  'Draft Regulation on Licensing Private Health Institutions, 2026',
  'تعرض وزارة الصحة مسودة النظام الذي يحدد شروط ترخيص المستشفيات والمراكز الطبية الخاصة وتجديد تراخيصها والرقابة عليها.',
  'The Ministry of Health presents the draft regulation setting the conditions for licensing, renewing and inspecting private hospitals and medical centres.',
  'تبسيط إجراءات الترخيص، ورفع جودة الخدمات الصحية الخاصة، وحماية حقوق المرضى.',
  'Simplify licensing, raise the quality of private health services, and protect patients'' rights.',
  'articles', UTC_TIMESTAMP() - INTERVAL 10 DAY, UTC_TIMESTAMP() + INTERVAL 21 DAY, UTC_TIMESTAMP() + INTERVAL 21 DAY,
  UTC_TIMESTAMP() + INTERVAL 50 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, UTC_TIMESTAMP() - INTERVAL 20 DAY, UTC_TIMESTAMP());
SET @c1 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c1, 1, '1', 'اسم النظام', 'Title', 'يسمى هذا النظام (نظام ترخيص المؤسسات الصحية الخاصة لسنة 2026) ويعمل به من تاريخ نشره في الجريدة الرسمية.', 'This regulation is called the Regulation on Licensing Private Health Institutions, 2026, and is in force from its publication in the Official Gazette.'),
 (@c1, 2, '2', 'التعريفات', 'Definitions', 'يكون للكلمات والعبارات التالية حيثما وردت في هذا النظام المعاني المخصصة لها أدناه: الوزارة: وزارة الصحة. المؤسسة الصحية: كل مستشفى أو مركز طبي أو عيادة خاصة.', 'The following words have the meanings given here: the Ministry: the Ministry of Health. Health institution: any private hospital, medical centre or clinic.'),
 (@c1, 3, '3', 'شروط الترخيص', 'Conditions of licensing', 'يشترط لترخيص المؤسسة الصحية أن تستوفي معايير البناء والتجهيز والكوادر التي تصدرها الوزارة، وأن يكون لها مدير فني مرخص.', 'A health institution is licensed when it meets the building, equipment and staffing standards issued by the Ministry and has a licensed technical director.'),
 (@c1, 4, '4', 'مدة الترخيص وتجديده', 'Term and renewal', 'تكون مدة الترخيص خمس سنوات قابلة للتجديد، ويقدم طلب التجديد إلكترونياً قبل انتهاء الترخيص بتسعين يوماً على الأقل.', 'A licence lasts five years and may be renewed; renewal is requested online at least ninety days before it expires.'),
 (@c1, 5, '5', 'التفتيش', 'Inspection', 'للوزارة التفتيش على المؤسسة الصحية في أي وقت للتحقق من التزامها بأحكام هذا النظام.', 'The Ministry may inspect a health institution at any time to verify compliance with this regulation.');
SET @a3 = (SELECT id FROM articles WHERE activity_id = @c1 AND position = 3);
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c1, id FROM sectors WHERE slug = 'health';
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c1, UTC_TIMESTAMP() - INTERVAL 18 DAY, @sup, 'supervisor', 'draft', 'submitted', NULL),
 (@c1, UTC_TIMESTAMP() - INTERVAL 16 DAY, @coord, 'coordinator', 'submitted', 'approved', NULL),
 (@c1, UTC_TIMESTAMP() - INTERVAL 14 DAY, @liaison, 'liaison', 'approved', 'scheduled', NULL),
 (@c1, UTC_TIMESTAMP() - INTERVAL 10 DAY, NULL, 'system', 'scheduled', 'open', NULL);
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by) VALUES
 (@c1, @a3, @cit, 'أقترح أن تنشر الوزارة معايير البناء والتجهيز على موقعها قبل نفاذ النظام بوقت كافٍ.', UNHEX(SHA2('c1', 256)), 'published', UTC_TIMESTAMP() - INTERVAL 8 DAY, UTC_TIMESTAMP() - INTERVAL 4 DAY, UTC_TIMESTAMP() - INTERVAL 7 DAY, @sup),
 (@c1, NULL, @ngo, 'نرحب بالمسودة ونطلب إشراك جمعيات المرضى في لجان التفتيش.', UNHEX(SHA2('c2', 256)), 'published', UTC_TIMESTAMP() - INTERVAL 6 DAY, UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, @sup),
 (@c1, @a3, @cit2, 'ما المقصود بالكوادر؟ يجب تحديد الحد الأدنى من الممرضين لكل سرير.', UNHEX(SHA2('c3', 256)), 'pending', UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 3 DAY, NULL, NULL);

-- An urgent consultation of the Ministry of Education.
INSERT INTO activities (kind, entity_id, author_id, audience, urgent, state, title_ar, title_en,
  summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at,
  results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moe, @supmoe, 'public', 1, 'open',
  'تعليمات التقويم المدرسي للعام الدراسي 2026/2027', 'Instructions on the 2026/2027 school calendar',
  'مسودة التعليمات الناظمة لمواعيد بدء الفصول والعطل والامتحانات.', 'Draft instructions on term dates, holidays and examinations.',
  'الاستماع إلى أولياء الأمور والمعلمين قبل اعتماد التقويم.', 'Hear parents and teachers before the calendar is adopted.',
  UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP() + INTERVAL 9 DAY, UTC_TIMESTAMP() + INTERVAL 9 DAY,
  UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 8 DAY, UTC_TIMESTAMP());
SET @c2 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c2, 1, '1', 'بدء العام الدراسي', 'Start of the year', 'يبدأ العام الدراسي في الأسبوع الأخير من شهر آب.', 'The school year starts in the last week of August.'),
 (@c2, 2, '2', 'العطلة الشتوية', 'Winter break', 'تكون العطلة الشتوية أسبوعين بين الفصلين.', 'The winter break lasts two weeks between the terms.');

-- A closed consultation in analysis, and a published one with positions.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 'analysis', 'الاستراتيجية الوطنية للصحة النفسية 2026-2030', 'National Mental Health Strategy 2026-2030',
  'مسودة الاستراتيجية ومحاورها الخمسة.', 'The draft strategy and its five axes.', 'توسيع خدمات الصحة النفسية.', 'Expand mental health services.',
  UTC_TIMESTAMP() - INTERVAL 50 DAY, UTC_TIMESTAMP() - INTERVAL 15 DAY, UTC_TIMESTAMP() - INTERVAL 15 DAY,
  UTC_TIMESTAMP() + INTERVAL 13 DAY, UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP()),
 ('consultation', @moenv, @admin, 'public', 'published', 'سياسة الحد من استخدام الأكياس البلاستيكية', 'Policy on reducing plastic bags',
  'السياسة المقترحة لخفض استخدام الأكياس البلاستيكية أحادية الاستخدام.', 'The proposed policy to cut single-use plastic bags.',
  'حماية البيئة.', 'Protect the environment.',
  UTC_TIMESTAMP() - INTERVAL 120 DAY, UTC_TIMESTAMP() - INTERVAL 85 DAY, UTC_TIMESTAMP() - INTERVAL 85 DAY,
  UTC_TIMESTAMP() - INTERVAL 60 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY, UTC_TIMESTAMP() - INTERVAL 130 DAY, UTC_TIMESTAMP());
-- LAST_INSERT_ID() of a multi-row INSERT is its first row: look it up.
SET @c4 = (SELECT id FROM activities WHERE title_en = 'Policy on reducing plastic bags');
INSERT INTO comments (activity_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at,
  entity_position, entity_reply_ar, entity_reply_en) VALUES
 (@c4, @cit, 'يجب توفير بدائل بأسعار مناسبة قبل المنع.', UNHEX(SHA2('c4', 256)), 'published', UTC_TIMESTAMP() - INTERVAL 100 DAY, UTC_TIMESTAMP() - INTERVAL 97 DAY, UTC_TIMESTAMP() - INTERVAL 99 DAY,
  'accepted', 'أضيفت مرحلة انتقالية مدتها ستة أشهر مع دعم البدائل.', 'A six-month transition with support for alternatives was added.');
INSERT INTO reports (activity_id, participants_count, summary_ar, summary_en, usage_ar, usage_en, approved_at, published_at) VALUES
 (@c4, 1, 'شارك مواطن واحد بتعليق قبل جزئياً.', 'One citizen commented; the comment was accepted.', 'عدلت السياسة بإضافة مرحلة انتقالية.', 'The policy now has a transition phase.',
  UTC_TIMESTAMP() - INTERVAL 45 DAY, UTC_TIMESTAMP() - INTERVAL 40 DAY);

-- Restricted and inter-agency consultations, a draft and a submitted one.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'interagency', 'open', 'آلية تبادل بيانات التطعيم بين المدارس والمراكز الصحية', 'Vaccination data exchange between schools and health centres',
  'مسودة آلية بين الوزارات.', 'A draft mechanism between ministries.', UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP() + INTERVAL 28 DAY, UTC_TIMESTAMP() + INTERVAL 28 DAY,
  UTC_TIMESTAMP() + INTERVAL 60 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, UTC_TIMESTAMP() - INTERVAL 5 DAY, UTC_TIMESTAMP());
SET @c5 = LAST_INSERT_ID();
INSERT INTO activity_targets (activity_id, entity_id) VALUES (@c5, @moe);
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'restricted', 'open', 'دليل اعتماد الصيدليات المجتمعية', 'Community pharmacy accreditation guide',
  'مسودة موجهة إلى وزارة التربية والتعليم.', 'A draft addressed to the Ministry of Education.', UTC_TIMESTAMP() - INTERVAL 2 DAY, UTC_TIMESTAMP() + INTERVAL 29 DAY, UTC_TIMESTAMP() + INTERVAL 29 DAY,
  UTC_TIMESTAMP() + INTERVAL 60 DAY, UTC_TIMESTAMP() + INTERVAL 70 DAY, UTC_TIMESTAMP() - INTERVAL 4 DAY, UTC_TIMESTAMP());
INSERT INTO activity_targets (activity_id, entity_id) VALUES (LAST_INSERT_ID(), @moe);
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, created_at, updated_at) VALUES
 ('consultation', @moh, @sup, 'public', 'draft', 'مسودة تعليمات العيادات المتنقلة', 'Draft instructions on mobile clinics', UTC_TIMESTAMP(), UTC_TIMESTAMP()),
 ('consultation', @moh, @sup, 'public', 'submitted', 'سياسة الوصفة الطبية الإلكترونية', 'Electronic prescription policy', UTC_TIMESTAMP(), UTC_TIMESTAMP());
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state) VALUES
 ((SELECT id FROM activities WHERE title_en = 'Electronic prescription policy'), UTC_TIMESTAMP(), @sup, 'supervisor', 'draft', 'submitted');

-- A survey and a poll, open.
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('survey', @gam, @admin, 'public', 'open', 'استبيان رضا مستخدمي الحافلات', 'Bus users satisfaction survey',
  'ساعدنا في تحسين خدمة الحافلات في عمّان.', 'Help us improve bus services in Amman.',
  UTC_TIMESTAMP() - INTERVAL 7 DAY, UTC_TIMESTAMP() + INTERVAL 25 DAY, UTC_TIMESTAMP() + INTERVAL 25 DAY,
  UTC_TIMESTAMP() + INTERVAL 50 DAY, UTC_TIMESTAMP() + INTERVAL 60 DAY, UTC_TIMESTAMP() - INTERVAL 9 DAY, UTC_TIMESTAMP());
SET @s1 = LAST_INSERT_ID();
INSERT INTO questions (activity_id, position, kind, text_ar, text_en) VALUES
 (@s1, 1, 'single', 'كم مرة تستخدم الحافلة أسبوعياً؟', 'How often do you take the bus each week?');
SET @q1 = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@q1, 1, 'يومياً', 'Daily'), (@q1, 2, 'مرات قليلة', 'A few times'), (@q1, 3, 'نادراً', 'Rarely');
INSERT INTO questions (activity_id, position, kind, text_ar, text_en, required) VALUES
 (@s1, 2, 'text', 'ما الذي نحسنه أولاً؟', 'What should we improve first?', 0);
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  publish_at, closes_at, original_closes_at, results_due_at, final_publication_at, created_at, updated_at) VALUES
 ('poll', @modee, @admin, 'public', 'open', 'ما الخدمة الحكومية التي تريد رقمنتها أولاً؟', 'Which government service should go digital first?',
  'استطلاع رأي شهري.', 'A monthly poll.', UTC_TIMESTAMP() - INTERVAL 4 DAY, UTC_TIMESTAMP() + INTERVAL 26 DAY, UTC_TIMESTAMP() + INTERVAL 26 DAY,
  UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP() + INTERVAL 45 DAY, UTC_TIMESTAMP() - INTERVAL 6 DAY, UTC_TIMESTAMP());
SET @p1 = LAST_INSERT_ID();
INSERT INTO questions (activity_id, position, kind, text_ar, text_en) VALUES (@p1, 1, 'single', 'اختر خدمة واحدة', 'Choose one service');
SET @pq = LAST_INSERT_ID();
INSERT INTO question_options (question_id, position, label_ar, label_en) VALUES
 (@pq, 1, 'تجديد رخصة القيادة', 'Driving licence renewal'), (@pq, 2, 'شهادة عدم المحكومية', 'Certificate of no criminal record'), (@pq, 3, 'تسجيل المركبات', 'Vehicle registration');
SET @opt1 = (SELECT id FROM question_options WHERE question_id = @pq AND position = 1);
INSERT INTO responses (activity_id, user_id, voter_key, submitted_at) VALUES (@p1, @cit, UNHEX(SHA2(CONCAT('v', @cit), 256)), UTC_TIMESTAMP() - INTERVAL 2 DAY);
INSERT INTO answers (response_id, question_id, option_id) VALUES (LAST_INSERT_ID(), @pq, @opt1);

-- Requests in several states.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, requester_id, subject, body, state, due_at,
  escalation_level, answered_at, closed_at, rating, reopened_count, created_at, updated_at)
SELECT CONCAT('SH-2026-', LPAD(n, 6, '0')), t.id, ((n - 1) % 5) + 1,
       ELT(((n - 1) % 4) + 1, 'high', 'medium', 'low', 'critical'), @moh, 'web',
       IF(n % 2 = 0, @cit, @cit2),
       ELT(((n - 1) % 5) + 1, 'موعد المراجعة في مركز صحي', 'تأخر صرف الدواء', 'اقتراح لتطبيق المواعيد', 'شكر لطاقم الطوارئ', 'مخالفة في صيدلية'),
       'تفاصيل الطلب كما أرسلها المواطن.',
       ELT(((n - 1) % 6) + 1, 'received', 'forwarded', 'answered', 'closed', 'reopened', 'answered'),
       UTC_TIMESTAMP() + INTERVAL (5 - n) DAY, IF(n = 7, 1, 0),
       IF(((n - 1) % 6) + 1 IN (3, 4, 6), UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL),
       IF(((n - 1) % 6) + 1 = 4, UTC_TIMESTAMP() - INTERVAL 1 DAY, NULL),
       IF(((n - 1) % 6) + 1 = 4, 4, IF(((n - 1) % 6) + 1 = 5, 1, NULL)),
       IF(((n - 1) % 6) + 1 = 5, 1, 0),
       UTC_TIMESTAMP() - INTERVAL (12 - n) DAY, UTC_TIMESTAMP()
  FROM (SELECT 1 n UNION SELECT 2 UNION SELECT 3 UNION SELECT 4 UNION SELECT 5 UNION SELECT 6
        UNION SELECT 7 UNION SELECT 8 UNION SELECT 9 UNION SELECT 10) nums
  JOIN request_types t ON t.id = ((n - 1) % 5) + 1;

-- Counters agree with the rows.
UPDATE activities a SET
  comments_published = (SELECT COUNT(*) FROM comments c WHERE c.activity_id = a.id AND c.status = 'published'),
  comments_pending = (SELECT COUNT(*) FROM comments c WHERE c.activity_id = a.id AND c.status = 'pending'),
  participants = (SELECT COUNT(DISTINCT c.user_id) FROM comments c WHERE c.activity_id = a.id)
    + (SELECT COUNT(*) FROM responses r WHERE r.activity_id = a.id);
UPDATE articles ar SET comments_published = (SELECT COUNT(*) FROM comments c WHERE c.article_id = ar.id AND c.status = 'published');
UPDATE question_options o SET votes = (SELECT COUNT(*) FROM answers x WHERE x.option_id = o.id);
