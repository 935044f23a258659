-- Quota reminders (issue 16; Oman's guide: at least one poll a month and
-- one blog article every three months per entity): sharekctl tick writes
-- the liaison officer once per entity, kind and period — the unique key
-- claims it, so ticks on several hosts send one.
CREATE TABLE quota_reminders (
  kind ENUM('poll','blog') NOT NULL,
  period CHAR(7) NOT NULL,                 -- YYYY-MM or YYYY-Qn
  entity_id BIGINT UNSIGNED NOT NULL,
  sent_at DATETIME NOT NULL,
  PRIMARY KEY (kind, period, entity_id),
  KEY quota_reminders_entity (entity_id),
  CONSTRAINT fk_quota_reminders_entity FOREIGN KEY (entity_id) REFERENCES entities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
