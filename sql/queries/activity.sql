-- The activity record (struct activity, fcgi/domain/activity.h): every
-- statement that returns activities selects these columns, in this
-- order, under "-- shape: activity", and activity_fill() is the one
-- function that reads them.  Write
--
--   SELECT /*@activity_columns*/, /*@reader_is_target*/ AS reader_is_target
--     FROM <activities or listed_activities> a /*@activity_joins*/
--
-- on the public site, and 0 AS reader_is_target where the audience does
-- not decide (staff pages).

-- fragment: activity_pending
-- Activity a's comments awaiting moderation and its participants: the
-- row's own count plus its shards in activity_counts, where each new
-- comment counts itself (sql/migrations/0032_page_generations.sql: one
-- row per activity would queue every comment on it).
(a.comments_pending + COALESCE((SELECT SUM(x.pending) FROM activity_counts x
                                 WHERE x.activity_id = a.id), 0))

-- fragment: activity_participants
(a.participants + COALESCE((SELECT SUM(x.participants) FROM activity_counts x
                             WHERE x.activity_id = a.id), 0))

-- fragment: activity_columns
a.id, a.kind, a.entity_id, a.author_id, a.audience, a.urgent, a.state,
       a.title_ar, a.title_en, a.summary_ar, a.summary_en,
       a.objectives_ar, a.objectives_en, a.announcements_ar,
       a.announcements_en, a.doc_kind, a.document_upload_id,
       a.publish_at, a.closes_at, a.original_closes_at, a.results_due_at,
       a.final_publication_at, a.extended_seconds, a.return_reason,
       a.version, /*@activity_pending*/ AS comments_pending,
       a.comments_published, /*@activity_participants*/ AS participants,
       a.updated_at,
       e.name_ar AS entity_name_ar, e.name_en AS entity_name_en,
       e.slug AS entity_slug, e.parent_id AS entity_parent_id,
       au.full_name AS author_name,
       d.stored_name AS document_stored_name,
       d.original_name AS document_name, d.size AS document_size,
       a.report_due_at, a.report_days_late

-- fragment: reader_is_target
-- Whether the signed-in :reader (0: anonymous) is addressed by the
-- restricted activity a: the one place this is written.  The same as
-- the view activity_readers (0005_visibility.sql: staff of a target
-- entity, members of a target group) asked of the base tables, one
-- index look-up each: MariaDB built the view's union for every activity
-- asked (1.8 ms of a signed-in reader's comment, issue 17).  Neither
-- runs for an anonymous reader or an activity that is not restricted.
(:reader <> 0 AND a.audience = 'restricted'
   AND (EXISTS (SELECT 1 FROM activity_targets t JOIN users u ON u.entity_id = t.entity_id
                 WHERE t.activity_id = a.id AND u.id = :reader)
        OR EXISTS (SELECT 1 FROM activity_targets t JOIN user_group_members m
                     ON m.group_id = t.group_id
                    WHERE t.activity_id = a.id AND m.user_id = :reader)))

-- fragment: activity_joins
  JOIN entities e ON e.id = a.entity_id
  LEFT JOIN users au ON au.id = a.author_id
  LEFT JOIN uploads d ON d.id = a.document_upload_id

-- name: activity_by_id
-- One activity, for any page (the public site then asks
-- activity_visible(); staff pages their permission).  :reader is the
-- signed-in user (0: anonymous).
-- param: id u, reader u
-- shape: activity
SELECT /*@activity_columns*/, /*@reader_is_target*/ AS reader_is_target
  FROM activities a /*@activity_joins*/
 WHERE a.id = :id;
