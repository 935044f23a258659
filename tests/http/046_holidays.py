"""Holidays (issue 10): each row asks before removing (a <details> step
that works without JavaScript), the list then names what was removed;
adding a day that is already a holiday is refused next to the date
field (422, input kept), not silently overwritten."""
import html
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, hidden_fields

t = Tap()
sql("DELETE FROM holidays WHERE day='2032-03-03'")
admin = Client(lang="en")
t.eq(admin.login("admin@sharek.test", prefix="/staff").status, 303, "the ministry admin signs in")

r = admin.submit("/staff/holidays", "/staff/holidays",
                 {"day": "2032-03-03", "name_ar": "عطلة أولى", "name_en": "First name"})
t.eq(r.status, 303, "a holiday is added")
r = admin.submit("/staff/holidays", "/staff/holidays",
                 {"day": "2032-03-03", "name_ar": "عطلة ثانية", "name_en": "Second name"})
t.eq(r.status, 422, "the same day again is refused")
t.eq(sql1("SELECT name_en FROM holidays WHERE day='2032-03-03'"), "First name", "and not overwritten")
m = re.search(r'<div class="field invalid"><label for="f-day">.*?</div>', r.text, re.S)
t.ok(m is not None and ("already a holiday" in m.group(0) or "عطلة مسجلة بالفعل" in m.group(0)), "the message stands next to the date field",
     m and m.group(0))
t.ok('value="2032-03-03"' in r.text and 'value="Second name"' in r.text, "what was typed is kept")

page = admin.get("/staff/holidays").text
row = re.search(r'<tr><td dir="ltr">2032-03-03</td>.*?</tr>', page, re.S)
t.ok(row is not None and "<details" in row.group(0) and "<summary>" in row.group(0)
     and ("Remove this holiday?" in row.group(0) or "هل تريد إزالة هذه العطلة؟" in row.group(0)), "the row asks before removing", row and row.group(0))
hidden = hidden_fields(row.group(0) if row else "", "/staff/holidays/delete")
t.eq(hidden.get("day"), "2032-03-03", "its form removes that day")
r = admin.post("/staff/holidays/delete", hidden)
t.eq(r.status, 303, "confirming removes it")
t.eq(sql1("SELECT COUNT(*) FROM holidays WHERE day='2032-03-03'"), "0", "gone")
loc = r.header("Location")
t.ok("removed=2032-03-03" in loc, "the answer goes back to the list", loc)
body = admin.get(loc[loc.index("/staff"):]).text
m = re.search(r'<p class="notice" role="status">(.*?)</p>', body, re.S)
t.ok(m is not None and "2032-03-03" in m.group(1)
     and ("Holiday removed" in m.group(1) or "أُزيلت العطلة" in m.group(1))
     and re.search("First name|عطلة أولى", html.unescape(m.group(1))), "and the list says what was removed", m and m.group(1))

body = admin.get("/staff/holidays?removed=2032-03-03&removed_name=%D8%B9%D8%B7%D9%84%D8%A9",
                 headers={"Accept-Language": "ar"}).text
t.ok("عطلة" in body and "أُزيلت العطلة" in body, "in Arabic too")
t.ok('role="status"' not in admin.get("/staff/holidays?removed=2032-02-31").text,
     "a malformed notice is not shown")
t.done()
