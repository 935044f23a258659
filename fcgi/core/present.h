/*
 * present.h — the one presentation module every program uses: which of
 * two stored languages to show, times in the reader's language and the
 * deployment's time zone, labels from tables indexed by domain enums,
 * and choice lists (select / radio) built from an enum with the current
 * value selected.  Everything returned is owned by the request's arena.
 */
#ifndef SHAREK_PRESENT_H
#define SHAREK_PRESENT_H

#include <time.h>

struct req;
struct val;

/* The text in the request's language, falling back to Arabic ("" when
 * both are missing). */
const char	*present_pick(const struct req *, const char *ar,
		    const char *en);
/* A date / date and time in the request's language and the deployment's
 * time zone; "" for 0.  present_datetime names the zone ("UTC+3"). */
const char	*present_date(const struct req *, time_t);
const char	*present_datetime(const struct req *, time_t);
/* The same from an SQL DATETIME text (UTC); "" for NULL. */
const char	*present_sqldate(const struct req *, const char *sqltime);
const char	*present_sqldatetime(const struct req *, const char *sqltime);
/* "2026-11-22T10:00" in the deployment's zone, for datetime-local
 * inputs; "" for 0. */
const char	*present_input_datetime(const struct req *, time_t);
/* A byte count as "12 KB" / "1.5 MB" in the request's language. */
const char	*present_size(const struct req *, long long bytes);
/* The translation of labels[i] (msgids, e.g. a domain enum's label
 * table), or "" when i is out of range. */
/* A phrase counting n in the reader's language, its number in place of
 * {1}: one (msgid) for a single thing, other (msgid_plural) for the
 * rest, and Arabic's own forms from the catalogue (i18n_nget), e.g.
 * present_count(r, N_("{1} working day late"), N_("{1} working days
 * late"), 24) → "24 يوم عمل تأخير". */
const char	*present_count(const struct req *, const char *one,
		    const char *other, long long n);
const char	*present_label(const struct req *, const char *const *labels,
		    int n, int i);
/* model[key] = a list of { value, label, selected } for i in 0..n-1,
 * value = names[i], label = tr(labels[i]); selected where names[i]
 * equals current (which may be NULL).  For <select> and radio groups. */
void		 present_choices(const struct req *, struct val *model,
		    const char *key, const char *const *names,
		    const char *const *labels, int n, const char *current);
/* Completes model["f"][name] (value and error come from
 * http_form_model, which it calls) with what views/partials/field draws:
 * name, id ("f-name"), label and hint (translated from the parameter's
 * msgids), required, maxlength, one flag for the control (is_text,
 * is_textarea, is_email, is_tel, is_number, is_date, is_datetime,
 * is_checkbox, is_file, is_select, is_password), its autocomplete
 * purpose, P_LTR fields as ltr, error id ("e-name")
 * and, for PT_ENUM, choices [{value, label, selected}] with the value
 * sent (or def_choice) selected.  Use as
 *	{{#f.title_ar}}{{>partials/field}}{{/f.title_ar}} */
void		 present_fields(struct req *, struct val *model);
/* The same for the form of another route (a GET page drawing the form
 * its POST route declares): every field of the table t (n long), empty,
 * unless t is the current route's table, whose values and messages are
 * kept (present_fields).  Use PARAMS(t) for t, n. */
void		 present_form(struct req *, struct val *model,
		    const struct param *t, int n);

#endif
