-- Sharek schema, part 12: what an activity looked like when it was
-- returned to its author (issue 10, "review screens show the whole
-- record … and what changed since the last return").  Additive only.
--
-- A return (coordinator or liaison officer → author, with a reason;
-- Tawasul art. 7-ز, 8-د) takes a snapshot of the record in the same
-- transaction: its texts in both languages, audience, urgency, dates,
-- the sectors' names and the related links as the page shows them, and
-- every article.  The review screen then shows, field by field and
-- article by article, the word-level difference between the latest
-- snapshot and the record as it is now (fcgi/core/wdiff.h), so the
-- reviewer sees what the author changed in answer to the reason.
-- Written by sharek-staff (fcgi/staff/page_activities.c), never changed.
CREATE TABLE activity_snapshots (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  activity_id BIGINT UNSIGNED NOT NULL,
  -- The workflow_events row of the return.
  event_id BIGINT UNSIGNED NULL,
  taken_at DATETIME NOT NULL,
  title_ar VARCHAR(300) NOT NULL DEFAULT '',
  title_en VARCHAR(300) NULL,
  summary_ar TEXT NULL, summary_en TEXT NULL,
  objectives_ar TEXT NULL, objectives_en TEXT NULL,
  announcements_ar TEXT NULL, announcements_en TEXT NULL,
  audience ENUM('public','restricted','interagency') NOT NULL,
  urgent TINYINT(1) NOT NULL DEFAULT 0,
  publish_at DATETIME NULL,
  closes_at DATETIME NULL,
  results_due_at DATETIME NULL,
  final_publication_at DATETIME NULL,
  -- The sectors' names in each language, in sector order, one a line.
  sectors_ar TEXT NULL, sectors_en TEXT NULL,
  -- The related links, "title — address" one a line, each language's
  -- title (the Arabic one where there is no English one).
  links_ar TEXT NULL, links_en TEXT NULL,
  KEY activity_snapshots_activity (activity_id, id),
  CONSTRAINT fk_activity_snapshots_activity
    FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE,
  CONSTRAINT fk_activity_snapshots_event
    FOREIGN KEY (event_id) REFERENCES workflow_events (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The articles at the return, by the id they had (an article deleted
-- since is shown as removed, one added since as new).
CREATE TABLE activity_snapshot_articles (
  snapshot_id BIGINT UNSIGNED NOT NULL,
  article_id BIGINT UNSIGNED NOT NULL,
  position INT NOT NULL,
  number_label VARCHAR(40) NOT NULL DEFAULT '',
  title_ar VARCHAR(300) NOT NULL DEFAULT '',
  title_en VARCHAR(300) NULL,
  body_ar MEDIUMTEXT NOT NULL,
  body_en MEDIUMTEXT NULL,
  PRIMARY KEY (snapshot_id, article_id),
  CONSTRAINT fk_activity_snapshot_articles_snapshot
    FOREIGN KEY (snapshot_id) REFERENCES activity_snapshots (id)
    ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
