/* SPDX-License-Identifier: EUPL-1.2 */
/* test_sentences.c: sentence boundaries in Dutch prose. */
#include "unit.h"

static void check(const char *text, size_t n, const char *const *want)
{
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 1, &err), 0);
        assert_int_equal(doc.sentences.nr, n);
        for (size_t i = 0; i < n; i++)
                assert_string_equal(unit_span(&doc, &doc.sentences, i), want[i]);
        th_doc_release(&doc);
}

static void abbreviations_do_not_end_a_sentence(void **state)
{
        (void)state;
        const char *want[] = {"Dit geldt o.a. voor mr. Jansen en dr. De Vries, bijv. bij nr. 194.",
                              "Zie blz. 52 van het Handboek d.w.z. de uitgave van jl. jaar."};
        check("Dit geldt o.a. voor mr. Jansen en dr. De Vries, bijv. bij nr. 194. "
              "Zie blz. 52 van het Handboek d.w.z. de uitgave van jl. jaar.",
              2, want);
}

static void initials_and_numbers(void **state)
{
        (void)state;
        const char *want[] = {"Minister J.A. de Vries opende om 19.00 uur het kantoor.",
                              "Het waren 2021.",
                              "Daarna niet meer!",
                              "Echt?",
                              "\"Ja.\"",
                              "Klaar…",
                              "Einde"};
        check("Minister J.A. de Vries opende om 19.00 uur het kantoor. Het waren 2021. Daarna "
              "niet meer! Echt? \"Ja.\" Klaar… Einde",
              7, want);
}

static void closing_quotes_and_brackets_end_with_their_sentence(void **state)
{
        (void)state;
        const char *want[] = {"Zo \"gaat\" het.\"",
                              "(Zo.)",
                              "[Zo.]",
                              "'Zo.'",
                              "*Zo.*",
                              "_Zo._",
                              "\xC2\xABZo.\xC2\xBB",
                              "\xE2\x80\x9CZo.\xE2\x80\x9D",
                              "\xE2\x80\x98Zo.\xE2\x80\x99",
                              "Zo.\xE2\x80\x9C Nee."};
        check("Zo \"gaat\" het.\" (Zo.) [Zo.] 'Zo.' *Zo.* _Zo._ \xC2\xABZo.\xC2\xBB "
              "\xE2\x80\x9CZo.\xE2\x80\x9D \xE2\x80\x98Zo.\xE2\x80\x99 Zo.\xE2\x80\x9C Nee.",
              10, want);
}

static void lower_case_continues(void **state)
{
        (void)state;
        const char *want[] = {"Kamerstuk 32 500 XIII, nr. 194 en art. 5 zijn van toepassing."};
        check("Kamerstuk 32 500 XIII, nr. 194 en art. 5 zijn van toepassing.", 1, want);
}

static void footnote_marks_end_with_their_sentence(void **state)
{
        (void)state;
        const char *want[] = {
            "Dat deden we zelf.[6]",    "Vanavond meer.[^noot-2]", "Dan dit.^3", "En dat.^[4]",
            "Ook dit.\xC2\xB9\xC2\xB2", "Tot slot.\xE2\x81\xB5",   "Einde.",     "[7] staat los."};
        check("Dat deden we zelf.[6] Vanavond meer.[^noot-2] Dan dit.^3 En dat.^[4] Ook "
              "dit.\xC2\xB9\xC2\xB2 Tot slot.\xE2\x81\xB5 Einde. [7] staat los.",
              8, want);
        /* not a mark: a lower-case word goes on, and "[]" or "[^]" is no mark */
        const char *on[] = {"Zie art.[6] en verder.", "Leeg.[] Nee."};
        check("Zie art.[6] en verder. Leeg.[] Nee.", 2, on);
}

static void paragraphs_in_plain_text(void **state)
{
        (void)state;
        const char *want[] = {"Eerste regel zonder punt", "Tweede alinea."};
        check("Eerste regel zonder punt\n\nTweede alinea.\n", 2, want);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(abbreviations_do_not_end_a_sentence),
            cmocka_unit_test(initials_and_numbers),
            cmocka_unit_test(closing_quotes_and_brackets_end_with_their_sentence),
            cmocka_unit_test(lower_case_continues),
            cmocka_unit_test(footnote_marks_end_with_their_sentence),
            cmocka_unit_test(paragraphs_in_plain_text),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
