/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * cli_test.c: `twohats test FILE...`: run labelled cases and measure the
 * rules on them.  A case is {id, text, meta, expect}: one per line of a
 * .jsonl file, or a list under `cases:` in a rule data .yml file.  A case
 * passes when every expected rule id is reported and nothing else is
 * reported at warning or error (unexpected info findings are tolerated).
 * A declarative rule file (with `rules:`) is tested by its examples.
 */
#include "cli.h"
#include "base/util.h"
#include "yaml/yamldoc.h"

#include <jansson.h>
#include <stdio.h>
#include <stdlib.h>
#include <string.h>

struct tally {
        char *rule;
        unsigned tp, fp, fn;
};

struct test_run {
        struct th_cli *cli;
        struct tally *t;
        size_t nt, at;
        unsigned passed, failed;
        int status; /* the worst error status met */
};

static struct tally *tally_for(struct test_run *r, const char *rule)
{
        for (size_t i = 0; i < r->nt; i++)
                if (strcmp(r->t[i].rule, rule) == 0)
                        return &r->t[i];
        TH_GROW(r->t, r->nt + 1, r->at);
        struct tally *t = &r->t[r->nt++];
        memset(t, 0, sizeof(*t));
        t->rule = th_xstrdup(rule);
        return t;
}

/* YAML node to JSON, for the few shapes a case has (bounded depth: no alias loops). */
static json_t *to_json(const struct th_yamldoc *y, const struct th_ynode *n, int depth)
{
        if (!n || depth > 8)
                return json_null();
        if (th_yamldoc_scalar(n))
                return json_string(th_yamldoc_scalar(n));
        if (th_yamldoc_type(n) == TH_YLIST) {
                json_t *a = json_array();
                for (size_t i = 0; i < th_yamldoc_count(n); i++)
                        json_array_append_new(a, to_json(y, th_yamldoc_item(y, n, i), depth + 1));
                return a;
        }
        /* A case's keys are data: each key is copied. */
        json_t *o = json_object();
        for (size_t i = 0; i < th_yamldoc_count(n); i++) {
                const struct th_ynode *k, *v = th_yamldoc_pair(y, n, i, &k);
                if (th_yamldoc_scalar(k))
                        json_object_set_new(o, th_yamldoc_scalar(k), to_json(y, v, depth + 1));
        }
        return o;
}

/* Load the cases under `cases:` of a .yml file as a JSON array of objects, each with
 * "_line". */
static json_t *load_cases(const char *file, struct th_error *err)
{
        char *buf;
        size_t len;
        if (th_read_file(file, &buf, &len) < 0)
                return th_error_set(err, TH_ERR_USAGE, file, 0, 0, "cannot read case file"), NULL;
        json_t *cases = json_array();
        struct th_yamldoc y;
        int rc = th_yamldoc_load(&y, file, buf, len, 0, TH_ERR_USAGE, err);
        free(buf);
        if (rc < 0) {
                json_decref(cases);
                return NULL;
        }
        const struct th_ynode *v = th_yamldoc_get(&y, th_yamldoc_root(&y), "cases");
        for (size_t i = 0; th_yamldoc_type(v) == TH_YLIST && i < th_yamldoc_count(v); i++) {
                const struct th_ynode *n = th_yamldoc_item(&y, v, i);
                json_t *c = to_json(&y, n, 0);
                json_object_set_new(c, "_line", json_integer(th_yamldoc_line(&y, n)));
                json_array_append_new(cases, c);
        }
        th_yamldoc_release(&y);
        return cases;
}

static int case_meta(json_t *meta, struct th_meta *m, const struct th_conventions *conv,
                     const char *where, unsigned line, struct th_error *err)
{
        const char *key;
        json_t *v;
        json_object_foreach(meta, key, v)
        {
                const char *vals[64];
                size_t nr = 0;
                if (json_is_string(v))
                        vals[nr++] = json_string_value(v);
                for (size_t i = 0; json_is_array(v) && i < json_array_size(v) && nr < 64; i++)
                        if (json_is_string(json_array_get(v, i)))
                                vals[nr++] = json_string_value(json_array_get(v, i));
                if (th_meta_set(m, key, vals, nr, NULL, conv, where, line, 0, err) < 0)
                        return -1;
        }
        return 0;
}

static int expected(json_t *expect, const char *rule)
{
        for (size_t i = 0; i < json_array_size(expect); i++)
                if (json_is_string(json_array_get(expect, i)) &&
                    strcmp(json_string_value(json_array_get(expect, i)), rule) == 0)
                        return 1;
        return 0;
}

static void run_case(struct test_run *r, const char *file, const struct th_config *c, json_t *cs)
{
        unsigned line = (unsigned)json_integer_value(json_object_get(cs, "_line"));
        json_t *text = json_object_get(cs, "text"), *expect = json_object_get(cs, "expect");
        const char *id = json_string_value(json_object_get(cs, "id"));
        char *name = th_xasprintf("%s:%s", file, id ? id : "?");
        struct th_error err = {0};
        struct th_meta meta;
        th_meta_init(&meta);
        struct th_findings f = {0};
        struct th_doc doc;
        int rc = 0, built = 0;
        if (!id || !json_is_string(text) || !json_is_array(expect))
                rc = th_error_set(&err, TH_ERR_USAGE, file, line, 0,
                                  "a case needs id (text), text (text) and expect (list)");
        for (size_t i = 0; rc == 0 && i < json_array_size(expect); i++) {
                const char *want = json_string_value(json_array_get(expect, i));
                if (!want || !th_engine_find_rule(r->cli->engine, want))
                        rc = th_error_set(&err, TH_ERR_USAGE, file, line, 0,
                                          "case '%s' expects '%s', which is not a known rule "
                                          "(is its plugin in the plugin path?)",
                                          id, want ? want : "a non-text value");
        }
        if (rc == 0 && json_is_object(json_object_get(cs, "meta")))
                rc = case_meta(json_object_get(cs, "meta"), &meta,
                               th_session_conventions(r->cli->session), file, line, &err);
        if (rc == 0) {
                struct th_text t = {name,
                                    file,
                                    c,
                                    th_xstrdup(json_string_value(text)),
                                    json_string_length(text),
                                    TH_MARKUP_MARKDOWN,
                                    0,
                                    &meta};
                enum th_lint_result lr = th_session_lint(r->cli->session, &t, &doc, &f, &err);
                built = lr != TH_LINT_REFUSED;
                rc = lr == TH_LINT_DONE ? 0 : -1;
        }
        if (rc < 0) {
                r->failed++;
                int st = th_cli_error(&err);
                if (st > r->status)
                        r->status = st;
        } else {
                int ok = 1;
                for (size_t i = 0; i < json_array_size(expect); i++) {
                        const char *want = json_string_value(json_array_get(expect, i));
                        int found = 0;
                        for (size_t k = 0; want && k < f.nr; k++)
                                found |= strcmp(f.v[k].rule, want) == 0;
                        struct tally *t = tally_for(r, want ? want : "?");
                        found ? t->tp++ : t->fn++;
                        ok &= found;
                }
                for (size_t k = 0; k < f.nr; k++) {
                        int dup = 0;
                        for (size_t j = 0; j < k; j++)
                                dup |= strcmp(f.v[j].rule, f.v[k].rule) == 0;
                        if (dup || expected(expect, f.v[k].rule) ||
                            f.v[k].severity < TH_SEV_WARNING)
                                continue;
                        tally_for(r, f.v[k].rule)->fp++;
                        ok = 0;
                }
                if (ok) {
                        r->passed++;
                } else {
                        r->failed++;
                        printf("FAIL %s (%s:%u)\n  expected:", id, file, line);
                        for (size_t i = 0; i < json_array_size(expect); i++)
                                printf(" %s", json_string_value(json_array_get(expect, i)));
                        printf("%s\n  actual:  %s\n", json_array_size(expect) ? "" : " (nothing)",
                               f.nr ? "" : " (nothing)");
                        for (size_t k = 0; k < f.nr; k++)
                                printf("    %s %s %u:%u-%u:%u %s\n", f.v[k].rule,
                                       th_severity_name(f.v[k].severity), f.v[k].line, f.v[k].col,
                                       f.v[k].end_line, f.v[k].end_col, f.v[k].message);
                }
        }
        th_findings_release(&f);
        if (built)
                th_doc_release(&doc);
        th_meta_release(&meta);
        th_error_release(&err);
        free(name);
}

static int by_rule(const void *a, const void *b)
{
        return strcmp(((const struct tally *)a)->rule, ((const struct tally *)b)->rule);
}

static void print_table(struct test_run *r)
{
        if (r->nt > 1)
                qsort(r->t, r->nt, sizeof(r->t[0]), by_rule);
        printf("\n%-40s %5s %5s %5s %9s %7s\n", "RULE", "TP", "FP", "FN", "PRECISION", "RECALL");
        for (size_t i = 0; i < r->nt; i++) {
                const struct tally *t = &r->t[i];
                char p[16] = "-", rc[16] = "-";
                if (t->tp + t->fp)
                        snprintf(p, sizeof(p), "%.3f", (double)t->tp / (t->tp + t->fp));
                if (t->tp + t->fn)
                        snprintf(rc, sizeof(rc), "%.3f", (double)t->tp / (t->tp + t->fn));
                printf("%-40s %5u %5u %5u %9s %7s\n", t->rule, t->tp, t->fp, t->fn, p, rc);
        }
}

/* Is `file` a declarative rule file (a YAML mapping with `rules`)? */
static int is_rule_file(const char *file)
{
        if (!th_ends_with(file, ".yml") && !th_ends_with(file, ".yaml"))
                return 0;
        struct th_yamldoc y;
        struct th_error err = {0};
        int found = 0;
        if (th_yamldoc_load_file(&y, file, "case file", TH_ERR_USAGE, &err) == 0) {
                found = th_yamldoc_get(&y, th_yamldoc_root(&y), "rules") != NULL;
                th_yamldoc_release(&y);
        }
        th_error_release(&err);
        return found;
}

static json_t *meta_json(const struct th_meta *m)
{
        json_t *o = json_object();
        for (size_t i = 0; i < m->nr; i++) {
                json_t *v = json_array();
                for (size_t k = 0; k < m->entries[i].nr; k++)
                        json_array_append_new(v, json_string(m->entries[i].values[k]));
                json_object_set_new(o, m->entries[i].key, v);
        }
        return o;
}

/*
 * Run the examples of a declarative rule file as cases: each "flag" example must give
 * its rule, each "pass" example nothing; only the file's rules (and the core's) run.
 */
static int test_rule_file(struct test_run *r, const char *file, struct th_error *err)
{
        struct th_cli *cli = r->cli;
        char *real = realpath(file, NULL);
        if (!real)
                return th_error_set(err, TH_ERR_USAGE, file, 0, 0, "cannot read rule file");
        if (th_engine_load_rule_file(cli->engine, real, 0, err) < 0) {
                free(real);
                return -1;
        }
        struct th_config own;
        th_config_defaults(&own, ".");
        struct th_place at = {0, 0};
        th_config_add_rule_file(&own, real, at);
        for (size_t i = 0; i < th_engine_plugin_count(cli->engine); i++) {
                const char *name = th_engine_plugin(cli->engine, i)->name;
                if (strcmp(name, "core") && strcmp(name, "declarative"))
                        th_config_disable_plugin(&own, name);
        }
        const struct th_rule_file *f = th_engine_rule_file(cli->engine, real);
        for (size_t i = 0; i < f->nrules; i++) {
                const char *id = th_decl_rule_id(f->rules[i]);
                for (size_t k = 0; k < th_decl_rule_examples(f->rules[i]); k++) {
                        const char *text;
                        const struct th_meta *meta;
                        unsigned line;
                        int flag = th_decl_rule_example(f->rules[i], k, &text, &meta, &line);
                        char *case_id =
                            th_xasprintf("%s %s %zu", id, flag ? "flag" : "pass", k + 1);
                        json_t *c = json_pack("{s:s, s:s, s:o, s:o, s:i}", "id", case_id, "text",
                                              text, "meta", meta_json(meta), "expect",
                                              flag ? json_pack("[s]", id) : json_array(), "_line",
                                              (int)line);
                        run_case(r, file, &own, c);
                        json_decref(c);
                        free(case_id);
                }
        }
        th_config_release(&own);
        free(real);
        return 0;
}

/* The next case of a .jsonl case file at buf[*at, len), with "_line"; NULL at the end,
 * or with *bad set (and `err`) at a line that is no JSON. */
static json_t *next_jsonl_case(const char *file, const char *buf, size_t len, size_t *at,
                               unsigned *line, int *bad, struct th_error *err)
{
        while (*at < len) {
                const char *nl = memchr(buf + *at, '\n', len - *at);
                size_t start = *at, end = nl ? (size_t)(nl - buf) : len;
                ++*line;
                *at = end + 1;
                if (end == start)
                        continue;
                json_error_t jerr;
                json_t *c = json_loadb(buf + start, end - start, 0, &jerr);
                if (!c) {
                        th_error_set(err, TH_ERR_USAGE, file, *line, (unsigned)jerr.column,
                                     "invalid case: %s", jerr.text);
                        *bad = 1;
                        return NULL;
                }
                json_object_set_new(c, "_line", json_integer(*line));
                return c;
        }
        return NULL;
}

/*
 * Run the cases of a .jsonl file, read twice: once to refuse the file whole at its first
 * bad line (as a .yml file is refused before any case runs), then a case at a time, so
 * that memory holds one case (100,000 cases took 100 MB as one array).
 */
static int run_jsonl_cases(struct test_run *r, const char *file, const struct th_config *c,
                           struct th_error *err)
{
        char *buf;
        size_t len, at = 0;
        unsigned line = 0;
        int bad = 0;
        if (th_read_file(file, &buf, &len) < 0)
                return th_error_set(err, TH_ERR_USAGE, file, 0, 0, "cannot read case file");
        for (json_t *cs; (cs = next_jsonl_case(file, buf, len, &at, &line, &bad, err));)
                json_decref(cs);
        for (at = 0, line = 0; !bad && at < len;) {
                json_t *cs = next_jsonl_case(file, buf, len, &at, &line, &bad, err);
                if (cs)
                        run_case(r, file, c, cs);
                json_decref(cs);
        }
        free(buf);
        return bad ? -1 : 0;
}

int th_cli_test(struct th_cli *cli, char *const *files, size_t nfiles)
{
        struct test_run r;
        memset(&r, 0, sizeof(r));
        r.cli = cli;
        int status = TH_EXIT_OK;
        for (size_t i = 0; i < nfiles; i++) {
                struct th_error err = {0};
                if (is_rule_file(files[i])) {
                        if (test_rule_file(&r, files[i], &err) < 0)
                                status = th_cli_error(&err);
                        th_error_release(&err);
                        continue;
                }
                const struct th_config *c = th_session_config_for(cli->session, files[i], &err);
                if (c && th_ends_with(files[i], ".jsonl")) {
                        if (run_jsonl_cases(&r, files[i], c, &err) < 0)
                                status = th_cli_error(&err);
                        th_error_release(&err);
                        continue;
                }
                json_t *cases = c ? load_cases(files[i], &err) : NULL;
                if (!cases) {
                        status = th_cli_error(&err);
                        th_error_release(&err);
                        continue;
                }
                for (size_t k = 0; k < json_array_size(cases); k++)
                        run_case(&r, files[i], c, json_array_get(cases, k));
                json_decref(cases);
        }
        if (r.passed + r.failed || status == TH_EXIT_OK) { /* no empty table after an error */
                print_table(&r);
                printf("\n%u passed, %u failed\n", r.passed, r.failed);
        }
        for (size_t i = 0; i < r.nt; i++)
                free(r.t[i].rule);
        free(r.t);
        if (r.status > status)
                status = r.status;
        return status != TH_EXIT_OK ? status : r.failed ? TH_EXIT_FINDINGS : TH_EXIT_OK;
}
