/*
 * results_stats.h — the statistics of an analysis as a page draws them
 * (model["stats"]: the figures, the charts by position, article and
 * theme with their tables — chart.h — and the largest campaign groups),
 * and the changes of the final document, shared by the public results
 * page (page_results.c) and the staff analysis and report pages
 * (fcgi/staff/page_analysis.c), which include this file.  The numbers are analysis_stats_load()'s: report_stats, one
 * statement whatever the number of comments.
 */
#ifndef SHAREK_RESULTS_STATS_H
#define SHAREK_RESULTS_STATS_H

#include "analysis.h"
#include "chart.h"
#include "db.h"
#include "present.h"
#include "sql_gen.h"
#include "http.h"
#include "vm.h"
#include "wdiff.h"

/* Fills model["stats"] for activity id: 0, or -1 on a database error. */
static int
results_stats_model(struct req *r, struct val *m, unsigned long long id)
{
	struct an_stats	 st;
	struct val	*c = vm_child(m, "stats"), *l, *it;
	int		 i;

	if (analysis_stats_load(r->db, r->a, id, r->lang, &st) == -1)
		return -1;
	vm_bool(c, "computed", st.computed);
	vm_int(c, "participants", st.participants);
	vm_int(c, "natural", st.natural);
	vm_int(c, "legal", st.legal);
	vm_int(c, "former", st.former);
	vm_int(c, "received", st.received);
	vm_int(c, "published", st.published);
	vm_int(c, "rejected", st.rejected);
	vm_int(c, "pending", st.pending);
	vm_int(c, "groups", st.groups);
	vm_int(c, "grouped", st.grouped);
	chart_model(r, c, "by_position", "chart-position",
	    tr(r, "Published comments by the entity's position"), NULL,
	    st.positions, st.npositions, 0);
	chart_model(r, c, "by_article", "chart-article",
	    tr(r, "Published comments by article"), NULL, st.articles,
	    st.narticles, 0);
	chart_model(r, c, "by_theme", "chart-theme",
	    tr(r, "Published comments by theme"), NULL, st.topics,
	    st.ntopics, st.published);
	l = vm_list(c, "groups_list");
	for (i = 0; i < st.nsizes; i++) {
		it = vm_push(l);
		vm_strf(it, "gid", "%llu", st.group_ids[i]);
		vm_str(it, "text", st.sizes[i].label);
		vm_int(it, "size", st.sizes[i].value);
	}
	vm_bool(c, "has_groups_list", st.nsizes > 0);
	return 0;
}

/* it["diff_title"], it["diff_body"]: the words a changed article of the
 * final document changed from the consulted one, in the reader's
 * language, for views/partials/wdiff — from the current row of
 * rp_articles (report.sql). */
static void
results_final_diff(struct req *r, struct val *it, const struct dbres *res)
{
	wdiff_model(r->a, it, "diff_title", present_pick(r,
	    dbres_str(res, RP_ARTICLES_OLD_TITLE_AR),
	    dbres_str(res, RP_ARTICLES_OLD_TITLE_EN)), present_pick(r,
	    dbres_str(res, RP_ARTICLES_TITLE_AR),
	    dbres_str(res, RP_ARTICLES_TITLE_EN)));
	wdiff_model(r->a, it, "diff_body", present_pick(r,
	    dbres_str(res, RP_ARTICLES_OLD_BODY_AR),
	    dbres_str(res, RP_ARTICLES_OLD_BODY_EN)), present_pick(r,
	    dbres_str(res, RP_ARTICLES_BODY_AR),
	    dbres_str(res, RP_ARTICLES_BODY_EN)));
}

#endif
