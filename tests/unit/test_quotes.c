/* SPDX-License-Identifier: EUPL-1.2 */
/* test_quotes.c: quotation spans are reported speech; apostrophes are not quotes. */
#include "unit.h"

static void quote_kinds(void **state)
{
        (void)state;
        const char *text =
            "Hij zei \"stem\" en „ga” en “nu” en «lees» en ‘Elke stem telt’ en 'hier'.";
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, text, 1, &err), 0);
        assert_int_equal(doc.quotes.nr, 6);
        assert_string_equal(unit_span(&doc, &doc.quotes, 0), "\"stem\"");
        assert_string_equal(unit_span(&doc, &doc.quotes, 1), "„ga”");
        assert_string_equal(unit_span(&doc, &doc.quotes, 2), "“nu”");
        assert_string_equal(unit_span(&doc, &doc.quotes, 3), "«lees»");
        assert_string_equal(unit_span(&doc, &doc.quotes, 4), "‘Elke stem telt’");
        assert_string_equal(unit_span(&doc, &doc.quotes, 5), "'hier'");
        assert_false(th_doc_in_quote(&doc, 0));
        th_doc_release(&doc);
}

static void apostrophes_are_not_quotes(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(
            unit_doc(&doc, "De thema's van 's avonds en de foto’s van ’t kabinet.", 1, &err), 0);
        assert_int_equal(doc.quotes.nr, 0);
        th_doc_release(&doc);
}

static void unclosed_quote_is_none(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "Hij zei «stem op ons.\n\nEn verder.", 1, &err), 0);
        assert_int_equal(doc.quotes.nr, 0);
        th_doc_release(&doc);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(quote_kinds),
            cmocka_unit_test(apostrophes_are_not_quotes),
            cmocka_unit_test(unclosed_quote_is_none),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
