-- Categories and groups of users for restricted audiences
-- (fcgi/staff/page_groups.c).

-- name: groups_of_entity
SELECT g.id, g.name_ar, g.name_en,
       (SELECT COUNT(*) FROM user_group_members m WHERE m.group_id = g.id)
  FROM user_groups g WHERE g.entity_id = ? ORDER BY g.name_ar;

-- name: group_insert
INSERT INTO user_groups (entity_id, name_ar, name_en, created_at)
VALUES (?, ?, ?, UTC_TIMESTAMP());

-- name: group_get
SELECT id, entity_id, name_ar, name_en FROM user_groups WHERE id = ?;

-- name: group_members
SELECT u.id, u.full_name, u.email, u.kind, u.org_name
  FROM user_group_members m JOIN users u ON u.id = m.user_id
 WHERE m.group_id = ? ORDER BY u.full_name;

-- name: group_user_by_email
SELECT id FROM users WHERE email = ? AND deleted_at IS NULL AND active = 1;

-- name: group_member_add
INSERT IGNORE INTO user_group_members (group_id, user_id) VALUES (?, ?);

-- name: group_member_remove
DELETE FROM user_group_members WHERE group_id = ? AND user_id = ?;

-- name: act_group_targets_of
SELECT g.id, g.name_ar, g.name_en,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = ? AND t.group_id = g.id)
  FROM user_groups g WHERE g.entity_id = ? ORDER BY g.name_ar;

-- name: act_group_target_add
INSERT IGNORE INTO activity_targets (activity_id, group_id)
SELECT ?, id FROM user_groups WHERE id = ? AND entity_id = ?;
