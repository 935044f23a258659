"""Fault test 4 (issue 18): the upload disk is full.  A small tmpfs is
mounted on the stack's var/uploads and filled; under a write load, a
citizen sends a request with an image: the form comes back (422) in
Arabic with a clear message at the file field and everything typed
kept, nothing is stored and no part of the file remains; the other
writes go on; once there is room again the same form is taken with its
file.  Every acknowledged write is stored."""
import os
import re
import subprocess
import sys
sys.path.insert(0, os.path.join(os.path.dirname(os.path.abspath(__file__)), "lib"))
import load  # noqa: E402
from sharek import VAR, Client, Tap, hidden_fields, sql1  # noqa: E402

t = Tap()
UP = os.path.join(VAR, "uploads")
PNG = b"\x89PNG\r\n\x1a\n" + os.urandom(200 * 1024)
REF = re.compile(r"SH-[0-9A-HJKMNP-TV-Z]{5}-[0-9A-HJKMNP-TV-Z]{5}")
MSG = "تعذّر حفظ الملف: لا تتوفر له مساحة على الخادم الآن."

mounted = subprocess.run(["mount", "-t", "tmpfs", "-o", "size=512k,mode=0755", "tmpfs", UP],
                         capture_output=True, text=True)
if not t.ok(mounted.returncode == 0, "a 512 KB tmpfs mounted on var/uploads", mounted.stderr):
    sys.exit(t.done())
try:
    ld = load.Load(users=8, threads=3).setup()
    ld.start()
    t.ok(ld.wait_acks(10, timeout=60), "the load is writing")
    # Fill it: the filler is cut where the disk ends.
    with open(os.path.join(UP, "filler"), "wb") as f:
        try:
            while True:
                f.write(b"\0" * 65536)
                f.flush()
        except OSError:
            pass
    st = os.statvfs(UP)
    t.ok(st.f_bavail * st.f_frsize < len(PNG), "the upload disk is full (%d bytes free)" % (st.f_bavail * st.f_frsize))

    cit = Client()
    t.eq(cit.login("load1@load.sharek.test", prefix="/complaints").status, 303, "a citizen signs in")
    body = "طلب مع صورة حين امتلأ القرص %s: الرصيف مكسور أمام المدرسة." % ld.tag
    page = cit.get("/complaints/new")
    fields = dict(hidden_fields(page.text, "/complaints/new"), type=ld.rtype, entity=ld.entity, axis=ld.axis,
                  subject="رصيف مكسور", body=body, location="إربد")
    r = cit.post_multipart("/complaints/new", fields, {"file1": ("photo.png", PNG, "image/png")})
    t.eq(r.status, 422, "the request with an image is refused while the disk is full")
    t.ok(MSG in r.text, "with the message in Arabic", r.text[:400])
    t.ok(re.search(r'id="e-file1"', r.text), "at the file field")
    t.ok(body in r.text and "رصيف مكسور" in r.text and "إربد" in r.text, "with the description, subject and location kept")
    t.eq(sorted(os.listdir(UP)), ["filler"], "no part of the file remains in var/uploads")
    t.eq(sql1("SELECT COUNT(*) FROM requests WHERE body = '%s'" % body), "0", "nothing was stored")
    t.ok(ld.wait_acks(10, timeout=60), "the other writes go on")
    t.eq(Client().get("/").status, 200, "the home page answers")

    os.unlink(os.path.join(UP, "filler"))
    page = cit.get("/complaints/new")
    fields.update(hidden_fields(page.text, "/complaints/new"))
    r = cit.post_multipart("/complaints/new", fields, {"file1": ("photo.png", PNG, "image/png")})
    t.eq(r.status, 303, "with room again, the same form is taken")
    m = REF.search(r.header("Location") or "")
    rid = sql1("SELECT id FROM requests WHERE ref_no = '%s'" % (m.group(0) if m else ""))
    t.eq(sql1("SELECT COUNT(*) FROM request_attachments WHERE request_id = %s" % (rid or 0)), "1", "with its image")
    t.eq([os.path.getsize(os.path.join(UP, n)) for n in os.listdir(UP)], [len(PNG)], "stored whole")
    ld.stop()
    s = ld.stats()
    t.ok(s["acknowledged"] >= 20, "writes were acknowledged (%d)" % s["acknowledged"])
    t.eq(s["lost"], 0, "no acknowledged write is lost")
finally:
    if subprocess.run(["umount", UP], capture_output=True).returncode != 0:
        subprocess.run(["umount", "-l", UP])
sys.exit(t.done())
