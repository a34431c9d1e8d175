/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * pdf.c: the PDF reader, a module that twohats loads on its first PDF (libltdl), so that
 * poppler and what it links (GLib, cairo, NSS, X11: fifty libraries) cost nothing to a
 * run without PDF.  It uses poppler's GLib interface (Debian libpoppler-glib-dev) and
 * gives the text of each page as poppler lays it out, and the creation date.
 * Everything it returns is malloc'd; the caller frees it.
 */
#include <poppler.h>
#include <stdlib.h>
#include <string.h>

int twohats_pdf_read(const char *buf, size_t size, char ***pages, size_t *npages, char **date,
                     char **why);

static char *copy(const char *s)
{
        char *c = malloc(strlen(s) + 1);
        if (c)
                strcpy(c, s);
        return c;
}

int twohats_pdf_read(const char *buf, size_t size, char ***pages, size_t *npages, char **date,
                     char **why)
{
        *pages = NULL;
        *npages = 0;
        *date = *why = NULL;
        GError *e = NULL;
        GBytes *bytes = g_bytes_new(buf, size);
        PopplerDocument *d = poppler_document_new_from_bytes(bytes, NULL, &e);
        g_bytes_unref(bytes);
        if (!d) {
                *why = copy(e ? e->message : "it cannot be opened");
                if (e)
                        g_error_free(e);
                return -1;
        }
        int n = poppler_document_get_n_pages(d);
        *pages = calloc(n > 0 ? (size_t)n : 1, sizeof(char *));
        for (int i = 0; *pages && i < n; i++) {
                PopplerPage *p = poppler_document_get_page(d, i);
                char *t = p ? poppler_page_get_text(p) : NULL;
                (*pages)[(*npages)++] = copy(t ? t : "");
                g_free(t);
                if (p)
                        g_object_unref(p);
        }
        GDateTime *created = poppler_document_get_creation_date_time(d);
        if (created) {
                gchar *s = g_date_time_format(created, "%Y-%m-%d");
                *date = s ? copy(s) : NULL;
                g_free(s);
                g_date_time_unref(created);
        }
        g_object_unref(d);
        return *pages ? 0 : -1;
}
