/*
 * test_initiative.c — the rules of citizen initiatives that need no
 * database (issue 19): states by name (the old "adopted" is answered),
 * which states are public, the progress toward the threshold counting
 * paper supports, and the admission and answer deadlines in working days
 * over a weekend and a holiday, with days late.
 */
#include <string.h>

#include "calendar.h"
#include "i18n.h"
#include "initiative.h"
#include "t.h"

/* 2026-12-03 09:00 UTC: a Thursday, 12:00 in Amman. */
#define THU	((time_t)1796288400)
#define DAY	86400

int
main(void)
{
	struct calendar		 cal;
	struct ini_rules	 ru = { 10, 90, 500, 4, 0 };
	struct initiative	 ini;
	int			 i;

	i18n_set_tz(3 * 3600);
	for (i = 0; i < INI__MAX; i++)
		t_eq_int(initiative_state(ini_state_names[i]), i,
		    ini_state_names[i]);
	t_eq_int(initiative_state("adopted"), INI_ANSWERED,
	    "the old \"adopted\" reads as answered");
	t_eq_int(initiative_state("nonsense"), INI__MAX, "unknown: INI__MAX");
	t_eq_int(initiative_state(NULL), INI__MAX, "NULL: INI__MAX");
	t_ok(!initiative_public(INI_DRAFT) && !initiative_public(INI_PENDING),
	    "drafts and pending ones are not public");
	t_ok(initiative_public(INI_PUBLISHED) && initiative_public(INI_REJECTED)
	    && initiative_public(INI_THRESHOLD) && initiative_public(
	    INI_ANSWERED) && initiative_public(INI_CLOSED),
	    "every state past the admission is public");
	t_ok(!initiative_public(INI__MAX), "an unknown state is not");

	memset(&ini, 0, sizeof(ini));
	ini.supporters = 320;
	ini.paper = 180;
	t_eq_int(initiative_total(&ini), 500, "paper supports count in the total");
	t_eq_int(initiative_progress(initiative_total(&ini), 500), 100,
	    "the threshold reached with paper: 100%");
	t_eq_int(initiative_progress(499, 500), 99, "one short: 99%, not 100");
	t_eq_int(initiative_progress(900, 500), 100, "beyond: capped at 100");
	t_eq_int(initiative_progress(10, 0), 0, "no threshold yet: 0");

	/* Friday and Saturday off; Sunday 6 December a holiday. */
	calendar_init(&cal);
	t_ok(calendar_add_holiday(&cal, "2026-12-06") == 0, "a holiday");
	/* Thursday + 4 working days: Mon 7, Tue 8, Wed 9, Thu 10. */
	t_eq_int(initiative_answer_due(&cal, THU, &ru), THU + 7 * DAY,
	    "answer due 4 working days later, over the weekend and the "
	    "holiday");
	ru.admit_days = 1;
	t_eq_int(initiative_admit_due(&cal, THU, &ru), THU + 4 * DAY,
	    "admission due the next working day: Monday");
	t_eq_int(initiative_days_late(&cal, THU + 7 * DAY, THU + 7 * DAY),
	    0, "on the due instant: not late");
	t_eq_int(initiative_days_late(&cal, THU, THU + 4 * DAY), 1,
	    "due Thursday, Monday: one working day late (weekend and "
	    "holiday not counted)");
	t_eq_int(initiative_days_late(&cal, 0, THU), 0, "no due date: not late");
	return t_done();
}
