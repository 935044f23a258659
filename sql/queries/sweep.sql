-- The upload directory's sweep (fcgi/tools/cmd_sweep.c, sharekctl tick).

-- name: upload_stored_names
-- Every stored file name, unpaged on purpose: the sweep must know all
-- of them before it removes a file no row names (an index-only scan of
-- the UNIQUE key, 33 bytes a row).
SELECT stored_name FROM uploads ORDER BY stored_name;
