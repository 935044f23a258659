/*
 * page_apikeys.c — the Open311 API keys (issue 14), issued, listed and
 * revoked by the ministry admin.
 *
 * GET  /staff/apikeys               the keys (organisation, channel,
 *                                   the first 8 characters, issued, last
 *                                   used, revoked) and the form to issue
 *                                   one.  View staff/apikeys.
 * POST /staff/apikeys               apikey_params: organisation,
 *                                   channel → 200 the page with the new
 *                                   key shown this once (only its SHA-256
 *                                   is stored); 422 with the input kept;
 *                                   a double submit → 303 the list.
 * POST /staff/apikeys/{id}/revoke   → 303 /staff/apikeys; 404 for a key
 *                                   that is not live.
 * Permission: ACT_SLA_MANAGE (the ministry admin of the complaints
 * system).  Audited (apikey.issue, apikey.revoke).
 */
#include <string.h>

#include <sodium.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

static const char *const apikey_channels[] = {
	"mobile", "call_centre", "chatbot", "open311", NULL
};
static const char *const apikey_channel_labels[] = {
	N_("Mobile app"), N_("Call centre"), N_("Chatbot"),
	N_("Other Open311 client"), NULL
};

const struct param apikey_params[APIKEY__MAX] = {
	[APIKEY_ORG] = { .name = "organisation", .type = PT_STR,
	    .flags = P_REQ | P_NAME, .min = 2, .max = 200,
	    .label = N_("Organisation") },
	/* Not required: the first, a mobile app, when none is sent. */
	[APIKEY_CHANNEL] = { .name = "channel", .type = PT_ENUM,
	    .choices = apikey_channels,
	    .choice_labels = apikey_channel_labels, .label = N_("Channel") },
};

static int
apikeys_model(struct req *r, struct val *m)
{
	struct dbres	*res;
	struct val	*l, *it;

	vm_str(m, "title", tr(r, "Open311 API keys"));
	if ((res = db_query(r->db, r->a, SQL_APIKEY_LIST, DB_NOARGS)) == NULL)
		return -1;
	l = vm_list(m, "keys");
	while (dbres_next(res)) {
		int ch = -1, i;

		for (i = 0; apikey_channels[i] != NULL; i++)
			if (strcmp(apikey_channels[i],
			    dbres_str(res, APIKEY_LIST_CHANNEL)) == 0)
				ch = i;
		it = vm_push(l);
		vm_int(it, "id", dbres_int(res, APIKEY_LIST_ID));
		vm_str(it, "organisation", dbres_str(res,
		    APIKEY_LIST_ORGANISATION));
		vm_str(it, "channel", present_label(r, apikey_channel_labels,
		    4, ch));
		vm_str(it, "prefix", dbres_str(res, APIKEY_LIST_PREFIX));
		vm_str(it, "created", present_sqldatetime(r,
		    dbres_str(res, APIKEY_LIST_CREATED_AT)));
		if (!dbres_isnull(res, APIKEY_LIST_LAST_USED_AT))
			vm_str(it, "used", present_sqldatetime(r,
			    dbres_str(res, APIKEY_LIST_LAST_USED_AT)));
		if (!dbres_isnull(res, APIKEY_LIST_REVOKED_AT))
			vm_str(it, "revoked", present_sqldatetime(r,
			    dbres_str(res, APIKEY_LIST_REVOKED_AT)));
	}
	present_form(r, m, PARAMS(apikey_params));
	return 0;
}

int
page_apikeys(struct req *r)
{
	struct val	*m = http_model(r);

	if (apikeys_model(r, m) == -1)
		return 500;
	return http_render(r, "staff/apikeys", m);
}

struct apikey {
	char		 key[65];	/* out: shown once */
	unsigned long long id;		/* revoke */
};

static enum outcome
apikey_issue_tx(struct req *r, void *arg)
{
	struct apikey	*k = arg;
	unsigned char	 raw[32], hash[32];
	char		 prefix[9];

	randombytes_buf(raw, sizeof(raw));
	sodium_bin2hex(k->key, sizeof(k->key), raw, sizeof(raw));
	crypto_hash_sha256(hash, (const unsigned char *)k->key,
	    strlen(k->key));
	memcpy(prefix, k->key, 8);
	prefix[8] = '\0';
	if (db_exec(r->db, SQL_APIKEY_INSERT, DB_ARGS(
	    DB_S(organisation, http_arg_str(r, APIKEY_ORG)),
	    DB_S(channel, apikey_channels[http_arg_int(r, APIKEY_CHANNEL,
	    0)]), DB_S(prefix, prefix), DB_B(hash, hash, sizeof(hash)),
	    DB_U(by, r->sess->user_id))) != 1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), "apikey.issue", "api_key",
	    db_insert_id(r->db), arena_printf(r->a, "%s (%s…)",
	    http_arg_str(r, APIKEY_ORG), prefix)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_apikey_issue(struct req *r)
{
	struct val	*m;
	struct apikey	 k;
	const char	*prev;

	m = http_model(r);
	if (apikeys_model(r, m) == -1)
		return 500;
	if (r->nerr > 0)
		return http_form_again(r, "staff/apikeys", m, 422);
	memset(&k, 0, sizeof(k));
	switch (http_form_tx(r, apikey_issue_tx, &k, "/staff/apikeys",
	    &prev)) {
	case OUT_OK:
		break;
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/staff/apikeys");
	default:
		return 500;
	}
	/* The list again with the new key, shown this once. */
	m = http_model(r);
	if (apikeys_model(r, m) == -1)
		return 500;
	vm_str(m, "new_key", k.key);
	vm_str(m, "new_org", http_arg_str(r, APIKEY_ORG));
	http_nostore(r);
	return http_render(r, "staff/apikeys", m);
}

static enum outcome
apikey_revoke_tx(struct req *r, void *arg)
{
	struct apikey	*k = arg;
	long long	 n;

	if ((n = db_exec(r->db, SQL_APIKEY_REVOKE, DB_ARGS(DB_U(id, k->id),
	    DB_U(by, r->sess->user_id)))) < 0)
		return OUT_ERROR;
	if (n == 0)
		return OUT_NOTFOUND;
	if (audit_record(r->db, staff_actor(r), "apikey.revoke", "api_key",
	    k->id, NULL) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_apikey_revoke(struct req *r)
{
	struct apikey	 k;
	const char	*prev;

	memset(&k, 0, sizeof(k));
	k.id = (unsigned long long)r->segi[0];
	switch (http_form_tx(r, apikey_revoke_tx, &k, "/staff/apikeys",
	    &prev)) {
	case OUT_OK:
	case OUT_DUPLICATE:
		return http_redirect(r, 303, "/staff/apikeys");
	case OUT_NOTFOUND:
		return 404;
	default:
		return 500;
	}
}
