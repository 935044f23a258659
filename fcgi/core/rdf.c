/*
 * rdf.c — see rdf.h.  Turtle is written into a buffer flushed to the
 * response every few kilobytes; RDF/XML goes through xmlw (libxml2's
 * xmlTextWriter streamed to the response).
 */
#include <stdlib.h>
#include <string.h>
#include <strings.h>

#include "arena.h"
#include "buf.h"
#include "http.h"
#include "http_int.h"
#include "log.h"
#include "rdf.h"
#include "xmlw.h"

#define RDF_DEPTH	8	/* nested blank nodes */
#define RDF_FLUSH	8192

const char *const rdf_ctypes[RDF__MAX] = {
	[RDF_TURTLE] = "text/turtle; charset=utf-8",
	[RDF_XML] = "application/rdf+xml; charset=utf-8",
};

struct rdfw {
	struct req		*r;
	enum rdf_syntax		 syn;
	const struct rdf_ns	*ns;
	xmlTextWriterPtr	 x;		/* RDF_XML */
	struct buf		 b;		/* RDF_TURTLE */
	int			 subject;	/* a subject is open */
	int			 depth;		/* open blank nodes */
	int			 npred[RDF_DEPTH + 1];
	int			 failed;
};

/* ---- Turtle ------------------------------------------------------- */

static void
ttl_flush(struct rdfw *w, int force)
{
	if (w->b.len == 0 || (!force && w->b.len < RDF_FLUSH))
		return;
	http_write(w->r, w->b.data, w->b.len);
	buf_reset(&w->b);
}

static void
ttl_indent(struct rdfw *w, int level)
{
	int	 i;

	for (i = 0; i < level; i++)
		buf_adds(&w->b, "    ");
}

/* An IRI between < >: what IRIREF does not allow is percent-encoded. */
static void
ttl_iri(struct rdfw *w, const char *iri)
{
	const unsigned char *p;

	buf_addc(&w->b, '<');
	for (p = (const unsigned char *)iri; *p; p++) {
		if (*p <= 0x20 || strchr("<>\"{}|^`\\", *p) != NULL)
			buf_printf(&w->b, "%%%02X", *p);
		else
			buf_addc(&w->b, (char)*p);
	}
	buf_addc(&w->b, '>');
}

/* A STRING_LITERAL_QUOTE with its escapes. */
static void
ttl_string(struct rdfw *w, const char *s)
{
	const unsigned char *p;

	buf_addc(&w->b, '"');
	for (p = (const unsigned char *)s; *p; p++) {
		switch (*p) {
		case '"':
			buf_adds(&w->b, "\\\"");
			break;
		case '\\':
			buf_adds(&w->b, "\\\\");
			break;
		case '\n':
			buf_adds(&w->b, "\\n");
			break;
		case '\r':
			buf_adds(&w->b, "\\r");
			break;
		case '\t':
			buf_adds(&w->b, "\\t");
			break;
		default:
			if (*p < 0x20 || *p == 0x7f)
				buf_printf(&w->b, "\\u%04X", *p);
			else
				buf_addc(&w->b, (char)*p);
		}
	}
	buf_addc(&w->b, '"');
}

/* The separator and predicate of the next property at this depth. */
static void
ttl_pred(struct rdfw *w, const char *pred)
{
	if (w->npred[w->depth]++ > 0)
		buf_adds(&w->b, " ;");
	buf_addc(&w->b, '\n');
	ttl_indent(w, w->depth + 1);
	buf_adds(&w->b, pred);
	buf_addc(&w->b, ' ');
}

/* ---- RDF/XML ------------------------------------------------------ */

/* "dct:title" → the full IRI, for rdf:resource and rdf:datatype. */
static const char *
rdf_expand(struct rdfw *w, const char *curie)
{
	const char		*colon = strchr(curie, ':');
	const struct rdf_ns	*n;

	if (colon == NULL)
		return curie;
	for (n = w->ns; n->prefix != NULL; n++)
		if (strlen(n->prefix) == (size_t)(colon - curie) &&
		    strncmp(n->prefix, curie, (size_t)(colon - curie)) == 0)
			return arena_printf(w->r->a, "%s%s", n->iri, colon + 1);
	log_warnx("%s: no prefix for %s", __func__, curie);
	w->failed = 1;
	return curie;
}

static void
xml_check(struct rdfw *w, int rc)
{
	if (rc < 0)
		w->failed = 1;
}

/* ---- the writer ----------------------------------------------------- */

struct rdfw *
rdf_begin(struct req *r, enum rdf_syntax syn, const struct rdf_ns *ns)
{
	struct rdfw		*w;
	const struct rdf_ns	*n;

	w = arena_zalloc(r->a, sizeof(*w));
	w->r = r;
	w->syn = syn;
	w->ns = ns;
	if (syn == RDF_XML) {
		if ((w->x = xmlw_begin(r, rdf_ctypes[RDF_XML])) == NULL)
			return NULL;
		xml_check(w, xmlTextWriterStartElement(w->x,
		    BAD_CAST "rdf:RDF"));
		for (n = ns; n->prefix != NULL; n++)
			xml_check(w, xmlTextWriterWriteAttribute(w->x, BAD_CAST
			    arena_printf(r->a, "xmlns:%s", n->prefix),
			    BAD_CAST n->iri));
		return w;
	}
	buf_init(&w->b, r->a);
	http_stream(r, rdf_ctypes[RDF_TURTLE]);
	for (n = ns; n->prefix != NULL; n++) {
		buf_printf(&w->b, "@prefix %s: ", n->prefix);
		ttl_iri(w, n->iri);
		buf_adds(&w->b, " .\n");
	}
	return w;
}

/* Ends the open subject. */
static void
rdf_end_subject(struct rdfw *w)
{
	while (w->depth > 0)
		rdf_close(w);
	if (!w->subject)
		return;
	if (w->syn == RDF_XML)
		xml_check(w, xmlTextWriterEndElement(w->x));
	else
		buf_adds(&w->b, " .\n");
	w->subject = 0;
}

int
rdf_end(struct rdfw *w)
{
	rdf_end_subject(w);
	if (w->syn == RDF_XML) {
		xml_check(w, xmlTextWriterEndElement(w->x));
		if (xmlw_end(w->x) == -1)
			w->failed = 1;
	} else
		ttl_flush(w, 1);
	return w->failed ? -1 : 0;
}

void
rdf_node(struct rdfw *w, const char *iri, const char *cls)
{
	rdf_end_subject(w);
	w->subject = 1;
	w->npred[0] = 0;
	if (w->syn == RDF_XML) {
		xml_check(w, xmlTextWriterStartElement(w->x,
		    BAD_CAST "rdf:Description"));
		xml_check(w, xmlTextWriterWriteAttribute(w->x,
		    BAD_CAST "rdf:about", BAD_CAST iri));
	} else {
		ttl_flush(w, 0);
		buf_addc(&w->b, '\n');
		ttl_iri(w, iri);
	}
	if (cls != NULL)
		rdf_a(w, cls);
}

void
rdf_a(struct rdfw *w, const char *cls)
{
	if (w->syn == RDF_XML) {
		xml_check(w, xmlTextWriterStartElement(w->x,
		    BAD_CAST "rdf:type"));
		xml_check(w, xmlTextWriterWriteAttribute(w->x,
		    BAD_CAST "rdf:resource", BAD_CAST rdf_expand(w, cls)));
		xml_check(w, xmlTextWriterEndElement(w->x));
		return;
	}
	ttl_pred(w, "a");
	buf_adds(&w->b, cls);
}

void
rdf_iri(struct rdfw *w, const char *pred, const char *iri)
{
	if (iri == NULL)
		return;
	if (w->syn == RDF_XML) {
		xml_check(w, xmlTextWriterStartElement(w->x, BAD_CAST pred));
		xml_check(w, xmlTextWriterWriteAttribute(w->x,
		    BAD_CAST "rdf:resource", BAD_CAST iri));
		xml_check(w, xmlTextWriterEndElement(w->x));
		return;
	}
	ttl_pred(w, pred);
	ttl_iri(w, iri);
}

/* A literal with a language (lang) or a datatype (dt), or neither. */
static void
rdf_literal(struct rdfw *w, const char *pred, const char *text,
    const char *lang, const char *dt)
{
	if (text == NULL)
		return;
	if (w->syn == RDF_XML) {
		xml_check(w, xmlTextWriterStartElement(w->x, BAD_CAST pred));
		if (lang != NULL)
			xml_check(w, xmlTextWriterWriteAttribute(w->x,
			    BAD_CAST "xml:lang", BAD_CAST lang));
		if (dt != NULL)
			xml_check(w, xmlTextWriterWriteAttribute(w->x,
			    BAD_CAST "rdf:datatype",
			    BAD_CAST rdf_expand(w, dt)));
		xml_check(w, xmlTextWriterWriteString(w->x, BAD_CAST text));
		xml_check(w, xmlTextWriterEndElement(w->x));
		return;
	}
	ttl_pred(w, pred);
	ttl_string(w, text);
	if (lang != NULL)
		buf_printf(&w->b, "@%s", lang);
	if (dt != NULL)
		buf_printf(&w->b, "^^%s", dt);
}

void
rdf_lit(struct rdfw *w, const char *pred, const char *text,
    const char *lang)
{
	rdf_literal(w, pred, text, lang, NULL);
}

void
rdf_typed(struct rdfw *w, const char *pred, const char *text,
    const char *datatype)
{
	rdf_literal(w, pred, text, NULL, datatype);
}

void
rdf_open(struct rdfw *w, const char *pred, const char *cls)
{
	if (w->depth >= RDF_DEPTH) {
		log_warnx("%s: blank nodes nested too deep", __func__);
		w->failed = 1;
		return;
	}
	if (w->syn == RDF_XML) {
		xml_check(w, xmlTextWriterStartElement(w->x, BAD_CAST pred));
		xml_check(w, xmlTextWriterWriteAttribute(w->x,
		    BAD_CAST "rdf:parseType", BAD_CAST "Resource"));
	} else {
		ttl_pred(w, pred);
		buf_addc(&w->b, '[');
	}
	w->depth++;
	w->npred[w->depth] = 0;
	if (cls != NULL)
		rdf_a(w, cls);
}

void
rdf_close(struct rdfw *w)
{
	if (w->depth == 0)
		return;
	if (w->syn == RDF_XML)
		xml_check(w, xmlTextWriterEndElement(w->x));
	else {
		buf_addc(&w->b, '\n');
		ttl_indent(w, w->depth);
		buf_addc(&w->b, ']');
	}
	w->depth--;
}

/* ---- content negotiation ------------------------------------------ */

/* The q-value of a media range (1 when absent; 0..1). */
static double
rdf_qvalue(const char *params, size_t n)
{
	const char	*q;
	char		 tmp[16];
	size_t		 len;

	for (q = params; q != NULL && q < params + n; ) {
		q = memchr(q, ';', (size_t)(params + n - q));
		if (q == NULL)
			break;
		q++;
		while (q < params + n && *q == ' ')
			q++;
		if (q + 2 <= params + n && (q[0] == 'q' || q[0] == 'Q') &&
		    q[1] == '=') {
			len = (size_t)(params + n - (q + 2));
			if (len >= sizeof(tmp))
				len = sizeof(tmp) - 1;
			memcpy(tmp, q + 2, len);
			tmp[len] = '\0';
			return strtod(tmp, NULL);
		}
	}
	return 1;
}

enum rdf_syntax
rdf_accept(const char *accept, int *html)
{
	/* q of turtle, rdf+xml, html, and the best wildcard. */
	double		 q[3] = { -1, -1, -1 }, any = -1, v;
	const char	*p, *e, *semi;
	size_t		 n, tn;

	*html = 0;
	if (accept == NULL || *accept == '\0')
		return RDF_TURTLE;
	for (p = accept; *p; p = *e ? e + 1 : e) {
		while (*p == ' ' || *p == ',')
			p++;
		if ((e = strchr(p, ',')) == NULL)
			e = p + strlen(p);
		n = (size_t)(e - p);
		semi = memchr(p, ';', n);
		tn = semi ? (size_t)(semi - p) : n;
		while (tn > 0 && p[tn - 1] == ' ')
			tn--;
		v = rdf_qvalue(p, n);
		if (tn == 11 && strncasecmp(p, "text/turtle", tn) == 0)
			q[0] = v > q[0] ? v : q[0];
		else if (tn == 19 && strncasecmp(p, "application/rdf+xml",
		    tn) == 0)
			q[1] = v > q[1] ? v : q[1];
		else if (tn == 9 && strncasecmp(p, "text/html", tn) == 0)
			q[2] = v > q[2] ? v : q[2];
		else if ((tn == 3 && strncmp(p, "*/*", 3) == 0) ||
		    (tn == 6 && strncasecmp(p, "text/*", 6) == 0) ||
		    (tn == 13 && strncasecmp(p, "application/*", 13) == 0))
			any = v > any ? v : any;
		if (*e == '\0')
			break;
	}
	/* A type not named takes the wildcard's q. */
	if (q[0] < 0)
		q[0] = any;
	if (q[1] < 0)
		q[1] = any;
	if (q[2] > 0 && q[2] > q[0] && q[2] > q[1])
		*html = 1;
	if (q[0] <= 0 && q[1] <= 0)
		return RDF__MAX;
	return q[1] > q[0] ? RDF_XML : RDF_TURTLE;
}

enum rdf_syntax
rdf_negotiate(const struct req *r, int *html)
{
	return rdf_accept(http_env(r, "HTTP_ACCEPT"), html);
}
