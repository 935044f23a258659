-- The rules of complaints and requests that run outside a page
-- (fcgi/domain/request.c): escalation by sharekctl tick, the timeline,
-- the KPI aggregates.

-- name: request_event_insert
-- One step on a request's timeline (append-only).  public = 1 is shown
-- to the requester; internal notes and the names of staff never are.
-- param: request u, at s, actor u, role s, kind s, from_state s, to_state s, public i, body s
INSERT INTO request_events (request_id, at, actor_id, role, kind,
       from_state, to_state, public, body)
VALUES (:request, COALESCE(:at, UTC_TIMESTAMP()), NULLIF(:actor, 0), :role, :kind,
        :from_state, :to_state, :public, :body);

-- name: request_late
-- Open requests to escalate from :level (0: to level 1, 1: to level 2)
-- at :now: level 0 past their due date; level 1 told at least :min_days
-- calendar days ago (the caller counts the working days).  The
-- officials of the entity as named now; the most overdue first, :limit
-- per run (REQUEST_TICK_BATCH).  A sub-department names no officials of
-- its own: the secretary-general is the nearest entity's above it that
-- names one, the minister the sector's (the main entity's; Bekhedmetkom:
-- the minister sees the whole sector).
-- param: now s, level i, min_days i, limit i
SELECT q.id, q.ref_no, q.entity_id, q.reopened_count AS cycle, q.due_at,
       q.escalated_at1, e.name_ar AS entity_name_ar,
       e.name_en AS entity_name_en,
       s.sg_name, s.sg_email, s.sg_mobile,
       m.minister_name, m.minister_email, m.minister_mobile
  FROM requests q JOIN entities e ON e.id = q.entity_id
  LEFT JOIN entities p ON p.id = e.parent_id
  LEFT JOIN entities g ON g.id = p.parent_id
  JOIN entities s ON s.id = CASE
         WHEN COALESCE(e.sg_email, e.sg_mobile) IS NOT NULL THEN e.id
         WHEN COALESCE(p.sg_email, p.sg_mobile) IS NOT NULL THEN p.id
         ELSE COALESCE(g.id, p.id, e.id) END
  JOIN entities m ON m.id = COALESCE(g.id, p.id, e.id)
 WHERE q.state IN ('received', 'classified', 'forwarded', 'reopened')
   AND q.escalation_level = :level
   AND q.due_at < :now
   AND (:level = 0 OR q.escalated_at1 <= :now - INTERVAL :min_days DAY)
 ORDER BY q.due_at, q.id
 LIMIT :limit;

-- name: request_escalation_insert
-- Claims one level of one cycle (unique key request_escalations_once):
-- 0 rows, another tick did it.
-- param: request u, cycle i, level i, at s, entity u, name s, email s, mobile s
INSERT IGNORE INTO request_escalations (request_id, cycle, level, at,
       entity_id, notified_name, notified_email, notified_mobile)
VALUES (:request, :cycle, :level, :at, :entity, :name, :email, :mobile);

-- name: request_escalate
-- The request at its new level; a late request has missed its SLA.
-- param: id u, level i, at s
UPDATE requests
   SET escalation_level = :level,
       escalated_at1 = IF(:level = 1, :at, escalated_at1),
       escalated_at2 = IF(:level = 2, :at, escalated_at2),
       sla_met = COALESCE(sla_met, 0),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND escalation_level = :level - 1;

-- fragment: request_kpi_row
-- One request's contribution to kpi_daily, from its stored columns only
-- (so removing it before a change and adding it after always agree).
SELECT DATE(q.created_at) AS day, q.entity_id, q.type_id,
       COALESCE(q.axis_id, 0) AS axis_id, 1 AS received,
       q.first_answered_at IS NOT NULL AS answered,
       COALESCE(q.first_answered_at IS NOT NULL AND q.sla_met = 1, 0)
         AS answered_in_time,
       COALESCE(q.sla_met = 0, 0) AS late,
       q.closed_at IS NOT NULL AS closed,
       q.reopened_count AS reopened,
       q.escalation_level > 0 AS escalated,
       COALESCE(TIMESTAMPDIFF(SECOND, q.created_at, q.first_answered_at), 0)
         AS reply_seconds,
       COALESCE(q.rating, 0) AS rating, q.rating IS NOT NULL AS rated
  FROM requests q WHERE q.id = :id

-- name: request_kpi_add
-- param: id u
INSERT INTO kpi_daily (day, entity_id, type_id, axis_id, received,
       answered, answered_in_time, late, closed, reopened, escalated,
       reply_seconds_sum, ratings_sum, ratings_count)
SELECT x.day, x.entity_id, x.type_id, x.axis_id, x.received, x.answered,
       x.answered_in_time, x.late, x.closed, x.reopened, x.escalated,
       x.reply_seconds, x.rating, x.rated
  FROM (/*@request_kpi_row*/) x
ON DUPLICATE KEY UPDATE received = kpi_daily.received + x.received,
       answered = kpi_daily.answered + x.answered,
       answered_in_time = kpi_daily.answered_in_time + x.answered_in_time,
       late = kpi_daily.late + x.late,
       closed = kpi_daily.closed + x.closed,
       reopened = kpi_daily.reopened + x.reopened,
       escalated = kpi_daily.escalated + x.escalated,
       reply_seconds_sum = kpi_daily.reply_seconds_sum + x.reply_seconds,
       ratings_sum = kpi_daily.ratings_sum + x.rating,
       ratings_count = kpi_daily.ratings_count + x.rated;

-- name: request_kpi_sub
-- The contribution taken out again (never below 0).
-- param: id u
UPDATE kpi_daily k
  JOIN (/*@request_kpi_row*/) x
    ON x.day = k.day AND x.entity_id = k.entity_id AND x.type_id = k.type_id
   AND x.axis_id = k.axis_id
   SET k.received = k.received - LEAST(k.received, x.received),
       k.answered = k.answered - LEAST(k.answered, x.answered),
       k.answered_in_time = k.answered_in_time - LEAST(k.answered_in_time, x.answered_in_time),
       k.late = k.late - LEAST(k.late, x.late),
       k.closed = k.closed - LEAST(k.closed, x.closed),
       k.reopened = k.reopened - LEAST(k.reopened, x.reopened),
       k.escalated = k.escalated - LEAST(k.escalated, x.escalated),
       k.reply_seconds_sum = k.reply_seconds_sum - LEAST(k.reply_seconds_sum, x.reply_seconds),
       k.ratings_sum = k.ratings_sum - LEAST(k.ratings_sum, x.rating),
       k.ratings_count = k.ratings_count - LEAST(k.ratings_count, x.rated);
