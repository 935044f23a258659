"""Unlisted activities (issue 10; sql/migrations/0011_bench_flag.sql): the
data `make bench` makes (scripts/bench-data) is marked unlisted, so the
home page, /consultations and its search, and the feeds never show it,
while its page still answers anonymous visitors by id (the bench fetches
it so)."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1

t = Tap()
aid = sql1("SELECT id FROM activities WHERE audience='public' AND state='open' "
           "ORDER BY publish_at DESC, id DESC LIMIT 1")
title = sql1("SELECT title_en FROM activities WHERE id=%s" % aid)
link = 'href="/consultations/%s"' % aid
anon = Client(lang="en")


def seen():
    return {"home": link in anon.get("/").text,
            "list": link in anon.get("/consultations").text,
            "search": link in anon.get("/consultations?q=" + title.split()[0]).text,
            "feed": '/consultations/%s"' % aid in anon.get("/feeds/activities.atom").text}


before = seen()
t.ok(before["home"] and before["list"] and before["feed"],
     "a listed open public consultation is on the home page, the list and the feed", before)
t.eq(sql1("SELECT unlisted FROM activities WHERE id=%s" % aid), "0", "activities are listed by default")
sql("UPDATE activities SET unlisted=1 WHERE id=%s" % aid)
after = seen()
for k in ("home", "list", "search", "feed"):
    t.ok(not after[k], "unlisted, it is not on the " + k)
r = anon.get("/consultations/%s" % aid)
t.ok(r.status == 200 and title in r.text, "its page still answers anonymous visitors by id", r)
sql("UPDATE activities SET unlisted=0 WHERE id=%s" % aid)
t.ok(seen()["home"], "(listed again)")
t.done()
