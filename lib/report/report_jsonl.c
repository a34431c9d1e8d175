/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_jsonl.c: JSON Lines for pipes, jq and the stages of a distributed job: one
 * finding a line, {"path", "id", "line", "column", "end_line", "end_column", "offset",
 * "length", "rule", "severity", "message", "fix"}, written and flushed as each document
 * finishes.  "path" is the file, "id" the record (its id, or its line) or PDF page, null
 * for a whole file.  With --all, a document without findings writes {"path", "id",
 * "rule": null}; an input that cannot be read writes {"path", "line", "column", "error"}
 * at once.  Written by hand, not through jansson: this is the format of bulk work.
 */
#include "report/report.h"

#include "base/utf8.h"

#include <stdlib.h>
#include <string.h>

/* `s` as a JSON string: valid UTF-8 (a byte that is not becomes U+FFFD), escaped. */
static void put_string(FILE *out, const char *s)
{
        char *u = th_utf8_printable(s, strlen(s), 0);
        putc('"', out);
        for (const unsigned char *p = (const unsigned char *)u; *p; p++) {
                if (*p == '"' || *p == '\\')
                        fprintf(out, "\\%c", *p);
                else if (*p == '\n')
                        fputs("\\n", out);
                else if (*p == '\t')
                        fputs("\\t", out);
                else if (*p < 0x20)
                        fprintf(out, "\\u%04x", *p);
                else
                        putc(*p, out);
        }
        putc('"', out);
        free(u);
}

/* {"path": ..., "id": ..., : the start of every line of a document */
static void put_place(struct th_report *r, const struct th_doc *doc)
{
        const char *unit = th_report_unit(r, doc);
        fputs("{\"path\":", r->out);
        put_string(r->out, r->src && r->src->file ? r->src->file : doc->path);
        fputs(",\"id\":", r->out);
        if (unit)
                put_string(r->out, unit);
        else
                fputs("null", r->out);
}

void th_report_jsonl_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                put_place(r, doc);
                fprintf(r->out,
                        ",\"line\":%u,\"column\":%u,\"end_line\":%u,\"end_column\":%u,"
                        "\"offset\":%zu,\"length\":%zu,\"rule\":",
                        x->line, x->col, x->end_line, x->end_col, x->start, x->end - x->start);
                put_string(r->out, x->rule);
                fprintf(r->out, ",\"severity\":\"%s\",\"message\":", th_severity_name(x->severity));
                put_string(r->out, x->message);
                if (x->has_fix) {
                        fprintf(r->out, ",\"fix\":{\"offset\":%zu,\"length\":%zu,\"replacement\":",
                                x->fix_start, x->fix_end - x->fix_start);
                        put_string(r->out, x->fix_text);
                        putc('}', r->out);
                }
                fputs("}\n", r->out);
        }
        if (!f->nr && r->all) {
                put_place(r, doc);
                fputs(",\"rule\":null}\n", r->out);
        }
        if (f->nr || r->all)
                fflush(r->out); /* the next stage of the pipe gets the document now */
}

void th_report_jsonl_error(struct th_report *r, const struct th_error *err)
{
        fputs("{\"path\":", r->out);
        put_string(r->out, err->file ? err->file : "");
        fprintf(r->out, ",\"line\":%u,\"column\":%u,\"error\":", err->line, err->col);
        put_string(r->out, err->message ? err->message : "");
        fputs("}\n", r->out);
        fflush(r->out);
}
