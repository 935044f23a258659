/*
 * fuzz_tmpl.c — template text: parse, link and render against a small
 * model; never crash, whatever the nesting or the partials.
 */
#include <stdint.h>
#include <string.h>

#include "arena.h"
#include "buf.h"
#include "tmpl.h"
#include "vm.h"

int
LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
	static struct arena *a;
	struct tmpl	*t;
	struct val	*m, *l;
	struct buf	 out;
	char		*err = NULL, *text;

	if (a == NULL)
		a = arena_new(1 << 16);
	text = arena_strndup(a, (const char *)data, size);
	tmpl_clear();
	t = tmpl_parse(a, "f", text, &err);
	if (t != NULL) {
		tmpl_register(t);
		tmpl_register(tmpl_parse(a, "p", "{{x}}{{>f}}", &err));
		if (tmpl_link(a, &err) == 0) {
			m = vm_obj(a);
			vm_str(m, "x", "<&\"'>");
			vm_bool(m, "b", 1);
			l = vm_list(m, "l");
			vm_str(vm_push(l), "x", "1");
			vm_str(vm_push(l), "y", "2");
			vm_str(vm_child(m, "o"), "x", "z");
			buf_init(&out, a);
			tmpl_render(&out, t, m, "ar");
		}
	}
	tmpl_clear();
	arena_reset(a);
	return 0;
}
