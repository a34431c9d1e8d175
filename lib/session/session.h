/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * session.h: one linting run, the entry point of libtwohats for its
 * front-ends (the command line, the language server).  A session owns an
 * engine with the services the front-end registers, finds the configuration
 * that applies to each file (nearest .twohats.yml, once per file, cached),
 * and lints a text with a name and metadata.
 */
#ifndef TH_SESSION_H
#define TH_SESSION_H

#include <stddef.h>

#include "base/error.h"
#include "config/configfile.h"
#include "document/document.h"
#include "engine/engine.h"
#include "engine/service.h"
#include "findings/findings.h"

struct th_session_options {
        const char *const *plugin_dirs; /* searched in order */
        size_t nplugin_dirs;
        const char *rules_dir; /* folders with <lang>/NAME.yml, separated by colons */
        /* The services plugins may ask for, NULL-terminated (as Lua's linit.c lists its
         * libraries): a language pack is one more entry. */
        const struct th_service_provider *const *services;
        const char *config_file; /* --config: this file for everything, or NULL */
        int no_config;           /* --no-config: the built-in defaults for everything */
};

struct th_session;

/* Load the plugins and the fixed configuration; NULL with `err`. */
struct th_session *th_session_new(const struct th_session_options *opt, struct th_error *err);
void th_session_free(struct th_session *s);

struct th_engine *th_session_engine(struct th_session *s);
/* The conventions of the services' languages (read when the session began). */
const struct th_conventions *th_session_conventions(struct th_session *s);

/* The configuration that applies to `file` (a file or a folder); NULL with `err` when
 * it is broken (the same error is given again for every file under it). */
const struct th_config *th_session_config_for(struct th_session *s, const char *file,
                                              struct th_error *err);
/* Forget the configurations found so far (one changed on disk). */
void th_session_forget_configs(struct th_session *s);

/* A text to lint. */
struct th_text {
        const char *name;        /* the name in reports */
        const char *config_path; /* the file whose configuration and metadata defaults apply */
        const struct th_config *config; /* instead of the one found for config_path; or NULL */
        char *text;                     /* taken over: freed with the document, also on failure */
        size_t len;
        enum th_markup markup;
        int lenient;                /* skip invalid UTF-8 instead of refusing the text */
        const struct th_meta *meta; /* over the configuration's and the front matter's; or NULL */
};

/* Build the document of `t` under its configuration (*config).  Returns 0, or -1 with
 * `err` when the configuration or the text is refused (`doc` is then not built). */
int th_session_read(struct th_session *s, const struct th_text *t, struct th_doc *doc,
                    const struct th_config **config, struct th_error *err);

enum th_lint_result {
        TH_LINT_REFUSED = -1, /* nothing linted: `err` says why, `doc` is not built */
        TH_LINT_DONE = 0,     /* `doc` built and linted, findings appended to `out` */
        TH_LINT_PARTIAL = 1,  /* as DONE, but a plugin failed: `err` says which and why */
};

/* Read `t` and lint it; the caller releases `doc` unless TH_LINT_REFUSED. */
enum th_lint_result th_session_lint(struct th_session *s, const struct th_text *t,
                                    struct th_doc *doc, struct th_findings *out,
                                    struct th_error *err);

#endif
