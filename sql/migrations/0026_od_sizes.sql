-- The size of each open-data distribution as last generated (issue 15:
-- dcat:byteSize).  A distribution is streamed from the database as its
-- rows arrive, so its size is not known before it is written; the
-- public program records it here when it has written a whole file (a
-- GET of every row: not HEAD, not ?modified_since=), and the catalog
-- publishes it.  One row per dataset (its slug: activities,
-- complaints-monthly, consultation-12, …) and format.
CREATE TABLE od_sizes (
  dataset VARCHAR(80) NOT NULL,
  format ENUM('csv','json','xml') NOT NULL,
  bytes BIGINT UNSIGNED NOT NULL,
  row_count BIGINT UNSIGNED NOT NULL,
  generated_at DATETIME NOT NULL,
  PRIMARY KEY (dataset, format)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;
