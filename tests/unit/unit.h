/* SPDX-License-Identifier: EUPL-1.2 */
/* unit.h: what every cmocka test of the core includes. */
#ifndef TH_UNIT_H
#define TH_UNIT_H

#include <setjmp.h>
#include <stdarg.h>
#include <stddef.h>
#include <stdint.h>
#include <stdlib.h>
#include <string.h>
#include <cmocka.h>

#include "document/document.h"
#include "base/util.h"

/* The Dutch conventions of the project's rule data (rules/nl/language.yml), read once. */
static inline const struct th_conventions *unit_conventions(void)
{
        static struct th_conventions conv;
        static int read;
        if (!read) {
                const char *src = getenv("srcdir");
                char *path = th_xasprintf("%s/rules/nl/language.yml", src ? src : ".");
                struct th_error err = {0};
                if (th_conventions_read(&conv, "nl", path, &err) < 0)
                        abort();
                free(path);
                read = 1;
        }
        return &conv;
}

/* Build a document from a string literal (Markdown unless `plain`), with the Dutch
 * conventions. */
static inline int unit_doc(struct th_doc *doc, const char *text, int plain, struct th_error *err)
{
        struct th_doc_options opt = {plain ? TH_MARKUP_PLAIN : TH_MARKUP_MARKDOWN, 0, NULL, NULL,
                                     unit_conventions()};
        return th_doc_build(doc, "t.md", th_xstrdup(text), strlen(text), &opt, err);
}

/* The text of span i of list l, in a static buffer. */
static inline const char *unit_span(const struct th_doc *doc, const struct th_span_list *l,
                                    size_t i)
{
        static char buf[512];
        size_t n = l->v[i].end - l->v[i].start;
        if (n >= sizeof(buf))
                n = sizeof(buf) - 1;
        memcpy(buf, doc->text + l->v[i].start, n);
        buf[n] = '\0';
        return buf;
}

#endif
