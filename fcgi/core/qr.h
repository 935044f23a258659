/*
 * qr.h — QR codes drawn server-side as inline SVG (libqrencode), for
 * the otpauth:// URI of TOTP enrolment: no image file, no script, and
 * it scales crisply with the page.
 */
#ifndef SHAREK_QR_H
#define SHAREK_QR_H

struct buf;

#define QR_QUIET	4	/* modules of light margin (ISO/IEC 18004) */

/*
 * Appends to b one <svg> element encoding text (error correction M,
 * the smallest version that holds it, mixed modes, case kept):
 * viewBox in modules, quiet zone included, so CSS gives it any size
 * (class "qr"; without a width it fills its container); a white
 * <rect> under one <path> of every dark module, row runs merged;
 * role="img" and aria-label="label" (escaped here) for screen readers,
 * since the picture alone says nothing to them — the page also shows
 * the secret as text.  Valid inline in HTML5 and as XML.
 * Returns 0, or -1 (logged, b unchanged) when text is empty or too
 * long for a QR code, or label is empty.
 */
int	qr_svg(struct buf *b, const char *text, const char *label);

#endif
