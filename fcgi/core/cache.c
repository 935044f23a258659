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
	cur.site = dbres_u(res, CACHE_GENERATIONS_SITE);
	cur.gen = dbres_u(res, CACHE_GENERATIONS_SCOPE);
	strcpy(cur.scope, scope);
	cur.valid = 1;
	return 0;
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
