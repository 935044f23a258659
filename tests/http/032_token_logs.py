"""No log keeps a link's token (issue 9, what was left of item 15): the
access log already writes /verify and /reset without their query
string, but nginx's error log quotes the whole request line of any
request it logs an error for — a link opened while its request fails
(an upstream that is down or slow, a body refused…) put the one-time
token of a password reset, a staff invitation or an address
verification in var/log/nginx-error.log.  Here such failures are caused
on purpose (a request announcing a body larger than nginx accepts:
nginx refuses it with 413 and logs an error with the request line) on
both link paths and on an ordinary page; the ordinary page's error is
logged (the error log still works), and no file under var/log holds
either token, while the link itself still works."""
import hashlib
import os
import re
import secrets
import sys
import time
import urllib.parse
sys.path.insert(0, __file__.rsplit("/", 1)[0] + "/lib")
from sharek import Client, Tap, raw, sql, sql1, URL, VAR

t = Tap()
LOG = os.path.join(VAR, "log")
u = urllib.parse.urlparse(URL)


def too_large(path):
    """A GET announcing a 1 GB body it never sends: nginx answers 413
    at once and logs "client intended to send too large body"."""
    answer = raw(("GET %s HTTP/1.1\r\nHost: %s\r\nContent-Length: 1000000000\r\n"
                  "Connection: close\r\n\r\n" % (path, u.netloc)).encode(), half_close=True)
    m = re.match(rb"HTTP/1\.1 (\d+)", answer)
    return int(m.group(1)) if m else 0


def logs_with(needle):
    found = []
    for name in sorted(os.listdir(LOG)):
        p = os.path.join(LOG, name)
        if os.path.isfile(p):
            with open(p, "rb") as f:
                if needle.encode() in f.read():
                    found.append(name)
    return found


# A live reset link of the demo citizen (stored as the programs store
# it: BLAKE2b-256 of the token).
uid = sql1("SELECT id FROM users WHERE email='citizen@sharek.test'")
reset_tok = secrets.token_urlsafe(32)
sql("INSERT INTO tokens (token_hash, user_id, purpose, created_at, expires_at) VALUES "
    "(UNHEX('%s'), %s, 'reset_password', UTC_TIMESTAMP(), UTC_TIMESTAMP() + INTERVAL 1 HOUR)"
    % (hashlib.blake2b(reset_tok.encode(), digest_size=32).hexdigest(), uid))
verify_tok = secrets.token_urlsafe(32)
control = "control" + secrets.token_hex(8)

t.eq(too_large("/reset?t=" + reset_tok), 413, "a reset link whose request fails (413)")
t.eq(too_large("/verify?t=" + verify_tok), 413, "a verification link whose request fails (413)")
t.eq(too_large("/reset?lang=en&t=" + reset_tok), 413, "the token after another parameter (413)")
t.eq(too_large("/consultations?q=" + control), 413, "an ordinary page's request fails the same way")

c = Client(lang="en")
r = c.get("/reset?t=" + reset_tok)
t.eq((r.status, r.header("Location")), (303, "/reset"), "the reset link still works")
t.eq(c.get("/reset").status, 200, "and its form opens")

time.sleep(0.5)
t.ok("nginx-error.log" in logs_with(control),
     "nginx's error log still records a failed request of an ordinary page")
t.eq(logs_with(reset_tok), [], "no log holds the reset link's token")
t.eq(logs_with(verify_tok), [], "no log holds the verification link's token")
t.ok(os.path.getsize(os.path.join(LOG, "nginx-access.log")) > 0, "(the access log is written)")

sql("DELETE FROM tokens WHERE token_hash=UNHEX('%s')"
    % hashlib.blake2b(reset_tok.encode(), digest_size=32).hexdigest())
t.done()
