/*
 * test_chart.c — the bar chart drawn by views/partials/chart from
 * chart_model: the SVG named by its title and description, each bar
 * scaled to the largest with its value and percent beside it, growing
 * from the right in Arabic, the same numbers in a table captioned with
 * the title, percentages with one decimal of the given total (or of the
 * sum), nothing divided by zero, and labels escaped and isolated.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "chart.h"
#include "http.h"
#include "i18n.h"
#include "t.h"
#include "tmpl.h"
#include "vm.h"

static struct arena *a;

static const char *
draw(struct req *r, const char *title, const char *desc,
    const struct chart_bar *bars, int n, long long total)
{
	const struct tmpl	*t = tmpl_find("partials/chart");
	struct val		*m = vm_obj(a);
	struct buf		 b;

	chart_model(r, m, "c", "ch1", title, desc, bars, n, total);
	buf_init(&b, a);
	if (t != NULL)
		tmpl_render(&b, t, vm_get(m, "c"), r->lang);
	return b.data;
}

/* How many times needle is in h. */
static int
occurs(const char *h, const char *needle)
{
	int	 n = 0;

	while ((h = strstr(h, needle)) != NULL) {
		n++;
		h += strlen(needle);
	}
	return n;
}

int
main(void)
{
	static const struct chart_bar votes[] = {
		{ "Support", 3 }, { "Oppose", 1 }, { "No opinion", 0 },
		{ "Tom <&\"> Ali", 4 } };
	static const struct chart_bar none[] = { { "A", 0 }, { "B", 0 } };
	struct req	*r;
	const char	*h;
	char		*err = NULL;

	a = arena_new(1 << 16);
	if (tmpl_load_dir(a, "views", &err) == -1 ||
	    i18n_load(a, "views/locale", &err) == -1) {
		printf("Bail out! %s\n", err);
		return 1;
	}
	r = arena_zalloc(a, sizeof(*r));
	r->a = a;
	r->lang = "en";

	h = draw(r, "Positions", NULL, votes, 4, 0);
	t_ok(strstr(h, "<svg class=\"bars\" role=\"img\" aria-labelledby="
	    "\"ch1-title\" aria-describedby=\"ch1-desc\"") != NULL &&
	    strstr(h, "<title id=\"ch1-title\">Positions</title>") != NULL,
	    "an SVG image named by its title");
	t_ok(strstr(h, "<desc id=\"ch1-desc\">Positions, 8 in all: "
	    "Support: 3 (37.5%); Oppose: 1 (12.5%); No opinion: 0 (0.0%); "
	    "Tom &lt;&amp;&quot;&gt; Ali: 4 (50.0%).</desc>") != NULL,
	    "without a description, one says every number");
	t_eq_int(occurs(h, "<rect "), 4, "one bar per value");
	t_ok(strstr(h, "<rect x=\"0.0%\" y=\"26\" width=\"48.8%\"") != NULL &&
	    strstr(h, "width=\"16.3%\"") != NULL &&
	    strstr(h, "width=\"0.0%\"") != NULL &&
	    strstr(h, "<rect x=\"0.0%\" y=\"164\" width=\"65.0%\"") != NULL,
	    "bars scaled to the largest (4 → 65%%, 3 → 48.8%%, 1 → 16.3%%), "
	    "one row each");
	t_ok(strstr(h, "<text class=\"value\" x=\"49.8%\" y=\"40\" "
	    "text-anchor=\"start\">3 (37.5%)</text>") != NULL &&
	    strstr(h, ">4 (50.0%)</text>") != NULL &&
	    strstr(h, ">0 (0.0%)</text>") != NULL,
	    "each value and percent written just past its bar's end");
	t_ok(strstr(h, "<caption>Positions</caption>") != NULL &&
	    strstr(h, "<th scope=\"col\">Category</th><th scope=\"col\">Count"
	    "</th><th scope=\"col\">Percentage</th>") != NULL,
	    "a table captioned with the title: label, count, percent");
	t_ok(strstr(h, "<tr><th scope=\"row\"><bdi>Support</bdi></th><td>3</td>"
	    "<td>37.5%</td></tr>") != NULL &&
	    strstr(h, "<tr><th scope=\"row\"><bdi>Oppose</bdi></th><td>1</td>"
	    "<td>12.5%</td></tr>") != NULL &&
	    strstr(h, "<th scope=\"row\">Total</th><td>8</td>") != NULL,
	    "the table rows and the total (the sum of the values)");
	t_ok(strstr(h, "<bdi>Tom &lt;&amp;&quot;&gt; Ali</bdi>") != NULL &&
	    strstr(h, ">Tom &lt;&amp;&quot;&gt; Ali</text>") != NULL &&
	    strstr(h, "<&\"") == NULL,
	    "a label's <&\" is escaped, in the table (isolated) and the SVG");

	/* A total given: percentages of the respondents. */
	h = draw(r, "Topics", "Six people answered.", votes, 2, 6);
	t_ok(strstr(h, "<td>3</td><td>50.0%</td>") != NULL &&
	    strstr(h, "<td>1</td><td>16.7%</td>") != NULL &&
	    strstr(h, "<th scope=\"row\">Total</th><td>4</td>") != NULL &&
	    strstr(h, "class=\"note chart-base\">Percentages are of 6,") !=
	    NULL &&
	    strstr(h, "<desc id=\"ch1-desc\">Six people answered.</desc>") !=
	    NULL, "percent of the given total, rounded to one decimal, which "
	    "a note names; the table's total is the rows' sum; the "
	    "description given");

	/* Nothing counted: no division by zero. */
	h = draw(r, "Empty", NULL, none, 2, 0);
	t_ok(strstr(h, "<td>0</td><td>0%</td>") != NULL &&
	    strstr(h, "width=\"0.0%\"") != NULL &&
	    strstr(h, "<th scope=\"row\">Total</th><td>0</td>") != NULL,
	    "a total of 0: percent 0, empty bars");
	h = draw(r, "No bars", NULL, NULL, 0, 0);
	t_ok(strstr(h, "<svg") == NULL &&
	    strstr(h, "<caption>No bars</caption>") != NULL &&
	    strstr(h, "Nothing to count yet.") != NULL,
	    "no bars: no drawing, the table says there is nothing");

	/* Arabic: bars from the right, the words translated. */
	r->lang = "ar";
	h = draw(r, "المواقف", NULL, votes, 4, 0);
	t_ok(strstr(h, "<rect x=\"51.2%\" y=\"26\" width=\"48.8%\"") != NULL &&
	    strstr(h, "<rect x=\"35.0%\" y=\"164\" width=\"65.0%\"") != NULL,
	    "in Arabic a bar ends at the right edge");
	t_ok(strstr(h, "<text class=\"label\" x=\"100%\" y=\"20\" "
	    "text-anchor=\"end\">Support</text>") != NULL &&
	    strstr(h, "<text class=\"value\" x=\"50.2%\" y=\"40\" "
	    "text-anchor=\"end\">3 (37.5%)</text>") != NULL,
	    "in Arabic labels start at the right, values left of the bar");
	t_ok(strstr(h, "<th scope=\"col\">النسبة المئوية</th>") != NULL &&
	    strstr(h, "<th scope=\"row\">المجموع</th>") != NULL &&
	    strstr(h, "المواقف، 8 في المجموع: Support: 3 (37.5%)؛ ") != NULL,
	    "in Arabic the headings and the description are Arabic");

	arena_free(a);
	return t_done();
}
