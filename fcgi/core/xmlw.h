/*
 * xmlw.h — libxml2's xmlTextWriter streaming straight into the response
 * (feeds, open-data exports).  Never build XML with templates.
 */
#ifndef SHAREK_XMLW_H
#define SHAREK_XMLW_H

#include <libxml/xmlwriter.h>

struct req;

/* Starts a streamed response of ctype and returns a writer whose output
 * goes to the client as it is produced; NULL on failure.  The document
 * is started (UTF-8).  Free it with xmlw_end. */
xmlTextWriterPtr	 xmlw_begin(struct req *, const char *ctype);
/* Ends the document, flushes and frees the writer; 0 or -1. */
int			 xmlw_end(xmlTextWriterPtr);
/* Writes <name>text</name>; text NULL writes nothing. */
int			 xmlw_elem(xmlTextWriterPtr, const char *name,
			    const char *text);
/* Writes Atom's <link rel="rel" href="href"/> (rel NULL: no rel, the
 * alternate); 0 or -1. */
int			 xmlw_link(xmlTextWriterPtr, const char *rel,
			    const char *href);

#endif
