-- The alternate liaison officer takes over (Tawasul art. 6-ب;
-- fcgi/domain/handover.c, run by sharekctl tick).

-- name: handover_due
-- What waits on an entity's primary liaison officer and has waited more
-- than :min_days calendar days (the caller counts the working days):
-- the final approval of a forwarded activity, the publication of an
-- approved report, the entity's response to an open inter-agency
-- consultation addressed to it.  The wait began when the activity
-- entered its state (its last workflow_events row into it from another
-- state: a hand-over's own row, from the state to itself, begins no new
-- wait, else the same wait would pass again every 2 working days).  Only
-- entities with an alternate, and no wait handed over already; the
-- oldest first, :limit per run (HANDOVER_BATCH).
-- param: min_days i, limit i
SELECT w.activity_id, w.entity_id, w.kind, w.state, w.since,
       w.title_ar, w.title_en, w.liaison_user_id, w.alternate_user_id,
       al.email AS alternate_email, al.lang AS alternate_lang,
       al.full_name AS alternate_name
  FROM (SELECT a.id AS activity_id, a.entity_id,
               IF(a.state = 'approved', 'approval', 'publication') AS kind,
               a.state, a.title_ar, a.title_en,
               COALESCE((SELECT MAX(ev.at) FROM workflow_events ev
                          WHERE ev.activity_id = a.id
                            AND ev.to_state = a.state
                            AND ev.from_state <> ev.to_state),
                        a.updated_at)
                 AS since,
               e.liaison_user_id, e.alternate_user_id
          FROM activities a JOIN entities e ON e.id = a.entity_id
         WHERE a.state IN ('approved', 'report_approved')
           AND e.alternate_user_id IS NOT NULL
        UNION ALL
        SELECT a.id, t.entity_id, 'response', a.state, a.title_ar,
               a.title_en,
               COALESCE((SELECT MAX(ev.at) FROM workflow_events ev
                          WHERE ev.activity_id = a.id
                            AND ev.to_state = 'open'
                            AND ev.from_state <> ev.to_state),
                        a.publish_at, a.updated_at),
               e.liaison_user_id, e.alternate_user_id
          FROM activities a
          JOIN activity_targets t ON t.activity_id = a.id
          JOIN entities e ON e.id = t.entity_id
         WHERE a.state = 'open' AND a.audience = 'interagency'
           AND e.alternate_user_id IS NOT NULL
           AND NOT EXISTS (SELECT 1 FROM agency_responses r
                            WHERE r.activity_id = a.id
                              AND r.entity_id = t.entity_id)) w
  JOIN users al ON al.id = w.alternate_user_id AND al.active = 1
 WHERE w.since < UTC_TIMESTAMP() - INTERVAL :min_days DAY
   AND NOT EXISTS (SELECT 1 FROM liaison_handovers h
                    WHERE h.activity_id = w.activity_id
                      AND h.entity_id = w.entity_id AND h.kind = w.kind
                      AND h.waiting_since = w.since)
 ORDER BY w.since, w.activity_id
 LIMIT :limit;

-- name: handover_insert
-- Claims the hand-over of one wait: 0 rows, another tick did it.
-- param: activity u, entity u, kind s, since s, from_user u, to_user u
INSERT IGNORE INTO liaison_handovers (activity_id, entity_id, kind,
       waiting_since, handed_at, from_user_id, to_user_id)
VALUES (:activity, :entity, :kind, :since, UTC_TIMESTAMP(),
        NULLIF(:from_user, 0), :to_user);

-- name: handover_event
-- The hand-over on the activity's history: no change of state.
-- param: activity u, state s, reason s
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state,
       to_state, reason)
VALUES (:activity, UTC_TIMESTAMP(), NULL, 'system', :state, :state,
        :reason);

-- name: handover_waiting
-- 1 when :user is the alternate liaison officer of entity :entity (0:
-- the activity's own) while it has an active primary, and what waits on
-- activity :activity (:kind, as in handover_due) was not handed over to
-- :user since the wait began (the last change of state into the
-- activity's state: the hand-over's own history row changes none); 0
-- otherwise.  Until then the alternate may not act (art. 6-ب).
-- param: activity u, entity u, user u, kind s
-- shape: count
SELECT COUNT(*) AS n
  FROM activities a
  JOIN entities e ON e.id = IF(:entity = 0, a.entity_id, :entity)
  JOIN users p ON p.id = e.liaison_user_id AND p.active = 1
       AND p.deleted_at IS NULL
 WHERE a.id = :activity AND e.alternate_user_id = :user AND p.id <> :user
   AND NOT EXISTS (SELECT 1 FROM liaison_handovers h
                    WHERE h.activity_id = a.id AND h.entity_id = e.id
                      AND h.kind = :kind AND h.to_user_id = :user
                      AND h.waiting_since >= COALESCE(
                          (SELECT MAX(ev.at) FROM workflow_events ev
                            WHERE ev.activity_id = a.id
                              AND ev.to_state = a.state
                              AND ev.from_state <> ev.to_state),
                          '1000-01-01'));
