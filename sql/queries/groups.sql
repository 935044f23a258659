-- Categories and groups of users for restricted audiences
-- (fcgi/staff/page_groups.c).

-- name: groups_of_entity
-- The groups of one entity with their sizes.  Not paged: groups are made
-- by hand by the entity's liaison officer or coordinators, one per kind
-- of audience (licensed pharmacists, parents' councils): tens at most.
-- param: entity u
SELECT g.id, g.name_ar, g.name_en,
       (SELECT COUNT(*) FROM user_group_members m WHERE m.group_id = g.id)
         AS members
  FROM user_groups g WHERE g.entity_id = :entity ORDER BY g.name_ar;

-- name: group_insert
-- param: entity u, name_ar s, name_en s
INSERT INTO user_groups (entity_id, name_ar, name_en, created_at)
VALUES (:entity, :name_ar, :name_en, UTC_TIMESTAMP());

-- name: group_get
-- param: id u
SELECT id, entity_id, name_ar, name_en FROM user_groups WHERE id = :id;

-- name: group_members
-- The members of a group by name, keyset-paged on (full_name, id): the
-- page after member :after (0: the first page), :limit =
-- GROUP_PAGE_SIZE + 1.
-- An organisation's account shows the organisation's name.
-- param: group u, after u, limit i
SELECT u.id,
       CASE WHEN u.kind = 'organisation' THEN u.org_name ELSE u.full_name
       END AS name, u.email
  FROM user_group_members m JOIN users u ON u.id = m.user_id
 WHERE m.group_id = :group
   AND (:after = 0 OR (u.full_name, u.id) >
        ((SELECT a.full_name FROM users a WHERE a.id = :after), :after))
 ORDER BY u.full_name, u.id
 LIMIT :limit;

-- name: group_user_by_email
-- param: email s
SELECT id FROM users
 WHERE email = :email AND deleted_at IS NULL AND active = 1;

-- name: group_member_add
-- No row affected: already a member.
-- param: group u, user u
INSERT IGNORE INTO user_group_members (group_id, user_id)
VALUES (:group, :user);

-- name: group_member_remove
-- No row affected: not a member (404).
-- param: group u, user u
DELETE FROM user_group_members WHERE group_id = :group AND user_id = :user;

-- name: act_group_targets_of
-- The groups of entity :entity, marked where activity :activity is
-- addressed to them (fcgi/staff/page_activities.c).  Not paged: see
-- groups_of_entity.
-- param: activity u, entity u
SELECT g.id, g.name_ar, g.name_en,
       EXISTS (SELECT 1 FROM activity_targets t
                WHERE t.activity_id = :activity AND t.group_id = g.id)
         AS targeted
  FROM user_groups g WHERE g.entity_id = :entity ORDER BY g.name_ar;

-- name: act_group_target_add
-- Addresses activity :activity to group :group if the group is entity
-- :entity's own (the form's value is checked here).
-- param: activity u, group s, entity u
INSERT IGNORE INTO activity_targets (activity_id, group_id)
SELECT :activity, id FROM user_groups
 WHERE id = :group AND entity_id = :entity;
