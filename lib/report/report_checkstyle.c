/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_checkstyle.c: the checkstyle XML that Jenkins (Warnings NG) and
 * GitLab read: <checkstyle><file name><error line column severity message
 * source/></file></checkstyle>.
 */
#include "report/report.h"
#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* Write `s` as XML attribute text: invalid UTF-8 becomes U+FFFD (the document must stay
 * well-formed), control characters XML 1.0 cannot carry become spaces. */
static void attr(FILE *out, const char *raw)
{
        char *s = th_utf8_printable(raw, strlen(raw), 0);
        for (const unsigned char *p = (const unsigned char *)s; *p; p++) {
                switch (*p) {
                case '&':
                        fputs("&amp;", out);
                        break;
                case '<':
                        fputs("&lt;", out);
                        break;
                case '>':
                        fputs("&gt;", out);
                        break;
                case '"':
                        fputs("&quot;", out);
                        break;
                case '\'':
                        fputs("&apos;", out);
                        break;
                case '\n':
                        fputs("&#10;", out);
                        break;
                case '\t':
                        fputs("&#9;", out);
                        break;
                default:
                        fputc(*p < 0x20 ? ' ' : *p, out);
                }
        }
        free(s);
}

void th_report_checkstyle_begin(struct th_report *r)
{
        fputs("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<checkstyle version=\"4.3\">\n", r->out);
}

void th_report_checkstyle_doc(struct th_report *r, const struct th_doc *doc,
                              const struct th_findings *f)
{
        if (f->nr == 0)
                return;
        fputs("  <file name=\"", r->out);
        attr(r->out, doc->path);
        fputs("\">\n", r->out);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                fprintf(r->out, "    <error line=\"%u\" column=\"%u\" severity=\"%s\" message=\"",
                        x->line, x->col, th_severity_name(x->severity));
                attr(r->out, x->message);
                fputs("\" source=\"twohats.", r->out);
                attr(r->out, x->rule);
                fputs("\"/>\n", r->out);
        }
        fputs("  </file>\n", r->out);
}

void th_report_checkstyle_end(struct th_report *r)
{
        for (size_t i = 0; i < r->nerrors; i++) { /* inputs that could not be read */
                const struct th_error *e = &r->errors[i];
                fputs("  <file name=\"", r->out);
                attr(r->out, e->file ? e->file : "");
                fprintf(r->out,
                        "\">\n    <error line=\"%u\" column=\"%u\" severity=\"error\" message=\"",
                        e->line, e->col);
                attr(r->out, e->message);
                fputs("\" source=\"twohats.input\"/>\n  </file>\n", r->out);
        }
        fputs("</checkstyle>\n", r->out);
}
