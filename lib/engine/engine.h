/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * engine.h: the rule engine.  It loads the plugins found in the search path,
 * knows every rule (the plugins' and the core's own), validates a
 * configuration against them, and lints one document: it runs each enabled
 * plugin's check(), adds the core findings (suppressions, skipped bytes),
 * applies suppressions and sorts.
 */
#ifndef TH_ENGINE_H
#define TH_ENGINE_H

#include <stddef.h>

#include "config/configfile.h"
#include "engine/declarative.h"
#include "document/document.h"
#include "base/error.h"
#include "findings/findings.h"
#include "twohats/plugin.h"

struct th_rule_info {
        const char *id;
        const char *plugin; /* "core" for the core's own rules */
        enum th_severity severity;
        const char *summary;     /* as the plugin wrote them: th_rule_summary() and */
        const char *explanation; /* th_rule_explanation() give them translated */
        const char *domain;      /* the plugin's text domain, or NULL */
};

/* A rule's summary and explanation in the language of the calling thread (a server
 * answers each client in its own). */
const char *th_rule_summary(const struct th_rule_info *r);
const char *th_rule_explanation(const struct th_rule_info *r);

/* The path of a plugin compiled into the engine (core, declarative rules). */
#define TH_PLUGIN_BUILT_IN "(built in)"

struct th_plugin_info {
        const char *name;
        const char *version;
        const char *summary;
        const char *path; /* the module file, or TH_PLUGIN_BUILT_IN */
        const struct th_option *options;
};

struct th_engine_options {
        const char *const *plugin_dirs; /* searched in order */
        size_t nplugin_dirs;
        const char *rules_dir; /* folders with <lang>/NAME.yml, separated by colons */
};

struct th_engine;

/* Load every plugin found.  Returns NULL with `err` (TH_ERR_PLUGIN) naming the
 * module and why it was refused. */
struct th_engine *th_engine_new(const struct th_engine_options *opt, struct th_error *err);
void th_engine_free(struct th_engine *e);

size_t th_engine_rule_count(const struct th_engine *e);
const struct th_rule_info *th_engine_rule(const struct th_engine *e, size_t i);
const struct th_rule_info *th_engine_find_rule(const struct th_engine *e, const char *id);
size_t th_engine_plugin_count(const struct th_engine *e);
const struct th_plugin_info *th_engine_plugin(const struct th_engine *e, size_t i);

/* The conventions (abbreviations, metadata spellings) of the languages of the services
 * registered, read on first request; NULL with `err` when one is broken. */
const struct th_conventions *th_engine_conventions(struct th_engine *e, struct th_error *err);

/* Check rule ids, plugin names and option values of `c`, and load the declarative rule
 * files it names (refused when their examples fail); -1 with `err` at the place. */
int th_engine_check_config(struct th_engine *e, const struct th_config *c, struct th_error *err);

/* Load a declarative rule file (once) and register its rules; with `verify`, refuse it
 * when one of its examples fails. */
int th_engine_load_rule_file(struct th_engine *e, const char *path, int verify,
                             struct th_error *err);
/* A loaded rule file, or NULL. */
const struct th_rule_file *th_engine_rule_file(const struct th_engine *e, const char *path);

/* The severity `rule` has under `c` (TH_SEV_OFF when disabled, also through its plugin). */
enum th_severity th_engine_severity(const struct th_engine *e, const struct th_config *c,
                                    const char *rule);

/*
 * Lint `doc` under `c` and append the findings to `out`.  Returns 0, or -1
 * with `err` when a plugin failed (its init, a check, a match limit); the
 * findings of the other plugins are still appended.
 */
int th_engine_lint(struct th_engine *e, const struct th_config *c, const struct th_doc *doc,
                   struct th_findings *out, struct th_error *err);

#endif
