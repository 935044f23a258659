"""The staff side of issue 14: Open311 API keys issued by the ministry
admin (shown once, stored as a hash, listed by their first characters,
revoked — a revoked key is refused by Open311 at once; other staff may
not), and the periodic reports sharekctl tick writes (listed, printable
with every figure's definition, CSV per RFC 4180 whose totals agree with
the requests counted; an entity's liaison officer reads their entity's
reports and not the ministry's whole)."""
import csv
import io
import re
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick

t = Tap()
adm = Client(lang="en")
t.eq(adm.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")
li = Client(lang="en")
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "a liaison officer signs in")

# ---- API keys ------------------------------------------------------------------
r = adm.get("/staff/apikeys")
t.eq(r.status, 200, "the keys page")
t.eq(li.get("/staff/apikeys").status, 403, "a liaison officer may not open it")
org = "Chat %x" % int(time.time())
r = adm.submit("/staff/apikeys", "/staff/apikeys", {"organisation": "", "channel": "chatbot"})
t.eq(r.status, 422, "no organisation: 422")
t.ok('id="e-organisation"' in r.text, "said at its field")
_, hidden = adm.form("/staff/apikeys", "/staff/apikeys")
fields = dict(hidden, organisation=org, channel="chatbot")
r = adm.post("/staff/apikeys", fields)
t.eq(r.status, 200, "a key is issued")
m = re.search(r'<code dir="ltr">([0-9a-f]{64})</code>', r.text)
t.ok(m, "and shown once")
key = m.group(1) if m else ""
t.ok("no-store" in (r.header("Cache-Control") or ""), "the page with the key is not stored")
t.eq(sql1("SELECT COUNT(*) FROM api_keys WHERE key_hash = UNHEX(SHA2('%s', 256)) AND organisation = '%s'" % (key, org)),
     "1", "stored as its SHA-256")
t.eq(sql1("SELECT COUNT(*) FROM api_keys WHERE HEX(key_hash) LIKE '%%%s%%'" % key.upper()), "0", "never in clear")
r2 = adm.post("/staff/apikeys", fields)
t.eq(r2.status, 303, "the same form again issues nothing (nonce)")
t.eq(sql1("SELECT COUNT(*) FROM api_keys WHERE organisation = '%s'" % org), "1", "one key")
r = adm.get("/staff/apikeys")
t.ok(key[:8] in r.text and key not in r.text, "the list shows its first characters, never the key")
pub = Client(lang="en")
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
post = {"service_code": "inquiry-time", "attribute[entity]": moh, "address_string": "عمّان",
        "description": "سؤال عبر روبوت المحادثة عن مواعيد الدوام"}
r = pub.post("/open311/v2/requests.json", dict(post, api_key=key))
t.eq(r.status, 200, "the key files a request through Open311")
sid = re.search(r'"service_request_id":"([^"]+)"', r.text)
t.eq(sql1("SELECT channel FROM requests WHERE ref_no = UPPER('%s')" % (sid.group(1) if sid else "")), "chatbot",
     "in the organisation's channel")
kid = sql1("SELECT id FROM api_keys WHERE organisation = '%s'" % org)
t.eq(li.post("/staff/apikeys/%s/revoke" % kid, {"csrf": li.cookie("csrf") or ""}).status in (403, 400), True,
     "a liaison officer may not revoke")
_, hidden = adm.form("/staff/apikeys", "/staff/apikeys/%s/revoke" % kid)
r = adm.post("/staff/apikeys/%s/revoke" % kid, hidden)
t.eq(r.status, 303, "the admin revokes it")
t.ok(sql1("SELECT revoked_at IS NOT NULL FROM api_keys WHERE id=%s" % kid) == "1", "revoked")
r = pub.post("/open311/v2/requests.json", dict(post, api_key=key))
t.eq(r.status, 403, "Open311 refuses the revoked key")
t.ok(sql1("SELECT COUNT(*) FROM audit_log WHERE action IN ('apikey.issue', 'apikey.revoke') AND object_id=%s" % kid) == "2",
     "issue and revocation are audited")

# ---- periodic reports ------------------------------------------------------------
tick()
now = time.gmtime()
day = 86400
prev = time.gmtime(time.mktime((now.tm_year, now.tm_mon, 1, 0, 0, 0, 0, 0, 0)) - time.timezone - day)
pstart = "%04d-%02d-01" % (prev.tm_year, prev.tm_mon)
whole = sql1("SELECT id FROM kpi_reports WHERE period='month' AND start='%s' AND entity_id=0" % pstart)
mine = sql1("SELECT id FROM kpi_reports WHERE period='month' AND start='%s' AND entity_id=%s" % (pstart, moh))
t.ok(whole and mine, "the tick wrote last month's reports (the whole and the Ministry of Health)")
r = adm.get("/staff/complaint-reports?period=month")
t.eq(r.status, 200, "the reports list")
t.ok('/staff/complaint-reports/%s"' % whole in r.text and '/staff/complaint-reports/%s"' % mine in r.text,
     "lists both for the admin")
r = adm.get("/staff/complaint-reports/%s" % whole)
t.eq(r.status, 200, "a report")
t.ok(("Answered late" in r.text and "missed their expected reply date" in r.text) or
     ("نسبة الرد المتأخر" in r.text and "فاتها موعد الرد المتوقع" in r.text),
     "with every figure and its definition from the glossary", re.findall(r"<dt>[^<]*</dt>", r.text)[:3])
t.eq(len(re.findall(r"<dt>", r.text)), 8, "eight figures defined")
r = adm.get("/staff/complaint-reports/%s.csv" % whole)
t.eq(r.status, 200, "its CSV")
t.ok((r.header("Content-Type") or "").startswith("text/csv; charset=utf-8"), "text/csv in UTF-8")
t.ok(r.raw.count(b"\r\n") >= 2 and b"\n" not in r.raw.replace(b"\r\n", b""), "lines end with CRLF (RFC 4180)")
rows = list(csv.reader(io.StringIO(r.text)))
t.eq(rows[0][:5], ["breakdown", "key", "name", "received", "late_pct"], "a header row named by the glossary's codes")
tot = [x for x in rows[1:] if x[0] == "all"]
# The report keeps the figures as they were when it was written (other
# tests may back-date requests into that month later): its stored totals.
want = sql1("SELECT w.received FROM kpi_report_rows w WHERE w.report_id = %s AND w.dim = 'all'" % whole)
t.eq(tot[0][3] if tot else None, want, "its total received is the report's")
t.ok(int(want) <= int(sql1("SELECT COUNT(*) FROM requests WHERE created_at >= '%s' AND created_at < '%s' + INTERVAL 1 MONTH"
                           % (pstart, pstart))), "no more than the requests of that month")
t.eq(sum(int(x[3]) for x in rows[1:] if x[0] == "type"), int(want), "the types add up to the total")
r = li.get("/staff/complaint-reports?period=month")
t.ok(r.status == 200 and '/staff/complaint-reports/%s"' % mine in r.text and
     '/staff/complaint-reports/%s"' % whole not in r.text, "the liaison officer sees their entity's, not the whole")
t.eq(li.get("/staff/complaint-reports/%s" % whole).status, 404, "and cannot open the whole's")
t.done()
