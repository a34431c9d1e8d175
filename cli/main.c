/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * main.c: the twohats command line: parse the options, start a session
 * with the plugins and the services they may use, and hand over to the
 * command asked for (see cli.h).
 */
#include <config.h>

#include "base/i18n.h"
#include "base/util.h"
#include "cache/memo.h"
#include "cli.h"
#include "input/readers.h"
#include "lsp/lsp.h"
#include "nl/service.h"

#include <errno.h>
#include <getopt.h>
#include <locale.h>
#include <stdio.h>
#include <signal.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>
#include <unistd.h>

static const char usage_text[] =
    N_(/* printf: the plugin and rules folders */
       "Usage: twohats [OPTIONS] PATH...\n"
       "       twohats test CASES.jsonl|RULES.yml...\n"
       "       twohats lsp\n"
       "       twohats serve [--listen ADDRESS:PORT] [--threads N]\n"
       "Check speeches, press releases, social posts and agenda items against the rules\n"
       "that keep a Dutch minister's two hats apart. PATH is a file, a folder (searched\n"
       "recursively) or - for standard input. `twohats test` runs labelled cases (or a\n"
       "rule file's examples) and prints precision and recall per rule; `twohats lsp` is\n"
       "a language server for editors on standard input and output; `twohats serve` an\n"
       "HTTP service: a review page, a JSON API and LanguageTool's protocol.\n"
       "\n"
       "Output:\n"
       "  -f, --format FORMAT      text (default), line, json, jsonl (a finding a line,\n"
       "                           as each document is done), sarif, checkstyle or\n"
       "                           codeclimate (GitLab's Code Quality)\n"
       "      --all                with jsonl: a line for a document without findings too\n"
       "      --color[=WHEN]       colour the text format: auto (default; a terminal,\n"
       "                           unless NO_COLOR is set or TERM=dumb), always, never\n"
       "      --columns UNIT       count columns in chars (default) or bytes (Vim)\n"
       "      --sarif-base DIR     paths in SARIF and Code Climate output are relative to\n"
       "                           DIR (default: the current folder)\n"
       "      --min-severity LEVEL show findings at LEVEL or above: info (default),\n"
       "                           warning or error\n"
       "      --fail-level LEVEL   exit 1 when a finding is at LEVEL or above\n"
       "                           (default warning)\n"
       "Input:\n"
       "      --meta KEY=VALUE     set document metadata (repeatable); wins over front\n"
       "                           matter, JSON Lines fields and configuration\n"
       "      --stdin-filename NAME  name standard input in reports and for finding\n"
       "                           the configuration and the format (.md, .txt, .jsonl)\n"
       "      --lenient            skip invalid UTF-8 bytes instead of refusing the file\n"
       "  -j, --jobs N             lint N files or JSON Lines records at once (default:\n"
       "                           the number of processors); the output is that of -j1\n"
       "      --follow-symlinks    in folders, follow symbolic links that stay inside the\n"
       "                           folder (by default they are not followed; a PATH\n"
       "                           named on the command line always is)\n"
       "Fixing:\n"
       "      --fix                apply the rules' fixes in place (atomically); with - as\n"
       "                           the only PATH, print the fixed text instead\n"
       "      --dry-run            with --fix: print a unified diff, change nothing\n"
       "Configuration:\n"
       "  -c, --config FILE        use FILE instead of the nearest .twohats.yml\n"
       "      --no-config          use the built-in defaults only\n"
       "      --print-config PATH  show the configuration that applies to PATH\n"
       "      --plugin-dir DIR     also load plugins from DIR (repeatable; searched\n"
       "                           before TWOHATS_PLUGIN_PATH and %s;\n"
       "                           an uninstalled twohats in its build tree uses that\n"
       "                           tree's plugins and rules instead of the install's)\n"
       "      --rules-dir DIR      the rule data folder, instead of the folders of\n"
       "                           $TWOHATS_RULES_DIR (':'-separated) and %s\n"
       "Service (twohats serve):\n"
       "      --listen ADDR:PORT   listen there (default 127.0.0.1:8080; another address\n"
       "                           than loopback is reachable from other machines)\n"
       "      --threads N          check N texts at once, one engine each (default: the\n"
       "                           number of processors)\n"
       "      --max-body BYTES     refuse request bodies over BYTES (default 4M; K and M\n"
       "                           suffixes)\n"
       "      --queue N            let N checks wait for a thread (default 64), then\n"
       "                           answer 503\n"
       "      --time-budget SECS   answer 503 to a check not begun within SECS (default 10)\n"
       "      --timeout SECS       close connections idle for SECS (default 15)\n"
       "      --max-connections N  serve N connections at once (default 256)\n"
       "Information:\n"
       "      --list-rules         list every rule: id, default severity, plugin, summary\n"
       "      --explain RULE       explain a rule, with its sources\n"
       "      --list-suppressions  list the suppression comments in PATH... instead\n"
       "  -h, --help               show this help\n"
       "  -V, --version            show the version, the plugin ABI and the services\n"
       "\n"
       "Exit status: 0 nothing at or above the fail level, 1 findings at or above it,\n"
       "2 a usage, configuration or input error, 3 a plugin or internal error.\n"
       "See twohats(1), twohats.yml(5), twohats-rules(5) and twohats-plugin(3).\n"
       "\n"
       "Report bugs to the twohats issue tracker, with the output of twohats --version\n"
       "and the smallest text that shows the bug.\n");

static const char version_text[] =
    N_("Copyright (C) 2026 the twohats authors.\n"
       "License EUPL-1.2: European Union Public Licence v. 1.2\n"
       "<https://joinup.ec.europa.eu/collection/eupl/eupl-text-eupl-12>.\n"
       "This is free software: you are free to change and redistribute it.\n"
       "There is NO WARRANTY, to the extent permitted by law.\n");

enum {
        OPT_META = 256,
        OPT_MIN_SEVERITY,
        OPT_FAIL_LEVEL,
        OPT_NO_CONFIG,
        OPT_PRINT_CONFIG,
        OPT_STDIN_FILENAME,
        OPT_LIST_RULES,
        OPT_EXPLAIN,
        OPT_LIST_SUPPRESSIONS,
        OPT_PLUGIN_DIR,
        OPT_RULES_DIR,
        OPT_LENIENT,
        OPT_FIX,
        OPT_DRY_RUN,
        OPT_FOLLOW_SYMLINKS,
        OPT_COLOR,
        OPT_COLUMNS,
        OPT_SARIF_BASE,
        OPT_LISTEN,
        OPT_THREADS,
        OPT_MAX_BODY,
        OPT_QUEUE,
        OPT_TIME_BUDGET,
        OPT_TIMEOUT,
        OPT_MAX_CONNECTIONS,
        OPT_ALL,
};

static const struct option long_options[] = {
    {"format", required_argument, NULL, 'f'},
    {"jobs", required_argument, NULL, 'j'},
    {"meta", required_argument, NULL, OPT_META},
    {"min-severity", required_argument, NULL, OPT_MIN_SEVERITY},
    {"fail-level", required_argument, NULL, OPT_FAIL_LEVEL},
    {"config", required_argument, NULL, 'c'},
    {"no-config", no_argument, NULL, OPT_NO_CONFIG},
    {"print-config", required_argument, NULL, OPT_PRINT_CONFIG},
    {"stdin-filename", required_argument, NULL, OPT_STDIN_FILENAME},
    {"list-rules", no_argument, NULL, OPT_LIST_RULES},
    {"explain", required_argument, NULL, OPT_EXPLAIN},
    {"list-suppressions", no_argument, NULL, OPT_LIST_SUPPRESSIONS},
    {"plugin-dir", required_argument, NULL, OPT_PLUGIN_DIR},
    {"rules-dir", required_argument, NULL, OPT_RULES_DIR},
    {"lenient", no_argument, NULL, OPT_LENIENT},
    {"fix", no_argument, NULL, OPT_FIX},
    {"dry-run", no_argument, NULL, OPT_DRY_RUN},
    {"follow-symlinks", no_argument, NULL, OPT_FOLLOW_SYMLINKS},
    {"color", optional_argument, NULL, OPT_COLOR},
    {"colour", optional_argument, NULL, OPT_COLOR},
    {"columns", required_argument, NULL, OPT_COLUMNS},
    {"sarif-base", required_argument, NULL, OPT_SARIF_BASE},
    {"listen", required_argument, NULL, OPT_LISTEN},
    {"threads", required_argument, NULL, OPT_THREADS},
    {"max-body", required_argument, NULL, OPT_MAX_BODY},
    {"queue", required_argument, NULL, OPT_QUEUE},
    {"time-budget", required_argument, NULL, OPT_TIME_BUDGET},
    {"timeout", required_argument, NULL, OPT_TIMEOUT},
    {"all", no_argument, NULL, OPT_ALL},
    {"max-connections", required_argument, NULL, OPT_MAX_CONNECTIONS},
    {"help", no_argument, NULL, 'h'},
    {"version", no_argument, NULL, 'V'},
    {NULL, 0, NULL, 0}};

/* --color: auto colours a terminal, unless NO_COLOR is set or the terminal is dumb. */
static int decide_color(const char *when)
{
        if (!strcmp(when, "always") || !strcmp(when, "never"))
                return !strcmp(when, "always");
        const char *no_color = getenv("NO_COLOR"), *term = getenv("TERM");
        return isatty(STDOUT_FILENO) && !(no_color && *no_color) &&
               !(term && !strcmp(term, "dumb"));
}

static int usage_error(const char *fmt, const char *arg)
{
        fputs("twohats: ", stderr);
        fprintf(stderr, _(fmt), arg);
        fputs(_("\nTry 'twohats --help' for more information.\n"), stderr);
        return TH_EXIT_USAGE;
}

/* An uninstalled twohats run from the build tree it was made in (config.status and the
 * built plugins beside it) uses that tree's plugins and its source tree's rules in place
 * of the install's, as libtool's uninstalled programs do: "./twohats" right after "make"
 * lints with every rule.  Returns the build tree (to free) or NULL. */
static char *build_tree(void)
{
        char self[4096];
        ssize_t n = readlink("/proc/self/exe", self, sizeof(self) - 1);
        if (n <= 0)
                return NULL;
        self[n] = '\0';
        char *slash = strrchr(self, '/');
        if (!slash)
                return NULL;
        *slash = '\0';
        char *status = th_xasprintf("%s/config.status", self);
        char *libs = th_xasprintf("%s/plugins/.libs", self);
        struct stat st;
        int ok = stat(status, &st) == 0 && S_ISREG(st.st_mode) && stat(libs, &st) == 0 &&
                 S_ISDIR(st.st_mode);
        free(status);
        free(libs);
        return ok ? th_xstrdup(self) : NULL;
}

/* The source tree of build tree `tree`: abs_top_srcdir in its Makefile (to free), or NULL. */
static char *source_tree(const char *tree)
{
        char *path = th_xasprintf("%s/Makefile", tree), line[4096], *found = NULL;
        FILE *f = fopen(path, "r");
        free(path);
        while (f && !found && fgets(line, sizeof(line), f))
                if (strncmp(line, "abs_top_srcdir = ", 17) == 0) {
                        line[strcspn(line, "\n")] = '\0';
                        found = th_xstrdup(line + 17);
                }
        if (f)
                fclose(f);
        return found;
}

/* The plugin search path: --plugin-dir, then TWOHATS_PLUGIN_PATH, then the install
 * (`install`: PLUGINDIR, or the build tree's plugins). */
static size_t plugin_path(char **dirs, size_t ndirs, const char *install, char ***out,
                          char **env_copy)
{
        size_t n = 0;
        const char *env = getenv("TWOHATS_PLUGIN_PATH");
        size_t max = ndirs + 2 + (env ? strlen(env) : 0);
        *out = th_xcalloc(max, sizeof(char *));
        for (size_t i = 0; i < ndirs; i++)
                (*out)[n++] = dirs[i];
        *env_copy = env ? th_xstrdup(env) : NULL;
        char *save = NULL;
        for (char *tok = *env_copy ? strtok_r(*env_copy, ":", &save) : NULL; tok;
             tok = strtok_r(NULL, ":", &save))
                (*out)[n++] = tok;
        (*out)[n++] = (char *)install;
        return n;
}

/* The services plugins may ask for: one entry per language pack. */
static const struct th_service_provider *const services[] = {&th_nl_provider, NULL};

static int cmd_lsp(struct th_cli *cli, char *const *args, size_t nargs)
{
        (void)args, (void)nargs;
        return th_lsp_serve(cli->session);
}

static int cmd_serve(struct th_cli *cli, char *const *args, size_t nargs)
{
        (void)args;
        return nargs ? usage_error("%s", _("twohats serve takes no PATH")) : th_cli_serve(cli);
}

/* The commands, as git's table of builtins: the first argument names one, or none
 * names the default, linting. */
static const struct command {
        const char *name;
        int (*run)(struct th_cli *cli, char *const *args, size_t nargs);
        const char *no_args; /* the error without operands, or NULL when it needs none */
} commands[] = {
    {"test", th_cli_test, N_("no case file given")},
    {"lsp", cmd_lsp, NULL},
    {"serve", cmd_serve, NULL},
    {NULL, th_cli_lint, N_("no PATH given (use - for standard input)")},
};

static const struct command *command_named(const char *name)
{
        const struct command *c = commands;
        while (c->name && (!name || strcmp(c->name, name) != 0))
                c++;
        return c;
}

/* Open the memo of rule-data work (lib/cache/memo.h): in $TWOHATS_CACHE_DIR (empty: no
 * memo), else $XDG_CACHE_HOME/twohats, else ~/.cache/twohats.  Without it, start-up
 * redoes the work of the run before. */
static void open_memo(void)
{
        const char *env = getenv("TWOHATS_CACHE_DIR"), *xdg = getenv("XDG_CACHE_HOME"),
                   *home = getenv("HOME");
        char *dir = NULL;
        if (env)
                dir = *env ? th_xstrdup(env) : NULL;
        else if (xdg && xdg[0] == '/')
                dir = th_xasprintf("%s/twohats", xdg);
        else if (home && home[0] == '/')
                dir = th_xasprintf("%s/.cache/twohats", home);
        if (dir)
                (void)th_memo_open(dir);
        free(dir);
}

/* An abort is a C++ library out of memory (Hunspell throws std::bad_alloc, which C cannot
 * catch) or an internal error: either way the documented status 3, with a word. */
static void on_abort(int sig)
{
        static const char msg[] = "twohats: stopped: out of memory, or an internal error\n";
        ssize_t w = write(STDERR_FILENO, msg, sizeof(msg) - 1);
        (void)w;
        (void)sig;
        _exit(TH_EXIT_PLUGIN);
}

int main(int argc, char **argv)
{
        signal(SIGABRT, on_abort);
        /* the user's language for messages (LANG=nl_NL.UTF-8: Dutch); an uninstalled twohats
         * finds its catalogues in its build tree, as it does its plugins */
        setlocale(LC_ALL, "");
        char *tree_locale = build_tree();
        if (tree_locale) {
                char *dir = th_xasprintf("%s/po/locale", tree_locale);
                bindtextdomain(TH_TEXTDOMAIN, dir);
                free(dir);
        } else {
                bindtextdomain(TH_TEXTDOMAIN, LOCALEDIR);
        }
        textdomain(TH_TEXTDOMAIN);
        /* twohats serve in twohats: the service is twohats-serve, which reads this command
         * line itself; run it before loading anything here */
        if (!th_cli_serve_linked && command_named(argc > 1 ? argv[1] : NULL)->run == cmd_serve) {
                struct th_cli serve = {.argv = argv, .build_tree = tree_locale};
                int status = th_cli_serve(&serve); /* only when it could not be run */
                free(tree_locale);
                return status;
        }
        free(tree_locale);
        open_memo();
        struct th_cli cli;
        memset(&cli, 0, sizeof(cli));
        th_meta_init(&cli.meta);
        cli.min_severity = TH_SEV_INFO;
        cli.fail_level = TH_SEV_WARNING;
        cli.serve = (struct th_serve_options){"127.0.0.1:8080", 64, 4u << 20, 15, 10, 256, NULL};
        int serve_option = 0;
        const char *color = "auto", *sarif_base = ".";
        char **meta_args = th_xcalloc((size_t)argc + 1, sizeof(char *));
        size_t nmeta_args = 0;
        char **plugin_dirs = th_xcalloc((size_t)argc + 1, sizeof(char *));
        size_t nplugin_dirs = 0;
        const char *rules_env = getenv("TWOHATS_RULES_DIR"), *rules_dir = NULL;
        const char *print_config = NULL, *explain = NULL, *config_file = NULL;
        int list_rules = 0, no_config = 0, status = TH_EXIT_OK, c;
        const struct command *cmd = command_named(argc > 1 ? argv[1] : NULL);
        struct th_error err = {0};
        if (cmd->name) {
                argv++;
                argc--;
        }
        while (status == TH_EXIT_OK &&
               (c = getopt_long(argc, argv, "f:c:j:hV", long_options, NULL)) != -1) {
                switch (c) {
                case 'f':
                        if (th_format_parse(optarg) < 0)
                                status = usage_error("unknown format '%s'; expected text, line, "
                                                     "json, jsonl, sarif, checkstyle or "
                                                     "codeclimate",
                                                     optarg);
                        else
                                cli.format = (enum th_format)th_format_parse(optarg);
                        break;
                case OPT_META: /* read once the language's spellings are known */
                        meta_args[nmeta_args++] = optarg;
                        break;
                case OPT_MIN_SEVERITY:
                case OPT_FAIL_LEVEL: {
                        int s = th_severity_parse(optarg, 0);
                        if (s < 0)
                                status = usage_error("unknown level '%s'; expected info, warning "
                                                     "or error",
                                                     optarg);
                        else if (c == OPT_MIN_SEVERITY)
                                cli.min_severity = (enum th_severity)s;
                        else
                                cli.fail_level = (enum th_severity)s;
                        break;
                }
                case 'c':
                        config_file = optarg;
                        break;
                case OPT_NO_CONFIG:
                        no_config = 1;
                        break;
                case OPT_PRINT_CONFIG:
                        print_config = optarg;
                        break;
                case OPT_STDIN_FILENAME:
                        cli.stdin_filename = optarg;
                        break;
                case OPT_LIST_RULES:
                        list_rules = 1;
                        break;
                case OPT_EXPLAIN:
                        explain = optarg;
                        break;
                case OPT_LIST_SUPPRESSIONS:
                        cli.list_suppressions = 1;
                        break;
                case OPT_PLUGIN_DIR:
                        plugin_dirs[nplugin_dirs++] = optarg;
                        break;
                case OPT_RULES_DIR:
                        rules_dir = optarg;
                        break;
                case OPT_LENIENT:
                        cli.lenient = 1;
                        break;
                case OPT_FIX:
                        cli.fix = 1;
                        break;
                case OPT_DRY_RUN:
                        cli.dry_run = 1;
                        break;
                case OPT_ALL:
                        cli.all = 1;
                        break;
                case OPT_FOLLOW_SYMLINKS:
                        cli.follow_symlinks = 1;
                        break;
                case OPT_COLOR: /* as GNU ls: --color alone is always */
                        color = optarg ? optarg : "always";
                        if (strcmp(color, "auto") && strcmp(color, "always") &&
                            strcmp(color, "never"))
                                status = usage_error("unknown --color '%s'; expected auto, always "
                                                     "or never",
                                                     color);
                        break;
                case OPT_COLUMNS:
                        if (strcmp(optarg, "chars") && strcmp(optarg, "bytes"))
                                status = usage_error("unknown --columns '%s'; expected chars or "
                                                     "bytes",
                                                     optarg);
                        cli.byte_columns = !strcmp(optarg, "bytes");
                        break;
                case OPT_SARIF_BASE:
                        sarif_base = optarg;
                        break;
                case OPT_LISTEN:
                        cli.serve.listen = optarg;
                        serve_option = c;
                        break;
                case 'j':
                case OPT_THREADS:
                case OPT_MAX_BODY:
                case OPT_QUEUE:
                case OPT_TIME_BUDGET:
                case OPT_TIMEOUT:
                case OPT_MAX_CONNECTIONS: {
                        char *end;
                        unsigned long long v = strtoull(optarg, &end, 10);
                        if (c == OPT_MAX_BODY && (*end == 'K' || *end == 'M'))
                                v <<= *end++ == 'K' ? 10 : 20;
                        serve_option = c == 'j' ? serve_option : c;
                        if (*end || !*optarg || *optarg == '-' || v == 0 || v > 1u << 30)
                                status = usage_error("expected a positive whole number, not '%s'",
                                                     optarg);
                        else if (c == 'j')
                                cli.jobs = v < 1024 ? (unsigned)v : 1024;
                        else if (c == OPT_THREADS)
                                cli.serve_threads = (unsigned)v;
                        else if (c == OPT_MAX_BODY)
                                cli.serve.max_body = (size_t)v;
                        else if (c == OPT_QUEUE)
                                cli.serve.queue = (unsigned)v;
                        else if (c == OPT_TIME_BUDGET)
                                cli.serve.budget = (unsigned)v;
                        else if (c == OPT_TIMEOUT)
                                cli.serve.timeout = (unsigned)v;
                        else
                                cli.serve.max_conns = (unsigned)v;
                        break;
                }
                case 'h':
                        printf(_(usage_text), PLUGINDIR, RULESDIR);
                        status = -1;
                        break;
                case 'V': /* GNU: the version first, then copyright, license, warranty */
                        printf("twohats %s\nplugin ABI %d.%d", PACKAGE_VERSION, TH_ABI_MAJOR,
                               TH_ABI_MINOR);
                        for (size_t i = 0; services[i]; i++)
                                printf(", service %s %u.%u", services[i]->table->name,
                                       services[i]->table->major, services[i]->table->minor);
                        printf("\n%s", _(version_text));
                        status = -1;
                        break;
                default:
                        fputs(_("Try 'twohats --help' for more information.\n"), stderr);
                        status = TH_EXIT_USAGE;
                }
        }
        if (status == TH_EXIT_OK && serve_option && cmd->run != cmd_serve)
                status = usage_error("%s", _("--listen, --threads, --max-body, --queue, "
                                             "--time-budget, --timeout and --max-connections go "
                                             "with twohats serve"));
        if (status == TH_EXIT_OK && cli.dry_run && !cli.fix)
                status = usage_error("%s", _("--dry-run goes with --fix"));
        if (!cli.jobs) { /* one a processor */
                long n = sysconf(_SC_NPROCESSORS_ONLN);
                cli.jobs = n < 1 ? 1 : n < 1024 ? (unsigned)n : 1024;
        }
        if (status == TH_EXIT_OK && cli.all && cli.format != TH_FORMAT_JSONL)
                status = usage_error("%s", _("--all goes with --format jsonl"));
        cli.color = decide_color(color);
        char *sarif_abs = status == TH_EXIT_OK ? realpath(sarif_base, NULL) : NULL;
        if (status == TH_EXIT_OK && !sarif_abs) {
                fprintf(stderr, _("twohats: --sarif-base %s: %s\n"), sarif_base, strerror(errno));
                status = TH_EXIT_USAGE;
        }
        cli.sarif_base = sarif_abs;
        for (int i = optind; status == TH_EXIT_OK && cli.fix && i < argc; i++)
                if (strcmp(argv[i], "-") == 0 && argc - optind > 1)
                        status =
                            usage_error("%s", _("--fix with standard input takes no other PATH"));
        char **search = NULL, *env_copy = NULL, *tree = NULL, *tree_plugins = NULL,
             *tree_rules = NULL, *rules_path = NULL;
        struct th_session_options so = {0};
        if (status == TH_EXIT_OK) {
                const char *install_plugins = PLUGINDIR, *install_rules = RULESDIR;
                struct stat st;
                char *src;
                if ((tree = build_tree()) != NULL) {
                        install_plugins = tree_plugins = th_xasprintf("%s/plugins", tree);
                        char *readers = th_xasprintf("%s/readers", tree);
                        th_readers_dir(readers);
                        free(readers);
                        if ((src = source_tree(tree)) != NULL) {
                                tree_rules = th_xasprintf("%s/rules", src);
                                free(src);
                                if (stat(tree_rules, &st) == 0 && S_ISDIR(st.st_mode))
                                        install_rules = tree_rules;
                        }
                }
                size_t nsearch =
                    plugin_path(plugin_dirs, nplugin_dirs, install_plugins, &search, &env_copy);
                /* --rules-dir replaces the rules path; TWOHATS_RULES_DIR goes before the install.
                 */
                rules_path = rules_dir ? th_xstrdup(rules_dir)
                             : rules_env && *rules_env
                                 ? th_xasprintf("%s:%s", rules_env, install_rules)
                                 : th_xstrdup(install_rules);
                so = (struct th_session_options){(const char *const *)search,
                                                 nsearch,
                                                 rules_path,
                                                 services,
                                                 config_file,
                                                 no_config};
                cli.session = th_session_new(&so, &err);
                cli.session_options = &so;
                if (!cli.session)
                        status = th_cli_error(&err);
                else
                        cli.engine = th_session_engine(cli.session);
                /* A lint without a single plugin finds next to nothing: say so, rather
                 * than let "no findings" pass for a clean text. */
                size_t loaded = 0;
                for (size_t i = 0; cli.engine && i < th_engine_plugin_count(cli.engine); i++)
                        loaded +=
                            strcmp(th_engine_plugin(cli.engine, i)->path, TH_PLUGIN_BUILT_IN) != 0;
                if (cli.engine && loaded == 0) {
                        fputs(_("twohats: warning: no rule plugins found in"), stderr);
                        for (size_t i = 0; i < nsearch; i++)
                                fprintf(stderr, "%s %s", i ? "," : "", search[i]);
                        fputs(_("; only the core rules run (set TWOHATS_PLUGIN_PATH or install "
                                "twohats)\n"),
                              stderr);
                }
        }
        for (size_t i = 0; status == TH_EXIT_OK && i < nmeta_args; i++)
                if (th_meta_set_arg(&cli.meta, meta_args[i], th_session_conventions(cli.session),
                                    &err) < 0)
                        status = th_cli_error(&err);
        /* The rules of the declarative rule files of this folder's configuration, too. */
        if (status == TH_EXIT_OK && (list_rules || explain) &&
            !th_session_config_for(cli.session, ".", &err))
                status = th_cli_error(&err);
        if (status == TH_EXIT_OK) {
                if (list_rules)
                        status = th_cli_list_rules(&cli);
                else if (explain)
                        status = th_cli_explain(&cli, explain);
                else if (print_config)
                        status = th_cli_print_config(&cli, print_config);
                else if (optind >= argc && cmd->no_args)
                        status = usage_error("%s", _(cmd->no_args));
                else
                        status = cmd->run(&cli, argv + optind, (size_t)(argc - optind));
        }
        th_meta_release(&cli.meta);
        th_session_free(cli.session);
        th_error_release(&err);
        free(search);
        free(env_copy);
        free(tree);
        free(tree_plugins);
        free(tree_rules);
        free(rules_path);
        free(plugin_dirs);
        free(meta_args);
        free(sarif_abs);
        th_memo_close();
        return status < 0 ? TH_EXIT_OK : status;
}
