/*
 * qr.c — see qr.h.
 */
#include <errno.h>
#include <string.h>

#include <qrencode.h>

#include "buf.h"
#include "log.h"
#include "qr.h"

int
qr_svg(struct buf *b, const char *text, const char *label)
{
	QRcode		*q;
	int		 n, x, y, run;

	if (text == NULL || *text == '\0') {
		log_warnx("%s: nothing to encode", __func__);
		return -1;
	}
	/* A code without a name is a blank to a screen reader. */
	if (label == NULL || *label == '\0') {
		log_warnx("%s: no label", __func__);
		return -1;
	}
	/* M restores 15% of damaged modules: enough for a screen, and a
	 * version or two smaller than Q for a ~120-byte URI. */
	q = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
	if (q == NULL) {
		log_warnx("%s: %zu bytes: %s", __func__, strlen(text),
		    errno == ERANGE ? "too long for a QR code" :
		    strerror(errno));
		return -1;
	}
	n = q->width + 2 * QR_QUIET;
	buf_printf(b, "<svg xmlns=\"http://www.w3.org/2000/svg\" "
	    "viewBox=\"0 0 %d %d\" class=\"qr\" role=\"img\" aria-label=\"",
	    n, n);
	buf_html(b, label, strlen(label));
	/* The light background is part of the code: on a dark page the
	 * quiet zone must still be light for a camera to find the code. */
	buf_printf(b, "\" shape-rendering=\"crispEdges\">"
	    "<rect width=\"%d\" height=\"%d\" fill=\"#fff\"/>"
	    "<path fill=\"#000\" d=\"", n, n);
	/* One subpath per horizontal run of dark modules: a few hundred
	 * for a typical URI where one <rect> per module would be
	 * thousands of elements. */
	for (y = 0; y < q->width; y++) {
		for (x = 0; x < q->width; x += run) {
			run = 0;
			while (x + run < q->width &&
			    (q->data[y * q->width + x + run] & 1))
				run++;
			if (run == 0) {
				run = 1;
				continue;
			}
			buf_printf(b, "M%d %dh%dv1h-%dz", x + QR_QUIET,
			    y + QR_QUIET, run, run);
		}
	}
	buf_adds(b, "\"/></svg>");
	QRcode_free(q);
	return 0;
}
