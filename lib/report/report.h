/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * report.h: print findings in the format asked for.  One file per format:
 * report_text.c (for people), report_line.c (compiler style, for editors
 * and grep), report_json.c (one JSON object for tools), report_jsonl.c (a
 * finding a line, streamed, for pipes and bulk work), report_sarif.c
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
        TH_FORMAT_CHECKSTYLE,
        TH_FORMAT_CODECLIMATE,
        TH_FORMAT_JSONL
};

/* Where a document's text is: SARIF and Code Climate locate findings in files. */
struct th_report_source {
        const char *file; /* the file read, as given (NULL: standard input) */
        unsigned line;    /* a JSON Lines record's line in it; 0: the text is the file's */
        int extracted;    /* read out of Word, OpenDocument or PDF: no line of the file */
};

/* How to report: what the command line chose. */
struct th_report_options {
        enum th_format format;
        FILE *out;
        int color;                      /* text format only */
        int byte_columns;               /* text and line: columns in bytes (Vim), not characters */
        const char *sarif_base;         /* SARIF: the folder URIs are relative to (absolute) */
        const struct th_engine *engine; /* the rules, for SARIF */
        int all;                        /* jsonl: a line for a document without findings too */
};

struct th_report {
        enum th_format format;
        FILE *out;
        int color;
        int byte_columns;
        const char *sarif_base;
        void *json; /* the findings array of the JSON, SARIF and Code Climate formats */
        const struct th_engine *engine;
        int all;
        const struct th_report_source *src; /* of the document being reported */
        size_t nfindings, ndocs;
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
 * checkstyle), or write it at once (JSON Lines). */
void th_report_error(struct th_report *r, const struct th_error *err);

/* Count a file of a folder that was not read, by its type, for the summary. */
void th_report_skip(struct th_report *r, const char *path);

/* Parse a --format value; -1 when unknown. */
int th_format_parse(const char *s);

void th_report_begin(struct th_report *r, const struct th_report_options *opt);
/* Report the findings of one document (already filtered and sorted). */
void th_report_doc(struct th_report *r, const struct th_doc *doc,
                   const struct th_report_source *src, const struct th_findings *f);
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
void th_report_codeclimate_begin(struct th_report *r);
void th_report_codeclimate_doc(struct th_report *r, const struct th_doc *doc,
                               const struct th_findings *f);
void th_report_codeclimate_end(struct th_report *r);
void th_report_jsonl_doc(struct th_report *r, const struct th_doc *doc,
                         const struct th_findings *f);
void th_report_jsonl_error(struct th_report *r, const struct th_error *err);

/* For CI platforms (report_locate.c): the file of the document being reported,
 * relative to the base folder (malloc'd); the line of a finding in that file (a JSON
 * Lines record's line; 1 in a Word, OpenDocument or PDF file); and a fingerprint of
 * finding i of f (hex, malloc'd) from its rule, file, record or page, and words, stable
 * across runs and moved lines. */
char *th_report_relative(const struct th_report *r, const struct th_doc *doc);
/* The part of its file the document is, named after "FILE:": a JSON Lines record's id
 * (or line, when it has none) or a PDF page; NULL when the document is the whole file. */
const char *th_report_unit(const struct th_report *r, const struct th_doc *doc);
unsigned th_report_file_line(const struct th_report *r, const struct th_finding *x);
char *th_report_fingerprint(const struct th_report *r, const struct th_doc *doc,
                            const struct th_findings *f, size_t i, const char *relative);

/* The column of a finding as the options count it: characters, or bytes for Vim. */
unsigned th_report_column(const struct th_report *r, const struct th_doc *doc,
                          const struct th_finding *x);

#endif
