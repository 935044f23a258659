-- The lifecycle of activities (fcgi/domain/workflow.c).

-- name: wf_state_lock
SELECT state FROM activities WHERE id = ? FOR UPDATE;

-- name: wf_check
SELECT a.title_ar, a.title_en, a.summary_ar, a.summary_en, a.objectives_ar,
       a.objectives_en, a.audience, a.urgent, a.publish_at, a.closes_at,
       a.results_due_at, a.final_publication_at, a.doc_kind,
       a.document_upload_id,
       (SELECT COUNT(*) FROM articles r WHERE r.activity_id = a.id),
       (SELECT COUNT(*) FROM activity_sectors s WHERE s.activity_id = a.id),
       (SELECT COUNT(*) FROM activity_targets t WHERE t.activity_id = a.id),
       a.kind
  FROM activities a WHERE a.id = ?;

-- name: wf_set_state
UPDATE activities SET state = ?, return_reason = COALESCE(?, return_reason),
       updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: wf_fix_original
-- The approved closing date is the base of the extension cap (11-ج).
UPDATE activities SET original_closes_at = closes_at, extended_seconds = 0
 WHERE id = ?;

-- name: wf_event
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state,
                             to_state, reason)
VALUES (?, UTC_TIMESTAMP(), NULLIF(?, 0), ?, ?, ?, ?);

-- name: wf_due_open
SELECT id FROM activities
 WHERE state = 'scheduled' AND publish_at <= UTC_TIMESTAMP()
 ORDER BY publish_at LIMIT 500;

-- name: wf_due_close
SELECT id FROM activities
 WHERE state = 'open' AND closes_at <= UTC_TIMESTAMP()
 ORDER BY closes_at LIMIT 500;

-- name: wf_notify_role
-- Who hears of a transition: the active staff of the entity in a role.
SELECT u.email, u.lang, a.title_ar, a.title_en
  FROM activities a
  JOIN users u ON u.entity_id = a.entity_id AND u.role = ? AND u.active = 1
       AND u.deleted_at IS NULL AND u.email IS NOT NULL
 WHERE a.id = ?;

-- name: wf_notify_author
SELECT u.email, u.lang, a.title_ar, a.title_en
  FROM activities a JOIN users u ON u.id = a.author_id
 WHERE a.id = ? AND u.active = 1 AND u.email IS NOT NULL;
