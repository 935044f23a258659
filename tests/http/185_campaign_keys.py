"""A campaign's band keys stop growing (issue 17, migration 0037): a
comment's campaign group is decided by the 8 oldest earlier comments that
share one of its 20 band keys, so a key keeps only its first 9 entries
(ANALYSIS_KEY_KEEP), and a comment of a campaign whose keys are taken
writes none of them.  Citizens post variants of one template (a word
changed in each): every one still joins the group of the first, also
after its keys are full; no key holds more than 9 entries; an exact copy
joins by its normalised text; and the reindex (sharekctl reindex) builds
the same groups under the same cap."""
import os
import subprocess
import sys
import time
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Tap, post_comment, session_citizens, sql, sql1

t = Tap()
RUN = int(time.time() * 1000)
KEEP = 9
N = 14

ent = sql1("SELECT id FROM entities WHERE slug='moh'")
author = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
title = "Campaign keys %d" % RUN
sql("INSERT INTO activities (kind, entity_id, author_id, audience, unlisted, state, title_ar, title_en, "
    "summary_ar, summary_en, objectives_ar, objectives_en, publish_at, closes_at, original_closes_at, "
    "results_due_at, final_publication_at, created_at, updated_at) VALUES ('consultation', %s, %s, "
    "'public', 1, 'open', 'مفاتيح الحملة %d', '%s', 'ملخص', 'Summary', 'هدف', 'Aim', "
    "UTC_TIMESTAMP() - INTERVAL 1 DAY, UTC_TIMESTAMP() + INTERVAL 10 DAY, UTC_TIMESTAMP() + INTERVAL 10 DAY, "
    "UTC_TIMESTAMP() + INTERVAL 30 DAY, UTC_TIMESTAMP() + INTERVAL 40 DAY, UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (ent, author, RUN, title))
act = sql1("SELECT id FROM activities WHERE title_en='%s'" % title)
page = "/consultations/%s" % act
people = session_citizens("keys.%d" % RUN, N + 2)

template = ("We ask the ministry to extend the ninety day period to one hundred and eighty days for the "
            "small clinics in the governorates because equipping them takes longer and costs far more "
            "than the large hospitals of the capital and the big cities")
words = template.split()
ids = []
for i in range(N):
    w = list(words)
    if i > 0:
        w[i] = "variant%d" % i          # one word changed, a different one each time
    st, loc, _ = post_comment(people[i][1], page, " ".join(w))
    t.ok(st == 303 and "posted=1" in loc, "variant %d of the template is taken" % i, (st, loc))
    ids.append(sql1("SELECT MAX(id) FROM comments WHERE activity_id=%s" % act))


def groups():
    return {r[0]: (r[1], r[2]) for r in
            sql("SELECT id, group_id, IFNULL(group_kind, '') FROM comments WHERE activity_id=%s" % act)}


def per_key():
    """The most entries any key of the activity holds, and the keys at the cap."""
    r = sql("SELECT MAX(n), SUM(n = %d) FROM (SELECT COUNT(*) AS n FROM comment_bands "
            "WHERE activity_id=%s GROUP BY band, hash) k" % (KEEP, act))[0]
    return int(r[0]), int(r[1])


def entries(cid):
    return int(sql1("SELECT COUNT(*) FROM comment_bands WHERE comment_id=%s" % cid))


g = groups()
t.eq(g[ids[0]][0], ids[0], "the first comment starts its own group")
t.eq([g[c] for c in ids[1:]], [(ids[0], "near")] * (N - 1),
     "every variant joins the first one's group (near), also those after its keys were full")
most, full = per_key()
t.eq(most, KEEP, "no band key holds more than %d entries (the ones a group can be decided by)" % KEEP)
t.ok(full >= 5, "the keys the variants share are full (%d of them)" % full)
t.eq(entries(ids[0]), 20, "the first comment's 20 keys are stored")
t.ok(entries(ids[-1]) < 20 - 5, "the last variant stores only its keys that are not full (%d)" % entries(ids[-1]))
# An exact copy (the same words, other spaces and case) joins by its text.
st, loc, _ = post_comment(people[N][1], page, "  " + template.upper() + "  ")
t.ok(st == 303 and "posted=1" in loc, "an exact copy is taken", (st, loc))
copy = sql1("SELECT MAX(id) FROM comments WHERE activity_id=%s" % act)
t.eq(groups()[copy], (ids[0], "exact"), "and joins the group as the same text (exact)")
t.ok(entries(copy) < 20, "it stores only the keys that are not full (%d)" % entries(copy))
# A comment of its own is its own group with its 20 keys.
st, _, _ = post_comment(people[N + 1][1], page,
                        "Mobile clinics need a separate licence category with lighter inspection rules.")
own = sql1("SELECT MAX(id) FROM comments WHERE activity_id=%s" % act)
t.ok(st == 303 and groups()[own][0] == own, "an unrelated comment is a group of its own")
t.eq(entries(own), 20, "with its 20 keys")

# The reindex fingerprints the same comments again, oldest first, under the cap.
before = groups()
sql("DELETE FROM comment_bands WHERE activity_id=%s" % act)
sql("UPDATE comments SET norm_hash = NULL, minhash = NULL, group_id = NULL, group_kind = NULL "
    "WHERE activity_id=%s" % act)
root = os.environ.get("SHAREK_ROOT", ".")
build = os.environ.get("SHAREK_BUILD", "build")
r = subprocess.run([os.path.join(root, build, "bin/sharekctl"), "reindex"], capture_output=True, text=True)
t.ok(r.returncode == 0, "sharekctl reindex runs", r.stderr)
t.eq(groups(), before, "and puts every comment in the same group as when it was posted")
t.eq(per_key()[0], KEEP, "with no key over %d entries" % KEEP)

sql("DELETE FROM comments WHERE activity_id=%s" % act)
sql("DELETE FROM activities WHERE id=%s" % act)
sql("DELETE FROM sessions WHERE user_id IN (%s)" % ",".join(uid for uid, _ in people))
sys.exit(t.done())
