-- Statements of sharekctl (operators' tool).

-- name: migrations_table
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INT NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  applied_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- name: migration_applied
SELECT COUNT(*) FROM schema_migrations WHERE version = ?;

-- name: migration_record
INSERT INTO schema_migrations (version, name, applied_at)
VALUES (?, ?, UTC_TIMESTAMP());

-- name: users_count
SELECT COUNT(*) AS n FROM users;

-- name: tool_user_password
UPDATE users SET password_hash = ?, updated_at = UTC_TIMESTAMP()
 WHERE email = ? AND deleted_at IS NULL;

-- name: tool_user_sessions_end
DELETE s FROM sessions s JOIN users u ON u.id = s.user_id WHERE u.email = ?;

-- name: tool_user_deactivate
UPDATE users SET active = 0, updated_at = UTC_TIMESTAMP()
 WHERE email = ? AND active = 1;

-- name: tool_operator_entity
SELECT id FROM entities WHERE is_operator = 1 ORDER BY id LIMIT 1;

-- name: tool_admin_create
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name,
                   role, entity_id, active, created_at, updated_at)
VALUES ('staff', ?, UTC_TIMESTAMP(), ?, ?, 'admin', ?, 1, UTC_TIMESTAMP(),
        UTC_TIMESTAMP());

-- name: tool_entity_by_slug
SELECT id FROM entities WHERE slug = ?;

-- name: tool_user_create
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name,
                   role, entity_id, active, created_at, updated_at)
VALUES (?, ?, UTC_TIMESTAMP(), ?, ?, ?, NULLIF(?, 0), 1, UTC_TIMESTAMP(),
        UTC_TIMESTAMP());

-- name: tool_audit
INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type,
                       object_id, summary, ip)
VALUES (UTC_TIMESTAMP(3), NULL, 'operator', NULLIF(?, 0), ?, 'user', ?, ?, NULL);
