-- The audit log browser (fcgi/staff/page_audit.c).  Filters are optional:
-- a NULL parameter means "any".  Keyset pagination on id.

-- name: audit_page
SELECT l.id, l.at, l.role, l.action, l.object_type, l.object_id, l.summary,
       l.ip, u.full_name, u.email, e.name_ar, e.name_en
  FROM audit_log l
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN entities e ON e.id = l.entity_id
 WHERE (? IS NULL OR l.entity_id = ?)
   AND (? IS NULL OR l.action = ?)
   AND (? IS NULL OR u.email = ?)
   AND (? IS NULL OR l.at >= ?)
   AND (? IS NULL OR l.at < ? + INTERVAL 1 DAY)
   AND l.id < ?
 ORDER BY l.id DESC
 LIMIT 51;

-- name: audit_export
SELECT l.id, l.at, l.role, l.action, l.object_type, l.object_id, l.summary,
       l.ip, u.full_name, u.email, e.name_ar, e.name_en
  FROM audit_log l
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN entities e ON e.id = l.entity_id
 WHERE (? IS NULL OR l.entity_id = ?)
   AND (? IS NULL OR l.action = ?)
   AND (? IS NULL OR u.email = ?)
   AND (? IS NULL OR l.at >= ?)
   AND (? IS NULL OR l.at < ? + INTERVAL 1 DAY)
 ORDER BY l.id DESC;

-- name: audit_actions
SELECT DISTINCT action FROM audit_log ORDER BY action;
