-- Statements of sharekctl (operators' tool).

-- name: migrations_table
CREATE TABLE IF NOT EXISTS schema_migrations (
  version INT NOT NULL PRIMARY KEY,
  name VARCHAR(200) NOT NULL,
  applied_at DATETIME NOT NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- name: migration_applied
-- param: version i
SELECT COUNT(*) AS n FROM schema_migrations WHERE version = :version;

-- name: migration_record
-- param: version i, name s
INSERT INTO schema_migrations (version, name, applied_at)
VALUES (:version, :name, UTC_TIMESTAMP());

-- name: users_count
SELECT COUNT(*) AS n FROM users;

-- name: tool_user_password
-- param: hash s, email s
UPDATE users SET password_hash = :hash, updated_at = UTC_TIMESTAMP()
 WHERE email = :email AND deleted_at IS NULL;

-- name: tool_user_sessions_end
-- param: email s
DELETE s FROM sessions s JOIN users u ON u.id = s.user_id
 WHERE u.email = :email;

-- name: tool_user_deactivate
-- param: email s
UPDATE users SET active = 0, updated_at = UTC_TIMESTAMP()
 WHERE email = :email AND active = 1;

-- name: tool_operator_entity
SELECT id FROM entities WHERE is_operator = 1 ORDER BY id LIMIT 1;

-- name: tool_admin_create
-- param: email s, hash s, full_name s, entity u
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name,
                   role, entity_id, active, created_at, updated_at)
VALUES ('staff', :email, UTC_TIMESTAMP(), :hash, :full_name, 'admin',
        :entity, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: tool_entity_by_slug
-- param: slug s
SELECT id FROM entities WHERE slug = :slug;

-- name: tool_user_create
-- param: kind s, email s, hash s, full_name s, role s, entity u
INSERT INTO users (kind, email, email_verified_at, password_hash, full_name,
                   role, entity_id, active, created_at, updated_at)
VALUES (:kind, :email, UTC_TIMESTAMP(), :hash, :full_name, :role,
        NULLIF(:entity, 0), 1, UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: tool_audit
-- An operator's action on an account (the object id may be 0: none).
-- param: entity u, action s, object_id u, summary s
INSERT INTO audit_log (at, user_id, role, entity_id, action, object_type,
                       object_id, summary, ip)
VALUES (UTC_TIMESTAMP(3), NULL, 'operator', NULLIF(:entity, 0), :action,
        'user', :object_id, :summary, NULL);
