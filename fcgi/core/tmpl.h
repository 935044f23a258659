/*
 * tmpl.h — our logic-less templates (mustache-like), parsed once at
 * start-up.
 *
 *   {{name}} {{a.b}}   value, HTML-escaped (text and quoted attributes)
 *   {{%name}}          value, URL-component-encoded
 *   {{{name}}}         raw — only for HTML the program built itself;
 *                      `make lint` lists every use
 *   {{#name}}…{{/name}} section: once per list item, once for a true
 *                      value or an object (which becomes the context)
 *   {{^name}}…{{/name}} inverted section
 *   {{>name}}          partial (another template), resolved at start-up
 *   {{_Some text}}     UI string through the catalogue of the request's
 *                      language, escaped
 *   {{! comment}}
 */
#ifndef SHAREK_TMPL_H
#define SHAREK_TMPL_H

struct arena;
struct buf;
struct val;
struct tmpl;

/* Parses text; returns a template owned by the arena, or NULL with *err. */
struct tmpl	*tmpl_parse(struct arena *, const char *name, const char *text,
		    char **err);
/* Loads every *.html under dir (names are paths without ".html") and
 * resolves partials; -1 with *err when a file fails or a partial is
 * unknown. */
int		 tmpl_load_dir(struct arena *, const char *dir, char **err);
/* Adds a parsed template to the set (tmpl_load_dir does this). */
void		 tmpl_register(struct tmpl *);
/* Resolves partial references of every registered template. */
int		 tmpl_link(struct arena *, char **err);
const struct tmpl *tmpl_find(const char *name);
/* Renders into out; lang selects the catalogue for {{_…}}. */
void		 tmpl_render(struct buf *out, const struct tmpl *,
		    const struct val *ctx, const char *lang);
/* Forgets every registered template (tests and fuzzing). */
void		 tmpl_clear(void);

#endif
