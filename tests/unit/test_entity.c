/*
 * test_entity.c — the rules of government entities that need no
 * database (entity.h) and the account rules of the permission matrix
 * (perm.h): kinds, short names, who may be named liaison officer, who
 * switches which accounts on and off.
 */
#include "entity.h"
#include "perm.h"
#include "t.h"

int
main(void)
{
	int	 i;

	for (i = 0; i < EK__MAX; i++)
		t_eq_int(entity_kind(entity_kind_names[i]), i,
		    entity_kind_names[i]);
	t_ok(entity_kind_names[EK__MAX] == NULL,
	    "the kind names end with NULL (PT_ENUM choices)");
	t_eq_int(entity_kind("Ministry"), EK__MAX, "kinds are lower case");
	t_eq_int(entity_kind(NULL), EK__MAX, "no kind is none");
	for (i = 0; i < EK__MAX; i++)
		t_ok(entity_kind_labels[i] != NULL, "kind %d has a label", i);

	t_ok(entity_slug_ok("moh"), "a short name");
	t_ok(entity_slug_ok("civil-status-2"), "with digits and hyphens");
	t_ok(!entity_slug_ok("MoH"), "no capitals");
	t_ok(!entity_slug_ok("civil_status"), "no underscores");
	t_ok(!entity_slug_ok("وزارة"), "no Arabic letters");
	t_ok(!entity_slug_ok("a b"), "no blanks");
	t_ok(!entity_slug_ok("a/b"), "no slashes");

	t_ok(entity_may_name_liaison(ROLE_COORDINATOR, 7, 7),
	    "a coordinator of the entity may become its liaison officer");
	t_ok(entity_may_name_liaison(ROLE_LIAISON, 7, 7),
	    "so may its alternate liaison officer");
	t_ok(!entity_may_name_liaison(ROLE_SUPERVISOR, 8, 7),
	    "not staff of another entity");
	t_ok(!entity_may_name_liaison(ROLE_CITIZEN, 7, 7),
	    "nor a citizen's account");

	t_eq_int(perm_role_find("supervisor"), ROLE_SUPERVISOR,
	    "role names are found");
	t_eq_int(perm_role_find("root"), ROLE__MAX,
	    "an unknown role is none (not a citizen)");
	t_eq_int(perm_role_find(NULL), ROLE__MAX, "nor is no role");
	for (i = 0; i < ROLE__MAX; i++) {
		t_eq_int(perm_role_find(perm_role_name(i)), i,
		    perm_role_name(i));
		t_ok(perm_role_labels[i] != NULL, "%s has a label",
		    perm_role_name(i));
	}

	t_eq_int(perm_account_action(ROLE_LIAISON), ACT_ENTITY_MANAGE,
	    "liaison officers answer to the ministry (5-ب)");
	t_eq_int(perm_account_action(ROLE_COORDINATOR), ACT_STAFF_ACCOUNTS,
	    "coordinators to their liaison officer (7-هـ)");
	t_eq_int(perm_account_action(ROLE_SUPERVISOR), ACT_STAFF_ACCOUNTS,
	    "and supervisors");
	t_eq_int(perm_account_action(ROLE_ADMIN), ACT_NONE,
	    "no one switches off the ministry's admins here");
	t_eq_int(perm_account_action(ROLE_CITIZEN), ACT_NONE,
	    "nor citizens' accounts");
	t_ok(perm_allows(ROLE_ADMIN, perm_account_action(ROLE_LIAISON),
	    SCOPE_OTHER), "the ministry may switch a liaison officer off");
	t_ok(!perm_allows(ROLE_LIAISON, perm_account_action(ROLE_LIAISON),
	    SCOPE_OWN), "a liaison officer may not switch the other off");
	t_ok(perm_allows(ROLE_LIAISON, perm_account_action(ROLE_SUPERVISOR),
	    SCOPE_OWN), "but may the entity's supervisors");
	t_ok(!perm_allows(ROLE_COORDINATOR,
	    perm_account_action(ROLE_SUPERVISOR), SCOPE_OWN),
	    "a coordinator may not");
	return t_done();
}
