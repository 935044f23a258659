/*
 * chart.h — server-rendered charts, the one way every results page and
 * dashboard draws numbers (consultation results, survey and poll
 * results, the complaints KPI dashboard, oversight reports): a
 * horizontal bar chart in inline SVG with a <title> and a <desc>, values
 * written beside each bar (readable without colour), and the same
 * numbers as an HTML table below it — views/partials/chart.html.
 * Labels are user text: isolated (<bdi>) in the table and in the SVG.
 */
#ifndef SHAREK_CHART_H
#define SHAREK_CHART_H

struct req;
struct val;

struct chart_bar {
	const char	*label;	/* already in the reader's language */
	long long	 value;
};

/* model[key] = { id, title, desc, total, unit, bars: [{ label, value,
 * percent (of total, "12.5"), width and y (SVG geometry) }], height,
 * has_bars } for views/partials/chart.html.  total is what percentages
 * are of (e.g. respondents, so a multiple choice's percentages may add
 * up to more than 100 while the counts add up to the selections); 0
 * means the sum of the values.  The table's total is always the sum;
 * a base other than the sum adds has_base and base_note (a sentence
 * saying what the percentages are of, which a page may word for its
 * own base after the call).  desc is the sentence a screen reader
 * hears; NULL makes one from the title and the total.  id must be
 * unique on the page (it names the title and the table).  Use as
 *	{{#c.by_position}}{{>partials/chart}}{{/c.by_position}}
 * The table's first two column headings are label_head and unit
 * ("Category" and "Count", translated); a page may set its own words
 * after the call, e.g. vm_str(vm_get(m, "by_position"), "unit", tr(…)).
 * A bar also has short (its label cut for the drawing), and x, lx, tx,
 * ly, ty, anchor: where its bar, label and value go in the reader's
 * direction (Arabic: from the right). */
void		 chart_model(const struct req *, struct val *model,
		    const char *key, const char *id, const char *title,
		    const char *desc, const struct chart_bar *, int n,
		    long long total);

#endif
