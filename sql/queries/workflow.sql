-- The lifecycle of activities (fcgi/domain/workflow.c).

-- name: wf_state_lock
-- param: id u
SELECT state FROM activities WHERE id = :id FOR UPDATE;

-- name: wf_check
-- What art. 9-أ requires before submission and approval.
-- param: id u
SELECT a.title_ar, a.title_en, a.summary_ar, a.summary_en, a.objectives_ar,
       a.objectives_en, a.audience, a.urgent, a.publish_at, a.closes_at,
       a.results_due_at, a.final_publication_at,
       a.doc_kind = 'pdf' AS doc_pdf, a.document_upload_id,
       (SELECT COUNT(*) FROM articles r WHERE r.activity_id = a.id)
         AS articles,
       (SELECT COUNT(*) FROM activity_sectors s WHERE s.activity_id = a.id)
         AS sectors,
       (SELECT COUNT(*) FROM activity_targets t WHERE t.activity_id = a.id)
         AS targets,
       a.kind,
       (SELECT COUNT(*) FROM questions q WHERE q.activity_id = a.id)
         AS questions
  FROM activities a WHERE a.id = :id;

-- name: wf_set_state
-- param: state s, reason s, id u
UPDATE activities SET state = :state,
       return_reason = COALESCE(:reason, return_reason),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: wf_fix_original
-- The approved closing date is the base of the extension cap (11-ج).
-- param: id u
UPDATE activities SET original_closes_at = closes_at, extended_seconds = 0
 WHERE id = :id;

-- name: wf_event
-- param: id u, actor u, role s, from_state s, to_state s, reason s
INSERT INTO workflow_events (activity_id, at, actor_id, role, from_state,
                             to_state, reason)
VALUES (:id, UTC_TIMESTAMP(), NULLIF(:actor, 0), :role, :from_state,
        :to_state, :reason);

-- name: wf_due_open
-- At most :limit (WF_TICK_BATCH) per run of sharekctl tick: the next
-- run takes the rest.
-- param: limit i
-- shape: wf_due
SELECT id FROM activities
 WHERE state = 'scheduled' AND publish_at <= UTC_TIMESTAMP()
 ORDER BY publish_at LIMIT :limit;

-- name: wf_due_close
-- As wf_due_open.
-- param: limit i
-- shape: wf_due
SELECT id FROM activities
 WHERE state = 'open' AND closes_at <= UTC_TIMESTAMP()
 ORDER BY closes_at LIMIT :limit;

-- name: wf_notify_role
-- Who hears of a transition: the active staff of the entity in a role
-- (the entity's coordinators or its liaison officers: a few people).
-- With :primary_first 1 (a final approval or a report's publication,
-- which wait on the primary liaison officer: art. 6-ب) the entity's
-- alternate is left out while it has an active primary: the alternate
-- hears of it when it is handed over (handover.c).
-- param: role s, primary_first i, id u
-- shape: wf_recipient
SELECT u.email, u.lang, a.title_ar, a.title_en
  FROM activities a
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN users p ON p.id = e.liaison_user_id AND p.active = 1
       AND p.deleted_at IS NULL
  JOIN users u ON u.entity_id = a.entity_id AND u.role = :role
       AND u.active = 1 AND u.deleted_at IS NULL AND u.email IS NOT NULL
 WHERE a.id = :id
   AND NOT (:primary_first = 1 AND p.id IS NOT NULL
            AND u.id = e.alternate_user_id AND u.id <> p.id);

-- name: wf_notify_author
-- param: id u
-- shape: wf_recipient
SELECT u.email, u.lang, a.title_ar, a.title_en
  FROM activities a JOIN users u ON u.id = a.author_id
 WHERE a.id = :id AND u.active = 1 AND u.email IS NOT NULL;

-- name: wf_extension_lock
-- The activity an extension is asked for, locked so that two extensions
-- at once cannot pass the cap of art. 11-ج together.
-- param: id u
SELECT state, publish_at, original_closes_at, extended_seconds
  FROM activities WHERE id = :id FOR UPDATE;

-- name: wf_extend
-- param: secs i, id u
UPDATE activities SET closes_at = closes_at + INTERVAL :secs SECOND,
       extended_seconds = extended_seconds + :secs,
       results_due_at = results_due_at + INTERVAL :secs SECOND,
       final_publication_at = final_publication_at + INTERVAL :secs SECOND,
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'open';

-- name: wf_extension_insert
-- param: secs i, reason_ar s, reason_en s, granted_by u, id u
INSERT INTO extensions (activity_id, added_seconds, new_closes_at,
                        reason_ar, reason_en, granted_by, at)
SELECT id, :secs, closes_at, :reason_ar, :reason_en, :granted_by,
       UTC_TIMESTAMP()
  FROM activities WHERE id = :id;

-- name: wf_holidays
-- Every holiday, for the working-day calendar (at most CAL_MAXHOLIDAYS
-- are kept: some thirty years of them).
-- param: none
SELECT day FROM holidays ORDER BY day;

-- name: wf_index_batch
-- The texts of the activities after :after, :limit (WF_INDEX_BATCH) at a
-- time, for workflow_reindex.
-- param: after u, limit i
SELECT id, title_ar, title_en, summary_ar, summary_en FROM activities
 WHERE id > :after ORDER BY id LIMIT :limit;

-- name: wf_set_search
-- param: text s, id u
UPDATE activities SET search_text = :text WHERE id = :id;

-- Corrections of an open activity (art. 7-ز, 8-د; workflow_correct and
-- workflow_correction_decide, migration 0009): a pending activity_versions
-- row with the proposed texts until the liaison officer decides.

-- name: wf_correction_supersede
-- The correction of activity :id still pending gives way to a new one.
-- param: id u
UPDATE activity_versions SET status = 'superseded',
       decided_at = UTC_TIMESTAMP()
 WHERE activity_id = :id AND status = 'pending';

-- name: wf_correction_insert
-- snapshot: the texts after the version, as every version keeps them.
-- param: id u, author u, reason s, title_ar s, title_en s, summary_ar s, summary_en s, objectives_ar s, objectives_en s, announcements_ar s, announcements_en s
INSERT INTO activity_versions (activity_id, version, status, at, author_id,
                               reason, title_ar, title_en, summary_ar,
                               summary_en, objectives_ar, objectives_en,
                               announcements_ar, announcements_en, snapshot)
VALUES (:id, NULL, 'pending', UTC_TIMESTAMP(), :author, :reason, :title_ar,
        :title_en, :summary_ar, :summary_en, :objectives_ar, :objectives_en,
        :announcements_ar, :announcements_en,
        CONCAT_WS('\n', :title_ar, :title_en, :summary_ar, :summary_en,
                  :objectives_ar, :objectives_en, :announcements_ar,
                  :announcements_en));

-- name: wf_correction_lock
-- Correction :vid of activity :id, locked while it is decided (no row:
-- not that activity's).
-- param: vid u, id u
SELECT status, author_id, reason, title_ar, title_en, summary_ar,
       summary_en
  FROM activity_versions WHERE id = :vid AND activity_id = :id
   FOR UPDATE;

-- name: wf_correction_publish
-- The approved correction's texts become activity :id's, as its next
-- version (one row: the version always changes).
-- param: vid u, id u
UPDATE activities a
  JOIN activity_versions v ON v.id = :vid AND v.activity_id = a.id
   SET a.title_ar = v.title_ar, a.title_en = v.title_en,
       a.summary_ar = v.summary_ar, a.summary_en = v.summary_en,
       a.objectives_ar = v.objectives_ar, a.objectives_en = v.objectives_en,
       a.announcements_ar = v.announcements_ar,
       a.announcements_en = v.announcements_en,
       a.version = a.version + 1, a.updated_at = UTC_TIMESTAMP()
 WHERE a.id = :id;

-- name: wf_correction_approve
-- After wf_correction_publish: the version takes the activity's new
-- number.
-- param: user u, vid u, id u
UPDATE activity_versions v JOIN activities a ON a.id = v.activity_id
   SET v.status = 'approved', v.version = a.version, v.decided_by = :user,
       v.decided_at = UTC_TIMESTAMP()
 WHERE v.id = :vid AND a.id = :id AND v.status = 'pending';

-- name: wf_correction_reject
-- param: user u, reason s, vid u
UPDATE activity_versions SET status = 'rejected', decided_by = :user,
       decided_at = UTC_TIMESTAMP(), decision_reason = :reason
 WHERE id = :vid AND status = 'pending';

-- name: wf_notify_user
-- One member of staff hears of activity :id (the author of a correction).
-- param: user u, id u
-- shape: wf_recipient
SELECT u.email, u.lang, a.title_ar, a.title_en
  FROM activities a JOIN users u ON u.id = :user
 WHERE a.id = :id AND u.active = 1 AND u.email IS NOT NULL;
