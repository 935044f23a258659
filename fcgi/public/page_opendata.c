/*
 * page_opendata.c — open data (domain.md §7; issue 15): a DCAT-AP 3.0.1
 * catalog that national portals harvest (CKAN's ckanext-dcat), the
 * datasets' distributions streamed from the database, their data
 * dictionaries, and a page for people.
 *
 * GET /opendata                          page, per_page; anyone.  View:
 *     public/opendata (the datasets with their formats, rows, sizes as
 *     last generated, licence and the catalog's address for portals).
 * GET /opendata/catalog                  page, per_page; anyone.  Content
 *     negotiation: Turtle or RDF/XML by Accept (Vary: Accept); a browser
 *     asking for HTML is sent to /opendata; Turtle when the client
 *     accepts neither.
 * GET /opendata/catalog.ttl              page, per_page; text/turtle.
 * GET /opendata/catalog.rdf              page, per_page; RDF/XML.
 *     Paged, 100 datasets a page by default, with a Hydra
 *     PagedCollection / PartialCollectionView giving next, previous,
 *     first and last under both the current names and the deprecated
 *     ones (nextPage, …) that ckanext-dcat reads, totalItems and
 *     itemsPerPage; every URI absolute from base_url.  A page past the
 *     last has the catalog and no dataset.  ETag/Last-Modified, 304.
 * GET /opendata/datasets/{slug}          303 to the dataset's landing page
 *     (its URI dereferences).
 * GET /opendata/publishers/{slug}        303 to the publisher's page: the
 *     entity's (/entities/{slug}), the portal's own (sharek) its home.
 * GET /opendata/datasets/{slug}.csv      modified_since; RFC 4180, UTF-8,
 *     a header row.
 * GET /opendata/datasets/{slug}.json     modified_since; an array of
 *     objects, numbers as numbers, SQL NULL as null.
 * GET /opendata/datasets/{slug}.xml      modified_since; one element per
 *     row, one per non-empty column.
 *     Streamed as the rows arrive from the database (db_stream), in
 *     constant memory, no Content-Length and no row cap; HEAD answers the
 *     headers without reading a row.  A file written whole (without
 *     modified_since) has its size noted (opendata_sized), which the
 *     catalog publishes as dcat:byteSize.  modified_since (2026-11-30 or
 *     2026-11-30T10:00:00Z, UTC) keeps the rows changed since then, on
 *     the datasets that can say it (400 on the others or when it is not
 *     a date).  A withdrawn result answers 410.
 * GET /opendata/datasets/{slug}.schema.json   the data dictionary (CSVW):
 *     every column's name, type and meaning in Arabic and English.
 * Anyone; only published results of public activities (opendata.h); the
 * catalog lists the listed ones, an unlisted one's files (the bench data)
 * answer by their address as its page does.
 *
 * The licence is [opendata] licence (default CC BY 4.0), the country of
 * dct:spatial [opendata] country (an EU country code, default JOR).
 */
#include <stdio.h>
#include <string.h>
#include <time.h>

#include <sodium.h>

#include "arena.h"
#include "buf.h"
#include "conf.h"
#include "db.h"
#include "http.h"
#include "i18n.h"
#include "opendata.h"
#include "present.h"
#include "public.h"
#include "rdf.h"
#include "sql_gen.h"
#include "vm.h"
#include "xmlw.h"

#define OD_PER_PAGE	100
#define OD_CHUNK	65536	/* bytes handed to the client at once */
#define OD_TIMELEN	21	/* 2026-11-30T10:00:00Z */

#define EU_AUTH		"http://publications.europa.eu/resource/authority/"
#define IANA_MT		"https://www.iana.org/assignments/media-types/"

const struct param od_catalog_params[ODC__MAX] = {
	[ODC_PAGE] = { .name = "page", .type = PT_INT, .min = 1,
	    .max = 1000000000 },
	[ODC_PER_PAGE] = { .name = "per_page", .type = PT_INT, .min = 1,
	    .max = 1000 },
};

/* 2026-11-30, 2026-11-30T10:00, 2026-11-30T10:00:00, with or without Z. */
static int
od_valid_since(const char *s, size_t len)
{
	struct tm	 tm;
	const char	*e;

	memset(&tm, 0, sizeof(tm));
	if ((e = strptime(s, "%Y-%m-%d", &tm)) == NULL || e != s + 10)
		return -1;
	if (*e == '\0')
		return 0;
	if (*e != 'T' || (e = strptime(e + 1, "%H:%M", &tm)) == NULL)
		return -1;
	if (*e == ':' && (e = strptime(e + 1, "%S", &tm)) == NULL)
		return -1;
	if (*e == 'Z')
		e++;
	return *e == '\0' && (size_t)(e - s) == len ? 0 : -1;
}

const struct param od_dist_params[ODD__MAX] = {
	[ODD_SINCE] = { .name = "modified_since", .type = PT_STR, .max = 20,
	    .valid = od_valid_since },
};

static const struct rdf_ns od_ns[] = {
	{ "rdf", "http://www.w3.org/1999/02/22-rdf-syntax-ns#" },
	{ "dcat", "http://www.w3.org/ns/dcat#" },
	{ "dct", "http://purl.org/dc/terms/" },
	{ "dcatap", "http://data.europa.eu/r5r/" },
	{ "foaf", "http://xmlns.com/foaf/0.1/" },
	{ "vcard", "http://www.w3.org/2006/vcard/ns#" },
	{ "adms", "http://www.w3.org/ns/adms#" },
	{ "skos", "http://www.w3.org/2004/02/skos/core#" },
	{ "xsd", "http://www.w3.org/2001/XMLSchema#" },
	{ "hydra", "http://www.w3.org/ns/hydra/core#" },
	{ NULL, NULL }
};

/* The three formats of every dataset's distributions (od_format). */
static const struct {
	const char	*ctype;
	const char	*filetype;	/* EU file-type authority code */
	const char	*mediatype;	/* IANA */
} od_fmts[ODF__MAX] = {
	[ODF_CSV] = { "text/csv; charset=utf-8; header=present",
	    "CSV", "text/csv" },
	[ODF_JSON] = { "application/json; charset=utf-8", "JSON",
	    "application/json" },
	[ODF_XML] = { "application/xml; charset=utf-8", "XML",
	    "application/xml" },
};

static const char *
od_licence(void)
{
	return conf_get("opendata", "licence",
	    "https://creativecommons.org/licenses/by/4.0/");
}

static const char *
od_country(void)
{
	return conf_get("opendata", "country", "JOR");
}

/* xsd:dateTime of a UTC time; NULL for 0. */
static const char *
od_time(struct arena *a, time_t t)
{
	struct tm	 tm;
	char		 s[32];

	if (t <= 0)
		return NULL;
	gmtime_r(&t, &tm);
	strftime(s, sizeof(s), "%Y-%m-%dT%H:%M:%SZ", &tm);
	return arena_strdup(a, s);
}

/* ---- the catalog ---------------------------------------------------- */

/* Both languages of a msgid as two literals. */
static void
od_lit2(struct rdfw *w, const char *pred, const char *ar, const char *en)
{
	rdf_lit(w, pred, ar, "ar");
	rdf_lit(w, pred, en, "en");
}

static void
od_msg2(struct rdfw *w, const char *pred, const char *msgid)
{
	od_lit2(w, pred, i18n_get("ar", msgid), i18n_get("en", msgid));
}

static const char *
od_agent(struct req *r, const char *slug)
{
	return arena_printf(r->a, "%s/opendata/publishers/%s",
	    http_base_url(), slug ? slug : "sharek");
}

/* A publisher (foaf:Agent with its names). */
static void
od_write_agent(struct req *r, struct rdfw *w, const char *slug,
    const char *ar, const char *en)
{
	rdf_node(w, od_agent(r, slug), "foaf:Agent");
	/* A deployment without an operator entity is published by the
	 * portal itself: an Agent always has its name. */
	od_lit2(w, "foaf:name", ar != NULL ? ar : i18n_get("ar", "Sharek"),
	    en != NULL ? en : i18n_get("en", "Sharek"));
}

/* The contact point of a publisher (vCard). */
static void
od_contact(struct req *r, struct rdfw *w, const char *ar, const char *en,
    const char *email)
{
	/* vcard:Kind as the shapes name it (they do not read the vCard
	 * ontology, where Organization is a Kind). */
	rdf_open(w, "dcat:contactPoint", "vcard:Kind");
	rdf_a(w, "vcard:Organization");
	od_lit2(w, "vcard:fn", ar != NULL ? ar : i18n_get("ar", "Sharek"),
	    en != NULL ? en : i18n_get("en", "Sharek"));
	if (email != NULL && *email != '\0')
		rdf_iri(w, "vcard:hasEmail", arena_printf(r->a, "mailto:%s",
		    email));
	else
		rdf_iri(w, "vcard:hasURL", arena_printf(r->a, "%s/",
		    http_base_url()));
	rdf_close(w);
}

static const char *
od_landing(struct req *r, const struct od_dataset *d)
{
	if (d->activity > 0)
		return arena_printf(r->a, "%s/consultations/%llu",
		    http_base_url(), d->activity);
	if (d->kind == OD_COMPLAINTS)
		return arena_printf(r->a, "%s/complaints/", http_base_url());
	return arena_printf(r->a, "%s/opendata", http_base_url());
}

static void
od_write_dataset(struct req *r, struct rdfw *w, const struct od_dataset *d)
{
	const char	*base = http_base_url();
	const char	*uri = arena_printf(r->a, "%s/opendata/datasets/%s",
	    base, d->slug);
	const char	*status = d->withdrawn ? EU_AUTH
	    "distribution-status/WITHDRAWN" : EU_AUTH
	    "distribution-status/COMPLETED";
	const char	*landing = od_landing(r, d);
	int		 f;

	rdf_node(w, uri, "dcat:Dataset");
	rdf_lit(w, "dct:identifier", d->slug, NULL);
	od_lit2(w, "dct:title", d->title_ar, d->title_en);
	od_lit2(w, "dct:description", d->desc_ar, d->desc_en);
	rdf_iri(w, "dct:publisher", od_agent(r, d->pub_slug));
	od_contact(r, w, d->pub_ar, d->pub_en, d->pub_email);
	rdf_typed(w, "dct:issued", od_time(r->a, d->issued), "xsd:dateTime");
	rdf_typed(w, "dct:modified", od_time(r->a, d->modified),
	    "xsd:dateTime");
	rdf_iri(w, "dct:language", EU_AUTH "language/ARA");
	rdf_iri(w, "dct:language", EU_AUTH "language/ENG");
	rdf_iri(w, "dcat:theme", EU_AUTH "data-theme/GOVE");
	od_lit2(w, "dcat:keyword", d->keyword_ar, d->keyword_en);
	od_msg2(w, "dcat:keyword", N_("open data"));
	od_msg2(w, "dcat:keyword", N_("e-participation"));
	if (d->start > 0) {
		rdf_open(w, "dct:temporal", "dct:PeriodOfTime");
		rdf_typed(w, "dcat:startDate", od_time(r->a, d->start),
		    "xsd:dateTime");
		if (d->end > 0 && d->end >= d->start)
			rdf_typed(w, "dcat:endDate", od_time(r->a, d->end),
			    "xsd:dateTime");
		rdf_close(w);
	}
	rdf_iri(w, "dct:spatial", arena_printf(r->a, EU_AUTH "country/%s",
	    od_country()));
	rdf_iri(w, "dct:accessRights", EU_AUTH "access-right/PUBLIC");
	rdf_iri(w, "dcat:landingPage", landing);
	if (d->periodic)
		rdf_iri(w, "dct:accrualPeriodicity", d->kind == OD_COMPLAINTS ?
		    EU_AUTH "frequency/MONTHLY" : EU_AUTH "frequency/CONT");
	rdf_iri(w, "adms:status", status);
	for (f = 0; f < ODF__MAX; f++)
		rdf_iri(w, "dcat:distribution", arena_printf(r->a, "%s#%s",
		    uri, od_format_names[f]));

	for (f = 0; f < ODF__MAX; f++) {
		const char *file = arena_printf(r->a, "%s.%s", uri,
		    od_format_names[f]);
		rdf_node(w, arena_printf(r->a, "%s#%s", uri, od_format_names[f]),
		    "dcat:Distribution");
		od_lit2(w, "dct:title", arena_printf(r->a, "%s (%s)",
		    d->title_ar, od_fmts[f].filetype), arena_printf(r->a,
		    "%s (%s)", d->title_en, od_fmts[f].filetype));
		od_msg2(w, "dct:description", f == ODF_CSV ?
		    N_("CSV file (RFC 4180, UTF-8) with a header row; the columns are described by the data dictionary.") :
		    f == ODF_JSON ?
		    N_("JSON array with one object per row; the keys are described by the data dictionary.") :
		    N_("XML document with one element per row; the elements are described by the data dictionary."));
		/* A withdrawn result is no longer served: its page says so. */
		rdf_iri(w, "dcat:accessURL", d->withdrawn ? landing : file);
		if (!d->withdrawn)
			rdf_iri(w, "dcat:downloadURL", file);
		rdf_iri(w, "dct:format", arena_printf(r->a,
		    EU_AUTH "file-type/%s", od_fmts[f].filetype));
		rdf_iri(w, "dcat:mediaType", arena_printf(r->a, IANA_MT "%s",
		    od_fmts[f].mediatype));
		rdf_iri(w, "dct:license", od_licence());
		rdf_iri(w, "dct:conformsTo", arena_printf(r->a,
		    "%s.schema.json", uri));
		rdf_iri(w, "dcatap:availability",
		    EU_AUTH "planned-availability/STABLE");
		rdf_iri(w, "adms:status", status);
		rdf_typed(w, "dct:issued", od_time(r->a, d->issued),
		    "xsd:dateTime");
		rdf_typed(w, "dct:modified", od_time(r->a, d->modified),
		    "xsd:dateTime");
		/* Streamed, so known once written whole (od_sizes): the
		 * size as last generated. */
		if (!d->withdrawn && d->bytes[f] >= 0)
			rdf_typed(w, "dcat:byteSize", arena_printf(r->a,
			    "%lld", d->bytes[f]), "xsd:nonNegativeInteger");
	}
	rdf_node(w, arena_printf(r->a, "%s.schema.json", uri),
	    "dct:Standard");
	od_msg2(w, "dct:title", N_("Data dictionary (CSV on the Web)"));
	rdf_node(w, landing, "foaf:Document");
	od_write_agent(r, w, d->pub_slug, d->pub_ar, d->pub_en);
}

/* The resources of the controlled vocabularies the datasets point at,
 * with the class the shapes expect and their labels. */
static void
od_write_vocab(struct req *r, struct rdfw *w, int ndatasets)
{
	static const char *const statuses[][2] = {
		{ "COMPLETED", N_("Completed") },
		{ "WITHDRAWN", N_("Withdrawn") },
	};
	int	 f;
	size_t	 i;

	rdf_node(w, EU_AUTH "language/ARA", "dct:LinguisticSystem");
	rdf_node(w, EU_AUTH "language/ENG", "dct:LinguisticSystem");
	rdf_node(w, arena_printf(r->a, EU_AUTH "country/%s", od_country()),
	    "dct:Location");
	rdf_node(w, od_licence(), "dct:LicenseDocument");
	rdf_node(w, EU_AUTH "data-theme", "skos:ConceptScheme");
	od_msg2(w, "dct:title", N_("Data theme"));
	rdf_node(w, arena_printf(r->a, "%s/", http_base_url()),
	    "foaf:Document");
	if (ndatasets == 0)
		return;
	rdf_node(w, EU_AUTH "data-theme/GOVE", "skos:Concept");
	od_msg2(w, "skos:prefLabel", N_("Government and public sector"));
	rdf_iri(w, "skos:inScheme", EU_AUTH "data-theme");
	rdf_node(w, EU_AUTH "access-right/PUBLIC", "dct:RightsStatement");
	od_msg2(w, "dct:title", N_("Public"));
	rdf_node(w, EU_AUTH "frequency/CONT", "dct:Frequency");
	rdf_node(w, EU_AUTH "frequency/MONTHLY", "dct:Frequency");
	rdf_node(w, EU_AUTH "planned-availability/STABLE", "skos:Concept");
	od_msg2(w, "skos:prefLabel", N_("Stable"));
	for (i = 0; i < sizeof(statuses) / sizeof(statuses[0]); i++) {
		rdf_node(w, arena_printf(r->a, EU_AUTH "distribution-status/%s",
		    statuses[i][0]), "skos:Concept");
		od_msg2(w, "skos:prefLabel", statuses[i][1]);
	}
	for (f = 0; f < ODF__MAX; f++) {
		rdf_node(w, arena_printf(r->a, EU_AUTH "file-type/%s",
		    od_fmts[f].filetype), "dct:MediaTypeOrExtent");
		rdf_node(w, arena_printf(r->a, IANA_MT "%s",
		    od_fmts[f].mediatype), "dct:MediaType");
	}
}

/* A page's address: the serialisation's own, with the page size when
 * the request gave one. */
static const char *
od_page_uri(struct req *r, enum rdf_syntax syn, long long page)
{
	const struct pval *pp = http_arg(r, ODC_PER_PAGE);

	return arena_printf(r->a, "%s/opendata/catalog.%s?page=%lld%s%s",
	    http_base_url(), syn == RDF_XML ? "rdf" : "ttl", page,
	    pp->set ? "&per_page=" : "", pp->set ? pp->s : "");
}

static int
od_catalog(struct req *r, enum rdf_syntax syn)
{
	long long	 page = http_arg_int(r, ODC_PAGE, 1), last;
	int		 per = (int)http_arg_int(r, ODC_PER_PAGE, OD_PER_PAGE);
	const char	*base = http_base_url(), *tag, *self;
	struct od_catalog c;
	struct rdfw	*w;
	struct buf	 b;
	unsigned char	 h[16];
	char		 hex[33];
	int		 i;

	if (r->nerr > 0)
		return 400;
	if (opendata_catalog(r->db, r->a, page, per, &c) == -1)
		return 500;
	last = c.total > 0 ? (c.total + per - 1) / per : 1;
	/* The validator: everything the page is made of. */
	buf_init(&b, r->a);
	buf_printf(&b, "%d|%lld|%d|%lld|%lld|%s|%s|%s|%s", syn, page, per,
	    c.total, (long long)c.modified, od_licence(), od_country(), base,
	    c.sizes != NULL ? c.sizes : "");
	crypto_generichash(h, sizeof(h), (unsigned char *)b.data, b.len,
	    NULL, 0);
	sodium_bin2hex(hex, sizeof(hex), h, sizeof(h));
	tag = arena_printf(r->a, "\"%s\"", hex);
	if (http_fresh(r, tag, c.modified))
		return 304;
	if ((w = rdf_begin(r, syn, od_ns)) == NULL)
		return 500;
	if (r->head)
		return rdf_end(w) == 0 ? 200 : 500;

	rdf_node(w, arena_printf(r->a, "%s/opendata/catalog", base),
	    "dcat:Catalog");
	od_msg2(w, "dct:title", N_("Sharek open data"));
	od_msg2(w, "dct:description", N_("Open data of Sharek, the unified government e-participation portal: the register of public consultations, surveys and polls, every published result with the entity's positions, and complaint statistics."));
	rdf_iri(w, "dct:publisher", od_agent(r, c.op_slug));
	rdf_iri(w, "foaf:homepage", arena_printf(r->a, "%s/", base));
	rdf_iri(w, "dct:language", EU_AUTH "language/ARA");
	rdf_iri(w, "dct:language", EU_AUTH "language/ENG");
	rdf_iri(w, "dct:license", od_licence());
	rdf_iri(w, "dct:spatial", arena_printf(r->a, EU_AUTH "country/%s",
	    od_country()));
	rdf_iri(w, "dcat:themeTaxonomy", EU_AUTH "data-theme");
	rdf_typed(w, "dct:issued", od_time(r->a, c.issued), "xsd:dateTime");
	rdf_typed(w, "dct:modified", od_time(r->a, c.modified),
	    "xsd:dateTime");
	for (i = 0; i < c.n; i++)
		rdf_iri(w, "dcat:dataset", arena_printf(r->a,
		    "%s/opendata/datasets/%s", base, c.ds[i].slug));

	/* Paging: the current Hydra names and the deprecated ones. */
	self = od_page_uri(r, syn, page);
	rdf_node(w, self, "hydra:PartialCollectionView");
	rdf_a(w, "hydra:PagedCollection");
	rdf_typed(w, "hydra:totalItems", arena_printf(r->a, "%lld", c.total),
	    "xsd:integer");
	rdf_typed(w, "hydra:itemsPerPage", arena_printf(r->a, "%d", per),
	    "xsd:integer");
	rdf_iri(w, "hydra:first", od_page_uri(r, syn, 1));
	rdf_iri(w, "hydra:firstPage", od_page_uri(r, syn, 1));
	rdf_iri(w, "hydra:last", od_page_uri(r, syn, last));
	rdf_iri(w, "hydra:lastPage", od_page_uri(r, syn, last));
	if (page < last) {
		rdf_iri(w, "hydra:next", od_page_uri(r, syn, page + 1));
		rdf_iri(w, "hydra:nextPage", od_page_uri(r, syn, page + 1));
	}
	if (page > 1) {
		long long prev = page - 1 < last ? page - 1 : last;
		rdf_iri(w, "hydra:previous", od_page_uri(r, syn, prev));
		rdf_iri(w, "hydra:previousPage", od_page_uri(r, syn, prev));
	}

	od_write_agent(r, w, c.op_slug, c.op_ar, c.op_en);
	for (i = 0; i < c.n; i++)
		od_write_dataset(r, w, &c.ds[i]);
	od_write_vocab(r, w, c.n);
	return rdf_end(w) == 0 ? 200 : 500;
}

int
page_od_catalog_ttl(struct req *r)
{
	return od_catalog(r, RDF_TURTLE);
}

int
page_od_catalog_rdf(struct req *r)
{
	return od_catalog(r, RDF_XML);
}

int
page_od_catalog(struct req *r)
{
	enum rdf_syntax	 syn;
	int		 html;

	http_header(r, "Vary", "Accept");
	syn = rdf_negotiate(r, &html);
	if (html)
		return http_redirect(r, 303, "/opendata");
	/* Accepting neither: Turtle all the same (RFC 9110 allows it). */
	return od_catalog(r, syn == RDF__MAX ? RDF_TURTLE : syn);
}

/* ---- distributions ---------------------------------------------------- */

/* The writer of a distribution: rows go into one buffer that is handed
 * to the client in big chunks (http_write), so a value costs a copy,
 * never an allocation or a call per byte, and memory stays flat. */
struct od_out {
	struct req	*r;
	char		*p;		/* OD_CHUNK bytes */
	size_t		 n;
};

static void
od_flush(struct od_out *o)
{
	if (o->n > 0)
		http_write(o->r, o->p, o->n);
	o->n = 0;
}

static void
od_put(struct od_out *o, const char *s, size_t n)
{
	if (o->n + n > OD_CHUNK) {
		od_flush(o);
		if (n > OD_CHUNK) {
			http_write(o->r, s, n);
			return;
		}
	}
	memcpy(o->p + o->n, s, n);
	o->n += n;
}

static void
od_putc(struct od_out *o, char c)
{
	if (o->n == OD_CHUNK)
		od_flush(o);
	o->p[o->n++] = c;
}

/* An RFC 4180 field, quoted when it must be, its quotes doubled a run at
 * a time.  Not buf_csv: open data is read by programs, so a value is
 * never altered (buf_csv guards spreadsheets against formulas by
 * changing the text).  s is NUL-terminated at or after s[n]. */
static void
od_csv_field(struct od_out *o, const char *s, size_t n)
{
	const char	*e = s + n, *q;

	if (strcspn(s, ",\"\r\n") >= n) {
		od_put(o, s, n);
		return;
	}
	od_putc(o, '"');
	while ((q = memchr(s, '"', (size_t)(e - s))) != NULL) {
		od_put(o, s, (size_t)(q + 1 - s));
		od_putc(o, '"');
		s = q + 1;
	}
	od_put(o, s, (size_t)(e - s));
	od_putc(o, '"');
}

/* Whether a value of an integer column (with dec, a decimal one: one
 * point between digits) can be written as a JSON number. */
static int
od_number(const char *s, size_t n, int dec)
{
	size_t	 i = s[0] == '-' ? 1 : 0, start = i;

	if (n == i || n > 19)
		return 0;
	for (; i < n; i++) {
		if (dec && s[i] == '.' && i > start && i + 1 < n) {
			dec = 0;	/* one point */
			continue;
		}
		if (s[i] < '0' || s[i] > '9')
			return 0;
	}
	return 1;
}

/* The value of a column in the current row (NULL for SQL NULL), and its
 * length: the whole of the statement's column, or one half of it around
 * the CHAR(31) (od_col.part).  A time the statement gives as a DATETIME
 * ("2026-11-30 10:00:00", UTC) is written RFC 3339 into tbuf
 * ("2026-11-30T10:00:00Z"); one already formatted is left as it is. */
static const char *
od_value(const struct dbres *res, const struct od_col *col, size_t *len,
    char tbuf[OD_TIMELEN])
{
	const char	*v = dbres_str(res, col->src), *sep;
	size_t		 n;

	if (v == NULL) {
		*len = 0;
		return NULL;
	}
	n = dbres_len(res, col->src);
	if (col->type == ODT_DATETIME && n == 19 && v[10] == ' ') {
		memcpy(tbuf, v, 10);
		tbuf[10] = 'T';
		memcpy(tbuf + 11, v + 11, 8);
		tbuf[19] = 'Z';
		tbuf[20] = '\0';
		*len = 20;
		return tbuf;
	}
	if (col->part == 0) {
		*len = n;
		return v;
	}
	sep = memchr(v, '\x1f', n);
	if (col->part == 1) {
		*len = sep != NULL ? (size_t)(sep - v) : n;
		return v;
	}
	*len = sep != NULL ? n - (size_t)(sep + 1 - v) : 0;
	return sep != NULL ? sep + 1 : v + n;
}

/* The dataset of the route's {slug}; sets *status when none. */
static int
od_dataset_of(struct req *r, struct od_dataset *d)
{
	switch (opendata_find(r->db, r->a, r->seg[0], d)) {
	case 1:
		return 0;
	case 0:
		return 404;
	default:
		return 500;
	}
}

/* "2026-11-30T10:00:00Z" → "2026-11-30 10:00:00" for the statement. */
static const char *
od_since(struct req *r)
{
	const char	*s = http_arg_str(r, ODD_SINCE);
	char		 t[20];

	if (s == NULL)
		return NULL;
	memcpy(t, "0000-00-00 00:00:00", sizeof(t));
	memcpy(t, s, 10);
	if (strlen(s) >= 16)
		memcpy(t + 11, s + 11, 5);
	if (strlen(s) >= 19 && s[16] == ':')
		memcpy(t + 14, s + 14, 5);
	return arena_strdup(r->a, t);
}

static int
od_distribution(struct req *r, enum od_format fmt)
{
	const struct od_table *t;
	const struct od_col *col;
	struct od_dataset d;
	struct dbres	*res;
	xmlTextWriterPtr x = NULL;
	const char	*since, *v, **keys = NULL;
	char		 tbuf[OD_TIMELEN];
	struct od_out	 o;
	struct buf	 part;
	long long	 nrow = 0;
	size_t		 len;
	int		 rc, i;

	if (r->nerr > 0)
		return 400;
	if ((rc = od_dataset_of(r, &d)) != 0)
		return rc;
	if (d.withdrawn)
		return http_error(r, 410);
	t = &od_tables[d.kind];
	since = od_since(r);
	if (since != NULL && !t->since) {
		http_arg_error(r, ODD_SINCE,
		    N_("This dataset cannot be filtered by date."));
		return http_error(r, 400);
	}
	switch (d.kind) {
	case OD_COMMENTS:
		res = db_stream(r->db, r->a, t->stmt, DB_ARGS(
		    DB_U(activity, d.activity), DB_S(since, since)));
		break;
	case OD_OPTIONS:
		/* Yes and No in the words of the results page. */
		res = db_stream(r->db, r->a, t->stmt, DB_ARGS(
		    DB_U(activity, d.activity),
		    DB_S(yes_ar, i18n_get("ar", "Yes")),
		    DB_S(yes_en, i18n_get("en", "Yes")),
		    DB_S(no_ar, i18n_get("ar", "No")),
		    DB_S(no_en, i18n_get("en", "No"))));
		break;
	case OD_REGISTER:
		res = db_stream(r->db, r->a, t->stmt, DB_ARGS(
		    DB_S(base, http_base_url()), DB_S(since, since)));
		break;
	default:
		res = db_stream(r->db, r->a, t->stmt, DB_NOARGS);
		break;
	}
	if (res == NULL)
		return 500;
	http_header(r, "Content-Disposition", arena_printf(r->a,
	    "inline; filename=\"%s.%s\"", d.slug, od_format_names[fmt]));
	http_header(r, "Link", arena_printf(r->a, "<%s/opendata/datasets/"
	    "%s.schema.json>; rel=\"describedby\"", http_base_url(),
	    d.slug));
	if (fmt == ODF_XML) {
		if ((x = xmlw_begin(r, od_fmts[fmt].ctype)) == NULL) {
			dbres_close(res);
			return 500;
		}
	} else
		http_stream(r, od_fmts[fmt].ctype);
	if (r->head) {
		dbres_close(res);
		return x == NULL || xmlw_end(x) == 0 ? 200 : 500;
	}

	o.r = r;
	o.p = arena_alloc(r->a, OD_CHUNK);
	o.n = 0;
	buf_init(&part, r->a);
	if (fmt == ODF_CSV) {
		for (i = 0; i < t->ncols; i++) {
			if (i > 0)
				od_putc(&o, ',');
			od_put(&o, t->cols[i].name, strlen(t->cols[i].name));
		}
		od_put(&o, "\r\n", 2);
	} else if (fmt == ODF_JSON) {
		/* Each key with its quotes and colon, made once. */
		keys = arena_alloc(r->a, sizeof(*keys) * (size_t)t->ncols);
		for (i = 0; i < t->ncols; i++)
			keys[i] = arena_printf(r->a, "%s\"%s\":",
			    i > 0 ? "," : "", t->cols[i].name);
		od_putc(&o, '[');
	} else {
		xmlTextWriterStartElement(x, BAD_CAST "dataset");
		xmlTextWriterWriteAttribute(x, BAD_CAST "name",
		    BAD_CAST d.slug);
	}
	while ((rc = dbres_next(res)) == 1) {
		nrow++;
		if (fmt == ODF_XML) {
			xmlTextWriterStartElement(x, BAD_CAST t->row);
			for (i = 0; i < t->ncols; i++) {
				v = od_value(res, &t->cols[i], &len, tbuf);
				if (v == NULL || len == 0)
					continue;
				/* A half is not NUL-terminated: copy it. */
				if (v[len] != '\0') {
					buf_reset(&part);
					buf_add(&part, v, len);
					v = part.data;
				}
				xmlw_elem(x, t->cols[i].name, v);
			}
			xmlTextWriterEndElement(x);
			continue;
		}
		if (fmt == ODF_CSV) {
			for (i = 0; i < t->ncols; i++) {
				if (i > 0)
					od_putc(&o, ',');
				v = od_value(res, &t->cols[i], &len, tbuf);
				if (v != NULL)
					od_csv_field(&o, v, len);
			}
			od_put(&o, "\r\n", 2);
			continue;
		}
		od_put(&o, nrow > 1 ? ",\n{" : "\n{", nrow > 1 ? 3 : 2);
		for (i = 0; i < t->ncols; i++) {
			col = &t->cols[i];
			v = od_value(res, col, &len, tbuf);
			od_put(&o, keys[i], strlen(keys[i]));
			if (v == NULL)
				od_put(&o, "null", 4);
			else if ((col->type == ODT_INT ||
			    col->type == ODT_DECIMAL) && od_number(v, len,
			    col->type == ODT_DECIMAL))
				od_put(&o, v, len);
			else {
				buf_reset(&part);
				buf_json(&part, v, len);
				od_put(&o, part.data, part.len);
			}
		}
		od_putc(&o, '}');
	}
	dbres_close(res);
	if (fmt == ODF_JSON)
		od_put(&o, "\n]\n", 3);
	od_flush(&o);
	if (x != NULL) {
		xmlTextWriterEndElement(x);
		if (xmlw_end(x) == -1)
			rc = -1;
	}
	/* Written whole: its size as generated, for the catalog's
	 * dcat:byteSize (a failure to note it is no failure of the file). */
	if (rc != -1 && since == NULL)
		(void)opendata_sized(r->db, d.slug, fmt, r->streamed, nrow);
	/* A failure in the middle: the kernel cuts the response. */
	return rc == -1 ? 500 : 200;
}

int
page_od_csv(struct req *r)
{
	return od_distribution(r, ODF_CSV);
}

int
page_od_json(struct req *r)
{
	return od_distribution(r, ODF_JSON);
}

int
page_od_xml(struct req *r)
{
	return od_distribution(r, ODF_XML);
}

/* Both languages of a text as a JSON-LD value list. */
static void
od_json2(struct buf *b, const char *ar, const char *en)
{
	buf_adds(b, "[{\"@value\": ");
	buf_json(b, ar, strlen(ar));
	buf_adds(b, ", \"@language\": \"ar\"}, {\"@value\": ");
	buf_json(b, en, strlen(en));
	buf_adds(b, ", \"@language\": \"en\"}]");
}

int
page_od_schema(struct req *r)
{
	const struct od_table *t;
	struct od_dataset d;
	struct buf	 b;
	const char	*csv;
	int		 rc, i;

	if ((rc = od_dataset_of(r, &d)) != 0)
		return rc;
	t = &od_tables[d.kind];
	buf_init(&b, r->a);
	buf_adds(&b, "{\n  \"@context\": [\"http://www.w3.org/ns/csvw\", "
	    "{\"@language\": \"en\"}],\n  \"url\": ");
	csv = arena_printf(r->a, "%s/opendata/datasets/%s.csv",
	    http_base_url(), d.slug);
	buf_json(&b, csv, strlen(csv));
	buf_adds(&b, ",\n  \"dc:identifier\": ");
	buf_json(&b, d.slug, strlen(d.slug));
	buf_adds(&b, ",\n  \"dc:title\": ");
	od_json2(&b, d.title_ar, d.title_en);
	buf_adds(&b, ",\n  \"dc:description\": ");
	od_json2(&b, d.desc_ar, d.desc_en);
	buf_adds(&b, ",\n  \"dc:license\": {\"@id\": ");
	buf_json(&b, od_licence(), strlen(od_licence()));
	buf_adds(&b, "},\n  \"dialect\": {\"encoding\": \"utf-8\", "
	    "\"header\": true, \"lineTerminators\": [\"\\r\\n\"]},\n"
	    "  \"tableSchema\": {\n    \"columns\": [");
	for (i = 0; i < t->ncols; i++) {
		const struct od_col *c = &t->cols[i];
		buf_printf(&b, "%s\n      {\"name\": \"%s\", \"titles\": "
		    "\"%s\", \"datatype\": \"%s\", \"dc:description\": ",
		    i > 0 ? "," : "", c->name, c->name,
		    od_type_names[c->type]);
		od_json2(&b, i18n_get("ar", c->desc), i18n_get("en", c->desc));
		buf_addc(&b, '}');
	}
	buf_adds(&b, "\n    ]");
	if (strcmp(t->cols[0].name, "id") == 0)
		buf_adds(&b, ",\n    \"primaryKey\": \"id\"");
	buf_adds(&b, "\n  }\n}\n");
	r->ctype_out = "application/csvm+json; charset=utf-8";
	http_write(r, b.data, b.len);
	return 200;
}

int
page_od_dataset(struct req *r)
{
	struct od_dataset d;
	int		 rc;

	if ((rc = od_dataset_of(r, &d)) != 0)
		return rc;
	if (d.activity > 0)
		return http_redirect(r, 303, arena_printf(r->a,
		    "/consultations/%llu", d.activity));
	return http_redirect(r, 303, d.kind == OD_COMPLAINTS ?
	    "/complaints/" : "/opendata");
}

int
page_od_publisher(struct req *r)
{
	const char	*slug = r->seg[0];

	return http_redirect(r, 303, strcmp(slug, "sharek") == 0 ? "/" :
	    arena_printf(r->a, "/entities/%s", slug));
}

/* ---- the page for people -------------------------------------------- */

int
page_opendata(struct req *r)
{
	long long	 page = http_arg_int(r, ODC_PAGE, 1), last;
	int		 per = (int)http_arg_int(r, ODC_PER_PAGE, OD_PER_PAGE);
	const char	*base = http_base_url();
	struct od_catalog c;
	struct val	*m, *l, *it, *fl, *fi;
	int		 i, f;

	if (r->nerr > 0)
		return 400;
	if (opendata_catalog(r->db, r->a, page, per, &c) == -1)
		return 500;
	last = c.total > 0 ? (c.total + per - 1) / per : 1;
	m = http_model(r);
	vm_str(m, "title", tr(r, "Open data"));
	vm_strf(m, "catalog_ttl", "%s/opendata/catalog.ttl", base);
	vm_strf(m, "catalog_rdf", "%s/opendata/catalog.rdf", base);
	vm_strf(m, "catalog", "%s/opendata/catalog", base);
	vm_str(m, "licence", od_licence());
	vm_bool(m, "cc_by", strcmp(od_licence(),
	    "https://creativecommons.org/licenses/by/4.0/") == 0);
	vm_int(m, "total", c.total);
	l = vm_list(m, "datasets");
	for (i = 0; i < c.n; i++) {
		const struct od_dataset *d = &c.ds[i];
		it = vm_push(l);
		vm_str(it, "slug", d->slug);
		vm_str(it, "title", present_pick(r, d->title_ar, d->title_en));
		vm_str(it, "publisher", present_pick(r, d->pub_ar, d->pub_en));
		vm_str(it, "modified", present_date(r, d->modified));
		vm_bool(it, "withdrawn", d->withdrawn);
		if (d->rows >= 0)
			vm_int(it, "rows", d->rows);
		vm_str(it, "landing", od_landing(r, d));
		vm_strf(it, "schema", "/opendata/datasets/%s.schema.json",
		    d->slug);
		fl = vm_list(it, "formats");
		for (f = 0; f < ODF__MAX; f++) {
			fi = vm_push(fl);
			vm_str(fi, "name", od_fmts[f].filetype);
			vm_strf(fi, "href", "/opendata/datasets/%s.%s",
			    d->slug, od_format_names[f]);
			if (d->bytes[f] >= 0)
				vm_str(fi, "size", present_size(r,
				    d->bytes[f]));
		}
	}
	if (page > 1)
		vm_strf(m, "prev", "/opendata?page=%lld", page - 1 < last ?
		    page - 1 : last);
	if (page < last)
		vm_strf(m, "next", "/opendata?page=%lld", page + 1);
	return http_render(r, "public/opendata", m);
}
