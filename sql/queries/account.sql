-- Citizens' accounts: registration, verification, reset, profile,
-- deletion (fcgi/public/page_account.c).

-- name: account_insert
-- param: kind s, email s, password_hash s, full_name s, org_name s, org_reg_no s, contact_person s, mobile s, lang s
INSERT INTO users (kind, email, password_hash, full_name, org_name,
                   org_reg_no, contact_person, mobile, lang, role, active,
                   created_at, updated_at)
VALUES (:kind, :email, :password_hash, :full_name, :org_name, :org_reg_no,
        :contact_person, :mobile, :lang, 'citizen', 1, UTC_TIMESTAMP(),
        UTC_TIMESTAMP());

-- name: account_by_email
-- param: email s
SELECT id, full_name, lang, email_verified_at IS NOT NULL AS verified, active
  FROM users WHERE email = :email AND deleted_at IS NULL;

-- name: token_insert
-- param: hash b, user u, purpose s, minutes i
INSERT INTO tokens (token_hash, user_id, purpose, created_at, expires_at)
VALUES (:hash, :user, :purpose, UTC_TIMESTAMP(),
        UTC_TIMESTAMP() + INTERVAL :minutes MINUTE);

-- name: token_get
-- A usable token: right purpose, not used, not expired, live account;
-- what the account is known by (a new password must not be made of it).
-- param: hash b, purpose s
SELECT t.user_id, u.email, u.full_name, u.org_name, u.lang
  FROM tokens t JOIN users u ON u.id = t.user_id
 WHERE t.token_hash = :hash AND t.purpose = :purpose AND t.used_at IS NULL
   AND t.expires_at > UTC_TIMESTAMP() AND u.deleted_at IS NULL
   AND u.active = 1;

-- name: token_use
-- param: hash b
UPDATE tokens SET used_at = UTC_TIMESTAMP()
 WHERE token_hash = :hash AND used_at IS NULL;

-- name: token_void_user
-- Earlier links of the same purpose stop working when a new one is sent.
-- param: user u, purpose s
UPDATE tokens SET used_at = UTC_TIMESTAMP()
 WHERE user_id = :user AND purpose = :purpose AND used_at IS NULL;

-- name: account_verify
-- param: id u
UPDATE users SET email_verified_at = COALESCE(email_verified_at,
       UTC_TIMESTAMP()), updated_at = UTC_TIMESTAMP()
 WHERE id = :id;

-- name: account_get
-- param: id u
SELECT id, kind, email, full_name, org_name, org_reg_no, contact_person,
       mobile, lang, created_at, password_hash
  FROM users WHERE id = :id AND deleted_at IS NULL;

-- name: account_update
-- param: full_name s, org_name s, org_reg_no s, contact_person s, mobile s, lang s, id u
UPDATE users SET full_name = :full_name, org_name = :org_name,
       org_reg_no = :org_reg_no, contact_person = :contact_person,
       mobile = :mobile, lang = :lang, updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND deleted_at IS NULL;

-- name: account_erase
-- Personal data erased; the row stays so contributions keep their ids.
-- param: id u
UPDATE users SET email = NULL, password_hash = NULL, full_name = '',
       org_name = NULL, org_reg_no = NULL, contact_person = NULL,
       mobile = NULL, active = 0, deleted_at = UTC_TIMESTAMP(),
       updated_at = UTC_TIMESTAMP()
 WHERE id = :id AND deleted_at IS NULL;

-- name: account_anonymise_comments
-- param: user u
UPDATE comments SET user_id = NULL, ip = NULL WHERE user_id = :user;

-- name: account_anonymise_responses
-- param: user u
UPDATE responses SET user_id = NULL WHERE user_id = :user;

-- name: account_tokens_delete
-- param: user u
DELETE FROM tokens WHERE user_id = :user;

-- name: me_comments
-- "My participation": the user's latest :limit comments, whatever their
-- state (not paged yet: the page shows a window).
-- param: user u, limit i
-- shape: comment
SELECT /*@comment_columns*/
  FROM comments c /*@comment_joins*/
 WHERE c.user_id = :user
 ORDER BY c.id DESC
 LIMIT :limit;

-- name: me_responses
-- The user's latest :limit survey answers and votes.
-- param: user u, limit i
SELECT r.id, r.submitted_at, a.id AS activity_id, a.kind, a.title_ar,
       a.title_en, a.state
  FROM responses r JOIN activities a ON a.id = r.activity_id
 WHERE r.user_id = :user
 ORDER BY r.id DESC
 LIMIT :limit;

-- name: me_requests
-- The user's latest :limit requests.
-- param: user u, limit i
SELECT q.id, q.ref_no, q.state, q.created_at, q.subject,
       t.name_ar AS type_name_ar, t.name_en AS type_name_en
  FROM requests q JOIN request_types t ON t.id = q.type_id
 WHERE q.requester_id = :user
 ORDER BY q.id DESC
 LIMIT :limit;
