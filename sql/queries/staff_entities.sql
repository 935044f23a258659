-- Government entities and their staff (fcgi/staff/page_entities.c,
-- fcgi/domain/entity.c).

-- name: entity_ancestors
-- The three levels above an entity (ENTITY_DEPTH), nearest first.
-- param: id u
SELECT p.id AS parent_id, pp.id AS grandparent_id,
       ppp.id AS great_grandparent_id
  FROM entities e
  LEFT JOIN entities p ON p.id = e.parent_id
  LEFT JOIN entities pp ON pp.id = p.parent_id
  LEFT JOIN entities ppp ON ppp.id = pp.parent_id
 WHERE e.id = :id;

-- name: entity_list
-- Every entity with its parent and liaison officers; the page filters
-- by scope.  Not paged: the government has a few hundred entities at
-- most (106 service departments in 2019), created one by one by the
-- ministry, and the list is also the form's choice of parents.
SELECT e.id, e.parent_id, e.kind, e.name_ar, e.name_en, e.slug, e.active,
       l.full_name AS liaison_name, al.full_name AS alternate_name,
       (SELECT COUNT(*) FROM users u WHERE u.entity_id = e.id
          AND u.role <> 'citizen' AND u.active = 1) AS staff_count
  FROM entities e
  LEFT JOIN users l ON l.id = e.liaison_user_id
  LEFT JOIN users al ON al.id = e.alternate_user_id
 ORDER BY COALESCE(e.parent_id, e.id), e.parent_id IS NOT NULL, e.name_ar;

-- name: entity_get
-- One entity (struct entity, entity_fill()).
-- param: id u
SELECT e.id, e.parent_id, e.kind, e.name_ar, e.name_en, e.slug,
       e.is_operator, e.contact_email, e.sg_name, e.sg_email, e.sg_mobile,
       e.minister_name, e.minister_email, e.minister_mobile,
       e.liaison_user_id, e.alternate_user_id, e.active,
       p.name_ar AS parent_name_ar, p.name_en AS parent_name_en
  FROM entities e LEFT JOIN entities p ON p.id = e.parent_id
 WHERE e.id = :id;

-- name: entity_insert
-- param: parent_id u, kind s, name_ar s, name_en s, slug s, contact_email s, sg_name s, sg_email s, sg_mobile s, minister_name s, minister_email s, minister_mobile s
INSERT INTO entities (parent_id, kind, name_ar, name_en, slug, is_operator,
                      contact_email, sg_name, sg_email, sg_mobile,
                      minister_name, minister_email, minister_mobile,
                      active, created_at, updated_at)
VALUES (NULLIF(:parent_id, 0), :kind, :name_ar, :name_en, :slug, 0,
        :contact_email, :sg_name, :sg_email, :sg_mobile, :minister_name,
        :minister_email, :minister_mobile, 1, UTC_TIMESTAMP(),
        UTC_TIMESTAMP());

-- name: entity_lock
-- Entity :id, locked for a change in the caller's transaction; no row:
-- there is none (404).  The updates after it count changed rows only,
-- so a save of unchanged values is still a save.
-- param: id u
SELECT id FROM entities WHERE id = :id FOR UPDATE;

-- name: entity_update
-- param: id u, parent_id u, kind s, name_ar s, name_en s, slug s, contact_email s, sg_name s, sg_email s, sg_mobile s, minister_name s, minister_email s, minister_mobile s
UPDATE entities SET parent_id = NULLIF(:parent_id, 0), kind = :kind,
       name_ar = :name_ar, name_en = :name_en, slug = :slug,
       contact_email = :contact_email, sg_name = :sg_name,
       sg_email = :sg_email, sg_mobile = :sg_mobile,
       minister_name = :minister_name, minister_email = :minister_email,
       minister_mobile = :minister_mobile, updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: entity_sectors_clear
-- param: entity u
DELETE FROM entity_sectors WHERE entity_id = :entity;

-- name: entity_sector_add
-- param: entity u, sector s
INSERT IGNORE INTO entity_sectors (entity_id, sector_id)
VALUES (:entity, :sector);

-- name: entity_sectors_of
-- Every sector, marked where entity :entity works.  Not paged: the
-- sectors are a fixed list of the government's (migrations), a dozen or
-- two.
-- param: entity u
SELECT s.id, s.name_ar, s.name_en,
       EXISTS (SELECT 1 FROM entity_sectors es
                WHERE es.entity_id = :entity AND es.sector_id = s.id)
         AS chosen
  FROM sectors s ORDER BY s.id;

-- name: entity_set_liaison
-- param: user u, entity u
UPDATE entities SET liaison_user_id = :user, updated_at = UTC_TIMESTAMP()
 WHERE id = :entity;

-- name: entity_set_alternate
-- param: user u, entity u
UPDATE entities SET alternate_user_id = :user, updated_at = UTC_TIMESTAMP()
 WHERE id = :entity;

-- name: entity_staff
-- The staff accounts of one entity.  Not paged: an entity has two liaison
-- officers and the coordinators and supervisors they create by hand
-- (Tawasul art. 6-7), tens of accounts, not thousands.
-- param: entity u
SELECT u.id, u.full_name, u.email, u.role, u.active, u.created_at,
       u.email_verified_at IS NOT NULL AS verified
  FROM users u
 WHERE u.entity_id = :entity AND u.role <> 'citizen' AND u.deleted_at IS NULL
 ORDER BY u.active DESC, FIELD(u.role, 'admin', 'liaison', 'coordinator',
          'supervisor'), u.full_name;

-- name: staff_user_insert
-- param: email s, full_name s, mobile s, lang s, role s, entity u, created_by u
INSERT INTO users (kind, email, full_name, mobile, lang, role, entity_id,
                   active, created_at, updated_at, created_by)
VALUES ('staff', :email, :full_name, :mobile, :lang, :role, :entity, 1,
        UTC_TIMESTAMP(), UTC_TIMESTAMP(), :created_by);

-- name: staff_user_by_email
-- Locked: staff_user_make_liaison may follow.
-- param: email s
SELECT id, role, entity_id, active FROM users
 WHERE email = :email AND deleted_at IS NULL
   FOR UPDATE;

-- name: staff_user_make_liaison
-- param: entity u, id u
UPDATE users SET role = 'liaison', entity_id = :entity, active = 1,
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND kind = 'staff';

-- name: staff_user_get
-- param: id u
SELECT id, role, entity_id, active, full_name, email FROM users
 WHERE id = :id AND deleted_at IS NULL AND role <> 'citizen';

-- name: staff_user_lock
-- Staff account :id, locked for staff_user_set_active; no row: none.
-- param: id u
SELECT id FROM users
 WHERE id = :id AND deleted_at IS NULL AND role <> 'citizen'
   FOR UPDATE;

-- name: staff_user_set_active
-- param: active i, id u
UPDATE users SET active = :active, updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: entity_slug_taken
-- param: slug s, id u
SELECT COUNT(*) AS n FROM entities WHERE slug = :slug AND id <> :id;

-- name: entity_liaisons_lock
-- Entity :id with its two liaison officers, locked for a change of
-- them or of its staff in the caller's transaction; no row: none.
-- param: id u
SELECT id, name_ar, name_en, liaison_user_id, alternate_user_id
  FROM entities WHERE id = :id FOR UPDATE;

-- name: staff_user_demote_liaison
-- A liaison officer replaced in their role keeps an account of the
-- entity, without the liaison officer's powers (art. 6-ب: two per
-- entity, named in entities).
-- param: id u
UPDATE users SET role = 'coordinator', updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND role = 'liaison';

-- name: staff_user_contact
-- Who to tell, in their language.
-- param: id u
SELECT id, email, full_name, lang FROM users WHERE id = :id;

-- name: entity_children
-- The entities directly under :parent (its page lists them).  Not
-- paged: an entity has a handful of departments.
-- param: parent u
SELECT id, kind, name_ar, name_en, active FROM entities
 WHERE parent_id = :parent ORDER BY name_ar, id;

-- name: entity_sectors_chosen
-- The sectors entity :entity works in (its page).
-- param: entity u
SELECT s.id, s.name_ar, s.name_en FROM entity_sectors es
  JOIN sectors s ON s.id = es.sector_id
 WHERE es.entity_id = :entity ORDER BY s.id;
