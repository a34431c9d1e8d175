/* SPDX-License-Identifier: EUPL-1.2 */
/* report_line.c: "path:line:column: severity: message [rule]", as compilers print. */
#include "report/report.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

void th_report_line_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        /* one finding, one line: a newline in a file name or an escape sequence in a quote
         * must neither forge a line nor drive the terminal */
        char *path = th_utf8_printable(doc->path, strlen(doc->path), 1);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                char *message = th_utf8_printable(x->message, strlen(x->message), 1);
                char *rule = th_utf8_printable(x->rule, strlen(x->rule), 1);
                fprintf(r->out, "%s:%u:%u: %s: %s [%s]\n", path, x->line,
                        th_report_column(r, doc, x), th_severity_name(x->severity), message, rule);
                free(message);
                free(rule);
        }
        free(path);
}
