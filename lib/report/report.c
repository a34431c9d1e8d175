/* SPDX-License-Identifier: EUPL-1.2 */
/* report.c: choose the reporter for a format (see report.h). */
#include "report/report.h"
#include "base/util.h"

#include <stdlib.h>
#include <strings.h>

#include <string.h>

int th_format_parse(const char *s)
{
        static const char *const names[] = {"text",       "line",        "json", "sarif",
                                            "checkstyle", "codeclimate", "jsonl"};
        for (int i = 0; i < 7; i++)
                if (strcmp(s, names[i]) == 0)
                        return i;
        return -1;
}

void th_report_begin(struct th_report *r, const struct th_report_options *opt)
{
        memset(r, 0, sizeof(*r));
        r->format = opt->format;
        r->out = opt->out;
        r->color = opt->color;
        r->byte_columns = opt->byte_columns;
        r->sarif_base = opt->sarif_base;
        r->engine = opt->engine;
        r->all = opt->all;
        if (r->format == TH_FORMAT_JSON)
                th_report_json_begin(r);
        else if (r->format == TH_FORMAT_SARIF)
                th_report_sarif_begin(r);
        else if (r->format == TH_FORMAT_CHECKSTYLE)
                th_report_checkstyle_begin(r);
        else if (r->format == TH_FORMAT_CODECLIMATE)
                th_report_codeclimate_begin(r);
}

unsigned th_report_column(const struct th_report *r, const struct th_doc *doc,
                          const struct th_finding *x)
{
        if (!r->byte_columns)
                return x->col;
        size_t start = doc->lines[x->line - 1];
        return (unsigned)(x->start > start ? x->start - start : 0) + 1;
}

void th_report_doc(struct th_report *r, const struct th_doc *doc,
                   const struct th_report_source *src, const struct th_findings *f)
{
        r->src = src;
        for (size_t i = 0; i < f->nr; i++)
                r->counts[f->v[i].severity]++;
        r->nfindings += f->nr;
        r->ndocs++;
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
        case TH_FORMAT_CODECLIMATE:
                th_report_codeclimate_doc(r, doc, f);
                break;
        case TH_FORMAT_JSONL:
                th_report_jsonl_doc(r, doc, f);
                break;
        }
        r->src = NULL;
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
        if (r->format == TH_FORMAT_JSONL) {
                th_report_jsonl_error(r, err);
                return;
        }
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
        else if (r->format == TH_FORMAT_CODECLIMATE)
                th_report_codeclimate_end(r);
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
