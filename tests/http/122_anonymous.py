"""An anonymous violation report (issue 13): no account, a tracking code
shown once and stored only as a hash, with which the reporter follows
the report and reads the replies — and with nothing else; wrong codes
are refused and throttled like passwords; the demo report's code (the
one `make run` prints) works."""
import hashlib
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, hidden_fields, sql, sql1

t = Tap()
gam = sql1("SELECT id FROM entities WHERE slug='gam'")
axis = sql1("SELECT id FROM request_axes WHERE code='behaviour'")
CODE = re.compile(r'id="tracking-code"[^>]*>([0-9A-Z-]{24})<')

anon = Client()
r = anon.get("/complaints/report")
t.eq(r.status, 200, "the anonymous report form needs no account")
t.ok('name="type"' not in r.text, "it is a violation report: no type to choose")
before = sql1("SELECT COUNT(*) FROM requests")
hidden = hidden_fields(r.text, "/complaints/report")
r = anon.post_multipart("/complaints/report", dict(hidden, entity=gam, axis=axis, subject="مبلغ مقابل رخصة", body=""), {})
t.eq(r.status, 422, "an empty description: 422")
t.ok("مبلغ مقابل رخصة" in r.text, "with the subject kept")
t.eq(sql1("SELECT COUNT(*) FROM requests"), before, "nothing stored")
body = "طلب موظف في دائرة الرخص مبلغاً نقدياً مقابل تسريع إصدار رخصة مهن، دون إيصال."
r = anon.post_multipart("/complaints/report", dict(hidden, entity=gam, axis=axis, subject="", body=body,
                                                    location="عمّان - العبدلي"), {})
t.eq(r.status, 200, "the report is sent")
m = CODE.search(r.text)
t.ok(m, "its tracking code is shown")
code = m.group(1) if m else ""
t.ok("no-store" in (r.header("Cache-Control") or ""), "on a page never cached")
rid = sql1("SELECT id FROM requests WHERE body='%s'" % body)
row = sql("SELECT requester_id, confidential, HEX(tracking_hash) FROM requests WHERE id=%s" % rid)[0]
t.eq(row[:2], ["NULL", "1"], "no account, confidential")
t.eq(row[2], hashlib.sha256(code.replace("-", "").encode()).hexdigest().upper(), "the code is stored only as its hash")
t.eq(sql1("SELECT COUNT(*) FROM request_events WHERE body LIKE '%%%s%%'" % code[:9]), "0", "and written nowhere else")
r = anon.post_multipart("/complaints/report", dict(hidden, entity=gam, axis=axis, subject="", body=body), {})
t.ok(code not in r.text and sql1("SELECT COUNT(*) FROM requests WHERE body='%s'" % body) == "1",
     "sending the form again stores nothing twice and shows no code again")

# Following it: the code, and nothing else.
f = Client()
page = f.get("/complaints/follow")
t.eq(page.status, 200, "the follow form")
hidden = hidden_fields(page.text, "/complaints/follow")
r = f.post("/complaints/follow", dict(hidden, code=code.lower().replace("-", " ")))
t.eq(r.status, 200, "the code (in any case, any spacing) opens the report")
t.ok(body in r.text, "with its description and timeline")
ref = sql1("SELECT ref_no FROM requests WHERE id=%s" % rid)
r = f.post("/complaints/follow", dict(hidden, code=ref))
t.eq(r.status, 422, "the reference number is not a tracking code")
cit = Client()
cit.login("citizen@sharek.test", prefix="/complaints")
t.eq(cit.get("/complaints/track?ref=" + ref).status, 404, "nor does it open the report for an account")

li = Client()
li.login("liaison@gam.sharek.test", prefix="/complaints")
dpage = "/complaints/desk/requests/%s" % rid
d = li.get(dpage)
t.eq(d.status, 200, "the entity's desk has it")
t.ok("عمّان - العبدلي" in d.text, "with the location, opened for the desk")
h = hidden_fields(d.text, dpage)
li.post(dpage, dict(h, step="classify", type=sql1("SELECT id FROM request_types WHERE code='violation'"), axis=axis,
                    priority="high"))
h = hidden_fields(li.get(dpage).text, dpage)
answer = "شكراً لبلاغك، أحيل إلى وحدة الرقابة للتحقيق."
t.eq(li.post(dpage, dict(h, step="reply", reply=answer)).status, 303, "the desk replies")
r = f.post("/complaints/follow", dict(hidden, code=code))
t.ok(answer in r.text, "the reporter reads the reply with the code")
t.ok('action="/complaints/track/rate"' not in r.text, "an anonymous report is not rated through an account")

r = f.post("/complaints/follow", dict(hidden, code="7KQ2-M9XP-4DTR-8HWC-3NZB"))
t.eq(r.status, 200, "the demo report's tracking code, as make run prints it, works")
t.ok("بيع أدوية مجانية" in r.text, "and opens the demo report")

# Wrong codes: refused, then throttled like passwords.
g = Client()
hidden = hidden_fields(g.get("/complaints/follow").text, "/complaints/follow")
statuses = [g.post("/complaints/follow", dict(hidden, code="0000-0000-0000-0000-%04d" % i)).status for i in range(7)]
t.eq(statuses[0], 404, "a wrong code: not found")
t.ok(429 in statuses, "repeated wrong codes are throttled (429)", statuses)
r = g.post("/complaints/follow", dict(hidden, code=code))
t.eq(r.status, 429, "even the right code waits then")
t.ok(body not in r.text, "and shows nothing")
# Leave no wait behind for the other tests of this address.
sql("UPDATE login_attempts SET at = at - INTERVAL 2 DAY")
sys.exit(t.done())
