/*
 * sharek-staff — the back office of government staff: the ministry
 * admin, liaison officers, coordinators and supervisors.  Mounted at
 * /staff/.  Every page needs a staff account; what each role may do is
 * the permission matrix of fcgi/domain/perm.c.
 */
#include <string.h>

#include "authpage.h"
#include "http.h"
#include "perm.h"
#include "staff.h"
#include "vm.h"

static const struct route routes[] = {
	{ "GET", "/", page_dashboard, ACT_STAFF_HOME, NULL, 0, R_LOGIN },
	{ "GET", "/oversight", page_oversight, ACT_ACTIVITY_VIEW,
	    PARAMS(oversight_params), R_LOGIN },
	AUTHPAGE_ROUTES,

	/* The second factor (page_2fa.c): the code after the password,
	 * enrolment (also while it is owed: R_FACTOR), the account's page. */
	{ "GET", "/login/code", page_factor_code_form, 0,
	    PARAMS(factor_next_params), R_FACTOR },
	{ "POST", "/login/code", page_factor_code, 0,
	    PARAMS(factor_code_params), R_FACTOR },
	{ "GET", "/2fa", page_factor, ACT_OWN_FACTOR, NULL, 0, R_LOGIN },
	{ "GET", "/2fa/enrol", page_factor_enrol_form, ACT_OWN_FACTOR,
	    PARAMS(factor_next_params), R_LOGIN | R_FACTOR },
	{ "POST", "/2fa/enrol/start", page_factor_enrol_start, ACT_OWN_FACTOR,
	    PARAMS(factor_next_params), R_LOGIN | R_FACTOR },
	{ "POST", "/2fa/enrol", page_factor_enrol, ACT_OWN_FACTOR,
	    PARAMS(factor_code_params), R_LOGIN | R_FACTOR },
	{ "POST", "/2fa/disable", page_factor_disable, ACT_OWN_FACTOR,
	    PARAMS(factor_off_params), R_LOGIN },

	/* Entities and staff accounts (page_entities.c). */
	{ "GET", "/entities", page_entities, ACT_ENTITY_VIEW, NULL, 0,
	    R_LOGIN },
	{ "GET", "/entities/new", page_entity_new_form, ACT_ENTITY_MANAGE,
	    PARAMS(entity_new_params), R_LOGIN },
	{ "POST", "/entities/new", page_entity_new, ACT_ENTITY_MANAGE,
	    PARAMS(entity_params), R_LOGIN },
	{ "GET", "/entities/{id}", page_entity, ACT_ENTITY_VIEW, NULL, 0,
	    R_LOGIN },
	{ "GET", "/entities/{id}/edit", page_entity_edit_form,
	    ACT_ENTITY_MANAGE, NULL, 0, R_LOGIN },
	{ "POST", "/entities/{id}/edit", page_entity_edit, ACT_ENTITY_MANAGE,
	    PARAMS(entity_params), R_LOGIN },
	{ "POST", "/entities/{id}/liaison", page_entity_liaison,
	    ACT_ENTITY_MANAGE, PARAMS(liaison_params), R_LOGIN },
	{ "POST", "/entities/{id}/staff", page_entity_staff,
	    ACT_STAFF_ACCOUNTS, PARAMS(staffnew_params), R_LOGIN },
	{ "POST", "/users/{id}/deactivate", page_user_deactivate,
	    ACT_STAFF_ACCOUNTS, NULL, 0, R_LOGIN },
	{ "POST", "/users/{id}/activate", page_user_activate,
	    ACT_STAFF_ACCOUNTS, NULL, 0, R_LOGIN },

	/* Consultations, surveys, polls (page_activities.c). */
	{ "GET", "/activities", page_activities, ACT_ACTIVITY_VIEW,
	    PARAMS(act_list_params), R_LOGIN },
	{ "GET", "/activities/new", page_activity_new_form,
	    ACT_ACTIVITY_DRAFT, NULL, 0, R_LOGIN },
	{ "POST", "/activities/new", page_activity_new, ACT_ACTIVITY_DRAFT,
	    PARAMS(act_params), R_LOGIN },
	{ "GET", "/activities/{id}", page_activity, ACT_ACTIVITY_VIEW,
	    PARAMS(act_view_params), R_LOGIN },
	{ "GET", "/activities/{id}/edit", page_activity_edit_form,
	    ACT_ACTIVITY_DRAFT, NULL, 0, R_LOGIN },
	{ "POST", "/activities/{id}/edit", page_activity_edit,
	    ACT_ACTIVITY_DRAFT, PARAMS(act_params), R_LOGIN },
	{ "POST", "/activities/{id}/articles", page_article_add,
	    ACT_ACTIVITY_DRAFT, PARAMS(article_params), R_LOGIN },
	{ "POST", "/activities/{id}/articles/{aid}", page_article_save,
	    ACT_ACTIVITY_DRAFT, PARAMS(article_params), R_LOGIN },
	{ "POST", "/activities/{id}/articles/{aid}/delete",
	    page_article_delete, ACT_ACTIVITY_DRAFT, NULL, 0, R_LOGIN },
	{ "POST", "/activities/{id}/articles/{aid}/move", page_article_move,
	    ACT_ACTIVITY_DRAFT, PARAMS(move_params), R_LOGIN },
	{ "POST", "/activities/{id}/document", page_activity_document,
	    ACT_ACTIVITY_DRAFT, PARAMS(document_params), R_LOGIN | R_UPLOAD },
	{ "POST", "/activities/{id}/attachments", page_activity_attachment,
	    ACT_ACTIVITY_DRAFT, PARAMS(attachment_params),
	    R_LOGIN | R_UPLOAD },
	{ "GET", "/activities/{id}/files/{name:slug}", page_activity_file,
	    ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "POST", "/activities/{id}/workflow", page_activity_workflow,
	    ACT_ACTIVITY_VIEW, PARAMS(workflow_params), R_LOGIN },
	{ "POST", "/activities/{id}/extend", page_activity_extend,
	    ACT_ACTIVITY_EXTEND, PARAMS(extend_params), R_LOGIN },
	{ "POST", "/activities/{id}/corrections/{vid}",
	    page_activity_correction, ACT_ACTIVITY_APPROVE,
	    PARAMS(correction_params), R_LOGIN },

	/* The analysis and its report (page_analysis.c, issue 11). */
	{ "GET", "/activities/{id}/analysis", page_analysis,
	    ACT_ACTIVITY_VIEW, PARAMS(an_view_params), R_LOGIN },
	{ "POST", "/activities/{id}/analysis", page_analysis_answer,
	    ACT_REPORT_DRAFT, PARAMS(an_post_params), R_LOGIN },
	{ "POST", "/activities/{id}/analysis/themes", page_analysis_theme,
	    ACT_REPORT_DRAFT, PARAMS(theme_params), R_LOGIN },
	{ "GET", "/activities/{id}/report", page_report, ACT_ACTIVITY_VIEW,
	    NULL, 0, R_LOGIN },
	{ "POST", "/activities/{id}/report", page_report_save,
	    ACT_REPORT_DRAFT, PARAMS(report_params), R_LOGIN },
	{ "POST", "/activities/{id}/report/articles", page_report_article,
	    ACT_REPORT_DRAFT, PARAMS(final_params), R_LOGIN },
	{ "POST", "/activities/{id}/report/articles/{aid}",
	    page_report_article, ACT_REPORT_DRAFT, PARAMS(final_params),
	    R_LOGIN },
	{ "POST", "/activities/{id}/report/document", page_report_document,
	    ACT_REPORT_DRAFT, PARAMS(final_doc_params), R_LOGIN | R_UPLOAD },
	{ "POST", "/activities/{id}/report/workflow", page_report_workflow,
	    ACT_ACTIVITY_VIEW, PARAMS(rwf_params), R_LOGIN },

	/* The questions of a survey or poll, the vote on a draft
	 * (page_survey.c, page_survey_preview.c). */
	{ "GET", "/activities/{id}/questions", page_survey_builder,
	    ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "POST", "/activities/{id}/sections", page_survey_section_add,
	    ACT_ACTIVITY_DRAFT, PARAMS(sv_section_params), R_LOGIN },
	{ "POST", "/activities/{id}/sections/{sid}/delete",
	    page_survey_section_delete, ACT_ACTIVITY_DRAFT, NULL, 0, R_LOGIN },
	{ "POST", "/activities/{id}/questions", page_survey_question_add,
	    ACT_ACTIVITY_DRAFT, PARAMS(sv_question_params), R_LOGIN },
	{ "POST", "/activities/{id}/questions/{qid}", page_survey_question_edit,
	    ACT_ACTIVITY_DRAFT, PARAMS(sv_edit_params), R_LOGIN },
	{ "POST", "/activities/{id}/questions/{qid}/delete",
	    page_survey_question_delete, ACT_ACTIVITY_DRAFT, NULL, 0,
	    R_LOGIN },
	{ "POST", "/activities/{id}/questions/{qid}/move",
	    page_survey_question_move, ACT_ACTIVITY_DRAFT,
	    PARAMS(move_params), R_LOGIN },
	{ "POST", "/activities/{id}/conditions", page_survey_condition_add,
	    ACT_ACTIVITY_DRAFT, PARAMS(sv_cond_params), R_LOGIN },
	{ "POST", "/activities/{id}/conditions/{cid}/delete",
	    page_survey_condition_delete, ACT_ACTIVITY_DRAFT, NULL, 0,
	    R_LOGIN },
	{ "POST", "/activities/{id}/poll", page_survey_poll,
	    ACT_ACTIVITY_DRAFT, PARAMS(sv_poll_params), R_LOGIN },
	{ "POST", "/activities/{id}/vote", page_survey_vote,
	    ACT_ACTIVITY_DRAFT, PARAMS(sv_vote_params), R_LOGIN },
	{ "GET", "/activities/{id}/preview", page_survey_preview,
	    ACT_ACTIVITY_VIEW, PARAMS(sv_preview_params), R_LOGIN },
	{ "GET", "/activities/{id}/results", page_survey_staff_results,
	    ACT_ACTIVITY_VIEW, PARAMS(mod_params), R_LOGIN },
	{ "POST", "/activities/{id}/answers", page_survey_texts_moderate,
	    ACT_MODERATE, PARAMS(mod_post_params), R_LOGIN },
	{ "GET", "/activities/{id}/responses.csv", page_survey_csv,
	    ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },

	/* Moderation and the inter-agency inbox. */
	{ "GET", "/moderation", page_moderation, ACT_MODERATE,
	    PARAMS(mod_params), R_LOGIN },
	{ "POST", "/moderation", page_moderate, ACT_MODERATE,
	    PARAMS(mod_post_params), R_LOGIN },
	{ "GET", "/inbox", page_inbox, ACT_TARGET_RESPOND,
	    PARAMS(inbox_list_params), R_LOGIN },
	{ "GET", "/inbox/{id}", page_inbox_item, ACT_TARGET_RESPOND, NULL, 0,
	    R_LOGIN },
	{ "POST", "/inbox/{id}", page_inbox_respond, ACT_TARGET_RESPOND,
	    PARAMS(inbox_params), R_LOGIN },
	{ "GET", "/inbox/{id}/files/{name:slug}", page_inbox_file,
	    ACT_TARGET_RESPOND, NULL, 0, R_LOGIN },

	/* Groups of users for restricted audiences (page_groups.c). */
	{ "GET", "/groups", page_groups, ACT_GROUPS_MANAGE, NULL, 0, R_LOGIN },
	{ "POST", "/groups", page_group_add, ACT_GROUPS_MANAGE,
	    PARAMS(group_params), R_LOGIN },
	{ "GET", "/groups/{id}", page_group, ACT_GROUPS_MANAGE,
	    PARAMS(group_page_params), R_LOGIN },
	{ "POST", "/groups/{id}/members", page_group_member_add,
	    ACT_GROUPS_MANAGE, PARAMS(member_params), R_LOGIN },
	{ "POST", "/groups/{id}/members/{uid}/delete",
	    page_group_member_remove, ACT_GROUPS_MANAGE, NULL, 0, R_LOGIN },

	/* Oversight (page_audit.c, page_calendar.c). */
	{ "GET", "/audit", page_audit, ACT_AUDIT_VIEW, PARAMS(audit_params),
	    R_LOGIN },
	{ "GET", "/audit.csv", page_audit_csv, ACT_AUDIT_VIEW,
	    PARAMS(audit_csv_params), R_LOGIN },
	/* The compliance report and KPIs (page_compliance.c, issue 16). */
	{ "GET", "/compliance", page_compliance, ACT_KPI_VIEW,
	    PARAMS(compliance_params), R_LOGIN },
	{ "GET", "/compliance.csv", page_compliance_csv, ACT_KPI_VIEW,
	    PARAMS(compliance_params), R_LOGIN },
	{ "GET", "/compliance/list", page_compliance_list, ACT_KPI_VIEW,
	    PARAMS(compliance_list_params), R_LOGIN },
	{ "GET", "/holidays", page_holidays, ACT_CALENDAR_MANAGE,
	    PARAMS(holidays_page_params), R_LOGIN },
	{ "POST", "/holidays", page_holiday_add, ACT_CALENDAR_MANAGE,
	    PARAMS(holiday_params), R_LOGIN },
	{ "POST", "/holidays/weekend", page_weekend, ACT_CALENDAR_MANAGE,
	    PARAMS(weekend_params), R_LOGIN },
	{ "POST", "/holidays/delete", page_holiday_delete,
	    ACT_CALENDAR_MANAGE, PARAMS(holiday_del_params), R_LOGIN },
	{ "GET", "/outbox", page_outbox, ACT_OUTBOX_VIEW,
	    PARAMS(outbox_params), R_LOGIN },
	/* Complaints: periodic reports and Open311 API keys (issue 14). */
	{ "GET", "/complaint-reports", page_complaint_reports, ACT_KPI_VIEW,
	    PARAMS(creport_params), R_LOGIN },
	{ "GET", "/complaint-reports/{id}", page_complaint_report,
	    ACT_KPI_VIEW, NULL, 0, R_LOGIN },
	{ "GET", "/complaint-reports/{id}.csv", page_complaint_report_csv,
	    ACT_KPI_VIEW, NULL, 0, R_LOGIN },
	/* Participatory budgets (page_budgets.c, issue 19). */
	{ "GET", "/budgets", page_staff_budgets, ACT_ACTIVITY_VIEW, NULL, 0,
	    R_LOGIN },
	{ "GET", "/budgets/new", page_staff_budget_new, ACT_ACTIVITY_DRAFT,
	    NULL, 0, R_LOGIN },
	{ "POST", "/budgets/new", page_staff_budget_create, ACT_ACTIVITY_DRAFT,
	    PARAMS(budget_new_params), R_LOGIN },
	{ "GET", "/budgets/{id}/chain", page_staff_budget_chain_show,
	    ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "POST", "/budgets/{id}/chain", page_staff_budget_chain,
	    ACT_ACTIVITY_VIEW, PARAMS(budget_chain_params), R_LOGIN },
	{ "POST", "/budgets/{id}/projects", page_staff_budget_project,
	    ACT_ACTIVITY_VIEW, PARAMS(budget_project_params), R_LOGIN },
	{ "POST", "/budgets/{id}/review", page_staff_budget_review,
	    ACT_ACTIVITY_VIEW, PARAMS(budget_review_params), R_LOGIN },
	{ "GET", "/budgets/{id}", page_staff_budget, ACT_ACTIVITY_VIEW, NULL, 0,
	    R_LOGIN },
	{ "POST", "/budgets/{id}/override", page_staff_budget_override,
	    ACT_ACTIVITY_VIEW, PARAMS(budget_override_params), R_LOGIN },
	{ "POST", "/budgets/{id}/paper", page_staff_budget_paper,
	    ACT_ACTIVITY_VIEW, PARAMS(budget_paper_params), R_LOGIN },
	/* Citizen initiatives (page_initiatives.c, issue 19). */
	{ "GET", "/initiatives", page_staff_initiatives, ACT_ACTIVITY_VIEW,
	    NULL, 0, R_LOGIN },
	{ "POST", "/initiatives/rules", page_staff_initiative_rules,
	    ACT_ACTIVITY_VIEW, PARAMS(ini_rules_params), R_LOGIN },
	{ "GET", "/initiatives/{id}", page_staff_initiative, ACT_ACTIVITY_VIEW,
	    NULL, 0, R_LOGIN },
	{ "POST", "/initiatives/{id}/admit", page_staff_initiative_admit,
	    ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "POST", "/initiatives/{id}/refuse", page_staff_initiative_refuse,
	    ACT_ACTIVITY_VIEW, PARAMS(ini_refuse_params), R_LOGIN },
	{ "POST", "/initiatives/{id}/paper", page_staff_initiative_paper,
	    ACT_ACTIVITY_VIEW, PARAMS(ini_paper_params), R_LOGIN },
	{ "POST", "/initiatives/{id}/answer", page_staff_initiative_answer,
	    ACT_ACTIVITY_VIEW, PARAMS(ini_answer_params), R_LOGIN },
	/* The entity blog (page_blog.c, issue 16). */
	{ "GET", "/blog", page_staff_blog, ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "GET", "/blog/new", page_staff_blog_new, ACT_ACTIVITY_DRAFT, NULL, 0,
	    R_LOGIN },
	{ "POST", "/blog/new", page_staff_blog_create, ACT_ACTIVITY_DRAFT,
	    PARAMS(blog_params), R_LOGIN },
	{ "GET", "/blog/{id}", page_staff_blog_show, ACT_ACTIVITY_VIEW, NULL, 0,
	    R_LOGIN },
	{ "POST", "/blog/{id}", page_staff_blog_save, ACT_ACTIVITY_VIEW,
	    PARAMS(blog_params), R_LOGIN },
	{ "POST", "/blog/{id}/publish", page_staff_blog_publish,
	    ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "POST", "/blog/{id}/return", page_staff_blog_return,
	    ACT_ACTIVITY_VIEW, PARAMS(blog_return_params), R_LOGIN },
	/* The annual plan and the charter (page_plan.c,
	 * page_entity_charter.c, issue 16). */
	{ "GET", "/plan", page_plan, ACT_ACTIVITY_VIEW, NULL, 0, R_LOGIN },
	{ "POST", "/plan", page_plan_item_add, ACT_ACTIVITY_APPROVE,
	    PARAMS(plan_item_params), R_LOGIN },
	{ "GET", "/plan/{id}", page_plan_item_form, ACT_ACTIVITY_APPROVE,
	    NULL, 0, R_LOGIN },
	{ "POST", "/plan/{id}", page_plan_item_edit, ACT_ACTIVITY_APPROVE,
	    PARAMS(plan_item_params), R_LOGIN },
	{ "GET", "/charter", page_staff_charter, ACT_ACTIVITY_VIEW, NULL, 0,
	    R_LOGIN },
	{ "POST", "/charter", page_staff_charter_publish, ACT_ACTIVITY_APPROVE,
	    PARAMS(charter_params), R_LOGIN },
	{ "GET", "/apikeys", page_apikeys, ACT_SLA_MANAGE, NULL, 0, R_LOGIN },
	{ "POST", "/apikeys", page_apikey_issue, ACT_SLA_MANAGE,
	    PARAMS(apikey_params), R_LOGIN },
	{ "POST", "/apikeys/{id}/revoke", page_apikey_revoke, ACT_SLA_MANAGE,
	    NULL, 0, R_LOGIN },
};

static int
authorize(struct req *r, int action)
{
	if (r->sess == NULL)
		return -1;
	return perm_role_may(perm_role(r->sess->role), action) ? 0 : -1;
}

/* The navigation shows only what the role may open. */
static void
decorate(struct req *r, struct val *m)
{
	enum role	 role;

	if (r->sess == NULL)
		return;
	/* Half signed in (the second factor's pages): no way elsewhere. */
	if (r->sess->factor != SESSION_FACTOR_OK) {
		vm_bool(m, "factor_pending", 1);
		return;
	}
	role = perm_role(r->sess->role);
	vm_bool(m, "nav_entities", perm_role_may(role, ACT_ENTITY_VIEW));
	vm_bool(m, "nav_activities", perm_role_may(role, ACT_ACTIVITY_VIEW));
	vm_bool(m, "nav_moderation", perm_role_may(role, ACT_MODERATE));
	vm_bool(m, "nav_inbox", perm_role_may(role, ACT_TARGET_RESPOND));
	vm_bool(m, "nav_groups", perm_role_may(role, ACT_GROUPS_MANAGE));
	vm_bool(m, "nav_audit", perm_role_may(role, ACT_AUDIT_VIEW));
	vm_bool(m, "nav_holidays", perm_role_may(role, ACT_CALENDAR_MANAGE));
	vm_bool(m, "nav_outbox", perm_role_may(role, ACT_OUTBOX_VIEW));
	vm_bool(m, "nav_creports", perm_role_may(role, ACT_KPI_VIEW));
	vm_bool(m, "nav_apikeys", perm_role_may(role, ACT_SLA_MANAGE));
	vm_bool(m, "nav_compliance", perm_role_may(role, ACT_KPI_VIEW));
	/* An entity's own plan, charter and blog: its staff only. */
	vm_bool(m, "nav_entity_own", r->sess->entity_id != 0 &&
	    perm_role_may(role, ACT_ACTIVITY_VIEW));
}

static const struct app app = {
	.name = "staff",
	.prefix = "/staff",
	.layout = "layout/staff",
	.db_account = "staff",
	.routes = routes,
	.nroutes = sizeof(routes) / sizeof(routes[0]),
	.authorize = authorize,
	.decorate = decorate,
};

int
main(int argc, char *argv[])
{
	return app_run(&app, argc, argv);
}
