-- The audit log browser (fcgi/staff/page_audit.c).  Filters are optional:
-- a NULL parameter means "any".  The page is keyset-paged on id
-- (:before, :limit = AUDIT_PAGE_SIZE + 1); the CSV export streams every
-- matching row, of the shape audit_row, whose names are the
-- header line of the CSV file.  The page adds details, what an edit
-- changed (one line per field, audit_record_change), and
-- article_activity, the activity of an article entry (NULL for others,
-- or once the article was deleted).

-- name: audit_page
-- The columns of audit_row, then details and article_activity.
-- param: entity s, action s, user s, from s, to s, before i, limit i
SELECT l.id, l.at AS at_utc, l.role, l.action, l.object_type, l.object_id,
       l.summary, l.ip, u.full_name AS user, u.email,
       e.name_ar AS entity_ar, e.name_en AS entity_en, l.details,
       (SELECT r.activity_id FROM articles r
         WHERE l.object_type = 'article' AND r.id = l.object_id)
         AS article_activity
  FROM audit_log l
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN entities e ON e.id = l.entity_id
 WHERE (:entity IS NULL OR l.entity_id = :entity)
   AND (:action IS NULL OR l.action = :action)
   AND (:user IS NULL OR u.email = :user)
   AND (:from IS NULL OR l.at >= :from)
   AND (:to IS NULL OR l.at < :to + INTERVAL 1 DAY)
   AND l.id < :before
 ORDER BY l.id DESC
 LIMIT :limit;

-- name: audit_export
-- param: entity s, action s, user s, from s, to s
-- shape: audit_row
SELECT l.id, l.at AS at_utc, l.role, l.action, l.object_type, l.object_id,
       l.summary, l.ip, u.full_name AS user, u.email,
       e.name_ar AS entity_ar, e.name_en AS entity_en
  FROM audit_log l
  LEFT JOIN users u ON u.id = l.user_id
  LEFT JOIN entities e ON e.id = l.entity_id
 WHERE (:entity IS NULL OR l.entity_id = :entity)
   AND (:action IS NULL OR l.action = :action)
   AND (:user IS NULL OR u.email = :user)
   AND (:from IS NULL OR l.at >= :from)
   AND (:to IS NULL OR l.at < :to + INTERVAL 1 DAY)
 ORDER BY l.id DESC;

-- name: audit_actions
-- The actions recorded so far, for the filter.  Not paged: they are the
-- action names the programs write (entity.create, user.deactivate, …),
-- a few dozen fixed in the code.
SELECT DISTINCT action FROM audit_log ORDER BY action;

-- name: audit_entities
-- The entity filter's choices (the ministry admin's page).  Not paged:
-- a few hundred entities at most (see entity_list).
SELECT id, name_ar, name_en FROM entities ORDER BY name_ar, id;
