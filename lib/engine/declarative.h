/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * declarative.h: rules written in YAML alone, in rule files that a
 * configuration names (`rule-files:`).
 *
 *   rules:
 *     - id: uk/purdah-new-initiative     # NAMESPACE/NAME, unique
 *       kind: existence                  # or substitution, co-occurrence
 *       severity: warning                # error, warning or info
 *       message: "..."
 *       source: "..."                    # the guidance it implements
 *       summary: "..."                   # for --list-rules (default: message)
 *       when: {channel: [web, press-release], account: corporate,
 *              date: {before-election: 42, type: tweede-kamer}}
 *       terms: [...]        # existence: terms (lexicon syntax); substitution: the
 *       patterns: [...]     #   PCRE2 patterns, matched within a sentence; swap:
 *                           #   {wrong: right} for substitution
 *       first: [...]        # co-occurrence: both lists in one sentence, in any order,
 *       second: [...]       #   and none of `unless` (a negation guard, any kind)
 *       unless: [...]
 *       examples: {flag: [TEXT or {text, meta}], pass: [...]}
 *
 * A file whose patterns do not compile or whose examples do not behave is
 * refused at load with the rule id, the file, the line and the reason.
 */
#ifndef TH_DECLARATIVE_H
#define TH_DECLARATIVE_H

#include <stddef.h>

#include "document/document.h"
#include "base/error.h"
#include "findings/findings.h"
#include "engine/service.h"
#include "match/match.h"

struct th_decl_rule;

/* A rule's patterns see a sentence in pieces of TH_DECL_WINDOW bytes, and each call is
 * charged the starts it tried times the bytes it saw, up to TH_DECL_BUDGET per document:
 * a pattern that looks ahead to the end from every word stops with an error within
 * seconds instead of running for hours, and one that matches every word of 4 MB does
 * not. */
#define TH_DECL_WINDOW 1024u
#define TH_DECL_BUDGET (2ull << 30)

struct th_rule_file {
        char *path;
        struct th_decl_rule **rules;
        size_t nrules;
};

/* Read and compile a rule file (without running its examples); `calendar` (may be NULL)
 * knows the election types of `when: date`, `conv` (may be NULL) other spellings of
 * metadata values. */
struct th_rule_file *th_rule_file_load(const char *path, const struct th_calendar *calendar,
                                       const struct th_conventions *conv, struct th_error *err);
void th_rule_file_free(struct th_rule_file *f);

/* A rule's id, severity, summary, explanation (generated), position. */
const char *th_decl_rule_id(const struct th_decl_rule *r);
enum th_severity th_decl_rule_severity(const struct th_decl_rule *r);
const char *th_decl_rule_summary(const struct th_decl_rule *r);
const char *th_decl_rule_explanation(const struct th_decl_rule *r);

/* Apply rule `r` at severity `sev` to `doc`, appending findings; -1 with `err` when
 * one of its patterns hits the match limit. */
int th_decl_rule_check(const struct th_decl_rule *r, enum th_severity sev, const struct th_doc *doc,
                       const struct th_calendar *calendar, struct th_scratch *s,
                       struct th_findings *out, struct th_error *err);

/* Run the examples of every rule of `f`; -1 with `err` at the first that fails. */
int th_rule_file_verify(const struct th_rule_file *f, const struct th_calendar *calendar,
                        const struct th_conventions *conv, struct th_scratch *s,
                        struct th_error *err);

/* The examples of a rule as labelled cases: text, metadata, whether it must flag. */
size_t th_decl_rule_examples(const struct th_decl_rule *r);
int th_decl_rule_example(const struct th_decl_rule *r, size_t i, const char **text,
                         const struct th_meta **meta, unsigned *line);

#endif
