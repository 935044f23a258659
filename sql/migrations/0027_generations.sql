-- What rarely changes is kept by every public worker (fcgi/core/cache.c)
-- and revalidated on every request by one cheap read of `generations`
-- (sql/queries/cache.sql, issue 17).  A generation is bumped in the same
-- transaction as every write that changes what it covers, by the
-- triggers below: the database sees every write, whichever program,
-- worker, host or script makes it, so none can be forgotten.
--
--   'site'          entities, sectors, entity sectors, moderation
--                   principles, holidays (the calendar)
--   'activity:N'    activity N's articles (with their comment counts),
--                   attachments, links, corrections, extensions,
--                   sectors, published report, and the vote on its
--                   draft with its counts
--
-- A missing row reads as generation 0.  Triggers run as their definer
-- (the migrating account), so the programs' accounts need only SELECT.
CREATE TABLE generations (
  name VARCHAR(40) NOT NULL PRIMARY KEY,
  gen BIGINT UNSIGNED NOT NULL DEFAULT 0
) ENGINE=InnoDB;

INSERT INTO generations (name, gen) VALUES ('site', 1);

-- articles: its activity's generation.
CREATE TRIGGER gen_articles_ins AFTER INSERT ON articles FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_articles_upd AFTER UPDATE ON articles FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_articles_del AFTER DELETE ON articles FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- attachments: its activity's generation.
CREATE TRIGGER gen_attachments_ins AFTER INSERT ON attachments FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_attachments_upd AFTER UPDATE ON attachments FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_attachments_del AFTER DELETE ON attachments FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- activity_links: its activity's generation.
CREATE TRIGGER gen_activity_links_ins AFTER INSERT ON activity_links FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_links_upd AFTER UPDATE ON activity_links FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_links_del AFTER DELETE ON activity_links FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- activity_versions: its activity's generation.
CREATE TRIGGER gen_activity_versions_ins AFTER INSERT ON activity_versions FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_versions_upd AFTER UPDATE ON activity_versions FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_versions_del AFTER DELETE ON activity_versions FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- extensions: its activity's generation.
CREATE TRIGGER gen_extensions_ins AFTER INSERT ON extensions FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_extensions_upd AFTER UPDATE ON extensions FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_extensions_del AFTER DELETE ON extensions FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- activity_sectors: its activity's generation.
CREATE TRIGGER gen_activity_sectors_ins AFTER INSERT ON activity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_sectors_upd AFTER UPDATE ON activity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_sectors_del AFTER DELETE ON activity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- reports: its activity's generation.
CREATE TRIGGER gen_reports_ins AFTER INSERT ON reports FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_reports_upd AFTER UPDATE ON reports FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_reports_del AFTER DELETE ON reports FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- A row moved to another activity changes the old one's page too.
CREATE TRIGGER gen_articles_mov AFTER UPDATE ON articles FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_attachments_mov AFTER UPDATE ON attachments FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_links_mov AFTER UPDATE ON activity_links FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_versions_mov AFTER UPDATE ON activity_versions FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_extensions_mov AFTER UPDATE ON extensions FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_sectors_mov AFTER UPDATE ON activity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_reports_mov AFTER UPDATE ON reports FOR EACH ROW
  INSERT INTO generations (name, gen)
  SELECT CONCAT('activity:', OLD.activity_id), 1 FROM DUAL
   WHERE OLD.activity_id <> NEW.activity_id
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- sectors: the site's generation.
CREATE TRIGGER gen_sectors_ins AFTER INSERT ON sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_sectors_upd AFTER UPDATE ON sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_sectors_del AFTER DELETE ON sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- entities: the site's generation.
CREATE TRIGGER gen_entities_ins AFTER INSERT ON entities FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_entities_upd AFTER UPDATE ON entities FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_entities_del AFTER DELETE ON entities FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- entity_sectors: the site's generation.
CREATE TRIGGER gen_entity_sectors_ins AFTER INSERT ON entity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_entity_sectors_upd AFTER UPDATE ON entity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_entity_sectors_del AFTER DELETE ON entity_sectors FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- moderation_reasons: the site's generation.
CREATE TRIGGER gen_moderation_reasons_ins AFTER INSERT ON moderation_reasons FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_moderation_reasons_upd AFTER UPDATE ON moderation_reasons FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_moderation_reasons_del AFTER DELETE ON moderation_reasons FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- holidays: the site's generation.
CREATE TRIGGER gen_holidays_ins AFTER INSERT ON holidays FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_holidays_upd AFTER UPDATE ON holidays FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_holidays_del AFTER DELETE ON holidays FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES ('site', 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

-- activity_votes: the vote on its draft and its counts (a vote bumps
-- it; the reader's own choice is read live, with a session).
CREATE TRIGGER gen_activity_votes_ins AFTER INSERT ON activity_votes FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_votes_upd AFTER UPDATE ON activity_votes FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', NEW.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;

CREATE TRIGGER gen_activity_votes_del AFTER DELETE ON activity_votes FOR EACH ROW
  INSERT INTO generations (name, gen) VALUES (CONCAT('activity:', OLD.activity_id), 1)
  ON DUPLICATE KEY UPDATE gen = gen + 1;
