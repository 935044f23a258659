/*
 * asset.h — the static files' addresses with a content hash (issue 17):
 * /static/sharek.css is also /static/sharek.<hash>.css, which nginx
 * serves with a one-year immutable Cache-Control (conf/nginx*.conf), so
 * a browser asks again only when the file changed.  The hashes are
 * computed once at start-up from the files themselves.
 */
#ifndef SHAREK_ASSET_H
#define SHAREK_ASSET_H

struct arena;
struct val;

/* Hashes every regular file of dir (the program's static/); 0, or -1
 * with *err (arena memory) when dir cannot be read. */
int		 asset_load(struct arena *, const char *dir, char **err);
/* model["static"]: every file's hashed address under its name with
 * '.' and '-' as '_' ({{static.sharek_css}}), for the layouts. */
void		 asset_model(struct val *);

#endif
