-- Scheduled work on many hosts (issue 18): `sharekctl tick` may run on
-- every host at once.  Each job (open/close, analyses, hand-overs,
-- escalations, periodic reports, reminders, purges, outbox delivery) is
-- claimed by its row of tick_claims for the time it runs: a lease
-- (claimed_by = host:pid, claimed_until), taken by one UPDATE that only
-- finds the row free (or its lease past, or its holder a process of
-- this host that is gone), released when the job ends.  Two ticks never
-- run one job at the same time; each job's own rows (escalation levels,
-- state transitions, report periods, reminder periods) keep it from
-- doing an item twice across ticks.
CREATE TABLE tick_claims (
  job VARCHAR(40) NOT NULL PRIMARY KEY,
  claimed_by VARCHAR(120) NULL,
  claimed_until DATETIME NULL,
  runs BIGINT UNSIGNED NOT NULL DEFAULT 0,
  last_done_at DATETIME NULL
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The outbox's own lease per message, for two deliveries at once (two
-- hosts, or a job lease that ran out): the row is claimed by one
-- delivery (claimed_by, claimed_until) before it is sent and marked
-- sent only by that delivery, which clears the claim in the same
-- statement.  A claim of a delivery that died (a process of this host
-- that is gone, or a lease past) is taken over.
ALTER TABLE outbox
  ADD COLUMN claimed_by VARCHAR(120) NULL,
  ADD COLUMN claimed_until DATETIME NULL;
