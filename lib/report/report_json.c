/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_json.c: one JSON object for tools:
 * {"version": 1, "findings": [{"path", "line", "column", "end_line",
 * "end_column", "offset", "length", "rule", "severity", "message", "fix"}]}
 * where "fix" is absent or {"offset", "length", "replacement"}.
 */
#include "report/report.h"

#include "base/utf8.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

void th_report_json_begin(struct th_report *r)
{
        r->json = json_array();
}

void th_report_json_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        /* JSON strings must be valid UTF-8: a path or a quoted byte that is not would make
         * jansson refuse the finding, which would then be lost */
        char *path = th_utf8_printable(doc->path, strlen(doc->path), 0);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                char *rule = th_utf8_printable(x->rule, strlen(x->rule), 0);
                char *message = th_utf8_printable(x->message, strlen(x->message), 0);
                json_t *o = json_pack(
                    "{s:s, s:I, s:I, s:I, s:I, s:I, s:I, s:s, s:s, s:s}", "path", path, "line",
                    (json_int_t)x->line, "column", (json_int_t)x->col, "end_line",
                    (json_int_t)x->end_line, "end_column", (json_int_t)x->end_col, "offset",
                    (json_int_t)x->start, "length", (json_int_t)(x->end - x->start), "rule", rule,
                    "severity", th_severity_name(x->severity), "message", message);
                if (x->has_fix) {
                        char *fix = th_utf8_printable(x->fix_text, strlen(x->fix_text), 0);
                        json_object_set_new(o, "fix",
                                            json_pack("{s:I, s:I, s:s}", "offset",
                                                      (json_int_t)x->fix_start, "length",
                                                      (json_int_t)(x->fix_end - x->fix_start),
                                                      "replacement", fix));
                        free(fix);
                }
                json_array_append_new(r->json, o);
                free(rule);
                free(message);
        }
        free(path);
}

void th_report_json_end(struct th_report *r)
{
        json_t *root = json_pack("{s:i, s:o}", "version", 1, "findings", r->json);
        if (r->nerrors) { /* inputs that could not be read: never a silent pass */
                json_t *errors = json_array();
                for (size_t i = 0; i < r->nerrors; i++) {
                        const struct th_error *e = &r->errors[i];
                        const char *f = e->file ? e->file : "";
                        char *path = th_utf8_printable(f, strlen(f), 0);
                        char *msg = th_utf8_printable(e->message, strlen(e->message), 0);
                        json_array_append_new(
                            errors, json_pack("{s:s, s:i, s:i, s:s}", "path", path, "line",
                                              (int)e->line, "column", (int)e->col, "message", msg));
                        free(path);
                        free(msg);
                }
                json_object_set_new(root, "errors", errors);
        }
        json_dumpf(root, r->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', r->out);
        json_decref(root);
        r->json = NULL;
}
