-- Versioned participation charters (issue 16): the liaison officer
-- publishes a new version and every earlier one is kept, listed with
-- its date; the entity's page shows the newest published one.  Existing
-- charters become version 1.
ALTER TABLE charters
  ADD COLUMN version INT UNSIGNED NOT NULL DEFAULT 1 AFTER entity_id,
  DROP PRIMARY KEY,
  ADD PRIMARY KEY (entity_id, version);
