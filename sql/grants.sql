-- Three database accounts with least privilege, one per program.
-- sharekctl migrate fills @DB@, @…_USER@ and @…_PASSWORD@ and runs this
-- after every migration, so passwords follow the configuration.
--
-- The file is the whole truth: each account loses every privilege first
-- and gets back exactly what is listed, so a privilege removed here is
-- removed from existing databases too.  Only table- and column-level
-- privileges on @DB@; never ALL, never global privileges.
-- No account may UPDATE or DELETE audit_log or workflow_events (append
-- only); only the complaints program reads requests (complainants' data).

CREATE USER IF NOT EXISTS '@PUBLIC_USER@'@'localhost' IDENTIFIED BY '@PUBLIC_PASSWORD@';
ALTER USER '@PUBLIC_USER@'@'localhost' IDENTIFIED BY '@PUBLIC_PASSWORD@';
CREATE USER IF NOT EXISTS '@STAFF_USER@'@'localhost' IDENTIFIED BY '@STAFF_PASSWORD@';
ALTER USER '@STAFF_USER@'@'localhost' IDENTIFIED BY '@STAFF_PASSWORD@';
CREATE USER IF NOT EXISTS '@COMPLAINTS_USER@'@'localhost' IDENTIFIED BY '@COMPLAINTS_PASSWORD@';
ALTER USER '@COMPLAINTS_USER@'@'localhost' IDENTIFIED BY '@COMPLAINTS_PASSWORD@';

REVOKE ALL PRIVILEGES, GRANT OPTION FROM '@PUBLIC_USER@'@'localhost';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '@STAFF_USER@'@'localhost';
REVOKE ALL PRIVILEGES, GRANT OPTION FROM '@COMPLAINTS_USER@'@'localhost';

-- =====================================================================
-- Every program signs people in (fcgi/core: sessions, throttling, form
-- nonces, outbox, audit).
-- =====================================================================
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.sessions TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.login_attempts TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.form_nonces TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT INSERT ON `@DB@`.outbox TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
-- What a visitor can make the portal send, counted (0007_rate_limits.sql).
GRANT SELECT, INSERT, UPDATE ON `@DB@`.rate_limits TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT INSERT ON `@DB@`.audit_log TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.audit_log TO '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
-- Whether a staff member's session still owes its second factor
-- (session_get): the other programs see only whether TOTP is on, never
-- the secret (the staff account's grants on user_totp are below).
GRANT SELECT (user_id, enabled_at) ON `@DB@`.user_totp TO '@PUBLIC_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
-- Reference data and the working-day calendar.
GRANT SELECT ON `@DB@`.entities TO '@PUBLIC_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.entity_sectors TO '@PUBLIC_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.sectors TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.holidays TO '@PUBLIC_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.settings TO '@PUBLIC_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.moderation_reasons TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.request_types TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.request_axes TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
-- Complaint statistics are public (dashboard, open data); aggregates only.
GRANT SELECT ON `@DB@`.kpi_daily TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost';

-- =====================================================================
-- sharek-public: citizens' accounts; reads published participation
-- content (the queries filter by state and audience); writes
-- contributions and the counters that go with them.
-- =====================================================================
GRANT SELECT, INSERT, UPDATE ON `@DB@`.users TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.tokens TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.user_groups TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.user_group_members TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, UPDATE (comments_published, comments_pending, participants) ON `@DB@`.activities TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.activity_sectors TO '@PUBLIC_USER@'@'localhost';
-- The visibility views (0005_visibility.sql), read with the invoker's rights.
GRANT SELECT ON `@DB@`.listed_activities TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.activity_readers TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.activity_targets TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.activity_links TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.activity_versions TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.articles TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.attachments TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.uploads TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.extensions TO '@PUBLIC_USER@'@'localhost';
-- Comments: insert as pending; anonymise one's own on account deletion.
GRANT SELECT, INSERT, UPDATE (user_id, ip) ON `@DB@`.comments TO '@PUBLIC_USER@'@'localhost';
-- A new comment's writes in one call (0032), run with its definer's rights.
GRANT EXECUTE ON PROCEDURE `@DB@`.comment_store TO '@PUBLIC_USER@'@'localhost';
-- The counts' shards (0032): a survey's participants, moderation's decisions.
GRANT SELECT, INSERT, UPDATE ON `@DB@`.activity_counts TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost';
-- A client address's comments a minute (0035): read by the limit, written
-- by comment_store.
GRANT SELECT ON `@DB@`.comment_rate TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.reports TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.report_topics TO '@PUBLIC_USER@'@'localhost';
-- Analysis (0013): a new comment's fingerprint and group, written as it
-- is stored (analysis_fingerprint); the published results.
GRANT UPDATE (norm_hash, minhash, group_id, group_kind) ON `@DB@`.comments TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.comment_bands TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.comment_topics TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.report_articles TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.report_stats TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.questions TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, UPDATE (votes) ON `@DB@`.question_options TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE (user_id) ON `@DB@`.responses TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.answers TO '@PUBLIC_USER@'@'localhost';
-- Surveys, polls, votes on drafts (0014): a changed response replaces its
-- answers; the aggregates are kept in the same transaction.
GRANT DELETE ON `@DB@`.answers TO '@PUBLIC_USER@'@'localhost';
GRANT UPDATE (submitted_at, updated_at, changes) ON `@DB@`.responses TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.response_changes TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.answer_counts TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.question_stats TO '@PUBLIC_USER@'@'localhost';
-- A survey's responses counted in shards by their triggers (0036), read
-- by the results pages.
GRANT SELECT ON `@DB@`.response_counts TO '@PUBLIC_USER@'@'localhost', '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.question_sections TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.question_rows TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.question_conditions TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.poll_settings TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, UPDATE (votes_for, votes_against, votes_abstain) ON `@DB@`.activity_votes TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE (user_id, choice, reason, updated_at, changes) ON `@DB@`.draft_votes TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE (supporters) ON `@DB@`.initiatives TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.initiative_supports TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.budgets TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, UPDATE (votes) ON `@DB@`.budget_projects TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.budget_votes TO '@PUBLIC_USER@'@'localhost';
-- Issue 19: a ballot replaced whole (one per account); paper ballots read.
GRANT DELETE ON `@DB@`.budget_votes TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.budget_ballots TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.budget_paper_ballots TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.budget_paper_choices TO '@PUBLIC_USER@'@'localhost';
-- Issue 19: citizens propose projects during a budget's proposals phase.
GRANT INSERT ON `@DB@`.budget_projects TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.blog_posts TO '@PUBLIC_USER@'@'localhost';
-- Initiatives (0031): drafted with co-promoters who confirm, submitted,
-- supported; reaching the threshold starts the entity's answer period.
GRANT UPDATE (state, submitted_at, admit_due_at, reached_at, answer_due_at, updated_at) ON `@DB@`.initiatives TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE (confirmed_at) ON `@DB@`.initiative_promoters TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.initiative_rules TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.initiative_paper_batches TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.charters TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.participation_plans TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.plan_items TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT ON `@DB@`.plan_kpis TO '@PUBLIC_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.portal_complaints TO '@PUBLIC_USER@'@'localhost';
-- "My requests" on /me: the requester's own list, without contact data.
GRANT SELECT (id, ref_no, type_id, state, subject, requester_id, created_at, answered_at, closed_at)
  ON `@DB@`.requests TO '@PUBLIC_USER@'@'localhost';

-- =====================================================================
-- sharek-staff: the back office of participation, the entity tree and
-- staff accounts, the ministry's oversight.
-- =====================================================================
GRANT SELECT, INSERT, UPDATE ON `@DB@`.users TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.tokens TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.outbox TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.entities TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.entity_sectors TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.holidays TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.settings TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.user_groups TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.user_group_members TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.activities TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.activity_sectors TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.activity_targets TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.activity_links TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.activity_versions TO '@STAFF_USER@'@'localhost';
-- UPDATE: a correction of an open activity is approved, rejected or
-- replaced (status, number; migration 0009).
GRANT UPDATE ON `@DB@`.activity_versions TO '@STAFF_USER@'@'localhost';
-- DELETE: drafts lose articles; reordering swaps positions (UPDATE).
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.articles TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.attachments TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.uploads TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.extensions TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.workflow_events TO '@STAFF_USER@'@'localhost';
-- Moderation and the entity's positions; never new comments.
GRANT SELECT, UPDATE ON `@DB@`.comments TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.agency_responses TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.reports TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.report_topics TO '@STAFF_USER@'@'localhost';
-- Analysis (0013): themes of comments, the final document, the
-- statistics recomputed (DELETE + INSERT of the activity's rows).
GRANT SELECT ON `@DB@`.comment_bands TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.comment_topics TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.report_articles TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, DELETE ON `@DB@`.report_stats TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.questions TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.question_options TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.responses TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.answers TO '@STAFF_USER@'@'localhost';
-- Staff moderate free-text answers (migration 0022).
GRANT UPDATE (text_status, text_reason_id, text_moderated_by, text_moderated_at) ON `@DB@`.answers TO '@STAFF_USER@'@'localhost';
-- The survey builder (0014): sections, matrix rows, conditions, poll
-- settings, a vote attached to a consultation; results read only.
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.question_sections TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.question_rows TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.question_conditions TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.poll_settings TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.activity_votes TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.draft_votes TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.answer_counts TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.question_stats TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.response_changes TO '@STAFF_USER@'@'localhost';
GRANT SELECT, UPDATE ON `@DB@`.initiatives TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.initiative_supports TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.budgets TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.budget_projects TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.budget_votes TO '@STAFF_USER@'@'localhost';
-- Issue 19: ballots counted, paper ballots entered in batches.
GRANT SELECT ON `@DB@`.budget_ballots TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.budget_paper_ballots TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.budget_paper_choices TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.blog_posts TO '@STAFF_USER@'@'localhost';
-- Initiatives (0031): the entity's rules, paper supports in batches.
GRANT SELECT, INSERT, UPDATE ON `@DB@`.initiative_rules TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.initiative_paper_batches TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.initiative_promoters TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.charters TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.participation_plans TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.plan_items TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.plan_kpis TO '@STAFF_USER@'@'localhost';
GRANT SELECT, UPDATE ON `@DB@`.portal_complaints TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.liaison_requests TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.liaison_request_items TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.compliance_snapshots TO '@STAFF_USER@'@'localhost';
-- The second factor (0006): enrolment writes the sealed secret, sign-in
-- moves last_step forward and spends recovery codes; a new set of codes
-- replaces the old (DELETE can do nothing an UPDATE of used_at cannot).
-- Operators' resets go through sharekctl's own account.
GRANT SELECT, INSERT, UPDATE ON `@DB@`.user_totp TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE, DELETE ON `@DB@`.recovery_codes TO '@STAFF_USER@'@'localhost';

-- =====================================================================
-- sharek-complaints: requests, their history, escalations and the KPI
-- aggregates.  Users only to sign in (a password rehash at login).
-- =====================================================================
GRANT SELECT, UPDATE (password_hash, updated_at) ON `@DB@`.users TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.priorities TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.sla_matrix TO '@COMPLAINTS_USER@'@'localhost';
-- The ministry admin keeps the time-frame matrix and names the officials
-- each entity's late requests are escalated to (migration 0015).
GRANT UPDATE (reply_working_days, solve_working_days, unit, updated_at, updated_by)
  ON `@DB@`.sla_matrix TO '@COMPLAINTS_USER@'@'localhost';
GRANT UPDATE (sg_name, sg_email, sg_mobile, minister_name, minister_email, minister_mobile, updated_at)
  ON `@DB@`.entities TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.open311_services TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.requests TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.request_events TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.request_escalations TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.request_attachments TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.request_ref_counters TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.uploads TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.kpi_daily TO '@COMPLAINTS_USER@'@'localhost';
-- The alternate liaison officer's hand-overs (migration 0010): written by
-- sharekctl tick, read by the staff dashboard.
GRANT SELECT ON `@DB@`.liaison_handovers TO '@STAFF_USER@'@'localhost';
-- What an activity looked like at each return (migration 0012): taken by
-- the return, read by the review screen's difference view; never changed.
GRANT SELECT, INSERT ON `@DB@`.activity_snapshots TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.activity_snapshot_articles TO '@STAFF_USER@'@'localhost';
-- The KPI dashboard's summary tables and periodic reports, Open311 API
-- keys (migration 0018): kept by the complaints program as requests
-- change, reports written by sharekctl tick, read by the staff program's
-- reports; keys issued and revoked in the staff program, checked (and
-- their last use noted) by the complaints program.
GRANT SELECT, INSERT, UPDATE ON `@DB@`.kpi_cube TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.kpi_reply TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT, INSERT, UPDATE ON `@DB@`.kpi_handler TO '@COMPLAINTS_USER@'@'localhost';
-- A request's rows in them (migration 0034), read as they are kept.
GRANT SELECT ON `@DB@`.kpi_request_rows TO '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.kpi_reports TO '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.kpi_report_rows TO '@STAFF_USER@'@'localhost', '@COMPLAINTS_USER@'@'localhost';
GRANT SELECT ON `@DB@`.kpi_cube TO '@STAFF_USER@'@'localhost';
GRANT SELECT, INSERT ON `@DB@`.api_keys TO '@STAFF_USER@'@'localhost';
GRANT UPDATE (revoked_at, revoked_by) ON `@DB@`.api_keys TO '@STAFF_USER@'@'localhost';
GRANT SELECT ON `@DB@`.api_keys TO '@COMPLAINTS_USER@'@'localhost';
GRANT UPDATE (last_used_at) ON `@DB@`.api_keys TO '@COMPLAINTS_USER@'@'localhost';
-- The size of each open-data distribution as last generated (migration
-- 0026, dcat:byteSize): recorded by the public program when it has
-- written a whole file, read by its catalog.
GRANT SELECT, INSERT, UPDATE ON `@DB@`.od_sizes TO '@PUBLIC_USER@'@'localhost';
-- The generations of the per-worker cache (migration 0027, issue 17):
-- read once per request; bumped by triggers, which run as their definer.
GRANT SELECT ON `@DB@`.generations TO '@PUBLIC_USER@'@'localhost';
