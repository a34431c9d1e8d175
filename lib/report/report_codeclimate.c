/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_codeclimate.c: the Code Climate JSON that GitLab's Code Quality report reads:
 * an array of {"type": "issue", "check_name", "description", "categories", "severity",
 * "fingerprint", "location": {"path", "lines": {"begin"}}}, paths relative to the base
 * folder (--sarif-base).
 */
#include "report/report.h"
#include "base/utf8.h"

#include <jansson.h>
#include <stdlib.h>
#include <string.h>

/* GitLab's severities: info, minor, major, critical, blocker. */
static const char *severity(enum th_severity s)
{
        return s == TH_SEV_ERROR ? "major" : s == TH_SEV_WARNING ? "minor" : "info";
}

void th_report_codeclimate_begin(struct th_report *r)
{
        r->json = json_array();
}

void th_report_codeclimate_doc(struct th_report *r, const struct th_doc *doc,
                               const struct th_findings *f)
{
        if (f->nr == 0)
                return;
        char *raw = th_report_relative(r, doc);
        char *path = th_utf8_printable(raw, strlen(raw), 0);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                char *rule = th_utf8_printable(x->rule, strlen(x->rule), 0);
                char *message = th_utf8_printable(x->message, strlen(x->message), 0);
                char *fingerprint = th_report_fingerprint(r, doc, f, i, raw);
                json_array_append_new(
                    r->json, json_pack("{s:s, s:s, s:s, s:[s], s:s, s:s, s:{s:s, s:{s:I}}}", "type",
                                       "issue", "check_name", rule, "description", message,
                                       "categories", "Style", "severity", severity(x->severity),
                                       "fingerprint", fingerprint, "location", "path", path,
                                       "lines", "begin", (json_int_t)th_report_file_line(r, x)));
                free(fingerprint);
                free(message);
                free(rule);
        }
        free(path);
        free(raw);
}

void th_report_codeclimate_end(struct th_report *r)
{
        /* inputs that could not be read have no place in this format: standard error and
         * the exit status say so; keys in the order written, for output that diffs */
        json_dumpf(r->json, r->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', r->out);
        json_decref(r->json);
        r->json = NULL;
}
