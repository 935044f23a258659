-- Citizens' accounts: registration, verification, reset, profile,
-- deletion (fcgi/public/page_account.c).

-- name: account_insert
INSERT INTO users (kind, email, password_hash, full_name, org_name,
                   org_reg_no, contact_person, mobile, lang, role, active,
                   created_at, updated_at)
VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, 'citizen', 1, UTC_TIMESTAMP(),
        UTC_TIMESTAMP());

-- name: account_by_email
SELECT id, full_name, lang, email_verified_at IS NOT NULL, active
  FROM users WHERE email = ? AND deleted_at IS NULL;

-- name: token_insert
INSERT INTO tokens (token_hash, user_id, purpose, created_at, expires_at)
VALUES (?, ?, ?, UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL ? MINUTE);

-- name: token_get
-- A usable token: right purpose, not used, not expired, live account.
SELECT t.user_id, u.email, u.full_name, u.lang
  FROM tokens t JOIN users u ON u.id = t.user_id
 WHERE t.token_hash = ? AND t.purpose = ? AND t.used_at IS NULL
   AND t.expires_at > UTC_TIMESTAMP() AND u.deleted_at IS NULL
   AND u.active = 1;

-- name: token_use
UPDATE tokens SET used_at = UTC_TIMESTAMP()
 WHERE token_hash = ? AND used_at IS NULL;

-- name: token_void_user
-- Earlier links of the same purpose stop working when a new one is sent.
UPDATE tokens SET used_at = UTC_TIMESTAMP()
 WHERE user_id = ? AND purpose = ? AND used_at IS NULL;

-- name: account_verify
UPDATE users SET email_verified_at = COALESCE(email_verified_at,
       UTC_TIMESTAMP()), updated_at = UTC_TIMESTAMP()
 WHERE id = ?;

-- name: account_get
SELECT id, kind, email, full_name, org_name, org_reg_no, contact_person,
       mobile, lang, created_at, password_hash
  FROM users WHERE id = ? AND deleted_at IS NULL;

-- name: account_update
UPDATE users SET full_name = ?, org_name = ?, org_reg_no = ?,
       contact_person = ?, mobile = ?, lang = ?, updated_at = UTC_TIMESTAMP()
 WHERE id = ? AND deleted_at IS NULL;

-- name: account_erase
-- Personal data erased; the row stays so contributions keep their ids.
UPDATE users SET email = NULL, password_hash = NULL, full_name = '',
       org_name = NULL, org_reg_no = NULL, contact_person = NULL,
       mobile = NULL, active = 0, deleted_at = UTC_TIMESTAMP(),
       updated_at = UTC_TIMESTAMP()
 WHERE id = ? AND deleted_at IS NULL;

-- name: account_anonymise_comments
UPDATE comments SET user_id = NULL, ip = NULL WHERE user_id = ?;

-- name: account_anonymise_responses
UPDATE responses SET user_id = NULL WHERE user_id = ?;

-- name: account_tokens_delete
DELETE FROM tokens WHERE user_id = ?;

-- name: me_comments
SELECT c.id, c.status, c.body, c.received_at, c.entity_position,
       c.entity_reply_ar, c.entity_reply_en, a.id, a.title_ar, a.title_en,
       ar.number_label, mr.label_ar, mr.label_en
  FROM comments c
  JOIN activities a ON a.id = c.activity_id
  LEFT JOIN articles ar ON ar.id = c.article_id
  LEFT JOIN moderation_reasons mr ON mr.id = c.reject_reason_id
 WHERE c.user_id = ?
 ORDER BY c.id DESC
 LIMIT 50;

-- name: me_responses
SELECT r.id, r.submitted_at, a.id, a.kind, a.title_ar, a.title_en, a.state
  FROM responses r JOIN activities a ON a.id = r.activity_id
 WHERE r.user_id = ?
 ORDER BY r.id DESC
 LIMIT 50;

-- name: me_requests
SELECT q.id, q.ref_no, q.state, q.created_at, q.subject, t.name_ar, t.name_en
  FROM requests q JOIN request_types t ON t.id = q.type_id
 WHERE q.requester_id = ?
 ORDER BY q.id DESC
 LIMIT 50;
