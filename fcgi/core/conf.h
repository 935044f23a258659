/*
 * conf.h — the INI configuration (conf/sharek.ini.in → var/sharek.ini),
 * read once at start-up.  Any key can be overridden by the environment:
 * SHAREK_<SECTION>_<KEY>, upper case (e.g. SHAREK_DB_SOCKET).
 */
#ifndef SHAREK_CONF_H
#define SHAREK_CONF_H

struct arena;

/* Parses the file; 0 or -1 (with a message naming the line in *err). */
int		 conf_load(struct arena *, const char *path, char **err);
/* Parses INI text (used by conf_load and by the fuzzer). */
int		 conf_parse(struct arena *, const char *text, char **err);
/* Returns the value (owned by the configuration) or def. */
const char	*conf_get(const char *section, const char *key, const char *def);
long		 conf_int(const char *section, const char *key, long def);
int		 conf_bool(const char *section, const char *key, int def);
/* Forgets everything parsed (tests and fuzzing). */
void		 conf_clear(void);
/* True when [app] env = production. */
int		 conf_production(void);

#endif
