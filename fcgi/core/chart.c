/*
 * chart.c — see chart.h.  The geometry is worked out here, for the
 * reader's direction, so the partial only places what it is given: each
 * bar is a row of CHART_ROW pixels (its label on a line of its own, the
 * bar under it, the value and percent beside the bar's end); widths are
 * percentages of the drawing's width, the longest bar BAR_MAX of it, so
 * the chart fits any screen and the value always has room beside it.
 * In Arabic the bars grow from the right edge.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "http.h"
#include "i18n.h"
#include "vm.h"

#define CHART_ROW	46	/* px: label line, bar, gap */
#define CHART_TOP	4
#define BAR_MAX		650	/* tenths of a percent of the width */
#define LABEL_MAX	48	/* characters of a label inside the drawing */

/* value as a percentage of total in tenths ("12.5"), "0" without a
 * total. */
static const char *
percent(struct arena *a, long long value, long long total)
{
	long long	 t;

	if (total <= 0)
		return "0";
	if (value < 0)
		value = 0;
	t = (value * 1000 + total / 2) / total;
	return arena_printf(a, "%lld.%lld", t / 10, t % 10);
}

/* Tenths as "12.5". */
static const char *
tenths(struct arena *a, long long t)
{
	return arena_printf(a, "%lld.%lld", t / 10, t % 10);
}

/* The label cut to LABEL_MAX characters (UTF-8) with an ellipsis, for
 * the drawing, where text does not wrap; the table has it whole. */
static const char *
shorten(struct arena *a, const char *s)
{
	const unsigned char	*p = (const unsigned char *)s;
	int			 n = 0;

	for (; *p != '\0'; p++)
		if ((*p & 0xc0) != 0x80 && ++n > LABEL_MAX)
			return arena_printf(a, "%.*s…",
			    (int)((const char *)p - s), s);
	return s;
}

void
chart_model(const struct req *r, struct val *model, const char *key,
    const char *id, const char *title, const char *desc,
    const struct chart_bar *bars, int n, long long total)
{
	struct val	*c, *list, *it;
	struct buf	 d;
	long long	 max = 0, sum = 0, w, v;
	int		 i, rtl = strcmp(i18n_dir(r->lang), "rtl") == 0;
	const char	*label, *pc, *sep = rtl ? "؛ " : "; ";

	for (i = 0; i < n; i++) {
		v = bars[i].value > 0 ? bars[i].value : 0;
		sum += v;
		if (v > max)
			max = v;
	}
	if (total <= 0)
		total = sum;
	if (title == NULL)
		title = "";
	c = vm_child(model, key);
	vm_str(c, "id", id);
	vm_str(c, "title", title);
	/* The table's total is the sum of the rows; percentages of another
	 * base (respondents who may choose several options, ballots that
	 * approve several projects) say so under it. */
	vm_int(c, "total", sum);
	if (total != sum) {
		vm_bool(c, "has_base", 1);
		vm_str(c, "base_note", i18n_subst(r->a, i18n_get(r->lang,
		    "Percentages are of {1}, not of the total: one may be "
		    "counted in several rows."), arena_printf(r->a, "%lld",
		    total), NULL));
	}
	vm_str(c, "unit", i18n_get(r->lang, "Count"));
	vm_str(c, "label_head", i18n_get(r->lang, "Category"));
	vm_bool(c, "has_bars", n > 0);
	vm_int(c, "height", (long long)n * CHART_ROW + CHART_TOP);
	buf_init(&d, r->a);
	list = vm_list(c, "bars");
	for (i = 0; i < n; i++) {
		v = bars[i].value > 0 ? bars[i].value : 0;
		label = bars[i].label != NULL ? bars[i].label : "";
		pc = percent(r->a, bars[i].value, total);
		w = max > 0 ? (v * BAR_MAX + max / 2) / max : 0;
		it = vm_push(list);
		vm_str(it, "label", label);
		vm_str(it, "short", shorten(r->a, label));
		vm_int(it, "value", bars[i].value);
		vm_str(it, "percent", pc);
		vm_str(it, "width", tenths(r->a, w));
		vm_int(it, "y", (long long)i * CHART_ROW + CHART_TOP + 22);
		vm_int(it, "ly", (long long)i * CHART_ROW + CHART_TOP + 16);
		vm_int(it, "ty", (long long)i * CHART_ROW + CHART_TOP + 36);
		/* Start side: the left in English, the right in Arabic. */
		vm_str(it, "x", tenths(r->a, rtl ? 1000 - w : 0));
		vm_str(it, "lx", rtl ? "100" : "0");
		vm_str(it, "tx", tenths(r->a, rtl ? 1000 - w - 10 : w + 10));
		vm_str(it, "anchor", rtl ? "end" : "start");
		if (i > 0)
			buf_adds(&d, sep);
		buf_printf(&d, "%s: %lld (%s%%)", label, bars[i].value, pc);
	}
	if (desc == NULL) {
		if (n == 0)
			desc = i18n_subst(r->a, i18n_get(r->lang,
			    "{1}: nothing to count yet."), title, NULL);
		else
			desc = i18n_subst(r->a, i18n_get(r->lang,
			    "{1}, {2} in all: {3}."), title,
			    arena_printf(r->a, "%lld", sum), d.data, NULL);
	}
	vm_str(c, "desc", desc);
}
