/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pdf.h: the text of a PDF file, page by page (see pdf.c).
 */
#ifndef TH_PDF_H
#define TH_PDF_H

#include <stddef.h>

#include "base/error.h"

struct th_pdf {
        char **pages; /* UTF-8 text, one string a page */
        size_t npages;
        char *date; /* the creation date, YYYY-MM-DD, or NULL */
};

/* Read the PDF `path`, whose bytes are buf[0, size); -1 with `err` naming it and the
 * reason (also when this twohats was built without poppler: the message says how). */
int th_pdf_read(const char *path, const char *buf, size_t size, struct th_pdf *out,
                struct th_error *err);
void th_pdf_release(struct th_pdf *p);

#endif
