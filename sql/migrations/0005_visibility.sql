-- Who may see an activity, written once for every statement.
--
-- listed_activities: the activities the public site, feeds and files may
-- show at all — published states only (open and after; never drafts,
-- scheduled or withdrawn ones) and never inter-agency consultations,
-- which are between government entities only (Tawasul art. 2).  The set
-- of states is the one of activity_state_public() in fcgi/domain/
-- activity.c; tests/http/052_visibility.py proves that both agree.
-- Restricted ones are listed here too; statements add the reader test.
--
-- activity_readers: for restricted activities, the users each one is
-- addressed to — the staff of a target entity, or the members of a
-- target group (art. 2: "a named entity or category/group of users").
-- A statement asks EXISTS (... WHERE r.activity_id = a.id AND
-- r.user_id = :reader).

CREATE OR REPLACE SQL SECURITY INVOKER VIEW listed_activities AS
SELECT a.*
  FROM activities a
 WHERE a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
   AND a.audience IN ('public', 'restricted');

CREATE OR REPLACE SQL SECURITY INVOKER VIEW activity_readers AS
SELECT t.activity_id, u.id AS user_id
  FROM activity_targets t JOIN users u ON u.entity_id = t.entity_id
 WHERE t.entity_id IS NOT NULL
UNION ALL
SELECT t.activity_id, m.user_id
  FROM activity_targets t JOIN user_group_members m ON m.group_id = t.group_id
 WHERE t.group_id IS NOT NULL;
