/*
 * blog.h — the entity blog's states (issue 16; Oman's guide: an article
 * every three months).  A supervisor drafts an article, the entity's
 * liaison officer publishes it (ACT_ACTIVITY_APPROVE) or returns it to
 * its author with a reason; only a published article is public.
 */
#ifndef SHAREK_BLOG_H
#define SHAREK_BLOG_H

#include <time.h>

enum blog_state { BLOG_DRAFT, BLOG_RETURNED, BLOG_PUBLISHED, BLOG__MAX };

/* "draft", "returned", "published" */
extern const char *const blog_state_names[BLOG__MAX + 1];
/* Their msgids for the pages. */
extern const char *const blog_state_labels[BLOG__MAX];

/* The state of an article from its published_at and returned_at (0 when
 * NULL): published wins, a returned draft stays returned until it is
 * edited or published. */
enum blog_state	 blog_state(time_t published_at, time_t returned_at);

#endif
