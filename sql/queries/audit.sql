-- The audit log (fcgi/domain/audit.c).  user_id/entity_id 0 mean none.

-- name: audit_insert
INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type,
                       object_id, summary, ip)
VALUES (UTC_TIMESTAMP(3), NULLIF(?, 0), ?, NULLIF(?, 0), ?, ?, NULLIF(?, 0), ?,
        ?);
