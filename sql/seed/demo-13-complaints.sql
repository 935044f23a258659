-- Demo data of the complaints and requests system (issue 13), loaded
-- after demo.sql: the requests there get reference numbers of the form
-- the program issues (a random body and a check symbol, never a
-- sequence), the dates the KPI dashboard counts (first reply, SLA met),
-- a request late at level 1 beside demo.sql's at level 2, a request
-- about the portal, an anonymous violation report whose tracking code
-- `make run` prints (7KQ2-M9XP-4DTR-8HWC-3NZB; only its SHA-256 is
-- stored), and an account of the central operations room.
SET @now = UTC_TIMESTAMP();
SET @modee = (SELECT id FROM entities WHERE slug = 'modee');
SET @moh = (SELECT id FROM entities WHERE slug = 'moh');
SET @moe = (SELECT id FROM entities WHERE slug = 'moe');
SET @cit = (SELECT id FROM users WHERE email = 'citizen@sharek.test');
SET @cit2 = (SELECT id FROM users WHERE email = 'citizen2@sharek.test');
SET @liaison = (SELECT id FROM users WHERE email = 'liaison@moh.sharek.test');
SET @limoe = (SELECT id FROM users WHERE email = 'liaison@moe.sharek.test');
SET @t_cmp = (SELECT id FROM request_types WHERE code = 'complaint');
SET @t_vio = (SELECT id FROM request_types WHERE code = 'violation');
SET @t_portal = (SELECT id FROM request_types WHERE code = 'portal');
SET @x_time = (SELECT id FROM request_axes WHERE code = 'time');
SET @x_proc = (SELECT id FROM request_axes WHERE code = 'procedures');
SET @x_beh = (SELECT id FROM request_axes WHERE code = 'behaviour');

-- The central operations room of the ministry (domain.md §5).
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name, mobile, lang, role, entity_id, created_at, updated_at) VALUES
 ('staff', 'ops@sharek.test', @now - INTERVAL 300 DAY, '@PWHASH@', 'ريما الحديد', '+962791111020', 'ar', 'operations', @modee, @now - INTERVAL 300 DAY, @now - INTERVAL 300 DAY);

-- Reference numbers as the program makes them (request_ref_new).
UPDATE requests SET ref_no = CASE SUBSTRING(ref_no, 9)
  WHEN '000001' THEN 'SH-GJBE9-EB84F' WHEN '000002' THEN 'SH-DJ1V8-0H95W'
  WHEN '000003' THEN 'SH-GWV8G-PEZVP' WHEN '000004' THEN 'SH-QVM7P-GW8WA'
  WHEN '000005' THEN 'SH-WBJCB-PGQX5' WHEN '000006' THEN 'SH-GHS8Z-FFCQ9'
  WHEN '000007' THEN 'SH-84VXR-0V2ES' WHEN '000008' THEN 'SH-9ZWGA-TGPC3'
  WHEN '000009' THEN 'SH-Q8FZD-22PN9' WHEN '000010' THEN 'SH-BJCA7-EA4VD'
  WHEN '000011' THEN 'SH-2WN50-8K7TJ' WHEN '000012' THEN 'SH-KH4YQ-20MND'
  WHEN '000013' THEN 'SH-9ZYED-J2RA6' WHEN '000014' THEN 'SH-9GVDG-VFPF5'
  ELSE ref_no END
 WHERE ref_no LIKE 'SH-____-______';

-- Late at level 1: told the secretary-general yesterday, not yet the
-- minister.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, handled_by, channel, requester_id, confidential,
  subject, body, state, due_at, solve_due_at, escalation_level, escalated_at1, classified_at, created_at, updated_at) VALUES
 ('SH-JVDPV-2MSXW', @t_cmp, @x_time, 'high', @moe, @limoe, 'web', @cit2, 0,
  'تأخر تصديق شهادة الثانوية العامة',
  'قدمت طلب تصديق شهادة الثانوية العامة إلكترونياً قبل أسبوعين ولم يصلني أي رد رغم أن المدة المعلنة ثلاثة أيام.',
  'classified', @now - INTERVAL 2 DAY, @now + INTERVAL 3 DAY, 1, @now - INTERVAL 1 DAY, @now - INTERVAL 6 DAY,
  @now - INTERVAL 7 DAY, @now - INTERVAL 1 DAY);
SET @late1 = LAST_INSERT_ID();
INSERT INTO request_escalations (request_id, cycle, level, at, entity_id, notified_name, notified_email, notified_mobile)
SELECT @late1, 0, 1, @now - INTERVAL 1 DAY, e.id, e.sg_name, e.sg_email, e.sg_mobile FROM entities e WHERE e.id = @moe;
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body) VALUES
 (@late1, @now - INTERVAL 7 DAY, NULL, 'system', 'state', NULL, 'received', 1, NULL),
 (@late1, @now - INTERVAL 6 DAY, @limoe, 'liaison', 'state', 'received', 'classified', 1, NULL),
 (@late1, @now - INTERVAL 1 DAY, NULL, 'system', 'escalation', NULL, NULL, 1,
  'صُعّد تلقائياً إلى المستوى 1 (الأمين العام للجهة): تأخر الرد. / Escalated automatically to level 1 (the entity''s secretary-general): the reply is late.');

-- About the portal: to the ministry that runs it, 5 working days
-- (Tawasul art. 5-ط).
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, channel, requester_id, confidential,
  subject, body, state, due_at, reply_limit, reply_unit, created_at, updated_at) VALUES
 ('SH-5420K-CWYRK', @t_portal, @x_proc, 'medium', @modee, 'web', @cit, 0,
  'تعذر إرفاق ملف بتعليقي على مسودة نظام',
  'عند التعليق على مادة في مسودة النظام لا يظهر خيار لإرفاق ملف يوضح ملاحظاتي.',
  'received', @now + INTERVAL 7 DAY, 5, 'days', @now - INTERVAL 3 HOUR, @now - INTERVAL 3 HOUR);
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body)
VALUES (LAST_INSERT_ID(), @now - INTERVAL 3 HOUR, @cit, 'citizen', 'state', NULL, 'received', 1, NULL);

-- An anonymous report of a violation, followed only with its tracking
-- code, already replied to.
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id, unit, handled_by, channel, requester_id, confidential,
  tracking_hash, subject, body, state, due_at, solve_due_at, classified_at, answered_at, created_at, updated_at) VALUES
 ('SH-N3JV8-937QF', @t_vio, @x_beh, 'high', @moh, 'وحدة الرقابة الداخلية', @liaison, 'web', NULL, 1,
  UNHEX(SHA2('7KQ2M9XP4DTR8HWC3NZB', 256)),
  'بيع أدوية مجانية في صيدلية مركز صحي',
  'يبيع أحد العاملين في صيدلية المركز الصحي أدوية يفترض أن تصرف مجاناً للمرضى، ويطلب مبالغ نقدية دون إيصال.',
  'answered', @now + INTERVAL 1 DAY, @now + INTERVAL 6 DAY, @now - INTERVAL 4 DAY, @now - INTERVAL 1 DAY,
  @now - INTERVAL 5 DAY, @now - INTERVAL 1 DAY);
SET @anon = LAST_INSERT_ID();
INSERT INTO request_events (request_id, at, actor_id, role, kind, from_state, to_state, public, body) VALUES
 (@anon, @now - INTERVAL 5 DAY, NULL, 'anonymous', 'state', NULL, 'received', 1, NULL),
 (@anon, @now - INTERVAL 4 DAY, @liaison, 'liaison', 'state', 'received', 'classified', 1, NULL),
 (@anon, @now - INTERVAL 3 DAY, @liaison, 'liaison', 'note', NULL, NULL, 0, 'أحيل إلى وحدة الرقابة الداخلية للتحقق بسرية.'),
 (@anon, @now - INTERVAL 1 DAY, @liaison, 'liaison', 'reply', 'classified', 'answered', 1,
  'شكراً لبلاغك. فتحت وحدة الرقابة الداخلية تحقيقاً في الأمر، وستتخذ الإجراءات اللازمة بحق المخالفين.');

-- The limits each request was given and the dates the dashboard counts.
UPDATE requests q LEFT JOIN sla_matrix m ON m.priority = q.priority AND m.axis_id = q.axis_id
   SET q.reply_limit = COALESCE(q.reply_limit, m.reply_working_days),
       q.reply_unit = COALESCE(q.reply_unit, m.unit),
       q.first_answered_at = q.answered_at,
       q.sla_met = CASE WHEN q.answered_at IS NOT NULL THEN q.answered_at <= q.due_at
                        WHEN q.escalation_level > 0 THEN 0 END;
UPDATE requests q JOIN entities u ON u.name_ar = q.unit AND u.parent_id = q.entity_id
   SET q.unit_entity_id = u.id;

-- KPI aggregates again, as the program keeps them (request_kpi_row).
DELETE FROM kpi_daily;
INSERT INTO kpi_daily (day, entity_id, type_id, axis_id, received, answered, answered_in_time, late, closed,
  reopened, escalated, reply_seconds_sum, ratings_sum, ratings_count)
SELECT DATE(q.created_at), q.entity_id, q.type_id, COALESCE(q.axis_id, 0), COUNT(*),
       SUM(q.first_answered_at IS NOT NULL), SUM(COALESCE(q.first_answered_at IS NOT NULL AND q.sla_met = 1, 0)),
       SUM(COALESCE(q.sla_met = 0, 0)), SUM(q.closed_at IS NOT NULL), SUM(q.reopened_count),
       SUM(q.escalation_level > 0), SUM(COALESCE(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at), 0)),
       SUM(COALESCE(q.rating, 0)), SUM(q.rating IS NOT NULL)
  FROM requests q
 GROUP BY DATE(q.created_at), q.entity_id, q.type_id, COALESCE(q.axis_id, 0);
