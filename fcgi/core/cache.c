/*
 * cache.c — see cache.h.  One table of entries per worker process (a
 * worker serves one request at a time: no locking).  An entry is the
 * result of one statement with its arguments, in an arena of its own,
 * with the generations it was read under; it answers a lookup only while
 * the database still has those generations.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "cache.h"
#include "conf.h"
#include "db.h"
#include "log.h"
#include "sql_gen.h"

#define CACHE_ENTRIES	1024	/* at most, whatever their size */
#define CACHE_GRAVE	64	/* replaced arenas freed next request */

struct entry {
	uint64_t	 hash;		/* of key */
	char		*key;		/* statement and arguments (malloc) */
	size_t		 keylen;
	unsigned long long site, gen;	/* generations it was read under */
	char		*scope;		/* malloc; "" for the site only */
	struct arena	*a;		/* owns res */
	struct dbres	*res;
	unsigned long	 used;		/* request serial of its last use */
};

static struct entry	 cache_tab[CACHE_ENTRIES];
static int		 cache_n;
static size_t		 cache_bytes;
static struct arena	*cache_grave[CACHE_GRAVE];
static int		 cache_ngrave;
static unsigned long	 cache_serial;

/* The generations of the current request (valid: cache_begin ran). */
static struct {
	int		 valid;
	unsigned long long site, gen;
	char		 scope[64];
} cur;

void
cache_request(void)
{
	int	 i;

	cur.valid = 0;
	cache_serial++;
	for (i = 0; i < cache_ngrave; i++)
		arena_free(cache_grave[i]);
	cache_ngrave = 0;
}

int
cache_begin(struct db *db, struct arena *a, const char *scope)
{
	struct dbres	*res;

	cur.valid = 0;
	if (scope == NULL)
		scope = "";
	if (strlen(scope) >= sizeof(cur.scope)) {
		log_warnx("%s: scope too long: %s", __func__, scope);
		return -1;
	}
	res = db_query(db, a, SQL_CACHE_GENERATIONS,
	    DB_ARGS(DB_S(scope, scope)));
	if (res == NULL || !dbres_next(res))
		return -1;
	cache_use(scope, dbres_u(res, CACHE_GENERATIONS_SITE),
	    dbres_u(res, CACHE_GENERATIONS_SCOPE));
	return cur.valid ? 0 : -1;
}

void
cache_use(const char *scope, unsigned long long site, unsigned long long gen)
{
	size_t	 n;

	cur.valid = 0;
	if (scope == NULL)
		scope = "";
	if ((n = strlen(scope)) >= sizeof(cur.scope)) {
		log_warnx("%s: scope too long: %s", __func__, scope);
		return;
	}
	memcpy(cur.scope, scope, n + 1);
	cur.site = site;
	cur.gen = gen;
	cur.valid = 1;
}

int
cache_ready(void)
{
	return cur.valid;
}

const char *
cache_stamp(struct arena *a)
{
	return cur.valid ? arena_printf(a, "%llu.%llu", cur.site, cur.gen) :
	    NULL;
}

/* The lookup key: the statement and every argument, typed. */
static void
cache_key(struct buf *k, int stmt, const struct dbarg *args)
{
	const struct dbarg *p;

	buf_printf(k, "%d", stmt);
	for (p = args; p != NULL && p->name != NULL; p++) {
		buf_printf(k, "|%s:%c:", p->name, p->type);
		switch (p->type) {
		case 'i':
		case 'u':
			buf_printf(k, "%lld", p->i);
			break;
		case 's':
			if (p->p != NULL)
				buf_printf(k, "%zu:%s", strlen(p->p),
				    (const char *)p->p);
			break;
		case 'b':
			buf_printf(k, "%zu:", p->len);
			buf_add(k, p->p, p->len);
			break;
		default:
			break;
		}
	}
}

static uint64_t
cache_hash(const char *p, size_t n)
{
	uint64_t h = 14695981039346656037ULL;	/* FNV-1a */

	while (n-- > 0) {
		h ^= (unsigned char)*p++;
		h *= 1099511628211ULL;
	}
	return h;
}

/* Drops entry i; its arena is freed at the next request, since this
 * one may still hold values read from it. */
static void
cache_drop(int i)
{
	struct entry	*e = &cache_tab[i];

	cache_bytes -= arena_size(e->a) + e->keylen;
	if (e->used == cache_serial && cache_ngrave < CACHE_GRAVE)
		cache_grave[cache_ngrave++] = e->a;
	else
		arena_free(e->a);
	free(e->key);
	free(e->scope);
	cache_tab[i] = cache_tab[--cache_n];
}

/* Makes room: the least recently used entries not used by this
 * request go first. */
static void
cache_evict(size_t max)
{
	int	 i, lru;

	while (cache_n > 0 && (cache_n >= CACHE_ENTRIES ||
	    cache_bytes > max)) {
		lru = -1;
		for (i = 0; i < cache_n; i++)
			if (cache_tab[i].used != cache_serial && (lru == -1 ||
			    cache_tab[i].used < cache_tab[lru].used))
				lru = i;
		if (lru == -1)
			return;
		cache_drop(lru);
	}
}

struct dbres *
cache_query(struct db *db, struct arena *a, int stmt,
    const struct dbarg *args)
{
	struct buf	 k;
	struct entry	*e;
	struct arena	*ea;
	struct dbres	*res;
	uint64_t	 h;
	size_t		 max;
	int		 i;

	if (!cur.valid)
		return db_query(db, a, stmt, args);
	buf_init(&k, a);
	cache_key(&k, stmt, args);
	h = cache_hash(k.data, k.len);
	for (i = 0; i < cache_n; i++) {
		e = &cache_tab[i];
		if (e->hash != h || e->keylen != k.len ||
		    memcmp(e->key, k.data, k.len) != 0)
			continue;
		if (e->site == cur.site && e->gen == cur.gen &&
		    strcmp(e->scope, cur.scope) == 0) {
			e->used = cache_serial;
			dbres_rewind(e->res);
			return e->res;
		}
		cache_drop(i);	/* changed since: read it again */
		break;
	}
	ea = arena_new(4096);
	if ((res = db_query(db, ea, stmt, args)) == NULL) {
		arena_free(ea);
		return NULL;
	}
	max = (size_t)conf_int("cache", "max_kb", 4096) * 1024;
	cache_evict(max);
	if (cache_n >= CACHE_ENTRIES) {
		/* Everything is in use by this request: do not keep it. */
		if (cache_ngrave < CACHE_GRAVE) {
			cache_grave[cache_ngrave++] = ea;
			return res;
		}
		arena_free(ea);
		return db_query(db, a, stmt, args);
	}
	e = &cache_tab[cache_n++];
	e->hash = h;
	if ((e->key = malloc(k.len)) == NULL ||
	    (e->scope = strdup(cur.scope)) == NULL)
		abort();
	memcpy(e->key, k.data, k.len);
	e->keylen = k.len;
	e->site = cur.site;
	e->gen = cur.gen;
	e->a = ea;
	e->res = res;
	e->used = cache_serial;
	cache_bytes += arena_size(ea) + k.len;
	return res;
}

/* ---- whole pages ---------------------------------------------------- */

#define CACHE_PAGES	256	/* at most, whatever their size */

struct page {
	char		*key;		/* malloc, with everything below */
	char		*stamp;
	time_t		 until;
	struct cache_page p;
	size_t		 size;		/* of the allocation */
	unsigned long	 used;
};

static struct page	 page_tab[CACHE_PAGES];
static int		 page_n;
static size_t		 page_bytes;

static int
page_find(const char *key)
{
	int	 i;

	for (i = 0; i < page_n; i++)
		if (strcmp(page_tab[i].key, key) == 0)
			return i;
	return -1;
}

static void
page_drop(int i)
{
	page_bytes -= page_tab[i].size;
	free(page_tab[i].key);
	page_tab[i] = page_tab[--page_n];
}

int
cache_page_get(const char *key, const char *stamp, time_t now,
    struct cache_page *out)
{
	int	 i;

	if ((i = page_find(key)) == -1)
		return 0;
	if (strcmp(page_tab[i].stamp, stamp) != 0 || now >= page_tab[i].until) {
		page_drop(i);
		return 0;
	}
	page_tab[i].used = cache_serial;
	*out = page_tab[i].p;
	return 1;
}

void
cache_page_put(const char *key, const char *stamp, time_t until,
    const struct cache_page *p)
{
	size_t		 kl = strlen(key) + 1, sl = strlen(stamp) + 1,
			 cl = p->ctype != NULL ? strlen(p->ctype) + 1 : 0,
			 size = kl + sl + cl + p->hdrlen + p->bodylen + 1;
	size_t		 max = (size_t)conf_int("cache", "page_kb", 2048) * 1024;
	struct page	*e;
	char		*m;
	int		 i, lru;

	if ((i = page_find(key)) != -1)
		page_drop(i);
	if (size > max / 4)
		return;		/* too big to be worth a quarter */
	while (page_n > 0 && (page_n >= CACHE_PAGES ||
	    page_bytes + size > max)) {
		lru = 0;
		for (i = 1; i < page_n; i++)
			if (page_tab[i].used < page_tab[lru].used)
				lru = i;
		page_drop(lru);
	}
	if ((m = malloc(size)) == NULL)
		return;
	e = &page_tab[page_n++];
	e->key = memcpy(m, key, kl);
	e->stamp = memcpy(m + kl, stamp, sl);
	m += kl + sl;
	e->p.ctype = NULL;
	if (cl > 0) {
		e->p.ctype = memcpy(m, p->ctype, cl);
		m += cl;
	}
	e->p.hdrs = memcpy(m, p->hdrs, p->hdrlen);
	e->p.hdrlen = p->hdrlen;
	m += p->hdrlen;
	e->p.body = p->bodylen > 0 ? memcpy(m, p->body, p->bodylen) : m;
	e->p.bodylen = p->bodylen;
	e->until = until;
	e->size = size;
	e->used = cache_serial;
	page_bytes += size;
}
