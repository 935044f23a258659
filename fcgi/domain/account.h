/*
 * account.h — the kinds of accounts (domain.md §1): natural persons and
 * legal persons (organisations) register on the public site; staff
 * accounts are made in the back office.
 */
#ifndef SHAREK_ACCOUNT_H
#define SHAREK_ACCOUNT_H

enum user_kind {
	UK_PERSON,
	UK_ORGANISATION,	/* a legal person: name and registration */
	UK_STAFF,
	UK__MAX
};

/* Names as stored (NULL-terminated, so they serve as PT_ENUM choices),
 * indexed by enum user_kind. */
extern const char *const user_kind_names[UK__MAX + 1];
/* The kinds a visitor may register as (PT_ENUM choices; the indexes
 * agree with enum user_kind). */
extern const char *const user_kind_public_names[UK_STAFF + 1];
/* The kind named s, or UK__MAX for an unknown or NULL string. */
enum user_kind	 account_kind(const char *);

#endif
