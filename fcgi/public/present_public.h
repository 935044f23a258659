/*
 * present_public.h — activities and comments turned into view-model items
 * the same way on every public page (views/partials/activity_card and
 * the comment cards).
 */
#ifndef SHAREK_PRESENT_PUBLIC_H
#define SHAREK_PRESENT_PUBLIC_H

#include <time.h>

struct req;
struct val;
struct dbres;
struct comment;
struct activity;

/* Appends to list one card per row of res, a statement of shape
 * "activity", for at most max rows; returns 1 when more rows follow
 * (the statement asked for max + 1), and the id of the last row shown
 * in *last (keyset pagination). */
int	present_activities_page(struct req *, struct val *list,
	    struct dbres *, int max, unsigned long long *last);
/* Where activity a stands at now, the same on every public page:
 * is_open; closes (date, hour and zone) and closes_iso (UTC, for
 * <time datetime>); for an open one days_left, whole days to the
 * closing instant rounded up, or closes_today when it closes before
 * the deployment's midnight; for one closed since (closed, published
 * or between) closed, and state / state_label for its badge. */
void	present_closing(struct req *, struct val *it,
	    const struct activity *a, time_t now);
/* The same for every row. */
void	present_activities(struct req *, struct val *list, struct dbres *);
/* A feed's date: RFC 3339 (UTC) for Atom, RFC 822 for RSS (rss set). */
const char *present_feed_date(struct req *, time_t, int rss);
/* The tagging entity of every feed's ids, "tag:HOST,DATE:" (RFC 4151):
 * the host of base_url without scheme or port, [feeds] tag_date. */
const char *present_feed_tag(struct req *);
/* The agency's position on a comment, in words ("" when none). */
const char *present_position(struct req *, const struct comment *);
/* The comment's moderation state, in words. */
const char *present_comment_status(struct req *, const struct comment *);
/* The route's declared parameters that arrived valid, as a query string
 * "k=v&k=v" ("" when none; arena-owned), leaving out key skip (-1:
 * none): links that keep a page's filters are built from these only,
 * never from the raw query string.  Integers and choices are written as
 * parsed, text URL-encoded; secrets never. */
const char *present_query(struct req *, int skip);
/* model["entities"] and model["sectors"]: the choices of the entity and
 * sector filters of the lists (/consultations, /results), entity and
 * sector the chosen ones (0: none).  0, or -1 on a database error. */
int	present_filter_choices(struct req *, struct val *, long long entity,
	    long long sector);
/* The worker's copy of a public list of activities (the home page,
 * /consultations; http_page_reuse) after one statement, the site's and
 * the activities' generations (sql/migrations/0032): 1 when it answers
 * (the handler returns 200), 0 to draw the page, -1 on a database
 * error.  The cards drawn end the copy at their closing
 * (present_activities_page).  After present_cacheable. */
int	present_list_reuse(struct req *);
/* The page shows an anonymous visitor nothing of their own: nginx may
 * serve it to every anonymous visitor for [cache] page_seconds (1 by
 * default: a new comment or a changed activity shows within 2 s).  The
 * kernel refuses whatever carries a session or a form (http_cacheable). */
void	present_cacheable(struct req *);
/* A page that only tells the reader something (view public/message):
 * its title and its sentence, msgids translated here. */
int	present_message(struct req *, const char *title, const char *message);

#endif
