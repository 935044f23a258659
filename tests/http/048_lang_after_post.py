"""No 405 after an error (issue 10): the language link of a page drawn by
a POST (a form sent back with its errors) leads to the GET page of that
form, never to "405 method not allowed" — the same path when a GET route
has it, else the nearest parent page that has one, else the home."""
import html
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql1

t = Tap()


def lang_link(text):
    m = re.search(r'<a href="([^"]*/lang/(?:ar|en)\?next=[^"]*)"', text)
    return html.unescape(m.group(1)) if m else None


def follow_lang(c, text, what):
    link = lang_link(text)
    t.ok(link is not None, "%s: the page has a language link" % what, text[-400:])
    if link is None:
        return
    r = c.get(link)
    t.eq(r.status, 303, "%s: the language link answers 303" % what)
    loc = r.header("Location") or ""
    r2 = c.get(loc)
    t.eq(r2.status, 200, "%s: and leads to a page that answers 200 (%s)" % (what, loc))


sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303,
     "the supervisor signs in")
r = sup.submit("/staff/activities/new", "/staff/activities/new",
               {"kind": "consultation", "audience": "public", "title_ar": ""})
t.eq(r.status, 422, "a new activity without a title is refused")
follow_lang(sup, r.text, "staff new activity with errors")

pub = Client()
r = pub.submit("/register", "/register", {"email": "not-an-address"})
t.ok(r.status in (400, 422), "a registration with errors is refused (%d)" % r.status)
follow_lang(pub, r.text, "public registration with errors")

# A path only a POST answers to goes to its parent page (or the home).
aid = sql1("SELECT MIN(id) FROM activities")
r = sup.get("/staff/lang/en?next=/staff/activities/%s/articles" % aid)
t.eq(r.status, 303, "the switch with a POST-only next answers 303")
t.eq(r.header("Location"), "/staff/activities/%s" % aid, "to the activity's page")
t.eq(sup.get(r.header("Location") or "/").status, 200, "which answers 200")
r = sup.get("/staff/lang/ar?next=/staff/activities/%s/workflow" % aid)
t.eq(r.header("Location"), "/staff/activities/%s" % aid, "a POST-only action goes to its form's page")
r = sup.get("/staff/lang/en?next=/staff/2fa/enrol/start")
t.eq(r.header("Location"), "/staff/2fa/enrol", "the nearest parent page that a GET answers")
r = pub.get("/lang/ar?next=/consultations/1/comments")
t.eq(r.header("Location"), "/consultations/1", "on the public site too")
r = pub.get("/lang/en?next=/consultations")
t.eq(r.header("Location"), "/consultations", "a GET page's next is kept as it is")
sys.exit(t.done())
