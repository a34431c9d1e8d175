/* SPDX-License-Identifier: EUPL-1.2 */
/* test_lexicon.c: term lists: accents, compounds, apostrophes, wildcards, data errors. */
#include "unit.h"
#include "match/lexicon.h"
#include "tmpdir.h"

static char *dir;
static struct th_lexicons *lexicons;
static struct th_scratch *scratch;

static int setup(void **state)
{
        (void)state;
        dir = tmp_dir();
        free(tmp_write(dir, "xx/a.yml",
                       "lexicons:\n"
                       "  places:\n    summary: test\n    terms:\n"
                       "      - Trêveszaal\n"
                       "      - term: ministerie van Financiën\n        aliases: [Financiën]\n"
                       "      - ministerie\n"
                       "  words:\n    terms:\n"
                       "      - campagnemedewerker*\n      - \"*verkiezingscampagne\"\n"
                       "      - \"'t Torentje\"\n      - campagne-overleg\n"
                       "cases: []\n"));
        free(tmp_write(dir, "bad/b.yml",
                       "lexicons:\n  x:\n    terms:\n      - {term: a, tags: [b]}\n"));
        free(tmp_write(dir, "dup/a.yml", "lexicons:\n  x:\n    terms: [a]\n"));
        free(tmp_write(dir, "dup/b.yml", "lexicons:\n  x:\n    terms: [b]\n"));
        lexicons = th_lexicons_new(dir);
        scratch = th_scratch_new();
        return 0;
}

static int teardown(void **state)
{
        (void)state;
        th_lexicons_free(lexicons);
        th_scratch_free(scratch);
        tmp_remove(dir);
        free(dir);
        return 0;
}

/* The matches of lexicon `name` in `text`, as "match=term;" pairs. */
static char *matches(const char *name, const char *text)
{
        struct th_error err = {0};
        const struct th_lexicon *l = th_lexicons_get(lexicons, name, &err);
        assert_non_null(l);
        struct th_buf b = {0};
        size_t at = 0, s, e;
        const char *term;
        while (th_lexicon_find(l, scratch, text, strlen(text), at, &s, &e, &term) == 1) {
                th_buf_addf(&b, "%.*s=%s;", (int)(e - s), text + s, term);
                at = e;
        }
        return th_buf_detach(&b);
}

static void accents_case_and_longest_form(void **state)
{
        (void)state;
        char *got = matches("xx/places", "In de TREVESZAAL en de Trêveszaal, op het ministerie "
                                         "van financien en het Ministerie; Financiënwet niet.");
        assert_string_equal(got, "TREVESZAAL=Trêveszaal;Trêveszaal=Trêveszaal;ministerie van "
                                 "financien=ministerie van Financiën;Ministerie=ministerie;");
        free(got);
}

static void compounds_wildcards_apostrophes(void **state)
{
        (void)state;
        char *got = matches("xx/words", "De CDA-campagnemedewerkers, de Tweede "
                                        "Kamerverkiezingscampagne, ’t Torentje, "
                                        "campagneoverleg en campagne-overleg.");
        assert_string_equal(got, "campagnemedewerkers=campagnemedewerker*;"
                                 "Kamerverkiezingscampagne=*verkiezingscampagne;"
                                 "’t Torentje='t Torentje;campagneoverleg=campagne-overleg;"
                                 "campagne-overleg=campagne-overleg;");
        free(got);
}

static void term_regex(void **state)
{
        (void)state;
        char *re = th_lexicon_term_regex("privé-diner*");
        assert_string_equal(re, "pr[iìíîï]v[eèéêë](?:[-\\x{2010}\\x{2011}\\x{2013}]|\\s+)?d[iìíîï]"
                                "[nñ][eèéêë]r[\\p{L}\\p{N}]*");
        free(re);
}

static void data_errors_have_positions(void **state)
{
        (void)state;
        struct th_error err = {0};
        assert_null(th_lexicons_get(lexicons, "bad/x", &err));
        assert_int_equal(err.line, 4);
        assert_int_equal(err.col, 19);
        assert_string_equal(err.message, "a term of lexicon 'bad/x': unknown key 'tags'; expected "
                                         "term, aliases, note or source");
        th_error_release(&err);
        assert_null(th_lexicons_get(lexicons, "dup/x", &err));
        assert_int_equal(err.line, 2);
        assert_non_null(strstr(err.message, "lexicon 'dup/x' is already defined at "));
        th_error_release(&err);
        assert_null(th_lexicons_get(lexicons, "xx/none", &err));
        assert_string_equal(err.message, "no lexicon 'xx/none' in the rule data");
        th_error_release(&err);
        assert_null(th_lexicons_get(lexicons, "nolang", &err));
        th_error_release(&err);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(accents_case_and_longest_form),
            cmocka_unit_test(compounds_wildcards_apostrophes),
            cmocka_unit_test(term_regex),
            cmocka_unit_test(data_errors_have_positions),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
