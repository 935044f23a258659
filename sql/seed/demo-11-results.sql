-- Demo data of analysis reports and published results (issue 11), loaded
-- after demo.sql.  demo.sql's published consultation on plastic bags gets
-- a campaign group (three comments in the same words, answered once), its
-- themes on each comment and its final document: an article unchanged,
-- two changed, one removed and one added.  A consultation of Greater
-- Amman closed some two months ago is still in analysis with comments
-- not yet answered: its report is overdue (the tick counts the working
-- days late).  Fingerprints, groups and statistics are computed by
-- `sharekctl seed-demo` after the files are loaded (workflow_reindex →
-- analysis_reindex), never typed here.
SET @now = UTC_TIMESTAMP();
SET @c5 = (SELECT id FROM activities WHERE title_en = 'Policy on reducing plastic bags');
SET @rep5 = (SELECT id FROM reports WHERE activity_id = @c5);
SET @supenv = (SELECT id FROM users WHERE email = 'supervisor@moenv.sharek.test');
SET @cit = (SELECT id FROM users WHERE email = 'citizen@sharek.test');
SET @cit2 = (SELECT id FROM users WHERE email = 'citizen2@sharek.test');
SET @cit3 = (SELECT id FROM users WHERE email = 'citizen3@sharek.test');
SET @res = (SELECT id FROM users WHERE email = 'resident@sharek.test');
SET @p1 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 1);
SET @p2 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 2);
SET @p3 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 3);
SET @p4 = (SELECT id FROM articles WHERE activity_id = @c5 AND position = 4);

-- A campaign: the same text sent by three people (punctuation aside).
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at,
  moderated_at, moderated_by, entity_position, entity_reply_ar, entity_reply_en, position_by, position_at) VALUES
 (@c5, @p2, @cit3, 'نطالب بتأجيل الحظر على المحال الصغيرة سنة إضافية حتى تتوفر البدائل بأسعار مناسبة.', '', 'published',
  @now - INTERVAL 99 DAY, @now - INTERVAL 96 DAY, @now - INTERVAL 98 DAY, @supenv, 'partially',
  'مُددت المرحلة الأولى ستة أشهر للمحال الصغيرة، ويبقى الحظر في المراكز الكبرى كما هو.',
  'The first stage was extended by six months for small shops; large retailers keep the ban as planned.', @supenv, @now - INTERVAL 70 DAY),
 (@c5, @p2, @res, 'نطالب بتأجيل الحظر على المحال الصغيرة سنة إضافية، حتى تتوفر البدائل بأسعار مناسبة', '', 'published',
  @now - INTERVAL 98 DAY, @now - INTERVAL 95 DAY, @now - INTERVAL 97 DAY, @supenv, 'partially',
  'مُددت المرحلة الأولى ستة أشهر للمحال الصغيرة، ويبقى الحظر في المراكز الكبرى كما هو.',
  'The first stage was extended by six months for small shops; large retailers keep the ban as planned.', @supenv, @now - INTERVAL 70 DAY),
 (@c5, @p2, @cit, 'نطالب  بتأجيل الحظر على المحال الصغيرة سنة إضافية حتى تتوفر البدائل بأسعار مناسبة!', '', 'published',
  @now - INTERVAL 97 DAY, @now - INTERVAL 94 DAY, @now - INTERVAL 96 DAY, @supenv, 'partially',
  'مُددت المرحلة الأولى ستة أشهر للمحال الصغيرة، ويبقى الحظر في المراكز الكبرى كما هو.',
  'The first stage was extended by six months for small shops; large retailers keep the ban as planned.', @supenv, @now - INTERVAL 70 DAY);
UPDATE activities SET comments_published = comments_published + 3,
       participants = (SELECT COUNT(DISTINCT user_id) FROM comments WHERE activity_id = @c5)
 WHERE id = @c5;

-- Themes: each comment on an article under that article's topic.
INSERT INTO comment_topics (comment_id, topic_id)
SELECT c.id, t.id FROM comments c
  JOIN articles x ON x.id = c.article_id
  JOIN report_topics t ON t.report_id = @rep5 AND t.position = x.position
 WHERE c.activity_id = @c5 AND c.status = 'published';
UPDATE report_topics SET kind = 'article',
       article_id = (SELECT id FROM articles WHERE activity_id = @c5 AND position = report_topics.position)
 WHERE report_id = @rep5;

-- The final document (art. 9-د).
INSERT INTO report_articles (report_id, article_id, position, number_label, title_ar, title_en, body_ar, body_en, status, updated_at) VALUES
 (@rep5, @p1, 1, 'البند 1', 'الهدف', 'Aim', 'خفض استهلاك الأكياس البلاستيكية أحادية الاستخدام بنسبة 50% خلال ثلاث سنوات.',
  'Cut single-use plastic bag use by 50% within three years.', 'unchanged', @now - INTERVAL 62 DAY),
 (@rep5, @p2, 2, 'البند 2', 'الحظر التدريجي', 'Phased ban',
  'يحظر توزيع الأكياس المجانية في المراكز التجارية الكبرى في السنة الأولى، وفي المحال الصغيرة بعد مرحلة انتقالية مدتها ستة أشهر، ثم في جميع المحال في السنة الثالثة.',
  'Free bags are banned in large retailers in the first year, in small shops after a six-month transition, then in all shops by the third year.',
  'changed', @now - INTERVAL 62 DAY),
 (@rep5, @p3, 3, 'البند 3', 'البدائل', 'Alternatives',
  'تدعم الوزارة إنتاج الأكياس القماشية والورقية محلياً بحوافز ضريبية وتوفرها بأسعار مناسبة قبل بدء الحظر، بالتنسيق مع الجهات المعنية.',
  'The Ministry supports local production of cloth and paper bags with tax incentives and makes them affordable before the ban starts, with the bodies concerned.',
  'changed', @now - INTERVAL 62 DAY),
 (@rep5, @p4, 4, 'البند 4', 'الرقابة', 'Enforcement', 'تتولى الوزارة والبلديات الرقابة على تطبيق السياسة وتفرض المخالفات وفق نظام إدارة النفايات.',
  'The Ministry and municipalities enforce the policy and fine breaches under the waste management regulation.', 'removed', @now - INTERVAL 62 DAY),
 (@rep5, NULL, 5, 'البند 5', 'الإنذار والتوعية', 'Warning and awareness',
  'يسبق أي مخالفة إنذار مكتوب، وتنفذ الوزارة حملات توعية في المدارس بالتعاون مع وزارة التربية والتعليم.',
  'Any fine is preceded by a written warning; the Ministry runs awareness campaigns in schools with the Ministry of Education.',
  'added', @now - INTERVAL 62 DAY);

-- A consultation in analysis whose report is overdue: closed about two
-- months ago (the 20 working days have passed), comments not answered.
SET @gam = (SELECT id FROM entities WHERE slug = 'gam');
SET @supgam = (SELECT id FROM users WHERE email = 'supervisor@gam.sharek.test');
INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, summary_ar, summary_en,
  objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, results_due_at, final_publication_at,
  created_at, updated_at) VALUES
 ('consultation', @gam, @supgam, 'public', 'analysis',
  'دليل تصميم الأرصفة وممرات المشاة في عمّان', 'Amman sidewalk and pedestrian path design guide',
  'مسودة دليل يحدد عرض الأرصفة ومواصفات ممرات المشاة وإمكانية الوصول لذوي الإعاقة في الشوارع الجديدة والمؤهلة.',
  'A draft guide setting sidewalk widths, pedestrian crossings and accessibility for people with disabilities in new and upgraded streets.',
  'أرصفة آمنة ومتصلة لجميع المشاة', 'Safe, continuous sidewalks for every pedestrian',
  @now - INTERVAL 100 DAY, @now - INTERVAL 60 DAY, @now - INTERVAL 60 DAY, @now - INTERVAL 32 DAY, @now - INTERVAL 20 DAY,
  @now - INTERVAL 110 DAY, @now - INTERVAL 59 DAY);
SET @c11 = LAST_INSERT_ID();
INSERT INTO articles (activity_id, position, number_label, title_ar, title_en, body_ar, body_en) VALUES
 (@c11, 1, '1', 'عرض الرصيف', 'Sidewalk width', 'لا يقل عرض الرصيف الصافي عن مترين في الشوارع الرئيسية.', 'The clear sidewalk width is at least two metres on main streets.'),
 (@c11, 2, '2', 'المنحدرات', 'Ramps', 'ينشأ منحدر عند كل معبر مشاة بميل لا يزيد على 8%.', 'Every pedestrian crossing has a ramp with a slope of at most 8%.');
INSERT INTO activity_sectors (activity_id, sector_id) SELECT @c11, id FROM sectors WHERE slug IN ('local', 'transport');
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state, to_state, reason) VALUES
 (@c11, @now - INTERVAL 100 DAY, NULL, 'system', 'scheduled', 'open', NULL),
 (@c11, @now - INTERVAL 60 DAY, NULL, 'system', 'open', 'closed', NULL),
 (@c11, @now - INTERVAL 60 DAY, NULL, 'system', 'closed', 'analysis', NULL);
SET @g1 = (SELECT id FROM articles WHERE activity_id = @c11 AND position = 1);
SET @g2 = (SELECT id FROM articles WHERE activity_id = @c11 AND position = 2);
INSERT INTO comments (activity_id, article_id, user_id, body, body_hash, status, received_at, moderation_due_at, moderated_at, moderated_by) VALUES
 (@c11, @g1, @cit, 'مترين غير كافيين قرب المدارس والمستشفيات؛ نقترح ثلاثة أمتار هناك.', '', 'published', @now - INTERVAL 80 DAY, @now - INTERVAL 77 DAY, @now - INTERVAL 79 DAY, @supgam),
 (@c11, @g2, @cit2, 'يجب منع وقوف السيارات على المنحدرات بحواجز ثابتة.', '', 'published', @now - INTERVAL 75 DAY, @now - INTERVAL 72 DAY, @now - INTERVAL 74 DAY, @supgam),
 (@c11, NULL, @res, 'Please add tactile paving for blind pedestrians at every crossing.', '', 'published', @now - INTERVAL 70 DAY, @now - INTERVAL 67 DAY, @now - INTERVAL 69 DAY, @supgam);
UPDATE activities SET comments_published = 3, participants = 3 WHERE id = @c11;
UPDATE articles x SET comments_published = (SELECT COUNT(*) FROM comments c WHERE c.article_id = x.id AND c.status = 'published')
 WHERE x.activity_id IN (@c5, @c11);
