-- Citizen initiatives (issue 19; domain.md §2, the collaboration axis):
-- drafted by a signed-in user with co-promoters, admitted or refused by
-- the entity's liaison officer, supported online and on paper, answered
-- by the entity once the threshold is reached (fcgi/domain/initiative.h).
--
-- The initiative record: every statement under "-- shape: initiative"
-- selects these columns; initiative_fill() is the one reader.

-- fragment: ini_columns
i.id, i.entity_id, i.author_id, i.title, i.body, i.ask, i.category,
       i.lang, i.state, i.supporters, i.paper_supports, i.threshold,
       i.created_at, i.submitted_at, i.admit_due_at, i.moderated_at,
       i.refuse_reason, i.supports_open_at, i.supports_close_at,
       i.reached_at, i.answer_due_at, i.answer_days_late,
       i.entity_reply_ar, i.entity_reply_en, i.outcome, i.replied_at,
       e.slug AS entity_slug, e.name_ar AS entity_name_ar,
       e.name_en AS entity_name_en, u.full_name AS author_name

-- fragment: ini_joins
  JOIN entities e ON e.id = i.entity_id
  LEFT JOIN users u ON u.id = i.author_id

-- fragment: ini_public
i.state NOT IN ('draft', 'pending')

-- name: ini_get
-- One initiative, any state (pages decide who sees it).
-- param: id u
-- shape: initiative
SELECT /*@ini_columns*/
  FROM initiatives i /*@ini_joins*/
 WHERE i.id = :id;

-- name: ini_public_list
-- Initiatives past their admission (admitted, refused, answered …),
-- newest first; :entity '' and :state '' for all; keyset: older than
-- :before (0 for the first page); :limit = shown + 1.
-- param: entity s, state s, before u, limit i
-- shape: initiative
SELECT /*@ini_columns*/
  FROM initiatives i /*@ini_joins*/
 WHERE /*@ini_public*/
   AND (:entity = '' OR e.slug = :entity)
   AND (:state = '' OR i.state = :state)
   AND (:before = 0 OR i.id < :before)
 ORDER BY i.id DESC
 LIMIT :limit;

-- name: ini_feed
-- The newest admitted initiatives (the Atom feed), by admission.
-- param: limit i
-- shape: initiative
SELECT /*@ini_columns*/
  FROM initiatives i /*@ini_joins*/
 WHERE i.supports_open_at IS NOT NULL AND /*@ini_public*/
 ORDER BY i.supports_open_at DESC, i.id DESC
 LIMIT :limit;

-- name: ini_mine
-- The signed-in user's own initiatives, any state.
-- param: user u
-- shape: initiative
SELECT /*@ini_columns*/
  FROM initiatives i /*@ini_joins*/
 WHERE i.author_id = :user
 ORDER BY i.id DESC
 LIMIT 50;

-- name: ini_staff_list
-- The initiatives addressed to entity :entity (every entity when :all),
-- submitted ones only, the most urgent first: owed answers and pending
-- admissions by their due date.
-- param: entity u, all i
-- shape: initiative
SELECT /*@ini_columns*/
  FROM initiatives i /*@ini_joins*/
 WHERE i.state <> 'draft' AND (:all = 1 OR i.entity_id = :entity)
 ORDER BY FIELD(i.state, 'threshold', 'pending', 'published', 'closed',
          'answered', 'rejected'),
          COALESCE(i.answer_due_at, i.admit_due_at, i.supports_close_at),
          i.id DESC
 LIMIT 500;

-- name: ini_entities
-- The entities an initiative can be addressed to (the form's choices,
-- the list's filter).
SELECT e.id, e.slug, e.name_ar, e.name_en
  FROM entities e
 WHERE e.active = 1
 ORDER BY e.name_ar;

-- name: ini_entity_by_slug
-- param: slug s
SELECT e.id, e.name_ar, e.name_en FROM entities e
 WHERE e.slug = :slug AND e.active = 1;

-- name: ini_rules_get
-- The entity's rules (no row: the defaults of initiative.h).
-- param: entity u
SELECT r.admit_days, r.support_days, r.threshold, r.answer_days
  FROM initiative_rules r WHERE r.entity_id = :entity;

-- name: ini_rules_set
-- param: entity u, admit i, support i, threshold i, answer i
INSERT INTO initiative_rules (entity_id, admit_days, support_days,
       threshold, answer_days, updated_at)
VALUES (:entity, :admit, :support, :threshold, :answer, UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE admit_days = VALUES(admit_days),
       support_days = VALUES(support_days), threshold = VALUES(threshold),
       answer_days = VALUES(answer_days), updated_at = UTC_TIMESTAMP();

-- name: ini_insert
-- A new initiative, a draft (co-promoters to confirm) or submitted.
-- param: entity u, author u, title s, body s, ask s, category s, lang s, state s
INSERT INTO initiatives (entity_id, author_id, title, body, ask, category,
       lang, state, created_at, updated_at)
VALUES (:entity, :author, :title, :body, :ask, :category, :lang, :state,
       UTC_TIMESTAMP(), UTC_TIMESTAMP());

-- name: ini_submit
-- A draft goes to the entity; it must admit or refuse it by :due_unix.
-- param: id u, due_unix i
UPDATE initiatives
   SET state = 'pending', submitted_at = UTC_TIMESTAMP(),
       admit_due_at = FROM_UNIXTIME(:due_unix), updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state IN ('draft', 'pending') AND submitted_at IS NULL;

-- name: ini_promoter_add
-- param: id u, email s
INSERT IGNORE INTO initiative_promoters (initiative_id, email)
VALUES (:id, :email);

-- name: ini_promoters
-- The co-promoters named, confirmed or not, with their account's name.
-- param: id u
SELECT p.email, p.confirmed_at, u.full_name
  FROM initiative_promoters p LEFT JOIN users u ON u.email = p.email
 WHERE p.initiative_id = :id
 ORDER BY p.email;

-- name: ini_promoter_confirm
-- param: id u, email s
UPDATE initiative_promoters SET confirmed_at = UTC_TIMESTAMP()
 WHERE initiative_id = :id AND email = :email AND confirmed_at IS NULL;

-- name: ini_support_add
-- One support per account: a second one is not stored (0 rows).
-- param: id u, user u
INSERT IGNORE INTO initiative_supports (initiative_id, user_id, at)
VALUES (:id, :user, UTC_TIMESTAMP());

-- name: ini_supports_up
-- The counter of online supports, in the support's transaction.
-- param: id u
UPDATE initiatives SET supporters = supporters + 1,
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: ini_supported
-- Whether :user supports initiative :id.
-- param: id u, user u
SELECT COUNT(*) AS n FROM initiative_supports
 WHERE initiative_id = :id AND user_id = :user;

-- name: ini_reach
-- The threshold is reached (online + paper): the entity owes its answer
-- by :due_unix.  0 rows when not yet, or already.
-- param: id u, due_unix i
UPDATE initiatives
   SET state = 'threshold', reached_at = UTC_TIMESTAMP(),
       answer_due_at = FROM_UNIXTIME(:due_unix), updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'published' AND threshold > 0
   AND supporters + paper_supports >= threshold;

-- name: ini_admit
-- The liaison officer admits a submitted initiative: supports are
-- collected until :close_unix, :threshold of them oblige an answer.
-- param: id u, by u, close_unix i, threshold i
UPDATE initiatives
   SET state = 'published', moderated_by = :by, moderated_at = UTC_TIMESTAMP(),
       supports_open_at = UTC_TIMESTAMP(),
       supports_close_at = FROM_UNIXTIME(:close_unix),
       threshold = :threshold, updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'pending';

-- name: ini_refuse
-- The liaison officer refuses it with a public reason.
-- param: id u, by u, reason s
UPDATE initiatives
   SET state = 'rejected', moderated_by = :by, moderated_at = UTC_TIMESTAMP(),
       refuse_reason = :reason, updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'pending';

-- name: ini_paper_add
-- A batch of paper supports entered by staff.
-- param: id u, batch s, supports i, by u
INSERT INTO initiative_paper_batches (initiative_id, batch, supports,
       entered_by, at)
VALUES (:id, :batch, :supports, :by, UTC_TIMESTAMP());

-- name: ini_paper_up
-- Paper supports count while supports are collected.
-- param: id u, supports i
UPDATE initiatives SET paper_supports = paper_supports + :supports,
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'published';

-- name: ini_paper_list
-- param: id u
SELECT b.id, b.batch, b.supports, b.at, u.full_name AS entered_by
  FROM initiative_paper_batches b JOIN users u ON u.id = b.entered_by
 WHERE b.initiative_id = :id
 ORDER BY b.id;

-- name: ini_answer
-- The entity's answer and its outcome, published.
-- param: id u, by u, reply_ar s, reply_en s, outcome s
UPDATE initiatives
   SET state = 'answered', entity_reply_ar = :reply_ar,
       entity_reply_en = :reply_en, outcome = :outcome,
       replied_at = UTC_TIMESTAMP(), replied_by = :by,
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'threshold';

-- name: ini_recipients
-- Who hears of an initiative's news: its author and confirmed
-- co-promoters, and with :supporters = 1 its online supporters, each
-- once, in their own language (co-promoters without an account: the
-- initiative's language).
-- param: id u, supporters i
SELECT u.email, u.lang
  FROM initiatives i JOIN users u ON u.id = i.author_id
 WHERE i.id = :id AND u.email IS NOT NULL AND u.deleted_at IS NULL
UNION
SELECT p.email, COALESCE(u.lang, i.lang) AS lang
  FROM initiative_promoters p JOIN initiatives i ON i.id = p.initiative_id
  LEFT JOIN users u ON u.email = p.email
 WHERE p.initiative_id = :id AND p.confirmed_at IS NOT NULL
UNION
SELECT u.email, u.lang
  FROM initiative_supports s JOIN users u ON u.id = s.user_id
 WHERE :supporters = 1 AND s.initiative_id = :id AND u.email IS NOT NULL
   AND u.deleted_at IS NULL;

-- name: ini_tick_expired
-- Admitted initiatives whose support period has ended.
SELECT i.id FROM initiatives i
 WHERE i.state = 'published' AND i.supports_close_at <= UTC_TIMESTAMP()
 ORDER BY i.id LIMIT 200;

-- name: ini_close
-- The period ended below the threshold (0 rows if reached meanwhile).
-- param: id u
UPDATE initiatives SET state = 'closed', updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND state = 'published' AND supports_close_at <= UTC_TIMESTAMP();

-- name: ini_tick_owed
-- Answers owed, with their due date and days late as stored.
SELECT i.id, i.answer_due_at, i.answer_days_late FROM initiatives i
 WHERE i.state = 'threshold' AND i.answer_due_at IS NOT NULL
 ORDER BY i.id LIMIT 1000;

-- name: ini_late_set
-- param: id u, late i
UPDATE initiatives SET answer_days_late = :late
 WHERE id = :id AND state = 'threshold';
