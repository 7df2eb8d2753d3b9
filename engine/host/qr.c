/*
 * qr.c: a QR code of the join address for the projector, drawn as inline
 * SVG (one path of dark modules on a white square with the standard quiet
 * zone): no image file, no script, nothing the Content-Security-Policy
 * refuses. The code itself is libqrencode's (Debian's libqrencode-dev).
 */
#include "host_internal.h"

#ifdef SCALEUP_HAVE_QRENCODE
#include <qrencode.h>

bool qr_svg(struct strbuf *out, const char *text, const char *label)
{
    /* Medium error correction: a projected code still reads with a glare
     * over a seventh of it. */
    QRcode *qr = QRcode_encodeString(text, 0, QR_ECLEVEL_M, QR_MODE_8, 1);
    if (!qr)
        return false;
    const int quiet = 4, side = qr->width + 2 * quiet;
    sb_printf(out, "<svg class=\"qr\" xmlns=\"http://www.w3.org/2000/svg\" viewBox=\"0 0 %d %d\" "
                   "role=\"img\" aria-label=\"",
              side, side);
    html_text(out, label);
    sb_printf(out, "\" shape-rendering=\"crispEdges\"><rect width=\"%d\" height=\"%d\" "
                   "fill=\"#fff\"/><path fill=\"#000\" d=\"",
              side, side);
    for (int y = 0; y < qr->width; y++)
        for (int x = 0; x < qr->width; x++)
            if (qr->data[y * qr->width + x] & 1) /* bit 0: a dark module */
                sb_printf(out, "M%d %dh1v1h-1z", x + quiet, y + quiet);
    sb_puts(out, "\"/></svg>");
    QRcode_free(qr);
    return true;
}
#else
bool qr_svg(struct strbuf *out, const char *text, const char *label)
{
    (void)out;
    (void)text;
    (void)label;
    return false;
}
#endif
