/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pdf.c: the text of a PDF file, page by page, through the PDF reader module
 * (readers/pdf.c, poppler), loaded on the first PDF.  Each page is a unit of its own,
 * named "FILE:PAGE", so that a finding reads "brief.pdf:3:12:5": page 3, line 12,
 * column 5 of the text as poppler lays the page out.
 */
#include <config.h>

#include "input/pdf.h"
#include "base/util.h"
#include "input/readers.h"

#include <stdlib.h>
#include <string.h>

typedef int (*pdf_read_fn)(const char *buf, size_t size, char ***pages, size_t *npages, char **date,
                           char **why);

int th_pdf_read(const char *path, const char *buf, size_t size, struct th_pdf *out,
                struct th_error *err)
{
        memset(out, 0, sizeof(*out));
        pdf_read_fn read = (pdf_read_fn)th_reader_function("pdf", "twohats_pdf_read");
        if (!read)
                return th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                                    "cannot read PDF files: this twohats has no PDF reader (build "
                                    "it with libpoppler-glib-dev, or convert the file with "
                                    "pdftotext)");
        char *why = NULL;
        if (read(buf, size, &out->pages, &out->npages, &out->date, &why) < 0) {
                int rc = th_error_set(err, TH_ERR_USAGE, path, 0, 0, "cannot read this PDF: %s",
                                      why ? why : "out of memory");
                free(why);
                th_pdf_release(out);
                return rc;
        }
        /* A scan has pages but no text: clean it is not, and OCR is the way in. */
        for (size_t i = 0; i < out->npages; i++)
                if (out->pages[i][strspn(out->pages[i], " \t\r\n\f")])
                        return 0;
        th_pdf_release(out);
        return th_error_set(err, TH_ERR_USAGE, path, 0, 0,
                            "cannot read this PDF: it has no text (a scan?); give it a text "
                            "layer first, for example with ocrmypdf");
}

void th_pdf_release(struct th_pdf *p)
{
        for (size_t i = 0; i < p->npages; i++)
                free(p->pages[i]);
        free(p->pages);
        free(p->date);
        memset(p, 0, sizeof(*p));
}
