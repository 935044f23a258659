/*
 * compliance.h — the ministry's compliance report to the Cabinet (Tawasul
 * art. 5-ح, 7-ب, 7-ك; domain.md §2, §4, §6): per entity, with its
 * sub-departments, and overall, over a chosen period, computed from the
 * activities, their comments and reports, the extensions, blog articles
 * and the complaints summary — never typed in.  One computation serves
 * the page, the CSV and the list of activities behind every figure.
 *
 * The period is [t0, t1): the local midnight of its first day and of the
 * day after its last.  Deadlines are those of the rules on the working-day
 * calendar as it is now: moderation 3 working days after receipt (art.
 * 9-ب), the report 20 working days after closing (art. 9-ج,
 * analysis_report_due), the open period at least a month or two weeks
 * when urgent (art. 11-أ/ب, activity_earliest_close), extensions within
 * the original period (art. 11-ج, activity_extension_ok), a citizen
 * initiative's answer by the due date set when it reached its threshold
 * (initiative_answer_due).
 */
#ifndef SHAREK_COMPLIANCE_H
#define SHAREK_COMPLIANCE_H

#include <time.h>

struct arena;
struct db;

/* The counters of one entity (or a tree, or everything); every figure and
 * KPI is a function of them (compliance_value, kpi_participation). */
enum cmp_counter {
	CC_CONSULTATIONS, CC_SURVEYS, CC_POLLS,	/* opened in the period */
	CC_PUBLIC, CC_RESTRICTED, CC_INTERAGENCY,
	/* Each run of four in this order (compliance.c, lateness). */
	CC_MOD_ON_TIME, CC_MOD_LATE,		/* comments received */
	CC_MOD_LATE_MAX,			/* working days, the most */
	CC_MOD_WAITING,				/* pending, not yet due */
	CC_REP_ON_TIME, CC_REP_LATE,		/* activities finished */
	CC_REP_LATE_MAX, CC_REP_WAITING,
	CC_SHORT, CC_EXTENDED, CC_EXT_OVER,
	CC_MONTHS, CC_MONTHS_NO_POLL,		/* whole months, ended */
	CC_QUARTERS, CC_QUARTERS_NO_BLOG,
	CC_ENTITIES, CC_NO_LIAISON, CC_NO_ALTERNATE,
	CC_REQ_RECEIVED, CC_REQ_LATE,
	/* The participation KPIs' (kpi_participation.h). */
	CC_PLAN_DUE, CC_PLAN_DONE,
	CC_PARTICIPANTS, CC_TARGET_SIZE,
	CC_POS_ACCEPTED, CC_POS_TOTAL,
	CC_FINISHED, CC_FINISHED_PUBLISHED,
	CC_REPORTS_PUBLISHED, CC_RESULTS_USED,
	CC_KINDS,				/* bit per enum act_kind used */
	/* Initiative answers due in the period (a run of four as above). */
	CC_INI_ON_TIME, CC_INI_LATE, CC_INI_LATE_MAX, CC_INI_WAITING,
	CC__MAX
};

/* The report's figures: the glossary (code, msgid label, msgid
 * definition), the same words on the page, in the CSV's header and in
 * the glossary page. */
enum cmp_figure {
	CF_CONSULTATIONS, CF_SURVEYS, CF_POLLS,
	CF_PUBLIC, CF_RESTRICTED, CF_INTERAGENCY,
	CF_MOD_ON_TIME_PCT, CF_MOD_LATE, CF_MOD_LATE_MAX,
	CF_REP_ON_TIME_PCT, CF_REP_LATE, CF_REP_LATE_MAX,
	CF_SHORT, CF_EXTENDED, CF_EXT_OVER,
	CF_MONTHS_NO_POLL, CF_QUARTERS_NO_BLOG,
	CF_NO_LIAISON, CF_NO_ALTERNATE,
	CF_REQ_LATE,
	CF_INI_LATE, CF_INI_LATE_MAX,
	CF__MAX
};
/* The shape of every glossary entry: kpi.h's struct kpi_def and whether
 * the value is a share (per mille, computed by kpi_permille). */
struct cmp_def {
	const char	*code;		/* stable: CSV columns, links */
	const char	*label;		/* msgid */
	const char	*definition;	/* msgid */
	int		 percent;	/* value in per mille, shown as % */
};
extern const struct cmp_def cmp_defs[CF__MAX];

/* Room for the participation KPIs' targets (≥ KPP__MAX). */
#define CMP_MAX_KPIS	8

struct cmp_counts {
	long long	 n[CC__MAX];
};

/* One entity of the report, in tree order (parents first). */
struct cmp_entity {
	unsigned long long id, parent_id;
	const char	*name_ar, *name_en, *slug;
	int		 depth;		/* 0: a top-level entity */
	int		 nchildren;	/* direct sub-departments */
	struct cmp_counts own;		/* the entity itself */
	struct cmp_counts tree;		/* with every sub-department */
	/* The KPI targets of its annual plan, by enum kpi_part
	 * (kpi_participation.h) in the KPI's unit; -1 none. */
	long long	 targets[CMP_MAX_KPIS];
};

/* What lies behind one figure: an activity (id, title), a citizen
 * initiative (initiative_id, its title in both title_ar and title_en),
 * or a month, quarter or entity (label); n the comments or reports late
 * (requests late for an entity), ok those on time, days the most working
 * days late (a period's days for a short one, an extension's), flag 1:
 * an extension within the cap, an initiative's answer still owed. */
struct cmp_item {
	unsigned long long activity_id, entity_id, initiative_id;
	const char	*title_ar, *title_en;
	char		 label[16];	/* YYYY-MM or YYYY-Qn */
	long long	 n, ok, days;	/* ok: comments or reports on time */
	int		 flag;
	int		 listed;	/* behind the figure asked */
};

struct cmp_report {
	time_t		 t0, t1, now;
	int		 nentities;
	struct cmp_entity *entities;	/* tree order */
	struct cmp_counts all;		/* every entity of the report */
	/* Filled by compliance_compute when want >= 0. */
	struct cmp_item	*items;
	int		 nitems;
};

/* Computes the report for [t0, t1) at now over the entity root and its
 * sub-departments (0: every entity).  With want a figure (else -1), also
 * the items behind it for entity want_entity (0: all) — with its
 * sub-departments when want_tree.  Memory from a.  0, or -1 (logged). */
int		 compliance_compute(struct db *, struct arena *, time_t t0,
		    time_t t1, time_t now, unsigned long long root,
		    int want, unsigned long long want_entity, int want_tree,
		    struct cmp_report *);
/* The value of figure f: a count, or a share in per mille (-1: nothing
 * to divide by). */
long long	 compliance_value(enum cmp_figure f, const struct cmp_counts *);
/* The figure of a code, or -1. */
int		 compliance_figure(const char *code);
/* Quota reminders: within CMP_REMIND_DAYS of a month's end without a
 * poll, or of a quarter's end without a blog article, the entity's
 * liaison officer is written once (quota_reminders claims it).  Returns
 * the number of messages queued, or -1 (logged). */
#define CMP_REMIND_DAYS	5
int		 compliance_remind(struct db *, struct arena *, time_t now);
/* Adds b into a (CC_KINDS and the maxima merge). */
void		 compliance_add(struct cmp_counts *a, const struct cmp_counts *b);

#endif
