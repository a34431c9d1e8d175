/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli.h: the twohats program: its options and the commands behind them.
 * main.c parses the command line and dispatches through its command table;
 * lint.c lints paths; info.c answers --list-rules, --explain and
 * --print-config; test.c runs labelled cases; `twohats lsp` is the language
 * server of lsp/; `twohats serve` runs the HTTP service of serve/ in the program
 * twohats-serve.
 */
#ifndef TH_CLI_H
#define TH_CLI_H

#include <stddef.h>

#include "config/configfile.h"
#include "document/meta.h"
#include "engine/engine.h"
#include "report/report.h"
#include "serve/serve.h"
#include "session/session.h"

/* Exit statuses. */
enum { TH_EXIT_OK = 0, TH_EXIT_FINDINGS = 1, TH_EXIT_USAGE = 2, TH_EXIT_PLUGIN = 3 };

struct th_cli {
        enum th_format format;
        int color;                  /* --color, decided: 1 or 0 */
        int byte_columns;           /* --columns=bytes */
        const char *sarif_base;     /* --sarif-base, made absolute */
        struct th_meta meta;        /* --meta */
        const char *stdin_filename; /* --stdin-filename */
        enum th_severity min_severity;
        enum th_severity fail_level;
        int lenient;
        int list_suppressions;
        int fix;             /* --fix: apply the fixes (to standard output for standard input) */
        int dry_run;         /* --dry-run: show them as a unified diff instead */
        int all;             /* --all: jsonl writes a line for a clean document too */
        unsigned jobs;       /* -j: units linted at once (the main thread and jobs - 1 more) */
        int follow_symlinks; /* --follow-symlinks: in folders, links that stay inside */
        struct th_serve_options serve; /* twohats serve's --listen, --queue, ... */
        unsigned serve_threads;        /* --threads, or 0: one a processor */
        char **argv;                   /* twohats serve in twohats: the command line to pass on, */
        const char *build_tree;        /* and the build tree of an uninstalled twohats, or NULL */
        struct th_session *session;
        const struct th_session_options *session_options; /* for more sessions like it */
        struct th_engine *engine;                         /* the session's */
};

/* Print an error as "twohats: file:line:col: message" and return its exit status. */
int th_cli_error(const struct th_error *err);

int th_cli_lint(struct th_cli *cli, char *const *paths, size_t npaths);
int th_cli_list_rules(struct th_cli *cli);
int th_cli_explain(struct th_cli *cli, const char *rule);
int th_cli_print_config(struct th_cli *cli, const char *path);
int th_cli_test(struct th_cli *cli, char *const *files, size_t nfiles);
/* twohats serve: in twohats, the exec of twohats-serve (serve_exec.c), which keeps
 * libmicrohttpd and GnuTLS out of every other run, done before any plugin is loaded;
 * in twohats-serve, the service (serve_run.c), with th_cli_serve_linked set. */
int th_cli_serve(struct th_cli *cli);
extern const int th_cli_serve_linked;

#endif
