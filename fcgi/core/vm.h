/*
 * vm.h — view models: the tree of values a handler fills and a template
 * reads.  Everything lives in the request arena.
 */
#ifndef SHAREK_VM_H
#define SHAREK_VM_H

struct arena;

enum vtype {
	V_NULL,
	V_STR,
	V_BOOL,
	V_LIST,
	V_OBJ
};

struct vfield;

struct val {
	enum vtype	 t;
	struct arena	*a;
	const char	*s;		/* V_STR */
	int		 b;		/* V_BOOL */
	struct vfield	*fields;	/* V_OBJ, in insertion order */
	struct vfield	*last;
	struct val	*items;		/* V_LIST: first item */
	struct val	*tail;
	struct val	*next;		/* next item in a list */
	int		 count;		/* V_LIST length */
};

struct vfield {
	const char	*key;
	struct val	*v;
	struct vfield	*next;
};

/* All of these return values owned by the arena. */
struct val	*vm_obj(struct arena *);
/* Sets key to a string (the pointer is kept: give it arena memory). */
void		 vm_str(struct val *, const char *key, const char *s);
void		 vm_strf(struct val *, const char *key, const char *, ...)
		    __attribute__((format(printf, 3, 4)));
void		 vm_int(struct val *, const char *key, long long);
void		 vm_bool(struct val *, const char *key, int);
/* The list under key, created empty when missing. */
struct val	*vm_list(struct val *, const char *key);
/* The list under key, emptied (or created): for a model filled again. */
struct val	*vm_list_empty(struct val *, const char *key);
/* Appends a new object to a list and returns it. */
struct val	*vm_push(struct val *list);
/* The object under key, created when missing. */
struct val	*vm_child(struct val *, const char *key);
/* Looks a key up in one object (no dots); NULL when missing. */
struct val	*vm_get(const struct val *, const char *key);
/* Truthiness as templates see it. */
int		 vm_truthy(const struct val *);

#endif
