"""Arabic-Indic digits (issue 10): a mobile number typed on an Arabic
keyboard (٠٧٩١٢٣٤٥٦٧, or Eastern ۰۷۹۱۲۳۴۵۶۷) is accepted at
registration and stored as ASCII digits; too few of them are still
refused, with the number shown again."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql1

t = Tap()
PW = "correct-horse-42"


def register(email, mobile):
    return Client(lang="en").submit("/register", "/register", {
        "kind": "person", "full_name": "رقم عربي", "email": email,
        "mobile": mobile, "password": PW, "password2": PW, "accept": "1",
        "lang": "en"})


r = register("digits.arabic@example.org", "٠٧٩١٢٣٤٥٦٧")
t.eq(r.status, 303, "a mobile in Arabic-Indic digits is accepted")
t.eq(sql1("SELECT mobile FROM users WHERE email='digits.arabic@example.org'"),
     "0791234567", "and stored as 0791234567")

r = register("digits.eastern@example.org", "+۹۶۲ ۷۹ ۱۲۳ ۴۵۶۷")
t.eq(r.status, 303, "a mobile in Eastern Arabic-Indic digits with + and spaces is accepted")
t.eq(sql1("SELECT mobile FROM users WHERE email='digits.eastern@example.org'"),
     "+962791234567", "and stored as +962791234567")

r = register("digits.short@example.org", "٠٧٩١")
t.ok(r.status in (200, 422) and "7 to 15 digits" in r.text,
     "four Arabic-Indic digits are still too few", r)
t.eq(sql1("SELECT COUNT(*) FROM users WHERE email='digits.short@example.org'"),
     "0", "and no account is made")
t.done()
