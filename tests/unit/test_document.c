/* SPDX-License-Identifier: EUPL-1.2 */
/* test_document.c: encoding, byte-order mark, line endings and positions. */
#include "unit.h"

static void invalid_utf8_is_an_error_with_position(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "Regel een\nIn het caf\xE9 vandaag.\n", 0, &err), -1);
        char *msg = th_error_format(&err);
        assert_string_equal(msg, "t.md:2:11: invalid UTF-8 byte 0xE9; expected UTF-8 text (use "
                                 "--lenient to skip invalid bytes)");
        assert_int_equal(err.kind, TH_ERR_USAGE);
        free(msg);
        th_error_release(&err);
        th_doc_release(&doc);
}

static void lenient_skips_invalid_bytes(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        const char *text = "caf\xE9 en \xFF thee.";
        struct th_doc_options opt = {TH_MARKUP_PLAIN, 1, NULL, NULL, NULL};
        assert_int_equal(th_doc_build(&doc, "t.txt", th_xstrdup(text), strlen(text), &opt, &err),
                         0);
        assert_int_equal(doc.invalid.nr, 2);
        assert_int_equal(doc.invalid.v[0].start, 3);
        assert_int_equal(doc.invalid.v[1].start, 8);
        assert_int_equal(doc.prose[3], ' ');
        th_doc_release(&doc);
}

static void bom_and_crlf_keep_columns(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "\xEF\xBB\xBFTrêveszaal\r\nCatshuis\r\n", 1, &err), 0);
        unsigned line, col;
        th_doc_position(&doc, 3, &line, &col); /* first letter after the BOM */
        assert_int_equal(line, 1);
        assert_int_equal(col, 1);
        th_doc_position(&doc, 3 + strlen("Trêves"), &line, &col); /* the "z": ê is one column */
        assert_int_equal(col, 7);
        th_doc_position(&doc, 3 + strlen("Trêveszaal\r\n"), &line, &col);
        assert_int_equal(line, 2);
        assert_int_equal(col, 1);
        assert_int_equal(doc.prose[0], ' '); /* the BOM is not prose */
        th_doc_release(&doc);
}

static void empty_document(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "", 0, &err), 0);
        assert_int_equal(doc.sentences.nr, 0);
        assert_int_equal(doc.nlines, 1);
        th_doc_release(&doc);
}

/* the span holding an offset, or the next one: sentences, blocks and quotes are found so */
static void span_list_index(void **state)
{
        (void)state;
        struct th_span_list l = {0};
        th_span_list_push(&l, 0, 5);
        th_span_list_push(&l, 7, 9);
        assert_int_equal(th_span_list_index(&l, 0), 0);
        assert_int_equal(th_span_list_index(&l, 4), 0);
        assert_int_equal(th_span_list_index(&l, 5), 1); /* between: the next */
        assert_int_equal(th_span_list_index(&l, 8), 1);
        assert_int_equal(th_span_list_index(&l, 9), 2); /* after the last: none */
        th_span_list_release(&l);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(span_list_index),
            cmocka_unit_test(invalid_utf8_is_an_error_with_position),
            cmocka_unit_test(lenient_skips_invalid_bytes),
            cmocka_unit_test(bom_and_crlf_keep_columns),
            cmocka_unit_test(empty_document),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
