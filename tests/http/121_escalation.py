"""Two-level escalation of late requests (issue 13, Done when): with the
clock moved forward (`sharekctl tick --now=…`) a late request goes to
level 1 (the entity's secretary-general), then, still late after the
level-1 limit in working days, to level 2 (the minister of the sector),
by e-mail and SMS through the outbox — each level exactly once, even
with two tick processes at once; recorded on the timeline and audited;
the level-2 request is before the central operations room."""
import datetime
import email
import email.header
import os
import re
import subprocess
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import VAR, Client, Tap, file_request, hidden_fields, mails_to, sql, sql1, tick, translation

t = Tap()
ROOT = os.environ.get("SHAREK_ROOT", ".")
CTL = os.path.join(ROOT, os.environ.get("SHAREK_BUILD", "build"), "bin/sharekctl")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
axis = sql1("SELECT id FROM request_axes WHERE code='time'")
complaint = sql1("SELECT id FROM request_types WHERE code='complaint'")
SG, MINISTER = "sg@moh.sharek.test", "minister@moh.sharek.test"
SG_MOBILE = "+962790000011"


def tick_at(when):
    return subprocess.Popen([CTL, "tick", "--now=" + when.strftime("%Y-%m-%dT%H:%M:%S")],
                            stdout=subprocess.PIPE, stderr=subprocess.PIPE, text=True)


def sms_to(number):
    d = os.path.join(VAR, "sms")
    found = []
    for name in sorted(os.listdir(d)) if os.path.isdir(d) else []:
        with open(os.path.join(d, name), encoding="utf-8") as f:
            text = f.read()
        if number in text:
            found.append(text)
    return found


cit = Client()
cit.login("citizen@sharek.test", prefix="/complaints")
ref, rid = file_request(t, cit, dict(type=complaint, entity=moh, axis=axis, subject="انتظار طويل في قسم الأشعة",
                                     body="انتظرت أكثر من ست ساعات لإجراء صورة أشعة في المستشفى."))
due = datetime.datetime.strptime(sql1("SELECT due_at FROM requests WHERE id=%s" % rid), "%Y-%m-%d %H:%M:%S")

p = tick_at(due - datetime.timedelta(hours=1))
p.communicate()
t.eq(p.returncode, 0, "tick before the due date")
t.eq(sql1("SELECT escalation_level FROM requests WHERE id=%s" % rid), "0", "nothing is escalated before it is due")
t.eq(subprocess.run([CTL, "tick", "--now=tomorrow"], capture_output=True).returncode, 1,
     "a malformed --now fails the tick")

mine = lambda addr: len([m for m in mails_to(addr) if ref in m])
sg_mail = mine(SG)
late = due + datetime.timedelta(hours=1)
p = tick_at(late)
out, err = p.communicate()
t.ok(p.returncode == 0, "tick an hour after the due date", err)
t.eq(sql1("SELECT escalation_level FROM requests WHERE id=%s" % rid), "1", "level 1")
t.eq(sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s AND level=1" % rid), "1", "one level-1 record")
t.eq(sql1("SELECT notified_email FROM request_escalations WHERE request_id=%s AND level=1" % rid), SG,
     "naming the secretary-general told")
tick()  # delivers the outbox
t.eq(mine(SG) - sg_mail, 1, "the secretary-general gets one e-mail")
t.ok(any(ref in s for s in sms_to(SG_MOBILE)), "and an SMS")
# In Arabic from the catalogue, then English (QA finding 2: sharekctl
# read no catalogue, so its "Arabic" was the English msgid).
L1 = ("Sharek: request {1} is late (escalation level 1)",
      "Request {1} to {2} was due on {3} and has not been answered. It is escalated to you as the entity's "
      "secretary-general (level 1):\n\n{4}",
      "Escalated automatically to level 1 (the entity's secretary-general): the reply is late.")
ar_subject, ar_body, ar_event = (translation(m).replace("{1}", ref) for m in L1)
t.ok(ar_subject != L1[0].replace("{1}", ref) and ar_event != L1[2], "(the catalogue translates them)")
ar_body = ar_body.split("{2}")[0]
mail = [m for m in mails_to(SG) if ref in m][-1]
msg = email.message_from_string(mail)
subject = str(email.header.make_header(email.header.decode_header(msg["Subject"])))
t.eq(subject, ar_subject + " — " + L1[0].replace("{1}", ref), "the e-mail's subject: Arabic — English")
t.ok(re.search(r"^Subject: [^\n]*(\n [^\n]*)*\nDate: ", mail, re.M) and "\n" not in subject,
     "on one line (folded, its encoded-words within 75 characters)", mail[:900])
t.ok(all(len(w) <= 75 for w in re.findall(r"=\?UTF-8\?B\?[^?]*\?=", mail.split("\n\n", 1)[0])), "(RFC 2047)")
text = mail.split("\n\n", 1)[1]
t.ok(text.startswith(ar_body) and "Request %s to Ministry of Health" % ref in text,
     "its body Arabic first, then English", text[:400])
ar_part = text.split("\n\nRequest ")[0]
t.ok(not re.search(r"\d{4}-\d\d-\d\d", ar_part) and "(UTC+" in ar_part,
     "the due date as the Arabic pages write it, in the deployment's zone", ar_part)
t.ok(any(s.find(ar_body) >= 0 for s in sms_to(SG_MOBILE) if ref in s), "so is the SMS")
r = cit.get("/complaints/track?ref=" + ref)
EN_EVENT = L1[2].split(" (")[0]  # before the apostrophe, which the page escapes
t.ok(ar_event in r.text and EN_EVENT not in r.text, "the requester reads the step in Arabic",
     re.sub(r"\s+", " ", r.text)[-1500:])
cit.get("/complaints/lang/en?next=/complaints/")
r = cit.get("/complaints/track?ref=" + ref)
t.ok(EN_EVENT in r.text and ar_event not in r.text, "and in English in English")
cit.get("/complaints/lang/ar?next=/complaints/")
t.eq(sql1("SELECT sla_met FROM requests WHERE id=%s" % rid), "0", "a late request has missed its SLA")

# Still within the level-1 limit: nothing more.
p = tick_at(late + datetime.timedelta(hours=2))
p.communicate()
t.eq(sql1("SELECT escalation_level FROM requests WHERE id=%s" % rid), "1", "level 1 is told once")
t.eq(sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s" % rid), "1", "no second record")

# Two ticks at the same moment, well past the level-1 limit (2 working
# days, the weekend whatever the day).
minister_mail = mine(MINISTER)
later = late + datetime.timedelta(days=6)
procs = [tick_at(later), tick_at(later)]
codes = [p.communicate() and p.returncode for p in procs]
t.eq(codes, [0, 0], "two ticks at once both succeed")
t.eq(sql1("SELECT escalation_level FROM requests WHERE id=%s" % rid), "2", "level 2")
t.eq(sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s AND level=2" % rid), "1",
     "exactly one level-2 record")
t.eq(sql1("SELECT COUNT(*) FROM request_events WHERE request_id=%s AND kind='escalation'" % rid), "2",
     "two escalations on the timeline, one per level")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action='request.escalate' AND object_id=%s" % rid), "2", "audited")
tick()
t.eq(mine(MINISTER) - minister_mail, 1, "the minister gets exactly one e-mail")
p = tick_at(later + datetime.timedelta(days=10))
p.communicate()
t.eq(sql1("SELECT COUNT(*) FROM request_escalations WHERE request_id=%s" % rid), "2", "and nothing after level 2")

r = cit.get("/complaints/track?ref=" + ref)
t.ok("المستوى 2" in r.text or "level 2" in r.text, "the requester sees the escalation on the timeline",
     re.sub(r"\s+", " ", r.text)[-3000:])
t.ok("minister@" not in r.text and "د. ريم الزعبي" not in r.text, "but not who was told")
ops = Client()
ops.login("ops@sharek.test", prefix="/complaints")
t.ok(ref in ops.get("/complaints/desk").text, "a level-2 request is before the operations room")

# The matrix: an edit never changes a classified request's due date.
li = Client()
li.login("liaison@moh.sharek.test", prefix="/complaints")
page = "/complaints/desk/requests/%s" % rid
r = li.post(page, dict(hidden_fields(li.get(page).text, page), step="classify", type=complaint, axis=axis,
                       priority="low"))
t.eq(r.status, 303, "the desk classifies it (low)")
fixed = sql1("SELECT due_at FROM requests WHERE id=%s" % rid)
admin = Client()
admin.login("admin@sharek.test", prefix="/complaints")
r = admin.get("/complaints/desk/sla")
t.eq(r.status, 200, "the ministry admin's matrix")
form = hidden_fields(r.text, "/complaints/desk/sla")
r = admin.post("/complaints/desk/sla", dict(form, priority="low", axis=axis, reply="9", solve="3", unit="days"))
t.eq(r.status, 422, "solving sooner than replying is refused")
r = admin.post("/complaints/desk/sla", dict(form, priority="low", axis=axis, reply="40", solve="60", unit="days"))
t.eq(r.status, 303, "the admin lengthens low × time to 40 working days")
t.eq(sql("SELECT reply_working_days, unit FROM sla_matrix WHERE priority='low' AND axis_id=%s" % axis)[0], ["40", "days"],
     "stored")
t.eq(sql1("SELECT due_at FROM requests WHERE id=%s" % rid), fixed, "the classified request keeps its due date")
t.eq(li.get("/complaints/desk/sla").status, 403, "a liaison officer may not edit the matrix")
r = admin.get("/complaints/desk/officials")
t.eq(r.status, 200, "the officials of each entity")
page = "/complaints/desk/officials/%s" % moh
form = hidden_fields(r.text, page)
r = admin.post(page, dict(form, sg_name="د. خالد المومني", sg_email="not-an-email", sg_mobile=SG_MOBILE,
                          minister_name="د. ريم الزعبي", minister_email=MINISTER, minister_mobile="+962790000012"))
t.eq(r.status, 422, "a malformed e-mail is refused")
t.ok("not-an-email" in r.text, "and kept")
r = admin.post(page, dict(form, sg_name="د. سمر الأمين العام", sg_email="sg2@moh.sharek.test", sg_mobile=SG_MOBILE,
                          minister_name="د. ريم الزعبي", minister_email=MINISTER, minister_mobile="+962790000012"))
t.eq(r.status, 303, "the admin names another secretary-general")
t.eq(sql1("SELECT sg_email FROM entities WHERE id=%s" % moh), "sg2@moh.sharek.test", "stored")
sql("UPDATE sla_matrix SET reply_working_days=10, solve_working_days=21 WHERE priority='low'")
sql("UPDATE entities SET sg_email='%s', sg_name='د. خالد المومني' WHERE id=%s" % (SG, moh))
# A sub-department names no officials: its ministry's are told.
phc = sql1("SELECT id FROM entities WHERE slug='moh-phc'")
sql("INSERT INTO requests (ref_no, type_id, entity_id, subject, body, state, due_at, created_at, updated_at) "
    "VALUES ('T-PHC-LATE', %s, %s, 'late at a directorate', 'x', 'received', UTC_TIMESTAMP() - INTERVAL 1 HOUR, "
    "UTC_TIMESTAMP() - INTERVAL 3 DAY, UTC_TIMESTAMP())" % (complaint, phc))
sub = sql1("SELECT id FROM requests WHERE ref_no='T-PHC-LATE'")
p = tick_at(datetime.datetime.utcnow())
p.communicate()
t.eq(sql1("SELECT notified_email FROM request_escalations WHERE request_id=%s AND level=1" % sub), SG,
     "a late request to a directorate goes to its ministry's secretary-general")
p = tick_at(datetime.datetime.utcnow() + datetime.timedelta(days=6))
p.communicate()
t.eq(sql1("SELECT notified_email FROM request_escalations WHERE request_id=%s AND level=2" % sub), MINISTER,
     "and then to the minister of the sector")
sys.exit(t.done())
