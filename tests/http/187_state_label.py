"""The state of a new request has its own words (QA finding 3): its
msgid was "Received", which is also the date label "ورد في" (received
on), so Arabic pages and Open311's status_notes called the state
"ورد في".  Now the citizen's track page, "my requests" and Open311 name
the state from its own msgid, and the date keeps its label."""
import json
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, file_request, sql1, translation

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
axis = sql1("SELECT id FROM request_axes WHERE code='time'")
inquiry = sql1("SELECT id FROM request_types WHERE code='inquiry'")
state_ar = translation("New")
t.ok(state_ar not in ("New", translation("Received")), "the state has an Arabic label of its own", state_ar)

cit = Client()
cit.login("citizen@sharek.test", prefix="/complaints")
ref, rid = file_request(t, cit, dict(type=inquiry, entity=moh, axis=axis, subject="مواعيد العيادات",
                                     body="ما مواعيد عمل العيادات الخارجية في المستشفى يوم السبت؟"))
t.eq(sql1("SELECT state FROM requests WHERE id=%s" % rid), "received", "a new request is received")
page = re.sub(r"\s+", " ", cit.get("/complaints/track?ref=" + ref).text)
t.ok(re.search(r"<dt>الحالة</dt><dd>%s[ <]" % re.escape(state_ar), page),
     "the track page names its state in Arabic", page[page.find("<dl"):][:600])
t.ok(re.search(r"<dt>ورد في</dt><dd>", page), "and the date of receipt keeps its label")
t.ok(not re.search(r"<dt>الحالة</dt><dd>ورد في", page), "which is not the state's")
mine = cit.get("/complaints/mine").text
t.ok(re.search(r"<td>%s</td>" % re.escape(state_ar), mine), "so does my requests' list")

o = Client()  # Arabic, the default
q = json.loads(o.get("/open311/v2/requests.json?service_request_id=" + ref).text)
t.eq([x.get("status_notes") for x in q], [state_ar], "Open311's status_notes in Arabic")
q = json.loads(Client(lang="en").get("/open311/v2/requests.json?service_request_id=" + ref).text)
t.eq([x.get("status_notes") for x in q], ["New"], "and in English")
sys.exit(t.done())
