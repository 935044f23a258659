"""Restricted and inter-agency consultations (Tawasul art. 2, 7-ح): only
their targets see them; the target entity's liaison officer returns the
consolidated response through the portal."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, VAR

t = Tap()
inter = sql1("SELECT id FROM activities WHERE audience='interagency' AND state='open' LIMIT 1")
restr = sql1("SELECT id FROM activities WHERE audience='restricted' AND state='open' LIMIT 1")

for who, c in (("an anonymous visitor", Client()), ("a citizen", None)):
    if c is None:
        c = Client()
        c.login("citizen@sharek.test")
    t.eq(c.get("/consultations/" + inter).status, 404, "inter-agency: 404 for %s" % who)
    t.eq(c.get("/consultations/" + restr).status, 404, "restricted: 404 for %s" % who)
    t.ok("/consultations/%s\"" % restr not in c.get("/consultations").text, "and not listed for %s" % who)
moe_sup = Client()
moe_sup.login("supervisor@moe.sharek.test", prefix="/staff")
t.eq(moe_sup.get("/consultations/" + restr).status, 200, "restricted: visible to staff of the target entity")
t.eq(moe_sup.get("/consultations/" + inter).status, 404, "inter-agency: never on the public site")

li = Client()
li.login("liaison@moe.sharek.test", prefix="/staff")
r = li.get("/staff/inbox")
t.eq(r.status, 200, "the target's liaison officer has an inbox")
t.ok("/staff/inbox/%s\"" % inter in r.text and "/staff/inbox/%s\"" % restr in r.text, "with both consultations")
page = "/staff/inbox/" + inter
r = li.submit(page, page, {"body": "قصير"})
t.eq(r.status, 422, "a too short response is refused")
t.ok("قصير" in r.text, "and kept")
text = "ترى وزارة التربية والتعليم ضرورة ربط البيانات عبر منصة التبادل الحكومية."
r = li.submit(page, page, {"body": text})
t.eq(r.status, 303, "the consolidated response is sent")
moe = sql1("SELECT id FROM entities WHERE slug='moe'")
t.eq(sql1("SELECT body FROM agency_responses WHERE activity_id=%s AND entity_id=%s" % (inter, moe)), text, "stored")
r = li.submit(page, page, {"body": text + " (محدث)"})
t.eq(r.status, 303, "it can be updated while open")
t.eq(sql1("SELECT COUNT(*) FROM agency_responses WHERE activity_id=%s" % inter), "1", "one response per entity")
t.ok(int(sql1("SELECT COUNT(*) FROM audit_log WHERE action='activity.response'")) >= 2, "audited")
moh_li = Client()
moh_li.login("liaison@moh.sharek.test", prefix="/staff")
t.eq(moh_li.get(page).status, 404, "a non-target entity gets 404")

# QA finding 1: the addressed entity reads the document (a PDF) and the
# supporting documents from its inbox, through links that work; an entity
# it is not addressed to gets 404 for them.
import os
owner = sql1("SELECT entity_id FROM activities WHERE id=%s" % inter)
files = {}
for name, body in (("main.pdf", b"%PDF-1.4\n% the document\n%%EOF\n"),
                   ("annex.pdf", b"%PDF-1.4\n% an annex\n%%EOF\n")):
    stored = os.urandom(16).hex()
    os.makedirs(os.path.join(VAR, "uploads"), exist_ok=True)
    with open(os.path.join(VAR, "uploads", stored), "wb") as f:
        f.write(body)
    sql("INSERT INTO uploads (stored_name, original_name, mime, size, sha256, created_at) VALUES "
        "('%s', '%s', 'application/pdf', %d, UNHEX(SHA2('%s', 256)), UTC_TIMESTAMP())"
        % (stored, name, len(body), stored))
    files[name] = (stored, body, sql1("SELECT id FROM uploads WHERE stored_name='%s'" % stored))
sql("UPDATE activities SET doc_kind='pdf', document_upload_id=%s WHERE id=%s" % (files["main.pdf"][2], inter))
sql("INSERT INTO attachments (activity_id, upload_id, title_ar, title_en, created_at) VALUES "
    "(%s, %s, 'ملحق الدراسة', 'Study annex', UTC_TIMESTAMP())" % (inter, files["annex.pdf"][2]))
r = li.get(page)
for name, (stored, body, _) in files.items():
    link = "/staff/inbox/%s/files/%s" % (inter, stored)
    t.ok(link in r.text, "the inbox item links to %s" % name)
    f = li.get(link)
    t.eq(f.status, 200, "the target entity's liaison opens %s" % name)
    t.ok(f.raw == body, "and gets its bytes", repr(f.raw[:60]))
    t.eq(moh_li.get(link).status, 404, "a non-target entity gets 404 for %s" % name)
    t.eq(li.get("/staff/inbox/%s/files/%s" % (restr, stored)).status, 404,
         "%s is not served under another consultation" % name)
t.ok("ملحق الدراسة" in r.text, "the attachment is listed by its title")
t.eq(li.get("/staff/inbox/%s/files/%s" % (inter, "0" * 32)).status, 404, "an unknown file: 404")
sql("UPDATE activities SET state='closed' WHERE id=%s" % inter)
r = li.post(page, {"csrf": li.form("/staff/inbox", "/logout")[1].get("csrf", ""), "body": text + " late"})
t.eq(r.status, 409, "no change after closing")
t.ok("late" in r.text, "the text typed is shown back")
sys.exit(t.done())
