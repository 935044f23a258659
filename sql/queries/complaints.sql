-- The pages of sharek-complaints (fcgi/complaints/page_*.c): the
-- request form, following a request, the handling desk, the matrix.

-- fragment: request_columns
-- The request record every page reads (struct creq, complaints.h):
-- every statement of the shape request_row selects these columns.
q.id, q.ref_no, q.type_id, t.code AS type_code, t.name_ar AS type_name_ar,
       t.name_en AS type_name_en, q.axis_id, x.name_ar AS axis_name_ar,
       x.name_en AS axis_name_en, q.priority, q.entity_id,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       e.parent_id AS entity_parent_id,
       pe.parent_id AS entity_grandparent_id, q.unit, q.unit_entity_id,
       q.handled_by, q.requester_id, q.confidential, q.subject, q.body,
       q.requester_enc, q.requester_nonce,
       q.tracking_hash IS NOT NULL AS anonymous, q.state, q.due_at,
       q.solve_due_at, q.reply_limit, q.reply_unit, q.escalation_level,
       q.answered_at, q.closed_at, q.rating, q.rating_comment, q.rated_at,
       q.reopened_count, q.reopened_at, q.created_at, q.channel

-- fragment: request_joins
  JOIN request_types t ON t.id = q.type_id
  JOIN entities e ON e.id = q.entity_id
  LEFT JOIN entities pe ON pe.id = e.parent_id
  LEFT JOIN request_axes x ON x.id = q.axis_id

-- name: complaints_request_by_id
-- shape: request_row
-- param: id u
SELECT /*@request_columns*/ FROM requests q /*@request_joins*/
 WHERE q.id = :id;

-- name: complaints_request_lock
-- shape: request_row
-- The request inside a transaction that changes it.
-- param: id u
SELECT /*@request_columns*/ FROM requests q /*@request_joins*/
 WHERE q.id = :id FOR UPDATE;

-- name: complaints_request_by_ref
-- shape: request_row
-- A signed-in requester's own request by its reference number: another
-- person's is not found.
-- param: ref s, user u
SELECT /*@request_columns*/ FROM requests q /*@request_joins*/
 WHERE q.ref_no = :ref AND q.requester_id = :user;

-- name: complaints_request_by_code
-- shape: request_row
-- An anonymous report by the hash of its tracking code.
-- param: hash b
SELECT /*@request_columns*/ FROM requests q /*@request_joins*/
 WHERE q.tracking_hash = :hash;

-- name: complaints_mine
-- The signed-in requester's latest requests.
-- param: user u, limit i
SELECT q.ref_no, q.subject, q.state, q.created_at, q.due_at,
       t.name_ar AS type_name_ar, t.name_en AS type_name_en,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en
  FROM requests q JOIN request_types t ON t.id = q.type_id
  JOIN entities e ON e.id = q.entity_id
 WHERE q.requester_id = :user
 ORDER BY q.id DESC LIMIT :limit;

-- name: complaints_events
-- A request's timeline, oldest first.  :all = 0 gives what the
-- requester sees (public steps, without who did them).
-- param: request u, all i
SELECT v.id, v.at, v.kind, v.from_state, v.to_state, v.public, v.body,
       v.role, IF(:all = 1, u.full_name, NULL) AS actor_name
  FROM request_events v LEFT JOIN users u ON u.id = v.actor_id
 WHERE v.request_id = :request AND (:all = 1 OR v.public = 1)
 ORDER BY v.at, v.id;

-- name: complaints_attachments
-- param: request u
SELECT u.stored_name, u.original_name, u.mime, u.size
  FROM request_attachments ra JOIN uploads u ON u.id = ra.upload_id
 WHERE ra.request_id = :request ORDER BY ra.id;

-- name: complaints_attachment_file
-- An attachment of request :request by its stored name (the desk's
-- download).
-- param: request u, name s
SELECT u.stored_name, u.original_name, u.mime, u.size
  FROM request_attachments ra JOIN uploads u ON u.id = ra.upload_id
 WHERE ra.request_id = :request AND u.stored_name = :name;

-- name: complaints_attachment_insert
-- param: request u, upload u
INSERT INTO request_attachments (request_id, upload_id, created_at)
VALUES (:request, :upload, UTC_TIMESTAMP());

-- name: complaints_escalations
-- param: request u
SELECT x.cycle, x.level, x.at, x.notified_name, x.notified_email,
       x.notified_mobile
  FROM request_escalations x WHERE x.request_id = :request
 ORDER BY x.cycle, x.level;

-- name: complaints_form_types
SELECT id, code, name_ar, name_en, confidential_default
  FROM request_types WHERE active = 1 ORDER BY position, id;

-- name: complaints_axes
SELECT id, code, name_ar, name_en FROM request_axes ORDER BY position, id;

-- name: complaints_entities
-- Every active entity, main ones each followed by their
-- sub-departments (the sector → sub-department tree of the form).
SELECT e.id, e.parent_id, e.name_ar, e.name_en, e.is_operator
  FROM entities e LEFT JOIN entities p ON p.id = e.parent_id
 WHERE e.active = 1
 ORDER BY COALESCE(p.name_ar, e.name_ar), e.parent_id IS NOT NULL,
          e.name_ar, e.id;

-- name: complaints_entity_get
-- param: id u
SELECT e.id, e.active, e.is_operator, e.parent_id, e.name_ar, e.name_en
  FROM entities e WHERE e.id = :id;

-- name: complaints_operator
SELECT id FROM entities WHERE is_operator = 1 ORDER BY id LIMIT 1;

-- name: complaints_subunits
-- The sub-departments a request of :entity may be forwarded to.
-- param: entity u
SELECT e.id, e.name_ar, e.name_en FROM entities e
 WHERE e.parent_id = :entity AND e.active = 1 ORDER BY e.name_ar, e.id;

-- name: complaints_sla_get
-- param: priority s, axis u
SELECT reply_working_days, solve_working_days, unit FROM sla_matrix
 WHERE priority = :priority AND axis_id = :axis;

-- name: complaints_user_contact
-- param: id u
SELECT full_name, org_name, email, mobile, lang FROM users WHERE id = :id;

-- name: complaints_entity_liaisons
-- The primary and alternate liaison officers of :entity, told of a
-- reopened request.
-- param: entity u
SELECT u.email, u.lang FROM entities e
  JOIN users u ON u.id IN (e.liaison_user_id, e.alternate_user_id)
 WHERE e.id = :entity AND u.active = 1 AND u.email IS NOT NULL;

-- name: complaints_request_insert
-- param: ref s, type u, axis u, entity u, requester u, confidential i, subject s, body s, enc b, nonce b, tracking b, due s, solve s, limit i, unit s
INSERT INTO requests (ref_no, type_id, axis_id, priority, entity_id,
       channel, requester_id, confidential, subject, body, requester_enc,
       requester_nonce, tracking_hash, state, due_at, solve_due_at,
       reply_limit, reply_unit, created_at, updated_at)
VALUES (:ref, :type, :axis, 'medium', :entity, 'web', NULLIF(:requester, 0),
        :confidential, :subject, :body, NULLIF(:enc, ''),
        NULLIF(:nonce, ''), NULLIF(:tracking, ''),
        'received', :due, :solve, :limit, :unit, UTC_TIMESTAMP(),
        UTC_TIMESTAMP());

-- name: complaints_classify
-- The desk's classification: type, axis, priority and the due dates the
-- matrix gives now (kept when the matrix changes later).
-- param: id u, type u, axis u, priority s, due s, solve s, limit i, unit s, state s, by u
UPDATE requests
   SET type_id = :type, axis_id = :axis, priority = :priority,
       due_at = :due, solve_due_at = :solve, reply_limit = :limit,
       reply_unit = :unit, state = :state, handled_by = :by,
       classified_at = COALESCE(classified_at, UTC_TIMESTAMP()),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: complaints_forward
-- param: id u, unit_entity u, unit s, by u
UPDATE requests
   SET unit_entity_id = :unit_entity, unit = :unit, state = 'forwarded',
       handled_by = :by, forwarded_at = UTC_TIMESTAMP(),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: complaints_reply
-- The reply: the first one decides whether the SLA was met.
-- param: id u, by u
UPDATE requests
   SET state = 'answered', handled_by = :by, answered_at = UTC_TIMESTAMP(),
       first_answered_at = COALESCE(first_answered_at, UTC_TIMESTAMP()),
       sla_met = COALESCE(sla_met, UTC_TIMESTAMP() <= due_at),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: complaints_close
-- param: id u, by u
UPDATE requests
   SET state = 'closed', handled_by = :by, closed_at = UTC_TIMESTAMP(),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: complaints_reassign
-- The operations room gives the request to another entity: its desk
-- receives it anew (the due date stays).
-- param: id u, entity u
UPDATE requests
   SET entity_id = :entity, state = 'received', handled_by = NULL,
       unit = NULL, unit_entity_id = NULL, updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: complaints_rate
-- The requester's rating; :reopen = 1 (below 2) reopens the request with
-- a new due date and a new escalation cycle.
-- param: id u, rating i, comment s, reopen i, due s
UPDATE requests
   SET rating = :rating, rating_comment = :comment,
       rated_at = UTC_TIMESTAMP(),
       state = IF(:reopen = 1, 'reopened', state),
       reopened_count = reopened_count + IF(:reopen = 1, 1, 0),
       reopened_at = IF(:reopen = 1, UTC_TIMESTAMP(), reopened_at),
       escalation_level = IF(:reopen = 1, 0, escalation_level),
       due_at = IF(:reopen = 1, :due, due_at),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- fragment: desk_columns
q.id, q.ref_no, q.subject, q.state, q.priority, q.due_at, q.created_at,
       q.escalation_level, q.reopened_count, q.confidential,
       q.due_at < UTC_TIMESTAMP() AND q.state IN ('received', 'classified',
         'forwarded', 'reopened') AS late,
       t.name_ar AS type_name_ar, t.name_en AS type_name_en,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en

-- name: complaints_desk_list
-- shape: desk_row
-- The inbox of the desk of :entity: its requests and those of its
-- sub-departments (two levels), open ones first by due date, then the
-- others newest first; :done = 1 lists only closed and rejected ones.
-- Keyset paging on (due_at, id): :after is the last request of the
-- page before (0: the first page).  Never the bench's requests
-- (requests.bench, migration 0025): no desk handles them.
-- param: entity u, done i, after u, limit i
SELECT /*@desk_columns*/
  FROM requests q JOIN request_types t ON t.id = q.type_id
  JOIN entities e ON e.id = q.entity_id
  LEFT JOIN entities pe ON pe.id = e.parent_id
 WHERE (q.entity_id = :entity OR e.parent_id = :entity
        OR pe.parent_id = :entity) AND q.bench = 0
   AND (q.state IN ('closed', 'rejected')) = (:done = 1)
   AND (:after = 0 OR (q.due_at, q.id) > (SELECT k.due_at, k.id
                                             FROM requests k
                                            WHERE k.id = :after))
 ORDER BY q.due_at, q.id LIMIT :limit;

-- name: complaints_ops_list
-- shape: desk_row
-- The central operations room: every reopened request and every one
-- escalated to level 2, of any entity, still to be settled; paged as
-- the desk's list.  Never the bench's (the unanswered ones it makes are
-- at level 2).
-- param: after u, limit i
SELECT /*@desk_columns*/
  FROM requests q JOIN request_types t ON t.id = q.type_id
  JOIN entities e ON e.id = q.entity_id
 WHERE q.state IN ('received', 'classified', 'forwarded', 'reopened',
                   'answered') AND q.bench = 0
   AND (q.reopened_count > 0 OR q.escalation_level = 2)
   AND (:after = 0 OR (q.due_at, q.id) > (SELECT k.due_at, k.id
                                             FROM requests k
                                            WHERE k.id = :after))
 ORDER BY q.due_at, q.id LIMIT :limit;

-- name: complaints_sla_matrix
SELECT m.priority, m.axis_id, x.name_ar AS axis_name_ar,
       x.name_en AS axis_name_en, m.reply_working_days,
       m.solve_working_days, m.unit, m.updated_at
  FROM sla_matrix m JOIN request_axes x ON x.id = m.axis_id
 ORDER BY m.priority, x.position, x.id;

-- name: complaints_sla_update
-- param: priority s, axis u, reply i, solve i, unit s, by u
UPDATE sla_matrix
   SET reply_working_days = :reply, solve_working_days = :solve,
       unit = :unit, updated_at = UTC_TIMESTAMP(), updated_by = :by
 WHERE priority = :priority AND axis_id = :axis;

-- name: complaints_officials
-- The main entities (sectors) and the two officials their late requests
-- are escalated to.
SELECT e.id, e.name_ar, e.name_en, e.sg_name, e.sg_email, e.sg_mobile,
       e.minister_name, e.minister_email, e.minister_mobile
  FROM entities e WHERE e.parent_id IS NULL AND e.active = 1
 ORDER BY e.name_ar, e.id;

-- name: complaints_officials_update
-- param: id u, sg_name s, sg_email s, sg_mobile s, minister_name s, minister_email s, minister_mobile s
UPDATE entities
   SET sg_name = :sg_name, sg_email = :sg_email, sg_mobile = :sg_mobile,
       minister_name = :minister_name, minister_email = :minister_email,
       minister_mobile = :minister_mobile, updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND parent_id IS NULL;

-- name: complaints_upload_insert
-- An attachment's file (an anonymous report's has no uploader).
-- param: stored_name s, original_name s, mime s, size u, sha256 b, by u
INSERT INTO uploads (stored_name, original_name, mime, size, sha256,
                     uploaded_by, created_at)
VALUES (:stored_name, :original_name, :mime, :size, :sha256,
        NULLIF(:by, 0), UTC_TIMESTAMP());
