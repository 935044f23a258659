/*
 * page_activities.c — drafting consultations and taking them through the
 * review chain (Tawasul art. 7–11; domain.md §3–4).
 *
 * GET  /staff/activities                  act_list_params: state, before
 *                                         (id, keyset paging) → list.
 *                                         View staff/activities.
 * GET  /staff/activities/new              form.  View staff/activity_form.
 * POST /staff/activities/new              act_params → 303
 *                                         /staff/activities/ID?saved=1;
 *                                         422 with the form kept
 * GET  /staff/activities/{id}             act_view_params: saved →
 *                                         everything, articles, actions,
 *                                         history.  View staff/activity.
 * GET  /staff/activities/{id}/edit        form (409 unless a draft, a
 *                                         returned or an open one)
 * POST /staff/activities/{id}/edit        act_params (+ reason while open:
 *                                         a correction that waits for the
 *                                         liaison officer; the public
 *                                         text changes only once approved)
 * POST /staff/activities/{id}/articles    article_params: add an article
 * POST /staff/activities/{id}/articles/{aid}          article_params: save
 * POST /staff/activities/{id}/articles/{aid}/delete   (409 once commented)
 * POST /staff/activities/{id}/articles/{aid}/move     move_params: dir =
 *                                         up | down
 * POST /staff/activities/{id}/document    document_params: the document
 *                                         as a PDF (upload)
 * POST /staff/activities/{id}/attachments attachment_params: supporting
 *                                         PDF with a title
 * GET  /staff/activities/{id}/files/{name}  the document or an
 *                                         attachment, opened in the
 *                                         browser (nginx sends it)
 * POST /staff/activities/{id}/workflow    workflow_params: event (submit,
 *                                         forward, return, approve,
 *                                         withdraw), reason
 * POST /staff/activities/{id}/extend      extend_params: days, reason_ar,
 *                                         reason_en (art. 11-ج, the cap
 *                                         in workflow_extend)
 * POST /staff/activities/{id}/corrections/{vid}  correction_params:
 *                                         decision = approve | reject,
 *                                         decision_reason (required to
 *                                         reject) — the liaison officer
 *                                         (ACT_ACTIVITY_APPROVE) decides
 *                                         a correction of an open one
 *                                         (art. 7-ز, 8-د); 409 once
 *                                         decided, replaced or closed
 * The writes answer 303 to the activity, 422 with the page and the
 * messages, 409 when the activity's state does not allow them.
 * Permission: the matrix of fcgi/domain/perm.c for the activity's entity
 * (404 when the user may not even see it).  Every write is audited;
 * transitions also go to workflow_events (fcgi/domain/workflow.c).
 */
#include <stdlib.h>
#include <string.h>
#include <time.h>

#include "activity.h"
#include "arena.h"
#include "audit.h"
#include "buf.h"
#include "calendar.h"
#include "db.h"
#include "handover.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "sql_gen.h"
#include "staff.h"
#include "vm.h"
#include "wdiff.h"
#include "workflow.h"

/* Activities per page of the list. */
#define ACT_PAGE_SIZE	50
/* Related links one form takes. */
#define ACT_MAXLINKS	32

/* How the document is given (activities.doc_kind). */
enum act_doc { AD_ARTICLES, AD_PDF, AD__MAX };
static const char *const act_doc_names[AD__MAX + 1] = {
	[AD_ARTICLES] = "articles", [AD_PDF] = "pdf", [AD__MAX] = NULL
};

/* The events a member of staff sends from the activity's page. */
enum act_form_event { FE_SUBMIT, FE_FORWARD, FE_RETURN, FE_APPROVE,
    FE_WITHDRAW, FE__MAX };
static const char *const event_names[FE__MAX + 1] = {
	[FE_SUBMIT] = "submit", [FE_FORWARD] = "forward",
	[FE_RETURN] = "return", [FE_APPROVE] = "approve",
	[FE_WITHDRAW] = "withdraw", [FE__MAX] = NULL
};
static const enum act_event event_ids[FE__MAX] = {
	[FE_SUBMIT] = AE_SUBMIT, [FE_FORWARD] = AE_FORWARD,
	[FE_RETURN] = AE_RETURN, [FE_APPROVE] = AE_APPROVE,
	[FE_WITHDRAW] = AE_WITHDRAW
};

/* The liaison officer's decision on a correction. */
enum act_decision { DEC_APPROVE, DEC_REJECT, DEC__MAX };
static const char *const decision_names[DEC__MAX + 1] = {
	[DEC_APPROVE] = "approve", [DEC_REJECT] = "reject", [DEC__MAX] = NULL
};

enum move_dir { MD_UP, MD_DOWN, MD__MAX };
static const char *const dir_names[MD__MAX + 1] = {
	[MD_UP] = "up", [MD_DOWN] = "down", [MD__MAX] = NULL
};

const struct param act_list_params[AL__MAX] = {
	[AL_STATE] = { .name = "state", .type = PT_ENUM,
	    .choices = act_state_names },
	[AL_BEFORE] = { .name = "before", .type = PT_INT, .min = 1,
	    .max = 1LL << 62 },
};

const struct param act_view_params[AV__MAX] = {
	[AV_SAVED] = { .name = "saved", .type = PT_BOOL },
};

const struct param act_params[AF__MAX] = {
	[AF_KIND] = { .name = "kind", .type = PT_ENUM,
	    .choices = act_kind_names, .choice_labels = act_kind_labels,
	    .label = N_("Kind") },
	[AF_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_REQ | P_NAME,
	    .min = 3, .max = 300, .label = N_("Title in Arabic") },
	[AF_TITLE_EN] = { .name = "title_en", .type = PT_STR, .flags = P_NAME,
	    .min = 3,
	    .max = 300 },
	[AF_SUMMARY_AR] = { .name = "summary_ar", .type = PT_TEXT,
	    .max = 5000 },
	[AF_SUMMARY_EN] = { .name = "summary_en", .type = PT_TEXT,
	    .max = 5000 },
	[AF_OBJECTIVES_AR] = { .name = "objectives_ar", .type = PT_TEXT,
	    .max = 5000 },
	[AF_OBJECTIVES_EN] = { .name = "objectives_en", .type = PT_TEXT,
	    .max = 5000 },
	[AF_ANNOUNCEMENTS_AR] = { .name = "announcements_ar",
	    .type = PT_TEXT, .max = 5000 },
	[AF_ANNOUNCEMENTS_EN] = { .name = "announcements_en",
	    .type = PT_TEXT, .max = 5000 },
	[AF_SECTORS] = { .name = "sectors", .type = PT_INT,
	    .flags = P_MULTI, .min = 1, .max = 1LL << 30 },
	[AF_AUDIENCE] = { .name = "audience", .type = PT_ENUM,
	    .flags = P_REQ, .choices = act_audience_names,
	    .choice_labels = act_audience_descriptions,
	    .label = N_("Audience") },
	[AF_TARGETS] = { .name = "targets", .type = PT_INT,
	    .flags = P_MULTI, .min = 1, .max = 1LL << 40 },
	[AF_GROUPS] = { .name = "groups", .type = PT_INT, .flags = P_MULTI,
	    .min = 1, .max = 1LL << 40 },
	[AF_URGENT] = { .name = "urgent", .type = PT_BOOL },
	[AF_PUBLISH_AT] = { .name = "publish_at", .type = PT_DATETIME },
	[AF_CLOSES_AT] = { .name = "closes_at", .type = PT_DATETIME },
	[AF_RESULTS_DUE_AT] = { .name = "results_due_at",
	    .type = PT_DATETIME },
	[AF_FINAL_PUBLICATION_AT] = { .name = "final_publication_at",
	    .type = PT_DATETIME },
	[AF_DOC_KIND] = { .name = "doc_kind", .type = PT_ENUM,
	    .choices = act_doc_names },
	[AF_LINKS] = { .name = "links", .type = PT_TEXT, .max = 5000 },
	[AF_REASON] = { .name = "reason", .type = PT_TEXT, .max = 2000 },
};

const struct param article_params[ARTF__MAX] = {
	[ARTF_NUMBER_LABEL] = { .name = "number_label", .type = PT_STR,
	    .flags = P_NAME, .max = 40 },
	[ARTF_TITLE_AR] = { .name = "title_ar", .type = PT_STR,
	    .flags = P_NAME, .max = 300 },
	[ARTF_TITLE_EN] = { .name = "title_en", .type = PT_STR,
	    .flags = P_NAME, .max = 300 },
	[ARTF_BODY_AR] = { .name = "body_ar", .type = PT_TEXT,
	    .flags = P_REQ, .min = 1, .max = 100000,
	    .label = N_("Text in Arabic") },
	[ARTF_BODY_EN] = { .name = "body_en", .type = PT_TEXT,
	    .max = 100000 },
};
const struct param move_params[MOVE__MAX] = {
	[MOVE_DIR] = { .name = "dir", .type = PT_ENUM, .flags = P_REQ,
	    .choices = dir_names },
};
const struct param document_params[DOC__MAX] = {
	[DOC_FILE] = { .name = "file", .type = PT_FILE, .flags = P_REQ,
	    .max = 20 << 20, .accept = "pdf" },
};
const struct param attachment_params[ATT__MAX] = {
	[ATT_FILE] = { .name = "file", .type = PT_FILE, .flags = P_REQ,
	    .max = 20 << 20, .accept = "pdf" },
	[ATT_TITLE_AR] = { .name = "title_ar", .type = PT_STR, .flags = P_NAME,
	    .min = 2,
	    .max = 300 },
	[ATT_TITLE_EN] = { .name = "title_en", .type = PT_STR, .flags = P_NAME,
	    .min = 2,
	    .max = 300 },
};
const struct param workflow_params[WFF__MAX] = {
	[WFF_EVENT] = { .name = "event", .type = PT_ENUM, .flags = P_REQ,
	    .choices = event_names },
	[WFF_REASON] = { .name = "reason", .type = PT_TEXT, .max = 2000 },
};
const struct param correction_params[CORR__MAX] = {
	[CORR_DECISION] = { .name = "decision", .type = PT_ENUM,
	    .flags = P_REQ, .choices = decision_names },
	[CORR_DECISION_REASON] = { .name = "decision_reason", .type = PT_TEXT,
	    .max = 2000, .label = N_("Reason (the author reads it)") },
};
const struct param extend_params[EXT__MAX] = {
	[EXT_DAYS] = { .name = "days", .type = PT_INT, .flags = P_REQ,
	    .min = 1, .max = 366, .label = N_("Days to add") },
	[EXT_REASON_AR] = { .name = "reason_ar", .type = PT_TEXT,
	    .flags = P_REQ, .min = 5, .max = 2000,
	    .label = N_("Public reason in Arabic") },
	[EXT_REASON_EN] = { .name = "reason_en", .type = PT_TEXT,
	    .max = 2000, .label = N_("Public reason in English") },
};

static const char *
state_label(struct req *r, enum act_state s)
{
	return present_label(r, act_state_labels, AS__MAX, (int)s);
}

/* A datetime parameter as a Unix time, 0 when absent or invalid. */
static long long
arg_time(struct req *r, int key)
{
	const struct pval *p = http_arg(r, key);

	return p != NULL && p->set ? (long long)p->t : 0;
}

/* Whether a repeated numeric parameter holds the id. */
static int
arg_has(const struct pval *p, unsigned long long id)
{
	int	 k;

	for (k = 0; p != NULL && k < p->nvals; k++)
		if (strtoull(p->vals[k], NULL, 10) == id)
			return 1;
	return 0;
}

/* Loads activity {id} into a and checks the action on its entity: 0 or
 * a status. */
static int
act_load(struct req *r, enum action need, struct activity *a)
{
	return staff_activity_load(r, need, a);
}

/* Locks activity id in the form's transaction and checks that its state
 * still allows the change (may(state)): the page read the activity
 * before the transaction, and a review step may have come between. */
static enum outcome
act_lock(struct req *r, unsigned long long id, int (*may)(enum act_state))
{
	enum act_state	 st;

	switch (workflow_lock(r->db, r->a, id, &st)) {
	case WF_OK:
		return may(st) ? OUT_OK : OUT_CONFLICT;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	default:
		return OUT_ERROR;
	}
}

int
page_activities(struct req *r)
{
	struct val	*m = http_model(r), *l, *it;
	struct dbres	*res;
	struct activity	 a;
	enum role	 role = perm_role(r->sess->role);
	unsigned long long ent = 0, last = 0;
	int		 n = 0;

	vm_str(m, "title", tr(r, "Consultations, surveys and polls"));
	if (!perm_allows(role, ACT_ACTIVITY_VIEW, SCOPE_OTHER))
		ent = r->sess->entity_id;
	vm_bool(m, "can_create", perm_role_may(role, ACT_ACTIVITY_DRAFT));
	res = db_query(r->db, r->a, SQL_ACT_LIST, DB_ARGS(
	    DB_U(entity, ent),
	    DB_I(sub, perm_allows(role, ACT_ACTIVITY_VIEW, SCOPE_SUB)),
	    DB_S(state, http_arg_str(r, AL_STATE)),
	    DB_I(before, http_arg_int(r, AL_BEFORE, 1LL << 62)),
	    DB_I(limit, ACT_PAGE_SIZE + 1)));
	if (res == NULL)
		return 500;
	l = vm_list(m, "items");
	while (dbres_next(res)) {
		if (++n > ACT_PAGE_SIZE) {
			vm_bool(m, "more", 1);
			break;
		}
		activity_fill(&a, res);
		last = a.id;
		it = vm_push(l);
		vm_strf(it, "id", "%llu", a.id);
		vm_str(it, "kind", present_label(r, act_kind_labels, AK__MAX,
		    (int)a.kind));
		vm_str(it, "state", state_label(r, a.state));
		vm_str(it, "title", present_pick(r, a.title_ar, a.title_en));
		/* Restricted or Inter-agency: never one word for both. */
		if (a.audience != AA_PUBLIC)
			vm_str(it, "audience", present_label(r,
			    act_audience_labels, AA__MAX, (int)a.audience));
		vm_bool(it, "urgent", a.urgent);
		vm_str(it, "closes", present_datetime(r, a.closes_at));
		vm_int(it, "pending", a.comments_pending);
		vm_str(it, "entity", present_pick(r, a.entity_name_ar,
		    a.entity_name_en));
		vm_str(it, "author", a.author_name);
	}
	vm_strf(m, "last", "%llu", last);
	vm_str(m, "state_filter", http_arg_str(r, AL_STATE));
	present_choices(r, m, "states", act_state_names, act_state_labels,
	    AS__MAX, http_arg_str(r, AL_STATE));
	return http_render(r, "staff/activities", m);
}

/* Whether the edit form of a shows the stored values: the first time,
 * not after a refused submission (which shows what was sent). */
static int
act_stored_first(struct req *r, const struct activity *a)
{
	const struct pval *title = http_arg(r, AF_TITLE_AR);

	return a != NULL && (title == NULL || !title->present);
}

/* The form's choices: sectors, target entities and groups, checked from
 * the submitted values, else from the stored ones (activity id, 0 for a
 * new one); kinds and audiences with the current one selected. */
static int
act_form_model(struct req *r, struct val *m, unsigned long long id,
    const struct activity *a)
{
	struct dbres	*res;
	struct val	*l, *it;
	const struct pval *sec = http_arg(r, AF_SECTORS);
	const struct pval *tgt = http_arg(r, AF_TARGETS);
	const struct pval *grp = http_arg(r, AF_GROUPS);
	const struct pval *aud = http_arg(r, AF_AUDIENCE);
	const char	*cur;
	unsigned long long sid;

	http_form_model(r, m);
	if ((res = db_query(r->db, r->a, SQL_ACT_SECTORS_OF, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return -1;
	l = vm_list(m, "sectors");
	while (dbres_next(res)) {
		sid = dbres_u(res, ACT_SECTORS_OF_ID);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ACT_SECTORS_OF_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, ACT_SECTORS_OF_NAME_AR),
		    dbres_str(res, ACT_SECTORS_OF_NAME_EN)));
		vm_bool(it, "checked", sec != NULL && sec->present ?
		    arg_has(sec, sid) :
		    dbres_int(res, ACT_SECTORS_OF_CHOSEN) != 0);
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_TARGETS_OF, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return -1;
	l = vm_list(m, "targets");
	while (dbres_next(res)) {
		sid = dbres_u(res, ACT_TARGETS_OF_ID);
		if (sid == r->sess->entity_id)
			continue;
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ACT_TARGETS_OF_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, ACT_TARGETS_OF_NAME_AR),
		    dbres_str(res, ACT_TARGETS_OF_NAME_EN)));
		vm_bool(it, "sub", !dbres_isnull(res, ACT_TARGETS_OF_PARENT_ID));
		vm_bool(it, "checked", tgt != NULL && tgt->present ?
		    arg_has(tgt, sid) :
		    dbres_int(res, ACT_TARGETS_OF_CHOSEN) != 0);
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_GROUP_TARGETS_OF, DB_ARGS(
	    DB_U(activity, id), DB_U(entity, r->sess->entity_id)))) == NULL)
		return -1;
	l = vm_list(m, "groups");
	while (dbres_next(res)) {
		sid = dbres_u(res, ACT_GROUP_TARGETS_OF_ID);
		it = vm_push(l);
		vm_str(it, "id", dbres_str(res, ACT_GROUP_TARGETS_OF_ID));
		vm_str(it, "name", present_pick(r,
		    dbres_str(res, ACT_GROUP_TARGETS_OF_NAME_AR),
		    dbres_str(res, ACT_GROUP_TARGETS_OF_NAME_EN)));
		vm_bool(it, "checked", grp != NULL && grp->present ?
		    arg_has(grp, sid) :
		    dbres_int(res, ACT_GROUP_TARGETS_OF_TARGETED) != 0);
	}
	/* The kind is chosen once, on the new form; kept after an error. */
	present_choices(r, m, "kinds", act_kind_names, act_kind_labels,
	    AK__MAX, http_arg_str(r, AF_KIND));
	/* The audience sent, else the stored one, else public. */
	if (act_stored_first(r, a))
		cur = act_audience_names[a->audience < AA__MAX ? a->audience :
		    AA_PUBLIC];
	else if (aud != NULL && aud->present)
		cur = http_arg_str(r, AF_AUDIENCE);
	else
		cur = act_audience_names[AA_PUBLIC];
	present_choices(r, m, "audiences", act_audience_names,
	    act_audience_descriptions, AA__MAX, cur);
	return 0;
}

/* The texts a correction changes, in the order the page shows them
 * (label msgids, the language of each). */
enum corr_field { CF_TITLE_AR, CF_TITLE_EN, CF_SUMMARY_AR, CF_SUMMARY_EN,
    CF_OBJECTIVES_AR, CF_OBJECTIVES_EN, CF_ANNOUNCEMENTS_AR,
    CF_ANNOUNCEMENTS_EN, CF__MAX };
static const struct { const char *label, *lang; } corr_fields[CF__MAX] = {
	[CF_TITLE_AR] = { N_("Title in Arabic"), "ar" },
	[CF_TITLE_EN] = { N_("Title in English"), "en" },
	[CF_SUMMARY_AR] = { N_("Summary in Arabic"), "ar" },
	[CF_SUMMARY_EN] = { N_("Summary in English"), "en" },
	[CF_OBJECTIVES_AR] = { N_("Objectives in Arabic"), "ar" },
	[CF_OBJECTIVES_EN] = { N_("Objectives in English"), "en" },
	[CF_ANNOUNCEMENTS_AR] = { N_("Announcements in Arabic"), "ar" },
	[CF_ANNOUNCEMENTS_EN] = { N_("Announcements in English"), "en" },
};

static const char *
act_text(const struct activity *a, int k)
{
	switch ((enum corr_field)k) {
	case CF_TITLE_AR:		return a->title_ar;
	case CF_TITLE_EN:		return a->title_en;
	case CF_SUMMARY_AR:		return a->summary_ar;
	case CF_SUMMARY_EN:		return a->summary_en;
	case CF_OBJECTIVES_AR:		return a->objectives_ar;
	case CF_OBJECTIVES_EN:		return a->objectives_en;
	case CF_ANNOUNCEMENTS_AR:	return a->announcements_ar;
	case CF_ANNOUNCEMENTS_EN:	return a->announcements_en;
	default:			return NULL;
	}
}

/* The texts of the pending correction in res (act_correction_pending)
 * in place of a's. */
static void
act_texts_of(struct activity *a, struct dbres *res)
{
	a->title_ar = dbres_str(res, ACT_CORRECTION_PENDING_TITLE_AR);
	a->title_en = dbres_str(res, ACT_CORRECTION_PENDING_TITLE_EN);
	a->summary_ar = dbres_str(res, ACT_CORRECTION_PENDING_SUMMARY_AR);
	a->summary_en = dbres_str(res, ACT_CORRECTION_PENDING_SUMMARY_EN);
	a->objectives_ar = dbres_str(res, ACT_CORRECTION_PENDING_OBJECTIVES_AR);
	a->objectives_en = dbres_str(res, ACT_CORRECTION_PENDING_OBJECTIVES_EN);
	a->announcements_ar = dbres_str(res,
	    ACT_CORRECTION_PENDING_ANNOUNCEMENTS_AR);
	a->announcements_en = dbres_str(res,
	    ACT_CORRECTION_PENDING_ANNOUNCEMENTS_EN);
}

/* The date rules of an activity, each message next to its field (the
 * form's f.<field>.warning) and all of them in date_warnings: the form
 * typed when it was sent, else the stored activity.  Returns the rules
 * broken (activity_date_rules), or 0 when none or unknown. */
static unsigned
act_date_warnings(struct req *r, struct val *m, const struct activity *a,
    int from_form)
{
	static const struct {
		int		 key;
		const char	*field;
	} at[DR__MAX] = {
		[DR_PUBLISH_PAST] = { AF_PUBLISH_AT, "publish_at" },
		[DR_PERIOD_SHORT] = { AF_CLOSES_AT, "closes_at" },
		[DR_RESULTS_BEFORE_CLOSE] = { AF_RESULTS_DUE_AT,
		    "results_due_at" },
		[DR_RESULTS_TOO_LATE] = { AF_RESULTS_DUE_AT,
		    "results_due_at" },
		[DR_FINAL_BEFORE_RESULTS] = { AF_FINAL_PUBLICATION_AT,
		    "final_publication_at" },
	};
	struct act_dates d;
	struct calendar	 cal;
	const struct pval *v;
	struct val	*f = vm_child(m, "f"), *l = NULL, *it;
	unsigned	 mask;
	int		 urgent, k;
	const char	*msg;

	memset(&d, 0, sizeof(d));
	if (from_form) {
		v = http_arg(r, AF_URGENT);
		urgent = v != NULL && v->set && v->i != 0;
		d.publish = arg_time(r, AF_PUBLISH_AT);
		d.closes = arg_time(r, AF_CLOSES_AT);
		d.results_due = arg_time(r, AF_RESULTS_DUE_AT);
		d.final_due = arg_time(r, AF_FINAL_PUBLICATION_AT);
	} else if (a != NULL) {
		urgent = a->urgent;
		d.publish = a->publish_at;
		d.closes = a->closes_at;
		d.results_due = a->results_due_at;
		d.final_due = a->final_publication_at;
	} else
		return 0;
	if (calendar_load(r->db, r->a, &cal) == -1)
		calendar_init(&cal);
	mask = activity_date_rules(&d, urgent, time(NULL), &cal);
	for (k = 0; k < DR__MAX; k++) {
		if (!(mask & (1u << k)))
			continue;
		switch ((enum date_rule)k) {
		case DR_PUBLISH_PAST:
			msg = N_("The publication date is in the past.");
			break;
		case DR_PERIOD_SHORT:
			msg = urgent ? N_("An urgent consultation stays open "
			    "at least two weeks.") : N_("A consultation stays "
			    "open at least one month from its publication.");
			break;
		case DR_RESULTS_BEFORE_CLOSE:
			msg = N_("The results date must come after the "
			    "closing date.");
			break;
		case DR_RESULTS_TOO_LATE:
			msg = N_("The analysis results are due no later "
			    "than 20 working days after closing (art. 9-ج).");
			break;
		default:
			msg = N_("The final publication date must not "
			    "come before the results date.");
			break;
		}
		msg = tr(r, msg);
		vm_str(vm_child(f, at[k].field), "warning", msg);
		if (l == NULL) {
			l = vm_list(m, "date_warnings");
			vm_bool(m, "has_date_warnings", 1);
		}
		it = vm_push(l);
		vm_str(it, "field", at[k].field);
		vm_str(it, "message", msg);
	}
	return mask;
}

/* The new or edit form (a: the stored activity, NULL for a new one),
 * under the status given (200, or 422 with the messages). */
static int
show_form(struct req *r, const struct activity *a, int status)
{
	struct val	*m = http_model(r), *f;
	unsigned long long id = a != NULL ? a->id : 0;
	const struct pval *pub = http_arg(r, AF_PUBLISH_AT);
	const struct pval *urg = http_arg(r, AF_URGENT);
	struct activity	 pending;
	time_t		 when;
	int		 urgent;

	vm_str(m, "title", id ? tr(r, "Edit the consultation") :
	    tr(r, "New consultation, survey or poll"));
	if (id)
		vm_strf(m, "action", "/staff/activities/%llu/edit", id);
	else
		vm_str(m, "action", "/staff/activities/new");
	vm_bool(m, "is_new", id == 0);
	vm_bool(m, "open_edit", a != NULL && activity_versionable(a->state));
	if (act_form_model(r, m, id, a) == -1)
		return 500;
	/* A correction still pending: the form starts from it, and saving
	 * replaces it. */
	if (a != NULL && activity_versionable(a->state)) {
		struct dbres *pc = db_query(r->db, r->a,
		    SQL_ACT_CORRECTION_PENDING, DB_ARGS(DB_U(id, id)));

		if (pc == NULL)
			return 500;
		if (dbres_next(pc)) {
			vm_str(m, "pending_at", present_sqldatetime(r,
			    dbres_str(pc, ACT_CORRECTION_PENDING_AT)));
			vm_str(m, "pending_author", dbres_str(pc,
			    ACT_CORRECTION_PENDING_AUTHOR_NAME));
			if (act_stored_first(r, a)) {
				pending = *a;
				act_texts_of(&pending, pc);
				a = &pending;
				vm_str(vm_child(vm_child(m, "f"), "reason"),
				    "value", dbres_str(pc,
				    ACT_CORRECTION_PENDING_REASON));
			}
		}
	}
	if (act_stored_first(r, a)) {
		struct dbres *lk;
		struct buf b;

		f = vm_child(m, "f");
		vm_str(vm_child(f, "title_ar"), "value", a->title_ar);
		vm_str(vm_child(f, "title_en"), "value", a->title_en);
		vm_str(vm_child(f, "summary_ar"), "value", a->summary_ar);
		vm_str(vm_child(f, "summary_en"), "value", a->summary_en);
		vm_str(vm_child(f, "objectives_ar"), "value",
		    a->objectives_ar);
		vm_str(vm_child(f, "objectives_en"), "value",
		    a->objectives_en);
		vm_str(vm_child(f, "announcements_ar"), "value",
		    a->announcements_ar);
		vm_str(vm_child(f, "announcements_en"), "value",
		    a->announcements_en);
		vm_str(vm_child(f, "publish_at"), "value",
		    present_input_datetime(r, a->publish_at));
		vm_str(vm_child(f, "closes_at"), "value",
		    present_input_datetime(r, a->closes_at));
		vm_str(vm_child(f, "results_due_at"), "value",
		    present_input_datetime(r, a->results_due_at));
		vm_str(vm_child(f, "final_publication_at"), "value",
		    present_input_datetime(r, a->final_publication_at));
		if (a->urgent)
			vm_bool(vm_child(f, "urgent"), "checked", 1);
		vm_bool(m, "doc_pdf", a->doc_pdf);
		lk = db_query(r->db, r->a, SQL_ACT_LINKS_OF, DB_ARGS(
		    DB_U(id, id)));
		buf_init(&b, r->a);
		while (lk != NULL && dbres_next(lk)) {
			const char *te = dbres_str(lk, ACT_LINKS_OF_TITLE_EN);

			buf_printf(&b, "%s | ", dbres_str(lk,
			    ACT_LINKS_OF_TITLE_AR));
			if (te != NULL && *te != '\0')
				buf_printf(&b, "%s | ", te);
			buf_printf(&b, "%s\n", dbres_str(lk, ACT_LINKS_OF_URL));
		}
		vm_str(vm_child(f, "links"), "value", b.data);
	} else
		vm_bool(m, "doc_pdf", http_arg_int(r, AF_DOC_KIND, AD_ARTICLES)
		    == AD_PDF);
	/* The rule, stated where the date is chosen (art. 11). */
	when = pub != NULL && pub->set ? pub->t : a != NULL ? a->publish_at : 0;
	urgent = urg != NULL && urg->present ? urg->i != 0 :
	    a != NULL && a->urgent;
	if (when > 0)
		vm_str(m, "earliest_close", present_datetime(r,
		    activity_earliest_close(when, urgent)));
	/* Every date problem at once, next to its field: a draft saves
	 * with them, submission refuses them. */
	act_date_warnings(r, m, a, r->is_post);
	r->status = status;
	return http_render(r, "staff/activity_form", m);
}

int
page_activity_new_form(struct req *r)
{
	return show_form(r, NULL, 200);
}

/* Cuts the spaces (and a CR) around s, in place. */
static char *
link_trim(char *s)
{
	size_t	 n;

	while (*s == ' ' || *s == '\t')
		s++;
	n = strlen(s);
	while (n > 0 && (s[n - 1] == ' ' || s[n - 1] == '\t' ||
	    s[n - 1] == '\r'))
		s[--n] = '\0';
	return s;
}

/* Parses the links' lines — "Arabic title | English title | address",
 * or "title | address" for one title in both languages — into arrays in
 * the arena (the English one NULL for one title); returns -1 (with a field error)
 * on a bad line. */
static int
parse_links(struct req *r, const char ***titles, const char ***titles_en,
    const char ***urls, int *n)
{
	const char	*s = http_arg_str(r, AF_LINKS), *p, *e;

	*n = 0;
	*titles = arena_alloc(r->a, sizeof(char *) * ACT_MAXLINKS);
	*titles_en = arena_alloc(r->a, sizeof(char *) * ACT_MAXLINKS);
	*urls = arena_alloc(r->a, sizeof(char *) * ACT_MAXLINKS);
	for (p = s; p != NULL && *p; p = *e ? e + 1 : e) {
		char *line, *bar, *bar2, *t, *te = NULL, *u;
		e = strchr(p, '\n');
		if (e == NULL)
			e = p + strlen(p);
		line = arena_strndup(r->a, p, (size_t)(e - p));
		if (strspn(line, " \t\r") == strlen(line))
			continue;
		bar = strchr(line, '|');
		if (bar == NULL || *n == ACT_MAXLINKS) {
			http_arg_error(r, AF_LINKS, "Write one link per line "
			    "as: title in Arabic | title in English | address.");
			return -1;
		}
		*bar = '\0';
		t = link_trim(line);
		if ((bar2 = strchr(bar + 1, '|')) != NULL) {
			*bar2 = '\0';
			te = link_trim(bar + 1);
			u = link_trim(bar2 + 1);
		} else
			u = link_trim(bar + 1);
		if (*t == '\0' || (strncmp(u, "https://", 8) != 0 &&
		    strncmp(u, "http://", 7) != 0)) {
			http_arg_error(r, AF_LINKS, "Each link needs a title "
			    "and an address starting with https://.");
			return -1;
		}
		(*titles)[*n] = t;
		(*titles_en)[*n] = te != NULL && *te != '\0' ? te : NULL;
		(*urls)[*n] = u;
		(*n)++;
	}
	return 0;
}

struct actsave {
	const struct activity *was;	/* as stored; NULL for a new one */
	unsigned long long id;		/* 0: a new one, set by the insert */
	int		 open;		/* versioned text edit */
	const char	**lt, **lte, **lu;	/* links: titles (Arabic,
					   English or NULL), addresses */
	int		 nl;
	const char	*to;		/* its page once saved (?saved=1) */
};

/* The English title is stored empty rather than NULL. */
static const char *
title_en(struct req *r)
{
	const char	*t = http_arg_str(r, AF_TITLE_EN);

	return t != NULL ? t : "";
}

/* The sectors, targets and links of a draft, replaced as a whole. */
static int
act_save_lists(struct req *r, struct actsave *s)
{
	const struct pval *sec = http_arg(r, AF_SECTORS);
	const struct pval *tgt = http_arg(r, AF_TARGETS);
	const struct pval *grp = http_arg(r, AF_GROUPS);
	enum act_audience aud = (enum act_audience)http_arg_int(r,
	    AF_AUDIENCE, AA_PUBLIC);
	int		 i;

	if (db_exec(r->db, SQL_ACT_SECTORS_CLEAR, DB_ARGS(DB_U(id, s->id)))
	    < 0 || db_exec(r->db, SQL_ACT_TARGETS_CLEAR, DB_ARGS(
	    DB_U(id, s->id))) < 0 || db_exec(r->db, SQL_ACT_LINKS_CLEAR,
	    DB_ARGS(DB_U(id, s->id))) < 0)
		return -1;
	for (i = 0; sec != NULL && i < sec->nvals; i++)
		if (db_exec(r->db, SQL_ACT_SECTOR_ADD, DB_ARGS(DB_U(id, s->id),
		    DB_U(sector, strtoull(sec->vals[i], NULL, 10)))) < 0)
			return -1;
	/* Target entities for restricted and inter-agency audiences. */
	for (i = 0; aud != AA_PUBLIC && tgt != NULL && i < tgt->nvals; i++)
		if (db_exec(r->db, SQL_ACT_TARGET_ADD, DB_ARGS(DB_U(id, s->id),
		    DB_U(entity, strtoull(tgt->vals[i], NULL, 10)))) < 0)
			return -1;
	/* Groups of users make sense for restricted audiences only; only
	 * the entity's own groups are taken. */
	for (i = 0; aud == AA_RESTRICTED && grp != NULL && i < grp->nvals;
	    i++)
		if (db_exec(r->db, SQL_ACT_GROUP_TARGET_ADD, DB_ARGS(
		    DB_U(activity, s->id), DB_S(group, grp->vals[i]),
		    DB_U(entity, r->sess->entity_id))) < 0)
			return -1;
	for (i = 0; i < s->nl; i++)
		if (db_exec(r->db, SQL_ACT_LINK_ADD, DB_ARGS(DB_U(id, s->id),
		    DB_S(title_ar, s->lt[i]), DB_S(title_en, s->lte[i]),
		    DB_S(url, s->lu[i]))) != 1)
			return -1;
	return 0;
}

/* An open activity's corrected texts: a pending version for the liaison
 * officer (art. 7-ز, 8-د), the published texts unchanged until then. */
static enum outcome
act_correct(struct req *r, struct actsave *s)
{
	struct act_texts t;

	t.title_ar = http_arg_str(r, AF_TITLE_AR);
	t.title_en = title_en(r);
	t.summary_ar = http_arg_str(r, AF_SUMMARY_AR);
	t.summary_en = http_arg_str(r, AF_SUMMARY_EN);
	t.objectives_ar = http_arg_str(r, AF_OBJECTIVES_AR);
	t.objectives_en = http_arg_str(r, AF_OBJECTIVES_EN);
	t.announcements_ar = http_arg_str(r, AF_ANNOUNCEMENTS_AR);
	t.announcements_en = http_arg_str(r, AF_ANNOUNCEMENTS_EN);
	switch (workflow_correct(r->db, r->a, s->id, &t,
	    http_arg_str(r, AF_REASON), staff_actor(r))) {
	case WF_OK:
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_CLOSED:
		return OUT_CONFLICT;
	case WF_REASON_NEEDED:
		http_arg_error(r, AF_REASON, "Say what changes and why: the "
		    "liaison officer reads it, and the public once approved.");
		return OUT_INVALID;
	default:
		return OUT_ERROR;
	}
}

/* The audit row of a draft's save, with every field it changed: before
 * (as stored; nothing for a new one) and after (as sent). */
static int
act_audit_save(struct req *r, const struct actsave *s)
{
	const struct activity *w = s->was;
	struct activity	 none;
	struct audit_change ch[CF__MAX + 6];
	size_t		 n = 0;
	int		 k;
	static const int keys[CF__MAX] = {
		[CF_TITLE_AR] = AF_TITLE_AR, [CF_TITLE_EN] = AF_TITLE_EN,
		[CF_SUMMARY_AR] = AF_SUMMARY_AR, [CF_SUMMARY_EN] = AF_SUMMARY_EN,
		[CF_OBJECTIVES_AR] = AF_OBJECTIVES_AR,
		[CF_OBJECTIVES_EN] = AF_OBJECTIVES_EN,
		[CF_ANNOUNCEMENTS_AR] = AF_ANNOUNCEMENTS_AR,
		[CF_ANNOUNCEMENTS_EN] = AF_ANNOUNCEMENTS_EN,
	};

	if (w == NULL) {
		memset(&none, 0, sizeof(none));
		none.audience = AA__MAX;
		w = &none;
	}
	/* (The urgency as 1 or 0, the audience by its code: values, not
	 * words of one language.) */
	for (k = 0; k < CF__MAX; k++)
		ch[n++] = (struct audit_change){ corr_fields[k].label,
		    act_text(w, k), k == CF_TITLE_EN ? title_en(r) :
		    http_arg_str(r, keys[k]) };
	ch[n++] = (struct audit_change){ N_("Audience"),
	    w->audience < AA__MAX ? act_audience_names[w->audience] : NULL,
	    act_audience_names[http_arg_int(r, AF_AUDIENCE, AA_PUBLIC)] };
	ch[n++] = (struct audit_change){ N_("Urgent"), w->urgent ? "1" : "0",
	    http_arg_int(r, AF_URGENT, 0) ? "1" : "0" };
	ch[n++] = (struct audit_change){ N_("Publication"),
	    present_input_datetime(r, w->publish_at),
	    present_input_datetime(r, arg_time(r, AF_PUBLISH_AT)) };
	ch[n++] = (struct audit_change){ N_("Closing"),
	    present_input_datetime(r, w->closes_at),
	    present_input_datetime(r, arg_time(r, AF_CLOSES_AT)) };
	ch[n++] = (struct audit_change){ N_("Analysis results due"),
	    present_input_datetime(r, w->results_due_at),
	    present_input_datetime(r, arg_time(r, AF_RESULTS_DUE_AT)) };
	ch[n++] = (struct audit_change){ N_("Final publication due"),
	    present_input_datetime(r, w->final_publication_at),
	    present_input_datetime(r, arg_time(r, AF_FINAL_PUBLICATION_AT)) };
	return audit_record_change(r->db, r->a, staff_actor(r),
	    "activity.save", "activity", s->id, http_arg_str(r, AF_TITLE_AR),
	    ch, n);
}

static enum outcome
act_save_tx(struct req *r, void *arg)
{
	struct actsave	*s = arg;
	struct db	*db = r->db;
	enum outcome	 out;

	/* Run again after a deadlock (http_form_tx), it starts from what is
	 * stored: the id a rolled-back insert set is no one's. */
	s->id = s->was != NULL ? s->was->id : 0;
	if (s->open)
		return act_correct(r, s);
	if (s->id == 0) {
		if (db_exec(db, SQL_ACT_INSERT, DB_ARGS(
		    DB_S(kind, act_kind_names[http_arg_int(r, AF_KIND,
		    AK_CONSULTATION)]),
		    DB_U(entity, r->sess->entity_id),
		    DB_U(author, r->sess->user_id))) != 1)
			return OUT_ERROR;
		s->id = db_insert_id(db);
		s->to = arena_printf(r->a, "/staff/activities/%llu?saved=1",
		    s->id);
	} else if ((out = act_lock(r, s->id, activity_editable)) != OUT_OK)
		return out;
	/* A draft: its texts, settings and lists.  (The row is locked and
	 * found: an update that changes nothing affects no row and is still
	 * a save.) */
	if (db_exec(db, SQL_ACT_UPDATE_TEXTS, DB_ARGS(
	    DB_S(title_ar, http_arg_str(r, AF_TITLE_AR)),
	    DB_S(title_en, title_en(r)),
	    DB_S(summary_ar, http_arg_str(r, AF_SUMMARY_AR)),
	    DB_S(summary_en, http_arg_str(r, AF_SUMMARY_EN)),
	    DB_S(objectives_ar, http_arg_str(r, AF_OBJECTIVES_AR)),
	    DB_S(objectives_en, http_arg_str(r, AF_OBJECTIVES_EN)),
	    DB_S(announcements_ar, http_arg_str(r, AF_ANNOUNCEMENTS_AR)),
	    DB_S(announcements_en, http_arg_str(r, AF_ANNOUNCEMENTS_EN)),
	    DB_U(id, s->id))) < 0 ||
	    db_exec(db, SQL_ACT_UPDATE_SETTINGS, DB_ARGS(
	    DB_S(audience, act_audience_names[http_arg_int(r, AF_AUDIENCE,
	    AA_PUBLIC)]),
	    DB_I(urgent, http_arg_int(r, AF_URGENT, 0)),
	    DB_S(doc_kind, act_doc_names[http_arg_int(r, AF_DOC_KIND,
	    AD_ARTICLES)]),
	    DB_I(publish_at, arg_time(r, AF_PUBLISH_AT)),
	    DB_I(closes_at, arg_time(r, AF_CLOSES_AT)),
	    DB_I(results_due_at, arg_time(r, AF_RESULTS_DUE_AT)),
	    DB_I(final_publication_at, arg_time(r, AF_FINAL_PUBLICATION_AT)),
	    DB_U(id, s->id))) < 0 || act_save_lists(r, s) == -1)
		return OUT_ERROR;
	if (workflow_index_one(db, r->a, s->id,
	    http_arg_str(r, AF_TITLE_AR), http_arg_str(r, AF_TITLE_EN),
	    http_arg_str(r, AF_SUMMARY_AR),
	    http_arg_str(r, AF_SUMMARY_EN)) == -1)
		return OUT_ERROR;
	if (act_audit_save(r, s) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

/* Saves the form: a new draft (a NULL), a draft's changes, or an open
 * one's corrected texts as a correction for the liaison officer. */
static int
act_save(struct req *r, const struct activity *a)
{
	struct actsave	 s;
	int		 rc;

	memset(&s, 0, sizeof(s));
	s.was = a;
	s.id = a != NULL ? a->id : 0;
	s.open = a != NULL && activity_versionable(a->state);
	if (s.open && http_arg_str(r, AF_REASON) == NULL)
		http_arg_error(r, AF_REASON, "Say what changes and why: the "
		    "liaison officer reads it, and the public once approved.");
	parse_links(r, &s.lt, &s.lte, &s.lu, &s.nl);
	if (r->nerr > 0)
		return show_form(r, a, 422);
	/* A new one's address is known only after its insert (which sets
	 * s.to): a second submit of its form goes to the list. */
	if (s.id != 0)
		s.to = arena_printf(r->a, "/staff/activities/%llu?saved=1",
		    s.id);
	rc = http_form_submit_to(r, act_save_tx, &s, s.id != 0 ? s.to :
	    "/staff/activities", &s.to);
	/* A 409 (submitted, or closed, meanwhile) is answered as is. */
	if (rc == 422)
		return show_form(r, a, 422);
	return rc;
}

int
page_activity_new(struct req *r)
{
	return act_save(r, NULL);
}

int
page_activity_edit_form(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!activity_editable(a.state) && !activity_versionable(a.state))
		return 409;
	return show_form(r, &a, 200);
}

int
page_activity_edit(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!activity_editable(a.state) && !activity_versionable(a.state))
		return 409;
	return act_save(r, &a);
}

enum artop { AO_ADD, AO_SAVE, AO_DELETE, AO_MOVE };

/* 1 when this request is the article form op sent back with errors. */
static int
article_failed(const struct req *r, enum artop op)
{
	return r->route != NULL && r->nerr > 0 && r->route->handler ==
	    (op == AO_ADD ? page_article_add : page_article_save);
}

/* Fills an article's fields in the view model with what was typed
 * (the article form's params), and the text's message. */
static void
article_typed(struct req *r, struct val *it)
{
	static const char *const keys[ARTF__MAX] = {
		[ARTF_NUMBER_LABEL] = "number", [ARTF_TITLE_AR] = "heading_ar",
		[ARTF_TITLE_EN] = "heading_en", [ARTF_BODY_AR] = "body_ar",
		[ARTF_BODY_EN] = "body_en"
	};
	const struct pval *v;
	int		 k;

	for (k = 0; k < ARTF__MAX; k++) {
		v = http_arg(r, k);
		vm_str(it, keys[k], v != NULL && v->s != NULL ? v->s : "");
	}
	v = http_arg(r, ARTF_BODY_AR);
	if (v != NULL && v->err != NULL)
		vm_str(it, "body_error", v->err);
}

/* The sectors' names and the related links of an activity as texts, one
 * a line, in each language (a link's Arabic title where it has no
 * English one): the form a return's snapshot keeps them in
 * (act_snapshot_take), so the record now and at the return compare as
 * texts.  links, when not NULL, gets the links as { title, url } in the
 * reader's language. */
struct act_lists {
	struct buf	 sectors_ar, sectors_en, links_ar, links_en;
};

static int
act_lists(struct req *r, unsigned long long id, struct act_lists *l,
    struct val *links)
{
	struct dbres	*res;
	struct val	*it;

	buf_init(&l->sectors_ar, r->a);
	buf_init(&l->sectors_en, r->a);
	buf_init(&l->links_ar, r->a);
	buf_init(&l->links_en, r->a);
	if ((res = db_query(r->db, r->a, SQL_ACT_SECTORS_OF, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		if (dbres_int(res, ACT_SECTORS_OF_CHOSEN) == 0)
			continue;
		buf_printf(&l->sectors_ar, "%s\n", dbres_str(res,
		    ACT_SECTORS_OF_NAME_AR));
		buf_printf(&l->sectors_en, "%s\n", dbres_str(res,
		    ACT_SECTORS_OF_NAME_EN));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_LINKS_OF, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return -1;
	while (dbres_next(res)) {
		const char *ar = dbres_str(res, ACT_LINKS_OF_TITLE_AR);
		const char *en = dbres_str(res, ACT_LINKS_OF_TITLE_EN);
		const char *url = dbres_str(res, ACT_LINKS_OF_URL);

		if (en == NULL || *en == '\0')
			en = ar;
		buf_printf(&l->links_ar, "%s — %s\n", ar, url);
		buf_printf(&l->links_en, "%s — %s\n", en, url);
		if (links != NULL) {
			it = vm_push(links);
			vm_str(it, "title", present_pick(r, ar, en));
			vm_str(it, "url", url);
		}
	}
	return 0;
}

/* What the record was at its last return (act_snapshot_last): NULL
 * texts where it has none. */
struct act_snap {
	int		 have;
	unsigned long long id;
	const char	*taken_at;
	struct activity	 a;		/* texts, audience, urgent, dates */
	const char	*sectors_ar, *sectors_en, *links_ar, *links_en;
};

static int
act_snap_load(struct req *r, unsigned long long id, struct act_snap *sn)
{
	struct dbres	*res;

	memset(sn, 0, sizeof(*sn));
	if ((res = db_query(r->db, r->a, SQL_ACT_SNAPSHOT_LAST, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return -1;
	if (!dbres_next(res))
		return 0;
	sn->have = 1;
	sn->id = dbres_u(res, ACT_SNAPSHOT_LAST_ID);
	sn->taken_at = dbres_str(res, ACT_SNAPSHOT_LAST_TAKEN_AT);
	sn->a.title_ar = dbres_str(res, ACT_SNAPSHOT_LAST_TITLE_AR);
	sn->a.title_en = dbres_str(res, ACT_SNAPSHOT_LAST_TITLE_EN);
	sn->a.summary_ar = dbres_str(res, ACT_SNAPSHOT_LAST_SUMMARY_AR);
	sn->a.summary_en = dbres_str(res, ACT_SNAPSHOT_LAST_SUMMARY_EN);
	sn->a.objectives_ar = dbres_str(res, ACT_SNAPSHOT_LAST_OBJECTIVES_AR);
	sn->a.objectives_en = dbres_str(res, ACT_SNAPSHOT_LAST_OBJECTIVES_EN);
	sn->a.announcements_ar = dbres_str(res,
	    ACT_SNAPSHOT_LAST_ANNOUNCEMENTS_AR);
	sn->a.announcements_en = dbres_str(res,
	    ACT_SNAPSHOT_LAST_ANNOUNCEMENTS_EN);
	sn->a.audience = activity_audience(dbres_str(res,
	    ACT_SNAPSHOT_LAST_AUDIENCE));
	sn->a.urgent = dbres_int(res, ACT_SNAPSHOT_LAST_URGENT) != 0;
	sn->a.publish_at = dbres_time(res, ACT_SNAPSHOT_LAST_PUBLISH_AT);
	sn->a.closes_at = dbres_time(res, ACT_SNAPSHOT_LAST_CLOSES_AT);
	sn->a.results_due_at = dbres_time(res,
	    ACT_SNAPSHOT_LAST_RESULTS_DUE_AT);
	sn->a.final_publication_at = dbres_time(res,
	    ACT_SNAPSHOT_LAST_FINAL_PUBLICATION_AT);
	sn->sectors_ar = dbres_str(res, ACT_SNAPSHOT_LAST_SECTORS_AR);
	sn->sectors_en = dbres_str(res, ACT_SNAPSHOT_LAST_SECTORS_EN);
	sn->links_ar = dbres_str(res, ACT_SNAPSHOT_LAST_LINKS_AR);
	sn->links_en = dbres_str(res, ACT_SNAPSHOT_LAST_LINKS_EN);
	return 0;
}

/* A return's snapshot of activity id, in the return's transaction. */
static int
act_snap_take(struct req *r, unsigned long long id)
{
	struct act_lists l;

	if (act_lists(r, id, &l, NULL) == -1 ||
	    db_exec(r->db, SQL_ACT_SNAPSHOT_TAKE, DB_ARGS(DB_U(id, id),
	    DB_S(sectors_ar, l.sectors_ar.data),
	    DB_S(sectors_en, l.sectors_en.data),
	    DB_S(links_ar, l.links_ar.data),
	    DB_S(links_en, l.links_en.data))) != 1)
		return -1;
	return db_exec(r->db, SQL_ACT_SNAPSHOT_ARTICLES_TAKE, DB_ARGS(
	    DB_U(snapshot, db_insert_id(r->db)), DB_U(id, id))) < 0 ? -1 : 0;
}

static int
blank(const char *s)
{
	return s == NULL || s[strspn(s, " \t\r\n")] == '\0';
}

/* One row of the record: its label, and the value in Arabic and English
 * (en NULL: one value for both, in the reader's language), each the
 * difference from the snapshot's (was_*; the same as now without one).
 * Returns whether it changed. */
static int
act_row(struct req *r, struct val *rows, const char *label,
    const char *was_ar, const char *ar, const char *was_en, const char *en,
    int both)
{
	struct val	*it;
	int		 changed;

	/* No label without a value, now or then. */
	if (blank(ar) && blank(was_ar) && (both || (blank(en) &&
	    blank(was_en))))
		return 0;
	it = vm_push(rows);
	vm_str(it, "label", tr(r, label));
	if (both) {
		wdiff_model(r->a, it, "both", was_ar, ar);
		changed = wdiff_changed(was_ar, ar);
	} else {
		wdiff_model(r->a, it, "ar", was_ar, ar);
		wdiff_model(r->a, it, "en", was_en, en);
		changed = wdiff_changed(was_ar, ar) || wdiff_changed(was_en,
		    en);
	}
	vm_bool(it, "differs", changed);
	return changed;
}

/* The whole record for its reviewers: every field in Arabic and English
 * side by side, every article in both languages, and what changed since
 * the last return (a word-level difference per field and article),
 * while it is on its way through the review chain again. */
static int
act_record(struct req *r, struct val *m, const struct activity *a)
{
	struct act_lists l;
	struct act_snap	 sn;
	const struct activity *w;
	struct val	*rows, *it, *arts, *gone;
	struct dbres	*res;
	enum act_state	 st = a->state;
	int		 diff, nchanged = 0, k, n = 0, i;
	struct sart {
		unsigned long long id;
		const char	*number, *title_ar, *title_en, *body_ar,
				*body_en;
		int		 seen;
	}		*old = NULL;
	const char	*urg;

	if (act_lists(r, a->id, &l, vm_list(m, "links")) == -1 ||
	    act_snap_load(r, a->id, &sn) == -1)
		return -1;
	/* The difference matters while the record is reviewed again. */
	diff = sn.have && (st == AS_RETURNED || st == AS_SUBMITTED ||
	    st == AS_APPROVED || st == AS_SCHEDULED);
	w = diff ? &sn.a : a;
	vm_bool(m, "has_links", l.links_ar.len > 0);
	rows = vm_list(m, "record");
	for (k = 0; k < CF__MAX; k += 2)
		nchanged += act_row(r, rows, k == CF_TITLE_AR ? N_("Title") :
		    k == CF_SUMMARY_AR ? N_("Summary") : k == CF_OBJECTIVES_AR ?
		    N_("Objectives") : N_("Announcements"),
		    act_text(w, k), act_text(a, k), act_text(w, k + 1),
		    act_text(a, k + 1), 0);
	nchanged += act_row(r, rows, N_("Sectors concerned"),
	    diff ? sn.sectors_ar : l.sectors_ar.data, l.sectors_ar.data,
	    diff ? sn.sectors_en : l.sectors_en.data, l.sectors_en.data, 0);
	nchanged += act_row(r, rows, N_("Related links"),
	    diff ? sn.links_ar : l.links_ar.data, l.links_ar.data,
	    diff ? sn.links_en : l.links_en.data, l.links_en.data, 0);
	nchanged += act_row(r, rows, N_("Audience"),
	    present_label(r, act_audience_descriptions, AA__MAX,
	    (int)w->audience), present_label(r, act_audience_descriptions,
	    AA__MAX, (int)a->audience), NULL, NULL, 1);
	urg = tr(r, "Urgent: open at least two weeks (art. 11-ب)");
	nchanged += act_row(r, rows, N_("Urgent"), w->urgent ? urg : "",
	    a->urgent ? urg : "", NULL, NULL, 1);
	nchanged += act_row(r, rows, N_("Publication"),
	    present_datetime(r, w->publish_at),
	    present_datetime(r, a->publish_at), NULL, NULL, 1);
	nchanged += act_row(r, rows, N_("Closing"),
	    present_datetime(r, w->closes_at),
	    present_datetime(r, a->closes_at), NULL, NULL, 1);
	nchanged += act_row(r, rows, N_("Analysis results due"),
	    present_datetime(r, w->results_due_at),
	    present_datetime(r, a->results_due_at), NULL, NULL, 1);
	nchanged += act_row(r, rows, N_("Final publication due"),
	    present_datetime(r, w->final_publication_at),
	    present_datetime(r, a->final_publication_at), NULL, NULL, 1);

	/* The articles: now, each against its text at the return. */
	if (diff) {
		if ((res = db_query(r->db, r->a, SQL_ACT_SNAPSHOT_ARTICLES,
		    DB_ARGS(DB_U(snapshot, sn.id)))) == NULL)
			return -1;
		old = arena_alloc(r->a, sizeof(*old) * (dbres_rows(res) + 1));
		while (dbres_next(res)) {
			old[n].id = dbres_u(res, ACT_SNAPSHOT_ARTICLES_ARTICLE_ID);
			old[n].number = dbres_str(res,
			    ACT_SNAPSHOT_ARTICLES_NUMBER_LABEL);
			old[n].title_ar = dbres_str(res,
			    ACT_SNAPSHOT_ARTICLES_TITLE_AR);
			old[n].title_en = dbres_str(res,
			    ACT_SNAPSHOT_ARTICLES_TITLE_EN);
			old[n].body_ar = dbres_str(res,
			    ACT_SNAPSHOT_ARTICLES_BODY_AR);
			old[n].body_en = dbres_str(res,
			    ACT_SNAPSHOT_ARTICLES_BODY_EN);
			old[n].seen = 0;
			n++;
		}
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_ARTICLES, DB_ARGS(
	    DB_U(id, a->id)))) == NULL)
		return -1;
	arts = vm_list(m, "record_articles");
	while (dbres_next(res)) {
		unsigned long long aid = dbres_u(res, ACT_ARTICLES_ID);
		const char *num = dbres_str(res, ACT_ARTICLES_NUMBER_LABEL);
		const char *ta = dbres_str(res, ACT_ARTICLES_TITLE_AR);
		const char *te = dbres_str(res, ACT_ARTICLES_TITLE_EN);
		const char *ba = dbres_str(res, ACT_ARTICLES_BODY_AR);
		const char *be = dbres_str(res, ACT_ARTICLES_BODY_EN);
		struct sart *o = NULL, now = { aid, num, ta, te, ba, be, 1 },
		    none = { 0, "", "", "", "", "", 1 };
		int changed;

		for (i = 0; i < n; i++)
			if (old[i].id == aid) {
				o = &old[i];
				o->seen = 1;
				break;
			}
		it = vm_push(arts);
		vm_strf(it, "aid", "%llu", aid);
		vm_str(it, "number_now", num);
		vm_str(it, "count", dbres_str(res,
		    ACT_ARTICLES_COMMENTS_PUBLISHED));
		if (diff && o == NULL) {
			/* Added since the return: all of it is new. */
			vm_bool(it, "added", 1);
			o = &none;
		} else if (o == NULL)
			o = &now;
		wdiff_model(r->a, it, "number", o->number, num);
		wdiff_model(r->a, it, "heading_ar", o->title_ar, ta);
		wdiff_model(r->a, it, "heading_en", o->title_en, te);
		wdiff_model(r->a, it, "body_ar", o->body_ar, ba);
		wdiff_model(r->a, it, "body_en", o->body_en, be);
		changed = wdiff_changed(o->number, num) ||
		    wdiff_changed(o->title_ar, ta) ||
		    wdiff_changed(o->title_en, te) ||
		    wdiff_changed(o->body_ar, ba) ||
		    wdiff_changed(o->body_en, be);
		vm_bool(it, "differs", changed);
		nchanged += changed;
	}
	/* Removed since the return: all of it is gone. */
	gone = vm_list(m, "removed_articles");
	for (i = 0; i < n; i++) {
		if (old[i].seen)
			continue;
		it = vm_push(gone);
		vm_str(it, "number_was", old[i].number);
		wdiff_model(r->a, it, "number", old[i].number, "");
		wdiff_model(r->a, it, "heading_ar", old[i].title_ar, "");
		wdiff_model(r->a, it, "heading_en", old[i].title_en, "");
		wdiff_model(r->a, it, "body_ar", old[i].body_ar, "");
		wdiff_model(r->a, it, "body_en", old[i].body_en, "");
		nchanged++;
	}
	if (diff) {
		struct val *d = vm_child(m, "since_return");

		vm_str(d, "message", i18n_subst(r->a, tr(r, nchanged == 0 ?
		    N_("Nothing changed since it was returned on {1}.") :
		    N_("Since it was returned on {1}, {2} fields or articles "
		    "changed.")),
		    present_sqldatetime(r, sn.taken_at),
		    arena_printf(r->a, "%d", nchanged), NULL));
		vm_bool(d, "none", nchanged == 0);
	}
	return 0;
}

/* The activity's page under the status given (200, or 422 with the
 * messages of a refused action); saved: the notice after an edit. */
static int
act_show(struct req *r, const struct activity *a, int saved, int status)
{
	struct val	*m, *l, *it;
	struct dbres	*res;
	unsigned long long id = a->id, eid = a->entity_id;
	const char	*problem;
	enum role	 role = perm_role(r->sess->role);
	enum act_state	 st = a->state, from, to;
	int		 edit = activity_editable(st), waits;

	m = http_model(r);
	vm_strf(m, "id", "%llu", id);
	vm_str(m, "title", present_pick(r, a->title_ar, a->title_en));
	vm_str(m, "title_ar", a->title_ar);
	vm_str(m, "title_en", a->title_en);
	vm_str(m, "summary_ar", a->summary_ar);
	vm_str(m, "summary_en", a->summary_en);
	vm_str(m, "objectives_ar", a->objectives_ar);
	vm_str(m, "objectives_en", a->objectives_en);
	vm_str(m, "audience", present_label(r, act_audience_descriptions,
	    AA__MAX, (int)a->audience));
	vm_bool(m, "urgent", a->urgent);
	vm_str(m, "state", activity_state_name(st));
	vm_str(m, "state_label", state_label(r, st));
	/* Issue 11: the analysis once closed, its report from then on. */
	vm_bool(m, "has_analysis", st >= AS_CLOSED && st != AS_WITHDRAWN);
	vm_bool(m, "has_report", st >= AS_ANALYSIS && st != AS_WITHDRAWN);
	vm_str(m, "entity", present_pick(r, a->entity_name_ar,
	    a->entity_name_en));
	vm_str(m, "author", a->author_name);
	vm_int(m, "pending", a->comments_pending);
	vm_int(m, "published", a->comments_published);
	vm_int(m, "version", a->version);
	vm_str(m, "return_reason", st == AS_RETURNED ? a->return_reason :
	    NULL);
	vm_str(m, "pdf_name", a->document_name);
	vm_str(m, "pdf_file", a->document_stored_name);
	vm_bool(m, "doc_pdf", a->doc_pdf);
	vm_bool(m, "saved", saved);
	if (a->publish_at != 0)
		vm_str(m, "publish_at", present_datetime(r, a->publish_at));
	if (a->closes_at != 0)
		vm_str(m, "closes_at", present_datetime(r, a->closes_at));
	if (a->original_closes_at != 0)
		vm_str(m, "original_closes_at", present_datetime(r,
		    a->original_closes_at));
	if (a->results_due_at != 0)
		vm_str(m, "results_due_at", present_datetime(r,
		    a->results_due_at));
	if (a->final_publication_at != 0)
		vm_str(m, "final_publication_at", present_datetime(r,
		    a->final_publication_at));
	if (a->publish_at != 0)
		vm_str(m, "earliest_close", present_datetime(r,
		    activity_earliest_close(a->publish_at, a->urgent)));
	/* What this user may do now. */
	vm_bool(m, "can_edit", edit && staff_may(r, ACT_ACTIVITY_DRAFT, eid));
	vm_bool(m, "can_version", activity_versionable(st) &&
	    staff_may(r, ACT_ACTIVITY_DRAFT, eid));
	vm_bool(m, "can_submit", activity_next(st, AE_SUBMIT, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_DRAFT, eid));
	vm_bool(m, "can_forward", activity_next(st, AE_FORWARD, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_REVIEW, eid));
	waits = staff_alternate_waits(r, a);
	if (waits && r->nerr == 0)	/* else the refusal says it */
		vm_str(m, "waits_on_primary", tr(r, handover_not_yet));
	vm_bool(m, "can_approve", !waits && activity_next(st, AE_APPROVE,
	    role) != AS__MAX && staff_may(r, ACT_ACTIVITY_APPROVE, eid));
	vm_bool(m, "can_return", !waits && activity_next(st, AE_RETURN,
	    role) != AS__MAX && (st == AS_SUBMITTED || st == AS_APPROVED ||
	    st == AS_SCHEDULED) && (staff_may(r, ACT_ACTIVITY_REVIEW, eid) ||
	    staff_may(r, ACT_ACTIVITY_APPROVE, eid)));
	vm_bool(m, "can_withdraw", activity_next(st, AE_WITHDRAW, role) !=
	    AS__MAX && staff_may(r, ACT_ACTIVITY_APPROVE, eid));
	vm_bool(m, "can_extend", st == AS_OPEN &&
	    staff_may(r, ACT_ACTIVITY_EXTEND, eid));
	if (st == AS_OPEN && a->original_closes_at != 0)
		vm_int(m, "extend_left_days", activity_extension_left(
		    a->publish_at, a->original_closes_at,
		    a->extended_seconds) / 86400);
	if (edit || st == AS_SUBMITTED || st == AS_APPROVED) {
		problem = workflow_incomplete(r->db, r->a, id);
		if (problem != NULL)
			vm_str(m, "problem", tr(r, problem));
	}

	if ((res = db_query(r->db, r->a, SQL_ACT_ARTICLES, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return 500;
	l = vm_list(m, "articles");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "aid", dbres_str(res, ACT_ARTICLES_ID));
		/* The article sent back with an error shows what was typed
		 * in it, not what is stored. */
		if (article_failed(r, AO_SAVE) && (unsigned long long)
		    r->segi[1] == dbres_u(res, ACT_ARTICLES_ID))
			article_typed(r, it);
		else {
			vm_str(it, "number", dbres_str(res,
			    ACT_ARTICLES_NUMBER_LABEL));
			vm_str(it, "heading_ar", dbres_str(res,
			    ACT_ARTICLES_TITLE_AR));
			vm_str(it, "heading_en", dbres_str(res,
			    ACT_ARTICLES_TITLE_EN));
			vm_str(it, "body_ar", dbres_str(res,
			    ACT_ARTICLES_BODY_AR));
			vm_str(it, "body_en", dbres_str(res,
			    ACT_ARTICLES_BODY_EN));
		}
		vm_str(it, "count", dbres_str(res,
		    ACT_ARTICLES_COMMENTS_PUBLISHED));
	}
	/* The new-article form: empty, or what was typed in it when it
	 * came back with an error. */
	it = vm_child(m, "new_article");
	if (article_failed(r, AO_ADD))
		article_typed(r, it);
	else {
		static const char *const keys[] = { "number", "heading_ar",
		    "heading_en", "body_ar", "body_en" };
		size_t k;

		for (k = 0; k < sizeof(keys) / sizeof(keys[0]); k++)
			vm_str(it, keys[k], "");
	}
	if (staff_attachments(r, m, id) == -1)
		return 500;
	if ((res = db_query(r->db, r->a, SQL_ACT_WORKFLOW_EVENTS, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return 500;
	l = vm_list(m, "history");
	while (dbres_next(res)) {
		const char *who = dbres_str(res, ACT_WORKFLOW_EVENTS_ACTOR_NAME);
		/* The role's name in the reader's language; none for the
		 * system (tick). */
		enum role wr = perm_role(dbres_str(res,
		    ACT_WORKFLOW_EVENTS_ROLE));

		from = activity_state(dbres_str(res,
		    ACT_WORKFLOW_EVENTS_FROM_STATE));
		to = activity_state(dbres_str(res,
		    ACT_WORKFLOW_EVENTS_TO_STATE));
		it = vm_push(l);
		vm_str(it, "at", present_sqldatetime(r,
		    dbres_str(res, ACT_WORKFLOW_EVENTS_AT)));
		if (wr != ROLE__MAX)
			vm_str(it, "role", present_label(r, perm_role_labels,
			    ROLE__MAX, (int)wr));
		vm_str(it, "from", state_label(r, from));
		vm_str(it, "to", state_label(r, to));
		vm_str(it, "reason", dbres_str(res,
		    ACT_WORKFLOW_EVENTS_REASON));
		vm_str(it, "who", who != NULL ? who : tr(r, "the system"));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_EXTENSIONS, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return 500;
	l = vm_list(m, "extensions");
	while (dbres_next(res)) {
		it = vm_push(l);
		vm_str(it, "extended_by", present_count(r, "Extended by {1} day, "
		    "until", "Extended by {1} days, until", dbres_int(res,
		    ACT_EXTENSIONS_ADDED_SECONDS) / 86400));
		vm_str(it, "until", present_sqldatetime(r,
		    dbres_str(res, ACT_EXTENSIONS_NEW_CLOSES_AT)));
		vm_str(it, "reason", present_pick(r,
		    dbres_str(res, ACT_EXTENSIONS_REASON_AR),
		    dbres_str(res, ACT_EXTENSIONS_REASON_EN)));
	}
	if ((res = db_query(r->db, r->a, SQL_ACT_VERSIONS, DB_ARGS(
	    DB_U(id, id)))) == NULL)
		return 500;
	l = vm_list(m, "versions");
	while (dbres_next(res)) {
		enum act_version_status vs = workflow_version_status(
		    dbres_str(res, ACT_VERSIONS_STATUS));

		it = vm_push(l);
		vm_str(it, "version", dbres_str(res, ACT_VERSIONS_VERSION));
		vm_str(it, "status", present_label(r,
		    act_version_status_labels, AVS__MAX, (int)vs));
		vm_str(it, "at", present_sqldatetime(r,
		    dbres_str(res, ACT_VERSIONS_AT)));
		vm_str(it, "reason", dbres_str(res, ACT_VERSIONS_REASON));
		vm_str(it, "who", dbres_str(res, ACT_VERSIONS_AUTHOR_NAME));
		if (vs == AVS_APPROVED || vs == AVS_REJECTED) {
			vm_str(it, "decided_at", present_sqldatetime(r,
			    dbres_str(res, ACT_VERSIONS_DECIDED_AT)));
			vm_str(it, "decider", dbres_str(res,
			    ACT_VERSIONS_DECIDER_NAME));
		}
		vm_str(it, "decision_reason", dbres_str(res,
		    ACT_VERSIONS_DECISION_REASON));
	}
	/* The correction waiting for the liaison officer: its texts beside
	 * the published ones, and the decision for who may make it. */
	if (activity_versionable(st)) {
		if ((res = db_query(r->db, r->a, SQL_ACT_CORRECTION_PENDING,
		    DB_ARGS(DB_U(id, id)))) == NULL)
			return 500;
		if (dbres_next(res)) {
			struct activity p = *a;
			struct val *c = vm_child(m, "correction");
			struct val *fl;
			int k;

			act_texts_of(&p, res);
			vm_str(c, "vid", dbres_str(res,
			    ACT_CORRECTION_PENDING_ID));
			vm_str(c, "at", present_sqldatetime(r, dbres_str(res,
			    ACT_CORRECTION_PENDING_AT)));
			vm_str(c, "who", dbres_str(res,
			    ACT_CORRECTION_PENDING_AUTHOR_NAME));
			vm_str(c, "reason", dbres_str(res,
			    ACT_CORRECTION_PENDING_REASON));
			fl = vm_list(c, "fields");
			for (k = 0; k < CF__MAX; k++) {
				const char *was = act_text(a, k);
				const char *now = act_text(&p, k);

				it = vm_push(fl);
				vm_str(it, "label", tr(r, corr_fields[k].label));
				vm_str(it, "lang", corr_fields[k].lang);
				vm_str(it, "dir", strcmp(corr_fields[k].lang,
				    "ar") == 0 ? "rtl" : "ltr");
				vm_str(it, "was", was);
				vm_str(it, "now", now);
				vm_bool(it, "changed", strcmp(was ? was : "",
				    now ? now : "") != 0);
			}
			vm_bool(m, "can_decide", staff_may(r,
			    ACT_ACTIVITY_APPROVE, eid));
		}
	}
	if (act_record(r, m, a) == -1)
		return 500;
	if (edit)
		act_date_warnings(r, m, a, 0);
	http_form_model(r, m);
	r->status = status;
	return http_render(r, "staff/activity", m);
}

int
page_activity(struct req *r)
{
	struct activity	 a;
	const struct pval *saved = http_arg(r, AV_SAVED);
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	return act_show(r, &a, saved != NULL && saved->present, 200);
}


static enum outcome
article_tx(struct req *r, void *arg)
{
	enum artop	 op = *(const enum artop *)arg;
	unsigned long long act = (unsigned long long)r->segi[0];
	unsigned long long art = (unsigned long long)r->segi[1];
	const char	*number = http_arg_str(r, ARTF_NUMBER_LABEL);
	const char	*heading = http_arg_str(r, ARTF_TITLE_AR);
	struct dbres	*res;
	enum outcome	 out;
	const char	*was[5] = { NULL };
	int		 k;
	static const char *const what[] = {
		[AO_ADD] = "article.add", [AO_SAVE] = "article.save",
		[AO_DELETE] = "article.delete", [AO_MOVE] = "article.move"
	};

	if ((out = act_lock(r, act, activity_editable)) != OUT_OK)
		return out;
	/* The article must be this activity's: another's, reached through
	 * one's own draft, is not found, and nothing is written or
	 * audited. */
	if (op != AO_ADD) {
		res = db_query(r->db, r->a, SQL_ACT_ARTICLE_LOCK, DB_ARGS(
		    DB_U(id, art), DB_U(activity, act)));
		if (res == NULL)
			return OUT_ERROR;
		if (!dbres_next(res))
			return OUT_NOTFOUND;
		if (op == AO_DELETE && dbres_int(res,
		    ACT_ARTICLE_LOCK_COMMENTED))
			return OUT_CONFLICT;
		/* As it was, for the audit row (copied: the next statement
		 * may reuse the result's buffers). */
		for (k = 0; k < 5; k++)
			was[k] = dbres_isnull(res, ACT_ARTICLE_LOCK_NUMBER_LABEL
			    + k) ? NULL : arena_strdup(r->a, dbres_str(res,
			    ACT_ARTICLE_LOCK_NUMBER_LABEL + k));
	}
	switch (op) {
	case AO_ADD:
		if (db_exec(r->db, SQL_ACT_ARTICLE_INSERT, DB_ARGS(
		    DB_U(activity, act),
		    DB_S(number_label, number ? number : ""),
		    DB_S(title_ar, heading ? heading : ""),
		    DB_S(title_en, http_arg_str(r, ARTF_TITLE_EN)),
		    DB_S(body_ar, http_arg_str(r, ARTF_BODY_AR)),
		    DB_S(body_en, http_arg_str(r, ARTF_BODY_EN)))) != 1)
			return OUT_ERROR;
		art = db_insert_id(r->db);
		break;
	case AO_SAVE:
		if (db_exec(r->db, SQL_ACT_ARTICLE_UPDATE, DB_ARGS(
		    DB_S(number_label, number ? number : ""),
		    DB_S(title_ar, heading ? heading : ""),
		    DB_S(title_en, http_arg_str(r, ARTF_TITLE_EN)),
		    DB_S(body_ar, http_arg_str(r, ARTF_BODY_AR)),
		    DB_S(body_en, http_arg_str(r, ARTF_BODY_EN)),
		    DB_U(id, art), DB_U(activity, act))) < 0)
			return OUT_ERROR;
		break;
	case AO_DELETE:
		if (db_exec(r->db, SQL_ACT_ARTICLE_DELETE, DB_ARGS(
		    DB_U(id, art), DB_U(activity, act))) != 1)
			return OUT_ERROR;
		break;
	case AO_MOVE:
		res = db_query(r->db, r->a, SQL_ACT_ARTICLE_NEIGHBOUR, DB_ARGS(
		    DB_U(id, art), DB_U(activity, act),
		    DB_I(dir, http_arg_int(r, MOVE_DIR, MD_UP) == MD_UP ?
		    -1 : 1)));
		if (res == NULL)
			return OUT_ERROR;
		if (!dbres_next(res))
			return OUT_OK;	/* already first or last: nothing
					   changed, nothing to audit */
		if (db_exec(r->db, SQL_ACT_ARTICLE_SET_POSITION, DB_ARGS(
		    DB_I(position, dbres_int(res,
		    ACT_ARTICLE_NEIGHBOUR_OWN_POSITION)),
		    DB_U(id, dbres_u(res, ACT_ARTICLE_NEIGHBOUR_NEIGHBOUR_ID))))
		    < 0 || db_exec(r->db, SQL_ACT_ARTICLE_SET_POSITION,
		    DB_ARGS(DB_I(position, dbres_int(res,
		    ACT_ARTICLE_NEIGHBOUR_NEIGHBOUR_POSITION)),
		    DB_U(id, art))) < 0)
			return OUT_ERROR;
		break;
	}
	if (op == AO_SAVE) {
		/* What the save changed, before and after. */
		struct audit_change ch[] = {
			{ N_("Number"), was[0], number },
			{ N_("Heading in Arabic"), was[1], heading },
			{ N_("Heading in English"), was[2],
			    http_arg_str(r, ARTF_TITLE_EN) },
			{ N_("Text in Arabic"), was[3],
			    http_arg_str(r, ARTF_BODY_AR) },
			{ N_("Text in English (optional)"), was[4],
			    http_arg_str(r, ARTF_BODY_EN) },
		};

		if (audit_record_change(r->db, r->a, staff_actor(r),
		    what[op], "article", art, arena_printf(r->a,
		    "activity %llu", act), ch, sizeof(ch) / sizeof(ch[0]))
		    == -1)
			return OUT_ERROR;
		return OUT_OK;
	}
	if (audit_record(r->db, staff_actor(r), what[op], "article", art,
	    arena_printf(r->a, "activity %llu", act)) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
article_op(struct req *r, enum artop op)
{
	struct activity	 a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!activity_editable(a.state))
		return 409;
	if (r->nerr > 0)
		return act_show(r, &a, 0, 422);
	/* A 409 (commented on, or no longer a draft) is answered as is. */
	return http_form_submit(r, article_tx, &op, arena_printf(r->a,
	    "/staff/activities/%llu#articles", a.id));
}

int
page_article_add(struct req *r)
{
	return article_op(r, AO_ADD);
}

int
page_article_save(struct req *r)
{
	return article_op(r, AO_SAVE);
}

int
page_article_delete(struct req *r)
{
	return article_op(r, AO_DELETE);
}

int
page_article_move(struct req *r)
{
	return article_op(r, AO_MOVE);
}

/* The document (PDF) of an activity, or one of its attachments. */
struct docop {
	const struct upload	*file;
	int			 attachment;
};

static enum outcome
document_tx(struct req *r, void *arg)
{
	struct docop	*d = arg;
	const struct upload *u = d->file;
	unsigned long long id = (unsigned long long)r->segi[0], up;
	enum outcome	 out;

	if ((out = act_lock(r, id, activity_editable)) != OUT_OK)
		return out;
	if (db_exec(r->db, SQL_UPLOAD_INSERT, DB_ARGS(
	    DB_S(stored_name, u->stored_name),
	    DB_S(original_name, u->orig_name), DB_S(mime, u->mime),
	    DB_U(size, u->size), DB_B(sha256, u->sha256, sizeof(u->sha256)),
	    DB_U(uploaded_by, r->sess->user_id))) != 1)
		return OUT_ERROR;
	up = db_insert_id(r->db);
	if (d->attachment) {
		if (db_exec(r->db, SQL_ACT_ATTACHMENT_INSERT, DB_ARGS(
		    DB_U(activity, id), DB_U(upload, up),
		    DB_S(title_ar, http_arg_str(r, ATT_TITLE_AR)),
		    DB_S(title_en, http_arg_str(r, ATT_TITLE_EN)))) != 1)
			return OUT_ERROR;
	} else if (db_exec(r->db, SQL_ACT_SET_DOCUMENT, DB_ARGS(
	    DB_U(upload, up), DB_U(id, id))) != 1)
		return OUT_ERROR;
	if (audit_record(r->db, staff_actor(r), d->attachment ?
	    "activity.attachment" : "activity.document", "activity", id,
	    u->orig_name) == -1)
		return OUT_ERROR;
	return OUT_OK;
}

static int
document_op(struct req *r, int attachment)
{
	struct activity	 a;
	struct docop	 d;
	const struct pval *file, *title;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_DRAFT, &a)) != 0)
		return rc;
	if (!activity_editable(a.state))
		return 409;
	file = http_arg(r, attachment ? ATT_FILE : DOC_FILE);
	if (attachment) {
		title = http_arg(r, ATT_TITLE_AR);
		if (!title->set && title->err == NULL)
			http_arg_error(r, ATT_TITLE_AR, "Give the attachment "
			    "a title in Arabic.");
	}
	if (r->nerr > 0)
		return act_show(r, &a, 0, 422);
	d.file = file->file;
	d.attachment = attachment;
	return http_form_submit(r, document_tx, &d, arena_printf(r->a,
	    "/staff/activities/%llu#document", a.id));
}

int
page_activity_document(struct req *r)
{
	return document_op(r, 0);
}

int
page_activity_attachment(struct req *r)
{
	return document_op(r, 1);
}

/* The document or an attachment of an activity the user may see, shown
 * inline (staff_activity_file), so a reviewer reads it in the browser. */
int
page_activity_file(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	return staff_activity_file(r, a.id, r->seg[1]);
}

static enum outcome
workflow_tx(struct req *r, void *arg)
{
	enum act_event	 ev = *(const enum act_event *)arg;
	const char	*problem;

	switch (workflow_apply(r->db, r->a, (unsigned long long)r->segi[0],
	    ev, staff_actor(r), http_arg_str(r, WFF_REASON), &problem)) {
	case WF_OK:
		/* What it was when returned: the next review sees what the
		 * author changed since. */
		if (ev == AE_RETURN && act_snap_take(r,
		    (unsigned long long)r->segi[0]) == -1)
			return OUT_ERROR;
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_FORBIDDEN:
		return OUT_FORBIDDEN;
	case WF_REASON_NEEDED:
		http_arg_error(r, WFF_REASON, "Give the reason: the author "
		    "sees it.");
		return OUT_INVALID;
	case WF_INCOMPLETE:
		http_arg_error(r, WFF_EVENT, problem);
		return OUT_INVALID;
	case WF_NOT_YET:
		http_arg_error(r, WFF_EVENT, handover_not_yet);
		return OUT_CONFLICT;
	default:
		return OUT_ERROR;
	}
}

int
page_activity_workflow(struct req *r)
{
	struct activity	 a;
	enum act_event	 ev;
	enum action	 need;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_VIEW, &a)) != 0)
		return rc;
	if (r->nerr > 0)
		return act_show(r, &a, 0, 422);
	ev = event_ids[http_arg_int(r, WFF_EVENT, FE_SUBMIT)];
	switch (ev) {
	case AE_SUBMIT:
		need = ACT_ACTIVITY_DRAFT;
		break;
	case AE_FORWARD:
		need = ACT_ACTIVITY_REVIEW;
		break;
	case AE_RETURN:
		need = staff_may(r, ACT_ACTIVITY_REVIEW, a.entity_id) ?
		    ACT_ACTIVITY_REVIEW : ACT_ACTIVITY_APPROVE;
		break;
	default:
		need = ACT_ACTIVITY_APPROVE;
		break;
	}
	if (!staff_may(r, need, a.entity_id))
		return 403;
	/* Every date rule refused at once, not the first one found
	 * (workflow_incomplete); the 20 working days of art. 9-ج are
	 * shown, not refused. */
	if (ev == AE_SUBMIT && (activity_date_rules(&(struct act_dates){
	    a.publish_at, a.closes_at, a.results_due_at,
	    a.final_publication_at }, a.urgent, time(NULL), NULL) &
	    ~(1u << DR_RESULTS_TOO_LATE)) != 0)
		return act_show(r, &a, 0, 422);
	rc = http_form_submit(r, workflow_tx, &ev, arena_printf(r->a,
	    "/staff/activities/%llu", a.id));
	if (http_form_redraw(rc))
		return act_show(r, &a, 0, rc);
	return rc;
}

static enum outcome
extend_tx(struct req *r, void *arg)
{
	long long	 left;

	(void)arg;
	switch (workflow_extend(r->db, r->a, (unsigned long long)r->segi[0],
	    http_arg_int(r, EXT_DAYS, 0), http_arg_str(r, EXT_REASON_AR),
	    http_arg_str(r, EXT_REASON_EN), staff_actor(r), &left)) {
	case WF_OK:
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_CLOSED:
		return OUT_CONFLICT;
	case WF_OVER_CAP:
		http_arg_error(r, EXT_DAYS, i18n_subst(r->a, tr(r, "The "
		    "extensions together may not exceed the original period: "
		    "at most {1} more days."), arena_printf(r->a, "%lld",
		    left), NULL));
		return OUT_INVALID;
	default:
		return OUT_ERROR;
	}
}

int
page_activity_extend(struct req *r)
{
	struct activity	 a;
	int		 rc;

	if ((rc = act_load(r, ACT_ACTIVITY_EXTEND, &a)) != 0)
		return rc;
	if (r->nerr > 0)
		return act_show(r, &a, 0, 422);
	rc = http_form_submit(r, extend_tx, NULL, arena_printf(r->a,
	    "/staff/activities/%llu", a.id));
	/* A 409 (closed meanwhile) is answered as is. */
	if (rc == 422)
		return act_show(r, &a, 0, 422);
	return rc;
}

static enum outcome
correction_tx(struct req *r, void *arg)
{
	int		 approve = *(const int *)arg;

	switch (workflow_correction_decide(r->db, r->a,
	    (unsigned long long)r->segi[0], (unsigned long long)r->segi[1],
	    approve, http_arg_str(r, CORR_DECISION_REASON), staff_actor(r))) {
	case WF_OK:
		return OUT_OK;
	case WF_NOT_FOUND:
		return OUT_NOTFOUND;
	case WF_DECIDED:
		http_arg_error(r, CORR_DECISION, "This correction was decided "
		    "already, or replaced by a newer one.");
		return OUT_CONFLICT;
	case WF_CLOSED:
		http_arg_error(r, CORR_DECISION, "The consultation is no longer "
		    "open: its text stays as it was consulted on.");
		return OUT_CONFLICT;
	case WF_REASON_NEEDED:
		http_arg_error(r, CORR_DECISION_REASON, "Give the reason: the "
		    "author sees it.");
		return OUT_INVALID;
	default:
		return OUT_ERROR;
	}
}

int
page_activity_correction(struct req *r)
{
	struct activity	 a;
	int		 rc, approve;

	if ((rc = act_load(r, ACT_ACTIVITY_APPROVE, &a)) != 0)
		return rc;
	if (r->nerr > 0)
		return act_show(r, &a, 0, 422);
	approve = http_arg_int(r, CORR_DECISION, DEC_REJECT) == DEC_APPROVE;
	rc = http_form_submit(r, correction_tx, &approve, arena_printf(r->a,
	    "/staff/activities/%llu", a.id));
	if (http_form_redraw(rc))
		return act_show(r, &a, 0, rc);
	return rc;
}
