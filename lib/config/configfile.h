/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * configfile.h: .twohats.yml, the configuration of a folder.
 *
 * The nearest .twohats.yml from a linted file's folder upward applies to it
 * (no merging with files further up); --config FILE replaces discovery and
 * --no-config uses the built-in defaults.  Keys:
 *
 *   extensions: [md, markdown, txt, jsonl]     files taken from folders
 *   rules: {RULE-ID: off|info|warning|error}    severity per rule
 *   plugins: {NAME: false | {enabled: BOOL, options: {KEY: VALUE}}}
 *   metadata: [{files: GLOB, KEY: VALUE, ...}]  metadata defaults by path
 *   rule-files: [FILE, ...]                    declarative rule files, inside the
 *                                              configuration's folder
 *
 * Rule ids, plugin names and options are checked against the loaded
 * plugins by the engine, which reports the position kept here.
 */
#ifndef TH_CONFIGFILE_H
#define TH_CONFIGFILE_H

#include "base/error.h"
#include "document/meta.h"
#include "twohats/plugin.h"

struct th_place {
        unsigned line, col;
};

struct th_rule_setting {
        char *id;
        enum th_severity severity;
        struct th_place at;
};

struct th_option_setting {
        char *name;
        char *value;
        int is_scalar;            /* a list or mapping was given where a value belongs */
        struct th_place at;       /* of the name */
        struct th_place value_at; /* of the value */
};

struct th_plugin_setting {
        char *name;
        int enabled; /* 1 or 0 */
        struct th_option_setting *options;
        size_t noptions;
        struct th_place at;
};

struct th_meta_default {
        char *glob;
        struct th_meta meta;
};

struct th_config {
        char *path; /* NULL for the built-in defaults */
        char *dir;  /* folder the globs are relative to */
        char **extensions;
        size_t nextensions;
        struct th_rule_setting *rules;
        size_t nrules;
        struct th_plugin_setting *plugins;
        size_t nplugins;
        struct th_meta_default *metadata;
        size_t nmetadata;
        char **rule_files; /* absolute paths */
        struct th_place *rule_file_at;
        size_t nrule_files;
};

/* Disable plugin `name` in the configuration. */
void th_config_disable_plugin(struct th_config *c, const char *name);

/* Add a declarative rule file (an absolute path) to the configuration. */
void th_config_add_rule_file(struct th_config *c, const char *path, struct th_place at);

/* The built-in defaults; `dir` is where globs would be relative to. */
void th_config_defaults(struct th_config *c, const char *dir);
/* Load `path`, reading metadata values with `conv` (may be NULL).  Returns 0, or -1 with
 * `err` (TH_ERR_USAGE) at the place. */
int th_config_load(struct th_config *c, const char *path, const struct th_conventions *conv,
                   struct th_error *err);
void th_config_release(struct th_config *c);

/* The nearest .twohats.yml from folder `dir` upward, or NULL.  A file owned by another
 * user than this one or root is passed over (as git passes over a repository: a
 * /tmp/.twohats.yml planted by someone else must not apply to every file under /tmp);
 * the nearest such file goes to *ignored (free it), or NULL. */
char *th_config_find(const char *dir, char **ignored);

/* Apply the metadata defaults whose glob matches `file` to `out`. */
void th_config_meta_for(const struct th_config *c, const char *file, struct th_meta *out);

/* The configured severity of `rule` or -1 when the configuration is silent. */
int th_config_rule_severity(const struct th_config *c, const char *rule);
/* The plugin's setting, or NULL. */
const struct th_plugin_setting *th_config_plugin(const struct th_config *c, const char *name);
/* Does `file` have one of the configured extensions? */
int th_config_takes(const struct th_config *c, const char *file);

#endif
