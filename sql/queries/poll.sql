-- Votes on a draft attached to a consultation (issue 12; Jordan OGP
-- commitment 2), and poll settings.  The counters live on activity_votes
-- and change in the vote's transaction.

-- name: vote_get
-- The vote attached to activity :activity, its counters and the
-- reader's own vote (0: anonymous).
-- param: activity u, user u
SELECT v.question_ar, v.question_en, v.votes_for, v.votes_against,
       v.votes_abstain,
       (SELECT d.choice FROM draft_votes d
         WHERE d.activity_id = v.activity_id AND d.user_id = :user)
         AS my_choice,
       (SELECT d.reason FROM draft_votes d
         WHERE d.activity_id = v.activity_id AND d.user_id = :user)
         AS my_reason
  FROM activity_votes v WHERE v.activity_id = :activity;

-- name: vote_lock
-- param: activity u
SELECT v.activity_id, a.state, a.closes_at
  FROM activity_votes v JOIN activities a ON a.id = v.activity_id
 WHERE v.activity_id = :activity LOCK IN SHARE MODE;

-- name: vote_mine
-- param: activity u, user u
SELECT d.id, d.choice FROM draft_votes d
 WHERE d.activity_id = :activity AND d.user_id = :user FOR UPDATE;

-- name: vote_insert
-- param: activity u, user u, choice s, reason s
INSERT INTO draft_votes (activity_id, user_id, voter_key, choice, reason, at)
VALUES (:activity, :user,
        UNHEX(SHA2(CONCAT('sharek-vote-', :activity, '-', :user), 256)),
        :choice, :reason, UTC_TIMESTAMP());

-- name: vote_update
-- param: id u, choice s, reason s
UPDATE draft_votes SET choice = :choice, reason = :reason,
       updated_at = UTC_TIMESTAMP(), changes = changes + 1
 WHERE id = :id;

-- name: vote_count
-- Moves one vote from :old (NULL for a new vote) to :choice.
-- param: activity u, choice s, old s
UPDATE activity_votes
   SET votes_for = votes_for + (:choice = 'for') - COALESCE(:old = 'for', 0),
       votes_against = votes_against + (:choice = 'against')
                       - COALESCE(:old = 'against', 0),
       votes_abstain = votes_abstain + (:choice = 'abstain')
                       - COALESCE(:old = 'abstain', 0)
 WHERE activity_id = :activity;

-- name: vote_attach
-- Staff: attach (or reword) the vote of a consultation.
-- param: activity u, question_ar s, question_en s, user u
INSERT INTO activity_votes (activity_id, question_ar, question_en,
                            created_by, created_at)
VALUES (:activity, :question_ar, :question_en, :user, UTC_TIMESTAMP())
ON DUPLICATE KEY UPDATE question_ar = VALUES(question_ar),
       question_en = VALUES(question_en);

-- name: poll_results_set
-- param: activity u, results s
INSERT INTO poll_settings (activity_id, results) VALUES (:activity, :results)
ON DUPLICATE KEY UPDATE results = VALUES(results);

-- name: vote_anonymise
-- An account deleted: its votes on drafts stay counted, without it (the
-- voter key still stops a second vote).
-- param: user u
UPDATE draft_votes SET user_id = NULL WHERE user_id = :user;
