/*
 * vm.c — see vm.h.
 */
#include <stdarg.h>
#include <string.h>

#include "arena.h"
#include "vm.h"

static struct val *
vm_new(struct arena *a, enum vtype t)
{
	struct val	*v = arena_zalloc(a, sizeof(*v));

	v->t = t;
	v->a = a;
	return v;
}

struct val *
vm_obj(struct arena *a)
{
	return vm_new(a, V_OBJ);
}

struct val *
vm_get(const struct val *o, const char *key)
{
	struct vfield	*f;

	if (o == NULL || o->t != V_OBJ)
		return NULL;
	for (f = o->fields; f != NULL; f = f->next)
		if (strcmp(f->key, key) == 0)
			return f->v;
	return NULL;
}

static void
vm_put(struct val *o, const char *key, struct val *v)
{
	struct vfield	*f;

	for (f = o->fields; f != NULL; f = f->next)
		if (strcmp(f->key, key) == 0) {
			f->v = v;
			return;
		}
	f = arena_zalloc(o->a, sizeof(*f));
	f->key = key;
	f->v = v;
	if (o->last != NULL)
		o->last->next = f;
	else
		o->fields = f;
	o->last = f;
}

void
vm_str(struct val *o, const char *key, const char *s)
{
	struct val	*v = vm_new(o->a, s == NULL ? V_NULL : V_STR);

	v->s = s;
	vm_put(o, key, v);
}

void
vm_strf(struct val *o, const char *key, const char *fmt, ...)
{
	va_list	 ap;
	char	*s;

	va_start(ap, fmt);
	s = arena_vprintf(o->a, fmt, ap);
	va_end(ap);
	vm_str(o, key, s);
}

void
vm_int(struct val *o, const char *key, long long n)
{
	vm_strf(o, key, "%lld", n);
}

void
vm_bool(struct val *o, const char *key, int b)
{
	struct val	*v = vm_new(o->a, V_BOOL);

	v->b = b != 0;
	vm_put(o, key, v);
}

struct val *
vm_list(struct val *o, const char *key)
{
	struct val	*v = vm_get(o, key);

	if (v != NULL && v->t == V_LIST)
		return v;
	v = vm_new(o->a, V_LIST);
	vm_put(o, key, v);
	return v;
}

struct val *
vm_list_empty(struct val *o, const char *key)
{
	struct val	*v = vm_list(o, key);

	v->items = v->tail = NULL;
	v->count = 0;
	return v;
}

struct val *
vm_push(struct val *list)
{
	struct val	*v = vm_new(list->a, V_OBJ);

	if (list->tail != NULL)
		list->tail->next = v;
	else
		list->items = v;
	list->tail = v;
	list->count++;
	return v;
}

struct val *
vm_child(struct val *o, const char *key)
{
	struct val	*v = vm_get(o, key);

	if (v != NULL && v->t == V_OBJ)
		return v;
	v = vm_new(o->a, V_OBJ);
	vm_put(o, key, v);
	return v;
}

int
vm_truthy(const struct val *v)
{
	if (v == NULL)
		return 0;
	switch (v->t) {
	case V_NULL:
		return 0;
	case V_STR:
		return v->s[0] != '\0';
	case V_BOOL:
		return v->b;
	case V_LIST:
		return v->count > 0;
	case V_OBJ:
		return 1;
	}
	return 0;
}
