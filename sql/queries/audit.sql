-- The audit log (fcgi/domain/audit.c).  user_id/entity_id 0 mean none.

-- name: audit_insert
-- details: what an edit changed, one line per field (audit_record_change);
-- NULL for other actions.
-- param: user u, role s, entity u, action s, object_type s, object_id u, summary s, details s, ip s
INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type,
                       object_id, summary, details, ip)
VALUES (UTC_TIMESTAMP(3), NULLIF(:user, 0), :role, NULLIF(:entity, 0),
        :action, :object_type, NULLIF(:object_id, 0), :summary, :details,
        :ip);
