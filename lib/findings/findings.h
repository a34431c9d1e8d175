/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * findings.h: what the rules found: rule id, severity, byte span, position,
 * message and an optional fix, kept sorted by position for the reporters.
 */
#ifndef TH_FINDINGS_H
#define TH_FINDINGS_H

#include <stddef.h>

#include "document/document.h"
#include "twohats/plugin.h"

struct th_finding {
        char *rule;
        enum th_severity severity;
        size_t start, end;          /* bytes, end exclusive */
        unsigned line, col;         /* 1-based, columns in code points */
        unsigned end_line, end_col; /* just past the span */
        char *message;
        int has_fix;
        size_t fix_start, fix_end;
        char *fix_text;
};

/* A rule gives at most this many findings in one document; the rest are counted (a
 * pattern that matches every word would otherwise fill the memory). */
#define TH_FINDINGS_PER_RULE 1000

struct th_findings {
        struct th_finding *v;
        size_t nr, alloc;
        struct th_rule_tally { /* per rule, for the document being linted */
                char *rule;
                size_t kept, over;
        } * tally;
        size_t ntally, atally;
};

/* Add a finding; `fix` may be NULL.  Strings are copied.  Beyond TH_FINDINGS_PER_RULE of
 * a rule since th_findings_tally_reset(), a finding is only counted in its tally. */
void th_findings_add(struct th_findings *f, const struct th_doc *doc, const char *rule,
                     enum th_severity severity, size_t start, size_t end, const char *message,
                     const struct th_fix *fix);
/* Start counting for a new document. */
void th_findings_tally_reset(struct th_findings *f);
/* Sort by position, then rule id; drop exact duplicates. */
void th_findings_sort(struct th_findings *f);
void th_findings_remove(struct th_findings *f, size_t i);
void th_findings_release(struct th_findings *f);

const char *th_severity_name(enum th_severity s);
/* Parse "info", "warning", "error" (and "off" when `allow_off`); -1 if invalid. */
int th_severity_parse(const char *s, int allow_off);

#endif
