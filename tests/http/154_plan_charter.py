"""The annual participation plan and the versioned charter (issue 16):
the liaison officer adds an item to this year's plan in /staff/plan (bad
input refused at its fields with everything typed kept) and it is shown
on /entities/{slug}; an item not started by its quarter is flagged there
and in staff, until it is done or cancelled; each charter publication is
a new version, the entity's page shows the newest with its date, the
earlier ones stay listed in staff; edits are audited; a supervisor is
refused (403) and nothing changes."""
import datetime
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, hidden_fields, sql, sql1

t = Tap()
moh = sql1("SELECT id FROM entities WHERE slug='moh'")
other = sql1("SELECT id FROM activities WHERE entity_id <> %s ORDER BY id LIMIT 1" % moh)
mine = sql1("SELECT id FROM activities WHERE entity_id = %s ORDER BY id LIMIT 1" % moh)
now = datetime.datetime.utcnow() + datetime.timedelta(hours=3)
quarter = (now.month - 1) // 3 + 1


def items():
    return int(sql1("SELECT COUNT(*) FROM plan_items i JOIN participation_plans p ON p.id = i.plan_id "
                    "WHERE p.entity_id = %s" % moh))


def versions():
    return int(sql1("SELECT COUNT(*) FROM charters WHERE entity_id = %s" % moh))


def public_row(text, topic):
    m = re.search(r'<tr( class="flagged")?>(?:(?!</tr>).)*?<bdi>%s</bdi>(?:(?!</tr>).)*</tr>' % re.escape(topic),
                  text, re.S)
    return m


li = Client(lang="en")
t.eq(li.login("liaison@moh.sharek.test", prefix="/staff").status, 303, "the liaison officer signs in")
r, h = li.form("/staff/plan", "/staff/plan")
t.eq(r.status, 200, "the plan page")
t.ok('id="t-plan"' in r.text and 'action="/staff/plan"' in r.text, "the plan and the form to add an item")

n0 = items()
bad = dict(h, topic="", topic_en="Late item 154", target_group="الشباب", size="abc", channel="البوابة",
           tools="استشارة", quarter=str(quarter), status="planned", activity=str(other))
r = li.post("/staff/plan", bad)
t.eq(r.status, 422, "an item without a topic and a bad size is refused")
t.ok('id="e-topic"' in r.text and 'id="e-size"' in r.text, "the messages are at the topic and the size")
t.ok('value="Late item 154"' in r.text and 'value="الشباب"' in r.text, "what was typed is kept")
t.eq(items(), n0, "nothing added")
r = li.post("/staff/plan", dict(bad, topic="بند متأخر 154", size="1200"))
t.eq(r.status, 422, "an activity of another entity is refused")
t.ok('id="e-activity"' in r.text and ("no activity of your entity" in r.text or "لا يوجد نشاط لجهتك" in r.text),
     "the message is at the activity")
t.ok('value="بند متأخر 154"' in r.text, "the topic is kept")
t.eq(items(), n0, "nothing added")

r = li.post("/staff/plan", dict(hidden_fields(r.text, "/staff/plan"), topic="بند متأخر 154",
                                topic_en="Late item 154", target_group="الشباب", size="1200", channel="البوابة",
                                tools="استشارة", quarter=str(quarter), status="planned", activity=""))
t.eq(r.status, 303, "an item of this quarter, planned, without an activity")
late = sql1("SELECT i.id FROM plan_items i WHERE i.topic = 'بند متأخر 154'")
t.eq(sql1("SELECT CONCAT(quarter, ' ', status, ' ', target_group_size, ' ', activity_id IS NULL) FROM plan_items "
          "WHERE id = %s" % late), "%d planned 1200 1" % quarter, "stored as typed")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.item_add' AND object_id = %s" % late), "1",
     "audited")
r, h = li.form("/staff/plan", "/staff/plan")
r = li.post("/staff/plan", dict(h, topic="بند منجز 154", topic_en="Done item 154", target_group="الأطباء",
                                size="", channel="البوابة", tools="استبيان", quarter="1", status="done",
                                activity=str(mine)))
t.eq(r.status, 303, "a done item linked to an activity of the entity")

r = li.get("/staff/plan")
t.ok(re.search(r'<bdi>(Late item 154|بند متأخر 154)</bdi> <strong class="overdue">', r.text) is not None,
     "staff: the planned item of a begun quarter is flagged")
t.ok(re.search(r'<bdi>(Done item 154|بند منجز 154)</bdi> <strong', r.text) is None and "بند منجز 154" in r.text,
     "staff: the done item is listed, not flagged")
pub = Client(lang="en").get("/entities/moh")
t.eq(pub.status, 200, "the entity's page")
row = public_row(pub.text, "Late item 154")
t.ok(row is not None and row.group(1) and "Not started in its quarter" in row.group(0),
     "public: the item is shown, flagged not started")
row = public_row(pub.text, "Done item 154")
t.ok(row is not None and not row.group(1), "public: the done item is shown, not flagged")

r, h = li.form("/staff/plan/%s" % late, "/staff/plan/%s" % late)
t.eq(r.status, 200, "the item's edit form")
t.ok('value="بند متأخر 154"' in r.text and '<option value="planned" selected' in r.text,
     "filled with the stored item")
r = li.post("/staff/plan/%s" % late, dict(h, topic="بند متأخر 154", topic_en="Late item 154",
                                          target_group="الشباب", size="1200", channel="البوابة",
                                          tools="استشارة", quarter=str(quarter), status="cancelled",
                                          activity=""))
t.eq(r.status, 303, "cancelled")
t.eq(sql1("SELECT status FROM plan_items WHERE id = %s" % late), "cancelled", "stored")
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action = 'plan.item_edit' AND object_id = %s" % late), "1",
     "audited")
row = public_row(Client(lang="en").get("/entities/moh").text, "Late item 154")
t.ok(row is not None and not row.group(1), "public: no longer flagged")

# The charter, two versions.
parts = dict(body_ar="ميثاق الإصدار الأول 154 للمشاركة", body_en="Charter first version 154",
             channels_ar="البوابة ومركز الاتصال", channels_en="The portal and the call centre",
             activities_ar="استشارات واستبيانات واستطلاعات", activities_en="Consultations, surveys and polls",
             commitments_ar="نرد على كل مشاركة خلال ثلاثة أيام عمل", commitments_en="We answer within three days",
             data_policy_ar="لا ننشر بياناتكم الشخصية أبداً", data_policy_en="We never publish personal data",
             expectations_ar="مشاركات محترمة وذات صلة بالموضوع", expectations_en="Respectful, relevant input")
v0 = versions()
r, h = li.form("/staff/charter", "/staff/charter")
t.eq(r.status, 200, "the charter page")
r = li.post("/staff/charter", dict(h, **dict(parts, channels_ar="")))
t.eq(r.status, 422, "a version without its Arabic channels is refused")
t.ok('id="e-channels_ar"' in r.text and "Charter first version 154" in r.text,
     "the message is at the channels, the texts kept")
t.eq(versions(), v0, "nothing published")
r = li.post("/staff/charter", dict(hidden_fields(r.text, "/staff/charter"), **parts))
t.eq(r.status, 303, "the first version published")
r, h = li.form("/staff/charter", "/staff/charter")
r = li.post("/staff/charter", dict(h, **dict(parts, body_ar="ميثاق الإصدار الثاني 154 للمشاركة",
                                              body_en="Charter second version 154")))
t.eq(r.status, 303, "the second version published")
t.eq(versions(), v0 + 2, "both kept")
v1, v2 = v0 + 1, v0 + 2
sql("UPDATE charters SET published_at = '2025-02-10 08:00:00', updated_at = published_at WHERE entity_id = %s AND version = %d" % (moh, v1))
sql("UPDATE charters SET published_at = '2026-11-20 08:00:00', updated_at = published_at WHERE entity_id = %s AND version = %d" % (moh, v2))
t.eq(sql1("SELECT COUNT(*) FROM audit_log WHERE action = 'charter.publish' AND object_id = %s" % moh),
     str(2), "each publication audited")
pub = Client(lang="en").get("/entities/moh").text
since = re.search(r'In force since ([^<]*)</p>', pub)
t.ok("Charter second version 154" in pub and "Charter first version 154" not in pub,
     "the entity's page shows the second version")
t.ok(since is not None and "2026" in since.group(1) and "20" in since.group(1) and "Nov" in since.group(1),
     "with its date (%s)" % (since.group(1) if since else None))
r = li.get("/staff/charter")
ver = re.findall(r'<li data-version="(\d+)">', r.text)
t.eq(ver[:2], [str(v2), str(v1)], "staff lists both versions, newest first")
t.ok(re.search(r'<li data-version="%d">[^<]*<time datetime="2025-02-10">[^<]+</time>' % v1, r.text) is not None,
     "the first with its date")
t.ok("Charter second version 154" in r.text.split('id="f-body_en"')[1], "the form holds the current text")

# A supervisor may see but not change.
sup = Client(lang="en")
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303, "a supervisor signs in")
r, h = sup.form("/staff/plan")
t.eq(r.status, 200, "the supervisor sees the plan")
t.ok('action="/staff/plan"' not in r.text, "without the form")
n1, v3 = items(), versions()
t.eq(sup.post("/staff/plan", dict(h, topic="بند المشرف", target_group="الجميع", channel="البوابة",
                                  tools="استشارة", quarter="1", status="planned")).status, 403,
     "a supervisor may not add an item")
t.eq(sup.post("/staff/plan/%s" % late, dict(h, topic="بند المشرف", target_group="الجميع", channel="البوابة",
                                            tools="استشارة", quarter="1", status="planned")).status, 403,
     "nor edit one")
t.eq(sup.post("/staff/charter", dict(h, **parts)).status, 403, "nor publish a charter")
t.eq((items(), versions()), (n1, v3), "nothing changed")
t.eq(sql1("SELECT topic FROM plan_items WHERE id = %s" % late), "بند متأخر 154", "the item untouched")
t.done()
