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

struct th_findings {
        struct th_finding *v;
        size_t nr, alloc;
};

/* Add a finding; `fix` may be NULL.  Strings are copied. */
void th_findings_add(struct th_findings *f, const struct th_doc *doc, const char *rule,
                     enum th_severity severity, size_t start, size_t end, const char *message,
                     const struct th_fix *fix);
/* Sort by position, then rule id; drop exact duplicates. */
void th_findings_sort(struct th_findings *f);
void th_findings_remove(struct th_findings *f, size_t i);
void th_findings_release(struct th_findings *f);

const char *th_severity_name(enum th_severity s);
/* Parse "info", "warning", "error" (and "off" when `allow_off`); -1 if invalid. */
int th_severity_parse(const char *s, int allow_off);

#endif
