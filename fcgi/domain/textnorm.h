/*
 * textnorm.h — text normalisation and stemming for search in Arabic and
 * English: users type أحكام, احكام or إحكام for the same word, with or
 * without diacritics and tatweel, and مؤسسة صحية when the title says
 * المؤسسات الصحية.  The stored search text (textnorm_stems) and the query
 * (textnorm_query) go through the same normalisation and the same
 * Snowball stemmers (libstemmer: "arabic" for words in Arabic script,
 * "english" for Latin ones).
 *
 * How a query matches (sql/queries/consultations_public.sql, consult_list:
 * search_text LIKE CONCAT('%', :q, '%')):
 *
 *   index  textnorm_stems: the distinct stems of the text, sorted by
 *          strcmp, each written as " stem " — so " a  b  c ": one space
 *          before and one after every stem, two between neighbours;
 *   query  textnorm_query: the distinct stems of the query, sorted the
 *          same way, joined by " % " — " a % c "; the statement adds the
 *          outer '%'s: "% a % c %".
 *
 * The pattern matches exactly when every query stem is one of the
 * index's stems (whole-word AND, in any order of the words typed):
 *   - sound: stems contain no space, so a literal run " x " of the
 *     pattern can only match a whole stem of the index, never a part of
 *     one (the stem "صح" does not match " صحف ");
 *   - complete: LIKE wants the runs in the order of the pattern, and the
 *     stems are sorted on both sides, so the query's stems appear in the
 *     index in the same order; each index stem has its own two spaces, so
 *     neighbouring runs " a " " b " never need to share one;
 *   - stems never contain '%', '_' or '\' (ASCII punctuation separates
 *     words), so nothing in :q is an unintended wildcard.
 * A change of the output of these functions needs the stored texts
 * rebuilt: `sharekctl reindex` (workflow_reindex).
 *
 * The stemmers are created on first use and kept for the life of the
 * process; they are not thread-safe (workers are single-threaded).
 */
#ifndef SHAREK_TEXTNORM_H
#define SHAREK_TEXTNORM_H

#include <stddef.h>

struct arena;

/* Arena-owned, NUL-terminated normalised copy of s[0..n):
 *   alef with hamza/madda/wasla → bare alef; taa marbuta → haa;
 *   alef maqsura → yaa; harakat, shadda, sukun, dagger alef and tatweel
 *   removed; Arabic-Indic digits → ASCII; Latin lower-cased; any run of
 *   spaces, punctuation or control characters → one space; trimmed. */
char		*textnorm(struct arena *, const char *s, size_t n);

/* The search text of s[0..n) for activities.search_text: its distinct
 * stems, sorted, each as " stem " (see above); "" when s has no word.
 * Arena-owned. */
const char	*textnorm_stems(struct arena *, const char *s, size_t n);

/* The search pattern of the query s[0..n) for consult_list's :q: its
 * distinct stems, sorted, joined by " % ", with a space at each end;
 * "" when the query has no word (no filter).  Function words (في, من,
 * the, of, single letters…) are left out of a query that has other
 * words, since every stem of the query must be found; a query made only
 * of them looks for them.  Arena-owned. */
const char	*textnorm_query(struct arena *, const char *s, size_t n);

/* Arena-owned copy of the NUL-terminated s with the Arabic-Indic digits
 * ٠–٩ (U+0660–0669) and the Eastern Arabic-Indic ۰–۹ (U+06F0–06F9)
 * turned into ASCII 0–9, everything else unchanged: phone numbers and
 * numbers typed by users.  NULL for NULL. */
char		*textnorm_digits(struct arena *, const char *s);

#endif
