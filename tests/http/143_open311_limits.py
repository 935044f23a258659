"""Open311 (issue 14): POST requests is rate-limited per API key — the
[limits] open311_posts_per_key setting, counted per key over the hour —
and a key over its limit gets HTTP 429 with Retry-After and the spec's
error list, in XML and JSON, with nothing filed, while another key posts
as before.  Intake is synchronous: the POST answers with the
service_request_id, discovery says so, and tokens/{id} answers 404 with
the spec's error body."""
import configparser
import hashlib
import json
import os
import secrets
import sys
import xml.etree.ElementTree as ET
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, VAR

t = Tap()
c = Client(lang="en")
B = "/open311/v2/"

conf = configparser.ConfigParser(inline_comment_prefixes=(";",))
conf.read(os.path.join(VAR, "sharek.ini"))
LIMIT = int(conf.get("limits", "open311_posts_per_key", fallback="120").strip() or 120)
t.ok(LIMIT > 1, "the per-key limit is a [limits] setting (%d an hour)" % LIMIT)


def new_key(org):
    k = secrets.token_hex(24)
    sql("INSERT INTO api_keys (organisation, channel, prefix, key_hash, created_at) "
        "VALUES ('%s', 'mobile', '%s', UNHEX(SHA2('%s', 256)), UTC_TIMESTAMP())" % (org, k[:8], k))
    return k, sql1("SELECT id FROM api_keys WHERE prefix='%s'" % k[:8])


def counter(key_id):
    """The key's rate_limits row (BLAKE2b-256 of the purpose, outbox.c)."""
    return hashlib.blake2b(("open311:key:%s" % key_id).encode(), digest_size=32).hexdigest()


def hits(key_id):
    v = sql1("SELECT hits FROM rate_limits WHERE key_hash=UNHEX('%s') "
             "AND window_start > UTC_TIMESTAMP() - INTERVAL 60 MINUTE" % counter(key_id))
    return int(v or 0)


def errors(r, fmt):
    if fmt == "json":
        d = json.loads(r.text)
        return d if isinstance(d, list) else None
    d = ET.fromstring(r.raw)
    if d.tag != "errors":
        return None
    return [{"code": int(e.findtext("code")), "description": e.findtext("description")}
            for e in d.findall("error")]


moh = sql1("SELECT id FROM entities WHERE slug='moh'")
base = {"service_code": "complaint-procedures", "attribute[entity]": moh,
        "address_string": "Amman", "description": "انتظار طويل عند شباك الخدمة"}
limited, limited_id = new_key("Busy app")
other, other_id = new_key("Quiet app")

for fmt in ("json", "xml"):
    # ---- a key's POSTs are counted ------------------------------------------
    before = hits(limited_id)
    r = c.post(B + "requests." + fmt, dict(base, api_key=limited))
    t.eq(r.status, 200, fmt + ": a POST under the limit is taken")
    t.eq(hits(limited_id), before + 1, fmt + ": and counted against its key")

    # ---- the key at its limit: the next POST is refused ---------------------
    # The counter is brought to the limit, as LIMIT posts in this hour
    # would have left it.
    sql("UPDATE rate_limits SET hits=%d WHERE key_hash=UNHEX('%s')" % (LIMIT, counter(limited_id)))
    n0 = int(sql1("SELECT COUNT(*) FROM requests"))
    r = c.post(B + "requests." + fmt, dict(base, api_key=limited))
    t.eq(r.status, 429, fmt + ": a POST over the key's limit: 429")
    ra = r.header("Retry-After") or ""
    t.ok(ra.isdigit() and 1 <= int(ra) <= 3600, fmt + ": with Retry-After in seconds within the hour", ra)
    want = "application/json; charset=utf-8" if fmt == "json" else "text/xml; charset=utf-8"
    t.eq((r.header("Content-Type") or "").lower(), want, fmt + ": answered in its format")
    e = errors(r, fmt)
    t.ok(e and len(e) == 1 and int(e[0]["code"]) == 429 and "api_key" in e[0]["description"],
         fmt + ": the spec's error list, code 429 with a description", e)
    t.eq(int(sql1("SELECT COUNT(*) FROM requests")), n0, fmt + ": nothing filed")
    t.eq(hits(limited_id), LIMIT, fmt + ": the refused POST is not counted")

    # ---- another key is not affected -----------------------------------------
    r = c.post(B + "requests." + fmt, dict(base, api_key=other))
    t.eq(r.status, 200, fmt + ": another key posts as before")
    t.eq(int(sql1("SELECT COUNT(*) FROM requests")), n0 + 1, fmt + ": and its request is filed")

    # ---- a new window: the key may post again --------------------------------
    sql("UPDATE rate_limits SET window_start = UTC_TIMESTAMP() - INTERVAL 61 MINUTE "
        "WHERE key_hash=UNHEX('%s')" % counter(limited_id))
    r = c.post(B + "requests." + fmt, dict(base, api_key=limited))
    t.eq(r.status, 200, fmt + ": after the hour the limited key posts again")
    body = json.loads(r.text) if fmt == "json" else ET.fromstring(r.raw)
    sid = body[0]["service_request_id"] if fmt == "json" else body.findtext("request/service_request_id")
    t.ok(sid and "token" not in (r.text or ""), fmt + ": synchronous intake: the service_request_id, no token", sid)

    # ---- tokens: never any ----------------------------------------------------
    for tok in ("abc123", sid or "x"):
        r = c.get(B + "tokens/%s.%s" % (tok, fmt))
        t.eq(r.status, 404, "%s: tokens/%s: 404" % (fmt, tok))
        t.eq((r.header("Content-Type") or "").lower(), want, fmt + ": in its format")
        e = errors(r, fmt)
        t.ok(e and int(e[0]["code"]) == 404 and e[0]["description"], fmt + ": the spec's error list", e)

    # ---- discovery states it ----------------------------------------------------
    r = c.get(B + "discovery." + fmt)
    ks = json.loads(r.text)["key_service"] if fmt == "json" else ET.fromstring(r.raw).findtext("key_service")
    t.ok(ks and "service_request_id" in ks and "token" in ks, fmt + ": discovery says intake is synchronous", ks)

sql("DELETE FROM rate_limits WHERE key_hash IN (UNHEX('%s'), UNHEX('%s'))" % (counter(limited_id), counter(other_id)))
t.done()
