/*
 * test_present.c — the presentation module: the language pick, times in
 * the deployment's zone, sizes, choice lists, and a form field drawn by
 * views/partials/field from its declaration (present_form): label,
 * control, hint, message, aria-invalid, the chosen option kept.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "t.h"
#include "tmpl.h"
#include "vm.h"

static struct arena *a;

enum { K_TITLE, K_KIND, K_EMAIL, K_BODY, K__MAX };
static const char *const kinds[] = { "consultation", "survey", "poll", NULL };
static const char *const kind_labels[] = { "Consultation", "Survey",
    "Poll" };
static const struct param form[K__MAX] = {
	[K_TITLE] = { .name = "title", .type = PT_STR, .flags = P_REQ,
	    .min = 1, .max = 200, .label = "Title", .hint = "Short." },
	[K_KIND] = { .name = "kind", .type = PT_ENUM, .choices = kinds,
	    .label = "Kind", .choice_labels = kind_labels },
	[K_EMAIL] = { .name = "email", .type = PT_EMAIL, .label = "E-mail",
	    .autocomplete = "username" },
	[K_BODY] = { .name = "body", .type = PT_TEXT, .max = 5000,
	    .label = "Text" },
};
static const struct route route = { "POST", "/x", NULL, 0, PARAMS(form),
    0 };

static const char *
field(struct val *m, const char *name)
{
	struct buf	 b;
	const struct tmpl *t = tmpl_find("partials/field");
	struct val	*f = vm_get(vm_get(m, "f"), name);

	if (t == NULL || f == NULL)
		return "";
	buf_init(&b, a);
	tmpl_render(&b, t, f, "en");
	return b.data;
}

static struct req *
request(int with_route)
{
	struct req	*r = arena_zalloc(a, sizeof(*r));

	r->a = a;
	r->lang = "en";
	if (with_route) {
		r->route = &route;
		r->pv = arena_zalloc(a, sizeof(struct pval) * K__MAX);
	}
	return r;
}

int
main(void)
{
	struct req	*r;
	struct val	*m;
	const char	*s;
	char		*err = NULL;
	time_t		 t = 1764583200;	/* 2025-12-01 10:00 UTC */

	a = arena_new(1 << 16);
	if (tmpl_load_dir(a, "views", &err) == -1) {
		printf("Bail out! templates: %s\n", err);
		return 1;
	}

	r = request(0);
	t_eq_str(present_pick(r, "عربي", "English"), "English",
	    "English page picks the English text");
	t_eq_str(present_pick(r, "عربي", ""), "عربي",
	    "an empty English text falls back to Arabic");
	t_eq_str(present_pick(r, NULL, NULL), "", "nothing gives \"\"");
	r->lang = "ar";
	t_eq_str(present_pick(r, "عربي", "English"), "عربي",
	    "Arabic page picks the Arabic text");
	r->lang = "en";
	i18n_set_tz(3 * 3600);
	t_eq_str(present_datetime(r, t), "1 December 2025, 13:00 (UTC+3)",
	    "a time is shown in the deployment's zone, named");
	t_eq_str(present_input_datetime(r, t), "2025-12-01T13:00",
	    "datetime-local inputs get local time");
	t_eq_str(present_sqldate(r, "2025-12-01 22:30:00"), "2 December 2025",
	    "an SQL time late in the UTC day is the next local day");
	t_eq_str(present_sqldate(r, NULL), "", "NULL shows nothing");
	i18n_set_tz(4 * 3600);
	t_eq_str(present_datetime(r, t), "1 December 2025, 14:00 (UTC+4)",
	    "the zone is one setting (Oman)");
	i18n_set_tz(3 * 3600);
	t_eq_str(present_size(r, 2048), "2 KB", "sizes in KB");
	t_eq_str(present_size(r, 3 << 20), "3.0 MB", "sizes in MB");
	t_eq_str(present_label(r, kind_labels, 3, 1), "Survey",
	    "a label by enum index");
	t_eq_str(present_label(r, kind_labels, 3, 3), "",
	    "out of range gives \"\"");

	/* A fresh form drawn on a GET page from the POST route's table. */
	r = request(0);
	m = vm_obj(a);
	present_form(r, m, PARAMS(form));
	s = field(m, "title");
	t_ok(strstr(s, "<label for=\"f-title\">Title</label>") != NULL,
	    "the label is tied to the control");
	t_ok(strstr(s, "id=\"f-title\" name=\"title\" type=\"text\"") != NULL &&
	    strstr(s, " required") != NULL &&
	    strstr(s, "maxlength=\"200\"") != NULL,
	    "a required text input with its maximum length");
	t_ok(strstr(s, "aria-describedby=\"h-title\"") != NULL &&
	    strstr(s, "<p class=\"hint\" id=\"h-title\">Short.</p>") != NULL,
	    "the hint describes the control");
	t_ok(strstr(s, "aria-invalid") == NULL, "a fresh field is not invalid");
	s = field(m, "email");
	t_ok(strstr(s, "type=\"email\"") != NULL &&
	    strstr(s, "autocomplete=\"username\"") != NULL &&
	    strstr(s, "dir=\"ltr\"") != NULL,
	    "an e-mail input, left to right, with its autocomplete purpose");
	s = field(m, "body");
	t_ok(strstr(s, "<textarea id=\"f-body\" name=\"body\" dir=\"auto\"")
	    != NULL, "multi-line text is a textarea, direction by content");
	s = field(m, "kind");
	t_ok(strstr(s, "<option value=\"survey\">Survey</option>") != NULL &&
	    strstr(s, "selected") == NULL,
	    "choices come from the enum with their labels, none chosen");

	/* The same form after a refused POST: values and messages kept. */
	r = request(1);
	r->pv[K_TITLE].present = 1;
	r->pv[K_TITLE].s = "<b>x</b>";
	r->pv[K_TITLE].err = "Enter the title.";
	r->nerr = 1;
	r->pv[K_KIND].present = r->pv[K_KIND].set = 1;
	r->pv[K_KIND].s = "survey";
	m = vm_obj(a);
	present_form(r, m, PARAMS(form));
	s = field(m, "title");
	t_ok(strstr(s, "aria-invalid=\"true\" aria-describedby=\"e-title h-title\"")
	    != NULL, "an invalid field says so and points at its message");
	t_ok(strstr(s, "<p class=\"msg\" id=\"e-title\">Enter the title.</p>")
	    != NULL, "the message is next to the field");
	t_ok(strstr(s, "value=\"&lt;b&gt;x&lt;/b&gt;\"") != NULL,
	    "what was typed is kept, escaped");
	s = field(m, "kind");
	t_ok(strstr(s, "<option value=\"survey\" selected>Survey</option>")
	    != NULL, "the chosen option stays chosen");
	t_ok(vm_truthy(vm_get(m, "has_errors")), "the form has an error summary");
	return t_done();
}
