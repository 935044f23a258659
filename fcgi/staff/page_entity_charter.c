/*
 * page_entity_charter.c — the entity's participation charter, versioned
 * (issue 16; the Oman guide's charter: channels, activities offered,
 * commitments on contributions and personal data, what is expected of
 * participants), in Arabic and English.
 *
 * GET  /staff/charter   every version of the signed-in officer's entity's
 *                       charter, newest first, each with its date and
 *                       author, and the form for a new version filled
 *                       with the current one.  Staff of the entity
 *                       (ACT_ACTIVITY_VIEW).  View staff/charter.
 * POST /staff/charter   charter_params → 303 /staff/charter: a new
 *                       version in force now (the earlier ones kept);
 *                       the entity's public page shows it with its
 *                       date.  The liaison officer (ACT_ACTIVITY_APPROVE);
 *                       audited (charter.publish).  Every Arabic part is
 *                       required; bad input 422 at its field, all kept.
 */
#include <string.h>

#include "arena.h"
#include "audit.h"
#include "db.h"
#include "http.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"

/* A part of the charter: its Arabic text (required) and its English
 * text, named n_ar and n_en, keys k_AR and k_EN. */
#define CHARTER_PART(k, n, label_ar, label_en) \
	[k##_AR] = { .name = n "_ar", .type = PT_TEXT, .flags = P_REQ, \
	    .min = 10, .max = 10000, .label = label_ar }, \
	[k##_EN] = { .name = n "_en", .type = PT_TEXT, .max = 10000, \
	    .label = label_en }

const struct param charter_params[CHARTER__MAX] = {
	CHARTER_PART(CHARTER_BODY, "body", N_("Introduction in Arabic"),
	    N_("Introduction in English")),
	CHARTER_PART(CHARTER_CHANNELS, "channels",
	    N_("Participation channels in Arabic"),
	    N_("Participation channels in English")),
	CHARTER_PART(CHARTER_ACTIVITIES, "activities",
	    N_("Activities offered in Arabic"),
	    N_("Activities offered in English")),
	CHARTER_PART(CHARTER_COMMITMENTS, "commitments",
	    N_("Commitments on contributions in Arabic"),
	    N_("Commitments on contributions in English")),
	CHARTER_PART(CHARTER_DATA, "data_policy", N_("Personal data in Arabic"),
	    N_("Personal data in English")),
	CHARTER_PART(CHARTER_EXPECT, "expectations",
	    N_("What is expected of participants in Arabic"),
	    N_("What is expected of participants in English")),
};

/* The columns of charter_versions in charter_params' order. */
static const int charter_cols[CHARTER__MAX] = {
	CHARTER_VERSIONS_BODY_AR, CHARTER_VERSIONS_BODY_EN,
	CHARTER_VERSIONS_CHANNELS_AR, CHARTER_VERSIONS_CHANNELS_EN,
	CHARTER_VERSIONS_ACTIVITIES_AR, CHARTER_VERSIONS_ACTIVITIES_EN,
	CHARTER_VERSIONS_COMMITMENTS_AR, CHARTER_VERSIONS_COMMITMENTS_EN,
	CHARTER_VERSIONS_DATA_POLICY_AR, CHARTER_VERSIONS_DATA_POLICY_EN,
	CHARTER_VERSIONS_EXPECTATIONS_AR, CHARTER_VERSIONS_EXPECTATIONS_EN,
};

/* The versions; fill: the form gets the current one's texts. */
static int
charter_model(struct req *r, struct val *m, int fill)
{
	struct dbres	*res;
	struct val	*l, *it, *f = NULL;
	int		 k, first = 1;

	vm_str(m, "title", tr(r, "Participation charter"));
	vm_bool(m, "may_edit", staff_may(r, ACT_ACTIVITY_APPROVE,
	    r->sess->entity_id));
	present_form(r, m, PARAMS(charter_params));
	if ((res = db_query(r->db, r->a, SQL_CHARTER_VERSIONS, DB_ARGS(
	    DB_U(entity, r->sess->entity_id)))) == NULL)
		return -1;
	l = vm_list(m, "versions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "version", dbres_str(res, CHARTER_VERSIONS_VERSION));
		vm_bool(it, "current", first);
		if (!dbres_isnull(res, CHARTER_VERSIONS_PUBLISHED_AT)) {
			const char *at = dbres_str(res,
			    CHARTER_VERSIONS_PUBLISHED_AT);

			vm_str(it, "date", present_sqldatetime(r, at));
			vm_str(it, "iso", arena_printf(r->a, "%.10s", at));
		}
		vm_str(it, "by", dbres_str(res, CHARTER_VERSIONS_BY_NAME));
		vm_str(it, "body", present_pick(r,
		    dbres_str(res, CHARTER_VERSIONS_BODY_AR),
		    dbres_str(res, CHARTER_VERSIONS_BODY_EN)));
		if (first && fill) {
			f = vm_child(m, "f");
			for (k = 0; k < CHARTER__MAX; k++)
				if (!dbres_isnull(res, charter_cols[k]))
					vm_str(vm_child(f,
					    charter_params[k].name), "value",
					    dbres_str(res, charter_cols[k]));
		}
		first = 0;
	}
	return 0;
}

int
page_staff_charter(struct req *r)
{
	struct val	*m = http_model(r);

	if (charter_model(r, m, 1) == -1)
		return 500;
	return http_render(r, "staff/charter", m);
}

static enum outcome
charter_tx(struct req *r, void *arg)
{
	unsigned long long eid = r->sess->entity_id;

	(void)arg;
	if (db_exec(r->db, SQL_CHARTER_PUBLISH, DB_ARGS(DB_U(entity, eid),
	    DB_S(body_ar, http_arg_str(r, CHARTER_BODY_AR)),
	    DB_S(body_en, http_arg_str(r, CHARTER_BODY_EN)),
	    DB_S(channels_ar, http_arg_str(r, CHARTER_CHANNELS_AR)),
	    DB_S(channels_en, http_arg_str(r, CHARTER_CHANNELS_EN)),
	    DB_S(activities_ar, http_arg_str(r, CHARTER_ACTIVITIES_AR)),
	    DB_S(activities_en, http_arg_str(r, CHARTER_ACTIVITIES_EN)),
	    DB_S(commitments_ar, http_arg_str(r, CHARTER_COMMITMENTS_AR)),
	    DB_S(commitments_en, http_arg_str(r, CHARTER_COMMITMENTS_EN)),
	    DB_S(data_policy_ar, http_arg_str(r, CHARTER_DATA_AR)),
	    DB_S(data_policy_en, http_arg_str(r, CHARTER_DATA_EN)),
	    DB_S(expectations_ar, http_arg_str(r, CHARTER_EXPECT_AR)),
	    DB_S(expectations_en, http_arg_str(r, CHARTER_EXPECT_EN)),
	    DB_U(by, r->sess->user_id))) != 1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), "charter.publish", "entity",
	    eid, NULL) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_staff_charter_publish(struct req *r)
{
	struct val	*m = http_model(r);

	if (charter_model(r, m, 0) == -1)
		return 500;
	if (r->nerr > 0)
		return http_form_again(r, "staff/charter", m, 422);
	return http_form_submit(r, charter_tx, NULL, "/staff/charter");
}
