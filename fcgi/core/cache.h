/*
 * cache.h — what rarely changes, kept by each worker between requests
 * (issue 17): the results of named statements, revalidated by
 * generations the database bumps in the same transaction as every write
 * that changes them (sql/migrations/0027_generations.sql).
 *
 * A page calls cache_begin() once with the scope it depends on besides
 * the site ('activity:17', or NULL): one statement reads the site's and
 * the scope's generations.  cache_query() then answers like db_query()
 * from an entry filled under the same generations, or runs the statement
 * and keeps its result.  A change committed by any worker on any host is
 * therefore seen by every worker on its next request.  Without
 * cache_begin() in the current request (or when it failed) cache_query()
 * is db_query() into the request's arena.
 *
 * Cached results are shared: read them (dbres_next) and never keep
 * their pointers past the request.  Entries used in a request stay
 * until the next one begins (cache_request), so a page may hold every
 * value it read.  Memory is bounded ([cache] max_kb, 4096 by default):
 * the least recently used entries go first.
 */
#ifndef SHAREK_CACHE_H
#define SHAREK_CACHE_H

#include <stddef.h>
#include <time.h>

struct arena;
struct db;
struct dbarg;
struct dbres;

/* A new request: forgets the generations read by the previous one and
 * frees the entries it replaced (http_serve calls it). */
void		 cache_request(void);
/* Reads the generations of the site and of scope (NULL: the site
 * only); 0, or -1 (logged) when the statement failed: cache_query then
 * reads the database. */
int		 cache_begin(struct db *, struct arena *, const char *scope);
/* As cache_begin(), with the generations a statement of the page has
 * already read among its own columns (consult_head): no statement. */
void		 cache_use(const char *scope, unsigned long long site,
		    unsigned long long gen);
/* Whether this request has read generations (cache_begin, cache_use):
 * the site's is among them whatever the scope. */
int		 cache_ready(void);
/* The generations this request read, as a stamp for http_page_reuse
 * ("site.scope", arena-owned), or NULL when it read none. */
const char	*cache_stamp(struct arena *);
/* As db_query(); the result is owned by the cache or, uncached, by a. */
struct dbres	*cache_query(struct db *, struct arena *, int stmt,
		    const struct dbarg *);

/*
 * Whole responses of anonymous pages (http_page_reuse, http.h): under a
 * key (method, address, language), the response as the handler left it
 * with the stamp of everything else it was drawn from and the instant
 * time alone changes it.  Bounded by [cache] page_kb (2048 per worker
 * by default, 0: none kept) and CACHE_PAGES entries, least recently
 * used first.
 */
struct cache_page {
	const char	*hdrs;		/* the handler's header lines */
	size_t		 hdrlen;
	const char	*body;
	size_t		 bodylen;
	const char	*ctype;		/* NULL: text/html */
};
/* The copy under key drawn with stamp and still valid at now: 1 and
 * *out (valid until the next cache_page_put), or 0. */
int		 cache_page_get(const char *key, const char *stamp,
		    time_t now, struct cache_page *out);
/* Keeps a copy of p under key, replacing any other. */
void		 cache_page_put(const char *key, const char *stamp,
		    time_t until, const struct cache_page *p);

#endif
