-- Government entities and their staff (fcgi/staff/page_entities.c).

-- name: entity_ancestors
SELECT p.id, pp.id, ppp.id
  FROM entities e
  LEFT JOIN entities p ON p.id = e.parent_id
  LEFT JOIN entities pp ON pp.id = p.parent_id
  LEFT JOIN entities ppp ON ppp.id = pp.parent_id
 WHERE e.id = ?;

-- name: entity_list
-- Every entity with its parent and liaison officers; the page filters
-- by scope (few hundred rows at most: 106 service departments in 2019).
SELECT e.id, e.parent_id, e.kind, e.name_ar, e.name_en, e.slug, e.active,
       l.full_name AS liaison_name, al.full_name AS alternate_name,
       (SELECT COUNT(*) FROM users u WHERE u.entity_id = e.id
          AND u.role <> 'citizen' AND u.active = 1) AS staff_count
  FROM entities e
  LEFT JOIN users l ON l.id = e.liaison_user_id
  LEFT JOIN users al ON al.id = e.alternate_user_id
 ORDER BY COALESCE(e.parent_id, e.id), e.parent_id IS NOT NULL, e.name_ar;

-- name: entity_get
SELECT e.id, e.parent_id, e.kind, e.name_ar, e.name_en, e.slug,
       e.is_operator, e.contact_email, e.sg_name, e.sg_email, e.sg_mobile,
       e.minister_name, e.minister_email, e.minister_mobile,
       e.liaison_user_id, e.alternate_user_id, e.active,
       p.name_ar, p.name_en
  FROM entities e LEFT JOIN entities p ON p.id = e.parent_id
 WHERE e.id = ?;

-- name: entity_insert
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, is_operator,
                      contact_email, sg_name, sg_email, sg_mobile,
                      minister_name, minister_email, minister_mobile,
                      active, created_at, updated_at)
VALUES (NULLIF(?, 0), ?, ?, ?, ?, 0, ?, ?, ?, ?, ?, ?, ?, 1,
        UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: entity_update
UPDATE entities SET parent_id = NULLIF(?, 0), kind = ?, name_ar = ?,
       name_en = ?, slug = ?, contact_email = ?, sg_name = ?, sg_email = ?,
       sg_mobile = ?, minister_name = ?, minister_email = ?,
       minister_mobile = ?, updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: entity_sectors_clear
DELETE FROM entity_sectors WHERE entity_id = ?;

-- name: entity_sector_add
INSERT IGNORE INTO entity_sectors (entity_id, sector_id) VALUES (?, ?);

-- name: entity_sectors_of
SELECT s.id, s.name_ar, s.name_en,
       EXISTS (SELECT 1 FROM entity_sectors es
                WHERE es.entity_id = ? AND es.sector_id = s.id)
  FROM sectors s ORDER BY s.id;

-- name: entity_set_liaison
UPDATE entities SET liaison_user_id = ?, updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: entity_set_alternate
UPDATE entities SET alternate_user_id = ?, updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: entity_staff
SELECT u.id, u.full_name, u.email, u.role, u.active, u.created_at,
       u.email_verified_at IS NOT NULL
  FROM users u
 WHERE u.entity_id = ? AND u.role <> 'citizen' AND u.deleted_at IS NULL
 ORDER BY u.active DESC, FIELD(u.role, 'admin', 'liaison', 'coordinator',
          'supervisor'), u.full_name;

-- name: staff_user_insert
INSERT INTO users (kind, email, full_name, mobile, lang, role, entity_id,
                   active, created_at, updated_at, created_by)
VALUES ('staff', ?, ?, ?, ?, ?, ?, 1, UTC_TIMESTAMP(), UTC_TIMESTAMP(), ?);

-- name: staff_user_by_email
SELECT id, role, entity_id, active FROM users
 WHERE email = ? AND deleted_at IS NULL;

-- name: staff_user_make_liaison
UPDATE users SET role = 'liaison', entity_id = ?, active = 1,
       updated_at = UTC_TIMESTAMP()
 WHERE id = ? AND kind = 'staff';

-- name: staff_user_get
SELECT id, role, entity_id, active, full_name, email FROM users
 WHERE id = ? AND deleted_at IS NULL AND role <> 'citizen';

-- name: staff_user_set_active
UPDATE users SET active = ?, updated_at = UTC_TIMESTAMP() WHERE id = ?;

-- name: entity_slug_taken
SELECT COUNT(*) FROM entities WHERE slug = ? AND id <> ?;
