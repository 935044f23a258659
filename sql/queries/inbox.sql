-- Restricted and inter-agency consultations addressed to an entity, and
-- its consolidated response (art. 7-ح; fcgi/staff/page_inbox.c).

-- name: inbox_list
SELECT a.id, a.title_ar, a.title_en, a.audience, a.state, a.closes_at,
       e.name_ar, e.name_en, r.submitted_at
  FROM activities a
  JOIN activity_targets t ON t.activity_id = a.id AND t.entity_id = ?
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN agency_responses r ON r.activity_id = a.id AND r.entity_id = ?
 WHERE a.audience IN ('restricted', 'interagency')
   AND a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
 ORDER BY a.state = 'open' DESC, a.closes_at, a.id;

-- name: inbox_get
SELECT a.id, a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       a.audience, a.state, a.closes_at, e.name_ar, e.name_en, r.body,
       r.submitted_at, u.full_name
  FROM activities a
  JOIN activity_targets t ON t.activity_id = a.id AND t.entity_id = ?
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN agency_responses r ON r.activity_id = a.id AND r.entity_id = ?
  LEFT JOIN users u ON u.id = r.submitted_by
 WHERE a.id = ? AND a.audience IN ('restricted', 'interagency')
   AND a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published');

-- name: inbox_respond
INSERT INTO agency_responses (activity_id, entity_id, body, submitted_by,
                              submitted_at)
VALUES (?, ?, ?, ?, UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE body = VALUES(body),
       submitted_by = VALUES(submitted_by), submitted_at = UTC_TIMESTAMP();
