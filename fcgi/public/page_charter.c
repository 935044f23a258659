/*
 * page_charter.c — the portal-wide participation charter (Oman's guide
 * for digital participation; Tawasul art. 9): the channels and the
 * activities offered, the entities' commitments on handling
 * contributions (moderation within 3 working days, an analysis report
 * within 20 working days with the agency's position on every comment),
 * personal data, and what is expected of participants.  The
 * registration form's acceptance checkbox links here.
 *
 * GET /charter   no parameters; anyone.  View: public/charter (the text
 * in both languages, chosen by is_ar).
 */
#include "http.h"
#include "i18n.h"
#include "present_public.h"
#include "public.h"
#include "vm.h"

int
page_charter(struct req *r)
{
	struct val	*m = http_model(r);

	present_cacheable(r);
	vm_str(m, "title", tr(r, "Participation charter"));
	return http_render(r, "public/charter", m);
}
