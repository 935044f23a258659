-- Restricted and inter-agency consultations addressed to an entity, and
-- its consolidated response (art. 7-ح; fcgi/staff/page_inbox.c).
--
-- The inbox shows what the public site would list (the states of
-- activity_state_public() and of the view listed_activities) but for
-- restricted and inter-agency audiences only, inter-agency ones being
-- never listed publicly; the set of states is written once here, in
-- inbox_addressed.

-- fragment: inbox_addressed
a.audience IN ('restricted', 'interagency')
   AND a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')

-- name: inbox_list
-- Open ones first, then by closing time; keyset on that order after
-- activity :after (0: from the start), :limit rows (INBOX_PAGE_SIZE + 1,
-- the extra row says there is more).
-- param: entity u, after u, limit i
SELECT a.id, a.title_ar, a.title_en, a.audience, a.state, a.closes_at,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       r.submitted_at AS responded_at
  FROM activities a
  JOIN activity_targets t ON t.activity_id = a.id AND t.entity_id = :entity
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN agency_responses r ON r.activity_id = a.id
       AND r.entity_id = :entity
 WHERE /*@inbox_addressed*/
   AND (:after = 0 OR (a.state <> 'open', a.closes_at, a.id) >
        (SELECT x.state <> 'open', x.closes_at, x.id
           FROM activities x WHERE x.id = :after))
 ORDER BY a.state <> 'open', a.closes_at, a.id
 LIMIT :limit;

-- name: inbox_get
-- param: entity u, id u
SELECT a.id, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       a.audience, a.state, a.closes_at,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       r.body AS response, r.submitted_at AS responded_at,
       u.full_name AS responder_name,
       a.doc_kind, d.stored_name AS document_stored_name,
       d.original_name AS document_name
  FROM activities a
  JOIN activity_targets t ON t.activity_id = a.id AND t.entity_id = :entity
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN uploads d ON d.id = a.document_upload_id
  LEFT JOIN agency_responses r ON r.activity_id = a.id
       AND r.entity_id = :entity
  LEFT JOIN users u ON u.id = r.submitted_by
 WHERE a.id = :id AND /*@inbox_addressed*/;

-- name: inbox_state_lock
-- The state of activity :id addressed to :entity, locked while the
-- response is written (no row: not addressed to it, or not listed).
-- param: entity u, id u
SELECT a.state
  FROM activities a
  JOIN activity_targets t ON t.activity_id = a.id AND t.entity_id = :entity
 WHERE a.id = :id AND /*@inbox_addressed*/
   FOR UPDATE;

-- name: inbox_respond
-- param: activity u, entity u, body s, user u
INSERT INTO agency_responses (activity_id, entity_id, body, submitted_by,
                              submitted_at)
VALUES (:activity, :entity, :body, :user, UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE body = VALUES(body),
       submitted_by = VALUES(submitted_by), submitted_at = UTC_TIMESTAMP();

-- name: inbox_initiatives_late
-- Citizen initiatives addressed to :entity that reached their threshold
-- and whose answer is past its due date without it (the entity's answer
-- is owed: fcgi/domain/initiative.h), the longest overdue first.
-- param: entity u
SELECT i.id, i.title, i.answer_due_at, i.answer_days_late
  FROM initiatives i
 WHERE i.entity_id = :entity AND i.state = 'threshold'
   AND i.answer_due_at < UTC_TIMESTAMP()
 ORDER BY i.answer_due_at, i.id
 LIMIT 200;
