-- The entity blog (issue 16; Oman's guide: an article every three
-- months): drafts and their review for staff, published articles for
-- everyone.  A draft has published_at NULL and is never public.

-- fragment: blog_public
b.published_at IS NOT NULL AND b.published_at <= UTC_TIMESTAMP()

-- name: blog_public_list
-- Published articles, newest first, of every entity or of the one with
-- slug :entity; keyset: older than article :before (0 for the first
-- page); :limit = shown + 1.
-- param: entity s, before u, limit i
SELECT b.id, b.title_ar, b.title_en, b.summary_ar, b.summary_en,
       b.published_at, b.updated_at, e.slug AS entity_slug,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en
  FROM blog_posts b JOIN entities e ON e.id = b.entity_id
 WHERE /*@blog_public*/
   AND (:entity IS NULL OR e.slug = :entity)
   AND (:before = 0 OR (b.published_at, b.id) <
        (SELECT p.published_at, p.id FROM blog_posts p WHERE p.id = :before))
 ORDER BY b.published_at DESC, b.id DESC
 LIMIT :limit;

-- name: blog_public_get
-- One published article.
-- param: id u
SELECT b.id, b.title_ar, b.title_en, b.summary_ar, b.summary_en,
       b.body_ar, b.body_en, b.published_at, e.slug AS entity_slug,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en
  FROM blog_posts b JOIN entities e ON e.id = b.entity_id
 WHERE b.id = :id AND /*@blog_public*/;

-- name: blog_entity_name
-- The entity a public list is filtered on.
-- param: slug s
SELECT e.name_ar, e.name_en FROM entities e WHERE e.slug = :slug;

-- name: blog_staff_list
-- The articles of entity :entity, every state, newest first.
-- param: entity u
SELECT b.id, b.title_ar, b.title_en, b.published_at, b.returned_at,
       b.created_at, b.updated_at
  FROM blog_posts b
 WHERE b.entity_id = :entity
 ORDER BY b.published_at IS NOT NULL, COALESCE(b.published_at, b.updated_at) DESC, b.id DESC
 LIMIT 200;

-- name: blog_get
-- One article for staff, any state.
-- param: id u
SELECT b.id, b.entity_id, b.author_id, b.title_ar, b.title_en,
       b.summary_ar, b.summary_en, b.body_ar, b.body_en, b.published_at,
       b.return_reason, b.returned_at
  FROM blog_posts b
 WHERE b.id = :id;

-- name: blog_insert
-- A new draft.
-- param: entity u, author u, title_ar s, title_en s, summary_ar s, summary_en s, body_ar s, body_en s
INSERT INTO blog_posts (entity_id, author_id, title_ar, title_en,
       summary_ar, summary_en, body_ar, body_en, created_at, updated_at)
VALUES (:entity, :author, :title_ar, :title_en, :summary_ar, :summary_en,
       :body_ar, :body_en, UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: blog_update
-- A draft edited; a published article is left alone (0 rows).
-- param: id u, title_ar s, title_en s, summary_ar s, summary_en s, body_ar s, body_en s
UPDATE blog_posts
   SET title_ar = :title_ar, title_en = :title_en,
       summary_ar = :summary_ar, summary_en = :summary_en,
       body_ar = :body_ar, body_en = :body_en, returned_at = NULL,
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND published_at IS NULL;

-- name: blog_publish
-- The liaison officer publishes a draft (0 rows when already published).
-- param: id u, by u
UPDATE blog_posts
   SET published_at = UTC_TIMESTAMP(), updated_at = UTC_TIMESTAMP(),
       published_by = :by, return_reason = NULL, returned_at = NULL
 WHERE id = :id AND published_at IS NULL;

-- name: blog_return
-- The liaison officer returns a draft to its author with a reason.
-- param: id u, reason s
UPDATE blog_posts
   SET return_reason = :reason, returned_at = UTC_TIMESTAMP(),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND published_at IS NULL;
