/*
 * page_open311.c — Open311 GeoReport v2 (issue 14), under /open311/v2/
 * (nginx sends /open311/ to this program), each in XML (.xml: text/xml,
 * a UTF-8 declaration, no namespace, written by libxml2's xmlTextWriter)
 * and JSON (.json: lists as root arrays, strings by buf_json).
 *
 * GET  discovery.{fmt}         changeset, contact, key_service and the
 *                              endpoint (specification, url, changeset,
 *                              type, formats).
 * GET  services.{fmt}          one service per request type × axis:
 *                              service_code "<type>-<axis>" (e.g.
 *                              complaint-procedures), metadata true,
 *                              type realtime, keywords, group (the type);
 *                              and one per type alone ("inquiry"), the
 *                              code of its requests not yet classified
 *                              by axis, which requests.json shows and
 *                              ?service_code= lists (a POST needs an
 *                              axis's code: 400).
 * GET  services/{code}.{fmt}   the service definition: the attribute
 *                              entity (singlevaluelist of the entities,
 *                              required but for requests about the
 *                              portal) and subject (string).  404 for an
 *                              unknown code.
 * GET  requests.{fmt}          o311_list_params: service_request_id
 *                              (comma-separated, overrides the rest),
 *                              service_code, status (open, closed),
 *                              start_date, end_date (W3C; at most 90
 *                              days; by default the last 90) → at most
 *                              1000 requests, newest first.
 * GET  requests/{id}.{fmt}     one request; 404 when there is none.
 * GET  tokens/{id}.{fmt}       always 404 (the spec's error list): intake
 *                              is synchronous, POST answers with the
 *                              service_request_id itself.
 * POST requests.{fmt}          o311_post_params: api_key (403 missing or
 *                              not valid), service_code (404 unknown),
 *                              attribute[entity], attribute[subject],
 *                              description (1–4,000 characters), a
 *                              location (lat and long, or address_string:
 *                              400 without), email, first_name,
 *                              last_name, phone → [{service_request_id,
 *                              service_notice, account_id}].  Filed by
 *                              complaints_submit_tx, the code of
 *                              /complaints/new, in the key's
 *                              organisation's channel; the requester's
 *                              data sealed as the form's.  At most
 *                              [limits] open311_posts_per_key an hour per
 *                              key (default O311_POSTS_PER_HOUR): over
 *                              it 429 with Retry-After and the spec's
 *                              error list, nothing filed.
 * The program's own prefix answers the same routes too (nginx sends
 * only /open311/ and /complaints/ here):
 * GET  /complaints/open311/v2/discovery.xml
 * GET  /complaints/open311/v2/discovery.json
 * GET  /complaints/open311/v2/services.xml
 * GET  /complaints/open311/v2/services.json
 * GET  /complaints/open311/v2/services/{code:slug}.xml
 * GET  /complaints/open311/v2/services/{code:slug}.json
 * GET  /complaints/open311/v2/requests.xml
 * GET  /complaints/open311/v2/requests.json
 * GET  /complaints/open311/v2/requests/{id:ref}.xml
 * GET  /complaints/open311/v2/requests/{id:ref}.json
 * GET  /complaints/open311/v2/tokens/{id:ref}.xml
 * GET  /complaints/open311/v2/tokens/{id:ref}.json
 * POST /complaints/open311/v2/requests.xml
 * POST /complaints/open311/v2/requests.json
 * Errors are the spec's list of {code, description}: 404 unknown service
 * code or request, 403 api_key, 400 anything else.
 *
 * service_request_id is the reference number in lower case; reference
 * numbers are read whatever their case, in a path too ({id:ref}: a
 * client may copy the SH-… a person saw).  status is open or closed, the detailed state in status_notes;
 * expected_datetime the reply due date; agency_responsible the entity's
 * name; times W3C with the deployment's zone.  No answer ever has a
 * requester's name, contact or location; confidential requests and
 * anonymous reports are never listed.  The attribute[…] names hold
 * brackets, which declared parameters cannot: they are read from the
 * body by o311_attr.
 */
#include <ctype.h>
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <libxml/xmlwriter.h>
#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "complaints.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "outbox.h"
#include "present.h"
#include "request.h"
#include "sql_gen.h"
#include "urlenc.h"

#define O311_SPEC	"http://wiki.open311.org/GeoReport_v2"
#define O311_CHANGESET	"2026-12-01T00:00:00Z"
#define O311_MAX_DAYS	90
#define O311_MAX_LIST	1000
#define O311_MAX_IDS	50
/* A type alone as a service: what it lists, and why a POST needs an
 * axis's service (the matrix's limit is per priority × axis). */
#define O311_UNCLASSIFIED	N_("{1} not yet classified by what it is " \
	"about: the entity's desk classifies it.  To send one, choose the " \
	"service of what it is about.")
#define O311_NEEDS_AXIS	N_("This service_code lists requests not yet " \
	"classified: send a request with the service_code of what it is " \
	"about (see services).")
/* POSTs one API key may make in an hour: [limits] open311_posts_per_key. */
#define O311_POSTS_PER_HOUR	120

static int
o311_valid_coord(const char *s, size_t len)
{
	char	*e;
	double	 v;

	v = strtod(s, &e);
	return e == s + len && v >= -180 && v <= 180 ? 0 : -1;
}

/* The list's status filter (GeoReport v2: open or closed). */
static const char *const o311_status_names[] = { "open", "closed", NULL };

const struct param o311_list_params[O3L__MAX] = {
	[O3L_IDS] = { .name = "service_request_id", .type = PT_STR,
	    .max = 2000 },
	[O3L_CODE] = { .name = "service_code", .type = PT_STR, .max = 80 },
	[O3L_STATUS] = { .name = "status", .type = PT_ENUM,
	    .choices = o311_status_names },
	[O3L_START] = { .name = "start_date", .type = PT_STR, .max = 40 },
	[O3L_END] = { .name = "end_date", .type = PT_STR, .max = 40 },
	[O3L_JURISDICTION] = { .name = "jurisdiction_id", .type = PT_STR,
	    .max = 100 },
};

/* The request's fields keep the form's keys (new_key), so
 * complaints_submit_tx reads them as it reads the form's. */
const struct param o311_post_params[O3P__MAX] = {
	[NEW_TYPE] = { .name = "service_code", .type = PT_STR, .flags = P_REQ,
	    .max = 80, .label = N_("service_code") },
	[NEW_ENTITY] = { .name = "entity", .type = PT_INT, .min = 1,
	    .max = 1LL << 62, .label = N_("attribute[entity]") },
	[NEW_AXIS] = { .name = "axis", .type = PT_INT, .min = 1,
	    .max = 1000, .label = N_("service_code") },
	[NEW_SUBJECT] = { .name = "subject", .type = PT_STR, .flags = P_NAME,
	    .max = 300 },
	[NEW_BODY] = { .name = "description", .type = PT_TEXT, .flags = P_REQ,
	    .min = 1, .max = 4000, .label = N_("description") },
	[NEW_LOCATION] = { .name = "address_string", .type = PT_STR,
	    .max = 300 },
	[NEW_FILE1] = { .name = "media_url", .type = PT_STR, .max = 1000 },
	[NEW_FILE2] = { .name = "device_id", .type = PT_STR, .max = 200 },
	[O3P_KEY] = { .name = "api_key", .type = PT_STR, .max = 200,
	    .flags = P_SECRET },
	[O3P_LAT] = { .name = "lat", .type = PT_STR, .max = 30,
	    .valid = o311_valid_coord, .label = N_("lat") },
	[O3P_LONG] = { .name = "long", .type = PT_STR, .max = 30,
	    .valid = o311_valid_coord, .label = N_("long") },
	[O3P_EMAIL] = { .name = "email", .type = PT_EMAIL },
	[O3P_FIRST] = { .name = "first_name", .type = PT_STR, .max = 100 },
	[O3P_LAST] = { .name = "last_name", .type = PT_STR, .max = 100 },
	[O3P_PHONE] = { .name = "phone", .type = PT_STR, .max = 40 },
	[O3P_ACCOUNT] = { .name = "account_id", .type = PT_STR, .max = 100 },
	[O3P_JURISDICTION] = { .name = "jurisdiction_id", .type = PT_STR,
	    .max = 100 },
};

/* ---- one writer for both formats ------------------------------------ */

#define O311_DEPTH	8

struct o311 {
	struct req	*r;
	int		 json;
	xmlTextWriterPtr w;
	xmlBufferPtr	 xb;
	struct buf	 b;
	int		 first[O311_DEPTH];	/* JSON: nothing written yet */
	int		 inarr[O311_DEPTH];	/* JSON: an array, not an object */
	int		 depth;
};

/* The format of the path: 1 JSON, 0 XML. */
static int
o311_json(const struct req *r)
{
	size_t	 n = strlen(r->path);

	return n > 5 && strcmp(r->path + n - 5, ".json") == 0;
}

static int
o311_begin(struct req *r, struct o311 *o)
{
	memset(o, 0, sizeof(*o));
	o->r = r;
	o->json = o311_json(r);
	o->first[0] = 1;
	buf_init(&o->b, r->a);
	if (o->json)
		return 0;
	if ((o->xb = xmlBufferCreate()) == NULL ||
	    (o->w = xmlNewTextWriterMemory(o->xb, 0)) == NULL)
		return -1;
	xmlTextWriterSetIndent(o->w, 1);
	return xmlTextWriterStartDocument(o->w, "1.0", "UTF-8", NULL) < 0 ?
	    -1 : 0;
}

static void
o311_key(struct o311 *o, const char *key)
{
	if (!o->first[o->depth])
		buf_addc(&o->b, ',');
	o->first[o->depth] = 0;
	if (key != NULL && !o->inarr[o->depth]) {
		buf_json(&o->b, key, strlen(key));	/* quoted */
		buf_addc(&o->b, ':');
	}
}

/* Starts an array (JSON) or element name (XML) holding items. */
static void
o311_open(struct o311 *o, const char *key, const char *xml, int arr)
{
	if (o->json) {
		o311_key(o, key);
		buf_addc(&o->b, arr ? '[' : '{');
		if (o->depth + 1 < O311_DEPTH)
			o->depth++;
		o->first[o->depth] = 1;
		o->inarr[o->depth] = arr;
	} else
		xmlTextWriterStartElement(o->w, BAD_CAST xml);
}

static void
o311_close(struct o311 *o)
{
	if (o->json) {
		buf_addc(&o->b, o->inarr[o->depth] ? ']' : '}');
		if (o->depth > 0)
			o->depth--;
	} else
		xmlTextWriterEndElement(o->w);
}

/* A string field (NULL: JSON null, XML an empty element). */
static void
o311_str(struct o311 *o, const char *key, const char *v)
{
	if (o->json) {
		o311_key(o, key);
		if (v == NULL)
			buf_adds(&o->b, "null");
		else
			buf_json(&o->b, v, strlen(v));
	} else {
		xmlTextWriterStartElement(o->w, BAD_CAST key);
		if (v != NULL)
			xmlTextWriterWriteString(o->w, BAD_CAST v);
		xmlTextWriterEndElement(o->w);
	}
}

/* A number or boolean, unquoted in JSON. */
static void
o311_raw(struct o311 *o, const char *key, const char *v)
{
	if (o->json) {
		o311_key(o, key);
		buf_adds(&o->b, v);
	} else
		o311_str(o, key, v);
}

/* Sends what was written with status. */
static int
o311_end(struct o311 *o, int status)
{
	struct req	*r = o->r;

	if (o->json) {
		r->ctype_out = "application/json; charset=utf-8";
		buf_addc(&o->b, '\n');
		http_write(r, o->b.data, o->b.len);
	} else {
		xmlTextWriterEndDocument(o->w);
		xmlTextWriterFlush(o->w);
		r->ctype_out = "text/xml; charset=utf-8";
		http_write(r, xmlBufferContent(o->xb),
		    (size_t)xmlBufferLength(o->xb));
		xmlFreeTextWriter(o->w);
		xmlBufferFree(o->xb);
	}
	http_nostore(r);
	return status;
}

/* The spec's error list: [{code, description}, …]. */
static int
o311_errors(struct req *r, int status, const char *const *msg, int n)
{
	struct o311	 o;
	char		 code[8];
	int		 i;

	if (o311_begin(r, &o) == -1)
		return 500;
	snprintf(code, sizeof(code), "%d", status);
	o311_open(&o, NULL, "errors", 1);
	for (i = 0; i < n; i++) {
		o311_open(&o, NULL, "error", 0);
		o311_raw(&o, "code", code);
		o311_str(&o, "description", msg[i]);
		o311_close(&o);
	}
	o311_close(&o);
	return o311_end(&o, status);
}

static int
o311_error(struct req *r, int status, const char *msgid)
{
	const char	*m = tr(r, msgid);

	return o311_errors(r, status, &m, 1);
}

int
o311_api_error(struct req *r, int status, const char *message)
{
	return o311_errors(r, status, &message, 1);
}

/* Every field's message, "name: message", and for a list of values
 * the values: "status: Choose one of the options. (open, closed)". */
static int
o311_invalid(struct req *r)
{
	const struct param *p;
	const char	**msg;
	int		  i, k, n = 0;

	msg = arena_alloc(r->a, sizeof(*msg) * (size_t)(r->route->nparams + 1));
	for (i = 0; i < r->route->nparams; i++) {
		if (r->pv[i].err == NULL)
			continue;
		p = &r->route->params[i];
		msg[n] = arena_printf(r->a, "%s: %s", p->name, r->pv[i].err);
		for (k = 0; p->type == PT_ENUM && p->choices != NULL &&
		    p->choices[k] != NULL; k++)
			msg[n] = arena_printf(r->a, "%s%s%s", msg[n],
			    k == 0 ? " (" : ", ", p->choices[k]);
		if (k > 0)
			msg[n] = arena_printf(r->a, "%s)", msg[n]);
		n++;
	}
	if (n == 0)
		msg[n++] = tr(r, "The request is not valid.");
	return o311_errors(r, 400, msg, n);
}

/* ---- times ----------------------------------------------------------- */

/* A stored UTC time as W3C with the deployment's zone. */
static const char *
o311_time(struct req *r, const char *sql)
{
	struct tm	 tm;
	time_t		 t;
	long		 off = i18n_tz();
	char		 s[32];

	if (sql == NULL || (t = db_parse_time(sql)) == 0)
		return NULL;
	t += off;
	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%S", &tm);
	return arena_printf(r->a, "%s%c%02ld:%02ld", s, off < 0 ? '-' : '+',
	    (off < 0 ? -off : off) / 3600, (off < 0 ? -off : off) % 3600 / 60);
}

/* A W3C date or date-time (YYYY-MM-DD, …THH:MM[:SS][.s][Z|±HH:MM]; no
 * zone: the deployment's) as UTC; -1 when it is not one. */
static time_t
o311_parse_time(const char *s)
{
	struct tm	 tm;
	const char	*e;
	long		 off = i18n_tz();
	int		 sign, hh, mm;

	memset(&tm, 0, sizeof(tm));
	if ((e = strptime(s, "%Y-%m-%d", &tm)) == NULL || e != s + 10)
		return -1;
	if (*e == 'T') {
		if ((e = strptime(e + 1, "%H:%M", &tm)) == NULL)
			return -1;
		if (*e == ':' && (e = strptime(e + 1, "%S", &tm)) == NULL)
			return -1;
		if (*e == '.')
			for (e++; isdigit((unsigned char)*e); e++)
				;
		if (*e == 'Z') {
			off = 0;
			e++;
		} else if (*e == '+' || *e == '-') {
			sign = *e == '-' ? -1 : 1;
			if (sscanf(e + 1, "%2d:%2d", &hh, &mm) != 2 ||
			    strlen(e) != 6)
				return -1;
			off = sign * (hh * 3600L + mm * 60L);
			e += 6;
		}
	}
	if (*e != '\0')
		return -1;
	return timegm(&tm) - off;
}

static const char *
o311_sqltime(struct req *r, time_t t)
{
	struct tm	 tm;
	char		 s[24];

	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%d %H:%M:%S", &tm);
	return arena_strdup(r->a, s);
}

/* ---- services -------------------------------------------------------- */

/* A service: a type × axis, or a type alone (axis 0, axis_name NULL),
 * under which requests not yet classified by axis are listed — every
 * service_code a request shows is a service's (GeoReport v2), though a
 * POST must name an axis's. */
struct o311_svc {
	unsigned long long type, axis;
	const char	*code, *type_code, *type_name, *axis_name;
};

/* The services, each type alone before its axes; *n of them.  NULL on
 * error. */
static struct o311_svc *
o311_services(struct req *r, int *n)
{
	struct dbres	*res;
	struct o311_svc	*v;

	if ((res = db_query(r->db, r->a, SQL_OPEN311_SERVICES, DB_NOARGS)) ==
	    NULL)
		return NULL;
	v = arena_alloc(r->a, sizeof(*v) * (size_t)(2 * dbres_rows(res) + 1));
	*n = 0;
	while (dbres_next(res)) {
		struct o311_svc *s = &v[(*n)++];

		s->type = dbres_u(res, OPEN311_SERVICES_TYPE_ID);
		if (*n == 1 || v[*n - 2].type != s->type) {
			/* The type alone first (rows come by type). */
			s->axis = 0;
			s->type_code = dbres_str(res, OPEN311_SERVICES_TYPE_CODE);
			s->code = s->type_code;
			s->type_name = present_pick(r,
			    dbres_str(res, OPEN311_SERVICES_TYPE_AR),
			    dbres_str(res, OPEN311_SERVICES_TYPE_EN));
			s->axis_name = NULL;
			s = &v[(*n)++];
			s->type = v[*n - 2].type;
		}
		s->axis = dbres_u(res, OPEN311_SERVICES_AXIS_ID);
		s->type_code = dbres_str(res, OPEN311_SERVICES_TYPE_CODE);
		s->code = arena_printf(r->a, "%s-%s", s->type_code,
		    dbres_str(res, OPEN311_SERVICES_AXIS_CODE));
		s->type_name = present_pick(r,
		    dbres_str(res, OPEN311_SERVICES_TYPE_AR),
		    dbres_str(res, OPEN311_SERVICES_TYPE_EN));
		s->axis_name = present_pick(r,
		    dbres_str(res, OPEN311_SERVICES_AXIS_AR),
		    dbres_str(res, OPEN311_SERVICES_AXIS_EN));
	}
	return v;
}

static const struct o311_svc *
o311_find(const struct o311_svc *v, int n, const char *code)
{
	int	 i;

	for (i = 0; code != NULL && i < n; i++)
		if (strcmp(v[i].code, code) == 0)
			return &v[i];
	return NULL;
}

int
page_o311_discovery(struct req *r)
{
	struct o311	 o;
	const char	*base = http_base_url();

	if (o311_begin(r, &o) == -1)
		return 500;
	o311_open(&o, NULL, "discovery", 0);
	o311_str(&o, "changeset", O311_CHANGESET);
	o311_str(&o, "contact", tr(r, "Write to the ministry's complaints "
	    "system through the portal's contact page."));
	o311_str(&o, "key_service", tr(r, "API keys are issued by the "
	    "ministry's administrator to organisations (apps, call centres, "
	    "chatbots) on request.  Requests are created at once: the answer "
	    "to POST requests gives their service_request_id, never a token "
	    "(a token's address answers 404)."));
	o311_open(&o, "endpoints", "endpoints", 1);
	o311_open(&o, NULL, "endpoint", 0);
	o311_str(&o, "specification", O311_SPEC);
	o311_str(&o, "url", arena_printf(r->a, "%s/open311/v2", base));
	o311_str(&o, "changeset", O311_CHANGESET);
	o311_str(&o, "type", "production");
	o311_open(&o, "formats", "formats", 1);
	if (o.json) {
		o311_str(&o, NULL, "text/xml");
		o311_str(&o, NULL, "application/json");
	} else {
		o311_str(&o, "format", "text/xml");
		o311_str(&o, "format", "application/json");
	}
	o311_close(&o);
	o311_close(&o);
	o311_close(&o);
	o311_close(&o);
	return o311_end(&o, 200);
}

int
page_o311_services(struct req *r)
{
	struct o311	 o;
	struct o311_svc	*v;
	int		 n, i;

	if ((v = o311_services(r, &n)) == NULL || o311_begin(r, &o) == -1)
		return 500;
	o311_open(&o, NULL, "services", 1);
	for (i = 0; i < n; i++) {
		const char *axis = v[i].axis_name;

		o311_open(&o, NULL, "service", 0);
		o311_str(&o, "service_code", v[i].code);
		o311_str(&o, "service_name", axis == NULL ? v[i].type_name :
		    arena_printf(r->a, "%s — %s", v[i].type_name, axis));
		o311_str(&o, "description", axis == NULL ? i18n_subst(r->a,
		    tr(r, O311_UNCLASSIFIED), v[i].type_name, NULL) :
		    i18n_subst(r->a, tr(r, "{1} "
		    "about: {2}.  Answered by the government entity chosen, "
		    "with a reference number and an expected reply date."),
		    v[i].type_name, axis, NULL));
		o311_raw(&o, "metadata", "true");
		o311_str(&o, "type", "realtime");
		o311_str(&o, "keywords", axis == NULL ? v[i].type_name :
		    arena_printf(r->a, "%s, %s", v[i].type_name, axis));
		o311_str(&o, "group", v[i].type_name);
		o311_close(&o);
	}
	o311_close(&o);
	return o311_end(&o, 200);
}

int
page_o311_service(struct req *r)
{
	struct o311	 o;
	struct o311_svc	*v;
	const struct o311_svc *s;
	struct dbres	*res;
	int		 n, portal;

	if ((v = o311_services(r, &n)) == NULL)
		return 500;
	if ((s = o311_find(v, n, r->seg[0])) == NULL)
		return o311_error(r, 404, N_("There is no service with this "
		    "service_code."));
	portal = strcmp(s->type_code, "portal") == 0;
	if ((res = db_query(r->db, r->a, SQL_COMPLAINTS_ENTITIES,
	    DB_NOARGS)) == NULL || o311_begin(r, &o) == -1)
		return 500;
	o311_open(&o, NULL, "service_definition", 0);
	o311_str(&o, "service_code", s->code);
	o311_open(&o, "attributes", "attributes", 1);
	o311_open(&o, NULL, "attribute", 0);
	o311_raw(&o, "variable", "true");
	o311_str(&o, "code", "entity");
	o311_str(&o, "datatype", "singlevaluelist");
	o311_raw(&o, "required", portal ? "false" : "true");
	o311_str(&o, "datatype_description", NULL);
	o311_raw(&o, "order", "1");
	o311_str(&o, "description", tr(r, portal ? N_("Not needed: requests "
	    "about the portal go to the ministry that runs it.") :
	    N_("The government entity (or sub-department) the request is "
	    "for.")));
	o311_open(&o, "values", "values", 1);
	while (dbres_next(res)) {
		o311_open(&o, NULL, "value", 0);
		o311_str(&o, "key", dbres_str(res, COMPLAINTS_ENTITIES_ID));
		o311_str(&o, "name", present_pick(r,
		    dbres_str(res, COMPLAINTS_ENTITIES_NAME_AR),
		    dbres_str(res, COMPLAINTS_ENTITIES_NAME_EN)));
		o311_close(&o);
	}
	o311_close(&o);
	o311_close(&o);
	o311_open(&o, NULL, "attribute", 0);
	o311_raw(&o, "variable", "true");
	o311_str(&o, "code", "subject");
	o311_str(&o, "datatype", "string");
	o311_raw(&o, "required", "false");
	o311_str(&o, "datatype_description", tr(r, "At most 300 "
	    "characters."));
	o311_raw(&o, "order", "2");
	o311_str(&o, "description", tr(r, "A few words; left out, the start "
	    "of the description is used."));
	o311_close(&o);
	o311_close(&o);
	o311_close(&o);
	return o311_end(&o, 200);
}

/* ---- requests -------------------------------------------------------- */

static void
o311_request(struct o311 *o, struct dbres *res)
{
	struct req	*r = o->r;
	enum request_state st = request_state(dbres_str(res,
	    OPEN311_REQUEST_STATE));
	const char	*axis = dbres_str(res, OPEN311_REQUEST_AXIS_CODE);
	const char	*ref = arena_strdup(r->a, dbres_str(res,
	    OPEN311_REQUEST_REF_NO));
	const char	*tname = present_pick(r,
	    dbres_str(res, OPEN311_REQUEST_TYPE_AR),
	    dbres_str(res, OPEN311_REQUEST_TYPE_EN));
	char		*p;

	for (p = (char *)ref; *p; p++)
		*p = (char)tolower((unsigned char)*p);
	o311_open(o, NULL, "request", 0);
	o311_str(o, "service_request_id", ref);
	o311_str(o, "status", st < RQ__MAX && request_open_state(st) ?
	    "open" : "closed");
	o311_str(o, "status_notes", st < RQ__MAX ?
	    present_label(r, request_state_labels, RQ__MAX, (int)st) : NULL);
	o311_str(o, "service_name", axis == NULL ? tname :
	    arena_printf(r->a, "%s — %s", tname, present_pick(r,
	    dbres_str(res, OPEN311_REQUEST_AXIS_AR),
	    dbres_str(res, OPEN311_REQUEST_AXIS_EN))));
	o311_str(o, "service_code", axis == NULL ?
	    dbres_str(res, OPEN311_REQUEST_TYPE_CODE) : arena_printf(r->a,
	    "%s-%s", dbres_str(res, OPEN311_REQUEST_TYPE_CODE), axis));
	o311_str(o, "description", dbres_str(res, OPEN311_REQUEST_BODY));
	o311_str(o, "agency_responsible", present_pick(r,
	    dbres_str(res, OPEN311_REQUEST_ENTITY_AR),
	    dbres_str(res, OPEN311_REQUEST_ENTITY_EN)));
	o311_str(o, "service_notice", NULL);
	o311_str(o, "requested_datetime", o311_time(r,
	    dbres_str(res, OPEN311_REQUEST_CREATED_AT)));
	o311_str(o, "updated_datetime", o311_time(r,
	    dbres_str(res, OPEN311_REQUEST_UPDATED_AT)));
	o311_str(o, "expected_datetime", o311_time(r,
	    dbres_str(res, OPEN311_REQUEST_DUE_AT)));
	o311_close(o);
}

/* The canonical reference of a service_request_id; NULL when it cannot
 * be one. */
static const char *
o311_ref(struct req *r, const char *id, size_t n)
{
	char	 tmp[64], out[REQUEST_REF_LEN];

	if (n == 0 || n >= sizeof(tmp))
		return NULL;
	memcpy(tmp, id, n);
	tmp[n] = '\0';
	if (request_ref_parse(tmp, out) != REF_OK)
		return NULL;
	return arena_strdup(r->a, out);
}

int
page_o311_request(struct req *r)
{
	struct o311	 o;
	struct dbres	*res;
	const char	*ref = o311_ref(r, r->seg[0], strlen(r->seg[0]));

	if (ref == NULL)
		return o311_error(r, 404, N_("There is no request with this "
		    "service_request_id."));
	if ((res = db_query(r->db, r->a, SQL_OPEN311_REQUEST_BY_REF, DB_ARGS(
	    DB_S(ref, ref)))) == NULL)
		return 500;
	if (!dbres_next(res))
		return o311_error(r, 404, N_("There is no request with this "
		    "service_request_id."));
	if (o311_begin(r, &o) == -1)
		return 500;
	o311_open(&o, NULL, "service_requests", 1);
	o311_request(&o, res);
	o311_close(&o);
	return o311_end(&o, 200);
}

/* Intake is synchronous: POST answers with the service_request_id, so
 * there is never a token to look up (the spec's 404). */
int
page_o311_token(struct req *r)
{
	return o311_error(r, 404, N_("There is no request with this token: "
	    "requests are created at once, and the answer to POST requests "
	    "gives their service_request_id."));
}

int
page_o311_requests(struct req *r)
{
	struct o311	 o;
	struct dbres	*res;
	struct o311_svc	*v;
	const struct o311_svc *svc = NULL;
	const char	*ids = http_arg_str(r, O3L_IDS);
	const char	*code = http_arg_str(r, O3L_CODE);
	const char	*status = http_arg_str(r, O3L_STATUS);
	const char	*sd = http_arg_str(r, O3L_START);
	const char	*ed = http_arg_str(r, O3L_END);
	time_t		 start, end;
	int		 n, k = 0;

	if (r->nerr > 0)
		return o311_invalid(r);
	if ((v = o311_services(r, &n)) == NULL || o311_begin(r, &o) == -1)
		return 500;
	if (ids != NULL && *ids != '\0') {
		/* Comma-separated ids: the other filters do not apply. */
		const char *p = ids, *e;

		o311_open(&o, NULL, "service_requests", 1);
		while (*p != '\0' && k < O311_MAX_IDS) {
			const char *ref;

			e = strchr(p, ',');
			if (e == NULL)
				e = p + strlen(p);
			while (p < e && *p == ' ')
				p++;
			if ((ref = o311_ref(r, p, (size_t)(e - p))) != NULL) {
				if ((res = db_query(r->db, r->a,
				    SQL_OPEN311_REQUEST_BY_REF, DB_ARGS(
				    DB_S(ref, ref)))) == NULL)
					return 500;
				if (dbres_next(res))
					o311_request(&o, res);
			}
			k++;
			p = *e == ',' ? e + 1 : e;
		}
		o311_close(&o);
		return o311_end(&o, 200);
	}
	if (code != NULL && *code != '\0' &&
	    (svc = o311_find(v, n, code)) == NULL)
		return o311_error(r, 404, N_("There is no service with this "
		    "service_code."));
	start = sd != NULL && *sd != '\0' ? o311_parse_time(sd) : 0;
	end = ed != NULL && *ed != '\0' ? o311_parse_time(ed) : 0;
	if (start == -1 || end == -1)
		return o311_error(r, 400, N_("start_date and end_date are W3C "
		    "dates, e.g. 2026-11-01T00:00:00Z."));
	if (end == 0)
		/* Now, this second included. */
		end = start != 0 ? start + O311_MAX_DAYS * 86400L :
		    time(NULL) + 1;
	if (start == 0)
		start = end - O311_MAX_DAYS * 86400L;
	if (end < start)
		return o311_error(r, 400, N_("end_date is before start_date."));
	if (end - start > O311_MAX_DAYS * 86400L)
		return o311_error(r, 400, N_("start_date and end_date are at "
		    "most 90 days apart."));
	if ((res = db_query(r->db, r->a, SQL_OPEN311_REQUESTS, DB_ARGS(
	    DB_S(start, o311_sqltime(r, start)), DB_S(end, o311_sqltime(r,
	    end)), DB_U(type, svc != NULL ? svc->type : 0),
	    DB_U(axis, svc != NULL ? svc->axis : 0),
	    DB_I(unclassified, svc != NULL && svc->axis == 0),
	    DB_S(status, status != NULL ? status : ""),
	    DB_I(limit, O311_MAX_LIST)))) == NULL)
		return 500;
	o311_open(&o, NULL, "service_requests", 1);
	while (dbres_next(res))
		o311_request(&o, res);
	o311_close(&o);
	return o311_end(&o, 200);
}

/* The value of attribute[name] in the POSTed body; NULL when absent. */
static const char *
o311_attr(struct req *r, const char *name)
{
	struct kv	*kv = NULL;
	const char	*key = arena_printf(r->a, "attribute[%s]", name);

	if (r->rawbody == NULL || urlenc_parse(r->a, r->rawbody, r->rawlen,
	    &kv, 200) == -1)
		return NULL;
	return kv_get(kv, key);
}

struct o311_post {
	struct newreq	 n;
	unsigned long long key;
	const char	*channel;
	int		 limited;
	long		 retry;		/* seconds until the key may post again */
};

static enum outcome
o311_post_tx(struct req *r, void *arg)
{
	struct o311_post *p = arg;
	enum outcome	 out;
	long		 left;
	long long	 hits;
	char		 ref[REQUEST_REF_LEN];

	hits = outbox_limit_hit(r->db, r->a, arena_printf(r->a,
	    "open311:key:%llu", p->key), &left);
	if (hits < 0)
		return OUT_ERROR;
	if (hits > conf_int("limits", "open311_posts_per_key",
	    O311_POSTS_PER_HOUR)) {
		p->limited = 1;
		p->retry = left > 0 ? left : 1;
		return OUT_CONFLICT;
	}
	if ((out = complaints_submit_tx(r, &p->n)) != OUT_OK)
		return out;
	if (request_ref_parse(p->n.ref, ref) != REF_OK ||
	    db_exec(r->db, SQL_OPEN311_REQUEST_MARK, DB_ARGS(DB_S(ref, ref),
	    DB_S(channel, p->channel), DB_U(key, p->key))) != 1 ||
	    db_exec(r->db, SQL_OPEN311_KEY_USED, DB_ARGS(DB_U(id, p->key))) <
	    0)
		return OUT_ERROR;
	return OUT_OK;
}

int
page_o311_post(struct req *r)
{
	struct o311	 o;
	struct o311_post p;
	struct requester who;
	struct o311_svc	*v;
	const struct o311_svc *svc;
	struct dbres	*res;
	const char	*key = http_arg_str(r, O3P_KEY), *ent, *subj;
	const char	*lat = http_arg_str(r, O3P_LAT);
	const char	*lng = http_arg_str(r, O3P_LONG);
	const char	*addr = http_arg_str(r, NEW_LOCATION);
	const char	*first = http_arg_str(r, O3P_FIRST);
	const char	*last = http_arg_str(r, O3P_LAST);
	unsigned char	 hash[32];
	char		*e, *s;
	int		 n;

	/* The key first: nothing is said to a client without one. */
	if (key == NULL || *key == '\0')
		return o311_error(r, 403, N_("An api_key is required to create a "
		    "request."));
	crypto_hash_sha256(hash, (const unsigned char *)key, strlen(key));
	if ((res = db_query(r->db, r->a, SQL_OPEN311_KEY_CHECK, DB_ARGS(
	    DB_B(hash, hash, sizeof(hash))))) == NULL)
		return 500;
	if (!dbres_next(res))
		return o311_error(r, 403, N_("The api_key is not valid."));
	memset(&p, 0, sizeof(p));
	p.key = dbres_u(res, OPEN311_KEY_CHECK_ID);
	p.channel = dbres_str(res, OPEN311_KEY_CHECK_CHANNEL);
	if ((v = o311_services(r, &n)) == NULL)
		return 500;
	if (!http_arg(r, NEW_TYPE)->set)
		return o311_error(r, 400, N_("service_code is required."));
	if ((svc = o311_find(v, n, http_arg_str(r, NEW_TYPE))) == NULL)
		return o311_error(r, 404, N_("There is no service with this "
		    "service_code."));
	if (svc->axis == 0)
		return o311_error(r, 400, O311_NEEDS_AXIS);
	if (r->nerr > 0)
		return o311_invalid(r);
	if ((lat == NULL || *lat == '\0' || lng == NULL || *lng == '\0') &&
	    (addr == NULL || *addr == '\0'))
		return o311_error(r, 400, N_("A location is required: lat and "
		    "long, or address_string."));
	p.n.type = svc->type;
	p.n.axis = svc->axis;
	if ((ent = o311_attr(r, "entity")) != NULL && *ent != '\0') {
		p.n.entity = strtoull(ent, &e, 10);
		if (*e != '\0' || p.n.entity == 0)
			return o311_error(r, 400, N_("attribute[entity] is the key "
			    "of an entity of the service definition."));
	} else if (strcmp(svc->type_code, "portal") != 0)
		return o311_error(r, 400, N_("attribute[entity] is required."));
	if ((subj = o311_attr(r, "subject")) != NULL && strlen(subj) > 300)
		return o311_error(r, 400, N_("attribute[subject] is at most 300 "
		    "characters."));
	/* The requester, sealed like the form's; never shown again. */
	memset(&who, 0, sizeof(who));
	if ((first != NULL && *first) || (last != NULL && *last))
		who.name = arena_printf(r->a, "%s%s%s", first ? first : "",
		    first && *first && last && *last ? " " : "",
		    last ? last : "");
	who.email = http_arg_str(r, O3P_EMAIL);
	who.mobile = http_arg_str(r, O3P_PHONE);
	if (lat != NULL && *lat && lng != NULL && *lng)
		who.location = arena_printf(r->a, "%s,%s", lat, lng);
	p.n.who = &who;
	switch (http_form_tx(r, o311_post_tx, &p, NULL, NULL)) {
	case OUT_OK:
		break;
	case OUT_CONFLICT:
		if (p.limited) {
			http_header(r, "Retry-After", arena_printf(r->a,
			    "%ld", p.retry));
			return o311_error(r, 429, N_("Too many requests from this "
			    "api_key: try again within the hour."));
		}
		return 500;
	case OUT_INVALID:
		return o311_invalid(r);
	default:
		return 500;
	}
	if (o311_begin(r, &o) == -1)
		return 500;
	for (s = (char *)(p.n.ref = arena_strdup(r->a, p.n.ref)); *s; s++)
		*s = (char)tolower((unsigned char)*s);
	o311_open(&o, NULL, "service_requests", 1);
	o311_open(&o, NULL, "request", 0);
	o311_str(&o, "service_request_id", p.n.ref);
	o311_str(&o, "service_notice", i18n_subst(r->a, tr(r, "Received. "
	    "The expected reply date is {1}."), present_sqldatetime(r,
	    p.n.due), NULL));
	o311_str(&o, "account_id", NULL);
	o311_close(&o);
	o311_close(&o);
	return o311_end(&o, 200);
}
