#!/usr/bin/python3
"""check-binds must refuse what would bind a wrong value: a swapped pair
of same-typed values, a missing, unknown, repeated or mistyped name, a
positional bind of a named statement — and accept the correct call.  Each
case is a tiny tree (one .sql, one .c) run through scripts/check-binds.
Prints TAP."""
import os
import subprocess
import sys
import tempfile

ROOT = os.path.dirname(os.path.dirname(os.path.dirname(os.path.abspath(__file__))))
SQL = """-- name: pick
-- param: kind s, state s, entity u, before i
SELECT a.id, a.title_ar FROM activities a
 WHERE (:kind IS NULL OR a.kind = :kind) AND a.state = :state
   AND a.entity_id = :entity AND a.id < :before;
"""
GOOD = "DB_S(kind, kind), DB_S(state, state), DB_U(entity, eid), DB_I(before, last)"
CASES = [
    ("the correct call", GOOD, True),
    ("the same binds in another order", "DB_U(entity, eid), DB_I(before, last), DB_S(state, state), DB_S(kind, kind)", True),
    ("a swapped pair of same-typed values", "DB_S(kind, state), DB_S(state, kind), DB_U(entity, eid), DB_I(before, last)", False),
    ("a swapped pair read from fields", "DB_S(kind, f->state), DB_S(state, f->kind), DB_U(entity, eid), DB_I(before, last)", False),
    ("a missing parameter", "DB_S(kind, kind), DB_S(state, state), DB_U(entity, eid)", False),
    ("an unknown parameter", GOOD + ", DB_I(after, last)", False),
    ("a parameter bound twice", GOOD + ", DB_S(kind, kind)", False),
    ("a mistyped parameter", "DB_S(kind, kind), DB_S(state, state), DB_I(entity, eid), DB_I(before, last)", False),
    ("SQL NULL for any type", "DB_NULL(kind), DB_S(state, state), DB_U(entity, eid), DB_I(before, last)", True),
]
n = failed = 0


def run(args_c):
    with tempfile.TemporaryDirectory() as d:
        os.makedirs(d + "/sql/queries")
        os.makedirs(d + "/fcgi/x")
        open(d + "/sql/queries/x.sql", "w").write(SQL)
        open(d + "/fcgi/x/page.c", "w").write(
            "void f(void) {\n\tres = db_query(r->db, r->a, SQL_PICK,\n\t    %s);\n}\n" % args_c)
        p = subprocess.run(["/usr/bin/python3", ROOT + "/scripts/check-binds", d],
                           capture_output=True, text=True)
        return p.returncode == 0, p.stdout


for name, binds, want in CASES:
    ok, out = run("DB_ARGS(%s)" % binds)
    n += 1
    good = ok == want
    failed += not good
    print("%sok %d - check-binds %s %s" % ("" if good else "not ", n,
          "accepts" if want else "refuses", name))
    if not good:
        sys.stdout.write("".join("# " + l + "\n" for l in out.splitlines()))
# A positional format string (the old way) is refused.
ok, out = run('"ssui", kind, state, eid, last')
n += 1
failed += ok
print("%sok %d - check-binds refuses a positional bind of a named statement" % ("not " if ok else "", n))
print("1..%d" % n)
sys.exit(1 if failed else 0)
