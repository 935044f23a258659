-- Open311 GeoReport v2 (issue 14; fcgi/complaints/page_open311.c): the
-- services offered, the requests as the spec shows them (never a
-- requester's name, contact or location; confidential requests and
-- anonymous reports not at all, nor the bench's: migration 0025), and
-- the API keys of the clients.

-- name: open311_services
-- One service per request type × axis (violation reports are made
-- anonymously at /complaints/report, never through an API).
SELECT t.id AS type_id, t.code AS type_code, t.name_ar AS type_ar,
       t.name_en AS type_en, a.id AS axis_id, a.code AS axis_code,
       a.name_ar AS axis_ar, a.name_en AS axis_en
  FROM request_types t CROSS JOIN request_axes a
 WHERE t.active = 1 AND t.code <> 'violation'
 ORDER BY t.position, t.id, a.position, a.id;

-- fragment: open311_columns
q.id, q.ref_no, q.state, q.body, q.created_at, q.updated_at, q.due_at,
       t.code AS type_code, t.name_ar AS type_ar, t.name_en AS type_en,
       x.code AS axis_code, x.name_ar AS axis_ar, x.name_en AS axis_en,
       e.name_ar AS entity_ar, e.name_en AS entity_en
  FROM requests q
  JOIN request_types t ON t.id = q.type_id
  JOIN entities e ON e.id = q.entity_id
  LEFT JOIN request_axes x ON x.id = q.axis_id

-- name: open311_requests
-- The requests received in [:start, :end), newest first, of one type
-- (0: any) and axis (0: any; :unclassified = 1: only those with no axis
-- yet, the service of the type alone), open (:status 'open'), closed
-- ('closed') or both (''); at most :limit.
-- param: start s, end s, type u, axis u, unclassified i, status s, limit i
-- shape: open311_request
SELECT /*@open311_columns*/
 WHERE q.bench = 0 AND q.confidential = 0 AND q.tracking_hash IS NULL
   AND q.created_at >= :start AND q.created_at < :end
   AND (:type = 0 OR q.type_id = :type)
   AND (:axis = 0 OR q.axis_id = :axis)
   AND (:unclassified = 0 OR q.axis_id IS NULL)
   AND (:status = '' OR (:status = 'open') =
        (q.state IN ('received', 'classified', 'forwarded', 'reopened')))
 ORDER BY q.created_at DESC, q.id DESC
 LIMIT :limit;

-- name: open311_request_by_ref
-- param: ref s
-- shape: open311_request
SELECT /*@open311_columns*/
 WHERE q.ref_no = :ref AND q.bench = 0 AND q.confidential = 0
   AND q.tracking_hash IS NULL;

-- name: open311_key_check
-- The live key of this hash.
-- param: hash b
SELECT k.id, k.organisation, k.channel FROM api_keys k
 WHERE k.key_hash = :hash AND k.revoked_at IS NULL;

-- name: open311_key_used
-- param: id u
UPDATE api_keys SET last_used_at = UTC_TIMESTAMP() WHERE id = :id;

-- name: open311_request_mark
-- The request a client filed: its organisation's channel and key.
-- param: ref s, channel s, key u
UPDATE requests SET channel = :channel, api_key_id = :key WHERE ref_no = :ref;

-- name: apikey_list
-- The keys, live ones first (the staff program, page_apikeys.c).
SELECT k.id, k.organisation, k.channel, k.prefix, k.created_at,
       k.last_used_at, k.revoked_at
  FROM api_keys k
 ORDER BY k.revoked_at IS NOT NULL, k.id DESC
 LIMIT 500;

-- name: apikey_insert
-- param: organisation s, channel s, prefix s, hash b, by u
INSERT INTO api_keys (organisation, channel, prefix, key_hash, created_at,
       created_by)
VALUES (:organisation, :channel, :prefix, :hash, UTC_TIMESTAMP(), :by);

-- name: apikey_revoke
-- param: id u, by u
UPDATE api_keys SET revoked_at = UTC_TIMESTAMP(), revoked_by = :by
 WHERE id = :id AND revoked_at IS NULL;
