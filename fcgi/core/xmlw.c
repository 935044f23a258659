/*
 * xmlw.c — see xmlw.h.
 */
#include <libxml/xmlIO.h>
#include <libxml/xmlwriter.h>

#include "http.h"
#include "log.h"
#include "xmlw.h"

static int
xmlw_write(void *ctx, const char *buf, int len)
{
	http_write(ctx, buf, (size_t)len);
	return len;
}

static int
xmlw_close(void *ctx)
{
	(void)ctx;
	return 0;
}

xmlTextWriterPtr
xmlw_begin(struct req *r, const char *ctype)
{
	xmlOutputBufferPtr	 out;
	xmlTextWriterPtr	 w;

	out = xmlOutputBufferCreateIO(xmlw_write, xmlw_close, r, NULL);
	if (out == NULL) {
		log_warnx("%s: xmlOutputBufferCreateIO failed", __func__);
		return NULL;
	}
	if ((w = xmlNewTextWriter(out)) == NULL) {
		xmlOutputBufferClose(out);
		log_warnx("%s: xmlNewTextWriter failed", __func__);
		return NULL;
	}
	http_stream(r, ctype);
	xmlTextWriterSetIndent(w, 1);
	if (xmlTextWriterStartDocument(w, "1.0", "UTF-8", NULL) < 0) {
		xmlFreeTextWriter(w);
		return NULL;
	}
	return w;
}

int
xmlw_end(xmlTextWriterPtr w)
{
	int	 rc;

	rc = xmlTextWriterEndDocument(w);
	xmlTextWriterFlush(w);
	xmlFreeTextWriter(w);
	return rc < 0 ? -1 : 0;
}

int
xmlw_elem(xmlTextWriterPtr w, const char *name, const char *text)
{
	if (text == NULL)
		return 0;
	return xmlTextWriterWriteElement(w, BAD_CAST name, BAD_CAST text) < 0 ?
	    -1 : 0;
}

int
xmlw_link(xmlTextWriterPtr w, const char *rel, const char *href)
{
	if (xmlTextWriterStartElement(w, BAD_CAST "link") < 0 ||
	    (rel != NULL && xmlTextWriterWriteAttribute(w, BAD_CAST "rel",
	    BAD_CAST rel) < 0) ||
	    xmlTextWriterWriteAttribute(w, BAD_CAST "href", BAD_CAST href) < 0)
		return -1;
	return xmlTextWriterEndElement(w) < 0 ? -1 : 0;
}
