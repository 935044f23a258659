/*
 * test_routes.c — the start-up check of route tables
 * (http_routes_check): each mistake that must stop a program before it
 * serves, one table per mistake, and the real shared routes
 * (AUTHPAGE_ROUTES) pass.
 */
#include <stdio.h>
#include <string.h>

#include "authpage.h"
#include "http.h"
#include "http_int.h"
#include "t.h"

static int
h(struct req *r)
{
	(void)r;
	return 200;
}

static const char *const yesno[] = { "yes", "no", NULL };
static const char *const none[] = { NULL };

static const struct param good[] = {
	{ .name = "q", .type = PT_STR },
	{ .name = "page-2", .type = PT_INT },
	{ .name = "a_b9", .type = PT_ENUM, .choices = yesno },
};
static const struct param badname1[] = { { .name = "Q", .type = PT_STR } };
static const struct param badname2[] = { { .name = "9a", .type = PT_STR } };
static const struct param badname3[] = { { .name = "a b", .type = PT_STR } };
static const struct param badname4[] = { { .name = "", .type = PT_STR } };
static const struct param badname5[] = { { .name = NULL, .type = PT_STR } };
static const struct param badname6[] = { { .name = "a.b", .type = PT_STR } };
static const struct param badname7[] = { { .name = "_a", .type = PT_STR } };
static const struct param dup[] = {
	{ .name = "q", .type = PT_STR },
	{ .name = "n", .type = PT_INT },
	{ .name = "q", .type = PT_TEXT },
};
static const struct param enum0[] = { { .name = "e", .type = PT_ENUM } };
static const struct param enum1[] = { { .name = "e", .type = PT_ENUM,
	.choices = none } };

struct rcase {
	struct route	 rt[3];
	int		 n;
	const char	*err;	/* a part of the message, NULL: passes */
	const char	*what;
};

#define R(m, p)		{ m, p, h, 0, NULL, 0, 0 }
#define RP(m, p, t)	{ m, p, h, 0, PARAMS(t), 0 }

static const struct rcase cases[] = {
	{ { R("GET", "/"), RP("GET", "/c/{id}", good),
	    R("GET", "/f/{name:slug}/x") }, 3, NULL, "a good table" },
	{ { R("GET", "/c/{id}"), R("POST", "/c/{id}") }, 2, NULL,
	    "GET and POST of one pattern" },
	{ { R("GET", "/a/{x}/b/{y}") }, 1, NULL, "two captures" },
	{ { R("GET", "/feeds/activities.atom") }, 1, NULL, "a dot" },
	{ { { "GET", "/", h, 0, NULL, 0, 0 } }, 0, NULL, "an empty table" },
	{ { R("PUT", "/") }, 1, "method", "PUT" },
	{ { R("get", "/") }, 1, "method", "lower-case get" },
	{ { R("HEAD", "/") }, 1, "method", "HEAD (GET routes answer it)" },
	{ { R(NULL, "/") }, 1, "method", "no method" },
	{ { R("GET", "/"), R("GET", "/") }, 2, "same method and pattern",
	    "the same route twice" },
	{ { R("GET", "/c/{id}"), R("GET", "/c/{n}") }, 2,
	    "same method and pattern", "the same shape under other capture "
	    "names" },
	{ { R("GET", "c") }, 1, "start with /", "a pattern without /" },
	{ { R("GET", NULL) }, 1, "start with /", "no pattern" },
	{ { R("GET", "/c/{id") }, 1, "without }", "an unclosed {" },
	{ { R("GET", "/c/id}") }, 1, "without {", "a } alone" },
	{ { R("GET", "/c/{}") }, 1, "needs a name", "an empty capture" },
	{ { R("GET", "/c/{Id}") }, 1, "capture name", "a capture name in "
	    "capitals" },
	{ { R("GET", "/c/{id:int}") }, 1, ":slug", "an unknown capture type" },
	{ { R("GET", "/r/{id:ref}.json") }, 1, NULL, "a :ref capture" },
	{ { R("GET", "/r/{id:ref}"), R("GET", "/r/{n:slug}") }, 2,
	    "same method and pattern", "a :ref and a :slug in one place" },
	{ { R("GET", "/c/x{id}") }, 1, "start a segment",
	    "a capture inside a segment" },
	{ { R("GET", "/c/{id}x") }, 1, "end its segment",
	    "text after a capture in its segment" },
	{ { R("GET", "/c/{id}.atom") }, 1, NULL,
	    "a .suffix after a capture (/opendata/datasets/{slug:slug}.csv)" },
	{ { R("GET", "/c/{id}.atom"), R("GET", "/c/{n}.rss") }, 2, NULL,
	    "the same capture with two suffixes" },
	{ { R("GET", "/c/{a{b}}") }, 1, "", "a nested capture" },
	{ { R("GET", "/c//d") }, 1, "empty segment", "//" },
	{ { R("GET", "/c?x=1") }, 1, "cannot be matched", "a query" },
	{ { R("GET", "/c d") }, 1, "cannot be matched", "a blank" },
	{ { R("GET", "/c%20d") }, 1, "cannot be matched", "a percent" },
	{ { R("GET", "/{a}/{b}/{c}/{d}/{e}/{f}/{g}/{h}/{i}") }, 1,
	    "too many", "more captures than HTTP_MAXSEG" },
	{ { { "GET", "/", NULL, 0, NULL, 0, 0 } }, 1, "no handler",
	    "no handler" },
	{ { { "GET", "/", h, 0, NULL, 2, 0 } }, 1, "no table",
	    "a count without a table" },
	{ { { "GET", "/", h, 0, good, -1, 0 } }, 1, "no table",
	    "a negative count" },
	{ { RP("GET", "/", badname1) }, 1, "does not match", "name Q" },
	{ { RP("GET", "/", badname2) }, 1, "does not match", "name 9a" },
	{ { RP("GET", "/", badname3) }, 1, "does not match", "name a b" },
	{ { RP("GET", "/", badname4) }, 1, "does not match", "empty name" },
	{ { RP("GET", "/", badname5) }, 1, "does not match", "no name" },
	{ { RP("GET", "/", badname6) }, 1, "does not match", "name a.b" },
	{ { RP("GET", "/", badname7) }, 1, "does not match", "name _a" },
	{ { RP("GET", "/", dup) }, 1, "declared twice",
	    "a name twice in one table" },
	{ { RP("GET", "/", enum0) }, 1, "without choices",
	    "PT_ENUM without choices" },
	{ { RP("GET", "/", enum1) }, 1, "without choices",
	    "PT_ENUM with an empty list" },
};

static const struct route shared[] = {
	{ "GET", "/", h, 0, NULL, 0, 0 },
	AUTHPAGE_ROUTES,
};

int
main(void)
{
	char	 err[512];
	size_t	 i;
	int	 rc;

	for (i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
		const struct rcase *c = &cases[i];
		rc = http_routes_check(c->rt, c->n, err, sizeof(err));
		if (c->err == NULL)
			t_ok(rc == 0 && err[0] == '\0', "passes: %s", c->what);
		else
			t_ok(rc == -1 && strstr(err, c->err) != NULL,
			    "refused: %s", c->what);
		if ((rc == 0) != (c->err == NULL) || (c->err != NULL &&
		    strstr(err, c->err) == NULL))
			printf("#   rc=%d err=%s\n", rc, err);
	}
	t_ok(http_routes_check(shared, sizeof(shared) / sizeof(shared[0]),
	    err, sizeof(err)) == 0, "AUTHPAGE_ROUTES pass");
	t_eq_int(shared[1].nparams, AUTHPAGE_NEXT__MAX,
	    "AUTHPAGE_ROUTES count their parameters with PARAMS()");
	t_eq_int(shared[2].nparams, AUTHPAGE_LOGIN__MAX,
	    "... each table its own");
	rc = http_routes_check(cases[9].rt, 2, err, 20);
	t_ok(rc == -1 && strlen(err) < 20, "the message fits the buffer");
	return t_done();
}
