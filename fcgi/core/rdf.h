/*
 * rdf.h — an RDF triple writer streaming into the response, in Turtle or
 * in RDF/XML (libxml2's xmlTextWriter, through xmlw), for the open-data
 * catalog.  The caller says what to write once; the writer picks the
 * syntax:
 *
 *	w = rdf_begin(r, RDF_TURTLE, ns);
 *	rdf_node(w, "https://…/opendata/catalog", "dcat:Catalog");
 *	rdf_lit(w, "dct:title", "شارك", "ar");
 *	rdf_iri(w, "dct:license", "https://creativecommons.org/…");
 *	rdf_open(w, "dcat:contactPoint", "vcard:Organization");
 *	rdf_lit(w, "vcard:fn", "Sharek", "en");
 *	rdf_close(w);
 *	rdf_typed(w, "dct:modified", "2026-11-30", "xsd:date");
 *	return rdf_end(w) == 0 ? 200 : 500;
 *
 * Predicates, classes and datatypes are prefixed names ("dct:title")
 * whose prefixes are in the table given to rdf_begin; subjects and IRI
 * objects are absolute IRIs.  Literals are any UTF-8 text: the writer
 * escapes it for the syntax (Turtle string escapes, XML text).  Blank
 * nodes are written nested (Turtle [ … ], RDF/XML parseType="Resource"),
 * so no blank node label is ever needed.
 */
#ifndef SHAREK_RDF_H
#define SHAREK_RDF_H

struct req;
struct rdfw;

enum rdf_syntax {
	RDF_TURTLE,	/* text/turtle */
	RDF_XML,	/* application/rdf+xml */
	RDF__MAX
};

/* The Content-Type of each syntax, with charset=utf-8. */
extern const char *const rdf_ctypes[RDF__MAX];

/* A prefix and its namespace IRI; a table ends with { NULL, NULL }. */
struct rdf_ns {
	const char	*prefix;
	const char	*iri;
};

/* Starts the streamed response (http_stream) in the syntax and returns
 * the writer (request-owned), or NULL on failure before anything was
 * sent.  The table must outlive the writer; "rdf" must be in it. */
struct rdfw	*rdf_begin(struct req *, enum rdf_syntax,
		    const struct rdf_ns *);
/* Ends every open node and the document and flushes: 0, or -1 when the
 * response could not be written whole (the handler then returns 500 and
 * the kernel cuts it). */
int		 rdf_end(struct rdfw *);

/* Starts a new subject (ending the previous one) with a class (NULL:
 * none; then some predicate must follow). */
void		 rdf_node(struct rdfw *, const char *iri, const char *cls);
/* Another class of the current subject or blank node. */
void		 rdf_a(struct rdfw *, const char *cls);
/* pred → IRI; a NULL IRI writes nothing. */
void		 rdf_iri(struct rdfw *, const char *pred, const char *iri);
/* pred → "text"@lang (lang NULL: a plain literal); NULL text writes
 * nothing. */
void		 rdf_lit(struct rdfw *, const char *pred, const char *text,
		    const char *lang);
/* pred → "text"^^datatype; NULL text writes nothing. */
void		 rdf_typed(struct rdfw *, const char *pred, const char *text,
		    const char *datatype);
/* pred → a blank node of class cls (NULL: none), whose properties
 * follow until rdf_close. */
void		 rdf_open(struct rdfw *, const char *pred, const char *cls);
void		 rdf_close(struct rdfw *);

/* The syntax an Accept header asks for: RDF_TURTLE or RDF_XML by their
 * q-values (Turtle when both are equal, when the header is absent or
 * only says * / *), or RDF__MAX when it accepts neither.  *html is set
 * when text/html is preferred to both (a browser). */
enum rdf_syntax	 rdf_accept(const char *accept, int *html);
/* rdf_accept of the request's own Accept header. */
enum rdf_syntax	 rdf_negotiate(const struct req *, int *html);

#endif
