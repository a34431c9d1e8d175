/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * suppress.h: suppression comments in a document.
 *
 *   <!-- twohats-disable RULE... -- reason -->   up to twohats-enable or the end
 *   <!-- twohats-enable RULE... -->
 *   <!-- twohats-disable-next-line RULE... -- reason -->
 *
 * RULE is a rule id or a plugin name; several may be given, separated by
 * spaces or commas; none means every rule.  A suppression without a reason, or
 * whose reason is a template ("REASON: ...", "TODO", "<why>"), still applies,
 * and is itself reported as core/unjustified-suppression.
 */
#ifndef TH_SUPPRESS_H
#define TH_SUPPRESS_H

#include <stddef.h>

#include "document/document.h"

enum th_suppress_kind { TH_SUP_DISABLE, TH_SUP_ENABLE, TH_SUP_NEXT_LINE, TH_SUP_UNKNOWN };

struct th_suppression {
        enum th_suppress_kind kind;
        char *directive; /* as written, for messages */
        char **rules;
        size_t nrules;
        char *reason;      /* NULL when none was given */
        int placeholder;   /* the reason is a template, not a reason */
        size_t start, end; /* the comment */
        unsigned line, end_line;
};

struct th_suppressions {
        struct th_suppression *v;
        size_t nr, alloc;
};

/* Collect the suppression comments in the document's raw HTML. */
void th_suppressions_find(const struct th_doc *doc, struct th_suppressions *out);
void th_suppressions_release(struct th_suppressions *s);

/* Does `pattern` (rule id or plugin name) cover `rule`? */
int th_rule_pattern_covers(const char *pattern, const char *rule);

/* Is a finding of `rule` at byte `offset`, on `line`, suppressed? */
int th_suppressed(const struct th_suppressions *s, const char *rule, size_t offset, unsigned line);

const char *th_suppress_kind_name(enum th_suppress_kind k);

#endif
