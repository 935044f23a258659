-- The per-worker cache of what rarely changes (fcgi/core/cache.c,
-- issue 17): the generations it is revalidated against, bumped by the
-- triggers of sql/migrations/0027_generations.sql.

-- name: cache_generations
-- The generation of the site (entities, sectors, principles, the
-- calendar) and of one more scope (e.g. 'activity:17'; '' for none), in
-- one statement read once per request; a missing row is generation 0.
-- param: scope s
SELECT COALESCE((SELECT gen FROM generations WHERE name = 'site'), 0)
         AS site,
       COALESCE((SELECT gen FROM generations WHERE name = :scope), 0)
         AS scope;
