/*
 * test_opendata.c — the open-data tables against their statements (a
 * column added to an od_ statement without its meaning, or renamed, is
 * caught here rather than in a harvester), every meaning translated,
 * and content negotiation of the catalog (rdf_accept).
 */
#include <string.h>

#include "arena.h"
#include "db.h"
#include "i18n.h"
#include "opendata.h"
#include "rdf.h"
#include "sql_gen.h"
#include "t.h"

int
main(void)
{
	struct arena	*a = arena_new(65536);
	char		*err = NULL;
	int		 k, i, html;

	for (k = 0; k < OD__MAX; k++) {
		const struct od_table *t = &od_tables[k];
		const struct db_stmt *st = &sql_stmts[t->stmt];
		int same = 1, next = 0;

		/* Each statement column in order, whole or as its halves
		 * ("themes" → themes_ar, themes_en). */
		for (i = 0; same && i < t->ncols; i++) {
			const struct od_col *c = &t->cols[i];
			size_t n;

			if (c->name == NULL || c->desc == NULL ||
			    c->type >= ODT__MAX || c->src < 0 ||
			    c->src >= st->ncol) {
				same = 0;
				break;
			}
			n = strlen(st->cols[c->src]);
			if (c->part == 0)
				same = strcmp(c->name, st->cols[c->src]) == 0 &&
				    c->src == next++;
			else
				same = strncmp(c->name, st->cols[c->src], n) ==
				    0 && c->name[n] == '_' && c->src ==
				    (c->part == 1 ? next++ : next - 1);
			if (!same)
				printf("#   %s: column %d (%s)\n", st->name, i,
				    c->name);
		}
		t_ok(same && next == st->ncol, "table %d: every column of %s, "
		    "in order, with its type and meaning", k, st->name);
		t_ok(t->row != NULL && *t->row != '\0', "table %d names its "
		    "XML rows", k);
	}

	t_ok(i18n_load(a, "views/locale", &err) == 0, "the catalogues load");
	for (k = 0; k < OD__MAX; k++) {
		const struct od_table *t = &od_tables[k];
		int all = 1;

		for (i = 0; i < t->ncols; i++)
			if (strcmp(i18n_get("ar", t->cols[i].desc),
			    t->cols[i].desc) == 0) {
				printf("#   no Arabic for \"%s\"\n",
				    t->cols[i].desc);
				all = 0;
			}
		t_ok(all, "table %d: every column's meaning has its Arabic",
		    k);
	}

	t_eq_int(rdf_accept(NULL, &html), RDF_TURTLE, "no Accept: Turtle");
	t_eq_int(rdf_accept("*/*", &html), RDF_TURTLE, "*/*: Turtle");
	t_eq_int(rdf_accept("application/rdf+xml", &html), RDF_XML,
	    "application/rdf+xml");
	t_eq_int(rdf_accept("text/turtle;q=0.4, application/rdf+xml;q=0.6",
	    &html), RDF_XML, "the higher q wins");
	t_eq_int(rdf_accept("application/rdf+xml;q=0.5, text/turtle", &html),
	    RDF_TURTLE, "q=1 when none is given");
	t_eq_int(rdf_accept("application/rdf+xml, */*;q=0.1", &html), RDF_XML,
	    "a named type beats the wildcard");
	t_eq_int(rdf_accept("text/turtle;q=0, application/json", &html),
	    RDF__MAX, "neither accepted (q=0, another type)");
	rdf_accept("text/html,application/xhtml+xml,*/*;q=0.8", &html);
	t_ok(html, "a browser prefers HTML");
	rdf_accept("text/turtle, text/html;q=0.9", &html);
	t_ok(!html, "a client preferring Turtle is not a browser");
	arena_free(a);
	return t_done();
}
