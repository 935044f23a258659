-- Issue 16: the entity blog's review. A supervisor drafts an article
-- (published_at NULL), the entity's liaison officer publishes it or
-- returns it with a reason the author reads; who published is kept.
ALTER TABLE blog_posts
  ADD COLUMN return_reason TEXT NULL,
  ADD COLUMN returned_at DATETIME NULL,
  ADD COLUMN published_by BIGINT UNSIGNED NULL,
  ADD CONSTRAINT fk_blog_posts_publisher FOREIGN KEY (published_by)
    REFERENCES users (id);
