/*
 * present_public.h — turning rows into view-model items the same way on every
 * public page (the list columns are fixed by the *_list statements).
 */
#ifndef SHAREK_PRESENT_PUBLIC_H
#define SHAREK_PRESENT_PUBLIC_H

struct req;
struct val;
struct dbres;

/* Columns: id, kind, title_ar, title_en, summary_ar, summary_en,
 * entity name_ar, entity name_en, publish_at, closes_at, urgent,
 * comments_published, state, unix closes_at. */
void	present_activities(struct req *, struct val *list, struct dbres *);
/* The same for at most max rows; returns 1 when more rows follow, and
 * the id of the last row shown in *last (keyset pagination). */
int	present_activities_page(struct req *, struct val *list,
	    struct dbres *, int max, long long *last);
/* The agency's position on a comment, in words (NULL when none). */
const char *present_position(struct req *, const char *);

#endif
