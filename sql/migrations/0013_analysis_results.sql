-- Sharek schema, part 13: the analysis of a closed activity and its
-- published results (issue 11; Tawasul art. 9-ج/د/هـ, 8-و).  Additive
-- only.  fcgi/domain/analysis.c and report.c write it; sql/SCHEMA.md
-- ("Analysis and results") describes it.

-- ---------------------------------------------------------------------
-- The entity's position on a comment: the two the issue adds (out of
-- scope; a duplicate of another comment, duplicate_of).  'noted' stays
-- for positions given before.
--
-- Grouping (campaigns): norm_hash is the SHA-256 of textnorm() of the
-- body (the search normalisation: letters, digits, one space between
-- words — punctuation and spacing do not count), so identical texts
-- share it; minhash is the MinHash signature of the normalised word
-- bigrams (ANALYSIS_MINHASH 32-bit minima), whose banded keys are in
-- comment_bands.  group_id is the comment that started the group (its
-- own id for a comment alone), group_kind how it joined (exact: the same
-- normalised text; near: estimated similarity at least [analysis]
-- near_threshold).  All four are written when the comment is stored,
-- and by `sharekctl reindex` for comments stored before.
ALTER TABLE comments
  MODIFY entity_position ENUM('accepted','partially','rejected','noted',
                              'out_of_scope','duplicate') NULL,
  ADD COLUMN duplicate_of BIGINT UNSIGNED NULL AFTER entity_reply_en,
  ADD COLUMN norm_hash BINARY(32) NULL,
  ADD COLUMN minhash VARBINARY(512) NULL,
  ADD COLUMN group_id BIGINT UNSIGNED NULL,
  ADD COLUMN group_kind ENUM('exact','near') NULL,
  ADD KEY comments_norm (activity_id, norm_hash),
  ADD KEY comments_group (activity_id, status, group_id),
  ADD KEY comments_group_of (group_id),
  ADD CONSTRAINT fk_comments_duplicate_of FOREIGN KEY (duplicate_of) REFERENCES comments (id);

-- The locality-sensitive keys of a comment's signature: band b of rows
-- hashed into one key.  Two comments sharing one (activity, band, key)
-- are candidates; the signatures decide.  One indexed look-up per new
-- comment whatever the number of comments.
CREATE TABLE comment_bands (
  activity_id BIGINT UNSIGNED NOT NULL,
  band TINYINT UNSIGNED NOT NULL,
  hash BIGINT UNSIGNED NOT NULL,
  comment_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (activity_id, band, hash, comment_id),
  KEY comment_bands_comment (comment_id),
  CONSTRAINT fk_comment_bands_comment FOREIGN KEY (comment_id) REFERENCES comments (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- Themes of the analysis are the report's topics (9-ج-2): one per
-- article and per line of the objectives, made when the analysis starts,
-- and those the supervisor adds.
ALTER TABLE report_topics
  ADD COLUMN kind ENUM('article','objective','added') NOT NULL DEFAULT 'added' AFTER position,
  ADD COLUMN article_id BIGINT UNSIGNED NULL AFTER kind,
  ADD KEY report_topics_article (article_id),
  ADD CONSTRAINT fk_report_topics_article FOREIGN KEY (article_id) REFERENCES articles (id);

CREATE TABLE comment_topics (
  comment_id BIGINT UNSIGNED NOT NULL,
  topic_id BIGINT UNSIGNED NOT NULL,
  PRIMARY KEY (comment_id, topic_id),
  KEY comment_topics_topic (topic_id, comment_id),
  CONSTRAINT fk_comment_topics_comment FOREIGN KEY (comment_id) REFERENCES comments (id) ON DELETE CASCADE,
  CONSTRAINT fk_comment_topics_topic FOREIGN KEY (topic_id) REFERENCES report_topics (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The final document (art. 9-د), article by article: a copy of each
-- consulted article made when the analysis starts (article_id), edited
-- by the supervisor, and new ones (article_id NULL).  status is derived
-- when saved: added, removed (chosen), changed (title or text differ
-- from the consulted article) or unchanged.
CREATE TABLE report_articles (
  id BIGINT UNSIGNED NOT NULL AUTO_INCREMENT PRIMARY KEY,
  report_id BIGINT UNSIGNED NOT NULL,
  article_id BIGINT UNSIGNED NULL,
  position INT NOT NULL,
  number_label VARCHAR(40) NOT NULL DEFAULT '',
  title_ar VARCHAR(300) NOT NULL DEFAULT '',
  title_en VARCHAR(300) NULL,
  body_ar MEDIUMTEXT NOT NULL,
  body_en MEDIUMTEXT NULL,
  status ENUM('unchanged','changed','added','removed') NOT NULL DEFAULT 'unchanged',
  updated_at DATETIME NULL,
  UNIQUE KEY report_articles_once (report_id, article_id),
  KEY report_articles_order (report_id, position, id),
  KEY report_articles_article (article_id),
  CONSTRAINT fk_report_articles_report FOREIGN KEY (report_id) REFERENCES reports (id) ON DELETE CASCADE,
  CONSTRAINT fk_report_articles_article FOREIGN KEY (article_id) REFERENCES articles (id)
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

-- The statistics of a report, computed by the system from the comments
-- (analysis_stats_refresh) when the analysis starts, at every change of
-- positions and at each step of the report; never typed.  dim 'count'
-- rows are named totals (participants, natural, legal, received,
-- published, rejected, pending, groups, grouped); 'article' (ref: the
-- article, 0 the whole document), 'topic' (ref: report_topics.id),
-- 'position' (name: the position, 'none' not yet answered) count
-- published comments; 'group' (ref: group_id) the sizes of the largest
-- campaign groups.  The results page reads them in one statement.
CREATE TABLE report_stats (
  activity_id BIGINT UNSIGNED NOT NULL,
  dim ENUM('count','article','topic','position','group') NOT NULL,
  ref BIGINT UNSIGNED NOT NULL DEFAULT 0,
  name VARCHAR(20) NOT NULL DEFAULT '',
  n BIGINT NOT NULL DEFAULT 0,
  PRIMARY KEY (activity_id, dim, ref, name),
  CONSTRAINT fk_report_stats_activity FOREIGN KEY (activity_id) REFERENCES activities (id) ON DELETE CASCADE
) ENGINE=InnoDB DEFAULT CHARSET=utf8mb4 COLLATE=utf8mb4_unicode_ci;

ALTER TABLE reports
  ADD COLUMN stats_at DATETIME NULL;

-- The legal deadline of the report (art. 9-ج): the 20th working day
-- after closing on the calendar (report_due_at), and how many working
-- days it is late (report_days_late, 0 while not late).  `sharekctl
-- tick` keeps both current for every activity whose report is owed
-- (analysis_tick), so the public mark and the staff dashboards read the
-- same number.
ALTER TABLE activities
  ADD COLUMN report_due_at DATETIME NULL,
  ADD COLUMN report_days_late INT NOT NULL DEFAULT 0,
  ADD KEY activities_report_late (state, report_days_late);

-- listed_activities as in 0011_bench_flag.sql: a.* is expanded when the
-- view is made, so it is made again to carry the new columns.
CREATE OR REPLACE SQL SECURITY INVOKER VIEW listed_activities AS
SELECT a.*
  FROM activities a
 WHERE a.state IN ('open', 'closed', 'analysis', 'report_submitted',
                   'report_approved', 'published')
   AND a.audience IN ('public', 'restricted')
   AND a.unlisted = 0;
