/*
 * test_qr.c — the SVG QR code: well-formed XML in the SVG namespace,
 * named for screen readers, sized by its viewBox, and — drawn back from
 * its one <path> — exactly libqrencode's modules inside a quiet zone.
 */
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

#include <libxml/parser.h>
#include <libxml/tree.h>
#include <qrencode.h>

#include "arena.h"
#include "buf.h"
#include "qr.h"
#include "totp.h"
#include "t.h"

#define SVG_NS	"http://www.w3.org/2000/svg"

struct parsed {
	xmlDocPtr	 doc;
	int		 n;		/* viewBox side, modules */
	int		 rects, paths, others;
	char		*role, *label, *d;
};

static void
parsed_free(struct parsed *p)
{
	xmlFree(p->role);
	xmlFree(p->label);
	xmlFree(p->d);
	if (p->doc != NULL)
		xmlFreeDoc(p->doc);
	memset(p, 0, sizeof(*p));
}

/* Parses the SVG as XML; 0 when it is one <svg> in the SVG namespace
 * with a square viewBox starting at 0 0. */
static int
parse(const struct buf *b, struct parsed *p)
{
	xmlNodePtr	 root, c;
	xmlChar		*vb;
	int		 x, y, w, h;

	memset(p, 0, sizeof(*p));
	p->doc = xmlReadMemory(b->data, (int)b->len, "qr.svg", NULL,
	    XML_PARSE_NONET);
	if (p->doc == NULL || (root = xmlDocGetRootElement(p->doc)) == NULL)
		return -1;
	if (strcmp((const char *)root->name, "svg") != 0 || root->ns == NULL ||
	    strcmp((const char *)root->ns->href, SVG_NS) != 0)
		return -1;
	if ((vb = xmlGetProp(root, BAD_CAST "viewBox")) == NULL)
		return -1;
	if (sscanf((const char *)vb, "%d %d %d %d", &x, &y, &w, &h) != 4 ||
	    x != 0 || y != 0 || w != h) {
		xmlFree(vb);
		return -1;
	}
	xmlFree(vb);
	p->n = w;
	p->role = (char *)xmlGetProp(root, BAD_CAST "role");
	p->label = (char *)xmlGetProp(root, BAD_CAST "aria-label");
	for (c = root->children; c != NULL; c = c->next) {
		if (c->type != XML_ELEMENT_NODE)
			continue;
		if (strcmp((const char *)c->name, "rect") == 0)
			p->rects++;
		else if (strcmp((const char *)c->name, "path") == 0) {
			p->paths++;
			xmlFree(p->d);
			p->d = (char *)xmlGetProp(c, BAD_CAST "d");
		} else
			p->others++;
	}
	return 0;
}

/* Draws the path's "Mx yhNv1h-Nz" runs into grid[n*n]; the number of
 * runs, or -1 on anything else (overlaps included). */
static int
rasterise(const char *d, int n, unsigned char *grid)
{
	int	 x, y, w, w2, used, i, runs = 0;

	memset(grid, 0, (size_t)n * n);
	while (*d != '\0') {
		if (sscanf(d, "M%d %dh%dv1h-%dz%n", &x, &y, &w, &w2, &used) != 4 ||
		    w != w2 || w < 1 || x < 0 || y < 0 || x + w > n || y >= n)
			return -1;
		for (i = 0; i < w; i++) {
			if (grid[y * n + x + i])
				return -1;
			grid[y * n + x + i] = 1;
		}
		d += used;
		runs++;
	}
	return runs;
}

/* 1 when the drawing is libqrencode's symbol for text, shifted by the
 * quiet zone, with nothing drawn in the quiet zone.  *version and
 * *dark get the symbol's version and dark module count. */
static int
matches(const char *text, const struct parsed *p, int *version, int *dark,
    int *runs)
{
	QRcode		*q;
	unsigned char	*grid;
	int		 x, y, ok = 1, want;

	q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL || p->d == NULL || p->n != q->width + 2 * QR_QUIET) {
		QRcode_free(q);
		return 0;
	}
	grid = calloc((size_t)p->n * p->n, 1);
	*runs = rasterise(p->d, p->n, grid);
	if (*runs < 0)
		ok = 0;
	*dark = 0;
	for (y = 0; ok && y < p->n; y++)
		for (x = 0; x < p->n; x++) {
			want = 0;
			if (x >= QR_QUIET && y >= QR_QUIET &&
			    x < QR_QUIET + q->width && y < QR_QUIET + q->width)
				want = q->data[(y - QR_QUIET) * q->width +
				    (x - QR_QUIET)] & 1;
			if (grid[y * p->n + x] != want)
				ok = 0;
			*dark += want;
		}
	*version = q->version;
	free(grid);
	QRcode_free(q);
	return ok;
}

/* Row r of the drawing, modules c0..c1, all dark (1) or all light (0). */
static int
row_is(const char *d, int n, int r, int c0, int c1, int dark)
{
	unsigned char	*grid = calloc((size_t)n * n, 1);
	int		 c, ok = rasterise(d, n, grid) >= 0;

	for (c = c0; ok && c <= c1; c++)
		if (grid[r * n + c] != dark)
			ok = 0;
	free(grid);
	return ok;
}

int
main(void)
{
	struct arena	*a = arena_new(1 << 16);
	struct buf	 b;
	struct parsed	 p;
	const char	*uri, *label;
	char		*big;
	int		 version, dark, runs;

	/* A short alphanumeric text: version 1 (21 modules) at level M. */
	buf_init(&b, a);
	t_eq_int(qr_svg(&b, "HELLO WORLD", "QR code"), 0, "encodes");
	t_eq_int(parse(&b, &p), 0, "parses as XML: one <svg> in the SVG "
	    "namespace, square viewBox");
	t_eq_int(p.n, 21 + 2 * QR_QUIET, "viewBox: version 1 plus a quiet "
	    "zone of 4 each side");
	t_eq_str(p.role, "img", "role=img");
	t_eq_str(p.label, "QR code", "aria-label");
	t_ok(p.rects == 1 && p.paths == 1 && p.others == 0,
	    "one background rect and one path, nothing else");
	t_ok(matches("HELLO WORLD", &p, &version, &dark, &runs),
	    "the path draws exactly libqrencode's modules");
	t_eq_int(version, 1, "version 1");
	t_ok(row_is(p.d, p.n, 0, 0, p.n - 1, 0) &&
	    row_is(p.d, p.n, QR_QUIET - 1, 0, p.n - 1, 0),
	    "quiet zone rows are light");
	t_ok(row_is(p.d, p.n, QR_QUIET, QR_QUIET, QR_QUIET + 6, 1),
	    "finder pattern's top edge starts after the quiet zone");
	t_ok(strstr(b.data, "fill=\"#fff\"") != NULL,
	    "background is white (dark pages)");
	parsed_free(&p);

	/* What enrolment shows: an otpauth URI of a long staff address. */
	uri = totp_uri(a, "coordinator.of.primary.care@moh.gov.jo",
	    (const unsigned char *)"12345678901234567890", 20);
	buf_init(&b, a);
	label = "QR code for your authenticator app";
	t_eq_int(qr_svg(&b, uri, label), 0, "URI encodes");
	t_eq_int(parse(&b, &p), 0, "URI: parses as XML");
	t_ok(matches(uri, &p, &version, &dark, &runs),
	    "URI: the path draws exactly libqrencode's modules");
	t_ok(version == 8, "URI of %zu bytes: version 8 at level M (got %d)",
	    strlen(uri), version);
	t_eq_int(p.n, 17 + 4 * version + 2 * QR_QUIET,
	    "URI: viewBox is 17 + 4v modules plus the quiet zone");
	t_ok(runs < dark / 2, "URI: runs merged (%d subpaths for %d dark "
	    "modules)", runs, dark);
	t_ok(b.len < 16384, "URI: %zu bytes of SVG", b.len);
	parsed_free(&p);

	/* The label is escaped for the attribute; XML gives it back. */
	buf_init(&b, a);
	label = "Scan \"this\" <code> & 'go' — رمز";
	t_eq_int(qr_svg(&b, "x", label), 0, "special characters in the label");
	t_ok(parse(&b, &p) == 0 && p.label != NULL &&
	    strcmp(p.label, label) == 0, "label survives escaping");
	parsed_free(&p);

	/* Arabic text is encoded as its UTF-8 bytes. */
	buf_init(&b, a);
	t_eq_int(qr_svg(&b, "شارك — بوابة المشاركة", "رمز"), 0, "Arabic text");
	t_ok(parse(&b, &p) == 0 && matches("شارك — بوابة المشاركة", &p,
	    &version, &dark, &runs), "Arabic text: modules match");
	parsed_free(&p);

	/* Refusals leave the buffer as it was. */
	buf_init(&b, a);
	buf_adds(&b, "<p>");
	t_eq_int(qr_svg(&b, "", "QR"), -1, "empty text refused");
	t_eq_int(qr_svg(&b, NULL, "QR"), -1, "NULL text refused");
	t_eq_int(qr_svg(&b, "x", ""), -1, "empty label refused");
	t_eq_int(qr_svg(&b, "x", NULL), -1, "NULL label refused");
	big = arena_alloc(a, 4000);
	memset(big, 'a', 3999);
	big[3999] = '\0';
	t_eq_int(qr_svg(&b, big, "QR"), -1, "4 KB is too long for a QR code");
	t_eq_str(b.data, "<p>", "buffer unchanged by refusals");

	xmlCleanupParser();
	arena_free(a);
	return t_done();
}
