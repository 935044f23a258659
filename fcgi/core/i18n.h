/*
 * i18n.h — UI languages.  Catalogues are gettext .po files under
 * views/locale/<lang>.po, parsed once at start-up.  Message ids are the
 * English text, so English needs no translation and a missing Arabic
 * translation shows English rather than nothing.
 */
#ifndef SHAREK_I18N_H
#define SHAREK_I18N_H

#include <stddef.h>
#include <time.h>

struct arena;
struct buf;

#define I18N_DEFAULT	"ar"

/* Loads views/locale/{ar,en}.po; -1 with *err on a syntax error. */
int		 i18n_load(struct arena *, const char *localedir, char **err);
/* The same from the installation at root ([app] root): the catalogues
 * every program loads at start-up, the FastCGI programs and sharekctl
 * alike (whose tick writes mail and timeline steps in Arabic). */
int		 i18n_load_root(struct arena *, const char *root, char **err);
/* Parses one catalogue's text into lang (also used by the fuzzer). */
int		 i18n_parse(struct arena *, const char *lang, const char *text,
		    size_t len, char **err);
/* Forgets both catalogues (tests and fuzzing). */
void		 i18n_clear(void);
/* The translation, or msgid itself; never NULL, owned by the catalogue. */
const char	*i18n_get(const char *lang, const char *msgid);
/* The translation of a phrase counting n (msgid one, msgid_plural
 * other, e.g. "{1} working day late" / "{1} working days late"): the
 * catalogue's form for n in lang (Arabic has six: msgstr[0] … [5] for 0,
 * 1, 2, 3–10, 11–99, 100+), else one for 1 and other otherwise.  {1}
 * is then the number (i18n_subst). */
#define I18N_NFORMS	6
const char	*i18n_nget(const char *lang, const char *one,
		    const char *other, long long n);
/* Fills {1}…{9} in a translated text with the given strings (a NULL
 * ends the list).  Translations are never printf formats: a translator
 * cannot break the program with a stray %.  Arena-owned result. */
const char	*i18n_subst(struct arena *, const char *text, ...);
/* "ar" or "en" from a cookie value and an Accept-Language header. */
const char	*i18n_pick(const char *cookie, const char *accept);
int		 i18n_supported(const char *lang);
/* "rtl" or "ltr". */
const char	*i18n_dir(const char *lang);
/* Dates in the language: "22 تشرين الثاني 2026" / "22 November 2026". */
void		 i18n_date(struct buf *, const char *lang, time_t);
/* The deployment's time zone: its offset from UTC in seconds (no DST in
 * Jordan or Oman), set once at start-up, and its name ("UTC+3"). */
void		 i18n_set_tz(long offset_seconds);
long		 i18n_tz(void);
const char	*i18n_tz_name(void);
/* The same with the time of day, in the deployment's zone (UTC+3). */
void		 i18n_datetime(struct buf *, const char *lang, time_t);
/* And the zone's name after it: "22 November 2026, 10:00 (UTC+3)". */
void		 i18n_datetime_tz(struct buf *, const char *lang, time_t);
/* Integers with group separators per language. */
void		 i18n_number(struct buf *, const char *lang, long long);

#endif
