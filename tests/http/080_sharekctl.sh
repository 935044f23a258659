#!/bin/bash
# sharekctl for operators (issue 4): user create / deactivate /
# reset-password and admin create, checked through the portal.
set -u
n=0; failed=0
ok() { n=$((n+1)); if [ "$1" = 0 ]; then echo "ok $n - $2"; else echo "not ok $n - $2"; failed=1; fi; }
B=${SHAREK_BUILD:-build}
[[ $B = /* ]] || B=$SHAREK_ROOT/$B
CTL="$B/bin/sharekctl"
SQL="$SHAREK_SQL"
login() {	# email password prefix → HTTP status of the sign-in POST
	local jar tok
	jar=$(mktemp)
	tok=$(curl -s -c "$jar" "$SHAREK_URL$3/login" | grep -o 'name="csrf" value="[0-9a-f]*"' | head -1 | sed 's/.*value="//;s/"//')
	curl -s -b "$jar" -o /dev/null -w '%{http_code}' -H "Origin: $SHAREK_URL" \
	    --data-urlencode "csrf=$tok" --data-urlencode "email=$1" --data-urlencode "password=$2" "$SHAREK_URL$3/login"
	rm -f "$jar"
}

SHAREK_PASSWORD=violet-harbour-lantern-41 "$CTL" user create ops.sup@moh.example.org "مشرف تشغيل" supervisor moh >/dev/null 2>&1
ok $? "user create makes a supervisor of an entity"
[ "$($SQL -e "SELECT CONCAT(role, '|', e.slug) FROM users u JOIN entities e ON e.id=u.entity_id WHERE email='ops.sup@moh.example.org'")" = "supervisor|moh" ]
ok $? "with its role and entity"
[ "$(login ops.sup@moh.example.org violet-harbour-lantern-41 /staff)" = 303 ]
ok $? "who can sign in"
SHAREK_PASSWORD=violet-harbour-lantern-41 "$CTL" user create ops.sup@moh.example.org "x" supervisor moh >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "a second account with the same e-mail is refused"
SHAREK_PASSWORD=short "$CTL" user create short@example.org "x" citizen >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "a short password is refused"
SHAREK_PASSWORD=password123 "$CTL" user create weak@example.org "x" citizen >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "a guessable password is refused (zxcvbn)"
SHAREK_PASSWORD=ops.weak.sup@moh.example.org "$CTL" user create ops.weak.sup@moh.example.org "x" citizen >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "a password made of the e-mail address is refused"
"$CTL" user create x@example.org "x" admin moh </dev/null >/dev/null 2>&1
[ $? -ne 0 ]; ok $? "user create does not make ministry admins"
SHAREK_PASSWORD=quiet-meadow-copper-77 "$CTL" user reset-password ops.sup@moh.example.org >/dev/null 2>&1
ok $? "reset-password"
[ "$(login ops.sup@moh.example.org violet-harbour-lantern-41 /staff)" = 422 ]; ok $? "the old password stops working"
[ "$(login ops.sup@moh.example.org quiet-meadow-copper-77 /staff)" = 303 ]; ok $? "the new one works"
"$CTL" user deactivate ops.sup@moh.example.org >/dev/null 2>&1
ok $? "deactivate"
[ "$(login ops.sup@moh.example.org quiet-meadow-copper-77 /staff)" = 422 ]; ok $? "a deactivated account cannot sign in"
[ "$($SQL -e "SELECT COUNT(*) FROM users WHERE email='ops.sup@moh.example.org'")" = 1 ]; ok $? "its history is kept"
echo "amber-falcon-river-93" | "$CTL" admin create second.admin@example.org "مسؤول ثان" >/dev/null 2>&1
ok $? "admin create reads the password from standard input"
[ "$(login second.admin@example.org amber-falcon-river-93 /staff)" = 303 ]; ok $? "the new ministry admin signs in"
[ "$($SQL -e "SELECT COUNT(*) FROM audit_log WHERE action='user.create' AND role='operator'")" -ge 1 ]
ok $? "operator actions are in the audit log"
echo "1..$n"
exit $failed
