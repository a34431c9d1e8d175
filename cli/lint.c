/* SPDX-License-Identifier: EUPL-1.2 */
/* cli_lint.c: lint the paths given on the command line (see cli.h). */
#include "cli.h"
#include "pool.h"
#include "findings/fix.h"
#include "input/input.h"
#include "document/suppress.h"
#include "base/i18n.h"
#include "base/util.h"

#include <stdio.h>
#include <stdlib.h>
#include <string.h>
#include <sys/stat.h>

int th_cli_error(const struct th_error *err)
{
        char *msg = th_error_format(err);
        fprintf(stderr, "twohats: %s\n", msg);
        free(msg);
        return err->kind == TH_ERR_PLUGIN ? TH_EXIT_PLUGIN : TH_EXIT_USAGE;
}

struct run {
        struct th_cli *cli;
        struct th_pool *pool; /* -j N: the workers; NULL: one unit after another */
        struct th_report report;
        int reporting; /* not when listing suppressions or printing fixed text or diffs */
        int status;
};

static void keep_worst(struct run *run, int status)
{
        if (status > run->status) /* the statuses rise with their gravity */
                run->status = status;
}

/* An error about an input: on standard error, in the status, and in the machine formats;
 * with -j, after the units read before it. */
static void input_error(struct run *run, const struct th_error *err)
{
        if (run->pool && !th_pool_reporting()) {
                th_pool_add(run->pool, &(struct th_unit){.name = err->file, .error = err});
                return;
        }
        keep_worst(run, th_cli_error(err));
        if (run->reporting)
                th_report_error(&run->report, err);
}

static void list_suppressions(const struct th_doc *doc)
{
        struct th_suppressions sup = {0};
        th_suppressions_find(doc, &sup);
        for (size_t i = 0; i < sup.nr; i++) {
                const struct th_suppression *s = &sup.v[i];
                unsigned line, col;
                th_doc_position(doc, s->start, &line, &col);
                printf("%s:%u:%u: %s", doc->path, line, col, s->directive);
                for (size_t k = 0; k < s->nrules; k++)
                        printf("%s%s", k ? ", " : " ", s->rules[k]);
                if (s->kind == TH_SUP_ENABLE)
                        printf("\n");
                else
                        printf(" -- %s\n", s->reason ? s->reason : "(no reason given)");
        }
        th_suppressions_release(&sup);
}

/* --fix: apply the fixes of `f` to the unit; the findings fixed leave `f`. */
static void fix_unit(struct run *run, const struct th_unit *u, const struct th_doc *doc,
                     struct th_findings *f)
{
        struct th_cli *cli = run->cli;
        struct th_error err = {0};
        if (u->extracted) {
                th_error_set(&err, TH_ERR_USAGE, u->name, 0, 0,
                             "cannot fix %s; apply the fix where the text is written",
                             _(u->extracted));
                input_error(run, &err);
                th_error_release(&err);
                return;
        }
        unsigned char *applied = th_xcalloc(f->nr ? f->nr : 1, 1);
        size_t n;
        char *fixed = th_fix_apply(doc->text, doc->len, f, &n, applied);
        if (cli->dry_run) {
                char *diff = th_fix_diff(doc->path, doc->text, doc->len, fixed, n);
                fputs(diff, stdout);
                free(diff);
        } else if (u->from_stdin) {
                fwrite(fixed, 1, n, stdout); /* formatter mode: the text, whatever it holds */
        } else if ((n != doc->len || memcmp(fixed, doc->text, n) != 0) &&
                   th_fix_write(u->source_path, fixed, n, doc->text, doc->len, &err) < 0) {
                input_error(run, &err);
                memset(applied, 0, f->nr ? f->nr : 1);
        }
        if (!cli->dry_run)
                for (size_t i = f->nr; i > 0; i--)
                        if (applied[i - 1])
                                th_findings_remove(f, i - 1);
        free(applied);
        free(fixed);
        th_error_release(&err);
}

/* Lint one unit with `session` (or only read it, to list its suppressions): what
 * th_unit_lint of pool.h does on a worker, and the command line does itself with -j1. */
void th_unit_lint(const struct th_cli *cli, struct th_session *session, const struct th_unit *u,
                  struct th_linted *l)
{
        memset(l, 0, sizeof(*l));
        th_meta_init(&l->meta);
        if (u->fields)
                th_meta_copy(&l->meta, u->fields);
        th_meta_copy(&l->meta, &cli->meta);
        struct th_text t = {u->name, u->source_path, NULL,         u->text,
                            u->len,  u->markup,      cli->lenient, &l->meta};
        const struct th_config *c;
        if (cli->list_suppressions)
                l->rc = th_session_read(session, &t, &l->doc, &c, &l->err) < 0 ? TH_LINT_REFUSED
                                                                               : TH_LINT_DONE;
        else
                l->rc = th_session_lint(session, &t, &l->doc, &l->f, &l->err);
}

/* Report a linted unit, in input order: its errors, suppressions, fixes, status and
 * findings.  The caller releases `l` (the pool: on the thread that linted it). */
static void finish_unit(struct run *run, struct th_unit *u, struct th_linted *l)
{
        struct th_cli *cli = run->cli;
        if (l->rc != TH_LINT_DONE)
                input_error(run, &l->err);
        if (l->rc == TH_LINT_REFUSED)
                return;
        if (cli->list_suppressions) {
                list_suppressions(&l->doc);
        } else {
                struct th_findings *f = &l->f;
                if (cli->fix)
                        fix_unit(run, u, &l->doc, f);
                for (size_t i = 0; i < f->nr;) {
                        if (f->v[i].severity >= cli->fail_level && !(cli->fix && u->from_stdin))
                                keep_worst(run, TH_EXIT_FINDINGS);
                        if (f->v[i].severity < cli->min_severity)
                                th_findings_remove(f, i);
                        else
                                i++;
                }
                /* standard input is located by its --stdin-filename, or not at all */
                struct th_report_source src = {
                    u->from_stdin && !cli->stdin_filename ? NULL : u->source_path, u->line,
                    u->extracted != NULL};
                if (run->reporting)
                        th_report_doc(&run->report, &l->doc, &src, f);
        }
}

void th_linted_release(struct th_linted *l)
{
        if (l->rc != TH_LINT_REFUSED)
                th_doc_release(&l->doc);
        th_findings_release(&l->f);
        th_error_release(&l->err);
        th_meta_release(&l->meta);
}

static void pool_report(void *data, struct th_unit *u, struct th_linted *l)
{
        struct run *run = data;
        if (u->error)
                input_error(run, u->error);
        else
                finish_unit(run, u, l);
}

static int lint_unit(struct th_unit *u, void *data)
{
        struct run *run = data;
        if (run->pool) { /* -j: linted by the pool, reported here in input order */
                th_pool_add(run->pool, u);
                return 0;
        }
        if (u->error) { /* a JSON Lines record that cannot be read; the next ones are linted */
                input_error(run, u->error);
                return 0;
        }
        struct th_linted l;
        th_unit_lint(run->cli, run->cli->session, u, &l);
        finish_unit(run, u, &l);
        th_linted_release(&l);
        return 0;
}

static void lint_path(struct run *run, const char *path);

/* A file, or standard input (`path` "-", shown as `name`). */
static void lint_file(struct run *run, const char *path, const char *name)
{
        struct th_error err = {0};
        if (th_input_read(path, name, th_session_conventions(run->cli->session), lint_unit, run,
                          &err) < 0)
                input_error(run, &err);
        th_error_release(&err);
}

/* Every file of the folder that the configuration takes; what was left out is counted
 * for the summary, and a folder that cannot be listed is an input error, never a pass.
 * With -j the counts are still this thread's alone: a reporting worker writes other
 * fields of the report, and th_report_end reads them after the pool is gone. */
static void lint_folder(struct run *run, const char *path)
{
        struct th_cli *cli = run->cli;
        struct th_error err = {0};
        struct th_walk w;
        th_input_walk(path, cli->follow_symlinks, &w);
        for (size_t i = 0; i < w.nproblems; i++) {
                th_error_set(&err, TH_ERR_USAGE, w.problems[i].path, 0, 0,
                             "cannot read this folder or entry: %s", strerror(w.problems[i].error));
                input_error(run, &err);
                th_error_release(&err);
        }
        size_t taken = 0, refused = 0;
        for (size_t i = 0; i < w.nfiles; i++) {
                const struct th_config *c = th_session_config_for(cli->session, w.files[i], &err);
                if (!c) {
                        refused++;
                        input_error(run, &err);
                        th_error_release(&err);
                } else if (th_config_takes(c, w.files[i])) {
                        taken++;
                        lint_file(run, w.files[i], w.files[i]); /* a file, as the walk saw */
                } else {
                        th_report_skip(&run->report, w.files[i]);
                }
        }
        run->report.skipped_links += w.links;
        for (size_t i = 0; i < w.nothers; i++)
                th_report_skip(&run->report, w.others[i]);
        if (!taken && !refused && !w.nproblems) {
                if (run->pool) /* after the messages about what was read before */
                        th_pool_drain(run->pool);
                fprintf(stderr, _("twohats: %s: no file to check in this folder\n"), path);
        }
        th_walk_release(&w);
}

static void lint_path(struct run *run, const char *path)
{
        struct th_cli *cli = run->cli;
        struct stat st;
        if (strcmp(path, "-") == 0)
                lint_file(run, "-", cli->stdin_filename ? cli->stdin_filename : "<stdin>");
        else if (stat(path, &st) == 0 && S_ISDIR(st.st_mode))
                lint_folder(run, path);
        else
                lint_file(run, path, path);
}

int th_cli_lint(struct th_cli *cli, char *const *paths, size_t npaths)
{
        struct run run;
        memset(&run, 0, sizeof(run));
        run.cli = cli;
        int formatter = cli->fix && npaths == 1 && strcmp(paths[0], "-") == 0;
        run.reporting = !cli->list_suppressions && !cli->dry_run && !formatter;
        if (run.reporting)
                th_report_begin(&run.report, &(struct th_report_options){
                                                 cli->format, stdout, cli->color, cli->byte_columns,
                                                 cli->sarif_base, cli->engine, cli->all});
        /* -j: not for --fix (files written) nor --list-suppressions (printed as read) */
        if (cli->jobs > 1 && !cli->fix && !cli->list_suppressions)
                run.pool = th_pool_new(cli, pool_report, &run);
        for (size_t i = 0; i < npaths; i++)
                lint_path(&run, paths[i]);
        if (run.pool)
                th_pool_free(run.pool);
        if (run.reporting)
                th_report_end(&run.report);
        return run.status;
}
