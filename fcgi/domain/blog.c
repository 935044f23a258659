/*
 * blog.c — the entity blog's states (blog.h).
 */
#include "blog.h"
#define N_(s)	(s)

const char *const blog_state_names[BLOG__MAX + 1] = {
	"draft", "returned", "published", NULL,
};

const char *const blog_state_labels[BLOG__MAX] = {
	N_("Draft"), N_("Returned to its author"), N_("Published"),
};

enum blog_state
blog_state(time_t published_at, time_t returned_at)
{
	if (published_at != 0)
		return BLOG_PUBLISHED;
	return returned_at != 0 ? BLOG_RETURNED : BLOG_DRAFT;
}
