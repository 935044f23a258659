-- The leases of sharekctl tick's jobs (fcgi/tools/cmd_tick.c, migration
-- 0029): one row a job.

-- name: tick_claim_row
-- The job's row, free, if it has none yet.
-- param: job s
INSERT IGNORE INTO tick_claims (job, claimed_by, claimed_until, runs)
VALUES (:job, NULL, NULL, 0);

-- name: tick_claim
-- Takes the job for :seconds when it is free, its lease is past, or it
-- is held by :dead (a process of this host that is gone; '' for none).
-- One row affected: the job is ours.
-- param: job s, me s, seconds i, dead s
UPDATE tick_claims
   SET claimed_by = :me,
       claimed_until = UTC_TIMESTAMP() + INTERVAL :seconds SECOND
 WHERE job = :job
   AND (claimed_by IS NULL OR claimed_until < UTC_TIMESTAMP()
        OR claimed_by = :dead);

-- name: tick_holder
-- Who holds the job now (to see whether that process is gone).
-- param: job s
SELECT claimed_by FROM tick_claims WHERE job = :job;

-- name: tick_release
-- param: job s, me s
UPDATE tick_claims
   SET claimed_by = NULL, claimed_until = NULL, runs = runs + 1,
       last_done_at = UTC_TIMESTAMP()
 WHERE job = :job AND claimed_by = :me;
