/* report.c: choose the reporter for a format (see report.h). */
#include "report.h"

#include <string.h>

int th_format_parse(const char *s)
{
        static const char *const names[] = {"text", "line", "json"};
        for (int i = 0; i < 3; i++)
                if (strcmp(s, names[i]) == 0)
                        return i;
        return -1;
}

void th_report_begin(struct th_report *r, enum th_format format, FILE *out, int color)
{
        memset(r, 0, sizeof(*r));
        r->format = format;
        r->out = out;
        r->color = color;
        if (format == TH_FORMAT_JSON)
                th_report_json_begin(r);
}

void th_report_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        for (size_t i = 0; i < f->nr; i++)
                r->counts[f->v[i].severity]++;
        r->nfindings += f->nr;
        r->ndocs_with_findings += f->nr > 0;
        switch (r->format) {
        case TH_FORMAT_TEXT:
                th_report_text_doc(r, doc, f);
                break;
        case TH_FORMAT_LINE:
                th_report_line_doc(r, doc, f);
                break;
        case TH_FORMAT_JSON:
                th_report_json_doc(r, doc, f);
                break;
        }
}

void th_report_end(struct th_report *r)
{
        if (r->format == TH_FORMAT_TEXT)
                th_report_text_end(r);
        else if (r->format == TH_FORMAT_JSON)
                th_report_json_end(r);
        fflush(r->out);
}
