-- Participatory budgeting (issue 19; domain.md §2).  Money comes out in
-- minor units (1/1000) as integers; fcgi/domain/budget.h counts in them.

-- name: budget_list
-- Budgets past their draft, newest first; :entity 0 and :state '' for
-- all.  The ballots include paper copies.
-- param: entity u, state s
SELECT b.id, b.entity_id, e.name_ar AS entity_ar, e.name_en AS entity_en,
       b.state, b.title_ar, b.title_en,
       CAST(ROUND(b.total_amount * 1000) AS SIGNED) AS total_minor,
       b.currency, b.opens_at, b.closes_at, b.proposals_close_at,
       (SELECT COUNT(*) FROM budget_projects p WHERE p.budget_id = b.id)
         AS projects,
       (SELECT COUNT(*) FROM budget_ballots x WHERE x.budget_id = b.id)
       + (SELECT COALESCE(SUM(x.copies), 0) FROM budget_paper_ballots x
           WHERE x.budget_id = b.id) AS ballots
  FROM budgets b JOIN entities e ON e.id = b.entity_id
 WHERE b.state <> 'draft'
   AND (:entity = 0 OR b.entity_id = :entity)
   AND (:state = '' OR b.state = :state)
 ORDER BY b.opens_at DESC, b.id DESC
 LIMIT 100;

-- name: budget_entities
-- The entities that have a budget past its draft (the list's filter).
SELECT DISTINCT e.id, e.name_ar, e.name_en
  FROM budgets b JOIN entities e ON e.id = b.entity_id
 WHERE b.state <> 'draft' ORDER BY e.name_ar;

-- name: budget_get
-- param: id u
SELECT b.id, b.entity_id, e.name_ar AS entity_ar, e.name_en AS entity_en,
       b.state, b.title_ar, b.title_en, b.description_ar,
       b.description_en,
       CAST(ROUND(b.total_amount * 1000) AS SIGNED) AS total_minor,
       b.currency, b.area_ar, b.area_en, b.ballot_rule, b.method,
       b.min_projects, b.max_projects, b.min_share_pct, b.min_votes,
       b.votes_per_user, b.proposals_close_at, b.opens_at, b.closes_at,
       b.results_published_at
  FROM budgets b JOIN entities e ON e.id = b.entity_id
 WHERE b.id = :id AND b.state <> 'draft';

-- name: budget_projects
-- param: budget u
SELECT p.id, p.position, p.title_ar, p.title_en, p.description_ar,
       p.description_en, CAST(ROUND(p.cost * 1000) AS SIGNED) AS cost_minor,
       p.location, p.feasible, p.review_reason, p.override_won,
       p.override_reason
  FROM budget_projects p WHERE p.budget_id = :budget
 ORDER BY p.position, p.id;

-- name: budget_online
-- Every online ballot's selections, a ballot's rows together.
-- param: budget u
SELECT v.user_id, v.project_id FROM budget_votes v
 WHERE v.budget_id = :budget ORDER BY v.user_id, v.project_id;

-- name: budget_paper
-- Every paper ballot's selections with its copies.
-- param: budget u
SELECT x.id, x.copies, c.project_id
  FROM budget_paper_ballots x
  JOIN budget_paper_choices c ON c.ballot_id = x.id
 WHERE x.budget_id = :budget ORDER BY x.id, c.project_id;

-- name: budget_ballot_counts
-- Online ballots (blank ones too) and paper copies.
-- param: budget u
SELECT (SELECT COUNT(*) FROM budget_ballots x WHERE x.budget_id = :budget)
         AS online,
       (SELECT COALESCE(SUM(x.copies), 0) FROM budget_paper_ballots x
         WHERE x.budget_id = :budget) AS paper;

-- name: budget_mine
-- The reader's selections and whether there is a ballot at all.
-- param: budget u, user u
SELECT v.project_id FROM budget_votes v
 WHERE v.budget_id = :budget AND v.user_id = :user;

-- name: budget_lock
-- The budget's state while a ballot is written.
-- param: id u
SELECT b.state, b.opens_at, b.closes_at FROM budgets b
 WHERE b.id = :id LOCK IN SHARE MODE;

-- name: budget_ballot_put
-- One ballot per account: a second one replaces it (changes counted).
-- param: budget u, user u
INSERT INTO budget_ballots (budget_id, user_id, at)
VALUES (:budget, :user, UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE changes = changes + 1, at = UTC_TIMESTAMP();

-- name: budget_votes_clear
-- param: budget u, user u
DELETE FROM budget_votes WHERE budget_id = :budget AND user_id = :user;

-- name: budget_vote_add
-- A selection, only of a feasible project of this budget.
-- param: budget u, project u, user u
INSERT INTO budget_votes (budget_id, project_id, user_id, at)
SELECT p.budget_id, p.id, :user, UTC_TIMESTAMP()
  FROM budget_projects p
 WHERE p.id = :project AND p.budget_id = :budget AND p.feasible = 1;

-- name: budget_override
-- Staff: a project's result set against the rule, with a public reason
-- (:rule 1, :reason NULL: back to the rule).
-- param: budget u, project u, won i, rule i, reason s
UPDATE budget_projects
   SET override_won = IF(:rule = 1, NULL, :won), override_reason = :reason
 WHERE id = :project AND budget_id = :budget;

-- name: budget_paper_add
-- Staff: one row of a batch of paper ballots, :copies identical ones.
-- param: budget u, batch s, copies u, by u
INSERT INTO budget_paper_ballots (budget_id, batch, copies, entered_by, at)
VALUES (:budget, :batch, :copies, :by, UTC_TIMESTAMP());

-- name: budget_paper_choice
-- param: ballot u, project u, budget u
INSERT INTO budget_paper_choices (ballot_id, project_id)
SELECT :ballot, p.id FROM budget_projects p
 WHERE p.id = :project AND p.budget_id = :budget AND p.feasible = 1;

-- name: budget_staff_list
-- The budgets of entity :entity (every entity when :all), drafts too,
-- with their projects and those still to review (no public reason yet).
-- param: entity u, all i
SELECT b.id, e.name_ar AS entity_ar, e.name_en AS entity_en, b.state,
       b.title_ar, b.title_en, b.proposals_close_at, b.opens_at,
       b.closes_at,
       (SELECT COUNT(*) FROM budget_projects p WHERE p.budget_id = b.id)
         AS projects,
       (SELECT COUNT(*) FROM budget_projects p WHERE p.budget_id = b.id
           AND p.review_reason IS NULL) AS to_review
  FROM budgets b JOIN entities e ON e.id = b.entity_id
 WHERE :all = 1 OR b.entity_id = :entity
 ORDER BY b.opens_at DESC, b.id DESC
 LIMIT 200;

-- name: budget_project_add
-- A project proposed by a citizen (:by) or added by staff (:by NULL),
-- last in the budget's order.  :cost in minor units (1/1000).
-- param: budget u, title_ar s, title_en s, description_ar s, description_en s, cost i, location s, by u
INSERT INTO budget_projects (budget_id, position, title_ar, title_en,
       description_ar, description_en, cost, location, proposed_by)
SELECT :budget, COALESCE(MAX(p.position), 0) + 1, :title_ar, :title_en,
       :description_ar, :description_en, :cost / 1000, :location,
       NULLIF(:by, 0)
  FROM budget_projects p WHERE p.budget_id = :budget;

-- name: budget_project_review
-- The technical review of a project: feasible or not, the public reason
-- and the corrected cost (minor units).
-- param: budget u, project u, feasible i, reason s, cost i
UPDATE budget_projects
   SET feasible = :feasible, review_reason = :reason, cost = :cost / 1000
 WHERE id = :project AND budget_id = :budget;

-- name: budget_project_proposer
-- Who proposed project :project (none: staff added it), to tell them of
-- its review.
-- param: project u
SELECT u.email, u.lang, p.title_ar, p.title_en, p.budget_id
  FROM budget_projects p JOIN users u ON u.id = p.proposed_by
 WHERE p.id = :project AND u.email IS NOT NULL AND u.deleted_at IS NULL;

-- name: budget_draft_get
-- A budget in any state for staff, with its chain's state (drafts too).
-- param: id u
SELECT b.id, b.entity_id, b.state, b.review_state, b.return_reason,
       b.title_ar, b.title_en, b.description_ar, b.description_en,
       CAST(ROUND(b.total_amount * 1000) AS SIGNED) AS total_minor,
       b.currency, b.area_ar, b.area_en, b.ballot_rule, b.method,
       b.min_projects, b.max_projects, b.min_share_pct,
       b.proposals_close_at, b.opens_at, b.closes_at,
       e.name_ar AS entity_ar, e.name_en AS entity_en
  FROM budgets b JOIN entities e ON e.id = b.entity_id
 WHERE b.id = :id;

-- name: budget_create
-- A new budget of entity :entity drafted by :by (not public until the
-- liaison officer approves it).  Amounts in minor units.
-- param: entity u, by u, title_ar s, title_en s, description_ar s, description_en s, total i, currency s, area_ar s, area_en s, ballot_rule s, method s, min_projects i, max_projects i, min_share_pct i, proposals_unix i, opens_unix i, closes_unix i
INSERT INTO budgets (entity_id, state, review_state, title_ar, title_en,
       description_ar, description_en, total_amount, currency, area_ar,
       area_en, ballot_rule, method, min_projects, max_projects,
       min_share_pct, votes_per_user, proposals_close_at, opens_at,
       closes_at, created_by, created_at)
VALUES (:entity, 'draft', 'draft', :title_ar, :title_en, :description_ar,
       :description_en, :total / 1000, :currency, :area_ar, :area_en,
       :ballot_rule, :method, :min_projects, :max_projects, :min_share_pct,
       GREATEST(:max_projects, 1), FROM_UNIXTIME(:proposals_unix),
       FROM_UNIXTIME(:opens_unix), FROM_UNIXTIME(:closes_unix), :by,
       UTC_TIMESTAMP());

-- name: budget_chain_set
-- A step of the review chain from state :from (0 rows when the budget
-- moved meanwhile); :open 1 makes the budget public.
-- param: id u, from s, to s, reason s, open i
UPDATE budgets
   SET review_state = :to, return_reason = :reason,
       state = IF(:open = 1, 'open', state)
 WHERE id = :id AND review_state = :from;
