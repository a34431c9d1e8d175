/*
 * report.h: print findings in the format asked for.  One file per format:
 * report_text.c (for people), report_line.c (compiler style, for editors
 * and grep), report_json.c (one JSON object for tools), report_sarif.c
 * (SARIF 2.1.0), report_checkstyle.c (checkstyle XML).
 */
#ifndef TH_REPORT_H
#define TH_REPORT_H

#include <stdio.h>

#include "document/document.h"
#include "base/error.h"
#include "engine/engine.h"
#include "findings/findings.h"

enum th_format {
        TH_FORMAT_TEXT,
        TH_FORMAT_LINE,
        TH_FORMAT_JSON,
        TH_FORMAT_SARIF,
        TH_FORMAT_CHECKSTYLE
};

struct th_report {
        enum th_format format;
        FILE *out;
        int color;                      /* text format only */
        void *json;                     /* the findings array of the JSON and SARIF formats */
        const struct th_engine *engine; /* the rules, for SARIF */
        size_t nfindings, ndocs_with_findings;
        size_t counts[4]; /* per severity */
        /* left out of folders: files by type (of other types, or not included), and
         * links not followed */
        struct th_skipped {
                char *type; /* ".xlsx", or "" for a file without an extension */
                size_t n;
        } * skipped;
        size_t nskipped, askipped, skipped_files, skipped_links;
        /* files that could not be read (also on standard error): the machine formats
         * carry them too, so that no input passes unread in any of them */
        struct th_error *errors;
        size_t nerrors, aerrors;
};

/* Keep an error about an input for the formats that carry errors (JSON, SARIF,
 * checkstyle). */
void th_report_error(struct th_report *r, const struct th_error *err);

/* Count a file of a folder that was not read, by its type, for the summary. */
void th_report_skip(struct th_report *r, const char *path);

/* Parse a --format value; -1 when unknown. */
int th_format_parse(const char *s);

void th_report_begin(struct th_report *r, enum th_format format, FILE *out, int color,
                     const struct th_engine *engine);
/* Report the findings of one document (already filtered and sorted). */
void th_report_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f);
void th_report_end(struct th_report *r);

/* Per format. */
void th_report_text_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f);
void th_report_text_end(struct th_report *r);
void th_report_line_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f);
void th_report_json_begin(struct th_report *r);
void th_report_json_doc(struct th_report *r, const struct th_doc *doc, const struct th_findings *f);
void th_report_json_end(struct th_report *r);
void th_report_sarif_begin(struct th_report *r);
void th_report_sarif_doc(struct th_report *r, const struct th_doc *doc,
                         const struct th_findings *f);
void th_report_sarif_end(struct th_report *r);
void th_report_checkstyle_begin(struct th_report *r);
void th_report_checkstyle_doc(struct th_report *r, const struct th_doc *doc,
                              const struct th_findings *f);
void th_report_checkstyle_end(struct th_report *r);

#endif
