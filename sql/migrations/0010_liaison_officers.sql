-- Sharek schema, part 10: the two liaison officers of an entity, their
-- hand-over, and audit rows that say what an edit changed (issue 10;
-- Tawasul art. 6-ب).  Additive only.
--
-- entities.liaison_user_id and entities.alternate_user_id are the one
-- record of who the primary and the alternate liaison officer of an
-- entity are.  Naming someone to a role replaces whoever held it, in the
-- same transaction that adjusts both people's users.role
-- (fcgi/staff/page_entities.c): the keys below make it impossible for
-- one account to hold a role in two entities or both roles in one.
-- Rows from before, where the same person was named to both roles, keep
-- the primary.
UPDATE entities SET alternate_user_id = NULL
 WHERE alternate_user_id = liaison_user_id;

ALTER TABLE entities
  ADD UNIQUE KEY entities_liaison_user (liaison_user_id),
  ADD UNIQUE KEY entities_alternate_user (alternate_user_id),
  ADD CONSTRAINT ck_entities_two_liaisons CHECK (liaison_user_id IS NULL
    OR alternate_user_id IS NULL OR liaison_user_id <> alternate_user_id),
  ADD CONSTRAINT fk_entities_liaison_user FOREIGN KEY (liaison_user_id)
    REFERENCES users (id),
  ADD CONSTRAINT fk_entities_alternate_user FOREIGN KEY (alternate_user_id)
    REFERENCES users (id);

-- Art. 6-ب: an item waiting on the primary liaison officer for 2
-- working days passes to the alternate (fcgi/domain/handover.c, run by
-- sharekctl tick).  One row per item and wait: kind says what waits
-- (the approval of a submitted activity, the publication of its report,
-- the entity's response to an inter-agency consultation), waiting_since
-- when the wait began; the unique key makes a doubled tick hand nothing
-- over twice.  The alternate's dashboard lists the open rows.
CREATE TABLE liaison_handovers (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  entity_id BIGINT UNSIGNED NOT NULL,
  kind ENUM('approval', 'publication', 'response') NOT NULL,
  waiting_since DATETIME NOT NULL,
  handed_at DATETIME NOT NULL,
  from_user_id BIGINT UNSIGNED NULL,
  to_user_id BIGINT UNSIGNED NOT NULL,
  UNIQUE KEY liaison_handovers_wait (activity_id, entity_id, kind,
    waiting_since),
  KEY liaison_handovers_to (to_user_id, id),
  CONSTRAINT fk_liaison_handovers_activity FOREIGN KEY (activity_id)
    REFERENCES activities (id) ON DELETE CASCADE,
  CONSTRAINT fk_liaison_handovers_entity FOREIGN KEY (entity_id)
    REFERENCES entities (id),
  CONSTRAINT fk_liaison_handovers_from FOREIGN KEY (from_user_id)
    REFERENCES users (id),
  CONSTRAINT fk_liaison_handovers_to FOREIGN KEY (to_user_id)
    REFERENCES users (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- What an edit changed: one line per field, "name\tbefore\tafter"
-- (fcgi/domain/audit.c audit_record_change); NULL for other actions.
ALTER TABLE audit_log
  ADD COLUMN details TEXT NULL AFTER summary;
