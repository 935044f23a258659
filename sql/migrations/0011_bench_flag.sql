-- Sharek schema, part 11: activities reachable by their address only
-- (issue 10).  Additive only.
--
-- activities.unlisted = 1 keeps an activity out of everything that lists
-- activities — the home page, /consultations and its search, the feeds —
-- while its own page (/consultations/{id}, decided by activity_visible()
-- on the table, not on the view) and its files answer as before.  It is
-- for the data `make bench` makes on a running stack (scripts/bench-data:
-- two consultations with 10 and 100,000 comments, fetched anonymously by
-- id), which must never show on a ministry's demo home page.  Nothing in
-- the portal sets it.
ALTER TABLE activities
  ADD COLUMN unlisted TINYINT(1) NOT NULL DEFAULT 0;

-- listed_activities as in 0005_visibility.sql, without unlisted ones.
CREATE OR REPLACE SQL SECURITY INVOKER VIEW listed_activities AS
SELECT a.*
  FROM activities a
 WHERE a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
   AND a.audience IN ('public', 'restricted')
   AND a.unlisted = 0;
