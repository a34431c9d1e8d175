/* SPDX-License-Identifier: EUPL-1.2 */
/* test_morphology.c: lemmas from Hunspell (the Dutch dictionary of hunspell-nl), and
 * what they add to the word index: inflection, compounds, gaps, opting out, short terms,
 * words the dictionary does not know, and the bounded memo; and a language's common
 * words, on which no term of several words is anchored. */
#include "unit.h"
#include "document/conventions.h"
#include "match/lexicon.h"
#include "match/morphology.h"
#include "match/wordindex.h"
#include "tmpdir.h"

static char *dir;
static struct th_lexicons *lexicons;
static struct th_scratch *scratch;
static struct th_morphology *nl;
static struct th_word_table *table;

static const char *const names[] = {"xx/things", "xx/heads", "xx/firsts", "xx/plain",
                                    "xx/gaps",   "xx/short", "xx/family", NULL};

static int setup(void **state)
{
        (void)state;
        dir = tmp_dir();
        free(
            tmp_write(dir, "xx/a.yml",
                      "lexicons:\n"
                      "  things:\n    terms: [campagne, vakantie, gezin, filmpje, kandidaat,\n"
                      "                       vertrouwt, daadkrachtig, video, Trêveszaal]\n"
                      "  heads:\n    compounds: head\n    terms: [feest, minister, diner, woning]\n"
                      "  firsts:\n    compounds: [first]\n    terms: [campagne]\n"
                      "  plain:\n    morphology: false\n    terms: [campagne]\n"
                      "  gaps:\n    terms: [\"neemt … op\", \"stel ... kandidaat\"]\n"
                      "  short:\n    terms: [lid]\n"
                      "  family:\n    morphology: false\n    terms: [zijn man]\n"));
        free(tmp_write(dir, "bad/a.yml",
                       "lexicons:\n  x:\n    compounds: [tail]\n    terms: [a]\n"));
        free(tmp_write(dir, "bad2/a.yml",
                       "lexicons:\n  x:\n    morphology: maybe\n    terms: [a]\n"));
        lexicons = th_lexicons_new(dir);
        scratch = th_scratch_new();
        struct th_error err = {0};
        nl = th_morphology_open("nl", &err);
        if (!nl)
                return -1;
        for (size_t i = 0; names[i]; i++)
                if (!th_lexicons_get(lexicons, names[i], &err))
                        return -1;
        struct th_word_morphology m = {.lang = "xx", .morphology = nl};
        table = th_word_table_new(lexicons, &m, 1);
        return 0;
}

static int teardown(void **state)
{
        (void)state;
        th_word_table_free(table);
        th_morphology_free(nl);
        th_lexicons_free(lexicons);
        th_scratch_free(scratch);
        tmp_remove(dir);
        free(dir);
        return 0;
}

/* The matches of lexicon `name` in `text`, as index `x` has them, as "match=term;". */
static char *found(const struct th_word_index *x, const char *name, const char *text)
{
        struct th_error err = {0};
        const struct th_lexicon *l = th_lexicons_get(lexicons, name, &err);
        assert_non_null(l);
        struct th_buf b = {0};
        size_t at = 0, s, e;
        const char *term;
        while (th_word_index_find(x, l, strlen(text), at, &s, &e, &term) == 1) {
                th_buf_addf(&b, "%.*s=%s;", (int)(e - s), text + s, term);
                at = e;
        }
        return th_buf_detach(&b);
}

/* The same through a new word index of `text`. */
static char *indexed(const char *name, const char *text)
{
        struct th_word_index *x = th_word_index_build(table, scratch, text, strlen(text));
        assert_non_null(x);
        char *got = found(x, name, text);
        th_word_index_free(x);
        return got;
}

/* The same through the lexicon's own pattern (any string, no morphology). */
static char *scanned(const char *name, const char *text)
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

#define EXPECT(got_expr, want)                                                                     \
        do {                                                                                       \
                char *got_ = (got_expr);                                                           \
                assert_string_equal(got_, want);                                                   \
                free(got_);                                                                        \
        } while (0)

static void lemmas(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_morphology *full = th_morphology_open("nl", &err); /* the whole dictionary */
        assert_non_null(full);
        const char *out[8];
        assert_int_equal(th_morphology_lemmas(full, "Campagnes", 9, out, 8), 1);
        assert_string_equal(out[0], "campagne");
        assert_int_equal(th_morphology_lemmas(full, "gezinnen", 8, out, 8), 1);
        assert_string_equal(out[0], "gezin");
        assert_int_equal(th_morphology_lemmas(full, "filmpjes", 8, out, 8), 1);
        assert_string_equal(out[0], "film");
        assert_int_equal(th_morphology_lemmas(full, "privé", 6, out, 8), 1);
        assert_string_equal(out[0], "prive"); /* folded as the word index folds */
        assert_int_equal(th_morphology_lemmas(full, "zzqxwv", 6, out, 8), 0);
        /* a compound's lemma is the whole word, not its first part (Hunspell_stem's "feest") */
        assert_int_equal(th_morphology_lemmas(full, "feestzalen", 10, out, 8), 1);
        assert_string_equal(out[0], "feestzaal");
        assert_int_equal(th_morphology_lemmas(full, "woonministers", 13, out, 8), 1);
        assert_string_equal(out[0], "woonminister");
        assert_int_equal(th_morphology_entries(full), 0); /* all of them */
        th_morphology_free(full);
        /* the index's: only entries that start as its terms' three-byte groups */
        assert_true(th_morphology_entries(nl) > 100);
        assert_true(th_morphology_entries(nl) < 60000);
        assert_int_equal(th_morphology_lemmas(nl, "privé", 6, out, 8), 0);
        assert_int_equal(th_morphology_lemmas(nl, "gezinnen", 8, out, 8), 1);
        assert_string_equal(out[0], "gezin");
}

static void plurals(void **state)
{
        (void)state;
        EXPECT(indexed("xx/things", "Campagnes, vakanties en gezinnen; kandidaten."),
               "Campagnes=campagne;vakanties=vakantie;gezinnen=gezin;kandidaten=kandidaat;");
        /* 's: the apostrophe-s is part of the span, typographic or not */
        EXPECT(indexed("xx/things", "Twee video's en drie video’s, één video."),
               "video's=video;video’s=video;video=video;");
}

static void diminutives(void **state)
{
        (void)state;
        EXPECT(indexed("xx/things", "Een filmpje, twee filmpjes en een film."),
               "filmpje=filmpje;filmpjes=filmpje;film=filmpje;");
}

static void verb_and_adjective_forms(void **state)
{
        (void)state;
        EXPECT(indexed("xx/things", "Wie vertrouw je? Ze vertrouwde hem. Een daadkrachtige "
                                    "minister."),
               "vertrouw=vertrouwt;vertrouwde=vertrouwt;daadkrachtige=daadkrachtig;");
}

static void compound_heads(void **state)
{
        (void)state;
        EXPECT(indexed("xx/heads", "Het privéfeestje met woonministers na het "
                                   "verjaardagsdiner in de ambassadeurswoning."),
               "privéfeestje=feest;woonministers=minister;verjaardagsdiner=diner;"
               "ambassadeurswoning=woning;");
        EXPECT(indexed("xx/heads", "Een privé-feestje van de BBB-minister, het feest."),
               "privé-feestje=feest;BBB-minister=minister;feest=feest;");
        /* a head needs three letters before it; a form as written needs none */
        EXPECT(indexed("xx/heads", "Geen feesten, wel defeest."), "feesten=feest;");
        /* heads are not first parts */
        EXPECT(indexed("xx/heads", "De feestzaal."), "");
}

static void compound_first_parts(void **state)
{
        (void)state;
        EXPECT(indexed("xx/firsts", "Ze nemen campagnefilmpjes op, campagne-filmpjes, "
                                    "campagnevideo's en campagnes."),
               "campagnefilmpjes=campagne;campagne-filmpjes=campagne;campagnevideo's=campagne;"
               "campagnes=campagne;");
        /* first parts are not heads, and need three letters after them */
        EXPECT(indexed("xx/firsts", "De verkiezingscampagne en de campagnes."),
               "campagnes=campagne;");
        /* without `compounds:` a term is a word of its own */
        EXPECT(indexed("xx/things", "campagnefilmpjes"), "");
}

static void gaps(void **state)
{
        (void)state;
        const char *text = "Hij neemt de nieuwe campagnefilm morgen op. Ik stel mij kandidaat. "
                           "Hij neemt het. Dan gaat hij op pad.";
        const char *want = "neemt de nieuwe campagnefilm morgen op=neemt … op;"
                           "stel mij kandidaat=stel ... kandidaat;";
        EXPECT(indexed("xx/gaps", text), want);
        EXPECT(scanned("xx/gaps", text), want);
        /* at most six words in between */
        EXPECT(indexed("xx/gaps", "neemt een twee drie vier vijf zes op, neemt 1 2 3 4 5 6 7 op"),
               "neemt een twee drie vier vijf zes op=neemt … op;");
        char *re = th_lexicon_form_regex("neemt … op", 1);
        assert_string_equal(re, "(?-i:neemt\\s+(?:[^\\s.!?;:\\x{2026}]+\\s+){0,6}?op)");
        free(re);
}

/* What a word finds is worked out once and replayed where it recurs, also in the next
 * text of the same index; what its neighbours decide (a hyphen, an apostrophe-s) is read
 * at each place. */
static void recurring_words(void **state)
{
        (void)state;
        EXPECT(indexed("xx/heads", "De minister, de BBB-minister en de minister."),
               "minister=minister;BBB-minister=minister;minister=minister;");
        EXPECT(indexed("xx/firsts", "campagne, campagne-filmpjes en campagne."),
               "campagne=campagne;campagne-filmpjes=campagne;campagne=campagne;");
        EXPECT(indexed("xx/things", "video, video's, video en Video"),
               "video=video;video's=video;video=video;Video=video;");
        const char *one = "De BBB-minister, campagne-filmpjes en video's.";
        const char *two = "De minister, campagne en video, BBB-minister.";
        struct th_word_index *x = th_word_index_build(table, scratch, one, strlen(one));
        assert_non_null(x);
        x = th_word_index_rebuild(x, table, scratch, two, strlen(two));
        assert_non_null(x);
        EXPECT(found(x, "xx/heads", two), "minister=minister;BBB-minister=minister;");
        EXPECT(found(x, "xx/firsts", two), "campagne=campagne;");
        EXPECT(found(x, "xx/things", two), "campagne=campagne;video=video;");
        th_word_index_free(x);
}

static void opt_out_short_terms_unknown_words(void **state)
{
        (void)state;
        EXPECT(indexed("xx/plain", "Campagnes en de campagne."), "campagne=campagne;");
        EXPECT(indexed("xx/short", "Het lid en de leden."), "lid=lid;");
        /* the dictionary does not know "Trêveszalen": only the form as written matches */
        EXPECT(indexed("xx/things", "In de Trêveszalen en de Treveszaal."),
               "Treveszaal=Trêveszaal;");
        /* th_lexicon_find on other strings: as written */
        EXPECT(scanned("xx/things", "Campagnes en de campagne."), "campagne=campagne;");
}

static void bounded_memo(void **state)
{
        (void)state;
        struct th_error err = {0};
        struct th_morphology *m = th_morphology_open("nl", &err);
        assert_non_null(m);
        const char *out[8];
        th_morphology_set_cache_limit(m, 3);
        const char *words[] = {"campagnes", "gezinnen", "filmpjes", "vakanties", "kandidaten"};
        for (size_t i = 0; i < 5; i++) {
                th_morphology_lemmas(m, words[i], strlen(words[i]), out, 8);
                assert_true(th_morphology_cached(m) <= 3);
        }
        assert_int_equal(th_morphology_cached(m), 2); /* emptied at the fourth word */
        assert_int_equal(th_morphology_lookups(m), 5);
        assert_int_equal(th_morphology_lemmas(m, "kandidaten", 10, out, 8), 2);
        assert_int_equal(th_morphology_lookups(m), 5); /* memoized */
        assert_string_equal(out[1], "kandidaat");
        th_morphology_lemmas(m, "campagnes", 9, out, 8); /* forgotten: asked again */
        assert_int_equal(th_morphology_lookups(m), 6);
        th_morphology_free(m);
}

static void missing_dictionary(void **state)
{
        (void)state;
        struct th_error err = {0};
        assert_null(th_morphology_open("xx-none", &err));
        assert_non_null(strstr(err.message, "/usr/share/hunspell/xx-none.aff"));
        assert_non_null(strstr(err.message, "Debian package hunspell-xx-none"));
        th_error_release(&err);
}

static void data_errors_and_conventions(void **state)
{
        (void)state;
        struct th_lexicons *l = th_lexicons_new(dir);
        struct th_error err = {0};
        assert_null(th_lexicons_get(l, "bad/x", &err));
        assert_non_null(strstr(err.message, "'compounds': expected head, first"));
        assert_int_equal(err.line, 3);
        th_error_release(&err);
        assert_null(th_lexicons_get(l, "bad2/x", &err));
        assert_non_null(strstr(err.message, "'morphology': expected true or false"));
        th_error_release(&err);
        th_lexicons_free(l);
        char *path = tmp_write(dir, "yy/language.yml", "dictionary: nl\nabbreviations: [bv]\n");
        struct th_conventions c = {0};
        assert_int_equal(th_conventions_read(&c, "yy", path, &err), 0);
        assert_string_equal(th_conventions_dictionary(&c, "yy"), "nl");
        assert_null(th_conventions_dictionary(&c, "zz"));
        th_conventions_release(&c);
        free(path);
        path = tmp_write(dir, "yy/language.yml", "common-words: [De, zijn]\n");
        assert_int_equal(th_conventions_read(&c, "yy", path, &err), 0);
        assert_int_equal(c.ncommon, 1);
        assert_string_equal(c.common[0].lang, "yy");
        assert_int_equal(c.common[0].n, 2);
        assert_string_equal(c.common[0].words[0], "de"); /* lower case */
        assert_string_equal(c.common[0].words[1], "zijn");
        th_conventions_release(&c);
        free(path);
        path = tmp_write(dir, "yy/language.yml", "dictionary: nl\ncommon-words: zijn\n");
        assert_int_equal(th_conventions_read(&c, "yy", path, &err), -1);
        assert_non_null(strstr(err.message, "'common-words': expected a list of texts"));
        assert_int_equal(err.line, 2);
        th_error_release(&err);
        th_conventions_release(&c);
        free(path);
}

/* A term of several words is looked for at its word that is not one of the language's
 * commonest: the same matches, one confirmation instead of one at every "zijn". */
static void terms_not_anchored_on_common_words(void **state)
{
        (void)state;
        const char *text = "Zijn boek, zijn huis, zijn tuin en zijn man.";
        char *const common[] = {"zijn"};
        struct th_word_morphology with = {"xx", nl, common, 1};
        struct th_word_table *anchored = th_word_table_new(lexicons, &with, 1);
        struct th_word_index *x = th_word_index_build(table, scratch, text, strlen(text));
        struct th_word_index *y = th_word_index_build(anchored, scratch, text, strlen(text));
        char *a = found(x, "xx/family", text), *b = found(y, "xx/family", text);
        assert_string_equal(a, "zijn man=zijn man;");
        assert_string_equal(b, a);
        assert_int_equal(th_word_index_confirmations(x), 4);
        assert_int_equal(th_word_index_confirmations(y), 1);
        free(a);
        free(b);
        th_word_index_free(x);
        th_word_index_free(y);
        th_word_table_free(anchored);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(lemmas),
            cmocka_unit_test(plurals),
            cmocka_unit_test(diminutives),
            cmocka_unit_test(verb_and_adjective_forms),
            cmocka_unit_test(compound_heads),
            cmocka_unit_test(compound_first_parts),
            cmocka_unit_test(gaps),
            cmocka_unit_test(recurring_words),
            cmocka_unit_test(opt_out_short_terms_unknown_words),
            cmocka_unit_test(bounded_memo),
            cmocka_unit_test(missing_dictionary),
            cmocka_unit_test(data_errors_and_conventions),
            cmocka_unit_test(terms_not_anchored_on_common_words),
        };
        return cmocka_run_group_tests(tests, setup, teardown);
}
