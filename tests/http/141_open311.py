"""Open311 GeoReport v2 (issue 14), by a client written from the spec:
discovery → services → a service definition → POST (valid, no key, a
bad key, a revoked key, no location, an unknown service, a description
over 4,000 characters) → GET the request by id and in filtered lists,
in XML and JSON, checking field names, types, status codes, content
types and the error bodies; the request is filed as /complaints/new
files one (same reference numbers, sealed requester, KPI counted) in the
key's organisation's channel; no personal data in any answer;
confidential and anonymous reports never listed; bad dates and spans
over 90 days refused."""
import json
import re
import secrets
import sys
import xml.etree.ElementTree as ET
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
c = Client(lang="en")
B = "/open311/v2/"

def get(path, fmt):
    r = c.get(B + path.replace("{fmt}", fmt))
    return r, (json.loads(r.text) if fmt == "json" and r.text.strip() else
               ET.fromstring(r.raw) if r.raw.strip().startswith(b"<?xml") else None)

def ctype_ok(r, fmt):
    want = "application/json; charset=utf-8" if fmt == "json" else "text/xml; charset=utf-8"
    return (r.header("Content-Type") or "").lower() == want

key = secrets.token_hex(24)
sql("INSERT INTO api_keys (organisation, channel, prefix, key_hash, created_at) "
    "VALUES ('Test app', 'mobile', '%s', UNHEX(SHA2('%s', 256)), UTC_TIMESTAMP())" % (key[:8], key))
revoked = secrets.token_hex(24)
sql("INSERT INTO api_keys (organisation, channel, prefix, key_hash, created_at, revoked_at) "
    "VALUES ('Old app', 'chatbot', '%s', UNHEX(SHA2('%s', 256)), UTC_TIMESTAMP(), UTC_TIMESTAMP())" % (revoked[:8], revoked))
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
# A request no desk has classified by axis yet (QA finding 7).
sql("INSERT INTO requests (ref_no, type_id, entity_id, subject, body, state, due_at, created_at, updated_at) "
    "SELECT 'T-O311-NOAXIS', id, %s, 'no axis yet', 'x', 'received', UTC_TIMESTAMP() + INTERVAL 3 DAY, "
    "UTC_TIMESTAMP() - INTERVAL 1 HOUR, UTC_TIMESTAMP() FROM request_types WHERE code='inquiry'" % moh)
NOAXIS = "t-o311-noaxis"

for fmt in ("xml", "json"):
    # ---- discovery --------------------------------------------------------
    r, d = get("discovery.{fmt}", fmt)
    t.eq(r.status, 200, fmt + ": discovery")
    t.ok(ctype_ok(r, fmt), fmt + ": its content type", r.header("Content-Type"))
    if fmt == "xml":
        t.ok(r.raw.startswith(b'<?xml version="1.0" encoding="UTF-8"?>'), "xml: a UTF-8 declaration")
        t.ok(d.tag == "discovery" and "xmlns" not in r.text, "xml: <discovery>, no namespace")
        ep = d.find("endpoints/endpoint")
        fields = {k: d.findtext(k) for k in ("changeset", "contact", "key_service")}
        epf = {k: ep.findtext(k) for k in ("specification", "url", "changeset", "type")}
        formats = [f.text for f in ep.findall("formats/format")]
    else:
        t.ok(isinstance(d, dict), "json: discovery is an object")
        fields = {k: d.get(k) for k in ("changeset", "contact", "key_service")}
        ep = d["endpoints"][0]
        epf = {k: ep.get(k) for k in ("specification", "url", "changeset", "type")}
        formats = ep.get("formats")
    t.ok(all(fields.values()), fmt + ": changeset, contact, key_service", fields)
    t.ok(all(epf.values()) and epf["url"].endswith("/open311/v2") and epf["type"] in ("production", "test"),
         fmt + ": the endpoint's specification, url, changeset, type", epf)
    t.eq(sorted(formats), ["application/json", "text/xml"], fmt + ": both formats")
    t.ok(re.match(r"\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d(Z|[+-]\d\d:\d\d)$", fields["changeset"]), fmt + ": a W3C changeset")

    # ---- services ---------------------------------------------------------
    r, d = get("services.{fmt}", fmt)
    t.eq(r.status, 200, fmt + ": services")
    svcs = ([{k: s.findtext(k) for k in ("service_code", "service_name", "description", "metadata", "type",
                                         "keywords", "group")} for s in d.findall("service")]
            if fmt == "xml" else d)
    t.ok(isinstance(svcs, list) and len(svcs) >= 20, fmt + ": a list of services (type × axis)", len(svcs))
    codes = [s["service_code"] for s in svcs]
    t.ok("complaint-procedures" in codes and not any(c_.startswith("violation") for c_ in codes),
         fmt + ": complaint-procedures offered, violation reports not")
    s0 = svcs[codes.index("complaint-procedures")]
    t.ok(s0["type"] == "realtime" and s0["service_name"] and s0["group"] and s0["keywords"],
         fmt + ": type realtime, name, group, keywords", s0)
    t.eq(s0["metadata"], "true" if fmt == "xml" else True, fmt + ": metadata true (a boolean in JSON)")

    # ---- the service definition --------------------------------------------
    r, d = get("services/complaint-procedures.{fmt}", fmt)
    t.eq(r.status, 200, fmt + ": the service definition")
    if fmt == "xml":
        attrs = [{"code": a.findtext("code"), "datatype": a.findtext("datatype"), "required": a.findtext("required"),
                  "order": a.findtext("order"), "variable": a.findtext("variable"),
                  "values": [(v.findtext("key"), v.findtext("name")) for v in a.findall("values/value")]}
                 for a in d.findall("attributes/attribute")]
        t.eq(d.findtext("service_code"), "complaint-procedures", "xml: its service_code")
    else:
        t.eq(d.get("service_code"), "complaint-procedures", "json: its service_code")
        attrs = [dict(a, values=[(v["key"], v["name"]) for v in a.get("values", [])]) for a in d["attributes"]]
    ent = [a for a in attrs if a["code"] == "entity"]
    t.ok(ent and ent[0]["datatype"] == "singlevaluelist" and ent[0]["required"] in ("true", True)
         and (moh, "Ministry of Health") in [(str(k), n) for k, n in ent[0]["values"]],
         fmt + ": the entity is a required singlevaluelist with the entities", ent and ent[0]["values"][:3])
    t.ok(fmt == "xml" or isinstance(ent[0]["order"], int), fmt + ": order is a number")
    r, d = get("services/no-such-thing.{fmt}", fmt)
    t.eq(r.status, 404, fmt + ": an unknown service_code: 404")
    errs = ([{"code": e.findtext("code"), "description": e.findtext("description")} for e in d.findall("error")]
            if fmt == "xml" else d)
    t.ok(errs and str(errs[0]["code"]) == "404" and errs[0]["description"], fmt + ": the spec's error list", errs)

    # ---- POST --------------------------------------------------------------
    def post(fields):
        r = c.post(B + "requests." + fmt, fields)
        if fmt == "json":
            body = json.loads(r.text) if r.text.strip() else None
        else:
            body = ET.fromstring(r.raw) if r.raw.strip() else None
        return r, body
    def err_of(body):
        if fmt == "json":
            return body[0]["code"], body[0]["description"]
        return int(body.find("error").findtext("code")), body.find("error").findtext("description")
    base = {"service_code": "complaint-procedures", "attribute[entity]": moh, "lat": "31.95", "long": "35.91",
            "description": "طابور طويل في مركز الخدمة منذ الصباح", "first_name": "Secret", "last_name": "Person",
            "email": "secret.person@example.org", "phone": "0790000000"}
    n0 = int(sql1("SELECT COUNT(*) FROM requests"))
    for name, fields, status in (("no key", dict(base), 403), ("a bad key", dict(base, api_key="nope"), 403),
                                 ("a revoked key", dict(base, api_key=revoked), 403),
                                 ("no location", {k: v for k, v in dict(base, api_key=key).items()
                                                  if k not in ("lat", "long")}, 400),
                                 ("an unknown service", dict(base, api_key=key, service_code="x-y"), 404),
                                 ("a type alone's service", dict(base, api_key=key, service_code="inquiry"), 400),
                                 ("no service_code", {k: v for k, v in dict(base, api_key=key).items()
                                                      if k != "service_code"}, 400),
                                 ("a description over 4,000 characters", dict(base, api_key=key, description="x" * 4001), 400),
                                 ("no entity", {k: v for k, v in dict(base, api_key=key).items()
                                                if k != "attribute[entity]"}, 400)):
        r, body = post(fields)
        t.eq(r.status, status, "%s: POST with %s: %d" % (fmt, name, status))
        code, desc = err_of(body) if body is not None else (None, None)
        t.ok(code == status and desc, "%s: the error body says %d with a description" % (fmt, status), (code, desc))
    t.eq(int(sql1("SELECT COUNT(*) FROM requests")), n0, fmt + ": nothing stored by a refused POST")
    r, body = post(dict(base, api_key=key))
    t.eq(r.status, 200, fmt + ": a valid POST")
    t.ok(ctype_ok(r, fmt), fmt + ": answered in its format")
    if fmt == "json":
        item = body[0]
    else:
        item = {k: body.find("request").findtext(k) for k in ("service_request_id", "service_notice", "account_id")}
    sid = item["service_request_id"]
    t.ok(re.match(r"^sh-[0-9a-z]{5}-[0-9a-z]{5}$", sid or ""), fmt + ": the service_request_id is the reference number", sid)
    t.ok(item["service_notice"], fmt + ": a service notice with the expected date")
    row = sql("SELECT q.channel, k.organisation, q.requester_enc IS NOT NULL, q.type_id, q.axis_id, q.entity_id, "
              "q.requester_id IS NULL FROM requests q JOIN api_keys k ON k.id = q.api_key_id "
              "WHERE q.ref_no = UPPER('%s')" % sid)
    t.eq(row[0][:3] if row else None, ["mobile", "Test app", "1"],
         fmt + ": filed in the key's organisation's channel, the requester sealed")
    t.eq(row[0][5] if row else None, moh, fmt + ": to the entity chosen")
    t.ok(sql1("SELECT COUNT(*) FROM requests WHERE requester_enc LIKE '%secret.person%'") == "0",
         fmt + ": the e-mail is not stored in clear")

    # ---- GET it back ---------------------------------------------------------
    def reqs(body):
        if fmt == "json":
            return body
        return [{ch.tag: ch.text for ch in e} for e in body.findall("request")]
    r, d = get("requests/%s.{fmt}" % sid, fmt)
    t.eq(r.status, 200, fmt + ": GET requests/{id}")
    one = reqs(d)
    t.ok(isinstance(one, list) and len(one) == 1, fmt + ": a list of one")
    q = one[0] if one else {}
    t.eq(q.get("service_request_id"), sid, fmt + ": the same id")
    t.eq(q.get("status"), "open", fmt + ": open")
    t.ok(q.get("status_notes"), fmt + ": the detailed state in status_notes", q.get("status_notes"))
    t.eq(q.get("service_code"), "complaint-procedures", fmt + ": its service_code")
    t.eq(q.get("agency_responsible"), "Ministry of Health", fmt + ": the entity as agency_responsible")
    w3c = r"^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d[+-]\d\d:\d\d$"
    t.ok(re.match(w3c, q.get("requested_datetime") or "") and re.match(w3c, q.get("expected_datetime") or ""),
         fmt + ": requested and expected date-times, W3C with a zone", (q.get("requested_datetime"), q.get("expected_datetime")))
    t.ok(all(x not in r.text for x in ("Secret", "secret.person", "0790000000", "31.95", "35.91")),
         fmt + ": no name, contact or location in the answer")
    t.ok(not any(k in q for k in ("lat", "long", "address", "email", "first_name")), fmt + ": no location fields at all")
    r, d = get("requests/SH-00000-00000.{fmt}".lower(), fmt)
    t.eq(r.status, 404, fmt + ": an unknown request: 404")
    # References are read whatever their case, in the path too (QA finding 8).
    r, d = get("requests/%s.{fmt}" % sid.upper(), fmt)
    t.ok(r.status == 200 and [x["service_request_id"] for x in reqs(d)] == [sid],
         fmt + ": GET requests/{id} with the reference in capitals", (r.status, r.text[:300]))
    r, d = get("requests/SH-00000-00000.{fmt}", fmt)
    desc = (d[0].get("description") if fmt == "json" else d.findtext("error/description")) if d is not None else None
    t.ok(r.status == 404 and desc == "There is no request with this service_request_id.",
         fmt + ": an unknown one in capitals: the spec's 404 for a request", (r.status, desc))
    r, d = get("requests.{fmt}?service_request_id=%s,%s" % (sid, sid.upper()), fmt)
    t.eq(r.status, 200, fmt + ": several ids")
    t.eq([x["service_request_id"] for x in reqs(d)], [sid, sid], fmt + ": each id given, in any case")
    r, d = get("requests.{fmt}?service_code=complaint-procedures&status=open", fmt)
    t.ok(r.status == 200 and sid in [x["service_request_id"] for x in reqs(d)], fmt + ": in the filtered list")
    t.ok(all(x["service_code"] == "complaint-procedures" and x["status"] == "open" for x in reqs(d)),
         fmt + ": only that service, only open ones")
    r, d = get("requests.{fmt}?status=closed", fmt)
    t.ok(r.status == 200 and sid not in [x["service_request_id"] for x in reqs(d)], fmt + ": not among the closed")
    r, d = get("requests.{fmt}", fmt)
    ids = [x["service_request_id"] for x in reqs(d)]
    conf = [x[0].lower() for x in sql("SELECT ref_no FROM requests WHERE confidential = 1 OR tracking_hash IS NOT NULL")]
    t.ok(sid in ids and not set(ids) & set(conf), fmt + ": the default list has it and no confidential or anonymous report")
    for qs, why in (("start_date=yesterday", "a bad date"), ("start_date=2026-01-01T00:00:00Z&end_date=2026-06-01T00:00:00Z",
                    "a span over 90 days"), ("status=lost", "a bad status")):
        r, d = get("requests.{fmt}?" + qs, fmt)
        t.eq(r.status, 400, "%s: %s: 400" % (fmt, why))
        e = (d if fmt == "json" else [{"code": x.findtext("code")} for x in d.findall("error")]) if d is not None else []
        t.ok(e and str(e[0]["code"]) == "400", fmt + ": with the error list")
        if why == "a bad status":
            desc = (d[0].get("description") if fmt == "json" else d.findtext("error/description")) if e else ""
            t.ok(desc and desc.startswith("status:") and "open" in desc and "closed" in desc,
                 fmt + ": the bad status's error names the parameter and its values", desc)
    r, d = get("requests.{fmt}?service_code=nothing-here", fmt)
    t.eq(r.status, 404, fmt + ": an unknown service_code in the list: 404")

    # ---- every service_code a request shows is a listed service's ----------
    shown = {x["service_code"] for x in reqs(get("requests.{fmt}", fmt)[1])}
    t.ok("inquiry" in shown and shown <= set(codes), fmt + ": every service_code of the list is in services",
         sorted(shown - set(codes)))
    s1 = svcs[codes.index("inquiry")] if "inquiry" in codes else {}
    t.ok(s1.get("service_name") and s1.get("description") and s1.get("group") == s1.get("service_name"),
         fmt + ": the type alone is a service (not yet classified), in its type's group", s1)
    r, d = get("requests.{fmt}?service_code=inquiry", fmt)
    got = reqs(d) if r.status == 200 else []
    t.ok(r.status == 200 and NOAXIS in [x["service_request_id"] for x in got]
         and all(x["service_code"] == "inquiry" for x in got),
         fmt + ": ?service_code=inquiry lists the inquiries not yet classified, only them", (r.status, r.text[:300]))
    r, d = get("requests.{fmt}?service_code=inquiry-time", fmt)
    t.ok(r.status == 200 and NOAXIS not in [x["service_request_id"] for x in reqs(d)],
         fmt + ": and not under an axis's service")
    r, d = get("services/inquiry.{fmt}", fmt)
    t.ok(r.status == 200 and (d.get("service_code") if fmt == "json" else d.findtext("service_code")) == "inquiry",
         fmt + ": services/inquiry is its definition", r.text[:200])

# ---- what the API does not have: its own error list, never a page ----------
for fmt in ("xml", "json"):
    for path, status in (("nothing-here." + fmt, 404), ("services/complaint-procedures/extra." + fmt, 404)):
        r, body = get(path, fmt)
        errs = (body if fmt == "json" else
                [{"code": e.findtext("code"), "description": e.findtext("description")}
                 for e in body.findall("error")] if body is not None else None)
        t.ok(r.status == status and ctype_ok(r, fmt) and errs and str(errs[0]["code"]) == str(status)
             and errs[0]["description"], fmt + ": an unknown path is %d in the spec's error list" % status,
             (r.status, r.header("Content-Type"), r.text[:200]))
    # A method the path does not answer: 405 with Allow, in the same format.
    r = c.post(B + "services." + fmt, {"x": "1"})
    t.ok(r.status == 405 and "GET" in (r.header("Allow") or "") and ctype_ok(r, fmt) and "<html" not in r.text,
         fmt + ": POST to the services list is 405 with Allow, as the API's error", (r.status, r.text[:200]))
r = c.get(B + "nothing-here")
t.ok(r.status == 404 and r.text.lstrip().startswith("<?xml") and "<errors>" in r.text,
     "a path with no format: 404 in XML, the spec's default", r.text[:200])

sql("DELETE FROM requests WHERE ref_no='T-O311-NOAXIS'")
# The key's last use is noted.
t.ok(sql1("SELECT last_used_at IS NOT NULL FROM api_keys WHERE prefix='%s'" % key[:8]) == "1", "the key's last use is noted")
t.done()
