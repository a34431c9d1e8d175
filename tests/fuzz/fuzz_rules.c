/* SPDX-License-Identifier: EUPL-1.2 */
/*
 * fuzz_rules.c: a libFuzzer target for rule data: each input is read as a rule
 * data file of lexicons (lib/match/lexicon.c on lib/yaml/yamldoc.c), whose
 * lexicons are then compiled and matched, and as a file of declarative rules
 * (lib/engine/declarative.c), whose examples are then run.  Most inputs are one
 * or the other; reading each both ways lets one corpus serve both parsers.
 * Build and run with tests/fuzz/run.sh.
 */
#include <stdint.h>
#include <stdlib.h>
#include <string.h>

#include "base/util.h"
#include "engine/declarative.h"
#include "fuzz_common.h"
#include "match/lexicon.h"
#include "match/wordindex.h"
#include "nl/elections.h"
#include "nl/partisan.h"
#include "yaml/yamldoc.h"

/* Bounds that keep one input from becoming thousands of lookups. */
enum { MAX_LEXICONS = 64, MAX_SAMPLE = 4096 };

static char *rules_root, *lexicon_file;
static struct th_scratch *scratch;
static struct th_elections elections;
static struct th_calendar calendar;

/* The calendar of rules/nl/elections.yml, as nl/service.c gives it to declarative rules. */
struct window {
        const char *type;
        long days;
};

static long window_days(void *arg, const char *type)
{
        const struct window *w = arg;
        return !w->type || !strcmp(w->type, type) ? w->days : 0;
}

static int calendar_within(void *state, const char *date, const char *type, long days)
{
        struct window w = {type, days};
        return th_elections_window(state, date, window_days, &w) != NULL;
}

static int calendar_type_known(void *state, const char *type)
{
        return th_elections_type_known(state, type);
}

static const char *calendar_type_list(void *state)
{
        return ((struct th_elections *)state)->type_list;
}

int LLVMFuzzerInitialize(int *argc, char ***argv)
{
        (void)argc;
        (void)argv;
        rules_root = th_xstrdup(fuzz_scratch_dir());
        lexicon_file = fuzz_path("fz/fuzz.yml");
        scratch = th_scratch_new();
        char *path = th_xasprintf("%s/nl/elections.yml", fuzz_rules_dir());
        struct th_error err = {0};
        if (th_elections_load(&elections, path, &err) < 0) {
                fprintf(stderr, "fuzz: %s: %s (set TWOHATS_RULES_DIR)\n", path, err.message);
                abort();
        }
        free(path);
        calendar = (struct th_calendar){&elections, calendar_type_known, calendar_type_list,
                                        calendar_within};
        fuzz_conventions();
        return 0;
}

/* The names under `lexicons:`, as the lexicon loader will name them ("fz/NAME"). */
static size_t lexicon_names(const uint8_t *data, size_t size, char **names)
{
        struct th_yamldoc y;
        struct th_error err = {0};
        size_t nr = 0;
        if (th_yamldoc_load(&y, "fuzz.yml", (const char *)data, size, 0, TH_ERR_USAGE, &err) == 0) {
                const struct th_ynode *map = th_yamldoc_get(&y, th_yamldoc_root(&y), "lexicons");
                for (size_t i = 0; th_yamldoc_type(map) == TH_YMAP && i < th_yamldoc_count(map) &&
                                   nr < MAX_LEXICONS;
                     i++) {
                        const struct th_ynode *key;
                        th_yamldoc_pair(&y, map, i, &key);
                        if (th_yamldoc_scalar(key))
                                names[nr++] = th_xasprintf("fz/%s", th_yamldoc_scalar(key));
                }
        }
        th_yamldoc_release(&y);
        th_error_release(&err);
        return nr;
}

/* A text that holds every form of `lex`, so that matching has something to find. */
static void add_forms(struct th_buf *text, const struct th_lexicon *lex)
{
        for (size_t i = 0; i < lex->nforms && text->len < MAX_SAMPLE; i++)
                th_buf_addf(text, "De %s, zei ze. ", lex->forms[i]);
}

static void read_lexicons(const uint8_t *data, size_t size)
{
        char *names[MAX_LEXICONS];
        size_t nnames = lexicon_names(data, size, names);
        struct th_lexicons *l = th_lexicons_new(rules_root);
        th_lexicons_leave(l, th_nl_data_keys);
        struct th_error err = {0};
        /* A name that is not there makes the loader read the file and say so. */
        th_lexicons_get(l, "fz/fuzz-absent", &err);
        const struct th_lexicon *found[MAX_LEXICONS];
        size_t nfound = 0;
        struct th_buf text = {0};
        for (size_t i = 0; i < nnames; i++) {
                th_error_release(&err);
                const struct th_lexicon *lex = th_lexicons_get(l, names[i], &err);
                if (lex) {
                        found[nfound++] = lex;
                        add_forms(&text, lex);
                }
                free(names[i]);
        }
        th_error_release(&err);
        th_buf_adds(&text, "");
        struct th_word_table *table = th_word_table_new(l, NULL, 0);
        struct th_word_index *index = th_word_index_build(table, scratch, text.s, text.len);
        for (size_t i = 0; i < nfound; i++) {
                size_t start, end;
                const char *term;
                if (index)
                        th_word_index_find(index, found[i], text.len, 0, &start, &end, &term);
                for (size_t at = 0; th_lexicon_find(found[i], scratch, text.s, text.len, at, &start,
                                                    &end, &term) == 1;
                     at = end > at ? end : at + 1)
                        if (start > end || end > text.len || !term)
                                abort();
        }
        th_word_index_free(index);
        th_word_table_free(table);
        th_buf_release(&text);
        th_lexicons_free(l);
}

static void read_rule_file(void)
{
        struct th_error err = {0};
        struct th_rule_file *f =
            th_rule_file_load(lexicon_file, &calendar, fuzz_conventions(), &err);
        if (f) {
                th_error_release(&err);
                th_rule_file_verify(f, &calendar, fuzz_conventions(), scratch, &err);
                for (size_t i = 0; i < f->nrules; i++) {
                        const struct th_decl_rule *r = f->rules[i];
                        if (!th_decl_rule_id(r) || !th_decl_rule_summary(r) ||
                            !th_decl_rule_explanation(r))
                                abort();
                        th_decl_rule_severity(r);
                        for (size_t k = 0; k < th_decl_rule_examples(r); k++) {
                                const char *example;
                                const struct th_meta *meta;
                                unsigned line;
                                th_decl_rule_example(r, k, &example, &meta, &line);
                        }
                }
        } else if (!err.message) {
                abort(); /* a refusal always says why */
        }
        th_rule_file_free(f);
        th_error_release(&err);
}

int LLVMFuzzerTestOneInput(const uint8_t *data, size_t size)
{
        fuzz_write(lexicon_file, data, size);
        read_lexicons(data, size);
        read_rule_file();
        return 0;
}
