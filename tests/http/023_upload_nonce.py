"""A double-submitted upload stores once (issue 9, what was left): the
staff activity page's two upload forms — the document and a supporting
document — carry the form's one-time nonce like every other form, and
the second submit of the same form (a double click, a reload after a
slow upload) answers with the first one's page without a second upload
row, attachment or audit row."""
import sys
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
import os
from sharek import Client, Tap, sql, sql1, VAR

t = Tap()
PDF = b"%PDF-1.4\n1 0 obj<<>>endobj\ntrailer<<>>\n%%EOF\n"

moh = sql1("SELECT id FROM entities WHERE slug='moh'")
sup_id = sql1("SELECT id FROM users WHERE email='supervisor@moh.sharek.test'")
sql("INSERT INTO activities (kind, entity_id, author_id, audience, state, title_ar, title_en, "
    "created_at, updated_at) VALUES ('consultation', %s, %s, 'public', 'draft', "
    "'مسودة اختبار الرفع 023', 'Test 023 upload', UTC_TIMESTAMP(), UTC_TIMESTAMP())"
    % (moh, sup_id))
act = sql1("SELECT MAX(id) FROM activities WHERE title_ar='مسودة اختبار الرفع 023'")
page = "/staff/activities/%s" % act

sup = Client()
t.eq(sup.login("supervisor@moh.sharek.test", prefix="/staff").status, 303,
     "the supervisor signs in")


def count(q):
    return int(sql1(q))


def files():
    return len(os.listdir(os.path.join(VAR, "uploads")))


def uploads():
    return count("SELECT COUNT(*) FROM uploads WHERE uploaded_by=%s" % sup_id)


for action, fields, what, rows in (
        (page + "/document", {}, "the document",
         "SELECT COUNT(*) FROM audit_log WHERE action='activity.document' AND object_id=%s" % act),
        (page + "/attachments", {"title_ar": "مرفق الاختبار", "title_en": "Test attachment"},
         "a supporting document",
         "SELECT COUNT(*) FROM attachments WHERE activity_id=%s" % act)):
    _, hidden = sup.form(page, action)
    t.ok(len(hidden.get("nonce", "")) == 32, what + ": its form carries a nonce")
    data = dict(hidden)
    data.update(fields)
    before_up, before_rows, before_files = uploads(), count(rows), files()
    first = sup.post_multipart(action, data, {"file": ("a.pdf", PDF, "application/pdf")})
    t.eq(first.status, 303, what + ": the first submit is stored (303)")
    again = sup.post_multipart(action, data, {"file": ("a.pdf", PDF, "application/pdf")})
    t.eq(again.status, 303, what + ": the same form again answers 303")
    t.eq(again.header("Location"), first.header("Location"),
         what + ": to the same page as the first")
    t.eq(uploads() - before_up, 1, what + ": one upload row, not two")
    t.eq(count(rows) - before_rows, 1, what + ": stored once")
    t.eq(files() - before_files, 1, what + ": the second file is not left on disk")
    # A fresh form is a new upload.
    _, hidden2 = sup.form(page, action)
    t.ok(hidden2.get("nonce") and hidden2["nonce"] != hidden["nonce"],
         what + ": the page draws a fresh nonce")
    data2 = dict(hidden2)
    data2.update(fields)
    r = sup.post_multipart(action, data2, {"file": ("b.pdf", PDF, "application/pdf")})
    t.eq((r.status, uploads() - before_up), (303, 2), what + ": a new form uploads again")

t.done()
