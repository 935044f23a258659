"""Issue 11, the demo data: a consultation with published results (a
position on every published comment, a campaign group answered once, a
final document with articles changed, added and removed) and one in
analysis whose report is overdue."""
import re
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, sql, sql1, tick

t = Tap()
tick()
pub = sql1("SELECT id FROM activities WHERE title_en='Policy on reducing plastic bags'")
t.eq(sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s AND status='published' AND entity_position IS NULL" % pub),
     "0", "a position on every published comment")
groups = sql("SELECT group_id, COUNT(*) FROM comments WHERE activity_id=%s AND status='published' GROUP BY group_id "
             "HAVING COUNT(*) > 1" % pub)
t.eq([g[1] for g in groups], ["3"], "one campaign group of three comments, found by their fingerprints")
r = Client().get("/consultations/%s/results" % pub)
t.eq(r.status, 200, "its results page")
t.ok(re.search(r'class="group-size">3<', r.text) is not None, "shows the group once with its size")
t.eq(re.findall(r'<section class="final-article status-(\w+)"', r.text),
     ["unchanged", "changed", "changed", "removed", "added"], "and its final document")
t.ok(re.search(r'id="n-published">(\d+)<', r.text).group(1) ==
     sql1("SELECT COUNT(*) FROM comments WHERE activity_id=%s AND status='published'" % pub),
     "its statistics are computed from the comments")
late = sql1("SELECT id FROM activities WHERE title_en='Amman sidewalk and pedestrian path design guide'")
t.ok(int(sql1("SELECT report_days_late FROM activities WHERE id=%s" % late)) > 0, "the other one's report is overdue")
t.ok('class="overdue"' in Client().get("/consultations/%s" % late).text, "which its page says")
t.done()
