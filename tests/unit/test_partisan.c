/* SPDX-License-Identifier: EUPL-1.2 */
/* test_partisan.c: the shared judgement of party-political content, and the
 * election calendar, from the project's own rule data. */
#include "unit_nl.h"
#include "nl/elections.h"
#include "tmpdir.h"

static struct th_lexicons *lexicons;
static struct th_partisan_model *model;
static struct th_word_table *words;
static struct th_scratch *scratch;

static int setup(void **state)
{
        (void)state;
        scratch = th_scratch_new();
        if (unit_nl_load(&lexicons, &model, NULL) < 0)
                return -1;
        words = th_word_table_new(lexicons, NULL, 0);
        return 0;
}

static int teardown(void **state)
{
        (void)state;
        th_partisan_model_free(model);
        th_word_table_free(words);
        th_lexicons_free(lexicons);
        th_scratch_free(scratch);
        return 0;
}

/* Judge `text` (with metadata date `date`, may be NULL) as "kind:words:party;..." */
static char *judge(const char *text, const char *date)
{
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        if (date)
                assert_int_equal(
                    th_meta_set(&doc.meta, "date", &date, 1, NULL, NULL, "t", 0, 0, &err), 0);
        struct th_partisan_list l = {0};
        struct th_word_index *x = th_word_index_build(words, scratch, doc.prose, doc.len);
        assert_non_null(x);
        assert_int_equal(th_partisan_judge(model, scratch, &doc, x, &l, &err), 0);
        th_word_index_free(x);
        struct th_buf b = {0};
        for (size_t i = 0; i < l.nr; i++)
                th_buf_addf(&b, "%d:%.*s:%s%s;", l.v[i].kind,
                            (int)(l.v[i].span.end - l.v[i].span.start),
                            doc.text + l.v[i].span.start, l.v[i].party ? l.v[i].party : "-",
                            l.v[i].quoted ? ":quoted" : "");
        free(l.v);
        th_doc_release(&doc);
        return th_buf_detach(&b);
}

static void kinds_and_parties(void **state)
{
        (void)state;
        struct {
                const char *text, *date, *want;
        } cases[] = {
            {"Stem op 17 maart op de VVD.", NULL, "1:Stem op 17 maart op de VVD:VVD;"},
            {"Op 17 maart stem ik D66. #D66", NULL, "1:stem ik D66:D66;4:#D66:D66;"},
            {"Wij als CDA staan pal.", NULL, "2:Wij als CDA:CDA;"},
            {"Het rampzalige beleid van GroenLinks-PvdA.", NULL,
             "5:rampzalige beleid van GroenLinks-PvdA:GroenLinks-PvdA;"},
            {"Doen wat nodig is.", "2022-05-01", "3:Doen wat nodig is:VVD;"},
            {"Doen wat nodig is.", NULL, ""},
            /* found around its longest word, over a sentence end, once where the
             * sentences around two of its words overlap */
            {"Minder. Minder ik. Meer wij, zegt hij. Minder zorgen.", NULL,
             "3:Minder ik. Meer wij:CDA;"},
            /* no word of five letters: the whole text is read */
            {"Het kan wel.", "2025-09-01", "3:Het kan wel:D66;"},
            {"Hij zei: \"Stem SP.\"", NULL, "1:Stem SP:SP:quoted;"},
            {"#StemSP en #TeamD66", NULL, "1:#StemSP:SP;4:#TeamD66:D66;"},
            {"Dat we als CDA grote resultaten boekten.", NULL, "2:we als CDA:CDA;"},
            {"Stem 14, 15 en 16 maart op DENK!", NULL, "1:Stem 14, 15 en 16 maart op DENK:DENK;"},
            {"Zij is de tassendrager van Rutte.", NULL, "5:tassendrager van Rutte:-;"},
            {"De VVD is de partij van de leugenaars.", NULL,
             "5:VVD is de partij van de leugenaars:VVD;"},
            {"Vragen van het lid Leijten (SP) over de PVV-minister.", NULL, ""},
            {"Een tweet van PVV-minister Agema over burgemeester Halsema (GroenLinks).", NULL,
             "2:PVV-minister:PVV;"},
            {"Ga stemmen! Elke stem telt. Breng uw stem uit.", NULL, ""},
            {"Ik denk dat Volt en DENK meedoen.", NULL, ""},
        };
        for (size_t i = 0; i < sizeof(cases) / sizeof(cases[0]); i++) {
                char *got = judge(cases[i].text, cases[i].date);
                assert_string_equal(got, cases[i].want);
                free(got);
        }
}

static void party_ids(void **state)
{
        (void)state;
        assert_string_equal(th_partisan_party_id(model, scratch, "d'66"), "D66");
        assert_string_equal(th_partisan_party_id(model, scratch, "GL-PvdA"), "GroenLinks-PvdA");
        assert_string_equal(th_partisan_party_id(model, scratch, "Partij voor de Dieren"), "PvdD");
        assert_null(th_partisan_party_id(model, scratch, "denk"));
        assert_null(th_partisan_party_id(model, scratch, "Rode Kruis"));
}

static void data_errors(void **state)
{
        (void)state;
        char *dir = tmp_dir();
        free(tmp_write(dir, "parties.yml", "parties:\n  - id: X\n    colour: red\n"));
        free(tmp_write(dir, "partisan.yml", "patterns: {}\n"));
        struct th_error err = {0};
        struct th_lexicons *none = th_lexicons_new(dir);
        assert_null(th_partisan_model_load(none, dir, "xx", &err));
        assert_int_equal(err.line, 3);
        assert_string_equal(err.message, "party 'X': unknown key 'colour'; expected id, names, "
                                         "exact, hashtags, campaign-hashtags or slogans");
        th_error_release(&err);
        free(tmp_write(dir, "parties.yml", "parties:\n  - id: X\n    names: [X]\n"));
        free(tmp_write(dir, "partisan.yml", "patterns:\n  polemic:\n    - 'stem ({party}'\n"));
        assert_null(th_partisan_model_load(none, dir, "xx", &err));
        assert_int_equal(err.line, 3);
        assert_non_null(strstr(err.message, "pattern does not compile"));
        th_error_release(&err);
        /* a veto that does not compile is refused at its own line */
        free(tmp_write(dir, "partisan.yml",
                       "patterns:\n  polemic:\n    - pattern: '{party}'\n      unless: 'x(('\n"));
        assert_null(th_partisan_model_load(none, dir, "xx", &err));
        assert_int_equal(err.line, 4);
        assert_non_null(strstr(err.message, "pattern does not compile"));
        th_error_release(&err);
        free(tmp_write(dir, "partisan.yml", "placeholders:\n  party: x\npatterns: {}\n"));
        assert_null(th_partisan_model_load(none, dir, "xx", &err));
        assert_int_equal(err.line, 2);
        assert_string_equal(err.message, "'placeholders': expected NAME: PATTERN (a name other "
                                         "than 'party')");
        th_error_release(&err);
        th_lexicons_free(none);
        tmp_remove(dir);
        free(dir);
}

/* The project's calendar, rules/nl/elections.yml. */
static void load_calendar(struct th_elections *e)
{
        const char *src = getenv("srcdir");
        char *path = th_xasprintf("%s/rules/nl/elections.yml", src ? src : ".");
        struct th_error err = {0};
        assert_int_equal(th_elections_load(e, path, &err), 0);
        free(path);
}

static long days_for(void *arg, const char *type)
{
        return !strcmp(type, "tweede-kamer") ? *(const long *)arg : 0;
}

/* The window holds the `days` days up to and including election day, of its type only. */
static void campaign_window(void **state)
{
        (void)state;
        struct th_elections e;
        load_calendar(&e);
        long days = 42;
        const struct th_election_entry *x = th_elections_window(&e, "2021-03-17", days_for, &days);
        assert_non_null(x);
        assert_string_equal(x->date, "2021-03-17");
        assert_non_null(th_elections_window(&e, "2021-02-04", days_for, &days)); /* 41 days */
        assert_null(th_elections_window(&e, "2021-02-03", days_for, &days));     /* 42 days */
        assert_null(th_elections_window(&e, "2021-03-18", days_for, &days));     /* the day after */
        assert_null(th_elections_window(&e, "2022-03-10", days_for, &days));     /* gemeenteraad */
        days = 400;
        x = th_elections_window(&e, "2020-03-01", days_for, &days);
        assert_non_null(x);
        assert_string_equal(x->date, "2021-03-17");
        th_elections_release(&e);
}

static void calendar(void **state)
{
        (void)state;
        struct th_elections e;
        struct th_error err = {0};
        load_calendar(&e);
        assert_true(e.nr >= 18);
        for (size_t i = 1; i < e.nr; i++)
                assert_true(strcmp(e.v[i - 1].date, e.v[i].date) <= 0);
        int tk2021 = 0;
        for (size_t i = 0; i < e.nr; i++)
                tk2021 |=
                    !strcmp(e.v[i].date, "2021-03-17") && !strcmp(e.v[i].type, "tweede-kamer");
        assert_true(tk2021);
        th_elections_release(&e);
        char *dir = tmp_dir();
        char *bad = tmp_write(dir, "e.yml",
                              "types: [tweede-kamer]\nelections:\n"
                              "  - {type: senaat, date: 2027-01-01}\n");
        assert_int_equal(th_elections_load(&e, bad, &err), -1);
        assert_int_equal(err.line, 3);
        assert_string_equal(err.message, "expected type (tweede-kamer), date (YYYY-MM-DD) and "
                                         "official (true or false)");
        th_error_release(&err);
        free(bad);
        bad = tmp_write(dir, "e.yml", "elections:\n  - {type: tweede-kamer, date: 2027-01-01}\n");
        assert_int_equal(th_elections_load(&e, bad, &err), -1);
        assert_string_equal(err.message, "expected 'types': a list of election types");
        th_error_release(&err);
        free(bad);
        tmp_remove(dir);
        free(dir);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(kinds_and_parties), cmocka_unit_test(party_ids),
            cmocka_unit_test(data_errors),       cmocka_unit_test(calendar),
            cmocka_unit_test(campaign_window),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
