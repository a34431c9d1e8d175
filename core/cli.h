/*
 * cli.h: the twohats program: its options and the commands behind them.
 * main.c parses the command line; cli_lint.c lints paths; cli_info.c
 * answers --list-rules, --explain and --print-config; cli_test.c runs
 * labelled cases.
 */
#ifndef TH_CLI_H
#define TH_CLI_H

#include <stddef.h>

#include "configfile.h"
#include "engine.h"
#include "meta.h"
#include "report.h"

/* Exit statuses. */
enum { TH_EXIT_OK = 0, TH_EXIT_FINDINGS = 1, TH_EXIT_USAGE = 2, TH_EXIT_PLUGIN = 3 };

struct th_cli {
        enum th_format format;
        int color;
        struct th_meta meta;        /* --meta */
        const char *config_file;    /* --config */
        int no_config;              /* --no-config */
        const char *stdin_filename; /* --stdin-filename */
        enum th_severity min_severity;
        enum th_severity fail_level;
        int lenient;
        int list_suppressions;
        int fix;     /* --fix: apply the fixes (to standard output for standard input) */
        int dry_run; /* --dry-run: show them as a unified diff instead */
        struct th_engine *engine;
        struct th_config *fixed_config; /* --config or --no-config */
        /* configurations found by discovery, by file */
        struct th_config **found;
        char **found_paths;
        size_t nfound, afound;
};

/* Print an error as "twohats: file:line:col: message" and return its exit status. */
int th_cli_error(const struct th_error *err);

/* The configuration that applies to `file` (NULL with `err` when it is broken). */
const struct th_config *th_cli_config_for(struct th_cli *cli, const char *file,
                                          struct th_error *err);

int th_cli_lint(struct th_cli *cli, char *const *paths, size_t npaths);
int th_cli_list_rules(struct th_cli *cli);
int th_cli_explain(struct th_cli *cli, const char *rule);
int th_cli_print_config(struct th_cli *cli, const char *path);
int th_cli_test(struct th_cli *cli, char *const *files, size_t nfiles);
/* `twohats lsp`: the language server on standard input and output; the exit code. */
int th_cli_lsp(struct th_cli *cli);
/* Forget the configurations found so far (one changed). */
void th_cli_forget_configs(struct th_cli *cli);

#endif
