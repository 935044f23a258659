-- The staff dashboard.

-- name: staff_dash_entity
SELECT name_ar, name_en FROM entities WHERE id = ?;

-- name: staff_dash_counts
SELECT state, COUNT(*) FROM activities WHERE entity_id = ?
 GROUP BY state ORDER BY FIELD(state, 'draft', 'submitted', 'returned',
   'approved', 'scheduled', 'open', 'closed', 'analysis',
   'report_submitted', 'report_approved', 'published', 'withdrawn');

-- name: staff_dash_moderation
SELECT COUNT(*), COALESCE(SUM(c.moderation_due_at < UTC_TIMESTAMP()), 0)
  FROM comments c JOIN activities a ON a.id = c.activity_id
 WHERE a.entity_id = ? AND c.status = 'pending';

-- name: staff_dash_waiting
-- What waits for this user: returned drafts for their author (supervisor),
-- submissions for coordinators, forwarded ones for liaison officers.
SELECT a.id, a.title_ar, a.title_en, a.state, a.updated_at
  FROM activities a
 WHERE a.entity_id = ?
   AND ((? = 'supervisor' AND a.state = 'returned' AND a.author_id = ?)
     OR (? = 'coordinator' AND (a.state = 'submitted'
                                OR (a.state = 'returned' AND a.author_id = ?)))
     OR (? = 'liaison' AND a.state = 'approved'))
 ORDER BY a.updated_at
 LIMIT 50;
