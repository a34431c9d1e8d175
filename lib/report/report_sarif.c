/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report_sarif.c: SARIF 2.1.0 (OASIS), for code-scanning dashboards: one run,
 * the tool's rules with their descriptions and default levels, and results
 * with regions (lines, columns in code points, character and byte offsets)
 * and fixes.
 */
#include <config.h>

#include "report/report.h"
#include "base/utf8.h"
#include "base/util.h"

#include <jansson.h>
#include <string.h>

static const char *level(enum th_severity s)
{
        return s == TH_SEV_ERROR ? "error" : s == TH_SEV_WARNING ? "warning" : "note";
}

/* A relative URI reference for a path: unreserved characters and '/' as they are, the
 * rest percent-encoded (so "posts.jsonl:pp-01" cannot read as a scheme). */
static char *path_uri(const char *path)
{
        struct th_buf b = {0};
        for (const unsigned char *p = (const unsigned char *)path; *p; p++) {
                if ((*p >= 'a' && *p <= 'z') || (*p >= 'A' && *p <= 'Z') ||
                    (*p >= '0' && *p <= '9') || strchr("-._~/", *p))
                        th_buf_add(&b, (const char *)p, 1);
                else
                        th_buf_addf(&b, "%%%02X", *p);
        }
        return th_buf_detach(&b);
}

void th_report_sarif_begin(struct th_report *r)
{
        r->json = json_array();
}

static json_t *region(const struct th_doc *doc, size_t start, size_t end)
{
        unsigned line, col, end_line, end_col;
        th_doc_position(doc, start, &line, &col);
        th_doc_position(doc, end, &end_line, &end_col);
        size_t chars = th_doc_chars(doc, start);
        return json_pack("{s:i, s:i, s:i, s:i, s:I, s:I, s:I, s:I}", "startLine", line,
                         "startColumn", col, "endLine", end_line, "endColumn", end_col,
                         "charOffset", (json_int_t)chars, "charLength",
                         (json_int_t)th_utf8_count(doc->text + start, end - start), "byteOffset",
                         (json_int_t)start, "byteLength", (json_int_t)(end - start));
}

void th_report_sarif_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f)
{
        char *uri = path_uri(doc->path);
        for (size_t i = 0; i < f->nr; i++) {
                const struct th_finding *x = &f->v[i];
                /* valid UTF-8 only, or jansson refuses the result and it is lost */
                char *rule = th_utf8_printable(x->rule, strlen(x->rule), 0);
                char *message = th_utf8_printable(x->message, strlen(x->message), 0);
                json_t *location =
                    json_pack("{s:{s:{s:s}, s:o}}", "physicalLocation", "artifactLocation", "uri",
                              uri, "region", region(doc, x->start, x->end));
                json_t *res = json_pack("{s:s, s:s, s:{s:s}, s:[o]}", "ruleId", rule, "level",
                                        level(x->severity), "message", "text", message, "locations",
                                        location);
                if (x->has_fix) {
                        char *text = th_utf8_printable(x->fix_text, strlen(x->fix_text), 0);
                        json_t *deleted = region(doc, x->fix_start, x->fix_end);
                        json_t *fix =
                            json_pack("{s:{s:s}, s:[{s:{s:s}, s:[{s:o, s:{s:s}}]}]}", "description",
                                      "text", "apply the fix of the rule", "artifactChanges",
                                      "artifactLocation", "uri", uri, "replacements",
                                      "deletedRegion", deleted, "insertedContent", "text", text);
                        json_object_set_new(res, "fixes", json_pack("[o]", fix));
                        free(text);
                }
                json_array_append_new(r->json, res);
                free(rule);
                free(message);
        }
        free(uri);
}

void th_report_sarif_end(struct th_report *r)
{
        json_t *rules = json_array();
        for (size_t i = 0; r->engine && i < th_engine_rule_count(r->engine); i++) {
                const struct th_rule_info *ri = th_engine_rule(r->engine, i);
                json_array_append_new(
                    rules,
                    json_pack("{s:s, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:s}, s:{s:[s]}}", "id", ri->id,
                              "shortDescription", "text", ri->summary, "fullDescription", "text",
                              ri->summary, "help", "text", ri->explanation, "defaultConfiguration",
                              "level", level(ri->severity), "properties", "tags", ri->plugin));
        }
        json_t *root =
            json_pack("{s:s, s:s, s:[{s:{s:{s:s, s:s, s:s, s:o}}, s:s, s:o}]}", "$schema",
                      "https://json.schemastore.org/sarif-2.1.0.json", "version", "2.1.0", "runs",
                      "tool", "driver", "name", "twohats", "version", PACKAGE_VERSION,
                      "informationUri", "https://github.com/twohats/twohats", "rules", rules,
                      "columnKind", "unicodeCodePoints", "results", r->json);
        if (r->nerrors) { /* inputs that could not be read, as SARIF's notifications */
                json_t *notes = json_array();
                for (size_t i = 0; i < r->nerrors; i++) {
                        const struct th_error *e = &r->errors[i];
                        const char *f = e->file ? e->file : "";
                        char *uri = path_uri(f);
                        char *msg = th_utf8_printable(e->message, strlen(e->message), 0);
                        json_array_append_new(notes, json_pack("{s:s, s:{s:s}, s:[{s:{s:{s:s}}}]}",
                                                               "level", "error", "message", "text",
                                                               msg, "locations", "physicalLocation",
                                                               "artifactLocation", "uri", uri));
                        free(uri);
                        free(msg);
                }
                json_object_set_new(json_array_get(json_object_get(root, "runs"), 0), "invocations",
                                    json_pack("[{s:b, s:o}]", "executionSuccessful", 0,
                                              "toolExecutionNotifications", notes));
        }
        json_dumpf(root, r->out, JSON_INDENT(2) | JSON_PRESERVE_ORDER);
        fputc('\n', r->out);
        json_decref(root);
        r->json = NULL;
}
