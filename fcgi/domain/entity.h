/*
 * entity.h — government entities (domain.md §1; Tawasul art. 5, 6): their
 * kinds, the rules of their short names and of their place under one
 * another, and the record the staff pages read.
 */
#ifndef SHAREK_ENTITY_H
#define SHAREK_ENTITY_H

#include "perm.h"

struct arena;
struct db;
struct dbres;

enum entity_kind {
	EK_MINISTRY,
	EK_DEPARTMENT,
	EK_INSTITUTION,		/* public institution */
	EK_AUTHORITY,
	EK_COUNCIL,
	EK_MUNICIPALITY,
	EK_COMPANY,		/* government-owned company */
	EK__MAX
};

/* Names as stored (NULL-terminated, so they serve as PT_ENUM choices)
 * and label msgids, indexed by enum entity_kind. */
extern const char *const entity_kind_names[EK__MAX + 1];
extern const char *const entity_kind_labels[EK__MAX];
/* The kind named s, or EK__MAX for an unknown or NULL string. */
enum entity_kind entity_kind(const char *);

/* How deep sub-departments go under an entity (the ancestors a scope
 * check looks at). */
#define ENTITY_DEPTH	3

/* One entity with the names of its parent; strings point into the
 * result (the caller's arena). */
struct entity {
	unsigned long long	 id;
	unsigned long long	 parent_id;	/* 0: a main entity */
	enum entity_kind	 kind;		/* EK__MAX: unknown */
	const char		*kind_name;	/* as stored */
	const char		*name_ar, *name_en;
	const char		*slug;
	int			 is_operator;	/* the ministry (portal) */
	const char		*contact_email;
	/* Escalation level 1 (secretary-general) and 2 (minister). */
	const char		*sg_name, *sg_email, *sg_mobile;
	const char		*minister_name, *minister_email;
	const char		*minister_mobile;
	unsigned long long	 liaison_user_id;	/* 0: none named */
	unsigned long long	 alternate_user_id;
	int			 active;
	const char		*parent_name_ar, *parent_name_en;
};

/* Loads entity id into e (strings owned by arena a): 1 found, 0 no such
 * entity, -1 database error (logged). */
int		 entity_get(struct db *, struct arena *, unsigned long long id,
		    struct entity *e);
/* The entities above id, nearest first, ENTITY_DEPTH of them (0 where
 * there is none): 0, or -1 on a database error. */
int		 entity_ancestors(struct db *, struct arena *,
		    unsigned long long id, unsigned long long up[ENTITY_DEPTH]);
/* Whether s may be an entity's short name in addresses: lower-case
 * Latin letters, digits and hyphens only. */
int		 entity_slug_ok(const char *s);
/* 1 when another entity than eid (0: a new one) uses slug, 0 when none
 * does, -1 on a database error. */
int		 entity_slug_taken(struct db *, struct arena *, const char *slug,
		    unsigned long long eid);

enum entity_parent {
	EP_OK,
	EP_MISSING,		/* no such entity */
	EP_CYCLE,		/* the entity itself or one below it */
	EP_ERROR		/* database error (logged) */
};
/* Whether entity eid (0: a new one) may be placed under parent. */
enum entity_parent entity_check_parent(struct db *, struct arena *,
		    unsigned long long eid, unsigned long long parent);

/* Whether an entity of kind may stand under a parent of kind parent
 * (EK__MAX: no parent): NULL when it may, else the msgid saying why.
 * A ministry stands under nothing; under a ministry any other kind
 * (its departments and affiliated bodies); under any other entity
 * only a department. */
const char	*entity_kind_under(enum entity_kind kind,
		    enum entity_kind parent);
/* The kind a new entity under parent starts with in the form: a
 * department (EK__MAX without a parent: no default). */
enum entity_kind entity_kind_default(enum entity_kind parent);

/* Whether an existing account (its role and entity) may be named liaison
 * officer of entity eid: only one that is staff of that very entity
 * already; anyone else needs an account of their own. */
int		 entity_may_name_liaison(enum role, unsigned long long user_eid,
		    unsigned long long eid);

#endif
