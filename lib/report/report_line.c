/* report_line.c: "path:line:column: severity: message [rule]", as compilers print. */
#include "report/report.h"

void th_report_line_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                fprintf(r->out, "%s:%u:%u: %s: %s [%s]\n", doc->path, x->line, x->col,
                        th_severity_name(x->severity), x->message, x->rule);
        }
}
