/*
 * wdiff.h — the word-level difference of two texts (UTF-8), the one used
 * wherever a page shows what changed: review screens (a field or an
 * article since the last return) and results (the final document against
 * the consulted one).  Words are maximal runs of non-space characters; a
 * run of whitespace belongs to the word after it.  The difference is a
 * shortest edit script over words (Myers), so an unchanged text gives
 * one WD_SAME span.  Everything returned is owned by the arena.
 */
#ifndef SHAREK_WDIFF_H
#define SHAREK_WDIFF_H

#include <stddef.h>

struct arena;
struct val;

enum wdiff_op {
	WD_SAME,
	WD_DEL,			/* in the old text only */
	WD_INS			/* in the new text only */
};

struct wdiff_span {
	enum wdiff_op	 op;
	const char	*text;	/* points into a or b, not terminated */
	size_t		 len;
};

/* The spans that turn old into new (NULL counts as ""), in reading
 * order, a deletion before the insertion that replaces it; adjacent
 * spans of the same op are merged.  *n gets their count.  Texts too
 * long to diff word by word (more than WDIFF_MAX_WORDS words together)
 * give one WD_DEL of old and one WD_INS of new. */
#define WDIFF_MAX_WORDS	20000
struct wdiff_span *wdiff(struct arena *, const char *old, const char *new_,
		    size_t *n);
/* Whether the two texts differ (NULL counts as ""). */
int		 wdiff_changed(const char *old, const char *new_);
/* model[key] = { changed, spans: [{ text, same | del | ins }] } for
 * views/partials/wdiff.html, which draws <del> and <ins> (escaped text,
 * dir="auto" around the whole).  Use as
 *	{{#d.title_ar}}{{>partials/wdiff}}{{/d.title_ar}} */
void		 wdiff_model(struct arena *, struct val *model, const char *key,
		    const char *old, const char *new_);

#endif
