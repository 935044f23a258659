"""The participation charter (issue 10): GET /charter is public, in
Arabic and English, with the entities' key commitments (moderation within
3 working days, an analysis report within 20 working days with the
agency's position on every comment), personal data and what is expected
of participants; the registration form's acceptance checkbox and the
footer link to it."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap

t = Tap()

r = Client(lang="en").get("/charter")
t.eq(r.status, 200, "GET /charter answers anonymous visitors")
t.ok("<h1>Participation charter</h1>" in r.text, "titled Participation charter in English", r)
for phrase in ("within 3 working days", "an analysis report within 20 working days",
               "the agency's position on every comment", "Personal data",
               "What is expected of participants", "Channels", "Activities offered"):
    t.ok(phrase in r.text, "the English charter says: " + phrase, r)

r = Client(lang="ar").get("/charter")
t.eq(r.status, 200, "and in Arabic")
t.ok("<h1>ميثاق المشاركة</h1>" in r.text, "titled ميثاق المشاركة", r)
for phrase in ("3 أيام عمل", "تقرير تحليل خلال 20 يوم عمل", "موقف الجهة من كل تعليق",
               "البيانات الشخصية", "ما يُنتظر من المشاركين"):
    t.ok(phrase in r.text, "the Arabic charter says: " + phrase, r)
t.ok("within 3 working days" not in r.text, "without the English text")

for lang in ("en", "ar"):
    r = Client(lang=lang).get("/register")
    m = re.search(r'<label><input id="f-accept"[^>]*>(.*?)</label>', r.text, re.S)
    t.ok(m is not None and 'href="/charter"' in m.group(1),
         "the register page's acceptance checkbox links to the charter (%s)" % lang, r)
    t.ok(r.text.count('href="/charter"') >= 2, "and so does the footer (%s)" % lang)
t.done()
