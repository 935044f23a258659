#!/usr/bin/python3
"""probe.py — one visitor's view during scripts/bench-parts/17-overload.sh:
GETs URL one request after another (a new connection each, as a new
visitor) for SECONDS, or COUNT requests, and prints one line:

    answered N admitted A refused R other O p50 MS p99 MS max MS

where admitted are the 200s and the percentiles are of the admitted
requests' whole time (connect to last byte), refused the 503s.

    probe.py URL seconds 5        probe.py URL count 20
"""
import http.client
import sys
import time
import urllib.parse

url, mode, amount = sys.argv[1], sys.argv[2], float(sys.argv[3])
u = urllib.parse.urlsplit(url)
path = u.path or "/"
times, refused, other = [], 0, 0
end = time.monotonic() + amount if mode == "seconds" else None
n = 0
while (end is not None and time.monotonic() < end) or (end is None and n < amount):
    n += 1
    start = time.monotonic()
    try:
        c = http.client.HTTPConnection(u.hostname, u.port, timeout=10)
        c.request("GET", path, headers={"User-Agent": "sharek-bench-probe"})
        r = c.getresponse()
        r.read()
        c.close()
        took = (time.monotonic() - start) * 1000
        if r.status == 200:
            times.append(took)
        elif r.status == 503:
            refused += 1
        else:
            other += 1
    except OSError:
        other += 1


def pct(p):
    if not times:
        return 0.0
    s = sorted(times)
    return s[min(len(s) - 1, int(round(p / 100 * (len(s) - 1))))]


print("answered %d admitted %d refused %d other %d p50 %.1f p99 %.1f max %.1f"
      % (n, len(times), refused, other, pct(50), pct(99), max(times) if times else 0.0))
