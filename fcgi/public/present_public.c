/*
 * present.c — see present.h.
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include "arena.h"
#include "buf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "present.h"
#include "present_public.h"
#include "vm.h"

const char *
present_position(struct req *r, const char *s)
{
	if (s == NULL)
		return NULL;
	if (strcmp(s, "accepted") == 0)
		return tr(r, "Accepted");
	if (strcmp(s, "partially") == 0)
		return tr(r, "Partly accepted");
	if (strcmp(s, "rejected") == 0)
		return tr(r, "Not accepted");
	return tr(r, "Noted");
}

void
present_activities(struct req *r, struct val *list, struct dbres *res)
{
	long long	 last;

	present_activities_page(r, list, res, 1 << 30, &last);
}

int
present_activities_page(struct req *r, struct val *list, struct dbres *res,
    int max, long long *last)
{
	struct val	*it;
	const char	*kind;
	long long	 left;
	int		 n = 0;

	*last = 0;
	while (dbres_next(res)) {
		if (n++ == max)
			return 1;
		*last = dbres_int(res, 0);
		it = vm_push(list);
		vm_str(it, "id", dbres_str(res, 0));
		kind = dbres_str(res, 1);
		vm_str(it, "kind", kind);
		vm_str(it, "kind_label", tr(r, strcmp(kind, "survey") == 0 ?
		    "Survey" : strcmp(kind, "poll") == 0 ? "Poll" :
		    "Consultation"));
		vm_str(it, "title", present_pick(r, dbres_str(res, 2),
		    dbres_str(res, 3)));
		vm_str(it, "summary", present_pick(r, dbres_str(res, 4),
		    dbres_str(res, 5)));
		vm_str(it, "entity", present_pick(r, dbres_str(res, 6),
		    dbres_str(res, 7)));
		vm_str(it, "published", present_sqldate(r, dbres_str(res, 8)));
		vm_str(it, "closes", present_sqldate(r, dbres_str(res, 9)));
		vm_bool(it, "urgent", dbres_int(res, 10));
		vm_str(it, "comments", dbres_str(res, 11));
		vm_str(it, "state", dbres_str(res, 12));
		left = (dbres_int(res, 13) - (long long)time(NULL)) / 86400;
		if (left >= 0 && strcmp(dbres_str(res, 12), "open") == 0)
			vm_int(it, "days_left", left);
		vm_bool(it, "is_open", strcmp(dbres_str(res, 12), "open") == 0);
	}
	return 0;
}
