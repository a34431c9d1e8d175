/* SPDX-License-Identifier: EUPL-1.2 */
/* test_frontmatter.c: YAML front matter into metadata, and its errors. */
#include "unit.h"

static void values_and_their_place(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        const char *text =
            "---\nchannel: agenda\nlocation: Catshuis\nminister: [Jansen, De Vries]\n"
            "custom: yes\n---\nOverleg.\n";
        assert_int_equal(unit_doc(&doc, text, 0, &err), 0);
        assert_string_equal(th_meta_value(&doc.meta, "channel", 0), "agenda");
        assert_string_equal(th_meta_value(&doc.meta, "minister", 1), "De Vries");
        assert_string_equal(th_meta_value(&doc.meta, "custom", 0), "yes");
        const struct th_meta_entry *loc = th_meta_get(&doc.meta, "location");
        assert_true(loc->has_span);
        assert_int_equal(loc->end - loc->start, strlen("Catshuis"));
        assert_memory_equal(doc.text + loc->start, "Catshuis", 8);
        assert_int_equal(doc.body, strlen(text) - strlen("Overleg.\n"));
        assert_int_equal(doc.sentences.nr, 1); /* front matter is not prose */
        assert_string_equal(unit_span(&doc, &doc.sentences, 0), "Overleg.");
        th_doc_release(&doc);
}

static void broken_yaml_names_line_and_column(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(
            unit_doc(&doc, "---\nchannel: web\nminister: [Jansen\n---\nTekst.\n", 0, &err), -1);
        assert_string_equal(err.file, "t.md");
        assert_int_equal(err.line, 4);
        assert_non_null(strstr(err.message, "invalid YAML"));
        th_error_release(&err);
        th_doc_release(&doc);
}

static void invalid_value_points_at_it(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "---\ntitle: x\naccount: official\n---\n", 0, &err), -1);
        char *msg = th_error_format(&err);
        assert_string_equal(msg, "t.md:3:10: invalid value 'official' for metadata 'account'; "
                                 "expected corporate, hybrid (hybride), personal (persoonlijk)");
        free(msg);
        th_error_release(&err);
        th_doc_release(&doc);
}

static void unclosed_and_wrong_shape(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "---\nchannel: web\nTekst.\n", 0, &err), -1);
        assert_string_equal(err.message, "front matter is not closed: expected a line '---' after "
                                         "the opening '---'");
        th_error_release(&err);
        th_doc_release(&doc);
        assert_int_equal(unit_doc(&doc, "---\n- a\n- b\n---\n", 0, &err), -1);
        assert_int_equal(err.line, 2);
        assert_string_equal(err.message,
                            "front matter: expected a mapping of metadata keys, got a list");
        th_error_release(&err);
        th_doc_release(&doc);
        assert_int_equal(unit_doc(&doc, "---\nchannel: {a: b}\n---\n", 0, &err), -1);
        assert_int_equal(err.line, 2);
        assert_int_equal(err.col, 10);
        assert_string_equal(err.message,
                            "front matter: 'channel' expected a value or a list, got a mapping");
        th_error_release(&err);
        th_doc_release(&doc);
        assert_int_equal(unit_doc(&doc, "---\nminister: [Jansen, {a: b}]\n---\n", 0, &err), -1);
        assert_int_equal(err.line, 2);
        assert_int_equal(err.col, 20);
        assert_string_equal(
            err.message, "front matter: 'minister' expected a list of text values, got a mapping");
        th_error_release(&err);
        th_doc_release(&doc);
}

static void plain_text_has_no_front_matter(void **state)
{
        (void)state;
        struct th_doc doc;
        struct th_error err = {0};
        assert_int_equal(unit_doc(&doc, "---\nchannel: web\n---\n", 1, &err), 0);
        assert_null(th_meta_value(&doc.meta, "channel", 0));
        th_doc_release(&doc);
}

int main(void)
{
        const struct CMUnitTest tests[] = {
            cmocka_unit_test(values_and_their_place),
            cmocka_unit_test(broken_yaml_names_line_and_column),
            cmocka_unit_test(invalid_value_points_at_it),
            cmocka_unit_test(unclosed_and_wrong_shape),
            cmocka_unit_test(plain_text_has_no_front_matter),
        };
        return cmocka_run_group_tests(tests, NULL, NULL);
}
