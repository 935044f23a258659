/*
 * staff_common.c — see staff.h.
 */
#include <string.h>

#include "activity.h"
#include "arena.h"
#include "buf.h"
#include "db.h"
#include "entity.h"
#include "handover.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "present.h"
#include "session.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

enum scope
staff_scope(struct req *r, unsigned long long eid)
{
	unsigned long long mine = r->sess->entity_id, up[ENTITY_DEPTH];
	int		 i;

	if (eid == mine)
		return SCOPE_OWN;
	/* Sub-departments: up to ENTITY_DEPTH levels under the actor's
	 * entity.  A failed look-up grants nothing more. */
	if (entity_ancestors(r->db, r->a, eid, up) == 0)
		for (i = 0; i < ENTITY_DEPTH; i++)
			if (up[i] != 0 && up[i] == mine)
				return SCOPE_SUB;
	return SCOPE_OTHER;
}

int
staff_may(struct req *r, enum action a, unsigned long long eid)
{
	if (r->sess == NULL)
		return 0;
	return perm_allows(perm_role(r->sess->role), a, staff_scope(r, eid));
}

int
staff_may_item(struct req *r, enum action need, unsigned long long eid)
{
	if (!staff_may(r, ACT_ACTIVITY_VIEW, eid))
		return 404;
	if (need != ACT_ACTIVITY_VIEW && !staff_may(r, need, eid))
		return 403;
	return 0;
}

int
staff_activity_load(struct req *r, enum action need, struct activity *a)
{
	struct dbres	*res;

	res = db_query(r->db, r->a, SQL_ACTIVITY_BY_ID, DB_ARGS(
	    DB_U(id, r->segi[0]), DB_U(reader, 0)));
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	activity_fill(a, res);
	return staff_may_item(r, need, a->entity_id);
}

int
staff_alternate_waits(struct req *r, const struct activity *a)
{
	if (perm_role(r->sess->role) != ROLE_LIAISON ||
	    (a->state != AS_APPROVED && a->state != AS_REPORT_APPROVED))
		return 0;
	/* A failed look-up shows the buttons: the POST decides. */
	return handover_waiting(r->db, r->a, a->id, 0, r->sess->user_id,
	    a->state == AS_APPROVED ? HK_APPROVAL : HK_PUBLICATION) == 1;
}

int
staff_activity_file(struct req *r, unsigned long long id, const char *name)
{
	struct dbres	*res;
	const char	*stored, *p;
	struct buf	 cd;

	res = db_query(r->db, r->a, SQL_ACT_FILE, DB_ARGS(DB_U(id, id),
	    DB_S(name, name)));
	if (res == NULL)
		return 500;
	if (!dbres_next(res))
		return 404;
	stored = dbres_str(res, ACT_FILE_STORED_NAME);
	for (p = stored; *p; p++)
		if (!((*p >= '0' && *p <= '9') || (*p >= 'a' && *p <= 'f')))
			return 404;
	/* RFC 6266 / 5987: the original name, percent-encoded UTF-8. */
	buf_init(&cd, r->a);
	buf_adds(&cd, "inline; filename=\"document.pdf\"; filename*=UTF-8''");
	buf_url(&cd, dbres_str(res, ACT_FILE_ORIGINAL_NAME),
	    strlen(dbres_str(res, ACT_FILE_ORIGINAL_NAME)));
	http_header(r, "Content-Disposition", cd.data);
	http_header(r, "X-Accel-Redirect", arena_printf(r->a,
	    "/_uploads/%s", stored));
	r->ctype_out = dbres_str(res, ACT_FILE_MIME);
	r->status = 200;
	return 200;
}

int
staff_attachments(struct req *r, struct val *m, unsigned long long id)
{
	struct dbres	*res;
	struct val	*l, *it;

	if ((res = db_query(r->db, r->a, SQL_ACT_ATTACHMENTS, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return -1;
	l = vm_list(m, "attachments");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, ACT_ATTACHMENTS_TITLE_AR),
		    dbres_str(res, ACT_ATTACHMENTS_TITLE_EN)));
		vm_str(it, "file", dbres_str(res, ACT_ATTACHMENTS_STORED_NAME));
		vm_str(it, "original", dbres_str(res,
		    ACT_ATTACHMENTS_ORIGINAL_NAME));
	}
	vm_bool(m, "has_attachments", l->count > 0);
	return 0;
}

struct actor *
staff_actor(struct req *r)
{
	struct actor	*a = arena_zalloc(r->a, sizeof(*a));

	a->user_id = r->sess ? r->sess->user_id : 0;
	a->role = r->sess ? r->sess->role : "system";
	a->entity_id = r->sess ? r->sess->entity_id : 0;
	a->ip = r->remote;
	return a;
}

struct actor *
staff_actor_for(struct req *r, unsigned long long entity_id)
{
	struct actor	*a = staff_actor(r);

	a->entity_id = entity_id;
	return a;
}

int
staff_invite(struct req *r, unsigned long long uid, const char *email,
    const char *lang, const char *entity_ar, const char *entity_en,
    const char *role_msgid)
{
	unsigned char	 raw[32], h[32];
	char		*tok = auth_token(r->a, raw);
	const char	*entity = (lang != NULL && strcmp(lang, "en") == 0 &&
	    entity_en != NULL && *entity_en) ? entity_en :
	    (entity_ar ? entity_ar : "");

	auth_token_hash(tok, h);
	if (db_exec(r->db, SQL_TOKEN_VOID_USER, DB_ARGS(DB_U(user, uid),
	    DB_S(purpose, "reset_password"))) < 0 ||
	    db_exec(r->db, SQL_TOKEN_INSERT, DB_ARGS(DB_B(hash, h, sizeof(h)),
	    DB_U(user, uid), DB_S(purpose, "reset_password"),
	    DB_I(minutes, 72LL * 60))) != 1)
		return -1;
	/* The sentence names the account, not the person, so it reads
	 * right whoever receives it. */
	return outbox_email(r->db, email, i18n_subst(r->a, i18n_get(lang,
	    "Your Sharek staff account: {1}, {2}"), i18n_get(lang,
	    role_msgid), entity, NULL), i18n_subst(r->a, i18n_get(lang,
	    "A staff account on Sharek, the government e-participation "
	    "portal, has been opened in your name by {1}.\n\nEntity: {4}\n"
	    "Role: {5}\n\nTo choose your password, open this link within 72 "
	    "hours:\n\n{2}/reset?t={3}\n\nThen sign in at {2}/staff/login."),
	    r->sess->name, http_base_url(), tok, entity,
	    i18n_get(lang, role_msgid), NULL));
}
