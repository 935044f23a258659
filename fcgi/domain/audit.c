/*
 * audit.c — see audit.h.
 */
#include <string.h>

#include "audit.h"
#include "db.h"
#include "log.h"
#include "sql_gen.h"

int
audit_record(struct db *db, const struct actor *a, const char *action,
    const char *object_type, unsigned long long object_id,
    const char *summary)
{
	char	 sum[1001];
	size_t	 n;

	/* Truncate on a UTF-8 boundary to the column's 1000 characters'
	 * worth of bytes; summaries are short by design. */
	n = strlen(summary ? summary : "");
	if (n > 1000) {
		n = 1000;
		while (n > 0 && ((unsigned char)summary[n] & 0xc0) == 0x80)
			n--;
	}
	memcpy(sum, summary ? summary : "", n);
	sum[n] = '\0';
	if (db_exec(db, SQL_AUDIT_INSERT, DB_ARGS(DB_U(user, a->user_id),
	    DB_S(role, a->role ? a->role : "system"),
	    DB_U(entity, a->entity_id), DB_S(action, action),
	    DB_S(object_type, object_type), DB_U(object_id, object_id),
	    DB_S(summary, sum), DB_S(ip, a->ip ? a->ip : ""))) != 1) {
		log_warnx("%s: %s on %s %llu not recorded", __func__, action,
		    object_type, object_id);
		return -1;
	}
	return 0;
}
