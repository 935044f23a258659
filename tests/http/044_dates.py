"""All date rules at once, next to their fields (issue 10): the minimum
period (art. 11-أ/ب), results after closing and no later than 20 working
days after it (art. 9-ج), final publication after results.  A draft with
broken dates is still saved, and says every problem next to its field
on the form and in a list on its page; submission refuses them all at
once (422)."""
import datetime
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
LOCAL = datetime.timedelta(hours=3)


def local(dt):
    return (dt + LOCAL).strftime("%Y-%m-%dT%H:%M")


def warning(text, field):
    m = re.search(r'<p class="msg warning" id="w-%s">([^<]*)</p>' % field, text)
    return m.group(1) if m else None


now = datetime.datetime.utcnow().replace(second=0, microsecond=0)
pub = now + datetime.timedelta(minutes=30)
sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303,
     "the supervisor signs in")
sup.get("/staff/lang/en?next=/staff/")
broken = {
    "kind": "consultation", "audience": "public", "title_ar": "مسودة بتواريخ خاطئة",
    "publish_at": local(pub),
    "closes_at": local(pub + datetime.timedelta(days=20)),        # under a month
    "results_due_at": local(pub + datetime.timedelta(days=10)),   # before closing
    "final_publication_at": local(pub + datetime.timedelta(days=5)),  # before results
}
r = sup.submit("/staff/activities/new", "/staff/activities/new", broken)
t.eq(r.status, 303, "a draft with broken dates is still saved")
page = (r.header("Location") or "").split("?")[0]
aid = page.rsplit("/", 1)[-1]
r = sup.get(page)
t.ok('id="date-warnings"' in r.text, "its page lists the date problems")
t.eq(len(re.findall(r'<li><a href="/staff/activities/%s/edit#f-' % aid, r.text)), 3,
     "three problems, each a link to its field")

r = sup.get(page + "/edit")
t.ok(warning(r.text, "closes_at") is not None and "one month" in warning(r.text, "closes_at"),
     "the edit form says the period is too short next to the closing date")
t.ok(warning(r.text, "results_due_at") is not None and
     "after the closing" in warning(r.text, "results_due_at"),
     "the results date before closing, next to the results date")
t.ok(warning(r.text, "final_publication_at") is not None,
     "the final publication before results, next to its date")
t.eq(warning(r.text, "publish_at"), None, "the publication date is fine and says nothing")

r = sup.submit(page, page + "/workflow", {"event": "submit"})
t.eq(r.status, 422, "submission with broken dates is refused")
t.eq(len(re.findall(r'<li><a href="/staff/activities/%s/edit#f-' % aid, r.text)), 3,
     "with every date problem at once")
t.eq(sql1("SELECT state FROM activities WHERE id=%s" % aid), "draft", "and it stays a draft")

# Saving the edit form shows the problems of what was typed, and saves.
late = dict(broken, closes_at=local(pub + datetime.timedelta(days=32)),
            results_due_at=local(pub + datetime.timedelta(days=32 + 40)),
            final_publication_at=local(pub + datetime.timedelta(days=80)))
r = sup.submit(page + "/edit", page + "/edit", late)
t.eq(r.status, 303, "an edit with results too late is saved")
r = sup.get(page + "/edit")
w = warning(r.text, "results_due_at")
t.ok(w is not None and "20 working days" in w,
     "results more than 20 working days after closing: said at the results date", w)
t.eq(warning(r.text, "closes_at"), None, "the period is now long enough")
t.eq(warning(r.text, "final_publication_at"), None, "and the final publication after results")

good = dict(late, results_due_at=local(pub + datetime.timedelta(days=32 + 14)),
            final_publication_at=local(pub + datetime.timedelta(days=50)))
r = sup.submit(page + "/edit", page + "/edit", good)
t.eq(r.status, 303, "dates that meet the rules are saved")
r = sup.get(page)
t.ok('id="date-warnings"' not in r.text, "and the page lists no date problem")

# A new form sent back for another reason says its date problems too.
r = sup.submit("/staff/activities/new", "/staff/activities/new", dict(broken, title_ar=""))
t.eq(r.status, 422, "a form without its title is refused")
t.ok(warning(r.text, "closes_at") is not None and warning(r.text, "results_due_at") is not None,
     "and its date problems are said next to their fields at once")

if aid.isdigit():
    sql("DELETE FROM activities WHERE id=%s" % aid)
sys.exit(t.done())
