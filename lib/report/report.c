/* report.c: choose the reporter for a format (see report.h). */
#include "report/report.h"
#include "base/util.h"

#include <stdlib.h>
#include <strings.h>

#include <string.h>

int th_format_parse(const char *s)
{
        static const char *const names[] = {"text", "line", "json", "sarif", "checkstyle"};
        for (int i = 0; i < 5; i++)
                if (strcmp(s, names[i]) == 0)
                        return i;
        return -1;
}

void th_report_begin(struct th_report *r, enum th_format format, FILE *out, int color,
                     const struct th_engine *engine)
{
        memset(r, 0, sizeof(*r));
        r->format = format;
        r->out = out;
        r->color = color;
        r->engine = engine;
        if (format == TH_FORMAT_JSON)
                th_report_json_begin(r);
        else if (format == TH_FORMAT_SARIF)
                th_report_sarif_begin(r);
        else if (format == TH_FORMAT_CHECKSTYLE)
                th_report_checkstyle_begin(r);
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
        case TH_FORMAT_SARIF:
                th_report_sarif_doc(r, doc, f);
                break;
        case TH_FORMAT_CHECKSTYLE:
                th_report_checkstyle_doc(r, doc, f);
                break;
        }
}

void th_report_skip(struct th_report *r, const char *path)
{
        const char *base = strrchr(path, '/'), *dot = strrchr(base ? base : path, '.');
        const char *type = dot && dot != (base ? base + 1 : path) ? dot : "";
        r->skipped_files++;
        for (size_t i = 0; i < r->nskipped; i++)
                if (!strcasecmp(r->skipped[i].type, type)) {
                        r->skipped[i].n++;
                        return;
                }
        TH_GROW(r->skipped, r->nskipped + 1, r->askipped);
        r->skipped[r->nskipped++] = (struct th_skipped){th_xstrdup(type), 1};
}

void th_report_error(struct th_report *r, const struct th_error *err)
{
        TH_GROW(r->errors, r->nerrors + 1, r->aerrors);
        struct th_error *e = &r->errors[r->nerrors++];
        *e = (struct th_error){0};
        th_error_set(e, err->kind, err->file, err->line, err->col, "%s",
                     err->message ? err->message : "");
}

void th_report_end(struct th_report *r)
{
        if (r->format == TH_FORMAT_TEXT)
                th_report_text_end(r);
        else if (r->format == TH_FORMAT_JSON)
                th_report_json_end(r);
        else if (r->format == TH_FORMAT_SARIF)
                th_report_sarif_end(r);
        else if (r->format == TH_FORMAT_CHECKSTYLE)
                th_report_checkstyle_end(r);
        fflush(r->out);
        for (size_t i = 0; i < r->nskipped; i++)
                free(r->skipped[i].type);
        free(r->skipped);
        r->skipped = NULL;
        r->nskipped = 0;
        for (size_t i = 0; i < r->nerrors; i++)
                th_error_release(&r->errors[i]);
        free(r->errors);
        r->errors = NULL;
        r->nerrors = 0;
}
