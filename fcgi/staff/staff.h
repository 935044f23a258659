/*
 * staff.h — page handlers of sharek-staff, their declared parameters,
 * and the helpers every staff page shares (staff_common.c).
 */
#ifndef SHAREK_STAFF_H
#define SHAREK_STAFF_H

#include "audit.h"
#include "http.h"
#include "perm.h"
#include "session.h"

/* staff_common.c */
/* Where entity eid lies for the signed-in member of staff. */
enum scope	 staff_scope(struct req *, unsigned long long eid);
/* 1 when the signed-in user may do action on an object of entity eid. */
int		 staff_may(struct req *, enum action, unsigned long long eid);
/* What a page on an object of entity eid answers first: 0 when the user
 * sees the entity's objects (ACT_ACTIVITY_VIEW) and may do need there,
 * 404 when they are out of sight, 403 without need. */
int		 staff_may_item(struct req *, enum action need,
		    unsigned long long eid);
struct activity;
/* Loads activity {id} (r->segi[0]) into a: 0, 404 when it is missing or
 * its entity is not visible to this member of staff, 403 without need
 * on its entity, 500.  Strings belong to the request. */
int		 staff_activity_load(struct req *, enum action need,
		    struct activity *);
/* 1 when the reader is the alternate liaison officer of activity a's
 * entity and its final approval or its report's publication has not
 * been handed over to them yet (art. 6-ب, handover_waiting): the page
 * says why instead of offering the step, which would be refused. */
int		 staff_alternate_waits(struct req *, const struct activity *);
/* Sends upload name when it is the document or an attachment of
 * activity id (the caller checked the reader may see it), inline: nginx
 * sends the bytes (X-Accel-Redirect, as the public site's page_file).
 * 200, 404 when it is neither, 500. */
int		 staff_activity_file(struct req *, unsigned long long id,
		    const char *name);
struct val;
/* Fills the list "attachments" of m (name, file, original) with the
 * supporting documents of activity id, and "has_attachments".  0 or
 * -1. */
int		 staff_attachments(struct req *, struct val *m,
		    unsigned long long id);
/* The actor of audit records for this request. */
struct actor	*staff_actor(struct req *);
/* The same, filed under the entity the action concerns (the ministry
 * naming a liaison officer shows in that entity's log). */
struct actor	*staff_actor_for(struct req *, unsigned long long entity_id);
/* Issues an invitation (set-your-password link, 72 hours) to uid and
 * queues the e-mail naming the entity (entity_ar, entity_en) and the
 * role (a msgid, e.g. a perm_role_labels entry); inside the caller's
 * transaction.  0 or -1. */
int		 staff_invite(struct req *, unsigned long long uid,
		    const char *email, const char *lang,
		    const char *entity_ar, const char *entity_en,
		    const char *role_msgid);

int	page_dashboard(struct req *);

/* page_2fa.c */
enum factor_next_key { FACTOR_NEXT_NEXT, FACTOR_NEXT__MAX };
extern const struct param factor_next_params[FACTOR_NEXT__MAX];
enum factor_code_key { FACTOR_CODE_CODE, FACTOR_CODE_NEXT, FACTOR_CODE__MAX };
extern const struct param factor_code_params[FACTOR_CODE__MAX];
enum factor_off_key { FACTOR_OFF_CODE, FACTOR_OFF__MAX };
extern const struct param factor_off_params[FACTOR_OFF__MAX];
int	page_factor_code_form(struct req *);
int	page_factor_code(struct req *);
int	page_factor(struct req *);
int	page_factor_enrol_form(struct req *);
int	page_factor_enrol_start(struct req *);
int	page_factor_enrol(struct req *);
int	page_factor_disable(struct req *);

/* page_entities.c */
enum entity_key {
	ENT_NAME_AR, ENT_NAME_EN, ENT_KIND, ENT_PARENT_ID, ENT_SLUG,
	ENT_SECTORS, ENT_CONTACT_EMAIL, ENT_SG_NAME, ENT_SG_EMAIL,
	ENT_SG_MOBILE, ENT_MINISTER_NAME, ENT_MINISTER_EMAIL,
	ENT_MINISTER_MOBILE, ENT__MAX
};
extern const struct param entity_params[ENT__MAX];
enum entity_new_key { ENT_NEW_PARENT_ID, ENT_NEW__MAX };
extern const struct param entity_new_params[ENT_NEW__MAX];
enum liaison_key {
	LIAISON_WHICH, LIAISON_EMAIL, LIAISON_FULL_NAME, LIAISON_MOBILE,
	LIAISON__MAX
};
extern const struct param liaison_params[LIAISON__MAX];
enum staffnew_key {
	STAFFNEW_ROLE, STAFFNEW_EMAIL, STAFFNEW_FULL_NAME, STAFFNEW_MOBILE,
	STAFFNEW__MAX
};
extern const struct param staffnew_params[STAFFNEW__MAX];
int	page_entities(struct req *);
int	page_entity_new_form(struct req *);
int	page_entity_new(struct req *);
int	page_entity(struct req *);
int	page_entity_edit_form(struct req *);
int	page_entity_edit(struct req *);
int	page_entity_liaison(struct req *);
int	page_entity_staff(struct req *);
int	page_user_deactivate(struct req *);
int	page_user_activate(struct req *);

/* page_audit.c */
enum audit_key {
	AUDIT_ENTITY, AUDIT_ACTION, AUDIT_USER, AUDIT_FROM, AUDIT_TO,
	AUDIT_FILTER__MAX,			/* the filters: the CSV's */
	AUDIT_BEFORE = AUDIT_FILTER__MAX,	/* paging: the page's only */
	AUDIT__MAX
};
extern const struct param audit_params[AUDIT__MAX];
extern const struct param audit_csv_params[AUDIT_FILTER__MAX];
int	page_audit(struct req *);
int	page_audit_csv(struct req *);

/* page_calendar.c */
enum holiday_key { HOLIDAY_DAY, HOLIDAY_NAME_AR, HOLIDAY_NAME_EN,
	HOLIDAY__MAX };
extern const struct param holiday_params[HOLIDAY__MAX];
enum holiday_del_key { HOLIDAY_DEL_DAY, HOLIDAY_DEL__MAX };
extern const struct param holiday_del_params[HOLIDAY_DEL__MAX];
enum holidays_page_key { HOLIDAYS_REMOVED, HOLIDAYS_REMOVED_NAME,
	HOLIDAYS_PAGE__MAX };
extern const struct param holidays_page_params[HOLIDAYS_PAGE__MAX];
enum weekend_key { WEEKEND_DAYS, WEEKEND__MAX };
extern const struct param weekend_params[WEEKEND__MAX];
enum outbox_page_key { OUTBOX_PAGE_BEFORE, OUTBOX_PAGE__MAX };
extern const struct param outbox_params[OUTBOX_PAGE__MAX];
/* page_dashboard.c */
enum oversight_key { OVERSIGHT_SHOW, OVERSIGHT__MAX };
extern const struct param oversight_params[OVERSIGHT__MAX];
int	page_oversight(struct req *);

/* page_plan.c (issue 16) */
enum plan_item_key {
	PLAN_ITEM_TOPIC, PLAN_ITEM_TOPIC_EN, PLAN_ITEM_GROUP, PLAN_ITEM_SIZE,
	PLAN_ITEM_CHANNEL, PLAN_ITEM_TOOLS, PLAN_ITEM_QUARTER,
	PLAN_ITEM_STATUS, PLAN_ITEM_ACTIVITY, PLAN_ITEM__MAX
};
extern const struct param plan_item_params[PLAN_ITEM__MAX];
int	page_plan(struct req *);
int	page_plan_item_add(struct req *);
int	page_plan_item_form(struct req *);
int	page_plan_item_edit(struct req *);
/* page_entity_charter.c (issue 16) */
enum charter_key {
	CHARTER_BODY_AR, CHARTER_BODY_EN, CHARTER_CHANNELS_AR,
	CHARTER_CHANNELS_EN, CHARTER_ACTIVITIES_AR, CHARTER_ACTIVITIES_EN,
	CHARTER_COMMITMENTS_AR, CHARTER_COMMITMENTS_EN, CHARTER_DATA_AR,
	CHARTER_DATA_EN, CHARTER_EXPECT_AR, CHARTER_EXPECT_EN, CHARTER__MAX
};
extern const struct param charter_params[CHARTER__MAX];
int	page_staff_charter(struct req *);
int	page_staff_charter_publish(struct req *);

int	page_holidays(struct req *);
int	page_holiday_add(struct req *);
int	page_holiday_delete(struct req *);
int	page_weekend(struct req *);
int	page_outbox(struct req *);

/* page_complaint_reports.c (issue 14) */
enum creport_key { CREPORT_PERIOD, CREPORT__MAX };
extern const struct param creport_params[CREPORT__MAX];
int	page_complaint_reports(struct req *);
int	page_complaint_report(struct req *);
int	page_complaint_report_csv(struct req *);

/* page_apikeys.c (issue 14) */
enum apikey_key { APIKEY_ORG, APIKEY_CHANNEL, APIKEY__MAX };
extern const struct param apikey_params[APIKEY__MAX];
int	page_apikeys(struct req *);
int	page_apikey_issue(struct req *);
int	page_apikey_revoke(struct req *);

/* page_budgets.c: participatory budgets (issue 19) */
enum budget_override_key { BO_PROJECT, BO_WON, BO_REASON, BO__MAX };
extern const struct param budget_override_params[BO__MAX];
enum budget_paper_key { BP_BATCH, BP_COPIES, BP_PROJECT, BP__MAX };
extern const struct param budget_paper_params[BP__MAX];
int	page_staff_budget(struct req *);
int	page_staff_budget_override(struct req *);
int	page_staff_budget_paper(struct req *);
enum budget_project_key { BPR_TITLE_AR, BPR_TITLE_EN, BPR_DESCRIPTION_AR,
	BPR_DESCRIPTION_EN, BPR_COST, BPR_LOCATION, BPR__MAX };
extern const struct param budget_project_params[BPR__MAX];
enum budget_review_key { BRV_PROJECT, BRV_FEASIBLE, BRV_REASON, BRV_COST,
	BRV__MAX };
extern const struct param budget_review_params[BRV__MAX];
int	page_staff_budgets(struct req *);
int	page_staff_budget_project(struct req *);
int	page_staff_budget_review(struct req *);
enum budget_new_key { BN_TITLE_AR, BN_TITLE_EN, BN_DESCRIPTION_AR,
	BN_DESCRIPTION_EN, BN_TOTAL, BN_CURRENCY, BN_AREA_AR, BN_AREA_EN,
	BN_PROPOSALS, BN_OPENS, BN_CLOSES, BN_RULE, BN_MAX, BN_MIN, BN_SHARE,
	BN_METHOD, BN__MAX };
extern const struct param budget_new_params[BN__MAX];
enum budget_chain_key { BC_EVENT, BC_REASON, BC__MAX };
extern const struct param budget_chain_params[BC__MAX];
int	page_staff_budget_new(struct req *);
int	page_staff_budget_create(struct req *);
int	page_staff_budget_chain_show(struct req *);
int	page_staff_budget_chain(struct req *);

/* page_initiatives.c: citizen initiatives (issue 19) */
enum ini_rules_key { IR_ADMIT, IR_SUPPORT, IR_THRESHOLD, IR_ANSWER,
	IR__MAX };
extern const struct param ini_rules_params[IR__MAX];
enum ini_refuse_key { IRF_REASON, IRF__MAX };
extern const struct param ini_refuse_params[IRF__MAX];
enum ini_paper_key { IP_BATCH, IP_SUPPORTS, IP__MAX };
extern const struct param ini_paper_params[IP__MAX];
enum ini_answer_key { IA_REPLY_AR, IA_REPLY_EN, IA_OUTCOME, IA__MAX };
extern const struct param ini_answer_params[IA__MAX];
int	page_staff_initiatives(struct req *);
int	page_staff_initiative_rules(struct req *);
int	page_staff_initiative(struct req *);
int	page_staff_initiative_admit(struct req *);
int	page_staff_initiative_refuse(struct req *);
int	page_staff_initiative_paper(struct req *);
int	page_staff_initiative_answer(struct req *);

/* page_blog.c: the entity blog (issue 16) */
enum blog_key { BLOG_TITLE_AR, BLOG_TITLE_EN, BLOG_SUMMARY_AR,
	BLOG_SUMMARY_EN, BLOG_BODY_AR, BLOG_BODY_EN, BLOG__MAX_KEY };
extern const struct param blog_params[BLOG__MAX_KEY];
enum blog_return_key { BLOG_RETURN_REASON, BLOG_RETURN__MAX };
extern const struct param blog_return_params[BLOG_RETURN__MAX];
int	page_staff_blog(struct req *);
int	page_staff_blog_new(struct req *);
int	page_staff_blog_create(struct req *);
int	page_staff_blog_show(struct req *);
int	page_staff_blog_save(struct req *);
int	page_staff_blog_publish(struct req *);
int	page_staff_blog_return(struct req *);

/* page_activities.c */
enum act_list_key { AL_STATE, AL_BEFORE, AL__MAX };
extern const struct param act_list_params[AL__MAX];
enum act_view_key { AV_SAVED, AV__MAX };
extern const struct param act_view_params[AV__MAX];
enum act_form_key {
	AF_KIND, AF_TITLE_AR, AF_TITLE_EN, AF_SUMMARY_AR, AF_SUMMARY_EN,
	AF_OBJECTIVES_AR, AF_OBJECTIVES_EN, AF_ANNOUNCEMENTS_AR,
	AF_ANNOUNCEMENTS_EN, AF_SECTORS, AF_AUDIENCE, AF_TARGETS, AF_GROUPS,
	AF_URGENT, AF_PUBLISH_AT, AF_CLOSES_AT, AF_RESULTS_DUE_AT,
	AF_FINAL_PUBLICATION_AT, AF_DOC_KIND, AF_LINKS, AF_REASON, AF__MAX
};
extern const struct param act_params[AF__MAX];
enum article_key {
	ARTF_NUMBER_LABEL, ARTF_TITLE_AR, ARTF_TITLE_EN, ARTF_BODY_AR,
	ARTF_BODY_EN, ARTF__MAX
};
extern const struct param article_params[ARTF__MAX];
enum move_key { MOVE_DIR, MOVE__MAX };
extern const struct param move_params[MOVE__MAX];
enum document_key { DOC_FILE, DOC__MAX };
extern const struct param document_params[DOC__MAX];
enum attachment_key { ATT_FILE, ATT_TITLE_AR, ATT_TITLE_EN, ATT__MAX };
extern const struct param attachment_params[ATT__MAX];
enum workflow_key { WFF_EVENT, WFF_REASON, WFF__MAX };
extern const struct param workflow_params[WFF__MAX];
enum extend_key { EXT_DAYS, EXT_REASON_AR, EXT_REASON_EN, EXT__MAX };
extern const struct param extend_params[EXT__MAX];
enum correction_key { CORR_DECISION, CORR_DECISION_REASON, CORR__MAX };
extern const struct param correction_params[CORR__MAX];
int	page_activities(struct req *);
int	page_activity_new_form(struct req *);
int	page_activity_new(struct req *);
int	page_activity(struct req *);
int	page_activity_edit_form(struct req *);
int	page_activity_edit(struct req *);
int	page_article_add(struct req *);
int	page_article_save(struct req *);
int	page_article_delete(struct req *);
int	page_article_move(struct req *);
int	page_activity_document(struct req *);
int	page_activity_attachment(struct req *);
int	page_activity_file(struct req *);
int	page_activity_workflow(struct req *);
int	page_activity_extend(struct req *);
int	page_activity_correction(struct req *);

/* page_moderation.c */
enum mod_key {
	MODQ_ACTIVITY, MODQ_OVERDUE, MODQ_AFTER, MODQ_DONE, MODQ_REJECTED,
	MODQ_SKIPPED, MODQ__MAX
};
extern const struct param mod_params[MODQ__MAX];
enum mod_post_key { MODP_IDS, MODP_ACTION, MODP_REASON, MODP__MAX };
extern const struct param mod_post_params[MODP__MAX];
/* model["reasons"]: the published moderation principles, chosen selected
 * (page_moderation.c; the survey's text answers use it too).  0 or -1. */
int	mod_reasons_model(struct req *, struct val *, long long chosen);
int	page_moderation(struct req *);
int	page_moderate(struct req *);

/* page_analysis.c: the analysis and its report (issue 11). */
enum an_view_key { ANV_ARTICLE, ANV_POSITION, ANV_THEME, ANV_AFTER,
	ANV_DONE, ANV__MAX };
extern const struct param an_view_params[ANV__MAX];
enum an_post_key { ANP_IDS, ANP_POSITION, ANP_REPLY_AR, ANP_REPLY_EN,
	ANP_DUPLICATE_OF, ANP_THEMES, ANP__MAX };
extern const struct param an_post_params[ANP__MAX];
enum theme_key { THEME_TITLE_AR, THEME_TITLE_EN, THEME__MAX };
extern const struct param theme_params[THEME__MAX];
enum report_key { RPT_SUMMARY_AR, RPT_SUMMARY_EN, RPT_USAGE_AR,
	RPT_USAGE_EN, RPT_TRENDS_AR, RPT_TRENDS_EN, RPT_ALIGNMENT_AR,
	RPT_ALIGNMENT_EN, RPT__MAX };
extern const struct param report_params[RPT__MAX];
enum final_key { FA_NUMBER_LABEL, FA_TITLE_AR, FA_TITLE_EN, FA_BODY_AR,
	FA_BODY_EN, FA_REMOVED, FA__MAX };
extern const struct param final_params[FA__MAX];
enum rwf_key { RWF_EVENT, RWF_REASON, RWF__MAX };
extern const struct param rwf_params[RWF__MAX];
int	page_analysis(struct req *);
int	page_analysis_answer(struct req *);
int	page_analysis_theme(struct req *);
int	page_report(struct req *);
int	page_report_save(struct req *);
int	page_report_article(struct req *);
enum final_doc_key { FDOC_FILE, FDOC__MAX };
extern const struct param final_doc_params[FDOC__MAX];
int	page_report_document(struct req *);
int	page_report_workflow(struct req *);

/* page_inbox.c */
enum inbox_list_key { INBOXP_AFTER, INBOXP__MAX };
extern const struct param inbox_list_params[INBOXP__MAX];
enum inbox_key { INBOX_BODY, INBOX__MAX };
extern const struct param inbox_params[INBOX__MAX];
int	page_inbox(struct req *);
int	page_inbox_item(struct req *);
int	page_inbox_respond(struct req *);
int	page_inbox_file(struct req *);

/* page_groups.c */
enum group_key { GROUP_NAME_AR, GROUP_NAME_EN, GROUP__MAX };
extern const struct param group_params[GROUP__MAX];
enum member_key { MEMBER_EMAIL, MEMBER__MAX };
extern const struct param member_params[MEMBER__MAX];
enum group_page_key { GROUP_PAGE_AFTER, GROUP_PAGE__MAX };
extern const struct param group_page_params[GROUP_PAGE__MAX];
int	page_groups(struct req *);
int	page_group_add(struct req *);
int	page_group(struct req *);
int	page_group_member_add(struct req *);
int	page_group_member_remove(struct req *);

/* page_survey.c, page_survey_preview.c: the survey builder, preview,
 * results and export of a survey or poll (issue 12). */
enum sv_section_key { SVSEC_TITLE_AR, SVSEC_TITLE_EN, SVSEC_INTRO_AR,
	SVSEC_INTRO_EN, SVSEC__MAX };
extern const struct param sv_section_params[SVSEC__MAX];
enum sv_question_key {
	SVQ_SECTION, SVQ_KIND, SVQ_TEXT_AR, SVQ_TEXT_EN, SVQ_REQUIRED,
	SVQ_OPTIONS_AR, SVQ_OPTIONS_EN, SVQ_ROWS_AR, SVQ_ROWS_EN,
	SVQ_SCALE_MAX, SVQ_LOW_AR, SVQ_LOW_EN, SVQ_HIGH_AR, SVQ_HIGH_EN,
	SVQ_NUM_MIN, SVQ_NUM_MAX, SVQ_MIN_CHOICES, SVQ_MAX_CHOICES, SVQ__MAX
};
extern const struct param sv_question_params[SVQ__MAX];
enum sv_cond_key { SVC_TARGET, SVC_SOURCE, SVC_OP, SVC_VALUE_OPTION,
	SVC_VALUE, SVC__MAX };
extern const struct param sv_cond_params[SVC__MAX];
enum sv_poll_key { SVP_RESULTS, SVP__MAX };
extern const struct param sv_poll_params[SVP__MAX];
enum sv_vote_key { SVV_QUESTION_AR, SVV_QUESTION_EN, SVV__MAX };
extern const struct param sv_vote_params[SVV__MAX];
enum sv_edit_key { SVE_TEXT_AR, SVE_TEXT_EN, SVE_REQUIRED, SVE_OPTIONS_AR,
	SVE_OPTIONS_EN, SVE_ROWS_AR, SVE_ROWS_EN, SVE__MAX };
extern const struct param sv_edit_params[SVE__MAX];
int	page_survey_question_edit(struct req *);
enum sv_preview_key { SVPV_PAGE, SVPV__MAX };
extern const struct param sv_preview_params[SVPV__MAX];
int	page_survey_builder(struct req *);
int	page_survey_section_add(struct req *);
int	page_survey_section_delete(struct req *);
int	page_survey_question_add(struct req *);
int	page_survey_question_delete(struct req *);
int	page_survey_question_move(struct req *);
int	page_survey_condition_add(struct req *);
int	page_survey_condition_delete(struct req *);
int	page_survey_poll(struct req *);
int	page_survey_vote(struct req *);
int	page_survey_preview(struct req *);
int	page_survey_staff_results(struct req *);
int	page_survey_texts_moderate(struct req *);
int	page_survey_csv(struct req *);

/* page_compliance.c (issue 16) */
enum compliance_key { CMP_FROM, CMP_TO, CMP_ENTITY, CMP__MAX };
extern const struct param compliance_params[CMP__MAX];
enum compliance_list_key { CMPL_FROM = CMP_FROM, CMPL_TO = CMP_TO,
	CMPL_ENTITY = CMP_ENTITY, CMPL_FIGURE = CMP__MAX, CMPL_TREE,
	CMPL__MAX };
extern const struct param compliance_list_params[CMPL__MAX];
int	page_compliance(struct req *);
int	page_compliance_csv(struct req *);
int	page_compliance_list(struct req *);

#endif
