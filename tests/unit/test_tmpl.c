/*
 * test_tmpl.c — the template engine: escaping by context, sections,
 * partials, translations, and the errors found at start-up.
 */
#include <stdio.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "i18n.h"
#include "t.h"
#include "tmpl.h"
#include "vm.h"

static struct arena *a;

static const char *
render(const char *text, struct val *m, const char *lang)
{
	struct tmpl	*t;
	struct buf	 b;
	char		*err = NULL;

	tmpl_clear();
	t = tmpl_parse(a, "t", text, &err);
	if (t == NULL)
		return arena_printf(a, "ERROR: %s", err);
	tmpl_register(t);
	if (tmpl_link(a, &err) == -1)
		return arena_printf(a, "ERROR: %s", err);
	buf_init(&b, a);
	tmpl_render(&b, t, m, lang);
	return b.data;
}

static int
fails(const char *text, const char *want)
{
	const char *got = render(text, vm_obj(a), "ar");

	return strncmp(got, "ERROR: ", 7) == 0 && strstr(got, want) != NULL;
}

int
main(void)
{
	struct val	*m, *l, *it, *u;
	const char	*po, *err = NULL;
	char		*perr = NULL;

	a = arena_new(1 << 16);
	m = vm_obj(a);
	vm_str(m, "x", "<b>\"Tom\" & 'Ali'</b>");
	vm_str(m, "q", "a b&c=d/é");
	vm_str(m, "empty", "");
	vm_bool(m, "yes", 1);
	vm_bool(m, "no", 0);
	u = vm_child(m, "user");
	vm_str(u, "name", "سارة");
	l = vm_list(m, "items");
	it = vm_push(l);
	vm_str(it, "n", "1");
	it = vm_push(l);
	vm_str(it, "n", "2");
	vm_list(m, "none");

	t_eq_str(render("{{x}}", m, "ar"),
	    "&lt;b&gt;&quot;Tom&quot; &amp; &#39;Ali&#39;&lt;/b&gt;",
	    "text escapes & < > \" and '");
	t_eq_str(render("<a title=\"{{x}}\">", m, "ar"),
	    "<a title=\"&lt;b&gt;&quot;Tom&quot; &amp; &#39;Ali&#39;&lt;/b&gt;\">",
	    "attribute context cannot be broken out of");
	t_eq_str(render("?q={{%q}}", m, "ar"), "?q=a%20b%26c%3Dd%2F%C3%A9",
	    "URL component encoding");
	t_eq_str(render("{{{x}}}", m, "ar"), "<b>\"Tom\" & 'Ali'</b>",
	    "raw output is raw");
	t_eq_str(render("[{{missing}}]", m, "ar"), "[]",
	    "a missing value renders as nothing");
	t_eq_str(render("{{#items}}<{{n}}>{{/items}}", m, "ar"), "<1><2>",
	    "a list section repeats per item");
	t_eq_str(render("{{#none}}x{{/none}}{{^none}}empty{{/none}}", m, "ar"),
	    "empty", "an empty list is false");
	t_eq_str(render("{{#yes}}Y{{/yes}}{{#no}}N{{/no}}{{^no}}n{{/no}}", m,
	    "ar"), "Yn", "booleans");
	t_eq_str(render("{{#empty}}E{{/empty}}{{^empty}}e{{/empty}}", m, "ar"),
	    "e", "an empty string is false");
	t_eq_str(render("{{user.name}}|{{#user}}{{name}}{{/user}}", m, "ar"),
	    "سارة|سارة", "dotted names and object sections");
	t_eq_str(render("{{#items}}{{user.name}}{{/items}}", m, "ar"),
	    "سارةسارة", "names resolve up the context stack");
	t_eq_str(render("a{{! a comment }}b", m, "ar"), "ab", "comments");
	t_eq_str(render("", m, "ar"), "", "an empty template");
	t_eq_str(render("no tags", m, "ar"), "no tags", "text only");

	po = "msgid \"\"\nmsgstr \"\"\n\"Content-Type: text/plain; "
	    "charset=UTF-8\\n\"\n\n#: x\nmsgid \"Sign in\"\nmsgstr \"تسجيل "
	    "الدخول\"\n\n#, fuzzy\nmsgid \"Old\"\nmsgstr \"قديم\"\n";
	t_ok(i18n_parse(a, "ar", po, strlen(po), &perr) == 0,
	    "a catalogue parses");
	t_eq_str(render("{{_Sign in}}", m, "ar"), "تسجيل الدخول",
	    "{{_…}} translates to Arabic");
	t_eq_str(render("{{_Sign in}}", m, "en"), "Sign in",
	    "English shows the message id");
	t_eq_str(render("{{_Old}}", m, "ar"), "Old",
	    "fuzzy translations are not used");
	t_eq_str(render("{{_<b>}}", m, "en"), "&lt;b&gt;",
	    "translations are escaped too");

	t_ok(fails("{{#a}}x", "not closed"), "an unclosed section fails");
	t_ok(fails("{{#a}}x{{/b}}", "unexpected"), "a mismatched close fails");
	t_ok(fails("x{{/a}}", "unexpected"), "a stray close fails");
	t_ok(fails("{{x", "unclosed tag"), "an unclosed tag fails");
	t_ok(fails("{{>nope}}", "unknown partial"),
	    "an unknown partial fails at start-up");
	t_ok(fails("{{a b}}", "bad tag"), "a name with a blank fails");
	t_ok(fails("{{_}}", "empty"), "an empty translation tag fails");

	/* Partials share the context. */
	{
		struct tmpl *p, *t;
		struct buf b;
		tmpl_clear();
		p = tmpl_parse(a, "part", "[{{n}}]", &perr);
		t = tmpl_parse(a, "page", "{{#items}}{{>part}}{{/items}}",
		    &perr);
		tmpl_register(p);
		tmpl_register(t);
		t_ok(tmpl_link(a, &perr) == 0, "partials link");
		buf_init(&b, a);
		tmpl_render(&b, t, m, "ar");
		t_eq_str(b.data, "[1][2]", "partials render in context");
		/* A partial that includes itself stops at the depth bound. */
		tmpl_clear();
		p = tmpl_parse(a, "self", "x{{>self}}", &perr);
		tmpl_register(p);
		t_ok(tmpl_link(a, &perr) == 0, "a recursive partial links");
		buf_init(&b, a);
		tmpl_render(&b, p, m, "ar");
		t_ok(b.len > 0 && b.len <= 64, "recursion is bounded (%zu)",
		    b.len);
	}
	(void)err;
	arena_free(a);
	return t_done();
}
